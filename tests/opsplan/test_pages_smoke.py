from django.urls import reverse

from tests.factories import MembershipFactory, OpsEntryFactory
from tests.helpers import visible_text


def test_the_planner_sees_the_edition_with_its_entries_and_total(db, member_client):
    entry = OpsEntryFactory()
    membership = MembershipFactory(organization=entry.organization)
    client = member_client(membership)
    url = reverse(
        "opsplan:edition", kwargs={"org": entry.organization.slug, "edition_id": entry.edition_id}
    )
    response = client.get(url)
    assert response.status_code == 200
    assert entry.name in visible_text(response)
    assert "100,000.00" in response.content.decode()
    home = client.get(reverse("home", kwargs={"org": entry.organization.slug}))
    assert home.status_code == 200
    assert "2552" in home.content.decode()
