"""Rule checks of a biosphere-reserve zoning (docs/zoning.md, "Validation rules").

Input geometries are shapely geometries in a metric CRS (metres); every problem comes back located where it
is: the invalid feature or its self-intersection point, the overlap polygon, the gap polygon, the stretch of
core edge (a line) that is not enclosed, the part of a grown core that leaves core + buffer.

Tolerances (``Tolerances``), all in metres or square metres:

- ``area_m2``: overlaps, gaps, zones outside the boundary and too-narrow buffer pieces smaller than this are
  slivers and are ignored (default 1 m2);
- ``snap_m``: two edges closer than this count as shared (default 0.01 m, digitising noise);
- ``length_m``: shared or exposed stretches of core edge shorter than this are ignored (default 1 m), so that
  zones meeting at a corner do not count as adjoining;
- ``exempt_m``: a core edge within this distance of an exempt line or polygon is exempt (default 1 m).

Profiles (``PROFILES``) switch rules on (a severity) or off (``OFF``) and set the area-ratio thresholds.
Zone values are read with ``zones.normalise_zone`` (core/buffer/transition, 1/2/3, the Chinese and German zone
names, any case) plus the profile's aliases (the 2019 two-zone names); a value none of them knows is a problem,
never dropped.
"""

import re
from collections import namedtuple

import numpy as np
from shapely.errors import ShapelyError
from shapely.geometry import CAP_STYLE, MultiLineString, Point, Polygon, box
from shapely.ops import clip_by_rect, linemerge, unary_union
from shapely.validation import explain_validity, make_valid

from . import geometry as engine_geometry
from .feedback import ensure as ensure_feedback
from .messages import N_
from .zones import BUFFER, CORE, TRANSITION, ZONE_DISPLAY_NAMES, normalise_zone

ERROR = 'error'
WARNING = 'warning'
OFF = None

GENERAL = 'general'
"""The 2019 Chinese two-zone profile's 一般控制区 (general control zone): buffer and transition merged."""
ZONE_CLASS_NAMES = dict(ZONE_DISPLAY_NAMES, **{GENERAL: N_('General control zone')})

RULE_INVALID = 'invalid_geometry'
RULE_EMPTY = 'empty_geometry'
RULE_ZONE_VALUE = 'unknown_zone'
RULE_NO_CORE = 'no_core'
RULE_OVERLAP = 'overlap'
RULE_GAP = 'gap'
RULE_OUTSIDE = 'outside_boundary'
RULE_ADJOIN = 'core_without_buffer'
RULE_ENCLOSURE = 'core_not_enclosed'
RULE_WIDTH = 'buffer_too_narrow'
RULE_CORE_SHARE = 'core_share'
RULE_CORE_BUFFER_SHARE = 'core_buffer_share'
RULE_TRANSITION_SHARE = 'transition_share'

RULES = {
    RULE_INVALID: (1, N_('Geometry is valid')),
    RULE_EMPTY: (1, N_('Geometry is not empty')),
    RULE_ZONE_VALUE: (1, N_('Zone value is allowed')),
    RULE_NO_CORE: (1, N_('The zoning has a core area')),
    RULE_OVERLAP: (2, N_('No overlaps between zones')),
    RULE_GAP: (3, N_('No gaps in the reserve')),
    RULE_OUTSIDE: (3, N_('Zones stay inside the reserve boundary')),
    RULE_ADJOIN: (4, N_('Every core adjoins a buffer')),
    RULE_ENCLOSURE: (4, N_('Cores are enclosed (strict)')),
    RULE_WIDTH: (5, N_('Minimum buffer width')),
    RULE_CORE_SHARE: (6, N_('Minimum core share')),
    RULE_CORE_BUFFER_SHARE: (6, N_('Minimum core + buffer share')),
    RULE_TRANSITION_SHARE: (6, N_('Minimum transition share')),
}
"""Rule id -> (rule number in docs/zoning.md, N_ title). The ids are written to the ``rule`` field."""

POINT, LINE, AREA = 'point', 'line', 'polygon'

