"""ผ.02/1 รายละเอียดโครงการพัฒนา สำหรับโครงการจากแผนชุมชน: ผ.02's columns."""

from localplan.devplan.models import DevPlanEdition, PlanProject, ProjectKind
from localplan.documents.forms import p02


def build(edition: DevPlanEdition, projects: list[PlanProject] | None = None) -> dict:
    return p02.build(edition, projects, kind=ProjectKind.COMMUNITY, form="p02-1")
