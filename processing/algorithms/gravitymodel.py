"""The gravity model of interaction between ecological sources (Kong et al. 2010; docs/gravity_model.md).

Adapter only: sources are read in the resistance raster's working CRS; their mean resistance comes from the cells
whose centre they contain; the corridor costs L_ab come from corridornetwork's links (field cwd) or from one
accumulated-cost pass per source; engine.gravity computes G_ab. Everything is computed before any output is written.
"""

import re
from collections import namedtuple

import numpy as np
from qgis.core import (
    NULL,
    QgsFeature,
    QgsFeatureRequest,
    QgsFields,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
)
from scipy import ndimage
from shapely.geometry import LineString

from .. import qgis_io
from ..compat import FieldType, ProcessingNumberParameterType, ProcessingSourceType, WkbType, make_field
from ..corridor_io import core_ids, link_ends, require_disjoint_patches
from ..engine import corridors, gravity, patches
from ..engine.geographic import unwrapped_line
from .base import ReservePlannerAlgorithm, keywords
from ..resistance import ResistanceGrid

AREA_UNITS = (('m2', 1.0), ('ha', 1e4), ('km2', 1e6))
"""Area units a source's S can be measured in, with their size in square metres."""


Pairs = namedtuple('Pairs', 'first second costs links')
"""Rated pairs of sources: indices ``first`` and ``second``, corridor ``costs`` L_ab and, when they come from a links
layer, ``links`` = (that source, the feature id of each pair), else None."""


tr = qgis_io.translator('ReservePlannerGravityModel')


