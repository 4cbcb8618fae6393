"""Cue patterns for the tagger's decisive rules, compiled once at import.

Every pattern runs on normalised unit text: lower case, straight apostrophes, single
spaces. Most are anchored at the start of the unit, after leading fillers are removed,
because in speech the first words carry the act ("Have you tried...", "Let me...").
"""

from __future__ import annotations

import re


def _c(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.VERBOSE)


def wordset(words: str) -> frozenset[str]:
    """A set of words written as one space-separated string."""
    return frozenset(words.split())


def family(body: str) -> re.Pattern[str]:
    """A cue family searched in space-padded text (" " + unit), one word start at a time.

    Each alternative must match from the start of a word. The leading literal space lets
    the regex engine jump from space to space instead of trying every character, which
    makes these searches several times faster; `(?<=^\\ )` anchors an alternative to the
    first word of the unit.
    """
    return re.compile(rf"\ (?:{body})", re.VERBOSE)


def alternation(words: str) -> str:
    """A regex alternation of `|`-separated phrases, longest first, spaces made flexible."""
    phrases = sorted({p.strip() for p in words.split("|") if p.strip()}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases) + ")"


# --- fillers and backchannels ------------------------------------------------------------

_NOISE = r"(?:u+h+m*|u+m+|e+r+m*|h+m+|m+h*m+|mm-?hm+|uh-?huh|ah+|oh+|ooh|wow|hey)"

# Fillers and acknowledgements that open a unit without deciding its act. Words that are
# also content words ("well", "right", "like") only count when punctuation follows.
FILLERS = _c(
    rf"""^(?:
        {_NOISE}\b[\s,.!-]*
      | (?:so|and|but|ok|okay|alright|all\ right|yeah|yes|yep|yup|now|then|also|plus|or|
           honestly|frankly|basically|actually|personally|wait)\b
        (?![.?!]?$)[\s,.!-]*
      | (?:well|right|like|look|listen|no|sure|i\ see|got\ it|gotcha|i\ hear\ you|fair\ enough|
           you\ know|i\ mean|cool|great|good|nice|perfect|interesting|honestly|anyway|ah\ ok|
           that\ makes\ sense|makes\ sense|understood|totally|absolutely|of\ course|actually|
           let\ me\ ask\ you\ (?:this|something|a\ question)|quick\ question|question\ for\ you|
           you\ know\ what|
           here's\ (?:a|my)\ question|one\ more\ question|i\ get\ (?:it|that)|fine|okay\ then|
           thanks|thank\ you)\s*[,.!:;-]+\s*
    )+""",
)

# A whole unit that is only a filler, backchannel or acknowledgement.
BACKCHANNEL = _c(
    rf"""^(?:{_NOISE}|ok|okay|alright|all\ right|yeah|yes|yep|yup|sure|right|no|nope|i\ see|
        got\ it|gotcha|cool|great|good|nice|perfect|fine|fair\ enough|understood|totally|
        absolutely|exactly|of\ course|indeed|interesting|makes\ sense|that\ makes\ sense|
        i\ hear\ you|i\ understand|i\ get\ it|sure\ thing|go\ on|go\ ahead|keep\ going|and|so|
        well|huh|really|oh\ wow|oh\ no|that's\ (?:great|good|fine|ok|okay|right|true|fair|cool|
        interesting|wonderful|awesome|amazing|brilliant|fantastic|excellent)|thanks|thank\ you|
        no\ problem|no\ worries|you\ bet|for\ sure|definitely|i\ know|me\ too|sorry|ouch|
        (?:good|great|nice|excellent|fair)\ (?:job|work|one|stuff|question|point)
            (?:\ (?:today|there|this\ week|everyone|team|guys|all))?|well\ done|
        (?:that's\ )?(?:awesome|amazing|brilliant|fantastic|excellent|wonderful|lovely|
        congrat(?:ulation)?s)|same(?:\ here)?|go\ for\ it|sounds\ good|no\ rush|jealous|
        fair|true|agreed|got\ you|i\ got\ you|hmm\ ok|and\ then)
       (?:[\s,.!?-]+(?:{_NOISE}|ok|okay|yeah|yes|right|so|sure|cool|great|good|i\ see|got\ it|
          alright|really|nice|same|then|thanks|thank\ you))*
       [\s,.!?-]*$""",
)

