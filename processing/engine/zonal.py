"""Zonal means of a raster over polygons, fair to small and overlapping sites (docs/oecm.md, criterion C).

Geometries are shapely polygons in the raster's CRS (the adapter reprojects them). Two rules are combined:

- large sites (an area of at least ``EXACT_AREA_CELLS`` cells and bounds wider or taller than
  ``EXACT_WINDOW_CELLS`` cells) use the cell-centre rule, as QGIS's own zonal statistics and GDAL's
  rasteriser do: every cell whose centre lies inside the site counts once. Each site is scanned on its own
  (row by row, the crossings of its edges with the row of cell centres give the runs of cells inside), so
  overlapping sites each count the cells they share. A run is summed from row-wise cumulative sums of the
  raster block, so memory grows with the number of runs, not of cells.
- small sites (sub-cell sites included) use exact area-weighted cell fractions: the mean is
  sum(f_i v_i) / sum(f_i) over valid cells, f_i being the share of cell i inside the site. A site smaller
  than one cell therefore gets the value of the cell under it (or the area-weighted mix of the cells it spans).

Nodata cells and cells outside the raster are left out of both the sum and the weights; a site with no valid
cell gets NaN. Values are in the raster's own units.
"""

import struct
from collections import namedtuple

import numpy as np
from osgeo import gdal
from shapely import wkb
from shapely.affinity import affine_transform

from . import raster
from .feedback import ensure as ensure_feedback
from .messages import EngineError, N_

EXACT_WINDOW_CELLS = 8
EXACT_AREA_CELLS = 16.0
ROWS_PER_BLOCK = 512
CORNER_BUDGET = 2000000
DENSE_RUNS = 4
WKB_POLYGON = 3

ZonalResult = namedtuple('ZonalResult', 'mean weight')
"""Per-site arrays: ``mean`` of valid cells (NaN when none) and ``weight``, the number of valid cells counted
(cell fractions for small sites)."""

GridSpec = namedtuple('GridSpec', 'rows cols geotransform crs_wkt')
"""A raster grid: its shape, GDAL geotransform and CRS WKT."""

ZonalPlan = namedtuple('ZonalPlan', 'spec count runs cells exact_sites')
"""Where each site lies on one grid, computed once and reused for every raster on that grid: ``runs`` are
(site, row, first col, end col) arrays of the cell-centre runs of large sites, ``cells`` (site, row, col,
share) arrays of the cells small sites cover, both sorted by row, and ``exact_sites`` the indices of the
sites measured by exact cell fractions."""


def grid_spec(path):
    """Shape, geotransform and CRS WKT of a raster, without reading its cells (EngineError naming the file when
    GDAL cannot open it or when it is rotated, raster.cell_size)."""
    with raster.raster_errors(path):
        dataset = gdal.Open(path)
        raster.cell_size(dataset.GetGeoTransform(), path)
        return GridSpec(dataset.RasterYSize, dataset.RasterXSize, dataset.GetGeoTransform(), dataset.GetProjection())


def plan_zonal(geometries, spec):
    """Locate ``geometries`` (shapely polygons in the grid's CRS, or None) on grid ``spec`` for zonal_means."""
    raster.cell_size(spec.geotransform)
    located = spec
    if spec.geotransform[5] > 0:
        geometries, located = _mirrored(geometries, spec)
    outlines = [_oriented_rings(geometry) for geometry in geometries]
    windows = [_window(rings, located) for rings in outlines]
    exact, centre = _split_by_rule(geometries, windows, located)
    return ZonalPlan(spec, len(geometries), _centre_runs(outlines, windows, centre, located),
                     _exact_fractions(outlines, windows, exact, located), exact)


def _mirrored(geometries, spec):
    """(``geometries`` mirrored across the x axis, the grid ``spec`` mirrored with them): a south-up grid (positive
    y cell size, row 0 at the bottom, as some GIS write) becomes a north-up one whose row r is the same row r, so
    that the sites are located on the rows as they are read; areas and shares are unchanged."""
    x0, dx, _rx, y0, _ry, dy = spec.geotransform
    flipped = [None if geometry is None else affine_transform(geometry, (1.0, 0.0, 0.0, -1.0, 0.0, 0.0))
               for geometry in geometries]
    return flipped, spec._replace(geotransform=(x0, dx, 0.0, -y0, 0.0, -dy))


