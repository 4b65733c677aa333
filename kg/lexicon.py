"""The relation lexicon and cue words: ontology/relations.toml and ontology/cues.toml.

Parsed once into frozen lookup tables; each entry is validated so that a typo in
the data is reported with its file and entry instead of silently matching nothing.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import OntologyError
from .model import RelationType

__all__ = ["Cues", "Lexicon", "Trigger", "load_lexicon", "parse_lexicon"]


@dataclass(frozen=True, slots=True)
class Trigger:
    """What one trigger word signals."""

    relation: RelationType
    subtype: str
    preps: frozenset[str] = frozenset()
    direct: bool = True
    mutual: bool = False
    reverse: bool = False
    objects: frozenset[str] = frozenset()  # the verb counts only with one of these objects
    marked_by: frozenset[str] = frozenset()  # ... or only with one of these words below it
    gathers: bool = False  # the objects meet one another too ("X hosted A and B")
    particle: str = ""  # the verb counts only with this particle ("forced out X")
    bare: bool = False  # no predicate after the object ("called Y", not "called Y a Z")


@lru_cache(maxsize=8)
def _title_words(leaders: frozenset[str], members: frozenset[str]) -> frozenset[str]:
    return frozenset(w for title in leaders | members for w in title.split())


@dataclass(frozen=True, slots=True)
class Cues:
    """Word lists that shape how a trigger is read: titles, actor words, polarity."""

    leader_titles: frozenset[str]
    member_titles: frozenset[str]
    ranks: frozenset[str]
    honorifics: frozenset[str]
    state_offices: frozenset[str]
    body_titles: frozenset[str]
    posted: frozenset[str]
    actor_words: dict[str, str]
    metonymy_heads: frozenset[str]
    located: frozenset[str]
    speak_for: frozenset[str]
    located_qualifiers: frozenset[str]
    regions: frozenset[str]
    held: frozenset[str]
    operated: frozenset[str]
    partitive_heads: frozenset[str]
    counted: dict[str, str]
    state_forces: frozenset[str]
    attackers: frozenset[str]
    raids: frozenset[str]
    raided_in: frozenset[str]
    home_state: frozenset[str]
    name_heads: frozenset[str]
    light_verbs: frozenset[str]
    reciprocal_verbs: frozenset[str]
    frames: frozenset[str]
    event_objects: frozenset[str]
    event_claims: frozenset[str]
    accusations: frozenset[str]
    helpers: frozenset[str]
    partnering: frozenset[str]
    mutual_roles: frozenset[str]
    answers: frozenset[str]
    answer_preps: frozenset[str]
    wars: frozenset[str]
    war_spans: frozenset[str]
    war_stakes: frozenset[str]
    ends: frozenset[str]
    negators: frozenset[str]
    denials: frozenset[str]
    cancellations: frozenset[str]
    disputes: frozenset[str]
    disputed: frozenset[str]
    hypothetical: frozenset[str]
    conditionals: frozenset[str]
    reported_future: frozenset[str]
    hypothetical_verbs: frozenset[str]
    hypothetical_words: frozenset[str]
    planned: frozenset[str]
    planned_verbs: frozenset[str]
    former: frozenset[str]
    reporting: frozenset[str]
    beneficiary: frozenset[str]
    loyal: frozenset[str]
    side_nouns: frozenset[str]
    side_not_verbs: frozenset[str]
    side_texts: frozenset[str]
    arrivals: frozenset[str]
    hosts: frozenset[str]
    not_parties: frozenset[str]
    delegation_leads: frozenset[str]
    witnessed: frozenset[str]
    apart: frozenset[str]
    together: frozenset[str]
    delegate_verbs: frozenset[str]
    serving_heads: frozenset[str]
    serving_preps: frozenset[str]
    serving_verbs: frozenset[str]
    addressing: frozenset[str]
    sides: frozenset[str]
    gatherings: frozenset[str]
    appeals: frozenset[str]
    attended: frozenset[str]
    media: frozenset[str]

    @property
    def titles(self) -> frozenset[str]:
        return self.leader_titles | self.member_titles

    @property
    def title_words(self) -> frozenset[str]:
        """Every word of every title ("secretary", "of", "state"), computed once."""
        return _title_words(self.leader_titles, self.member_titles)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Trigger tables by part of speech, keyed by lemma (or word, for compounds)."""

    verbs: dict[str, tuple[Trigger, ...]]
    nouns: dict[str, tuple[Trigger, ...]]
    compounds: dict[str, Trigger]
    prefixes: dict[str, Trigger]
    roles: dict[str, Trigger]
    cues: Cues


