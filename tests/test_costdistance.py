"""Cost distance and least-cost paths: the engine against hand computations, an independent Dijkstra and
GRASS r.cost; the costdistance and leastcostpath algorithms as users run them (docs/costdistance.md)."""

import math
import os
import subprocess

import numpy as np
import processing
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from osgeo import gdal, osr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsDistanceArea,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputLayerDefinition,
    QgsProject,
    QgsRasterLayer,
    QgsVectorLayer,
)
from scipy.sparse import lil_matrix
from scipy.sparse.csgraph import dijkstra

import cost_tiles
from reserve_planner.processing.engine import costdistance, raster
from reserve_planner.processing.engine.feedback import Feedback
from reserve_planner.processing.engine.messages import Canceled, EngineError
from strategies import cost_cases
from support import RecordingFeedback, geotiff, read_raster, run, wkt_layer

ROOT2 = math.sqrt(2.0)
UTM = 'EPSG:32650'
X0, Y0 = 500000.0, 4000000.0


# ---------------------------------------------------------------- helpers

def cell_centre(row, col, cell_width, cell_height=None):
    cell_height = cell_height or cell_width
    return X0 + (col + 0.5) * cell_width, Y0 - (row + 0.5) * cell_height


def point(row, col, cell_width, cell_height=None):
    return 'POINT({} {})'.format(*cell_centre(row, col, cell_width, cell_height))


def reference_costs(resistance, sources, cell_width, cell_height):
    """Accumulated costs by scipy's Dijkstra on a graph built edge by edge from docs/costdistance.md:
    an independent reference for the engine."""
    rows, cols = resistance.shape
    graph = lil_matrix((rows * cols, rows * cols))
    for row in range(rows):
        for col in range(cols):
            for d_row in (-1, 0, 1):
                for d_col in (-1, 0, 1):
                    row2, col2 = row + d_row, col + d_col
                    if (d_row, d_col) == (0, 0) or not (0 <= row2 < rows and 0 <= col2 < cols):
                        continue
                    here, there = resistance[row, col], resistance[row2, col2]
                    if not (here > 0 and there > 0):
                        continue
                    length = math.hypot(d_row * cell_height, d_col * cell_width)
                    graph[row * cols + col, row2 * cols + col2] = length * (here + there) / 2
    usable = [index for index in np.flatnonzero(sources) if resistance.flat[index] > 0]
    return dijkstra(graph.tocsr(), indices=usable, min_only=True).reshape(rows, cols)


# ---------------------------------------------------------------- engine: hand-checked grids

def test_uniform_grid_with_non_square_cells():
    cost = costdistance.accumulated_cost(np.ones((3, 3)), np.array([[1, 0, 0], [0, 0, 0], [0, 0, 0]], bool), 30, 20)
    diagonal = math.hypot(30, 20)
    expected = [[0, 30, 60],
                [20, diagonal, diagonal + 30],
                [40, diagonal + 20, 2 * diagonal]]
    np.testing.assert_allclose(cost, expected, rtol=1e-12)


def test_average_cost_convention_on_a_3x3_grid():
    resistance = np.array([[1.0, 2, 3], [4, 5, 6], [7, 8, 9]])
    sources = np.zeros((3, 3), bool)
    sources[1, 1] = True
    cost = costdistance.accumulated_cost(resistance, sources, 10, 10)
    # each neighbour of the centre is cheapest straight from it: length x mean resistance
    expected = [[10 * ROOT2 * 3, 10 * 3.5, 10 * ROOT2 * 4],
                [10 * 4.5, 0, 10 * 5.5],
                [10 * ROOT2 * 6, 10 * 6.5, 10 * ROOT2 * 7]]
    np.testing.assert_allclose(cost, expected, rtol=1e-12)


def test_barriers_force_a_detour_and_cut_off_what_they_enclose():
    nan = np.nan
    resistance = np.array([[1.0, nan, 1, 1, 1],
                           [1, nan, 1, 0, 1],
                           [1, nan, 1, 1, 1],
                           [1, 1, 1, nan, nan],
                           [nan, nan, nan, nan, 1]])
    sources = np.zeros(resistance.shape, bool)
    sources[0, 0] = True
    cost = costdistance.accumulated_cost(resistance, sources, 10, 10)
    # down the first column, diagonally past the wall's foot, up the third column
    assert cost[2, 0] == pytest.approx(20)
    assert cost[3, 1] == pytest.approx(20 + 10 * ROOT2)
    assert cost[2, 2] == pytest.approx(20 + 20 * ROOT2)
    assert cost[0, 2] == pytest.approx(40 + 20 * ROOT2)
    assert np.isinf(cost[1, 3]), 'a cell of resistance 0 is a barrier'
    assert np.isinf(cost[:, 1][:3]).all() and np.isinf(cost[4, :4]).all()
    assert np.isinf(cost[4, 4]), 'the corner cell is enclosed by barriers'


def test_an_infinite_resistance_is_a_barrier_like_nodata():
    """Some rasters mark impassable cells with +inf: a barrier, as nodata is, not 'the largest value of its type'."""
    resistance = np.ones((5, 5))
    resistance[:4, 2] = np.inf
    walled = resistance.copy()
    walled[:4, 2] = np.nan
    sources = np.zeros(resistance.shape, bool)
    sources[0, 0] = True
    np.testing.assert_array_equal(costdistance.accumulated_cost(resistance, sources, 10, 10),
                                  costdistance.accumulated_cost(walled, sources, 10, 10))


def test_max_cost_leaves_farther_cells_unreached():
    sources = np.zeros((1, 6), bool)
    sources[0, 0] = True
    cost = costdistance.accumulated_cost(np.ones((1, 6)), sources, 10, 10, max_cost=30)
    np.testing.assert_array_equal(cost, [[0, 10, 20, 30, np.inf, np.inf]])


def test_sources_as_flat_indices_equal_sources_as_a_mask():
    resistance = np.random.default_rng(3).uniform(1, 5, (6, 7))
    mask = np.zeros(resistance.shape, bool)
    mask[2, 3] = mask[5, 0] = True
    graph = costdistance.CostGraph(resistance, 20, 30)
    np.testing.assert_array_equal(graph.accumulate(mask), graph.accumulate(np.flatnonzero(mask)))


def test_nodata_only_raster_is_refused():
    with pytest.raises(EngineError, match='no passable cell'):
        costdistance.CostGraph(np.full((4, 4), np.nan), 10, 10)