Tolerances = namedtuple('Tolerances', 'area_m2 snap_m length_m exempt_m')
DEFAULT_TOLERANCES = Tolerances(area_m2=1.0, snap_m=0.01, length_m=1.0, exempt_m=1.0)

ZoneFeature = namedtuple('ZoneFeature', 'fid value geometry')
"""One zone polygon: feature id, raw zone value, shapely geometry in metres (None for a null geometry)."""

ShareRule = namedtuple('ShareRule', 'rule classes minimum severity')
"""Area-ratio rule (docs/zoning.md, rule 6): the ``classes`` together cover at least ``minimum`` (0-1) of the
reserve."""


class Problem(namedtuple('Problem', 'rule severity message_template params geometry feature_ids')):
    """One rule violation: ``geometry`` (metres, or None) is where it is; ``feature_ids`` the zone features involved."""

    __slots__ = ()

    @property
    def template(self):
        """Alias of ``message_template``: ``qgis_io.engine_message`` translates a Problem like an EngineError."""
        return self.message_template

    def message(self):
        """The English message; adapters translate ``message_template`` first, then format it with ``params``."""
        return self.message_template.format(**self.params)

    def shape(self):
        """POINT, LINE or AREA: the dimension of the located geometry (AREA when there is none)."""
        if self.geometry is None or self.geometry.geom_type in ('Polygon', 'MultiPolygon'):
            return AREA
        return POINT if self.geometry.geom_type in ('Point', 'MultiPoint') else LINE


THREE_ZONE_CLASSES = {CORE: CORE, BUFFER: BUFFER, TRANSITION: TRANSITION}
TWO_ZONE_CLASSES = {CORE: CORE, BUFFER: GENERAL, TRANSITION: GENERAL}
THREE_ZONE_ALIASES = {}
"""Values a profile accepts besides those zones.normalise_zone recognises (the three zones' names live there)."""
TWO_ZONE_ALIASES = {GENERAL: GENERAL, '核心保护区': CORE, '一般控制区': GENERAL}

BASIC_SEVERITIES = {
    RULE_INVALID: ERROR, RULE_EMPTY: ERROR, RULE_ZONE_VALUE: ERROR, RULE_NO_CORE: ERROR,
    RULE_OVERLAP: ERROR, RULE_GAP: ERROR, RULE_OUTSIDE: ERROR,
    RULE_ADJOIN: ERROR, RULE_ENCLOSURE: OFF, RULE_WIDTH: ERROR,
}

PROFILES = {
    'mab': {
        'title': N_('MAB generic (core, buffer, transition)'),
        'classes': THREE_ZONE_CLASSES, 'aliases': THREE_ZONE_ALIASES, 'buffer_classes': (BUFFER,),
        'severity': BASIC_SEVERITIES,
        'share_rules': (),
    },
    'china3': {
        'title': N_('China, three zones (核心区, 缓冲区, 实验区; 1994 regulations)'),
        'classes': THREE_ZONE_CLASSES, 'aliases': THREE_ZONE_ALIASES, 'buffer_classes': (BUFFER,),
        'severity': dict(BASIC_SEVERITIES, **{RULE_ENCLOSURE: WARNING}),
        'share_rules': (ShareRule(RULE_CORE_SHARE, (CORE,), 1.0 / 3.0, WARNING),),
    },
    'china2': {
        'title': N_('China, two zones (核心保护区, 一般控制区; 2019 reform)'),
        'classes': TWO_ZONE_CLASSES, 'aliases': TWO_ZONE_ALIASES, 'buffer_classes': (GENERAL,),
        'severity': BASIC_SEVERITIES,
        'share_rules': (),
    },
    'germany': {
        'title': N_('Germany (BfN criteria)'),
        'classes': THREE_ZONE_CLASSES, 'aliases': THREE_ZONE_ALIASES, 'buffer_classes': (BUFFER,),
        'severity': BASIC_SEVERITIES,
        'share_rules': (
            ShareRule(RULE_CORE_SHARE, (CORE,), 0.03, ERROR),
            ShareRule(RULE_CORE_BUFFER_SHARE, (CORE, BUFFER), 0.20, ERROR),
            ShareRule(RULE_TRANSITION_SHARE, (TRANSITION,), 0.50, WARNING),
        ),
    },
}
"""Profile id -> rule switches and thresholds (docs/zoning.md). ``china3``'s 1/3 core share and ``germany``'s
50 % transition are warnings because docs/zoning.md calls them secondary-source or unverified. ``china2`` reads
buffer and transition values as the general control zone (GENERAL), which then plays the buffer's part."""

