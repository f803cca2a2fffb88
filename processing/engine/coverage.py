"""Protected-area coverage (docs/coverage.md): WDPA-style cleaning, flattening, coverage per region,
coverage over time and species coverage (Map of Life Species Protection Index).

Every geometry handed to this module is a shapely geometry in one metric *equal-area* CRS (the adapters use
qgis_io.local_crs), so ``geometry.area`` is in m2; tables report km2 and percent.
Works with shapely 1.8 and 2.x: the few calls that differ are in the compatibility helpers below
(``build_tree``, ``query_indices``, ``envelope_pairs``, ``geometry_kinds``, ``areas_inside``); on shapely 2 they use
its vectorised functions.
"""

import datetime
import math
import re
import warnings
from collections import namedtuple
from functools import partial

import numpy as np
import pandas as pd
import shapely
from osgeo import gdal
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components
from shapely.errors import ShapelyDeprecationWarning
from shapely.geometry import MultiPolygon, Point
from shapely.ops import unary_union
from shapely.prepared import prep
from shapely.strtree import STRtree

from . import geometry as engine_geometry
from . import raster as engine_raster
from . import zones
from .executor import Executor
from .feedback import ensure as ensure_feedback
from .messages import N_

M2_PER_KM2 = 1e6
GBF_TARGET_PERCENT = 30.0
UNPROTECTED_PERCENT = 1.0
KEPT_STATUSES = ('designated', 'inscribed', 'established')
MAB_MARKERS = ('unesco-mab', 'biosphere reserve')
CIRCLE_SEGMENTS_PER_QUADRANT = 16
POINT_TYPES = ('Point', 'MultiPoint')
POLYGON_TYPES = ('Polygon', 'MultiPolygon')

STATUS_FIELD = 'STATUS'
DESIGNATION_FIELD = 'DESIG_ENG'
REPORTED_AREA_FIELD = 'REP_AREA'
YEAR_FIELD = 'STATUS_YR'
IUCN_FIELD = 'IUCN_CAT'
WDPA_FIELDS = (STATUS_FIELD, DESIGNATION_FIELD, REPORTED_AREA_FIELD, YEAR_FIELD, IUCN_FIELD, zones.ZONE_FIELD)

IUCN_CATEGORIES = ('Ia', 'Ib', 'II', 'III', 'IV', 'V', 'VI')
NOT_REPORTED = 'Not Reported'
CATEGORY_ORDER = IUCN_CATEGORIES + ('Not Applicable', 'Not Assigned', NOT_REPORTED)
"""IUCN_CAT values in WDPA's spelling, in wdpar's priority order (the last three share the lowest priority)."""
_CATEGORY_SPELLING = {name.lower(): name for name in CATEGORY_ORDER}

ProtectedArea = namedtuple('ProtectedArea', 'fid geometry attributes')
"""One input feature: id, shapely geometry in the equal-area CRS (any type, or None), dict of its WDPA fields."""

ProtectedLayer = namedtuple('ProtectedLayer', 'name fields areas')
"""One input layer: display name, set of its field names, list of ProtectedArea."""

CleaningOptions = namedtuple('CleaningOptions', 'status_filter exclude_mab points_as_circles repair dissolve')
CleaningOptions.__new__.__defaults__ = (True, True, True, True, True)

Note = namedtuple('Note', 'template params')
"""A translatable log line: an N_-marked str.format template and its parameters (like EngineError)."""

DatedPolygon = namedtuple('DatedPolygon', 'geometry year category origin')
DatedPolygon.__new__.__defaults__ = (NOT_REPORTED, None)
"""A cleaned protected polygon, its establishment year (None when unknown), IUCN category (iucn_category) and, from
clean_protected_areas, its origin: (index of its ProtectedLayer in the list cleaned, ProtectedArea.fid)."""

CategoryPieces = namedtuple('CategoryPieces', 'pieces categories years')
"""Disjoint pieces, each attributed by wdpar's priority erase to one area: its IUCN category ``categories[i]``
and its STATUS_YR ``years[i]`` (None = unknown)."""

Flattened = namedtuple('Flattened', 'pieces years units categorised')
Flattened.__new__.__defaults__ = (None,)
"""Disjoint pieces (each first protected in ``years[i]``, None = unknown), the dissolved units and, when asked
for, the CategoryPieces of the same protected land (None otherwise)."""


SHAPELY_2 = hasattr(shapely, 'get_type_id')
"""True with shapely 2's vectorised functions; tested by feature: Debian sid's shapely reports version '0+unknown'."""
TYPE_NAMES = ('Point', 'LineString', 'LinearRing', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon',
              'GeometryCollection')
"""Geometry type names by shapely 2's type id."""


def note(template, **params):
    """A Note: the adapters translate ``template`` (marked with N_) and fill in ``params``."""
    return Note(template, params)


def object_array(geometries):
    """A 1-D numpy object array of geometries (never unpacked into coordinates)."""
    array = np.empty(len(geometries), dtype=object)
    for index, geometry in enumerate(geometries):
        array[index] = geometry
    return array


def geometry_kinds(geometries):
    """(type names, validity) of ``geometries``: the type is None for None or empty geometries."""
    if SHAPELY_2:
        array = object_array(geometries)
        type_ids, empty, valid = shapely.get_type_id(array), shapely.is_empty(array), shapely.is_valid(array)
        names = [None if type_id < 0 or is_empty else TYPE_NAMES[type_id] for type_id, is_empty in zip(type_ids, empty)]
        return names, [bool(flag) for flag in valid]
    names = [None if geometry is None or geometry.is_empty else geometry.geom_type for geometry in geometries]
    return names, [name is not None and geometry.is_valid for name, geometry in zip(names, geometries)]


