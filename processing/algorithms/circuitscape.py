"""Processing algorithm ``circuitscape``: Circuitscape 5's raster modes (docs/circuit_theory.md).

Adapter only: band 1 of every raster is read on the resistance raster's own grid (other rasters are warped onto it
with nearest neighbour when their grids differ; no CRS is required and the cell size plays no part), focal points
and polygons are reprojected to the resistance raster's CRS and placed on its cells, engine.circuit solves, and
the maps are written as Float32 GeoTIFFs on the resistance grid.
"""

import os
import shutil
import uuid

import numpy as np
from qgis.core import (
    NULL,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFields,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsWkbTypes,
)

from .. import compat, corridor_io, qgis_io
from ..engine import circuit
from ..engine.costdistance import feature_cells
from ..engine.messages import EngineError
from ..engine.raster import read_band, require_memory, write_geotiff
from .base import ReservePlannerAlgorithm, keywords
from ..resistance import CostRasterStyle, grid_bounds, inside_grid, same_cells, same_grid, warped_band

CURRENT_STYLE = 'current'
VOLTAGE_STYLE = 'costdistance'
PAIRWISE, ONE_TO_ALL, ALL_TO_ONE, ADVANCED = range(4)
BYTES_PER_CELL = 800
"""Memory a run holds per raster cell at its peak (links, Laplacian, multigrid levels, solver vectors, maps):
tests/benchmarks/bench_circuitscape.py measured 730 bytes per cell for one-to-all with 5 focal points on 16 M
cells; pairwise keeps every focal node's solution too (8 bytes per cell and focal node)."""
PARALLEL_MIN_CELLS = 100_000
"""Cells below which the pairs of focal regions are solved faster in one process than with workers; without focal
regions the pairs share one factorisation and always run in one process (docs/parallel.md)."""
LARGEST_ID = 2 ** 31 - 1
"""The largest focal id the effective resistance table's integer fields hold: when the table is asked for, larger
ids are refused before the solve, not when the table is written after it."""


tr = qgis_io.translator('CircuitscapeAlgorithm')


