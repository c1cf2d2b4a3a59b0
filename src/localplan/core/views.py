from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from localplan.core import services
from localplan.core.access import member_view, require_role, require_settings_editor
from localplan.core.forms import (
    AgencyForm,
    MembershipForm,
    NewMemberForm,
    OrganizationSettingsForm,
    ThaiSetPasswordForm,
    UnitForm,
    VillageForm,
)
from localplan.core.models import Agency, Membership, Role, Unit, Village
from localplan.core.pages import delete_page, form_page
from localplan.core.slots import panels_for


@require_safe
def favicon(request):
    """/favicon.ico, which browsers and feed readers ask for whatever the page links."""
    path = finders.find("icons/favicon.ico")
    if path is None:
        raise Http404
    response = FileResponse(open(path, "rb"), content_type="image/x-icon")
    response["Cache-Control"] = "public, max-age=86400"
    return response


def landing(request):
    """Signed-in staff go to their organization, the system administrator to the list of
    organizations; an account that belongs to no organization is told so (not sent back to
    the sign-in page); visitors sign in."""
    if not request.user.is_authenticated:
        return redirect("login")
    if request.user.is_superuser:
        return redirect("system_home")
    memberships = Membership.objects.filter(user=request.user).select_related("organization")
    first = memberships.first()
    if first is not None:
        return redirect("home", org=first.organization.slug)
    return redirect("my_organizations")


class SetPasswordView(auth_views.PasswordResetConfirmView):
    """The one-time link a new administrator (or member) opens to choose a password."""

    template_name = "registration/set_password.html"
    form_class = ThaiSetPasswordForm
    success_url = reverse_lazy("login")
    post_reset_login = False

    def form_valid(self, form):
        messages.success(self.request, _("ตั้งรหัสผ่านแล้ว เข้าสู่ระบบด้วยรหัสผ่านใหม่ได้เลย"))
        return super().form_valid(form)


@login_required
def my_organizations(request):
    memberships = Membership.objects.filter(user=request.user).select_related("organization")
    return render(request, "core/my_organizations.html", {"memberships": memberships})


@member_view
def home(request):
    context = {"nav": "home", "panels": panels_for("home", membership=request.membership)}
    return render(request, "core/home.html", context)


@member_view
def settings_page(request):
    org = request.organization
    context = {
        "nav": "settings",
        "units": Unit.objects.filter(organization=org),
        "villages": Village.objects.filter(organization=org),
        "agencies": Agency.objects.filter(organization=org),
        "members": Membership.objects.filter(organization=org).select_related("user", "unit"),
        "panels": panels_for("settings_details", membership=request.membership),
    }
    return render(request, "core/settings.html", context)


@member_view
def settings_edit(request):
    require_settings_editor(request.membership)
    org = request.organization
    form = OrganizationSettingsForm(request.POST or None, instance=org)
    return form_page(
        request,
        form,
        title=_("แก้ไขข้อมูลองค์กร"),
        success_url=reverse("settings", kwargs={"org": org.slug}),
        extra={"nav": "settings"},
    )


# Units, villages and other agencies: the same three pages each.
SIMPLE_LISTS = {
    "units": (Unit, UnitForm, gettext_lazy("หน่วยงานภายใน")),
    "villages": (Village, VillageForm, gettext_lazy("หมู่บ้าน")),
    "agencies": (Agency, AgencyForm, gettext_lazy("หน่วยงานอื่น")),
}


def _settings_url(org) -> str:
    return reverse("settings", kwargs={"org": org.slug})


@member_view
def list_item_edit(request, kind, pk=None):
    require_settings_editor(request.membership)
    model, form_class, label = SIMPLE_LISTS[kind]
    org = request.organization
    instance = get_object_or_404(model, pk=pk, organization=org) if pk else None
    form = form_class(request.POST or None, instance=instance, organization=org)
    # The label mid-sentence ("Add village"), as the templates' {{ label|lower }}.
    words = {"label": str(label).lower()}
    title = (_("แก้ไข%(label)s") if pk else _("เพิ่ม%(label)s")) % words
    return form_page(
        request,
        form,
        title=title,
        success_url=_settings_url(org),
        breadcrumbs=[(_("ข้อมูลองค์กร"), _settings_url(org))],
        extra={"nav": "settings"},
    )


@member_view
def list_item_delete(request, kind, pk):
    require_settings_editor(request.membership)
    model, _form, _label = SIMPLE_LISTS[kind]
    instance = get_object_or_404(model, pk=pk, organization=request.organization)
    return delete_page(request, instance, success_url=_settings_url(request.organization))


@member_view
def member_new(request):
    require_role(request.membership, [Role.ORG_ADMIN], _("เพิ่มผู้ใช้"))
    org = request.organization
    form = NewMemberForm(request.POST or None, organization=org)
    return form_page(
        request,
        form,
        title=_("เพิ่มผู้ใช้"),
        success_url=_settings_url(org),
        save=lambda form: services.add_member(organization=org, **form.cleaned_data),
        breadcrumbs=[(_("ข้อมูลองค์กร"), _settings_url(org))],
        extra={"nav": "settings"},
    )


@member_view
def member_edit(request, pk):
    org = request.organization
    membership = get_object_or_404(Membership, pk=pk, organization=org)
    require_role(request.membership, [Role.ORG_ADMIN], _("แก้ไขบทบาทผู้ใช้"))
    form = MembershipForm(request.POST or None, instance=membership, organization=org)
    return form_page(
        request,
        form,
        title=_("บทบาทของ %(name)s") % {"name": membership.display_name},
        success_url=_settings_url(org),
        breadcrumbs=[(_("ข้อมูลองค์กร"), _settings_url(org))],
        extra={"nav": "settings"},
    )


@member_view
def member_password_new(request, pk):
    """A new one-time password for a member who forgot theirs, shown once on the answer."""
    org = request.organization
    membership = get_object_or_404(
        Membership.objects.select_related("user"), pk=pk, organization=org
    )
    require_role(request.membership, [Role.ORG_ADMIN], _("ออกรหัสผ่านใหม่"))
    context = {"member": membership, "nav": "settings", "settings_url": _settings_url(org)}
    if request.method == "POST":
        try:
            password, path = services.reset_member_password(
                membership=membership, by=request.membership
            )
        except ValidationError as refusal:
            context["refusal"] = " ".join(refusal.messages)
            return render(request, "core/member_password.html", context, status=409)
        context |= {"password": password, "link": request.build_absolute_uri(path)}
    return render(request, "core/member_password.html", context)


@member_view
def member_delete(request, pk):
    org = request.organization
    membership = get_object_or_404(Membership, pk=pk, organization=org)
    require_role(request.membership, [Role.ORG_ADMIN], _("นำผู้ใช้ออกจากองค์กร"))
    by = request.membership
    return delete_page(
        request,
        membership,
        success_url=_settings_url(org),
        delete=lambda row: services.remove_member(membership=row, by=by),
    )
