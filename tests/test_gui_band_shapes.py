"""The link map's band shapes: each band's polygon, built many at a time into polygons kept between paints."""

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QPointF, Qt  # noqa: E402

from gui.panes.band_shapes import CURVE, BandPolygons  # noqa: E402


def _points(polygon):
    return [(round(p.x(), 6), round(p.y(), 6)) for p in (polygon.at(i) for i in range(polygon.size()))]


def test_a_band_runs_from_its_left_ends_to_its_right_ends_top_edge_first():
    (polygon,) = BandPolygons().build(34.0, [(10.0, 20.0, 50.0, 70.0)], -100.0, 500.0)
    points = _points(polygon)
    assert len(points) == 2 * len(CURVE)
    assert points[0] == (0.0, 10.0) and points[len(CURVE) - 1] == (34.0, 50.0)  # the top edge, left to right
    assert points[len(CURVE)] == (34.0, 70.0) and points[-1] == (0.0, 20.0)  # the bottom edge, back
    assert polygon.containsPoint(QPointF(17.0, 37.0), Qt.FillRule.OddEvenFill)
    assert not polygon.containsPoint(QPointF(17.0, 5.0), Qt.FillRule.OddEvenFill)


def test_ends_far_outside_the_view_are_pulled_to_its_edges():
    (polygon,) = BandPolygons().build(34.0, [(-900.0, -800.0, 40.0, 2000.0)], 0.0, 300.0)
    points = _points(polygon)
    assert points[0] == (0.0, 0.0) and points[-1] == (0.0, 0.0)
    assert points[len(CURVE) - 1] == (34.0, 40.0) and points[len(CURVE)] == (34.0, 300.0)


def test_a_second_build_rewrites_the_kept_polygons_and_adds_those_it_lacks():
    shapes = BandPolygons()
    first = shapes.build(34.0, [(10.0, 20.0, 50.0, 70.0)], -100.0, 500.0)
    second = shapes.build(34.0, [(110.0, 120.0, 150.0, 170.0), (0.0, 5.0, 0.0, 5.0)], -100.0, 500.0)
    assert second[0] is first[0]  # the same polygon, its points written in place
    assert _points(second[0])[0] == (0.0, 110.0) and _points(second[0])[-1] == (0.0, 120.0)
    assert _points(second[1])[len(CURVE)] == (34.0, 5.0)
    assert shapes.build(34.0, [], 0.0, 1.0) == []


def test_a_kept_polygon_whose_points_moved_is_written_where_they_are_now():
    shapes = BandPolygons()
    (polygon,) = shapes.build(34.0, [(10.0, 20.0, 50.0, 70.0)], -100.0, 500.0)
    polygon.resize(40)  # grown and shrunk back: Qt may have moved its points elsewhere in memory
    polygon.resize(2 * len(CURVE))
    (again,) = shapes.build(34.0, [(1.0, 2.0, 3.0, 4.0)], -100.0, 500.0)
    assert again is polygon and _points(again)[0] == (0.0, 1.0) and _points(again)[-1] == (0.0, 2.0)
