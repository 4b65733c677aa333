"""Relations from parsed text: lexicon triggers matched over the dependency parse.

Given parsed paragraphs and their mentions, each trigger (a verb, an event noun, a
hyphenated compound, a relational noun or a title) yields claims whose evidence is the
sentence it stands in. Coordination distributes over subjects and objects; polarity,
modality and attribution come from :mod:`kg.polarity`. The one state kept across
paragraphs is the document's record of who met whom (``ActorBook.meetings``), so that
"Fidan, who chaired the talks" can meet the parties named paragraphs before.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import combinations

from spacy.tokens import Token

from .lexicon import Lexicon, Trigger
from .mentions import Mentions
from .model import (
    ActorType,
    Document,
    Evidence,
    Modality,
    Polarity,
    Relation,
    RelationType,
)
from .polarity import accusation, attribution, modality, polarity

__all__ = ["Found", "merge_relations", "relations_in"]

_LEADS_POSSESSIONS = {
    "group",
    "movement",
    "party",
    "faction",
    "militia",
    "organisation",
    "organization",
    "government",
    "administration",
    "regime",
    "forces",
    "army",
    "troops",
    "military",
    "fighters",
    "cabinet",
    "coalition",
    "alliance",
}

# Prepositions that make a meeting the setting of a clause: "restored ties after talks"
_SETTINGS = frozenset({"after", "at", "in", "following", "through"})

# What a verb says its object is: "called Hamas a movement", "called the strike illegal"
_PREDICATES = frozenset({"oprd", "ccomp", "xcomp", "attr", "acomp"})

# Prepositions of time before a gerund: "after meeting Y", "before visiting Moscow"
_WHEN = frozenset({"after", "before", "since", "while", "upon", "during"})


@dataclass(frozen=True, slots=True)
class Found:
    """One reading of a trigger: who does what to whom, and how sure the pattern is."""

    subjects: tuple[str, ...]
    objects: tuple[str, ...]
    trigger: Trigger
    confidence: float
    mutual: bool = False


def _subject_tokens(verb: Token) -> list[Token]:
    """The subject of a verb, inherited through control, purpose and coordination."""
    node = verb
    for _ in range(6):
        subjects = [c for c in node.children if c.dep_ == "nsubj"]
        subjects += _headline_subjects(node, subjects)
        root = node.head
        if subjects and node.dep_ == "conj" and root.dep_ == "ROOT" and root.pos_ == "PROPN":
            # "Qatar, which hosts X, and Egypt have mediated": the parser made the first
            # subject the root and the verb its conjunct
            subjects.append(root)
        if node.i != verb.i:
            # "Putin is expected to meet ...": a raised subject counts for the verb below.
            subjects += [c for c in node.children if c.dep_ == "nsubjpass"]
        if subjects:
            return subjects
        if node.dep_ == "xcomp":
            # "Egypt urged Israel to negotiate": the object of the verb above acts.
            controllers = [c for c in node.head.children if c.dep_ in {"dobj", "dative"}]
            if controllers:
                return controllers
        if node.tag_ == "VBG" and (
            node.dep_ in {"acl", "relcl"} or (node.dep_ == "advcl" and node.head.pos_ == "PROPN")
        ):  # "Blinken, speaking after talks": the parser may hang the clause on the name
            return [node.head]
        if node.dep_ in {"xcomp", "conj", "acomp"} or (
            node.dep_ == "advcl" and _non_finite(node)
        ):  # "acomp": "Putin is due to meet ...", the copula's subject
            node = node.head
            continue
        if node.dep_ == "prep" and node.tag_ == "VBG":
            # "Following talks with X, Y said": the clause's subject
            node = node.head
            continue
        if node.dep_ == "pcomp" and node.tag_ == "VBG" and node.head.lower_ in _WHEN:
            # "X told reporters after meeting Y": the gerund shares the clause's subject
            node = node.head.head
            continue
        if node.dep_ == "acl" and node.i != verb.i and node.tag_ == "VBN":
            # "a force sent by SADC to help Congo's army": who sent it helps
            return _objects_via(node, frozenset({"by"}))
        return []
    return []


def _headline_subjects(verb: Token, subjects: list[Token]) -> list[Token]:
    """ "Iran, US hold talks in Oman": a headline's comma stands for "and", and the parser
    leaves the name before it hanging on the verb, or makes the name after it an
    apposition ("Russia, Ukraine hold talks"). A headline ends with no stop."""
    if verb.sent[-1].is_punct:
        return []
    before = [c for c in verb.children if c.dep_ == "dep"]
    after = [c for s in subjects for c in s.children if c.dep_ == "appos"]
    return [
        c
        for c in before + after
        if c.pos_ == "PROPN"
        and any(abs(c.i - s.i) == 2 and c.doc[min(c.i, s.i) + 1].text == "," for s in subjects)
    ]


def _partners(verb: Token, m: Mentions) -> list[str]:
    """ "US troops work with the SDF to fight IS", "joined forces with X to attack Y": whom
    the subject works with for the purpose the clause names acts too."""
    head = verb.head
    purpose = verb.dep_ in {"advcl", "xcomp"} and _non_finite(verb)
    if not purpose or head.lemma_.lower() not in m.lexicon.cues.partnering:
        return []
    # ("joined forces with Chad": or on the verb's object)
    held = [head, *(c for c in head.children if c.dep_ == "dobj")]
    withs = frozenset({"with", "alongside"})
    return [a for w in held for t in _objects_via(w, withs) for a in _side(m, t)]


def _passive_voice(verb: Token) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)


def _shared_subject(verb: Token) -> list[Token]:
    """ "X, which operates in Y and is led by Z": a passive verb coordinated with a
    clause shares its subject, or the name the relative clause describes."""
    if verb.dep_ != "conj":
        return []
    first = verb.head
    subjects = [c for c in first.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects and first.dep_ in {"acl", "relcl"}:
        return [first.head]
    return subjects


def _non_finite(verb: Token) -> bool:
    """A purpose or participle clause ("to help", "speaking"), which shares its subject."""
    return verb.tag_ in {"VBG", "VBN"} or any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    )


def _objects_via(word: Token, preps: frozenset[str]) -> list[Token]:
    return [
        obj
        for prep in word.children
        if prep.dep_ in {"prep", "agent", "dative"} and prep.lower_ in preps
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]


def _verb(token: Token, trigger: Trigger, m: Mentions) -> Found | None:
    agents = _objects_via(token, frozenset({"by"}))
    if not agents and _passive_voice(token):
        # "Hamas was designated a terrorist group by the EU": the parser may hang the
        # agent on the verb's object
        agents = [
            a
            for d in token.children
            if d.dep_ == "dobj"
            for a in _objects_via(d, frozenset({"by"}))
        ]
    passive = (
        _passive_voice(token)
        or (token.dep_ == "acl" and token.tag_ == "VBN")
        or (token.dep_ == "advcl" and token.tag_ == "VBN" and bool(agents))
        # "which is backed by X and led by Y": the auxiliary is shared
        or (
            token.dep_ == "conj"
            and token.tag_ == "VBN"
            and _passive_voice(token.head)
            and not any(c.dep_ in {"nsubj", "aux"} for c in token.children)
        )
    )
    if passive and trigger.objects:
        return None  # "the bloc was formed by X": the active form only
    if trigger.marked_by and not _marked(token, trigger.marked_by):
        return None  # "designated Hamas a terrorist group", not "designated him envoy"
    if trigger.bare and any(c.dep_ in _PREDICATES for c in token.children):
        return None  # "Putin called Erdogan", not "Erdogan called Hamas a liberation movement"
    if trigger.particle and not any(
        c.dep_ in {"prt", "prep", "advmod"} and c.lower_ == trigger.particle for c in token.children
    ):
        # "forced out the governor", "drove the army out of the town", "pushed the rebels
        # back", not "forced talks"
        return None
    if passive:
        subjects = [a for t in agents for a in m.resolve(t)]
        if not subjects and trigger.relation is RelationType.OPPOSES:
            # "killed by Israeli air strikes": whoever carried out the attack
            subjects = [a for t in agents if _hostile_event(t, m) for a in _event_agents(t, m)]
        if not subjects and trigger.relation is RelationType.OPPOSES:
            subjects = _attack_agents(token, m)
        patients = [c for c in token.children if c.dep_ == "nsubjpass"] or _shared_subject(token)
        if not patients and token.dep_ in {"acl", "relcl"}:
            patients = [token.head]
        if not patients and token.dep_ == "advcl":
            patients = _participle_patient(token, m)
        objects = [a for t in patients for a in m.resolve(t)]
        hosting = token.lemma_.lower() in m.lexicon.cues.hosts
        if trigger.relation is RelationType.MEETS_WITH and hosting and not objects:
            # "a meeting hosted by X", "talks brokered by X", "attended a summit hosted
            # by X": the host or broker meets the meeting's parties, one or more
            # ("mediated by X and Y": the mediators not each other)
            parties = [a for t in patients for a in _meeting_parties(t, m) if a not in subjects]
            objects = _alike(subjects, parties, m)
            if not objects:
                return None
        confidence = 0.85
        if (
            trigger.relation is RelationType.LEADS
            and patients
            and all(_part_of_actor(t, m) for t in patients)
        ):
            # "a Hamas delegation led by X": X heads the delegation, a member of Hamas
            trigger = _PART_OF
    elif _adjectival(token):
        return None
    else:
        resolve = _party if trigger.relation is RelationType.MEETS_WITH else _side
        subjects = [a for t in _accused(token, m) or _subject_tokens(token) for a in resolve(m, t)]
        helped = (
            token.dep_ in {"ccomp", "xcomp"} and token.head.lemma_.lower() in m.lexicon.cues.helpers
        )
        if helped and trigger.relation is RelationType.OPPOSES:
            # "sent troops to help Russia push Ukrainian forces out": the helper acts too
            subjects += [a for t in _subject_tokens(token.head) for a in m.resolve(t)]
        if subjects and trigger.relation is RelationType.OPPOSES:
            # "fighting the insurgents alongside Mozambican forces": the comrades fight too
            subjects += [
                a for t in _objects_via(token, frozenset({"alongside"})) for a in _side(m, t)
            ]
        if subjects and trigger.relation in {RelationType.OPPOSES, RelationType.BACKS}:
            subjects += _partners(token, m)
        if not subjects:
            # "the U.S.-led coalition fighting IS": a body named only by who leads it
            subjects = [a for t in _subject_tokens(token) for a in _leaders_of(t, m)]
        if not subjects and trigger.relation is RelationType.OPPOSES:
            subjects = _described_attack_agents(token, m)
        if not subjects and trigger.mutual and not trigger.direct:
            # "the clashes pitted X against Y": the object is one side, not a target
            subjects = [a for c in token.children if c.dep_ == "dobj" for a in m.resolve(c)]
        between = _objects_via(token, frozenset({"between"}))
        if between and not subjects and trigger.relation is RelationType.OPPOSES:
            # "fighting between the SDF and the SNA continued": each side fights the other
            sides = tuple(a for t in between for a in m.resolve(t))
            return Found(sides, (), trigger, 0.75, mutual=True) if len(sides) > 1 else None
        targets = _objects_via(token, trigger.preps)
        if "to" in trigger.preps and not trigger.direct:
            # "sold Nigeria attack aircraft": the indirect object is what "to" would take
            # (the parser may call it a dative or a first of two direct objects)
            targets += [c for c in token.children if c.dep_ == "dative" and c.pos_ != "ADP"]
            dobjs = [c for c in token.children if c.dep_ == "dobj"]
            targets += dobjs[:1] if len(dobjs) > 1 else []
        direct = [c for c in token.children if c.dep_ in {"dobj", "dative"}] or [
            # "Iran has funded and trained Hezbollah": the object the next verb takes
            d
            for c in token.children
            if c.dep_ == "conj"
            and c.pos_ == "VERB"
            and not any(s.dep_ == "nsubj" for s in c.children)
            and _shares_object(token)
            for d in c.children
            if d.dep_ == "dobj"
        ]
        if trigger.marked_by and not direct:
            direct = _small_clause_subjects(token)
        if trigger.objects:
            # "cut ties with X", "suspended trade with X": the verb means it only with
            # such an object
            # ("sent hundreds of troops", "pledged $2 billion in aid": or what it counts)
            counted = [o for d in direct for o in _objects_via(d, frozenset({"of", "in"}))]
            # ("the truce with Hezbollah, which Israel violated": the noun the clause is on,
            # which the parser may take for the name before it)
            if token.dep_ == "relcl" and any(d.lower_ in {"which", "that"} for d in direct):
                antecedent = token.head
                counted.append(antecedent)
                if antecedent.dep_ == "pobj":
                    counted.append(antecedent.head.head)
            direct = [d for d in direct + counted if d.lemma_.lower() in trigger.objects]
            if not direct:
                return None
            if trigger.relation is RelationType.OPPOSES:
                # "revoked the TPLF's registration", "expelled the French ambassador":
                # whose it was
                owners = {"poss", "amod", "compound"}
                targets += [c for d in direct for c in d.children if c.dep_ in owners]
        if trigger.preps:
            # "fired a barrage of rockets at U.S. forces": the target hangs off the object.
            # "buys much of its weaponry from Israel": or off the noun a partitive names
            held = direct + [o for d in direct for o in _objects_via(d, frozenset({"of"}))]
            targets += [t for d in held for t in _objects_via(d, trigger.preps)]
        if trigger.direct:
            targets += direct
        if trigger.direct and not direct and trigger.relation is RelationType.BACKS:
            # "sent troops to help Russia push Ukraine back": whom it helps to act
            targets += [
                s
                for c in token.children
                if c.dep_ in {"ccomp", "xcomp"}
                for s in c.children
                if s.dep_ == "nsubj"
            ]
        if trigger.relation is RelationType.BACKS:
            # "sent troops to southern Lebanon": a region of a state is a place, not a side
            targets = [t for t in targets if not _region(t, m)]
        if trigger.relation is RelationType.MEETS_WITH:
            # "Erbil, which hosts U.S. troops": stationed forces are not met
            targets = [t for t in targets if t.lower_ not in m.lexicon.cues.not_parties]
        # "toppling the government of President X", "attacked forces loyal to X": whom
        # a force no name owns acts for is the one acted on
        whose = Mentions.resolve if trigger.relation is RelationType.MEETS_WITH else _side
        objects = [a for t in targets for a in whose(m, t)]
        if trigger.relation is RelationType.OPPOSES:
            # "Wagner fought alongside Malian troops against the jihadists": whatever the
            # target's description resolved to, the fighters do not fight their own side
            objects = [a for a in objects if a not in subjects]
        if trigger.relation is RelationType.MEETS_WITH:
            # "sat down with a Russian team headed by Medinsky": he meets them too
            objects += [a for t in targets for a in _delegation_leaders(t, m)]
            # "X and Y mediated between the two sides": not the two just named, X and Y
            objects = [a for a in objects if a not in subjects]
        if trigger.relation is RelationType.MEETS_WITH and not objects:
            objects = [a for t in targets if _both_sides(t, m) for a in _counted_parties(m)]
            objects = [a for a in objects if a not in subjects]
        if token.lemma_.lower() in m.lexicon.cues.event_objects:
            # "condemned the Israeli strikes", "repelled an attack by the RSF"
            # ("retaliated against Ukraine's drone attacks": or through its preposition)
            answered = direct + [t for t in targets if _hostile_event(t, m)]
            objects += [a for d in answered for a in _event_agents(d, m)]
            if not objects:  # "condemned the raids": the attack the text has reported
                objects += [
                    a
                    for d in direct
                    if _told_event(d, m)
                    for a in m.book.attackers(d.lemma_.lower())
                ]
        confidence = 0.9 if any(c.dep_ == "nsubj" for c in token.children) else 0.75
        given = [a for d in direct if _membership_role(d, m) for a in m.resolve(d)]
        if trigger.relation is RelationType.BACKS and given and set(objects) <= set(given):
            # "provided the largest SADC contingent": its own troops, serving in SADC's force
            trigger = _PART_OF
    if trigger.relation is RelationType.MEETS_WITH:
        if not objects and not trigger.preps:
            return None  # "Norway, which hosts an institute, and Cuba": hosting no one
        return Found(tuple(subjects), tuple(objects), trigger, confidence, mutual=True)
    if (
        not objects
        and len(set(subjects)) > 1
        and (trigger.mutual or (trigger.direct and _reciprocal(token)) or _contested(token, m))
    ):
        # "the three juntas pledged to defend each other": each acts on every other
        return Found(tuple(subjects), (), trigger, confidence, mutual=True)
    if not subjects or not objects:
        return None
    if trigger.reverse:
        # "Azerbaijan buys weapons from Israel": the seller backs the buyer
        subjects, objects = objects, subjects
    # "X clashed with Y": a mutual verb's object acts on its subject too
    mutual = trigger.mutual or _war(token, m)
    return Found(tuple(subjects), tuple(objects), trigger, confidence, mutual=mutual)


_PART_OF = Trigger(RelationType.MEMBER_OF, "part-of")


def _membership_role(noun: Token, m: Mentions) -> bool:
    """A noun naming a part of a body: "contingent", "wing", "affiliate"."""
    role = m.lexicon.roles.get(noun.lemma_.lower())
    return role is not None and role.relation is RelationType.MEMBER_OF


def _shares_object(verb: Token) -> bool:
    """ "funded and trained Hezbollah": a verb with nothing after it but "and" and the
    next verb takes that verb's object; "stood in Odessa and discussed attacks by X"
    has its own complement, so the object is the next verb's alone."""
    return not any(c.i > verb.i and c.dep_ not in {"cc", "conj", "punct"} for c in verb.children)


