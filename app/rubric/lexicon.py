"""Cue patterns the tagger reads, compiled once at import.

Every pattern runs on normalised unit text: lower case, straight apostrophes, single
spaces, leading fillers removed. Each is matched at the start of the unit unless its name
says otherwise, because in speech the first few words carry the act ("Have you tried...",
"It sounds like...", "Let me...").
"""

from __future__ import annotations

import re


def _words(*groups: str) -> str:
    """An alternation of whitespace-separated phrases, longest first."""
    phrases = sorted({p for g in groups for p in g.split("|") if p}, key=len, reverse=True)
    return "(?:" + "|".join(p.replace(" ", r"\s+") for p in phrases) + ")"


def _c(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.VERBOSE)


# --- normalisation -----------------------------------------------------------------------

# Fillers and acknowledgements that open a unit without deciding its act. The ones that
# are also content words ("well", "right", "like") only count when a comma follows.
FILLERS = _c(
    r"""^(?:
        (?:u+h+m*|u+m+|e+r+m*|h+m+|m+h*m+|mm-?hmm|uh-?huh|ah+|oh+|ooh|wow|hey)\b[\s,.!-]*
      | (?:so|and|but|ok|okay|alright|all\ right|yeah|yes|yep|yup|sure|now|then|also|plus)\b
        (?![.?!]?$)[\s,.!-]*
      | (?:well|right|like|look|listen|no|i\ see|got\ it|gotcha|i\ hear\ you|fair\ enough|
           you\ know|i\ mean|cool|great|good|nice|perfect|interesting|honestly|anyway|
           that\ makes\ sense|makes\ sense|understood|totally|absolutely|of\ course|
           thanks|thank\ you)\s*[,.!-]+\s*
    )+""",
)

# A whole unit that is only a filler, backchannel or acknowledgement.
BACKCHANNEL = _c(
    r"""^(?:u+h+m*|u+m+|e+r+m*|h+m+|m+h*m+|mm-?hmm|uh-?huh|ah+|oh+|ok|okay|alright|all\ right|
        yeah|yes|yep|yup|sure|right|no|nope|i\ see|got\ it|gotcha|wow|cool|great|good|nice|
        perfect|fine|fair\ enough|understood|totally|absolutely|exactly|of\ course|indeed|
        interesting|makes\ sense|that\ makes\ sense|i\ hear\ you|i\ understand|i\ get\ it|
        sure\ thing|go\ on|go\ ahead|keep\ going|and|so|well|huh|really|oh\ wow|oh\ no|
        that's\ (?:great|good|fine|ok|okay|right|true|fair|interesting|cool)|thanks|thank\ you|
        no\ problem|no\ worries|you\ bet|for\ sure|definitely|i\ know|me\ too|sorry)
       (?:[\s,.!?-]+(?:u+h+m*|u+m+|h+m+|m+h*m+|mm-?hmm|uh-?huh|ok|okay|yeah|yes|right|so|
          sure|wow|cool|great|good|i\ see|got\ it|alright|really))*
       [\s,.!?…-]*$""",
)

# Greetings, thanks, small talk, agenda and logistics.
SOCIAL = _c(
    r"""^(?:hi|hello|hey|hiya|morning|afternoon|good\ (?:morning|afternoon|evening)|welcome|
        bye|goodbye|see\ you|talk\ (?:soon|later|to\ you)|take\ care|have\ a\ (?:good|great|nice)|
        cheers|thanks|thank\ you|thx|appreciate\ (?:you|it)|
        (?:nice|good|great)\ to\ (?:see|meet|catch\ up|talk|chat)|
        how\ (?:are|r)\ (?:you|u|things)(?:\ doing)?\W*$|how's\ it\ going|how\ (?:is|was|'s)\ your
        \ (?:day|week|weekend|morning|holiday|trip|vacation)|how\ have\ you\ been\W*$|
        sorry\ (?:i'm|i\ am|for\ being)\ late|sorry\ about\ that|no\ problem|no\ worries|
        can\ you\ (?:hear|see)\ me|let\ me\ (?:share\ my\ screen|grab|pull\ up)|
        (?:i've|i\ have)\ got\ (?:a\ )?(?:hard\ stop|another\ meeting)|
        let's\ (?:get\ started|start|begin|kick\ off|dive\ in|jump\ in|wrap\ up|recap|
            pick\ (?:this|it)\ up|reconvene|catch\ up|chat|talk|do\ this)\b|
        (?:shall|should)\ we\ (?:get\ started|start|begin|wrap)|
        (?:i'll|i\ will|we'll|we\ will|let's)\ (?:check\ in|catch\ up|touch\ base|talk|speak|
            reconnect|follow\ up\ with\ you|see\ you|pick\ (?:this|it)\ up)\b|
        keep\ me\ (?:posted|updated|in\ the\ loop)|let\ me\ know|
        same\ time\ next|anyway\b|ok(?:ay)?\ then\W*$|alright\ then\W*$|
        (?:i'm|i\ am)\ (?:glad|happy)\ (?:we|you)\ (?:could|can|got\ to)\ (?:meet|talk|chat)|
        good\ luck|fingers\ crossed|enjoy)
    """,
)

# --- takeover: the coach does the rep's work --------------------------------------------

