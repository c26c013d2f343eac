"""The site's contact details (department, address, email, phone, press contact), from
mkdocs.yml (`ttdn-site` → `contact`), shown on the contact page of each language.

The values shipped are placeholders for the province to confirm: a value in square brackets, an
email address under the reserved `.invalid` domain (RFC 2606) or a phone number of zeros. While
any is left, the build and `ttdn check` warn (the same `contact_findings`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError

from ttdn.findings import Finding

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
ByLanguage = dict[str, Text]  # {"vi": "…", "en": "…"}


class Contact(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    department: ByLanguage
    address: ByLanguage
    email: Text
    phone: Text
    press: ByLanguage  # who answers the press: an office, never a made-up person

    def fields(self, code: str) -> list[tuple[str, str]]:
        """(string key, value) in the order the page shows them, in language `code`."""
        return [
            ("contact_department", self.department.get(code, "")),
            ("contact_address", self.address.get(code, "")),
            ("contact_email", self.email),
            ("contact_phone", self.phone),
            ("contact_press", self.press.get(code, "")),
        ]


def is_placeholder(value: str) -> bool:
    value = value.strip()
    if value.startswith("[") and value.endswith("]"):
        return True
    if value.lower().endswith(".invalid"):
        return True
    digits = re.sub(r"\D", "", value)
    return bool(digits) and set(digits.removeprefix("84")) <= {"0"}


def load_contact(raw: object, config_file: Path) -> tuple[Contact | None, list[Finding]]:
    """The configured contact, or None and an error naming mkdocs.yml and the `contact` line."""
    if not raw:
        return None, []
    try:
        return Contact.model_validate(raw), []
    except ValidationError as err:
        wrong = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in err.errors())
        return None, [Finding(
            config_file.name, _line(config_file), "contact",
            f"Thông tin liên hệ (ttdn-site → contact) sai: {wrong}. Cần: department, address, "
            "press (mỗi mục có vi và en), email, phone.",
            f"The contact details (ttdn-site → contact) are wrong: {wrong}. Write department, "
            "address, press (each with vi and en), email, phone.",
        )]


def contact_findings(contact: Contact | None, config_file: Path) -> list[Finding]:
    """A warning while any contact value is still a placeholder."""
    if contact is None:
        return []
    values = [
        *contact.department.values(), *contact.address.values(), *contact.press.values(),
        contact.email, contact.phone,
    ]
    left = [value for value in values if is_placeholder(value)]
    if not left:
        return []
    shown = ", ".join(left)
    return [Finding(
        config_file.name, _line(config_file), "contact-placeholder",
        f"Thông tin liên hệ còn là giá trị tạm, chờ tỉnh xác nhận: {shown}. Ghi giá trị thật "
        "(không có ngoặc vuông) vào mkdocs.yml, ttdn-site → contact (xem README).",
        f"The contact details are still placeholders for the province to confirm: {shown}. "
        "Write the real values (without square brackets) in mkdocs.yml, ttdn-site → contact "
        "(see README).",
        severity="warning",
    )]


def _line(config_file: Path) -> int:
    try:
        lines = config_file.read_text("utf-8").splitlines()
    except OSError:
        return 0
    return next((i for i, line in enumerate(lines, 1) if line.strip() == "contact:"), 0)