PROFILE_IDS = ('mab', 'china3', 'china2', 'germany')

_LOCATION = re.compile(r'\[\s*([-+0-9.eE]+)\s+([-+0-9.eE]+)')
_BUFFER_RESOLUTION = 16


def zone_class(value, profile):
    """The zone class of a raw zone value under ``profile`` (a PROFILES entry), or None if the value is unknown."""
    code = normalise_zone(value)
    if code is not None:
        return profile['classes'][code]
    if value is None:
        return None
    return profile['aliases'].get(str(value).strip().lower())


Prepared = namedtuple('Prepared', 'features problems')
"""``features``: (fid, zone class or None, repaired polygonal geometry) of usable features; ``problems`` of rule 1."""


def prepare_zones(zones, profile):
    """Repair and classify ``zones`` (ZoneFeature iterable); rule 1 problems for the ones that are not right."""
    features, problems = [], []
    for zone in zones:
        fid, value, raw = zone
        repaired, status = engine_geometry.repair_polygon(raw)
        problems.extend(_geometry_problems(fid, raw, status, profile['severity']))
        zone_code = zone_class(value, profile)
        if zone_code is None:
            problems.append(Problem(
                RULE_ZONE_VALUE, profile['severity'][RULE_ZONE_VALUE],
                N_('Feature {fid}: unknown zone value "{value}"; use core, buffer or transition (or 1, 2, 3).'),
                {'fid': fid, 'value': 'NULL' if value is None else value}, repaired, (fid,)))
        if repaired is not None:
            features.append((fid, zone_code, repaired))
    return Prepared(features, problems)


def _geometry_problems(fid, raw, status, severity):
    if status == engine_geometry.EMPTY:
        return [Problem(RULE_EMPTY, severity[RULE_EMPTY], N_('Feature {fid} has no geometry (null or empty).'),
                        {'fid': fid}, None, (fid,))]
    if status == engine_geometry.VALID:
        return []
    explanation = explain_validity(raw)
    reason = explanation.split('[')[0].strip()
    template = (N_('Feature {fid}: invalid geometry ({reason}); it was repaired for the other checks, '
                   'fix it in the layer.') if status == engine_geometry.REPAIRED else
                N_('Feature {fid}: invalid geometry that cannot be repaired ({reason}).'))
    return [Problem(RULE_INVALID, severity[RULE_INVALID], template, {'fid': fid, 'reason': reason},
                    _invalidity_location(explanation, raw), (fid,))]


def _invalidity_location(explanation, raw):
    """The point GEOS names in ``explanation`` (e.g. "Self-intersection[5 5]"), else the feature itself."""
    match = _LOCATION.search(explanation)
    return Point(float(match.group(1)), float(match.group(2))) if match else raw


def _polygons(geometry):
    polygonal = engine_geometry.polygonal_part(geometry)
    return list(getattr(polygonal, 'geoms', [polygonal])) if not polygonal.is_empty else []


def _line_stretches(geometry):
    """The linear parts of ``geometry`` merged into maximal stretches (LineStrings)."""
    lines = []
    for part in getattr(geometry, 'geoms', [geometry]):
        if part.geom_type == 'LineString' and not part.is_empty:
            lines.append(part)
        elif part.geom_type in ('MultiLineString', 'GeometryCollection'):
            lines.extend(_line_stretches(part))
    if not lines:
        return []
    merged = linemerge(MultiLineString(lines))
    return list(getattr(merged, 'geoms', [merged]))


