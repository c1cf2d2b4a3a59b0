"""The system administrator sets up organizations on staff pages; an organization's own
administrator keeps its details, emblem and people up to date."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from PIL import Image

from localplan.core import system_views
from localplan.core.models import Membership, Organization, Role, Unit
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory

User = get_user_model()

NEW = {
    "kind": "tambon_municipality",
    "name": "บ้านไผ่",
    "slug": "banphai",
    "province_area": "40",
    "district_area": "4010",
    "subdistrict_area": "401001",
    "units": "สำนักปลัดเทศบาล\nกองคลัง\nกองช่าง",
    "admin_username": "bp-admin",
    "admin_first_name": "สมหญิง",
    "admin_last_name": "ดีงาม",
    "admin_email": "bp@example.org",
}


@pytest.fixture
def system_admin(db):
    client = Client()
    client.force_login(UserFactory(username="root", is_superuser=True))
    return client


def test_a_superuser_lands_on_the_list_of_organizations(system_admin, org):
    response = system_admin.get(reverse("landing"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("system_home")
    page = response.content.decode()
    assert org.full_name in page and "สร้างองค์กร" in page


def test_an_account_of_no_organization_is_told_so_not_sent_back_to_sign_in(client, db):
    client.force_login(UserFactory(username="lonely"))
    response = client.get(reverse("landing"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("my_organizations")
    page = response.content.decode()
    assert "ยังไม่ได้เป็นสมาชิกขององค์กรใด" in page and "lonely" in page


def test_the_system_admin_creates_an_organization_and_sees_its_password_once(system_admin):
    response = system_admin.post(reverse("system_organization_new"), NEW)
    org = Organization.objects.get(slug="banphai")
    assert response["Location"] == reverse("system_organization", kwargs={"slug": "banphai"})
    assert (org.province, org.district, org.subdistrict) == ("ขอนแก่น", "บ้านไผ่", "บ้านไผ่")
    names = Unit.objects.filter(organization=org).values_list("name", flat=True)
    assert list(names) == ["สำนักปลัดเทศบาล", "กองคลัง", "กองช่าง"]
    page = system_admin.get(response["Location"]).content.decode()
    password = re.search(r'id="one-time-password">([^<]+)<', page).group(1)
    link = re.search(r'id="set-password-link" href="([^"]+)"', page).group(1)
    assert "one-time-password" not in system_admin.get(response["Location"]).content.decode()
    admin = Membership.objects.get(organization=org, role=Role.ORG_ADMIN).user
    assert admin.check_password(password) and admin.email == "bp@example.org"
    # The link lets the administrator choose a password, once.
    visitor = Client()
    form_page = visitor.get(link, follow=True)
    assert "ตั้งรหัสผ่าน" in form_page.content.decode()
    form_url = form_page.redirect_chain[-1][0]
    mismatch = {"new_password1": "ตั้งเองยาวพอ-2569", "new_password2": "อย่างอื่น-2569"}
    assert "รหัสผ่านทั้งสองช่องไม่ตรงกัน" in visitor.post(form_url, mismatch).content.decode()
    short = {"new_password1": "สั้น", "new_password2": "สั้น"}
    assert "ต้องยาวอย่างน้อย 8 ตัวอักษร" in visitor.post(form_url, short).content.decode()
    chosen = {"new_password1": "ตั้งเองยาวพอ-2569", "new_password2": "ตั้งเองยาวพอ-2569"}
    assert visitor.post(form_url, chosen)["Location"] == reverse("login")
    assert Client().login(username="bp-admin", password="ตั้งเองยาวพอ-2569")
    assert "ลิงก์นี้ใช้ไม่ได้แล้ว" in Client().get(link, follow=True).content.decode()


def test_the_system_admin_issues_a_new_one_time_password_to_an_organizations_admin(
    system_admin, org, other_org
):
    admin = MembershipFactory(organization=org, role=Role.ORG_ADMIN, user__username="lost")
    planner = MembershipFactory(organization=org, role=Role.PLANNER)
    theirs = MembershipFactory(organization=other_org, role=Role.ORG_ADMIN)
    url = reverse("system_admin_password_new", kwargs={"slug": org.slug, "pk": admin.pk})
    assert "รหัสผ่านเดิมจะใช้ไม่ได้ทันที" in system_admin.get(url).content.decode()
    page = system_admin.post(url, follow=True).content.decode()
    password = re.search(r'id="one-time-password">([^<]+)<', page).group(1)
    admin.user.refresh_from_db()
    assert admin.user.check_password(password) and not admin.user.check_password("pass-1234")
    # Only an administrator of the organization named in the URL.
    for pk in (planner.pk, theirs.pk):
        wrong = reverse("system_admin_password_new", kwargs={"slug": org.slug, "pk": pk})
        assert system_admin.post(wrong).status_code == 404
    theirs.user.refresh_from_db()
    assert theirs.user.check_password("pass-1234")


@pytest.mark.parametrize(
    "change, message",
    [
        ({"district_area": "3110"}, "เลือกจากรายการ"),  # ลำปลายมาศ is not in ขอนแก่น
        ({"subdistrict_area": "311011"}, "เลือกจากรายการ"),
        ({"slug": "phairin"}, "มีองค์กรอื่นใช้แล้ว"),
        ({"slug": "บ้านไผ่"}, "ใช้ได้เฉพาะตัวอักษรภาษาอังกฤษ"),
        ({"admin_username": "taken"}, "มีชื่อผู้ใช้ “taken” อยู่แล้ว"),
        ({"province_area": ""}, "กรุณากรอกช่องนี้"),
    ],
)
def test_the_create_form_refuses_bad_input_and_changes_nothing(system_admin, change, message):
    OrganizationFactory(slug="phairin")
    UserFactory(username="taken")
    before = (Organization.objects.count(), User.objects.count(), Unit.objects.count())
    response = system_admin.post(reverse("system_organization_new"), NEW | change)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert before == (Organization.objects.count(), User.objects.count(), Unit.objects.count())


def test_the_lists_of_areas_follow_the_choice_above(system_admin):
    url = reverse("area_options", kwargs={"level": "districts"})
    districts = system_admin.get(url, {"province_area": "31"}).content.decode()
    assert '<option value="3110">ลำปลายมาศ</option>' in districts
    assert "บ้านไผ่" not in districts
    assert 'hx-swap-oob="innerHTML"' in districts  # the subdistricts are emptied too
    url = reverse("area_options", kwargs={"level": "subdistricts"})
    subdistricts = system_admin.get(url, {"district_area": "3110"}).content.decode()
    assert '<option value="311011">ผไทรินทร์</option>' in subdistricts
    assert "<option" in system_admin.get(url, {"district_area": "x"}).content.decode()


def test_the_default_units_follow_the_kind(system_admin):
    url = reverse("system_default_units")
    assert "สำนักปลัดองค์การบริหารส่วนจังหวัด" in system_admin.get(url, {"kind": "pao"}).text
    assert system_admin.get(url, {"kind": "sao"}).text.startswith("สำนักปลัด\n")
    # The units are the organization's data: Thai, whatever language the page is in.
    english = system_admin.get(url, {"kind": "sao"}, headers={"accept-language": "en"})
    assert english.text.startswith("สำนักปลัด\n")


def test_an_org_admin_cannot_pull_in_another_organizations_user_by_username(
    org, other_org, member_client
):
    """Typing an existing username made that account a member here, with the role chosen:
    another organization's planner could be taken over. Now only new accounts are made."""
    theirs = MembershipFactory(organization=other_org, role=Role.PLANNER, user__username="somchai")
    admin = member_client(MembershipFactory(organization=org, role=Role.ORG_ADMIN))
    data = {
        "username": "somchai",
        "first_name": "ใคร",
        "last_name": "ก็ได้",
        "password": "ยาวพอแล้ว-123",
        "role": Role.PLANNER,
    }
    response = admin.post(reverse("member_new", kwargs={"org": org.slug}), data)
    assert response.status_code == 400
    assert "มีชื่อผู้ใช้ “somchai” อยู่แล้ว" in response.content.decode()
    assert not Membership.objects.filter(organization=org, user=theirs.user).exists()
    theirs.user.refresh_from_db()
    assert theirs.user.check_password("pass-1234")


