"""Who may see and change what. Every staff page reaches data through these functions."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from localplan.core.models import Membership, Role


def membership_for(user, org_slug: str) -> Membership:
    """The user's membership in the organization; 404 for one they do not belong to."""
    return get_object_or_404(
        Membership.objects.select_related("organization", "unit", "user"),
        user=user,
        organization__slug=org_slug,
    )


def member_view(view: Callable) -> Callable:
    """A staff page of one organization: /o/<org>/…; sets request.membership and
    request.organization, answers 404 to anyone who is not a member."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, org: str, *args, **kwargs):
        request.membership = membership_for(request.user, org)
        request.organization = request.membership.organization
        return view(request, *args, **kwargs)

    return wrapper


def require_role(membership: Membership, roles: Iterable[str], action: str = "") -> None:
    if membership.role not in set(roles):
        names = ", ".join(str(Role(role).label) for role in roles)
        raise PermissionDenied(
            _("บทบาท “%(role)s” ทำรายการนี้ไม่ได้%(action)s (ผู้ที่ทำได้: %(names)s)")
            % {
                "role": membership.get_role_display(),
                "action": f" ({action})" if action else "",
                "names": names,
            }
        )


def require_plan_editor(membership: Membership) -> None:
    if not membership.can_edit_plans:
        raise PermissionDenied(
            _("บทบาท “%(role)s” ดูข้อมูลได้อย่างเดียว แก้ไขไม่ได้") % {"role": membership.get_role_display()}
        )


def require_settings_editor(membership: Membership) -> None:
    if not membership.can_edit_settings:
        raise PermissionDenied(_("เฉพาะนักวิเคราะห์นโยบายและแผนหรือผู้ดูแลระบบขององค์กรเท่านั้นที่แก้ไขข้อมูลนี้ได้"))


def require_unit_row_editor(membership: Membership, unit_id: int | None) -> None:
    """Plan editors change any row; unit staff only rows of their own unit."""
    if membership.can_edit_unit_row(unit_id):
        return
    if membership.role == Role.UNIT_STAFF:
        raise PermissionDenied(_("เจ้าหน้าที่หน่วยงานแก้ไขได้เฉพาะรายการของหน่วยงานตนเอง"))
    require_plan_editor(membership)


def require_editable(edition) -> None:
    """Only a draft (or a returned draft) may change; an announced edition is frozen."""
    if edition.is_frozen:
        raise PermissionDenied(_("ฉบับนี้ประกาศใช้แล้ว แก้ไขไม่ได้ หากต้องการเปลี่ยนแปลงให้จัดทำฉบับแก้ไข/เพิ่มเติม"))
    if not edition.is_editable:
        raise PermissionDenied(
            _("ฉบับนี้อยู่ระหว่างการพิจารณา (%(state)s) แก้ไขไม่ได้จนกว่าจะถูกส่งกลับ")
            % {"state": edition.get_state_display()}
        )
