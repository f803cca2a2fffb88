"""Exact systematic conservation planning: minimum set, maximum utility and zoning as integer programmes.

The formulas are written out in docs/planning.md (Ball et al. 2009 for Marxan's minimum-set problem,
Watts et al. 2009 for Marxan with Zones, Beyer et al. 2016 for the linearised boundary, Schuster et al. 2020
for exact solvers against annealing). Summary:

- planning unit i has a cost c_i >= 0 and a status (0 available, 1 Marxan's "initial include", treated as
  available, 2 locked in, 3 locked out); feature k has an amount r_ik in unit i and an absolute target T_k;
- boundaries are (i, j, b_ij) with i <= j: b_ij (i < j) the length the two units share, b_ii the unit's edge on
  the outer boundary of the study area; units are in metres when computed from geometry, in whatever unit
  Marxan's bound.dat uses otherwise;
- boundary(x) = sum_i x_i (b_ii + sum_{j != i} b_ij) - 2 sum_{i<j} b_ij x_i x_j, made linear with one
  continuous z_ij <= x_i, z_ij <= x_j per shared edge (the objective pushes z_ij up to x_i x_j); with the
  units' areas (boundaries measured from the geometry), the isoperimetric cut boundary >= 2 sqrt(pi x area)
  (its chord over the possible areas) strengthens the LP relaxation;
- zones: one binary x_iz per unit and zone, sum_z x_iz = 1, and per shared edge one w_ij,zz' >= 0 per zone pair
  whose rows sum to x_i and whose columns sum to x_j, so that w_ij,zz' = x_iz x_jz' for any sign of the zone
  boundary cost.

The programmes are solved by HiGHS through scipy.optimize.milp (scipy >= 1.9); with a time limit and a boundary
penalty, a plan guided by the LP relaxation comes first (lp_guided_plan). A target that cannot be met
(too little of the feature outside locked-out units, or zone targets that conflict) is not dropped: the
solution then has the least total shortfall (relative to each target), and the features short of their target
are named in ``Solution.unmet``.
"""

import time
from collections import namedtuple

import numpy as np
import scipy
from scipy import sparse
from shapely.geometry import Polygon, box

from . import coverage
from .geometry import polygonal_part
from .messages import EngineError, N_
from .zones import BUFFER, CORE, TRANSITION

AVAILABLE, INITIAL_INCLUDE, LOCKED_IN, LOCKED_OUT = 0, 1, 2, 3
STATUS_CODES = (AVAILABLE, INITIAL_INCLUDE, LOCKED_IN, LOCKED_OUT)
PROVEN_GAP = 1e-4
"""Relative gap under which HiGHS's answer counts as proven optimal (HiGHS's own default tolerance, 0.01 %)."""
TARGET_TOLERANCE = 1e-9
SETTLED = 1e-6
"""A unit the LP relaxation selects to within this of 0 or 1 is settled (fixed in the LP-guided plan)."""
GUIDED_SHARE = 0.75
"""Share of a time limit the LP-guided plan may take (relaxation and restricted programme); the whole programme
has the rest, and all of it when the restricted programme is solved sooner (docs/planning.md)."""
ISOPERIMETRIC_MARGIN = 1e-5
"""Relative amount the isoperimetric cut is loosened by, so that rounding in the measured edges (shared lengths
within shared_boundaries' tolerance) and in the least-area LP never cuts off a plan."""
SOLVER_TIMEOUT, SOLVER_INFEASIBLE, SOLVER_ERROR = 1, 2, 4

Edges = namedtuple('Edges', 'first second length')
"""Boundaries between planning units: index arrays ``first`` <= ``second`` and the shared ``length``
(first == second: the unit's edge on the outer boundary of the study area)."""

Problem = namedtuple('Problem', 'costs amounts targets status unit_ids feature_names areas', defaults=(None,))
"""A minimum-set or maximum-utility problem: costs (n,), amounts (sparse n x k), absolute targets (k,),
status (n,) Marxan codes, the unit ids and feature names messages use, and ``areas``: (n,) unit areas in the
square of the boundaries' length unit (m2 with boundaries in metres) when the boundaries are the units'
geometric edges (planar_areas), None otherwise (Marxan's bound.dat may hold any numbers). With areas, minimum_set
adds the isoperimetric cut (isoperimetric_block)."""

ZonesProblem = namedtuple('ZonesProblem', 'costs amounts contributions targets zone_targets boundary_costs '
                                          'allowed unit_ids feature_names zone_names')
"""A zoning problem with Z zones: costs (n x Z), amounts (sparse n x k), contributions (k x Z), overall targets
(k,) counting contribution x amount, zone targets (k x Z) counting the amount inside each zone, zone boundary
costs (Z x Z, symmetric), allowed (n x Z booleans: a locked unit allows one zone only)."""

Solution = namedtuple('Solution', 'selected cost boundary objective gap optimal held shortfall unmet status')
"""The answer: ``selected`` (n booleans; for zones the zone index per unit), total cost, boundary (length, or
zone boundary cost for zones), objective value, achieved relative gap, whether optimality is proven (within
PROVEN_GAP), amount held per feature (for zones: counting contributions), shortfall per feature (0 when met),
indices of the features that cannot reach their target, and HiGHS's status message."""


def milp_solver():
    """scipy.optimize's milp, Bounds and LinearConstraint; EngineError when this scipy has no milp (< 1.9)."""
    try:
        from scipy.optimize import Bounds, LinearConstraint, milp
    except ImportError:
        raise EngineError(N_('Exact planning needs scipy 1.9 or later (scipy.optimize.milp, the HiGHS solver); '
                             'this QGIS has scipy {version}. Use QGIS 3.22 or later built with a newer scipy.'),
                          version=scipy.__version__) from None
    return milp, Bounds, LinearConstraint


# --- boundaries --------------------------------------------------------------------------------------------

def shared_boundaries(geometries, tolerance=1e-6):
    """Boundary lengths between polygons, computed from their geometry (metres when the geometries are).

    Parameters
    ----------
    geometries : list of shapely polygons in a metric CRS
    tolerance : float
        Two edges closer than this (metres) count as shared, so that neighbours whose common vertices differ by
        rounding (hexagons computed from their own centres) still share their edge; shared lengths up to ten
        times this are ignored (units meeting at a corner share no edge).

    Returns
    -------
    Edges
        One row per pair of units sharing an edge (i < j, b_ij the common length) and one row (i, i) per unit
        with part of its perimeter on the study area's outer edge (b_ii = perimeter - shared lengths).
    """
    tree = coverage.build_tree(geometries)
    boundaries = [geometry.boundary for geometry in geometries]
    first, second, length = [], [], []
    shared_total = np.zeros(len(geometries))
    for i, geometry in enumerate(geometries):
        for j in coverage.query_indices(tree, box(*geometry.bounds).buffer(tolerance, 1)):
            if j <= i:
                continue
            common = shared_length(boundaries[i], geometries[j], boundaries[j], tolerance)
            if common > 10 * tolerance:
                first.append(i)
                second.append(int(j))
                length.append(common)
                shared_total[i] += common
                shared_total[j] += common
    outer = np.array([geometry.length for geometry in geometries]) - shared_total
    for i in np.flatnonzero(outer > 10 * tolerance):
        first.append(int(i))
        second.append(int(i))
        length.append(float(outer[i]))
    return make_edges(first, second, length)


