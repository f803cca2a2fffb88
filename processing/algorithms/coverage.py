"""Coverage algorithms: protected-area coverage per region (WDPA-style cleaning, coverage over time),
habitat / species coverage with the Species Protection Index, and the species-area calculator.

The computation is in engine/coverage.py and engine/species_area.py; the HTML report in engine/report.py.
"""

from collections import namedtuple

import pandas as pd
from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsRasterLayer,
    QgsRectangle,
    QgsVectorLayer,
)
from shapely.ops import unary_union

from ..compat import (
    FieldType,
    GeometryType,
    ProcessingNumberParameterType,
    ProcessingParameterFlag,
    ProcessingSourceType,
    WkbType,
    make_field,
)
from .. import qgis_io
from ..qgis_io import attribute_value, double_field, max_segment, python_value
from ..engine import coverage as engine
from ..engine import report as engine_report
from ..engine import species_area
from ..engine.regions import require_disjoint_regions
from .base import ReservePlannerAlgorithm

REPORT_SPECIES_SHARE = 0.9
"""The share of species the coverage report says how much habitat it needs."""


tr = qgis_io.translator('ReservePlannerCoverage')


def make_fields(*fields):
    result = QgsFields()
    for field in fields:
        result.append(field)
    return result


PARALLEL_MIN_PIECES = 5000
"""Protected pieces below which measuring them in every region is faster in one process than with workers."""


def write_rows(sink, fields, frame, output_name, geometries=None):
    """Write one feature per DataFrame row (columns in ``fields`` order), numpy scalars converted."""
    for position, row in enumerate(frame.itertuples(index=False)):
        feature = QgsFeature(fields)
        feature.setAttributes([python_value(value) for value in row])
        if geometries is not None:
            feature.setGeometry(geometries[position])
        qgis_io.add_feature(sink, feature, output_name)


# --- the protected-area input shared by protectedcoverage and habitatcoverage ---------------------------------

class ProtectedAreasInput:
    """Parameters and reading of PROTECTED with the WDPA cleaning switches (docs/coverage.md).

    A mixin: it translates with the module's ``tr`` (context ReservePlannerCoverage), never ``self.tr``.
    """

    PROTECTED = 'PROTECTED'
    STATUS_FILTER = 'STATUS_FILTER'
    EXCLUDE_MAB = 'EXCLUDE_MAB'
    POINTS_AS_CIRCLES = 'POINTS_AS_CIRCLES'
    REPAIR = 'REPAIR'
    DISSOLVE = 'DISSOLVE'

    def add_protected_parameter(self):
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.PROTECTED, tr('Protected areas (polygons, and points with REP_AREA)'),
            ProcessingSourceType.VectorAnyGeometry))

    def add_cleaning_parameters(self):
        """The cleaning switches, on by default, among the advanced parameters."""
        switches = (
            (self.STATUS_FILTER, tr('Keep only STATUS Designated, Inscribed or Established')),
            (self.EXCLUDE_MAB, tr('Exclude UNESCO-MAB Biosphere Reserves (zoning layers: core zones only)')),
            (self.POINTS_AS_CIRCLES, tr('Turn points with a reported area into circles of that area')),
            (self.REPAIR, tr('Repair invalid geometries')),
            (self.DISSOLVE, tr('Count overlaps once (dissolve)')),
        )
        for name, description in switches:
            switch = QgsProcessingParameterBoolean(name, description, defaultValue=True)
            switch.setFlags(switch.flags() | ProcessingParameterFlag.Advanced)
            self.addParameter(switch)

    def protected_layers(self, parameters, context):
        layers = [layer for layer in self.parameterAsLayerList(parameters, self.PROTECTED, context)
                  if isinstance(layer, QgsVectorLayer)]
        if not layers:
            raise QgsProcessingException(
                tr('No protected-area layer was given: choose one or more vector layers for PROTECTED.'))
        for layer in layers:
            if layer.geometryType() == GeometryType.Line:
                raise QgsProcessingException(tr(
                    'Layer "{layer}" holds lines, but protected areas are polygons (or points with a reported area, '
                    'REP_AREA). Choose a polygon layer and run again.').format(layer=qgis_io.layer_label(layer)))
        return layers

    def cleaning_options(self, parameters, context):
        return engine.CleaningOptions(*(self.parameterAsBool(parameters, name, context) for name in (
            self.STATUS_FILTER, self.EXCLUDE_MAB, self.POINTS_AS_CIRCLES, self.REPAIR, self.DISSOLVE)))

    def clean_and_flatten(self, layers, crs, options, by_year, context, feedback, by_category=False):
        """Read, clean and dissolve the protected areas in ``crs`` (metric equal-area); with ``by_category`` also
        erase them in wdpar's IUCN category order (engine.flatten).
        Returns (engine.Flattened, list of translated summary lines); raises qgis_io.cancelled() when cancelled."""
        steps = QgsProcessingMultiStepFeedback(len(layers) + 2, feedback)
        inputs = []
        for index, layer in enumerate(layers):
            steps.setCurrentStep(index)
            fields = wdpa_fields(layer)
            features = qgis_io.read_features(layer, crs, context, steps, list(fields), max_segment(layer))
            areas = [engine.ProtectedArea(item.fid, item.geometry, {
                fields[name]: attribute_value(value) for name, value in item.attributes.items()}) for item in features]
            inputs.append(engine.ProtectedLayer(qgis_io.layer_label(layer), set(fields.values()), areas))
        steps.setCurrentStep(len(layers))
        with qgis_io.engine_errors():
            polygons, notes = engine.clean_protected_areas(inputs, options, qgis_io.engine_feedback(steps))
            steps.setCurrentStep(len(layers) + 1)
            flattened = engine.flatten(polygons, options.dissolve, by_year, qgis_io.engine_feedback(steps),
                                       by_category)
        if feedback.isCanceled():
            raise qgis_io.cancelled()
        notes.append(engine.overlap_note(polygons, flattened, options.dissolve))
        summary = [qgis_io.engine_message(item) for item in notes]
        for item, line in zip(notes, summary):
            (feedback.pushWarning if item.template in engine.WARNING_TEMPLATES else feedback.pushInfo)(line)
        return flattened, summary


