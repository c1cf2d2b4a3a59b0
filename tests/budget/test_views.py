"""Every page of the budget app: members read, plan editors write, nobody reaches another
organization's rows (404), anonymous users are sent to sign in, other roles get 403."""

from decimal import Decimal

import pytest
from django.urls import reverse

from localplan.budget.models import AgencyInvitation, AgencyProjectStatus, ImportBatch
from localplan.core.models import Role
from localplan.devplan.models import DevPlanEdition
from tests.budget.conftest import build_world
from tests.budget.factories import AgencyProjectFactory
from tests.factories import AgencyFactory, MembershipFactory
from tests.helpers import visible_text


def _objects(world, user):
    agency = AgencyFactory(organization=world.org)
    project = AgencyProjectFactory(
        organization=world.org,
        agency=agency,
        strategy=world.strategies[0],
        work_plan=world.items[0].work_plan,
    )
    invitation = AgencyInvitation.objects.create(
        organization=world.org,
        agency=agency,
        fiscal_year=2552,
        expires_on=AgencyInvitation.default_expiry(),
    )
    batch = ImportBatch.objects.create(
        organization=world.org, user=user, kind="budget-items", target_id=world.document.pk,
        filename="x.xlsx", content=b"", preview={"counts": {}, "rows": [], "errors": []}, digest="",
    )  # fmt: skip
    draft = DevPlanEdition.objects.create(
        organization=world.org,
        plan=world.edition.plan,
        kind="addition",
        sequence=1,
        sequence_year=2552,
    )
    return {
        "draft_edition_id": draft.pk,
        "document_id": world.document.pk,
        "item_id": world.items[0].pk,
        "edition_id": world.edition.pk,
        "agency_project_id": project.pk,
        "invitation_id": invitation.pk,
        "batch_id": batch.pk,
    }


# (url name, kwargs from the objects, a write that needs a plan editor / only its owner)
PAGES = [
    ("budget:index", lambda o: {}, False),
    ("budget:year", lambda o: {"fiscal_year": 2552}, False),
    ("budget:document_new", lambda o: {}, True),
    ("budget:document", lambda o: {"document_id": o["document_id"]}, False),
    ("budget:document_edit", lambda o: {"document_id": o["document_id"]}, True),
    ("budget:document_delete", lambda o: {"document_id": o["document_id"]}, True),
    ("budget:item_new", lambda o: {"document_id": o["document_id"]}, True),
    ("budget:item_edit", lambda o: {"item_id": o["item_id"]}, True),
    ("budget:item_delete", lambda o: {"item_id": o["item_id"]}, True),
    ("budget:import_new", lambda o: {"kind": "budget-items", "target_id": o["document_id"]}, True),
    ("budget:import_new", lambda o: {"kind": "plan-projects", "target_id": o["draft_edition_id"]}, True),
    ("budget:import_new", lambda o: {"kind": "agency-projects", "target_id": 2552}, True),
    ("budget:template", lambda o: {"kind": "budget-items", "target_id": o["document_id"], "fmt": "xlsx"}, False),
    ("budget:template", lambda o: {"kind": "plan-projects", "target_id": o["edition_id"], "fmt": "csv"}, False),
    ("budget:export", lambda o: {"kind": "budget-items", "target_id": o["document_id"], "fmt": "xlsx"}, False),
    ("budget:export", lambda o: {"kind": "plan-projects", "target_id": o["edition_id"], "fmt": "xlsx"}, False),
    ("budget:export", lambda o: {"kind": "agency-projects", "target_id": 2552, "fmt": "csv"}, False),
    ("budget:import_preview", lambda o: {"kind": "budget-items", "target_id": o["document_id"]}, "owner"),
    ("budget:agency_projects", lambda o: {"fiscal_year": 2552}, False),
    ("budget:agency_project_new", lambda o: {"fiscal_year": 2552}, True),
    ("budget:agency_project_edit", lambda o: {"agency_project_id": o["agency_project_id"]}, True),
    ("budget:agency_project_delete", lambda o: {"agency_project_id": o["agency_project_id"]}, True),
    ("budget:invitation_new", lambda o: {"fiscal_year": 2552}, True),
    ("budget:invitation_delete", lambda o: {"invitation_id": o["invitation_id"]}, True),
    ("budget:draft", lambda o: {"fiscal_year": 2552}, False),
    ("budget:checks", lambda o: {"fiscal_year": 2552}, False),
    ("budget:checks_badge", lambda o: {}, False),
]  # fmt: skip
OWN_ROWS = {
    "draft_edition_id",
    "document_id",
    "item_id",
    "edition_id",
    "project_id",
    "invitation_id",
    "batch_id",
}