_WORK_VERBS = _words(
    "call|ring|phone|email|e-mail|text|message|ping|contact|reach out|reach|talk to|speak to|"
    "speak with|chat with|meet with|get on the phone|jump on|hop on|get on a call|"
    "write|rewrite|redo|draft|fix|edit|rework|build|put together|prepare|prep|"
    "handle|take care of|take over|take it|take this|take that|take the|deal with|sort|own|"
    "run|lead|present|pitch|demo|negotiate|close|push|chase|escalate|loop in|bring in|"
    "send them|send the|send it|send him|send her|send a|send over|set up|book|schedule the|"
    "join|sit in|come on|come to|go to|step in|jump in|get involved|"
    "get them|get him|get her|get the|get legal|get procurement|work on|finish|update the|"
    "do the|do it|do that|do this|redo the|make the call|cover|manage|nudge|lean on|"
    "pull in|grab|walk them|walk him|walk her|talk them|talk him|talk her|convince|"
    "sit down with|have a word|have a chat|follow up with them|follow up with him|"
    "follow up with her|follow up with the"
)
_ME = r"(?:i\ will|i'll|i\ can|i\ could|i'd|i\ would|i'm\ going\ to|i\ am\ going\ to|i'm\ gonna|"
_ME += r"i\ might|i'm\ happy\ to|i\ am\ happy\ to|i'd\ be\ happy\ to|i\ can\ just|let\ me|"
_ME += r"i\ should|i'll\ just|i\ will\ just|i'll\ go\ ahead\ and|leave\ it\ to\ me\ to)"

TAKEOVER = _c(
    rf"""(?:^|\b(?:and|then|so|but)\s+|[,;]\s*)
        (?P<act>{_ME}\s+(?:just\s+|personally\s+|quickly\s+|go\ ahead\ and\s+|
            also\s+)?{_WORK_VERBS}\b
      | (?:why\ don't|how\ about|what\ if)\ i\s+(?:just\s+)?{_WORK_VERBS}\b
      | (?:do\ you\ want|would\ you\ like|want|shall|should|can|could|may)\s+(?:me\s+to|i)\s+
        (?:just\s+)?{_WORK_VERBS}\b
      | send\ (?:it|that|them|the\ \w+|your\ \w+)\ (?:to\ me|over\ to\ me|my\ way)
      | send\ me\ (?:the|your|that|it)\b.*\b(?:i'll|i\ will|and\ i|let\ me)\b
      | (?:leave|give|hand)\ (?:it|this|that|them)\ (?:to|with|over\ to)\ me
      | (?:i've|i\ have)\ got\ (?:this|it)\b | i'll\ take\ it\ from\ here | leave\ (?:it|this|
          that)\ with\ me
      | let\ me\ (?:take|run\ with)\ (?:it|this|that)
      | (?:i'll|i\ will|i\ can|let\ me)\ .{{0,40}}\bfor\ you\b
      | (?:i'll|i\ will|i'm\ going\ to)\ (?:take|own|run)\ (?:the|this|that|point)
    )""",
)

# First-person offers that are not doing the rep's work.
NOT_TAKEOVER = _c(
    r"""(?:let\ me|i'll|i\ will|i\ can|i\ could|i'd|i\ would)\s+(?:just\s+)?
        (?:ask|know|think|check\ in|see|understand|be\ clear|be\ honest|reflect|summari[sz]e|
        play\ (?:that|it)\ back|share|tell\ you|explain|give\ you|offer|suggest|push\ back|
        make\ sure\ i|say|add|jump\ in\ with|get\ back\ to\ you|send\ you|email\ you|
        call\ you|ping\ you|text\ you|message\ you|follow\ up\ with\ you|get\ this\ straight|
        recap|stop\ you|pause|interrupt|be\ quiet|shut\ up|listen|help\ you\ think|
        support\ you|back\ you|have\ your\ back)\b
      | for\ you\ (?:to|as)\b
    """,
)

# --- questions ---------------------------------------------------------------------------

_SUBJ = r"(?:you|i|we|they|he|she|it|that|this|there|these|those|the|your|our|their|his|her|"
_SUBJ += r"anyone|anything|anybody|everyone|someone|somebody|any|y'all|u|ya)"
_AUX = r"(?:do|does|did|is|are|was|were|have|has|had|can|could|will|would|should|shall|may|"
_AUX += r"might|must|am|don't|doesn't|didn't|isn't|aren't|wasn't|weren't|haven't|hasn't|"
_AUX += r"hadn't|can't|couldn't|won't|wouldn't|shouldn't)"

