"""The web fonts: WOFF2 subsets of the shipped Sarabun that hold every character the pages
write, loaded so that text never reflows when they arrive."""

import re
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from localplan.core import webfonts
from localplan.settings import PACKAGE_DIR

CSS = (PACKAGE_DIR / "core" / "static" / "css" / "localplan.css").read_text()
CATALOGUE = PACKAGE_DIR / "locale" / "en" / "LC_MESSAGES" / "django.po"
BASES = [
    PACKAGE_DIR / "templates" / "base.html",
    PACKAGE_DIR / "portal" / "templates" / "portal" / "base.html",
]


def cmap(path: Path) -> set[int]:
    return set(TTFont(str(path)).getBestCmap())


@pytest.mark.parametrize("face", webfonts.FACES)
def test_each_subset_keeps_every_thai_and_latin_character_of_the_full_font(face):
    full = cmap(webfonts.FONTS_DIR / f"{face}.ttf")
    woff2 = webfonts.FONTS_DIR / f"{face}.woff2"
    assert TTFont(str(woff2)).flavor == "woff2"
    assert cmap(woff2) == full & webfonts.codepoints()
    assert woff2.stat().st_size < (webfonts.FONTS_DIR / f"{face}.ttf").stat().st_size / 3


@pytest.mark.parametrize("face", webfonts.FACES)
def test_the_subsets_keep_the_thai_mark_positioning(face):
    font = TTFont(str(webfonts.FONTS_DIR / f"{face}.woff2"))
    features = {record.FeatureTag for record in font["GPOS"].table.FeatureList.FeatureRecord}
    assert {"mark", "mkmk"} <= features


def test_every_character_of_the_interface_is_in_the_subset():
    text = "".join(re.findall(r'^msg(?:id|str) "(.*)"$', CATALOGUE.read_text(), re.M))
    missing = {char for char in text if ord(char) not in webfonts.codepoints()}
    assert not missing, f"add to webfonts.UNICODES and run make webfonts: {sorted(missing)}"


def test_the_css_loads_the_woff2_files_without_swapping_fonts_after_the_first_paint():
    faces = re.findall(r"@font-face\s*{(.*?)}", CSS, re.S)
    assert len(faces) == len(webfonts.FACES)
    for face in faces:
        assert re.search(r'url\("\.\./fonts/Sarabun-\w+\.woff2"\) format\("woff2"\)', face)
        assert "font-display: optional" in face
        assert ".ttf" not in face


@pytest.mark.parametrize("base", BASES, ids=lambda path: path.parent.name)
@pytest.mark.parametrize("face", ["Sarabun-Regular", "Sarabun-Bold"])
def test_both_base_templates_preload_the_regular_and_bold_weights(base, face):
    link = (
        f'<link rel="preload" href="{{% static \'fonts/{face}.woff2\' %}}" as="font" '
        'type="font/woff2" crossorigin>'
    )
    assert link in base.read_text()