class CircuitscapeAlgorithm(ReservePlannerAlgorithm):
    """Circuitscape 5's pairwise, one-to-all, all-to-one and advanced raster modes."""

    ALGORITHM_ID = 'circuitscape'
    GROUP_ID = 'corridors'
    ICON = 'circuitscape.svg'

    RESISTANCE = 'RESISTANCE'
    IS_CONDUCTANCE = 'IS_CONDUCTANCE'
    MODE = 'MODE'
    FOCAL_NODES = 'FOCAL_NODES'
    FOCAL_POINTS = 'FOCAL_POINTS'
    FOCAL_ID_FIELD = 'FOCAL_ID_FIELD'
    FOUR_NEIGHBORS = 'FOUR_NEIGHBORS'
    AVERAGE_RESISTANCES = 'AVERAGE_RESISTANCES'
    SHORT_CIRCUIT = 'SHORT_CIRCUIT'
    MASK = 'MASK'
    INCLUDED_PAIRS = 'INCLUDED_PAIRS'
    SOURCE_STRENGTHS = 'SOURCE_STRENGTHS'
    SOURCES = 'SOURCES'
    GROUNDS = 'GROUNDS'
    GROUNDS_ARE_RESISTANCES = 'GROUNDS_ARE_RESISTANCES'
    REMOVE_SOURCE_OR_GROUND = 'REMOVE_SOURCE_OR_GROUND'
    UNIT_CURRENTS = 'UNIT_CURRENTS'
    DIRECT_GROUNDS = 'DIRECT_GROUNDS'
    OUTPUT_CURRENT = 'OUTPUT_CURRENT'
    OUTPUT_MAX_CURRENT = 'OUTPUT_MAX_CURRENT'
    OUTPUT_VOLTAGE = 'OUTPUT_VOLTAGE'
    OUTPUT_RESISTANCES = 'OUTPUT_RESISTANCES'
    OUTPUT_FOLDER = 'OUTPUT_FOLDER'

    ADVANCED = (IS_CONDUCTANCE, FOUR_NEIGHBORS, AVERAGE_RESISTANCES, SHORT_CIRCUIT, MASK, INCLUDED_PAIRS,
                SOURCE_STRENGTHS, GROUNDS_ARE_RESISTANCES, REMOVE_SOURCE_OR_GROUND, UNIT_CURRENTS, DIRECT_GROUNDS)

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr('Circuitscape (circuit theory)')

    def shortDescription(self):  # noqa: N802 (QGIS API name)
        return self.tr('Current flow through a resistance raster, as Circuitscape 5 computes it.')

    def tags(self):
        return keywords(self.tr('circuitscape,circuit theory,current,connectivity,corridor,pinch point,effective '
                                'resistance'))

    def summary(self):
        return [
            self.tr('Current flow through a resistance raster as Circuitscape 5 computes it (McRae et al. 2008): '
                    'each cell is a node of a resistor network joined to its 8 (or 4) neighbours.'),
            self.tr('The current maps show where movement between focal nodes concentrates (corridors, pinch '
                    'points).'),
            self.tr('Modes: pairwise (1 A between each pair of focal nodes; effective resistances), one-to-all '
                    '(each focal node in turn injects 1 A, all others grounded), all-to-one (each in turn '
                    'grounded, all others inject 1 A), advanced (a source raster in amperes and a ground raster).'),
            self.tr('Results are in ohms, amperes and volts of the cell network: the cell size never scales them '
                    "(Circuitscape's convention), and the raster needs no CRS."),
        ]

    def parameter_help(self):
        return {
            self.RESISTANCE: [
                self.tr('Band 1: resistance of each cell in ohms (or conductance in siemens, see below); nodata, '
                        'values <= 0 and masked cells are not part of the network.'),
            ],
            self.IS_CONDUCTANCE: [
                self.tr('Checked: cell values are conductances (siemens), not resistances.'),
            ],
            self.MODE: [
                self.tr('Which Circuitscape scenario to run.'),
            ],
            self.FOCAL_NODES: [
                self.tr('Cell value = focal node id (integer > 0); 0 or nodata: none.'),
                self.tr('Cells sharing an id form a focal region.'),
            ],
            self.FOCAL_POINTS: [
                self.tr('Points (the cell under each point) or polygons (the cells whose centre they hold); '
                        "reprojected to the raster's CRS."),
            ],
            self.FOCAL_ID_FIELD: [
                self.tr('Integer id > 0 of each focal point or region; features sharing an id are one focal node.'),
            ],
            self.FOUR_NEIGHBORS: [
                self.tr('Unchecked: 8 neighbours, diagonal links weighted by 1 / sqrt(2).'),
            ],
            self.AVERAGE_RESISTANCES: [
                self.tr("Unchecked: a link's conductance is the mean of its two cells' conductances; checked: its "
                        'resistance is the mean of their resistances.'),
            ],
            self.SHORT_CIRCUIT: [
                self.tr('Cells sharing a non-zero value are one node (zero resistance between them).'),
            ],
            self.MASK: [
                self.tr('Cells <= 0 or nodata in the mask are removed from the network.'),
            ],
            self.INCLUDED_PAIRS: [
                self.tr('Circuitscape\'s format: "mode include" or "mode exclude" then one "id id" pair per line, '
                        'or "min" / "max" lines then a matrix of ids.'),
                self.tr('Ids not listed are dropped.'),
            ],
            self.SOURCE_STRENGTHS: [
                self.tr('One-to-all and all-to-one: "id amperes" per line, amperes >= 0 (1 A for unlisted ids).'),
            ],
            self.SOURCES: [
                self.tr('Amperes injected in each cell (nodata or 0: none).'),
                self.tr('A raster: Circuitscape\'s text lists of points ("value x y") are not read; rasterise them '
                        'onto the resistance grid first.'),
            ],
            self.GROUNDS: [
                self.tr('Resistance (ohms, 0 = direct ground) or conductance to ground of each cell; nodata: '
                        'none.'),
                self.tr('A raster: Circuitscape\'s text lists of points ("value x y") are not read; rasterise them '
                        'onto the resistance grid first.'),
            ],
            self.GROUNDS_ARE_RESISTANCES: [
                self.tr('Unchecked: the ground raster holds conductances (siemens).'),
            ],
            self.REMOVE_SOURCE_OR_GROUND: [
                self.tr("Circuitscape's keepall, rmvsrc, rmvgnd and rmvall policies."),
            ],
            self.UNIT_CURRENTS: [
                self.tr('Advanced mode: ignore the source values, each source cell injects 1 A.'),
            ],
            self.DIRECT_GROUNDS: [
                self.tr('Advanced mode: ignore the ground values, each ground cell is held at 0 V.'),
            ],
            self.OUTPUT_CURRENT: [
                self.tr('Float32 GeoTIFF on the resistance grid, amperes: the sum of the current maps of all '
                        'solves.'),
            ],
            self.OUTPUT_MAX_CURRENT: [
                self.tr('The largest current of any single solve in each cell (amperes).'),
            ],
            self.OUTPUT_VOLTAGE: [
                self.tr('Advanced mode: the voltage of each cell (volts).'),
            ],
            self.OUTPUT_RESISTANCES: [
                self.tr('Pairwise: from_id, to_id, resistance (ohms); one-to-all: node_id, resistance; NULL where '
                        'not connected.'),
                self.tr('All-to-one: node_id only (Circuitscape reports no resistance).'),
            ],
            self.OUTPUT_FOLDER: [
                self.tr('current_A_B.tif per pair, or current_N.tif (and voltage_N.tif in one-to-all) per node.'),
            ],
        }

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterRasterLayer(self.RESISTANCE, self.tr('Resistance raster')))
        self.addParameter(QgsProcessingParameterBoolean(
            self.IS_CONDUCTANCE, self.tr('Raster holds conductances'), defaultValue=False))
        self.addParameter(QgsProcessingParameterEnum(
            self.MODE, self.tr('Mode'), options=self.mode_names(), defaultValue=PAIRWISE))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.FOCAL_NODES, self.tr('Focal node raster'), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.FOCAL_POINTS, self.tr('Focal points or regions'),
            [compat.ProcessingSourceType.VectorPoint, compat.ProcessingSourceType.VectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.FOCAL_ID_FIELD, self.tr('Focal id field'), parentLayerParameterName=self.FOCAL_POINTS,
            type=compat.ProcessingFieldParameterDataType.Numeric, optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.FOUR_NEIGHBORS, self.tr('Connect four neighbours only'), defaultValue=False))
        self.addParameter(QgsProcessingParameterBoolean(
            self.AVERAGE_RESISTANCES, self.tr('Average resistances'), defaultValue=False))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.SHORT_CIRCUIT, self.tr('Short-circuit regions'), optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(self.MASK, self.tr('Mask'), optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.INCLUDED_PAIRS, self.tr('Included pairs file'), optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.SOURCE_STRENGTHS, self.tr('Source strengths file'), optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.SOURCES, self.tr('Current sources (advanced mode)'), optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.GROUNDS, self.tr('Grounds (advanced mode)'), optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.GROUNDS_ARE_RESISTANCES, self.tr('Ground values are resistances'), defaultValue=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.REMOVE_SOURCE_OR_GROUND, self.tr('Where a cell is both source and ground'),
            options=[self.tr('Keep both'), self.tr('Remove the source'), self.tr('Remove the ground'),
                     self.tr('Remove both')], defaultValue=0))
        self.addParameter(QgsProcessingParameterBoolean(
            self.UNIT_CURRENTS, self.tr('Every source injects 1 A'), defaultValue=False))
        self.addParameter(QgsProcessingParameterBoolean(
            self.DIRECT_GROUNDS, self.tr('Tie every ground directly to 0 V'), defaultValue=False))
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT_CURRENT, self.tr('Cumulative current')))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_MAX_CURRENT, self.tr('Maximum current'), optional=True, createByDefault=False))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_VOLTAGE, self.tr('Voltage (advanced mode)'), optional=True, createByDefault=False))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_RESISTANCES, self.tr('Effective resistances'), compat.ProcessingSourceType.Vector,
            optional=True))
        self.addParameter(QgsProcessingParameterFolderDestination(
            self.OUTPUT_FOLDER, self.tr('Folder for the map of every solve'), optional=True, createByDefault=False))

    def mode_names(self):
        return [self.tr('Pairwise'), self.tr('One-to-all'), self.tr('All-to-one'), self.tr('Advanced')]

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        mode = self.parameterAsEnum(parameters, self.MODE, context)
        resistance = self.resistance_grid(parameters, context, feedback)
        inputs = RasterInputs(self, parameters, context, resistance, feedback)
        landscape = circuit.Landscape(
            resistance.array, self.parameterAsBoolean(parameters, self.IS_CONDUCTANCE, context),
            self.parameterAsBoolean(parameters, self.FOUR_NEIGHBORS, context),
            self.parameterAsBoolean(parameters, self.AVERAGE_RESISTANCES, context),
            inputs.optional(self.SHORT_CIRCUIT, circuit.check_resampled_regions), inputs.optional(self.MASK))
        folder = self.parameterAsFileOutput(parameters, self.OUTPUT_FOLDER, context) if parameters.get(
            self.OUTPUT_FOLDER) else None
        self.warn_unused(mode, parameters, feedback)
        staging = SolveMaps(folder, resistance)
        try:
            result = self.solve(mode, landscape, parameters, context, inputs, staging, feedback)
            outputs = self.write_maps(mode, result, parameters, context, resistance)
            outputs.update(self.write_resistances(mode, result, parameters, context))
            staging.publish(self.file_in_folder)
        finally:
            staging.discard()
        if folder:
            outputs[self.OUTPUT_FOLDER] = folder
        return outputs

    def warn_unused(self, mode, parameters, feedback):
        """Say which given inputs or outputs the chosen mode does not use (nothing is dropped silently)."""
        if mode == ADVANCED:
            unused = [self.FOCAL_NODES, self.FOCAL_POINTS, self.INCLUDED_PAIRS, self.SOURCE_STRENGTHS,
                      self.OUTPUT_MAX_CURRENT, self.OUTPUT_FOLDER]
        else:
            unused = [self.SOURCES, self.GROUNDS, self.OUTPUT_VOLTAGE]
        given = [self.parameterDefinition(name).description() for name in unused if parameters.get(name)]
        if given:
            feedback.pushWarning(tr('Not used in {mode} mode, ignored: {names}.').format(
                mode=self.mode_names()[mode], names=', '.join(given)))

    def resistance_grid(self, parameters, context, feedback):
        """Band 1 of the resistance raster on its own grid; a raster in degrees round the globe is named in a
        warning, current not crossing 180 degrees there (qgis_io.round_the_globe)."""
        layer = self.parameterAsRasterLayer(parameters, self.RESISTANCE, context)
        if layer is None:
            raise QgsProcessingException(self.invalidRasterError(parameters, self.RESISTANCE))
        if qgis_io.round_the_globe(layer):
            qgis_io.warn_cut_at_180(feedback, layer, tr('no current crosses 180 degrees: focal nodes on either side '
                                                        'are joined only the long way round the globe'))
        path = gdal_path(layer)
        try:
            require_memory(path, BYTES_PER_CELL)
            return read_band(path)
        except EngineError as error:
            raise layer_error(layer, error) from error

    def solve(self, mode, landscape, parameters, context, inputs, staging, feedback):
        """Run the engine for ``mode``; engine errors and cancel become QgsProcessingException."""
        options = dict(max_map=bool(parameters.get(self.OUTPUT_MAX_CURRENT)),
                       feedback=qgis_io.engine_feedback(feedback), on_map=staging.on_map)
        with qgis_io.engine_errors():
            if mode == ADVANCED:
                return self.advanced(landscape, parameters, context, inputs, feedback)
            focal = self.focal(parameters, context, inputs, feedback)
            included = self.file_option(parameters, context, self.INCLUDED_PAIRS, circuit.read_included_pairs)
            strengths = self.file_option(parameters, context, self.SOURCE_STRENGTHS, circuit.read_source_strengths)
            self.warn_unknown_ids(parameters, context, focal, {self.INCLUDED_PAIRS: included and included.ids,
                                                              self.SOURCE_STRENGTHS: strengths}, feedback)
            if mode == PAIRWISE:
                if strengths:
                    feedback.pushWarning(tr('Source strengths are used in one-to-all and all-to-one modes only; '
                                            'pairwise mode ignores them, as Circuitscape does.'))
                cells = np.size(landscape.values)
                executor = qgis_io.engine_executor(feedback, BYTES_PER_CELL * cells,
                                                   small=cells < PARALLEL_MIN_CELLS or not circuit.as_focal(
                                                       focal, np.shape(landscape.values)).has_regions())
                result = circuit.pairwise(landscape, focal, included, executor=executor, **options)
            else:
                solve = circuit.one_to_all if mode == ONE_TO_ALL else circuit.all_to_one
                result = solve(landscape, focal, strengths, included, **options)
        report(result, mode, feedback)
        return result

    def advanced(self, landscape, parameters, context, inputs, feedback):
        sources = inputs.optional(self.SOURCES, circuit.check_resampled_sources)
        grounds = inputs.optional(self.GROUNDS, circuit.check_resampled_grounds)
        if sources is None or grounds is None:
            raise QgsProcessingException(tr('Advanced mode needs a current source raster and a ground raster.'))
        try:
            circuit.check_grounds(grounds)
        except EngineError as error:
            raise layer_error(self.parameterAsRasterLayer(parameters, self.GROUNDS, context), error) from error
        policies = circuit.POLICIES
        return circuit.advanced(
            landscape, sources, grounds,
            self.parameterAsBoolean(parameters, self.GROUNDS_ARE_RESISTANCES, context),
            policies[self.parameterAsEnum(parameters, self.REMOVE_SOURCE_OR_GROUND, context)],
            self.parameterAsBoolean(parameters, self.UNIT_CURRENTS, context),
            self.parameterAsBoolean(parameters, self.DIRECT_GROUNDS, context),
            feedback=qgis_io.engine_feedback(feedback))

    def warn_unknown_ids(self, parameters, context, focal, listed, feedback):
        """Warn naming the focal ids an included-pairs or source-strengths file lists (``listed``: {parameter: ids
        or None}) that no focal node has: Circuitscape ignores them, as this run does, but a mistyped id would
        otherwise drop a pair or a strength unnoticed."""
        known = set(np.unique(focal.ids).tolist())
        for name, ids in listed.items():
            unknown = sorted({int(value) for value in (ids if ids is not None else ())} - known)
            if unknown:
                feedback.pushWarning(tr('{file} lists focal ids that no focal node has: {ids}. They are ignored, as '
                                        'Circuitscape ignores them; check them against the focal nodes.').format(
                    file=self.parameterAsFile(parameters, name, context), ids=', '.join(map(str, unknown[:20]))))

    def file_option(self, parameters, context, name, reader):
        path = self.parameterAsFile(parameters, name, context)
        return reader(path) if path else None

    def focal(self, parameters, context, inputs, feedback):
        """The engine Focal of the focal node raster or of the focal points / polygons."""
        has_raster = bool(parameters.get(self.FOCAL_NODES))
        has_layer = bool(parameters.get(self.FOCAL_POINTS))
        if has_raster == has_layer:
            raise QgsProcessingException(tr('Give the focal nodes either as a raster (Focal node raster) or as '
                                            'points or polygons (Focal points or regions), not both and not none.'))
        if has_raster:
            focal = circuit.Focal.from_grid(inputs.optional(self.FOCAL_NODES, circuit.check_resampled_focal))
        else:
            focal = FocalFeatures(self, parameters, context, inputs.resistance).focal(feedback)
        if parameters.get(self.OUTPUT_RESISTANCES) and len(focal.ids) and focal.ids.max() > LARGEST_ID:
            raise QgsProcessingException(tr('Focal id {id} is larger than {largest}, the largest id the effective '
                                            'resistance table holds: renumber the focal nodes and run again.').format(
                id=int(focal.ids.max()), largest=LARGEST_ID))
        return focal

    def write_maps(self, mode, result, parameters, context, resistance):
        """Write the current (and maximum, voltage) maps; returns the output values."""
        current = result.current if mode == ADVANCED else result.cumulative
        maps = {self.OUTPUT_CURRENT: (current, CURRENT_STYLE)}
        if mode != ADVANCED and parameters.get(self.OUTPUT_MAX_CURRENT):
            maps[self.OUTPUT_MAX_CURRENT] = (result.maximum, CURRENT_STYLE)
        if mode == ADVANCED and parameters.get(self.OUTPUT_VOLTAGE):
            maps[self.OUTPUT_VOLTAGE] = (result.voltage, VOLTAGE_STYLE)
        outputs = {}
        for name, (array, style) in maps.items():
            path = self.parameterAsOutputLayer(parameters, name, context)
            write_map(path, array, resistance)
            style_map_on_load(context, path, style)
            outputs[name] = path
        return outputs

    def write_resistances(self, mode, result, parameters, context):
        """The effective resistance table (none in advanced mode)."""
        if mode == ADVANCED or not parameters.get(self.OUTPUT_RESISTANCES):
            return {}
        fields = QgsFields()
        names = ('from_id', 'to_id') if mode == PAIRWISE else ('node_id',)
        for name in names:
            fields.append(compat.make_field(name, compat.FieldType.Int))
        if mode != ALL_TO_ONE:
            fields.append(qgis_io.double_field('resistance'))
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT_RESISTANCES, context, fields,
                                             compat.WkbType.NoGeometry, QgsCoordinateReferenceSystem())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_RESISTANCES))
        for values in resistance_rows(mode, result):
            feature = QgsFeature(fields)
            feature.setAttributes(values)
            qgis_io.add_feature(sink, feature, self.tr('Effective resistances'))
        return {self.OUTPUT_RESISTANCES: dest_id}


