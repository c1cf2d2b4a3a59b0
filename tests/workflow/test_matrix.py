"""Role × transition: every step succeeds for the role named for it and is refused with a
403 and a Thai message for every other role; nothing answers 500, a refusal changes nothing."""

import pytest
from django.urls import reverse

from localplan.core.models import EditionState, Role
from localplan.workflow.models import Transition
from tests.workflow.factories import bring_to, dev_plan_edition, operational_plan_like_fy2552

RESOLUTION = {"meeting_number": "3/2551", "meeting_date": "10/12/2551", "text": "มติ"}
RETURN = {"outcome": "return", "comments": "ให้แก้ไข"}

# (name, view, document, source state, POST data, the roles that may take it)
TRANSITIONS = [
    ("submit", "submit", "ops", EditionState.DRAFTING,
     {"submitted_on": "01/12/2551", "confirmed": "on"},
     {Role.PLANNER, Role.SUPPORT_COMMITTEE}),
    ("committee endorses", "committee", "ops", EditionState.IN_REVIEW,
     {**RESOLUTION, "outcome": "endorse"}, {Role.DEVELOPMENT_COMMITTEE}),
    ("committee returns", "committee", "ops", EditionState.IN_REVIEW,
     {**RESOLUTION, **RETURN}, {Role.DEVELOPMENT_COMMITTEE}),
    ("council approves", "council", "dev", EditionState.ENDORSED,
     {**RESOLUTION, "meeting_date": "15/12/2551", "outcome": "endorse"}, {Role.COUNCIL_SECRETARY}),
    ("council returns", "council", "dev", EditionState.ENDORSED,
     {**RESOLUTION, "meeting_date": "15/12/2551", **RETURN}, {Role.COUNCIL_SECRETARY}),
    ("executive approves", "decide", "ops", EditionState.ENDORSED,
     {"outcome": "endorse", "decided_on": "20/12/2551"}, {Role.EXECUTIVE}),
    ("executive returns", "decide", "ops", EditionState.ENDORSED,
     {"decided_on": "20/12/2551", **RETURN}, {Role.EXECUTIVE}),
    ("announce", "announce", "ops", EditionState.APPROVED,
     {"number": "45/2551", "announced_on": "25/12/2551", "posting_starts_on": "26/12/2551",
      "signer_name": "นายสมศักดิ์ ใจดี", "signer_title": "นายก อบต.", "confirmed": "1"},
     {Role.EXECUTIVE}),
    ("start amendment", "amend", "ops", EditionState.ANNOUNCED,
     {"kind": "change", "sequence_year": "2552", "reason": "ปรับงบประมาณ"},
     {Role.PLANNER, Role.SUPPORT_COMMITTEE}),
]  # fmt: skip


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize(
    "name, view, document, state, data, allowed", TRANSITIONS, ids=[t[0] for t in TRANSITIONS]
)
def test_only_the_named_role_takes_the_step(
    org, members, client, name, view, document, state, data, allowed, role
):
    if document == "ops":
        edition = operational_plan_like_fy2552(org, entries=3)
    else:
        edition = dev_plan_edition(org, projects=2)
    bring_to(edition, state, members)
    steps_before = Transition.objects.count()
    client.force_login(members[role].user)
    url = reverse(
        f"workflow:{view}",
        kwargs={"org": org.slug, "document": document, "edition_id": edition.pk},
    )
    response = client.post(url, data)
    edition.refresh_from_db()
    if role in allowed:
        assert response.status_code == 302, response.content.decode()[:2000]
        assert Transition.objects.count() > steps_before
    else:
        assert response.status_code == 403
        assert "ทำรายการนี้ไม่ได้" in response.content.decode()
        assert edition.state == state
        assert Transition.objects.count() == steps_before


def test_the_planner_sees_the_amendment_form_on_an_announced_edition(org, members, client):
    edition = operational_plan_like_fy2552(org, entries=3)
    bring_to(edition, EditionState.ANNOUNCED, members)
    client.force_login(members[Role.PLANNER].user)
    url = reverse(
        "workflow:amend", kwargs={"org": org.slug, "document": "ops", "edition_id": edition.pk}
    )
    page = client.get(url).content.decode()
    assert 'name="reason"' in page and 'id="not-waiting"' not in page
