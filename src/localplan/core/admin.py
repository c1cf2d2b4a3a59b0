"""The Django admin, for superusers only (staff work in the app's own pages). Announced
editions and their rows are read-only there and cannot be deleted; the audit log is
read-only for everyone."""

from django.contrib import admin

from localplan.core.models import Agency, AuditLog, Membership, Organization, Unit, Village


class SuperuserAdmin(admin.ModelAdmin):
    """Only a superuser sees or changes anything through the admin."""

    def _superuser(self, request) -> bool:
        return request.user.is_active and request.user.is_superuser

    def has_module_permission(self, request):
        return self._superuser(request)

    def has_view_permission(self, request, obj=None):
        return self._superuser(request)

    def has_add_permission(self, request, *args):
        return self._superuser(request)

    def has_change_permission(self, request, obj=None):
        return self._superuser(request)

    def has_delete_permission(self, request, obj=None):
        return self._superuser(request)


class FrozenAdmin(SuperuserAdmin):
    """Rows of an announced (or superseded) edition: viewable, never changed or deleted."""

    def is_frozen(self, obj) -> bool:
        raise NotImplementedError

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not (obj and self.is_frozen(obj))

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not (obj and self.is_frozen(obj))


class FrozenInline(admin.TabularInline):
    """Inline rows of a parent that may be frozen (`parent_frozen(parent)`)."""

    extra = 0

    def parent_frozen(self, parent) -> bool:
        raise NotImplementedError

    def _allowed(self, request, obj) -> bool:
        return request.user.is_superuser and not (obj is not None and self.parent_frozen(obj))

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_add_permission(self, request, obj=None):
        return self._allowed(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._allowed(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._allowed(request, obj)


@admin.register(Organization)
class OrganizationAdmin(SuperuserAdmin):
    list_display = ["full_name", "slug", "province", "district"]
    search_fields = ["name", "slug", "province", "district"]
    # Thousands of subdistricts: pick by code, not from one long list.
    raw_id_fields = ["province_area", "district_area", "subdistrict_area"]


@admin.register(Unit, Village, Agency)
class OrganizationListAdmin(SuperuserAdmin):
    list_filter = ["organization"]


@admin.register(Membership)
class MembershipAdmin(SuperuserAdmin):
    list_display = ["user", "organization", "role", "unit"]
    list_filter = ["organization", "role"]
    raw_id_fields = ["user"]


@admin.register(AuditLog)
class AuditLogAdmin(SuperuserAdmin):
    list_display = ["at", "organization", "user", "action", "model", "object_repr"]
    list_filter = ["organization", "action", "model"]
    search_fields = ["object_repr", "project_code"]

    def has_add_permission(self, request, *args):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
