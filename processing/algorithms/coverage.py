"""Processing algorithm ``protectedcoverage``: protected-area coverage per region (WDPA-style cleaning, coverage
over time, IUCN categories). The computation is in engine/coverage.py, the shared protected-area input in
processing/protected_areas.py.
"""


from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsField,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
)

from ..compat import (
    FieldType,
    ProcessingNumberParameterType,
    ProcessingSourceType,
    WkbType,
    make_field,
)
from .. import qgis_io
from ..qgis_io import double_field
from ..engine import coverage as engine
from ..engine import report as engine_report
from ..protected_areas import (
    ProtectedAreasInput,
    add_species_area_section,
    equal_area_crs,
    multipolygon,
    read_regions,
    wdpa_fields,
    write_rows,
)
from .base import ReservePlannerAlgorithm, keywords

PARALLEL_MIN_PIECES = 5000
"""Protected pieces below which measuring them in every region is faster in one process than with workers."""


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

    ADVANCED = ProtectedAreasInput.ADVANCED

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr('Protected-area coverage')

    def shortDescription(self):  # noqa: N802 (QGIS API name)
        return self.tr('Share of each region covered by cleaned protected areas, against a target such as 30 x 30.')

    def tags(self):
        return keywords(self.tr('protected area,coverage,WDPA,30x30,GBF,Target 3,wdpar,IUCN,gap analysis'))

    def summary(self):
        return [
            self.tr('Share of each region covered by protected areas, cleaned the way Protected Planet and wdpar '
                    'do it, against a target such as the GBF Target 3 (30 %).'),
            self.tr('Areas are computed in a Lambert azimuthal equal-area projection centred on the data, '
                    'whatever the input CRSs (CGCS2000 regions and WGS 84 protected areas together work).'),
            self.tr('Outputs: the regions with area_km2, protected_km2, percent, gap_km2 (protected area still '
                    'needed to reach the target) and meets_target; optionally the cleaned protected areas, '
                    'coverage over time, coverage per IUCN category and an HTML report.'),
            self.tr('Numbers: REGIONS_MEETING_TARGET, REGION_COUNT, REPRESENTATIVENESS (% of regions meeting the '
                    'target), UNPROTECTED_REGIONS (< 1 % covered), PROTECTED_PERCENT and PROTECTED_KM2 over all '
                    'regions.'),
        ]

    def parameter_help(self):
        return {
            **self.protected_help(),
            self.REGIONS: [
                self.tr('Provinces, ecoregions... that do not overlap (the totals add them up).'),
                self.tr('Without it, one row for the rectangle enclosing the protected areas.'),
            ],
            self.REGION_FIELD: [
                self.tr('Features with the same value are the parts of one region (a multi-part ecoregion), '
                        'dissolved into one row, and the region counts are counts of these regions.'),
                self.tr('A feature whose value is NULL, or every feature without this field, is a region of its '
                        'own, named by its feature id.'),
            ],
            self.TARGET: [
                self.tr('The target coverage in %.'),
            ],
            self.OUTPUT_FLAT: [
                self.tr("The cleaned, dissolved protected areas, in the first PROTECTED layer's CRS."),
            ],
            self.OUTPUT_TIMELINE: [
                self.tr('Coverage of all regions by establishment year (STATUS_YR; each area counted from its '
                        'earliest year).'),
            ],
            self.OUTPUT_CATEGORIES: [
                self.tr('One row per region and IUCN category present, with iucn_cat, area_km2 and percent (of '
                        'the region).'),
                self.tr('As wdpar does, overlaps are erased in priority order IUCN_CAT Ia > Ib > II > III > IV > '
                        'V > VI > Not Reported, then earliest STATUS_YR, so the categories of a region add up to '
                        'its protected_km2.'),
                self.tr('An area without IUCN_CAT or with another value counts as Not Reported.'),
            ],
            self.OUTPUT_HTML: [
                self.tr('The cleaning summary, tables and charts of coverage per region, by IUCN category and '
                        'over time, and the species-area arithmetic.'),
            ],
        }

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
        regions = read_regions(regions_source, regions_label, region_field, crs, first_crs, extent, context, steps)
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

    def write_coverage(self, parameters, context, frame, regions, out_crs, key_field):
        key_field = (QgsField(key_field) if key_field is not None
                     else make_field('region', FieldType.String, 'string', 254))
        fields = qgis_io.make_fields(key_field, double_field('area_km2'), double_field('protected_km2'),
                             double_field('percent'), double_field('gap_km2'),
                             make_field('meets_target', FieldType.Bool))
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, WkbType.MultiPolygon,
                                             out_crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        columns = frame[['region', 'area_km2', 'protected_km2', 'percent', 'gap_km2', 'meets_target']]
        geometries = [multipolygon(region.output_geometry) for region in regions]
        write_rows(sink, fields, columns, self.OUTPUT, geometries)
        qgis_io.style_output_on_load(context, dest_id, 'coverage')
        return dest_id

    def write_flat(self, parameters, context, units, crs, out_crs):
        fields = qgis_io.make_fields(make_field('unit_id', FieldType.Int), double_field('area_km2'))
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT_FLAT, context, fields, WkbType.MultiPolygon,
                                             out_crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_FLAT))
        for index, unit in enumerate(units):
            feature = QgsFeature(fields)
            feature.setAttributes([index + 1, float(unit.area / engine.M2_PER_KM2)])
            feature.setGeometry(qgis_io.output_polygon(unit, crs, out_crs, context, max_segment=None))
            qgis_io.add_feature(sink, feature, self.OUTPUT_FLAT)
        qgis_io.style_output_on_load(context, dest_id, 'protected_flat')
        return dest_id

    def write_timeline(self, parameters, context, frame):
        fields = qgis_io.make_fields(make_field('year', FieldType.Int), double_field('added_km2'),
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
        fields = qgis_io.make_fields(key_field, make_field('iucn_cat', FieldType.String, 'string', 20),
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
        report = engine_report.HtmlReport(self.tr('Protected-area coverage'), qgis_io.report_language())
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
