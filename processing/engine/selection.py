"""Selecting OECM candidates toward a regional coverage target (docs/oecm.md, docs/coverage.md).

Every geometry is a shapely polygon in one metric equal-area CRS (areas in m2, reported in km2).

Definitions used by both methods:
- gap of region r: g_r = max(0, target % x area_r - protected area in r), in km2 (engine.coverage.add_target);
- new area of candidate c in r: the part of c inside r that is neither protected nor inside a site already
  picked, in km2 (overlaps are never counted twice);
- value of c: (score_c / 100) x sum_r min(remaining g_r, new area of c in r): the coverage c adds toward the
  unmet targets, weighted by its quality score (a site scored 0 adds no value);
- greedy (complementarity): repeatedly pick the candidate with the largest value / cost that fits in the
  remaining budget, then update the gaps and the other candidates' new areas, until every gap is closed, the
  budget is spent or no candidate adds anything. Without costs every site costs 1 (BUDGET = number of sites);
  a site that costs 0 (e.g. offered for free) comes before any paid site, the most valuable first.
- the exact optimum (``exact_selection`` by integer programming; ``optimal_selection`` by brute force on small
  cases, for tests) maximises the coverage toward the targets
  sum_r min(g_r, new area of the set in r) within the budget and, among equal coverage, minimises the cost.
"""

import itertools
from collections import namedtuple

import numpy as np
from scipy import sparse
from shapely.ops import polygonize, unary_union

from . import coverage, planning
from .feedback import ensure as ensure_feedback
from .messages import EngineError, N_

TOLERANCE_KM2 = 1e-6
"""Gaps and values below 1 m2 count as closed or nothing: reprojection and rounding leave such crumbs."""
MAX_BRUTE_FORCE = 16

Problem = namedtuple('Problem', 'candidates scores costs region_geometries gaps protected_pieces trees')
"""Inputs of a selection: candidate polygons (None allowed), scores 0-100 (NaN = never picked), costs (>= 0),
region polygons, initial gaps per region (km2), the disjoint protected polygons, and STRtrees of the regions
and of the protected polygons (``trees``: (regions, protected or None))."""

Selection = namedtuple('Selection', 'order values added_km2 cost gaps_after')
"""Picked candidate indices in pick order, each pick's value and added coverage toward the targets (km2),
the total cost, and the gaps left per region (km2)."""


def make_problem(candidates, scores, costs, regions, protected_pieces, target_percent):
    """A Problem: gaps from the coverage of ``regions`` ((key, polygon) list) by ``protected_pieces`` (disjoint
    polygons) and the target percent; ``costs`` None gives every candidate cost 1."""
    costs = np.ones(len(candidates)) if costs is None else np.asarray(costs, dtype=float)
    if np.any(~np.isfinite(costs)) or np.any(costs < 0):
        raise EngineError(N_('Every candidate needs a cost of 0 or more.'))
    pieces = list(protected_pieces)
    frame = coverage.add_target(coverage.coverage_from_pieces(pieces, regions)[0], target_percent)
    region_geometries = [geometry for _, geometry in regions]
    trees = (coverage.build_tree(region_geometries), coverage.build_tree(pieces) if pieces else None)
    return Problem(list(candidates), np.asarray(scores, dtype=float), costs, region_geometries,
                   frame['gap_km2'].to_numpy(dtype=float), pieces, trees)


def unprotected_part(geometry, problem):
    """``geometry`` minus the protected polygons it meets (None stays None)."""
    if geometry is None or problem.trees[1] is None:
        return geometry
    for position in coverage.query_indices(problem.trees[1], geometry):
        if geometry.is_empty:
            break
        if geometry.intersects(problem.protected_pieces[position]):
            geometry = geometry.difference(problem.protected_pieces[position])
    return geometry


def areas_by_region_km2(geometry, problem):
    """km2 of ``geometry`` (already without protected land) inside each region."""
    result = np.zeros(len(problem.region_geometries))
    if geometry is None or geometry.is_empty:
        return result
    for position in coverage.query_indices(problem.trees[0], geometry):
        region = problem.region_geometries[position]
        if region.intersects(geometry):
            result[position] = region.intersection(geometry).area / coverage.M2_PER_KM2
    return result


