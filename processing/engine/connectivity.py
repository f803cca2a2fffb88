"""Protected-area connectivity: PC, ECA, ProtConn and its fractions, node importance (docs/protconn.md).

Pure functions on shapely polygons in a projected CRS whose unit is the metre; areas are m2 inside the
engine and km2 in the importance table. Conventions follow Saura et al. 2017/2018 and Makurhini:

- the protected areas are dissolved, the result is split into polygons, and each polygon is cut by the
  region: every polygonal part inside the region is a node with a_i = its area; every part outside the
  region within ``transboundary_distance`` of it is a stepping stone with a_i = 0 (none when it is 0);
- p_ij = exp(-k d_ij) with k = -ln(p_m) / d_m and d_ij the edge-to-edge distance; p*_ij is the
  maximum-product path probability, found as the shortest path on the costs -ln p_ij = k d_ij.

Pruning, and what it costs in accuracy: pairs whose best path probability p*_ij is below
``min_probability`` (eps, default 1e-9) are left out of PCnum. Every such pair contributes less than
eps a_i a_j, so PCnum is underestimated by at most delta = eps * sum over the left-out pairs of a_i a_j,
and ProtConn by at most 100 (sqrt(PCnum + delta) - sqrt(PCnum)) / A_L percentage points; this bound
is computed for every run (``protconn_error_bound``). In the worst case (all pairs left out) it stays
below sqrt(eps) * Prot = 3.2e-5 Prot, i.e. 0.0032 points for Prot = 100 %.

Speed: edge-to-edge distances are measured only where they can matter. The graph starts from each
unit's nearest units; a pair i-j is then measured, and linked if shorter, only while k times the gap
between their bounding boxes (a lower bound of d_ij) is below the cost of the best path found so far
from i to j. A pair that is never measured is provably no shorter than an existing path, so the
shortest paths are exact. Shortest paths run in blocks of sources (scipy.sparse.csgraph.dijkstra with
``limit`` = -ln eps), so PCnum is accumulated without an n x n matrix; a link found late re-runs only
the blocks whose paths it can shorten. 5 000 areas in a 500 km region take about 8 s of one core
(tests/benchmarks/bench_protconn.py).
"""

import copy
import functools
import math
from collections import namedtuple

import numpy as np
import pandas as pd
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components, csgraph_from_dense, dijkstra
from scipy.spatial import cKDTree
from shapely.ops import unary_union
from shapely.prepared import prep

from .executor import task_feedback
from .feedback import ensure as ensure_feedback
from .geometry import polygonal_part
from .messages import N_, EngineError

try:
    from shapely import distance as vectorised_distance  # shapely 2: one call for many pairs
except ImportError:  # shapely 1.8: one call per pair
    vectorised_distance = None

DEFAULT_MIN_PROBABILITY = 1e-9
"""Path probabilities below this are treated as 0 (see the module docstring for the error bound)."""

INITIAL_NEIGHBOURS = 8
"""Nearest units (by box centre) per unit measured before the first shortest-path pass (a speed setting only)."""

LOCAL_COST_LIMIT = 3.0
"""Cost limit k d of the cheap first pass that links near neighbours (p = 0.05; a speed setting only)."""

DOMINATED_TOLERANCE = 1e-12
"""A link is dropped as dominated only when longer than the shortest path by more than this relative margin."""

WITNESS_NEIGHBOURS = 48
"""Node importance: a link may be dropped for paths through a node's this many cheapest links (a speed setting)."""

TREE_TOLERANCE = 1e-12
"""Node importance: relative rounding allowed between a node's cost and its parent's cost plus their link."""

COPY_SHARE = 32
"""Node importance: sets of removed nodes above 1/COPY_SHARE of a component copy their matrix, smaller ones undo."""

PARALLEL_MIN_NODES = 400
"""Node importance: smaller components are solved in one process (starting workers would cost more)."""

SURE_NEIGHBOURS = 16
"""Pair distances: each polygon's this many nearest (by a lower bound) are measured first (a speed setting)."""

DIRECTIONS = 32
"""Pair distances: directions of each polygon's outermost vertex kept for upper bounds (a speed setting)."""

SOURCE_BLOCK_CELLS = 2_000_000
"""Shortest-path rows are computed in blocks of about this many matrix cells (16 MB of float64 each)."""

Network = namedtuple('Network', 'geometries areas transboundary region_area decay min_probability')
"""The graph of one region: node polygons (m), a_i in m2 (0 for stepping stones), a stepping-stone mask,
A_L in m2, k in 1/m and the pruning probability eps."""

IMPORTANCE_COLUMNS = ['geometry', 'area_km2', 'dpc', 'dpc_intra', 'dpc_flux', 'dpc_connector']


def decay_constant(distance, probability):
    """k (1/m) such that p = exp(-k d) equals ``probability`` at ``distance`` metres (docs/protconn.md)."""
    if not distance > 0:
        raise EngineError(N_('The dispersal distance must be greater than 0 m (got {value}).'), value=distance)
    if not 0 < probability < 1:
        raise EngineError(N_('The dispersal probability must lie strictly between 0 and 1 (got {value}).'),
                          value=probability)
    return -math.log(probability) / distance


def polygons_of(geometry):
    """The single polygons of a polygonal ``geometry`` (empty list when it has none)."""
    part = polygonal_part(geometry)
    if part.is_empty:
        return []
    return list(part.geoms) if hasattr(part, 'geoms') else [part]


def region_nodes(protected_geometries, region_geometry, transboundary_distance=0.0):
    """Dissolved protected units cut by the region: ``(geometries, areas m2, stepping-stone mask)``.

    Parts inside the region carry their area; parts outside it within ``transboundary_distance`` metres
    of it are stepping stones with area 0 (docs/protconn.md).
    """
    units = polygons_of(unary_union([geometry for geometry in protected_geometries if geometry is not None]))
    region = prep(region_geometry)
    inside, outside = [], []
    for unit in units:
        if region.contains(unit):
            inside.append(unit)
        elif region.intersects(unit):
            inside.extend(polygons_of(unit.intersection(region_geometry)))
            outside.extend(polygons_of(unit.difference(region_geometry)))
        else:
            outside.append(unit)
    if transboundary_distance > 0:
        stones = [part for part in outside if part.distance(region_geometry) <= transboundary_distance]
    else:
        stones = []
    areas = np.array([part.area for part in inside] + [0.0] * len(stones), dtype=float)
    return inside + stones, areas, np.arange(len(areas)) >= len(inside)