def shared_length(boundary, neighbour, neighbour_boundary, tolerance):
    """Length of ``boundary`` along a neighbour: exact where the two share vertices, else the length of
    ``boundary`` within ``tolerance`` of the neighbour (vertices that differ by rounding)."""
    exact = boundary.intersection(neighbour_boundary).length
    if exact > 10 * tolerance:
        return exact
    return boundary.intersection(neighbour.buffer(tolerance, 1)).length


def planar_areas(geometries, tolerance=1e-6):
    """Areas of the planning units (m2 for geometries in a metric CRS) for the isoperimetric cut, or None when two
    units overlap by more than a sliver.

    Two overlapping units can share an edge on the same side, where boundary_length takes off an edge that stays on
    the outline, and their areas add up to more than their union's: no area bound holds then. A sliver (an overlap
    of at most ``tolerance`` metres times the shorter perimeter, from rounded common vertices) is taken off both
    units' areas, so that the areas of any selection add up to no more than the area of its union.
    """
    tree = coverage.build_tree(geometries)
    areas = np.array([geometry.area for geometry in geometries], dtype=float)
    for i, geometry in enumerate(geometries):
        for j in coverage.query_indices(tree, box(*geometry.bounds)):
            if j <= i or not geometry.relate_pattern(geometries[j], '2********'):
                continue
            overlap = geometry.intersection(geometries[j]).area
            if overlap > tolerance * min(geometry.length, geometries[j].length):
                return None
            areas[[i, j]] -= overlap
    return np.maximum(areas, 0.0)


def make_edges(first, second, length):
    """Edges from three sequences; pairs are ordered (first <= second) and repeated pairs summed."""
    first, second = np.asarray(first, dtype=np.int64), np.asarray(second, dtype=np.int64)
    low, high = np.minimum(first, second), np.maximum(first, second)
    length = np.asarray(length, dtype=float)
    if len(low) == 0:
        return Edges(low, high, length)
    pairs, inverse = np.unique(np.stack([low, high], axis=1), axis=0, return_inverse=True)
    summed = np.bincount(inverse.ravel(), weights=length, minlength=len(pairs))
    return Edges(pairs[:, 0], pairs[:, 1], summed)


def boundary_length(selected, edges):
    """Boundary of the selected units: sum_i x_i (b_ii + sum_j b_ij) - 2 sum_{i<j} b_ij x_i x_j (edges' unit)."""
    x = np.asarray(selected, dtype=float)
    if len(edges.length) == 0:
        return 0.0
    outer = edges.first == edges.second
    length = edges.length
    exposed = np.sum(length[outer] * x[edges.first[outer]])
    inner = ~outer
    one_side = x[edges.first[inner]] + x[edges.second[inner]] - 2 * x[edges.first[inner]] * x[edges.second[inner]]
    return float(exposed + np.sum(length[inner] * one_side))


def zone_boundary_cost(zones, edges, boundary_costs):
    """Zone boundary cost of a zoning: sum over shared edges of b_ij zeta(zone_i, zone_j), plus the outer edges
    b_ii (Marxan with Zones counts them whatever the zone)."""
    zones = np.asarray(zones, dtype=int)
    outer = edges.first == edges.second
    inner = ~outer
    zeta = np.asarray(boundary_costs, dtype=float)[zones[edges.first[inner]], zones[edges.second[inner]]]
    return float(edges.length[outer].sum() + np.sum(edges.length[inner] * zeta))


def unit_degree(edges, count):
    """b_ii + sum_{j != i} b_ij for every unit (the boundary a unit has when selected alone)."""
    degree = np.bincount(edges.first, weights=edges.length, minlength=count)
    inner = edges.first != edges.second
    return degree + np.bincount(edges.second[inner], weights=edges.length[inner], minlength=count)


# --- checks ------------------------------------------------------------------------------------------------

def check_problem(problem):
    """Raise an EngineError naming the first unit or feature with bad numbers (NaN, negative cost or amount,
    unknown status, negative or NaN target)."""
    costs = np.asarray(problem.costs, dtype=float)
    for index in np.flatnonzero(~np.isfinite(costs) | (costs < 0))[:1]:
        raise EngineError(N_('Planning unit {unit} has the cost {cost}: costs must be numbers of 0 or more. '
                             'Correct the cost of that unit.'), unit=problem.unit_ids[index], cost=costs[index])
    for index in np.flatnonzero(~np.isin(problem.status, STATUS_CODES))[:1]:
        raise EngineError(N_('Planning unit {unit} has the status {status}; Marxan\'s codes are 0 (available), '
                             '1 (initial include, treated as available), 2 (locked in) and 3 (locked out).'),
                          unit=problem.unit_ids[index], status=problem.status[index])
    check_amounts(problem.amounts, problem.unit_ids, problem.feature_names)
    check_targets(problem.targets, problem.feature_names)


def check_amounts(amounts, unit_ids, feature_names):
    """Raise an EngineError naming a unit and feature with a negative or NaN amount."""
    coo = sparse.coo_matrix(amounts)
    bad = np.flatnonzero(~np.isfinite(coo.data) | (coo.data < 0))
    if len(bad):
        raise EngineError(N_('Planning unit {unit} has the amount {amount} of feature "{feature}": amounts must be '
                             'numbers of 0 or more.'), unit=unit_ids[coo.row[bad[0]]],
                          amount=coo.data[bad[0]], feature=feature_names[coo.col[bad[0]]])


def check_targets(targets, feature_names):
    """Raise an EngineError naming a feature with a negative or NaN target."""
    targets = np.asarray(targets, dtype=float)
    for index in np.flatnonzero(~np.isfinite(targets) | (targets < 0))[:1]:
        raise EngineError(N_('Feature "{feature}" has the target {target}: targets must be numbers of 0 or more.'),
                          feature=feature_names[index], target=targets[index])


def targets_from_proportions(amounts, proportions, feature_names):
    """Absolute targets: each proportion (0-1) times the feature's total amount over all planning units.

    Raises an EngineError naming a feature whose proportion is above 1 (100 %) or negative.
    """
    proportions = np.asarray(proportions, dtype=float)
    for index in np.flatnonzero(~np.isfinite(proportions) | (proportions < 0) | (proportions > 1))[:1]:
        raise EngineError(N_('Feature "{feature}" has the target proportion {value}: proportions go from 0 to 1 '
                             '(0 % to 100 % of the feature\'s total amount).'),
                          feature=feature_names[index], value=proportions[index])
    return proportions * np.asarray(amounts.sum(axis=0)).ravel()