def build_tree(geometries):
    """An STRtree of ``geometries`` without shapely 1.8's warning about its 2.0 API (query_indices hides it)."""
    with warnings.catch_warnings():
        warnings.simplefilter('ignore', ShapelyDeprecationWarning)
        return STRtree(geometries)


def query_indices(tree, geometry):
    """Indices of the tree's geometries whose envelopes intersect ``geometry`` (shapely 1.8 and 2.x)."""
    if hasattr(tree, 'query_items'):
        return np.asarray(tree.query_items(geometry), dtype=int)
    return np.asarray(tree.query(geometry), dtype=int)


def polygon_parts(geometry):
    """The Polygons of a polygonal geometry as a list (empty for None or empty)."""
    if isinstance(geometry, MultiPolygon):
        return list(geometry.geoms)
    polygonal = engine_geometry.polygonal_part(geometry)
    if polygonal.is_empty:
        return []
    return list(polygonal.geoms) if isinstance(polygonal, MultiPolygon) else [polygonal]


# --- cleaning (docs/coverage.md) -------------------------------------------------------------------------

def circle_of_area(centre, area_m2):
    """A polygon centred on ``centre`` whose area is exactly ``area_m2`` (the polygon's radius is enlarged
    so that the inscribed 64-gon, not the ideal circle, has the reported area)."""
    sides = 4 * CIRCLE_SEGMENTS_PER_QUADRANT
    polygon_area_per_r2 = sides / 2.0 * math.sin(2.0 * math.pi / sides)
    return centre.buffer(math.sqrt(area_m2 / polygon_area_per_r2), CIRCLE_SEGMENTS_PER_QUADRANT)


def points_to_circles(geometry, reported_area_km2):
    """Circles of radius sqrt(REP_AREA * 1e6 / pi) m (docs/coverage.md) for a Point or MultiPoint.

    A MultiPoint's reported area is shared equally among its points. Returns None without a positive area.
    """
    try:
        area_km2 = float(reported_area_km2)
    except (TypeError, ValueError):
        return None
    if not area_km2 > 0:
        return None
    points = list(geometry.geoms) if hasattr(geometry, 'geoms') else [geometry]
    share_m2 = area_km2 * M2_PER_KM2 / len(points)
    return unary_union([circle_of_area(Point(point.x, point.y), share_m2) for point in points])


def iucn_category(value):
    """IUCN_CAT in WDPA's spelling whatever its case ('ia', 'IA' -> 'Ia'); NOT_REPORTED when missing or not one
    of CATEGORY_ORDER."""
    if value is None:
        return NOT_REPORTED
    return _CATEGORY_SPELLING.get(str(value).strip().lower(), NOT_REPORTED)


def category_rank(category):
    """wdpar's priority of an iucn_category, 0 for Ia to 6 for VI and 7 for the unclassified values."""
    return min(CATEGORY_ORDER.index(category), len(IUCN_CATEGORIES))


YEAR_AT_START = re.compile(r'\s*(\d{4})(?!\d)')
"""A text starting with a four-digit year: '1990-05-01', '1990/5/1', '1990年'."""


def establishment_year(value):
    """STATUS_YR as an int: a number (1990, 1990.0, '1990'), a date (datetime.date, as the adapters pass a date
    field) or a text starting with the year ('1990-05-01', '1990年'); None when missing, 0 (WDPA's 'not reported')
    or not a year (see unreadable_year)."""
    if isinstance(value, datetime.date):
        return value.year
    try:
        year = int(float(value))
    except (TypeError, ValueError):
        found = YEAR_AT_START.match(value) if isinstance(value, str) else None
        if found is None:
            return None
        year = int(found.group(1))
    return year if year > 0 else None


def unreadable_year(value):
    """True when STATUS_YR holds something (not NULL, blank or 0) that establishment_year cannot read as a year."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return False
    if establishment_year(value) is not None:
        return False
    try:
        return float(value) != 0
    except (TypeError, ValueError):
        return True


class _Tally:
    """Counts of what one cleaning step removed or changed, for the summary."""

    def __init__(self):
        self.counts = {}
        self.examples = {}

    def add(self, key, layer, fid):
        self.counts[key] = self.counts.get(key, 0) + 1
        self.examples.setdefault(key, []).append('{}:{}'.format(layer, fid))

    def ids(self, key, limit=5):
        listed = self.examples.get(key, [])
        return ', '.join(listed[:limit]) + (' ...' if len(listed) > limit else '')


def _status_kept(area, layer, options, tally):
    if not options.status_filter or STATUS_FIELD not in layer.fields:
        return True
    value = area.attributes.get(STATUS_FIELD)
    status = '' if value is None else str(value).strip()
    if status.lower() in KEPT_STATUSES:
        return True
    # a NULL or empty STATUS is no status, not WDPA's "Not Reported"; removed either way, as wdpar's %in% does
    tally.add(('status', status) if status else ('status_missing',), layer.name, area.fid)
    return False


def _designation_kept(area, layer, options, tally):
    if not options.exclude_mab:
        return True
    designation = str(area.attributes.get(DESIGNATION_FIELD) or '').lower()
    if DESIGNATION_FIELD in layer.fields and any(marker in designation for marker in MAB_MARKERS):
        tally.add(('mab',), layer.name, area.fid)
        return False
    if zones.ZONE_FIELD in layer.fields and zones.normalise_zone(area.attributes.get(zones.ZONE_FIELD)) != zones.CORE:
        tally.add(('not_core',), layer.name, area.fid)
        return False
    return True


def _polygon_of(area, kind, valid, layer, options, tally):
    """The area's polygon after the point and repair steps, or None when the step removes it."""
    geometry = area.geometry
    if kind in POINT_TYPES:
        if not options.points_as_circles:
            tally.add(('points_off',), layer.name, area.fid)
            return None
        circles = points_to_circles(geometry, area.attributes.get(REPORTED_AREA_FIELD))
        tally.add(('circle',) if circles is not None else ('point_no_area',), layer.name, area.fid)
        return circles
    if valid and kind in POLYGON_TYPES:
        return geometry
    if not options.repair:
        tally.add(('invalid_kept_out',), layer.name, area.fid)
        return None
    repaired, _status = engine_geometry.repair_polygon(geometry)
    tally.add(('repaired',) if repaired is not None else ('unrepairable',), layer.name, area.fid)
    return repaired


