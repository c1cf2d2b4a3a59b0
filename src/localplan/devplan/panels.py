from django.db.models import Count

from localplan.core.slots import Panel, slot
from localplan.devplan.models import DevPlanEdition
from localplan.devplan.queries import current_edition, plans_with_editions


@slot("home")
def current_plans(membership):
    plans = list(plans_with_editions(membership.organization)[:3])
    editions = [edition for plan in plans if (edition := current_edition(plan))]
    counts = dict(
        DevPlanEdition.objects.filter(pk__in=[e.pk for e in editions])
        .annotate(project_count=Count("projects"))
        .values_list("pk", "project_count")
    )
    rows = [(edition, counts.get(edition.pk, 0)) for edition in editions]
    return Panel("devplan/_home_panel.html", {"rows": rows}, order=20)
