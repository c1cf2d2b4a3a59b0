"""Form data → PDF bytes with Typst, in memory, with the fonts shipped in the repository.

One compiler per process is kept between renders (fonts loaded once, templates parsed
once). Typst memoizes its work in a process-wide cache that it trims only to the last ten
compilations; each compile of a big form would otherwise stay in memory, so after each
render a few trivial compilations age it out. Output is deterministic: the PDF carries a
creation time taken from the data, never the clock.
"""

from __future__ import annotations

import datetime
import functools
import json
import threading
from decimal import Decimal
from pathlib import Path
from typing import Any

import typst
from django.conf import settings

from localplan.core.thai_calendar import format_money, to_thai_digits
from localplan.core.thai_text import words

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates" / "documents"
FONTS_DIR = Path(settings.PACKAGE_DIR) / "core" / "static" / "fonts"
MAIN = TEMPLATES_DIR / "main.typ"
# Keys whose values the templates read as they are (names of forms, kinds of blocks, …).
RAW_KEYS = frozenset(
    {"form", "type", "level", "months", "kind", "thai_digits", "doc_title", "emblem", "amendment"}
)
# Typst keeps the memoized work of its last ten compilations (typst-py calls evict(10)).
_EVICT_AGE = 10
_TRIVIAL = b"#set page(width: 1cm, height: 1cm)"

_lock = threading.Lock()
_compiler: typst.Compiler | None = None
_flusher: typst.Compiler | None = None


class RenderError(RuntimeError):
    """A template failed; a bug of ours, never of the user's data."""


def _compilers() -> tuple[typst.Compiler, typst.Compiler]:
    global _compiler, _flusher
    if _compiler is None:
        _compiler = typst.Compiler(
            str(MAIN),
            root=str(TEMPLATES_DIR),
            font_paths=[str(FONTS_DIR)],
            ignore_system_fonts=True,
        )
        _flusher = typst.Compiler(root=str(TEMPLATES_DIR), ignore_system_fonts=True)
    return _compiler, _flusher


@functools.cache
def template_words(template: str) -> dict[str, Any]:
    """The wording of a form, as its template writes it (`#let words = (…)` at its top), so
    that the PDF, the workbook and the builders' subtotal lines use the same words."""
    source = f'#import "{template}.typ": words\n#metadata(words) <words>'.encode()
    with _lock:
        found = typst.query(
            source,
            "<words>",
            field="value",
            one=True,
            format="json",
            root=str(TEMPLATES_DIR),
            ignore_system_fonts=True,
        )
    return json.loads(found)


def prepare(value: Any, *, thai_digits: bool = False, key: str = "") -> Any:
    """Builder data as the templates read it: money formatted ("1,234.00", "-" for none),
    counts and years as text, Thai text cut into unbreakable words, Thai digits if asked."""
    if key in RAW_KEYS:
        return value
    if isinstance(value, dict):
        return {k: prepare(v, thai_digits=thai_digits, key=k) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [prepare(v, thai_digits=thai_digits) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, Decimal):
        value = format_money(value)
    elif isinstance(value, int):
        value = str(value)
    elif not isinstance(value, str):
        value = str(value)
    if thai_digits:
        value = to_thai_digits(value)
    return words(value)


def render_pdf(data: dict, *, timestamp: datetime.datetime) -> bytes:
    """Lay out one document (data["form"] names its template) and return the PDF."""
    payload = prepare(data, thai_digits=bool(data.get("thai_digits")))
    source = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    if timestamp.tzinfo is None:
        timestamp = timestamp.replace(tzinfo=datetime.UTC)
    with _lock:
        compiler, flusher = _compilers()
        try:
            pdf = compiler.compile(
                format="pdf",
                sys_inputs={"data": source},
                timestamp=timestamp.astimezone(datetime.UTC).replace(microsecond=0),
                pdf_tags=False,
            )
        except typst.TypstError as error:
            raise RenderError(f"{data.get('form')}: {error}") from error
        finally:
            for _ in range(_EVICT_AGE + 1):
                flusher.compile(_TRIVIAL, format="pdf", timestamp=0, pdf_tags=False)
    return pdf