def png() -> io.BytesIO:
    data = io.BytesIO()
    Image.new("RGB", (800, 600), (200, 30, 30)).save(data, format="PNG")
    data.seek(0)
    data.name = "emblem.png"
    return data


def test_the_settings_page_shows_the_emblem_and_leads_to_its_upload(org, member_client):
    admin = member_client(MembershipFactory(organization=org, role=Role.ORG_ADMIN))
    settings_url = reverse("settings", kwargs={"org": org.slug})
    upload_url = reverse("documents:emblem_edit", kwargs={"org": org.slug})
    page = admin.get(settings_url).content.decode()
    assert upload_url in page and 'id="settings-emblem"' not in page
    assert admin.post(upload_url, {"image": png()}).status_code == 302
    page = admin.get(settings_url).content.decode()
    assert 'id="settings-emblem"' in page
    assert "data:image/png;base64," in page


def test_a_read_only_role_sees_the_emblem_but_no_way_to_change_it(org, member_client):
    reader = member_client(MembershipFactory(organization=org, role=Role.EXECUTIVE))
    page = reader.get(reverse("settings", kwargs={"org": org.slug})).content.decode()
    assert "ตราสัญลักษณ์" in page
    assert reverse("documents:emblem_edit", kwargs={"org": org.slug}) not in page


