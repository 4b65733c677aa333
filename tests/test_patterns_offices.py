"""Offices and bodies on hand-built parses: who holds a title, and which body a body
belongs to, when the parser attaches the words loosely (see tests/test_patterns.py for
the ``word/POS/dep/head[/tag]`` notation)."""

from __future__ import annotations

from test_patterns import extract


def _pairs(spec: str, **kwargs) -> set[tuple[str, str, str]]:
    return {(s, r, o) for s, r, o, p, m in extract(spec, **kwargs) if p == "positive"}


def test_an_appositive_body_title_describes_the_nearest_name() -> None:
    # "the chief of the Mossad, Israel's intelligence agency": the apposition is hung on
    # "chief", but it is the Mossad that is Israel's agency.
    pairs = _pairs(
        "The/DET/det/1 chief/NOUN/nsubj/11 of/ADP/prep/1 the/DET/det/4 Mossad/PROPN/pobj/2 "
        ",/PUNCT/punct/1 Israel/PROPN/poss/9 's/PART/case/6/POS "
        "intelligence/NOUN/compound/9 agency/NOUN/appos/1 ,/PUNCT/punct/1 "
        "resigned/VERB/ROOT/11 ./PUNCT/punct/11"
    )
    assert ("mossad", "member_of", "israel") in pairs


def test_a_body_named_after_its_state_belongs_to_it() -> None:
    pairs = _pairs(
        "U.S./PROPN/compound/2 Central/PROPN/compound/2 Command/PROPN/nsubj/3 "
        "said/VERB/ROOT/3 ./PUNCT/punct/3"
    )
    assert pairs == {("centcom", "member_of", "united-states")}


def test_an_office_named_after_a_leader_is_in_the_leaders_government() -> None:
    pairs = _pairs(
        "Putin/PROPN/poss/2 's/PART/case/0/POS spokesman/NOUN/compound/4 "
        "Dmitry/PROPN/compound/4 Peskov/PROPN/nsubj/5 spoke/VERB/ROOT/5 ./PUNCT/punct/5"
    )
    assert ("dmitry-peskov", "member_of", "russia") in pairs
    assert not any(o == "vladimir-putin" for _, _, o in pairs)


def test_the_name_right_after_a_title_of_a_body_holds_it() -> None:
    # The parser ends the sentence after the body: "commander of the Quds Force |
    # Esmail Qaani spoke."
    pairs = _pairs(
        "commander/NOUN/ROOT/0 of/ADP/prep/0 the/DET/det/4 Quds/PROPN/compound/4 "
        "Force/PROPN/pobj/1 Esmail/PROPN/compound/6 Qaani/PROPN/nsubj/7 "
        "spoke/VERB/ROOT/7 ./PUNCT/punct/7"
    )
    assert ("esmail-qaani", "leads", "quds-force") in pairs


def test_a_commander_with_an_indefinite_article_is_a_member() -> None:
    pairs = _pairs(
        "a/DET/det/1 commander/NOUN/ROOT/1 of/ADP/prep/1 the/DET/det/5 Quds/PROPN/compound/5 "
        "Force/PROPN/pobj/2 ,/PUNCT/punct/1 Esmail/PROPN/compound/8 Qaani/PROPN/appos/1 "
        "./PUNCT/punct/1"
    )
    assert ("esmail-qaani", "member_of", "quds-force") in pairs
    assert ("esmail-qaani", "leads", "quds-force") not in pairs


def test_a_passive_participle_after_a_comma_is_about_the_name_before_it() -> None:
    # "..., chaired by Burhan" parsed as a clause of the verb, not of the council
    pairs = _pairs(
        "Fighting/NOUN/nsubj/1 erupted/VERB/ROOT/1 near/ADP/prep/1 the/DET/det/5 "
        "Sovereign/PROPN/compound/5 Council/PROPN/pobj/2 ,/PUNCT/punct/1 "
        "chaired/VERB/advcl/1/VBN by/ADP/agent/7 Burhan/PROPN/pobj/8 ./PUNCT/punct/1",
        focus="sudan",
    )
    assert ("abdel-fattah-al-burhan", "leads", "sudan-sovereign-council") in pairs


def test_a_fronted_passive_participle_is_about_the_subject() -> None:
    pairs = _pairs(
        "Backed/VERB/advcl/5/VBN by/ADP/agent/0 Russia/PROPN/pobj/1 ,/PUNCT/punct/5 "
        "Assad/PROPN/nsubj/5 held/VERB/ROOT/5 Aleppo/PROPN/dobj/5 ./PUNCT/punct/5"
    )
    assert ("russia", "backs", "assad") in pairs


def test_the_regime_of_a_person_is_led_by_them() -> None:
    pairs = _pairs(
        "Russia/PROPN/nsubj/1 backs/VERB/ROOT/1/VBZ the/DET/det/4 military/ADJ/amod/4 "
        "regime/NOUN/dobj/1 of/ADP/prep/4 Assimi/PROPN/compound/7 Goita/PROPN/pobj/5 "
        "./PUNCT/punct/1",
        focus="mali",
    )
    assert {("assimi-goita", "leads", "mali"), ("russia", "backs", "mali")} <= pairs