def _war(verb: Token, m: Mentions) -> bool:
    """ "X has fought Y since 2021": fighting that lasts is a war, fought by both sides."""
    cues = m.lexicon.cues
    marks = [g for c in verb.children if c.dep_ == "advcl" for g in c.children if g.dep_ == "mark"]
    return verb.lemma_.lower() in cues.wars and any(
        c.dep_ in {"aux", "prep", "mark"} and c.lower_ in cues.war_spans
        for c in [*verb.children, *marks]
    )


def _contested(verb: Token, m: Mentions) -> bool:
    """ "Armenia and Azerbaijan have fought over Karabakh": sides fighting over a stake
    fight each other."""
    cues = m.lexicon.cues
    return verb.lemma_.lower() in cues.wars and any(
        c.dep_ == "prep" and c.lower_ in cues.war_stakes for c in verb.children
    )


def _side(m: Mentions, token: Token) -> list[str]:
    """Whom a subject acts for: its own name, or for a force no name owns, whom it is
    loyal to ("forces loyal to X") or of ("the administration of Prime Minister X")."""
    found = m.resolve(token)
    if found or not _part_of_actor(token, m):
        return found
    cues = m.lexicon.cues
    # ("fighters allied with the RSF": the parser may read the adjective as a participle)
    loyal = [c for c in token.children if c.dep_ in {"amod", "acl"} and c.lower_ in cues.loyal]
    owners = [t for c in loyal for t in _objects_via(c, frozenset({"to", "with"}))]
    if token.lower_ in cues.actor_words or token.lemma_.lower() in cues.partitive_heads:
        # "the administration of X", "a commander of X", not "any deployment of X"
        owners += _objects_via(token, frozenset({"of"}))
    return [a for t in owners for a in m.resolve(t)]


def _party(m: Mentions, token: Token) -> list[str]:
    """Who sits at a meeting for a subject: "their envoys, A and B, met" (the people
    named beside the description, not the states it names), "delegations led by A and
    B met" (their leaders), else whom the subject names."""
    named = [
        a
        for c in token.children
        if c.dep_ == "appos"
        for a in m.resolve(c)
        if m.book.type_of(a) is ActorType.PERSON
    ]
    if named and (_part_of_actor(token, m) or _whose(token)):
        return named
    found = m.resolve(token)
    own = m.ref_at(token)
    if own is not None and m.book.type_of(own.actor_id) is ActorType.PERSON:
        # "Saddam Haftar, the LNA's deputy commander, flew in for talks": the man, not
        # the body his description names
        listed = [a for c in token.conjuncts for a in m.resolve(c, conjuncts=False)]
        found = [a for a in found if a in listed or m.book.type_of(a) is ActorType.PERSON]
    leaders = _delegation_leaders(token, m)
    if found:
        return list(dict.fromkeys(found + leaders))
    # "delegations led by A and his Taliban counterpart B": the bodies their titles name
    bodies = [link.body for link in m.titles for a in leaders if link.person == a]
    return list(dict.fromkeys(leaders + bodies))


def _whose(token: Token) -> bool:
    """ "The AU, whose chairperson X visited Mekelle": the parser made the relative
    clause's subject an apposition of the name before it, so the apposition acts."""
    return any(c.dep_ == "appos" and c.left_edge.lower_ == "whose" for c in token.children)


