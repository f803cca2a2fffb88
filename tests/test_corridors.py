"""Corridor network (Linkage Mapper's steps, docs/costdistance.md): engine on hand-checkable grids, properties
against an independent ranking, and the corridornetwork algorithm through processing.run and qgis_process.

Expected values are worked out by hand from the average-cost convention (a step of length L between cells of
resistance c1 and c2 costs L (c1 + c2) / 2) and NLCC_AB = CWD_A + CWD_B - LCD_AB.
"""

import math
import os
import subprocess
from functools import partial

import numpy as np
import processing
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from osgeo import gdal, osr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)
from shapely.geometry import Polygon, box

from reserve_planner.processing.engine import corridors
from reserve_planner.processing.engine.costdistance import accumulated_cost
from reserve_planner.processing.engine.feedback import Feedback
from reserve_planner.processing.engine.messages import Canceled, EngineError
from reserve_planner.processing.engine.raster import Grid
from strategies import passable_cells, resistance_grids
from support import RecordingFeedback, geotiff, read_raster, run, wkt_layer

ROOT2 = math.sqrt(2.0)
UTM = 'EPSG:32650'
X0, Y0 = 500000.0, 4000000.0


# ---------------------------------------------------------------- engine helpers

def utm_wkt():
    reference = osr.SpatialReference()
    reference.ImportFromEPSG(32650)
    return reference.ExportToWkt()


def grid_of(resistance, cell_width=10.0, cell_height=None):
    """A Grid with its top-left corner at (0, rows x cell_height)."""
    resistance = np.asarray(resistance, dtype=float)
    cell_height = cell_height or cell_width
    return Grid(resistance, (0.0, cell_width, 0.0, resistance.shape[0] * cell_height, 0.0, -cell_height), utm_wkt())


def block(grid, rows, cols):
    """The polygon covering the cells rows[0]..rows[1] x cols[0]..cols[1] (inclusive) of ``grid``."""
    x0, dx, _, y0, _, dy = grid.geotransform
    return box(x0 + cols[0] * dx, y0 + (rows[1] + 1) * dy, x0 + (cols[1] + 1) * dx, y0 + rows[0] * dy)


