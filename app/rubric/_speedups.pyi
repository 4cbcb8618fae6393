from collections.abc import Sequence

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
