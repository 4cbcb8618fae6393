"""The database schema: managers, content versions, sessions and their turns.

Core tables rather than ORM classes: the hot path (saving a turn) is one small INSERT,
and the repository functions return plain records, so there is no identity map to keep.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB

# Stable constraint names, so migrations can refer to them on every backend.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING)

# SQL NULL (not a JSON null) for absent values, so "IS NULL" means what it says.
Json = JSON(none_as_null=True).with_variant(JSONB(none_as_null=True), "postgresql")
Timestamp = DateTime(timezone=True)

# A manager is whoever practises. Today a display name kept in a signed cookie; real
# accounts add columns (email, password hash or SSO subject) to this table, and every
# session already points here.
managers = Table(
    "managers",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("display_name", String(80), nullable=True),
    Column("created_at", Timestamp, nullable=False),
)

# The exact bytes of every scenario and rubric a session used, stored once per hash, so
# an old scorecard can be explained and re-scored after the YAML changed.
content_versions = Table(
    "content_versions",
    metadata,
    Column("hash", String(64), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("content_id", String(120), nullable=False),
    Column("text", Text, nullable=False),
    Column("created_at", Timestamp, nullable=False),
    CheckConstraint("kind IN ('scenario', 'rubric')", name="kind"),
)

sessions = Table(
    "sessions",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("manager_id", String(32), ForeignKey("managers.id"), nullable=False),
    Column("scenario_id", String(120), nullable=False),
    Column("scenario_hash", String(64), ForeignKey("content_versions.hash"), nullable=False),
    Column("rubric_id", String(120), nullable=False),
    Column("rubric_hash", String(64), ForeignKey("content_versions.hash"), nullable=False),
    Column("mode", String(16), nullable=False),
    Column("status", String(16), nullable=False),
    Column("engine", String(32), nullable=False),
    Column("started_at", Timestamp, nullable=False),
    Column("finished_at", Timestamp, nullable=True),
    Column("scorecard", Json, nullable=True),
    CheckConstraint("mode IN ('drill', 'certification')", name="mode"),
    CheckConstraint("status IN ('active', 'finished')", name="status"),
    Index("ix_sessions_manager_started", "manager_id", "started_at"),
)

turns = Table(
    "turns",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("session_id", String(32), ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("speaker", String(8), nullable=False),
    Column("text", Text, nullable=False),
    # Coach turns: the primary act and the tagged units; rep turns: the director's decision
    # and what the engine reported (a fallback to the scripted line, retries).
    Column("act", String(32), nullable=True),
    Column("units", Json, nullable=True),
    Column("decision", Json, nullable=True),
    Column("engine_meta", Json, nullable=True),
    Column("created_at", Timestamp, nullable=False),
    UniqueConstraint("session_id", "seq", name="uq_turns_session_seq"),
    CheckConstraint("speaker IN ('coach', 'rep')", name="speaker"),
    CheckConstraint("seq >= 1", name="seq_positive"),
)
