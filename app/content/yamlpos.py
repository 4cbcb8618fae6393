"""YAML to plain Python data, remembering where every value came from.

pydantic reports errors by field path; authors need file, line and column. Composing the
node tree (instead of yaml.safe_load) keeps each node's position, so a path can be
mapped back to the place in the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

Path_ = tuple[str | int, ...]

try:  # the C loader is several times faster; the pure one behaves the same
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment,unused-ignore]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader


@dataclass(frozen=True, slots=True)
class Position:
    """A 1-based line and column in a YAML file."""

    line: int
    column: int


class YamlSyntaxError(Exception):
    """The text is not valid YAML; carries the position of the problem."""

    def __init__(self, message: str, position: Position) -> None:
        super().__init__(message)
        self.message = message
        self.position = position


def _pos(mark: yaml.Mark) -> Position:
    return Position(mark.line + 1, mark.column + 1)


def load_with_positions(text: str) -> tuple[Any, dict[Path_, Position]]:
    """Parse YAML text into data plus a map from field path to the position of its key."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        position = _pos(mark) if mark is not None else Position(1, 1)
        problem = exc.problem or exc.context or "invalid YAML"
        opened = exc.context_mark
        if exc.context and opened is not None and opened is not mark:
            problem += f" ({exc.context} at line {opened.line + 1}, column {opened.column + 1})"
        raise YamlSyntaxError(f"YAML syntax error: {problem}", position) from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(f"YAML syntax error: {exc}", Position(1, 1)) from None
    finally:
        loader.dispose()
    positions: dict[Path_, Position] = {}
    if node is None:
        return None, positions
    positions[()] = _pos(node.start_mark)
    return _build(loader, node, (), positions), positions


def _build(
    loader: yaml.SafeLoader, node: yaml.Node, path: Path_, positions: dict[Path_, Position]
) -> Any:
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if key in result:
                raise YamlSyntaxError(
                    f"YAML syntax error: key {key!r} appears twice in the same mapping",
                    _pos(key_node.start_mark),
                )
            child = (*path, key)
            positions[child] = _pos(key_node.start_mark)
            result[key] = _build(loader, value_node, child, positions)
        return result
    if isinstance(node, yaml.SequenceNode):
        items = []
        for i, item in enumerate(node.value):
            child = (*path, i)
            positions[child] = _pos(item.start_mark)
            items.append(_build(loader, item, child, positions))
        return items
    return loader.construct_object(node, deep=True)
