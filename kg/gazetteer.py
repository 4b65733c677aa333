"""The actor gazetteer: ontology/actors/*.toml parsed into validated entries.

The gazetteer is data an analyst extends without touching Python; this module
only reads and checks it, and answers "which actor does this surface form name?".
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import OntologyError
from .model import Actor, ActorType

__all__ = ["Entry", "Gazetteer", "load_gazetteer", "normalize"]

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_KNOWN_KEYS = {"label", "type", "aliases", "demonyms", "generic", "country", "wikidata"}


def normalize(text: str) -> str:
    """Fold a surface form for lookup: case, diacritics, apostrophes, dashes, spaces.

    >>> normalize("Türkiye")
    'turkiye'
    >>> normalize("Hay’at  Tahrir al-Sham")
    "hay'at tahrir al-sham"
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2010", "-")
    text = text.replace("\u2011", "-").replace("\u2013", "-").replace("\u2014", "-")
    return " ".join(text.casefold().split())


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer actor and the words that name it."""

    actor: Actor
    demonyms: tuple[str, ...] = ()
    generic: tuple[str, ...] = ()
    country: str | None = None

    @property
    def id(self) -> str:
        return self.actor.id


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Entries by id, with indexes from normalised surface forms to ids."""

    entries: dict[str, Entry]
    names: dict[str, str]
    demonyms: dict[str, str]
    generic: dict[tuple[str, str], str]
    homes: dict[str, str]

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries.values())

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self.entries

    def get(self, actor_id: str) -> Entry | None:
        return self.entries.get(actor_id)

    def by_name(self, text: str) -> Entry | None:
        """The entry one of whose names (label or alias) is ``text``."""
        actor_id = self.names.get(normalize(text))
        return self.entries[actor_id] if actor_id else None

    def by_demonym(self, text: str) -> Entry | None:
        """The state an adjective such as "Russian" refers to."""
        actor_id = self.demonyms.get(normalize(text))
        return self.entries[actor_id] if actor_id else None

    def by_generic(self, text: str, country: str | None) -> Entry | None:
        """The actor a description such as "government forces" means in a country's news."""
        if country is None:
            return None
        actor_id = self.generic.get((country, normalize(text)))
        return self.entries[actor_id] if actor_id else None

    def home_of(self, actor_id: str) -> str | None:
        """The actor that stands for an actor's country: its state, or the government
        where the country is at civil war ("syria" -> syrian-government)."""
        country = self.country_of(actor_id)
        return self.homes.get(country) if country else None

    def country_of(self, actor_id: str) -> str | None:
        """The country tag of an actor: its own id for a state, else its ``country`` field."""
        entry = self.entries.get(actor_id)
        if entry is None:
            return None
        if entry.actor.type is ActorType.STATE:
            return entry.id
        return entry.country


def _strings(value: object, where: str, key: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise OntologyError(f"[{where} -> {key}] must be a list of non-empty strings")
    return tuple(value)


def _parse_entry(actor_id: str, table: object, where: str) -> Entry:
    if not isinstance(table, dict):
        raise OntologyError(f"[{where}] must be a table of fields")
    if not _ID.match(actor_id):
        raise OntologyError(f"[{where}] id must be lower-case letters, digits and '-'")
    unknown = set(table) - _KNOWN_KEYS
    if unknown:
        raise OntologyError(f"[{where}] unknown field(s): {', '.join(sorted(unknown))}")
    label = table.get("label")
    if not isinstance(label, str) or not label.strip():
        raise OntologyError(f"[{where} -> label] is required and must be a string")
    try:
        actor_type = ActorType(table.get("type"))
    except ValueError:
        allowed = ", ".join(t.value for t in ActorType)
        raise OntologyError(f"[{where} -> type] must be one of {allowed}") from None
    aliases = _strings(table.get("aliases", []), where, "aliases")
    country = table.get("country")
    if country is not None and not (isinstance(country, str) and _ID.match(country)):
        raise OntologyError(f"[{where} -> country] must be a country tag such as 'syria'")
    try:
        actor = Actor(
            id=actor_id,
            label=label,
            type=actor_type,
            aliases=tuple(dict.fromkeys((label, *aliases))),
            wikidata=table.get("wikidata"),
            country=country,
        )
    except ValueError as err:
        raise OntologyError(f"[{where}] {err}") from err
    return Entry(
        actor=actor,
        demonyms=_strings(table.get("demonyms", []), where, "demonyms"),
        generic=tuple(normalize(g) for g in _strings(table.get("generic", []), where, "generic")),
        country=country,
    )


def parse_gazetteer(tables: Iterable[tuple[str, dict[str, object]]]) -> Gazetteer:
    """Build a gazetteer from (file name, parsed TOML) pairs; pure, so tests need no files."""
    entries: dict[str, Entry] = {}
    origin: dict[str, str] = {}
    for source, document in tables:
        for actor_id, table in document.items():
            where = f"{source}:{actor_id}"
            if actor_id in entries:
                raise OntologyError(f"[{where}] id already defined in {origin[actor_id]}")
            entries[actor_id] = _parse_entry(actor_id, table, where)
            origin[actor_id] = source
    names: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    generic: dict[tuple[str, str], str] = {}
    for entry in entries.values():
        for name in entry.actor.aliases:
            names.setdefault(normalize(name), entry.id)
        for demonym in entry.demonyms:
            demonyms.setdefault(normalize(demonym), entry.id)
        country = entry.id if entry.actor.type is ActorType.STATE else entry.country
        for description in entry.generic:
            if country is not None:
                generic.setdefault((country, description), entry.id)
    homes: dict[str, str] = {}
    for entry in entries.values():
        if entry.actor.type is ActorType.STATE:
            homes[entry.id] = entry.id
    for entry in entries.values():
        if entry.actor.type is ActorType.GOVERNMENT and entry.country:
            homes.setdefault(entry.country, entry.id)
    return Gazetteer(entries, names, demonyms, generic, homes)


def load_gazetteer(directory: Path) -> Gazetteer:
    """Read every ``*.toml`` file of ``directory`` (sorted) into one gazetteer.

    Raises:
        OntologyError: a file is not valid TOML or an entry breaks the format,
            with the file and entry named.
    """
    tables = []
    for path in sorted(directory.glob("*.toml")):
        try:
            tables.append((path.name, tomllib.loads(path.read_text(encoding="utf-8"))))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
            raise OntologyError(f"[{path}] is not valid TOML: {err}") from err
    if not tables:
        raise OntologyError(f"[{directory}] holds no *.toml gazetteer files")
    return parse_gazetteer(tables)