def test_sources_only_on_barriers_are_refused():
    resistance = np.ones((3, 3))
    resistance[1, 1] = np.nan
    with pytest.raises(EngineError, match='barrier'):
        costdistance.accumulated_cost(resistance, [4], 10, 10)


def test_no_source_and_sources_off_the_grid_are_refused():
    graph = costdistance.CostGraph(np.ones((3, 3)), 10, 10)
    with pytest.raises(EngineError, match='no source'):
        graph.accumulate(np.zeros((3, 3), bool))
    with pytest.raises(EngineError, match='outside'):
        graph.accumulate([9])


def test_cancel_stops_the_run_and_progress_reaches_100():
    graph = costdistance.CostGraph(np.ones((200, 200)), 10, 10)
    reports = []
    graph.accumulate([0], feedback=Feedback(reports.append))
    assert reports[-1] == 100 and reports == sorted(reports)
    with pytest.raises(Canceled):
        graph.accumulate([0], feedback=Feedback(reports.append, is_canceled=lambda: len(reports) > 3))


def test_source_mask_rasterises_polygons_by_centre_and_lines_by_touch():
    from shapely.geometry import LineString, Point, box
    geotransform = (0.0, 10.0, 0.0, 50.0, 0.0, -10.0)
    mask, outside = costdistance.source_mask([box(0, 30, 24, 50), box(42, 2, 44, 4), box(100, 100, 110, 110)],
                                             (5, 5), geotransform, polygons=True)
    expected = np.zeros((5, 5), bool)
    expected[0:2, 0:2] = True          # centres (5, 45), (15, 45), (5, 35), (15, 35) inside; 25 is not
    expected[4, 4] = True              # a polygon smaller than a cell takes the cell it touches
    np.testing.assert_array_equal(mask, expected)
    assert outside == [2]
    mask, outside = costdistance.source_mask([LineString([(1, 49), (49, 49)]), Point(15, 15)], (5, 5),
                                             geotransform, polygons=False)
    assert mask[0].all() and mask[3, 1] and mask.sum() == 6 and outside == []


def test_feature_cells_equal_the_full_grid_rasterisation():
    from shapely.geometry import LineString, Point, box
    geotransform = (100.0, 10.0, 0.0, 500.0, 0.0, -20.0)
    shape = (20, 30)
    for geometry, polygons in ((box(150, 300, 260, 390), True), (box(203, 403, 205, 405), True),
                               (LineString([(101, 499), (399, 101)]), False), (Point(399.5, 100.5), False),
                               (box(90, 80, 150, 140), True)):
        mask, _ = costdistance.source_mask([geometry], shape, geotransform, polygons)
        cells = costdistance.feature_cells(geometry, shape, geotransform, polygons)
        np.testing.assert_array_equal(np.sort(cells), np.flatnonzero(mask))
    assert costdistance.feature_cells(Point(0, 0), shape, geotransform, False).size == 0
    assert costdistance.feature_cells(None, shape, geotransform, False).size == 0


# ---------------------------------------------------------------- engine: properties

@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cost_cases())
def test_engine_equals_an_independent_dijkstra_and_is_zero_on_sources(case):
    resistance, sources, width, height = case
    cost = costdistance.accumulated_cost(resistance, sources, width, height)
    assert (cost[sources] == 0).all()
    np.testing.assert_allclose(cost, reference_costs(resistance, sources, width, height), rtol=1e-12)


@pytest.mark.parametrize('float32_exact', [True, False])
def test_a_graph_read_by_blocks_of_rows_equals_the_one_piece_graph(monkeypatch, float32_exact):
    """Read by blocks of a few rows (odd block size, last block short), the graph holds the resistance as float32
    when that is exact and as float64 when not, and its accumulated cost equals the one-piece run bit for bit."""
    cells = np.arange(157 * 203).reshape(157, 203)
    resistance = 1.0 + 10.0 * np.sin(0.37 * cells) ** 2
    resistance[cells % 11 == 3] = np.nan
    sources = (cells % 97 == 0) & ~np.isnan(resistance)
    if float32_exact:
        resistance = resistance.astype(np.float32).astype(np.float64)
    whole = costdistance.CostGraph(resistance, 30.0, 20.0)
    monkeypatch.setattr(costdistance, 'BLOCK_CELLS', 7 * 203)
    read = []
    blocked = costdistance.CostGraph.from_rows(
        resistance.shape, lambda first, count: read.append(count) or resistance[first:first + count], 30.0, 20.0)
    assert read == [7] * 22 + [3]
    assert blocked.padded.dtype == (np.float32 if float32_exact else np.float64)
    np.testing.assert_array_equal(blocked.accumulate(sources), whole.accumulate(sources))


def test_a_cost_distance_equals_the_same_computed_in_tiles_where_their_paths_stay_inside():
    """Issue 13 at 4 M cells (bench_costdistance.py --tiles runs it at 10^8): the whole grid, read by blocks of rows,
    against 3 x 3 tiles overlapping by 500 cells (edges midway between sources), each read and run alone from the
    sources it holds. Tile cells whose
    least-cost path cannot leave the tile (tests/cost_tiles.py) cost the same bit for bit; no tile cell costs less
    than on the whole grid, and cells near tile edges whose paths come from outside cost more."""
    side = 2000
    whole = cost_tiles.window_cost(0, side, 0, side)
    checked, unequal, lower, higher = cost_tiles.compare_tiles(whole, 3, 500)
    assert checked > 0.3 * side * side
    assert (unequal, lower) == (0, 0)
    assert higher > 0


@settings(max_examples=40, deadline=None)
@given(cost_cases(), st.floats(0, 2000))
def test_max_cost_cuts_the_full_surface_at_that_cost(case, max_cost):
    resistance, sources, width, height = case
    graph = costdistance.CostGraph(resistance, width, height)
    full = graph.accumulate(sources)
    np.testing.assert_array_equal(graph.accumulate(sources, max_cost=max_cost),
                                  np.where(full <= max_cost, full, np.inf))


def test_a_source_walled_in_by_barriers_reaches_nothing_else():
    resistance = np.ones((5, 5))
    resistance[1:4, 1:4] = np.nan
    resistance[2, 2] = 1.0
    cost = costdistance.accumulated_cost(resistance, [12], 10, 10)
    assert cost[2, 2] == 0 and np.isinf(np.delete(cost.ravel(), 12)).all()


