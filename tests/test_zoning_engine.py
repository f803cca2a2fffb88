"""Zone generation and zone statistics engine (processing/engine/zoning.py), without QGIS layers.

Expected values come from geometry by hand: a square core of side s grown by w has the area
s^2 + 4 s w + pi w^2 (the rounded corners make a full circle of radius w).
"""

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from osgeo import gdal
from scipy.ndimage import binary_fill_holes
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra
from shapely.geometry import Point, Polygon, box
from shapely.ops import unary_union

from reserve_planner.processing.engine import costdistance, raster, zoning
from reserve_planner.processing.engine.messages import EngineError
from reserve_planner.processing.engine.raster import Grid
from reserve_planner.processing.engine.zones import BUFFER, CORE, TRANSITION
from strategies import resistance_grids

CIRCLE_TOLERANCE = 2e-3
"""Relative error of shapely's 16-segments-per-quarter circle in a buffer's rounded corners."""


def grown_square_area(side, width):
    return side * side + 4 * side * width + math.pi * width * width


def assert_partition(zones, reserve):
    """The three zones cover ``reserve`` exactly: areas add up, no overlaps, nothing outside or missing."""
    scale = reserve.area
    assert set(zones) == {CORE, BUFFER, TRANSITION}
    assert sum(zone.area for zone in zones.values()) == pytest.approx(scale, rel=1e-6)
    names = list(zones)
    for index, first in enumerate(names):
        for second in names[index + 1:]:
            assert zones[first].intersection(zones[second]).area <= 1e-6 * scale, (first, second)
    assert unary_union(list(zones.values())).symmetric_difference(reserve).area <= 1e-6 * scale


def test_square_core_without_boundary_grows_by_both_widths():
    zones = zoning.generate_zones([box(0, 0, 1000, 1000)], None, 200, 300)
    assert zones[CORE].area == pytest.approx(1e6)
    assert zones[CORE].area + zones[BUFFER].area == pytest.approx(grown_square_area(1000, 200), rel=CIRCLE_TOLERANCE)
    total = sum(zone.area for zone in zones.values())
    assert total == pytest.approx(grown_square_area(1000, 500), rel=CIRCLE_TOLERANCE)
    assert_partition(zones, box(0, 0, 1000, 1000).buffer(500))


def test_buffer_edge_lies_at_the_buffer_width_from_the_core():
    core = box(0, 0, 1000, 1000)
    zones = zoning.generate_zones([core], None, 250, 100)
    outer_edge = zones[CORE].union(zones[BUFFER]).exterior
    distances = [core.distance(Point(xy)) for xy in outer_edge.coords]
    assert min(distances) == pytest.approx(250, rel=1e-9)
    assert max(distances) == pytest.approx(250, rel=1e-9)


def test_cores_are_clipped_to_the_boundary_and_zones_fill_it():
    boundary = box(0, 0, 5000, 4000)
    cores = [box(-500, 1000, 1000, 2000), box(2000, 1000, 3000, 2000)]
    zones = zoning.generate_zones(cores, boundary, 300, 1000)
    assert zones[CORE].area == pytest.approx(1000 * 1000 + 1000 * 1000)
    assert zones[CORE].within(boundary.buffer(1e-9))
    assert_partition(zones, boundary)


def test_core_touching_the_boundary_keeps_its_edge_on_it():
    boundary = box(0, 0, 3000, 3000)
    zones = zoning.generate_zones([box(0, 1000, 1000, 2000)], boundary, 200, 0)
    buffer_area = grown_square_area(1000, 200) - 1000 * 1000
    clipped_away = 200 * 1000 + math.pi * 200 * 200 / 2
    assert zones[BUFFER].area == pytest.approx(buffer_area - clipped_away, rel=CIRCLE_TOLERANCE)
    assert_partition(zones, boundary)


