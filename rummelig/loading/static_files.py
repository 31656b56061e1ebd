"""The files in `docs/` that are not pages: MkDocs copies each to the site as it is, so each
is judged here before a build (issue 13 item 3).

An allowlist of types: pages (`.md`, read by `loading/docs.py`), images (PNG, JPEG, GIF,
WebP, AVIF, ICO — their first bytes must say so) and SVG anywhere; the theme's own CSS and
JavaScript only in `docs/assets/` (the project's files, not contributions). Everything else —
HTML, XML, XSLT, compressed SVG, a script outside `docs/assets/` — is refused: opened from
the intranet, it would run with the site's rights.

SVG is parsed as XML (the standard library's expat, with every DTD entity declaration and
processing instruction refused, as `defusedxml` does) and refused, at any size, on any
script, event attribute, element outside the SVG namespace (`<h:script>` with an XHTML
prefix), animation (which can rewrite a link), or reference out of the image (`href`,
`xlink:href`, `url(…)` that is not `#…`, after the parser decoded every entity). A regex over
the bytes missed all of these; the parser sees what the browser sees.
"""

from __future__ import annotations

import re
import xml.parsers.expat
from dataclasses import dataclass
from pathlib import Path

from rummelig.problems import Problems

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"

# First bytes of each image type (what a browser sniffs); an HTML file renamed to .png is refused.
IMAGES: dict[str, tuple[bytes, ...]] = {
    ".png": (b"\x89PNG\r\n\x1a\n",), ".jpg": (b"\xff\xd8\xff",), ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"), ".ico": (b"\x00\x00\x01\x00",),
}
_RIFF_WEBP = re.compile(rb"RIFF....WEBP", re.DOTALL)
_AVIF = re.compile(rb"....ftyp(avif|avis)", re.DOTALL)
# Only in docs/assets/: the theme's own files (CODEOWNERS keeps them with the maintainers).
ASSETS = "docs/assets/"
ASSET_TYPES = {".css"}
SCRIPT_FOLDERS = ("docs/assets/javascripts/", "docs/assets/vendor/")
LICENCES = {"LICENSE", "LICENSE.txt", "LICENCE", "NOTICE"}

# Graphics, text and paint servers; nothing that runs, loads or changes another document.
SVG_ELEMENTS = {
    "svg", "g", "defs", "symbol", "use", "title", "desc", "metadata", "switch", "path", "rect", "circle",
    "ellipse", "line", "polyline", "polygon", "text", "tspan", "textPath", "linearGradient",
    "radialGradient", "stop", "clipPath", "mask", "pattern", "marker", "filter", "style", "view",
    "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feConvolveMatrix",
    "feDiffuseLighting", "feDisplacementMap", "feDistantLight", "feDropShadow", "feFlood", "feFuncA",
    "feFuncB", "feFuncG", "feFuncR", "feGaussianBlur", "feMerge", "feMergeNode", "feMorphology", "feOffset",
    "fePointLight", "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence",
}
_SCRIPTING = {"script", "handler", "listener"}
_ANIMATION = {"animate", "set", "animateMotion", "animateTransform", "animateColor", "discard", "mpath"}
_URL_FUNCTION = re.compile(r"url\s*\(\s*['\"]?\s*([^'\")\s]*)", re.IGNORECASE)
_IMPORT = re.compile(r"@import", re.IGNORECASE)

SVG_FIX = ("gem billedet uden script, links og animation, fx som almindelig SVG (Inkscape: 'Gem som' → "
           "'Optimeret SVG') eller som PNG")


@dataclass(frozen=True)
class SvgFinding:
    line: int
    what: str      # Danish: what the image holds


def _local(value: str) -> bool:
    return value.strip().startswith("#")


def _outside_refs(text: str) -> bool:
    """A `url(…)` that is not `url(#id)`, or an @import: the image would load something."""
    return bool(_IMPORT.search(text)) or any(not _local(m.group(1)) for m in _URL_FUNCTION.finditer(text))


