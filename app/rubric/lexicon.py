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


# --- fillers, backchannels, social talk ---------------------------------------------------

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

# Greetings, thanks, apologies, small talk, agenda and logistics.
SOCIAL = _c(
    r"""^(?:hi|hello|hey|hiya|(?:good\ )?(?:morning|afternoon|evening)(?=\W*$|[,!]|\ \w+\W*$)|
        welcome|bye|goodbye|see\ you|talk\ (?:soon|later|to\ you)|take\ care|cheers|thx|
        have\ a\ (?:good|great|nice|lovely)|thanks|thank\ you|appreciate\ (?:you|it)|sorry|
        apologies|congrat|(?:nice|good|great|lovely)\ to\ (?:see|meet|catch\ up|talk|chat|have)|
        how\ (?:are|r)\ (?:you|u|things|we)(?:\ (?:doing|keeping|today|going))?\W*$|
        how's\ (?:it\ going|things|life|everyone|your\ (?:day|week))|how\ have\ you\ been\W*$|
        no\ problem|no\ worries|no\ rush|can\ you\ (?:hear|see)\ me|come\ (?:on\ )?in|
        have\ a\ seat|take\ a\ seat|grab\ a\ (?:seat|chair|coffee)|
        give\ me\ (?:a|one|two)\ (?:sec|second|minute|moment|mo)|bear\ with\ me|hang\ on|
        catch\ you|(?:i'll|i\ will|let\ me)\ (?:book|grab|find|reserve|sort)\ (?:us\ )?(?:a|the|
            another)
            \ (?:room|slot|time)\b|(?:i'll|i\ will)\ (?:move|reschedule)\ (?:it|our|the\ (?:meeting|
            session|call))\b|(?:i'll|i\ will)\ send\ (?:you\ )?(?:an?\ )?(?:invite|calendar)|
                (?:that's|that\ is|that\ was)\ (?:really\ |very\ |super\ )?(?:helpful|useful)
            (?:,?\ (?:thank\ you|thanks))?\W*$|(?:(?:just\ so\ you\ know|heads\ up|fyi|
                btw),?\ )?i\ (?:need|have|'ve\ got|
            will\ have|'ll\ have)\ to\ (?:leave|go|jump|run|head\ off|step\ out|dash|hop\ off)\b|
        (?:i've|i\ have)\ got\ (?:my|the)\ (?:notes|file|deck|report)|
        (?:that's|that\ is)\ all\ (?:i\ had|i've\ got|i\ have|from\ me)|
        let\ me\ (?:just\ )?(?:share\ my\ screen|grab|pull\ up|close\ the|open\ (?:the|my|up)|
            find\ (?:the|my|your)|get\ (?:my|the)\ (?:notes|laptop|screen)|mute|unmute|
            turn\ on|check\ my|write\ that\ down|make\ a\ note|note\ that)|
        (?:i've|i\ have)\ got\ (?:a\ )?(?:hard\ stop|another\ meeting|the\ recording)|
        let's\ (?:get\ started|start|begin|kick\ off|dive\ in|jump\ in|wrap\ up|recap|
            pick\ (?:this|it)\ up|reconvene|catch\ up|chat|do\ this|take\ (?:five|ten|a)|
            huddle|break|pause\ there|leave\ it\ there|stop\ there|call\ it|
            (?:talk|chat)\ (?:about\ )?(?!what|how|why|where|who|which|whether)\w+)\b|
        (?:shall|should)\ we\ (?:get\ started|start|begin|wrap)|
        (?:i'll|i\ will|we'll|we\ will|let's)\ (?:check\ in|catch\ up|touch\ base|
            (?:talk|speak)(?:\ (?:to|with)\ you|\ soon|\ later|\ then|\ tomorrow|\ next|\ again)\b|
            reconnect|follow\ up\ with\ you|see\ you|pick\ (?:this|it)\ up|debrief|send\ (?:an?|the)
            \ (?:invite|calendar|link|notes|summary|recap)|move\ it|reschedule|
                sort\ out\ a\ time)\b|
        (?:i'll|i\ will|i\ can)\ (?:send|email|forward)\ you\ (?:the|a|an|my|some)
            \ (?:notes|recap|summary|invite|link|slides|calendar|agenda|doc)|
        keep\ me\ (?:posted|updated|in\ the\ loop)|let\ me\ know|
        same\ time\ next|okay\ then\W*$|alright\ then\W*$|before\ we\ (?:start|begin|dive)|
        (?:i'm|i\ am)\ (?:glad|happy)\ (?:we|you)\ (?:could|can|got\ to|came|made)|
        (?:i'm|i\ am)\ (?:so\ |really\ |very\ )?(?:glad|happy|sorry|pleased)\ (?:to\ hear|
            you\ (?:did|came|made|could))|you\ too\b|are\ you\ (?:still\ )?there\W*$|
        (?:you're|you\ are)\ (?:on\ mute|muted|breaking\ up|frozen|cutting\ out)|
        can\ you\ (?:still\ )?(?:hear|see)\ (?:me|my)|you\ cut\ out|
        glad\ (?:to\ hear|you)|good\ luck|fingers\ crossed|enjoy|nothing\ urgent|
        same(?:,|\ here)|(?:oh,?\ )?nice|(?:on\ )?(?:the|our)\ agenda|
        we've\ got\ (?:about\ )?(?:\w+\ )?(?:minutes|an\ hour|half\ an\ hour)|
        (?:today|this\ session)\ (?:i'd|i\ would|i|we)\ (?:like|want|thought|planned)\ to|
        i'd\ like\ to\ (?:leave|spend|use)\ (?:some|a\ few|the)|
        alright\ (?:team|everyone|folks|all)|ignore\ that|excuse\ me|one\ sec|bless\ you|
        (?:that's|that\ is)\ (?:all|time|it)\ for\ (?:today|now|this\ week)|
        (?:we're|we\ are)\ (?:out\ of|nearly\ out\ of|almost\ out\ of)\ time|
        team,|everyone,|folks,|where\ were\ we|let's\ (?:get|dive|jump)\ (?:into|in)\b|
        (?:here's\ )?what\ (?:i|we)\ (?:thought|wanted|planned|hoped)\ (?:we\ |to\ )?(?:could\ |
            would\ |might\ )?(?:cover|do|talk|focus|look|go\ over)|(?:that's|that\ is)\ (?:it|
                all)\ from\ me|
        (?:we'll|we\ will|let's|i'll|i\ will|we\ can)\ come\ back\ to\ (?:that|this|it)|
        (?:i've|i\ have)\ (?:only\ )?got\ (?:about\ )?\w+\ minutes|i\ have\ to\ (?:leave|jump|
            run|go)|
        (?:i'm|i\ am)\ (?:with\ you|good|fine|well|doing\ (?:well|good|ok|okay|fine)|here|listening|
            all\ ears)\b|
        i\ (?:see|get|understand|hear)\ (?:what\ you\ mean|where\ you're\ coming\ from|that|it)\W*$|
        (?:oof|ouch|yikes|ha+|haha+|lol|phew|whew)\b)
    """,
)

