"""Lighthouse (mobile) on the public portal's pages and the staff operational-plan page.

Serves the demo (`localplan load_demo`, SQLite in a bench folder) under gunicorn with
production settings (DEBUG off, `collectstatic`), runs Lighthouse 3 times per page with
Debian's Chromium and prints the median score of each category and the median cumulative
layout shift.

    cd bench/lighthouse && npm ci && cd ../..      # Lighthouse, in bench/lighthouse/node_modules
    .venv/bin/python bench/lighthouse.py [--runs 3] [--pages index,search] [--keep-reports DIR]

Target (issue 10): Performance >= 90, Accessibility 100, Best Practices 100 on the portal.
Lighthouse's mobile preset simulates a slow 4G link and a 4x slower CPU; on a busy machine
the Performance score drops with the load, so compare figures taken on a quiet one.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

BIN = Path(sys.executable).parent
HERE = Path(__file__).resolve().parent
LIGHTHOUSE = HERE / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("LOCALPLAN_CHROMIUM", "/usr/bin/chromium")
# The flags of the browser tests (tests/e2e/conftest.py).
CHROME_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
CATEGORIES = ("performance", "accessibility", "best-practices")
TARGETS = {"performance": 90, "accessibility": 100, "best-practices": 100}

SETUP = r"""
import django
django.setup()
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.core.management import call_command
from localplan.core.models import EditionState
from localplan.opsplan.models import OpsEdition

def announced():
    return OpsEdition.objects.filter(
        organization__slug="phairin", plan__fiscal_year=2552, state=EditionState.ANNOUNCED
    ).first()

if announced() is None:
    call_command("load_demo")
