"""Restoration priorities on a corridor network (Linkage Mapper's Barrier, Pinchpoint and Centrality Mappers;
docs/restoration.md).

Adapter only: cores and links (corridornetwork's OUTPUT_LINKS) are read in the resistance raster's CRS, the engine
(engine.link_surfaces, engine.barriers, engine.pinchpoints, engine.circuit) computes, maps are written on the
resistance raster's own grid.
"""

import os

from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsFields,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingUtils,
)

from .. import qgis_io
from ..compat import ProcessingNumberParameterType, ProcessingSourceType
from ..corridor_io import (
    CoreParameters, add_core_parameters, core_ids, core_inputs, core_source, link_ends, null_if_nan,
    read_cores, style_raster_on_load, write_on_grid,
)
from ..engine import barriers, circuit, corridors, pinchpoints
from ..engine.link_surfaces import CoreSurfaces
from ..resistance import RUN_BYTES_PER_CELL, ResistanceGrid
from .base import ReservePlannerAlgorithm, keywords



tr = qgis_io.translator('ReservePlannerRestoration')


MAP_BYTES_PER_CELL = 4
"""Memory of one barrier score map (float32) per cell of the resistance raster: barriers holds the maximum, or one
map per radius when it writes them to a folder."""


class RestorationAlgorithm(CoreParameters, ReservePlannerAlgorithm):
    """Shared inputs of the restoration tools: the cores, their id field, the resistance and the links."""

    GROUP_ID = 'corridors'

    LINKS = 'LINKS'

    def add_network_inputs(self, with_resistance=True):
        add_core_parameters(self)
        if with_resistance:
            self.addParameter(QgsProcessingParameterRasterLayer(self.RESISTANCE, tr('Resistance raster')))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.LINKS, tr('Links (the Links output of Corridor network)'), [ProcessingSourceType.VectorLine]))

    def network_help(self, with_resistance=True):
        """Help of the inputs add_network_inputs adds (module tr: ``self.tr`` would take the subclass's context)."""
        texts = {
            self.CORES: [tr('The core areas the links were built from (an input of Corridor network).')],
            self.CORE_ID_FIELD: [tr('The core id field the links were built with; ids must be set and unique.')],
            self.RESISTANCE: [tr('The resistance raster the links were built on: band 1, cost per metre; nodata and '
                                 'values <= 0 are barriers no restoration crosses and carry no current.')],
            self.LINKS: [tr('The Links output of Corridor network (fields from_id and to_id).')],
        }
        if not with_resistance:
            del texts[self.RESISTANCE]
        return texts

    def read_network(self, parameters, context, feedback, bytes_per_cell=RUN_BYTES_PER_CELL):
        """(ResistanceGrid, core geometries in its CRS, core ids, (first, second) core indices of each link); the
        resistance raster is refused before it is read when ``bytes_per_cell`` for each of its cells would not fit
        in memory."""
        source, label, id_field, layer = core_inputs(self, parameters, context)
        links = self.read_links(parameters, context)
        resistance = ResistanceGrid(layer, context, feedback, bytes_per_cell=bytes_per_cell, sources=[source])
        cores, ids = read_cores(source, label, id_field, resistance.crs, context, feedback)
        return resistance, [item.geometry for item in cores], ids, link_ends(*links, ids)

    def read_links(self, parameters, context):
        """(label, from and to field names, (feature id, from id, to id) of every link, None for NULL), as
        corridor_io.link_ends takes them; a layer without those fields, or without links, is refused."""
        links = self.parameterAsSource(parameters, self.LINKS, context)
        if links is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.LINKS))
        label = qgis_io.layer_label(parameters[self.LINKS], context)
        names = tuple(qgis_io.resolve_field(links, name, label) for name in ('from_id', 'to_id'))
        rows = [(feature.id(), *(qgis_io.attribute_value(feature[name]) for name in names))
                for feature in qgis_io.unchecked_features(links, QgsFeatureRequest())]
        if not rows:
            raise QgsProcessingException(tr('Layer "{layer}" holds no link. Use the Links output of Corridor network '
                                            'with at least one link.').format(layer=label))
        return label, names, rows

    @staticmethod
    def surfaces(resistance, geometries, ids, feedback):
        """The CoreSurfaces of the cores on the resistance grid, stopping on ``feedback``'s cancel."""
        return CoreSurfaces(resistance.grid, geometries, ids, qgis_io.engine_feedback(feedback),
                            QgsProcessingUtils.tempFolder())

    @staticmethod
    def link_indices(surfaces, ends, feedback, keep_touching=False):
        """(first index, second index, LCD) of each link of ``ends`` (read_network's core indices); links between
        touching cores (LCD 0) are skipped with a warning unless ``keep_touching``, unreachable ones refused naming
        the link."""
        result = []
        for number, (first, second) in enumerate(ends):
            first_id, second_id = surfaces.core_ids[first], surfaces.core_ids[second]
            lcd = surfaces.lcd(first, second)
            if lcd == float('inf'):
                raise QgsProcessingException(tr('Cores {first} and {second} of a link cannot reach each other over '
                                                'the resistance raster; remove the link or use the raster the links '
                                                'were built on.').format(first=first_id, second=second_id))
            if lcd > 0 or keep_touching:
                result.append((first, second, lcd))
            else:
                feedback.pushWarning(tr('Cores {first} and {second} touch: their link has no barrier to '
                                        'restore and is skipped.').format(first=first_id, second=second_id))
            feedback.setProgress(100.0 * (number + 1) / len(ends))
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

    ADVANCED = (RESTORED_RESISTANCE, RADIUS_STEP)

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr('Barriers (Barrier Mapper)')

    def shortDescription(self):  # noqa: N802 (QGIS API name)
        return self.tr("Where restoring a circle of land would shorten a corridor most, as Linkage Mapper's "
                       'Barrier Mapper.')

    def tags(self):
        return keywords(self.tr('barrier,restoration,Barrier Mapper,Linkage Mapper,corridor,connectivity'))

    def summary(self):
        return [
            self.tr("Maps the barriers of a corridor network as Linkage Mapper's Barrier Mapper does: for every "
                    'cell and radius, how much restoring the circle of that radius around the cell would shorten '
                    'the least-cost distance of a link (McRae et al. 2012).'),
            self.tr("Outputs on the resistance raster's grid: the largest score over radii and links; optionally "
                    'a folder with one map per radius (barriers_r<radius>m.tif).'),
            self.tr("Nodata where no link's cost reaches."),
        ]

    def parameter_help(self):
        return {
            **self.network_help(),
            self.MIN_RADIUS: [
                self.tr('The smallest radius tried (metres).'),
            ],
            self.MAX_RADIUS: [
                self.tr('The largest radius tried (metres), included.'),
            ],
            self.RADIUS_STEP: [
                self.tr('The step between the radii tried (metres).'),
            ],
            self.RESTORED_RESISTANCE: [
                self.tr('The resistance per metre of restored land (default 1).'),
            ],
            self.SCORE: [
                self.tr('The improvement in cost-weighted metres (the least-cost distance minus the restored one: '
                        'the cost to reach the circle from each core plus its diameter at the restored '
                        'resistance).'),
                self.tr("Or that improvement as a percentage of the link's least-cost distance, or per metre "
                        'restored (improvement / diameter).'),
            ],
        }

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.add_network_inputs()
        for name, description, default in (
                (self.MIN_RADIUS, self.tr('Minimum radius (m)'), 100.0),
                (self.MAX_RADIUS, self.tr('Maximum radius (m)'), 300.0),
                (self.RADIUS_STEP, self.tr('Radius step (m)'), 100.0),
                (self.RESTORED_RESISTANCE, self.tr('Restored resistance (per metre)'), 1.0)):
            self.addParameter(QgsProcessingParameterNumber(
                name, description, ProcessingNumberParameterType.Double, defaultValue=default, minValue=0.0))
        self.addParameter(QgsProcessingParameterEnum(
            self.SCORE, self.tr('Score'),
            [self.tr('Improvement (cost-weighted m)'), self.tr('Percent of the least-cost distance'),
             self.tr('Improvement per metre restored')], defaultValue=barriers.IMPROVEMENT))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT, self.tr('Barriers (maximum over radii)')))
        self.addParameter(QgsProcessingParameterFolderDestination(
            self.OUTPUT_FOLDER, self.tr('Folder of one map per radius'), optional=True, createByDefault=False))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        with qgis_io.engine_errors():
            radii = barriers.radii_between(*(self.parameterAsDouble(parameters, name, context) for name in (
                self.MIN_RADIUS, self.MAX_RADIUS, self.RADIUS_STEP)))
        restored = self.parameterAsDouble(parameters, self.RESTORED_RESISTANCE, context)
        score = self.parameterAsEnum(parameters, self.SCORE, context)
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        folder = self.parameterAsString(parameters, self.OUTPUT_FOLDER, context)
        steps = QgsProcessingMultiStepFeedback(3, feedback)
        maps_held = len(radii) if folder else 1
        resistance, geometries, ids, ends = self.read_network(
            parameters, context, steps, RUN_BYTES_PER_CELL + MAP_BYTES_PER_CELL * maps_held)
        self.warn_about_sub_cell_radii(radii, resistance, feedback)
        steps.setCurrentStep(1)
        with qgis_io.engine_errors(), self.surfaces(resistance, geometries, ids, feedback) as surfaces:
            links = self.link_indices(surfaces, ends, steps)
            steps.setCurrentStep(2)
            maps = barriers.barrier_maps(surfaces.surface, links, surfaces.cell_size, radii, restored, score,
                                         qgis_io.engine_feedback(steps), keep_each=bool(folder))
        feedback.pushInfo(tr('Largest score {score:.6g} over {radii} radii and {links} links.').format(
            score=float(_nanmax(maps.maximum)), radii=len(radii), links=len(links)))
        write_on_grid(output, resistance, maps.maximum)
        results = {self.OUTPUT: output}
        if folder:
            os.makedirs(folder, exist_ok=True)
            for radius, grid in zip(maps.radii, maps.by_radius):
                write_on_grid(self.file_in_folder(folder, 'barriers_r{:g}m.tif'.format(radius)), resistance,
                              grid)
            results[self.OUTPUT_FOLDER] = folder
        style_raster_on_load(context, output, 'barriers')
        return results

    @staticmethod
    def warn_about_sub_cell_radii(radii, resistance, feedback):
        """Warn when radii are smaller than a cell (their disk is the cell alone) or closer together than a cell
        (neighbouring radii may give the same disks and cost a pass each for nothing)."""
        cell = min(resistance.cell_width, resistance.cell_height)
        small = [radius for radius in radii if radius < cell]
        if small:
            feedback.pushWarning(tr('Radii below the cell size ({cell:g} m) restore only the cell itself: '
                                    '{radii} m.').format(cell=cell, radii=', '.join(map('{:g}'.format, small[:10]))))
        if len(radii) > 1 and radii[1] - radii[0] < cell:
            feedback.pushWarning(tr('The radius step ({step:g} m) is less than the cell size ({cell:g} m): '
                                    'neighbouring radii may give the same disks and take time for nothing.').format(
                step=radii[1] - radii[0], cell=cell))


