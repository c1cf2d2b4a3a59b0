"""Thai word search: the query and the rows are cut into words, so a word finds the rows
that contain it, a short word only where it starts a word, and several words all together."""

import pytest
from django.urls import reverse

from localplan.portal.search import matches, query_words, search, words


def test_a_thai_word_is_found_inside_a_compound_without_spaces():
    rows = ["ก่อสร้างถนนคอนกรีต", "อาหารกลางวันเด็ก"]
    assert search(rows, "ถนน", str) == ["ก่อสร้างถนนคอนกรีต"]


def test_a_query_typed_without_spaces_is_cut_into_words_that_must_all_appear():
    rows = ["ก่อสร้างถนน คสล. หมู่ที่ 3 คอนกรีต", "ก่อสร้างถนนลูกรัง หมู่ที่ 1"]
    assert query_words("ถนนคอนกรีต") == ("ถนน", "คอนกรีต")
    assert search(rows, "ถนนคอนกรีต", str) == ["ก่อสร้างถนน คสล. หมู่ที่ 3 คอนกรีต"]
    assert search(rows, "ถนน หมู่ 1", str) == ["ก่อสร้างถนนลูกรัง หมู่ที่ 1"]


def test_a_short_word_must_begin_a_word():
    """นา (rice field) is not found inside พัฒนา (development)."""
    rows = ["ศูนย์พัฒนาเด็กเล็ก", "ขุดลอกคลองส่งน้ำเข้านา หมู่ที่ 2"]
    assert search(rows, "นา", str) == ["ขุดลอกคลองส่งน้ำเข้านา หมู่ที่ 2"]


def test_thai_digits_find_arabic_digits():
    assert search(["วางท่อ หมู่ที่ 3"], "หมู่ ๓", str) == ["วางท่อ หมู่ที่ 3"]


def test_an_empty_or_punctuation_query_keeps_every_row():
    assert search(["ก", "ข"], "  ... ", str) == ["ก", "ข"]


def test_words_drop_punctuation_and_case():
    assert words("ABC (ถนน).") == ("abc", "ถนน")
    assert matches(("abc",), words("ABC"), "abc")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "codes"),
    [
        ("ถนน", ["E0001", "E0004"]),
        ("ถนนคอนกรีต", ["E0001"]),
        ("เสริมเหล็ก", ["E0001"]),
        ("ท่อระบายน้ำ", ["E0002"]),
        ("หนองบัว", ["E0001", "E0004"]),
        ("แขวงทางหลวง", ["E0004"]),
        ("นา", []),
        ("ไม่มีคำนี้ในแผน", []),
    ],
)
def test_the_edition_page_searches_names_details_places_and_who_carries_out(
    client, announced, query, codes
):
    url = reverse("portal:ops_edition", kwargs={"org": "phairin", "edition_id": announced.pk})
    page = client.get(url, {"q": query}).content.decode()
    shown = [code for code in ("E0001", "E0002", "E0003", "E0004") if f"/{code}/" in page]
    assert shown == codes
    if not codes:
        assert "ไม่พบโครงการที่ค้นหา" in page
