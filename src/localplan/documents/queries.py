"""Reads the documents need beyond what the plan apps' queries give."""

from __future__ import annotations

from django.db.models import prefetch_related_objects

from localplan.devplan.models import DevPlanEdition, PlanProject
from localplan.devplan.queries import projects_of
from localplan.opsplan.models import OpsEdition, OpsEntry
from localplan.opsplan.queries import entries_of
from localplan.strategy.models import Strategy


def ops_entries(edition: OpsEdition) -> list[OpsEntry]:
    """The edition's entries in form order, with their villages for the place column."""
    entries = entries_of(edition)
    prefetch_related_objects(entries, "villages")
    return entries


def plan_projects(edition: DevPlanEdition) -> list[PlanProject]:
    return projects_of(edition)


def strategies_with_alignment(organization, strategy_ids) -> dict[int, Strategy]:
    """The strategies of a plan with what they align with, for the preamble of ผ.02."""
    strategies = Strategy.objects.filter(
        organization=organization, pk__in=set(strategy_ids)
    ).prefetch_related("national_strategies", "sdgs", "provincial_strategies")
    return {strategy.pk: strategy for strategy in strategies}


def emblem_png(organization) -> bytes | None:
    from localplan.documents.models import OrganizationEmblem

    image = (
        OrganizationEmblem.objects.filter(organization=organization)
        .values_list("image", flat=True)
        .first()
    )
    return bytes(image) if image is not None else None
