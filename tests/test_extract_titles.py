"""Titles and offices with the real spaCy pipeline, each on a sentence of our own: who
leads a body and who is one of its members, as a title or an apposition says."""

from __future__ import annotations

import pytest
from test_extract_news import edges

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "edge"),
    [
        # a director general heads the agency, a director is one of its officers
        (
            "Amy Pope, director general of the International Organization for Migration, "
            "warned of hunger.",
            ("amy-pope", "leads", "iom"),
        ),
        # an adviser to a leader is in the body the leader heads
        (
            "Ahmad Vahidi, a senior adviser to Iranian President Masoud Pezeshkian, "
            "arrived in Baghdad.",
            ("ahmad-vahidi", "member_of", "iran"),
        ),
        # a group's own commander heads it; a state's is one of its officers
        (
            "Hezbollah's commander, Ibrahim Aqil, was killed.",
            ("ibrahim-aqil", "leads", "hezbollah"),
        ),
        (
            "Russia's commander in Ukraine, Valery Gerasimov, visited troops.",
            ("valery-gerasimov", "member_of", "russia"),
        ),
        # a clerical rank after a state office only qualifies it
        (
            "Supreme Leader Ayatollah Ali Khamenei spoke to students on Tuesday.",
            ("ali-khamenei", "leads", "iran"),
        ),
        # "named X as head": the one named holds the office, not the one naming
        (
            "Hezbollah's council named Naim Qassem as the head of Hezbollah in October.",
            ("naim-qassem", "leads", "hezbollah"),
        ),
        # a word naming the area an office covers stands between the body and the title
        (
            "Somali Information Minister Daud Aweis said the army was ready.",
            ("x-daud-aweis", "member_of", "somalia"),
        ),
        (
            "EU trade chief Maros Sefcovic flew to Beijing.",
            ("x-maros-sefcovic", "member_of", "european-union"),
        ),
        # the chief of a state's police is one of its officers
        (
            "Kenyan police chief Douglas Kanja flew to Haiti.",
            ("x-douglas-kanja", "member_of", "kenya"),
        ),
        # a title coordinated with an apposition is set beside the same name
        (
            "Mahmoud Khalil, a lawyer and a senior official of Hamas, was arrested.",
            ("x-mahmoud-khalil", "member_of", "hamas"),
        ),
        (
            "Abu Ahmed, Assad's cousin and the Syrian army's deputy commander, flew to Riyadh.",
            ("x-abu-ahmed", "member_of", "syrian-government"),
        ),
        # "whose Council chairman": the council is the antecedent's, and so is the office
        (
            "The Arab League, whose Council chairman Ahmed Aboul Gheit visited Gaza, urged "
            "a truce.",
            ("ahmed-aboul-gheit", "leads", "arab-league"),
        ),
    ],
)
def test_titles_draw_the_edge(text: str, edge: tuple[str, str, str]) -> None:
    assert edge in edges(text)


@pytest.mark.parametrize(
    ("text", "edge"),
    [
        # an office of a place the gazetteer does not know is not the article's country's
        (
            "Ukraine's army said it repelled Russian forces near Kharkiv. Ukrainian troops "
            "held the line. Kosovo President Vjosa Osmani condemned the shelling.",
            ("x-vjosa-osmani", "leads", "ukraine"),
        ),
        (
            "Somali troops retook two towns from al-Shabaab. Somalia's government said the "
            "offensive would continue. Haiti's Prime Minister Garry Conille condemned it.",
            ("x-garry-conille", "leads", "somalia"),
        ),
        (
            "EU trade chief Maros Sefcovic flew to Beijing.",
            ("x-maros-sefcovic", "leads", "european-union"),
        ),
        (
            "Kenyan police chief Douglas Kanja flew to Haiti.",
            ("x-douglas-kanja", "leads", "kenya"),
        ),
        (
            "The Arab League, whose Council chairman Ahmed Aboul Gheit visited Gaza, urged "
            "a truce.",
            ("ahmed-aboul-gheit", "leads", "x-council"),
        ),
        # a body noun's own name is the described body, not its owner
        (
            "The United Nations Assistance Mission in Somalia (UNSOM) urged calm.",
            ("x-unsom", "member_of", "x-assistance-mission"),
        ),
    ],
)
def test_titles_keep_the_wrong_edge_out(text: str, edge: tuple[str, str, str]) -> None:
    assert edge not in edges(text)


def test_a_title_reaches_a_known_surname_through_a_given_name_spelled_otherwise() -> None:
    text = "The Ukrainian team in Geneva included Deputy Foreign Minister Sergei Kyslytsya."
    assert ("serhiy-kyslytsya", "member_of", "ukraine") in edges(text)
