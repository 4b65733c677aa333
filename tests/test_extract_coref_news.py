"""Who a mention is, in news language, with the real spaCy pipeline, each on sentences of
our own: acronyms an article defines in brackets, ..."""

from __future__ import annotations

import pytest
from test_extract_news import edges

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "edge"),
    [
        # an acronym given in brackets names the actor in later paragraphs
        (
            "The Arakan Army (AA) seized another town in Rakhine state.\n\n"
            "China held talks with the AA on Friday.",
            ("china", "meets_with", "arakan-army"),
        ),
        # ... and inside a noun phrase ("AA fighters")
        (
            "The Arakan Army (AA) took the port last week.\n\n"
            "On Sunday AA fighters attacked the military in Sittwe.",
            ("arakan-army", "opposes", "myanmar-junta"),
        ),
        # ... and for an actor the gazetteer does not know
        (
            "The Karenni Liberation Front (KLF) said it had fought the junta.\n\n"
            "Thailand later held talks with the KLF in Bangkok.",
            ("thailand", "meets_with", "x-karenni-liberation-front"),
        ),
    ],
)
def test_a_bracketed_acronym_names_its_actor(text: str, edge: tuple[str, str, str]) -> None:
    assert edge in edges(text)


def test_letters_that_are_not_the_names_initials_define_nothing() -> None:
    found = edges("The Arakan Army (NUG) seized a town.\n\nChina held talks with the NUG.")
    assert ("china", "meets_with", "nug") in found
    assert ("china", "meets_with", "arakan-army") not in found


_HAMAS = "Hamas has ruled Gaza since 2007. The group fired rockets at Israel on Monday.\n\n"


def test_a_group_whose_officer_spoke_is_the_group_after() -> None:
    """ "X, a spokesman for the Y militia, said ...": Y is what "the group" is now about."""
    found = edges(
        _HAMAS + "Abu Ali al-Askari, a spokesman for the Kataib Hezbollah militia, said in a "
        "statement that Iraq must expel foreign forces.\n\n"
        "On Tuesday the group threatened to attack the United States."
    )
    assert ("kataib-hezbollah", "opposes", "united-states") in found
    assert ("hamas", "opposes", "united-states") not in found


def test_a_group_a_speaker_only_visited_is_not() -> None:
    found = edges(
        _HAMAS + "Abu Ali al-Askari, who visited the Kataib Hezbollah militia, said the "
        "fighters were ready.\n\nOn Tuesday the group threatened to attack the United States."
    )
    assert ("hamas", "opposes", "united-states") in found


@pytest.mark.parametrize(
    ("text", "edge"),
    [
        # a state's office with the state named: the person the article gave it
        (
            "Saudi Foreign Minister Faisal bin Farhan arrived in Tehran on Monday.\n\n"
            "The Saudi foreign minister met Iranian President Masoud Pezeshkian.",
            ("faisal-bin-farhan", "meets_with", "masoud-pezeshkian"),
        ),
        # ... the latest holder of the two offices named
        (
            "Iranian President Masoud Pezeshkian spoke with French President Emmanuel Macron "
            "on Monday.\n\nThe Iranian president later met Saudi Crown Prince Mohammed bin "
            "Salman.",
            ("masoud-pezeshkian", "meets_with", "mohammed-bin-salman"),
        ),
        # with no state named, the one person the article gave the office
        (
            "Iranian President Masoud Pezeshkian flew to Riyadh on Monday.\n\n"
            "The president later held talks with Saudi Crown Prince Mohammed bin Salman.",
            ("masoud-pezeshkian", "meets_with", "mohammed-bin-salman"),
        ),
    ],
)
def test_an_unnamed_title_is_the_person_given_it(text: str, edge: tuple[str, str, str]) -> None:
    assert edge in edges(text)


@pytest.mark.parametrize(
    "text",
    [
        # two presidents named: a bare "the president" is neither
        "Iranian President Masoud Pezeshkian spoke with French President Emmanuel Macron on "
        "Monday.\n\nThe president later met Saudi Crown Prince Mohammed bin Salman.",
        # a former holder is someone else
        "Egyptian President Abdel Fattah al-Sisi spoke on Monday.\n\n"
        "The former president met Saudi Crown Prince Mohammed bin Salman.",
    ],
)
def test_an_unnamed_title_that_points_at_no_one(text: str) -> None:
    assert not any("mohammed-bin-salman" in (s, o) for s, t, o in edges(text) if t == "meets_with")


@pytest.mark.parametrize(
    ("text", "edge"),
    [
        # the body in a subject's title is what "the alliance" is about, not a place
        # named after it
        (
            "Russia launched new strikes on Kyiv overnight.\n\nNATO Secretary General Mark "
            "Rutte, speaking in Brussels, said the alliance would keep supplying weapons to "
            "Ukraine.",
            ("nato", "backs", "ukraine"),
        ),
        # "the mission in X, NAME, has ...": the name the parser hung on the place is the
        # subject, so "its head" is its
        (
            "Fighting flared again near Bangui on Sunday.\n\nThe U.N. peacekeeping mission in "
            "the Central African Republic, MINUSCA, has about 14,000 troops in the country. "
            "Its head, Valentine Rugwabiza, said the mission would protect civilians.",
            ("x-valentine-rugwabiza", "leads", "minusca"),
        ),
    ],
)
def test_a_subjects_body_is_a_subject(text: str, edge: tuple[str, str, str]) -> None:
    assert edge in edges(text)


def test_those_sent_to_fight_a_description_are_not_it() -> None:
    """ "bringing in mercenaries from the Wagner Group to fight the jihadists": the
    jihadists are the armed group named before, not Wagner."""
    found = edges(
        "Iyad Ag Ghaly founded JNIM in 2017.\n\nMali later turned to Russia, bringing in "
        "mercenaries from the Wagner Group to fight the jihadists."
    )
    assert ("mali", "opposes", "wagner-group") not in found
    assert ("mali", "opposes", "jnim") in found


def test_the_world_body_is_the_united_nations() -> None:
    found = edges("Israel struck Gaza on Monday. The world body condemned the Israeli strikes.")
    assert ("united-nations", "opposes", "israel") in found
