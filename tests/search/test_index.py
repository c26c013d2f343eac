"""The sharded index: folded words and word pairs, exact forms as bit masks, BM25 weights."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path

from ttdn.search.index import (
    MAX_VARIANTS,
    Document,
    build_index,
    fnv1a,
    vocab_key,
    write_index,
)


def docs() -> list[Document]:
    return [
        Document("a/", "Đảo Lý Sơn", "Chuyên mục", "Huyện đảo Lý Sơn của tỉnh Quảng Ngãi."),
        Document("b/", "Dao kéo", "Chuyên mục", "Con dao sắc, cuộc sống."),
        Document("c/", "Đạo đức", "Trang", "Đạo đức nghề báo."),
    ]


def lookup(shards: dict, manifest: dict, term: str) -> tuple[list[str], dict[int, tuple]]:
    variants, flat = shards[fnv1a(term) % manifest["shards"]][term]
    pages, page_id = {}, 0
    for i in range(0, len(flat), 3):
        page_id += flat[i]
        pages[page_id] = (flat[i + 1], flat[i + 2])
    return variants, pages


def test_a_folded_word_lists_every_page_and_which_exact_forms_each_holds() -> None:
    index = build_index(docs())
    manifest, shards = index.manifest, index.shards
    variants, pages = lookup(shards, manifest, "dao")
    assert set(variants) == {"đảo", "dao", "đạo"}
    assert set(pages) == {0, 1, 2}
    holds = {pid: {v for i, v in enumerate(variants) if mask >> i & 1}
             for pid, (_, mask) in pages.items()}
    assert holds == {0: {"đảo"}, 1: {"dao"}, 2: {"đạo"}}


def test_whole_words_only_and_adjacent_pairs_are_terms() -> None:
    index = build_index(docs())
    manifest, shards = index.manifest, index.shards
    terms = {t for shard in shards.values() for t in shard}
    assert "son" in terms and "song" in terms  # "Sơn" and "sống": two words, no prefixes
    assert "so" not in terms
    _, pages = lookup(shards, manifest, "ly son")
    assert set(pages) == {0}
    _, pages = lookup(shards, manifest, "dao ly")
    assert set(pages) == {0}


def test_a_word_in_the_title_weighs_more_than_in_the_text() -> None:
    corpus = [Document("a/", "Lý Sơn", "", "Biển đẹp và xanh."),
              Document("b/", "Biển đẹp", "", "Lý Sơn và xanh.")]
    index = build_index(corpus)
    manifest, shards = index.manifest, index.shards
    _, pages = lookup(shards, manifest, "son")
    assert pages[0][0] > pages[1][0]


def test_written_index_has_a_manifest_shards_and_one_fragment_per_page(tmp_path) -> None:
    out = tmp_path / "search-index"
    (out / "stale").mkdir(parents=True)
    manifest = write_index(docs(), out)
    assert json.loads((out / "manifest.json").read_text()) == manifest
    assert not (out / "stale").exists()
    base = out / manifest["version"]
    assert len(list((base / "s").glob("*.json"))) == manifest["shards"]
    fragment = json.loads((base / "p" / "0.json").read_text("utf-8"))
    assert fragment == {"u": "a/", "t": "Đảo Lý Sơn", "s": "Chuyên mục",
                        "x": "Huyện đảo Lý Sơn của tỉnh Quảng Ngãi."}


def test_fnv1a_is_the_32_bit_reference_hash() -> None:
    assert fnv1a("") == 0x811C9DC5
    assert fnv1a("a") == 0xE40C292C  # the published FNV-1a test vector


def test_pages_with_a_title_and_no_text_are_indexed_by_their_title() -> None:
    index = build_index([Document("a/", "Ảnh Lý Sơn", "Sách ảnh", "")])
    manifest, shards = index.manifest, index.shards
    _, pages = lookup(shards, manifest, "son")
    assert set(pages) == {0}


def test_the_same_pages_give_the_same_index_in_any_process() -> None:
    """The version names the files: it must not change with Python's string hash seed."""
    code = ("from ttdn.search.index import Document, build_index; "
            "print(build_index([Document('a/', 'Đảo', '', 'đảo Đảo dao ĐẢO đạo')])"
            ".manifest['version'])")
    versions = {
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2", "3")
    }
    assert len(versions) == 1


def test_vocabulary_shards_hold_every_word_with_its_page_count() -> None:
    index = build_index([Document("a/", "Đảo", "", "đảo Lý Sơn"), Document("b/", "", "", "đảo")])
    vocabulary = {w: n for shard in index.vocab.values() for w, n in shard.items()}
    assert vocabulary == {"dao": 2, "ly": 1, "son": 1}
    for number, shard in index.vocab.items():  # chosen by the first two letters, as search.js
        assert all(fnv1a(vocab_key(w)) % index.manifest["vocab"] == number for w in shard)


