"""Scoring against gold files: hand-built articles, golds and extractions."""

from __future__ import annotations

import doctest
import json
from pathlib import Path
from typing import Any

import pytest

import kg.evaluate
from kg.errors import InputError
from kg.evaluate import (
    DocScore,
    Gold,
    format_report,
    load_gold,
    normalise,
    parse_gold,
    report_to_json,
    score,
    score_document,
)
from kg.model import (
    Actor,
    ActorType,
    Document,
    Evidence,
    Extraction,
    Modality,
    Polarity,
    Relation,
    RelationType,
)

TEXT = (
    "Iran-backed Hezbollah sent forces to help Assad's forces. "
    "Rebels led by HTS pushed their offensive against government forces. "
    "Turkey and Iran will meet in Doha. "
    "Turkey denied any involvement. "
    "Russia has been focused on its full-scale invasion of Ukraine."
)
DOC = Document(id="a-0001", text=TEXT)

ACTORS = [
    ("IRAN", "Iran", "state", ["Iran", "Tehran", "Iranian"]),
    ("TURKEY", "Turkey", "state", ["Turkey", "Türkiye", "Ankara"]),
    ("RUSSIA", "Russia", "state", ["Russia", "Moscow"]),
    ("UKRAINE", "Ukraine", "state", ["Ukraine", "Kyiv"]),
    ("HEZBOLLAH", "Hezbollah", "armed_group", ["Hezbollah", "Hezbollah group"]),
    ("HTS", "Hayat Tahrir al-Sham", "armed_group", ["HTS", "Hay'at Tahrir al-Sham"]),
    ("REBELS", "Syrian rebels", "armed_group", ["rebels", "Syrian rebels"]),
    ("SYRIAN_GOV", "Syrian government", "government", ["government forces", "Assad's forces"]),
    ("ASSAD", "Bashar al-Assad", "person", ["Assad", "Bashar al-Assad"]),
]


def gold_data(*relations: dict[str, Any]) -> dict[str, Any]:
    return {
        "doc": "a.txt",
        "actors": [{"id": i, "name": n, "type": t, "aliases": a} for i, n, t, a in ACTORS],
        "relations": list(relations),
    }


def rel(subjects: list[str], relation: str, objects: list[str], optional: bool = False) -> dict:
    return {
        "subject": subjects,
        "relation": relation,
        "object": objects,
        "evidence": "...",
        "optional": optional,
    }


def gold(*relations: dict[str, Any]) -> Gold:
    return parse_gold(gold_data(*relations), source="a.gold.json")


def actor(label: str, *aliases: str, id: str | None = None) -> Actor:
    slug = id or label.lower().replace(" ", "-").replace("'", "")
    return Actor(id=slug, label=label, type=ActorType.STATE, aliases=aliases)


def evidence(doc: Document, quote: str) -> Evidence:
    start = doc.text.index(quote)
    return Evidence.from_span(doc, start, start + len(quote))


def relation(
    subject: Actor,
    type_: str,
    obj: Actor,
    quote: str,
    doc: Document = DOC,
    **options: Any,
) -> Relation:
    return Relation(subject.id, RelationType(type_), obj.id, (evidence(doc, quote),), **options)


def extraction(actors: list[Actor], relations: list[Relation], doc: Document = DOC) -> Extraction:
    return Extraction(document=doc, actors=tuple(actors), relations=tuple(relations))


def counts(doc_score: DocScore, type_: str) -> tuple[int, int, int]:
    s = dict(doc_score.per_type)[RelationType(type_)]
    return (s.tp, s.fp, s.fn)


IRAN = actor("Iran", "Iranian")
TURKEY = actor("Türkiye")
RUSSIA = actor("Russia")
UKRAINE = actor("Ukraine")
HEZBOLLAH = actor("the Hezbollah group's", id="hezbollah")
HTS = actor("HTS", "Hayat Tahrir al Sham")
REBELS = actor("rebels")
GOVERNMENT = actor("Syrian government", "Government forces")


def test_docstring_examples_hold() -> None:
    assert doctest.testmod(kg.evaluate).failed == 0


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("The Hezbollah group's", "hezbollah group"),
        ("Hay'at Tahrir al-Sham", "hayat tahrir al sham"),
        ("TÜRKIYE", "turkiye"),
        ("U.S.", "us"),
        ("  the   Kremlin ", "kremlin"),
        ("Theodore", "theodore"),
        ("Assad’s forces", "assad forces"),
    ],
)
def test_normalise_ignores_case_diacritics_article_possessive_punctuation(
    form: str, expected: str
) -> None:
    assert normalise(form) == expected