def build_network(protected_geometries, region_geometry, distance=10000.0, probability=0.5,
                  transboundary_distance=0.0, min_probability=DEFAULT_MIN_PROBABILITY):
    """The Network of one region: protected polygons and the region polygon in the same metric CRS (m)."""
    if region_geometry is None or region_geometry.is_empty or region_geometry.area <= 0:
        raise EngineError(N_('The region has no area.'))
    if not 0 < min_probability < probability:
        raise EngineError(N_('The pruning probability must lie between 0 and the dispersal probability '
                             '(got {value}).'), value=min_probability)
    if transboundary_distance < 0:
        raise EngineError(N_('The transboundary distance must be 0 or more metres (got {value}).'),
                          value=transboundary_distance)
    decay = decay_constant(distance, probability)
    geometries, areas, transboundary = region_nodes(protected_geometries, region_geometry, transboundary_distance)
    return Network(geometries, areas, transboundary, float(region_geometry.area), decay, min_probability)


def cost_limit(network):
    """The largest path cost k d kept: -ln(eps)."""
    return -math.log(network.min_probability)


def _box_gaps(bounds, sources):
    """Distances (m) from the bounding boxes of ``sources`` to every box (rows by source): lower bounds of
    the edge-to-edge distances."""
    own = bounds[sources]
    dx = np.maximum(own[:, None, 0], bounds[None, :, 0]) - np.minimum(own[:, None, 2], bounds[None, :, 2])
    dy = np.maximum(own[:, None, 1], bounds[None, :, 1]) - np.minimum(own[:, None, 3], bounds[None, :, 3])
    return np.hypot(np.maximum(dx, 0.0), np.maximum(dy, 0.0))


def edge_distances(geometries, first, second):
    """Edge-to-edge distances (m) between the polygons of each pair (0 where they touch)."""
    if not len(first):
        return np.empty(0)
    if vectorised_distance is None:
        return np.array([geometries[a].distance(geometries[b]) for a, b in zip(first, second)], dtype=float)
    array = np.empty(len(geometries), dtype=object)
    array[:] = geometries
    with np.errstate(divide='ignore', invalid='ignore'):  # GEOS leaves floating-point flags numpy reports
        return np.asarray(vectorised_distance(array[first], array[second]), dtype=float)


def _nearest_pairs(bounds, per_node):
    """Pairs (i, j) of each node with its ``per_node`` nearest nodes by bounding-box centre."""
    count = len(bounds)
    if count < 2:
        return np.empty(0, dtype=int), np.empty(0, dtype=int)
    centres = (bounds[:, :2] + bounds[:, 2:]) / 2.0
    neighbours = min(per_node + 1, count)
    found = cKDTree(centres).query(centres, k=neighbours)[1].reshape(count, neighbours)
    first = np.repeat(np.arange(count), neighbours)
    second = found.ravel()
    keep = first != second
    return first[keep], second[keep]