@settings(max_examples=40, deadline=None)
@given(cost_cases(), st.integers(0, 80), st.integers(0, 80))
def test_triangle_inequality(case, middle, end):
    resistance, _sources, width, height = case
    rows, cols = resistance.shape
    resistance[np.isnan(resistance)] = 1.0
    graph = costdistance.CostGraph(resistance, width, height)
    start, middle, end = 0, middle % (rows * cols), end % (rows * cols)
    from_start, from_middle = graph.accumulate([start]), graph.accumulate([middle])
    assert from_start.flat[end] <= from_start.flat[middle] + from_middle.flat[end] * (1 + 1e-12)


@settings(max_examples=40, deadline=None)
@given(cost_cases(), st.integers(0, 80))
def test_least_cost_path_runs_from_a_source_to_the_target_at_the_accumulated_cost(case, target):
    resistance, sources, width, height = case
    rows, cols = resistance.shape
    graph = costdistance.CostGraph(resistance, width, height)
    cost = graph.accumulate(sources)
    target = divmod(target % (rows * cols), cols)
    if not np.isfinite(cost[target]):
        with pytest.raises(EngineError):
            costdistance.least_cost_path(cost, graph, target)
        return
    path = costdistance.least_cost_path(cost, graph, target)
    assert sources[path[0]] and path[-1] == target
    steps = list(zip(path[:-1], path[1:]))
    assert all(max(abs(a[0] - b[0]), abs(a[1] - b[1])) == 1 for a, b in steps)
    assert sum(graph.step_cost(a, b) for a, b in steps) == pytest.approx(cost[target], rel=1e-9, abs=1e-9)


# ---------------------------------------------------------------- GRASS r.cost

def grass_r_cost(tmp_path, resistance_path, sources_path):
    """Accumulated cost by GRASS r.cost (8 neighbours, knight's move off) in GRASS units (cost x cell widths)."""
    output = tmp_path / 'grass_cost.tif'
    script = tmp_path / 'r_cost.sh'
    script.write_text(
        'set -e\n'
        'r.in.gdal -o input={res} output=resistance --quiet\n'
        'r.in.gdal -o input={src} output=sources --quiet\n'
        'g.region raster=resistance\n'
        'r.cost input=resistance start_raster=sources output=cost --quiet\n'
        'r.out.gdal input=cost output={out} type=Float64 --quiet\n'.format(
            res=resistance_path, src=sources_path, out=output))
    completed = subprocess.run(['grass', '--tmp-location', UTM, '--exec', 'bash', str(script)],
                               capture_output=True, text=True)
    assert completed.returncode == 0, completed.stderr
    return read_raster(output)[0]


@pytest.mark.external
@pytest.mark.slow
@pytest.mark.parametrize('cell_width, cell_height', [(30.0, 20.0), (25.0, 25.0)])
def test_costdistance_equals_grass_r_cost_times_the_cell_width(qgis_app, tmp_path, cell_width, cell_height):
    rng = np.random.default_rng(int(cell_width))
    resistance = rng.uniform(0.5, 20.0, (200, 300))
    resistance[rng.random(resistance.shape) < 0.15] = np.nan
    resistance[60:140, 150] = np.nan
    sources = np.full(resistance.shape, np.nan)
    sources[100, 20] = sources[10:13, 250:260] = 1
    resistance[~np.isnan(sources)] = 1.0
    resistance_path = geotiff(tmp_path / 'resistance.tif', resistance, cell_width, cell_height)
    sources_path = geotiff(tmp_path / 'sources.tif', sources, cell_width, cell_height)
    output = str(tmp_path / 'cost.tif')
    run('costdistance', RESISTANCE=resistance_path, SOURCE_RASTER=sources_path, OUTPUT=output)
    ours = read_raster(output)[0]
    grass = grass_r_cost(tmp_path, resistance_path, sources_path) * cell_width
    np.testing.assert_array_equal(np.isnan(ours), np.isnan(grass))
    reached = ~np.isnan(grass)
    np.testing.assert_allclose(ours[reached], grass[reached], rtol=1e-6)


def test_costdistance_read_and_written_by_blocks_equals_the_one_piece_engine_run(qgis_app, tmp_path, monkeypatch):
    """A 600 x 500 Float32 raster (barriers, resistance <= 0, 30 m x 20 m cells) read into the graph and written
    out by blocks of 40 rows equals, cell for cell, the engine run on the whole raster at once, written as Float32
    with nodata where no path reaches."""
    rng = np.random.default_rng(23)
    resistance = rng.uniform(0.5, 20.0, (600, 500)).astype(np.float32).astype(np.float64)
    resistance[rng.random(resistance.shape) < 0.1] = np.nan
    resistance[200:205, :] = 0.0
    resistance[200:205, 450:455] = 3.0
    resistance[550:, 480:] = np.nan
    resistance[580:, 490:] = 1.0
    sources = np.zeros(resistance.shape, bool)
    sources[100, 20] = sources[400:403, 250:260] = True
    resistance[sources] = 1.0
    sources_path = geotiff(tmp_path / 'sources.tif', np.where(sources, 1.0, np.nan), 30.0, 20.0)
    resistance_path = geotiff(tmp_path / 'resistance.tif', resistance, 30.0, 20.0, data_type=gdal.GDT_Float32)
    monkeypatch.setattr(costdistance, 'BLOCK_CELLS', 40 * 500)
    monkeypatch.setattr(raster, 'WRITE_BLOCK_CELLS', 40 * 500)
    output = str(tmp_path / 'cost.tif')
    run('costdistance', RESISTANCE=resistance_path, SOURCE_RASTER=sources_path, OUTPUT=output)
    expected = costdistance.accumulated_cost(resistance, sources, 30.0, 20.0).astype(np.float32)
    expected[np.isinf(expected)] = np.nan
    ours = read_raster(output)[0]
    assert np.isnan(ours[590, 495]) and np.isnan(expected[590, 495])
    np.testing.assert_array_equal(ours, expected.astype(np.float64))


# ---------------------------------------------------------------- costdistance algorithm

def test_costdistance_from_a_point_on_a_uniform_raster(qgis_app, tmp_path):
    resistance = geotiff(tmp_path / 'resistance.tif', np.full((5, 6), 2.0), 10)
    output = str(tmp_path / 'cost.tif')
    result = run('costdistance', RESISTANCE=resistance, SOURCES=wkt_layer('sources', 'Point', UTM, [point(2, 1, 10)]),
                 OUTPUT=output)
    cost, geotransform, _ = read_raster(result['OUTPUT'])
    assert geotransform == (X0, 10, 0, Y0, 0, -10)
    # resistance 2: 20 per orthogonal step, 20 sqrt 2 per diagonal step
    assert cost[2, 1] == 0 and cost[2, 5] == pytest.approx(80)
    assert cost[0, 3] == pytest.approx(40 * ROOT2)
    assert cost[4, 5] == pytest.approx(40 * ROOT2 + 40)


