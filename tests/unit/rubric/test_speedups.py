"""The tagger's C speed-ups give exactly what cues.py and model.py define: the same cues
for every unit, and the same decisions and reasons."""

from __future__ import annotations

import itertools
import os
import random
from functools import cache
from pathlib import Path

import pytest

from app.domain import Speaker, Transcript, Turn
from app.domain.acts import ACT_NAMES, Act
from app.formats import read_transcript
from app.rubric import cues as cue_module
from app.rubric.context import NO_CONTEXT, Signals
from app.rubric.cues import Cues, read, read_in_python
from app.rubric.evaluation import Example, load_examples
from app.rubric.model import MODEL_PATH, ActModel, fit, shipped_model
from app.rubric.segment import split_units
from app.rubric.speedups import AVAILABLE as SPEEDUPS
from app.rubric.tagger import _LIMITS, Tagger

pytestmark = pytest.mark.skipif(
    not SPEEDUPS,
    reason="the C speed-ups are off (not built for want of a C compiler at install time, or "
    "COACHSIM_SPEEDUPS=0): the tagger runs in Python only",
)

ACTS_DIR = Path(__file__).resolve().parents[2] / "data" / "acts"
TRANSCRIPTS = Path(__file__).resolve().parents[2] / "data" / "transcripts"


@cache
def _labelled() -> list[Example]:
    """Every labelled coach utterance: training, development and held-out sets."""
    return [example for path in sorted(ACTS_DIR.glob("*.jsonl")) for example in load_examples(path)]


@cache
def _vocabulary() -> list[str]:
    return sorted({word for example in _labelled() for word in example.text.split()})


def _both(model: ActModel) -> tuple[ActModel, ActModel]:
    """The same weights deciding in C and in Python."""
    rows = {name: tuple(round(w * 1000) for w in row) for name, row in model.weights.items()}
    fast = ActModel(model.labels, rows)
    slow = ActModel(model.labels, rows, speedups=False)
    assert fast.native is not None
    assert slow.native is None
    return fast, slow


@pytest.fixture(scope="module")
def shipped_pair() -> tuple[ActModel, ActModel]:
    return _both(ActModel.load(MODEL_PATH))


@pytest.fixture(scope="module")
def labelled_units() -> list[Cues]:
    """Every unit of every labelled coach utterance, read in its own context."""
    units = []
    for example in _labelled():
        signals = Signals.read(example.context) if example.context else NO_CONTEXT
        units += [read(piece, signals) for piece in split_units(example.text)]
    return [cues for cues in units if not cues.filler_only]


def test_the_shipped_model_decides_and_reads_in_c_where_it_is_built() -> None:
    assert shipped_model().native is not None
    assert cue_module.reader is not None


def test_every_labelled_unit_reads_the_same_with_and_without_its_context() -> None:
    read_count = 0
    for example in _labelled():
        contexts = [NO_CONTEXT]
        if example.context:
            contexts.append(Signals.read(example.context))
        for piece in split_units(example.text):
            for signals in contexts:
                assert read(piece, signals) == read_in_python(piece, signals), piece
                read_count += 1
    assert read_count > 5000


# Words and marks that steer the reader down its rarer paths: fillers and disfluencies,
# false starts, offers, obligations, clauses, figures, curly quotes, non-ASCII letters and
# digits, white space of every kind.
_AWKWARD_SAID = (
    "um uh, er erm, like, you- you're- I'll I me let myself if gonna i'm going to you "
    "should need have got but be how why what's, ? ... … ’ “ ” — – \u00a0 \t \n \x1c É ß "
    "İ ١٢ 3 ½ - , ' \" ( ) * / so okay well, right, scale of out of ten your call"
)
_AWKWARD = _AWKWARD_SAID.split(" ")


def _awkward_texts(rng: random.Random, count: int) -> list[str]:
    """Labelled words mixed with awkward ones, joined in the ways people type."""
    vocabulary = _vocabulary()
    texts = []
    for _ in range(count):
        words = [
            rng.choice(vocabulary) if rng.random() < 0.6 else rng.choice(_AWKWARD)
            for _ in range(rng.randint(0, 14))
        ]
        text = rng.choice((" ", " ", ", ", "  ", " - ", "")).join(words)
        texts.append(text.upper() if rng.random() < 0.15 else text)
    return texts


