"""The act model: training, decisions with the cues that made them, the shipped weights."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from app.domain.acts import ACT_NAMES, Act
from app.rubric.model import MODEL_PATH, ActModel, describe, fit, shipped_model, with_words

ROOT = Path(__file__).resolve().parents[3]

TOY = [
    (["bias", "start1.did", "form.inverted"], "closed_question"),
    (["bias", "start1.did", "form.inverted", "word.legal"], "closed_question"),
    (["bias", "start1.what", "form.wh_aux"], "open_question"),
    (["bias", "start1.what", "form.wh_aux", "word.legal"], "open_question"),
    (["bias", "start1.call", "form.imperative"], "advice"),
    (["bias", "start1.call", "form.imperative", "word.legal"], "advice"),
]


@pytest.fixture(scope="module")
def toy() -> ActModel:
    return fit(TOY * 3, ACT_NAMES, epochs=10, seeds=(0, 1))


def test_a_trained_model_decides_by_the_cues_it_learned(toy: ActModel) -> None:
    for cues, label in TOY:
        assert toy.decide(cues).act is Act(label)
    # Cues it never saw change nothing.
    assert toy.decide(["bias", "form.imperative", "word.unseen"]).act is Act.ADVICE


def test_the_reason_names_the_deciding_cues_with_their_weights(toy: ActModel) -> None:
    reason = toy.decide(["bias", "start1.did", "form.inverted"]).reason
    assert reason.startswith("model: ")
    assert "starts 'did' +" in reason
    assert "yes/no form (inverted auxiliary) +" in reason
    assert reason.endswith(")")
    assert "(runner-up " in reason
    assert "bias" not in reason


def test_scores_are_the_sums_of_the_cues_rows(toy: ActModel) -> None:
    cues = ["bias", "start1.what", "word.legal", "form.imperative", "word.unseen"]
    rows = [toy.weights[c] for c in cues if c in toy.weights]
    expected = [sum(column) for column in zip(*rows, strict=True)]
    assert toy.scores(cues) == pytest.approx(expected, abs=0.002 * len(rows))


def test_training_is_deterministic_for_its_seeds() -> None:
    first = fit(TOY, ACT_NAMES, epochs=3, seeds=(4,))
    again = fit(TOY, ACT_NAMES, epochs=3, seeds=(4,))
    other = fit(TOY, ACT_NAMES, epochs=3, seeds=(5,))
    assert first.weights == again.weights
    assert first.weights != other.weights


def test_rare_cues_can_be_left_out() -> None:
    model = fit(TOY, ACT_NAMES, epochs=2, min_count=3)
    assert "word.legal" in model.weights
    assert "start1.did" not in model.weights  # seen in only two examples


def test_the_json_form_round_trips_and_rejects_other_forms(toy: ActModel, tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    path.write_text(json.dumps(toy.to_dict(trained_on={"toy": len(TOY)})), encoding="utf-8")
    loaded = ActModel.load(path)
    assert loaded.labels == toy.labels
    for cues, _ in TOY:
        assert loaded.decide(cues) == toy.decide(cues)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["trained_on"] == {"toy": len(TOY)}
    with pytest.raises(ValueError, match="format"):
        ActModel.from_dict({**data, "format": 99})
    with pytest.raises(ValueError, match="one weight per label"):
        ActModel.from_dict({**data, "thousandths": {"bias": [1000, 2000]}})


@pytest.mark.parametrize(
    ("cue", "words"),
    [
        ("start2.have you", "starts 'have you'"),
        ("start3.no # #", "starts 'no'"),
        ("pair.you should", "'you should'"),
        ("ctx.overlap2", "repeats 2 of the rep's words"),
        ("ctx.overlap3", "repeats 3+ of the rep's words"),
        ("modal.you_should", "'you should'"),
        ("len.4", "3-4 words"),
        ("form.imperative", "opens with an instruction verb"),
    ],
)
def test_cues_are_described_in_plain_words(cue: str, words: str) -> None:
    assert describe(cue) == words


def test_the_shipped_model_covers_every_act_and_ships_as_package_data() -> None:
    model = shipped_model()
    assert model.labels == ACT_NAMES
    assert "bias" in model.weights
    assert len(model.weights) > 1000
    assert MODEL_PATH.parent == ROOT / "app" / "rubric"
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert {"train", "dev"} <= set(data["trained_on"]) <= {"train", "train_extra", "dev"}
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    shipped = pyproject["tool"]["setuptools"]["package-data"]["*"]
    assert "*.json" in shipped


def test_words_weigh_the_same_as_the_cue_names_training_reads() -> None:
    # Training reads every word and word pair as a named cue (with_words); tagging weighs
    # them straight from the words. Both must give the same scores and the same reason.
    model = shipped_model()
    names = ["bias", "start1.you", "form.statement", "subject.you"]
    words = ["you", "should", "call", "the", "cfo", "you", "should"]
    spelled = with_words(names, words)
    assert spelled.count("word.you") == 1  # each word and pair once, as in training
    assert spelled.count("pair.you should") == 1
    assert model.scores(names, words) == model.scores(spelled)
    assert model.decide(names, words=words) == model.decide(spelled)
