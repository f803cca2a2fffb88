"""Linkage Mapper parity of corridornetwork (docs/restoration.md): edge-to-edge Euclidean distances, adjacency,
nearest neighbours by either distance, maximum Euclidean distance, constellations, bounding circles, and Linkage
Mapper's own demo network rebuilt from its demo data (shared/reference/linkage_mapper/).
"""

import os

import numpy as np
import pytest
from osgeo import ogr
from shapely import wkb
from shapely.geometry import box

from reserve_planner.processing.engine import corridors, link_selection
from reserve_planner.processing.engine.costdistance import CostGraph, accumulated_cost
from reserve_planner.processing.engine.raster import Grid, read_band
from support import run

DEMO_NETWORK = [(1, 4), (2, 3), (3, 5), (4, 5), (5, 6)]
TUTORIAL = dict(MAX_NEIGHBORS=1, NEIGHBOR_METRIC=1, ADJACENCY=3, CONNECT_CONSTELLATIONS=True, DROP_THROUGH_CORES=True,
                MAX_CWD=100000, MAX_EUCLIDEAN=40000, WIDTH_CUTOFF=200000)
"""Linkage Mapper user guide's tutorial settings, as corridornetwork parameters."""


def lm_demo(shared_dir):
    folder = os.path.join(shared_dir, 'reference', 'linkage_mapper')
    return os.path.join(folder, 'lm_cores.shp'), os.path.join(folder, 'lm_resistances.tif')


def lm_distances(shared_dir):
    """Linkage Mapper's own Euclidean distances between the demo's cores: {(from, to): metres}."""
    path = os.path.join(shared_dir, 'reference', 'linkage_mapper', 'distances_lm_cores.txt')
    rows = np.loadtxt(path)
    return {(int(first), int(second)): distance for first, second, distance in rows}


def lm_cores(path):
    dataset = ogr.Open(path)
    cores = [(feature.GetField('core_id'), wkb.loads(bytes(feature.GetGeometryRef().ExportToWkb())))
             for feature in dataset.GetLayer()]
    return [core_id for core_id, _ in cores], [geometry for _, geometry in cores]


def grid_of(resistance, cell=10.0):
    resistance = np.asarray(resistance, dtype=float)
    return Grid(resistance, (0.0, cell, 0.0, resistance.shape[0] * cell, 0.0, -cell), '')


def cell_box(grid, row, col):
    x0, dx, _, y0, _, dy = grid.geotransform
    return box(x0 + col * dx, y0 + (row + 1) * dy, x0 + (col + 1) * dx, y0 + row * dy)


def pairs(network):
    return sorted((link.from_id, link.to_id) for link in network.links)


# ---------------------------------------------------------------- Linkage Mapper's demo

def test_euclidean_distances_equal_linkage_mappers_for_every_pair_of_the_demo(shared_dir):
    cores_path, _ = lm_demo(shared_dir)
    ids, geometries = lm_cores(cores_path)
    distances = corridors.polygon_distances(geometries)
    for (first, second), expected in lm_distances(shared_dir).items():
        assert distances[ids.index(first), ids.index(second)] == pytest.approx(expected, abs=1e-6)


@pytest.mark.parametrize('circle_buffer', [0, 10000])
def test_the_tutorial_settings_build_linkage_mappers_demo_network_with_its_distances(
        qgis_app, shared_dir, circle_buffer):
    cores_path, resistance_path = lm_demo(shared_dir)
    result = run('corridornetwork', temporary_outputs=('OUTPUT_LINKS', 'OUTPUT_CORRIDOR_POLYGONS', 'OUTPUT_CORRIDORS'),
                 CORES=cores_path, CORE_ID_FIELD='core_id', RESISTANCE=resistance_path,
                 BOUNDING_CIRCLE_BUFFER=circle_buffer, **TUTORIAL)
    links = {(feature['from_id'], feature['to_id']): feature for feature in result['OUTPUT_LINKS'].getFeatures()}
    # 1-2 (about 120 km cost-weighted) is too long; each core joins its nearest by Euclidean distance (1-4, 2-3,
    # 4-5, 5-6), which leaves {2, 3} apart from {1, 4, 5, 6}; 3-5 is the shortest link joining the two groups
    assert sorted(links) == DEMO_NETWORK
    expected = lm_distances(shared_dir)
    for pair, feature in links.items():
        assert feature['euc_dist'] == pytest.approx(expected[pair], abs=1e-6)
        assert feature['cwd_euc_ratio'] == pytest.approx(feature['cwd'] / expected[pair], rel=1e-9)