# --- solving -----------------------------------------------------------------------------------------------

Programme = namedtuple('Programme', 'objective rows lower upper var_lower var_upper integrality')
"""A MILP in scipy's form: minimise objective @ v subject to lower <= rows @ v <= upper, bounds, integrality."""

Outcome = namedtuple('Outcome', 'values objective gap optimal status bound')
"""HiGHS's answer: variable values, objective, achieved relative gap, proven optimal, status message, and the
proven lower bound on the optimum (the MIP dual bound; NaN when HiGHS reports none)."""


def run_milp(programme, time_limit, gap, log=False):
    """Solve ``programme`` with HiGHS; None when infeasible. Raises an EngineError when no solution is found in
    ``time_limit`` seconds (None: no limit) or HiGHS fails. ``log``: HiGHS prints its progress to stdout.

    HiGHS 1.12 (scipy 1.17) stops with "Solve error" on some small programmes inside its presolve (seen on an exact
    OECM selection of 9 sites); the same programme without presolve solves to the optimum, so that is tried once.
    """
    options = {'mip_rel_gap': float(gap), 'disp': bool(log)}
    if time_limit:
        options['time_limit'] = float(time_limit)
    result = _milp(programme, options)
    if result.status == SOLVER_ERROR and result.x is None:
        result = _milp(programme, dict(options, presolve=False))
    if result.status == SOLVER_INFEASIBLE:
        return None
    if result.x is None:
        if result.status == SOLVER_TIMEOUT:
            raise EngineError(N_('The solver found no solution within the time limit of {seconds} s. Allow more '
                                 'time (TIME_LIMIT) or a larger GAP.'), seconds=time_limit)
        raise EngineError(N_('The solver failed: {message}'), message=result.message)
    achieved = float(result.mip_gap) if getattr(result, 'mip_gap', None) is not None else np.nan
    bound = float(result.mip_dual_bound) if getattr(result, 'mip_dual_bound', None) is not None else np.nan
    optimal = result.status == 0 and np.isfinite(achieved) and achieved <= PROVEN_GAP
    return Outcome(result.x, float(result.fun), achieved, bool(optimal), result.message, bound)


def _milp(programme, options):
    milp, bounds, linear_constraint = milp_solver()
    return milp(programme.objective, integrality=programme.integrality,
                bounds=bounds(programme.var_lower, programme.var_upper),
                constraints=[linear_constraint(programme.rows, programme.lower, programme.upper)], options=options)


def solve_with_least_shortfall(programme, target_rows, targets, time_limit, gap, log=False):
    """Solve ``programme`` whose last len(targets) rows are the targets (``target_rows`` @ v >= targets).

    When the targets cannot all be met, first find the least total relative shortfall sum_k s_k / T_k, then the
    best objective among solutions with that shortfall. Returns (Outcome, shortfall variables or zeros).
    """
    outcome = run_milp(programme, time_limit, gap, log)
    if outcome is not None:
        return outcome, np.zeros(len(targets))
    count, variables = len(targets), len(programme.objective)
    scale = np.where(targets > 0, 1.0 / np.maximum(targets, TARGET_TOLERANCE), 0.0)
    rows = sparse.vstack([
        sparse.hstack([programme.rows[:-count], sparse.csr_matrix((programme.rows.shape[0] - count, count))]),
        sparse.hstack([target_rows, sparse.identity(count)]),
    ]).tocsr()
    extended = programme._replace(
        rows=rows, objective=np.concatenate([np.zeros(variables), scale]),
        var_lower=np.concatenate([programme.var_lower, np.zeros(count)]),
        var_upper=np.concatenate([programme.var_upper, targets]),
        integrality=np.concatenate([programme.integrality, np.zeros(count)]))
    least = run_milp(extended, time_limit, gap)
    if least is None:
        raise EngineError(N_('The planning units that are locked in and out leave no possible solution.'))
    limit = least.objective * (1 + 1e-7) + 1e-9
    second = extended._replace(
        objective=np.concatenate([programme.objective, np.zeros(count)]),
        rows=sparse.vstack([rows, sparse.hstack([sparse.csr_matrix((1, variables)),
                                                 sparse.csr_matrix(scale[None, :])])]).tocsr(),
        lower=np.concatenate([programme.lower, [-np.inf]]), upper=np.concatenate([programme.upper, [limit]]))
    outcome = run_milp(second, time_limit, gap) or least
    return outcome._replace(values=outcome.values[:variables]), outcome.values[variables:]


def boundary_block(edges, count, penalty):
    """The z_ij part of a boundary-penalised programme: objective of x (penalty x degree), objective of z
    (-2 penalty b_ij), and the rows z_ij - x_i <= 0, z_ij - x_j <= 0 (as a sparse matrix over [x, z])."""
    inner = np.flatnonzero(edges.first != edges.second)
    pairs = len(inner)
    degree = penalty * unit_degree(edges, count)
    rows = np.arange(2 * pairs)
    z_columns = count + np.tile(np.arange(pairs), 2)
    x_columns = np.concatenate([edges.first[inner], edges.second[inner]])
    matrix = sparse.csr_matrix(
        (np.concatenate([np.ones(2 * pairs), -np.ones(2 * pairs)]),
         (np.concatenate([rows, rows]), np.concatenate([z_columns, x_columns]))), shape=(2 * pairs, count + pairs))
    return degree, -2.0 * penalty * edges.length[inner], matrix


def isoperimetric_block(problem, edges, targets, bounds):
    """The isoperimetric cut as ([one row over [x, z]], its lower limit), or ([], None) without unit areas.

    When the boundaries are the units' geometric edges (``problem.areas`` given), the boundary of a plan is the
    perimeter of the union of its units, and no planar set of area A has a perimeter below h(A) = 2 sqrt(pi A)
    (the circle's). Every plan meeting ``targets`` within the locks (``bounds``: lower and upper bounds of x) has an
    area between A_min (the least-area LP relaxation: a lower bound of it) and A_max (every unit not locked out);
    h is concave, so its chord over [A_min, A_max] lies below it there, and every plan satisfies

        sum_i x_i (b_ii + sum_j b_ij) - 2 sum_{i<j} b_ij z_ij >= h(A_min) + slope (sum_i a_i x_i - A_min)

    (z_ij <= x_i x_j only raises the left side). The LP relaxation can pay far less boundary: a thin share of
    every unit meets proportional targets with the outer edge as its only boundary. Loosened by
    ISOPERIMETRIC_MARGIN.
    """
    if problem.areas is None or edges is None:
        return [], None
    from scipy.optimize import linprog
    areas = np.asarray(problem.areas, dtype=float)
    lower, upper = bounds
    least = linprog(areas, A_ub=-sparse.csr_matrix(problem.amounts).T, b_ub=-np.asarray(targets, dtype=float),
                    bounds=np.column_stack([lower, upper]), method='highs')
    if least.status != 0:
        return [], None
    smallest, largest = max(float(least.fun), 0.0) * (1 - ISOPERIMETRIC_MARGIN), float(np.dot(areas, upper))

    def perimeter(area):
        return 2.0 * np.sqrt(np.pi * area) * (1 - ISOPERIMETRIC_MARGIN)

    slope = (perimeter(largest) - perimeter(smallest)) / (largest - smallest) if largest > smallest else 0.0
    count = len(areas)
    inner = edges.first != edges.second
    row = np.concatenate([unit_degree(edges, count) - slope * areas, -2.0 * edges.length[inner]])
    return [sparse.csr_matrix(row[None, :])], perimeter(smallest) - slope * smallest


