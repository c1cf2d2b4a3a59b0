"""Who takes which step, and in which order: the approval chain of an edition and the task
that waits on it in each state (domain.md §4 and §7).

Default chains (an organization changes them on its settings page, `ApprovalRule`):

| Document, kind | Development committee | Council |
|---|---|---|
| multi-year plan, original | yes | only for an อบต. |
| multi-year plan, เพิ่มเติม | yes | only for an อบต. |
| multi-year plan, เปลี่ยนแปลง | yes | no |
| any document, แก้ไข | no | no |
| operational plan, original | yes | no |
| operational plan, เพิ่มเติม / เปลี่ยนแปลง | no | no |

An addition or change marked as a special case (royal project, ceremony, government or
ministry policy) goes to the executive alone. The chain an edition follows is fixed when
it is submitted and recorded on that step, so a later change of settings does not reroute
an edition already under review.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from localplan.core.models import AmendmentKind, EditionState, OrganizationKind, Role
from localplan.workflow.models import Amendment, ApprovalRule, Document, edition_lookup


@dataclass(frozen=True)
class Chain:
    committee_review: bool
    council_approval: bool


EXECUTIVE_ALONE = Chain(committee_review=False, council_approval=False)


def default_chain(organization, document: str, kind: str) -> Chain:
    if kind == AmendmentKind.CORRECTION:
        return EXECUTIVE_ALONE
    if document == Document.OPSPLAN:
        return Chain(committee_review=kind == AmendmentKind.ORIGINAL, council_approval=False)
    council = organization.kind == OrganizationKind.SAO and kind in {
        AmendmentKind.ORIGINAL,
        AmendmentKind.ADDITION,
    }
    return Chain(committee_review=True, council_approval=council)


def configured_chain(organization, document: str, kind: str) -> Chain:
    rule = ApprovalRule.objects.filter(
        organization=organization, document=document, kind=kind
    ).first()
    if rule is None:
        return default_chain(organization, document, kind)
    return Chain(committee_review=rule.committee_review, council_approval=rule.council_approval)


def chain_for(edition, document: str) -> Chain:
    """The chain an edition would follow if it were submitted now."""
    if edition.kind in {AmendmentKind.ADDITION, AmendmentKind.CHANGE}:
        amendment = Amendment.objects.filter(**edition_lookup(edition)).first()
        if amendment is not None and amendment.special_case:
            return EXECUTIVE_ALONE
    return configured_chain(edition.organization, document, edition.kind)


class Task(models.TextChoices):
    """What someone must do next with an edition."""

    SUBMIT = "submit", _("เสนอร่างเพื่อพิจารณา")
    COMMITTEE_REVIEW = "committee", _("บันทึกมติคณะกรรมการพัฒนาท้องถิ่น")
    COUNCIL_REVIEW = "council", _("บันทึกมติสภาท้องถิ่น")
    EXECUTIVE_DECISION = "decide", _("ผู้บริหารพิจารณาอนุมัติ")
    ANNOUNCE = "announce", _("ประกาศใช้")
    START_AMENDMENT = "amend", _("จัดทำฉบับแก้ไข/เพิ่มเติม/เปลี่ยนแปลง")


TASK_ROLES = {
    Task.SUBMIT: (Role.PLANNER, Role.SUPPORT_COMMITTEE),
    Task.COMMITTEE_REVIEW: (Role.DEVELOPMENT_COMMITTEE,),
    Task.COUNCIL_REVIEW: (Role.COUNCIL_SECRETARY,),
    Task.EXECUTIVE_DECISION: (Role.EXECUTIVE,),
    Task.ANNOUNCE: (Role.EXECUTIVE,),
    Task.START_AMENDMENT: (Role.PLANNER, Role.SUPPORT_COMMITTEE),
}


def waiting_task(state: str, chain: Chain | None) -> Task | None:
    """The step an edition in this state waits for; None when nobody must act.
    `chain` is the one recorded at submission (needed only while under review)."""
    if state in {EditionState.DRAFTING, EditionState.RETURNED}:
        return Task.SUBMIT
    if state == EditionState.APPROVED:
        return Task.ANNOUNCE
    if state == EditionState.COUNCIL_APPROVED:
        return Task.EXECUTIVE_DECISION
    if chain is None:
        return None
    if state == EditionState.IN_REVIEW:
        if chain.committee_review:
            return Task.COMMITTEE_REVIEW
        return Task.COUNCIL_REVIEW if chain.council_approval else Task.EXECUTIVE_DECISION
    if state == EditionState.ENDORSED:
        return Task.COUNCIL_REVIEW if chain.council_approval else Task.EXECUTIVE_DECISION
    return None


def chain_states(chain: Chain) -> list[str]:
    """The states an edition passes through on its way to announcement."""
    states = [EditionState.DRAFTING, EditionState.IN_REVIEW]
    if chain.committee_review:
        states.append(EditionState.ENDORSED)
    if chain.council_approval:
        states.append(EditionState.COUNCIL_APPROVED)
    return [*states, EditionState.APPROVED, EditionState.ANNOUNCED]