def _nanmax(grid):
    finite = grid[~(grid != grid)]
    return finite.max() if finite.size else float('nan')


def write_with_values(algorithm, parameters, context, name, source, extra):
    """Write every feature of ``source`` to the sink ``name`` with the fields ``extra`` ({field: [value per
    feature in source order]}, floats or NULL) appended; returns the sink id."""
    fields = QgsFields(source.fields())
    for field in extra:
        fields.append(qgis_io.double_field(field))
    sink, dest_id = algorithm.parameterAsSink(parameters, name, context, fields, source.wkbType(), source.sourceCrs())
    if sink is None:
        raise QgsProcessingException(algorithm.invalidSinkError(parameters, name))
    for index, feature in enumerate(qgis_io.unchecked_features(source, QgsFeatureRequest())):
        output = QgsFeature(fields)
        output.setGeometry(feature.geometry())
        output.setAttributes(feature.attributes() + [null_if_nan(values[index]) for values in extra.values()])
        qgis_io.add_feature(sink, output, name)
    return dest_id


class PinchpointsAlgorithm(RestorationAlgorithm):
    """Pinchpoint Mapper: the current through each link's corridor, and its effective resistance."""

    ALGORITHM_ID = 'pinchpoints'
    ICON = 'pinchpoints.svg'

    CWD_CUTOFF = 'CWD_CUTOFF'
    MODE = 'MODE'
    OUTPUT_PINCHPOINTS = 'OUTPUT_PINCHPOINTS'
    OUTPUT_LINKS = 'OUTPUT_LINKS'

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr('Pinch points (Pinchpoint Mapper)')

    def shortDescription(self):  # noqa: N802 (QGIS API name)
        return self.tr("Where current between cores squeezes through narrow passages, as Linkage Mapper's "
                       'Pinchpoint Mapper.')

    def tags(self):
        return keywords(self.tr('pinch point,circuit theory,current,Pinchpoint Mapper,Linkage Mapper,corridor'))

    def summary(self):
        return [
            self.tr("Maps the pinch points of a corridor network as Linkage Mapper's Pinchpoint Mapper does, with "
                    'circuit theory (McRae 2012): where current between two cores squeezes through a narrow '
                    'passage.'),
            self.tr('Outputs: the current map (amperes; cell size never scales it, as in Circuitscape; NoData on '
                    "the cores, as in Linkage Mapper) on the resistance raster's grid."),
            self.tr("And the links with eff_resistance (effective resistance of each link's corridor, ohms) and "
                    'cwd_to_eff_resistance (its cost-weighted distance over its effective resistance).'),
        ]

    def parameter_help(self):
        return {
            **self.network_help(),
            self.CWD_CUTOFF: [
                self.tr("Cost-weighted metres: each link's corridor is the cells whose normalised least-cost "
                        'corridor value is at most this, plus both cores.'),
            ],
            self.MODE: [
                self.tr('Per-link corridors: 1 A between the two cores of each link, in its corridor; corridors '
                        'mosaicked by maximum.'),
                self.tr('All cores across the landscape: each core in turn grounded while every other core '
                        'injects 1 A, over the whole raster; maps summed.'),
            ],
        }

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.add_network_inputs()
        self.addParameter(QgsProcessingParameterNumber(
            self.CWD_CUTOFF, self.tr('CWD cutoff of the corridors (cost-weighted m)'),
            ProcessingNumberParameterType.Double, defaultValue=10000.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterEnum(
            self.MODE, self.tr('Mode'), [self.tr('Per-link corridors'), self.tr('All cores across the landscape')],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_PINCHPOINTS, self.tr('Pinch points (current)')))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_LINKS, self.tr('Links with effective resistance'), ProcessingSourceType.VectorLine))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        cutoff = self.parameterAsDouble(parameters, self.CWD_CUTOFF, context)
        all_cores = self.parameterAsEnum(parameters, self.MODE, context) == 1
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT_PINCHPOINTS, context)
        steps = QgsProcessingMultiStepFeedback(4 if all_cores else 3, feedback)
        resistance, geometries, ids, ends = self.read_network(parameters, context, steps)
        steps.setCurrentStep(1)
        with qgis_io.engine_errors(), self.surfaces(resistance, geometries, ids, feedback) as surfaces:
            links = self.link_indices(surfaces, ends, steps, keep_touching=True)
            steps.setCurrentStep(2)
            maps = pinchpoints.pinchpoint_maps(surfaces, resistance.grid.array, links, cutoff,
                                               qgis_io.engine_feedback(steps))
            current = maps.current
            if all_cores:
                steps.setCurrentStep(3)
                current = pinchpoints.all_cores_current(resistance.grid.array, surfaces.labels,
                                                        qgis_io.engine_feedback(steps))
        ratios = [lcd / effective if effective > 0 else float('nan')
                  for (_, _, lcd), effective in zip(links, maps.resistances)]
        write_on_grid(output, resistance, current)
        source = self.parameterAsSource(parameters, self.LINKS, context)
        links_id = write_with_values(self, parameters, context, self.OUTPUT_LINKS, source, {
            'eff_resistance': maps.resistances, 'cwd_to_eff_resistance': ratios})
        qgis_io.style_output_on_load(context, links_id, 'corridor_links')
        style_raster_on_load(context, output, 'current')
        return {self.OUTPUT_PINCHPOINTS: output, self.OUTPUT_LINKS: links_id}


