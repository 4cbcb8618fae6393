"""Alembic migrations of the Coachsim schema (run by app.storage.migrate)."""
