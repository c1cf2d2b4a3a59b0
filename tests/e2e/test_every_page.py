"""Every staff and portal page of the demo, opened in Chromium at 1366 and 360 px wide.

The pages are enumerated from the URL configuration (as tests/test_url_tenancy.py does), so a
new page is checked without being listed here. Each is screenshotted
(test-artifacts/screenshots/page-<width>-<route>.png) and fails the test when:
- a form control (input, select, textarea, button, a check box's label) overlaps another;
- a check box's or radio button's label is narrower than the longest word of its text;
- the page itself scrolls sideways;
- a table whose amounts come right after the name shows them off the screen;
- after a search, the first result is not on the first screen;
- axe-core finds an accessibility violation;
- the server answers with an error.
All failing pages are reported at once, with what went wrong on each.
"""

import re
import time
from pathlib import Path

import pytest
from axe_playwright_python.base import AXE_FILE_PATH
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import resolve, reverse

from localplan.budget.models import AgencyInvitation, AgencyProject, BudgetItem
from localplan.core import services
from localplan.core.models import AmendmentKind, EditionState, Membership, Organization, Role
from localplan.devplan.models import DevPlanEdition
from localplan.opsplan.models import OpsEdition, OpsEntry
from localplan.workflow.services.amendments import start_amendment
from tests.factories import MembershipFactory
from tests.test_url_tenancy import World, all_routes

WIDTHS = (1366, 360)
# axe-core runs at the desktop width, where the staff menu is open: colours, names and
# landmarks do not change with the width, and axe takes most of the time on long pages.
AXE_WIDTH = 1366
PAGE_CHECK = (Path(__file__).parent / "page_check.js").read_text()

# Routes that are not pages a person reads, and why. Everything else is opened.
NOT_PAGES = {
    "admin:": "Django's admin site, for superusers only",
    "api:": "the read-only JSON API and its generated docs",
    "set_language": "POST only: the language switch of the staff pages",
    "logout": "POST only: signing out",
    "landing": "a redirect to the member's organization home, checked as 'home'",
    "portal:language": "a redirect that sets the language cookie",
    "budget:checks_badge": "an htmx fragment inside the budget panel, checked in its pages",
    "favicon": "the site's icon, an image",
    "area_options": "an htmx fragment: the <option>s of a province's districts",
    "system_default_units": "an htmx fragment: the default units' text",
    "opsplan:entry_fill": "an htmx fragment of the entry form, checked within it",
    "strategy:guideline_options": "an htmx fragment: the <option>s of a strategy's guidelines",
    "opsplan:entry_months_edit": "POST only: months of many entries (GET goes to the plan)",
}
# File downloads: PDF, spreadsheets, CSV and JSON files (names or patterns ending so).
DOWNLOAD = re.compile(r"(\.(pdf|csv|xlsx|json)|\(\?P<fmt>[^)]*\)|/(pdf|xlsx)/)\$?$")
DOWNLOAD_NAME = re.compile(r"_(pdf|csv|xlsx|json|oc4ids|fdp|fdp_csv)$")
# Pages opened a second time with a search, where results must be seen without scrolling,
# (query, first result): the first result must be on the first screen.
SEARCHES = {
    "portal:index": ("?q=ผไทรินทร์", ".org-item"),
    "portal:ops_edition": ("?q=ถนน", "tr.entry-row"),
    "portal:dev_edition": ("?q=ถนน", "tr.entry-row"),
}
# Staff pages are opened by the demo planner, or by the first of these who may open them.
STAFF = ("planner", "orgadmin", "executive", "devcommittee", "council")
ANONYMOUS = re.compile(r"^(portal:|login$|set_password$|agency_submissions:)")
# The system administrator's pages are opened by a superuser the test makes.
SYSTEM = re.compile(r"^system_")
SYSTEM_ADMIN = "sysadmin"


def skip_reason(route) -> str | None:
    for prefix, reason in NOT_PAGES.items():
        if route.name == prefix or (prefix.endswith(":") and route.name.startswith(prefix)):
            return reason
    if DOWNLOAD.search(route.pattern) or DOWNLOAD_NAME.search(route.name):
        return "a file download"
    return None


