"""How long `make demo`'s data step takes: `localplan load_demo` on a freshly migrated SQLite
database, then again on the loaded one (which must change nothing).

    .venv/bin/python bench/load_demo.py [runs]

Prints the median wall time of each step over the runs (default 3), process start included,
as a user of `make demo` sees it, and the median CPU time, which a busy machine disturbs less.
"""

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LOCALPLAN = Path(sys.executable).with_name("localplan")


def cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(*args: str, env: dict) -> tuple[float, float]:
    """(wall, CPU) seconds of one `localplan` command."""
    started, cpu = time.perf_counter(), cpu_of_children()
    subprocess.run([str(LOCALPLAN), *args], env=env, check=True, capture_output=True)
    return time.perf_counter() - started, cpu_of_children() - cpu


def main(runs: int) -> None:
    steps = {"migrate": [], "load_demo (first run)": [], "load_demo (second run)": []}
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as var_dir:
            env = {**os.environ, "LOCALPLAN_VAR_DIR": var_dir}
            env.pop("DATABASE_URL", None)  # SQLite, as `make demo` uses
            steps["migrate"].append(timed("migrate", "--noinput", env=env))
            steps["load_demo (first run)"].append(timed("load_demo", env=env))
            steps["load_demo (second run)"].append(timed("load_demo", env=env))
    print(f"SQLite, {runs} runs: median wall time (min–max), median CPU time")
    for name, times in steps.items():
        wall = [w for w, _cpu in times]
        cpu = [c for _wall, c in times]
        print(
            f"  {name:24} {statistics.median(wall):6.2f} s ({min(wall):.2f}–{max(wall):.2f})"
            f"   CPU {statistics.median(cpu):5.2f} s"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
