"""kg.prefilter: which sentences the cheap pass keeps, with the real gazetteer and lexicon
(a blank tokenizer, no model needed)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from kg.gazetteer import load_gazetteer
from kg.lexicon import load_lexicon
from kg.nlp import parse
from kg.prefilter import Prefilter, worth_parsing
from kg.resources import ontology_dir


@pytest.fixture(scope="module")
def prefilter() -> Prefilter:
    directory = ontology_dir(None)
    return Prefilter.build(load_gazetteer(directory / "actors"), load_lexicon(directory))


@pytest.mark.parametrize(
    "text",
    [
        "Iran backs Hezbollah.",  # two names
        "Russian jets struck Turkish positions.",  # two demonyms
        "Hezbollah said it would respond.",  # a name and a pronoun
        "The militia attacked Israel.",  # an actor word and a name
        "Israel's defence minister spoke.",  # a name and a title
        "China held talks with the AA.",  # a name and an acronym the article may define
    ],
)
def test_sentences_that_can_hold_a_relation_are_kept(text: str, prefilter: Prefilter) -> None:
    assert worth_parsing(text, prefilter)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Markets fell sharply on Monday.",  # no actor
        "Iran announced the results.",  # one actor, nothing that could be another
        "Syrian government forces shelled the town.",  # one description: its words count once
    ],
)
def test_sentences_that_cannot_are_dropped(text: str, prefilter: Prefilter) -> None:
    assert not worth_parsing(text, prefilter)


def test_sentence_spans_point_into_the_text(prefilter: Prefilter) -> None:
    text = "Prices rose again. Iran backs Hezbollah. The weather was fine. They met Russia."
    spans = prefilter.sentences(text)
    assert [text[s:e] for s, e in spans] == ["Iran backs Hezbollah.", "They met Russia."]


def test_a_paragraph_is_worth_parsing_when_one_sentence_is(prefilter: Prefilter) -> None:
    assert worth_parsing("Prices rose again. Iran backs Hezbollah.", prefilter)
    assert not worth_parsing("Prices rose again. Iran announced the results.", prefilter)


@pytest.mark.model
def test_the_prefilter_option_gives_the_seeds_claims() -> None:
    """Settings(prefilter=True) skips the paragraphs that cannot hold a relation, and
    the seed article's relations and actors stay what the full parse finds; only what
    the skipped paragraphs alone said (lone mentions, names as aliases) is missing."""
    from kg.config import Settings
    from kg.io import iter_documents
    from kg.model import Document
    from kg.pipeline import Extractor

    seeds = Path(__file__).resolve().parent.parent / "seeds"
    documents = [d for d in iter_documents([seeds]) if isinstance(d, Document)]
    full = Extractor(Settings(prefilter=False))
    cheap = Extractor(Settings(prefilter=True))
    skipped = [
        p
        for _, pieces in parse(
            cheap.nlp, documents, worth_parsing=cheap.prefilter.can_hold_relation
        )
        for p in pieces
        if not p.parsed
    ]
    assert skipped, "the seed has paragraphs without two actors; the option must skip them"
    fresh = [cheap.nlp.make_doc(p.doc.text) for p in skipped]
    assert [[t.is_sent_start for t in p.doc] for p in skipped] == [
        [t.is_sent_start for t in doc] for doc in fresh
    ], "the cheap pass must leave sentence boundaries to the parser"
    spans = [(p.offset, p.offset + len(p.doc.text)) for p in skipped]
    for document in documents:
        fast, slow = cheap.extract(document), full.extract(document)
        assert fast.relations == slow.relations
        # the same actors; a name seen only in a skipped paragraph is not among its aliases
        assert [replace(a, aliases=()) for a in fast.actors] == [
            replace(a, aliases=()) for a in slow.actors
        ]
        assert all(
            set(f.aliases) <= set(s.aliases) for f, s in zip(fast.actors, slow.actors, strict=True)
        )
        # only the mentions of the skipped paragraphs are missing
        missing = set(slow.mentions) - set(fast.mentions)
        assert set(fast.mentions) <= set(slow.mentions)
        assert all(any(a <= m.start < b for a, b in spans) for m in missing)
