"""The tour notebook in the docs: ``examples/tour.ipynb``, run by a Jupyter kernel on every build.

Sphinx reads only files under ``docs/``, so the notebook is copied to ``docs/notebooks/``
(ignored by git) before the build reads its sources; myst-nb then executes it
(``nb_execution_mode = "force"`` in ``conf.py``) and renders it with its outputs. The
kernel is the interpreter running Sphinx, whatever kernels are installed elsewhere, and it
imports the examples (``growth_chart``) from ``examples/``.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from lc_markdown import DOCS, ROOT

EXAMPLES = ROOT / "examples"
NOTEBOOKS = DOCS / "notebooks"
KERNELS = DOCS / "_build" / "jupyter"


def copy_notebooks() -> list[Path]:
    """Copy every ``examples/*.ipynb`` into ``docs/notebooks/``; drop copies whose source is gone."""
    NOTEBOOKS.mkdir(exist_ok=True)
    sources = sorted(EXAMPLES.glob("*.ipynb"))
    names = {p.name for p in sources}
    for stale in NOTEBOOKS.glob("*.ipynb"):
        if stale.name not in names:
            stale.unlink()
    copies = []
    for path in sources:
        copy = NOTEBOOKS / path.name
        if not copy.exists() or copy.read_bytes() != path.read_bytes():
            shutil.copyfile(path, copy)
        copies.append(copy)
    return copies


def pin_kernel() -> Path:
    """A ``python3`` kernel spec for this interpreter, found before any other, and ``examples/`` on its path."""
    from ipykernel.kernelspec import write_kernel_spec

    spec = KERNELS / "kernels" / "python3"
    if spec.exists():
        shutil.rmtree(spec)
    write_kernel_spec(str(spec))
    os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(KERNELS), os.environ.get("JUPYTER_PATH")]))
    paths = [str(EXAMPLES), *filter(None, [os.environ.get("PYTHONPATH")])]
    os.environ["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(paths))
    return spec