def report_language():
    """The HTML language tag of QGIS's user interface (zh-CN, en-US...)."""
    return QgsApplication.locale().replace('_', '-')


def wdpa_fields(layer):
    """The layer's WDPA fields whatever their case (status, Status_Yr...): {name in the layer: WDPA name}."""
    canonical = {name.lower(): name for name in engine.WDPA_FIELDS}
    return {name: canonical[name.lower()] for name in layer.fields().names() if name.lower() in canonical}


def combined_extent(sources, crs, context):
    extent = QgsRectangle()
    for source in sources:
        extent.combineExtentWith(qgis_io.source_extent(source, crs, context))
    return extent


def equal_area_crs(sources, context):
    """A Lambert azimuthal equal-area CRS centred on all ``sources`` (docs/coverage.md) and the first's CRS."""
    first_crs = sources[0].sourceCrs()
    extent = combined_extent(sources, first_crs, context)
    if extent.isNull():
        extent = QgsRectangle(0, 0, 0, 0)
    return qgis_io.local_crs(sources, context), first_crs, extent


def add_species_area_section(report, coverage_percent, target_percent):
    """The species-area table (docs/species_area.md) for the current coverage and for the target."""
    current = species_area.species_area_table(min(coverage_percent, 100.0) / 100.0, REPORT_SPECIES_SHARE)
    at_target = species_area.species_area_table(target_percent / 100.0, REPORT_SPECIES_SHARE)
    table = current[['z', 'persisting_pct']].copy()
    table['target_pct'] = at_target['persisting_pct']
    table['area_needed_pct'] = current['area_needed_pct']
    report.heading(tr('Species expected to persist (species-area relationship)'))
    report.paragraph(tr('If only the protected habitat remained, the share of species expected to persist would '
                        'be (protected share)^z, from the species-area relationship S = c A^z (z is about 0.25).'))
    report.table(table, columns={
        'z': 'z', 'persisting_pct': tr('Species persisting at {:.1f} % (%)').format(coverage_percent),
        'target_pct': tr('Species persisting at {:.1f} % (%)').format(target_percent),
        'area_needed_pct': tr('Habitat needed to keep {:.0f} % of the species (%)').format(100 * REPORT_SPECIES_SHARE)})


Region = namedtuple('Region', 'key geometry output_geometry label')
"""A region: its REGION_FIELD value, shapely geometry in the equal-area CRS, QgsGeometry in the output CRS, label."""


def group_regions(features, field_name):
    """The features of one region together: [(key, id of its first feature, [geometries])] in reading order.

    The key is the REGION_FIELD value (the feature id as text without a field), so the parts of a multi-part
    ecoregion form one region (docs/coverage.md: representativeness counts regions, not polygons). A
    feature whose key is NULL is a region of its own, never merged with another.
    """
    grouped = {}
    for item in features:
        key = attribute_value(item.attributes.get(field_name)) if field_name else str(item.fid)
        group = ('feature', item.fid) if key is None else ('key', key)
        grouped.setdefault(group, (key, item.fid, []))[2].append(item.geometry)
    return list(grouped.values())


# --- protectedcoverage -----------------------------------------------------------------------------------------

