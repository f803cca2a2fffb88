"""The gravity model of interaction between ecological sources (Kong et al. 2010; docs/gravity_model.md).

G_ab = N_a N_b / D_ab^2 with N = ln(S) / P and D_ab = L_ab / L_max: S is a source's area (in the unit the caller
chose), P the mean resistance of its cells, L_ab the cumulative resistance (cost-weighted distance) of the least-cost
corridor between a and b, and L_max the largest L_ab among the pairs considered. Pairs that cannot reach each other
(L = inf) have G = 0; pairs that touch (L = 0) have no finite G (NaN).
"""

import numpy as np

from .messages import N_, EngineError


def masses(areas, mean_resistances, ids):
    """N = ln(S) / P per source; raises EngineError when there are fewer than two sources (nothing to interact
    with), naming a source whose area is 1 or less (ln S <= 0: choose a smaller area unit) or whose mean
    resistance is not a positive number."""
    if len(ids) < 2:
        raise EngineError(N_('The gravity model needs at least two sources; {count} given.'), count=len(ids))
    areas = np.asarray(areas, dtype=float)
    mean_resistances = np.asarray(mean_resistances, dtype=float)
    for source_id, area, resistance in zip(ids, areas, mean_resistances):
        if not resistance > 0:
            raise EngineError(N_('Source {source} has no resistance cell with a positive value under it (mean '
                                 '{value}): it lies on nodata or outside the resistance raster.'),
                              source=source_id, value=float(resistance))
        if not area > 1:
            raise EngineError(N_('Source {source} has an area of {area} in the chosen unit: ln(area) would not be '
                                 'positive. Choose a smaller area unit.'), source=source_id, area=float(area))
    return np.log(areas) / mean_resistances


def interaction(masses_a, masses_b, costs):
    """G_ab of pairs with masses N_a, N_b and least-cost corridor costs L_ab (arrays of one length).

    >>> interaction([2.0, 2.0], [1.0, 3.0], [10.0, 5.0]).tolist()  # L_max = 10: D = 1 and 0.5
    [2.0, 24.0]
    """
    costs = np.asarray(costs, dtype=float)
    if (costs < 0).any() or np.isnan(costs).any():
        raise EngineError(N_('A least-cost corridor cost is negative or missing: give a cost of 0 or more for every '
                             'link.'))
    finite = np.isfinite(costs) & (costs > 0)
    if not finite.any():
        raise EngineError(N_('No two sources are connected by a corridor of finite, positive cost.'))
    scaled = costs / costs[finite].max()
    with np.errstate(divide='ignore', invalid='ignore'):
        values = np.asarray(masses_a, dtype=float) * np.asarray(masses_b, dtype=float) / scaled ** 2
    values[np.isinf(costs)] = 0.0
    values[costs == 0] = np.nan
    return values
