"""OECM algorithms: screen and score candidate sites, and select a set of them toward a coverage target
(docs/oecm.md).

Adapters only: engine/scoring.py screens and scores, engine/zonal.py summarises rasters, engine/coverage.py
measures overlaps, engine/connectivity.py gives ProtConn gains, engine/selection.py picks sites and
engine/report.py writes the HTML report.
"""

import re

import numpy as np
import pandas as pd
from qgis.core import (
    QgsProviderRegistry,
    QgsFeature,
    QgsFields,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..compat import (
    FieldType,
    ProcessingFieldParameterDataType,
    ProcessingNumberParameterType,
    ProcessingParameterFlag,
    ProcessingSourceType,
    WkbType,
    make_field,
    parameter_as_strings,
)
from .. import qgis_io, weighting
from ..qgis_io import attribute_value
from ..engine import coverage, report, scoring, selection, zonal
from ..engine.messages import EngineError
from ..engine.regions import require_disjoint_regions
from ..protected_areas import ProtectedAreasInput, dissolved_pieces
from .base import ReservePlannerAlgorithm, keywords

SCORES_STYLE = 'oecm_scores'
SELECTION_STYLE = 'oecm_selection'
ELIGIBLE_FIELD = 'eligible'
REASON_FIELD = 'screen_reason'
PROTECTED_FIELD = 'protected_pct'
SCORE_FIELD = 'score'
RANK_FIELD = 'rank'
CLASS_FIELD = 'class'
CRITERION_PREFIX = 'n_'
CONNECTIVITY_KEY = 'connectivity'


tr = qgis_io.translator('ReservePlannerOecm')


def candidate_fields(names, source, label):
    """Each field name as the candidate layer (called ``label`` in messages) spells it (None for an empty name);
    raises on a missing field."""
    return [qgis_io.resolve_field(source, name, label) for name in names]


def field_names(values):
    """Field names given as repeated parameter values, comma-separated ("GOVERNANCE,other"), or both."""
    return [name.strip() for value in values for name in value.split(',') if name.strip()]


def numeric_fields(names, source, label, parameter):
    """``candidate_fields`` for fields that must hold numbers; raises naming the first text field."""
    fields = candidate_fields(names, source, label)
    for name in fields:
        if name and not source.fields().field(name).isNumeric():
            raise QgsProcessingException(
                tr('{parameter} needs a numeric field, but field "{field}" of layer "{layer}" is of type {type}. '
                   'Convert it to numbers (e.g. the Field calculator with to_real("{field}")) or choose another '
                   'field.').format(parameter=parameter, field=name, layer=label,
                                    type=source.fields().field(name).typeName()))
    return fields


def criterion_name(layer):
    """A criterion layer's short name for its output column: its table in a GeoPackage, else the layer name."""
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    return parts.get('layerName') or layer.name()


def column_name(label, taken):
    """An output field name for a criterion: n_ + the label's letters and digits (CJK kept), made unique."""
    base = CRITERION_PREFIX + (re.sub(r'\W+', '_', label, flags=re.UNICODE).strip('_')[:28] or 'criterion')
    name, number = base, 2
    while name.lower() in taken:
        name, number = '{}_{}'.format(base, number), number + 1
    taken.add(name.lower())
    return name


class OptionalProtectedAreas(ProtectedAreasInput):
    """PROTECTED as in the coverage algorithms (one or more layers, WDPA cleaning switches), but optional."""

    def add_optional_protected_parameters(self):
        self.add_protected_parameter()
        definition = self.parameterDefinition(self.PROTECTED)
        definition.setFlags(definition.flags() | ProcessingParameterFlag.Optional)
        self.add_cleaning_parameters()

    def protected_pieces(self, parameters, crs, context, feedback):
        """Disjoint protected polygons in ``crs`` after cleaning and dissolving; [] without PROTECTED."""
        if not parameters.get(self.PROTECTED):
            return []
        cleaned = self.clean_and_flatten(self.protected_layers(parameters, context), crs,
                                         self.cleaning_options(parameters, context), False, context, feedback)
        if cleaned is None:
            raise qgis_io.cancelled()
        return cleaned[0].pieces


def share_inside(pieces, geometries):
    """Percent (0-100) of each geometry's area inside the disjoint ``pieces``; NaN where the geometry is None."""
    keyed = [(index, geometry) for index, geometry in enumerate(geometries) if geometry is not None]
    result = np.full(len(geometries), np.nan)
    if keyed:
        frame = coverage.coverage_from_pieces(pieces, keyed)[0]
        result[frame['region'].to_numpy(dtype=int)] = frame['percent'].to_numpy(dtype=float)
    return result


class ScoreOecm(OptionalProtectedAreas, ReservePlannerAlgorithm):
    """Screen candidate OECM sites (criteria A, B1 and attribute gates) and score the eligible ones."""

    ALGORITHM_ID = 'scoreoecm'
    GROUP_ID = 'oecm'
    ICON = 'scoreoecm.svg'

    CANDIDATES = 'CANDIDATES'
    OVERLAP_THRESHOLD = 'OVERLAP_THRESHOLD'
    REQUIRED_FIELDS = 'REQUIRED_FIELDS'
    CRITERIA = 'CRITERIA'
    VECTOR_CRITERIA = 'VECTOR_CRITERIA'
    ATTRIBUTE_CRITERIA = 'ATTRIBUTE_CRITERIA'
    CONNECTIVITY = 'CONNECTIVITY'
    REGIONS = 'REGIONS'
    DISTANCE = 'DISTANCE'
    DIRECTIONS = 'DIRECTIONS'
    WEIGHTS = 'WEIGHTS'
    AHP_MATRIX = 'AHP_MATRIX'
    OUTPUT = 'OUTPUT'
    OUTPUT_HTML = 'OUTPUT_HTML'
    ELIGIBLE_COUNT = 'ELIGIBLE_COUNT'
    SCREENED_COUNT = 'SCREENED_COUNT'
    CONSISTENCY_RATIO = 'CONSISTENCY_RATIO'

    ADVANCED = ProtectedAreasInput.ADVANCED + (OVERLAP_THRESHOLD, DISTANCE)

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr('Score OECM candidates')

    def shortDescription(self):  # noqa: N802 (QGIS API name)
        return self.tr('Screens candidate OECM sites and ranks the eligible ones by a weighted multi-criteria '
                       'score.')

    def tags(self):
        return keywords(self.tr('OECM,other effective area-based conservation '
                                'measures,candidate,screening,multi-criteria,AHP,score,ranking'))

    def summary(self):
        return [
            self.tr('Screens candidate sites for "other effective area-based conservation measures" (OECMs, CBD '
                    'decision 14/8) and ranks the eligible ones by a weighted multi-criteria score.'),
            self.tr('No candidate is ever dropped: screen_reason says why each screened-out site failed (A with '
                    'its percent, B1 when no valid closed boundary is left after repair, or the empty field); '
                    'eligible is false for them.'),
            self.tr('Each criterion is rescaled 0..1 by min-max over the eligible candidates (inverted for "-"); '
                    'a criterion equal for all eligible sites gives 0.5; a missing value counts as 0.'),
            self.tr('OUTPUT: every input field, eligible, screen_reason, protected_pct, one n_<criterion> column '
                    'per criterion (0..1), score (0-100 = 100 x sum of weight x normalised value), rank (1 = best '
                    'among eligible sites) and class: high (score >= 67), medium (>= 33) or low.'),
        ]

    def parameter_help(self):
        return {
            **self.protected_help(),
            self.CANDIDATES: [
                self.tr('The candidate polygons.'),
                self.tr('Invalid polygons (e.g. a bow-tie) are repaired and stay eligible.'),
            ],
            self.OVERLAP_THRESHOLD: [
                self.tr("Percent of a candidate's area inside the protected areas above which it fails criterion "
                        'A (already protected).'),
                self.tr('Default 5 %, so digitising slivers do not disqualify a site.'),
            ],
            self.REQUIRED_FIELDS: [
                self.tr('Attribute gates (criteria B2/B3), e.g. a governance field: a candidate whose field is '
                        'empty is screened out.'),
                self.tr('Give several fields as repeated values or comma-separated (GOVERNANCE,TENURE).'),
            ],
            self.CRITERIA: [
                self.tr('The mean value over each site: cells weighted by the share of the cell inside the site '
                        'for small sites, cell-centre rule for large sites, as QGIS zonal statistics; nodata '
                        'cells ignored.'),
                self.tr('Rasters may be in any CRS or resolution.'),
            ],
            self.VECTOR_CRITERIA: [
                self.tr('Polygon layers: the percent of the site inside each layer, e.g. Key Biodiversity Areas.'),
            ],
            self.ATTRIBUTE_CRITERIA: [
                self.tr('Numeric fields of the candidates used as criteria.'),
            ],
            self.CONNECTIVITY: [
                self.tr("Adds the ProtConn gain (percentage points) of the site's region when the site is added "
                        'to the protected areas, as the last criterion.'),
            ],
            self.REGIONS: [
                self.tr('Polygons of the regions for the connectivity contribution; without them the extent of '
                        'the candidates and protected areas is the region.'),
            ],
            self.DISTANCE: [
                self.tr('Median dispersal distance in metres, probability 0.5 at that distance.'),
            ],
            self.DIRECTIONS: [
                self.tr('"+" (higher is better) or "-" (lower is better, e.g. human footprint or cost) per '
                        'criterion, comma-separated; default all "+".'),
                self.tr('Criteria are in this order: raster, vector, attribute, then connectivity.'),
            ],
            self.WEIGHTS: [
                self.tr('"w1,w2,..." per criterion, in the order of the criteria (rescaled to sum 1; default '
                        'equal).'),
            ],
            self.AHP_MATRIX: [
                self.tr('A pairwise comparison matrix on Saaty\'s 1-9 scale, rows separated by ";" and values by '
                        '"," (e.g. "1,3;1/3,1").'),
                self.tr('Its principal eigenvector gives the weights; the consistency ratio CR is reported and CR '
                        '> 0.1 gives a warning.'),
            ],
            self.OUTPUT_HTML: [
                self.tr('A report with the weights, the AHP consistency, the ranking table, a chart of each '
                        "site's criterion breakdown and what was screened out and why."),
            ],
        }

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.CANDIDATES, self.tr('Candidate sites'), [ProcessingSourceType.VectorPolygon]))
        self.add_optional_protected_parameters()
        self.addParameter(QgsProcessingParameterNumber(
            self.OVERLAP_THRESHOLD, self.tr('Overlap threshold for criterion A (% of the site inside protected areas)'),
            ProcessingNumberParameterType.Double, defaultValue=scoring.DEFAULT_OVERLAP_THRESHOLD, minValue=0.0,
            maxValue=100.0))
        self.addParameter(QgsProcessingParameterField(
            self.REQUIRED_FIELDS, self.tr('Required fields (a site with any of them empty is screened out)'),
            parentLayerParameterName=self.CANDIDATES, allowMultiple=True, optional=True))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.CRITERIA, self.tr('Raster criteria (mean over each site)'), ProcessingSourceType.Raster,
            optional=True))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.VECTOR_CRITERIA, self.tr('Vector criteria (percent of the site inside each layer)'),
            ProcessingSourceType.VectorPolygon, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.ATTRIBUTE_CRITERIA, self.tr('Attribute criteria (numeric fields)'),
            parentLayerParameterName=self.CANDIDATES, type=ProcessingFieldParameterDataType.Numeric,
            allowMultiple=True, optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.CONNECTIVITY, self.tr('Add the connectivity contribution (ProtConn gain) as a criterion'),
            defaultValue=False))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.REGIONS, self.tr('Regions for the connectivity contribution'), [ProcessingSourceType.VectorPolygon],
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.DISTANCE, self.tr('Median dispersal distance for connectivity (m)'),
            ProcessingNumberParameterType.Double, defaultValue=10000.0, minValue=1.0))
        self.addParameter(QgsProcessingParameterString(
            self.DIRECTIONS, self.tr('Directions ("+" higher is better, "-" lower is better, one per criterion)'),
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.WEIGHTS, self.tr('Weights ("w1,w2,...", one per criterion)'), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.AHP_MATRIX, self.tr('AHP pairwise matrix (rows ";", values ","; replaces the weights)'),
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr('Scored candidates'), ProcessingSourceType.VectorPolygon))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_HTML, self.tr('Scoring report'), self.tr('HTML files (*.html)'), optional=True,
            createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber(self.ELIGIBLE_COUNT, self.tr('Eligible candidates')))
        self.addOutput(QgsProcessingOutputNumber(self.SCREENED_COUNT, self.tr('Screened-out candidates')))
        self.addOutput(QgsProcessingOutputNumber(self.CONSISTENCY_RATIO, self.tr('AHP consistency ratio')))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        candidates_source = qgis_io.required_source(self, parameters, self.CANDIDATES, context)
        candidates_label = qgis_io.layer_label(parameters[self.CANDIDATES], context)
        threshold = self.parameterAsDouble(parameters, self.OVERLAP_THRESHOLD, context)
        required_fields = candidate_fields(
            field_names(parameter_as_strings(self, parameters, self.REQUIRED_FIELDS, context)), candidates_source,
            candidates_label)
        rasters = self.parameterAsLayerList(parameters, self.CRITERIA, context)
        vector_layers = self.parameterAsLayerList(parameters, self.VECTOR_CRITERIA, context)
        attribute_fields = numeric_fields(
            field_names(parameter_as_strings(self, parameters, self.ATTRIBUTE_CRITERIA, context)), candidates_source,
            candidates_label, self.ATTRIBUTE_CRITERIA)
        with_connectivity = self.parameterAsBool(parameters, self.CONNECTIVITY, context)
        regions_source = self.parameterAsSource(parameters, self.REGIONS, context)
        distance = self.parameterAsDouble(parameters, self.DISTANCE, context)
        directions_text = self.parameterAsString(parameters, self.DIRECTIONS, context)
        weights_text = self.parameterAsString(parameters, self.WEIGHTS, context)
        matrix_text = self.parameterAsString(parameters, self.AHP_MATRIX, context)
        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)

        keys = [criterion_name(layer) for layer in rasters] + [criterion_name(layer) for layer in vector_layers] \
            + list(attribute_fields) + ([CONNECTIVITY_KEY] if with_connectivity else [])
        labels = keys[:-1] + [tr('connectivity (ProtConn gain)')] if with_connectivity else keys
        if not labels:
            raise QgsProcessingException(tr('No criterion was given: choose at least one raster (CRITERIA), vector '
                                            'layer (VECTOR_CRITERIA), numeric field (ATTRIBUTE_CRITERIA) or '
                                            'switch on CONNECTIVITY.'))
        with qgis_io.engine_errors():
            directions = scoring.parse_directions(directions_text, len(labels))
            weights, ahp = weighting.weights_from(weights_text, matrix_text, len(labels), feedback)

        output_crs = candidates_source.sourceCrs()
        work_crs = qgis_io.metric_crs_of([candidates_source], output_crs, context)
        steps = QgsProcessingMultiStepFeedback(4 + len(rasters) + len(vector_layers), feedback)
        candidates = qgis_io.read_polygons(candidates_source, candidates_label, work_crs, context, steps)
        qgis_io.warn_if_empty(candidates, candidates_label, feedback)
        geometries = [item.geometry for item in candidates]
        steps.setCurrentStep(1)
        protected_pieces = self.protected_pieces(parameters, work_crs, context, steps)
        if not parameters.get(self.PROTECTED):
            feedback.pushWarning(tr('No protected areas were given: criterion A (already protected) is not checked.'))
        if feedback.isCanceled():
            raise qgis_io.cancelled()
        protected_percent, reasons = self.screening(candidates, protected_pieces, required_fields, threshold)
        eligible = np.array([not item for item in reasons], dtype=bool)

        columns = []
        plans = {}
        for number, layer in enumerate(rasters):
            steps.setCurrentStep(2 + number)
            columns.append(self.raster_means(layer, geometries, work_crs, plans, context, steps))
        for number, layer in enumerate(vector_layers):
            steps.setCurrentStep(2 + len(rasters) + number)
            columns.append(share_inside(dissolved_pieces(layer, work_crs, context, steps), geometries))
        columns += [np.array([self.number(item.attributes.get(name)) for item in candidates])
                    for name in attribute_fields]
        steps.setCurrentStep(2 + len(rasters) + len(vector_layers))
        if with_connectivity:
            regions = None if regions_source is None else \
                (regions_source, qgis_io.layer_label(parameters[self.REGIONS], context))
            columns.append(self.connectivity_gains(geometries, eligible, protected_pieces, regions, distance,
                                                   work_crs, context, steps))
        if feedback.isCanceled():
            raise qgis_io.cancelled()
        values = np.column_stack(columns)
        scores = scoring.score_candidates(values, directions, weights, eligible)
        self.warn_missing(values, eligible, labels, candidates, feedback)
        self.warn_constant(scores.normalised, eligible, labels, feedback)

        steps.setCurrentStep(3 + len(rasters) + len(vector_layers))
        reason_texts = ['; '.join(qgis_io.engine_message(reason) for reason in item) for item in reasons]
        dest_id = self.write_output(parameters, context, candidates_source, candidates, keys, eligible,
                                    reason_texts, protected_percent, scores, work_crs, feedback)
        results = {self.OUTPUT: dest_id, self.ELIGIBLE_COUNT: int(eligible.sum()),
                   self.SCREENED_COUNT: int((~eligible).sum()),
                   self.CONSISTENCY_RATIO: float(ahp.consistency_ratio) if ahp else 0.0}
        if html_path:
            scoring_report(labels, weights, directions, ahp, candidates, candidates_label, eligible, reason_texts,
                           scores).write(html_path)
            results[self.OUTPUT_HTML] = html_path
        return results

    @staticmethod
    def screening(candidates, protected_pieces, required_fields, threshold):
        """Percent of each candidate inside protected areas and the ScreenReasons of each (docs/oecm.md)."""
        geometries = [item.geometry for item in candidates]
        protected_percent = share_inside(protected_pieces, geometries) if protected_pieces \
            else np.where([geometry is None for geometry in geometries], np.nan, 0.0)
        reasons = [scoring.screen_candidate(percent, item.geometry is not None,
                                            [name for name in required_fields
                                             if scoring.is_blank(attribute_value(item.attributes.get(name)))],
                                            threshold)
                   for item, percent in zip(candidates, protected_percent)]
        return protected_percent, reasons

    @staticmethod
    def number(value):
        value = attribute_value(value)
        try:
            return float(value) if value is not None else np.nan
        except (TypeError, ValueError):
            return np.nan

    @staticmethod
    def raster_means(layer, geometries, work_crs, plans, context, feedback):
        """Mean of band 1 of ``layer`` over each geometry, the geometries reprojected to the raster's CRS.

        ``plans`` caches where the sites lie on each raster grid, so rasters sharing a grid locate them once.
        """
        qgis_io.require_gdal_file(layer)
        with qgis_io.engine_errors():
            spec = zonal.grid_spec(layer.source())
            key = (spec.rows, spec.cols, tuple(spec.geotransform), layer.crs().toWkt())
            if key not in plans:
                plans[key] = zonal.plan_zonal(qgis_io.reprojected(geometries, work_crs, layer.crs(), context), spec)
            return zonal.zonal_means(layer.source(), plans[key], feedback=qgis_io.engine_feedback(feedback)).mean

    @staticmethod
    def warn_missing(values, eligible, labels, candidates, feedback):
        for column, label in enumerate(labels):
            missing = [str(item.fid) for item, value, keep in zip(candidates, values[:, column], eligible)
                       if keep and np.isnan(value)]
            if missing:
                feedback.pushWarning(tr('Criterion "{criterion}" has no value for {count} eligible candidates '
                                        '(outside the raster, only nodata, or an empty field): feature ids {ids}. '
                                        'They get 0 for it.').format(criterion=label, count=len(missing),
                                                                     ids=', '.join(missing[:20])))

    @staticmethod
    def warn_constant(normalised, eligible, labels, feedback):
        for column, label in enumerate(labels):
            values = normalised[eligible, column]
            if values.size > 1 and np.all(values == scoring.CONSTANT_CRITERION_VALUE):
                feedback.pushWarning(tr('Criterion "{criterion}" is the same for every eligible candidate: it does '
                                        'not change the ranking.').format(criterion=label))

    @staticmethod
    def connectivity_gains(geometries, eligible, protected_pieces, regions_input, distance, work_crs, context,
                           feedback):
        """ProtConn gain (percentage points) of each eligible candidate's region; NaN for the others.

        ``regions_input``: (REGIONS source, its label) or None."""
        if regions_input is not None:
            features = qgis_io.read_polygons(*regions_input, work_crs, context, feedback)
            if not features:
                raise QgsProcessingException(tr('The regions layer "{layer}" has no features: no candidate would have '
                                                'a connectivity contribution. Give a layer with the regions, or '
                                                'leave REGIONS empty.').format(layer=regions_input[1]))
            qgis_io.require_geometries(features, regions_input[1])
            regions = [item.geometry for item in features]
        else:
            regions = [scoring.study_area(geometries, protected_pieces)]
            feedback.pushInfo(tr('No REGIONS given: the connectivity contribution is measured in the rectangle '
                                 'around all candidates and protected areas.'))
        with qgis_io.engine_errors():
            return scoring.connectivity_gains(geometries, eligible, protected_pieces, regions, distance,
                                              feedback=qgis_io.engine_feedback(feedback))

    def write_output(self, parameters, context, source, candidates, keys, eligible, reasons, protected_percent,
                     scores, work_crs, feedback):
        new_fields = [make_field(ELIGIBLE_FIELD, FieldType.Bool),
                      make_field(REASON_FIELD, FieldType.String, length=254),
                      qgis_io.double_field(PROTECTED_FIELD)]
        taken = {field.name().lower() for field in new_fields} | {SCORE_FIELD, RANK_FIELD, CLASS_FIELD}
        new_fields += [qgis_io.double_field(column_name(key, taken)) for key in keys]
        new_fields += [qgis_io.double_field(SCORE_FIELD),
                       make_field(RANK_FIELD, FieldType.Int),
                       make_field(CLASS_FIELD, FieldType.String, length=10)]
        new_names = {field.name().lower() for field in new_fields}
        kept = [field for field in source.fields() if field.name().lower() not in new_names]
        replaced = [field.name() for field in source.fields() if field.name().lower() in new_names]
        if replaced:
            feedback.pushInfo(tr('Input fields replaced by this run\'s results: {fields}.').format(
                fields=', '.join(replaced)))
        fields = QgsFields()
        for field in kept + new_fields:
            fields.append(field)
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, WkbType.MultiPolygon,
                                             source.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        for index, item in enumerate(candidates):
            if feedback.isCanceled():
                raise qgis_io.cancelled()
            feature = QgsFeature(fields)
            if item.geometry is not None:
                feature.setGeometry(qgis_io.output_polygon(item.geometry, work_crs, source.sourceCrs(), context,
                                                           max_segment=None))
            score = scores.score[index]
            feature.setAttributes(
                [item.attributes.get(field.name()) for field in kept]
                + [bool(eligible[index]), reasons[index] or None, self.optional(protected_percent[index])]
                + [self.optional(value) for value in scores.normalised[index]]
                + [self.optional(score), int(scores.rank[index]) if eligible[index] else None, scores.classes[index]])
            qgis_io.add_feature(sink, feature, self.OUTPUT)
        qgis_io.style_output_on_load(context, dest_id, SCORES_STYLE)
        return dest_id

    @staticmethod
    def optional(value):
        return None if value is None or np.isnan(value) else float(value)


