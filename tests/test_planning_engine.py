"""Exact planning engine (engine/planning.py) against brute force over every subset or zoning of small problems.

The brute force evaluates the formulas of docs/planning.md directly (boundary from the geometry, not from
the solver's linearisation), so a wrong linearisation or constraint shows as a different optimum.
"""

import itertools

import numpy as np
import pytest
from scipy import sparse
from shapely.geometry import Polygon, box
from shapely.ops import unary_union

from reserve_planner.processing.engine import planning
from reserve_planner.processing.engine.messages import EngineError


def grid(columns, rows, size=100.0):
    """Square planning units (``size`` metres) in row-major order."""
    return [box(x * size, y * size, (x + 1) * size, (y + 1) * size) for y in range(rows) for x in range(columns)]


def geometric_boundary(cells, selected):
    """Perimeter of the union of the selected cells, in metres: the boundary a planner sees on the map."""
    chosen = [cell for cell, flag in zip(cells, selected) if flag]
    return unary_union(chosen).length if chosen else 0.0


def random_problem(seed, count=12, features=3, status=None):
    generator = np.random.default_rng(seed)
    amounts = generator.integers(0, 6, size=(count, features)).astype(float)
    amounts[generator.random((count, features)) < 0.3] = 0.0
    targets = np.round(0.4 * amounts.sum(axis=0), 1)
    return planning.Problem(generator.integers(1, 20, size=count).astype(float), sparse.csr_matrix(amounts),
                            targets, np.zeros(count, dtype=int) if status is None else np.asarray(status),
                            list(range(1, count + 1)), ['f{}'.format(k) for k in range(features)])


def brute_minimum_set(problem, cells, blm):
    """(best objective, its selection) over all 2^n selections meeting the targets and the locks."""
    amounts = problem.amounts.toarray()
    best = (np.inf, None)
    for bits in itertools.product((0, 1), repeat=len(problem.costs)):
        x = np.array(bits, dtype=bool)
        if np.any(x & (problem.status == planning.LOCKED_OUT)) or np.any(~x & (problem.status == planning.LOCKED_IN)):
            continue
        if np.any(amounts[x].sum(axis=0) < problem.targets - 1e-9):
            continue
        value = problem.costs[x].sum() + blm * geometric_boundary(cells, x)
        if value < best[0] - 1e-9:
            best = (value, x)
    return best


@pytest.mark.parametrize('seed', [1, 2, 3])
@pytest.mark.parametrize('blm', [0.0, 0.05])
def test_minimum_set_equals_brute_force_on_twelve_units(seed, blm):
    cells = grid(4, 3)
    problem = random_problem(seed)
    edges = planning.shared_boundaries(cells)
    solution = planning.minimum_set(problem, edges, blm=blm)
    best, _ = brute_minimum_set(problem, cells, blm)
    assert solution.objective == pytest.approx(best, abs=1e-6)
    assert solution.optimal
    assert solution.unmet == []
    assert np.all(solution.shortfall == 0)
    assert solution.boundary == pytest.approx(geometric_boundary(cells, solution.selected))


def test_boundary_penalty_changes_the_plan_toward_compactness():
    """A strong BLM makes a compact block cheaper than scattered cheap units: the plan's boundary shrinks."""
    cells = grid(4, 3)
    problem = random_problem(4)
    edges = planning.shared_boundaries(cells)
    loose = planning.minimum_set(problem, edges, blm=0.0)
    compact = planning.minimum_set(problem, edges, blm=1.0)
    assert compact.boundary < loose.boundary
    assert compact.cost >= loose.cost


def test_locked_units_are_respected_and_optimal():
    cells = grid(4, 3)
    status = [planning.AVAILABLE] * 12
    status[0], status[5], status[7] = planning.LOCKED_IN, planning.LOCKED_OUT, planning.LOCKED_OUT
    problem = random_problem(5, status=status)
    edges = planning.shared_boundaries(cells)
    solution = planning.minimum_set(problem, edges, blm=0.05)
    assert solution.selected[0] and not solution.selected[5] and not solution.selected[7]
    best, _ = brute_minimum_set(problem, cells, 0.05)
    assert solution.objective == pytest.approx(best, abs=1e-6)


