"""kg.shard: documents written to N-Quads shards and bulk-loaded give the store that direct
writes give, quad for quad."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import StoreError
from kg.model import Extraction
from kg.query import run_query
from kg.rdf import extraction_to_quads
from kg.shard import generate_nquads, load_shards, write_shard
from kg.store import Store


def _quads(path: Path) -> set[ox.Quad]:
    with Store.open(path) as store:
        dump = path.parent / f"{path.name}.nq"
        store.dump(dump, "nq")
    return set(ox.parse(path=str(dump), format=ox.RdfFormat.N_QUADS))


def test_sharded_load_equals_direct_writes(tmp_path: Path, extractions: list[Extraction]) -> None:
    first = write_shard(extractions[:2], tmp_path / "part-0.nq")
    second = write_shard(extractions[2:], tmp_path / "part-1.nq")
    with Store.open(tmp_path / "direct") as direct:
        written = sum(direct.write(e) for e in extractions)
    loaded = load_shards(tmp_path / "loaded", [tmp_path / "part-0.nq", tmp_path / "part-1.nq"])
    assert first + second == loaded.quads
    assert written < loaded.quads  # a writer sends shared actor descriptions once
    assert (loaded.documents, loaded.replaced) == (4, 0)
    assert _quads(tmp_path / "loaded") == _quads(tmp_path / "direct")
    with Store.open(tmp_path / "loaded") as store:
        assert run_query(store, "backers", {"actor": "Damascus"})


def test_shard_lines_parse_as_the_quads_of_the_extraction(extractions: list[Extraction]) -> None:
    text = "".join(line for e in extractions for line in generate_nquads(e))
    parsed = list(ox.parse(text.encode("utf-8"), ox.RdfFormat.N_QUADS))
    assert len(parsed) == sum(len(extraction_to_quads(e)) for e in extractions)
    assert {q.graph_name.value for q in parsed} == {
        f"https://w3id.org/kg/id/doc/{d}" for d in ("d1", "d1-copy", "d2", "d3")
    } | {"https://w3id.org/kg/id/graph/actors", "https://w3id.org/kg/id/graph/edges"}


def test_loading_a_document_again_replaces_its_graph(
    tmp_path: Path, extractions: list[Extraction]
) -> None:
    write_shard(extractions, tmp_path / "all.nq")
    load_shards(tmp_path / "store", [tmp_path / "all.nq"])
    d2 = next(e for e in extractions if e.document.id == "d2")
    write_shard([replace(d2, relations=d2.relations[:1])], tmp_path / "d2.nq")
    result = load_shards(tmp_path / "store", [tmp_path / "d2.nq"])
    assert (result.documents, result.replaced) == (1, 1)
    with Store.open(tmp_path / "store") as store:
        assert store.stats().claims == 14 - 5 + 1


def test_quads_outside_document_graphs_are_refused(tmp_path: Path) -> None:
    shard = tmp_path / "foreign.nq"
    shard.write_text("<urn:a> <urn:b> <urn:c> <urn:g> .\n", encoding="utf-8")
    with pytest.raises(StoreError, match="not a kg shard"):
        load_shards(tmp_path / "store", [shard])


def test_a_missing_shard_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot read the shard"):
        load_shards(tmp_path / "store", [tmp_path / "nowhere.nq"])


def test_a_broken_shard_loads_nothing(tmp_path: Path, extractions: list[Extraction]) -> None:
    shard = tmp_path / "broken.nq"
    write_shard(extractions[:1], shard)
    with shard.open("a", encoding="utf-8") as handle:
        handle.write('<urn:a> <urn:b> "unterminated <https://w3id.org/kg/id/doc/x> .\n')
    with pytest.raises(StoreError, match="oxigraph load failed"):
        load_shards(tmp_path / "store", [shard])
    with Store.open(tmp_path / "store") as store:
        assert store.stats().quads == 0