def scoring_report(labels, weights, directions, ahp, candidates, candidates_label, eligible, reasons, scores):
    """The HTML report of a scoring run: method, weights, AHP consistency, ranking, breakdown chart, screening."""
    page = report.HtmlReport(tr('OECM candidate scoring'), qgis_io.report_language())
    page.paragraph(tr('{total} candidate sites from "{layer}": {eligible} eligible, {screened} screened out. Each '
                      'criterion is rescaled 0..1 over the eligible sites (min-max, inverted where lower is better); '
                      'score = 100 x sum of weight x rescaled value. Classes: high >= 67, medium >= 33, low below.')
                   .format(total=len(candidates), layer=candidates_label, eligible=int(eligible.sum()),
                           screened=int((~eligible).sum())))
    page.heading(tr('Criteria and weights'))
    page.table(pd.DataFrame({'criterion': labels, 'direction': ['+' if value > 0 else '-' for value in directions],
                             'weight': [float(value) for value in weights]}),
               columns={'criterion': tr('Criterion'), 'direction': tr('Direction'), 'weight': tr('Weight')}, decimals=3)
    if ahp is not None:
        verdict = tr('consistent') if ahp.consistency_ratio <= scoring.CONSISTENCY_LIMIT else \
            tr('inconsistent: revise the pairwise comparisons')
        page.paragraph(tr('Weights from the AHP pairwise matrix (principal eigenvector): lambda_max = {lam:.3f}, '
                          'CI = {ci:.3f}, RI = {ri:.2f}, CR = {cr:.3f} ({verdict}; Saaty\'s limit 0.1).').format(
            lam=ahp.lambda_max, ci=ahp.consistency_index, ri=ahp.random_index, cr=ahp.consistency_ratio,
            verdict=verdict))
    ranked = [index for index in np.argsort(scores.rank + np.where(eligible, 0, 10 ** 9), kind='stable')
              if eligible[index]]
    names = [site_name(candidates[index]) for index in ranked]
    if ranked:
        page.heading(tr('Ranking of the eligible sites'))
        table = pd.DataFrame({'rank': [int(scores.rank[index]) for index in ranked], 'site': names,
                              'score': [float(scores.score[index]) for index in ranked],
                              'class': [translated_class(scores.classes[index]) for index in ranked]})
        headers = {'rank': tr('Rank'), 'site': tr('Site'), 'score': tr('Score (0-100)'), 'class': tr('Class')}
        for column, label in enumerate(labels):
            table['c{}'.format(column)] = [float(scores.normalised[index, column]) for index in ranked]
            headers['c{}'.format(column)] = tr('{criterion} (0..1)').format(criterion=label)
        page.table(table, columns=headers, decimals=2)
        page.figure(breakdown_chart(names, labels, weights, scores.normalised[ranked]),
                    caption=tr('Each site\'s score split into the points each criterion adds (weight x rescaled '
                               'value x 100).'))
    page.heading(tr('Screened out'))
    screened = [index for index in range(len(candidates)) if not eligible[index]]
    if screened:
        page.table(pd.DataFrame({'site': [site_name(candidates[index]) for index in screened],
                                 'reason': [reasons[index] for index in screened]}),
                   columns={'site': tr('Site'), 'reason': tr('Why')})
    else:
        page.paragraph(tr('No candidate was screened out.'))
    return page