def test_linearised_boundary_equals_the_geometry_for_every_subset():
    """boundary(x) from the edge list = perimeter of the union of the selected cells, on all 4096 subsets."""
    cells = grid(4, 3, size=37.5)
    edges = planning.shared_boundaries(cells)
    for bits in itertools.product((0, 1), repeat=12):
        assert planning.boundary_length(bits, edges) == pytest.approx(geometric_boundary(cells, bits))


def test_shared_boundaries_of_irregular_units():
    """Units of different sizes: shared edge lengths and outer edges from the geometry."""
    cells = [box(0, 0, 200, 100), box(200, 0, 300, 50), box(200, 50, 300, 100), box(0, 100, 300, 150)]
    edges = planning.shared_boundaries(cells)
    found = {(int(i), int(j)): length for i, j, length in zip(*edges)}
    assert found[(0, 1)] == pytest.approx(50) and found[(0, 2)] == pytest.approx(50)
    assert found[(0, 3)] == pytest.approx(200) and found[(2, 3)] == pytest.approx(100)
    assert found[(1, 2)] == pytest.approx(100)
    assert (1, 3) not in found
    assert found[(0, 0)] == pytest.approx(300) and found[(1, 1)] == pytest.approx(150)
    assert found[(3, 3)] == pytest.approx(400)


def test_unreachable_target_is_named_and_the_least_shortfall_kept():
    cells = grid(4, 3)
    problem = random_problem(6)
    status = np.zeros(12, dtype=int)
    amounts = problem.amounts.toarray()
    holders = np.flatnonzero(amounts[:, 1] > 0)
    status[holders[:-1]] = planning.LOCKED_OUT
    targets = problem.targets.copy()
    targets[1] = amounts[:, 1].sum() * 0.9
    problem = problem._replace(status=status, targets=targets)
    solution = planning.minimum_set(problem, planning.shared_boundaries(cells))
    assert solution.unmet == [1]
    assert solution.selected[holders[-1]]
    assert solution.shortfall[1] == pytest.approx(targets[1] - amounts[holders[-1], 1])
    assert solution.shortfall[0] == 0 and solution.shortfall[2] == 0


def brute_maximum_utility(problem, cells, budget, blm):
    amounts = problem.amounts.toarray()
    best = -np.inf
    for bits in itertools.product((0, 1), repeat=len(problem.costs)):
        x = np.array(bits, dtype=bool)
        if problem.costs[x].sum() > budget + 1e-9:
            continue
        held = amounts[x].sum(axis=0)
        utility = np.sum(np.minimum(held, problem.targets) / problem.targets)
        best = max(best, utility - blm * geometric_boundary(cells, x))
    return best


@pytest.mark.parametrize('blm', [0.0, 0.001])
def test_maximum_utility_equals_brute_force(blm):
    cells = grid(4, 3)
    problem = random_problem(7)
    budget = problem.costs.sum() * 0.3
    solution = planning.maximum_utility(problem, budget, planning.shared_boundaries(cells), blm=blm)
    assert solution.cost <= budget + 1e-9
    assert solution.objective == pytest.approx(brute_maximum_utility(problem, cells, budget, blm), abs=1e-6)


def zones_problem(seed, count=8, zones=3, features=2):
    generator = np.random.default_rng(seed)
    amounts = generator.integers(0, 5, size=(count, features)).astype(float)
    costs = generator.integers(1, 10, size=(count, zones)).astype(float)
    costs[:, 0] = 0.0
    contributions = np.array([[0.0, 1.0, 0.5]] * features)
    targets = 0.4 * amounts.sum(axis=0)
    zone_targets = np.zeros((features, zones))
    zone_targets[0, 1] = 0.2 * amounts[:, 0].sum()
    boundary_costs = np.array([[0.0, 3.0, 1.0], [3.0, 0.0, 0.5], [1.0, 0.5, 0.0]])
    return planning.ZonesProblem(costs, sparse.csr_matrix(amounts), contributions, targets, zone_targets,
                                 boundary_costs, np.ones((count, zones), dtype=bool), list(range(1, count + 1)),
                                 ['f0', 'f1'], ['available', 'core', 'buffer'])


