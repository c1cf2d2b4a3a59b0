from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from localplan.core.access import (
    member_view,
    require_editable,
    require_plan_editor,
    require_unit_row_editor,
)
from localplan.core.models import Role
from localplan.core.pages import delete_page, form_page
from localplan.core.slots import panels_for
from localplan.devplan.queries import linkable_plan_projects
from localplan.opsplan import queries, services
from localplan.opsplan.forms import (
    EntryFilterForm,
    EntryMonthsForm,
    OperationalPlanForm,
    OpsEntryForm,
)
from localplan.opsplan.models import OperationalPlan, OpsEdition, OpsEntry, months_label


def _list_url(org) -> str:
    return reverse("opsplan:list", kwargs={"org": org.slug})


@member_view
def plan_list(request):
    plans = queries.plans_with_editions(request.organization)
    return render(request, "opsplan/list.html", {"nav": "opsplan", "plans": plans})


@member_view
def plan_new(request):
    require_plan_editor(request.membership)
    org = request.organization
    form = OperationalPlanForm(request.POST or None)
    return form_page(
        request,
        form,
        title=_("สร้างแผนการดำเนินงาน"),
        success_url=_list_url(org),
        save=lambda form: services.create_operational_plan(organization=org, **form.cleaned_data),
        breadcrumbs=[(_("แผนการดำเนินงาน"), _list_url(org))],
        extra={"nav": "opsplan", "confirm_label": _("ลบรายการนี้")},
    )


@member_view
def plan_detail(request, fiscal_year):
    plan = get_object_or_404(
        OperationalPlan, fiscal_year=fiscal_year, organization=request.organization
    )
    edition = queries.current_edition(plan)
    return redirect(edition) if edition else redirect("opsplan:list", org=plan.organization.slug)


def _edition(request, edition_id) -> OpsEdition:
    return get_object_or_404(
        OpsEdition.objects.select_related("plan"), pk=edition_id, organization=request.organization
    )


@member_view
def edition_detail(request, edition_id):
    edition = _edition(request, edition_id)
    filter_form = EntryFilterForm(request.GET or None, organization=request.organization)
    entries = queries.entries_of(edition, filter_form.filters())
    fiscal_year = edition.plan.fiscal_year
    context = {
        "nav": "opsplan",
        "edition": edition,
        "plan": edition.plan,
        "tree": queries.group_entries(entries),
        "month_header": queries.month_header(fiscal_year),
        "filter_form": filter_form,
        "actions": panels_for("edition_actions", membership=request.membership, edition=edition),
        "panels": panels_for("edition_panels", membership=request.membership, edition=edition),
        "can_add": edition.is_editable
        and (request.membership.can_edit_plans or request.membership.role == Role.UNIT_STAFF),
    }
    if context["can_add"]:
        context["months_form"] = EntryMonthsForm(edition=edition)
    return render(request, "opsplan/edition.html", context)


def _require_entry_editor(membership) -> None:
    """Plan editors change every entry, unit staff their unit's; other roles read only."""
    if membership.role != Role.UNIT_STAFF:
        require_plan_editor(membership)


@member_view
def entry_months_edit(request, edition_id):
    """Set the months of the entries ticked on the plan page, all in one step."""
    edition = _edition(request, edition_id)
    require_editable(edition)
    _require_entry_editor(request.membership)
    back = edition.get_absolute_url()
    if request.method != "POST":
        return redirect(back)
    form = EntryMonthsForm(request.POST, edition=edition)
    if not form.is_valid():
        for name, errors in form.errors.items():
            label = form.fields[name].label if name in form.fields else ""
            messages.error(request, f"{label}: {' '.join(errors)}" if label else " ".join(errors))
        return redirect(back)
    count = services.set_months(
        edition=edition,
        entries=form.cleaned_data["entries"],
        months=form.cleaned_data["months"],
        by=request.membership,
    )
    messages.success(
        request,
        _("กำหนดเดือนที่ดำเนินการ (%(months)s) ให้ %(count)s รายการแล้ว")
        % {"months": months_label(form.cleaned_data["months"]), "count": count},
    )
    return redirect(back)


def _entry_form_page(request, edition, entry, form):
    org = request.organization
    membership = request.membership
    return form_page(
        request,
        form,
        title=_("แก้ไขรายการ") if entry else _("เพิ่มรายการในแผนการดำเนินงาน"),
        success_url=edition.get_absolute_url(),
        save=lambda form: services.save_entry(
            entry=form.instance, by=membership, villages=form.cleaned_data["villages"]
        ),
        template="opsplan/entry_form.html",
        breadcrumbs=[
            (_("แผนการดำเนินงาน"), _list_url(org)),
            (str(edition), edition.get_absolute_url()),
        ],
        extra={
            "nav": "opsplan",
            "edition": edition,
            "delete_url": (
                reverse("opsplan:entry_delete", kwargs={"org": org.slug, "entry_id": entry.pk})
                if entry
                else ""
            ),
            "delete_label": _("ลบรายการนี้"),
        },
    )


@member_view
def entry_fill(request, edition_id):
    """The entry form's fields again, filled from the chosen plan project (htmx); the officer's
    other typing is kept. A project the entry may not link to (another organization's, another
    year's) is 404."""
    edition = _edition(request, edition_id)
    membership = request.membership
    typed = OpsEntryForm(request.GET, edition=edition, membership=membership)
    initial = typed.typed_values()
    project_id = request.GET.get("plan_project", "").strip()
    if project_id:
        if not project_id.isdigit():
            raise Http404("bad plan project")
        linkable = linkable_plan_projects(request.organization, edition.plan.fiscal_year)
        project = get_object_or_404(
            linkable.prefetch_related("villages", "budgets"), pk=int(project_id)
        )
        filled = services.values_from_project(project, edition.plan.fiscal_year)
        if (initial.get("details") or "").strip():
            filled.pop("details")  # what the officer wrote stands
        initial |= filled
    form = OpsEntryForm(initial=initial, edition=edition, membership=membership)
    return render(request, "opsplan/_entry_fields.html", {"form": form})


@member_view
def entry_new(request, edition_id):
    edition = _edition(request, edition_id)
    require_editable(edition)
    _require_entry_editor(request.membership)
    form = OpsEntryForm(request.POST or None, edition=edition, membership=request.membership)
    return _entry_form_page(request, edition, None, form)


def _entry(request, entry_id) -> OpsEntry:
    entry = get_object_or_404(
        OpsEntry.objects.select_related("edition__plan"),
        pk=entry_id,
        organization=request.organization,
    )
    require_editable(entry.edition)
    require_unit_row_editor(request.membership, entry.unit_id)
    return entry


@member_view
def entry_edit(request, entry_id):
    entry = _entry(request, entry_id)
    form = OpsEntryForm(
        request.POST or None, instance=entry, edition=entry.edition, membership=request.membership
    )
    return _entry_form_page(request, entry.edition, entry, form)


@member_view
def entry_delete(request, entry_id):
    entry = _entry(request, entry_id)
    membership = request.membership
    summary, effects = queries.entry_deletion(entry)
    return delete_page(
        request,
        entry,
        success_url=entry.edition.get_absolute_url(),
        delete=lambda row: services.delete_entry(entry=row, by=membership),
        title=_("ลบรายการ"),
        summary=summary,
        effects=effects,
        extra={"nav": "opsplan", "confirm_label": _("ลบรายการนี้")},
    )