def zonal_means(path, plan, band=1, feedback=None):
    """Mean of raster ``path`` (band ``band``) inside each site of ``plan`` (made by plan_zonal for this grid).

    Returns a ZonalResult of float arrays aligned with the planned geometries; the raster is read block by block.
    ``feedback``: an optional engine.feedback.Feedback (a cancel raises messages.Canceled). An
    EngineError names the file when GDAL cannot read it.
    """
    feedback = ensure_feedback(feedback)
    spec = grid_spec(path)
    if (spec.rows, spec.cols, tuple(spec.geotransform)) != (plan.spec.rows, plan.spec.cols,
                                                            tuple(plan.spec.geotransform)):
        raise EngineError(N_('The raster {path} is not on the grid the sites were located on.'), path=path)
    sums = np.zeros(plan.count)
    weights = np.zeros(plan.count)
    with raster.raster_errors(path):
        dataset = gdal.Open(path)
        for first_row in range(0, spec.rows, ROWS_PER_BLOCK):
            feedback.check()
            feedback.report(first_row / spec.rows)
            last_row = min(first_row + ROWS_PER_BLOCK, spec.rows)
            values = raster.read_rows(dataset, first_row, last_row - first_row, band)
            _add_runs(plan.runs, first_row, last_row, values, sums, weights)
            _add_cells(plan.cells, first_row, last_row, values, sums, weights)
    with np.errstate(invalid='ignore', divide='ignore'):
        mean = np.where(weights > 0, sums / weights, np.nan)
    return ZonalResult(mean, weights)


def _window(rings, spec):
    """(first col, first row, cols, rows) of the cells a site's bounds span (may extend beyond the grid)."""
    if not rings:
        return None
    x0, dx, _r, y0, _r2, dy = spec.geotransform
    corners = np.vstack(rings)
    minx, miny = corners.min(axis=0)
    maxx, maxy = corners.max(axis=0)
    col0 = int(np.floor((minx - x0) / dx))
    col1 = max(int(np.ceil((maxx - x0) / dx)), col0 + 1)
    row0 = int(np.floor((maxy - y0) / dy))
    row1 = max(int(np.ceil((miny - y0) / dy)), row0 + 1)
    return col0, row0, col1 - col0, row1 - row0


def _split_by_rule(geometries, windows, spec):
    """Indices measured with exact cell fractions and indices measured with the cell-centre rule."""
    cell_area = abs(spec.geotransform[1] * spec.geotransform[5])
    exact, centre = [], []
    for index, (geometry, window) in enumerate(zip(geometries, windows)):
        if window is None or not _overlaps_grid(window, spec):
            continue
        small_window = window[2] <= EXACT_WINDOW_CELLS and window[3] <= EXACT_WINDOW_CELLS
        (exact if small_window or geometry.area < EXACT_AREA_CELLS * cell_area else centre).append(index)
    return exact, centre


def _overlaps_grid(window, spec):
    col0, row0, cols, rows = window
    return col0 < spec.cols and row0 < spec.rows and col0 + cols > 0 and row0 + rows > 0


def _centre_runs(outlines, windows, indices, spec):
    """(site, row, first col, end col) arrays, sorted by row, of the runs of grid cells whose centre lies inside
    each site of ``indices`` (even-odd rule over all its rings). The rows of all sites are scanned together, in
    slices of at most CORNER_BUDGET row-edge crossings; sites are sorted by edge count so little padding is
    needed."""
    edges = {index: np.vstack([np.hstack((ring[:-1], ring[1:])) for ring in outlines[index]]) for index in indices}
    order = sorted(indices, key=lambda index: len(edges[index]))
    first_rows = [max(windows[index][1], 0) for index in order]
    row_counts = [max(0, min(windows[index][1] + windows[index][3], spec.rows) - first) for index, first
                  in zip(order, first_rows)]
    pair_site = np.repeat(np.asarray(order, dtype=np.int64), row_counts)
    pair_row = np.concatenate([np.arange(first, first + count) for first, count in zip(first_rows, row_counts)]
                              or [np.zeros(0, dtype=np.int64)])
    pair_edges = np.repeat([len(edges[index]) for index in order], row_counts)
    parts, start = [], 0
    while start < len(pair_site):
        stop = _slice_end(pair_edges, start)
        sites, local = np.unique(pair_site[start:stop], return_inverse=True)
        padded = np.zeros((len(sites), pair_edges[stop - 1], 4))
        for position, index in enumerate(sites):
            padded[position, :len(edges[index])] = edges[index]
        pairs, first_cols, end_cols = _runs_inside(padded[local], pair_row[start:stop], spec)
        parts.append((pair_site[start:stop][pairs], pair_row[start:stop][pairs], first_cols, end_cols))
        start = stop
    return _merge_cells(parts)


