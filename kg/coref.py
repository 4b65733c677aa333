"""Coreference: pronouns and descriptions resolved to the actors they point back at.

"his group", "the militia", "the Iranian-backed group", "its", "they", "itself": each
is tied to an earlier mention of the right kind, preferring the subject of the clause
it stands in, then the most recent subject, then the most recent mention. What a
description meant once ("his group" = HTS) it keeps meaning in the article.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .lexicon import Cues
from .mentions import ActorBook, Mentions, Ref, TitleLink
from .model import ActorType, RelationType

__all__ = ["Context", "definite", "resolve_counterparts", "resolve_references"]

_PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
_THING_PRONOUNS = {"it", "its", "itself"}
_PLURAL_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
_FIRST_PLURAL = {"we", "us", "our", "ours", "ourselves"}
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "both": 2}
_COUNTED_TYPES = {
    "person": {ActorType.PERSON},
    "state": {ActorType.STATE, ActorType.GOVERNMENT},
}


@dataclass
class Context:
    """What coreference remembers across the paragraphs of one document."""

    focus: str | None
    recent: list[tuple[str, ActorType, str]] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    descriptions: dict[str, str] = field(default_factory=dict)
    named_together: list[tuple[str, ...]] = field(default_factory=list)

    def remember(self, actor_id: str, actor_type: ActorType, role: str) -> None:
        self.recent.append((actor_id, actor_type, role))
        self.counts[actor_id] += 1
        del self.recent[:-40]

    def speak_for(self, links: Iterable[TitleLink], book: ActorBook) -> None:
        """ "Abu Ali, a spokesman for the Kataib Hezbollah militia, said ...": a titled
        person made subject makes the body of the title one too, just after the person."""
        bodies: dict[str, list[str]] = {}
        for link in links:
            if book.type_of(link.person) is ActorType.PERSON:  # not "JNIM, al-Qaeda's branch"
                bodies.setdefault(link.person, []).append(link.body)
        recent: list[tuple[str, ActorType, str]] = []
        for i, (actor_id, actor_type, role) in enumerate(self.recent):
            recent.append((actor_id, actor_type, role))
            following = self.recent[i + 1 : i + 2]
            if role == "subject":
                recent += [
                    (b, book.type_of(b), role)
                    for b in bodies.get(actor_id, ())
                    if [(b, role)] != [f[0::2] for f in following]
                ]
        self.recent = recent[-40:]

    def last(
        self, types: set[ActorType], *, subject_first: bool = False, besides: Iterable[str] = ()
    ) -> str | None:
        excluded = set(besides)
        if subject_first:
            for actor_id, actor_type, role in reversed(self.recent[-8:]):
                if actor_type in types and role == "subject" and actor_id not in excluded:
                    return actor_id
        for actor_id, actor_type, role in reversed(self.recent[-8:]):
            # "Hezbollah, the Hamas ally": a name that only qualifies a noun comes after
            if actor_type in types and role != "modifier" and actor_id not in excluded:
                return actor_id
        for actor_id, actor_type, _ in reversed(self.recent):
            if actor_type in types and actor_id not in excluded:
                return actor_id
        return None

    def last_distinct(self, types: set[ActorType], n: int) -> list[str]:
        """The ``n`` actors of these types named last, in reading order; fewer than ``n``
        is no answer. A list of ``n`` such actors named together ("Armenia and Azerbaijan")
        wins while all of them are among the last few named."""
        latest = self._distinct(types, n + 2)
        for group in reversed(self.named_together):
            if len(group) == n and all(a in latest for a in group):
                return list(group)
        found = self._distinct(types, n)
        return found if len(found) == n else []

    def _distinct(self, types: set[ActorType], n: int) -> list[str]:
        """Up to ``n`` actors of these types named last, in reading order."""
        found: list[str] = []
        for actor_id, actor_type, _ in reversed(self.recent):
            if actor_type in types and actor_id not in found:
                found.append(actor_id)
            if len(found) == n:
                break
        return found[::-1]


def resolve_references(doc: Doc, mentions: Mentions, context: Context) -> None:
    """Resolve pronouns and definite descriptions to earlier mentions, in reading order."""
    ctx = context
    cues = mentions.lexicon.cues
    groups = {
        ActorType.STATE,
        ActorType.GOVERNMENT,
        ActorType.ARMED_GROUP,
        ActorType.ORGANIZATION,
    }
    for token in doc:
        ref = mentions.by_token.get(token.i)
        if ref is not None:
            if token.i == ref.end - 1 and not _sponsor(doc, ref, mentions):
                role = _role(doc[ref.start : ref.end], cues)
                ctx.remember(ref.actor_id, mentions.book.type_of(ref.actor_id), role)
                _remember_list(doc[ref.start : ref.end].root, mentions, ctx)
            continue
        lower = token.lower_
        targets: list[str | None] = []
        if lower in _PERSON_PRONOUNS:
            targets = _reporter(token, mentions)[:1] or [ctx.last({ActorType.PERSON})]
        elif lower in _THING_PRONOUNS | _PLURAL_PRONOUNS and (helped := _helped(token, mentions)):
            targets = helped[:1]
        elif lower in _THING_PRONOUNS and not _expletive(token):
            attacker = _attacker(token, mentions)
            subjects = [a for a in _clause_subject(token, mentions) if a not in attacker]
            targets = [a for a in subjects if mentions.book.type_of(a) in groups][:1]
            if subjects and not targets:
                # "the two leaders discussed attacks by Russia as its war ...": people
                # are not "it", so the body named last before it in the sentence is
                targets = _named_before(token, mentions, groups, besides=attacker)
            targets = targets or [ctx.last(groups, subject_first=True, besides=attacker)]
        elif lower in _PLURAL_PRONOUNS:
            attacker = _attacker(token, mentions)
            targets = [a for a in _clause_subject(token, mentions) if a not in attacker] or [
                ctx.last(groups - {ActorType.ORGANIZATION}, subject_first=True, besides=attacker)
            ]
        elif lower in _FIRST_PLURAL:
            targets = [_speaker(token, mentions)]
        elif lower in cues.counted and _count(token):
            targets = _counted(token, mentions, context)
        elif _describes(token, cues) and definite(token):
            targets = [_description(token, mentions, context)]
        found = [t for t in dict.fromkeys(targets) if t is not None]
        if not found:
            continue
        new = Ref(found[0], token.i, token.i + 1, "pronoun")
        ctx.counts[found[0]] += 1
        mentions.refs.append(new)
        mentions.by_token[token.i] = new
        if len(found) > 1:
            mentions.plural[token.i] = found
        if token.dep_ in {"nsubj", "nsubjpass"} and lower not in _THING_PRONOUNS:
            ctx.remember(found[0], mentions.book.type_of(found[0]), "subject")


def resolve_counterparts(doc: Doc, mentions: Mentions) -> None:
    """ "Sybiha held talks with his Turkish counterpart": an unnamed counterpart is whoever
    the text has titled in that state the way the owner is titled (a minister's counterpart
    a minister, a president's a head), once this paragraph's titles are read."""
    for token in doc:
        if token.lemma_.lower() != "counterpart" or token.i in mentions.by_token:
            continue
        if any(c.dep_ == "appos" for c in token.children) or mentions.apposed_after(token):
            continue  # "his Rwandan counterpart, Paul Kagame": the titles read the name
        found = _counterpart(token, mentions)
        if found is not None:
            ref = Ref(found, token.i, token.i + 1, "pronoun")
            mentions.refs.append(ref)
            mentions.by_token[token.i] = ref


def _counterpart(token: Token, mentions: Mentions) -> str | None:
    book = mentions.book
    owners = [
        a
        for c in token.children
        if c.dep_ == "poss"
        for a in mentions.resolve(c, conjuncts=False)
        if book.type_of(a) is ActorType.PERSON
    ]
    states = [
        a
        for c in token.children
        if c.dep_ in {"amod", "compound", "nmod"}
        for a in mentions.resolve(c, conjuncts=False)
        if book.type_of(a) in {ActorType.STATE, ActorType.GOVERNMENT}
    ]
    offices = [*book.offices, *mentions.titles]
    held = [t.relation for t in offices if t.person in owners]
    if not owners or not states or not held:
        return None
    gazetteer = book.gazetteer
    for title in reversed(offices):
        there = title.body in states or gazetteer.country_of(title.body) in states
        if there and title.relation is held[-1] and title.person not in owners:
            return title.person
    return None


def _reporter(token: Token, mentions: Mentions) -> list[str]:
    """ "Sybiha, who went with Zelensky, said he had held talks": the subject of a clause
    reported by a person is that person, whoever was named last."""
    clause = token.head
    verb = clause.head
    if token.dep_ != "nsubj" or clause.dep_ != "ccomp" or clause.i == verb.i:
        return []
    reporting = mentions.lexicon.cues.reporting
    if verb.lemma_.lower() not in reporting or clause.lemma_.lower() in reporting:
        return []  # "..., he alleged, ...": an aside, which the parser hangs anywhere
    return [
        a
        for c in verb.children
        if c.dep_ == "nsubj"
        for a in mentions.resolve(c, conjuncts=False)
        if mentions.book.type_of(a) is ActorType.PERSON
    ]


def _named_before(
    token: Token, mentions: Mentions, types: set[ActorType], *, besides: Iterable[str] = ()
) -> list[str]:
    """The actor of one of ``types`` named last before ``token`` in its sentence."""
    excluded = set(besides)
    for i in range(token.i - 1, token.sent.start - 1, -1):
        ref = mentions.by_token.get(i)
        if ref is None or ref.actor_id in excluded:
            continue
        if mentions.book.type_of(ref.actor_id) in types:
            return [ref.actor_id]
    return []


def _sponsor(doc: Doc, ref: Ref, mentions: Mentions) -> bool:
    """ "the NATO-backed removal of its ruler", "the Iran-backed group and its leader": a
    name in a "-backed" or "-led" modifier qualifies another actor; "it" never means it."""
    end = ref.end
    return (
        end + 1 < len(doc)
        and doc[end].text in {"-", "–"}
        and doc[end + 1].lower_ in mentions.lexicon.compounds
    )


def _speaker(token: Token, mentions: Mentions) -> str | None:
    """ "'We stand with Ukraine,' NATO chief Mark Rutte said": "we" is the body named in
    the speaker's title, else the one the speaker is known to lead, else the speaker."""
    cues = mentions.lexicon.cues
    verb = next((a for a in token.ancestors if a.lemma_.lower() in cues.reporting), None)
    subjects = [c for c in verb.children if c.dep_ == "nsubj"] if verb is not None else []
    speakers = [a for c in subjects for a in mentions.resolve(c)]
    if not speakers:
        return None
    book = mentions.book
    titled = [
        ref.actor_id
        for c in subjects
        for t in c.subtree
        if (ref := mentions.by_token.get(t.i)) is not None
        and book.type_of(ref.actor_id) is not ActorType.PERSON
    ]
    return (titled or [book.led_by.get(speakers[0], speakers[0])])[0]


def _remember_list(token: Token, mentions: Mentions, context: Context) -> None:
    """ "Armenia and Azerbaijan said ...": the actors of a list, kept together for "the two
    countries" later."""
    if token.dep_ == "conj" or not token.conjuncts:
        return
    found = mentions.resolve(token)
    if len(found) >= 2:
        context.named_together.append(tuple(found))


def _count(token: Token) -> int:
    """2 for "the two sides" and "both sides", 3 for "the three juntas"; 0 otherwise."""
    numbers = [c for c in token.children if c.dep_ in {"nummod", "det", "predet"}]
    definite_ = any(c.lower_ in {"the", "both"} for c in token.children)
    return next((_COUNTS[c.lower_] for c in numbers if c.lower_ in _COUNTS), 0) * definite_


def _counted(token: Token, mentions: Mentions, context: Context) -> list[str | None]:
    """ "The two presidents met", "the three juntas pledged": as a clause's subject, the
    actors of that kind named last; "between the two sides": the two sides of the last
    attack the text told."""
    n = _count(token)
    kind = mentions.lexicon.cues.counted[token.lower_]
    if kind == "side" and _at_meeting(token, mentions):
        return list(_met_sides(mentions, n))
    if kind == "side":
        for _, attackers, targets in reversed(mentions.book.attacks):
            pairs = [(a, t) for a in attackers for t in targets if a != t]
            if pairs and n == 2:
                return list(pairs[0])
        return []
    if token.dep_ not in {"nsubj", "nsubjpass"}:
        return []
    return list(context.last_distinct(_COUNTED_TYPES[kind], n))


def _at_meeting(token: Token, mentions: Mentions) -> bool:
    """ "talks between the two sides", "the two sides met": sides at a meeting, not in a
    fight (those a go-between "mediated between" are the ones at odds)."""
    governor = token.head.head if token.head.dep_ == "prep" else token.head
    lexicon = mentions.lexicon
    if governor.lemma_.lower() in lexicon.cues.hosts:
        return False
    triggers = [
        *lexicon.verbs.get(governor.lemma_.lower(), ()),
        *lexicon.nouns.get(governor.lemma_.lower(), ()),
    ]
    return any(t.relation is RelationType.MEETS_WITH for t in triggers)


def _met_sides(mentions: Mentions, n: int) -> tuple[str, ...]:
    """The ``n`` sides of the last meeting told with that many states or bodies (the
    people who spoke for them aside)."""
    book = mentions.book
    for parties in reversed(book.meetings):
        sides = tuple(a for a in parties if book.type_of(a) is not ActorType.PERSON)
        if len(sides) == n:
            return sides
    return ()


def _role(span: Span, cues: Cues) -> str:
    """ "subject", "modifier" for a name that only qualifies the noun after it ("the
    Hamas ally", "Israeli strikes"), else "other"."""
    if _subject_role(span, cues):
        return "subject"
    return "modifier" if span.root.dep_ in {"compound", "amod", "nmod"} else "other"


def _subject_role(span: Span, cues: Cues) -> bool:
    """A name is a subject when its head word is ("The Group for the Support of Islam and
    Muslims (JNIM) claimed ...": the head is "Group", not the last word), it is in
    apposition to one, or the subject is a part of it ("fighters of the group attacked").
    """
    head = span.root
    if head.dep_ == "appos":
        head = head.head
        if head.dep_ == "pobj" and head.head.lower_ == "in":
            head = head.head.head  # "the mission in Congo, MONUSCO, has": the mission's name
    if _in_title(head, cues):
        return True
    if head.dep_ == "pobj" and head.head.lower_ == "of":
        whole = head.head.head
        if whole.lower_ in cues.partitive_heads or whole.lower_ in cues.metonymy_heads:
            head = whole
    return head.dep_ in {"nsubj", "nsubjpass"}


def _in_title(token: Token, cues: Cues) -> bool:
    """ "NATO Secretary General Mark Rutte said": the body in the title of a subject
    speaks through its officer, a subject too."""
    node = token
    titled = False
    while node.dep_ in {"compound", "amod", "nmod"} and node.head.i != node.i:
        node = node.head
        titled = titled or node.lower_ in cues.title_words
    return titled and node.dep_ in {"nsubj", "nsubjpass"}


def _description(token: Token, mentions: Mentions, context: Context) -> str | None:
    """ "the group", "his group", "the Iranian-backed militia": the name it was given
    here ("now known as HTS"), what the same words meant before, or the last actor
    of the kind the word names."""
    ctx = context
    if token.lower_ in mentions.lexicon.cues.state_forces and _specified(token, mentions):
        return None
    description = _description_key(token)
    target = _appositive_actor(token, mentions) or ctx.descriptions.get(description)
    if not any(c.dep_ == "poss" for c in token.children):
        latest = _last_of_kind(token, mentions, context)
        bare = all(c.dep_ == "det" for c in token.lefts)
        own = latest in _clause_subject(token, mentions)  # "X supplied the group": not X
        moved = bare and not own and latest is not None and _displaced(target, latest, ctx)
        if target is None or moved:
            target = latest
        if target is None and bare and _unnamed_side(token, mentions.lexicon.cues):
            target = mentions.book.new(token.lower_, ActorType.ARMED_GROUP, token.text)
    if target is not None:
        ctx.descriptions[description] = target
    return target


def _unnamed_side(token: Token, cues: Cues) -> bool:
    """ "backed the rebels" with no rebel group named lately: the rebels are an actor of
    their own, as the text leaves them."""
    return token.tag_ == "NNS" and cues.actor_words.get(token.lower_) == "armed_group"


def _displaced(meant: str, latest: str, context: Context) -> bool:
    """ "The group" meant ISWAP, but the last sentences are about Boko Haram: a bare
    description moves on to a new actor of its kind made subject since the old one was
    last named."""
    for actor_id, _, role in reversed(context.recent[-8:]):
        if actor_id == meant:
            return False
        if actor_id == latest and role == "subject":
            return True
    return False


def _describes(token: Token, cues: Cues) -> bool:
    """A common noun that can describe an actor: "the group", "the army", "the attackers"."""
    words = cues.actor_words.keys() | cues.state_forces | cues.attackers | cues.home_state
    return token.pos_ == "NOUN" and token.lower_ in words


def _last_of_kind(token: Token, mentions: Mentions, context: Context) -> str | None:
    """Who a description with no name of its own points at: "the army" is the state the
    article is about (else the one named last), "the attackers" the side that attacked
    last (else the armed group named last), "the group" the last actor of its kind."""
    cues = mentions.lexicon.cues
    book = mentions.book
    if token.lower_ in cues.state_forces:
        return _home_forces(token, mentions, context)
    if token.lower_ in cues.home_state:
        return _home_state(token, mentions, context)
    sent = _sent(token, mentions)
    named = [r.actor_id for c in token.lefts for t in c.subtree if (r := mentions.ref_at(t))]
    alike = _named_alike(token, mentions, context, besides=[*named, *sent])
    if alike:
        return alike[0] if len(alike) == 1 else None
    if token.lower_ in cues.attackers:
        states = {ActorType.STATE, ActorType.GOVERNMENT}
        for _, attackers, _ in reversed(book.attacks):
            armed = [a for a in attackers if book.type_of(a) not in states and a not in sent]
            if armed:
                return armed[0]
        return context.last({ActorType.ARMED_GROUP}, subject_first=True, besides=sent)
    # "the Al Qaeda-affiliated group" is not Al Qaeda
    kind = {ActorType(cues.actor_words[token.lower_])}
    besides = [*named, *sent]
    return _salient(context.last(kind, subject_first=True, besides=besides), kind, book, context)


def _salient(
    found: str | None, kinds: set[ActorType], book: ActorBook, context: Context
) -> str | None:
    """A description points back a few mentions, or else at the one actor of its kind
    the article keeps naming ("the group" in an article about Hezbollah), not at one
    named once in passing paragraphs ago."""
    if found is None or any(a == found for a, _, _ in context.recent[-8:]):
        return found
    ranked = sorted(
        ((n, a) for a, n in context.counts.items() if book.type_of(a) in kinds), reverse=True
    )
    if not ranked or ranked[0][0] < 2 or (len(ranked) > 1 and ranked[1][0] == ranked[0][0]):
        return None
    return ranked[0][1]


def _named_alike(
    token: Token, mentions: Mentions, context: Context, *, besides: Iterable[str]
) -> list[str]:
    """ "the force" after "the United Nations Interim Force in Lebanon", "the junta" after
    "Mali": the actors named lately whose own names (for a state, its descriptions) hold
    the word; where there are two, the word is left open. A state's names are not read
    ("Israeli Air Force" is a unit of Israel, no force of its own)."""
    word = token.lower_
    if word not in mentions.lexicon.cues.name_heads:
        return []
    book = mentions.book
    excluded = set(besides)
    found = {
        actor_id
        for actor_id, _, _ in context.recent
        if actor_id not in excluded
        and any(word in _name_words(n) for n in _own_words(actor_id, book))
    }
    return sorted(found)


def _own_words(actor_id: str, book: ActorBook) -> tuple[str, ...]:
    """The names a description may repeat: a body's names, a state's descriptions."""
    entry = book.gazetteer.get(actor_id)
    if book.type_of(actor_id) is ActorType.STATE:
        return entry.generic if entry is not None else ()
    return (*book.actors[actor_id].aliases, *book.surfaces.get(actor_id, ()))


def _name_words(name: str) -> list[str]:
    """A name's words, lower case and split at hyphens ("Kenya-led mission")."""
    return re.split(r"[\s\-–]+", name.lower())


def _sent(token: Token, mentions: Mentions) -> list[str]:
    """ "bringing in mercenaries from the Wagner Group to fight the jihadists": those sent
    to act on a description are not what it describes."""
    verb = token.head
    if token.dep_ != "dobj" or verb.dep_ not in {"advcl", "xcomp"}:
        return []
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return []
    sent = [t for c in verb.head.children if c.dep_ == "dobj" for t in c.subtree]
    return [r.actor_id for t in sent if (r := mentions.ref_at(t)) is not None]


def _home_state(token: Token, mentions: Mentions, context: Context) -> str | None:
    """ "the country": a state just made the subject ("South Africa's president warned
    ...; the country's defence minister"), else the country the article is about."""
    own = set(_clause_subject(token, mentions))  # "Russia invaded the country": not Russia
    for actor_id, actor_type, role in reversed(context.recent[-8:]):
        if actor_type is ActorType.STATE and role == "subject" and actor_id not in own:
            return actor_id
    home = mentions.book.gazetteer.homes.get(context.focus or "")
    if home is not None:
        return mentions.book.known(home, token.text)
    return context.last({ActorType.STATE})


def _home_forces(token: Token, mentions: Mentions, context: Context) -> str | None:
    """ "the army", "the police": the government of the article's country named last (a
    country may have rival ones), else the actor that stands for that country."""
    book = mentions.book
    gazetteer = book.gazetteer
    if context.focus is not None:
        for actor_id, actor_type, _ in reversed(context.recent):
            if (
                actor_type is ActorType.GOVERNMENT
                and gazetteer.country_of(actor_id) == context.focus
            ):
                return actor_id
        home = gazetteer.homes.get(context.focus)
        if home is not None:
            return book.known(home, token.text)
    return context.last({ActorType.STATE, ActorType.GOVERNMENT}, subject_first=True)


def definite(token: Token) -> bool:
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


def _specified(token: Token, mentions: Mentions) -> bool:
    """ "the government of President Ashraf Ghani": a state's forces or rulers said to be
    someone's point at no earlier actor."""
    return any(
        prep.dep_ == "prep" and prep.lower_ == "of" and mentions.resolve(obj)
        for prep in token.children
        for obj in prep.children
        if obj.dep_ == "pobj"
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


def _attacker(token: Token, mentions: Mentions) -> list[str]:
    """Whoever attacks what a possessive pronoun owns: "Israel's offensive, which killed its
    leader" (its is not Israel's), "the army shelled their positions"."""
    if token.dep_ != "poss":
        return []
    node = token.head
    while node.dep_ in {"pobj", "prep", "conj", "appos"} and node.head.i != node.i:
        node = node.head
    verb = node.head
    lexicon = mentions.lexicon
    if node.dep_ != "dobj" or node.lemma_.lower() in lexicon.nouns:
        return []  # "Moscow launched its invasion": an event is its agent's own
    triggers = lexicon.verbs.get(verb.lemma_.lower(), ())
    if not any(t.relation is RelationType.OPPOSES and not t.objects for t in triggers):
        return []  # "the UN ended its mission": "end" opposes only with ties or trade
    return [a for c in verb.children if c.dep_ == "nsubj" for a in mentions.resolve(c)]


def _helped(token: Token, mentions: Mentions) -> list[str]:
    """Whom one backs "in its fight": "Iran supports Hezbollah in its war against Israel",
    "US support for Ukraine in its war with Russia" (its is the one backed, not the
    backer)."""
    prep = token.head.head
    if token.dep_ != "poss" or token.head.dep_ != "pobj" or prep.lower_ != "in":
        return []
    backer = prep.head
    lexicon = mentions.lexicon
    lemma = backer.lemma_.lower()
    triggers = (
        lexicon.verbs.get(lemma, ()) if backer.pos_ == "VERB" else lexicon.nouns.get(lemma, ())
    )
    if not any(t.relation is RelationType.BACKS for t in triggers):
        return []
    backed = [c for c in backer.children if c.dep_ in {"dobj", "dative"}]
    backed += [o for p in backer.children if p.lower_ in {"for", "to"} for o in p.children]
    return [a for t in backed for a in mentions.resolve(t)]


def _clause_subject(token: Token, mentions: Mentions) -> list[str]:
    """The actors subject of the clause a pronoun sits in: "Russia ... its invasion"; in
    a list, the item before it ("accused Malian troops and their Russian allies")."""
    if token.dep_ == "poss" and token.head.dep_ == "conj":
        found = mentions.resolve(token.head.head, conjuncts=False)
        if found:
            return found
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
