"""An unchanged source gives the same bytes: dates from the content, identifiers from the key."""

from __future__ import annotations

import pikepdf

from ttdn.print import PRINT, SCREEN, render


def test_two_builds_of_an_unchanged_issue_give_identical_bytes(editions, tmp_path):
    for edition, name in ((PRINT, "vi-print"), (SCREEN, "bilingual-screen")):
        issues = [editions.vi, editions.en] if name.startswith("bilingual") else [editions.vi]
        again = render(issues, edition, tmp_path / name)  # an empty cache: rendered again
        assert not again.cached
        assert again.path.read_bytes() == editions.pdfs[name].path.read_bytes()


def test_dates_come_from_the_issue_and_not_the_clock(editions):
    with pikepdf.open(editions.pdfs["vi-print"].path) as pdf:
        assert str(pdf.docinfo["/CreationDate"]).startswith("D:20230331")
        assert str(pdf.docinfo["/ModDate"]).startswith("D:20230331")
