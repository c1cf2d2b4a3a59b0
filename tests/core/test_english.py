"""English through the language switch: every Thai msgid of the catalogue has an English
translation that keeps its placeholders, and the pages a person switches to English read in
English, while the official forms stay in Thai."""

import datetime
import io
import os
import re
import tempfile
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.conf import settings
from django.core.signals import setting_changed
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook

from localplan.budget.models import BudgetDocument, BudgetDocumentKind
from localplan.core.models import EditionState, OrganizationKind, Role
from localplan.core.templatetags.thai import (
    month_abbr,
    month_title,
    months_text,
    thai_date,
    thai_date_short,
)
from localplan.core.thai_calendar import fiscal_months, format_input_date
from localplan.documents.texts import default_announcement_body
from tests.factories import MembershipFactory, OrganizationFactory, VillageFactory
from tests.portal.factories import announced_operational_plan

CATALOGUE = Path(settings.LOCALE_PATHS[0]) / "en" / "LC_MESSAGES" / "django.po"
COMPILED = CATALOGUE.with_suffix(".mo")
# %(name)s, %(seconds).1f, %s and %%; a {{ variable }} would be a blocktranslate left unconverted.
PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[a-zA-Z%]|\{\{.*?\}\}|\{[^{}]*\}")
THAI = re.compile(r"[\u0e00-\u0e7f]")
FORM_CODE = re.compile(r"ผด?\.(?:\d\d(?:/\d)?)?")


def read_catalogue():
    with CATALOGUE.open("rb") as po:
        return read_po(po)


@pytest.fixture(scope="session", autouse=True)
def english_compiled():
    """The compiled catalogue, made from the .po when it is missing or older (a fresh clone
    has only the .po: .mo files are not committed)."""
    if COMPILED.exists() and COMPILED.stat().st_mtime >= CATALOGUE.stat().st_mtime:
        return
    buffer = io.BytesIO()
    write_mo(buffer, read_catalogue())
    # Write beside it and rename, so that a parallel worker never reads half a file.
    handle, temporary = tempfile.mkstemp(dir=COMPILED.parent, suffix=".mo.tmp")
    with os.fdopen(handle, "wb") as mo:
        mo.write(buffer.getvalue())
    os.chmod(temporary, 0o644)
    os.replace(temporary, COMPILED)
    # Forget any catalogue Django loaded before the file was there.
    setting_changed.send(
        sender=None, setting="LOCALE_PATHS", value=settings.LOCALE_PATHS, enter=True
    )


def messages():
    return [message for message in read_catalogue() if message.id]


def message_name(message) -> str:
    return message.id[0] if isinstance(message.id, tuple) else message.id


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


# ---------------------------------------------------------------- the catalogue


def test_the_catalogue_has_the_thai_msgids_of_the_project():
    ids = {message_name(message) for message in messages()}
    assert len(ids) > 300
    assert {"แผนการดำเนินงาน", "ยุทธศาสตร์", "%(counter)s โครงการ"} <= ids
    # Thai msgids; names that read the same in both languages are the only exceptions.
    assert {name for name in ids if not THAI.search(name)} <= {
        "English",
        "Excel",
        "%(kind)s%(name)s",
        "%(field)s: %(reason)s",
    }


@pytest.mark.parametrize("message", messages(), ids=message_name)
def test_every_msgid_has_an_english_translation_with_the_same_placeholders(message):
    assert not message.fuzzy
    if isinstance(message.id, tuple):
        singular, plural = message.id
        assert len(message.string) == 2
        pairs = [(singular, message.string[0]), (plural, message.string[1])]
    else:
        pairs = [(message.id, message.string)]
    for thai, english in pairs:
        assert english.strip(), "no translation"
        # Form codes stay as printed (ผด.02, ผ.03), and so do examples of what the officer
        # types ("e.g. ถนน (road)").
        assert not THAI.search(FORM_CODE.sub("", english)) or "e.g." in english, english
        assert placeholders(english) == placeholders(thai)


def test_the_catalogue_is_tidy():
    catalogue = read_catalogue()
    assert not catalogue.obsolete
    assert catalogue.locale.language == "en"
    assert catalogue.plural_forms == "nplurals=2; plural=(n != 1);"


def test_placeholders_are_found():
    """The placeholder check can fail: it sees a dropped or renamed placeholder."""
    thai = "โหลดเสร็จใน %(seconds).1f วินาที %(password)s"
    assert placeholders(thai) == ["%(password)s", "%(seconds).1f"]
    assert placeholders("Loaded in %(seconds).1f seconds") != placeholders(thai)
    assert placeholders("Loaded in %(second).1f seconds %(password)s") != placeholders(thai)