# Respecting the rep's autonomy: MITI codes it apart from questions, reflections and input.
AUTONOMY = family(
    r"""
        (?:it's|it\ is|that's|that\ is)\ (?:completely\ |entirely\ |totally\ |really\ )?
            (?:your\ (?:call|choice|decision|life)|up\ to\ you)
      | up\ to\ you | your\ (?:call|choice|decision)\W*$
      | (?:you|we)\ don't\ (?:have|need)\ to\ (?:decide|change|talk\ about|figure|commit|agree|
            do)\ (?:anything|it\ (?:now|today|yet)|this\ (?:now|today)|now|today|right\ now|yet)
      | (?:i'm|i\ am)\ not\ (?:going|here)\ to\ (?:tell|push|pressure|lecture|judge|make)\ you
      | you\ know\ (?:your|yourself|them|this|the\ \w+|him|her)\ (?:\w+\ )?better\ than
      | whatever\ you\ (?:decide|choose|pick) | no\ pressure | there's\ no\ (?:right|wrong)
      | you're\ the\ (?:expert|one\ who\ knows)
    """,
)

# --- takeover: the coach does the rep's work --------------------------------------------

_ME = alternation(
    "i will|i'll|i can|i could|i'm going to|i am going to|i'm gonna|let me|i'd be happy to|"
    "i'm happy to|i am happy to|happy to|i'll go ahead and|i might just|i may as well|"
    "i should just|i'll just|i will just|i can just|let me just|i'll personally|i'll quickly"
)
# After a first-person offer, these verbs are conversation, feedback or support, not the
# rep's work ("let me ask", "I'll send you the notes", "I can see that").
_NOT_WORK = alternation(
    "ask|know|think|see|understand|be|check in|check i|check that i|check what|check my|"
    "reflect|summarise|summarize|recap|play that back|play it back|share|tell you|explain|"
    "give you|offer|suggest|push back|make sure i|say|add|get back to you|send you|email you|"
    "call you|ping you|text you|message you|follow up with you|get this straight|stop you|"
    "pause|interrupt|listen|help you think|help you figure|help you prepare|help you plan|"
    "support you|back you|have your back|imagine|hear|tell that|tell how|guess|bet|admit|"
    "try|keep|remember|note|leave that|leave it there|wait|agree|respect|trust|level|"
    "pull up|grab|close the|open the|find my|get my|mute|unmute|show you what i mean by|"
    "sit with|come back to|return to|move on|put you in touch|introduce you|connect you|"
    "put it|rephrase|clarify|be clear|be honest|be straight|repeat|read back|jot|write that down|"
    "make a note|look into it for you|live with|accept|work with you|coach|help you|let you"
)
_DO_WORD = alternation("it|them|this|that|the rest|the work|the lot|everything")
TAKEOVER = _c(
    rf"""\ (?P<act>
        {_ME}\s+(?:just\s+|personally\s+|quickly\s+|also\s+|go\ ahead\ and\s+)*(?!{_NOT_WORK}\b)
            [a-z]+
      | (?:why\ don't|how\ about|what\ if|maybe)\ i\s+(?:just\s+)?(?!{_NOT_WORK}\b)[a-z]+
      | (?:do\ you\ want|would\ you\ like|want|shall|should|can|could|may)\s+(?:me\s+to|i)\s+
            (?:just\s+)?(?!{_NOT_WORK}\b)[a-z]+
      | (?:forward|send|pass|give|assign|hand|leave|bring|throw|route|email)\ (?:it|them|that|
            this|those|the\ \w+(?:\ \w+)?|your\ \w+|me\ (?:the|your|that|it))\ (?:to\ me|
                over\ to\ me|
            my\ way|over\b|and\ i)
      | (?:forward|send|pass|give|hand)\ me\ (?:the|your|that|it)\b
      | (?:leave|give|hand)\ (?:it|this|that|them)\ (?:to|with|over\ to)\ me
      | leave\ (?:the|this|that)\ \w+(?:\ \w+)?\ (?:to|with)\ me
      | (?:i've|i\ have)\ got\ (?:this|it)\b | (?:i'll|i\ will)\ take\ it\ from\ here
      | let\ me\ (?:take|run\ with)\ (?:it|this|that)
      | (?:it's|it\ is|it'd\ be|it\ would\ be)\ (?:quicker|easier|faster|simpler|better)\ if\ i
      | i'll\ (?:just\ )?do\ {_DO_WORD}
      | (?:i|i'll|i\ will)\ (?:take|handle|own|run|do|cover)\ .{{0,40}}\bmyself\b
      | i'll\ have\ (?:a\ )?(?:quiet\ )?(?:word|chat)\ with
      | (?:i'll|i\ will|let\ me|i\ can)\ (?!{_NOT_WORK}\b)[a-z]+\ .{{0,40}}\bfor\ you\b(?!\ to)
    )""",
)
# First-person future offers that are about the meeting itself ("I'll see you Friday").
NOT_TAKEOVER_OBJECT = _c(
    r"""(?:see|talk\ to|speak\ to|catch)\ you\b|close\ the\ (?:door|window)|look\ at\ my|
        check\ my|be\ (?:there|quick|brief)\b|(?:book|grab|reserve|find)\ (?:us\ )?(?:a|the|another)
        \ (?:room|slot|time)|move\ (?:it|our|the\ (?:meeting|session|1:1|call))\b|
        send\ (?:you\ )?(?:an?\ )?(?:invite|calendar)|reschedule\ (?:it|our|the)""",
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
# Any inverted auxiliary: a question when the unit also ends with "?" ("Did legal sign?").
AUX_START = _c(rf"^{_AUX}\s+\w")
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
OPEN_WH = _c(r"^(?:what|how|why|in\ what\ way)\b")
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
      | when(?:'s|\ is|\ was|\ did|\ does|\ do|\ are|\ were|\ will)\b
            (?!.*\b(?:feel|felt|notice|find)\b)
      | where(?:'s|\ is|\ are|\ was|\ were|\ did)\b(?!.*\b(?:feel|felt|notice|show|stand|see)\b)
      | who(?:'s)?\ (?!(?:else\ )?(?:could|might|can|would|do\ you|else\ do)\b)
      | .*\bon\ a\ scale\ of\b
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
# A tag that turns a statement into a question ("..., right?").
TAG_QUESTION = _c(
    r"""[,\s]+(?:right|correct|yeah|yes|no|huh|ok|okay|yes\ or\ no|true|agreed|eh|
        is\ that\ (?:right|fair|correct|true|it)|am\ i\ (?:right|close)|does\ that\ sound\ right|
        (?:is|was|are|were|do|did|does|have|has|can|would|will|should|could|won't|wouldn't|
            isn't|aren't|don't|didn't|doesn't|haven't|can't)\ ?n?'?t?\ (?:it|you|they|we|he|she|
            that|there|i)|
        don't\ you\ think|wouldn't\ you\ say|would\ you\ agree|you\ know)\s*\?+$""",
)
# The rep's next action stated for them; with a tag it is a reminder ("You'll ask about
# budget, won't you?"), i.e. a leading question.
PLANNED_FOR_YOU = _c(
    r"""^(?:you'll|you\ will|you're\ going\ to|you're\ gonna|you\ are\ going\ to)\ (?:be\ )?
        (?:ask|call|email|send|bring|check|confirm|cover|raise|mention|follow|get)\w*\b""",
)
# A tag that presses the coach's view for agreement ("That's the real problem, isn't it?").
PRESS_TAG = _c(
    r"""(?:^|[,\s])(?:(?:is|are|was|were|do|does|did|wo|would|ca|could|should|have|has)n't
        \ (?:it|you|they|we|he|she|that|there|i)|don't\ you\ think|wouldn't\ you\ (?:say|agree)|
        would\ you\ (?:not\ )?agree)\s*\?+$""",
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

# --- advice ------------------------------------------------------------------------------

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
# Instructions that are invitations, reassurance or logistics rather than advice.
NOT_ADVICE_IMPERATIVE = _c(
    r"""^(?:take\ your\ time|take\ a\ (?:minute|moment|second|breath|seat)|go\ (?:ahead|on)\b|
        keep\ (?:going|me\ posted|me\ updated|me\ in\ the\ loop)|let\ me\ know|
        don't\ (?:worry|apologi[sz]e|be\ sorry|mind\ me|get\ me\ wrong|be\ so\ hard)|
        never\ mind|be\ (?:honest|straight\ with\ me|kind\ to\ yourself)|think\ (?:out\ loud|aloud)|
        remember\ when|(?:get|go)\ (?:well|home)|try\ me|check\ (?:this|that)\ out|
        put\ (?:it|that)\ (?:another\ way|differently)|hold\ on|hold\ that\ thought|
        picture\ this|imagine|suppose|say\ (?:you|it|that)\b|have\ a\ seat|come\ in|
        give\ me\ a\ (?:sec|second|minute|moment)|bear\ with|hang\ on|look\ at\ you|
        go\ for\ it|feel\ free|let's\ see|see\ you|enjoy|sleep\ on\ it|tell\ me|
        don't\ quote\ me|stop\ me\ if|correct\ me\ if|let\ me)""",
)
ADVICE = family(
    r"""
        (?:you|u|ya|we|they)\s*(?:really\s+|probably\s+|definitely\s+|absolutely\s+|just\s+|
            also\s+|still\s+|then\s+|do\s+|seriously\s+)*
            (?:should|shouldn't|need\ to|needed\ to|have\ to|must|mustn't|ought\ to|gotta|
            got\ to|'ve\ got\ to|have\ got\ to|had\ better|'d\ better|better)\b
      | you(?:'ll|\ will|'d|\ would)?\ (?:might|may)\ want\ to | you(?:'ll|'d|\ would)\ want\ to
      | you\ want\ to\ make\ sure | you'll\ (?:need|have)\b
      | you\ (?:really\ |just\ |probably\ |definitely\ )?need\ (?:a|an|some|more|to)\b
      | you\ (?:might|may)\ (?:as\ well|wish\ to)
      | (?:it's|it\ is)\ (?:on\ you|your\ job|your\ call\ to\ make\ sure)\ to\b
      | you(?:'d|\ would)\ be\ (?:smart|wise|well\ advised)\ to
      | you(?:'d)?\ (?:could|might)\ (?:also\ |always\ |just\ |maybe\ |probably\ |even\ |then\ |
            still\ )*(?!(?:see|tell|feel|say|hear|imagine|guess|sense|be|have|and|but|or|so|if|
            because|when|to|not|do|get\ away)\b)\w+
      | you\ can\ (?:always|also|just|try|start|still)\b
      | (?:i|i'd|i\ would)\ (?:would\ |strongly\ |really\ |definitely\ |just\ )*
            (?:suggest|recommend|advise|encourage|urge|propose)
      | (?:i'd|i\ would)\ (?:just\ |probably\ |definitely\ |personally\ |honestly\ |also\ |
            really\ |still\ )*(?!like\b|love\b|say\b|guess\b|imagine\b|think\b|agree\b|
                be\ (?:curious|
            interested|happy|glad|surprised)|have\ thought|hate\b|hope\b|want\b|rather\ hear|
            bet\b|argue\b|wonder\b|add\b)\w+
      | i\ (?:wouldn't|would\ not|won't|wouldn't\ (?:bother|worry))\b
      | i\ (?:really\ |honestly\ |do\ |strongly\ )?(?:think|feel|believe|reckon)\ (?:that\ )?
            (?:you|we)\ (?:should|need|must|have\ to|ought|could|might\ want|gotta|'ve\ got|
            'd\ be\ better)
      | if\ i\ (?:were|was)\ you | in\ your\ (?:shoes|position|place) | if\ it\ were\ me
      | (?:what|here's\ what)\ i(?:'d|\ would)\ do | here's\ what\ (?:you\ |i'd|i\ would)
      | i(?:'d|\ would)\ say\ (?:just\ )?(?:call|send|go|ask|wait|push|hold|email|book|tell|
            try|drop|skip|take|leave|get|start|stop|focus|cut|keep|give|pick|move)\b
      | (?<=^\ )(?:it's\ |it\ is\ )?(?:probably\ |definitely\ |really\ )?worth\ \w+ing\b
      | (?:you're|you\ are|you'd\ be|you\ would\ be)\ (?:much\ |probably\ )?better\ off
      | you(?:'d|\ would)\ do\ well\ to
      | you\ (?:can't|cannot|mustn't)\ (?:let|afford\ to|keep|leave|ignore|wait|skip)
      | (?<=^\ )(?:best|smartest)\ (?:thing|move|bet)\ (?:is|would\ be|here)
      | my\ (?:advice|suggestion|recommendation|tip|two\ cents|take|push|ask)\ (?:is|would\ be|here)
      | the\ (?:key|trick|answer|best\ (?:thing|move|approach|bet|way)|thing\ to\ do|move|play|
            next\ step|fix|solution|priority|goal\ here)\ (?:is|would\ be|here\ is)\ (?:to\ )?
      | (?:(?:it|that|this)\ )?(?:might|may|would|could|will)\ (?:really\ |probably\ |also\ )?
            be\ (?:really\ |probably\ |also\ )?(?:worth|good|helpful|smart|wise|better|useful|
            a\ good\ idea|an\ idea|valuable|important|best|great|easier|kinder|quicker)
            \ (?:to|if\ you|for\ you\ to|\w+ing)\b
      | (?:it's|it\ is|it'd\ be|it\ would\ be)\ (?:probably\ |definitely\ |really\ |always\ )?
            (?:worth|a\ good\ idea|smart|wise|better|important|critical|key|essential|best|
            time)\ (?:to|if\ you|for\ you|\w+ing)\b
      | (?:it\ )?(?:would|might|could|may)\ help\ (?:to|if\ you)\b
      | one\ (?:thing|option|idea|approach|move|way)\ (?:you\ (?:could|can|might)\s|would\ be|
            is\ to|might\ be|could\ be|to\ try|that\ (?:works|helps|might|could|would|may))
      | a\ (?:good|better|smart|useful|simple|quick)\ (?:idea|move|step|approach|option|
            first\ step|next\ step|way|rule)\ (?:is|would\ be|might\ be|could\ be)\b
      | (?:next\ time|going\ forward|from\ now\ on|in\ future|in\ the\ future|moving\ forward|
            before\ (?:the|your)\ next\ (?:call|meeting)),?\s+(?:you\ |try|lead|ask|open|start|
            make|be|don't|do|send|call|bring|get|focus|always|never|just)
      | (?:let's|let\ us)\ (?:have\ you|get\ you|make\ sure|send|call|email|push|escalate|
            loop|bring|go|book|set\ up|draft|write|plan\ to|get\ (?:them|legal|procurement|the))
      | (?:some|many|most|a\ lot\ of|other)\ (?:reps|people|folks|managers|sellers|teams|
            clients|teachers|leaders|patients)\ (?:find|have\ found|say)\ (?:it\ )?
            (?:helps?|useful|helpful)\ (?:to|if)
      | i\ wonder\ if\ you\ (?:could|might|should|can|would\ want\ to|want\ to)\b
      | don't\ (?:forget|be\ afraid)\ to | be\ sure\ to | make\ sure\ (?:you|to|that|they)
      | (?:try|remember)\ to\b | (?:the|a)\ (?:better|best)\ (?:approach|way|move)\ (?:is|would\ be)
      | (?:you're|you\ are)\ (?:going\ to\ )?(?:need|have)\ to\b
      | (?:there's|there\ is)\ no\ (?:point|need)\ (?:in|to) | (?<=^\ )no\ need\ to
      | you\ (?:may|might|will|'ll)\ find\ it\ (?:helps|helpful|useful|easier|worth)
      | something\ (?:to\ try|worth\ trying|that\ (?:might|could|may|would|will)\ help)
      | (?:one|a|my|quick)\ tip | (?:i'd|i\ would)\ like\ you\ to | i\ want\ you\ to
      | your\ (?:best|next|first|only|smartest)\ (?:move|step|bet|option|play)\ (?:is|would\ be|
            should\ be|here)
      | the\ (?:best|right|smart|first|next)\ (?:thing|move|play|step)\ (?:to\ do\ )?(?:is|
          would\ be)
      | what\ (?:you|i'd|i\ would)\ (?:need|want|suggest)\ (?:to\ do\ )?is
      | (?<=^\ )(?:it's\ |it\ is\ )?(?:best|better)\ to\b | (?:it's|it\ is)\ time\ (?:to|
          for\ you\ to)\b
      | (?<=^\ )\w+ing\b.{0,40}\b(?:would|will|could|might|should)\ (?:help|
          make\ a\ (?:big\ )?difference|
            be\ (?:good|a\ good|worth|your\ best))
      | for\ next\ (?:week|time|session),?\ (?:try|see\ if|i'd|why\ not|have\ a\ go)
      | (?<=^\ )think\ about\ \w+ing\b
      | you(?:'ll|\ will|'d|\ would)\ (?:get|have|find\ it)\ (?:a\ lot\ |much\ |far\ )?(?:more|
          better|
            easier)\b[^.?!]{0,40}\bif\ you\b
    """,
)
# Modal phrasing that is really reassurance, praise or a feeling ("you should be proud").
NOT_ADVICE = family(
    r"""you\ (?:should|must|have\ to|gotta)\ (?:be\ (?:proud|pleased|happy|feeling\ good)|
        feel\ (?:good|proud)|know\ (?:that\ )?(?:i|we)\b)
      | you\ (?:must|have\ to)\ (?:be|have\ been|feel)\ (?:so\ |really\ |pretty\ |very\ )?
        (?:frustrated|tired|exhausted|worried|disappointed|relieved|stressed|annoyed|
        overwhelmed|anxious|upset|angry|excited|proud|gutted|shattered|fed\ up|sick)
      | (?:you|i)\ (?:feel|felt|think|thought)\ (?:like\ )?(?:you|i)\ (?:should|need|have\ to|
        must|ought)
      | (?:you're|you\ are)\ (?:feeling|saying|telling\ me|worried|afraid|concerned|thinking)\b
      | you\ (?:know|knew)\ you\ (?:should|need|have\ to)
      | you\ (?:can|could)\ (?:see|tell|hear|feel|imagine)\b
      | you(?:'re|\ are)\ (?:confident|sure|certain|convinced)\ (?:that\ )?you\ (?:could|can|should|
            will|would)
      | you\ (?:can't|couldn't)\ (?:have|be)\b
    """,
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
