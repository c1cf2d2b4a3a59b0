"""On the English pages, the data written in Thai (names of organizations, projects,
strategies, villages …) is marked lang="th", so that a screen reader reads it with a Thai
voice; on the Thai pages nothing needs marking."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db
ENGLISH = {"HTTP_ACCEPT_LANGUAGE": "en"}


class _Marked(HTMLParser):
    """Collects the text of each element marked lang="th"."""

    def __init__(self):
        super().__init__()
        self.depth, self.texts = [], []

    def handle_starttag(self, tag, attrs):
        if tag in ("br", "wbr", "meta", "link", "input", "img"):
            return
        if self.depth:
            self.depth[-1] += 1
        elif ("lang", "th") in attrs and tag == "span":
            self.depth.append(1)
            self.texts.append("")

    def handle_endtag(self, tag):
        if self.depth and tag not in ("br", "wbr"):
            self.depth[-1] -= 1
            if not self.depth[-1]:
                self.depth.pop()

    def handle_data(self, data):
        if self.depth:
            self.texts[-1] += data


def marked(page: str) -> list[str]:
    """The texts inside <span lang="th">."""
    parser = _Marked()
    parser.feed(page)
    return [" ".join(text.split()) for text in parser.texts]


def test_the_organization_page_marks_its_thai_name_and_place(client, announced):
    page = client.get("/p/phairin/", **ENGLISH).content.decode()
    # The English page names the kind of organization in English around the Thai name.
    assert '<h1><span lang="th">ผไทรินทร์</span> Subdistrict Administrative Organization' in page
    assert '<span lang="th">อบต.ผไทรินทร์</span>' in page
    assert "บุรีรัมย์" in marked(page)
    assert '<html lang="en">' in page


def test_the_entry_page_marks_each_thai_field(client, announced):
    url = reverse(
        "portal:ops_entry", kwargs={"org": "phairin", "edition_id": announced.pk, "code": "E0002"}
    )
    texts = marked(client.get(url, **ENGLISH).content.decode())
    assert "กองช่าง" in texts
    assert "โคกเพชร" in texts  # the village, named partly in English
    assert "แผนงานอุตสาหกรรมและการโยธา" in texts
    assert any("วางท่อระบายน้ำ" in text for text in texts)


def test_the_edition_table_marks_the_names_cut_into_words(client, announced):
    url = reverse("portal:ops_edition", kwargs={"org": "phairin", "edition_id": announced.pk})
    page = client.get(url, **ENGLISH).content.decode()
    assert re.search(r'<span lang="th"><span class="tw">', page)


def test_nothing_is_marked_on_the_thai_pages(client, announced):
    for url in ("/", "/p/phairin/", f"/p/phairin/ops/{announced.pk}/E0002/"):
        assert '<span lang="th">' not in client.get(url).content.decode()


def test_text_without_thai_is_not_marked(client, announced):
    url = reverse(
        "portal:ops_entry", kwargs={"org": "phairin", "edition_id": announced.pk, "code": "E0002"}
    )
    texts = marked(client.get(url, **ENGLISH).content.decode())
    assert all(re.search(r"[\u0E00-\u0E7F]", text) for text in texts)
