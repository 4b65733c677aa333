"""The cheap pass: which sentences can hold a relation, before the full pipeline runs.

A relation needs two actors. A sentence can only hold one when the gazetteer finds two
actor mentions in it (names, demonyms, descriptions such as "government forces"), or one
mention and, outside it, a word that can stand for another actor: an actor word
("militia", "rebels"), a title ("minister", "commander"), a pronoun or an acronym (the
article may have defined it: "the Arakan Army (AA)"). Finding that takes
a tokenizer and the gazetteer's phrase matchers, some 20 times faster than the tagger,
parser and NER, so the full pipeline need only see what passes. Built over the model's own
pipeline and matchers (as ``Settings(prefilter=True)`` does), it reads the very Docs the
model then parses, and the matches it finds are the ones the mention finder reuses. What
it costs in recall is measured in ``bench/bench_prefilter.py`` and reported in
docs/SCALE.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

import spacy
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from .gazetteer import Gazetteer
from .lexicon import Lexicon
from .mentions import Matchers, build_matchers, gazetteer_spans, is_acronym

__all__ = ["Prefilter", "worth_parsing"]

_PRONOUNS = frozenset(
    {"he", "him", "his", "she", "her", "hers", "they", "them", "their", "theirs", "it", "its"}
)
_NOT_TITLES = frozenset({"of", "the", "state", "general", "in"})


@dataclass(frozen=True, slots=True)
class Prefilter:
    """What the cheap pass needs, built once: a pipeline whose tokenizer it uses, the
    gazetteer's phrase matchers over its vocabulary, a sentencizer and the cue words."""

    nlp: Language
    matchers: Matchers
    gazetteer: Gazetteer
    cue_words: frozenset[str]
    sentencizer: Sentencizer

    @classmethod
    def build(
        cls,
        gazetteer: Gazetteer,
        lexicon: Lexicon,
        *,
        nlp: Language | None = None,
        matchers: Matchers | None = None,
    ) -> Prefilter:
        """Over ``nlp`` and its ``matchers`` (the model's, so nothing is tokenized or
        matched twice), or a blank English pipeline and new matchers (about a second)."""
        nlp = nlp or spacy.blank("en")
        cues = lexicon.cues
        titles = {w for t in cues.titles for w in (t.split()[0], t.split()[-1])}
        words = set(cues.actor_words) | (titles - _NOT_TITLES) | _PRONOUNS
        return cls(
            nlp,
            matchers or build_matchers(nlp, gazetteer, lexicon),
            gazetteer,
            frozenset(words),
            Sentencizer(),
        )

    def sentences(self, text: str) -> list[tuple[int, int]]:
        """Character spans of the sentences of ``text`` that can hold a relation."""
        doc = self.nlp.make_doc(text)
        return [(doc[a].idx, doc[b - 1].idx + len(doc[b - 1])) for a, b in self.kept(doc)]

    def kept(self, doc: Doc) -> list[tuple[int, int]]:
        """Token spans of the sentences of a tokenized ``doc`` that can hold a relation.
        The sentence ends are the sentencizer's, and are not written into ``doc``: the
        parser finds its own."""
        spans = _mentions(doc, self.matchers, self.gazetteer)
        covered = {i for start, end in spans for i in range(start, end)}
        starts = [i for i, start in enumerate(self.sentencizer.predict([doc])[0]) if start]
        kept = []
        for start, end in pairwise([*starts, len(doc)]):
            mentions = sum(1 for s, _ in spans if start <= s < end)
            cue = any(
                (t.lower_ in self.cue_words or is_acronym(t.text)) and t.i not in covered
                for t in doc[start:end]
            )
            if mentions >= 2 or (mentions == 1 and cue):
                kept.append((start, end))
        return kept

    def can_hold_relation(self, doc: Doc) -> bool:
        """True when some sentence of a tokenized paragraph can hold a relation."""
        return bool(self.kept(doc))


def _mentions(doc: Doc, matchers: Matchers, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """Token spans of the gazetteer mentions, overlapping matches counted once (longest
    first), so "Syrian government forces" is one mention, not three."""
    spans = sorted(
        {(start, end) for start, end, _, _ in gazetteer_spans(doc, matchers)},
        key=lambda s: (s[0] - s[1], s[0]),
    )
    taken: set[int] = set()
    kept = []
    for start, end in spans:
        if taken.isdisjoint(range(start, end)):
            taken.update(range(start, end))
            kept.append((start, end))
    return sorted(kept)


def worth_parsing(text: str, prefilter: Prefilter) -> bool:
    """True when some sentence of ``text`` (a paragraph) can hold a relation.

    >>> from kg.gazetteer import load_gazetteer          # doctest: +SKIP
    >>> worth_parsing("Iran backs Hezbollah.", prefilter)   # doctest: +SKIP
    True
    >>> worth_parsing("Markets fell on Monday.", prefilter)   # doctest: +SKIP
    False
    """
    return bool(prefilter.sentences(text))
