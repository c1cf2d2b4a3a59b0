from django.utils import timezone

from localplan.core.thai_calendar import fiscal_year_of


def membership(request):
    """The organization and role of the page, and today's fiscal year, for the layout."""
    return {
        "membership": getattr(request, "membership", None),
        "organization": getattr(request, "organization", None),
        "current_fiscal_year": fiscal_year_of(timezone.localdate()),
    }