def _union(geometries):
    return unary_union(geometries) if geometries else Polygon()


def _window(bounds, margin):
    """``bounds`` (minx, miny, maxx, maxy) grown by ``margin`` on every side."""
    return (bounds[0] - margin, bounds[1] - margin, bounds[2] + margin, bounds[3] + margin)


def _clip(geometry, window, bounds=None):
    """The part of a polygonal ``geometry`` (with ``bounds`` if known) inside the rectangle ``window``.

    Fast (no full overlay): zoning layers often hold one large polygon per zone (a transition with a hole
    per buffer), and the checks look at it only through small windows, which keeps them fast on big layers.
    """
    minx, miny, maxx, maxy = geometry.bounds if bounds is None else bounds
    if minx >= window[0] and miny >= window[1] and maxx <= window[2] and maxy <= window[3]:
        return geometry
    try:
        clipped = clip_by_rect(geometry, *window)
    except (ValueError, ShapelyError):  # GEOS 3.11 can build a 3-point ring here; the overlay is slower but sure
        return engine_geometry.polygonal_part(geometry.intersection(box(*window)))
    return clipped if clipped.is_valid else engine_geometry.polygonal_part(make_valid(clipped))


class ZoningContext:
    """One zoning's polygons, indexed by bounding box, with the options shared by the checks."""

    def __init__(self, prepared, boundary, profile, buffer_width, exempt, tolerances):
        self.profile = profile
        self.tolerances = tolerances
        self.buffer_width = buffer_width
        self.boundary = engine_geometry.polygonal_part(boundary) if boundary is not None else None
        self.exempt_band = exempt.buffer(tolerances.exempt_m, _BUFFER_RESOLUTION) if exempt is not None else None
        self.parts = [(fid, zone, part) for fid, zone, geometry in prepared.features for part in _polygons(geometry)]
        self.bounds = np.array([part.bounds for _fid, _zone, part in self.parts]).reshape(-1, 4)
        self.union = _union([part for _fid, _zone, part in self.parts])
        self._class_unions = {}
        self._cores = None

    def severity(self, rule):
        return self.profile['severity'][rule]

    def candidates(self, window, classes=None):
        """Indices of the polygons whose bounding box meets ``window``, only of ``classes`` when given."""
        bounds = self.bounds
        hits = np.nonzero((bounds[:, 0] <= window[2]) & (bounds[:, 2] >= window[0])
                          & (bounds[:, 1] <= window[3]) & (bounds[:, 3] >= window[1]))[0]
        return [int(index) for index in hits if classes is None or self.parts[index][1] in classes]

    def clipped(self, index, window):
        """Polygon ``index`` inside the rectangle ``window``."""
        return _clip(self.parts[index][2], window, self.bounds[index])

    def local_union(self, classes, window):
        """The union of the zones of ``classes`` inside the rectangle ``window``."""
        return _union([self.clipped(index, window) for index in self.candidates(window, classes)])

    def local_exempt(self, window):
        return _clip(self.exempt_band, window) if self.exempt_band is not None else Polygon()

    def class_union(self, classes):
        """The union of the zones of ``classes`` (a tuple), computed once per zoning."""
        if classes not in self._class_unions:
            self._class_unions[classes] = _union([part for _fid, zone, part in self.parts if zone in classes])
        return self._class_unions[classes]

    def cores(self):
        """(feature ids, polygon) per core: a connected core area, which may be made of several features."""
        if self._cores is None:
            self._cores = []
            for core in _polygons(self.class_union((CORE,))):
                fids = sorted({self.parts[index][0] for index in self.candidates(core.bounds, (CORE,))
                               if core.intersects(self.parts[index][2].representative_point())})
                self._cores.append((tuple(fids), core))
        return self._cores

    def reserve(self):
        """The reserve: the boundary when given, else the union of the zones."""
        return self.boundary if self.boundary is not None else self.union


def _fid_list(fids):
    return ', '.join(str(fid) for fid in fids)


