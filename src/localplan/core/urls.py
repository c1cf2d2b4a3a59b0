from django.contrib.auth import views as auth_views
from django.urls import path, re_path

from localplan.core import system_views, views

SETTINGS_LIST = r"^o/(?P<org>[-\w]+)/settings/(?P<kind>units|villages|agencies)/"

urlpatterns = [
    path("favicon.ico", views.favicon, name="favicon"),
    path("o/", views.landing, name="landing"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/organizations/", views.my_organizations, name="my_organizations"),
    path(
        "accounts/set-password/<uidb64>/<token>/",
        views.SetPasswordView.as_view(),
        name="set_password",
    ),
    path("system/", system_views.system_home, name="system_home"),
    path(
        "system/organizations/new/",
        system_views.organization_new,
        name="system_organization_new",
    ),
    path(
        "system/organizations/default-units/",
        system_views.default_units,
        name="system_default_units",
    ),
    path(
        "system/organizations/<slug:slug>/",
        system_views.organization_detail,
        name="system_organization",
    ),
    path(
        "system/organizations/<slug:slug>/admins/<int:pk>/password/",
        system_views.admin_password_new,
        name="system_admin_password_new",
    ),
    re_path(
        r"^areas/(?P<level>districts|subdistricts)/$",
        system_views.area_options,
        name="area_options",
    ),
    path("o/<slug:org>/", views.home, name="home"),
    path("o/<slug:org>/settings/", views.settings_page, name="settings"),
    path("o/<slug:org>/settings/edit/", views.settings_edit, name="settings_edit"),
    path("o/<slug:org>/settings/members/new/", views.member_new, name="member_new"),
    path("o/<slug:org>/settings/members/<int:pk>/edit/", views.member_edit, name="member_edit"),
    path(
        "o/<slug:org>/settings/members/<int:pk>/delete/", views.member_delete, name="member_delete"
    ),
    path(
        "o/<slug:org>/settings/members/<int:pk>/password/",
        views.member_password_new,
        name="member_password_new",
    ),
    re_path(SETTINGS_LIST + r"new/$", views.list_item_edit, name="settings_item_new"),
    re_path(SETTINGS_LIST + r"(?P<pk>\d+)/edit/$", views.list_item_edit, name="settings_item_edit"),
    re_path(
        SETTINGS_LIST + r"(?P<pk>\d+)/delete/$", views.list_item_delete, name="settings_item_delete"
    ),
]