def brute_zones(problem, cells, blm):
    """The best objective over all Z^n zonings, the boundary cost taken from the geometry: the length shared by
    each pair of units times zeta of their zones, plus the outer edge of the study area."""
    count, zones = problem.costs.shape
    shared = np.array([[cells[i].boundary.intersection(cells[j].boundary).length if i < j else 0.0
                        for j in range(count)] for i in range(count)])
    outer = unary_union(cells).length
    best = np.inf
    for chosen in itertools.product(range(zones), repeat=count):
        chosen = np.array(chosen)
        if not problem.allowed[np.arange(count), chosen].all():
            continue
        held, inside = planning.zone_holdings(problem, chosen)
        if np.any(held < problem.targets - 1e-9) or np.any(inside < problem.zone_targets - 1e-9):
            continue
        boundary = np.sum(shared * problem.boundary_costs[chosen[:, None], chosen[None, :]])
        best = min(best, problem.costs[np.arange(count), chosen].sum() + blm * (boundary + outer))
    return best


@pytest.mark.parametrize('blm', [0.0, 0.02])
def test_zoning_equals_brute_force_with_locks(blm):
    cells = grid(4, 2)
    problem = zones_problem(8)
    allowed = problem.allowed.copy()
    allowed[2] = [False, True, False]  # locked to core
    allowed[5, 1] = False  # never core
    problem = problem._replace(allowed=allowed)
    solution = planning.solve_zones(problem, planning.shared_boundaries(cells), blm=blm)
    assert solution.selected[2] == 1 and solution.selected[5] != 1
    assert solution.objective == pytest.approx(brute_zones(problem, cells, blm), abs=1e-6)
    assert solution.unmet == []


def test_zoning_with_negative_zone_boundary_cost_matches_brute_force():
    """A negative zeta (a reward for core next to buffer) still gives w = x_i x_j."""
    cells = grid(4, 2)
    problem = zones_problem(9)
    costs = problem.boundary_costs.copy()
    costs[1, 2] = costs[2, 1] = -0.5
    problem = problem._replace(boundary_costs=costs)
    solution = planning.solve_zones(problem, planning.shared_boundaries(cells), blm=0.05)
    assert solution.objective == pytest.approx(brute_zones(problem, cells, 0.05), abs=1e-6)


def test_conflicting_zone_targets_give_least_shortfall_and_name_the_feature():
    """Both zones want 80 % of feature f0: each alone is possible, together impossible."""
    cells = grid(4, 2)
    problem = zones_problem(10)
    zone_targets = np.zeros_like(problem.zone_targets)
    total = problem.amounts.toarray()[:, 0].sum()
    zone_targets[0, 1] = zone_targets[0, 2] = 0.8 * total
    problem = problem._replace(zone_targets=zone_targets, targets=np.zeros(2))
    solution = planning.solve_zones(problem, planning.shared_boundaries(cells))
    assert solution.unmet == [0]
    assert solution.shortfall[0] == pytest.approx(0.6 * total, abs=1e-6)


@pytest.mark.parametrize('change, words', [
    (lambda p: p._replace(costs=np.where(np.arange(12) == 3, -1.0, p.costs)), 'Planning unit 4 has the cost -1.0'),
    (lambda p: p._replace(costs=np.where(np.arange(12) == 0, np.nan, p.costs)), 'Planning unit 1 has the cost nan'),
    (lambda p: p._replace(status=np.full(12, 7)), 'status 7'),
    (lambda p: p._replace(targets=np.array([1.0, -2.0, 1.0])), 'Feature "f1" has the target -2.0'),
])
def test_bad_numbers_are_named(change, words):
    with pytest.raises(EngineError, match=words):
        planning.minimum_set(change(random_problem(1)))


