import re
from collections.abc import Callable, Iterator, Sequence

from app.domain.acts import Act
from app.domain.transcript import TaggedTurn, Turn, Unit
from app.rubric.context import Signals
from app.rubric.cues import Cues

class Model:
    """An act model's tables, laid out for fast decisions."""

    def __init__(
        self,
        weights: Sequence[Sequence[int]],
        named: dict[str, int],
        vocab: dict[str, int],
        singles: dict[int, int],
        pairs: dict[tuple[int, int], int],
    ) -> None: ...
    def decide(
        self, names: Sequence[str], words: Sequence[str], among: int
    ) -> tuple[int, int, int, tuple[tuple[str, int], ...]]: ...

class CueReader:
    """Reads coach units' cues with the tables cues.py hands it."""

    def __init__(self, tables: dict[str, object]) -> None: ...
    def read(self, text: str, signals: Signals) -> Cues: ...

class UnitTagger:
    """Tags coach units with a CueReader and a Model."""

    def __init__(self, reader: CueReader, model: Model, tables: dict[str, object]) -> None: ...
    def unit(self, text: str, signals: Signals, previous: Act | None = None) -> Unit: ...
    def units(self, text: str, context: Sequence[Turn]) -> list[Unit]: ...
    def transcript(self, turns: list[Turn]) -> list[TaggedTurn]: ...

def tokens(text: str) -> list[str]: ...
def word_count(text: str) -> int: ...
def known_stems(words: list[str], cache: dict[str, str]) -> set[str] | None: ...

class ContextReader:
    """Reads the turns before a coach turn into Signals."""

    def __init__(self, tables: dict[str, object]) -> None: ...
    def read(self, context: Sequence[Turn]) -> Signals: ...

class Splitter:
    """Splits coach turns into units."""

    def __init__(
        self,
        splices: Callable[[str], Iterator[re.Match[str]]],
        subordinate: Callable[[str], re.Match[str] | None],
        fallback: Callable[[str], list[str]],
    ) -> None: ...
    def split(self, text: str) -> list[str]: ...
