"""Processing algorithm ``mspa``: GuidosToolbox's Morphological Spatial Pattern Analysis of a class raster.

Adapter only: band 1 of the raster is read in its own data type, FOREGROUND and MISSING turn it into
GuidosToolbox's binary map, engine.mspa segments it (distances in cells, docs/mspa.md) and the outputs are written
once the whole map is done: a Byte raster of class codes on the input grid, a table of class statistics (hectares
from true cell areas, also on geographic grids) and, optionally, one polygon per core patch.
"""

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFields,
    QgsPalettedRasterRenderer,
    QgsProcessingException,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtGui import QColor

from .. import qgis_io
from ..compat import FieldType, ProcessingNumberParameterType, ProcessingSourceType, WkbType, make_field
from ..engine import mspa
from ..engine.raster import write_geotiff
from .base import ReservePlannerAlgorithm, keywords

CONNECTIVITIES = (8, 4)


tr = qgis_io.translator('MSPA')


def parse_values(text, description):
    """Numbers of a comma-separated parameter value; QgsProcessingException naming the parameter otherwise."""
    values = []
    for item in (text or '').replace(';', ',').split(','):
        item = item.strip()
        if not item:
            continue
        try:
            value = float(item)
        except ValueError:
            raise QgsProcessingException(tr(
                '{parameter}: "{item}" is not a number. Give raster values separated by commas, for example '
                '1,2,5.').format(parameter=description, item=item)) from None
        if not np.isfinite(value):
            raise QgsProcessingException(tr('{parameter}: "{item}" is not a finite number.').format(
                parameter=description, item=item))
        values.append(value)
    return values


def class_label(code):
    """Translated legend label of an output code: its class, '(internal)' inside core holes, '(in edge)' or
    '(in perforation)' where a connector crosses one."""
    if code == mspa.ENCLOSED_BACKGROUND:
        return tr('Enclosed background')
    item = mspa.class_of(code)
    label = qgis_io.engine_tr(item.name)
    base = code - mspa.INTERNAL_OFFSET if mspa.INTERNAL_OFFSET <= code < mspa.ENCLOSED_BACKGROUND else code
    if base & (32 | 64) and base & 2:
        label = tr('{name} (in edge)').format(name=label)
    elif base & (32 | 64) and base & 4:
        label = tr('{name} (in perforation)').format(name=label)
    if code != base:
        label = tr('{name} (internal)').format(name=label)
    return label


PALETTE_CODES = (17, 9, 5, 3, 65, 67, 69, 33, 35, 37, 1, 0, 117, 109, 105, 103, 165, 167, 169, 133, 135, 137, 101,
                 100, 220, 129)
"""Every code MSPA writes, in legend order."""
COLOURS = {100: '#888888', 220: '#c2c2c2'}
"""GuidosToolbox's colours of background inside core holes and of other enclosed background."""


def code_colour(code, transition):
    """GuidosToolbox's colour of an output code; without ``transition``, connector cells crossing an edge or a
    perforation are drawn as edge (black) or perforation (blue)."""
    if code in COLOURS:
        return COLOURS[code]
    base = code - mspa.INTERNAL_OFFSET if mspa.INTERNAL_OFFSET <= code < mspa.ENCLOSED_BACKGROUND else code
    if not transition and base & (32 | 64) and base & (2 | 4):
        return mspa.class_of(base & 7).colour
    return mspa.class_of(code).colour


def palette_renderer(provider, transition, codes=PALETTE_CODES):
    """A paletted renderer of band 1 with GuidosToolbox's colours and translated class names, for the ``codes``
    (in legend order)."""
    classes = [QgsPalettedRasterRenderer.Class(code, QColor(code_colour(code, transition)), class_label(code))
               for code in PALETTE_CODES if code in codes]
    return QgsPalettedRasterRenderer(provider, 1, classes)


class MSPAStyle(QgsProcessingLayerPostProcessorInterface):
    """Styles the MSPA raster as it loads (the palette is built in code so the legend is in the user's
    language, follows TRANSITION and lists only the codes the raster holds)."""

    _alive = []

    def __init__(self, transition, codes):
        super().__init__()
        self.transition = transition
        self.codes = codes

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS API name)
        if layer is not None and layer.isValid():
            layer.setRenderer(palette_renderer(layer.dataProvider(), self.transition, self.codes))
            layer.triggerRepaint()

    @classmethod
    def attach(cls, context, destination, transition, codes):
        if context.willLoadLayerOnCompletion(destination):
            processor = cls(transition, codes)
            cls._alive.append(processor)
            context.layerToLoadOnCompletionDetails(destination).setPostProcessor(processor)


