"""How a sentence commits to a relation: negation, hypotheticals, plans and attribution.

Pure predicates over a trigger token of a parsed sentence. The guidelines rule out
edges from denied, negated and hypothetical statements and keep who reported a claim;
these functions read that from the dependency tree, with the cue words as data.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from .lexicon import Cues
from .model import Modality, Polarity

__all__ = ["accusation", "attribution", "modality", "polarity"]

# Dependencies through which a clause's stance carries down to the trigger.
_CONTROL = {"xcomp", "ccomp", "advcl", "dobj", "pobj", "prep", "pcomp", "acomp", "attr", "oprd"}


def _governors(trigger: Token, limit: int = 8) -> Iterator[Token]:
    """The trigger, then the words above it whose stance it inherits (a verb it
    complements, a light verb whose object it is), stopping at a new clause subject."""
    node = trigger
    for _ in range(limit):
        yield node
        if node.head.i == node.i or node.dep_ not in _CONTROL or _across_semicolon(node):
            return
        node = node.head


def _across_semicolon(node: Token) -> bool:
    """ "X fought Y until 2022; Z has always rejected the claims": a semicolon ends a
    clause, so a stance after it does not reach back (the parser may join the two)."""
    low, high = sorted((node.i, node.head.i))
    return node.dep_ == "ccomp" and any(t.text == ";" for t in node.doc[low:high])


def _light_head(trigger: Token) -> Token | None:
    if trigger.dep_ in {"dobj", "attr", "nsubj", "nsubjpass"}:
        return trigger.head
    if trigger.dep_ == "pobj" and trigger.head.dep_ == "prep":
        return trigger.head.head
    return None


def polarity(trigger: Token, cues: Cues) -> Polarity:
    """NEGATIVE when the trigger, the verb it depends on, or a denial above it is negated.

    "did not attack", "no support for", "denied any involvement in", "refused to meet".
    """
    close = [trigger]
    head = _light_head(trigger)
    if head is not None:
        close.append(head)
    node = trigger
    while node.dep_ == "xcomp" and node.head.i != node.i:
        node = node.head
        close.append(node)
    for word in close:
        for child in word.children:
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
                return Polarity.NEGATIVE
            if child.dep_ in {"advmod", "preconj", "cc"} and child.lower_ in {
                "never",
                "neither",
                "nor",
            }:
                return Polarity.NEGATIVE
    if trigger.dep_ == "nsubjpass" and _verb_phrase(trigger.head) & cues.cancellations:
        return Polarity.NEGATIVE  # "Putin's meeting with Trump was called off"
    # "failing to align with its sanctions on Russia": an event someone owns has
    # happened; only the verb that takes it can deny it ("denied its support for X")
    owned = trigger.pos_ == "NOUN" and any(c.dep_ == "poss" for c in trigger.children)
    for node in _governors(trigger):
        if owned and node.i not in {trigger.i, head.i if head is not None else -1}:
            break
        if node.i != trigger.i and _verb_phrase(node) & cues.denials:
            if _appended(node, cues) and trigger.lemma_.lower() in cues.accusations:
                break  # "X accused Y of Z, a charge Y rejects": the accusation was made
            return Polarity.NEGATIVE
        if (
            node.i != trigger.i
            and any(c.dep_ == "neg" for c in node.children)
            and (node.lemma_.lower() in cues.reporting or node.dep_ == "ROOT")
            and trigger.dep_ in {"xcomp", "dobj", "pobj"}
        ):
            return Polarity.NEGATIVE
    return Polarity.NEGATIVE if _disputed_later(trigger, cues) else Polarity.POSITIVE


def _appended(denial: Token, cues: Cues) -> bool:
    """ "X accused Y of Z, a charge Y rejects", parsed with the denial as the main verb
    and the accusation as its clause: the denial's object ("a charge") comes after the
    clause, so the denial was appended to a claim already made."""
    charges = [c for c in denial.children if c.dep_ == "dobj" and c.lower_ in cues.disputed]
    clauses = [c for c in denial.children if c.dep_ == "ccomp"]
    return any(c.i < d.i < denial.i for c in clauses for d in charges)


def _disputed_later(trigger: Token, cues: Cues) -> bool:
    """ "accused Getachew of backing the group, something he denies", "its support for the
    M23, which Kigali denies": a claim the sentence goes on to say is denied (the
    accusation itself stands, and so does a clause the denial does not sum up)."""
    if trigger.lemma_.lower() in cues.accusations | cues.reporting:
        return False
    for denial in trigger.sent:
        if denial.dep_ != "relcl" or denial.i < trigger.i:
            continue
        if denial.lemma_.lower() not in cues.disputes:
            continue
        anchor = denial.head
        if anchor.lower_ in cues.disputed and _within(trigger, anchor.head):
            return True  # ", something he denies": the clause it sums up
        relative = any(c.dep_ == "dobj" and c.lower_ in cues.disputed for c in denial.children)
        if relative and _within(anchor, trigger):
            return True  # "its support for the M23, which Kigali denies": the phrase it ends
    return False


def _within(word: Token, phrase: Token) -> bool:
    """``word`` is ``phrase`` or part of it, not of a relative clause inside it that
    describes someone ("arming Fano militias that have been fighting the army")."""
    node = word
    while node.i != phrase.i:
        if node.dep_ == "relcl" or node.head.i == node.i:
            return False
        node = node.head
    return True


def _verb_phrase(verb: Token) -> set[str]:
    """The verb's lemma, and with its particle: "ruled out talks" is "rule out"."""
    lemma = verb.lemma_.lower()
    return {lemma} | {f"{lemma} {c.lower_}" for c in verb.children if c.dep_ == "prt"}


