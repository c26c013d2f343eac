"""The bulletin in the built site, both languages: home and archive, issue, articles, PDFs, feed."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path
from urllib.parse import urljoin

import feedparser
import pytest
from pypdf import PdfReader

from helpers import ROOT
from print.pdf_reading import fonts, outline_titles, xmp_attributes
from ttdn.content import frontmatter

ISSUE = "ban-tin/2023/q1/"
LABEL = {"vi": "Số 1/2023", "en": "Issue 1/2023"}
PREFIX = {"vi": "", "en": "en/"}


def contents(lang: str) -> list[tuple[str, str]]:
    """(slug, title) of Issue 1/2023's articles in `order`, read from the Markdown files."""
    found = []
    for path in (ROOT / "docs" / lang / ISSUE).glob("*.md"):
        if path.name != "index.md":
            data = frontmatter.read(path, path.name).data
            found.append((data["order"], path.stem, data["title"]))
    return [(slug, title) for _, slug, title in sorted(found)]


def texts(elements) -> list[str]:
    return [" ".join(e.text_content().split()) for e in elements]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_bulletin_home_shows_the_latest_issue_with_cover_and_contents(pages, lang):
    doc = pages[f"{PREFIX[lang]}ban-tin/index.html"]
    (card,) = doc.xpath("//section[@class='ttdn-issue-card']")
    (link,) = card.xpath(".//h2/a")
    assert link.text_content() == LABEL[lang] and link.get("href") == "2023/q1/"
    assert card.xpath(".//picture//img[@alt]"), "the latest issue's cover"
    assert texts(card.xpath(".//ol/li/a")) == [title for _, title in contents(lang)]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_bulletin_archive_groups_issues_by_year(pages, lang):
    doc = pages[f"{PREFIX[lang]}ban-tin/index.html"]
    (year,) = doc.xpath("//h3[following-sibling::ul[1][@class='ttdn-issues']]")
    assert year.text_content() == "2023"
    (item,) = year.xpath("following-sibling::ul[1]/li/a")
    assert item.text_content() == LABEL[lang] and item.get("href") == "2023/q1/"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_issue_page_lists_its_articles_in_contents_order(pages, lang):
    doc = pages[f"{PREFIX[lang]}{ISSUE}index.html"]
    links = doc.xpath("//nav[@class='ttdn-contents']//li/a")
    assert [(a.get("href").strip("/"), a.text_content()) for a in links] == contents(lang)
    assert LABEL[lang] in doc.xpath("string(//div[@class='ttdn-article-meta'])")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_article_breadcrumb_leads_to_the_bulletin_and_its_issue(pages, lang):
    slug, _ = contents(lang)[1]
    doc = pages[f"{PREFIX[lang]}{ISSUE}{slug}/index.html"]
    crumbs = doc.xpath("//nav[@class='ttdn-breadcrumb']//a")
    # Home › Bulletin › Issue 1/2023, above the title (one breadcrumb for every page type).
    here = f"https://x/{PREFIX[lang]}{ISSUE}{slug}/"
    resolved = [urljoin(here, a.get("href")).rstrip("/") for a in crumbs]
    home = f"https://x/{PREFIX[lang]}".rstrip("/")
    assert resolved == [home, f"{home}/ban-tin", f"https://x/{PREFIX[lang]}{ISSUE}".rstrip("/")]
    assert crumbs[2].text_content() == LABEL[lang]
    (h1,) = doc.xpath("//h1")
    assert doc.xpath("//nav[@class='ttdn-breadcrumb']/following::h1") == [h1]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_previous_and_next_follow_the_issue_contents(pages, lang):
    order = [slug for slug, _ in contents(lang)]
    for i, slug in enumerate(order):
        doc = pages[f"{PREFIX[lang]}{ISSUE}{slug}/index.html"]
        previous = doc.xpath("//nav[@class='ttdn-neighbours']//a[@rel='prev']/@href")
        following = doc.xpath("//nav[@class='ttdn-neighbours']//a[@rel='next']/@href")
        assert previous == ([f"../{order[i - 1]}/"] if i > 0 else []), slug
        assert following == ([f"../{order[i + 1]}/"] if i + 1 < len(order) else []), slug


def pdf_links(pages, site: Path, lang: str) -> list[tuple[Path, str, str]]:
    doc = pages[f"{PREFIX[lang]}{ISSUE}index.html"]
    found = []
    for li in doc.xpath("//section[@class='ttdn-pdfs']//li"):
        (a,) = li.xpath("a")
        target = (site / PREFIX[lang] / ISSUE / a.get("href")).resolve()
        found.append((target, a.text_content(), li.text_content()))
    return found


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_issue_page_links_its_pdfs_with_their_sizes(pages, site, lang):
    links = pdf_links(pages, site, lang)
    assert len(links) == 3  # screen and print in this language, and the bilingual edition
    for target, _, text in links:
        assert target.is_file()
        size = re.search(r"\(PDF, (\d+)[,.](\d) MB\)", text)  # the format, then the size
        assert float(f"{size[1]}.{size[2]}") == pytest.approx(target.stat().st_size / 1e6, abs=0.05)
    assert any("vi-en" in target.name for target, _, _ in links)