def test_the_org_admin_sets_the_executive_and_moves_the_office_within_the_list(org, member_client):
    admin = member_client(MembershipFactory(organization=org, role=Role.ORG_ADMIN))
    url = reverse("settings_edit", kwargs={"org": org.slug})
    data = {
        "name": org.name,
        "province_area": "31",
        "district_area": "3110",
        "subdistrict_area": "311011",
        "executive_name": "นายสมชาย ใจดี",
        "executive_title": "นายกองค์การบริหารส่วนตำบลผไทรินทร์",
    }
    wrong_district = admin.post(url, data | {"district_area": "4010"})
    assert wrong_district.status_code == 400
    assert admin.post(url, data).status_code == 302
    org.refresh_from_db()
    assert (org.subdistrict, org.executive_name) == ("ผไทรินทร์", "นายสมชาย ใจดี")
    page = admin.get(reverse("settings", kwargs={"org": org.slug})).content.decode()
    assert "นายสมชาย ใจดี" in page and "ตำบลผไทรินทร์" in page


def test_a_new_unit_is_offered_the_place_after_the_others(org, planner_client):
    Unit.objects.create(organization=org, name="สำนักปลัด", order=1)
    Unit.objects.create(organization=org, name="กองคลัง", order=2)
    page = planner_client.get(
        reverse("settings_item_new", kwargs={"org": org.slug, "kind": "units"})
    ).content.decode()
    assert 'name="order" value="3"' in page


def test_the_list_of_organizations_is_searched_and_paged(system_admin, monkeypatch):
    for n in range(3):
        OrganizationFactory(name=f"บ้านใหม่{n}", slug=f"ban-mai-{n}")
    OrganizationFactory(name="หนองกี่", slug="nongki")
    url = reverse("system_home")
    found = system_admin.get(url, {"q": "หนองกี่"}).content.decode()
    assert "หนองกี่" in found and "บ้านใหม่0" not in found
    monkeypatch.setattr(system_views, "ORGANIZATIONS_PER_PAGE", 2)
    first = system_admin.get(url).content.decode()
    assert "1 / 2" in first and "page=2" in first
