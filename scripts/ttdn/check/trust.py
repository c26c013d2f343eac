"""The trust boundary's rules (ttdn.guard, built on branch `guard`): what a page's rendered
content may hold (allow-listed HTML, URL schemes, no comments) and which files docs/ may hold.

SEAM: `ttdn.guard` is not on this branch yet. When it lands, `trust_findings` calls its
sanitiser on each page's rendered HTML and its docs-file policy on docs/; until then it finds
nothing, and `ttdn check` says so in its summary (`TRUST_RULES_AVAILABLE`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ttdn.content import Entry
from ttdn.findings import Finding

if TYPE_CHECKING:
    from ttdn.check import Project

TRUST_RULES_AVAILABLE = False


def trust_findings(project: Project, entries: Sequence[Entry], whole_site: bool) -> list[Finding]:
    return []