def resistance_rows(mode, result):
    """Attribute lists of the resistance table: NULL where not connected; excluded pairs are left out."""
    ids = [int(focal_id) for focal_id in result.ids]
    if mode == PAIRWISE:
        return [[ids[a], ids[b], as_attribute(result.resistances[a, b])]
                for a in range(len(ids)) for b in range(a + 1, len(ids)) if result.included[a, b]]
    if mode == ONE_TO_ALL:
        return [[focal_id, as_attribute(value)] for focal_id, value in zip(ids, result.resistances)]
    return [[focal_id] for focal_id in ids]


def as_attribute(value):
    return NULL if not np.isfinite(value) else float(value)


def report(result, mode, feedback):
    """Warnings for focal nodes off the network and pairs / nodes that are not connected."""
    if len(result.off_network):
        feedback.pushWarning(tr('Focal node {ids} lies only on nodata, <= 0 or masked cells and takes no part; its '
                                'resistances are NULL.').format(ids=', '.join(str(int(i)) for i in result.off_network)))
    if mode == PAIRWISE:
        upper = result.resistances[np.triu_indices(len(result.ids), 1)]
        missing = int(np.isnan(upper).sum())
        if missing:
            feedback.pushInfo(tr('{count} of {total} pairs are not connected (or not included): their resistance '
                                 'is NULL.').format(count=missing, total=len(upper)))


