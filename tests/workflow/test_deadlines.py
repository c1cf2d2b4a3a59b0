"""Deadline states: met, late, overdue, near, open."""

import datetime

import pytest

from localplan.workflow import deadlines

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
