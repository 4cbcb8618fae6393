"""The rubric engine: tag coach turns, measure the transcript, score it and explain the score.

A pure library: nothing here imports the web framework, the database layer or an LLM client.
"""

from app.rubric.segment import split_units
from app.rubric.tagger import primary_act, tag_transcript, tag_turn, tag_units

__all__ = ["primary_act", "split_units", "tag_transcript", "tag_turn", "tag_units"]
