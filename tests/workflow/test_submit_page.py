"""Before a draft goes to review the submit page shows the comments of the last return and
the open consistency problems, and the planner confirms having read them (the problems warn,
they do not block: domain.md §8 lists them to be fixed, the committee reviews regardless)."""

from django.urls import reverse

from localplan.core.models import EditionState, Role
from localplan.opsplan.models import OpsEntry
from localplan.workflow import services
from localplan.workflow.models import Step, Transition
from tests.helpers import visible_text
from tests.workflow.factories import RESOLUTION, bring_to


def submit_url(edition):
    return reverse(
        "workflow:submit",
        kwargs={"org": edition.organization.slug, "document": "ops", "edition_id": edition.pk},
    )


def test_a_returned_plan_shows_who_returned_it_when_and_what_to_fix(ops_edition, members, as_role):
    bring_to(ops_edition, EditionState.IN_REVIEW, members)
    entry = ops_edition.entries.order_by("code").first()
    services.record_committee_resolution(
        edition=ops_edition,
        by=members[Role.DEVELOPMENT_COMMITTEE],
        endorsed=False,
        comments="ให้ระบุเดือนที่ดำเนินการให้ครบทุกโครงการ",
        row_comments=[{"code": entry.code, "comment": "ควรดำเนินการในไตรมาสแรก"}],
        **RESOLUTION,
    )
    response = as_role(Role.PLANNER).get(submit_url(ops_edition))
    page = response.content.decode()
    assert 'id="submit-returned"' in page
    text = visible_text(response)
    assert "ความเห็นเมื่อส่งกลับให้แก้ไข" in text
    assert "10 ธันวาคม 2551" in text  # when
    assert members[Role.DEVELOPMENT_COMMITTEE].display_name in text  # who
    assert "การประชุมครั้งที่ 3/2551" in text
    assert "ให้ระบุเดือนที่ดำเนินการให้ครบทุกโครงการ" in text  # what
    assert "ควรดำเนินการในไตรมาสแรก" in text and entry.code in text
    assert 'id="submit-confirm"' in page


def test_a_first_draft_has_no_return_to_show(ops_edition, as_role):
    page = as_role(Role.PLANNER).get(submit_url(ops_edition)).content.decode()
    assert 'id="submit-returned"' not in page


def test_a_plan_without_months_shows_its_problems_and_is_not_sent_without_confirmation(
    ops_edition, as_role
):
    OpsEntry.objects.filter(edition=ops_edition).update(months=0)
    planner = as_role(Role.PLANNER)
    response = planner.get(submit_url(ops_edition))
    text = visible_text(response)
    assert 'id="open-problems"' in response.content.decode()
    assert "ยังไม่ระบุเดือนที่ดำเนินการ" in text
    assert "ปัญหาเหล่านี้ไม่ห้ามการเสนอ" in text
    count = len(ops_edition.entries.all())
    assert "ปัญหาความสอดคล้องที่ยังค้างอยู่" in text

    refused = planner.post(submit_url(ops_edition), {"submitted_on": "01/12/2551"})
    assert refused.status_code == 400
    assert "กรุณาทำเครื่องหมาย “ยืนยันเสนอร่างนี้ให้พิจารณา”" in visible_text(refused)
    ops_edition.refresh_from_db()
    assert ops_edition.state == EditionState.DRAFTING and not Transition.objects.exists()

    sent = planner.post(submit_url(ops_edition), {"submitted_on": "01/12/2551", "confirmed": "on"})
    assert sent.status_code == 302
    ops_edition.refresh_from_db()
    assert ops_edition.state == EditionState.IN_REVIEW
    step = Transition.objects.get(step=Step.SUBMITTED)
    assert step.inputs["open_problems"] >= count  # every entry lacks its months


def test_a_development_plan_asks_for_confirmation_without_the_budget_checks(dev_edition, as_role):
    url = reverse(
        "workflow:submit",
        kwargs={
            "org": dev_edition.organization.slug,
            "document": "dev",
            "edition_id": dev_edition.pk,
        },
    )
    page = as_role(Role.PLANNER).get(url).content.decode()
    assert 'id="submit-checks"' not in page and 'id="submit-confirm"' in page
