"""`load_demo` refuses cleanly when it cannot load: nothing of the organization is left."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from localplan.core.demo import phairin
from localplan.core.demo.loader import DemoDataError, load_organizations
from localplan.core.models import Organization, Unit
from localplan.devplan.models import PlanProject
from tests.factories import UserFactory


def test_a_taken_demo_username_stops_the_load_and_leaves_nothing(db):
    UserFactory(username="planner")
    with pytest.raises(DemoDataError, match="planner"):
        load_organizations([phairin])
    assert not Organization.objects.filter(slug="phairin").exists()
    assert not Unit.objects.exists()
    assert not PlanProject.objects.exists()


def test_the_command_answers_a_taken_username_with_a_thai_message(db):
    UserFactory(username="planner")
    with pytest.raises(CommandError, match="ชื่อผู้ใช้ของข้อมูลตัวอย่างถูกใช้แล้ว: planner"):
        call_command("load_demo", stdout=StringIO())
    assert not Organization.objects.filter(slug="phairin").exists()