def _clean_area(area, kind, valid, layer, options, tally):
    if kind is None:
        tally.add(('null',), layer.name, area.fid)
        return None
    if not (_status_kept(area, layer, options, tally) and _designation_kept(area, layer, options, tally)):
        return None
    polygon = _polygon_of(area, kind, valid, layer, options, tally)
    if polygon is None:
        return None
    year = area.attributes.get(YEAR_FIELD)
    if unreadable_year(year):
        tally.add(('year_unreadable', str(year)), layer.name, area.fid)
    return DatedPolygon(polygon, establishment_year(year), iucn_category(area.attributes.get(IUCN_FIELD)))


STEP_TEMPLATES = {
    'null': N_('{count} features without a geometry removed (e.g. {ids}).'),
    'status': N_('Status filter: {count} areas with STATUS "{status}" removed (e.g. {ids}).'),
    'status_missing': N_('Status filter: {count} areas without a STATUS (NULL or empty) removed (e.g. {ids}).'),
    'mab': N_('UNESCO-MAB Biosphere Reserve designations: {count} areas removed (e.g. {ids}).'),
    'not_core': N_('Zoning layers: {count} buffer or transition zones removed, only core zones count (e.g. {ids}).'),
    'points_off': N_('Points: {count} points removed because turning points into circles is switched off '
                     '(e.g. {ids}).'),
    'point_no_area': N_('Points: {count} points without a reported area (REP_AREA) removed (e.g. {ids}).'),
    'circle': N_('Points: {count} points turned into circles of their reported area (REP_AREA).'),
    'repaired': N_('Geometry repair: {count} invalid geometries repaired (e.g. {ids}).'),
    'unrepairable': N_('Geometry repair: {count} geometries could not be repaired and were removed (e.g. {ids}).'),
    'invalid_kept_out': N_('Geometry repair switched off: {count} invalid geometries removed (e.g. {ids}).'),
    'year_unreadable': N_('STATUS_YR: {count} areas have a value that is not a year ("{value}"), so they have no '
                          'establishment year (e.g. {ids}). Write the year (1990, or a date such as 1990-05-01).'),
}
"""Summary line of each cleaning step, in the order the steps run."""
STEP_ORDER = list(STEP_TEMPLATES)
WARNING_TEMPLATES = {STEP_TEMPLATES['null']}
"""Summary lines the adapters log as warnings: a protected area without a geometry is left out (it has no area),
and its layer and feature id are named (DESIGN.md: never silently dropped)."""


def _missing_field_notes(layer, kinds, options):
    notes = []
    if options.status_filter and STATUS_FIELD not in layer.fields:
        notes.append(note(N_('Layer "{layer}" has no STATUS field: the status filter keeps all its areas.'),
                          layer=layer.name))
    if (options.exclude_mab and DESIGNATION_FIELD not in layer.fields and zones.ZONE_FIELD not in layer.fields):
        notes.append(note(N_('Layer "{layer}" has no DESIG_ENG field: no UNESCO-MAB designation can be recognised '
                             'in it.'), layer=layer.name))
    if YEAR_FIELD not in layer.fields:
        notes.append(note(N_('Layer "{layer}" has no STATUS_YR field: its areas have no establishment year.'),
                          layer=layer.name))
    if any(kind in POINT_TYPES for kind in kinds) and REPORTED_AREA_FIELD not in layer.fields:
        notes.append(note(N_('Layer "{layer}" has points but no REP_AREA field: its points have no area.'),
                          layer=layer.name))
    return notes


def clean_protected_areas(layers, options=CleaningOptions(), feedback=None):
    """Apply the Protected Planet / wdpar cleaning steps (docs/coverage.md) except the dissolve.

    ``layers``: list of ProtectedLayer in one equal-area metric CRS. A layer without a WDPA field skips the
    step that needs it (said in the notes). A layer with a ``zone`` field (the plugin's zoning layers) counts
    only its core zones while UNESCO-MAB designations are excluded. ``feedback``: an optional
    engine.feedback.Feedback (a cancel raises messages.Canceled).
    Returns (list of DatedPolygon, each with its origin, list of Note summarising what each step removed or
    changed).
    """
    feedback = ensure_feedback(feedback)
    tally = _Tally()
    kept, notes = [], []
    total = sum(len(layer.areas) for layer in layers) or 1
    done = 0
    for index, layer in enumerate(layers):
        kinds, validity = geometry_kinds([area.geometry for area in layer.areas])
        notes.extend(_missing_field_notes(layer, kinds, options))
        for area, kind, valid in zip(layer.areas, kinds, validity):
            done += 1
            if done % 500 == 0:
                feedback.check()
                feedback.report(done / total)
            polygon = _clean_area(area, kind, valid, layer, options, tally)
            if polygon is not None:
                kept.append(polygon._replace(origin=(index, area.fid)))
    for key in sorted(tally.counts, key=lambda key: (STEP_ORDER.index(key[0]), key)):
        params = {'count': tally.counts[key], 'ids': tally.ids(key)}
        if key[0] == 'status':
            params['status'] = key[1]
        if key[0] == 'year_unreadable':
            params['value'] = key[1]
        notes.append(note(STEP_TEMPLATES[key[0]], **params))
    return kept, notes


