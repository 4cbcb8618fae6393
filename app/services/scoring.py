"""Scoring: a finished session's saved turns, or a transcript from outside Coachsim.

Sessions are scored from what was saved, re-tagged the way `coachsim score` tags a
transcript file, so the same conversation gets the same scorecard either way.
"""

from __future__ import annotations

from app.content import ContentLibrary, Loaded
from app.domain import Decision, Rubric, Scenario, Scorecard, Speaker, Transcript, Turn
from app.rubric.scoring import score
from app.rubric.tagger import tag_transcript
from app.services.session_errors import InvalidTranscriptError, NotFoundError
from app.services.views import ScoreResult, Speakers
from app.storage import SessionRecord, TurnRecord


def score_session(
    record: SessionRecord, turns: list[TurnRecord], scenario: Scenario, rubric: Rubric
) -> Scorecard:
    """Score a session's saved turns with the scenario and rubric versions it used."""
    transcript = Transcript(
        turns=[
            Turn(
                speaker=Speaker(t.speaker),
                text=t.text,
                decision=Decision.model_validate(t.decision) if t.decision else None,
            )
            for t in turns
        ],
        scenario_id=record.scenario_id,
    )
    decisions = {
        i: turn.decision for i, turn in enumerate(transcript.turns, 1) if turn.decision is not None
    }
    return score(
        tag_transcript(transcript),
        rubric,
        scenario,
        decisions=decisions,
        rubric_hash=record.rubric_hash,
    )


def rubric_for_scoring(library: ContentLibrary, rubric_id: str | None) -> Loaded[Rubric]:
    """The rubric asked for, else the first installed one; NotFoundError names the known."""
    if rubric_id is None:
        if not library.rubrics:
            raise NotFoundError("No rubric is installed to score with.")
        rubric_id = sorted(library.rubrics)[0]
    rubric = library.rubrics.get(rubric_id)
    if rubric is None:
        known = ", ".join(sorted(library.rubrics)) or "none"
        raise NotFoundError(f"There is no rubric called {rubric_id!r} (known: {known}).")
    return rubric


def score_outside(
    library: ContentLibrary,
    transcript: Transcript,
    *,
    rubric_id: str | None = None,
    speakers_note: str = "",
) -> ScoreResult:
    """Score a conversation that did not happen here (POST /api/v1/score)."""
    scenario = None
    if transcript.scenario_id is not None:
        loaded = library.scenarios.get(transcript.scenario_id)
        if loaded is None:
            raise NotFoundError(f"There is no scenario called {transcript.scenario_id!r}.")
        scenario = loaded.model
        rubric_id = rubric_id or scenario.rubric
    rubric = rubric_for_scoring(library, rubric_id)
    if not any(t.speaker is Speaker.COACH for t in transcript.turns):
        raise InvalidTranscriptError("The transcript has no coach turns to score.")
    decisions = {i: t.decision for i, t in enumerate(transcript.turns, 1) if t.decision is not None}
    card = score(tag_transcript(transcript), rubric, scenario, decisions=decisions)
    speakers = Speakers(
        coach=transcript.coach_name,
        rep=transcript.rep_name,
        note=speakers_note or "speakers as given in the transcript",
    )
    return ScoreResult.of(card, speakers)
