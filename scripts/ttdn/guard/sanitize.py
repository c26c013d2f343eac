"""A page's rendered content, checked against the allow-list and sanitised by nh3 (ammonia).

The check runs on the HTML that Markdown produced, so no Markdown trick (entities, reference
links, autolinks, attr_list, raw HTML blocks) gets around it. Two passes:

1. `problems()` walks the content (lxml) and names everything outside `allowlist`: an element,
   an attribute, a URL scheme, a comment. Each becomes a finding for the editor.
2. nh3 sanitises the same HTML with the same allow-list; its output is what gets published, so a
   parser trick the walk missed is still removed. When the walk found nothing but nh3 changed the
   content anyway, that difference is a finding too: nothing is removed silently.

Each problem carries the text to look for in the page's Markdown (`needles`); `locate` turns it
into a line by searching the source file, raw and with entities decoded.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser

import nh3
from lxml import etree
from lxml import html as lxml_html

from ttdn.guard import allowlist as allow

# Browsers drop tabs and newlines anywhere in a URL and C0 controls and spaces around it, so
# "java&#10;script:" is "javascript:".
URL_IGNORED = re.compile(r"[\t\n\r]")
SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
ROOT_ID = "ttdn-guard-root"

# Advice for the elements an editor is most likely to paste.
ELEMENT_ADVICE: dict[str, tuple[str, str]] = {
    "iframe": ("video chỉ khai báo trong front matter (video: {youtube: …} hoặc {src: …})",
               "declare a video in the front matter (video: {youtube: …} or {src: …})"),
    "video": ("video chỉ khai báo trong front matter (video: {src: …, poster: …, title: …})",
              "declare a video in the front matter (video: {src: …, poster: …, title: …})"),
    "img": ("chèn ảnh bằng Markdown: ![mô tả](/photos/…)",
            "insert images with Markdown: ![description](/photos/…)"),
    "a": ("viết liên kết bằng Markdown: [chữ](https://…)",
          "write links with Markdown: [text](https://…)"),
}
DEFAULT_ADVICE = ("hãy viết bằng Markdown hoặc xoá nó", "write it in Markdown or delete it")


@dataclass(frozen=True)
class Problem:
    """One thing the allow-list refuses, before it is placed on a line of the source."""

    rule: str  # "html-element", "html-attribute", "url-scheme", "html-comment", …
    vi: str
    en: str
    needles: tuple[str, ...]  # text to look for in the Markdown, most specific first


# -- the walk ------------------------------------------------------------------------------


def parse_fragment(content: str) -> etree._Element:
    """The content inside a <div> in a full document's <body>, so libxml2 keeps <meta>, <base>,
    <title> and <link> where they were written instead of moving them to a <head>."""
    document = lxml_html.document_fromstring(
        f'<!DOCTYPE html><html><head></head><body><div id="{ROOT_ID}">{content}</div></body></html>'
    )
    return document.get_element_by_id(ROOT_ID)


def problems(content: str) -> list[Problem]:
    root = parse_fragment(content)
    found = list(_walk(root))
    # A parser drops some tags outright (a second <body onload=…>, <html>, <head>): the walk
    # never sees them, so the tags as written are listed too.
    seen = {p.needles[0] for p in found if p.rule == "html-element"}
    for tag in _TagLister.tags_in(content) - allow.TAGS:
        if f"<{tag}" not in seen:
            found.append(Problem(
                "html-element",
                f"Thẻ HTML <{tag}> không được phép trong nội dung; hãy xoá nó.",
                f"The HTML element <{tag}> is not allowed in content; delete it.",
                (f"<{tag}",),
            ))
    return found


class _TagLister(HTMLParser):
    """Every start tag name in the HTML, as a tokenizer reads it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.add(tag.lower())

    @classmethod
    def tags_in(cls, content: str) -> set[str]:
        lister = cls()
        lister.feed(content)
        lister.close()
        return lister.tags