class ProtectedCoverageAlgorithm(ProtectedAreasInput, ReservePlannerAlgorithm):
    """Coverage of regions by protected areas, WDPA-style (docs/coverage.md)."""

    ALGORITHM_ID = 'protectedcoverage'
    GROUP_ID = 'coverage'
    ICON = 'protectedcoverage.svg'

    REGIONS = 'REGIONS'
    REGION_FIELD = 'REGION_FIELD'
    TARGET = 'TARGET'
    OUTPUT = 'OUTPUT'
    OUTPUT_FLAT = 'OUTPUT_FLAT'
    OUTPUT_TIMELINE = 'OUTPUT_TIMELINE'
    OUTPUT_CATEGORIES = 'OUTPUT_CATEGORIES'
    OUTPUT_HTML = 'OUTPUT_HTML'
    REGIONS_MEETING_TARGET = 'REGIONS_MEETING_TARGET'
    REGION_COUNT = 'REGION_COUNT'
    REPRESENTATIVENESS = 'REPRESENTATIVENESS'
    UNPROTECTED_REGIONS = 'UNPROTECTED_REGIONS'
    PROTECTED_PERCENT = 'PROTECTED_PERCENT'
    PROTECTED_KM2 = 'PROTECTED_KM2'

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr('Protected-area coverage')

    def shortHelpString(self):  # noqa: N802 (QGIS API name)
        return self.tr(
            'Share of each region covered by protected areas, cleaned the way Protected Planet and wdpar do it, '
            'against a target such as the GBF Target 3 (30 %).\n'
            'PROTECTED: one or more layers (WDPA-like polygons, points with REP_AREA in km2, or your own layers). '
            'Cleaning steps, each a switch on by default: keep STATUS Designated / Inscribed / Established; exclude '
            'UNESCO-MAB Biosphere Reserves (DESIG_ENG mentions "UNESCO-MAB" or "Biosphere Reserve"); a layer with a '
            '"zone" field (a Reserve Planner zoning layer) counts only its core zones; points without a reported '
            'area are dropped, the others become circles of radius sqrt(REP_AREA x 1e6 / pi) m; invalid geometries '
            'are repaired; overlaps are counted once (dissolve). A layer without STATUS, DESIG_ENG or STATUS_YR '
            'skips the step that needs the field; the log says so, and what every step removed or changed.\n'
            'REGIONS (optional): provinces, ecoregions... that do not overlap (the totals add them up). Without it, '
            'one row for the rectangle enclosing the protected areas. REGION_FIELD: the field naming each region; '
            'features with the same value are the parts of one region (a multi-part ecoregion), dissolved into one '
            'row, and the region counts are counts of these regions. A feature whose value is NULL is a region of its '
            'own, named by its feature id in the report; without REGION_FIELD every feature is a region named by its '
            'feature id. TARGET: the target coverage in %.\n'
            'Areas are computed in a Lambert azimuthal equal-area projection centred on the data, whatever the input '
            'CRSs (CGCS2000 regions and WGS 84 protected areas together work).\n'
            'OUTPUT: the regions (in their own CRS) with area_km2, protected_km2, percent, gap_km2 (protected area '
            'still needed to reach the target) and meets_target. OUTPUT_FLAT (optional, created by default in the '
            'Toolbox): the cleaned, dissolved protected areas (in the first PROTECTED layer\'s CRS). '
            'OUTPUT_TIMELINE (optional): coverage of all regions by establishment year (STATUS_YR; each area '
            'counted from its earliest year). OUTPUT_CATEGORIES (optional): '
            'a table with the region field, iucn_cat, area_km2 and percent (of the region), one row per region and '
            'IUCN category present: as wdpar does, overlaps are erased in priority order IUCN_CAT Ia > Ib > II > '
            'III > IV > V > VI > Not Reported / Not Applicable / Not Assigned, then earliest STATUS_YR, so each '
            'piece of protected land belongs to one category and the categories of a region add up to its '
            'protected_km2. IUCN_CAT is read in any case (ia, IA); an area without it, or with another value, and '
            'every area of a layer without the field counts as Not Reported. OUTPUT_HTML (optional): a '
            'report with the cleaning summary, tables and charts of coverage per region, by IUCN category and over '
            'time, and the species-area arithmetic. Numbers: REGIONS_MEETING_TARGET, REGION_COUNT, '
            'REPRESENTATIVENESS (% of regions meeting the target), UNPROTECTED_REGIONS (< 1 % covered), '
            'PROTECTED_PERCENT and PROTECTED_KM2 over all regions.')

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.add_protected_parameter()
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.REGIONS, self.tr('Regions (provinces, ecoregions)'), [ProcessingSourceType.VectorPolygon],
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.REGION_FIELD, self.tr('Region name field'), parentLayerParameterName=self.REGIONS, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.TARGET, self.tr('Target coverage (%)'), ProcessingNumberParameterType.Double,
            defaultValue=engine.GBF_TARGET_PERCENT, minValue=0.0, maxValue=100.0))
        self.add_cleaning_parameters()
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr('Coverage per region'), ProcessingSourceType.VectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_FLAT, self.tr('Cleaned, dissolved protected areas'), ProcessingSourceType.VectorPolygon,
            optional=True, createByDefault=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_TIMELINE, self.tr('Coverage over time'), ProcessingSourceType.Vector, optional=True,
            createByDefault=False))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_CATEGORIES, self.tr('Coverage per IUCN category'), ProcessingSourceType.Vector, optional=True,
            createByDefault=False))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_HTML, self.tr('Coverage report'), self.tr('HTML files (*.html)'), optional=True,
            createByDefault=False))
        for name, description in (
                (self.REGIONS_MEETING_TARGET, self.tr('Regions meeting the target')),
                (self.REGION_COUNT, self.tr('Number of regions')),
                (self.REPRESENTATIVENESS, self.tr('Share of regions meeting the target (%)')),
                (self.UNPROTECTED_REGIONS, self.tr('Regions less than 1 % protected')),
                (self.PROTECTED_PERCENT, self.tr('Protected share of all regions (%)')),
                (self.PROTECTED_KM2, self.tr('Protected area in all regions (km2)'))):
            self.addOutput(QgsProcessingOutputNumber(name, description))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        layers = self.protected_layers(parameters, context)
        regions_source = self.parameterAsSource(parameters, self.REGIONS, context)
        if parameters.get(self.REGIONS) and regions_source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.REGIONS))
        regions_label = None if regions_source is None else qgis_io.layer_label(parameters[self.REGIONS], context)
        region_field = None if regions_source is None else qgis_io.resolve_field(
            regions_source, self.parameterAsString(parameters, self.REGION_FIELD, context), regions_label)
        target = self.parameterAsDouble(parameters, self.TARGET, context)
        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        wants_timeline = bool(html_path) or bool(parameters.get(self.OUTPUT_TIMELINE))
        wants_categories = bool(html_path) or bool(parameters.get(self.OUTPUT_CATEGORIES))
        if wants_categories:
            self.log_layers_without_categories(layers, feedback)

        crs, first_crs, extent = equal_area_crs(layers + ([regions_source] if regions_source else []), context)
        feedback.pushInfo(self.tr('Areas are computed in {crs}.').format(crs=crs.toProj()))
        steps = QgsProcessingMultiStepFeedback(3, feedback)
        flattened, summary = self.clean_and_flatten(layers, crs, self.cleaning_options(parameters, context),
                                                    wants_timeline, context, steps, wants_categories)
        steps.setCurrentStep(1)
        regions = self.read_regions(regions_source, regions_label, region_field, crs, first_crs, extent, context, steps)
        steps.setCurrentStep(2)
        categorised = flattened.categorised
        pieces = categorised.pieces if categorised else flattened.pieces
        executor = qgis_io.engine_executor(feedback, small=len(regions) < 2 or len(pieces) < PARALLEL_MIN_PIECES)
        with qgis_io.engine_errors():
            frame, clipped = engine.coverage_from_pieces(
                pieces, [(region.key, region.geometry) for region in regions], qgis_io.engine_feedback(steps),
                executor)
        if feedback.isCanceled():
            raise qgis_io.cancelled()
        frame = engine.add_target(frame, target)
        categories = engine.category_coverage(frame, clipped, categorised.categories) if categorised else None
        timeline = self.timeline(flattened, clipped, regions, frame, feedback) if wants_timeline else None

        results = self.summary_numbers(frame, target, feedback)
        out_crs = regions_source.sourceCrs() if regions_source is not None else first_crs
        key_field = regions_source.fields().field(region_field) if region_field else None
        results[self.OUTPUT] = self.write_coverage(parameters, context, frame, regions, out_crs, key_field)
        if parameters.get(self.OUTPUT_FLAT):
            results[self.OUTPUT_FLAT] = self.write_flat(parameters, context, flattened.units, crs, first_crs)
        if timeline is not None and parameters.get(self.OUTPUT_TIMELINE):
            results[self.OUTPUT_TIMELINE] = self.write_timeline(parameters, context, timeline[0])
        if categories is not None and parameters.get(self.OUTPUT_CATEGORIES):
            results[self.OUTPUT_CATEGORIES] = self.write_categories(parameters, context, categories, key_field)
        if html_path:
            labels = {region.key: region.label for region in regions}
            self.coverage_report(frame.assign(region=[region.label for region in regions]), target, timeline, summary,
                                 categories.assign(region=[labels[key] for key in categories['region']])
                                 ).write(html_path)
            results[self.OUTPUT_HTML] = html_path
        return results

    def log_layers_without_categories(self, layers, feedback):
        for layer in layers:
            if engine.IUCN_FIELD not in wdpa_fields(layer).values():
                feedback.pushInfo(self.tr('Layer "{layer}" has no IUCN_CAT field: all its areas count as '
                                          '"Not Reported" in the coverage per IUCN category.').format(
                    layer=qgis_io.layer_label(layer)))

    def timeline(self, flattened, clipped, regions, frame, feedback):
        """(coverage by year, km2 without a year) over all regions, and a log line about the undated area.

        ``clipped``: the coverage's clipped_areas; when the coverage was measured on the IUCN category pieces,
        which are not the earliest-year pieces, those are clipped to the regions again.
        """
        if flattened.categorised is not None and flattened.categorised.pieces is not flattened.pieces:
            clipped = engine.clipped_areas(flattened.pieces, [region.geometry for region in regions])
        timeline = engine.coverage_timeline(flattened.years, clipped, engine.totals(frame)[0])
        if timeline[1] > 0:
            feedback.pushInfo(self.tr('{km2:.2f} km2 is protected only by areas without an establishment year '
                                      '(STATUS_YR); the timeline leaves it out.').format(km2=timeline[1]))
        return timeline

    def summary_numbers(self, frame, target, feedback):
        """The numeric outputs, also said in the log."""
        score = engine.representativeness(frame, target)
        _area, protected, percent = engine.totals(frame)
        feedback.pushInfo(self.tr('{meeting} of {count} regions reach {target:.1f} %; all regions together: '
                                  '{percent:.2f} % protected.').format(
            meeting=score.meeting_target, count=score.region_count, target=target, percent=percent))
        return {self.REGIONS_MEETING_TARGET: score.meeting_target, self.REGION_COUNT: score.region_count,
                self.REPRESENTATIVENESS: score.share_percent, self.UNPROTECTED_REGIONS: score.unprotected,
                self.PROTECTED_PERCENT: percent, self.PROTECTED_KM2: protected}

    def read_regions(self, source, name, field_name, crs, first_crs, extent, context, feedback):
        """Regions with their geometry in ``crs`` and in the output CRS; without REGIONS the protected extent."""
        if source is None:
            rectangle = QgsGeometry.fromRect(extent).densifyByCount(64)
            geometry = qgis_io.to_shapely(qgis_io.transform_geometry(qgis_io.to_shapely(rectangle), first_crs, crs,
                                                                      context))
            label = self.tr('Extent of the protected areas')
            return [Region(label, geometry, rectangle, label)]
        features = qgis_io.read_polygons(source, name, crs, context, feedback, max_segment(source))
        if feedback.isCanceled():
            raise qgis_io.cancelled()
        if not features:
            raise QgsProcessingException(self.tr(
                'The regions layer "{layer}" has no features: choose a layer with the regions to measure, or leave '
                'REGIONS empty to measure the extent of the protected areas.').format(layer=name))
        qgis_io.require_geometries(features, name)
        regions = []
        for key, fid, parts in group_regions(features, field_name):
            geometry = unary_union(parts) if len(parts) > 1 else parts[0]
            output_geometry = qgis_io.transform_geometry(geometry, crs, source.sourceCrs(), context)
            regions.append(Region(key, geometry, output_geometry, str(fid) if key is None else str(key)))
        with qgis_io.engine_errors():
            require_disjoint_regions([region.geometry for region in regions], [region.label for region in regions],
                                     name)
        return regions

    def write_coverage(self, parameters, context, frame, regions, out_crs, key_field):
        key_field = (QgsField(key_field) if key_field is not None
                     else make_field('region', FieldType.String, 'string', 254))
        fields = make_fields(key_field, double_field('area_km2'), double_field('protected_km2'),
                             double_field('percent'), double_field('gap_km2'),
                             make_field('meets_target', FieldType.Bool))
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, WkbType.MultiPolygon,
                                             out_crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        columns = frame[['region', 'area_km2', 'protected_km2', 'percent', 'gap_km2', 'meets_target']]
        geometries = [self.multipolygon(region.output_geometry) for region in regions]
        write_rows(sink, fields, columns, self.OUTPUT, geometries)
        qgis_io.style_output_on_load(context, dest_id, 'coverage')
        return dest_id

    @staticmethod
    def multipolygon(geometry):
        geometry = QgsGeometry(geometry)
        geometry.convertToMultiType()
        return geometry

    def write_flat(self, parameters, context, units, crs, out_crs):
        fields = make_fields(make_field('unit_id', FieldType.Int), double_field('area_km2'))
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT_FLAT, context, fields, WkbType.MultiPolygon,
                                             out_crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_FLAT))
        for index, unit in enumerate(units):
            feature = QgsFeature(fields)
            feature.setAttributes([index + 1, float(unit.area / engine.M2_PER_KM2)])
            feature.setGeometry(self.multipolygon(qgis_io.transform_geometry(unit, crs, out_crs, context)))
            qgis_io.add_feature(sink, feature, self.OUTPUT_FLAT)
        qgis_io.style_output_on_load(context, dest_id, 'protected_flat')
        return dest_id

    def write_timeline(self, parameters, context, frame):
        fields = make_fields(make_field('year', FieldType.Int), double_field('added_km2'),
                             double_field('protected_km2'), double_field('percent'))
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT_TIMELINE, context, fields, WkbType.NoGeometry,
                                             QgsCoordinateReferenceSystem())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_TIMELINE))
        write_rows(sink, fields, frame[['year', 'added_km2', 'protected_km2', 'percent']], self.OUTPUT_TIMELINE)
        return dest_id

    def write_categories(self, parameters, context, frame, key_field):
        key_field = (QgsField(key_field) if key_field is not None
                     else make_field('region', FieldType.String, 'string', 254))
        fields = make_fields(key_field, make_field('iucn_cat', FieldType.String, 'string', 20),
                             double_field('area_km2'), double_field('percent'))
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT_CATEGORIES, context, fields,
                                             WkbType.NoGeometry, QgsCoordinateReferenceSystem())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_CATEGORIES))
        write_rows(sink, fields, frame[['region', 'iucn_cat', 'area_km2', 'percent']], self.OUTPUT_CATEGORIES)
        return dest_id

    def coverage_report(self, frame, target, timeline, summary, categories):
        """The HTML report: summary, cleaning steps, coverage per region, by IUCN category and over time,
        species-area table."""
        score = engine.representativeness(frame, target)
        total_area, total_protected, total_percent = engine.totals(frame)
        report = engine_report.HtmlReport(self.tr('Protected-area coverage'), report_language())
        report.paragraph(self.tr('All regions: {area:,.2f} km2, of which {protected:,.2f} km2 ({percent:.2f} %) is '
                                 'protected. {meeting} of {count} regions ({share:.1f} %) reach the target of '
                                 '{target:.1f} %; regions less than 1 % protected: {unprotected}.').format(
            area=total_area, protected=total_protected, percent=total_percent, meeting=score.meeting_target,
            count=score.region_count, share=score.share_percent, target=target, unprotected=score.unprotected))
        report.heading(self.tr('Cleaning of the protected areas'))
        report.bullet_list(summary)
        report.heading(self.tr('Coverage per region'))
        labels = frame['region'].tolist()
        report.figure(engine_report.bar_chart(labels, frame['percent'].tolist(), target,
                                              self.tr('Coverage per region'), self.tr('Protected (%)'),
                                              self.tr('Target {:.1f} %').format(target)))
        shown = frame.assign(meets_target=[self.tr('yes') if value else self.tr('no')
                                                          for value in frame['meets_target']])
        report.table(shown, columns={
            'region': self.tr('Region'), 'area_km2': self.tr('Area (km2)'), 'protected_km2': self.tr('Protected (km2)'),
            'percent': self.tr('Protected (%)'), 'gap_km2': self.tr('Gap to target (km2)'),
            'meets_target': self.tr('Meets target')})
        self.category_section(report, categories)
        if timeline is not None:
            self.timeline_section(report, timeline, target)
        add_species_area_section(report, total_percent, target)
        return report

    def category_section(self, report, categories):
        report.heading(self.tr('Coverage per IUCN category'))
        report.paragraph(self.tr('Overlaps go to the strictest category (Ia > Ib > II > III > IV > V > VI > not '
                                 'reported), then to the earliest establishment year, as wdpar does; the categories '
                                 'of a region add up to its protected area.'))
        if categories.empty:
            report.paragraph(self.tr('No region holds protected land.'))
            return
        report.figure(engine_report.stacked_bar_chart(
            *engine.category_shares(categories), title=self.tr('Coverage per IUCN category'),
            value_label=self.tr('Protected (%)')))
        report.table(categories, columns={'region': self.tr('Region'), 'iucn_cat': self.tr('IUCN category'),
                                          'area_km2': self.tr('Protected (km2)'), 'percent': self.tr('Protected (%)')})

    def timeline_section(self, report, timeline, target):
        frame, undated_km2 = timeline
        report.heading(self.tr('Coverage over time'))
        if frame.empty:
            report.paragraph(self.tr('No protected area has an establishment year (STATUS_YR).'))
            return
        report.figure(engine_report.line_chart(frame['year'].tolist(), frame['percent'].tolist(), target,
                                               self.tr('Path toward the target'), self.tr('Year'),
                                               self.tr('Protected (%)'), self.tr('Target {:.1f} %').format(target)))
        if undated_km2 > 0:
            report.paragraph(self.tr('{km2:,.2f} km2 is protected only by areas without an establishment year and is '
                                     'not in this timeline.').format(km2=undated_km2))
        report.table(frame, columns={'year': self.tr('Year'), 'added_km2': self.tr('Added (km2)'),
                                     'protected_km2': self.tr('Protected (km2)'), 'percent': self.tr('Protected (%)')})