# --- flattening: overlaps counted once ---------------------------------------------------------------------

def envelope_pairs(geometries):
    """(i, j) index arrays of every pair of geometries whose envelopes intersect (i == j included).

    shapely 2 answers with one bulk STRtree query; shapely 1.8 queries geometry by geometry. No geometries: no pairs.
    """
    if not len(geometries):
        return np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.intp)
    tree = build_tree(geometries)
    if not hasattr(tree, 'query_items'):
        pairs = tree.query(object_array(geometries))
        return pairs[0], pairs[1]
    hits = [query_indices(tree, geometry) for geometry in geometries]
    rows = np.repeat(np.arange(len(geometries)), [len(item) for item in hits])
    return rows, np.concatenate(hits)


def overlap_groups(geometries):
    """Label each geometry with the id of its group of envelope-overlapping geometries (connected components)."""
    count = len(geometries)
    if count == 0:
        return np.zeros(0, dtype=int)
    rows, cols = envelope_pairs(geometries)
    graph = coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(count, count))
    return connected_components(graph, directed=False)[1]


def _dissolve_group(members):
    """The group's union as its pieces (no owner: not attributed) and its union."""
    union = members[0].geometry if len(members) == 1 else unary_union([member.geometry for member in members])
    parts = polygon_parts(union)
    return parts, [None] * len(parts), union


def year_priority(polygon):
    """wdpar's order for the year: earliest STATUS_YR first, unknown years last."""
    return polygon.year is None, polygon.year or 0


def category_priority(polygon):
    """wdpar's order (docs/coverage.md): IUCN_CAT Ia > Ib > II > III > IV > V > VI > not reported /
    not applicable / not assigned, then the earliest STATUS_YR (the category name only makes ties deterministic)."""
    return (category_rank(polygon.category),) + year_priority(polygon) + (polygon.category,)


def _erase_in_priority(members, priority):
    """Disjoint pieces of one overlap group, each owned by the member of highest ``priority`` (smallest key)
    covering it: wdpar's erase. Returns (pieces, owner DatedPolygon of each piece, the group's union).

    Each priority level's union is erased one by one by the earlier members that meet it, not by all the land
    covered so far nor by their union: in a long chain of overlapping areas with many levels (one per year)
    every difference stays as small as two areas, instead of one as large as the group per level.
    """
    if len(members) == 1:
        parts = polygon_parts(members[0].geometry)
        return parts, [members[0]] * len(parts), members[0].geometry
    ordered = sorted(members, key=priority)
    keys = [priority(member) for member in ordered]
    geometries = [member.geometry for member in ordered]
    tree = build_tree(geometries)
    pieces, owners, start = [], [], 0
    while start < len(ordered):
        end = start + 1
        while end < len(ordered) and keys[end] == keys[start]:
            end += 1
        union = geometries[start] if end - start == 1 else unary_union(geometries[start:end])
        new, prepared = union, prep(union)
        for index in query_indices(tree, union):
            if index < start and prepared.intersects(geometries[index]):
                new = new.difference(geometries[index])
        parts = polygon_parts(new)
        pieces.extend(parts)
        owners.extend([ordered[start]] * len(parts))
        start = end
    return pieces, owners, unary_union(geometries)


def _flatten_groups(groups, flatten_group, feedback):
    """(pieces, owners, units) of every overlap group flattened by ``flatten_group``; a cancel raises."""
    pieces, owners, units = [], [], []
    for done, members in enumerate(groups):
        if done % 200 == 0:
            feedback.check()
            feedback.report(done / len(groups))
        group_pieces, group_owners, union = flatten_group(members)
        pieces.extend(group_pieces)
        owners.extend(group_owners)
        units.extend(polygon_parts(union))
    return pieces, owners, units


def _undissolved(polygons, by_category):
    parts = [(part, item) for item in polygons for part in polygon_parts(item.geometry)]
    pieces = [part for part, _ in parts]
    categorised = CategoryPieces(pieces, [item.category for _, item in parts],
                                 [item.year for _, item in parts]) if by_category else None
    return Flattened(pieces, [item.year for _, item in parts], pieces, categorised)


def flatten(polygons, dissolve=True, by_year=False, feedback=None, by_category=False):
    """Count overlaps once (docs/coverage.md: dissolve; with ``by_year`` each area is attributed to its
    earliest STATUS_YR, as wdpar's erase in priority order does for the year).

    ``polygons``: list of DatedPolygon in an equal-area metric CRS. Returns Flattened: ``pieces`` are
    disjoint Polygons whose areas sum to the dissolved area, ``years[i]`` the earliest establishment year
    protecting piece i (None = unknown or not attributed), ``units`` the dissolved polygons (Protected Planet's
    flat layer). Only groups of polygons whose envelopes overlap are unioned together, which is several times
    faster than one union of everything. With ``dissolve`` False overlaps count as often as they occur.
    With ``by_category``, ``categorised`` holds the same land erased in wdpar's priority order (category_priority),
    so each piece belongs to exactly one IUCN category; without ``by_year`` the pieces are then those same
    pieces (one erase instead of two, and coverage and categories add up alike).
    ``feedback``: an optional engine.feedback.Feedback (a cancel raises messages.Canceled).
    """
    feedback = ensure_feedback(feedback)
    if not dissolve:
        return _undissolved(polygons, by_category)
    labels = overlap_groups([item.geometry for item in polygons])
    grouped = {}
    for item, label in zip(polygons, labels):
        grouped.setdefault(label, []).append(item)
    groups = list(grouped.values())
    categorised = None
    if by_category:
        pieces, owners, units = _flatten_groups(groups, partial(_erase_in_priority, priority=category_priority),
                                                feedback)
        categorised = CategoryPieces(pieces, [owner.category for owner in owners], [owner.year for owner in owners])
        if not by_year:
            return Flattened(pieces, [None] * len(pieces), units, categorised)
    flatten_group = partial(_erase_in_priority, priority=year_priority) if by_year else _dissolve_group
    pieces, owners, units = _flatten_groups(groups, flatten_group, feedback)
    return Flattened(pieces, [None if owner is None else owner.year for owner in owners], units, categorised)


