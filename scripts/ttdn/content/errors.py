"""The one exception the content readers raise for a file they cannot read at all."""

from __future__ import annotations

from ttdn.findings import Finding


class ContentError(Exception):
    """A file stops being read here (bad YAML, not UTF-8): its finding says why and where."""

    def __init__(self, finding: Finding):
        self.finding = finding
        super().__init__(str(finding))
