from django.urls import path, register_converter

from localplan.workflow import views


class DocumentConverter:
    """ "dev" (a multi-year plan edition) or "ops" (an operational plan edition)."""

    regex = "dev|ops"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return str(value)


register_converter(DocumentConverter, "doc")

app_name = "workflow"

EDITION = "<doc:document>/<int:edition_id>/"
COMPARE = "<doc:document>/compare/<int:old_id>/<int:new_id>/"

urlpatterns = [
    path(EDITION + "submit/", views.submit, name="submit"),
    path(EDITION + "committee/", views.committee, name="committee"),
    path(EDITION + "council/", views.council, name="council"),
    path(EDITION + "decide/", views.decide, name="decide"),
    path(EDITION + "announce/", views.announce, name="announce"),
    path(EDITION + "amend/", views.amend, name="amend"),
    path(EDITION + "announced.pdf", views.announced_pdf, name="announced_pdf"),
    path(EDITION + "history/", views.edition_trail, name="edition_trail"),
    path(EDITION + "compare/", views.compare_pick, name="compare_pick"),
    path(COMPARE, views.compare, name="compare"),
    path(COMPARE + "pdf/", views.compare_pdf, name="compare_pdf"),
    path(COMPARE + "xlsx/", views.compare_xlsx, name="compare_xlsx"),
    path("projects/<slug:code>/history/", views.project_trail, name="project_trail"),
    path("settings/", views.approval_settings, name="settings"),
]