def gdal_path(layer):
    qgis_io.require_gdal_file(layer)
    return layer.source()


def layer_error(layer, engine_error):
    return QgsProcessingException(tr('Raster "{layer}": {message}').format(
        layer=qgis_io.layer_label(layer), message=qgis_io.engine_message(engine_error)))


class RasterInputs:
    """The optional rasters of a run, read on the resistance raster's grid (warped when their grids differ)."""

    def __init__(self, algorithm, parameters, context, resistance, feedback):
        self.algorithm, self.parameters, self.context, self.resistance = algorithm, parameters, context, resistance
        self.feedback = feedback

    def optional(self, name, check=None):
        """Band 1 of the raster parameter ``name`` on the resistance grid (float64, NaN nodata), or None.

        ``check(original, resampled)``: for rasters of per-cell values (sources, grounds, focal nodes, regions), an
        engine function raising EngineError when the nearest-neighbour resampling onto the resistance grid, from
        cells of another size or CRS (same_cells), changed what the raster says of the cells inside the resistance
        raster; the raster is then refused naming it. Its cells outside are named in a warning."""
        if not self.parameters.get(name):
            return None
        layer = self.algorithm.parameterAsRasterLayer(self.parameters, name, self.context)
        if layer is None:
            raise QgsProcessingException(self.algorithm.invalidRasterError(self.parameters, name))
        path = gdal_path(layer)
        grid = self.resistance
        try:
            if same_grid(path, grid):
                return read_band(path).array
            options = grid_bounds(grid.geotransform, grid.array.shape)
            if grid.crs_wkt:
                options['dstSRS'] = grid.crs_wkt
            resampled = warped_band(path, path, **options).array
            if check is not None:
                original, outside = inside_grid(path, grid)
                if outside:
                    self.feedback.pushWarning(tr('Raster "{layer}": {count} of its non-zero cells lie outside the '
                                                 'resistance raster and are left out.').format(
                        layer=qgis_io.layer_label(layer), count=outside))
                if not same_cells(path, grid):
                    check(original, resampled)
            return resampled
        except EngineError as error:
            raise layer_error(layer, error) from error


