"""Stage 4: render the generated pages (Jinja2 templates → Markdown)."""
