"""Every staff URL, enumerated from the URL configuration — not a hand-picked few:

- anonymous visitors are sent to the sign-in page;
- a member of another organization gets 404 for this organization's pages, and 404 for this
  organization's objects reached through their own organization's URLs, on GET and POST,
  and nothing changes;
- read-only roles get 403 on every page that changes data.
"""

import re
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from localplan.budget.models import AgencyInvitation
from localplan.core.models import AuditLog, Membership, Organization, Role, Unit
from localplan.strategy.models import Goal, Mission, Vision
from tests.budget.factories import AgencyProjectFactory, BudgetItemFactory
from tests.factories import (
    AgencyFactory,
    MembershipFactory,
    OpsEntryFactory,
    UserFactory,
    VillageFactory,
)

# URL prefixes that are not one organization's staff pages, and why.
NOT_ORGANIZATION_PAGES = {
    "admin/": "Django admin, superusers only",
    "i18n/": "language switch",
    "accounts/": "sign in, sign out, my organizations",
    "api/": "public read-only API (tested by the portal tests)",
    "p/": "public portal (tested by the portal tests)",
    "agency-submissions/": "other agencies send projects through a token link (tests/budget)",
    "o/": "staff landing page: sends a member to their organization",
    "favicon.ico": "the site's icon",
    "system/": "the system administrator's pages (superusers): tested below",
    "areas/": "Thailand's districts and subdistricts for the dependent selects: tested below",
    "": "public index of organizations",
}
WRITE_PAGE = re.compile(r"(^|_)(new|edit|delete)$")
# Workflow steps are taken by the role each names (the committee, the executive …), not by
# plan editors: tests/workflow/test_tenancy.py tries every role on each. The stored PDF of
# an edition answers 404 until the edition is announced.
ROLE_STEP = re.compile(r"^workflow:(submit|committee|council|decide|announce|amend)$")
NOT_YET_ANNOUNCED = {"workflow:announced_pdf"}
# Roles that read plans but change none (member pages are the organization admin's alone).
READ_ONLY_ROLES = [
    Role.SUPPORT_COMMITTEE,
    Role.DEVELOPMENT_COMMITTEE,
    Role.EXECUTIVE,
    Role.COUNCIL_SECRETARY,
    Role.ME_COMMITTEE,
]


@dataclass
class Route:
    name: str  # "opsplan:entry_edit"
    pattern: str  # "o/<slug:org>/opsplans/entries/<int:entry_id>/edit/"
    kwargs: tuple[str, ...]


def _walk(patterns, prefix="", namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern) and entry.name:
            pattern = prefix + str(entry.pattern)
            kwargs = tuple(
                re.findall(r"<(?:\w+:)?(\w+)>", pattern) + re.findall(r"\(\?P<(\w+)>", pattern)
            )
            yield Route(f"{namespace}{entry.name}", pattern, kwargs)


def all_routes():
    return list(_walk(get_resolver().url_patterns))


def organization_routes():
    """Staff pages of one organization; the public portal's /p/<org>/ pages are open to all."""
    return [
        route
        for route in all_routes()
        if "org" in route.kwargs and not route.pattern.startswith("p/")
    ]


def test_every_route_is_an_organization_page_or_a_known_public_one():
    for route in all_routes():
        if "org" in route.kwargs:
            continue
        pattern = route.pattern.lstrip("^")
        assert any(
            pattern.startswith(prefix) for prefix in NOT_ORGANIZATION_PAGES if prefix
        ) or pattern in {"", "$"}, f"{route.name} ({route.pattern}) is neither scoped nor known"


