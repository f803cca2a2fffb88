"""Accumulated cost distance and least-cost paths on a resistance raster (docs/costdistance.md).

Conventions (the same as GRASS r.cost, ArcGIS Cost Distance and scikit-image MCP_Geometric):

- the grid is row-major, row 0 at the top; a cell is ``cell_width`` metres wide (x) and ``cell_height``
  metres tall (y); non-square cells are handled exactly;
- each cell is joined to its 8 neighbours; a step between cells of resistance ``c1`` and ``c2`` costs
  ``length * (c1 + c2) / 2`` where ``length`` is ``cell_width`` for a horizontal step, ``cell_height``
  for a vertical one and ``sqrt(cell_width**2 + cell_height**2)`` for a diagonal one
  (the average-cost convention, docs/costdistance.md);
- cells whose resistance is NaN (nodata) or ``<= 0`` are barriers: no path enters or crosses them;
- accumulated costs are in resistance units x metres: GRASS r.cost's output times the cell size.

Public API:

``CostGraph(resistance, cell_width, cell_height)``, ``CostGraph.from_rows(shape, read_rows, cell_width,
cell_height)``
    the 8-neighbour graph of a raster, built once (the padded resistance, float32 where that is exact), from
    an array or from a raster read by blocks of rows;
    ``graph.accumulate(sources, max_cost=None, feedback=None)`` returns the accumulated
    cost of every cell (float64 array of the raster's shape, ``np.inf`` where unreachable or beyond
    ``max_cost``). ``sources`` is a boolean mask of the raster's shape or an array of flat (row-major)
    cell indices; sources on barrier cells are ignored. ``feedback`` (engine.feedback.Feedback) hears
    the progress as cells are settled (every 1 %); a cancel stops the run with ``messages.Canceled``.
    ``graph.shape`` is the raster's shape and ``graph.step_cost(cell, neighbour)`` the cost of one step.

``accumulated_cost(resistance, sources, cell_width, cell_height, max_cost=None, feedback=None)``
    the same in one call.

``source_mask(geometries, shape, geotransform, polygons, crs_wkt='')``
    rasterises source geometries (shapely, in the grid's CRS) onto the grid: the cells whose centre lies
    inside a polygon (a polygon too small to hold a cell centre gets the cells it touches), every cell a
    line or a point touches. Returns the boolean mask and the indices of the geometries outside the grid.

``feature_cells(geometry, shape, geotransform, polygons, crs_wkt='')``
    the flat indices of the cells of one geometry by the same rules, rasterising only the window of its
    bounding box (cheap for many small targets on a large grid); empty when it lies outside the grid.

``least_cost_path(accumulated, graph, target, origin=(0, 0))``
    the least-cost path from the sources to ``target`` (row, col), traced backwards on the accumulated
    cost surface (r.drain / r.path): from each cell it steps to the neighbour through which the cell's
    accumulated cost was reached (the neighbour minimising its accumulated cost plus the step cost).
    Returns the list of (row, col) cells from a source cell to ``target``. ``accumulated`` may be a window of
    the cost whose first cell is the grid's cell ``origin``.

Example: a 1 x 3 row of resistance 1, 2, 3 with 10 m cells and the left cell as source costs
0, 10 * (1 + 2) / 2 = 15 and 15 + 10 * (2 + 3) / 2 = 40::

    >>> accumulated_cost(np.array([[1.0, 2.0, 3.0]]), np.array([[True, False, False]]), 10, 10)
    array([[ 0., 15., 40.]])

Algorithm: Dijkstra's algorithm run in vectorised batches (numpy only; no graph matrix is stored: a run holds
the padded resistance and the accumulated cost, BYTES_PER_CELL = 12 bytes per cell, about 200 MB for 16 M cells,
plus blocks and the search front). Each round relaxes, all at
once, every queued cell ``v`` that no later path can improve, by the IN/OUT criteria of Crauser et al.
(1998, "A parallelization of Dijkstra's shortest path algorithm"): ``d(v) <= min_queue(d) +
lightest_edge(v)`` or ``d(v) <= min_queue(d + lightest_edge)``, together with the cells within an adaptive
window of the lowest queued cost (larger batches). A cell improved after its relaxation is queued again, so
the result is the exact shortest-path cost; the window shrinks when such repeats exceed a few per cent.
The number of rounds grows with the length, in cells, of the longest least-cost path: a raster that is one
long one-cell-wide corridor (a serpentine maze) is its slow case.
"""


