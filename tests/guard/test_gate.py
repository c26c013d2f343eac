"""One gate, two callers: `ttdn check` and `ttdn build` refuse the hostile corpus alike.

Each class is batched into one small site (files and links, Markdown limits, front matter,
bodies and PDFs), built and checked; every case must be refused by both, naming the same file
with the same rule, and the build's own verdicts must equal the check's.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from guard.checks import assert_same_verdicts, build_failing, findings_of, verdicts
from guard.corpus import FRONT_MATTER, LIMITS, REFUSED
from guard.pdfs import CLEAN_PDFS, HOSTILE_PDFS
from guard.sites import home_pages, jpeg_bytes, pdf_bytes, refused_files
from helpers import front
from ttdn.check import run_check
from ttdn.guard import gate, limits

RLO = "\u202e"


def gate_tree(root: Path) -> dict[str, str]:
    """Links, dotfiles, wrong suffixes, reserved paths and odd names, written under `root`;
    returns {path from root: rule} of what must be refused."""
    docs, photos, outside = root / "docs", root / "photos", root / "outside"
    for folder in (docs / "vi", docs / "en", photos, outside / "thu-muc"):
        folder.mkdir(parents=True, exist_ok=True)
    (outside / "thu-muc" / "trang.html").write_text("<script>alert(1)</script>", "utf-8")
    (outside / "trang.md").write_text(front("Ngoài") + "\nNgoài kho.\n", "utf-8")
    (outside / "anh.jpg").write_bytes(jpeg_bytes(gps=True))
    (outside / "passwd").write_text("root:x:0:0:root:/root:/bin/bash\n", "utf-8")
    (docs / "vi/tai-lieu").symlink_to(outside / "thu-muc", target_is_directory=True)
    (docs / "vi/mat-khau.md").symlink_to(outside / "trang.md")
    (docs / "en/passwd.pdf").symlink_to(outside / "passwd")
    (docs / "vi/hong.md").symlink_to(root / "nowhere.md")
    (photos / "lien-ket.jpg").symlink_to(outside / "anh.jpg")
    (photos / "thu-muc").symlink_to(outside, target_is_directory=True)
    written = {
        "docs/vi/.well-known/security.txt": "Contact: https://evil.example/",
        "docs/vi/.an.md": front("Ẩn") + "\nẨn.\n",
        "docs/en/.htaccess": "Redirect / https://evil.example/",
        "docs/vi/trang.markdown": front("Trang") + "\nTrang.\n",
        "docs/vi/trang-hai.mdown": front("Trang") + "\nTrang.\n",
        "docs/vi/trang-ba.MD": front("Trang") + "\nTrang.\n",
        "docs/ngoai.md": front("Ngoài") + "\nNgoài.\n",
        "docs/chung/ngoai.md": front("Ngoài") + "\nNgoài.\n",
        "docs/vi/en/index.md": front("Home") + "\nĐè trang chủ tiếng Anh.\n",
        "docs/vi/sitemap.xml.md": front("Sơ đồ") + "\nSơ đồ.\n",
        "docs/vi/tin-bai/rss.xml.md": front("Tin") + "\nTin.\n",
        "docs/vi/assets/ma.md": front("Mã") + "\nMã.\n",
        "docs/en/trang-thai-dich/index.md": front("Status") + "\nStatus.\n",
    }
    for name, text in written.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, "utf-8")
    (docs / f"vi/ke-hoach{RLO}fdp.mp4").write_bytes(pdf_bytes())
    return {
        "docs/vi/tai-lieu": "symlink", "docs/vi/mat-khau.md": "symlink",
        "docs/en/passwd.pdf": "symlink", "docs/vi/hong.md": "symlink",
        "photos/lien-ket.jpg": "symlink", "photos/thu-muc": "symlink",
        "docs/vi/.well-known": "dotfile", "docs/vi/.an.md": "dotfile",
        "docs/en/.htaccess": "dotfile",
        "docs/vi/trang.markdown": "page-suffix", "docs/vi/trang-hai.mdown": "page-suffix",
        "docs/vi/trang-ba.MD": "page-suffix",
        "docs/ngoai.md": "outside-language", "docs/chung": "outside-language",
        "docs/vi/en": "reserved-path", "docs/vi/sitemap.xml.md": "reserved-path",
        "docs/vi/tin-bai/rss.xml.md": "reserved-path", "docs/vi/assets": "reserved-path",
        "docs/en/trang-thai-dich": "reserved-path",
        "docs/vi/ke-hoach<U+202E>fdp.mp4": "file-name-characters",  # shown as stored
    }


def limits_pages() -> tuple[dict[str, str], dict[str, str]]:
    pages = {f"vi/gioi-han/{name}.md": front(f"Giới hạn {name}") + "\n" + text + "\n"
             for name, (text, _) in LIMITS.items()}
    expected = {f"docs/vi/gioi-han/{name}.md": rule for name, (_, rule) in LIMITS.items()}
    return pages, expected


def front_matter_pages() -> tuple[dict[str, str], dict[str, str]]:
    pages, expected = {}, {}
    for name, (extra, rule) in FRONT_MATTER.items():
        agency = "" if "agency:" in extra else "agency: Sở Ngoại vụ\n"
        about = "" if "description:" in extra else "description: Bài thử.\n"
        pages[f"vi/tin-bai/2023/{name}.md"] = (
            f"---\ntitle: Bài thử\n{about}date: 2023-01-02\n"
            f"category: bien-dao\n{agency}{extra}---\n\nNội dung bài.\n")
        expected[f"docs/vi/tin-bai/2023/{name}.md"] = rule
    return pages, expected


@pytest.fixture(scope="module")
def gate_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("gate")
    expected = gate_tree(root)
    pages, too_big = limits_pages()
    built, checked, report = verdicts(root, {**home_pages(), **pages})
    return root, {**expected, **too_big}, built, checked, report


def test_links_dotfiles_names_and_limits_get_the_same_verdict_in_check_and_build(gate_site):
    _, expected, built, checked, _ = gate_site
    assert_same_verdicts(built, checked, expected)


def test_a_linked_folder_and_files_are_never_read_nor_published(gate_site):
    root, _, _, _, report = gate_site
    assert "alert(1)" not in report and "root:x" not in report
    assert not (root / "site").exists() or not any((root / "site").rglob("trang.html"))
    assert "Replace the link by the real file or folder" in report


def test_the_home_page_of_another_language_cannot_be_overwritten(gate_site):
    _, _, built, _, report = gate_site
    assert ("docs/vi/en", "reserved-path") in built
    assert "another language's folder" in report


def test_limits_name_the_line_and_say_what_to_write(gate_site):
    _, _, _, _, report = gate_site
    # front() is 5 lines and a blank one: the page's Markdown starts on line 7.
    assert "docs/vi/gioi-han/list-one-line.md:7: line-too-long" in report
    assert "docs/vi/gioi-han/list-nested-lines.md:15: nesting-too-deep" in report
    assert "docs/vi/gioi-han/quote-nested.md:7: nesting-too-deep" in report
    assert f"docs/vi/gioi-han/table-long.md:{7 + 2 + limits.MAX_TABLE_ROWS}: table-too-long" \
        in report
    assert "docs/vi/gioi-han/page-large.md:1: page-too-large" in report
    assert "split it into several pages" in report and "use headings" in report


def test_the_issues_pathological_lists_are_refused_in_well_under_a_second(tmp_path):
    docs = tmp_path / "docs/vi"
    docs.mkdir(parents=True)
    (docs / "mot-dong.md").write_text("- 1. " * 25_000, "utf-8")
    nested = "\n".join("  " * (i % 400) + "- x" for i in range(200_000))  # ~4 MB
    (docs / "long-nhau.md").write_text(nested, "utf-8")
    (docs / "rat-lon.md").write_bytes(b"- " * 12_500_000)  # 25 MB
    start = time.perf_counter()
    scope = gate.walk(tmp_path, tmp_path / "docs", tmp_path / "photos", ["vi"])
    assert time.perf_counter() - start < 0.5
    assert {(Path(f.path).name, f.rule) for f in scope.findings} == {
        ("mot-dong.md", "line-too-long"), ("long-nhau.md", "page-too-large"),
        ("rat-lon.md", "page-too-large")}
    assert scope.pages["vi"] == []
    # And end to end: both commands name the three pages, with no traceback and no hang.
    report, _ = build_failing(tmp_path, home_pages())
    checked = run_check(tmp_path / "mkdocs.yml")
    for name, rule in (("mot-dong.md", "line-too-long"), ("long-nhau.md", "page-too-large")):
        assert f"docs/vi/{name}:1: {rule}" in report
        assert (f"docs/vi/{name}", 1, rule) in {(f.path, f.line, f.rule) for f in checked.errors}
    assert "Traceback" not in report and checked.seconds < 5


def test_the_plan_page_is_within_every_limit() -> None:
    from helpers import ROOT

    for lang in ("vi", "en"):
        text = (ROOT / f"docs/{lang}/van-ban/ke-hoach-197-kh-ubnd.md").read_text("utf-8")
        assert limits.excesses(text) == []
        assert limits.page_size(len(text.encode())) is None


def test_front_matter_templates_duplicates_and_invisible_characters_agree(tmp_path):
    pages, expected = front_matter_pages()
    built, checked, report = verdicts(tmp_path, {**home_pages(), **pages,
                                                 "vi/tin-bai/index.md": front("Chuyên mục")
                                                 + "\nChuyên mục.\n",
                                                 "en/tin-bai/index.md": front("Column")
                                                 + "\nColumn.\n"})
    assert_same_verdicts(built, checked, expected)
    assert "docs/vi/tin-bai/2023/template-traversal.md:7: schema: 'template'" in report
    assert "(lines 2 and 7)" in report  # duplicate-title: both lines named
    assert "docs/vi/tin-bai/2023/bidi-escaped-agency.md:6: schema: Giá trị 'agency'" in report
    assert "U+202E" in report and "U+200B" in report and "U+FEFF" in report


def test_bodies_and_pdfs_get_the_same_verdict_in_check_and_build(tmp_path):
    folder = tmp_path / "docs/vi/tep"
    folder.mkdir(parents=True)
    for name, (data, _) in HOSTILE_PDFS.items():
        (folder / name).write_bytes(data)
    for name, data in CLEAN_PDFS.items():
        (folder / name).write_bytes(data)
    # The whole body corpus: refused cases, and EITHER's (refused or clean, but alike).
    built, checked, report = verdicts(tmp_path, refused_files())
    expected = {f"docs/vi/tep/{name}": "file-pdf" for name in HOSTILE_PDFS}
    expected |= {f"docs/vi/c/{case.name}.md": "" for case in REFUSED}
    assert_same_verdicts(built, checked, {k: v for k, v in expected.items() if v})
    refused = {path for path, _ in built}
    assert {path for path in expected if path.startswith("docs/vi/c/")} <= refused
    assert not {path for path, _ in built if path.startswith("docs/vi/tep/")} & {
        f"docs/vi/tep/{name}" for name in CLEAN_PDFS}
    for name, (_, reason) in HOSTILE_PDFS.items():
        assert reason in report[report.index(f"docs/vi/tep/{name}"):], name


def test_check_alone_refuses_a_linked_folder_that_path_rglob_never_entered(tmp_path):
    expected = gate_tree(tmp_path)
    (tmp_path / "mkdocs.yml").write_text(_small_config(), "utf-8")
    checked = {(f.path, f.rule) for f in run_check(tmp_path / "mkdocs.yml").errors}
    assert set(expected.items()) <= checked
    assert os.path.islink(tmp_path / "docs/vi/tai-lieu")


def _small_config() -> str:
    from helpers import ROOT, SITE_URL, SMALL_CONFIG

    return SMALL_CONFIG.format(site_url=SITE_URL, overrides=ROOT / "overrides",
                               cache_dir=ROOT / ".cache" / "plugin" / "ttdn")


def test_photo_book_manifests_get_the_same_verdict_in_check_and_build(tmp_path):
    from photobook.photobook_fixtures import book_files, build_book, entry, manifest, write_book

    chapters = {"thieu-nguon": 1, "khoa-lap": 2, "ky-tu-an": 3}
    doubled = entry("a.jpg").replace("    date:", "    place: {vi: x, en: y}\n    date:")
    photos: dict = {f"sach-anh/{slug}/a.jpg": (300, 200) for slug in chapters}
    photos |= {
        "sach-anh/thieu-nguon/manifest.yml": manifest(entry("a.jpg", credit=None)),
        "sach-anh/khoa-lap/manifest.yml": manifest(doubled),
        "sach-anh/ky-tu-an/manifest.yml": manifest(
            entry("a.jpg", photographer='"Nguyễn\\u202eVăn A"')),
    }
    write_book(tmp_path, book_files(chapters), photos)
    expected = {"photos/sach-anh/thieu-nguon/manifest.yml": "manifest",
                "photos/sach-anh/khoa-lap/manifest.yml": "yaml-duplicate-key",
                "photos/sach-anh/ky-tu-an/manifest.yml": "manifest"}
    report, _ = build_failing(tmp_path, {}, lambda: build_book(tmp_path))
    built = {(path, rule) for path, _, rule in findings_of(report)}
    checked = {(f.path, f.rule) for f in run_check(tmp_path / "mkdocs.yml").errors}
    assert_same_verdicts(built, checked, expected)
    assert "photos/sach-anh/khoa-lap/manifest.yml:7: yaml-duplicate-key" in report
    assert "(lines 5 and 7)" in report and "U+202E" in report


def test_the_build_drops_any_file_whose_real_path_is_outside_docs(tmp_path):
    """Behind the gate: whatever put a linked file in MkDocs' list, on_files removes it."""
    from types import SimpleNamespace

    from mkdocs.structure.files import File, Files

    from ttdn.plugins.guard.plugin import GuardPlugin

    docs, outside = tmp_path / "docs", tmp_path / "outside"
    (docs / "vi").mkdir(parents=True)
    outside.mkdir()
    (outside / "x.html").write_text("<script>alert(1)</script>", "utf-8")
    (docs / "vi/a.md").write_text(front("A") + "\nA.\n", "utf-8")
    (docs / "vi/tai-lieu").symlink_to(outside, target_is_directory=True)
    (docs / "vi/b.md").symlink_to(outside / "x.html")
    plugin = GuardPlugin()
    plugin.root, plugin.docs = tmp_path, docs.resolve()
    site = str(tmp_path / "site")
    files = Files([File(uri, str(docs), site, True)
                   for uri in ("vi/a.md", "vi/tai-lieu/x.html", "vi/b.md")])
    kept = plugin.on_files(files, config=SimpleNamespace(docs_dir=str(docs)))
    assert [f.src_uri for f in kept] == ["vi/a.md"]
