"""Geometry repair and conversion shared by every engine module (shapely 1.8 and 2.x)."""

from shapely.geometry import GeometryCollection, MultiPolygon, Polygon
from shapely.ops import unary_union
from shapely.validation import make_valid

VALID = 'valid'
REPAIRED = 'repaired'
EMPTY = 'empty'
UNREPAIRABLE = 'unrepairable'
NOT_POLYGON = 'not a polygon'


def polygonal_part(geometry):
    """The polygons of ``geometry`` as a Polygon or MultiPolygon (possibly empty); lines and points are discarded."""
    if geometry is None or geometry.is_empty:
        return Polygon()
    if isinstance(geometry, (Polygon, MultiPolygon)):
        return geometry
    if isinstance(geometry, GeometryCollection) or hasattr(geometry, 'geoms'):
        parts = [polygonal_part(part) for part in geometry.geoms]
        parts = [part for part in parts if not part.is_empty]
        return unary_union(parts) if parts else Polygon()
    return Polygon()


def is_polygon_type(geometry):
    """True for a Polygon or MultiPolygon, or a collection holding one; False for points and lines."""
    if isinstance(geometry, (Polygon, MultiPolygon)):
        return True
    return isinstance(geometry, GeometryCollection) and any(is_polygon_type(part) for part in geometry.geoms)


def repair_polygon(geometry):
    """Return ``(polygonal geometry or None, status)`` with status VALID, REPAIRED, EMPTY, NOT_POLYGON or UNREPAIRABLE.

    Invalid polygons are repaired with GEOS make-valid (DESIGN.md conventions) and keep their
    polygonal parts; a polygon with no area left after repair is UNREPAIRABLE; points and lines
    (a layer of the wrong geometry type) are NOT_POLYGON.

    >>> from shapely.geometry import Point, Polygon
    >>> bow_tie = Polygon([(0, 0), (2, 2), (2, 0), (0, 2)])
    >>> repaired, status = repair_polygon(bow_tie)
    >>> status == REPAIRED, repaired.area
    (True, 2.0)
    >>> repair_polygon(Point(0, 0))[1] == NOT_POLYGON
    True
    """
    if geometry is None or geometry.is_empty:
        return None, EMPTY
    if not is_polygon_type(geometry):
        return None, NOT_POLYGON
    if geometry.is_valid and isinstance(geometry, (Polygon, MultiPolygon)):
        return geometry, VALID
    repaired = polygonal_part(make_valid(geometry))
    if repaired.is_empty or repaired.area <= 0:
        return None, UNREPAIRABLE
    return repaired, REPAIRED