# --- questions ---------------------------------------------------------------------------

_SUBJ = alternation(
    "you|i|we|they|he|she|it|that|this|there|these|those|the|your|our|their|his|her|anyone|"
    "anything|anybody|everyone|someone|somebody|any|y'all|u|ya|a|an|my|people|things"
)
_AUX = alternation(
    "do|does|did|is|are|was|were|have|has|had|can|could|will|would|should|shall|may|might|"
    "must|am|don't|doesn't|didn't|isn't|aren't|wasn't|weren't|haven't|hasn't|hadn't|can't|"
    "couldn't|won't|wouldn't|shouldn't"
)
_WH = r"(?:what|how|why|when|where|who|whom|whose|which)"

# "Did you...", "Is the CFO...": an inverted auxiliary, a yes/no question even without "?".
AUX_QUESTION = _c(rf"^{_AUX}\s+(?:not\s+)?{_SUBJ}\b")
# Wh-word followed by what makes it a question, not a clause ("what you said matters").
WH_QUESTION = _c(
    rf"""^(?:{_WH}(?:'s|'re|'d|'ll|s)\b
      | {_WH}\s+(?:{_AUX}|else|if|about|kind|sort|type|made|makes|happened|happens|led|got|
        gets|stops|stopped|keeps|came|comes|went|goes|worked|works|exactly|specifically|part|
        piece|one|ones|options|ideas|steps|way|ways|much|many|long|often|soon|far|old|come|so|
        now|then|next|do|is|are|would|could|feels|felt|seems|seemed|changed|matters|helps|
        helped|needs|needed|stands|sticks|gets|worries|concerns|excites|scares|bothers|
        happen|stood|other|specific|particular|aspects?|bits?)\b
      | {_WH}\W*$)(?<!which\ makes)(?!\w*\s+(?:means|makes|leaves|explains|is\ why))""",
)
# "What's your plan?", "what's your sense of it?": asking what the rep thinks, plans or
# feels invites an account, however short the question.
ACCOUNT_WHAT = _c(
    r"""^(?:what's|what\ is|what\ was|what\ are|what\ were)\s+(?:been\s+)?(?:your|the|their|his|her)
      \s+(?:\w+\s+)?(?:plan|plans|thinking|sense|view|views|take|understanding|idea|ideas|
      approach|goal|goals|hope|hopes|fear|fears|worry|worries|concern|concerns|feeling|
      feelings|gut|read|priority|priorities|story|experience|reasoning|thoughts|options|
      strategy|instinct|instincts)\b(?!-)""",
)
# Wh-questions that ask for a short fact rather than an account.
CLOSED_WH = _c(
    r"""^(?:how\ (?:many|much|long|often|old|far|big|soon)\b
      | what\ (?:time|day|date|month|year|percentage|number|size|version|quarter|week|grade|
            dose|dosage|score)\b
      | (?:what's|what\ is|what\ was|when's|when\ is|when\ was|who's|who\ is|where's|where\ is)
            \s+(?:the\s+|your\s+|their\s+|his\s+|her\s+)?(?:close\ date|date|deadline|deal\ size|
            amount|price|budget|number|name|title|quota|timeline|acv|arr|discount|total|
            figure|count|target|meeting|call|decision\ maker|signer|champion|contact|owner|
            appointment|start\ date|next\ (?:step|meeting|call|appointment))\b
      | (?:what's|what\ is|what\ was)\ your\ (?:\w+\ )?(?:best|time|weight|score|number|quota|
            target|level|rate|dose|role|title|name|age|deadline|budget|pb|average)\b
      | which\ (?:one|day|option|of\ (?:the|those|these)\ (?:two|three))\b)""",
)
# Invitations to talk that need no "?" ("Tell me more", "I'm curious what happened").
OPEN_INVITE = _c(
    r"""^(?:(?:can|could|would|will)\s+you\s+(?:please\s+)?(?:maybe\s+|just\s+)?|please\s+|so\s+)?
        (?:tell\ me|walk\ me|talk\ me|talk\ to\ me\ (?:about|through)|take\ me\ through|
            say\ more|say\ a\ (?:bit|little)\ more|
        describe|explain\ (?:to\ me\ )?(?:what|how|why)|help\ me\ (?:understand|see|get)|
        share\ (?:more|a\ bit|a\ little|with\ me|what|how|your\ (?:thoughts|thinking|take))|
        expand\ on|unpack|elaborate|fill\ me\ in|paint\ (?:me\ )?a\ picture|
        give\ me\ (?:a\ sense|an\ example|a\ picture|some\ context|the\ background|a\ flavou?r|
            more|the\ (?:story|headlines|rundown))|
        think\ out\ loud|run\ me\ through|bring\ me\ up\ to\ speed|
        go\ back\ to\ (?:the\ (?:start|beginning|moment|part|point)|when)\b|
        talk\ about\ (?:what|how|why|that|the)|say\ (?:what|how))
      | (?:i'm|i\ am|i'd\ be|i\ would\ be|i\ was)\ (?:really\ |just\ |genuinely\ )?
            (?:curious|interested|wondering)\ (?:what|how|why|where|who|which|about|to\ hear|
            to\ know|in)\b
      | (?:i'd|i\ would)\ (?:love|like)\ to\ (?:hear|know|understand|learn|get\ a\ sense)
      | (?:i\ want|i'd\ like|i\ wanna)\ to\ (?:hear|understand|know)\b
      | i\ (?:wonder|wondered|was\ wondering)\ (?:what|how|why|where|who|which|about)\b
      | (?:let's|let\ us)\ (?:explore|unpack|dig\ into|look\ at\ what|think\ about\ what|
            talk\ about\ what|talk\ through|hear)
      | what\ else\b | anything\ else\b | in\ what\ way\b | say\ more\b
    """,
)
# An embedded yes/no question ("I'm wondering if you've asked them").
EMBEDDED_CLOSED = _c(
    r"""^(?:i'm|i\ am|i\ was|i'd\ be)\ (?:just\ |really\ )?(?:curious|wondering|interested)
        \ (?:if|whether)\b | ^i\ (?:wonder|wondered)\ whether\b
      | ^(?:i'd|i\ would)\ (?:like|love)\ to\ know\ (?:if|whether)\b
    """,
)
# A yes/no form that invites a long answer ("Can you tell me...", "Any thoughts?").
POLITE_OPEN = _c(
    r"""^(?:can|could|would|will)\s+you\s+(?:please\s+|maybe\s+|just\s+)?(?:tell|walk|talk|say|
        share|describe|explain|help\ me\ understand|give\ me|expand|unpack|elaborate|
        think\ of|imagine|picture)\b
      | ^(?:do|does|would)\s+you\s+(?:want|mind|care)\s+(?:to\s+)?(?:tell|talking|telling|
        walking|sharing|say|saying|share|walk|talk)\b
      | ^(?:any|what)\ (?:other\ )?(?:thoughts|ideas|options|reactions|reflections)\b
    """,
)
# The rep's next action stated for them; with a tag it is a reminder ("You'll ask about
# budget, won't you?"), i.e. a leading question.
PLANNED_FOR_YOU = _c(
    r"""^(?:you'll|you\ will|you're\ going\ to|you're\ gonna|you\ are\ going\ to)\ (?:be\ )?
        (?:ask|call|email|send|bring|check|confirm|cover|raise|mention|follow|get)\w*\b""",
)
# A short check after a reflection: part of the reflection, not a new question.
CHECK = _c(
    r"""^(?:is\ that\ (?:right|fair|correct|true|it|about\ right|what\ you\ mean|close)|
        am\ i\ (?:right|close|getting\ that\ right|hearing\ you\ right)|
        (?:did|have)\ i\ (?:get|got)\ (?:that|it)\ right|
        does\ that\ (?:sound|feel)\ (?:right|about\ right|accurate|fair)|right|correct|yeah|no|
        fair|close|do\ i\ have\ that\ right|have\ i\ got\ that\ right)\W*$""",
)