def test_a_float32_raster_whose_nodata_is_undeclared_is_refused_naming_it(qgis_app, tmp_path):
    """Float32 rasters often mark nodata with the type's largest value, 3.4e38, without declaring it: costs through
    those cells overflow the Float32 output to inf, written with exit code 0 as if the land were measured."""
    values = np.full((5, 6), 2.0)
    values[:, -2:] = np.finfo(np.float32).max
    resistance = geotiff(tmp_path / 'resistance.tif', values, 10, data_type=gdal.GDT_Float32)
    output = tmp_path / 'cost.tif'
    with pytest.raises(QgsProcessingException, match=r'Raster "resistance.tif": The resistance raster holds '
                                                     r'3.40282e\+38, .*: nodata the raster does not declare'):
        run('costdistance', RESISTANCE=resistance, SOURCES=wkt_layer('sources', 'Point', UTM, [point(2, 1, 10)]),
            OUTPUT=str(output))
    assert not output.exists()


def test_costs_beyond_the_float32_range_are_written_as_float64(qgis_app, tmp_path):
    """Resistances of 1e37 (below UNDECLARED_NODATA, so meant) over 10 m cells accumulate past Float32's largest
    value, 3.4e38, within four steps: the Float32 output held inf there, with exit code 0. The output is Float64
    then, and every cost is the finite sum of its steps; an output within Float32's range stays Float32."""
    values = np.full((1, 8), 1e37)
    resistance = geotiff(tmp_path / 'resistance.tif', values, 10)
    output = tmp_path / 'cost.tif'
    run('costdistance', RESISTANCE=resistance, SOURCES=wkt_layer('sources', 'Point', UTM, [point(0, 0, 10)]),
        OUTPUT=str(output))
    assert gdal.Open(str(output)).GetRasterBand(1).DataType == gdal.GDT_Float64
    cost = read_raster(output)[0]
    np.testing.assert_allclose(cost[0], [1e37 * 10 * col for col in range(8)], rtol=1e-12)
    assert cost[0, 7] > np.finfo(np.float32).max
    small = tmp_path / 'small.tif'
    run('costdistance', RESISTANCE=geotiff(tmp_path / 'ones.tif', np.ones((1, 8)), 10),
        SOURCES=wkt_layer('sources', 'Point', UTM, [point(0, 0, 10)]), OUTPUT=str(small))
    assert gdal.Open(str(small)).GetRasterBand(1).DataType == gdal.GDT_Float32


def test_polygon_sources_are_the_cells_whose_centre_they_contain(qgis_app, tmp_path):
    resistance = geotiff(tmp_path / 'resistance.tif', np.ones((6, 6)), 10)
    polygon = 'POLYGON(({x0} {y0}, {x1} {y0}, {x1} {y1}, {x0} {y1}, {x0} {y0}))'.format(
        x0=X0 + 12, x1=X0 + 38, y0=Y0 - 38, y1=Y0 - 12)
    output = str(tmp_path / 'cost.tif')
    run('costdistance', RESISTANCE=resistance, SOURCES=wkt_layer('sources', 'Polygon', UTM, [polygon]), OUTPUT=output)
    cost = read_raster(output)[0]
    zero = np.zeros((6, 6), bool)
    zero[1:4, 1:4] = True     # centres 15, 25, 35 m from the corner lie inside 12..38
    np.testing.assert_array_equal(cost == 0, zero)
    assert cost[5, 5] == pytest.approx(20 * ROOT2)


def test_self_intersecting_polygon_source_is_repaired_and_used(qgis_app, tmp_path):
    from shapely.geometry import Point
    from shapely.validation import make_valid
    from shapely import wkt as shapely_wkt
    resistance = geotiff(tmp_path / 'resistance.tif', np.ones((8, 8)), 10)
    bow_tie = 'POLYGON(({x0} {y0}, {x1} {y1}, {x1} {y0}, {x0} {y1}, {x0} {y0}))'.format(
        x0=X0 + 2, y0=Y0 - 74, x1=X0 + 77, y1=Y0 - 3)
    feedback = RecordingFeedback()
    output = str(tmp_path / 'cost.tif')
    run('costdistance', feedback=feedback, RESISTANCE=resistance,
        SOURCES=wkt_layer('sources', 'Polygon', UTM, [bow_tie]), OUTPUT=output)
    repaired = make_valid(shapely_wkt.loads(bow_tie))
    inside = np.array([[repaired.contains(Point(*cell_centre(row, col, 10))) for col in range(8)] for row in range(8)])
    assert inside.sum() > 10
    np.testing.assert_array_equal(read_raster(output)[0] == 0, inside)
    assert any('repaired' in line for line in feedback.lines)


def test_source_raster_and_max_cost(qgis_app, tmp_path):
    resistance = geotiff(tmp_path / 'resistance.tif', np.ones((1, 8)), 10)
    sources = np.zeros((1, 8))
    sources[0, 7] = 5
    source_raster = geotiff(tmp_path / 'sources.tif', sources, 10)
    output = str(tmp_path / 'cost.tif')
    run('costdistance', RESISTANCE=resistance, SOURCE_RASTER=source_raster, MAX_COST=25, OUTPUT=output)
    cost = read_raster(output)[0]
    np.testing.assert_array_equal(cost[0, 5:], [20, 10, 0])
    assert np.isnan(cost[0, :5]).all(), 'cells beyond the maximum cost are nodata'


def test_max_cost_zero_means_no_limit(qgis_app, tmp_path):
    resistance = geotiff(tmp_path / 'resistance.tif', np.ones((1, 4)), 10)
    output = str(tmp_path / 'cost.tif')
    run('costdistance', RESISTANCE=resistance, SOURCES=wkt_layer('sources', 'Point', UTM, [point(0, 3, 10)]),
        MAX_COST=0, OUTPUT=output)
    np.testing.assert_array_equal(read_raster(output)[0][0], [30, 20, 10, 0])


def test_source_raster_on_another_grid_is_resampled_to_the_resistance_grid(qgis_app, tmp_path):
    resistance = geotiff(tmp_path / 'resistance.tif', np.ones((6, 6)), 10)
    sources = np.zeros((3, 3))
    sources[1, 2] = 1          # the 20 m cell over resistance rows 2-3, columns 4-5
    source_raster = geotiff(tmp_path / 'sources.tif', sources, 20)
    output = str(tmp_path / 'cost.tif')
    run('costdistance', RESISTANCE=resistance, SOURCE_RASTER=source_raster, OUTPUT=output)
    cost = read_raster(output)[0]
    assert np.argwhere(cost == 0).tolist() == [[2, 4], [2, 5], [3, 4], [3, 5]]
    assert cost[0, 0] == pytest.approx(20 * ROOT2 + 20)


