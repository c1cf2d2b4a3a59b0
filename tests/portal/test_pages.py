"""The public pages: the index of organizations, an organization, an edition with its
groups, totals, filters and charts, an entry and a project; staff land at /o/."""

import re

import pytest
from django.urls import reverse

from localplan.core.models import AmendmentKind, EditionState
from tests.factories import MembershipFactory, OpsEditionFactory
from tests.helpers import visible_text
from tests.portal.factories import announced_operational_plan

pytestmark = pytest.mark.django_db


def edition_url(edition, **params):
    return reverse("portal:ops_edition", kwargs={"org": "phairin", "edition_id": edition.pk})


def test_the_index_lists_organizations_and_finds_them_by_name_or_province(
    client, announced, other_org
):
    page = client.get("/").content.decode()
    assert "องค์การบริหารส่วนตำบลผไทรินทร์" in page and "องค์การบริหารส่วนตำบลหนองกี่" in page
    found = client.get("/", {"q": "ผไทริน"}).content.decode()
    assert "ผไทรินทร์" in found and "หนองกี่" not in found
    assert "หนองกี่" in client.get("/", {"province": "บุรีรัมย์"}).content.decode()
    assert "ไม่พบองค์กร" in client.get("/", {"province": "เชียงใหม่"}).content.decode()


@pytest.mark.parametrize(
    "params", [{"q": "\x00"}, {"page": "-1"}, {"page": "abc"}, {"province": "x" * 500}]
)
def test_bad_input_on_the_index_is_no_error(client, announced, params):
    assert client.get("/", params).status_code == 200


def test_staff_see_a_link_to_their_organization_and_land_there_from_o(client, announced):
    planner = MembershipFactory(organization=announced.organization)
    client.force_login(planner.user)
    index = client.get("/")
    assert index.status_code == 200
    assert 'href="/o/phairin/"' in index.content.decode()
    assert client.get("/o/").url == "/o/phairin/"


def test_anonymous_people_at_o_are_asked_to_sign_in(client):
    assert client.get("/o/").url == "/accounts/login/"


def test_signing_in_lands_on_the_organization(client, announced):
    planner = MembershipFactory(organization=announced.organization)
    response = client.post(
        "/accounts/login/", {"username": planner.user.username, "password": "pass-1234"}
    )
    assert response.url == "/o/"


def test_the_organization_page_shows_current_and_past_editions(client, announced):
    amendment = OpsEditionFactory(
        plan=announced.plan, kind=AmendmentKind.CORRECTION, sequence=1, sequence_year=2552,
        state=EditionState.ANNOUNCED, based_on=announced,
    )  # fmt: skip
    announced.state = EditionState.SUPERSEDED
    announced.save()
    page = client.get("/p/phairin/").content.decode()
    assert f"/p/phairin/ops/{amendment.pk}/" in page
    assert "อ่านฉบับที่ใช้อยู่: แก้ไข ครั้งที่ 1/2552" in page
    assert f"/p/phairin/ops/{announced.pk}/" in page  # under ฉบับก่อนหน้า
    old = client.get(edition_url(announced)).content.decode()
    assert f"/p/phairin/ops/{amendment.pk}/" in old


def test_an_unknown_organization_is_not_found(client):
    assert client.get("/p/nowhere/").status_code == 404


def test_the_edition_page_groups_by_strategy_and_totals(client, announced):
    response = client.get(edition_url(announced))
    page, text = response.content.decode(), visible_text(response)
    assert 'id="grand-total">2,170,000.50<' in page
    assert 'data-strategy-total="1">1,870,000.50<' in page
    assert 'data-strategy-total="2">300,000.00<' in page
    assert (
        text.index("ยุทธศาสตร์ที่ 1")
        < text.index("1.1 ก่อสร้างถนน")
        < text.index("แผนงานอุตสาหกรรมและการโยธา")
    )
    assert page.count('class="month-cell on') == 3 + 2 + 12 + 3


@pytest.mark.parametrize(
    ("params", "count", "total"),
    [
        ({"strategy": "STRATEGY2"}, 1, "300,000.00"),
        ({"village": "VILLAGE3"}, 2, "1,620,000.50"),
        ({"unit": "WORKS"}, 2, "370,000.50"),
        ({"carried_out_by": "other"}, 1, "1,500,000.00"),
        ({"carried_out_by": "own", "q": "ถนน"}, 1, "250,000.00"),
    ],
)
def test_the_edition_page_filters(client, announced, params, count, total):
    ids = {
        "STRATEGY2": announced.entries.get(code="E0003").strategy_id,
        "VILLAGE3": announced.entries.get(code="E0002").villages.get().pk,
        "WORKS": announced.entries.get(code="E0001").unit_id,
    }
    query = {key: ids.get(value, value) for key, value in params.items()}
    page = client.get(edition_url(announced), query).content.decode()
    assert f'<strong id="entry-count">{count}</strong>' in page
    assert f'id="grand-total">{total}<' in page


@pytest.mark.parametrize(
    "params",
    [{"strategy": "abc"}, {"village": "999999999999999999999"}, {"q": "\x00"}, {"q": "ก" * 1000}],
)
def test_bad_filters_are_no_error(client, announced, params):
    assert client.get(edition_url(announced), params).status_code == 200


