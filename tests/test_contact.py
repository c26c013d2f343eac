"""The contact page's details come from mkdocs.yml; placeholders are shown as placeholders and
reported (a notice that never fails the strict build); the same rule runs in `ttdn check`."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ROOT, SMALL_CONFIG, front, make_small_site, parse
from ttdn.check import run_check
from ttdn.contact import contact_findings, is_placeholder, load_contact

REAL = {
    "department": {"vi": "Cơ quan A", "en": "Department A"},
    "address": {"vi": "Số 1, đường B", "en": "1 B Street"},
    "email": "a@b.vn",
    "phone": "+84 255 123 456",
    "press": {"vi": "Phòng C", "en": "Office C"},
}


@pytest.mark.parametrize("value", ["[Tên cơ quan]", "x@ttdn.example.invalid", "+84 000 000 000",
                                   "0000000"])
def test_placeholders_are_recognised(value: str) -> None:
    assert is_placeholder(value)


@pytest.mark.parametrize("value", ["Sở A", "a@b.vn", "+84 255 123 456", "0255 3822 000"])
def test_real_values_are_not_placeholders(value: str) -> None:
    assert not is_placeholder(value)


def test_the_shipped_values_are_placeholders_and_warned_about() -> None:
    config = ROOT / "mkdocs.yml"
    findings = run_check(config).findings
    (warning,) = [f for f in findings if f.rule == "contact-placeholder"]
    assert warning.severity == "warning" and warning.path == "mkdocs.yml"
    assert config.read_text("utf-8").splitlines()[warning.line - 1].strip() == "contact:"
    assert "chờ tỉnh xác nhận" in warning.vi and "to be confirmed" in warning.en


def test_real_values_raise_no_warning(tmp_path: Path) -> None:
    contact, errors = load_contact(REAL, tmp_path / "mkdocs.yml")
    assert errors == [] and contact_findings(contact, tmp_path / "mkdocs.yml") == []


def test_a_missing_field_is_an_error_naming_it(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("plugins:\n  - ttdn-site:\n      contact:\n        email: a@b.vn\n")
    contact, errors = load_contact({"email": "a@b.vn"}, config)
    assert contact is None
    (error,) = errors
    assert error.line == 3 and "department" in error.en and "department" in error.vi


def test_contact_page_shows_the_configured_details_in_each_language(tmp_path: Path) -> None:
    lines = ["      contact:"]
    for key, value in REAL.items():
        if isinstance(value, dict):
            lines += [f"        {key}:", *(f'          {c}: "{v}"' for c, v in value.items())]
        else:
            lines.append(f'        {key}: "{value}"')
    config = SMALL_CONFIG.replace(
        "      report_problem_url: bao-loi/\n",
        "      report_problem_url: bao-loi/\n" + "\n".join(lines) + "\n",
    )
    site = make_small_site(tmp_path, {
        "vi/index.md": front("Trang chủ") + "# Trang chủ\n",
        "en/index.md": front("Home") + "# Home\n",
        "vi/lien-he.md": front("Liên hệ") + "# Liên hệ\n",
        "en/lien-he.md": front("Contact") + "# Contact\n",
    }, config)
    for prefix, code in (("", "vi"), ("en/", "en")):
        doc = parse(site / prefix / "lien-he/index.html")
        shown = [" ".join(dd.itertext()).strip() for dd in doc.xpath("//dl[contains(@class, "
                                                                      "'ttdn-contact')]/dd")]
        assert shown == [REAL["department"][code], REAL["address"][code], REAL["email"],
                         REAL["phone"], REAL["press"][code]]
        assert doc.xpath("//a[@href='mailto:a@b.vn']")
        footer = parse(site / prefix / "index.html").xpath("//footer//a/@href")
        assert any(href.endswith("lien-he/") for href in footer)