# --- leading questions: advice dressed as a question --------------------------------------

_ACTION = alternation(
    "try|call|email|send|ask them|ask him|ask her|ask the|ask your|ask for|reach out|loop|"
    "bring|go to|go straight|escalate|push|offer|set up|book|schedule|get them|get him|get her|"
    "get the|get a|get legal|propose|suggest|use|lead with|start with|focus|follow up|talk to|"
    "speak to|put together|build|draft|write|share the|share a|share your|include|involve|map|"
    "multithread|reframe|position|qualify|confirm|check with|make sure|invite|cut|drop|move|"
    "delegate|block|say no|tell them|tell him|tell her|just|give them|give him|give her|"
    "let them|let him|let her|stop|skip|wait|pick|pause|ring|phone|text|message|contact"
)
LEADING = _c(
    rf"""^(?:
        (?:have|did|had)\ you\ (?:tried|try|considered|consider|thought\ (?:about|of)|
            think\ (?:about|of)|looked\ (?:at|into)\ \w+ing|explored\ \w+ing|attempted)
            (?!\s+(?:what|how|why|whether|who|where|when|which|if)\b)
      | should\ (?:you|we|they)\ (?:not\ |just\ |maybe\ |at\ least\ )?
            (?!feel\b|be\ (?:worried|concerned|proud|happy)\b)
      | shouldn't\ \w+
      | (?:don't|doesn't)\ (?:you|it)\ (?:think|feel|seem|make\ sense|want\ to)
      | (?:wouldn't|couldn't|can't|won't)\ \w+
      | (?:isn't|aren't)\ (?:it|there|that|this)\ (?:really\ |just\ |simply\ )?(?:time|better|
            worth|a\ (?:good|better|case)|(?:the|your)\ (?:job|role|point)|about|because)
      | isn't\ the\ (?:real\ |actual\ |bigger\ |underlying\ )?(?:issue|problem|question|point|
            answer|risk)
      | is\ there\ (?:any|a|some)\ (?:good\ )?reason\ (?:why\ )?(?:you|we)\ (?:can't|couldn't|
            wouldn't|shouldn't|haven't|don't|didn't)
      | how\ about\ (?:a|an|some|trying|doing)\b
      | you(?:'d|\ would)\ (?:surely\ )?agree\b
      | surely\ (?:you|we|it|that|this|the|they)\b
      | (?:could|might|can)\ it\ be\ (?:that|because)\b | is\ it\ possible\ (?:that\ )?you\b
      | didn't\ you\ (?:think|want|say\ you\ would)
      | why\ (?:don't|wouldn't|didn't|haven't|won't|can't|couldn't)\ (?:you|we|they)\s+
            (?!tell|talk|walk|say|share|describe|start\ by\ telling|fill|explain|help\ me)
      | why\ not\b
      | (?:how|what)\ about\ (?:you\ |we\ |just\ )?\w+ing\b
      | (?:how|what)\ about\ (?:you|we)\ (?:just\ )?(?!tell|talk|walk|feel|think)\w+
      | what\ if\ (?:you|we|they)\ (?:just\ |were\ to\ |tried\ )?
            (?!feel|felt|think|thought|were\ (?:not|wrong)|don't|didn't|can't|are|had)
      | what\ would\ happen\ if\ you\ (?:just\ )?\w+ed\b
      | (?:could|can|would|will|might)\ you\ (?:not\ |maybe\ |perhaps\ |just\ |also\ |then\ )*
            {_ACTION}\b
      | (?:could|can|might)\ (?:your|the|a|someone|somebody)\ .{{0,40}}\ (?:and\ you|instead)\b
      | (?:would|could|might|will)\ (?:it|that|this)\ (?:not\ )?(?:make\ sense|help|be\ (?:worth|
            better|good|smart|wise|useful|helpful|an\ idea|a\ good\ idea|easier|quicker))
            \ (?:to|if\ (?:you|we)|\w+ing)\b
      | (?:might|would|could)\ it\ be\ worth
      | (?:is|isn't)\ (?:it|there)\ (?:worth|time|better|a\ case\ for|an?\ (?:option|idea)\ to)
      | (?:do|did)\ you\ (?:think|feel)\ (?:you|it)\ (?:should|might\ be\ (?:worth|better|good)|
            would\ (?:help|be\ (?:better|worth|good|smart|wise))|could\ help|makes?\ sense\ to)
      | (?:do|did)\ you\ think\ (?:it|that|this)\ (?:might|would|could)\ (?:help|be\ (?:better|
          worth|
            good|a\ good\ idea|easier|smart|wise|quicker))
      | do\ you\ think\ you\ (?:could|can|might)\ (?:just\ |maybe\ )?{_ACTION}\b
      | (?:would|will)\ you\ consider\ \w+ing
      | would\ you\ be\ (?:open|willing)\ to\ (?:just\ )?{_ACTION}\b
      | (?:is\ there\ )?any\ reason\ (?:not\ to|you\ (?:can't|couldn't|wouldn't|shouldn't))
      | how\ would\ it\ be\ if\ you
      | (?:do|did)\ you\ (?:want|need)\ to\ (?:try|call|email|send|loop|bring|escalate|reach|
            push|offer|get|go|set\ up|book)
      | (?:you're|you\ are)\ (?:not\ )?(?:going\ to|gonna)\ .{{0,60}},\ (?:are|aren't)\ you\W*$
    )""",
)

