"""Less typing on the entry form: choosing a plan project fills the entry (htmx endpoint), and
the แนวทาง/กลยุทธ์ list follows the chosen strategy on the entry and plan-project forms."""

from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from localplan.devplan.models import ProjectBudget
from tests.factories import (
    AgencyFactory,
    DevPlanFactory,
    GuidelineFactory,
    MembershipFactory,
    OpsEditionFactory,
    OpsEntryFactory,
    PlanProjectFactory,
    StrategyFactory,
    UnitFactory,
    VillageFactory,
)


@pytest.fixture
def edition(org):
    return OpsEditionFactory(plan__organization=org, plan__fiscal_year=2553)


@pytest.fixture
def project(org):
    unit = UnitFactory(organization=org, name="กองช่าง")
    villages = [VillageFactory(organization=org, number=n) for n in (3, 5)]
    project = PlanProjectFactory(
        edition__plan__organization=org,
        name="โครงการก่อสร้างถนน คสล. สายบ้านนาดี",
        unit=unit,
        location="บ้านนาดี",
        target="ถนน คสล. กว้าง 4 ม. ยาว 220 ม.",
        budgets={2552: "150000", 2553: "880000.50", 2554: "0"},
    )
    project.villages.set(villages, through_defaults={"organization": org})
    return project


def fill_url(edition):
    return reverse(
        "opsplan:entry_fill", kwargs={"org": edition.organization.slug, "edition_id": edition.pk}
    )


def new_url(edition):
    return reverse(
        "opsplan:entry_new", kwargs={"org": edition.organization.slug, "edition_id": edition.pk}
    )


class FormReader(HTMLParser):
    """The controls of an HTML form: each select's attributes and options, each input's."""

    def __init__(self, html: str):
        super().__init__()
        self.selects: dict[str, dict] = {}
        self.inputs: list[dict] = []
        self.textareas: dict[str, str] = {}
        self._select = self._textarea = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = {name: value if value is not None else "" for name, value in attrs}
        if tag == "select":
            self._select = self.selects.setdefault(attrs.get("name"), {**attrs, "options": []})
        elif tag == "option" and self._select is not None:
            self._select["options"].append(attrs)
        elif tag == "input":
            self.inputs.append(attrs)
        elif tag == "textarea":
            self._textarea = attrs["name"]
            self.textareas[self._textarea] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.textareas[self._textarea] += data

    def options(self, name: str) -> list[str]:
        return [option["value"] for option in self.selects[name]["options"]]


def values(html: str) -> dict:
    """The value each field shows: text inputs, the selected option, the checked boxes."""
    form = FormReader(html)
    shown = {name: text.strip() for name, text in form.textareas.items()}
    for element in form.inputs:
        if element.get("type") == "text":
            shown[element["name"]] = element.get("value", "")
        elif element.get("type") in ("checkbox", "radio") and "checked" in element:
            shown.setdefault(element["name"], []).append(element["value"])
    for name, select in form.selects.items():
        chosen = [o["value"] for o in select["options"] if "selected" in o]
        shown[name] = chosen[0] if chosen else ""
    return shown


def test_choosing_a_plan_project_fills_the_entry_and_keeps_other_typing(
    edition, project, planner_client
):
    typed = {
        "carried_out_by": "own",
        "plan_project": project.pk,
        "name": "",
        "details": "",
        "budget": "",
        "budget_source": "accumulated",
        "months": ["4", "5"],
    }
    response = planner_client.get(fill_url(edition), typed)
    assert response.status_code == 200
    shown = values(response.content.decode())
    assert shown["name"] == project.name
    assert shown["unit"] == str(project.unit_id)
    assert shown["strategy"] == str(project.strategy_id)
    assert shown["guideline"] == str(project.guideline_id)
    assert shown["work_plan"] == str(project.work_plan_id)
    assert shown["location"] == "บ้านนาดี"
    assert sorted(shown["villages"]) == sorted(str(v.pk) for v in project.villages.all())
    assert shown["budget"] == "880,000.50"  # the plan project's budget of FY2553, not 2552's
    assert shown["details"] == "ถนน คสล. กว้าง 4 ม. ยาว 220 ม."
    # what the officer chose elsewhere stays
    assert shown["budget_source"] == "accumulated"
    assert shown["months"] == ["4", "5"]


def test_the_filled_fields_stay_editable_and_the_officers_text_is_saved(
    edition, project, planner_client
):
    data = {
        "carried_out_by": "own",
        "plan_project": project.pk,
        "name": "ก่อสร้างถนน คสล. สายบ้านนาดี ช่วงที่ 1",
        "details": "ช่วงที่ 1 ยาว 100 ม.",
        "budget": "400,000",
        "budget_source": "ordinance",
        "location": "บ้านนาดี หมู่ที่ 3",
        "unit": project.unit_id,
        "months": ["4"],
    }
    # the fill answers with what was typed for every field the project does not give …
    shown = values(planner_client.get(fill_url(edition), data).content.decode())
    assert shown["details"] == "ช่วงที่ 1 ยาว 100 ม."  # typed details are not replaced
    # … and the officer's own values are what is saved
    response = planner_client.post(new_url(edition), data)
    assert response.status_code == 302
    entry = edition.entries.get()
    assert (entry.name, entry.budget, entry.location) == (
        "ก่อสร้างถนน คสล. สายบ้านนาดี ช่วงที่ 1",
        Decimal("400000.00"),
        "บ้านนาดี หมู่ที่ 3",
    )


