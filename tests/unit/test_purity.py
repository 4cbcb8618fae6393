"""The rubric engine is a pure library: it loads without the web, database or LLM stacks."""

from __future__ import annotations

import json
import subprocess
import sys

PURE_PACKAGES = ("app.domain", "app.content", "app.formats", "app.rubric")
FORBIDDEN = ("fastapi", "starlette", "sqlalchemy", "openai")

# Imports every module of the pure packages in a fresh interpreter, then reports which
# forbidden top-level packages ended up in sys.modules.
_PROBE = f"""
import importlib, json, pkgutil, sys
loaded = []
for name in {PURE_PACKAGES!r}:
    package = importlib.import_module(name)
    loaded.append(name)
    for info in pkgutil.walk_packages(package.__path__, name + "."):
        importlib.import_module(info.name)
        loaded.append(info.name)
roots = {{m.split(".")[0] for m in sys.modules}}
print(json.dumps({{"loaded": loaded, "forbidden": sorted(roots & set({FORBIDDEN!r}))}}))
"""


def test_pure_packages_import_no_web_database_or_llm_code() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True, timeout=60
    )
    report = json.loads(done.stdout)
    assert "app.rubric.scoring" in report["loaded"]
    assert "app.formats.vtt" in report["loaded"]
    assert report["forbidden"] == []
