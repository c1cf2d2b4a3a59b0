"""The forms of a development plan edition in one PDF: ผ.01, ผ.02, ผ.02/1 and ผ.02/2 where the
edition has such projects, and ผ.03."""

from __future__ import annotations

from localplan.devplan.models import DevPlanEdition, ProjectKind
from localplan.documents import queries
from localplan.documents.forms import p01, p02, p02_1, p02_2, p03
from localplan.documents.forms.common import base


def build(edition: DevPlanEdition) -> dict:
    projects = queries.plan_projects(edition)
    kinds = {project.kind for project in projects}
    data = base(edition, "dev-book", "dev_book")
    data["parts"] = [p01.build(edition, projects), p02.build(edition, projects)]
    if ProjectKind.COMMUNITY in kinds:
        data["parts"].append(p02_1.build(edition, projects))
    if ProjectKind.COORDINATION in kinds:
        data["parts"].append(p02_2.build(edition, projects))
    data["parts"].append(p03.build(edition, projects))
    return data
