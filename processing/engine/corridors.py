"""Linkage Mapper's corridor network between core areas on a resistance raster (docs/costdistance.md).

The steps of Linkage Mapper (McRae and Kavanagh 2011, steps 1 to 5; docs/restoration.md), on the 8-neighbour
cost graph of ``costdistance`` (average-cost convention, costs in resistance x metres):

1. the cores are rasterised onto the resistance grid (``core_labels``: cells whose centre lies inside);
   ``euc_dist`` is the edge-to-edge distance between the core polygons, as Linkage Mapper measures it;
2. candidate links: every pair, or the pairs whose cost-weighted or Euclidean allocation zones touch
   (engine.link_selection), within a maximum Euclidean distance;
3. one accumulated-cost pass per core with a candidate, on a ``CostGraph`` built once (or, with bounding circles,
   only inside the circles of the core's candidate pairs), gives CWD_A, the cost-weighted distance of every cell
   from core A, and LCD_AB, the lowest CWD_A over the cells of core B;
4. a candidate is usable when it is reachable, within ``max_cwd`` and (with ``drop_through_cores``) its
   least-cost path crosses no third core; each core keeps its ``max_neighbors`` nearest usable candidates by
   LCD or by Euclidean distance. A link is kept when either of its two cores chose it, as in Linkage Mapper's
   step 4, so a core can end up with more than ``max_neighbors`` links but never with fewer than its own
   choices. With ``connect_constellations``, groups of linked cores still apart are then joined by their
   shortest usable candidate. Paths are traced by steepest descent on the surface CWD_A, from the cell of B
   nearest to A back to A, so they run from a cell of A to a cell of B, and only for the pairs examined;
5. the normalised least-cost corridor of each kept link NLCC_AB = CWD_A + CWD_B - LCD_AB (0 along the path) is
   mosaicked by minimum over the links and truncated at ``width_cutoff``; cells with NLCC_AB <= ``width_cutoff``
   form the link's corridor polygon.

Grids are row-major with row 0 at the top and a GDAL geotransform; geometries are shapely, in the grid's
CRS, which must be projected in metres. The accumulated-cost surfaces are kept on disk (float64) between
steps 3 and 5, each only over the window where it is finite (``Surface``: the cost limit max_cwd + width_cutoff
and the bounding circles bound it), so memory holds only about two of them at a time, whatever the number of
cores, and the disk and the corridor step grow with the windows, not with the grid.
"""

import os
import tempfile
from collections import namedtuple

import numpy as np
from shapely.geometry import LineString, Polygon, box
from shapely.ops import unary_union

from . import link_selection, raster
from .costdistance import WIDE_BYTES_PER_CELL, CostGraph, least_cost_path
from .executor import Executor, task_feedback
from .feedback import ensure as ensure_feedback
from .messages import EngineError, N_

DEFAULT_MAX_NEIGHBORS = 4
"""Linkage Mapper's default number of nearest neighbours each core connects to."""

PASS_BYTES_PER_CELL = WIDE_BYTES_PER_CELL + 8
"""Memory one worker of a parallel run holds per cell: its copy of the graph and one accumulated-cost pass
(costdistance.WIDE_BYTES_PER_CELL: the resistance arrives as float64 and may not be exact in float32) and the
resistance grid itself (float64)."""

DEFAULT_WIDTH_CUTOFF = 200000.0
"""Linkage Mapper's default corridor truncation, in cost x metres (its CWD units in a metric CRS)."""

