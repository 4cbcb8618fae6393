"""Splitting coach turns into units: sentences and clauses, whatever the punctuation."""

from __future__ import annotations

import pytest

from app.rubric.segment import split_units


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("Hi Sam. Thanks for making time!", ["Hi Sam.", "Thanks for making time!"]),
        # Abbreviations, initials and decimals do not end a sentence.
        (
            "E.g. the CFO, Mr. Smith, approved $1.5M in Q3. Then what happened?",
            ["E.g. the CFO, Mr. Smith, approved $1.5M in Q3.", "Then what happened?"],
        ),
        (
            "Dr. Patel said 3.5% is fine. Call at 3 p.m. tomorrow.",
            [
                "Dr. Patel said 3.5% is fine.",
                "Call at 3 p.m. tomorrow.",
            ],
        ),
        (
            "I spoke to J. Smith at Acme i.e. their VP.",
            ["I spoke to J. Smith at Acme i.e. their VP."],
        ),
        # A trailing-off pause inside a sentence is not a boundary; before a new one it is.
        ("So... you're saying the CFO left?", ["So... you're saying the CFO left?"]),
        ("I wonder... Maybe not.", ["I wonder...", "Maybe not."]),
        # Chat without capitals or final punctuation.
        ("ok. what happened?", ["ok.", "what happened?"]),
        ("um ok so what happened with the CFO", ["um ok so what happened with the CFO"]),
        # Clause separators: semicolons, colons, spaced dashes; hyphens stay.
        ("It went well; we closed it.", ["It went well", "we closed it."]),
        (
            "Overnight oats are good: mix them the night before.",
            [
                "Overnight oats are good",
                "mix them the night before.",
            ],
        ),
        ("a follow-up call - then what?", ["a follow-up call", "then what?"]),
        ("Great job -- really. What next?", ["Great job", "really.", "What next?"]),
        # A comma splice that starts a question becomes its own unit...
        (
            "You're stuck between the two, what would help?",
            [
                "You're stuck between the two",
                "what would help?",
            ],
        ),
        # ...but a short lead-in stays with it, and a closing tag stays with its statement.
        ("Okay, what happened?", ["Okay, what happened?"]),
        (
            "You're not going to give that away, are you?",
            ["You're not going to give that away, are you?"],
        ),
        # A question quoted inside a sentence does not split it.
        (
            'Try asking "what would need to change?" before you hang up.',
            ['Try asking "what would need to change?" before you hang up.'],
        ),
        # A subordinate clause stays with the question it leads into; two questions split.
        (
            "If you could build anything here, what would it be?",
            ["If you could build anything here, what would it be?"],
        ),
        (
            "and when did the sickness start, was it straight away",
            ["and when did the sickness start", "was it straight away"],
        ),
        # A possessive before a full stop is no initial.
        ("The form is Priya's. What's next?", ["The form is Priya's.", "What's next?"]),
        ("   ", []),
        ("...", []),
        ("Line one\nline two", ["Line one line two"]),
    ],
)
def test_split_units(text: str, units: list[str]) -> None:
    assert split_units(text) == units
