"""What the workflow adds to shared pages through slots: the step buttons beside an
edition's title, its history under it, and on the home page what waits for the member and
the deadlines. Each function makes at most one query; the two edition slots share it."""

from __future__ import annotations

import datetime

from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone

from localplan.core.models import EditionState, Role
from localplan.core.slots import Panel, slot
from localplan.core.thai_calendar import fiscal_year_of
from localplan.opsplan.models import OperationalPlan
from localplan.workflow import deadlines
from localplan.workflow.models import (
    POSTING_AT_LEAST_DAYS,
    POSTING_WITHIN_DAYS,
    Announcement,
    Document,
    Step,
    document_of,
)
from localplan.workflow.queries import chain_of, edition_history, waiting_counts, waiting_for
from localplan.workflow.rules import TASK_ROLES, Task, waiting_task

TASK_URLS = {
    Task.SUBMIT: "workflow:submit",
    Task.COMMITTEE_REVIEW: "workflow:committee",
    Task.COUNCIL_REVIEW: "workflow:council",
    Task.EXECUTIVE_DECISION: "workflow:decide",
    Task.ANNOUNCE: "workflow:announce",
    Task.START_AMENDMENT: "workflow:amend",
}
EDITION_URLS = {Document.DEVPLAN: "devplan:edition", Document.OPSPLAN: "opsplan:edition"}
REVIEWERS = {Role.DEVELOPMENT_COMMITTEE, Role.COUNCIL_SECRETARY, Role.EXECUTIVE}


def _edition_kwargs(membership, document, edition_id) -> dict:
    return {"org": membership.organization.slug, "document": document, "edition_id": edition_id}


def task_url(membership, document: str, edition_id: int, task: Task) -> str:
    return reverse(TASK_URLS[task], kwargs=_edition_kwargs(membership, document, edition_id))


def _my_task(membership, edition) -> tuple[Task | None, int | None]:
    """The step this member can take now, and a later edition still open (if any)."""
    role, state = membership.role, edition.state
    if state in {EditionState.IN_REVIEW, EditionState.ENDORSED}:
        if role not in REVIEWERS:
            return None, None
        task = waiting_task(state, chain_of(edition_history(edition)))
    elif state == EditionState.ANNOUNCED:
        if role not in TASK_ROLES[Task.START_AMENDMENT]:
            return None, None
        history = edition_history(edition)
        open_id = history[-1].open_edition_id if history else None
        return (None, open_id) if open_id else (Task.START_AMENDMENT, None)
    else:
        task = waiting_task(state, None)
    return (task, None) if task and role in TASK_ROLES[task] else (None, None)


@slot("edition_actions")
def step_buttons(membership, edition):
    document = document_of(edition)
    kwargs = _edition_kwargs(membership, document, edition.pk)
    task, open_id = _my_task(membership, edition)
    links = [("history", reverse("workflow:edition_trail", kwargs=kwargs))]
    if edition.based_on_id:
        compare = reverse(
            "workflow:compare",
            kwargs={
                "org": kwargs["org"],
                "document": document,
                "old_id": edition.based_on_id,
                "new_id": edition.pk,
            },
        )
    else:
        compare = reverse("workflow:compare_pick", kwargs=kwargs)
    links.append(("compare", compare))
    if edition.state in {EditionState.ANNOUNCED, EditionState.SUPERSEDED}:
        links.append(("pdf", reverse("workflow:announced_pdf", kwargs=kwargs)))
    open_url = ""
    if open_id:
        open_url = reverse(
            EDITION_URLS[document], kwargs={"org": kwargs["org"], "edition_id": open_id}
        )
    context = {
        "task": task,
        "task_url": task_url(membership, document, edition.pk, task) if task else "",
        "links": dict(links),
        "open_url": open_url,
    }
    return Panel("workflow/_edition_actions.html", context, order=30)


def _announcement_of(history, today) -> dict | None:
    for step in history:
        if step.step == Step.ANNOUNCED:
            inputs = step.inputs
            announced_on = datetime.date.fromisoformat(inputs["announced_on"])
            posting_starts_on = datetime.date.fromisoformat(inputs["posting_starts_on"])
            return {
                "number": inputs.get("number", ""),
                "announced_on": announced_on,
                "posting_starts_on": posting_starts_on,
                "posting": deadlines.posting_deadline(
                    announced_on=announced_on, posting_starts_on=posting_starts_on, today=today
                ),
                "posting_ends_on": deadlines.posting_ends_on(posting_starts_on),
                "sha256": inputs.get("sha256", ""),
            }
    return None


