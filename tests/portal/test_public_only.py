"""Only announced (and superseded) editions are public: every portal URL and download, and
every API operation, answers 404 for a draft's id and never shows a draft's rows."""

import pytest
from django.urls import URLPattern, reverse

from localplan.core.models import EditionState
from localplan.portal import urls as portal_urls
from tests.portal.factories import (
    DRAFT_NAME,
    announced_operational_plan,
    draft_amendment,
    set_state,
)

pytestmark = pytest.mark.django_db

# Portal URL names and the arguments they take besides org and edition_id.
EDITION_URLS = {
    "ops_edition": {},
    "ops_entry": {"code": "E0001"},
    "dev_edition": {},
    "dev_project": {"code": "P0001"},
    **{f"{kind}_{fmt}": {} for kind in ("ops", "dev") for fmt in (
        "pdf", "csv", "xlsx", "json", "oc4ids", "fdp", "fdp_csv",
    )},
}  # fmt: skip
OTHER_URLS = {
    "index": {},
    "editions_index": {},
    "organization": {"org": "phairin"},
    "verify": {},
}
LANGUAGE_URL = "language"


def test_every_portal_url_is_covered_by_these_tests():
    names = {p.name for p in portal_urls.urlpatterns if isinstance(p, URLPattern)}
    assert names == set(EDITION_URLS) | set(OTHER_URLS) | {LANGUAGE_URL}


def _edition_for(name, announced, draft, which):
    if name.startswith("dev"):
        return _dev(announced) if which == "public" else draft.draft_dev
    return announced if which == "public" else draft


def _dev(announced):
    return announced.entries.get(code="E0001").plan_project.edition


@pytest.mark.parametrize("name", sorted(EDITION_URLS))
def test_a_drafts_id_in_any_public_url_is_not_found(client, announced, draft, name):
    public = _edition_for(name, announced, draft, "public")
    hidden = _edition_for(name, announced, draft, "draft")
    extra = EDITION_URLS[name]
    ok = client.get(
        reverse(f"portal:{name}", kwargs={"org": "phairin", "edition_id": public.pk, **extra})
    )
    assert ok.status_code == 200
    assert DRAFT_NAME.encode() not in ok.content
    missing = client.get(
        reverse(f"portal:{name}", kwargs={"org": "phairin", "edition_id": hidden.pk, **extra})
    )
    assert missing.status_code == 404
    assert DRAFT_NAME.encode() not in missing.content


@pytest.mark.parametrize(
    "state", [s for s in EditionState if s not in (EditionState.ANNOUNCED, EditionState.SUPERSEDED)]
)
def test_no_state_before_announcement_is_public(client, org, state):
    edition = announced_operational_plan(org, state=state)
    url = reverse("portal:ops_edition", kwargs={"org": "phairin", "edition_id": edition.pk})
    assert client.get(url).status_code == 404
    assert client.get(f"/api/v1/editions/ops/{edition.pk}").status_code == 404


@pytest.mark.parametrize("name", sorted(OTHER_URLS))
def test_lists_and_indexes_never_show_a_draft(client, announced, draft, name):
    response = client.get(reverse(f"portal:{name}", kwargs=OTHER_URLS[name]))
    assert response.status_code == 200
    assert DRAFT_NAME.encode() not in response.content
    assert f"/ops/{draft.pk}/".encode() not in response.content


def test_another_organizations_slug_does_not_reach_an_edition(client, announced, other_org):
    url = reverse("portal:ops_edition", kwargs={"org": other_org.slug, "edition_id": announced.pk})
    assert client.get(url).status_code == 404


def test_an_entry_code_only_in_a_draft_is_not_found(client, announced, draft):
    url = reverse(
        "portal:ops_entry", kwargs={"org": "phairin", "edition_id": announced.pk, "code": "E0099"}
    )
    assert client.get(url).status_code == 404


def test_a_plan_project_seen_only_in_a_draft_is_not_shown_beside_a_public_entry(client, org):
    """An announced entry may link to a project of a draft development plan; the page then
    shows none of that draft project's fields. (The link is made before the announcement:
    an announced entry is frozen.)"""
    announced = announced_operational_plan(org, state=EditionState.DRAFTING)
    draft = draft_amendment(announced)
    entry = announced.entries.get(code="E0001")
    secret = draft.draft_dev.projects.get(code="P0099")
    secret.objective = "วัตถุประสงค์ที่ยังเป็นร่าง"
    secret.save()
    entry.plan_project = secret
    entry.save()
    set_state(announced, EditionState.ANNOUNCED)
    url = reverse(
        "portal:ops_entry", kwargs={"org": "phairin", "edition_id": announced.pk, "code": "E0001"}
    )
    response = client.get(url)
    assert response.status_code == 200
    assert "วัตถุประสงค์ที่ยังเป็นร่าง" not in response.content.decode()


API_URLS = [
    "/api/v1/editions/ops/{ops}",
    "/api/v1/editions/ops/{ops}/entries",
    "/api/v1/editions/ops/{ops}/entries/E0001",
    "/api/v1/editions/dev/{dev}",
    "/api/v1/editions/dev/{dev}/projects",
    "/api/v1/editions/dev/{dev}/projects/P0001",
]


def test_every_api_operation_on_an_edition_is_covered_here():
    from localplan.api.api import api

    paths = api.get_openapi_schema()["paths"]
    with_edition = {p for p in paths if "{edition_id}" in p}
    covered = {
        u.replace("{ops}", "{edition_id}")
        .replace("{dev}", "{edition_id}")
        .replace("E0001", "{code}")
        .replace("P0001", "{code}")
        for u in API_URLS
    }
    assert with_edition == covered


@pytest.mark.parametrize("template", API_URLS)
def test_the_api_answers_404_for_a_drafts_id(client, announced, draft, template):
    dev = _dev(announced)
    ok = client.get(template.format(ops=announced.pk, dev=dev.pk))
    assert ok.status_code == 200
    assert DRAFT_NAME not in ok.content.decode()
    missing = client.get(template.format(ops=draft.pk, dev=draft.draft_dev.pk))
    assert missing.status_code == 404


@pytest.mark.parametrize(
    "url", ["/api/v1/editions", "/api/v1/organizations", "/api/v1/organizations/phairin"]
)
def test_api_lists_never_show_a_draft(client, announced, draft, url):
    response = client.get(url)
    assert response.status_code == 200
    body = response.json()
    assert DRAFT_NAME not in response.content.decode()
    if url == "/api/v1/editions":
        assert {(e["kind"], e["id"]) for e in body["items"]} == {
            ("ops", announced.pk),
            ("dev", _dev(announced).pk),
        }