def _said(rng: random.Random, awkward: int) -> list[str]:
    """Every labelled utterance, then `awkward` generated ones."""
    return [e.text for e in _labelled()] + _awkward_texts(rng, awkward)


def test_awkward_text_reads_the_same() -> None:
    rng = random.Random(11)
    examples = _labelled()
    reps = [NO_CONTEXT] + [Signals(e.text) for e in rng.sample(examples, 20)]
    for text in _awkward_texts(rng, 4000):
        signals = rng.choice(reps)
        for piece in [text, *split_units(text)]:
            assert read(piece, signals) == read_in_python(piece, signals), piece


def test_a_reader_given_bad_tables_names_the_problem() -> None:
    from app.rubric import _speedups

    tables = cue_module._reader_tables()
    del tables["padding"]
    with pytest.raises(KeyError, match="'padding'"):
        _speedups.CueReader(tables)
    tables = cue_module._reader_tables()
    tables["aux_words"] = ["do", "does"]
    with pytest.raises(TypeError, match="aux_words must be a frozenset, not list"):
        _speedups.CueReader(tables)
    tables = cue_module._reader_tables()
    tables["word_bits"] = {"you": "a lot"}
    with pytest.raises(TypeError, match="word_bits must map words to ints"):
        _speedups.CueReader(tables)
    # A helper that breaks its promise is caught, not trusted.
    tables = cue_module._reader_tables()
    tables["normalise"] = len
    reader = _speedups.CueReader(tables)
    with pytest.raises(TypeError, match=r"normalise\(\) returned int, not str"):
        reader.read("Über-what?", NO_CONTEXT)


def test_every_labelled_unit_gets_the_same_decision_under_every_limit(
    shipped_pair: tuple[ActModel, ActModel], labelled_units: list[Cues]
) -> None:
    fast, slow = shipped_pair
    assert len(labelled_units) > 3000
    limits = [among for among, _ in _LIMITS]
    for cues in labelled_units:
        for among in limits:
            expected = slow.decide(cues.names, cues.shown, among, cues.words)
            assert fast.decide(cues.names, cues.shown, among, cues.words) == expected, cues


def test_repeated_and_unknown_words_count_once_and_never_show(
    shipped_pair: tuple[ActModel, ActModel], labelled_units: list[Cues]
) -> None:
    fast, slow = shipped_pair
    rng = random.Random(7)
    for cues in labelled_units[:800]:
        words = cues.words * 2 + ["zzqx", "qqzx"] + rng.sample(cues.words, len(cues.words))
        names = cues.names + cues.names[1:3]  # named cues are not de-duplicated
        expected = slow.decide(names, None, None, words)
        assert fast.decide(names, None, None, words) == expected
        assert "zzqx" not in expected.reason


def test_ties_go_to_the_same_act_and_the_same_cues() -> None:
    # Every act weighs the same, and the cues tie with each other: the later label wins
    # and the first cues met are named, in C as in Python.
    rows = {"bias": (0,) * 9, "start1.so": (100,) * 9, "word.so": (100,) * 9}
    rows["pair.so so"] = (100,) * 9
    fast = ActModel(ACT_NAMES, rows)
    slow = ActModel(ACT_NAMES, rows, speedups=False)
    for among in (None, frozenset({Act.ADVICE, Act.REFLECTION}), [Act.OTHER, Act.ADVICE]):
        cues = ["bias", "start1.so", "start1.so"]
        decision = fast.decide(cues, None, among, ["so", "so"])
        assert decision == slow.decide(cues, None, among, ["so", "so"])
    assert fast.decide(["bias"], None, None, []).act is Act(ACT_NAMES[-1])


def test_only_cues_above_a_twentieth_are_named() -> None:
    zero = (0,) * 8
    rows = {"bias": (0,) * 9, "start1.so": (*zero, 50), "word.so": (*zero, 51)}
    fast = ActModel(ACT_NAMES, rows)
    decision = fast.decide(["bias", "start1.so"], None, None, ["so"])
    assert decision == ActModel(ACT_NAMES, rows, speedups=False).decide(
        ["bias", "start1.so"], None, None, ["so"]
    )
    assert decision.reason.startswith("model: 'so' +0.1 (runner-up")


