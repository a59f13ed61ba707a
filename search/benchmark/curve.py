"""The benchmark's cost curve: figures per archive size, a power-law projection, an SVG plot.

Pure Python: `bench --sizes` runs one scratch benchmark per size, each writes its `Point`
as JSON, and this module turns them into a table and a picture.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from html import escape

PROJECTED_SIZE = 1_000_000


@dataclass
class Point:
    """One size's figures (seconds, bytes, megabytes; latencies as p50/p95 in seconds)."""

    size: int
    import_seconds: float
    build_seconds: float
    index_bytes: int
    fts5_build_seconds: float
    fts5_bytes: int
    cold_start: float
    worker_mb: float | None
    # layer name -> {"p50", "p95", "fts5_p50", "fts5_p95"}
    layers: dict[str, dict[str, float]] = field(default_factory=dict)

    @property
    def end_to_end_rate(self) -> float:
        return self.size / (self.import_seconds + self.build_seconds)

    def to_json(self) -> dict[str, object]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Point:
        return cls(**data)  # type: ignore[arg-type]


def power_law(sizes: list[float], values: list[float]) -> tuple[float, float]:
    """(a, b) of value = a · size^b, least squares in log-log space (b = 1: linear)."""
    pairs = [(math.log(s), math.log(v)) for s, v in zip(sizes, values, strict=True) if v > 0]
    if len(pairs) < 2:
        return (values[0] / sizes[0] if values and sizes[0] else 0.0), 1.0
    mean_x = sum(x for x, _ in pairs) / len(pairs)
    mean_y = sum(y for _, y in pairs) / len(pairs)
    spread = sum((x - mean_x) ** 2 for x, _ in pairs)
    b = sum((x - mean_x) * (y - mean_y) for x, y in pairs) / spread if spread else 1.0
    return math.exp(mean_y - b * mean_x), b


def project(points: list[Point], figure: str, size: int = PROJECTED_SIZE) -> tuple[float, float]:
    """(projected value at `size`, exponent) of a figure: an attribute of `Point` or
    "<layer>/<p50|p95|fts5_p50|fts5_p95>"."""
    sizes = [float(p.size) for p in points]
    values = [_value(p, figure) for p in points]
    a, b = power_law(sizes, values)
    return a * size**b, b


def _value(point: Point, figure: str) -> float:
    if "/" in figure:
        layer, key = figure.rsplit("/", 1)
        return point.layers[layer][key]
    return float(getattr(point, figure))


FRAGMENT = "htmx results fragment"


