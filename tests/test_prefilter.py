"""kg.prefilter: which sentences the cheap pass keeps, with the real gazetteer and lexicon
(a blank tokenizer, no model needed)."""

from __future__ import annotations

import pytest

from kg.gazetteer import load_gazetteer
from kg.lexicon import load_lexicon
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
