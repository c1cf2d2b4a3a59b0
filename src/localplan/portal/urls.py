from django.urls import path

from localplan.portal import views

app_name = "portal"

ORG = "p/<slug:org>/"
OPS = ORG + "ops/<int:edition_id>/"
DEV = ORG + "dev/<int:edition_id>/"
CODE = "<str:code>/"

urlpatterns = [
    path("", views.index, name="index"),
    path("p/editions.json", views.editions_index, name="editions_index"),
    path("p/language/<str:code>/", views.language, name="language"),
    path("p/check/", views.verify, name="verify"),
    path(ORG, views.organization, name="organization"),
    path(OPS, views.ops_edition, name="ops_edition"),
    path(DEV, views.dev_edition, name="dev_edition"),
]
for kind, base in (("ops", OPS), ("dev", DEV)):
    urlpatterns += [
        path(base + "announced.pdf", views.announced_pdf(kind), name=f"{kind}_pdf"),
        path(base + "data.csv", views.download(kind, "csv"), name=f"{kind}_csv"),
        path(base + "data.xlsx", views.download(kind, "xlsx"), name=f"{kind}_xlsx"),
        path(base + "data.json", views.download(kind, "json"), name=f"{kind}_json"),
        path(base + "oc4ids.json", views.download(kind, "oc4ids"), name=f"{kind}_oc4ids"),
        path(base + "fdp/datapackage.json", views.download(kind, "fdp"), name=f"{kind}_fdp"),
        path(base + "fdp/budget.csv", views.download(kind, "fdp_csv"), name=f"{kind}_fdp_csv"),
    ]
urlpatterns += [
    path(OPS + CODE, views.ops_entry, name="ops_entry"),
    path(DEV + CODE, views.dev_project, name="dev_project"),
]
