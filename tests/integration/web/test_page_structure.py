"""Every page has the landmarks, headings and labels assistive technology relies on."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

from tests.integration.web.conftest import SCENARIO, STREAM, start


class Structure(HTMLParser):
    """Collects landmarks, headings, form controls and labels from a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.label_for: set[str] = set()
        self.controls: list[dict[str, str | None]] = []
        self.open_labels = 0
        self.unlabelled_in_label: list[str] = []
        self.navs: list[str | None] = []
        self.svgs: list[dict[str, str | None]] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append(tag)
        if a.get("id"):
            self.ids.append(str(a["id"]))
        if tag == "label":
            self.open_labels += 1
            if a.get("for"):
                self.label_for.add(str(a["for"]))
        elif tag in ("input", "select", "textarea") and a.get("type") != "hidden":
            self.controls.append({**a, "in_label": "yes" if self.open_labels else None})
        elif tag == "nav":
            self.navs.append(a.get("aria-label"))
        elif tag == "svg":
            self.svgs.append(a)

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self.open_labels -= 1


def pages(client: TestClient) -> dict[str, str]:
    session_id = start(client)
    client.post(f"/sessions/{session_id}/turns", data={"text": "What's going on?"}, headers=STREAM)
    practice = client.get(f"/sessions/{session_id}").text
    client.post(f"/sessions/{session_id}/finish")
    return {
        "catalog": client.get("/").text,
        "briefing": client.get(f"/scenarios/{SCENARIO}").text,
        "welcome": client.get("/welcome").text,
        "practice": practice,
        "scorecard": client.get(f"/sessions/{session_id}/scorecard").text,
        "history": client.get("/history").text,
        "not found": client.get("/sessions/nope").text,
    }


@pytest.fixture
def all_pages(client: TestClient) -> dict[str, str]:
    return pages(client)


def test_every_page_has_one_main_one_h1_and_named_navigation(all_pages: dict[str, str]) -> None:
    for name, html in all_pages.items():
        page = Structure()
        page.feed(html)
        assert page.tags.count("main") == 1, name
        assert page.tags.count("h1") == 1, name
        assert "header" in page.tags, name
        assert "footer" in page.tags, name
        assert all(page.navs), f"{name}: every <nav> needs an aria-label"
        assert 'lang="en"' in html, name
        assert 'href="#main"' in html, name  # skip link


def test_every_form_control_has_a_label(all_pages: dict[str, str]) -> None:
    for name, html in all_pages.items():
        page = Structure()
        page.feed(html)
        for control in page.controls:
            labelled = (
                control.get("in_label")
                or control.get("aria-label")
                or (control.get("id") and control["id"] in page.label_for)
            )
            assert labelled, f"{name}: unlabelled control {control}"


def test_ids_are_unique_and_charts_are_described(all_pages: dict[str, str]) -> None:
    for name, html in all_pages.items():
        page = Structure()
        page.feed(html)
        duplicates = {i for i in page.ids if page.ids.count(i) > 1}
        assert not duplicates, f"{name}: duplicate ids {duplicates}"
        for svg in page.svgs:
            assert svg.get("aria-hidden") == "true" or (
                svg.get("role") == "img" and svg.get("aria-labelledby")
            ), f"{name}: an svg neither hidden nor described"
