"""The flat HSDS tables → the nested ("compiled") JSON documents of HSDS 3.0.

A service document carries its organization, phones, schedules, service areas, languages,
attributes (with their taxonomy term) and service_at_locations (with the location and its
addresses) — the shape of `schema/compiled/service.json`. An organization document carries
its locations and its services (without the organization again) — `compiled/organization.json`.
"""

from __future__ import annotations

from collections import defaultdict

from rummelig.export.hsds.mapping import Row, Tables


class _Nest:
    """The tables indexed once by their foreign keys (a lookup per row would be quadratic)."""

    def __init__(self, tables: Tables) -> None:
        self.ids = {name: {row["id"]: row for row in rows} for name, rows in tables.rows.items()}
        self.children: dict[tuple[str, str], dict[str, list[Row]]] = {}
        self.tables = tables

    def under(self, table: str, key: str, parent_id: str) -> list[Row]:
        index = self.children.get((table, key))
        if index is None:
            index = defaultdict(list)
            for row in self.tables.rows[table]:
                if key in row:
                    index[row[key]].append(row)
            self.children[(table, key)] = index
        return list(index.get(parent_id, []))

    def location(self, location: Row) -> Row:
        return {**location, "addresses": self.under("address", "location_id", location["id"])}

    def service(self, service: Row, with_organization: bool = True) -> Row:
        sid = service["id"]
        document = dict(service)
        if with_organization:
            document["organization"] = self.ids["organization"][service["organization_id"]]
        document["phones"] = self.under("phone", "service_id", sid)
        document["schedules"] = self.under("schedule", "service_id", sid)
        document["service_areas"] = self.under("service_area", "service_id", sid)
        document["languages"] = self.under("language", "service_id", sid)
        document["attributes"] = [{**a, "taxonomy_term": self.ids["taxonomy_term"][a["taxonomy_term_id"]]}
                                  for a in self.under("attribute", "link_id", sid)]
        document["service_at_locations"] = [
            {**link, "location": self.location(self.ids["location"][link["location_id"]])}
            for link in self.under("service_at_location", "service_id", sid)]
        return document


def service_documents(tables: Tables) -> list[Row]:
    nest = _Nest(tables)
    return [nest.service(service) for service in tables.rows["service"]]


def organization_documents(tables: Tables) -> list[Row]:
    nest = _Nest(tables)
    documents = []
    for organization in tables.rows["organization"]:
        oid = organization["id"]
        documents.append({**organization,
                          "locations": [nest.location(x) for x in nest.under("location", "organization_id", oid)],
                          "services": [nest.service(x, with_organization=False)
                                       for x in nest.under("service", "organization_id", oid)]})
    return documents