class DemoWorld(World):
    """The demo organization's objects in place of the tenancy test's factories: an entry of
    an operational plan being drafted (or returned), a development-plan project in an open
    amendment, and the announced editions the portal shows."""

    def __init__(self, organization):
        self.organization = organization
        editions = OpsEdition.objects.filter(organization=organization).order_by("pk")
        editable = editions.filter(state__in=[EditionState.DRAFTING, EditionState.RETURNED])
        self.entry = (
            OpsEntry.objects.filter(edition__in=editable, agency__isnull=True)
            .order_by("pk")
            .first()
        )
        planner = Membership.objects.get(organization=organization, role=Role.PLANNER)
        announced_dev = DevPlanEdition.objects.get(
            organization=organization, state=EditionState.ANNOUNCED
        )
        draft_dev = start_amendment(
            edition=announced_dev,
            by=planner,
            kind=AmendmentKind.ADDITION,
            sequence_year=announced_dev.plan.first_fiscal_year + 1,
            reason="เพิ่มโครงการที่ประชาคมหมู่บ้านเสนอ",
        )
        self.project = draft_dev.projects.order_by("pk").first()
        self.member = Membership.objects.get(organization=organization, role=Role.UNIT_STAFF)
        self.budget_item = BudgetItem.objects.filter(document__organization=organization).first()
        self.agency_project = AgencyProject.objects.filter(organization=organization).first()
        self.invitation = AgencyInvitation.objects.create(
            organization=organization,
            agency=self.agency_project.agency,
            fiscal_year=2553,
            expires_on="2099-12-31",
        )
        self.announced_ops = editions.filter(state=EditionState.ANNOUNCED).first()
        self.announced_dev = announced_dev

    def kwargs_for(self, route) -> dict:
        if route.name == "set_password":
            newcomer = MembershipFactory(organization=self.organization, role=Role.PLANNER).user
            path = services.set_password_path(newcomer)
            return resolve(path).kwargs
        if SYSTEM.match(route.name):
            admin = Membership.objects.get(organization=self.organization, role=Role.ORG_ADMIN)
            values = {"slug": self.organization.slug, "pk": admin.pk}
            return {name: values[name] for name in route.kwargs}
        if route.name == "agency_submissions:submit":
            return {"token": self.invitation.token}
        if not route.name.startswith("portal:"):
            return super().kwargs_for(route)
        dev = route.name.startswith("portal:dev_")
        edition = self.announced_dev if dev else self.announced_ops
        rows = edition.projects if dev else edition.entries
        values = {
            "org": self.organization.slug,
            "edition_id": edition.pk,
            "code": rows.order_by("pk").first().code,
        }
        return {name: values[name] for name in route.kwargs}


def pages(world):
    """(name, url, reason to skip or None) of every route."""
    found = []
    for route in all_routes():
        reason = skip_reason(route)
        url = None if reason else reverse(route.name, kwargs=world.kwargs_for(route))
        found.append((route.name, url, reason))
        if route.name in SEARCHES:
            found.append((route.name + "-search", url + SEARCHES[route.name][0], None))
    return found


class SignedIn:
    """One browser page per demo user (None: a visitor) at one width, signed in once and
    reused from page to page, with axe-core loaded into every page."""

    def __init__(self, browser, server_url, width):
        self.browser, self.server_url, self.width = browser, server_url, width
        self.pages = {}

    def page(self, user):
        if user not in self.pages:
            context = self.browser.new_context(
                viewport={"width": self.width, "height": 800}, locale="th-TH"
            )
            context.add_init_script(path=str(AXE_FILE_PATH))
            page = context.new_page()
            if user:
                page.goto(f"{self.server_url}/accounts/login/")
                page.fill("#id_username", user)
                page.fill("#id_password", "demo1234")
                page.click("button[type=submit]")
                page.wait_for_load_state()
            self.pages[user] = page
        return self.pages[user]

    def close(self):
        for page in self.pages.values():
            page.context.close()


