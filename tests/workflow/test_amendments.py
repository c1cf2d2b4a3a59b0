"""Amending an announced plan: เพิ่มเติม ครั้งที่ 1/2552 of the three-year plan adds three
projects and changes one; the compare page and its PDF and XLSX list exactly those."""

import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from localplan.core.models import AmendmentKind, EditionState, Role
from localplan.devplan.models import PlanProject
from localplan.devplan.queries import current_edition as current_dev_edition
from localplan.devplan.services import save_plan_project
from localplan.opsplan.queries import current_edition as current_ops_edition
from localplan.workflow import services
from localplan.workflow.compare import compare_editions
from localplan.workflow.models import Amendment, Step, Transition
from tests.factories import VillageFactory
from tests.helpers import visible_text
from tests.workflow.factories import DAY, bring_to
from tests.workflow.pdf import pdf_text, squeeze

ADDED = [
    ("โครงการก่อสร้างรางระบายน้ำ คสล. หมู่ที่ 4", "น้ำท่วมขังในฤดูฝนทุกปี"),
    ("โครงการขุดลอกหนองน้ำสาธารณะบ้านโคกเพชร", "แหล่งน้ำตื้นเขินไม่พอใช้ในฤดูแล้ง"),
    ("โครงการจัดซื้อรถบรรทุกน้ำอเนกประสงค์", "รถบรรทุกน้ำคันเดิมชำรุดซ่อมไม่คุ้มค่า"),
]
CHANGE_REASON = "ราคาวัสดุก่อสร้างสูงขึ้น จึงต้องปรับงบประมาณ"


@pytest.fixture
def announced_plan(dev_edition, members):
    village = VillageFactory(organization=dev_edition.organization, number=4)
    first = dev_edition.projects.order_by("code").first()
    first.villages.set([village], through_defaults={"organization": dev_edition.organization})
    return bring_to(dev_edition, EditionState.ANNOUNCED, members)


def start_addition(edition, members):
    return services.start_amendment(
        edition=edition,
        by=members[Role.PLANNER],
        kind=AmendmentKind.ADDITION,
        sequence_year=2552,
        reason="ประชาคมหมู่บ้านเสนอโครงการเพิ่มเติม",
    )


def add_three_and_change_one(amendment, members, *, with_reasons=True):
    planner = members[Role.PLANNER]
    template = amendment.projects.order_by("code").first()
    for name, reason in ADDED:
        project = PlanProject(
            organization=amendment.organization,
            edition=amendment,
            name=name,
            strategy=template.strategy,
            guideline=template.guideline,
            work_plan=template.work_plan,
            reason=reason if with_reasons else "",
        )
        save_plan_project(
            project=project, by=planner, budgets={2552: None, 2553: Decimal("250000"), 2554: None}
        )
    changed = amendment.projects.order_by("code")[1]
    changed.reason = CHANGE_REASON
    save_plan_project(
        project=changed,
        by=planner,
        budgets={2552: Decimal("100000"), 2553: Decimal("180000"), 2554: Decimal("100000")},
    )
    return changed


def test_starting_an_amendment_copies_every_row_keeping_its_code(announced_plan, members):
    amendment = start_addition(announced_plan, members)
    assert amendment.label == "เพิ่มเติม ครั้งที่ 1/2552"
    assert amendment.state == EditionState.DRAFTING and amendment.based_on == announced_plan

    def rows(edition):
        return sorted(
            (
                p.code,
                p.name,
                tuple((b.fiscal_year, b.amount) for b in p.budgets.order_by("fiscal_year")),
                tuple(v.number for v in p.villages.all()),
            )
            for p in edition.projects.all()
        )

    assert rows(amendment) == rows(announced_plan)
    assert not amendment.projects.exclude(reason="").exists()
    assert Amendment.objects.get(dev_edition=amendment).reason
    assert Transition.objects.get(dev_edition=amendment).step == Step.AMENDMENT_STARTED
    assert compare_editions(announced_plan, amendment).rows == []