class CentralityAlgorithm(RestorationAlgorithm):
    """Centrality Mapper: current-flow centrality of cores and links over all pairs of cores."""

    ALGORITHM_ID = 'centrality'
    ICON = 'centrality.svg'

    OUTPUT_CORES = 'OUTPUT_CORES'
    OUTPUT_LINKS = 'OUTPUT_LINKS'

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr('Centrality (Centrality Mapper)')

    def shortDescription(self):  # noqa: N802 (QGIS API name)
        return self.tr('Ranks the cores and links of a corridor network by current-flow centrality, as Linkage '
                       "Mapper's Centrality Mapper.")

    def tags(self):
        return keywords(self.tr('centrality,current flow,Centrality Mapper,Linkage Mapper,network,corridor'))

    def summary(self):
        return [
            self.tr('Ranks the cores and links of a corridor network by current-flow centrality, as Linkage '
                    "Mapper's Centrality Mapper does."),
            self.tr('The network is a circuit with a node per core and a resistor per link (its cost-weighted '
                    'distance, field cwd); 1 A flows between every pair of cores in turn and cf_centrality sums '
                    'the current through each core and each link over all pairs.'),
            self.tr('Cores and links that keep the network together score highest.'),
            self.tr('Outputs: the cores and the links with cf_centrality (amperes summed over pairs).'),
        ]

    def parameter_help(self):
        return {
            **self.network_help(with_resistance=False),
        }

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.add_network_inputs(with_resistance=False)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_CORES, self.tr('Cores with centrality'), ProcessingSourceType.VectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_LINKS, self.tr('Links with centrality'), ProcessingSourceType.VectorLine))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        cores, label, id_field = core_source(self, parameters, context)
        ids = core_ids([(feature.id(), feature[id_field])
                        for feature in qgis_io.unchecked_features(cores, QgsFeatureRequest())], label, id_field)
        with qgis_io.engine_errors():
            corridors.check_core_ids(ids)
        links = self.parameterAsSource(parameters, self.LINKS, context)
        link_rows = self.read_links(parameters, context)
        ends = link_ends(*link_rows, ids)
        resistances = self.link_resistances(links, link_rows)
        with qgis_io.engine_errors():
            result = circuit.network_pairwise(len(ids), [first for first, _ in ends],
                                              [second for _, second in ends], resistances,
                                              feedback=qgis_io.engine_feedback(feedback))
        cores_id = write_with_values(self, parameters, context, self.OUTPUT_CORES, cores,
                                     {'cf_centrality': list(result.node_centrality)})
        links_id = write_with_values(self, parameters, context, self.OUTPUT_LINKS, links,
                                     {'cf_centrality': list(result.edge_centrality)})
        qgis_io.style_output_on_load(context, links_id, 'corridor_links')
        return {self.OUTPUT_CORES: cores_id, self.OUTPUT_LINKS: links_id}

    @staticmethod
    def link_resistances(links, link_rows):
        """The cwd of each link (read_links's ``link_rows`` of the source ``links``), its resistance in the circuit;
        a link without a cwd > 0 is refused naming it."""
        label, _, rows = link_rows
        cwd_field = qgis_io.resolve_field(links, 'cwd', label)
        resistances = []
        for (_, first_id, second_id), feature in zip(rows, qgis_io.unchecked_features(links, QgsFeatureRequest())):
            try:
                value = float(feature[cwd_field])
            except (TypeError, ValueError):
                value = float('nan')
            if not 0 < value < float('inf'):
                raise QgsProcessingException(tr(
                    'Layer "{layer}": the link {first} - {second} has cwd {value}; centrality needs a cost-weighted '
                    'distance > 0 for every link (cores that touch have cwd 0: merge them or remove their link).'
                ).format(layer=label, first=first_id, second=second_id, value=feature[cwd_field]))
            resistances.append(value)
        return resistances
