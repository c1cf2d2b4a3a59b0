"""An announced edition cannot be changed by any path: pages, services, the ORM one row at
a time, bulk writes, raw SQL, the admin. A draft can, on each of the same paths."""

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, connection, transaction
from django.db.models import ProtectedError
from django.urls import reverse

from localplan.core.bulk import insert_rows
from localplan.core.models import EditionState, Role
from localplan.devplan import services as devplan_services
from localplan.devplan.models import DevPlan, PlanProject, PlanProjectVillage, ProjectBudget
from localplan.opsplan import services as opsplan_services
from localplan.opsplan.models import OperationalPlan, OpsEdition, OpsEntry, OpsEntryVillage
from localplan.workflow.freeze import FrozenEdition
from localplan.workflow.models import Announcement, Transition
from tests.factories import VillageFactory
from tests.workflow.factories import bring_to

FROZEN_MESSAGE = "ประกาศใช้แล้ว แก้ไขไม่ได้"


@pytest.fixture
def announced(ops_edition, members):
    return bring_to(ops_edition, EditionState.ANNOUNCED, members)


@pytest.fixture
def announced_dev(dev_edition, members):
    return bring_to(dev_edition, EditionState.ANNOUNCED, members)


def snapshot(edition):
    return list(OpsEntry.objects.filter(edition=edition).order_by("pk").values()), list(
        OpsEntryVillage.objects.filter(opsentry__edition=edition).values_list("pk", flat=True)
    )


def refused(write, error=FrozenEdition, match=None):
    """The write is refused; Django deletes and m2m writes run in the caller's transaction,
    so the attempt gets a savepoint of its own."""
    with pytest.raises(error, match=match), transaction.atomic():
        write()


def refused_in_database(write):
    with pytest.raises(IntegrityError, match="localplan"), transaction.atomic():
        write()


# ---------------------------------------------------------------- pages and services


def test_every_staff_page_that_writes_refuses_an_announced_operational_plan(announced, as_role):
    client = as_role(Role.PLANNER)
    entry = announced.entries.first()
    before = snapshot(announced)
    org = announced.organization.slug
    urls = [
        reverse("opsplan:entry_new", kwargs={"org": org, "edition_id": announced.pk}),
        reverse("opsplan:entry_edit", kwargs={"org": org, "entry_id": entry.pk}),
        reverse("opsplan:entry_delete", kwargs={"org": org, "entry_id": entry.pk}),
    ]
    for url in urls:
        for method in (client.get, client.post):
            response = method(url, {"name": "เปลี่ยน", "budget": "1"})
            assert response.status_code == 403, url
            assert FROZEN_MESSAGE in response.content.decode()
    assert snapshot(announced) == before


def test_every_staff_page_that_writes_refuses_an_announced_multi_year_plan(announced_dev, as_role):
    client = as_role(Role.PLANNER)
    project = announced_dev.projects.first()
    org = announced_dev.organization.slug
    urls = [
        reverse("devplan:project_new", kwargs={"org": org, "edition_id": announced_dev.pk}),
        reverse("devplan:project_edit", kwargs={"org": org, "project_id": project.pk}),
        reverse("devplan:project_delete", kwargs={"org": org, "project_id": project.pk}),
    ]
    for url in urls:
        response = client.post(url, {"name": "เปลี่ยน"})
        assert response.status_code == 403, url
        assert FROZEN_MESSAGE in response.content.decode()
    assert PlanProject.objects.get(pk=project.pk).name == project.name


def test_the_services_refuse_an_announced_edition(announced, announced_dev, members):
    planner = members[Role.PLANNER]
    entry = announced.entries.first()
    entry.name = "เปลี่ยนชื่อ"
    with pytest.raises(PermissionDenied, match=FROZEN_MESSAGE):
        opsplan_services.save_entry(entry=entry, by=planner)
    with pytest.raises(PermissionDenied, match=FROZEN_MESSAGE):
        opsplan_services.delete_entry(entry=entry, by=planner)
    project = announced_dev.projects.first()
    with pytest.raises(PermissionDenied, match=FROZEN_MESSAGE):
        devplan_services.save_plan_project(project=project, by=planner, budgets={})
    with pytest.raises(PermissionDenied, match=FROZEN_MESSAGE):
        devplan_services.delete_plan_project(project=project, by=planner)
    assert OpsEntry.objects.get(pk=entry.pk).name != "เปลี่ยนชื่อ"
    assert PlanProject.objects.filter(pk=project.pk).exists()


# ---------------------------------------------------------------- the ORM, one row at a time