def test_the_amendment_adds_three_projects_and_changes_one(announced_plan, members, as_role):
    amendment = start_addition(announced_plan, members)
    changed = add_three_and_change_one(amendment, members)
    bring_to(amendment, EditionState.ANNOUNCED, members)
    announced_plan.refresh_from_db()
    assert announced_plan.state == EditionState.SUPERSEDED
    assert current_dev_edition(announced_plan.plan) == amendment
    steps = Transition.objects.filter(dev_edition=amendment).values_list("step", flat=True)
    assert list(steps) == [
        Step.AMENDMENT_STARTED,
        Step.SUBMITTED,
        Step.ENDORSED,
        Step.COUNCIL_APPROVED,  # an อบต.'s addition goes to the council
        Step.APPROVED,
        Step.ANNOUNCED,
    ]
    client = as_role(Role.PLANNER)
    kwargs = {
        "org": amendment.organization.slug,
        "document": "dev",
        "old_id": announced_plan.pk,
        "new_id": amendment.pk,
    }
    response = client.get(reverse("workflow:compare", kwargs=kwargs))
    page, text = response.content.decode(), visible_text(response)
    assert page.count('class="compare-added"') == 3
    assert page.count('class="compare-changed"') == 1
    assert "compare-removed" not in page
    for name, reason in ADDED:
        assert name in text and reason in text
    assert changed.name in text and CHANGE_REASON in text
    assert "100,000.00</del> → <ins>180,000.00" in page
    unchanged = announced_plan.projects.exclude(code=changed.code).first()
    assert unchanged.name not in text
    # totals per year: 2553 gains 3 × 250,000 + 80,000
    comparison = compare_editions(announced_plan, amendment)
    before, after = comparison.totals_before[2553], comparison.totals_after[2553]
    assert after - before == Decimal("830000.00")
    assert comparison.totals_after[2552] == comparison.totals_before[2552]
    # the footer's total difference is printed on the page as on the PDF
    footer = page[page.index('id="compare-totals"') :].split("<tfoot>")[1].split("</tfoot>")[0]
    assert '<td class="money" id="compare-total-difference">830,000.00</td>' in footer

    pdf = client.get(reverse("workflow:compare_pdf", kwargs=kwargs))
    assert pdf["Content-Type"] == "application/pdf"
    text = pdf_text(pdf.content)
    for name, reason in ADDED:
        assert squeeze(name) in text and squeeze(reason) in text
    assert squeeze(changed.name) in text and squeeze(CHANGE_REASON) in text
    assert squeeze(unchanged.name) not in text
    assert "100,000.00→180,000.00" in text

    xlsx = client.get(reverse("workflow:compare_xlsx", kwargs=kwargs))
    book = openpyxl.load_workbook(io.BytesIO(xlsx.content))
    rows = list(book.worksheets[1].iter_rows(min_row=2, values_only=True))
    assert {row[1] for row in rows} == {name for name, _ in ADDED} | {changed.name}
    assert [row for row in rows if row[1] == changed.name][0][4:7] == (
        "100,000.00",
        "180,000.00",
        CHANGE_REASON,
    )
    totals = {row[0]: row[1:] for row in book.worksheets[0].iter_rows(min_row=7, values_only=True)}
    assert totals[2553][1] - totals[2553][0] == 830000


def test_form_p02_of_the_amendment_carries_the_reason_column(announced_plan, members):
    from localplan.documents.official import render_form

    amendment = start_addition(announced_plan, members)
    add_three_and_change_one(amendment, members)
    _name, _type, pdf = render_form("p02", amendment, "pdf")
    text = pdf_text(pdf)
    assert "เหตุผลความจำเป็น" in text
    for _project, reason in ADDED:
        assert squeeze(reason) in text
    assert squeeze(CHANGE_REASON) in text
    _name, _type, original = render_form("p02", announced_plan, "pdf")
    assert "เหตุผลความจำเป็น" not in pdf_text(original)


def test_a_project_added_or_changed_without_a_reason_blocks_the_submission(
    announced_plan, members, as_role
):
    amendment = start_addition(announced_plan, members)
    add_three_and_change_one(amendment, members, with_reasons=False)
    with pytest.raises(ValidationError) as refusal:
        services.submit_edition(edition=amendment, by=members[Role.PLANNER], submitted_on=DAY)
    messages = refusal.value.messages
    assert len(messages) == 3
    for name, _reason in ADDED:
        assert any(name in message and "เพิ่มใหม่" in message for message in messages)
    amendment.refresh_from_db()
    assert amendment.state == EditionState.DRAFTING
    url = reverse(
        "workflow:submit",
        kwargs={"org": amendment.organization.slug, "document": "dev", "edition_id": amendment.pk},
    )
    response = as_role(Role.PLANNER).get(url)
    assert 'id="submission-problems"' in response.content.decode()
    assert ADDED[0][0] in visible_text(response)