@pytest.mark.parametrize('epsg, cell, x0, y0, most', [(32650, 100, 500030, 4000000, 1), (4326, 0.001, 116.0, 40.0, 2)])
def test_a_source_raster_of_the_same_cells_keeps_its_sources_size(qgis_app, tmp_path, epsg, cell, x0, y0, most):
    """A source raster of the resistance raster's cells, shifted 30 m, or on its very grid in degrees (both then
    warped to a local CRS and back): a source cell stays one cell, not the two or three cells it partly covers (in
    degrees, its 85 m x 111 m cell may take two cells of the local grid and so of the output)."""
    resistance = geotiff(tmp_path / 'resistance.tif', np.ones((9, 9)), cell, epsg=epsg,
                         x0=x0 if epsg == 4326 else 500000, y0=y0)
    sources = np.zeros((9, 9))
    sources[4, 4] = 1
    output = str(tmp_path / 'cost.tif')
    run('costdistance', RESISTANCE=resistance, OUTPUT=output,
        SOURCE_RASTER=geotiff(tmp_path / 'sources.tif', sources, cell, epsg=epsg, x0=x0, y0=y0))
    assert len(np.argwhere(read_raster(output)[0] == 0)) <= most


def test_a_finer_source_raster_keeps_every_source(qgis_app, tmp_path):
    """Source cells of 10 m between the centres of 100 m resistance cells were lost by nearest-neighbour
    resampling: the run said the raster had no non-zero cell, or went on without them. A resistance cell holding a
    source cell is a source."""
    resistance = geotiff(tmp_path / 'resistance.tif', np.ones((4, 4)), 100)
    sources = np.zeros((40, 40))
    sources[2, 2] = sources[38, 27] = 1      # in resistance cells (0, 0) and (3, 2), away from their centres
    output = str(tmp_path / 'cost.tif')
    run('costdistance', RESISTANCE=resistance, SOURCE_RASTER=geotiff(tmp_path / 'sources.tif', sources, 10),
        OUTPUT=output)
    assert np.argwhere(read_raster(output)[0] == 0).tolist() == [[0, 0], [3, 2]]


def test_sources_in_another_crs_are_reprojected(qgis_app, tmp_path):
    resistance = geotiff(tmp_path / 'resistance.tif', np.ones((20, 20)), 100)
    x, y = cell_centre(7, 12, 100)
    reference = osr.SpatialReference()
    reference.ImportFromEPSG(32650)
    wgs84 = osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    reference.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    lon, lat, _ = osr.CoordinateTransformation(reference, wgs84).TransformPoint(x, y)
    output = str(tmp_path / 'cost.tif')
    run('costdistance', RESISTANCE=resistance,
        SOURCES=wkt_layer('sources', 'Point', 'EPSG:4326', ['POINT({} {})'.format(lon, lat)]), OUTPUT=output)
    cost = read_raster(output)[0]
    assert np.argwhere(cost == 0).tolist() == [[7, 12]]


def test_sources_outside_the_raster_are_refused_and_partly_outside_reported(qgis_app, tmp_path):
    resistance = geotiff(tmp_path / 'resistance.tif', np.ones((5, 5)), 10)
    far = 'POINT({} {})'.format(X0 + 5000, Y0 + 5000)
    with pytest.raises(QgsProcessingException, match='lies on the resistance raster'):
        run('costdistance', RESISTANCE=resistance, SOURCES=wkt_layer('sources', 'Point', UTM, [far]),
            OUTPUT=str(tmp_path / 'none.tif'))
    assert not (tmp_path / 'none.tif').exists()
    feedback = RecordingFeedback()
    run('costdistance', feedback=feedback, RESISTANCE=resistance,
        SOURCES=wkt_layer('sources', 'Point', UTM, [far, point(1, 1, 10), None]), OUTPUT=str(tmp_path / 'cost.tif'))
    warnings = '\n'.join(feedback.lines)
    assert 'features with id 1 lie outside' in warnings and 'features with id 3 have no usable geometry' in warnings


def test_no_sources_empty_layer_and_nodata_only_raster_are_refused(qgis_app, tmp_path):
    resistance = geotiff(tmp_path / 'resistance.tif', np.ones((5, 5)), 10)
    with pytest.raises(QgsProcessingException, match='Give sources'):
        run('costdistance', RESISTANCE=resistance, OUTPUT=str(tmp_path / 'a.tif'))
    with pytest.raises(QgsProcessingException, match='has no features'):
        run('costdistance', RESISTANCE=resistance, SOURCES=wkt_layer('sources', 'Point', UTM, []),
            OUTPUT=str(tmp_path / 'b.tif'))
    empty = geotiff(tmp_path / 'nodata.tif', np.full((5, 5), np.nan), 10)
    with pytest.raises(QgsProcessingException, match='no passable cell'):
        run('costdistance', RESISTANCE=empty, SOURCES=wkt_layer('sources', 'Point', UTM, [point(1, 1, 10)]),
            OUTPUT=str(tmp_path / 'c.tif'))
    assert not any(name.endswith('.tif') and name[0] in 'abc' for name in os.listdir(tmp_path))


@pytest.mark.parametrize('removed', ['RESISTANCE', 'SOURCE_RASTER'])
def test_a_raster_removed_after_loading_is_reported_by_layer_and_file(qgis_app, tmp_path, removed):
    """GDAL's own error becomes a sentence naming the layer and the file, never a raw RuntimeError."""
    paths = {'RESISTANCE': geotiff(tmp_path / '阻力.tif', np.ones((5, 5)), 10),
             'SOURCE_RASTER': geotiff(tmp_path / '源.tif', np.ones((5, 5)), 10)}
    layers = {name: QgsRasterLayer(path, os.path.splitext(os.path.basename(path))[0]) for name, path in paths.items()}
    os.remove(paths[removed])
    with pytest.raises(QgsProcessingException) as raised:
        run('costdistance', OUTPUT=str(tmp_path / 'cost.tif'), **layers)
    message = str(raised.value)
    assert 'Raster "{}"'.format(os.path.basename(paths[removed])) in message
    assert 'Cannot read the raster {}'.format(paths[removed]) in message
    assert not os.path.exists(tmp_path / 'cost.tif')