def test_saving_or_deleting_a_row_of_an_announced_edition_is_refused(announced):
    entry = announced.entries.first()
    entry.budget = Decimal("1.00")
    refused(entry.save, match=FROZEN_MESSAGE)
    refused(entry.delete)
    refused(OpsEntry.objects.filter(edition=announced).delete)
    refused(
        lambda: OpsEntry.objects.create(
            organization=announced.organization,
            edition=announced,
            code="E9999",
            name="แทรก",
            budget=1,
            strategy=entry.strategy,
            work_plan=entry.work_plan,
        )
    )
    village = VillageFactory(organization=announced.organization, number=99)
    refused(
        lambda: entry.villages.add(
            village, through_defaults={"organization": announced.organization}
        )
    )
    refused(entry.villages.clear)
    assert OpsEntry.objects.get(pk=entry.pk).budget != Decimal("1.00")
    assert announced.entries.count() == 8
    assert entry.villages.count() == 1


def test_a_projects_budget_and_villages_of_an_announced_edition_are_refused(announced_dev):
    project = announced_dev.projects.first()
    budget = project.budgets.first()
    budget.amount = Decimal("1.00")
    refused(budget.save)
    refused(budget.delete)
    refused(
        lambda: ProjectBudget.objects.create(
            organization=project.organization, project=project, fiscal_year=2555, amount=1
        )
    )
    assert project.budgets.count() == 3


def test_an_announced_edition_cannot_go_back_or_be_deleted(announced):
    announced.state = EditionState.DRAFTING
    refused(announced.save)
    fresh = OpsEdition.objects.get(pk=announced.pk)
    refused(fresh.delete, error=(FrozenEdition, ProtectedError))
    refused(
        OperationalPlan.objects.filter(pk=announced.plan_id).delete,
        error=(FrozenEdition, ProtectedError),
    )
    plan = OperationalPlan.objects.get(pk=announced.plan_id)
    plan.fiscal_year = 2553
    refused(plan.save, match="เปลี่ยนปีงบประมาณ")
    assert OpsEdition.objects.get(pk=announced.pk).state == EditionState.ANNOUNCED


def test_the_horizon_of_a_plan_with_an_announced_edition_cannot_change(announced_dev):
    plan = DevPlan.objects.get(pk=announced_dev.plan_id)
    plan.last_fiscal_year = 2555
    refused(plan.save)
    refused_in_database(lambda: DevPlan.objects.filter(pk=plan.pk).update(last_fiscal_year=2555))


# ---------------------------------------------------------------- bulk writes and raw SQL


def test_bulk_writes_to_an_announced_edition_are_refused_by_the_database(announced):
    entry = announced.entries.first()
    refused_in_database(lambda: OpsEntry.objects.filter(pk=entry.pk).update(budget=1))
    entry.budget = Decimal("1.00")
    refused_in_database(lambda: OpsEntry.objects.bulk_update([entry], ["budget"]))
    copy = OpsEntry(
        organization=announced.organization,
        edition=announced,
        code="E9999",
        name="แทรก",
        budget=1,
        strategy_id=entry.strategy_id,
        work_plan_id=entry.work_plan_id,
    )
    refused_in_database(lambda: OpsEntry.objects.bulk_create([copy]))
    village = VillageFactory(organization=announced.organization, number=98)
    link = OpsEntryVillage(organization=announced.organization, opsentry=entry, village=village)
    refused_in_database(lambda: OpsEntryVillage.objects.bulk_create([link]))
    refused_in_database(
        lambda: OpsEdition.objects.filter(pk=announced.pk).update(state=EditionState.DRAFTING)
    )

    def raw():
        with connection.cursor() as cursor:
            cursor.execute("UPDATE opsplan_opsentry SET name = 'raw' WHERE id = %s", [entry.pk])

    refused_in_database(raw)
    stored = OpsEntry.objects.get(pk=entry.pk)
    assert stored.budget != Decimal("1.00") and stored.name != "raw"
    assert OpsEdition.objects.get(pk=announced.pk).state == EditionState.ANNOUNCED


def test_bulk_writes_to_an_announced_multi_year_plan_are_refused_by_the_database(announced_dev):
    project = announced_dev.projects.first()
    refused_in_database(lambda: PlanProject.objects.filter(pk=project.pk).update(name="x"))
    refused_in_database(lambda: ProjectBudget.objects.filter(project=project).update(amount=1))
    village = VillageFactory(organization=announced_dev.organization, number=97)
    link = PlanProjectVillage(
        organization=announced_dev.organization, planproject=project, village=village
    )
    refused_in_database(lambda: PlanProjectVillage.objects.bulk_create([link]))
    # The path of imports: many rows in one statement (COPY on PostgreSQL).
    refused_in_database(
        lambda: insert_rows(
            ProjectBudget,
            ("organization_id", "project_id", "fiscal_year", "amount"),
            [(project.organization_id, project.pk, 2590 + n, Decimal("1.00")) for n in range(3)],
        )
    )
    assert not ProjectBudget.objects.filter(project=project, fiscal_year__gte=2590).exists()


