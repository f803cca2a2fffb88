"""Biosphere-reserve zoning (docs/zoning.md): generate core / buffer / transition zones, and
measure the area, share and land-cover composition of each zone.

Every geometry handed to these functions is a shapely polygon in a metric CRS (metres); areas come
back in hectares. Zones are returned as ``{zone code: geometry}`` dicts keyed by the codes of
``engine.zones`` (``core``, ``buffer``, ``transition``) so that ``dict.items()`` is the
``[(zone, geometry), ...]`` list the statistics functions take.
"""

import math
from collections import namedtuple

import numpy as np
from scipy.ndimage import binary_fill_holes
from shapely.geometry import Polygon
from shapely.ops import unary_union

from .costdistance import SOURCES_ON_BARRIERS, accumulated_cost
from .executor import task_feedback
from .geometry import polygonal_part, repair_polygon
from .messages import EngineError, N_
from .raster import Grid, cell_size, polygonize, rasterize
from .zones import AREA_FIELD, BUFFER, CORE, TRANSITION, ZONE_CODE_FIELD, ZONE_CODES, ZONE_FIELD

SLIVER_M2 = 1e-6
"""Pieces of a zone smaller than this (m2) are floating-point noise, not zone."""

SQUARE_METRES_PER_HECTARE = 10000.0
ROWS_PER_BLOCK = 1024
"""Land-cover composition rasterises zones in blocks of this many rows to bound memory."""

SHARE_FIELD = 'share_pct'
LANDCOVER_FIELD = 'landcover'
CLASS_AREA_FIELD = 'class_area_ha'
CLASS_SHARE_FIELD = 'class_pct'

ZoneArea = namedtuple('ZoneArea', 'area_ha share_pct')
"""Area of one zone in hectares and its share of the summed area of all zones in percent."""

ClassCover = namedtuple('ClassCover', 'landcover cells percent')
"""One land-cover class inside a zone: class value (None = no data), cell count, percent of the zone's cells."""


def generate_zones(cores, boundary=None, buffer_width=0.0, transition_width=0.0, core_labels=None):
    """Core, buffer and transition zones grown from ``cores`` by Euclidean distance (docs/zoning.md).

    Parameters
    ----------
    cores : sequence of shapely polygons in a metric CRS (metres). Invalid ones are repaired (GEOS
        make-valid); overlapping and touching cores merge, as do their buffers.
    boundary : optional shapely polygon (same CRS): the reserve's outer edge. Cores are clipped to it;
        a core with no area inside it raises EngineError naming the core. Without a boundary the
        reserve's outer edge lies ``transition_width`` beyond the buffer.
    buffer_width, transition_width : metres, >= 0. A width of 0 gives an empty zone.
    core_labels : optional labels of the cores used in error messages (default: their index).

    Returns ``{CORE: geometry, BUFFER: geometry, TRANSITION: geometry}``: an exact partition of the
    reserve (no overlaps, no gaps; empty polygons for empty zones).

    >>> from shapely.geometry import box
    >>> zones = generate_zones([box(0, 0, 100, 100)], box(-500, -500, 600, 600), 50, 100)
    >>> round(zones[CORE].area), round(sum(zone.area for zone in zones.values()))
    (10000, 1210000)
    """
    _check_widths(buffer_width, transition_width)
    reserve = _checked_boundary(boundary)
    core = _core_union(cores, reserve, core_labels)
    grown = core.buffer(buffer_width) if buffer_width > 0 else core
    if reserve is None:
        outer_width = buffer_width + transition_width
        reserve = core.union(core.buffer(outer_width)) if outer_width > 0 else core
    return partition_reserve(core, grown, reserve)


def generate_cost_zones(cores, boundary, buffer_cost, transition_cost, resistance, core_labels=None,
                        feedback=None):
    """Core, buffer and transition zones grown from ``cores`` by accumulated cost instead of distance.

    The buffer holds the cells whose accumulated cost from the nearest core is at most ``buffer_cost``,
    the transition those up to ``buffer_cost + transition_cost``; costs are resistance x metres with the
    8-neighbour average-cost convention of docs/costdistance.md (engine.costdistance), so through
    resistance 1 a cost of 500 reaches 500 m and through resistance 10 only 50 m. Barriers (nodata,
    resistance <= 0) and the edge of the raster stop both zones; unreached cells enclosed by a zone
    belong to it, so that zones have no holes.

    ``cores`` and ``boundary`` are shapely polygons in the metric CRS of ``resistance`` (an
    engine.raster.Grid with square or non-square cells in metres). Cells touched by a core (GDAL's
    all-touched rasterisation, which may miss a cell overlapped by less than a few per cent of its width) are the
    sources. Cores stay exact; the buffer and transition edges follow the raster's cells and are
    clipped to the boundary, and the three zones partition the reserve exactly as in generate_zones.
    ``feedback`` (engine.feedback.Feedback) is handed to the cost-distance run (messages.Canceled is raised
    on cancel).
    """
    _check_widths(buffer_cost, transition_cost)
    reserve = _checked_boundary(boundary)
    core = _core_union(cores, reserve, core_labels)
    outer_cost = buffer_cost + (transition_cost if reserve is None else 0.0)
    resistance = reachable_part(resistance, core.bounds, outer_cost)
    width, height = cell_size(resistance.geotransform)
    cost = accumulated_cost(resistance.array, _source_cells(core, resistance), width, height, max_cost=outer_cost,
                            feedback=feedback)
    grown = _cells_within(cost, buffer_cost, core, resistance)
    if reserve is None:
        reserve = core.union(_cells_within(cost, outer_cost, core, resistance))
    return partition_reserve(core, grown, reserve)