def built_pdfs(site: Path) -> list[Path]:
    """The bulletin's PDFs (the photo book has its own, under sach-anh/)."""
    return sorted(p for p in site.rglob("*.pdf") if "ban-tin" in p.relative_to(site).parts)


def test_the_build_makes_five_pdfs_per_issue(site):
    names = {p.name for p in built_pdfs(site)}
    assert names == {f"ban-tin-doi-ngoai-quang-ngai-2023-q1-{s}.pdf"
                     for s in ("vi", "vi-in", "en", "en-in", "vi-en")}


def test_every_built_pdf_is_tagged_embeds_its_fonts_and_lists_the_articles(site):
    for path in built_pdfs(site):
        pdf = PdfReader(path)
        edition = path.stem.removeprefix("ban-tin-doi-ngoai-quang-ngai-2023-q1-")
        lang = "en" if edition in ("en", "en-in") else "vi"  # the bilingual one starts in vi
        articles = contents(lang) + (contents("en") if "vi-en" in path.name else [])
        assert 2 + len(articles) <= len(pdf.pages) <= 2 + 3 * len(articles) + 2, path.name
        catalog = pdf.trailer["/Root"]
        assert catalog["/Lang"] == lang and "/StructTreeRoot" in catalog, path.name
        assert catalog["/MarkInfo"]["/Marked"].value is True
        xmp = xmp_attributes(pdf)
        assert xmp.get("pdfuaid:part") == "1" or xmp.get("pdfaid:part") == "2", path.name
        assert pdf.metadata.title and pdf.metadata.author and pdf.metadata.creation_date
        for base, descriptor in fonts(pdf).items():
            assert "Be-Vietnam-Pro" in base and "/FontFile2" in descriptor, path.name
        titles = [title for _, title in outline_titles(pdf)]
        for _, title in articles:
            assert title in titles, (path.name, title)
        text = unicodedata.normalize("NFC", "".join(p.extract_text() for p in pdf.pages))
        assert "Quảng Ngãi" in text
        check = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
        assert check.returncode == 0, check.stdout


def test_print_pdf_links_point_at_the_site_not_at_markdown(site):
    pdf = PdfReader(site / ISSUE / "ban-tin-doi-ngoai-quang-ngai-2023-q1-vi.pdf")
    uris = [
        annot.get_object()["/A"]["/URI"]
        for page in pdf.pages for annot in page.get("/Annots", [])
        if "/URI" in annot.get_object().get("/A", {})
    ]
    assert "https://ttdn.example.test/van-ban/ke-hoach-197-kh-ubnd/" in uris
    assert not [uri for uri in uris if ".md" in uri]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_issue_feed_parses_with_the_pdf_as_enclosure(site, lang):
    feed = feedparser.parse((site / PREFIX[lang] / "ban-tin" / "rss.xml").read_bytes())
    assert not feed.bozo and feed.feed.language == lang
    assert feed.feed.title == {"vi": "Bản tin Đối ngoại Quảng Ngãi",
                               "en": "Quảng Ngãi Foreign Affairs Bulletin"}[lang]
    (item,) = feed.entries
    (enclosure,) = item.enclosures
    assert enclosure.type == "application/pdf"
    target = site / enclosure.href.removeprefix("https://ttdn.example.test/")
    assert target.is_file() and int(enclosure.length) == target.stat().st_size
    assert target.name.endswith(f"-{lang}.pdf")


def test_every_picture_is_credited_under_it_in_the_pdfs(site):
    """The credit written after " | " in each image's title is printed in every edition."""
    seen = 0
    for path in built_pdfs(site):
        edition = path.stem.removeprefix("ban-tin-doi-ngoai-quang-ngai-2023-q1-")
        langs = ["vi", "en"] if edition == "vi-en" else ["en" if "en" in edition else "vi"]
        text = " ".join(" ".join((page.extract_text() or "").split())
                        for page in PdfReader(path).pages)
        for lang in langs:
            for article in (ROOT / "docs" / lang / ISSUE).glob("*.md"):
                for credit in re.findall(r'\]\([^)]* "[^"|]*\| ([^"]+)"\)', article.read_text()):
                    assert credit.split(",")[0] in text, (path.name, credit)
                    seen += 1
    assert seen >= 5 * 4  # four credited pictures, in each of the five editions


def test_no_page_is_left_with_a_few_lines(site):
    """Articles follow on and the colophon shares the last article's page: apart from the
    covers ("Số 1/2023 · Quý I/2023" under the title) and the print editions' blank pages,
    every page holds at least 8 lines (running head and page number included)."""
    checked = 0
    for path in built_pdfs(site):
        for number, page in enumerate(PdfReader(path).pages, start=1):
            text = page.extract_text() or ""
            lines = [line for line in text.splitlines() if line.strip()]
            if not lines or any(f"{label} · " in text for label in LABEL.values()):
                continue  # a blank page of a print edition, or a cover
            assert len(lines) >= 8, (path.name, number, lines)
            checked += 1
    assert checked >= 5 * 5
