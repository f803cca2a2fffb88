"""Accumulated cost distance and least-cost paths on a resistance raster (DOMAIN.md section 5).

Conventions (the same as GRASS r.cost, ArcGIS Cost Distance and scikit-image MCP_Geometric):

- the grid is row-major, row 0 at the top; a cell is ``cell_width`` metres wide (x) and ``cell_height``
  metres tall (y); non-square cells are handled exactly;
- each cell is joined to its 8 neighbours; a step between cells of resistance ``c1`` and ``c2`` costs
  ``length * (c1 + c2) / 2`` where ``length`` is ``cell_width`` for a horizontal step, ``cell_height``
  for a vertical one and ``sqrt(cell_width**2 + cell_height**2)`` for a diagonal one
  (the average-cost convention, DOMAIN.md section 5);
- cells whose resistance is NaN (nodata) or ``<= 0`` are barriers: no path enters or crosses them;
- accumulated costs are in resistance units x metres: GRASS r.cost's output times the cell size.

Public API:

``CostGraph(resistance, cell_width, cell_height)``
    the 8-neighbour graph of a raster, built once; ``graph.accumulate(sources, max_cost=None,
    progress=None, is_canceled=None)`` returns the accumulated cost of every cell (float64 array of
    the raster's shape, ``np.inf`` where unreachable or beyond ``max_cost``). ``sources`` is a boolean
    mask of the raster's shape or an array of flat (row-major) cell indices; sources on barrier cells
    are ignored. ``progress(percent)`` is called between stages; when ``is_canceled()`` returns True
    the run stops with :class:`Canceled`.

``accumulated_cost(resistance, sources, cell_width, cell_height, max_cost=None, progress=None,
is_canceled=None)``
    the same in one call.

``least_cost_path(accumulated, graph, target)``
    the least-cost path from the sources to ``target`` (row, col), traced backwards on the accumulated
    cost surface (r.drain / r.path): from each cell it steps to the neighbour through which the cell's
    accumulated cost was reached (the neighbour minimising its accumulated cost plus the step cost).
    Returns the list of (row, col) cells from a source cell to ``target``.

Example: a 1 x 3 row of resistance 1, 2, 3 with 10 m cells and the left cell as source costs
0, 10 * (1 + 2) / 2 = 15 and 15 + 10 * (2 + 3) / 2 = 40::

    >>> accumulated_cost(np.array([[1.0, 2.0, 3.0]]), np.array([[True, False, False]]), 10, 10)
    array([[ 0., 15., 40.]])
"""

import math

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra

from .messages import EngineError, N_

NEIGHBOURS = ((-1, -1), (-1, 0), (-1, 1), (0, -1), (0, 1), (1, -1), (1, 0), (1, 1))
"""(row, column) offsets of the 8 neighbours, in increasing flat-index order."""

BLOCK_CELLS = 1 << 20
"""Cells handled per block while building the graph, which bounds the temporary memory."""


class Canceled(Exception):
    """The caller's ``is_canceled()`` returned True during a run."""


def step_lengths(cell_width, cell_height):
    """Length in metres of the step to each of NEIGHBOURS for cells ``cell_width`` x ``cell_height`` m."""
    diagonal = math.hypot(cell_width, cell_height)
    return tuple(diagonal if dr and dc else (cell_height if dr else cell_width) for dr, dc in NEIGHBOURS)


def passable_resistance(resistance):
    """``resistance`` as float64 with every barrier (nodata or <= 0) set to NaN."""
    values = np.array(resistance, dtype=np.float64)
    with np.errstate(invalid='ignore'):
        values[~(values > 0)] = np.nan
    return values


