"""MkDocs hooks: a thin adapter over the `rummelig` core (which never imports MkDocs).

- on_config: load and validate the content; stop the build with the core's Danish messages
             when there are errors (warnings are logged and never stop it, as `rummelig check`
             says). `extra.library` (RUMMELIG_LIBRARY) builds one library's edition.
- on_files:  add the generated pages (playbooks, libraries, partners, new-staff path).
- on_serve:  watch the content folders as well as docs/.
- on_page_markdown / on_page_content: escape front-matter titles and sanitise each page's
  HTML with the core's allowlist (the check refuses unsafe content first).
- on_post_build: write the search index, then scan the whole built site for CPR numbers; a
  finding empties the site and stops the build (the last line of the privacy guard).

MkDocs imports this module once per `mkdocs serve` session, so all per-build state is
reset in on_config, which runs at the start of every build and rebuild.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File

from rummelig.kinds import content_folders
from rummelig.problems import summary
from rummelig.sanitize import escape_meta, sanitize_html
from rummelig.search import write_site_search
from rummelig.site import SiteResult, build_site, theme_extra
from rummelig.sitescan import refuse_built_site

log = get_plugin_logger("rummelig")
_state: dict[str, SiteResult | None] = {"result": None}


def on_config(config):
    _state["result"] = None
    root = Path(config.config_file_path).parent
    result = build_site(root, library=config.extra.get("library") or None)
    # Warnings never stop the build (the check says so too: rummelig.problems.summary). MkDocs'
    # strict mode aborts on every WARNING record, so they are logged as INFO: still in the log.
    for problem in result.problems.warnings:
        log.info(problem.format())
    if result.problems.has_errors():
        lines = [p.format() for p in result.problems.errors]
        raise PluginError("Indholdet har fejl, så siden bygges ikke:\n" + "\n".join(lines)
                          + "\n" + summary(result.problems))
    _state["result"] = result
    config.extra.update(theme_extra(result, config.use_directory_urls))
    return config


def on_serve(server, config, builder):
    """`mkdocs serve` watches only docs/ by itself: also rebuild when a content folder changes
    (the folders come from the kinds registry, so a new kind is watched too)."""
    for folder in content_folders(Path(config.config_file_path).parent):
        server.watch(folder)
    return server


def on_files(files, config):
    result = _state["result"]
    if result is None:
        return files
    for page in result.pages:
        if files.get_file_from_path(page.uri) is not None:
            raise PluginError(f"docs/{page.uri}: siden laves automatisk — slet filen fra docs/")
        files.append(File.generated(config, page.uri, content=page.content))
    return files


@event_priority(-50)  # after Material's search plugin wrote the index, before the offline plugin (-100)
def on_post_build(config):
    result = _state["result"]
    if result is not None:
        write_site_search(Path(config.site_dir), Path(config.docs_dir), result, config.use_directory_urls)
    refused = refuse_built_site(Path(config.site_dir))
    if refused:
        raise PluginError(refused)


def on_page_markdown(markdown, page, config, files):
    escape_meta(page.meta)  # themes print title/description unescaped (issue 6)
    return markdown


@event_priority(-100)  # last: nothing added to the page's HTML after the sanitiser
def on_page_content(html, page, config, files):
    return sanitize_html(html)