def test_a_project_without_a_budget_for_the_year_keeps_the_typed_budget(
    edition, org, planner_client
):
    project = PlanProjectFactory(edition__plan__organization=org, budgets={2552: "1000"})
    shown = values(
        planner_client.get(
            fill_url(edition), {"plan_project": project.pk, "budget": "12,000"}
        ).content.decode()
    )
    assert shown["budget"] == "12,000.00"
    assert shown["name"] == project.name


def test_a_project_of_another_organization_or_another_year_is_404(
    edition, org, other_org, planner_client
):
    theirs = PlanProjectFactory(edition__plan__organization=other_org)
    assert planner_client.get(fill_url(edition), {"plan_project": theirs.pk}).status_code == 404
    old_plan = DevPlanFactory(organization=org, first_fiscal_year=2549, last_fiscal_year=2551)
    old = PlanProjectFactory(edition__plan=old_plan, edition__organization=org)
    assert planner_client.get(fill_url(edition), {"plan_project": old.pk}).status_code == 404
    assert planner_client.get(fill_url(edition), {"plan_project": "x1"}).status_code == 404
    assert ProjectBudget.objects.filter(project=theirs).count() == 3  # nothing changed


def test_another_organizations_edition_is_404(edition, project, other_org, member_client):
    outsider = MembershipFactory(organization=other_org, role="org_admin")
    client = member_client(outsider)
    url = fill_url(edition).replace(f"/o/{edition.organization.slug}/", f"/o/{other_org.slug}/")
    assert client.get(url, {"plan_project": project.pk}).status_code == 404
    assert client.get(fill_url(edition), {"plan_project": project.pk}).status_code == 404


def test_the_entry_form_asks_htmx_to_fill_from_the_project(edition, planner_client):
    html = planner_client.get(new_url(edition)).content.decode()
    select = FormReader(html).selects["plan_project"]
    assert select["hx-get"] == fill_url(edition)
    assert select["hx-include"] == "closest form"
    assert select["hx-params"] == "not csrfmiddlewaretoken"
    assert "htmx.min.js" in html


# ---------------------------------------------------------------- dependent guideline list


def options_url(org):
    return reverse("strategy:guideline_options", kwargs={"org": org.slug})


@pytest.fixture
def two_strategies(org):
    first, second = StrategyFactory(organization=org), StrategyFactory(organization=org)
    return (
        first,
        second,
        [GuidelineFactory(strategy=first), GuidelineFactory(strategy=first)],
        [GuidelineFactory(strategy=second)],
    )


def option_values(html: str) -> list[str]:
    return FormReader(f"<select name='x'>{html}</select>").options("x")


def test_the_guideline_options_are_those_of_the_chosen_strategy(
    org, two_strategies, planner_client
):
    first, second, of_first, of_second = two_strategies
    html = planner_client.get(options_url(org), {"strategy": second.pk}).content.decode()
    assert option_values(html) == ["", str(of_second[0].pk)]
    html = planner_client.get(
        options_url(org), {"strategy": first.pk, "guideline": of_first[1].pk}
    ).content.decode()
    assert option_values(html) == ["", str(of_first[0].pk), str(of_first[1].pk)]
    assert values(f"<select name='x'>{html}</select>")["x"] == str(of_first[1].pk)
    everything = option_values(planner_client.get(options_url(org)).content.decode())
    assert len(everything) == 4


def test_a_strategy_of_another_organization_is_404(org, other_org, planner_client):
    theirs = StrategyFactory(organization=other_org)
    GuidelineFactory(strategy=theirs)
    assert planner_client.get(options_url(org), {"strategy": theirs.pk}).status_code == 404
    assert planner_client.get(options_url(org), {"strategy": "1;"}).status_code == 404


def test_the_entry_and_project_forms_list_the_strategys_guidelines_only(
    org, edition, two_strategies, planner_client
):
    first, second, of_first, of_second = two_strategies
    # the entry of another agency under the second strategy
    entry = OpsEntryFactory(
        edition=edition,
        plan_project=None,
        agency=AgencyFactory(organization=org),
        strategy=second,
        guideline=of_second[0],
    )
    form = FormReader(planner_client.get(entry.get_absolute_url()).content.decode())
    assert form.options("guideline") == ["", str(of_second[0].pk)]
    assert form.selects["strategy"]["hx-get"] == options_url(org)
    assert form.selects["strategy"]["hx-target"] == "#id_guideline"
    # the plan-project form does the same
    project = PlanProjectFactory(
        edition__plan__organization=org, strategy=first, guideline=of_first[0]
    )
    form = FormReader(planner_client.get(project.get_absolute_url()).content.decode())
    assert form.options("guideline") == ["", str(of_first[0].pk), str(of_first[1].pk)]


def test_a_guideline_of_another_strategy_is_still_refused_on_the_project_form(
    org, two_strategies, planner_client
):
    first, second, of_first, of_second = two_strategies
    project = PlanProjectFactory(
        edition__plan__organization=org, strategy=first, guideline=of_first[0]
    )
    data = {
        "kind": "development",
        "name": project.name,
        "strategy": first.pk,
        "guideline": of_second[0].pk,
        "work_plan": project.work_plan_id,
        f"budget_{project.edition.plan.first_fiscal_year}": "1000",
    }
    response = planner_client.post(project.get_absolute_url(), data)
    assert response.status_code == 400
    assert "ไม่ได้อยู่ภายใต้ยุทธศาสตร์ที่" in " ".join(response.context["form"].errors["guideline"])
    project.refresh_from_db()
    assert project.guideline == of_first[0]
    # the wrong choice is still shown, so the officer sees what to correct
    assert str(of_second[0].pk) in FormReader(response.content.decode()).options("guideline")
