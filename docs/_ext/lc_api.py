"""The API page, one autodoc entry per public name, and references to where users import them.

:func:`api_page` writes one autodoc entry per name in ``learning_cities.__all__``, grouped by
the module that defines it, then every public submodule with what only it defines.
:func:`resolve_public` resolves a reference to where a public name is defined
(``learning_cities.model.City``, as type hints name it) to where users import it from
(``learning_cities.City``).
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType
from typing import Any

import learning_cities as lc

# The order and titles of the API sections, by the module that defines a public name.
SECTIONS: dict[str, tuple[str, str]] = {
    "learning_cities": ("Loading", "The entry point: the packaged network, read once and cached."),
    "learning_cities.network": ("The network", "Every record of the packaged data, indexed for queries."),
    "learning_cities.cities": ("Query results", "What every query returns: a tuple of cities with exports."),
    "learning_cities.model": ("Records", "Frozen, slotted attrs classes: they compare by value and hash."),
    "learning_cities.cohorts": ("Admission rounds and totals", "Cohorts beside UNESCO's figures, and reported sizes."),
    "learning_cities.conferences": ("Conferences and awards", "The ICLCs and the UNESCO Learning City Award."),
    "learning_cities.places": ("Places", "Distances between members and points, in kilometres."),
    "learning_cities.completeness": ("Completeness", "How complete the data is: records against UNESCO's figures."),
    "learning_cities.calendars": ("Calendars", "The Thai solar calendar, as Thai sources date GNLC events."),
    "learning_cities.display_options": ("Display", "The calendar and language of notebook displays, per context."),
    "learning_cities.awards": ("Award cycles", "Held and projected editions of the UNESCO Learning City Award."),
    "learning_cities.eligibility": ("Eligibility", "Membership and award criteria as data, each with its source."),
    "learning_cities.serialization": ("Serialization", "Records to JSON-ready data and back, with cattrs."),
    "learning_cities.document": ("Network documents", "The whole network as one JSON document, and back."),
    "learning_cities.changes": ("Changes", "What changed from one network to another, record by record."),
    "learning_cities.errors": ("Errors", "Every error subclasses LearningCitiesError and a builtin."),
}

# Private modules that define public names, and the public module that shows them.
DEFINED_FOR: dict[str, str] = {
    "learning_cities._coverage": "learning_cities.completeness",  # computed below the network
}

# Public values (not classes or functions): their type and what they are.
DATA: dict[str, tuple[str, str]] = {
    "__version__": ("str", "The version of the package, e.g. ``'0.1.0'``; importing it reads no package metadata."),
    "ANY": (
        "object",
        "The default of :meth:`Network.where`'s ``joined``: no filter on the join year "
        "(``joined=None`` asks for the cities whose year is unknown).",
    ),
}


def _is_code(obj: object) -> bool:
    return isinstance(obj, type) or callable(obj)


def _directive(obj: object) -> str:
    if isinstance(obj, type):
        return "autoexception" if issubclass(obj, BaseException) else "autoclass"
    if callable(obj):
        return "autofunction"
    return "autodata"


def _comments(module: ModuleType) -> dict[tuple[str, str], list[str]]:
    """The ``#:`` comments of a module's values, as autodoc reads them (none without Sphinx)."""
    try:
        from sphinx.pycode import ModuleAnalyzer

        return dict(ModuleAnalyzer.for_module(module.__name__).find_attr_docs())
    except Exception:  # no Sphinx, or no source to read
        return {}


def module_data(module: ModuleType, names: list[str]) -> list[str]:
    """``py:data`` entries for public values autodoc leaves out (those without a ``#:``
    comment, and those a module ``__getattr__`` serves): their type and comment."""
    comments = _comments(module)
    annotations = getattr(module, "__annotations__", {})
    lines = []
    for name in names:
        annotation = annotations.get(name)
        kind = annotation if isinstance(annotation, str) else type(getattr(module, name)).__name__
        lines += [f".. py:data:: {name}", f"   :module: {module.__name__}", f"   :type: {kind}", ""]
        lines += [f"   {line}".rstrip() for line in comments.get(("", name), [])]
        lines.append("")
    return lines


def public_modules() -> list[str]:
    """The public submodules of the package, by name (no private module, no data package)."""
    found = pkgutil.iter_modules(lc.__path__)
    return sorted(f"learning_cities.{i.name}" for i in found if not i.name.startswith("_") and not i.ispkg)


