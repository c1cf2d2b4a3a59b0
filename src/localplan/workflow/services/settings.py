"""The organization's approval chains (who considers each kind of edition)."""

from __future__ import annotations

from django.db import transaction

from localplan.core.access import require_role
from localplan.core.audit import record
from localplan.core.models import AuditAction, Membership, Role
from localplan.workflow.models import ApprovalRule
from localplan.workflow.rules import Chain, configured_chain


@transaction.atomic
def save_approval_rules(*, by: Membership, chains: dict[tuple[str, str], Chain]) -> None:
    """Store the chain of each (document, kind); only the organization admin sets them."""
    require_role(by, (Role.ORG_ADMIN,))
    organization = by.organization
    for (document, kind), chain in chains.items():
        before = configured_chain(organization, document, kind)
        if before == chain:
            continue
        rule, _created = ApprovalRule.objects.get_or_create(
            organization=organization,
            document=document,
            kind=kind,
            defaults={
                "committee_review": chain.committee_review,
                "council_approval": chain.council_approval,
            },
        )
        rule.committee_review = chain.committee_review
        rule.council_approval = chain.council_approval
        rule.full_clean()
        rule.save()
        record(
            rule,
            AuditAction.UPDATE,
            {
                "committee_review": [before.committee_review, chain.committee_review],
                "council_approval": [before.council_approval, chain.council_approval],
            },
            user=by.user,
        )
