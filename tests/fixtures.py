"""Hand-built extractions with known answers, for the RDF, store, query and graph tests.

Four documents: d1 and d1-copy share their text (one source under two names), d2 and
d3 add more. What the tests expect from them is written out by hand in each test.

``library_world`` adds two more for the query library and the analysis: d4, a
syndicated copy of d2 (a header line added, one word changed), and d5, a later article
in which Turkey turns against HTS, Assad leads the government and a sentence gives its
own date ("on Nov. 27").
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

__all__ = [
    "ACTORS",
    "D1_TEXT",
    "LIBRARY_ACTORS",
    "evidence",
    "library_world",
    "relation",
    "syndicated_copy",
    "world",
]

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

LIBRARY_ACTORS = ACTORS | {
    "assad": Actor("assad", "Bashar al-Assad", ActorType.PERSON, ("Assad",), wikidata="Q44461")
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
    return Extraction(doc, tuple(LIBRARY_ACTORS[i] for i in sorted(ids)), tuple(relations))


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


def syndicated_copy(
    extraction: Extraction, doc_id: str, *, header: str, edits: dict[str, str], **meta: object
) -> Extraction:
    """A reprint of ``extraction``'s article: ``header`` put on top, each ``edits`` key
    replaced by its value, the same relations with their quotes found in the new text."""
    text = extraction.document.text
    for old, new in edits.items():
        text = text.replace(old, new)
    doc = Document(doc_id, header + text, **meta)  # type: ignore[arg-type]
    relations = []
    for r in extraction.relations:
        quote = r.evidence[0].quote
        for old, new in edits.items():
            quote = quote.replace(old, new)
        relations.append(
            relation(
                doc,
                r.subject,
                r.relation,
                r.object,
                quote,
                subtype=r.subtype,
                polarity=r.polarity,
                modality=r.modality,
                confidence=r.confidence,
                attribution=r.attribution,
            )
        )
    return Extraction(doc, extraction.actors, tuple(relations))


def library_world() -> list[Extraction]:
    """The four fixture documents, d4 (a syndicated copy of d2) and d5 (later news)."""
    documents = world()
    d4 = syndicated_copy(
        documents[2],
        "d4",
        header="Reprinted from AP. ",
        edits={"Russian jets": "Russian warplanes"},
        title="Offensive (AP)",
        published=date(2024, 12, 3),
        publisher="Yahoo News",
    )
    d5 = Document(
        "d5",
        "Turkey now opposes HTS, officials said. Assad leads the Syrian government. "
        "HTS seized Aleppo from government forces on Nov. 27. Hezbollah backs Assad.",
        title="Turning",
        published=date(2024, 12, 20),
        publisher="BBC",
    )
    B, OPP = RelationType.BACKS, RelationType.OPPOSES
    return [
        *documents,
        d4,
        _extraction(
            d5,
            [
                relation(d5, "turkey", OPP, "hts", "Turkey now opposes HTS", subtype="condemns"),
                relation(
                    d5,
                    "assad",
                    RelationType.LEADS,
                    "syrian-government",
                    "Assad leads the Syrian government",
                ),
                relation(
                    d5,
                    "hts",
                    OPP,
                    "syrian-government",
                    "HTS seized Aleppo from government forces on Nov. 27",
                    subtype="attacks",
                ),
                relation(d5, "hezbollah", B, "assad", "Hezbollah backs Assad", subtype="supports"),
            ],
        ),
    ]
