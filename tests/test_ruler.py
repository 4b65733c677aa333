"""kg.ruler: the indexed attribute ruler sets exactly what spaCy's ruler sets."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from kg.config import DEFAULT_MODEL
from kg.ruler import IndexedAttributeRuler, use_indexed_ruler

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.model
# the model's patterns of several tokens and regular expressions ("ain't", "gonna"),
# spaces, and the pronouns whose morphology depends on their dependency label
ODD = "I ain't gonna wait, you know.  Gotta go!\n\nBut it's fine: she didn't, and we won't."


def _annotations(nlp: Language, texts: list[str]) -> list[tuple[str, ...]]:
    return [
        (t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_)
        for doc in nlp.pipe(texts)
        for t in doc
    ]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    folders = [ROOT / "seeds", ROOT / "tests" / "data" / "articles"]
    return [p.read_text("utf-8") for f in folders for p in sorted(f.glob("*.txt"))] + [ODD]


def test_the_indexed_ruler_sets_what_spacys_sets(texts: list[str]) -> None:
    stock = spacy.load(DEFAULT_MODEL)
    indexed = spacy.load(DEFAULT_MODEL)
    use_indexed_ruler(indexed)
    assert isinstance(indexed.get_pipe("attribute_ruler"), IndexedAttributeRuler)
    assert (
        indexed.get_pipe("attribute_ruler").patterns == stock.get_pipe("attribute_ruler").patterns
    )
    assert _annotations(indexed, texts) == _annotations(stock, texts)


def test_a_pattern_it_cannot_index_falls_back_to_the_matcher() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("kg_indexed_attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}, {"LOWER": "big"}]], {"LEMMA": "large"}, index=-1)
    ruler.add([[{"LOWER": "small"}]], {"LEMMA": "little"})
    doc = nlp("A very very big and small dog.")
    assert [t.lemma_ for t in doc][3:6] == ["large", "", "little"]
