"""The scenario and rubric a session started with, even after their YAML files changed.

The library holds the current version of every file; a session records the hash of the
version it used and the database keeps that version's text. When the hashes differ, the
stored text is parsed once and kept.
"""

from __future__ import annotations

import yaml

from app.content import ContentLibrary
from app.domain import Rubric, Scenario
from app.storage import Database
from app.storage import repository as repo


class ContentVersions:
    """Scenario and rubric models by content hash: the library's, else the stored text's."""

    def __init__(self, library: ContentLibrary, db: Database) -> None:
        self._library = library
        self._db = db
        self._old_scenarios: dict[str, Scenario] = {}
        self._old_rubrics: dict[str, Rubric] = {}

    async def scenario(self, scenario_id: str, content_hash: str) -> Scenario:
        """The scenario exactly as it was when its hash was recorded."""
        current = self._library.scenarios.get(scenario_id)
        if current is not None and current.hash == content_hash:
            return current.model
        cached = self._old_scenarios.get(content_hash)
        if cached is None:
            text = await self._db.run(repo.get_content_text, content_hash)
            cached = Scenario.model_validate(yaml.safe_load(text or ""))
            self._old_scenarios[content_hash] = cached
        return cached

    async def rubric(self, rubric_id: str, content_hash: str) -> Rubric:
        """The rubric exactly as it was when its hash was recorded."""
        current = self._library.rubrics.get(rubric_id)
        if current is not None and current.hash == content_hash:
            return current.model
        cached = self._old_rubrics.get(content_hash)
        if cached is None:
            text = await self._db.run(repo.get_content_text, content_hash)
            cached = Rubric.model_validate(yaml.safe_load(text or ""))
            self._old_rubrics[content_hash] = cached
        return cached

    def _title(self, scenario_id: str) -> str | None:
        loaded = self._library.scenarios.get(scenario_id)
        return loaded.model.title if loaded is not None else None

    def title(self, scenario_id: str) -> str | None:
        """The current title of a scenario, if it is still installed."""
        loaded = self._library.scenarios.get(scenario_id)
        return loaded.model.title if loaded is not None else None
