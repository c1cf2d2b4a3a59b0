"""Other agencies' projects: recorded by the planner, or sent by the agency through its link
(no login) and reviewed by the planner."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from localplan.budget.models import AgencyInvitation, AgencyProject, AgencyProjectStatus
from localplan.budget.services.agency import create_invitation
from localplan.core.models import AuditLog
from tests.factories import AgencyFactory, work_plan


@pytest.fixture
def agency(world):
    return AgencyFactory(organization=world.org, name="สำนักงานเกษตรอำเภอลำปลายมาศ")


@pytest.fixture
def invitation(agency, planner):
    return create_invitation(
        organization=agency.organization, agency=agency, fiscal_year=2552, by=planner
    )


SUBMISSION = {
    "name": "โครงการส่งเสริมการปลูกข้าวอินทรีย์",
    "details": "อบรมเกษตรกร 50 ราย",
    "budget": "๑๒๐,๐๐๐",
    "location": "หมู่ที่ 3",
    "months": ["4", "5"],
    "submitted_by": "นายสมศักดิ์ ใจดี 081-234-5678",
}


def test_the_planner_records_a_project_with_its_months(client, world, agency, planner):
    client.force_login(planner.user)
    url = reverse("budget:agency_project_new", kwargs={"org": world.org.slug, "fiscal_year": 2552})
    data = {**SUBMISSION, "agency": agency.pk, "strategy": world.strategies[0].pk,
            "work_plan": work_plan("00320").pk}  # fmt: skip
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()
    project = AgencyProject.objects.get()
    assert project.status == AgencyProjectStatus.ACCEPTED and project.code == "A0001"
    assert project.budget == Decimal("120000.00") and project.months == 0b11000
    assert project.months_text == "ม.ค.–ก.พ."


def test_a_project_needs_a_strategy_and_a_work_plan_to_be_in_the_list(
    client, world, agency, planner
):
    client.force_login(planner.user)
    url = reverse("budget:agency_project_new", kwargs={"org": world.org.slug, "fiscal_year": 2552})
    response = client.post(url, {**SUBMISSION, "agency": agency.pk})
    assert response.status_code == 400
    assert "กรุณากรอกช่องนี้" in response.content.decode()
    assert not AgencyProject.objects.exists()


def test_an_agency_sends_a_project_through_its_link_without_signing_in(client, invitation):
    url = invitation.get_absolute_url()
    assert url.startswith("/agency-submissions/") and len(invitation.token) >= 40
    page = client.get(url)
    assert page.status_code == 200 and "สำนักงานเกษตรอำเภอลำปลายมาศ" in page.content.decode()
    response = client.post(url, SUBMISSION, follow=True)
    assert "ส่งโครงการ “โครงการส่งเสริมการปลูกข้าวอินทรีย์” แล้ว" in response.content.decode()
    project = AgencyProject.objects.get()
    assert project.status == AgencyProjectStatus.SUBMITTED
    assert project.agency == invitation.agency and project.organization == invitation.organization
    assert project.strategy is None and project.submitted_by.startswith("นายสมศักดิ์")
    assert AuditLog.objects.filter(model="budget.agencyproject", action="create").exists()


def test_a_wrong_or_expired_link_changes_nothing(client, invitation):
    assert client.get("/agency-submissions/not-a-token/").status_code == 404
    invitation.expires_on = datetime.date(2000, 1, 1)
    invitation.save()
    response = client.post(invitation.get_absolute_url(), SUBMISSION)
    assert response.status_code == 410 and "หมดอายุ" in response.content.decode()
    assert not AgencyProject.objects.exists()


def test_a_bad_submission_is_answered_on_the_form(client, invitation):
    response = client.post(
        invitation.get_absolute_url(), {**SUBMISSION, "budget": "-5", "name": ""}
    )
    text = response.content.decode()
    assert response.status_code == 400 and "ต้องไม่ติดลบ" in text and "กรุณากรอกช่องนี้" in text
    assert not AgencyProject.objects.exists()


def test_the_planner_accepts_a_submission_by_classifying_it(client, world, invitation, planner):
    client.post(invitation.get_absolute_url(), SUBMISSION)
    project = AgencyProject.objects.get()
    client.force_login(planner.user)
    url = reverse(
        "budget:agency_project_edit",
        kwargs={"org": world.org.slug, "agency_project_id": project.pk},
    )
    page = client.get(url).content.decode()
    assert "นายสมศักดิ์" in page and "ไม่รับโครงการนี้" in page
    data = {**SUBMISSION, "agency": invitation.agency.pk, "strategy": world.strategies[0].pk,
            "guideline": world.guidelines["1.2"].pk, "work_plan": work_plan("00320").pk}  # fmt: skip
    assert client.post(url, data).status_code == 302
    project.refresh_from_db()
    assert project.status == AgencyProjectStatus.ACCEPTED and project.work_plan.code == "00320"


def test_the_planner_rejects_a_submission_with_a_reason(client, world, invitation, planner):
    client.post(invitation.get_absolute_url(), SUBMISSION)
    project = AgencyProject.objects.get()
    client.force_login(planner.user)
    url = reverse(
        "budget:agency_project_edit",
        kwargs={"org": world.org.slug, "agency_project_id": project.pk},
    )
    response = client.post(url, {"reject": "1", "review_note": ""})
    assert "กรุณากรอกช่องนี้" in response.content.decode()
    project.refresh_from_db()
    assert project.status == AgencyProjectStatus.SUBMITTED
    client.post(url, {"reject": "1", "review_note": "ไม่ได้ดำเนินการในเขตตำบล"})
    project.refresh_from_db()
    assert (
        project.status == AgencyProjectStatus.REJECTED
        and project.review_note == "ไม่ได้ดำเนินการในเขตตำบล"
    )


def test_a_deleted_link_stops_working_and_keeps_what_was_sent(client, world, invitation, planner):
    client.post(invitation.get_absolute_url(), SUBMISSION)
    link = invitation.get_absolute_url()
    client.force_login(planner.user)
    url = reverse(
        "budget:invitation_delete", kwargs={"org": world.org.slug, "invitation_id": invitation.pk}
    )
    assert client.post(url).status_code == 302
    client.logout()
    assert client.get(link).status_code == 404
    assert AgencyProject.objects.get().invitation is None
    assert not AgencyInvitation.objects.exists()


def test_a_link_of_another_organization_cannot_be_given_out(world, other_org, planner):
    from django.core.exceptions import ValidationError

    theirs = AgencyFactory(organization=other_org)
    with pytest.raises(ValidationError, match="ไม่อยู่ในรายชื่อขององค์กร"):
        create_invitation(organization=world.org, agency=theirs, fiscal_year=2552, by=planner)
