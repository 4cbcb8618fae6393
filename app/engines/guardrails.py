"""Checks on what an LLM actor says: in character as the rep, and no unreleased secrets.

`ReplyGuard.check` runs on the reply so far each time a sentence completes, so a
violation is caught before the sentence that contains it is shown. Hidden-fact leaks are
found by the fact's distinctive words: words of the narrator's fact text (and names or
numbers from its authored lines) that appear nowhere the rep may already speak from.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from app.domain import HiddenFact, Scenario, Speaker
from app.engines.base import ReplyRequest
from app.engines.prompting import example_lines, first_name, released_fact_ids

_I = re.IGNORECASE
_AI_WORDS = (
    r"(?:ai|a\.i\.|artificial intelligence|(?:large )?language model|llm|chatbot|bot|"
    r"virtual assistant|ai assistant|assistant)"
)
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "speaks as an AI",
        re.compile(
            rf"\bas an? {_AI_WORDS}\b|\b(?:i am|i'm|i’m)\s+(?:just |only |not |merely )?"
            rf"(?:an? )?{_AI_WORDS}\b|\blanguage model\b|\b(?:openai|chatgpt)\b",
            _I,
        ),
    ),
    (
        "meta commentary",
        re.compile(
            r"\b(?:role-?play(?:ing)?|in character|out of character|breaks? character|"
            r"this (?:simulation|exercise)|simulated|the trainee|system prompt|"
            r"my (?:instructions|prompt)|private list|hidden facts?|coaching objective|"
            r"the director)\b|"
            r"\bhere(?:'s| is| are) (?:my |a |the |an? )?(?:possible |suggested )?"
            r"(?:reply|response|answer)\b|"
            r"(?m:^\s*(?:note|ooc|disclaimer|response|reply)\s*:)",
            _I,
        ),
    ),
    (
        "coaches the manager",
        re.compile(
            r"\b(?:as (?:a|your) coach|coaching (?:tips?|advice|techniques?|skills?)|"
            r"open-?ended questions?|a (?:good|great) coach|great question|"
            r"(?:you|managers?) (?:could|should|might|may want to) (?:try|consider) "
            r"(?:asking|reflecting|exploring|using)|try asking (?:me|her|him|them|the rep)|"
            r"next time,? (?:you )?(?:try|ask|consider)|"
            r"(?:i'?d|i would) (?:recommend|suggest) (?:that )?you (?:ask|try|focus|coach)|"
            r"your coaching (?:style|approach|skills?))\b",
            _I,
        ),
    ),
    (
        "sounds like an assistant",
        re.compile(
            r"\b(?:i hope (?:this|that) helps|how (?:can|may) i (?:help|assist) you|"
            r"is there anything else (?:i can|you need)|i'?m here to (?:help|assist)|"
            r"feel free to (?:ask|reach out)|here are (?:some|a few))\b",
            _I,
        ),
    ),
    ("uses a list", re.compile(r"(?m)^[ \t]*(?:[-*•–][ \t]+|\d{1,2}[.)][ \t]+|#{1,6}[ \t])")),
    (
        "adds a stage direction",
        re.compile(
            r"\*[^*\n]{1,80}\*|\[[^\]\n]{0,80}\]|(?<!\w)_[^_\n]{1,80}_(?!\w)|"
            r"\(\s*(?:\w+ly\s+)?(?:sigh|paus|laugh|chuckl|smil|grin|shrug|nod|beat|clear|"
            r"lean|look|glanc|frown|winc|hesitat|groan|exhal|inhal|whisper|mutter|scoff|"
            r"rub|sip|stare|silence|long pause|nervous|awkward|quiet|soft|sarcastic|"
            r"in character|ooc)\w*\b[^()\n]{0,60}\)",
            _I,
        ),
    ),
)

# Frequent English words that say nothing about a particular secret.
_COMMON_WORDS = """
a about above after again against ago all almost also although always am an and another
any anyone anything anyway are around as at away back be because been before being below
between both but by can cannot can't come could couldn't day days did didn't do does
doesn't doing don't done down during each either else enough even ever every everyone
everything few first for from get gets getting give go goes going gone good got had hadn't
has hasn't have haven't having he he'd he'll he's her here hers herself him himself his
honestly how i i'd i'll i'm i've if in into is isn't it it'd it'll it's its itself just
kind know knew known last later least less let like little look lot lots made make makes
making many may maybe me mean might mine more most much must my myself need needs never new
next no nobody none nor not nothing now of off okay ok on once one only or other others our
ours out over own part people pretty probably put quite rather really right said same saw
say says see seem seems seen several she she'd she'll she's should shouldn't since so some
someone something still such sure take than that that's the their theirs them themselves
then there there's these they they'd they'll they're they've thing things think this those
though thought through time times to together told too toward two under until up upon us
very was wasn't way we we'd we'll we're we've well were weren't what what's when where
which while who who's whole whom whose why will with within without won't would wouldn't
yeah yes yet you you'd you'll you're you've your yours yourself um uh guess bit sort stuff
whatever actually basically literally kept keep tell tells telling tried try trying want
wanted wants went work working year years week month three four five six seven eight nine
ten twenty half minute minutes hour bad wrong
"""
_CALENDAR_WORDS = """
monday tuesday wednesday thursday friday saturday sunday january february march april may
june july august september october november december q1 q2 q3 q4
"""
_COMMON = frozenset(_COMMON_WORDS.split())
_CALENDAR = frozenset(_CALENDAR_WORDS.split())
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’%-]*")
# Enough distinct distinctive words of one secret to call it said, or one name/number.
LEAK_WORDS = 2


def _norm(token: str) -> str:
    word = token.lower().replace("’", "'").strip("'-")
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word


def _words(texts: Iterable[str]) -> set[str]:
    return {_norm(t) for text in texts for t in _TOKEN.findall(text)}


def _names_and_numbers(text: str) -> set[str]:
    """Names (capitalised mid-sentence) and figures, which give a secret away on their own.

    Short acronyms (VP, CRM, EHR) are left out: they are job titles and systems that a rep
    says all the time, so alone they prove nothing.
    """
    found: set[str] = set()
    for match in _TOKEN.finditer(text):
        token = match.group()
        if len(token) < 3 or (token.isalpha() and token.isupper() and len(token) <= 3):
            continue
        before = text[: match.start()].rstrip()
        sentence_start = not before or before[-1] in '.!?"“:'
        if any(c.isdigit() for c in token) or (token[0].isupper() and not sentence_start):
            found.add(_norm(token))
    return found


@dataclass(frozen=True, slots=True)
class Violation:
    """One way a reply broke character or said too much, and where it starts."""

    kind: str
    detail: str
    start: int

    def __str__(self) -> str:
        return f"{self.kind}: {self.detail!r}"


@dataclass(frozen=True, slots=True)
class _Secret:
    fact_id: str
    words: frozenset[str]
    names: frozenset[str]


class ReplyGuard:
    """Checks one turn's reply against the rules and the facts not yet released."""

    def __init__(self, request: ReplyRequest) -> None:
        scenario = request.scenario
        self.rep = first_name(scenario)
        self._labels = _speaker_labels(scenario, request.manager_name)
        allowed = released_fact_ids(request)
        sayable = _public_text(scenario, request) + example_lines(request)
        for fact in scenario.hidden_facts:
            if fact.id in allowed:
                sayable += [fact.fact, fact.partial, *fact.full]
        decision = request.decision
        if decision.fact_id and decision.disclosure == "partial":
            sayable.append(scenario.fact(decision.fact_id).partial)
        public = _words(sayable) | _COMMON
        self._secrets = [
            s for s in _secrets(scenario.hidden_facts, public) if s.fact_id not in allowed
        ]

    def check(self, text: str, start: int = 0) -> list[Violation]:
        """Violations in `text` that begin at or after `start` (earlier text was shown)."""
        found: list[Violation] = []
        for kind, pattern in (*_PATTERNS, ("speaks for someone else", self._labels)):
            for match in pattern.finditer(text):
                if match.end() > start:
                    found.append(Violation(kind, match.group().strip(), match.start()))
                    break
        found.extend(v for v in self._leaks(text) if v.start >= start)
        return sorted(found, key=lambda v: v.start)

    def check_final(self, text: str, start: int = 0) -> list[Violation]:
        """`check` plus the rules only a finished reply can break (it must say something)."""
        if not text.strip():
            return [Violation("says nothing", "", 0)]
        return self.check(text, start)

    def _leaks(self, text: str) -> list[Violation]:
        tokens = [(m.start(), _norm(m.group()), m.group()) for m in _TOKEN.finditer(text)]
        leaks: list[Violation] = []
        for secret in self._secrets:
            seen: set[str] = set()
            for position, word, raw in tokens:
                if word in secret.names:
                    leaks.append(
                        Violation("reveals a hidden fact", f"{secret.fact_id}: {raw}", position)
                    )
                    break
                if word in secret.words and word not in seen:
                    seen.add(word)
                    if len(seen) >= LEAK_WORDS:
                        detail = f"{secret.fact_id}: {', '.join(sorted(seen))}"
                        leaks.append(Violation("reveals a hidden fact", detail, position))
                        break
        return leaks