def test_a_draft_can_still_be_written_on_every_path(ops_edition):
    """The control: the same writes succeed while the edition is a draft."""
    entry = ops_edition.entries.first()
    OpsEntry.objects.filter(pk=entry.pk).update(budget=5)
    entry.refresh_from_db()
    entry.name = "แก้ไขได้"
    entry.save()
    OpsEntry.objects.bulk_update([entry], ["name"])
    with connection.cursor() as cursor:
        cursor.execute("UPDATE opsplan_opsentry SET location = 'ได้' WHERE id = %s", [entry.pk])
    entry.delete()
    assert not OpsEntry.objects.filter(pk=entry.pk).exists()


def test_announcements_and_steps_are_never_changed_even_in_bulk(announced):
    refused_in_database(lambda: Announcement.objects.update(number="1"))
    refused_in_database(lambda: Transition.objects.update(comments="x"))
    refused(Announcement.objects.get().delete, error=TypeError)


def test_deleting_a_user_keeps_the_steps_they_took(announced, members):
    executive = members[Role.EXECUTIVE]
    get_user_model().objects.filter(pk=executive.user_id).delete()
    step = Transition.objects.filter(actor_role=Role.EXECUTIVE).first()
    assert step.user is None
    assert step.actor_name


# ---------------------------------------------------------------- the admin


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("root", "root@example.org", "pass-1234")
    client.force_login(user)
    return client


def test_the_admin_shows_an_announced_entry_read_only_and_refuses_to_change_it(
    announced, admin_client
):
    entry = announced.entries.first()
    url = reverse("admin:opsplan_opsentry_change", args=[entry.pk])
    page = admin_client.get(url)
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    response = admin_client.post(url, {"name": "admin"})
    assert response.status_code == 403
    delete = admin_client.post(
        reverse("admin:opsplan_opsentry_delete", args=[entry.pk]), {"post": "yes"}
    )
    assert delete.status_code == 403
    action = admin_client.post(
        reverse("admin:opsplan_opsentry_changelist"),
        {"action": "delete_selected", "_selected_action": [entry.pk], "post": "yes"},
    )
    assert action.status_code == 403
    edition = admin_client.post(
        reverse("admin:opsplan_opsedition_change", args=[announced.pk]), {"state": "drafting"}
    )
    assert edition.status_code == 403
    assert OpsEntry.objects.get(pk=entry.pk).name != "admin"
    assert OpsEntry.objects.filter(pk=entry.pk).exists()


def test_the_admin_refuses_an_announced_project_and_its_budgets(announced_dev, admin_client):
    project = announced_dev.projects.first()
    url = reverse("admin:devplan_planproject_change", args=[project.pk])
    assert admin_client.post(url, {"name": "admin"}).status_code == 403
    delete = admin_client.post(
        reverse("admin:devplan_devplan_delete", args=[announced_dev.plan_id]), {"post": "yes"}
    )
    assert delete.status_code == 403
    assert DevPlan.objects.filter(pk=announced_dev.plan_id).exists()


def test_the_admin_still_changes_a_draft_entry(ops_edition, admin_client):
    entry = ops_edition.entries.first()
    page = admin_client.get(reverse("admin:opsplan_opsentry_change", args=[entry.pk]))
    assert 'name="_save"' in page.content.decode()


def test_the_admin_is_for_superusers_only(ops_edition, client, members):
    user = members[Role.ORG_ADMIN].user
    user.is_staff = True
    user.save()
    client.force_login(user)
    response = client.get(reverse("admin:opsplan_opsentry_changelist"))
    assert response.status_code in {302, 403}


def test_the_audit_log_cannot_be_changed_in_the_admin(announced, admin_client):
    from localplan.core.models import AuditLog

    log = AuditLog.objects.first()
    url = reverse("admin:core_auditlog_change", args=[log.pk])
    assert admin_client.post(url, {"object_repr": "x"}).status_code == 403
    delete = admin_client.post(
        reverse("admin:core_auditlog_delete", args=[log.pk]), {"post": "yes"}
    )
    assert delete.status_code == 403
    assert AuditLog.objects.get(pk=log.pk).object_repr != "x"


# ---------------------------------------------------------------- the API


def test_the_api_has_no_way_to_write_an_announced_edition(announced, client, members):
    """The API is read-only: every write method on its edition URLs is refused."""
    client.force_login(members[Role.PLANNER].user)
    code = announced.entries.order_by("code").first().code
    before = snapshot(announced)
    for url in (
        f"/api/v1/editions/ops/{announced.pk}",
        f"/api/v1/editions/ops/{announced.pk}/entries",
        f"/api/v1/editions/ops/{announced.pk}/entries/{code}",
    ):
        assert client.get(url).status_code == 200, url
        for method in (client.post, client.put, client.patch, client.delete):
            response = method(url, {"name": "x"}, content_type="application/json")
            assert response.status_code == 405, (url, method.__name__, response.status_code)
    assert snapshot(announced) == before