def _source_cells(core, grid):
    """Boolean mask of the cells touched by ``core``: the sources of the cost distance; raises when there is none
    or when every one is a barrier (whatever the cells around them)."""
    if grid.array.size:
        sources = rasterize([core], [1], grid.array.shape, grid.geotransform, grid.crs_wkt, all_touched=True)
        if sources.any():
            with np.errstate(invalid='ignore'):
                if not (grid.array[sources > 0] > 0).any():
                    raise EngineError(SOURCES_ON_BARRIERS)
            return sources.astype(bool)
    raise EngineError(N_('No core lies on the resistance raster: use a raster that covers the reserve.'))


def reachable_part(grid, bounds, max_cost):
    """The window of ``grid`` that a cost of ``max_cost`` can reach from inside ``bounds`` (minx, miny,
    maxx, maxy in the grid's CRS), so that a province-wide raster costs no more than the reserve.

    Every step costs at least its length times the smallest passable resistance (docs/costdistance.md),
    so no cell farther than max_cost / min_resistance metres (plus one cell) from the bounds is reached:
    the window gives the same accumulated costs as the whole grid.
    """
    values = grid.array
    with np.errstate(invalid='ignore'):
        passable = values[values > 0]
    if passable.size == 0:
        return grid
    width, height = cell_size(grid.geotransform)
    reach = max_cost / float(passable.min()) + max(width, height)
    x0, y0 = grid.geotransform[0], grid.geotransform[3]
    rows, cols = values.shape
    minx, miny, maxx, maxy = bounds
    col0 = min(max(math.floor((minx - reach - x0) / width), 0), cols)
    col1 = max(min(math.ceil((maxx + reach - x0) / width), cols), col0)
    row0 = min(max(math.floor((y0 - maxy - reach) / height), 0), rows)
    row1 = max(min(math.ceil((y0 - miny + reach) / height), rows), row0)
    transform = (x0 + col0 * width, grid.geotransform[1], 0.0, y0 - row0 * height, 0.0, grid.geotransform[5])
    return Grid(values[row0:row1, col0:col1], transform, grid.crs_wkt)


def _cells_within(cost, threshold, core, grid):
    """The core plus the cells whose accumulated cost is at most ``threshold`` (none when it is 0), with
    the unreached cells they enclose (a lake, a fenced plot): zones are rings, not sieves."""
    if threshold <= 0:
        return core
    cells = polygonize(binary_fill_holes(cost <= threshold), grid.geotransform, grid.crs_wkt)
    return polygonal_part(unary_union([core] + cells))


def partition_reserve(core, grown, reserve):
    """Split ``reserve`` into {CORE, BUFFER, TRANSITION} from nested regions (shapely, one metric CRS).

    ``core`` must lie inside ``reserve``; ``grown`` is the core plus its buffer, however computed
    (Euclidean or cost distance), and is clipped to the reserve here. Built as core, then
    (core + grown) inside the reserve minus the core, then the rest, so the three zones never
    overlap and always add up to the reserve.
    """
    inner = polygonal_part(core.union(grown.intersection(reserve)))
    return {
        CORE: polygonal_part(core),
        BUFFER: without_slivers(inner.difference(core)),
        TRANSITION: without_slivers(reserve.difference(inner)),
    }


def without_slivers(geometry):
    """The polygonal parts of ``geometry`` larger than SLIVER_M2: overlaying nearly equal edges leaves
    floating-point slivers (e.g. a buffer of width 0 along a curved core clipped to the boundary)."""
    parts = [part for part in getattr(polygonal_part(geometry), 'geoms', [polygonal_part(geometry)])
             if part.area > SLIVER_M2]
    return unary_union(parts) if parts else Polygon()


def _check_widths(*widths):
    for width in widths:
        if not math.isfinite(width) or width < 0:
            raise EngineError(N_('Zone widths must be zero or positive numbers of metres, not {width}.'),
                              width=width)


