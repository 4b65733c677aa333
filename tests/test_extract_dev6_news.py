"""News-language mechanisms met on real news (dev6), each on a sentence of our own:
envoys posted to another body, ..."""

from __future__ import annotations

import pytest

from tests.test_extract_news import edges

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "edge"),
    [
        # "ambassador to X": X is where the office is held, the owner is read further left
        (
            "Kenyan envoy to the African Union Joseph Mwangi said talks would resume.",
            ("x-joseph-mwangi", "member_of", "kenya"),
        ),
        (
            "Speaking on Friday, Ghanaian ambassador to the United Nations Harold Agyeman "
            "rejected the report.",
            ("x-harold-agyeman", "member_of", "ghana"),
        ),
    ],
)
def test_edge_found(text: str, edge: tuple[str, str, str]) -> None:
    assert edge in edges(text)


@pytest.mark.parametrize(
    ("text", "edge"),
    [
        (
            "Ghanaian ambassador to the United Nations Harold Agyeman rejected the report.",
            ("x-harold-agyeman", "member_of", "united-nations"),
        ),
    ],
)
def test_edge_not_found(text: str, edge: tuple[str, str, str]) -> None:
    assert edge not in edges(text)
