"""Folding: every Vietnamese vowel with each of the six tones, upper and lower case, precomposed
and decomposed, folds to its plain letter; đ/Đ fold to d. tests/browser/test_search.py runs the
same table through search.js's fold()."""

from __future__ import annotations

import unicodedata

import pytest

from helpers import toned_vowels
from ttdn.search.folding import exact, fold, words

TABLE = toned_vowels()


def test_the_table_holds_every_toned_vowel_once() -> None:
    assert len(TABLE) == 144 and len({w for w, _ in TABLE}) == 144
    assert all(len(w) == 1 for w, _ in TABLE)  # each one precomposed code point in NFC


@pytest.mark.parametrize(("written", "plain"), TABLE)
def test_every_toned_vowel_folds_to_its_plain_letter(written: str, plain: str) -> None:
    assert fold(written) == plain
    assert fold(unicodedata.normalize("NFD", written)) == plain


@pytest.mark.parametrize("letter", ["đ", "Đ", "ð", "Ð"])  # ð/Ð: typed for đ on some keyboards
def test_d_with_stroke_folds_to_d(letter: str) -> None:
    assert fold(letter) == "d"


@pytest.mark.parametrize(
    ("word", "folded"),
    [("Quảng", "quang"), ("Ngãi", "ngai"), ("Đảo", "dao"), ("đảo", "dao"), ("Lý", "ly"),
     ("Sơn", "son"), ("Đà", "da"), ("Nẵng", "nang"), ("sống", "song"), ("tự", "tu")],
)
def test_words_fold_without_tones_and_with_d(word: str, folded: str) -> None:
    assert fold(word) == folded


def test_exact_keeps_the_marks_in_one_normal_form() -> None:
    decomposed = unicodedata.normalize("NFD", "Đảo")
    assert exact(decomposed) == exact("Đảo") == "đảo"
    assert exact("hoà") != exact("hòa")  # two tone placements stay two exact forms


def test_words_split_on_punctuation_and_keep_digits() -> None:
    assert words("Lý Sơn, 197/KH-UBND (2023)") == ["Lý", "Sơn", "197", "KH", "UBND", "2023"]
    assert words(unicodedata.normalize("NFD", "Quảng Ngãi")) == ["Quảng", "Ngãi"]