def _delegation_leaders(token: Token, m: Mentions) -> list[str]:
    """ "a Ukrainian delegation led by Umerov", "a Hamas delegation made up of A and B":
    who heads a delegation or makes it up sits at the table beside the state it speaks
    for."""
    cues = m.lexicon.cues
    clauses = [c for c in token.children if c.dep_ == "acl"]
    leaders = [
        a
        for c in clauses
        if c.lemma_.lower() in cues.delegation_leads
        for t in _objects_via(c, frozenset({"by"}))
        for a in m.resolve(t)
    ]
    members = [
        a for c in clauses if c.lemma_.lower() in cues.delegate_verbs for a in _listed_people(c, m)
    ]
    return list(dict.fromkeys(leaders + members))


def _both_sides(token: Token, m: Mentions) -> bool:
    """ "both delegations", "the two sides", "the delegations": the parties of a meeting,
    counted or known."""
    return token.lower_ in m.lexicon.cues.sides and any(
        c.lower_ in {"both", "two", "the"} for c in token.children
    )


def _last_parties(m: Mentions) -> list[str]:
    """The parties of the last meeting the text has told."""
    return list((m.book.meetings or [()])[-1])


def _counted_parties(m: Mentions) -> list[str]:
    """ "both delegations": the two sides of the last meeting told with two, where it
    named each by its state and its head, the heads (one edge for each side); a meeting
    told with its mediators has more sides than two."""
    for parties in reversed(m.book.meetings):
        people = [a for a in parties if m.book.type_of(a) is ActorType.PERSON]
        if len(parties) == 2 or len(people) == 2:
            return list(parties) if len(parties) == 2 else people
    return []


def _meeting_parties(event: Token, m: Mentions) -> list[str]:
    """Who holds a meeting the text names: its own "with"/"between" parties, else the
    clause it stands in ("A and B signed a deal at a meeting hosted by X", "delegations
    meet in talks mediated by X")."""
    if not _meeting_noun(event, m):
        return []
    own = _objects_via(event, frozenset({"with", "between"}))
    if own:
        return [a for t in own for a in m.resolve(t)]
    clause = _clause_of(event)
    if event.dep_ not in {"pobj", "dobj"} or clause.pos_ not in {"VERB", "AUX"}:
        return []
    held = [c for c in clause.children if c.dep_ == "dobj"]
    held += _objects_via(clause, frozenset({"with"}))
    return [a for t in _subject_tokens(clause) for a in _party(m, t)] + [
        a for t in held for a in m.resolve(t)
    ]


def _alike(hosts: list[str], parties: list[str], m: Mentions) -> list[str]:
    """Whom a host or mediator meets, of a meeting told with each side's state and head:
    a minister meets the heads, a state the states ("mediated by Qatar and Turkey")."""
    people = [a for a in hosts if m.book.type_of(a) is ActorType.PERSON]
    if hosts and len(people) not in {0, len(hosts)}:
        return parties
    alike = [a for a in parties if (m.book.type_of(a) is ActorType.PERSON) == bool(people)]
    return alike if len(alike) >= 2 else parties


def _clause_of(event: Token) -> Token:
    """The clause a meeting is the setting or object of: "A and B signed a deal on resuming
    inspections at a meeting": past the gerund the parser hung the meeting on, the verb."""
    node = event.head
    while node.head.i != node.i and (node.pos_ not in {"VERB", "AUX"} or node.dep_ == "pcomp"):
        node = node.head
    return node


def _meeting_noun(token: Token, m: Mentions) -> bool:
    """ "talks", "a meeting", "the summit": a noun the lexicon reads as a meeting."""
    nouns = m.lexicon.nouns
    return any(
        t.relation is RelationType.MEETS_WITH
        for t in nouns.get(token.lemma_.lower(), nouns.get(token.lower_, ()))
    )


def _accused(verb: Token, m: Mentions) -> list[Token]:
    """ "Mali accused Algeria of shooting down its drone": whom the accusation names did
    the deed, not whoever made it ("the UAE has been accused of arming the RSF" too)."""
    accuser = accusation(verb, m.lexicon.cues)
    if accuser is None:
        return []
    return [c for c in accuser.children if c.dep_ in {"dobj", "nsubjpass"}]


def _attack_agents(verb: Token, m: Mentions) -> list[str]:
    """ "soldiers were killed in an Israeli strike": who carried out the attack the victims
    fell in; "killed and 17 others wounded in a strike" shares it."""
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.tag_ == "VBN")]
    events = [
        t
        for v in verbs
        for t in _objects_via(v, frozenset({"in", "during"}))
        if any(
            r.relation is RelationType.OPPOSES for r in m.lexicon.nouns.get(t.lemma_.lower(), ())
        )
    ]
    return [a for e in events for a in _event_agents(e, m)]


def _described_attack_agents(verb: Token, m: Mentions) -> list[str]:
    """ "Israel's offensive, which killed Nasrallah", "HTS led the offensive that toppled
    Assad", "strikes targeting Hezbollah": a relative clause or a participle on an attack
    noun tells the attack's deed, done by whoever carried the attack out."""
    relative = verb.dep_ == "relcl" and any(
        c.dep_ == "nsubj" and c.tag_ == "WDT" for c in verb.children
    )
    if not relative and (verb.dep_ != "acl" or verb.tag_ != "VBG"):
        return []
    event = verb.head
    if event.dep_ == "npadvmod" or (event.dep_ == "pobj" and event.head.dep_ == "prep"):
        # "the offensive last year, which ...", "the offensive in 2024, which ...": the
        # parser hangs the clause on the date after the noun
        event = event.head.head if event.dep_ == "pobj" else event.head
    attack = any(
        t.relation is RelationType.OPPOSES and not t.mutual
        for t in m.lexicon.nouns.get(event.lemma_.lower(), ())
    )
    if not attack:
        return []
    agents = _event_agents(event, m)
    launched = event.dep_ == "dobj" and event.head.lemma_.lower() in m.lexicon.cues.light_verbs
    if agents or not launched:
        return agents
    return [a for t in _subject_tokens(event.head) for a in _side(m, t)]


def _small_clause_subjects(verb: Token) -> list[Token]:
    """ "Turkey considers the YPG a terrorist group": the parser reads the object and what
    it is called as a verbless clause, whose subject (or, lacking one, head) is the object."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in {"NOUN", "PROPN"}]
    return [s for c in clauses for s in [d for d in c.children if d.dep_ == "nsubj"] or [c]]


def _marked(verb: Token, words: frozenset[str]) -> bool:
    """One of ``words`` below the verb, outside its subject, or in a phrase after a
    relative clause that the parser hung on the clause's noun ("Germany, which designated
    X, as a terrorist group")."""
    below = [c for c in verb.children if c.dep_ not in {"nsubj", "nsubjpass"}]
    if verb.dep_ == "relcl":
        below += [c for c in verb.head.children if c.dep_ == "prep" and c.i > verb.i]
    return any(t.lower_ in words for c in below for t in c.subtree)


def _reciprocal(verb: Token) -> bool:
    """ "defend each other", "attacked one another": the object is the subjects
    themselves, each to each."""
    return any(
        c.dep_ == "dobj"
        and c.lower_ in {"other", "another"}
        and any(d.lower_ in {"each", "one"} for d in c.children)
        for c in verb.children
    )


def _part_of_actor(token: Token, m: Mentions) -> bool:
    """ "a Hamas delegation", "Russian forces": a part through which an actor acts (the
    actor is named by a modifier), not the actor's own name."""
    return m.ref_at(token) is None and (
        token.lemma_.lower() in m.lexicon.cues.metonymy_heads
        or token.lower_ in m.lexicon.cues.metonymy_heads
    )


