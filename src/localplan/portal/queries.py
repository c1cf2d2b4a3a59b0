"""What the public may read: announced (and later superseded) editions and their rows.

Every portal page, download and API operation reaches plan data through `public_editions`
(or `public_edition`, which uses it); rows are read only for an edition that came from it.
Drafts, returned drafts, committee comments and the audit log are never read here.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404

from localplan.core.models import PUBLIC_STATES, EditionState, Organization
from localplan.devplan.models import DevPlanEdition, PlanProject
from localplan.devplan.queries import projects_of
from localplan.opsplan.models import OpsEdition, OpsEntry, OpsEntryVillage
from localplan.opsplan.queries import entries_of
from localplan.portal.search import search
from localplan.workflow import deadlines
from localplan.workflow import queries as workflow_queries
from localplan.workflow.models import Announcement

OPS, DEV = "ops", "dev"
# Plain strings: psycopg looks up an adapter for every enum member it is given, slowly.
PUBLIC_STATE_VALUES = sorted(state.value for state in PUBLIC_STATES)
EDITION_MODELS = {OPS: OpsEdition, DEV: DevPlanEdition}


def public_editions(kind: str, *, organization: Organization | None = None) -> QuerySet:
    """Announced and superseded editions of one kind ("ops" or "dev"), newest plan first."""
    model = EDITION_MODELS[kind]
    editions = model.objects.filter(state__in=PUBLIC_STATE_VALUES).select_related(
        "plan", "organization"
    )
    if organization is not None:
        editions = editions.filter(organization=organization)
    order = "-plan__fiscal_year" if kind == OPS else "-plan__first_fiscal_year"
    return editions.order_by(order, "-created_at", "-id")


def public_edition(kind: str, *, organization_slug: str, edition_id: int):
    """One public edition of an organization; 404 for a draft, another organization's
    edition, or none at all — the same answer, so a draft's existence is not revealed."""
    edition = (
        public_editions(kind).filter(organization__slug=organization_slug, pk=edition_id).first()
    )
    if edition is None:
        raise Http404
    return edition


STAMP_SECONDS = 5


def stamp_cache_key(kind: str, edition_id: int) -> str:
    return f"portal:stamp:{kind}:{edition_id}"


def forget_stamp(kind: str, edition_id: int) -> None:
    cache.delete(stamp_cache_key(kind, edition_id))


def public_edition_stamp(kind: str, *, organization_slug: str, edition_id: int) -> str:
    """What a public edition's cached pages depend on ("announced:2026-01-01T…"); 404 as
    `public_edition`. One small query, remembered for a few seconds: a change of state is
    forgotten at once in this process (signals) and within STAMP_SECONDS in the others."""
    key = stamp_cache_key(kind, edition_id)
    remembered = cache.get(key)
    if remembered is None:
        remembered = _read_stamp(kind, edition_id)
        cache.set(key, remembered, timeout=STAMP_SECONDS)
    slug, stamp = remembered
    if stamp is None or slug != organization_slug:
        raise Http404
    return stamp


def _read_stamp(kind: str, edition_id: int) -> tuple[str | None, str | None]:
    found = (
        public_editions(kind)
        .filter(pk=edition_id)
        .order_by()
        .values_list("organization__slug", "state", "updated_at")
        .first()
    )
    if found is None:
        return None, None
    slug, state, updated_at = found
    return slug, f"{state}:{updated_at.isoformat() if updated_at else ''}"


def require_public(edition) -> None:
    """Rows are read only for a public edition: a guard against a caller that skipped
    `public_editions`."""
    if edition.state not in PUBLIC_STATES:
        raise Http404


def public_organization(slug: str) -> Organization:
    organization = Organization.objects.filter(slug=slug).first()
    if organization is None:
        raise Http404
    return organization


def organizations(
    *, text: str = "", province: str = "", district: str = ""
) -> QuerySet[Organization]:
    """Organizations for the public index with their number of public editions."""
    found = Organization.objects.all()
    if text:
        found = found.filter(
            Q(name__icontains=text)
            | Q(province__icontains=text)
            | Q(district__icontains=text)
            | Q(subdistrict__icontains=text)
        )
    if province:
        found = found.filter(province=province)
    if district:
        found = found.filter(district=district)
    # Correlated counts, not joins, so that the two kinds do not multiply each other.
    return found.annotate(public_ops=_public_count(OPS), public_dev=_public_count(DEV)).order_by(
        "province", "district", "name"
    )