def penalised_objective(costs, edges, blm):
    """(objective of x: costs + blm x each unit's whole edge, objective of the z_ij, [their rows] or []): the
    boundary penalty of boundary_block, or the bare costs without edges or BLM."""
    objective = np.asarray(costs, dtype=float).copy()
    if not blm > 0 or edges is None or not len(edges.length):
        return objective, np.zeros(0), []
    degree, z_objective, block = boundary_block(edges, len(objective), blm)
    return objective + degree, z_objective, [block]


def status_bounds(status):
    """Lower and upper bounds of x from the status: locked in fixes 1, locked out fixes 0."""
    status = np.asarray(status)
    return (status == LOCKED_IN).astype(float), (status != LOCKED_OUT).astype(float)


def unreachable_targets(amounts, upper, targets):
    """Targets capped at what the units that may be selected hold, and the indices of capped features."""
    available = np.asarray(sparse.csr_matrix(amounts).T @ upper).ravel()
    short = np.flatnonzero(targets > available * (1 + TARGET_TOLERANCE) + TARGET_TOLERANCE)
    return np.minimum(targets, available), short


def minimum_set(problem, edges=None, blm=0.0, time_limit=None, gap=0.0, log=False, excluded=()):
    """Minimise sum_i c_i x_i + blm x boundary(x) subject to sum_i r_ik x_i >= T_k (Ball et al. 2009).

    Parameters
    ----------
    problem : Problem
    edges : Edges or None
        Boundaries (needed when ``blm`` > 0).
    blm : float
        Boundary length modifier: cost per unit of boundary length (>= 0).
    time_limit : float or None
        Seconds HiGHS may run; the best solution found so far is returned (``optimal`` False).
    gap : float
        Relative optimality gap at which HiGHS may stop (0.01 = within 1 % of the optimum).
    log : bool
        Let HiGHS print its progress (bounds and gap over time) to stdout.
    excluded : sequence of (n,) boolean selections
        Plans the answer must differ from (minimum_set_portfolio).

    Returns
    -------
    Solution or None
        Unreachable targets are capped at what is available; those features are listed in ``unmet``. None when
        every plan meeting the targets is in ``excluded``.

    Raises
    ------
    EngineError
        Bad numbers in the problem, or no solution found in the time limit.
    """
    check_problem(problem)
    check_solver_settings(blm, time_limit, gap)
    count = len(problem.costs)
    lower, upper = status_bounds(problem.status)
    targets, unmet = unreachable_targets(problem.amounts, upper, np.asarray(problem.targets, dtype=float))
    programme, target_rows = minimum_set_programme(problem, edges, blm, targets)
    if len(excluded):
        outcome, shortfall = run_milp(excluding(programme, excluded, len(targets)), time_limit, gap, log), 0.0
        if outcome is None:
            return None
    elif time_limit and len(programme.objective) > count:  # z_ij variables: a boundary penalty
        outcome, shortfall = guided_then_whole(programme, target_rows, targets, count, time_limit, gap, log)
    else:
        outcome, shortfall = solve_with_least_shortfall(programme, target_rows, targets, time_limit, gap, log)
    selected = np.round(outcome.values[:count]) > 0.5
    if not np.any(shortfall):
        polished = polish_selection(selected, problem, targets, (lower, upper), edges, blm)
        if not any(np.array_equal(polished, plan) for plan in excluded):
            selected = polished
            outcome = regap(outcome, float(np.dot(problem.costs, selected)) + blm * boundary_of(selected, edges))
    return describe_selection(problem, selected, edges, blm, outcome, unmet)


def solve_relaxation(programme, time_limit):
    """scipy.optimize.linprog's result for the LP relaxation of ``programme`` (HiGHS, at most ``time_limit`` s):
    ``x``, ``fun`` (a lower bound on every plan when ``status`` is 0) and the reduced costs in ``lower.marginals``
    and ``upper.marginals``."""
    from scipy.optimize import linprog
    at_most, at_least = np.isfinite(programme.upper), np.isfinite(programme.lower)
    rows = sparse.vstack([programme.rows[at_most], -programme.rows[at_least]]).tocsr()
    right = np.concatenate([programme.upper[at_most], -programme.lower[at_least]])
    return linprog(programme.objective, A_ub=rows, b_ub=right, method='highs',
                   bounds=np.column_stack([programme.var_lower, programme.var_upper]),
                   options={'time_limit': float(time_limit)})


def lp_guided_plan(programme, count, time_limit, log=False):
    """A plan guided by the LP relaxation: the units it selects wholly or not at all (within SETTLED) are fixed so
    and HiGHS chooses among the units it selects in part. The relaxation's optimum is a lower bound on every plan,
    so the gap returned is proven. Half of ``time_limit`` (s) at most goes to the relaxation; the restricted
    programme is solved with no gap to stop at: its own bound is not one of the whole problem, and HiGHS 1.2 finds
    better plans in it so (docs/planning.md).

    Returns an Outcome (``bound``: the relaxation's optimum), or None when the relaxation or the restricted
    programme gives no answer in time.
    """
    start = time.monotonic()
    relaxation = solve_relaxation(programme, time_limit / 2)
    if relaxation.status != 0:
        return None
    share = relaxation.x[:count]
    settled = np.flatnonzero((share < SETTLED) | (share > 1 - SETTLED))
    lower, upper = programme.var_lower.copy(), programme.var_upper.copy()
    lower[settled] = upper[settled] = np.round(share[settled])
    remaining = time_limit - (time.monotonic() - start)
    try:
        restricted = run_milp(programme._replace(var_lower=lower, var_upper=upper), max(remaining, 1.0), 0.0, log)
    except EngineError:
        return None
    if restricted is None:
        return None
    achieved = proven_gap(restricted.objective, float(relaxation.fun))
    return restricted._replace(bound=float(relaxation.fun), gap=achieved, optimal=achieved <= PROVEN_GAP)


