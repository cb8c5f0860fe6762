"""schema.org JSON-LD for record pages, and its safe embedding in a <script> element.

Search engines and aggregators read these blocks. The serialiser escapes `<`, `>` and `&` as
JSON unicode escapes, so no record value can close the <script> element or open a comment.
"""

from __future__ import annotations

import json
import re
from typing import Any

from .catalog import BriefRecord, Catalog
from .config import active
from .countries import country
from .exchanges import ExchangeRecord
from .models import Member, Module, Partner
from .render_citations import author_names
from .vocab import COMPETENCIES, PARTNER_TYPES, PROFESSIONS, TOPICS, TRACK_LEVELS

CONTEXT = "https://schema.org"


def _genre() -> str:
    """What one brief is called (hub.yml: sections.briefs.singular, else its title)."""
    s = active().section("briefs")
    return s.singular or s.title


def dumps_for_script(data: Any) -> str:
    """JSON that is safe inside <script type="application/ld+json"> (and still valid JSON)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _place(code: str) -> dict:
    return {"@type": "Country", "name": country(code).name, "identifier": code}


def organization(p: Partner, url: str) -> dict:
    data: dict = {
        "@context": CONTEXT, "@type": "Organization", "@id": url, "url": url, "name": p.name,
        "sameAs": [p.website], "additionalType": PARTNER_TYPES[p.type],
        "address": {"@type": "PostalAddress", "addressCountry": p.country,
                    **({"addressLocality": p.city} if p.city else {})},
        "knowsAbout": [TOPICS[t] for t in p.focus],
    }
    if p.short_name:
        data["alternateName"] = p.short_name
    return data


def report(cat: Catalog, b: BriefRecord, url: str, publisher: str, publisher_url: str) -> dict:
    f = b.front
    data: dict = {
        "@context": CONTEXT, "@type": "Report", "@id": url, "url": url, "headline": f.title,
        "name": f.title, "abstract": f.summary, "datePublished": f.date.isoformat(),
        "inLanguage": f.lang, "genre": _genre(),
        "author": [{"@type": "Person", "name": n} for n in author_names(cat, b)],
        "publisher": {"@type": "Organization", "name": publisher, "url": publisher_url},
        "about": [TOPICS[t] for t in f.topics],
        "spatialCoverage": [_place(c) for c in f.countries],
        "citation": [r.title for r in f.references],
        "license": active().network.licence.url,
    }
    if f.doi:
        data["identifier"] = {"@type": "PropertyValue", "propertyID": "DOI", "value": f.doi}
        data["sameAs"] = [f"https://doi.org/{f.doi}"]
    return data


def course(m: Module, url: str, track_title: str, provider: str, provider_url: str) -> dict:
    return {
        "@context": CONTEXT, "@type": "Course", "@id": url, "url": url, "name": m.title,
        "description": "; ".join(m.objectives), "courseCode": m.id,
        "educationalLevel": TRACK_LEVELS[m.level],
        "teaches": [COMPETENCIES[c] for c in m.competencies],
        "timeRequired": f"PT{m.duration_hours:g}H",
        "isPartOf": {"@type": "Course", "name": track_title},
        "provider": {"@type": "Organization", "name": provider, "url": provider_url},
        "coursePrerequisites": list(m.prerequisites),
    }


def person(cat: Catalog, m: Member, url: str) -> dict:
    """Only called for members who gave public consent (the hook never passes others)."""
    data: dict = {
        "@context": CONTEXT, "@type": "Person", "@id": url, "url": url, "name": m.name,
        "jobTitle": PROFESSIONS[m.profession],
        "workLocation": {"@type": "Place",
                         "address": {"@type": "PostalAddress", "addressCountry": m.country}},
        "knowsAbout": [TOPICS[t] for t in m.interests],
    }
    if m.affiliation:
        data["affiliation"] = {"@type": "Organization", "name": cat.partners[m.affiliation].name}
    same = []
    if m.links and m.links.orcid:
        same.append(f"https://orcid.org/{m.links.orcid}")
    if m.links and m.links.website:
        same.append(m.links.website)
    if same:
        data["sameAs"] = same
    return data


def project(cat: Catalog, e: ExchangeRecord, url: str) -> dict:
    """An exchange as a schema.org `Project`: "an enterprise (potentially individual but typically
    collaborative), planned to achieve a particular aim". An exchange is such a collaboration
    between organisations, over a span of time, not a single happening (`Event`) nor a
    publication (`CreativeWork`); `Project` is an `Organization`, so its partners are its
    `member`s and its dates `foundingDate` / `dissolutionDate`."""
    from .direction import DIRECTIONS
    from .render_markdown import render_markdown
    from .vocab import EXCHANGE_KINDS

    f = e.front
    text = re.sub(r"<[^>]+>", "", str(render_markdown(f.innovation, inline=True)))
    data: dict = {
        "@context": CONTEXT, "@type": "Project", "@id": url, "url": url, "name": f.title,
        "description": " ".join(text.split()), "additionalType": EXCHANGE_KINDS[f.kind],
        "member": [{"@type": "Organization", "name": cat.partners[p].name,
                    "address": {"@type": "PostalAddress", "addressCountry": cat.partners[p].country}}
                   for p in f.partners if p in cat.partners],
        "foundingDate": f.start.isoformat(),
        "areaServed": [_place(c) for c in e.countries],
        "knowsAbout": [TOPICS[t] for t in f.topics],
        "keywords": [DIRECTIONS[e.direction.word]],
        "inLanguage": f.lang,
    }
    if f.end:
        data["dissolutionDate"] = f.end.isoformat()
    return data
