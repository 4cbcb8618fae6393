"""The signed identity cookie: what it names, and that tampering names nobody."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.services.identity import Identity, InvalidNameError, Manager, clean_display_name
from app.storage import Database


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    """A database the cookie checks never touch (only create and rename do)."""
    db = Database(f"sqlite:///{tmp_path / 'unused.db'}")
    yield db
    db.close()


@pytest.fixture
def identity(database: Database) -> Identity:
    return Identity(database, "a-test-secret")


def test_a_cookie_names_the_manager_it_was_issued_for(identity: Identity) -> None:
    manager = Manager("abc123", "Dana Kim")
    assert identity.from_cookie(identity.cookie_value(manager)) == manager
    guest = Manager("def456", None)
    assert identity.from_cookie(identity.cookie_value(guest)) == guest


def test_a_tampered_or_foreign_cookie_names_nobody(identity: Identity, database: Database) -> None:
    value = identity.cookie_value(Manager("abc123", "Dana"))
    assert identity.from_cookie(value[:-2] + ("A" if value[-2] != "A" else "B") + value[-1]) is None
    assert identity.from_cookie("not-a-cookie") is None
    assert identity.from_cookie("") is None
    assert identity.from_cookie(None) is None
    other = Identity(database, "another-secret")
    assert other.from_cookie(value) is None


def test_a_signed_value_that_is_not_a_manager_names_nobody(identity: Identity) -> None:
    signer = identity._serializer  # what a leaked-but-valid signature over junk looks like
    assert identity.from_cookie(signer.dumps(["abc123"])) is None
    assert identity.from_cookie(signer.dumps({"id": 7, "name": "x"})) is None


def test_display_names_are_tidied_and_bounded() -> None:
    assert clean_display_name("  Dana \n Kim ") == "Dana Kim"
    with pytest.raises(InvalidNameError, match="enter a display name"):
        clean_display_name(" \t ")
    with pytest.raises(InvalidNameError, match="80 characters"):
        clean_display_name("x" * 81)


def test_a_manager_without_a_name_is_shown_as_a_guest() -> None:
    assert Manager("abc", None).label == "Guest"
    assert Manager("abc", "Dana").label == "Dana"
