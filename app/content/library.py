"""The content library: every scenario and rubric, validated together.

Cross-file rules live here (ids unique across files, a scenario's rubric exists), so
`coachsim validate`, the web app and the CLI all refuse the same broken content.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from app.content.errors import ContentError, ContentProblem
from app.content.loader import Loaded, load_file
from app.content.yamlpos import load_with_positions
from app.domain.rubric import Rubric
from app.domain.scenario import Scenario

YAML_SUFFIXES = (".yaml", ".yml")


def yaml_files(paths: Iterable[Path]) -> tuple[list[Path], list[ContentProblem]]:
    """Expand files and folders into YAML files, sorted; missing paths are problems."""
    files: list[Path] = []
    problems: list[ContentProblem] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix in YAML_SUFFIXES))
        elif path.is_file():
            files.append(path)
        else:
            problems.append(ContentProblem(path, 1, 1, "", "no such file or folder"))
    return files, problems


@dataclass
class ContentLibrary:
    """Validated scenarios and rubrics by id, plus every problem found on the way."""

    scenarios: dict[str, Loaded[Scenario]] = field(default_factory=dict)
    rubrics: dict[str, Loaded[Rubric]] = field(default_factory=dict)
    problems: list[ContentProblem] = field(default_factory=list)
    files_checked: int = 0

    @classmethod
    def load(cls, scenarios_dir: Path, rubrics_dir: Path) -> ContentLibrary:
        """Load both folders; raise ContentError if anything in them is invalid."""
        library = cls.collect([scenarios_dir, rubrics_dir])
        if library.problems:
            raise ContentError(library.problems)
        return library

    @classmethod
    def collect(cls, paths: Iterable[Path]) -> ContentLibrary:
        """Load every YAML file under the paths, keeping going past errors."""
        library = cls()
        files, library.problems = yaml_files(paths)
        for path in files:
            library.files_checked += 1
            try:
                library._add(path)
            except ContentError as exc:
                library.problems.extend(exc.problems)
        library._check_references()
        return library

    def _add(self, path: Path) -> None:
        loaded = load_file(path)
        if isinstance(loaded.model, Rubric):
            self._register(self.rubrics, loaded, "rubric")
        else:
            self._register(self.scenarios, loaded, "scenario")

    def _register(
        self,
        table: dict[str, Loaded[Scenario]] | dict[str, Loaded[Rubric]],
        item: Loaded[Scenario] | Loaded[Rubric],
        kind: str,
    ) -> None:
        item_id = item.model.id
        if item_id in table:
            first = table[item_id].path
            line, column = _id_position(item.path)
            self.problems.append(
                ContentProblem(
                    item.path,
                    line,
                    column,
                    "id",
                    f"duplicate {kind} id {item_id!r}: already used by {first}",
                )
            )
            return
        table[item_id] = item  # type: ignore[assignment]

    def _check_references(self) -> None:
        if not self.rubrics:
            return  # validating scenarios alone: rubric references can't be checked
        for loaded in self.scenarios.values():
            rubric_id = loaded.model.rubric
            if rubric_id not in self.rubrics:
                line, column = _field_position(loaded.path, "rubric")
                known = ", ".join(sorted(self.rubrics))
                self.problems.append(
                    ContentProblem(
                        loaded.path,
                        line,
                        column,
                        "rubric",
                        f"unknown rubric {rubric_id!r}; known rubrics: {known}",
                    )
                )

    def scenario(self, scenario_id: str) -> Loaded[Scenario]:
        """The scenario with this id; KeyError names the known ones."""
        try:
            return self.scenarios[scenario_id]
        except KeyError:
            raise KeyError(_unknown("scenario", scenario_id, self.scenarios)) from None

    def rubric(self, rubric_id: str) -> Loaded[Rubric]:
        """The rubric with this id; KeyError names the known ones."""
        try:
            return self.rubrics[rubric_id]
        except KeyError:
            raise KeyError(_unknown("rubric", rubric_id, self.rubrics)) from None

    def scenarios_in_order(self) -> list[Loaded[Scenario]]:
        """Scenarios for a catalog: easy first, then by title."""
        rank = {"easy": 0, "medium": 1, "hard": 2}
        return sorted(
            self.scenarios.values(), key=lambda s: (rank[s.model.difficulty], s.model.title)
        )


def _unknown(kind: str, wanted: str, known: Iterable[str]) -> str:
    return f"unknown {kind} {wanted!r}; known: {', '.join(sorted(known)) or 'none'}"


def _field_position(path: Path, name: str) -> tuple[int, int]:
    try:
        _, positions = load_with_positions(path.read_text(encoding="utf-8"))
    except Exception:
        return 1, 1
    pos = positions.get((name,))
    return (pos.line, pos.column) if pos else (1, 1)


def _id_position(path: Path) -> tuple[int, int]:
    return _field_position(path, "id")