def test_without_constellations_the_demo_stays_in_two_groups(shared_dir):
    cores_path, resistance_path = lm_demo(shared_dir)
    ids, geometries = lm_cores(cores_path)
    network = corridors.corridor_network(
        read_band(resistance_path), geometries, ids, max_neighbors=1, neighbor_metric=link_selection.BY_EUCLIDEAN,
        adjacency=link_selection.COST_OR_EUCLIDEAN_ADJACENT, max_cwd=100000, max_euclidean=40000, width_cutoff=1000)
    assert pairs(network) == [(1, 4), (2, 3), (4, 5), (5, 6)]


# ---------------------------------------------------------------- adjacency

def test_cost_allocation_gives_each_cell_the_core_it_is_cheapest_to_reach_from():
    rng = np.random.default_rng(11)
    resistance = rng.uniform(1.0, 20.0, size=(25, 30))
    resistance[rng.random(resistance.shape) < 0.1] = np.nan
    labels = np.zeros(resistance.shape, dtype=np.int32)
    for label, (row, col) in enumerate([(2, 3), (20, 5), (12, 25), (4, 18)], start=1):
        labels[row:row + 2, col:col + 2] = label
        resistance[row:row + 2, col:col + 2] = 1.0
    cells = corridors.core_cells(labels, 4)
    allocation = link_selection.cost_allocation(CostGraph(resistance, 10.0, 10.0), labels, cells)
    surfaces = np.array([accumulated_cost(resistance, labels == label, 10.0, 10.0) for label in range(1, 5)])
    reached = np.isfinite(surfaces.min(axis=0))
    expected = np.where(reached, surfaces.argmin(axis=0) + 1, 0)
    assert np.array_equal(allocation, expected)


def cores_around_an_expensive_middle():
    """A (row 2, col 0) and C (row 2, col 14) at both ends; B at the top middle, walled in by expensive cells.

    B's Euclidean zone spans the whole middle column, so A and C do not touch in it; but reaching the bottom
    middle from B costs far more than from A or C, so their cost-weighted zones meet there."""
    resistance = np.ones((5, 15))
    resistance[0:2, 5:10] = 100.0
    resistance[0, 7] = 1.0
    grid = grid_of(resistance)
    return grid, [cell_box(grid, 2, 0), cell_box(grid, 0, 7), cell_box(grid, 2, 14)]


@pytest.mark.parametrize('adjacency, expected', [
    (link_selection.ALL_PAIRS, [('A', 'B'), ('A', 'C'), ('B', 'C')]),
    (link_selection.EUCLIDEAN_ADJACENT, [('A', 'B'), ('B', 'C')]),
    (link_selection.COST_ADJACENT, [('A', 'B'), ('A', 'C'), ('B', 'C')]),
    (link_selection.COST_OR_EUCLIDEAN_ADJACENT, [('A', 'B'), ('A', 'C'), ('B', 'C')]),
])
def test_only_cores_whose_allocation_zones_touch_become_candidates(adjacency, expected):
    grid, cores = cores_around_an_expensive_middle()
    network = corridors.corridor_network(grid, cores, list('ABC'), max_neighbors=0, drop_through_cores=False,
                                         adjacency=adjacency)
    assert pairs(network) == expected


def test_cost_zones_of_the_expensive_middle():
    grid, cores = cores_around_an_expensive_middle()
    labels = corridors.core_labels(cores, list('ABC'), grid.array.shape, grid.geotransform)
    zones = link_selection.cost_allocation(CostGraph(grid.array, 10.0, 10.0), labels, corridors.core_cells(labels, 3))
    euclidean = link_selection.euclidean_allocation(labels, 10.0, 10.0)
    assert (euclidean[:, 7] == 2).all()
    assert zones[4, 7] != 2 and link_selection.adjacent_pairs(zones) == {(0, 1), (0, 2), (1, 2)}


