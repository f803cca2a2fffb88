"""The circuit-theory engine (processing/engine/circuit.py) against Circuitscape's own test cases, circuit laws
and formulas, and bad input. Everything here is float64 in memory: no file round trip."""

import os

import numpy as np
import pytest

from circuitscape_cases import cases, read_ascii_grid
from reserve_planner.processing.engine import circuit
from reserve_planner.processing.engine.messages import EngineError

R_TOLERANCE = 1e-3
"""Circuitscape's own tolerance on resistances; on maps it is a sum of squared differences below MAP_TOLERANCE."""
MAP_TOLERANCE = 1e-6
SHARED = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), 'shared')
REFERENCE = os.path.join(SHARED, 'reference')


def case_landscape(case):
    values, header = case.grid('habitat_file')
    return circuit.Landscape(
        values, is_conductance=not case.flag('habitat_map_is_resistances'),
        four_neighbors=case.flag('connect_four_neighbors_only'),
        average_resistances=case.flag('connect_using_avg_resistances'),
        short_circuit=case.grid('polygon_file')[0] if case.flag('use_polygons') else None,
        mask=case.grid('mask_file')[0] if case.flag('use_mask') else None), header


def squared_difference(ours, expected_path):
    """Sum of squared differences with a Circuitscape map (its 0 where we have no node, NaN)."""
    expected, _ = read_ascii_grid(expected_path)
    return float(((np.nan_to_num(ours) - np.nan_to_num(expected)) ** 2).sum())


def all_cases(mode):
    return [pytest.param(case, id=case.name) for case in cases(REFERENCE) if case.mode == mode]


def focal_of(case, landscape, header):
    return circuit.Focal.from_cells(*case.focal_cells(header), np.shape(landscape.values))


@pytest.mark.parametrize('case', all_cases('pairwise'))
def test_pairwise_reproduces_circuitscape(case):
    landscape, header = case_landscape(case)
    included = (circuit.read_included_pairs(case.path('included_pairs_file'))
                if case.flag('use_included_pairs') else None)
    result = circuit.pairwise(landscape, focal_of(case, landscape, header), included)
    ids, expected = case.expected_matrix()
    assert list(result.ids) == list(ids)
    np.testing.assert_array_equal(np.isnan(result.resistances), np.isnan(expected))
    assert np.nanmax(np.abs(result.resistances - expected)) <= R_TOLERANCE
    if case.flag('write_cur_maps'):  # otherwise Circuitscape wrote an all-zero placeholder map
        assert squared_difference(result.cumulative, case.expected('cum_curmap.asc')) < MAP_TOLERANCE


@pytest.mark.parametrize('case', all_cases('one-to-all') + all_cases('all-to-one'))
def test_one_to_all_and_all_to_one_reproduce_circuitscape(case):
    landscape, header = case_landscape(case)
    maps = {}
    solve = circuit.one_to_all if case.mode == 'one-to-all' else circuit.all_to_one
    result = solve(landscape, focal_of(case, landscape, header),
                   on_map=lambda focal_id, current, voltage: maps.__setitem__(int(focal_id), (current, voltage)))
    expected = case.expected_column()
    assert list(result.ids) == list(expected)
    if case.mode == 'one-to-all':
        ours = np.nan_to_num(result.resistances, nan=-1)
        assert np.abs(ours - np.nan_to_num(list(expected.values()), nan=-1)).max() <= R_TOLERANCE
    else:
        assert result.resistances is None
    assert squared_difference(result.cumulative, case.expected('cum_curmap.asc')) < MAP_TOLERANCE
    for focal_id in expected:
        current_path = case.expected('curmap_{}.asc'.format(focal_id))
        if os.path.exists(current_path) and focal_id in maps:
            assert squared_difference(maps[focal_id][0], current_path) < MAP_TOLERANCE
        voltage_path = case.expected('voltmap_{}.asc'.format(focal_id))
        if os.path.exists(voltage_path) and focal_id in maps:
            assert squared_difference(maps[focal_id][1], voltage_path) < MAP_TOLERANCE


@pytest.mark.parametrize('case', all_cases('advanced'))
def test_advanced_reproduces_circuitscape(case):
    landscape, _ = case_landscape(case)
    result = circuit.advanced(
        landscape, case.grid('source_file')[0], case.grid('ground_file')[0],
        grounds_are_resistances=case.flag('ground_file_is_resistances'), policy=case.options['remove_src_or_gnd'],
        unit_currents=case.flag('use_unit_currents'), direct_grounds=case.flag('use_direct_grounds'))
    assert squared_difference(result.current, case.expected('curmap.asc')) < MAP_TOLERANCE
    assert squared_difference(result.voltage, case.expected('voltmap.asc')) < MAP_TOLERANCE