def guided_then_whole(programme, target_rows, targets, count, time_limit, gap, log=False):
    """Solve a boundary-penalised ``programme`` in ``time_limit`` seconds: the LP-guided plan in GUIDED_SHARE of it,
    kept at once when proven within ``gap``; else HiGHS on the whole programme for the rest of the time. Returns
    (Outcome with the better plan against the better of the two proven bounds, shortfall as
    solve_with_least_shortfall)."""
    start = time.monotonic()
    guided = lp_guided_plan(programme, count, GUIDED_SHARE * time_limit, log)
    if guided is not None and guided.gap <= gap:
        return guided, np.zeros(len(targets))
    remaining = max(time_limit - (time.monotonic() - start), 1.0)
    try:
        whole, shortfall = solve_with_least_shortfall(programme, target_rows, targets, remaining, gap, log)
    except EngineError:
        if guided is None:
            raise
        return guided, np.zeros(len(targets))
    if guided is None or np.any(shortfall):
        return whole, shortfall
    bound = float(np.nanmax([guided.bound, whole.bound]))
    best = guided if guided.objective < whole.objective else whole
    achieved = proven_gap(best.objective, bound)
    return best._replace(bound=bound, gap=achieved, optimal=best.optimal or achieved <= PROVEN_GAP), shortfall


def excluding(programme, plans, target_count):
    """``programme`` (the last ``target_count`` rows its targets) with one row per plan S forbidding it:
    sum_{i in S} x_i - sum_{i not in S} x_i <= |S| - 1, so any other plan, and only those, stays possible."""
    plans = np.asarray(plans, dtype=bool)
    signs = np.where(plans, 1.0, -1.0)
    extra = programme.rows.shape[1] - plans.shape[1]
    cuts = sparse.hstack([sparse.csr_matrix(signs), sparse.csr_matrix((len(plans), extra))])
    split = programme.rows.shape[0] - target_count
    return programme._replace(
        rows=sparse.vstack([programme.rows[:split], cuts, programme.rows[split:]]).tocsr(),
        lower=np.concatenate([programme.lower[:split], np.full(len(plans), -np.inf), programme.lower[split:]]),
        upper=np.concatenate([programme.upper[:split], plans.sum(axis=1) - 1.0, programme.upper[split:]]))


def minimum_set_portfolio(problem, edges=None, blm=0.0, plans=1, time_limit=None, gap=0.0):
    """Up to ``plans`` minimum-set plans, each the best (within ``gap``) among the plans that differ from all
    before it: the optimum, then the second best, and so on (prioritizr's cuts portfolio).

    Parameters as in minimum_set; ``time_limit`` applies to each plan. Returns (list of Solution, selection
    frequency per unit: the share of the plans that select it). Fewer plans when no other plan meets the targets.
    """
    if plans < 1:
        raise EngineError(N_('The number of plans is {count}: give 1 or more.'), count=plans)
    solutions = [minimum_set(problem, edges, blm, time_limit, gap)]
    while len(solutions) < plans:
        solution = minimum_set(problem, edges, blm, time_limit, gap,
                               excluded=[found.selected for found in solutions])
        if solution is None:
            break
        solutions.append(solution)
    return solutions, np.mean([found.selected for found in solutions], axis=0)


def minimum_set_programme(problem, edges, blm, targets):
    """(Programme, target rows over [x, z]) of the minimum-set problem: variables x (one per unit, bounded by the
    status) then z (one per shared edge); rows z_ij - x_i <= 0, z_ij - x_j <= 0, the isoperimetric cut when the
    problem has unit areas, then the targets (absolute, already capped at what is available)."""
    count = len(problem.costs)
    lower, upper = status_bounds(problem.status)
    objective, z_objective, blocks = penalised_objective(problem.costs, edges, blm)
    extra = len(z_objective)
    cut, cut_lower = isoperimetric_block(problem, edges, targets, (lower, upper)) if blocks else ([], None)
    target_rows = sparse.csr_matrix(problem.amounts).T
    target_rows = sparse.hstack([target_rows, sparse.csr_matrix((target_rows.shape[0], extra))]).tocsr()
    rows = sparse.vstack(blocks + cut + [target_rows]).tocsr()
    row_count = rows.shape[0] - len(targets) - len(cut)
    programme = Programme(
        np.concatenate([objective, z_objective]), rows,
        np.concatenate([np.full(row_count, -np.inf), [cut_lower] * len(cut), targets]),
        np.concatenate([np.zeros(row_count), np.full(len(cut) + len(targets), np.inf)]),
        np.concatenate([lower, np.zeros(extra)]), np.concatenate([upper, np.ones(extra)]),
        np.concatenate([np.ones(count), np.zeros(extra)]))
    return programme, target_rows


def boundary_of(selected, edges):
    """boundary_length, or 0 without edges."""
    return boundary_length(selected, edges) if edges is not None else 0.0


def neighbour_lengths(edges, count):
    """Symmetric sparse (count x count) matrix of the lengths b_ij shared by units i != j."""
    if edges is None:
        return sparse.csr_matrix((count, count))
    inner = edges.first != edges.second
    first, second, length = edges.first[inner], edges.second[inner], edges.length[inner]
    return sparse.csr_matrix((np.concatenate([length, length]), (np.concatenate([first, second]),
                                                                 np.concatenate([second, first]))),
                             shape=(count, count))


def polish_selection(selected, problem, targets, bounds, edges, blm):
    """Improve a plan by single-unit moves until none lowers cost + blm x boundary: drop a selected unit whose
    cost and exposed edge outweigh what it shares with selected neighbours, when every target stays met; add an
    unselected unit whose edges shared with selected neighbours save more than it costs (a hole in the plan).

    HiGHS stops at the time limit or gap with whatever plan it has; these moves never make it worse, keep the
    locks (``bounds``: lower and upper bounds of x from status_bounds) and every target in ``targets``.
    Returns the selection (booleans).
    """
    count = len(selected)
    x = selected.astype(float)
    amounts = sparse.csr_matrix(problem.amounts)
    held = np.asarray(amounts.T @ x).ravel()
    floor = targets - TARGET_TOLERANCE * np.maximum(targets, 1.0)
    neighbours = neighbour_lengths(edges, count)
    shared = neighbours @ x
    degree = unit_degree(edges, count) if edges is not None else np.zeros(count)
    costs = np.asarray(problem.costs, dtype=float)
    lower, upper = bounds
    improved = True
    while improved:
        improved = False
        change = costs + blm * (degree - 2 * shared)
        signed = np.where(x > 0, -change, change)
        for unit in np.flatnonzero(signed < 0)[np.argsort(signed[signed < 0])]:
            adding = x[unit] == 0
            gain = costs[unit] + blm * (degree[unit] - 2 * shared[unit])
            tolerance = 1e-9 * (1.0 + abs(gain))
            features = slice(amounts.indptr[unit], amounts.indptr[unit + 1])
            columns, amount = amounts.indices[features], amounts.data[features]
            if adding and gain < -tolerance and upper[unit] > 0:
                step = 1.0
            elif not adding and gain > tolerance and lower[unit] == 0 and np.all(
                    held[columns] - amount >= floor[columns]):
                step = -1.0
            else:
                continue
            x[unit] += step
            held[columns] += step * amount
            row = slice(neighbours.indptr[unit], neighbours.indptr[unit + 1])
            shared[neighbours.indices[row]] += step * neighbours.data[row]
            improved = True
    return x > 0.5