def _walk(parent: etree._Element) -> Iterator[Problem]:
    for node in parent:
        if isinstance(node, etree._Comment):  # also <?php …?> and <!…>: libxml2 makes them comments
            text = (node.text or "").strip()
            yield Problem(
                "html-comment",
                f"Ghi chú HTML <!-- {_short(text)} --> vẫn đọc được trong mã nguồn trang; "
                "hãy xoá nó (ghi chú nội bộ để ngoài tệp).",
                f"An HTML comment <!-- {_short(text)} --> is readable in the page source; "
                "delete it (keep internal notes outside the file).",
                ("<!--", "<?", "<!", text[:40]),
            )
            continue
        if not isinstance(node.tag, str):  # entities, processing instructions
            yield Problem("html-element", "Nội dung HTML không được phép; hãy xoá nó.",
                          "HTML content that is not allowed; delete it.", ("<?", "<!"))
            continue
        tag = node.tag.lower()
        if tag not in allow.TAGS:
            vi_fix, en_fix = ELEMENT_ADVICE.get(tag, DEFAULT_ADVICE)
            yield Problem(
                "html-element",
                f"Thẻ HTML <{tag}> không được phép trong nội dung; {vi_fix}.",
                f"The HTML element <{tag}> is not allowed in content; {en_fix}.",
                (f"<{tag}", _short(node.text_content())),
            )
            continue  # its content goes with it: one finding is enough
        yield from _attributes(node, tag)
        yield from _walk(node)


def _attributes(node: etree._Element, tag: str) -> Iterator[Problem]:
    allowed = allow.GLOBAL_ATTRIBUTES | allow.ATTRIBUTES.get(tag, frozenset())
    text = _short(node.text or "") or _short(node.text_content())
    for name, value in node.attrib.items():
        name = name.lower()
        if name not in allowed:
            yield _attribute_refused(tag, name, value, text)
        elif (tag, name) in allow.URL_ATTRIBUTES:
            problem = url_problem(tag, name, value)
            if problem:
                yield problem
        elif (tag, name) in allow.SRCSET_ATTRIBUTES:
            for candidate in value.split(","):
                url = candidate.strip().split(" ")[0]
                problem = url_problem(tag, name, url) if url else None
                if problem:
                    yield problem
        elif name in ("class", "id"):
            bad = [word for word in value.split() if not _good_name(word)]
            if bad or (name == "id" and len(value.split()) != 1):
                yield Problem(
                    "html-name",
                    f"Tên {name} '{value}' không dùng được: chỉ chữ, số, '-', '_', bắt đầu bằng "
                    "chữ hoặc số, và không bắt đầu bằng 'md-' hay '__' (dành cho giao diện).",
                    f"The {name} '{value}' cannot be used: letters, digits, '-', '_' only, "
                    "starting with a letter or digit, and not 'md-' or '__' (kept for the theme).",
                    (value, text),
                )
        elif name == "lang" and not allow.LANG.match(value):
            yield Problem("html-attribute", f"lang='{value}' không phải mã ngôn ngữ (vi, en).",
                          f"lang='{value}' is not a language code (vi, en).", (value,))
        elif (tag, name) in allow.VALUES and value.strip().lower() not in allow.VALUES[(tag, name)]:
            yield _attribute_refused(tag, name, value, text)
        elif (tag, name) in allow.NUMBERS and not value.strip().isdigit():
            yield _attribute_refused(tag, name, value, text)


def _attribute_refused(tag: str, name: str, value: str, text: str) -> Problem:
    if name.startswith("on"):
        vi_why = f"thuộc tính '{name}' chạy mã JavaScript"
        en_why = f"the attribute '{name}' runs JavaScript"
    elif name == "style":
        vi_why = "định dạng trực tiếp (style) bị chính sách bảo mật của trang chặn"
        en_why = "inline style is blocked by the site's security policy"
    else:
        vi_why = f"thuộc tính '{name}' (= '{_short(value)}') không được phép"
        en_why = f"the attribute '{name}' (= '{_short(value)}') is not allowed"
    return Problem(
        "html-attribute",
        f"Trên thẻ <{tag}>, {vi_why}; hãy xoá nó (trong {{ … }} chỉ dùng .lớp và #id).",
        f"On <{tag}>, {en_why}; delete it (inside {{ … }} use only .class and #id).",
        (f"{name}=", name, value, text),
    )


