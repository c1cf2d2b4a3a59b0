"""Other agencies' projects of a fiscal year: the planner's list, review of submissions,
the links given to agencies, and the page an agency fills in through its link."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from localplan.budget import queries
from localplan.budget.forms import (
    AgencyProjectForm,
    AgencySubmissionForm,
    InvitationForm,
    RejectForm,
)
from localplan.budget.models import (
    AgencyInvitation,
    AgencyProject,
    AgencyProjectStatus,
    ImportKind,
)
from localplan.budget.services import agency as services
from localplan.core.access import member_view, require_plan_editor
from localplan.core.pages import attach_errors, delete_page, form_page


def list_url(org, fiscal_year: int) -> str:
    return reverse("budget:agency_projects", kwargs={"org": org.slug, "fiscal_year": fiscal_year})


def _breadcrumbs(org, fiscal_year):
    return [
        (_("งบประมาณ"), reverse("budget:index", kwargs={"org": org.slug})),
        (_("ปีงบประมาณ %(year)s") % {"year": fiscal_year}, reverse("budget:year", kwargs={"org": org.slug, "fiscal_year": fiscal_year})),
        (_("โครงการของหน่วยงานอื่น"), list_url(org, fiscal_year)),
    ]  # fmt: skip


@member_view
def project_list(request, fiscal_year):
    org = request.organization
    projects = list(queries.agency_projects_of(org, fiscal_year))
    invitations = AgencyInvitation.objects.filter(
        organization=org, fiscal_year=fiscal_year
    ).select_related("agency")
    context = {
        "nav": "budget",
        "fiscal_year": fiscal_year,
        "accepted": [p for p in projects if p.status == AgencyProjectStatus.ACCEPTED],
        "pending": [p for p in projects if p.status == AgencyProjectStatus.SUBMITTED],
        "rejected": [p for p in projects if p.status == AgencyProjectStatus.REJECTED],
        "invitations": invitations,
        "import_kind": ImportKind.AGENCY_PROJECTS,
        "breadcrumbs": _breadcrumbs(org, fiscal_year)[:2],
    }
    return render(request, "budget/agency_projects.html", context)


@member_view
def project_new(request, fiscal_year):
    require_plan_editor(request.membership)
    org = request.organization
    form = AgencyProjectForm(request.POST or None, organization=org, fiscal_year=fiscal_year)
    membership = request.membership
    return form_page(
        request,
        form,
        title=_("บันทึกโครงการของหน่วยงานอื่น"),
        success_url=list_url(org, fiscal_year),
        save=lambda form: services.save_agency_project(project=form.instance, by=membership),
        breadcrumbs=_breadcrumbs(org, fiscal_year),
        extra={"nav": "budget"},
    )


def _project(request, agency_project_id) -> AgencyProject:
    return get_object_or_404(
        AgencyProject.objects.select_related("agency"),
        pk=agency_project_id,
        organization=request.organization,
    )


@member_view
def project_edit(request, agency_project_id):
    """Edit a recorded project. For one an agency submitted this is its review: saving
    accepts it into the year's list, the second form rejects it with a reason."""
    require_plan_editor(request.membership)
    project = _project(request, agency_project_id)
    org = request.organization
    membership = request.membership
    reviewing = project.status != AgencyProjectStatus.ACCEPTED
    rejecting = reviewing and request.method == "POST" and "reject" in request.POST
    reject_form = RejectForm(request.POST if rejecting else None)
    if rejecting and reject_form.is_valid():
        try:
            services.reject_agency_project(
                project=project, by=membership, note=reject_form.cleaned_data["review_note"]
            )
        except ValidationError as refusal:
            attach_errors(reject_form, refusal)
        else:
            messages.success(request, _("ไม่รับ “%(name)s” แล้ว") % {"name": project})
            return redirect(list_url(org, project.fiscal_year))
    form = AgencyProjectForm(
        None if rejecting else (request.POST or None),
        instance=project,
        organization=org,
        fiscal_year=project.fiscal_year,
    )

    def save(form):
        if reviewing:
            return services.accept_agency_project(project=form.instance, by=membership)
        return services.save_agency_project(project=form.instance, by=membership)

    return form_page(
        request,
        form,
        title=_("พิจารณาโครงการที่หน่วยงานส่งมา") if reviewing else _("แก้ไขโครงการของหน่วยงานอื่น"),
        success_url=list_url(org, project.fiscal_year),
        save=save,
        template="budget/agency_project_form.html",
        breadcrumbs=_breadcrumbs(org, project.fiscal_year),
        extra={
            "nav": "budget",
            "project": project,
            "reviewing": reviewing,
            "reject_form": reject_form,
        },
    )


@member_view
def project_delete(request, agency_project_id):
    require_plan_editor(request.membership)
    project = _project(request, agency_project_id)
    membership = request.membership
    return delete_page(
        request,
        project,
        success_url=list_url(request.organization, project.fiscal_year),
        delete=lambda row: services.delete_agency_project(project=row, by=membership),
    )


@member_view
def invitation_new(request, fiscal_year):
    require_plan_editor(request.membership)
    org = request.organization
    form = InvitationForm(request.POST or None, organization=org)
    membership = request.membership
    return form_page(
        request,
        form,
        title=_("สร้างลิงก์ให้หน่วยงานอื่นส่งโครงการ ปีงบประมาณ %(year)s") % {"year": fiscal_year},
        success_url=list_url(org, fiscal_year),
        save=lambda form: services.create_invitation(
            organization=org, fiscal_year=fiscal_year, by=membership, **form.cleaned_data
        ),
        breadcrumbs=_breadcrumbs(org, fiscal_year),
        extra={"nav": "budget"},
    )


@member_view
def invitation_delete(request, invitation_id):
    """Take a link back: it stops working; what the agency sent through it stays."""
    require_plan_editor(request.membership)
    invitation = get_object_or_404(
        AgencyInvitation.objects.select_related("agency"),
        pk=invitation_id,
        organization=request.organization,
    )
    membership = request.membership
    return delete_page(
        request,
        invitation,
        success_url=list_url(request.organization, invitation.fiscal_year),
        delete=lambda row: services.delete_invitation(invitation=row, by=membership),
    )


@never_cache
def submit(request, token):
    """The agency's page: no login; the token alone opens it, for its organization only."""
    invitation = get_object_or_404(
        AgencyInvitation.objects.select_related("organization", "agency"), token=token
    )
    form = AgencySubmissionForm(request.POST or None, fiscal_year=invitation.fiscal_year)
    if request.method == "POST" and invitation.is_open and form.is_valid():
        project = form.save(commit=False)
        try:
            services.submit_agency_project(
                invitation=invitation,
                project=project,
                submitted_by=form.cleaned_data["submitted_by"],
            )
        except ValidationError as refusal:
            attach_errors(form, refusal)
        else:
            messages.success(
                request, _("ส่งโครงการ “%(name)s” แล้ว องค์กรจะพิจารณาต่อไป") % {"name": project}
            )
            return redirect(invitation)
    sent = AgencyProject.objects.filter(
        organization=invitation.organization, invitation=invitation
    ).order_by("-created_at")
    context = {"invitation": invitation, "form": form, "sent": sent}
    status = 400 if form.errors else (410 if not invitation.is_open else 200)
    return render(request, "budget/submit.html", context, status=status)