Link = namedtuple('Link', 'from_id to_id euc_dist cwd lcp_length cwd_euc_ratio cwd_path_ratio path corridor')
"""One kept link between two cores, ``from_id`` before ``to_id`` in the input order.

``euc_dist``: Euclidean edge-to-edge distance in metres between the two core polygons (0 when they touch);
``cwd``: LCD_AB, cost-weighted distance in cost x metres; ``lcp_length``: length of the least-cost path in
metres; ``cwd_euc_ratio`` = cwd / euc_dist (NaN when euc_dist is 0); ``cwd_path_ratio`` = cwd / lcp_length
(the mean resistance met along the path); ``path``: LineString through the path's cell centres from the first core
to the second;
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


def polygon_labels(geometries, shape, geotransform, crs_wkt=''):
    """Rasterise polygons: an int32 grid with 0 outside them and k + 1 in the cells of polygon k.

    A cell belongs to a polygon when its centre lies inside it; a polygon too small to contain a cell centre gets
    the free cells it touches. Where polygons overlap, the later one wins. A polygon may end up without any cell
    (outside the grid, or hidden under others): core_labels refuses that, other callers name the polygon their way.
    """
    count = len(geometries)
    labels = raster.rasterize(geometries, range(1, count + 1), shape, geotransform, crs_wkt)
    missing = _missing_labels(labels, count)
    if missing.size:
        touched = raster.rasterize([geometries[k - 1] for k in missing], missing, shape, geotransform, crs_wkt,
                                   all_touched=True)
        free = (labels == 0) & (touched > 0)
        labels[free] = touched[free]
    return labels


def core_labels(geometries, core_ids, shape, geotransform, crs_wkt=''):
    """polygon_labels of the cores; raises EngineError naming the core when one has no cell at all (outside the
    grid, or hidden under other cores)."""
    labels = polygon_labels(geometries, shape, geotransform, crs_wkt)
    missing = _missing_labels(labels, len(geometries))
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


def polygon_distances(geometries):
    """Euclidean edge-to-edge distances between core polygons (shapely, metres): an (n, n) symmetric matrix.

    As Linkage Mapper measures them: the shortest distance between the two polygons, 0 when they touch."""
    count = len(geometries)
    distances = np.zeros((count, count))
    for i in range(count):
        for j in range(i + 1, count):
            distances[i, j] = distances[j, i] = geometries[i].distance(geometries[j])
    return distances


Surface = namedtuple('Surface', 'top left values')
"""An accumulated-cost surface kept only over the window where it is finite: ``values`` (float64, cost x m) are the
costs of the grid's rows ``top``.. and columns ``left``..; every cell outside the window is unreachable (inf)."""


def finite_window(accumulated, top=0, left=0):
    """The Surface of ``accumulated`` (whose cell (0, 0) is the grid's (top, left)) cut to the smallest window holding
    its finite cells (a window of no cell when none is finite)."""
    finite = np.isfinite(accumulated)
    if not finite.any():
        return Surface(top, left, accumulated[:0, :0])
    rows, cols = link_selection.window_of(finite)
    return Surface(top + rows.start, left + cols.start, accumulated[rows, cols])


def surface_at(surface, flat, cols):
    """The values of a Surface at the grid's flat (row-major) indices ``flat`` (grid of ``cols`` columns), inf outside
    its window."""
    row, col = np.divmod(flat, cols)
    row -= surface.top
    col -= surface.left
    height, width = surface.values.shape
    inside = (row >= 0) & (row < height) & (col >= 0) & (col < width)
    values = np.full(flat.size, np.inf)
    values[inside] = surface.values[row[inside], col[inside]]
    return values


def overlap(first, second):
    """(row slice, column slice) of the grid where the windows of two Surfaces overlap; None when they do not."""
    top, left = max(first.top, second.top), max(first.left, second.left)
    bottom = min(first.top + first.values.shape[0], second.top + second.values.shape[0])
    right = min(first.left + first.values.shape[1], second.left + second.values.shape[1])
    if top >= bottom or left >= right:
        return None
    return slice(top, bottom), slice(left, right)


def part(surface, window):
    """The values of a Surface over ``window`` ((row slice, column slice) of the grid, inside the surface's)."""
    rows, cols = window
    return surface.values[rows.start - surface.top:rows.stop - surface.top,
                          cols.start - surface.left:cols.stop - surface.left]