def regap(outcome, objective):
    """``outcome`` with the gap recomputed for a plan of ``objective`` against HiGHS's proven lower bound
    (HiGHS's definition: (plan - bound) / |plan|); unchanged when HiGHS gave no bound."""
    if not np.isfinite(outcome.bound) or objective > outcome.objective:
        return outcome
    achieved = proven_gap(objective, outcome.bound)
    return outcome._replace(objective=objective, gap=achieved, optimal=outcome.optimal or achieved <= PROVEN_GAP)


def proven_gap(objective, bound):
    """(plan - bound) / |plan|, HiGHS's relative gap, 0 when the plan reaches the bound."""
    return max(objective - bound, 0.0) / max(abs(objective), 1e-12)


def describe_selection(problem, selected, edges, blm, outcome, unmet, objective=None):
    """A Solution for a 0/1 selection: cost, boundary, held amounts and shortfalls recomputed from ``selected``."""
    targets = np.asarray(problem.targets, dtype=float)
    held = np.asarray(sparse.csr_matrix(problem.amounts).T @ selected.astype(float)).ravel()
    cost = float(np.dot(problem.costs, selected))
    boundary = boundary_of(selected, edges)
    shortfall = np.maximum(targets - held, 0.0)
    shortfall[shortfall <= TARGET_TOLERANCE * np.maximum(targets, 1.0)] = 0.0
    value = cost + blm * boundary if objective is None else objective
    return Solution(selected, cost, boundary, float(value), outcome.gap, outcome.optimal, held, shortfall,
                    [int(index) for index in unmet], outcome.status)


def maximum_utility(problem, budget, edges=None, blm=0.0, weights=None, time_limit=None, gap=0.0):
    """Maximise sum_k w_k min(sum_i r_ik x_i, T_k) / T_k - blm x boundary(x) subject to sum_i c_i x_i <= budget.

    Parameters
    ----------
    problem : Problem
    budget : float
        The most the selected units may cost, in the costs' unit.
    edges, blm, time_limit, gap : as in minimum_set
    weights : (k,) array or None
        Weight of each feature (default 1). Features with a target of 0 add nothing.

    Returns
    -------
    Solution
        Its objective is the utility minus the boundary penalty; ``unmet`` lists the features short of their
        target.

    Raises
    ------
    EngineError
        Bad numbers, a negative budget, or locked-in units that cost more than the budget.
    """
    check_problem(problem)
    check_solver_settings(blm, time_limit, gap)
    if not np.isfinite(budget) or budget < 0:
        raise EngineError(N_('The budget is {budget}: give a number of 0 or more, in the unit of the costs.'),
                          budget=budget)
    count = len(problem.costs)
    targets = np.asarray(problem.targets, dtype=float)
    features = len(targets)
    weights = np.ones(features) if weights is None else np.asarray(weights, dtype=float)
    lower, upper = status_bounds(problem.status)
    locked_cost = float(np.dot(problem.costs, lower))
    if locked_cost > budget * (1 + 1e-12):
        raise EngineError(N_('The locked-in planning units cost {cost}, more than the budget {budget}. Raise the '
                             'budget or unlock units.'), cost=locked_cost, budget=budget)
    counted = targets > 0
    y_objective = -np.where(counted, weights / np.where(counted, targets, 1.0), 0.0)
    objective, z_objective, blocks = penalised_objective(np.zeros(count), edges, blm)
    extra = len(z_objective)
    pad = [sparse.hstack([block, sparse.csr_matrix((block.shape[0], features))]) for block in blocks]
    held_rows = sparse.hstack([-sparse.csr_matrix(problem.amounts).T, sparse.csr_matrix((features, extra)),
                               sparse.identity(features)])
    budget_row = sparse.csr_matrix(np.concatenate([problem.costs, np.zeros(extra + features)])[None, :])
    rows = sparse.vstack(pad + [held_rows, budget_row]).tocsr()
    programme = Programme(
        np.concatenate([objective, z_objective, y_objective]), rows,
        np.full(rows.shape[0], -np.inf),
        np.concatenate([np.zeros(rows.shape[0] - 1), [budget]]),
        np.concatenate([lower, np.zeros(extra + features)]),
        np.concatenate([upper, np.ones(extra), targets]),
        np.concatenate([np.ones(count), np.zeros(extra + features)]))
    outcome = run_milp(programme, time_limit, gap)
    selected = np.round(outcome.values[:count]) > 0.5
    held = np.asarray(sparse.csr_matrix(problem.amounts).T @ selected.astype(float)).ravel()
    utility = float(np.sum(np.where(counted, weights * np.minimum(held, targets) / np.where(counted, targets, 1),
                                    0.0)))
    boundary = boundary_of(selected, edges)
    unmet = np.flatnonzero(held < targets * (1 - TARGET_TOLERANCE))
    return describe_selection(problem, selected, edges, blm, outcome, unmet, utility - blm * boundary)


def check_solver_settings(blm, time_limit, gap):
    """Raise an EngineError for a negative or NaN BLM, time limit or gap."""
    for template, value in ((N_('The boundary penalty (BLM) is {value}: give a number of 0 or more.'), blm),
                            (N_('The time limit is {value} s: give a number of seconds of 0 or more (0: no '
                                'limit).'), 0 if time_limit is None else time_limit),
                            (N_('The gap is {value}: give a relative gap from 0 to 1 (0.01 = within 1 % of the '
                                'optimum).'), gap)):
        if not np.isfinite(value) or value < 0:
            raise EngineError(template, value=value)
    if gap > 1:
        raise EngineError(N_('The gap is {value}: give a relative gap from 0 to 1 (0.01 = within 1 % of the '
                             'optimum).'), value=gap)


# --- zones -------------------------------------------------------------------------------------------------

