"""Actor mentions in parsed text: who each noun phrase, name or pronoun points at.

The data the readers of a paragraph share (``Ref``, ``TitleLink``, the document's
``ActorBook``), the gazetteer's phrase matchers, and ``Mentions``: a paragraph's
references, answering ``resolve(token)`` with the actors a token stands for,
coordination, apposition, metonymy ("Russian forces") and parts ("leaders of X")
followed. :mod:`kg.finder` fills it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from .gazetteer import Gazetteer, normalize
from .lexicon import Lexicon
from .model import Actor, ActorType, RelationType

__all__ = [
    "ActorBook",
    "Matchers",
    "Mentions",
    "Ref",
    "TitleLink",
    "apposed",
    "build_matchers",
    "is_acronym",
]

_RELATIVE = {"which", "who", "whom", "that", "whose"}
# Words that may stand between a title and its body: "Hezbollah's new leader".


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
    title: str = ""
    """The title's words, lower case ("foreign minister"), where a title gave the tie."""


@dataclass
class ActorBook:
    """The actors of one document: gazetteer actors and new ones, with every surface form,
    and what the document has said of them so far (who leads what, who holds which office,
    who met whom, who attacked)."""

    gazetteer: Gazetteer
    actors: dict[str, Actor] = field(default_factory=dict)
    surfaces: dict[str, dict[str, None]] = field(default_factory=dict)
    led_by: dict[str, str] = field(default_factory=dict)
    meetings: list[tuple[str, ...]] = field(default_factory=list)
    attacks: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = field(default_factory=list)
    offices: list[TitleLink] = field(default_factory=list)
    acronyms: dict[str, str] = field(default_factory=dict)

    def _told(self, lemma: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The attack "the strikes" points back at: the last one the text named by the
        same word ("struck" for "the strikes"), else, when every attack told so far was
        one side's, the last of them ("the raids" after "Israeli jets struck ...")."""
        same = [(who, whom) for word, who, whom in self.attacks if word == lemma]
        if same:
            return same[-1]
        if len({who for _, who, _ in self.attacks}) == 1:
            return self.attacks[-1][1:]
        return (), ()

    def attackers(self, lemma: str) -> tuple[str, ...]:
        """Who carried out the attack a definite "the strikes" points back at."""
        return self._told(lemma)[0]

    def attacked(self, lemma: str) -> tuple[str, ...]:
        """Whom the attack "claimed the attack" points back at was aimed at."""
        return self._told(lemma)[1]

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

    def again(self, actor_id: str, surface: str) -> str:
        """An actor of this document named once more, in a new form ("Djamous")."""
        self.surfaces.setdefault(actor_id, {})[surface] = None
        return actor_id

    def by_surname(self, word: str) -> str | None:
        """The one person of this document whose full name ends with ``word``."""
        found = {
            a.id
            for a in self.actors.values()
            if a.type is ActorType.PERSON
            and len(names := normalize(a.label).split()) > 1
            and names[-1] == normalize(word)
        }
        return found.pop() if len(found) == 1 else None

    def define(self, acronym: str, actor_id: str) -> None:
        """ "the Arakan Army (AA)": the acronym names that actor for the rest of the
        article; the first definition holds."""
        if acronym not in self.acronyms:
            self.acronyms[acronym] = actor_id
            self.surfaces.setdefault(actor_id, {})[acronym] = None

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


def is_acronym(word: str) -> bool:
    """ "AA", "RSO": a short word in capitals, which may name an actor."""
    return 2 <= len(word) <= 6 and word.isalpha() and word.isupper()


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


def _relational(alias: str, lexicon: Lexicon, gazetteer: Gazetteer) -> bool:
    """An alias that states a relation ("Iran-backed Hezbollah", "Lebanon's Hezbollah")
    is left to the relation patterns, so the relation is not swallowed into a name; a
    possessive that is no actor's name is part of the name ("New People's Army")."""
    words = re.split(r"[\s\-–]+", alias.lower())
    return _possessed_by_actor(alias, gazetteer) or any(w in lexicon.compounds for w in words[1:])


def _possessed_by_actor(alias: str, gazetteer: Gazetteer) -> bool:
    """ "Lebanon's Hezbollah", "Suu Kyi's party": the words before a possessive end with
    another name of the gazetteer."""
    for owner in re.findall(r"^(.*?)['’]s\b", alias):
        words = owner.split()
        if any(gazetteer.by_name(" ".join(words[i:])) for i in range(len(words))):
            return True
    return False


def build_matchers(nlp: Language, gazetteer: Gazetteer, lexicon: Lexicon) -> Matchers:
    """Phrase patterns for every name, demonym and description of the gazetteer.

    ALL-CAPS names ("US", "IS", "HTS") match case-sensitively, everything else
    case-insensitively, so "IS" never matches the verb "is".
    """
    forms: dict[str, set[str]] = {"name": set(), "demonym": set(), "generic": set()}
    for entry in gazetteer:
        names = (a for a in entry.actor.aliases if not _relational(a, lexicon, gazetteer))
        forms["name"].update(names)
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
            for conj in [*token.conjuncts, *_slashed(token)]:
                if conj.i != token.i and (conj.i > token.i or conj.head.i == token.i):
                    found.extend(self._resolve_one(conj, depth))
            for name in _swallowed(token):
                found.extend(self._resolve_one(name, depth))
            for appos in (c for c in token.children if c.dep_ == "appos"):
                # "Foreign Minister Abbas Araghchi and envoy Steve Witkoff held talks": the
                # parser coordinated the second name with the title's apposition
                for conj in appos.conjuncts:
                    if conj.i > appos.i:
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
        if token.lower_ == "whose" and token.head.head.dep_ == "relcl":
            # "Sharaa, whose Islamist group ...": the name the clause is about
            return self.resolve(token.head.head.head, depth=depth + 1)
        cues = self.lexicon.cues
        lemma = token.lemma_.lower()
        modifiers = [c for c in token.children if c.dep_ in {"amod", "compound", "poss", "nmod"}]
        if token.lower_ in cues.actor_words:
            # "the United Nations peacekeeping force in Lebanon, UNIFIL,": the body's name
            named = [
                a
                for a in self._apposed_names(token)
                if self.book.type_of(a) is not ActorType.PERSON
            ]
            if named:
                return named
        if lemma in cues.metonymy_heads or token.lower_ in cues.metonymy_heads:
            named = [
                a
                for c in token.children
                if c.dep_ == "appos"
                and lemma in cues.title_words
                and token.dep_ not in {"nsubj", "nsubjpass"}
                for a in self.resolve(c, depth=depth + 1)
                if self.book.type_of(a) is ActorType.PERSON
            ]
            if named:  # "killed a senior Hezbollah commander, Fuad Shukr": the man is hit;
                return named  # as a subject, the commander still acts for his group
            operators = _by_agents(token, cues.operated)
            # "the U.S. Al Udeid air base": the owner qualifies the place's own name
            named = [
                g
                for c in modifiers
                if c.pos_ == "PROPN" and self.ref_at(c) is None
                for g in c.children
                if g.dep_ in {"amod", "compound"}
            ]
            if token.lower_ in cues.speak_for:  # "negotiators for the M23 rebels"
                operators += _spoken_for(token)
            owners = [
                a
                for m in [*modifiers, *named, *operators]
                for a in self.resolve(m, depth=depth + 1)
            ]
            if owners:
                return [self.book.led_by.get(a, a) for a in owners]
            located = self._located(token, modifiers, depth)
            if located:
                return located
        holders = self._holders(token, depth)
        if holders:
            return holders
        if lemma in self.lexicon.nouns and token.dep_ in {"nsubj", "nsubjpass"}:
            # "Russian bombing destroyed ...", "an attack by IS killed ...", "the attack,
            # claimed by IS, killed ...": the event's agent acts through it.
            agents = [*modifiers, *_by_agents(token, cues.event_claims)]
            owners = [a for m in agents for a in self.resolve(m, depth=depth + 1)]
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
            if child.dep_ == "appos" and not self._speaker(child):
                found = self.resolve(child, depth=depth + 1)
                if found:
                    return found
        for name in _self_named(token):
            found = self.resolve(name, depth=depth + 1)
            if found:
                return found
        if token.dep_ == "appos" and token.pos_ == "NOUN":
            # "Berri, a Hezbollah ally who heads Amal", "the AFC, a coalition led by X": a
            # description stands for the name it describes
            found = self.resolve(token.head, depth=depth + 1, conjuncts=False)
            if found:
                return found
        if token.lower_ in cues.title_words and not any(c.dep_ == "appos" for c in token.children):
            named = self.apposed_after(token)
            if named is not None:
                return [named]
        return self._likened(token, depth)

    def _apposed_names(self, token: Token) -> list[str]:
        """The actors named outright in apposition to ``token``."""
        return [r.actor_id for c in apposed(token) if (r := self.ref_at(c))]

    def _located(self, token: Token, modifiers: list[Token], depth: int) -> list[str]:
        """ "overran a military base in northern Burkina Faso": a state's own post, named
        by where it is, when nothing else says whose it is."""
        cues = self.lexicon.cues
        if (
            token.lower_ not in cues.located
            or any(c.lower_ not in cues.located_qualifiers for c in modifiers)
            or any(c.dep_ in {"acl", "relcl"} for c in token.children)  # "hosting US troops"
        ):
            return []
        places = [o for p in token.children if p.lower_ == "in" for o in p.children]
        if not places and token.dep_ == "dobj":
            # "attacked a military base in Syria": the parser may hang the place on the verb
            places = [
                o
                for p in token.head.children
                if p.lower_ == "in" and p.i > token.i
                for o in p.children
            ]
        # "in northeast Nigeria's Borno state": the region's state
        places += [c for o in places for c in o.children if c.dep_ == "poss"]
        states = [a for o in places for a in self.resolve(o, depth=depth + 1)]
        # (a state the gazetteer keeps as its government: "an air base in Syria")
        kinds = {ActorType.STATE, ActorType.GOVERNMENT}
        return [a for a in states if self.book.type_of(a) in kinds]

    def _holders(self, token: Token, depth: int) -> list[str]:
        """ "government-held areas", "Hezbollah-controlled villages": a place stands for
        whoever the text says holds it."""
        doc = token.doc
        for child in token.children:
            held = child.dep_ == "amod" and child.lower_ in self.lexicon.cues.held
            if held and child.i >= 2 and doc[child.i - 1].text in {"-", "–"}:
                return self.resolve(doc[child.i - 2], depth=depth + 1, conjuncts=False)
        return []

    def _speaker(self, appos: Token) -> bool:
        """ "... asylum to Assad and his family, Mikhail Ulyanov, Russia's ambassador,
        said": a name the parser hung on the last noun is the subject of a reporting verb
        that has none."""
        doc = appos.doc
        i = appos.right_edge.i + 1
        if i + 1 >= len(doc) or doc[i].text != ",":
            return False
        verb = doc[i + 1]
        return verb.lemma_.lower() in self.lexicon.cues.reporting and not any(
            c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children
        )

    def _likened(self, token: Token, depth: int) -> list[str]:
        """ "Like other Iranian-backed groups, the Houthis ...": the class the clause's
        subject is said to belong to stands for that subject."""
        like = token.head
        if not (
            token.dep_ == "pobj"
            and like.lower_ == "like"
            and any(c.lower_ == "other" for c in token.children)
        ):
            return []
        anchor = like.head
        if anchor.pos_ in {"NOUN", "PROPN", "PRON"}:
            return self.resolve(anchor, depth=depth + 1, conjuncts=False)
        subjects = [c for c in anchor.children if c.dep_ in {"nsubj", "nsubjpass"}]
        return [a for c in subjects for a in self.resolve(c, depth=depth + 1)]

    def apposed_before(self, token: Token) -> str | None:
        """The name just before a phrase set off by a comma or dash: "the chief of the
        Mossad, Israel's intelligence agency", "JNIM (…) — an umbrella group of ...". The
        parser often hangs such a phrase elsewhere, but it describes the nearest name."""
        doc = token.doc
        i = token.left_edge.i - 1
        if i < 1 or doc[i].text not in {",", "—", "–", "(", "-"}:
            return None
        i -= 1
        while i > 0 and doc[i].text in {")", "]"}:
            i -= 1  # "Jama'at Nusrat al-Islam wal-Muslimin (JNIM) — an umbrella group"
        ref = self.by_token.get(i)
        return ref.actor_id if ref is not None else None

    def apposed_after(self, token: Token) -> str | None:
        """The person named right after a title set off by a comma, where the parser hung
        the name elsewhere: "spoke with his Saudi counterpart, Prince Khalid bin Salman,"."""
        doc = token.doc
        i = _own_end(token) + 1
        if i + 1 >= len(doc) or doc[i].text != ",":
            return None
        i += 1
        titles = self.lexicon.cues.title_words
        while i < len(doc) and i not in self.by_token and doc[i].lower_ in titles:
            i += 1  # "Prince", "Gen."
        ref = self.by_token.get(i)
        if ref is None or self.book.type_of(ref.actor_id) is not ActorType.PERSON:
            return None
        after = doc[ref.end] if ref.end < len(doc) else None
        if after is not None and after.text not in {",", ".", ";"}:
            return None
        return ref.actor_id

    def _through_possession(self, token: Token, ref: Ref) -> str:
        """ "Assad's forces" acts for the government Assad leads, when the text said so."""
        if token.dep_ == "poss" and token.head.lower_ in self.lexicon.cues.metonymy_heads:
            return self.book.led_by.get(ref.actor_id, ref.actor_id)
        return ref.actor_id


def apposed(token: Token) -> list[Token]:
    """The appositions of a noun, with those the parser hung on the place after it: in
    "the African Union force in Somalia, AUSSOM," the name is the force's, not Somalia's."""
    places = [o for p in token.children if p.lower_ == "in" for o in p.children]
    return [c for t in (token, *places) for c in t.children if c.dep_ == "appos"]


def _slashed(token: Token) -> list[Token]:
    """ "Wagner/FAMA convoy": names joined by a slash are coordinated, whatever the
    parser made of the slash."""
    doc = token.doc
    return [
        c
        for c in token.children
        if c.i + 2 == token.i and doc[c.i + 1].text == "/" and c.dep_ != "punct"
    ]


def gazetteer_spans(doc: Doc, matchers: Matchers) -> list[tuple[int, int, str, str]]:
    """(start, end, kind, key) for every gazetteer form in ``doc``; key is the matched text.

    The matchers run once per Doc: the result is kept in ``doc.user_data``, since the
    article's focus, the paragraph's focus and the mentions all ask for it.
    """
    cached = doc.user_data.get(("kg", "gazetteer_spans", id(matchers)))
    if cached is not None:
        return cached
    spans = [
        (start, end, doc.vocab.strings[match_id], doc[start:end].text)
        for matcher in (matchers.lower, matchers.exact)
        for match_id, start, end in matcher(doc)
    ]
    doc.user_data[("kg", "gazetteer_spans", id(matchers))] = spans
    return spans


def country_votes(docs: Iterable[Doc], matchers: Matchers, gazetteer: Gazetteer) -> Counter[str]:
    """How often the names and adjectives of ``docs`` point at each country."""
    votes: Counter[str] = Counter()
    for doc in docs:
        for _, _, kind, text in gazetteer_spans(doc, matchers):
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


def _by_agents(noun: Token, participles: frozenset[str]) -> list[Token]:
    """Who a noun says did it or owns it: "an attack by IS", "the attack, claimed by IS",
    "drones launched by Russia" (the participle's lemma among ``participles``)."""
    found = [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "by" for o in p.children]
    for clause in noun.children:
        if clause.dep_ == "acl" and clause.lemma_.lower() in participles:
            found += [o for a in clause.children if a.dep_ == "agent" for o in a.children]
    return [o for o in found if o.dep_ == "pobj"]


def _own_end(title: Token) -> int:
    """Where a title's own phrase ends: "the EU's special representative for the dialogue,
    Peter Sorensen" at "dialogue", though the parser hung the name on it as an apposition
    ("the general and his family, X": at "general", the list is no part of it)."""
    apposed = {
        t.i
        for d in title.subtree
        if d.i != title.i and d.dep_ in {"appos", "conj", "cc"}
        for t in d.subtree
    }
    return max(t.i for t in title.subtree if t.i not in apposed and not t.is_punct)


def _spoken_for(token: Token) -> list[Token]:
    """Whom "negotiators for the M23" speak for; in "officials and negotiators for the
    M23" the parser hangs the "for" on the first noun, but it is the nearest one's."""
    own = [o for p in token.children if p.lower_ == "for" for o in p.children]
    if own or token.dep_ != "conj":
        return own
    return [
        o for p in token.head.children if p.lower_ == "for" and p.i > token.i for o in p.children
    ]


def _self_named(token: Token) -> list[Token]:
    """ "a breakaway group calling itself the Tigray Peace Force": the name it goes by."""
    return [
        name
        for clause in token.children
        if clause.dep_ in {"acl", "relcl"}
        and clause.lemma_.lower() in {"call", "name", "style", "dub"}
        and any(c.lower_ in {"itself", "themselves"} for c in clause.children)
        for name in clause.children
        if name.dep_ in {"oprd", "attr", "xcomp"}
    ]


def _swallowed(token: Token) -> list[Token]:
    """ "Araghchi and U.S. envoy Steve Witkoff held talks": a name the parser hung inside
    the next one's noun phrase (as its modifier, with the "and" still on it) is a
    conjunct all the same."""
    return [
        t
        for t in token.subtree
        if t.i < token.i
        and t.dep_ in {"nmod", "compound", "amod"}
        and t.pos_ == "PROPN"
        and any(c.dep_ == "cc" and c.lower_ == "and" for c in t.children)
    ]
