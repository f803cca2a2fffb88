"""Helpers every algorithm adapter shares: layers to shapely in a metric CRS, checked sinks, styles.

Engine inputs are shapely geometries in metres; these functions do the QGIS side of that conversion
so that no algorithm repeats layer-to-geometry code.
"""

import itertools
import math
import os
import re
from collections import namedtuple
from contextlib import contextmanager

from shapely import wkb
from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsMapLayer,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingUtils,
    QgsPointXY,
    QgsProviderRegistry,
    QgsRectangle,
    QgsSettings,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication, QVariant

from .compat import DistanceUnit, FieldType, InvalidGeometryCheck, ProcessingFeatureSourceFlag, make_field
from .engine import executor
from .engine import geometry as engine_geometry
from .engine.geographic import crosses_antimeridian_or_pole, split_at_antimeridian, unwrapped_line
from .engine.feedback import Feedback
from .engine.messages import TRANSLATION_CONTEXT, Canceled, EngineError
from .engine.raster import cell_centres

STYLE_DIR = os.path.join(os.path.dirname(os.path.dirname(__file__)), 'resources', 'styles')
WEB_MERCATOR_IDS = ('EPSG:3857', 'EPSG:900913', 'EPSG:3785')

GROUND_STEP_COSINE = math.cos(math.radians(45.0))
"""Beyond 45 degrees of latitude, densified keeps the ground spacing its step in degrees has at 45 degrees."""
SHAPE_MAX_SEGMENT_DEGREES = 0.001
"""Densification step for geographic shapes that must fit to the millimetre (generatezones, validatezones): edges
are cut into segments of at most this many degrees (about 110 m of latitude) before they are projected, so that an
edge straight in degrees keeps its shape in metres. The chord of a projected parallel then departs from the true
curve by well under a millimetre (about L**2 / (8 R) for a segment of length L on a curve of radius R near the
Earth's: 0.24 mm at 110 m), and one layer projected into two working CRSs (generatezones, then validatezones) stays
within millimetres of itself, so zones and their boundary still nest exactly."""

MEASURE_MAX_SEGMENT_DEGREES = 0.1
"""Densification step for geographic layers that are only measured (areas and distances: protectedcoverage,
habitatcoverage, sitecoverage, target3report, ProtConn, patchimportance): segments of at most 0.1 degree (about
11 km) keep parallels curved once projected; the chord departs from the curve by at most about 2.4 m, a negligible
share of any area or distance in km2 or km, while 100 times fewer vertices than SHAPE_MAX_SEGMENT_DEGREES keep
continental WDPA layers fast (protectedcoverage on geographic input ran 2.4 times slower at 0.001 degree)."""

PROJECTED_MAX_SEGMENT = 100.0
"""The step in map units for a projected layer read in another CRS (Web Mercator: about 100 m), for both uses."""

SourceFeature = namedtuple('SourceFeature', 'fid attributes geometry status')
"""One input feature: QGIS feature id, attribute dict, shapely geometry in the working CRS (or None), repair status."""


def translator(context):
    """The module-level ``tr`` of a module whose strings are translated in ``context``
    (``tr = qgis_io.translator('ReservePlannerCoverage')``; resources/i18n/i18n_tool.py reads the context)."""
    def translate(text):
        return QCoreApplication.translate(context, text)
    return translate


tr = translator('ReservePlannerIO')


def attribute_value(value):
    """A QGIS attribute as a plain Python value: None for NULL (a null QVariant in QGIS 3.22), else the value
    held by the QVariant (or the value itself)."""
    if isinstance(value, QVariant):
        return None if value.isNull() else value.value()
    return value


WHOLE_NUMBER_TEXT = re.compile(r'(-?)([0-9]+)(?:\.0*)?')
"""A whole number written as an integer or as a real: 101, -5, 101.0, 101., 101.00 (sign, digits)."""


def id_key(value):
    """An id (a planning unit, a feature, a reserve, a core) as the text ids are matched by across layers and
    tables: a whole number reads the same from an integer, a real or a text field, written as an integer or as a
    real (101, 101.0, '101' and '101.0' match), as shapefiles, spreadsheets and CSV files often store integer ids
    as reals or text; '-0.0' and '-0' are 0. Other values keep their text: 1.5 and '1.5' are not 1 or 2, 'oak' is
    'oak', and '007' stays '007'. ``value``: a plain value or a QGIS attribute."""
    value = attribute_value(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value)
    whole = WHOLE_NUMBER_TEXT.fullmatch(text)
    if not whole:
        return text
    sign, digits = whole.groups()
    return digits if digits.strip('0') == '' else sign + digits  # -0 is 0, as str(int(-0.0)) is


