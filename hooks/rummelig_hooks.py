"""MkDocs hooks: a thin adapter over the `rummelig` core (which never imports MkDocs).

- on_startup: note whether this is a live preview (`mkdocs serve`) and a `--dirty` one; put the
             engine's own log lines into Danish (rummelig/buildlog.py).
- on_config: load and validate the content; stop the build with the core's Danish messages
             when there are errors (warnings are logged and never stop it, as `rummelig check`
             says). `extra.library` (RUMMELIG_LIBRARY) builds one library's edition.
- on_files:  add the generated pages (playbooks, libraries, partners, new-staff path).
- on_serve:  watch the content folders as well as docs/.
- on_env:    under `mkdocs serve`, keep the theme's compiled templates between rebuilds.
- on_page_markdown / on_page_content: escape front-matter titles and sanitise each page's
  HTML with the core's allowlist (the check refuses unsafe content first); a full build hands
  the HTML to a child that sanitises it while MkDocs renders the rest (rummelig.sanitize.Sanitiser),
  and on_env, before anything reads the pages' HTML, puts the sanitised pages in place.
- on_env / on_post_page: a full build hands each page, as written, to a CPR scan that runs
  beside the build (rummelig.sitescan.PageScan).
- on_page_context / on_post_build: a full build makes the search index in a child from the
  pages' HTML (forked before the first page is written) while MkDocs writes the pages (the
  theme's search then indexes nothing itself); a --dirty build after the last page, in a child
  while this process scans the rest of the site.
- on_post_build: then scan the built site for CPR numbers (skipping the pages found clean
  beside the build; a --dirty rebuild: the files it wrote); a finding empties the site and stops
  the build (the last line of the privacy guard).

MkDocs imports this module once per `mkdocs serve` session, so all per-build state is
reset in on_config, which runs at the start of every build and rebuild. What a preview keeps
on purpose between rebuilds is in `rummelig.preview.Preview` (issue 18): the checked files, the
last good pages, and each generated page as a file that `--dirty` compares with its HTML.
Every build checks with the cache in .rummelig-cache/ (rummelig/cache.py).
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File

from rummelig import buildlog
from rummelig.cache import CheckCache
from rummelig.kinds import content_folders
from rummelig.preview import Preview
from rummelig.problems import summary
from rummelig.render.environment import COMPILED
from rummelig.sanitize import Sanitiser, escape_meta, sanitize_html
from rummelig.search import SEARCH_FOLDER, make_site_search, parse_theme_index, write_site_search, write_theme_index
from rummelig.site import SiteResult, build_site, theme_extra
from rummelig.sitescan import Beside, PageScan, refuse_built_site

log = get_plugin_logger("rummelig")
_state: dict[str, Any] = {"result": None, "serve": False, "dirty": False, "preview": None, "built": 0, "started": 0.0,
                          "scan": None, "search": None, "search_files": None, "sanitiser": None, "handed": {}}


class _DirtyNotice(logging.Filter):
    """`make serve` runs `mkdocs serve --dirty` (the incremental preview), and MkDocs warns on
    every --dirty build that its navigation may be inaccurate — a WARNING, so mkdocs.yml's
    `strict: true` would abort the preview. Our pages are staged so that --dirty is exact
    (rummelig/preview.py); the notice is kept as INFO."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno == logging.WARNING and "'dirty' build" in record.getMessage():
            record.levelno, record.levelname = logging.INFO, "INFO"
        return True


def on_startup(command, dirty):
    _state.update(serve=command == "serve", dirty=dirty)
    # The engine's name, as its loggers have it: "mkdocs", or "properdocs", which aliases the
    # mkdocs modules but logs under its own name (`make serve ENGINE=properdocs` stopped on the
    # --dirty warning while the notice sat on mkdocs' logger).
    engine = log.logger.name.split(".")[0]
    if command == "serve" and dirty:
        build_log = logging.getLogger(f"{engine}.commands.build")
        if not any(isinstance(f, _DirtyNotice) for f in build_log.filters):
            build_log.addFilter(_DirtyNotice())
    buildlog.install(engine)  # after _DirtyNotice: its INFO line is then put into Danish too


def on_shutdown():
    if _state["preview"] is not None:
        _state["preview"].close()
        _state["preview"] = None


def _root(config) -> Path:
    """The project's folder. Absolute: `mkdocs serve -f mkdocs.yml` gives the first build the
    path as typed and every rebuild an absolute one, and the preview is kept per folder."""
    return Path(config.config_file_path).resolve().parent


