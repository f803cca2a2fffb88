"""Rules of interactive zone and corridor editing (no QGIS, no Qt): what a drawn shape becomes.

Geometries are shapely objects in one planar CRS; set operations work in any CRS, while widths,
lengths and areas are in that CRS's units, so callers pass metric geometries when they need metres.

Clip-on-draw (docs/zoning.md, rule 2 "no overlaps"): a polygon drawn as a new zone never
overlaps the zones already there. Either the new zone wins (the existing zones lose what it covers)
or it yields (it keeps only what no existing zone covers).

Drawn corridor (docs/costdistance.md): a centre line from one reserve to another, buffered to a
width, outside both reserves; its cost-weighted length is the resistance met along the line
times the distance travelled (cost x metres, the unit of accumulated cost), and its mean resistance
is that cost divided by the length (Linkage Mapper's CWD / path-length ratio).
"""

import math
from collections import namedtuple

import numpy as np
from shapely.geometry import LineString, Point
from shapely.ops import unary_union

from . import costdistance
from .geometry import polygonal_part, repair_polygon
from .messages import EngineError, N_
from .raster import cell_size, rasterize

NEW_WINS = 'new_wins'
YIELDS = 'yields'
CLIP_MODES = (NEW_WINS, YIELDS)
RESERVE_OUTSIDE_RASTER = N_('A reserve lies outside the resistance raster; choose a raster that covers both reserves.')

ZoneEdit = namedtuple('ZoneEdit', 'new_geometry changed removed')
"""Outcome of clip-on-draw: the new zone's geometry (None when nothing is left of it),
{feature id: reduced geometry} of existing zones that lost area, and ids of zones it covered entirely."""

Corridor = namedtuple('Corridor', 'polygon centre_line from_index to_index length width area')
"""A drawn corridor: polygon and the part of the centre line outside the reserves (CRS units),
indexes of the two reserves it joins, centre-line length, width and polygon area (CRS units, units^2)."""

CorridorCost = namedtuple('CorridorCost', 'cost_length mean_resistance nodata_length')
"""Resistance along a corridor: sum of resistance x length (cost x CRS units), its mean per unit length,
and the length over nodata or non-positive cells (barriers, docs/costdistance.md) left out of both."""


def _polygonal_difference(geometry, other):
    return polygonal_part(geometry.difference(other))


def clip_new_zone(new_polygon, existing, mode=NEW_WINS, boundary=None, min_area=0.0):
    """Clip a newly drawn zone polygon against the zones already on the layer.

    ``existing`` maps feature ids to shapely polygons; ``mode`` is NEW_WINS (existing zones give up
    the area the new one covers) or YIELDS (the new zone keeps only uncovered area). With a
    ``boundary`` polygon the new zone is first cut to the reserve. Pieces whose area is at most
    ``min_area`` (CRS units^2) count as nothing: such a remaining zone is removed, such a new zone is None.
    A self-intersecting drawing is repaired; a drawing with no area raises EngineError. Invalid existing
    zones and boundary are repaired first (geometry.repair_polygon), so that the overlays never fail on
    them; a zone that loses area is returned repaired, one with no area left after repair is ignored.

    >>> from shapely.geometry import box
    >>> edit = clip_new_zone(box(1, 0, 3, 1), {7: box(0, 0, 2, 1)}, NEW_WINS)
    >>> edit.new_geometry.area, edit.changed[7].area, edit.removed
    (2.0, 1.0, [])
    >>> clip_new_zone(box(1, 0, 3, 1), {7: box(0, 0, 2, 1)}, YIELDS).new_geometry.area
    1.0
    """
    if mode not in CLIP_MODES:
        raise ValueError('mode must be one of {}'.format(CLIP_MODES))
    drawn, _status = repair_polygon(new_polygon)
    if drawn is None:
        raise EngineError(N_('The drawn polygon has no area; draw at least three points that enclose an area.'))
    reserve = repair_polygon(boundary)[0] if boundary is not None else None
    if reserve is not None:
        drawn = polygonal_part(drawn.intersection(reserve))
    repaired = {fid: repair_polygon(geometry)[0] for fid, geometry in existing.items()}
    touched = {fid: geometry for fid, geometry in repaired.items()
               if geometry is not None and geometry.intersects(drawn)}
    if mode == YIELDS:
        taken = unary_union(list(touched.values())) if touched else None
        remaining = _polygonal_difference(drawn, taken) if taken is not None else drawn
        return ZoneEdit(remaining if remaining.area > min_area else None, {}, [])
    changed, removed = {}, []
    for fid, geometry in touched.items():
        if geometry.intersection(drawn).area <= min_area:
            continue
        remaining = _polygonal_difference(geometry, drawn)
        if remaining.area > min_area:
            changed[fid] = remaining
        else:
            removed.append(fid)
    return ZoneEdit(drawn if drawn.area > min_area else None, changed, removed)