import math

import numpy as np

from shapely.geometry import box

from .feedback import ensure as ensure_feedback
from .messages import EngineError, N_
from .raster import rasterize

NEIGHBOURS = ((-1, -1), (-1, 0), (-1, 1), (0, -1), (0, 1), (1, -1), (1, 0), (1, 1))
"""(row, column) offsets of the 8 neighbours."""

BLOCK_CELLS = 1 << 18
"""Cells per block of rows when the graph is built, which bounds its temporary memory."""

PROGRESS_STEP = 0.01
"""Fraction of the passable cells settled between two progress reports."""

BYTES_PER_CELL = 12
"""Memory a run holds per cell of the grid (callers check it against the memory available before reading a
raster, engine.raster.require_memory): the padded resistance as float32 (4 bytes) and the accumulated cost
(float64, 8). The queue (cells, their lightest edges) grows with the front of the search, not with the grid,
and the flag saying that a cell is queued is the sign bit of its cost."""

WIDE_BYTES_PER_CELL = 16
"""BYTES_PER_CELL for a resistance that float32 does not hold exactly (float64 or 32-bit integer values): the
padded resistance is then float64 (8 bytes)."""


def step_lengths(cell_width, cell_height):
    """Length in metres of the step to each of NEIGHBOURS for cells ``cell_width`` x ``cell_height`` m."""
    diagonal = math.hypot(cell_width, cell_height)
    return tuple(diagonal if dr and dc else (cell_height if dr else cell_width) for dr, dc in NEIGHBOURS)


UNDECLARED_NODATA = 3.0e38
"""Finite resistances at or above this (within 12 % of the largest Float32, 3.4028235e38, and Float64's 1.8e308)
are no resistance anyone means but nodata left undeclared, refused. Smaller ones may still add up beyond Float32's
range: the cost maps then widen to float64 (raster.float_type_for). (+inf itself is a barrier, as nodata is.)"""

SOURCES_ON_BARRIERS = N_('Every source cell is a barrier (nodata or resistance <= 0) in the resistance raster.')


def _refuse_undeclared_nodata(block):
    """Raise an EngineError when ``block`` (resistances, NaN barriers) holds UNDECLARED_NODATA or more."""
    with np.errstate(invalid='ignore'):
        huge = np.any(block >= UNDECLARED_NODATA)
    if huge:
        raise EngineError(N_('The resistance raster holds {value:g}, the largest value its data type holds: nodata '
                             'the raster does not declare. Declare it as the raster\'s nodata value (Raster > '
                             'Conversion > Translate, "Assign a specified nodata value to output bands"), or give '
                             'those cells the resistance you mean.'), value=float(np.nanmax(block)))