@slot("edition_panels")
def step_history(membership, edition):
    document = document_of(edition)
    today = timezone.localdate()
    due = None
    if document == Document.OPSPLAN and edition.plan.due_on:
        edition.plan.organization = membership.organization
        due = deadlines.operational_plan_deadline(edition.plan, None, today)
    if edition.state == EditionState.DRAFTING and not edition.based_on_id:
        # Never submitted: no step has been taken yet.
        if due is None:
            return None
        return Panel("workflow/_edition_panel.html", {"history": [], "due": due}, order=10)
    history = edition_history(edition) if edition.state != EditionState.DRAFTING else []
    announcement = _announcement_of(history, today)
    if announcement and due:
        due.done_on = announcement["announced_on"]
    for before, step in zip([None, *history], history, strict=False):
        # What a reader needs of the content's hash: did the content change since the step
        # before (None for the first step)?
        step.content_changed = (
            None if before is None else before.content_version != step.content_version
        )
    last = history[-1] if history else None
    context = {
        "history": history,
        "returned": last if last and last.step == Step.RETURNED else None,
        "announcement": announcement,
        "due": due,
        "is_amendment": bool(edition.based_on_id),
        "pdf_url": reverse(
            "workflow:announced_pdf", kwargs=_edition_kwargs(membership, document, edition.pk)
        ),
    }
    return Panel("workflow/_edition_panel.html", context, order=10)


# ------------------------------------------------------------------ home page


@slot("home")
def my_tasks(membership):
    waiting = waiting_for(membership)
    for item in waiting:
        if membership.role in TASK_ROLES[item.task]:
            item.url = task_url(membership, item.document, item.edition_id, item.task)
        else:
            item.url = reverse(
                EDITION_URLS[Document(item.document)],
                kwargs={"org": membership.organization.slug, "edition_id": item.edition_id},
            )
    context = {"waiting": waiting, "counts": waiting_counts(waiting)}
    if membership.role == Role.ORG_ADMIN:
        context["settings_url"] = reverse(
            "workflow:settings", kwargs={"org": membership.organization.slug}
        )
    return Panel("workflow/_home_waiting.html", context, order=1)


@slot("home")
def operational_plan_deadlines(membership):
    organization = membership.organization
    today = timezone.localdate()
    first_announcement = Announcement.objects.filter(ops_edition__plan=OuterRef("pk")).order_by(
        "announced_on"
    )
    plans = (
        OperationalPlan.objects.filter(
            organization=organization,
            budget_announced_on__isnull=False,
            fiscal_year__gte=fiscal_year_of(today) - 1,
        )
        .annotate(first_announced_on=Subquery(first_announcement.values("announced_on")[:1]))
        .order_by("fiscal_year")
    )
    shown = []
    for plan in plans:
        plan.organization = organization
        deadline = deadlines.operational_plan_deadline(plan, plan.first_announced_on, today)
        if deadline is not None and deadline.needs_attention:
            shown.append(deadline)
    monitoring = deadlines.monitoring_report_deadline(today)
    if monitoring is not None:
        shown.append(monitoring)
    if not shown:
        return None
    return Panel("workflow/_home_deadlines.html", {"deadlines": shown}, order=2)


@slot("home")
def posting_deadlines(membership):
    today = timezone.localdate()
    window_start = today - datetime.timedelta(days=POSTING_WITHIN_DAYS + POSTING_AT_LEAST_DAYS)
    announcements = (
        Announcement.objects.filter(
            organization=membership.organization, announced_on__gte=window_start
        )
        .select_related("dev_edition__plan", "ops_edition__plan")
        .defer("pdf")
        .order_by("announced_on", "id")
    )
    shown = []
    for announcement in announcements:
        announcement.edition.organization = membership.organization
        for deadline in deadlines.posting_deadlines(announcement, today):
            if deadline.needs_attention:
                shown.append(deadline)
    if not shown:
        return None
    return Panel("workflow/_home_deadlines.html", {"deadlines": shown, "posting": True}, order=3)