# ---------------------------------------------------------------- nearest neighbours, limits, constellations

def cores_around_a_wall():
    """A (row 0, col 0) and C (row 12, col 0) west of a wall of resistance 50 (rows 0-15, columns 2-4);
    B (row 0, col 6) east of it. Edge to edge A-B is 50 m, A-C 110 m, B-C about 121 m; by cost A-C is 120,
    while B is reached only around the wall's end (A-B and B-C cost several hundred)."""
    resistance = np.ones((20, 10))
    resistance[0:16, 2:5] = 50.0
    grid = grid_of(resistance)
    return grid, [cell_box(grid, 0, 0), cell_box(grid, 0, 6), cell_box(grid, 12, 0)]


@pytest.mark.parametrize('metric, expected', [
    (link_selection.BY_COST, [('A', 'C'), ('B', 'C')]),       # A -> C, C -> A, B -> C (around the wall's end)
    (link_selection.BY_EUCLIDEAN, [('A', 'B'), ('A', 'C')]),  # A -> B, B -> A, C -> A
])
def test_nearest_neighbours_are_ranked_by_the_chosen_distance(metric, expected):
    grid, cores = cores_around_a_wall()
    network = corridors.corridor_network(grid, cores, list('ABC'), max_neighbors=1, neighbor_metric=metric,
                                         drop_through_cores=False)
    assert pairs(network) == expected


def test_max_euclidean_drops_candidates_whose_cores_are_farther_apart():
    grid, cores = cores_around_a_wall()
    network = corridors.corridor_network(grid, cores, list('ABC'), max_neighbors=0, max_euclidean=115.0,
                                         drop_through_cores=False)
    assert pairs(network) == [('A', 'B'), ('A', 'C')]


def test_constellations_are_joined_by_their_shortest_link():
    # cores at columns 0, 3, 20, 24 and 40: with one neighbour each, {A, B}, {C, D} and {E} stay apart;
    # the shortest links between groups are B-C (17 cells) and then D-E (16 cells, shorter, so first)
    grid = grid_of(np.ones((1, 41)))
    cores = [cell_box(grid, 0, col) for col in (0, 3, 20, 24, 40)]
    apart = corridors.corridor_network(grid, cores, list('ABCDE'), max_neighbors=1, drop_through_cores=False)
    assert pairs(apart) == [('A', 'B'), ('C', 'D'), ('D', 'E')]
    joined = corridors.corridor_network(grid, cores, list('ABCDE'), max_neighbors=1, drop_through_cores=False,
                                        connect_constellations=True)
    assert pairs(joined) == [('A', 'B'), ('B', 'C'), ('C', 'D'), ('D', 'E')]


def test_connecting_constellations_skips_links_that_cross_a_third_core():
    joined = link_selection.connect_constellations(
        4, {(0, 1), (2, 3)}, [(0, 1), (0, 2), (1, 2), (2, 3)], {(0, 1): 1, (0, 2): 2, (1, 2): 3, (2, 3): 1},
        lambda pair: pair != (0, 2))
    assert joined == {(0, 1), (1, 2), (2, 3)}


def test_bounding_circles_keep_each_pass_inside_the_circles_of_its_pairs():
    # a wall across the grid with a gap far to the south: the cheap route leaves the circle of a tight buffer
    resistance = np.ones((80, 20))
    resistance[0:71, 10] = np.nan
    grid = grid_of(resistance)
    cores = [cell_box(grid, 2, 5), cell_box(grid, 2, 15)]
    whole = corridors.corridor_network(grid, cores, list('AB'))
    assert pairs(whole) == [('A', 'B')] and whole.links[0].cwd > 1400
    tight = corridors.corridor_network(grid, cores, list('AB'), circle_buffer=50.0)
    assert tight.links == [] and tight.isolated == ['A', 'B']
    wide = corridors.corridor_network(grid, cores, list('AB'), circle_buffer=700.0)
    assert wide.links[0].cwd == pytest.approx(whole.links[0].cwd, rel=1e-12)
    # the corridor is cut at the circle: centre (105, 775), radius about 55 + 700 m; cell (79, 0) is 776 m away
    assert np.isnan(wide.corridors[79, 0]) and not np.isnan(whole.corridors[79, 0])