def check_no_core(context):
    """Rule 1: a zoning without any core area is no biosphere reserve (Statutory Framework, Art. 4.5)."""
    if context.cores():
        return []
    return [Problem(RULE_NO_CORE, context.severity(RULE_NO_CORE), N_('The zoning has no core area.'), {},
                    context.boundary, ())]


def check_overlaps(context):
    """Rule 2: every intersection of two zone polygons of ``area_m2`` or more (located: the overlap)."""
    problems = []
    for index, (fid, _zone, _part) in enumerate(context.parts):
        for other_index in context.candidates(context.bounds[index]):
            other_fid = context.parts[other_index][0]
            if other_index <= index or other_fid == fid:
                continue
            common = np.concatenate([np.maximum(context.bounds[index, :2], context.bounds[other_index, :2]),
                                     np.minimum(context.bounds[index, 2:], context.bounds[other_index, 2:])])
            if (common[2] - common[0]) * (common[3] - common[1]) < context.tolerances.area_m2:
                continue
            common = _window(common, context.tolerances.snap_m)  # a polygon tangent to the window clips dirty
            intersection = context.clipped(index, common).intersection(context.clipped(other_index, common))
            if intersection.area >= context.tolerances.area_m2:  # before polygonal_part: shared edges are many lines
                overlap = engine_geometry.polygonal_part(intersection)
                problems.append(Problem(
                    RULE_OVERLAP, context.severity(RULE_OVERLAP),
                    N_('Features {fid} and {other_fid} overlap by {area_m2:.1f} m².'),
                    {'fid': fid, 'other_fid': other_fid, 'area_m2': overlap.area}, overlap, (fid, other_fid)))
    return problems


def check_gaps(context):
    """Rule 3: the reserve minus the zones (with a boundary) or the holes in the zones (without), per polygon."""
    if context.boundary is not None:
        gaps = context.boundary.difference(context.union)
        template = N_('Gap of {area_m2:.1f} m² between the zones inside the reserve boundary.')
    else:
        filled = _union([Polygon(part.exterior) for part in _polygons(context.union)])
        gaps = filled.difference(context.union)
        template = N_('Gap of {area_m2:.1f} m² enclosed by the zones.')
    return [Problem(RULE_GAP, context.severity(RULE_GAP), template, {'area_m2': gap.area}, gap, ())
            for gap in _polygons(gaps) if gap.area >= context.tolerances.area_m2]


def check_outside(context):
    """Rule 3: parts of zones outside the reserve boundary (only with a boundary), with the features involved."""
    if context.boundary is None:
        return []
    problems = []
    for piece in _polygons(context.union.difference(context.boundary)):
        if piece.area < context.tolerances.area_m2:
            continue
        fids = tuple(sorted({context.parts[index][0] for index in context.candidates(piece.bounds)
                             if context.parts[index][2].intersection(piece).area > 0}))
        problems.append(Problem(
            RULE_OUTSIDE, context.severity(RULE_OUTSIDE),
            N_('{area_m2:.1f} m² of zone features {fids} lie outside the reserve boundary.'),
            {'area_m2': piece.area, 'fids': _fid_list(fids)}, piece, fids))
    return problems


def check_adjoin(context):
    """Rule 4 (MAB minimum): each core shares ``length_m`` or more of edge with a buffer (located: the core)."""
    snap = context.tolerances.snap_m
    template = (N_('Core of feature {fids} does not adjoin the general control zone.')
                if GENERAL in context.profile['buffer_classes'] else
                N_('Core of feature {fids} does not adjoin any buffer zone.'))
    problems = []
    for fids, core in context.cores():
        window = _window(core.bounds, 2 * snap)
        band = context.local_union(context.profile['buffer_classes'], window).buffer(snap, _BUFFER_RESOLUTION)
        if core.boundary.intersection(band).length < context.tolerances.length_m:
            problems.append(Problem(RULE_ADJOIN, context.severity(RULE_ADJOIN), template,
                                    {'fids': _fid_list(fids)}, core, fids))
    return problems


