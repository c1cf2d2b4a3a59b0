"""Build the web fonts: WOFF2 subsets of the shipped Sarabun TTFs (SIL OFL 1.1).

The TTFs stay: the PDF forms are typeset from them (documents/typesetting.py). Browsers get
small WOFF2 files holding only what the pages write: Thai, basic Latin with its accented
letters, and the common punctuation. Each keeps the OpenType layout features (Thai marks
are placed by GPOS `mark`/`mkmk`, and composed by GSUB `ccmp`).

    make webfonts            # or: .venv/bin/python -m localplan.core.webfonts

Needs fontTools with Brotli (`pip install 'fonttools[woff]'`, in the `test` extra). The
resulting files are committed; run this again only when the TTFs or UNICODES change.
"""

from __future__ import annotations

import sys
from pathlib import Path

FONTS_DIR = Path(__file__).resolve().parent / "static" / "fonts"
FACES = ("Sarabun-Regular", "Sarabun-Bold", "Sarabun-Italic")
UNICODES = (
    "U+0000-00FF",  # Basic Latin and Latin-1 (NBSP, ·, ×, accented letters)
    "U+0131",  # dotless i
    "U+0152-0153",  # Œ œ
    "U+02C6",  # ˆ
    "U+02DA",  # ˚
    "U+02DC",  # ˜
    "U+0E00-0E7F",  # Thai, with ฿ and the Thai digits
    "U+2000-206F",  # general punctuation: dashes, quotes, bullet, ellipsis
    "U+20AC",  # €
    "U+2122",  # ™
    "U+2191-2193",  # arrows ↑ → ↓
    "U+2212",  # minus sign
    "U+25CC",  # dotted circle, shown under a lone Thai mark
    "U+FEFF",  # byte order mark
    "U+FFFD",  # replacement character
)


def codepoints() -> set[int]:
    found: set[int] = set()
    for item in UNICODES:
        first, _, last = item.removeprefix("U+").partition("-")
        found.update(range(int(first, 16), int(last or first, 16) + 1))
    return found


def build(fonts_dir: Path = FONTS_DIR) -> list[Path]:
    from fontTools import subset

    written = []
    for face in FACES:
        options = subset.Options()
        options.flavor = "woff2"
        options.layout_features = ["*"]  # every feature of the font: Thai needs its marks
        options.name_IDs = ["*"]  # keep the copyright and licence records (OFL)
        options.name_languages = ["*"]
        options.notdef_outline = True
        options.hinting = False  # phones and modern desktops do not use TrueType hints
        options.desubroutinize = True  # compresses better under Brotli
        font = subset.load_font(str(fonts_dir / f"{face}.ttf"), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=codepoints())
        subsetter.subset(font)
        target = fonts_dir / f"{face}.woff2"
        subset.save_font(font, str(target), options)
        written.append(target)
    return written


def main() -> None:
    for path in build():
        source = path.with_suffix(".ttf")
        print(
            f"{path.name}: {path.stat().st_size / 1024:.1f} KiB "
            f"(from {source.stat().st_size / 1024:.1f} KiB)",
            file=sys.stdout,
        )


if __name__ == "__main__":
    main()