@pytest.fixture
def demo(transactional_db):
    call_command("load_demo", verbosity=0)
    return Organization.objects.get(slug="phairin")


@pytest.fixture
def system_admin(transactional_db):
    return get_user_model().objects.create_superuser(SYSTEM_ADMIN, password="demo1234")


def test_every_page_of_the_demo_looks_right_at_1366_and_360_px(
    demo, system_admin, live_server, browser, screenshot
):
    started = time.perf_counter()
    routes = pages(DemoWorld(demo))
    visits = [(name, url) for name, url, reason in routes if reason is None]
    results = {name + "-search": first for name, (query, first) in SEARCHES.items()}
    skipped = {name: reason for name, url, reason in routes if reason is not None}
    assert len(visits) > 60, "the URL enumeration found too few pages"
    problems = {}
    for width in WIDTHS:
        signed_in = SignedIn(browser, live_server.url, width)
        for name, url in visits:
            users = (None,) if ANONYMOUS.match(name) else STAFF
            for user in (SYSTEM_ADMIN,) if SYSTEM.match(name) else users:
                page = signed_in.page(user)
                response = page.goto(live_server.url + url)
                if response.status != 403:
                    break
            found = []
            if response.status >= 400:
                found.append(f"HTTP {response.status} for {user or 'a visitor'}")
            if "html" not in response.headers.get("content-type", ""):
                found.append("not an HTML page: add the route to NOT_PAGES with a reason")
            else:
                result = page.evaluate(
                    PAGE_CHECK, {"axe": width == AXE_WIDTH, "results": results.get(name)}
                )
                for kind in ("overlaps", "narrowLabels", "moneyOffScreen", "searchProblems"):
                    found += result[kind]
                found += result["violations"]
                if result["scrollWidth"] > width:
                    found.append(
                        f"the page scrolls sideways: {result['scrollWidth']} px wide; "
                        + "; ".join(result["stickingOut"])
                    )
                screenshot(page, f"page-{width}-{name.replace(':', '-')}")
            if found:
                problems[f"{name} at {width} px ({url})"] = found
        signed_in.close()

    print(f"\n{len(visits)} pages at {len(WIDTHS)} widths in {time.perf_counter() - started:.0f} s")
    by_reason = {}
    for name, reason in skipped.items():
        by_reason.setdefault(reason, []).append(name)
    for reason, names in by_reason.items():
        print(f"not opened, {reason}: {len(names)} routes: {', '.join(names[:8])}")
    report = "\n".join(
        f"{page}:\n" + "\n".join(f"  - {problem}" for problem in found)
        for page, found in problems.items()
    )
    assert not problems, f"{len(problems)} pages look wrong:\n{report}"


def _luminance(rgb: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(v) for v in re.findall(r"\d+", rgb)[:3])
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(one: str, other: str) -> float:
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_staff_menu_shows_keyboard_focus_against_its_green(demo, live_server, page, login):
    """axe-core does not look at focus: a keyboard user must see where they are in the menu
    (WCAG 2.4.7, a focus indicator of 3:1 against the bar)."""
    login(page, "planner", "demo1234")
    page.goto(f"{live_server.url}/o/phairin/")
    seen = []
    for _ in range(12):
        page.keyboard.press("Tab")
        ring = page.evaluate(
            """() => {
                const el = document.activeElement;
                if (!el.closest(".lp-navbar")) return null;
                const css = getComputedStyle(el);
                const bar = getComputedStyle(el.closest(".lp-navbar")).backgroundColor;
                return {text: el.innerText || el.tagName, style: css.outlineStyle,
                        width: parseFloat(css.outlineWidth), color: css.outlineColor, bar};
            }"""
        )
        if ring:
            seen.append(ring)
    assert len(seen) >= 6  # brand, the six menu items, language, sign out
    weak = [
        ring
        for ring in seen
        if ring["style"] == "none" or ring["width"] < 2 or contrast(ring["color"], ring["bar"]) < 3
    ]
    assert not weak