def overlap_note(polygons, flattened, dissolve=True):
    """A Note saying how much overlapping area the dissolve removed (km2), or that overlaps were kept."""
    if not dissolve:
        return note(N_('Overlaps are not dissolved: overlapping areas are counted as often as they occur and '
                       'coverage may exceed 100 %.'))
    before = sum(item.geometry.area for item in polygons) / M2_PER_KM2
    after = sum(piece.area for piece in flattened.pieces) / M2_PER_KM2
    return note(N_('Overlaps counted once: {count} protected polygons, {before:.2f} km2 in total, dissolve into '
                   '{units} units of {after:.2f} km2 ({removed:.2f} km2 of overlap removed).'),
                count=len(polygons), before=before, units=len(flattened.units), after=after, removed=before - after)


# --- coverage per region -------------------------------------------------------------------------------------

def areas_inside(region, parts, candidates):
    """(those of ``candidates`` whose part overlaps ``region``, the area of each inside it in m2).

    ``parts``: object array of Polygons; ``candidates``: indices into it. Parts lying wholly inside the region
    are measured without computing an intersection.
    """
    if SHAPELY_2:
        subset = parts[candidates]
        prepared_here = not shapely.is_prepared(region)
        shapely.prepare(region)
        try:
            inside = shapely.contains(region, subset)
            crossing = ~inside & shapely.intersects(region, subset)
        finally:
            if prepared_here:
                shapely.destroy_prepared(region)
        areas = np.zeros(len(subset))
        areas[inside] = shapely.area(subset[inside])
        areas[crossing] = shapely.area(shapely.intersection(subset[crossing], region))
        keep = inside | crossing
        return candidates[keep], areas[keep]
    prepared = prep(region)
    hits, areas = [], []
    for index in candidates:
        part = parts[index]
        if prepared.contains(part):
            hits.append(index)
            areas.append(part.area)
        elif prepared.intersects(part):
            hits.append(index)
            areas.append(region.intersection(part).area)
    return np.asarray(hits, dtype=int), np.asarray(areas, dtype=float)


def clipped_areas(parts, regions, feedback=None, executor=None):
    """Area (m2) of each part inside each region, as a sparse list.

    ``parts``: Polygons (equal-area metric CRS); ``regions``: polygonal geometries in the same CRS;
    ``feedback``: an optional engine.feedback.Feedback (a cancel raises messages.Canceled); ``executor``: an
    ``executor.Executor`` measuring the regions in parallel (None: one after the other; the result is the same).
    Returns three arrays (part_index, region_index, area_m2) for every pair that overlaps.
    """
    tree = build_tree(parts) if parts else None
    parts_array = object_array(parts)
    candidates = [np.zeros(0, dtype=int) if tree is None or region is None or region.is_empty
                  else np.asarray(query_indices(tree, region), dtype=int) for region in regions]
    tasks = [(region, parts_array[indices]) for region, indices in zip(regions, candidates)]
    inside = (executor or Executor()).map(_region_areas, tasks, feedback=feedback)
    part_ids = [np.zeros(0, dtype=int)] + [indices[hits] for indices, (hits, _) in zip(candidates, inside)]
    region_ids = [np.zeros(0, dtype=int)] + [np.full(len(hits), index) for index, (hits, _) in enumerate(inside)]
    areas = [np.zeros(0)] + [hit_areas for _, hit_areas in inside]
    return np.concatenate(part_ids), np.concatenate(region_ids), np.concatenate(areas)


def _region_areas(_context, task):
    """Executor task: areas_inside of one region over its candidate parts -> (positions among them, areas m2)."""
    region, parts = task
    if not len(parts):
        return np.zeros(0, dtype=int), np.zeros(0)
    return areas_inside(region, parts, np.arange(len(parts)))


def _coverage_frame(keys, region_areas_m2, protected_m2):
    area_km2 = np.asarray(region_areas_m2, dtype=float) / M2_PER_KM2
    protected_km2 = np.minimum(np.asarray(protected_m2, dtype=float) / M2_PER_KM2, area_km2)
    with np.errstate(invalid='ignore', divide='ignore'):
        percent = np.where(area_km2 > 0, 100.0 * protected_km2 / np.where(area_km2 > 0, area_km2, 1), 0.0)
    return pd.DataFrame({'region': list(keys), 'area_km2': area_km2, 'protected_km2': protected_km2,
                         'percent': percent})


def coverage_from_pieces(pieces, regions, feedback=None, executor=None):
    """Coverage per region from disjoint protected Polygons (docs/coverage.md).

    ``regions``: list of (key, polygonal geometry). Returns (DataFrame with columns region, area_km2,
    protected_km2, percent, one row per region in input order; the clipped_areas triple).
    """
    geometries = [geometry for _, geometry in regions]
    clipped = clipped_areas(pieces, geometries, feedback, executor)
    protected = np.bincount(clipped[1], weights=clipped[2], minlength=len(regions)) if len(regions) else []
    frame = _coverage_frame([key for key, _ in regions], [geometry.area for geometry in geometries], protected)
    return frame, clipped