def _reserve_at(point, reserves, tolerance):
    """Index of the reserve containing ``point`` or nearest to it within ``tolerance``, else None."""
    distances = [(geometry.distance(point), index) for index, geometry in enumerate(reserves)
                 if geometry is not None and not geometry.is_empty]
    close = [item for item in distances if item[0] <= tolerance]
    return min(close)[1] if close else None


def _extended(line, distance):
    """``line`` lengthened by ``distance`` at both ends along its end segments."""
    coords = [tuple(c[:2]) for c in line.coords]

    def beyond(tip, previous):
        dx, dy = tip[0] - previous[0], tip[1] - previous[1]
        norm = math.hypot(dx, dy) or 1.0
        return tip[0] + dx / norm * distance, tip[1] + dy / norm * distance

    return LineString([beyond(coords[0], coords[1])] + coords + [beyond(coords[-1], coords[-2])])


def corridor_from_line(centre_line, width, reserves, tolerance=0.0):
    """The corridor polygon a planner means by drawing ``centre_line`` from one reserve to another.

    ``reserves`` is a list of shapely polygons; the line must start and end inside (or within
    ``tolerance`` of) two different reserves. The corridor is the line buffered to ``width``
    (flat ends, lengthened into the reserves so that it meets their edges flush) minus every
    reserve; its length is that of the centre line outside the reserves. Units are those of the CRS.

    >>> from shapely.geometry import box
    >>> corridor = corridor_from_line(LineString([(5, 5), (25, 5)]), 2, [box(0, 0, 10, 10), box(20, 0, 30, 10)])
    >>> corridor.length, corridor.area, corridor.from_index, corridor.to_index
    (10.0, 20.0, 0, 1)
    """
    if width <= 0:
        raise EngineError(N_('The corridor width must be greater than 0 (it is {width}).'), width=width)
    if centre_line is None or centre_line.is_empty or centre_line.length <= 0:
        raise EngineError(N_('The corridor centre line has no length; click at least two different points.'))
    coords = list(centre_line.coords)
    start = _reserve_at(Point(coords[0]), reserves, tolerance)
    end = _reserve_at(Point(coords[-1]), reserves, tolerance)
    if start is None or end is None:
        raise EngineError(N_('Start the corridor in one reserve and end it in another '
                             '(click inside or on their edges).'))
    if start == end:
        raise EngineError(N_('The corridor starts and ends in the same reserve; end it in another reserve.'))
    taken = unary_union([geometry for geometry in reserves if geometry is not None and not geometry.is_empty])
    band = _extended(centre_line, width).buffer(width / 2.0, cap_style=2, join_style=1)
    polygon = _polygonal_difference(band, taken)
    outside = centre_line.difference(taken)
    return Corridor(polygon, outside, start, end, float(outside.length), float(width), float(polygon.area))


def line_samples(line, step):
    """Split ``line`` into pieces of at most ``step``: (x, y) of each piece's midpoint and its length.

    Returns three numpy arrays (xs, ys, lengths), lengths summing to ``line.length``. Sampling a
    raster at half its cell size or finer meets every cell the line crosses.
    """
    if step <= 0:
        raise ValueError('step must be positive')
    parts = getattr(line, 'geoms', [line])
    xs, ys, lengths = [], [], []
    for part in parts:
        count = max(1, int(math.ceil(part.length / step)))
        piece = part.length / count
        for index in range(count):
            midpoint = part.interpolate((index + 0.5) * piece)
            xs.append(midpoint.x)
            ys.append(midpoint.y)
            lengths.append(piece)
    return np.array(xs), np.array(ys), np.array(lengths)