class GravityModelAlgorithm(ReservePlannerAlgorithm):
    """G_ab = N_a N_b / D_ab^2 between ecological sources, ranked, with the important corridors flagged."""

    ALGORITHM_ID = 'gravitymodel'
    GROUP_ID = 'sources'
    ICON = 'gravitymodel.svg'

    SOURCES = 'SOURCES'
    SOURCE_ID_FIELD = 'SOURCE_ID_FIELD'
    RESISTANCE = 'RESISTANCE'
    LINKS = 'LINKS'
    AREA_UNIT = 'AREA_UNIT'
    THRESHOLD = 'THRESHOLD'
    OUTPUT_LINKS = 'OUTPUT_LINKS'
    OUTPUT_MATRIX = 'OUTPUT_MATRIX'

    ADVANCED = (AREA_UNIT,)

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr('Gravity model between ecological sources')

    def shortDescription(self):  # noqa: N802 (QGIS API name)
        return self.tr('Ranks the interaction between ecological sources by the gravity model of Kong et al. '
                       '(2010).')

    def tags(self):
        return keywords(self.tr('gravity,interaction,source,corridor,importance,ecological security pattern'))

    def summary(self):
        return [
            self.tr('Measures the interaction between each pair of ecological sources by the gravity model of '
                    'Kong et al. (2010): G_ab = N_a N_b / D_ab^2.'),
            self.tr('N = ln(S) / P (S the area of the source, P the mean resistance of its cells) and D_ab = L_ab '
                    '/ L_max (L_ab the cumulative resistance of the least-cost corridor between a and b, L_max '
                    'the largest of them).'),
            self.tr('Outputs: the links with g_ab, rank (1 = strongest) and important (g_ab at or above the '
                    'threshold); a table of G between every pair of sources.'),
        ]

    def parameter_help(self):
        return {
            self.SOURCES: [
                self.tr('Polygons of the ecological sources.'),
            ],
            self.SOURCE_ID_FIELD: [
                self.tr('Identifies each source in the outputs; ids must be set and unique.'),
            ],
            self.RESISTANCE: [
                self.tr('Band 1, cost per metre: P is the mean of its cells in each source, and L_ab is '
                        'accumulated over it.'),
            ],
            self.LINKS: [
                self.tr('The Links output of Corridor network; its cwd field is L_ab and only its links are '
                        'rated.'),
                self.tr('Without links, every pair of sources is rated, with L_ab from one accumulated-cost pass '
                        'per source, and drawn as a straight line between the sources.'),
            ],
            self.AREA_UNIT: [
                self.tr('S enters as ln(S), so the unit changes the ranking: use the unit of the study you '
                        'compare with.'),
            ],
            self.THRESHOLD: [
                self.tr('A link is important when its g_ab is at or above this; empty = the mean g_ab.'),
            ],
        }

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.SOURCES, self.tr('Ecological sources'), [ProcessingSourceType.VectorPolygon]))
        self.addParameter(QgsProcessingParameterField(
            self.SOURCE_ID_FIELD, self.tr('Source id field'), parentLayerParameterName=self.SOURCES))
        self.addParameter(QgsProcessingParameterRasterLayer(self.RESISTANCE, self.tr('Resistance raster')))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.LINKS, self.tr('Links (the Links output of Corridor network)'), [ProcessingSourceType.VectorLine],
            optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.AREA_UNIT, self.tr('Unit of the source area S'), [name for name, _size in AREA_UNITS],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.THRESHOLD, self.tr('Threshold of an important interaction (empty = the mean)'),
            ProcessingNumberParameterType.Double, optional=True, minValue=0.0))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_LINKS, self.tr('Links with their interaction'), ProcessingSourceType.VectorLine))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_MATRIX, self.tr('Interaction matrix'), ProcessingSourceType.Vector, optional=True))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        source = self.parameterAsSource(parameters, self.SOURCES, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.SOURCES))
        label = qgis_io.layer_label(parameters[self.SOURCES], context)
        id_field = qgis_io.resolve_field(source, self.parameterAsString(parameters, self.SOURCE_ID_FIELD, context),
                                         label)
        layer = self.parameterAsRasterLayer(parameters, self.RESISTANCE, context)
        if layer is None:
            raise QgsProcessingException(self.invalidRasterError(parameters, self.RESISTANCE))
        resistance = ResistanceGrid(layer, context, feedback, sources=[source])
        features = qgis_io.read_polygons(source, label, resistance.crs, context, feedback)
        if feedback.isCanceled():
            raise qgis_io.cancelled()
        qgis_io.require_geometries(features, label)
        require_disjoint_patches(features, label)
        ids = self.source_ids(features, id_field, label)
        unit = AREA_UNITS[self.parameterAsEnum(parameters, self.AREA_UNIT, context)][1]
        with qgis_io.engine_errors():
            labels = corridors.polygon_labels([item.geometry for item in features], resistance.grid.array.shape,
                                              resistance.grid.geotransform, resistance.grid.crs_wkt)
            mean_resistance = _mean_passable(resistance.grid.array, labels, len(ids))
            masses = gravity.masses([item.geometry.area / unit for item in features], mean_resistance, ids)
            pairs = self.pairs(parameters, context, [item.attributes.get(id_field) for item in features], labels,
                               resistance, feedback)
            values = gravity.interaction(masses[pairs.first], masses[pairs.second], pairs.costs)
        threshold = self.threshold(parameters, context, values, feedback)
        results = {self.OUTPUT_LINKS: self.write_links(parameters, context, source, features, ids, pairs, values,
                                                       threshold)}
        results[self.OUTPUT_MATRIX] = self.write_matrix(parameters, context, ids, pairs, values)
        return results

    @staticmethod
    def source_ids(features, id_field, label):
        """The id of each source as text; NULL or repeated ids (1, 1.0 and '1' are one id, as links name them)
        are refused naming the features, as corridornetwork refuses such cores (corridor_io.core_ids)."""
        return [str(value) for value in core_ids([(item.fid, item.attributes.get(id_field)) for item in features],
                                                 label, id_field, noun='source')]

    def pairs(self, parameters, context, ids, labels, resistance, feedback):
        """The rated pairs: corridornetwork's links when given, else every pair with least-cost distances; ``ids``
        are the values of the source id field."""
        links = self.parameterAsSource(parameters, self.LINKS, context)
        if links is not None:
            return self.link_pairs(links, qgis_io.layer_label(parameters[self.LINKS], context), ids,
                                   qgis_io.layer_label(parameters[self.SOURCES], context))
        cells = corridors.core_cells(labels, len(ids))
        costs = patches.least_cost_distances(resistance.graph(), cells, qgis_io.engine_feedback(feedback))
        first, second = np.triu_indices(len(ids), 1)
        return Pairs(first, second, costs[first, second], None)

    @staticmethod
    def link_pairs(links, label, ids, sources_label):
        """Pairs from the links' from_id, to_id and cwd, their ends matched to ``ids`` (the source id field's values
        of the layer ``sources_label``) as every tool reading links matches them (qgis_io.id_key); a link naming an
        unknown source, or without an end, joining a source to itself or given twice (corridor_io.link_ends) is
        refused."""
        names = [qgis_io.resolve_field(links, name, label) for name in ('from_id', 'to_id', 'cwd')]
        keys = {qgis_io.id_key(source_id) for source_id in ids}
        rows, costs = [], []
        for feature in qgis_io.unchecked_features(links, QgsFeatureRequest()):
            ends = [qgis_io.attribute_value(feature[name]) for name in names[:2]]
            unknown = [end for end in ends if end is not None and qgis_io.id_key(end) not in keys]
            if unknown:
                raise QgsProcessingException(tr(
                    'Layer "{layer}": feature id {fid} names the source id {source}, which no feature of the sources '
                    'layer "{sources}" has. Use the links made from the same sources and run again.').format(
                    layer=label, fid=feature.id(), source=unknown[0], sources=sources_label))
            cost = feature[names[2]]
            rows.append((feature.id(), *ends))
            costs.append(np.nan if cost is None or cost == NULL else float(cost))
        if not rows:
            raise QgsProcessingException(tr('Layer "{layer}" has no links.').format(layer=label))
        ends = np.array(link_ends(label, names[:2], rows, ids)).reshape(-1, 2)
        return Pairs(ends[:, 0], ends[:, 1], np.array(costs), (links, [row[0] for row in rows]))

    @staticmethod
    def threshold(parameters, context, values, feedback):
        given = parameters.get(GravityModelAlgorithm.THRESHOLD)
        if given not in (None, ''):
            return float(given)
        mean = float(np.nanmean(values))
        feedback.pushInfo(tr('Important interactions: g_ab at or above the mean, {mean:.6g}.').format(mean=mean))
        return mean

    def write_links(self, parameters, context, source, features, ids, pairs, values, threshold):
        ranks = _ranks(values)
        new_fields = [make_field('from_id', FieldType.String, '', 254), make_field('to_id', FieldType.String, '', 254),
                      qgis_io.double_field('cwd'),
                      qgis_io.double_field('g_ab'),
                      make_field('rank', FieldType.Int), make_field('important', FieldType.Bool)]
        fields = QgsFields()
        for field in new_fields:
            fields.append(field)
        crs = pairs.links[0].sourceCrs() if pairs.links else source.sourceCrs()
        sink, destination = self.parameterAsSink(parameters, self.OUTPUT_LINKS, context, fields,
                                                 WkbType.LineString, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_LINKS))
        lines = self.link_lines(pairs, source, features)
        for position, (a, b) in enumerate(zip(pairs.first, pairs.second)):
            feature = QgsFeature(fields)
            feature.setGeometry(lines[position])
            value = values[position]
            feature.setAttributes([ids[a], ids[b], float(pairs.costs[position]),
                                   None if np.isnan(value) else float(value),
                                   None if np.isnan(value) else int(ranks[position]),
                                   bool(value >= threshold) if not np.isnan(value) else None])
            qgis_io.add_feature(sink, feature, self.tr('Links with their interaction'))
        qgis_io.style_output_on_load(context, destination, 'gravity_links')
        return destination

    @staticmethod
    def link_lines(pairs, source, features):
        """The geometry of each rated pair: the link's own line, or a straight line between the two sources."""
        if pairs.links:
            links, fids = pairs.links
            by_fid = {feature.id(): feature.geometry()
                      for feature in links.getFeatures(QgsFeatureRequest().setFilterFids(fids))}
            return [by_fid[fid] for fid in fids]
        by_fid = {feature.id(): feature.geometry().pointOnSurface().asPoint()
                  for feature in qgis_io.unchecked_features(source, QgsFeatureRequest())}
        points = [(by_fid[item.fid].x(), by_fid[item.fid].y()) for item in features]
        lines = [LineString([points[a], points[b]]) for a, b in zip(pairs.first, pairs.second)]
        if source.sourceCrs().isGeographic():  # the short way across the antimeridian, not across the whole map
            lines = [unwrapped_line(line) for line in lines]
        return [qgis_io.to_qgs(line) for line in lines]

    def write_matrix(self, parameters, context, ids, pairs, values):
        columns = _column_names(ids)
        fields = QgsFields()
        fields.append(make_field('source', FieldType.String, '', 254))
        for name in columns:
            fields.append(qgis_io.double_field(name))
        sink, destination = self.parameterAsSink(parameters, self.OUTPUT_MATRIX, context, fields, WkbType.NoGeometry)
        if sink is None:
            return None
        matrix = np.full((len(ids), len(ids)), np.nan)
        matrix[pairs.first, pairs.second] = values
        matrix[pairs.second, pairs.first] = values
        for row, source_id in enumerate(ids):
            feature = QgsFeature(fields)
            feature.setAttributes([source_id] + [None if np.isnan(value) else float(value) for value in matrix[row]])
            qgis_io.add_feature(sink, feature, self.tr('Interaction matrix'))
        return destination


