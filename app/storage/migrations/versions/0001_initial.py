"""Managers, content versions, sessions and turns.

Revision ID: 0001
Revises:
Create Date: 2025-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
TIMESTAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "managers",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("display_name", sa.String(80), nullable=True),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_managers"),
    )
    op.create_table(
        "content_versions",
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("content_id", sa.String(120), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.CheckConstraint("kind IN ('scenario', 'rubric')", name="ck_content_versions_kind"),
        sa.PrimaryKeyConstraint("hash", name="pk_content_versions"),
    )
    op.create_table(
        "sessions",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("manager_id", sa.String(32), nullable=False),
        sa.Column("scenario_id", sa.String(120), nullable=False),
        sa.Column("scenario_hash", sa.String(64), nullable=False),
        sa.Column("rubric_id", sa.String(120), nullable=False),
        sa.Column("rubric_hash", sa.String(64), nullable=False),
        sa.Column("mode", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("engine", sa.String(32), nullable=False),
        sa.Column("started_at", TIMESTAMP, nullable=False),
        sa.Column("finished_at", TIMESTAMP, nullable=True),
        sa.Column("scorecard", JSON, nullable=True),
        sa.CheckConstraint("mode IN ('drill', 'certification')", name="ck_sessions_mode"),
        sa.CheckConstraint("status IN ('active', 'finished')", name="ck_sessions_status"),
        sa.ForeignKeyConstraint(
            ["manager_id"], ["managers.id"], name="fk_sessions_manager_id_managers"
        ),
        sa.ForeignKeyConstraint(
            ["scenario_hash"],
            ["content_versions.hash"],
            name="fk_sessions_scenario_hash_content_versions",
        ),
        sa.ForeignKeyConstraint(
            ["rubric_hash"],
            ["content_versions.hash"],
            name="fk_sessions_rubric_hash_content_versions",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_sessions"),
    )
    op.create_index("ix_sessions_manager_started", "sessions", ["manager_id", "started_at"])
    op.create_table(
        "turns",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("session_id", sa.String(32), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("speaker", sa.String(8), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("act", sa.String(32), nullable=True),
        sa.Column("units", JSON, nullable=True),
        sa.Column("decision", JSON, nullable=True),
        sa.Column("engine_meta", JSON, nullable=True),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.CheckConstraint("speaker IN ('coach', 'rep')", name="ck_turns_speaker"),
        sa.CheckConstraint("seq >= 1", name="ck_turns_seq_positive"),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name="fk_turns_session_id_sessions",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_turns"),
        sa.UniqueConstraint("session_id", "seq", name="uq_turns_session_seq"),
    )


def downgrade() -> None:
    op.drop_table("turns")
    op.drop_index("ix_sessions_manager_started", table_name="sessions")
    op.drop_table("sessions")
    op.drop_table("content_versions")
    op.drop_table("managers")
