"""Translation parity and staleness: every page of the default language against its translations.

A Vietnamese page `docs/vi/X.md` has its English translation at `docs/en/X.md`, or a placeholder
there marked `translation: {pending: DATE}` (the date it was asked for; never published). A
translation records the fingerprint of the original it was made from (`translation:
{source: …}`, written by `ttdn translated`); when the original's text changes, the translation
is stale until a translator updates it and runs `ttdn translated` again.

Pure functions over the content model: the check, the status page and the built page's notice
all read the same `PairState`s.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ttdn.commands import suggest
from ttdn.content import Content, Entry
from ttdn.findings import Finding
from ttdn.i18n import Language

State = Literal["current", "stale", "unrecorded", "pending", "missing"]


@dataclass(frozen=True)
class PairState:
    original: Entry  # the default-language page
    lang: Language  # the translation's language
    state: State
    translation: Entry | None = None  # the file as written, published or not

    @property
    def requested(self) -> dt.date | None:
        meta = self.translation.meta if self.translation else None
        return meta.translation.pending if meta and meta.translation else None

    @property
    def section(self) -> str:
        """The top folder of the page ("tin-bai"), or "" for a page at the root."""
        parts = self.original.src.parts
        return parts[0] if len(parts) > 1 else ""


def pair_states(content: Content) -> Iterator[PairState]:
    """The state of every published original against each other language. Drafts and
    scheduled pages need no translation yet (and their titles must not leak onto a page)."""
    default = content.languages.default
    originals = {e.src: e for e in content.of_language(default.code)}
    for src in sorted(originals, key=str):
        original = originals[src]
        for lang in content.languages.others(default.code):
            yield state_of(content, original, lang)


def state_of(content: Content, original: Entry, lang: Language) -> PairState:
    translation = content.written(lang.code, original.src)
    if translation is None:
        return PairState(original, lang, "missing")
    record = translation.meta.translation
    if record is None:
        return PairState(original, lang, "unrecorded", translation)
    if record.pending is not None:
        return PairState(original, lang, "pending", translation)
    state: State = "current" if record.source == original.digest else "stale"
    return PairState(original, lang, state, translation)


def stale_original(content: Content, entry: Entry) -> Entry | None:
    """For a published translation whose original changed since: the original (for the notice)."""
    if entry.lang.default or entry.generated:
        return None
    original = content.get(content.languages.default.code, entry.src)
    if original is None:
        return None
    return original if state_of(content, original, entry.lang).state == "stale" else None


def parity_findings(content: Content) -> list[Finding]:
    """Missing, unrecorded and stale translations, and translations without an original."""
    findings = [_state_finding(pair) for pair in pair_states(content)]
    return [f for f in findings if f is not None] + orphans(content)


def _state_finding(pair: PairState) -> Finding | None:
    original, name = pair.original, pair.lang.t("language_name")
    target = _counterpart_path(original, pair.lang)
    if pair.state == "missing":
        if _file_in(original, pair.lang.code).is_file():
            return None  # written but unreadable: its own finding says why
        return Finding(
            original.shown, 1, "translation-missing",
            f"Chưa có bản dịch ({name}) ở {target}. Tạo tệp đó với 'translation: {{pending: "
            f"{dt.date.today()}}}' (ngày đề nghị dịch) để ghi nhận là đang chờ dịch.",
            f"There is no {name} translation at {target}. Create that file with 'translation: "
            f"{{pending: {dt.date.today()}}}' (the date it was asked for) to record that it is "
            "pending.",
            severity="error",
        )
    translation = pair.translation
    assert translation is not None
    if pair.state == "unrecorded":
        return Finding(
            translation.shown, translation.line_of("title"), "translation-source",
            f"Bản dịch chưa ghi nó được dịch từ phiên bản nào của {original.shown}. Khi bản "
            f"dịch đã khớp bản gốc, chạy: {suggest('translated', translation.shown)}",
            f"The translation does not record which version of {original.shown} it was made "
            f"from. Once it matches the original, run: {suggest('translated', translation.shown)}",
            severity="warning",
        )
    if pair.state == "stale":
        return Finding(
            translation.shown, translation.line_of("translation"), "translation-stale",
            f"Bản gốc {original.shown} đã sửa sau khi dịch: cập nhật bản dịch rồi chạy "
            f"{suggest('translated', translation.shown)}",
            f"The original {original.shown} changed after this translation was made: update "
            f"the translation, then run {suggest('translated', translation.shown)}",
            severity="warning",
        )
    return None


def _file_in(entry: Entry, code: str) -> Path:
    """The file of `entry`'s page in language `code`, whether it exists or not."""
    assert entry.path is not None
    docs_dir = entry.path.parents[len(entry.src.parts)]
    return docs_dir / code / entry.src


