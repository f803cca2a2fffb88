"""The pure rules behind the Desktop editing tools: clip-on-draw and the drawn corridor."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import LineString, Polygon, box
from shapely.ops import unary_union

from reserve_planner.processing.engine import zone_editing
from reserve_planner.processing.engine.messages import EngineError
from strategies import rectangles


def test_new_zone_wins_takes_the_area_from_the_zones_it_covers():
    existing = {1: box(0, 0, 10, 10), 2: box(10, 0, 20, 10), 3: box(30, 0, 40, 10)}
    edit = zone_editing.clip_new_zone(box(5, 2, 15, 8), existing, zone_editing.NEW_WINS)
    assert edit.new_geometry.area == pytest.approx(60.0)
    assert edit.changed[1].area == pytest.approx(100 - 30)
    assert edit.changed[2].area == pytest.approx(100 - 30)
    assert 3 not in edit.changed and edit.removed == []


def test_new_zone_covering_a_whole_zone_removes_it():
    edit = zone_editing.clip_new_zone(box(-1, -1, 11, 11), {4: box(0, 0, 10, 10)}, zone_editing.NEW_WINS)
    assert edit.removed == [4] and edit.changed == {}


def test_new_zone_that_yields_keeps_only_uncovered_area():
    existing = {1: box(0, 0, 10, 10)}
    edit = zone_editing.clip_new_zone(box(5, 0, 15, 10), existing, zone_editing.YIELDS)
    assert edit.new_geometry.equals(box(10, 0, 15, 10))
    assert edit.changed == {} and edit.removed == []


def test_new_zone_inside_existing_zones_that_yields_is_nothing():
    edit = zone_editing.clip_new_zone(box(2, 2, 4, 4), {1: box(0, 0, 10, 10)}, zone_editing.YIELDS)
    assert edit.new_geometry is None


def test_new_zone_is_cut_to_the_reserve_boundary():
    edit = zone_editing.clip_new_zone(box(-5, -5, 5, 5), {}, zone_editing.NEW_WINS, boundary=box(0, 0, 100, 100))
    assert edit.new_geometry.equals(box(0, 0, 5, 5))


def test_touching_zones_are_left_alone():
    edit = zone_editing.clip_new_zone(box(10, 0, 20, 10), {1: box(0, 0, 10, 10)}, zone_editing.NEW_WINS)
    assert edit.changed == {} and edit.removed == []


def test_bow_tie_drawing_is_repaired_and_a_line_is_refused():
    bow_tie = Polygon([(0, 0), (10, 10), (10, 0), (0, 10)])
    edit = zone_editing.clip_new_zone(bow_tie, {}, zone_editing.NEW_WINS)
    assert edit.new_geometry.is_valid and edit.new_geometry.area == pytest.approx(50.0)
    with pytest.raises(EngineError):
        zone_editing.clip_new_zone(Polygon([(0, 0), (5, 5), (10, 10)]), {}, zone_editing.NEW_WINS)


boxes = rectangles(50, 1, 40, integers=True)


@settings(max_examples=60, deadline=None)
@given(st.lists(boxes, min_size=1, max_size=5), boxes, st.sampled_from(zone_editing.CLIP_MODES))
def test_clip_on_draw_never_leaves_an_overlap_and_never_loses_area(zone_boxes, drawn, mode):
    existing = {}
    for fid, candidate in enumerate(zone_boxes):
        free = candidate.difference(unary_union(list(existing.values()))) if existing else candidate
        if free.area > 0:
            existing[fid] = free
    edit = zone_editing.clip_new_zone(drawn, existing, mode)
    after = {fid: edit.changed.get(fid, geometry) for fid, geometry in existing.items() if fid not in edit.removed}
    if edit.new_geometry is not None:
        after['new'] = edit.new_geometry
    pieces = list(after.values())
    overlap = sum(a.intersection(b).area for i, a in enumerate(pieces) for b in pieces[i + 1:])
    assert overlap == pytest.approx(0.0, abs=1e-9)
    covered = unary_union(list(existing.values()) + [drawn]).area
    assert sum(piece.area for piece in pieces) == pytest.approx(covered)
    if mode == zone_editing.YIELDS:
        assert all(after[fid].equals(existing[fid]) for fid in existing)


RESERVES = [box(0, 0, 100, 100), box(300, 0, 400, 100), box(150, 150, 250, 250)]


def test_straight_corridor_between_two_reserves():
    corridor = zone_editing.corridor_from_line(LineString([(50, 50), (350, 50)]), 20.0, RESERVES)
    assert (corridor.from_index, corridor.to_index) == (0, 1)
    assert corridor.length == pytest.approx(200.0)
    assert corridor.area == pytest.approx(200.0 * 20.0)
    assert corridor.polygon.bounds == pytest.approx((100.0, 40.0, 300.0, 60.0))
    assert not corridor.polygon.intersection(unary_union(RESERVES)).area


def test_corridor_meets_a_slanted_reserve_edge_flush():
    slanted = Polygon([(300, -100), (400, -100), (400, 200), (200, 200)])
    corridor = zone_editing.corridor_from_line(LineString([(50, 50), (300, 50)]), 20.0, [RESERVES[0], slanted])
    gap = corridor.polygon.union(RESERVES[0]).union(slanted)
    assert len(getattr(gap, 'geoms', [gap])) == 1
    edge_x = 300 - 100 * (50 + 100) / 300.0
    assert corridor.length == pytest.approx(edge_x - 100)


def test_corridor_with_a_bend_has_the_bent_length():
    corridor = zone_editing.corridor_from_line(LineString([(90, 90), (200, 120), (310, 90)]), 10.0,
                                               RESERVES, tolerance=0.0)
    expected = 2 * math.hypot(110, 30) * (1 - 10 / 110.0)
    assert corridor.length == pytest.approx(expected)


@pytest.mark.parametrize('line, width', [
    (LineString([(120, 50), (350, 50)]), 10.0),
    (LineString([(10, 10), (90, 90)]), 10.0),
    (LineString([(50, 50), (350, 50)]), 0.0),
])
def test_corridor_must_join_two_reserves_and_have_a_width(line, width):
    with pytest.raises(EngineError):
        zone_editing.corridor_from_line(line, width, RESERVES)


def test_corridor_end_snaps_to_a_reserve_within_tolerance():
    corridor = zone_editing.corridor_from_line(LineString([(50, 50), (298, 50)]), 10.0, RESERVES, tolerance=5.0)
    assert corridor.to_index == 1


def test_line_samples_cover_the_line_in_short_pieces():
    xs, ys, lengths = zone_editing.line_samples(LineString([(0, 0), (10, 0), (10, 5)]), 2.0)
    assert lengths.sum() == pytest.approx(15.0)
    assert lengths.max() <= 2.0
    assert xs[0] == pytest.approx(lengths[0] / 2) and ys[0] == 0


def test_corridor_cost_weights_resistance_by_length_and_skips_barriers():
    cost = zone_editing.corridor_cost([2.0, 4.0, 0.0, float('nan')], [5.0, 5.0, 1.0, 2.0])
    assert cost.cost_length == pytest.approx(2 * 5 + 4 * 5)
    assert cost.mean_resistance == pytest.approx(3.0)
    assert cost.nodata_length == pytest.approx(3.0)
    assert zone_editing.corridor_cost([float('nan')], [3.0]) == (None, None, 3.0)


def test_least_cost_line_goes_round_a_wall_of_high_resistance():
    from reserve_planner.processing.engine.raster import Grid

    resistance = np.ones((20, 30))
    resistance[0:17, 15] = 1000.0
    grid = Grid(resistance, (0.0, 10.0, 0.0, 200.0, 0.0, -10.0), '')
    line, cost = zone_editing.least_cost_line(grid, box(0, 0, 50, 200), box(250, 0, 300, 200))
    assert line.coords[0][0] < 50 and line.coords[-1][0] > 250
    assert min(y for _x, y in line.coords) < 30, 'the path must pass the gap at the bottom of the wall'
    straight_cost = 10 * ((250 - 50) / 10 - 1) + 10 * 1000
    assert cost < straight_cost
    assert cost >= 10 * (250 - 50) / 10


def test_least_cost_line_refuses_reserves_cut_off_by_barriers():
    from reserve_planner.processing.engine.raster import Grid

    resistance = np.ones((10, 10))
    resistance[:, 5] = np.nan
    grid = Grid(resistance, (0.0, 10.0, 0.0, 100.0, 0.0, -10.0), '')
    with pytest.raises(EngineError):
        zone_editing.least_cost_line(grid, box(0, 0, 20, 100), box(80, 0, 100, 100))


@pytest.mark.parametrize('mode, new_area, left', [(zone_editing.NEW_WINS, 100.0, 25.0),
                                                  (zone_editing.YIELDS, 75.0, None)])
def test_an_invalid_existing_zone_is_repaired_before_clipping(mode, new_area, left):
    # A bow tie: two 25 m2 triangles meeting at (5, 5); the drawn box covers the right one.
    bow_tie = Polygon([(0, 0), (10, 10), (10, 0), (0, 10)])
    edit = zone_editing.clip_new_zone(box(5, 0, 15, 10), {1: bow_tie}, mode)
    assert edit.new_geometry.area == pytest.approx(new_area)
    if left is not None:
        assert edit.changed[1].is_valid and edit.changed[1].area == pytest.approx(left)


def test_least_cost_search_window_is_the_reserves_box_grown_by_its_longer_side():
    # Joint box (0, 0)-(400, 100): longer side 400, so 400 more on every side.
    window = zone_editing.least_cost_window(box(0, 0, 100, 100), box(300, 50, 400, 100))
    assert window == (-400.0, -400.0, 800.0, 500.0)
    # Touching reserves still get room to go round: the minimum margin.
    assert zone_editing.least_cost_window(box(0, 0, 1, 1), box(1, 0, 2, 1), min_margin=50.0) == (
        -50.0, -50.0, 52.0, 51.0)


def test_least_cost_line_refuses_an_empty_grid():
    from reserve_planner.processing.engine.raster import Grid

    with pytest.raises(EngineError):
        zone_editing.least_cost_line(Grid(np.empty((0, 0)), (0.0, 10.0, 0.0, 0.0, 0.0, -10.0), ''),
                                     box(0, 0, 20, 100), box(80, 0, 100, 100))
