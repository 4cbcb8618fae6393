"""The one-pass cue index finds exactly what each cue family's own regex search finds."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from app.rubric import lexicon as lx
from app.rubric.context import normalise
from app.rubric.cues import CueIndex, first_words, split_alternatives
from app.rubric.statements import STATEMENT_CUES

ROOT = Path(__file__).resolve().parents[3]
DEV = ROOT / "tests" / "data" / "acts" / "dev.jsonl"

EXTRA = [
    "You've been so consistent with your walks, and it shows.",
    "i'd probably hold the cap and trade on payment terms instead",
    "It might be worth checking in with procurement, you know, before friday",
    "Cutting down to two coffees would help a lot.",
    "fyi the SE team's fully booked until the 20th",
    "That's normal, most people ache a bit for the first few weeks.",
    "you-know, your follow-up was kudos-worthy",
    "You're weighing the board's patience against the team's fatigue.",
    "no need to rush it; you'll need two quality sessions a week",
]


def _texts() -> list[str]:
    rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line]
    texts = [row["text"] for row in rows]
    texts += [turn["text"] for row in rows for turn in row.get("context", [])]
    return [normalise(t) for t in texts + EXTRA]


def test_scan_matches_every_family_search_on_real_utterances() -> None:
    families = dict(zip(STATEMENT_CUES.names, _families(), strict=True))
    mismatches = []
    for text in _texts():
        found = STATEMENT_CUES.scan(text)
        for name, family in families.items():
            expected = family.search(" " + text)
            got = found[name]
            if (expected and expected.span()) != (got and got.span()):
                mismatches.append((name, text))
    assert mismatches == []


def _families() -> list[re.Pattern[str]]:
    from app.rubric import statements as st

    return [st.AFFIRMATION, st.REFLECTION, lx.ADVICE, lx.NOT_ADVICE, lx.AUTONOMY, st.INFO_FRAME]


@pytest.mark.parametrize(
    ("alternative", "keys"),
    [
        (r"you\ should", {"you sho"}),
        (r"(?:you're|you\ are)\ (?:saying|stuck)", {"you're say", "you're stu", "you are"}),
        (r"you\ mean", {"you mea"}),  # "you meant" must find it too
        (r"i\ (?:really\ )?think\ you", {"i rea", "i thi"}),
        (r"part\ of\ you", {"part of"}),
        (r"kudos", None),  # may end inside a longer word: searched instead
        (r"\w+ing\ would\ help", None),
    ],
)
def test_first_words(alternative: str, keys: set[str] | None) -> None:
    found = first_words(alternative)
    assert (set(found) if found is not None else None) == keys


def test_split_alternatives_respects_groups_classes_and_escapes() -> None:
    assert split_alternatives(r"a(?:b|c)|[|x]|d\|e") == ["a(?:b|c)", "[|x]", r"d\|e"]


def test_index_refuses_a_pattern_that_is_not_a_family() -> None:
    with pytest.raises(ValueError, match="not a cue family"):
        CueIndex({"x": re.compile(r"you\ should")})


def test_earliest_position_then_first_alternative_wins() -> None:
    index = CueIndex({"f": lx.family(r"you\ could | could\ you | you\ could\ try")})
    found = index.scan("maybe you could try it")["f"]
    assert found is not None
    assert found.group(0) == " you could"
