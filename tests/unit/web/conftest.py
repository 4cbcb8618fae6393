"""A real rubric for the presentation tests."""

from __future__ import annotations

import pytest

from app.config import ROOT
from app.content.loader import load_file
from app.domain import Rubric


@pytest.fixture
def ask_rubric() -> Rubric:
    """The ask-vs-tell rubric as shipped."""
    model = load_file(ROOT / "rubrics" / "ask-vs-tell.yaml").model
    assert isinstance(model, Rubric)
    return model
