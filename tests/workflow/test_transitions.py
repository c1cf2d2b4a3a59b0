"""The steps of review, approval and announcement, called as services."""

import datetime
import hashlib

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from localplan.core.models import AuditAction, AuditLog, EditionState, OrganizationKind, Role
from localplan.workflow import services
from localplan.workflow.models import Announcement, Resolution, Step, Transition
from localplan.workflow.versions import content_version
from tests.workflow.factories import ANNOUNCEMENT, DAY, RESOLUTION, bring_to


def test_an_operational_plan_goes_from_drafting_to_announced(ops_edition, members):
    version = content_version(ops_edition)
    bring_to(ops_edition, EditionState.ANNOUNCED, members)
    steps = list(Transition.objects.filter(ops_edition=ops_edition))
    assert [s.step for s in steps] == [
        Step.SUBMITTED,
        Step.ENDORSED,
        Step.APPROVED,
        Step.ANNOUNCED,
    ]
    assert [s.actor_role for s in steps] == [
        Role.PLANNER,
        Role.DEVELOPMENT_COMMITTEE,
        Role.EXECUTIVE,
        Role.EXECUTIVE,
    ]
    assert {s.content_version for s in steps} == {version}
    announcement = Announcement.objects.get(ops_edition=ops_edition)
    assert announcement.sha256 == hashlib.sha256(bytes(announcement.pdf)).hexdigest()
    assert announcement.signer_name == "นายสมศักดิ์ ใจดี"
    audit = AuditLog.objects.filter(action=AuditAction.TRANSITION, object_id=str(ops_edition.pk))
    assert audit.count() == 4
    assert audit.filter(changes__content_version=version).count() == 4


def test_a_submission_records_the_chain_it_will_follow(ops_edition, members):
    step = services.submit_edition(edition=ops_edition, by=members[Role.PLANNER], submitted_on=DAY)
    assert (step.committee_review, step.council_approval) == (True, False)


def test_an_sao_multi_year_plan_needs_the_council(dev_edition, members):
    assert dev_edition.organization.kind == OrganizationKind.SAO
    bring_to(dev_edition, EditionState.ENDORSED, members)
    with pytest.raises(ValidationError, match="ยังทำขั้นตอน"):
        services.approve_edition(
            edition=dev_edition, by=members[Role.EXECUTIVE], approved_on=datetime.date(2008, 12, 20)
        )
    bring_to(dev_edition, EditionState.ANNOUNCED, members)
    steps = Transition.objects.filter(dev_edition=dev_edition).values_list("step", flat=True)
    assert Step.COUNCIL_APPROVED in list(steps)


def test_a_municipal_multi_year_plan_skips_the_council(dev_edition, members):
    organization = dev_edition.organization
    organization.kind = OrganizationKind.SUBDISTRICT_MUNICIPALITY
    organization.save()
    bring_to(dev_edition, EditionState.ANNOUNCED, members)
    steps = list(Transition.objects.filter(dev_edition=dev_edition).values_list("step", flat=True))
    assert Step.COUNCIL_APPROVED not in steps


def test_the_committee_returns_a_draft_with_comments_per_project(ops_edition, members):
    bring_to(ops_edition, EditionState.IN_REVIEW, members)
    entry = ops_edition.entries.order_by("code").first()
    resolution = services.record_committee_resolution(
        edition=ops_edition,
        by=members[Role.DEVELOPMENT_COMMITTEE],
        endorsed=False,
        comments="ให้ตรวจสอบงบประมาณอีกครั้ง",
        row_comments=[{"code": entry.code, "comment": "งบประมาณไม่ตรงกับข้อบัญญัติ"}],
        **RESOLUTION,
    )
    ops_edition.refresh_from_db()
    assert ops_edition.state == EditionState.RETURNED
    assert ops_edition.is_editable
    assert resolution.row_comments == [
        {"code": entry.code, "name": entry.name, "comment": "งบประมาณไม่ตรงกับข้อบัญญัติ"}
    ]
    again = services.submit_edition(
        edition=ops_edition,
        by=members[Role.SUPPORT_COMMITTEE],
        submitted_on=RESOLUTION["meeting_date"],
    )
    assert again.from_state == EditionState.RETURNED