def python_value(value):
    """A numpy or pandas scalar as the plain Python value QGIS accepts (setAttributes silently writes nothing
    for a numpy scalar); other values unchanged."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    kind = getattr(getattr(value, 'dtype', None), 'kind', None)
    if kind == 'b':
        return bool(value)
    if kind in ('i', 'u'):
        return int(value)
    if kind == 'f':
        return float(value)
    return value


def make_fields(*fields):
    """QgsFields of ``fields``: QgsField objects, or (name, compat.FieldType member) pairs."""
    made = QgsFields()
    for field in fields:
        made.append(make_field(*field) if isinstance(field, tuple) else field)
    return made


def double_field(name):
    """A real-number output field of every digit: no declared length or decimals, as QGIS's native algorithms
    declare doubles. QGIS rounds a value to the declared decimals of its field when it writes a file, so a field of
    6 decimals would write a patch's dPC of 3.8235e-5 % as 3.8e-5 and a gravity model's G of 1.9e-8 as 0."""
    return make_field(name, FieldType.Double, 'double')


SHAPEFILE_NAME_BYTES = 10
"""The longest field name a Shapefile (its dBASE .dbf) holds, in bytes: 10 ASCII letters, 3 Chinese characters."""

SHORTENED_FIELD_NAMES = {}
"""{output destination: {field name: its name in the file}} of the Shapefile outputs of this session whose field
names were shortened (shapefile_fields), so that their styles follow the shortened names (style_output_on_load)."""


def is_shapefile(destination):
    """Whether the output ``destination`` (a path, optionally with |layername=...) is a Shapefile or a dBASE table."""
    return os.path.splitext((destination or '').split('|')[0])[1].lower() in ('.shp', '.dbf')


def within_bytes(name, size):
    """The longest start of ``name`` that is at most ``size`` bytes in UTF-8, cut between characters."""
    while len(name.encode('utf-8')) > size:
        name = name[:-1]
    return name


def shapefile_name_candidates(name):
    """The names a field ``name`` too long for a Shapefile may take there, in the order tried: its start, then its
    start with _1, _2, ... (SHAPEFILE_NAME_BYTES bytes at most, whole characters)."""
    yield within_bytes(name, SHAPEFILE_NAME_BYTES)
    for number in itertools.count(1):
        suffix = '_{}'.format(number)
        yield within_bytes(name, SHAPEFILE_NAME_BYTES - len(suffix)) + suffix


def shapefile_field_names(names):
    """``names`` as a Shapefile can hold them: a name that fits is kept; a longer one takes its first candidate
    (shapefile_name_candidates) that no other field has, letter case aside, as dBASE compares names. GDAL would cut
    a Chinese name inside a character and number clashes its own way; this rule is predictable and documented."""
    taken = {name.lower() for name in names if len(name.encode('utf-8')) <= SHAPEFILE_NAME_BYTES}
    shortened = []
    for name in names:
        if len(name.encode('utf-8')) <= SHAPEFILE_NAME_BYTES:
            shortened.append(name)
            continue
        short = next(candidate for candidate in shapefile_name_candidates(name) if candidate.lower() not in taken)
        taken.add(short.lower())
        shortened.append(short)
    return shortened


def shapefile_fields(fields, destination):
    """(``fields`` to create the output ``destination`` with, {field name: shortened name}): the fields unchanged
    unless ``destination`` is a Shapefile, whose names longer than SHAPEFILE_NAME_BYTES are shortened."""
    if not is_shapefile(destination):
        return fields, {}
    renamed, shortened = QgsFields(), {}
    for field, short in zip(fields, shapefile_field_names(fields.names())):
        copy = QgsField(field)
        if short != field.name():
            copy.setName(short)
            shortened[field.name()] = short
        renamed.append(copy)
    return renamed, shortened


def follow_shortened_fields(layer, shortened):
    """Point the renderer of ``layer`` (a categorized or graduated style) at the shortened name of its field."""
    renderer = layer.renderer()
    attribute = getattr(renderer, 'classAttribute', lambda: None)()
    if attribute in shortened:
        renderer.setClassAttribute(shortened[attribute])


def shape_max_segment(source):
    """The densification step, in the units of ``source``'s CRS, for reading ``source`` in another CRS as a shape
    that must fit to the millimetre (SHAPE_MAX_SEGMENT_DEGREES)."""
    return SHAPE_MAX_SEGMENT_DEGREES if source.sourceCrs().isGeographic() else PROJECTED_MAX_SEGMENT


def measure_max_segment(source):
    """The densification step, in the units of ``source``'s CRS, for reading ``source`` in another CRS to measure
    its areas and distances (MEASURE_MAX_SEGMENT_DEGREES)."""
    return MEASURE_MAX_SEGMENT_DEGREES if source.sourceCrs().isGeographic() else PROJECTED_MAX_SEGMENT


def require_gdal_file(layer):
    """Raise unless the raster ``layer`` is a file GDAL can read (the engine reads rasters with GDAL)."""
    if layer.providerType() != 'gdal':
        raise QgsProcessingException(
            tr('The raster "{layer}" is not a file GDAL can read; save it as a GeoTIFF first.').format(
                layer=layer_label(layer)))


def required_source(algorithm, parameters, name, context):
    """The feature source of parameter ``name``; raises QGIS's invalid-source error when there is none."""
    source = algorithm.parameterAsSource(parameters, name, context)
    if source is None:
        raise QgsProcessingException(algorithm.invalidSourceError(parameters, name))
    return source


def engine_message(error):
    """The translated text of an engine.messages.EngineError."""
    return engine_tr(error.template).format(**error.params)


def engine_tr(text):
    """Translate an N_-marked engine string (profile, rule, zone and class names, message templates)."""
    return QCoreApplication.translate(TRANSLATION_CONTEXT, text)


WORKERS_SETTING = 'reserve_planner/parallel/workers'
"""QgsSettings key of the number of worker processes (0 or unset = every core, 1 = one process)."""

SCHEDULER_SETTING = 'reserve_planner/parallel/dask_scheduler'
"""QgsSettings key of the address of a Dask scheduler (empty = run on this machine)."""


