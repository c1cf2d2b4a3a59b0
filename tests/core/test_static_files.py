"""Static files as production serves them (`localplan collectstatic`, no DEBUG): hashed
names cached for ever, compressed ahead, the fonts' URLs in the CSS hashed too."""

import pytest
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.test import Client, override_settings

MANIFEST = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    root = tmp_path_factory.mktemp("static")
    with override_settings(STATIC_ROOT=root, STORAGES=MANIFEST, WHITENOISE_USE_FINDERS=False):
        # Our own files only: compressing the admin's and the API docs' 10 MB takes minutes.
        call_command("collectstatic", "--noinput", "-v", "0", ignore_patterns=["admin", "ninja"])
        yield root


@pytest.fixture
def production(collected):
    with override_settings(STATIC_ROOT=collected, STORAGES=MANIFEST, WHITENOISE_USE_FINDERS=False):
        yield Client()  # a new client: WhiteNoise reads STATIC_ROOT when it starts


def test_a_static_file_has_a_hashed_name_and_is_cached_for_a_year_or_more(production):
    url = staticfiles_storage.url("css/localplan.css")
    assert url.startswith("/static/css/localplan.") and url != "/static/css/localplan.css"
    response = production.get(url)
    assert response.status_code == 200
    cache_control = response["Cache-Control"]
    max_age = int(cache_control.split("max-age=")[1].split(",")[0])
    assert max_age >= 365 * 24 * 3600
    assert "immutable" in cache_control


@pytest.mark.parametrize("encoding", ["gzip", "br"])
def test_bootstrap_is_sent_compressed(production, encoding):
    url = staticfiles_storage.url("vendor/bootstrap/bootstrap.min.css")
    response = production.get(url, HTTP_ACCEPT_ENCODING=encoding)
    assert response["Content-Encoding"] == encoding
    assert int(response["Content-Length"]) < 40_000  # 232 KB as it is


def test_the_css_points_at_the_hashed_web_fonts(production):
    response = production.get(staticfiles_storage.url("css/localplan.css"))
    css = b"".join(response.streaming_content).decode()
    hashed = staticfiles_storage.url("fonts/Sarabun-Regular.woff2").rsplit("/", 1)[1]
    assert hashed != "Sarabun-Regular.woff2" and hashed in css


@pytest.mark.django_db
def test_pages_link_the_hashed_names(production):
    page = production.get("/p/check/").content.decode()
    assert staticfiles_storage.url("vendor/bootstrap/bootstrap.min.css") in page
    assert staticfiles_storage.url("fonts/Sarabun-Regular.woff2") in page