def test_actor_mapping_normalises_surface_forms() -> None:
    g = gold(rel(["IRAN"], "backs", ["HEZBOLLAH"]), rel(["TURKEY"], "meets_with", ["IRAN"]))
    ext = extraction(
        [IRAN, TURKEY, HEZBOLLAH],
        [
            relation(IRAN, "backs", HEZBOLLAH, "Iran-backed Hezbollah"),
            relation(TURKEY, "meets_with", IRAN, "Turkey and Iran will meet"),
        ],
    )
    result = score_document(g, ext)
    assert dict(result.actor_map) == {"iran": "IRAN", "türkiye": "TURKEY", "hezbollah": "HEZBOLLAH"}
    assert (result.overall.tp, result.overall.fp, result.overall.fn) == (2, 0, 0)


def test_actor_maps_to_gold_actor_sharing_most_forms() -> None:
    # "Assad" is an alias of ASSAD, but two forms are shared with SYRIAN_GOV.
    regime = actor("Assad", "government forces", "Assad's forces", id="syrian-government")
    g = gold(rel(["IRAN"], "backs", ["SYRIAN_GOV"]))
    ext = extraction([IRAN, regime], [relation(IRAN, "backs", regime, "Iran-backed")])
    result = score_document(g, ext)
    assert dict(result.actor_map)["syrian-government"] == "SYRIAN_GOV"
    assert counts(result, "backs") == (1, 0, 0)


def test_unmapped_actor_edges_are_false_positives_with_labels_and_quote() -> None:
    militia = actor("pro-government militias")
    g = gold(rel(["IRAN"], "backs", ["HEZBOLLAH"]))
    ext = extraction(
        [IRAN, HEZBOLLAH, militia],
        [
            relation(IRAN, "backs", HEZBOLLAH, "Iran-backed Hezbollah"),
            relation(IRAN, "backs", militia, "sent forces to help"),
        ],
    )
    result = score_document(g, ext)
    assert dict(result.actor_map)["pro-government-militias"] is None
    assert counts(result, "backs") == (1, 1, 0)
    [fp] = result.false_positives
    assert (fp.subject, fp.object) == ("IRAN", None)
    assert (fp.subject_label, fp.object_label, fp.quote) == (
        "Iran",
        "pro-government militias",
        "sent forces to help",
    )


def test_optional_gold_edges_count_neither_way() -> None:
    g = gold(
        rel(["RUSSIA"], "opposes", ["UKRAINE"]),
        rel(["IRAN"], "backs", ["HEZBOLLAH"], optional=True),
        rel(["TURKEY"], "opposes", ["SYRIAN_GOV"], optional=True),
    )
    ext = extraction(
        [IRAN, HEZBOLLAH, RUSSIA, UKRAINE],
        [
            relation(IRAN, "backs", HEZBOLLAH, "Iran-backed Hezbollah"),
            relation(RUSSIA, "opposes", UKRAINE, "invasion of Ukraine"),
        ],
    )
    result = score_document(g, ext)
    # The optional backs pair is neither tp nor fp; the unmatched optional opposes is no miss.
    assert counts(result, "backs") == (0, 0, 0)
    assert counts(result, "opposes") == (1, 0, 0)
    assert [m.gold.relation for m in result.optional_matches] == [RelationType.BACKS]
    assert result.misses == ()


@pytest.mark.parametrize("optional_first", [True, False])
def test_prediction_fitting_required_and_optional_pairs_with_required(
    optional_first: bool,
) -> None:
    required = rel(["HTS"], "opposes", ["SYRIAN_GOV"])
    optional = rel(["REBELS", "HTS"], "opposes", ["SYRIAN_GOV"], optional=True)
    g = gold(optional, required) if optional_first else gold(required, optional)
    ext = extraction([HTS, GOVERNMENT], [relation(HTS, "opposes", GOVERNMENT, "offensive against")])
    result = score_document(g, ext)
    assert counts(result, "opposes") == (1, 0, 0)
    assert result.optional_matches == ()


def test_meets_with_is_unordered() -> None:
    g = gold(rel(["TURKEY"], "meets_with", ["IRAN"]))
    reversed_ = extraction(
        [IRAN, TURKEY], [relation(IRAN, "meets_with", TURKEY, "Turkey and Iran will meet")]
    )
    assert counts(score_document(g, reversed_), "meets_with") == (1, 0, 0)
    both = extraction(
        [IRAN, TURKEY],
        [
            relation(IRAN, "meets_with", TURKEY, "Turkey and Iran will meet"),
            relation(TURKEY, "meets_with", IRAN, "will meet in Doha"),
        ],
    )
    assert counts(score_document(g, both), "meets_with") == (1, 0, 0)


