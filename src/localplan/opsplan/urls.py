from django.urls import path

from localplan.opsplan import views

app_name = "opsplan"

urlpatterns = [
    path("", views.plan_list, name="list"),
    path("new/", views.plan_new, name="plan_new"),
    path("<int:fiscal_year>/", views.plan_detail, name="plan"),
    path("editions/<int:edition_id>/", views.edition_detail, name="edition"),
    path("editions/<int:edition_id>/entries/new/", views.entry_new, name="entry_new"),
    path("editions/<int:edition_id>/entries/fill/", views.entry_fill, name="entry_fill"),
    path(
        "editions/<int:edition_id>/entries/months/",
        views.entry_months_edit,
        name="entry_months_edit",
    ),
    path("entries/<int:entry_id>/edit/", views.entry_edit, name="entry_edit"),
    path("entries/<int:entry_id>/delete/", views.entry_delete, name="entry_delete"),
]
