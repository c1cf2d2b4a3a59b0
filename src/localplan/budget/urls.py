from django.urls import path, re_path

from localplan.budget.views import agency, documents, draft, imports

app_name = "budget"
KIND = r"(?P<kind>plan-projects|budget-items|agency-projects)"

urlpatterns = [
    path("", documents.index, name="index"),
    path("<int:fiscal_year>/", documents.year, name="year"),
    path("documents/new/", documents.document_new, name="document_new"),
    path("documents/<int:document_id>/", documents.document_detail, name="document"),
    path("documents/<int:document_id>/edit/", documents.document_edit, name="document_edit"),
    path("documents/<int:document_id>/delete/", documents.document_delete, name="document_delete"),
    path("documents/<int:document_id>/items/new/", documents.item_new, name="item_new"),
    path("items/<int:item_id>/edit/", documents.item_edit, name="item_edit"),
    path("items/<int:item_id>/delete/", documents.item_delete, name="item_delete"),
    re_path(rf"^import/{KIND}/(?P<target_id>\d+)/$", imports.upload, name="import_new"),
    re_path(
        rf"^import/{KIND}/(?P<target_id>\d+)/preview/$", imports.preview, name="import_preview"
    ),
    re_path(
        rf"^template/{KIND}/(?P<target_id>\d+)\.(?P<fmt>xlsx|csv)$",
        imports.template,
        name="template",
    ),
    re_path(
        rf"^export/{KIND}/(?P<target_id>\d+)\.(?P<fmt>xlsx|csv)$", imports.export, name="export"
    ),
    path("<int:fiscal_year>/agency-projects/", agency.project_list, name="agency_projects"),
    path("<int:fiscal_year>/agency-projects/new/", agency.project_new, name="agency_project_new"),
    path(
        "agency-projects/<int:agency_project_id>/edit/",
        agency.project_edit,
        name="agency_project_edit",
    ),
    path(
        "agency-projects/<int:agency_project_id>/delete/",
        agency.project_delete,
        name="agency_project_delete",
    ),
    path("<int:fiscal_year>/invitations/new/", agency.invitation_new, name="invitation_new"),
    path(
        "invitations/<int:invitation_id>/delete/",
        agency.invitation_delete,
        name="invitation_delete",
    ),
    path("<int:fiscal_year>/draft/", draft.draft, name="draft"),
    path("<int:fiscal_year>/checks/", draft.year_checks, name="checks"),
    path("checks/badge/", draft.checks_badge, name="checks_badge"),
]
