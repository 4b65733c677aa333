"""Lists, likenesses, partners and places on hand-built parses: the relations a noun
phrase states about the names around it (see tests/test_patterns.py for the
``word/POS/dep/head[/tag]`` notation)."""

from __future__ import annotations

from test_patterns import extract


def _pairs(spec: str, **kwargs) -> set[tuple[str, str, str]]:
    return {(s, r, o) for s, r, o, p, m in extract(spec, **kwargs) if p == "positive"}


def test_a_such_as_list_under_an_umbrella_group_gives_members() -> None:
    pairs = _pairs(
        "JNIM/PROPN/nsubj/15 ,/PUNCT/punct/0 an/DET/det/4 umbrella/NOUN/compound/4 "
        "group/NOUN/appos/0 of/ADP/prep/4 militant/ADJ/amod/7 "
        "organizations/NOUN/pobj/5/NNS such/ADJ/amod/9 as/ADP/prep/7 AQIM/PROPN/pobj/9 "
        "and/CCONJ/cc/10 Ansar/PROPN/compound/13 Dine/PROPN/conj/10 ,/PUNCT/punct/0 "
        "spoke/VERB/ROOT/15 ./PUNCT/punct/15",
        focus="mali",
    )
    assert {("aqim", "member_of", "jnim"), ("ansar-dine", "member_of", "jnim")} <= pairs


def test_an_umbrella_group_set_off_by_a_dash_and_a_list_a_dash_closes() -> None:
    # "... are JNIM — an umbrella group of organizations such as AQIM — and the CMA"
    pairs = _pairs(
        "The/DET/det/1 players/NOUN/nsubj/2/NNS are/AUX/ROOT/2 JNIM/PROPN/attr/2 "
        "—/PUNCT/punct/2 an/DET/det/7 umbrella/NOUN/compound/7 group/NOUN/attr/2 "
        "of/ADP/prep/7 organizations/NOUN/pobj/8/NNS such/ADJ/amod/11 as/ADP/prep/9 "
        "AQIM/PROPN/pobj/11 —/PUNCT/punct/12 and/CCONJ/cc/12 the/DET/det/16 "
        "CMA/PROPN/conj/12 ./PUNCT/punct/2",
        focus="mali",
    )
    assert ("aqim", "member_of", "jnim") in pairs
    assert ("cma", "member_of", "jnim") not in pairs


def test_a_plural_class_with_examples_is_no_body() -> None:
    pairs = _pairs(
        "Iran/PROPN/nsubj/1 backs/VERB/ROOT/1/VBZ militias/NOUN/dobj/1/NNS "
        "such/ADJ/amod/4 as/ADP/prep/2 Hezbollah/PROPN/pobj/4 ./PUNCT/punct/1"
    )
    assert not any(r == "member_of" for _, r, _ in pairs)


def test_like_other_backed_groups_says_it_of_the_subject() -> None:
    pairs = _pairs(
        "Like/ADP/prep/9 other/ADJ/amod/5 Iranian/PROPN/npadvmod/4 -/PUNCT/punct/4/HYPH "
        "backed/VERB/amod/5/VBN groups/NOUN/pobj/0/NNS ,/PUNCT/punct/9 the/DET/det/8 "
        "Houthis/PROPN/nsubj/9 spoke/VERB/ROOT/9 ./PUNCT/punct/9"
    )
    assert ("iran", "backs", "houthis") in pairs


def test_names_joined_by_a_slash_are_coordinated() -> None:
    pairs = _pairs(
        "Hezbollah/PROPN/nsubj/1 ambushed/VERB/ROOT/1 a/DET/det/6 American/ADJ/amod/5 "
        "//SYM/punct/5/SYM British/ADJ/amod/6 convoy/NOUN/dobj/1 ./PUNCT/punct/1"
    )
    assert {
        ("hezbollah", "opposes", "united-states"),
        ("hezbollah", "opposes", "united-kingdom"),
    } <= pairs


def test_a_speaker_hung_on_the_last_noun_is_not_its_apposition() -> None:
    pairs = _pairs(
        "Russia/PROPN/nsubj/1 gave/VERB/ROOT/1 asylum/NOUN/dobj/1 to/ADP/dative/1 "
        "Assad/PROPN/pobj/3 and/CCONJ/cc/4 his/PRON/poss/7/PRP$ family/NOUN/conj/4 "
        ",/PUNCT/punct/7 Dmitry/PROPN/compound/10 Peskov/PROPN/appos/7 ,/PUNCT/punct/1 "
        "said/VERB/conj/1 ./PUNCT/punct/1"
    )
    assert ("russia", "backs", "assad") in pairs
    assert ("russia", "backs", "dmitry-peskov") not in pairs


def test_a_participle_without_auxiliary_is_an_adjective() -> None:
    # "ports in occupied Georgia": nobody in the sentence occupies Georgia
    pairs = _pairs(
        "Ukraine/PROPN/nsubj/1 hit/VERB/ROOT/1 ports/NOUN/dobj/1/NNS in/ADP/prep/2 "
        "occupied/VERB/advcl/1/VBN Georgia/PROPN/dobj/4 ./PUNCT/punct/1"
    )
    assert ("ukraine", "opposes", "georgia") not in pairs


