"""A directive document can say whether it is in force, replaced (by which) or expired; the plan
197 page says nothing (the sources do not say) and has a folded contents list."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from helpers import front, parse
from ttdn.content.schema import DocumentMeta

BASE = {"title": "T", "description": "D", "date": dt.date(2023, 1, 2), "number": "1/KH-UBND",
        "issuer": "UBND", "signer": "A"}


@pytest.mark.parametrize("status", ["in-force", "expired"])
def test_status_is_accepted(status: str) -> None:
    assert DocumentMeta(**BASE, status=status).status == status


def test_replaced_needs_the_replacing_document() -> None:
    with pytest.raises(ValidationError, match="replaced_by"):
        DocumentMeta(**BASE, status="replaced")
    with pytest.raises(ValidationError, match="replaced_by"):
        DocumentMeta(**BASE, status="in-force", replaced_by="2/KH-UBND")
    assert DocumentMeta(**BASE, status="replaced", replaced_by="2/KH-UBND").replaced_by


def test_unknown_status_is_refused() -> None:
    with pytest.raises(ValidationError):
        DocumentMeta(**BASE, status="valid")


def doc_front(title: str, **extra: str) -> str:
    return front(title, number="1/KH-UBND", issuer="UBND", signer="A", **extra)


def test_status_is_shown_in_both_languages(small_site) -> None:
    body = "\n".join(f"## Phần {n}\n\nVăn bản.\n" for n in range(1, 5))
    site = small_site({
        "vi/index.md": front("Trang chủ") + "# Trang chủ\n",
        "en/index.md": front("Home") + "# Home\n",
        "vi/van-ban/index.md": front("Văn bản") + "# Văn bản\n",
        "en/van-ban/index.md": front("Documents") + "# Documents\n",
        "vi/van-ban/cu.md": doc_front("Cũ", status="replaced", replaced_by="2/KH-UBND")
        + "# Cũ\n\n" + body,
        "en/van-ban/cu.md": doc_front("Old", status="replaced", replaced_by="2/KH-UBND")
        + "# Old\n\n" + body,
    })
    vi = parse(site / "van-ban/cu/index.html")
    assert vi.xpath("string(//dd[contains(@class, 'ttdn-status')])").strip() == (
        "Đã được thay thế: bởi văn bản 2/KH-UBND"
    )
    en = parse(site / "en/van-ban/cu/index.html")
    assert en.xpath("string(//dd[contains(@class, 'ttdn-status')])").strip() == (
        "Replaced: by document 2/KH-UBND"
    )
    (contents,) = vi.xpath("//details[@class='ttdn-doc-toc']")
    assert contents.get("open") is None
    assert contents.xpath(".//a/@href") == [f"#phan-{n}" for n in range(1, 5)]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_plan_197_states_no_status_and_has_contents_first(pages: dict, prefix: str) -> None:
    doc = pages[prefix + "van-ban/ke-hoach-197-kh-ubnd/index.html"]
    assert doc.xpath("//dd[contains(@class, 'ttdn-status')]") == []  # the sources do not say
    (contents,) = doc.xpath("//details[@class='ttdn-doc-toc']")
    # On the first screen: right under the title and the document's identity, before its text.
    (number,) = [p for p in doc.xpath("//article//p") if "197/KH-UBND" in p.text_content()
                 and "Quảng Ngãi" in p.text_content()][:1]
    order = list(doc.iter())
    assert order.index(doc.xpath("//h1")[0]) < order.index(contents) < order.index(number)
    assert len(contents.xpath(".//a")) == 5
