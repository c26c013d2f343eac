"""The built site tells editors and readers where translations stand: the status page lists
missing, pending and stale translations; a stale translation carries a notice linking to its
original; a Vietnamese draft never leaves its English published alone."""

from __future__ import annotations

import pytest
from mkdocs.exceptions import Abort

from helpers import SMALL_CONFIG, article, column_site, make_small_site, parse
from ttdn.content import frontmatter, text


def translated_from(original: str, translation: str) -> str:
    """`translation` recording the fingerprint of `original`, as `ttdn translated` writes it."""
    source = frontmatter.parse(original, "x")
    digest = text.digest(source.data, source.body)
    return translation.replace("---\n\n", f"translation: {{source: {digest}}}\n---\n\n", 1)


def status_site(small_site):
    files = column_site(0, 0)
    current = article("Bài đã dịch", "2023-02-01")
    files["vi/tin-bai/2023/da-dich.md"] = current
    english = article("Translated", "2023-02-01")
    files["en/tin-bai/2023/da-dich.md"] = translated_from(current, english)
    old = article("Bài đã sửa", "2023-02-02")
    files["vi/tin-bai/2023/da-sua.md"] = old.replace("nội dung bài viết", "nội dung đã sửa")
    files["en/tin-bai/2023/da-sua.md"] = translated_from(old, article("Edited", "2023-02-02"))
    files["vi/tin-bai/2023/cho-dich.md"] = article("Bài chờ dịch", "2023-02-03")
    files["en/tin-bai/2023/cho-dich.md"] = article("Chờ dịch", "2023-02-03").replace(
        "---\n\n", "translation: {pending: 2023-02-04}\n---\n\n", 1)
    return small_site(files)


@pytest.fixture
def built(small_site):
    return status_site(small_site)


def test_status_page_lists_missing_pending_and_stale_translations(built) -> None:
    doc = parse(built / "trang-thai-dich/index.html")
    rows = {
        row.xpath("string(td[1])").strip(): (row.get("class"), row.xpath("string(td[3])"))
        for row in doc.xpath("//table[@class='ttdn-status']//tbody/tr")
    }
    assert rows["Bài đã sửa"] == ("ttdn-status--stale", "docs/en/tin-bai/2023/da-sua.md")
    assert rows["Bài chờ dịch"] == ("ttdn-status--pending", "docs/en/tin-bai/2023/cho-dich.md")
    assert rows["Bài năm 2022"] == ("ttdn-status--missing", "docs/vi/tin-bai/2022/bai-nam-2022.md")
    assert "Bài đã dịch" not in rows
    assert "Đang chờ dịch (đề nghị ngày 2023-02-04)" in doc.text_content()
    link = doc.xpath("//tr[@class='ttdn-status--stale']//a/@href")
    assert link == ["../tin-bai/2023/da-sua/"]


def test_status_page_is_for_editors_only(built) -> None:
    doc = parse(built / "trang-thai-dich/index.html")
    assert doc.xpath("//meta[@name='robots']/@content") == ["noindex"]
    assert "trang-thai-dich" not in (built / "sitemap.xml").read_text("utf-8")
    nav_links = parse(built / "index.html").xpath("//nav//a/@href")
    assert not any("trang-thai-dich" in href for href in nav_links)


def test_stale_translation_shows_a_notice_linking_to_its_original(built) -> None:
    stale = parse(built / "en/tin-bai/2023/da-sua/index.html")
    notice = stale.xpath("//aside[contains(@class, 'ttdn-stale')]")
    assert len(notice) == 1
    assert "updated on 2 February 2023, after it was translated" in notice[0].text_content()
    assert notice[0].xpath(".//a/@href") == ["../../../../tin-bai/2023/da-sua/"]
    assert notice[0].xpath(".//a/@hreflang") == ["vi"]
    current = parse(built / "en/tin-bai/2023/da-dich/index.html")
    assert current.xpath("//aside[contains(@class, 'ttdn-stale')]") == []


def test_a_pending_translation_is_not_published(built) -> None:
    assert (built / "tin-bai/2023/cho-dich/index.html").is_file()
    assert not (built / "en/tin-bai/2023/cho-dich").exists()
    assert "cho-dich" not in (built / "en/tin-bai/feed.json").read_text("utf-8")


