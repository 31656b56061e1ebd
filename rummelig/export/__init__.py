"""Exports of the content into formats other systems read. One subpackage per format;
`rummelig export <kind> <dir>` (commands/export.py) is the command line for all of them."""