def test_an_output_in_a_missing_folder_is_reported(qgis_app, tmp_path):
    resistance = geotiff(tmp_path / 'resistance.tif', np.ones((3, 3)), 10)
    output = str(tmp_path / 'missing' / 'cost.tif')
    with pytest.raises(QgsProcessingException, match='The folder {} .* does not exist'.format(os.path.dirname(output))):
        run('costdistance', RESISTANCE=resistance, SOURCES=wkt_layer('sources', 'Point', UTM, [point(0, 0, 10)]),
            OUTPUT=output)


def test_geographic_raster_is_warped_to_metres_and_back(qgis_app, tmp_path):
    # 0.01 degree cells at 30 N: about 964 m wide and 1109 m tall
    resistance = geotiff(tmp_path / 'resistance.tif', np.ones((30, 30)), 0.01, epsg=4326, x0=110.0, y0=30.15)
    source = wkt_layer('sources', 'Point', 'EPSG:4326', ['POINT(110.005 30.145)'])
    feedback = RecordingFeedback()
    output = str(tmp_path / 'cost.tif')
    run('costdistance', feedback=feedback, RESISTANCE=resistance, SOURCES=source, OUTPUT=output)
    cost, geotransform, crs = read_raster(output)
    assert any('warped' in line for line in feedback.lines)
    assert cost.shape == (30, 30) and geotransform == pytest.approx((110.0, 0.01, 0, 30.15, 0, -0.01))
    assert 'WGS 84' in crs and cost[0, 0] == 0
    # 29 cells east along the top row: 0.29 degrees of longitude at 30.145 N
    east = 0.29 * math.pi / 180 * 6378137 * math.cos(math.radians(30.145))
    assert cost[0, 29] == pytest.approx(east, rel=0.02)


def test_cancel_mid_run_leaves_no_output_file(qgis_app, tmp_path):
    resistance = geotiff(tmp_path / 'resistance.tif', np.ones((300, 300)), 10)

    feedback = QgsProcessingFeedback()
    progress = []
    feedback.progressChanged.connect(progress.append)
    # the accumulation is the second of three steps: 33 % to 67 % of the run
    feedback.progressChanged.connect(lambda percent: feedback.cancel() if 45 < percent < 55 else None)

    output = tmp_path / 'cost.tif'
    with pytest.raises(QgsProcessingException, match='cancelled'):
        run('costdistance', feedback=feedback, RESISTANCE=resistance,
            SOURCES=wkt_layer('sources', 'Point', UTM, [point(0, 0, 10)]), OUTPUT=str(output))
    assert os.listdir(tmp_path) == ['resistance.tif']
    assert 45 < progress[-1] < 56, 'cancelled during the accumulation'


def test_chinese_paths_and_layer_names(qgis_app, tmp_path):
    folder = tmp_path / '成本距离'
    folder.mkdir()
    resistance = geotiff(folder / '阻力.tif', np.ones((4, 4)), 10)
    sources = wkt_layer('保护区核心', 'Point', UTM, [point(0, 0, 10)])
    output = str(folder / '累积成本.tif')
    run('costdistance', RESISTANCE=resistance, SOURCES=sources, OUTPUT=output)
    assert read_raster(output)[0][3, 3] == pytest.approx(30 * ROOT2)


def test_output_loads_with_the_cost_style_stretched_to_its_maximum(qgis_app, tmp_path):
    resistance = geotiff(tmp_path / 'resistance.tif', np.ones((3, 5)), 10)
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    destination = QgsProcessingOutputLayerDefinition(str(tmp_path / 'cost.tif'), QgsProject.instance())
    output = processing.run('reserveplanner:costdistance', {
        'RESISTANCE': resistance, 'SOURCES': wkt_layer('sources', 'Point', UTM, [point(0, 0, 10)]),
        'OUTPUT': destination},
        context=context)['OUTPUT']
    loaded = QgsRasterLayer(output, 'cost')
    context.layerToLoadOnCompletionDetails(output).postProcessor().postProcessLayer(loaded, context, None)
    assert loaded.renderer().type() == 'singlebandpseudocolor'
    items = loaded.renderer().shader().rasterShaderFunction().colorRampItemList()
    assert items[0].value == 0 and items[-1].value == pytest.approx(20 * ROOT2 + 20)
    assert items[-1].color.name() == '#800026'


@pytest.mark.external
@pytest.mark.slow
def test_costdistance_through_qgis_process(qgis_process, tmp_path):
    resistance = geotiff(tmp_path / 'resistance.tif', np.ones((4, 6)), 10)
    sources = np.zeros((4, 6))
    sources[0, 0] = 1
    source_raster = geotiff(tmp_path / 'sources.tif', sources, 10)
    output = str(tmp_path / 'cost.tif')
    returncode, result, log = qgis_process('costdistance', RESISTANCE=resistance, SOURCE_RASTER=source_raster,
                                           OUTPUT=output)
    assert returncode == 0, log
    assert result['results']['OUTPUT'] == output
    assert read_raster(output)[0][3, 5] == pytest.approx(30 * ROOT2 + 20)


# ---------------------------------------------------------------- leastcostpath algorithm

def wall_raster(tmp_path):
    """5 x 5 cells of 10 m, resistance 1, a wall down the middle column with a gap at the bottom."""
    resistance = np.ones((5, 5))
    resistance[0:4, 2] = np.nan
    return geotiff(tmp_path / 'wall.tif', resistance, 10)


def test_least_cost_path_goes_round_a_wall(qgis_app, tmp_path):
    source = wkt_layer('sources', 'Point', UTM, [point(0, 0, 10)])
    target = wkt_layer('targets', 'Point', UTM, [point(0, 4, 10)])
    result = run('leastcostpath', RESISTANCE=wall_raster(tmp_path), SOURCE=source, TARGET=target,
                 OUTPUT='TEMPORARY_OUTPUT')
    paths = list(result['OUTPUT'].getFeatures())
    assert len(paths) == 1
    # 4 rows down and 2 columns across to the gap, the same back up: 2 diagonals and 2 straight steps each way
    expected = 2 * (2 * 10 * ROOT2 + 20)
    assert paths[0]['cost'] == pytest.approx(expected)
    assert paths[0]['length_m'] == pytest.approx(expected)
    assert paths[0]['target_id'] == 1
    vertices = [(vertex.x(), vertex.y()) for vertex in paths[0].geometry().vertices()]
    assert vertices[0] == pytest.approx(cell_centre(0, 0, 10)) and vertices[-1] == pytest.approx(cell_centre(0, 4, 10))
    assert (pytest.approx(cell_centre(4, 2, 10)) == vertices[4])