def test_neighbouring_cores_share_one_merged_buffer():
    cores = [box(0, 0, 1000, 1000), box(1300, 0, 2300, 1000)]
    zones = zoning.generate_zones(cores, None, 200, 0)
    assert zones[BUFFER].geom_type == 'Polygon'
    radius, gap = 200, 300
    corner_lens = 2 * radius ** 2 * math.acos(gap / (2 * radius)) - gap / 2 * math.sqrt(4 * radius ** 2 - gap ** 2)
    overlap_of_the_two_buffers = (2 * radius - gap) * 1000 + corner_lens
    expected = 2 * (grown_square_area(1000, radius) - 1e6) - overlap_of_the_two_buffers
    assert zones[BUFFER].area == pytest.approx(expected, rel=CIRCLE_TOLERANCE)


def test_overlapping_cores_are_merged():
    zones = zoning.generate_zones([box(0, 0, 100, 100), box(50, 0, 150, 100)], None, 10, 10)
    assert zones[CORE].area == pytest.approx(150 * 100)


def test_zero_widths_give_empty_zones():
    core = box(0, 0, 100, 100)
    zones = zoning.generate_zones([core], None, 0, 0)
    assert zones[CORE].area == pytest.approx(1e4)
    assert zones[BUFFER].is_empty and zones[TRANSITION].is_empty
    zones = zoning.generate_zones([core], box(-100, -100, 200, 200), 0, 500)
    assert zones[BUFFER].is_empty
    assert zones[TRANSITION].area == pytest.approx(300 * 300 - 1e4)


def test_zero_buffer_width_leaves_no_sliver_along_curved_cores_clipped_to_the_boundary():
    cores = [Point(0, 0).buffer(1000), Point(2500, 300).buffer(700), Point(-900, -2300).buffer(600)]
    boundary = Point(200, -300).buffer(2800)
    zones = zoning.generate_zones(cores, boundary, 0, 500)
    assert zones[BUFFER].is_empty
    assert zones[CORE].area + zones[TRANSITION].area == pytest.approx(boundary.area, rel=1e-9)


def test_core_entirely_outside_the_boundary_is_named():
    cores = [box(0, 0, 10, 10), box(500, 500, 510, 510)]
    with pytest.raises(EngineError) as raised:
        zoning.generate_zones(cores, box(-100, -100, 100, 100), 10, 10, core_labels=[17, 42])
    assert raised.value.params['core'] == 42
    assert '42' in str(raised.value)


def test_core_sharing_only_an_edge_with_the_boundary_is_outside():
    with pytest.raises(EngineError) as raised:
        zoning.generate_zones([box(100, 0, 200, 100)], box(0, 0, 100, 100), 10, 10)
    assert raised.value.params['core'] == 0


@pytest.mark.parametrize('cores', [[], [None], [Polygon()]])
def test_no_usable_core_is_an_error(cores):
    with pytest.raises(EngineError):
        zoning.generate_zones(cores, None, 10, 10)


@pytest.mark.parametrize('widths', [(-1, 10), (10, -1), (float('nan'), 10), (10, float('inf'))])
def test_bad_widths_are_refused(widths):
    with pytest.raises(EngineError):
        zoning.generate_zones([box(0, 0, 10, 10)], None, *widths)


def test_empty_boundary_is_refused():
    with pytest.raises(EngineError):
        zoning.generate_zones([box(0, 0, 10, 10)], Polygon(), 10, 10)


def test_self_intersecting_core_is_repaired():
    bowtie = Polygon([(0, 0), (100, 100), (100, 0), (0, 100)])
    zones = zoning.generate_zones([bowtie], None, 10, 10)
    assert zones[CORE].area == pytest.approx(2 * 100 * 50 / 2)
    assert zones[CORE].is_valid


def core_strategy():
    return st.builds(
        lambda x, y, width, height, round_core: (
            Point(x, y).buffer(width / 2) if round_core else box(x, y, x + width, y + height)),
        st.floats(0, 4000), st.floats(0, 4000), st.floats(1, 1500), st.floats(1, 1500), st.booleans())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cores=st.lists(core_strategy(), min_size=1, max_size=5),
       buffer_width=st.one_of(st.just(0.0), st.floats(0.01, 800)),
       transition_width=st.one_of(st.just(0.0), st.floats(0.01, 1500)),
       with_boundary=st.booleans())
