from django.urls import path, re_path

from localplan.strategy import views

app_name = "strategy"
KIND = r"^(?P<kind>strategy|vision|mission|goal)/"

urlpatterns = [
    path("", views.strategy_list, name="list"),
    re_path(KIND + r"new/$", views.item_edit, name="item_new"),
    re_path(KIND + r"(?P<pk>\d+)/edit/$", views.item_edit, name="item_edit"),
    re_path(KIND + r"(?P<pk>\d+)/delete/$", views.item_delete, name="item_delete"),
    path("guidelines/options/", views.guideline_options, name="guideline_options"),
    path("guidelines/new/", views.guideline_edit, name="guideline_new"),
    path("guidelines/<int:pk>/edit/", views.guideline_edit, name="guideline_edit"),
    path("guidelines/<int:pk>/delete/", views.guideline_delete, name="guideline_delete"),
]
