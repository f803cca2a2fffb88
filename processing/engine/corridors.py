"""Linkage Mapper's corridor network between core areas on a resistance raster (docs/costdistance.md).

The steps of Linkage Mapper (McRae and Kavanagh 2011, steps 3 to 5), on the 8-neighbour cost graph of
``costdistance`` (average-cost convention, costs in resistance x metres):

1. the cores are rasterised onto the resistance grid (``core_labels``: cells whose centre lies inside);
2. one accumulated-cost pass per core, on a ``CostGraph`` built once, gives CWD_A, the cost-weighted
   distance of every cell from core A, and LCD_AB, the lowest CWD_A over the cells of core B;
3. each core chooses its ``max_neighbors`` nearest other cores by LCD (``nearest_neighbours``), skipping
   cores it cannot reach, cores beyond ``max_cwd`` and, with ``drop_through_cores``, cores whose
   least-cost path crosses a third core. A link is kept when either of its two cores chose it: the link set
   is the union of the cores' choices, as in Linkage Mapper's step 4, so a core can end up with more than
   ``max_neighbors`` links (chosen by others) but never with fewer than its own choices;
4. each kept link gets its least-cost path and its metrics. The path is traced by steepest descent on the
   surface of one of its cores, say CWD_A, from the cell of B nearest to A back to A, so it runs from a cell
   of A to a cell of B. Paths are traced during step 3, only for the pairs a core examines;
5. its normalised least-cost corridor NLCC_AB = CWD_A + CWD_B - LCD_AB (0 along the path) is mosaicked
   by minimum over the links and truncated at ``width_cutoff``; cells with NLCC_AB <= ``width_cutoff``
   form the link's corridor polygon.

Grids are row-major with row 0 at the top and a GDAL geotransform; geometries are shapely, in the grid's
CRS, which must be projected in metres. The accumulated-cost surfaces are kept on disk as float32 between
steps 2 and 5, so memory holds only about two of them at a time, whatever the number of cores.
"""

import os
import tempfile
from collections import namedtuple

import numpy as np
from scipy.spatial import cKDTree
from shapely.geometry import LineString, Polygon, box
from shapely.ops import unary_union

from . import raster
from .costdistance import CostGraph, least_cost_path
from .feedback import ensure as ensure_feedback
from .messages import EngineError, N_

DEFAULT_MAX_NEIGHBORS = 4
"""Linkage Mapper's default number of nearest neighbours each core connects to."""

DEFAULT_WIDTH_CUTOFF = 200000.0
"""Linkage Mapper's default corridor truncation, in cost x metres (its CWD units in a metric CRS)."""

Link = namedtuple('Link', 'from_id to_id euc_dist cwd lcp_length cwd_euc_ratio cwd_path_ratio path corridor')
"""One kept link between two cores, ``from_id`` before ``to_id`` in the input order.

``euc_dist``: Euclidean distance in metres between the centres of the closest cells of the two cores;
``cwd``: LCD_AB, cost-weighted distance in cost x metres; ``lcp_length``: length of the least-cost path in
metres; ``cwd_euc_ratio`` = cwd / euc_dist; ``cwd_path_ratio`` = cwd / lcp_length (the mean resistance met
along the path); ``path``: LineString through the path's cell centres from the first core to the second;
``corridor``: the (Multi)Polygon of the cells where NLCC_AB <= the width cutoff.
"""

CorridorNetwork = namedtuple('CorridorNetwork', 'links corridors through_core isolated partly_outside')
"""The result of ``corridor_network``: the kept ``links``; ``corridors``, the NLCC mosaic (float32, cost x
metres, NaN beyond the width cutoff and where no corridor reaches); ``through_core``, the (from_id, to_id)
pairs dropped because their path crosses a third core; ``isolated``, the ids of cores left without a link;
``partly_outside``, the ids of cores reaching beyond the raster, of which only the part on it is used."""

