"""Sphinx configuration: MyST Markdown pages and notebooks (myst-nb), furo, autodoc of the
public API, doctests.

Build with ``bash tools/test_docs.sh`` (a clean virtual environment with the ``docs``
extra), ``tox -e docs``, or directly::

    sphinx-build -W -n -b doctest docs docs/_build/doctest
    sphinx-build -W -n -b html docs docs/_build/html

The tables of the data page are not typed by hand: ``_ext/lc_generated.py`` writes them into
``docs/_generated/`` from the packaged data on every build, and copies the tour notebook
(``examples/tour.ipynb``) to ``docs/notebooks/``, where a Jupyter kernel runs it.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))

import learning_cities  # noqa: E402

project = "learning-cities"
author = "learning-cities developers"
copyright = "learning-cities developers"
release = learning_cities.__version__
version = release

extensions = [
    "myst_nb",  # MyST Markdown (it includes myst_parser) and Jupyter notebooks
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "sphinx.ext.viewcode",
    "lc_generated",
]

source_suffix = {".md": "myst-nb", ".ipynb": "myst-nb"}
root_doc = "index"
exclude_patterns = ["_build", "_generated", "notebooks/.ipynb_checkpoints", "Thumbs.db", ".DS_Store"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# -- notebooks -----------------------------------------------------------------------------
# The tour notebook runs on every build, in a kernel of the interpreter running Sphinx
# (lc_notebook pins it); an error in a cell fails the build.
nb_execution_mode = "force"
nb_execution_raise_on_error = True
nb_execution_timeout = 300
nb_merge_streams = True

html_theme = "furo"
html_title = f"learning-cities {release}"

# -- autodoc -------------------------------------------------------------------------------
autodoc_typehints = "description"
autodoc_typehints_description_target = "all"
autodoc_member_order = "bysource"
autodoc_preserve_defaults = True
# undoc-members: every field of a record is listed, with its type, even without a docstring
autodoc_default_options = {"members": True, "undoc-members": True, "show-inheritance": True}
# Names the docstrings use for types that live in private modules or outside the package.
autodoc_type_aliases: dict[str, str] = {}

# -- doctest -------------------------------------------------------------------------------
# The same flags pytest uses for the docstrings and the README (pyproject.toml).
import doctest  # noqa: E402

doctest_default_flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE | doctest.DONT_ACCEPT_TRUE_FOR_1
# Only the {doctest} blocks of these pages: the docstrings' examples run under pytest
# (--doctest-modules), in their own module's namespace, which Sphinx would not give them.
doctest_test_doctest_blocks = ""
doctest_global_setup = "import learning_cities as lc\nfrom datetime import date"

# -- nitpicky references -------------------------------------------------------------------
# Every reference to the package must resolve (lc_generated maps the modules that define a
# public name to the name users import). Types from outside the package have no inventory
# here (the build runs offline, without intersphinx), so each is listed precisely.
nitpicky = True
nitpick_ignore = [
    ("py:class", "datetime.date"),
    ("py:class", "dt.date"),
    ("py:class", "datetime.datetime"),
    ("py:class", "collections.abc.Mapping"),
    ("py:class", "collections.abc.Sequence"),
    ("py:class", "collections.abc.Iterator"),
    ("py:class", "collections.abc.Iterable"),
    ("py:class", "collections.abc.Callable"),
    ("py:class", "enum.Enum"),
    ("py:class", "pandas.DataFrame"),
    ("py:class", "folium.Map"),  # the maps extra's result type
    ("py:class", "Figure"),  # charts.growth_chart's result: matplotlib.figure.Figure (the plot extra)
    ("py:class", "matplotlib.figure.Figure"),
    ("py:class", "contextvars.ContextVar"),
    ("py:class", "T"),  # the item type of display.Rows, a generic tuple
    ("py:obj", "learning_cities.display.T"),
    ("py:obj", "learning_cities._tables.T"),  # Rows is defined there
    ("py:class", "pandas.core.frame.DataFrame"),
    ("py:class", "pathlib.Path"),
    ("py:class", "argparse.ArgumentParser"),
    ("py:mod", "pandas"),
    ("py:mod", "importlib.resources"),
    # City.local_names and City.official_names: an immutable Mapping[str, str], private type
    ("py:class", "learning_cities._frozenmap.FrozenMap"),
    # the type variable of structure() and from_json(): "the class you pass"
    ("py:class", "learning_cities.serialization.T"),
    ("py:class", "learning_cities.document.T"),
    # the type variable of rules.decode(): the rule or call class you pass
    ("py:class", "learning_cities.rules._Record"),
]
nitpick_ignore_regex = [
    # cattrs and attrs types that appear in the serialization signatures
    ("py:class", r"cattrs\..*"),
    ("py:class", r"attrs?\..*"),
]
