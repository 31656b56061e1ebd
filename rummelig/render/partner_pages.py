"""The partner directory: one page per area (`partnere/<kommune>/`, a region's page,
`partnere/hele-landet/`) with every partner's one full entry, one page per partner type
(`partnere/type/<type>/`, linking to the entries) and the overview `partnere/`."""

from __future__ import annotations

from rummelig import addresses
from rummelig.models.reference import PARTNER_TYPES, area_name
from rummelig.render.environment import Page, Renderer


def pages(renderer: Renderer) -> list[Page]:
    repo = renderer.repo
    by_area = repo.partners_by_area()
    by_type = repo.partners_by_type()
    found = []
    for slug, records in by_area.items():
        if not renderer.wants(addresses.area(slug)):
            continue
        name = area_name(slug)
        libraries = sorted((r for r in repo.libraries.values() if r.model.municipality == slug),
                           key=lambda r: r.model.name.lower())
        found.append(renderer.page(addresses.area(slug), "partners_municipality.md.j2",
                                   {"title": f"Partnere – {name}"}, slug=slug, name=name, partners=records,
                                   libraries=libraries))
    for type_key, type_label in PARTNER_TYPES.items():
        if not renderer.wants(addresses.partner_type(type_key)):
            continue
        found.append(renderer.page(addresses.partner_type(type_key), "partners_type.md.j2",
                                   {"title": f"{type_label} – hele landet"}, type_key=type_key,
                                   type_label=type_label, partners=by_type.get(type_key, [])))
    if not renderer.wants(addresses.partners_index()):
        return found
    found.append(renderer.page(addresses.partners_index(), "partners_index.md.j2", {"title": "Partnere"},
                               by_area=by_area, by_type=by_type))
    return found