def table(points: list[Point]) -> str:
    """The cost curve as a Markdown table, one row a size, then the projection."""
    lines = [
        "| articles | import + build, s | end to end, articles/s | index, MB | FTS5 build, s "
        "| FTS5, MB | cold start, ms | worker RSS, MB | fragment p50 / p95, ms "
        "| FTS5 p50 / p95, ms | fragment ÷ FTS5 p50 / p95 |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for p in points:
        f = p.layers.get(FRAGMENT, {})
        rss = f"{p.worker_mb:.0f}" if p.worker_mb is not None else "–"
        lines.append(
            f"| {p.size:,} | {p.import_seconds:.1f} + {p.build_seconds:.1f} "
            f"| {p.end_to_end_rate:.0f} | {p.index_bytes / 1e6:.0f} "
            f"| {p.fts5_build_seconds:.1f} | {p.fts5_bytes / 1e6:.0f} | {p.cold_start * 1000:.0f} "
            f"| {rss} | {_ms(f, 'p50')} / {_ms(f, 'p95')} | {_ms(f, 'fts5_p50')} / "
            f"{_ms(f, 'fts5_p95')} | {_ratio(f, 'p50')} / {_ratio(f, 'p95')} |"
        )
    return "\n".join(lines)


def projection(points: list[Point]) -> str:
    """What the fitted power laws give at a million articles, and how they were fitted."""
    if len(points) < 2:
        return "A projection needs at least two sizes."
    parts = []
    for label, figure, scale, unit in (
        ("import + build", "total_seconds", 1 / 60, "min"),
        ("index", "index_bytes", 1e-9, "GB"),
        ("cold start", "cold_start", 1000, "ms"),
        ("fragment p50", f"{FRAGMENT}/p50", 1000, "ms"),
        ("fragment p95", f"{FRAGMENT}/p95", 1000, "ms"),
        ("FTS5 p50", f"{FRAGMENT}/fts5_p50", 1000, "ms"),
        ("FTS5 p95", f"{FRAGMENT}/fts5_p95", 1000, "ms"),
    ):
        if figure == "total_seconds":
            sizes = [float(p.size) for p in points]
            a, b = power_law(sizes, [p.import_seconds + p.build_seconds for p in points])
            value = a * PROJECTED_SIZE**b
        elif "/" in figure and not all(figure.split("/")[0] in p.layers for p in points):
            continue
        else:
            value, b = project(points, figure)
        parts.append(f"{label} {value * scale:,.1f} {unit} (size^{b:.2f})")
    return (
        f"Projected to {PROJECTED_SIZE:,} articles by a power law fitted to the sizes "
        f"above (least squares on log size, log figure): " + "; ".join(parts) + "."
    )


def _ms(layer: dict[str, float], key: str) -> str:
    return f"{layer[key] * 1000:.1f}" if key in layer else "–"


def _ratio(layer: dict[str, float], p: str) -> str:
    if p not in layer or not layer.get(f"fts5_{p}"):
        return "–"
    return f"{layer[p] / layer[f'fts5_{p}']:.2f}"


# --- the picture ----------------------------------------------------------------------------

WIDTH, HEIGHT = 720, 360
LEFT, RIGHT, TOP, BOTTOM = 64, 180, 40, 48
SERIES = (  # (figure, label, colour, dashed)
    (f"{FRAGMENT}/p50", "Dispatch fragment p50", "#1f5fa8", False),
    (f"{FRAGMENT}/p95", "Dispatch fragment p95", "#1f5fa8", True),
    (f"{FRAGMENT}/fts5_p50", "SQLite FTS5 p50", "#b5462a", False),
    (f"{FRAGMENT}/fts5_p95", "SQLite FTS5 p95", "#b5462a", True),
)


def svg(points: list[Point], title: str = "Results page latency by archive size") -> str:
    """Latency (ms, log scale) against archive size (log scale), measured and projected to
    a million articles (thin dotted lines), as a standalone SVG document."""
    usable = [p for p in points if FRAGMENT in p.layers]
    sizes = [p.size for p in usable] or [1]
    x_low, x_high = min(sizes), max(max(sizes), PROJECTED_SIZE)
    values = [_value(p, f) * 1000 for p in usable for f, *_ in SERIES]
    projected = [project(usable, f)[0] * 1000 for f, *_ in SERIES] if len(usable) > 1 else []
    y_low = 10 ** math.floor(math.log10(max(min(values + projected, default=1), 0.01)))
    y_high = 10 ** math.ceil(math.log10(max(values + projected, default=10)))

    def x(size: float) -> float:
        return LEFT + (WIDTH - LEFT - RIGHT) * _log_share(size, x_low, x_high)

    def y(ms: float) -> float:
        return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * _log_share(ms, y_low, y_high)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif" font-size="11">',
        f"<title>{escape(title)}</title>",
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="white"/>',
        f'<text x="{LEFT}" y="22" font-size="13" font-weight="bold">{escape(title)}</text>',
    ]
    for tick in _decades(y_low, y_high):
        parts.append(_grid_line(LEFT, y(tick), WIDTH - RIGHT, y(tick)))
        parts.append(
            f'<text x="{LEFT - 6}" y="{y(tick) + 4:.1f}" text-anchor="end">{_duration(tick)}</text>'
        )
    for tick in sorted({*sizes, PROJECTED_SIZE}):
        parts.append(_grid_line(x(tick), TOP, x(tick), HEIGHT - BOTTOM))
        parts.append(
            f'<text x="{x(tick):.1f}" y="{HEIGHT - BOTTOM + 16}" '
            f'text-anchor="middle">{_number(tick)}</text>'
        )
    parts.append(
        f'<text x="{(LEFT + WIDTH - RIGHT) / 2}" y="{HEIGHT - 12}" '
        'text-anchor="middle">articles (log scale); dotted: projection</text>'
    )
    for n, (figure, label, colour, dashed) in enumerate(SERIES):
        dash = ' stroke-dasharray="6 4"' if dashed else ""
        line = " ".join(f"{x(p.size):.1f},{y(_value(p, figure) * 1000):.1f}" for p in usable)
        parts.append(
            f'<polyline points="{line}" fill="none" stroke="{colour}" stroke-width="2"{dash}/>'
        )
        for p in usable:
            parts.append(
                f'<circle cx="{x(p.size):.1f}" cy="{y(_value(p, figure) * 1000):.1f}" '
                f'r="3" fill="{colour}"/>'
            )
        if projected and usable[-1].size < PROJECTED_SIZE:
            last = usable[-1]
            parts.append(
                f'<line x1="{x(last.size):.1f}" y1="{y(_value(last, figure) * 1000):.1f}" '
                f'x2="{x(PROJECTED_SIZE):.1f}" y2="{y(projected[n]):.1f}" stroke="{colour}" '
                'stroke-width="1" stroke-dasharray="1 3"/>'
            )
        legend_y = TOP + 14 + 18 * n
        parts.append(
            f'<line x1="{WIDTH - RIGHT + 12}" y1="{legend_y - 4}" '
            f'x2="{WIDTH - RIGHT + 36}" y2="{legend_y - 4}" stroke="{colour}" '
            f'stroke-width="2"{dash}/>'
        )
        parts.append(f'<text x="{WIDTH - RIGHT + 40}" y="{legend_y}">{escape(label)}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _log_share(value: float, low: float, high: float) -> float:
    if high <= low:
        return 0.5
    return (math.log(max(value, 1e-12)) - math.log(low)) / (math.log(high) - math.log(low))


def _decades(low: float, high: float) -> list[float]:
    return [10.0**e for e in range(round(math.log10(low)), round(math.log10(high)) + 1)]


def _grid_line(x1: float, y1: float, x2: float, y2: float) -> str:
    return (
        f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
        'stroke="#ddd" stroke-width="1"/>'
    )


def _duration(ms: float) -> str:
    return f"{ms / 1000:g} s" if ms >= 1000 else f"{ms:g} ms"


def _number(value: float) -> str:
    if value >= 1_000_000:
        return f"{value / 1_000_000:g}M"
    if value >= 1_000:
        return f"{value / 1_000:g}k"
    return f"{value:g}"