class World:
    """Two organizations with one of everything."""

    def __init__(self, name):
        self.entry = OpsEntryFactory(organization__slug=f"org-{name}")
        self.organization = self.entry.organization
        self.project = self.entry.plan_project
        self.village = VillageFactory(organization=self.organization)
        self.agency = AgencyFactory(organization=self.organization)
        org = self.organization
        self.vision = Vision.objects.create(organization=org, text="วิสัยทัศน์", first_fiscal_year=2552)
        self.mission = Mission.objects.create(organization=org, number=1, text="พันธกิจ")
        self.goal = Goal.objects.create(organization=org, number=1, text="เป้าประสงค์")
        self.member = MembershipFactory(organization=org, role=Role.ME_COMMITTEE)
        self.budget_item = BudgetItemFactory(document__organization=org)
        self.agency_project = AgencyProjectFactory(organization=org, agency=self.agency)
        self.invitation = AgencyInvitation.objects.create(
            organization=org, agency=self.agency, fiscal_year=2552, expires_on="2099-12-31"
        )

    def kwargs_for(self, route: Route) -> dict:
        """Values for the route's arguments, pointing at this organization's objects."""
        values = {
            "org": self.organization.slug,
            "fiscal_year": self.entry.edition.plan.fiscal_year,
            "entry_id": self.entry.pk,
            "project_id": self.project.pk,
            "plan_id": self.project.edition.plan_id
            if route.name.startswith("devplan:")
            else self.entry.edition.plan_id,
            "edition_id": self.project.edition_id
            if route.name.startswith("devplan:")
            else self.entry.edition_id,
            "document": "ops",
            "old_id": self.entry.edition_id,
            "new_id": self.entry.edition_id,
            "code": self.project.code if route.name.startswith("workflow:") else "pd01",
            "fmt": "pdf",
        }
        values |= {
            "document_id": self.budget_item.document_id,
            "item_id": self.budget_item.pk,
            "agency_project_id": self.agency_project.pk,
            "invitation_id": self.invitation.pk,
        }
        if route.name.startswith("budget:"):
            values |= {
                "kind": "budget-items",
                "target_id": self.budget_item.document_id,
                "fmt": "xlsx",
            }
        by_kind = {
            "settings_item": ("units", self.entry.unit.pk),
            "member_": (None, self.member.pk),
            "strategy:item": ("strategy", self.project.strategy_id),
            "strategy:guideline": (None, self.project.guideline_id),
            "documents:": ("ops", None),
        }
        for prefix, (kind, pk) in by_kind.items():
            if route.name.startswith(prefix):
                values.update({"kind": kind, "pk": pk})
        missing = [name for name in route.kwargs if values.get(name) is None]
        assert not missing, f"add a value for {missing} of {route.name} to World.kwargs_for"
        return {name: values[name] for name in route.kwargs}


@pytest.fixture
def worlds(db):
    return World("a"), World("b")


def url_of(route, world):
    return reverse(route.name, kwargs=world.kwargs_for(route))


def test_there_are_organization_routes_to_check():
    names = {route.name for route in organization_routes()}
    assert {"home", "opsplan:edition", "opsplan:entry_edit", "devplan:project_edit"} <= names
    # the htmx endpoints of the entry form and the plan page's bulk months are walked too
    assert {
        "opsplan:entry_fill",
        "strategy:guideline_options",
        "opsplan:entry_months_edit",
    } <= names
    assert "opsplan:entry_months_edit" in {route.name for route in write_routes()}


def write_routes():
    return [
        r
        for r in organization_routes()
        if WRITE_PAGE.search(r.name.split(":")[-1]) and not ROLE_STEP.match(r.name)
    ]


def read_routes():
    return [
        r
        for r in organization_routes()
        if not WRITE_PAGE.search(r.name.split(":")[-1])
        and not ROLE_STEP.match(r.name)
        and r.name not in NOT_YET_ANNOUNCED
    ]


# Each test walks every route and reports all that misbehave at once.


def test_anonymous_visitors_are_sent_to_sign_in(worlds, client):
    wrong = []
    for route in organization_routes():
        response = client.get(url_of(route, worlds[0]))
        if response.status_code != 302 or not response["Location"].startswith(reverse("login")):
            wrong.append((route.name, response.status_code))
    assert not wrong