# ---------------------------------------------------------------- pages in English

NAVIGATION = re.compile(r'<ul class="navbar-nav[^"]*">(.*?)</ul>', re.S)


def switch_to_english(client, next_url: str):
    response = client.post("/i18n/setlang/", {"language": "en", "next": next_url})
    assert response.status_code == 302
    assert response.url == next_url
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"


def text_of(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def edition(org):
    """The announced FY2552 operational plan: four entries under two strategies."""
    return announced_operational_plan(org)


@pytest.fixture
def member(org):
    return MembershipFactory(organization=org, role=Role.DEVELOPMENT_COMMITTEE)


def test_staff_home_page_in_english(client, member_client, member, edition):
    client = member_client(member)
    home = reverse("home", kwargs={"org": "phairin"})
    thai = text_of(client.get(home))
    assert "แผนการดำเนินงาน" in thai

    switch_to_english(client, home)
    page = text_of(client.get(home))
    assert '<html lang="en">' in page
    assert ">Operational plan</h2>" in page
    assert ">Development plan</h2>" in page
    assert "ผไทรินทร์ Subdistrict Administrative Organization (SAO)" in page
    navigation = NAVIGATION.search(page).group(1)
    assert not THAI.search(navigation), navigation
    for link in ("Home", "Strategy", "Development plan", "Operational plan", "Organization"):
        assert f">{link}</a>" in navigation
    assert ">Sign out</button>" in page


def test_operational_plan_edition_page_in_english(client, member_client, member, edition):
    client = member_client(member)
    url = edition.get_absolute_url()
    switch_to_english(client, url)
    page = text_of(client.get(url))
    assert "Operational plan for fiscal year B.E. 2552</h1>" in page
    assert "Original edition" in page and "Announced" in page
    assert "<strong>4</strong> projects" in page
    assert "Strategy 1 " in page and "Grand total (4 projects)" in page
    assert "(1 project)" in page or "(3 projects)" in page
    assert not THAI.search(NAVIGATION.search(page).group(1))
    assert not re.search(r"ครั้งที่|แผนการดำเนินงาน|รวมทั้งสิ้น|ยุทธศาสตร์ที่", page)
    # Whole column heads, and the months of the fiscal year in English.
    assert ">Location</th>" in page and "Responsible<br>unit</th>" in page
    assert "of work" not in page and "responsible</th>" not in page
    assert 'title="October B.E. 2551">Oct</th>' in page and ">Sep</th>" in page
    assert not re.search(r">(ต\.ค\.|ก\.ย\.)<", page)


def test_portal_index_in_english(client, org, edition):
    switch_to_english(client, "/")
    page = text_of(client.get("/"))
    assert "Development plans and operational plans of local governments</h1>" in page
    assert "1 organization found" in page
    assert "1 operational plan edition" in page
    # The Thai name in the English one is marked as Thai (for screen readers).
    assert '<span lang="th">ผไทรินทร์</span> Subdistrict Administrative Organization (SAO)' in page
    header = re.search(r"<header.*?</header>", page, re.S).group(0)
    # Only the way back to Thai is written in Thai, marked as such.
    header = header.replace('lang="th" href="/p/language/th/?next=/">ไทย</a>', "")
    assert not THAI.search(header), header
    assert "Staff sign-in" in header


def test_thai_stays_the_default(client, org, edition):
    page = text_of(client.get("/"))
    assert '<html lang="th">' in page
    assert "แผนพัฒนาและแผนการดำเนินงานขององค์กรปกครองส่วนท้องถิ่น" in page
    assert "องค์การบริหารส่วนตำบลผไทรินทร์" in page


def test_the_review_of_a_plan_in_english(client, member_client, planner, org):
    """What waits for the planner, the step's page, its message and the history it leaves."""
    edition = announced_operational_plan(org, state=EditionState.DRAFTING)
    client = member_client(planner)
    home = reverse("home", kwargs={"org": "phairin"})
    switch_to_english(client, home)
    page = text_of(client.get(home))
    waiting = re.search(r'aria-labelledby="home-waiting">(.*?)</section>', page, re.S).group(1)
    assert "What needs my action" in waiting and "Submit the draft for review: <strong>1" in waiting
    assert "Operational plan for fiscal year B.E. 2552 · Original edition" in waiting
    assert not THAI.search(waiting), waiting

    url = reverse(
        "workflow:submit", kwargs={"org": "phairin", "document": "ops", "edition_id": edition.pk}
    )
    page = text_of(client.get(url))
    assert "<h1>Submit the draft for review</h1>" in page
    assert "Date submitted" in page and "Note to the reviewers" in page
    assert ">Submit the draft for review</button>" in page
    today = timezone.localdate()
    response = client.post(
        url, {"submitted_on": format_input_date(today), "confirmed": "on"}, follow=True
    )
    page = text_of(response)
    assert "Step recorded: “Submit the draft for review”" in page
    assert "Submitted to the local development committee" in page
    # The step done reads as done, its date in English with the Buddhist era kept.
    assert (
        f"{thai_english(today)}</span> ·\n          <strong>Submitted for review</strong>" in page
    )


def thai_english(day) -> str:
    with translation.override("en"):
        return thai_date(day)


# ---------------------------------------------------------------- dates, months and names

CHRISTMAS_2551 = datetime.date(2008, 12, 25)


def test_dates_read_thai_on_a_thai_page_and_keep_the_buddhist_era_in_english():
    with translation.override("th"):
        assert thai_date(CHRISTMAS_2551) == "25 ธันวาคม 2551"
        assert thai_date_short(CHRISTMAS_2551) == "25 ธ.ค. 2551"
    with translation.override("en"):
        assert thai_date(CHRISTMAS_2551) == "25 December B.E. 2551 (2008)"
        assert thai_date_short(datetime.datetime(2008, 12, 25, 14, 3)) == "25 Dec B.E. 2551"
        assert thai_date(None) == thai_date_short(None) == ""


def test_the_months_of_a_fiscal_year_follow_the_page_language():
    october, january = fiscal_months(2552)[0], fiscal_months(2552)[3]
    with translation.override("th"):
        assert (month_abbr(october), month_title(january)) == ("ต.ค.", "มกราคม 2552")
        assert months_text(0b1001) == "ต.ค., ม.ค."
    with translation.override("en"):
        assert (month_abbr(october), month_title(january)) == ("Oct", "January B.E. 2552")
        assert months_text(0b1001) == "Oct, Jan"
        assert months_text(0) == ""


def test_a_village_and_a_budget_are_named_in_the_page_language(org):
    village = VillageFactory(organization=org, number=3, name="โคกเพชร")
    annual = BudgetDocument(organization=org, fiscal_year=2553, kind=BudgetDocumentKind.ANNUAL)
    town = OrganizationFactory(kind=OrganizationKind.TOWN_MUNICIPALITY)
    added = BudgetDocument(
        organization=town, fiscal_year=2553, kind=BudgetDocumentKind.ADDITIONAL, sequence=2
    )
    with translation.override("th"):
        assert str(village) == "หมู่ที่ 3 บ้านโคกเพชร"
        assert annual.title == "ข้อบัญญัติงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2553"
        assert added.title == "เทศบัญญัติงบประมาณรายจ่ายเพิ่มเติม (ฉบับที่ 2) ประจำปีงบประมาณ พ.ศ. 2553"
    with translation.override("en"):
        assert str(village) == "Moo 3, โคกเพชร Village"
        assert annual.title == "Annual budget ordinance for fiscal year B.E. 2553"
        assert added.title == (
            "Supplementary municipal budget ordinance no. 2 for fiscal year B.E. 2553"
        )


def test_form_titles_put_the_name_of_the_thing_in_lower_case(client, member_client, org):
    admin = MembershipFactory(organization=org, role=Role.ORG_ADMIN)
    client = member_client(admin)
    strategy = reverse("strategy:item_new", kwargs={"org": "phairin", "kind": "strategy"})
    village = reverse("settings_item_new", kwargs={"org": "phairin", "kind": "villages"})
    switch_to_english(client, strategy)
    assert "<h1>Add strategy</h1>" in text_of(client.get(strategy))
    assert "<h1>Add village</h1>" in text_of(client.get(village))


# ---------------------------------------------------------------- official forms stay Thai


def test_a_form_downloaded_in_english_is_in_thai(client, member_client, member, edition):
    client = member_client(member)
    url = reverse(
        "documents:download",
        kwargs={
            "org": "phairin",
            "kind": "ops",
            "edition_id": edition.pk,
            "code": "pd02",
            "fmt": "xlsx",
        },
    )
    switch_to_english(client, "/")
    response = client.get(url)
    assert response.status_code == 200
    cells = [
        str(value)
        for sheet in load_workbook(io.BytesIO(response.content)).worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    ]
    text = " ".join(cells)
    assert "องค์การบริหารส่วนตำบลผไทรินทร์" in text
    assert not re.search(r"Subdistrict|Operational plan|Strategy|Original edition", text)


def test_the_default_announcement_text_is_thai_in_english(edition):
    with translation.override("en"):
        body = default_announcement_body(edition)
    assert "องค์การบริหารส่วนตำบลผไทรินทร์" in body
    assert "Subdistrict" not in body and "Operational plan" not in body