def test_a_group_word_after_the_groups_name_is_that_group() -> None:
    found = extract(
        "Israel/PROPN/nsubj/1 struck/VERB/ROOT/1 the/DET/det/5 Hezbollah/PROPN/nmod/5 "
        "militant/ADJ/amod/5 group/NOUN/dobj/1 ./PUNCT/punct/1"
    )
    assert {(s, r, o) for s, r, o, *_ in found} == {("israel", "opposes", "hezbollah")}


def test_in_what_it_called_an_operation_is_the_subjects_operation() -> None:
    found = extract(
        "Turkey/PROPN/nsubj/1 launched/VERB/ROOT/1 raids/NOUN/dobj/1/NNS in/ADP/prep/1 "
        "what/PRON/dobj/6/WP it/PRON/nsubj/6 called/VERB/pcomp/3 an/DET/det/8 "
        "operation/NOUN/oprd/6 against/ADP/prep/8 the/DET/det/11 PKK/PROPN/pobj/9 "
        "./PUNCT/punct/1"
    )
    assert ("turkey", "opposes", "pkk", "positive", "asserted") in found


def test_partners_in_a_fight_both_fight_its_target() -> None:
    pairs = _pairs(
        "The/DET/det/1 SDF/PROPN/nsubj/2 is/AUX/ROOT/2 a/DET/det/5 US/PROPN/compound/5 "
        "partner/NOUN/attr/2 in/ADP/prep/5 the/DET/det/8 fight/NOUN/pobj/6 "
        "against/ADP/prep/8 ISIS/PROPN/pobj/9 ./PUNCT/punct/2"
    )
    assert {
        ("sdf", "opposes", "islamic-state"),
        ("united-states", "opposes", "islamic-state"),
    } <= pairs


def test_a_place_held_by_an_actor_stands_for_it() -> None:
    pairs = _pairs(
        "Rebels/NOUN/nsubj/1/NNS overran/VERB/ROOT/1 government/NOUN/npadvmod/4 "
        "-/PUNCT/punct/4/HYPH held/VERB/amod/5/VBN areas/NOUN/dobj/1/NNS ./PUNCT/punct/1"
    )
    assert ("syrian-rebels", "opposes", "syrian-government") in pairs


def test_falling_under_a_body_is_membership() -> None:
    pairs = _pairs(
        "Kataib/PROPN/compound/1 Hezbollah/PROPN/nsubj/2 falls/VERB/ROOT/2/VBZ "
        "under/ADP/prep/2 the/DET/det/5 PMF/PROPN/pobj/3 ./PUNCT/punct/2",
        focus="iraq",
    )
    assert ("kataib-hezbollah", "member_of", "pmf") in pairs


def test_being_in_a_capital_to_discuss_is_a_visit() -> None:
    pairs = _pairs(
        "Fidan/PROPN/nsubj/1 was/AUX/ROOT/1 in/ADP/prep/1 Moscow/PROPN/pobj/2 "
        "to/PART/aux/5 discuss/VERB/advcl/1/VB the/DET/det/7 war/NOUN/dobj/5 "
        "./PUNCT/punct/1"
    )
    assert ("hakan-fidan", "meets_with", "russia") in pairs


def test_a_visit_to_meet_someone_else_is_a_meeting_with_them() -> None:
    pairs = _pairs(
        "Fidan/PROPN/nsubj/1 was/AUX/ROOT/1 in/ADP/prep/1 Moscow/PROPN/pobj/2 "
        "to/PART/aux/5 meet/VERB/advcl/1/VB Lavrov/PROPN/dobj/5 ./PUNCT/punct/1"
    )
    assert ("hakan-fidan", "meets_with", "sergei-lavrov") in pairs
    assert ("hakan-fidan", "meets_with", "russia") not in pairs


def test_hosting_the_talks_meets_their_parties() -> None:
    pairs = _pairs(
        "Russia/PROPN/nsubj/3 and/CCONJ/cc/0 Ukraine/PROPN/conj/0 held/VERB/ROOT/3 "
        "talks/NOUN/dobj/3/NNS ./PUNCT/punct/3 Turkey/PROPN/nsubj/7 hosted/VERB/ROOT/7 "
        "the/DET/det/9 talks/NOUN/dobj/7/NNS ./PUNCT/punct/7"
    )
    meetings = {frozenset((s, o)) for s, r, o in pairs if r == "meets_with"}
    assert {frozenset(("turkey", "russia")), frozenset(("turkey", "ukraine"))} <= meetings


def test_hosting_talks_nobody_has_described_meets_no_one() -> None:
    pairs = _pairs(
        "Turkey/PROPN/nsubj/1 hosted/VERB/ROOT/1 the/DET/det/3 talks/NOUN/dobj/1/NNS "
        "./PUNCT/punct/1"
    )
    assert pairs == set()
