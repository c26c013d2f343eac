"""Lighthouse 12 (mobile preset) on one page per type and language: Accessibility, Best Practices
and SEO must score 100. Performance varies with the machine's load: benchmarks/audit.py reports
it."""

from __future__ import annotations

import pytest

from support.audit import LANGUAGES, PAGE_TYPES, lighthouse, page_path

pytestmark = pytest.mark.audit

CATEGORIES = ["accessibility", "best-practices", "seo"]


@pytest.fixture(scope="module")
def reports(audited) -> dict[str, dict]:
    """One Lighthouse run per built page type and language, all in one Chromium."""
    urls = []
    for page_type in PAGE_TYPES:
        for lang in LANGUAGES:
            path = page_path(audited.site_dir, page_type, lang)
            if path is not None:
                urls.append(audited.base_url + path)
    return {report["url"]: report for report in lighthouse(urls, CATEGORIES)}


@pytest.mark.parametrize("category", CATEGORIES)
@pytest.mark.parametrize("lang", list(LANGUAGES))
@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda t: t.name)
def test_lighthouse_category_scores_100(audited, reports, page_type, lang, category) -> None:
    report = reports[audited.url(page_type, lang)]
    failed = [f for f in report["failed"] if f["category"] == category]
    assert report["scores"][category] == 100, "\n".join(
        f"{f['id']} ({f['score']}): {f['title']} {f['explanation']}" for f in failed
    )
