"""Reading front matter with the line of each key, so that errors can point at it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ttdn.content import yaml_errors
from ttdn.content.errors import ContentError
from ttdn.findings import Finding

try:  # libyaml when present: ten times faster on a large site
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]


class Loader(_BaseLoader):
    """Safe YAML that leaves dates as text: the schema parses them and explains a bad one
    ("2023-13-01" would otherwise raise a bare ValueError inside PyYAML)."""


Loader.add_constructor("tag:yaml.org,2002:timestamp", Loader.construct_yaml_str)


@dataclass
class FrontMatter:
    data: dict[str, Any]
    lines: dict[str, int] = field(default_factory=dict)  # key → 1-based line in the file
    end_line: int = 1  # line of the closing "---"
    body: str = ""  # the Markdown after the front matter
    body_start: int = 1  # line of the file where the body starts

    @property
    def words(self) -> int:
        """Words in the body, for the reading time."""
        return len(self.body.split())

    def line_of(self, key: str | int | None) -> int:
        return self.lines.get(str(key), self.end_line) if key is not None else self.end_line


def read(path: Path, shown: str) -> FrontMatter:
    """Front matter of a Markdown file (empty when it has none); `shown` names it in findings."""
    try:
        text = path.read_text("utf-8-sig")  # a byte-order mark some editors write is dropped
    except UnicodeDecodeError as err:
        raise ContentError(Finding(
            shown, 1, "encoding", "Tệp không phải văn bản UTF-8; hãy lưu lại với mã UTF-8.",
            f"The file is not UTF-8 text ({err.reason}); save it again as UTF-8.",
        )) from None
    return parse(text, shown)


def parse(text: str, shown: str) -> FrontMatter:
    lines = text.splitlines()
    if not lines or lines[0].rstrip() != "---":
        return FrontMatter({}, body=text)
    closing = [i for i, line in enumerate(lines[1:], start=1) if line.rstrip() in ("---", "...")]
    if not closing:
        raise ContentError(Finding(
            shown,
            1,
            "yaml",
            "Phần thông tin đầu trang (front matter) mở bằng '---' nhưng không có dòng '---' "
            "đóng lại.",
            "The front matter opens with '---' but is never closed by another '---' line.",
        ))
    end = closing[0]
    source = "\n".join(lines[1:end])
    try:
        loader = Loader(source)  # one parse: the node gives the lines, then the values
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else {}
        finally:
            loader.dispose()
    except yaml.YAMLError as err:
        line, vi, en = yaml_errors.explain(err, source, first_line=2)
        raise ContentError(Finding(shown, line, "yaml", vi, en)) from None
    for finding in duplicate_keys(node, shown, first_line=2):
        raise ContentError(finding)
    if not isinstance(data, dict):
        raise ContentError(Finding(
            shown,
            2,
            "yaml",
            "Front matter phải là các dòng 'khoá: giá trị'.",
            "The front matter must be 'key: value' lines.",
        ))
    key_lines = {
        str(key.value): key.start_mark.line + 2  # +1 for 1-based, +1 for the opening '---'
        for key, _ in (node.value if isinstance(node, yaml.MappingNode) else [])
    }
    body = "\n".join(lines[end + 1 :])
    return FrontMatter(data, key_lines, end_line=end + 1, body=body, body_start=end + 2)


def duplicate_keys(node: yaml.Node | None, shown: str, first_line: int) -> list[Finding]:
    """A key written twice in one mapping: YAML keeps the last silently, so the value an
    editor reads first is not the one published. Both lines are named."""
    findings = []
    todo = [node] if node is not None else []
    while todo:
        item = todo.pop()
        if isinstance(item, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key, value in item.value:
                line = first_line + key.start_mark.line
                name = str(key.value)
                if isinstance(key, yaml.ScalarNode) and name in seen:
                    findings.append(Finding(
                        shown, line, "yaml-duplicate-key",
                        f"Khoá '{name}' viết hai lần (dòng {seen[name]} và dòng {line}); YAML chỉ "
                        "giữ giá trị sau. Hãy xoá một dòng.",
                        f"The key '{name}' is written twice (lines {seen[name]} and {line}); "
                        "YAML keeps only the last. Delete one of them.",
                    ))
                seen.setdefault(name, line)
                todo.append(value)
        elif isinstance(item, yaml.SequenceNode):
            todo += item.value
    return sorted(findings, key=lambda f: f.line)
