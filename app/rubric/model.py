"""A small multinomial logistic regression over unit cues: load, decide, explain, train.

The weights ship as JSON beside this module (act_model.json, written by
scripts/train_act_model.py). A decision is one sparse sum: each cue the unit has adds its
row of nine weights. The reason names the cues that did most to put the winning act ahead
of the others, with how much each weighed ("model: starts 'have you' +1.8, ...").
Training is plain Python too (AdaGrad on the log loss, a few shuffled passes averaged), so
retraining needs nothing beyond this repository.

Where the package was installed with a C compiler, decisions are summed and ranked by
`_speedups` (the same arithmetic over word ids, held to identical answers by the tests);
this module remains the definition, and is what runs everywhere else.
"""

from __future__ import annotations

import json
import math
import random
import struct
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise, repeat
from pathlib import Path
from typing import Any, TypeVar

from app.domain.acts import Act
from app.rubric.speedups import native

MODEL_PATH = Path(__file__).with_name("act_model.json")
FORMAT = 1
# Each cue's row is also packed into one integer, a 32-bit field per label holding the
# weight in thousandths plus an offset, and one more field counting the cue. Summing a
# unit's cues is then one `sum` over integers; the offsets come off when the fields are
# read back. 2**20 thousandths leaves room for weights up to about a thousand.
_SCALE = 1000
_OFFSET = 1 << 20
_SHOWN_WORDS = 5
_LENGTHS = {
    "1": "one word",
    "2": "two words",
    "4": "3-4 words",
    "8": "5-8 words",
    "16": "9-16 words",
    "more": "over 16 words",
}
# What each fixed cue means, in the words of a reason.
_FIXED = {
    "lead.subordinate": "opens with a subordinate clause ('if ..., ')",
    "lead.short": "a short lead-in before the main clause",
    "q.end": "ends with '?'",
    "q.inside": "a '?' inside",
    "form.wh_aux": "wh-word + auxiliary",
    "form.wh_subject": "wh-word + subject (a clause, not a question)",
    "form.wh_other": "opens with a wh-word",
    "form.wh_q": "a wh-question with '?'",
    "form.inverted": "yes/no form (inverted auxiliary)",
    "form.inverted_q": "yes/no form with '?'",
    "form.aux_start": "opens with an auxiliary ('did legal ...')",
    "form.inv_you_action": "'can you' + an action",
    "form.inv_you_invite": "'can you' + a verb of telling",
    "form.inv_you_mental": "'do you' + a verb of thinking",
    "form.inv_you_other": "'do you' + another verb",
    "form.inv_i": "'can I' / 'shall I' form",
    "form.imperative": "opens with an instruction verb",
    "form.imperative_guess": "opens like an instruction (verb + object)",
    "form.statement": "a statement",
    "form.statement_q": "a statement ending in '?'",
    "stmt.overlap0": "a statement that gives back none of the rep's words",
    "stmt.overlap1": "a statement with one of the rep's words",
    "stmt.overlap2": "a statement with several of the rep's words",
    "stmt.answers": "a statement answering the rep's question",
    "subject.you": "a statement about the rep ('you ...')",
    "subject.i": "a statement about the coach ('I ...')",
    "subject.we": "a statement about 'we'",
    "subject.it": "a statement about 'it' or 'that'",
    "subject.other": "a statement about someone or something else",
    "clause.imperative": "a clause opens with an instruction",
    "clause.wh_q": "a later clause asks a wh-question",
    "clause.wh": "a later clause opens with a wh-word",
    "modal.you": "'you' + a modal",
    "modal.we": "'we' + a modal",
    "modal.they": "'they' + a modal",
    "modal.i_offer_work": "the coach offers to do a task ('I'll' / 'let me' + a task)",
    "modal.i_offer_talk": "'I'll' / 'let me' + talk",
    "modal.i_would_work": "'I'd' + an action",
    "modal.i_would_talk": "'I'd' + talk",
    "modal.i_act_work": "the coach as the one doing it ('why don't I take ...')",
    "modal.i_act_talk": "'I' + talk",
    "modal.me_to": "'me to' ('want me to')",
    "modal.myself": "'myself'",
    "class.you": "about the rep ('you')",
    "class.me": "the coach as 'I'",
    "class.feeling": "names a feeling",
    "class.praise": "a word of praise",
    "class.positive": "a positive word",
    "class.negative": "a negation",
    "class.generic": "a general statement word",
    "class.hedge": "a softener",
    "class.figure": "gives figures",
    "class.number": "a number",
    "uptalk.echo": "the rep's words given back with '?'",
    "uptalk.new": "a statement with '?' about something the rep has not said",
    "rx.leading": "leading-question form",
    "rx.invite": "invites the rep to talk",
    "rx.polite_open": "asks the rep to tell",
    "rx.embedded_closed": "asks whether",
    "rx.closed_wh": "asks for a short fact",
    "rx.wh_question": "a wh-question",
    "rx.planned": "the rep's next step stated for them",
    "rx.scale": "a scaling question ('on a scale of')",
    "rx.autonomy": "leaves the choice with the rep",
    "ctx.overlap0": "shares no words with the rep",
    "ctx.share_low": "a few of its words are the rep's",
    "ctx.share_mid": "many of its words are the rep's",
    "ctx.share_high": "mostly the rep's words",
    "ctx.rep_asked": "answers the rep's question",
    "ctx.help_asked": "the rep asked for help",
    "ctx.permission": "the rep said yes to advice",
    "ctx.rep_short": "after a short rep turn",
}
_PREFIXED = {
    "lead": "opens with '{}'",
    "start1": "starts '{}'",
    "start2": "starts '{}'",
    "start3": "starts '{}'",
    "word": "'{}'",
    "pair": "'{}'",
    "clause1": "a clause starting '{}'",
    "clause2": "a clause starting '{}'",
}


