"""Writes of core data that span rows: people joining and leaving an organization."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from localplan.core.models import Membership, Organization, Role


@transaction.atomic
def add_member(
    *,
    organization: Organization,
    username: str,
    first_name: str,
    last_name: str,
    password: str,
    role: str,
    unit=None,
    position: str = "",
) -> Membership:
    """A new user account and its membership; an existing account joins only if it has no
    membership here yet."""
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User(username=username, first_name=first_name, last_name=last_name)
        user.set_password(password)
        user.full_clean()
        user.save()
    elif Membership.objects.filter(organization=organization, user=user).exists():
        raise ValidationError(
            {"username": _("ผู้ใช้ “%(name)s” เป็นสมาชิกขององค์กรนี้อยู่แล้ว") % {"name": username}}
        )
    membership = Membership(
        organization=organization, user=user, role=role, unit=unit, position=position
    )
    membership.full_clean()
    membership.save()
    return membership


@transaction.atomic
def remove_member(*, membership: Membership, by: Membership) -> None:
    """Removing someone from the organization keeps their account and everything they did."""
    if membership.pk == by.pk:
        raise ValidationError(_("ลบบัญชีของตนเองออกจากองค์กรไม่ได้"), code="self_removal")
    admins = Membership.objects.filter(organization=membership.organization, role=Role.ORG_ADMIN)
    if membership.role == Role.ORG_ADMIN and admins.count() == 1:
        raise ValidationError(_("ต้องมีผู้ดูแลระบบขององค์กรอย่างน้อยหนึ่งคน"), code="last_admin")
    membership.delete()