def _counterpart_path(entry: Entry, lang: Language) -> str:
    """The repository path of `entry` in `lang`: docs/vi/a.md → docs/en/a.md."""
    head, sep, tail = entry.shown.partition(f"/{entry.lang.code}/")
    return f"{head}/{lang.code}/{tail}" if sep else entry.shown


def orphans(content: Content) -> list[Finding]:
    """Translations whose original does not exist: two unlinked pages, one per language."""
    default = content.languages.default
    findings = []
    for lang in content.languages.others(default.code):
        written = {e.src: e for e in content.of_language(lang.code)}
        written.update(content.held.get(lang.code, {}))
        for _, entry in sorted(written.items(), key=lambda kv: str(kv[0])):
            if not _file_in(entry, default.code).is_file():
                original = _counterpart_path(entry, default)
                findings.append(Finding(
                    entry.shown, 1, "translation-orphan",
                    f"Không có bản gốc tiếng Việt ở {original}: bản dịch phải có cùng tên tệp "
                    "và thư mục với bản gốc. Đổi tên tệp cho trùng.",
                    f"There is no Vietnamese original at {original}: a translation must have "
                    "the same folder and file name as its original. Rename the file to match.",
                ))
    return findings


def pair_findings(content: Content) -> list[Finding]:
    """What must agree between a page and its translation: draft state, category, date.

    A Vietnamese draft with a published English would send the English out alone; the build
    fails on these, as the check does.
    """
    default = content.languages.default
    findings = []
    for lang in content.languages.others(default.code):
        for src in sorted(_all_srcs(content, lang.code), key=str):
            translation = content.written(lang.code, src)
            original = content.written(default.code, src)
            if translation is None or original is None or translation.meta.pending:
                continue
            findings += _disagreements(content, original, translation)
    return findings


def _all_srcs(content: Content, code: str) -> set:
    return {e.src for e in content.of_language(code)} | set(content.held.get(code, {}))


def _disagreements(content: Content, original: Entry, translation: Entry) -> list[Finding]:
    found = []
    code = original.lang.code
    original_out = content.get(code, original.src) is not None
    translation_out = content.get(translation.lang.code, translation.src) is not None
    if translation_out and not original_out:
        found.append(Finding(
            translation.shown, (translation.lines or {}).get("draft", translation.line_of("title")),
            "translation-draft",
            f"Bản gốc {original.shown} đang là bản nháp (hoặc chưa đến ngày đăng) nhưng bản "
            "dịch này sẽ được đăng một mình: đặt 'draft: true' ở đây nữa.",
            f"The original {original.shown} is a draft (or not yet due) but this translation "
            "would be published alone: set 'draft: true' here too.",
        ))
    for key, vi_name in (("category", "chủ đề"), ("date", "ngày đăng")):
        mine, theirs = getattr(translation.meta, key, None), getattr(original.meta, key, None)
        if mine != theirs:
            found.append(Finding(
                translation.shown, translation.line_of(key), f"translation-{key}",
                f"'{key}' ({vi_name}) là {mine} nhưng bản gốc {original.shown} ghi {theirs}: "
                "hai bản phải giống nhau.",
                f"'{key}' is {mine} but the original {original.shown} has {theirs}: both "
                "must agree.",
            ))
    return found
