"""What the cheap pass (``Settings.prefilter``, kg.prefilter) saves, and what it costs in recall.

For each gold set (by default tests/data/gold over tests/data/articles and
tests/data/heldout/gold over tests/data/heldout/articles; ``--set GOLD ARTICLES`` adds
or replaces them): the paragraphs, sentences and words the cheap pass turns away, its
speed, and the extraction with the option off and on: recall, precision, the CPU
seconds of extraction (a second pass, so both run warm), and whether every document's
relations are the same. Prints a
table, then JSON.

    .venv/bin/python bench/bench_prefilter.py [--set /work/shared/eval/gold seeds ...]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from kg.config import Settings
from kg.evaluate import load_gold, score
from kg.io import iter_documents
from kg.model import Document, Extraction
from kg.nlp import segments
from kg.pipeline import Extractor
from kg.prefilter import Prefilter

ROOT = Path(__file__).resolve().parents[1]
SETS = [
    (ROOT / "tests" / "data" / "gold", ROOT / "tests" / "data" / "articles"),
    (
        ROOT / "tests" / "data" / "heldout" / "gold",
        ROOT / "tests" / "data" / "heldout" / "articles",
    ),
]


def coverage(documents: list[Document], prefilter: Prefilter) -> dict[str, float]:
    """How much of ``documents`` the cheap pass turns away, and how fast it runs."""
    paragraphs = kept = words = kept_words = sentences = kept_sents = 0
    seconds = 0.0
    for document in documents:
        for s, e in segments(document.text):
            started = time.process_time()
            doc = prefilter.nlp.make_doc(document.text[s:e])
            keep = prefilter.kept(doc)
            seconds += time.process_time() - started
            n_words = len(document.text[s:e].split())
            paragraphs += 1
            kept += bool(keep)
            words += n_words
            kept_words += n_words if keep else 0
            sentences += sum(prefilter.sentencizer.predict([doc])[0])
            kept_sents += len(keep)
    return {
        "paragraphs": paragraphs,
        "paragraphs_skipped": round(1 - kept / paragraphs, 3),
        "sentences": sentences,
        "sentences_skipped": round(1 - kept_sents / sentences, 3),
        "words": words,
        "words_in_skipped_paragraphs": round(1 - kept_words / words, 3),
        "cheap_pass_words_per_cpu_s": round(words / seconds),
    }


def extract(extractor: Extractor, documents: list[Document]) -> tuple[list[Extraction], float]:
    """The extractions and their CPU seconds, timed on a second pass (caches warm)."""
    list(extractor.extract_many(documents))
    started = time.process_time()
    extractions = list(extractor.extract_many(documents))
    return extractions, time.process_time() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", nargs=2, action="append", metavar=("GOLD", "ARTICLES"))
    args = parser.parse_args()
    sets = [(Path(g), Path(a)) for g, a in args.set] if args.set else SETS
    full = Extractor(Settings(prefilter=False))
    cheap = Extractor(Settings(prefilter=True))
    assert cheap.prefilter is not None
    figures = []
    for gold_dir, articles in sets:
        by_name = {
            Path(d.id).name: d for d in iter_documents([articles]) if isinstance(d, Document)
        }
        golds = [load_gold(p) for p in sorted(gold_dir.glob("*.gold.json"))]
        documents = [by_name[Path(g.doc).name] for g in golds]
        row: dict[str, object] = {"gold": str(gold_dir), "documents": len(documents)}
        row |= coverage(documents, cheap.prefilter)
        runs = {"off": extract(full, documents), "on": extract(cheap, documents)}
        for name, (extractions, seconds) in runs.items():
            overall = score(list(zip(golds, extractions, strict=True))).overall
            row[name] = {
                "recall": round(overall.recall, 3),
                "precision": round(overall.precision, 3),
                "tp": overall.tp,
                "fp": overall.fp,
                "fn": overall.fn,
                "cpu_s": round(seconds, 2),
            }
        row["same_relations"] = all(
            a.relations == b.relations for a, b in zip(runs["off"][0], runs["on"][0], strict=True)
        )
        figures.append(row)

    print(
        f"{'gold':40} {'para skip':>9} {'words skip':>10} {'R off':>6} {'R on':>6} "
        f"{'P off':>6} {'P on':>6} {'cpu off':>7} {'cpu on':>7} same"
    )
    for row in figures:
        off, on = row["off"], row["on"]
        print(
            f"{str(row['gold'])[-40:]:40} {row['paragraphs_skipped']:9.1%} "
            f"{row['words_in_skipped_paragraphs']:10.1%} {off['recall']:6.3f} {on['recall']:6.3f} "  # type: ignore[index]
            f"{off['precision']:6.3f} {on['precision']:6.3f} {off['cpu_s']:7.2f} "  # type: ignore[index]
            f"{on['cpu_s']:7.2f} {row['same_relations']}"  # type: ignore[index]
        )
    print(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
