"""The system administrator's pages (a Django superuser): every organization, and setting up
a new one with its administrator and units. Not the admin site: staff pages in Thai."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from localplan.core import services
from localplan.core.forms import OrganizationCreateForm, default_units_text
from localplan.core.models import (
    District,
    Membership,
    Organization,
    OrganizationKind,
    Role,
    Subdistrict,
    Unit,
)
from localplan.core.pages import attach_errors

NEW_CREDENTIALS = "localplan_new_organization_admin"


def system_admin_view(view: Callable) -> Callable:
    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied(_("เฉพาะผู้ดูแลระบบ (ผู้ดูแลทั้งระบบ) เท่านั้นที่สร้างและดูรายชื่อองค์กรทั้งหมดได้"))
        return view(request, *args, **kwargs)

    return wrapper


ORGANIZATIONS_PER_PAGE = 50


@system_admin_view
def system_home(request):
    """Every organization, a page at a time, found by name, province or district."""
    text = request.GET.get("q", "").strip()[:80]
    found = Organization.objects.order_by("province", "district", "name")
    if text:
        found = found.filter(
            Q(name__icontains=text)
            | Q(slug__icontains=text)
            | Q(province__icontains=text)
            | Q(district__icontains=text)
        )
    page = Paginator(found, ORGANIZATIONS_PER_PAGE).get_page(request.GET.get("page"))
    organizations = list(page.object_list)
    counts = dict(
        Membership.objects.filter(organization__in=organizations)
        .values_list("organization")
        .annotate(n=Count("id"))
        .order_by()
    )
    for organization in organizations:
        organization.member_count = counts.get(organization.pk, 0)
    memberships = list(Membership.objects.filter(user=request.user).select_related("organization"))
    context = {
        "organizations": organizations,
        "page": page,
        "q": text,
        "memberships": memberships,
        "nav": "system",
    }
    return render(request, "core/system_home.html", context)


@system_admin_view
def organization_new(request):
    form = OrganizationCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            made = services.create_organization(**form.service_arguments())
        except ValidationError as refusal:
            attach_errors(form, _as_form_errors(refusal))
        else:
            # Shown once, on the next page, then forgotten.
            request.session[NEW_CREDENTIALS] = {
                "slug": made.organization.slug,
                "username": made.admin.user.username,
                "password": made.password,
                "link": request.build_absolute_uri(made.set_password_path),
            }
            return redirect("system_organization", slug=made.organization.slug)
    context = {"form": form, "title": _("สร้างองค์กร")}
    return render(
        request, "core/system_organization_new.html", context, status=400 if form.errors else 200
    )


def _as_form_errors(refusal):
    """The service names fields as its arguments; the form names some differently."""
    if not hasattr(refusal, "error_dict"):
        return refusal
    names = {"username": "admin_username", "province": "province_area", "district": "district_area"}
    return ValidationError({names.get(k, k): v for k, v in refusal.error_dict.items()})


@system_admin_view
def organization_detail(request, slug):
    organization = get_object_or_404(Organization, slug=slug)
    credentials = request.session.get(NEW_CREDENTIALS)
    if credentials and credentials.get("slug") == slug:
        del request.session[NEW_CREDENTIALS]
    else:
        credentials = None
    context = {
        "org": organization,
        "units": Unit.objects.filter(organization=organization),
        "admins": Membership.objects.filter(
            organization=organization, role=Role.ORG_ADMIN
        ).select_related("user"),
        "credentials": credentials,
    }
    return render(request, "core/system_organization.html", context)


@system_admin_view
def admin_password_new(request, slug, pk):
    """A new one-time password for one of the organization's administrators, shown once."""
    admin = get_object_or_404(
        Membership.objects.select_related("user", "organization"),
        pk=pk,
        organization__slug=slug,
        role=Role.ORG_ADMIN,
    )
    if request.method == "POST":
        password, path = services.issue_one_time_password(user=admin.user)
        request.session[NEW_CREDENTIALS] = {
            "slug": slug,
            "username": admin.user.username,
            "password": password,
            "link": request.build_absolute_uri(path),
        }
        return redirect("system_organization", slug=slug)
    return render(request, "core/system_admin_password.html", {"admin": admin})


@system_admin_view
def default_units(request) -> HttpResponse:
    """The kind's default units, for the create form's text box (htmx)."""
    kind = request.GET.get("kind", "")
    if kind not in OrganizationKind.values:
        kind = OrganizationKind.SAO
    return HttpResponse(default_units_text(kind), content_type="text/plain; charset=utf-8")


@login_required
def area_options(request, level: str) -> HttpResponse:
    """The <option>s of the districts of a province or the subdistricts of a district."""
    if level == "districts":
        parent = request.GET.get("province_area", "")
        areas = District.objects.filter(province_id=parent) if parent.isdigit() else []
        empty = _("— เลือกอำเภอ —")
    else:
        parent = request.GET.get("district_area", "")
        areas = Subdistrict.objects.filter(district_id=parent) if parent.isdigit() else []
        empty = _("— เลือกตำบล —")
    context = {"areas": list(areas), "empty": empty, "clear_subdistricts": level == "districts"}
    return render(request, "core/_area_options.html", context)