def test_a_member_of_another_organization_gets_404_and_changes_nothing(worlds, member_client):
    mine, theirs = worlds
    # Their organization admin: the role that may do the most.
    client = member_client(MembershipFactory(organization=theirs.organization, role=Role.ORG_ADMIN))
    logged = AuditLog.objects.count()
    wrong = []
    for route in organization_routes():
        # Their own organization's URL with this organization's objects in it …
        foreign_objects = mine.kwargs_for(route) | {"org": theirs.organization.slug}
        own_url_mine_objects = reverse(route.name, kwargs=foreign_objects)
        # … and this organization's URL outright.
        for url in (own_url_mine_objects, url_of(route, mine)):
            if url == url_of(route, theirs):
                continue  # the route names no object: it is their own page
            for method in (client.get, client.post):
                status = method(url, {"name": "x", "number": "9"}).status_code
                if status != 404:
                    wrong.append((route.name, method.__name__, url, status))
        # The same route with their own objects works for them.
        status = client.get(url_of(route, theirs)).status_code
        expected = {403} if ROLE_STEP.match(route.name) else {200, 302}
        if status not in expected and route.name not in NOT_YET_ANNOUNCED:
            wrong.append((route.name, "own", status))
    assert not wrong
    assert AuditLog.objects.count() == logged


@pytest.mark.parametrize("role", READ_ONLY_ROLES)
def test_read_only_roles_cannot_open_pages_that_change_data(role, worlds, member_client):
    mine = worlds[0]
    client = member_client(MembershipFactory(organization=mine.organization, role=role))
    logged = AuditLog.objects.count()
    wrong = []
    for route in write_routes():
        url = url_of(route, mine)
        for response in (client.get(url), client.post(url, {"name": "x"})):
            # a Thai refusal, not a bare status
            if response.status_code != 403 or "ไม่" not in response.content.decode():
                wrong.append((route.name, response.status_code))
    assert not wrong
    assert AuditLog.objects.count() == logged


@pytest.mark.parametrize("role", READ_ONLY_ROLES)
def test_every_role_can_read_every_page_that_does_not_change_data(role, worlds, member_client):
    mine = worlds[0]
    client = member_client(MembershipFactory(organization=mine.organization, role=role))
    wrong = []
    for route in read_routes():
        status = client.get(url_of(route, mine)).status_code
        if status not in {200, 302}:
            wrong.append((route.name, status))
    assert not wrong


def system_routes():
    return [route for route in all_routes() if route.pattern.startswith("system/")]


def test_only_the_system_administrator_opens_the_system_pages(worlds):
    """Anonymous visitors sign in; every role of an organization, its administrator
    included, gets 403 on GET and POST and creates nothing; a superuser gets the page."""
    routes = system_routes()
    assert {r.name for r in routes} >= {"system_home", "system_organization_new"}
    mine = worlds[0]
    post = {
        "kind": "sao",
        "name": "ใหม่",
        "slug": "new-org",
        "province_area": "31",
        "district_area": "3110",
        "admin_username": "new-admin",
        "admin_first_name": "ก",
        "admin_last_name": "ข",
    }
    admin = MembershipFactory(organization=mine.organization, role=Role.ORG_ADMIN)
    password = admin.user.password
    counts = (Organization.objects.count(), Membership.objects.count(), Unit.objects.count())
    superuser = Client()
    superuser.force_login(UserFactory(is_superuser=True))
    values = {"slug": mine.organization.slug, "pk": admin.pk}
    wrong = []
    for route in routes:
        url = reverse(route.name, kwargs={name: values[name] for name in route.kwargs})
        response = Client().get(url)
        if response.status_code != 302 or not response["Location"].startswith(reverse("login")):
            wrong.append((route.name, "anonymous", response.status_code))
        for role in [*READ_ONLY_ROLES, Role.PLANNER, Role.ORG_ADMIN]:
            member = Client()
            member.force_login(MembershipFactory(organization=mine.organization, role=role).user)
            for method in (member.get, member.post):
                if (status := method(url, post).status_code) != 403:
                    wrong.append((route.name, role, method.__name__, status))
        if (status := superuser.get(url).status_code) != 200:
            wrong.append((route.name, "superuser", status))
    assert not wrong
    admin.user.refresh_from_db()
    assert admin.user.password == password
    roles = len(READ_ONLY_ROLES) + 2
    assert counts == (
        Organization.objects.count(),
        Membership.objects.count() - roles * len(routes),
        Unit.objects.count(),
    )


@pytest.mark.parametrize("level", ["districts", "subdistricts"])
def test_the_lists_of_areas_are_for_signed_in_users_only(level, planner_client):
    url = reverse("area_options", kwargs={"level": level})
    assert Client().get(url).status_code == 302
    assert planner_client.get(url).status_code == 200