def coverage_by_region(protected_geometry, regions):
    """Coverage of each region by ``protected_geometry`` (docs/coverage.md: protected area inside the region /
    region area * 100).

    ``protected_geometry``: a valid Polygon or MultiPolygon (its parts do not overlap, e.g. a dissolved union)
    in a metric equal-area CRS; ``regions``: list of (key, polygonal geometry) in the same CRS.
    Returns a DataFrame: region (the key), area_km2, protected_km2, percent (0..100).

    >>> from shapely.geometry import box
    >>> coverage_by_region(box(0, 0, 1000, 1000), [('a', box(0, 0, 2000, 1000))])['percent'].tolist()
    [50.0]
    """
    return coverage_from_pieces(polygon_parts(protected_geometry), regions)[0]


def add_target(frame, target_percent=GBF_TARGET_PERCENT):
    """Add gap_km2 (protected area still needed to reach ``target_percent``, >= 0) and meets_target (bool)."""
    result = frame.copy()
    needed = result['area_km2'] * target_percent / 100.0
    result['gap_km2'] = np.maximum(needed - result['protected_km2'], 0.0)
    result['meets_target'] = result['percent'] >= target_percent - 1e-9
    return result


Representativeness = namedtuple('Representativeness', 'region_count meeting_target share_percent unprotected')


def representativeness(frame, target_percent=GBF_TARGET_PERCENT):
    """Ecoregion representativeness (docs/coverage.md): how many regions reach the target, their share
    (percent of regions), and how many are unprotected (< 1 % covered)."""
    count = len(frame)
    meeting = int((frame['percent'] >= target_percent - 1e-9).sum())
    share = 100.0 * meeting / count if count else 0.0
    return Representativeness(count, meeting, share, int((frame['percent'] < UNPROTECTED_PERCENT).sum()))


def totals(frame):
    """One row over all regions: summed areas and the overall percent."""
    area = float(frame['area_km2'].sum())
    protected = float(frame['protected_km2'].sum())
    return area, protected, (100.0 * protected / area if area > 0 else 0.0)


def coverage_timeline(years, clipped, total_area_km2):
    """Coverage over time (cumulative, by establishment year) inside the regions.

    ``years``: the year of each piece (None = unknown); ``clipped``: clipped_areas of the pieces against the
    regions; ``total_area_km2``: the regions' total area. Returns (DataFrame year, added_km2, protected_km2,
    percent, one row per year with new protection, ascending; km2 protected only by areas without a year).
    """
    part_ids, _, areas = clipped
    piece_years = np.array([years[index] if years[index] is not None else -1 for index in part_ids], dtype=int)
    known = piece_years >= 0
    undated_km2 = float(areas[~known].sum()) / M2_PER_KM2
    if not known.any():
        return pd.DataFrame({'year': [], 'added_km2': [], 'protected_km2': [], 'percent': []}), undated_km2
    frame = pd.DataFrame({'year': piece_years[known], 'added_km2': areas[known] / M2_PER_KM2})
    frame = frame.groupby('year', as_index=False)['added_km2'].sum().sort_values('year')
    frame['protected_km2'] = frame['added_km2'].cumsum()
    frame['percent'] = 100.0 * frame['protected_km2'] / total_area_km2 if total_area_km2 > 0 else 0.0
    return frame.reset_index(drop=True), undated_km2


CATEGORY_SLIVER = 1e-9
"""Share of a region below which a category's area is a sliver of reprojection, not protected land."""


def category_coverage(frame, clipped, categories):
    """Protected area per region and IUCN category (docs/coverage.md, wdpar's priority erase).

    ``frame``: coverage_from_pieces' table (region, area_km2, protected_km2); ``clipped``: its clipped_areas
    triple; ``categories``: the category of each piece (CategoryPieces). Returns a DataFrame region, iucn_cat,
    area_km2, percent (of the region's area), one row per region and category present, regions in ``frame``'s
    order and categories in CATEGORY_ORDER. A category covering less than CATEGORY_SLIVER of its region (a
    sliver left where reprojected edges meet) is left out. Per region the rows add up to protected_km2: the
    pieces are the ones it was measured with, and the rows are scaled to it, which only moves them by the
    slivers left out, float noise, or where protected_km2 was capped at the region's area (overlaps counted
    twice without the dissolve).
    """
    part_ids, region_ids, areas = clipped
    ranks = np.array([CATEGORY_ORDER.index(categories[index]) for index in part_ids], dtype=int)
    table = pd.DataFrame({'region_index': region_ids, 'rank': ranks, 'area_km2': areas / M2_PER_KM2})
    table = table.groupby(['region_index', 'rank'], as_index=False)['area_km2'].sum()
    region_km2 = frame['area_km2'].to_numpy(dtype=float)[table['region_index'].to_numpy(dtype=int)]
    table = table[table['area_km2'] > CATEGORY_SLIVER * region_km2]
    table = table.sort_values(['region_index', 'rank']).reset_index(drop=True)
    index = table['region_index'].to_numpy(dtype=int)
    measured = table.groupby('region_index')['area_km2'].transform('sum').to_numpy()
    protected = frame['protected_km2'].to_numpy(dtype=float)[index]
    region_km2 = frame['area_km2'].to_numpy(dtype=float)[index]
    area_km2 = table['area_km2'].to_numpy() * protected / np.where(measured > 0, measured, 1.0)
    percent = np.where(region_km2 > 0, 100.0 * area_km2 / np.where(region_km2 > 0, region_km2, 1.0), 0.0)
    return pd.DataFrame({'region': frame['region'].to_numpy(dtype=object)[index],
                         'iucn_cat': [CATEGORY_ORDER[rank] for rank in table['rank']],
                         'area_km2': area_km2, 'percent': percent})


