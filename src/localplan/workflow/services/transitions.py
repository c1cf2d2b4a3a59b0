"""The steps of an edition's review, approval and announcement (domain.md §7).

Each step: the member must hold the step's role (403 otherwise), the edition must be
waiting for that step (a `ValidationError` otherwise), and in one transaction the state
changes, a `Transition` records who, when, the edition's content version and the inputs,
and an audit row (action "transition") is written.
"""

from __future__ import annotations

import datetime
import hashlib

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from localplan.core.access import require_role
from localplan.core.audit import record
from localplan.core.models import AuditAction, EditionState, Membership
from localplan.core.thai_calendar import format_input_date
from localplan.devplan.models import DevPlanEdition
from localplan.devplan.signals import edition_in_force
from localplan.workflow import rendering
from localplan.workflow.models import (
    Announcement,
    Resolution,
    ReviewBody,
    Step,
    Transition,
    document_of,
    edition_lookup,
)
from localplan.workflow.rules import TASK_ROLES, Chain, Task, chain_for, waiting_task
from localplan.workflow.versions import content_version


def require_task(by: Membership, edition, task: Task) -> None:
    """403 unless the member belongs to the edition's organization and holds the task's role."""
    if by.organization_id != edition.organization_id:
        raise PermissionDenied(_("ผู้ใช้นี้ไม่ได้เป็นสมาชิกขององค์กรเจ้าของแผนนี้"))
    require_role(by, TASK_ROLES[task], action=str(task.label))


def last_submission(edition) -> Transition | None:
    return (
        Transition.objects.filter(**edition_lookup(edition), step=Step.SUBMITTED)
        .order_by("-at", "-id")
        .first()
    )


def recorded_chain(submission: Transition | None) -> Chain | None:
    if submission is None:
        return None
    return Chain(bool(submission.committee_review), bool(submission.council_approval))


def _locked_state(edition) -> str:
    model = type(edition)
    state = model.objects.select_for_update().filter(pk=edition.pk).values_list("state", flat=True)
    return state.get()


def _wrong_state(edition, task: Task) -> ValidationError:
    return ValidationError(
        _("ฉบับนี้อยู่ในสถานะ “%(state)s” จึงยังทำขั้นตอน “%(step)s” ไม่ได้"),
        code="wrong_state",
        params={"state": edition.get_state_display(), "step": task.label},
    )


def require_waiting(edition, task: Task) -> Chain | None:
    """Lock the edition and check that it waits for this task; the chain it follows."""
    edition.state = _locked_state(edition)
    chain = recorded_chain(last_submission(edition))
    if waiting_task(edition.state, chain) != task:
        raise _wrong_state(edition, task)
    return chain


def _check_date(edition, day: datetime.date, field: str) -> None:
    if day > timezone.localdate():
        raise ValidationError({field: _("วันที่ต้องไม่เป็นวันในอนาคต")}, code="future_date")
    previous = (
        Transition.objects.filter(**edition_lookup(edition))
        .exclude(step=Step.AMENDMENT_STARTED)
        .order_by("-at", "-id")
        .values_list("occurred_on", flat=True)
        .first()
    )
    if previous is not None and day < previous:
        raise ValidationError(
            {field: _("วันที่ต้องไม่ก่อนขั้นตอนก่อนหน้า (%(day)s)") % {"day": format_input_date(previous)}},
            code="before_previous_step",
        )


def _plain(value):
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def move(
    edition,
    *,
    by: Membership,
    step: Step,
    to_state: str,
    occurred_on: datetime.date,
    comments: str = "",
    inputs: dict | None = None,
    chain: Chain | None = None,
) -> Transition:
    """Change the edition's state and record the step. The caller has checked the step."""
    from_state = edition.state
    version = content_version(edition)
    type(edition).objects.filter(pk=edition.pk).update(state=to_state, updated_at=timezone.now())
    edition.state = to_state
    inputs = {name: _plain(value) for name, value in (inputs or {}).items()}
    step_row = Transition(
        organization_id=edition.organization_id,
        **edition_lookup(edition),
        step=step,
        from_state=from_state,
        to_state=to_state,
        occurred_on=occurred_on,
        user=by.user if by is not None else None,
        actor_name=by.display_name if by is not None else "",
        actor_role=by.role if by is not None else "",
        content_version=version,
        committee_review=chain.committee_review if chain else None,
        council_approval=chain.council_approval if chain else None,
        comments=comments,
        inputs=inputs,
    )
    step_row.full_clean()
    step_row.save()
    with translation.override("th"):  # the log is kept in Thai (core.audit.in_thai)
        changes = {
            "state": [str(EditionState(from_state).label), str(EditionState(to_state).label)],
            "step": str(step.label),
            "occurred_on": occurred_on.isoformat(),
            "content_version": version,
            **({"comments": comments} if comments else {}),
            **inputs,
        }
    record(edition, AuditAction.TRANSITION, changes, user=by.user if by is not None else None)
    return step_row