def check_zones_problem(problem):
    """Raise an EngineError for bad numbers in a ZonesProblem (names the unit, feature or zone)."""
    costs = np.asarray(problem.costs, dtype=float)
    bad = np.argwhere(~np.isfinite(costs) | (costs < 0))
    if len(bad):
        unit, zone = bad[0]
        raise EngineError(N_('Planning unit {unit} costs {cost} in zone "{zone}": costs must be numbers of 0 or '
                             'more.'), unit=problem.unit_ids[unit], cost=costs[unit, zone],
                          zone=problem.zone_names[zone])
    check_amounts(problem.amounts, problem.unit_ids, problem.feature_names)
    check_targets(problem.targets, problem.feature_names)
    zone_targets = np.asarray(problem.zone_targets, dtype=float)
    bad = np.argwhere(~np.isfinite(zone_targets) | (zone_targets < 0))
    if len(bad):
        feature, zone = bad[0]
        raise EngineError(N_('Feature "{feature}" has the target {target} in zone "{zone}": targets must be numbers '
                             'of 0 or more.'), feature=problem.feature_names[feature],
                          target=zone_targets[feature, zone], zone=problem.zone_names[zone])
    for unit in np.flatnonzero(~problem.allowed.any(axis=1))[:1]:
        raise EngineError(N_('Planning unit {unit} is allowed in no zone. Check its lock and allowed zones.'),
                          unit=problem.unit_ids[unit])


def zone_target_rows(problem):
    """Rows over x (x_iz at column i * Z + z) for the overall targets (k rows, contribution-weighted) and the
    zone targets (Z x k rows, zone-major: row k_count + z * k_count + k)."""
    count, zones = problem.costs.shape
    features = len(problem.targets)
    amounts = sparse.coo_matrix(problem.amounts)
    unit, feature, amount = amounts.row, amounts.col, amounts.data
    rows, columns, values = [], [], []
    for zone in range(zones):
        columns += [unit * zones + zone] * 2
        rows += [feature, features + zone * features + feature]
        values += [amount * problem.contributions[feature, zone], amount]
    return sparse.csr_matrix((np.concatenate(values), (np.concatenate(rows), np.concatenate(columns))),
                             shape=(features * (zones + 1), count * zones))


def zone_boundary_block(edges, count, zones, boundary_costs, penalty):
    """The w part of a zoning programme: objective of w (penalty b_ij zeta_zz'), and the equality rows
    sum_z' w_ij,zz' - x_iz = 0 and sum_z w_ij,zz' - x_jz' = 0 over [x, w]."""
    inner = np.flatnonzero(edges.first != edges.second)
    pairs = len(inner)
    zeta = np.asarray(boundary_costs, dtype=float).ravel()
    objective = penalty * np.repeat(edges.length[inner], zones * zones) * np.tile(zeta, pairs)
    w_index = count * zones + np.arange(pairs * zones * zones).reshape(pairs, zones, zones)
    row_parts, column_parts, value_parts = [], [], []
    for side, units in ((0, edges.first[inner]), (1, edges.second[inner])):
        for zone in range(zones):
            row = (side * zones + zone) * pairs + np.arange(pairs)
            w_columns = w_index[:, zone, :] if side == 0 else w_index[:, :, zone]
            row_parts += [np.repeat(row, zones), row]
            column_parts += [w_columns.ravel(), units * zones + zone]
            value_parts += [np.ones(pairs * zones), -np.ones(pairs)]
    matrix = sparse.csr_matrix((np.concatenate(value_parts), (np.concatenate(row_parts),
                                                             np.concatenate(column_parts))),
                               shape=(2 * zones * pairs, count * zones + pairs * zones * zones))
    return objective, matrix


def solve_zones(problem, edges=None, blm=0.0, time_limit=None, gap=0.0):
    """Minimise sum_iz c_iz x_iz + blm x zone boundary cost, each unit in exactly one allowed zone, subject to
    the overall targets sum_iz alpha_kz r_ik x_iz >= T_k and zone targets sum_i r_ik x_iz >= T_kz (Watts et al.
    2009; docs/planning.md, "Zones").

    Parameters
    ----------
    problem : ZonesProblem
    edges : Edges or None
        Boundaries between units (metres, or bound.dat's unit); needed when ``blm`` > 0.
    blm : float
        Multiplier of the zone boundary cost (>= 0).
    time_limit, gap : as in minimum_set

    Returns
    -------
    Solution
        ``selected`` is the zone index per unit, ``boundary`` the zone boundary cost, ``held`` counts
        contributions. Targets that cannot all be met: least total relative shortfall, features named in
        ``unmet``.

    Raises
    ------
    EngineError
        Bad numbers, a unit allowed in no zone, no solution within the time limit.
    """
    check_zones_problem(problem)
    check_solver_settings(blm, time_limit, gap)
    count, zones = problem.costs.shape
    variables = count * zones
    objective = np.asarray(problem.costs, dtype=float).ravel()
    upper = problem.allowed.astype(float).ravel()
    one_zone = sparse.csr_matrix((np.ones(variables), (np.repeat(np.arange(count), zones), np.arange(variables))),
                                 shape=(count, variables))
    target_rows = zone_target_rows(problem)
    targets = np.concatenate([problem.targets, np.asarray(problem.zone_targets, dtype=float).T.ravel()])
    capped, short = unreachable_targets(
        sparse.csr_matrix(target_rows.T), upper, targets)
    w_objective, blocks = np.zeros(0), []
    if blm > 0 and edges is not None and len(edges.length):
        w_objective, block = zone_boundary_block(edges, count, zones, problem.boundary_costs, blm)
        blocks.append(block)
    extra = len(w_objective)
    widen = [sparse.hstack([one_zone, sparse.csr_matrix((count, extra))])] + blocks
    target_rows = sparse.hstack([target_rows, sparse.csr_matrix((target_rows.shape[0], extra))]).tocsr()
    equalities = sparse.vstack(widen).tocsr()
    rows = sparse.vstack([equalities, target_rows]).tocsr()
    right = np.concatenate([np.ones(count), np.zeros(equalities.shape[0] - count)])
    programme = Programme(
        np.concatenate([objective, w_objective]), rows, np.concatenate([right, capped]),
        np.concatenate([right, np.full(len(capped), np.inf)]), np.zeros(variables + extra),
        np.concatenate([upper, np.ones(extra)]), np.concatenate([np.ones(variables), np.zeros(extra)]))
    outcome, _ = solve_with_least_shortfall(programme, target_rows, capped, time_limit, gap)
    chosen = np.round(outcome.values[:variables]).reshape(count, zones).argmax(axis=1)
    return describe_zoning(problem, chosen, edges, blm, outcome, short)


def zone_holdings(problem, chosen):
    """(held per feature counting contributions (k,), amount per feature inside each zone (k x Z))."""
    count, zones = problem.costs.shape
    membership = np.zeros((count, zones))
    membership[np.arange(count), chosen] = 1.0
    inside = np.asarray(sparse.csr_matrix(problem.amounts).T @ membership)
    return (inside * problem.contributions).sum(axis=1), inside


