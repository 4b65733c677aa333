"""Descriptions, pronouns and counted groups resolved to actors, with the real spaCy
pipeline, each on sentences of our own: "the army", "the attackers", "the group" that
moves on, "the two countries", "it" that is never a person."""

from __future__ import annotations

import pytest
from test_extract_news import edges

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "edge"),
    [
        # "the army", "the troops": the article's country, not the armed group named last
        (
            "Boko Haram has fought in northeast Nigeria for years. "
            "The group ambushed the army near Maiduguri on Monday.",
            ("boko-haram", "opposes", "nigeria"),
        ),
        (
            "Boko Haram has fought in Nigeria for years. "
            "On Monday the group ambushed the troops near Maiduguri.",
            ("boko-haram", "opposes", "nigeria"),
        ),
        # "the attackers": the side that attacked, else the armed group named last
        (
            "Boko Haram gunmen raided a village in Borno state on Sunday. "
            "Nigerian jets later bombed the attackers.",
            ("nigeria", "opposes", "boko-haram"),
        ),
        (
            "Boko Haram fighters raided a village in Borno state on Sunday. "
            "Nigerian jets later bombed the assailants in the forest.",
            ("nigeria", "opposes", "boko-haram"),
        ),
        # a bare "the group" moves on to the group the last sentences are about
        (
            "ISWAP attacked a base in Borno on Monday. The group said it killed 14 soldiers. "
            "Boko Haram killed 20 fishermen in Borno. The group later attacked Cameroon.",
            ("boko-haram", "opposes", "cameroon"),
        ),
        # "the two countries": the pair named together, not the last two states named
        (
            "Armenia and Azerbaijan signed a deal in Washington. Ilham Aliyev thanked the "
            "United States. The two countries fought a war in 2020.",
            ("azerbaijan", "opposes", "armenia"),
        ),
        # "fighters of X" as subject makes X the subject "it" points back at
        (
            "Members of Hezbollah met leaders of Amal in Beirut. It later attacked Israel.",
            ("hezbollah", "opposes", "israel"),
        ),
        # "it" is never the person who speaks
        (
            "Vladimir Putin praised Russia's army. He said it would keep fighting Ukraine.",
            ("russia", "opposes", "ukraine"),
        ),
    ],
)
def test_resolved(text: str, edge: tuple[str, str, str]) -> None:
    assert edge in edges(text)


@pytest.mark.parametrize(
    ("text", "edge"),
    [
        # "the government of President X" names whose it is: no earlier actor
        (
            "Ashraf Ghani fled Kabul. The Taliban toppled the Western-backed government of "
            "President Ashraf Ghani.",
            ("taliban", "opposes", "afghanistan"),
        ),
        (
            "Armenia and Azerbaijan signed a deal in Washington. Ilham Aliyev thanked the "
            "United States. The two countries fought a war in 2020.",
            ("azerbaijan", "opposes", "united-states"),
        ),
    ],
)
def test_not_resolved(text: str, edge: tuple[str, str, str]) -> None:
    assert edge not in edges(text)
