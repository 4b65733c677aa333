"""Actor mentions in parsed text: who each noun phrase, name or pronoun points at.

A document is read paragraph by paragraph. Names come from the gazetteer
(aliases, demonyms, country-specific descriptions such as "government forces"),
then from spaCy's entities and from noun phrases headed by actor words
("pro-government militia groups"). Titles and appositions join a person to the
body they serve ("Turkish Foreign Minister Hakan Fidan"); pronouns and
descriptions ("his group", "the militia", "its") are resolved to an earlier
mention. The result, a ``Mentions`` per paragraph, answers ``resolve(token)``:
the actors a token stands for, coordination and apposition distributed.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from .gazetteer import Gazetteer, normalize
from .lexicon import Cues, Lexicon
from .model import Actor, ActorType, RelationType

__all__ = [
    "ActorBook",
    "Matchers",
    "MentionFinder",
    "Mentions",
    "Ref",
    "TitleLink",
    "build_matchers",
]

_PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
_THING_PRONOUNS = {"it", "its", "itself"}
_PLURAL_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
_RELATIVE = {"which", "who", "whom", "that", "whose"}
# Words that may stand between a title and its body: "Hezbollah's new leader".
_TITLE_FILLERS = {"'s", "’s", "new", "acting", "interim", "top", "senior", "then"}
_HEADS = {"chief", "head", "commander", "leader", "boss", "chairman"}
_SUBORDINATE = {"deputy", "vice", "assistant", "under", "associate", "vice-president"}
_QUANTIFIERS = {
    "other",
    "such",
    "many",
    "some",
    "several",
    "all",
    "these",
    "those",
    "most",
    "any",
    "each",
    "no",
    "various",
    "numerous",
    "few",
}
_TITLE_PREPS = {"of", "with", "in", "at", "for", "from"}
_SKIP_MODIFIERS = {
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "other",
    "some",
    "many",
    "several",
    "few",
    "all",
    "any",
    "each",
    "both",
    "more",
    "most",
    "such",
    "own",
    "same",
    "new",
    "main",
    "local",
    "senior",
    "top",
    "small",
    "large",
    "key",
    "major",
    "two",
    "three",
    "four",
    "various",
    "rival",
    "armed",
    "regional",
    "foreign",
    "certain",
    "former",
}


@dataclass(frozen=True, slots=True)
class Ref:
    """A token span of a paragraph that names an actor."""

    actor_id: str
    start: int
    end: int
    kind: str


@dataclass(frozen=True, slots=True)
class TitleLink:
    """A person tied to a body by a title in the text: leads or member_of."""

    person: str
    body: str
    relation: RelationType
    start: int
    end: int


@dataclass
class ActorBook:
    """The actors of one document: gazetteer actors and new ones, with every surface form."""

    gazetteer: Gazetteer
    actors: dict[str, Actor] = field(default_factory=dict)
    surfaces: dict[str, dict[str, None]] = field(default_factory=dict)
    led_by: dict[str, str] = field(default_factory=dict)

    def known(self, actor_id: str, surface: str) -> str:
        entry = self.gazetteer.entries[actor_id]
        self.actors.setdefault(actor_id, entry.actor)
        self.surfaces.setdefault(actor_id, {})[surface] = None
        return actor_id

    def new(self, label: str, actor_type: ActorType, surface: str) -> str:
        """An actor the gazetteer does not know; a surname alone joins an earlier full name."""
        label = " ".join(label.split())
        if actor_type is ActorType.PERSON:
            for actor in self.actors.values():
                if actor.type is ActorType.PERSON and _same_person(actor.label, label):
                    self.surfaces[actor.id][surface] = None
                    if len(label) > len(actor.label):
                        self.actors[actor.id] = Actor(actor.id, label, actor.type)
                    return actor.id
        actor_id = "x-" + _slug(label)
        self.actors.setdefault(actor_id, Actor(actor_id, label, actor_type))
        self.surfaces.setdefault(actor_id, {})[surface] = None
        return actor_id

    def has_person(self, name: str) -> bool:
        return any(
            a.type is ActorType.PERSON and _same_person(a.label, name) for a in self.actors.values()
        )

    def type_of(self, actor_id: str) -> ActorType:
        return self.actors[actor_id].type

    def finished(self, used: Iterable[str]) -> tuple[Actor, ...]:
        """The actors in ``used``, each with its gazetteer aliases and the forms seen here."""
        out = []
        for actor_id in sorted(set(used)):
            actor = self.actors[actor_id]
            aliases = tuple(dict.fromkeys((*actor.aliases, *self.surfaces.get(actor_id, ()))))
            out.append(
                Actor(actor.id, actor.label, actor.type, aliases, actor.wikidata, actor.country)
            )
        return tuple(out)


def _slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "actor"


def _same_person(a: str, b: str) -> bool:
    """ "Qassem" and "Naim Qassem" name one person: one name's words end the other's."""
    wa, wb = normalize(a).split(), normalize(b).split()
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return bool(short) and long_[-len(short) :] == short


@dataclass(frozen=True, slots=True)
class Matchers:
    """Phrase matchers over the gazetteer, built once per pipeline."""

    lower: PhraseMatcher
    exact: PhraseMatcher


def _spellings(alias: str) -> set[str]:
    """The ways one alias is written: folded, curly apostrophes, and the Arabic article
    with or without its hyphen ("al-Burhan", "Al Burhan")."""
    forms = {alias, normalize(alias)}
    forms |= {f.replace("'", "’") for f in forms}
    forms |= {re.sub(r"\b([Aa][lL])-", r"\1 ", f) for f in forms}
    return forms


def _relational(alias: str, lexicon: Lexicon) -> bool:
    """An alias that states a relation ("Iran-backed Hezbollah", "Lebanon's Hezbollah")
    is left to the relation patterns, so the relation is not swallowed into a name."""
    words = re.split(r"[\s\-–]+", alias.lower())
    return "'s" in alias.lower() or any(w in lexicon.compounds for w in words[1:])


def build_matchers(nlp: Language, gazetteer: Gazetteer, lexicon: Lexicon) -> Matchers:
    """Phrase patterns for every name, demonym and description of the gazetteer.

    ALL-CAPS names ("US", "IS", "HTS") match case-sensitively, everything else
    case-insensitively, so "IS" never matches the verb "is".
    """
    forms: dict[str, set[str]] = {"name": set(), "demonym": set(), "generic": set()}
    for entry in gazetteer:
        forms["name"].update(a for a in entry.actor.aliases if not _relational(a, lexicon))
        forms["demonym"].update(entry.demonyms)
        forms["generic"].update(entry.generic)
    lower = PhraseMatcher(nlp.vocab, attr="LOWER")
    exact = PhraseMatcher(nlp.vocab, attr="ORTH")
    for kind, texts in forms.items():
        caps = sorted(t for t in texts if t.isupper() or (t.replace(".", "").isupper()))
        rest = sorted(set(texts) - set(caps))
        variants = sorted({v for t in rest for v in _spellings(t)})
        lower.add(kind, list(nlp.tokenizer.pipe(variants)))
        if caps:
            exact.add(kind, list(nlp.tokenizer.pipe(caps)))
    return Matchers(lower, exact)


@dataclass
class Mentions:
    """The actor references of one paragraph, and how to resolve a token to actors."""

    doc: Doc
    refs: list[Ref]
    titles: list[TitleLink]
    book: ActorBook
    lexicon: Lexicon
    by_token: dict[int, Ref] = field(default_factory=dict)
    plural: dict[int, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for ref in self.refs:
            for i in range(ref.start, ref.end):
                self.by_token[i] = ref

    def ref_at(self, token: Token) -> Ref | None:
        return self.by_token.get(token.i)

    def resolve(self, token: Token, *, depth: int = 0, conjuncts: bool = True) -> list[str]:
        """Actor ids ``token`` stands for, its appositions and (unless told not to) the
        words coordinated with it included."""
        found = self._resolve_one(token, depth)
        if conjuncts:
            for conj in token.conjuncts:
                if conj.i > token.i:
                    found.extend(self._resolve_one(conj, depth))
        return list(dict.fromkeys(found))

    def _resolve_one(self, token: Token, depth: int) -> list[str]:
        if depth > 4:
            return []
        if token.i in self.plural:
            return list(self.plural[token.i])
        ref = self.ref_at(token)
        if ref is not None:
            return [self._through_possession(token, ref)]
        if token.lower_ in _RELATIVE and token.head.dep_ == "relcl":
            return self.resolve(token.head.head, depth=depth + 1)
        cues = self.lexicon.cues
        lemma = token.lemma_.lower()
        modifiers = [c for c in token.children if c.dep_ in {"amod", "compound", "poss", "nmod"}]
        if lemma in cues.metonymy_heads or token.lower_ in cues.metonymy_heads:
            owners = [a for m in modifiers for a in self.resolve(m, depth=depth + 1)]
            if owners:
                return [self.book.led_by.get(a, a) for a in owners]
        if lemma in self.lexicon.nouns and token.dep_ in {"nsubj", "nsubjpass"}:
            # "Russian bombing destroyed ...": the event's agent acts through it.
            owners = [a for m in modifiers for a in self.resolve(m, depth=depth + 1)]
            if owners:
                return owners
        if lemma in cues.partitive_heads or token.lower_ in cues.partitive_heads:
            for prep in token.children:
                if prep.dep_ == "prep" and prep.lower_ in {"of", "in", "from", "among"}:
                    for obj in prep.children:
                        if obj.dep_ == "pobj":
                            found = self.resolve(obj, depth=depth + 1)
                            if found:
                                return found
        for child in token.children:
            if child.dep_ == "appos":
                found = self.resolve(child, depth=depth + 1)
                if found:
                    return found
        return []

    def _through_possession(self, token: Token, ref: Ref) -> str:
        """ "Assad's forces" acts for the government Assad leads, when the text said so."""
        if token.dep_ == "poss" and token.head.lower_ in self.lexicon.cues.metonymy_heads:
            return self.book.led_by.get(ref.actor_id, ref.actor_id)
        return ref.actor_id


def _filter(spans: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """Longest first, then names over descriptions over adjectives; no overlaps."""
    rank = {"name": 0, "generic": 1, "demonym": 2, "entity": 3, "phrase": 4}
    ordered = sorted(spans, key=lambda s: (-(s[1] - s[0]), rank[s[2]], s[0]))
    taken: set[int] = set()
    kept = []
    for start, end, kind, actor_id in ordered:
        if taken.isdisjoint(range(start, end)):
            kept.append((start, end, kind, actor_id))
            taken.update(range(start, end))
    return sorted(kept)


@dataclass
class _Context:
    """What coreference remembers across the paragraphs of one document."""

    focus: str | None
    recent: list[tuple[str, ActorType, str]] = field(default_factory=list)
    descriptions: dict[str, str] = field(default_factory=dict)

    def remember(self, actor_id: str, actor_type: ActorType, role: str) -> None:
        self.recent.append((actor_id, actor_type, role))
        del self.recent[:-40]

    def last(self, types: set[ActorType], *, subject_first: bool = False) -> str | None:
        if subject_first:
            for actor_id, actor_type, role in reversed(self.recent[-8:]):
                if actor_type in types and role == "subject":
                    return actor_id
        for actor_id, actor_type, _ in reversed(self.recent):
            if actor_type in types:
                return actor_id
        return None


def gazetteer_spans(
    doc: Doc, matchers: Matchers, gazetteer: Gazetteer
) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, kind, key) for every gazetteer form in ``doc``; key is the matched text."""
    for matcher in (matchers.lower, matchers.exact):
        for match_id, start, end in matcher(doc):
            yield start, end, doc.vocab.strings[match_id], doc[start:end].text