def focal_grid(shape, *cells):
    """A focal grid with ids 1, 2, ... on ``cells``."""
    grid = np.zeros(shape)
    for focal_id, cell in enumerate(cells, start=1):
        grid[cell] = focal_id
    return grid


def test_series_resistors_add_up():
    row = np.array([[1.0, 2.0, 3.0, 4.0, 5.0]])
    averaged = circuit.Landscape(row, four_neighbors=True, average_resistances=True)
    result = circuit.pairwise(averaged, focal_grid(row.shape, (0, 0), (0, 4)))
    assert result.resistances[0, 1] == pytest.approx(sum((a + b) / 2 for a, b in zip(row[0], row[0, 1:])))
    conductances = circuit.Landscape(row, four_neighbors=True)
    result = circuit.pairwise(conductances, focal_grid(row.shape, (0, 0), (0, 4)))
    assert result.resistances[0, 1] == pytest.approx(sum(2 / (1 / a + 1 / b) for a, b in zip(row[0], row[0, 1:])))


def test_parallel_resistors_combine_by_their_reciprocals():
    """Two separate rows of different resistance between two focal regions (each one node): 1/R = 1/R1 + 1/R2."""
    grid = np.array([[1.0, 2.0, 2.0, 2.0, 1.0],
                     [np.nan] * 5,
                     [1.0, 5.0, 5.0, 5.0, 1.0]])
    focal = np.array([[1, 0, 0, 0, 2],
                      [0, 0, 0, 0, 0],
                      [1, 0, 0, 0, 2]])
    result = circuit.pairwise(circuit.Landscape(grid, four_neighbors=True, average_resistances=True), focal)
    top = (1 + 2) / 2 + 2 + 2 + (2 + 1) / 2
    bottom = (1 + 5) / 2 + 5 + 5 + (5 + 1) / 2
    assert result.resistances[0, 1] == pytest.approx(1 / (1 / top + 1 / bottom))


@pytest.fixture(scope='module')
def random_landscape():
    generator = np.random.default_rng(11)
    values = generator.uniform(1, 50, (30, 40))
    values[generator.random(values.shape) < 0.1] = np.nan
    cells = [(2, 3), (27, 5), (15, 20), (4, 36), (25, 33)]
    for cell in cells:
        values[cell] = 1.0
    return circuit.Landscape(values), focal_grid(values.shape, *cells)


def test_resistance_is_a_symmetric_metric(random_landscape):
    landscape, focal = random_landscape
    resistances = circuit.pairwise(landscape, focal).resistances
    np.testing.assert_allclose(resistances, resistances.T)
    assert np.all(np.diag(resistances) == 0) and np.all(resistances[~np.eye(5, dtype=bool)] > 0)
    for a in range(5):
        for b in range(5):
            assert np.all(resistances[a, b] <= resistances[a] + resistances[:, b] + 1e-9)


def test_kirchhoff_current_law_holds_at_every_interior_node(random_landscape):
    landscape, focal = random_landscape
    graph = landscape.graph(circuit.as_focal(focal, focal.shape))
    voltages = {}
    circuit.one_to_all(landscape, focal, on_map=lambda focal_id, current, voltage: voltages.setdefault(
        focal_id, voltage))
    has_node = graph.node_of_cell >= 0
    node_voltages = np.zeros(graph.node_count)
    node_voltages[graph.node_of_cell[has_node]] = voltages[1][has_node]
    flow = graph.edge_conductance * (node_voltages[graph.edge_from] - node_voltages[graph.edge_to])
    net = np.bincount(graph.edge_from, flow, graph.node_count) - np.bincount(graph.edge_to, flow, graph.node_count)
    focal_nodes = graph.node_of_cell[focal > 0]
    interior = np.ones(graph.node_count, dtype=bool)
    interior[focal_nodes] = False
    assert np.abs(net[interior]).max() < 1e-9
    assert net[focal_nodes[0]] == pytest.approx(1.0)  # the source injects its 1 A
    assert net[focal_nodes[1:]].sum() == pytest.approx(-1.0)  # and the grounds take it all


def test_a_narrow_gap_carries_the_largest_current():
    values = np.ones((21, 21))
    values[:, 10] = np.nan
    values[10, 10] = 1.0  # the one gap in the wall
    result = circuit.pairwise(circuit.Landscape(values), focal_grid(values.shape, (10, 2), (10, 18)))
    current = np.nan_to_num(result.cumulative)
    current[10, 2] = current[10, 18] = 0  # the source and ground cells carry the full 1 A by definition
    assert np.unravel_index(np.argmax(current), current.shape) == (10, 10)
    assert result.cumulative[10, 10] == pytest.approx(1.0)


