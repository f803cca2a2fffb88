"""reserveplanner:validatezones: rule checks of a zoning layer under a profile (docs/zoning.md)."""

import os

from qgis.core import (
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
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
from shapely.ops import unary_union
from shapely.validation import make_valid

from ..compat import (
    FieldType,
    ProcessingFeatureSourceFlag,
    ProcessingNumberParameterType,
    ProcessingSourceType,
    WkbType,
    make_field,
)
from .. import qgis_io
from ..engine import report as engine_report
from ..engine import zone_validation as engine
from ..engine.geometry import polygonal_part
from ..engine.zones import ZONE_FIELD
from .base import ReservePlannerAlgorithm, keywords

LINE_HALF_WIDTH_M = 1.0
"""Points and lines (self-intersections, stretches of core edge) are written as polygons this many metres wide
on each side, so that one polygon layer holds every problem; the ``shape`` field keeps what they were."""

STYLE = 'zone_problems'
READ_PROGRESS = 20.0
"""Share of the progress bar (percent) spent reading the zoning layer; the checks share the rest."""


PARALLEL_MIN_ZONES = 2000
"""Zone features (over all reserves) below which validating the reserves is faster in one process."""


tr = qgis_io.translator('ValidateZones')


def severity_name(severity):
    return {engine.ERROR: tr('Error'), engine.WARNING: tr('Warning')}.get(severity, tr('Off'))


def read_zones(source, field, crs, context, feedback, reserve_field=None):
    """(ZoneFeature per feature, geometries in ``crs`` as they are stored (rule 1 judges them: a geometry invalid
    in the layer stays invalid, one that only the reprojection made invalid is repaired: qgis_io.valid_as_stored);
    the value of ``reserve_field`` of each feature, or None for every feature without a reserve field).

    Geometries are densified before they are reprojected, exactly as generatezones reads its layers, so
    that edges straight in degrees (or Web Mercator) keep their shape in metres. Reports progress from 0 to
    READ_PROGRESS percent; raises qgis_io.cancelled() when the user cancels.
    """
    request = QgsFeatureRequest().setSubsetOfAttributes([field] + ([reserve_field] if reserve_field else []),
                                                        source.fields())
    total = source.featureCount() or 0
    zones, reserves = [], []
    features = source.getFeatures(request, ProcessingFeatureSourceFlag.SkipGeometryValidityChecks)
    for index, feature in enumerate(features):
        if feedback.isCanceled():
            raise qgis_io.cancelled()
        geometry = feature.geometry()
        projected = qgis_io.valid_as_stored(geometry, projected_geometry(geometry, source, crs, context))
        zones.append(engine.ZoneFeature(feature.id(), qgis_io.attribute_value(feature[field]), projected))
        reserves.append(qgis_io.attribute_value(feature[reserve_field]) if reserve_field else None)
        if total:
            feedback.setProgress(READ_PROGRESS * index / total)
    return zones, reserves


def projected_geometry(geometry, source, crs, context):
    """A feature geometry of ``source`` as a shapely geometry in ``crs``, densified first when reprojected."""
    if geometry.isNull() or source.sourceCrs() == crs:
        return qgis_io.to_shapely(geometry)
    geometry = qgis_io.densified(geometry, source.sourceCrs(), qgis_io.shape_max_segment(source))
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
    RESERVE_FIELD = 'RESERVE_FIELD'
    OUTPUT = 'OUTPUT'
    OUTPUT_SUMMARY = 'OUTPUT_SUMMARY'
    OUTPUT_HTML = 'OUTPUT_HTML'
    ERROR_COUNT = 'ERROR_COUNT'
    WARNING_COUNT = 'WARNING_COUNT'

    ADVANCED = (AREA_TOLERANCE, EXEMPT)

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr('Validate zones')

    def shortDescription(self):  # noqa: N802 (QGIS API name)
        return self.tr('Checks a biosphere-reserve zoning against the rules of a profile and lists each problem '
                       'where it is.')

    def tags(self):
        return keywords(self.tr('biosphere reserve,MAB,zoning,core,buffer,transition,validation,check,rules'))

    def summary(self):
        return [
            self.tr('Checks a biosphere-reserve zoning layer against the rules of a profile (MAB generic, China '
                    'three or two zones, Germany) and writes one feature per problem, placed where the problem '
                    'is.'),
            self.tr('The problems layer has the fields rule, severity (error or warning), message, feature_ids, '
                    "shape, area_m2 and length_m, in the zoning's CRS; points and stretches of core edge are "
                    'written as polygons 2 m wide.'),
            self.tr('ERROR_COUNT and WARNING_COUNT count the problems; an optional summary table and HTML report '
                    'give the area of each zone.'),
            self.tr('Distances and areas are in metres and m² whatever the CRS (geographic layers are measured in '
                    'a local equal-area projection).'),
        ]

    def parameter_help(self):
        return {
            self.ZONES: [
                self.tr('Polygons with a zone field.'),
            ],
            self.ZONE_FIELD: [
                self.tr('Core, buffer or transition (or 1, 2, 3, any case; Chinese 核心区/缓冲区/实验区 and German '
                        'Kernzone/Pflegezone/Entwicklungszone are understood too).'),
                self.tr('Any other value is reported as a problem.'),
            ],
            self.BOUNDARY: [
                self.tr('The reserve polygon(s).'),
                self.tr('Without it, holes enclosed by the zones are the gaps and the outline of the zones is the '
                        'outer edge.'),
            ],
            self.PROFILE: [
                self.tr('MAB generic: geometry, zone values, overlaps, gaps, every core adjoins a buffer.'),
                self.tr('China three zones: also cores enclosed by buffer, and core at least 1/3 of the reserve '
                        '(both warnings).'),
                self.tr('China two zones of 2019 (核心保护区 and 一般控制区): buffer and transition values count as '
                        'the general control zone, which must adjoin each core.'),
                self.tr('Germany: core at least 3 %, core + buffer at least 20 % of the reserve; transition at '
                        'least 50 %, a warning because that threshold is unverified.'),
            ],
            self.MIN_BUFFER_WIDTH: [
                self.tr('Metres: each core grown by this width must stay inside core + buffer; the part outside '
                        'is reported.'),
                self.tr('Empty or 0: not checked.'),
            ],
            self.EXEMPT: [
                self.tr('Lines or polygons (coast, national border, neighbouring protected area) along which a '
                        'core needs no buffer.'),
                self.tr('Core edges within 1 m of them are exempt from the enclosure and buffer width rules.'),
            ],
            self.AREA_TOLERANCE: [
                self.tr('Overlaps, gaps and other pieces smaller than this (m²) are slivers and are ignored.'),
            ],
            self.RESERVE_FIELD: [
                self.tr('Validates every reserve of a province in one run: the zones with one value of this '
                        'field, and the boundary features with the same value in a field of the same name, are '
                        'one reserve, validated as if it were alone.'),
                self.tr('Reserves whose boundaries (or zones) overlap are reported (rule reserve_overlap); '
                        'problems carry the reserve in a "reserve" field.'),
            ],
            self.OUTPUT_SUMMARY: [
                self.tr('One row per reserve: reserve, errors, warnings, core_share (%), reserve_ha and the area '
                        'of each zone class (ha).'),
            ],
            self.OUTPUT_HTML: [
                self.tr('The problems with the area of each zone; a province-wide table first when a reserve '
                        'field is given.'),
            ],
        }

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
            [qgis_io.engine_tr(engine.PROFILES[profile]['title']) for profile in engine.PROFILE_IDS], defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.MIN_BUFFER_WIDTH, self.tr('Minimum buffer width (m)'), ProcessingNumberParameterType.Double,
            optional=True, minValue=0.0))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.EXEMPT, self.tr('Exempt segments (coast, border, neighbouring protected area)'),
            [ProcessingSourceType.VectorLine, ProcessingSourceType.VectorPolygon], optional=True))
        tolerance = QgsProcessingParameterNumber(
            self.AREA_TOLERANCE, self.tr('Area tolerance (m²)'), ProcessingNumberParameterType.Double,
            defaultValue=engine.DEFAULT_TOLERANCES.area_m2, minValue=0.0)
        self.addParameter(tolerance)
        self.addParameter(QgsProcessingParameterField(
            self.RESERVE_FIELD, self.tr('Reserve field (one reserve per value; empty: one reserve)'),
            parentLayerParameterName=self.ZONES, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr('Zoning problems'), ProcessingSourceType.VectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_SUMMARY, self.tr('Summary per reserve'), ProcessingSourceType.Vector, optional=True,
            createByDefault=False))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_HTML, self.tr('Validation report'), self.tr('HTML files (*.html *.htm)'), optional=True,
            createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber(self.ERROR_COUNT, self.tr('Number of errors')))
        self.addOutput(QgsProcessingOutputNumber(self.WARNING_COUNT, self.tr('Number of warnings')))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        source = self.parameterAsSource(parameters, self.ZONES, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.ZONES))
        label = qgis_io.layer_label(parameters[self.ZONES], context)
        field = qgis_io.resolve_field(
            source, self.parameterAsString(parameters, self.ZONE_FIELD, context) or ZONE_FIELD, label)
        boundary_source = self.parameterAsSource(parameters, self.BOUNDARY, context)
        exempt_source = self.parameterAsSource(parameters, self.EXEMPT, context)
        profile = engine.PROFILE_IDS[self.parameterAsEnum(parameters, self.PROFILE, context)]
        width = self.parameterAsDouble(parameters, self.MIN_BUFFER_WIDTH, context) or None
        tolerances = engine.DEFAULT_TOLERANCES._replace(
            area_m2=self.parameterAsDouble(parameters, self.AREA_TOLERANCE, context))
        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)

        crs = source.sourceCrs()
        work_crs = qgis_io.metric_crs_of([source, boundary_source], crs, context)
        reserve_field = self.reserve_field(parameters, source, label, context)
        zones, reserve_values = read_zones(source, field, work_crs, context, feedback, reserve_field)
        boundary_label = qgis_io.layer_label(parameters.get(self.BOUNDARY), context)
        exempt = read_exempt(exempt_source, work_crs, context, feedback) if exempt_source is not None else None
        checks = engine.ValidationSettings(profile, width, exempt, tolerances)
        if reserve_field:
            reserves = self.read_reserves(zones, reserve_values, boundary_source, boundary_label, reserve_field,
                                          work_crs, context, feedback)
            outcomes = self.validate_reserves(reserves, checks, feedback)
            overlaps = engine.reserve_overlaps(reserves, tolerances)
        else:
            reserves = [engine.ReserveZoning(None, zones, self.read_boundary(boundary_source, boundary_label,
                                                                            work_crs, context))]
            problems = self.run_checks(zones, reserves[0].boundary, profile, width, exempt, tolerances, feedback)
            wants_areas = bool(parameters.get(self.OUTPUT_SUMMARY)) or bool(html_path)
            outcomes = [(problems, engine.areas_by_class(zones, reserves[0].boundary, profile) if wants_areas
                         else None)]
            overlaps = []
        located = [(reserve.reserve, problem) for reserve, (problems, _) in zip(reserves, outcomes)
                   for problem in problems]
        located += [('{first} / {second}'.format(**problem.params), problem) for problem in overlaps]
        problems = [problem for _, problem in located]
        dest_id = self.write_problems(parameters, context, located, crs, work_crs, bool(reserve_field))
        counts = {severity: sum(1 for problem in problems if problem.severity == severity)
                  for severity in (engine.ERROR, engine.WARNING)}
        feedback.pushInfo(tr('{errors} errors and {warnings} warnings under the profile "{profile}".').format(
            errors=counts[engine.ERROR], warnings=counts[engine.WARNING],
            profile=qgis_io.engine_tr(engine.PROFILES[profile]['title'])))
        results = {self.OUTPUT: dest_id, self.ERROR_COUNT: counts[engine.ERROR],
                   self.WARNING_COUNT: counts[engine.WARNING]}
        summary = summary_rows(reserves, outcomes) if outcomes[0][1] is not None else []
        if parameters.get(self.OUTPUT_SUMMARY):
            reserve_definition = source.fields().field(reserve_field) if reserve_field else None
            results[self.OUTPUT_SUMMARY] = self.write_summary(parameters, context, summary, profile,
                                                              reserve_definition)
        if html_path:
            settings = {'layer': label, 'field': field, 'profile': profile, 'width': width,
                        'tolerances': tolerances, 'crs': qgis_io.crs_name(work_crs)}
            if reserve_field:
                report = province_report(settings, reserves, outcomes, overlaps, summary)
            else:
                report = validation_report(settings, problems, outcomes[0][1])
            os.makedirs(os.path.dirname(os.path.abspath(html_path)), exist_ok=True)
            report.write(html_path)
            results[self.OUTPUT_HTML] = html_path
        return results

    def reserve_field(self, parameters, source, label, context):
        """The resolved name of RESERVE_FIELD in the zones layer ``label``, or None when it is not given."""
        name = self.parameterAsString(parameters, self.RESERVE_FIELD, context)
        return qgis_io.resolve_field(source, name, label) if name else None

    def read_reserves(self, zones, reserve_values, boundary_source, boundary_label, reserve_field, crs, context,
                      feedback):
        """One engine.ReserveZoning per value of the reserve field, in the order reserves first appear; each with
        the union of the boundary features carrying its value (a field of the same name in the boundary layer).
        Raises naming the zone features without a reserve value."""
        missing = [str(zone.fid) for zone, value in zip(zones, reserve_values) if value is None]
        if missing:
            raise QgsProcessingException(tr(
                'Features {ids} have no value in the reserve field "{field}". Give every zone the id of its reserve, '
                'or leave the reserve field empty to validate the layer as one reserve.').format(
                    ids=', '.join(missing[:20]), field=reserve_field))
        grouped = {}
        for zone, value in zip(zones, reserve_values):
            grouped.setdefault(value, []).append(zone)
        boundaries = {}
        if boundary_source is not None:
            boundaries = self.read_boundaries(boundary_source, boundary_label, reserve_field, crs, context)
        without = [str(value) for value in grouped
                   if boundary_source is not None and qgis_io.id_key(value) not in boundaries]
        if without:
            feedback.pushWarning(tr('Reserves without a boundary feature (their zones\' outline is used): '
                                    '{reserves}.').format(reserves=', '.join(without)))
        return [engine.ReserveZoning(value, members, boundaries.get(qgis_io.id_key(value)))
                for value, members in grouped.items()]

    def read_boundaries(self, boundary_source, name, reserve_field, crs, context):
        """{reserve value as qgis_io.id_key: union of its boundary polygons in ``crs``}; the boundary layer ``name``
        needs the reserve field."""
        key = qgis_io.resolve_field(boundary_source, reserve_field, name)
        features = qgis_io.read_polygons(boundary_source, name, crs, context, None,
                                         qgis_io.shape_max_segment(boundary_source))
        qgis_io.require_geometries(features, name)
        grouped = {}
        for feature in features:
            grouped.setdefault(qgis_io.id_key(feature.attributes.get(key)), []).append(feature.geometry)
        return {value: unary_union(parts) for value, parts in grouped.items()}

    def validate_reserves(self, reserves, checks, feedback):
        """(problems, areas) of each reserve, each validated alone through the executor; raises on cancel."""
        zones = sum(len(reserve.zones) for reserve in reserves)
        executor = qgis_io.engine_executor(feedback, small=len(reserves) < 2 or zones < PARALLEL_MIN_ZONES)
        with qgis_io.engine_errors():
            outcomes = executor.map(engine.validate_reserve, reserves, checks,
                                    feedback=qgis_io.engine_feedback(feedback).part(READ_PROGRESS / 100.0, 1.0))
        feedback.pushInfo(tr('{count} reserves validated.').format(count=len(reserves)))
        return outcomes

    def read_boundary(self, boundary_source, name, crs, context):
        """The union of the boundary polygons (layer ``name``) in ``crs`` (repaired), or None when no boundary is
        given."""
        if boundary_source is None:
            return None
        features = qgis_io.read_polygons(boundary_source, name, crs, context, None,
                                         qgis_io.shape_max_segment(boundary_source))
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

    def write_problems(self, parameters, context, located, crs, work_crs, with_reserve):
        """The problems layer from (reserve, Problem) pairs, with a ``reserve`` field when ``with_reserve``."""
        fields = QgsFields()
        for name, kind in (('rule', FieldType.String), ('severity', FieldType.String), ('message', FieldType.String),
                           ('feature_ids', FieldType.String), ('shape', FieldType.String),
                           ('area_m2', FieldType.Double), ('length_m', FieldType.Double)):
            fields.append(make_field(name, kind))
        if with_reserve:
            fields.append(make_field('reserve', FieldType.String))
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, WkbType.MultiPolygon, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        for reserve, problem in located:
            feature = QgsFeature(fields)
            area = engine.problem_area(problem, LINE_HALF_WIDTH_M)
            if area is not None and not area.is_empty:
                # cut at 180 degrees in a geographic CRS; made of the zones' edges, densified when read, and
                # of buffer arcs: not densified again
                feature.setGeometry(qgis_io.output_polygon(area, work_crs, crs, context, max_segment=None))
            feature.setAttributes(problem_attributes(problem) + ([str(reserve)] if with_reserve else []))
            qgis_io.add_feature(sink, feature, self.tr('Zoning problems'))
        qgis_io.style_output_on_load(context, dest_id, STYLE)
        return dest_id

    def write_summary(self, parameters, context, rows, profile, reserve_definition):
        """The summary table: one row per reserve (see summary_rows); ``reserve`` has the reserve field's type."""
        fields = QgsFields()
        reserve = QgsField(reserve_definition) if reserve_definition is not None else make_field(
            'reserve', FieldType.String)
        reserve.setName('reserve')
        fields.append(reserve)
        fields.append(make_field('errors', FieldType.Int))
        fields.append(make_field('warnings', FieldType.Int))
        for name in ['core_share', 'reserve_ha'] + ['area_{}_ha'.format(zone) for zone in zone_classes(profile)]:
            fields.append(qgis_io.double_field(name))
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT_SUMMARY, context, fields, WkbType.NoGeometry)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_SUMMARY))
        for row in rows:
            feature = QgsFeature(fields)
            feature.setAttributes([row['reserve'], row['errors'], row['warnings'], row['core_share'], row['reserve_ha']]
                                  + [row['areas_ha'].get(zone, 0.0) for zone in zone_classes(profile)])
            qgis_io.add_feature(sink, feature, self.tr('Summary per reserve'))
        return dest_id


