"""Server time of the operational-plan page with 300 entries (issue #2).

Builds a throw-away database (SQLite in a temp dir, or the PostgreSQL server named by
DATABASE_URL, in a database of its own), fills one edition with N entries and times the
page through Django's test client: the whole request, middleware and template included.

    .venv/bin/python bench/opsplan_page.py [--entries 300] [--runs 50]
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=300)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()

    os.environ["LOCALPLAN_VAR_DIR"] = tempfile.mkdtemp(prefix="localplan-bench-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "localplan.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        from django.test import Client
        from django.urls import reverse
        from tests.factories import MembershipFactory, OpsEditionFactory
        from tests.opsplan.test_edition_page_queries import fill

        edition = OpsEditionFactory()
        fill(edition, args.entries)
        client = Client()
        client.force_login(MembershipFactory(organization=edition.organization).user)
        url = reverse(
            "opsplan:edition", kwargs={"org": edition.organization.slug, "edition_id": edition.pk}
        )
        client.get(url)  # warm caches (templates, work plans)
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        times.sort()
        engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
        print(f"database            {engine}")
        print(f"entries             {args.entries}")
        print(f"runs                {args.runs}")
        print(f"median ms           {statistics.median(times):.1f}")
        print(f"p95 ms              {times[int(len(times) * 0.95) - 1]:.1f}")
        print(f"queries per page    {len(queries)}")
        print(f"page size KiB       {len(response.content) / 1024:.0f}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