def _quoted(words: str) -> str:
    parts = words.split()
    return " ".join(parts[:_SHOWN_WORDS]) + (" ..." if len(parts) > _SHOWN_WORDS else "")


def describe(cue: str, shown: dict[str, str] | None = None) -> str:
    """A cue in the words of a reason: "starts 'have you'", "repeats 2 of the rep's words"."""
    fixed = _FIXED.get(cue)
    if fixed is not None:
        if shown and cue in shown:
            return f"{fixed} ('{_quoted(shown[cue])}')"
        return fixed
    group, _, value = cue.partition(".")
    if group == "len":
        return _LENGTHS.get(value, value + " words")
    if group == "ctx" and value.startswith("overlap"):
        count = value.removeprefix("overlap")
        return f"repeats {count}{'+' if count == '3' else ''} of the rep's words"
    if group == "modal":
        return "'" + value.replace("_", " ") + "'"
    template = _PREFIXED.get(group)
    if template is None:
        return cue
    return template.format(value.replace(" #", "").strip())


@dataclass(frozen=True, slots=True)
class Decision:
    """The model's act for one unit and the reason built from its strongest cues."""

    act: Act
    reason: str
    # The act the cues alone favoured, when the acts allowed (`among`) ruled it out.
    ruled_out: Act | None = None


Pair = tuple[str, str]
_K = TypeVar("_K", str, Pair)


def with_words(names: Sequence[str], words: Sequence[str]) -> list[str]:
    """Every cue of a unit by name: its other cues, then each word and each pair of
    neighbouring words once ("word.legal", "pair.you should"), in the order they come.

    `ActModel.decide` weighs the same cues without building these names.
    """
    return list(
        dict.fromkeys(
            [*names, *["word." + w for w in words], *[f"pair.{a} {b}" for a, b in pairwise(words)]]
        )
    )