def _adjectival(verb: Token) -> bool:
    """ "the ports of occupied Palestine": a past participle with no auxiliary, no
    subject and no coordinated verb above it qualifies a noun; nobody acts."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ not in {"conj", "ROOT"}
        and not any(c.dep_ in {"aux", "auxpass", "nsubj"} for c in verb.children)
    )


def _participle_patient(participle: Token, m: Mentions) -> list[Token]:
    """Who a passive participle clause is about: "Backed by Russia, Assad ..." (the
    subject), "... the Sovereign Council, chaired by Burhan" (the name before the comma,
    which the parser often leaves to the verb)."""
    doc = participle.doc
    before = participle.left_edge.i - 1
    after = participle.i > participle.head.i and before > 0 and doc[before].text == ","
    if after and m.ref_at(doc[before - 1]) is not None:
        return [doc[before - 1]]
    return [c for c in participle.head.children if c.dep_ in {"nsubj", "nsubjpass"}]


def _told_event(event: Token, m: Mentions) -> bool:
    """ "the raids", "the overnight strikes": a definite attack noun with no agent of its
    own, so an attack already reported."""
    return (
        any(
            c.dep_ == "det" and c.lower_ in {"the", "these", "this", "those"}
            for c in event.children
        )
        and any(
            t.relation is RelationType.OPPOSES and not t.mutual
            for t in m.lexicon.nouns.get(event.lemma_.lower(), ())
        )
        and not any(m.resolve(c) for c in event.children if c.dep_ == "poss")
        and not any(m.resolve(o) for p in event.children if p.dep_ == "prep" for o in p.children)
    )


def _event_agents(event: Token, m: Mentions) -> list[str]:
    """Who carries out an event noun: "the Israeli strikes", "an attack by the RSF"."""
    if event.lemma_.lower() not in m.lexicon.nouns and event.lower_ not in m.lexicon.nouns:
        return []
    by = [a for t in _objects_via(event, frozenset({"by"})) for a in m.resolve(t)]
    # ("Nasrallah's killing by Israel": with an agent named, the owner is the one hit)
    kinds = {"amod", "compound", "nmod"} if by else {"amod", "compound", "nmod", "poss"}
    modifiers = [c for c in event.children if c.dep_ in kinds]
    modifiers += [p for t in modifiers for p in _hyphened(t, m)]
    return [a for t in modifiers for a in m.resolve(t)] + by


def _noun(token: Token, trigger: Trigger, m: Mentions, lexicon: Lexicon) -> Found | None:
    cues = lexicon.cues
    if trigger.relation is RelationType.MEETS_WITH and _appeal(token, m):
        return None
    # "a military aid package for Ukraine": the trigger qualifies the noun that takes the
    # arguments.
    anchor = token.head if token.dep_ == "compound" and token.head.pos_ == "NOUN" else token
    modifiers = [
        c
        for c in (*token.children, *(anchor.children if anchor.i != token.i else ()))
        if c.dep_ in {"amod", "compound", "nmod"} and c.i != token.i
    ]
    modifiers += [p for t in modifiers for p in _hyphened(t, m)]
    owners = [c for c in anchor.children if c.dep_ == "poss"]
    agents = [a for t in modifiers for a in m.resolve(t)]
    # who leads an event carries it out; who backs an attack is one of its attackers
    sponsors = {RelationType.LEADS}
    if trigger.relation is RelationType.OPPOSES:
        sponsors.add(RelationType.BACKS)
    agents += [a for t in modifiers for a in _compound_actor(t, m, sponsors)]
    by = _objects_via(anchor, frozenset({"by"}))
    agents += [a for t in by for a in m.resolve(t)]
    # "major attacks claimed by JNIM and ISGS": who claimed an attack carried it out
    claims = [
        c for c in anchor.children if c.dep_ == "acl" and c.lemma_.lower() in cues.event_claims
    ]
    agents += [a for c in claims for t in _objects_via(c, frozenset({"by"})) for a in m.resolve(t)]
    targets = _aimed_at(anchor, trigger, m)
    if not targets and not trigger.mutual:
        # "an attack by X on Y": the parser hangs the target on the attacker
        targets = [a for b in by for t in _objects_via(b, trigger.preps) for a in m.resolve(t)]
    governor = (
        anchor.head
        if anchor.dep_ in {"dobj", "attr"}
        else (anchor.head.head if anchor.dep_ == "pobj" and anchor.head.dep_ == "prep" else None)
    )
    if governor is not None and governor.lemma_.lower() in cues.frames:
        # "claimed responsibility for the attack on X", "a series of strikes on X"
        governor = governor.head if governor.dep_ in {"dobj", "attr"} else None
    if trigger.relation is RelationType.OPPOSES and _talked_over(anchor, m):
        # "discussed the Gaza war with Blinken": whom one discusses it with is met, not fought
        targets = [a for t in _objects_via(anchor, trigger.preps - {"with"}) for a in m.resolve(t)]
    reciprocal = governor is not None and governor.lemma_.lower() in cues.reciprocal_verbs
    if reciprocal and trigger.relation is RelationType.OPPOSES:
        return _traded(anchor, governor, trigger, m)
    # (not a mutual noun: "accused Iran of non-compliance with the accord" is no deal)
    framed = (
        anchor.dep_ == "pobj" and anchor.head.lower_ in {"with", "under"} and not trigger.mutual
    )
    if framed and not targets:
        # "with the help of Russia, Assad retook Aleppo": the clause's subject benefits;
        # "Israel came under attack from Hezbollah": the subject is the target.
        helpers = _objects_via(anchor, frozenset({"of", "from"}))
        agents = agents or [a for t in helpers for a in m.resolve(t)]
        targets = [a for t in _subject_tokens(anchor.head.head) for a in m.resolve(t)]
        owners = []
    elif governor is not None and governor.lemma_.lower() in cues.light_verbs:
        doers = [a for t in _subject_tokens(governor) for a in _side(m, t)]
        if doers and agents and not targets and not set(doers) & set(agents):
            # "M23 launches Congo offensive": the subject acts, the modifier is the target.
            agents, targets = doers, agents
        if not targets:
            targets = [
                a
                for t in _objects_via(governor, trigger.preps)
                if t.i != anchor.i
                for a in m.resolve(t)
            ]
        if not agents and not owners:
            agents = [a for t in _subject_tokens(governor) for a in m.resolve(t)]
        claimed = governor.lemma_.lower() in cues.event_claims
        if claimed and agents and not targets and _told_event(anchor, m):
            # "JNIM claimed the attack": the attack the text has told, on its target
            targets = list(m.book.attacked(anchor.lemma_.lower()))
        elif not agents and owners and not targets:
            agents = [a for t in _subject_tokens(governor) for a in m.resolve(t)]
            targets = [a for t in owners for a in m.resolve(t)]
            owners = []
    if governor is not None and governor.lemma_.lower() in cues.beneficiary and not targets:
        targets = [a for t in _subject_tokens(governor) for a in m.resolve(t)]
        if not agents:
            agents = [a for t in _objects_via(governor, frozenset({"from"})) for a in m.resolve(t)]
    if owners:
        owned = [a for t in owners for a in m.resolve(t)]
        if agents and not targets:
            targets = owned
        else:
            agents = owned + agents
    if not agents:
        agents = [a for t in _objects_via(anchor, frozenset({"from"})) for a in m.resolve(t)]
    if not agents:
        agents = _what_it_called(anchor, m)
    if trigger.mutual and anchor.dep_ in {"nsubj", "nsubjpass"} and not targets:
        # "clashes erupted between X and Y", "talks continued with X"
        between = _objects_via(anchor.head, frozenset({"between"}))
        if between and not agents:
            return Found(tuple(a for t in between for a in m.resolve(t)), (), trigger, 0.75, True)
        targets = [
            a for t in _objects_via(anchor.head, trigger.preps - {"between"}) for a in m.resolve(t)
        ]
    light = governor is not None and governor.lemma_.lower() in cues.light_verbs
    if trigger.mutual and not targets and anchor.dep_ == "pobj" and anchor.head.lower_ == "at":
        # "Ukraine has been at war with Russia": the other side hangs on the verb
        targets = [a for t in _objects_via(anchor.head.head, trigger.preps) for a in m.resolve(t)]
        if not targets and not agents:
            # "Israel and Hezbollah have been at war since October": each side fights the other
            agents = [a for t in _subject_tokens(anchor.head.head) for a in _side(m, t)]
    if trigger.mutual and targets and not agents and not light:
        # "X has been at war with Y", "found itself in contention with Y"
        verb = next((a for a in anchor.ancestors if a.pos_ in {"VERB", "AUX"}), None)
        if verb is not None:
            # "soldiers were killed in fighting with M23": the casualties' side fought
            sides = _subject_tokens(verb) or [c for c in verb.children if c.dep_ == "nsubjpass"]
            resolve = _party if trigger.relation is RelationType.MEETS_WITH else Mentions.resolve
            agents = [a for t in sides for a in resolve(m, t)]
    between = _between(anchor)
    if trigger.mutual and between:
        return Found(tuple(a for t in between for a in m.resolve(t)), (), trigger, 0.8, True)
    gathered = _gathered(anchor, m) if not agents and not targets else []
    if trigger.relation is RelationType.MEETS_WITH and len(set(gathered)) > 1:
        return Found(tuple(gathered), (), trigger, 0.75, True)
    if trigger.relation is RelationType.MEETS_WITH and not agents and not targets:
        agents = _setting_parties(anchor, m)
    if trigger.mutual and agents and not targets:
        return Found(tuple(agents), (), trigger, 0.75, True) if len(agents) > 1 else None
    ended = governor is not None and governor.lemma_.lower() in cues.ends
    if trigger.relation is RelationType.OPPOSES and trigger.mutual and ended and not targets:
        # "Russia and Ukraine agreed to end the war": those who end a war fought it
        sides = agents or [a for t in _subject_tokens(governor) for a in _side(m, t)]
        return Found(tuple(sides), (), trigger, 0.7, True) if len(set(sides)) > 1 else None
    if not agents and anchor.dep_ == "pobj" and anchor.head.lower_ in {"in", "during"}:
        agents = _deed_doers(anchor.head.head, m)
    if agents and not targets and anchor.lemma_.lower() in cues.raids:
        targets = _raided_states(anchor, governor if light else None, agents, m)
    if not agents or not targets:
        return None
    return Found(tuple(agents), tuple(targets), trigger, 0.8, trigger.mutual)


def _talked_over(event: Token, m: Mentions) -> bool:
    """ "discussed the war with X": an event the object of a verb of meeting."""
    triggers = m.lexicon.verbs.get(event.head.lemma_.lower(), ())
    return event.dep_ == "dobj" and any(t.relation is RelationType.MEETS_WITH for t in triggers)


def _appeal(noun: Token, m: Mentions) -> bool:
    """ "Egypt's call for a meeting with Israel", "a call to end the war": an appeal, not a
    phone call."""
    return noun.lower_ in m.lexicon.cues.appeals and any(
        (c.dep_ == "prep" and c.lower_ == "for") or (c.dep_ in {"acl", "relcl"} and c.tag_ == "VB")
        for c in noun.children
    )


def _aimed_at(event: Token, trigger: Trigger, m: Mentions) -> list[str]:
    """Whom an event noun's prepositions name; for a blow answering another ("in
    retaliation for Israel's strike"), whoever carried out the attack answered."""
    cues = m.lexicon.cues
    answering = event.lemma_.lower() in cues.answers
    found = []
    for aimed in _objects_via(event, trigger.preps):
        if not answering or aimed.head.lower_ not in cues.answer_preps:
            found += m.resolve(aimed)
        elif _hostile_event(aimed, m):
            found += _event_agents(aimed, m)
    return found


def _setting_parties(event: Token, m: Mentions) -> list[str]:
    """ "Sudan and South Sudan restored ties after talks in Nairobi": a meeting that names
    no party of its own, as the setting of a clause, is held by the clause's subjects."""
    if event.dep_ != "pobj" or event.head.lower_ not in _SETTINGS:
        return []
    return [a for t in _subject_tokens(_clause_of(event)) for a in _party(m, t)]


def _between(event: Token) -> list[Token]:
    """The sides "between" (or "among", "involving") names for an event noun; "convened a
    meeting last month between X and Y": the parser hangs it on the verb, after the noun,
    but it is the noun's."""
    own = _objects_via(event, frozenset({"between", "among", "amongst"}))
    own += [
        o
        for c in event.children
        if c.lower_ == "involving"
        for o in c.children
        if o.dep_ in {"dobj", "pobj"}
    ]
    if own or event.dep_ != "dobj":
        return own
    return [t for t in _objects_via(event.head, frozenset({"between"})) if t.i > event.i]


def _gathered(event: Token, m: Mentions) -> list[str]:
    """ "a summit of Russia, Iran and Turkey": the actors a gathering's "of" names are its
    parties (the caller asks for two or more: "a meeting of the Arab League" is one body's)."""
    if event.lemma_.lower() not in m.lexicon.cues.gatherings:
        return []
    return [a for t in _objects_via(event, frozenset({"of"})) for a in m.resolve(t)]