def engine_executor(feedback=None, bytes_per_worker=0, small=False):
    """The engine's executor as the user set it up: environment variables RESERVE_PLANNER_WORKERS and
    RESERVE_PLANNER_DASK_SCHEDULER over the QgsSettings WORKERS_SETTING and SCHEDULER_SETTING (docs/parallel.md),
    with no more local workers than memory holds at ``bytes_per_worker`` each, and one process when the caller
    says the work is ``small`` (faster than starting workers) and no Dask cluster is set; says on ``feedback``
    how it runs."""
    settings = QgsSettings()
    with engine_errors():
        workers = executor.workers_setting(settings.value(WORKERS_SETTING, ''))
    scheduler = executor.scheduler_setting(settings.value(SCHEDULER_SETTING, ''))
    if small and not scheduler:
        workers = 1
    chosen = executor.Executor(workers, scheduler).within_memory(bytes_per_worker)
    if feedback is not None:
        if scheduler:
            feedback.pushInfo(tr('Independent tasks run on the Dask cluster at {address}.').format(address=scheduler))
        else:
            feedback.pushInfo(tr('Independent tasks run in {count} worker process(es).').format(count=chosen.workers))
    return chosen


def cancelled():
    """The error a cancelled run ends with: returning normally would look like a success in models and batch runs."""
    return QgsProcessingException(tr('The run was cancelled; no output was written.'))


def engine_feedback(feedback):
    """The engine's progress-and-cancel protocol (engine.feedback.Feedback) over a QgsProcessingFeedback.

    The engine reports into the whole of ``feedback``'s progress bar (a QgsProcessingMultiStepFeedback maps it
    onto its current step); None gives None (no report, no cancel). A QgsProcessingMultiStepFeedback created
    after its parent was cancelled does not know it: check the parent's ``isCanceled()`` once more afterwards.
    """
    if feedback is None:
        return None
    return Feedback(feedback.setProgress, feedback.isCanceled)


@contextmanager
def engine_errors():
    """Run engine code: an EngineError becomes a QgsProcessingException with its translated message and a cancel
    (engine.messages.Canceled) the cancelled() error, so that a run always ends in one or the other."""
    try:
        yield
    except EngineError as error:
        raise QgsProcessingException(engine_message(error)) from error
    except Canceled:
        raise cancelled() from None


def reprojected(polygons, source_crs, target_crs, context):
    """Shapely polygons (None kept) moved from ``source_crs`` to ``target_crs`` (a raster's, to read its cells under
    them) as output_polygon moves them, without densifying again: in a geographic ``target_crs`` a polygon across
    the antimeridian is cut there, so that it covers its own cells on both sides, not the band between them
    around the globe (docs/geographic.md)."""
    if source_crs == target_crs:
        return polygons
    return [None if polygon is None else to_shapely(output_polygon(polygon, source_crs, target_crs, context, None))
            for polygon in polygons]


def report_language():
    """The HTML language tag of QGIS's user interface (zh-CN, en-US...), for the reports."""
    return QgsApplication.locale().replace('_', '-')


def combined_extent(sources, crs, context):
    """The extent (QgsRectangle in ``crs``) of all the feature ``sources``."""
    extent = QgsRectangle()
    for source in sources:
        extent.combineExtentWith(source_extent(source, crs, context))
    return extent


def wrapped_extent(sources, crs, centre_longitude, context):
    """The extent (QgsRectangle in the geographic ``crs``) of the parts of the features of ``sources``, each part's
    longitudes moved by whole turns to within 180 degrees of ``centre_longitude``: data on both sides of the
    antimeridian gives the rectangle across it (its east edge beyond 180 degrees), not a band from -180 to 180
    around the globe (docs/geographic.md)."""
    extent = QgsRectangle()
    for source in sources:
        request = QgsFeatureRequest().setNoAttributes().setDestinationCrs(crs, context.transformContext())
        for feature in unchecked_features(source, request):
            if not feature.hasGeometry():
                continue
            for part in feature.geometry().constParts():
                if part.isEmpty():
                    continue
                box = part.boundingBox()
                shift = 360.0 * round((box.center().x() - centre_longitude) / 360.0)
                extent.combineExtentWith(QgsRectangle(box.xMinimum() - shift, box.yMinimum(),
                                                      box.xMaximum() - shift, box.yMaximum()))
    return extent


def projected_in_metres(crs):
    """True when ``crs`` is a valid projected CRS whose unit is the metre (whatever its projection)."""
    return crs.isValid() and not crs.isGeographic() and crs.mapUnits() == DistanceUnit.Meters


def is_metric(crs):
    """True when ``crs`` is projected in metres and distances in it are true distances (not a world projection)."""
    return projected_in_metres(crs) and world_projection(crs) is None


WORLD_PROJECTIONS = frozenset((
    'merc', 'webmerc', 'eqc', 'mill', 'gall', 'cea', 'moll', 'robin', 'sinu', 'eck1', 'eck2', 'eck3', 'eck4',
    'eck5', 'eck6', 'wintri', 'kav7', 'natearth', 'natearth2', 'eqearth', 'igh', 'goode', 'hammer', 'aitoff',
    'wag1', 'wag2', 'wag3', 'wag4', 'wag5', 'wag6', 'wag7', 'times', 'patterson', 'vandg', 'loxim', 'boggs',
    'hatano', 'mbt_fps', 'fouc', 'putp2', 'putp5'))
"""PROJ's names of projections for maps of the world or a hemisphere, whose scale changes across the map: Mercator
(Web Mercator under any id, Esri's ESRI:102100 of ArcGIS Online data, World Mercator EPSG:3395), Plate Carree
(EPSG:4087, EPSG:32662), Mollweide (ESRI:54009), Robinson, sinusoidal... A square of 100 ha near 31 degrees north
measures 134 ha in Mercator and 117 ha in Plate Carree, and a 200 m buffer comes out 7 % too large in Mollweide
and 19 % in sinusoidal; measured in the local CRS they are exact. world_projection adds polar stereographic."""


