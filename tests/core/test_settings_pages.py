from django.urls import reverse

from localplan.core.models import Unit, Village
from tests.factories import OpsEntryFactory, UnitFactory


def test_the_planner_adds_a_village_and_its_number_must_be_unique(org, planner_client):
    url = reverse("settings_item_new", kwargs={"org": org.slug, "kind": "villages"})
    assert planner_client.post(url, {"number": "3", "name": "หนองกระทิง"}).status_code == 302
    again = planner_client.post(url, {"number": "3", "name": "โคกเพชร"})
    assert again.status_code == 400
    assert Village.objects.count() == 1
    assert planner_client.post(url, {"number": "0", "name": "ศูนย์"}).status_code == 400


def test_a_unit_responsible_for_entries_cannot_be_deleted(org, planner_client):
    entry = OpsEntryFactory(
        organization=org, edition__plan__organization=org, unit=UnitFactory(organization=org)
    )
    url = reverse(
        "settings_item_delete", kwargs={"org": org.slug, "kind": "units", "pk": entry.unit_id}
    )
    response = planner_client.post(url)
    assert response.status_code == 409
    assert Unit.objects.filter(pk=entry.unit_id).exists()


def test_the_organization_switches_documents_to_thai_digits(org, planner_client):
    url = reverse("settings_edit", kwargs={"org": org.slug})
    data = {
        "name": org.name,
        "province_area": org.province_area_id,
        "district_area": org.district_area_id,
        "thai_digits_in_documents": "on",
    }
    assert planner_client.post(url, data).status_code == 302
    org.refresh_from_db()
    assert org.thai_digits_in_documents
    assert org.document_digits("พ.ศ. 2552") == "พ.ศ. ๒๕๕๒"


def test_an_unknown_list_is_not_found(org, planner_client):
    assert planner_client.get(f"/o/{org.slug}/settings/people/new/").status_code == 404


def test_the_landing_page_sends_staff_to_their_organization(planner, planner_client, client):
    assert planner_client.get(reverse("landing"))["Location"] == reverse(
        "home", kwargs={"org": planner.organization.slug}
    )
