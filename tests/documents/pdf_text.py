"""Reading text back from our PDFs, for tests: whole-page text and the lines of text cells."""

from __future__ import annotations

import ctypes
import re

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

# Typst 0.15 maps a Thai cluster of consonant + upper vowel + tone mark (ทั่, ขึ้, ตั้) to its
# text twice in the PDF's ToUnicode table (upstream typst/typst#7610, #8767): extraction reads
# "ทั่ทั่วไป" where the page shows ทั่วไป. Collapse that doubling before comparing texts.
_DOUBLED_CLUSTER = re.compile(r"([\u0e01-\u0e2e][\u0e31\u0e34-\u0e37\u0e47][\u0e48-\u0e4b])\1")
# A line must not start with these (following vowels, marks) nor end with a leading vowel.
FOLLOWING = set("ะัาำิีึืุู็่้๊๋์")
LEADING = set("เแโใไ")
MARKS = set("ัิีึืุู็่้๊๋์ํ")  # drawn over or under the letter before, no width of their own


def normalized(text: str) -> str:
    text = _DOUBLED_CLUSTER.sub(r"\1", text)
    return re.sub(r"[\s\u200b]+", "", text)


def page_texts(pdf: bytes) -> list[str]:
    document = pdfium.PdfDocument(pdf)
    return [page.get_textpage().get_text_range() for page in document]


def squashed_text(pdf: bytes) -> str:
    """All text of the document without any whitespace, for "contains" checks that must not
    care where a line broke."""
    return normalized("".join(page_texts(pdf)))


def text_lines(pdf: bytes, gap: float = 4.5) -> list[str]:
    """Every line of text as laid out: characters in content order, a new line where the
    baseline changes or the pen jumps back or across a gap wider than a space (the next
    table cell)."""
    lines: list[str] = []
    document = pdfium.PdfDocument(pdf)
    for page in document:
        textpage = page.get_textpage()
        current, last_y, last_right, last_left = "", None, None, None
        x, y = ctypes.c_double(), ctypes.c_double()
        for index in range(textpage.count_chars()):
            if pdfium_c.FPDFText_IsGenerated(textpage.raw, index):
                continue
            char = chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, index))
            if char.isspace() or char == "\u200b":
                continue
            pdfium_c.FPDFText_GetCharOrigin(textpage.raw, index, x, y)
            left, _bottom, right, _top = textpage.get_charbox(index)
            new_line = last_y is None or abs(y.value - last_y) > 2.0
            if not new_line and char not in MARKS:
                new_line = x.value < last_left - 4.0 or x.value > last_right + gap
            if new_line and current:
                lines.append(current)
                current = ""
            if new_line:
                last_right = right
            current += char
            last_y = y.value
            if char not in MARKS:
                last_left = x.value
            last_right = max(last_right, right)
        if current:
            lines.append(current)
    return lines


def bad_breaks(lines: list[str]) -> list[str]:
    """Lines that start with a following vowel or a mark, or end with a leading vowel: the
    signs of a line broken inside a Thai word."""
    return [line for line in lines if line[0] in FOLLOWING or line[-1] in LEADING]
