"""Deadlines of domain.md §5 and §7, shown and never enforced:

- the operational plan within 30 days of the budget ordinance's announcement
  (`OperationalPlan.budget_announced_on`, `due_on`);
- posting within 15 days of an announcement, and keeping it posted for at least 30 days;
- the monitoring and evaluation report announced at least once a year, within December.

A deadline that was never met while its period (the plan's fiscal year) is over is history
("missed"), not overdue today. Staff pages and the portal both ask `posting_deadline` for the
verdict on a posting, so they never disagree.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from localplan.core.templatetags.thai import thai_date
from localplan.core.thai_calendar import fiscal_year_range
from localplan.workflow.models import POSTING_AT_LEAST_DAYS, POSTING_WITHIN_DAYS

NEAR_DAYS = 14
ME_REMINDER_DAYS = 45

MET, LATE, OVERDUE, NEAR, OPEN = "met", "late", "overdue", "near", "open"
MISSED = "missed"  # never met, and its period is over: history, not a task for today
STATUS_LABELS = {
    MET: _("ทันกำหนด"),
    LATE: _("เกินกำหนด"),
    MISSED: _("ไม่ได้ดำเนินการภายในกำหนด"),
    OVERDUE: _("เลยกำหนดแล้ว"),
    NEAR: _("ใกล้ถึงกำหนด"),
    OPEN: _("ยังไม่ถึงกำหนด"),
}

BADGE_CLASSES = {
    MET: "text-bg-success",
    LATE: "text-bg-danger",
    MISSED: "text-bg-secondary",
    OVERDUE: "text-bg-danger",
    NEAR: "text-bg-warning",
    OPEN: "text-bg-light border",
}


def status_of(
    due_on: datetime.date,
    done_on: datetime.date | None,
    today: datetime.date,
    near_days: int = NEAR_DAYS,
    closes_on: datetime.date | None = None,
) -> str:
    if done_on is not None:
        return MET if done_on <= due_on else LATE
    if closes_on is not None and today > closes_on:
        return MISSED
    if today > due_on:
        return OVERDUE
    return NEAR if (due_on - today).days <= near_days else OPEN


@dataclass
class Deadline:
    title: str
    due_on: datetime.date
    done_on: datetime.date | None
    today: datetime.date
    url: str = ""
    near_days: int = NEAR_DAYS
    closes_on: datetime.date | None = None  # after this day an unmet deadline is history

    @property
    def status(self) -> str:
        return status_of(self.due_on, self.done_on, self.today, self.near_days, self.closes_on)

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])

    @property
    def badge_class(self) -> str:
        return BADGE_CLASSES[self.status]

    @property
    def days_left(self) -> int:
        return (self.due_on - self.today).days

    @property
    def days_late(self) -> int:
        """Done late: by how many days; still open past its day: how many days so far."""
        end = self.done_on if self.done_on is not None else self.today
        return max((end - self.due_on).days, 0)

    @property
    def done_ahead(self) -> bool:
        """The recorded day is still to come (a posting planned to start later)."""
        return self.done_on is not None and self.done_on > self.today

    @property
    def detail(self) -> str:
        """What follows the status badge: when it was done, by how much it was late, or how
        many days are left."""
        status = self.status
        day = thai_date(self.done_on) if self.done_on else ""
        if status == MET:
            return gettext("ดำเนินการเมื่อ %(day)s") % {"day": day}
        if status == LATE and self.done_ahead:
            return gettext("กำหนดเริ่ม %(day)s ช้าไป %(days)s วัน") % {
                "day": day,
                "days": self.days_late,
            }
        if status == LATE:
            return gettext("ดำเนินการเมื่อ %(day)s ช้าไป %(days)s วัน") % {
                "day": day,
                "days": self.days_late,
            }
        if status == MISSED:
            return gettext("สิ้นปีงบประมาณแล้วโดยไม่ได้ดำเนินการ")
        if status == OVERDUE:
            return gettext("เลยกำหนดมาแล้ว %(days)s วัน") % {"days": self.days_late}
        days = self.days_left
        return ngettext("อีก %(days)s วัน", "อีก %(days)s วัน", days) % {"days": days}

    @property
    def needs_attention(self) -> bool:
        """Near or past and not yet done: shown on the home page."""
        return self.status in {NEAR, OVERDUE}


def operational_plan_deadline(plan, first_announced_on, today) -> Deadline | None:
    if plan.due_on is None:
        return None
    return Deadline(
        title=str(
            _(
                "ประกาศใช้แผนการดำเนินงาน ปีงบประมาณ พ.ศ. %(year)s (ภายใน 30 วันนับจากวันประกาศ%(ordinance)s)"
            )
            % {"year": plan.fiscal_year, "ordinance": gettext(plan.organization.ordinance_name)}
        ),
        due_on=plan.due_on,
        done_on=first_announced_on,
        today=today,
        url=plan.get_absolute_url(),
        closes_on=fiscal_year_range(plan.fiscal_year)[1],
    )


def posting_deadline(
    *, announced_on: datetime.date, posting_starts_on: datetime.date, today, title="", url=""
) -> Deadline:
    """Posting within 15 days of the announcement: the one verdict staff and portal show.
    The recorded first day of posting is the fact: a day after the 15 days is late even
    before it comes, a day within them is met once it has come."""
    due_on = announced_on + datetime.timedelta(days=POSTING_WITHIN_DAYS)
    recorded = posting_starts_on <= today or posting_starts_on > due_on
    return Deadline(
        title=title,
        due_on=due_on,
        done_on=posting_starts_on if recorded else None,
        today=today,
        url=url,
    )


def posting_ends_on(posting_starts_on: datetime.date) -> datetime.date:
    """The first day the notice may come down: posted for at least 30 days."""
    return posting_starts_on + datetime.timedelta(days=POSTING_AT_LEAST_DAYS)


def posting_deadlines(announcement, today) -> list[Deadline]:
    """Post within 15 days; keep posted at least 30 days (due: the first day it may come down)."""
    edition = announcement.edition
    kept = announcement.posting_ends_on if announcement.posting_ends_on <= today else None
    return [
        posting_deadline(
            announced_on=announcement.announced_on,
            posting_starts_on=announcement.posting_starts_on,
            today=today,
            title=str(_("ปิดประกาศ %(edition)s ภายใน 15 วันนับจากวันประกาศ") % {"edition": edition}),
            url=edition.get_absolute_url(),
        ),
        Deadline(
            title=str(
                _("ปิดประกาศ %(edition)s ไว้ไม่น้อยกว่า 30 วัน (ถึงวันที่ %(day)s)")
                % {"edition": edition, "day": thai_date(announcement.posting_ends_on)}
            ),
            due_on=announcement.posting_ends_on,
            done_on=kept,
            today=today,
            url=edition.get_absolute_url(),
        ),
    ]


def monitoring_report_deadline(today: datetime.date) -> Deadline | None:
    """The M&E report of the year, due 31 December; a reminder in the weeks before."""
    due_on = datetime.date(today.year, 12, 31)
    if (due_on - today).days > ME_REMINDER_DAYS:
        return None
    return Deadline(
        title=str(_("ประกาศผลการติดตามและประเมินผลแผนพัฒนา (อย่างน้อยปีละครั้ง ภายในเดือนธันวาคม)")),
        due_on=due_on,
        done_on=None,
        today=today,
        near_days=ME_REMINDER_DAYS,
    )