# "Did you...", "Is the CFO...": inverted auxiliary, a yes/no question even without "?".
AUX_QUESTION = _c(rf"^{_AUX}\s+(?:not\s+)?{_SUBJ}\b")
# Any inverted auxiliary: a question when the unit also ends with "?" ("Did legal sign?").
AUX_START = _c(rf"^{_AUX}\s+\w")
# Wh-word followed by what makes it a question rather than a clause ("what you said").
WH_QUESTION = _c(
    rf"""^(?:what|what's|whats|how|how's|hows|why|why's|when|when's|where|where's|who|who's|
        whom|whose|which)\b
        (?:\s+(?:{_AUX}|else|if|about|kind|sort|type|made|makes|happened|happens|led|
        got|gets|stops|stopped|keeps|came|comes|went|goes|worked|works|would|could|exactly|
        specifically|part|piece|one|ones|options|ideas|steps|way|ways|much|many|long|often|
        soon|far|old|come|so|now|then|next|do|'s|is|are)\b|[?]|$)""",
)
OPEN_WH = _c(r"^(?:what|what's|whats|how|how's|hows|why|why's|in\ what\ way)\b")
# Wh-questions that ask for a short fact.
CLOSED_WH = _c(
    r"""^(?:when|when's|where|where's|who|who's|whom|whose|which|
        how\ (?:many|much|long|often|soon|far|old|big|large|likely|sure|confident)\b|
        what\ (?:time|day|date|month|year|stage|percentage|number|size|amount|price|version|
            quarter|week)\b|
        (?:what's|what\ is|what\ was|what's\ the|what\ is\ the|what\ was\ the)\s+(?:the\s+|
            your\s+|their\s+)?
            (?:close\ date|date|deadline|deal\ size|size|amount|value|price|budget|number|name|
            title|quota|timeline|acv|arr|discount|stage|status|total|figure|count|target)\b)
    """,
)
# Questions that need no "?" because they invite the rep to talk.
OPEN_INVITE = _c(
    r"""^(?:(?:can|could|would|will)\s+you\s+(?:please\s+)?(?:maybe\s+)?|please\s+)?
        (?:tell\ me|walk\ me|talk\ me|take\ me\ through|say\ more|say\ a\ (?:bit|little)\ more|
        describe|explain\ (?:to\ me\ )?(?:what|how|why)|help\ me\ (?:understand|see|get)|
        share\ (?:more|a\ bit|a\ little|with\ me|what|how|your)|expand\ on|unpack|elaborate|
        fill\ me\ in|paint\ (?:me\ )?a\ picture|give\ me\ (?:a\ sense|an\ example|a\ picture|
        some\ context|the\ background|a\ flavou?r|more)|go\ on\ about|continue|
        think\ out\ loud|spell\ out|run\ me\ through|bring\ me\ up\ to\ speed)
      | (?:i'm|i\ am|i'd\ be|i\ would\ be)\ (?:curious|interested|wondering)\b
      | (?:i'd|i\ would)\ (?:love|like)\ to\ (?:hear|know|understand|learn|get\ a\ sense)
      | (?:i\ want|i'd\ like|i\ wanna)\ to\ (?:hear|understand|know)\b
      | i\ (?:wonder|wondered|was\ wondering)\ (?:what|how|why|where|who|which|about)\b
      | (?:let's|let\ us)\ (?:explore|unpack|dig\ into|look\ at\ what|think\ about\ what|
            talk\ about\ what|talk\ through)
      | what\ else\b | and\ then\W*$ | anything\ else\b | in\ what\ way\b
      | (?:say|tell\ me)\ more\b
    """,
)
# A question that invites a long answer though it is framed as yes/no.
POLITE_OPEN = _c(
    r"""^(?:can|could|would|will)\s+you\s+(?:please\s+)?(?:tell|walk|talk|say|share|describe|
        explain|help\ me\ understand|give\ me|expand|unpack|elaborate)\b
      | ^(?:do|does)\s+you\s+(?:want|mind)\s+(?:to\s+)?(?:tell|talking|telling|walking|
        sharing|say|saying|share|walk)\b
      | ^(?:any|what)\ (?:other\ )?(?:thoughts|ideas|options|reactions)\b
    """,
)
# Ends with a tag that turns a statement into a question.
TAG_QUESTION = _c(
    r"""[,\s]+(?:right|correct|yeah|yes|no|huh|ok|okay|yes\ or\ no|true|agreed|
        is\ that\ (?:right|fair|correct|true|it)|am\ i\ (?:right|close)|does\ that\ sound\ right|
        (?:is|was|are|were|do|did|does|have|has|can|would|will|should|could)n't\ (?:it|you|they|we|
        he|she|that|there|i)|don't\ you\ think|wouldn't\ you\ say|would\ you\ agree|
        you\ know)\s*\?+$""",
)
# A short check after a reflection: part of the reflection, not a new question.
CHECK = _c(
    r"""^(?:is\ that\ (?:right|fair|correct|true|it|about\ right|what\ you\ mean)|
        am\ i\ (?:right|close|
        getting\ that\ right|hearing\ you\ right)|(?:did|have)\ i\ (?:get|got)\ (?:that|it)\ right|
        does\ that\ (?:sound|feel)\ (?:right|about\ right|accurate|fair)|right|correct|yeah|no|
        fair|close|is\ that\ close|do\ i\ have\ that\ right|have\ i\ got\ that\ right)\W*$""",
)

# --- leading questions: advice dressed as a question --------------------------------------