def _source_blocks(sources, count):
    size = max(1, SOURCE_BLOCK_CELLS // max(count, 1))
    return [sources[start:start + size] for start in range(0, len(sources), size)]


class PathGraph:
    """Exact max-product paths among a network's nodes, with links measured only where they can matter.

    Links are kept as sorted pair keys i * n + j (i < j) with their measured edge-to-edge distance and
    whether they are in the graph. ``settle`` adds links until no unmeasured pair could shorten a path;
    ``without(k)`` gives the graph with node k removed, re-settled by ``rows`` from the given sources.
    """

    def __init__(self, network):
        self.network = network
        self.count = len(network.areas)
        self.limit = cost_limit(network)
        self.bounds = np.array([geometry.bounds for geometry in network.geometries], dtype=float).reshape(-1, 4)
        self.removed = None
        self.keys = np.empty(0, dtype=np.int64)
        self.distances = np.empty(0)
        self.linked = np.empty(0, dtype=bool)
        first, second = _nearest_pairs(self.bounds, INITIAL_NEIGHBOURS)
        self._link(first, second, np.full(len(first), np.inf), self.limit)
        self.graph = self._graph()

    def without(self, node):
        """A copy of this graph without ``node`` and its links."""
        reduced = copy.copy(self)
        reduced.removed = node
        reduced.graph = reduced._graph()
        return reduced

    def extended(self, network):
        """A copy for ``network``, which holds this graph's nodes first and then new ones: links are re-keyed,
        the new nodes have none yet (``rows`` from them links what they need).

        Old pairs stay exact: adding nodes only shortens paths, so a pair that could not beat the old
        best path cannot beat the new one either."""
        grown = copy.copy(self)
        grown.network, grown.count = network, len(network.areas)
        new_bounds = [geometry.bounds for geometry in network.geometries[self.count:]]
        grown.bounds = np.vstack([self.bounds, np.array(new_bounds, dtype=float).reshape(-1, 4)])
        grown.keys = (self.keys // self.count) * grown.count + self.keys % self.count
        grown.graph = grown._graph()
        return grown

    def _pair_keys(self, first, second):
        return np.minimum(first, second).astype(np.int64) * self.count + np.maximum(first, second)

    def _lookup(self, keys):
        """Positions of ``keys`` among the measured pairs and whether each is there (a position is
        meaningful only where the key is there: with no measured pair there is none)."""
        if not len(self.keys):
            return np.zeros(len(keys), dtype=int), np.zeros(len(keys), dtype=bool)
        index = np.minimum(np.searchsorted(self.keys, keys), len(self.keys) - 1)
        return index, self.keys[index] == keys

    def _link(self, first, second, best_costs, limit):
        """Measure the pairs (unless known) and link those whose cost k d beats ``best_costs`` and ``limit``.

        Returns how many pairs were newly linked."""
        keys, position = np.unique(self._pair_keys(first, second), return_index=True)
        best_costs = best_costs[position]
        new_keys = keys[~self._lookup(keys)[1]]
        new_distances = edge_distances(self.network.geometries, new_keys // self.count, new_keys % self.count)
        self.keys = np.concatenate([self.keys, new_keys])
        self.distances = np.concatenate([self.distances, new_distances])
        self.linked = np.concatenate([self.linked, np.zeros(len(new_keys), dtype=bool)])
        order = np.argsort(self.keys, kind='stable')
        self.keys, self.distances, self.linked = self.keys[order], self.distances[order], self.linked[order]
        index = np.searchsorted(self.keys, keys)
        costs = self.network.decay * self.distances[index]
        better = (costs < best_costs) & (costs <= limit) & ~self.linked[index]
        self.linked = self.linked.copy()
        self.linked[index[better]] = True
        return int(better.sum())

    def _graph(self):
        """The links as a sparse matrix holding both directions, so shortest paths run as directed (no
        symmetrising copy per call)."""
        keys = self.keys[self.linked]
        first, second = keys // self.count, keys % self.count
        costs = self.network.decay * self.distances[self.linked]
        if self.removed is not None:
            keep = (first != self.removed) & (second != self.removed)
            first, second, costs = first[keep], second[keep], costs[keep]
        rows = np.concatenate([first, second])
        return csr_matrix((np.concatenate([costs, costs]), (rows, np.concatenate([second, first]))),
                          shape=(self.count, self.count))

    def _refine(self, rows, sources, limit):
        """Link every pair (s, j), s in ``sources``, whose box gap could beat ``rows`` (costs up to ``limit``).

        Returns True if a link was added. A linked pair never qualifies again (its cost is already in
        ``rows``) and a measured, unlinked pair qualifies only when a removed node made its path longer
        than the pair's own link.
        """
        reach = self.network.decay * _box_gaps(self.bounds, sources)
        candidate = (reach < rows) & (reach <= limit)
        candidate[np.arange(len(sources)), sources] = False
        if self.removed is not None:
            candidate[:, self.removed] = False
        row_ids, columns = np.nonzero(candidate)
        if not len(row_ids):
            return False
        best = rows[row_ids, columns]
        index, known = self._lookup(self._pair_keys(sources[row_ids], columns))
        settled = np.zeros(len(best), dtype=bool)
        settled[known] = self.network.decay * self.distances[index[known]] >= best[known]
        open_pairs = ~settled
        if not open_pairs.any():
            return False
        if not self._link(sources[row_ids][open_pairs], columns[open_pairs], best[open_pairs], limit):
            return False
        self.graph = self._graph()
        return True

    def _costs(self, sources, limit=None):
        return dijkstra(self.graph, directed=True, indices=sources, limit=self.limit if limit is None else limit)

    def _warm_up(self):
        """Link the near neighbours with one cheap pass at a short cost limit."""
        limit = min(self.limit, LOCAL_COST_LIMIT)
        for block in _source_blocks(np.arange(self.count), self.count):
            self._refine(self._costs(block, limit), block, limit)

    def _settled_rows(self, block):
        """Cost rows from ``block`` after linking what they show to be missing, and what the graph was
        before: ``(graph, linked keys)``, or None when no link was added."""
        before = (self.graph, self.keys[self.linked])
        rows = self._costs(block)
        added = False
        while self._refine(rows, block, self.limit):
            rows, added = self._costs(block), True
        return rows, before if added else None

    def _shortened_sources(self, before):
        """The sources s whose shortest costs the links added since ``before`` can shorten.

        A new path from s is shorter only if, for its first new link u-v, cost(s, u) + c_uv < cost(s, v) on
        the graph before (otherwise the old path to v is no longer, and the argument repeats with one new
        link fewer), so rows from the link ends on the old graph find every such s (costs are symmetric).
        """
        graph_before, linked_before = before
        new_links = np.searchsorted(self.keys, np.setdiff1d(self.keys[self.linked], linked_before))
        first, second = self.keys[new_links] // self.count, self.keys[new_links] % self.count
        ends, where = np.unique(np.concatenate([first, second]), return_inverse=True)
        costs = dijkstra(graph_before, directed=True, indices=ends, limit=self.limit)
        from_first, from_second = costs[where[:len(first)]], costs[where[len(first):]]
        link_costs = (self.network.decay * self.distances[new_links])[:, None]
        shortened = (from_first + link_costs < from_second) | (from_second + link_costs < from_first)
        return np.flatnonzero(shortened.any(axis=0))

    def _dominated(self, rows, sources):
        """Positions of the links (s, j), s in ``sources``, strictly longer than the shortest path s-j.

        No shortest path uses such a link, so dropping them all keeps every shortest cost (they stay
        measured, and come back if a removed node makes them useful again)."""
        positions = np.flatnonzero(self.linked)
        first = self.keys[positions] // self.count
        inside = (first >= sources[0]) & (first <= sources[-1])
        positions, first = positions[inside], first[inside]
        second = self.keys[positions] % self.count
        costs = self.network.decay * self.distances[positions]
        return positions[costs > rows[first - sources[0], second] * (1 + DOMINATED_TOLERANCE)]

    def settle(self, visit):
        """Link what is needed for exact paths from every node; ``[visit(block, cost rows)]`` over all blocks.

        Blocks of sources are computed until no block's rows can be shortened by a link added after
        them: then no unmeasured pair can shorten any path (its box gap, a lower bound, is no shorter
        than a path already found), so every row is exact. A cheap pass at a short cost limit first links
        the near neighbours, so that few blocks need a second run. Links longer than the path they join
        are then dropped, which keeps later runs fast.
        """
        self._warm_up()
        blocks = _source_blocks(np.arange(self.count), self.count)
        block_size = len(blocks[0]) if blocks else 1
        results, dominated, fresh = {}, {}, set()
        while len(fresh) < len(blocks):
            for index in [index for index in range(len(blocks)) if index not in fresh]:
                rows, before = self._settled_rows(blocks[index])
                if before is not None:
                    fresh -= set((self._shortened_sources(before) // block_size).tolist())
                fresh.add(index)
                results[index] = visit(blocks[index], rows)
                dominated[index] = self._dominated(rows, blocks[index])
        self.linked = self.linked.copy()
        self.linked[np.concatenate([dominated[index] for index in range(len(blocks))] + [np.empty(0, int)])] = False
        self.graph = self._graph()
        return [results[index] for index in range(len(blocks))]

    def rows(self, sources):
        """Exact cost rows from ``sources`` on a graph settled before a node was removed or nodes were added.

        After removing node k, only the sources whose shortest-path tree passed through k can change, and
        after adding nodes, the pairs of old nodes stay settled; so refining from ``sources`` alone (the
        sources through k, or the new nodes) restores exactness for their rows.
        """
        return self._settled_rows(sources)[0]


def pc_numerator(network):
    """``(PCnum m4, bound m4)``: sum_i sum_j a_i a_j p*_ij (i = j included) and the most pruning can miss."""
    areas = network.areas
    if not areas.any():
        return 0.0, 0.0
    total_area = areas.sum()

    def sums(block, rows):
        reached_area = np.isfinite(rows) @ areas
        return float(areas[block] @ np.exp(-rows) @ areas), float(areas[block] @ (total_area - reached_area))

    results = PathGraph(network).settle(sums)
    return sum(item[0] for item in results), network.min_probability * sum(item[1] for item in results)


def without_stepping_stones(network):
    """The same Network with its stepping stones left out."""
    keep = ~network.transboundary
    return network._replace(geometries=[g for g, k in zip(network.geometries, keep) if k],
                            areas=network.areas[keep], transboundary=network.transboundary[keep])


def protconn_indicators(network):
    """ProtConn and its fractions, in percent (docs/protconn.md), for a Network.

    Returns a dict: ``eca`` (m2), ``prot``, ``protconn``, ``protunconn``, ``relconn``, ``protconn_prot``,
    ``protconn_trans``, ``protconn_unprot`` (percent; relconn and the fractions None without protection),
    ``protconn_error_bound`` (percentage points ProtConn may be too low by because of pruning) and
    ``nodes`` / ``stepping_stones`` (counts).
    """
    areas, region_area = network.areas, network.region_area
    pc_num, missing = pc_numerator(network)
    eca = math.sqrt(pc_num)
    result = {
        'eca': eca,
        'prot': 100.0 * areas.sum() / region_area,
        'protconn': 100.0 * eca / region_area,
        'protconn_error_bound': 100.0 * (math.sqrt(pc_num + missing) - eca) / region_area,
        'nodes': int((~network.transboundary).sum()),
        'stepping_stones': int(network.transboundary.sum()),
    }
    result['protunconn'] = result['prot'] - result['protconn']
    if eca <= 0:
        result.update(relconn=None, protconn_prot=None, protconn_trans=None, protconn_unprot=None)
        return result
    result['relconn'] = 100.0 * result['protconn'] / result['prot']
    result['protconn_prot'] = 100.0 * (100.0 * math.sqrt(float(areas @ areas)) / region_area) / result['protconn']
    eca_inside = math.sqrt(pc_numerator(without_stepping_stones(network))[0]) if network.transboundary.any() else eca
    result['protconn_trans'] = 100.0 * (100.0 * (eca - eca_inside) / region_area) / result['protconn']
    result['protconn_unprot'] = max(0.0, 100.0 - result['protconn_prot'] - result['protconn_trans'])
    return result


def protconn(protected_geometries, region_geometry, distance=10000.0, probability=0.5, transboundary_distance=0.0,
             min_probability=DEFAULT_MIN_PROBABILITY):
    """ProtConn of one region (docs/protconn.md; Saura et al. 2017, 2018).

    ``protected_geometries``: shapely polygons (None allowed and ignored) and ``region_geometry`` in the
    same projected CRS in metres; ``distance`` d_m (m) at which the dispersal probability is
    ``probability`` p_m; protected parts outside the region within ``transboundary_distance`` m are
    stepping stones (0 = none). Returns the dict of :func:`protconn_indicators`.

    >>> from shapely.geometry import box
    >>> round(protconn([box(0, 0, 10, 10)], box(0, 0, 100, 10))['protconn'], 6)
    10.0
    """
    network = build_network(protected_geometries, region_geometry, distance, probability,
                            transboundary_distance, min_probability)
    return protconn_indicators(network)


RegionTask = namedtuple('RegionTask', 'protected region importance')
"""One region of a ProtConn run for ``region_connectivity``: the protected polygons near it, its geometry, and
whether the importance of each unit is wanted."""


def region_connectivity(options, task, executor=None, feedback=None):
    """(ProtConn indicators, node importance DataFrame or None) of one region, an ``executor`` task.

    Parameters
    ----------
    options : dict
        The keyword options of ``build_network`` (distance, probability, transboundary_distance, ...).
    task : RegionTask
    executor : engine.executor.Executor or None
        Workers for the node importance of a region run outside any executor task (a task cannot start workers).
    feedback : engine.feedback.Feedback or None
        Progress and cancel of the importance; by default the executor task's (executor.task_feedback).

    Raises
    ------
    Canceled
        When the run was cancelled while the importance was computed.
    """
    network = build_network(task.protected, task.region, **options)
    indicators = protconn_indicators(network)
    if not task.importance:
        return indicators, None
    feedback = task_feedback() if feedback is None else feedback
    return indicators, node_importance(network, feedback=feedback, executor=executor)


def protconn_with_additions(protected_geometries, additions, region_geometry, **options):
    """ProtConn of the region when the polygons ``additions`` (e.g. a candidate OECM) are protected too.

    Same units and options as :func:`protconn`; compare its ``protconn`` with the one without additions
    to get the gain a candidate brings.
    """
    return protconn(list(protected_geometries) + list(additions), region_geometry, **options)


def protconn_with_each_addition(protected_geometries, candidates, region_geometry, distance=10000.0, probability=0.5,
                                transboundary_distance=0.0, min_probability=DEFAULT_MIN_PROBABILITY, feedback=None):
    """ProtConn (percent) of the region with each candidate polygon protected in turn (NaN for None).

    Same units and options as :func:`protconn`; equal to ``protconn_with_additions(protected, [candidate],
    ...)['protconn']`` for each candidate, but the region's network is settled once: the newly protected
    part of a candidate (outside the existing areas) joins as new nodes, with links of probability 1 to
    the units it touches (which is what dissolving them together gives), and for old units i, j
    p*'_ij = max(p*_ij, max over new nodes c of p*'_ic p*'_cj). Costs one n x n matrix of p* (8 n^2
    bytes) and, per candidate, a shortest-path run from its new nodes. A candidate whose part outside the
    region touches a protected area outside it (where dissolving could change which areas are stepping
    stones) is computed in full. ``feedback``: an optional engine.feedback.Feedback (a cancel raises
    messages.Canceled).
    """
    feedback = ensure_feedback(feedback)
    options = dict(distance=distance, probability=probability, transboundary_distance=transboundary_distance,
                   min_probability=min_probability)
    network = build_network(protected_geometries, region_geometry, **options)
    base = PathGraph(network)
    probabilities = _probability_matrix(base)
    base_pc_num = float(network.areas @ probabilities @ network.areas)
    protected = polygons_of(unary_union([geometry for geometry in protected_geometries if geometry is not None]))
    bounds = np.array([polygon.bounds for polygon in protected], dtype=float).reshape(-1, 4)
    results = np.full(len(candidates), np.nan)
    for index, candidate in enumerate(candidates):
        feedback.check()
        feedback.report(index / max(len(candidates), 1))
        if candidate is None:
            continue
        touching = _touching(candidate, protected, bounds)
        outside = candidate.difference(region_geometry)
        if not outside.is_empty and any(outside.distance(polygon.difference(region_geometry)) == 0
                                        for polygon in touching if not region_geometry.contains(polygon)):
            results[index] = protconn_with_additions(protected_geometries, [candidate], region_geometry,
                                                     **options)['protconn']
            continue
        newly_protected = candidate.difference(unary_union(touching)) if touching else candidate
        geometries, areas, transboundary = region_nodes([newly_protected], region_geometry, transboundary_distance)
        extended = network._replace(geometries=list(network.geometries) + geometries,
                                    areas=np.concatenate([network.areas, areas]),
                                    transboundary=np.concatenate([network.transboundary, transboundary]))
        pc_num = _pc_numerator_with_new_nodes(extended, base.extended(extended), probabilities, base_pc_num)
        results[index] = 100.0 * math.sqrt(pc_num) / network.region_area
    return results


def _probability_matrix(path_graph):
    """The n x n matrix of p* of a settled ``path_graph`` (0 below the pruning probability)."""
    probabilities = np.zeros((path_graph.count, path_graph.count))
    for block, rows in path_graph.settle(lambda block, rows: (block, rows)):
        probabilities[block] = np.exp(-rows)
    return probabilities


def _touching(candidate, polygons, bounds):
    """The ``polygons`` (with their ``bounds``) that intersect or touch ``candidate``."""
    minx, miny, maxx, maxy = candidate.bounds
    near = np.flatnonzero((bounds[:, 0] <= maxx) & (bounds[:, 2] >= minx) & (bounds[:, 1] <= maxy)
                          & (bounds[:, 3] >= miny))
    return [polygons[i] for i in near if polygons[i].intersects(candidate)]


def _pc_numerator_with_new_nodes(network, path_graph, probabilities, base_pc_num):
    """PCnum of ``network`` whose first nodes have the p* matrix ``probabilities`` and PCnum ``base_pc_num``,
    and whose last nodes are new."""
    old = len(probabilities)
    areas, new_areas = network.areas[:old], network.areas[old:]
    if not len(new_areas):
        return base_pc_num
    reach = np.exp(-path_graph.rows(np.arange(old, len(network.areas))))
    to_old = reach[:, :old]
    near = np.flatnonzero((to_old.max(axis=0) > 0) & (areas > 0))
    through_new = np.zeros((len(near), len(near)))
    for row in to_old[:, near]:
        np.maximum(through_new, np.outer(row, row), out=through_new)
    gain = np.maximum(through_new - probabilities[np.ix_(near, near)], 0.0)
    return float(base_pc_num + areas[near] @ gain @ areas[near]
                 + 2.0 * new_areas @ to_old @ areas + new_areas @ reach[:, old:] @ new_areas)


def pair_distances(geometries, max_distance=np.inf, exact_within=np.inf):
    """The dense symmetric matrix of edge-to-edge distances (m) among ``geometries``: 0 on the diagonal and
    between touching polygons, inf beyond ``max_distance``. 8 n^2 bytes per matrix, a few at a time.

    Pairs within ``exact_within`` (m) and each polygon's SURE_NEIGHBOURS nearest are always measured.
    A farther pair u-v is left inf, unmeasured, when two other polygons w each give d_uw + d_wv <= d_uv over
    two pairs shorter than it, bounding d_uv from below and d_uw, d_wv from above (:class:`_Outlines`): its
    link is then one no shortest path needs, with or without any one node, by the argument of
    :func:`_needed_links` (which drops the same kind of links after measuring them). So shortest paths (PC's
    costs k d_ij) stay exact with any one polygon removed; the default measures every pair.
    """
    count = len(geometries)
    distances = np.full((count, count), np.inf)
    np.fill_diagonal(distances, 0.0)
    if count < 2:
        return distances
    outlines = _Outlines(geometries)
    lower = outlines.lower_bounds()
    wanted = np.triu(lower <= max_distance, 1)
    nearest = np.argpartition(lower, min(SURE_NEIGHBOURS, count - 1), axis=1)[:, :SURE_NEIGHBOURS + 1]
    sure = lower <= exact_within
    sure[np.arange(count)[:, None], nearest] = True
    sure = wanted & (sure | sure.T)
    _measure(geometries, distances, sure)
    unsure = wanted & ~sure
    if unsure.any():
        upper = np.maximum(outlines.upper_bounds(), lower)
        measured = np.isfinite(distances)
        upper[measured] = distances[measured]
        beaten = _beaten_links(upper, lower * (1.0 - DOMINATED_TOLERANCE))
        _measure(geometries, distances, unsure & ~beaten & ~beaten.T)
    distances[distances > max_distance] = np.inf
    return distances


def _measure(geometries, distances, pairs):
    """Measure the ``pairs`` (boolean upper triangle) into the symmetric ``distances``."""
    first, second = np.nonzero(pairs)
    measured = edge_distances(geometries, first, second)
    distances[first, second] = measured
    distances[second, first] = measured


def _beaten_links(upper, lower):
    """Pairs u-v (boolean n x n, by u's row) for which two polygons w among u's WITNESS_NEIGHBOURS nearest give
    upper_uw + upper_wv <= lower_uv with upper_uw and upper_wv below lower_uv. Sets ``upper``'s diagonal to inf."""
    count = len(upper)
    witnesses = min(WITNESS_NEIGHBOURS, count - 1)
    beaten = np.zeros((count, count), dtype=bool)
    if witnesses < 2:
        return beaten
    np.fill_diagonal(upper, np.inf)
    cheapest = np.argpartition(upper, witnesses - 1, axis=1)[:, :witnesses]
    for block in _source_blocks(np.arange(count), count * witnesses):
        first = upper[block[:, None], cheapest[block]][:, :, None]
        second = upper[cheapest[block]]
        bound = lower[block][:, None, :]
        beaten[block] = ((first + second <= bound) & (first < bound) & (second < bound)).sum(axis=1) >= 2
    return beaten


class _Outlines:
    """Bounds on edge-to-edge distances (m) between polygons from their vertices, without measuring them.

    Each polygon lies in the disc of radius R around its box centre c that holds all its vertices, so
    d_uv >= |c_u - c_v| - R_u - R_v (and >= the gap between their boxes); and d_uv <= the distance between
    any vertex of u and any vertex of v, here u's outermost vertex in the direction of v's centre (of
    DIRECTIONS directions) and v's outermost in the opposite one. A geometry without vertices gets the
    bounds 0 and inf (always measured, never a witness)."""

    def __init__(self, geometries):
        self.bounds = np.array([geometry.bounds if not geometry.is_empty else (np.nan,) * 4
                                for geometry in geometries], dtype=float).reshape(-1, 4)
        self.centres = (self.bounds[:, :2] + self.bounds[:, 2:]) / 2.0
        angles = 2.0 * np.pi * np.arange(DIRECTIONS) / DIRECTIONS
        directions = np.stack([np.cos(angles), np.sin(angles)])
        self.radii = np.full(len(geometries), np.inf)
        self.extremes = np.full((len(geometries), DIRECTIONS, 2), np.nan)
        for index, geometry in enumerate(geometries):
            vertices = _vertices(geometry)
            if len(vertices):
                self.radii[index] = np.hypot(*(vertices - self.centres[index]).T).max()
                self.extremes[index] = vertices[(vertices @ directions).argmax(axis=0)]

    def lower_bounds(self):
        """The n x n lower bounds (0 on the diagonal)."""
        return self._by_blocks(self._lower_rows)

    def upper_bounds(self):
        """The n x n upper bounds (0 on the diagonal)."""
        return self._by_blocks(self._upper_rows)

    def _by_blocks(self, rows_of):
        count = len(self.bounds)
        bounds = np.vstack([rows_of(block) for block in _source_blocks(np.arange(count), count)])
        np.fill_diagonal(bounds, 0.0)
        return bounds

    def _lower_rows(self, sources):
        between = np.hypot(*(self.centres[sources][:, None, :] - self.centres[None, :, :]).transpose(2, 0, 1))
        lower = np.maximum(_box_gaps(self.bounds, sources),
                           between - self.radii[sources][:, None] - self.radii[None, :])
        lower[~np.isfinite(lower)] = 0.0
        return np.maximum(lower, 0.0)

    def _upper_rows(self, sources):
        offsets = self.centres[None, :, :] - self.centres[sources][:, None, :]
        towards = np.round(np.arctan2(offsets[..., 1], offsets[..., 0]) * (DIRECTIONS / (2.0 * np.pi)))
        towards = towards.astype(int) % DIRECTIONS
        away = (towards + DIRECTIONS // 2) % DIRECTIONS
        ends = self.extremes[sources[:, None], towards] - self.extremes[np.arange(len(self.bounds))[None, :], away]
        upper = np.hypot(ends[..., 0], ends[..., 1])
        upper[~np.isfinite(upper)] = np.inf
        return upper


def _vertices(geometry):
    """The (m, 2) exterior vertices of a polygonal geometry's parts."""
    rings = [np.asarray(polygon.exterior.coords)[:, :2] for polygon in polygons_of(geometry)]
    return np.concatenate(rings) if rings else np.empty((0, 2))


def link_costs(geometries, decay, limit):
    """The dense matrix of link costs k d_ij among ``geometries`` (see :func:`pair_distances`), inf where
    k d_ij exceeds ``limit`` (p_ij below the pruning probability)."""
    return decay * pair_distances(geometries, limit / decay, exact_within=0.0)


Importance = namedtuple('Importance', 'numerator removed intra flux connector')
"""Node importance of a weighted graph (Saura & Rubio 2010): the index numerator I = sum_i sum_j a_i a_j
f(D_ij) (i = j included), and per node k the numerator without k, and I - I_without_k split into
``intra`` = a_k^2, ``flux`` = 2 a_k sum_{j != k} a_j f(D_kj) and ``connector``, the loss between other nodes."""


def removal_importance(costs, weights, pair_value, feedback=None, executor=None):
    """Importance of every node of a graph by removal, exactly, from one divide-and-conquer pass.

    ``costs``: the symmetric n x n matrix of link costs (0 on the diagonal, inf where there is no link, >= 0);
    ``weights``: a_i; ``pair_value``: f, the vectorised value of a pair at shortest-path cost D (f(inf) = 0),
    e.g. exp(-D) for PC (costs k d_ij) and 1 / (1 + D) for IIC (costs 1 per link). Returns an Importance.

    Removing each node in turn and recomputing all shortest paths costs n all-pairs runs. Here the shortest
    paths of the graph without k are built by inserting nodes one at a time into an all-pairs matrix
    (inserting v: d_vj = min over v's links u of c_vu + D_uj, then D_ij = min(D_ij, d_vi + d_vj); Floyd-Warshall's
    step): for a set S of removed nodes split into halves S1 and S2, the matrix without S1 is the matrix without S
    with S2 inserted, and the same for S2, down to single nodes (log2 n levels of n insertions). An insertion
    touches only the pairs it shortens, found down v's shortest-path tree (:meth:`_InsertionWork.shortened`), and
    links that no single removal can need are dropped first (:func:`_needed_links`). Large sets copy the matrix
    (8 n^2 bytes per level), small ones undo their changes. Components of the graph are solved apart, since
    removing a node changes nothing outside its own component. Nodes are split in the order of a recursive
    bisection by path cost (:func:`_bisection_order`): sets of nearby nodes are removed together, so fewer
    pairs change per insertion (about 20 % fewer updates than the input order on scattered patches).
    ``pair_value`` must be picklable (a module-level function or a functools.partial of one) when ``executor``
    (engine.executor.Executor) has several workers: a component of at least PARALLEL_MIN_NODES is then split
    into one subtree of the recursion per worker, each task rebuilding its own matrix (one more level of
    insertions), with results identical to the serial run's.
    ``feedback`` (engine.feedback.Feedback) hears the progress as nodes (or subtrees) are solved; a cancel
    raises messages.Canceled.

    >>> costs = np.array([[0, 1, np.inf], [1, 0, 1], [np.inf, 1, 0]])
    >>> importance = removal_importance(costs, np.ones(3), lambda cost: 1 / (1 + cost))
    >>> importance.connector.tolist()  # the middle node is the only path between the two ends: 2 * 1/3
    [0.0, 0.6666666666666666, 0.0]
    """
    feedback = ensure_feedback(feedback)
    weights = np.asarray(weights, dtype=float)
    count = len(weights)
    losses = np.zeros(count)
    row_values = np.zeros(count)
    component_count, components = connected_components(csr_matrix(np.isfinite(costs)), directed=False)
    done = 0
    for component in range(component_count):
        nodes = np.flatnonzero(components == component)
        sub_costs = costs[np.ix_(nodes, nodes)]
        losses[nodes], row_values[nodes] = _component_importance(
            sub_costs, weights[nodes], pair_value, feedback.part(done / count, (done + len(nodes)) / count),
            executor)
        done += len(nodes)
    numerator = float(row_values.sum())
    intra = weights ** 2
    flux = 2.0 * (row_values - intra)
    return Importance(numerator, numerator - intra - flux - losses, intra, flux, losses)


def _needed_links(costs):
    """The links (boolean n x n) that removing any one node can need: a link u-v is dropped when two different
    nodes w each give a path c_uw + c_wv <= c_uv with both links cheaper than c_uv (w among the
    WITNESS_NEIGHBOURS cheapest of u or of v).

    Exact for every graph without one node: at least one witness remains, and its two links are either kept
    or replaced the same way by cheaper ones (so the argument ends), hence every dropped link is matched by a
    path no longer. Ties (equal paths) are fine; zero-cost links are never dropped (no cheaper link exists).
    """
    count = len(costs)
    links = costs.copy()
    np.fill_diagonal(links, np.inf)
    witnesses = min(WITNESS_NEIGHBOURS, count - 1)
    dropped = np.zeros((count, count), dtype=bool)
    if witnesses >= 2:
        cheapest = np.argpartition(links, witnesses - 1, axis=1)[:, :witnesses]
        for block in _source_blocks(np.arange(count), count * witnesses):
            near = cheapest[block]
            first = links[block[:, None], near][:, :, None]
            second = links[near]
            direct = links[block][:, None, :]
            beaten = (first + second <= direct) & (first < direct) & (second < direct)
            dropped[block] = beaten.sum(axis=1) >= 2
    return np.isfinite(links) & ~dropped & ~dropped.T


def _component_importance(costs, weights, pair_value, feedback, executor):
    """(loss between other nodes when each node is removed, each node's own row sum a_k sum_j a_j f(D_kj))
    in one connected component."""
    count = len(weights)
    links = _needed_links(costs)
    full = dijkstra(csgraph_from_dense(np.where(links, costs, np.inf), null_value=np.inf), directed=False)
    row_values = weights * (pair_value(full) @ weights)
    order = _bisection_order(full)
    del full
    context = _RemovalContext(_InsertionWork(costs, links), weights, pair_value)
    workers = 1 if executor is None or count < PARALLEL_MIN_NODES else executor.workers
    if workers == 1:
        losses = np.zeros(count)
        _remove_each(context.work, np.full((count, count), np.inf), order, context.leaf(losses, feedback),
                     context.copy_above, False)
        return losses, row_values
    depth = int(math.ceil(math.log2(workers)))
    subtrees = list(_subtrees(order, depth))
    losses = np.zeros(count)
    for (_, removed), subtree_losses in zip(subtrees, executor.map(_subtree_losses, subtrees, context, feedback)):
        losses[removed] = subtree_losses
    return losses, row_values


def removal_bytes(count):
    """Bytes one process needs to solve the removals of a component of ``count`` nodes: its n x n float64
    matrices (the matrix, the copies down to sets of 1/COPY_SHARE and the links)."""
    return 8 * count * count * (math.log2(COPY_SHARE) + 3)


def _bisection_order(full):
    """The nodes ordered so that each half, quarter, ... of the order is a cluster by path cost: a set is split
    at the median of D_aj - D_bj, a and b two far-apart nodes of the set (a the farthest from its first node,
    b the farthest from a). ``full``: the all-pairs path costs of one connected component."""
    order = []
    pending = [np.arange(len(full))]
    while pending:
        nodes = pending.pop()
        if len(nodes) <= 2:
            order.extend(nodes)
            continue
        far = nodes[np.argmax(full[nodes[0], nodes])]
        other = nodes[np.argmax(full[far, nodes])]
        by_side = nodes[np.argsort(full[far, nodes] - full[other, nodes], kind='stable')]
        half = len(nodes) // 2
        pending.extend([by_side[half:], by_side[:half]])
    return np.array(order, dtype=np.intp)


def _subtrees(removed, depth, inserted=()):
    """The subtrees of :func:`_remove_each`'s recursion ``depth`` levels down: (the sets inserted on the way
    there, from the top, and the removed set at the subtree's root)."""
    if depth == 0 or len(removed) == 1:
        yield inserted, removed
        return
    half = len(removed) // 2
    first, second = removed[:half], removed[half:]
    yield from _subtrees(first, depth - 1, inserted + (second,))
    yield from _subtrees(second, depth - 1, inserted + (first,))


class _RemovalContext:
    """What every subtree of one component's removals reads: the insertion work, a_i and f."""

    def __init__(self, work, weights, pair_value):
        self.work = work
        self.weights = weights
        self.pair_value = pair_value
        self.copy_above = max(2, work.count // COPY_SHARE)

    def leaf(self, losses, feedback):
        """The leaf of :func:`_remove_each`: sets ``losses[node]``, the loss between other nodes when ``node`` is
        removed, and reports the share of nodes solved to ``feedback``."""
        solved = [0]

        def solve(matrix, node):
            flat, shorter = self.work.shortened(matrix, node, self.work.reach(matrix, node))
            rows, columns = np.divmod(flat, self.work.count)
            losses[node] = float(np.sum(self.weights[rows] * self.weights[columns]
                                        * (self.pair_value(shorter) - self.pair_value(matrix.reshape(-1)[flat]))))
            solved[0] += 1
            feedback.report(solved[0] / len(losses))
            feedback.check()
        return solve


def _subtree_losses(context, subtree):
    """The losses of the removed set of one subtree (from :func:`_subtrees`), an ``executor`` task: the matrix
    without that set is built by the same insertions, in the same order, as in the serial recursion."""
    inserted, removed = subtree
    matrix = np.full((context.work.count, context.work.count), np.inf)
    for nodes in inserted:
        for node in nodes:
            context.work.insert(matrix, node, undo=False)
    losses = np.zeros(context.work.count)
    _remove_each(context.work, matrix, removed, context.leaf(losses, task_feedback()), context.copy_above, False)
    return losses[removed]


def _remove_each(work, matrix, removed, leaf, copy_above, restore):
    """Call ``leaf(all-pairs matrix without node, node)`` for each node of ``removed``; ``matrix`` holds the
    all-pairs costs without the whole set ``removed``. Sets larger than ``copy_above`` work on a copy and use
    ``matrix`` up (unless ``restore``); smaller ones undo their insertions, leaving ``matrix`` as it was."""
    if len(removed) == 1:
        leaf(matrix, removed[0])
        return
    half = len(removed) // 2
    first, second = removed[:half], removed[half:]
    if len(removed) > copy_above and not restore:
        without_first = matrix.copy()
        for node in second:
            work.insert(without_first, node, undo=False)
        _remove_each(work, without_first, first, leaf, copy_above, False)
        del without_first
        for node in first:
            work.insert(matrix, node, undo=False)
        _remove_each(work, matrix, second, leaf, copy_above, False)
        return
    for inserted, rest in ((second, first), (first, second)):
        changes = [work.insert(matrix, node) for node in inserted]
        _remove_each(work, matrix, rest, leaf, copy_above, True)
        for change in reversed(changes):
            work.undo(matrix, change)


class _InsertionWork:
    """Inserts a node into an all-pairs cost matrix (rows and columns of absent nodes are inf), in place, through
    the node's ``links`` (boolean n x n) only."""

    def __init__(self, costs, links):
        self.count = len(costs)
        width = max(1, int(links.sum(axis=1).max()))
        self.neighbours = np.zeros((self.count, width), dtype=np.intp)
        self.link_costs = np.full((self.count, width), np.inf)  # padding: no link
        self.link_counts = np.maximum(links.sum(axis=1), 1)  # without padding, but at least one column
        for node in range(self.count):
            linked = np.flatnonzero(links[node])
            self.neighbours[node, :len(linked)] = linked
            self.link_costs[node, :len(linked)] = costs[node, linked]

    def reach(self, matrix, node):
        """d_vj = min over v's links u of c_vu + D_uj, 0 at v itself."""
        linked = self.link_counts[node]
        reach = (matrix[self.neighbours[node, :linked]] + self.link_costs[node, :linked, None]).min(axis=0)
        reach[node] = 0.0
        return reach

    def insert(self, matrix, node, undo=True):
        """Insert ``node``; returns what :meth:`undo` needs to take it out again (None unless ``undo``)."""
        reach = self.reach(matrix, node)
        flat, shorter = self.shortened(matrix, node, reach)
        change = (node, flat, matrix.reshape(-1)[flat]) if undo else None
        matrix.reshape(-1)[flat] = shorter
        matrix[node] = reach
        matrix[:, node] = reach
        return change

    @staticmethod
    def undo(matrix, change):
        node, flat, before = change
        matrix[node] = np.inf
        matrix[:, node] = np.inf
        matrix.reshape(-1)[flat] = before

    def shortened(self, matrix, node, reach):
        """``(flat positions i * n + j, costs)`` of the pairs (i, j), both other than ``node``, whose cost through
        ``node`` d_vi + d_vj is below D_ij.

        If (i, j) is shortened and x is j's parent in the node's shortest-path tree (d_vx + c_xj = d_vj), then
        D_ix >= D_ij - c_xj > d_vi + d_vx: (i, x) is shortened too. So, for every row i, the shortened columns
        form a subtree at the root, found level by level from the root's children. Without an exact tree
        (never seen so far), every row and column that can change is compared instead."""
        parents = self._tree(reach, node)
        if parents is None:
            return self._shortened_rows(matrix, node, reach)
        reached = np.flatnonzero(parents >= 0).astype(np.intp)
        children = reached[np.argsort(parents[reached], kind='stable')]
        child_counts = np.bincount(parents[reached], minlength=self.count).astype(np.intp)
        starts = np.concatenate([[0], np.cumsum(child_counts)]).astype(np.intp)
        roots = children[starts[node]:starts[node + 1]]
        row_starts, columns = np.repeat(reached * self.count, len(roots)), np.tile(roots, len(reached))
        row_reach = np.repeat(reach[reached], len(roots))
        found_flat, found_costs = [np.empty(0, dtype=np.intp)], [np.empty(0)]
        flat_matrix = matrix.reshape(-1)
        while len(row_starts):  # ndarray methods, not numpy functions: their dispatch costs show at ~35 levels
            flat = row_starts + columns
            through = row_reach + reach[columns]
            shorter = (through < flat_matrix[flat]).nonzero()[0]
            found_flat.append(flat[shorter])
            found_costs.append(through[shorter])
            row_starts, columns, row_reach = row_starts[shorter], columns[shorter], row_reach[shorter]
            counts = child_counts[columns]
            firsts = (starts[columns] - counts.cumsum() + counts).repeat(counts)
            row_starts, row_reach = row_starts.repeat(counts), row_reach.repeat(counts)
            columns = children[firsts + np.arange(len(firsts))]
        return np.concatenate(found_flat), np.concatenate(found_costs)

    def _tree(self, reach, node):
        """Each reached node's parent x in ``node``'s shortest-path tree (d_vx + c_xj = d_vj up to TREE_TOLERANCE),
        -1 for the root and unreached nodes; None if some node has none. A parent is first looked for among
        nodes strictly nearer to the root, then (for ties through zero-cost links) among nodes already placed."""
        via = reach[self.neighbours]
        bound = reach * (1.0 + TREE_TOLERANCE)
        candidates = np.where(via < reach[:, None], via + self.link_costs, np.inf)
        pick = candidates.argmin(axis=1)
        everyone = np.arange(self.count)
        parents = np.where(candidates[everyone, pick] <= bound, self.neighbours[everyone, pick], -1)
        reached = np.isfinite(reach)
        reached[node] = False
        parents[~reached] = -1
        pending = np.flatnonzero(reached & (parents < 0))
        placed = parents >= 0
        placed[node] = True
        while len(pending):
            linked = self.neighbours[pending]
            fits = placed[linked] & (reach[linked] + self.link_costs[pending] <= bound[pending][:, None])
            found = fits.any(axis=1)
            if not found.any():
                return None
            parents[pending[found]] = linked[found, fits[found].argmax(axis=1)]
            placed[pending[found]] = True
            pending = pending[~found]
        return parents

    def _shortened_rows(self, matrix, node, reach):
        """:meth:`shortened` by comparing whole rows: a shortened pair (i, j) shortens (i, u) for the link u of
        ``node`` on its new path, so only rows (and columns) shortened at one of the node's links can change."""
        linked = self.neighbours[node][np.isfinite(self.link_costs[node])]
        changing = (matrix[linked] > reach[linked][:, None] + reach[None, :]).any(axis=0)
        changing[node] = False
        changing = np.flatnonzero(changing)
        through = reach[changing][:, None] + reach[changing][None, :]
        rows, columns = np.nonzero(through < matrix[np.ix_(changing, changing)])
        return changing[rows] * self.count + changing[columns], through[rows, columns]


def pc_pair_value(limit):
    """f(D) = exp(-D) for PC, 0 beyond the cost ``limit`` (the pruning probability); picklable."""
    return functools.partial(_pc_value, limit=limit)


def _pc_value(cost, limit):
    with np.errstate(over='ignore'):
        return np.where(cost <= limit, np.exp(-np.minimum(cost, limit)), 0.0)


def node_importance(network, feedback=None, executor=None):
    """dPC and its fractions for every protected unit inside the region (docs/protconn.md; Saura & Rubio 2010).

    Returns a DataFrame with ``geometry`` (the unit's polygon inside the region), ``area_km2``, ``dpc`` =
    100 (PC - PC without k) / PC, ``dpc_intra`` = 100 a_k^2 / PCnum, ``dpc_flux`` = 100 * 2 sum_j a_k a_j
    p*_kj / PCnum and ``dpc_connector`` = dpc - dpc_intra - dpc_flux, the part of PC that flows through k
    between other units. All come from :func:`removal_importance` on the links of every pair within the
    pruning limit that two other units do not beat (:func:`pair_distances`; 8 n^2 bytes per level of the largest
    removal sets; about half a minute for a thousand units).
    Stepping stones have no row (they have no area) but carry paths. ``feedback`` (an optional
    engine.feedback.Feedback) hears the progress as units are solved; a cancel raises messages.Canceled.
    ``executor`` (engine.executor.Executor) splits a large network over its workers, with the same results.
    """
    units = np.flatnonzero(~network.transboundary)
    if not len(units):
        return pd.DataFrame(columns=IMPORTANCE_COLUMNS)
    limit = cost_limit(network)
    importance = removal_importance(link_costs(network.geometries, network.decay, limit), network.areas,
                                    pc_pair_value(limit), feedback, executor)
    pc_num = importance.numerator
    return pd.DataFrame({
        'geometry': [network.geometries[node] for node in units],
        'area_km2': network.areas[units] / 1e6,
        'dpc': 100.0 * (pc_num - importance.removed[units]) / pc_num,
        'dpc_intra': 100.0 * importance.intra[units] / pc_num,
        'dpc_flux': 100.0 * importance.flux[units] / pc_num,
        'dpc_connector': 100.0 * importance.connector[units] / pc_num,
    }, columns=IMPORTANCE_COLUMNS)