class MSPA(ReservePlannerAlgorithm):
    """GuidosToolbox's MSPA classes of a land-cover raster."""

    ALGORITHM_ID = 'mspa'
    GROUP_ID = 'sources'
    ICON = 'mspa.svg'

    INPUT = 'INPUT'
    FOREGROUND = 'FOREGROUND'
    MISSING = 'MISSING'
    EDGE_WIDTH = 'EDGE_WIDTH'
    CONNECTIVITY = 'CONNECTIVITY'
    TRANSITION = 'TRANSITION'
    INTERNAL = 'INTERNAL'
    OUTPUT = 'OUTPUT'
    OUTPUT_STATS = 'OUTPUT_STATS'
    OUTPUT_CORES = 'OUTPUT_CORES'

    ADVANCED = (CONNECTIVITY, TRANSITION, INTERNAL)

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr('Morphological spatial pattern analysis (MSPA)')

    def shortDescription(self):  # noqa: N802 (QGIS API name)
        return self.tr('Core, islet, perforation, edge, loop, bridge and branch of a habitat map, as '
                       'GuidosToolbox.')

    def tags(self):
        return keywords(self.tr('mspa,guidos,guidostoolbox,gtb,gwb,core,bridge,corridor,ecological '
                                'source,habitat,morphology,connectivity'))

    def summary(self):
        return [
            self.tr("Segments a habitat (foreground) map into GuidosToolbox's seven MSPA classes, cell for cell "
                    "as the JRC's own MSPA (Soille & Vogt 2009)."),
            self.tr('Core 17, islet 9, perforation 5, edge 3, loop 65, bridge 33, branch 1; background 0, missing '
                    '129; docs/mspa.md explains each class.'),
            self.tr('Distances are counted in cells whatever the CRS; areas are in hectares from the true cell '
                    'areas (also on geographic rasters).'),
            self.tr("Outputs: a Byte raster of class codes on the input grid, styled with GuidosToolbox's "
                    'colours; a table with the cells, hectares and share of the foreground of each class; '
                    'optionally one polygon per core patch (patch_id, area_ha), ready for patch importance and '
                    'ecological sources.'),
        ]

    def parameter_help(self):
        return {
            self.INPUT: [
                self.tr('Band 1 is read; values that are neither foreground nor missing are background.'),
            ],
            self.FOREGROUND: [
                self.tr('Raster values counted as habitat (foreground), separated by commas, e.g. 1,2.'),
            ],
            self.MISSING: [
                self.tr("Raster values treated as no data, separated by commas; the raster's nodata value is "
                        'always missing.'),
                self.tr('No edge is drawn along missing areas.'),
            ],
            self.EDGE_WIDTH: [
                self.tr('Width of edges and perforations in cells; foreground farther than this (plus 0.98 cell) '
                        'from non-foreground is core.'),
            ],
            self.CONNECTIVITY: [
                self.tr('8: cells touching at a corner are connected (background then uses 4); 4: only cells '
                        'sharing a side (background then uses 8).'),
            ],
            self.TRANSITION: [
                self.tr('On: loops and bridges crossing an edge or perforation (codes 35, 37, 67 and 69) are '
                        'drawn as loop and bridge; off: as edge and perforation.'),
                self.tr('Only the colours change: the codes 35, 37, 67 and 69 stay in the raster.'),
            ],
            self.INTERNAL: [
                self.tr("Classes inside the holes of cores get 100 added to their code, as GuidosToolbox's Intext "
                        'option.'),
            ],
        }

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterRasterLayer(self.INPUT, self.tr('Land cover or habitat raster')))
        self.addParameter(QgsProcessingParameterString(
            self.FOREGROUND, self.tr('Foreground values (comma-separated raster values)')))
        self.addParameter(QgsProcessingParameterString(
            self.MISSING, self.tr('Missing values (comma-separated raster values; nodata is always missing)'),
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.EDGE_WIDTH, self.tr('Edge width (cells)'), ProcessingNumberParameterType.Integer, defaultValue=1,
            minValue=1, maxValue=1000))
        self.addParameter(QgsProcessingParameterEnum(
            self.CONNECTIVITY, self.tr('Foreground connectivity'),
            [self.tr('8 neighbours'), self.tr('4 neighbours')], defaultValue=0))
        self.addParameter(QgsProcessingParameterBoolean(
            self.TRANSITION, self.tr('Transition: show connector cells crossing an edge as loop or bridge'),
            defaultValue=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.INTERNAL, self.tr('Internal: mark classes inside the holes of cores (+100)'), defaultValue=True))
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr('MSPA classes')))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_STATS, self.tr('MSPA class statistics'), ProcessingSourceType.Vector))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_CORES, self.tr('Core patches'), ProcessingSourceType.VectorPolygon, optional=True,
            createByDefault=False))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        layer = self.parameterAsRasterLayer(parameters, self.INPUT, context)
        if layer is None:
            raise QgsProcessingException(self.invalidRasterError(parameters, self.INPUT))
        foreground, missing = self.class_values(parameters, context)
        edge_width = self.parameterAsInt(parameters, self.EDGE_WIDTH, context)
        connectivity = CONNECTIVITIES[self.parameterAsEnum(parameters, self.CONNECTIVITY, context)]
        transition = self.parameterAsBool(parameters, self.TRANSITION, context)
        internal = self.parameterAsBool(parameters, self.INTERNAL, context)
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        label = qgis_io.layer_label(layer)
        with qgis_io.engine_errors():
            class_map = mspa.read_class_map(layer.source())
            for template, values in mspa.check_classes(class_map, foreground, missing, label):
                feedback.pushWarning(qgis_io.engine_tr(template).format(**values))
            binary = mspa.binary_map(class_map.values, foreground, missing, class_map.nodata)
            if qgis_io.round_the_globe(layer) and mspa.meets_itself_across_edges(binary, connectivity):
                qgis_io.warn_cut_at_180(feedback, layer, self.tr(
                    'habitat crossing 180 degrees is cut there into two patches, whose classes (core, bridge, '
                    'branch...) and core patches are those of two'))
            codes = mspa.mspa(binary, edge_width, connectivity, internal,
                              qgis_io.engine_feedback(feedback).part(0.0, 0.8))
            row_areas = mspa.row_cell_areas_ha(class_map.geotransform, codes.shape[0], class_map.crs_wkt)
            if layer.crs().isGeographic():
                self.explain_geographic(feedback, label, row_areas)
            elif qgis_io.world_projection(layer.crs()) and not qgis_io.has_true_areas(layer.crs()):
                feedback.pushWarning(self.tr(
                    'The raster {layer} is {reason}: its cells do not have true areas, so the hectares of the '
                    'statistics and core patches are its cells\' width x height, not their areas on the ground. '
                    'For true hectares, warp it to an equal-area CRS (Raster > Projections > Warp) and run '
                    'again.').format(layer=label, reason=qgis_io.not_metric_reason(layer.crs())))
            statistics = mspa.class_statistics(codes, row_areas)
            patches = None
            if parameters.get(self.OUTPUT_CORES) is not None:
                patches = mspa.core_patches(codes, connectivity, class_map.geotransform, class_map.crs_wkt,
                                            row_areas)
        if feedback.isCanceled():
            raise qgis_io.cancelled()
        feedback.setProgress(85)
        results = self.write_outputs(parameters, context, layer, codes, class_map, statistics, patches, output)
        MSPAStyle.attach(context, output, transition, set(np.flatnonzero(np.bincount(codes.ravel())).tolist()))
        feedback.setProgress(100)
        return results

    def class_values(self, parameters, context):
        """(foreground, missing) values as numbers; at least one foreground value."""
        foreground = parse_values(self.parameterAsString(parameters, self.FOREGROUND, context),
                                  self.tr('Foreground values'))
        if not foreground:
            raise QgsProcessingException(self.tr(
                'Give at least one foreground value: the raster values of the habitat, separated by commas.'))
        missing = parse_values(self.parameterAsString(parameters, self.MISSING, context), self.tr('Missing values'))
        return foreground, missing

    def explain_geographic(self, feedback, label, row_areas):
        feedback.pushInfo(self.tr(
            'The raster {layer} is in geographic coordinates: the edge width counts cells (one cell is {area:.2f} ha '
            'at its centre); the areas in the statistics are the true areas of the cells.').format(
            layer=label, area=float(row_areas[len(row_areas) // 2])))

    def write_outputs(self, parameters, context, layer, codes, class_map, statistics, patches, output):
        """Write the raster, the statistics table and the core patches (all computed already)."""
        with qgis_io.engine_errors():
            write_geotiff(output, codes, class_map.geotransform, class_map.crs_wkt, nodata=None)
        results = {self.OUTPUT: output, self.OUTPUT_STATS: self.write_statistics(parameters, context, statistics)}
        if patches is not None:
            results[self.OUTPUT_CORES] = self.write_patches(parameters, context, layer.crs(), patches)
        return results

    def write_statistics(self, parameters, context, statistics):
        fields = QgsFields()
        for name, kind in (('class', FieldType.String), ('code', FieldType.Int), ('cells', FieldType.LongLong),
                           ('area_ha', FieldType.Double), ('share_pct', FieldType.Double)):
            fields.append(make_field(name, kind))
        sink, destination = self.parameterAsSink(parameters, self.OUTPUT_STATS, context, fields,
                                                 WkbType.NoGeometry, QgsCoordinateReferenceSystem())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_STATS))
        for row in statistics:
            feature = QgsFeature(fields)
            feature.setAttributes([qgis_io.engine_tr(row.name), int(row.code),
                                   int(row.cells), float(row.area_ha),
                                   None if row.share is None else float(row.share)])
            qgis_io.add_feature(sink, feature, self.tr('MSPA class statistics'))
        return destination

    def write_patches(self, parameters, context, crs, patches):
        fields = QgsFields()
        fields.append(make_field('patch_id', FieldType.Int))
        fields.append(make_field('cells', FieldType.LongLong))
        fields.append(qgis_io.double_field('area_ha'))
        sink, destination = self.parameterAsSink(parameters, self.OUTPUT_CORES, context, fields,
                                                 WkbType.MultiPolygon, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_CORES))
        for patch in patches:
            feature = QgsFeature(fields)
            geometry = qgis_io.to_qgs(patch.geometry)
            geometry.convertToMultiType()
            feature.setGeometry(geometry)
            feature.setAttributes([int(patch.patch_id), int(patch.cells), float(patch.area_ha)])
            qgis_io.add_feature(sink, feature, self.tr('Core patches'))
        return destination