def _attended(verb: Token, m: Mentions) -> Found | None:
    """ "a summit attended by A and B", "the talks were attended by A and B": those who
    attend one meeting meet one another, and whom the meeting names."""
    if verb.lemma_.lower() not in m.lexicon.cues.attended or verb.tag_ != "VBN":
        return None
    events = [verb.head] if verb.dep_ == "acl" else []
    events += [c for c in verb.children if c.dep_ == "nsubjpass"]
    events = [e for e in events if _meeting_noun(e, m)]
    guests = [a for t in _objects_via(verb, frozenset({"by"})) for a in _party(m, t)]
    guests += [a for e in events for a in _meeting_parties(e, m)]
    if not events or len(set(guests)) < 2:
        return None
    return Found(tuple(dict.fromkeys(guests)), (), _MEETS, 0.7, mutual=True)


def _region(place: Token, m: Mentions) -> bool:
    """ "southern Lebanon", "the occupied West Bank": part of a land, named as a place."""
    return any(c.dep_ == "amod" and c.lower_ in m.lexicon.cues.regions for c in place.children)


def _hostile_event(noun: Token, m: Mentions) -> bool:
    """An event noun the lexicon reads as opposing someone ("strike", "aggression")."""
    triggers = m.lexicon.nouns.get(noun.lemma_.lower(), ())
    return any(t.relation is RelationType.OPPOSES for t in triggers)


def _hostile(verb: Token, m: Mentions) -> bool:
    """A verb the lexicon reads as opposing someone ("killed", "vetoed")."""
    triggers = m.lexicon.verbs.get(verb.lemma_.lower(), ())
    return verb.pos_ == "VERB" and any(t.relation is RelationType.OPPOSES for t in triggers)


def _deed_doers(deed: Token, m: Mentions) -> list[str]:
    """ "JNIM said it killed 21 soldiers in an attack in Mali": who did a hostile deed in
    an attack carried the attack out."""
    if not _hostile(deed, m):
        return []
    return [a for t in _subject_tokens(deed) for a in _side(m, t)]


def _raided_states(event: Token, verb: Token | None, agents: list[str], m: Mentions) -> list[str]:
    """ "JNIM stepped up attacks in Burkina Faso and Niger": an armed group's attacks in a
    state are attacks on it (a state's strikes in another land are aimed at someone there,
    so they say nothing of whom)."""
    if any(m.book.type_of(a) is not ActorType.ARMED_GROUP for a in agents):
        return []
    places = frozenset(m.lexicon.cues.raided_in)
    held = _objects_via(event, places) + (_objects_via(verb, places) if verb is not None else [])
    states = {ActorType.STATE, ActorType.GOVERNMENT}
    return [a for t in held for a in m.resolve(t) if m.book.type_of(a) in states]


def _traded(event: Token, verb: Token, trigger: Trigger, m: Mentions) -> Found | None:
    """ "Hezbollah traded strikes with Israel", "India and Pakistan exchanged fire": blows
    traded go both ways, so each side attacks the other."""
    sides = [a for t in _subject_tokens(verb) for a in _side(m, t)]
    partners = _objects_via(verb, frozenset({"with"})) + _objects_via(event, frozenset({"with"}))
    others = [a for t in partners for a in m.resolve(t) if a not in sides]
    if sides and others:
        return Found(tuple(sides), tuple(others), trigger, 0.8, mutual=True)
    return Found(tuple(sides), (), trigger, 0.75, mutual=True) if len(set(sides)) > 1 else None


def _hyphened(word: Token, m: Mentions) -> list[Token]:
    """ "the Hamas-Israel war", "US-Israeli strikes": the name hyphened before a
    modifier that names an actor names a second side ("Iranian-made drones" do not)."""
    doc = word.doc
    if m.ref_at(word) is None:
        return []
    return [
        c
        for c in word.children
        if c.dep_ in {"amod", "compound", "npadvmod"}
        and c.i + 2 == word.i
        and doc[c.i + 1].text in {"-", "–"}
    ]


def _compound_actor(modifier: Token, m: Mentions, kinds: set[RelationType]) -> list[str]:
    """ "the Hamas-led attack", "the NATO-backed removal", "the U.S.-led coalition": the
    actor left of a "-led" or "-backed" modifier (of one of ``kinds``), split by the
    tokenizer or kept whole."""
    doc = modifier.doc
    split = m.lexicon.compounds.get(modifier.lower_)
    if split is not None:
        hyphened = modifier.i >= 2 and doc[modifier.i - 1].text in {"-", "–"}
        if split.relation not in kinds or not hyphened:
            return []
        return m.resolve(doc[modifier.i - 2], conjuncts=False)
    left, _, right = modifier.text.rpartition("-")
    glued = m.lexicon.compounds.get(right.lower()) if left else None
    if glued is None or glued.relation not in kinds:
        return []
    return [a for a in [_named_left(left, m)] if a is not None]


def _named_left(left: str, m: Mentions) -> str | None:
    """The actor the left part of a glued compound names ("U.S." in "U.S.-backed"), by a
    name or demonym the gazetteer knows."""
    gazetteer = m.book.gazetteer
    entry = gazetteer.by_name(left) or gazetteer.by_demonym(left)
    return m.book.known(entry.id, left) if entry is not None else None


def _leaders_of(noun: Token, m: Mentions) -> list[str]:
    """ "the Saudi-led coalition", "the U.S.-led coalition": the leader named in the
    noun's "-led" modifier."""
    return [
        a
        for modifier in noun.children
        if modifier.dep_ in {"amod", "compound"}
        for a in _compound_actor(modifier, m, {RelationType.LEADS})
    ]


def _what_it_called(event: Token, m: Mentions) -> list[str]:
    """ "Israel launched airstrikes in what it said was a strike against Hezbollah": an
    event named in a free relative after "in what" is the main clause's subject's."""
    for node in event.ancestors:
        if node.dep_ == "prep" and node.lower_ == "in":
            nxt = node.doc[node.i + 1] if node.i + 1 < len(node.doc) else None
            if nxt is None or nxt.lower_ != "what":
                return []
            return [a for t in _subject_tokens(node.head) for a in m.resolve(t)]
    return []


def _compound(token: Token, trigger: Trigger, m: Mentions, word_actor) -> Found | None:
    """ "Iran-backed Hezbollah", "US-led coalition": the left part acts on the noun."""
    doc = token.doc
    if token.i < 2 or doc[token.i - 1].text not in {"-", "–"}:
        return None
    left = m.resolve(doc[token.i - 2], conjuncts=False)
    if not left or m.ref_at(doc[token.i - 2]) is m.ref_at(token.head):
        named = word_actor(doc[token.i - 2])
        left = [named] if named else []
    noun = _modified(token)
    if noun is None or not left:
        return None
    objects = m.resolve(noun, conjuncts=False)
    if not objects:
        return None
    return _compound_found(left, objects, trigger)


def _compound_found(left: list[str], noun: list[str], trigger: Trigger) -> Found:
    """The left part acts on the noun ("Iran-backed Hezbollah"), or the noun on the left
    part for a reversed trigger ("the Al Qaeda-affiliated group" is a member of Al Qaeda)."""
    if trigger.reverse:
        left, noun = noun, left
    return Found(tuple(left), tuple(noun), trigger, 0.9)


def _modified(word: Token) -> Token | None:
    """The noun a modifier qualifies, through coordinated modifiers: "the Kurdish-led and
    U.S.-backed SDF"."""
    while word.dep_ == "conj" and word.head.i != word.i:
        word = word.head
    return word.head if word.dep_ in {"amod", "compound", "acl"} else None


_ALLIED = Trigger(RelationType.BACKS, "allied-with")


def _allied(token: Token, m: Mentions) -> Found | None:
    """ "the Congolese army and allied Wazalendo militias", "its troops and allied fighters
    from the Joint Forces": the allied ones back the side they are listed beside."""
    noun = token.head
    if noun.dep_ != "conj":
        return None
    allies = m.resolve(noun, conjuncts=False)
    sides = [a for a in m.resolve(noun.head, conjuncts=False) if a not in allies]
    return Found(tuple(allies), tuple(sides), _ALLIED, 0.8) if allies and sides else None


_SIDED = Trigger(RelationType.BACKS, "supports")


