"""Storage: SQLAlchemy tables, engine setup, repository functions and Alembic migrations."""

from app.storage.database import Database, make_engine
from app.storage.migrate import current_revision, head_revision, upgrade
from app.storage.repository import (
    ManagerRecord,
    SessionRecord,
    SessionSummary,
    TurnRecord,
    utcnow,
)

__all__ = [
    "Database",
    "ManagerRecord",
    "SessionRecord",
    "SessionSummary",
    "TurnRecord",
    "current_revision",
    "head_revision",
    "make_engine",
    "upgrade",
    "utcnow",
]
