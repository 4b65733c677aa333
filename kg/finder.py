"""Reading one article's paragraphs for actors: the passes, in order.

Names come from the gazetteer (aliases, demonyms, country-specific descriptions such
as "government forces"), then from spaCy's entities and from noun phrases headed by
actor words ("pro-government militia groups"); pronouns and descriptions are resolved
(:mod:`kg.coref`) and titles join people to bodies (:mod:`kg.titles`).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator

from spacy.tokens import Doc, Span, Token

from .coref import Context, definite, resolve_counterparts, resolve_references
from .gazetteer import Gazetteer, normalize
from .lexicon import Cues, Lexicon
from .mentions import (
    ActorBook,
    Matchers,
    Mentions,
    Ref,
    apposed,
    country_votes,
    gazetteer_spans,
    is_acronym,
)
from .model import ActorType
from .titles import add_titles, resolve_unnamed_titles, title_words

__all__ = ["MentionFinder"]

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
    "allied",  # "allied fighters from the Joint Forces": whose, the rest says
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


class MentionFinder:
    """Finds the actor mentions of a document's paragraphs, in order, with coreference."""

    def __init__(
        self, gazetteer: Gazetteer, lexicon: Lexicon, matchers: Matchers, focus: str | None
    ) -> None:
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        self.matchers = matchers
        self.book = ActorBook(gazetteer)
        self.context = Context(focus)

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
        spans.extend(self._second_names(doc, spans))
        spans = self._acronyms(doc, _filter(spans))
        spans.extend(self._phrases(doc, spans))
        spans = self._acronyms(doc, _filter(spans))  # "the Free Officers Front (FOF)"
        refs = [Ref(actor_id, start, end, kind) for start, end, kind, actor_id in spans]
        mentions = Mentions(doc, refs, [], self.book, self.lexicon)
        resolve_references(doc, mentions, self.context)
        add_titles(doc, mentions, self.gazetteer, self.actor_for_word, focus=self.context.focus)
        resolve_counterparts(doc, mentions)
        resolve_unnamed_titles(doc, mentions, self.gazetteer)
        self.context.speak_for(mentions.titles, self.book)
        self.book.offices.extend(mentions.titles)
        return mentions

    def _gazetteer(self, doc: Doc) -> Iterator[tuple[int, int, str, str]]:
        cues = self.lexicon.cues
        for start, end, kind, text in gazetteer_spans(doc, self.matchers):
            if kind == "name":
                entry = self.gazetteer.by_name(text)
            elif kind == "demonym":
                entry = self.gazetteer.by_demonym(text)
            else:
                placed = self._placed_description(doc, start, end, text)
                if placed is not None:
                    yield placed
                    continue
                entry = self.gazetteer.by_generic(_strip_the(text), self.context.focus)
                if entry is None or _specified(doc[start:end], cues.former):
                    continue
                if _owned(doc, start, end, self.matchers):
                    continue
            if entry is None:
                continue
            if kind == "demonym" and not _demonym_refers(doc[end - 1], self.lexicon):
                continue
            if kind == "name" and entry.actor.type is ActorType.PERSON:
                start = _given_names(doc, start, end, title_words(cues))
            yield start, end, kind, self.book.known(entry.id, text)

    def _placed_description(
        self, doc: Doc, start: int, end: int, text: str
    ) -> tuple[int, int, str, str] | None:
        """ "Sudanese paramilitaries", "Syrian rebels": a description after a country's
        adjective means what it means in that country's news, whatever the article's."""
        if start == 0 or _specified(doc[start:end], self.lexicon.cues.former):
            return None
        state = self.gazetteer.by_demonym(doc[start - 1].text)
        if state is None:
            return None
        entry = self.gazetteer.by_generic(text, self.gazetteer.country_of(state.id))
        if entry is None:
            return None
        return start - 1, end, "generic", self.book.known(entry.id, doc[start - 1 : end].text)

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
            span = _trim(ent, self.lexicon.cues.honorifics)
            if span is None or normalize(span.text) in media:
                continue
            if ent.label_ == "PERSON":
                if not _looks_like_name(span) or _modifies_noun(span[-1]):
                    continue
                before = doc[span.start - 1].lower_ if span.start > 0 else ""
                cues = self.lexicon.cues
                titled = before in title_words(cues) or before in cues.honorifics
                if len(span) == 1 and not titled and not self.book.has_person(span.text):
                    continue  # a lone capitalised word is as often a place ("Goma")
                actor_id = self.book.new(span.text, ActorType.PERSON, span.text)
            elif _titled_name(span, self.lexicon.cues):
                # "deputy head Oleksandr Poklad", read as an organisation by the model
                actor_id = self.book.new(span.text, ActorType.PERSON, span.text)
            else:
                head = span[-1].lower_
                kind = self.lexicon.cues.actor_words.get(head)
                if kind is None and (not span.text.isupper() or _dateline(span)):
                    continue
                if _owned_part(span, self.lexicon):
                    continue  # "Syria's Foreign Ministry": the owner acts through it
                actor_type = ActorType(kind) if kind else ActorType.ORGANIZATION
                actor_id = self.book.new(span.text, actor_type, span.text)
            yield span.start, span.end, "entity", actor_id

    def _second_names(
        self, doc: Doc, taken: list[tuple[int, int, str, str]]
    ) -> Iterator[tuple[int, int, str, str]]:
        """People the model did not tag: "Mr Dlamini" (a form of address makes the name
        a person's), and "Djamous said" after "Issakha Malloua Djamous" (the surname of
        the one person of the article whose name ends so)."""
        used = {i for s in taken for i in range(s[0], s[1])}
        honorifics = self.lexicon.cues.honorifics
        for token in doc:
            if token.i in used or not _capitalised_name(token) or _modifies_noun(token):
                continue  # "Homs residents": a place's name, whatever the model read before
            before = doc[token.i - 1] if token.i > 0 else None
            after = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if after is not None and _capitalised_name(after):
                continue  # "Djamous Ali": a longer name, the model's to read
            if before is not None and before.lower_ in honorifics:
                actor_id = self.book.new(token.text, ActorType.PERSON, token.text)
                yield token.i, token.i + 1, "entity", actor_id
            elif before is None or not _capitalised_name(before) or token.is_sent_start:
                person = self.book.by_surname(token.text)
                if person is not None:
                    yield token.i, token.i + 1, "entity", self.book.again(person, token.text)

    def _acronyms(
        self, doc: Doc, spans: list[tuple[int, int, str, str]]
    ) -> list[tuple[int, int, str, str]]:
        """ "the Arakan Army (AA) ... AA fighters": an acronym a name is given in brackets
        names its actor from then on, over whatever the gazetteer or the model read in it."""
        for start, end, kind, actor_id in spans:
            word = _bracketed(doc, end)
            if (
                word is not None
                and kind in {"name", "entity", "phrase"}
                and self.book.type_of(actor_id) is not ActorType.PERSON
                and _abbreviates(word, doc[start:end])
            ):
                self.book.define(word, actor_id)
        defined = [(t.i, t.i + 1, "name", self.book.acronyms.get(t.text)) for t in doc]
        return _filter([s for s in defined if s[3] is not None] + spans)

    def _phrases(
        self, doc: Doc, taken: list[tuple[int, int, str, str]]
    ) -> Iterator[tuple[int, int, str, str]]:
        """Noun phrases headed by an actor word, specified enough to name one actor."""
        cues = self.lexicon.cues
        used = {i for s in taken for i in range(s[0], s[1])}
        names = {i: s for s in taken if s[2] in {"name", "entity"} for i in range(s[0], s[1])}
        for token in doc:
            kind = cues.actor_words.get(token.lower_)
            if kind is None or token.pos_ not in {"NOUN", "PROPN"} or token.i in used:
                continue
            if token.dep_ == "compound" and token.head.lower_ in cues.actor_words:
                continue
            if any(c.i in names for c in apposed(token)):
                continue  # "the United Nations peacekeeping force, UNIFIL,": the name says which
            named = self._named_head(token, names)
            if named is not None:
                yield named
                continue
            left = [
                c
                for c in token.lefts
                if c.dep_ in {"amod", "compound", "nmod", "npadvmod"} and c.i not in used
            ]
            if not left or any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in token.lefts):
                continue
            start = min(t.left_edge.i for t in left)
            # "Islamic State-linked insurgents": the whole name the modifier starts inside
            start = min([start] + [s[0] for s in taken if s[0] < start < s[1]])
            words = [t for t in doc[start : token.i + 1] if t.lower_ not in _SKIP_MODIFIERS]
            if any(
                not _in_hyphen_compound(doc[s[1] - 1], self.lexicon)
                for s in taken
                if s[0] <= token.i and s[1] > start
            ):
                continue
            if len(words) < 2 or any(t.lower_ in cues.former for t in doc[start : token.i]):
                continue
            if any(_glued(t) for t in doc[start : token.i]):
                continue  # "(JNIM)—an umbrella group" left as one token: no name to read
            if token.i + 1 < len(doc) and (token.i + 1) in used:
                continue  # "the Palestinian militant group Hamas": the name decides
            if any(c.dep_ == "poss" for c in token.children) or (
                start > 0 and doc[start - 1].lower_ in {"'s", "’s"}
            ):
                continue  # "Rwanda's national army": the owner decides
            if definite(token) and token.tag_ != "NNS":
                continue  # "the Iranian-backed group": an earlier actor, by coreference
            if any(c.lower_ in _QUANTIFIERS for c in token.lefts):
                continue  # "other Iranian-backed groups": no one actor
            modifiers = words[:-1]
            if (
                token.tag_ == "NNS"
                and all(_common(t) for t in modifiers)
                and any(t.pos_ == "NOUN" for t in modifiers)
            ):
                continue  # "rights groups", "clan militias": a kind, not one actor
            label = doc[words[0].i : token.i + 1].text
            yield words[0].i, token.i + 1, "phrase", self.book.new(label, ActorType(kind), label)

    def _named_head(
        self, token: Token, names: dict[int, tuple[int, int, str, str]]
    ) -> tuple[int, int, str, str] | None:
        """ "the Hezbollah militant group", "the Wagner mercenary group": an actor word
        after the group's own name is that group, not a new actor."""
        lefts = [c for c in token.lefts if c.dep_ in {"amod", "compound", "nmod"}]
        named = list(dict.fromkeys(names[c.i] for c in lefts if c.i in names))
        if len(named) != 1 or any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in token.lefts):
            return None
        start, _, kind, actor_id = named[0]
        if self.book.type_of(actor_id) in {ActorType.STATE, ActorType.PERSON}:
            return None
        between = [t for t in token.doc[start : token.i] if t.i not in names]
        if any(t.pos_ not in {"ADJ", "NOUN"} or not t.is_lower for t in between):
            return None
        return start, token.i + 1, kind, actor_id


