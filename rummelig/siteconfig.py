"""`mkdocs.yml` as the core reads it — never through MkDocs (the core does not import it).

The check must render Markdown exactly as the build does (issue 13: "one pipeline decides"),
so the Markdown extensions come from the same file the build reads: MkDocs' built-in ones
(`toc`, `tables`, `fenced_code`, as `mkdocs.config.defaults` adds them) followed by
`markdown_extensions:`. A repository without mkdocs.yml (a content-only checkout, the tests'
fixtures) gets the project's own list, `DEFAULT_EXTENSIONS`; a test keeps the two equal.

`!ENV` and other tags are kept as `Tagged` values, so `rummelig materialize` can write the
config back unchanged. One `!!python/name:` is resolved, because the pages' anchors depend on it:
toc's `slugify`, which the project sets to Python-Markdown's own `slugify_unicode` so that a
heading "Værested" gets the anchor `#værested`, not `#vrested` (the default drops æ, ø and å).
Only the names in `RESOLVABLE` are imported; any other tag is named as a problem, as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import yaml

CONFIG = "mkdocs.yml"
BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")  # mkdocs.config.defaults.MkDocsConfig.markdown_extensions


@dataclass(frozen=True)
class PythonName:
    """A `!!python/name:<dotted name>` value written in Python (DEFAULT_EXTENSIONS)."""

    name: str


# The project's mkdocs.yml's `markdown_extensions` (tests/test_pagehtml.py compares them).
DEFAULT_EXTENSIONS: list[Any] = [
    "admonition", "pymdownx.details", "pymdownx.superfences", "tables", "attr_list", "md_in_html",
    {"toc": {"permalink": False, "slugify": PythonName("markdown.extensions.toc.slugify_unicode")}}]
# `!!python/name:` values the check may import. Both are Python-Markdown's own, so every tool
# that renders with it (MkDocs, ProperDocs, Zensical) makes the same anchors from `rummelig
# materialize`'s config.
RESOLVABLE = {"markdown.extensions.toc.slugify_unicode", "markdown.extensions.toc.slugify"}
_PYTHON_NAME = "tag:yaml.org,2002:python/name:"


class Tagged:
    """A YAML value with a tag PyYAML's safe loader does not know (!ENV, !!python/name:…).

    Kept as written so the config is written back unchanged. Hand-written because PyYAML
    has no round-trip mode, and ruamel.yaml would be a new dependency for these few lines.
    """

    def __init__(self, node: yaml.Node) -> None:
        self.node = node


@cache
def _yaml() -> tuple[type[Any], type[Any]]:
    """(loader, dumper) of mkdocs.yml that keep unknown tags as written. Made when first needed:
    a check whose files all come from its cache reads no YAML and need not import PyYAML (issue 18).
    libyaml's parser when PyYAML has it (the wheels do): the check reads mkdocs.yml on every run,
    and the pure-Python parser took a quarter of a warm check (issue 18). Same documents, same nodes."""
    import yaml

    safe = yaml.CSafeLoader if getattr(yaml, "__with_libyaml__", False) else yaml.SafeLoader

    class Loader(safe):  # type: ignore[misc,valid-type]
        pass

    class Dumper(yaml.SafeDumper):
        pass

    def keep_tag(loader: yaml.Loader, suffix: str, node: yaml.Node) -> Tagged:
        return Tagged(node)

    def write_tag(dumper: Dumper, value: Tagged) -> yaml.Node:
        return value.node  # the node as it was read: tag, value and children unchanged

    Loader.add_multi_constructor("!", keep_tag)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", keep_tag)
    Dumper.add_representer(Tagged, write_tag)
    return Loader, Dumper


def read_config(text: str) -> dict[str, Any]:
    import yaml

    config = yaml.load(text, Loader=_yaml()[0])  # noqa: S506 - a SafeLoader
    return config if isinstance(config, dict) else {}


def dump_config(config: dict[str, Any]) -> str:
    import yaml

    return str(yaml.dump(config, Dumper=_yaml()[1], allow_unicode=True, sort_keys=False, width=1000))


@dataclass
class MarkdownConfig:
    extensions: list[str]
    options: dict[str, dict[str, Any]]  # each extension's options as written (a `!!python/name:` not yet imported)
    problem: str = ""            # Danish: why the build's configuration cannot be used by the check
    line: int | None = None      # where in mkdocs.yml, when known

    @property
    def configs(self) -> dict[str, dict[str, Any]]:
        """The options for Python-Markdown: each resolvable `!!python/name:` replaced by the
        function it names. Imported here, when a page is rendered, not when mkdocs.yml is read:
        the name is Python-Markdown's, and a check that renders no page need not import it
        (~20 ms of a check after one edit; issue 18)."""
        return {name: _resolve(options) for name, options in self.options.items()}

    @property
    def key(self) -> str:
        """Equal for equal configurations (a renderer is made once per key)."""
        return repr((self.extensions, {name: {key: PythonName(found) if (found := python_name(value)) else value
                                              for key, value in options.items()}
                                       for name, options in self.options.items()}))


def python_name(value: Any) -> str | None:
    """The dotted name of a `!!python/name:` value the check may import, else None."""
    if isinstance(value, PythonName):
        name = value.name
    elif isinstance(value, Tagged) and str(value.node.tag).startswith(_PYTHON_NAME):
        name = str(value.node.tag)[len(_PYTHON_NAME):]
    else:
        return None
    return name if name in RESOLVABLE else None


def _resolve(options: dict[str, Any]) -> dict[str, Any]:
    """`options` with each resolvable `!!python/name:` replaced by the function it names."""
    import importlib

    resolved = dict(options)
    for key, value in options.items():
        if name := python_name(value):
            module, _, attribute = name.rpartition(".")
            resolved[key] = getattr(importlib.import_module(module), attribute)
    return resolved


def _has_tag(value: Any) -> bool:
    if python_name(value):
        return False
    if isinstance(value, Tagged):
        return True
    if isinstance(value, dict):
        return any(_has_tag(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_tag(v) for v in value)
    return False


def markdown_config(entries: Any) -> MarkdownConfig:
    """MkDocs' merge of its built-in extensions with `markdown_extensions` (a list of names
    or one-key mappings name → options)."""
    names: list[str] = list(BUILTIN_EXTENSIONS)
    configs: dict[str, Any] = {}
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, str):
            name, options = entry, None
        elif isinstance(entry, dict) and len(entry) == 1:
            (name, options), = entry.items()
        else:
            return MarkdownConfig([], {}, f"'markdown_extensions' har et punkt, der ikke kan læses: {entry!r:.60}")
        if _has_tag(options):
            return MarkdownConfig([], {}, f"indstillingerne til '{name}' bruger et YAML-tag (fx !!python/name), som "
                                          "kontrollen ikke kan læse uden MkDocs")
        if name not in names:
            names.append(name)
        if isinstance(options, dict):
            configs[name] = dict(options)
    return MarkdownConfig(names, configs)


def load_markdown_config(root: Path) -> MarkdownConfig:
    """The Markdown configuration the build of `root` uses. Within `rummelig check`, as the check
    before read it, if it did (rummelig/kept.py: mkdocs.yml is part of the cache's context): a check
    after one edit need not import PyYAML (~0.1 G instructions) for it."""
    from rummelig import kept

    blob = kept.recall(_KEPT)
    found = _from_kept(blob) if blob is not None else None
    if found is None:
        found = _load_markdown_config(root)
        kept.remember(_KEPT, _to_kept(found))
    return found


_KEPT = "markdown_config"


def _to_kept(config: MarkdownConfig) -> bytes:
    """`config` as marshal data (b"": it holds a value that cannot be kept). A `!!python/name:`
    option is kept as its name (`PythonName`, as DEFAULT_EXTENSIONS writes it: `configs` and `key`
    read both alike)."""
    import marshal

    from rummelig.loading.kept_front import encode

    names = {f"{extension}\0{key}": name for extension, options in config.options.items()
             for key, value in options.items() if (name := python_name(value))}
    # In place (None), so the options keep their order.
    plain = {extension: {key: None if f"{extension}\0{key}" in names else value for key, value in options.items()}
             for extension, options in config.options.items()}
    encoded = encode(plain)
    if encoded is None or encoded[1]:
        return b""
    return marshal.dumps((list(config.extensions), encoded[0], names, config.problem, config.line))


def _from_kept(blob: bytes) -> MarkdownConfig | None:
    import marshal

    from rummelig.loading.kept_front import decode

    try:
        extensions, plain, names, problem, line = marshal.loads(blob)
        options = decode(plain, {}, _no_model)
        for joined, name in names.items():
            extension, _, key = joined.partition("\0")
            options[extension][key] = PythonName(name)
        return MarkdownConfig(extensions, options, problem, line)
    except Exception:  # noqa: BLE001 - whatever is wrong with it, mkdocs.yml is read as before
        return None


def _no_model() -> Any:
    raise AssertionError("YAML values hold no model")


def _load_markdown_config(root: Path) -> MarkdownConfig:
    path = root / CONFIG
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return markdown_config(DEFAULT_EXTENSIONS)
    except (OSError, UnicodeDecodeError) as exc:
        return MarkdownConfig([], {}, f"filen kan ikke læses ({exc})")
    import yaml

    try:
        config = read_config(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return MarkdownConfig([], {}, "kan ikke læses som YAML", mark.line + 1 if mark else None)
    return markdown_config(config.get("markdown_extensions", []))
