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