def category_shares(categories):
    """category_coverage's rows as a stacked chart's data: (regions in order, {category: percent per region}),
    categories in CATEGORY_ORDER and only those present."""
    table = categories.pivot_table(index='region', columns='iucn_cat', values='percent', aggfunc='sum', sort=False)
    present = [name for name in CATEGORY_ORDER if name in table.columns]
    table = table.fillna(0.0)
    return list(table.index), {name: table[name].tolist() for name in present}


# --- species coverage: Map of Life Species Protection Index (docs/coverage.md) ----------------------------

SMALL_RANGE_KM2 = 1e4
LARGE_RANGE_KM2 = 2.5e5
LARGE_RANGE_TARGET = 0.15


def target_share(range_km2):
    """Map of Life target share t of a range of ``range_km2`` km2: 1 below 1e4 km2, 0.15 from 2.5e5 km2,
    linear in log10(area) between (docs/coverage.md).

    >>> target_share(5000.0), target_share(5e5), round(target_share(5e4), 3)
    (1.0, 0.15, 0.575)
    """
    if range_km2 < SMALL_RANGE_KM2:
        return 1.0
    if range_km2 >= LARGE_RANGE_KM2:
        return LARGE_RANGE_TARGET
    position = (math.log10(range_km2) - math.log10(SMALL_RANGE_KM2)) / (
        math.log10(LARGE_RANGE_KM2) - math.log10(SMALL_RANGE_KM2))
    return 1.0 + position * (LARGE_RANGE_TARGET - 1.0)


def protection_score(protected_km2, range_km2, whole_range_km2=None):
    """Species protection score SPS = min(100, 100 * A_protected / (t * A)) (docs/coverage.md); 0 for no range.

    ``range_km2`` (A) and ``protected_km2`` are measured in the region of the analysis; the target share t comes
    from the species' whole range ``whole_range_km2`` (``range_km2`` when None: the region holds the whole range).
    This is Map of Life's national SPS: a region is asked to protect t of the part of the range it holds, with t
    set by the whole range, so a wide-ranging species is not held to the 100 % target of a small range merely
    because little of its range lies in the region.
    """
    if range_km2 <= 0:
        return 0.0
    whole = range_km2 if whole_range_km2 is None else whole_range_km2
    return min(100.0, 100.0 * protected_km2 / (target_share(whole) * range_km2))


def species_protection_index(scores, weights):
    """Regional SPI: mean of SPS weighted by the region's share of each species' range (docs/coverage.md)."""
    scores = np.asarray(scores, dtype=float)
    weights = np.asarray(weights, dtype=float)
    return float((scores * weights).sum() / weights.sum()) if weights.sum() > 0 else 0.0


def species_table(species, groups, range_km2, protected_km2, whole_range_km2):
    """Per species: species, group, range_km2 (in the region), protected_km2, percent, target_pct (Map of Life
    target share in percent, from the whole range), sps (protection_score: the national SPS) and region_share
    (the region's share of the species' whole range ``whole_range_km2``, 0..1)."""
    whole = np.asarray(whole_range_km2, dtype=float)
    frame = pd.DataFrame({'species': list(species), 'group': list(groups),
                          'range_km2': np.asarray(range_km2, dtype=float),
                          'protected_km2': np.asarray(protected_km2, dtype=float)})
    frame['protected_km2'] = np.minimum(frame['protected_km2'], frame['range_km2'])
    frame['region_share'] = np.where(whole > 0, frame['range_km2'] / np.where(whole > 0, whole, 1.0), 0.0)
    frame['percent'] = np.where(frame['range_km2'] > 0, 100.0 * frame['protected_km2'] /
                                frame['range_km2'].where(frame['range_km2'] > 0, 1.0), 0.0)
    frame['target_pct'] = [100.0 * target_share(area) for area in whole]
    frame['sps'] = [protection_score(protected, area, whole_area)
                    for protected, area, whole_area in zip(frame['protected_km2'], frame['range_km2'], whole)]
    return frame[['species', 'group', 'range_km2', 'protected_km2', 'percent', 'target_pct', 'sps', 'region_share']]


def group_table(species_frame):
    """Per group: species_count, range_km2, protected_km2, percent (share of the group's habitat protected,
    the seed's '17.9 % of threatened mammal habitat') and spi (the group's Species Protection Index)."""
    rows = []
    for group, members in species_frame.groupby('group', sort=True):
        habitat = float(members['range_km2'].sum())
        protected = float(members['protected_km2'].sum())
        rows.append({'group': group, 'species_count': len(members), 'range_km2': habitat, 'protected_km2': protected,
                     'percent': 100.0 * protected / habitat if habitat > 0 else 0.0,
                     'spi': species_protection_index(members['sps'], members['region_share'])})
    return pd.DataFrame(rows, columns=['group', 'species_count', 'range_km2', 'protected_km2', 'percent', 'spi'])


def range_coverage(ranges, pieces, boundary=None, feedback=None):
    """Range area in the region, its protected area and the whole range area (km2) of each range.

    ``ranges``: polygonal geometries (one per species, equal-area metric CRS); ``pieces``: disjoint protected
    Polygons; ``boundary``: optional region polygon the analysis is restricted to.
    Returns three arrays, species_table's range_km2 (inside the boundary), protected_km2 (inside the boundary)
    and whole_range_km2 (the whole range, which sets the Map of Life target).
    """
    whole = np.array([geometry.area for geometry in ranges], dtype=float)
    inside = ranges if boundary is None else [geometry.intersection(boundary) for geometry in ranges]
    inside_m2 = np.array([geometry.area for geometry in inside], dtype=float)
    _, range_ids, areas = clipped_areas(pieces, inside, feedback)
    protected_m2 = np.bincount(range_ids, weights=areas, minlength=len(ranges)) if len(ranges) else np.zeros(0)
    return inside_m2 / M2_PER_KM2, protected_m2 / M2_PER_KM2, whole / M2_PER_KM2