class CostGraph:
    """The directed 8-neighbour graph of a resistance raster as a scipy CSR matrix, built once.

    ``resistance`` is a 2-D array (NaN or <= 0 = barrier); ``cell_width`` and ``cell_height`` are the cell
    size in metres. Edge weights follow the average-cost convention of DOMAIN.md section 5. The CSR arrays
    are filled by index arithmetic, block by block, with no sort.
    """

    def __init__(self, resistance, cell_width, cell_height):
        if cell_width <= 0 or cell_height <= 0:
            raise EngineError(N_('The cell size must be positive (got {width} x {height}).'),
                              width=cell_width, height=cell_height)
        self.resistance = passable_resistance(resistance)
        if self.resistance.ndim != 2:
            raise EngineError(N_('The resistance must be a 2-D grid.'))
        if np.isnan(self.resistance).all():
            raise EngineError(N_('The resistance raster has no passable cell: every cell is nodata or <= 0.'))
        self.shape = self.resistance.shape
        self.cell_width = float(cell_width)
        self.cell_height = float(cell_height)
        self.lengths = step_lengths(self.cell_width, self.cell_height)
        self.matrix = self._build()

    def _padded(self):
        rows, cols = self.shape
        padded = np.full((rows + 2, cols + 2), np.nan)
        padded[1:-1, 1:-1] = self.resistance
        return padded

    def _edge_weights(self, padded, first, last):
        """Weights (rows last-first, cols, 8) of the edges leaving rows first..last-1; NaN = no edge."""
        cols = self.shape[1]
        here = padded[first + 1:last + 1, 1:cols + 1]
        weights = np.empty((last - first, cols, len(NEIGHBOURS)))
        for k, ((dr, dc), length) in enumerate(zip(NEIGHBOURS, self.lengths)):
            there = padded[first + 1 + dr:last + 1 + dr, 1 + dc:cols + 1 + dc]
            np.add(here, there, out=weights[:, :, k])
            weights[:, :, k] *= length / 2.0
        return weights

    def _build(self):
        rows, cols = self.shape
        padded = self._padded()
        offsets = np.array([dr * cols + dc for dr, dc in NEIGHBOURS], dtype=np.int64)
        block_rows = max(1, BLOCK_CELLS // cols)
        counts = np.empty(rows * cols, dtype=np.int64)
        for first in range(0, rows, block_rows):
            last = min(rows, first + block_rows)
            valid = ~np.isnan(self._edge_weights(padded, first, last))
            counts[first * cols:last * cols] = valid.sum(axis=2).ravel()
        indptr = np.zeros(rows * cols + 1, dtype=np.int64)
        np.cumsum(counts, out=indptr[1:])
        del counts
        index_type = np.int32 if indptr[-1] < np.iinfo(np.int32).max else np.int64
        indices = np.empty(indptr[-1], dtype=index_type)
        data = np.empty(indptr[-1], dtype=np.float64)
        for first in range(0, rows, block_rows):
            last = min(rows, first + block_rows)
            weights = self._edge_weights(padded, first, last).reshape(-1, len(NEIGHBOURS))
            valid = ~np.isnan(weights)
            start, stop = indptr[first * cols], indptr[last * cols]
            data[start:stop] = weights[valid]
            cells = np.arange(first * cols, last * cols, dtype=np.int64)[:, None]
            indices[start:stop] = (cells + offsets[None, :])[valid]
        size = rows * cols
        return csr_matrix((data, indices, indptr.astype(index_type)), shape=(size, size))

    def source_indices(self, sources):
        """Flat indices of the passable source cells given as a boolean mask or as flat indices."""
        sources = np.asarray(sources)
        if sources.dtype == bool:
            if sources.shape != self.shape:
                raise EngineError(N_('The source mask does not have the shape of the resistance grid.'))
            flat = np.flatnonzero(sources)
        else:
            flat = np.unique(sources.ravel().astype(np.int64))
            if flat.size and (flat[0] < 0 or flat[-1] >= self.resistance.size):
                raise EngineError(N_('A source cell index lies outside the resistance grid.'))
        if flat.size == 0:
            raise EngineError(N_('There is no source cell.'))
        passable = flat[~np.isnan(self.resistance.ravel()[flat])]
        if passable.size == 0:
            raise EngineError(N_('Every source cell is a barrier (nodata or resistance <= 0) in the resistance raster.'))
        return passable

    def accumulate(self, sources, max_cost=None, progress=None, is_canceled=None):
        """Accumulated cost (resistance x metres) from the nearest source to every cell, np.inf where
        unreachable or beyond ``max_cost``; see the module docstring."""
        indices = self.source_indices(sources)
        _check_canceled(is_canceled)
        _report(progress, 0)
        limit = np.inf if max_cost is None else float(max_cost)
        distances = dijkstra(self.matrix, directed=True, indices=indices, min_only=True, limit=limit)
        _check_canceled(is_canceled)
        _report(progress, 100)
        return distances.reshape(self.shape)

    def step_cost(self, cell, neighbour):
        """Cost of the step between two adjacent cells (row, col), np.nan when either is a barrier."""
        (row, col), (row2, col2) = cell, neighbour
        length = self.lengths[NEIGHBOURS.index((row2 - row, col2 - col))]
        return (self.resistance[row, col] + self.resistance[row2, col2]) * (length / 2.0)


def accumulated_cost(resistance, sources, cell_width, cell_height, max_cost=None, progress=None, is_canceled=None):
    """Accumulated cost from ``sources`` over ``resistance``; CostGraph(...).accumulate(...) in one call."""
    graph = CostGraph(resistance, cell_width, cell_height)
    return graph.accumulate(sources, max_cost=max_cost, progress=progress, is_canceled=is_canceled)


def least_cost_path(accumulated, graph, target):
    """The (row, col) cells of the least-cost path from a source to ``target``; see the module docstring."""
    rows, cols = graph.shape
    row, col = int(target[0]), int(target[1])
    if not (0 <= row < rows and 0 <= col < cols):
        raise EngineError(N_('The target cell lies outside the resistance grid.'))
    if not np.isfinite(accumulated[row, col]):
        raise EngineError(N_('The target cannot be reached from any source.'))
    path = [(row, col)]
    while accumulated[row, col] > 0:
        row, col = _best_predecessor(accumulated, graph, row, col)
        path.append((row, col))
    path.reverse()
    return path


def _best_predecessor(accumulated, graph, row, col):
    """The neighbour of (row, col) minimising its accumulated cost plus the step cost."""
    rows, cols = graph.shape
    best, best_cost = None, np.inf
    for dr, dc in NEIGHBOURS:
        row2, col2 = row + dr, col + dc
        if 0 <= row2 < rows and 0 <= col2 < cols and np.isfinite(accumulated[row2, col2]):
            cost = accumulated[row2, col2] + graph.step_cost((row, col), (row2, col2))
            if cost < best_cost and accumulated[row2, col2] < accumulated[row, col]:
                best, best_cost = (row2, col2), cost
    if best is None:
        raise EngineError(N_('The accumulated cost surface does not lead back to a source.'))
    return best


def _check_canceled(is_canceled):
    if is_canceled is not None and is_canceled():
        raise Canceled()


def _report(progress, percent):
    if progress is not None:
        progress(percent)