def _mean_passable(values, labels, count):
    """The mean of the passable cells (a positive value) of each label 1..count; NaN for a label without one."""
    passable = np.isfinite(values) & (values > 0)
    index = np.arange(1, count + 1)
    sums = ndimage.sum(np.where(passable, values, 0.0), labels, index)
    cells = ndimage.sum(passable, labels, index)
    with np.errstate(invalid='ignore', divide='ignore'):
        return np.asarray(sums, dtype=float) / np.asarray(cells, dtype=float)


def _ranks(values):
    """1 for the strongest interaction; NaN values get no rank."""
    order = np.argsort(-np.nan_to_num(values, nan=-np.inf), kind='stable')
    ranks = np.empty(len(values), dtype=int)
    ranks[order] = np.arange(1, len(values) + 1)
    return ranks


def _column_names(ids):
    """A field name per source id: g_ + its letters and digits (CJK kept), made unique."""
    names, taken = [], {'source'}
    for source_id in ids:
        base = 'g_' + (re.sub(r'\W+', '_', source_id, flags=re.UNICODE).strip('_')[:28] or 'source')
        name, number = base, 2
        while name.lower() in taken:
            name, number = '{}_{}'.format(base, number), number + 1
        taken.add(name.lower())
        names.append(name)
    return names