def _checked_boundary(boundary):
    if boundary is None:
        return None
    repaired, _status = repair_polygon(boundary)
    if repaired is None:
        raise EngineError(N_('The reserve boundary has no area: give a boundary polygon or none at all.'))
    return repaired


def cores_beyond(cores, reserve, core_labels, tolerance_m2=1.0):
    """[(label, hectares)] of the cores (shapely polygons in metres) with more than ``tolerance_m2`` outside
    ``reserve`` (None: none). Zoning clips those cores to the reserve, so that land is not core land."""
    if reserve is None or reserve.is_empty:
        return []
    beyond = []
    for label, core in zip(core_labels, cores):
        outside = core.difference(reserve).area if core is not None else 0.0
        if outside > tolerance_m2:
            beyond.append((label, outside / SQUARE_METRES_PER_HECTARE))
    return beyond


def _core_union(cores, reserve, core_labels):
    """The union of the repaired cores, clipped to ``reserve`` (None = no clipping)."""
    labels = list(core_labels) if core_labels is not None else list(range(len(cores)))
    if not len(cores):
        raise EngineError(N_('There are no core areas: the core layer is empty.'))
    parts = []
    for label, core in zip(labels, cores):
        repaired, _status = repair_polygon(core)
        if repaired is None:
            raise EngineError(N_('Core {core} has no usable polygon (null, empty or invalid geometry).'),
                              core=label)
        if reserve is not None:
            repaired = polygonal_part(repaired.intersection(reserve))
            if repaired.area <= 0:
                raise EngineError(N_('Core {core} lies entirely outside the reserve boundary: '
                                     'remove it or extend the boundary.'), core=label)
        parts.append(repaired)
    return polygonal_part(unary_union(parts))


def zone_areas(zones):
    """Area (ha) and share (percent) of each zone.

    ``zones`` is an iterable of ``(zone, shapely geometry)`` in an equal-area or projected CRS in
    metres; the geometries of one zone count once where they overlap (a duplicated feature does not
    double its zone, as landcover_composition does not), a None geometry counts 0. The share is the
    zone's area over the summed area of all zones, times 100 (zones overlapping each other make that sum
    larger than the reserve: zone_overlap_ha measures by how much). Returns ``{zone: ZoneArea}`` ordered
    core, buffer, transition, then any other zone values in order of appearance.

    >>> from shapely.geometry import box
    >>> zone_areas([(CORE, box(0, 0, 100, 100)), (BUFFER, box(100, 0, 400, 100))])[CORE]
    ZoneArea(area_ha=1.0, share_pct=25.0)
    """
    parts = {}
    for zone, geometry in zones:
        parts.setdefault(zone, [])
        if geometry is not None and not geometry.is_empty:
            parts[zone].append(geometry)
    totals = {zone: (unary_union(shapes).area if shapes else 0.0) / SQUARE_METRES_PER_HECTARE
              for zone, shapes in parts.items()}
    grand_total = sum(totals.values())
    return {
        zone: ZoneArea(area, 100.0 * area / grand_total if grand_total > 0 else 0.0)
        for zone, area in sorted(totals.items(), key=_zone_order(list(totals)))
    }


def zone_overlap_ha(zones, areas):
    """Hectares by which the zones of ``areas`` (zone_areas of ``zones``) overlap each other: the summed zone
    areas minus the area of the union of all zones; 0 for zones that partition the reserve."""
    shapes = [geometry for _zone, geometry in zones if geometry is not None and not geometry.is_empty]
    union = unary_union(shapes).area / SQUARE_METRES_PER_HECTARE if shapes else 0.0
    return max(sum(area.area_ha for area in areas.values()) - union, 0.0)


def _zone_order(appearance):
    def key(item):
        return ZONE_CODES.get(item[0], len(ZONE_CODES) + 1), appearance.index(item[0])
    return key


def landcover_composition(zones, grid):
    """Land-cover classes inside each zone, by the cell-centre rule.

    ``zones``: iterable of ``(zone, shapely geometry)`` in the CRS of ``grid`` (an engine.raster.Grid
    of class values, NaN = no data). A cell belongs to a zone when its centre lies inside it (GDAL's
    rasterize rule); a zone too small to contain any cell centre takes every cell it touches. Cells
    outside the raster count as no data, so the percentages of a zone always add up to 100.
    Returns ``{zone: [ClassCover(landcover, cells, percent), ...]}`` with classes in ascending order
    and no data (landcover None) last. Multiply ``percent`` by the zone's exact area for areas per class.
    """
    merged = {}
    for zone, geometry in zones:
        if geometry is not None and not geometry.is_empty:
            merged.setdefault(zone, []).append(geometry)
    return {zone: _class_covers(_zone_cell_counts(unary_union(parts), grid)) for zone, parts in merged.items()}


