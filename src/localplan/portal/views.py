"""The public site: no sign-in, Thai first. Plan data comes only through `queries`, whose
`public_editions` lets announced and superseded editions through and nothing else."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import check_for_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from localplan.core.models import EditionState, Membership
from localplan.devplan.queries import group_projects
from localplan.opsplan.queries import group_entries, month_header
from localplan.portal import charts, exports, queries
from localplan.portal.caching import (
    EDITION_MAX_AGE,
    LIST_MAX_AGE,
    cached_response,
    edition_key,
    query_key,
    stamp_key,
)
from localplan.portal.forms import CheckCopyForm, OrganizationSearchForm, PublicFilterForm
from localplan.portal.queries import DEV, OPS
from localplan.portal.records import edition_record, edition_urls, organization_record

ORGANIZATIONS_PER_PAGE = 50


@require_safe
def index(request):
    form = OrganizationSearchForm(request.GET or None, provinces=queries.provinces())
    found = queries.organizations(**form.filters())
    page = Paginator(found, ORGANIZATIONS_PER_PAGE).get_page(request.GET.get("page"))
    memberships = []
    if request.user.is_authenticated:
        memberships = Membership.objects.filter(user=request.user).select_related("organization")
    context = {"form": form, "page": page, "memberships": memberships}
    return render(request, "portal/index.html", context)


def _organization_key(organization, ops_plans, dev_plans, today) -> str:
    """Deadlines still open change with the day; the ordinance date may be corrected."""
    parts = [organization.slug, organization.name, organization.province, today.isoformat()]
    for plan in [*ops_plans, *dev_plans]:
        parts.append(str(getattr(plan.plan, "budget_announced_on", "")))
        for edition in [plan.current, *plan.past]:
            if edition is not None:
                parts.append(edition_key("e", edition))
    return "org:" + "|".join(parts)


@require_safe
def organization(request, org):
    organization = queries.public_organization(org)
    today = timezone.localdate()
    ops_plans = queries.plans_of(OPS, organization, today)
    dev_plans = queries.plans_of(DEV, organization, today)

    def render_page():
        context = {
            "organization": organization,
            "ops_plans": ops_plans,
            "dev_plans": dev_plans,
        }
        return render(request, "portal/organization.html", context)

    return cached_response(
        request,
        key=_organization_key(organization, ops_plans, dev_plans, today),
        render=render_page,
        max_age=LIST_MAX_AGE,
    )


DOWNLOADS = ("csv", "xlsx", "data_json", "oc4ids", "fiscal_data_package")


def _download_links(form: PublicFilterForm) -> dict:
    """The files of a filtered page hold the rows it shows: its filters go on every download
    link (`whole_urls` keep the links to the whole edition)."""
    urls = edition_urls(form.kind, form.edition)
    query = form.query()
    if not query:
        return {}
    filtered = {
        key: f"{url}?{urlencode(query)}" if key in DOWNLOADS else url for key, url in urls.items()
    }
    return {"urls": filtered, "whole_urls": urls, "download_filters": form.description()}


def edition_title(kind: str, edition) -> str:
    plan = edition.plan
    if kind == OPS:
        return _("แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. %(year)s") % {"year": plan.fiscal_year}
    return plan.title


def _edition_context(kind: str, edition, request) -> dict:
    announcement = queries.public_announcement(kind, edition)
    current = queries.current_public_edition(edition)
    return {
        "title": edition_title(kind, edition),
        "kind": kind,
        "edition": edition,
        "plan": edition.plan,
        "organization": edition.organization,
        "announcement": announcement,
        "announcement_pdf_url": reverse(
            f"portal:{kind}_pdf",
            kwargs={"org": edition.organization.slug, "edition_id": edition.pk},
        ),
        "current": current if current and current.pk != edition.pk else None,
        "urls": edition_urls(kind, edition),
    }


@require_safe
def ops_edition(request, org, edition_id):
    stamp = queries.public_edition_stamp(OPS, organization_slug=org, edition_id=edition_id)

    def render_page():
        edition = queries.public_edition(OPS, organization_slug=org, edition_id=edition_id)
        form = PublicFilterForm(request.GET or None, edition=edition, kind=OPS)
        filters = form.filters()
        entries = queries.public_entries(edition, filters)
        tree = group_entries(entries)
        fiscal_year = edition.plan.fiscal_year
        context = (
            _edition_context(OPS, edition, request)
            | _download_links(form)
            | {
                "filter_form": form,
                "filtered": bool(filters),
                "tree": tree,
                "month_header": month_header(fiscal_year),
                "charts": {
                    "strategy": charts.budget_by_strategy(tree),
                    "village": charts.budget_by_village(entries),
                    "month": charts.running_by_month(entries, fiscal_year),
                },
            }
        )
        return render(request, "portal/ops_edition.html", context)

    key = stamp_key(OPS, edition_id, stamp, "page", query_key(request))
    return cached_response(request, key=key, render=render_page)


@require_safe
def ops_entry(request, org, edition_id, code):
    stamp = queries.public_edition_stamp(OPS, organization_slug=org, edition_id=edition_id)

    def render_page():
        edition = queries.public_edition(OPS, organization_slug=org, edition_id=edition_id)
        entry = queries.public_entry(edition, code)
        organization = edition.organization
        project = queries.public_plan_project(entry)
        context = _edition_context(OPS, edition, request) | {
            "entry": entry,
            "months": entry.month_flags(edition.plan.fiscal_year),
            "ops_editions": queries.editions_with_entry(organization, entry.code),
            "dev_editions": (
                queries.editions_with_project(organization, project.code) if project else []
            ),
            "project": project,
        }
        return render(request, "portal/ops_entry.html", context)

    key = stamp_key(OPS, edition_id, stamp, "entry", code)
    return cached_response(request, key=key, render=render_page)


@require_safe
def dev_edition(request, org, edition_id):
    edition = queries.public_edition(DEV, organization_slug=org, edition_id=edition_id)

    def render_page():
        form = PublicFilterForm(request.GET or None, edition=edition, kind=DEV)
        filters = form.filters()
        projects = queries.public_projects(edition, filters)
        tree = group_projects(projects)
        context = (
            _edition_context(DEV, edition, request)
            | _download_links(form)
            | {
                "filter_form": form,
                "filtered": bool(filters),
                "tree": tree,
                "fiscal_years": edition.plan.fiscal_years,
                "charts": {"strategy": charts.budget_by_strategy(tree)},
            }
        )
        return render(request, "portal/dev_edition.html", context)

    key = edition_key(DEV, edition, "page", query_key(request))
    return cached_response(request, key=key, render=render_page)


@require_safe
def dev_project(request, org, edition_id, code):
    edition = queries.public_edition(DEV, organization_slug=org, edition_id=edition_id)

    def render_page():
        project = queries.public_project(edition, code)
        organization = edition.organization
        context = _edition_context(DEV, edition, request) | {
            "project": project,
            "budgets": sorted(
                ((b.fiscal_year, b.amount) for b in project.budgets.all()), key=lambda b: b[0]
            ),
            "dev_editions": queries.editions_with_project(organization, project.code),
            "entries": queries.entries_of_project(organization, project.code),
        }
        return render(request, "portal/dev_project.html", context)

    key = edition_key(DEV, edition, "project", code)
    return cached_response(request, key=key, render=render_page)


# ---------------------------------------------------------------- downloads


def announced_pdf(kind: str):
    """The PDF exactly as announced, byte for byte: its SHA-256 is its ETag."""

    @require_safe
    def view(request, org, edition_id):
        edition = queries.public_edition(kind, organization_slug=org, edition_id=edition_id)
        announcement = queries.public_announcement(kind, edition)
        if announcement is None:
            raise Http404
        etag = f'"{announcement.sha256}"'
        not_modified = get_conditional_response(request, etag=etag)
        if not_modified is not None:
            return not_modified
        pdf = bytes(queries.public_announcement(kind, edition, with_pdf=True).pdf)
        response = HttpResponse(pdf, content_type="application/pdf")
        name = f"{_file_base(kind, edition)}-announced.pdf"
        response["Content-Disposition"] = f'inline; filename="{name}"'
        response["ETag"] = etag
        patch_cache_control(response, public=True, max_age=EDITION_MAX_AGE, immutable=True)
        return response

    view.__name__ = f"{kind}_pdf"
    return view


CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
    "oc4ids": "application/json",
    "fdp": "application/json",
    "fdp_csv": "text/csv; charset=utf-8",
}
FILE_NAMES = {
    "csv": "{base}.csv",
    "xlsx": "{base}.xlsx",
    "json": "{base}.json",
    "oc4ids": "{base}-oc4ids.json",
    "fdp": "datapackage.json",
    "fdp_csv": "budget.csv",
}


def _rows(kind: str, edition, filters: dict):
    if kind == OPS:
        return queries.public_entries(edition, filters)
    return queries.public_projects(edition, filters)


def _file_base(kind: str, edition, filtered: bool = False) -> str:
    plan = edition.plan
    years = plan.fiscal_year if kind == OPS else f"{plan.first_fiscal_year}-{plan.last_fiscal_year}"
    base = f"{edition.organization.slug}-{kind}-{years}-{edition.pk}"
    return f"{base}-filtered" if filtered else base


def _download_body(kind: str, fmt: str, edition, request, form: PublicFilterForm) -> bytes:
    """The file of the edition's rows, of those the page's filters keep when it has any: the
    spreadsheet says so in its second row, the JSON in its "filters"."""
    filters, query = form.filters(), form.query()
    rows = _rows(kind, edition, filters)
    announcement = queries.public_announcement(kind, edition)
    base_url = request.build_absolute_uri("/").rstrip("/")
    if fmt in ("csv", "xlsx"):
        header, body = exports.table(kind, edition, rows)
        if fmt == "csv":
            return exports.to_csv(header, body)
        title = f"{edition.plan} {edition.label} {edition.organization.full_name}"
        note = _("ตามที่กรอง: %(filters)s") % {"filters": form.description()} if query else ""
        return exports.to_xlsx(header, body, title=title, note=note)
    if fmt == "json":
        data = exports.edition_json(kind, edition, rows, announcement)
        if query:
            data["filters"] = query
        return exports.to_json(data)
    if fmt == "oc4ids":
        package = exports.oc4ids_package(
            kind, edition, rows, base_url=base_url, announcement=announcement
        )
        return exports.to_json(package)
    if fmt == "fdp":
        csv_path = reverse(f"portal:{kind}_fdp_csv", args=[edition.organization.slug, edition.pk])
        if query:
            csv_path += "?" + urlencode(query)
        descriptor = exports.fdp_descriptor(
            kind, edition, csv_path=base_url + csv_path, base_url=base_url
        )
        return exports.to_json(descriptor)
    if fmt == "fdp_csv":
        return exports.fdp_csv(exports.budget_lines(kind, edition, rows))
    raise Http404


def download(kind: str, fmt: str):
    @require_safe
    def view(request, org, edition_id):
        stamp = queries.public_edition_stamp(kind, organization_slug=org, edition_id=edition_id)

        def render_file():
            edition = queries.public_edition(kind, organization_slug=org, edition_id=edition_id)
            form = PublicFilterForm(request.GET or None, edition=edition, kind=kind)
            query = form.query()
            response = HttpResponse(
                _download_body(kind, fmt, edition, request, form), content_type=CONTENT_TYPES[fmt]
            )
            name = FILE_NAMES[fmt].format(base=_file_base(kind, edition, bool(query)))
            if query and fmt == "fdp_csv":
                name = "budget-filtered.csv"
            disposition = "inline" if fmt in ("fdp", "json", "oc4ids") else "attachment"
            response["Content-Disposition"] = f'{disposition}; filename="{name}"'
            return response

        host = request.get_host()
        return cached_response(
            request,
            key=stamp_key(kind, edition_id, stamp, "file", fmt, host, query_key(request)),
            render=render_file,
        )

    view.__name__ = f"{kind}_{fmt}"
    return view


@require_safe
def editions_index(request):
    """Every public edition of every organization, with the addresses of its files."""
    editions = queries.all_public_editions()

    def render_index():
        organizations = {}
        for edition in [*editions[OPS], *editions[DEV]]:
            organizations.setdefault(edition.organization.slug, edition.organization)
        records = []
        for kind, editions_of_kind in editions.items():
            announcements = queries.announcements_by_edition(kind, editions_of_kind)
            records += [edition_record(kind, e, announcements.get(e.pk)) for e in editions_of_kind]
        data = {
            "organizations": [organization_record(o) for o in organizations.values()],
            "editions": records,
        }
        return HttpResponse(exports.to_json(data), content_type="application/json")

    key = "index:" + "|".join(
        edition_key(kind, e)
        for kind, editions_of_kind in editions.items()
        for e in editions_of_kind
    )
    return cached_response(request, key=key, render=render_index, max_age=LIST_MAX_AGE)


@require_http_methods(["GET", "HEAD", "POST"])
def verify(request):
    """ตรวจสอบเอกสาร: is this PDF (or this SHA-256) an announced document, which one, and
    is it the edition in force?"""
    if request.method == "POST":
        form = CheckCopyForm(request.POST, request.FILES)
    else:
        form = CheckCopyForm(request.GET if "sha256" in request.GET else None)
    context = {"form": form, "checked": False}
    if form.is_bound and form.is_valid():
        digest = form.cleaned_data["digest"]
        announcement = queries.announcement_by_sha256(digest)
        context |= {"checked": True, "digest": digest, "announcement": announcement}
        if announcement is not None:
            edition = announcement.edition
            kind = OPS if announcement.ops_edition_id else DEV
            current = queries.current_public_edition(edition)
            context |= {
                "kind": kind,
                "edition": edition,
                "title": edition_title(kind, edition),
                "in_force": edition.state == EditionState.ANNOUNCED,
                "current": current,
                "urls": edition_urls(kind, edition),
                "current_urls": edition_urls(kind, current) if current else None,
            }
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, "portal/verify.html", context, status=status)


def language(request, code):
    """Switch the language of the site: a plain link, so that pages carry no form token and
    stay cacheable."""
    target = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    if not check_for_language(code) or code not in ("th", "en"):
        raise Http404(_("ไม่มีภาษานี้"))
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME, code, max_age=365 * 24 * 3600, samesite="Lax"
    )
    return response
