"""Text of a PDF, for assertions. Typst (as bundled) writes some Thai clusters with a mark
twice into the text layer ("เพิ่พิ่มเติม" for "เพิ่มเติม", typst/typst#7610); the page itself
is right. The repeat is folded back, and line breaks and spaces are dropped."""

import re

import pypdfium2

MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
REPEATED_CLUSTER = re.compile(rf"([\u0e01-\u0e2e][{MARKS}]+)\1")


def pdf_text(content: bytes) -> str:
    document = pypdfium2.PdfDocument(content)
    text = "".join(page.get_textpage().get_text_range() for page in document)
    return squeeze(REPEATED_CLUSTER.sub(r"\1", text))


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text.replace("\u200b", ""))