def test_a_vietnamese_draft_with_a_published_english_fails_the_build(small_site, caplog) -> None:
    files = column_site(1, 1)
    files["vi/tin-bai/2023/bai-01.md"] = files["vi/tin-bai/2023/bai-01.md"].replace(
        "---\n\n", "draft: true\n---\n\n", 1)
    with pytest.raises(Abort):
        small_site(files)
    assert "docs/en/tin-bai/2023/bai-01.md:2: translation-draft:" in caplog.text
    assert "would be published alone" in caplog.text


def test_an_empty_article_fails_the_build(small_site, caplog) -> None:
    files = column_site(1, 0)
    files["vi/tin-bai/2023/rong.md"] = article("Rỗng", "2023-03-01").split("\n\n")[0] + (
        "\n\n# Rỗng\n")
    with pytest.raises(Abort):
        small_site(files)
    assert "docs/vi/tin-bai/2023/rong.md:8: empty-body:" in caplog.text


REPO = "https://github.com/example/ttdn"


@pytest.fixture
def built_with_repo(tmp_path):
    """The status site with a repository and a configured owner, and a half-translated draft
    (an unpublished bulletin-like page whose translation is pending)."""
    config = SMALL_CONFIG.replace("      report_problem_url: bao-loi/\n",
                                  "      report_problem_url: bao-loi/\n"
                                  "      translation_owner: Sở Ngoại vụ\n"
                                  f"      repository: {REPO}\n")
    files = status_site(lambda f: f)
    draft = article("Bài nháp", "2023-02-05").replace("---\n\n", "draft: true\n---\n\n", 1)
    files["vi/tin-bai/2023/nhap.md"] = draft
    files["en/tin-bai/2023/nhap.md"] = article("Nhap", "2023-02-05").replace(
        "---\n\n", "draft: true\ntranslation: {pending: 2023-02-06}\n---\n\n", 1)
    return make_small_site(tmp_path, files, config)


def rows_of(doc) -> dict[str, list[str]]:
    return {
        row.xpath("string(td[1])").strip(): [row.xpath(f"string(td[{i}])").strip()
                                             for i in range(2, 7)]
        for row in doc.xpath("//table[@class='ttdn-status']//tbody/tr")
    }


def test_status_page_exists_in_both_languages(built_with_repo) -> None:
    vi = parse(built_with_repo / "trang-thai-dich/index.html")
    en = parse(built_with_repo / "en/trang-thai-dich/index.html")
    assert vi.xpath("string(//h1)") == "Tình trạng bản dịch"
    assert en.xpath("string(//h1)") == "Translation status"
    assert en.xpath("//html/@lang") == ["en"]
    assert set(rows_of(vi)) == set(rows_of(en))


def test_status_page_gives_totals_ages_owners_and_the_originals_history(built_with_repo) -> None:
    import datetime as dt

    en = parse(built_with_repo / "en/trang-thai-dich/index.html")
    totals = en.xpath("string(//p[@class='ttdn-status-totals'])")
    # Published originals: the 2022 article, da-dich, da-sua, cho-dich (+ home and column).
    assert "1 pending" in totals and "1 with a changed original" in totals
    assert "1 translations of unpublished pages" in totals
    rows = rows_of(en)
    today = dt.date.today()
    pending = rows["Bài chờ dịch"]
    assert pending[2] == f"{(today - dt.date(2023, 2, 4)).days} days"
    assert pending[3] == "Sở Thông tin và Truyền thông"  # the original's agency
    stale = rows["Bài đã sửa"]
    assert stale[2] == f"{(today - dt.date(2023, 2, 2)).days} days"
    link = en.xpath("//tr[@class='ttdn-status--stale']/td[6]/a/@href")
    assert link == [f"{REPO}/commits/main/docs/vi/tin-bai/2023/da-sua.md"]
    assert rows["Trang chủ"][3] == "Sở Ngoại vụ"  # no agency: the configured owner
    assert not en.xpath("//*[contains(@class, 'md-source')]")  # no widget asking GitHub


def test_a_half_translated_unpublished_page_is_never_all_translated(built_with_repo) -> None:
    vi = parse(built_with_repo / "trang-thai-dich/index.html")
    text = vi.text_content()
    assert "Mọi trang đều đã được dịch" not in text
    totals = vi.xpath("string(//p[@class='ttdn-status-totals'])")
    assert "và 1 bản dịch của trang chưa đăng" in totals  # counted …
    assert "Bài nháp" not in text and "nhap.md" not in text  # … never shown before publication
