"""The tagger's C speed-ups, where the package was built with a C compiler.

`_speedups` (app/rubric/_speedups.c and _cue_reader.c) reads a unit's cues and makes the
act model's decision exactly as cues.py and model.py define them, several times faster.
It is optional: an install without a compiler leaves `native` None, and the Python
definitions run alone with the same answers.
"""

from __future__ import annotations

try:
    from app.rubric import _speedups as native
except ImportError:  # installed without a C compiler
    native = None  # type: ignore[assignment]

# Whether cue reading and the act model's decisions run in C here.
AVAILABLE = native is not None

__all__ = ["AVAILABLE", "native"]