def _public_count(kind: str) -> Subquery:
    editions = public_editions(kind).filter(organization=OuterRef("pk")).order_by()
    counted = editions.values("organization").annotate(n=Count("id")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def provinces() -> list[str]:
    return list(
        Organization.objects.order_by("province").values_list("province", flat=True).distinct()
    )


@dataclass
class PublicPlan:
    plan: object
    current: object | None  # the announced edition in force
    past: list = field(default_factory=list)  # superseded editions, newest first
    deadlines: list = field(default_factory=list)  # met, missed or still open


def plans_of(kind: str, organization: Organization, today) -> list[PublicPlan]:
    """The organization's plans of one kind that have a public edition, newest first, each
    with the deadlines of its announcements (as of `today`)."""
    plans: dict[int, PublicPlan] = {}
    editions = list(public_editions(kind, organization=organization))
    announcements = announcements_by_edition(kind, editions)
    for edition in editions:
        edition.plan.organization = organization
        entry = plans.setdefault(edition.plan_id, PublicPlan(plan=edition.plan, current=None))
        if edition.state == EditionState.ANNOUNCED and entry.current is None:
            entry.current = edition
        else:
            entry.past.append(edition)
    for entry in plans.values():
        entry.deadlines = _plan_deadlines(kind, entry, announcements, today)
    return list(plans.values())


def _plan_deadlines(kind: str, entry: PublicPlan, announcements: dict, today) -> list:
    """The operational plan's 30 days from the budget ordinance (domain.md §5), then, for
    each announcement oldest first, posting within 15 days (§7)."""
    editions = [entry.current, *entry.past] if entry.current else entry.past
    announced = sorted(
        (announcements[e.pk] for e in editions if e.pk in announcements),
        key=lambda a: (a.announced_on, a.pk),
    )
    found = []
    if kind == OPS:
        first_on = announced[0].announced_on if announced else None
        plan_deadline = deadlines.operational_plan_deadline(entry.plan, first_on, today)
        if plan_deadline is not None:
            found.append(plan_deadline)
    for announcement in announced:
        found.append(deadlines.posting_deadlines(announcement, today)[0])
    return found


def announcements_by_edition(kind: str, editions) -> dict[int, Announcement]:
    """The announcements of public editions of one kind, by edition id, without their PDF."""
    field_name = f"{kind}_edition"
    ids = [edition.pk for edition in editions if edition.state in PUBLIC_STATES]
    found = Announcement.objects.filter(**{f"{field_name}__in": ids}).defer("pdf")
    by_edition = {getattr(a, f"{field_name}_id"): a for a in found}
    for edition in editions:
        if edition.pk in by_edition:
            setattr(by_edition[edition.pk], field_name, edition)
    return by_edition


def public_announcement(kind: str, edition, *, with_pdf: bool = False) -> Announcement | None:
    """The announcement of a public edition; the stored PDF is read only when asked for."""
    require_public(edition)
    found = Announcement.objects.filter(**{f"{kind}_edition": edition})
    if not with_pdf:
        found = found.defer("pdf")
    return found.first()


def announcement_by_sha256(hexdigest: str) -> Announcement | None:
    """The announcement whose stored PDF has this SHA-256, if its edition is public (every
    announced edition is, announced or later superseded: this only guards)."""
    found = workflow_queries.announcement_by_sha256(hexdigest)
    if found is None or found.edition.state not in PUBLIC_STATES:
        return None
    return found


def current_public_edition(edition):
    """The edition now in force in the same plan (itself unless it was superseded)."""
    if edition.state == EditionState.ANNOUNCED:
        return edition
    kind = OPS if isinstance(edition, OpsEdition) else DEV
    return (
        public_editions(kind, organization=edition.organization)
        .filter(plan=edition.plan_id, state=EditionState.ANNOUNCED)
        .first()
    )


# ---------------------------------------------------------------- rows of a public edition


def entry_text(entry: OpsEntry) -> str:
    villages = " ".join(str(village) for village in getattr(entry, "public_villages", []))
    return " ".join(
        [entry.name, entry.details, entry.location, entry.responsible, entry.code, villages]
    )


def public_entries(edition: OpsEdition, filters: dict | None = None) -> list[OpsEntry]:
    """The entries of a public edition in form order, each with `month_cells` and
    `public_villages`; `filters` as `opsplan.queries.entries_of` plus "q" for word search."""
    require_public(edition)
    filters = dict(filters or {})
    text = filters.pop("q", "")
    entries = entries_of(edition, filters)
    villages = defaultdict(list)
    links = OpsEntryVillage.objects.filter(
        organization=edition.organization, opsentry__edition=edition
    ).select_related("village")
    for link in links.order_by("village__number"):
        villages[link.opsentry_id].append(link.village)
    project_ids = {entry.plan_project_id for entry in entries if entry.plan_project_id}
    codes = dict(
        PlanProject.objects.filter(
            organization=edition.organization, pk__in=project_ids
        ).values_list("pk", "code")
    )
    for entry in entries:
        entry.public_villages = villages[entry.pk]
        entry.plan_project_code = codes.get(entry.plan_project_id)
    return search(entries, text, entry_text) if text else entries


def project_text(project: PlanProject) -> str:
    villages = " ".join(str(village) for village in project.villages.all())
    return " ".join(
        [project.name, project.objective, project.target, project.location, project.code, villages]
    )


def public_projects(edition: DevPlanEdition, filters: dict | None = None) -> list[PlanProject]:
    require_public(edition)
    filters = dict(filters or {})
    text = filters.pop("q", "")
    projects = projects_of(edition, filters)
    return search(projects, text, project_text) if text else projects


def public_entry(edition: OpsEdition, code: str) -> OpsEntry:
    require_public(edition)
    entry = (
        OpsEntry.objects.filter(organization=edition.organization, edition=edition, code=code)
        .select_related(
            "strategy",
            "guideline__strategy",
            "work_plan",
            "unit",
            "agency",
            "plan_project__edition",
        )
        .first()
    )
    if entry is None:
        raise Http404
    entry.public_villages = list(entry.villages.order_by("number"))
    entry.plan_project_code = entry.plan_project.code if entry.plan_project_id else None
    return entry


def public_plan_project(entry: OpsEntry) -> PlanProject | None:
    """The plan project an entry carries out, as a public development-plan edition shows it:
    the linked project if its edition is public, else the newest public one with its code.
    A project seen only in a draft is not shown."""
    project = entry.plan_project
    if project is None:
        return None
    if project.edition.state in PUBLIC_STATES:
        return project
    editions = public_editions(DEV, organization=entry.organization).values("pk")
    return (
        PlanProject.objects.filter(
            organization=entry.organization, code=project.code, edition__in=editions
        )
        .select_related("edition")
        .order_by("-edition__created_at", "-edition_id")
        .first()
    )


def public_project(edition: DevPlanEdition, code: str) -> PlanProject:
    require_public(edition)
    for project in projects_of(edition, {}):
        if project.code == code:
            return project
    raise Http404


def editions_with_entry(organization: Organization, code: str) -> list[OpsEdition]:
    """The public operational-plan editions in which an entry with this code appears."""
    ids = OpsEntry.objects.filter(organization=organization, code=code).values("edition_id")
    return list(public_editions(OPS, organization=organization).filter(pk__in=ids))


def editions_with_project(organization: Organization, code: str) -> list[DevPlanEdition]:
    ids = PlanProject.objects.filter(organization=organization, code=code).values("edition_id")
    return list(public_editions(DEV, organization=organization).filter(pk__in=ids))


def entries_of_project(organization: Organization, code: str) -> list[OpsEntry]:
    """Entries of public operational-plan editions that carry out a plan project (by code)."""
    editions = public_editions(OPS, organization=organization).values("pk")
    return list(
        OpsEntry.objects.filter(
            organization=organization, edition__in=editions, plan_project__code=code
        )
        .select_related("edition__plan")
        .order_by("-edition__plan__fiscal_year", "-edition__created_at")
    )


def edition_counts() -> dict[str, int]:
    return {kind: public_editions(kind).count() for kind in EDITION_MODELS}


def all_public_editions() -> dict[str, list]:
    """Every public edition of every organization by kind: the machine-readable index."""
    return {
        kind: list(public_editions(kind).order_by("organization__slug", "pk"))
        for kind in EDITION_MODELS
    }
