"""Staff pages of the workflow: one page per step, the compare page and its downloads, the
audit trails, the stored announced PDF and the approval settings. Thin: parse, call a
service or a query, render."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from localplan.core.access import member_view, require_role
from localplan.core.models import AmendmentKind, EditionState, Role
from localplan.core.pages import attach_errors
from localplan.core.slots import panels_for
from localplan.devplan.models import DevPlanEdition
from localplan.workflow import deadlines, documents, queries, services
from localplan.workflow.compare import compare_editions
from localplan.workflow.forms import (
    AmendmentForm,
    AnnounceForm,
    ApprovalRulesForm,
    DecisionForm,
    ResolutionForm,
    SubmitForm,
)
from localplan.workflow.models import Document, ReviewBody
from localplan.workflow.rules import (
    Task,
    chain_for,
    chain_states,
    configured_chain,
    waiting_task,
)
from localplan.workflow.services.amendments import default_sequence_year, open_edition
from localplan.workflow.services.transitions import require_task

NAV = {Document.DEVPLAN: "devplan", Document.OPSPLAN: "opsplan"}
READ = ("GET", "HEAD")


def _writing(request) -> bool:
    """A read-only page asked to write: it answers 405 once the objects are found (so that
    another organization's objects are still 404)."""
    return request.method not in READ


TRAIL_PAGE_SIZE = 100


def _rows_of(edition) -> list[tuple[str, str]]:
    rows = edition.projects if isinstance(edition, DevPlanEdition) else edition.entries
    return list(rows.order_by("code").values_list("code", "name"))


def _step_page(
    request, document, edition_id, task: Task, *, form_class, perform, confirm=None, **form_kwargs
):
    """A step's page: 403 for the wrong role; the form; on a valid POST the service. With
    `confirm`, a valid POST first shows what the step will do (the context `confirm` returns,
    or its `ValidationError` on the form) and the service runs only on the POST that carries
    "confirmed"; "edit" goes back to the form with what was typed."""
    edition = queries.access_edition(request.organization, document, edition_id)
    membership = request.membership
    require_task(membership, edition, task)
    history = queries.edition_history(edition)
    if task == Task.START_AMENDMENT:
        # Nobody must amend an announced edition, but anyone named may start one.
        waiting = edition.state == EditionState.ANNOUNCED
    else:
        waiting = waiting_task(edition.state, queries.chain_of(history)) == task
    extra = form_kwargs.pop("extra", {})
    form = form_class(request.POST or None, **form_kwargs)
    confirming = None
    asks_first = confirm is not None and "confirmed" not in request.POST
    if request.method == "POST" and form.is_valid():
        try:
            if asks_first:
                confirming = None if "edit" in request.POST else confirm(edition, form)
            else:
                with transaction.atomic():
                    result = perform(edition, membership, form)
        except ValidationError as refusal:
            attach_errors(form, refusal)
        else:
            if not asks_first:
                messages.success(request, _("บันทึก “%(step)s” แล้ว") % {"step": task.label})
                return redirect(result if hasattr(result, "get_absolute_url") else edition)
    context = {
        "nav": NAV[Document(document)],
        "edition": edition,
        "task": task,
        "form": form,
        "waiting": waiting,
        "history": history,
        "confirming": confirming,
        **extra,
    }
    return render(request, "workflow/step.html", context, status=400 if form.errors else 200)


@member_view
def submit(request, document, edition_id):
    """The draft goes to review: the page shows the comments of the last return and the
    open consistency problems, and the planner confirms having read them."""
    edition = queries.access_edition(request.organization, document, edition_id)
    chain = chain_for(edition, document)
    problems = services.submission_problems(edition)
    returned = queries.last_return(queries.edition_history(edition))
    before = panels_for("before_submit", membership=request.membership, edition=edition)
    open_problems = sum(len(panel.context.get("problems", ())) for panel in before)

    def perform(edition, membership, form):
        data = dict(form.cleaned_data)
        data.pop("confirmed")
        return services.submit_edition(
            edition=edition, by=membership, open_problems=open_problems, **data
        )

    return _step_page(
        request,
        document,
        edition_id,
        Task.SUBMIT,
        form_class=SubmitForm,
        perform=perform,
        open_problems=open_problems,
        returned=returned is not None,
        extra={
            "problems": problems,
            "chain_states": chain_states(chain),
            "chain": chain,
            "returned": returned,
            "before_submit": before,
        },
    )


def _resolution_page(request, document, edition_id, body: ReviewBody):
    edition = queries.access_edition(request.organization, document, edition_id)
    committee = body == ReviewBody.COMMITTEE

    def perform(edition, membership, form):
        if committee:
            return services.record_committee_resolution(
                edition=edition,
                by=membership,
                endorsed=form.passed(),
                **form.service_arguments(),
            )
        return services.record_council_resolution(
            edition=edition, by=membership, approved=form.passed(), **form.service_arguments()
        )

    return _step_page(
        request,
        document,
        edition_id,
        Task.COMMITTEE_REVIEW if committee else Task.COUNCIL_REVIEW,
        form_class=ResolutionForm,
        perform=perform,
        passed_label=_("ให้ความเห็นชอบ เสนอผู้บริหารท้องถิ่น") if committee else _("ให้ความเห็นชอบ"),
        rows=_rows_of(edition),
    )


@member_view
def committee(request, document, edition_id):
    return _resolution_page(request, document, edition_id, ReviewBody.COMMITTEE)


@member_view
def council(request, document, edition_id):
    return _resolution_page(request, document, edition_id, ReviewBody.COUNCIL)


@member_view
def decide(request, document, edition_id):
    def perform(edition, membership, form):
        data = form.cleaned_data
        if data["outcome"] == "endorse":
            return services.approve_edition(
                edition=edition,
                by=membership,
                approved_on=data["decided_on"],
                comments=data["comments"],
            )
        try:
            return services.return_edition(
                edition=edition,
                by=membership,
                returned_on=data["decided_on"],
                comments=data["comments"],
            )
        except ValidationError as refusal:
            raise _rename(refusal, {"returned_on": "decided_on"}) from refusal

    return _step_page(
        request,
        document,
        edition_id,
        Task.EXECUTIVE_DECISION,
        form_class=DecisionForm,
        perform=perform,
    )


def _rename(refusal: ValidationError, names: dict[str, str]) -> ValidationError:
    if not hasattr(refusal, "error_dict"):
        return refusal
    return ValidationError(
        {names.get(field, field): errors for field, errors in refusal.error_dict.items()}
    )


@member_view
def announce(request, document, edition_id):
    organization = request.organization

    def perform(edition, membership, form):
        services.announce_edition(edition=edition, by=membership, **form.cleaned_data)
        return edition

    def confirm(edition, form):
        data = form.cleaned_data
        number, signer_name, signer_title = services.check_announcement(edition=edition, **data)
        announced_on, posting_starts_on = data["announced_on"], data["posting_starts_on"]
        return {
            "template": "workflow/_confirm_announce.html",
            "number": number,
            "announced_on": announced_on,
            "posting_starts_on": posting_starts_on,
            "posting": deadlines.posting_deadline(
                announced_on=announced_on,
                posting_starts_on=posting_starts_on,
                today=timezone.localdate(),
            ),
            "posting_ends_on": deadlines.posting_ends_on(posting_starts_on),
            "signer_name": signer_name,
            "signer_title": signer_title,
        }

    return _step_page(
        request,
        document,
        edition_id,
        Task.ANNOUNCE,
        form_class=AnnounceForm,
        perform=perform,
        confirm=confirm,
        extra={"submit_label": _("ตรวจสอบก่อนประกาศใช้")},
        initial={
            "signer_name": organization.executive_name,
            "signer_title": organization.executive_title,
        },
    )


@member_view
def amend(request, document, edition_id):
    edition = queries.access_edition(request.organization, document, edition_id)

    def perform(edition, membership, form):
        return services.start_amendment(edition=edition, by=membership, **form.cleaned_data)

    return _step_page(
        request,
        document,
        edition_id,
        Task.START_AMENDMENT,
        form_class=AmendmentForm,
        perform=perform,
        initial={"sequence_year": default_sequence_year(), "kind": AmendmentKind.ADDITION},
        extra={"open_edition": open_edition(edition)},
    )


@member_view
def announced_pdf(request, document, edition_id):
    """The exact bytes that were announced, named by the edition, with their SHA-256."""
    edition = queries.access_edition(request.organization, document, edition_id)
    if _writing(request):
        return HttpResponseNotAllowed(READ)
    announcement = queries.announcement_for(edition)
    if announcement is None:
        raise Http404(_("ฉบับนี้ยังไม่ได้ประกาศใช้"))
    response = HttpResponse(bytes(announcement.pdf), content_type="application/pdf")
    filename = f"{document}-{edition.pk}-{announcement.sha256[:12]}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["ETag"] = f'"{announcement.sha256}"'
    response["X-Content-SHA256"] = announcement.sha256
    return response


# ------------------------------------------------------------------ compare


def _pair(request, document, old_id, new_id):
    old = queries.access_edition(request.organization, document, old_id)
    new = queries.access_edition(request.organization, document, new_id)
    return None if _writing(request) else compare_editions(old, new)


@member_view
def compare_pick(request, document, edition_id):
    edition = queries.access_edition(request.organization, document, edition_id)
    if _writing(request):
        return HttpResponseNotAllowed(READ)
    context = {
        "nav": NAV[Document(document)],
        "edition": edition,
        "document": document,
        "others": queries.comparable_editions(edition),
    }
    return render(request, "workflow/compare_pick.html", context)


@member_view
def compare(request, document, old_id, new_id):
    comparison = _pair(request, document, old_id, new_id)
    if comparison is None:
        return HttpResponseNotAllowed(READ)
    context = {"nav": NAV[Document(document)], "comparison": comparison, "document": document}
    return render(request, "workflow/compare.html", context)


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@member_view
def compare_pdf(request, document, old_id, new_id):
    comparison = _pair(request, document, old_id, new_id)
    if comparison is None:
        return HttpResponseNotAllowed(READ)
    return _download(
        documents.comparison_pdf(comparison),
        "application/pdf",
        f"compare-{document}-{old_id}-{new_id}.pdf",
    )


@member_view
def compare_xlsx(request, document, old_id, new_id):
    comparison = _pair(request, document, old_id, new_id)
    if comparison is None:
        return HttpResponseNotAllowed(READ)
    return _download(
        documents.comparison_xlsx(comparison),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        f"compare-{document}-{old_id}-{new_id}.xlsx",
    )


# ------------------------------------------------------------------ audit trails


def _trail_page(request, entries, context):
    page = Paginator(entries, TRAIL_PAGE_SIZE).get_page(request.GET.get("page"))
    for entry in page:
        entry.change_rows = queries.change_rows(entry)
    return render(request, "workflow/trail.html", {"page": page, **context})


@member_view
def edition_trail(request, document, edition_id):
    edition = queries.access_edition(request.organization, document, edition_id)
    if _writing(request):
        return HttpResponseNotAllowed(READ)
    context = {
        "nav": NAV[Document(document)],
        "edition": edition,
        "history": queries.edition_history(edition),
        "title": _("ประวัติการเปลี่ยนแปลงของ %(edition)s") % {"edition": edition},
    }
    return _trail_page(request, queries.edition_trail(edition), context)


@member_view
def project_trail(request, code):
    organization = request.organization
    projects = queries.editions_with_project(organization, code)
    entries = queries.entries_with_code(organization, code)
    if not projects and not entries:
        raise Http404(_("ไม่พบโครงการรหัส %(code)s") % {"code": code})
    if _writing(request):
        return HttpResponseNotAllowed(READ)
    name = (projects or entries)[-1].name
    context = {
        "nav": "devplan" if projects else "opsplan",
        "code": code,
        "projects": projects,
        "entries": entries,
        "title": _("ประวัติของโครงการ %(code)s %(name)s") % {"code": code, "name": name},
    }
    trail = (
        queries.project_trail(organization, code)
        if projects
        else queries.entry_trail(organization, entries)
    )
    return _trail_page(request, trail, context)


# ------------------------------------------------------------------ settings


SETTING_KEYS = [
    (document, kind)
    for document in (Document.DEVPLAN, Document.OPSPLAN)
    for kind in (
        AmendmentKind.ORIGINAL,
        AmendmentKind.ADDITION,
        AmendmentKind.CHANGE,
        AmendmentKind.CORRECTION,
    )
]


@member_view
def approval_settings(request):
    organization = request.organization
    editable = request.membership.role == Role.ORG_ADMIN
    if request.method == "POST":
        require_role(request.membership, (Role.ORG_ADMIN,))
    chains = {key: configured_chain(organization, *key) for key in SETTING_KEYS}
    labels = {
        (document, kind): f"{Document(document).label} — {AmendmentKind(kind).label}"
        for document, kind in SETTING_KEYS
    }
    form = ApprovalRulesForm(request.POST or None, keys=SETTING_KEYS, chains=chains, labels=labels)
    if request.method == "POST" and form.is_valid():
        services.save_approval_rules(by=request.membership, chains=form.chains())
        messages.success(request, _("บันทึกขั้นตอนการอนุมัติแล้ว"))
        return redirect(reverse("workflow:settings", kwargs={"org": organization.slug}))
    context = {"nav": "settings", "form": form, "editable": editable}
    return render(request, "workflow/settings.html", context)
