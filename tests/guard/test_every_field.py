"""Generated from the declarations: every text field of every content type and of the photo
book's manifest, with hostile values (elements, attribute breakouts, a refresh, javascript:
URLs, Markdown links, entity-encoded markup, bidi and zero-width controls).

Each value is either refused by the build with a finding naming its file, or published as text:
no output (HTML, feeds, sitemap, search index, PDFs' text and links, zips) holds an element or
attribute from it, and its text is shown somewhere. A type or field declared later is covered
without a change here (tests/guard/fields.py finds them)."""

from __future__ import annotations

import logging
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from guard.checks import findings_of
from guard.every_field_site import Slot, Unit, rounds, slots, split, write_site
from guard.fields import declared_fields
from guard.outputs import read_site
from helpers import build_site


@dataclass
class Verdicts:
    refused: dict[str, str]  # slot id → the build's report line naming its file
    crashed: dict[str, str]  # slot id → the exception that ended the build instead
    published: dict[str, Slot]  # slot id → the slot, built into a site that passed
    problems: dict[str, list[str]]  # output file → what it must not hold
    texts: list[str]
    reports: list[str]


def _build(root: Path) -> str | None:
    """Build; None when it passed, else the errors MkDocs logged."""
    records: list[str] = []
    handler = logging.Handler(level=logging.ERROR)
    handler.emit = lambda record: records.append(record.getMessage())  # type: ignore[method-assign]
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        build_site(root / "mkdocs.yml", root / "site")
    except Abort:
        return "\n".join(records)
    finally:
        logger.removeHandler(handler)
    return None


def _run(root: Path, units: list[Unit], verdicts: Verdicts) -> None:
    """Build `units`; when the build refuses some, each refused unit must be named by a
    finding, and the others are built again without them until the site builds (a step that
    stops the build reports only its own findings: the manifests come after the pages)."""
    fresh = 1000  # numbers for the units a split makes
    while True:
        write_site(root, units)
        started = time.perf_counter()
        try:
            report = _build(root)
        except Exception as error:  # a traceback instead of a finding: noted, and built again
            text = str(error)
            culprits = {s.field.path for u in units for s in u.slots if f"«{s.id}»" in text}
            if not culprits:
                raise
            # The same field of the other types would end the build the same way, one build
            # each: they are counted with it, not built.
            crashed = [u for u in units if any(s.field.path in culprits for s in u.slots)]
            verdicts.crashed.update({s.id: f"{type(error).__name__}: {text[:80]}"
                                     for u in crashed for s in u.slots})
            units = [u for u in units if u not in crashed]
            shutil.rmtree(root)
            continue
        finally:
            print(f"  build of {len(units)} units: {time.perf_counter() - started:.1f} s")
        if report is None:
            break
        verdicts.reports.append(report)
        named = {path for path, _, _ in findings_of(report)}
        refused = [u for u in units if u.target in named]
        assert refused, f"The build failed without naming an injected file:\n{report}"
        units = [u for u in units if u not in refused]
        for u in refused:
            if len(u.slots) > 1:  # which entry? each alone in the next build
                units += split(u, fresh)
                fresh += len(u.slots)
                continue
            verdicts.refused[u.slots[0].id] = next(
                line for line in report.splitlines() if line.startswith(u.target))
        shutil.rmtree(root)
    problems, texts = read_site(root / "site")
    for path, found in problems.items():
        verdicts.problems.setdefault(path, []).extend(found)
    verdicts.texts += texts
    verdicts.published.update({s.id: s for u in units for s in u.slots})
    shutil.rmtree(root)


@pytest.fixture(scope="module")
def verdicts(tmp_path_factory) -> Verdicts:
    found = Verdicts({}, {}, {}, {}, [], [])
    base = tmp_path_factory.mktemp("every-field")
    for number, units in enumerate(rounds()):
        started = time.perf_counter()
        _run(base / f"round-{number}", units, found)
        print(f"round {number}: {len(units)} units, {time.perf_counter() - started:.1f} s")
    return found


def test_every_declared_type_and_the_manifest_have_text_fields_to_inject() -> None:
    owners = {f.owner for f in declared_fields()}
    assert {"page", "document", "article", "bulletin-issue", "bulletin-article",
            "photo-book", "photo-chapter", "manifest"} <= owners
    assert len(slots()) == 2 * len(declared_fields())


def test_every_slot_is_refused_by_name_or_published(verdicts: Verdicts) -> None:
    decided = set(verdicts.refused) | set(verdicts.published) | set(verdicts.crashed)
    assert {s.id for s in slots()} - decided == set()


def test_no_value_ends_the_build_in_a_traceback(verdicts: Verdicts) -> None:
    crashed = {f"{_slot(sid).field.owner}.{_slot(sid).field.name}": error
               for sid, error in verdicts.crashed.items()}
    assert crashed == {}


def test_no_output_holds_an_injected_element_attribute_or_link(verdicts: Verdicts) -> None:
    assert verdicts.problems == {}


def test_a_published_value_is_shown_as_text_somewhere(verdicts: Verdicts) -> None:
    shown = "\n".join(verdicts.texts)
    missing = {
        f"{s.field.owner}.{s.field.name} ({s.kind})": s.value
        for s in verdicts.published.values() if s.value not in shown
    }
    assert missing == {}


def test_markup_in_text_fields_is_published_not_refused(verdicts: Verdicts) -> None:
    """Text is text: a title with "<" in it is shown, not refused (only URLs and names are
    refused). Guards against a gate that passes by refusing everything."""
    text_fields = {"title", "description", "image_alt", "agency", "caption.vi", "credit"}
    refused = {
        sid for sid in verdicts.refused
        if sid.endswith("m") and _slot(sid).field.name in text_fields
    }
    assert refused == set()


def _slot(sid: str):
    return next(s for s in slots() if s.id == sid)