def country_votes(docs: Iterable[Doc], matchers: Matchers, gazetteer: Gazetteer) -> Counter[str]:
    """How often the names and adjectives of ``docs`` point at each country."""
    votes: Counter[str] = Counter()
    for doc in docs:
        for _, _, kind, text in gazetteer_spans(doc, matchers, gazetteer):
            entry = gazetteer.by_demonym(text) if kind == "demonym" else gazetteer.by_name(text)
            if entry is not None:
                country = gazetteer.country_of(entry.id)
                if country is not None:
                    votes[country] += 1
    return votes


def focus_country(docs: Iterable[Doc], matchers: Matchers, gazetteer: Gazetteer) -> str | None:
    """The country an article is about: the one its names and adjectives point at most."""
    votes = country_votes(docs, matchers, gazetteer)
    return votes.most_common(1)[0][0] if votes else None


class MentionFinder:
    """Finds the actor mentions of a document's paragraphs, in order, with coreference."""

    def __init__(
        self, gazetteer: Gazetteer, lexicon: Lexicon, matchers: Matchers, focus: str | None
    ) -> None:
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        self.matchers = matchers
        self.book = ActorBook(gazetteer)
        self.context = _Context(focus)

    # -- the passes over one paragraph -------------------------------------------------

    def actor_for_word(self, token: Token) -> str | None:
        """The actor one word names on its own: "government" in "anti-government", "rebel"
        in "rebel commander", "Russian" in "pro-Russian"."""
        text = token.text
        focus = self.context.focus
        entry = (
            self.gazetteer.by_generic(text, focus)
            or self.gazetteer.by_generic(text + "s", focus)
            or self.gazetteer.by_name(text)
            or self.gazetteer.by_demonym(text)
        )
        return self.book.known(entry.id, text) if entry else None

    def paragraph(self, doc: Doc) -> Mentions:
        """The mentions of one paragraph. A paragraph clearly about another country than
        the article, and silent about the article's own ("Sudan's army said ..."), reads
        its descriptions in that country."""
        votes = country_votes([doc], self.matchers, self.gazetteer)
        article = self.context.focus
        ranked = votes.most_common(2)
        clear = (
            ranked
            and votes[article] == 0
            and ranked[0][1] >= 2
            and (len(ranked) == 1 or ranked[0][1] > ranked[1][1])
        )
        self.context.focus = ranked[0][0] if clear else article
        try:
            return self._paragraph(doc)
        finally:
            self.context.focus = article

    def _paragraph(self, doc: Doc) -> Mentions:
        spans = list(self._gazetteer(doc))
        spans.extend(self._entities(doc, spans))
        spans = _filter(spans)
        spans.extend(self._phrases(doc, spans))
        spans = _filter(spans)
        refs = [Ref(actor_id, start, end, kind) for start, end, kind, actor_id in spans]
        mentions = Mentions(doc, refs, [], self.book, self.lexicon)
        self._coreference(doc, mentions)
        self._titles(doc, mentions)
        return mentions

    def _gazetteer(self, doc: Doc) -> Iterator[tuple[int, int, str, str]]:
        cues = self.lexicon.cues
        for start, end, kind, text in gazetteer_spans(doc, self.matchers, self.gazetteer):
            if kind == "name":
                entry = self.gazetteer.by_name(text)
            elif kind == "demonym":
                entry = self.gazetteer.by_demonym(text)
            else:
                entry = self.gazetteer.by_generic(_strip_the(text), self.context.focus)
                if entry is None or _specified(doc[start:end], cues.former):
                    continue
                if _owned(doc, start, end, self.matchers):
                    continue
            if entry is None:
                continue
            if kind == "demonym" and not _demonym_refers(doc[end - 1], self.lexicon):
                continue
            yield start, end, kind, self.book.known(entry.id, text)

    def _entities(
        self, doc: Doc, taken: list[tuple[int, int, str, str]]
    ) -> Iterator[tuple[int, int, str, str]]:
        used = {i for s in taken for i in range(s[0], s[1])}
        media = self.lexicon.cues.media
        for ent in doc.ents:
            if ent.label_ not in {"PERSON", "ORG"} or not used.isdisjoint(
                range(ent.start, ent.end)
            ):
                continue
            span = _trim(ent)
            if span is None or normalize(span.text) in media:
                continue
            if ent.label_ == "PERSON":
                if not _looks_like_name(span) or _modifies_noun(span[-1]):
                    continue
                titled = span.start > 0 and doc[span.start - 1].lower_ in _title_words(
                    self.lexicon.cues
                )
                if len(span) == 1 and not titled and not self.book.has_person(span.text):
                    continue  # a lone capitalised word is as often a place ("Goma")
                actor_id = self.book.new(span.text, ActorType.PERSON, span.text)
            else:
                head = span[-1].lower_
                kind = self.lexicon.cues.actor_words.get(head)
                if kind is None and not span.text.isupper():
                    continue
                actor_type = ActorType(kind) if kind else ActorType.ORGANIZATION
                actor_id = self.book.new(span.text, actor_type, span.text)
            yield span.start, span.end, "entity", actor_id

    def _phrases(
        self, doc: Doc, taken: list[tuple[int, int, str, str]]
    ) -> Iterator[tuple[int, int, str, str]]:
        """Noun phrases headed by an actor word, specified enough to name one actor."""
        cues = self.lexicon.cues
        used = {i for s in taken for i in range(s[0], s[1])}
        for token in doc:
            kind = cues.actor_words.get(token.lower_)
            if kind is None or token.pos_ not in {"NOUN", "PROPN"} or token.i in used:
                continue
            if token.dep_ == "compound" and token.head.lower_ in cues.actor_words:
                continue
            left = [
                c
                for c in token.lefts
                if c.dep_ in {"amod", "compound", "nmod", "npadvmod"} and c.i not in used
            ]
            if not left or any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in token.lefts):
                continue
            start = min(t.left_edge.i for t in left)
            words = [t for t in doc[start : token.i + 1] if t.lower_ not in _SKIP_MODIFIERS]
            if any(
                t.i in used and not _in_hyphen_compound(t, self.lexicon)
                for t in doc[start : token.i + 1]
            ):
                continue
            if len(words) < 2 or any(t.lower_ in cues.former for t in doc[start : token.i]):
                continue
            if token.i + 1 < len(doc) and (token.i + 1) in used:
                continue  # "the Palestinian militant group Hamas": the name decides
            if any(c.dep_ == "poss" for c in token.children) or (
                start > 0 and doc[start - 1].lower_ in {"'s", "’s"}
            ):
                continue  # "Rwanda's national army": the owner decides
            if _definite(token) and token.tag_ != "NNS":
                continue  # "the Iranian-backed group": an earlier actor, by coreference
            if any(c.lower_ in _QUANTIFIERS for c in token.lefts):
                continue  # "other Iranian-backed groups": no one actor
            label = doc[words[0].i : token.i + 1].text
            yield words[0].i, token.i + 1, "phrase", self.book.new(label, ActorType(kind), label)

    def _titles(self, doc: Doc, mentions: Mentions) -> None:
        """Join titles to names: "Turkish Foreign Minister Hakan Fidan", "NATO member Turkey",
        "Hezbollah's new leader, Naim Qassem", "a top commander with the group"."""
        cues = self.lexicon.cues
        title_words = _title_words(cues)
        by_token = mentions.by_token
        out: list[Ref] = []
        for ref in mentions.refs:
            out.append(self._prefix_title(doc, ref, by_token, mentions.titles))
        mentions.refs[:] = out
        mentions.by_token.clear()
        for ref in out:
            for i in range(ref.start, ref.end):
                mentions.by_token[i] = ref
        for token in doc:
            qualifiers = [
                c.lower_
                for c in token.lefts
                if c.dep_ in {"amod", "compound"}
                and (c.lower_ in title_words or c.lower_ in _SUBORDINATE)
            ]
            relation = _title_relation(
                " ".join([*qualifiers, token.lower_]), cues, ActorType.PERSON
            )
            if relation is None:
                relation = _title_relation(token.lower_, cues, ActorType.PERSON)
            if token.lower_ in cues.body_titles:
                relation = RelationType.MEMBER_OF
            if relation is None or token.i in by_token:
                continue
            if any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in token.children):
                relation = RelationType.MEMBER_OF  # "a top commander with the group": one of many
            elif token.lower_ in _HEADS and any(
                c.dep_ == "compound" and mentions.resolve(c) for c in token.children
            ):
                relation = RelationType.LEADS  # "army chief" of the army itself
            if any(c.lower_ in cues.former for c in token.lefts) or _misparsed_subject(token):
                continue
            bodies = [
                a
                for c in token.children
                if c.dep_ in {"poss", "compound", "amod"}
                for a in (mentions.resolve(c) or filter(None, [self.actor_for_word(c)]))
            ] + [
                a
                for p in token.children
                if p.dep_ == "prep" and p.lower_ in _TITLE_PREPS
                for o in p.children
                if o.dep_ == "pobj"
                for a in mentions.resolve(o)
            ]
            near = [*token.children, token.head] if token.dep_ == "appos" else list(token.children)
            wanted = (
                {ActorType.PERSON}
                if token.lower_ not in cues.body_titles
                else {ActorType.ORGANIZATION, ActorType.GOVERNMENT, ActorType.ARMED_GROUP}
            )
            people = [
                by_token[n.i].actor_id
                for n in near
                if n.i in by_token
                and (n.dep_ == "appos" or token.dep_ == "appos")
                and self.book.type_of(by_token[n.i].actor_id) in wanted
            ]
            people += [a for a in _holders(token, mentions) if self.book.type_of(a) in wanted]
            for person in dict.fromkeys(people):
                for body in dict.fromkeys(bodies):
                    if body != person and self.book.type_of(body) is not ActorType.PERSON:
                        mentions.titles.append(
                            TitleLink(person, body, relation, token.i, token.i + 1)
                        )
                        if relation is RelationType.LEADS:
                            self.book.led_by.setdefault(person, body)

    def _agency_of(self, ref: Ref, body: str) -> bool:
        """An organisation named after its own state is one of that state's bodies."""
        entry = self.gazetteer.get(ref.actor_id)
        return (
            entry is not None
            and entry.actor.type in {ActorType.ORGANIZATION, ActorType.GOVERNMENT}
            and self.gazetteer.home_of(ref.actor_id) == body
            and self.book.type_of(body) is ActorType.STATE
        )

    def _prefix_title(
        self, doc: Doc, ref: Ref, by_token: dict[int, Ref], links: list[TitleLink]
    ) -> Ref:
        """Read the titles left of a name; return the name's span widened over them."""
        cues = self.lexicon.cues
        actor_type = self.book.type_of(ref.actor_id)
        i = ref.start - 1
        words: list[str] = []
        body: str | None = None
        first = ref.start
        title_words = _title_words(cues)
        while i >= 0:
            token = doc[i]
            other = by_token.get(i)
            if other is not None and other is not ref:
                if body is None and (
                    self.book.type_of(other.actor_id) is not ActorType.PERSON or words
                ):
                    body = other.actor_id
                    first = other.start
                    i = other.start - 1
                    continue
                break
            joiner = token.text in {"-", "–", "."} and bool(words) and i > 0
            before = doc[i - 1].lower_ if i > 0 else ""
            if token.lower_ in _TITLE_FILLERS or (
                joiner and (before in title_words or before + "." in title_words)
            ):  # "Secretary-General", "Maj. Gen."
                i -= 1
                continue
            if token.lower_ in title_words and (
                token.pos_ in {"NOUN", "PROPN", "ADJ"} or (token.lower_ == "of" and words)
            ):
                words.insert(0, token.lower_)
                first = token.i
                i -= 1
                continue
            break
        relation = _title_relation(" ".join(words), cues, actor_type)
        if (
            relation is not None
            and body is None
            and actor_type is ActorType.PERSON
            and _state_office(words, cues)
        ):
            # "President Bashar al-Assad": the office is in the person's own country.
            home = self.gazetteer.home_of(ref.actor_id)
            body = self.book.known(home, self.gazetteer.entries[home].actor.label) if home else None
        if relation is None and body is not None and not words and self._agency_of(ref, body):
            relation = RelationType.MEMBER_OF  # "U.S. Central Command", "Israel's Mossad"
        if relation is None or body is None or body == ref.actor_id:
            return ref
        if any(t.lower_ in cues.former for t in doc[max(0, first - 2) : ref.start]):
            return ref
        if relation is RelationType.LEADS and self.book.type_of(body) is ActorType.PERSON:
            return ref
        links.append(TitleLink(ref.actor_id, body, relation, first, ref.end))
        if relation is RelationType.LEADS:
            self.book.led_by.setdefault(ref.actor_id, body)
        if actor_type is ActorType.PERSON:
            return Ref(ref.actor_id, min(first, ref.start), ref.end, ref.kind)
        return ref

    def _coreference(self, doc: Doc, mentions: Mentions) -> None:
        """Resolve pronouns and definite descriptions to earlier mentions, in reading order."""
        ctx = self.context
        cues = self.lexicon.cues
        groups = {
            ActorType.STATE,
            ActorType.GOVERNMENT,
            ActorType.ARMED_GROUP,
            ActorType.ORGANIZATION,
        }
        for token in doc:
            ref = mentions.by_token.get(token.i)
            if ref is not None:
                if token.i == ref.end - 1:
                    role = "subject" if token.dep_ in {"nsubj", "nsubjpass"} else "other"
                    ctx.remember(ref.actor_id, self.book.type_of(ref.actor_id), role)
                continue
            lower = token.lower_
            targets: list[str | None] = []
            if lower in _PERSON_PRONOUNS:
                targets = [ctx.last({ActorType.PERSON})]
            elif lower in _THING_PRONOUNS and not _expletive(token):
                targets = _clause_subject(token, mentions)[:1] or [
                    ctx.last(groups, subject_first=True)
                ]
            elif lower in _PLURAL_PRONOUNS:
                targets = _clause_subject(token, mentions) or [
                    ctx.last(groups - {ActorType.ORGANIZATION}, subject_first=True)
                ]
            elif lower in cues.actor_words and token.pos_ == "NOUN" and _definite(token):
                targets = [self._description(token, mentions)]
            found = [t for t in dict.fromkeys(targets) if t is not None]
            if not found:
                continue
            new = Ref(found[0], token.i, token.i + 1, "pronoun")
            mentions.refs.append(new)
            mentions.by_token[token.i] = new
            if len(found) > 1:
                mentions.plural[token.i] = found
            if token.dep_ in {"nsubj", "nsubjpass"} and lower not in _THING_PRONOUNS:
                ctx.remember(found[0], self.book.type_of(found[0]), "subject")

    def _description(self, token: Token, mentions: Mentions) -> str | None:
        """ "the group", "his group", "the Iranian-backed militia": the name it was given
        here ("now known as HTS"), what the same words meant before, or the last actor
        of the kind the word names."""
        ctx = self.context
        description = _description_key(token)
        target = _appositive_actor(token, mentions) or ctx.descriptions.get(description)
        if target is None and not any(c.dep_ == "poss" for c in token.children):
            kind = ActorType(self.lexicon.cues.actor_words[token.lower_])
            target = ctx.last({kind}, subject_first=True)
        if target is not None:
            ctx.descriptions[description] = target
        return target