@pytest.mark.parametrize(
    "name,kwargs_of,write", PAGES, ids=[f"{p[0]}-{i}" for i, p in enumerate(PAGES)]
)
def test_every_page_keeps_to_its_organization_and_role(
    client, world, other_org, planner, executive, name, kwargs_of, write
):
    mine = _objects(world, planner.user)
    theirs = _objects(build_world(other_org), planner.user)
    kwargs = kwargs_of(mine)
    url = reverse(name, kwargs={"org": world.org.slug, **kwargs})

    anonymous = client.get(url)
    assert anonymous.status_code == 302
    assert reverse("login") in anonymous["Location"]

    client.force_login(MembershipFactory(organization=other_org, role=Role.PLANNER).user)
    assert client.get(url).status_code == 404, "a member of another organization"

    client.force_login(planner.user)
    response = client.get(url)
    assert response.status_code == 200
    foreign = kwargs_of(theirs)
    if set(foreign) & OWN_ROWS:
        foreign_url = reverse(name, kwargs={"org": world.org.slug, **foreign})
        assert client.get(foreign_url).status_code == 404, "another organization's row by id"

    client.force_login(executive.user)
    response = client.get(url)
    if write == "owner":
        assert response.status_code == 302, "no file of this user: back to the upload page"
        assert client.post(url, {"batch": mine["batch_id"]}).status_code == 302
        assert ImportBatch.objects.get(pk=mine["batch_id"]).applied_at is None
    elif write:
        assert response.status_code == 403
        assert (
            "ทำรายการนี้ไม่ได้" in response.content.decode()
            or "ดูข้อมูลได้อย่างเดียว" in response.content.decode()
        )
    else:
        assert response.status_code == 200


def test_a_batch_is_seen_only_by_the_user_who_uploaded_it(client, world, planner):
    batch = ImportBatch.objects.create(
        organization=world.org, user=planner.user, kind="budget-items", target_id=world.document.pk,
        filename="mine.xlsx", content=b"", preview={"counts": {}, "rows": [], "errors": []}, digest="",
    )  # fmt: skip
    url = batch.get_absolute_url()
    client.force_login(planner.user)
    assert "mine.xlsx" in client.get(url).content.decode()
    colleague = MembershipFactory(organization=world.org, role=Role.PLANNER)
    client.force_login(colleague.user)
    response = client.get(url)
    assert response.status_code == 302 and "mine.xlsx" not in response.content.decode()
    client.post(url, {"batch": batch.pk})
    batch.refresh_from_db()
    assert batch.applied_at is None


def test_the_document_page_shows_items_grouped_with_totals(client, world, planner):
    client.force_login(planner.user)
    response = client.get(world.document.get_absolute_url())
    text = visible_text(response)
    assert "ด้านการเศรษฐกิจ" in text and "แผนงานอุตสาหกรรมและการโยธา" in text
    assert "งบลงทุน" in text and "งบบุคลากร" in text
    total = sum((item.amount for item in world.items), Decimal("0.00"))
    assert f"{total:,.2f}" in text


def test_the_page_of_a_document_queries_the_same_at_three_and_thirty_items(
    client, world, planner, django_assert_max_num_queries
):
    from tests.budget.factories import BudgetItemFactory

    client.force_login(planner.user)
    url = world.document.get_absolute_url()
    client.get(url)
    with django_assert_max_num_queries(12) as small:
        client.get(url)
    BudgetItemFactory.create_batch(27, document=world.document)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(url)


def test_the_home_page_badge_counts_the_problems_of_the_latest_year(
    client, world, planner, ops_edition
):
    client.force_login(planner.user)
    home = client.get(reverse("home", kwargs={"org": world.org.slug}))
    badge_url = reverse("budget:checks_badge", kwargs={"org": world.org.slug})
    assert badge_url in home.content.decode()
    badge = client.get(badge_url).content.decode()
    assert "2552" in badge
    assert 'data-problems="0"' not in badge


def test_the_home_page_card_makes_no_query(rf, world, planner, django_assert_num_queries):
    from localplan.budget.panels import budget_card

    with django_assert_num_queries(0):
        panel = budget_card(planner)
    assert panel.template == "budget/_home_panel.html"


def test_plan_editions_offer_the_excel_buttons_to_planners_only(client, world, planner, executive):
    world.edition.state = "drafting"
    world.edition.save()
    url = world.edition.get_absolute_url()
    import_url = reverse(
        "budget:import_new",
        kwargs={"org": world.org.slug, "kind": "plan-projects", "target_id": world.edition.pk},
    )
    client.force_login(planner.user)
    assert import_url in client.get(url).content.decode()
    client.force_login(executive.user)
    text = client.get(url).content.decode()
    assert import_url not in text
    assert "ส่งออก Excel" in text


def test_the_agency_list_separates_pending_from_accepted(client, world, planner):
    AgencyProjectFactory(
        organization=world.org, status=AgencyProjectStatus.SUBMITTED, name="ขุดลอกคลอง"
    )
    client.force_login(planner.user)
    url = reverse("budget:agency_projects", kwargs={"org": world.org.slug, "fiscal_year": 2552})
    text = visible_text(client.get(url))
    assert "รอพิจารณา" in text and "ขุดลอกคลอง" in text
