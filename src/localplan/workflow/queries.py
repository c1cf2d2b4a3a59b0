"""Reads of the workflow that pages, slots and other apps (the portal) share."""

from __future__ import annotations

import datetime
import re
from collections import Counter
from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db.models import CharField, F, OuterRef, Subquery, Value
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from localplan.core.audit import edition_key
from localplan.core.models import (
    PUBLIC_STATES,
    AmendmentKind,
    AuditAction,
    AuditLog,
    EditionState,
    Role,
)
from localplan.core.templatetags.thai import thai_date
from localplan.devplan.models import PlanProject
from localplan.opsplan.models import OpsEntry
from localplan.workflow.models import (
    EDITION_FIELDS,
    EDITION_MODELS,
    Announcement,
    Document,
    Step,
    Transition,
    edition_lookup,
)
from localplan.workflow.rules import TASK_ROLES, Chain, Task, waiting_task

SHA256 = re.compile(r"^[0-9a-f]{64}$")


def announcement_for(edition) -> Announcement | None:
    """The announcement of an edition (with its stored PDF), or None if not announced."""
    if edition is None or edition.pk is None:
        return None
    return Announcement.objects.filter(**edition_lookup(edition)).first()


def announcement_by_sha256(hexdigest: str) -> Announcement | None:
    """The announcement whose stored PDF has this SHA-256 (hex, any case), or None."""
    digest = (hexdigest or "").strip().lower()
    if not SHA256.match(digest):
        return None
    return (
        Announcement.objects.filter(sha256=digest)
        .select_related("organization", "dev_edition__plan", "ops_edition__plan")
        .defer("pdf")
        .first()
    )


def access_edition(organization, document: str, edition_id: int):
    """An edition of this organization; 404 for another's or one that does not exist."""
    model = EDITION_MODELS[Document(document)]
    return get_object_or_404(
        model.objects.select_related("plan", "organization"),
        pk=edition_id,
        organization=organization,
    )


def edition_history(edition) -> list[Transition]:
    """The steps taken on an edition, oldest first, with their resolutions: one query,
    remembered on the edition for the rest of the request. Each step also carries
    `open_edition_id`, a later edition of the same plan not yet announced (or None)."""
    cached = edition.__dict__.get("_workflow_history")
    if cached is not None:
        return cached
    model = type(edition)
    open_edition = (
        model.objects.filter(organization_id=edition.organization_id, plan_id=edition.plan_id)
        .exclude(state__in=PUBLIC_STATES)
        .exclude(pk=edition.pk)
        .values("pk")[:1]
    )
    history = list(
        Transition.objects.filter(**edition_lookup(edition))
        .select_related("resolution")
        .annotate(open_edition_id=Subquery(open_edition))
        .order_by("at", "id")
    )
    edition.__dict__["_workflow_history"] = history
    return history


def last_return(history: list[Transition]) -> Transition | None:
    """The step that sent the edition back, when that is the latest step (its comments, and
    the resolution's comments on single rows, are what the planner must answer)."""
    if history and history[-1].step == Step.RETURNED:
        return history[-1]
    return None


def chain_of(history: list[Transition]) -> Chain | None:
    """The chain fixed at the edition's latest submission."""
    for step in reversed(history):
        if step.step == Step.SUBMITTED:
            return Chain(bool(step.committee_review), bool(step.council_approval))
    return None


def edition_trail(edition):
    """Every recorded change of the edition and its rows, newest first."""
    return AuditLog.objects.filter(
        organization_id=edition.organization_id, edition_key=edition_key(edition)
    ).select_related("user")