def corridor_cost(resistances, lengths):
    """Cost-weighted length and mean resistance from resistances sampled along a line.

    ``resistances[i]`` is the resistance met over ``lengths[i]`` (metres); NaN and values <= 0 are
    barriers/nodata (docs/costdistance.md), left out and reported as ``nodata_length``. With no valid
    sample the cost and the mean are None.

    >>> corridor_cost([1.0, 3.0, float('nan')], [10.0, 10.0, 5.0])
    CorridorCost(cost_length=40.0, mean_resistance=2.0, nodata_length=5.0)
    """
    values = np.asarray(resistances, dtype=float)
    lengths = np.asarray(lengths, dtype=float)
    valid = np.isfinite(values) & (values > 0)
    nodata_length = float(lengths[~valid].sum())
    travelled = float(lengths[valid].sum())
    if travelled <= 0:
        return CorridorCost(None, None, nodata_length)
    cost = float((values[valid] * lengths[valid]).sum())
    return CorridorCost(cost, cost / travelled, nodata_length)


def _cells_of(polygon, grid):
    """Boolean mask of the cells whose centre is in ``polygon``, or that it touches when it holds no centre."""
    shape = grid.array.shape
    mask = rasterize([polygon], [1], shape, grid.geotransform, dtype=np.uint8).astype(bool)
    if not mask.any():
        mask = rasterize([polygon], [1], shape, grid.geotransform, all_touched=True, dtype=np.uint8).astype(bool)
    return mask


def least_cost_window(from_reserve, to_reserve, min_margin=0.0):
    """The rectangle (minx, miny, maxx, maxy, CRS units) the least-cost path between two reserves is searched in.

    It is the reserves' joint bounding box grown on every side by its longer side (and by at least
    ``min_margin``), so that the interactive tool reads and searches only the cells near the two reserves,
    however large the resistance raster. A path would have to be about three times the reserves' spread
    to leave it; a cheaper route round a barrier farther out than that is not found.

    >>> from shapely.geometry import box
    >>> least_cost_window(box(0, 0, 10, 10), box(30, 0, 40, 10))
    (-40.0, -40.0, 80.0, 50.0)
    """
    minx, miny, maxx, maxy = unary_union([from_reserve, to_reserve]).bounds
    margin = max(maxx - minx, maxy - miny, min_margin)
    return (float(minx - margin), float(miny - margin), float(maxx + margin), float(maxy + margin))


def least_cost_line(grid, from_reserve, to_reserve):
    """The least-cost path between two reserves as a line through cell centres, and its accumulated cost.

    ``grid`` is an engine.raster.Grid of resistance in a metric CRS, ``from_reserve`` and ``to_reserve``
    shapely polygons in that CRS. Accumulated cost and path follow engine.costdistance (docs/costdistance.md):
    the path runs from the cheapest-to-reach cell of ``to_reserve`` back to ``from_reserve``.
    Returns (LineString from ``from_reserve`` to ``to_reserve``, cost in resistance x metres).
    """
    width, height = cell_size(grid.geotransform)
    if grid.array.size == 0:
        raise EngineError(RESERVE_OUTSIDE_RASTER)
    sources, targets = _cells_of(from_reserve, grid), _cells_of(to_reserve, grid)
    if not sources.any() or not targets.any():
        raise EngineError(RESERVE_OUTSIDE_RASTER)
    graph = costdistance.CostGraph(grid.array, width, height)
    accumulated = graph.accumulate(sources)
    reachable = np.where(targets, accumulated, np.inf)
    target = np.unravel_index(int(np.argmin(reachable)), reachable.shape)
    if not np.isfinite(reachable[target]):
        raise EngineError(N_('No path joins the two reserves: barriers (nodata or resistance <= 0) separate them.'))
    cells = costdistance.least_cost_path(accumulated, graph, target)
    x0, dx, _, y0, _, dy = grid.geotransform
    points = [(x0 + (col + 0.5) * dx, y0 + (row + 0.5) * dy) for row, col in cells]
    if len(points) < 2:
        points.append(points[0])
    return LineString(points), float(reachable[target])