def _words(table: dict[str, object], key: str, where: str) -> list[str]:
    value = table.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise OntologyError(f"[{where} -> {key}] must be a non-empty list of strings")
    return [v.lower() for v in value]


def _trigger(table: dict[str, object], where: str) -> Trigger:
    try:
        relation = RelationType(table.get("relation"))
    except ValueError:
        allowed = ", ".join(r.value for r in RelationType)
        raise OntologyError(f"[{where} -> relation] must be one of {allowed}") from None
    subtype = table.get("subtype")
    if not isinstance(subtype, str) or not subtype:
        raise OntologyError(f"[{where} -> subtype] is required")
    preps = table.get("preps", [])
    if not isinstance(preps, list):
        raise OntologyError(f"[{where} -> preps] must be a list")
    objects = _words(table, "objects", where) if "objects" in table else []
    marked_by = _words(table, "marked_by", where) if "marked_by" in table else []
    return Trigger(
        relation=relation,
        subtype=subtype,
        preps=frozenset(str(p).lower() for p in preps),
        direct=bool(table.get("direct", True)),
        mutual=bool(table.get("mutual", False)),
        reverse=bool(table.get("reverse", False)),
        objects=frozenset(objects),
        marked_by=frozenset(marked_by),
        gathers=bool(table.get("gathers", False)),
        particle=str(table.get("particle", "")).lower(),
        bare=bool(table.get("bare", False)),
    )


def _index(
    entries: list[dict[str, object]], key: str, source: str, kind: str
) -> dict[str, tuple[Trigger, ...]]:
    index: dict[str, tuple[Trigger, ...]] = {}
    for n, entry in enumerate(entries):
        where = f"{source}:{kind}[{n}]"
        trigger = _trigger(entry, where)
        for word in _words(entry, key, where):
            index[word] = (*index.get(word, ()), trigger)
    return index