def check_enclosure(context):
    """Rule 4, strict: stretches of core edge on the outer edge of the zoning or on the transition area (lines).

    An edge counts as enclosed where it is shared with a buffer (at least 2 x ``snap_m`` wide there), or lies
    within ``exempt_m`` of an exempt line or polygon (coast, national border, neighbouring protected area).
    """
    snap = context.tolerances.snap_m
    templates = (N_('Core of feature {fids}: {length_m:.0f} m of its edge border the transition area.'),
                 N_('Core of feature {fids}: {length_m:.0f} m of its edge lie on the outer edge of the zoning.'))
    problems = []
    for fids, core in context.cores():
        window = _window(core.bounds, 2 * snap)
        buffers = context.local_union(context.profile['buffer_classes'], _window(core.bounds, 4 * snap))
        covered = _without_slivers(buffers, snap).buffer(snap, _BUFFER_RESOLUTION)
        exposed = core.boundary.difference(covered.union(context.local_exempt(window)))
        transition_band = context.local_union((TRANSITION,), window).buffer(snap, _BUFFER_RESOLUTION)
        for stretches, template in zip((exposed.intersection(transition_band), exposed.difference(transition_band)),
                                       templates):
            problems.extend(Problem(RULE_ENCLOSURE, context.severity(RULE_ENCLOSURE), template,
                                    {'fids': _fid_list(fids), 'length_m': stretch.length}, stretch, fids)
                            for stretch in _line_stretches(stretches)
                            if stretch.length >= context.tolerances.length_m)
    return problems


def _without_slivers(geometry, snap):
    """``geometry`` without its parts narrower than 2 x ``snap`` metres (a morphological opening).

    A buffer sliver between a core and the reserve boundary, left where the two edges differ by rounding or
    reprojection, encloses nothing; a sliver of grown core outside the buffer is no narrow buffer.
    """
    return geometry.buffer(-snap, _BUFFER_RESOLUTION).buffer(snap, _BUFFER_RESOLUTION)


def check_buffer_width(context):
    """Rule 5: each core grown by W = ``buffer_width`` metres stays inside core + buffer (docs/zoning.md, inward test).

    Located: each piece of the grown core outside core + buffer. Edges within ``exempt_m`` of an exempt
    feature are not grown (no buffer is needed along a coast or a border). Off when W is None or 0.
    Pieces narrower than 2 x ``snap_m`` are measurement noise, whatever their length (a zoning drawn in one
    projection and checked in another, or reprojected, is millimetres narrower in places).
    """
    if not context.buffer_width:
        return []
    width = context.buffer_width
    classes = (CORE,) + tuple(context.profile['buffer_classes'])
    problems = []
    for fids, core in context.cores():
        window = _window(core.bounds, width + context.tolerances.snap_m)
        exempt = context.local_exempt(window) if context.exempt_band is not None else None
        outside = _grown(core, width, exempt).difference(context.local_union(classes, window))
        for piece in _polygons(_without_slivers(outside, context.tolerances.snap_m)):
            if piece.area >= context.tolerances.area_m2:
                problems.append(Problem(
                    RULE_WIDTH, context.severity(RULE_WIDTH),
                    N_('Core of feature {fids}: the buffer is narrower than {width_m:g} m here '
                       '({area_m2:.1f} m² of the {width_m:g} m ring around the core lie outside core and buffer).'),
                    {'fids': _fid_list(fids), 'width_m': width, 'area_m2': piece.area}, piece, fids))
    return problems


def _grown(core, width, exempt_band):
    if exempt_band is None:
        return core.buffer(width, _BUFFER_RESOLUTION)
    edges = core.boundary.difference(exempt_band)
    if edges.is_empty:
        return core
    return core.union(edges.buffer(width, _BUFFER_RESOLUTION, cap_style=CAP_STYLE.flat))