def test_returning_without_comments_is_refused_and_changes_nothing(ops_edition, members):
    bring_to(ops_edition, EditionState.IN_REVIEW, members)
    with pytest.raises(ValidationError, match="ต้องระบุความเห็น"):
        services.record_committee_resolution(
            edition=ops_edition,
            by=members[Role.DEVELOPMENT_COMMITTEE],
            endorsed=False,
            **RESOLUTION,
        )
    ops_edition.refresh_from_db()
    assert ops_edition.state == EditionState.IN_REVIEW
    assert not Resolution.objects.exists()


def test_a_comment_on_a_row_of_another_edition_is_refused(ops_edition, members):
    bring_to(ops_edition, EditionState.IN_REVIEW, members)
    with pytest.raises(ValidationError, match="ไม่มีรายการรหัส"):
        services.record_committee_resolution(
            edition=ops_edition,
            by=members[Role.DEVELOPMENT_COMMITTEE],
            endorsed=False,
            row_comments=[{"code": "E9999", "comment": "?"}],
            **RESOLUTION,
        )
    assert Transition.objects.filter(step=Step.RETURNED).count() == 0


def test_the_executive_refuses_to_announce_an_edition_not_yet_approved(ops_edition, members):
    bring_to(ops_edition, EditionState.ENDORSED, members)
    with pytest.raises(ValidationError, match="ยังทำขั้นตอน"):
        services.announce_edition(edition=ops_edition, by=members[Role.EXECUTIVE], **ANNOUNCEMENT)
    ops_edition.refresh_from_db()
    assert ops_edition.state == EditionState.ENDORSED
    assert not Announcement.objects.exists()


@pytest.mark.parametrize(
    "change, message",
    [
        ({"number": " "}, "เลขที่ประกาศ"),
        ({"posting_starts_on": datetime.date(2008, 12, 24)}, "ก่อนวันที่ประกาศ"),
        ({"announced_on": datetime.date(2008, 12, 1)}, "ไม่ก่อนขั้นตอนก่อนหน้า"),
        ({"announced_on": datetime.date(2999, 1, 1)}, "อนาคต"),
    ],
)
def test_bad_announcement_inputs_are_refused_and_change_nothing(
    ops_edition, members, change, message
):
    bring_to(ops_edition, EditionState.APPROVED, members)
    with pytest.raises(ValidationError, match=message):
        services.announce_edition(
            edition=ops_edition, by=members[Role.EXECUTIVE], **{**ANNOUNCEMENT, **change}
        )
    ops_edition.refresh_from_db()
    assert ops_edition.state == EditionState.APPROVED
    assert not Announcement.objects.exists()


def test_a_member_of_another_organization_cannot_take_a_step(ops_edition, other_org):
    from tests.factories import MembershipFactory

    outsider = MembershipFactory(organization=other_org, role=Role.PLANNER)
    with pytest.raises(PermissionDenied, match="ไม่ได้เป็นสมาชิก"):
        services.submit_edition(edition=ops_edition, by=outsider, submitted_on=DAY)
    ops_edition.refresh_from_db()
    assert ops_edition.state == EditionState.DRAFTING


def test_an_empty_edition_cannot_be_submitted(org, members):
    from tests.factories import OpsEditionFactory

    edition = OpsEditionFactory(plan__organization=org)
    with pytest.raises(ValidationError, match="ยังไม่มีโครงการหรือรายการ"):
        services.submit_edition(edition=edition, by=members[Role.PLANNER], submitted_on=DAY)


def test_the_history_records_are_never_changed_or_deleted(ops_edition, members):
    bring_to(ops_edition, EditionState.IN_REVIEW, members)
    step = Transition.objects.get()
    with pytest.raises(TypeError):
        step.save()
    with pytest.raises(TypeError):
        step.delete()


def test_a_step_taken_in_english_is_logged_in_thai(ops_edition, members):
    with translation.override("en"):
        services.submit_edition(edition=ops_edition, by=members[Role.PLANNER], submitted_on=DAY)
    logged = AuditLog.objects.get(action=AuditAction.TRANSITION, object_id=str(ops_edition.pk))
    with translation.override("th"):
        thai = [str(EditionState.DRAFTING.label), str(Step.SUBMITTED.label)]
    assert [logged.changes["state"][0], logged.changes["step"]] == thai
    assert thai[0] == "ร่าง"
