"""selectoecm's exact method (engine/selection.exact_selection) against brute force over every subset, and
METHOD / the greedy gap through processing.run."""

import numpy as np
import pytest

from reserve_planner.processing.engine import selection
from test_oecm_selection import (coverage_by_shapely, gaps_by_shapely, optimum_by_shapely, planning,  # noqa: F401
                                 random_case, run_select)


@pytest.mark.parametrize('seed', [3, 4, 5, 6])
def test_exact_selection_equals_brute_force(seed):
    rng = np.random.default_rng(seed)
    regions, protected, candidates = random_case(rng, 9)
    scores, costs = rng.uniform(20, 100, 9), rng.uniform(1, 5, 9)
    problem = selection.make_problem(candidates, scores, costs, regions, protected, 30)
    for budget in (6.0, None):
        exact, proven = selection.exact_selection(problem, budget)
        optimum, cheapest = optimum_by_shapely(candidates, costs, regions, protected, 30,
                                               budget=np.inf if budget is None else budget)
        found = coverage_by_shapely([candidates[index] for index in exact.order], regions, protected,
                                    gaps_by_shapely(regions, protected, 30))
        assert proven
        assert found == pytest.approx(optimum, abs=1e-6)
        assert exact.cost == pytest.approx(cheapest)
        assert sum(exact.added_km2) == pytest.approx(found)
        greedy = selection.greedy_selection(problem, budget)
        assert sum(greedy.added_km2) <= found + 1e-9


def test_select_exact_method_and_greedy_gap(qgis_app, planning):  # noqa: F811
    greedy, greedy_picks, _ = run_select(planning, COST_FIELD='cost', BUDGET=3.0)
    exact, exact_picks, regions = run_select(planning, COST_FIELD='cost', BUDGET=3.0, METHOD=1)
    added = sum(feature['added_km2'] for feature in exact_picks)
    assert added >= sum(feature['added_km2'] for feature in greedy_picks) - 1e-9
    assert exact['TOTAL_COST'] <= 3.0
    assert greedy['GREEDY_GAP'] == pytest.approx(
        100.0 * (added - sum(feature['added_km2'] for feature in greedy_picks)) / added)
    assert exact['GREEDY_GAP'] == 0