# --- instructions: the form of advice ----------------------------------------------------

# Words that cannot open an imperative: pronouns, determiners, prepositions, conjunctions,
# adverbs of degree and the like. Anything else followed by an object is read as a verb.
NOT_VERB = wordset(
    "i you we they he she it this that these those there here the a an my your our their "
    "his her its some any no every each all both either neither one two three four five six "
    "seven eight nine ten most many much more less few several such what which who whom "
    "whose when where why how whatever whoever if unless because since as so and but or nor "
    "yet for of in on at to from by with about into onto over under after before during "
    "through between among against without within like than then now just only also even "
    "still really very quite pretty too maybe perhaps probably definitely honestly "
    "basically actually obviously clearly certainly sure glad happy sorry good great fine "
    "nice right true interesting funny strange weird hard tough easy not never always often "
    "sometimes usually hope guess bet wonder think reckon suppose mean love thanks thank "
    "please yes yeah no okay ok well oh um uh hmm mm same kind sort lot sounds seems feels "
    "looks makes means goes says wow congrats today tomorrow tonight yesterday last next "
    "first second third once twice almost nearly around about over again already soon later "
    "early late especially particularly exactly totally completely whether though although "
    "while until unless everyone everything someone something nobody nothing anyone "
    "anything somebody anybody people things stuff mrs mr ms dr monday tuesday wednesday "
    "thursday friday saturday sunday fyi btw bless crazy busy overnight every"
)
# Words that show the verb took an object or a particle: "Point them", "Block two".
OBJECT_START = wordset(
    "them it him her me us one two three four five up out down off back over through "
    "yourself everyone everybody someone somebody"
)
# Known instruction verbs that can start an imperative before any word.
INSTRUCTION_VERBS = wordset(
    "call email send ask try focus start stop lead follow book schedule set get go reach "
    "push bring loop escalate write draft prepare prep practise practice remember make take "
    "use put find check confirm map build identify offer plan frame reframe position "
    "multithread qualify slow keep avoid consider add cut drop trim share include involve "
    "invite present pitch open anchor quantify document summarise summarize recap record "
    "rehearse prioritise prioritize delegate align agree clarify negotiate hold stick pick "
    "review listen breathe request propose raise mention emphasise emphasize highlight lean "
    "line nail pin lock test validate circle reconnect connect meet speak talk ping text "
    "message ring phone contact update list note block forward point mix collect finish "
    "grab move give show tell let assign cancel decline accept sign walk wait skip limit "
    "reduce increase eat drink sleep swap switch replace aim stay bookend batch timebox "
    "protect guard budget track log measure drop spend save spread space sit run jot don't "
    "do never always be ice tell put take cut turn leave hand pass fill fix clean clear "
    "copy print sort file pack wrap chase nudge remind warn thank praise reward celebrate "
    "challenge coach mentor train teach demo show explain describe compare contrast split "
    "combine merge rank score rate weigh estimate calculate count sum double halve shorten "
    "lengthen simplify tighten loosen soften harden open close lock unlock release publish "
    "post upload download install delete remove insert paste rewrite redo revise refresh "
    "rerun restart reset repeat rephrase reword reread reply respond return revisit rethink "
    "reconsider reschedule rebook rearrange reorder prioritise organise organize arrange "
    "structure outline sketch design plan pilot trial test try experiment explore research "
    "investigate dig probe question challenge push press pull drag carry lift walk run jog "
    "swim stretch rest relax breathe meditate journal write read watch listen call ring "
    "phone text email message ping dm slack tag cc bcc forward send mail ship deliver drop "
    "bring fetch buy order sell price quote bill invoice charge refund pay offer bid "
    "counter accept reject decline refuse ignore skip avoid stop quit pause wait hold hang "
    "stay keep stick commit promise pledge swear vow decide choose pick select vote elect "
    "nominate name label tag mark flag highlight underline bold frame position pitch sell "
    "close win lose follow lead guide steer drive direct manage handle own run chair host "
    "facilitate moderate mediate negotiate broker settle resolve solve answer address "
    "tackle target focus aim set get go come move shift swap switch change adjust adapt "
    "tweak tune calibrate align match mirror echo copy model shadow observe notice spot "
    "catch check verify confirm validate prove document record capture note log journal "
    "list map chart graph plot track monitor measure review audit assess evaluate reflect "
    "debrief summarise summarize recap conclude finish complete end start begin kick launch "
    "open introduce invite welcome greet meet join attend visit see drop schedule book "
    "reserve cancel postpone delay defer delegate assign distribute share split hand give "
    "lend borrow ask request demand insist require expect encourage support help assist "
    "back champion sponsor recruit hire fire promote nominate reward recognise recognize "
    "acknowledge apologise apologize forgive admit confess disclose reveal tell say speak "
    "talk chat discuss debate argue propose suggest recommend advise urge remind prompt cue "
    "signal eat drink cook prep bake sleep nap wake rise walk cycle bike lift squat jump "
    "limit reduce cut lower raise increase boost grow build expand extend widen narrow drop "
    "trim shrink swap replace substitute add include involve loop escalate elevate bump"
)
# The second or third word shows a finite verb: "List prices went up" is not an instruction.
FINITE = wordset(
    "is are was were has have had did does will would can could should may might must went "
    "said got made came seems seemed looks looked feels felt sounds sounded 's 're isn't "
    "aren't wasn't weren't hasn't haven't didn't doesn't won't wouldn't can't couldn't "
    "shouldn't"
)

