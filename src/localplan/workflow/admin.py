"""The workflow's records in the admin: the approval chains are editable; what happened
(steps, resolutions, announcements, amendments) is read-only."""

from django.contrib import admin

from localplan.core.admin import SuperuserAdmin
from localplan.workflow.models import Amendment, Announcement, ApprovalRule, Resolution, Transition


@admin.register(ApprovalRule)
class ApprovalRuleAdmin(SuperuserAdmin):
    list_display = ["organization", "document", "kind", "committee_review", "council_approval"]
    list_filter = ["organization", "document"]


class RecordAdmin(SuperuserAdmin):
    def has_add_permission(self, request, *args):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Transition)
class TransitionAdmin(RecordAdmin):
    list_display = ["at", "organization", "step", "from_state", "to_state", "actor_name"]
    list_filter = ["organization", "step"]


@admin.register(Resolution)
class ResolutionAdmin(RecordAdmin):
    list_display = ["meeting_date", "organization", "body", "meeting_number"]


@admin.register(Announcement)
class AnnouncementAdmin(RecordAdmin):
    list_display = ["announced_on", "organization", "number", "sha256"]
    exclude = ["pdf"]


@admin.register(Amendment)
class AmendmentAdmin(RecordAdmin):
    list_display = ["__str__", "organization", "special_case"]