# --- habitatcoverage --------------------------------------------------------------------------------------------

class HabitatCoverageAlgorithm(ProtectedAreasInput, ReservePlannerAlgorithm):
    """Protected share of each species' range or habitat, per group, and the Species Protection Index."""

    ALGORITHM_ID = 'habitatcoverage'
    GROUP_ID = 'coverage'
    ICON = 'habitatcoverage.svg'

    SPECIES = 'SPECIES'
    SPECIES_FIELD = 'SPECIES_FIELD'
    GROUP_FIELD = 'GROUP_FIELD'
    HABITAT_RASTERS = 'HABITAT_RASTERS'
    RASTER_GROUP = 'RASTER_GROUP'
    BOUNDARY = 'BOUNDARY'
    OUTPUT = 'OUTPUT'
    OUTPUT_GROUPS = 'OUTPUT_GROUPS'
    OUTPUT_HTML = 'OUTPUT_HTML'
    SPI = 'SPI'
    SPECIES_COUNT = 'SPECIES_COUNT'
    HABITAT_PROTECTED_PERCENT = 'HABITAT_PROTECTED_PERCENT'

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr('Habitat coverage and Species Protection Index')

    def shortHelpString(self):  # noqa: N802 (QGIS API name)
        return self.tr(
            'How much of each species\' range or habitat is protected, per group (e.g. threatened mammals: the '
            'share of their habitat protected), and the Map of Life Species Protection Index.\n'
            'SPECIES (optional): range polygons; SPECIES_FIELD names the species (several features of one '
            'species are merged); GROUP_FIELD (optional) groups them, e.g. by class. HABITAT_RASTERS (optional): one '
            'raster per species, cells > 0 are habitat; the species is named after the layer and belongs to '
            'RASTER_GROUP. Give '
            'ranges, rasters or both. PROTECTED and the cleaning switches: as in Protected-area coverage. BOUNDARY '
            '(optional): the region of the analysis; ranges are clipped to it and its share of each range weights '
            'the SPI.\n'
            'Per species: range_km2 (the range inside the boundary), protected_km2 (inside the boundary), percent, '
            'target_pct (Map of Life target, set by the WHOLE range, boundary or not: 100 % of ranges under '
            '10 000 km2, 15 % from 250 000 km2, linear in log10(area) between; for a habitat raster the whole range '
            'is all the habitat in the raster), sps = min(100, 100 x protected_km2 / (target x range_km2)), Map of '
            'Life\'s national score: the region is asked to protect the target share of the part of the range it '
            'holds, and region_share = range_km2 / whole range. Areas are in km2 in an equal-area '
            'projection centred on the data (rasters: their cell areas, exact on geographic grids). OUTPUT_GROUPS '
            '(optional, created by default in the Toolbox): '
            'per group the species count, habitat and protected km2, percent of the habitat protected and the '
            'group\'s SPI. SPI: the mean SPS weighted by region_share. OUTPUT_HTML (optional): a report '
            'with tables and charts.')

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.SPECIES, self.tr('Species ranges'), [ProcessingSourceType.VectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.SPECIES_FIELD, self.tr('Species name field'), parentLayerParameterName=self.SPECIES, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.GROUP_FIELD, self.tr('Group field (e.g. class)'), parentLayerParameterName=self.SPECIES,
            optional=True))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.HABITAT_RASTERS, self.tr('Habitat rasters (one per species, cells > 0 are habitat)'),
            ProcessingSourceType.Raster, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.RASTER_GROUP, self.tr('Group of the habitat rasters'), defaultValue='', optional=True))
        self.add_protected_parameter()
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.BOUNDARY, self.tr('Region of the analysis'), [ProcessingSourceType.VectorPolygon], optional=True))
        self.add_cleaning_parameters()
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr('Protection per species'), ProcessingSourceType.Vector))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_GROUPS, self.tr('Protection per group'), ProcessingSourceType.Vector, optional=True,
            createByDefault=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_HTML, self.tr('Habitat coverage report'), self.tr('HTML files (*.html)'), optional=True,
            createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber(self.SPI, self.tr('Species Protection Index')))
        self.addOutput(QgsProcessingOutputNumber(self.SPECIES_COUNT, self.tr('Number of species')))
        self.addOutput(QgsProcessingOutputNumber(self.HABITAT_PROTECTED_PERCENT,
                                                 self.tr('Share of all habitat protected (%)')))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        layers = self.protected_layers(parameters, context)
        species_source = self.parameterAsSource(parameters, self.SPECIES, context)
        species_label = None if species_source is None else qgis_io.layer_label(parameters[self.SPECIES], context)
        species_field, group_field = (None if species_source is None else qgis_io.resolve_field(
            species_source, self.parameterAsString(parameters, name, context), species_label)
            for name in (self.SPECIES_FIELD, self.GROUP_FIELD))
        rasters = [layer for layer in self.parameterAsLayerList(parameters, self.HABITAT_RASTERS, context)
                   if isinstance(layer, QgsRasterLayer)]
        raster_group = self.parameterAsString(parameters, self.RASTER_GROUP, context) or self.tr('Habitat rasters')
        boundary_source = self.parameterAsSource(parameters, self.BOUNDARY, context)
        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        if species_source is None and not rasters:
            raise QgsProcessingException(self.tr('Give species ranges (SPECIES) or habitat rasters (HABITAT_RASTERS), '
                                                 'or both.'))
        if species_source is not None and not species_field:
            raise QgsProcessingException(self.tr('Choose the field that names the species (SPECIES_FIELD).'))

        vector_sources = layers + [source for source in (species_source, boundary_source) if source is not None]
        crs, _first_crs, _extent = equal_area_crs(vector_sources, context)
        steps = QgsProcessingMultiStepFeedback(4, feedback)
        flattened, summary = self.clean_and_flatten(layers, crs, self.cleaning_options(parameters, context), False,
                                                    context, steps)
        boundary = None if boundary_source is None else self.read_boundary(
            boundary_source, qgis_io.layer_label(parameters[self.BOUNDARY], context), crs, context, steps)
        steps.setCurrentStep(1)
        tables = []
        if species_source is not None:
            tables.append(self.range_species(species_source, species_label, species_field, group_field, flattened,
                                             boundary, crs, context, steps))
        steps.setCurrentStep(2)
        if rasters:
            tables.append(self.raster_species(rasters, raster_group, flattened.units, boundary, crs, context, steps))
        if feedback.isCanceled():
            raise qgis_io.cancelled()
        species = pd.concat(tables, ignore_index=True)
        groups = engine.group_table(species)
        spi = engine.species_protection_index(species['sps'], species['region_share'])
        habitat = float(species['range_km2'].sum())
        habitat_percent = 100.0 * float(species['protected_km2'].sum()) / habitat if habitat > 0 else 0.0

        results = {self.SPI: spi, self.SPECIES_COUNT: len(species), self.HABITAT_PROTECTED_PERCENT: habitat_percent}
        results[self.OUTPUT] = self.write_species(parameters, context, species)
        if parameters.get(self.OUTPUT_GROUPS):
            results[self.OUTPUT_GROUPS] = self.write_groups(parameters, context, groups)
        if html_path:
            self.habitat_report(species, groups, spi, summary).write(html_path)
            results[self.OUTPUT_HTML] = html_path
        feedback.pushInfo(self.tr('{count} species; Species Protection Index {spi:.1f}.').format(
            count=len(species), spi=spi))
        return results

    def read_boundary(self, source, name, crs, context, feedback):
        """The union of the BOUNDARY features (layer ``name``) in ``crs``."""
        features = qgis_io.read_polygons(source, name, crs, context, feedback, max_segment(source))
        if feedback.isCanceled():
            raise qgis_io.cancelled()
        qgis_io.require_geometries(features, name)
        return unary_union([item.geometry for item in features])

    def range_species(self, source, name, species_field, group_field, flattened, boundary, crs, context, feedback):
        """engine.species_table of the range polygons (layer ``name``; one row per species, features of a species
        merged)."""
        features = qgis_io.read_polygons(source, name, crs, context, feedback, max_segment(source))
        if feedback.isCanceled():
            raise qgis_io.cancelled()
        qgis_io.warn_if_empty(features, name, feedback)
        qgis_io.require_geometries(features, name)
        ranges, groups = {}, {}
        for item in features:
            species = attribute_value(item.attributes.get(species_field))
            if species is None or not str(species).strip():
                raise QgsProcessingException(self.tr(
                    'Feature {fid} of layer "{layer}" has no species name in field "{field}": fill it in or filter '
                    'the layer, then run again.').format(fid=item.fid, layer=name, field=species_field))
            ranges.setdefault(str(species), []).append(item.geometry)
            group = attribute_value(item.attributes.get(group_field)) if group_field else None
            groups.setdefault(str(species), self.tr('(no group)') if group is None else str(group))
        names = sorted(ranges)
        geometries = [unary_union(ranges[species]) for species in names]
        with qgis_io.engine_errors():
            range_km2, protected_km2, whole_km2 = engine.range_coverage(geometries, flattened.pieces, boundary,
                                                                        qgis_io.engine_feedback(feedback))
        return engine.species_table(names, [groups[species] for species in names], range_km2, protected_km2,
                                    whole_km2)

    def raster_species(self, rasters, group, units, boundary, crs, context, feedback):
        """engine.species_table of the habitat rasters (one row per raster, named after the layer)."""
        rows = []
        whole = qgis_io.engine_feedback(feedback)
        for index, layer in enumerate(rasters):
            part = whole.part(index / len(rasters), (index + 1) / len(rasters))
            rows.append(self.raster_row(layer, units, boundary, crs, context, part))
            if rows[-1][2] == 0:
                feedback.pushWarning(self.tr(
                    'The habitat raster "{layer}" has no habitat cell (every cell is nodata or 0): it still counts '
                    'as a species, with no habitat. Check the raster, or leave it out of HABITAT_RASTERS.').format(
                    layer=qgis_io.layer_label(layer)))
        range_km2, protected_km2, whole_km2 = (list(column) for column in zip(*rows))
        return engine.species_table([layer.name() for layer in rasters], [group] * len(rows), range_km2,
                                    protected_km2, whole_km2)

    def raster_row(self, layer, units, boundary, crs, context, feedback):
        """(habitat km2 in the region, protected km2, all the raster's habitat km2) of one habitat raster; polygons
        burnt by cell centre; ``feedback``: an engine.feedback.Feedback."""
        raster_crs = layer.crs()
        if not raster_crs.isGeographic() and not qgis_io.is_metric(raster_crs):
            raise QgsProcessingException(self.tr(
                'The habitat raster "{layer}" is in {crs}, whose cells do not have true areas: warp it to an '
                'equal-area or UTM projection (Raster > Projections > Warp) and run again.').format(
                layer=layer.name(), crs=raster_crs.authid()))
        protected = [self.in_crs(unit, crs, raster_crs, context) for unit in units]
        region = None if boundary is None else self.in_crs(boundary, crs, raster_crs, context)
        with qgis_io.engine_errors():
            return engine.raster_habitat_coverage(layer.source(), protected, region, raster_crs.isGeographic(),
                                                  feedback=feedback)

    @staticmethod
    def in_crs(geometry, crs, target_crs, context):
        """A shapely geometry reprojected from ``crs`` to ``target_crs``."""
        return qgis_io.to_shapely(qgis_io.transform_geometry(geometry, crs, target_crs, context))

    def write_species(self, parameters, context, frame):
        fields = make_fields(make_field('species', FieldType.String, 'string', 254),
                             make_field('group', FieldType.String, 'string', 254), double_field('range_km2'),
                             double_field('protected_km2'), double_field('percent'), double_field('target_pct'),
                             double_field('sps'), double_field('region_share'))
        return self.write_table(parameters, self.OUTPUT, context, fields, frame)

    def write_groups(self, parameters, context, frame):
        fields = make_fields(make_field('group', FieldType.String, 'string', 254),
                             make_field('species_count', FieldType.Int),
                             double_field('range_km2'), double_field('protected_km2'), double_field('percent'),
                             double_field('spi'))
        return self.write_table(parameters, self.OUTPUT_GROUPS, context, fields, frame)

    def write_table(self, parameters, name, context, fields, frame):
        sink, dest_id = self.parameterAsSink(parameters, name, context, fields, WkbType.NoGeometry,
                                             QgsCoordinateReferenceSystem())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, name))
        write_rows(sink, fields, frame[[field.name() for field in fields]], name)
        return dest_id

    def habitat_report(self, species, groups, spi, summary):
        report = engine_report.HtmlReport(self.tr('Habitat coverage and Species Protection Index'), report_language())
        report.paragraph(self.tr('{count} species; Species Protection Index (SPI) {spi:.1f} of 100.').format(
            count=len(species), spi=spi))
        report.heading(self.tr('Protection per group'))
        report.figure(engine_report.bar_chart(groups['group'].tolist(), groups['percent'].tolist(), None,
                                              self.tr('Share of each group\'s habitat protected'),
                                              self.tr('Protected (%)')))
        report.table(groups, columns={
            'group': self.tr('Group'), 'species_count': self.tr('Species'), 'range_km2': self.tr('Habitat (km2)'),
            'protected_km2': self.tr('Protected (km2)'), 'percent': self.tr('Protected (%)'), 'spi': self.tr('SPI')})
        report.heading(self.tr('Protection per species'))
        report.table(species, columns={
            'species': self.tr('Species'), 'group': self.tr('Group'), 'range_km2': self.tr('Range (km2)'),
            'protected_km2': self.tr('Protected (km2)'), 'percent': self.tr('Protected (%)'),
            'target_pct': self.tr('Target (%)'), 'sps': self.tr('SPS'),
            'region_share': self.tr('Share of range in region')})
        report.heading(self.tr('Cleaning of the protected areas'))
        report.bullet_list(summary)
        return report