def site_name(item):
    """A readable label for a candidate: its name-like attribute when there is one, else its feature id."""
    for key, value in item.attributes.items():
        if key.lower() in ('name', 'site', 'site_name', 'label', '名称') and attribute_value(value) not in (None, ''):
            return '{} ({})'.format(attribute_value(value), item.fid)
    return tr('feature {fid}').format(fid=item.fid)


def translated_class(name):
    return {scoring.CLASS_HIGH: tr('high'), scoring.CLASS_MEDIUM: tr('medium'), scoring.CLASS_LOW: tr('low')}.get(
        name, name)


def breakdown_chart(names, labels, weights, normalised, limit=40):
    """Stacked horizontal bars: the points (0-100) each criterion adds to each site's score (first ``limit``)."""
    shown = min(len(names), limit)
    contributions = 100.0 * np.nan_to_num(normalised[:shown]) * np.asarray(weights)[None, :]
    labels = list(labels)
    series = {label if labels.count(label) == 1 else '{} ({})'.format(label, column + 1): contributions[:, column]
              for column, label in enumerate(labels)}
    return report.stacked_bar_chart(names[:shown], series, value_label=tr('Score points'))


class SelectOecm(OptionalProtectedAreas, ReservePlannerAlgorithm):
    """Pick scored OECM candidates, best value per cost first, until each region reaches the coverage target."""

    ALGORITHM_ID = 'selectoecm'
    GROUP_ID = 'oecm'
    ICON = 'selectoecm.svg'

    CANDIDATES = 'CANDIDATES'
    SCORE_FIELD = 'SCORE_FIELD'
    COST_FIELD = 'COST_FIELD'
    BUDGET = 'BUDGET'
    REGIONS = 'REGIONS'
    REGION_FIELD = 'REGION_FIELD'
    TARGET = 'TARGET'
    OUTPUT = 'OUTPUT'
    OUTPUT_REGIONS = 'OUTPUT_REGIONS'
    OUTPUT_HTML = 'OUTPUT_HTML'
    METHOD = 'METHOD'
    SELECTED_COUNT = 'SELECTED_COUNT'
    TOTAL_COST = 'TOTAL_COST'
    GREEDY_GAP = 'GREEDY_GAP'
    EXACT_TIME_LIMIT = 60.0

    ADVANCED = ProtectedAreasInput.ADVANCED

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr('Select OECM candidates toward a target')

    def shortDescription(self):  # noqa: N802 (QGIS API name)
        return self.tr('Picks candidate OECM sites toward a coverage target per region, within a budget.')

    def tags(self):
        return keywords(self.tr('OECM,selection,complementarity,greedy,budget,30x30,target 3,integer programming'))

    def summary(self):
        return [
            self.tr('Complementarity selection of candidate OECM sites toward a coverage target per region (GBF '
                    'Target 3: 30 %).'),
            self.tr("A region's gap is the area still needed to reach the target; a site's value is its score / "
                    '100 times the area it adds toward unmet gaps (km2, only the part not already protected or '
                    "picked, capped by each region's gap)."),
            self.tr('Areas are computed in a local equal-area projection.'),
            self.tr('OUTPUT: the selected sites with every input field, pick_order (1 = first), added_km2 (area '
                    'added toward the targets), value and cum_cost (cost spent so far).'),
        ]

    def parameter_help(self):
        return {
            **self.protected_help(),
            self.CANDIDATES: [
                self.tr('Scored candidate polygons, e.g. the output of "Score OECM candidates".'),
                self.tr('Sites whose eligible field is false, or whose score is empty or 0, are never picked.'),
            ],
            self.SCORE_FIELD: [
                self.tr('The quality score, 0-100 (default score).'),
            ],
            self.COST_FIELD: [
                self.tr('The cost of each site (any unit, >= 0; free sites come first); without it every site '
                        'costs 1.'),
            ],
            self.BUDGET: [
                self.tr('The most that may be spent, in the cost unit (without a cost field: the largest number '
                        'of sites).'),
            ],
            self.REGIONS: [
                self.tr('The regions (e.g. ecoregions or provinces) that must each reach TARGET.'),
            ],
            self.REGION_FIELD: [
                self.tr('The field naming each region.'),
            ],
            self.TARGET: [
                self.tr("Percent of each region's area."),
            ],
            self.METHOD: [
                self.tr('Greedy: the site with the largest value per cost that fits the budget is picked, gaps '
                        'and values are updated, and so on until every region reaches the target, the budget runs '
                        'out or no site adds anything.'),
                self.tr('Exact: the set of sites that adds the most area toward the targets within the budget, '
                        'and the cheapest such set, proven by integer programming (HiGHS; each of its two solves '
                        'stops after a minute).'),
                self.tr('With greedy, the exact optimum is computed too when it can be within that time, and '
                        "GREEDY_GAP says how much of the optimum's added area greedy misses (percent; 0 for "
                        'exact, -1 when not computed).'),
            ],
            self.OUTPUT_REGIONS: [
                self.tr('Each region with area_km2, before_km2 / before_pct (protected now), after_km2 / '
                        'after_pct (with the selected sites), gap_km2 (still missing after the selection) and '
                        'meets_target.'),
            ],
            self.OUTPUT_HTML: [
                self.tr("A report with the picks in order, each region's coverage before and after, and a chart "
                        'of it against the target.'),
            ],
        }

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.CANDIDATES, self.tr('Scored candidate sites'), [ProcessingSourceType.VectorPolygon]))
        self.addParameter(QgsProcessingParameterField(
            self.SCORE_FIELD, self.tr('Score field (0-100)'), defaultValue=SCORE_FIELD,
            parentLayerParameterName=self.CANDIDATES, type=ProcessingFieldParameterDataType.Numeric, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.COST_FIELD, self.tr('Cost field'), parentLayerParameterName=self.CANDIDATES,
            type=ProcessingFieldParameterDataType.Numeric, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.BUDGET, self.tr('Budget (cost units; number of sites without a cost field)'),
            ProcessingNumberParameterType.Double, minValue=0.0, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.REGIONS, self.tr('Regions'), [ProcessingSourceType.VectorPolygon]))
        self.addParameter(QgsProcessingParameterField(
            self.REGION_FIELD, self.tr('Region name field'), parentLayerParameterName=self.REGIONS, optional=True))
        self.add_optional_protected_parameters()
        self.addParameter(QgsProcessingParameterNumber(
            self.TARGET, self.tr('Coverage target (% of each region)'), ProcessingNumberParameterType.Double,
            defaultValue=coverage.GBF_TARGET_PERCENT, minValue=0.0, maxValue=100.0))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr('Selected sites'), ProcessingSourceType.VectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_REGIONS, self.tr('Coverage per region before and after'), ProcessingSourceType.VectorPolygon,
            optional=True, createByDefault=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_HTML, self.tr('Selection report'), self.tr('HTML files (*.html)'), optional=True,
            createByDefault=False))
        self.addParameter(QgsProcessingParameterEnum(
            self.METHOD, self.tr('Method'), [self.tr('Greedy (best value per cost first)'),
                                             self.tr('Exact (integer programming, proven optimum)')],
            defaultValue=0))
        self.addOutput(QgsProcessingOutputNumber(self.SELECTED_COUNT, self.tr('Selected sites')))
        self.addOutput(QgsProcessingOutputNumber(self.TOTAL_COST, self.tr('Total cost')))
        self.addOutput(QgsProcessingOutputNumber(
            self.GREEDY_GAP, self.tr('Area toward the targets greedy misses (% of the exact optimum)')))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        candidates_source = qgis_io.required_source(self, parameters, self.CANDIDATES, context)
        regions_source = qgis_io.required_source(self, parameters, self.REGIONS, context)
        candidates_label = qgis_io.layer_label(parameters[self.CANDIDATES], context)
        regions_label = qgis_io.layer_label(parameters[self.REGIONS], context)
        score_field = numeric_fields(
            [self.parameterAsString(parameters, self.SCORE_FIELD, context) or SCORE_FIELD], candidates_source,
            candidates_label, self.SCORE_FIELD)[0]
        cost_field = numeric_fields([self.parameterAsString(parameters, self.COST_FIELD, context)], candidates_source,
                                    candidates_label, self.COST_FIELD)[0]
        region_field = qgis_io.resolve_field(
            regions_source, self.parameterAsString(parameters, self.REGION_FIELD, context), regions_label)
        budget = None if parameters.get(self.BUDGET) in (None, '') else \
            self.parameterAsDouble(parameters, self.BUDGET, context)
        target = self.parameterAsDouble(parameters, self.TARGET, context)
        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)

        work_crs = qgis_io.local_crs([regions_source, candidates_source], context)
        steps = QgsProcessingMultiStepFeedback(5, feedback)
        candidates = qgis_io.read_polygons(candidates_source, candidates_label, work_crs, context, steps)
        qgis_io.warn_if_empty(candidates, candidates_label, feedback)
        steps.setCurrentStep(1)
        region_features = qgis_io.read_polygons(regions_source, regions_label, work_crs, context, steps)
        if not region_features:
            raise QgsProcessingException(tr(
                'The regions layer "{layer}" has no features: there is no target for the selection to meet. Choose '
                'a layer with the regions (a filter may hide its features) and run again.').format(
                layer=regions_label))
        qgis_io.require_geometries(region_features, regions_label)
        regions = [(self.region_key(item, region_field), item.geometry) for item in region_features]
        with qgis_io.engine_errors():  # an overlap would count a site's area toward two regions' gaps
            require_disjoint_regions([geometry for _key, geometry in regions], [key for key, _ in regions],
                                     regions_label)
        steps.setCurrentStep(2)
        protected = self.protected_pieces(parameters, work_crs, context, steps)
        if feedback.isCanceled():
            raise qgis_io.cancelled()
        scores, costs = self.scores_and_costs(candidates, score_field, cost_field, candidates_label, feedback)
        shapeless = [str(item.fid) for item, score in zip(candidates, scores)
                     if item.geometry is None and np.isfinite(score)]
        if shapeless:
            feedback.pushWarning(tr('Layer "{layer}": candidates {ids} have a score but no usable polygon (null, '
                                    'empty or unrepairable geometry): they cannot be selected. Fix their geometry '
                                    'and score them again.').format(layer=candidates_label,
                                                                    ids=', '.join(shapeless[:20])))
        steps.setCurrentStep(3)
        with qgis_io.engine_errors():
            problem = selection.make_problem([item.geometry for item in candidates], scores, costs, regions,
                                             protected, target)
            picked, greedy_gap = self.select(problem, budget, self.parameterAsEnum(parameters, self.METHOD, context),
                                             steps)
        if feedback.isCanceled():
            raise qgis_io.cancelled()
        self.summarise(picked, problem, budget, feedback)
        steps.setCurrentStep(4)
        dest_id = self.write_selected(parameters, context, candidates_source, candidates, picked, costs, work_crs)
        table = self.coverage_before_after(regions, protected, picked, candidates, target)
        results = {self.OUTPUT: dest_id, self.SELECTED_COUNT: len(picked.order), self.TOTAL_COST: float(picked.cost),
                   self.GREEDY_GAP: greedy_gap}
        if parameters.get(self.OUTPUT_REGIONS):
            results[self.OUTPUT_REGIONS] = self.write_regions(parameters, context, regions_source, region_features,
                                                              table, work_crs)
        if html_path:
            selection_report(picked, candidates, scores, costs, table, target, budget).write(html_path)
            results[self.OUTPUT_HTML] = html_path
        return results

    def select(self, problem, budget, method, feedback):
        """(Selection, greedy gap %): greedy or exact; for greedy the gap to the exact optimum when it can be found
        within EXACT_TIME_LIMIT (-1 otherwise), 0 for exact."""
        exact = self.exact(problem, budget, feedback, required=method == 1)
        if method == 1:
            return exact, 0.0
        picked = selection.greedy_selection(problem, budget, qgis_io.engine_feedback(feedback))
        if exact is None:
            return picked, -1.0
        best, missed = sum(exact.added_km2), sum(exact.added_km2) - sum(picked.added_km2)
        gap = 100.0 * missed / best if missed > selection.TOLERANCE_KM2 else 0.0
        feedback.pushInfo(tr('The exact optimum adds {best:.3f} km2 toward the targets for a cost of {cost:g}; greedy '
                             'adds {greedy:.3f} km2 for {greedy_cost:g} ({gap:.2f} % less).').format(
            best=best, cost=exact.cost, greedy=sum(picked.added_km2), greedy_cost=picked.cost, gap=gap))
        return picked, gap

    def exact(self, problem, budget, feedback, required):
        """The exact Selection, or None when it is not proven within EXACT_TIME_LIMIT and not ``required``."""
        try:
            exact, proven = selection.exact_selection(problem, budget, self.EXACT_TIME_LIMIT)
        except EngineError:
            if required:
                raise
            feedback.pushInfo(tr('The exact optimum could not be found within {seconds:g} s; no greedy gap is '
                                 'reported.').format(seconds=self.EXACT_TIME_LIMIT))
            return None
        if not proven:
            feedback.pushWarning(tr('The exact selection is the best found in {seconds:g} s, not a proven '
                                    'optimum.').format(seconds=self.EXACT_TIME_LIMIT))
            return exact if required else None
        return exact

    @staticmethod
    def region_key(item, region_field):
        value = attribute_value(item.attributes.get(region_field)) if region_field else None
        return str(item.fid) if value is None else str(value)

    @staticmethod
    def scores_and_costs(candidates, score_field, cost_field, candidates_label, feedback):
        """Scores (NaN for ineligible or missing) and costs (None without a cost field) of the candidates."""
        scores = np.array([ScoreOecm.number(item.attributes.get(score_field)) for item in candidates])
        eligible = [attribute_value(item.attributes.get(ELIGIBLE_FIELD)) for item in candidates]
        scores[[value is False or value in (0, 'false') for value in eligible]] = np.nan
        if not cost_field:
            return scores, None
        costs = np.array([ScoreOecm.number(item.attributes.get(cost_field)) for item in candidates])
        bad = [str(item.fid) for item, cost, score in zip(candidates, costs, scores)
               if np.isfinite(score) and not cost >= 0]
        if bad:
            raise QgsProcessingException(tr('Layer "{layer}": field "{field}" must be a cost of 0 or more for every '
                                            'candidate; feature ids {ids} have none. Fill it in or set those '
                                            'sites\' score empty.').format(layer=candidates_label,
                                                                           field=cost_field, ids=', '.join(bad[:20])))
        return scores, np.where(np.isfinite(costs) & (costs >= 0), costs, 1.0)

    @staticmethod
    def summarise(picked, problem, budget, feedback):
        feedback.pushInfo(tr('{count} sites selected, total cost {cost:g}, {added:.3f} km2 added toward the '
                             'targets.').format(count=len(picked.order), cost=picked.cost,
                                                added=sum(picked.added_km2)))
        if picked.gaps_after.sum() > 1e-6:
            reason = tr('the budget ran out') if budget is not None else tr('no remaining candidate adds area')
            feedback.pushWarning(tr('{count} regions still miss the target by {gap:.3f} km2 in all: {reason}.')
                                 .format(count=int((picked.gaps_after > 1e-6).sum()), gap=picked.gaps_after.sum(),
                                         reason=reason))

    def write_selected(self, parameters, context, source, candidates, picked, costs, work_crs):
        new_fields = [make_field('pick_order', FieldType.Int),
                      qgis_io.double_field('added_km2'),
                      qgis_io.double_field('value'),
                      qgis_io.double_field('cum_cost')]
        new_names = {field.name() for field in new_fields}
        kept = [field for field in source.fields() if field.name() not in new_names]
        fields = QgsFields()
        for field in kept + new_fields:
            fields.append(field)
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, WkbType.MultiPolygon,
                                             source.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        spent = 0.0
        for order, (index, value, added) in enumerate(zip(picked.order, picked.values, picked.added_km2), start=1):
            item = candidates[index]
            spent += 1.0 if costs is None else float(costs[index])
            feature = QgsFeature(fields)
            feature.setGeometry(qgis_io.output_polygon(item.geometry, work_crs, source.sourceCrs(), context,
                                                       max_segment=None))
            feature.setAttributes([item.attributes.get(field.name()) for field in kept]
                                  + [order, float(added), float(value), spent])
            qgis_io.add_feature(sink, feature, self.OUTPUT)
        qgis_io.style_output_on_load(context, dest_id, SELECTION_STYLE)
        return dest_id

    @staticmethod
    def coverage_before_after(regions, protected, picked, candidates, target):
        """One row per region: area_km2, before_km2/_pct (protected), after_km2/_pct (with the picks), gap_km2 left
        and meets_target (gap within selection.TOLERANCE_KM2), from engine.coverage."""
        before = coverage.coverage_from_pieces(list(protected), regions)[0]
        selected = [coverage.DatedPolygon(candidates[index].geometry, None) for index in picked.order]
        after_pieces = coverage.flatten([coverage.DatedPolygon(piece, None) for piece in protected] + selected).pieces
        after = coverage.add_target(coverage.coverage_from_pieces(after_pieces, regions)[0], target)
        return pd.DataFrame({'region': before['region'], 'area_km2': before['area_km2'],
                             'before_km2': before['protected_km2'], 'before_pct': before['percent'],
                             'after_km2': after['protected_km2'], 'after_pct': after['percent'],
                             'gap_km2': after['gap_km2'], 'meets_target': after['gap_km2'] <= selection.TOLERANCE_KM2})

    def write_regions(self, parameters, context, source, region_features, table, work_crs):
        fields = QgsFields()
        for field in [make_field('region', FieldType.String, length=254)] + [
                qgis_io.double_field(name)
                for name in ('area_km2', 'before_km2', 'before_pct', 'after_km2', 'after_pct', 'gap_km2')] + [
                make_field('meets_target', FieldType.Bool)]:
            fields.append(field)
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT_REGIONS, context, fields,
                                             WkbType.MultiPolygon, source.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_REGIONS))
        for item, row in zip(region_features, table.itertuples(index=False)):
            feature = QgsFeature(fields)
            feature.setGeometry(qgis_io.output_polygon(item.geometry, work_crs, source.sourceCrs(), context,
                                                       max_segment=None))
            feature.setAttributes([str(row.region)] + [float(value) for value in row[1:7]] + [bool(row.meets_target)])
            qgis_io.add_feature(sink, feature, self.OUTPUT_REGIONS)
        return dest_id


