"""Setting up an organization: the service, the command, the geography it stands on."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from localplan.core.geography import ensure_geography, find_areas
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
from localplan.core.services import DEFAULT_UNITS, create_organization
from tests.factories import OrganizationFactory

User = get_user_model()


def counts():
    return (Organization.objects.count(), Unit.objects.count(), User.objects.count())


def test_the_migration_loads_every_area_of_thailand(db):
    assert Province.objects.count() == 77
    assert District.objects.count() == 928
    assert Subdistrict.objects.count() > 7000
    assert District.objects.get(pk="3110").name == "ลำปลายมาศ"
    assert Subdistrict.objects.get(name="ผไทรินทร์").district.province.name == "บุรีรัมย์"
    assert ensure_geography().added == 0  # already up to date: nothing to do


def test_find_areas_reads_names_as_geothai_spells_them(db):
    province, district, subdistrict = find_areas(
        province="จังหวัดบุรีรัมย์", district="อำเภอลำปลายมาศ", subdistrict="ผไทรินทร์"
    )
    assert (province.code, district.code, subdistrict.code) == ("31", "3110", "311011")
    english = find_areas(province="Buri Ram", district="Lam Plai Mat", subdistrict="Phathairin")
    assert [area.code for area in english] == ["31", "3110", "311011"]


@pytest.mark.parametrize(
    "names, field, suggestion",
    [
        ({"province": "บุรีรัม", "district": "ลำปลายมาศ"}, "province", "บุรีรัมย์"),
        ({"province": "บุรีรัมย์", "district": "ลำปลาย"}, "district", "ลำปลายมาศ"),
        # a district of another province is not in this one
        ({"province": "บุรีรัมย์", "district": "บ้านไผ่"}, "district", ""),
        (
            {"province": "บุรีรัมย์", "district": "ลำปลายมาศ", "subdistrict": "ผไทริน"},
            "subdistrict",
            "ผไทรินทร์",
        ),
    ],
)
def test_an_unknown_name_is_refused_with_the_closest_names(db, names, field, suggestion):
    with pytest.raises(ValidationError) as refusal:
        find_areas(**names)
    message = " ".join(refusal.value.message_dict[field])
    assert "ไม่พบ" in message and suggestion in message


def test_create_organization_makes_the_organization_its_admin_and_default_units(db):
    province, district, subdistrict = find_areas(
        province="ขอนแก่น", district="บ้านไผ่", subdistrict="บ้านไผ่"
    )
    made = create_organization(
        kind=OrganizationKind.SUBDISTRICT_MUNICIPALITY,
        name="บ้านไผ่",
        slug="banphai",
        province=province,
        district=district,
        subdistrict=subdistrict,
        admin_username="bp-admin",
        admin_first_name="สมหญิง",
        admin_last_name="ดีงาม",
        admin_email="admin@example.org",
    )
    org = made.organization
    assert (org.province, org.district, org.subdistrict) == ("ขอนแก่น", "บ้านไผ่", "บ้านไผ่")
    assert org.district_area_id == "4010"
    units = list(Unit.objects.filter(organization=org).values_list("name", flat=True))
    assert units == DEFAULT_UNITS[OrganizationKind.SUBDISTRICT_MUNICIPALITY]
    assert (made.admin.role, made.admin.user.email) == (Role.ORG_ADMIN, "admin@example.org")
    assert made.admin.user.check_password(made.password) and len(made.password) >= 12
    assert made.set_password_path.startswith("/accounts/set-password/")


def test_the_units_given_replace_the_default_list(db):
    province, district, _ = find_areas(province="บุรีรัมย์", district="ลำปลายมาศ")
    made = create_organization(
        kind=OrganizationKind.SAO,
        name="ใหม่",
        slug="new",
        province=province,
        district=district,
        admin_username="new-admin",
        units=["สำนักปลัด", " ", "กองช่าง", "สำนักปลัด"],
    )
    names = Unit.objects.filter(organization=made.organization).values_list("name", flat=True)
    assert list(names) == ["สำนักปลัด", "กองช่าง"]


@pytest.mark.parametrize(
    "change, field",
    [
        ({"slug": "phairin"}, "slug"),  # taken
        ({"admin_username": "PHAIRIN-ADMIN"}, "username"),  # taken, whatever its case
        ({"district": "4010"}, "district_area"),  # บ้านไผ่ is in ขอนแก่น
    ],
)
def test_create_organization_refuses_and_changes_nothing(db, change, field):
    OrganizationFactory(slug="phairin")
    User.objects.create_user("phairin-admin", password="x-long-password")
    before = counts()
    arguments = {
        "kind": OrganizationKind.SAO,
        "name": "ใหม่",
        "slug": "new",
        "province": Province.objects.get(pk="31"),
        "district": District.objects.get(pk="3110"),
        "admin_username": "new-admin",
    }
    if "district" in change:
        change = {"district": District.objects.get(pk=change["district"])}
    with pytest.raises(ValidationError) as refusal:
        create_organization(**arguments | change)
    assert field in refusal.value.message_dict
    assert counts() == before


def run(*args):
    out = io.StringIO()
    call_command("create_organization", *args, stdout=out)
    return out.getvalue()


GOOD = [
    "--slug=phairin-real",
    "--name=ผไทรินทร์",
    "--kind=sao",
    "--province=บุรีรัมย์",
    "--district=ลำปลายมาศ",
    "--subdistrict=ผไทรินทร์",
    "--admin=phairin-admin",
]


def test_the_command_creates_the_organization_and_prints_a_one_time_password(db):
    out = run(*GOOD, "--site-url=https://plan.example.go.th/")
    org = Organization.objects.get(slug="phairin-real")
    assert org.subdistrict_area_id == "311011"
    assert org.full_name in out
    password = out.split("รหัสผ่านครั้งแรก (แสดงครั้งเดียว): ")[1].split()[0]
    admin = Membership.objects.get(organization=org, role=Role.ORG_ADMIN).user
    assert admin.username == "phairin-admin" and admin.check_password(password)
    assert "https://plan.example.go.th/accounts/set-password/" in out
    assert Unit.objects.filter(organization=org).count() == len(DEFAULT_UNITS["sao"])


def test_the_command_takes_the_units_it_is_given(db):
    run(*GOOD, "--kind=อบต.", "--unit=สำนักปลัด", "--unit=กองช่าง")
    names = Unit.objects.filter(organization__slug="phairin-real").values_list("name", flat=True)
    assert sorted(names) == ["กองช่าง", "สำนักปลัด"]


@pytest.mark.parametrize(
    "bad, message",
    [
        ("--province=บุรีรัม", "ชื่อที่ใกล้เคียง: บุรีรัมย์"),
        ("--district=ลำปลาย", "ชื่อที่ใกล้เคียง: ลำปลายมาศ"),
        ("--subdistrict=ไม่มีตำบลนี้", "ไม่พบตำบล"),
        ("--kind=district", "ไม่รู้จักประเภท"),
        ("--slug=taken", "มีองค์กรอื่นใช้แล้ว"),
        ("--admin=taken-user", "มีชื่อผู้ใช้ “taken-user” อยู่แล้ว"),
        ("--slug=ไทย", "ชื่อย่อในที่อยู่เว็บใช้ได้เฉพาะ"),
        ("--admin=ไทย", "ชื่อผู้ใช้ใช้ตัวอักษรภาษาอังกฤษ"),
    ],
)
def test_the_command_refuses_bad_input_and_changes_nothing(db, bad, message):
    OrganizationFactory(slug="taken")
    User.objects.create_user("taken-user", password="x-long-password")
    before = counts()
    with pytest.raises(CommandError, match=message):
        run(*GOOD, bad)
    assert counts() == before


def test_the_areas_come_back_after_a_flush(transactional_db):
    """A flush (what ends a browser test) empties every table; the areas come back, since
    the next test may set up an organization."""
    call_command("flush", interactive=False, verbosity=0)
    assert Province.objects.count() == 77 and District.objects.filter(pk="3110").exists()
