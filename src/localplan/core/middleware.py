from localplan.core.audit import acting_as


class ActorMiddleware:
    """Records the signed-in user as the actor of every change made during the request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with acting_as(getattr(request, "user", None)):
            return self.get_response(request)