def test_an_unchanged_amendment_cannot_be_submitted(announced_plan, members):
    amendment = start_addition(announced_plan, members)
    with pytest.raises(ValidationError, match="ยังไม่มีการเปลี่ยนแปลง"):
        services.submit_edition(edition=amendment, by=members[Role.PLANNER], submitted_on=DAY)


def test_only_one_amendment_is_open_at_a_time(announced_plan, members):
    start_addition(announced_plan, members)
    with pytest.raises(ValidationError, match="ยังไม่ได้ประกาศใช้อยู่แล้ว"):
        start_addition(announced_plan, members)


def test_only_the_announced_edition_in_force_can_be_amended(dev_edition, members):
    with pytest.raises(ValidationError, match="เฉพาะฉบับที่ประกาศใช้อยู่"):
        start_addition(dev_edition, members)


@pytest.mark.parametrize(
    "change, field",
    [
        ({"kind": AmendmentKind.ORIGINAL}, "kind"),
        ({"reason": "  "}, "reason"),
        ({"kind": AmendmentKind.CORRECTION, "special_case": "royal"}, "special_case"),
        ({"special_case": "unknown"}, "special_case"),
    ],
)
def test_bad_amendment_inputs_name_the_field(announced_plan, members, change, field):
    arguments = {
        "kind": AmendmentKind.ADDITION,
        "sequence_year": 2552,
        "reason": "เหตุผล",
        **change,
    }
    with pytest.raises(ValidationError) as refusal:
        services.start_amendment(edition=announced_plan, by=members[Role.PLANNER], **arguments)
    assert field in refusal.value.message_dict
    assert announced_plan.plan.editions.count() == 1


def test_a_special_case_addition_goes_to_the_executive_alone(announced_plan, members):
    amendment = services.start_amendment(
        edition=announced_plan,
        by=members[Role.PLANNER],
        kind=AmendmentKind.ADDITION,
        sequence_year=2552,
        reason="โครงการอันเนื่องมาจากพระราชดำริ",
        special_case="royal",
    )
    add_three_and_change_one(amendment, members)
    step = services.submit_edition(edition=amendment, by=members[Role.PLANNER], submitted_on=DAY)
    assert (step.committee_review, step.council_approval) == (False, False)
    services.approve_edition(
        edition=amendment, by=members[Role.EXECUTIVE], approved_on=datetime.date(2008, 12, 2)
    )
    amendment.refresh_from_db()
    assert amendment.state == EditionState.APPROVED


def test_an_operational_plan_is_amended_the_same_way(ops_edition, members):
    bring_to(ops_edition, EditionState.ANNOUNCED, members)
    amendment = services.start_amendment(
        edition=ops_edition,
        by=members[Role.SUPPORT_COMMITTEE],
        kind=AmendmentKind.CORRECTION,
        sequence_year=2552,
        reason="แก้ไขสถานที่ดำเนินการให้ถูกต้อง",
    )
    assert amendment.label == "แก้ไข ครั้งที่ 1/2552"
    assert sorted(amendment.entries.values_list("code", flat=True)) == sorted(
        ops_edition.entries.values_list("code", flat=True)
    )
    entry = amendment.entries.order_by("code").first()
    entry.location = "หมู่ที่ 9"
    entry.save()
    bring_to(amendment, EditionState.ANNOUNCED, members)
    steps = Transition.objects.filter(ops_edition=amendment).values_list("step", flat=True)
    assert Step.ENDORSED not in steps  # a correction: the executive alone
    ops_edition.refresh_from_db()
    assert ops_edition.state == EditionState.SUPERSEDED
    assert current_ops_edition(ops_edition.plan) == amendment
    comparison = compare_editions(ops_edition, amendment)
    assert [(row.code, row.status, row.reason) for row in comparison.rows] == [
        (entry.code, "changed", "แก้ไขสถานที่ดำเนินการให้ถูกต้อง")
    ]
    second = services.start_amendment(
        edition=amendment,
        by=members[Role.PLANNER],
        kind=AmendmentKind.CORRECTION,
        sequence_year=2552,
        reason="แก้ไขอีกครั้ง",
    )
    assert second.label == "แก้ไข ครั้งที่ 2/2552"