SHARE_TEMPLATES = {
    RULE_CORE_SHARE: N_('The core area covers {share:.1f} % of the reserve; the profile asks for at least '
                        '{minimum:.1f} %.'),
    RULE_CORE_BUFFER_SHARE: N_('Core and buffer cover {share:.1f} % of the reserve; the profile asks for at least '
                               '{minimum:.1f} %.'),
    RULE_TRANSITION_SHARE: N_('The transition area covers {share:.1f} % of the reserve; the profile asks for at '
                              'least {minimum:.1f} %.'),
}


def check_shares(context):
    """Rule 6: the profile's area-ratio rules, shares of the reserve area (located: the zones concerned)."""
    reserve_area = context.reserve().area
    if reserve_area <= 0:
        return []
    problems = []
    for share_rule in context.profile['share_rules']:
        covered = context.class_union(share_rule.classes)
        share = covered.area / reserve_area
        if share < share_rule.minimum:
            problems.append(Problem(
                share_rule.rule, share_rule.severity, SHARE_TEMPLATES[share_rule.rule],
                {'share': 100.0 * share, 'minimum': 100.0 * share_rule.minimum},
                covered if not covered.is_empty else None, ()))
    return problems


CHECKS = (
    (RULE_NO_CORE, check_no_core),
    (RULE_OVERLAP, check_overlaps),
    (RULE_GAP, check_gaps),
    (RULE_OUTSIDE, check_outside),
    (RULE_ADJOIN, check_adjoin),
    (RULE_ENCLOSURE, check_enclosure),
    (RULE_WIDTH, check_buffer_width),
)
"""The checks after rule 1, each switched by its rule's severity in the profile; area ratios come last."""


def areas_by_class(zones, boundary=None, profile='mab'):
    """Area in m2 of each zone class present (key None: unknown values), of the reserve (key ``'reserve'``) and
    of the reserve not covered by any zone (key ``'not_zoned'``).

    Measured as rule 6 measures them: overlapping polygons of one class count once, and the reserve is the
    boundary when given, else the union of the zones.
    """
    profile = PROFILES[profile] if isinstance(profile, str) else profile
    context = ZoningContext(prepare_zones(zones, profile), boundary, profile, None, None, DEFAULT_TOLERANCES)
    areas = {zone: context.class_union((zone,)).area for zone in {zone for _fid, zone, _part in context.parts}}
    areas['reserve'] = context.reserve().area
    areas['not_zoned'] = context.reserve().difference(context.union).area
    return areas


def _validation_steps(zones, boundary, profile, buffer_width, exempt, tolerances):
    """Run the checks one by one: yields the problems of each (see ``validate``)."""
    profile = PROFILES[profile] if isinstance(profile, str) else profile
    prepared = prepare_zones(zones, profile)
    yield [problem for problem in prepared.problems if profile['severity'][problem.rule] is not OFF]
    context = ZoningContext(prepared, boundary, profile, buffer_width, exempt, tolerances)
    for rule, check in CHECKS:
        yield check(context) if context.severity(rule) is not OFF else []
    yield check_shares(context)


VALIDATION_STEPS = len(CHECKS) + 2
"""How many steps ``validate`` reports progress after: the geometry checks, each rule of CHECKS, the shares."""


def validate(zones, boundary=None, profile='mab', buffer_width=None, exempt=None, tolerances=DEFAULT_TOLERANCES,
             feedback=None):
    """Every problem of a zoning under ``profile``, as a list of Problem.

    ``zones``: ZoneFeature (or ``(fid, value, geometry)``) iterable, geometries in metres, None for null;
    ``boundary``: the reserve polygon(s) in metres or None; ``profile``: a PROFILES id or a dict like one;
    ``buffer_width``: W in metres for rule 5 (None or 0: off); ``exempt``: lines or polygons in metres whose
    neighbourhood is exempt from the strict enclosure rule and from rule 5, or None; ``feedback``: an optional
    engine.feedback.Feedback, told the progress after each of the VALIDATION_STEPS steps (a cancel raises
    messages.Canceled).

    >>> from shapely.geometry import box
    >>> zoning = [ZoneFeature(1, 'core', box(40, 40, 60, 60)),
    ...           ZoneFeature(2, 'buffer', box(20, 20, 80, 80).difference(box(40, 40, 60, 60))),
    ...           ZoneFeature(3, 'transition', box(0, 0, 100, 100).difference(box(20, 20, 80, 80)))]
    >>> validate(zoning, boundary=box(0, 0, 100, 100), buffer_width=20)
    []
    >>> [problem.rule for problem in validate(zoning, buffer_width=25)]  # one 5 m strip per side of the core
    ['buffer_too_narrow', 'buffer_too_narrow', 'buffer_too_narrow', 'buffer_too_narrow']
    """
    feedback = ensure_feedback(feedback)
    problems = []
    steps = _validation_steps(zones, boundary, profile, buffer_width, exempt, tolerances)
    for done, found in enumerate(steps, start=1):
        problems.extend(found)
        feedback.report(done / VALIDATION_STEPS)
        feedback.check()
    return problems