Trace = namedtuple('Trace', 'cells cwd crosses')
"""A traced least-cost path: (row, col) cells from the lower-index core to the other, its LCD and whether it
crosses a third core."""


def core_labels(geometries, core_ids, shape, geotransform, crs_wkt=''):
    """Rasterise core polygons: an int32 grid with 0 outside the cores and k + 1 in the cells of core k.

    A cell belongs to a core when its centre lies inside the polygon; a core too small to contain a cell
    centre gets the free cells it touches. Where cores overlap, the later one wins. Raises EngineError
    naming the core when one has no cell at all (outside the grid, or hidden under other cores).
    """
    count = len(geometries)
    labels = raster.rasterize(geometries, range(1, count + 1), shape, geotransform, crs_wkt)
    missing = _missing_labels(labels, count)
    if missing.size:
        touched = raster.rasterize([geometries[k - 1] for k in missing], missing, shape, geotransform, crs_wkt,
                                   all_touched=True)
        free = (labels == 0) & (touched > 0)
        labels[free] = touched[free]
        missing = _missing_labels(labels, count)
    if missing.size:
        raise EngineError(N_('Core {core} covers no cell of the resistance raster: it lies outside the raster '
                             'or entirely under other cores. Use cores and a raster that cover the same area.'),
                          core=core_ids[missing[0] - 1])
    return labels


def _missing_labels(labels, count):
    """The labels 1..count that no cell carries."""
    return np.flatnonzero(np.bincount(labels.ravel(), minlength=count + 1)[1:] == 0) + 1


def partly_outside(geometries, core_ids, shape, geotransform):
    """The ids of the cores that reach beyond the extent of the grid of ``shape`` and ``geotransform``."""
    x0, dx, _, y0, _, dy = geotransform
    rows, cols = shape
    extent = box(min(x0, x0 + cols * dx), min(y0, y0 + rows * dy), max(x0, x0 + cols * dx), max(y0, y0 + rows * dy))
    return [core_id for core_id, geometry in zip(core_ids, geometries) if not extent.contains(geometry)]


def core_cells(labels, count):
    """Flat (row-major) indices of the cells of each core: a list of ``count`` int64 arrays."""
    flat = labels.ravel()
    cells = np.flatnonzero(flat)
    cells = cells[np.argsort(flat[cells], kind='stable')]
    bounds = np.searchsorted(flat[cells], np.arange(1, count + 2))
    return [cells[bounds[k]:bounds[k + 1]] for k in range(count)]


