"""The process: `mlsys-lint` (the console script) and `python -m mlsys_lint` start here.

Two settings that only a process of its own may make, both measured (issue 15; see
benchmarks/RESULTS.md):
- The cyclic garbage collector is off: extraction makes hundreds of thousands of dicts
  and records, which reference counting frees, and the collector would scan the live
  ones again and again for nothing (~13 ms of a 10-page run at Python's default
  threshold, ~18 ms at a raised one). A lint leaves no cyclic garbage (measured on the
  samples and the corpus); a batch still collects once every 50 files
  (engine.between_files), with what was imported frozen out of the scans.
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

# the imported names of the runtime dependencies (pyproject.toml), as pip calls them
# (PyMuPDF and TexSoup are loaded only when a file is read, pathspec by folder runs)
DEPENDENCIES = {
    "pymupdf": "PyMuPDF", "fitz": "PyMuPDF", "TexSoup": "TexSoup", "click": "click",
    "pathspec": "pathspec",
}  # fmt: skip


def console() -> NoReturn:
    gc.disable()
    try:
        from mlsys_lint.cli import entry  # click: an interpreter may lack it too

        gc.freeze()
        entry()
        code: object = 0
    except SystemExit as stop:
        code = stop.code
    except BrokenPipeError:  # the reader went away (`| head`): the rest has nowhere to go
        code = 1
    except KeyboardInterrupt:  # Ctrl-C before the lint began (the lint says so itself)
        sys.stderr.write("mlsys-lint: interrupted\n")
        code = 130
    except ModuleNotFoundError as exc:  # an interpreter without the runtime dependencies
        if exc.name not in DEPENDENCIES:
            raise
        sys.stderr.write(
            f"mlsys-lint: {DEPENDENCIES[exc.name]} is not installed for {sys.executable}: "
            "install mlsys-lint with pip (pip install .) into this Python\n"
        )
        code = 2
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