_OFFICE_VERBS = {
    "be",
    "become",
    "remain",
    "serve",
    "act",
    "appoint",
    "name",
    "elect",
    "install",
    "swear",
    "nominate",
    "make",
}


def _holders(title: Token, mentions: Mentions) -> list[str]:
    """Who holds a title given by a verb: "X is the leader of Y", "X has served as deputy
    chairman of Y", "X was appointed commander of Y"."""
    verb = None
    if title.dep_ in {"attr", "oprd"}:
        verb = title.head
    elif title.dep_ == "pobj" and title.head.lower_ == "as":
        verb = title.head.head
    if verb is None or verb.lemma_.lower() not in _OFFICE_VERBS:
        return []
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return [a for c in subjects for a in mentions.resolve(c)]


def _state_office(words: list[str], cues: Cues) -> bool:
    """An office only a state has ("President", "Foreign Minister"), so a title with no
    body named still places the person in their own country's government."""
    title = " ".join(words)
    return any(title == office or title.endswith(" " + office) for office in cues.state_offices)


def _title_words(cues: Cues) -> set[str]:
    return {w for title in cues.titles for w in title.split()}


def _title_relation(title: str, cues: Cues, actor_type: ActorType) -> RelationType | None:
    """The relation a title gives: the longest known title the words end with decides.

    A trailing rank qualifies an office ("military ruler Gen" leads) unless the words
    make a title with it ("Secretary-General").
    """
    words = title.split()
    if actor_type is ActorType.PERSON and _SUBORDINATE & set(words):
        return RelationType.MEMBER_OF  # "deputy prime minister", "vice chairman"
    stripped = list(words)
    while len(stripped) > 1 and stripped[-1] in cues.ranks:
        stripped.pop()
    candidates = [words[n:] for n in range(len(words) - 1)] + [
        stripped[n:] for n in range(len(stripped))
    ]
    for tail_words in candidates:
        tail = " ".join(tail_words)
        if actor_type is not ActorType.PERSON and tail != "member":
            continue
        if tail in cues.leader_titles:
            return RelationType.LEADS
        if tail in cues.member_titles:
            return RelationType.MEMBER_OF
    return None


