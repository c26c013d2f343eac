"""The search index of one language: folded words in shards fetched on demand, one small
fragment per page for its result (title, section, text for the excerpt).

Layout under `<language root>/<output_dir>/` (read by overrides/assets/javascripts/search.js):

    manifest.json            {"version", "shards", "vocab", "pages"}: fetched first, never
                             cached long
    <version>/s/<n>.json     shard n: {term: [variants, postings]} or, in a language that
                             stems, {term: [variants, postings, siblings]}
    <version>/v/<n>.json     vocabulary shard n: {folded word: pages holding it}, for the words
                             whose first two letters hash to n: completes the last word while
                             the reader types and proposes a word for a typo ("did you mean")
    <version>/p/<id>.json    page id: {"u": url, "t": title, "s": section, "x": text}
    <version>/facets.json    {"sections": [[key, label]], "pages": [[section, year]]}: the
                             search page's filters, fetched only there

A term is a folded word ("dao") or two adjacent folded words ("ly son": phrases rank first and
quoted phrases require them). Its shard is fnv1a(term) % shards, so the reader's browser fetches
only the shards of the words it types. `variants` are the exact (NFC, lower-case) forms the
word takes in this language ("đảo", "đạo", "dao"); postings are flat integer triples
(page id delta, weight, variant bit mask): bit i says the page holds variants[i], which is how
exact diacritics rank first. The weight is BM25 over the text plus a title bonus, computed here
where every count is known.

English words are stemmed (ttdn.search.stemming) at build time only: a word's entry lists its
`siblings`, the other words of the index with the same stem, and a stem that is no word of the
index gets an entry of its own with only siblings ("invest" → "investment", "investing"). The
browser then needs no stemmer: it looks up the siblings of the words it finds.
"""

from __future__ import annotations

import gc
import hashlib
import json
import math
import shutil
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import chain
from operator import sub
from pathlib import Path

from ttdn.search.folding import exact, fold, words
from ttdn.search.stemming import stem_groups

SHARD_TARGET_BYTES = 12_000  # raw JSON per shard on average; gzip takes it to about a third
MAX_VARIANTS = 31  # bits of a JavaScript integer mask
TITLE_BOOST = 2.0  # a word in the title weighs as much as a text full of it, twice
EXCERPT_CHARS = 20_000  # enough for any excerpt; a long document's tail is still indexed
BM25_K1, BM25_B = 1.2, 0.75


@dataclass(frozen=True)
class Document:
    url: str  # path from the site root: "tin-bai/2023/ly-son/"
    title: str
    section: str  # the section's label in the page's language
    text: str  # NFC
    section_key: str = ""  # the declared search_section ("column"): the search page's filter
    year: int = 0  # the year of the page's date; 0 for none


def fnv1a(term: str) -> int:
    """32-bit FNV-1a over the term's code points; search.js computes the same."""
    h = 0x811C9DC5
    for ch in term:
        h ^= ord(ch)
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


def vocab_key(folded_word: str) -> str:
    """What a vocabulary shard is chosen by: the word's first two letters (search.js: vocabKey)."""
    return folded_word[:2]


@dataclass(frozen=True)
class Index:
    manifest: dict
    shards: dict[int, dict]
    vocab: dict[int, dict[str, int]]
    fragments: list[dict]
    facets: dict
    # Each file's JSON under <version>/ ("s/0.json"), encoded once for the version and the files.
    files: dict[str, str] = field(default_factory=dict, repr=False, compare=False)


class _Variants:
    """Each folded word's exact forms, numbered in order of first use across the pages."""

    def __init__(self) -> None:
        self.forms: dict[str, dict[str, int]] = {}  # folded word → {form: bit}
        self.bits: dict[tuple[str, str], int] = {}  # (folded word, form) → 1 << bit

    def masks(self, pairs: Iterable[tuple[str, str]]) -> dict[str, int]:
        """One page's (folded word, form) pairs, in sorted order → each word's variant mask."""
        bits, masks = self.bits, {}
        for pair in pairs:
            bit = bits.get(pair)
            if bit is None:
                forms = self.forms.setdefault(pair[0], {})
                if len(forms) < MAX_VARIANTS:
                    forms[pair[1]] = len(forms)
                    bit = bits[pair] = 1 << (len(forms) - 1)
                else:  # a form past the mask's bits finds the word, not its exact form
                    bit = 0
            masks[pair[0]] = masks.get(pair[0], 0) | bit
        return masks


def build_index(docs: list[Document], lang: str = "") -> Index:
    """One language's index; English words also find the words of the same stem."""
    collecting = gc.isenabled()
    gc.disable()  # a million small objects that all live to the end: collecting finds nothing
    try:
        return _build(docs, lang)
    finally:
        if collecting:
            gc.enable()


