"""Hand-built extractions with known answers, for the RDF, store, query and graph tests.

Four documents: d1 and d1-copy share their text (one source under two names), d2 and
d3 add more. What the tests expect from them is written out by hand in each test.
"""

from __future__ import annotations

from datetime import date

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

__all__ = ["ACTORS", "D1_TEXT", "evidence", "relation", "world"]

ACTORS = {
    a.id: a
    for a in (
        Actor("russia", "Russia", ActorType.STATE, ("Moscow", "Kremlin"), wikidata="Q159"),
        Actor("iran", "Iran", ActorType.STATE, ("Tehran",), wikidata="Q794"),
        Actor("turkey", "Turkey", ActorType.STATE, ("Ankara", "Türkiye"), wikidata="Q43"),
        Actor(
            "syrian-government",
            "Syrian government",
            ActorType.GOVERNMENT,
            ("Damascus", "Assad's government"),
            country="syria",
        ),
        Actor("hezbollah", "Hezbollah", ActorType.ARMED_GROUP, ("Hizbollah",)),
        Actor("hts", "Hayat Tahrir al-Sham", ActorType.ARMED_GROUP, ("HTS",)),
    )
}

D1_TEXT = "Russia backs the Syrian government. Iran arms Hezbollah. Turkey denied backing HTS."


def evidence(doc: Document, quote: str) -> Evidence:
    """Evidence over the first occurrence of ``quote`` in the document."""
    start = doc.text.index(quote)
    return Evidence.from_span(doc, start, start + len(quote))


def relation(
    doc: Document, subject: str, kind: RelationType, obj: str, quote: str, **fields: object
) -> Relation:
    """A relation with one piece of evidence, the first occurrence of ``quote``."""
    return Relation(subject, kind, obj, (evidence(doc, quote),), **fields)  # type: ignore[arg-type]


def _extraction(doc: Document, relations: list[Relation]) -> Extraction:
    ids = {r.subject for r in relations} | {r.object for r in relations}
    return Extraction(doc, tuple(ACTORS[i] for i in sorted(ids)), tuple(relations))


def _d1(doc_id: str, publisher: str) -> Extraction:
    doc = Document(
        doc_id,
        D1_TEXT,
        title="Allies",
        published=date(2024, 11, 30),
        publisher=publisher,
        url=f"https://news.example/{doc_id}",
    )
    B = RelationType.BACKS
    return _extraction(
        doc,
        [
            relation(
                doc,
                "russia",
                B,
                "syrian-government",
                "Russia backs the Syrian government",
                subtype="supports",
            ),
            relation(doc, "iran", B, "hezbollah", "Iran arms Hezbollah", subtype="arms"),
            relation(
                doc, "turkey", B, "hts", "Turkey denied backing HTS", polarity=Polarity.NEGATIVE
            ),
        ],
    )


def world() -> list[Extraction]:
    """The four fixture documents."""
    d2 = Document(
        "d2",
        "Russia and Iran support Assad's government. HTS attacked government forces. "
        "Turkey and Russia met in Doha. Russian jets bombed HTS positions.",
        title="Offensive",
        published=date(2024, 12, 2),
        publisher="AP",
    )
    d3 = Document(
        "d3",
        "Russia will meet Turkey next week. If Iran backed HTS, the war would change. "
        "A monitoring group said Russia condemned Damascus.",
        published=date(2024, 12, 5),
        publisher="Reuters",
        place="Beirut",
    )
    B, OPP, M = RelationType.BACKS, RelationType.OPPOSES, RelationType.MEETS_WITH
    return [
        _d1("d1", "Reuters"),
        _d1("d1-copy", "AFP"),
        _extraction(
            d2,
            [
                relation(
                    d2,
                    "russia",
                    B,
                    "syrian-government",
                    "Russia and Iran support Assad's government",
                    subtype="supports",
                ),
                relation(
                    d2,
                    "iran",
                    B,
                    "syrian-government",
                    "Russia and Iran support Assad's government",
                    subtype="supports",
                    confidence=0.75,
                ),
                relation(
                    d2,
                    "hts",
                    OPP,
                    "syrian-government",
                    "HTS attacked government forces",
                    subtype="attacks",
                ),
                relation(
                    d2, "turkey", M, "russia", "Turkey and Russia met in Doha", subtype="meets"
                ),
                relation(
                    d2, "russia", OPP, "hts", "Russian jets bombed HTS positions", subtype="attacks"
                ),
            ],
        ),
        _extraction(
            d3,
            [
                relation(
                    d3, "russia", M, "turkey", "Russia will meet Turkey", modality=Modality.PLANNED
                ),
                relation(
                    d3, "iran", B, "hts", "If Iran backed HTS", modality=Modality.HYPOTHETICAL
                ),
                relation(
                    d3,
                    "russia",
                    OPP,
                    "syrian-government",
                    "Russia condemned Damascus",
                    subtype="condemns",
                    modality=Modality.REPORTED,
                    attribution="A monitoring group",
                ),
            ],
        ),
    ]
