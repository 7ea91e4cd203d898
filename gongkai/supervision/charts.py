"""Charts drawn on the server as inline SVG: no script, no outside asset, readable without colour."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

BAR_HEIGHT = 22
LABEL_WIDTH = 210
PASS_MARK = 60


def _number(value: float) -> str:
    return f"{value:g}"


def bar_chart(rows: list[tuple[str, float]], *, title: str, maximum: float = 100) -> SafeString:
    """Horizontal bars, one per row, with the value written at the end and the pass mark drawn."""
    width, plot = 720, 720 - LABEL_WIDTH - 60
    height = max(len(rows), 1) * (BAR_HEIGHT + 6) + 30
    scale = plot / maximum if maximum else 0
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>'
    ]
    for index, (label, value) in enumerate(rows):
        y = 10 + index * (BAR_HEIGHT + 6)
        bar = max(value, 0) * scale
        css = "bar" if value >= PASS_MARK else "bar bar-low"
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 16}" text-anchor="end" class="label">'
            f"{escape(label[:16])}</text>"
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{bar:.1f}" height="{BAR_HEIGHT}" class="{css}"/>'
            f'<text x="{LABEL_WIDTH + bar + 6:.1f}" y="{y + 16}" class="value">{_number(value)}</text>'
        )
    mark = LABEL_WIDTH + PASS_MARK * scale
    parts.append(
        f'<line x1="{mark:.1f}" y1="4" x2="{mark:.1f}" y2="{height - 18}" class="mark"/>'
        f'<text x="{mark:.1f}" y="{height - 4}" text-anchor="middle" class="value">合格线{PASS_MARK}</text>'
        "</svg>"
    )
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped


def line_chart(points: list[tuple[str, float]], *, title: str, maximum: float = 100) -> SafeString:
    """Scores month by month: a polyline with a dot and the value at each month."""
    width, height, left, bottom = 640, 220, 40, 30
    plot_w, plot_h = width - left - 20, height - bottom - 20
    step = plot_w / max(len(points) - 1, 1)
    coords = [
        (left + index * step, 10 + plot_h - max(value, 0) / maximum * plot_h)
        for index, (_, value) in enumerate(points)
    ]
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>',
        f'<line x1="{left}" y1="{10 + plot_h}" x2="{width - 20}" y2="{10 + plot_h}" class="axis"/>',
    ]
    for tick in (0, 60, 100):
        y = 10 + plot_h - tick / maximum * plot_h
        parts.append(
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" class="value">{tick}</text>'
        )
    if len(coords) > 1:
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
        parts.append(f'<polyline points="{path}" class="line"/>')
    for (label, value), (x, y) in zip(points, coords, strict=True):
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" class="dot"/>'
            f'<text x="{x:.1f}" y="{y - 8:.1f}" text-anchor="middle" class="value">{_number(value)}</text>'
            f'<text x="{x:.1f}" y="{height - 8}" text-anchor="middle" class="label">{escape(label)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped
