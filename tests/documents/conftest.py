import io
from dataclasses import dataclass, field

import openpyxl
import pytest
from django.db import transaction

from localplan.documents.official import render_form
from tests.documents.factories import amendment_of, plan_world
from tests.factories import OrganizationFactory

OPS_CODES = ("pd01", "pd02", "pd02-1", "book")
DEV_CODES = ("p01", "p02", "p02-1", "p02-2", "p03", "book")


@dataclass
class Printed:
    """Every form of one world, rendered once per test module, with what the database says."""

    pdf: dict = field(default_factory=dict)  # ("ops", "pd02") -> bytes
    xlsx: dict = field(default_factory=dict)
    data: dict = field(default_factory=dict)  # ("ops", "pd02") -> builder data
    db: dict = field(default_factory=dict)  # facts read from the database directly

    def workbook(self, kind: str, code: str):
        return openpyxl.load_workbook(io.BytesIO(self.xlsx[kind, code]))


def print_world(org_kwargs: dict | None = None, **world_kwargs) -> Printed:
    from django.db.models import Count, Sum

    from localplan.devplan.models import ProjectBudget
    from localplan.documents.official import form_spec
    from localplan.opsplan.models import OpsEntry

    printed = Printed()
    org = OrganizationFactory(
        name="ผไทรินทร์",
        slug="phairin",
        executive_name="นายสมชาย ใจดี",
        **(org_kwargs or {}),
    )
    world = plan_world(org, **world_kwargs)
    amendment = amendment_of(world)
    editions = {"ops": world["ops_edition"], "dev": world["dev_edition"]}
    for kind, codes in (("ops", OPS_CODES), ("dev", DEV_CODES)):
        for code in codes:
            edition = editions[kind]
            printed.data[kind, code] = form_spec(code, edition).build(edition)
            printed.pdf[kind, code] = render_form(code, edition, "pdf")[2]
            printed.xlsx[kind, code] = render_form(code, edition, "xlsx")[2]
    printed.data["amendment", "p02"] = form_spec("p02", amendment["edition"]).build(
        amendment["edition"]
    )
    printed.pdf["amendment", "p02"] = render_form("p02", amendment["edition"], "pdf")[2]
    printed.pdf["ops", "announcement"] = render_form("announcement", editions["ops"], "pdf")[2]
    entries = OpsEntry.objects.filter(edition=editions["ops"])
    printed.db.update(
        entries=list(entries.values("name", "budget", "kind", "strategy__number")),
        by_strategy={
            row["strategy__number"]: (row["n"], row["total"])
            for row in entries.values("strategy__number").annotate(
                n=Count("id"), total=Sum("budget")
            )
        },
        total=entries.aggregate(total=Sum("budget"))["total"],
        count=entries.count(),
        projects=list(world["dev_edition"].projects.values("name", "kind", "reason")),
        budgets=list(
            ProjectBudget.objects.filter(project__edition=world["dev_edition"]).values(
                "project__name",
                "project__kind",
                "project__strategy__number",
                "fiscal_year",
                "amount",
            )
        ),
        amendment_projects=[(p.name, p.reason) for p in amendment["projects"]],
        fiscal_years=world["dev_edition"].plan.fiscal_years,
    )
    return printed


@pytest.fixture(scope="module")
def printed(django_db_setup, django_db_blocker) -> Printed:
    """Render every form once for the whole module; the data is rolled back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        result = print_world()
        transaction.set_rollback(True)
    return result