def svg_findings(data: bytes) -> list[SvgFinding]:
    """Everything in an SVG file that could run script or reach outside the image; empty when
    it is a plain picture. Never raises."""
    found: list[SvgFinding] = []
    parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")
    styles: list[list[str]] = []  # the text of each open <style> element (expat may split it)

    def add(what: str) -> None:
        found.append(SvgFinding(parser.CurrentLineNumber, what))

    def start(name: str, attributes: dict[str, str]) -> None:
        namespace, _, local = name.rpartition(" ")
        if namespace != SVG_NS:
            add(f"et element, der ikke er SVG (<{local}> fra {namespace or 'intet navnerum'})")
        elif local in _SCRIPTING:
            add(f"script (<{local}>)")
        elif local in _ANIMATION:
            add(f"animation (<{local}>), som kan ændre et link")
        elif local == "foreignObject":
            add("HTML inde i billedet (<foreignObject>)")
        elif local == "a":
            add("et link (<a>)")
        elif local == "image":
            add("et indlejret billede (<image>), som hentes et andet sted fra")
        elif local not in SVG_ELEMENTS:
            add(f"et ukendt element (<{local}>)")
        if local == "style" and namespace == SVG_NS:
            styles.append([])
        for key, value in attributes.items():
            attr_ns, _, attr = key.rpartition(" ")
            if attr.lower().startswith("on"):
                add(f"en hændelse ({attr}=)")
            elif attr == "href" and attr_ns in ("", XLINK_NS) and not _local(value):
                add(f"en henvisning ud af billedet ({'xlink:' if attr_ns else ''}href=)")
            elif attr == "base" and attr_ns == XML_NS:
                add("en ny basisadresse (xml:base=)")
            elif "url" in value.lower() or "@import" in value.lower():
                if _outside_refs(value):
                    add(f"en henvisning ud af billedet ({attr}=\"url(…)\")")

    def end(name: str) -> None:
        if name == f"{SVG_NS} style" and styles and _outside_refs("".join(styles.pop())):
            add("en henvisning ud af billedet (url(…) eller @import i <style>)")

    def text(data: str) -> None:
        if styles:
            styles[-1].append(data)

    def entity(*args: object) -> None:
        add("en DOCTYPE med ENTITY-erklæringer")

    def instruction(target: str, data: str) -> None:
        add(f"en behandlingsinstruktion (<?{target} …?>), fx et stylesheet, der hentes")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.EntityDeclHandler = entity
    parser.UnparsedEntityDeclHandler = entity
    parser.ProcessingInstructionHandler = instruction
    parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)
    try:
        parser.Parse(data, True)
    except xml.parsers.expat.ExpatError as exc:
        found.append(SvgFinding(exc.lineno or 1, f"noget, der ikke kan læses som XML ({_expat_reason(exc)})"))
    seen: set[str] = set()
    unique = []
    for finding in found:  # one message per kind of problem, at its first line
        key = finding.what.split(" (")[0]
        if key not in seen:
            seen.add(key)
            unique.append(finding)
    return unique


def _expat_reason(exc: xml.parsers.expat.ExpatError) -> str:
    return xml.parsers.expat.ErrorString(exc.code) if exc.code else "ugyldig XML"


def check_static(path: Path, rel: str, problems: Problems) -> None:
    """One file in docs/ that is not a page (`rel` starts with docs/)."""
    suffix = path.suffix.lower()
    name = path.name
    if suffix in (".html", ".htm", ".xhtml", ".shtml", ".xht"):
        problems.error(rel, None, "HTML-filer i docs/ bliver udgivet, som de er, uden kontrol",
                       "skriv siden som Markdown (.md) i stedet", "docs.static-html")
        return
    if suffix in (".js", ".mjs"):
        if not rel.startswith(SCRIPT_FOLDERS):
            problems.error(rel, None, "JavaScript må kun ligge i docs/assets/javascripts/ (projektets egne filer)",
                           "flyt eller slet filen", "docs.static-script")
        return
    if rel.startswith(ASSETS) and (suffix in ASSET_TYPES or name in LICENCES):
        return
    if suffix == ".svg":
        try:
            data = path.read_bytes()
        except OSError as exc:
            problems.error(rel, None, f"filen kan ikke læses ({exc.strerror})", "tjek filens rettigheder",
                           "files.unreadable")
            return
        for finding in svg_findings(data):
            problems.error(rel, finding.line, f"SVG-billedet indeholder {finding.what}", SVG_FIX, "docs.svg-script")
        return
    if suffix in IMAGES or suffix in (".webp", ".avif"):
        try:
            with path.open("rb") as handle:
                head = handle.read(16)
        except OSError as exc:
            problems.error(rel, None, f"filen kan ikke læses ({exc.strerror})", "tjek filens rettigheder",
                           "files.unreadable")
            return
        real = (head.startswith(IMAGES[suffix]) if suffix in IMAGES
                else bool((_RIFF_WEBP if suffix == ".webp" else _AVIF).match(head)))
        if not real:
            problems.error(rel, None, f"filen hedder {suffix}, men er ikke et {suffix[1:].upper()}-billede",
                           "gem billedet igen i det rigtige format, eller giv filen den rigtige endelse",
                           "docs.static-type")
        return
    shown = suffix or "(ingen)"
    problems.error(rel, None, f"filtypen '{shown}' må ikke ligge i docs/ (MkDocs udgiver filen, som den er, uden "
                   "kontrol)", "skriv sider som Markdown (.md), og gem billeder som PNG, JPEG, GIF, WebP eller SVG",
                   "docs.static-type")