LEADING = _c(
    r"""^(?:
        (?:have|did)\ you\ (?:tried|try|considered|consider|thought\ (?:about|of)|
            think\ (?:about|of)|
            looked\ (?:at|into)\ (?:\w+ing|getting|going|calling|asking|sending|bringing)|
            explored\ (?:\w+ing)|attempted)(?!\s+(?:what|how|why|whether|who|where|when|which)\b)
      | (?:shouldn't|should)\ (?:you|we|they)\ (?:not\ )?(?!feel\b|be\ (?:worried|concerned|
            proud|happy)\b)
      | (?:don't|doesn't)\ (?:you|it)\ (?:think|feel|seem|make\ sense)
      | (?:wouldn't|won't|couldn't|can't|isn't|aren't|didn't\ you\ think|don't\ you\ want)
            \ (?:it|you|that|this|they|there|the|a)\b
      | why\ (?:don't|wouldn't|didn't|haven't|won't|can't|couldn't)\ (?:you|we|they)\s+
            (?!tell|talk|walk|say|share|describe|start\ by\ telling|fill|explain|help\ me)
      | why\ not\b
      | (?:how|what)\ about\ (?:you\ |we\ |just\ )?\w+ing\b
      | (?:how|what)\ about\ (?:you|we)\ (?:just\ )?(?!tell|talk|walk|feel|think)\w+
      | what\ if\ (?:you|we|they)\ (?:just\ |were\ to\ |tried\ )?(?!feel|felt|think|thought|
          were\ (?:not|wrong))
      | what\ would\ happen\ if\ you\ (?:just\ )?(?:called|emailed|sent|asked|went|tried|brought|
            looped|reached|escalated|pushed|offered|talked|met)
      | (?:could|can|would|will|might)\ you\ (?:not\ |maybe\ |perhaps\ |just\ |also\ |then\ )*
            (?:try|call|email|send|ask\ (?:them|him|her|the|your|for)|reach\ out|loop|bring|go\ to|
            escalate|push|offer|set\ up|book|schedule|get\ (?:them|him|her|the|a|legal)|
            propose|suggest|use|lead\ with|start\ with|focus|follow\ up|talk\ to|speak\ to|
            put\ together|build|draft|write|share\ (?:the|a|your)|include|involve|map|
            multithread|reframe|position|qualify|confirm|check\ with|make\ sure)\b
      | (?:would|could|might)\ (?:it|that|this)\ (?:make\ sense|help|be\ (?:worth|better|
            good|smart|wise|useful|helpful|an\ idea|a\ good\ idea|easier))
            \ (?:to|if\ (?:you|we))\b
      | (?:is|isn't)\ (?:it|there)\ (?:worth|time|better|a\ case\ for|an?\ (?:option|idea)\ to)
      | (?:do|did)\ you\ (?:think|feel)\ (?:you|it)\ (?:should|might\ be\ (?:worth|better|good)|
            would\ (?:help|be\ (?:better|worth|good|smart|wise))|could\ help|makes?\ sense\ to)
      | (?:would|will)\ you\ (?:consider|be\ (?:willing|open)\ to\ (?:try|call|send|ask|reach))
      | (?:do|did)\ you\ (?:want|need)\ to\ (?:try|call|email|send|loop|bring|escalate|reach|
            push|offer|get|go|set\ up|book)
      | (?:you\ )?(?:could|might|should|need\ to)\ .{0,60}(?:,\s*)?(?:right|no|don't\ you\ think|
            wouldn't\ you\ say|yes)\?$
    )""",
)

# --- advice ------------------------------------------------------------------------------

_VERB = _words(
    "call|email|send|ask|tell them|tell him|tell her|try|focus|start|stop|lead|follow up|book|"
    "schedule|set up|get|go|reach out|push|bring|loop|escalate|write|draft|prepare|prep|"
    "practice|practise|remember|make sure|take|use|put|find|check|confirm|map|build|identify|"
    "offer|plan|frame|reframe|position|multithread|qualify|slow down|keep|be|avoid|consider|"
    "think about|don't|do not|never|always|add|cut|drop|trim|share|include|involve|invite|"
    "present|pitch|open with|lead with|anchor|quantify|document|summari[sz]e|recap|record|"
    "rehearse|role-play|role play|prioriti[sz]e|delegate|align|agree|clarify|negotiate|"
    "walk away|hold|stick|pick up|pick|look into|look at|read|review|listen|pause|breathe|"
    "let them|let him|let her|give them|give him|give her|show them|show him|show her|"
    "request|propose|suggest|raise|mention|emphasi[sz]e|highlight|point out|lean on|lean into|"
    "line up|nail down|pin down|lock in|get ahead of|head off|test|validate|double-check|"
    "double check|circle back|reconnect|re-engage|connect with|meet with|speak to|talk to|"
    "sit down with|ping|text|message|ring|phone|contact|update|list|write down|note"
)

