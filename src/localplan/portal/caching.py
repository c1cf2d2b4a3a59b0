"""Announced editions never change, so their pages and files are rendered once, kept in the
cache and answered with a strong ETag (a hash of the bytes), a long Cache-Control and, for
a client that already holds them, 304 Not Modified.

The cache key names everything the bytes depend on: the edition, its state and last change
(so a later supersession renders anew), the language and the query string.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from urllib.parse import urlencode

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.translation import get_language

RENDER_VERSION = "1"  # raise when templates or exports change what they write
EDITION_MAX_AGE = 24 * 3600  # an announced edition's pages and files
LIST_MAX_AGE = 5 * 60  # lists that grow when something is announced
CACHE_SECONDS = 7 * 24 * 3600
KEPT_HEADERS = ("Content-Disposition",)


def edition_key(kind: str, edition, *extra: object) -> str:
    """What an edition's page or file depends on, announcement included."""
    changed = edition.updated_at.isoformat() if edition.updated_at else ""
    return stamp_key(kind, edition.pk, f"{edition.state}:{changed}", *extra)


def stamp_key(kind: str, edition_id: int, stamp: str, *extra: object) -> str:
    """The same key from `queries.public_edition_stamp`, before the edition is loaded."""
    return ":".join(str(part) for part in (kind, edition_id, stamp, *extra))


def query_key(request: HttpRequest) -> str:
    return urlencode(sorted((k, v) for k, vs in request.GET.lists() for v in vs))


def cached_response(
    request: HttpRequest,
    *,
    key: str,
    render: Callable[[], HttpResponse],
    max_age: int = EDITION_MAX_AGE,
) -> HttpResponse:
    """The response `render()` makes, from the cache after the first time; 304 when the
    client's If-None-Match holds its ETag. Only 200 responses are kept."""
    full_key = f"{RENDER_VERSION}:{get_language()}:{key}"
    cache_key = "portal:" + hashlib.sha256(full_key.encode()).hexdigest()
    kept = cache.get(cache_key)
    if kept is None:
        rendered = render()
        if rendered.status_code != 200 or rendered.streaming:
            return rendered
        body = rendered.content
        etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        headers = {name: rendered[name] for name in KEPT_HEADERS if rendered.has_header(name)}
        kept = (body, rendered["Content-Type"], etag, headers)
        cache.set(cache_key, kept, timeout=CACHE_SECONDS)
    body, content_type, etag, headers = kept
    response = HttpResponse(body, content_type=content_type, headers=headers)
    response["ETag"] = etag
    response["Cache-Control"] = f"public, max-age={max_age}"
    # The language comes from Accept-Language or the language cookie.
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return get_conditional_response(request, etag=etag, response=response)
