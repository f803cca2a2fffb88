"""reserveplanner:validatezones: rule checks of a zoning layer under a profile (docs/zoning.md)."""


from qgis.core import (
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsFields,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
)
from qgis.PyQt.QtCore import QCoreApplication
from shapely.ops import unary_union
from shapely.validation import make_valid

from ..compat import (
    FieldType,
    ProcessingFeatureSourceFlag,
    ProcessingNumberParameterType,
    ProcessingParameterFlag,
    ProcessingSourceType,
    WkbType,
    make_field,
)
from .. import qgis_io
from ..engine import zone_validation as engine
from ..engine.geometry import polygonal_part
from ..engine.messages import TRANSLATION_CONTEXT
from ..engine.zones import ZONE_FIELD
from ..engine.report import HtmlReport
from .base import ReservePlannerAlgorithm

LINE_HALF_WIDTH_M = 1.0
"""Points and lines (self-intersections, stretches of core edge) are written as polygons this many metres wide
on each side, so that one polygon layer holds every problem; the ``shape`` field keeps what they were."""

STYLE = 'zone_problems'
READ_PROGRESS = 20.0
"""Share of the progress bar (percent) spent reading the zoning layer; the checks share the rest."""


tr = qgis_io.translator('ValidateZones')


def engine_tr(text):
    """Translate an N_-marked engine string (profile, rule and zone names)."""
    return QCoreApplication.translate(TRANSLATION_CONTEXT, text)


def severity_name(severity):
    return {engine.ERROR: tr('Error'), engine.WARNING: tr('Warning')}.get(severity, tr('Off'))


def read_zones(source, field, crs, context, feedback):
    """ZoneFeature per feature, geometries as they are (not repaired: rule 1 needs the original) in ``crs``.

    Geometries are densified before they are reprojected, exactly as generatezones reads its layers, so
    that edges straight in degrees (or Web Mercator) keep their shape in metres. Reports progress from 0 to
    READ_PROGRESS percent; raises qgis_io.cancelled() when the user cancels.
    """
    request = QgsFeatureRequest().setSubsetOfAttributes([field], source.fields())
    total = source.featureCount() or 0
    zones = []
    features = source.getFeatures(request, ProcessingFeatureSourceFlag.SkipGeometryValidityChecks)
    for index, feature in enumerate(features):
        if feedback.isCanceled():
            raise qgis_io.cancelled()
        zones.append(engine.ZoneFeature(feature.id(), qgis_io.attribute_value(feature[field]),
                                        projected_geometry(feature.geometry(), source, crs, context)))
        if total:
            feedback.setProgress(READ_PROGRESS * index / total)
    return zones


def projected_geometry(geometry, source, crs, context):
    """A feature geometry of ``source`` as a shapely geometry in ``crs``, densified first when reprojected."""
    if geometry.isNull() or source.sourceCrs() == crs:
        return qgis_io.to_shapely(geometry)
    geometry = geometry.densifyByDistance(qgis_io.max_segment(source))
    geometry.transform(QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext()))
    return qgis_io.to_shapely(geometry)


def read_exempt(source, crs, context, feedback):
    """The exempt lines and polygons of ``source`` as one shapely geometry in ``crs`` (None if there are none)."""
    request = QgsFeatureRequest().setNoAttributes()
    geometries, skipped = [], []
    for feature in source.getFeatures(request, ProcessingFeatureSourceFlag.SkipGeometryValidityChecks):
        geometry = projected_geometry(feature.geometry(), source, crs, context)
        if geometry is None or geometry.is_empty:
            skipped.append(str(feature.id()))
        else:
            geometries.append(geometry if geometry.is_valid else make_valid(geometry))
    if skipped:
        feedback.pushWarning(tr('Exempt segments: features {ids} have no geometry and exempt nothing.').format(
            ids=', '.join(skipped)))
    return unary_union(geometries) if geometries else None