def test_a_least_cost_path_across_180_is_written_where_it_lies(qgis_app, tmp_path):
    """A raster in degrees from 179.9 E to 179.9 W (longitudes 179.9 to 180.1), warped to a local CRS in metres for
    the run: the path from a source at 179.905 E to a target at 179.915 W went back to EPSG:4326 with a plain
    transform, jumping 360 degrees between two vertices where it crosses 180 (drawn across the whole map). Its
    longitudes are made continuous, as corridornetwork's links are (qgis_io.output_line)."""
    resistance = geotiff(tmp_path / 'resistance.tif', np.ones((3, 20)), 0.01, epsg=4326, x0=179.9, y0=60.03)
    source = wkt_layer('sources', 'Point', 'EPSG:4326', ['POINT(179.905 60.015)'])
    target = wkt_layer('targets', 'Point', 'EPSG:4326', ['POINT(-179.915 60.015)'])
    [path] = run('leastcostpath', RESISTANCE=resistance, SOURCE=source, TARGET=target,
                 OUTPUT='TEMPORARY_OUTPUT')['OUTPUT'].getFeatures()
    longitudes = [vertex.x() for vertex in path.geometry().vertices()]
    assert max(abs(b - a) for a, b in zip(longitudes, longitudes[1:])) < 0.1, longitudes
    assert longitudes[0] == pytest.approx(179.905, abs=0.01) and longitudes[-1] == pytest.approx(180.085, abs=0.01)
    # 18 cells of 0.01 degree at 60 N, about 556 m each: the line is as long as the path's length_m
    measure = QgsDistanceArea()
    measure.setSourceCrs(QgsCoordinateReferenceSystem('EPSG:4326'), QgsProject.instance().transformContext())
    measure.setEllipsoid('WGS84')
    assert measure.measureLength(path.geometry()) == pytest.approx(path['length_m'], rel=0.02)


def test_least_cost_paths_load_with_their_style(qgis_app, tmp_path):
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    destination = QgsProcessingOutputLayerDefinition(str(tmp_path / 'paths.gpkg'), QgsProject.instance())
    output = processing.run('reserveplanner:leastcostpath', {
        'RESISTANCE': wall_raster(tmp_path), 'SOURCE': wkt_layer('sources', 'Point', UTM, [point(0, 0, 10)]),
        'TARGET': wkt_layer('targets', 'Point', UTM, [point(0, 4, 10)]), 'OUTPUT': destination},
        context=context)['OUTPUT']
    loaded = QgsVectorLayer(output, 'paths')
    context.layerToLoadOnCompletionDetails(output).postProcessor().postProcessLayer(loaded, context, None)
    # leastcostpath.qml: a purple line 0.8 mm wide
    symbol = loaded.renderer().symbol()
    assert symbol.color().name() == '#6a3d9a' and symbol.width() == pytest.approx(0.8)


def test_target_on_a_source_gets_a_zero_length_path_and_a_warning(qgis_app, tmp_path):
    feedback = RecordingFeedback()
    result = run('leastcostpath', feedback=feedback, RESISTANCE=wall_raster(tmp_path),
                 SOURCE=wkt_layer('sources', 'Point', UTM, [point(1, 1, 10)]),
                 TARGET=wkt_layer('targets', 'Point', UTM, [point(1, 1, 10)]), OUTPUT=str(tmp_path / 'paths.gpkg'))
    paths = list(QgsVectorLayer(result['OUTPUT'], 'paths').getFeatures())
    assert len(paths) == 1 and paths[0]['cost'] == 0 and paths[0]['length_m'] == 0
    assert any('Layer "targets": the features with id 1 lie on a source of "sources"' in line
               for line in feedback.lines)


def test_each_path_names_the_source_it_starts_from(qgis_app, tmp_path):
    # sources 1 at (row 0, col 0) and 2 at (0, 3), either side of the wall; target 1 at (0, 4) is one step from
    # source 2, target 2 at (1, 0) one step from source 1.
    sources = wkt_layer('sources', 'Point', UTM, [point(0, 0, 10), point(0, 3, 10)])
    targets = wkt_layer('targets', 'Point', UTM, [point(0, 4, 10), point(1, 0, 10)])
    result = run('leastcostpath', RESISTANCE=wall_raster(tmp_path), SOURCE=sources, TARGET=targets,
                 OUTPUT='TEMPORARY_OUTPUT')
    assert {feature['target_id']: (feature['source_id'], feature['cost'])
            for feature in result['OUTPUT'].getFeatures()} == {1: (2, pytest.approx(10)), 2: (1, pytest.approx(10))}


def test_least_cost_path_to_an_unreachable_target_is_reported(qgis_app, tmp_path):
    resistance = np.ones((5, 5))
    resistance[:, 2] = np.nan
    raster = geotiff(tmp_path / 'closed.tif', resistance, 10)
    source = wkt_layer('sources', 'Point', UTM, [point(0, 0, 10)])
    with pytest.raises(QgsProcessingException, match='No target of the layer "targets" can be reached'):
        run('leastcostpath', RESISTANCE=raster, SOURCE=source,
            TARGET=wkt_layer('targets', 'Point', UTM, [point(0, 4, 10)]),
            OUTPUT=str(tmp_path / 'paths.gpkg'))
    assert not (tmp_path / 'paths.gpkg').exists()
    feedback = RecordingFeedback()
    result = run('leastcostpath', feedback=feedback, RESISTANCE=raster, SOURCE=source,
                 TARGET=wkt_layer('sources', 'Point', UTM, [point(0, 4, 10), point(4, 1, 10)]),
                 OUTPUT='TEMPORARY_OUTPUT')
    assert [feature['target_id'] for feature in result['OUTPUT'].getFeatures()] == [2]
    assert any('no path reaches the features with id 1' in line for line in feedback.lines)


def test_least_cost_path_to_a_polygon_ends_at_its_cheapest_cell_in_the_raster_crs(qgis_app, tmp_path):
    raster = wall_raster(tmp_path)
    polygon = 'POLYGON(({x0} {y0}, {x1} {y0}, {x1} {y1}, {x0} {y1}, {x0} {y0}))'.format(
        x0=X0 + 30, x1=X0 + 50, y0=Y0 - 50, y1=Y0)
    source = wkt_layer('sources', 'Point', UTM, [point(0, 0, 10)])
    result = run('leastcostpath', RESISTANCE=raster, SOURCE=source,
                 TARGET=wkt_layer('sources', 'Polygon', UTM, [polygon]), OUTPUT='TEMPORARY_OUTPUT')
    path = next(result['OUTPUT'].getFeatures())
    assert result['OUTPUT'].crs().authid() == UTM
    # the polygon covers columns 3 and 4; its cheapest cell is (4, 3), one step past the gap
    assert path['cost'] == pytest.approx(2 * 10 * ROOT2 + 20 + 10)
    end = list(path.geometry().vertices())[-1]
    assert (end.x(), end.y()) == pytest.approx(cell_centre(4, 3, 10))


