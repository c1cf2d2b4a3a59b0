"""The staff pages' language switch is a button: a keyboard user moving through the menu
with the arrow keys does not reload the page (a select that submitted on change did)."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def home(client, planner):
    client.force_login(planner.user)
    return client.get(reverse("home", kwargs={"org": planner.organization.slug})).content.decode()


def language_form(page: str) -> str:
    return re.search(r'<form action="/i18n/setlang/".*?</form>', page, re.S).group(0)


def test_the_switch_is_a_button_to_the_other_language_and_submits_nothing_by_itself(
    client, planner
):
    form = language_form(home(client, planner))
    assert "<select" not in form and "onchange" not in form
    assert re.search(r'<button name="language" value="en" lang="en"[^>]*>English<', form)


def test_pressing_the_button_switches_to_english_and_back(client, planner):
    page = home(client, planner)
    next_url = re.search(r'name="next" type="hidden" value="([^"]+)"', page).group(1)
    answer = client.post("/i18n/setlang/", {"language": "en", "next": next_url})
    assert answer.status_code == 302 and answer["Location"] == next_url
    form = language_form(client.get(next_url).content.decode())
    assert re.search(r'<button name="language" value="th" lang="th"[^>]*>ไทย<', form)
