"""Polygons and lines in longitude/latitude that cross the antimeridian or hold a pole (no QGIS).

A polygon measured in a local projected CRS and transformed back to a geographic CRS comes out with its
longitudes wrapped into [-180, 180]: a ring crossing the 180th meridian jumps by 360 degrees, and a ring around
a pole never closes in longitude. Read as they are, such rings draw a polygon spanning the whole globe. Here each
ring is unwrapped (consecutive longitudes differ by less than 180 degrees), a ring around a pole is closed along
the pole's parallel, and the polygon is cut at the antimeridian into parts that each lie within [-180, 180]
(the convention of RFC 7946, section 3.1.9). Coordinates are (longitude, latitude) in degrees.
The method is written up in docs/geographic.md.
"""

from shapely.affinity import translate
from shapely.geometry import LineString, Polygon, box
from shapely.ops import unary_union

from .geometry import polygon_parts, polygonal_part, repair_structure

FULL_TURN = 360.0
HALF_TURN = 180.0
POLE_LATITUDE = 90.0


def continuous_longitudes(coordinates):
    """The (lon, lat) points with each longitude moved by whole turns to within 180 degrees of the one before."""
    points = [(float(x), float(y)) for x, y, *_z in coordinates]
    unwrapped = [points[0]]
    for x, y in points[1:]:
        previous = unwrapped[-1][0]
        while x - previous > HALF_TURN:
            x -= FULL_TURN
        while previous - x > HALF_TURN:
            x += FULL_TURN
        unwrapped.append((x, y))
    return unwrapped


def unwrapped_line(line):
    """A (lon, lat) LineString with continuous longitudes (continuous_longitudes): a line crossing the antimeridian
    stays one line where it lies, running beyond 180 (or -180) degrees on its far side, instead of jumping a full
    turn from one vertex to the next (drawn across the whole map). A line that does not cross comes back equal, and
    anything but a LineString of two points or more unchanged."""
    if not isinstance(line, LineString) or len(line.coords) < 2:
        return line
    return LineString(continuous_longitudes(line.coords))


def unwrapped_ring(coordinates):
    """The ring's (lon, lat) points with longitudes made continuous; a ring around a pole (its longitude turns
    a full circle) is closed along the pole's parallel (latitude +-90)."""
    unwrapped = continuous_longitudes(coordinates)
    turn = unwrapped[-1][0] - unwrapped[0][0]
    if abs(turn) > HALF_TURN:
        pole = POLE_LATITUDE if sum(y for _x, y in unwrapped) >= 0 else -POLE_LATITUDE
        unwrapped += [(unwrapped[-1][0], pole), (unwrapped[0][0], pole), unwrapped[0]]
    return unwrapped


def periodic(ring_coordinates):
    """The area a ring encloses (unwrapped, closed along a pole if it circles one), repeated every full turn of
    longitude over the span any wrapped ring can reach, so that parts and holes line up whatever longitude their
    unwrapping started from."""
    enclosed = Polygon(unwrapped_ring(ring_coordinates))
    if not enclosed.is_valid:
        enclosed = repair_structure(enclosed)
    return unary_union([translate(enclosed, xoff=turn * FULL_TURN) for turn in range(-2, 3)])


def split_at_antimeridian(geometry):
    """A polygonal geometry with wrapped longitudes as a Polygon or MultiPolygon within longitudes [-180, 180].

    Parameters
    ----------
    geometry : shapely Polygon, MultiPolygon or collection
        In (lon, lat) degrees as a transform to a geographic CRS returns it (longitudes wrapped into [-180, 180]).

    Returns
    -------
    shapely Polygon or MultiPolygon
        Parts crossing the antimeridian cut there, a part around a pole covering the pole; each part is its
        shell minus its holes.
    """
    world = box(-HALF_TURN, -POLE_LATITUDE, HALF_TURN, POLE_LATITUDE)
    pieces = []
    for polygon in polygon_parts(geometry):
        area = periodic(polygon.exterior.coords)
        for ring in polygon.interiors:
            area = area.difference(periodic(ring.coords))
        pieces.append(polygonal_part(area.intersection(world)))
    return polygonal_part(unary_union(pieces)) if pieces else polygonal_part(geometry)


def crosses_antimeridian_or_pole(geometry):
    """True when a polygonal (lon, lat) ``geometry`` has a ring jumping across the antimeridian or circling a
    pole: split_at_antimeridian changes it."""
    for polygon in polygon_parts(geometry):
        for ring in [polygon.exterior] + list(polygon.interiors):
            xs = [x for x, _y in ring.coords]
            if any(abs(b - a) > HALF_TURN for a, b in zip(xs, xs[1:])):
                return True
    return False
