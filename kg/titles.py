"""Titles and offices: what joins a person, or a body, to the body it belongs to.

"Turkish Foreign Minister Hakan Fidan" (a title before a name), "Hezbollah's new
leader, Naim Qassem" (a title in apposition), "X has served as deputy chairman of Y"
(an office given by a verb), "NATO member Turkey", "U.S. Central Command". Each gives a
``TitleLink`` (leads or member_of), read from the title words in ontology/cues.toml.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from .gazetteer import Gazetteer
from .lexicon import Cues
from .mentions import ActorBook, Mentions, Ref, TitleLink
from .model import ActorType, RelationType

__all__ = ["WordActor", "add_titles", "resolve_unnamed_titles", "title_words"]

WordActor = Callable[[Token], "str | None"]
"""Names the actor a single word stands for ("rebel" in "rebel commander"), or None."""

_TITLE_PREPS = {"of", "with", "in", "at", "for", "from"}
_POSTINGS = {"for", "in", "at"}  # where an office is held, once its body is named
_TITLE_FILLERS = {"'s", "’s", "new", "acting", "interim", "top", "senior", "then"}
_RULING = {
    "government",
    "regime",
    "administration",
    "junta",
    "cabinet",
    "leadership",
    "authorities",
}
_SUBORDINATE = {"deputy", "vice", "assistant", "under", "associate", "vice-president"}
_COUNTERPART = "counterpart"
_SPEAKER = "speaker"
_UNITS = {ActorType.ARMED_GROUP, ActorType.ORGANIZATION}
_STATES = {ActorType.STATE, ActorType.GOVERNMENT}
_DESCRIBED = {"mission", "force"}
_HEADS = {"chief", "head", "commander", "leader", "boss", "chairman", "director"}
_RANKS = {"commander"}
"""Heads' titles groups also give their field officers: "Hezbollah commander X" is one of
its commanders, "its commander, X" or "the commander of the SDF, X" its head."""
_DEFINITE = {"the", "its", "their"}
_ONE_OF_MANY = {"a", "an", "another", "senior"}  # "a senior Hezbollah commander": not its head
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
    "accept",
    "take",
    "assume",
    "hold",
}
_POSTS = {"post", "role", "job", "position", "seat", "office"}


def add_titles(
    doc: Doc,
    mentions: Mentions,
    gazetteer: Gazetteer,
    word_actor: WordActor,
    *,
    focus: str | None = None,
) -> None:
    """Join titles to names: "Turkish Foreign Minister Hakan Fidan", "NATO member Turkey",
    "Hezbollah's new leader, Naim Qassem", "a top commander with the group". ``focus`` is
    the country the article is about, whose government a bare "Defence Minister X" is in."""
    cues = mentions.lexicon.cues
    known_words = title_words(cues)
    by_token = mentions.by_token
    out: list[Ref] = []
    for ref in mentions.refs:
        out.append(_prefix_title(doc, ref, by_token, mentions, gazetteer, focus))
    mentions.refs[:] = out
    mentions.by_token.clear()
    for ref in out:
        for i in range(ref.start, ref.end):
            mentions.by_token[i] = ref
    for token in doc:
        if token.lower_ not in known_words and token.lower_ not in cues.body_titles:
            continue
        key = _title_key(token, known_words)
        qualifiers = key.split()[:-1]
        relation = _title_relation(key, cues, ActorType.PERSON)
        if relation is None:
            relation = _title_relation(token.lower_, cues, ActorType.PERSON)
        if token.lower_ in cues.body_titles:
            relation = RelationType.MEMBER_OF
        if relation is None or (token.i in by_token and not _described(token, by_token)):
            continue
        if any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in token.children):
            relation = RelationType.MEMBER_OF  # "a top commander with the group": one of many
        elif token.lower_ in _HEADS and any(
            c.dep_ == "compound" and mentions.resolve(c) for c in token.children
        ):
            relation = RelationType.LEADS  # "army chief" of the army itself
        elif token.lower_ in _HEADS and not qualifiers and _owned_by_group(token, mentions):
            relation = RelationType.LEADS  # "Radaa's commander, X": a group's own commander
        if any(c.lower_ in cues.former for c in token.lefts) or _misparsed_subject(token):
            continue
        bodies = [
            a
            for c in token.children
            if c.dep_ in {"poss", "compound", "amod", "nmod"}
            for a in (mentions.resolve(c) or filter(None, [word_actor(c)]))
        ]
        bodies += [
            a
            for p in token.children
            if p.dep_ == "prep"
            and p.lower_ in _TITLE_PREPS
            and not (bodies and p.lower_ in _POSTINGS)  # "the UN envoy for Yemen": the UN's
            for o in p.children
            if o.dep_ == "pobj"
            for a in mentions.resolve(o)
        ]
        bodies += _served(token, mentions)
        states = _state_office_owner(token, mentions)
        if states:  # "the head of Iran's nuclear programme": one of Iran's offices
            bodies, relation = list(dict.fromkeys(bodies + states)), RelationType.MEMBER_OF
        own = by_token.get(token.i)
        if own is not None and set(bodies) - {own.actor_id}:
            # "the United Nations Support Mission in Libya (UNSMIL)": the owner, not itself
            bodies = [b for b in bodies if b != own.actor_id]
        if token.lower_ == _COUNTERPART:
            # "his counterpart X" is in the other side's body; "his" only says which office
            bodies = [b for b in bodies if mentions.book.type_of(b) is not ActorType.PERSON]
            owner = next((c for c in token.children if c.dep_ == "poss"), None)
            if _peer_leads(owner, by_token, mentions):
                relation = RelationType.LEADS
        body_title = token.lower_ in cues.body_titles
        near = list(token.children)
        if token.dep_ == "appos":
            near.append(_apposed_to(token))
        wanted = (
            {ActorType.ORGANIZATION, ActorType.GOVERNMENT, ActorType.ARMED_GROUP}
            if body_title
            else {ActorType.PERSON}
        )
        people = [
            by_token[n.i].actor_id
            for n in near
            if n.i in by_token
            and (n.dep_ == "appos" or token.dep_ == "appos")
            and mentions.book.type_of(by_token[n.i].actor_id) in wanted
        ]
        if body_title and not people and _described(token, by_token):
            people = [
                by_token[c.i].actor_id
                for c in _appositions(token)
                if c.i in by_token and mentions.book.type_of(by_token[c.i].actor_id) in wanted
            ]
        if body_title and token.dep_ == "appos" and not people:
            people = [a for a in [mentions.apposed_before(token)] if a is not None]
            people = [a for a in people if mentions.book.type_of(a) in wanted]
        people += [a for a in _holders(token, mentions) if mentions.book.type_of(a) in wanted]
        people += [
            a for a in _second_apposition(token, by_token) if mentions.book.type_of(a) in wanted
        ]
        if not people and not body_title:
            people = _name_after(token, mentions)
        if not people and not body_title and not any(c.dep_ == "appos" for c in token.children):
            people = [a for a in [mentions.apposed_after(token)] if a is not None]
            people = people or [  # "the UN envoy for Libya, X": X hung on "Libya"
                by_token[c.i].actor_id
                for c in _appositions(token)
                if c.i in by_token and mentions.book.type_of(by_token[c.i].actor_id) in wanted
            ]
        if (
            relation is RelationType.MEMBER_OF
            and token.lower_ in _HEADS
            and any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)
            and not any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in token.children)
            and not any(c.lower_ in _SUBORDINATE for c in token.lefts)
            and bodies
            and not any(mentions.book.type_of(b) is ActorType.STATE for b in bodies)
        ):
            relation = RelationType.LEADS  # "the commander of the RSF", not "a commander"
        for person in dict.fromkeys(people):
            held = bodies
            if token.lower_ == _COUNTERPART and not bodies:
                owners = [
                    a for c in token.children if c.dep_ == "poss" for a in mentions.resolve(c)
                ]
                side = _counterpart_home(person, owners, gazetteer, mentions)
                held, relation = ([side[0]], side[1]) if side else ([], relation)
            for body in dict.fromkeys(_office_bodies(held, relation, mentions, gazetteer)):
                if body != person:
                    link = TitleLink(person, body, relation, token.i, token.i + 1, key)
                    mentions.titles.append(link)
                    if relation is RelationType.LEADS:
                        mentions.book.led_by.setdefault(person, body)
    mentions.titles.extend(_state_officers(mentions))


def _title_key(token: Token, known_words: frozenset[str]) -> str:
    """The words of the title ``token`` ends, lower case: "foreign minister"."""
    qualifiers = [
        c.lower_
        for c in token.lefts
        if c.dep_ in {"amod", "compound"} and (c.lower_ in known_words or c.lower_ in _SUBORDINATE)
    ]
    return " ".join([*qualifiers, token.lower_])


def resolve_unnamed_titles(doc: Doc, mentions: Mentions, gazetteer: Gazetteer) -> None:
    """ "The Saudi foreign minister said ...": a definite head's or state's title with no
    name of its own is the person the article gave that title in that body ("Saudi
    Foreign Minister Faisal bin Farhan"); with no body named, the one person given it."""
    cues = mentions.lexicon.cues
    known_words = title_words(cues)
    offices = [*mentions.book.offices, *mentions.titles]
    for token in doc:
        if token.lower_ not in known_words or not _unnamed(token, mentions):
            continue
        key = _title_key(token, known_words)
        if key not in cues.leader_titles and not _state_office(key.split(), cues):
            continue
        bodies = [
            a
            for c in token.children
            if c.dep_ in {"amod", "compound", "nmod", "poss"}
            or (c.dep_ == "prep" and c.lower_ == "of")
            for n in ([c] if c.dep_ != "prep" else [o for o in c.children if o.dep_ == "pobj"])
            for a in mentions.resolve(n, conjuncts=False)
            if mentions.book.type_of(a) is not ActorType.PERSON
        ]
        holders = [
            t.person
            for t in offices
            if t.title == key
            and (not bodies or t.body in bodies or gazetteer.country_of(t.body) in bodies)
        ]
        if len(set(holders)) == 1 or (bodies and holders):
            ref = Ref(holders[-1], token.i, token.i + 1, "pronoun")
        elif bodies and not _nationals(bodies, offices, mentions, gazetteer):
            # "Qatar's emir met Hamas leaders": a ruler the article names no one of his
            # state who might be him acts for the state
            ref = Ref(bodies[0], token.i, token.i + 1, "pronoun")
        else:
            continue
        mentions.refs.append(ref)
        mentions.by_token[token.i] = ref


def _nationals(
    bodies: list[str], offices: list[TitleLink], mentions: Mentions, gazetteer: Gazetteer
) -> bool:
    """Whether a body is not a state, or the article has named a person of it (who the
    title may mean: "Lavrov ... the Russian foreign minister")."""
    book = mentions.book
    if any(book.type_of(b) not in _STATES for b in bodies):
        return True
    people = [a for a, actor in book.actors.items() if actor.type is ActorType.PERSON]
    homes = {p: {gazetteer.country_of(p), gazetteer.home_of(p)} for p in people}
    for link in offices:
        homes.setdefault(link.person, set()).add(link.body)
    return any(set(bodies) & home for home in homes.values())


def _unnamed(token: Token, mentions: Mentions) -> bool:
    """ "the Iranian president", "the president of Iran": a definite title standing
    alone, no name beside it, no former holder."""
    doc = token.doc
    lefts = list(token.lefts)
    return (
        token.i not in mentions.by_token
        and token.pos_ in {"NOUN", "PROPN"}
        and token.dep_ != "appos"  # "X, the head of Y": the titles read it
        and any(
            (c.dep_ == "det" and c.lower_ == "the") or (c.dep_ == "poss" and c.pos_ == "PROPN")
            for c in lefts
        )  # "the Iranian president", "Egypt's president"
        and not any(c.lower_ in mentions.lexicon.cues.former for c in lefts)
        and not any(c.dep_ == "appos" for c in token.children)
        and not (token.i + 1 < len(doc) and token.i + 1 in mentions.by_token)
        and mentions.apposed_after(token) is None
    )


def _state_officers(mentions: Mentions) -> list[TitleLink]:
    """ "U.S. Central Command chief General X", "U.S. Africa Command spokeswoman X": the
    head or an officer of one of a state's bodies holds an office of that state, so is one
    of its members too."""
    book = mentions.book
    of_state = [
        link
        for link in mentions.titles
        if link.relation is RelationType.MEMBER_OF and book.type_of(link.body) is ActorType.STATE
    ]
    return [
        TitleLink(head.person, part.body, RelationType.MEMBER_OF, head.start, head.end)
        for head in mentions.titles
        if book.type_of(head.person) is ActorType.PERSON
        for part in of_state
        if part.person == head.body and part.body != head.person
    ]


def _apposed_to(title: Token) -> Token:
    """ "A, B and C, director of X": a title after a list describes the name nearest it,
    where the parser hung it on the list's first name."""
    return max([title.head, *(c for c in title.head.conjuncts if c.i < title.i)], key=lambda t: t.i)


def _described(token: Token, by_token: dict[int, Ref]) -> bool:
    """ "The U.N. peacekeeping mission in Congo, MONUSCO": a body noun read as its owner
    (the U.N.) whose apposition names the body itself."""
    return token.lower_ in _DESCRIBED and any(
        c.i in by_token and by_token[c.i] is not by_token.get(token.i) for c in _appositions(token)
    )


def _appositions(token: Token) -> list[Token]:
    """The names set beside a noun, also where the parser hung them on the noun's place
    ("the mission in Congo, MONUSCO")."""
    return [c for c in token.children if c.dep_ == "appos"] + [
        c
        for p in token.children
        if p.dep_ == "prep"
        for o in p.children
        if o.dep_ == "pobj"
        for c in o.children
        if c.dep_ == "appos"
    ]


def _prefix_title(
    doc: Doc,
    ref: Ref,
    by_token: dict[int, Ref],
    mentions: Mentions,
    gazetteer: Gazetteer,
    focus: str | None,
) -> Ref:
    """Read the titles left of a name; return the name's span widened over them."""
    cues = mentions.lexicon.cues
    actor_type = mentions.book.type_of(ref.actor_id)
    i = ref.start - 1
    words: list[str] = []
    body: str | None = None
    body_last: Token | None = None
    first = ref.start
    portfolio = False
    known_words = title_words(cues)
    while i >= 0:
        token = doc[i]
        other = by_token.get(i)
        posting = None
        if other is not None and other is not ref and body is None and not words:
            posting = _posting(doc, other.start, cues.posted)
        if posting is not None:
            i = posting  # "ambassador to the United Nations X": where the office is held
            continue
        if other is not None and other is not ref:
            if body is None and (
                mentions.book.type_of(other.actor_id) is not ActorType.PERSON or words
            ):
                body = _owner_of_part(doc, other, gazetteer, mentions) or other.actor_id
                body_last = doc[other.end - 1]
                first = other.start
                i = other.start - 1
                continue
            break
        if token.lower_ == "whose" and words and body is None:
            # "Asaib Ahl al-Haq, whose leader Qais al-Khazali": the clause's antecedent
            body = next(iter(mentions.resolve(token, conjuncts=False)), None)
            break
        joiner = token.text in {"-", "–", "."} and bool(words) and i > 0
        if joiner and body is None and by_token.get(i - 1) is not None:
            i -= 1  # "NATO-member Turkey"
            continue
        if words and body is None and token.ent_type_ == "LOC":
            i -= 1  # "U.S. Middle East envoy Steve Witkoff": the region the office covers
            continue
        if actor_type is not ActorType.PERSON and not words and _unit_word(token, cues):
            i -= 1  # "Hezbollah's elite Radwan Force", "the EU's naval mission Aspides"
            continue
        split = _split_title(doc, i, known_words)
        if split is not None:  # "commander-in-chief", cut at its hyphens
            words.insert(0, doc[split : i + 1].text.lower())
            first = split
            i = split - 1
            continue
        before = doc[i - 1].lower_ if i > 0 else ""
        if token.lower_ in _TITLE_FILLERS or (
            joiner and (before in known_words or before + "." in known_words)
        ):  # "Secretary-General", "Maj. Gen."
            i -= 1
            continue
        if token.lower_ in known_words and (
            token.pos_ in {"NOUN", "PROPN", "ADJ"} or (token.lower_ == "of" and words)
        ):
            words.insert(0, token.lower_)
            first = token.i
            i -= 1
            continue
        if words and body is None and _portfolio(token, words[-1], known_words, cues):
            portfolio = True
            i -= 1
            continue
        break
    relation = _title_relation(" ".join(words), cues, actor_type)
    if relation is RelationType.MEMBER_OF and _group_head(doc, words, body, first, mentions):
        relation = RelationType.LEADS  # "SDF commander Mazloum Abdi"
    if portfolio and relation is RelationType.LEADS:
        relation = RelationType.MEMBER_OF  # "EU foreign policy chief X": one area of the EU
    if relation is not None and body_last is not None and words:
        relation = _state_body_office(body_last, words, relation, mentions)
    if words and words[-1] == _COUNTERPART and body is not None:
        if mentions.book.type_of(body) is ActorType.PERSON:
            # "his counterpart X": the other side's body, which is not named
            side = _counterpart_home(ref.actor_id, [body], gazetteer, mentions)
            if side is None:
                return ref
            body, relation = side
        if _peer_leads(doc[i] if i >= 0 else None, by_token, mentions):
            relation = RelationType.LEADS  # "Putin ... his U.S. counterpart Donald Trump"
    title = _title_of(doc, first, known_words) if body and not words else None
    office = _title_relation(title.lower_, cues, actor_type) if title is not None else None
    if title is not None and office is not None and actor_type is ActorType.PERSON:
        # "the commander of the Quds Force Esmail Qaani", parsed as one noun phrase
        relation = office
        if title.lower_ in _HEADS and mentions.book.type_of(body) is not ActorType.STATE:
            relation = RelationType.LEADS
        first = title.i
    if (
        relation is not None
        and body is None
        and actor_type is ActorType.PERSON
        and _state_office(words, cues)
        and not _unknown_owner(doc, i, by_token)
    ):
        # "President Bashar al-Assad": the office is in the person's own country; a
        # person the gazetteer does not know holds it in the country the article is about.
        home = gazetteer.home_of(ref.actor_id)
        if home is None and ref.actor_id not in gazetteer and focus is not None:
            home = _only_state(doc[ref.start].sent, gazetteer.homes.get(focus), mentions)
        body = mentions.book.known(home, gazetteer.entries[home].actor.label) if home else None
    if relation is not None and body is not None and words and words[-1] == _SPEAKER:
        body, relation = _chamber(body, relation, gazetteer, mentions)
    if (
        relation is None
        and body is not None
        and not words
        and _agency_of(ref, body, gazetteer, mentions.book)
    ):
        relation = RelationType.MEMBER_OF  # "Israel's Mossad"
    if (
        relation is None
        and body_last is not None
        and not words
        and _owned_unit(doc[body_last.i + 1 : ref.start], ref.actor_id, body, mentions)
    ):
        relation = RelationType.MEMBER_OF  # "the group's elite Radwan Force"
    if relation is None and body is None and not words:
        body = _state_in_name(doc, ref, gazetteer, mentions)
        relation = RelationType.MEMBER_OF if body else None  # "U.S. Central Command"
    if relation is None or body is None or body == ref.actor_id:
        return ref
    if any(t.lower_ in cues.former for t in doc[max(0, first - 2) : ref.start]):
        return ref
    bodies = _office_bodies([body], relation, mentions, gazetteer)
    if not bodies:
        return ref
    body = bodies[0]  # "Sudani's spokesperson": the government Sudani heads
    mentions.titles.append(TitleLink(ref.actor_id, body, relation, first, ref.end, " ".join(words)))
    if relation is RelationType.LEADS:
        mentions.book.led_by.setdefault(ref.actor_id, body)
    if actor_type is ActorType.PERSON:
        return Ref(ref.actor_id, min(first, ref.start), ref.end, ref.kind)
    return ref


def _chamber(
    body: str, relation: RelationType, gazetteer: Gazetteer, mentions: Mentions
) -> tuple[str, RelationType]:
    """ "House Speaker X", "the House of Representatives, whose speaker X": a speaker
    heads a parliament, the state's own where the gazetteer knows it ("Lebanese
    parliament"); a state whose parliament it does not know has the speaker as a member."""
    book = mentions.book
    if book.type_of(body) is ActorType.PERSON:
        return body, relation
    if book.type_of(body) is not ActorType.STATE:
        return body, RelationType.LEADS
    entry = gazetteer.get(body)
    for demonym in entry.demonyms if entry is not None else ():
        found = gazetteer.by_name(f"{demonym} parliament")
        if found is not None and found.id != body:
            return book.known(found.id, found.actor.label), RelationType.LEADS
    return body, RelationType.MEMBER_OF


def _split_title(doc: Doc, end: int, known_words: frozenset[str]) -> int | None:
    """Where a hyphenated title the tokenizer cut into words and hyphens ("commander - in
    - chief") ending at ``end`` starts, if one does."""
    for start in (end - 4, end - 2):
        span = doc[max(start, 0) : end + 1]
        glued = start >= 0 and not any(t.whitespace_ for t in span[:-1])
        if glued and "-" in span.text and span.text.lower() in known_words:
            return start
    return None


def _counterpart_home(
    person: str, owners: list[str], gazetteer: Gazetteer, mentions: Mentions
) -> tuple[str, RelationType] | None:
    """ "Foreign Minister X ... talks with his counterpart Hakan Fidan": the text names no
    body, but the gazetteer gives the counterpart's own state, the other side's; the
    counterpart holds there the office the text gave the owner."""
    home = gazetteer.home_of(person)
    if home is None or any(gazetteer.home_of(a) == home or a == home for a in owners):
        return None
    if any(a in mentions.book.led_by for a in owners):
        relation = RelationType.LEADS
    elif any(t.person in owners and t.relation is RelationType.MEMBER_OF for t in mentions.titles):
        relation = RelationType.MEMBER_OF
    else:
        return None
    return mentions.book.known(home, gazetteer.entries[home].actor.label), relation


def _group_head(
    doc: Doc, words: list[str], body: str | None, first: int, mentions: Mentions
) -> bool:
    """ "SDF commander Mazloum Abdi", "CIA director X": the one head title after a group's or
    an agency's name is its head ("a senior Hezbollah commander" is one of many; a state's
    commander is one of its officers)."""
    definite = first > 0 and (doc[first - 1].lower_ in _DEFINITE or doc[first - 1].tag_ == "POS")
    of_body = first + 1 < len(doc) and doc[first + 1].lower_ == "of"
    return (
        len(words) == 1
        and words[0] in _HEADS
        and (words[0] not in _RANKS or definite or of_body)
        and body is not None
        and mentions.book.type_of(body) in _UNITS
        and not any(t.lower_ in _ONE_OF_MANY for t in doc[max(0, first - 2) : first])
    )


def _owner_of_part(doc: Doc, part: Ref, gazetteer: Gazetteer, mentions: Mentions) -> str | None:
    """ "The African Union, whose Commission chairperson X": a body the gazetteer does not
    know, named as the antecedent's own, is a part of it; the office is the antecedent's."""
    whose = doc[part.start - 1] if part.start > 0 else None
    if whose is None or whose.lower_ != "whose" or part.actor_id in gazetteer:
        return None
    found = mentions.resolve(whose, conjuncts=False)
    if not found and whose.i >= 2 and doc[whose.i - 1].text == ",":
        before = mentions.by_token.get(whose.i - 2)  # the parser hung the clause loosely
        found = [before.actor_id] if before is not None else []
    return next(iter(found), None)


def _second_apposition(title: Token, by_token: dict[int, Ref]) -> list[str]:
    """ "X, the founder's son and the group's deputy commander": a title coordinated with
    an apposition is set beside the same name."""
    if title.dep_ != "conj":
        return []
    head = title.head
    while head.dep_ == "conj":
        head = head.head
    ref = by_token.get(head.head.i) if head.dep_ == "appos" else None
    return [ref.actor_id] if ref is not None else []


def _portfolio(token: Token, title: str, known_words: frozenset[str], cues: Cues) -> bool:
    """ "Eritrean Information Minister X", "EU foreign policy chief X": a word naming the
    area an office covers, between the body and the title (not a group: "rebel chief")."""
    return (
        token.dep_ in {"compound", "amod"}
        and token.sent.start < token.i < token.head.i  # a body can only be before it
        and not token.ent_type_
        and token.lower_ not in cues.actor_words
        and (
            token.pos_ in {"NOUN", "PROPN"}
            or (token.pos_ == "ADJ" and token.head.lower_ not in known_words)
        )
        and (title in cues.member_titles or title in {"chief", "head"})
    )


def _unknown_owner(doc: Doc, i: int, by_token: dict[int, Ref]) -> bool:
    """ "Kosovo President X", "Haiti's Prime Minister X": the office is in a place the
    text names but the gazetteer does not know, not in the article's country."""
    if i >= 1 and doc[i].lower_ in {"'s", "’s"}:
        i -= 1
    return i >= 0 and i not in by_token and doc[i].ent_type_ in {"GPE", "NORP", "LOC"}


def _state_body_office(
    body_last: Token, words: list[str], relation: RelationType, mentions: Mentions
) -> RelationType:
    """ "Egyptian intelligence chief X": the state body's last word and the title make
    one office ("intelligence chief"), a member's office in the state, not its head."""
    ref = mentions.by_token.get(body_last.i)
    if ref is None or mentions.book.type_of(ref.actor_id) is not ActorType.STATE:
        return relation
    if " ".join([body_last.lower_, *words]) in mentions.lexicon.cues.member_titles:
        return RelationType.MEMBER_OF
    return relation


def _peer_leads(owner: Token | None, by_token: dict[int, Ref], mentions: Mentions) -> bool:
    """ "his Rwandan counterpart Paul Kagame": the holder of the same office as a leader
    ("his" = Congolese President Tshisekedi) leads his own state."""
    if owner is None or owner.dep_ != "poss" or owner.i not in by_token:
        return False
    return by_token[owner.i].actor_id in mentions.book.led_by


def _only_state(sentence: Span, home: str | None, mentions: Mentions) -> str | None:
    """The article's state, unless the sentence names another state or government
    ("Deputy Foreign Minister Mikhail Bogdanov met Sudan's ambassador in Moscow")."""
    book = mentions.book
    states = {
        r.actor_id
        for r in mentions.refs
        if sentence.start <= r.start < sentence.end
        and book.type_of(r.actor_id) in {ActorType.STATE, ActorType.GOVERNMENT}
    }
    return home if states <= {home} else None


def _unit_word(token: Token, cues) -> bool:
    """A word that may stand between an owner and its unit's name: "elite", "naval
    mission"."""
    return (token.pos_ == "ADJ" and token.is_lower) or token.lower_ in cues.body_titles


def _owned_unit(between: Span, unit: str, owner: str | None, mentions: Mentions) -> bool:
    """ "Hezbollah's Radwan Force", "the EU's naval mission Aspides": a group or body a
    non-state group or body owns is one of its units (a state's possession, "Lebanon's
    Hezbollah", says where it is, not whose it is)."""
    book = mentions.book
    return (
        owner is not None
        and owner != unit
        and len(between) > 0
        and between[0].lower_ in {"'s", "’s"}
        and book.type_of(owner) in _UNITS
        and book.type_of(unit) in _UNITS
    )


def _posting(doc: Doc, start: int, posted: frozenset[str]) -> int | None:
    """The title word of "ambassador to the <body>" ending just before ``start``: the body
    is where the office is held, so the owner is read further left."""
    i = start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i < 1 or doc[i].lower_ != "to" or doc[i - 1].lower_ not in posted:
        return None
    return i - 1


def _title_of(doc: Doc, start: int, known_words: frozenset[str]) -> Token | None:
    """The title word of "commander of the <body>" ending just before ``start``."""
    i = start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i < 1 or doc[i].lower_ != "of":
        return None
    title = doc[i - 1]
    if title.lower_ in known_words and title.pos_ in {"NOUN", "PROPN"}:
        return title
    return None


def _office_bodies(
    bodies: list[str], relation: RelationType, mentions: Mentions, gazetteer: Gazetteer
) -> list[str]:
    """The bodies an office belongs to. A member's office named after a person
    ("Sudani's spokesperson") is in the body that person leads, as the text or the
    gazetteer says; nobody leads a person."""
    out = []
    for body in bodies:
        if mentions.book.type_of(body) is not ActorType.PERSON:
            out.append(body)
            continue
        if relation is not RelationType.MEMBER_OF:
            continue
        led = mentions.book.led_by.get(body) or gazetteer.home_of(body)
        if led is not None and led in gazetteer:
            out.append(mentions.book.known(led, gazetteer.entries[led].actor.label))
        elif led is not None:
            out.append(led)
    return out


def _name_after(title: Token, mentions: Mentions) -> list[str]:
    """ "commander of the RSF Gen Mohamed Hamdan Dagalo", "the leader of Hamas Ismail
    Haniyeh": a title with its body, then the holder's name right after it."""
    if not any(c.dep_ == "prep" and c.lower_ == "of" for c in title.children):
        return []
    doc = title.doc
    i = title.right_edge.i + 1
    ranks = mentions.lexicon.cues.ranks
    while i < len(doc) and (doc[i].text in {")", "]"} or doc[i].lower_ in ranks):
        i += 1  # "... (RSF) Gen Dagalo"
    ref = mentions.by_token.get(i)
    if ref is None or ref.start != i or mentions.book.type_of(ref.actor_id) is not ActorType.PERSON:
        return []
    return [ref.actor_id]


def _agency_of(ref: Ref, body: str, gazetteer: Gazetteer, book: ActorBook) -> bool:
    """An organisation named after its own state is one of that state's bodies."""
    entry = gazetteer.get(ref.actor_id)
    return (
        entry is not None
        and entry.actor.type in {ActorType.ORGANIZATION, ActorType.GOVERNMENT}
        and gazetteer.home_of(ref.actor_id) == body
        and book.type_of(body) is ActorType.STATE
    )


def _state_in_name(doc: Doc, ref: Ref, gazetteer: Gazetteer, mentions: Mentions) -> str | None:
    """A state body whose own name opens with its state and ends in a body noun ("U.S.
    Central Command", "Russian Foreign Intelligence Service") is one of that state's
    bodies."""
    book = mentions.book
    home = gazetteer.home_of(ref.actor_id)
    if (
        home is None
        or home == ref.actor_id
        or book.type_of(ref.actor_id) not in {ActorType.ORGANIZATION, ActorType.GOVERNMENT}
        or doc[ref.end - 1].lower_ not in mentions.lexicon.cues.body_titles
    ):
        return None
    for width in (1, 2):
        if ref.end - ref.start <= width:
            break
        words = doc[ref.start : ref.start + width].text
        entry = gazetteer.by_name(words) or gazetteer.by_demonym(words)
        if entry is not None and entry.id == home and entry.actor.type is ActorType.STATE:
            return book.known(home, entry.actor.label)
    return None


def _state_office_owner(title: Token, mentions: Mentions) -> list[str]:
    """ "the head of the Serbian government's Office for Kosovo", "the head of Iran's
    nuclear programme": the head of a state's office, programme or force, which no actor
    of its own stands for, holds an office of that state ("the head of Syria's
    government" still heads it)."""
    return [
        a
        for p in title.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for o in p.children
        if o.dep_ == "pobj" and mentions.ref_at(o) is None and o.lower_ not in _RULING
        for c in o.children
        if c.dep_ == "poss"
        for a in mentions.resolve(c)
        if mentions.book.type_of(a) is ActorType.STATE
    ]


def _served(title: Token, mentions: Mentions) -> list[str]:
    """ "a senior adviser to President X": an office given to a person is in the body
    that person leads (an envoy to a state is not in that state, so only people)."""
    return [
        a
        for p in title.children
        if p.dep_ == "prep" and p.lower_ == "to"
        for o in p.children
        if o.dep_ == "pobj"
        for a in mentions.resolve(o)
        if mentions.book.type_of(a) is ActorType.PERSON
    ]


def _holders(title: Token, mentions: Mentions) -> list[str]:
    """Who holds a title given by a verb: "X is the leader of Y", "X has served as deputy
    chairman of Y", "X was appointed commander of Y"."""
    verb = None
    if title.dep_ in {"attr", "oprd"}:
        verb = title.head
    elif title.dep_ == "pobj" and title.head.lower_ == "as":
        verb = title.head.head
        if verb.lower_ in _POSTS and verb.dep_ == "dobj":
            verb = verb.head  # "X accepted a post as a minister in Y"
    if verb is None or verb.lemma_.lower() not in _OFFICE_VERBS:
        return []
    named = (
        [c for c in verb.children if c.dep_ == "dobj" and c.lower_ not in _POSTS]
        if title.dep_ == "pobj"
        else []
    )
    if named:  # "Abiy named Tadesse as its head": the one named holds it, not Abiy
        return [a for c in named for a in mentions.resolve(c)]
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return [a for c in subjects for a in mentions.resolve(c)]


def _state_office(words: list[str], cues: Cues) -> bool:
    """An office only a state has ("President", "Foreign Minister"), so a title with no
    body named still places the person in their own country's government."""
    words = list(words)
    while len(words) > 1 and words[-1] in cues.ranks:
        words.pop()  # "Supreme Leader Ayatollah Ali Khamenei"
    title = " ".join(words)
    return any(title == office or title.endswith(" " + office) for office in cues.state_offices)


def title_words(cues: Cues) -> frozenset[str]:
    """Every word that can be part of a title."""
    return cues.title_words


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


def _owned_by_group(title: Token, mentions: Mentions) -> bool:
    """ "its commander", "the militia's commander": owned by a group, not by a state
    ("Russia's commander in Ukraine" is one of its officers)."""
    owners = [a for c in title.children if c.dep_ == "poss" for a in mentions.resolve(c)]
    states = {ActorType.STATE, ActorType.GOVERNMENT}
    return bool(owners) and all(mentions.book.type_of(a) not in states for a in owners)


def _misparsed_subject(title: Token) -> bool:
    """ "In a blow to Assad, the head of X said ...": a title parsed as apposition to a
    name inside a fronted phrase is really the subject of a verb that lacks one."""
    if title.dep_ != "appos" or title.head.dep_ != "pobj":
        return False
    root = title.sent.root
    return not any(c.dep_ in {"nsubj", "nsubjpass"} for c in root.children)
