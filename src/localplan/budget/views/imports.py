"""Upload → preview → confirm, templates and exports of the three kinds of sheet."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from localplan.budget.forms import UploadForm
from localplan.budget.imports import importer_for
from localplan.budget.models import ImportBatch, ImportKind
from localplan.budget.services.imports import confirm_import, upload_import
from localplan.budget.sheets import write_csv, write_workbook
from localplan.core.access import member_view

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@member_view
def upload(request, kind, target_id):
    importer = importer_for(kind, request.organization, target_id)
    importer.check_allowed(request.membership)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload_file = form.cleaned_data["file"]
        batch = upload_import(
            kind=kind,
            target_id=target_id,
            by=request.membership,
            filename=upload_file.name,
            content=upload_file.read(),
        )
        return redirect(batch)
    context = {
        "nav": "budget",
        "form": form,
        "importer": importer,
        "kind": kind,
        "kind_label": ImportKind(kind).label,
        "target_id": target_id,
    }
    return render(request, "budget/import_upload.html", context, status=400 if form.errors else 200)


def _pending_batch(request, kind, target_id) -> ImportBatch | None:
    """The user's latest file for this target that is not imported yet; nobody else's."""
    return (
        ImportBatch.objects.filter(
            organization=request.organization,
            user=request.user,
            kind=kind,
            target_id=target_id,
            applied_at__isnull=True,
        )
        .order_by("-created_at", "-id")
        .first()
    )


@member_view
def preview(request, kind, target_id):
    importer = importer_for(kind, request.organization, target_id)
    batch = _pending_batch(request, kind, target_id)
    if batch is None:
        org = request.organization.slug
        return redirect("budget:import_new", org=org, kind=kind, target_id=target_id)
    if request.method == "POST":
        if str(batch.pk) != request.POST.get("batch"):
            messages.error(request, _("มีไฟล์ที่อัปโหลดใหม่กว่า กรุณาตรวจผลของไฟล์ล่าสุดด้านล่างก่อนยืนยัน"))
            return redirect(batch)
        try:
            result = confirm_import(batch=batch, by=request.membership)
        except ValidationError as refusal:
            messages.error(request, " ".join(refusal.messages))
        else:
            messages.success(
                request,
                _("นำเข้าแล้ว: เพิ่ม %(create)s แก้ไข %(update)s ไม่เปลี่ยน %(unchanged)s แถว")
                % result.preview()["counts"],
            )
            return redirect(importer.target_url())
    changed = [row for row in batch.preview.get("rows", []) if row["action"] != "unchanged"]
    context = {
        "nav": "budget",
        "batch": batch,
        "importer": importer,
        "kind_label": ImportKind(batch.kind).label,
        "preview": batch.preview,
        "changed_rows": changed,
        "can_confirm": not batch.preview.get("errors") and bool(changed),
    }
    status = 400 if batch.preview.get("errors") else 200
    return render(request, "budget/import_preview.html", context, status=status)


def _download(content: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _sheet(importer, rows, suffix: str, fmt: str) -> HttpResponse:
    if fmt == "csv":
        content = write_csv(columns=importer.columns(), rows=rows)
        return _download(content, f"{importer.file_stem}{suffix}.csv", "text/csv; charset=utf-8")
    if fmt != "xlsx":
        raise Http404("no such format")
    content = write_workbook(
        title=importer.title, columns=importer.columns(), rows=rows, notes=importer.notes()
    )
    return _download(content, f"{importer.file_stem}{suffix}.xlsx", XLSX)


@member_view
def template(request, kind, target_id, fmt):
    importer = importer_for(kind, request.organization, target_id)
    return _sheet(importer, importer.example_rows(), "-template", fmt)


@member_view
def export(request, kind, target_id, fmt):
    importer = importer_for(kind, request.organization, target_id)
    return _sheet(importer, importer.export_rows(), "", fmt)
