"""kg.sources: near-duplicate detection, independent-source counts, claim dates."""

from __future__ import annotations

import doctest
import itertools
import random
import shutil
from datetime import date
from pathlib import Path

import pytest
from fixtures import library_world, world
from hypothesis import given
from hypothesis import strategies as st

import kg
import kg.sources
from kg.graph import to_networkx
from kg.query import run_query
from kg.sources import (
    Fingerprint,
    fingerprint,
    group_sources,
    jaccard,
    link_sources,
    shingles,
    stated_date,
)
from kg.store import Store

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_3429a2d6331a28d7.txt"
ARTICLES = sorted((ROOT / "tests" / "data" / "articles").glob("*.txt"))

VOCABULARY = ["iran", "backs", "hezbollah", "russia", "turkey", "meets", "the", "rebels"]
words = st.lists(st.sampled_from(VOCABULARY))


def test_doctests() -> None:
    assert doctest.testmod(kg.sources).failed == 0


def test_shingles_ignore_case_punctuation_and_spacing() -> None:
    assert shingles("Iran, backs   HEZBOLLAH!", size=3) == shingles("iran backs hezbollah", size=3)
    assert shingles("a b c d e f") == {"a b c d e", "b c d e f"}


def test_fingerprint_round_trips_through_text() -> None:
    sketch = fingerprint(SEED.read_text("utf-8"))
    assert len(sketch.hashes) == 64
    assert Fingerprint.from_text(sketch.to_text()) == sketch
    assert fingerprint(SEED.read_text("utf-8")) == sketch  # the same in every process


@pytest.mark.parametrize("text", ["abc", "0" * 15, "g" * 16])
def test_malformed_fingerprints_are_rejected(text: str) -> None:
    with pytest.raises(ValueError, match="fingerprint"):
        Fingerprint.from_text(text)


def test_fingerprint_hashes_must_be_sorted() -> None:
    with pytest.raises(ValueError, match="ascending"):
        Fingerprint((2, 1))


@given(words, words)
def test_jaccard_is_exact_on_small_texts(a: list[str], b: list[str]) -> None:
    sa, sb = shingles(" ".join(a)), shingles(" ".join(b))
    exact = len(sa & sb) / len(sa | sb) if sa | sb else 0.0
    assert jaccard(fingerprint(" ".join(a)), fingerprint(" ".join(b))) == pytest.approx(exact)


def _seed_variants() -> dict[str, str]:
    text = SEED.read_text("utf-8")
    lines = text.splitlines()
    return {
        "seed": text,
        "new-header": "\n".join(["Reprinted with permission", *lines[1:]]),
        "edited": text.replace("Homs", "the city of Homs").replace("Russia", "Moscow"),
    }


def test_copies_of_the_seed_are_one_source_and_other_articles_are_not() -> None:
    texts = _seed_variants() | {p.stem: p.read_text("utf-8") for p in ARTICLES}
    groups = group_sources({name: fingerprint(text) for name, text in texts.items()})
    assert {groups["seed"], groups["new-header"], groups["edited"]} == {"edited"}
    others = [groups[p.stem] for p in ARTICLES]
    assert others == [p.stem for p in ARTICLES]  # every development article its own source


