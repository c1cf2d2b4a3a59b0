from django.db.models import Prefetch

from localplan.strategy.models import GUIDELINE_LABEL, Guideline, Regime, Strategy


def guideline_label(organization) -> str:
    """แนวทางการพัฒนา or กลยุทธ์, by the regime of the organization's latest plan."""
    from localplan.devplan.models import DevPlan

    latest = DevPlan.objects.filter(organization=organization).order_by("-first_fiscal_year")
    regime = latest.values_list("regime", flat=True).first() or Regime.CURRENT
    return GUIDELINE_LABEL[regime]


def strategies_with_guidelines(organization):
    return Strategy.objects.filter(organization=organization).prefetch_related(
        Prefetch("guidelines", queryset=Guideline.objects.order_by("number")),
        "national_strategies",
        "sdgs",
        "provincial_strategies",
        "goals",
    )
