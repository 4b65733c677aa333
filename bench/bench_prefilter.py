"""What the cheap pass (kg.prefilter) would save, and what it would cost in recall.

Over the seed article and tests/data/articles: the share of paragraphs, sentences and
words the prefilter drops, and its speed. Over the ten gold-annotated articles: recall and
precision of the normal extraction, then of extraction with the dropped text blanked out
(each dropped character replaced by a space, so every offset stays valid and the pipeline
sees exactly what it would see if it skipped that text), at paragraph and at sentence
granularity; and, from the normal run, how many true positives have all their evidence
in dropped paragraphs. Prints a table, then JSON.

    .venv/bin/python bench/bench_prefilter.py
"""

from __future__ import annotations

import json
import time
from dataclasses import replace
from pathlib import Path

from kg.config import Settings
from kg.evaluate import load_gold, score
from kg.io import iter_documents
from kg.model import Document, Extraction
from kg.nlp import segments
from kg.pipeline import Extractor
from kg.prefilter import Prefilter, worth_parsing

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "tests" / "data" / "articles"
GOLD = ROOT / "tests" / "data" / "gold"


def blank(text: str, keep: list[tuple[int, int]]) -> str:
    """``text`` with everything outside the ``keep`` spans (newlines aside) turned to spaces."""
    chars = [c if c == "\n" else " " for c in text]
    for start, end in keep:
        chars[start:end] = text[start:end]
    return "".join(chars)


def kept_paragraphs(text: str, prefilter: Prefilter) -> list[tuple[int, int]]:
    return [(s, e) for s, e in segments(text) if worth_parsing(text[s:e], prefilter)]


def kept_sentences(text: str, prefilter: Prefilter) -> list[tuple[int, int]]:
    return [(s + a, s + b) for s, e in segments(text) for a, b in prefilter.sentences(text[s:e])]


def coverage(documents: list[Document], prefilter: Prefilter) -> dict[str, float]:
    paragraphs = kept = words = kept_words = sentences = kept_sents = 0
    started = time.perf_counter()
    for document in documents:
        for s, e in segments(document.text):
            piece = document.text[s:e]
            doc = prefilter.nlp(piece)
            n_sents = len(list(doc.sents))
            keep = prefilter.sentences(piece)
            paragraphs += 1
            kept += bool(keep)
            words += len(piece.split())
            kept_words += len(piece.split()) if keep else 0
            sentences += n_sents
            kept_sents += len(keep)
    seconds = time.perf_counter() - started
    return {
        "paragraphs": paragraphs,
        "paragraphs_dropped": round(1 - kept / paragraphs, 3),
        "sentences": sentences,
        "sentences_dropped": round(1 - kept_sents / sentences, 3),
        "words": words,
        "words_in_dropped_paragraphs": round(1 - kept_words / words, 3),
        "prefilter_words_per_s": round(words / seconds),
    }


def lost_true_positives(extraction: Extraction, matches, dropped: list[tuple[int, int]]) -> int:
    """True positives whose every supporting evidence span lies in a dropped paragraph."""
    lost = 0
    for match in matches:
        spans = [
            (ev.start, ev.end)
            for r in extraction.relations
            if r.relation is match.predicted.relation
            and any(ev.quote == match.predicted.quote for ev in r.evidence)
            for ev in r.evidence
        ]
        if spans and all(any(s <= a and b <= e for s, e in dropped) for a, b in spans):
            lost += 1
    return lost


def main() -> int:
    settings = Settings()
    extractor = Extractor(settings)
    prefilter = Prefilter.build(extractor.gazetteer, extractor.lexicon)
    corpus = [d for d in iter_documents([ROOT / "seeds", ARTICLES]) if isinstance(d, Document)]
    figures: dict[str, object] = {"corpus": coverage(corpus, prefilter)}

    by_name = {Path(d.id).name: d for d in corpus}
    golds = [load_gold(p) for p in sorted(GOLD.glob("*.gold.json"))]
    documents = [by_name[Path(g.doc).name] for g in golds]
    runs: dict[str, list[Document]] = {
        "full": documents,
        "paragraphs": [
            replace(d, text=blank(d.text, kept_paragraphs(d.text, prefilter))) for d in documents
        ],
        "sentences": [
            replace(d, text=blank(d.text, kept_sentences(d.text, prefilter))) for d in documents
        ],
    }
    results = {}
    extractions: dict[str, list[Extraction]] = {}
    for name, docs in runs.items():
        started = time.perf_counter()
        extractions[name] = list(extractor.extract_many(docs))
        seconds = time.perf_counter() - started
        report = score(list(zip(golds, extractions[name], strict=True)))
        results[name] = {
            "recall": round(report.overall.recall, 3),
            "precision": round(report.overall.precision, 3),
            "tp": report.overall.tp,
            "fn": report.overall.fn,
            "fp": report.overall.fp,
            "seconds": round(seconds, 2),
        }
    full = score(list(zip(golds, extractions["full"], strict=True)))
    lost = 0
    for document, extraction, doc_score in zip(
        documents, extractions["full"], full.documents, strict=True
    ):
        keep = set(kept_paragraphs(document.text, prefilter))
        dropped = [span for span in segments(document.text) if span not in keep]
        lost += lost_true_positives(extraction, doc_score.matches, dropped)
    figures["gold"] = results
    figures["true_positives_with_all_evidence_in_dropped_paragraphs"] = lost

    corpus_figures = figures["corpus"]
    print("prefilter over the seed + tests/data/articles")
    for key, value in corpus_figures.items():  # type: ignore[union-attr]
        print(f"  {key:32} {value}")
    header = ("recall", 7), ("precision", 9), ("tp", 4), ("fn", 4), ("fp", 4), ("s", 6)
    print("\n" + f"{'gold run':12}" + "".join(f" {name:>{width}}" for name, width in header))
    for name, row in results.items():
        print(
            f"{name:12} {row['recall']:7.3f} {row['precision']:9.3f} {row['tp']:4} "
            f"{row['fn']:4} {row['fp']:4} {row['seconds']:6.2f}"
        )
    print(f"\ntrue positives with all evidence in dropped paragraphs: {lost}")
    print(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
