"""Pages, CSV and JSON go out gzipped to a browser that accepts it; PDFs and workbooks,
compressed already, go out as they are, and an announced PDF keeps its hash as a strong ETag."""

import gzip
import hashlib

import pytest
from django.urls import reverse

from localplan.workflow.models import Announcement

pytestmark = pytest.mark.django_db
GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


def url(name, edition):
    return reverse(f"portal:{name}", kwargs={"org": "phairin", "edition_id": edition.pk})


def test_the_edition_page_is_gzipped_for_a_browser_that_accepts_it(client, announced):
    plain = client.get(url("ops_edition", announced))
    zipped = client.get(url("ops_edition", announced), **GZIP)
    assert zipped["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in zipped["Vary"]
    assert gzip.decompress(zipped.content) == plain.content
    assert len(zipped.content) < len(plain.content) / 3
    assert "Content-Encoding" not in plain


def test_a_gzipped_page_still_answers_a_conditional_get_with_304(client, announced):
    first = client.get(url("ops_edition", announced), **GZIP)
    again = client.get(url("ops_edition", announced), HTTP_IF_NONE_MATCH=first["ETag"], **GZIP)
    assert again.status_code == 304


def test_the_csv_download_is_gzipped(client, announced):
    response = client.get(url("ops_csv", announced), **GZIP)
    assert response["Content-Encoding"] == "gzip"


def test_the_announced_pdf_is_sent_as_stored_with_its_strong_etag(client, announced):
    announcement = Announcement.objects.get(ops_edition=announced)
    response = client.get(url("ops_pdf", announced), **GZIP)
    assert "Content-Encoding" not in response
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert hashlib.sha256(body).hexdigest() == announcement.sha256
    assert response["ETag"] == f'"{announcement.sha256}"'


def test_the_workbook_is_not_gzipped_again(client, announced):
    response = client.get(url("ops_xlsx", announced), **GZIP)
    assert response.status_code == 200
    assert "Content-Encoding" not in response
