"""Thai word search over one edition's rows.

Thai has no spaces between words, so both the query and each row are cut into words with
PyThaiNLP's newmm. A row matches when every word of the query begins one of the row's words
("ถนน" finds "ก่อสร้างถนนคอนกรีต") or, for words of three letters or more, appears anywhere
in the row (a word inside a dictionary compound such as "คอนกรีตเสริมเหล็ก"). Short words
must begin a word, so "นา" finds "นาข้าว" but not "พัฒนา". The cost is O(rows of the edition);
each row's words are cut once per process.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from typing import TypeVar

from localplan.core.thai_calendar import to_arabic_digits
from localplan.core.thai_text import tokenize

Row = TypeVar("Row")
SUBSTRING_MIN_LENGTH = 3
_NOT_A_WORD = re.compile(r"^[\W_]+$")


def normalize(text: str) -> str:
    return to_arabic_digits(text).lower().strip()


@functools.lru_cache(maxsize=100_000)
def words(text: str) -> tuple[str, ...]:
    """The words of a text, normalized, without punctuation."""
    cut = tokenize(normalize(text))
    return tuple(word for word in (w.strip() for w in cut) if word and not _NOT_A_WORD.match(word))


def query_words(query: str) -> tuple[str, ...]:
    return words(query[:200])


def matches(query: tuple[str, ...], row_words: tuple[str, ...], row_text: str) -> bool:
    for word in query:
        if any(candidate.startswith(word) for candidate in row_words):
            continue
        if len(word) >= SUBSTRING_MIN_LENGTH and word in row_text:
            continue
        return False
    return True


def search(rows: Iterable[Row], query: str, text_of: Callable[[Row], str]) -> list[Row]:
    """The rows whose text contains every word of the query, in the order given."""
    wanted = query_words(query)
    if not wanted:
        return list(rows)
    found = []
    for row in rows:
        text = normalize(text_of(row))
        if matches(wanted, words(text), text):
            found.append(row)
    return found