def nearest_cells(accumulated, cells, grid_cols=None):
    """For each core, the lowest accumulated cost over its cells (LCD, cost x m) and the flat index of that cell.
    ``accumulated`` is a grid, or with ``grid_cols`` a Surface of a grid of that many columns."""
    if grid_cols is None:
        values_of = accumulated.ravel().__getitem__
    else:
        def values_of(members):
            return surface_at(accumulated, members, grid_cols)
    costs = np.empty(len(cells))
    nearest = np.empty(len(cells), dtype=np.int64)
    for k, members in enumerate(cells):
        values = values_of(members)
        best = int(np.argmin(values))
        costs[k], nearest[k] = values[best], members[best]
    return costs, nearest


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
    """The corridor mosaic with NaN where NLCC exceeds ``width_cutoff`` (cost x m) or is infinite; float32 unless
    a value kept is beyond its range (raster.float_type_for: float64 then)."""
    result = corridors.copy()
    result[~(corridors <= width_cutoff)] = np.nan
    return raster.compact_float(result)


def corridor_polygon(mask, geotransform, crs_wkt='', origin=(0, 0)):
    """The cells of a boolean ``mask`` as one shapely (Multi)Polygon along cell edges, in the grid's CRS; the mask's
    cell (0, 0) is the grid's cell ``origin`` (row, column).

    Only the window holding the mask's cells is polygonised, so a narrow corridor on a large grid is cheap."""
    rows, cols = np.nonzero(mask)
    if rows.size == 0:
        return Polygon()
    top, left = int(rows.min()), int(cols.min())
    window = mask[top:int(rows.max()) + 1, left:int(cols.max()) + 1]
    x0, dx, _, y0, _, dy = geotransform
    shifted = (x0 + (origin[1] + left) * dx, dx, 0.0, y0 + (origin[0] + top) * dy, 0.0, dy)
    return unary_union(raster.polygonize(window, shifted, crs_wkt))


class SurfaceStore:
    """Accumulated-cost surfaces (or their windows) kept as float64 .npy files in ``folder``, one per core; the two
    loaded last stay
    in memory (links are visited core by core, so most loads are hits)."""

    KEPT = 2

    def __init__(self, folder):
        self.folder = folder
        self._loaded = {}

    def _path(self, core):
        return os.path.join(self.folder, 'cwd_{}.npy'.format(core))

    def save(self, core, surface):
        np.save(self._path(core), surface)

    def load(self, core):
        if core not in self._loaded:
            if len(self._loaded) == self.KEPT:
                del self._loaded[next(iter(self._loaded))]
            self._loaded[core] = np.load(self._path(core))
        return self._loaded[core]


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


def link_ends(core_ids, links, fields=('from_id', 'to_id')):
    """(index of the first core, index of the second) in ``core_ids`` of each link of ``links``, a list of
    (feature id, first core id, second core id) read from the fields ``fields``. Ids match when equal: callers
    reading layers key both sides alike first (the adapters' qgis_io.id_key, so that 1, 1.0 and '1' name one core).

    Raises EngineError naming the link's feature id when an end is None (no value), names no core, or is the
    other end (a link to its own core), and naming both when two links join the same two cores (either way
    round): corridornetwork writes one link per pair, so such links come from an edited layer and would count a
    corridor twice or not at all.
    """
    positions = {core_id: position for position, core_id in enumerate(core_ids)}
    ends, seen = [], {}
    for fid, *ids in links:
        indices = []
        for field, core_id in zip(fields, ids):
            if core_id is None:
                raise EngineError(N_('feature id {fid} has no value in the field "{field}". Give every link the '
                                     'ids of the two cores it joins, or delete it.'), fid=fid, field=field)
            index = positions.get(core_id)
            if index is None:
                raise EngineError(N_('feature id {fid} names core {core}, which is not in the core layer. Use the '
                                     'cores the links were built from.'), fid=fid, core=core_id)
            indices.append(index)
        first, second = indices
        if first == second:
            raise EngineError(N_('feature id {fid} joins core {core} to itself. A link joins two cores: delete '
                                 'it.'), fid=fid, core=core_ids[first])
        pair = (min(first, second), max(first, second))
        if pair in seen:
            raise EngineError(N_('features id {first} and {second} both join cores {one} and {two}. Keep one link '
                                 'per pair of cores: delete the other.'), first=seen[pair], second=fid,
                              one=core_ids[pair[0]], two=core_ids[pair[1]])
        seen[pair] = fid
        ends.append((first, second))
    return ends


