"""Every write of the workflow: the steps of an edition (transitions) and amendments."""

from localplan.workflow.services.amendments import start_amendment, submission_problems
from localplan.workflow.services.settings import save_approval_rules
from localplan.workflow.services.transitions import (
    announce_edition,
    approve_edition,
    check_announcement,
    record_committee_resolution,
    record_council_resolution,
    return_edition,
    submit_edition,
)

__all__ = [
    "announce_edition",
    "approve_edition",
    "check_announcement",
    "record_committee_resolution",
    "record_council_resolution",
    "return_edition",
    "save_approval_rules",
    "start_amendment",
    "submission_problems",
    "submit_edition",
]
