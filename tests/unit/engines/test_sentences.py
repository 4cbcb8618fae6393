"""Cutting a streamed reply into sentences that can each be checked before they show."""

from __future__ import annotations

from app.engines.sentences import SentenceGate, is_finished


def test_sentences_come_out_only_once_finished() -> None:
    gate = SentenceGate()

    assert gate.feed("Honestly? It") == ["Honestly? "]
    assert gate.feed("'s fine") == []
    assert gate.feed(". Procurement being") == ["It's fine. "]
    assert gate.flush() == "Procurement being"
    assert gate.flush() == ""


def test_closing_quotes_stay_with_their_sentence_and_line_breaks_end_one() -> None:
    gate = SentenceGate()

    assert gate.feed('He said "soon." Then\nnothing') == ['He said "soon." ', "Then\n"]
    assert gate.flush() == "nothing"


def test_a_sentence_is_released_as_soon_as_its_punctuation_arrives() -> None:
    # Models send the space after a full stop with the next token; no need to wait for it.
    gate = SentenceGate()

    assert gate.feed("It's fine") == []
    assert gate.feed(".") == ["It's fine."]
    assert gate.feed(" Procurement's just...") == [" Procurement's just..."]
    assert gate.feed(" sitting on it") == []
    assert gate.flush() == " sitting on it"


def test_finished_means_terminal_punctuation() -> None:
    assert is_finished("It's fine.")
    assert is_finished('He said "soon."')
    assert not is_finished("It's just the")
