"""Det rummelige bibliotek: the engine-independent content core.

Loads the content folders (strategies/, partners/, libraries/, encounters/), validates
them against the content contract and renders the generated pages as Markdown. It never
imports MkDocs; `hooks/` adapts it to the build.
"""

__version__ = "0.1.0"