class CostGraph:
    """The 8-neighbour graph of a resistance raster, built once, reused by every ``accumulate``.

    ``resistance`` is a 2-D array (NaN or <= 0 = barrier); ``cell_width`` and ``cell_height`` are the cell
    size in metres; ``CostGraph.from_rows`` builds the same graph from a raster read by blocks of rows. The
    graph is stored implicitly: the resistance in a flat array padded with a barrier border (so that every
    neighbour index of a grid cell is valid), as float32 when that holds every value exactly, else float64,
    and the flat-index offset and half step length of each neighbour (edge weight = (c1 + c2) * length / 2 in
    float64, docs/costdistance.md).
    """

    def __init__(self, resistance, cell_width, cell_height):
        resistance = np.asarray(resistance)
        if resistance.ndim != 2:
            raise EngineError(N_('The resistance must be a 2-D grid.'))
        self._build(resistance.shape, lambda first, count: resistance[first:first + count], cell_width, cell_height)

    @classmethod
    def from_rows(cls, shape, read_rows, cell_width, cell_height):
        """The graph of a (rows, cols) resistance raster whose rows ``read_rows(first_row, row_count)`` returns
        (a float array, NaN or <= 0 = barrier), read by blocks of about BLOCK_CELLS cells so that the raster
        is never held twice."""
        graph = cls.__new__(cls)
        graph._build(tuple(shape), read_rows, cell_width, cell_height)
        return graph

    def _build(self, shape, read_rows, cell_width, cell_height):
        if not (cell_width > 0 and cell_height > 0):
            raise EngineError(N_('The cell size must be positive (got {width} x {height}).'),
                              width=cell_width, height=cell_height)
        self.shape = shape
        self.cell_width = float(cell_width)
        self.cell_height = float(cell_height)
        self.lengths = step_lengths(self.cell_width, self.cell_height)
        self.padded_cols = self.shape[1] + 2
        self.offsets = tuple(dr * self.padded_cols + dc for dr, dc in NEIGHBOURS)
        self.half_lengths = tuple(length / 2.0 for length in self.lengths)
        self._offsets = np.array(self.offsets)[:, None]
        self._half_lengths = np.array(self.half_lengths)[:, None]
        self.padded, self.passable_count = self._pad(read_rows)
        if self.passable_count == 0:
            raise EngineError(N_('The resistance raster has no passable cell: every cell is nodata or <= 0.'))

    def _pad(self, read_rows):
        """(flat copy of the resistance inside a one-cell barrier border, barriers as NaN; passable cells).
        Float32 while every block read is exact in float32; the first block that is not turns the copy into
        float64."""
        rows, cols = self.shape
        padded = np.full((rows + 2) * self.padded_cols, np.nan, dtype=np.float32)
        passable = 0
        block_rows = max(1, BLOCK_CELLS // max(cols, 1))
        for first in range(0, rows, block_rows):
            count = min(block_rows, rows - first)
            block = np.array(read_rows(first, count), dtype=np.float64)
            with np.errstate(invalid='ignore'):
                block[~(block > 0) | (block == np.inf)] = np.nan
            _refuse_undeclared_nodata(block)
            if padded.dtype == np.float32 and not _exact_in_float32(block):
                padded = padded.astype(np.float64)
            padded.reshape(rows + 2, self.padded_cols)[first + 1:first + 1 + count, 1:-1] = block
            passable += int(np.count_nonzero(~np.isnan(block)))
        return padded, passable

    @property
    def resistance(self):
        """The resistance of the grid's cells (a view of the graph's own copy, NaN for barriers)."""
        rows, cols = self.shape
        return self.padded.reshape(rows + 2, self.padded_cols)[1:-1, 1:-1]

    def edge_cost(self, cells, neighbours, half_length):
        """Cost (float64) of the steps between padded indices ``cells`` and ``neighbours`` whose length is twice
        ``half_length`` (NaN where either end is a barrier): the one edge arithmetic of every pass."""
        cost = np.add(self.padded[neighbours], self.padded[cells], dtype=np.float64)
        cost *= half_length
        return cost

    def lightest_edges(self, cells):
        """Weight of the lightest edge of each of the padded indices ``cells`` (inf for a cell without passable
        neighbour), which tells when a queued cell's cost is final."""
        lightest = np.full(cells.size, np.inf)
        for offset, half in zip(self.offsets, self.half_lengths):
            np.fmin(lightest, self.edge_cost(cells, cells + offset, half), out=lightest)
        return lightest

    def padded_index(self, flat):
        """Indices in the padded array of flat (row-major) indices of the grid."""
        cols = self.shape[1]
        return (flat // cols + 1) * self.padded_cols + flat % cols + 1

    def source_indices(self, sources):
        """Padded indices of the passable source cells given as a boolean mask or as flat indices."""
        sources = np.asarray(sources)
        if sources.dtype == bool:
            if sources.shape != self.shape:
                raise EngineError(N_('The source mask does not have the shape of the resistance grid.'))
            flat = np.flatnonzero(sources)
        else:
            flat = np.unique(sources.ravel().astype(np.int64))
            if flat.size and (flat[0] < 0 or flat[-1] >= self.shape[0] * self.shape[1]):
                raise EngineError(N_('A source cell index lies outside the resistance grid.'))
        if flat.size == 0:
            raise EngineError(N_('There is no source cell.'))
        indices = self.padded_index(flat)
        indices = indices[~np.isnan(self.padded[indices])]
        if indices.size == 0:
            raise EngineError(SOURCES_ON_BARRIERS)
        return indices

    def accumulate(self, sources, max_cost=None, feedback=None):
        """Accumulated cost (resistance x metres) from the nearest source to every cell, np.inf where
        unreachable or beyond ``max_cost``; see the module docstring.

        The only grid-sized array of a run is the cost; a queued cell's cost is stored negated (its sign bit
        is the queued flag; sources are queued as -0.0), so no flag array is held."""
        feedback = ensure_feedback(feedback)
        queue = self.source_indices(sources)
        limit = np.inf if max_cost is None else float(max_cost)
        cost = np.full(self.padded.size, np.inf)
        cost[queue] = -0.0
        lightest = self.lightest_edges(queue)
        window = Window.around(lightest)
        settled_count = 0
        next_report = 0
        while queue.size:
            feedback.check()
            ready, queue, lightest = self._split(cost, queue, lightest, window.width)
            fresh, repeated = self._relax(cost, ready, limit)
            window.adapt(ready.size, repeated)
            queue = np.concatenate([queue, fresh])
            lightest = np.concatenate([lightest, self.lightest_edges(fresh)])
            settled_count += ready.size - repeated
            if settled_count >= next_report:
                feedback.report(settled_count / self.passable_count)
                next_report = settled_count + PROGRESS_STEP * self.passable_count
        feedback.report(1.0)
        rows, cols = self.shape
        return cost.reshape(rows + 2, self.padded_cols)[1:-1, 1:-1]

    @staticmethod
    def _split(cost, queue, lightest, width):
        """(cells of ``queue`` to relax now, the other cells, their lightest edges): the cells whose cost is
        final by Crauser's IN and OUT criteria, and those within ``width`` of the lowest queued cost. The
        cells to relax leave the queue: their cost is stored positive again."""
        queued_cost = -cost[queue]
        lowest = queued_cost.min()
        threshold = max(lowest + width, (queued_cost + lightest).min())
        now = (queued_cost <= threshold) | (queued_cost <= lowest + lightest)
        ready = queue[now]
        cost[ready] = queued_cost[now]
        later = ~now
        return ready, queue[later], lightest[later]

    def _relax(self, cost, ready, limit):
        """Relax the 8 edges leaving each of the ``ready`` cells at once; return (the newly queued cells, how
        many of them had been relaxed before and are so relaxed again).

        A cell reached from several ready cells gets the lowest candidate: the assignment is repeated for
        the candidates still lower than what was written, until none is. Every improved cell is then marked
        queued (its cost negated); those that were not queued are listed once (``_first_of_each``)."""
        target = ready[None, :] + self._offsets
        candidate = self.edge_cost(ready, target, self._half_lengths)
        candidate += cost[ready]
        target, candidate = target.ravel(), candidate.ravel()
        current = cost[target]
        was_queued = np.signbit(current)
        better = candidate < np.abs(current)
        if limit < np.inf:
            better &= candidate <= limit
        improved = target = target[better]
        fresh = improved[~was_queued[better]]
        earlier = current[better][~was_queued[better]]
        candidate = candidate[better]
        while target.size:
            cost[target] = candidate
            lower = candidate < cost[target]
            target, candidate = target[lower], candidate[lower]
        first = _first_of_each(cost, fresh)
        cost[improved] = -cost[improved]
        return fresh[first], int(np.count_nonzero(np.isfinite(earlier[first])))

    def step_cost(self, cell, neighbour):
        """Cost of the step between two adjacent cells (row, col), NaN when either is a barrier; the same
        arithmetic as the edges relaxed by ``accumulate``."""
        (row, col), (row2, col2) = cell, neighbour
        half = self.half_lengths[NEIGHBOURS.index((row2 - row, col2 - col))]
        here = (row + 1) * self.padded_cols + col + 1
        there = (row2 + 1) * self.padded_cols + col2 + 1
        return float(self.edge_cost(np.array([here]), np.array([there]), half)[0])


def _first_of_each(cost, cells):
    """Boolean mask keeping one occurrence of each of the padded indices ``cells``. The cost array serves as
    scratch (each position written to its cells, the last write of a cell wins) and is restored after."""
    kept = cost[cells]
    position = np.arange(cells.size, dtype=np.float64)
    cost[cells] = position
    first = cost[cells] == position
    cost[cells] = kept
    return first


def _exact_in_float32(values):
    """True when float32 holds every one of the float64 ``values`` (NaN included) exactly."""
    return bool(np.array_equal(values.astype(np.float32), values, equal_nan=True))


class Window:
    """Width of the cost window relaxed in one batch beyond the cells known final.

    Wider windows mean fewer, larger numpy batches but some cells relaxed twice (still exact: a cell
    improved after its relaxation is queued again). The width grows while batches are small and
    repeats rare, and shrinks when repeats exceed REPEAT_HIGH of a batch."""

    BATCH_TARGET = 8192
    REPEAT_LOW = 0.01
    REPEAT_HIGH = 0.05

    def __init__(self, width):
        self.width = width

    @classmethod
    def around(cls, edge_weights):
        """A window as wide as the median of the finite ``edge_weights`` (1 when there is none)."""
        finite = edge_weights[np.isfinite(edge_weights)]
        return cls(float(np.median(finite)) if finite.size else 1.0)

    def adapt(self, batch, repeated):
        if repeated > self.REPEAT_HIGH * batch:
            self.width /= 2.0
        elif batch < self.BATCH_TARGET and repeated <= self.REPEAT_LOW * batch:
            self.width *= 1.25


def accumulated_cost(resistance, sources, cell_width, cell_height, max_cost=None, feedback=None):
    """Accumulated cost from ``sources`` over ``resistance``; CostGraph(...).accumulate(...) in one call.

    Parameters
    ----------
    resistance : ndarray
        Cost of crossing one metre of each cell; NaN or <= 0 are barriers.
    sources : ndarray
        Boolean mask of the raster's shape, or flat (row-major) cell indices.
    cell_width, cell_height : float
        Cell size in metres.
    max_cost : float or None
        Cells beyond this accumulated cost are left unreached.
    feedback : engine.feedback.Feedback or None
        Progress and cancel (see engine.feedback).

    Returns
    -------
    ndarray
        Accumulated cost (resistance x metres) of every cell, ``inf`` where unreachable.

    Raises
    ------
    messages.EngineError
        When no source lies on a passable cell.
    messages.Canceled
        When the feedback says the user cancelled.

    Examples
    --------
    Three 10 m cells of resistance 1, 1 and 3 from the first: 10 m at (1 + 1) / 2, then 10 m at (1 + 3) / 2.

    >>> import numpy as np
    >>> accumulated_cost(np.array([[1.0, 1.0, 3.0]]), [0], 10.0, 10.0).tolist()
    [[0.0, 10.0, 30.0]]
    """
    graph = CostGraph(resistance, cell_width, cell_height)
    return graph.accumulate(sources, max_cost=max_cost, feedback=feedback)


def least_cost_path(accumulated, graph, target, origin=(0, 0)):
    """The (row, col) cells of the least-cost path from a source to ``target``; see the module docstring.
    ``accumulated`` may be a window of the grid's cost whose cell (0, 0) is the grid's cell ``origin`` (every cell
    outside it unreachable); ``target`` and the cells returned are the grid's."""
    rows, cols = accumulated.shape
    row, col = int(target[0]) - origin[0], int(target[1]) - origin[1]
    if not (0 <= row < rows and 0 <= col < cols):
        if not (0 <= target[0] < graph.shape[0] and 0 <= target[1] < graph.shape[1]):
            raise EngineError(N_('The target cell lies outside the resistance grid.'))
        raise EngineError(N_('The target cannot be reached from any source.'))
    if not np.isfinite(accumulated[row, col]):
        raise EngineError(N_('The target cannot be reached from any source.'))
    path = [(row + origin[0], col + origin[1])]
    while accumulated[row, col] > 0:
        row, col = _best_predecessor(accumulated, graph, row, col, origin)
        path.append((row + origin[0], col + origin[1]))
    path.reverse()
    return path


def _best_predecessor(accumulated, graph, row, col, origin):
    """The neighbour of (row, col) of the window ``accumulated`` minimising its accumulated cost plus the step
    cost (the step's on the grid cells shifted by ``origin``)."""
    rows, cols = accumulated.shape
    top, left = origin
    best, best_cost = None, np.inf
    for dr, dc in NEIGHBOURS:
        row2, col2 = row + dr, col + dc
        if 0 <= row2 < rows and 0 <= col2 < cols and np.isfinite(accumulated[row2, col2]):
            cost = accumulated[row2, col2] + graph.step_cost((row + top, col + left), (row2 + top, col2 + left))
            if cost < best_cost and accumulated[row2, col2] < accumulated[row, col]:
                best, best_cost = (row2, col2), cost
    if best is None:
        raise EngineError(N_('The accumulated cost surface does not lead back to a source.'))
    return best




def source_mask(geometries, shape, geotransform, polygons, crs_wkt=''):
    """(boolean source mask of ``shape``, indices of the ``geometries`` lying outside the grid).

    ``geometries`` are shapely geometries in the grid's CRS (None or empty ones count as outside);
    ``polygons`` says whether they are polygons (cell centre inside) or lines and points (cells touched);
    ``crs_wkt`` is the grid's CRS (it only labels the rasterisation).
    """
    rows, cols = shape
    x0, dx, _, y0, _, dy = geotransform
    extent = box(min(x0, x0 + cols * dx), min(y0, y0 + rows * dy), max(x0, x0 + cols * dx), max(y0, y0 + rows * dy))
    inside = [index for index, geometry in enumerate(geometries)
              if geometry is not None and not geometry.is_empty and geometry.intersects(extent)]
    outside = sorted(set(range(len(geometries))) - set(inside))
    if not inside:
        return np.zeros(shape, dtype=bool), outside
    burnt = rasterize([geometries[index] for index in inside], [number + 1 for number in range(len(inside))],
                      shape, geotransform, crs_wkt, all_touched=not polygons)
    missed = np.setdiff1d(np.arange(1, len(inside) + 1), np.unique(burnt))
    mask = burnt != 0
    if missed.size:
        touched = rasterize([geometries[inside[number - 1]] for number in missed], np.ones(missed.size),
                            shape, geotransform, crs_wkt, all_touched=True)
        mask |= touched != 0
    return mask, outside


def feature_cells(geometry, shape, geotransform, polygons, crs_wkt=''):
    """Flat indices of the cells of one shapely ``geometry`` (rules of ``source_mask``), rasterised over the
    window of the grid covering its bounding box; an empty array when it is missing or outside the grid."""
    if geometry is None or geometry.is_empty:
        return np.empty(0, dtype=np.int64)
    rows, cols = shape
    x0, dx, _, y0, _, dy = geotransform
    minx, miny, maxx, maxy = geometry.bounds
    col_edges = sorted(((minx - x0) / dx, (maxx - x0) / dx))
    row_edges = sorted(((miny - y0) / dy, (maxy - y0) / dy))
    col0, col1 = max(int(math.floor(col_edges[0])) - 1, 0), min(int(math.ceil(col_edges[1])) + 1, cols)
    row0, row1 = max(int(math.floor(row_edges[0])) - 1, 0), min(int(math.ceil(row_edges[1])) + 1, rows)
    if col0 >= col1 or row0 >= row1:
        return np.empty(0, dtype=np.int64)
    window = (x0 + col0 * dx, dx, 0.0, y0 + row0 * dy, 0.0, dy)
    mask, _ = source_mask([geometry], (row1 - row0, col1 - col0), window, polygons, crs_wkt)
    window_rows, window_cols = np.nonzero(mask)
    return (window_rows + row0).astype(np.int64) * cols + window_cols + col0
