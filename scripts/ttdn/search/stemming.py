"""English stems for the search index, so that "island" finds "islands" and "invest" finds
"investment" and "investing".

Porter2 (the Snowball English stemmer, PyPI `snowballstemmer`, pure Python, pinned) runs at
build time only, over the index's own vocabulary: words of one stem become each other's
`siblings` in the index (ttdn.search.index), and search.js looks them up without a stemmer of
its own, so the two sides can never stem differently. Vietnamese is not stemmed: its words do
not inflect. A query word that is neither in the index nor a stem of its words is not stemmed
("investors" on a site that never says "investor"); the typing completion and "did you mean"
cover most of those.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import snowballstemmer

STEMMED = {"en": "english"}  # language → Snowball algorithm
MIN_LENGTH = 3  # "is", "us", "as" stem to themselves or to nonsense


def stem_groups(vocabulary: Iterable[str], lang: str) -> dict[str, list[str]]:
    """Folded word (or stem) → the other words of the vocabulary with its stem.

    Only words that share a stem with another word, and stems that are no word of the
    vocabulary, appear: {"island": ["islands"], "islands": ["island"], "invest": ["investing",
    "investment"], ...}."""
    algorithm = STEMMED.get(lang)
    if algorithm is None:
        return {}
    stemmer = snowballstemmer.stemmer(algorithm)
    words = sorted(set(vocabulary))
    groups: dict[str, list[str]] = defaultdict(list)
    for word in words:
        if len(word) >= MIN_LENGTH and word.isalpha():
            groups[stemmer.stemWord(word)].append(word)
    known = set(words)
    result: dict[str, list[str]] = {}
    for stem, members in groups.items():
        if len(members) > 1:
            for word in members:
                result[word] = [m for m in members if m != word]
        if stem not in known and len(stem) >= MIN_LENGTH:
            result[stem] = members
    return result
