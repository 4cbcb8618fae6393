"""Loading content: models, hashes, ordering, and the shipped library's quality bar."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from app.cli import cli
from app.config import ROOT
from app.content import ContentError, ContentLibrary, load_rubric, load_scenario
from app.domain import ACTS, Act

VALID = Path(__file__).resolve().parents[2] / "data" / "content" / "valid"


def test_loaded_scenario_carries_the_sha256_of_its_bytes() -> None:
    path = VALID / "tiny-scenario.yaml"
    loaded = load_scenario(path)
    assert loaded.hash == hashlib.sha256(path.read_bytes()).hexdigest()
    assert loaded.short_hash == loaded.hash[:12]
    assert loaded.model.reaction(Act.ADVICE).openness == pytest.approx(-0.1)
    assert loaded.model.fact("buyer-away").unlocked_by == [Act.OPEN_QUESTION]


def test_changing_one_byte_changes_the_hash(tmp_path: Path) -> None:
    original = VALID / "tiny-scenario.yaml"
    copy = tmp_path / "tiny.yaml"
    copy.write_text(original.read_text().replace("Friendly and quick.", "Friendly and quick!"))
    assert load_scenario(copy).hash != load_scenario(original).hash


def test_rubric_criterion_direction_comes_from_the_metric() -> None:
    rubric = load_rubric(VALID / "rubrics" / "tiny-rubric.yaml").model
    assert rubric.criteria[0].direction == "higher"
    assert rubric.pass_rule.hard_fails[0].metric == "takeover_count"


def test_unknown_placeholder_in_a_line_is_refused(tmp_path: Path) -> None:
    text = (VALID / "tiny-scenario.yaml").read_text()
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace("[Good question., Let me think.]", "['Ask {boss}', 'Hm.']"))
    with pytest.raises(ContentError) as caught:
        load_scenario(bad)
    assert "unknown placeholder {boss}" in str(caught.value)


def test_load_raises_with_every_problem_of_a_folder(tmp_path: Path) -> None:
    (tmp_path / "scenarios").mkdir()
    (tmp_path / "rubrics").mkdir()
    (tmp_path / "scenarios" / "a.yaml").write_text("id: [\n")
    (tmp_path / "rubrics" / "b.yaml").write_text("id: b\n")
    with pytest.raises(ContentError) as caught:
        ContentLibrary.load(tmp_path / "scenarios", tmp_path / "rubrics")
    files = {p.file.name for p in caught.value.problems}
    assert files == {"a.yaml", "b.yaml"}


def test_unknown_ids_name_the_known_ones() -> None:
    library = ContentLibrary.collect([VALID])
    with pytest.raises(KeyError, match="unknown scenario 'nope'; known: tiny-scenario"):
        library.scenario("nope")


@pytest.fixture
def library() -> ContentLibrary:
    return ContentLibrary.load(ROOT / "scenarios", ROOT / "rubrics")


class TestShippedLibrary:
    def test_has_at_least_twelve_scenarios_and_two_rubrics(self, library: ContentLibrary) -> None:
        assert len(library.scenarios) >= 12
        assert {"ask-vs-tell", "grow-structure"} <= set(library.rubrics)

    def test_every_scenario_has_four_hidden_facts_and_lines_for_every_act(
        self, library: ContentLibrary
    ) -> None:
        for loaded in library.scenarios.values():
            scenario = loaded.model
            assert len(scenario.hidden_facts) >= 4, scenario.id
            for act in ACTS:
                assert len(scenario.reaction(act).lines) >= 2, (scenario.id, act)
            assert scenario.objective.must_discover, scenario.id

    def test_difficulties_are_mixed(self, library: ContentLibrary) -> None:
        levels = {loaded.model.difficulty for loaded in library.scenarios.values()}
        assert levels == {"easy", "medium", "hard"}

    def test_catalog_order_is_easy_to_hard(self, library: ContentLibrary) -> None:
        order = [loaded.model.difficulty for loaded in library.scenarios_in_order()]
        assert order == sorted(order, key=["easy", "medium", "hard"].index)


def test_schema_command_prints_a_json_schema_for_each_kind() -> None:
    runner = CliRunner()
    scenario = json.loads(runner.invoke(cli, ["schema", "scenario"]).stdout)
    rubric = json.loads(runner.invoke(cli, ["schema", "rubric"]).stdout)
    assert "hidden_facts" in scenario["properties"]
    assert scenario["additionalProperties"] is False
    metric = rubric["$defs"]["Criterion"]["properties"]["metric"]
    assert "open_question_share" in metric["enum"]


def test_schema_command_refuses_an_unknown_kind() -> None:
    result = CliRunner().invoke(cli, ["schema", "persona"])
    assert result.exit_code == 2
    assert "persona" in result.stderr
