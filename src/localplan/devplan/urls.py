from django.urls import path

from localplan.devplan import views

app_name = "devplan"

urlpatterns = [
    path("", views.plan_list, name="list"),
    path("new/", views.plan_new, name="plan_new"),
    path("<int:plan_id>/", views.plan_detail, name="plan"),
    path("editions/<int:edition_id>/", views.edition_detail, name="edition"),
    path("editions/<int:edition_id>/projects/new/", views.project_new, name="project_new"),
    path("projects/<int:project_id>/edit/", views.project_edit, name="project_edit"),
    path("projects/<int:project_id>/delete/", views.project_delete, name="project_delete"),
]
