"""Spreadsheet import and the automatic draft at size (issue #5).

- Import of N plan-project rows (default 5,000) from an XLSX: upload (read + check every row
  + keep the file) and confirm (read and check again + write + audit log), each run into a
  fresh organization; then the same file again, which changes nothing. Target: ≤ 5 s median.
- Draft of the operational plan from M budget items (default 1,000) linked to M projects of
  an announced plan: building it from nothing, refreshing it when nothing changed, and
  refreshing it after every amount changed. Target: ≤ 2 s median.

Builds a throw-away database (SQLite in a temp dir, or the PostgreSQL server named by
DATABASE_URL, in a database of its own).

    .venv/bin/python bench/import.py [--rows 5000] [--items 1000] [--runs 5]
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


CPU: dict[str, list[float]] = {}


def timed(func, label: str = ""):
    """Wall-clock seconds of func() and its result; its CPU seconds are kept under `label`
    (on a shared machine the CPU time says what the code costs, the wall time what it took)."""
    cpu, started = time.process_time(), time.perf_counter()
    result = func()
    if label:
        CPU.setdefault(label, []).append(time.process_time() - cpu)
    return time.perf_counter() - started, result


def organization_with_plan(index: int):
    from tests.factories import (
        DevPlanEditionFactory,
        GuidelineFactory,
        MembershipFactory,
        StrategyFactory,
        UnitFactory,
        VillageFactory,
    )

    from localplan.core.models import EditionState, Role
    from localplan.devplan.models import DevPlanEdition

    membership = MembershipFactory(organization__slug=f"bench-{index}", role=Role.PLANNER)
    org = membership.organization
    for name in ("กองช่าง", "สำนักปลัด", "กองคลัง", "กองการศึกษา"):
        UnitFactory(organization=org, name=name)
    for number in range(1, 11):
        VillageFactory(organization=org, number=number)
    for number in range(1, 5):
        strategy = StrategyFactory(organization=org, number=number)
        for guideline in range(1, 4):
            GuidelineFactory(organization=org, strategy=strategy, number=guideline)
    edition = DevPlanEditionFactory(plan__organization=org, state=EditionState.DRAFTING)
    return membership, DevPlanEdition.objects.select_related("plan").get(pk=edition.pk)


def plan_project_file(membership, edition, rows: int) -> bytes:
    from localplan.budget.imports import importer_for
    from localplan.budget.sheets import write_workbook

    importer = importer_for("plan-projects", membership.organization, edition.pk)
    columns = importer.columns()
    units = ["กองช่าง", "สำนักปลัด", "กองคลัง", "กองการศึกษา"]
    work_plans = ["00310", "แผนงานการศึกษา", "00220", "แผนงานเคหะและชุมชน"]
    data = []
    for n in range(rows):
        strategy = n % 4 + 1
        values = {
            "kind": "โครงการพัฒนา",
            "strategy": str(strategy),
            "guideline": f"{strategy}.{n % 3 + 1}",
            "work_plan": work_plans[n % 4],
            "name": f"โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก สายที่ {n + 1}",
            "objective": "เพื่อให้ประชาชนสัญจรไปมาได้สะดวกและปลอดภัย",
            "target": "ถนน คสล. กว้าง 4 เมตร ยาว 200 เมตร หนา 0.15 เมตร",
            "kpi": "ประชาชนพึงพอใจร้อยละ 80",
            "expected_result": "ประชาชนสัญจรสะดวก",
            "unit": units[n % 4],
            "villages": f"{n % 10 + 1}, {(n + 3) % 10 + 1}",
            "location": f"หมู่ที่ {n % 10 + 1}",
            "year:2552": f"{100000 + n:,}.00",
            "year:2553": Decimal(200000 + n),
            "year:2554": "" if n % 5 else "50,000",
        }
        data.append([values.get(column.key, "") for column in columns])
    return write_workbook(title=importer.title, columns=columns, rows=data)


def bench_import(rows: int, runs: int) -> dict[str, list[float]]:
    from localplan.budget.services.imports import confirm_import, upload_import
    from localplan.devplan.models import PlanProject

    found = {"upload (read + check)": [], "confirm (check + write + audit)": [], "total": [],
             "same file again (check only)": []}  # fmt: skip
    content = None
    for run in range(runs):
        membership, edition = organization_with_plan(1000 + run)
        if content is None:
            content = plan_project_file(membership, edition, rows)
            print(f"xlsx size KiB       {len(content) / 1024:.0f}")

        def upload(m=membership, e=edition, content=content):
            return upload_import(
                kind="plan-projects", target_id=e.pk, by=m, filename="plan.xlsx", content=content
            )

        upload_time, batch = timed(upload, "upload (read + check)")
        assert not batch.preview["errors"], batch.preview["errors"][:3]
        confirm_time, _ = timed(
            lambda b=batch, m=membership: confirm_import(batch=b, by=m),
            "confirm (check + write + audit)",
        )
        CPU.setdefault("total", []).append(
            CPU["upload (read + check)"][-1] + CPU["confirm (check + write + audit)"][-1]
        )
        assert PlanProject.objects.filter(edition=edition).count() == rows
        again_time, again = timed(upload, "same file again (check only)")
        assert again.preview["counts"]["unchanged"] == rows
        found["upload (read + check)"].append(upload_time)
        found["confirm (check + write + audit)"].append(confirm_time)
        found["total"].append(upload_time + confirm_time)
        found["same file again (check only)"].append(again_time)
    return found


def budgeted_world(index: int, items: int):
    """An announced plan of `items` projects, each with one item in the 2552 ordinance."""
    from localplan.budget.models import BudgetDocument, BudgetItem
    from localplan.core.models import EditionState, Unit
    from localplan.devplan.models import DevPlanEdition, PlanProject, ProjectBudget
    from localplan.strategy.models import Guideline, WorkPlan

    membership, edition = organization_with_plan(index)
    org = membership.organization
    guidelines = list(Guideline.objects.filter(organization=org).select_related("strategy"))
    units = list(Unit.objects.filter(organization=org))
    work_plan = WorkPlan.objects.get(code="00310")
    projects = PlanProject.objects.bulk_create(
        [
            PlanProject(
                organization=org, edition=edition, code=f"P{n + 1:05d}", number=n + 1,
                name=f"โครงการที่ {n + 1}", strategy=guidelines[n % len(guidelines)].strategy,
                guideline=guidelines[n % len(guidelines)], work_plan=work_plan, unit=units[n % len(units)],
                location=f"หมู่ที่ {n % 10 + 1}",
            )
            for n in range(items)
        ]
    )  # fmt: skip
    ProjectBudget.objects.bulk_create(
        [
            ProjectBudget(organization=org, project=p, fiscal_year=2552, amount=Decimal(100000 + i))
            for i, p in enumerate(projects)
        ]  # fmt: skip
    )
    # Announced once its rows are in: the database refuses rows added to an announced edition.
    DevPlanEdition.objects.filter(pk=edition.pk).update(state=EditionState.ANNOUNCED)
    document = BudgetDocument.objects.create(organization=org, fiscal_year=2552)
    BudgetItem.objects.bulk_create(
        [
            BudgetItem(
                organization=org, document=document, code=f"B{i + 1:05d}", number=i + 1,
                work_plan=work_plan, category="investment", name=p.name, amount=Decimal(100000 + i),
                plan_project_code=p.code, plan_project=p,
            )
            for i, p in enumerate(projects)
        ]
    )  # fmt: skip
    return membership, document


def bench_draft(items: int, runs: int) -> dict[str, list[float]]:
    from django.db.models import F

    from localplan.budget.models import BudgetItem
    from localplan.budget.services.draft import apply_draft, preview_draft
    from localplan.opsplan.models import OpsEntry

    found = {"build from nothing": [], "refresh, nothing changed": [],
             "refresh, every amount changed": [], "preview only": []}  # fmt: skip
    for run in range(runs):
        membership, document = budgeted_world(2000 + run, items)
        org = membership.organization

        def draft(m=membership, o=org):
            return apply_draft(organization=o, fiscal_year=2552, by=m)

        build, result = timed(draft, "build from nothing")
        assert OpsEntry.objects.filter(edition=result.edition).count() == items
        same, result = timed(draft, "refresh, nothing changed")
        assert not result.changes_anything
        BudgetItem.objects.filter(document=document).update(amount=F("amount") + 1)
        look, preview = timed(
            lambda o=org: preview_draft(organization=o, fiscal_year=2552), "preview only"
        )
        assert len(preview.of("update")) == items
        changed, _ = timed(draft, "refresh, every amount changed")
        found["build from nothing"].append(build)
        found["refresh, nothing changed"].append(same)
        found["refresh, every amount changed"].append(changed)
        found["preview only"].append(look)
    return found


def report(found: dict[str, list[float]]) -> None:
    print(f"  {'':34} {'wall median':>12} {'CPU median':>11}   wall of each run")
    for label, times in found.items():
        runs = ", ".join(f"{t:.2f}" for t in times)
        cpu = statistics.median(CPU[label])
        print(f"  {label:34} {statistics.median(times):10.2f} s {cpu:9.2f} s   {runs}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    os.environ["LOCALPLAN_VAR_DIR"] = tempfile.mkdtemp(prefix="localplan-bench-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "localplan.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
        print(f"database            {engine}")
        print(f"runs                {args.runs}")
        print(
            f"load average        {os.getloadavg()[0]:.1f} (2 cores; other work slows the wall time)"
        )
        print(f"\nimport of {args.rows} plan-project rows (target: total ≤ 5 s median)")
        report(bench_import(args.rows, args.runs))
        print(f"\ndraft from {args.items} budget items (target: ≤ 2 s median)")
        report(bench_draft(args.items, args.runs))
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
