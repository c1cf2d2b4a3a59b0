from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from localplan.core.access import (
    member_view,
    require_editable,
    require_plan_editor,
    require_unit_row_editor,
)
from localplan.core.pages import delete_page, form_page
from localplan.core.slots import panels_for
from localplan.devplan import queries, services
from localplan.devplan.forms import DevPlanForm, PlanProjectForm, ProjectFilterForm
from localplan.devplan.models import DevPlan, DevPlanEdition, PlanProject


def _list_url(org) -> str:
    return reverse("devplan:list", kwargs={"org": org.slug})


@member_view
def plan_list(request):
    plans = queries.plans_with_editions(request.organization)
    return render(request, "devplan/list.html", {"nav": "devplan", "plans": plans})


@member_view
def plan_new(request):
    require_plan_editor(request.membership)
    org = request.organization
    form = DevPlanForm(request.POST or None)
    return form_page(
        request,
        form,
        title=_("สร้างแผนพัฒนา"),
        success_url=_list_url(org),
        save=lambda form: services.create_dev_plan(organization=org, **form.cleaned_data),
        breadcrumbs=[(_("แผนพัฒนา"), _list_url(org))],
        extra={"nav": "devplan", "confirm_label": _("ลบโครงการนี้")},
    )


@member_view
def plan_detail(request, plan_id):
    plan = get_object_or_404(DevPlan, pk=plan_id, organization=request.organization)
    edition = queries.current_edition(plan)
    return redirect(edition) if edition else redirect("devplan:list", org=plan.organization.slug)


def _edition(request, edition_id) -> DevPlanEdition:
    return get_object_or_404(
        DevPlanEdition.objects.select_related("plan"),
        pk=edition_id,
        organization=request.organization,
    )


@member_view
def edition_detail(request, edition_id):
    edition = _edition(request, edition_id)
    filter_form = ProjectFilterForm(request.GET or None, organization=request.organization)
    projects = queries.projects_of(edition, filter_form.filters())
    context = {
        "nav": "devplan",
        "edition": edition,
        "plan": edition.plan,
        "fiscal_years": edition.plan.fiscal_years,
        "tree": queries.group_projects(projects),
        "filter_form": filter_form,
        "actions": panels_for("edition_actions", membership=request.membership, edition=edition),
        "panels": panels_for("edition_panels", membership=request.membership, edition=edition),
        "other_editions": edition.plan.editions.exclude(pk=edition.pk).order_by("created_at", "id"),
    }
    return render(request, "devplan/edition.html", context)


def _project_form_page(request, edition, project, form):
    org = request.organization
    membership = request.membership

    def save(form):
        return services.save_plan_project(
            project=form.instance,
            by=membership,
            budgets=form.budgets(),
            villages=form.cleaned_data["villages"],
        )

    return form_page(
        request,
        form,
        title=_("แก้ไขโครงการ") if project else _("เพิ่มโครงการ"),
        success_url=edition.get_absolute_url(),
        save=save,
        template="devplan/project_form.html",
        breadcrumbs=[(_("แผนพัฒนา"), _list_url(org)), (str(edition), edition.get_absolute_url())],
        extra={
            "nav": "devplan",
            "edition": edition,
            "delete_url": (
                reverse(
                    "devplan:project_delete", kwargs={"org": org.slug, "project_id": project.pk}
                )
                if project
                else ""
            ),
            "delete_label": _("ลบโครงการนี้"),
        },
    )


@member_view
def project_new(request, edition_id):
    edition = _edition(request, edition_id)
    require_editable(edition)
    if request.membership.role != "unit_staff":
        require_plan_editor(request.membership)
    form = PlanProjectForm(request.POST or None, edition=edition, membership=request.membership)
    return _project_form_page(request, edition, None, form)


@member_view
def project_edit(request, project_id):
    project = get_object_or_404(
        PlanProject.objects.select_related("edition__plan"),
        pk=project_id,
        organization=request.organization,
    )
    edition = project.edition
    require_editable(edition)
    require_unit_row_editor(request.membership, project.unit_id)
    form = PlanProjectForm(
        request.POST or None, instance=project, edition=edition, membership=request.membership
    )
    return _project_form_page(request, edition, project, form)


@member_view
def project_delete(request, project_id):
    project = get_object_or_404(
        PlanProject.objects.select_related("edition__plan"),
        pk=project_id,
        organization=request.organization,
    )
    require_editable(project.edition)
    require_unit_row_editor(request.membership, project.unit_id)
    membership = request.membership
    summary, effects = queries.project_deletion(project)
    return delete_page(
        request,
        project,
        success_url=project.edition.get_absolute_url(),
        delete=lambda row: services.delete_plan_project(project=row, by=membership),
        title=_("ลบโครงการ"),
        summary=summary,
        effects=effects,
        extra={"nav": "devplan", "confirm_label": _("ลบโครงการนี้")},
    )