def zone_classes(profile):
    """The zone classes of ``profile`` (a PROFILES id) in the order core, buffer, transition, general."""
    present = set(engine.PROFILES[profile]['classes'].values())
    return [zone for zone in engine.ZONE_CLASS_NAMES if zone in present]


def summary_rows(reserves, outcomes):
    """One dict per reserve: reserve, errors, warnings, core_share (% of the reserve, None for an empty reserve),
    reserve_ha and areas_ha {zone class: ha}, from the (problems, areas_by_class) of each reserve."""
    rows = []
    for reserve, (problems, areas) in zip(reserves, outcomes):
        total = areas['reserve']
        rows.append({
            'reserve': reserve.reserve,
            'errors': sum(1 for problem in problems if problem.severity == engine.ERROR),
            'warnings': sum(1 for problem in problems if problem.severity == engine.WARNING),
            'core_share': 100.0 * areas.get(engine.CORE, 0.0) / total if total > 0 else None,
            'reserve_ha': float(total) / 10000.0,
            'areas_ha': {zone: float(area) / 10000.0 for zone, area in areas.items()
                         if zone in engine.ZONE_CLASS_NAMES},
        })
    return rows


def problem_attributes(problem):
    """The problem's field values: rule, severity, translated message, feature ids, shape, area_m2, length_m."""
    shape = problem.shape()
    area = float(polygonal_part(problem.geometry).area) if shape == engine.AREA and problem.geometry else None
    length = float(problem.geometry.length) if shape == engine.LINE else None
    return [problem.rule, problem.severity, qgis_io.engine_message(problem),
            ', '.join(str(fid) for fid in problem.feature_ids), shape, area, length]


