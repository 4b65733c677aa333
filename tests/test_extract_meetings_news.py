"""Meetings as news words them, with the real spaCy pipeline, each on a sentence of our own:
delegations and their heads, chairs and brokers, handshakes, convened meetings."""

from __future__ import annotations

import pytest
from test_extract_news import edges

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "edge"),
    [
        # the heads of two delegations that sat down together meet
        (
            "A Kenyan delegation led by President William Ruto sat down with a South "
            "Sudanese team headed by Salva Kiir.",
            ("william-ruto", "meets_with", "salva-kiir"),
        ),
        # whoever chairs the meeting meets the heads of the delegations told before
        (
            "An Algerian delegation led by Ahmed Attaf sat down with a Tunisian team headed "
            "by Kais Saied. Moroccan Foreign Minister Nasser Bourita chaired the meeting.",
            ("nasser-bourita", "meets_with", "ahmed-attaf"),
        ),
        # delegations named only by their heads are the bodies their titles name
        (
            "Delegations led by Algerian Foreign Minister Ahmed Attaf and his Moroccan "
            "counterpart Nasser Bourita met in Geneva.",
            ("algeria", "meets_with", "morocco"),
        ),
        # "for the TPLF" hung on the first noun speaks for the nearest one
        (
            "Ethiopian officials and negotiators for the TPLF arrived in Nairobi for talks.",
            ("ethiopia", "meets_with", "tplf"),
        ),
        # "between" hung on the verb after the meeting is the meeting's
        (
            "Kenya convened a meeting last month between Salva Kiir and his rival Riek Machar.",
            ("salva-kiir", "meets_with", "riek-machar"),
        ),
        # a handshake is a meeting, between the subjects or with the "with"
        (
            "Salva Kiir and Riek Machar were seen shaking hands in Juba.",
            ("salva-kiir", "meets_with", "riek-machar"),
        ),
        (
            "Kenyan President William Ruto shook hands with Salva Kiir on Monday.",
            ("william-ruto", "meets_with", "salva-kiir"),
        ),
        # ministers and chiefs sit at the table for their states
        (
            "Tanzanian and Mozambican police chiefs met in Mtwara last month.",
            ("tanzania", "meets_with", "mozambique"),
        ),
        (
            "Kenya and Uganda said their foreign ministers held two days of talks in Nairobi.",
            ("kenya", "meets_with", "uganda"),
        ),
    ],
)
def test_meetings_in_news_draw_the_edge(text: str, edge: tuple[str, str, str]) -> None:
    assert edge in edges(text)


@pytest.mark.parametrize(
    ("text", "edge"),
    [
        # the head of a delegation sits beside his own state, he does not meet it
        (
            "Delegations led by Algerian Foreign Minister Ahmed Attaf and his Moroccan "
            "counterpart Nasser Bourita met in Geneva.",
            ("ahmed-attaf", "meets_with", "algeria"),
        ),
        # whoever convenes a meeting between others is not said to sit at it
        (
            "Kenya convened a meeting last month between Salva Kiir and his rival Riek Machar.",
            ("kenya", "meets_with", "salva-kiir"),
        ),
    ],
)
def test_meetings_in_news_keep_the_wrong_edge_out(text: str, edge: tuple[str, str, str]) -> None:
    assert edge not in edges(text)
