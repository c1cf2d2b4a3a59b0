"""The organization admin manages who works in the organization and in which role."""

import re

from django.urls import reverse

from localplan.core.models import Membership, Role
from tests.factories import MembershipFactory, UnitFactory


def test_the_admin_adds_a_unit_staff_member_who_can_then_sign_in(org, member_client, client):
    admin = MembershipFactory(organization=org, role=Role.ORG_ADMIN)
    unit = UnitFactory(organization=org, name="กองคลัง")
    url = reverse("member_new", kwargs={"org": org.slug})
    data = {
        "username": "somsri",
        "first_name": "สมศรี",
        "last_name": "ใจงาม",
        "password": "ยาวพอแล้ว-123",
        "role": Role.UNIT_STAFF,
        "unit": unit.pk,
        "position": "นักวิชาการเงินและบัญชี",
    }
    admin_client = member_client(admin)
    without_unit = admin_client.post(url, data | {"unit": ""})
    assert without_unit.status_code == 400 and "สังกัดหน่วยงาน" in without_unit.content.decode()
    assert admin_client.post(url, data).status_code == 302
    member = Membership.objects.get(user__username="somsri")
    assert (member.role, member.unit) == (Role.UNIT_STAFF, unit)
    again = admin_client.post(url, data)
    assert again.status_code == 400 and "เป็นสมาชิกขององค์กรนี้อยู่แล้ว" in again.content.decode()
    admin_client.logout()
    assert client.login(username="somsri", password="ยาวพอแล้ว-123")


def test_a_planner_cannot_manage_members(org, planner_client):
    response = planner_client.get(reverse("member_new", kwargs={"org": org.slug}))
    assert response.status_code == 403
    assert "ผู้ดูแลระบบขององค์กร" in response.content.decode()


def test_the_last_admin_cannot_be_removed_nor_remove_themselves(org, member_client):
    admin = MembershipFactory(organization=org, role=Role.ORG_ADMIN)
    client = member_client(admin)
    url = reverse("member_delete", kwargs={"org": org.slug, "pk": admin.pk})
    response = client.post(url)
    assert response.status_code == 409
    assert Membership.objects.filter(pk=admin.pk).exists()


def test_removing_a_member_keeps_the_account(org, member_client, planner):
    admin = MembershipFactory(organization=org, role=Role.ORG_ADMIN)
    client = member_client(admin)
    response = client.post(reverse("member_delete", kwargs={"org": org.slug, "pk": planner.pk}))
    assert response.status_code == 302
    assert not Membership.objects.filter(pk=planner.pk).exists()
    planner.user.refresh_from_db()


def test_the_last_admin_cannot_be_demoted_either(org, member_client):
    admin = MembershipFactory(organization=org, role=Role.ORG_ADMIN)
    url = reverse("member_edit", kwargs={"org": org.slug, "pk": admin.pk})
    response = member_client(admin).post(url, {"role": Role.PLANNER})
    assert response.status_code == 400
    assert "ต้องมีผู้ดูแลระบบขององค์กรอย่างน้อยหนึ่งคน" in response.content.decode()
    admin.refresh_from_db()
    assert admin.role == Role.ORG_ADMIN
    second = MembershipFactory(organization=org, role=Role.ORG_ADMIN)
    assert member_client(second).post(url, {"role": Role.PLANNER}).status_code == 302


def test_the_admin_gives_a_member_a_new_one_time_password(org, member_client, planner):
    admin = member_client(MembershipFactory(organization=org, role=Role.ORG_ADMIN))
    url = reverse("member_password_new", kwargs={"org": org.slug, "pk": planner.pk})
    assert "รหัสผ่านเดิมจะใช้ไม่ได้ทันที" in admin.get(url).content.decode()
    page = admin.post(url).content.decode()
    password = re.search(r'id="one-time-password">([^<]+)<', page).group(1)
    planner.user.refresh_from_db()
    assert planner.user.check_password(password) and not planner.user.check_password("pass-1234")


def test_an_account_that_also_works_elsewhere_is_not_the_admins_to_reset(
    org, other_org, member_client
):
    """Resetting it would let this organization's admin sign in as a member of another."""
    shared = MembershipFactory(organization=org, role=Role.PLANNER)
    MembershipFactory(organization=other_org, user=shared.user, role=Role.ORG_ADMIN)
    admin = member_client(MembershipFactory(organization=org, role=Role.ORG_ADMIN))
    url = reverse("member_password_new", kwargs={"org": org.slug, "pk": shared.pk})
    response = admin.post(url)
    assert response.status_code == 409 and "ให้ผู้ดูแลระบบเป็นผู้ออกรหัสผ่านใหม่" in response.content.decode()
    shared.user.refresh_from_db()
    assert shared.user.check_password("pass-1234")
