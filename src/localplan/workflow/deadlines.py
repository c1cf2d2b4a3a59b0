"""Deadlines of domain.md §5 and §7, shown and never enforced:

- the operational plan within 30 days of the budget ordinance's announcement
  (`OperationalPlan.budget_announced_on`, `due_on`);
- posting within 15 days of an announcement, and keeping it posted for at least 30 days;
- the monitoring and evaluation report announced at least once a year, within December.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from localplan.core.templatetags.thai import thai_date

NEAR_DAYS = 14
ME_REMINDER_DAYS = 45

MET, LATE, OVERDUE, NEAR, OPEN = "met", "late", "overdue", "near", "open"
STATUS_LABELS = {
    MET: _("ทันกำหนด"),
    LATE: _("เกินกำหนด"),
    OVERDUE: _("เลยกำหนดแล้ว"),
    NEAR: _("ใกล้ถึงกำหนด"),
    OPEN: _("ยังไม่ถึงกำหนด"),
}

BADGE_CLASSES = {
    MET: "text-bg-success",
    LATE: "text-bg-danger",
    OVERDUE: "text-bg-danger",
    NEAR: "text-bg-warning",
    OPEN: "text-bg-light border",
}


def status_of(
    due_on: datetime.date,
    done_on: datetime.date | None,
    today: datetime.date,
    near_days: int = NEAR_DAYS,
) -> str:
    if done_on is not None:
        return MET if done_on <= due_on else LATE
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

    @property
    def status(self) -> str:
        return status_of(self.due_on, self.done_on, self.today, self.near_days)

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
    )


def posting_deadlines(announcement, today) -> list[Deadline]:
    """Post within 15 days; keep posted at least 30 days (due: the first day it may come down)."""
    edition = announcement.edition
    started = announcement.posting_starts_on if announcement.posting_starts_on <= today else None
    kept = announcement.posting_ends_on if announcement.posting_ends_on <= today else None
    return [
        Deadline(
            title=str(_("ปิดประกาศ %(edition)s ภายใน 15 วันนับจากวันประกาศ") % {"edition": edition}),
            due_on=announcement.posting_due_on,
            done_on=started,
            today=today,
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
