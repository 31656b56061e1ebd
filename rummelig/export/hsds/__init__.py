"""The partner directory as an Open Referral HSDS 3.0 dataset (docs-dev/hsds.md).

- `ids`       stable UUIDs (uuid5) derived from our ids
- `mapping`   repository → the flat HSDS tables (one list of rows per table)
- `documents` tables → the nested ("compiled") JSON documents
- `files`     writes both forms: JSON, and CSV with the official datapackage.json
"""

from __future__ import annotations

from rummelig.export.hsds.files import ExportResult, export_hsds

__all__ = ["ExportResult", "export_hsds"]