def impassable(resistance, cells):
    """The indices of the polygons of ``cells`` (core_cells) without a passable cell: none at all, or only barriers
    (nodata or resistance <= 0)."""
    with np.errstate(invalid='ignore'):
        passable = (np.asarray(resistance) > 0).ravel()
    return [index for index, members in enumerate(cells) if not passable[members].any()]


def require_passable(resistance, cells, core_ids):
    """Raise EngineError naming the first core whose cells are all barriers (nodata or <= 0)."""
    blocked = impassable(resistance, cells)
    if blocked:
        raise EngineError(N_('Core {core} lies only on barrier cells (nodata or resistance <= 0) of the '
                             'resistance raster, so no corridor can leave it.'), core=core_ids[blocked[0]])


def _trace(graph, surface, labels, source, target, target_cell, cwd):
    """The Trace of the link between cores ``source`` and ``target`` on the Surface CWD_source."""
    cells = least_cost_path(surface.values, graph, divmod(int(target_cell), graph.shape[1]),
                            origin=(surface.top, surface.left))
    if source > target:
        cells.reverse()
    return Trace(cells, cwd, crosses_third_core(cells, labels, source, target))


LinkOptions = namedtuple('LinkOptions', 'max_neighbors max_cwd drop_through_cores adjacency neighbor_metric '
                                        'max_euclidean connect_constellations circle_buffer')
"""Link selection options of ``corridor_network`` (Linkage Mapper's, docs/restoration.md):

``max_neighbors``: nearest neighbours each core keeps (0 = all); ``max_cwd``: longest link kept, cost x metres
(None = no limit); ``drop_through_cores``: drop links whose least-cost path crosses a third core; ``adjacency``:
link_selection.ALL_PAIRS, COST_ADJACENT, EUCLIDEAN_ADJACENT or COST_OR_EUCLIDEAN_ADJACENT; ``neighbor_metric``:
link_selection.BY_COST or BY_EUCLIDEAN; ``max_euclidean``: longest edge-to-edge distance of a candidate, metres
(None = no limit); ``connect_constellations``: join groups of cores left apart by their shortest usable link;
``circle_buffer``: None, or metres by which each pair's bounding circle is widened, each cost pass then running
only inside the circles of its core's candidate links."""
LinkOptions.__new__.__defaults__ = (DEFAULT_MAX_NEIGHBORS, None, True, link_selection.ALL_PAIRS,
                                    link_selection.BY_COST, None, False, None)