def _good_name(word: str) -> bool:
    return bool(allow.NAME.match(word)) and not word.lower().startswith(allow.RESERVED_PREFIXES)


def url_problem(tag: str, attribute: str, value: str) -> Problem | None:
    """Why this URL may not be published, or None when it may.

    Links: https, mailto, tel or a relative path. Images: relative paths only (the image pipeline
    writes them); a remote image is a tracking pixel and data: hides content from review.
    """
    url = URL_IGNORED.sub("", value).strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e"
                                           "\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a"
                                           "\x1b\x1c\x1d\x1e\x1f ")
    match = SCHEME.match(url)
    scheme = match.group(1).lower() if match else None
    remote = url.startswith(("//", "\\\\", "/\\", "\\/")) or "\\" in url
    needles = (value.strip(), url, url.partition(":")[2][:40])
    if tag == "img" or tag == "source":
        if scheme or remote:
            return Problem(
                "image-remote",
                f"Ảnh '{_short(url)}' không nằm trong kho: ảnh chỉ lấy từ photos/ "
                "(![mô tả](/photos/…)); ảnh từ máy chủ khác theo dõi người đọc.",
                f"The image '{_short(url)}' is not in the repository: images come from photos/ "
                "only (![description](/photos/…)); a remote image tracks readers.",
                needles,
            )
        return None
    if remote:
        return Problem(
            "url-scheme",
            f"Liên kết '{_short(url)}' không rõ giao thức; hãy viết đầy đủ https://….",
            f"The link '{_short(url)}' has no scheme; write it in full: https://….",
            needles,
        )
    if scheme is None or scheme in allow.LINK_SCHEMES:
        return None
    if scheme == "http":
        return Problem(
            "url-http",
            f"Liên kết '{_short(url)}' dùng http://, không được mã hoá; hãy viết https://.",
            f"The link '{_short(url)}' uses http://, which is not encrypted; write https://.",
            needles,
        )
    return Problem(
        "url-scheme",
        f"Liên kết dùng giao thức '{scheme}:' không được phép; chỉ dùng https://, mailto:, "
        "tel: hoặc đường dẫn trong trang.",
        f"A link with the scheme '{scheme}:' is not allowed; use https://, mailto:, tel: or "
        "a path within the site.",
        needles,
    )


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# -- nh3 and the comparison ----------------------------------------------------------------


def clean(content: str) -> str:
    """The content as nh3 publishes it: the allow-list's tags, attributes and URL schemes."""
    return nh3.clean(
        content,
        tags=set(allow.TAGS),
        attributes={"*": set(allow.GLOBAL_ATTRIBUTES),
                    **{tag: set(names) for tag, names in allow.ATTRIBUTES.items()}},
        url_schemes=set(allow.LINK_SCHEMES),
        attribute_filter=_keep_attribute,
        strip_comments=True,
        link_rel=None,  # Markdown writes no target=_blank; nothing to protect against
    )


def _keep_attribute(tag: str, attribute: str, value: str) -> str | None:
    """nh3 knows schemes, not the site's rule that images come from the site only."""
    if (tag, attribute) in allow.URL_ATTRIBUTES and url_problem(tag, attribute, value):
        return None
    if (tag, attribute) in allow.SRCSET_ATTRIBUTES and any(
        url_problem(tag, attribute, part.strip().split(" ")[0])
        for part in value.split(",") if part.strip()
    ):
        return None
    return value