def test_target_proportion_above_one_is_refused():
    problem = random_problem(1)
    with pytest.raises(EngineError, match='"f2" has the target proportion 1.5'):
        planning.targets_from_proportions(problem.amounts, [0.3, 0.3, 1.5], problem.feature_names)


def test_time_limit_and_gap_are_checked():
    with pytest.raises(EngineError, match='gap is 2'):
        planning.minimum_set(random_problem(1), gap=2)
    with pytest.raises(EngineError, match='BLM'):
        planning.minimum_set(random_problem(1), blm=float('nan'))


def test_hexagon_neighbours_share_their_edges_despite_rounding():
    """Hexagons computed from their own centres: every inner edge is shared, only the outer ring is exposed."""
    reserve = box(0, 0, 2000, 2000)
    cells = planning.unit_grid(reserve, 300.0, hexagonal=True)
    edges = planning.shared_boundaries(cells)
    outer = edges.first == edges.second
    assert edges.length[outer].sum() == pytest.approx(reserve.length, rel=1e-6)
    assert planning.boundary_length(np.ones(len(cells)), edges) == pytest.approx(reserve.length, rel=1e-6)


def test_edges_whose_vertices_differ_by_rounding_are_still_shared():
    """Units digitised separately: the common edge's vertices differ by a nanometre, and still share 100 m."""
    left = box(0, 0, 100, 100)
    right = Polygon([(100 + 1e-9, 0), (200, 0), (200, 100), (100 - 1e-9, 100)])
    edges = planning.shared_boundaries([left, right])
    found = {(int(i), int(j)): length for i, j, length in zip(*edges)}
    assert found[(0, 1)] == pytest.approx(100, rel=1e-6)
    assert found[(0, 0)] == pytest.approx(300, rel=1e-6)


def test_hexagon_grid_dissolves_without_rounding_slivers():
    cells = planning.unit_grid(box(0, 0, 2000, 1500), 250.0, hexagonal=True)
    union = unary_union(cells)
    assert union.geom_type == 'Polygon' and len(union.interiors) == 0
    assert len(union.simplify(1e-9).exterior.coords) == 5  # the reserve's rectangle, no zigzag left inside


def test_polish_fills_a_hole_and_drops_a_redundant_unit_keeping_targets_and_locks():
    """A plan a solver stopped early with (a ring around an empty centre, plus a costly unit nothing needs) is
    improved one unit at a time; a locked-in unit stays, a locked-out hole stays empty, targets stay met."""
    cells = grid(4, 3)
    edges = planning.shared_boundaries(cells)
    amounts = np.zeros((12, 1))
    amounts[[0, 1, 2, 4, 6, 8, 9, 10], 0] = 1.0
    problem = planning.Problem(np.full(12, 1.0), sparse.csr_matrix(amounts), np.array([8.0]),
                               np.zeros(12, dtype=int), list(range(1, 13)), ['f'])
    ring = np.zeros(12, dtype=bool)
    ring[[0, 1, 2, 4, 6, 8, 9, 10, 11]] = True
    bounds = planning.status_bounds(problem.status)
    polished = planning.polish_selection(ring, problem, problem.targets, bounds, edges, blm=0.05)
    expected = ring.copy()
    expected[5], expected[11] = True, False
    assert polished.tolist() == expected.tolist()
    value = lambda x: problem.costs[x].sum() + 0.05 * geometric_boundary(cells, x)  # noqa: E731
    assert value(polished) < value(ring)
    status = np.zeros(12, dtype=int)
    status[5], status[11] = planning.LOCKED_OUT, planning.LOCKED_IN
    locked = planning.polish_selection(ring, problem._replace(status=status), problem.targets,
                                       planning.status_bounds(status), edges, blm=0.05)
    assert locked.tolist() == ring.tolist()
    assert problem.amounts.T @ polished.astype(float) >= problem.targets