# --- speciesarea ------------------------------------------------------------------------------------------------

class SpeciesAreaAlgorithm(ReservePlannerAlgorithm):
    """The species-area arithmetic of docs/species_area.md as a calculator."""

    ALGORITHM_ID = 'speciesarea'
    GROUP_ID = 'coverage'
    ICON = 'speciesarea.svg'

    COVERAGE = 'COVERAGE'
    Z = 'Z'
    SPECIES_SHARE = 'SPECIES_SHARE'
    OUTPUT = 'OUTPUT'
    PERSISTING_PERCENT = 'PERSISTING_PERCENT'
    AREA_NEEDED_PERCENT = 'AREA_NEEDED_PERCENT'

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr('Species-area calculator')

    def shortHelpString(self):  # noqa: N802 (QGIS API name)
        return self.tr(
            'The species-area relationship S = c A^z (the Half-Earth arithmetic): when habitat shrinks to a share a of '
            'its original area, a share a^z of the species is expected to persist; keeping a share f of the species '
            'needs f^(1/z) of the area. Protecting half keeps 0.5^0.25 = 84 %, keeping 15 % keeps 0.15^0.25 = 62 %.\n'
            'COVERAGE: the share of habitat kept (e.g. protected), in %. Z: the exponent (about 0.25; 0.15 to 0.4). '
            'SPECIES_SHARE: the share of species to keep, in %.\n'
            'PERSISTING_PERCENT: species expected to persist at COVERAGE; AREA_NEEDED_PERCENT: habitat needed for '
            'SPECIES_SHARE. OUTPUT: a table of both for z = 0.15 ... 0.4 and Z.')

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterNumber(
            self.COVERAGE, self.tr('Share of habitat kept (%)'), ProcessingNumberParameterType.Double,
            defaultValue=engine.GBF_TARGET_PERCENT, minValue=0.0, maxValue=100.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.Z, self.tr('Species-area exponent z'), ProcessingNumberParameterType.Double,
            defaultValue=species_area.DEFAULT_Z, minValue=0.01, maxValue=1.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.SPECIES_SHARE, self.tr('Share of species to keep (%)'), ProcessingNumberParameterType.Double,
            defaultValue=90.0, minValue=0.0, maxValue=100.0))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr('Species-area table'), ProcessingSourceType.Vector))
        self.addOutput(QgsProcessingOutputNumber(self.PERSISTING_PERCENT, self.tr('Species persisting (%)')))
        self.addOutput(QgsProcessingOutputNumber(self.AREA_NEEDED_PERCENT, self.tr('Habitat needed (%)')))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        coverage = self.parameterAsDouble(parameters, self.COVERAGE, context) / 100.0
        z = self.parameterAsDouble(parameters, self.Z, context)
        species_share = self.parameterAsDouble(parameters, self.SPECIES_SHARE, context) / 100.0
        with qgis_io.engine_errors():
            persisting = 100.0 * species_area.persisting_share(coverage, z)
            needed = 100.0 * species_area.area_needed(species_share, z)
            table = species_area.species_area_table(coverage, species_share,
                                                    species_area.TYPICAL_Z_VALUES + (z,))
        fields = make_fields(double_field('z'), double_field('persisting_pct'), double_field('area_needed_pct'))
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, WkbType.NoGeometry,
                                             QgsCoordinateReferenceSystem())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        write_rows(sink, fields, table, self.OUTPUT)
        feedback.pushInfo(self.tr('With {coverage:.1f} % of the habitat, {persisting:.1f} % of the species are '
                                  'expected to persist (z = {z}); keeping {share:.1f} % of them needs {needed:.1f} % '
                                  'of the habitat.').format(coverage=100 * coverage, persisting=persisting, z=z,
                                                     share=100 * species_share, needed=needed))
        return {self.OUTPUT: dest_id, self.PERSISTING_PERCENT: persisting, self.AREA_NEEDED_PERCENT: needed}
