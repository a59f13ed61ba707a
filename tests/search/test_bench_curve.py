"""The cost curve: power-law fits, the projection, the table and the SVG picture."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ElementTree

import pytest

from search.benchmark import curve

SVG = "{http://www.w3.org/2000/svg}"


def _point(size: int) -> curve.Point:
    ms = 0.001
    return curve.Point(
        size=size,
        import_seconds=size / 250,
        build_seconds=size / 100,
        index_bytes=size * 17_000,
        fts5_build_seconds=size / 1500,
        fts5_bytes=size * 9_000,
        cold_start=0.2 + size / 1e6,
        worker_mb=150.0,
        layers={
            curve.FRAGMENT: {
                "p50": 2 * ms * math.sqrt(size / 100),  # grows as size^0.5
                "p95": 5 * ms * math.sqrt(size / 100),
                "fts5_p50": ms * size / 10_000,  # linear
                "fts5_p95": 8 * ms * size / 10_000,
            }
        },
    )


def test_a_power_law_is_recovered_exactly():
    a, b = curve.power_law([10, 100, 1000], [3 * 10**1.5, 3 * 100**1.5, 3 * 1000**1.5])
    assert a == pytest.approx(3) and b == pytest.approx(1.5)


def test_the_projection_extends_each_figure_by_its_own_exponent():
    points = [_point(n) for n in (10_000, 30_000, 100_000)]
    value, exponent = curve.project(points, f"{curve.FRAGMENT}/p50")
    assert exponent == pytest.approx(0.5)
    assert value == pytest.approx(0.002 * math.sqrt(1_000_000 / 100))
    text = curve.projection(points)
    assert "fragment p50 200.0 ms (size^0.50)" in text
    assert "FTS5 p50 100.0 ms (size^1.00)" in text


def test_the_table_has_a_row_per_size_with_its_ratios():
    rows = curve.table([_point(10_000), _point(100_000)]).splitlines()
    assert len(rows) == 4
    assert rows[2].startswith("| 10,000 | 40.0 + 100.0 | 71 | 170 |")
    assert rows[3].endswith("| 63.2 / 158.1 | 10.0 / 80.0 | 6.32 / 1.98 |")


def test_the_picture_is_standalone_svg_with_every_series_and_the_million_tick():
    picture = curve.svg([_point(n) for n in (10_000, 30_000, 100_000)], title="A <b> & c")
    root = ElementTree.fromstring(picture)
    assert root.tag == f"{SVG}svg"
    assert root.find(f"{SVG}title").text == "A <b> & c"  # escaped in the file, read back
    assert len(root.findall(f"{SVG}polyline")) == 4
    assert len(root.findall(f"{SVG}circle")) == 12
    labels = [t.text for t in root.findall(f"{SVG}text")]
    assert {"10k", "30k", "100k", "1M"} <= set(labels)
    assert "SQLite FTS5 p95" in labels


def test_one_size_draws_without_a_projection():
    assert "at least two sizes" in curve.projection([_point(1000)])
    ElementTree.fromstring(curve.svg([_point(1000)]))
