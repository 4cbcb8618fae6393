"""The tagger's C speed-ups, where the package was built with a C compiler.

`_speedups` (app/rubric/_*.c) splits turns, reads the turns before them, reads each unit's
cues, makes the act model's decision and writes its reason exactly as segment.py,
context.py, cues.py, model.py and tagger.py define them, several times faster. It is
optional: an install without a compiler leaves `native` None, and the Python definitions
run alone with the same answers. Setting COACHSIM_SPEEDUPS=0 turns it off in a process
where it is built, to compare the two or to rule it out.
"""

from __future__ import annotations

import os

try:
    from app.rubric import _speedups as native
except ImportError:  # installed without a C compiler
    native = None  # type: ignore[assignment]

if os.environ.get("COACHSIM_SPEEDUPS", "1").strip() == "0":
    native = None  # type: ignore[assignment]

# Whether the tagger's steps run in C here.
AVAILABLE = native is not None

__all__ = ["AVAILABLE", "native"]
