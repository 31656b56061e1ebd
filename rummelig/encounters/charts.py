"""SVG charts made at build time: no JavaScript, no network, no fonts of their own.

Only the elements svg, g, rect, line, polyline, path, circle, text, title and desc, with
role="img", aria-labelledby (pointing at the chart's own title and desc), viewBox and
presentation attributes — so the build-time sanitiser can allow exactly those. Every colour
is `currentColor`: the chart takes the text colour of the page, so it reads in the light
and the dark scheme and prints black on white. Each chart has a text equivalent next to it
(a table on the page) and a <desc> that states the numbers in words.

Hand-written because the charting libraries draw with JavaScript in the browser or bring
large dependencies (matplotlib) whose SVG uses elements and styles we would then have to
allow; these two small charts need neither.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from rummelig.render.format import number

ALLOWED_ELEMENTS = frozenset({"svg", "g", "rect", "line", "polyline", "path", "circle", "text", "title", "desc"})
WIDTH = 640
FONT = 13
CHAR_WIDTH = 7.2  # average width of a character at FONT px in a sans-serif font, for truncation


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _attrs(**attrs: object) -> str:
    return "".join(f" {k.rstrip('_').replace('_', '-')}={quoteattr(str(v))}" for k, v in attrs.items()
                   if v is not None)


def _element(tag: str, **attrs: object) -> str:
    return f"<{tag}{_attrs(**attrs)}/>"


def _text(x: float, y: float, content: str, **attrs: object) -> str:
    return f"<text{_attrs(x=_num(x), y=_num(y), fill='currentColor', font_size=FONT, **attrs)}>{escape(content)}</text>"


def _shorten(label: str, width: float) -> str:
    limit = max(4, int(width / CHAR_WIDTH))
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _open(chart_id: str, title: str, desc: str, height: float) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {WIDTH} {_num(height)}" '
        f'width="100%" aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>',
    ]


def bar_chart(chart_id: str, title: str, desc: str, items: list[tuple[str, int]]) -> str:
    """Horizontal bars, one per (label, value), with the value written after each bar."""
    row, top, label_width, value_room = 30, 8, 230, 70
    height = top * 2 + row * max(len(items), 1)
    bar_room = WIDTH - label_width - value_room
    biggest = max((v for _, v in items), default=0)
    parts = _open(chart_id, title, desc, height)
    parts.append("<g>")
    for index, (label, value) in enumerate(items):
        y = top + index * row
        width = bar_room * value / biggest if biggest else 0
        parts.append(_text(label_width - 10, y + row / 2 + 4, _shorten(label, label_width - 14), text_anchor="end"))
        if value:
            parts.append(_element("rect", x=label_width, y=_num(y + 5), width=_num(max(width, 2)), height=row - 10,
                                  fill="currentColor", fill_opacity="0.8"))
        parts.append(_text(label_width + width + 8, y + row / 2 + 4, number(value), font_weight="bold"))
    parts.append(_element("line", x1=label_width, y1=top, x2=label_width, y2=height - top, stroke="currentColor",
                          stroke_width=1))
    parts.append("</g></svg>")
    return "".join(parts)


def trend_chart(chart_id: str, title: str, desc: str, points: list[tuple[str, str, int]]) -> str:
    """A line over months: points are (month label, year label or "", value), oldest first."""
    height, left, right, top, bottom = 230, 20, 20, 34, 176
    count = max(len(points), 1)
    step = (WIDTH - left - right) / count
    biggest = max((v for _, _, v in points), default=0)
    parts = _open(chart_id, title, desc, height)
    parts.append("<g>")
    parts.append(_element("line", x1=left, y1=bottom, x2=WIDTH - right, y2=bottom, stroke="currentColor",
                          stroke_width=1))
    coordinates = []
    for index, (label, year, value) in enumerate(points):
        x = left + step * index + step / 2
        y = bottom - (bottom - top) * value / biggest if biggest else bottom
        coordinates.append((x, y, value))
        parts.append(_text(x, bottom + 20, label, text_anchor="middle"))
        if year:
            parts.append(_text(x, bottom + 38, year, text_anchor="middle", font_weight="bold"))
    if len(coordinates) > 1:
        line = " ".join(f"{_num(x)},{_num(y)}" for x, y, _ in coordinates)
        parts.append(_element("polyline", points=line, fill="none", stroke="currentColor", stroke_width=2.5,
                              stroke_linejoin="round"))
    for x, y, value in coordinates:
        parts.append(_element("circle", cx=_num(x), cy=_num(y), r=4, fill="currentColor"))
        parts.append(_text(x, y - 10, number(value), text_anchor="middle", font_weight="bold"))
    parts.append("</g></svg>")
    return "".join(parts)


def figure(svg: str) -> str:
    """Wrap a chart so Markdown passes it through as one HTML block."""
    return f'<div class="gode-moeder-chart">{svg}</div>'