def test_zones_partition_the_reserve(cores, buffer_width, transition_width, with_boundary):
    boundary = box(500, 500, 4500, 4000) if with_boundary else None
    inside = [core for core in cores if boundary is None or core.intersection(boundary).area > 0]
    if not inside:
        with pytest.raises(EngineError):
            zoning.generate_zones(cores, boundary, buffer_width, transition_width)
        return
    zones = zoning.generate_zones(inside, boundary, buffer_width, transition_width)
    core_union = unary_union(inside)
    reserve = boundary if boundary is not None else core_union.buffer(buffer_width + transition_width)
    assert_partition(zones, reserve)
    expected_core = core_union.intersection(boundary) if boundary is not None else core_union
    assert zones[CORE].symmetric_difference(expected_core).area <= 1e-6 * reserve.area


def test_zone_areas_in_hectares_and_percent():
    areas = zoning.zone_areas([
        ('transition', box(0, 0, 1000, 500)),
        (CORE, box(0, 0, 100, 100)),
        (BUFFER, box(0, 0, 200, 100)),
        (CORE, box(0, 0, 300, 100)),
        ('一般控制区', box(0, 0, 100, 100)),
    ])
    assert list(areas) == [CORE, BUFFER, TRANSITION, '一般控制区']
    assert areas[CORE].area_ha == pytest.approx(3.0)  # the two cores overlap: the land inside both counts once
    assert areas[TRANSITION].area_ha == pytest.approx(50.0)
    total = 3 + 2 + 50 + 1
    assert areas[BUFFER].share_pct == pytest.approx(100 * 2 / total)
    assert sum(area.share_pct for area in areas.values()) == pytest.approx(100)


def test_zone_areas_of_nothing_have_zero_share():
    areas = zoning.zone_areas([(CORE, None)])
    assert areas[CORE] == zoning.ZoneArea(0.0, 0.0)
    assert zoning.zone_areas([]) == {}


def landcover_grid():
    """10 x 10 cells of 10 m from (0, 0) to (100, 100): class 1 in columns 0-4, class 2 in columns 5-9,
    no data in the bottom-right cell."""
    array = np.ones((10, 10))
    array[:, 5:] = 2
    array[9, 9] = np.nan
    return Grid(array, (0.0, 10.0, 0.0, 100.0, 0.0, -10.0), '')


def covers(composition, zone):
    return {cover.landcover: (cover.cells, pytest.approx(cover.percent)) for cover in composition[zone]}


def test_landcover_by_cell_centres():
    composition = zoning.landcover_composition([(CORE, box(0, 0, 60, 100))], landcover_grid())
    assert covers(composition, CORE) == {1: (50, 100 * 50 / 60), 2: (10, 100 * 10 / 60)}


def test_landcover_outside_the_raster_counts_as_no_data():
    composition = zoning.landcover_composition([(BUFFER, box(90, 0, 110, 100))], landcover_grid())
    assert covers(composition, BUFFER) == {2: (9, 45.0), None: (11, 55.0)}
    assert [cover.landcover for cover in composition[BUFFER]] == [2, None]


def test_landcover_of_a_zone_smaller_than_a_cell_takes_the_cell_it_touches():
    composition = zoning.landcover_composition([(CORE, box(12, 12, 14, 14))], landcover_grid())
    assert covers(composition, CORE) == {1: (1, 100.0)}


def test_landcover_merges_parts_of_a_zone_and_reads_in_blocks(monkeypatch):
    zones = [(TRANSITION, box(0, 0, 30, 100)), (TRANSITION, box(70, 0, 100, 100)), (CORE, None)]
    whole = zoning.landcover_composition(zones, landcover_grid())
    monkeypatch.setattr(zoning, 'ROWS_PER_BLOCK', 3)
    assert zoning.landcover_composition(zones, landcover_grid()) == whole
    assert covers(whole, TRANSITION) == {1: (30, 50.0), 2: (29, 100 * 29 / 60), None: (1, 100 / 60)}
    assert CORE not in whole


