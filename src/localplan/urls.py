from django.contrib import admin
from django.urls import include, path

from localplan.api.api import api

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("localplan.core.urls")),
    path("o/<slug:org>/strategies/", include("localplan.strategy.urls")),
    path("o/<slug:org>/devplans/", include("localplan.devplan.urls")),
    path("o/<slug:org>/opsplans/", include("localplan.opsplan.urls")),
    path("o/<slug:org>/budget/", include("localplan.budget.urls")),
    path("agency-submissions/", include("localplan.budget.public_urls")),
    path("o/<slug:org>/documents/", include("localplan.documents.urls")),
    path("api/", api.urls),
    path("", include("localplan.portal.urls")),
]