def selection_report(picked, candidates, scores, costs, table, target, budget):
    """The HTML report of a selection run: the method, the picks in order and coverage before and after."""
    page = report.HtmlReport(tr('OECM selection toward {target:g} %').format(target=target),
                             qgis_io.report_language())
    page.paragraph(tr('Sites are picked one at a time by value per cost: value = score / 100 x the area (km2) the '
                      'site adds toward regions still below {target:g} %, counting only land not yet protected or '
                      'picked. {count} sites picked, total cost {cost:g}{budget}.').format(
        target=target, count=len(picked.order), cost=picked.cost,
        budget='' if budget is None else tr(' of a budget of {budget:g}').format(budget=budget)))
    if picked.order:
        page.heading(tr('Sites in the order picked'))
        page.table(pd.DataFrame({
            'order': list(range(1, len(picked.order) + 1)),
            'site': [site_name(candidates[index]) for index in picked.order],
            'score': [float(scores[index]) for index in picked.order],
            'cost': [1.0 if costs is None else float(costs[index]) for index in picked.order],
            'added': picked.added_km2}),
            columns={'order': tr('Order'), 'site': tr('Site'), 'score': tr('Score'), 'cost': tr('Cost'),
                     'added': tr('Added toward the target (km2)')})
    page.heading(tr('Coverage per region'))
    page.table(table, columns={'region': tr('Region'), 'area_km2': tr('Area (km2)'), 'before_pct': tr('Before (%)'),
                               'after_pct': tr('After (%)'), 'gap_km2': tr('Still missing (km2)')})
    page.figure(report.bar_chart(list(table['region']), list(table['after_pct']), target=target,
                                 title=tr('Coverage after the selection'), value_label=tr('% of the region'),
                                 target_label=tr('Target')),
                caption=tr('Dark bars reach the target.'))
    return page