def test_statistics_rows_split_the_zone_area_by_class():
    areas = zoning.zone_areas([(CORE, box(0, 0, 600, 1000)), (BUFFER, box(0, 0, 100, 100))])
    composition = {CORE: [zoning.ClassCover(1, 50, 75.0), zoning.ClassCover(None, 10, 25.0)]}
    rows = zoning.zone_statistics_rows(areas, composition)
    assert [(row['zone'], row['landcover'], row['class_area_ha']) for row in rows] == [
        (CORE, 1, pytest.approx(45.0)), (CORE, None, pytest.approx(15.0)), (BUFFER, None, 0.0)]
    assert rows[0]['zone_code'] == 1 and rows[0]['area_ha'] == pytest.approx(60.0)
    plain = zoning.zone_statistics_rows(areas)
    assert plain == [
        {'zone': CORE, 'zone_code': 1, 'area_ha': pytest.approx(60.0), 'share_pct': pytest.approx(6000 / 61)},
        {'zone': BUFFER, 'zone_code': 2, 'area_ha': pytest.approx(1.0), 'share_pct': pytest.approx(100 / 61)},
    ]


def wall_grid(wall_value):
    """60 x 20 cells of 10 m from (0, 0) to (600, 200), resistance 1 except column 32 (x 320-330)."""
    array = np.ones((20, 60))
    array[:, 32] = wall_value
    return Grid(array, (0.0, 10.0, 0.0, 200.0, 0.0, -10.0), '')


@pytest.mark.parametrize('wall_value', [np.nan, 1000.0])
def test_cost_zones_stop_at_a_barrier(wall_value):
    core = box(252, 83, 278, 117)
    zones = zoning.generate_cost_zones([core], None, 100, 100, wall_grid(wall_value))
    assert zones[CORE].equals(core)
    buffer_minx, _, buffer_maxx, _ = zones[BUFFER].bounds
    reserve_minx, _, reserve_maxx, _ = unary_union(list(zones.values())).bounds
    # the source cells are columns 25-27 (centres x 255-275); through resistance 1 a cost of 100 reaches
    # ten cells (100 m), 200 reaches twenty; the wall at x 320 stops both zones on the right
    assert (buffer_minx, reserve_minx) == (150.0, 50.0)
    assert buffer_maxx == reserve_maxx == 320.0
    euclidean = zoning.generate_zones([core], None, 100, 100)
    assert euclidean[BUFFER].bounds[2] == pytest.approx(378.0)
    assert_partition(zones, unary_union(list(zones.values())))


def test_cost_zones_follow_resistance_and_partition_the_boundary():
    grid = wall_grid(1.0)
    grid.array[:, 30:] = 4.0
    boundary = box(20, 5, 590, 195)
    core = box(252, 83, 278, 117)
    zones = zoning.generate_cost_zones([core], boundary, 100, 100, grid)
    assert_partition(zones, boundary)
    _, _, buffer_maxx, _ = zones[BUFFER].bounds
    # from the source column 27 (centre 275): columns 28 and 29 cost 10 each, the step into column 30
    # 10 * (1 + 4) / 2 = 25, then 40 per column: 20 + 25 + 40 = 85 <= 100 at column 31, so x = 320
    assert buffer_maxx == 320.0
    assert zones[BUFFER].bounds[0] == 150.0


def test_cost_zones_need_cores_on_the_raster():
    with pytest.raises(EngineError):
        zoning.generate_cost_zones([box(1000, 1000, 1100, 1100)], None, 100, 100, wall_grid(1.0))


def test_cost_zones_with_zero_costs_are_the_core_alone():
    core = box(252, 83, 278, 117)
    zones = zoning.generate_cost_zones([core], None, 0, 0, wall_grid(1.0))
    assert zones[CORE].equals(core) and zones[BUFFER].is_empty and zones[TRANSITION].is_empty


