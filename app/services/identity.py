"""Who is practising: a manager, identified for now by a display name in a signed cookie.

The cookie carries the manager's id and display name, signed with the app's secret key,
so a request needs no database read to know who is asking. Every manager also has a row
in `managers`, and sessions point at it: real accounts (a login that yields the same
manager id) replace the cookie without touching sessions or scorecards.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import Connection

from app.storage import Database
from app.storage import repository as repo

COOKIE_NAME = "coachsim_manager"
COOKIE_MAX_AGE = 60 * 60 * 24 * 365
MAX_NAME_CHARS = 80
_SALT = "coachsim.manager.v1"
VERIFIED_CACHE_SIZE = 10_000


@dataclass(frozen=True, slots=True)
class Manager:
    """The manager making a request."""

    id: str
    display_name: str | None

    @property
    def label(self) -> str:
        """How to address the manager on screen."""
        return self.display_name or "Guest"


class InvalidNameError(ValueError):
    """A display name that is empty or too long; the message is fit to show."""


def clean_display_name(name: str) -> str:
    """The name with runs of whitespace collapsed; InvalidNameError when empty or too long."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidNameError("enter a display name")
    if len(cleaned) > MAX_NAME_CHARS:
        raise InvalidNameError(f"keep the display name to {MAX_NAME_CHARS} characters")
    return cleaned


class Identity:
    """Creates managers and reads and writes the signed cookie that names them."""

    def __init__(self, db: Database, secret_key: str) -> None:
        self._db = db
        self._serializer = URLSafeSerializer(secret_key, salt=_SALT)
        # Cookie values already verified: the value is the signed text itself, so a hit
        # is as trustworthy as checking the signature again, and skips an HMAC per request.
        self._verified: dict[str, Manager] = {}

    def from_cookie(self, value: str | None) -> Manager | None:
        """The manager a cookie names, or None when it is missing, forged or malformed."""
        if not value:
            return None
        known = self._verified.get(value)
        if known is not None:
            return known
        manager = self._verify(value)
        if manager is not None:
            if len(self._verified) >= VERIFIED_CACHE_SIZE:
                self._verified.clear()
            self._verified[value] = manager
        return manager

    def _verify(self, value: str) -> Manager | None:
        try:
            data: Any = self._serializer.loads(value)
        except BadSignature:
            return None
        if not isinstance(data, dict):
            return None
        manager_id, name = data.get("id"), data.get("name")
        if not isinstance(manager_id, str) or not (name is None or isinstance(name, str)):
            return None
        return Manager(manager_id, name)

    def cookie_value(self, manager: Manager) -> str:
        """The signed cookie value naming this manager."""
        return self._serializer.dumps({"id": manager.id, "name": manager.display_name})

    async def create(self, display_name: str | None = None) -> Manager:
        """A new manager, saved; pass no name for a guest who has not introduced themselves."""
        name = clean_display_name(display_name) if display_name is not None else None
        manager = Manager(uuid.uuid4().hex, name)
        await self._db.run(repo.create_manager, manager.id, manager.display_name)
        return manager

    async def rename(self, manager: Manager, display_name: str) -> Manager:
        """The same manager under a new display name (saved; recreated if the row is gone)."""
        renamed = Manager(manager.id, clean_display_name(display_name))
        await self._db.run(_save_name, renamed)
        return renamed


def _save_name(connection: Connection, manager: Manager) -> None:
    if not repo.rename_manager(connection, manager.id, manager.display_name or ""):
        repo.ensure_manager(connection, manager.id, manager.display_name)