@transaction.atomic
def submit_edition(
    *,
    edition,
    by: Membership,
    submitted_on: datetime.date,
    comments: str = "",
    open_problems: int = 0,
) -> Transition:
    """The support committee or the planner sends the draft for review (step 3).
    `open_problems`: how many consistency problems the planner saw and confirmed (they do
    not block; the step records their number)."""
    from localplan.workflow.services.amendments import submission_problems

    require_task(by, edition, Task.SUBMIT)
    require_waiting(edition, Task.SUBMIT)
    _check_date(edition, submitted_on, "submitted_on")
    problems = submission_problems(edition)
    if problems:
        raise ValidationError(problems)
    chain = chain_for(edition, document_of(edition))
    return move(
        edition,
        by=by,
        step=Step.SUBMITTED,
        to_state=EditionState.IN_REVIEW,
        occurred_on=submitted_on,
        comments=comments,
        inputs={"open_problems": open_problems} if open_problems else None,
        chain=chain,
    )


def _clean_row_comments(edition, row_comments) -> list[dict]:
    rows = edition.projects if document_of(edition) == "dev" else edition.entries
    names = dict(rows.values_list("code", "name"))
    cleaned = []
    for item in row_comments or ():
        code, comment = item.get("code", ""), (item.get("comment") or "").strip()
        if not comment:
            continue
        if code not in names:
            raise ValidationError(
                _("ไม่มีรายการรหัส %(code)s ในฉบับนี้"), code="unknown_row", params={"code": code}
            )
        cleaned.append({"code": code, "name": names[code], "comment": comment})
    return cleaned


def _resolve(
    edition,
    *,
    by: Membership,
    task: Task,
    body: ReviewBody,
    passed: bool,
    passed_step: Step,
    passed_state: str,
    meeting_number: str,
    meeting_date: datetime.date,
    text: str,
    comments: str,
    row_comments,
) -> Resolution:
    require_task(by, edition, task)
    chain = require_waiting(edition, task)
    _check_date(edition, meeting_date, "meeting_date")
    row_comments = _clean_row_comments(edition, row_comments)
    if not passed and not (comments.strip() or row_comments):
        raise ValidationError(
            {"comments": _("การส่งกลับให้แก้ไขต้องระบุความเห็นว่าต้องแก้ไขอะไร")}, code="no_comments"
        )
    step = move(
        edition,
        by=by,
        step=passed_step if passed else Step.RETURNED,
        to_state=passed_state if passed else EditionState.RETURNED,
        occurred_on=meeting_date,
        comments=comments.strip(),
        inputs={"meeting_number": meeting_number, "resolution": text},
        chain=chain,
    )
    resolution = Resolution(
        organization_id=edition.organization_id,
        transition=step,
        body=body,
        meeting_number=meeting_number,
        meeting_date=meeting_date,
        text=text,
        row_comments=row_comments,
    )
    resolution.full_clean()
    resolution.save()
    return resolution


@transaction.atomic
def record_committee_resolution(
    *,
    edition,
    by: Membership,
    endorsed: bool,
    meeting_number: str,
    meeting_date: datetime.date,
    text: str,
    comments: str = "",
    row_comments=(),
) -> Resolution:
    """The development committee endorses the draft, or returns it with comments."""
    return _resolve(
        edition,
        by=by,
        task=Task.COMMITTEE_REVIEW,
        body=ReviewBody.COMMITTEE,
        passed=endorsed,
        passed_step=Step.ENDORSED,
        passed_state=EditionState.ENDORSED,
        meeting_number=meeting_number,
        meeting_date=meeting_date,
        text=text,
        comments=comments,
        row_comments=row_comments,
    )


@transaction.atomic
def record_council_resolution(
    *,
    edition,
    by: Membership,
    approved: bool,
    meeting_number: str,
    meeting_date: datetime.date,
    text: str,
    comments: str = "",
    row_comments=(),
) -> Resolution:
    """The council approves the draft (an อบต.'s multi-year plan), or returns it."""
    return _resolve(
        edition,
        by=by,
        task=Task.COUNCIL_REVIEW,
        body=ReviewBody.COUNCIL,
        passed=approved,
        passed_step=Step.COUNCIL_APPROVED,
        passed_state=EditionState.COUNCIL_APPROVED,
        meeting_number=meeting_number,
        meeting_date=meeting_date,
        text=text,
        comments=comments,
        row_comments=row_comments,
    )


@transaction.atomic
def approve_edition(
    *, edition, by: Membership, approved_on: datetime.date, comments: str = ""
) -> Transition:
    """The executive approves the plan (step 4, before announcing it)."""
    require_task(by, edition, Task.EXECUTIVE_DECISION)
    chain = require_waiting(edition, Task.EXECUTIVE_DECISION)
    _check_date(edition, approved_on, "approved_on")
    return move(
        edition,
        by=by,
        step=Step.APPROVED,
        to_state=EditionState.APPROVED,
        occurred_on=approved_on,
        comments=comments,
        chain=chain,
    )