EQUAL_AREA_WORLD_PROJECTIONS = frozenset((
    'cea', 'moll', 'sinu', 'eck2', 'eck4', 'eck6', 'eqearth', 'igh', 'goode', 'hammer', 'wag4', 'wag7', 'boggs',
    'hatano', 'mbt_fps', 'fouc', 'putp2'))
"""The WORLD_PROJECTIONS that keep areas (their distances and shapes are not true): Lambert's cylindrical
equal-area (EASE-Grid 2.0, EPSG:6933), Mollweide (ESRI:54009, GHSL), sinusoidal (MODIS), Equal Earth (EPSG:8857),
Eckert II, IV and VI, Goode's homolosine, Hammer... A raster's cells in them have true areas."""


def has_true_areas(crs):
    """True when areas measured in ``crs`` are true areas: projected in metres, and not a world projection unless an
    equal-area one (EQUAL_AREA_WORLD_PROJECTIONS)."""
    projection = world_projection(crs)
    return projected_in_metres(crs) and (projection is None or projection in EQUAL_AREA_WORLD_PROJECTIONS)


POLAR_LATITUDE = re.compile(r'\+lat_0=(-?90(?:\.0*)?)(?:\s|$)')
"""The latitude of origin of a polar aspect in a PROJ string (+lat_0=90, +lat_0=-90)."""


def world_projection(crs):
    """PROJ's name of the projection of ``crs`` when it is one of WORLD_PROJECTIONS (or Web Mercator by id) or polar
    stereographic (stere centred on a pole, as Antarctica's EPSG:3031 and NSIDC's EPSG:3413 and EPSG:3995, or ups),
    else None. Polar stereographic maps a pole's whole region: true to scale at one parallel (70 or 71 degrees), its
    areas are ((1 + sin 70) / (1 + sin phi))**2 true ones, 7 % too large at 61 N and 5 % too small at the pole."""
    if crs.authid() in WEB_MERCATOR_IDS:
        return 'webmerc'
    proj = crs.toProj()
    found = re.search(r'\+proj=(\w+)', proj)
    name = found.group(1) if found else None
    polar = name == 'ups' or (name == 'stere' and POLAR_LATITUDE.search(proj) is not None)
    return name if name in WORLD_PROJECTIONS or polar else None


def crs_name(crs):
    """The name of ``crs`` for messages: its description, or its PROJ string for a custom CRS without one."""
    return crs.description() or crs.toProj()


def not_metric_reason(crs):
    """Why distances cannot be measured in ``crs`` as it is (for messages): degrees, Web Mercator, other units."""
    if crs.authid() in WEB_MERCATOR_IDS:
        return tr('in Web Mercator ({crs}), which stretches distances and areas away from the equator '
                  '(by 1 / cos(latitude))').format(crs=crs.authid())
    if world_projection(crs):
        return tr('in a projection for maps of the world or of a polar region ({crs}, PROJ "{projection}"), whose '
                  'scale changes across the map').format(crs=crs.authid() or crs_name(crs),
                                                         projection=world_projection(crs))
    if crs.isGeographic():
        return tr('in degrees ({crs})').format(crs=crs.authid() or crs_name(crs))
    return tr('not in a projected CRS in metres ({crs})').format(crs=crs.authid() or crs_name(crs))


def warn_raster_warped(feedback, layer, work_crs):
    """The warning every algorithm gives when it warps the raster ``layer`` to ``work_crs`` to measure in metres."""
    feedback.pushWarning(tr('The raster {layer} is {reason}; it is warped (nearest neighbour) to {crs} for this '
                            'run.').format(layer=layer_label(layer), reason=not_metric_reason(layer.crs()),
                                           crs=crs_name(work_crs)))


def round_the_globe(layer):
    """True when the raster ``layer`` is in degrees and its columns go round the globe (its extent spans 360 degrees
    of longitude, within half a cell): its first and last columns then meet at the antimeridian, which an algorithm
    reading the raster on its own grid (mspa, circuitscape) takes for the two ends of the map."""
    return layer.crs().isGeographic() and layer.extent().width() >= 360.0 - 0.5 * layer.rasterUnitsPerPixelX()


def warn_cut_at_180(feedback, layer, consequence):
    """The warning of an algorithm that reads the raster ``layer`` on its own grid when it goes round the globe
    (round_the_globe): what is cut at 180 degrees (``consequence``, translated by the caller) and what to do."""
    feedback.pushWarning(tr('The raster {layer} is in degrees from 180 W to 180 E: its cells on either side of 180 '
                            'degrees are neighbours on the ground but the two ends of the map here, so {consequence}. '
                            'To analyse data across 180 degrees, reproject the raster (Warp) to a CRS centred on it '
                            '(for the Pacific, for example EPSG:3832 or an equal-area CRS centred there) and clip it '
                            'to the study area.').format(layer=layer_label(layer), consequence=consequence))


EQUAL_AREA = 'laea'
EQUIDISTANT = 'aeqd'
CENTRE_SAMPLE = 5000
"""data_centre looks at the bounding boxes of at most this many features of each layer."""


def to_geographic(crs, transform_context):
    """A transform from ``crs`` to EPSG:4326 (an identity for a CRS that is not valid). ``transform_context``:
    ``context.transformContext()`` inside Processing, the project's in the GUI."""
    geographic = QgsCoordinateReferenceSystem('EPSG:4326')
    return QgsCoordinateTransform(crs if crs.isValid() else geographic, geographic, transform_context)


def geographic_point(point, crs, transform_context):
    """``point`` (a QgsPointXY in ``crs``) in EPSG:4326."""
    return to_geographic(crs, transform_context).transform(point)


