"""Pages that are finished but dated after today: not published yet, and said so.

A finished page (not a draft, not a pending translation) dated in the future is left out of the
build until its date, and the deploy workflow's daily run publishes it then. Without a word an
editor would think it lost: a bulletin issue's skeleton is dated at the quarter's end, so an
issue finished early silently waits. `ttdn check` says when each will appear (a warning: it
does not stop anything).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ttdn.content import Content, ContentType, type_of
from ttdn.findings import Finding


def scheduled_findings(
    content: Content, types: Iterable[ContentType], today: dt.date
) -> list[Finding]:
    kinds = tuple(types)
    findings = []
    for lang in content.languages.all:
        for entry in content.held.get(lang.code, {}).values():
            meta = entry.meta
            if meta.pending or getattr(meta, "draft", False):
                continue
            if not type_of(entry.src, kinds).schedulable or meta.date <= today:
                continue
            day = meta.date.isoformat()
            findings.append(Finding(
                entry.shown, entry.line_of("date"), "scheduled",
                f"Trang đã xong nhưng hẹn đăng ngày {day} (ngày ghi ở 'date'): trang tự xuất "
                "hiện vào ngày đó. Muốn đăng ngay, ghi ngày hôm nay hoặc một ngày đã qua.",
                f"The page is finished but scheduled for {day} (its 'date'): it appears by "
                "itself on that day. To publish it now, write today's date or an earlier one.",
                severity="warning",
            ))
    return findings