class _NetworkRun:
    """One run of ``corridor_network``: the grid, the cores and the options its steps share."""

    def __init__(self, grid, geometries, core_ids, options, width_cutoff, feedback, executor):
        self.grid, self.geometries, self.core_ids = grid, geometries, core_ids
        self.options, self.width_cutoff, self.feedback = options, float(width_cutoff), feedback
        self.executor = executor or Executor()
        self.cell_size = raster.cell_size(grid.geotransform)
        self.graph = CostGraph(grid.array, *self.cell_size)
        self.labels = core_labels(geometries, core_ids, self.graph.shape, grid.geotransform, grid.crs_wkt)
        self.cells = core_cells(self.labels, len(core_ids))
        require_passable(grid.array, self.cells, core_ids)
        self.euclidean = polygon_distances(geometries)
        self.limit = None if options.max_cwd is None else float(options.max_cwd) + self.width_cutoff
        self.passes = _Passes(self.graph, grid, geometries, self.cells, self.limit, options.circle_buffer)
        count = len(core_ids)
        self.lcd = np.full((count, count), np.inf)
        """lcd[a, b]: the lowest CWD_a over the cells of core b, cost x m."""
        self.nearest = np.zeros((count, count), dtype=np.int64)
        """nearest[a, b]: the flat index of that cell."""
        self.traces = {}
        self.origins = {}
        """origins[core]: the grid's (row, column) of the first cell of the window of the core's surface."""
        self.store = None

    def candidates(self):
        """The candidate pairs: adjacent under the adjacency option, within the maximum Euclidean distance."""
        adjacency = self.options.adjacency
        cost_zones = euclidean_zones = None
        if adjacency in (link_selection.COST_ADJACENT, link_selection.COST_OR_EUCLIDEAN_ADJACENT):
            cost_zones = link_selection.cost_allocation(self.graph, self.labels, self.cells, self.feedback)
        if adjacency in (link_selection.EUCLIDEAN_ADJACENT, link_selection.COST_OR_EUCLIDEAN_ADJACENT):
            euclidean_zones = link_selection.euclidean_allocation(self.labels, *self.cell_size)
        pairs = link_selection.candidate_pairs(adjacency, len(self.core_ids), cost_zones, euclidean_zones)
        if self.options.max_euclidean:
            pairs = [pair for pair in pairs if self.euclidean[pair] <= self.options.max_euclidean]
        return pairs

    def cost_passes(self, candidates, feedback):
        """One accumulated-cost pass per core that has a candidate link (``_cost_pass``), run by the executor, each
        surface saved to the store."""
        partners = {core: [] for core in range(len(self.core_ids))}
        for first, second in candidates:
            partners[first].append((first, second))
            partners[second].append((first, second))
        tasks = [(core, pairs) for core, pairs in partners.items() if pairs]
        self.passes.folder = self.store.folder
        results = self.executor.map(
            _cost_pass, tasks, self.passes, feedback=feedback)
        for (core, _pairs), (lcd, nearest, origin) in zip(tasks, results):
            self.lcd[core], self.nearest[core], self.origins[core] = lcd, nearest, origin

    def surface(self, core):
        """The Surface of CWD_core, from the store."""
        return Surface(*self.origins[core], self.store.load(core))

    def pair_lcd(self, pair):
        """LCD of a pair, cost x m: the same from both cores without bounding circles, the lower with them."""
        first, second = pair
        return min(self.lcd[first, second], self.lcd[second, first])

    def trace(self, pair):
        """The pair's Trace, on the surface of its first core (of the core giving the lower LCD with circles)."""
        if pair not in self.traces:
            first, second = pair
            source, target = (second, first) if self.lcd[second, first] < self.lcd[first, second] else pair
            self.traces[pair] = _trace(self.graph, self.surface(source), self.labels, source, target,
                                       self.nearest[source, target], self.pair_lcd(pair))
        return self.traces[pair]

    def is_usable(self, pair):
        """Whether a candidate can be a link: reachable, within the maximum CWD, not through a third core."""
        lcd = self.pair_lcd(pair)
        if not np.isfinite(lcd) or (self.options.max_cwd is not None and lcd > self.options.max_cwd):
            return False
        return not (self.options.drop_through_cores and self.trace(pair).crosses)

    def select(self, candidates):
        """The kept pairs: nearest neighbours, then (optionally) the links joining constellations."""
        if self.options.neighbor_metric == link_selection.BY_EUCLIDEAN:
            distance = {pair: self.euclidean[pair] for pair in candidates}
        else:
            distance = {pair: self.pair_lcd(pair) for pair in candidates}
        count = len(self.core_ids)
        kept = link_selection.nearest_neighbour_links(count, candidates, distance, self.is_usable,
                                                      self.options.max_neighbors)
        if self.options.connect_constellations:
            kept = link_selection.connect_constellations(count, kept, candidates, distance, self.is_usable)
        return kept

    def corridors(self, kept, feedback):
        """The NLCC mosaic (float32, float64 once an NLCC is beyond float32's range, see raster.float_type_for;
        inf where no corridor) and each kept pair's corridor polygon."""
        mosaic = np.full(self.graph.shape, np.inf, dtype=np.float32)
        polygons = {}
        for index, pair in enumerate(sorted(kept)):
            feedback.check()
            polygons[pair], mosaic = self.corridor(pair, mosaic)
            feedback.report((index + 1) / len(kept))
        return mosaic, polygons

    def corridor(self, pair, mosaic):
        """(the corridor polygon of ``pair``, ``mosaic`` with its NLCC mosaicked in by minimum over the window
        where both cores' surfaces are finite: NLCC is inf elsewhere). The mosaic is changed in place, or widened
        to float64 first when an NLCC of the window is beyond float32's range."""
        first, second = self.surface(pair[0]), self.surface(pair[1])
        window = overlap(first, second)
        if window is None:
            return Polygon(), mosaic
        nlcc = normalised_corridor(part(first, window), part(second, window), self.pair_lcd(pair))
        rows, cols = window
        if self.options.circle_buffer is not None:
            nlcc[~self.passes.circle_mask([pair], window)] = np.inf
        mosaic = raster.widened(mosaic, raster.float_type_for(nlcc))
        np.fmin(mosaic[rows, cols], nlcc, out=mosaic[rows, cols])
        return corridor_polygon(nlcc <= self.width_cutoff, self.grid.geotransform, self.grid.crs_wkt,
                                origin=(rows.start, cols.start)), mosaic

    def link(self, pair, corridor):
        first, second = pair
        trace = self.trace(pair)
        length = path_length(trace.cells, *self.cell_size)
        distance = float(self.euclidean[first, second])
        ratio = trace.cwd / distance if distance > 0 else float('nan')
        return Link(self.core_ids[first], self.core_ids[second], distance, trace.cwd, length, ratio,
                    trace.cwd / length, path_line(trace.cells, self.grid.geotransform), corridor)