def data_centre(sources, context, points=()):
    """The centre (QgsPointXY, EPSG:4326) of the features of ``sources``: the mean on the sphere of the features'
    directions, each that of the mean of the centres of its parts' bounding boxes, and of ``points`` (QgsPointXY in
    EPSG:4326, each counted as a feature: the source cells of a raster, raster_cell_points). Unlike the centre of
    the layers' extent (or of a feature's), it lies where the data is when the data sits on both sides of the
    antimeridian, also in one feature whose parts end at 180 E and 180 W (an extent from -180 to 180 is centred on
    the opposite meridian). ``context``: a QgsProcessingContext, or in the GUI the QgsProject (its
    transformContext() is used). See docs/geographic.md."""
    vector = [0.0, 0.0, 0.0]
    for source in sources:
        request = QgsFeatureRequest().setNoAttributes().setLimit(CENTRE_SAMPLE)
        transform = to_geographic(source.sourceCrs(), context.transformContext())
        for feature in unchecked_features(source, request):
            if feature.hasGeometry():
                direction = feature_direction(feature.geometry(), transform)
                vector = [total + value for total, value in zip(vector, direction)]
    for point in points:
        vector = [total + value for total, value in zip(vector, direction_of(point))]
    if not any(vector):
        extent = QgsRectangle()
        for source in sources:
            extent.combineExtentWith(source_extent(source, sources[0].sourceCrs(), context))
        return geographic_point(extent.center(), sources[0].sourceCrs(), context.transformContext())
    return centre_of(vector)


def direction_of(point):
    """The unit vector (x, y, z) on the sphere of a QgsPointXY in EPSG:4326."""
    longitude, latitude = math.radians(point.x()), math.radians(point.y())
    return [math.cos(latitude) * math.cos(longitude), math.cos(latitude) * math.sin(longitude), math.sin(latitude)]


def centre_of(vector):
    """The point (QgsPointXY, EPSG:4326) in the direction of the non-zero vector (x, y, z)."""
    longitude = math.degrees(math.atan2(vector[1], vector[0]))
    latitude = math.degrees(math.atan2(vector[2], math.hypot(vector[0], vector[1])))
    return QgsPointXY(longitude, latitude)


def feature_direction(geometry, transform):
    """The unit vector (x, y, z) on the sphere of a QgsGeometry: the normalised sum of the directions of the centres
    of its non-empty parts' bounding boxes, taken to EPSG:4326 by ``transform``; (0, 0, 0) when they cancel out."""
    vector = [0.0, 0.0, 0.0]
    for part in geometry.constParts():
        if part.isEmpty():  # its bounding box is centred on (0, 0)
            continue
        direction = direction_of(transform.transform(part.boundingBox().center()))
        vector = [total + value for total, value in zip(vector, direction)]
    length = math.sqrt(sum(value * value for value in vector))
    return [value / length for value in vector] if length > 0 else [0.0, 0.0, 0.0]


def raster_cell_points(mask, geotransform, crs, context):
    """The centres (QgsPointXY, EPSG:4326) of the cells of a raster in ``crs`` with the GDAL ``geotransform`` where
    the boolean ``mask`` (on its grid) is true, at most CENTRE_SAMPLE of them taken evenly
    (engine.raster.cell_centres): what data_centre centres on for a raster of sources."""
    xs, ys = cell_centres(mask, geotransform, CENTRE_SAMPLE)
    transform = to_geographic(crs, context.transformContext())
    return [transform.transform(QgsPointXY(float(x), float(y))) for x, y in zip(xs, ys)]


def local_crs_at(centre, projection=EQUAL_AREA):
    """A Lambert azimuthal equal-area (EQUAL_AREA) or azimuthal equidistant (EQUIDISTANT) CRS in metres centred
    on ``centre`` (QgsPointXY, EPSG:4326)."""
    proj = '+proj={} +lat_0={:.6f} +lon_0={:.6f} +x_0=0 +y_0=0 +ellps=GRS80 +units=m +no_defs'.format(
        projection, centre.y(), centre.x())
    return QgsCoordinateReferenceSystem.fromProj(proj)


def local_crs(sources, context, projection=EQUAL_AREA):
    """The local CRS (local_crs_at) centred on the features of ``sources`` (data_centre): every algorithm measures
    geographic input this way, so that data across the antimeridian or around a pole is measured where it lies."""
    return local_crs_at(data_centre([source for source in sources if source is not None], context), projection)


def raster_metric_crs(layer, sources, context, points=()):
    """The CRS distances over the raster ``layer`` are measured in: its own CRS when metric, else a local equal-area
    CRS centred on the features of ``sources`` and on ``points`` (data_centre: the cores, sources or patches
    measured over it, the cells of a source raster), or on the raster's extent when there are none. A raster in
    degrees from -180 to 180 has its extent's centre on the Greenwich meridian, far from data at 180 degrees or
    near a pole (docs/geographic.md)."""
    if is_metric(layer.crs()):
        return layer.crs()
    sources = [source for source in sources or () if source is not None]
    if sources or points:
        return local_crs_at(data_centre(sources, context, points))
    return local_crs_at(geographic_point(layer.extent().center(), layer.crs(), context.transformContext()))


def metric_crs_of(sources, crs, context):
    """The CRS distances between the features of ``sources`` are measured in: ``crs`` itself when metric, else a
    local equal-area CRS centred on them (local_crs). ``context`` as in data_centre (the GUI's zone layers and
    corridor tool pass the project)."""
    return crs if is_metric(crs) else local_crs(sources, context)