class ActModel:
    """Weights per cue, one per act in the order of `labels`, kept in thousandths."""

    __slots__ = (
        "_fields",
        "_masks",
        "_pair_weights",
        "_pairs",
        "_rows",
        "_sums",
        "_weights",
        "_word_weights",
        "_words",
        "about",
        "acts",
        "labels",
        "native",
    )

    def __init__(
        self,
        labels: Sequence[str],
        rows: dict[str, tuple[int, ...]],
        about: dict[str, Any] | None = None,
        *,
        speedups: bool = True,
    ) -> None:
        """`speedups=False` keeps decisions in Python even where `_speedups` is built."""
        self.labels = tuple(labels)
        self.about = about or {}  # how the model was made: data, settings, checks
        self.acts = tuple(Act(label) for label in self.labels)
        width = len(self.labels)
        if any(len(row) != width for row in rows.values()):
            raise ValueError("act model: every cue needs one weight per label")
        self._rows = rows
        # The packed rows' fields read back in one call: one per label, then the count.
        self._fields = fields = struct.Struct(f"<{width + 1}I")
        packed = {
            name: int.from_bytes(fields.pack(*[w + _OFFSET for w in row], 1), "little")
            for name, row in rows.items()
        }
        # Word and pair cues are found by the words themselves, so a unit's words are
        # weighed without first being spelled out as cue names (named cues still count, as
        # training spells them). Cues by name, by word and by pair each have their packed
        # rows, for the sum, and one table per label, for the reason: both are then read
        # with one C-level pass over a unit's cues.
        named = {name: name for name in rows}
        words: dict[str, str] = {}
        pairs: dict[Pair, str] = {}
        for name in rows:
            group, _, value = name.partition(".")
            if group == "word":
                words[value] = name
            elif group == "pair" and value.count(" ") == 1:
                first, second = value.split(" ")
                pairs[first, second] = name
        self._sums = packed
        self._words = {word: packed[name] for word, name in words.items()}
        self._pairs = {pair: packed[name] for pair, name in pairs.items()}
        self._weights = _per_label(named, rows, width)
        self._word_weights = _per_label(words, rows, width)
        self._pair_weights = _per_label(pairs, rows, width)
        self._masks: dict[frozenset[Act], int] = {}
        self.native = _native_model(rows, words, pairs) if speedups and native else None

    @classmethod
    def from_weights(
        cls, labels: Sequence[str], weights: Mapping[str, Sequence[float]], **about: Any
    ) -> ActModel:
        """A model from weights as plain numbers (rounded to thousandths)."""
        rows = {name: tuple(round(w * _SCALE) for w in row) for name, row in weights.items()}
        return cls(labels, rows, about)

    @property
    def weights(self) -> dict[str, tuple[float, ...]]:
        """Every cue's weights as plain numbers."""
        return {name: tuple(w / _SCALE for w in row) for name, row in self._rows.items()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ActModel:
        """A model from its JSON form; ValueError if the form is not one this code reads."""
        if data.get("format") != FORMAT:
            raise ValueError(f"act model format {data.get('format')!r}, expected {FORMAT}")
        about = {k: v for k, v in data.items() if k not in ("format", "labels", "thousandths")}
        rows = {name: tuple(row) for name, row in data["thousandths"].items()}
        return cls(data["labels"], rows, about)

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> ActModel:
        """Read a model written by `to_dict` (the shipped one by default)."""
        with path.open(encoding="utf-8") as handle:
            return cls.from_dict(json.load(handle))

    def to_dict(self, **about: Any) -> dict[str, Any]:
        """JSON-ready form (weights in thousandths); `about` records how it was made."""
        return {
            "format": FORMAT,
            **self.about,
            **about,
            "labels": list(self.labels),
            "thousandths": {name: list(row) for name, row in sorted(self._rows.items())},
        }

    def scores(self, cues: Sequence[str], words: Sequence[str] = ()) -> list[float]:
        """The unnormalised score of every label: the sum of the rows of the known cues."""
        fields = self._sum(cues, *_split(words))
        offset = fields[-1] * _OFFSET
        return [(f - offset) / _SCALE for f in fields[:-1]]

    def _sum(
        self, cues: Sequence[str], singles: Sequence[str], pairs: Sequence[Pair]
    ) -> tuple[int, ...]:
        """Each label's field of the summed packed rows, then the count of known cues."""
        total: int = (
            sum(map(self._sums.get, cues, repeat(0)))
            + sum(map(self._words.get, singles, repeat(0)))
            + sum(map(self._pairs.get, pairs, repeat(0)))
        )
        return self._fields.unpack(total.to_bytes(self._fields.size, "little"))

    def decide(
        self,
        cues: Sequence[str],
        shown: dict[str, str] | None = None,
        among: Collection[Act] | None = None,
        words: Sequence[str] = (),
    ) -> Decision:
        """The best act for a unit's cues and words (of the acts `among`, if given), and
        the cues that weigh most for it.

        `words` adds a cue for each word and each pair of neighbouring words, as
        `with_words` names them. The first cue is the bias (as `read` gives it) and is never
        named. Rows are centred (see `fit`), so a cue's weight for the winning act is how
        much it favours that act over the average act.
        """
        if self.native is not None:
            best, runner, ruled, shown_cues = self.native.decide(cues, words, self.mask(among))
            return self._decision(best, runner, None if ruled < 0 else ruled, shown_cues, shown)
        singles, pairs = _split(words)
        fields = self._sum(cues, singles, pairs)
        # Every label's field carries the same offset, so the raw fields rank the labels.
        ranked = sorted(range(len(self.labels)), key=fields.__getitem__)
        ruled_out = None
        if among is not None:
            favoured = ranked[-1]
            ranked = [k for k in ranked if self.acts[k] in among]
            if self.acts[favoured] not in among:
                ruled_out = favoured
        best, runner = ranked[-1], ranked[-2]
        # How much each cue (the bias aside), then each word and pair, favours the winner.
        favour = list(map(self._weights[best].get, cues, repeat(0)))
        favour[0] = 0
        favour += map(self._word_weights[best].get, singles, repeat(0))
        favour += map(self._pair_weights[best].get, pairs, repeat(0))
        picked: list[tuple[str, int]] = []
        for i in _top_three(favour):
            if i < len(cues):
                cue = cues[i]
            elif i < len(cues) + len(singles):
                cue = "word." + singles[i - len(cues)]
            else:
                cue = "pair.{} {}".format(*pairs[i - len(cues) - len(singles)])
            picked.append((cue, favour[i]))
        return self._decision(best, runner, ruled_out, picked, shown)

    def _decision(
        self,
        best: int,
        runner: int,
        ruled_out: int | None,
        picked: Sequence[tuple[str, int]],
        shown: dict[str, str] | None,
    ) -> Decision:
        """The decision for label positions, with the reason naming the cues `picked`
        (each with its weight for the winner, in thousandths)."""
        named = []
        for cue, weight in picked:
            described = (
                _DESCRIBED.get(cue) or _describe_once(cue)
                if shown is None or cue not in shown
                else describe(cue, shown)
            )
            named.append(f"{described} {_signed(weight)}")
        why = "model: " + (", ".join(named) if named else "no single cue stands out")
        return Decision(
            self.acts[best],
            f"{why} (runner-up {self.labels[runner]})",
            None if ruled_out is None else self.acts[ruled_out],
        )

    def mask(self, among: Collection[Act] | None) -> int:
        """The labels `among` allows as bits (bit k: label k), all of them for None."""
        if among is None:
            return (1 << len(self.labels)) - 1
        if isinstance(among, frozenset):
            mask = self._masks.get(among)
            if mask is None:
                mask = self._masks[among] = self.mask(set(among))
            return mask
        return sum(1 << k for k, act in enumerate(self.acts) if act in among)


def _top_three(values: list[int]) -> list[int]:
    """Positions of the (up to) three largest weights above 0.05 (50 thousandths); a tie
    goes to the position met first."""
    top = sorted(values)[:-4:-1]
    picked: list[int] = []
    for value in top:
        if value <= 50:
            break
        start = picked[-1] + 1 if picked and values[picked[-1]] == value else 0
        picked.append(values.index(value, start))
    return picked


def _native_model(
    rows: Mapping[str, tuple[int, ...]], words: Mapping[str, str], pairs: Mapping[Pair, str]
) -> native.Model:
    """The model's tables as `_speedups.Model` reads them: rows by position, and words by
    id, so a decision looks each word up once and finds its pairs by ids."""
    position = {name: k for k, name in enumerate(rows)}
    vocab: dict[str, int] = {}
    for word in [*words, *(w for pair in pairs for w in pair)]:
        vocab.setdefault(word, len(vocab))
    return native.Model(
        list(rows.values()),
        position,
        vocab,
        {vocab[word]: position[name] for word, name in words.items()},
        {(vocab[a], vocab[b]): position[name] for (a, b), name in pairs.items()},
    )


def _per_label(
    names: Mapping[_K, str], rows: Mapping[str, tuple[int, ...]], width: int
) -> tuple[dict[_K, int], ...]:
    """For each label, every cue's weight for it (cues found by `names`' keys)."""
    return tuple({key: rows[name][k] for key, name in names.items()} for k in range(width))


def _split(words: Sequence[str]) -> tuple[Sequence[str], list[Pair]]:
    """A unit's words and pairs of neighbouring words, each once (as in training), in
    the order they come, so that reasons are the same from run to run."""
    if len(set(words)) == len(words):
        return words, list(pairwise(words))
    return list(dict.fromkeys(words)), list(dict.fromkeys(pairwise(words)))


_DESCRIBED: dict[str, str] = {}
_SIGNED = {tenths: f"{tenths / 10:+.1f}" for tenths in range(-100, 101)}


def _describe_once(cue: str) -> str:
    """`describe`, kept for the next unit with the same cue (the model's cues recur)."""
    if len(_DESCRIBED) > 100_000:
        _DESCRIBED.clear()
    words = _DESCRIBED[cue] = describe(cue)
    return words


def describers() -> dict[str, object]:
    """How `ActModel.decide` puts cues into words, for the C unit tagger to do the same:
    the descriptions kept so far, and the functions that add to them."""
    return {"described": _DESCRIBED, "describe_once": _describe_once, "describe": describe}


def _signed(thousandths: int) -> str:
    tenths = round(thousandths / 100)
    return _SIGNED.get(tenths) or f"{thousandths / _SCALE:+.1f}"


@cache
def shipped_model() -> ActModel:
    """The model that ships with the package, read once."""
    return ActModel.load()


def fit(
    data: Sequence[tuple[Sequence[str], str]],
    labels: Sequence[str],
    *,
    epochs: int = 15,
    rate: float = 0.5,
    l2: float = 1e-5,
    min_count: int = 1,
    seeds: Sequence[int] = (0,),
    class_weight: bool = False,
) -> ActModel:
    """Train on (cues, label) pairs: AdaGrad on the log loss, one run per seed, averaged.

    Cues seen in fewer than `min_count` examples are left out. Every run is deterministic
    for its seed; averaging runs over several shuffles steadies the weights.
    """
    index = {label: k for k, label in enumerate(labels)}
    counts: dict[str, int] = {}
    for cues, _ in data:
        for name in set(cues):
            counts[name] = counts.get(name, 0) + 1
    vocab = sorted(name for name, c in counts.items() if c >= min_count or name == "bias")
    ids = {name: i for i, name in enumerate(vocab)}
    rows = [
        ([ids[c] for c in dict.fromkeys(cues) if c in ids], index[label]) for cues, label in data
    ]
    width = len(labels)
    per_label = [0] * width
    for _, y in rows:
        per_label[y] += 1
    # Square-root inverse frequency: rarer acts count for a little more, not for all.
    scale = [math.sqrt(len(rows) / (width * max(c, 1))) if class_weight else 1.0 for c in per_label]
    total = [[0.0] * width for _ in vocab]
    for seed in seeds:
        run = _adagrad(rows, len(vocab), width, epochs, rate, l2, scale, seed)
        for i, row in enumerate(run):
            total[i] = [t + w for t, w in zip(total[i], row, strict=True)]
    n = len(seeds)
    weights = {}
    for name, i in ids.items():
        row = [w / n for w in total[i]]
        # Adding the same amount to every act's weight of a cue changes no decision, so
        # each row is centred: a weight then reads as how much the cue favours that act
        # over the average act, which is what a reason reports. The bias is left as is.
        mean = 0.0 if name == "bias" else sum(row) / width
        centred = tuple(w - mean for w in row)
        if max(map(abs, centred)) >= 0.0005:
            weights[name] = centred
    return ActModel.from_weights(labels, weights)


def _adagrad(
    rows: list[tuple[list[int], int]],
    features: int,
    width: int,
    epochs: int,
    rate: float,
    l2: float,
    scale: list[float],
    seed: int,
) -> list[list[float]]:
    weights = [[0.0] * width for _ in range(features)]
    squares = [[1e-8] * width for _ in range(features)]
    order = list(range(len(rows)))
    rng = random.Random(seed)
    span = range(width)
    for _ in range(epochs):
        rng.shuffle(order)
        for r in order:
            active, y = rows[r]
            z = [0.0] * width
            for j in active:
                row = weights[j]
                for k in span:
                    z[k] += row[k]
            top = max(z)
            e = [math.exp(v - top) for v in z]
            total = sum(e)
            grad = [v / total for v in e]
            grad[y] -= 1.0
            c = scale[y]
            for j in active:
                row, sq = weights[j], squares[j]
                for k in span:
                    g = grad[k] * c + l2 * row[k]
                    sq[k] += g * g
                    row[k] -= rate * g / math.sqrt(sq[k])
    return weights