# "Call the CFO." — a base-form verb first, with no subject: an imperative.
IMPERATIVE = _c(rf"^(?:please\s+|just\s+|definitely\s+|really\s+|so\s+)?{_VERB}\b")
# Imperatives that are not advice about the work (invitations, reassurance, logistics).
NOT_ADVICE_IMPERATIVE = _c(
    r"""^(?:take\ your\ time|take\ a\ (?:minute|moment|second|breath)|go\ (?:ahead|on)|
        keep\ (?:going|me\ posted|me\ updated|me\ in\ the\ loop)|let\ me\ know|
        don't\ (?:worry|apologi[sz]e|be\ sorry|mind\ me|get\ me\ wrong)|never\ mind|
        be\ (?:honest|straight\ with\ me)|think\ (?:out\ loud|aloud)|remember\ when|
        (?:get|go)\ (?:well|home)|try\ me|check\ (?:this|that)\ out|
        listen,|look,|put\ (?:it|that)\ (?:another\ way|differently)|hold\ on|
        hold\ that\ thought|picture\ this|imagine\ (?:that|for\ a)|suppose|say\ (?:you|it|
            that)\b)""",
)
ADVICE = _c(
    r"""(?:^|\b)(?:
        (?:you|u|ya|we|they)\s*(?:really\s+|probably\s+|definitely\s+|absolutely\s+|just\s+|
            also\s+|still\s+|then\s+)*
            (?:should|shouldn't|need\ to|needed\ to|have\ to|must|mustn't|ought\ to|gotta|
            got\ to|'ve\ got\ to|have\ got\ to|had\ better|'d\ better|better)\b
      | you(?:'ll|\ will)?\ (?:might|may)\ want\ to | you'll\ want\ to | you\ want\ to\ make\ sure
      | you(?:'d)?\ (?:could|can|might)\ (?:also\ |always\ |just\ |maybe\ |probably\ |even\ |
          then\ )*
            (?:try|call|email|send|ask|reach\ out|loop|bring|go\ to|escalate|push|offer|set\ up|
            book|schedule|get|propose|suggest|use|lead\ with|start\ with|open\ with|focus|
            follow\ up|talk\ to|speak\ to|put\ together|build|draft|write|share|include|involve|
            map|reframe|position|qualify|confirm|check|make\ sure|consider|think\ about|
            tell|frame|anchor|position|ping|text|message|contact|invite|mention|raise|plan|
            prepare|practi[cs]e|reach|start|stop|cut|add|drop|walk)\b
      | (?:i|i'd|i\ would)\ (?:would\ |strongly\ |really\ |definitely\ |just\ )*
            (?:suggest|recommend|advise|encourage|urge|propose)
      | i'd\ (?:start|lead|go|call|send|focus|push|try|ask|open|get|bring|loop|escalate|
            reach|book|set|put|begin|be\ (?:careful|wary)|avoid|stay|wait|hold|probably|
            definitely|rather)\b
      | i\ (?:would|'d)\ (?:probably\ |definitely\ |personally\ )?(?:start|lead|go|call|send|
            focus|push|try|ask|open|get|bring|loop|escalate|reach|book|set\ up|put|avoid|wait)\b
      | i\ (?:really\ |honestly\ |do\ |strongly\ )?(?:think|feel|believe|reckon)\ (?:that\ )?
            (?:you|we)\ (?:should|need|must|have\ to|ought|could|might\ want|gotta|'ve\ got)
      | if\ i\ (?:were|was)\ you | in\ your\ (?:shoes|position|place) | if\ it\ were\ me
      | (?:what|here's\ what)\ i(?:'d|\ would)\ do | what\ i\ would\ do | here's\ what\ (?:you|i)
      | my\ (?:advice|suggestion|recommendation|tip|two\ cents|take|push|ask)\ (?:is|would\ be|here)
      | the\ (?:key|trick|answer|best\ (?:thing|move|approach|bet|way)|thing\ to\ do|move|play|
            next\ step|fix|solution|priority|goal\ here)\ (?:is|would\ be|here\ is)\ (?:to\ )?
      | (?:it|that)\ (?:might|may|would|could|will)\ (?:be\ )?(?:really\ |probably\ |also\ )?
            (?:be\ )?(?:worth|good|helpful|smart|wise|better|useful|a\ good\ idea|an\ idea|
            valuable|important|best|great)\ (?:to|if\ you|for\ you\ to|\w+ing)\b
      | (?:it's|it\ is|it'd\ be|it\ would\ be)\ (?:probably\ |definitely\ |really\ |always\ )?
            (?:worth|a\ good\ idea|smart|wise|better|important|critical|key|essential|best|
            time)\ (?:to|if\ you|for\ you|\w+ing)\b
      | (?:it\ )?(?:would|might|could)\ help\ (?:to|if\ you)\b
      | a\ (?:good|better|smart|useful|simple|quick)\ (?:idea|move|step|approach|option|
            first\ step|next\ step|way)\ (?:is|would\ be|might\ be|could\ be)\b
      | one\ (?:thing|option|idea|approach|move|way)\ (?:you\ (?:could|can|might)|would\ be|
            is\ to|might\ be|could\ be|to\ try|that\ (?:works|helps))
      | (?:next\ time|going\ forward|from\ now\ on|in\ future|in\ the\ future|moving\ forward|
            before\ (?:the|your)\ next\ (?:call|meeting)),?\s+(?:you\ |try|lead|ask|open|start|
            make|be|don't|do|send|call|bring|get|focus|always|never|just)
      | (?:let's|let\ us)\ (?:have\ you|get\ you|make\ sure|send|call|email|push|escalate|
            loop|bring|go|book|set\ up|draft|write|plan\ to|get\ (?:them|legal|procurement|the))
      | (?:maybe|perhaps)\ (?:you\ |try|call|send|email|ask|reach|loop|bring|start|lead|focus|
            consider|think\ about|set\ up|book|get)
      | (?:some|many|most|a\ lot\ of|other)\ (?:reps|people|folks|managers|sellers|teams|
            clients)\ (?:find|have\ found|say)\ (?:it\ )?(?:helps?|useful|helpful)\ (?:to|if)
      | i\ wonder\ if\ you\ (?:could|might|should|can|would\ want\ to|want\ to)\b
      | (?:how|what)\ about\ (?:trying|calling|sending|asking|reaching|looping|bringing|
            going|using|setting|booking|leading|starting)\b
      | don't\ (?:forget|be\ afraid)\ to | be\ sure\ to | make\ sure\ (?:you|to|that)
      | (?:try|remember)\ to\b | (?:the|a)\ (?:better|best)\ (?:approach|way|move)\ (?:is|would\ be)
      | (?:you're|you\ are)\ (?:going\ to\ )?(?:need|have)\ to\b
      | you'll\ (?:need|have)\ to\b
      | (?:there's|there\ is)\ no\ (?:point|need)\ (?:in|to)
    )""",
)
# Modal advice that is really reassurance or praise ("you should be proud").
NOT_ADVICE = _c(
    r"""you\ (?:should|must|have\ to|gotta)\ (?:be\ (?:proud|pleased|happy|feeling\ good)|
        feel\ (?:good|proud)|know\ (?:that\ )?(?:i|we)\b)
      | you\ (?:must|have\ to)\ (?:be|have\ been|feel)\ (?:so\ |really\ |pretty\ |very\ )?
        (?:frustrated|tired|exhausted|worried|disappointed|relieved|stressed|annoyed|
        overwhelmed|anxious|upset|angry|excited|proud)
      | (?:you|i)\ (?:feel|felt|think|thought)\ (?:like\ )?(?:you|i)\ (?:should|need|have\ to|
        must|ought)
      | (?:you're|you\ are)\ (?:feeling|saying|telling\ me|worried|afraid|concerned|thinking)\b
      | you\ (?:know|knew)\ you\ (?:should|need|have\ to)
    """,
)