def test_directed_types_are_ordered() -> None:
    g = gold(rel(["IRAN"], "backs", ["HEZBOLLAH"]))
    ext = extraction(
        [IRAN, HEZBOLLAH], [relation(HEZBOLLAH, "backs", IRAN, "Iran-backed Hezbollah")]
    )
    assert counts(score_document(g, ext), "backs") == (0, 1, 1)


def test_alternatives_accept_any_listed_actor() -> None:
    g = gold(rel(["REBELS", "HTS"], "opposes", ["SYRIAN_GOV", "ASSAD"]))
    for subject in (REBELS, HTS):
        ext = extraction(
            [subject, GOVERNMENT],
            [relation(subject, "opposes", GOVERNMENT, "offensive against government forces")],
        )
        assert counts(score_document(g, ext), "opposes") == (1, 0, 0)


def test_one_gold_edge_matches_one_prediction() -> None:
    g = gold(rel(["REBELS", "HTS"], "opposes", ["SYRIAN_GOV"]))
    ext = extraction(
        [REBELS, HTS, GOVERNMENT],
        [
            relation(REBELS, "opposes", GOVERNMENT, "Rebels led by HTS"),
            relation(HTS, "opposes", GOVERNMENT, "offensive against"),
        ],
    )
    assert counts(score_document(g, ext), "opposes") == (1, 1, 0)


def test_matching_is_maximum_not_greedy() -> None:
    # A greedy pass would give the HTS prediction the first gold edge and strand the rebels one.
    g = gold(
        rel(["REBELS", "HTS"], "opposes", ["SYRIAN_GOV"]),
        rel(["HTS"], "opposes", ["SYRIAN_GOV"]),
    )
    ext = extraction(
        [HTS, REBELS, GOVERNMENT],
        [
            relation(HTS, "opposes", GOVERNMENT, "offensive against"),
            relation(REBELS, "opposes", GOVERNMENT, "Rebels led by HTS"),
        ],
    )
    result = score_document(g, ext)
    assert counts(result, "opposes") == (2, 0, 0)
    assert {(m.predicted.subject, m.gold.subjects) for m in result.matches} == {
        ("HTS", ("HTS",)),
        ("REBELS", ("REBELS", "HTS")),
    }


def test_negative_and_hypothetical_relations_are_not_edges() -> None:
    g = gold(rel(["RUSSIA"], "opposes", ["UKRAINE"]))
    ext = extraction(
        [TURKEY, REBELS, RUSSIA, UKRAINE],
        [
            relation(
                TURKEY, "backs", REBELS, "Turkey denied any involvement", polarity=Polarity.NEGATIVE
            ),
            relation(
                RUSSIA,
                "opposes",
                UKRAINE,
                "invasion of Ukraine",
                modality=Modality.HYPOTHETICAL,
            ),
        ],
    )
    result = score_document(g, ext)
    assert (result.overall.tp, result.overall.fp, result.overall.fn) == (0, 0, 1)
    assert result.evidence_checked == 2


def test_invalid_evidence_is_counted() -> None:
    other = Document(id="b-0002", text=TEXT)
    shifted = Evidence(DOC.id, 1, 5, "Iran")  # right length, wrong place
    ext = extraction(
        [IRAN, HEZBOLLAH, RUSSIA, UKRAINE],
        [
            Relation(IRAN.id, RelationType.BACKS, HEZBOLLAH.id, (shifted,)),
            relation(RUSSIA, "opposes", UKRAINE, "invasion of Ukraine", doc=other),
            relation(RUSSIA, "meets_with", IRAN, "Iran will meet"),
        ],
    )
    result = score_document(gold(), ext)
    assert result.evidence_checked == 3
    assert [bad.evidence for bad in result.invalid_evidence] == [
        shifted,
        ext.relations[1].evidence[0],
    ]
    assert score([(gold(), ext)]).evidence_invalid == 2