edition = announced()
entry = edition.entries.order_by("pk").first()
planner = get_user_model().objects.get(username="planner")
session = SessionStore()
session[SESSION_KEY] = str(planner.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = planner.get_session_auth_hash()
session.save()
org = edition.organization.slug
print("PAGE index /")
print(f"PAGE organization /p/{org}/")
print(f"PAGE edition /p/{org}/ops/{edition.pk}/")
print(f"PAGE project /p/{org}/ops/{edition.pk}/{entry.code}/")
print(f"PAGE search /p/{org}/ops/{edition.pk}/?q=%E0%B8%96%E0%B8%99%E0%B8%99")
print("PAGE check /p/check/")
print(f"PAGE staff-opsplan /o/{org}/opsplans/editions/{edition.pk}/")
print("SESSION", session.session_key)
"""


def run(command, env, **kwargs):
    return subprocess.run(command, env=env, check=True, text=True, **kwargs)


def prepare(env) -> tuple[dict[str, str], str]:
    run([str(BIN / "localplan"), "migrate", "--noinput", "-v", "0"], env)
    run([str(BIN / "localplan"), "collectstatic", "--noinput", "-v", "0"], env)
    out = run([sys.executable, "-c", SETUP], env, capture_output=True)
    pages, session = {}, ""
    for line in out.stdout.splitlines():
        if line.startswith("PAGE "):
            _, name, path = line.split()
            pages[name] = path
        elif line.startswith("SESSION "):
            session = line.split()[1]
    if not pages or not session:
        raise SystemExit(out.stdout + out.stderr)
    return pages, session


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=20).read()
            return
        except (urllib.error.URLError, OSError):
            time.sleep(0.3)
    raise SystemExit(f"server did not answer {url}")


def lighthouse(url: str, *, cookie: str | None, report: Path) -> dict:
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={' '.join(CHROME_FLAGS)}",
        "--max-wait-for-load=60000",
    ]
    if cookie:
        command.append("--extra-headers=" + json.dumps({"Cookie": cookie}))
    for attempt in range(1, 4):
        # Lighthouse sometimes loses the trace of a load (NO_NAVSTART): measure again.
        done = subprocess.run(command, env=dict(os.environ, CHROME_PATH=CHROMIUM))
        if done.returncode == 0:
            break
        print(f"  Lighthouse failed on {url} (attempt {attempt}), again", flush=True)
    else:
        raise SystemExit(f"Lighthouse failed three times on {url}")
    data = json.loads(report.read_text())
    scores = {name: round(data["categories"][name]["score"] * 100) for name in CATEGORIES}
    scores["cls"] = data["audits"]["cumulative-layout-shift"]["numericValue"]
    scores["lcp_s"] = data["audits"]["largest-contentful-paint"]["numericValue"] / 1000
    scores["bytes_kb"] = data["audits"]["total-byte-weight"]["numericValue"] / 1024
    scores["tbt_ms"] = data["audits"]["total-blocking-time"]["numericValue"]
    # Lighthouse's measure of this machine's speed at that moment (a quiet desktop: ~1500+)
    scores["benchmark"] = data["environment"]["benchmarkIndex"]
    failed = [
        audit_id
        for name in CATEGORIES
        for ref in data["categories"][name]["auditRefs"]
        if ref["weight"] > 0
        and (audit_id := ref["id"])
        and data["audits"][audit_id]["score"] is not None
        and data["audits"][audit_id]["score"] < 1
        and name != "performance"
    ]
    scores["failed"] = failed
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", help="comma-separated page names (default: all)")
    parser.add_argument("--port", type=int, default=8766)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--var-dir", default=str(HERE.parent / "var" / "bench-lighthouse"), help="demo database"
    )
    parser.add_argument("--keep-reports", help="folder for Lighthouse's JSON reports")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is needed: cd bench/lighthouse && npm ci")
    env = dict(
        os.environ, LOCALPLAN_VAR_DIR=args.var_dir, DJANGO_SETTINGS_MODULE="localplan.settings"
    )
    for name in ("LOCALPLAN_DEBUG", "DATABASE_URL"):
        env.pop(name, None)
    pages, session = prepare(env)
    if args.pages:
        pages = {name: pages[name] for name in args.pages.split(",")}
    base = f"http://127.0.0.1:{args.port}"
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "localplan.wsgi:application", "-b", f"127.0.0.1:{args.port}",
         "-w", str(args.workers), "--worker-class", "gthread", "--threads", "1",
         "--log-level", "warning"],
        env=env,
    )  # fmt: skip
    reports = Path(args.keep_reports or tempfile.mkdtemp(prefix="lighthouse-"))
    reports.mkdir(parents=True, exist_ok=True)
    results: dict[str, list[dict]] = {name: [] for name in pages}
    try:
        wait_for(base + "/")
        for name, path in pages.items():  # warm each worker's caches
            for _ in range(args.workers):
                request = urllib.request.Request(base + path)
                if name.startswith("staff"):
                    request.add_header("Cookie", f"sessionid={session}")
                urllib.request.urlopen(request, timeout=60).read()
        print(f"Lighthouse (mobile), {args.runs} runs per page, gunicorn {args.workers} workers")
        for run_number in range(1, args.runs + 1):
            for name, path in pages.items():
                cookie = f"sessionid={session}" if name.startswith("staff") else None
                scores = lighthouse(
                    base + path, cookie=cookie, report=reports / f"{name}-{run_number}.json"
                )
                results[name].append(scores)
                print(
                    f"run {run_number} {name:16} "
                    + "  ".join(f"{c} {scores[c]:3d}" for c in CATEGORIES)
                    + f"  CLS {scores['cls']:.3f}  LCP {scores['lcp_s']:.1f} s"
                    f"  TBT {scores['tbt_ms']:.0f} ms  {scores['bytes_kb']:.0f} KiB"
                    f"  benchmarkIndex {scores['benchmark']:.0f}"
                    + (f"  failing: {' '.join(scores['failed'])}" if scores["failed"] else ""),
                    flush=True,
                )
    finally:
        server.terminate()
        server.wait(timeout=30)

    print(f"\nmedians ({args.runs} runs)          perf  a11y  best   CLS     LCP     TBT    bytes")
    for name, path in pages.items():
        rows = results[name]

        def median(key, rows=rows):
            return statistics.median(row[key] for row in rows)

        print(
            f"  {name:16} {path[:14]:14} "
            f"{median('performance'):4.0f}  {median('accessibility'):4.0f}  "
            f"{median('best-practices'):4.0f}  {median('cls'):.3f}  {median('lcp_s'):4.1f} s"
            f"  {median('tbt_ms'):4.0f} ms  {median('bytes_kb'):5.0f} KiB"
        )
    portal = [name for name in pages if not name.startswith("staff")]
    for category, target in TARGETS.items():
        met = all(
            statistics.median(row[category] for row in results[name]) >= target for name in portal
        )
        print(f"portal {category} >= {target}: {'met' if met else 'NOT met'}")
    speeds = [row["benchmark"] for rows in results.values() for row in rows]
    print(f"benchmarkIndex of this machine during the runs: {min(speeds):.0f}-{max(speeds):.0f}")
    print(f"reports in {reports}")


if __name__ == "__main__":
    main()
