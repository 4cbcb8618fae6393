"""Content loading: scenario and rubric YAML into validated models, with precise errors."""

from app.content.errors import ContentError, ContentProblem
from app.content.library import ContentLibrary
from app.content.loader import Loaded, content_hash, load_file, load_rubric, load_scenario

__all__ = [
    "ContentError",
    "ContentLibrary",
    "ContentProblem",
    "Loaded",
    "content_hash",
    "load_file",
    "load_rubric",
    "load_scenario",
]
