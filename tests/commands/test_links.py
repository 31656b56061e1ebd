"""`rummelig links`: lists external links and never fetches them (issue 6 item 9)."""

from __future__ import annotations

import importlib
import io
import json
import socket

from tests.support import write


def test_links_lists_external_links_and_never_fetches(repo, monkeypatch):
    from rummelig.commands import links

    write(repo, "docs/om.md", "# Om\n\nSe [Livslinien](https://www.livslinien.dk) og [forsiden](index.md).\n")
    path = repo / "strategies/en-gaest-sover.md"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "Registrér det gode møde.", "Læs [Sundhedsstyrelsen](https://www.sst.dk/da/x) og <http://example.dk>."),
        encoding="utf-8")

    def no_network(*args, **kwargs):
        raise AssertionError("rummelig links must not open a connection")

    # ssl subclasses socket.socket when first imported; run alone, this test's check imports it
    # (through a Markdown extension) only after the patch, and the class statement fails.
    importlib.import_module("ssl")
    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    out = io.StringIO()
    assert links.run(repo, "text", out) == 0
    assert out.getvalue().splitlines() == [
        "docs/om.md:3: https://www.livslinien.dk",
        "libraries/testbib.yml:8: https://bibliotek.example.dk",
        "partners/aarhus/vaerestedet.yml:9: https://www.aarhus.dk",
        "strategies/en-gaest-sover.md:32: http://example.dk",
        "strategies/en-gaest-sover.md:32: https://www.sst.dk/da/x",
        "5 eksterne links til 5 websteder. De er ikke hentet; tjek dem i en browser eller med et linktjek-værktøj.",
    ]
    out = io.StringIO()
    assert links.run(repo, "json", out) == 0
    assert json.loads(out.getvalue())[0] == {"path": "docs/om.md", "line": 3, "url": "https://www.livslinien.dk"}

