from django.urls import path, re_path

from localplan.documents import views

app_name = "documents"

EDITION = r"^(?P<kind>ops|dev)/(?P<edition_id>\d+)/"

urlpatterns = [
    re_path(EDITION + r"(?P<code>[a-z0-9-]+)\.(?P<fmt>pdf|xlsx)$", views.download, name="download"),
    re_path(EDITION + r"texts/$", views.texts_edit, name="texts_edit"),
    path("emblem/", views.emblem_edit, name="emblem_edit"),
]
