"""Good encounters ("gode møder", contract §5.4): a positive count per library.

- `model`    the row model, the categories and their Danish labels (the one schema)
- `privacy`  checks that a note is anonymous (names, CPR numbers, phone numbers, e-mails)
- `csvfile`  strict CSV reading with line numbers
- `loading`  the repository integration (files, the sample marker)
- `stats`    aggregation per library, month, category and the last 12 months
- `charts`   SVG charts made at build time (no JavaScript)
- `pages`    the generated pages under gode-moeder/
"""
