"""Which pairs of cores become links: Linkage Mapper's adjacency, nearest neighbours, constellations and bounding
circles (docs/restoration.md, "Linkage Mapper's link selection"; McRae and Kavanagh 2011, steps 1 to 4).

Grids are row-major, row 0 at the top; ``labels`` is an int32 grid with 0 outside the cores and k + 1 in the cells
of core k (engine.corridors.core_labels). Pairs of cores are (lower index, higher index) tuples of core indices.
Distances are in metres, costs in cost-weighted metres (resistance x metres).
"""

import math

import numpy as np
from scipy import ndimage

ALL_PAIRS, COST_ADJACENT, EUCLIDEAN_ADJACENT, COST_OR_EUCLIDEAN_ADJACENT = range(4)
"""ADJACENCY: which pairs of cores are candidate links (all pairs, or the pairs whose cost-weighted or Euclidean
allocation zones touch, or either)."""

BY_COST, BY_EUCLIDEAN = range(2)
"""NEIGHBOR_METRIC: the distance by which a core ranks its nearest neighbours and constellations are joined."""


def euclidean_allocation(labels, cell_width, cell_height):
    """Each cell's nearest core by Euclidean distance between cell centres (a label grid like ``labels``).

    Cells of a core keep its label; barriers are ignored, as in Linkage Mapper's Euclidean allocation."""
    _, (rows, cols) = ndimage.distance_transform_edt(labels == 0, sampling=(cell_height, cell_width),
                                                     return_indices=True)
    return labels[rows, cols]


def cost_allocation(graph, labels, cells, feedback=None):
    """Each cell's nearest core by cost-weighted distance (a label grid like ``labels``; 0 where no core reaches).

    One accumulated-cost pass from the cells of every core (``graph``: an engine.costdistance.CostGraph of the
    resistance), then each cell takes the core of the neighbour its least cost came through, followed back to a
    core by pointer jumping (about log2 of the longest path, in cells, array passes). ``feedback`` as in
    CostGraph.accumulate."""
    sources = np.concatenate([members for members in cells])
    cost = np.full(graph.padded.size, np.inf)
    rows, cols = graph.shape
    cost.reshape(rows + 2, graph.padded_cols)[1:-1, 1:-1] = graph.accumulate(sources, feedback=feedback)
    inside = graph.padded_index(np.arange(rows * cols, dtype=np.int64))
    pointer = _least_cost_predecessors(graph, cost, inside)
    padded_labels = np.zeros(graph.padded.size, dtype=np.int32)
    padded_labels[inside] = labels.ravel()
    is_source = padded_labels > 0
    pointer[is_source] = np.flatnonzero(is_source)
    while True:
        jumped = pointer[pointer]
        if np.array_equal(jumped, pointer):
            break
        pointer = jumped
    allocation = padded_labels[pointer][inside].reshape(rows, cols)
    return np.where(labels > 0, labels, allocation)


def _least_cost_predecessors(graph, cost, inside):
    """Padded index of the neighbour each reached cell's least cost came through (itself where unreached), with
    the arithmetic of CostGraph's relaxation so that the minimum is the cell's own accumulated cost."""
    pointer = np.arange(graph.padded.size, dtype=np.int64)
    reached = inside[np.isfinite(cost[inside])]
    best = np.full(reached.size, np.inf)
    for offset, half in zip(graph.offsets, graph.half_lengths):
        neighbour = reached + offset
        candidate = graph.edge_cost(reached, neighbour, half)
        candidate += cost[neighbour]
        lower = candidate < best
        best[lower] = candidate[lower]
        pointer[reached[lower]] = neighbour[lower]
    return pointer