class FocalFeatures:
    """Focal points or polygons placed on the resistance grid."""

    def __init__(self, algorithm, parameters, context, resistance):
        self.source = algorithm.parameterAsSource(parameters, algorithm.FOCAL_POINTS, context)
        if self.source is None:
            raise QgsProcessingException(algorithm.invalidSourceError(parameters, algorithm.FOCAL_POINTS))
        self.label = qgis_io.layer_label(parameters[algorithm.FOCAL_POINTS], context)
        self.id_field = qgis_io.resolve_field(
            self.source, algorithm.parameterAsString(parameters, algorithm.FOCAL_ID_FIELD, context), self.label)
        if not self.id_field:
            raise QgsProcessingException(tr('Choose the focal id field of the layer "{layer}".').format(
                layer=self.label))
        self.context, self.resistance = context, resistance

    def focal(self, feedback):
        grid = self.resistance
        crs = QgsCoordinateReferenceSystem(grid.crs_wkt) if grid.crs_wkt else self.source.sourceCrs()
        polygons = QgsWkbTypes.geometryType(self.source.wkbType()) == compat.GeometryType.Polygon
        features = qgis_io.read_features(self.source, crs, self.context, feedback, attribute_names=[self.id_field])
        ids, cells, outside = [], [], []
        for item in features:
            focal_id = self.focal_id(item)
            placed = feature_cells(item.geometry, grid.array.shape, grid.geotransform, polygons, grid.crs_wkt)
            if len(placed) == 0:
                outside.append(item.fid)
            ids.extend([focal_id] * len(placed))
            cells.extend(placed)
        if outside:
            feedback.pushWarning(tr('Layer "{layer}": the features with id {ids} lie outside the resistance raster '
                                    'or have no geometry and are ignored.').format(
                layer=self.label, ids=', '.join(str(fid) for fid in outside[:10])))
        focal = circuit.Focal(np.array(ids, dtype=np.int64), np.array(cells, dtype=np.int64))
        merged = focal.ids_sharing_cells()
        if merged:
            feedback.pushWarning(tr('Layer "{layer}": focal ids {groups} share cells of the resistance raster and '
                                    'are each one node, at 0 ohms from each other (as in Circuitscape). Use a finer '
                                    'raster or give places in one cell one id.').format(
                layer=self.label, groups='; '.join(' = '.join(map(str, group)) for group in merged[:10])))
        return focal

    def focal_id(self, item):
        value = item.attributes.get(self.id_field)
        try:
            focal_id = int(value)
            valid = value is not None and value != NULL and focal_id == float(value) and focal_id > 0
        except (TypeError, ValueError):
            valid = False
        if not valid:
            raise QgsProcessingException(
                tr('Layer "{layer}": feature id {fid} has the focal id {value} in the field "{field}"; focal ids '
                   'must be whole numbers > 0.').format(layer=self.label, fid=item.fid, value=value,
                                                       field=self.id_field))
        return focal_id