class ValidateZones(ReservePlannerAlgorithm):
    """Checks a zoning layer against the rules of docs/zoning.md and writes one feature per problem."""

    ALGORITHM_ID = 'validatezones'
    GROUP_ID = 'zoning'
    ICON = 'validatezones.svg'

    ZONES = 'ZONES'
    ZONE_FIELD = 'ZONE_FIELD'
    BOUNDARY = 'BOUNDARY'
    PROFILE = 'PROFILE'
    MIN_BUFFER_WIDTH = 'MIN_BUFFER_WIDTH'
    EXEMPT = 'EXEMPT'
    AREA_TOLERANCE = 'AREA_TOLERANCE'
    OUTPUT = 'OUTPUT'
    OUTPUT_HTML = 'OUTPUT_HTML'
    ERROR_COUNT = 'ERROR_COUNT'
    WARNING_COUNT = 'WARNING_COUNT'

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr('Validate zones')

    def shortHelpString(self):  # noqa: N802 (QGIS API name)
        return self.tr(
            'Checks a biosphere-reserve zoning layer against the rules of a profile and writes one feature per '
            'problem, placed where the problem is.\n\n'
            'Zoning layer: polygons with a zone field. Zone field (default "zone"): core, buffer or transition '
            '(or 1, 2, 3, any case; Chinese 核心区/缓冲区/实验区 and German Kernzone/Pflegezone/Entwicklungszone '
            'are understood too). Any other value is reported as a problem.\n'
            'Reserve boundary (optional): the reserve polygon(s); without it, holes enclosed by the zones are the '
            'gaps and the outline of the zones is the outer edge.\n'
            'Profile: 0 MAB generic (geometry, zone values, overlaps, gaps, every core adjoins a buffer); '
            '1 China three zones (also: cores enclosed by buffer, and core at least 1/3 of the reserve, both '
            'warnings); 2 China two zones of 2019 (核心保护区 and 一般控制区: buffer and transition values count '
            'as the general control zone, which must adjoin each core; values "general", 一般控制区 and 核心保护区 '
            'are accepted); 3 Germany (core at least 3 %, core + buffer at least 20 % of the reserve; transition '
            'at least 50 %, a warning because that threshold is unverified).\n'
            'Minimum buffer width (optional, metres): each core grown by this width must stay inside core + '
            'buffer; the part outside is reported. Empty or 0: not checked.\n'
            'Exempt segments (optional): lines or polygons (coast, national border, neighbouring protected area) '
            'along which a core needs no buffer: core edges within 1 m of them are exempt from the enclosure '
            'and buffer width rules.\n'
            'Area tolerance (m²): overlaps, gaps and other pieces smaller than this are slivers and are ignored.\n\n'
            'Outputs: the problems layer (polygons in the zoning\'s CRS; fields rule, severity (error or '
            'warning), message, feature_ids, shape, area_m2, length_m). Self-intersection points and stretches '
            'of core edge are written as polygons 2 m wide; "shape" says whether a problem is a point, a line or '
            'a polygon. Null geometries and area ratios of the whole reserve may have no geometry. ERROR_COUNT '
            'and WARNING_COUNT count the problems; the optional HTML report lists them with the area of each '
            'zone. Distances and areas are in metres and m² whatever the CRS (geographic layers are measured in '
            'a local equal-area projection).')

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ZONES, self.tr('Zoning layer'), [ProcessingSourceType.VectorPolygon]))
        # Optional so that leaving it out means "zone": QGIS 3.22 rejects a missing mandatory field parameter
        # even when it has a default value.
        self.addParameter(QgsProcessingParameterField(
            self.ZONE_FIELD, self.tr('Zone field'), defaultValue=ZONE_FIELD, parentLayerParameterName=self.ZONES,
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.BOUNDARY, self.tr('Reserve boundary'), [ProcessingSourceType.VectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.PROFILE, self.tr('Profile'),
            [engine_tr(engine.PROFILES[profile]['title']) for profile in engine.PROFILE_IDS], defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.MIN_BUFFER_WIDTH, self.tr('Minimum buffer width (m)'), ProcessingNumberParameterType.Double,
            optional=True, minValue=0.0))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.EXEMPT, self.tr('Exempt segments (coast, border, neighbouring protected area)'),
            [ProcessingSourceType.VectorLine, ProcessingSourceType.VectorPolygon], optional=True))
        tolerance = QgsProcessingParameterNumber(
            self.AREA_TOLERANCE, self.tr('Area tolerance (m²)'), ProcessingNumberParameterType.Double,
            defaultValue=engine.DEFAULT_TOLERANCES.area_m2, minValue=0.0)
        tolerance.setFlags(tolerance.flags() | ProcessingParameterFlag.Advanced)
        self.addParameter(tolerance)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr('Zoning problems'), ProcessingSourceType.VectorPolygon))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_HTML, self.tr('Validation report'), self.tr('HTML files (*.html *.htm)'), optional=True,
            createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber(self.ERROR_COUNT, self.tr('Number of errors')))
        self.addOutput(QgsProcessingOutputNumber(self.WARNING_COUNT, self.tr('Number of warnings')))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        source = self.parameterAsSource(parameters, self.ZONES, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.ZONES))
        field = qgis_io.resolve_field(
            source, self.parameterAsString(parameters, self.ZONE_FIELD, context) or ZONE_FIELD, source.sourceName())
        boundary_source = self.parameterAsSource(parameters, self.BOUNDARY, context)
        exempt_source = self.parameterAsSource(parameters, self.EXEMPT, context)
        profile = engine.PROFILE_IDS[self.parameterAsEnum(parameters, self.PROFILE, context)]
        width = self.parameterAsDouble(parameters, self.MIN_BUFFER_WIDTH, context) or None
        tolerances = engine.DEFAULT_TOLERANCES._replace(
            area_m2=self.parameterAsDouble(parameters, self.AREA_TOLERANCE, context))
        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)

        crs = source.sourceCrs()
        work_crs = qgis_io.metric_crs(qgis_io.combined_extent((source, boundary_source), crs, context), crs,
                                      context.transformContext())
        zones = read_zones(source, field, work_crs, context, feedback)
        boundary = self.read_boundary(boundary_source, work_crs, context)
        exempt = read_exempt(exempt_source, work_crs, context, feedback) if exempt_source is not None else None

        problems = self.run_checks(zones, boundary, profile, width, exempt, tolerances, feedback)
        dest_id = self.write_problems(parameters, context, problems, crs, work_crs)
        counts = {severity: sum(1 for problem in problems if problem.severity == severity)
                  for severity in (engine.ERROR, engine.WARNING)}
        feedback.pushInfo(tr('{errors} errors and {warnings} warnings under the profile "{profile}".').format(
            errors=counts[engine.ERROR], warnings=counts[engine.WARNING],
            profile=engine_tr(engine.PROFILES[profile]['title'])))
        results = {self.OUTPUT: dest_id, self.ERROR_COUNT: counts[engine.ERROR],
                   self.WARNING_COUNT: counts[engine.WARNING]}
        if html_path:
            areas = engine.areas_by_class(zones, boundary, profile)
            settings = {'layer': source.sourceName(), 'field': field, 'profile': profile, 'width': width,
                        'tolerances': tolerances, 'crs': work_crs.description() or work_crs.toProj()}
            validation_report(settings, problems, areas).write(html_path)
            results[self.OUTPUT_HTML] = html_path
        return results

    def read_boundary(self, boundary_source, crs, context):
        """The union of the boundary polygons in ``crs`` (repaired), or None when no boundary is given."""
        if boundary_source is None:
            return None
        name = boundary_source.sourceName()
        features = qgis_io.read_polygons(boundary_source, name, crs, context, None,
                                         qgis_io.max_segment(boundary_source))
        if not features:
            raise QgsProcessingException(self.tr(
                'The reserve boundary layer "{layer}" has no features. Give a layer with the reserve polygon, '
                'or leave the boundary empty.').format(layer=name))
        qgis_io.require_geometries(features, name)
        return unary_union([feature.geometry for feature in features])

    def run_checks(self, zones, boundary, profile, width, exempt, tolerances, feedback):
        """All problems, each rule's count in the log; raises qgis_io.cancelled() when the user cancels."""
        with qgis_io.engine_errors():
            problems = engine.validate(zones, boundary, profile, width, exempt, tolerances,
                                       qgis_io.engine_feedback(feedback).part(READ_PROGRESS / 100.0, 1.0))
        counts = {}
        for problem in problems:
            counts[problem.rule] = counts.get(problem.rule, 0) + 1
        for rule, count in counts.items():
            feedback.pushInfo(tr('{rule}: {count} problems.').format(rule=rule, count=count))
        return problems

    def write_problems(self, parameters, context, problems, crs, work_crs):
        fields = QgsFields()
        for name, kind in (('rule', FieldType.String), ('severity', FieldType.String), ('message', FieldType.String),
                           ('feature_ids', FieldType.String), ('shape', FieldType.String),
                           ('area_m2', FieldType.Double), ('length_m', FieldType.Double)):
            fields.append(make_field(name, kind))
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, WkbType.MultiPolygon, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        for problem in problems:
            feature = QgsFeature(fields)
            area = engine.problem_area(problem, LINE_HALF_WIDTH_M)
            if area is not None and not area.is_empty:
                geometry = qgis_io.transform_geometry(area, work_crs, crs, context)
                geometry.convertToMultiType()
                feature.setGeometry(geometry)
            feature.setAttributes(problem_attributes(problem))
            qgis_io.add_feature(sink, feature, self.tr('Zoning problems'))
        qgis_io.style_output_on_load(context, dest_id, STYLE)
        return dest_id


