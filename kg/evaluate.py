"""Scoring extraction against gold annotations, as the annotation guidelines' "Scoring" defines it.

Gold files name actors by annotator ids (``HEZBOLLAH``) and list the acceptable
subjects and objects of each edge; predictions name actors by gazetteer slugs.
Scoring therefore (1) maps predicted actors onto gold actors by shared surface
forms, (2) reduces predicted relations to a set of edges over gold ids, (3) pairs
predicted and gold edges one to one by maximum bipartite matching, and (4) counts
true positives, false positives and misses per relation type, micro-averaged over
articles. Evidence spans are checked against the document text on the way.

Everything here is a pure function of its inputs except :func:`load_gold`, the
thin reader over :func:`parse_gold`.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from kg.errors import InputError
from kg.model import Actor, ActorType, Evidence, Extraction, Relation, RelationType

__all__ = [
    "DocScore",
    "Gold",
    "GoldActor",
    "GoldRelation",
    "InvalidEvidence",
    "Match",
    "PredictedEdge",
    "Report",
    "Score",
    "format_report",
    "load_gold",
    "normalise",
    "parse_gold",
    "report_to_json",
    "score",
    "score_document",
]

_TYPES = tuple(RelationType)
_QUOTE_WIDTH = 100


# ---------------------------------------------------------------------------
# Gold annotations


@dataclass(frozen=True, slots=True)
class GoldActor:
    """An actor of one gold file: its annotator id and every surface form it may take."""

    id: str
    name: str
    type: ActorType
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GoldRelation:
    """A gold edge; any listed subject and any listed object is an acceptable reading."""

    subjects: tuple[str, ...]
    relation: RelationType
    objects: tuple[str, ...]
    evidence: str
    optional: bool = False


@dataclass(frozen=True, slots=True)
class Gold:
    """The annotation of one article (``doc`` is the article's file name)."""

    doc: str
    actors: tuple[GoldActor, ...]
    relations: tuple[GoldRelation, ...]


def _fail(source: str, where: str, message: str) -> InputError:
    return InputError(f"[{source}:{where}] {message}")


def _field(record: Any, key: str, kind: type, source: str, where: str) -> Any:
    if not isinstance(record, Mapping):
        raise _fail(source, where, f"expected an object, got {type(record).__name__}")
    if key not in record:
        raise _fail(source, f"{where} -> {key}", "missing key")
    value = record[key]
    if not isinstance(value, kind):
        raise _fail(
            source, f"{where} -> {key}", f"expected {kind.__name__}, got {type(value).__name__}"
        )
    return value


def _strings(values: list[Any], source: str, where: str) -> tuple[str, ...]:
    if not all(isinstance(v, str) and v for v in values):
        raise _fail(source, where, "expected a list of non-empty strings")
    return tuple(values)


def _parse_actor(record: Any, source: str, where: str) -> GoldActor:
    type_name = _field(record, "type", str, source, where)
    try:
        actor_type = ActorType(type_name)
    except ValueError:
        allowed = ", ".join(ActorType)
        raise _fail(
            source, f"{where} -> type", f"unknown actor type {type_name!r}; use one of {allowed}"
        ) from None
    return GoldActor(
        id=_field(record, "id", str, source, where),
        name=_field(record, "name", str, source, where),
        type=actor_type,
        aliases=_strings(
            _field(record, "aliases", list, source, where), source, f"{where} -> aliases"
        ),
    )


def _parse_relation(record: Any, actor_ids: set[str], source: str, where: str) -> GoldRelation:
    type_name = _field(record, "relation", str, source, where)
    try:
        relation = RelationType(type_name)
    except ValueError:
        allowed = ", ".join(RelationType)
        raise _fail(
            source,
            f"{where} -> relation",
            f"unknown relation type {type_name!r}; use one of {allowed}",
        ) from None
    ends = {}
    for key in ("subject", "object"):
        ids = _strings(_field(record, key, list, source, where), source, f"{where} -> {key}")
        if not ids:
            raise _fail(source, f"{where} -> {key}", "lists no actor")
        unknown = [i for i in ids if i not in actor_ids]
        if unknown:
            raise _fail(
                source, f"{where} -> {key}", f"{', '.join(unknown)} not among the file's actors"
            )
        ends[key] = ids
    optional = record.get("optional", False)
    if not isinstance(optional, bool):
        raise _fail(source, f"{where} -> optional", "expected true or false")
    return GoldRelation(
        subjects=ends["subject"],
        relation=relation,
        objects=ends["object"],
        evidence=_field(record, "evidence", str, source, where),
        optional=optional,
    )


def parse_gold(data: Any, *, source: str = "<gold>") -> Gold:
    """Validate one decoded gold file, so scoring never meets a half-formed annotation.

    ``optional`` may be left out of a relation and then means false; every other key of
    the guidelines' format is required.

    Raises:
        InputError: naming ``source``, the entry and the field that is wrong.

    >>> gold = parse_gold({"doc": "a.txt", "relations": [], "actors": [
    ...     {"id": "IRAN", "name": "Iran", "type": "state", "aliases": ["Tehran"]}]})
    >>> gold.actors[0].aliases
    ('Tehran',)
    """
    doc = _field(data, "doc", str, source, "root")
    actors = tuple(
        _parse_actor(record, source, f"actors[{i}]")
        for i, record in enumerate(_field(data, "actors", list, source, "root"))
    )
    actor_ids = {a.id for a in actors}
    if len(actor_ids) != len(actors):
        raise _fail(source, "actors", "two actors share an id")
    relations = tuple(
        _parse_relation(record, actor_ids, source, f"relations[{i}]")
        for i, record in enumerate(_field(data, "relations", list, source, "root"))
    )
    return Gold(doc=doc, actors=actors, relations=relations)


def load_gold(path: str | Path) -> Gold:
    """Read and validate a ``<article>.gold.json`` file.

    Raises:
        InputError: naming the file when it cannot be read, is not JSON or is malformed.
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise InputError(f"[{path.name}] cannot read gold file: {err.strerror}") from err
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise InputError(f"[{path.name}] not a JSON gold file: {err}") from err
    return parse_gold(data, source=path.name)


# ---------------------------------------------------------------------------
# Scores


@dataclass(frozen=True, slots=True)
class Score:
    """True positives, false positives and misses; the ratios are 0.0 when undefined."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class PredictedEdge:
    """A predicted edge after reduction; ``subject``/``object`` are gold ids or None if unmapped.

    Labels and the quote come from the first relation that produced the edge, so a
    false positive can be shown as the system saw it.
    """

    subject: str | None
    relation: RelationType
    object: str | None
    subject_label: str
    object_label: str
    quote: str


@dataclass(frozen=True, slots=True)
class Match:
    """A predicted edge paired with the gold edge it realises."""

    predicted: PredictedEdge
    gold: GoldRelation


@dataclass(frozen=True, slots=True)
class InvalidEvidence:
    """Evidence whose quote is not the document's text over its span (or names another doc)."""

    relation: RelationType
    subject_label: str
    object_label: str
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class DocScore:
    """The score of one article, with what went wrong kept for inspection."""

    doc: str
    document_id: str
    per_type: tuple[tuple[RelationType, Score], ...]
    actor_map: tuple[tuple[str, str | None], ...]
    matches: tuple[Match, ...]
    optional_matches: tuple[Match, ...]
    false_positives: tuple[PredictedEdge, ...]
    misses: tuple[GoldRelation, ...]
    evidence_checked: int
    invalid_evidence: tuple[InvalidEvidence, ...]

    @property
    def overall(self) -> Score:
        return sum((s for _, s in self.per_type), Score())


@dataclass(frozen=True, slots=True)
class Report:
    """Micro-averaged scores over a set of articles, per type and overall."""

    per_type: tuple[tuple[RelationType, Score], ...]
    overall: Score
    documents: tuple[DocScore, ...]
    evidence_checked: int
    evidence_invalid: int


# ---------------------------------------------------------------------------
# Step 1: actors

_POSSESSIVE = re.compile(r"['’]s\b")
_THE = re.compile(r"^the\s+")


def normalise(form: str) -> str:
    """The surface form with case, diacritics, a leading "the", "'s" and punctuation ignored.

    Dashes and slashes become spaces (so "al-Sham" equals "al Sham"); other
    punctuation is dropped (so "U.S." equals "US" and "Hay'at" equals "Hayat").

    >>> normalise("The Hezbollah group's")
    'hezbollah group'
    >>> normalise("Türkiye"), normalise("U.S."), normalise("al-Golani")
    ('turkiye', 'us', 'al golani')
    """
    text = unicodedata.normalize("NFKD", form)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = _POSSESSIVE.sub("", text)
    chars = []
    for c in text:
        category = unicodedata.category(c)
        if category in ("Pd", "Pc") or c == "/":
            chars.append(" ")
        elif not category.startswith("P"):
            chars.append(c)
    text = " ".join("".join(chars).split())
    return _THE.sub("", text)


def _forms(names: Iterable[str]) -> frozenset[str]:
    return frozenset(f for f in map(normalise, names) if f)


def _map_actors(actors: Iterable[Actor], gold: Gold) -> dict[str, str | None]:
    """Predicted actor id -> the gold actor sharing most forms; ties go to the one holding
    the predicted label, then to the gold actor listed first."""
    gold_forms = [(g.id, _forms((g.name, *g.aliases))) for g in gold.actors]
    mapping: dict[str, str | None] = {}
    for actor in actors:
        forms = _forms((actor.label, *actor.aliases))
        label = normalise(actor.label)
        best: tuple[int, bool] = (0, False)
        mapping[actor.id] = None
        for gold_id, candidates in gold_forms:
            rank = (len(forms & candidates), label in candidates)
            if rank[0] and rank > best:
                best, mapping[actor.id] = rank, gold_id
    return mapping


# ---------------------------------------------------------------------------
# Step 2: predicted edges


def _reduce(
    relations: Iterable[Relation], mapping: Mapping[str, str | None], labels: Mapping[str, str]
) -> list[PredictedEdge]:
    """One edge per (subject, type, object) over gold ids; unmapped ones over predicted ids."""
    edges: dict[tuple[object, ...], PredictedEdge] = {}
    for relation in relations:
        if not relation.counts_as_edge:
            continue
        subject, obj = mapping.get(relation.subject), mapping.get(relation.object)
        if subject is not None and obj is not None:
            a, b = subject, obj
            if relation.relation.symmetric and b < a:
                a, b = b, a
            key: tuple[object, ...] = ("gold", a, relation.relation, b)
        else:
            key = ("predicted", *relation.key)
        if key not in edges:
            edges[key] = PredictedEdge(
                subject=subject,
                relation=relation.relation,
                object=obj,
                subject_label=labels.get(relation.subject, relation.subject),
                object_label=labels.get(relation.object, relation.object),
                quote=relation.evidence[0].quote,
            )
    return list(edges.values())


# ---------------------------------------------------------------------------
# Step 3: one-to-one pairing


def _fits(edge: PredictedEdge, gold: GoldRelation) -> bool:
    if edge.relation is not gold.relation or edge.subject is None or edge.object is None:
        return False
    if edge.subject in gold.subjects and edge.object in gold.objects:
        return True
    return gold.relation.symmetric and edge.object in gold.subjects and edge.subject in gold.objects


def _pair(edges: list[PredictedEdge], golds: tuple[GoldRelation, ...]) -> dict[int, int]:
    """Predicted index -> gold index by maximum matching, most required gold edges first.

    A required pair weighs more than all optional pairs together, so the maximum
    weight matching has the most required pairs possible and, among those, the most
    optional pairs (each one a prediction that then counts neither way).
    """
    required_weight = len(edges) + 1
    graph = nx.Graph()
    for i, edge in enumerate(edges):
        for j, gold in enumerate(golds):
            if _fits(edge, gold):
                weight = 1 if gold.optional else required_weight
                graph.add_edge(("p", i), ("g", j), weight=weight)
    pairs = {}
    for u, v in nx.max_weight_matching(graph):
        gold_node, predicted_node = sorted((u, v))  # ("g", j) sorts before ("p", i)
        pairs[predicted_node[1]] = gold_node[1]
    return pairs


# ---------------------------------------------------------------------------
# Step 4: counting


def _check_evidence(
    extraction: Extraction, labels: Mapping[str, str]
) -> tuple[int, list[InvalidEvidence]]:
    checked, invalid = 0, []
    for relation in extraction.relations:
        for evidence in relation.evidence:
            checked += 1
            if not evidence.is_valid_for(extraction.document):
                invalid.append(
                    InvalidEvidence(
                        relation=relation.relation,
                        subject_label=labels.get(relation.subject, relation.subject),
                        object_label=labels.get(relation.object, relation.object),
                        evidence=evidence,
                    )
                )
    return checked, invalid


def score_document(gold: Gold, extraction: Extraction) -> DocScore:
    """Score one article's extraction against its gold annotation.

    Only relations that count as edges (positive, not hypothetical) are scored;
    evidence is checked on every relation, since every one is written to the store.
    """
    mapping = _map_actors(extraction.actors, gold)
    labels = {a.id: a.label for a in extraction.actors}
    edges = _reduce(extraction.relations, mapping, labels)
    pairs = _pair(edges, gold.relations)

    matches = [Match(edges[i], gold.relations[j]) for i, j in sorted(pairs.items())]
    paired_gold = set(pairs.values())
    false_positives = [e for i, e in enumerate(edges) if i not in pairs]
    misses = [g for j, g in enumerate(gold.relations) if not g.optional and j not in paired_gold]
    per_type = tuple(
        (
            t,
            Score(
                tp=sum(1 for m in matches if m.gold.relation is t and not m.gold.optional),
                fp=sum(1 for e in false_positives if e.relation is t),
                fn=sum(1 for g in misses if g.relation is t),
            ),
        )
        for t in _TYPES
    )
    checked, invalid = _check_evidence(extraction, labels)
    return DocScore(
        doc=gold.doc,
        document_id=extraction.document.id,
        per_type=per_type,
        actor_map=tuple(mapping.items()),
        matches=tuple(m for m in matches if not m.gold.optional),
        optional_matches=tuple(m for m in matches if m.gold.optional),
        false_positives=tuple(false_positives),
        misses=tuple(misses),
        evidence_checked=checked,
        invalid_evidence=tuple(invalid),
    )


def score(pairs: Iterable[tuple[Gold, Extraction]]) -> Report:
    """Micro-average over articles: counts are summed first, ratios taken once."""
    documents = tuple(score_document(gold, extraction) for gold, extraction in pairs)
    per_type = tuple((t, sum((dict(d.per_type)[t] for d in documents), Score())) for t in _TYPES)
    return Report(
        per_type=per_type,
        overall=sum((s for _, s in per_type), Score()),
        documents=documents,
        evidence_checked=sum(d.evidence_checked for d in documents),
        evidence_invalid=sum(len(d.invalid_evidence) for d in documents),
    )


# ---------------------------------------------------------------------------
# Output


def _short(quote: str) -> str:
    text = " ".join(quote.split())
    return text if len(text) <= _QUOTE_WIDTH else text[: _QUOTE_WIDTH - 3] + "..."


def _gold_side(ids: tuple[str, ...]) -> str:
    return " | ".join(ids)


def format_report(report: Report) -> str:
    """A text table per type and micro-averaged, then each article's errors one per line.

    False positives show the predicted actors' labels, misses the acceptable gold ids.
    """
    lines = [f"{'type':<12}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]
    for name, s in [*((str(t), s) for t, s in report.per_type), ("micro", report.overall)]:
        lines.append(
            f"{name:<12}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}{s.tp:>6}{s.fp:>6}{s.fn:>6}"
        )
    lines.append(f"evidence: {report.evidence_checked} checked, {report.evidence_invalid} invalid")
    for doc in report.documents:
        lines += ["", f"{doc.doc} ({doc.document_id})"]
        for e in doc.false_positives:
            lines.append(
                f'  FP  {e.relation}  {e.subject_label} -> {e.object_label}  "{_short(e.quote)}"'
            )
        for g in doc.misses:
            subjects, objects = _gold_side(g.subjects), _gold_side(g.objects)
            lines.append(f'  FN  {g.relation}  {subjects} -> {objects}  "{_short(g.evidence)}"')
        for bad in doc.invalid_evidence:
            ev = bad.evidence
            lines.append(
                f"  BAD evidence  {bad.relation}  {bad.subject_label} -> {bad.object_label}"
                f'  {ev.doc_id}[{ev.start}:{ev.end}] "{_short(ev.quote)}"'
            )
    return "\n".join(lines)


def _score_json(s: Score) -> dict[str, Any]:
    return {
        "tp": s.tp,
        "fp": s.fp,
        "fn": s.fn,
        "precision": s.precision,
        "recall": s.recall,
        "f1": s.f1,
    }


def _edge_json(e: PredictedEdge) -> dict[str, Any]:
    return {
        "subject": e.subject,
        "relation": str(e.relation),
        "object": e.object,
        "subject_label": e.subject_label,
        "object_label": e.object_label,
        "quote": e.quote,
    }


def _gold_json(g: GoldRelation) -> dict[str, Any]:
    return {
        "subject": list(g.subjects),
        "relation": str(g.relation),
        "object": list(g.objects),
        "evidence": g.evidence,
        "optional": g.optional,
    }


def _doc_json(d: DocScore) -> dict[str, Any]:
    return {
        "doc": d.doc,
        "document_id": d.document_id,
        "per_type": {str(t): _score_json(s) for t, s in d.per_type},
        "overall": _score_json(d.overall),
        "actor_map": dict(d.actor_map),
        "matches": [
            {"predicted": _edge_json(m.predicted), "gold": _gold_json(m.gold)} for m in d.matches
        ],
        "optional_matches": [
            {"predicted": _edge_json(m.predicted), "gold": _gold_json(m.gold)}
            for m in d.optional_matches
        ],
        "false_positives": [_edge_json(e) for e in d.false_positives],
        "misses": [_gold_json(g) for g in d.misses],
        "evidence": {
            "checked": d.evidence_checked,
            "invalid": [
                {
                    "relation": str(bad.relation),
                    "subject_label": bad.subject_label,
                    "object_label": bad.object_label,
                    "doc": bad.evidence.doc_id,
                    "start": bad.evidence.start,
                    "end": bad.evidence.end,
                    "quote": bad.evidence.quote,
                }
                for bad in d.invalid_evidence
            ],
        },
    }


def report_to_json(report: Report) -> dict[str, Any]:
    """The report as plain JSON-ready data, for CI artefacts and comparisons between runs."""
    return {
        "per_type": {str(t): _score_json(s) for t, s in report.per_type},
        "micro": _score_json(report.overall),
        "evidence": {"checked": report.evidence_checked, "invalid": report.evidence_invalid},
        "documents": [_doc_json(d) for d in report.documents],
    }