def _slice_end(pair_edges, start):
    """End of the slice of row pairs from ``start`` whose count x largest edge count stays within CORNER_BUDGET."""
    stop = min(len(pair_edges), start + max(1, CORNER_BUDGET // int(pair_edges[start])))
    while stop - start > 1 and (stop - start) * int(pair_edges[stop - 1]) > CORNER_BUDGET:
        stop = start + max(1, CORNER_BUDGET // int(pair_edges[stop - 1]))
    return stop


def _runs_inside(edges, grid_rows, spec):
    """Runs of cells whose centre is inside, for rows of cell centres each with its own site's edges ((P, E, 4)
    array, zero-padded: a flat edge never crosses). Along each row the sorted crossings c0 < c1 < ... bound the
    runs c_2k <= x < c_2k+1 of centres inside. Returns (row pair index, first col, end col) of non-empty runs."""
    x0, dx, _r, y0, _r2, dy = spec.geotransform
    x_start, y_start, x_end, y_end = (edges[:, :, column] for column in range(4))
    y = (y0 + (grid_rows + 0.5) * dy)[:, None]
    crosses = (y_start > y) != (y_end > y)
    with np.errstate(invalid='ignore', divide='ignore'):
        x_cross = np.where(crosses, x_start + (y - y_start) * (x_end - x_start) / (y_end - y_start), np.inf)
    x_cross.sort(axis=1)
    pairs = crosses.sum(axis=1) // 2
    row_of_run = np.repeat(np.arange(len(grid_rows)), pairs)
    run = np.arange(len(row_of_run)) - np.repeat(np.cumsum(pairs) - pairs, pairs)
    first_col = np.clip(np.ceil((x_cross[row_of_run, 2 * run] - x0) / dx - 0.5).astype(np.int64), 0, spec.cols)
    end_col = np.clip(np.ceil((x_cross[row_of_run, 2 * run + 1] - x0) / dx - 0.5).astype(np.int64), 0, spec.cols)
    keep = end_col > first_col
    return row_of_run[keep], first_col[keep], end_col[keep]


def _grid_cells(index, window, shares, spec):
    """(site, row, col, share) arrays of the cells of a window-shaped ``shares`` array that are > 0 and in the grid."""
    col0, row0 = window[0], window[1]
    local_rows, local_cols = np.nonzero(shares > 1e-12)
    grid_rows, grid_cols = local_rows + row0, local_cols + col0
    inside = (grid_rows >= 0) & (grid_rows < spec.rows) & (grid_cols >= 0) & (grid_cols < spec.cols)
    return (np.full(int(inside.sum()), index, dtype=np.int64), grid_rows[inside].astype(np.int64),
            grid_cols[inside].astype(np.int64), shares[local_rows[inside], local_cols[inside]])


def _merge_cells(parts):
    """Concatenate (site, row, ...) array tuples and sort them by row for block-wise streaming."""
    parts = [part for part in parts if len(part[0])]
    if not parts:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty, np.zeros(0)
    columns = [np.concatenate(column) for column in zip(*parts)]
    order = np.argsort(columns[1], kind='stable')
    return tuple(column[order] for column in columns)


def _add_runs(runs, first_row, last_row, values, sums, weights):
    """Add the runs lying in rows [first_row, last_row) to the running sums. Sparse runs are read cell by cell;
    when they cover more than 1 / DENSE_RUNS of the block, each run's sum and count of valid cells are
    differences of row-wise cumulative sums of the block instead."""
    sites, rows, first_cols, end_cols = runs
    start, stop = np.searchsorted(rows, [first_row, last_row])
    if start == stop:
        return
    sites, local = sites[start:stop], rows[start:stop] - first_row
    first, end = first_cols[start:stop], end_cols[start:stop]
    lengths = end - first
    if lengths.sum() * DENSE_RUNS < values.size:
        cols = np.repeat(first - np.cumsum(lengths) + lengths, lengths) + np.arange(lengths.sum())
        cell_values = values[np.repeat(local, lengths), cols]
        keep = ~np.isnan(cell_values)
        cell_sites = np.repeat(sites, lengths)[keep]
        sums += np.bincount(cell_sites, weights=cell_values[keep], minlength=len(sums))
        weights += np.bincount(cell_sites, minlength=len(weights))
        return
    valid = ~np.isnan(values)
    totals = np.zeros((values.shape[0], values.shape[1] + 1))
    counts = np.zeros((values.shape[0], values.shape[1] + 1))
    np.cumsum(np.where(valid, values, 0.0), axis=1, out=totals[:, 1:])
    np.cumsum(valid, axis=1, out=counts[:, 1:])
    sums += np.bincount(sites, weights=totals[local, end] - totals[local, first], minlength=len(sums))
    weights += np.bincount(sites, weights=counts[local, end] - counts[local, first], minlength=len(weights))


def _add_cells(cells, first_row, last_row, values, sums, weights):
    """Add the listed cells lying in rows [first_row, last_row) to the running sums, weighted by their shares."""
    sites, rows, cols, shares = cells
    start, stop = np.searchsorted(rows, [first_row, last_row])
    if start == stop:
        return
    cell_values = values[rows[start:stop] - first_row, cols[start:stop]]
    keep = ~np.isnan(cell_values)
    ids = sites[start:stop][keep]
    sums += np.bincount(ids, weights=shares[start:stop][keep] * cell_values[keep], minlength=len(sums))
    weights += np.bincount(ids, weights=shares[start:stop][keep], minlength=len(weights))


def _exact_fractions(outlines, windows, indices, spec):
    """(site, row, col, fraction) arrays of the cells inside the grid that each of ``indices`` covers."""
    parts = []
    order = sorted(indices, key=lambda index: windows[index][2] * windows[index][3])
    for chunk in _chunks_by_corner_budget(order, windows):
        for index, quadrant in zip(chunk, _quadrant_areas_per_site(outlines, windows, chunk, spec)):
            cols, rows = windows[index][2], windows[index][3]
            shares = np.diff(np.diff(quadrant[:rows + 1, :cols + 1], axis=0), axis=1)[::-1]
            parts.append(_grid_cells(index, windows[index], shares, spec))
    return _merge_cells(parts)


def _chunks_by_corner_budget(order, windows):
    """Consecutive groups of sites whose padded corner grids stay within CORNER_BUDGET (at least one site each)."""
    chunk, largest = [], 0
    for index in order:
        size = max(largest, (windows[index][2] + 1) * (windows[index][3] + 1))
        if chunk and size * (len(chunk) + 1) > CORNER_BUDGET:
            yield chunk
            chunk, size = [], (windows[index][2] + 1) * (windows[index][3] + 1)
        chunk.append(index)
        largest = size
    if chunk:
        yield chunk


def _quadrant_areas_per_site(outlines, windows, chunk, spec):
    """For each site of ``chunk``, F[b, a] = area (in cells) of the site left of corner column a and below corner
    row b of its window, counted from the window's bottom-left corner."""
    dx, dy = spec.geotransform[1], abs(spec.geotransform[5])
    edges, owners = [], []
    for position, index in enumerate(chunk):
        col0, row0, _cols, rows = windows[index]
        left = spec.geotransform[0] + col0 * dx
        bottom = spec.geotransform[3] - (row0 + rows) * dy
        for ring in outlines[index]:
            local = np.column_stack(((ring[:, 0] - left) / dx, (ring[:, 1] - bottom) / dy))
            edges.append(np.hstack((local[:-1], local[1:])))
            owners.append(np.full(len(local) - 1, position))
    owners = np.concatenate(owners)
    max_cols = max(windows[index][2] for index in chunk)
    max_rows = max(windows[index][3] for index in chunk)
    per_edge = quadrant_area_contributions(np.vstack(edges), np.arange(max_cols + 1.0), np.arange(max_rows + 1.0))
    starts = np.flatnonzero(np.r_[True, owners[1:] != owners[:-1]])
    return np.add.reduceat(per_edge, starts, axis=0)


def _oriented_rings(geometry):
    """Coordinate arrays (N, 2) of every ring of a polygonal geometry, exteriors counter-clockwise and holes
    clockwise; [] for None or empty. Read from the 2D WKB (much faster than shapely 1.8's coordinate access)."""
    if geometry is None or geometry.is_empty:
        return []
    data = wkb.dumps(geometry, output_dimension=2)
    order = '<' if data[0] == 1 else '>'
    kind = struct.unpack_from(order + 'I', data, 1)[0]
    if kind == WKB_POLYGON:
        return _wkb_polygon_rings(data, 0)[0]
    rings, offset = [], 9
    for _part in range(struct.unpack_from(order + 'I', data, 5)[0]):
        part_rings, offset = _wkb_polygon_rings(data, offset)
        rings.extend(part_rings)
    return rings


def _wkb_polygon_rings(data, offset):
    """The oriented rings of the WKB polygon starting at ``offset``, and the offset just after it."""
    order = '<' if data[offset] == 1 else '>'
    count = struct.unpack_from(order + 'I', data, offset + 5)[0]
    offset += 9
    rings = []
    for number in range(count):
        points = struct.unpack_from(order + 'I', data, offset)[0]
        ring = np.frombuffer(data, order + 'f8', points * 2, offset + 4).reshape(-1, 2)
        rings.append(_with_orientation(ring, counter_clockwise=number == 0))
        offset += 4 + 16 * points
    return rings, offset


def _with_orientation(ring, counter_clockwise):
    """``ring`` reversed if its shoelace signed area does not have the requested sign."""
    signed_area = np.dot(ring[:-1, 0], ring[1:, 1]) - np.dot(ring[1:, 0], ring[:-1, 1])
    return ring if (signed_area > 0) == counter_clockwise else ring[::-1]


def quadrant_area_contributions(edges, corner_x, corner_y):
    """Per-edge terms of F(a, b) = area of a polygon inside the quadrant {x < a, y < b}, by Green's theorem.

    ``edges`` is an (E, 4) array of (x0, y0, x1, y1) of a polygon's rings, exteriors counter-clockwise and holes
    clockwise. With Q(x, y) = min(x, a) * [y < b], dQ/dx is the quadrant's indicator, so the area is the
    boundary integral of Q dy, summed here edge by edge in closed form. Returns an (E, len(corner_y),
    len(corner_x)) array; its sum over edges is F at every corner (a, b), exact up to rounding.
    """
    x0, y0, x1, y1 = (edges[:, column][:, None] for column in range(4))
    step_x, step_y = x1 - x0, y1 - y0
    t_cut = np.clip((corner_y[None, :] - y0) / np.where(step_y == 0, 1.0, step_y), 0.0, 1.0)
    rising = step_y > 0
    low = np.where(rising, 0.0, t_cut)
    high = np.where(rising, t_cut, 1.0)
    integral_x = x0 * (high - low) + step_x * (high ** 2 - low ** 2) / 2.0
    low, high = low[:, :, None], high[:, :, None]
    step_x3 = step_x[:, :, None]
    excess_low = np.maximum(x0[:, :, None] + low * step_x3 - corner_x, 0.0)
    excess_high = np.maximum(x0[:, :, None] + high * step_x3 - corner_x, 0.0)
    flat = np.abs(step_x3) < 1e-9
    with np.errstate(invalid='ignore', divide='ignore'):
        middle = np.maximum(x0[:, :, None] + (low + high) / 2.0 * step_x3 - corner_x, 0.0)
        beyond = np.where(flat, middle * (high - low),
                          (excess_high ** 2 - excess_low ** 2) / (2.0 * np.where(flat, 1.0, step_x3)))
    return step_y[:, :, None] * (integral_x[:, :, None] - beyond)
