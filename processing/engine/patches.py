"""Habitat patches: the connectivity indices IIC and PC, each patch's importance, and distances between patches.

Formulas in docs/patch_importance.md (Pascual-Hortal & Saura 2006; Saura & Pascual-Hortal 2007; Saura & Rubio
2010; Conefor 2.7). Patches are nodes with an attribute a_i (their area by default); distances d_ij between
them are edge-to-edge, in metres (Euclidean) or in cost-weighted metres (least cost over a resistance raster):

- IIC = sum_i sum_j a_i a_j / (1 + nl_ij) / A_L^2, nl_ij the number of links on the shortest topological path,
  a link joining patches with d_ij <= the threshold (pairs not connected add nothing);
- PC = sum_i sum_j a_i a_j p*_ij / A_L^2, p_ij = exp(-k d_ij) with k = -ln(P) / D, p*_ij the best product of
  probabilities over all paths; EC(PC) = sqrt(PCnum), in the attribute's units;
- dI_k = 100 (I - I without k) / I = dI_intra (a_k^2) + dI_flux (k's own pairs) + dI_connector (paths through k).

Both indices share connectivity.removal_importance with ProtConn's node importance. Paths with p* below
``min_probability`` (1e-9) are left out of PC as in ProtConn.
"""

import math
from collections import namedtuple

import numpy as np
import pandas as pd
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components

from .connectivity import DEFAULT_MIN_PROBABILITY, decay_constant, pc_pair_value, removal_importance
from .corridors import nearest_cells
from .feedback import ensure as ensure_feedback
from .messages import N_, EngineError
from .regions import overlapping_regions

INDEX_COLUMNS = ['dIIC', 'dIIC_intra', 'dIIC_flux', 'dIIC_connector', 'dPC', 'dPC_intra', 'dPC_flux',
                 'dPC_connector', 'rank']

Landscape = namedtuple('Landscape', 'iic pc ec_pc ec_iic iic_num pc_num landscape_attribute patches components')
"""Whole-landscape figures: IIC and PC (0..1, None without a landscape attribute), EC(PC) and EC(IIC)
(attribute units), their numerators, A_L, the patch count and the number of connected components (IIC links)."""


def iic_links(distances, threshold):
    """Link costs for IIC: 1 per link where 0 < d_ij <= ``threshold`` (m or cost-weighted m), 0 on the diagonal."""
    if not threshold >= 0:
        raise EngineError(N_('The IIC distance threshold must be 0 or more (got {value}).'), value=threshold)
    links = np.where(distances <= threshold, 1.0, np.inf)
    np.fill_diagonal(links, 0.0)
    return links


def iic_pair_value(hops):
    """f(nl) = 1 / (1 + nl) for IIC; 0 for pairs that are not connected (nl = inf)."""
    return 1.0 / (1.0 + hops)


def pc_links(distances, distance, probability, min_probability=DEFAULT_MIN_PROBABILITY):
    """Link costs -ln p_ij = k d_ij for PC (p = ``probability`` at ``distance``), inf below ``min_probability``."""
    decay = decay_constant(distance, probability)
    limit = -math.log(min_probability)
    with np.errstate(invalid='ignore'):
        costs = decay * distances
    costs[~(costs <= limit)] = np.inf
    np.fill_diagonal(costs, 0.0)
    return costs, limit


def patch_importance(distances, attributes, threshold, distance, probability, landscape_attribute=None,
                     feedback=None, executor=None):
    """IIC and PC of a landscape and every patch's importance (dIIC, dPC and their fractions).

    Parameters
    ----------
    distances : (n, n) array
        Edge-to-edge distances between patches (m or cost-weighted m; inf where unknown or unreachable).
    attributes : (n,) array
        a_i, e.g. the patch area in ha; must be >= 0 with a positive total.
    threshold : float
        IIC links join patches with d_ij <= threshold (same units as ``distances``).
    distance, probability : float
        PC: the dispersal probability is ``probability`` at ``distance`` (units of ``distances``).
    landscape_attribute : float or None
        A_L, the attribute of the whole landscape (e.g. its area in ha); None leaves IIC and PC out.
    feedback : engine.feedback.Feedback or None
        Hears the progress; a cancel raises messages.Canceled.
    executor : engine.executor.Executor or None
        Splits the removals of large components over its workers (connectivity.removal_importance); None or
        one worker solves them in this process. The results are the same either way.

    Returns
    -------
    (pandas.DataFrame, Landscape)
        One row per patch with INDEX_COLUMNS (percent; ``rank`` 1 = largest dPC), and the landscape figures.

    >>> frame, landscape = patch_importance(np.array([[0, 1.0], [1.0, 0]]), [1.0, 1.0], 1.0, 1.0, 0.5, 4.0)
    >>> round(landscape.pc, 6), round(landscape.iic, 6)  # (1 + 1 + 2 * 0.5) / 16 and (2 + 2 / 2) / 16
    (0.1875, 0.1875)
    """
    attributes = _checked_attributes(attributes)
    if landscape_attribute is not None and not landscape_attribute >= attributes.sum():
        raise EngineError(N_('The landscape attribute ({value}) must be at least the sum of the patch attributes '
                             '({total}).'), value=landscape_attribute, total=float(attributes.sum()))
    distances = np.asarray(distances, dtype=float)
    links = iic_links(distances, threshold)
    pc_costs, limit = pc_links(distances, distance, probability)
    feedback = ensure_feedback(feedback)
    iic = removal_importance(links, attributes, iic_pair_value, feedback.part(0.0, 0.5), executor)
    pc = removal_importance(pc_costs, attributes, pc_pair_value(limit), feedback.part(0.5, 1.0), executor)
    frame = pd.DataFrame(dict(_fractions('dIIC', iic), **_fractions('dPC', pc)))
    frame['rank'] = frame['dPC'].rank(ascending=False, method='min').astype(int)
    return frame[INDEX_COLUMNS], _landscape(iic, pc, attributes, landscape_attribute, links)


