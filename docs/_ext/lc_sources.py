"""Where the facts come from: the kinds of source the member records cite, and the sites most cited."""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlsplit

from lc_markdown import number, table, text

import learning_cities as lc

#: Kinds of source, tried in order: a label and the pattern its site's host name matches.
KINDS: tuple[tuple[str, re.Pattern[str] | None], ...] = (
    ("UNESCO and its Institute for Lifelong Learning (UIL)", re.compile(r"(^|\.)unesco\.org$|^unesco-uil\.")),
    ("GeoNames gazetteer (places, populations, time zones)", re.compile(r"(^|\.)geonames\.org$")),
    (
        "governments and national commissions",
        re.compile(r"(^|\.)(gov|gob|go|gouv|govt|admin|bund|gv)\.[a-z.]+$|\.gov$|\.gouv\.[a-z]+$"),
    ),
    ("news media, partners and other sites", None),
)
CITATION = "a citation without a URL (a print source or an announcement)"


def host(url: str) -> str | None:
    """The site of a source URL, without ``www.``; ``None`` for a citation that is no URL."""
    if not re.match(r"https?://", url.strip()):
        return None
    name = (urlsplit(url.strip()).hostname or "").casefold()
    return name.removeprefix("www.") or None


def kind(site: str | None) -> str:
    """The kind of source (a label of :data:`KINDS`) a site is, or :data:`CITATION`."""
    if site is None:
        return CITATION
    for label, pattern in KINDS:
        if pattern is None or pattern.search(site):
            return label
    raise AssertionError("the last kind matches every site")


def sources_page(net: lc.Network, top: int = 10) -> list[str]:
    """Records citing each kind of source, then the ``top`` sites by the records citing them."""
    by_kind: Counter[str] = Counter()
    by_site: Counter[str] = Counter()
    for city in net.cities:
        sites = {host(s) for s in city.sources}
        by_kind.update({kind(site) for site in sites})
        by_site.update(site for site in sites if site is not None)
    labels = [label for label, _ in KINDS] + [CITATION]
    rows = [[text(label), number(by_kind[label])] for label in labels]
    lines = [
        f"Every member record cites at least one source; the {number(len(net.cities))} records cite "
        f"{number(len(by_site))} sites. A record counts once per kind of source it cites:",
        "",
        *table(["kind of source", "records citing it"], rows, "lr"),
        f"The {top} sites the most records cite:",
        "",
    ]
    top_rows = [[text(site), text(kind(site)), number(count)] for site, count in by_site.most_common(top)]
    return lines + table(["site", "kind", "records"], top_rows, "llr")
