"""Writes of core data that span rows: setting up an organization, people joining and
leaving it."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from localplan.core.models import (
    District,
    Membership,
    Organization,
    OrganizationKind,
    Province,
    Role,
    Subdistrict,
    Unit,
)

_MUNICIPAL_UNITS = [
    "สำนักปลัดเทศบาล",
    "กองคลัง",
    "กองช่าง",
    "กองการศึกษา",
    "กองสาธารณสุขและสิ่งแวดล้อม",
]
# The units most organizations of each kind have; the form offers them, the officer edits.
# They are the organization's data, in Thai whatever language the page is in.
DEFAULT_UNITS = {
    OrganizationKind.SAO: [
        "สำนักปลัด",
        "กองคลัง",
        "กองช่าง",
        "กองการศึกษา ศาสนาและวัฒนธรรม",
    ],
    OrganizationKind.SUBDISTRICT_MUNICIPALITY: _MUNICIPAL_UNITS,
    OrganizationKind.TOWN_MUNICIPALITY: [
        *_MUNICIPAL_UNITS,
        "กองสวัสดิการสังคม",
        "กองยุทธศาสตร์และงบประมาณ",
    ],
    OrganizationKind.CITY_MUNICIPALITY: [
        *_MUNICIPAL_UNITS,
        "กองสวัสดิการสังคม",
        "กองยุทธศาสตร์และงบประมาณ",
        "กองการแพทย์",
    ],
    OrganizationKind.PAO: [
        "สำนักปลัดองค์การบริหารส่วนจังหวัด",
        "สำนักงานเลขานุการองค์การบริหารส่วนจังหวัด",
        "กองคลัง",
        "กองช่าง",
        "กองการศึกษา ศาสนาและวัฒนธรรม",
        "กองยุทธศาสตร์และงบประมาณ",
        "กองพัสดุและทรัพย์สิน",
        "กองสาธารณสุข",
    ],
}


@dataclass
class NewOrganization:
    """What setting up an organization made, and how its administrator gets in: a one-time
    password and a link to set one's own (valid until used or until they sign in)."""

    organization: Organization
    admin: Membership
    password: str
    set_password_path: str


def set_password_path(user) -> str:
    """The path of a one-time link with which this user chooses a password."""
    return reverse(
        "set_password",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )


SLUG = re.compile(r"[a-z0-9][a-z0-9_-]{0,49}")
USERNAME = re.compile(r"[A-Za-z0-9_.@+-]{3,150}")


def _new_user(*, username: str, first_name: str, last_name: str, email: str, password: str):
    User = get_user_model()
    if not USERNAME.fullmatch(username):
        raise ValidationError(
            {"username": _("ชื่อผู้ใช้ใช้ตัวอักษรภาษาอังกฤษ ตัวเลข และ . _ - @ + ได้ 3–150 ตัว")},
            code="bad_username",
        )
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError(
            {"username": _("มีชื่อผู้ใช้ “%(name)s” อยู่แล้ว ตั้งชื่อผู้ใช้ใหม่ที่ยังไม่มีใครใช้") % {"name": username}},
            code="username_taken",
        )
    user = User(username=username, first_name=first_name, last_name=last_name, email=email)
    user.set_password(password)
    user.full_clean()
    user.save()
    return user


@transaction.atomic
def issue_one_time_password(*, user) -> tuple[str, str]:
    """A new one-time password for someone who lost theirs (the old one stops working), and
    a one-time link to choose their own."""
    password = secrets.token_urlsafe(9)
    user.set_password(password)
    user.save(update_fields=["password"])
    return password, set_password_path(user)


@transaction.atomic
def reset_member_password(*, membership: Membership, by: Membership) -> tuple[str, str]:
    """The organization admin gives a member who forgot their password a new one-time
    password. Only for accounts of this organization alone: an account that also works
    elsewhere, or a system administrator's, is not this organization's to take over."""
    user = membership.user
    elsewhere = Membership.objects.filter(user=user).exclude(organization=by.organization)
    if user.is_superuser or elsewhere.exists():
        raise ValidationError(
            _("บัญชีนี้ใช้กับองค์กรอื่นหรือเป็นผู้ดูแลระบบด้วย ให้ผู้ดูแลระบบเป็นผู้ออกรหัสผ่านใหม่"),
            code="not_ours",
        )
    return issue_one_time_password(user=user)


@transaction.atomic
def create_organization(
    *,
    kind: str,
    name: str,
    slug: str,
    province: Province,
    district: District,
    subdistrict: Subdistrict | None = None,
    admin_username: str,
    admin_first_name: str = "",
    admin_last_name: str = "",
    admin_email: str = "",
    units: list[str] | None = None,
) -> NewOrganization:
    """A new organization in its real province and district, its administrator's account
    and its units (the kind's default list when `units` is None). All or nothing."""
    if not SLUG.fullmatch(slug):
        raise ValidationError(
            {"slug": _("ชื่อย่อในที่อยู่เว็บใช้ได้เฉพาะตัวอักษรภาษาอังกฤษพิมพ์เล็ก ตัวเลข - และ _ เช่น phairin")},
            code="bad_slug",
        )
    if Organization.objects.filter(slug=slug).exists():
        raise ValidationError(
            {"slug": _("ชื่อย่อ “%(slug)s” มีองค์กรอื่นใช้แล้ว") % {"slug": slug}},
            code="slug_taken",
        )
    organization = Organization(
        kind=kind,
        name=name.strip(),
        slug=slug,
        province_area=province,
        district_area=district,
        subdistrict_area=subdistrict,
    )
    organization.copy_area_names()
    organization.full_clean()
    organization.save()
    names = DEFAULT_UNITS.get(kind, []) if units is None else units
    unique_names = list(dict.fromkeys(name.strip() for name in names if name.strip()))
    Unit.objects.bulk_create(
        Unit(organization=organization, name=unit_name, order=order)
        for order, unit_name in enumerate(unique_names, start=1)
    )
    password = secrets.token_urlsafe(9)
    user = _new_user(
        username=admin_username,
        first_name=admin_first_name,
        last_name=admin_last_name,
        email=admin_email,
        password=password,
    )
    admin = Membership(organization=organization, user=user, role=Role.ORG_ADMIN)
    admin.full_clean()
    admin.save()
    return NewOrganization(organization, admin, password, set_password_path(user))


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
    """A new user account and its membership. An existing account is never attached by
    its name: typing someone else's username must not pull them (or take them over) into
    this organization."""
    User = get_user_model()
    existing = User.objects.filter(username__iexact=username).first()
    if (
        existing is not None
        and Membership.objects.filter(organization=organization, user=existing).exists()
    ):
        raise ValidationError(
            {"username": _("ผู้ใช้ “%(name)s” เป็นสมาชิกขององค์กรนี้อยู่แล้ว") % {"name": username}}
        )
    user = _new_user(
        username=username, first_name=first_name, last_name=last_name, email="", password=password
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