@pytest.mark.external
@pytest.mark.slow
def test_leastcostpath_through_qgis_process(qgis_process, tmp_path):
    from osgeo import ogr
    points = str(tmp_path / 'points.gpkg')
    dataset = ogr.GetDriverByName('GPKG').CreateDataSource(points)
    reference = osr.SpatialReference()
    reference.ImportFromEPSG(32650)
    for name, (row, col) in (('source', (0, 0)), ('target', (0, 4))):
        created = dataset.CreateLayer(name, reference, ogr.wkbPoint)
        feature = ogr.Feature(created.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkt(point(row, col, 10)))
        created.CreateFeature(feature)
    dataset = None
    output = str(tmp_path / 'paths.gpkg')
    returncode, result, log = qgis_process('leastcostpath', RESISTANCE=wall_raster(tmp_path),
                                           SOURCE=points + '|layername=source', TARGET=points + '|layername=target',
                                           OUTPUT=output)
    assert returncode == 0, log
    paths = list(QgsVectorLayer(output, 'paths').getFeatures())
    assert len(paths) == 1 and paths[0]['cost'] == pytest.approx(2 * (2 * 10 * ROOT2 + 20))



def band_in_degrees(path):
    """A resistance raster in EPSG:4326 of one-degree cells of 1, from -180 to 180 degrees and 58 to 62 N, as global
    rasters store a band around the globe."""
    return geotiff(path, np.ones((4, 360)), 1.0, epsg=4326, x0=-180.0, y0=62.0)


@pytest.mark.parametrize('algorithm', ['leastcostpath', 'costdistance'])
def test_a_raster_in_degrees_is_measured_where_the_sources_are(qgis_app, tmp_path, algorithm):
    """A resistance raster in degrees from -180 to 180 was warped to a local CRS centred on its extent, on the
    Greenwich meridian: a path one cell long from 179.5 E to 179.5 W at 60.5 N cost 64 244 instead of the 57 085
    the same cells give at 10 E, the azimuthal projection stretching distances along parallels 58 degrees of arc
    from its centre. The raster is measured in a local CRS centred on the sources and targets
    (qgis_io.raster_metric_crs), so the same layout costs the same on either meridian, what a hand computation
    gives."""
    resistance = band_in_degrees(tmp_path / 'resistance.tif')
    costs = []
    for west, east in ((179.5, -179.5), (9.5, 10.5)):
        source = wkt_layer('sources', 'Point', 'EPSG:4326', ['POINT({} 60.5)'.format(west)])
        target = wkt_layer('targets', 'Point', 'EPSG:4326', ['POINT({} 60.5)'.format(east)])
        if algorithm == 'leastcostpath':
            [path] = run('leastcostpath', RESISTANCE=resistance, SOURCE=source, TARGET=target,
                         OUTPUT='TEMPORARY_OUTPUT')['OUTPUT'].getFeatures()
            costs.append(path['cost'])
        else:
            output = str(tmp_path / 'cost_{}.tif'.format(len(costs)))
            run('costdistance', RESISTANCE=resistance, SOURCES=source, OUTPUT=output)
            values, _, _ = read_raster(output)
            costs.append(values[1, int(east + 180.0)])
    # one degree along the parallel of 60.5 N on GRS80: a cos(phi) / sqrt(1 - e2 sin(phi)^2) x pi / 180 = 54 956 m;
    # the nearest-neighbour warp onto a grid in metres moves the cells' edges by a fraction of a cell
    a, e2, phi = 6378137.0, 0.00669438, math.radians(60.5)
    degree = math.radians(1.0) * a * math.cos(phi) / math.sqrt(1.0 - e2 * math.sin(phi) ** 2)
    assert costs == pytest.approx([degree, degree], rel=0.01)


def test_a_raster_in_degrees_is_measured_where_the_source_raster_cells_are(qgis_app, tmp_path):
    """costdistance with a source raster and no vector sources centred the local CRS of a resistance raster in degrees
    on its extent, on the Greenwich meridian for a band from -180 to 180: from a source cell at 179.5 E at 60.5 N the
    cost to the cell at 179.5 W was 63 174 and to the cell at 175.5 W 319 860 (now 54 462 and 279 400; 53 917 and
    277 474 at 10 E). It is centred on the source cells (their centres, qgis_io.raster_cell_points, through
    qgis_io.raster_metric_crs), so the costs across 180 degrees equal those at 10 E. The source cell is of 0.01
    degree, smaller than the cells in metres, so it becomes one of them as a point does."""
    resistance = band_in_degrees(tmp_path / 'resistance.tif')
    costs = []
    for west in (179.5, 9.5):
        sources = geotiff(tmp_path / 'sources_{}.tif'.format(len(costs)), np.ones((1, 1)), 0.01, epsg=4326,
                          x0=west - 0.005, y0=60.505)
        output = str(tmp_path / 'cost_{}.tif'.format(len(costs)))
        run('costdistance', RESISTANCE=resistance, SOURCE_RASTER=sources, OUTPUT=output)
        cost, _, _ = read_raster(output)
        east = (int(west + 180.0) + np.array([1, 5])) % 360  # the cells 1 and 5 degrees east
        costs.append(cost[1, east])
    across, at_ten = costs
    # GDAL's warp gives cells in metres of about 1.1 km (1.2 km centred at 179.5 E, docs/geographic.md); the
    # nearest-neighbour warp moves the source and the target by up to half a cell each: 2 % of one degree (55 km),
    # 0.4 % of five degrees
    assert across[0] == pytest.approx(at_ten[0], rel=0.02)
    assert across[1] == pytest.approx(at_ten[1], rel=0.01)
    # one degree along the parallel of 60.5 N on GRS80, as in the test above
    a, e2, phi = 6378137.0, 0.00669438, math.radians(60.5)
    degree = math.radians(1.0) * a * math.cos(phi) / math.sqrt(1.0 - e2 * math.sin(phi) ** 2)
    assert across[0] == pytest.approx(degree, rel=0.02)