# Labels of what a transition's audit row records besides model fields.
TRAIL_LABELS = {
    "state": _("สถานะ"),
    "step": _("ขั้นตอน"),
    "occurred_on": _("วันที่ตามเอกสาร"),
    "content_version": _("รุ่นของเนื้อหา (SHA-256)"),
    "comments": _("ความเห็น"),
    "meeting_number": _("การประชุมครั้งที่"),
    "resolution": _("มติที่ประชุม"),
    "number": _("เลขที่ประกาศ"),
    "announced_on": _("วันที่ประกาศ"),
    "posting_starts_on": _("วันที่เริ่มปิดประกาศ"),
    "sha256": _("รหัสตรวจสอบไฟล์ที่ประกาศ"),
    "open_problems": _("ปัญหาความสอดคล้องที่ยังค้างเมื่อเสนอ"),
    "based_on": _("แก้ไขจากฉบับ"),
    "reason": _("เหตุผลความจำเป็น"),
    "special_case": _("กรณีพิเศษ"),
    "superseded_by": _("ถูกแทนที่ด้วย"),
    "copied_from": _("คัดลอกจากฉบับ"),
    "villages": _("หมู่บ้านที่ดำเนินการ"),
}
# The content's hash says nothing to a reader (the step history says in words whether the
# content changed); the announced file's hash is shown by its first characters, enough to
# tell files apart (the portal's check-a-copy page takes the whole one).
HIDDEN_IN_TRAIL = {"based_on_id", "superseded_by_id", "content_version"}
FINGERPRINTS = {"sha256"}
FINGERPRINT_LENGTH = 8


@dataclass
class ChangeRow:
    label: str
    old: str | None  # None: a value, not a change
    new: str


ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _text(value) -> str:
    if value is None or value == "":
        return "-"
    if isinstance(value, str) and ISO_DATE.match(value):
        return thai_date(datetime.date.fromisoformat(value))
    if isinstance(value, list):
        return ", ".join(str(item) for item in value) or "-"
    if isinstance(value, dict):
        return "; ".join(f"{key}: {_text(item)}" for key, item in value.items())
    return str(value)


def change_rows(entry: AuditLog) -> list[ChangeRow]:
    """An audit row's changes as a reader sees them: field label, old → new."""
    try:
        model = apps.get_model(entry.model)
    except (LookupError, ValueError):
        model = None
    rows = []
    for name, change in (entry.changes or {}).items():
        if name in HIDDEN_IN_TRAIL:
            continue
        label = None
        if model is not None and entry.action != AuditAction.TRANSITION:
            try:
                label = model._meta.get_field(name).verbose_name
            except FieldDoesNotExist:
                label = None
        label = str(label or TRAIL_LABELS.get(name) or name)
        if name in FINGERPRINTS and isinstance(change, str):
            change = change[:FINGERPRINT_LENGTH]
        if isinstance(change, list) and len(change) == 2 and name not in {"villages"}:
            rows.append(ChangeRow(label, _text(change[0]), _text(change[1])))
        else:
            rows.append(ChangeRow(label, None, _text(change)))
    return rows


def project_trail(organization, code: str):
    """Every recorded change of a project across editions (and of entries linked to it)."""
    return AuditLog.objects.filter(organization=organization, project_code=code).select_related(
        "user"
    )


def entry_trail(organization, entries: list[OpsEntry]):
    """Every recorded change of an entry's rows (one per edition, sharing a code)."""
    return AuditLog.objects.filter(
        organization=organization,
        model=OpsEntry._meta.label_lower,
        object_id__in=[str(entry.pk) for entry in entries],
    ).select_related("user")


def editions_with_project(organization, code: str) -> list[PlanProject]:
    """The project's row in each edition it appears in, oldest edition first."""
    return list(
        PlanProject.objects.filter(organization=organization, code=code)
        .select_related("edition__plan")
        .order_by("edition__created_at", "edition_id")
    )


def entries_with_code(organization, code: str) -> list[OpsEntry]:
    return list(
        OpsEntry.objects.filter(organization=organization, code=code)
        .select_related("edition__plan", "plan_project")
        .order_by("edition__created_at", "edition_id")
    )