def test_cell_size_plays_no_part_and_conductance_input_equals_reciprocal_resistance(random_landscape):
    landscape, focal = random_landscape
    as_conductance = circuit.Landscape(1.0 / landscape.values, is_conductance=True)
    np.testing.assert_allclose(circuit.pairwise(as_conductance, focal).resistances,
                               circuit.pairwise(landscape, focal).resistances)


def test_iterative_solver_matches_the_direct_one(random_landscape, monkeypatch):
    landscape, focal = random_landscape
    direct = circuit.pairwise(landscape, focal, max_map=True)
    monkeypatch.setattr(circuit, 'DIRECT_MAX_NODES', 50)
    monkeypatch.setattr(circuit, 'pyamg', None)
    monkeypatch.setattr(circuit, 'CG_BLOCK_BYTES', 2 * circuit.CG_ARRAYS * 8 * values_size(landscape))
    iterative = circuit.pairwise(landscape, focal, max_map=True)  # right-hand sides in batches of two
    np.testing.assert_allclose(iterative.resistances, direct.resistances, rtol=1e-7)
    np.testing.assert_allclose(iterative.cumulative, direct.cumulative, rtol=1e-6, atol=1e-9)
    iterative_one = circuit.one_to_all(landscape, focal)
    monkeypatch.setattr(circuit, 'DIRECT_MAX_NODES', 10 ** 9)
    np.testing.assert_allclose(iterative_one.resistances, circuit.one_to_all(landscape, focal).resistances,
                               rtol=1e-7)


def values_size(landscape):
    return int(np.isfinite(landscape.values).sum())


def test_disconnected_focal_nodes_are_not_connected_and_nodata_ones_reported():
    values = np.ones((5, 9))
    values[:, 4] = np.nan
    values[0, 0] = np.nan
    focal = focal_grid(values.shape, (2, 1), (2, 7), (3, 8), (0, 0))
    result = circuit.pairwise(circuit.Landscape(values), focal)
    assert np.isnan(result.resistances[0, 1]) and np.isnan(result.resistances[0, 2])
    assert result.resistances[1, 2] > 0
    assert list(result.off_network) == [4]
    assert np.all(np.isnan(result.resistances[3, [0, 1, 2]]))
    alone = circuit.one_to_all(circuit.Landscape(values), focal)
    assert np.isnan(alone.resistances[0]) and alone.resistances[1] > 0


@pytest.mark.parametrize('focal, message', [
    (np.zeros((4, 4)), 'no focal node'),
    (focal_grid((4, 4), (1, 1)), 'only one focal node'),
    (focal_grid((4, 4), (0, 0), (3, 3)), 'Fewer than two focal nodes lie on cells with data'),
    (focal_grid((4, 4), (1, 1), (3, 3)) * 1.5, 'whole numbers; the focal grid holds 1.5'),
])
def test_bad_focal_nodes_get_a_clear_message(focal, message):
    values = np.ones((4, 4))
    values[0, 0] = np.nan
    with pytest.raises(EngineError, match='(?i)' + message):
        circuit.pairwise(circuit.Landscape(values), focal)


def test_everything_masked_gets_a_clear_message():
    landscape = circuit.Landscape(np.ones((4, 4)), mask=np.zeros((4, 4)))
    with pytest.raises(EngineError, match='No cell of the resistance raster is usable'):
        circuit.pairwise(landscape, focal_grid((4, 4), (0, 0), (3, 3)))


def test_included_pairs_files_in_both_formats(tmp_path):
    listed = tmp_path / 'list.txt'
    listed.write_text('mode include\n1 3\n3 2\n')
    pairs = circuit.read_included_pairs(str(listed))
    assert list(pairs.ids) == [1, 2, 3]
    assert pairs.included.tolist() == [[False, False, True], [False, False, True], [True, True, False]]
    excluded = tmp_path / 'exclude.txt'
    excluded.write_text('mode exclude\n1 2\n')
    assert not circuit.read_included_pairs(str(excluded)).included[0, 1]
    matrix = tmp_path / 'matrix.txt'
    matrix.write_text('min 1\nmax 5\n0 1 2 3\n1 0 2 9\n2 2 0 0\n3 9 0 0\n')
    assert circuit.read_included_pairs(str(matrix)).included.tolist() == [
        [False, True, False], [True, False, False], [False, False, False]]
    bad = tmp_path / 'bad.txt'
    bad.write_text('hello\n')
    with pytest.raises(EngineError, match='must start with'):
        circuit.read_included_pairs(str(bad))