# --- affirmation -------------------------------------------------------------------------

_PRAISE = (
    r"(?:great|good|nice|excellent|fantastic|awesome|brilliant|solid|amazing|impressive|"
    r"outstanding|terrific|superb|strong|smart|clever|wonderful|super|incredible|fine|"
    r"remarkable|thoughtful|tremendous|huge|real|impressive|exceptional|stellar|sharp)"
)
AFFIRMATION = _c(
    rf"""(?:^|\b)(?:
        {_PRAISE}\ (?:job|work|call|catch|thinking|question|point|instinct|instincts|effort|
            move|idea|progress|insight|prep|preparation|listening|discovery|read|follow-up|
            follow\ up|save|win|recovery|observation|reflection|work\ on|going|stuff|result)
      | (?:well|nicely|beautifully|brilliantly)\ (?:done|handled|played|done\ on|said|spotted|put)
      | you\ (?:really\ |clearly\ |obviously\ |also\ |absolutely\ )*(?:did|handled|managed|
            navigated|pulled\ off|ran|ran\ with|nailed|read|prepared|played|kept|held|
            spotted|caught|asked|stuck\ with|stayed|got|built|earned|turned)\b.{{0,80}}
            (?:well|great|nicely|brilliantly|beautifully|the\ hard\ part|a\ great|a\ good|
            impressive|really\ good|right\ thing|excellent|strong|smart|perfectly|exactly\ right|
            like\ a\ pro|calm|composed)
      | you\ did\ (?:the\ (?:hard|difficult|right)\ (?:part|thing)|a\ (?:lot|great|good|
            really|fantastic)|well|great|good|everything\ right|your\ homework|the\ work)
      | you(?:'ve|\ have)?\ (?:clearly|really|obviously|genuinely|definitely)\ (?:worked|put|
            thought|care|cared|prepared|done|invested|listened|grown|improved|learned|made)
      | you(?:'ve|\ have)\ (?:worked\ (?:so\ |really\ )?hard|put\ (?:in\ )?(?:a\ lot|so\ much|real|
            serious)|come\ a\ long\ way|made\ (?:real|great|good|a\ lot\ of|huge|big|solid)
            \ progress|grown|improved|done\ (?:a|the|an|really|so)\ (?:great|good|lot|hard|
            excellent|amazing|well)|got(?:ten)?\ (?:really\ |so\ much\ )?better|been\ (?:so\ |
                really\ )?
            (?:persistent|resilient|consistent|thorough|diligent|proactive|brave|honest|open))
      | you're\ (?:clearly\ |really\ |obviously\ |genuinely\ |such\ |a\ )*(?:very\ |really\ |
            so\ |naturally\ )?(?:good|great|strong|resourceful|determined|committed|persistent|
            thoughtful|skilled|talented|organi[sz]ed|brave|smart|dedicated|creative|capable|
            resilient|diligent|thorough|insightful|a\ natural|a\ strong|a\ great|a\ good|
            someone\ who|the\ kind\ of|one\ of\ (?:the|our)\ (?:best|strongest|top)|
            really\ good\ at|good\ at|great\ at|excellent\ at|on\ the\ right\ track|
            doing\ (?:great|well|a\ great|a\ good|really\ well))
      | you\ are\ (?:clearly\ |really\ |obviously\ )?(?:good|great|strong|resourceful|
            determined|committed|persistent|thoughtful|skilled|talented|brave|smart|dedicated|
            creative|capable|resilient|doing\ (?:great|well))
      | that\ (?:took|takes|must\ have\ taken|shows|showed)\ (?:real\ |a\ lot\ of\ |some\ |
            courage|guts|nerve|discipline|initiative|persistence|real|a\ lot|leadership|maturity|
            good\ judg(?:e)?ment|self-awareness|honesty|commitment)
      | i\ (?:really\ |genuinely\ |truly\ |do\ )?(?:appreciate|admire|respect|love|like|value)
            \ (?:how|that\ you|the\ way|your|you\ for|what\ you)
      | (?:i'm|i\ am)\ (?:really\ |so\ |very\ )?(?:impressed|proud)
      | (?:that's|that\ is|that\ was|this\ is|what\ a)\ (?:a\ |an\ |really\ |such\ a\ |very\ |
            so\ )*{_PRAISE}\ (?:question|insight|point|idea|catch|move|win|step|instinct|
            progress|observation|call|start|plan|thinking|reflection|approach|read|realization|
            realisation|breakthrough|outcome|result|effort|job|work)
      | (?:nice|good|great)\ (?:one|work|job|catch|going)\b | kudos | props\ (?:to|for)
      | you\ (?:should|can|could)\ be\ (?:really\ |very\ )?proud
      | good\ for\ you | way\ to\ go | that's\ (?:huge|a\ big\ deal|real\ progress)
      | your\ (?:hard\ work|persistence|preparation|prep|effort|instincts?|honesty|
            discovery|follow-up|work|diligence|discipline|commitment|creativity)\ (?:really\ )?
            (?:paid\ off|shows|showed|is\ paying|made|is\ impressive|was|is\ clear|got)
      | it's\ (?:clear|obvious)\ (?:that\ )?you\ (?:care|really|work|put|know|prepared|thought)
      | you\ have\ (?:a\ )?(?:real\ |great\ |natural\ |strong\ )?(?:talent|gift|knack|strength|
            instinct|feel)\ for
      | you\ (?:were|are)\ right\ to | you\ (?:did|got)\ (?:it|that)\ right
      | (?:i|we)\ (?:can\ )?(?:see|tell)\ (?:how\ (?:much|hard)|that\ you(?:'ve|\ have)?
            \ (?:worked|put|thought|care|prepared|really))
      | you\ (?:care|cared)\ (?:a\ lot|deeply|so\ much|about\ (?:your|the|doing))
      | (?:thanks|thank\ you)\ for\ (?:being\ (?:so\ )?(?:honest|open|candid)|your\ honesty|
            (?:the|all\ the|your)\ (?:hard\ )?work|pushing|taking\ the\ initiative)
    )""",
)