class _Passes:
    """What every cost pass reads: the graph, the grid, the cores, the cost limit, the bounding-circle buffer and
    the folder of the SurfaceStore. Picklable: sent once to each worker process of a parallel run
    (docs/parallel.md)."""

    def __init__(self, graph, grid, geometries, cells, limit, circle_buffer):
        self.graph, self.grid, self.geometries, self.cells = graph, grid, geometries, cells
        self.limit, self.circle_buffer = limit, circle_buffer
        self.folder = None

    def circles(self, pairs):
        """The bounding circles (x, y, radius) of ``pairs``."""
        return [link_selection.bounding_circle(self.geometries[first], self.geometries[second], self.circle_buffer)
                for first, second in pairs]

    def circle_mask(self, pairs, window):
        """Cells of ``window`` ((row slice, column slice) of the grid) inside the bounding circle of any of
        ``pairs``."""
        return link_selection.circles_mask(self.circles(pairs), self.graph.shape, self.grid.geotransform, window)

    def accumulate(self, core, pairs):
        """The Surface of CWD_core, cut to where it is finite: over the whole grid up to the cost limit, or, with
        bounding circles, only inside the circles of ``pairs`` (and the core's own cells), on a graph of the
        window holding them."""
        if self.circle_buffer is None:
            return finite_window(
                self.graph.accumulate(self.cells[core], max_cost=self.limit, feedback=task_feedback()))
        rows_of, cols_of = np.divmod(self.cells[core], self.graph.shape[1])
        window = link_selection.circles_window(self.circles(pairs), self.graph.shape, self.grid.geotransform,
                                               rows_of, cols_of)
        mask = self.circle_mask(pairs, window)
        mask[rows_of - window[0].start, cols_of - window[1].start] = True
        rows, cols = link_selection.window_of(mask)
        top, left = window[0].start + rows.start, window[1].start + cols.start
        tight = slice(top, window[0].start + rows.stop), slice(left, window[1].start + cols.stop)
        resistance = np.where(mask[rows, cols], self.grid.array[tight], np.nan)
        local = CostGraph(resistance, *raster.cell_size(self.grid.geotransform))
        sources = (rows_of - top) * resistance.shape[1] + cols_of - left
        return finite_window(local.accumulate(sources, max_cost=self.limit, feedback=task_feedback()), top,
                             left)


