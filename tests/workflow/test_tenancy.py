"""Every URL of the workflow, enumerated from its URLconf: anonymous → sign-in page,
another organization's member → 404, a role that may not take the step → 403 in Thai,
the right role → 200."""

import pytest
from django.urls import reverse

from localplan.core.models import EditionState, Role
from localplan.workflow import urls as workflow_urls
from localplan.workflow.services import start_amendment
from tests.factories import MembershipFactory
from tests.workflow.factories import bring_to

# URL name → the role that may open it (None: every member may read it)
WRITERS = {
    "submit": Role.PLANNER,
    "committee": Role.DEVELOPMENT_COMMITTEE,
    "council": Role.COUNCIL_SECRETARY,
    "decide": Role.EXECUTIVE,
    "announce": Role.EXECUTIVE,
    "amend": Role.PLANNER,
}
NAMES = [pattern.name for pattern in workflow_urls.urlpatterns]


@pytest.fixture
def urls(ops_edition, members):
    bring_to(ops_edition, EditionState.ANNOUNCED, members)
    amendment = start_amendment(
        edition=ops_edition,
        by=members[Role.PLANNER],
        kind="change",
        sequence_year=2552,
        reason="ปรับปรุงงบประมาณ",
    )
    org = ops_edition.organization.slug
    code = ops_edition.entries.first().plan_project.code
    edition = {"org": org, "document": "ops", "edition_id": ops_edition.pk}
    compare = {"org": org, "document": "ops", "old_id": ops_edition.pk, "new_id": amendment.pk}
    kwargs = {
        "compare": compare,
        "compare_pdf": compare,
        "compare_xlsx": compare,
        "project_trail": {"org": org, "code": code},
        "settings": {"org": org},
    }
    return {name: reverse(f"workflow:{name}", kwargs=kwargs.get(name, edition)) for name in NAMES}


def test_every_url_is_covered():
    assert set(NAMES) == {
        "submit",
        "committee",
        "council",
        "decide",
        "announce",
        "amend",
        "announced_pdf",
        "edition_trail",
        "compare_pick",
        "compare",
        "compare_pdf",
        "compare_xlsx",
        "project_trail",
        "settings",
    }


# One edition serves every URL of a test: the URLs are looped over, not parametrized.


def test_anonymous_visitors_are_sent_to_sign_in(client, urls):
    for name, url in urls.items():
        for response in (client.get(url), client.post(url, {})):
            assert response.status_code == 302, name
            assert response["Location"].startswith(reverse("login")), name


def test_another_organizations_members_get_404(client, urls, other_org):
    strangers = {role: MembershipFactory(organization=other_org, role=role) for role in Role}
    for name, url in urls.items():
        for stranger in strangers.values():
            client.force_login(stranger.user)
            assert client.get(url).status_code == 404, (name, stranger.role)
            assert client.post(url, {}).status_code == 404, (name, stranger.role)


def test_another_organizations_edition_under_ones_own_slug_is_404(client, urls, other_org, members):
    """A member of both organizations asks for org A's edition under org B's address."""
    member = members[Role.PLANNER]
    MembershipFactory(organization=other_org, user=member.user, role=Role.PLANNER)
    client.force_login(member.user)
    for name, url in urls.items():
        if name == "settings":
            continue
        foreign = url.replace(f"/o/{member.organization.slug}/", f"/o/{other_org.slug}/")
        assert client.get(foreign).status_code == 404, name


def test_a_role_that_may_not_take_the_step_gets_403(client, urls, members):
    for name, writer in WRITERS.items():
        for role in Role:
            if role == writer or (name in {"submit", "amend"} and role == Role.SUPPORT_COMMITTEE):
                continue
            client.force_login(members[role].user)
            for response in (client.get(urls[name]), client.post(urls[name], {})):
                assert response.status_code == 403, (name, role)
                assert "ทำรายการนี้ไม่ได้" in response.content.decode()


def test_the_right_role_opens_every_page(client, urls, members):
    for name, url in urls.items():
        role = WRITERS.get(name, Role.UNIT_STAFF if name != "settings" else Role.ORG_ADMIN)
        client.force_login(members[role].user)
        assert client.get(url).status_code == 200, name


def test_only_the_organization_admin_changes_the_approval_chains(client, urls, members):
    client.force_login(members[Role.PLANNER].user)
    response = client.post(urls["settings"], {"dev_original_committee_review": "on"})
    assert response.status_code == 403