def validation_report(settings, problems, areas):
    """The validation report (an engine.report.HtmlReport): settings, verdict, areas per zone, the rules with their
    counts, and every problem."""
    report = new_report(settings, problems)
    report.heading(tr('Areas per zone'))
    add_areas(report, areas)
    report.heading(tr('Rules checked'))
    add_rules(report, settings, problems)
    report.heading(tr('Problems'))
    add_problems(report, problems)
    return report


def province_report(settings, reserves, outcomes, overlaps, summary):
    """The report of a run over many reserves: settings, the province-wide table (one row per reserve), the
    overlapping reserves, then a section per reserve (verdict, areas per zone, problems)."""
    problems = [problem for reserve_problems, _ in outcomes for problem in reserve_problems] + overlaps
    report = new_report(settings, problems)
    report.heading(tr('All reserves'))
    add_province_table(report, summary, settings['profile'])
    report.heading(tr('Overlapping reserves'))
    add_problems(report, overlaps)
    report.heading(tr('Rules checked'))
    add_rules(report, settings, problems)
    for reserve, (reserve_problems, areas) in zip(reserves, outcomes):
        report.heading(tr('Reserve {reserve}').format(reserve=reserve.reserve))
        add_verdict(report, reserve_problems)
        add_areas(report, areas)
        add_problems(report, reserve_problems)
    return report


