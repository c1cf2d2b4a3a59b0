from functools import cache

from django.db.models import Prefetch, Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from localplan.strategy.models import GUIDELINE_LABEL, Guideline, Regime, Strategy, WorkPlan


def guideline_label(organization) -> str:
    """แนวทางการพัฒนา or กลยุทธ์, by the regime of the organization's latest plan."""
    from localplan.devplan.models import DevPlan

    latest = DevPlan.objects.filter(organization=organization).order_by("-first_fiscal_year")
    regime = latest.values_list("regime", flat=True).first() or Regime.CURRENT
    return str(GUIDELINE_LABEL[regime])


def strategies_with_guidelines(organization):
    return Strategy.objects.filter(organization=organization).prefetch_related(
        Prefetch("guidelines", queryset=Guideline.objects.order_by("number")),
        "national_strategies",
        "sdgs",
        "provincial_strategies",
        "goals",
    )


def guidelines_of(organization, strategy_id=None, keep_id=None) -> list[Guideline]:
    """The organization's แนวทาง/กลยุทธ์, only those of one strategy when it is given; `keep_id`
    stays in the list even under another strategy, so a wrong choice is seen, not dropped."""
    guidelines = Guideline.objects.filter(organization=organization).select_related("strategy")
    if strategy_id is not None:
        guidelines = guidelines.filter(Q(strategy_id=strategy_id) | Q(pk=keep_id))
    return list(guidelines)


@cache
def work_plan_choices() -> tuple[tuple[int, str], ...]:
    """The twelve แผนงาน as (id, name): national reference data, read once per process."""
    return tuple(WorkPlan.objects.order_by("order").values_list("pk", "name"))


@receiver(post_save, sender=WorkPlan)
@receiver(post_delete, sender=WorkPlan)
def _forget_work_plans(**kwargs):
    work_plan_choices.cache_clear()