def problem_area(problem, half_width_m):
    """The problem's geometry as a polygon: points and lines are widened by ``half_width_m`` metres.

    Lets a single polygon layer hold every problem (see the validatezones algorithm); None stays None.
    """
    if problem.geometry is None or problem.shape() == AREA:
        return problem.geometry
    return problem.geometry.buffer(half_width_m, _BUFFER_RESOLUTION)


# --- many reserves in one run ---------------------------------------------------------------------------------

RULE_RESERVE_OVERLAP = 'reserve_overlap'
"""Two reserves of one run whose extents (boundaries, or the outline of their zones) overlap."""

ValidationSettings = namedtuple('ValidationSettings', 'profile buffer_width exempt tolerances')
"""What every reserve of a run is validated with (the arguments of ``validate`` but the zones and boundary)."""

ReserveZoning = namedtuple('ReserveZoning', 'reserve zones boundary')
"""One reserve of a run: its id (the reserve field's value), its ZoneFeatures and its boundary (or None)."""


def validate_reserve(settings, reserve):
    """(problems, areas_by_class) of one ReserveZoning: exactly what validating it alone gives; an executor task."""
    problems = validate(reserve.zones, reserve.boundary, settings.profile, settings.buffer_width, settings.exempt,
                        settings.tolerances)
    return problems, areas_by_class(reserve.zones, reserve.boundary, settings.profile)


def reserve_extent(reserve):
    """The area a ReserveZoning claims: its boundary, else the union of its zones (repaired), in metres."""
    if reserve.boundary is not None:
        return reserve.boundary
    return _union([engine_geometry.polygonal_part(make_valid(zone.geometry)) for zone in reserve.zones
                   if zone.geometry is not None and not zone.geometry.is_empty])


def reserve_overlaps(reserves, tolerances=DEFAULT_TOLERANCES):
    """Error Problems where the extents (``reserve_extent``) of two ReserveZonings overlap by more than the area
    tolerance: a place belongs to one reserve. ``feature_ids`` is empty; the params name both reserves."""
    extents = [reserve_extent(reserve) for reserve in reserves]
    bounds = np.array([extent.bounds if not extent.is_empty else (np.inf,) * 4 for extent in extents],
                      dtype=float).reshape(-1, 4)
    problems = []
    for first in range(len(reserves)):
        later, (minx, miny, maxx, maxy) = bounds[first + 1:], bounds[first]
        others = np.flatnonzero((later[:, 0] < maxx) & (later[:, 2] > minx)
                                & (later[:, 1] < maxy) & (later[:, 3] > miny))
        for second in others + first + 1:
            shared = engine_geometry.polygonal_part(extents[first].intersection(extents[second]))
            if shared.area > tolerances.area_m2:
                problems.append(Problem(
                    RULE_RESERVE_OVERLAP, ERROR,
                    N_('Reserves {first} and {second} overlap over {area} m². A place belongs to one reserve: '
                       'correct their boundaries (or the reserve field of their zones).'),
                    {'first': reserves[first].reserve, 'second': reserves[int(second)].reserve,
                     'area': '{:,.0f}'.format(shared.area)}, shared, ()))
    return problems