# --- reflection --------------------------------------------------------------------------

# Cues that mark a statement as giving the rep's meaning back.
REFLECTION = _c(
    r"""(?:^|\b)(?:
        (?:it|that|this)\ (?:sounds|sound|seems|seem|feels|looks)\ (?:like|as\ if|as\ though|
            (?:really\ |pretty\ |quite\ |very\ )?(?:hard|frustrating|difficult|tough|stressful|
            important|exhausting|overwhelming|confusing|scary|disappointing|painful|rough))
      | sounds\ (?:like|as\ if|as\ though) | seems\ (?:like|as\ if|that)
      | (?:i'm|i\ am)\ hearing | what\ i(?:'m|\ am)\ hearing | i\ hear\ (?:that\ )?you
      | (?:if\ )?i(?:'m|\ am)\ (?:hearing|understanding)\ you\ (?:right|correctly)
      | what\ you(?:'re|\ are)\ (?:saying|telling\ me|describing)
      | (?:you're|you\ are)\ (?:saying|telling\ me|feeling|not\ sure|unsure|worried|concerned|
            afraid|scared|frustrated|stuck|torn|wondering|thinking|hoping|struggling|tired|
            exhausted|overwhelmed|disappointed|annoyed|angry|upset|nervous|anxious|excited|
            confused|uncertain|ambivalent|caught|really\ (?:not|un)|kind\ of|a\ bit|a\ little|
            pretty|quite|starting\ to|beginning\ to|still|ready|not\ ready|fed\ up|sick\ of|
            tired\ of|done\ with|in\ a|between|under|feeling|finding|facing|carrying|dealing|
            juggling|trying|looking|hopeful|optimistic|pessimistic|skeptical|sceptical|
            doubting|questioning|proud|relieved|confident|unclear|clear|determined|committed)
      | you\ (?:feel|felt|think|thought|believe|want|wanted|wish|hope|hoped|wonder|don't\ (?:know|
            think|feel|want|see|like|believe)|didn't\ (?:know|think|expect|want|feel)|
            aren't\ sure|weren't\ sure|can't\ (?:see|figure|tell|decide)|have\ been|'ve\ been|
            find|found|see|saw|know|value|care|like|hate|love|enjoy|miss|fear|worry|doubt|
            sense|noticed|mean|meant|said|mentioned|told\ me|described|seem|sound|would\ like|
            'd\ like|would\ rather|'d\ rather|really\ want|just\ want|kind\ of|sort\ of|
            also|still|never|always|keep|kept|tried|tend|get|got|are|were|had|have|did|went)\b
      | part\ of\ you | on\ (?:the\ )?one\ hand | on\ the\ other\ hand
      | (?:in\ )?other\ words | you\ mean | so\ for\ you | for\ you,? | to\ you,?
      | (?:it's|it\ is|that's|that\ is|this\ is|that's\ been|it's\ been|this\ has\ been|
          that\ has\ been|
            it\ has\ been|that\ must\ be|this\ must\ be|it\ must\ be|that\ must\ have\ been)
            \ (?:really\ |so\ |pretty\ |quite\ |very\ |a\ bit\ |been\ )*(?:hard|difficult|
            frustrating|tough|stressful|important|exhausting|overwhelming|confusing|scary|
            disappointing|painful|rough|a\ lot|heavy|draining|upsetting|lonely|unfair|
            a\ blow|a\ setback|a\ relief|exciting|big)
      | (?:must|must\ have)\ (?:be|been|felt|feel)
      \ | (?:i|i'm|i\ am)\ (?:get|getting|sense|sensing)\ (?:the\ sense|a\ sense|that|the\ feeling)
      | (?:i\ )?(?:imagine|guess|gather|suspect)\ (?:that\ )?(?:you|it|that|this|the)\b
      | (?:let\ me|lemme)\ (?:see\ if|make\ sure|check|play|summari[sz]e|recap|reflect)
      | (?:so\ )?(?:what\ )?i'm\ (?:getting|taking\ away)
      | if\ i\ (?:understand|got|get|heard)
      | you're\ (?:the\ kind|someone|somebody)\ who
      | (?:the|your)\ (?:real\ )?(?:worry|concern|fear|frustration|problem|issue|challenge|
            sticking\ point|struggle|hope|goal)\ (?:is|seems|sounds|here)
      | (?:a\ )?(?:big\ )?part\ of\ (?:the|this|what)
      | not\ (?:yet|sure|ready)\b | still\ (?:not|un)
      | (?:i\ )?wonder\ if\ (?:you're|you\ are|you've|part|it's|this|that|some)
    )""",
)
# Second person as the subject: how many reflections start.
SECOND_PERSON = _c(r"^(?:so\s+)?(?:you|you're|you've|you'd|you'll|your|yourself)\b")
# Statement openers that restate ("So the budget moved", "And the CFO's gone").
SO_RESTATE = _c(r"^so\s+(?!what|how|why|when|where|who|which|do|did|are|is|can|could|would)\w")

