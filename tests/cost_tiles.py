"""A cheap synthetic resistance raster computed by blocks of rows, and the check that a cost distance over the whole
grid equals the same computed in tiles (sub-grids) where the two must agree (issue 13), shared by
tests/test_costdistance.py (4 M cells) and tests/benchmarks/bench_costdistance.py --tiles (10^8 cells).

Where must a tile agree with the whole grid? The engine's cost of a cell is the lowest, over the paths from a source,
of the path's step costs added in order (float64 additions, each monotone), so every cell of the least-cost path of
a cell ``v`` costs at most what ``v`` costs. A path from outside a tile into it steps on the one-cell frame around
the tile; let X be the lowest whole-grid cost on that frame: the least-cost path of a tile cell costing less than X
never leaves the tile, so its source is in the tile and the tile, run from the sources it holds, gives the cell
exactly the same cost, bit for bit. Elsewhere in the tile the tile's cost can only be higher (fewer paths).
``compare_tiles`` checks both, on tiles that overlap.

Imports the plugin as ``reserve_planner`` (tests/conftest.py and benchmarks/bench_support.py arrange that).
"""

import numpy as np

from reserve_planner.processing.engine.costdistance import CostGraph

CELL_WIDTH, CELL_HEIGHT = 30.0, 20.0
"""Non-square cells (metres), so the diagonal and the two straight step lengths all differ."""

SOURCE_SPACING = 500
"""A source cell every SOURCE_SPACING rows and columns (offset by half of it)."""

WALL_SPACING, GAP_SPACING, GAP_WIDTH = 170, 230, 6
"""A barrier wall along every WALL_SPACING-th row, with a gap of GAP_WIDTH cells every GAP_SPACING columns: paths
must wind through the gaps, so they cross tile and block edges at angles."""

BARRIER_SHARE = 0.03
"""Share of the other cells that are scattered barriers (NaN)."""


def _hash(rows, cols):
    """A pseudo-random float in [0, 1) per cell, from its (row, col) alone (so any window computes the same)."""
    value = rows.astype(np.uint64) * np.uint64(0x9E3779B1) + cols.astype(np.uint64) * np.uint64(0x85EBCA77)
    value ^= value >> np.uint64(15)
    value *= np.uint64(0x2C1B3C6D)
    value ^= value >> np.uint64(12)
    return (value & np.uint64(0xFFFFFF)).astype(np.float64) / float(1 << 24)


def is_source(rows, cols):
    """Whether cells (broadcast row and column indices) are sources."""
    half = SOURCE_SPACING // 2
    return (rows % SOURCE_SPACING == half) & (cols % SOURCE_SPACING == half)


def resistance(first_row, row_count, first_col, col_count):
    """The float32 resistance of a window of the synthetic raster: smooth waves between 1 and 4 times a per-cell
    noise of 0.75 to 1.25, NaN on barriers (walls with gaps, scattered cells), never a barrier on a source."""
    rows = np.arange(first_row, first_row + row_count)[:, None]
    cols = np.arange(first_col, first_col + col_count)[None, :]
    waves = 2.5 + 1.5 * np.sin(rows / 97.0) * np.cos(cols / 61.0)
    noise = _hash(rows, cols)
    values = waves * (0.75 + 0.5 * noise)
    wall = (rows % WALL_SPACING == 0) & (cols % GAP_SPACING >= GAP_WIDTH)
    barrier = (wall | (noise < BARRIER_SHARE)) & ~is_source(rows, cols)
    values[barrier] = np.nan
    return values.astype(np.float32)


def source_cells(first_row, row_count, first_col, col_count):
    """Flat (row-major) indices, in the window, of the sources lying in it."""
    rows = np.arange(first_row, first_row + row_count)[:, None]
    cols = np.arange(first_col, first_col + col_count)[None, :]
    return np.flatnonzero(np.broadcast_to(is_source(rows, cols), (row_count, col_count)))


def window_cost(first_row, row_count, first_col, col_count):
    """Accumulated cost over a window of the synthetic raster from the sources in it (inf everywhere when it holds
    none), the graph read by blocks of rows (CostGraph.from_rows)."""
    sources = source_cells(first_row, row_count, first_col, col_count)
    if sources.size == 0:
        return np.full((row_count, col_count), np.inf)
    graph = CostGraph.from_rows((row_count, col_count),
                                lambda first, count: resistance(first_row + first, count, first_col, col_count),
                                CELL_WIDTH, CELL_HEIGHT)
    return graph.accumulate(sources)


def tile_windows(side, tiles_per_side, overlap):
    """(first, end) row (or column) ranges of ``tiles_per_side`` tiles across ``side`` cells, each overlapping the
    next by ``overlap`` cells."""
    length = -(-(side + (tiles_per_side - 1) * overlap) // tiles_per_side)
    firsts = [min(index * (length - overlap), side - length) for index in range(tiles_per_side)]
    return [(first, first + length) for first in firsts]


def lowest_on_frame(whole, rows, cols):
    """The lowest cost of ``whole`` on the one-cell frame around the window (rows, cols of (first, end)), clipped to
    the grid; inf when the window is the whole grid. Every 8-neighbour path from outside the window into it steps
    on this frame."""
    (top, bottom), (left, right) = rows, cols
    outer_top, outer_left = max(top - 1, 0), max(left - 1, 0)
    frame = (whole[top - 1:top, outer_left:right + 1] if top else whole[:0],
             whole[bottom:bottom + 1, outer_left:right + 1],
             whole[outer_top:bottom + 1, left - 1:left] if left else whole[:0],
             whole[outer_top:bottom + 1, right:right + 1])
    return min((float(side.min()) for side in frame if side.size), default=np.inf)


def compare_tiles(whole, tiles_per_side, overlap):
    """Compare the whole-grid cost ``whole`` (of a square synthetic raster) with each tile's own run (module
    docstring). Returns (cells whose tile cost must equal the whole grid's, cells where it does not, cells
    where a tile costs less than the whole grid, cells where a tile costs more); the first counts each cell once
    however many tiles check it, the others count per tile."""
    side = whole.shape[0]
    checked = np.zeros(whole.shape, dtype=bool)
    unequal = lower = higher = 0
    windows = tile_windows(side, tiles_per_side, overlap)
    for rows in windows:
        for cols in windows:
            tile = window_cost(rows[0], rows[1] - rows[0], cols[0], cols[1] - cols[0])
            inside = whole[rows[0]:rows[1], cols[0]:cols[1]]
            must_equal = inside < lowest_on_frame(whole, rows, cols)
            checked[rows[0]:rows[1], cols[0]:cols[1]] |= must_equal
            unequal += int(np.count_nonzero(tile[must_equal] != inside[must_equal]))
            lower += int(np.count_nonzero(tile < inside))
            higher += int(np.count_nonzero(tile > inside))
    return int(np.count_nonzero(checked)), unequal, lower, higher