def modality(trigger: Token, cues: Cues) -> Modality:
    """HYPOTHETICAL for would/could/if and appeals ("urged X to attack"); PLANNED for
    will/expected to/headline infinitives; REPORTED when a speaker is cited; else ASSERTED."""
    planned = False
    named = False  # "in what it called an operation": "call" names, it does not appeal
    for node in _governors(trigger):
        for child in node.children:
            word = child.lower_
            if child.dep_ == "aux" and word in cues.hypothetical:
                if word in cues.reported_future and _announced(node, trigger, cues):
                    planned = True
                    continue
                return Modality.HYPOTHETICAL
            if child.dep_ == "mark" and word in cues.conditionals:
                return Modality.HYPOTHETICAL
            if child.dep_ == "aux" and word in cues.planned:
                planned = True
            if child.dep_ == "amod" and word in cues.hypothetical_words:
                return Modality.HYPOTHETICAL
        lemma = node.lemma_.lower()
        hypothetical = lemma in cues.hypothetical_verbs | cues.hypothetical_words
        if node.i != trigger.i and hypothetical and not named:
            return Modality.HYPOTHETICAL
        named = node.dep_ == "oprd"
        if node.i != trigger.i and lemma in cues.planned_verbs:
            planned = True
    infinitive = trigger.tag_ == "VB" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children
    )
    if infinitive and (
        trigger.dep_ in {"ROOT", "advcl", "acl", "relcl"} or trigger.head.pos_ != "VERB"
    ):
        planned = True  # a headline's "Turkey, Iran and Russia to meet in Doha"
    if planned:
        return Modality.PLANNED
    if attribution(trigger, cues) is not None or _alleged(trigger, cues):
        return Modality.REPORTED
    return Modality.ASSERTED


def accusation(deed: Token, cues: Cues) -> Token | None:
    """The verb that pins ``deed`` on someone, when ``deed`` is the gerund after its "of"
    or "for": "Mali accused Algeria of shooting down its drone", "condemned Hamas for
    attacking"."""
    prep = deed.head
    gerund = deed.dep_ == "pcomp" and deed.tag_ == "VBG" and prep.lower_ in {"of", "for"}
    return prep.head if gerund and prep.head.lemma_.lower() in cues.accusations else None


def _alleged(trigger: Token, cues: Cues) -> bool:
    """ "The UAE has been accused of arming the RSF": a deed pinned on someone by
    accusers the sentence does not name is still only their claim."""
    verb = accusation(trigger, cues)
    return verb is not None and any(c.dep_ == "nsubjpass" for c in verb.children)


def _announced(clause: Token, trigger: Token, cues: Cues) -> bool:
    """ "Erdogan said he would travel to Moscow to meet Putin": a "would" clause that a
    reporting verb introduces, with no condition on it or on the clauses below it."""
    if not (clause.dep_ == "ccomp" and clause.head.lemma_.lower() in cues.reporting):
        return False
    below = [trigger, *(n for n in _governors(trigger) if n.i != clause.i)]
    conditions = (
        c
        for node in [clause, *below]
        for c in node.children
        if c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in cues.conditionals for m in c.children)
    )
    return next(conditions, None) is None


def attribution(trigger: Token, cues: Cues) -> str | None:
    """Who the sentence says reported the claim: the subject of a reporting verb above
    the trigger ("two senior Lebanese security sources told Reuters"), or "according to X"."""
    node = trigger
    for _ in range(10):
        for child in node.children:
            if child.lower_ == "according":
                for prep in child.children:
                    for obj in prep.children:
                        if obj.dep_ == "pobj":
                            return _phrase(obj)
        if node.head.i == node.i:
            break
        parent = node.head
        accuser = accusation(node, cues)
        if accuser is not None:  # "Kyiv accused Moscow of attacking ...": Kyiv's claim
            parent = accuser
        if accuser is not None or (
            node.dep_ in {"ccomp", "parataxis"} and parent.lemma_.lower() in cues.reporting
        ):
            for child in parent.children:
                if child.dep_ == "nsubj" and child.lower_ not in {"it", "he", "she", "they"}:
                    return _phrase(child)
                if child.dep_ == "agent":  # "was accused by UN experts of arming ..."
                    return next((_phrase(c) for c in child.children if c.dep_ == "pobj"), None)
            return None
        node = parent
    return None


def _phrase(token: Token) -> str:
    span = token.doc[token.left_edge.i : token.right_edge.i + 1]
    return span.text
