"""Static files in docs/ (issue 13 item 3): an allowlist of types, and SVG read as XML and
refused on anything that could run or reach outside the image, at any size."""

from __future__ import annotations

from pathlib import Path

import pytest

from rummelig.loading.static_files import svg_findings
from rummelig.pipeline import check_repository
from tests.support import PROJECT, write

SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 9 9">{}</svg>'


def messages(root: Path) -> list[str]:
    return [p.format() for p in check_repository(root).problems]


@pytest.mark.parametrize(("body", "what"), [
    ('<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>',
     "et element, der ikke er SVG (<script> fra http://www.w3.org/1999/xhtml)"),
    ('<a xlink:href="&#106;avascript:alert(1)"><rect width="9" height="9"/></a>', "et link (<a>)"),
    ('<use href="&#x6A;avascript:alert(1)"/>', "en henvisning ud af billedet (href=)"),
    ('<rect onclick="alert(1)"/>', "en hændelse (onclick=)"),
    ('<rect ONLOAD="alert(1)"/>', "en hændelse (ONLOAD=)"),
    ("<script><![CDATA[alert(1)]]></script>", "script (<script>)"),
    ('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>',
     "HTML inde i billedet (<foreignObject>)"),
    ('<set attributeName="fill" to="red"/>', "animation (<set>), som kan ændre et link"),
    ('<image href="https://sporing.example/pixel.png"/>',
     "et indlejret billede (<image>), som hentes et andet sted fra"),
    ('<rect style="fill:url(https://sporing.example/x)"/>', "en henvisning ud af billedet (style=\"url(…)\")"),
    ("<style>@import 'https://x.example/a.css';</style>",
     "en henvisning ud af billedet (url(…) eller @import i <style>)"),
    ('<g xml:base="javascript:/"><use href="#a"/></g>', "en ny basisadresse (xml:base=)"),
])
def test_unsafe_svg(body, what):
    findings = svg_findings(SVG.format(body).encode())
    assert what in [f.what for f in findings]


def test_script_after_the_first_256_kb_is_found():
    padding = "<!--" + "x" * 400_000 + "-->\n"
    findings = svg_findings(SVG.format(padding + "<script>alert(1)</script>").encode())
    assert [(f.line, f.what) for f in findings] == [(2, "script (<script>)")]


def test_entities_and_stylesheets_are_refused():
    doctype = b'<!DOCTYPE svg [<!ENTITY j "javascript:">]>' + SVG.format('<use href="&j;x"/>').encode()
    assert "en DOCTYPE med ENTITY-erklæringer" in [f.what for f in svg_findings(doctype)]
    styled = b'<?xml-stylesheet href="https://x.example/e.xsl" type="text/xsl"?>' + SVG.format("").encode()
    assert [f.what for f in svg_findings(styled)] == [
        "en behandlingsinstruktion (<?xml-stylesheet …?>), fx et stylesheet, der hentes"]


def test_plain_pictures_pass():
    plain = SVG.format('<defs><linearGradient id="g"><stop offset="0"/></linearGradient></defs>'
                       '<rect width="9" height="9" fill="url(#g)"/><use xlink:href="#g"/><title>Et hus</title>')
    assert svg_findings(plain.encode()) == []
    assert svg_findings((PROJECT / "docs/assets/images/favicon.svg").read_bytes()) == []


def test_a_broken_svg_is_refused_with_its_line():
    assert [(f.line, f.what) for f in svg_findings(b'<svg xmlns="http://www.w3.org/2000/svg">\n<rect>\n</svg>')] == [
        (3, "noget, der ikke kan læses som XML (mismatched tag)")]


def test_messages_for_static_files(repo):
    write(repo, "docs/om.md", "# Om\n")
    write(repo, "docs/billede.svg", SVG.format('<h:script xmlns:h="http://www.w3.org/1999/xhtml">x</h:script>'))
    write(repo, "docs/data.xml", '<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>')
    write(repo, "docs/falsk.png", "<html><script>alert(1)</script></html>")
    write(repo, "docs/side.xhtml", "<html/>")
    write(repo, "docs/noget.js", "alert(1)")
    write(repo, "docs/assets/javascripts/egen.js", "console.log(1)")  # the project's own
    write(repo, "docs/assets/stylesheets/egen.css", "body{}")
    write(repo, "docs/.skjult.xml", "<x/>")  # MkDocs does not publish hidden files
    (repo / "docs/rigtig.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(20))
    assert messages(repo) == [
        "docs/billede.svg:1: SVG-billedet indeholder et element, der ikke er SVG (<script> fra "
        "http://www.w3.org/1999/xhtml) — gem billedet uden script, links og animation, fx som almindelig SVG "
        "(Inkscape: 'Gem som' → 'Optimeret SVG') eller som PNG",
        "docs/data.xml: filtypen '.xml' må ikke ligge i docs/ (MkDocs udgiver filen, som den er, uden kontrol) — "
        "skriv sider som Markdown (.md), og gem billeder som PNG, JPEG, GIF, WebP eller SVG",
        "docs/falsk.png: filen hedder .png, men er ikke et PNG-billede — gem billedet igen i det rigtige format, "
        "eller giv filen den rigtige endelse",
        "docs/noget.js: JavaScript må kun ligge i docs/assets/javascripts/ (projektets egne filer) — flyt eller slet "
        "filen",
        "docs/side.xhtml: HTML-filer i docs/ bliver udgivet, som de er, uden kontrol — skriv siden som Markdown (.md) "
        "i stedet",
    ]