def test_gap_is_recomputed_against_the_proven_bound():
    outcome = planning.Outcome(None, 100.0, 0.1, False, 'time limit', 90.0)
    better = planning.regap(outcome, 95.0)
    assert better.gap == pytest.approx(5.0 / 95.0)
    assert not better.optimal
    assert planning.regap(outcome, 90.0).optimal
    no_bound = outcome._replace(bound=np.nan)
    assert planning.regap(no_bound, 95.0) is no_bound


def test_a_solve_error_in_highs_presolve_is_solved_again_without_presolve(monkeypatch):
    """HiGHS 1.12 (QGIS 3.44's scipy 1.17) stops with 'Solve error' inside its presolve on some small programmes;
    the plan then comes from a second solve without presolve instead of an error."""
    milp, bounds, linear_constraint = planning.milp_solver()
    calls = []

    def presolve_fails(*args, options, **kwargs):
        calls.append(options.get('presolve', True))
        if options.get('presolve', True):
            return type('Result', (), {'status': planning.SOLVER_ERROR, 'x': None,
                                       'message': '(HiGHS Status 4: Solve error)'})()
        return milp(*args, options=options, **kwargs)

    monkeypatch.setattr(planning, 'milp_solver', lambda: (presolve_fails, bounds, linear_constraint))
    programme = planning.Programme(np.array([1.0, 2.0]), sparse.csr_matrix([[1.0, 1.0]]), np.array([1.0]),
                                   np.array([np.inf]), np.zeros(2), np.ones(2), np.ones(2))
    outcome = planning.run_milp(programme, None, 0.0)
    assert calls == [True, False]
    assert outcome.values.round().tolist() == [1.0, 0.0] and outcome.optimal


def ranked_values(problem, cells, blm):
    """Objective of every selection meeting the targets, smallest first (the brute force's ranking)."""
    amounts = problem.amounts.toarray()
    values = []
    for bits in itertools.product((0, 1), repeat=len(problem.costs)):
        x = np.array(bits, dtype=bool)
        if np.all(amounts[x].sum(axis=0) >= problem.targets - 1e-9):
            values.append(problem.costs[x].sum() + blm * geometric_boundary(cells, x))
    return sorted(values)


@pytest.mark.parametrize('seed', [1, 2])
def test_portfolio_holds_the_best_plans_in_order_and_their_selection_frequency(seed):
    """Plan k of the portfolio is the k-th best of all 4 096 selections (brute force), no plan repeats, and the
    frequency is the share of plans selecting each unit."""
    cells = grid(4, 3)
    problem = random_problem(seed)
    solutions, frequency = planning.minimum_set_portfolio(problem, planning.shared_boundaries(cells), 0.05, 4)
    assert [solution.objective for solution in solutions] == pytest.approx(
        ranked_values(problem, cells, 0.05)[:4], abs=1e-6)
    assert len({tuple(solution.selected) for solution in solutions}) == 4
    assert frequency.tolist() == pytest.approx(np.mean([solution.selected for solution in solutions], axis=0))
    for solution in solutions:
        assert np.all(problem.amounts.T @ solution.selected.astype(float) >= problem.targets - 1e-9)


def test_portfolio_stops_when_no_other_plan_meets_the_targets():
    """Two units each holding the whole target of their own feature, a third holding nothing: only the two plans
    with both needed units (with or without the third) meet the targets."""
    problem = planning.Problem(np.array([1.0, 2.0, 3.0]), sparse.csr_matrix(np.array([[1.0, 0], [0, 1.0], [0, 0]])),
                               np.array([1.0, 1.0]), np.zeros(3, dtype=int), [1, 2, 3], ['a', 'b'])
    solutions, frequency = planning.minimum_set_portfolio(problem, plans=5)
    assert [solution.selected.tolist() for solution in solutions] == [[True, True, False], [True, True, True]]
    assert frequency.tolist() == [1.0, 1.0, 0.5]
    with pytest.raises(EngineError, match='number of plans'):
        planning.minimum_set_portfolio(problem, plans=0)


