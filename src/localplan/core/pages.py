"""The two page shapes every app repeats: a form that saves one row, and a confirmed delete."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _


def attach_errors(form, refusal: ValidationError) -> None:
    """Show a service's refusal on the form: on its field where the form has one."""
    if not hasattr(refusal, "error_dict"):
        form.add_error(None, refusal)
        return
    for field, errors in refusal.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def form_page(
    request: HttpRequest,
    form,
    *,
    title: str,
    success_url: str,
    cancel_url: str | None = None,
    save: Callable | None = None,
    breadcrumbs: list[tuple[str, str]] = (),
    template: str = "core/form.html",
    extra: dict | None = None,
) -> HttpResponse:
    """Show a form; on a valid POST save it (with `save(form)` when one row is not enough)."""
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                saved = save(form) if save else form.save()
        except ValidationError as refusal:
            attach_errors(form, refusal)
        else:
            messages.success(request, _("บันทึก “%(name)s” แล้ว") % {"name": saved})
            return redirect(success_url)
    context = {
        "form": form,
        "title": title,
        "cancel_url": cancel_url or success_url,
        "breadcrumbs": breadcrumbs,
        **(extra or {}),
    }
    return render(request, template, context, status=400 if form.errors else 200)


def delete_page(
    request: HttpRequest,
    instance,
    *,
    success_url: str,
    cancel_url: str | None = None,
    delete: Callable | None = None,
    title: str | None = None,
    summary: list[tuple[str, str]] = (),
    effects: list[str] = (),
    extra: dict | None = None,
) -> HttpResponse:
    """Ask, then delete; a row that others still refer to is kept with a message saying so.
    `summary` shows what the row is (label, value) and `effects` what else its deletion
    changes, so that the person deciding sees what they delete."""
    context = {
        "object": instance,
        "cancel_url": cancel_url or success_url,
        "title": title or _("ยืนยันการลบ"),
        "summary": summary,
        "effects": effects,
        **(extra or {}),
    }
    if request.method == "POST":
        name = str(instance)
        try:
            with transaction.atomic():
                (delete or (lambda row: row.delete()))(instance)
        except ProtectedError:
            context["blocked"] = _(
                "ลบ “%(name)s” ไม่ได้ เพราะยังมีข้อมูลอื่นอ้างถึงอยู่ ให้ย้ายหรือลบข้อมูลเหล่านั้นก่อน"
            ) % {"name": name}
            return render(request, "core/confirm_delete.html", context, status=409)
        except ValidationError as refusal:
            context["blocked"] = " ".join(refusal.messages)
            return render(request, "core/confirm_delete.html", context, status=409)
        messages.success(request, _("ลบ “%(name)s” แล้ว") % {"name": name})
        return redirect(success_url)
    return render(request, "core/confirm_delete.html", context)
