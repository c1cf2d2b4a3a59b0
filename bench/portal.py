"""Benchmark the public FY2552 operational-plan page under load, against a static file
from the same server as the ceiling.

Runs gunicorn on PostgreSQL with the demo data (`localplan load_demo`), then wrk
with 32 connections for 30 s, several times, and prints every run and the medians:
requests per second, p50/p95/p99 latency, errors, and the page-to-static ratio.

    apt-get install -y wrk
    .venv/bin/python bench/portal.py [--runs 3] [--duration 30] [--connections 32]

Targets (issue 6): 0 errors; page p95 <= 50 ms; page throughput >= 30 % of the static file's.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

BIN = Path(sys.executable).parent
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/localplan_portal_bench"
STATIC_FILES = {
    "static-css-3k": "/static/css/localplan.css",
    "static-bootstrap-230k": "/static/vendor/bootstrap/bootstrap.min.css",
}
WRK_REPORT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests": %d, "duration_us": %d, "errors": %d, "non_2xx_3xx": %d, '
    .. '"kinds": "connect %d read %d write %d timeout %d", '
    .. '"p50_us": %d, "p95_us": %d, "p99_us": %d, "bytes": %d}\\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), summary.bytes))
end
"""

SETUP = r"""
import django
django.setup()
from django.core.management import call_command
from localplan.core.models import EditionState
from localplan.opsplan.models import OpsEdition

def announced_fy2552():
    return OpsEdition.objects.filter(
        organization__slug="phairin", plan__fiscal_year=2552, state=EditionState.ANNOUNCED
    ).first()

if announced_fy2552() is None:
    call_command("load_demo")
edition = announced_fy2552()
print("EDITION", f"/p/phairin/ops/{edition.pk}/", edition.entries.count())
"""


def run(command, env, **kwargs):
    return subprocess.run(command, env=env, check=True, text=True, **kwargs)


def prepare(env, database_url: str) -> tuple[str, int]:
    name = database_url.rsplit("/", 1)[1]
    subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-c", f"CREATE DATABASE {name}"],
        capture_output=True,
    )
    run([str(BIN / "localplan"), "migrate", "--noinput", "-v", "0"], env)
    run([str(BIN / "localplan"), "collectstatic", "--noinput", "-v", "0"], env)
    out = run([sys.executable, "-c", SETUP], env, capture_output=True)
    for line in out.stdout.splitlines():
        if line.startswith("EDITION"):
            _, path, count = line.split()
            return path, int(count)
    raise SystemExit(out.stdout + out.stderr)


def wait_for(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=20).read()
            return
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    raise SystemExit(f"server did not answer {url}")


def check_conditional_get(url: str) -> str:
    first = urllib.request.urlopen(url)
    etag = first.headers["ETag"]
    request = urllib.request.Request(url, headers={"If-None-Match": etag})
    try:
        urllib.request.urlopen(request)
        status = 200
    except urllib.error.HTTPError as answer:
        status = answer.code
    return (
        f"ETag {etag}, Cache-Control {first.headers['Cache-Control']}, conditional GET -> {status}"
    )


def wrk(url: str, *, connections: int, duration: int, script: str) -> dict:
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "-s", script, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    line = next(line for line in out.splitlines() if line.startswith("RESULT "))
    result = json.loads(line.removeprefix("RESULT "))
    result["rps"] = result["requests"] / (result["duration_us"] / 1e6)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--duration", type=int, default=30)
    parser.add_argument("--connections", type=int, default=32)
    # CPU-bound pages on 2 cores: one thread per worker (no GIL hand-offs within a worker)
    # and cores + 1 workers gave the lowest p95 (4x2: 77 ms, 4x1: 60 ms, 3x1: 44 ms).
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=1, help="gthread worker threads")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument(
        "--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE)
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install -y wrk")
    env = dict(
        os.environ, DATABASE_URL=args.database_url, DJANGO_SETTINGS_MODULE="localplan.settings"
    )
    env.pop("LOCALPLAN_DEBUG", None)
    path, count = prepare(env, args.database_url)
    base = f"http://127.0.0.1:{args.port}"
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "localplan.wsgi:application", "-b", f"127.0.0.1:{args.port}",
         "-w", str(args.workers), "--worker-class", "gthread", "--threads", str(args.threads),
         "--keep-alive", "5", "--log-level", "warning"],
        env=env,
    )  # fmt: skip
    try:
        wait_for(base + path)
        print(f"page {path} ({count} entries), gunicorn {args.workers} gthread workers x {args.threads} threads, "
              f"wrk 2 threads x {args.connections} connections x {args.duration} s, {args.runs} runs")  # fmt: skip
        print(check_conditional_get(base + path))
        targets = {"page": path, **STATIC_FILES}
        results: dict[str, list[dict]] = {name: [] for name in targets}
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
            script.write(WRK_REPORT)
        for run_number in range(1, args.runs + 1):
            for name, target in targets.items():
                # Each worker keeps its own render cache: let every one render once.
                wrk(base + target, connections=args.connections, duration=3, script=script.name)
                result = wrk(base + target, connections=args.connections,
                             duration=args.duration, script=script.name)  # fmt: skip
                results[name].append(result)
                print(f"run {run_number} {name:22} {result['rps']:8.0f} req/s  "
                      f"p50 {result['p50_us'] / 1000:6.1f} ms  p95 {result['p95_us'] / 1000:6.1f} ms  "
                      f"p99 {result['p99_us'] / 1000:6.1f} ms  errors {result['errors']} ({result['kinds']})  "
                      f"non-2xx/3xx {result['non_2xx_3xx']}  "
                      f"{result['bytes'] / max(result['requests'], 1) / 1024:.1f} KiB/resp")  # fmt: skip
        os.unlink(script.name)
    finally:
        server.terminate()
        server.wait(timeout=30)

    def median(name, key):
        return statistics.median(r[key] for r in results[name])

    print("\nmedians")
    for name in targets:
        print(f"  {name:22} {median(name, 'rps'):8.0f} req/s  p50 {median(name, 'p50_us') / 1000:6.1f} ms  "
              f"p95 {median(name, 'p95_us') / 1000:6.1f} ms  errors {sum(r['errors'] + r['non_2xx_3xx'] for r in results[name])}")  # fmt: skip
    page_rps = median("page", "rps")
    p95 = median("page", "p95_us") / 1000
    errors = sum(r["errors"] + r["non_2xx_3xx"] for r in results["page"])
    print()
    for name in STATIC_FILES:
        ratio = page_rps / median(name, "rps")
        print(
            f"page / {name}: {ratio:.0%}  (target >= 30%: {'met' if ratio >= 0.30 else 'NOT met'})"
        )
    print(f"page p95 {p95:.1f} ms  (target <= 50 ms: {'met' if p95 <= 50 else 'NOT met'})")
    print(f"page errors {errors}  (target 0: {'met' if errors == 0 else 'NOT met'})")


if __name__ == "__main__":
    main()
