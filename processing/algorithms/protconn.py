"""ProtConn per region and the importance of each protected unit for it (docs/protconn.md).

Adapter only: layers are read into a metric CRS (the protected layer's own when it is projected in metres,
otherwise a local equal-area one), engine.connectivity computes, and the outputs are written in the
protected layer's CRS once every region is done, so a cancelled or failed run writes nothing.
"""

from collections import namedtuple

from qgis.core import (
    QgsFeature,
    QgsField,
    QgsFields,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)
from shapely.ops import unary_union

from ..compat import FieldType, ProcessingNumberParameterType, ProcessingSourceType, WkbType, is_field_type
from .. import qgis_io
from ..protconn_io import protconn_by_region
from ..protected_areas import ProtectedAreasInput
from .base import ReservePlannerAlgorithm, keywords

"""Geographic polygons are densified to this step before projection, so that their edges stay curved."""

INDICATORS = ('prot', 'protconn', 'protunconn', 'relconn', 'protconn_prot', 'protconn_trans', 'protconn_unprot')
IMPORTANCE = ('area_km2', 'dpc', 'dpc_intra', 'dpc_flux', 'dpc_connector')

Region = namedtuple('Region', 'key geometry')
"""One region: its REGION_FIELD value and its polygon (all features with that value, dissolved) in the work CRS;
a feature whose value is NULL is a region of its own, keyed by its feature id."""


NullKey = namedtuple('NullKey', 'fid')
"""The grouping key of a region feature without a value, so that it never merges with another region."""


tr = qgis_io.translator('ReservePlannerProtConn')


def optional_float(value):
    return None if value is None else float(value)


