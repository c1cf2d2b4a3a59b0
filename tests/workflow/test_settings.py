"""The organization's approval chains: defaults per domain.md §4, changed by its admin."""

import re

import pytest
from django.urls import reverse

from localplan.core.models import AmendmentKind, AuditLog, OrganizationKind, Role
from localplan.workflow import services
from localplan.workflow.models import ApprovalRule, Document
from localplan.workflow.rules import Chain, configured_chain, default_chain
from tests.factories import OrganizationFactory
from tests.workflow.factories import DAY


@pytest.mark.parametrize(
    "kind, document, organization_kind, chain",
    [
        (AmendmentKind.ORIGINAL, Document.DEVPLAN, OrganizationKind.SAO, Chain(True, True)),
        (AmendmentKind.ADDITION, Document.DEVPLAN, OrganizationKind.SAO, Chain(True, True)),
        (AmendmentKind.CHANGE, Document.DEVPLAN, OrganizationKind.SAO, Chain(True, False)),
        (AmendmentKind.CORRECTION, Document.DEVPLAN, OrganizationKind.SAO, Chain(False, False)),
        (
            AmendmentKind.ORIGINAL,
            Document.DEVPLAN,
            OrganizationKind.SUBDISTRICT_MUNICIPALITY,
            Chain(True, False),
        ),
        (AmendmentKind.ORIGINAL, Document.OPSPLAN, OrganizationKind.SAO, Chain(True, False)),
        (AmendmentKind.ADDITION, Document.OPSPLAN, OrganizationKind.SAO, Chain(False, False)),
    ],
)
def test_the_default_chains_follow_the_regulation(kind, document, organization_kind, chain):
    organization = OrganizationFactory.build(kind=organization_kind)
    assert default_chain(organization, document, kind) == chain


def test_the_organization_admin_adds_the_council_to_the_operational_plan(
    ops_edition, members, as_role
):
    org = ops_edition.organization
    url = reverse("workflow:settings", kwargs={"org": org.slug})
    client = as_role(Role.ORG_ADMIN)
    form = client.get(url).content.decode()
    assert re.search(r'name="ops_original_committee_review"[^>]*checked', form)
    assert not re.search(r'name="ops_original_council_approval"[^>]*checked', form)
    data = {
        f"{document}_{kind}_{part}": "on"
        for (document, kind), chain in {
            (d, k): configured_chain(org, d, k)
            for d in ("dev", "ops")
            for k in ("original", "addition", "change", "correction")
        }.items()
        for part in ("committee_review", "council_approval")
        if getattr(chain, part)
    }
    data["ops_original_council_approval"] = "on"
    assert client.post(url, data).status_code == 302
    assert ApprovalRule.objects.count() == 1  # only what differs from the default is stored
    assert configured_chain(org, "ops", "original") == Chain(True, True)
    assert AuditLog.objects.filter(model="workflow.approvalrule").count() == 1
    step = services.submit_edition(edition=ops_edition, by=members[Role.PLANNER], submitted_on=DAY)
    assert (step.committee_review, step.council_approval) == (True, True)


def test_a_resubmitted_edition_follows_the_chain_of_its_new_submission(ops_edition, members):
    """The chain is fixed at each submission: a change of settings applies from the next one."""
    first = services.submit_edition(edition=ops_edition, by=members[Role.PLANNER], submitted_on=DAY)
    services.save_approval_rules(
        by=members[Role.ORG_ADMIN], chains={("ops", "original"): Chain(True, True)}
    )
    assert (first.committee_review, first.council_approval) == (True, False)
    assert configured_chain(ops_edition.organization, "ops", "original") == Chain(True, True)


def test_only_the_organization_admin_saves_chains(ops_edition, members):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.save_approval_rules(
            by=members[Role.PLANNER], chains={("ops", "original"): Chain(False, False)}
        )
    assert not ApprovalRule.objects.exists()