def test_cost_zones_on_a_large_raster_use_only_the_reachable_window(monkeypatch):
    rng = np.random.default_rng(7)
    array = rng.uniform(2.0, 5.0, (300, 300))
    grid = Grid(array, (0.0, 10.0, 0.0, 3000.0, 0.0, -10.0), '')
    core = box(1500.5, 1500.5, 1539.5, 1539.5)
    sources = np.zeros(array.shape, dtype=bool)
    sources[146:150, 150:154] = True
    whole_grid_cost = costdistance.accumulated_cost(array, sources, 10.0, 10.0)
    shapes = []

    def recording_cost(resistance, *args, **kwargs):
        shapes.append(resistance.shape)
        return costdistance.accumulated_cost(resistance, *args, **kwargs)

    monkeypatch.setattr(zoning, 'accumulated_cost', recording_cost)
    zones = zoning.generate_cost_zones([core], None, 300, 200, grid)
    # a cost of 500 at resistance >= 2 reaches at most 250 m: 25 cells beyond the core, plus a margin
    assert shapes[0][0] * shapes[0][1] < 0.1 * array.size
    reserve_area = sum(zone.area for zone in zones.values())
    assert reserve_area == pytest.approx((whole_grid_cost <= 500).sum() * 100.0)
    grown_area = zones[CORE].area + zones[BUFFER].area
    assert grown_area == pytest.approx((whole_grid_cost <= 300).sum() * 100.0)


def test_land_cover_read_as_a_window(tmp_path):
    path = str(tmp_path / 'landcover.tif')
    dataset = gdal.GetDriverByName('GTiff').Create(path, 10, 10, 1, gdal.GDT_Int16)
    dataset.SetGeoTransform((0.0, 10.0, 0.0, 100.0, 0.0, -10.0))
    band = dataset.GetRasterBand(1)
    band.SetNoDataValue(0)
    band.WriteArray(np.where(np.isnan(landcover_grid().array), 0, landcover_grid().array).astype(np.int16))
    dataset = None
    window = raster.read_window(path, (55, 0, 120, 100))
    assert window.array.shape == (10, 5) and window.geotransform[0] == 50.0
    composition = zoning.landcover_composition([(BUFFER, box(90, 0, 110, 100))], window)
    assert covers(composition, BUFFER) == {2: (9, 45.0), None: (11, 55.0)}
    outside = raster.read_window(path, (500, 500, 600, 600))
    assert outside.array.size == 0
    composition = zoning.landcover_composition([(CORE, box(500, 500, 520, 520))], outside)
    assert covers(composition, CORE) == {None: (4, 100.0)}


CELL = 10.0
"""Cell size in metres of the random resistance grids of the cost-zone property test."""


def touched_cells(core, shape):
    """(row, col) of the cells of a grid of CELL-metre cells from (0, 0) whose square shares area with
    ``core``; the property test keeps core edges clear of the grid lines, so these are the cells it touches."""
    rows, cols = shape
    top = rows * CELL
    return [(row, col) for row in range(rows) for col in range(cols)
            if core.intersection(box(col * CELL, top - (row + 1) * CELL, (col + 1) * CELL, top - row * CELL)).area > 0]


def dijkstra_cost(array, sources):
    """Accumulated cost from ``sources`` (row, col) by docs/costdistance.md, on a graph built here: orthogonal
    step CELL * (c1 + c2) / 2, diagonal sqrt(2) * CELL * (c1 + c2) / 2; NaN cells are barriers."""
    rows, cols = array.shape
    starts, ends, weights = [], [], []
    for row in range(rows):
        for col in range(cols):
            for d_row, d_col in ((0, 1), (1, -1), (1, 0), (1, 1)):
                other_row, other_col = row + d_row, col + d_col
                if not (0 <= other_row < rows and 0 <= other_col < cols):
                    continue
                first, second = array[row, col], array[other_row, other_col]
                if np.isnan(first) or np.isnan(second):
                    continue
                length = CELL * (math.sqrt(2) if d_row and d_col else 1.0)
                starts.append(row * cols + col)
                ends.append(other_row * cols + other_col)
                weights.append(length * (first + second) / 2)
    graph = csr_matrix((weights, (starts, ends)), shape=(rows * cols, rows * cols))
    passable = [row * cols + col for row, col in sources if not np.isnan(array[row, col])]
    return dijkstra(graph, directed=False, indices=passable, min_only=True).reshape(rows, cols)