class ProtConnAlgorithm(ProtectedAreasInput, ReservePlannerAlgorithm):
    """Protected Connected land (ProtConn, Saura et al. 2017, 2018) and its fractions for each region."""

    ALGORITHM_ID = 'protconn'
    GROUP_ID = 'coverage'
    ICON = 'protconn.svg'

    PROTECTED = 'PROTECTED'
    REGIONS = 'REGIONS'
    REGION_FIELD = 'REGION_FIELD'
    DISTANCE = 'DISTANCE'
    PROBABILITY = 'PROBABILITY'
    TRANSBOUNDARY_DISTANCE = 'TRANSBOUNDARY_DISTANCE'
    OUTPUT = 'OUTPUT'
    OUTPUT_IMPORTANCE = 'OUTPUT_IMPORTANCE'

    CLEANING = (ProtectedAreasInput.STATUS_FILTER, ProtectedAreasInput.EXCLUDE_MAB)
    ADVANCED = (TRANSBOUNDARY_DISTANCE,) + CLEANING

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr('Protected area connectivity (ProtConn)')

    def shortDescription(self):  # noqa: N802 (QGIS API name)
        return self.tr('How much of each region is protected and connected (ProtConn), with the importance of each '
                       'protected unit.')

    def tags(self):
        return keywords(self.tr('ProtConn,connectivity,protected area,Conefor,PC,dPC,equivalent connected '
                                'area,ECA,30x30,target 3'))

    def summary(self):
        return [
            self.tr('Measures how much of each region is protected and connected (ProtConn, Saura et al. 2017 and '
                    '2018, the indicator of GBF Target 3 on connectivity), with the probability of connectivity '
                    'of Conefor.'),
            self.tr('Output, one polygon per region, in percent: prot, protconn (100 ECA / region area, ECA the '
                    'square root of the sum of a_i a_j p*_ij), protunconn, relconn, and the shares of protconn '
                    'within units, through stepping stones and through unprotected land; eca_km2 is the '
                    'equivalent connected area.'),
            self.tr('A region without protection has prot = protconn = 0 and NULL relconn and fractions.'),
            self.tr('Distances are measured in the CRS of the protected areas when it is projected in metres, '
                    'otherwise in a local equal-area projection; areas and ProtConn are in that CRS.'),
            self.tr('Path probabilities below 1e-9 are ignored; the log gives for each region the most this can '
                    'lower ProtConn (a tiny fraction of a percentage point).'),
        ]

    def parameter_help(self):
        return {
            self.PROTECTED: [
                self.tr('Polygons. They are dissolved (overlaps count once), and every polygon of the result is '
                        'cut by each region: the parts inside the region are its protected units, with their '
                        'area.'),
                self.tr('A WDPA-like layer is cleaned first, as protectedcoverage and target3report clean it: only '
                        'STATUS Designated, Inscribed or Established, without UNESCO-MAB Biosphere Reserves (see the '
                        'two switches); the log says what was removed.'),
            ],
            **{name: text for name, text in self.protected_help().items() if name in self.CLEANING},
            self.REGIONS: [
                self.tr('Polygons; features with the same region value are one region.'),
                self.tr('Regions in another CRS than the protected areas are reprojected.'),
            ],
            self.REGION_FIELD: [
                self.tr('Names the regions in the outputs.'),
                self.tr('A feature whose region value is NULL is a region of its own, named by its feature id in '
                        'the outputs.'),
            ],
            self.DISTANCE: [
                self.tr('Metres (default 10000): the probability of dispersal between two units d metres apart, '
                        'edge to edge, is p = exp(-k d) with k = -ln(probability) / distance.'),
                self.tr('p* is the probability of the best path through any other units.'),
            ],
            self.PROBABILITY: [
                self.tr('The probability of dispersal at the median dispersal distance (default 0.5).'),
            ],
            self.TRANSBOUNDARY_DISTANCE: [
                self.tr('Metres, default 0 = none: protected areas outside the region but within this distance of '
                        'it are stepping stones.'),
                self.tr('They carry dispersal between the units of the region but add no area (50000 in the '
                        'studies of Saura et al.).'),
            ],
            self.OUTPUT_IMPORTANCE: [
                self.tr('One polygon per protected unit inside a region: region, area_km2 and dpc, the percentage '
                        'of PC lost without the unit, split into dpc_intra (its own area), dpc_flux (dispersal '
                        'from and to it) and dpc_connector (dispersal between other units through it).'),
                self.tr('All parts are exact and come from one divide-and-conquer over the units that updates '
                        'only the best paths each unit shortens instead of re-running them per unit.'),
                self.tr('A few hundred units in a region take seconds, a thousand about half a minute, two '
                        'thousand about two minutes.'),
            ],
        }

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.PROTECTED, self.tr('Protected areas'), [ProcessingSourceType.VectorPolygon]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.REGIONS, self.tr('Regions'), [ProcessingSourceType.VectorPolygon]))
        self.addParameter(QgsProcessingParameterField(
            self.REGION_FIELD, self.tr('Region field'), parentLayerParameterName=self.REGIONS))
        self.addParameter(QgsProcessingParameterNumber(
            self.DISTANCE, self.tr('Median dispersal distance (m)'), ProcessingNumberParameterType.Double,
            defaultValue=10000.0, minValue=0.001))
        self.addParameter(QgsProcessingParameterNumber(
            self.PROBABILITY, self.tr('Dispersal probability at that distance'), ProcessingNumberParameterType.Double,
            defaultValue=0.5, minValue=0.000001, maxValue=0.999999))
        self.addParameter(QgsProcessingParameterNumber(
            self.TRANSBOUNDARY_DISTANCE, self.tr('Transboundary distance for stepping stones (m, 0 = none)'),
            ProcessingNumberParameterType.Double, defaultValue=0.0, minValue=0.0))
        self.add_cleaning_parameters(self.CLEANING)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr('ProtConn by region'), ProcessingSourceType.VectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_IMPORTANCE, self.tr('Importance of protected units (dPC)'), ProcessingSourceType.VectorPolygon,
            optional=True, createByDefault=False))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        protected_source = self.parameterAsSource(parameters, self.PROTECTED, context)
        if protected_source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.PROTECTED))
        region_source = self.parameterAsSource(parameters, self.REGIONS, context)
        if region_source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.REGIONS))
        region_label = qgis_io.layer_label(parameters[self.REGIONS], context)
        region_field = qgis_io.resolve_field(
            region_source, self.parameterAsString(parameters, self.REGION_FIELD, context), region_label)
        options = {
            'distance': self.parameterAsDouble(parameters, self.DISTANCE, context),
            'probability': self.parameterAsDouble(parameters, self.PROBABILITY, context),
            'transboundary_distance': self.parameterAsDouble(parameters, self.TRANSBOUNDARY_DISTANCE, context),
        }
        want_importance = parameters.get(self.OUTPUT_IMPORTANCE) not in (None, '')

        output_crs = protected_source.sourceCrs()
        work_crs = qgis_io.metric_crs_of([region_source], output_crs, context)
        key_field = QgsField(region_source.fields().field(region_field))
        regions = self.read_regions(region_source, region_label, key_field, work_crs, context, feedback)
        protected = self.read_protected(protected_source, qgis_io.layer_label(parameters[self.PROTECTED], context),
                                        work_crs, self.cleaning_options(parameters, context), context, feedback)
        results = protconn_by_region(regions, protected, options, want_importance, feedback)

        outputs = {self.OUTPUT: self.write_indicators(parameters, context, regions, results, key_field,
                                                      (work_crs, output_crs))}
        if want_importance:
            outputs[self.OUTPUT_IMPORTANCE] = self.write_importance(
                parameters, context, regions, results, key_field, (work_crs, output_crs))
        return outputs

    def read_regions(self, source, name, key_field, crs, context, feedback):
        """The regions (layer ``name``), one per value of ``key_field`` and one per feature without a value, in
        ``crs``.

        Raises on an empty layer or a bad polygon.
        """
        features = qgis_io.read_polygons(source, name, crs, context, feedback, qgis_io.measure_max_segment(source))
        if feedback.isCanceled():
            raise qgis_io.cancelled()
        if not features:
            raise QgsProcessingException(
                tr('Layer "{layer}" has no regions. Choose a layer with at least one polygon.').format(layer=name))
        qgis_io.require_geometries(features, name)
        grouped = {}
        without_value = []
        for item in features:
            key = item.attributes.get(key_field.name())
            if key is None or (hasattr(key, 'isNull') and key.isNull()):
                without_value.append(item.fid)
                key = NullKey(str(item.fid) if is_field_type(key_field, FieldType.String) else item.fid)
            grouped.setdefault(key, []).append(item.geometry)
        if without_value:
            feedback.pushWarning(tr('Layer "{layer}": features {ids} have no value in the field "{field}"; each is a '
                                    'region of its own, named by its feature id.').format(
                layer=name, ids=', '.join(str(fid) for fid in without_value), field=key_field.name()))
        return [Region(getattr(key, 'fid', key), unary_union(parts) if len(parts) > 1 else parts[0])
                for key, parts in grouped.items()]

    def read_protected(self, source, name, crs, options, context, feedback):
        """The protected units of the layer ``name`` in ``crs``: cleaned with ``options`` as protectedcoverage
        cleans them (ProtectedAreasInput.clean_and_flatten, which logs what each step removed, features without a
        geometry as a warning naming them) and dissolved."""
        flattened, _summary = self.clean_and_flatten([source], crs, options, False, context, feedback,
                                                     labels=[name])
        if not flattened.units:
            feedback.pushWarning(tr('Layer "{layer}" has no protected areas: every region gets ProtConn 0.').format(
                layer=name))
        return flattened.units

    def write_indicators(self, parameters, context, regions, results, key_field, crs_pair):
        fields = QgsFields()
        fields.append(key_field)
        for name in INDICATORS + ('eca_km2',):
            fields.append(qgis_io.double_field(name))
        rows = []
        for region, (indicators, _importance) in zip(regions, results):
            values = [optional_float(indicators[name]) for name in INDICATORS]
            rows.append((region.geometry, [region.key] + values + [indicators['eca'] / 1e6]))
        return self.write(parameters, context, self.OUTPUT, fields, rows, crs_pair, 'protconn')

    def write_importance(self, parameters, context, regions, results, key_field, crs_pair):
        fields = QgsFields()
        fields.append(key_field)
        for name in IMPORTANCE:
            fields.append(qgis_io.double_field(name))
        rows = []
        for region, (_indicators, importance) in zip(regions, results):
            for unit in importance.itertuples(index=False):
                rows.append((unit.geometry, [region.key] + [float(getattr(unit, name)) for name in IMPORTANCE]))
        return self.write(parameters, context, self.OUTPUT_IMPORTANCE, fields, rows, crs_pair,
                          'protconn_importance')

    def write(self, parameters, context, name, fields, rows, crs_pair, style):
        """Write (shapely geometry in the work CRS, attributes) rows as multipolygons in the output CRS."""
        work_crs, output_crs = crs_pair
        sink, dest_id = self.parameterAsSink(parameters, name, context, fields, WkbType.MultiPolygon, output_crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, name))
        for geometry, attributes in rows:
            feature = QgsFeature(fields)
            feature.setGeometry(qgis_io.output_polygon(geometry, work_crs, output_crs, context, max_segment=None))
            feature.setAttributes(attributes)
            qgis_io.add_feature(sink, feature, name)
        qgis_io.style_output_on_load(context, dest_id, style)
        return dest_id
