"""Thai text cut into pieces that a line may never break inside.

Thai has no spaces between words, and Typst's own Thai breaker splits some words wrongly
("เฉลี่|ย"). So every text is cut into words here (PyThaiNLP newmm), words are glued where a
break would be wrong (around punctuation, abbreviations such as "พ.ศ."), and each piece is set
unbreakable by the template. A text becomes a list of items: a piece, " " for a space, "" for a
break opportunity between two pieces, "\\n" for a forced line break.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

THAI = re.compile(r"[\u0E00-\u0E7F]")
_SPACE = re.compile(r"[ \t\u00a0\u200b]+")
_LEADING_VOWELS = "เแโใไ"
_CLOSING = ")]}”’»,;:!?%"
_OPENING = "([{“‘«"
# A short piece ending in a full stop is part of an abbreviation: "คส" + "ล." = "คสล."
_ABBREVIATION_TAIL = re.compile(r"^[\u0e01-\u0e2e][\u0e30-\u0e4e]?\.$")

_lock = threading.Lock()
_loaded = False


def tokenize(text: str) -> list[str]:
    """Words by maximal matching on PyThaiNLP's dictionary (newmm), spaces kept. The engine is
    nlpO3, PyThaiNLP's Rust implementation of newmm: three times as fast, and its dictionary
    is far smaller in memory than the Python one. Loaded once per process and shared by the
    documents, page text and search."""
    global _loaded
    from pythainlp.tokenize import word_tokenize

    if not _loaded:
        with _lock:  # the first call loads the dictionary; let one thread do it
            word_tokenize("ก", engine="nlpo3")
            _loaded = True
    return word_tokenize(text, engine="nlpo3", keep_whitespace=True)


def _ends_word(char: str) -> bool:
    """May a line end after this character? Thai letters, vowels and marks, except a leading
    vowel, which always belongs to the syllable after it."""
    return bool(THAI.match(char)) and char not in _LEADING_VOWELS


def _starts_word(char: str) -> bool:
    """May a line start with this character? A Thai consonant or leading vowel, never a
    following vowel, a tone mark or ๆ."""
    return "\u0e01" <= char <= "\u0e2e" or char in _LEADING_VOWELS


def may_break_between(left: str, right: str) -> bool:
    last, first = left[-1], right[0]
    if _ABBREVIATION_TAIL.match(right):
        return False
    if _ends_word(last) and _starts_word(first):
        return True
    if last in _CLOSING and _starts_word(first):
        return True
    return _ends_word(last) and first in _OPENING


def _pieces(line: str) -> list[str]:
    items: list[str] = []
    for token in tokenize(line):
        if not token:
            continue
        if token.isspace():
            if items and items[-1] != " ":
                items.append(" ")
            continue
        if THAI.match(token[0]) and not _starts_word(token[0]) and items:
            # ๆ, a following vowel or a mark never starts a line: keep it with its word,
            # across the space in "ต่าง ๆ".
            if items[-1] == " " and len(items) > 1:
                items.pop()
                items[-1] += " "
            items[-1] += token
            continue
        if items and items[-1] not in (" ", ""):
            if may_break_between(items[-1], token):
                items.append("")
            else:
                items[-1] += token
                continue
        items.append(token)
    while items and items[-1] == " ":
        items.pop()
    return items


@lru_cache(maxsize=20_000)
def _cut(text: str) -> tuple[str, ...]:
    items: list[str] = []
    for number, line in enumerate(text.split("\n")):
        if number:
            items.append("\n")
        items.extend(_pieces(_SPACE.sub(" ", line).strip()))
    return tuple(items)


@lru_cache(maxsize=20_000)
def html_words(text: str) -> str:
    """Text for a web page with the same rule as paper: each Thai piece is kept whole
    (`<span class="tw">`, no wrap inside) and lines may break only between pieces."""
    from django.utils.html import escape

    pieces = words(str(text))
    if isinstance(pieces, str):
        return escape(pieces)
    html = {" ": " ", "": "<wbr>", "\n": "<br>"}
    return "".join(
        html.get(piece)
        or (f'<span class="tw">{escape(piece)}</span>' if THAI.search(piece) else escape(piece))
        for piece in pieces
    )


def words(text: str) -> str | list[str]:
    """A text ready for the templates: unchanged when it has no Thai (Typst breaks Latin
    and numbers correctly on its own), else its list of unbreakable pieces."""
    text = text.replace("\r\n", "\n").strip()
    if not THAI.search(text):
        return text
    return list(_cut(text))


def warm_up() -> None:
    """Load the dictionary now (e.g. when a worker starts) rather than in the first request."""
    tokenize("ทดสอบ")