def greedy_selection(problem, budget=None, feedback=None):
    """Greedy complementarity selection (see the module docstring). ``budget``: None for no limit, in the
    costs' unit. ``feedback``: an optional engine.feedback.Feedback, told the fraction of the gap closed after
    each pick (a cancel raises messages.Canceled)."""
    feedback = ensure_feedback(feedback)
    pickable = np.array([index for index, geometry in enumerate(problem.candidates)
                         if geometry is not None and np.isfinite(problem.scores[index]) and problem.scores[index] > 0],
                        dtype=int)
    parts = [unprotected_part(problem.candidates[index], problem) for index in pickable]
    new_area = np.array([areas_by_region_km2(part, problem) for part in parts]).reshape(
        len(pickable), len(problem.gaps))
    weights = problem.scores[pickable] / 100.0
    costs = problem.costs[pickable]
    available = np.ones(len(pickable), dtype=bool)
    tree = coverage.build_tree([problem.candidates[index] for index in pickable]) if len(pickable) else None
    gaps = problem.gaps.copy()
    remaining = np.inf if budget is None else float(budget)
    order, values, added = [], [], []
    total_gap = gaps.sum()
    while (gaps > TOLERANCE_KM2).any():
        position = _best_ratio(new_area, weights, costs, gaps, available & (costs <= remaining + 1e-12))
        if position is None:
            break
        contribution = np.minimum(gaps, new_area[position])
        available[position] = False
        order.append(int(pickable[position]))
        added.append(float(contribution.sum()))
        values.append(float(weights[position]) * added[-1])
        remaining -= costs[position]
        gaps = np.maximum(gaps - contribution, 0.0)
        picked = parts[position]
        for neighbour in coverage.query_indices(tree, problem.candidates[pickable[position]]):
            if available[neighbour] and not parts[neighbour].is_empty and parts[neighbour].intersects(picked):
                parts[neighbour] = parts[neighbour].difference(picked)
                new_area[neighbour] = areas_by_region_km2(parts[neighbour], problem)
        if total_gap > 0:
            feedback.report(1.0 - gaps.sum() / total_gap)
        feedback.check()
    return Selection(order, values, added, float(problem.costs[order].sum()), gaps)


def _best_ratio(new_area, weights, costs, gaps, allowed):
    """Position of the allowed candidate with the largest value / cost (free sites first; ties: larger value,
    then better score, then input order), or None when none adds value."""
    value = weights * np.minimum(gaps[None, :], new_area).sum(axis=1)
    usable = allowed & (value > TOLERANCE_KM2)
    if not usable.any():
        return None
    with np.errstate(divide='ignore'):
        ratio = np.where(costs > 0, value / np.where(costs > 0, costs, 1.0), np.inf)
    candidates = np.flatnonzero(usable)
    keys = np.lexsort((candidates, -weights[candidates], -value[candidates], -ratio[candidates]))
    return int(candidates[keys[0]])


def coverage_toward_targets(problem, indices):
    """km2 a set of candidates adds toward the unmet targets: sum_r min(g_r, new area of their union in r)."""
    geometries = [problem.candidates[index] for index in indices if problem.candidates[index] is not None]
    if not geometries:
        return 0.0
    new_area = areas_by_region_km2(unprotected_part(unary_union(geometries), problem), problem)
    return float(np.minimum(problem.gaps, new_area).sum())


def optimal_selection(problem, budget=None):
    """The exact optimum by brute force over every subset (at most MAX_BRUTE_FORCE usable candidates): the
    largest coverage toward the targets within ``budget``, the cheapest among equals.

    Returns (indices, coverage km2, cost).
    """
    usable = [index for index, geometry in enumerate(problem.candidates)
              if geometry is not None and np.isfinite(problem.scores[index]) and problem.scores[index] > 0]
    if len(usable) > MAX_BRUTE_FORCE:
        raise EngineError(N_('Brute force is limited to {limit} candidates.'), limit=MAX_BRUTE_FORCE)
    best = ((), 0.0, 0.0)
    for size in range(1, len(usable) + 1):
        for subset in itertools.combinations(usable, size):
            cost = float(problem.costs[list(subset)].sum())
            if budget is not None and cost > budget + 1e-12:
                continue
            value = coverage_toward_targets(problem, subset)
            if value > best[1] + 1e-9 or (abs(value - best[1]) <= 1e-9 and cost < best[2]):
                best = (subset, value, cost)
    return best