OVERLAP_TOLERANCE = 1e-6
"""Patches overlap when the area they share exceeds this fraction of the smaller one's: far above the slivers that
rounding leaves along a shared edge once reprojected, far below any overlap that moves an index."""


def first_overlap(geometries):
    """(i, j, shared area) of the first pair of ``geometries`` (shapely polygons, a CRS in metres) that overlap
    (engine.regions.overlapping_regions at OVERLAP_TOLERANCE), in index order, or None. Patches are nodes of a
    graph: habitat in two of them would count twice, so callers refuse overlaps (patches that only touch are fine,
    at distance 0)."""
    found = overlapping_regions(geometries, OVERLAP_TOLERANCE)
    return min(found) if found else None


def valid_attributes(attributes):
    """True for each of ``attributes`` a patch may have: a finite number of 0 or more."""
    attributes = np.asarray(attributes, dtype=float)
    return np.isfinite(attributes) & (attributes >= 0)


def _checked_attributes(attributes):
    attributes = np.asarray(attributes, dtype=float)
    if not len(attributes):
        raise EngineError(N_('There are no patches.'))
    bad = np.flatnonzero(~valid_attributes(attributes))
    if len(bad):
        raise EngineError(N_('Patch {patch} has the attribute {value}: attributes must be finite numbers of 0 or '
                             'more.'), patch=int(bad[0]) + 1, value=float(attributes[bad[0]]))
    if not attributes.sum() > 0:
        raise EngineError(N_('Every patch has the attribute 0: there is no habitat to connect.'))
    return attributes


def _fractions(prefix, importance):
    """dI and its fractions in percent of the index numerator."""
    scale = 100.0 / importance.numerator
    return {
        prefix: scale * (importance.numerator - importance.removed),
        prefix + '_intra': scale * importance.intra,
        prefix + '_flux': scale * importance.flux,
        prefix + '_connector': scale * importance.connector,
    }


def _landscape(iic, pc, attributes, landscape_attribute, links):
    components = connected_components(csr_matrix(np.isfinite(links)), directed=False)[0]
    squared = None if landscape_attribute is None else float(landscape_attribute) ** 2
    return Landscape(
        iic=None if squared is None else iic.numerator / squared,
        pc=None if squared is None else pc.numerator / squared,
        ec_pc=math.sqrt(pc.numerator), ec_iic=math.sqrt(iic.numerator), iic_num=iic.numerator,
        pc_num=pc.numerator, landscape_attribute=landscape_attribute, patches=len(attributes),
        components=int(components))


def least_cost_distances(graph, cells, feedback=None):
    """Least-cost distances (cost-weighted m) between patches: the (n, n) matrix of the lowest accumulated
    cost from patch i to any cell of patch j, one accumulated-cost pass per patch on ``graph`` (a
    costdistance.CostGraph); ``cells`` are the flat cell indices of each patch (corridors.core_cells).
    Symmetric by taking the lower of the two directions (they agree up to rounding); inf where unreachable.
    ``feedback`` (engine.feedback.Feedback) hears the progress after each pass; a cancel raises Canceled."""
    feedback = ensure_feedback(feedback)
    count = len(cells)
    distances = np.full((count, count), np.inf)
    for patch in range(count):
        feedback.check()
        distances[patch] = nearest_cells(graph.accumulate(cells[patch], feedback=feedback.part(
            patch / count, (patch + 1) / count)), cells)[0]
        feedback.report((patch + 1) / count)
    distances = np.minimum(distances, distances.T)
    np.fill_diagonal(distances, 0.0)
    return distances