def _given_names(doc: Doc, start: int, end: int, titles: frozenset[str]) -> int:
    """ "Sergey Kyslytsya" where the gazetteer knows "Kyslytsya": the capitalised words
    the model reads as the same person's name (titles aside), so a title before reaches."""
    for ent in doc.ents:
        if ent.label_ == "PERSON" and ent.start < start and ent.end == end:
            while start > ent.start:
                word = doc[start - 1]
                if not (word.is_alpha and word.text[0].isupper()) or word.lower_ in titles:
                    break
                start -= 1
    return start


def _bracketed(doc: Doc, end: int) -> str | None:
    """The acronym in brackets right after a name ending at ``end``: "(AA)"."""
    if end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")":
        return None
    word = doc[end + 1].text
    return word if is_acronym(word) else None


def _abbreviates(acronym: str, name: Span) -> bool:
    """ "AA" for "Arakan Army", "HTS" for "Hayat Tahrir al-Sham": the initials of the
    name's capitalised words, or of all its words ("BEIRUT (AP)" is a dateline)."""
    words = [t.text for t in name if t.is_alpha and t.lower_ != "the"]
    capitals = "".join(w[0] for w in words if w[0].isupper())
    return acronym in {capitals, "".join(w[0] for w in words).upper()}


def _titled_name(span: Span, cues: Cues) -> bool:
    """A two- or three-word name in capitals right after a person's title ("deputy head
    Oleksandr Poklad"), with no word that names a body, is a person's."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    return (
        before is not None
        and before.is_lower
        and before.lower_ in cues.titles
        and 2 <= len(span) <= 3
        and all(t.pos_ == "PROPN" and t.is_title for t in span)
        and not any(t.lower_ in cues.actor_words or t.lower_ in cues.body_titles for t in span)
    )


def _capitalised_name(token: Token) -> bool:
    """A proper noun written as a name ("Djamous"), whatever entity the model took it
    for (many a surname for an organisation or a place)."""
    return token.pos_ == "PROPN" and token.is_alpha and token.is_title


def _common(token: Token) -> bool:
    """A plain word, capitalised at most because it starts the sentence: not a name,
    nor a people ("Kurdish"), nor a place."""
    return (token.is_lower or token.is_sent_start) and not token.ent_type_


def _glued(token: Token) -> bool:
    """A token the tokenizer left with brackets or dashes inside ("JNIM)—an")."""
    return len(token.text) > 1 and any(c in token.text for c in "()[]—–")


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


def _owned(doc: Doc, start: int, end: int, matchers: Matchers) -> bool:
    """ "Rwanda's national army", "the South African army": a description whose owner is
    named is that owner's, not the article's generic side."""
    head = doc[end - 1]
    named = {
        i
        for s, e, kind, _ in gazetteer_spans(doc, matchers)
        if kind != "generic"
        for i in range(s, e)
    }
    for child in head.children:
        if child.i >= start:
            continue
        if child.dep_ == "poss" or (
            child.dep_ in {"amod", "compound", "nmod"} and child.i in named
        ):
            return True
    return start > 0 and doc[start - 1].lower_ in {"'s", "’s"}


def _owned_part(span: Span, lexicon: Lexicon) -> bool:
    """ "Syria's Foreign Ministry", "Iran's Defence Ministry": a body named by its office
    after a possessive is its owner's part, not an actor of its own."""
    doc = span.doc
    return (
        span.start > 0
        and doc[span.start - 1].lower_ in {"'s", "’s"}
        and span[-1].lower_ in lexicon.cues.metonymy_heads
    )


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
    doc = token.doc
    joined = head.i == token.i + 2 and doc[token.i + 1].text in {"/", "-", "–"}
    if joined and head.dep_ in {"amod", "compound"}:
        head = head.head  # "a Syrian/Russian convoy", "American-British strikes": both qualify it
    if token.dep_ == "conj" and token.head.dep_ in {"amod", "compound"}:
        head = token.head.head
    cues = lexicon.cues
    lemma = head.lemma_.lower()
    word = head.lower_
    return (
        word in cues.metonymy_heads
        or lemma in lexicon.nouns
        or lemma in lexicon.roles
        or word in title_words(cues)
        or head.i == token.i
    )


def _trim(span: Span, honorifics: Collection[str]) -> Span | None:
    """The entity without a leading "the", possessive or form of address ("Ms Mohamed")."""
    tokens = [t for t in span if not (t.is_punct and t.text not in {"-", "'"})]
    while tokens and (tokens[0].lower_ in {"the", "'s", "’s"} or tokens[0].lower_ in honorifics):
        tokens.pop(0)
    while tokens and tokens[-1].lower_ in {"'s", "’s", "-"}:
        tokens.pop()
    if not tokens:
        return None
    return span.doc[tokens[0].i : tokens[-1].i + 1]


_MONTHS = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august"}
    | {"september", "october", "november", "december", "sept"}
)


def _dateline(span: Span) -> bool:
    """ "AUG. 15, 2021 - The Taliban seize Kabul": a month in capitals is no acronym."""
    word = span[0].lower_.rstrip(".")
    return word in _MONTHS or (len(word) == 3 and any(m.startswith(word) for m in _MONTHS))


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
