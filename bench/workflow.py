"""What the workflow costs on the demo data (issue #4): announcing an operational plan (the
official PDF rendered and stored with its SHA-256), comparing the three-year plan with its
addition (page data, PDF, XLSX), and the announced FY2552 operational-plan page with the
workflow's buttons and history.

Builds a throw-away database (SQLite in a temp dir, or the PostgreSQL server named by
DATABASE_URL, in a database of its own), loads the demo, and prints the median of N runs.

    .venv/bin/python bench/workflow.py [--runs 5]
"""

import argparse
import datetime
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def median_ms(function, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = function()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    os.environ["LOCALPLAN_VAR_DIR"] = tempfile.mkdtemp(prefix="localplan-bench-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "localplan.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection, transaction
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        from localplan.core.demo import load_demo
        from localplan.core.models import AmendmentKind, Membership, Role
        from localplan.devplan.models import DevPlan
        from localplan.opsplan.models import OperationalPlan
        from localplan.workflow import services
        from localplan.workflow.compare import compare_editions
        from localplan.workflow.documents import comparison_pdf, comparison_xlsx

        hasher = ["django.contrib.auth.hashers.MD5PasswordHasher"]
        with override_settings(PASSWORD_HASHERS=hasher):
            load_time, _ = median_ms(load_demo, 1)
        members = {m.role: m for m in Membership.objects.filter(organization__slug="phairin")}
        ops = OperationalPlan.objects.get(organization__slug="phairin", fiscal_year=2552)
        announced = ops.editions.get()

        class Rollback(Exception):
            pass

        def announce_a_correction() -> float:
            """A correction of the FY2552 plan, approved; only announce_edition is timed."""
            try:
                with transaction.atomic():
                    edition = services.start_amendment(
                        edition=announced,
                        by=members[Role.PLANNER],
                        kind=AmendmentKind.CORRECTION,
                        sequence_year=2552,
                        reason="แก้ไขสถานที่",
                        started_on=datetime.date(2009, 1, 5),
                    )
                    entry = edition.entries.order_by("code").first()
                    entry.location = "หมู่ที่ 2"
                    entry.save()
                    day = datetime.date(2009, 1, 6)
                    services.submit_edition(
                        edition=edition, by=members[Role.PLANNER], submitted_on=day
                    )
                    services.approve_edition(
                        edition=edition, by=members[Role.EXECUTIVE], approved_on=day
                    )
                    started = time.perf_counter()
                    services.announce_edition(
                        edition=edition,
                        by=members[Role.EXECUTIVE],
                        number="1/2552",
                        announced_on=day,
                        posting_starts_on=day,
                    )
                    elapsed = (time.perf_counter() - started) * 1000
                    raise Rollback(elapsed)
            except Rollback as done:
                return done.args[0]

        announce = statistics.median(announce_a_correction() for _ in range(args.runs))
        entries = announced.entries.count()

        original, addition = DevPlan.objects.get(organization__slug="phairin").editions.order_by(
            "created_at", "id"
        )
        compare_ms, comparison = median_ms(lambda: compare_editions(original, addition), args.runs)
        pdf_ms, _ = median_ms(lambda: comparison_pdf(comparison), args.runs)
        xlsx_ms, _ = median_ms(lambda: comparison_xlsx(comparison), args.runs)

        client = Client()
        client.force_login(members[Role.PLANNER].user)
        url = announced.get_absolute_url()
        client.get(url)
        page_ms, response = median_ms(lambda: client.get(url), max(args.runs, 20))
        assert response.status_code == 200
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    print(f"database: {engine}; medians of {args.runs} runs (page: {max(args.runs, 20)})")
    print(f"load_demo (with the workflow step, once):       {load_time / 1000:8.2f} s")
    print(f"announce the FY2552 plan ({entries} entries, PDF):  {announce:8.0f} ms")
    print(
        f"compare plan 2552–2554 with its addition "
        f"({comparison.count_before}→{comparison.count_after} projects): {compare_ms:8.0f} ms"
    )
    print(f"  its PDF:                                       {pdf_ms:8.0f} ms")
    print(f"  its XLSX:                                      {xlsx_ms:8.0f} ms")
    print(f"announced FY2552 page ({len(queries)} queries):             {page_ms:8.1f} ms")


if __name__ == "__main__":
    main()
