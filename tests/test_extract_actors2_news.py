"""Who a mention is, in news language, with the real spaCy pipeline, each on sentences of
our own: names with a possessive inside, acronyms given to new actors, descriptions
that repeat a word of a body's own name, and names given in apposition."""

from __future__ import annotations

import pytest
from test_extract_news import edges

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "edge"),
    [
        # a possessive that is no actor's name is part of the name
        (
            "The Sudan People's Liberation Movement-North shelled the army in Kadugli.",
            ("splm-n", "opposes", "saf"),
        ),
        (
            "Fighters of the New People's Army ambushed Philippine soldiers on Mindanao.",
            ("new-peoples-army", "opposes", "philippines"),
        ),
    ],
)
def test_a_name_with_a_possessive_inside_is_found(text: str, edge: tuple[str, str, str]) -> None:
    assert edge in edges(text)


def test_a_new_actor_found_by_its_head_word_defines_its_acronym() -> None:
    found = edges(
        "The Free Officers Front (FOF) said it had seized a border post. "
        "Officials say the FOF is backed by Belarus."
    )
    assert ("belarus", "backs", "x-free-officers-front") in found
    assert not any("x-fof" in (s, o) for s, _, o in found)


@pytest.mark.parametrize(
    ("text", "edge"),
    [
        # "the force" repeats a word of the one body named lately with it in its name
        (
            "The United Nations Interim Force in Lebanon reported new incursions. "
            "The force condemned Israel for bulldozing farmland near its posts.",
            ("unifil", "opposes", "israel"),
        ),
        # "the coalition": the coalition named before, not the last organisation
        (
            "The Viv Ansanm coalition seized a town near the capital. The UN Integrated "
            "Office in Haiti condemned the violence. On Monday the coalition attacked "
            "Kenyan police.",
            ("viv-ansanm", "opposes", "kenya"),
        ),
    ],
)
def test_a_description_repeating_a_name_word_is_that_body(
    text: str, edge: tuple[str, str, str]
) -> None:
    assert edge in edges(text)


def test_a_description_two_bodies_share_points_at_neither() -> None:
    found = edges(
        "The Gang Suppression Force and the United Nations Interim Force in Lebanon both "
        "asked for funds. On Monday the force attacked Kenyan police."
    )
    assert not any(o == "kenya" for _, _, o in found)


@pytest.mark.parametrize(
    ("text", "edge", "not_edge"),
    [
        (
            "The African Union force in Somalia, AUSSOM, launched an offensive against al-Shabaab.",
            ("aussom", "opposes", "al-shabaab"),
            ("african-union", "opposes", "al-shabaab"),
        ),
        (
            "The UN peacekeeping force in Congo, MONUSCO, said M23 rebels had attacked its base.",
            ("m23", "opposes", "monusco"),
            ("m23", "opposes", "united-nations"),
        ),
    ],
)
def test_a_body_named_in_apposition_acts_for_the_description(
    text: str, edge: tuple[str, str, str], not_edge: tuple[str, str, str]
) -> None:
    found = edges(text)
    assert edge in found
    assert not_edge not in found


_BETWEEN = (
    "Egypt, Saudi Arabia and the United Arab Emirates met in Riyadh on Monday. Turkey and "
    "Iraq also held talks with Iran on trade. Oman and Kuwait sent envoys to Baghdad. "
)


def test_rebels_far_from_the_one_group_named_in_passing_are_an_actor_of_their_own() -> None:
    found = edges(
        "Jordan said the Islamic State group was regrouping in the desert. "
        + _BETWEEN
        + "Qatar had for years backed the rebels who fought to topple Bashar al-Assad."
    )
    assert ("qatar", "backs", "x-rebels") in found
    assert ("qatar", "backs", "islamic-state") not in found
    assert ("islamic-state", "opposes", "assad") not in found


def test_the_group_far_back_is_the_group_the_article_keeps_naming() -> None:
    found = edges(
        "Hezbollah fired rockets at Israel on Monday. Hezbollah said it would keep fighting. "
        + _BETWEEN
        + "Qatar has long funded the group."
    )
    assert ("qatar", "backs", "hezbollah") in found


def test_a_surname_alone_is_the_one_person_of_the_article_with_that_name() -> None:
    found = edges(
        "Malawian Defence Minister Chimwemwe Kalonga Banda toured the border. "
        "Banda later met Mozambican President Daniel Chapo in Maputo."
    )
    assert ("x-chimwemwe-kalonga-banda", "meets_with", "daniel-chapo") in found


def test_a_surname_two_people_share_is_neither() -> None:
    found = edges(
        "Zambian envoy Peter Mwale Banda and Malawian general Joyce Chisale Banda met in "
        "Lusaka. Banda later met Mozambican President Daniel Chapo in Maputo."
    )
    assert not any(o == "daniel-chapo" and s.startswith("x-") for s, _, o in found)


def test_a_form_of_address_makes_a_person() -> None:
    found = edges("Mr. Nkosi, a South African diplomat, met Rwandan President Paul Kagame.")
    assert ("paul-kagame", "meets_with", "x-nkosi") in found


def test_a_description_after_a_country_adjective_means_that_country_s_actor() -> None:
    found = edges(
        "Chad closed its border after Sudanese paramilitaries shelled a camp near Adre. "
        "Chad condemned the attack by the Sudanese paramilitaries."
    )
    assert ("chad", "opposes", "rsf") in found
    assert not any("x-sudanese" in s or "x-sudanese" in o for s, _, o in found)


def test_the_junta_is_the_one_state_named_lately_that_has_one() -> None:
    text = "{} ordered French troops out in 2022. The junta later condemned Algeria."
    assert ("niger", "opposes", "algeria") in edges(text.format("Niger"))
    both = edges(text.format("Niger and Mali"))
    assert not any(o == "algeria" for _, _, o in both)