def _taggers(pair: tuple[ActModel, ActModel]) -> tuple[Tagger, Tagger]:
    """A tagger whose units are tagged in C, and one that keeps every step in Python."""
    fast, slow = Tagger(pair[0]), Tagger(pair[1], speedups=False)
    assert fast._native is not None
    assert slow._native is None
    return fast, slow


def test_whole_turns_are_tagged_identically(shipped_pair: tuple[ActModel, ActModel]) -> None:
    fast, slow = _taggers(shipped_pair)
    reasons = set()
    for example in _labelled():
        for context in (example.context, ()):
            units = fast.units(example.text, context)
            assert units == slow.units(example.text, context), example.text
            reasons |= {unit.reason.split(" → ")[0].split(";")[-1] for unit in units}
    # The rules' reasons and the notes on ruled-out and permitted acts all came up.
    assert {"only a filler or acknowledgement", " permitted: the rep asked for help"} <= reasons
    assert any(reason.startswith(" not ") for reason in reasons)
    assert any(reason.startswith(" permitted: the rep said yes") for reason in reasons)


def test_a_check_after_a_reflection_and_a_decision_with_no_strong_cue_match(
    shipped_pair: tuple[ActModel, ActModel],
) -> None:
    fast, slow = _taggers(shipped_pair)
    signals = Signals("i just can't get the cfo to reply")
    for previous in (Act.REFLECTION, Act.OPEN_QUESTION, None):
        for text in ("Is that right?", "Am I close?", "Did I get that right"):
            assert fast.unit(text, signals, previous) == slow.unit(text, signals, previous)
    assert "checks the reflection" in fast.unit("Is that right?", signals, Act.REFLECTION).reason
    weak = {"bias": (0,) * 9, "start1.is": (40,) + (0,) * 8}
    fast, slow = _taggers((ActModel(ACT_NAMES, weak), ActModel(ACT_NAMES, weak, speedups=False)))
    unit = fast.unit("Is it on track", signals)
    assert unit == slow.unit("Is it on track", signals)
    assert unit.reason.startswith("model: no single cue stands out (runner-up")


def test_whole_transcripts_are_tagged_identically(
    shipped_pair: tuple[ActModel, ActModel],
) -> None:
    fast, slow = _taggers(shipped_pair)
    transcripts = [
        read_transcript(path).transcript
        for path in sorted(TRANSCRIPTS.iterdir())
        if path.suffix in (".json", ".txt", ".vtt")
    ]
    # Long conversations, each turn's text from the labelled sets, so that every act
    # comes up with every kind of turn before it.
    rng = random.Random(9)
    examples = _labelled()
    for _ in range(40):
        turns = []
        for example in rng.sample(examples, 30):
            turns += [*example.context[-1:], Turn(speaker=Speaker.COACH, text=example.text)]
        transcripts.append(Transcript(turns=turns))
    for transcript in transcripts:
        tagged = fast.transcript(transcript.turns)
        assert tagged == slow.transcript(transcript.turns)
        assert [t.index for t in tagged] == list(range(1, len(transcript.turns) + 1))


def test_generated_turns_are_tagged_identically(shipped_pair: tuple[ActModel, ActModel]) -> None:
    fast, slow = _taggers(shipped_pair)
    rng = random.Random(5)
    examples = _labelled()
    contexts = [(), *(e.context for e in rng.sample(examples, 40) if e.context)]
    for text in _awkward_texts(rng, 2000):
        context = rng.choice(contexts)
        assert fast.units(text, context) == slow.units(text, context), text


def test_a_freshly_trained_model_decides_the_same_way(labelled_units: list[Cues]) -> None:
    data = [(cues.names, "advice" if "q.end" in cues.names else "other") for cues in labelled_units]
    fast, slow = _both(fit(data[:300], ACT_NAMES, epochs=3))
    for cues in labelled_units[:300]:
        assert fast.decide(cues.names, cues.shown, None, cues.words) == slow.decide(
            cues.names, cues.shown, None, cues.words
        )


