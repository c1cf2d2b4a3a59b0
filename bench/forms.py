"""How fast the forms render: ผด.02 with 300 entries and ผ.02 with 300 projects, PDF and XLSX,
five runs each, end to end (database → builder → Thai words → Typst → bytes).

    .venv/bin/python bench/forms.py

Prints the median seconds of each and the peak memory of the process. Targets on the
2-core development machine: ผด.02 PDF ≤ 1.0 s, XLSX ≤ 0.2 s, memory ≤ 300 MB.
"cold words" clears the cache of cut Thai texts before each run (a first render of new
text); "warm" keeps it (a re-render in a long-running worker).
"""

from __future__ import annotations

import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["LOCALPLAN_VAR_DIR"] = tempfile.mkdtemp(prefix="localplan-bench-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "localplan.settings")
os.environ.pop("DATABASE_URL", None)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

RUNS = 5


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make_data():
    from tests.documents.factories import plan_world
    from tests.factories import OrganizationFactory, PlanProjectFactory

    call_command("migrate", verbosity=0)
    world = plan_world(OrganizationFactory(), entries=300, projects=60)
    dev = world["dev_edition"]
    project = world["projects"][0]
    for n in range(300 - sum(1 for p in world["projects"] if p.kind == "development")):
        PlanProjectFactory(
            edition=dev,
            organization=dev.organization,
            guideline=world["projects"][n % 12].guideline,
            strategy=world["projects"][n % 12].strategy,
            work_plan=project.work_plan,
            name=f"โครงการพัฒนาแหล่งน้ำเพื่อการเกษตรและการอุปโภคบริโภค หมู่ที่ {n % 15 + 1} ลำดับ {n}",
        )
    world["ops_edition"].entries.update(kind="development")  # ผด.02 prints all 300
    return world["ops_edition"], dev


def measure(label: str, render, *, cold: bool) -> None:
    from localplan.core.thai_text import _cut

    times = []
    for _ in range(RUNS):
        if cold:
            _cut.cache_clear()
        start = time.perf_counter()
        content = render()
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    print(
        f"{label:<34} median {median:6.3f} s   min {min(times):6.3f}   max {max(times):6.3f}"
        f"   {len(content) / 1024:7.0f} KiB   peak {peak_mb():5.0f} MB"
    )


def main() -> None:
    from localplan.core.thai_text import warm_up
    from localplan.devplan.models import ProjectKind
    from localplan.documents.official import render_form

    print(
        "load average before: {:.2f} {:.2f} {:.2f} (2 cores shared; figures scale with it)".format(
            *os.getloadavg()
        )
    )
    ops, dev = make_data()
    rows = ops.entries.exclude(kind=ProjectKind.EQUIPMENT).count()
    projects = dev.projects.filter(kind=ProjectKind.DEVELOPMENT).count()
    print(f"ผด.02: {rows} rows (of {ops.entries.count()} entries); ผ.02: {projects} projects")
    start = time.perf_counter()
    warm_up()
    print(f"segmenter dictionary loaded once per process in {time.perf_counter() - start:.2f} s")
    print(f"peak memory before rendering: {peak_mb():.0f} MB")
    start = time.perf_counter()
    render_form("pd02", ops, "pdf")
    print(f"first ผด.02 PDF of the process (fonts, templates): {time.perf_counter() - start:.3f} s")

    measure("ผด.02 PDF (cold words)", lambda: render_form("pd02", ops, "pdf")[2], cold=True)
    measure("ผด.02 PDF (warm)", lambda: render_form("pd02", ops, "pdf")[2], cold=False)
    measure("ผด.02 XLSX", lambda: render_form("pd02", ops, "xlsx")[2], cold=False)
    measure("ผ.02 PDF (cold words)", lambda: render_form("p02", dev, "pdf")[2], cold=True)
    measure("ผ.02 PDF (warm)", lambda: render_form("p02", dev, "pdf")[2], cold=False)
    measure("ผ.02 XLSX", lambda: render_form("p02", dev, "xlsx")[2], cold=False)
    measure("plan book PDF (cold words)", lambda: render_form("book", ops, "pdf")[2], cold=True)
    print(f"peak memory of the process: {peak_mb():.0f} MB")
    print("load average after: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


if __name__ == "__main__":
    main()