def test_the_charts_show_budget_by_strategy_and_village_and_projects_by_month(client, announced):
    page = client.get(edition_url(announced)).content.decode()
    strategy = page[page.index('id="chart-strategy"') : page.index('id="chart-village"')]
    assert "1,870,000.50" in strategy and "300,000.00" in strategy
    village = page[page.index('id="chart-village"') : page.index('id="chart-month"')]
    bars = dict(
        re.findall(r'class="chart-label">([^<]+)<.*?class="chart-number">([^<]+)<', village)
    )
    # A village counts the entries for it alone; the highway through villages 1 and 3 is in
    # the "several villages" bar, not in both: the bars add up to the plan's total.
    assert bars == {
        "หมู่ที่ 1 บ้านหนองบัว": "250,000.00",
        "หมู่ที่ 3 บ้านโคกเพชร": "120,000.50",
        "หลายหมู่บ้าน": "1,500,000.00",
        "ไม่ระบุหมู่บ้าน": "300,000.00",
    }
    assert "รวมทุกแถบเท่ากับงบประมาณรวม" in village
    month = page[page.index('id="chart-month"') :]
    counts = [int(n) for n in re.findall(r'class="chart-count">(\d+)<', month)]
    assert counts == [2, 2, 2, 2, 2, 1, 1, 2, 2, 2, 1, 1]


def test_the_edition_page_costs_the_same_queries_at_any_size(
    client, org, other_org, django_assert_max_num_queries
):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def url(edition):
        slug = edition.organization.slug
        return reverse("portal:ops_edition", kwargs={"org": slug, "edition_id": edition.pk})

    # An announced edition is frozen: the larger one is another organization's, 30 more rows.
    small_edition = announced_operational_plan(org)
    large_edition = announced_operational_plan(other_org, extra_entries=30)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url(small_edition)).status_code == 200
    cache.clear()
    with CaptureQueriesContext(connection) as large:
        assert client.get(url(large_edition)).status_code == 200
    assert large_edition.entries.count() == small_edition.entries.count() + 30
    assert len(large) == len(small)


def test_the_entry_page_shows_every_field_and_the_editions_it_is_in(client, announced):
    url = reverse(
        "portal:ops_entry", kwargs={"org": "phairin", "edition_id": announced.pk, "code": "E0002"}
    )
    response = client.get(url)
    page, shown = response.content.decode(), visible_text(response)
    for text in (
        "วางท่อระบายน้ำ คสล. หมู่ที่ 3", "ท่อขนาด 0.60 เมตร", "120,000.50", "กองช่าง",
        "หมู่ที่ 3 บ้านโคกเพชร", "ข้อบัญญัติ/เทศบัญญัติงบประมาณ", "เพื่อให้ประชาชนสัญจร",
        "แผนงานอุตสาหกรรมและการโยธา", "ยังไม่มีรายงานความก้าวหน้า",
    ):  # fmt: skip
        assert text in shown
    assert f"/p/phairin/ops/{announced.pk}/E0002/" in page
    assert page.count('<li class="on"') == 2


def test_the_development_plan_and_its_project_pages(client, announced, dev_edition):
    url = reverse("portal:dev_edition", kwargs={"org": "phairin", "edition_id": dev_edition.pk})
    page = client.get(url).content.decode()
    assert "แผนพัฒนาสามปี (พ.ศ. 2552–2554)" in page
    assert 'id="entry-count">3<' in page
    project = client.get(url + "P0001/").content.decode()
    assert "ถนนกว้าง 4 เมตร ยาว 200 เมตร" in project
    assert f"/p/phairin/ops/{announced.pk}/E0001/" in project  # carried out in the FY2552 plan


def test_the_language_link_sets_english_and_goes_back(client, announced):
    response = client.get("/p/language/en/", {"next": "/p/phairin/"})
    assert response.status_code == 302 and response.url == "/p/phairin/"
    assert b'lang="en"' in client.get("/p/phairin/").content


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/"])
def test_the_language_link_never_sends_people_elsewhere(client, target):
    assert client.get("/p/language/th/", {"next": target}).url == "/"


def test_an_unknown_language_is_not_found(client):
    assert client.get("/p/language/xx/").status_code == 404


def test_months_are_named_in_the_page_language(client, announced):
    thai = client.get(edition_url(announced)).content.decode()
    english = client.get(edition_url(announced), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'title="ตุลาคม 2551">ต.ค.</th>' in thai
    assert 'title="October B.E. 2551">Oct</th>' in english
    assert "ต.ค." not in english.split('id="chart-month"')[1].split("</figure>")[0]


def test_the_village_chart_names_its_buckets_in_the_page_language(announced):
    """ "ไม่ระบุหมู่บ้าน" and "หลายหมู่บ้าน" go through gettext (a catalogue entry is given
    here, so the test does not wait for the English catalogue)."""
    from django.utils import translation
    from django.utils.translation import trans_real

    from localplan.portal import charts
    from localplan.portal.queries import public_entries

    entries = public_entries(announced)
    with translation.override("en"):
        catalog = trans_real.translation("en")._catalog._catalogs[0]
        added = {"ไม่ระบุหมู่บ้าน": "No village named", "หลายหมู่บ้าน": "Several villages"}
        saved = {key: catalog.get(key) for key in added}
        catalog.update(added)
        try:
            labels = [bar.label for bar in charts.budget_by_village(entries)]
        finally:
            for key, value in saved.items():
                if value is None:
                    catalog.pop(key, None)
                else:
                    catalog[key] = value
    assert labels[-2:] == ["Several villages", "No village named"]