def describe_zoning(problem, chosen, edges, blm, outcome, short):
    """A Solution for a zoning; ``unmet`` names features short of their overall or any zone target."""
    features = len(problem.targets)
    held, inside = zone_holdings(problem, chosen)
    zone_short = np.maximum(np.asarray(problem.zone_targets) - inside, 0.0).sum(axis=1)
    shortfall = np.maximum(problem.targets - held, 0.0) + zone_short
    scale = np.maximum(np.asarray(problem.targets), 1.0)
    shortfall[shortfall <= TARGET_TOLERANCE * scale] = 0.0
    unmet = sorted(set(np.flatnonzero(shortfall > 0).tolist()) | {int(index) % features for index in short})
    cost = float(problem.costs[np.arange(len(chosen)), chosen].sum())
    boundary = zone_boundary_cost(chosen, edges, problem.boundary_costs) if edges is not None else 0.0
    return Solution(chosen, cost, boundary, cost + blm * boundary, outcome.gap, outcome.optimal, held, shortfall,
                    unmet, outcome.status)


# --- biosphere-reserve zoning ------------------------------------------------------------------------------

RESERVE_ZONES = (CORE, BUFFER, TRANSITION)
"""The zones optimised for a biosphere reserve, in the order of ZonesProblem's columns (engine.zones' values)."""
OUTSIDE = 'outside'
ZONE_PAIRS = tuple((first, second) for position, first in enumerate(RESERVE_ZONES)
                   for second in RESERVE_ZONES[position + 1:] + (OUTSIDE,))
"""The pairs a zone boundary cost is given for: core-buffer, core-transition, core-outside, buffer-transition,
buffer-outside, transition-outside (an edge between two units of the same zone costs nothing)."""
DEFAULT_BOUNDARY_COSTS = {(CORE, BUFFER): 0.0, (CORE, TRANSITION): 1.0, (CORE, OUTSIDE): 1.0,
                          (BUFFER, TRANSITION): 0.0, (BUFFER, OUTSIDE): 0.05, (TRANSITION, OUTSIDE): 0.0}
"""Cost per metre of edge: a core should meet a buffer, not the transition area or the land outside."""


def unit_grid(boundary, cell_size, hexagonal=False):
    """Planning units covering ``boundary`` (a polygon in metres): squares of side ``cell_size`` metres, or
    flat-topped hexagons ``cell_size`` metres across their flat sides, clipped to the boundary. Every piece of the
    boundary is covered (pieces of cells cut by the edge are kept), so the units tile the reserve."""
    if not np.isfinite(cell_size) or cell_size <= 0:
        raise EngineError(N_('The cell size is {size} m: give a positive number of metres.'), size=cell_size)
    cells = _hexagons(boundary.bounds, cell_size) if hexagonal else _squares(boundary.bounds, cell_size)
    tree = coverage.build_tree(cells)
    units = []
    for index in sorted(coverage.query_indices(tree, boundary)):
        piece = polygonal_part(cells[index].intersection(boundary))
        if piece.area > 1e-6 * cell_size * cell_size:
            units.append(piece)
    return units


def _squares(bounds, size):
    x0, y0, x1, y1 = bounds
    columns, rows = max(int(np.ceil((x1 - x0) / size)), 1), max(int(np.ceil((y1 - y0) / size)), 1)
    return [box(x0 + c * size, y1 - (r + 1) * size, x0 + (c + 1) * size, y1 - r * size)
            for r in range(rows) for c in range(columns)]


def _hexagons(bounds, width):
    """Flat-topped hexagons ``width`` across, their corners computed from integer lattice indices so that
    neighbours share exactly the same corner coordinates (and their union leaves no rounding slivers)."""
    half_side, half_width = width / np.sqrt(3.0) / 2.0, width / 2.0
    x0, y0, x1, y1 = bounds
    corner_x, corner_y = np.array([2, 1, -1, -2, -1, 1]), np.array([0, 1, 1, 0, -1, -1])
    cells = []
    for column in range(int(np.ceil((x1 - x0) / (3 * half_side))) + 2):
        for row in range(int(np.ceil((y1 - y0) / width)) + 2):
            centre_x, centre_y = 3 * column, 2 * row - 1 + column % 2
            cells.append(Polygon(np.column_stack([x0 + (centre_x + corner_x) * half_side,
                                                  y0 + (centre_y + corner_y) * half_width])))
    return cells


def reserve_zones_problem(base_costs, amounts, outer_lengths, zone_costs, contributions, target, zone_targets,
                          boundary_costs, unit_ids, feature_names):
    """A ZonesProblem over RESERVE_ZONES for a biosphere reserve.

    Parameters
    ----------
    base_costs : (n,) cost of protecting each unit (e.g. area in ha x (1 + pressure))
    amounts : sparse (n, k) feature amounts
    outer_lengths : (n,) metres of each unit's edge on the reserve boundary (b_ii)
    zone_costs, contributions, zone_targets : three numbers each, for core, buffer, transition: the multiplier of
        the base cost, the share of a feature counted toward the overall target, the proportion (0-1) of each
        feature's total that must lie inside the zone
    target : proportion (0-1) of each feature's total to hold overall (contributions counted)
    boundary_costs : {(zone, zone or OUTSIDE): cost per metre of shared edge}; the edge with the outside is a unit's
        b_ii, so its cost is folded into the unit's cost in that zone

    Returns
    -------
    ZonesProblem
    """
    for values in (zone_costs, contributions, zone_targets):
        if len(values) != len(RESERVE_ZONES):
            raise EngineError(N_('Give three numbers, for core, buffer and transition; got {values}.'),
                              values=', '.join(str(value) for value in values))
    for name, value in boundary_costs.items():
        if not np.isfinite(value):
            raise EngineError(N_('The boundary cost between {pair} is {value}: give a number.'),
                              pair='-'.join(name), value=value)
    totals = np.asarray(sparse.csr_matrix(amounts).sum(axis=0)).ravel()
    overall = targets_from_proportions(amounts, np.full(len(feature_names), float(target)), feature_names)
    per_zone = np.column_stack([
        targets_from_proportions(amounts, np.full(len(feature_names), float(share)), feature_names)
        for share in zone_targets]) if len(totals) else np.zeros((0, len(RESERVE_ZONES)))
    outside = np.array([boundary_costs.get((zone, OUTSIDE), 0.0) for zone in RESERVE_ZONES])
    costs = np.outer(base_costs, zone_costs) + np.outer(outer_lengths, outside)
    zeta = np.zeros((len(RESERVE_ZONES), len(RESERVE_ZONES)))
    for (first, second), value in boundary_costs.items():
        if second != OUTSIDE:
            a, b = RESERVE_ZONES.index(first), RESERVE_ZONES.index(second)
            zeta[a, b] = zeta[b, a] = value
    return ZonesProblem(costs, sparse.csr_matrix(amounts), np.tile(np.asarray(contributions, float), (len(totals), 1)),
                        overall, per_zone, zeta, np.ones((len(base_costs), len(RESERVE_ZONES)), dtype=bool),
                        list(unit_ids), list(feature_names), list(RESERVE_ZONES))


def outer_lengths(edges, count):
    """b_ii of every unit (0 for units not on the outer edge)."""
    outer = edges.first == edges.second
    return np.bincount(edges.first[outer], weights=edges.length[outer], minlength=count)