def cell_of(grid, x, y):
    x0, dx, _, y0, _, dy = grid.geotransform
    return int((y - y0) // dy), int((x - x0) // dx)


def links_by_pair(network):
    return {(link.from_id, link.to_id): link for link in network.links}


def step_cost(resistance, cell, other, cell_width, cell_height):
    length = math.hypot((other[0] - cell[0]) * cell_height, (other[1] - cell[1]) * cell_width)
    return length * (resistance[cell] + resistance[other]) / 2.0


# ---------------------------------------------------------------- engine: hand-checkable grids

def test_two_cores_on_a_uniform_grid_give_cwd_equal_to_distance_times_resistance():
    grid = grid_of(np.full((5, 12), 2.0))
    network = corridors.corridor_network(grid, [block(grid, (1, 3), (0, 1)), block(grid, (1, 3), (9, 11))],
                                         ['A', 'B'])
    [link] = network.links
    # closest cells: column 1 and column 9, 8 cells of 10 m apart; resistance 2 all the way. The polygons' edges
    # (x = 20 and x = 90) are 70 m apart: euc_dist is edge to edge, as in Linkage Mapper
    assert (link.from_id, link.to_id) == ('A', 'B')
    assert link.euc_dist == pytest.approx(70.0)
    assert link.cwd == pytest.approx(160.0)
    assert link.lcp_length == pytest.approx(80.0)
    assert link.cwd_euc_ratio == pytest.approx(160.0 / 70.0)
    assert link.cwd_path_ratio == pytest.approx(2.0)
    assert network.through_core == [] and network.isolated == []


def test_non_square_cells_are_measured_exactly():
    grid = grid_of(np.full((8, 5), 3.0), cell_width=10.0, cell_height=25.0)
    network = corridors.corridor_network(grid, [block(grid, (0, 1), (1, 3)), block(grid, (6, 7), (1, 3))], [1, 2])
    [link] = network.links
    # rows 1 to 6: five steps of 25 m; the polygons' edges are four rows of 25 m apart
    assert link.euc_dist == pytest.approx(100.0)
    assert link.cwd == pytest.approx(375.0)
    assert link.lcp_length == pytest.approx(125.0)


@pytest.mark.parametrize('target, euclidean, path', [
    ((4, 4), 3 * ROOT2, 4 * ROOT2),         # pure diagonal; the cells' corners are 3 cells apart on each axis
    ((2, 4), math.hypot(1, 3), 2 * ROOT2 + 2),  # two diagonal and two straight steps; corners 1 row, 3 columns apart
])
def test_ratios_on_a_uniform_grid(target, euclidean, path):
    grid = grid_of(np.ones((5, 5)))
    network = corridors.corridor_network(
        grid, [block(grid, (0, 0), (0, 0)), block(grid, (target[0],) * 2, (target[1],) * 2)], ['a', 'b'])
    [link] = network.links
    assert link.euc_dist == pytest.approx(10 * euclidean)
    assert link.cwd == pytest.approx(10 * path)
    assert link.lcp_length == pytest.approx(10 * path)
    assert link.cwd_euc_ratio == pytest.approx(path / euclidean)
    assert link.cwd_path_ratio == pytest.approx(1.0)


def test_normalised_corridor_hand_values_and_width_cutoff():
    grid = grid_of(np.ones((3, 5)), cell_width=1.0)
    cores = [block(grid, (1, 1), (0, 0)), block(grid, (1, 1), (4, 4))]
    network = corridors.corridor_network(grid, cores, ['A', 'B'], width_cutoff=1.0)
    nlcc = network.corridors
    # LCD = 4 along row 1. Cell (0, 1): CWD_A = sqrt 2 (one diagonal), CWD_B = sqrt 2 + 2, so NLCC = 2 sqrt 2 - 2;
    # cell (0, 0): CWD_A = 1, CWD_B = sqrt 2 + 3, NLCC = sqrt 2 > 1, beyond the cutoff.
    assert nlcc[1] == pytest.approx([0, 0, 0, 0, 0], abs=1e-6)
    assert nlcc[0, 1:4] == pytest.approx([2 * ROOT2 - 2] * 3, rel=1e-6)
    assert np.isnan(nlcc[[0, 0, 2, 2], [0, 4, 0, 4]]).all()
    assert network.links[0].corridor.area == pytest.approx(11.0)
    narrow = corridors.corridor_network(grid, cores, ['A', 'B'], width_cutoff=0.5)
    assert narrow.links[0].corridor.equals(box(0, 1, 5, 2))
    assert np.isnan(narrow.corridors[[0, 2]]).all()


def test_normalised_corridor_formula():
    nlcc = corridors.normalised_corridor(np.array([0.0, 10.0, 20.0, 15.0, np.inf], dtype=np.float32),
                                         np.array([20.0, 10.0, 0.0, 12.0, 3.0], dtype=np.float32), 20.0)
    assert nlcc.tolist() == [0.0, 0.0, 0.0, 7.0, np.inf]


def test_corridor_values_beyond_the_float32_range_are_kept_as_float64():
    """The hand case above on 10 m cells of resistance 1e38 (below costdistance.UNDECLARED_NODATA, so meant): NLCC
    is (2 sqrt 2 - 2) x 10 x 1e38 = 8.3e38 off the path, beyond Float32's 3.4e38, where the float32 mosaic held
    inf. The mosaic is float64 then, and the values are the hand ones."""
    grid = grid_of(np.full((3, 5), 1e38), cell_width=10.0)
    cores = [block(grid, (1, 1), (0, 0)), block(grid, (1, 1), (4, 4))]
    nlcc = corridors.corridor_network(grid, cores, ['A', 'B'], width_cutoff=1e40).corridors
    assert nlcc.dtype == np.float64
    np.testing.assert_allclose(nlcc[0, 1:4], [(2 * ROOT2 - 2) * 1e39] * 3, rtol=1e-9)
    np.testing.assert_allclose(nlcc[0, 0], ROOT2 * 1e39, rtol=1e-9)
    assert np.isfinite(nlcc).all()
    small = corridors.corridor_network(grid_of(np.ones((3, 5))), cores, ['A', 'B'], width_cutoff=1e40).corridors
    assert small.dtype == np.float32


def three_cores_in_a_row():
    """Cores A, C, B left to right across a 3 x 15 grid; C spans every row, so A-B must cross it."""
    grid = grid_of(np.ones((3, 15)))
    return grid, [block(grid, (0, 2), (0, 1)), block(grid, (0, 2), (13, 14)), block(grid, (0, 2), (6, 8))]


def test_a_link_through_a_third_core_is_dropped():
    grid, cores = three_cores_in_a_row()
    network = corridors.corridor_network(grid, cores, ['A', 'B', 'C'])
    assert sorted(links_by_pair(network)) == [('A', 'C'), ('B', 'C')]
    assert network.through_core == [('A', 'B')]


def test_a_link_through_a_third_core_is_kept_when_the_option_is_off():
    grid, cores = three_cores_in_a_row()
    network = corridors.corridor_network(grid, cores, ['A', 'B', 'C'], drop_through_cores=False)
    links = links_by_pair(network)
    assert sorted(links) == [('A', 'B'), ('A', 'C'), ('B', 'C')]
    # columns 1 to 13 straight through C: 12 cells of 10 m at resistance 1; edges at x = 20 and x = 130
    assert links['A', 'B'].cwd == pytest.approx(120.0) and links['A', 'B'].euc_dist == pytest.approx(110.0)
    assert network.through_core == []


def cores_on_a_line(columns):
    grid = grid_of(np.ones((1, max(columns) + 1)))
    return grid, [block(grid, (0, 0), (col, col)) for col in columns]


@pytest.mark.parametrize('max_neighbors, expected', [
    # cores at columns 0, 3, 10 and 21 (A, B, C, D); LCD = 10 m x the column gap
    (1, [('A', 'B'), ('B', 'C'), ('C', 'D')]),  # A->B, B->A, C->B, D->C
    (2, [('A', 'B'), ('A', 'C'), ('B', 'C'), ('B', 'D'), ('C', 'D')]),  # C->B,A; D->C,B: the union
    (0, [('A', 'B'), ('A', 'C'), ('A', 'D'), ('B', 'C'), ('B', 'D'), ('C', 'D')]),
])
def test_each_core_links_its_nearest_neighbours_and_the_link_set_is_their_union(max_neighbors, expected):
    grid, cores = cores_on_a_line([0, 3, 10, 21])
    network = corridors.corridor_network(grid, cores, list('ABCD'), max_neighbors=max_neighbors,
                                         drop_through_cores=False)
    assert sorted(links_by_pair(network)) == expected


def test_max_cwd_drops_longer_links_and_reports_the_isolated_core():
    grid, cores = cores_on_a_line([0, 3, 10])
    network = corridors.corridor_network(grid, cores, list('ABC'), max_cwd=50.0, width_cutoff=5.0,
                                         drop_through_cores=False)
    assert sorted(links_by_pair(network)) == [('A', 'B')]
    assert network.isolated == ['C']
    # the passes stop at 50 + 5 cost-weighted m, which leaves the corridor of A-B as without the limit
    unlimited = corridors.corridor_network(grid, cores[:2], list('AB'), width_cutoff=5.0)
    np.testing.assert_allclose(network.corridors, unlimited.corridors)


def test_a_core_behind_a_barrier_is_isolated():
    resistance = np.ones((3, 9))
    resistance[:, 5] = np.nan
    grid = grid_of(resistance)
    network = corridors.corridor_network(
        grid, [block(grid, (1, 1), (0, 0)), block(grid, (1, 1), (3, 3)), block(grid, (1, 1), (8, 8))], list('ABC'))
    assert sorted(links_by_pair(network)) == [('A', 'B')]
    assert network.isolated == ['C']
    assert np.isnan(network.corridors[:, 5:]).all()


def test_a_core_partly_outside_the_raster_keeps_its_cells_on_it_and_is_reported():
    grid = grid_of(np.ones((3, 6)))
    network = corridors.corridor_network(grid, [box(-25, 0, 10, 30), block(grid, (0, 2), (5, 5))], ['edge', 'in'])
    [link] = network.links
    # the edge core keeps column 0, five cells of 10 m from column 5
    assert link.cwd == pytest.approx(50.0)
    assert network.partly_outside == ['edge']


def test_a_core_smaller_than_a_cell_takes_the_cell_it_touches():
    grid = grid_of(np.ones((3, 6)))
    network = corridors.corridor_network(grid, [box(12, 12, 14, 14), block(grid, (0, 2), (5, 5))], ['dot', 'big'])
    [link] = network.links
    # the dot lies in cell (1, 1) (y 10..20 is row 1 of 3 rows of 10 m); the big core starts at column 5
    assert cell_of(grid, *link.path.coords[0]) == (1, 1)
    assert link.cwd == pytest.approx(40.0)


def test_euclidean_distances_are_between_polygon_edges_as_in_linkage_mapper():
    # from the triangle's vertex (10, 0) to the boxes' corners (40, 0) and (50, 0); the two boxes touch
    triangle = Polygon([(0, 0), (10, 0), (0, 10)])
    distances = corridors.polygon_distances([triangle, box(40, -5, 50, 0), box(50, 0, 60, 9)])
    assert distances[0, 1] == distances[1, 0] == pytest.approx(30.0)
    assert distances[1, 2] == 0 and distances[0, 0] == 0
    assert distances[0, 2] == pytest.approx(40.0)


def test_touching_cores_have_no_cwd_euclidean_ratio():
    grid = grid_of(np.ones((3, 6)))
    [link] = corridors.corridor_network(grid, [block(grid, (0, 2), (0, 2)), block(grid, (0, 2), (3, 5))], 'AB').links
    # the polygons share the edge x = 30; the cost runs between the centres of cells 2 and 3
    assert link.euc_dist == 0 and link.cwd == pytest.approx(10.0) and math.isnan(link.cwd_euc_ratio)


def test_corridor_polygon_keeps_cells_touching_at_a_corner_as_two_parts():
    polygon = corridors.corridor_polygon(np.array([[True, False], [False, True]]), (0.0, 10.0, 0.0, 20.0, 0.0, -10.0))
    assert polygon.geom_type == 'MultiPolygon' and len(polygon.geoms) == 2
    assert polygon.area == pytest.approx(200.0)
    assert corridors.corridor_polygon(np.zeros((2, 2), dtype=bool), (0, 1, 0, 0, 0, -1)).is_empty


@pytest.mark.parametrize('resistance, cores, ids, message', [
    (np.ones((3, 3)), [box(0, 0, 10, 10)], ['A'], 'at least two cores'),
    (np.ones((3, 3)), [box(0, 0, 10, 10), box(20, 20, 30, 30)], ['A', 'A'], 'Core id A is used by more than one'),
    (np.ones((3, 3)), [box(0, 0, 10, 10), box(20, 20, 30, 30)], ['A', None], 'has no id'),
    (np.ones((3, 3)), [box(0, 0, 10, 10), box(100, 100, 110, 110)], ['A', 'far'], 'Core far covers no cell'),
    (np.array([[1.0, 1, 1], [1, 1, 1], [0, -1, 1]]), [box(0, 0, 20, 10), box(20, 20, 30, 30)], ['low', 'B'],
     'Core low lies only on barrier cells'),
    (np.full((3, 3), np.nan), [box(0, 0, 10, 10), box(20, 20, 30, 30)], ['A', 'B'], 'no passable cell'),
])
def test_bad_input_is_refused_with_a_clear_message(resistance, cores, ids, message):
    with pytest.raises(EngineError, match=message):
        corridors.corridor_network(grid_of(resistance), cores, ids)


def test_cancel_raises_and_leaves_no_temporary_file(tmp_path):
    grid, cores = cores_on_a_line([0, 3, 10])
    calls = []

    def cancel_after_two_checks():
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(Canceled):
        corridors.corridor_network(grid, cores, list('ABC'), feedback=Feedback(is_canceled=cancel_after_two_checks),
                                   workdir=str(tmp_path))
    assert os.listdir(tmp_path) == []


# ---------------------------------------------------------------- engine: properties on random landscapes

@st.composite
def landscapes(draw):
    """A 9 x 11 resistance (1..10, some barriers, drawn in 2 x 2 blocks so that hypothesis's examples stay small)
    with 3 to 5 single-cell cores on passable cells, and the number of nearest neighbours (1 to 3)."""
    resistance = draw(resistance_grids((9, 11), 1.0, 10.0, block=2))
    cells = draw(passable_cells(resistance, 3, 5))
    return resistance, cells, draw(st.integers(1, 3))


LANDSCAPE_HEALTH_CHECKS = [HealthCheck.too_slow, HealthCheck.data_too_large]
"""Health checks about generating ``landscapes`` (slow corridor runs; now and then a draw that overruns hypothesis's
buffer and is retried, which failed one whole-suite run in about fifty): neither says anything of the corridors, and
every example that is drawn is still checked."""


def reference_lcd(resistance, cells, cell=10.0):
    """LCD between single-cell cores, from accumulated costs of the cost-distance engine."""
    lcd = np.full((len(cells), len(cells)), np.inf)
    for index, source in enumerate(cells):
        mask = np.zeros(resistance.shape, dtype=bool)
        mask[source] = True
        costs = accumulated_cost(resistance, mask, cell, cell)
        lcd[index] = [costs[target] for target in cells]
    return lcd


@settings(max_examples=25, deadline=None, suppress_health_check=LANDSCAPE_HEALTH_CHECKS)
@given(landscapes())
def test_links_are_nearest_neighbours_with_paths_from_core_to_core_and_nlcc_zero_on_them(case):
    resistance, cells, max_neighbors = case
    grid = grid_of(resistance)
    ids = list(range(len(cells)))
    network = corridors.corridor_network(grid, [block(grid, (r, r), (c, c)) for r, c in cells], ids,
                                         max_neighbors=max_neighbors, drop_through_cores=False)
    lcd = reference_lcd(resistance, cells)
    ranked = [sorted(value for other, value in enumerate(row) if other != index and np.isfinite(value))
              for index, row in enumerate(lcd)]
    for link in network.links:
        a, b = link.from_id, link.to_id
        assert link.cwd == pytest.approx(lcd[a, b], rel=1e-9)
        chosen_by_a = lcd[a, b] <= ranked[a][:max_neighbors][-1] * (1 + 1e-9)
        chosen_by_b = lcd[b, a] <= ranked[b][:max_neighbors][-1] * (1 + 1e-9)
        assert chosen_by_a or chosen_by_b
        path = [cell_of(grid, x, y) for x, y in link.path.coords]
        assert path[0] == cells[a] and path[-1] == cells[b]
        cost = sum(step_cost(resistance, one, two, 10.0, 10.0) for one, two in zip(path, path[1:]))
        assert cost == pytest.approx(link.cwd, rel=1e-9)
        on_path = network.corridors[tuple(np.array(path).T)]
        assert on_path == pytest.approx(np.zeros(len(path)), abs=1e-5 * link.cwd)
    degree = {index: 0 for index in ids}
    for link in network.links:
        degree[link.from_id] += 1
        degree[link.to_id] += 1
    for index in ids:
        assert degree[index] >= min(max_neighbors, len(ranked[index]))
    finite = network.corridors[~np.isnan(network.corridors)]
    assert (finite >= 0).all()


@settings(max_examples=20, deadline=None, suppress_health_check=LANDSCAPE_HEALTH_CHECKS)
@given(landscapes())
def test_no_kept_path_crosses_a_third_core_when_dropping_is_on(case):
    resistance, cells, max_neighbors = case
    grid = grid_of(resistance)
    ids = list(range(len(cells)))
    network = corridors.corridor_network(grid, [block(grid, (r, r), (c, c)) for r, c in cells], ids,
                                         max_neighbors=max_neighbors)
    for link in network.links:
        path = {cell_of(grid, x, y) for x, y in link.path.coords}
        others = {cells[index] for index in ids if index not in (link.from_id, link.to_id)}
        assert not path & others
    kept = {(link.from_id, link.to_id) for link in network.links}
    assert not kept & set(network.through_core)


# ---------------------------------------------------------------- algorithm helpers

def cell_rectangle(rows, cols, cell=30.0, x0=X0, y0=Y0):
    return 'POLYGON(({0} {1}, {2} {1}, {2} {3}, {0} {3}, {0} {1}))'.format(
        x0 + cols[0] * cell, y0 - rows[0] * cell, x0 + (cols[1] + 1) * cell, y0 - (rows[1] + 1) * cell)


core_layer = partial(wkt_layer, 'cores', 'Polygon', UTM)
"""A memory polygon layer ``cores`` in UTM 50N: core_layer(wkts, ids) with one id field (see support.wkt_layer)."""

corridornetwork = partial(run, 'corridornetwork', temporary_outputs=('OUTPUT_LINKS', 'OUTPUT_CORRIDOR_POLYGONS'))
"""processing.run of reserveplanner:corridornetwork, links and corridor polygons as temporary outputs by default."""


def reprojected(layer, crs):
    """``layer`` with its geometries transformed to ``crs`` (the cores-in-another-CRS case)."""
    transform = QgsCoordinateTransform(layer.crs(), QgsCoordinateReferenceSystem(crs), QgsProject.instance())
    wkts = []
    for feature in layer.getFeatures():
        geometry = feature.geometry()
        geometry.transform(transform)
        wkts.append(geometry.asWkt(12))
    return wkt_layer('cores', 'Polygon', crs, wkts, [feature.attributes()[0] for feature in layer.getFeatures()])


THREE_CORES = [cell_rectangle((3, 6), (0, 2)), cell_rectangle((3, 6), (17, 19)), cell_rectangle((8, 9), (9, 11))]


def attributes(layer):
    return {tuple(feature.attributes()[:2]): feature for feature in layer.getFeatures()}


# ---------------------------------------------------------------- algorithm

def test_corridornetwork_with_chinese_paths_and_field_names(qgis_app, tmp_path):
    folder = tmp_path / '生态廊道'
    folder.mkdir()
    resistance = geotiff(folder / '阻力.tif', np.ones((10, 20)), 30.0)
    cores = wkt_layer('核心区', 'Polygon', UTM, THREE_CORES, ['甲', '乙', '丙'], field='编号')
    output = str(folder / '廊道.tif')
    result = corridornetwork(CORES=cores, CORE_ID_FIELD='编号', RESISTANCE=resistance, OUTPUT_CORRIDORS=output)
    links = attributes(result['OUTPUT_LINKS'])
    assert set(links) == {('甲', '乙'), ('甲', '丙'), ('乙', '丙')}
    names = result['OUTPUT_LINKS'].fields().names()
    assert names == ['from_id', 'to_id', 'euc_dist', 'cwd', 'lcp_length', 'cwd_euc_ratio', 'cwd_path_ratio']
    straight = links['甲', '乙']
    # closest cells: column 2 and column 17, 15 cells of 30 m at resistance 1; the edges are 14 cells apart
    assert straight['euc_dist'] == pytest.approx(420.0) and straight['cwd'] == pytest.approx(450.0)
    assert straight['lcp_length'] == pytest.approx(450.0) and straight['cwd_path_ratio'] == pytest.approx(1.0)
    assert result['OUTPUT_LINKS'].crs().authid() == UTM
    nlcc, geotransform, _ = read_raster(output)
    assert geotransform == pytest.approx((X0, 30.0, 0, Y0, 0, -30.0))
    line = straight.geometry().asPolyline()
    path_cells = [(int((Y0 - point.y()) // 30), int((point.x() - X0) // 30)) for point in line]
    assert nlcc[tuple(np.array(path_cells).T)] == pytest.approx(np.zeros(len(path_cells)), abs=1e-3)
    assert np.nanmin(nlcc) >= 0
    polygons = attributes(result['OUTPUT_CORRIDOR_POLYGONS'])
    assert set(polygons) == set(links)
    assert polygons['甲', '乙'].geometry().contains(QgsGeometry.fromWkt(straight.geometry().asWkt()))


def test_cores_in_another_crs_are_reprojected_and_outputs_come_back_in_their_crs(qgis_app, tmp_path):
    resistance = geotiff(tmp_path / 'resistance.tif', np.ones((10, 20)), 30.0)
    utm_cores = core_layer(THREE_CORES, ['a', 'b', 'c'])
    common = dict(CORE_ID_FIELD='name', RESISTANCE=resistance)
    in_utm = corridornetwork(CORES=utm_cores, OUTPUT_CORRIDORS=str(tmp_path / 'utm.tif'), **common)
    in_degrees = corridornetwork(CORES=reprojected(utm_cores, 'EPSG:4326'), OUTPUT_CORRIDORS=str(tmp_path / 'wgs.tif'),
                                 **common)
    assert in_degrees['OUTPUT_LINKS'].crs().authid() == 'EPSG:4326'
    expected = attributes(in_utm['OUTPUT_LINKS'])
    found = attributes(in_degrees['OUTPUT_LINKS'])
    assert sorted(found) == sorted(expected)
    for pair, feature in found.items():
        assert feature.attributes()[2:] == pytest.approx(expected[pair].attributes()[2:], rel=1e-9)
    start = found['a', 'b'].geometry().asPolyline()[0]
    assert 110 < start.x() < 120 and 30 < start.y() < 40


def test_geographic_raster_is_warped_to_metres_as_costdistance_does(qgis_app, tmp_path):
    # 0.001 degree cells near 30 N: about 96 m wide and 111 m tall
    resistance = geotiff(tmp_path / 'resistance.tif', np.ones((10, 30)), 0.001, epsg=4326, x0=110.0, y0=30.01)
    cores = wkt_layer('cores', 'Polygon', 'EPSG:4326', [cell_rectangle((2, 7), (0, 2), 0.001, 110.0, 30.01),
                                                        cell_rectangle((2, 7), (27, 29), 0.001, 110.0, 30.01)],
                      ['west', 'east'])
    feedback = RecordingFeedback()
    output = str(tmp_path / 'corridors.tif')
    result = corridornetwork(feedback=feedback, CORES=cores, CORE_ID_FIELD='name', RESISTANCE=resistance,
                             OUTPUT_CORRIDORS=output)
    assert any('warped' in line for line in feedback.lines)
    [link] = result['OUTPUT_LINKS'].getFeatures()
    # between the centres of the closest cells, columns 2 and 27: 0.025 degree of longitude at 30.005 N
    east = 0.025 * math.pi / 180 * 6378137 * math.cos(math.radians(30.005))
    assert link['euc_dist'] == pytest.approx(east, rel=0.05)
    assert link['cwd'] == pytest.approx(link['lcp_length'], rel=1e-9)
    nlcc, geotransform, _ = read_raster(output)
    assert nlcc.shape == (10, 30) and geotransform == pytest.approx((110.0, 0.001, 0, 30.01, 0, -0.001))
    # warped back onto the raster's grid as float64, the mosaic was written as Float64 although every value fits
    # Float32: the rule of every accumulated-cost map (engine.raster.float_type_for) holds here too
    dataset = gdal.Open(output)  # held while its band is read
    assert dataset.GetRasterBand(1).DataType == gdal.GDT_Float32


@pytest.mark.parametrize('wkts, ids, raster_values, message', [
    (THREE_CORES[:1], ['a'], np.ones((10, 20)), 'at least two cores'),
    (THREE_CORES, ['a', 'b', 'a'], np.ones((10, 20)), r'Layer "cores": features 1 and 3 both have the core id a in'),
    (THREE_CORES[:2] + [cell_rectangle((0, 1), (40, 41))], ['a', 'b', 'far'], np.ones((10, 20)),
     'Core far covers no cell'),
    (THREE_CORES, ['a', 'b', 'c'], np.full((10, 20), np.nan), 'no passable cell'),
    (THREE_CORES, ['a', None, 'c'], np.ones((10, 20)), r'feature id 2 has no value in the core id field "name"'),
    (THREE_CORES[:2] + [None], ['a', 'b', 'c'], np.ones((10, 20)), r'Layer "cores" has features without a usable'),
])
def test_bad_input_is_refused_naming_what_to_fix(qgis_app, tmp_path, wkts, ids, raster_values, message):
    resistance = geotiff(tmp_path / 'resistance.tif', raster_values, 30.0)
    output = tmp_path / 'corridors.tif'
    with pytest.raises(QgsProcessingException, match=message):
        corridornetwork(CORES=core_layer(wkts, ids), CORE_ID_FIELD='name', RESISTANCE=resistance,
                        OUTPUT_CORRIDORS=str(output))
    assert not output.exists()


@pytest.mark.parametrize('id_field, error', [('name', None), ('编号', r'Layer "cores" has no field "编号"')])
def test_the_core_id_field_is_found_in_any_case_and_a_missing_one_is_refused_before_any_output(
        qgis_app, tmp_path, id_field, error):
    resistance = geotiff(tmp_path / 'resistance.tif', np.ones((10, 20)), 30.0)
    cores = wkt_layer('cores', 'Polygon', UTM, THREE_CORES[:2], ['west', 'east'], field='NAME')
    output = tmp_path / 'corridors.tif'
    parameters = dict(CORES=cores, CORE_ID_FIELD=id_field, RESISTANCE=resistance, OUTPUT_CORRIDORS=str(output))
    if error:
        with pytest.raises(QgsProcessingException, match=error):
            corridornetwork(**parameters)
        assert not output.exists()
    else:
        [link] = corridornetwork(**parameters)['OUTPUT_LINKS'].getFeatures()
        assert (link['from_id'], link['to_id']) == ('west', 'east')


def test_a_corridor_raster_that_cannot_be_written_is_a_clear_error(qgis_app, tmp_path):
    resistance = geotiff(tmp_path / 'resistance.tif', np.ones((10, 20)), 30.0)
    not_a_folder = tmp_path / 'notes.txt'
    not_a_folder.write_text('a file, not a folder')
    with pytest.raises(QgsProcessingException, match='notes.txt is a file, not a folder') as error:
        corridornetwork(CORES=core_layer(THREE_CORES[:2], ['a', 'b']), CORE_ID_FIELD='name', RESISTANCE=resistance,
                        OUTPUT_CORRIDORS=str(not_a_folder / 'corridors.tif'))
    assert 'Traceback' not in str(error.value)


def test_a_core_partly_outside_the_raster_is_reported(qgis_app, tmp_path):
    resistance = geotiff(tmp_path / 'resistance.tif', np.ones((10, 20)), 30.0)
    feedback = RecordingFeedback()
    cores = core_layer(THREE_CORES[:2] + [cell_rectangle((8, 12), (9, 11))], ['a', 'b', 'edge'])
    corridornetwork(feedback=feedback, CORES=cores, CORE_ID_FIELD='name', RESISTANCE=resistance,
                    OUTPUT_CORRIDORS=str(tmp_path / 'corridors.tif'))
    assert any('beyond the resistance raster' in line and 'edge' in line for line in feedback.lines)


def test_an_invalid_core_polygon_is_repaired_and_used(qgis_app, tmp_path):
    resistance = geotiff(tmp_path / 'resistance.tif', np.ones((10, 20)), 30.0)
    # a bow tie over columns 15 to 19 and rows 2 to 7, crossing itself at its centre
    bow_tie = 'POLYGON(({0} {1}, {2} {3}, {2} {1}, {0} {3}, {0} {1}))'.format(X0 + 450, Y0 - 60, X0 + 600, Y0 - 240)
    feedback = RecordingFeedback()
    result = corridornetwork(feedback=feedback, CORES=core_layer([THREE_CORES[0], bow_tie], ['a', 'tie']),
                             CORE_ID_FIELD='name', RESISTANCE=resistance,
                             OUTPUT_CORRIDORS=str(tmp_path / 'corridors.tif'))
    assert any('1 invalid geometries repaired' in line for line in feedback.lines)
    [link] = result['OUTPUT_LINKS'].getFeatures()
    # the left triangle holds the centres of column 15, rows 3 to 6: 13 cells of 30 m from core a's column 2;
    # its vertical edge x = 450 is 360 m from core a's edge x = 90
    assert link['to_id'] == 'tie' and link['cwd'] == pytest.approx(390.0) and link['euc_dist'] == pytest.approx(360.0)


def test_empty_core_layer_is_refused(qgis_app, tmp_path):
    resistance = geotiff(tmp_path / 'resistance.tif', np.ones((10, 20)), 30.0)
    with pytest.raises(QgsProcessingException, match='at least two cores; 0 given'):
        corridornetwork(CORES=core_layer([], []), CORE_ID_FIELD='name', RESISTANCE=resistance,
                        OUTPUT_CORRIDORS=str(tmp_path / 'corridors.tif'))


def test_options_reach_the_engine(qgis_app, tmp_path):
    resistance = geotiff(tmp_path / 'resistance.tif', np.ones((10, 20)), 30.0)
    feedback = RecordingFeedback()
    # the straight link a-b (450) exceeds 400; a-c (2 diagonal + 5 straight steps, 235) and b-c (205) do not
    result = corridornetwork(feedback=feedback, CORES=core_layer(THREE_CORES, [1, 2, 3], field_type='integer'),
                             CORE_ID_FIELD='name', RESISTANCE=resistance, MAX_CWD=400, MAX_NEIGHBORS=1, WIDTH_CUTOFF=30,
                             OUTPUT_CORRIDORS=str(tmp_path / 'corridors.tif'))
    assert sorted(attributes(result['OUTPUT_LINKS'])) == [(1, 3), (2, 3)]
    assert any('2 links kept' in line for line in feedback.lines)
    nlcc = read_raster(tmp_path / 'corridors.tif')[0]
    assert np.nanmax(nlcc) <= 30


def test_max_cwd_zero_means_no_limit_as_max_neighbors_zero_means_all(qgis_app, tmp_path):
    resistance = geotiff(tmp_path / 'resistance.tif', np.ones((10, 20)), 30.0)
    cores = core_layer(THREE_CORES, [1, 2, 3], field_type='integer')
    links = [sorted(attributes(corridornetwork(CORES=cores, CORE_ID_FIELD='name', RESISTANCE=resistance,
                                               MAX_NEIGHBORS=0, OUTPUT_CORRIDORS=str(tmp_path / name),
                                               **limit)['OUTPUT_LINKS']))
             for name, limit in (('zero.tif', {'MAX_CWD': 0}), ('none.tif', {}))]
    assert links[0] == links[1] and len(links[0]) == 3


def test_by_default_a_link_through_a_third_core_is_dropped(qgis_app, tmp_path):
    resistance = geotiff(tmp_path / 'resistance.tif', np.ones((10, 20)), 30.0)
    # a, c, b left to right; c spans every row, so the straight a-b path must cross it
    in_a_row = [cell_rectangle((0, 9), (0, 2)), cell_rectangle((0, 9), (17, 19)), cell_rectangle((0, 9), (9, 11))]
    result = corridornetwork(CORES=core_layer(in_a_row, ['a', 'b', 'c']), CORE_ID_FIELD='name', RESISTANCE=resistance,
                             OUTPUT_CORRIDORS=str(tmp_path / 'corridors.tif'))
    assert sorted(attributes(result['OUTPUT_LINKS'])) == [('a', 'c'), ('b', 'c')]


# Six single-cell cores around a ring on a uniform grid of 30 m cells; (row, column) of each:
STAR = {'A': (10, 16), 'B': (21, 15), 'C': (21, 5), 'D': (10, 4), 'E': (0, 5), 'F': (5, 12)}
# The least-cost distance in cells on a uniform 8-neighbour grid is max(dr, dc) + (sqrt 2 - 1) min(dr, dc):
#   A: F 6.66, B 11.41, D 12.00, E 15.14, C 15.56   B: C 10.00, A 11.41, D 15.56, F 17.24, E 25.14
#   C: B 10.00, D 11.41, A 15.56, F 18.90, E 21.00   D: F 10.07, E 10.41, C 11.41, A 12.00, B 15.56
#   E: F 9.07, D 10.41, A 15.14, C 21.00, B 25.14    F: A 6.66, E 9.07, D 10.07, B 17.24, C 18.90
# With 4 neighbours each core leaves out only its farthest; B and E are each other's farthest, so B-E is the
# one pair neither chooses (with 3 neighbours B-F, C-E and C-F would be missing too). No core lies on
# any least-cost path between two others, so dropping links through cores changes nothing here.
STAR_LINKS_WITH_4_NEIGHBOURS = sorted({tuple(pair) for pair in
                                       ('AB', 'AC', 'AD', 'AE', 'AF', 'BC', 'BD', 'BF', 'CD', 'CE', 'CF',
                                        'DE', 'DF', 'EF')})


def test_by_default_each_core_links_its_four_nearest_and_the_link_set_is_their_union(qgis_app, tmp_path):
    resistance = geotiff(tmp_path / 'resistance.tif', np.ones((22, 17)), 30.0)
    cores = core_layer([cell_rectangle((row, row), (col, col)) for row, col in STAR.values()], list(STAR))
    result = corridornetwork(CORES=cores, CORE_ID_FIELD='name', RESISTANCE=resistance,
                             OUTPUT_CORRIDORS=str(tmp_path / 'corridors.tif'))
    assert sorted(attributes(result['OUTPUT_LINKS'])) == STAR_LINKS_WITH_4_NEIGHBOURS


def test_cancel_mid_run_leaves_no_output_file(qgis_app, tmp_path):
    resistance = geotiff(tmp_path / 'resistance.tif', np.ones((60, 80)), 30.0)
    cores = core_layer([cell_rectangle((0, 3), (0, 3)), cell_rectangle((50, 55), (70, 75)),
                        cell_rectangle((0, 5), (60, 70))], ['a', 'b', 'c'])

    feedback = QgsProcessingFeedback()
    progress = []
    feedback.progressChanged.connect(progress.append)
    feedback.progressChanged.connect(lambda percent: feedback.cancel() if percent > 60 else None)
    output = tmp_path / 'corridors.tif'
    with pytest.raises(QgsProcessingException, match='cancelled'):
        corridornetwork(feedback=feedback, CORES=cores, CORE_ID_FIELD='name', RESISTANCE=resistance,
                        OUTPUT_CORRIDORS=str(output))
    assert 60 < max(progress) < 100
    assert os.listdir(tmp_path) == ['resistance.tif']


def test_outputs_load_with_their_styles(qgis_app, tmp_path):
    resistance = geotiff(tmp_path / 'resistance.tif', np.ones((10, 20)), 30.0)
    output = str(tmp_path / 'corridors.tif')
    project = QgsProject.instance()
    before = set(project.mapLayers())
    processing.runAndLoadResults('reserveplanner:corridornetwork', {
        'CORES': core_layer(THREE_CORES, ['a', 'b', 'c']), 'CORE_ID_FIELD': 'name', 'RESISTANCE': resistance,
        'OUTPUT_LINKS': 'TEMPORARY_OUTPUT', 'OUTPUT_CORRIDOR_POLYGONS': 'TEMPORARY_OUTPUT',
        'OUTPUT_CORRIDORS': output})
    loaded = {layer_id: layer for layer_id, layer in project.mapLayers().items() if layer_id not in before}
    try:
        [raster] = [layer for layer in loaded.values() if layer.source() == output]
        items = raster.renderer().shader().rasterShaderFunction().colorRampItemList()
        assert items[0].value == 0
        assert items[-1].value == pytest.approx(float(np.nanmax(read_raster(output)[0])))
        [links] = [layer for layer in loaded.values() if layer.name() == 'Links']
        assert links.renderer().symbol().color().name() == '#b2182b'
        [polygons] = [layer for layer in loaded.values() if layer.name() == 'Corridor polygons']
        assert polygons.renderer().symbol().color().alpha() < 255
    finally:
        project.removeMapLayers(list(loaded))


def grass_r_cost_from_each(tmp_path, resistance_path, source_paths):
    """Accumulated cost from each source raster by GRASS r.cost (8 neighbours), in GRASS units (cost x cells)."""
    lines = ['set -e', 'r.in.gdal -o input={} output=resistance --quiet'.format(resistance_path),
             'g.region raster=resistance']
    outputs = []
    for index, source_path in enumerate(source_paths):
        outputs.append(tmp_path / 'grass_cost_{}.tif'.format(index))
        lines += ['r.in.gdal -o input={} output=sources{} --quiet'.format(source_path, index),
                  'r.cost input=resistance start_raster=sources{0} output=cost{0} --quiet'.format(index),
                  'r.out.gdal input=cost{} output={} type=Float64 --quiet'.format(index, outputs[-1])]
    script = tmp_path / 'r_cost.sh'
    script.write_text('\n'.join(lines) + '\n')
    completed = subprocess.run(['grass', '--tmp-location', UTM, '--exec', 'bash', str(script)],
                               capture_output=True, text=True)
    assert completed.returncode == 0, completed.stderr
    return [read_raster(output)[0] for output in outputs]


@pytest.mark.external
@pytest.mark.slow
def test_link_costs_and_corridors_equal_those_built_from_grass_r_cost(qgis_app, tmp_path):
    rng = np.random.default_rng(3)
    resistance = rng.uniform(1.0, 20.0, size=(30, 40))
    resistance[rng.random((30, 40)) < 0.1] = np.nan
    blocks = [((2, 5), (1, 4)), ((22, 26), (33, 37)), ((3, 6), (30, 34))]
    for rows, cols in blocks:
        resistance[rows[0]:rows[1] + 1, cols[0]:cols[1] + 1] = 1.0
    resistance_path = geotiff(tmp_path / 'resistance.tif', resistance, 30.0)
    source_paths = []
    for index, (rows, cols) in enumerate(blocks):
        mask = np.full(resistance.shape, np.nan)
        mask[rows[0]:rows[1] + 1, cols[0]:cols[1] + 1] = 1
        source_paths.append(geotiff(tmp_path / 'core_{}.tif'.format(index), mask, 30.0))
    grass = [30.0 * cost for cost in grass_r_cost_from_each(tmp_path, resistance_path, source_paths)]
    output = str(tmp_path / 'corridors.tif')
    cores = core_layer([cell_rectangle(*block) for block in blocks], [0, 1, 2], field_type='integer')
    result = corridornetwork(CORES=cores, CORE_ID_FIELD='name', RESISTANCE=resistance_path, MAX_NEIGHBORS=0,
                             DROP_THROUGH_CORES=False, WIDTH_CUTOFF=1e9, OUTPUT_CORRIDORS=output)
    links = attributes(result['OUTPUT_LINKS'])
    assert sorted(links) == [(0, 1), (0, 2), (1, 2)]
    expected = np.full(resistance.shape, np.inf)
    for (a, b), feature in links.items():
        rows, cols = blocks[b]
        lcd = np.nanmin(grass[a][rows[0]:rows[1] + 1, cols[0]:cols[1] + 1])
        assert feature['cwd'] == pytest.approx(lcd, rel=1e-6)
        expected = np.fmin(expected, grass[a] + grass[b] - lcd)
    nlcc = read_raster(output)[0]
    reachable = np.isfinite(expected)
    assert np.array_equal(~np.isnan(nlcc), reachable)
    np.testing.assert_allclose(nlcc[reachable], expected[reachable], rtol=1e-5, atol=1e-2)


@pytest.mark.external
@pytest.mark.slow
def test_corridornetwork_through_qgis_process(qgis_process, tmp_path):
    resistance = geotiff(tmp_path / 'resistance.tif', np.ones((10, 20)), 30.0)
    cores_path = str(tmp_path / 'cores.gpkg')
    cores = core_layer(THREE_CORES, ['a', 'b', 'c'])
    processing.run('native:savefeatures', {'INPUT': cores, 'OUTPUT': cores_path})
    links = str(tmp_path / 'links.gpkg')
    returncode, result, log = qgis_process(
        'corridornetwork', CORES=cores_path, CORE_ID_FIELD='name', RESISTANCE=resistance, MAX_NEIGHBORS=1,
        OUTPUT_LINKS=links, OUTPUT_CORRIDORS=str(tmp_path / 'corridors.tif'),
        OUTPUT_CORRIDOR_POLYGONS=str(tmp_path / 'corridor_polygons.gpkg'))
    assert returncode == 0, log
    assert result['results']['OUTPUT_CORRIDORS'] == str(tmp_path / 'corridors.tif')
    written = QgsVectorLayer(links, 'links', 'ogr')
    # each core's nearest: a -> c (235 cost-weighted m), b -> c (205), c -> b; a-b (450) is nobody's choice
    assert sorted(tuple(feature.attributes()[1:3]) for feature in written.getFeatures()) == [('a', 'c'), ('b', 'c')]