def _build(root: Path, library: str | None) -> SiteResult:
    if not _state["serve"]:
        return build_site(root, library=library, cache=CheckCache.for_project(root), share=True)
    if _state["preview"] is None or _state["preview"].root != root:
        _state["preview"] = Preview(root)
    return _state["preview"].build(library)


def on_config(config):
    _stop_page_scan()
    _state.update(result=None, started=time.time())
    result = _build(_root(config), config.extra.get("library") or None)
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
    for folder in content_folders(_root(config)):
        server.watch(folder)
    return server


@event_priority(200)  # first: the pages sanitised in the child in place before any plugin reads them (tags: 100)
def on_env(env, config, files):
    """A preview builds after every save, and MkDocs makes the theme's Jinja environment anew
    each time: keep the compiled theme templates in memory (keyed by their source's hash). A
    full build puts its sanitised pages in place and starts the scan of its pages beside it (its
    pages are about to be written); its search index starts with the first page's context."""
    _put_sanitised_pages()
    if _state["serve"]:
        env.bytecode_cache = COMPILED
    else:  # a full build: its pages are scanned for CPR numbers beside it, as they are written
        if _state["scan"] is not None:
            _state["scan"].close()
        _state["scan"] = PageScan()
        _state["search_files"] = files
    if _state["dirty"]:
        _forget_rebuilt_search_entries(config, files)
        if _state["built"]:
            pages = files.documentation_pages()
            log.info(f"Forhåndsvisningen bygger {sum(f.is_modified() for f in pages)} af {len(pages)} sider igen")
    return env


@event_priority(100)  # before the theme's search sees the first page (its own page_context: 0)
def on_page_context(context, page, config, nav):
    """A full build's search child is forked here, once: after on_env, where the tags plugin
    writes its listings into the pages, and before the theme's search indexes a page."""
    files, _state["search_files"] = _state["search_files"], None
    if files is not None:
        _state["search"] = _search_beside(config, files)
    return context


def _put_sanitised_pages() -> None:
    """The pages handed to the sanitiser's child (on_page_content), sanitised, in place; a page
    the child did not give back is sanitised here."""
    sanitiser, handed = _state["sanitiser"], _state["handed"]
    _state.update(sanitiser=None, handed={})
    if sanitiser is None:
        return
    done = sanitiser.results() or {}
    for key, (page, html) in handed.items():
        page.content = done[key] if key in done and page.content is html else sanitize_html(page.content)


def _theme_search(config):
    """The theme's search plugin (Material's `search`), where it is on."""
    for plugin in config.plugins.values():
        index = getattr(plugin, "search_index", None)
        if index is not None and hasattr(index, "add_entry_from_context") and getattr(plugin.config, "enabled", True):
            return plugin
    return None


def _search_beside(config, files) -> Beside | None:
    """A full build (not --dirty): the search index made in a forked child while MkDocs writes the
    pages (issue 18: at national scale the index is seconds of pure Python that used to start
    after the last page). Every page's HTML is final by the first page's context (after on_env,
    where the tags plugin writes its listings), so the child indexes the pages' sections with
    the theme's own code, as the theme would while writing them (`generate_search_index`: the
    same bytes its file would hold), makes our index from them and
    writes search/rummelig/; this process writes the theme's emptied file after the theme's own
    (Beside's `then`). The theme's search in this process only keeps each page's HTML as it saw
    it (it strips data-search-* attributes after indexing), for the work done here when there is
    no child. None: the index is made after the build, as before."""
    result, plugin = _state["result"], _theme_search(config)
    if result is None or plugin is None or _state["dirty"]:
        return None
    theme_index = plugin.search_index
    pages = [f.page for f in files.documentation_pages() if f.page is not None]
    seen: dict[int, str] = {}
    site, docs, urls = Path(config.site_dir), Path(config.docs_dir), config.use_directory_urls

    def work() -> tuple[dict[str, Any], str]:
        sections = type(theme_index)(**theme_index.config)
        for page in pages:
            now = page.content
            page.content = seen.get(id(page), now)
            try:
                sections.add_entry_from_context(page)
            finally:
                page.content = now
        # the index before this build's, as the theme passes it (set only where a --dirty build kept it)
        before = getattr(plugin, "search_index_prev", None)
        theme = parse_theme_index(sections.generate_search_index(before).encode("utf-8"))
        search = make_site_search(docs, result, theme, urls)
        return search.config, search.write_index(site)

    beside = Beside(site, SEARCH_FOLDER, work, lambda made: write_theme_index(site, *made))
    theme_index.add_entry_from_context = lambda page: seen.__setitem__(id(page), page.content)
    return beside