def comparable_editions(edition) -> list:
    """The other editions of the same plan, oldest first."""
    return list(
        type(edition)
        .objects.filter(organization_id=edition.organization_id, plan_id=edition.plan_id)
        .exclude(pk=edition.pk)
        .select_related("plan")
        .order_by("created_at", "id")
    )


# ------------------------------------------------------------------ what needs my action


@dataclass
class Waiting:
    document: str
    edition_id: int
    state: str
    kind: str
    sequence: int
    sequence_year: int | None
    title: str
    task: Task

    @property
    def label(self) -> str:
        if self.kind == AmendmentKind.ORIGINAL:
            return str(AmendmentKind.ORIGINAL.label)
        return f"{AmendmentKind(self.kind).label} ครั้งที่ {self.sequence}/{self.sequence_year}"

    @property
    def state_label(self) -> str:
        return str(EditionState(self.state).label)


def _open_editions(document: Document, organization):
    """The not-yet-announced editions of one document, with the chain of their latest
    submission, as plain columns that line up with the other document's."""
    model = EDITION_MODELS[document]
    submissions = Transition.objects.filter(
        **{EDITION_FIELDS[document]: OuterRef("pk")}, step=Step.SUBMITTED
    ).order_by("-at", "-id")
    if document == Document.DEVPLAN:
        first_year, last_year, regime = (
            F("plan__first_fiscal_year"),
            F("plan__last_fiscal_year"),
            F("plan__regime"),
        )
    else:
        first_year = last_year = F("plan__fiscal_year")
        regime = Value("", output_field=CharField())
    return (
        model.objects.filter(organization=organization)
        .exclude(state__in=PUBLIC_STATES)
        .annotate(
            w_document=Value(str(document), output_field=CharField()),
            w_id=F("pk"),
            w_state=F("state"),
            w_kind=F("kind"),
            w_sequence=F("sequence"),
            w_sequence_year=F("sequence_year"),
            w_first_year=first_year,
            w_last_year=last_year,
            w_regime=regime,
            w_committee=Subquery(submissions.values("committee_review")[:1]),
            w_council=Subquery(submissions.values("council_approval")[:1]),
        )
        .values_list(
            "w_document",
            "w_id",
            "w_state",
            "w_kind",
            "w_sequence",
            "w_sequence_year",
            "w_first_year",
            "w_last_year",
            "w_regime",
            "w_committee",
            "w_council",
        )
        .order_by()
    )


def _title(document: str, first_year: int, last_year: int, regime: str) -> str:
    if document == Document.OPSPLAN:
        return gettext("แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. %(year)s") % {"year": first_year}
    from localplan.devplan.models import DevPlan

    return DevPlan(regime=regime, first_fiscal_year=first_year, last_fiscal_year=last_year).title


def waiting_for(membership) -> list[Waiting]:
    """The editions waiting for this member's role, in one query. Unit staff see drafts
    (they add their unit's rows); the roles that take no step see nothing."""
    organization = membership.organization
    rows = _open_editions(Document.DEVPLAN, organization).union(
        _open_editions(Document.OPSPLAN, organization), all=True
    )
    role = membership.role
    waiting = []
    for document, pk, state, kind, seq, seq_year, first, last, regime, committee, council in rows:
        chain = None if committee is None else Chain(bool(committee), bool(council))
        task = waiting_task(state, chain)
        if task is None:
            continue
        mine = role in TASK_ROLES[task] or (
            role == Role.UNIT_STAFF and state == EditionState.DRAFTING
        )
        if mine:
            title = _title(document, first, last, regime)
            waiting.append(Waiting(document, pk, state, kind, seq, seq_year, title, task))
    waiting.sort(key=lambda item: (item.document, item.title, item.edition_id))
    return waiting


def waiting_counts(waiting: list[Waiting]) -> list[tuple[Task, int]]:
    counts = Counter(item.task for item in waiting)
    return [(task, counts[task]) for task in Task if counts[task]]
