"""Transcript readers: JSON, `Name: text` and WebVTT, good input and bad."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.domain import Speaker
from app.formats import (
    TranscriptFormatError,
    detect_format,
    parse_transcript,
    read_transcript,
    transcript_from_object,
)

DATA = Path(__file__).resolve().parents[2] / "data" / "transcripts"


def _pairs(text: str, fmt: str, coach: str | None = None) -> list[tuple[str, str]]:
    read = parse_transcript(text, fmt, coach)  # type: ignore[arg-type]
    return [(t.speaker.value, t.text) for t in read.transcript.turns]


# --- JSON -------------------------------------------------------------------------------


def test_json_with_roles_keeps_turns_in_order() -> None:
    read = read_transcript(DATA / "asking.json")
    turns = read.transcript.turns
    assert read.format == "json"
    assert read.id == "quiet-deal-asking"
    assert read.transcript.scenario_id == "quiet-deal"
    assert len(turns) == 11
    assert turns[0].speaker is Speaker.REP
    assert turns[1].speaker is Speaker.COACH
    assert turns[1].text.startswith("Thanks for raising it early.")
    assert read.speakers == "speakers labelled coach and rep"


def test_json_carries_the_directors_decisions_on_rep_turns() -> None:
    read = read_transcript(DATA / "logged.json")
    assert sorted(read.decisions) == [1, 3, 5]
    assert read.decisions[3].fact_id == "budget-frozen"
    assert read.decisions[5].move == "commit"
    assert (read.transcript.coach_name, read.transcript.rep_name) == ("Maria", "Sam")


def test_json_with_names_is_mapped_like_a_text_transcript() -> None:
    data = {
        "turns": [
            {"speaker": "Sam", "text": "The deal went quiet."},
            {"speaker": "Maria", "text": "What changed? Who else is involved?"},
            {"speaker": "Sam", "text": "Budget froze."},
        ]
    }
    read = transcript_from_object(data)
    assert [t.speaker for t in read.transcript.turns] == [Speaker.REP, Speaker.COACH, Speaker.REP]
    assert read.transcript.turns[1].name == "Maria"
    assert read.speakers.startswith("coach: Maria (asked more questions: 2 vs 0)")


def test_manager_is_accepted_for_coach() -> None:
    pairs = _pairs(
        '{"turns": [{"speaker": "Manager", "text": "Hi?"}, {"speaker": "rep", "text": "Hi."}]}',
        "json",
    )
    assert pairs == [("coach", "Hi?"), ("rep", "Hi.")]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"turns": [', "line 1: malformed JSON"),
        ('{\n  "turns": [\n    {"speaker": "coach" "text": "x"}\n]}', "line 3: malformed JSON"),
        ('{"turns": []}', 'empty transcript: "turns" is an empty list'),
        ('{"talk": []}', 'missing "turns"'),
        ('"just a string"', 'expected an object with "turns", found str'),
        ('{"turns": [{"speaker": "coach"}]}', 'turn 1: "text" must be a string'),
        ('{"turns": [{"speaker": "coach", "text": "  "}]}', "turn 1: the text is empty"),
        (
            '{"turns": [{"speaker": "", "text": "Hi"}]}',
            'turn 1: "speaker" must be a non-empty string',
        ),
        (
            '{"turns": [{"speaker": "coach", "text": "Hi"}, {"speaker": "Bob", "text": "Yo"}]}',
            "unknown speaker 'Bob'",
        ),
        (
            '{"turns": [{"speaker": "rep", "text": "Hi"}]}',
            "no coach turns: speakers are only rep",
        ),
        (
            '{"turns": [{"speaker": "coach", "text": "Hi", "decision": {"move": "open"}}]}',
            'turn 1: invalid "decision": openness_before',
        ),
        (
            '{"turns": [{"speaker": "coach", "text": "Hi", "decision": {"move": "open", '
            '"openness_before": 0.5, "openness_after": 0.5, "note": "n"}}, '
            '{"speaker": "rep", "text": "Hey"}]}',
            "turn 1: a director's decision belongs on a rep turn",
        ),
    ],
)
def test_bad_json_names_the_problem(text: str, message: str) -> None:
    with pytest.raises(TranscriptFormatError) as caught:
        parse_transcript(text, "json")
    assert message in str(caught.value)


# --- plain text -------------------------------------------------------------------------


def test_text_joins_continuation_lines_and_drops_timestamps() -> None:
    read = read_transcript(DATA / "call.txt")
    turns = read.transcript.turns
    assert read.format == "text"
    assert turns[0].text == (
        "Hey, can you email Lena Park for me? Acme has gone quiet and I think it needs "
        "somebody senior."
    )
    assert turns[4].text == (
        "The budget is frozen. Bad quarter, so the board froze new software spend until "
        "July. And I found out last week."
    )
    assert [t.name for t in turns[:2]] == ["Sam", "Maria"]


def test_text_auto_detects_the_coach_as_who_asks_more_and_says_so() -> None:
    read = read_transcript(DATA / "call.txt")
    assert read.transcript.coach_name == "Maria"
    assert read.transcript.rep_name == "Sam"
    assert read.transcript.turns[1].speaker is Speaker.COACH
    assert read.speakers == "coach: Maria (asked more questions: 3 vs 1); rep: Sam"


def test_text_coach_name_overrides_detection_case_insensitively() -> None:
    read = read_transcript(DATA / "call.txt", coach_name="sam")
    assert read.transcript.turns[0].speaker is Speaker.COACH
    assert read.speakers == "coach: Sam (given); rep: Maria"


def test_text_ties_go_to_the_speaker_with_fewer_words() -> None:
    text = "Ann: What happened with the renewal last quarter?\nBo: What?\nBo: It slipped again.\n"
    read = parse_transcript(text, "text")
    assert read.transcript.coach_name == "Bo"
    assert read.speakers == "coach: Bo (same number of questions, 1; fewer words: 4 vs 7); rep: Ann"


def test_consecutive_lines_of_one_speaker_become_one_turn() -> None:
    pairs = _pairs("Ann: What happened?\nAnn: Take your time.\nBo: It slipped.", "text")
    assert pairs == [("coach", "What happened? Take your time."), ("rep", "It slipped.")]


@pytest.mark.parametrize(
    ("text", "message", "coach"),
    [
        ("", "empty transcript", None),
        ("   \n\n", "empty transcript", None),
        ("hello there\nAnn: Hi?", "line 1: text before the first 'Name: text' line", None),
        (
            "Ann: What?\nBo: Hi.\nCy: Hello.",
            "line 3: 3 speakers (Ann, Bo, Cy) and no mapping",
            None,
        ),
        ("Ann: What happened?\nAnn: Anything?", "only one speaker (Ann)", None),
        (
            "Ann: What happened?\nBo: Nothing.",
            "coach 'Zed' is not a speaker here; speakers: Ann, Bo",
            "Zed",
        ),
    ],
)
def test_bad_text_names_the_problem(text: str, message: str, coach: str | None) -> None:
    with pytest.raises(TranscriptFormatError) as caught:
        parse_transcript(text, "text", coach)
    assert message in str(caught.value)


def test_three_speakers_are_fine_once_the_coach_is_named() -> None:
    read = parse_transcript("Ann: What?\nBo: Hi.\nCy: Hello.", "text", "Ann")
    assert [t.speaker.value for t in read.transcript.turns] == ["coach", "rep", "rep"]
    assert read.speakers == "coach: Ann (given); rep: Bo, Cy"


# --- WebVTT -----------------------------------------------------------------------------


def test_teams_voice_tags_notes_ids_and_merging() -> None:
    read = read_transcript(DATA / "teams.vtt")
    pairs = [(t.speaker.value, t.name, t.text) for t in read.transcript.turns]
    assert read.format == "vtt"
    assert pairs == [
        (
            "rep",
            "Sam Ortiz",
            "Hey, can you email Lena Park for me? Acme has gone quiet & I'm stuck.",
        ),
        ("coach", "Maria Lopez", "What has changed since the demo? What is the budget situation?"),
        (
            "rep",
            "Sam Ortiz",
            "The budget is frozen. Bad quarter, so the board froze new software spend until July.",
        ),
        ("coach", "Maria Lopez", "What will you do first, and by when?"),
        ("rep", "Sam Ortiz", "I'll email Lena tomorrow to ask who owns the project now."),
    ]


def test_zoom_name_prefix_cues() -> None:
    read = read_transcript(DATA / "zoom.vtt")
    pairs = [(t.speaker.value, t.text) for t in read.transcript.turns]
    assert pairs == [
        ("rep", "Hey, can you email Lena Park for me? Acme has gone quiet."),
        (
            "coach",
            "Sure. You should call Ravi as well. Did finance reply to the proposal? "
            "Who else is involved?",
        ),
        ("rep", "No."),
    ]
    assert read.transcript.coach_name == "Maria Lopez"


def test_a_cue_without_a_speaker_continues_the_previous_one() -> None:
    vtt = (
        "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ann>What happened?\n\n"
        "00:02.000 --> 00:03.000\nTake your time.\n\n"
        "00:03.000 --> 00:04.000\n<v Bo>It slipped.</v>\n"
    )
    assert _pairs(vtt, "vtt") == [
        ("coach", "What happened? Take your time."),
        ("rep", "It slipped."),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("00:01.000 --> 00:02.000\n<v A>Hi", "line 1: not a WebVTT file"),
        ("WEBVTT\n", "empty transcript"),
        ("WEBVTT\n\nNOTE only a note\n", "empty transcript"),
        ("WEBVTT\n\n00:01.000 -> 00:02.000\n<v A>Hi?\n", "line 3: cue without a timing line"),
        ("WEBVTT\n\nid-1\n00:01 --> 00:02.000\n<v A>Hi?\n", "line 4: malformed cue timing '00:01"),
        ("WEBVTT\n\n00:05.000 --> 00:02.000\n<v A>Hi?\n", "line 3: cue ends before it starts"),
        ("WEBVTT\n\n00:01.000 --> 00:02.000\nHello there\n", "line 3: cue names no speaker"),
    ],
)
def test_bad_vtt_names_the_problem_and_line(text: str, message: str) -> None:
    with pytest.raises(TranscriptFormatError) as caught:
        parse_transcript(text, "vtt")
    assert message in str(caught.value)


# --- files and detection ----------------------------------------------------------------


def test_format_comes_from_the_suffix_or_the_content() -> None:
    assert detect_format("x", Path("a.vtt")) == "vtt"
    assert detect_format("\ufeffWEBVTT\n") == "vtt"
    assert detect_format('  {"turns": []}') == "json"
    assert detect_format("Ann: hi") == "text"


def test_unknown_suffix_falls_back_to_content(tmp_path: Path) -> None:
    path = tmp_path / "export.data"
    path.write_text(json.dumps({"turns": [{"speaker": "coach", "text": "What now?"}]}))
    assert read_transcript(path).format == "json"


def test_missing_and_binary_files_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(TranscriptFormatError, match="no such file"):
        read_transcript(tmp_path / "nope.json")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(TranscriptFormatError, match="not UTF-8 text"):
        read_transcript(binary)
    with pytest.raises(TranscriptFormatError, match="a folder, not a transcript file"):
        read_transcript(tmp_path)
