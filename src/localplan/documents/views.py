"""Downloads of the official forms, and the pages where a planner edits their words."""

from __future__ import annotations

import base64

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from localplan.core.access import (
    member_view,
    require_editable,
    require_plan_editor,
    require_settings_editor,
)
from localplan.core.pages import attach_errors, form_page
from localplan.devplan.models import DevPlanEdition
from localplan.documents import services
from localplan.documents.models import OrganizationEmblem
from localplan.documents.official import UnknownForm, render_form
from localplan.documents.texts import default_announcement_body, default_introduction, stored_texts
from localplan.documents.web_forms import DocumentTextsForm, EmblemForm
from localplan.opsplan.models import OpsEdition

EDITION_MODELS = {"ops": OpsEdition, "dev": DevPlanEdition}


def _edition(request, kind: str, edition_id: int):
    return get_object_or_404(
        EDITION_MODELS[kind].objects.select_related("plan", "organization"),
        pk=edition_id,
        organization=request.organization,
    )


@member_view
def download(request, kind, edition_id, code, fmt):
    """One form of an edition as PDF (shown in the browser) or XLSX (saved)."""
    edition = _edition(request, kind, edition_id)
    try:
        filename, content_type, content = render_form(code, edition, fmt)
    except UnknownForm as missing:
        raise Http404(_("ไม่มีแบบฟอร์มนี้")) from missing
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(fmt != "pdf", filename)
    return response


@member_view
def texts_edit(request, kind, edition_id):
    edition = _edition(request, kind, edition_id)
    require_plan_editor(request.membership)
    require_editable(edition)
    stored = stored_texts(edition)
    is_ops = isinstance(edition, OpsEdition)
    initial = {}
    if stored is None or not stored.announcement_body:
        initial["announcement_body"] = default_announcement_body(edition)
    if is_ops and (stored is None or not stored.introduction):
        initial["introduction"] = default_introduction(edition)
    form = DocumentTextsForm(
        request.POST or None, instance=stored, initial=initial, with_introduction=is_ops
    )
    membership = request.membership
    return form_page(
        request,
        form,
        title=_("ข้อความในเอกสาร: %(edition)s") % {"edition": edition},
        success_url=edition.get_absolute_url(),
        save=lambda form: services.save_document_texts(
            edition=edition, by=membership, **form.cleaned_data
        ),
        breadcrumbs=[(str(edition), edition.get_absolute_url())],
        extra={"intro": _("ข้อความเหล่านี้พิมพ์ในประกาศและเล่มแผน แก้ไขได้จนกว่าฉบับนี้จะประกาศใช้")},
    )


@member_view
def emblem_edit(request):
    require_settings_editor(request.membership)
    org = request.organization
    bound = request.method == "POST"
    form = EmblemForm(request.POST if bound else None, request.FILES if bound else None)
    if request.method == "POST" and form.is_valid():
        try:
            if form.cleaned_data["remove"]:
                services.remove_emblem(organization=org, by=request.membership)
                messages.success(request, _("ลบตราสัญลักษณ์แล้ว"))
            else:
                services.set_emblem(
                    organization=org, by=request.membership, upload=form.cleaned_data["image"]
                )
                messages.success(request, _("บันทึกตราสัญลักษณ์แล้ว"))
        except ValidationError as refusal:
            attach_errors(form, refusal)
        else:
            return redirect("documents:emblem_edit", org=org.slug)
    emblem = OrganizationEmblem.objects.filter(organization=org).first()
    preview = base64.b64encode(bytes(emblem.image)).decode() if emblem else None
    context = {"form": form, "preview": preview, "nav": "settings"}
    status = 400 if form.errors else 200
    return render(request, "documents/emblem.html", context, status=status)
