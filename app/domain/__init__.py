"""Domain models: pydantic, no I/O. Everything else depends on these."""

from app.domain.acts import ACT_NAMES, ACTS, Act, Speaker
from app.domain.decision import Decision, RepMove
from app.domain.metrics import METRIC_NAMES, METRICS, MetricSpec
from app.domain.rubric import Criterion, Rubric
from app.domain.scenario import HiddenFact, Persona, Reaction, Scenario
from app.domain.scorecard import (
    CriterionResult,
    Evidence,
    FeedbackItem,
    RubricRef,
    Scorecard,
    Strength,
)
from app.domain.transcript import UNITS, TaggedTurn, Transcript, Turn, Unit

__all__ = [
    "ACTS",
    "ACT_NAMES",
    "METRICS",
    "METRIC_NAMES",
    "UNITS",
    "Act",
    "Criterion",
    "CriterionResult",
    "Decision",
    "Evidence",
    "FeedbackItem",
    "HiddenFact",
    "MetricSpec",
    "Persona",
    "Reaction",
    "RepMove",
    "Rubric",
    "RubricRef",
    "Scenario",
    "Scorecard",
    "Speaker",
    "Strength",
    "TaggedTurn",
    "Transcript",
    "Turn",
    "Unit",
]