def _owned(doc: Doc, start: int, end: int, matchers: Matchers) -> bool:
    """ "Rwanda's national army", "the South African army": a description whose owner is
    named is that owner's, not the article's generic side."""
    head = doc[end - 1]
    named = {i for _, s, e in (*matchers.lower(doc), *matchers.exact(doc)) for i in range(s, e)}
    for child in head.children:
        if child.i >= start:
            continue
        if child.dep_ == "poss" or (
            child.dep_ in {"amod", "compound", "nmod"} and child.i in named
        ):
            return True
    return start > 0 and doc[start - 1].lower_ in {"'s", "’s"}


def _strip_the(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text


def _specified(span: Span, former: frozenset[str]) -> bool:
    """True when a description is qualified away from its generic sense ("former rebels")."""
    return any(t.lower_ in former for t in span)


def _demonym_refers(token: Token, lexicon: Lexicon) -> bool:
    """An adjective names its state only where it qualifies an actor word or an event
    ("Russian forces", "Russian bombing", "Turkish Foreign Minister"), never a place or
    a people ("the central Syrian city", "Syrian refugees")."""
    head = token.head if token.dep_ in {"amod", "compound", "nmod"} else token
    if token.dep_ == "conj" and token.head.dep_ in {"amod", "compound"}:
        head = token.head.head
    cues = lexicon.cues
    lemma = head.lemma_.lower()
    word = head.lower_
    return (
        word in cues.metonymy_heads
        or lemma in lexicon.nouns
        or lemma in lexicon.roles
        or word in _title_words(cues)
        or head.i == token.i
    )


def _trim(span: Span) -> Span | None:
    tokens = [t for t in span if not (t.is_punct and t.text not in {"-", "'"})]
    while tokens and tokens[0].lower_ in {"the", "'s", "’s"}:
        tokens.pop(0)
    while tokens and tokens[-1].lower_ in {"'s", "’s", "-"}:
        tokens.pop()
    if not tokens:
        return None
    return span.doc[tokens[0].i : tokens[-1].i + 1]


def _looks_like_name(span: Span) -> bool:
    """spaCy sometimes tags "Homs" or "Talbisa" as a person; real names are capitalised words."""
    words = [t for t in span if t.is_alpha]
    return (
        bool(words)
        and all(
            t.text[0].isupper() or t.lower_ in {"al", "bin", "ibn", "abu", "de", "van", "von"}
            for t in words
        )
        and len(span) <= 6
    )


def _in_hyphen_compound(token: Token, lexicon: Lexicon) -> bool:
    """The "Ankara" of "Ankara-aligned groups": a name inside a relational modifier."""
    doc = token.doc
    i = token.i
    while i + 1 < len(doc) and doc[i + 1].text not in {"-", "–"} and doc[i + 1].ent_iob_ == "I":
        i += 1
    after = (
        i + 2 < len(doc)
        and doc[i + 1].text in {"-", "–"}
        and (doc[i + 2].lower_ in lexicon.compounds)
    )
    before = (
        token.i >= 2
        and doc[token.i - 1].text in {"-", "–"}
        and (doc[token.i - 2].lower_ in lexicon.prefixes)
    )
    return after or before


def _modifies_noun(token: Token) -> bool:
    """ "the Alawite sect": a name-like word that only qualifies a common noun."""
    return token.dep_ in {"amod", "compound"} and token.head.pos_ == "NOUN"


def _misparsed_subject(title: Token) -> bool:
    """ "In a blow to Assad, the head of X said ...": a title parsed as apposition to a
    name inside a fronted phrase is really the subject of a verb that lacks one."""
    if title.dep_ != "appos" or title.head.dep_ != "pobj":
        return False
    root = title.sent.root
    return not any(c.dep_ in {"nsubj", "nsubjpass"} for c in root.children)


def _definite(token: Token) -> bool:
    """ "the group", "his group", "the militant group", "the Iranian-backed militia": a
    definite or possessed actor word, whatever adjectives stand before it."""
    lefts = [
        c
        for c in token.lefts
        if c.dep_ in {"det", "poss", "amod", "compound", "nummod", "nmod", "quantmod", "npadvmod"}
    ]
    anchors = [
        c
        for c in lefts
        if (c.dep_ == "det" and c.lower_ in {"the", "this", "that"})
        or (c.dep_ == "poss" and c.pos_ == "PRON")
    ]
    others = [c for c in lefts if c not in anchors]
    return bool(anchors) and all(
        c.pos_ in {"ADJ", "VERB", "NOUN", "ADV"} and c.ent_type_ == "" for c in others
    )


def _expletive(token: Token) -> bool:
    """ "It was his first interview": an "it" that points at nothing."""
    head = token.head
    return (
        token.dep_ == "nsubj"
        and head.lemma_ == "be"
        and any(c.dep_ in {"attr", "acomp", "ccomp"} for c in head.children)
    )


def _description_key(token: Token) -> str:
    owner = next((c.lower_ for c in token.lefts if c.dep_ == "poss"), "the")
    return f"{owner} {token.lemma_.lower()}"


def _appositive_actor(token: Token, mentions: Mentions) -> str | None:
    """ "his group - a former Al-Qaeda affiliate now known as HTS": the name it is given."""
    for node in token.subtree:
        if node.i == token.i:
            continue
        ref = mentions.by_token.get(node.i)
        if ref is None:
            continue
        if node.dep_ == "compound" or mentions.by_token.get(node.head.i) is ref:
            continue
        path = node
        steps = 0
        while path.i != token.i and steps < 6:
            if path.dep_ not in {"appos", "acl", "prep", "pobj", "attr"}:
                break
            if path.dep_ == "prep" and path.lower_ != "as":
                break
            path = path.head
            steps += 1
        if path.i == token.i:
            return ref.actor_id
    return None


def _clause_subject(token: Token, mentions: Mentions) -> list[str]:
    """The actors subject of the clause a pronoun sits in: "Russia ... its invasion"."""
    node = token.head
    for _ in range(6):
        for child in node.children:
            if child.dep_ in {"nsubj", "nsubjpass"} and child.i != token.i:
                found = mentions.resolve(child)
                if found and not any(t.i == token.i for t in child.subtree):
                    return found
        if node.head.i == node.i:
            break
        node = node.head
    return []
