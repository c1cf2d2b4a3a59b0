"""Deadline states: met, late, overdue, near, open, and missed (history)."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from localplan.core.models import EditionState, Role
from localplan.workflow import deadlines, services
from tests.workflow.factories import bring_to

DUE = datetime.date(2009, 1, 10)


@pytest.mark.parametrize(
    "done, today, status",
    [
        (datetime.date(2009, 1, 10), datetime.date(2009, 3, 1), deadlines.MET),
        (datetime.date(2009, 1, 11), datetime.date(2009, 3, 1), deadlines.LATE),
        (None, datetime.date(2009, 1, 11), deadlines.OVERDUE),
        (None, datetime.date(2009, 1, 10), deadlines.NEAR),
        (None, datetime.date(2008, 12, 27), deadlines.NEAR),
        (None, datetime.date(2008, 12, 26), deadlines.OPEN),
    ],
)
def test_a_deadline_is_met_late_overdue_near_or_open(done, today, status):
    assert deadlines.status_of(DUE, done, today) == status


def test_only_near_or_overdue_deadlines_need_attention():
    near = deadlines.Deadline("", DUE, None, datetime.date(2009, 1, 5))
    met = deadlines.Deadline("", DUE, DUE, datetime.date(2009, 1, 5))
    assert near.needs_attention and not met.needs_attention
    assert near.days_left == 5


@pytest.mark.parametrize(
    "today, shown",
    [
        (datetime.date(2008, 11, 15), False),
        (datetime.date(2008, 11, 16), True),
        (datetime.date(2008, 12, 31), True),
        (datetime.date(2009, 1, 1), False),
    ],
)
def test_the_monitoring_report_is_due_within_december(today, shown):
    deadline = deadlines.monitoring_report_deadline(today)
    assert (deadline is not None) is shown
    if deadline:
        assert deadline.due_on == datetime.date(today.year, 12, 31)


def test_an_unmet_deadline_of_a_year_long_over_is_history_not_overdue():
    closes = datetime.date(2009, 9, 30)  # the end of FY2552
    late = deadlines.Deadline("", DUE, None, datetime.date(2009, 9, 30), closes_on=closes)
    history = deadlines.Deadline("", DUE, None, datetime.date(2026, 12, 3), closes_on=closes)
    assert late.status == deadlines.OVERDUE and late.needs_attention
    assert "เลยกำหนดมาแล้ว 263 วัน" in late.detail
    assert history.status == deadlines.MISSED and not history.needs_attention
    assert history.status_label == "ไม่ได้ดำเนินการภายในกำหนด"


def test_a_deadline_met_late_says_by_how_many_days():
    deadline = deadlines.Deadline("", DUE, datetime.date(2009, 1, 13), datetime.date(2026, 12, 3))
    assert deadline.status == deadlines.LATE
    assert deadline.detail == "ดำเนินการเมื่อ 13 มกราคม 2552 ช้าไป 3 วัน"


ANNOUNCED = datetime.date(2008, 12, 25)


@pytest.mark.parametrize(
    "posting, today, status",
    [
        (datetime.date(2008, 12, 26), datetime.date(2009, 3, 1), deadlines.MET),
        (datetime.date(2009, 1, 9), datetime.date(2009, 3, 1), deadlines.MET),
        (datetime.date(2009, 1, 10), datetime.date(2009, 3, 1), deadlines.LATE),
        # recorded to start after the 15 days: late already, before the day comes
        (datetime.date(2009, 1, 20), datetime.date(2008, 12, 30), deadlines.LATE),
        # recorded to start within the 15 days, not yet come: open
        (datetime.date(2009, 1, 5), datetime.date(2008, 12, 26), deadlines.NEAR),
    ],
)
def test_one_function_judges_the_posting(posting, today, status):
    deadline = deadlines.posting_deadline(
        announced_on=ANNOUNCED, posting_starts_on=posting, today=today
    )
    assert deadline.due_on == datetime.date(2009, 1, 9)
    assert deadline.status == status


def _staff_verdict(html: str) -> str:
    return re.search(r'id="posting-verdict">[^<]*?: ([^<]+)</span>', html).group(1).strip()


def _portal_verdict(html: str) -> str:
    found = re.search(
        r'deadline-\w+"><span class="badge[^"]*">([^<]+)</span> <span class="tw">ปิดประกาศ</span>',
        html,
    )
    return found.group(1).strip()


@pytest.mark.parametrize("days_after_due", [5, -3])
def test_staff_and_portal_give_the_same_verdict_on_a_posting(
    ops_edition, members, as_role, days_after_due
):
    """The same announcement (posting recorded to start later than the 15 days, or within
    them, still to come) reads the same on the staff edition page and the public portal."""
    cache.clear()
    bring_to(ops_edition, EditionState.APPROVED, members)
    today = timezone.localdate()
    announced_on = today - datetime.timedelta(days=5)
    posting = announced_on + datetime.timedelta(days=15 + days_after_due)
    services.announce_edition(
        edition=ops_edition,
        by=members[Role.EXECUTIVE],
        number="99/2569",
        announced_on=announced_on,
        posting_starts_on=posting,
        signer_name="นายสมศักดิ์ ใจดี",
        signer_title="นายกองค์การบริหารส่วนตำบลผไทรินทร์",
    )
    org = ops_edition.organization
    staff = as_role(Role.PLANNER).get(
        reverse("opsplan:edition", kwargs={"org": org.slug, "edition_id": ops_edition.pk})
    )
    public = as_role(Role.PLANNER).get(reverse("portal:organization", kwargs={"org": org.slug}))
    expected = "เกินกำหนด" if days_after_due > 0 else "ใกล้ถึงกำหนด"
    assert _staff_verdict(staff.content.decode()) == expected
    assert _portal_verdict(public.content.decode()) == expected
