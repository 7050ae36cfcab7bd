"""The process: `mlsys-lint` (the console script) and `python -m mlsys_lint` start here.

Two settings that only a process of its own may make, both measured (issue 15; see
benchmarks/RESULTS.md):
- The cyclic garbage collector runs rarely: extraction makes hundreds of thousands of
  short-lived, acyclic dicts and records, which reference counting frees, and at
  Python's default threshold the collector would scan every live object again and again
  for nothing (~13 ms of a 10-page run). What was imported is frozen out of its scans.
  It still runs, so a long batch's cyclic garbage is still freed.
- The process ends with `os._exit` once the report is flushed: the interpreter's
  teardown (freeing every module, PyMuPDF's bindings above all) would take ~30 ms after
  the work is done; nothing is left for it to do, files are written and closed and the
  workers joined. A crash still raises as usual.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from typing import NoReturn

GC_THRESHOLD = 100_000  # allocations between young-generation collections (Python: 700)


def console() -> NoReturn:
    gc.set_threshold(GC_THRESHOLD, 50, 100)
    from mlsys_lint.cli import entry

    gc.freeze()
    try:
        entry()
        code: object = 0
    except SystemExit as stop:
        code = stop.code
    except BrokenPipeError:  # the reader went away (`| head`): the rest has nowhere to go
        code = 1
    if code is None:
        code = 0
    elif not isinstance(code, int):  # sys.exit("message"), as Python prints it
        sys.stderr.write(f"{code}\n")
        code = 1
    for stream in (sys.stdout, sys.stderr):
        # a reader that went away (`| head`), a closed stream: nothing more to say
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)
