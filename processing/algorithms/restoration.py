"""Restoration priorities on a corridor network (Linkage Mapper's Barrier Mapper; docs/restoration.md).

Adapter only: cores and links (corridornetwork's OUTPUT_LINKS) are read in the resistance raster's CRS, the engine
(engine.link_surfaces, engine.barriers) computes, maps are written on the resistance raster's own grid.
"""

import os

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingUtils,
)
from qgis.PyQt.QtCore import QCoreApplication

from .. import qgis_io
from ..engine import barriers
from ..engine.costdistance import Canceled
from ..engine.link_surfaces import CoreSurfaces
from ..engine.messages import EngineError
from .base import ReservePlannerAlgorithm
from .corridors import CorridorNetworkAlgorithm, cancelled
from .costdistance import CostRasterStyle, ResistanceGrid

BARRIERS_STYLE = os.path.join(qgis_io.STYLE_DIR, 'barriers.qml')


def tr(text):
    return QCoreApplication.translate('ReservePlannerRestoration', text)


def engine_errors(function, *args, **kwargs):
    """Call an engine function, its errors and cancel turned into QgsProcessingException."""
    try:
        return function(*args, **kwargs)
    except EngineError as error:
        raise QgsProcessingException(qgis_io.engine_message(error)) from error
    except Canceled:
        raise cancelled() from None


class RestorationAlgorithm(ReservePlannerAlgorithm):
    """Shared inputs of the restoration tools: the cores, their id field, the resistance and the links."""

    GROUP_ID = 'corridors'

    CORES = 'CORES'
    CORE_ID_FIELD = 'CORE_ID_FIELD'
    RESISTANCE = 'RESISTANCE'
    LINKS = 'LINKS'

    def add_network_inputs(self):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.CORES, self.tr('Core areas'), [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField(
            self.CORE_ID_FIELD, self.tr('Core id field'), parentLayerParameterName=self.CORES))
        self.addParameter(QgsProcessingParameterRasterLayer(self.RESISTANCE, self.tr('Resistance raster')))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.LINKS, self.tr('Links (the Links output of Corridor network)'), [QgsProcessing.TypeVectorLine]))

    def read_network(self, parameters, context, feedback):
        """(ResistanceGrid, core geometries in its CRS, core ids, [(from_id, to_id)] of the links)."""
        source = self.parameterAsSource(parameters, self.CORES, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.CORES))
        label = qgis_io.layer_label(parameters[self.CORES], context)
        id_field = qgis_io.resolve_field(source, self.parameterAsString(parameters, self.CORE_ID_FIELD, context),
                                         label)
        layer = self.parameterAsRasterLayer(parameters, self.RESISTANCE, context)
        if layer is None:
            raise QgsProcessingException(self.invalidRasterError(parameters, self.RESISTANCE))
        pairs = self.read_links(parameters, context)
        resistance = ResistanceGrid(layer, feedback)
        cores = qgis_io.read_polygons(source, label, resistance.crs, context, feedback)
        if feedback.isCanceled():
            raise cancelled()
        qgis_io.require_geometries(cores, label)
        core_ids = CorridorNetworkAlgorithm.core_ids(cores, id_field, label)
        return resistance, [item.geometry for item in cores], core_ids, pairs

    def read_links(self, parameters, context):
        """The (from_id, to_id) of every link; a layer without those fields, or without links, is refused."""
        links = self.parameterAsSource(parameters, self.LINKS, context)
        if links is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.LINKS))
        label = qgis_io.layer_label(parameters[self.LINKS], context)
        names = [qgis_io.resolve_field(links, name, label) for name in ('from_id', 'to_id')]
        pairs = [(feature[names[0]], feature[names[1]]) for feature in links.getFeatures()]
        if not pairs:
            raise QgsProcessingException(tr('Layer "{layer}" holds no link. Use the Links output of Corridor network '
                                            'with at least one link.').format(layer=label))
        return pairs

    @staticmethod
    def link_indices(surfaces, pairs, feedback):
        """(first index, second index, LCD) of each link; links between touching cores (LCD 0) are skipped with a
        warning, unreachable ones refused naming the link."""
        result = []
        for number, (first_id, second_id) in enumerate(pairs):
            first, second = surfaces.index_of(first_id), surfaces.index_of(second_id)
            lcd = surfaces.lcd(first, second)
            if lcd == float('inf'):
                raise QgsProcessingException(tr('Cores {first} and {second} of a link cannot reach each other over '
                                                'the resistance raster; remove the link or use the raster the links '
                                                'were built on.').format(first=first_id, second=second_id))
            if lcd > 0:
                result.append((first, second, lcd))
            else:
                feedback.pushWarning(tr('Cores {first} and {second} touch: their link has no barrier to '
                                        'restore and is skipped.').format(first=first_id, second=second_id))
            feedback.setProgress(100.0 * (number + 1) / len(pairs))
        return result


