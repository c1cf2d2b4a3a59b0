"""Other agencies' projects: recorded by the planner, or submitted by the agency through a
link and then accepted (classified) or rejected by the planner."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from localplan.budget.imports.agency_projects import AGENCY_PROJECT_CODE_PREFIX
from localplan.budget.models import AgencyInvitation, AgencyProject, AgencyProjectStatus
from localplan.core.access import require_plan_editor
from localplan.core.codes import next_codes
from localplan.core.models import Agency, Membership

MAX_PENDING_PER_INVITATION = 200


def _assign_code(project: AgencyProject) -> None:
    if not project.code:
        project.code = next_codes(AgencyProject, project.organization, AGENCY_PROJECT_CODE_PREFIX)[
            0
        ]


@transaction.atomic
def save_agency_project(*, project: AgencyProject, by: Membership) -> AgencyProject:
    """A project the planner records (or edits): it is part of the year's list at once."""
    require_plan_editor(by)
    if project.pk is None:
        project.status = AgencyProjectStatus.ACCEPTED
    _assign_code(project)
    project.full_clean()
    project.save()
    return project


@transaction.atomic
def delete_agency_project(*, project: AgencyProject, by: Membership) -> None:
    require_plan_editor(by)
    project.delete()


@transaction.atomic
def create_invitation(
    *, organization, agency: Agency, fiscal_year: int, by: Membership, expires_on=None
) -> AgencyInvitation:
    require_plan_editor(by)
    if agency.organization_id != organization.pk:
        raise ValidationError({"agency": _("หน่วยงานนี้ไม่อยู่ในรายชื่อขององค์กร")}, code="other_org")
    invitation = AgencyInvitation(
        organization=organization,
        agency=agency,
        fiscal_year=fiscal_year,
        expires_on=expires_on or AgencyInvitation.default_expiry(),
        created_by=by.user,
    )
    invitation.full_clean()
    invitation.save()
    return invitation


@transaction.atomic
def delete_invitation(*, invitation: AgencyInvitation, by: Membership) -> None:
    require_plan_editor(by)
    invitation.delete()


@transaction.atomic
def submit_agency_project(
    *, invitation: AgencyInvitation, project: AgencyProject, submitted_by: str
) -> AgencyProject:
    """A project sent by the agency itself through its link: waits for the planner's review."""
    if not invitation.is_open:
        raise ValidationError(_("ลิงก์นี้หมดอายุหรือถูกยกเลิกแล้ว กรุณาติดต่อองค์กร"), code="closed")
    pending = AgencyProject.objects.filter(
        invitation=invitation, status=AgencyProjectStatus.SUBMITTED
    ).count()
    if pending >= MAX_PENDING_PER_INVITATION:
        raise ValidationError(
            _("ส่งโครงการที่รอพิจารณาได้ไม่เกิน %(max)s โครงการต่อลิงก์")
            % {"max": MAX_PENDING_PER_INVITATION},
            code="too_many",
        )
    project.organization = invitation.organization
    project.agency = invitation.agency
    project.fiscal_year = invitation.fiscal_year
    project.invitation = invitation
    project.status = AgencyProjectStatus.SUBMITTED
    project.submitted_by = submitted_by.strip()
    project.strategy = project.guideline = project.work_plan = None
    _assign_code(project)
    project.full_clean()
    project.save()
    return project


@transaction.atomic
def accept_agency_project(*, project: AgencyProject, by: Membership) -> AgencyProject:
    """Take a submitted project into the year's list, classified by the planner."""
    require_plan_editor(by)
    project.status = AgencyProjectStatus.ACCEPTED
    project.review_note = ""
    project.full_clean()
    project.save()
    return project


@transaction.atomic
def reject_agency_project(*, project: AgencyProject, by: Membership, note: str) -> AgencyProject:
    require_plan_editor(by)
    if not note.strip():
        raise ValidationError({"review_note": _("ระบุเหตุผลที่ไม่รับ")}, code="no_note")
    project.status = AgencyProjectStatus.REJECTED
    project.review_note = note.strip()
    project.full_clean()
    project.save()
    return project
