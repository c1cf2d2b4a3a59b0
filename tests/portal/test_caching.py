"""An announced edition's page and files: rendered once, strong ETags, long Cache-Control,
304 for a client that holds the same bytes, and a fresh render after a supersession."""

import pytest
from django.urls import reverse

from localplan.core.models import EditionState

pytestmark = pytest.mark.django_db


def edition_url(edition, name="ops_edition"):
    return reverse(f"portal:{name}", kwargs={"org": "phairin", "edition_id": edition.pk})


def test_the_edition_page_has_a_strong_etag_and_a_long_cache_lifetime(client, announced):
    response = client.get(edition_url(announced))
    assert response.status_code == 200
    assert response["ETag"].startswith('"') and not response["ETag"].startswith("W/")
    assert response["Cache-Control"] == "public, max-age=86400"
    assert "Accept-Language" in response["Vary"]


def test_a_conditional_get_with_the_same_etag_answers_304_without_a_body(client, announced):
    etag = client.get(edition_url(announced))["ETag"]
    again = client.get(edition_url(announced), HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    other = client.get(edition_url(announced), HTTP_IF_NONE_MATCH='"something-else"')
    assert other.status_code == 200


@pytest.mark.parametrize("name", ["ops_edition", "ops_csv", "ops_xlsx", "ops_json", "ops_oc4ids"])
def test_after_the_first_request_the_page_comes_from_the_cache(
    client, announced, django_assert_num_queries, name
):
    first = client.get(edition_url(announced, name))
    with django_assert_num_queries(0):  # the edition's state is remembered a few seconds
        second = client.get(edition_url(announced, name))
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]


def test_the_state_is_read_again_once_the_short_memory_expires(
    client, announced, django_assert_num_queries
):
    from localplan.portal.queries import OPS, forget_stamp

    client.get(edition_url(announced))
    forget_stamp(OPS, announced.pk)  # as when STAMP_SECONDS have passed
    with django_assert_num_queries(1):
        assert client.get(edition_url(announced)).status_code == 200


def test_a_supersession_shows_at_once(client, announced):
    before = client.get(edition_url(announced))
    assert "ถูกแทนที่" not in before.content.decode()
    announced.state = EditionState.SUPERSEDED
    announced.save()
    after = client.get(edition_url(announced), HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert "ฉบับนี้ถูกแทนที่ด้วยฉบับใหม่แล้ว" in after.content.decode()
    assert "อ่านฉบับที่ใช้อยู่" not in after.content.decode()  # no newer one announced yet
    assert after["ETag"] != before["ETag"]


def test_each_language_has_its_own_etag(client, announced):
    thai = client.get(edition_url(announced), HTTP_ACCEPT_LANGUAGE="th")
    english = client.get(edition_url(announced), HTTP_ACCEPT_LANGUAGE="en")
    assert english["ETag"] != thai["ETag"]
    assert b'lang="en"' in english.content


def test_each_search_is_cached_apart(client, announced):
    everything = client.get(edition_url(announced))
    roads = client.get(edition_url(announced) + "?q=ถนน")
    assert roads["ETag"] != everything["ETag"]
    assert "อาหารกลางวัน" not in roads.content.decode()


def test_a_page_that_is_not_found_is_not_cached(client, announced):
    url = reverse(
        "portal:ops_entry", kwargs={"org": "phairin", "edition_id": announced.pk, "code": "NOPE"}
    )
    assert client.get(url).status_code == 404
    assert client.get(url).status_code == 404