def adjacent_pairs(allocation):
    """The pairs of cores whose zones in ``allocation`` touch (8 neighbours), as a set of (i, j), i < j."""
    found = set()
    base = int(allocation.max()) + 1
    pairs_of_neighbours = ((allocation[:, :-1], allocation[:, 1:]), (allocation[:-1, :], allocation[1:, :]),
                           (allocation[:-1, :-1], allocation[1:, 1:]), (allocation[:-1, 1:], allocation[1:, :-1]))
    for first, second in pairs_of_neighbours:
        touching = (first != second) & (first > 0) & (second > 0)
        low = np.minimum(first[touching], second[touching]).astype(np.int64)
        high = np.maximum(first[touching], second[touching]).astype(np.int64)
        found.update((int(code) // base - 1, int(code) % base - 1) for code in np.unique(low * base + high))
    return found


def candidate_pairs(adjacency, count, cost_zones=None, euclidean_zones=None):
    """The candidate links under ``adjacency``: sorted (i, j) pairs, i < j, of ``count`` cores.

    ``cost_zones`` and ``euclidean_zones`` are the allocation grids the adjacency mode needs (None otherwise)."""
    if adjacency == ALL_PAIRS:
        return [(i, j) for i in range(count) for j in range(i + 1, count)]
    found = set()
    if adjacency in (COST_ADJACENT, COST_OR_EUCLIDEAN_ADJACENT):
        found |= adjacent_pairs(cost_zones)
    if adjacency in (EUCLIDEAN_ADJACENT, COST_OR_EUCLIDEAN_ADJACENT):
        found |= adjacent_pairs(euclidean_zones)
    return sorted(found)


def nearest_neighbour_links(count, candidates, distance, is_usable, max_neighbors):
    """The pairs chosen when each core keeps its ``max_neighbors`` nearest usable candidates (0 = all).

    ``distance[pair]`` ranks the candidates; ``is_usable(pair)`` is asked in order of increasing distance and only
    until a core has enough neighbours (so least-cost paths are traced only where needed). A link is kept when
    either core chose it (the union, as Linkage Mapper does). Ties go to the pair of lower core indices."""
    ranked = sorted(candidates, key=lambda pair: (distance[pair], pair))
    kept = set()
    for core in range(count):
        chosen = 0
        for pair in ranked:
            if max_neighbors and chosen == max_neighbors:
                break
            if core in pair and is_usable(pair):
                kept.add(pair)
                chosen += 1
    return kept


def connect_constellations(count, kept, candidates, distance, is_usable):
    """``kept`` plus the shortest usable candidate joining each pair of groups of linked cores ("constellations")
    that are still apart, shortest first, until no usable candidate joins two groups (Kruskal's algorithm on the
    groups, as Linkage Mapper's step 4 does)."""
    group = list(range(count))

    def root(core):
        while group[core] != core:
            group[core] = group[group[core]]
            core = group[core]
        return core

    for first, second in kept:
        group[root(first)] = root(second)
    joined = set(kept)
    for pair in sorted(candidates, key=lambda pair: (distance[pair], pair)):
        first, second = root(pair[0]), root(pair[1])
        if first != second and is_usable(pair):
            joined.add(pair)
            group[max(first, second)] = min(first, second)
    return joined


def bounding_circle(first, second, buffer):
    """(x, y, radius) of the circle around the bounding box of two shapely geometries, widened by ``buffer``
    metres: Linkage Mapper's bounding circle of a pair of cores."""
    minx = min(first.bounds[0], second.bounds[0])
    miny = min(first.bounds[1], second.bounds[1])
    maxx = max(first.bounds[2], second.bounds[2])
    maxy = max(first.bounds[3], second.bounds[3])
    return (minx + maxx) / 2.0, (miny + maxy) / 2.0, math.hypot(maxx - minx, maxy - miny) / 2.0 + buffer


def _circle_box(circle, shape, geotransform):
    """(first row, end row, first column, end column) of the cells of a grid of ``shape`` whose centre may lie in
    ``circle`` ((x, y, radius) in the grid's CRS), clipped to the grid (empty ranges when outside)."""
    rows, cols = shape
    x, y, radius = circle
    x0, dx, _, y0, _, dy = geotransform
    col0, col1 = sorted(((x - radius - x0) / dx, (x + radius - x0) / dx))
    row0, row1 = sorted(((y - radius - y0) / dy, (y + radius - y0) / dy))
    return (max(int(math.floor(row0)), 0), min(int(math.ceil(row1)) + 1, rows),
            max(int(math.floor(col0)), 0), min(int(math.ceil(col1)) + 1, cols))


def circles_window(circles, shape, geotransform, rows, cols):
    """(row slice, column slice) of the smallest window of a grid of ``shape`` holding the cells at ``rows`` and
    ``cols`` (non-empty index arrays) and every cell whose centre may lie in one of ``circles``."""
    boxes = [box for box in (_circle_box(circle, shape, geotransform) for circle in circles)
             if box[0] < box[1] and box[2] < box[3]]
    top = min([int(rows.min())] + [box[0] for box in boxes])
    bottom = max([int(rows.max()) + 1] + [box[1] for box in boxes])
    left = min([int(cols.min())] + [box[2] for box in boxes])
    right = max([int(cols.max()) + 1] + [box[3] for box in boxes])
    return slice(top, bottom), slice(left, right)


def circles_mask(circles, shape, geotransform, window=None):
    """Boolean grid of the cells whose centre lies in at least one of ``circles`` ((x, y, radius) in the grid's
    CRS), over the whole grid of ``shape`` or only over ``window`` ((row slice, column slice) of it)."""
    window = window or (slice(0, shape[0]), slice(0, shape[1]))
    top, left = window[0].start, window[1].start
    x0, dx, _, y0, _, dy = geotransform
    mask = np.zeros((window[0].stop - top, window[1].stop - left), dtype=bool)
    for x, y, radius in circles:
        row0, row1, col0, col1 = _circle_box((x, y, radius), shape, geotransform)
        row0, row1 = max(row0, top), min(row1, window[0].stop)
        col0, col1 = max(col0, left), min(col1, window[1].stop)
        if row0 >= row1 or col0 >= col1:
            continue
        centre_y = y0 + (np.arange(row0, row1) + 0.5) * dy
        centre_x = x0 + (np.arange(col0, col1) + 0.5) * dx
        inside = (centre_y[:, None] - y) ** 2 + (centre_x[None, :] - x) ** 2 <= radius ** 2
        mask[row0 - top:row1 - top, col0 - left:col1 - left] |= inside
    return mask


def window_of(mask):
    """(row slice, column slice) of the smallest window holding every True cell of a non-empty ``mask``."""
    rows, cols = np.nonzero(mask.any(axis=1))[0], np.nonzero(mask.any(axis=0))[0]
    return slice(int(rows[0]), int(rows[-1]) + 1), slice(int(cols[0]), int(cols[-1]) + 1)