def assert_reaches(region, core, cost, threshold, reserve):
    """``region`` holds the centre of every cell inside ``reserve`` with an accumulated cost clearly below
    ``threshold`` and, outside ``core``, none of the cells clearly above it that no such cell encloses."""
    margin = 1e-6 * max(1.0, threshold)
    rows, cols = cost.shape
    outside = ~binary_fill_holes(cost <= threshold + margin)
    for row in range(rows):
        for col in range(cols):
            centre = Point((col + 0.5) * CELL, (rows - row - 0.5) * CELL)
            if cost[row, col] <= threshold - margin and (reserve is None or reserve.contains(centre)):
                assert region.distance(centre) <= 1e-9, (row, col, cost[row, col])
            if outside[row, col] and not core.contains(centre):
                assert not region.contains(centre), (row, col, cost[row, col])


def clear_of_grid_lines(value):
    """``value``, or half a metre past the nearest grid line (a multiple of CELL) when closer to it: GDAL's
    all-touched rasterisation misses cells that a polygon overlaps by less than about 1/40 of a cell."""
    offset = value % CELL
    return value if 0.5 <= offset <= CELL - 0.5 else round(value / CELL) * CELL + 0.5


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(array=resistance_grids((30, 30), 0.5, 5.0, block=5), corner=st.tuples(st.floats(0, 250), st.floats(0, 250)),
       size=st.floats(1, 80), buffer_cost=st.floats(0, 300), transition_cost=st.floats(0, 300),
       with_boundary=st.booleans())
def test_cost_zones_partition_the_reserve(array, corner, size, buffer_cost, transition_cost, with_boundary):
    grid = Grid(array, (0.0, CELL, 0.0, 300.0, 0.0, -CELL), '')
    core = box(*(clear_of_grid_lines(value) for value in (corner[0], corner[1], corner[0] + size, corner[1] + size)))
    # the boundary's edges are off the grid lines and off the cell centres (5, 15, ... m)
    boundary = box(23, 27, 287, 276) if with_boundary else None
    clipped_core = core.intersection(boundary) if boundary is not None else core
    assume(clipped_core.area > 0)
    sources = touched_cells(clipped_core, array.shape)
    if all(np.isnan(array[cell]) for cell in sources):
        with pytest.raises(EngineError, match='barrier'):
            zoning.generate_cost_zones([core], boundary, buffer_cost, transition_cost, grid)
        return
    zones = zoning.generate_cost_zones([core], boundary, buffer_cost, transition_cost, grid)
    reserve = boundary if boundary is not None else unary_union(list(zones.values()))
    assert_partition(zones, reserve)
    assert zones[CORE].symmetric_difference(clipped_core).area <= 1e-6 * reserve.area
    cost = dijkstra_cost(array, sources)
    assert_reaches(zones[CORE].union(zones[BUFFER]), clipped_core, cost, buffer_cost, boundary)
    if boundary is None:
        assert_reaches(reserve, core, cost, buffer_cost + transition_cost, None)


def test_cost_zones_keep_enclosed_barriers_without_holes():
    grid = wall_grid(1.0)
    grid.array[10, 20] = np.nan
    grid.array[5:8, 40:43] = np.nan
    core = box(252, 83, 278, 117)
    zones = zoning.generate_cost_zones([core], None, 100, 100, grid)
    grown = zones[CORE].union(zones[BUFFER])
    reserve = grown.union(zones[TRANSITION])
    assert grown.geom_type == reserve.geom_type == 'Polygon'
    assert not list(grown.interiors) and not list(reserve.interiors)
    # the barrier cell at x 200-210, y 90-100 is inside the buffer, the 3 x 3 block at x 400-430, y 120-150
    # inside the transition (it lies 120-150 m right of the core)
    assert grown.contains(box(200, 90, 210, 100))
    assert zones[TRANSITION].contains(box(400, 120, 430, 150))
