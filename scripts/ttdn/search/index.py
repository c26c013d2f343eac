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

import hashlib
import json
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
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


@dataclass
class _Postings:
    variants: dict[str, int]  # exact form → its bit, in order of first use
    pages: dict[int, tuple[int, int, bool]]  # page id → (count in the text, variant mask, in title)


def _terms(doc: Document) -> tuple[Counter[str], set[str], dict[str, set[str]], int]:
    """Term counts in the text (words and adjacent pairs), the title's terms, each word's exact
    forms, and the text's length in words."""
    counts: Counter[str] = Counter()
    in_title: set[str] = set()
    forms: dict[str, set[str]] = defaultdict(set)
    length = 0
    for sequence, is_title in ((words(doc.title), True), (words(doc.text), False)):
        folded = [fold(w) for w in sequence]
        terms = folded + [f"{a} {b}" for a, b in zip(folded, folded[1:], strict=False)]
        if is_title:
            in_title.update(terms)
        else:
            counts.update(terms)
            length = len(sequence)
        for word, key in zip(sequence, folded, strict=True):
            forms[key].add(exact(word))
    return counts, in_title, forms, length


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


def build_index(docs: list[Document], lang: str = "") -> Index:
    """One language's index; English words also find the words of the same stem."""
    table: dict[str, _Postings] = {}
    lengths = []
    for page_id, doc in enumerate(docs):
        counts, in_title, forms, length = _terms(doc)
        lengths.append(length)
        for term in in_title:
            counts.setdefault(term, 0)
        for term, count in counts.items():
            entry = table.get(term)
            if entry is None:
                entry = table[term] = _Postings({}, {})
            mask = 0
            if " " not in term:  # words have exact forms; pairs do not
                variants = entry.variants
                for form in sorted(forms[term]):  # sorted: the same site, the same files
                    bit = variants.get(form)
                    if bit is None and len(variants) < MAX_VARIANTS:
                        bit = variants[form] = len(variants)
                    if bit is not None:
                        mask |= 1 << bit
            entry.pages[page_id] = (count, mask, term in in_title)
    average = max(1.0, sum(lengths) / len(lengths)) if lengths else 1.0  # pages may be empty
    encoded: dict[str, list] = {
        term: [list(p.variants), _postings(p, lengths, average, len(docs))]
        for term, p in table.items()}
    vocabulary = sorted(t for t in table if " " not in t)
    for term, siblings in stem_groups(vocabulary, lang).items():
        encoded.setdefault(term, [[], []]).append(siblings)
    # About 4 characters per posting number, plus the term and its forms: enough to size shards.
    size = sum(len(t) + 4 * len(v[1]) + sum(len(f) + 3 for f in v[0]) + 8
               for t, v in encoded.items())
    count = max(1, math.ceil(size / SHARD_TARGET_BYTES))
    shards: dict[int, dict] = defaultdict(dict)
    for term in sorted(encoded):
        shards[fnv1a(term) % count][term] = encoded[term]
    vocab_size = sum(len(w) + 6 for w in vocabulary)
    vocab_count = max(1, math.ceil(vocab_size / SHARD_TARGET_BYTES))
    vocab: dict[int, dict[str, int]] = defaultdict(dict)
    for word in vocabulary:
        vocab[fnv1a(vocab_key(word)) % vocab_count][word] = len(table[word].pages)
    fragments = [{"u": d.url, "t": d.title, "s": d.section, "x": d.text[:EXCERPT_CHARS]}
                 for d in docs]
    sections = sorted({(d.section_key, d.section) for d in docs if d.section_key})
    number = {key: i for i, (key, _) in enumerate(sections)}
    facets = {"sections": [list(s) for s in sections],
              "pages": [[number.get(d.section_key, -1), d.year] for d in docs]}
    digest = hashlib.sha256()
    for part in (count, *(shards.get(n, {}) for n in range(count)), vocab_count,
                 *(vocab.get(n, {}) for n in range(vocab_count)), fragments, facets):
        digest.update(_json(part).encode())
    manifest = {"version": digest.hexdigest()[:12], "shards": count, "vocab": vocab_count,
                "pages": len(docs)}
    return Index(manifest, dict(shards), dict(vocab), fragments, facets)


def _postings(p: _Postings, lengths: list[int], average: float, total: int) -> list[int]:
    idf = math.log(1 + (total - len(p.pages) + 0.5) / (len(p.pages) + 0.5))
    k1, b = BM25_K1, BM25_B
    flat: list[int] = []
    previous = 0
    for page_id in sorted(p.pages):
        count, mask, in_title = p.pages[page_id]
        norm = k1 * (1 - b + b * lengths[page_id] / average)
        weight = idf * (count * (k1 + 1) / (count + norm) + (TITLE_BOOST if in_title else 0))
        flat += (page_id - previous, max(1, round(weight * 100)), mask)
        previous = page_id
    return flat


def write_index(docs: Iterable[Document], out: Path, lang: str = "") -> dict:
    """Write one language's index into `out` (emptied first); returns the manifest."""
    index = build_index(list(docs), lang)
    manifest, shards, fragments = index.manifest, index.shards, index.fragments
    if out.exists():
        for old in sorted(out.rglob("*"), reverse=True):
            old.rmdir() if old.is_dir() else old.unlink()
    base = out / manifest["version"]
    (base / "s").mkdir(parents=True, exist_ok=True)
    (base / "p").mkdir(parents=True, exist_ok=True)
    (base / "v").mkdir(parents=True, exist_ok=True)
    for number in range(manifest["shards"]):
        (base / "s" / f"{number}.json").write_text(_json(shards.get(number, {})), "utf-8")
    for number in range(manifest["vocab"]):
        (base / "v" / f"{number}.json").write_text(_json(index.vocab.get(number, {})), "utf-8")
    (base / "facets.json").write_text(_json(index.facets), "utf-8")
    for page_id, fragment in enumerate(fragments):
        (base / "p" / f"{page_id}.json").write_text(_json(fragment), "utf-8")
    (out / "manifest.json").write_text(_json(manifest), "utf-8")
    return manifest


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
