"""The extraction pipeline: documents in, one ``Extraction`` per document out.

Ties the stages together (spaCy parse, mentions, relation triggers, merging)
with the gazetteer and lexicon loaded once; holds no state between documents.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .config import Settings
from .finder import MentionFinder
from .gazetteer import Gazetteer, load_gazetteer
from .lexicon import Lexicon, load_lexicon
from .mentions import build_matchers, focus_country
from .model import Document, Extraction, Mention
from .nlp import load_pipeline, parse
from .prefilter import Prefilter
from .relations import merge_relations, relations_in
from .resources import ontology_dir

__all__ = ["Extractor"]


class Extractor:
    """Extracts actors and relations from documents with one loaded pipeline.

    >>> extractor = Extractor()                               # doctest: +SKIP
    >>> extractor.extract(Document("d", "Russia and Iran support Assad."))  # doctest: +SKIP
    """

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        gazetteer: Gazetteer | None = None,
        lexicon: Lexicon | None = None,
    ) -> None:
        self.settings = settings or Settings()
        directory = ontology_dir(self.settings.ontology_dir)
        self.gazetteer = gazetteer or load_gazetteer(directory / "actors")
        self.lexicon = lexicon or load_lexicon(directory)
        self.nlp = load_pipeline(self.settings.model)
        self.matchers = build_matchers(self.nlp, self.gazetteer, self.lexicon)
        self.prefilter = (
            Prefilter.build(self.gazetteer, self.lexicon, nlp=self.nlp, matchers=self.matchers)
            if self.settings.prefilter
            else None
        )

    def extract(self, document: Document) -> Extraction:
        """Everything one document says, as actors and sourced relations."""
        return next(self.extract_many([document]))

    def extract_many(self, documents: Iterable[Document]) -> Iterator[Extraction]:
        """Stream extractions, parsing documents in spaCy batches."""
        for document, pieces in parse(
            self.nlp,
            documents,
            batch_size=self.settings.batch_size,
            worth_parsing=self.prefilter.can_hold_relation if self.prefilter else None,
        ):
            finder = MentionFinder(
                self.gazetteer,
                self.lexicon,
                self.matchers,
                focus_country([p.doc for p in pieces], self.matchers, self.gazetteer),
            )
            relations = []
            mentions = []
            for piece in filter(lambda p: p.parsed, pieces):
                found = finder.paragraph(piece.doc)
                relations += relations_in(
                    found, self.lexicon, document, piece.offset, finder.actor_for_word
                )
                mentions += [
                    Mention(
                        r.actor_id,
                        document.id,
                        piece.offset + piece.doc[r.start].idx,
                        piece.offset + piece.doc[r.end - 1].idx + len(piece.doc[r.end - 1]),
                        piece.doc[r.start : r.end].text,
                    )
                    for r in found.refs
                ]
            merged = merge_relations(relations)
            used = {a for r in merged for a in (r.subject, r.object)}
            yield Extraction(document, finder.book.finished(used), merged, tuple(mentions))
