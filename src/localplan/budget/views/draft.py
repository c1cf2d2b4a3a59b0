"""The automatic draft of the operational plan and the consistency checks of a year."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from localplan.budget import checks, queries
from localplan.budget.services.draft import apply_draft, preview_draft
from localplan.core.access import member_view, require_plan_editor


@member_view
def draft(request, fiscal_year):
    """GET: what building or refreshing the draft would do (any member may look).
    POST: do it (plan editors), keeping every field edited by hand unless it was ticked."""
    org = request.organization
    context = {"nav": "budget", "fiscal_year": fiscal_year}
    try:
        if request.method == "POST":
            require_plan_editor(request.membership)
            result = apply_draft(
                organization=org,
                fiscal_year=fiscal_year,
                by=request.membership,
                take=set(request.POST.getlist("take")),
                remove=set(request.POST.getlist("remove")),
            )
            counts = result.counts
            messages.success(
                request,
                _("ร่างแผนการดำเนินงานแล้ว: เพิ่ม %(create)s รายการ ปรับ %(update)s รายการ")
                % {"create": counts["create"], "update": counts["update"] + counts["conflict"]},
            )
            return redirect(result.edition)
        context["preview"] = preview_draft(organization=org, fiscal_year=fiscal_year)
    except ValidationError as refusal:
        context["refusal"] = " ".join(refusal.messages)
    return render(request, "budget/draft.html", context)


@member_view
def year_checks(request, fiscal_year):
    org = request.organization
    report = checks.run_checks(org, fiscal_year)
    context = {"nav": "budget", "fiscal_year": fiscal_year, "report": report}
    return render(request, "budget/checks.html", context)


@member_view
def checks_badge(request):
    """The home page's badge, loaded after the page: the problems of the latest year."""
    org = request.organization
    years = queries.budget_years(org)
    report = checks.run_checks(org, years[0]) if years else None
    return render(request, "budget/_checks_badge.html", {"report": report})