def new_report(settings, problems):
    """A report titled 'Zoning validation report', in QGIS's language, opening with the settings and the verdict."""
    report = engine_report.HtmlReport(tr('Zoning validation report'), qgis_io.report_language())
    add_settings(report, settings)
    add_verdict(report, problems)
    return report


def add_verdict(report, problems):
    """'The zoning passes' or 'does not pass', with the counts of errors and warnings."""
    errors = sum(1 for problem in problems if problem.severity == engine.ERROR)
    warnings = sum(1 for problem in problems if problem.severity == engine.WARNING)
    if errors:
        report.paragraph(tr('The zoning does not pass: {errors} errors and {warnings} warnings.').format(
            errors=errors, warnings=warnings), 'error')
    else:
        report.paragraph(tr('The zoning passes: no errors, {warnings} warnings.').format(warnings=warnings), 'ok')


def add_province_table(report, summary, profile):
    """One row per reserve: errors, warnings, core share and the area of each zone class."""
    classes = zone_classes(profile)
    headers = [tr('Reserve'), tr('Errors'), tr('Warnings'), tr('Core share (%)'), tr('Reserve (ha)')]
    headers += [tr('{zone} (ha)').format(zone=qgis_io.engine_tr(engine.ZONE_CLASS_NAMES[zone])) for zone in classes]
    rows = [[row['reserve'], row['errors'], row['warnings'],
             '' if row['core_share'] is None else '{:.1f}'.format(row['core_share']),
             '{:.2f}'.format(row['reserve_ha'])]
            + ['{:.2f}'.format(row['areas_ha'].get(zone, 0.0)) for zone in classes] for row in summary]
    report.text_table(headers, rows, numeric=tuple(range(1, len(headers))))


