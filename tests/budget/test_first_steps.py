"""The home page of a new organization says what to do first, until the plans exist."""

from localplan.budget.panels import first_steps
from localplan.core.models import Role
from tests.factories import MembershipFactory, OpsEntryFactory


def test_a_new_organization_is_shown_its_first_steps_in_order(org, planner, member_client):
    panel = first_steps(planner)
    titles = [str(step["title"]) for step in panel.context["steps"]]
    assert titles == [
        "หน่วยงานภายในและหมู่บ้าน",
        "ยุทธศาสตร์การพัฒนา",
        "แผนพัฒนาท้องถิ่น",
        "นำเข้าไฟล์ที่มีอยู่",
        "แผนการดำเนินงาน",
    ]
    assert not any(step["done"] for step in panel.context["steps"])
    home = member_client(planner).get(f"/o/{org.slug}/").content.decode()
    assert "เริ่มต้นใช้งาน: ทำอะไรก่อน" in home and f"/o/{org.slug}/devplans/new/" in home


def test_the_steps_go_once_the_plans_exist(db, django_assert_max_num_queries):
    entry = OpsEntryFactory()
    planner = MembershipFactory(organization=entry.organization, role=Role.PLANNER)
    with django_assert_max_num_queries(2):
        assert first_steps(planner) is None


def test_a_reader_sees_the_steps_without_links(org, member_client):
    executive = MembershipFactory(organization=org, role=Role.EXECUTIVE)
    panel = first_steps(executive)
    assert not panel.context["can_edit"]
    home = member_client(executive).get(f"/o/{org.slug}/").content.decode()
    assert "นักวิเคราะห์นโยบายและแผนเป็นผู้จัดทำขั้นตอนเหล่านี้" in home
    assert f"/o/{org.slug}/devplans/new/" not in home