# --- information -------------------------------------------------------------------------

INFORMATION = _c(
    r"""(?:^|\b)(?:
        (?:research|data|studies|the\ numbers|our\ numbers|the\ stats|evidence|surveys?|
            gartner|forrester|benchmarks?)\ (?:shows?|says|suggests?|tells?|found|indicates?)
      | in\ my\ experience | (?:typically|usually|generally|historically|on\ average|
          statistically)\b
      | (?:most|many|some|a\ lot\ of)\ (?:reps|people|buyers|customers|clients|companies|deals|
            teams|cfos|procurement|prospects|accounts)\b
      | (?:their|the|our|his|her|its)\ (?:fiscal\ year|budget|policy|process|contract|renewal|
            team|board|cfo|vp|company|pricing|quarter|deadline|legal|procurement)\b
      | (?:i|we)\ (?:spoke|talked|met|heard|saw|noticed|checked|looked|found|learned|got|had|
            was|were|did|know|remember|used\ to)\b
      | (?:fyi|for\ what\ it's\ worth|for\ context|just\ so\ you\ know|heads\ up|the\ thing\ is|
            the\ reality\ is|the\ fact\ is|to\ be\ fair|to\ be\ clear)
      | \d
    )""",
)

# --- context: the rep asked for help, or the coach asked permission and got a yes ---------

REP_ASKS_HELP = _c(
    r"""(?:^|\b)(?:
        what\ (?:should|would|do|can|could)\ (?:i|we)\ (?:do|say|try|send|tell)
      | what\ would\ you\ (?:do|say|suggest|recommend|try) | what\ do\ you\ (?:suggest|
          recommend|think\ i)
      | (?:how|where|when)\ (?:should|do|would|can|could)\ (?:i|we)\b | should\ i\b
      | (?:any|got\ any|some|your)\ (?:advice|tips|ideas|suggestions|pointers|guidance|
            recommendations|thoughts\ on\ (?:how|what))
      | (?:can|could|would)\ you\ (?:help|give\ me|tell\ me\ what|show\ me|share)
      | help\ me\ (?:out|figure|with|think) | i\ (?:need|want|could\ use)\ (?:your|some|a\ bit\ of)
            \ (?:help|advice|input|guidance|ideas)
      | i\ (?:don't|do\ not|dont)\ know\ (?:what|how)\ to | tell\ me\ what\ to
      | (?:i'm|i\ am)\ (?:out\ of\ ideas|at\ a\ loss|not\ sure\ (?:what|how)\ to)
      | what\ do\ i\ do | is\ there\ (?:anything|something)\ (?:i|you)
      | do\ you\ have\ (?:any\ )?(?:advice|ideas|suggestions|tips)
      | what's\ (?:the\ best|your\ advice|your\ take)
    )""",
)
PERMISSION_ASK = _c(
    r"""(?:^|\b)(?:
        (?:can|could|may|would\ it\ be\ ok(?:ay)?\ if|is\ it\ ok(?:ay)?\ if|mind\ if|
            do\ you\ mind\ if)
            \ i\ (?:offer|share|suggest|give|make|add|tell|throw|put|say|jump\ in|pitch\ in)
      | would\ (?:it|that)\ (?:help|be\ (?:helpful|useful|ok|okay))\ (?:if\ i|to\ hear|for\ me)
      | (?:would|do)\ you\ (?:like|want)\ (?:me\ to\ (?:share|offer|suggest|give|tell)|
            (?:some|a\ few|my|any)\ (?:ideas|suggestions|thoughts|advice|input|tips|feedback)|
            to\ hear)
      | (?:are\ you|you)\ open\ to\ (?:a\ |some\ |an?\ )?(?:suggestion|idea|thought|feedback|input|
            advice|hearing)
      | want\ (?:some|my|a\ few|a)\ (?:ideas|suggestions|thoughts|advice|input|tips|take)
      | can\ i\ (?:make|offer)\ an?\ (?:observation|suggestion)
    )""",
)
REP_YES = _c(
    r"""^(?:\W*(?:oh|um|uh|well|yeah|yes|yep|yup|sure|please|ok|okay|absolutely|definitely|
        of\ course|go\ ahead|go\ for\ it|shoot|totally|for\ sure|that\ would|that'd|i'd\ (?:love|
        like|appreciate|welcome)|i\ would\ (?:love|like|appreciate)|that\ would\ be|please\ do|
        by\ all\ means|fire\ away|all\ ears|i'm\ all\ ears|why\ not|sounds\ good|i'm\ open|
        i\ am\ open|be\ my\ guest)\b)""",
)
REP_NO = _c(r"^\W*(?:no|nah|not\ really|not\ now|not\ yet|i'd\ rather\ not|actually,?\ no)\b")