# --- context: the rep asked for help, or the coach asked permission and got a yes ---------

REP_ASKS_HELP = family(
    r"""
        what\ (?:should|would|do|can|could)\ (?:i|we)\ (?:do|say|try|send|tell)
      | what\ would\ you\ (?:do|say|suggest|recommend|try)
      | what\ do\ you\ (?:suggest|recommend|think\ i)
      | (?:how|where|when)\ (?:should|do|would|can|could)\ (?:i|we)\b | should\ i\b
      | (?:any|got\ any|some|your)\ (?:advice|tips|ideas|suggestions|pointers|guidance|
            recommendations|thoughts\ on\ (?:how|what))
      | (?:can|could|would)\ you\ (?:help|give\ me|tell\ me\ what|show\ me|share)
      | help\ me\ (?:out|figure|with|think)
      | i\ (?:need|want|could\ use)\ (?:your|some|a\ bit\ of)\ (?:help|advice|input|guidance|ideas)
      | i\ (?:don't|do\ not|dont)\ know\ (?:what|how)\ to | tell\ me\ what\ to
      | (?:i'm|i\ am)\ (?:out\ of\ ideas|at\ a\ loss|not\ sure\ (?:what|how)\ to)
      | what\ do\ i\ do | is\ there\ (?:anything|something)\ (?:i|you)
      | do\ you\ have\ (?:any\ )?(?:advice|ideas|suggestions|tips)
      | what's\ (?:the\ best|your\ advice|your\ take)
    """,
)
PERMISSION_ASK = family(
    r"""
        (?:can|could|may|would\ it\ be\ ok(?:ay)?\ if|is\ it\ ok(?:ay)?\ if|mind\ if|
            do\ you\ mind\ if)\ i\ (?:offer|share|suggest|give|make|add|tell|throw|put|say|
            jump\ in|pitch\ in)
      | would\ (?:it|that)\ (?:help|be\ (?:helpful|useful|ok|okay))\ (?:if\ i|to\ hear|for\ me)
      | (?:would|do)\ you\ (?:like|want)\ (?:me\ to\ (?:share|offer|suggest|give|tell)|
            (?:some|a\ few|my|any)\ (?:ideas|suggestions|thoughts|advice|input|tips|feedback)|
            to\ hear)
      | (?:are\ you|you)\ open\ to\ (?:a\ |some\ |an?\ )?(?:suggestion|idea|thought|feedback|
            input|advice|hearing)
      | want\ (?:some|my|a\ few|a)\ (?:ideas|suggestions|thoughts|advice|input|tips|take)
      | can\ i\ (?:make|offer)\ an?\ (?:observation|suggestion)
    """,
)
REP_YES = _c(
    r"""^(?:\W*(?:oh|um|uh|well|yeah|yes|yep|yup|sure|please|ok|okay|absolutely|definitely|
        of\ course|go\ ahead|go\ for\ it|shoot|totally|for\ sure|that\ would|that'd|i'd\ (?:love|
        like|appreciate|welcome)|i\ would\ (?:love|like|appreciate)|that\ would\ be|please\ do|
        by\ all\ means|fire\ away|all\ ears|i'm\ all\ ears|why\ not|sounds\ good|i'm\ open|
        i\ am\ open|be\ my\ guest)\b)""",
)
REP_NO = _c(r"^\W*(?:no|nah|not\ really|not\ now|not\ yet|i'd\ rather\ not|actually,?\ no)\b")

