"""What the command line costs before any file is read: in fresh processes (the median of
N), the import of `mlsys_lint.cli` (click and the check command; the subcommands' modules
are imported only when used), how much of it is click's, and a whole `mlsys-lint
--version` and `--help` next to a bare `python -c pass`.

    python benchmarks/cli_import.py            # 21 runs each
    python benchmarks/cli_import.py --runs 51
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time

IMPORT_TIME = (
    "import time\nt = time.perf_counter()\nimport {module}\n"
    "print((time.perf_counter() - t) * 1000)\n"
)


def _ms(code: str) -> float:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.split()[-1])


def _wall(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, *args], capture_output=True, check=False)
    return (time.perf_counter() - start) * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=21)
    runs = ap.parse_args().runs

    def median(fn) -> float:
        return round(statistics.median(fn() for _ in range(runs)), 1)

    result = {
        "import_mlsys_lint_cli_ms": median(
            lambda: _ms(IMPORT_TIME.format(module="mlsys_lint.cli"))
        ),
        "import_click_ms": median(lambda: _ms(IMPORT_TIME.format(module="click"))),
        "python_pass_ms": median(lambda: _wall(["-c", "pass"])),
        "version_ms": median(lambda: _wall(["-m", "mlsys_lint", "--version"])),
        "help_ms": median(lambda: _wall(["-m", "mlsys_lint", "--help"])),
        "fix_help_ms": median(lambda: _wall(["-m", "mlsys_lint", "fix", "--help"])),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