def geometry_metric_crs(geometry, crs, context):
    """The CRS the QgsGeometry ``geometry`` (in ``crs``) is measured in: ``crs`` itself when metric, else a local
    equal-area CRS centred on it as data_centre centres on one feature (the GUI's new zoning layer measures its
    reserve boundary so); ``context`` as in data_centre."""
    if is_metric(crs):
        return crs
    direction = feature_direction(geometry, to_geographic(crs, context.transformContext()))
    if not any(direction):
        return local_crs_at(geographic_point(geometry.boundingBox().center(), crs, context.transformContext()))
    return local_crs_at(centre_of(direction))


def source_extent(source, crs, context):
    """Extent of a feature source in ``crs``."""
    extent = QgsRectangle(source.sourceExtent())
    if source.sourceCrs() != crs and not extent.isEmpty():
        transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
        extent = transform.transformBoundingBox(extent)
    return extent


def resolve_field(source, name, layer_name):
    """The field of ``source`` called ``name`` in any case, spelt as the layer spells it; None for no name.

    Field parameters are not checked by QGIS in batch runs, models and qgis_process, so every algorithm
    resolves its field names here once, before reading features.
    """
    if not name:
        return None
    fields = source.fields()
    index = fields.lookupField(name)
    if index < 0:
        raise QgsProcessingException(
            tr('Layer "{layer}" has no field "{field}". Its fields are: {fields}.').format(
                layer=layer_name, field=name, fields=', '.join(fields.names()) or tr('none')))
    return fields.at(index).name()


def to_shapely(qgs_geometry):
    """A QgsGeometry as a 2D shapely geometry (None for a null geometry), the engine's geometry in every algorithm:
    curves (CircularString rings of a CurvePolygon or MultiSurface, as GML, GeoPackage and Oracle exports hold) are
    cut into straight segments at most a degree of arc apart, as QGIS draws them (a circle's area comes out 0.005 %
    small), and Z and M values are dropped, as areas and distances are measured on the map plane."""
    if qgs_geometry is None or qgs_geometry.isNull():
        return None
    geometry = qgs_geometry.constGet()
    if QgsWkbTypes.isCurvedType(geometry.wkbType()) or geometry.is3D() or geometry.isMeasure():
        geometry = geometry.segmentize()  # a copy; of a geometry without curves, the same vertices
        geometry.dropZValue()
        geometry.dropMValue()
    return wkb.loads(bytes(geometry.asWkb()))


def to_qgs(shapely_geometry):
    """A shapely geometry as a QgsGeometry."""
    geometry = QgsGeometry()
    geometry.fromWkb(wkb.dumps(shapely_geometry))
    return geometry


def read_features(source, crs, context, feedback, attribute_names=None, max_segment=None):
    """Every feature of ``source`` as a SourceFeature with its geometry (any type, unrepaired) in ``crs``.

    ``attribute_names``: the fields to read (those missing from the source are ignored); None reads all.
    ``max_segment``: densify first so that no segment is longer than this (source CRS units), so that the
    curved edges of geographic polygons stay curved once projected. Status is None: nothing has been checked.
    Stops early when the feedback is cancelled.
    """
    request = QgsFeatureRequest()
    transform = None
    if max_segment and source.sourceCrs() != crs:
        transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
    else:
        request.setDestinationCrs(crs, context.transformContext())
    request.setInvalidGeometryCheck(InvalidGeometryCheck.NoCheck)
    names = source.fields().names()
    if attribute_names is not None:
        names = [name for name in names if name in attribute_names]
        request.setSubsetOfAttributes(names, source.fields())
    indices = [source.fields().indexOf(name) for name in names]
    total = source.featureCount() or 0
    features = []
    for index, feature in enumerate(unchecked_features(source, request)):
        if feedback is not None and feedback.isCanceled():
            break
        values = feature.attributes()
        attributes = {name: values[position] for name, position in zip(names, indices)}
        geometry = feature.geometry()
        if transform is not None and not geometry.isNull():
            geometry = densified(geometry, source.sourceCrs(), max_segment)
            geometry.transform(transform)
        features.append(SourceFeature(feature.id(), attributes, to_shapely(geometry), None))
        if feedback is not None and total and index % 100 == 0:
            feedback.setProgress(100.0 * index / total)
    return features


def densified(geometry, crs, max_segment):
    """A QgsGeometry in ``crs`` with no edge longer than ``max_segment`` (units of ``crs``), so that its edges keep
    their shape in another CRS.

    In a geographic CRS, a degree of longitude shrinks towards the poles: a geometry lying wholly beyond 45
    degrees of latitude is densified by a step in degrees that gives its edges along parallels the ground
    spacing ``max_segment`` degrees of longitude have at 45 degrees (a polar cap's edges otherwise got hundreds
    of thousands of points, most of them piled on the pole). Nearer the equator the step is ``max_segment``.
    """
    geometry = without_empty_parts(geometry)
    if geometry.isEmpty():
        return geometry
    if not crs.isGeographic():
        return geometry.densifyByDistance(max_segment)
    box = geometry.boundingBox()
    lowest = 0.0 if box.yMinimum() <= 0.0 <= box.yMaximum() else min(abs(box.yMinimum()), abs(box.yMaximum()))
    cosine = max(math.cos(math.radians(min(lowest, 90.0))), 1e-9)
    return geometry.densifyByDistance(max_segment * max(1.0, GROUND_STEP_COSINE / cosine))


def without_empty_parts(geometry):
    """The QgsGeometry ``geometry`` without its empty parts (a multipolygon with an empty part, as some exports
    hold; the same geometry when it has none): QGIS 3.22 crashes densifying an empty polygon, whole or part."""
    if not geometry.isMultipart() or not any(part.isEmpty() for part in geometry.constParts()):
        return geometry
    collection = geometry.constGet().createEmptyWithSameType()
    for part in geometry.constParts():
        if not part.isEmpty():
            collection.addGeometry(part.clone())
    return QgsGeometry(collection)


