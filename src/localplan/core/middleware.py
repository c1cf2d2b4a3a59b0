from django.middleware.gzip import GZipMiddleware

from localplan.core.audit import acting_as


class ActorMiddleware:
    """Records the signed-in user as the actor of every change made during the request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with acting_as(getattr(request, "user", None)):
            return self.get_response(request)


class TextGZipMiddleware(GZipMiddleware):
    """Django's gzip, for text only (pages, CSV, JSON): PDFs and workbooks are compressed
    already, and an announced PDF keeps its SHA-256 as a strong ETag.

    BREACH (guessing a secret from the compressed size of pages that also echo the
    attacker's input) is acceptable here: the only secret in a page is the CSRF token,
    which Django masks anew in every response; Django pads every gzip body with random
    bytes (Heal the Breach); the public portal's pages hold no secret at all. Session
    cookies are headers and are never compressed.
    """

    TEXT_TYPES = ("text/", "application/json", "application/javascript", "application/xml")

    def process_response(self, request, response):
        content_type = response.get("Content-Type", "")
        if not content_type.startswith(self.TEXT_TYPES):
            return response
        return super().process_response(request, response)
