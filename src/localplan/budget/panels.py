"""What the budget app adds to shared pages: a card on the home page (its badge loads after
the page, so the home page itself makes no query for it), and buttons beside plan editions."""

from django.urls import reverse

from localplan.budget.checks import open_problems
from localplan.core.slots import Panel, slot
from localplan.devplan.models import DevPlanEdition
from localplan.opsplan.models import OpsEdition


@slot("home")
def budget_card(membership):
    org = membership.organization
    return Panel(
        "budget/_home_panel.html",
        {
            "index_url": reverse("budget:index", kwargs={"org": org.slug}),
            "badge_url": reverse("budget:checks_badge", kwargs={"org": org.slug}),
        },
        order=30,
    )


@slot("edition_actions")
def edition_buttons(membership, edition):
    if isinstance(edition, DevPlanEdition):
        return Panel(
            "budget/_devplan_actions.html",
            {"edition": edition, "can_import": edition.is_editable and membership.can_edit_plans},
            order=40,
        )
    if isinstance(edition, OpsEdition):
        return Panel(
            "budget/_opsplan_actions.html",
            {
                "fiscal_year": edition.plan.fiscal_year,
                "can_draft": edition.is_editable and membership.can_edit_plans,
            },
            order=40,
        )
    return None


@slot("before_submit")
def consistency_before_submit(membership, edition):
    """The open consistency problems of an operational plan, shown (not blocking: domain.md
    §8 names them to be fixed, the committee may still review) before it goes to review."""
    if not isinstance(edition, OpsEdition):
        return None
    org = membership.organization
    checks_url = reverse(
        "budget:checks", kwargs={"org": org.slug, "fiscal_year": edition.plan.fiscal_year}
    )
    return Panel(
        "budget/_submit_problems.html",
        {"problems": open_problems(edition), "checks_url": checks_url},
        order=10,
    )
