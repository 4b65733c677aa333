"""The cheap pass: which sentences can hold a relation, before the full pipeline runs.

A relation needs two actors. A sentence can only hold one when the gazetteer finds two
actor mentions in it (names, demonyms, descriptions such as "government forces"), or one
mention and, outside it, a word that can stand for another actor: an actor word
("militia", "rebels"), a title ("minister", "commander") or a pronoun. Finding that takes
a blank English tokenizer and the gazetteer's phrase matchers, some 20 times faster than
the tagger, parser and NER, so the full pipeline need only see what passes. What this costs in
recall is measured in ``bench/bench_prefilter.py`` and reported in docs/SCALE.md.
"""

from __future__ import annotations

from dataclasses import dataclass

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .gazetteer import Gazetteer
from .lexicon import Lexicon
from .mentions import Matchers, build_matchers, gazetteer_spans

__all__ = ["Prefilter", "worth_parsing"]

_PRONOUNS = frozenset(
    {"he", "him", "his", "she", "her", "hers", "they", "them", "their", "theirs", "it", "its"}
)
_NOT_TITLES = frozenset({"of", "the", "state", "general", "in"})


@dataclass(frozen=True, slots=True)
class Prefilter:
    """What the cheap pass needs, built once: a blank English pipeline with a sentencizer,
    the gazetteer's phrase matchers over its vocabulary, and the cue words."""

    nlp: Language
    matchers: Matchers
    gazetteer: Gazetteer
    cue_words: frozenset[str]

    @classmethod
    def build(cls, gazetteer: Gazetteer, lexicon: Lexicon) -> Prefilter:
        """Build the blank pipeline and matchers (about a second, once per process)."""
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        cues = lexicon.cues
        titles = {w for t in cues.titles for w in (t.split()[0], t.split()[-1])}
        words = set(cues.actor_words) | (titles - _NOT_TITLES) | _PRONOUNS
        return cls(nlp, build_matchers(nlp, gazetteer, lexicon), gazetteer, frozenset(words))

    def sentences(self, text: str) -> list[tuple[int, int]]:
        """Character spans of the sentences of ``text`` that can hold a relation."""
        doc = self.nlp(text)
        spans = _mentions(doc, self.matchers, self.gazetteer)
        covered = {i for start, end in spans for i in range(start, end)}
        kept = []
        for sentence in doc.sents:
            mentions = sum(1 for start, _ in spans if sentence.start <= start < sentence.end)
            cue = any(t.lower_ in self.cue_words and t.i not in covered for t in sentence)
            if mentions >= 2 or (mentions == 1 and cue):
                kept.append((sentence.start_char, sentence.end_char))
        return kept


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