# --- word classes the act model weighs ------------------------------------------------

# Qualities and achievements: with "you" or "that's" they make a statement an affirmation.
PRAISE_WORDS = wordset(
    "skilful skillful skilfully skillfully skilled sharp smart clever calmly composed "
    "disciplined consistency consistent commitment courage courageous brave bravely bravery "
    "outstanding excellent impressive thoughtful practical creative creativity resourceful "
    "resilient resilience persistent persistence persevered perseverance determined "
    "determination dedicated dedication diligent diligence honesty candid integrity "
    "initiative leadership maturity insightful wisdom earned accomplishment "
    "achievement breakthrough hardworking hard-working talented gifted masterful nailed "
    "excelled proactive tenacious tenacity grit admirable remarkable superb terrific "
    "stellar commendable inspiring graceful gracefully tactful tactfully brilliantly "
    "beautifully generous patient patience care caring expert"
)
# Evaluative words that praise work or conduct when the statement is about the rep.
POSITIVE_WORDS = wordset(
    "great good well strong clear crisp tight tighter thorough honest spot grace "
    "graceful cool calm confident solid sharp excellent brilliant fantastic amazing awesome "
    "wonderful lovely perfect perfectly nicely beautifully professional polished organised "
    "organized prepared focused effective helpful useful valuable impressive respect admire "
    "proud fair thoughtful careful smart wise mature brave bold courage guts "
    "difference follow-through persistence initiative ownership"
)
NEGATION_WORDS = wordset(
    "not no never don't didn't wasn't weren't isn't aren't can't couldn't won't wouldn't "
    "haven't hasn't doesn't shouldn't nothing nobody hardly barely without"
)
# Words of feeling and weight: reflections name what the situation is like for the rep.
FEELING_WORDS = wordset(
    "frustrated frustrating frustration worried worry worrying anxious anxiety scared scary "
    "afraid fear stressed stress stressful overwhelmed overwhelming tired exhausted "
    "exhausting drained draining hurt hurts painful pain sad upset angry anger annoyed "
    "annoying disappointed disappointing disappointment gutted embarrassed embarrassing "
    "ashamed shame guilty guilt lonely alone stuck trapped torn conflicted ambivalent "
    "unsure uncertain confused confusing lost hopeless helpless powerless "
    "pressured demoralising demoralizing discouraged defeated deflated hard difficult tough "
    "rough heavy sting stings stung deep loud unfair relieved relief excited exciting "
    "hopeful nervous uneasy uncomfortable awkward burden burnt burned burnout worn grilled "
    "judged blamed ignored invisible undermined betrayed dread dreading struggle struggling "
    "mess brutal awful terrible miserable grief loss miss missing setback fatigue proud "
    "bored boring pointless meaningless energises energizes energised drains matters "
    "mattered important dream hope hoping wish"
)
NUMBER_WORDS = wordset(
    "two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty "
    "fifty sixty seventy eighty ninety hundred thousand million percent half twice first "
    "second third fourth fifth sixth tenth fourteen weeks months per january february march "
    "april may june july august september october november december"
)
# Figures that measure rather than count in passing ("seventy percent", "half the time").
MEASURE_WORDS = wordset("percent per cent half twice double quarter average rate")
SECOND_PERSON_WORDS = wordset("you you're you've you'd you'll your yours yourself")
# General statements about how things are: the voice of information.
GENERIC_WORDS = wordset(
    "usually often typically generally normally commonly tend tends most many research "
    "studies study evidence data guidelines average common normal typical standard policy "
    "rule rules always sometimes"
)
# Softeners that turn an instruction into a suggestion, still advice.
HEDGE_WORDS = wordset("maybe perhaps might could worth try trying consider probably possibly")
# Verbs after "can you ..." that invite an account rather than propose an action.
INVITE_VERBS = wordset(
    "tell walk talk say share describe explain expand unpack elaborate fill paint run help"
)
# Verbs of thinking and feeling: "do you think", "did you feel" ask, they do not propose.
MENTAL_VERBS = wordset(
    "think feel know remember recall notice imagine see mean want like need expect believe "
    "reckon suppose guess find"
)
# After "I'll" or "let me", verbs of conversation, feedback or support rather than the
# rep's own work ("let me ask", "I'll be there").
TALK_VERBS = wordset(
    "ask know think see understand be reflect summarise summarize recap share tell explain "
    "offer suggest say add stop pause interrupt listen help support imagine hear guess bet "
    "admit try keep remember note leave wait agree respect trust level show sit come return "
    "clarify repeat rephrase jot look live accept coach let play pull grab mute unmute check "
    "move like love want hope prefer rather wonder appreciate welcome"
)
# Verbs of contact and conversation with the rep: "I'll see you", "let me ask you".
TO_REP_VERBS = wordset(
    "see send call email ping text message ring phone catch meet ask tell remind update let "
    "check follow leave"
)
# Words that open a subordinate clause: "If you could build anything, what would it be?" is
# decided by the clause after the comma.
SUBORDINATORS = wordset(
    "if when whenever since because as once after before while given although though unless "
    "until suppose imagine"
)
# Words that only pad a unit's opening: skipped when finding its verb.
PADDING = wordset(
    "please just maybe perhaps definitely honestly really so and then also still actually "
    "probably even quickly personally"
)