def test_english_words_carry_their_stem_siblings() -> None:
    docs = [Document("a/", "", "", "islands"), Document("b/", "", "", "island investing")]
    shards = build_index(docs, "en").shards
    entries = {t: e for shard in shards.values() for t, e in shard.items()}
    assert entries["island"][2] == ["islands"]
    assert entries["invest"] == [[], [], ["investing"]]  # the stem alone: no pages of its own
    vi = {t: e for s in build_index(docs, "vi").shards.values() for t, e in s.items()}
    assert len(vi["island"]) == 2 and "invest" not in vi


def test_facets_give_each_page_its_section_and_year() -> None:
    docs = [Document("a/", "", "Bản tin", "x", "bulletin", 2023),
            Document("b/", "", "Chuyên mục", "y", "column", 2026),
            Document("c/", "", "", "z")]
    facets = build_index(docs).facets
    assert facets["sections"] == [["bulletin", "Bản tin"], ["column", "Chuyên mục"]]
    assert facets["pages"] == [[0, 2023], [1, 2026], [-1, 0]]


def test_written_index_has_vocabulary_and_facets(tmp_path: Path) -> None:
    manifest = write_index(docs(), tmp_path / "idx", "en")
    base = tmp_path / "idx" / manifest["version"]
    assert len(list((base / "v").glob("*.json"))) == manifest["vocab"]
    assert json.loads((base / "facets.json").read_text("utf-8"))["pages"]


A_FORMS = "aáàảãạ"  # six forms of "a"
O_FORMS = "oóòỏõọô"  # seven of "o": 42 forms of "ao", more than a mask's bits


def varied_docs() -> list[Document]:
    forms = [a + o for a in A_FORMS for o in O_FORMS]
    return [
        Document("a/", "Đảo Lý Sơn", "Chuyên mục", "Huyện đảo Lý Sơn của tỉnh Quảng Ngãi. "
                 "Đảo Lý Sơn, đảo Bé, đảo lớn.", "column", 2023),
        Document("b/", "Dao kéo", "Chuyên mục", "Con dao sắc, cuộc sống.", "column", 2024),
        Document("c/", "Đạo đức", "Trang", "Đạo đức nghề báo. " * 30, "pages", 0),
        Document("d/", "Ảnh Lý Sơn", "Sách ảnh", "", "photo_book", 2025),
        Document("e/", "Islands and investment", "Column", "Islands, island investing; "
                 "the investors invest in the island. " + " ".join(forms), "column", 2026),
        Document("f/", "", "", " ".join(reversed(forms)) + " ao ao ao"),
    ]


def test_the_same_pages_give_the_same_version_as_the_first_index_builder() -> None:
    """The version names the files readers' browsers cache: rewriting the builder for speed
    must not change it. Pinned from the first builder (commit acc3a54), which computed these
    on the same pages: titles, repeated words, an empty text, 42 forms of one word, stems."""
    assert build_index(varied_docs(), "vi").manifest == {
        "version": "d276cbfa363d", "shards": 1, "vocab": 1, "pages": 6}
    assert build_index(varied_docs(), "en").manifest == {
        "version": "9f1d9259822b", "shards": 1, "vocab": 1, "pages": 6}


def test_forms_past_the_masks_bits_still_find_their_pages() -> None:
    index = build_index(varied_docs())
    variants, pages = lookup(index.shards, index.manifest, "ao")
    forms = sorted(a + o for a in A_FORMS for o in O_FORMS)
    assert variants == forms[:MAX_VARIANTS]  # numbered in the order met: sorted, on page 4
    assert set(pages) == {4, 5}  # both also hold forms past the 31st
    assert pages[5][1] == pages[4][1] == 2 ** MAX_VARIANTS - 1


def test_a_word_said_more_often_weighs_more() -> None:
    index = build_index([Document("a/", "", "", "biển đảo biển biển"),
                         Document("b/", "", "", "biển đảo và núi rừng"),
                         Document("c/", "", "", "núi")])
    _, pages = lookup(index.shards, index.manifest, "bien")
    assert pages[0][0] > pages[1][0]


def test_building_leaves_the_garbage_collector_as_it_found_it() -> None:
    assert gc.isenabled()
    build_index(docs())
    assert gc.isenabled()
    gc.disable()
    try:
        build_index(docs())
        assert not gc.isenabled()
    finally:
        gc.enable()
