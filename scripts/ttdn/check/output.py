"""How a check's result is shown: to an editor (text), to a machine (JSON), or to reviewers in a
pull request's job summary (Markdown: findings, then missing, pending and stale translations)."""

from __future__ import annotations

import json
import re

from ttdn.check import CheckResult
from ttdn.findings import report

PUNCTUATION = re.compile(r"[!-/:-@\[-`{-~]")  # every ASCII punctuation character
TRANSLATION_STATES = {
    "missing": ("Chưa có bản dịch", "Missing"),
    "pending": ("Đang chờ dịch", "Pending"),
    "stale": ("Bản gốc đã sửa sau khi dịch", "Stale"),
    "unrecorded": ("Chưa ghi bản gốc", "Source not recorded"),
}


def summary_line(result: CheckResult) -> str:
    errors, warnings = len(result.errors), len(result.warnings)
    mark = "✅" if not errors else "❌"
    return (
        f"{mark} ttdn check: {result.pages} trang/pages, {result.images} ảnh/images, "
        f"{errors} lỗi/errors, {warnings} cảnh báo/warnings, {result.seconds:.2f} s"
    )


def as_text(result: CheckResult) -> str:
    lines = [f"Đã chuẩn hoá NFC / normalised to NFC: {name}" for name in result.fixed]
    if result.findings:
        # report() ends with its own count line; ours replaces it.
        lines += report(result.findings).splitlines()[:-1]
    lines.append(summary_line(result))
    return "\n".join(lines)


def as_json(result: CheckResult) -> str:
    return json.dumps(
        {
            "findings": [f.as_dict() for f in result.findings],
            "summary": {
                "pages": result.pages,
                "images": result.images,
                "errors": len(result.errors),
                "warnings": len(result.warnings),
                "seconds": round(result.seconds, 3),
                "fixed": result.fixed,
            },
            "translations": [
                {
                    "original": pair.original.shown,
                    "language": pair.lang.code,
                    "state": pair.state,
                    "translation": pair.translation.shown if pair.translation else None,
                }
                for pair in result.states
                if pair.state != "current"
            ],
        },
        ensure_ascii=False,
        indent=2,
    )


def as_markdown(result: CheckResult) -> str:
    """A GitHub job summary: what the pull request breaks, and what waits for translators."""
    out = [f"## {summary_line(result)}", ""]
    if result.findings:
        out += ["| Tệp / File | Quy tắc / Rule | Lỗi / Problem |", "|---|---|---|"]
        for f in result.findings:
            where = _code(f"{f.path}:{f.line}" if f.line else f.path)
            icon = "❌" if f.severity == "error" else "⚠️"
            out.append(f"| {where} | {icon} {_code(f.rule)} | {_cell(f.vi)}<br>{_cell(f.en)} |")
        out.append("")
    if result.checked is not None:
        out += _checked_pages(result)
    waiting = [pair for pair in result.states if pair.state != "current"]
    out += [f"### Bản dịch / Translations: {len(waiting)} chưa xong / not done", ""]
    if waiting:
        out += ["| Bản gốc / Original | Trạng thái / State | Bản dịch / Translation |",
                "|---|---|---|"]
        for pair in waiting:
            vi, en = TRANSLATION_STATES[pair.state]
            requested = f" ({pair.requested})" if pair.requested else ""
            translation = _code(pair.translation.shown) if pair.translation else "—"
            out.append(f"| {_code(pair.original.shown)} | {vi} / {en}{requested} | "
                       f"{translation} |")
    return "\n".join(out) + "\n"


def _code(text: str) -> str:
    """A file name or rule as a code span, which shows its text literally; plain escaped text
    when the name itself holds a backtick that would close the span."""
    if "`" in text or "\n" in text:
        return _cell(text)
    return "`" + text.replace("|", "\\|") + "`"
def _checked_pages(result: CheckResult) -> list[str]:
    """The pages a partial check covered (a pull request's), each with its translation state
    and its number of findings: what reviewers look at first."""
    states: dict[str, str] = {}
    for pair in result.states:
        vi, en = TRANSLATION_STATES.get(pair.state, ("Đã dịch, khớp bản gốc", "Translated"))
        for page in (pair.original, pair.translation):
            if page is not None:
                states[page.shown] = f"{pair.lang.code}: {vi} / {en}"
    count: dict[str, int] = {}
    for f in result.findings:
        count[f.path] = count.get(f.path, 0) + 1
    out = [f"### Trang / Pages: {len(result.checked or [])}", "",
           "| Tệp / File | Bản dịch / Translation | Lỗi, cảnh báo / Findings |", "|---|---|---|"]
    for name in result.checked or []:
        state = states.get(name, "chưa đăng / not published")
        out.append(f"| {_code(name)} | {state} | {count.get(name, 0)} |")
    return [*out, ""]


def _cell(text: str) -> str:
    """Contributor text (file names, values quoted in messages) as plain text in a table cell:
    every ASCII punctuation mark backslash-escaped (CommonMark), so no HTML, link, autolink,
    emphasis or code span comes alive in the job summary, and one line."""
    return PUNCTUATION.sub(r"\\\g<0>", " ".join(text.split()))