@pytest.mark.parametrize('seed, blm', [(1, 0.01), (7, 0.01), (2, 0.05), (6, 0.05), (1, 0.2)])
def test_lp_guided_plan_meets_targets_and_its_gap_is_a_proven_bound(seed, blm):
    """The plan from fixing the units the LP relaxation settles (here 0 to 8 of 12) is a valid plan no better than
    the optimum, and its bound (the relaxation's optimum) is no more than the optimum (brute force over 4 096
    selections)."""
    cells = grid(4, 3)
    problem = random_problem(seed, features=4)
    edges = planning.shared_boundaries(cells)
    best, _ = brute_minimum_set(problem, cells, blm)
    programme, _ = planning.minimum_set_programme(problem, edges, blm, problem.targets)
    outcome = planning.lp_guided_plan(programme, 12, 60.0)
    selected = np.round(outcome.values[:12]) > 0.5
    assert np.all(problem.amounts.T @ selected.astype(float) >= problem.targets - 1e-9)
    value = problem.costs[selected].sum() + blm * geometric_boundary(cells, selected)
    assert outcome.objective == pytest.approx(value)
    assert outcome.bound <= best + 1e-6 <= value + 2e-6
    assert outcome.gap == pytest.approx((value - outcome.bound) / value)


@pytest.mark.parametrize('seed, blm', [(1, 0.01), (6, 0.05), (2, 0.2)])
def test_time_limited_boundary_problem_still_reaches_the_brute_force_optimum(seed, blm):
    """With a time limit the LP-guided plan comes first; the whole programme then still proves the optimum, also
    where fixing the settled units loses it."""
    cells = grid(4, 3)
    problem = random_problem(seed, features=4)
    solution = planning.minimum_set(problem, planning.shared_boundaries(cells), blm, time_limit=60.0)
    assert solution.objective == pytest.approx(brute_minimum_set(problem, cells, blm)[0], abs=1e-6)
    assert solution.optimal and solution.gap <= planning.PROVEN_GAP


def hexagons(columns=4, rows=3, radius=50.0):
    """Flat-topped hexagons (``radius`` metres from centre to corner) whose corners come from lattice indices, so
    that neighbours share exactly the same corners."""
    height = np.sqrt(3.0) * radius / 2
    cells = []
    for row in range(rows):
        for column in range(columns):
            middle = 2 * row + column % 2 + 1
            x = 1.5 * radius * column
            cells.append(Polygon([(x + radius, middle * height), (x + radius / 2, (middle + 1) * height),
                                  (x - radius / 2, (middle + 1) * height), (x - radius, middle * height),
                                  (x - radius / 2, (middle - 1) * height), (x + radius / 2, (middle - 1) * height)]))
    return cells


def with_areas(problem, cells):
    return problem._replace(areas=planning.planar_areas(cells))


def single_unit_problem(cells):
    """One feature held by unit 5 alone, all of it wanted: the least plan is that one unit."""
    amounts = np.zeros((len(cells), 1))
    amounts[5, 0] = 1.0
    return planning.Problem(np.ones(len(cells)), sparse.csr_matrix(amounts), np.array([1.0]),
                            np.zeros(len(cells), dtype=int), list(range(1, len(cells) + 1)), ['f0'])


