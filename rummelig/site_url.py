"""The address a site is published under (`RUMMELIG_SITE_URL`, docs-dev/drift.md), checked before
the build: MkDocs refuses an address without http(s):// with an English error ("Config value
'site_url': The URL isn't valid …") and takes one with a space as it is, so the 404 page's links
go to "/rummelig/ /assets/…". `rummelig check`, which `make site|offline|serve` run first, says
either in Danish with the fix."""

from __future__ import annotations

from urllib.parse import urlsplit

from rummelig.problems import Problems

EXAMPLE = "https://intra.kommune.dk/rummelig/"


def site_url_problems(value: str | None) -> Problems:
    """Problems with the address in RUMMELIG_SITE_URL; none when it is unset or empty (then
    mkdocs.yml's site_url is null and the site works under any address but for the 404 page)."""
    problems = Problems()
    if not value:
        return problems
    written = f"RUMMELIG_SITE_URL er '{value}'"
    if any(character.isspace() for character in value):
        problems.error("mkdocs.yml", None, f"{written}, og der er et mellemrum i adressen, så 404-sidens links "
                       "bliver forkerte", f"fjern mellemrummet, fx RUMMELIG_SITE_URL={EXAMPLE} make site",
                       "site-url.space")
        return problems
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        problems.error("mkdocs.yml", None, f"{written}, men adressen skal starte med https:// (eller http://) og "
                       "serverens navn", f"skriv hele adressen, som browseren viser den, fx "
                       f"RUMMELIG_SITE_URL={EXAMPLE} make site", "site-url.scheme")
    return problems