class SolveMaps:
    """The optional folder of per-solve maps, written to a hidden staging folder and moved into place only
    when the whole run succeeds."""

    def __init__(self, folder, resistance):
        self.folder, self.resistance = folder, resistance
        self.staging = None
        if folder:
            os.makedirs(folder, exist_ok=True)
            self.staging = os.path.join(folder, '.partial-{}'.format(uuid.uuid4().hex))
            os.makedirs(self.staging)

    @property
    def on_map(self):
        return self.write if self.staging else None

    def write(self, *key_and_maps):
        """on_map callback: (a, b, current) in pairwise, (id, current, voltage) otherwise."""
        if isinstance(key_and_maps[1], np.ndarray):
            focal_id, current, voltage = key_and_maps
            self.save('current_{}.tif'.format(int(focal_id)), current)
            if np.any(np.nan_to_num(voltage)):
                self.save('voltage_{}.tif'.format(int(focal_id)), voltage)
        else:
            first, second, current = key_and_maps
            self.save('current_{}_{}.tif'.format(int(first), int(second)), current)

    def save(self, name, array):
        write_map(os.path.join(self.staging, name), array, self.resistance)

    def publish(self, destination):
        """Move the maps into the folder, each to ``destination(folder, name)`` (the algorithm's file_in_folder,
        which sets aside a map of an earlier run it replaces), in name order."""
        if self.staging:
            for name in sorted(os.listdir(self.staging)):
                os.replace(os.path.join(self.staging, name), destination(self.folder, name))

    def discard(self):
        if self.staging and os.path.isdir(self.staging):
            shutil.rmtree(self.staging, ignore_errors=True)


def write_map(path, array, resistance):
    """Write a map as a Float32 GeoTIFF on the resistance grid (nodata where a cell is no node); Float64 when a
    value (a voltage over huge resistances) is beyond Float32's range (engine.raster.float_type_for)."""
    with qgis_io.engine_errors():
        write_geotiff(path, array, resistance.geotransform, resistance.crs_wkt, nodata=-9999.0, fast=True,
                      float32=True)


def style_map_on_load(context, path, style):
    """Current maps get the corridor tools' log-stretched current style, voltages the stretched cost style."""
    if style == CURRENT_STYLE:
        corridor_io.style_raster_on_load(context, path, CURRENT_STYLE)
    elif context.willLoadLayerOnCompletion(path):
        style_file = os.path.join(qgis_io.STYLE_DIR, style + '.qml')
        context.layerToLoadOnCompletionDetails(path).setPostProcessor(CostRasterStyle.create(style_file))
