"""Hot-path statements compiled once per dialect and run as plain driver SQL.

`connection.execute(statement, params)` looks the statement up in SQLAlchemy's compiled
cache, builds an execution context and converts every parameter on each call: for a
one-row INSERT that is about half of the CPU it costs, and saving a turn is the one
statement the app runs on every request. A `DriverStatement` does that work once per
dialect (the SQL text, the literal values the statement carries, the type converters of
its parameters) and each call only converts the values it is given and hands the SQL to
`exec_driver_sql`, which keeps SQLAlchemy's transaction and error handling.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, CursorResult, Dialect
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import SQLCompiler

_Convert = Callable[[Any], Any]


@dataclass(frozen=True, slots=True)
class _Compiled:
    sql: str
    defaults: dict[str, Any]
    converters: tuple[tuple[str, _Convert], ...]
    # Positional drivers (SQLite's qmark style) take a tuple: the parameter names in order.
    order: tuple[str, ...] | None


class DriverStatement:
    """A Core statement, compiled on first use for each dialect it runs on."""

    def __init__(self, statement: ClauseElement) -> None:
        self._statement = statement
        self._by_dialect: dict[tuple[str, str, str], _Compiled] = {}

    def execute(self, connection: Connection, values: Mapping[str, Any]) -> CursorResult[Any]:
        """Run the statement with these parameter values; its result (rowcount kept)."""
        compiled = self._compiled(connection.dialect)
        params = {**compiled.defaults, **values}
        for name, convert in compiled.converters:
            params[name] = convert(params[name])
        driver_params: Any = (
            params if compiled.order is None else tuple(params[n] for n in compiled.order)
        )
        return connection.exec_driver_sql(
            compiled.sql, driver_params, execution_options={"preserve_rowcount": True}
        )

    def _compiled(self, dialect: Dialect) -> _Compiled:
        # The driver decides the parameter style, so it is part of the key.
        key = (dialect.name, dialect.driver, dialect.paramstyle)
        compiled = self._by_dialect.get(key)
        if compiled is None:
            compiled = self._by_dialect[key] = _compile(self._statement, dialect)
        return compiled


def _compile(statement: ClauseElement, dialect: Dialect) -> _Compiled:
    compiled = statement.compile(dialect=dialect)
    assert isinstance(compiled, SQLCompiler)
    converters = []
    for name, bind in compiled.binds.items():
        convert = bind.type.dialect_impl(dialect).bind_processor(dialect)
        if convert is not None:
            converters.append((name, convert))
    return _Compiled(
        sql=str(compiled),
        defaults=dict(compiled.params),
        converters=tuple(converters),
        order=tuple(compiled.positiontup) if compiled.positiontup is not None else None,
    )
