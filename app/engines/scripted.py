"""The scripted engine: voices the director's decision with the scenario's authored lines.

Offline and deterministic: the director picks which authored line (the decision's
`variant`), this engine fills in the names and streams it word by word.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

from app.domain import Decision, Scenario
from app.engines.base import RepEngine, ReplyMeta, ReplyRequest
from app.engines.director import line_pool

_CHUNK = re.compile(r"\S+\s*")
# When the manager's name is unknown, a vocative "{manager}" ("Thanks, {manager}." / "Hey
# {manager}, ..." / "{manager}, honestly...") is dropped; anywhere else it becomes "you".
_VOCATIVE = re.compile(r",\s*\{manager\}(?=[.!?,;:]|\s*$)")
_VOCATIVE_FIRST = re.compile(r"(^|[.!?]\s+)\{manager\},\s*(\w?)")
_GREETING = re.compile(
    r"\b(hi|hey|hello|thanks|cheers|look|okay|ok|so|yeah|sorry)\s+\{manager\}(?=[.!?,;:])",
    re.IGNORECASE,
)


def _drop_vocative(line: str) -> str:
    line = _VOCATIVE.sub("", line)
    line = _VOCATIVE_FIRST.sub(lambda m: m.group(1) + m.group(2).upper(), line)
    return _GREETING.sub(r"\1", line)


def fill(line: str, scenario: Scenario, manager_name: str | None = None) -> str:
    """An authored line with {manager}, {rep} and {account} filled in, on one line."""
    if manager_name is None:
        line = _drop_vocative(line.strip())
    filled = line.format_map(
        {
            "manager": manager_name or "you",
            "rep": scenario.rep.name.split()[0],
            "account": scenario.situation.account,
        }
    )
    return " ".join(filled.split())


def scripted_line(scenario: Scenario, decision: Decision, manager_name: str | None = None) -> str:
    """The authored line that voices a decision, filled in."""
    _, lines = line_pool(scenario, decision)
    return fill(lines[decision.variant % len(lines)], scenario, manager_name)


def chunks(text: str) -> list[str]:
    """Split a reply into word chunks (each with its trailing space), as a stream sends it."""
    return _CHUNK.findall(text)


class ScriptedEngine(RepEngine):
    """Voices decisions from authored lines; no network, no model files."""

    name = "scripted"

    async def reply(
        self, request: ReplyRequest, meta: ReplyMeta | None = None
    ) -> AsyncIterator[str]:
        """Stream the authored line for the decision, a word at a time."""
        text = scripted_line(request.scenario, request.decision, request.manager_name)
        for chunk in chunks(text):
            yield chunk