def _build(docs: list[Document], lang: str) -> Index:
    """Most of the cost is per posting (a term of a page, some 750 a page): postings are flat
    lists grown page by page with their BM25 part; what is per term is done once, at the end."""
    total = len(docs)
    k1, b = BM25_K1, BM25_B
    variants = _Variants()
    pages = []  # folded title, folded text, variant masks: BM25 needs the average length first
    for doc in docs:
        title_words, text_words = words(doc.title), words(doc.text)
        title, text = list(map(fold, title_words)), list(map(fold, text_words))
        # sorted: the same site, the same variant numbers
        pages.append((title, text, variants.masks(sorted(set(zip(
            title + text, map(exact, title_words + text_words), strict=True))))))
    average = max(1.0, sum(len(text) for _, text, _ in pages) / total) if total else 1.0
    # term → [page id, BM25 part, variant mask, ...] by page id
    table: defaultdict[str, list] = defaultdict(list)
    for page_id, (title, text, masks) in enumerate(pages):
        counts = Counter(text)  # words, then adjacent pairs (no exact forms)
        pairs = Counter(map(" ".join, zip(text, text[1:], strict=False)))
        norm = k1 * (1 - b + b * len(text) / average)
        once = 1 * (k1 + 1) / (1 + norm)  # most terms occur once in a page
        for term in {*title, *map(" ".join, zip(title, title[1:], strict=False))}:
            count = (pairs if " " in term else counts).pop(term, 0)
            table[term] += (page_id, count * (k1 + 1) / (count + norm) + TITLE_BOOST,
                            masks.get(term, 0))
        for group, is_word in ((counts, True), (pairs, False)):
            for term, count in group.items():
                entry = table[term]
                entry += (page_id, once if count == 1 else count * (k1 + 1) / (count + norm),
                          masks[term] if is_word else 0)
    idf: dict[int, float] = {}  # by page count: most terms share a few
    encoded: dict[str, list] = {}
    size = 0  # about 4 characters per posting number, plus the term and its forms
    for term, entry in table.items():
        found = len(entry) // 3  # pages holding the term
        weight = idf.get(found)
        if weight is None:
            weight = idf[found] = math.log(1 + (total - found + 0.5) / (found + 0.5))
        if " " in term:  # a pair: no exact forms
            encoded[term] = [[], _postings(entry, weight)]
            size += len(term) + 12 * found + 8
        else:
            forms = list(variants.forms[term])
            encoded[term] = [forms, _postings(entry, weight)]
            size += len(term) + 12 * found + 8 + sum(map(len, forms)) + 3 * len(forms)
    vocabulary = sorted(t for t in table if " " not in t)
    for term, siblings in stem_groups(vocabulary, lang).items():
        if term not in encoded:
            encoded[term] = [[], []]
            size += len(term) + 8
        encoded[term].append(siblings)
    count = max(1, math.ceil(size / SHARD_TARGET_BYTES))
    shards: dict[int, dict] = defaultdict(dict)
    for term in sorted(encoded):
        shards[fnv1a(term) % count][term] = encoded[term]
    vocab_size = sum(len(w) + 6 for w in vocabulary)
    vocab_count = max(1, math.ceil(vocab_size / SHARD_TARGET_BYTES))
    vocab: dict[int, dict[str, int]] = defaultdict(dict)
    vocab_shard: dict[str, int] = {}  # by first two letters: many words share them
    for word in vocabulary:
        key = vocab_key(word)
        number = vocab_shard.get(key)
        if number is None:
            number = vocab_shard[key] = fnv1a(key) % vocab_count
        vocab[number][word] = len(table[word]) // 3
    fragments = [{"u": d.url, "t": d.title, "s": d.section, "x": d.text[:EXCERPT_CHARS]}
                 for d in docs]
    sections = sorted({(d.section_key, d.section) for d in docs if d.section_key})
    number_of = {key: i for i, (key, _) in enumerate(sections)}
    facets = {"sections": [list(s) for s in sections],
              "pages": [[number_of.get(d.section_key, -1), d.year] for d in docs]}
    files = {f"s/{n}.json": _json(shards.get(n, {})) for n in range(count)}
    files.update({f"v/{n}.json": _json(vocab.get(n, {})) for n in range(vocab_count)})
    pages_json = [_json(f) for f in fragments]
    files["facets.json"] = _json(facets)
    # The version hashes the shards, the vocabulary, the fragments (as one JSON list) and the
    # facets: the same bytes as hashing each of them encoded whole.
    digest = hashlib.sha256()
    for part in (str(count), *(files[f"s/{n}.json"] for n in range(count)), str(vocab_count),
                 *(files[f"v/{n}.json"] for n in range(vocab_count)),
                 "[" + ",".join(pages_json) + "]", files["facets.json"]):
        digest.update(part.encode())
    files.update({f"p/{n}.json": text for n, text in enumerate(pages_json)})
    manifest = {"version": digest.hexdigest()[:12], "shards": count, "vocab": vocab_count,
                "pages": total}
    return Index(manifest, dict(shards), dict(vocab), fragments, facets, files)


def _postings(entry: list, idf: float) -> list[int]:
    """Flat (page id delta, weight, mask) triples from [page id, BM25 part, mask, ...]."""
    if len(entry) == 3:  # a term of one page: most word pairs
        return [entry[0], round(idf * entry[1] * 100) or 1, entry[2]]
    ids = entry[0::3]
    deltas = list(map(sub, ids, [0, *ids[:-1]]))
    # round(…) or 1 is the max(1, round(…)) it always was: no weight is negative
    weights = [round(idf * part * 100) or 1 for part in entry[1::3]]
    return list(chain.from_iterable(zip(deltas, weights, entry[2::3], strict=True)))


def write_index(docs: Iterable[Document], out: Path, lang: str = "") -> dict:
    """Write one language's index into `out` (emptied first); returns the manifest."""
    index = build_index(list(docs), lang)
    manifest = index.manifest
    if out.exists():
        shutil.rmtree(out)
    base = out / manifest["version"]
    for folder in ("s", "p", "v"):
        (base / folder).mkdir(parents=True, exist_ok=True)
    for name, text in index.files.items():
        (base / name).write_bytes(text.encode())
    (out / "manifest.json").write_bytes(_json(manifest).encode())
    return manifest


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