def problem_attributes(problem):
    """The problem's field values: rule, severity, translated message, feature ids, shape, area_m2, length_m."""
    shape = problem.shape()
    area = float(polygonal_part(problem.geometry).area) if shape == engine.AREA and problem.geometry else None
    length = float(problem.geometry.length) if shape == engine.LINE else None
    return [problem.rule, problem.severity, qgis_io.engine_message(problem),
            ', '.join(str(fid) for fid in problem.feature_ids), shape, area, length]


def validation_report(settings, problems, areas):
    """The validation report: settings, verdict, areas per zone, the rules with their counts, and every problem."""
    errors = sum(1 for problem in problems if problem.severity == engine.ERROR)
    warnings = sum(1 for problem in problems if problem.severity == engine.WARNING)
    report = HtmlReport(tr('Zoning validation report'), qgis_io.report_language())
    report.text_table(*settings_table(settings))
    if errors:
        report.paragraph(tr('The zoning does not pass: {errors} errors and {warnings} warnings.').format(
            errors=errors, warnings=warnings), 'error')
    else:
        report.paragraph(tr('The zoning passes: no errors, {warnings} warnings.').format(warnings=warnings), 'ok')
    report.heading(tr('Areas per zone'))
    report.text_table(*areas_table(areas))
    report.heading(tr('Rules checked'))
    report.text_table(*rules_table(settings, problems))
    report.heading(tr('Problems'))
    if problems:
        report.text_table(*problems_table(problems))
    else:
        report.paragraph(tr('No problems found.'))
    return report


