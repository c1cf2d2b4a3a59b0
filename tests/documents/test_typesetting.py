"""Thai text never breaks inside a word; the same edition prints to the same bytes; Thai
digits when the organization asks for them."""

import pytest
import typst

from localplan.core.thai_text import may_break_between, words
from localplan.documents.official import render_form
from localplan.documents.typesetting import FONTS_DIR
from tests.documents.factories import plan_world
from tests.documents.pdf_text import bad_breaks, squashed_text, text_lines
from tests.factories import OrganizationFactory


def test_words_are_cut_where_a_line_may_break_and_nowhere_else():
    assert words("ค่าเฉลี่ยของกระทรวงมหาดไทย") == ["ค่าเฉลี่ย", "", "ของ", "", "กระทรวงมหาดไทย"]
    assert words("หนา 0.15 เมตร") == ["หนา", " ", "0.15", " ", "เมตร"]
    assert words("no Thai here 12") == "no Thai here 12"


def test_punctuation_abbreviations_and_mai_yamok_stay_with_their_word():
    assert "(นม)" in words("อาหารเสริม(นม)สำหรับเด็ก")
    assert "คสล." in words("ถนน คสล. กว้าง")
    assert "ต่าง ๆ" in words("ของต่าง ๆ ในชุมชน")
    assert words("บรรทัดแรก\nบรรทัดสอง")[3] == "\n"
    assert not may_break_between("เ", "ก")  # a leading vowel belongs to what follows
    assert not may_break_between("ก", "ี่")  # a mark belongs to what precedes


def test_the_line_check_finds_a_word_broken_by_force():
    """The checker itself must be able to fail: a PDF with words broken on purpose."""
    source = '#set text(font: "Sarabun", lang: "th")\nค่าเ#linebreak()ฉลี่ย และ ท#linebreak()ี่ดิน'
    pdf = typst.compile(source.encode(), font_paths=[str(FONTS_DIR)], ignore_system_fonts=True)
    found = bad_breaks(text_lines(pdf))
    assert len(found) == 2 and found[0] == "ค่าเ" and found[1].startswith("ี่")


@pytest.mark.django_db
def test_no_line_of_a_300_entry_pd02_breaks_inside_a_word():
    world = plan_world(OrganizationFactory(), entries=300, projects=40)
    pdf = render_form("pd02", world["ops_edition"], "pdf")[2]
    lines = text_lines(pdf)
    assert len(lines) > 1500  # every cell of every row was read
    assert bad_breaks(lines) == []


@pytest.mark.django_db
def test_the_same_edition_renders_to_the_same_bytes():
    world = plan_world(OrganizationFactory(), entries=12, projects=6)
    ops, dev = world["ops_edition"], world["dev_edition"]
    first = render_form("book", ops, "pdf")[2], render_form("p02", dev, "pdf")[2]
    render_form("pd01", ops, "pdf")  # something else in between
    second = render_form("book", ops, "pdf")[2], render_form("p02", dev, "pdf")[2]
    assert first == second
    assert render_form("pd02", ops, "xlsx")[2] == render_form("pd02", ops, "xlsx")[2]


@pytest.mark.django_db
def test_thai_digits_when_the_organization_asks_for_them():
    org = OrganizationFactory(thai_digits_in_documents=True)
    world = plan_world(org, entries=6, projects=5)
    text = squashed_text(render_form("pd02", world["ops_edition"], "pdf")[2])
    assert "พ.ศ.๒๕๕๒" in text and "2552" not in text
    budget = world["entries"][0].budget
    assert f"{budget:,.2f}".translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")) in text
    org.thai_digits_in_documents = False
    org.save()
    world["ops_edition"].organization.refresh_from_db()
    assert "2552" in squashed_text(render_form("pd02", world["ops_edition"], "pdf")[2])
