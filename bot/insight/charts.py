"""Accessible bar charts drawn on the server as SVG: no script, no CDN.

Each chart is an `<svg role="img">` with a `<title>` (its name) and `<desc>` (every bar in
words), so a screen reader hears the figures; the page puts the same figures in a table
beside it. A masked count ("<5") is drawn as a short dashed bar labelled "<5".
"""

from __future__ import annotations

from html import escape

WIDTH = 560
LABEL_WIDTH = 190
BAR_HEIGHT = 22
GAP = 8
MASKED_WIDTH = 6


def bar_chart(chart_id: str, title: str, rows: list[tuple[str, int | str]]) -> str:
    """An SVG with one horizontal bar per (label, value); value a number or "<5"."""
    numbers = [v for _, v in rows if isinstance(v, int)]
    top = max(numbers, default=0) or 1
    room = WIDTH - LABEL_WIDTH - 60
    height = len(rows) * (BAR_HEIGHT + GAP) + GAP
    words = "; ".join(f"{label}: {value}" for label, value in rows)
    parts = [
        f'<svg id="{escape(chart_id)}" class="chart" role="img" width="{WIDTH}" '
        f'height="{height}" viewBox="0 0 {WIDTH} {height}" '
        f'aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc" '
        'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>',
        f'<desc id="{escape(chart_id)}-desc">{escape(words)}</desc>',
    ]
    for i, (label, value) in enumerate(rows):
        y = GAP + i * (BAR_HEIGHT + GAP)
        middle = y + BAR_HEIGHT / 2 + 5
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{middle}" text-anchor="end">{escape(label)}</text>'
        )
        if isinstance(value, int):
            width = round(room * value / top) if value else 0
            parts.append(
                f'<rect class="bar" x="{LABEL_WIDTH}" y="{y}" width="{width}" '
                f'height="{BAR_HEIGHT}"></rect>'
            )
        else:
            width = MASKED_WIDTH
            parts.append(
                f'<rect class="bar masked" x="{LABEL_WIDTH}" y="{y}" width="{width}" '
                f'height="{BAR_HEIGHT}"></rect>'
            )
        parts.append(
            f'<text x="{LABEL_WIDTH + width + 6}" y="{middle}">{escape(str(value))}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