def settings_table(settings):
    width = settings['width']
    rows = [
        (tr('Zoning layer'), settings['layer']),
        (tr('Zone field'), settings['field']),
        (tr('Profile'), engine_tr(engine.PROFILES[settings['profile']]['title'])),
        (tr('Minimum buffer width'), tr('{width:g} m').format(width=width) if width else tr('not checked')),
        (tr('Area tolerance'), tr('{area:g} m²').format(area=settings['tolerances'].area_m2)),
        (tr('Measured in'), settings['crs']),
    ]
    return (tr('Setting'), tr('Value')), rows


def areas_table(areas):
    """Area (ha) and share of the reserve of each zone class, unknown values, gaps and the whole reserve."""
    reserve = areas['reserve']

    def row(name, area):
        return name, '{:.2f}'.format(area / 10000.0), '{:.1f}'.format(100.0 * area / reserve) if reserve > 0 else ''

    rows = [row(engine_tr(name), areas[zone]) for zone, name in engine.ZONE_CLASS_NAMES.items() if zone in areas]
    if None in areas:
        rows.append(row(tr('Unknown zone value'), areas[None]))
    if areas['not_zoned'] > 0:
        rows.append(row(tr('Not zoned (gaps)'), areas['not_zoned']))
    rows.append(row(tr('Reserve'), reserve))
    return (tr('Zone'), tr('Area (ha)'), tr('Share of the reserve (%)')), rows, (1, 2)


def rules_table(settings, problems):
    profile = engine.PROFILES[settings['profile']]
    share_severity = {rule.rule: rule.severity for rule in profile['share_rules']}
    rows = []
    for rule, (number, title) in engine.RULES.items():
        severity = profile['severity'].get(rule, share_severity.get(rule))
        if rule == engine.RULE_WIDTH and not settings['width']:
            severity = engine.OFF
        count = sum(1 for problem in problems if problem.rule == rule)
        rows.append((number, engine_tr(title), rule, severity_name(severity), count if severity else ''))
    return (tr('No.'), tr('Rule'), tr('Rule id'), tr('Severity'), tr('Problems')), rows, (0, 4)


def problems_table(problems):
    rows = [(index + 1, severity_name(problem.severity), problem.rule, qgis_io.engine_message(problem),
             ', '.join(str(fid) for fid in problem.feature_ids))
            for index, problem in enumerate(problems)]
    return ('#', tr('Severity'), tr('Rule id'), tr('Message'), tr('Features')), rows, (0,)