def unchecked_features(source, request):
    """The features of ``source`` for ``request``, invalid geometries included: a QgsProcessingFeatureSource
    otherwise applies the context's invalid-geometry check (skip or abort) whatever the request says."""
    if isinstance(source, QgsProcessingFeatureSource):
        return source.getFeatures(request, ProcessingFeatureSourceFlag.SkipGeometryValidityChecks)
    return source.getFeatures(request)


def read_polygons(source, layer_name, crs, context, feedback, max_segment=None):
    """Every feature of ``source`` as a SourceFeature with a repaired polygonal geometry in ``crs``.

    Invalid polygons are repaired; null, empty and unrepairable geometries come back with geometry
    None and their status, so the caller decides whether to fail or to keep them in its output.
    One summary line reports what was repaired. ``max_segment``: as in read_features.
    """
    features = []
    for item in read_features(source, crs, context, feedback, max_segment=max_segment):
        geometry, status = engine_geometry.repair_polygon(item.geometry)
        features.append(SourceFeature(item.fid, item.attributes, geometry, status))
    log_repaired(features, layer_name, feedback)
    return features


def log_repaired(features, layer_name, feedback):
    """The one log line saying how many of ``features`` (SourceFeatures, status set by repair_polygon) of the layer
    ``layer_name`` were repaired (DESIGN.md); nothing when none was."""
    repaired = sum(1 for item in features if item.status == engine_geometry.REPAIRED)
    if repaired and feedback is not None:
        feedback.pushInfo(tr('{layer}: {count} invalid geometries repaired.').format(layer=layer_name, count=repaired))


def warn_if_empty(features, layer_name, feedback):
    """Warn when the input layer ``layer_name`` has no features: the run goes on, but its figures are zeros."""
    if not features:
        feedback.pushWarning(tr('Layer "{layer}" has no features: the output has nothing or zeros for it. Check '
                                'the layer (a filter may hide its features).').format(layer=layer_name))


def without_null_geometries(features, layer_name, feedback):
    """``features`` without those whose geometry is null or empty, with a warning naming them: a protected area
    without a geometry has no area and is left out, in every algorithm alike (engine.coverage's cleaning)."""
    empty = [item for item in features if item.status == engine_geometry.EMPTY]
    if empty:
        feedback.pushWarning(tr('{count} features without a geometry removed (e.g. {ids}).').format(
            count=len(empty), ids=', '.join('{}:{}'.format(layer_name, item.fid) for item in empty)))
    return [item for item in features if item.status != engine_geometry.EMPTY]


def require_geometries(features, layer_name):
    """Raise a QgsProcessingException naming every feature of ``layer_name`` without a usable polygon
    (or saying that the layer holds points or lines when none of its features is a polygon)."""
    bad = [item for item in features if item.geometry is None]
    if not bad:
        return
    if all(item.status == engine_geometry.NOT_POLYGON for item in features):
        raise QgsProcessingException(
            tr('Layer "{layer}" holds points or lines, but a polygon layer is required. '
               'Choose a polygon layer and run again.').format(layer=layer_name))
    reasons = {
        engine_geometry.EMPTY: tr('null or empty geometry'),
        engine_geometry.UNREPAIRABLE: tr('invalid geometry that could not be repaired'),
        engine_geometry.NOT_POLYGON: tr('a point or line, not a polygon'),
    }
    listed = ', '.join('{} ({})'.format(item.fid, reasons.get(item.status, item.status)) for item in bad[:10])
    more = tr(' and {count} more').format(count=len(bad) - 10) if len(bad) > 10 else ''
    raise QgsProcessingException(
        tr('Layer "{layer}" has features without a usable polygon: feature id {features}{more}. '
           'Fix or delete them (Vector > Geometry Tools > Check Validity helps) and run again.').format(
            layer=layer_name, features=listed, more=more))


def valid_as_stored(original, projected):
    """``projected`` (shapely), the reprojection of the QgsGeometry ``original``, repaired when ``original`` is valid.

    A projection moves every vertex by its own rounding, so two edges of a valid polygon that nearly touch can cross
    once projected (a Web Mercator transition zone did under PROJ 9.9, not under 9.1): validity is the stored
    geometry's, never the reprojected one's. An invalid ``original`` comes back unrepaired, for the caller to report.
    """
    if projected is None or projected.is_valid or not original.isGeosValid():
        return projected
    repaired, _status = engine_geometry.repair_polygon(projected)
    return projected if repaired is None else repaired


def transform_geometry(shapely_geometry, source_crs, target_crs, context):
    """A shapely geometry reprojected between two CRSs, returned as a QgsGeometry."""
    geometry = to_qgs(shapely_geometry)
    if source_crs != target_crs:
        geometry.transform(QgsCoordinateTransform(source_crs, target_crs, context.transformContext()))
    return geometry


OUTPUT_MAX_SEGMENT_M = 20.0
"""Polygons are cut into segments of at most this many metres before they go back to a CRS other than the working
one: an edge straight in metres then stays within a fraction of a millimetre of itself in that CRS, far below the
validation tolerances (1 m², 1 cm), so zones still fit the boundary and each other there."""


