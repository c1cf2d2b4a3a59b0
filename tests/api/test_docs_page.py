"""The API's documentation page (django-ninja's Swagger UI) is readable on a phone and by a
screen reader: the page's language, a viewport, landmarks."""

import re

import pytest


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["th", "en"])
def test_the_api_docs_page_has_a_language_a_viewport_and_landmarks(client, language):
    client.cookies["django_language"] = language
    page = client.get("/api/docs").content.decode()
    assert re.search(rf'<html lang="{language}">', page)
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert '<main id="swagger-ui"' in page  # Swagger UI draws into the main landmark
    assert "<header" in page and "<nav" in page