def add_settings(report, settings):
    width = settings['width']
    rows = [
        (tr('Zoning layer'), settings['layer']),
        (tr('Zone field'), settings['field']),
        (tr('Profile'), qgis_io.engine_tr(engine.PROFILES[settings['profile']]['title'])),
        (tr('Minimum buffer width'), tr('{width:g} m').format(width=width) if width else tr('not checked')),
        (tr('Area tolerance'), tr('{area:g} m²').format(area=settings['tolerances'].area_m2)),
        (tr('Measured in'), settings['crs']),
    ]
    report.text_table((tr('Setting'), tr('Value')), rows)


def add_areas(report, areas):
    """Area (ha) and share of the reserve of each zone class, unknown values, gaps and the whole reserve."""
    reserve = areas['reserve']

    def row(name, area):
        return name, '{:.2f}'.format(area / 10000.0), '{:.1f}'.format(100.0 * area / reserve) if reserve > 0 else ''

    rows = [row(qgis_io.engine_tr(name), areas[zone]) for zone, name in engine.ZONE_CLASS_NAMES.items()
            if zone in areas]
    if None in areas:
        rows.append(row(tr('Unknown zone value'), areas[None]))
    if areas['not_zoned'] > 0:
        rows.append(row(tr('Not zoned (gaps)'), areas['not_zoned']))
    rows.append(row(tr('Reserve'), reserve))
    report.text_table((tr('Zone'), tr('Area (ha)'), tr('Share of the reserve (%)')), rows, numeric=(1, 2))


def add_rules(report, settings, problems):
    profile = engine.PROFILES[settings['profile']]
    share_severity = {rule.rule: rule.severity for rule in profile['share_rules']}
    rows = []
    for rule, (number, title) in engine.RULES.items():
        severity = profile['severity'].get(rule, share_severity.get(rule))
        if rule == engine.RULE_WIDTH and not settings['width']:
            severity = engine.OFF
        count = sum(1 for problem in problems if problem.rule == rule)
        rows.append((number, qgis_io.engine_tr(title), rule, severity_name(severity), count if severity else ''))
    report.text_table((tr('No.'), tr('Rule'), tr('Rule id'), tr('Severity'), tr('Problems')), rows,
                      numeric=(0, 4))


def add_problems(report, problems):
    if not problems:
        report.paragraph(tr('No problems found.'))
        return
    rows = [(index + 1, severity_name(problem.severity), problem.rule, qgis_io.engine_message(problem),
             ', '.join(str(fid) for fid in problem.feature_ids))
            for index, problem in enumerate(problems)]
    report.text_table(('#', tr('Severity'), tr('Rule id'), tr('Message'), tr('Features')), rows, numeric=(0,))