def _zone_cell_counts(geometry, grid):
    """{class value or None: number of cells} of the cells whose centre lies in ``geometry``."""
    counts = _count_cells(geometry, grid, all_touched=False)
    return counts if counts else _count_cells(geometry, grid, all_touched=True)


def _count_cells(geometry, grid, all_touched):
    counts = {}
    for values in _cells_in(geometry, grid, all_touched):
        nodata = int(np.isnan(values).sum())
        if nodata:
            counts[None] = counts.get(None, 0) + nodata
        classes, class_counts = np.unique(values[~np.isnan(values)], return_counts=True)
        for value, count in zip(classes, class_counts):
            key = int(value) if float(value).is_integer() else float(value)
            counts[key] = counts.get(key, 0) + int(count)
    return counts


def _cells_in(geometry, grid, all_touched):
    """Yield, block by block, the grid values (NaN outside the raster) of the cells inside ``geometry``."""
    x0, _dx, _rx, y0, _ry, _dy = grid.geotransform
    width, height = cell_size(grid.geotransform)
    minx, miny, maxx, maxy = geometry.bounds
    col0, col1 = math.floor((minx - x0) / width), math.ceil((maxx - x0) / width)
    row0, row1 = math.floor((y0 - maxy) / height), math.ceil((y0 - miny) / height)
    for top in range(row0, row1, ROWS_PER_BLOCK):
        bottom = min(top + ROWS_PER_BLOCK, row1)
        transform = (x0 + col0 * width, width, 0.0, y0 - top * height, 0.0, -height)
        mask = rasterize([geometry], [1], (bottom - top, col1 - col0), transform, grid.crs_wkt,
                         all_touched=all_touched).astype(bool)
        if mask.any():
            yield _window(grid.array, top, bottom, col0, col1)[mask]


def _window(array, top, bottom, left, right):
    """array[top:bottom, left:right] where indices beyond the array read as NaN."""
    window = np.full((bottom - top, right - left), np.nan)
    rows, cols = array.shape
    r0, r1, c0, c1 = max(top, 0), min(bottom, rows), max(left, 0), min(right, cols)
    if r0 < r1 and c0 < c1:
        window[r0 - top:r1 - top, c0 - left:c1 - left] = array[r0:r1, c0:c1]
    return window


def _class_covers(counts):
    total = sum(counts.values())
    ordered = sorted((key for key in counts if key is not None))
    if None in counts:
        ordered.append(None)
    return [ClassCover(key, counts[key], 100.0 * counts[key] / total) for key in ordered]


def zone_statistics_rows(areas, composition=None):
    """Rows of the zone statistics table, as dicts keyed by output field name.

    ``areas`` is the result of zone_areas. Without ``composition`` (the result of
    landcover_composition) there is one row per zone: zone, zone_code (None for values that are not
    a zone code), area_ha, share_pct. With it, the table is long: one row per zone and land-cover
    class, the zone's columns repeated and landcover, class_area_ha (percent of the zone's cells
    times the zone's area) and class_pct added; a zone covering no cell gets one row with no class.
    """
    rows = []
    for zone, area in areas.items():
        row = {ZONE_FIELD: zone, ZONE_CODE_FIELD: ZONE_CODES.get(zone), AREA_FIELD: area.area_ha,
               SHARE_FIELD: area.share_pct}
        if composition is None:
            rows.append(row)
            continue
        covers = composition.get(zone) or [ClassCover(None, 0, 0.0)]
        for cover in covers:
            rows.append(dict(row, **{LANDCOVER_FIELD: cover.landcover,
                                     CLASS_AREA_FIELD: area.area_ha * cover.percent / 100.0,
                                     CLASS_SHARE_FIELD: cover.percent}))
    return rows



ZoningSettings = namedtuple('ZoningSettings', 'buffer_width transition_width resistance')
"""What every reserve of a ``generatezones`` run is zoned with: the widths (metres, or cost-weighted metres) and
the resistance grid of cost-based zoning (None: Euclidean)."""

ReserveCores = namedtuple('ReserveCores', 'cores boundary labels')
"""One reserve to zone: its core polygons, its boundary (or None) and the labels naming its cores in messages."""


def reserve_zones(settings, reserve):
    """The zones of one ReserveCores, grown inside its own boundary only (``generate_zones``, or
    ``generate_cost_zones`` with a resistance grid): exactly what zoning it alone gives; an executor task."""
    if settings.resistance is None:
        return generate_zones(reserve.cores, reserve.boundary, settings.buffer_width, settings.transition_width,
                              reserve.labels)
    return generate_cost_zones(reserve.cores, reserve.boundary, settings.buffer_width, settings.transition_width,
                               settings.resistance, reserve.labels, feedback=task_feedback())