class BarriersAlgorithm(RestorationAlgorithm):
    """Barrier Mapper: where restoring a circle of land cuts the least-cost distance of a link the most."""

    ALGORITHM_ID = 'barriers'
    ICON = 'barriers.svg'

    MIN_RADIUS = 'MIN_RADIUS'
    MAX_RADIUS = 'MAX_RADIUS'
    RADIUS_STEP = 'RADIUS_STEP'
    RESTORED_RESISTANCE = 'RESTORED_RESISTANCE'
    SCORE = 'SCORE'
    OUTPUT = 'OUTPUT'
    OUTPUT_FOLDER = 'OUTPUT_FOLDER'

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr('Barriers (Barrier Mapper)')

    def shortHelpString(self):  # noqa: N802 (QGIS API name)
        return self.tr(
            'Maps the barriers of a corridor network as Linkage Mapper\'s Barrier Mapper does: for every cell and '
            'radius, how much restoring the circle of that radius around the cell would shorten the least-cost '
            'distance of a link (McRae et al. 2012).\n\n'
            'Core areas, core id field and links: the inputs and the Links output of Corridor network (fields '
            'from_id and to_id). Resistance raster: as in Corridor network (nodata and values <= 0 are barriers '
            'no restoration crosses).\n'
            'Minimum radius, maximum radius and radius step (metres): the radii tried, both ends included.\n'
            'Restored resistance (default 1): the resistance per metre of restored land.\n'
            'Score: the improvement in cost-weighted metres (the least-cost distance minus the restored one: '
            'the cost to reach the circle from each core plus its diameter at the restored resistance), as a '
            'percentage of the link\'s least-cost distance, or per metre restored (improvement / diameter).\n\n'
            'Outputs on the resistance raster\'s grid: the largest score over radii and links; optionally a folder '
            'with one map per radius (barriers_r<radius>m.tif). Nodata where no link\'s cost reaches.')

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.add_network_inputs()
        for name, description, default in (
                (self.MIN_RADIUS, self.tr('Minimum radius (m)'), 100.0),
                (self.MAX_RADIUS, self.tr('Maximum radius (m)'), 300.0),
                (self.RADIUS_STEP, self.tr('Radius step (m)'), 100.0),
                (self.RESTORED_RESISTANCE, self.tr('Restored resistance (per metre)'), 1.0)):
            self.addParameter(QgsProcessingParameterNumber(
                name, description, QgsProcessingParameterNumber.Double, defaultValue=default, minValue=0.0))
        self.addParameter(QgsProcessingParameterEnum(
            self.SCORE, self.tr('Score'),
            [self.tr('Improvement (cost-weighted m)'), self.tr('Percent of the least-cost distance'),
             self.tr('Improvement per metre restored')], defaultValue=barriers.IMPROVEMENT))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT, self.tr('Barriers (maximum over radii)')))
        self.addParameter(QgsProcessingParameterFolderDestination(
            self.OUTPUT_FOLDER, self.tr('Folder of one map per radius'), optional=True, createByDefault=False))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        radii = engine_errors(barriers.radii_between, *(self.parameterAsDouble(parameters, name, context) for name in (
            self.MIN_RADIUS, self.MAX_RADIUS, self.RADIUS_STEP)))
        restored = self.parameterAsDouble(parameters, self.RESTORED_RESISTANCE, context)
        score = self.parameterAsEnum(parameters, self.SCORE, context)
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        folder = self.parameterAsString(parameters, self.OUTPUT_FOLDER, context)
        steps = QgsProcessingMultiStepFeedback(3, feedback)
        resistance, geometries, core_ids, pairs = self.read_network(parameters, context, steps)
        steps.setCurrentStep(1)
        surfaces = engine_errors(CoreSurfaces, resistance.grid, geometries, core_ids, feedback.isCanceled,
                                 QgsProcessingUtils.tempFolder())
        with surfaces:
            links = engine_errors(self.link_indices, surfaces, pairs, steps)
            steps.setCurrentStep(2)
            maps = engine_errors(barriers.barrier_maps, surfaces.surface, links, surfaces.cell_size, radii, restored,
                                 score, steps.setProgress, feedback.isCanceled)
        feedback.pushInfo(tr('Largest score {score:.6g} over {radii} radii and {links} links.').format(
            score=float(_nanmax(maps.maximum)), radii=len(radii), links=len(links)))
        CorridorNetworkAlgorithm.write_corridors(output, resistance, maps.maximum)
        results = {self.OUTPUT: output}
        if folder:
            os.makedirs(folder, exist_ok=True)
            for radius, grid in zip(maps.radii, maps.by_radius):
                CorridorNetworkAlgorithm.write_corridors(
                    os.path.join(folder, 'barriers_r{:g}m.tif'.format(radius)), resistance, grid)
            results[self.OUTPUT_FOLDER] = folder
        if context.willLoadLayerOnCompletion(output):
            context.layerToLoadOnCompletionDetails(output).setPostProcessor(CostRasterStyle.create(BARRIERS_STYLE))
        return results


def _nanmax(grid):
    finite = grid[~(grid != grid)]
    return finite.max() if finite.size else float('nan')