def edge_distances(labels, cells, cell_width, cell_height):
    """Euclidean edge-to-edge distances between cores, in metres: an (n, n) symmetric matrix.

    The distance between two cores is the one between the centres of their closest cells, the cells the
    cost-weighted distance is measured between; so with a uniform resistance r and a straight or diagonal
    path, LCD = r x distance. (Linkage Mapper measures between the polygons, up to about a cell less.)
    Only boundary cells are compared: a core's cell closest to any outside point has a 4-neighbour outside.
    """
    boundary = _boundary_mask(labels).ravel()
    cols = labels.shape[1]
    points = []
    for members in cells:
        edge = members[boundary[members]]
        points.append(np.column_stack(((edge % cols) * float(cell_width), (edge // cols) * float(cell_height))))
    trees = [cKDTree(xy) for xy in points]
    count = len(cells)
    distances = np.zeros((count, count))
    for i in range(count):
        for j in range(i + 1, count):
            distances[i, j] = distances[j, i] = trees[i].query(points[j])[0].min()
    return distances


def _boundary_mask(labels):
    """Core cells with a 4-neighbour outside their core (or on the grid's edge)."""
    padded = np.pad(labels, 1)
    centre = padded[1:-1, 1:-1]
    differs = ((padded[:-2, 1:-1] != centre) | (padded[2:, 1:-1] != centre)
               | (padded[1:-1, :-2] != centre) | (padded[1:-1, 2:] != centre))
    return (centre > 0) & differs


def nearest_cells(accumulated, cells):
    """For each core, the lowest accumulated cost over its cells (LCD, cost x m) and the flat index of that cell."""
    flat = accumulated.ravel()
    costs = np.empty(len(cells))
    nearest = np.empty(len(cells), dtype=np.int64)
    for k, members in enumerate(cells):
        values = flat[members]
        best = int(np.argmin(values))
        costs[k], nearest[k] = values[best], members[best]
    return costs, nearest


def nearest_neighbours(costs, core, max_neighbors, max_cwd=None, is_dropped=None):
    """Indices of the cores ``core`` connects to: its ``max_neighbors`` nearest by LCD (0 = no limit).

    ``costs`` is the row of LCDs from ``core`` (cost x m, inf = unreachable). Skipped: ``core`` itself,
    unreachable cores, cores beyond ``max_cwd`` and cores for which ``is_dropped(other)`` is True. The
    predicate is called in order of increasing LCD and only until enough neighbours are found, so paths
    are traced only where needed. Ties go to the core that comes first in the input.
    """
    chosen = []
    for other in np.argsort(costs, kind='stable'):
        other = int(other)
        if max_neighbors and len(chosen) == max_neighbors:
            break
        if other == core or not np.isfinite(costs[other]):
            continue
        if max_cwd is not None and costs[other] > max_cwd:
            break
        if is_dropped is None or not is_dropped(other):
            chosen.append(other)
    return chosen


def crosses_third_core(path, labels, first, second):
    """True when a cell of ``path`` ((row, col) cells) lies in a core other than cores ``first`` and ``second``."""
    rows, cols = np.asarray(path).T
    on_path = labels[rows, cols]
    return bool(np.any((on_path != 0) & (on_path != first + 1) & (on_path != second + 1)))


def path_length(path, cell_width, cell_height):
    """Length in metres of a path of adjacent (row, col) cells, measured between cell centres."""
    steps = np.diff(np.asarray(path, dtype=np.float64), axis=0)
    return float(np.hypot(steps[:, 0] * cell_height, steps[:, 1] * cell_width).sum())


def path_line(path, geotransform):
    """A path of (row, col) cells as a LineString through the cell centres, in the grid's CRS."""
    x0, dx, _, y0, _, dy = geotransform
    return LineString([(x0 + (col + 0.5) * dx, y0 + (row + 0.5) * dy) for row, col in path])


def normalised_corridor(cwd_a, cwd_b, lcd):
    """NLCC_AB = CWD_A + CWD_B - LCD_AB (docs/costdistance.md), float64, in cost x metres.

    0 along the least-cost path and >= 0 elsewhere (negative rounding residues of float32 surfaces are
    clipped to 0); inf where either core is unreachable. Cells on the path give 0, a cell off it more:

    >>> normalised_corridor(np.array([0.0, 10.0, 20.0, 15.0]), np.array([20.0, 10.0, 0.0, 12.0]), 20.0).tolist()
    [0.0, 0.0, 0.0, 7.0]
    """
    nlcc = np.add(cwd_a, cwd_b, dtype=np.float64)
    nlcc -= lcd
    return np.maximum(nlcc, 0.0, out=nlcc)


def truncated(corridors, width_cutoff):
    """The corridor mosaic as float32 with NaN where NLCC exceeds ``width_cutoff`` (cost x m) or is infinite."""
    result = corridors.astype(np.float32)
    result[~(corridors <= width_cutoff)] = np.nan
    return result


def corridor_polygon(mask, geotransform, crs_wkt=''):
    """The cells of a boolean ``mask`` as one shapely (Multi)Polygon along cell edges, in the grid's CRS.

    Only the window holding the mask's cells is polygonised, so a narrow corridor on a large grid is cheap."""
    rows, cols = np.nonzero(mask)
    if rows.size == 0:
        return Polygon()
    top, left = int(rows.min()), int(cols.min())
    window = mask[top:int(rows.max()) + 1, left:int(cols.max()) + 1]
    x0, dx, _, y0, _, dy = geotransform
    shifted = (x0 + left * dx, dx, 0.0, y0 + top * dy, 0.0, dy)
    return unary_union(raster.polygonize(window, shifted, crs_wkt))


class SurfaceStore:
    """Accumulated-cost surfaces kept as float32 .npy files in ``folder``, one per core."""

    def __init__(self, folder):
        self.folder = folder

    def _path(self, core):
        return os.path.join(self.folder, 'cwd_{}.npy'.format(core))

    def save(self, core, surface):
        np.save(self._path(core), surface.astype(np.float32))

    def load(self, core):
        return np.load(self._path(core))


def check_core_ids(core_ids):
    """Raise EngineError unless there are at least two cores, with ids that are set and unique."""
    if len(core_ids) < 2:
        raise EngineError(N_('A corridor network needs at least two cores; {count} given.'), count=len(core_ids))
    if any(core_id is None for core_id in core_ids):
        raise EngineError(N_('A core has no id; give every core an id.'))
    seen = set()
    for core_id in core_ids:
        if core_id in seen:
            raise EngineError(N_('Core id {core} is used by more than one core; core ids must be unique.'),
                              core=core_id)
        seen.add(core_id)


def _require_passable(resistance, cells, core_ids):
    """Raise EngineError naming the first core whose cells are all barriers (nodata or <= 0)."""
    with np.errstate(invalid='ignore'):
        passable = (resistance > 0).ravel()
    for core_id, members in zip(core_ids, cells):
        if not passable[members].any():
            raise EngineError(N_('Core {core} lies only on barrier cells (nodata or resistance <= 0) of the '
                                 'resistance raster, so no corridor can leave it.'), core=core_id)


def _trace(graph, accumulated, labels, source, target, target_cell):
    """The Trace of the link between cores ``source`` and ``target`` on the surface CWD_source."""
    cells = least_cost_path(accumulated, graph, divmod(int(target_cell), graph.shape[1]))
    if source > target:
        cells.reverse()
    cwd = float(accumulated.flat[target_cell])
    return Trace(cells, cwd, crosses_third_core(cells, labels, source, target))


Settings = namedtuple('Settings', 'max_neighbors max_cwd drop_through_cores limit')
"""Link selection options of ``corridor_network``; ``limit`` bounds the accumulated-cost passes."""


def _cost_passes(graph, labels, cells, store, settings, feedback):
    """One accumulated-cost pass per core, each surface saved to ``store``; ``feedback`` covers all passes.

    Returns (traces by (lower, higher) core index, set of kept (lower, higher) pairs)."""
    traces, kept = {}, set()
    for core in range(len(cells)):
        feedback.check()
        accumulated = graph.accumulate(cells[core], max_cost=settings.limit,
                                       feedback=feedback.part(core / len(cells), (core + 1) / len(cells)))
        kept.update(_choose_neighbours(core, accumulated, graph, labels, cells, traces, settings))
        store.save(core, accumulated)
        feedback.report((core + 1) / len(cells))
    return traces, kept


def _choose_neighbours(core, accumulated, graph, labels, cells, traces, settings):
    """The (lower, higher) pairs ``core`` chooses on its surface CWD_core, tracing into ``traces`` the paths
    it examines (a pair already traced from its other core is reused)."""
    costs, nearest = nearest_cells(accumulated, cells)

    def is_dropped(other):
        pair = (min(core, other), max(core, other))
        if pair not in traces:
            traces[pair] = _trace(graph, accumulated, labels, core, other, nearest[other])
        return settings.drop_through_cores and traces[pair].crosses

    chosen = nearest_neighbours(costs, core, settings.max_neighbors, settings.max_cwd, is_dropped)
    return {(min(core, other), max(core, other)) for other in chosen}


def _link(pair, trace, core_ids, euclidean, corridor, grid):
    first, second = pair
    cell_width, cell_height = raster.cell_size(grid.geotransform)
    length = path_length(trace.cells, cell_width, cell_height)
    distance = float(euclidean[first, second])
    return Link(core_ids[first], core_ids[second], distance, trace.cwd, length, trace.cwd / distance,
                trace.cwd / length, path_line(trace.cells, grid.geotransform), corridor)


def _corridors(kept, traces, store, width_cutoff, grid, feedback):
    """The NLCC mosaic (float32, inf where no corridor) and each kept pair's corridor polygon."""
    mosaic = np.full(grid.array.shape, np.inf, dtype=np.float32)
    polygons = {}
    loaded = (None, None)
    for index, pair in enumerate(sorted(kept)):
        feedback.check()
        if loaded[0] != pair[0]:
            loaded = (pair[0], store.load(pair[0]))
        nlcc = normalised_corridor(loaded[1], store.load(pair[1]), traces[pair].cwd)
        np.fmin(mosaic, nlcc, out=mosaic)
        polygons[pair] = corridor_polygon(nlcc <= width_cutoff, grid.geotransform, grid.crs_wkt)
        feedback.report((index + 1) / len(kept))
    return mosaic, polygons


def corridor_network(grid, core_geometries, core_ids, max_neighbors=DEFAULT_MAX_NEIGHBORS,
                     max_cwd=None, drop_through_cores=True, width_cutoff=DEFAULT_WIDTH_CUTOFF,
                     feedback=None, workdir=None):
    """Linkage Mapper's links, least-cost paths and normalised corridors between cores (see the module docstring).

    ``grid``: the resistance as a ``raster.Grid`` (NaN or <= 0 = barrier) in a CRS projected in metres;
    ``core_geometries``: shapely polygons in that CRS, with their unique ``core_ids``;
    ``max_neighbors``: nearest neighbours each core chooses (0 = all); ``max_cwd``: longest link kept, cost x
    metres (None = no limit); ``drop_through_cores``: drop links whose path crosses a third core;
    ``width_cutoff``: NLCC beyond which a cell is outside the corridors, cost x metres; ``feedback``: an
    engine.feedback.Feedback (cancel raises ``messages.Canceled``); ``workdir``: where
    the temporary float32 surfaces go (deleted on return). Returns a CorridorNetwork.
    """
    check_core_ids(core_ids)
    feedback = ensure_feedback(feedback)
    geotransform = grid.geotransform
    cell_width, cell_height = raster.cell_size(geotransform)
    graph = CostGraph(grid.array, cell_width, cell_height)
    labels = core_labels(core_geometries, core_ids, graph.shape, geotransform, grid.crs_wkt)
    cells = core_cells(labels, len(core_ids))
    _require_passable(grid.array, cells, core_ids)
    euclidean = edge_distances(labels, cells, cell_width, cell_height)
    feedback.report(0.05)
    limit = None if max_cwd is None else float(max_cwd) + float(width_cutoff)
    settings = Settings(max_neighbors, max_cwd, drop_through_cores, limit)
    with tempfile.TemporaryDirectory(prefix='corridors-', dir=workdir) as folder:
        store = SurfaceStore(folder)
        traces, kept = _cost_passes(graph, labels, cells, store, settings, feedback.part(0.05, 0.8))
        mosaic, polygons = _corridors(kept, traces, store, width_cutoff, grid, feedback.part(0.8, 1.0))
    links = [_link(pair, traces[pair], core_ids, euclidean, polygons[pair], grid) for pair in sorted(kept)]
    through_core = [(core_ids[a], core_ids[b]) for (a, b), trace in sorted(traces.items())
                    if drop_through_cores and trace.crosses]
    linked = {core for pair in kept for core in pair}
    isolated = [core_id for index, core_id in enumerate(core_ids) if index not in linked]
    outside = partly_outside(core_geometries, core_ids, graph.shape, geotransform)
    return CorridorNetwork(links, truncated(mosaic, width_cutoff), through_core, isolated, outside)