def overlay_pieces(problem, usable):
    """Disjoint pieces of the usable candidates' unprotected land cut by the regions: (areas km2 by region
    (pieces x regions), covering candidates (pieces x usable, sparse 0/1))."""
    parts = [unprotected_part(problem.candidates[index], problem) for index in usable]
    lines = unary_union([part.boundary for part in parts if not part.is_empty]
                        + [region.boundary for region in problem.region_geometries])
    areas, rows, columns = [], [], []
    tree = coverage.build_tree([part for part in parts]) if parts else None
    for piece in polygonize(lines) if parts else []:
        inside = piece.representative_point()
        owners = [int(position) for position in coverage.query_indices(tree, inside)
                  if parts[position].contains(inside)]
        if not owners:
            continue
        rows += [len(areas)] * len(owners)
        columns += owners
        areas.append(areas_by_region_km2(piece, problem))
    covers = sparse.csr_matrix((np.ones(len(rows)), (rows, columns)), shape=(len(areas), len(usable)))
    return np.array(areas).reshape(len(areas), len(problem.gaps)), covers


def exact_selection(problem, budget=None, time_limit=None):
    """The exact optimum by integer programming (HiGHS; docs/planning.md): the largest coverage toward
    the targets sum_r min(g_r, new area in r) within ``budget``, then the cheapest set with that coverage.

    Candidates' unprotected land is cut into disjoint pieces (by each other and by the regions); a piece counts
    when any candidate covering it is picked (y_p <= sum of its candidates' x_c), and region r counts
    u_r <= min(g_r, sum_p area_pr y_p). Returns a Selection whose order is by decreasing score, each pick's
    addition counted after the picks before it, and whether optimality was proven (None for ``proven`` when
    the programme is empty).

    Returns
    -------
    (Selection, proven)
    """
    usable = np.array([index for index, geometry in enumerate(problem.candidates)
                       if geometry is not None and np.isfinite(problem.scores[index]) and problem.scores[index] > 0],
                      dtype=int)
    areas, covers = overlay_pieces(problem, usable)
    pieces, regions, count = areas.shape[0], len(problem.gaps), len(usable)
    if count == 0 or pieces == 0:
        return sequential_selection(problem, []), True
    costs = problem.costs[usable]
    # variables [x (count), y (pieces), u (regions)]
    piece_rows = sparse.hstack([-covers, sparse.identity(pieces), sparse.csr_matrix((pieces, regions))])
    region_rows = sparse.hstack([sparse.csr_matrix((regions, count)), -sparse.csr_matrix(areas.T),
                                 sparse.identity(regions)])
    rows = [piece_rows, region_rows]
    upper = [np.zeros(pieces), np.zeros(regions)]
    if budget is not None:
        rows.append(sparse.csr_matrix(np.concatenate([costs, np.zeros(pieces + regions)])[None, :]))
        upper.append([budget])
    matrix = sparse.vstack(rows).tocsr()
    bounds_upper = np.concatenate([np.ones(count + pieces), np.maximum(problem.gaps, 0.0)])
    coverage_objective = np.concatenate([np.zeros(count + pieces), -np.ones(regions)])
    programme = planning.Programme(coverage_objective, matrix, np.full(matrix.shape[0], -np.inf),
                                   np.concatenate(upper), np.zeros(len(bounds_upper)), bounds_upper,
                                   np.concatenate([np.ones(count), np.zeros(pieces + regions)]))
    best = planning.run_milp(programme, time_limit, 0.0)
    floor = -best.objective - max(TOLERANCE_KM2, 1e-9 * abs(best.objective))
    cheapest = planning.run_milp(programme._replace(
        objective=np.concatenate([costs, np.zeros(pieces + regions)]),
        rows=sparse.vstack([matrix, sparse.csr_matrix(-coverage_objective[None, :])]).tocsr(),
        lower=np.concatenate([programme.lower, [floor]]), upper=np.concatenate([programme.upper, [np.inf]])),
        time_limit, 0.0) or best
    picked = usable[np.round(cheapest.values[:count]) > 0.5]
    order = sorted(picked.tolist(), key=lambda index: (-problem.scores[index], index))
    return sequential_selection(problem, order), bool(best.optimal and cheapest.optimal)


def sequential_selection(problem, order):
    """A Selection of the candidates ``order`` taken in that order: each one's addition toward the targets
    counted after the ones before it, as greedy_selection counts them."""
    added, values, before = [], [], 0.0
    for position, index in enumerate(order):
        now = coverage_toward_targets(problem, order[:position + 1])
        added.append(now - before)
        values.append(problem.scores[index] / 100.0 * (now - before))
        before = now
    geometries = [problem.candidates[index] for index in order]
    new_area = areas_by_region_km2(unprotected_part(unary_union(geometries), problem), problem) if order else 0.0
    gaps_after = np.maximum(problem.gaps - new_area, 0.0)
    return Selection(list(order), values, added, float(problem.costs[list(order)].sum()), gaps_after)
