"""spaCy's attribute ruler, with its one-token patterns looked up instead of matched.

The English pipelines' ``attribute_ruler`` maps each fine tag to its part of speech and
morphology and fixes the lemmas of function words: some 180 patterns, nearly all of one
token testing ``TAG`` and ``LOWER``. spaCy's ``Matcher`` tries every pattern at every
token, which costs about a tenth of the whole pipeline's time. Here the one-token
patterns are indexed by the word or the tag they require, so each token meets only the
few patterns that can match it; the rest (several tokens, regular expressions, other
attributes) still go through a ``Matcher``. The matches, their order and so the
attributes set are those of spaCy's ruler: ``tests/test_ruler.py`` compares the two,
token by token.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.attrs import DEP, IS_SPACE, LOWER, ORTH, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.strings import StringStore
from spacy.tokens import Doc
from spacy.vocab import Vocab

__all__ = ["FACTORY", "IndexedAttributeRuler", "use_indexed_ruler"]

FACTORY = "kg_indexed_attribute_ruler"
# the token attributes a one-token pattern may test, in the column order of Doc.to_array
_COLUMNS = {"LOWER": LOWER, "TAG": TAG, "ORTH": ORTH, "DEP": DEP, "IS_SPACE": IS_SPACE}
_ARRAY = list(_COLUMNS.values())
_POSITION = {key: n for n, key in enumerate(_COLUMNS)}

_Test = tuple[int, bool, frozenset[int] | re.Pattern[str]]
"""(column, whether the value must match or must not, the values or a regular expression)"""
_Entry = tuple[int, int, list[list[_Test]], bool]
"""(attribute id, match id, for each token of the pattern the tests it must pass, whether
it is one token tested by value only)"""
_Match = tuple[int, int, int, int]


@dataclass
class _Index:
    """Patterns by the words their first token may be, else by its tags, and the others."""

    by_lower: dict[int, list[_Entry]] = field(default_factory=dict)
    by_tag: dict[int, list[_Entry]] = field(default_factory=dict)
    anywhere: list[_Entry] = field(default_factory=list)
    readable: bool = True


def _test(vocab: Vocab, key: str, value: object) -> _Test | None:
    """One ``key: value`` of a Matcher token pattern as a test on the token's row of
    ``Doc.to_array``: a plain value, ``IN``, ``NOT_IN`` or ``REGEX``; None for others."""
    if key not in _COLUMNS:
        return None
    column = _POSITION[key]
    if not isinstance(value, dict):
        op, values = "IN", [value]
    elif len(value) == 1:
        op, values = next(iter(value.items()))
    else:
        return None
    kind = bool if key == "IS_SPACE" else str
    if op == "REGEX" and kind is str and isinstance(values, str):
        return column, True, re.compile(values)
    if op not in {"IN", "NOT_IN"} or not isinstance(values, list):
        return None
    if not all(type(v) is kind for v in values):
        return None
    hashes = (int(v) if kind is bool else vocab.strings.add(v) for v in values)
    return column, op == "IN", frozenset(hashes)


def _passes(row: list[int], tests: list[_Test], strings: StringStore) -> bool:
    for column, wanted, values in tests:
        if isinstance(values, frozenset):
            found = row[column] in values
        else:  # the Matcher's REGEX: re.search over the attribute's text
            found = values.search(strings[row[column]]) is not None
        if found is not wanted:
            return False
    return True


def _keys(tests: list[_Test], column: int) -> frozenset[int] | None:
    """The values the first token must have in ``column``, when a test says so."""
    for test_column, wanted, values in tests:
        if test_column == column and wanted and isinstance(values, frozenset):
            return values
    return None


class IndexedAttributeRuler(AttributeRuler):
    """An ``AttributeRuler`` whose ``match`` finds the same matches by table look-up.

    If a pattern uses what the index cannot read (operators, other attributes), the
    component matches with spaCy's ``Matcher``, as ``AttributeRuler`` does.
    """

    def __init__(self, vocab: Vocab, name: str = "attribute_ruler") -> None:
        self._index: _Index | None = None
        super().__init__(vocab, name)

    def add(self, patterns: Iterable, attrs: dict, index: int = 0) -> None:
        super().add(patterns, attrs, index)
        self._index = None

    def clear(self) -> None:
        super().clear()
        self._index = None

    def _build(self) -> _Index:
        built = _Index()
        for attr_id, entry in enumerate(self.patterns):
            for pattern in entry["patterns"]:
                if not pattern:
                    return _Index(readable=False)
                tests = [[_test(self.vocab, k, v) for k, v in token.items()] for token in pattern]
                if any(None in token for token in tests):
                    return _Index(readable=False)
                plain = len(tests) == 1 and all(isinstance(t[2], frozenset) for t in tests[0])
                item = (attr_id, self.vocab.strings[str(attr_id)], tests, plain)
                lower, tag = _keys(tests[0], _POSITION["LOWER"]), _keys(tests[0], _POSITION["TAG"])
                table, keys = (built.by_lower, lower) if lower is not None else (built.by_tag, tag)
                if keys is None:
                    built.anywhere.append(item)
                for key in keys or ():
                    table.setdefault(key, []).append(item)
        return built

    def match(self, doc: Doc) -> list[_Match]:
        """(attribute id, match id, start, end) of every match, sorted as spaCy sorts them."""
        if self._index is None:
            self._index = self._build()
        index = self._index
        if not index.readable:
            return super().match(doc)
        rows = doc.to_array(_ARRAY).tolist()
        strings = doc.vocab.strings
        none: list[_Entry] = []
        matches = []
        for i, row in enumerate(rows):
            for candidates in (
                index.by_lower.get(row[0], none),
                index.by_tag.get(row[1], none),
                index.anywhere,
            ):
                for attr_id, match_id, tests, plain in candidates:
                    if plain:
                        if all((row[c] in values) is wanted for c, wanted, values in tests[0]):
                            matches.append((attr_id, match_id, i, i + 1))
                        continue
                    end = i + len(tests)
                    if end <= len(rows) and all(
                        _passes(rows[i + k], token, strings) for k, token in enumerate(tests)
                    ):
                        matches.append((attr_id, match_id, i, end))
        matches.sort()
        return matches


@Language.factory(FACTORY)
def _make(nlp: Language, name: str) -> IndexedAttributeRuler:
    return IndexedAttributeRuler(nlp.vocab, name)


def use_indexed_ruler(nlp: Language) -> None:
    """Swap ``nlp``'s attribute ruler, if it is spaCy's, for the indexed one, same patterns."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    old = nlp.get_pipe("attribute_ruler")
    if type(old) is not AttributeRuler:
        return
    patterns = old.patterns
    nlp.replace_pipe("attribute_ruler", FACTORY).add_patterns(patterns)
