"""The fast regex forms read exactly what the plain patterns they stand for would read."""

from __future__ import annotations

import re

import pytest

from app.rubric.caseless import Caseless, letter_first, letter_led, word_start

OFFER = r"\b(?:i'll|i can|let me|^happy to|do you want me to|want me to)\s+(?P<a>.+)"
TEXTS = [
    "Sure, I'll Call Tom BRANDT tomorrow.",
    "happy to draft the email for you",
    "Oh, happy to help. Let me ping Greg.",
    "Do you want me to send it? Want me to call?",
    "Will I'll ever learn",  # "I'll" right after another word still counts
    "Kill it, I can fix the deck",  # a word ending in 'i' + "ll" is no offer
    "\u0130'll take it; \u212aelvin said I can check",  # non-ASCII: read case-insensitively
    "nothing to see here",
]


@pytest.mark.parametrize("text", TEXTS)
def test_caseless_finds_what_the_case_insensitive_pattern_finds(text: str) -> None:
    plain = re.compile(OFFER, re.IGNORECASE)
    expected = [(m.start(), m.end(), m.group("a")) for m in plain.finditer(text)]
    found = [(f.start, f.end, f.a) for f in Caseless(OFFER).finditer(text)]
    assert found == expected
    first = Caseless(OFFER).search(text)
    assert (first and (first.start, first.end, first.a)) == (expected[0] if expected else None)


def test_the_ascii_twin_opens_each_alternative_with_its_letter() -> None:
    fast = letter_first(OFFER)
    assert fast.startswith("(?:i(?<!\\w.)'ll|")
    assert "h(?<=\\A.)appy to" in fast
    assert letter_first(r"[;:]\s") == r"[;:]\s"  # not led by \b: left as it is


ALTERNATIVES = ["ab", "abc", "(?:b|c)d", "(?:bd|a)x", "cab"]


@pytest.mark.parametrize("text", ["abc", "abx", "bdx", "cd", "cab", "zz", "a b abc cd cab"])
def test_letter_led_alternatives_match_as_the_plain_alternation(text: str) -> None:
    plain = re.compile("(?:" + "|".join(ALTERNATIVES) + ")")
    led = re.compile(letter_led(ALTERNATIVES))
    for position in range(len(text)):
        a, b = plain.match(text, position), led.match(text, position)
        assert (a and a.group()) == (b and b.group()), (text, position)


def test_letter_led_refuses_a_phrase_it_cannot_read() -> None:
    with pytest.raises(ValueError, match="does not open with a letter"):
        letter_led(["(?:the )?first"])


@pytest.mark.parametrize("text", ["i can", "ai can", "'i can", "2i can", "so, i can", "I can"])
def test_word_start_is_the_lookbehind_it_replaces(text: str) -> None:
    plain = re.compile(r"(?<![a-z'])(?:i can|let me)")
    fast = re.compile(word_start(["i can", "let me"], "[a-z']"))
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