def test_scores_are_micro_averaged_over_documents() -> None:
    g1 = gold(rel(["IRAN"], "backs", ["HEZBOLLAH"]))
    e1 = extraction(
        [IRAN, HEZBOLLAH], [relation(IRAN, "backs", HEZBOLLAH, "Iran-backed Hezbollah")]
    )
    g2 = gold(rel(["RUSSIA"], "opposes", ["UKRAINE"]), rel(["IRAN"], "backs", ["SYRIAN_GOV"]))
    e2 = extraction(
        [IRAN, TURKEY, RUSSIA, UKRAINE, HEZBOLLAH],
        [
            relation(RUSSIA, "opposes", UKRAINE, "invasion of Ukraine"),
            relation(TURKEY, "opposes", RUSSIA, "Turkey denied"),
            relation(IRAN, "opposes", UKRAINE, "invasion"),
            relation(HEZBOLLAH, "backs", IRAN, "Iran-backed Hezbollah"),
        ],
    )
    report = score([(g1, e1), (g2, e2)])
    per_type = dict(report.per_type)
    assert (per_type[RelationType.BACKS].tp, per_type[RelationType.BACKS].fp) == (1, 1)
    assert per_type[RelationType.BACKS].fn == 1
    assert (per_type[RelationType.OPPOSES].tp, per_type[RelationType.OPPOSES].fp) == (1, 2)
    overall = report.overall
    assert (overall.tp, overall.fp, overall.fn) == (2, 3, 1)
    # Micro: 2 / 5, not the mean of the two documents' precisions (1.0 and 0.25).
    assert overall.precision == pytest.approx(2 / 5)
    assert overall.recall == pytest.approx(2 / 3)
    assert overall.f1 == pytest.approx(2 * (2 / 5) * (2 / 3) / (2 / 5 + 2 / 3))


def test_format_report_lists_errors_one_per_line() -> None:
    g = gold(rel(["IRAN"], "backs", ["SYRIAN_GOV", "ASSAD"]))
    ext = extraction([RUSSIA, UKRAINE], [relation(RUSSIA, "backs", UKRAINE, "invasion of Ukraine")])
    text = format_report(score([(g, ext)]))
    lines = text.splitlines()
    assert lines[0].split() == ["type", "P", "R", "F1", "tp", "fp", "fn"]
    assert lines[1].split() == ["backs", "0.000", "0.000", "0.000", "0", "1", "1"]
    assert any(line.startswith("micro") for line in lines)
    assert '  FP  backs  Russia -> Ukraine  "invasion of Ukraine"' in lines
    assert '  FN  backs  IRAN -> SYRIAN_GOV | ASSAD  "..."' in lines


def test_report_to_json_is_plain_data() -> None:
    g = gold(rel(["IRAN"], "backs", ["HEZBOLLAH"]), rel(["RUSSIA"], "opposes", ["UKRAINE"]))
    ext = extraction(
        [IRAN, HEZBOLLAH], [relation(IRAN, "backs", HEZBOLLAH, "Iran-backed Hezbollah")]
    )
    data = json.loads(json.dumps(report_to_json(score([(g, ext)]))))
    assert data["micro"]["tp"] == 1 and data["micro"]["fn"] == 1
    assert data["per_type"]["backs"]["precision"] == 1.0
    [doc] = data["documents"]
    assert doc["misses"][0]["relation"] == "opposes"
    assert doc["matches"][0]["predicted"]["quote"] == "Iran-backed Hezbollah"


def write(tmp_path: Path, data: Any, name: str = "art.gold.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def test_load_gold_reads_a_valid_file(tmp_path: Path) -> None:
    path = write(tmp_path, gold_data(rel(["IRAN"], "backs", ["HEZBOLLAH"], optional=True)))
    loaded = load_gold(path)
    assert loaded.doc == "a.txt"
    assert loaded.relations[0].optional
    assert loaded.actors[1].aliases == ("Turkey", "Türkiye", "Ankara")


def without(data: dict[str, Any], *path: Any) -> dict[str, Any]:
    target = data
    for step in path[:-1]:
        target = target[step]
    del target[path[-1]]
    return data


@pytest.mark.parametrize(
    ("data", "where"),
    [
        (without(gold_data(), "doc"), "root -> doc"),
        (without(gold_data(), "actors", 2, "aliases"), "actors[2] -> aliases"),
        (
            without(gold_data(rel(["IRAN"], "backs", ["TURKEY"])), "relations", 0, "evidence"),
            "relations[0] -> evidence",
        ),
        (gold_data(rel(["IRAN"], "attacks", ["TURKEY"])), "relations[0] -> relation"),
        (gold_data(rel(["IRAN"], "backs", ["NOBODY"])), "relations[0] -> object"),
        (gold_data(rel([], "backs", ["TURKEY"])), "relations[0] -> subject"),
        ("{not json", "broken.gold.json"),
    ],
)
def test_malformed_gold_names_the_file_and_field(tmp_path: Path, data: Any, where: str) -> None:
    path = write(tmp_path, data, "broken.gold.json")
    with pytest.raises(InputError) as info:
        load_gold(path)
    assert "[broken.gold.json" in str(info.value)
    assert where in str(info.value)


def test_missing_gold_file_names_it(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        load_gold(tmp_path / "absent.gold.json")
    assert "[absent.gold.json]" in str(info.value)