def _cues(data: dict[str, dict[str, list[str]]], source: str) -> Cues:
    def words(section: str, key: str) -> frozenset[str]:
        try:
            return frozenset(_words(data[section], key, f"{source}:{section}"))
        except KeyError:
            raise OntologyError(f"[{source}] needs a [{section}] table") from None

    actor_words = {
        word: kind
        for kind in ("armed_group", "government", "organization")
        for word in words("actor_words", kind)
    }
    counted = {
        word: kind for kind in ("person", "state", "side") for word in words("counted", kind)
    }
    return Cues(
        leader_titles=words("titles", "leads"),
        member_titles=words("titles", "member_of"),
        ranks=words("titles", "ranks"),
        honorifics=words("titles", "honorifics"),
        state_offices=words("titles", "state_offices"),
        body_titles=words("titles", "bodies"),
        posted=words("titles", "posted"),
        actor_words=actor_words,
        metonymy_heads=words("metonymy", "heads"),
        located=words("metonymy", "located"),
        speak_for=words("metonymy", "speak_for"),
        located_qualifiers=words("metonymy", "located_qualifiers"),
        regions=words("metonymy", "regions"),
        held=words("metonymy", "held"),
        operated=words("metonymy", "operated"),
        partitive_heads=words("partitive", "heads"),
        counted=counted,
        state_forces=words("coref", "state_forces"),
        attackers=words("coref", "attackers"),
        raids=words("raids", "lemmas"),
        raided_in=words("raids", "places"),
        home_state=words("coref", "home_state"),
        name_heads=words("coref", "name_heads"),
        light_verbs=words("light_verbs", "lemmas"),
        reciprocal_verbs=words("light_verbs", "reciprocal"),
        frames=words("frames", "nouns"),
        event_objects=words("event_objects", "lemmas"),
        event_claims=words("event_claims", "lemmas"),
        accusations=words("accusations", "lemmas"),
        helpers=words("helpers", "lemmas"),
        partnering=words("helpers", "partnering"),
        mutual_roles=words("loyal", "mutual_roles"),
        answers=words("answers", "lemmas"),
        answer_preps=words("answers", "preps"),
        wars=words("wars", "lemmas"),
        war_spans=words("wars", "spans"),
        war_stakes=words("wars", "stakes"),
        ends=words("wars", "ends"),
        negators=words("polarity", "negators"),
        denials=words("polarity", "denials"),
        cancellations=words("polarity", "cancellations"),
        disputes=words("polarity", "disputes"),
        disputed=words("polarity", "disputed"),
        hypothetical=words("polarity", "hypothetical"),
        conditionals=words("polarity", "conditionals"),
        reported_future=words("polarity", "reported_future"),
        hypothetical_verbs=words("polarity", "hypothetical_verbs"),
        hypothetical_words=words("polarity", "hypothetical_words"),
        planned=words("polarity", "planned"),
        planned_verbs=words("polarity", "planned_verbs"),
        former=words("polarity", "former"),
        reporting=words("reporting", "lemmas"),
        beneficiary=words("beneficiary", "lemmas"),
        loyal=words("loyal", "words"),
        side_nouns=words("taking_sides", "nouns"),
        side_not_verbs=words("taking_sides", "not_verbs"),
        side_texts=words("taking_sides", "texts"),
        arrivals=words("arrivals", "lemmas"),
        hosts=words("hosts", "lemmas"),
        not_parties=words("guests", "not_parties"),
        delegation_leads=words("guests", "led_by"),
        witnessed=words("guests", "witnessed"),
        apart=words("guests", "apart"),
        together=words("guests", "together"),
        delegate_verbs=words("guests", "listed_by"),
        serving_heads=words("serving", "heads"),
        serving_preps=words("serving", "preps"),
        serving_verbs=words("serving", "verbs"),
        addressing=words("addressing", "lemmas"),
        sides=words("guests", "sides"),
        gatherings=words("guests", "gatherings"),
        appeals=words("guests", "appeals"),
        attended=words("guests", "attended"),
        media=words("media", "names"),
    )


def parse_lexicon(relations: dict[str, list[dict[str, object]]], cues: dict) -> Lexicon:
    """Build the lexicon from parsed TOML; pure, so tests can pass small tables."""
    source = "relations.toml"
    compounds: dict[str, Trigger] = {}
    prefixes: dict[str, Trigger] = {}
    for n, entry in enumerate(relations.get("compound", [])):
        where = f"{source}:compound[{n}]"
        trigger = _trigger(entry, where)
        target = prefixes if entry.get("prefix") else compounds
        for word in _words(entry, "words", where):
            target[word] = trigger
    roles = {
        lemma: triggers[0]
        for lemma, triggers in _index(relations.get("role", []), "lemmas", source, "role").items()
    }
    return Lexicon(
        verbs=_index(relations.get("verb", []), "lemmas", source, "verb"),
        nouns=_index(relations.get("noun", []), "lemmas", source, "noun"),
        compounds=compounds,
        prefixes=prefixes,
        roles=roles,
        cues=_cues(cues, "cues.toml"),
    )


def load_lexicon(directory: Path) -> Lexicon:
    """Read ``relations.toml`` and ``cues.toml`` from the ontology directory.

    Raises:
        OntologyError: a file is missing, not TOML, or an entry breaks the format.
    """
    parsed = []
    for name in ("relations.toml", "cues.toml"):
        path = directory / name
        try:
            parsed.append(tomllib.loads(path.read_text(encoding="utf-8")))
        except FileNotFoundError:
            raise OntologyError(f"[{path}] is missing") from None
        except tomllib.TOMLDecodeError as err:
            raise OntologyError(f"[{path}] is not valid TOML: {err}") from err
    return parse_lexicon(parsed[0], parsed[1])
