"""The Jinja2 environment shared by every page."""

from __future__ import annotations

from pathlib import Path

from fastapi.templating import Jinja2Templates

from app import __version__
from app.web import present

TEMPLATES_DIR = Path(__file__).parent / "templates"

templates = Jinja2Templates(directory=TEMPLATES_DIR)
templates.env.globals.update(
    version=__version__,
    act_label=present.act_label,
    act_hints=present.ACT_HINTS,
    act_labels=present.ACT_LABELS,
    move_label=present.move_label,
    director_note=present.director_note,
    humanize=present.humanize,
    percent=present.percent,
    segments=present.segments,
)