def api_page() -> list[str]:
    """The autodoc entries of every public name, then of every public module's own names."""
    groups: dict[str, list[str]] = {}
    for name in sorted(lc.__all__, key=str.casefold):
        obj = getattr(lc, name)
        module = getattr(obj, "__module__", None) if _is_code(obj) else None
        module = DEFINED_FOR.get(module or "", module)
        if name == "ANY":
            module = "learning_cities.network"
        groups.setdefault(module or "learning_cities", []).append(name)
    order = [m for m in SECTIONS if m in groups] + sorted(m for m in groups if m not in SECTIONS)
    lines = ["```{eval-rst}", ".. currentmodule:: learning_cities", ""]
    for module in order:
        title, intro = SECTIONS.get(module, (module.rsplit(".", 1)[-1].strip("_").capitalize(), ""))
        lines += [title, "-" * len(title), ""]
        if intro:
            lines += [intro, ""]
        for name in groups[module]:
            obj = getattr(lc, name)
            directive = _directive(obj)
            if directive == "autodata":
                # a value's own docstring would be its type's (str's); say what it is instead
                kind, about = DATA.get(name, (type(obj).__name__, ""))
                lines += [f".. py:data:: {name}", f"   :type: {kind}", "", f"   {about}".rstrip()]
            else:
                lines.append(f".. {directive}:: {name}")
            lines.append("")
    # Public submodules, with what only they define (the rest is documented above).
    exported = set(lc.__all__)
    lines += ["Modules", "-------", ""]
    for module_name in public_modules():
        module = importlib.import_module(module_name)
        own = [
            n
            for n in getattr(module, "__all__", ())
            if n not in exported or getattr(lc, n, None) is not getattr(module, n)
        ]
        # autodoc documents the code and the values with a ``#:`` comment; the others get an entry
        comments = _comments(module)
        bare = [
            n for n in own if not _is_code(getattr(module, n)) and (("", n) not in comments or n not in vars(module))
        ]
        members = [n for n in own if n not in bare]
        lines.append(f".. automodule:: {module_name}")
        lines += ["   :no-index:"] if module_name.rsplit(".", 1)[1] in exported else []
        lines += [f"   :members: {', '.join(members)}"] if members else ["   :no-members:"]
        lines.append("")
        lines += module_data(module, bare)
    lines += ["```", ""]
    return lines


def public_target(target: str) -> str | None:
    """``learning_cities.model.City.joined`` -> ``learning_cities.City.joined``, if public.

    A name relative to a public one (``UnknownAwardError``, ``AwardSchedule.biennial`` in a
    docstring of another module) is looked up at the top level too."""
    if target.split(".")[0] in lc.__all__:
        return f"learning_cities.{target}"
    parts = target.split(".")
    if parts[0] != "learning_cities" or len(parts) < 3:
        return None
    for cut in range(len(parts) - 1, 1, -1):
        module_name = ".".join(parts[:cut])
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        name = parts[cut]
        if name in lc.__all__ and getattr(lc, name) is getattr(module, name, object()):
            return ".".join(["learning_cities", name, *parts[cut + 1 :]])
        return None
    return None


# Private types that appear in public signatures, and the public object that stands for them.
PRIVATE: dict[str, tuple[str, str]] = {
    "learning_cities.network._Any": ("data", "learning_cities.ANY"),
}


def resolve_public(app: Any, env: Any, node: Any, contnode: Any) -> Any:
    """Sphinx ``missing-reference``: a defining module's name resolved to the public one.

    The metadata of an ``Annotated`` type (``Year = Annotated[int, "year"]`` shows as
    ``Annotated[int, 'year']``) is a string, not a class: it stays plain text.
    """
    if node.get("refdomain") != "py":
        return None
    target = node["reftarget"]
    if node["reftype"] == "class" and len(target) > 1 and target[0] == target[-1] and target[0] in "'\"":
        return contnode
    reftype, public = PRIVATE.get(target, (node["reftype"], public_target(target)))
    if public is None:
        return None
    domain = env.get_domain("py")
    return domain.resolve_xref(env, node["refdoc"], app.builder, reftype, public, node, contnode)


def public_bases(app: Any, name: str, obj: object, options: Any, bases: list[type]) -> None:
    """Show a private base class (``_UnknownError``, ``_fields.Record``) as the classes it derives from."""
    shown: list[type] = []
    pending = list(bases)
    while pending:
        base = pending.pop(0)
        private = base.__name__.startswith("_") or base.__module__.rsplit(".", 1)[-1].startswith("_")
        if private and base.__module__.startswith("learning_cities"):
            pending[:0] = list(base.__bases__)
        elif base not in shown:
            shown.append(base)
    bases[:] = shown
