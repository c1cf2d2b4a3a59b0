from django.contrib.auth import views as auth_views
from django.urls import path, re_path

from localplan.core import views

SETTINGS_LIST = r"^o/(?P<org>[-\w]+)/settings/(?P<kind>units|villages|agencies)/"

urlpatterns = [
    path("o/", views.landing, name="landing"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/organizations/", views.my_organizations, name="my_organizations"),
    path("o/<slug:org>/", views.home, name="home"),
    path("o/<slug:org>/settings/", views.settings_page, name="settings"),
    path("o/<slug:org>/settings/edit/", views.settings_edit, name="settings_edit"),
    re_path(SETTINGS_LIST + r"new/$", views.list_item_edit, name="settings_item_new"),
    re_path(SETTINGS_LIST + r"(?P<pk>\d+)/edit/$", views.list_item_edit, name="settings_item_edit"),
    re_path(
        SETTINGS_LIST + r"(?P<pk>\d+)/delete/$", views.list_item_delete, name="settings_item_delete"
    ),
]