# --- raster habitat -------------------------------------------------------------------------------------------

GRS80_SEMI_MAJOR_M = 6378137.0
GRS80_ECCENTRICITY = 0.0818191910428158


def _authalic_q(latitude_radians):
    """Snyder's q(phi) (Map Projections: A Working Manual, eq. 3-12) on the GRS80 ellipsoid."""
    e = GRS80_ECCENTRICITY
    sine = np.sin(latitude_radians)
    return (1 - e * e) * (sine / (1 - (e * sine) ** 2) - np.log((1 - e * sine) / (1 + e * sine)) / (2 * e))


def cell_areas_m2(geotransform, rows, geographic):
    """Area (m2) of the cells of each row, as a column vector (rows, 1).

    Projected grids: width * height (exact in an equal-area CRS). Geographic grids (degrees): the exact area of
    each cell on the GRS80 ellipsoid, a^2 * dlon * (q(phi2) - q(phi1)) / 2 (Snyder's authalic q).
    """
    width, height = abs(geotransform[1]), abs(geotransform[5])
    if not geographic:
        return np.full((rows, 1), width * height)
    edges = np.radians(np.clip(geotransform[3] + geotransform[5] * np.arange(rows + 1), -90.0, 90.0))
    zone = np.abs(np.diff(_authalic_q(edges)))
    return (GRS80_SEMI_MAJOR_M ** 2 * math.radians(width) * zone / 2.0).reshape(rows, 1)


HABITAT_BLOCK_ROWS = 1024


def raster_habitat_coverage(path, protected, region=None, geographic=False, block_rows=HABITAT_BLOCK_ROWS,
                            feedback=None):
    """Habitat area in the region, protected habitat area in the region and all the raster's habitat (km2),
    species_table's range_km2, protected_km2 and whole_range_km2 (the whole raster is the species' whole range).

    ``path``: a GDAL raster, band 1 cells > 0 are habitat; ``protected``: polygons and ``region``: an optional
    polygon, both in the raster's CRS, counted by cell centre; ``geographic``: True for a grid in degrees
    (cell areas on the ellipsoid, cell_areas_m2). Read ``block_rows`` rows at a time, so memory stays small
    whatever the raster's size. ``feedback`` (engine.feedback.Feedback) hears the progress after each block;
    a cancel stops the reading before the next block with messages.Canceled.
    GDAL raises inside (raster.raster_errors, whatever the caller's setting): an unreadable file is an
    EngineError naming it.
    """
    whole, inside, protected_km2 = raster_habitat_by_region(path, protected, [region], geographic, block_rows,
                                                            feedback)
    return float(inside[0]), float(protected_km2[0]), whole


def raster_habitat_by_region(path, protected, regions, geographic=False, block_rows=HABITAT_BLOCK_ROWS,
                             feedback=None):
    """(all the raster's habitat km2, habitat km2 inside each region, protected habitat km2 inside each region)
    from one pass over the raster: raster_habitat_coverage for many regions at the cost of one, for reports that
    give a figure per county. ``regions``: disjoint polygons in the raster's CRS (a cell counts in the region its
    centre lies in), or [None] for the whole raster; other arguments as raster_habitat_coverage.
    """
    with engine_raster.raster_errors(path):
        dataset = gdal.Open(path)
        engine_raster.cell_size(dataset.GetGeoTransform(), path)
        whole_m2, per_region = _habitat_totals(dataset, protected, list(regions), geographic, block_rows,
                                               ensure_feedback(feedback))
    return whole_m2 / M2_PER_KM2, per_region[:, 0] / M2_PER_KM2, per_region[:, 1] / M2_PER_KM2


def _habitat_totals(dataset, protected, regions, geographic, block_rows, feedback):
    """(habitat m2, array of (habitat m2, protected habitat m2) per region) over an open GDAL dataset,
    ``block_rows`` rows at a time (see raster_habitat_by_region)."""
    x0, dx, _rx, y0, _ry, dy = dataset.GetGeoTransform()  # north-up or south-up: raster_habitat_by_region checks
    crs_wkt = dataset.GetProjection()
    whole = 0.0
    per_region = np.zeros((len(regions), 2))
    for first in range(0, dataset.RasterYSize, block_rows):
        feedback.check()
        rows = min(block_rows, dataset.RasterYSize - first)
        block = engine_raster.read_rows(dataset, first, rows)
        transform = (x0, dx, 0.0, y0 + first * dy, 0.0, dy)
        habitat_m2 = np.where(np.nan_to_num(block, nan=0.0) > 0, cell_areas_m2(transform, rows, geographic), 0.0)
        protected_m2 = np.where(_burn(protected, block.shape, transform, crs_wkt), habitat_m2, 0.0)
        labels = _region_labels(regions, block.shape, transform, crs_wkt).ravel()
        for column, amounts in enumerate((habitat_m2, protected_m2)):
            per_region[:, column] += np.bincount(labels, amounts.ravel(), len(regions) + 1)[1:]
        whole += float(habitat_m2.sum())
        feedback.report((first + rows) / dataset.RasterYSize)
    return whole, per_region


def _region_labels(regions, shape, geotransform, crs_wkt):
    """Grid of 1 + the index of the region each cell's centre lies in (0: none); [None]: every cell is in it."""
    if regions == [None]:
        return np.ones(shape, dtype=np.int32)
    return engine_raster.rasterize(regions, range(1, len(regions) + 1), shape, geotransform, crs_wkt)


def _burn(geometries, shape, geotransform, crs_wkt):
    """Mask of the cells whose centre lies in ``geometries``."""
    return engine_raster.rasterize(geometries, [1] * len(geometries), shape, geotransform, crs_wkt) > 0