def test_half_an_article_is_not_a_copy() -> None:
    text = SEED.read_text("utf-8")
    assert jaccard(fingerprint(text), fingerprint(text[: len(text) // 2])) < 0.5


def test_grouping_does_not_depend_on_input_order() -> None:
    texts = _seed_variants() | {p.stem: p.read_text("utf-8") for p in ARTICLES[:4]}
    sketches = {name: fingerprint(text) for name, text in texts.items()}
    expected = group_sources(sketches)
    items = list(sketches.items())
    for seed in range(5):
        random.Random(seed).shuffle(items)
        assert group_sources(dict(items)) == expected


def test_copies_of_copies_join_one_group() -> None:
    a = " ".join(f"w{i}" for i in range(40))
    b = " ".join(f"w{i}" for i in range(12, 52))  # 24 of 40 shingles shared with a
    c = " ".join(f"w{i}" for i in range(24, 64))  # shares nothing much with a
    sketches = {"a": fingerprint(a), "b": fingerprint(b), "c": fingerprint(c)}
    assert jaccard(sketches["a"], sketches["c"]) < 0.5
    assert group_sources(sketches) == {"a": "a", "b": "a", "c": "a"}


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("since his group began seizing territory on Nov. 27.", date(2024, 12, 7), "2024-11-27"),
        ("They met on 3 December 2023 in Doha.", None, "2023-12-03"),
        ("Talks began on December 30.", date(2025, 1, 2), "2024-12-30"),
        ("It was shelled on Sept. 4 and on Oct. 1.", date(2024, 12, 7), "2024-09-04"),
        ("They meet on Saturday.", date(2024, 12, 7), None),
        ("The Nov. 27 offensive continued.", date(2024, 12, 7), None),
        ("It fell on Nov. 27.", None, None),
        ("It fell on Feb. 30.", date(2024, 12, 7), None),
    ],
)
def test_stated_date(text: str, published: date | None, expected: str | None) -> None:
    found = stated_date(text, published)
    assert (found.isoformat() if found else None) == expected


def test_link_sources_writes_one_story_per_group(tmp_path: Path) -> None:
    with Store.open(tmp_path / "store") as store:
        for extraction in library_world():
            store.write(extraction)
        assert link_sources(store) == 4
        assert link_sources(store) == 4  # idempotent
        stories = {r["doc"]: r["source"] for r in run_query(store, "sources")}
        assert stories["d2"] == stories["d4"] != stories["d1"] == stories["d1-copy"]
        assert store.remove("d2")
        assert link_sources(store) == 4  # d4 now names its own story
        stories = {r["doc"]: r["source"] for r in run_query(store, "sources")}
        assert "d2" not in stories and stories["d4"] not in {stories["d1"], stories["d3"]}


def test_a_syndicated_copy_adds_claims_but_no_source(tmp_path: Path) -> None:
    documents = library_world()
    without = [e for e in documents if e.document.id != "d4"]
    before = to_networkx(without)
    after = to_networkx(documents)
    assert set(before.edges(keys=True)) == set(after.edges(keys=True))
    for u, v, key, data in after.edges(keys=True, data=True):
        assert data["sources"] == before[u][v][key]["sources"], (u, v, key)
    assert after["iran"]["syrian-government"]["backs"]["claims"] == 2
    assert after["iran"]["syrian-government"]["backs"]["sources"] == 1
    with Store.open(tmp_path / "store") as store:
        for extraction in documents:
            store.write(extraction)
        link_sources(store)
        from_store = to_networkx(store)
    assert sorted(from_store.edges(keys=True, data=True)) == sorted(
        after.edges(keys=True, data=True)
    )


def test_claims_dated_by_their_sentence() -> None:
    G = to_networkx(library_world())
    edge = G["hts"]["syrian-government"]["opposes"]
    assert (edge["first_seen"], edge["last_seen"]) == ("2024-11-27", "2024-12-03")
    assert to_networkx(world())["hts"]["syrian-government"]["opposes"]["first_seen"] == (
        "2024-12-02"
    )


@pytest.mark.model
def test_the_seed_twice_or_syndicated_adds_no_source(tmp_path: Path) -> None:
    """Done-when of issue 4: the seed under two names and a syndicated copy (another
    header line, a few words changed) raise no edge's independent-source count."""
    text = SEED.read_text("utf-8")
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    shutil.copy(SEED, first / "seed.txt")
    shutil.copy(SEED, second / "renamed.txt")
    lines = text.splitlines()
    syndicated = "\n".join(["Syndicated by Example Wire", *lines[1:]])
    (second / "wire.txt").write_text(syndicated.replace("Thousands", "Many thousands"), "utf-8")
    with kg.open_graph(tmp_path / "store") as graph:
        graph.ingest([first])
        before = {(r["subject"], r["relation"], r["object"]): r for r in graph.query("edges")}
        G_before = graph.to_networkx()
        report = graph.ingest([second])
        assert (report.written, report.unchanged) == (1, 1)
        after = {(r["subject"], r["relation"], r["object"]): r for r in graph.query("edges")}
        G_after = graph.to_networkx()
    assert before and set(after) >= set(before)
    for key, row in after.items():
        assert row["sources"] == 1, key
        if key in before:
            assert row["documents"] >= before[key]["documents"]
    assert any(after[k]["documents"] > before[k]["documents"] for k in before)
    for u, v, key, data in G_after.edges(keys=True, data=True):
        assert data["sources"] == 1
        if G_before.has_edge(u, v, key):
            assert data["sources"] == G_before[u][v][key]["sources"]


def test_pairs_of_development_articles_are_far_apart() -> None:
    sketches = [fingerprint(p.read_text("utf-8")) for p in ARTICLES]
    worst = max(jaccard(a, b) for a, b in itertools.combinations(sketches, 2))
    assert worst < 0.1
