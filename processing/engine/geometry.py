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


def only_polygons(geometry):
    """True for a collection (GeometryCollection) whose every member is a Polygon or MultiPolygon (or such a
    collection), as some exports store a polygon; False when it holds a point or a line."""
    return isinstance(geometry, GeometryCollection) and all(
        isinstance(part, (Polygon, MultiPolygon)) or only_polygons(part) for part in geometry.geoms)


def repair_polygon(geometry):
    """Return ``(polygonal geometry or None, status)`` with status VALID, REPAIRED, EMPTY, NOT_POLYGON or UNREPAIRABLE.

    A valid collection of polygons that do not overlap is VALID, returned as the Polygon or MultiPolygon it holds.

    Invalid polygons are repaired with GEOS make-valid (DESIGN.md conventions) ring by ring, as make-valid's
    "structure" method does (see repair_structure), and keep their polygonal parts; a polygon with no area left
    after repair is UNREPAIRABLE; points and lines (a layer of the wrong geometry type) are NOT_POLYGON.

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
    if geometry.is_valid and only_polygons(geometry):
        polygons = polygonal_part(geometry)
        if abs(polygons.area - sum(part.area for part in polygon_parts(geometry))) <= 1e-9 * polygons.area:
            return polygons, VALID
    repaired = repair_structure(geometry)
    if repaired.is_empty or repaired.area <= 0:
        return None, UNREPAIRABLE
    return repaired, REPAIRED


def repair_structure(geometry):
    """The area a planner meant by an invalid polygonal ``geometry``: each part's shell minus its holes (rings
    made valid one by one), parts unioned; lines and points in a collection are dropped.

    This is GEOS make-valid's "structure" method (GEOS 3.10, QGIS 3.28's default), written with the "linework"
    make-valid shapely 1.8 has. Linework alone reads a hole that crosses its shell (a zone hugging the reserve
    edge, reprojected: rounding moves one ring across the other) as the edges of separate faces and fills the
    hole, adding its whole area to the polygon (docs/geographic.md).

    Parameters
    ----------
    geometry : shapely Polygon, MultiPolygon or collection
        In any CRS.

    Returns
    -------
    shapely Polygon or MultiPolygon
        Valid, possibly empty.
    """
    parts = []
    for polygon in polygon_parts(geometry):
        shell = polygonal_part(make_valid(Polygon(polygon.exterior)))
        holes = [polygonal_part(make_valid(Polygon(ring))) for ring in polygon.interiors]
        parts.append(shell.difference(unary_union(holes)) if holes else shell)
    return polygonal_part(unary_union(parts)) if parts else Polygon()


def polygon_parts(geometry):
    """The Polygons of a Polygon, MultiPolygon or collection."""
    if isinstance(geometry, Polygon):
        return [geometry]
    if hasattr(geometry, 'geoms'):
        return [polygon for part in geometry.geoms for polygon in polygon_parts(part)]
    return []
