"""Decide what a coach statement does: affirm, advise, reflect, inform, or none of these.

Questions, takeovers and social talk are settled earlier by decisive rules. A plain
statement is harder: "That one cut deep" (reflection) and "Their fiscal year ends in March"
(information) have the same shape. Clear cue phrases decide first; what is left is scored
with a handful of named, hand-weighted features, and the reason lists the ones that won.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from app.domain.acts import Act
from app.rubric import lexicon as lx
from app.rubric.context import Signals
from app.rubric.cues import CueIndex
from app.rubric.lexicon import wordset
from app.rubric.overlap import content_stems


def _c(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.VERBOSE)


_TOKEN = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*")

# --- affirmation -------------------------------------------------------------------------

_PRAISE = (
    r"(?:great|good|nice|excellent|fantastic|awesome|brilliant|solid|amazing|impressive|"
    r"outstanding|terrific|superb|strong|smart|clever|wonderful|super|incredible|"
    r"remarkable|thoughtful|tremendous|huge|real|exceptional|stellar|sharp|practical|"
    r"important|big|bold|brave|creative|useful|valuable|sensible|mature|wise)"
)
AFFIRMATION = lx.family(
    rf"""
        {_PRAISE}\ (?:job|work|call|catch|thinking|question|point|instinct|instincts|effort|
            move|idea|progress|insight|prep|preparation|listening|discovery|read|follow-up|
            save|win|recovery|observation|reflection|going|result|change|shift|step|choice)
      | (?:well|nicely|beautifully|brilliantly|skil+fully|calmly)\ (?:done|handled|played|said|
            spotted|put|managed|navigated|run)
      | you\ did\ (?:the\ (?:hard|difficult|right)\ (?:part|thing)|a\ (?:lot|great|good|
            really|fantastic)|well|great|good|everything\ right|your\ homework|the\ work|
            something)
      | you(?:'ve|\ have)?\ (?:clearly|really|obviously|genuinely|definitely)\ (?:worked|put|
            thought|care|cared|prepared|done|invested|listened|grown|improved|learned|made|
            committed|stuck)
      | you(?:'ve|\ have)\ (?:worked\ (?:so\ |really\ )?hard|put\ (?:in\ )?(?:a\ lot|so\ much|real|
            serious)|come\ a\ long\ way|made\ (?:real|great|good|a\ lot\ of|huge|big|solid)
            \ progress|grown|improved|done\ (?:a|the|an|really|so)\ (?:great|good|lot|hard|
            excellent|amazing|well)|got(?:ten)?\ (?:really\ |so\ much\ )?better|
            been\ (?:so\ |really\ |very\ )?(?:persistent|resilient|consistent|thorough|diligent|
            proactive|brave|honest|open|disciplined|patient|generous|committed))
      | you(?:'re|\ are)\ (?:clearly\ |really\ |obviously\ |genuinely\ |such\ |becoming\ )*
            (?:a\ |an\ |very\ |really\ |so\ |naturally\ )*(?:good|great|strong|resourceful|
            determined|committed|persistent|thoughtful|skilled|talented|organi[sz]ed|brave|
            smart|dedicated|creative|capable|resilient|diligent|thorough|insightful|natural|
            real\ expert|expert|someone\ who\ (?:doesn't|does|can|cares|gets|follows|keeps)|
            one\ of\ (?:the|our)\ (?:best|strongest|top)|on\ the\ right\ track|
            doing\ (?:great|well|a\ great|a\ good|really\ well|brilliantly))
      | that\ (?:took|takes|must\ have\ taken|shows|showed|says\ a\ lot|speaks)
      | (?:shows|showed|took|takes)\ (?:real\ |a\ lot\ of\ |some\ |great\ )?(?:courage|guts|
            nerve|discipline|initiative|persistence|care|leadership|maturity|judg(?:e)?ment|
            self-awareness|honesty|commitment|grit|resilience|skill|strength|bravery|
            determination|effort|willpower|self-control)
      | (?:it|that)\ (?:took|takes)\ (?:real\ |a\ lot\ of\ |some\ |great\ )?(?:strength|bravery|
            determination|effort|willpower|self-control|courage|guts|nerve|honesty)
      | (?:on\ your\ own|by\ yourself|all\ by\ yourself|without\ (?:any\ )?help)\W*$
      | i\ (?:really\ |genuinely\ |truly\ |do\ )?(?:appreciate|admire|respect|love|like|value)
            \ (?:how|that\ you|the\ way|your|you\ for|what\ you)
      | i\ (?:really\ |genuinely\ |truly\ |do\ )?(?:respect|admire|appreciate)\ (?:that|it|this)\W*$
      | you\ (?:clearly|obviously|genuinely|really)\ (?:know|care|value|love|understand)\b
      | (?:really|clearly)\ shows\b
      | made\ (?:all\ )?the\ difference
      | (?:give\ yourself|deserve|take\ (?:some|the))\ credit | credit\ to\ you
      | (?:not|isn't|wasn't)\ (?:an\ )?easy\ (?:thing\ )?to\ do | not\ everyone\ (?:would|could|can)
      | (?:that's|that\ is|it's|it\ is|that\ was|
          it\ was)\ not\ (?:an\ )?easy(?:\ thing)?(?:\ to\ do)?\W*$
      | (?:and\ )?(?:it|that)\ (?:really\ )?(?:paid|pays|is\ paying|has\ paid)\ off
      | you(?:'ve|\ have)\ (?:built|created|formed|developed|made|got)\ (?:a\ |
          some\ )?(?:real\ |great\ |
            good\ |solid\ |new\ |healthy\ )?(?:habit|routine|momentum|progress|rhythm|foundation)
      | something\ to\ be\ proud\ of | you(?:'ve|\ have)?\ (?:showed|shown)\ (?:real|a\ lot|great|
            how|that\ you)
      | you\ (?:did|made)\ it\W*$ | (?:that's|that\ is)\ (?:a\ )?(?:real\ )?(?:strength|skill)
      | i\ (?:noticed|saw|loved|liked)\ (?:how|the\ way)\ (?:\w+\ )?you
      | (?:i'm|i\ am)\ (?:really\ |so\ |very\ )?(?:impressed|proud\ of\ you)
      | (?:that's|that\ is|that\ was|this\ is|what\ a|it\ was)\ (?:a\ |an\ |really\ |such\ a\ |
            very\ |so\ )*{_PRAISE}\ (?:question|insight|point|idea|catch|move|win|step|instinct|
            progress|observation|call|start|plan|thinking|reflection|approach|read|realization|
            realisation|breakthrough|outcome|result|effort|job|work|first\ step|change|shift)
      | (?:nice|good|great)\ (?:one|catch|going)\b | kudos | props\ (?:to|for)
      | you\ (?:should|can|could)\ be\ (?:really\ |very\ )?proud
      | good\ for\ you | way\ to\ go | that's\ (?:huge|a\ big\ deal|real\ progress)
      | your\ (?:hard\ work|persistence|preparation|prep|effort|instincts?|honesty|consistency|
            discovery|follow-up|work|diligence|discipline|commitment|creativity|patience)
            \ (?:really\ |this\ \w+\ |here\ )?(?:paid\ off|shows|showed|is\ paying|made|
            is\ impressive|was|is\ clear|got|has\ been|have\ been)
      | it's\ (?:clear|obvious)\ (?:that\ )?you\ (?:care|really|work|put|know|prepared|thought)
      | you\ have\ (?:a\ )?(?:real\ |great\ |natural\ |strong\ )?(?:talent|gift|knack|strength|
            instinct|feel)\ for
      | you\ (?:were|are)\ right\ to | you\ (?:did|got)\ (?:it|that)\ right
      | (?:i|we)\ (?:can\ )?(?:see|tell)\ (?:how\ (?:much|hard)|that\ you(?:'ve|\ have)?
            \ (?:worked|put|thought|care|prepared|really))
      | you\ (?:care|cared)\ (?:a\ lot|deeply|so\ much|about\ (?:your|the|doing))
      | (?:thanks|thank\ you)\ for\ (?:being\ (?:so\ )?(?:honest|open|candid)|your\ honesty|
            telling\ me\ .{{0,20}}(?:honestly|openly)|(?:the|all\ the|your)\ (?:hard\ )?work|
            pushing|taking\ the\ initiative|trusting\ me)
      | (?:and\ )?(?:it|that)\ shows\W*$ | which\ says\ a\ lot | and\ that\ matters
      | (?:that's|this\ is)\ (?:exactly\ )?what\ (?:we|i)\ (?:want|need|look\ for|hope\ for)
      | you\ (?:came\ up\ with|figured|worked\ out|found)\ (?:it|that|this)\ yourself
      | (?:you\ )?(?:never|didn't|don't)\ (?:give|gave)\ up
      | credit\ where | you(?:'ve|\ have)?\ (?:really\ |actually\ |still\ |
          already\ )?(?:bounced\ back|
            turned\ (?:it|that|things|this|the\ \w+|that\ \w+)\ around|kept\ (?:your|
                to\ your)\ (?:promise|
            word|plan|commitment)|put\ (?:the\ |your\ )?\w+\ first|stuck\ (?:to|with)\ (?:it|
                the|your)|
            followed\ through|pushed\ through|held\ (?:firm|your\ ground|the\ line)|
                stood\ (?:up|firm)|
            stepped\ up|went\ the\ extra\ mile|rose\ to|got\ through|kept\ going|kept\ at\ it|
            made\ it\ (?:through|work|happen)|pulled\ it\ off|hit\ your\ (?:number|target|goal)|
            took\ ownership|owned\ (?:it|that|the)|did\ the\ hard\ thing|done\ the\ hard\ thing)
      | (?:most|a\ lot\ of|many|other|plenty\ of)\ (?:\w+\ )?(?:reps|people|leaders|managers|
            sellers|teachers|parents|patients|folks)\ (?:in\ your\ \w+\ )?(?:would(?:\ have|'ve)?|
            never|don't|wouldn't|avoid|can't|couldn't|give\ up|quit)
      | (?:says|said)\ a\ lot\ about\ you | you\ did\ (?:exactly\ )?what\ you\ said
      | (?:says|speaks)\ (?:a\ lot|volumes)\W*$
      | made\ (?:it|that|this)\ look\ easy | kept\ (?:\w+\ ){{1,2}}on\ track
      | exactly\ (?:the\ \w+\ )?(?:what\ )?(?:we|i)\ (?:want|need|look\ for)
      | you\ (?:were|are|'re)\ (?:ready|prepared)\ for\ (?:every|anything|all)
      | you\ \w+ed\ [^.?!]{{0,40}}\binstead\ of\ \w+ing
      | you\ (?:should|can|could)\ (?:feel|be)\ (?:really\ |very\ |so\ )?(?:good|proud|pleased)
      | (?:is|that's|that\ is)\ (?:exactly\ )?what\ (?:progress|growth|success|change|leadership|
            commitment|resilience|courage)\ looks\ like
      | you\ (?:still\ )?(?!felt|thought|knew|wanted|worried|feared|needed)(?:came|went|kept|stayed|
            did|showed|got|made|finished|tried|\w+ed)\b[^.?!]{{0,40}}
            \beven\ (?:though|when|if|after|on)
      | (?:made|took)\ (?:a|the)\ (?:hard|tough|brave|difficult|bold|right)\ (?:call|decision|
          choice)
      | you\ couldn't\ have\ done\ .{{0,30}}\ ago | you(?:'re|\ are)\ still\ (?:\w+ing)\b.{{0,20}}$
      | you\ still\ (?:showed\ up|made|did|kept|went|got)
    """,
)
# "You handled ..." counts as praise when the unit also says it went well (_DONE_WELL).
ACHIEVEMENT = re.compile(
    r"""\ you\ (?:really\ |clearly\ |obviously\ |also\ |absolutely\ )*(?:did|handled|managed|
        navigated|pulled\ off|ran|nailed|prepared|played|kept|held|spotted|caught|asked|
        stuck\ with|stayed|got|built|earned|turned|stood)\b""",
    re.VERBOSE,
)
_DONE_WELL = re.compile(
    r"""\b(?:well|great|nicely|brilliantly|beautifully|the\ hard\ part|a\ great|a\ good|
        impressive|really\ good|right\ thing|excellent|strong|smart|perfectly|exactly\ right|
        like\ a\ pro|calm|composed|firm|your\ ground|with\ (?:a\ lot\ of\ |real\ |such\ |great\ )?
        (?:grace|poise|skill|style|care|confidence|maturity|composure|patience|tact))\b""",
    re.VERBOSE,
)

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
NEGATIVE_WORDS = wordset(
    "not no never don't didn't wasn't weren't isn't aren't can't couldn't won't wouldn't "
    "hardly barely without less more expected hoped wish wished should"
)

# --- reflection --------------------------------------------------------------------------

# Phrases that mark a statement as giving the rep's meaning back.
REFLECTION = lx.family(
    r"""
        (?:it|that|this)\ (?:sounds|sound|seems|seem|feels|looks)\ (?:like|as\ if|as\ though|
            (?:really\ |pretty\ |quite\ |very\ )?(?:hard|frustrating|difficult|tough|stressful|
            important|exhausting|overwhelming|confusing|scary|disappointing|painful|rough))
      | sounds\ (?:like|as\ if|as\ though) | seems\ (?:like|as\ if|that)
      | (?:they|he|she|it|that|everyone|nobody)\ (?:seem|seems|sound|sounds)\ \w+
      | (?:i'm|i\ am)\ hearing | what\ i(?:'m|\ am)\ hearing | i\ hear\ (?:that\ )?you
      | (?:if\ )?i(?:'m|\ am)\ (?:hearing|understanding)\ you\ (?:right|correctly)
      | what\ you(?:'re|\ are)\ (?:saying|telling\ me|describing)
      | (?:you're|you\ are)\ (?:saying|telling\ me|feeling|not\ sure|unsure|worried|concerned|
            afraid|scared|frustrated|stuck|torn|wondering|thinking|hoping|struggling|tired|
            exhausted|overwhelmed|disappointed|annoyed|angry|upset|nervous|anxious|excited|
            confused|uncertain|ambivalent|caught|kind\ of|a\ bit|a\ little|starting\ to|
            beginning\ to|ready|not\ ready|fed\ up|sick\ of|tired\ of|done\ with|weighing|
            finding|facing|carrying|dealing|juggling|trying|hopeful|skeptical|sceptical|
            doubting|questioning|relieved|unclear|determined|wrestling|balancing|caught|
            confident|sure|certain|convinced)
      | you\ (?:feel|felt|think|thought|believe|want|wanted|wish|hope|hoped|wonder|
            don't\ (?:know|think|feel|want|see|like|believe)|didn't\ (?:know|think|expect|want|
            feel)|aren't\ sure|weren't\ sure|can't\ (?:see|figure|tell|decide)|find|found|
            value|care|hate|love|enjoy|miss|fear|worry|doubt|sense|noticed|mean|meant|
            would\ like|'d\ like|would\ rather|'d\ rather|really\ want|just\ want|kind\ of|
            sort\ of|tend)\b
      | part\ of\ you | on\ (?:the\ )?one\ hand | on\ the\ other\ hand | (?:in\ )?other\ words
      | you\ mean | for\ you,
      | (?:it's|it\ is|that's|that\ is|this\ is|that's\ been|it's\ been|this\ has\ been|
            that\ has\ been|it\ has\ been|that\ must\ be|this\ must\ be|it\ must\ be|
            that\ must\ have\ been)\ (?:really\ |so\ |pretty\ |quite\ |very\ |a\ bit\ |been\ )*
            (?:hard|difficult|frustrating|tough|stressful|important|exhausting|overwhelming|
            confusing|scary|disappointing|painful|rough|a\ lot|heavy|draining|upsetting|
            lonely|unfair|a\ blow|a\ setback|a\ relief|exciting|demorali[sz]ing|gutting)
      | (?:must|must\ have)\ (?:be|been|felt|feel)\b
      | (?:i|i'm|i\ am)\ (?:get|getting|sense|sensing)\ (?:the\ sense|a\ sense|that|the\ feeling)
      | (?:let\ me|lemme)\ (?:see\ if|make\ sure\ i|check\ i|play|summari[sz]e|recap|reflect)
      | if\ i\ (?:understand|got|get|heard)
      | (?:the|your)\ (?:real\ |big\ |main\ )?(?:worry|concern|fear|frustration|sticking\ point|
            struggle|hope)\ (?:is|seems|sounds|here)
      | (?:i\ )?wonder\ if\ (?:you're|you\ are|you've|part|it's|this|that|some)
      | (?:it's|it\ is|that's)\ like\b | feels?\ (?:like|more\ like)\b
      | from\ where\ you(?:'re|\ are)\ (?:sitting|standing) | from\ your\ (?:side|perspective|
            point\ of\ view|seat|end) | in\ your\ (?:eyes|view|mind) | as\ you\ see\ it
      | (?:less|more)\ about\ .{1,40}\ (?:and|than)\ (?:more|less)?
      | (?:which|and\ that)\ (?:means|makes|leaves)\b
    """,
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
CONTINUATION = _c(r"^(?:and|but|which|even\ though|because|especially|like|or|yet)\b")
# Statements that hand over a fact: numbers, generalisations, sources, the coach's knowledge.
INFO_FRAME = lx.family(
    r"""
        (?:research|data|studies|the\ numbers|our\ numbers|the\ stats|evidence|surveys?|
            guidelines?|benchmarks?)\ (?:shows?|says|suggests?|tells?|found|indicates?|are|is)
      | in\ my\ experience | (?:typically|usually|generally|historically|on\ average|normally|
            commonly|statistically|often|tends?\ to|roughly)\b
      | (?:most|many|a\ lot\ of|some|few)\ (?:\w+\ )?(?:reps|people|buyers|customers|clients|
            companies|deals|teams|patients|students|candidates|universities|schools|cases|
            managers|leaders|cfos|rfps|degrees)\b
      | (?:fyi|for\ what\ it's\ worth|for\ context|just\ so\ you\ know|heads\ up|to\ be\ clear)
      | there\ (?:is|are|'s)\ (?:a|an|some|no|two|three|several)\ \w+
      | there\ are\ (?!no\b)\w+
      | (?:i|we)\ (?:spoke|talked|met|heard|checked|looked|found|learned|used\ to|know\ the)\b
      | (?:i've|we've|i\ have|we\ have)\ (?:got|seen|had|worked)\b | on\ our\ team |
          our\ (?:team|data)
      | (?:is|are)\ due | goes\ live | (?:is|are)\ available | in\ stock | open\ until
      | side\ effect | can\ happen | (?:is|are)\ (?:common|normal)\b | the\ deadline
      | (?:announced|approved|updated|published|released|linked)\b
      | (?:that's|that\ is|it's|it\ is)\ (?:really\ |very\ |pretty\ |quite\ |completely\ |
            totally\ )?(?:normal|common|typical|expected|a\ common\ one|usual)\b
      | you\ (?:can|can't|cannot|are\ allowed\ to|aren't\ allowed\ to|'re\ allowed\ to|
            'll\ be\ able\ to|won't\ be\ able\ to)\ (?!always|also|just|try|start|still)\w+
      | you(?:'ll|\ will)\ (?:get|receive|hear|see|have)\ (?:the|your|a|
          an)\ \w+\b[^.?!]{0,30}\b(?:in|by|
            on|next|within|after|before)\b
      | you(?:'re|\ are)\ (?:on\ the\ \w+|booked|scheduled|down\ for|due\ (?:to|for|in|on))
      | your\ \w+\ (?:was|were|has\ been|have\ been|is\ being|will\ be)\ \w+ed\b
      | (?:raises|lowers|increases|reduces|causes|triggers|affects|improves|worsens|damages|
            protects|doubles|halves)\ (?:your|the|a|blood|risk)
      | (?:can|could|may)\ (?:make|cause|help|reduce|lower|raise|
            increase|prescribe|affect)\b
    """,
)
NUMBER_WORDS = wordset(
    "two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty "
    "fifty sixty seventy eighty ninety hundred thousand million percent half twice first "
    "second third fourth fifth sixth tenth fourteen weeks months per january february march "
    "april may june july august september october november december"
)
# Figures that measure rather than count in passing ("seventy percent", "half the time").
MEASURE_WORDS = wordset("percent per cent half twice double quarter average rate")
ANSWER_START = _c(r"^\W*(?:yes|yeah|yep|no|nope|right|correct|exactly|actually)\b[\s,.]")
_THIRD_PERSON_SUBJECT = re.compile(
    r"^(?:the|their|our|his|her|its|a|an|this|these|those|"
    r"(?!(?:there|that|it|what|here|he|she|who|where|how|let)'s)[a-z]+'s)"
    r"\s+(?!way\b|part\b|thing\b|one\b)[a-z]+"
)
SECOND_PERSON_WORDS = wordset("you you're you've you'd you'll your yours yourself")
_HAS_DIGIT = re.compile(r"\d")
# A finite verb: fragments without one ("A little scary and a little exciting") reflect.
_FINITE = re.compile(
    r"\b(?:is|are|was|were|am|has|have|had|do|does|did|will|would|can|could|should|may|"
    r"might|must|'s|'re|'ve|'ll|'d|\w+ed|\w{3,}s|kept|put|got|made|took|gave|went|said|told|"
    r"felt|left|lost|won|ran|sent|spent|built|bought|caught|taught|thought|brought|held|"
    r"stood|met|paid|sold|wrote|spoke|broke|chose|drove|came|became|began|knew|saw|did|"
    r"let|set|cut|hit|quit|shut|hurt|cost|read|heard|found|stuck|struck|led|fed|fell|"
    r"need|want|feel|think|know|get|keep|seem|have|do|go|come|make|take|like|love|hate)\b"
)


# Every cue family a statement is checked against, found in one pass over its words.
STATEMENT_CUES = CueIndex(
    {
        "affirm": AFFIRMATION,
        "reflect": REFLECTION,
        "advice": lx.ADVICE,
        "not_advice": lx.NOT_ADVICE,
        "autonomy": lx.AUTONOMY,
        "info": INFO_FRAME,
    }
)


def _cue(text: str, words: int = 5) -> str:
    parts = text.strip(" ,;").split()
    return " ".join(parts[:words]) + (" ..." if len(parts) > words else "")


# Words that follow a third-person verb ("shows that", "helps with"), not a plural object.
_AFTER_VERB = wordset(
    "that the a an it you your their his her up to more less how what when if with in on "
    "for about by this these those"
)


# Nouns that praise whoever the sentence is about ("Two weeks off cigarettes is a big
# achievement"), even when it does not say "you".
_ACHIEVEMENTS = wordset("achievement accomplishment breakthrough milestone")


def imperative(core: str, words: list[str]) -> str | None:
    """The verb when a unit opens with an instruction ("Point them to...", "Call the CFO")."""
    if not words:
        return None
    first = words[0]
    i = 0
    if first in ("please", "just", "maybe", "perhaps", "definitely", "honestly", "really"):
        if len(words) < 2:
            return None
        i, first = 1, words[1]
    after = words[i + 1 : i + 3]
    if any(w in lx.FINITE for w in after):
        return None
    if core.startswith(f"{first},"):
        return None  # "Close, and then it fell apart": not an instruction
    if len(after) == 2 and after[0].endswith("s") and after[1] in _AFTER_VERB:
        return None  # "Research shows that...": a noun with its verb, not an instruction
    if first in ("always", "never", "just"):
        # "Always confirm next steps": an adverb, then the instruction.
        return f"{first} {after[0]}" if after and after[0] in lx.INSTRUCTION_VERBS else None
    if first in lx.NOT_VERB or first.endswith(("ing", "ed", "ly")) or first.isdigit():
        return None
    if first in lx.INSTRUCTION_VERBS:
        if first in ("don't", "be", "do") and not after:
            return None
        return first
    if after and after[0] in lx.OBJECT_START and not first.endswith("s"):
        return first
    return None


@dataclass(frozen=True, slots=True)
class Evidence:
    """What a statement's own words say, before the rep's last turn is taken into account.

    Either the act is already `decided` by a clear cue, or the statement is weighed between
    reflection and information: the scores and reasons here come from the words alone, and
    `decide` adds what the context contributes.
    """

    decided: tuple[Act, str] | None
    stems: frozenset[str] = frozenset()
    words: int = 0
    reflection: float = 0.0
    reflection_why: tuple[str, ...] = ()
    information: float = 0.0
    information_why: tuple[str, ...] = ()
    restates: str | None = None  # a reflection phrase, for statements spoken as questions


@lru_cache(maxsize=32768)
def evidence(core: str, so_lead: bool) -> Evidence:
    """The context-free evidence of a normalised statement (cached: phrases recur)."""
    words = _TOKEN.findall(core)
    tokens = set(words)
    you = not tokens.isdisjoint(SECOND_PERSON_WORDS)
    cues = STATEMENT_CUES.scan(core)
    affirm, reflect, advice = cues["affirm"], cues["reflect"], cues["advice"]
    restates = f"gives back the rep's meaning ('{_cue(reflect.group(0), 4)}')" if reflect else None
    if advice and cues["not_advice"]:
        advice = None
    if (
        affirm
        and (advice is None or affirm.start() <= advice.start())
        and (reflect is None or affirm.start() <= reflect.start())
    ):
        return Evidence(
            (Act.AFFIRMATION, f"praises the rep specifically ('{_cue(affirm.group(0))}')")
        )
    did = ACHIEVEMENT.search(" " + core) if "you " in core else None
    if did and (advice is None or did.start() <= advice.start()):
        well = _DONE_WELL.search(core, did.end() - 1)
        if well:
            cue = f"{_cue(did.group(0), 3)} ... {well.group(0)}"
            return Evidence((Act.AFFIRMATION, f"says the rep did something well ('{cue}')"))
    if advice and (reflect is None or advice.start() <= reflect.start()):
        return Evidence((Act.ADVICE, f"tells the rep what to do ('{_cue(advice.group(0))}')"))
    if lx.NOT_ADVICE_IMPERATIVE.match(core):
        return Evidence((Act.OTHER, "an invitation or reassurance, not an instruction"))
    verb = imperative(core, words)
    if verb and (reflect is None or reflect.start() > 1):
        return Evidence((Act.ADVICE, f"opens with the instruction '{verb}'"))
    lead_in, comma, rest = core.partition(", ")
    if comma and len(lead_in) <= 30:
        # "Next quarter, spend more time on discovery." / "If they say no, walk away."
        verb = imperative(rest, _TOKEN.findall(rest))
        if verb:
            why = f"an instruction ('{verb}') after '{lead_in}'"
            return Evidence((Act.ADVICE, why))
    if cues["autonomy"]:
        return Evidence((Act.OTHER, "leaves the choice with the rep (autonomy), not input"))

    praise = tokens & PRAISE_WORDS
    about_rep = you or core.startswith(("that", "the way", "this", "what a"))
    about_rep = about_rep or not praise.isdisjoint(_ACHIEVEMENTS)
    if praise and reflect is None and about_rep and tokens.isdisjoint(NEGATIVE_WORDS):
        return Evidence((Act.AFFIRMATION, f"names a strength of the rep ('{sorted(praise)[0]}')"))
    positive = tokens & POSITIVE_WORDS
    if (
        positive
        and reflect is None
        and about_rep
        and tokens.isdisjoint(NEGATIVE_WORDS)
        and tokens.isdisjoint(FEELING_WORDS)
    ):
        why = f"speaks well of what the rep did ('{sorted(positive)[0]}')"
        return Evidence((Act.AFFIRMATION, why))

    feelings = tokens & FEELING_WORDS
    digits = _HAS_DIGIT.search(core) is not None
    measured = digits or not tokens.isdisjoint(MEASURE_WORDS)
    numbers = measured or not tokens.isdisjoint(NUMBER_WORDS)
    info = cues["info"]

    # Weighted evidence for reflection against information; the reason lists what counted.
    r_score, r_why = 0.0, []
    if reflect:
        r_score += 3.0
        r_why.append(f"'{_cue(reflect.group(0), 4)}'")
    if you:
        r_score += 1.5
        r_why.append("about the rep ('you')")
    if feelings:
        r_score += 1.5
        r_why.append(f"names how it is for them ('{sorted(feelings)[0]}')")
    if so_lead:
        r_score += 2.0
        r_why.append("sums up with 'so'")
    if CONTINUATION.match(core):
        r_score += 1.0
        r_why.append("continues the rep's sentence")
    if not _FINITE.search(core):
        r_score += 1.0
        r_why.append("a fragment that completes the rep's thought")

    i_score, i_why = 0.0, []
    if numbers:
        i_score += 2.5 if measured else 1.5
        i_why.append("gives figures")
    if not you and _THIRD_PERSON_SUBJECT.match(core):
        i_score += 1.0
        i_why.append("about a third party, not the rep")
    if info:
        i_score += 2.0
        i_why.append(f"'{_cue(info.group(0), 4)}'")
    if ANSWER_START.match(core):
        i_score += 1.0
        i_why.append("opens as an answer")
    return Evidence(
        None,
        stems=content_stems(core),
        words=len(words),
        reflection=r_score,
        reflection_why=tuple(r_why),
        information=i_score,
        information_why=tuple(i_why),
        restates=restates,
    )


def decide(ev: Evidence, signals: Signals) -> tuple[Act, str]:
    """The act of a statement: its evidence weighed with the rep's last turn."""
    if ev.decided is not None:
        return ev.decided
    r_score, r_why = ev.reflection, list(ev.reflection_why)
    i_score, i_why = ev.information, list(ev.information_why)
    shared = ev.stems & signals.rep_stems
    if shared:
        r_score += min(len(shared), 3) * 1.0
        r_why.insert(1 if ev.restates else 0, f"repeats the rep's words ({_listed(shared)})")
    if signals.has_context:
        r_score += 0.5
        if signals.rep_asked_question:
            i_score += 2.0
            i_why.append("answers the rep's question")
    else:
        i_score += 1.0

    reflects = r_score >= 2.0 and r_score > i_score
    informs = not reflects and i_score >= 1.0 and i_score >= r_score
    if not reflects and ev.words <= 4 and i_score - (not signals.has_context) < 1.0:
        return Act.OTHER, "carries no act: neither gives back the rep's words nor informs"
    if reflects or (not informs and r_score > i_score):
        why = "; ".join(r_why) or "a statement about the rep's situation"
        return Act.REFLECTION, f"gives back the rep's meaning: {why}"
    why = "; ".join(i_why) or "a statement of fact"
    return Act.INFORMATION, f"offers information: {why}"


def _listed(stems: frozenset[str]) -> str:
    return ", ".join(sorted(stems)[:3])


def restatement(ev: Evidence, signals: Signals) -> str | None:
    """Why a statement plainly gives back the rep's words or meaning, or None."""
    if ev.restates:
        return ev.restates
    shared = ev.stems & signals.rep_stems
    if len(shared) >= 2:
        return f"repeats the rep's words ({_listed(shared)})"
    return None


def statement_act(core: str, so_lead: bool, signals: Signals) -> tuple[Act, str]:
    """Classify a unit that neither asks nor takes over: the act and the reason."""
    return decide(evidence(core, so_lead), signals)
