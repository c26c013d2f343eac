"""ttdn.guard.sanitize on its own: what the site's Markdown writes passes unchanged, URL rules,
and the lines the locator gives."""

from __future__ import annotations

import markdown
import pytest

from ttdn.guard.sanitize import Locator, Problem, check, url_problem
from ttdn.slugs import heading_slug

EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html",
              "tables", "toc", "pymdownx.details", "pymdownx.superfences"]
CONFIGS = {"toc": {"permalink": True, "permalink_title": "", "slugify": heading_slug},
           "tables": {"use_align_attribute": True}}
SITE_MARKDOWN = """\
# Đà Nẵng và Quảng Ngãi

Văn bản có chú thích[^1] và UBND.

| A | B |
|:--|--:|
| 1 | 2 |

!!! warning "Chú ý"
    Nội dung.

??? note "Mở"
    Nội dung ẩn.

Thuật ngữ
:   Định nghĩa.

```python
print("<script>")
```

[^1]: Chú thích.

*[UBND]: Ủy ban nhân dân
"""


def test_what_the_sites_markdown_writes_passes_unchanged() -> None:
    html = markdown.markdown(SITE_MARKDOWN, extensions=EXTENSIONS, extension_configs=CONFIGS)
    cleaned, problems = check(html)
    assert problems == []
    assert 'class="headerlink"' in cleaned and 'id="da-nang-va-quang-ngai"' in cleaned
    assert 'align="right"' in cleaned and "<abbr" in cleaned and "<details" in cleaned


@pytest.mark.parametrize(("tag", "url", "rule"), [
    ("a", "https://example.org/", None), ("a", "mailto:a@b.vn", None), ("a", "tel:+84", None),
    ("a", "../van-ban/", None), ("a", "#muc", None), ("a", "?q=1", None),
    ("a", "http://example.org/", "url-http"), ("a", "//evil.example/", "url-scheme"),
    ("a", "/\\evil.example/", "url-scheme"), ("a", "JAVASCRIPT:alert(1)", "url-scheme"),
    ("a", "java\nscript:alert(1)", "url-scheme"), ("a", " \x0e javascript:x", "url-scheme"),
    ("a", "data:text/html,x", "url-scheme"), ("a", "vbscript:x", "url-scheme"),
    ("img", "../assets/images/a.jpg", None), ("img", "https://tracker.example/p.gif",
                                              "image-remote"),
    ("img", "data:image/png;base64,AA", "image-remote"), ("img", "//cdn.example/a.png",
                                                          "image-remote"),
])
def test_url_rules(tag: str, url: str, rule: str | None) -> None:
    found = url_problem(tag, "href" if tag == "a" else "src", url)
    assert (found.rule if found else None) == rule


def test_the_locator_finds_each_occurrence_in_the_body_before_the_front_matter() -> None:
    source = "---\ntitle: <script> trong tiêu đề\n---\n\n<script>a</script>\n\n<script>b</script>\n"
    locator = Locator(source, body_start=4)
    problem = Problem("html-element", "vi", "en", ("<script",))
    assert [locator.line_of(problem) for _ in range(3)] == [5, 7, 5]
    encoded = Problem("url-scheme", "vi", "en", ("javascript:alert(1)",))
    assert Locator("x\n[a](&#106;avascript:alert(1))\n").line_of(encoded) == 2


@pytest.mark.parametrize("tag", ["div", "span", "b", "blockquote"])
@pytest.mark.parametrize("levels", [65, 300, 3000])
def test_html_nested_beyond_the_limit_is_refused_whatever_the_element(tag: str, levels: int):
    """libxml2 stops reading at 256 levels: the rest of such a page would vanish from what
    the guard compares and the search reads, so the nesting itself is refused."""
    content = f"<{tag}>" * levels + "tail text" + f"</{tag}>" * levels
    _, found = check(content)
    assert "html-nesting-too-deep" in {p.rule for p in found}


def test_the_deepest_markdown_the_limits_allow_passes_the_nesting_rule():
    deepest = "\n".join(" " * 4 * level + "- > mục" for level in range(8))
    html = markdown.markdown(deepest, extensions=EXTENSIONS, extension_configs=CONFIGS)
    _, found = check(html)
    assert "html-nesting-too-deep" not in {p.rule for p in found}