def test_bad_tables_and_limits_are_refused_with_the_problem_named() -> None:
    from app.rubric import _speedups

    with pytest.raises(ValueError, match="one weight per label"):
        _speedups.Model([(1, 2, 3), (1, 2)], {}, {}, {}, {})
    with pytest.raises(ValueError, match="row 5 is out of range"):
        _speedups.Model([(1, 2)], {"bias": 5}, {}, {}, {})
    with pytest.raises(ValueError, match="word id 3 is out of range"):
        _speedups.Model([(1, 2)], {}, {"a": 0}, {3: 0}, {})
    model = _speedups.Model([(1, 2, 3)], {"bias": 0}, {}, {}, {})
    with pytest.raises(ValueError, match="at least two labels"):
        model.decide(["bias"], [], 0b100)
    with pytest.raises(TypeError, match="takes 3 arguments"):
        model.decide(["bias"], [])  # type: ignore[call-arg]


def test_limits_of_every_shape_mean_the_same(shipped_pair: tuple[ActModel, ActModel]) -> None:
    fast, slow = shipped_pair
    cues = read("So you'd call her first?", Signals("I need to call the CFO."))
    for size in (2, 5, 9):
        for among in itertools.islice(itertools.combinations(Act, size), 6):
            for shape in (frozenset(among), set(among), list(among)):
                expected = slow.decide(cues.names, cues.shown, shape, cues.words)
                assert fast.decide(cues.names, cues.shown, shape, cues.words) == expected


def test_words_their_count_and_their_stems_come_out_the_same(labelled_units: list[Cues]) -> None:
    from app.rubric import _speedups
    from app.rubric.overlap import STEM_CACHE, stems_of, tokens_in_python

    rng = random.Random(3)
    texts = _said(rng, 2000)
    for text in texts:
        assert _speedups.tokens(text) == tokens_in_python(text), text
        assert _speedups.word_count(text) == len(text.split()), text
    for cues in labelled_units:
        stems_of(cues.words)  # works out and keeps any stem not yet kept
        expected = {STEM_CACHE[word] for word in cues.words} - {""}
        assert _speedups.known_stems(cues.words, STEM_CACHE) == expected
    assert _speedups.known_stems(["a-word-never-seen-before"], STEM_CACHE) is None


def _signals(signals: Signals) -> tuple[object, ...]:
    """Everything a Signals tells the tagger."""
    return (
        signals.rep_text,
        signals.coach_text,
        signals.has_context,
        signals.cues,
        signals.rep_stems,
        signals.rep_asked_question,
        signals.help_asked,
        signals.permission_given,
    )


def test_the_turns_before_a_coach_turn_read_the_same() -> None:
    from app.rubric.context import reader

    assert reader is not None
    rng = random.Random(13)
    examples = _labelled()
    said = _said(rng, 500)
    # Permission asked and granted, so that the rep's yes is read with its question.
    asked = Turn(speaker=Speaker.COACH, text="Can I share what worked for me? It might help.")
    contexts = [[asked, Turn(speaker=Speaker.REP, text="Yes, please")], []]
    contexts += [list(e.context) for e in examples if e.context]
    for _ in range(3000):
        contexts.append(
            [
                Turn(speaker=rng.choice(list(Speaker)), text=rng.choice(said))
                for _ in range(rng.randint(1, 6))
            ]
        )
    for context in contexts:
        assert _signals(reader.read(context)) == _signals(Signals.read(context)), context
    assert reader.read(contexts[0]).permission_given == "can i share"


def test_turns_split_into_the_same_units() -> None:
    from app.rubric.segment import split_units_in_python, splitter

    assert splitter is not None
    rng = random.Random(17)
    said = _said(rng, 1000)
    # Comma splices, lead-ins, underscores and stray white space, put in anywhere.
    inserts = [", ", ",", "  ", "\t", "\x1c", "_", "a_b", "1,000", ", so what do you think"]
    inserts += [", what would help", ", if you, what", ". ", "? ", " - ", "don't"]
    for text in list(said):
        for _ in range(rng.randint(1, 3)):
            at = rng.randint(0, len(text))
            text = text[:at] + rng.choice(inserts) + text[at:]
        said.append(text)
    for text in said:
        assert splitter.split(text) == split_units_in_python(text), text


def test_the_speed_ups_can_be_turned_off_for_a_process() -> None:
    import subprocess
    import sys

    probe = "from app.rubric import speedups, cues; print(speedups.AVAILABLE, cues.reader)"
    off = subprocess.run(
        [sys.executable, "-c", probe],
        env={**os.environ, "COACHSIM_SPEEDUPS": "0"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert off.stdout.split() == ["False", "None"]
