"""Write the files a build tool generates, or (``--check``) say which are out of date.

Every generated file is committed, so a data change is a reviewable diff; the test suite
runs each tool with ``--check``.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def write_or_check(tool: str, outputs: Sequence[tuple[Path, str]], *, check: bool) -> int:
    """Write each ``(path, text)``; with ``check``, write nothing and return 1 if any differs."""
    if check:
        stale = [path for path, text in outputs if not path.exists() or path.read_text(encoding="utf-8") != text]
        for path in stale:
            shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
            print(f"{tool}: {shown} is out of date; run tools/{tool}.py", file=sys.stderr)
        return 1 if stale else 0
    for path, text in outputs:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return 0