def _cost_pass(passes, task):
    """Executor task: the cost pass of ``task`` = (core, its candidate pairs), saved to the store; returns the core's
    (LCD row, nearest-cell row, (row, column) of its surface's window) (``nearest_cells``)."""
    core, pairs = task
    surface = passes.accumulate(core, pairs)
    SurfaceStore(passes.folder).save(core, surface.values)
    return nearest_cells(surface, passes.cells, passes.graph.shape[1]) + ((surface.top, surface.left),)


def corridor_network(grid, core_geometries, core_ids, width_cutoff=DEFAULT_WIDTH_CUTOFF, feedback=None,
                     workdir=None, executor=None, **selection):
    """Linkage Mapper's links, least-cost paths and normalised corridors between cores (see the module docstring).

    Parameters
    ----------
    grid : raster.Grid
        The resistance (NaN or <= 0 = barrier) in a CRS projected in metres.
    core_geometries, core_ids : list
        Shapely polygons in the grid's CRS and their unique ids.
    width_cutoff : float
        NLCC beyond which a cell is outside the corridors, cost x metres.
    feedback : engine.feedback.Feedback, optional
        Hears the progress; a cancel raises ``messages.Canceled``.
    workdir : str, optional
        Where the temporary float64 surfaces go (deleted on return).
    executor : executor.Executor, optional
        Runs the cost passes, one per core, in parallel (None: one after the other in this process; the result
        is the same, docs/parallel.md).
    **selection
        The fields of ``LinkOptions`` (max_neighbors, max_cwd, drop_through_cores, adjacency, neighbor_metric,
        max_euclidean, connect_constellations, circle_buffer).

    Returns
    -------
    CorridorNetwork

    Raises
    ------
    EngineError
        Fewer than two cores, ids missing or repeated, a core off the grid or only on barriers.
    messages.Canceled
        When the run was cancelled.
    """
    check_core_ids(core_ids)
    feedback = ensure_feedback(feedback)
    run = _NetworkRun(grid, core_geometries, core_ids, LinkOptions(**selection), width_cutoff, feedback, executor)
    feedback.report(0.05)
    candidates = run.candidates()
    feedback.report(0.1)
    with tempfile.TemporaryDirectory(prefix='corridors-', dir=workdir) as folder:
        run.store = SurfaceStore(folder)
        run.cost_passes(candidates, feedback.part(0.1, 0.8))
        kept = run.select(candidates)
        mosaic, polygons = run.corridors(kept, feedback.part(0.8, 1.0))
        links = [run.link(pair, polygons[pair]) for pair in sorted(kept)]
    through_core = [(core_ids[a], core_ids[b]) for (a, b), trace in sorted(run.traces.items())
                    if run.options.drop_through_cores and trace.crosses]
    linked = {core for pair in kept for core in pair}
    isolated = [core_id for index, core_id in enumerate(core_ids) if index not in linked]
    outside = partly_outside(core_geometries, core_ids, run.graph.shape, grid.geotransform)
    return CorridorNetwork(links, truncated(mosaic, width_cutoff), through_core, isolated, outside)
