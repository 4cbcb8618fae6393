"""Reading a server's Retry-After, and the backoff used when it gives none."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from app.engines.faults import RetryPolicy, retry_after


@pytest.mark.parametrize(
    ("headers", "seconds"),
    [
        ({"retry-after": "3"}, 3.0),
        ({"retry-after": "1.5"}, 1.5),
        ({"retry-after-ms": "250", "retry-after": "9"}, 0.25),
        ({"retry-after": "soon"}, None),
        ({"retry-after": "-4"}, None),
        ({}, None),
    ],
)
def test_retry_after_in_seconds_or_milliseconds(
    headers: dict[str, str], seconds: float | None
) -> None:
    assert retry_after(headers) == seconds


def test_retry_after_as_an_http_date() -> None:
    later = datetime.now(UTC) + timedelta(seconds=90)

    wait = retry_after({"retry-after": format_datetime(later, usegmt=True)})

    assert wait is not None
    assert 85 <= wait <= 90


def test_backoff_doubles_up_to_its_cap() -> None:
    policy = RetryPolicy(base_delay=0.5, max_delay=3.0)

    assert [policy.backoff(n) for n in range(1, 6)] == [0.5, 1.0, 2.0, 3.0, 3.0]
