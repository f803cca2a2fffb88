"""Patch importance for landscape connectivity (Conefor's IIC and PC, dIIC and dPC with their fractions).

Adapter only: patches are read into a metric CRS (the resistance raster's working CRS in least-cost mode),
distances between them are measured edge to edge (engine.connectivity / engine.patches), engine.patches
computes the indices, and both outputs are written once everything is computed. Formulas: docs/patch_importance.md.
"""

import math

from qgis.core import (
    NULL,
    QgsFeature,
    QgsFeatureRequest,
    QgsFields,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
)

from .. import qgis_io
from ..compat import (
    FieldType,
    ProcessingFieldParameterDataType,
    ProcessingNumberParameterType,
    ProcessingSourceType,
    WkbType,
    make_field,
)
from ..corridor_io import require_disjoint_patches
from ..engine import connectivity, corridors, patches
from .base import ReservePlannerAlgorithm, keywords
from ..resistance import ResistanceGrid

SUMMARY_FIELDS = ('patches', 'components', 'landscape_attribute', 'iic', 'pc', 'ec_iic', 'ec_pc')


tr = qgis_io.translator('ReservePlannerPatchImportance')


class PatchImportanceAlgorithm(ReservePlannerAlgorithm):
    """IIC, PC and EC(PC) of a landscape of habitat patches and each patch's importance for them."""

    ALGORITHM_ID = 'patchimportance'
    GROUP_ID = 'sources'
    ICON = 'patchimportance.svg'

    PATCHES = 'PATCHES'
    ATTRIBUTE = 'ATTRIBUTE'
    DISTANCE_MODE = 'DISTANCE_MODE'
    RESISTANCE = 'RESISTANCE'
    THRESHOLD = 'THRESHOLD'
    DISTANCE = 'DISTANCE'
    PROBABILITY = 'PROBABILITY'
    LANDSCAPE_AREA = 'LANDSCAPE_AREA'
    OUTPUT = 'OUTPUT'
    OUTPUT_SUMMARY = 'OUTPUT_SUMMARY'

    EUCLIDEAN, LEAST_COST = 0, 1

    ADVANCED = (LANDSCAPE_AREA,)

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr('Patch importance for connectivity (dIIC, dPC)')

    def shortDescription(self):  # noqa: N802 (QGIS API name)
        return self.tr('Ranks habitat patches by the landscape connectivity lost without each, as Conefor does.')

    def tags(self):
        return keywords(self.tr('conefor,connectivity,dpc,diic,pc,iic,eca,patch,source,ecological security '
                                'pattern'))

    def summary(self):
        return [
            self.tr('Computes the integral index of connectivity (IIC), the probability of connectivity (PC) and '
                    'the equivalent connected area EC(PC) of a landscape of habitat patches, as Conefor 2.7 '
                    'computes them.'),
            self.tr('The importance of each patch is the percentage of the index lost when the patch is removed '
                    '(dIIC, dPC), split into intra (the patch itself), flux (dispersal from and to it) and '
                    'connector (dispersal between other patches through it).'),
            self.tr('Outputs: the patches with dIIC, dIIC_intra, dIIC_flux, dIIC_connector, dPC, dPC_intra, '
                    'dPC_flux, dPC_connector (percent) and rank (1 = largest dPC); a summary table with IIC, PC, '
                    'EC(IIC), EC(PC) and the landscape attribute.'),
            self.tr('Every value is exact; distances are measured only between patches whose link some path '
                    'can need.'),
            self.tr('A few hundred patches take seconds, a thousand about half a minute, two thousand about two '
                    'minutes.'),
        ]

    def parameter_help(self):
        return {
            self.PATCHES: [
                self.tr('Each feature is a patch.'),
            ],
            self.ATTRIBUTE: [
                self.tr('a_i of each patch: a numeric field (e.g. area times habitat quality), or empty for the '
                        'patch area in hectares.'),
                self.tr('NULL or negative values are refused.'),
            ],
            self.DISTANCE_MODE: [
                self.tr('Euclidean: the shortest distance between the two polygons, in metres.'),
                self.tr('Least cost: the lowest accumulated cost (resistance x metres) from one patch to the '
                        'other.'),
            ],
            self.RESISTANCE: [
                self.tr('Needed for least-cost distances; cells with nodata or <= 0 are barriers.'),
            ],
            self.THRESHOLD: [
                self.tr('Two patches are linked for IIC when their distance is at most this.'),
            ],
            self.DISTANCE: [
                self.tr('The distance at which the dispersal probability of PC equals the probability below '
                        '(Conefor: -confProb distance probability).'),
            ],
            self.PROBABILITY: [
                self.tr('PC uses the probability p = exp(-k d), with this probability at the distance above.'),
            ],
            self.LANDSCAPE_AREA: [
                self.tr('The maximum landscape attribute of IIC and PC.'),
                self.tr('0: the area of the rectangle around the patches when the attribute is the area; IIC and '
                        'PC are left empty for another attribute.'),
                self.tr('dIIC and dPC do not depend on it.'),
            ],
        }

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.PATCHES, self.tr('Habitat patches'), [ProcessingSourceType.VectorPolygon]))
        self.addParameter(QgsProcessingParameterField(
            self.ATTRIBUTE, self.tr('Patch attribute (empty = area in ha)'), parentLayerParameterName=self.PATCHES,
            type=ProcessingFieldParameterDataType.Numeric, optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.DISTANCE_MODE, self.tr('Distance between patches'),
            [self.tr('Euclidean, edge to edge (m)'),
             self.tr('Least cost over the resistance raster (cost-weighted m)')],
            defaultValue=self.EUCLIDEAN))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.RESISTANCE, self.tr('Resistance raster (least-cost distances)'), optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.THRESHOLD, self.tr('IIC distance threshold (m or cost-weighted m)'),
            ProcessingNumberParameterType.Double, defaultValue=10000.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.DISTANCE, self.tr('PC dispersal distance (m or cost-weighted m)'),
            ProcessingNumberParameterType.Double, defaultValue=10000.0, minValue=0.001))
        self.addParameter(QgsProcessingParameterNumber(
            self.PROBABILITY, self.tr('PC dispersal probability at that distance'),
            ProcessingNumberParameterType.Double, defaultValue=0.5, minValue=0.000001, maxValue=0.999999))
        self.addParameter(QgsProcessingParameterNumber(
            self.LANDSCAPE_AREA, self.tr('Landscape attribute A_L (ha, or the attribute\'s units; 0 = automatic)'),
            ProcessingNumberParameterType.Double, defaultValue=0.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr('Patches with their importance'), ProcessingSourceType.VectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_SUMMARY, self.tr('Landscape connectivity summary'), ProcessingSourceType.Vector,
            optional=True))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        source = self.parameterAsSource(parameters, self.PATCHES, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.PATCHES))
        label = qgis_io.layer_label(parameters[self.PATCHES], context)
        attribute = self.parameterAsString(parameters, self.ATTRIBUTE, context)
        attribute = qgis_io.resolve_field(source, attribute, label) if attribute else None
        least_cost = self.parameterAsEnum(parameters, self.DISTANCE_MODE, context) == self.LEAST_COST
        threshold = self.parameterAsDouble(parameters, self.THRESHOLD, context)
        distance = self.parameterAsDouble(parameters, self.DISTANCE, context)
        probability = self.parameterAsDouble(parameters, self.PROBABILITY, context)
        landscape_area = self.parameterAsDouble(parameters, self.LANDSCAPE_AREA, context)
        steps = QgsProcessingMultiStepFeedback(3, feedback)

        resistance = self.resistance(parameters, source, context, feedback) if least_cost else None
        work_crs = resistance.crs if resistance else qgis_io.metric_crs_of([source], source.sourceCrs(), context)
        features = qgis_io.read_polygons(source, label, work_crs, context, steps, qgis_io.measure_max_segment(source))
        if feedback.isCanceled():
            raise qgis_io.cancelled()
        if not features:
            raise QgsProcessingException(tr('Layer "{layer}" has no patches.').format(layer=label))
        qgis_io.require_geometries(features, label)
        require_disjoint_patches(features, label)
        values = self.attribute_values(features, attribute, label)
        steps.setCurrentStep(1)
        geometries = [item.geometry for item in features]
        with qgis_io.engine_errors():
            if resistance:
                distances = self.least_cost(resistance, geometries, features, label, steps)
            else:
                decay = connectivity.decay_constant(distance, probability)
                reach = max(threshold, -math.log(connectivity.DEFAULT_MIN_PROBABILITY) / decay)
                distances = connectivity.pair_distances(geometries, reach, exact_within=threshold)
            steps.setCurrentStep(2)
            executor = qgis_io.engine_executor(feedback, connectivity.removal_bytes(len(geometries)),
                                               small=len(geometries) < connectivity.PARALLEL_MIN_NODES)
            frame, landscape = patches.patch_importance(
                distances, values, threshold, distance, probability,
                self.landscape_attribute(landscape_area, attribute, geometries),
                qgis_io.engine_feedback(steps), executor)
        self.report(landscape, feedback)
        results = {self.OUTPUT: self.write_patches(parameters, context, source, features, frame, feedback)}
        results[self.OUTPUT_SUMMARY] = self.write_summary(parameters, context, landscape)
        return results

    def resistance(self, parameters, source, context, feedback):
        """The resistance raster, measured around the patches of ``source`` (ResistanceGrid)."""
        layer = self.parameterAsRasterLayer(parameters, self.RESISTANCE, context)
        if layer is None:
            raise QgsProcessingException(tr('Least-cost distances need a resistance raster: choose one in '
                                            '"Resistance raster", or use Euclidean distances.'))
        return ResistanceGrid(layer, context, feedback, sources=[source])

    @staticmethod
    def least_cost(resistance, geometries, features, label, feedback):
        """Least-cost distances between the patches (``features`` of the layer ``label``); a patch without a
        passable cell under it is refused naming it."""
        grid = resistance.grid
        labels = corridors.polygon_labels(geometries, grid.array.shape, grid.geotransform, grid.crs_wkt)
        cells = corridors.core_cells(labels, len(geometries))
        blocked = corridors.impassable(grid.array, cells)
        if blocked:
            raise QgsProcessingException(tr(
                'Layer "{layer}": feature id {fid} has no passable cell of the resistance raster "{raster}" under '
                'it: it lies outside the raster or only on nodata or resistance <= 0 cells. Use a raster with data '
                'under every patch.').format(layer=label, fid=features[blocked[0]].fid,
                                             raster=qgis_io.layer_label(resistance.layer)))
        return patches.least_cost_distances(resistance.graph(), cells, qgis_io.engine_feedback(feedback))

    @staticmethod
    def attribute_values(features, attribute, label):
        """a_i per patch: the area in ha, or the field's values (a NULL, or a value that is not a finite number of 0
        or more, is refused naming the feature)."""
        if attribute is None:
            return [item.geometry.area / 1e4 for item in features]
        missing = [str(item.fid) for item in features if item.attributes.get(attribute) in (None, NULL)]
        if missing:
            raise QgsProcessingException(
                tr('Layer "{layer}": feature id {features} has no value in the attribute field "{field}". '
                   'Give every patch a value, or leave the attribute empty to use the area.').format(
                    layer=label, features=', '.join(missing[:10]), field=attribute))
        values = [float(item.attributes[attribute]) for item in features]
        bad = [(item.fid, value) for item, value, valid in zip(features, values, patches.valid_attributes(values))
               if not valid]
        if bad:
            raise QgsProcessingException(
                tr('Layer "{layer}": feature id {fid} has the value {value} in the attribute field "{field}"; '
                   'attributes must be finite numbers of 0 or more. Correct it, or leave the attribute empty to use '
                   'the area.').format(layer=label, fid=bad[0][0], value=bad[0][1], field=attribute))
        return values

    @staticmethod
    def landscape_attribute(landscape_area, attribute, geometries):
        """A_L: the given value, else (attribute = area) the area in ha of the rectangle around the patches."""
        if landscape_area > 0:
            return landscape_area
        if attribute is not None:
            return None
        bounds = [geometry.bounds for geometry in geometries]
        width = max(b[2] for b in bounds) - min(b[0] for b in bounds)
        height = max(b[3] for b in bounds) - min(b[1] for b in bounds)
        return width * height / 1e4

    @staticmethod
    def report(landscape, feedback):
        feedback.pushInfo(tr('{patches} patches in {components} groups linked at the IIC threshold; '
                             'EC(PC) = {ec:.6g}.').format(patches=landscape.patches, components=landscape.components,
                                                          ec=landscape.ec_pc))
        if landscape.pc is not None:
            feedback.pushInfo(tr('IIC = {iic:.6g}, PC = {pc:.6g} with a landscape attribute of {area:.6g}.').format(
                iic=landscape.iic, pc=landscape.pc, area=landscape.landscape_attribute))

    def write_patches(self, parameters, context, source, features, frame, feedback):
        fields, kept = qgis_io.result_fields(source.fields(), [
            make_field(name, FieldType.Int) if name == 'rank' else qgis_io.double_field(name)
            for name in patches.INDEX_COLUMNS], feedback)
        sink, destination = self.parameterAsSink(parameters, self.OUTPUT, context, fields, source.wkbType(),
                                                 source.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        rows = frame.to_dict('records')
        by_fid = {item.fid: row for item, row in zip(features, rows)}
        for feature in qgis_io.unchecked_features(source, QgsFeatureRequest()):
            out = QgsFeature(fields)
            out.setGeometry(feature.geometry())
            row = by_fid[feature.id()]
            out.setAttributes([feature.attribute(name) for name in kept]
                              + [int(row[name]) if name == 'rank' else float(row[name])
                                 for name in patches.INDEX_COLUMNS])
            qgis_io.add_feature(sink, out, self.tr('Patches with their importance'))
        qgis_io.style_output_on_load(context, destination, 'patch_importance')
        return destination

    def write_summary(self, parameters, context, landscape):
        fields = QgsFields()
        for name in SUMMARY_FIELDS:
            fields.append(make_field(name, FieldType.Int) if name in ('patches', 'components')
                          else qgis_io.double_field(name))
        sink, destination = self.parameterAsSink(parameters, self.OUTPUT_SUMMARY, context, fields, WkbType.NoGeometry)
        if sink is None:
            return None
        feature = QgsFeature(fields)
        feature.setAttributes([None if getattr(landscape, name) is None else
                               (int(getattr(landscape, name)) if name in ('patches', 'components')
                                else float(getattr(landscape, name))) for name in SUMMARY_FIELDS])
        qgis_io.add_feature(sink, feature, self.tr('Landscape connectivity summary'))
        return destination