def test_source_strengths_scale_one_to_all_currents(random_landscape):
    landscape, focal = random_landscape
    unit = circuit.one_to_all(landscape, focal)
    strong = circuit.one_to_all(landscape, focal, strengths={1: 3.0})
    np.testing.assert_allclose(strong.resistances, unit.resistances)
    single = {}
    circuit.one_to_all(landscape, focal, strengths={1: 3.0},
                       on_map=lambda focal_id, current, voltage: single.setdefault(focal_id, current))
    unit_single = {}
    circuit.one_to_all(landscape, focal,
                       on_map=lambda focal_id, current, voltage: unit_single.setdefault(focal_id, current))
    np.testing.assert_allclose(single[1], 3 * unit_single[1])
    np.testing.assert_allclose(single[2], unit_single[2])


def test_a_source_strength_of_zero_injects_nothing_and_keeps_the_resistance():
    """Circuitscape accepts 0 A in a source strengths file (its one-to-all case 12 lists one); the run refused it.
    Three nodes on a 1 x 5 row of 1-ohm cells: node 1 at 0 A sends no current, but its effective resistance to
    the others (tied to ground) is the network's, whatever the current; in all-to-one it injects nothing."""
    landscape = circuit.Landscape(np.ones((1, 5)), four_neighbors=True)
    focal = focal_grid((1, 5), (0, 0), (0, 2), (0, 4))
    maps = {}
    result = circuit.one_to_all(landscape, focal, strengths={1: 0.0},
                                on_map=lambda focal_id, current, voltage: maps.setdefault(focal_id, current))
    assert result.resistances.tolist() == pytest.approx([2.0, 1.0, 2.0])  # 2 ohms to node 2; 2 || 2 ohms
    np.testing.assert_array_equal(maps[1], 0.0)
    np.testing.assert_allclose(maps[2], [[0.5, 0.5, 1.0, 0.5, 0.5]])
    sinks = {}
    circuit.all_to_one(landscape, focal, strengths={1: 0.0},
                       on_map=lambda focal_id, current, voltage: sinks.setdefault(focal_id, current))
    np.testing.assert_allclose(sinks[3], [[0.0, 0.0, 1.0, 1.0, 1.0]])  # only node 2's 1 A flows, to node 3
    with pytest.raises(EngineError, match='must be a number >= 0, not -1'):
        circuit.one_to_all(landscape, focal, strengths={1: -1.0})


@pytest.mark.parametrize('policy, injected, kept_grounds', [
    ('keepall', 2.0, {1: 4.0, 2: 2.0}), ('rmvsrc', 1.0, {1: 4.0, 2: 2.0}),
    ('rmvgnd', 2.0, {1: 4.0}), ('rmvall', 1.0, {1: 4.0})])
def test_advanced_conflict_policies(policy, injected, kept_grounds):
    """1 A sources in cells 0 and 2, grounds of 4 and 2 ohms in cells 1 and 2: cell 2 is a conflict. All the
    injected current leaves through the grounds the policy keeps."""
    landscape = circuit.Landscape(np.ones((1, 3)), four_neighbors=True)
    result = circuit.advanced(landscape, np.array([[1.0, np.nan, 1.0]]), np.array([[np.nan, 4.0, 2.0]]),
                              policy=policy)
    voltage = result.voltage[0]
    assert sum(voltage[cell] / ohms for cell, ohms in kept_grounds.items()) == pytest.approx(injected)


def test_direct_grounds_and_unit_currents():
    values = np.ones((1, 3))
    result = circuit.advanced(circuit.Landscape(values, four_neighbors=True), np.array([[5.0, np.nan, np.nan]]),
                              np.array([[np.nan, np.nan, 7.0]]), unit_currents=True, direct_grounds=True)
    np.testing.assert_allclose(result.voltage, [[2.0, 1.0, 0.0]])  # 1 A through two 1-ohm links to 0 V
    np.testing.assert_allclose(result.current, [[1.0, 1.0, 1.0]])


def test_network_current_flow_centrality_on_a_path_and_a_triangle():
    path = circuit.network_pairwise(3, [0, 1], [1, 2], [1.0, 1.0])
    np.testing.assert_allclose(path.node_centrality, [2.0, 3.0, 2.0])
    np.testing.assert_allclose(path.edge_centrality, [2.0, 2.0])
    np.testing.assert_allclose(path.resistances, [[0, 1, 2], [1, 0, 1], [2, 1, 0]])
    triangle = circuit.network_pairwise(3, [0, 1, 0], [1, 2, 2], [1.0, 1.0, 2.0])
    assert triangle.resistances[0, 1] == pytest.approx(1 / (1 / 1 + 1 / 3))
    assert triangle.resistances[0, 2] == pytest.approx(1.0)
    cores = circuit.network_pairwise(4, [0, 1], [1, 2], [1.0, 1.0], focal_nodes=[0, 2, 3])
    assert np.isnan(cores.resistances[0, 2]) and cores.resistances[0, 1] == pytest.approx(2.0)
    np.testing.assert_allclose(cores.node_centrality, [1.0, 1.0, 1.0, 0.0])
