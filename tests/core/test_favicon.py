"""The site's icon: /favicon.ico answers with a real icon, and every page links its SVG."""

import re

from django.contrib.staticfiles import finders
from django.urls import reverse


def test_favicon_ico_is_a_real_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    content = b"".join(response.streaming_content)
    assert content.startswith(b"\x00\x00\x01\x00")  # the ICO header
    assert "max-age" in response["Cache-Control"]


def _icons(page: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="([\w-]*icon)"[^>]*href="/static/([^"]+)"', page))


def test_staff_and_portal_pages_link_an_icon_that_exists(client, planner_client):
    pages = [
        planner_client.get(reverse("home", kwargs={"org": "phairin"})),
        client.get(reverse("portal:index")),
    ]
    for response in pages:
        icons = _icons(response.content.decode())
        assert icons.keys() == {"icon", "apple-touch-icon"}
        for path in icons.values():
            assert finders.find(path), path