@pytest.mark.parametrize('cells', [grid(4, 3), hexagons()], ids=['squares', 'hexagons'])
def test_isoperimetric_cut_holds_for_every_plan_meeting_the_targets(cells):
    """The cut (boundary >= the chord of 2 sqrt(pi A)) is met by every selection of 12 units that meets the targets
    (4 096 selections, z_ij = x_i x_j), and it is tight enough to matter: on the hexagons the one-unit plan has a
    perimeter below 4 sqrt(A), the bound of squares, so a cut taken from squares would fail here."""
    edges = planning.shared_boundaries(cells)
    inner = edges.first != edges.second
    problems = [with_areas(random_problem(seed), cells) for seed in (1, 2, 3)]
    problems.append(with_areas(single_unit_problem(cells), cells))
    below_square_bound = False
    for problem in problems:
        programme, _ = planning.minimum_set_programme(problem, edges, 0.05, problem.targets)
        row = programme.rows[-len(problem.targets) - 1].toarray().ravel()
        limit = programme.lower[-len(problem.targets) - 1]
        assert np.isfinite(limit) and limit > 0
        amounts = problem.amounts.toarray()
        for bits in itertools.product((0, 1), repeat=12):
            x = np.array(bits, dtype=float)
            if np.any(amounts.T @ x < problem.targets - 1e-9):
                continue
            values = np.concatenate([x, x[edges.first[inner]] * x[edges.second[inner]]])
            assert row @ values >= limit - 1e-9
            perimeter, area = geometric_boundary(cells, bits), unary_union(
                [cell for cell, flag in zip(cells, bits) if flag]).area
            assert perimeter >= 2 * np.sqrt(np.pi * area) - 1e-9
            below_square_bound |= perimeter < 4 * np.sqrt(area)
    assert below_square_bound == (cells[0].geom_type == 'Polygon' and len(cells[0].exterior.coords) == 7)


@pytest.mark.parametrize('cells', [grid(4, 3), hexagons()], ids=['squares', 'hexagons'])
@pytest.mark.parametrize('seed, blm', [(1, 0.05), (2, 0.3), (3, 1.0), (6, 3.0)])
def test_minimum_set_with_the_isoperimetric_cut_equals_brute_force(cells, seed, blm):
    """With unit areas the cut is in the programme: the optimum over all 4 096 selections is still found, also
    with a time limit (the LP-guided plan then the whole programme)."""
    problem = with_areas(random_problem(seed, features=4), cells)
    edges = planning.shared_boundaries(cells)
    best, _ = brute_minimum_set(problem, cells, blm)
    for time_limit in (None, 60.0):
        solution = planning.minimum_set(problem, edges, blm, time_limit=time_limit)
        assert solution.objective == pytest.approx(best, abs=1e-6)
        assert solution.optimal


def test_isoperimetric_cut_raises_the_lp_bound_under_a_strong_boundary_penalty():
    """A proportional target is met in the LP relaxation by a thin share of every unit, whose only boundary is the
    outer edge; the cut charges the perimeter such an area needs."""
    cells = grid(4, 3)
    amounts = np.ones((12, 1))
    problem = planning.Problem(np.ones(12), sparse.csr_matrix(amounts), np.array([3.0]), np.zeros(12, dtype=int),
                               list(range(1, 13)), ['f0'])
    edges = planning.shared_boundaries(cells)
    bounds = []
    for areas in (None, planning.planar_areas(cells)):
        programme, _ = planning.minimum_set_programme(problem._replace(areas=areas), edges, 1.0, problem.targets)
        bounds.append(planning.solve_relaxation(programme, 60.0).fun)
    best, _ = brute_minimum_set(problem, cells, 1.0)
    assert bounds[0] == pytest.approx(3 + 0.25 * 1400)  # a quarter of every unit: a quarter of the outer edge
    assert bounds[0] < bounds[1] <= best + 1e-6
    assert bounds[1] == pytest.approx(3 + 2 * np.sqrt(np.pi * 30000), rel=1e-4)  # the circle's perimeter, loosened


def test_planar_areas_are_refused_for_overlapping_units_and_net_of_slivers():
    assert planning.planar_areas([box(0, 0, 200, 100), box(0, 0, 100, 100)]) is None
    areas = planning.planar_areas([box(0, 0, 100, 100), box(100 - 1e-7, 0, 200, 100), box(0, 100, 100, 200)])
    assert areas == pytest.approx([10000 - 1e-5, 10000 + 1e-5 - 1e-5, 10000], abs=1e-9)  # the sliver off both
    assert np.sum(areas[:2]) <= unary_union([box(0, 0, 100, 100), box(100 - 1e-7, 0, 200, 100)]).area