def _on_side(token: Token, m: Mentions) -> Found | None:
    """ "deployed troops in support of Mozambique", "fought on the side of Assad",
    "negotiating a proposal on behalf of his ally, Hezbollah": whoever acts so backs the
    one named after "of"."""
    cues = m.lexicon.cues
    if token.lower_ not in cues.side_nouns or token.dep_ != "pobj":
        return None
    if token.head.lower_ not in {"in", "on"}:
        return None
    verb = next((a for a in token.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    if verb is None or verb.lemma_.lower() in cues.reporting | cues.side_not_verbs:
        return None
    texts = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in cues.side_texts]
    if texts and _hostile(verb, m):
        return None  # "vetoed a resolution in support of Ukraine": against what backs it
    sides = [a for t in _subject_tokens(verb) for a in _side(m, t)]
    backed = [a for t in _objects_via(token, frozenset({"of"})) for a in m.resolve(t)]
    backed = [a for a in backed if a not in sides]
    return Found(tuple(sides), tuple(backed), _SIDED, 0.75) if sides and backed else None


def _loyal(token: Token, m: Mentions) -> Found | None:
    """ "units loyal to Debretsion", "the brigade, which is aligned with the GNU": who is
    described (the noun, or the subject of "is") backs the one named after to/with."""
    sides = _objects_via(token, frozenset({"to", "with"}))
    if token.dep_ in {"amod", "acl"} and token.head.pos_ in {"NOUN", "PROPN"}:
        described = [token.head]
    elif token.dep_ == "acomp" or any(c.dep_ == "nsubjpass" for c in token.children):
        holder = token if token.dep_ != "acomp" else token.head
        described = [c for c in holder.children if c.dep_ == "nsubjpass"] or _subject_tokens(holder)
    else:
        return None
    allies = [a for t in described for a in m.resolve(t)]
    others = [a for t in sides for a in m.resolve(t) if a not in allies]
    return Found(tuple(allies), tuple(others), _ALLIED, 0.8) if allies and others else None


def _glued_compound(token: Token, trigger: Trigger, m: Mentions) -> Found | None:
    """ "the U.S.-backed SDF": a compound the tokenizer kept whole; its left part names
    the actor by a name or demonym the gazetteer knows."""
    noun = _modified(token)
    if noun is None:
        return None
    objects = m.resolve(noun, conjuncts=False)
    actor = _named_left(token.text.rsplit("-", 1)[0], m) if objects else None
    return _compound_found([actor], objects, trigger) if actor is not None else None


def _prefix(token: Token, trigger: Trigger, m: Mentions, word_actor) -> Found | None:
    """ "anti-government fighters", "pro-Russian separatists": the noun acts on the right part."""
    doc = token.doc
    if token.i + 2 >= len(doc) or doc[token.i + 1].text not in {"-", "–"}:
        return None
    target = word_actor(doc[token.i + 2])
    head = doc[token.i + 2]
    while head.dep_ in {"amod", "compound"} and head.head.i > head.i:
        head = head.head
    subjects = m.resolve(head)
    if target is None or not subjects:
        return None
    return Found(tuple(subjects), (target,), trigger, 0.8)


_ROLE_PREPS = frozenset({"of", "to"})
_MEMBER_PREPS = _ROLE_PREPS | {"within"}


def _role(token: Token, trigger: Trigger, m: Mentions) -> Found | None:
    """ "his key allies - Russia, Iran ...", "Russia, an ally of Assad", "his Russian allies"."""
    holders = _role_holders(token, m)
    if any(c.lower_ in m.lexicon.cues.former for c in token.children):
        return None  # "a former Al-Qaeda affiliate": a tie the text says is over
    membership = trigger.relation is RelationType.MEMBER_OF
    named = [a for c in token.children if c.dep_ in {"amod", "compound"} for a in m.resolve(c)]
    others = [a for c in token.children if c.dep_ == "poss" for a in m.resolve(c)]
    if not holders and not membership:
        holders = named
    elif holders and not membership and not m.ref_at(token):
        others += named  # "Nabih Berri, a Hezbollah ally": the ally of Hezbollah
    if membership:  # "a NATO member": the name before the noun is the body
        others += [
            r.actor_id
            for c in token.children
            if c.dep_ in {"compound", "amod"} and (r := m.ref_at(c)) is not None
        ]
    preps = _MEMBER_PREPS if membership else _ROLE_PREPS  # "contingents within AUSSOM"
    others += [a for t in _objects_via(token, preps) for a in m.resolve(t)]
    others = [a for a in others if a not in holders]
    if not others and len(set(holders)) > 1 and token.lemma_.lower() in m.lexicon.cues.mutual_roles:
        # "Russia and Iran are close allies", "India and Pakistan are bitter rivals"
        return Found(tuple(holders), (), trigger, 0.75, mutual=True)
    if not holders or not others:
        return None
    if trigger.reverse or _state_and_its_ally(token, holders, others, m):
        holders, others = others, holders
    return Found(tuple(holders), tuple(others), trigger, 0.8)


def _state_and_its_ally(token: Token, holders: list[str], others: list[str], m: Mentions) -> bool:
    """ "Moscow ... the fall of its ally Bashar al-Assad": a state's ally that is a ruler
    or a government is one the state backs ("the junta's main foreign ally", a foreign
    force, still backs the junta)."""
    if token.lemma_.lower() != "ally":
        return False
    rulers = {ActorType.PERSON, ActorType.GOVERNMENT}
    return all(m.book.type_of(a) in rulers for a in holders) and all(
        m.book.type_of(a) is ActorType.STATE for a in others
    )


def _role_holders(token: Token, m: Mentions) -> list[str]:
    """Who a relational noun is said of: itself, the name it is in apposition to, or the
    subject it is predicated of ("the SDF has been a key US partner")."""
    if token.dep_ == "attr":  # "M23 is part of the AFC": not the body "part of" names
        holders = [a for t in _subject_tokens(token.head) for a in m.resolve(t)]
        if holders:
            return holders
    described = any(c.dep_ in {"det", "poss"} for c in token.children)
    if token.dep_ == "pobj" and token.head.lower_ == "as" and described:
        # "Russia's Africa Corps replaced Wagner as the junta's main ally": what the verb's
        # subject is or becomes ("as factions clash" is a clause, not a role)
        holders = [a for t in _subject_tokens(token.head.head) for a in m.resolve(t)]
        if holders:
            return holders
    if token.dep_ == "appos":  # "Egypt, a member of the Arab League": not the League
        holders = m.resolve(token.head, conjuncts=False)
        if holders:
            return holders
    return m.resolve(token)


def _fight_partners(token: Token, m: Mentions, lexicon: Lexicon) -> Found | None:
    """ "a key US partner in the fight against the Islamic State", "Iran's ally in the
    war on Israel": the partners, both of them, fight the target."""
    if lexicon.roles[token.lemma_.lower()].relation is not RelationType.BACKS:
        return None
    for event in (c for p in token.children if p.lower_ == "in" for c in p.children):
        if event.dep_ != "pobj":
            continue
        for trigger in lexicon.nouns.get(event.lemma_.lower(), ()):
            if trigger.relation is not RelationType.OPPOSES or trigger.mutual:
                continue
            targets = [a for t in _objects_via(event, trigger.preps) for a in m.resolve(t)]
            partners = [
                a
                for c in token.children
                if c.dep_ in {"amod", "compound", "poss"}
                for a in m.resolve(c)
            ]
            sides = list(dict.fromkeys(_role_holders(token, m) + partners))
            if targets and sides:
                return Found(tuple(sides), tuple(targets), trigger, 0.75)
    return None


def _listed_members(token: Token, m: Mentions) -> Found | None:
    """ "an umbrella group of militant organisations such as A, B and C", "a coalition
    including A and B": each listed actor is a member of the body the list describes."""
    heads = [
        o
        for p in token.children
        if p.dep_ == "prep"
        and (
            p.lower_ == "including"
            or (p.lower_ == "as" and any(c.lower_ == "such" for c in p.children))
        )
        for o in p.children
        if o.dep_ == "pobj"
    ]
    doc = token.doc
    items = [
        a
        for o in heads
        for t in (o, *o.conjuncts)
        if t.i >= o.i and not any("—" in w.text or "–" in w.text for w in doc[o.i : t.i])
        for a in m.resolve(t, conjuncts=False)
    ]  # a dash closes the list: "such as A, B — C and D" lists A and B
    if not items:
        return None
    body = token
    if token.tag_ == "NNS":  # "organisations such as ...": the body they are said to form
        if not (token.dep_ == "pobj" and token.head.lower_ == "of"):
            return None
        body = token.head.head
    cues = m.lexicon.cues
    if body.lower_ not in cues.actor_words or body.tag_ == "NNS":
        return None
    bodies = [
        a
        for a in _self_or_apposed(body, m)
        if m.book.type_of(a) not in {ActorType.PERSON, ActorType.STATE} and a not in items
    ]
    if not bodies:
        return None
    trigger = _PART_OF
    return Found(tuple(items), tuple(bodies), trigger, 0.75)


def _delegates(verb: Token, m: Mentions) -> Found | None:
    """ "The Ukrainian delegation included A, B and C", "Russia's negotiators were named as
    A and B", "a Hamas delegation made up of A and B": the people listed are members of the
    side the delegation speaks for (one who leads it is its head, not one more member)."""
    cues = m.lexicon.cues
    if verb.lemma_.lower() not in cues.delegate_verbs:
        return None
    teams = [
        c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in cues.speak_for
    ]
    if verb.dep_ == "acl" and verb.head.lower_ in cues.speak_for:
        teams.append(verb.head)
    sides = [a for t in teams for a in m.resolve(t) if m.book.type_of(a) is not ActorType.PERSON]
    people = [a for a in _listed_people(verb, m) if m.book.led_by.get(a) not in sides]
    if not sides or not people:
        return None
    trigger = Trigger(RelationType.MEMBER_OF, "delegate")
    return Found(tuple(dict.fromkeys(people)), tuple(dict.fromkeys(sides)), trigger, 0.75)


def _listed_people(verb: Token, m: Mentions) -> list[str]:
    """The people a verb lists a delegation as: "included A, B and C", "made up of A and
    B" (a name the parser hung inside the next one included)."""
    listed = [c for c in verb.children if c.dep_ in {"dobj", "attr"}]
    listed += _objects_via(verb, frozenset({"as", "of"}))
    people = [a for t in _listed(listed) for a in m.resolve(t)]
    return [a for a in dict.fromkeys(people) if m.book.type_of(a) is ActorType.PERSON]


def _listed(heads: list[Token]) -> Iterator[Token]:
    """The items of a list and the names set beside them: "A, B's deputy head C and D"."""
    for head in heads:
        yield head
        yield from _listed([c for c in head.children if c.dep_ in {"conj", "appos"}])


def _serving(token: Token, m: Mentions) -> Found | None:
    """ "Ugandan troops within AUSSOM": a state's forces serving in a mission make the state
    one of its members; "African Union peacekeepers under the AUSSOM mission": an
    organisation's own forces make the mission its own. The phrase is read where it
    stands, right after the noun, wherever the parser hung it."""
    cues = m.lexicon.cues
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if token.lower_ not in cues.serving_heads or after is None:
        return None
    if after.lower_ not in cues.serving_preps:
        return None
    book = m.book
    missions = [
        a
        for o in after.children
        if o.dep_ == "pobj"
        for a in m.resolve(o)
        if book.type_of(a) is ActorType.ORGANIZATION
    ]
    senders = [a for a in m.resolve(token) if a not in missions]
    states = [a for a in senders if book.type_of(a) is ActorType.STATE]
    owners = [a for a in senders if book.type_of(a) is ActorType.ORGANIZATION]
    if missions and states:
        return Found(tuple(states), tuple(missions), _PART_OF, 0.75)
    if missions and owners:
        return Found(tuple(missions), tuple(owners), _PART_OF, 0.75)
    return None


def _contributors(token: Token, m: Mentions) -> Found | None:
    """ "The MNJTF, which brings together troops from Nigeria, Chad and Cameroon", "the
    mission has 1,000 personnel, with contingents from Jamaica": the states an
    organisation's forces come from are its members."""
    cues = m.lexicon.cues
    if token.lower_ not in cues.serving_heads:
        return None
    verb = token
    while verb.dep_ in {"dobj", "pobj", "prep", "conj"} and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in cues.serving_verbs:
        return None
    sources = _objects_via(token, frozenset({"from"}))
    if token.dep_ == "dobj":  # "brings together troops from X": "from" hung on the verb
        sources += _objects_via(verb, frozenset({"from"}))
    book = m.book
    states = [a for t in sources for a in m.resolve(t) if book.type_of(a) is ActorType.STATE]
    bodies = [
        a
        for t in _subject_tokens(verb)
        for a in m.resolve(t)
        if book.type_of(a) is ActorType.ORGANIZATION
    ]
    if not states or not bodies:
        return None
    return Found(tuple(dict.fromkeys(states)), tuple(bodies), _PART_OF, 0.75)


def _self_or_apposed(token: Token, m: Mentions) -> list[str]:
    """What a description stands for: its own reference, else the name it is in
    apposition to ("JNIM, an umbrella group of ..."), said of ("JNIM is a group ...") or
    set off beside."""
    found = m.resolve(token, conjuncts=False)
    if not found and token.dep_ == "appos":
        found = m.resolve(token.head, conjuncts=False)
    if not found and token.dep_ == "attr":  # "JNIM is an umbrella group of ..."
        found = [a for t in _subject_tokens(token.head) for a in m.resolve(t, conjuncts=False)]
    if not found:  # "JNIM — an umbrella group of ...", hung on the clause
        found = [a for a in [m.apposed_before(token)] if a is not None]
    return found


@dataclass(frozen=True, slots=True)
class _Arrival:
    """Who came where for a meeting: the guests, the states they came to, and the
    parties the purpose names ("to meet Hamas leaders", "for talks with Sisi")."""

    guests: tuple[str, ...]
    hosts: tuple[str, ...]
    named: tuple[str, ...]


def _arrival(token: Token, m: Mentions) -> _Arrival | None:
    """ "the Mossad chief was in Cairo to discuss a truce", "X arrived in Moscow for
    talks", "delegations from A and B arrived for talks": coming somewhere for a meeting."""
    lexicon = m.lexicon
    if token.lemma_.lower() not in lexicon.cues.arrivals:
        return None
    purposes = [c for c in token.children if c.dep_ in {"advcl", "xcomp"}]
    purposes += _objects_via(token, frozenset({"for", "on"}))
    meeting = {
        p.i: t
        for p in purposes
        for t in (
            *lexicon.verbs.get(p.lemma_.lower(), ()),
            *lexicon.nouns.get(p.lemma_.lower(), ()),
        )
        if t.relation is RelationType.MEETS_WITH
    }
    if not meeting:
        return None
    named = [
        o
        for p in purposes
        for o in (*_objects_via(p, frozenset({"with", "between"})), *p.children)
        if o.dep_ in {"pobj", "dobj"} and m.resolve(o)
    ]
    hosts = [
        a
        for t in _objects_via(token, frozenset({"in", "to"}))
        for a in m.resolve(t)
        if m.book.type_of(a) in {ActorType.STATE, ActorType.GOVERNMENT}
    ]
    guests = [
        a
        for t in _subject_tokens(token)
        for a in _party(m, t)
        if a not in hosts and not set(_homes(a, m)) & set(hosts)
    ]
    parties = [a for t in named for a in m.resolve(t) if a not in guests]
    return _Arrival(tuple(guests), tuple(hosts), tuple(parties))


_VISITS = Trigger(RelationType.MEETS_WITH, "visits")
_MEETS = Trigger(RelationType.MEETS_WITH, "meets")


def _visit(arrival: _Arrival | None) -> Found | None:
    """ "X arrived in Moscow for talks": being in a state's capital for a meeting that
    names no one is a visit to that state ("in Cairo to meet Hamas leaders": with them)."""
    if arrival is None or arrival.named or not arrival.hosts or not arrival.guests:
        return None
    return Found(arrival.guests, arrival.hosts, _VISITS, 0.7, mutual=True)


def _fellow_guests(arrival: _Arrival | None, m: Mentions) -> Found | None:
    """ "Congolese officials and negotiators for the M23 have arrived in Doha for talks",
    "Tiani and Traore travelled to Bamako for a summit with Goita": those who come for
    one meeting meet one another and whom it names."""
    if arrival is None or not arrival.guests:
        return None
    if arrival.named and not _different_sides(arrival.guests, m):
        # "Witkoff and Kushner flew to Moscow to meet Putin": one side, meeting him
        return Found(arrival.guests, arrival.named, _VISITS, 0.7, mutual=True)
    guests = tuple(dict.fromkeys(arrival.guests + arrival.named))
    return Found(guests, (), _VISITS, 0.7, mutual=True) if len(guests) > 1 else None


def _addressed(token: Token, m: Mentions) -> Found | None:
    """ "telling X in a phone call that ...", "assured X during talks": whom one speaks to
    in a meeting or call is met."""
    if token.lemma_.lower() not in m.lexicon.cues.addressing:
        return None
    settings = _objects_via(token, frozenset({"in", "during", "on", "at"}))
    if not any(_meeting_noun(t, m) for t in settings):
        return None
    speakers = [a for t in _subject_tokens(token) for a in m.resolve(t)]
    heard = [a for c in token.children if c.dep_ in {"dobj", "dative"} for a in m.resolve(c)]
    if not speakers or not heard:
        return None
    trigger = Trigger(RelationType.MEETS_WITH, "calls")
    return Found(tuple(speakers), tuple(heard), trigger, 0.75, mutual=True)


def _counterparts(verb: Token, m: Mentions) -> Found | None:
    """ "X and his Rwandan counterpart Y held talks with Z": whoever comes to a meeting
    with their counterpart meets that counterpart too."""
    pairs = [
        (s, c)
        for s in verb.children
        if s.dep_ == "nsubj"
        for c in s.conjuncts
        if c.lemma_.lower() == "counterpart" and any(p.dep_ == "poss" for p in c.children)
    ]
    if not pairs or not _meeting_clause(verb, m):
        return None
    sides = [a for pair in pairs for t in pair for a in m.resolve(t, conjuncts=False)]
    if len(set(sides)) < 2:
        return None
    trigger = _MEETS
    return Found(tuple(sides), (), trigger, 0.75, mutual=True)


def _two_sides(verb: Token, m: Mentions) -> Found | None:
    """ "Kosovo's Bislimi and Serbia's Petkovic held joint sessions with the EU envoy":
    people of different states or bodies who come to a meeting together meet one another
    too ("Fidan and Guler met with Shaibani", both Turkey's, are one side)."""
    if not _meeting_clause(verb, m) or _apart(verb, m):
        return None
    people = [a for s in verb.children if s.dep_ == "nsubj" for a in m.resolve(s)]
    if not _different_sides(people, m):
        return None
    trigger = _MEETS
    return Found(tuple(dict.fromkeys(people)), (), trigger, 0.7, mutual=True)


def _witnesses(verb: Token, m: Mentions) -> Found | None:
    """ "A and B, in the presence of C, signed a deal": who is present at a meeting meets
    its parties. The parser hangs the phrase on the verb, its subject or the meeting."""
    if not _meeting_clause(verb, m):
        return None
    subjects = _subject_tokens(verb)
    events = [verb, *(c for c in verb.children if c.dep_ == "dobj" and _meeting_noun(c, m))]
    settings = [t for h in (*events, *subjects) for t in _objects_via(h, frozenset({"in"}))]
    present = [
        t
        for s in settings
        if s.lemma_.lower() in m.lexicon.cues.witnessed
        for t in _objects_via(s, frozenset({"of"}))
    ]
    met = [*subjects, *(t for e in events for t in _objects_via(e, frozenset({"with"})))]
    parties = [a for t in met for a in m.resolve(t)]
    witnesses = [a for t in present for a in m.resolve(t) if a not in parties]
    if not parties or not witnesses:
        return None
    trigger = _MEETS
    return Found(tuple(dict.fromkeys(parties)), tuple(witnesses), trigger, 0.7, mutual=True)


def _apart(verb: Token, m: Mentions) -> bool:
    """ "A and B met separately with C", "held separate talks with C": each on his own,
    unless the meeting is also said to be joint."""
    cues = m.lexicon.cues
    words = {t.lower_ for c in verb.children for t in (c, *c.children)}
    return bool(words & cues.apart) and not words & cues.together


def _different_sides(actors: Iterable[str], m: Mentions) -> bool:
    """Two or more people, each of a known state or body, no two of the same one."""
    people = list(dict.fromkeys(actors))
    if any(m.book.type_of(a) is not ActorType.PERSON for a in people):
        return False
    homes = [set(_homes(a, m)) for a in people]
    return len(homes) > 1 and all(homes) and not any(a & b for a, b in combinations(homes, 2))


def _meeting_clause(verb: Token, m: Mentions) -> bool:
    """ "met", "held talks", "attended the summit": a clause that tells of a meeting."""
    lexicon = m.lexicon
    meets = any(
        t.relation is RelationType.MEETS_WITH for t in lexicon.verbs.get(verb.lemma_.lower(), ())
    )
    return meets or any(c.dep_ == "dobj" and _meeting_noun(c, m) for c in verb.children)


def _homes(actor: str, m: Mentions) -> list[str]:
    """The bodies an actor belongs to, as the gazetteer and this paragraph's titles say:
    a foreign minister at home is not visiting."""
    gazetteer = m.book.gazetteer
    homes = [h for h in [gazetteer.home_of(actor), m.book.led_by.get(actor)] if h]
    return homes + [link.body for link in m.titles if link.person == actor]


def _hosted(token: Token, m: Mentions) -> Found | None:
    """ "Fidan, who chaired the negotiation": hosting or chairing a meeting the text has
    already described is meeting its parties; "hosted a meeting ..., including X and Y":
    the host and the guests listed all meet."""
    if token.lemma_.lower() not in m.lexicon.cues.hosts:
        return None
    events = [c for c in token.children if c.dep_ == "dobj" and _meeting_noun(c, m)]
    hosts = [a for t in _subject_tokens(token) for a in m.resolve(t)]
    listed = _included(token, events, m) if events else []
    if hosts and listed:
        trigger = _MEETS
        return Found(tuple(dict.fromkeys(hosts + listed)), (), trigger, 0.7, mutual=True)
    events = [e for e in events if any(d.lower_ == "the" or d.dep_ == "poss" for d in e.children)]
    if not events or any(m.resolve(t) for e in events for t in e.subtree if t.i != e.i):
        return None  # "hosted the talks between X and Y" names its own parties
    parties = _alike(hosts, [a for a in _last_parties(m) if a not in hosts], m)
    if not hosts or not parties:
        return None
    trigger = Trigger(RelationType.MEETS_WITH, "mediates")
    return Found(tuple(hosts), tuple(parties), trigger, 0.7, mutual=True)


def _attendees(token: Token, m: Mentions) -> list[Found]:
    """ "A and B were also at the meeting": each one at a meeting the text has already
    told meets its parties, save those of their own side."""
    if token.lemma_.lower() not in m.lexicon.cues.arrivals:
        return []
    events = [
        e
        for e in _objects_via(token, frozenset({"at"}))
        if _meeting_noun(e, m) and any(d.lower_ == "the" for d in e.children)
    ]
    if not events or any(_objects_via(e, frozenset({"with", "between"})) for e in events):
        return []  # "at the talks with X" names its own parties
    present = list(dict.fromkeys(a for t in _subject_tokens(token) for a in _party(m, t)))
    trigger = _MEETS
    found = []
    for person in present:
        side = {person, *_homes(person, m)}
        parties = [
            a
            for a in _last_parties(m)
            if a not in present and a not in side and not side & set(_homes(a, m))
        ]
        parties = _alike([person], parties, m)
        if parties:
            found.append(Found((person,), tuple(parties), trigger, 0.7, mutual=True))
    return found


def _included(verb: Token, events: list[Token], m: Mentions) -> list[str]:
    """The actors a meeting's "including ..." list names, wherever the parser hung it
    (on the verb, the meeting or its "of" phrase)."""
    heads = [verb, *events, *(o for e in events for p in e.children for o in p.children)]
    lists = [c for h in heads for c in h.children if c.lower_ == "including"]
    refs = (m.ref_at(t) for p in lists for t in p.subtree)
    return list(dict.fromkeys(r.actor_id for r in refs if r is not None))


def _possession(token: Token, m: Mentions, word_actor) -> Found | None:
    """ "his group" where he is named and the group is known: he leads it; "the military
    regime of Colonel Goita": he leads the regime."""
    if token.lower_ not in _LEADS_POSSESSIONS:
        return None
    owners = [c for c in token.children if c.dep_ == "poss"]
    owners += _objects_via(token, frozenset({"of"}))  # "the military regime of Colonel Goita"
    people = [
        a for owner in owners for a in m.resolve(owner) if m.book.type_of(a) is ActorType.PERSON
    ]
    if not people:
        return None
    named = m.resolve(token, conjuncts=False) or [a for a in [word_actor(token)] if a]
    led = [a for a in named if m.book.type_of(a) is not ActorType.PERSON]
    if not led:
        return None
    trigger = Trigger(RelationType.LEADS, "leads")
    return Found(tuple(people), tuple(led), trigger, 0.7)


def _own_force(token: Token, m: Mentions) -> Found | None:
    """ "Iran's Revolutionary Guards", "Russia's Africa Corps": a state's named force or
    body, written with the state as owner, is a unit of that state."""
    ref = m.ref_at(token)
    cues = m.lexicon.cues
    if ref is None or token.i != ref.end - 1:
        return None
    if token.lower_ not in cues.body_titles and token.lower_ not in cues.metonymy_heads:
        return None
    unit = m.book.actors[ref.actor_id]
    if unit.type is ActorType.PERSON or unit.country is None:
        return None
    owners = [
        a
        for c in token.children
        if c.dep_ == "poss" and c.i < ref.start
        for a in m.resolve(c, conjuncts=False)
    ]
    if unit.country not in owners or m.book.type_of(unit.country) is not ActorType.STATE:
        return None
    return Found((unit.id,), (unit.country,), _PART_OF, 0.8)


def _found(token: Token, m: Mentions, lexicon: Lexicon, word_actor) -> Iterator[Found]:
    lemma = token.lemma_.lower()
    word = token.lower_
    is_verb = token.pos_ == "VERB" or (
        token.pos_ in {"NOUN", "AUX"} and any(c.dep_ == "nsubj" for c in token.children)
    )
    found: list[Found | None] = []
    if is_verb:
        found += [_verb(token, t, m) for t in lexicon.verbs.get(lemma, ())]
    if token.pos_ in {"NOUN", "PROPN"}:
        for key in {lemma, word}:
            found += [_noun(token, t, m, lexicon) for t in lexicon.nouns.get(key, ())]
        if lemma in lexicon.roles:
            found.append(_role(token, lexicon.roles[lemma], m))
            found.append(_fight_partners(token, m, lexicon))
        found.append(_possession(token, m, word_actor))
        found.append(_on_side(token, m))
        found.append(_listed_members(token, m))
        found.append(_own_force(token, m))
        found.append(_serving(token, m))
        found.append(_contributors(token, m))
    if token.pos_ in {"VERB", "AUX"}:
        arrival = _arrival(token, m)
        found += [_visit(arrival), _fellow_guests(arrival, m)]
        found.append(_hosted(token, m))
        found.append(_attended(token, m))
        found.append(_addressed(token, m))
        found.append(_counterparts(token, m))
        found.append(_delegates(token, m))
        found.append(_two_sides(token, m))
        found.append(_witnesses(token, m))
        found += _attendees(token, m)
    if word == "allied" and token.dep_ == "amod":
        found.append(_allied(token, m))
    if word in lexicon.cues.loyal:
        found.append(_loyal(token, m))
    if word in lexicon.compounds:
        found.append(_compound(token, lexicon.compounds[word], m, word_actor))
    elif "-" in word and word.rsplit("-", 1)[1] in lexicon.compounds:
        found.append(_glued_compound(token, lexicon.compounds[word.rsplit("-", 1)[1]], m))
    if word in lexicon.prefixes:
        found.append(_prefix(token, lexicon.prefixes[word], m, word_actor))
    yield from (f for f in found if f is not None)


def _pairs(found: Found) -> Iterator[tuple[str, str]]:
    """Who does what to whom: every subject with every object; a group with no object
    ("Turkey, Iran and Russia will meet") pairwise among itself. Subjects that meet
    someone else ("Fidan and Guler met with Shaibani") are one side, not a meeting."""
    if found.mutual and not found.objects:
        for a, b in combinations(dict.fromkeys(found.subjects), 2):
            yield a, b
            if found.trigger.relation is not RelationType.MEETS_WITH:
                yield b, a  # "fighting between X and Y": each fights the other
        return
    for s in found.subjects:
        for o in found.objects:
            yield s, o
            if found.mutual and found.trigger.relation is not RelationType.MEETS_WITH:
                yield o, s
    if found.trigger.gathers:
        # "Trump hosted Aliyev and Pashinyan": the guests meet one another too
        yield from combinations(dict.fromkeys(found.objects), 2)


def relations_in(
    m: Mentions, lexicon: Lexicon, document: Document, offset: int, word_actor
) -> list[Relation]:
    """Every claim the triggers of one parsed paragraph support.

    ``word_actor(token)`` names the actor a single word refers to ("government" in
    "anti-government"), and ``offset`` places the paragraph in the document.
    """
    cues = lexicon.cues
    out: list[Relation] = []

    def evidence(token: Token) -> Evidence:
        sent = token.sent
        text = sent.text.rstrip()
        return Evidence.from_span(
            document, offset + sent.start_char, offset + sent.start_char + len(text)
        )

    for token in m.doc:
        for found in _found(token, m, lexicon, word_actor):
            sign = polarity(token, cues)
            mood = modality(token, cues)
            source = attribution(token, cues) if mood is Modality.REPORTED else None
            told = sign is Polarity.POSITIVE and mood is not Modality.HYPOTHETICAL
            if found.trigger.subtype == "attacks" and told:
                # only an attack told as having happened is one "the attack" can name later
                m.book.attacks.append((token.lemma_.lower(), found.subjects, found.objects))
            if found.trigger.relation is RelationType.MEETS_WITH and told:
                parties = tuple(dict.fromkeys((*found.subjects, *found.objects)))
                if len(parties) > 1:
                    m.book.meetings.append(parties)  # for "who chaired the talks" later
            for subject, obj in _pairs(found):
                if subject == obj:
                    continue
                out.append(
                    Relation(
                        subject=subject,
                        relation=found.trigger.relation,
                        object=obj,
                        evidence=(evidence(token),),
                        subtype=found.trigger.subtype,
                        polarity=sign,
                        modality=mood,
                        confidence=found.confidence,
                        attribution=source,
                    )
                )
    heads = {(t.person, t.body) for t in m.titles if t.relation is RelationType.LEADS}
    for link in m.titles:
        if link.relation is RelationType.MEMBER_OF and (link.person, link.body) in heads:
            continue  # "Prime Minister and Foreign Minister X": the head of it, not one member
        token = m.doc[link.start]
        out.append(
            Relation(
                subject=link.person,
                relation=link.relation,
                object=link.body,
                evidence=(evidence(token),),
                subtype=link.relation.value,
                confidence=0.95,
            )
        )
    typed = [r for r in out if _well_typed(r, m)]
    ties = {
        pair
        for r in typed
        if r.relation in {RelationType.LEADS, RelationType.MEMBER_OF}
        for pair in ((r.subject, r.object), (r.object, r.subject))
    }
    # "a Hamas delegation made up of A and B": A sits beside the body he is said here to
    # belong to or lead, he does not meet it
    meets = RelationType.MEETS_WITH
    return [r for r in typed if r.relation is not meets or (r.subject, r.object) not in ties]


def _well_typed(relation: Relation, m: Mentions) -> bool:
    """Nobody leads a person or is a member of one, nor meets his own state; a government
    is not a member of the state it governs ("Afghanistan's Taliban government")."""
    if relation.relation is RelationType.MEETS_WITH:
        # "Lavrov and Rubio led the delegations in the Russia-US talks": nobody meets the
        # state he is a national of
        country = m.book.gazetteer.country_of
        return not any(
            m.book.type_of(a) is ActorType.PERSON and country(a) == b
            for a, b in ((relation.subject, relation.object), (relation.object, relation.subject))
        )
    titled = relation.relation in {RelationType.LEADS, RelationType.MEMBER_OF}
    if titled and m.book.type_of(relation.object) is ActorType.PERSON:
        return False
    if relation.relation is RelationType.MEMBER_OF:
        subject = m.book.actors.get(relation.subject)
        governs = subject is not None and subject.type is ActorType.GOVERNMENT
        return not (governs and subject.country == relation.object)
    return True


def merge_relations(relations: Iterable[Relation]) -> tuple[Relation, ...]:
    """One claim per (subject, type, object, polarity, modality) in a document, with all
    its evidence, the most confident subtype and the first attribution."""
    merged: dict[tuple, Relation] = {}
    for relation in relations:
        subject, kind, obj = relation.key
        key = (subject, kind, obj, relation.polarity, relation.modality)
        if relation.relation.symmetric and relation.subject != subject:
            relation = replace(relation, subject=subject, object=obj)
        old = merged.get(key)
        if old is None:
            merged[key] = relation
            continue
        evidence = tuple(dict.fromkeys((*old.evidence, *relation.evidence)))
        best = relation if relation.confidence > old.confidence else old
        merged[key] = replace(
            best,
            evidence=evidence,
            confidence=max(old.confidence, relation.confidence),
            attribution=old.attribution or relation.attribution,
        )
    return tuple(sorted(merged.values(), key=lambda r: (r.evidence[0].start, r.key)))