def output_polygon(geometry, work_crs, output_crs, context, max_segment=OUTPUT_MAX_SEGMENT_M):
    """A shapely polygon in metres (``work_crs``) as a valid QgsGeometry MultiPolygon in ``output_crs``.

    Densified first (to ``max_segment`` metres, OUTPUT_MAX_SEGMENT_M; None for a polygon read from a layer, whose
    edges were densified when it was read, see measure_max_segment) so that its edges keep their shape in the output
    CRS, cut at the antimeridian (and closed over a pole) when the output CRS is geographic, and repaired with
    make-valid after the transform when rounding there made two edges cross (docs/geographic.md).
    """
    result = to_qgs(geometry)
    if work_crs != output_crs:
        if max_segment:
            result = result.densifyByDistance(max_segment)
        result.transform(QgsCoordinateTransform(work_crs, output_crs, context.transformContext()))
        transformed = to_shapely(result)
        if output_crs.isGeographic() and crosses_antimeridian_or_pole(transformed):
            transformed = split_at_antimeridian(transformed)
        repaired, _status = engine_geometry.repair_polygon(transformed)
        result = to_qgs(transformed if repaired is None else repaired)
    result.convertToMultiType()
    return result


def output_line(geometry, work_crs, output_crs, context):
    """A shapely LineString in metres (``work_crs``) as a QgsGeometry in ``output_crs``; in a geographic CRS its
    longitudes are made continuous (engine.geographic.unwrapped_line), so that a line crossing the antimeridian
    stays one line where it lies instead of jumping a full turn (docs/geographic.md)."""
    result = transform_geometry(geometry, work_crs, output_crs, context)
    if work_crs != output_crs and output_crs.isGeographic():
        result = to_qgs(unwrapped_line(to_shapely(result)))
    return result


def add_feature(sink, feature, output_name):
    """Add ``feature`` to ``sink`` or raise: QgsFeatureSink.addFeature fails silently otherwise."""
    if not sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert):
        raise QgsProcessingException(
            tr('Could not write a feature to the output "{output}": {error}').format(
                output=output_name, error=sink.lastError() if hasattr(sink, 'lastError') else ''))


class StylePostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Applies one of resources/styles/*.qml to an output layer when it loads."""

    _alive = []

    def __init__(self, style_file, shortened=None):
        super().__init__()
        self.style_file = style_file
        self.shortened = shortened or {}

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS API name)
        if layer is not None and layer.isValid():
            layer.loadNamedStyle(self.style_file)
            follow_shortened_fields(layer, self.shortened)
            layer.triggerRepaint()

    @classmethod
    def create(cls, style_file, shortened=None):
        """A post-processor kept alive for the session (QGIS holds only a weak reference); ``shortened``: {field
        name: its name in a Shapefile output} (SHORTENED_FIELD_NAMES)."""
        processor = cls(style_file, shortened)
        cls._alive.append(processor)
        return processor


def style_output_on_load(context, destination_id, style_name):
    """Style the output ``destination_id`` with resources/styles/``style_name``.qml if it is loaded on completion."""
    if not context.willLoadLayerOnCompletion(destination_id):
        return
    style_file = os.path.join(STYLE_DIR, style_name + '.qml')
    details = context.layerToLoadOnCompletionDetails(destination_id)
    details.setPostProcessor(StylePostProcessor.create(style_file, SHORTENED_FIELD_NAMES.get(destination_id)))


def layer_label(layer_or_source_uri, context=None):
    """The name a planner knows an input layer by, for messages: "demo.gpkg (oecm_candidates)" for a table of a
    file, the file name for a whole file ("roads.shp"), else the layer's name (memory layers).

    Accepts a QgsMapLayer, a parameter value (layer id, name or source URI, QgsProcessingFeatureSourceDefinition,
    looked up in ``context``) or a plain source URI.
    """
    value = layer_or_source_uri
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        value = value.source.staticValue()
    if isinstance(value, str) and context is not None:
        value = QgsProcessingUtils.mapLayerFromString(value, context) or value
    if isinstance(value, QgsMapLayer):
        provider, uri, name = value.providerType(), value.source(), value.name()
    else:
        provider, uri, name = 'ogr', str(value), None
    parts = QgsProviderRegistry.instance().decodeUri(provider, uri)
    path, table = parts.get('path'), parts.get('layerName')
    if path and table:
        return '{} ({})'.format(os.path.basename(path), table)
    return os.path.basename(path) if path else name or uri


def result_fields(input_fields, new_fields, feedback):
    """(QgsFields of the input fields then ``new_fields``, names of the input fields kept): an input field named
    like a new one (in any case; e.g. the output of an earlier run) is replaced, and the log says so."""
    new_names = {field.name().lower() for field in new_fields}
    kept = [field for field in input_fields if field.name().lower() not in new_names]
    replaced = [field.name() for field in input_fields if field.name().lower() in new_names]
    if replaced:
        feedback.pushInfo(tr('Input fields replaced by this run\'s results: {fields}.').format(
            fields=', '.join(replaced)))
    fields = QgsFields()
    for field in kept + list(new_fields):
        fields.append(field)
    return fields, [field.name() for field in kept]


def optional_source(algorithm, parameters, name, context):
    """(source, label for messages) of the feature-source parameter ``name`` of ``algorithm``; (None, None) when it
    is not given; raises QGIS's invalid-source error when it is given but cannot be read."""
    source = algorithm.parameterAsSource(parameters, name, context)
    if parameters.get(name) and source is None:
        raise QgsProcessingException(algorithm.invalidSourceError(parameters, name))
    return source, None if source is None else layer_label(parameters[name], context)


def source_field(algorithm, parameters, name, source, label, context):
    """The field of ``source`` (layer ``label``) chosen in the field parameter ``name``, as resolve_field spells it;
    None without a source or a choice."""
    return None if source is None else resolve_field(source, algorithm.parameterAsString(parameters, name, context),
                                                     label)
