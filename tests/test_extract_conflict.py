"""Conflict language with the real spaCy pipeline, each on a sentence of our own: wars
fought by both sides, pitted rivals, expulsions, loyal forces, designations."""

from __future__ import annotations

import pytest
from test_extract_news import edges

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "edge"),
    [
        # victims who fell in someone's strike, or were wounded in it
        (
            "Two Iraqi soldiers were killed and five others wounded in a Turkish drone strike.",
            ("turkey", "opposes", "iraq"),
        ),
        ("Hamas gunmen wounded two Israeli soldiers.", ("hamas", "opposes", "israel")),
        # loyalists back the one they are loyal to
        (
            "Loyalists of Bashar al-Assad ambushed a patrol near Latakia.",
            ("assad-loyalists", "backs", "assad"),
        ),
        # the hyphened pair before a war names both its sides, before strikes both attackers
        ("The Israel-Hamas war has killed thousands.", ("hamas", "opposes", "israel")),
        (
            "The US-Israeli strikes on Iran destroyed the site.",
            ("united-states", "opposes", "iran"),
        ),
        # fighting that lasts is a war: both sides fight
        (
            "The Taliban, who have fought the Islamic State since 2015, control Afghanistan.",
            ("islamic-state", "opposes", "taliban"),
        ),
        (
            "Hamas fought Israeli troops from 2014 until Egypt brokered a truce.",
            ("israel", "opposes", "hamas"),
        ),
        # "pitted X against Y": the object and the "against" fight each other
        (
            "The battle pitted Hezbollah, which is backed by Iran, against the Israeli army.",
            ("hezbollah", "opposes", "israel"),
        ),
        (
            "The battle pitted Hezbollah, which is backed by Iran, against the Israeli army.",
            ("israel", "opposes", "hezbollah"),
        ),
        # an expulsion, with its particle
        (
            "Hamas seized the town and forced out Mahmoud Abbas.",
            ("hamas", "opposes", "mahmoud-abbas"),
        ),
        # a force no name owns acts for whom it is loyal to
        (
            "Troops loyal to President Salva Kiir launched an assault on the SPLA-IO.",
            ("salva-kiir", "opposes", "splm-io"),
        ),
        # "as terrorist organisations" hung on the relative clause's noun
        (
            "Germany, which designated Hamas and another group, Hezbollah, as terrorist "
            "organisations in 2023, has pledged money.",
            ("germany", "opposes", "hezbollah"),
        ),
        # a stance after a semicolon does not reach back
        (
            "Hamas fought Israeli troops until 2014; Iranian advisers were accused of abuses, "
            "accusations Tehran has always rejected.",
            ("hamas", "opposes", "israel"),
        ),
    ],
)
def test_conflict_edge(text: str, edge: tuple[str, str, str]) -> None:
    assert edge in edges(text)


@pytest.mark.parametrize(
    ("text", "edge"),
    [
        # fighting with no span of time stays one-way
        (
            "The coalition of France and Britain fought the Islamic State in Raqqa.",
            ("islamic-state", "opposes", "france"),
        ),
        # "forced" without "out" is no expulsion
        (
            "Hamas forced Mahmoud Abbas to call new elections.",
            ("hamas", "opposes", "mahmoud-abbas"),
        ),
    ],
)
def test_no_conflict_edge(text: str, edge: tuple[str, str, str]) -> None:
    assert edge not in edges(text)