def _secrets(facts: list[HiddenFact], public: set[str]) -> list[_Secret]:
    """Distinctive words per fact; a name or number only counts alone if no other fact has it."""
    names = {f.id: set().union(*(_names_and_numbers(t) for t in (f.fact, *f.full))) for f in facts}
    shared = {
        n for f in facts for n in names[f.id] if any(n in names[o.id] for o in facts if o is not f)
    }
    secrets = []
    for fact in facts:
        own = names[fact.id] - public - shared - _CALENDAR
        words = (_words([fact.fact, *fact.full]) | names[fact.id]) - public
        secrets.append(_Secret(fact.id, frozenset(w for w in words if len(w) >= 3), frozenset(own)))
    return secrets


def _public_text(scenario: Scenario, request: ReplyRequest) -> list[str]:
    """What the rep may say any time: persona, situation, everyday lines, their own turns."""
    rep, situation = scenario.rep, scenario.situation
    texts = [rep.name, rep.role, rep.tenure, rep.personality, rep.speaking_style]
    texts += [*rep.motivations, situation.account, situation.stage, situation.value]
    texts += [situation.close_date, *situation.history, scenario.opening_line]
    for person in situation.stakeholders:
        texts += [person.name, person.role, person.stance, person.note]
    for act in type(scenario.reactions).model_fields:
        texts += getattr(scenario.reactions, act).lines
    texts += [*scenario.moves.guarded, *scenario.moves.pushback, *scenario.moves.reclaim]
    texts += [t.text for t in request.turns if t.speaker is Speaker.REP]
    return texts


def _speaker_labels(scenario: Scenario, manager_name: str | None) -> re.Pattern[str]:
    names = ["manager", "coach", "you", "me", "rep", "sales rep", "user", "assistant", "ai"]
    names += [scenario.rep.name, first_name(scenario)]
    if manager_name:
        names += [manager_name, manager_name.split()[0]]
    alternatives = "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))
    label = rf"[*_]*(?:{alternatives})[*_]*[ \t]*:"
    return re.compile(rf"(?m:^[ \t]*{label})|(?<=[.!?])[ \t]+{label}(?=\s)", _I)


def corrective_instruction(violations: Iterable[Violation], rep: str) -> str:
    """The extra instruction for a second try, naming what went wrong the first time."""
    problems = "; ".join(dict.fromkeys(v.kind for v in violations))
    return (
        f"Your previous draft of this reply was rejected ({problems}). Write it again as "
        f"{rep} speaking: plain spoken sentences in the first person, nothing from your "
        "private list unless this turn's instruction releases it, no lists, no stage "
        "directions, no labels, no notes, and no advice to your manager."
    )