def _forget_rebuilt_search_entries(config, files):
    """Material's search keeps the previous index in a --dirty rebuild and removes the entries of
    only the *first* page built again, assuming one page changed: every other page we render again
    would be in the index twice, and the index (and each rebuild) would grow with every save. The
    entries of every page this build makes again are removed first."""
    search = next((p for p in config.plugins.values() if getattr(p, "search_index_prev", None)), None)
    if search is None:
        return
    # A page's entries are located at its page URL, where the home page is "" (its file's URL is "./").
    rebuilt = {"" if f.url == "./" else f.url for f in files.documentation_pages() if f.is_modified()}
    previous = search.search_index_prev
    previous.entries = [e for e in previous.entries if str(e.get("location", "")).split("#")[0] not in rebuilt]


def on_files(files, config):
    result = _state["result"]
    if result is None:
        return files
    # A --dirty preview builds a page again only when its source file is newer than its HTML.
    staged = _state["preview"].stage(result.pages) if _state["dirty"] and _state["preview"] else {}
    for page in result.pages:
        if files.get_file_from_path(page.uri) is not None:
            raise PluginError(f"docs/{page.uri}: siden laves automatisk — slet filen fra docs/")
        if page.uri in staged:
            files.append(File.generated(config, page.uri, abs_src_path=str(staged[page.uri])))
        else:
            files.append(File.generated(config, page.uri, content=page.content))
    if not _state["serve"] and not _state["dirty"]:  # a full build: its pages sanitised in a child
        _state["sanitiser"] = Sanitiser()
    return files


@event_priority(-50)  # after Material's search plugin wrote the index, before the offline plugin (-100)
def on_post_build(config):
    result = _state["result"]
    if result is None:
        _stop_page_scan()
        return
    site, docs = Path(config.site_dir), Path(config.docs_dir)
    preview = _state["preview"]
    beside, _state["search"] = _state["search"], None
    if preview is None:
        # The page scan's child first: a child forked while the pipe to it is open would hold its
        # write end, so the scan never saw the end of its input while the build waited for it, and the
        # search child blocked on its results pipe (a national build at 2× hung for good).
        if _state["scan"] is not None:
            _state["scan"].finish()
            _state["scan"] = None
        if beside is None:  # --dirty: the index is made in a child while this process scans the rest
            beside = Beside(site, SEARCH_FOLDER,
                            lambda: write_site_search(site, docs, result, config.use_directory_urls))
    elif _state["dirty"] and _state["built"]:
        preview.search_later(site, docs, result, config.use_directory_urls)  # after the page reloads
    else:
        preview.search_now(site, docs, result, config.use_directory_urls)
    # A --dirty rebuild wrote only the pages that changed: those are the ones to scan (with a margin
    # for file systems that keep whole seconds).
    since = _state["started"] - 2 if _state["dirty"] and _state["built"] else None
    try:
        refused = refuse_built_site(site, since=since, beside=beside)
    finally:
        if beside is not None:
            beside.close()
    _state["built"] += 1
    if refused:
        raise PluginError(refused)


@event_priority(-100)  # last: the page as MkDocs writes it
def on_post_page(output, page, config):
    if _state["scan"] is not None:
        _state["scan"].add(page.file.abs_dest_path, page.file.dest_uri, output)
    return output


def _stop_page_scan() -> None:
    if _state["scan"] is not None:
        _state["scan"].close()
        _state["scan"] = None
    if _state["search"] is not None:
        _state["search"].close()
        _state["search"] = None
    if _state["sanitiser"] is not None:
        _state["sanitiser"].close()
    _state.update(sanitiser=None, handed={}, search_files=None)


def on_build_error(error):
    _stop_page_scan()
    if isinstance(error, Abort):  # strict mode stopped the build on a warning: say so in Danish
        error.message = buildlog.strict_abort(error.message) or error.message


def on_page_markdown(markdown, page, config, files):
    escape_meta(page.meta)  # themes print title/description unescaped (issue 6)
    return markdown


@event_priority(-100)  # last: nothing added to the page's HTML after the sanitiser
def on_page_content(html, page, config, files):
    sanitiser = _state["sanitiser"]
    if sanitiser is not None and sanitiser.add(page.file.src_uri, html):
        _state["handed"][page.file.src_uri] = (page, html)
        return html  # sanitised in the child: on_env puts it in place before anything reads it
    return sanitize_html(html)