def shape(content: str) -> list[tuple]:
    """What a parser sees in the content: tags, attributes, text, comments, in order."""
    out: list[tuple] = []
    for node in parse_fragment(content).iterdescendants():
        if isinstance(node, etree._Comment):
            out.append(("#comment", node.text))
        elif isinstance(node.tag, str):
            out.append((node.tag, tuple(sorted(node.attrib.items())), node.text or ""))
        else:
            out.append(("#other",))
        out.append(("#tail", node.tail or ""))
    return out


def changed(content: str, cleaned: str) -> Problem | None:
    """A problem naming the first thing nh3 changed, or None when it changed nothing."""
    before, after = shape(content), shape(cleaned)
    if before == after:
        return None
    at = next((i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b),
              min(len(before), len(after)))
    item = before[at] if at < len(before) else after[at]
    what = item[0] if item[0] != "#tail" else "text"
    return Problem(
        "html-changed",
        f"Bộ lọc an toàn phải sửa nội dung ở '<{what}>': HTML viết tay không hợp lệ; hãy viết "
        "bằng Markdown.",
        f"The safety filter had to change the content at '<{what}>': hand-written HTML that is "
        "not valid; write it in Markdown.",
        (f"<{what}",),
    )


# Elements inside each other. Markdown's deepest allowed page (8 levels of lists and quotes,
# ttdn.guard.limits) makes about 20; libxml2 stops reading at 256 levels and would drop the
# rest of the page from what the guard compares and the search reads.
MAX_HTML_DEPTH = 64


def too_deep(content: str) -> Problem | None:
    """A problem when the content's elements nest deeper than MAX_HTML_DEPTH."""
    stack = [(parse_fragment(content), 0)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_HTML_DEPTH:
            return Problem(
                "html-nesting-too-deep",
                f"HTML lồng nhau quá {MAX_HTML_DEPTH} cấp (ở '<{node.tag}>'); hãy viết bằng "
                "Markdown, với tối đa vài cấp danh sách hoặc trích dẫn.",
                f"HTML nested more than {MAX_HTML_DEPTH} levels deep (at '<{node.tag}>'); write "
                "it in Markdown, with a few levels of lists or quotes at most.",
                (f"<{node.tag}",),
            )
        stack.extend((child, depth + 1) for child in node if isinstance(child.tag, str))
    return None


def check(content: str) -> tuple[str, list[Problem]]:
    """(the HTML to publish, what the allow-list refuses in `content`)."""
    found = problems(content)
    if (deep := too_deep(content)) is not None:
        found.append(deep)
    cleaned = clean(content)
    if not found:
        difference = changed(content, cleaned)
        if difference is not None:
            found.append(difference)
    return cleaned, found


# -- from a problem to a line of the Markdown ----------------------------------------------


class Locator:
    """Finds the line of each problem in a page's source text.

    The rendered HTML keeps no line numbers, so each problem is looked up by the text it came
    from (a tag name, an attribute, a URL), first as written, then with HTML entities decoded.
    Repeated look-ups of the same text move forward, so three <script> tags give three lines.
    """

    def __init__(self, source: str, body_start: int = 1):
        self.raw = source.splitlines()
        self.decoded = [html_lib.unescape(line) for line in self.raw]
        self.squashed = [re.sub(r"\s+", "", line) for line in self.decoded]
        self.body_start = body_start  # first line after the front matter
        self.cursor: dict[str, int] = {}

    def line_of(self, problem: Problem) -> int:
        for needle in problem.needles:
            needle = needle.strip()
            if len(needle) < 2:
                continue
            line = self._find(needle)
            if line:
                return line
        return self.body_start

    def _find(self, needle: str) -> int:
        low = needle.lower()
        squashed = re.sub(r"\s+", "", low)
        body = self.body_start - 1
        start = max(self.cursor.get(low, body), body)
        # The body first, from where this text was last found; the front matter last.
        for order in (range(start, len(self.raw)), range(body, start), range(0, body)):
            for i in order:
                if (low in self.raw[i].lower() or low in self.decoded[i].lower()
                        or (squashed and squashed in self.squashed[i].lower())):
                    self.cursor[low] = i + 1
                    return i + 1
        return 0
