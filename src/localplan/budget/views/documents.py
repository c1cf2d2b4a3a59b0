"""Budget documents of a fiscal year and their items."""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from localplan.budget import queries
from localplan.budget.forms import BudgetDocumentForm, BudgetItemForm
from localplan.budget.models import AgencyProjectStatus, BudgetDocument, BudgetItem, ImportKind
from localplan.budget.services import documents as services
from localplan.core.access import member_view, require_plan_editor
from localplan.core.pages import delete_page, form_page


def index_url(org) -> str:
    return reverse("budget:index", kwargs={"org": org.slug})


def year_url(org, fiscal_year: int) -> str:
    return reverse("budget:year", kwargs={"org": org.slug, "fiscal_year": fiscal_year})


@member_view
def index(request):
    org = request.organization
    documents = queries.documents_of(org)
    years = {}
    for year in queries.budget_years(org):
        years[year] = []
    for document in documents:
        years.setdefault(document.fiscal_year, []).append(document)
    context = {"nav": "budget", "years": sorted(years.items(), reverse=True)}
    return render(request, "budget/index.html", context)


@member_view
def year(request, fiscal_year):
    org = request.organization
    plan = queries.operational_plan_of(org, fiscal_year)
    agency_projects = list(queries.agency_projects_of(org, fiscal_year))
    context = {
        "nav": "budget",
        "fiscal_year": fiscal_year,
        "documents": queries.documents_of(org, fiscal_year),
        "totals": queries.year_totals(org, fiscal_year),
        "plan": plan,
        "edition": queries.working_edition(plan),
        "agency_accepted": sum(
            1 for p in agency_projects if p.status == AgencyProjectStatus.ACCEPTED
        ),
        "agency_pending": sum(
            1 for p in agency_projects if p.status == AgencyProjectStatus.SUBMITTED
        ),
    }
    return render(request, "budget/year.html", context)


@member_view
def document_new(request):
    require_plan_editor(request.membership)
    org = request.organization
    initial = {}
    if request.GET.get("fiscal_year", "").isdigit():
        initial["fiscal_year"] = request.GET["fiscal_year"]
    form = BudgetDocumentForm(request.POST or None, organization=org, initial=initial)
    membership = request.membership
    return form_page(
        request,
        form,
        title=_("เพิ่มงบประมาณรายจ่าย"),
        success_url=index_url(org),
        save=lambda form: services.save_budget_document(document=form.instance, by=membership),
        breadcrumbs=[(_("งบประมาณ"), index_url(org))],
        extra={"nav": "budget"},
    )


def _document(request, document_id) -> BudgetDocument:
    return get_object_or_404(
        BudgetDocument.objects.select_related("organization"),
        pk=document_id,
        organization=request.organization,
    )


@member_view
def document_detail(request, document_id):
    document = _document(request, document_id)
    items = queries.items_of(document)
    context = {
        "nav": "budget",
        "document": document,
        "tree": queries.group_items(items),
        "import_kind": ImportKind.BUDGET_ITEMS,
    }
    return render(request, "budget/document.html", context)


@member_view
def document_edit(request, document_id):
    require_plan_editor(request.membership)
    document = _document(request, document_id)
    org = request.organization
    form = BudgetDocumentForm(request.POST or None, instance=document, organization=org)
    membership = request.membership
    return form_page(
        request,
        form,
        title=_("แก้ไขงบประมาณรายจ่าย"),
        success_url=document.get_absolute_url(),
        save=lambda form: services.save_budget_document(document=form.instance, by=membership),
        breadcrumbs=[(_("งบประมาณ"), index_url(org)), (str(document), document.get_absolute_url())],
        extra={"nav": "budget"},
    )


@member_view
def document_delete(request, document_id):
    require_plan_editor(request.membership)
    document = _document(request, document_id)
    membership = request.membership
    return delete_page(
        request,
        document,
        success_url=year_url(request.organization, document.fiscal_year),
        cancel_url=document.get_absolute_url(),
        delete=lambda row: services.delete_budget_document(document=row, by=membership),
    )


def _item_page(request, document, form, title):
    org = request.organization
    membership = request.membership
    return form_page(
        request,
        form,
        title=title,
        success_url=document.get_absolute_url(),
        save=lambda form: services.save_budget_item(item=form.instance, by=membership),
        breadcrumbs=[(_("งบประมาณ"), index_url(org)), (str(document), document.get_absolute_url())],
        extra={"nav": "budget"},
    )


@member_view
def item_new(request, document_id):
    require_plan_editor(request.membership)
    document = _document(request, document_id)
    form = BudgetItemForm(request.POST or None, document=document)
    return _item_page(request, document, form, _("เพิ่มรายการงบประมาณ"))


def _item(request, item_id) -> BudgetItem:
    return get_object_or_404(
        BudgetItem.objects.select_related("document__organization"),
        pk=item_id,
        organization=request.organization,
    )


@member_view
def item_edit(request, item_id):
    require_plan_editor(request.membership)
    item = _item(request, item_id)
    form = BudgetItemForm(request.POST or None, instance=item, document=item.document)
    return _item_page(request, item.document, form, _("แก้ไขรายการงบประมาณ"))


@member_view
def item_delete(request, item_id):
    require_plan_editor(request.membership)
    item = _item(request, item_id)
    membership = request.membership
    return delete_page(
        request,
        item,
        success_url=item.document.get_absolute_url(),
        delete=lambda row: services.delete_budget_item(item=row, by=membership),
    )
