from django.db.models import Count, Sum

from localplan.core.slots import Panel, slot
from localplan.opsplan.models import OpsEdition
from localplan.opsplan.queries import current_edition, plans_with_editions


@slot("home")
def current_operational_plans(membership):
    plans = list(plans_with_editions(membership.organization)[:3])
    editions = [edition for plan in plans if (edition := current_edition(plan))]
    totals = {
        row["pk"]: row
        for row in OpsEdition.objects.filter(pk__in=[e.pk for e in editions])
        .annotate(entry_count=Count("entries"), budget=Sum("entries__budget"))
        .values("pk", "entry_count", "budget")
    }
    rows = [(edition, totals.get(edition.pk, {})) for edition in editions]
    return Panel("opsplan/_home_panel.html", {"rows": rows}, order=10)