@transaction.atomic
def return_edition(
    *, edition, by: Membership, returned_on: datetime.date, comments: str
) -> Transition:
    """The executive sends the draft back to drafting, with comments."""
    require_task(by, edition, Task.EXECUTIVE_DECISION)
    chain = require_waiting(edition, Task.EXECUTIVE_DECISION)
    _check_date(edition, returned_on, "returned_on")
    if not comments.strip():
        raise ValidationError(
            {"comments": _("การส่งกลับให้แก้ไขต้องระบุความเห็นว่าต้องแก้ไขอะไร")}, code="no_comments"
        )
    return move(
        edition,
        by=by,
        step=Step.RETURNED,
        to_state=EditionState.RETURNED,
        occurred_on=returned_on,
        comments=comments.strip(),
        chain=chain,
    )


def check_announcement(
    *,
    edition,
    number: str,
    announced_on: datetime.date,
    posting_starts_on: datetime.date,
    signer_name: str = "",
    signer_title: str = "",
) -> tuple[str, str, str]:
    """What `announce_edition` refuses, checked without writing (the confirmation page asks
    it before showing what will be frozen): the number, the signer (the organization's
    executive by default) as they will be recorded. A posting later than 15 days after the
    announcement is not refused: domain.md §7 shows the rule, it does not block; the
    confirmation page says the posting will be recorded as late."""
    number = number.strip()
    if not number:
        raise ValidationError({"number": _("กรุณากรอกเลขที่ประกาศ")}, code="no_number")
    _check_date(edition, announced_on, "announced_on")
    if posting_starts_on < announced_on:
        raise ValidationError(
            {"posting_starts_on": _("วันที่เริ่มปิดประกาศต้องไม่ก่อนวันที่ประกาศ")},
            code="posting_before_announcement",
        )
    organization = edition.organization
    signer_name = signer_name.strip() or organization.executive_name
    signer_title = signer_title.strip() or organization.executive_title
    if not signer_name or not signer_title:
        raise ValidationError(
            {"signer_name": _("กรุณากรอกชื่อและตำแหน่งผู้ลงนามประกาศ")}, code="no_signer"
        )
    return number, signer_name, signer_title


@transaction.atomic
def announce_edition(
    *,
    edition,
    by: Membership,
    number: str,
    announced_on: datetime.date,
    posting_starts_on: datetime.date,
    signer_name: str = "",
    signer_title: str = "",
) -> Announcement:
    """The executive announces the approved edition: it is frozen from now on, its official
    PDF is rendered once and stored with its SHA-256, and an amendment supersedes the
    edition it amends."""
    require_task(by, edition, Task.ANNOUNCE)
    require_waiting(edition, Task.ANNOUNCE)
    number, signer_name, signer_title = check_announcement(
        edition=edition,
        number=number,
        announced_on=announced_on,
        posting_starts_on=posting_starts_on,
        signer_name=signer_name,
        signer_title=signer_title,
    )
    # Rendered from the approved content, which the announcement then freezes; a render
    # never depends on the state, so a later render of the edition gives the same content.
    pdf = rendering.official_pdf(edition)
    sha256 = hashlib.sha256(pdf).hexdigest()
    move(
        edition,
        by=by,
        step=Step.ANNOUNCED,
        to_state=EditionState.ANNOUNCED,
        occurred_on=announced_on,
        inputs={
            "number": number,
            "announced_on": announced_on,
            "posting_starts_on": posting_starts_on,
            "sha256": sha256,
        },
    )
    announcement = Announcement(
        organization_id=edition.organization_id,
        **edition_lookup(edition),
        number=number,
        announced_on=announced_on,
        posting_starts_on=posting_starts_on,
        pdf=pdf,
        sha256=sha256,
        signer_name=signer_name,
        signer_title=signer_title,
    )
    announcement.full_clean()
    announcement.save()
    supersede_previous(edition, by=by, announced_on=announced_on)
    return announcement


def supersede_previous(edition, *, by: Membership, announced_on: datetime.date) -> None:
    """Every other announced edition of the same plan is superseded by this one. An
    amendment is a full copy of the edition it amends, so it covers all of its projects;
    the superseded edition keeps its rows, unchanged, as the record of what was in force."""
    model = type(edition)
    previous = model.objects.filter(
        organization_id=edition.organization_id,
        plan_id=edition.plan_id,
        state=EditionState.ANNOUNCED,
    ).exclude(pk=edition.pk)
    superseded = list(previous.select_related("plan"))
    for old in superseded:
        move(
            old,
            by=by,
            step=Step.SUPERSEDED,
            to_state=EditionState.SUPERSEDED,
            occurred_on=announced_on,
            inputs={"superseded_by": str(edition), "superseded_by_id": edition.pk},
        )
    if superseded and isinstance(edition, DevPlanEdition):
        edition_in_force.send(sender=DevPlanEdition, edition=edition, superseded=superseded)
