"""Processing algorithms ``costdistance`` (accumulated cost raster) and ``leastcostpath`` (least-cost lines).

Both read band 1 of a resistance raster, rasterise their sources onto its grid and call
engine.costdistance (8-neighbour average-cost convention, docs/costdistance.md). Costs are in
resistance units x metres.
"""

import os
from collections import namedtuple

import numpy as np
from scipy import ndimage
from osgeo import gdal
from shapely.geometry import LineString
from qgis.core import (
    QgsFeature,
    QgsFields,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsWkbTypes,
)

from ..compat import (
    FieldType,
    GeometryType,
    ProcessingNumberParameterType,
    ProcessingSourceType,
    WkbType,
    make_field,
)
from .. import qgis_io
from ..engine import costdistance
from ..engine.messages import EngineError
from ..engine.raster import raster_errors, scaled, write_geotiff
from ..resistance import CostRasterStyle, ResistanceGrid, grid_bounds, mask_dataset, same_grid, warped_band
from .base import ReservePlannerAlgorithm, keywords

COST_STYLE = 'costdistance'
PATH_STYLE = 'leastcostpath'


tr = qgis_io.translator('CostDistanceAlgorithms')


def vector_sources(source, layer_name, resistance, context, feedback):
    """Boolean source mask of a vector layer on the resistance's working grid.

    Polygons give the cells whose centre they contain, lines and points every cell they touch. Features
    without a usable geometry or outside the raster are reported; none on the raster is an error.
    """
    features, polygons = read_sources(source, layer_name, resistance, context, feedback)
    return sources_mask(features, polygons, layer_name, resistance, feedback)


def read_sources(source, layer_name, resistance, context, feedback):
    """(SourceFeatures in the working CRS, whether they are polygons); warns about unusable geometries."""
    if source.featureCount() == 0:
        raise QgsProcessingException(tr('The layer "{layer}" has no features.').format(layer=layer_name))
    polygons = QgsWkbTypes.geometryType(source.wkbType()) == GeometryType.Polygon
    read = qgis_io.read_polygons if polygons else _read_any
    features = read(source, layer_name, resistance.crs, context, feedback)
    unusable = [item.fid for item in features if item.geometry is None]
    if unusable:
        feedback.pushWarning(
            tr('Layer "{layer}": the features with id {ids} have no usable geometry and are ignored.').format(
                layer=layer_name, ids=_listed(unusable)))
    return features, polygons


def sources_mask(features, polygons, layer_name, resistance, feedback):
    """Boolean mask of the cells of the source ``features`` on the working grid (see vector_sources)."""
    grid = resistance.grid
    mask, outside = costdistance.source_mask([item.geometry for item in features], grid.array.shape,
                                             grid.geotransform, polygons, grid.crs_wkt)
    outside = [features[index].fid for index in outside if features[index].geometry is not None]
    if not mask.any():
        raise QgsProcessingException(
            tr('No feature of the layer "{layer}" lies on the resistance raster "{raster}": check that they '
               'overlap (the layers may be in different places or CRSs).').format(
                layer=layer_name, raster=qgis_io.layer_label(resistance.layer)))
    if outside:
        feedback.pushWarning(tr('Layer "{layer}": the features with id {ids} lie outside the resistance raster and are '
                                'ignored.').format(layer=layer_name, ids=_listed(outside)))
    return mask


def _read_any(source, layer_name, crs, context, feedback):
    return qgis_io.read_features(source, crs, context, feedback, attribute_names=[])


def _listed(ids, shown=10):
    text = ', '.join(str(fid) for fid in ids[:shown])
    return text + (tr(' and {count} more').format(count=len(ids) - shown) if len(ids) > shown else '')


def read_source_raster(layer):
    """SourceCells of the raster layer ``layer``: its non-zero, non-nodata cells on its own grid."""
    qgis_io.require_gdal_file(layer)
    try:
        with raster_errors(layer.source()):
            geotransform = gdal.Open(layer.source()).GetGeoTransform()
        return SourceCells(layer, nonzero_cells(layer.source()), geotransform)
    except EngineError as error:
        raise raster_error(layer, error) from error


def raster_error(layer, engine_error):
    """The QgsProcessingException for the EngineError ``engine_error`` met reading the source raster ``layer``."""
    return QgsProcessingException(tr('Raster "{layer}": {message}').format(
        layer=qgis_io.layer_label(layer), message=qgis_io.engine_message(engine_error)))


SourceCells = namedtuple('SourceCells', 'layer mask geotransform')
"""The source cells of a raster layer: ``mask`` (boolean, on the layer's grid, the GDAL ``geotransform``)."""


def source_cell_points(cells, context):
    """The centres (QgsPointXY, EPSG:4326) of a sample of the SourceCells ``cells`` (qgis_io.raster_cell_points):
    what the metric CRS of a resistance raster in degrees is centred on (qgis_io.raster_metric_crs)."""
    return qgis_io.raster_cell_points(cells.mask, cells.geotransform, cells.layer.crs(), context)


def raster_sources(cells, resistance):
    """Boolean mask of the SourceCells ``cells`` on the resistance's working grid (warped with nearest neighbour
    when the grids differ, keeping sources smaller than a cell: _nonzero_on_grid)."""
    try:
        mask = _nonzero_on_grid(cells.layer.source(), cells.mask, resistance.grid)
    except EngineError as error:
        raise raster_error(cells.layer, error) from error
    if not mask.any():
        raise QgsProcessingException(
            tr('The source raster "{layer}" has no non-zero cell on the resistance raster "{raster}".').format(
                layer=qgis_io.layer_label(cells.layer), raster=qgis_io.layer_label(resistance.layer)))
    return mask


def _nonzero_on_grid(path, cells, grid):
    """The boolean ``cells`` of the raster at ``path`` (nonzero_cells) on the Grid ``grid``, by nearest neighbour (a
    cell of ``grid`` is a source when its centre lies in a source cell); a source (a group of touching source cells)
    smaller than the grid's cells that falls between their centres, and would so be lost, takes the cells of
    ``grid`` it lies in."""
    if same_grid(path, grid):
        return cells
    labels, count = ndimage.label(cells, structure=np.ones((3, 3)))
    options = dict(dstSRS=grid.crs_wkt, **grid_bounds(grid.geotransform, grid.array.shape))
    nearest = np.nan_to_num(warped_band(mask_dataset(path, labels), path, **options).array, nan=0.0)
    lost = np.setdiff1d(np.arange(1, count + 1), nearest)
    mask = nearest != 0
    if len(lost):
        holding = warped_band(mask_dataset(path, np.isin(labels, lost)), path, resampling='max', **options).array
        mask |= np.nan_to_num(holding, nan=0.0) != 0
    return mask


def nonzero_cells(path):
    """Boolean mask of the cells of band 1 of the raster at ``path`` that are neither 0 nor nodata (read in
    the band's own type, so a byte raster costs a byte per cell)."""
    with raster_errors(path):
        dataset = gdal.Open(path)
        band = dataset.GetRasterBand(1)
        values = band.ReadAsArray()
        nodata = band.GetNoDataValue()
        missing = values == nodata if nodata is not None else np.zeros(values.shape, bool)
        values = scaled(band, values)
    mask = (values != 0) & ~missing
    if np.issubdtype(values.dtype, np.floating):
        mask &= ~np.isnan(values)
    return mask


def accumulate(graph, mask, max_cost, feedback):
    """Run the engine with the feedback's progress and cancel; raise QgsProcessingException on error or cancel."""
    with qgis_io.engine_errors():
        return graph.accumulate(mask, max_cost=max_cost, feedback=qgis_io.engine_feedback(feedback))


def unreached_as_nodata(cost, block_rows=256):
    """Set the unreached cells (inf) of the accumulated ``cost`` to NaN (nodata), in place, by blocks of rows."""
    for first in range(0, cost.shape[0], block_rows):
        block = cost[first:first + block_rows]
        block[np.isinf(block)] = np.nan


class CostDistance(ReservePlannerAlgorithm):
    """Accumulated cost from sources over a resistance raster."""

    ALGORITHM_ID = 'costdistance'
    GROUP_ID = 'corridors'
    ICON = 'costdistance.svg'

    RESISTANCE = 'RESISTANCE'
    SOURCES = 'SOURCES'
    SOURCE_RASTER = 'SOURCE_RASTER'
    MAX_COST = 'MAX_COST'
    OUTPUT = 'OUTPUT'

    ADVANCED = (MAX_COST,)

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr('Cost distance')

    def shortDescription(self):  # noqa: N802 (QGIS API name)
        return self.tr('Accumulated cost from the nearest source to every cell of a resistance raster.')

    def tags(self):
        return keywords(self.tr('cost distance,accumulated cost,resistance,r.cost,friction,raster'))

    def summary(self):
        return [
            self.tr('Accumulated cost of travelling from the nearest source to every cell of a resistance raster, '
                    'as GRASS r.cost (times the cell size) and ArcGIS Cost Distance compute it.'),
            self.tr('Each cell is joined to its 8 neighbours and a step costs its length in metres times the mean '
                    'resistance of the two cells (diagonal steps are longer; non-square cells are exact).'),
            self.tr('Output: a Float32 raster on the resistance grid with the accumulated cost in resistance x '
                    'metres (0 on the sources), no data where the cost is beyond the maximum or no path reaches; '
                    'Float64 when a cost exceeds the largest Float32 value, 3.4e38, which huge resistances can '
                    'reach.'),
        ]

    def parameter_help(self):
        return {
            self.RESISTANCE: [
                self.tr('Band 1 gives the cost of crossing one metre of each cell (positive values).'),
                self.tr('Cells without data or with a resistance of 0 or less are barriers.'),
                self.tr('A raster that is not in a projected CRS in metres (for example geographic degrees) is '
                        'warped to a local equal-area CRS in metres for the run, with a warning, and the result '
                        'warped back onto its grid.'),
            ],
            self.SOURCES: [
                self.tr('Polygons make the cells whose centre they contain sources (a polygon smaller than a cell '
                        'makes the cells it touches sources); lines and points make every cell they touch a '
                        'source.'),
                self.tr('Layers in another CRS are reprojected; features outside the raster are reported and '
                        'ignored.'),
            ],
            self.SOURCE_RASTER: [
                self.tr('Its non-zero cells are sources (resampled onto the resistance grid).'),
                self.tr('Give sources, a source raster or both.'),
            ],
            self.MAX_COST: [
                self.tr('Resistance x metres; empty or 0 means no limit.'),
                self.tr('Cells farther than this stay without data, and the run stops earlier.'),
            ],
        }

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterRasterLayer(self.RESISTANCE, self.tr('Resistance raster')))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.SOURCES, self.tr('Sources'), [ProcessingSourceType.VectorAnyGeometry], optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.SOURCE_RASTER, self.tr('Source raster (non-zero cells are sources)'), optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.MAX_COST, self.tr('Maximum cost (resistance x m; 0 = no limit)'), ProcessingNumberParameterType.Double,
            optional=True, minValue=0.0))
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr('Accumulated cost')))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        resistance_layer = self.parameterAsRasterLayer(parameters, self.RESISTANCE, context)
        sources = self.parameterAsSource(parameters, self.SOURCES, context)
        source_raster = self.parameterAsRasterLayer(parameters, self.SOURCE_RASTER, context)
        max_cost = None
        if parameters.get(self.MAX_COST) not in (None, ''):
            max_cost = self.parameterAsDouble(parameters, self.MAX_COST, context) or None
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        if resistance_layer is None:
            raise QgsProcessingException(self.invalidRasterError(parameters, self.RESISTANCE))
        if sources is None and source_raster is None:
            raise QgsProcessingException(self.tr('Give sources (a vector layer), a source raster, or both.'))

        steps = QgsProcessingMultiStepFeedback(3, feedback)
        cells = read_source_raster(source_raster) if source_raster is not None else None
        points = source_cell_points(cells, context) if cells is not None else ()
        resistance = ResistanceGrid(resistance_layer, context, steps, streamed=True, sources=[sources], points=points)
        mask = np.zeros(resistance.grid.array.shape, dtype=bool)
        if sources is not None:
            mask |= vector_sources(sources, qgis_io.layer_label(parameters[self.SOURCES], context), resistance,
                                   context, steps)
        if source_raster is not None:
            mask |= raster_sources(cells, resistance)
        steps.setCurrentStep(1)
        cost = accumulate(resistance.graph(), mask, max_cost, steps)
        steps.setCurrentStep(2)
        unreached_as_nodata(cost)
        cost = resistance.to_layer_grid(cost)
        if feedback.isCanceled():
            raise qgis_io.cancelled()
        grid = resistance.layer_grid
        with qgis_io.engine_errors():
            write_geotiff(output, cost, grid.geotransform, grid.crs_wkt, fast=True, float32=True)
        steps.setProgress(100)
        _style_cost_raster(context, output)
        return {self.OUTPUT: output}


class LeastCostPath(ReservePlannerAlgorithm):
    """Least-cost paths from source features to each target feature."""

    ALGORITHM_ID = 'leastcostpath'
    GROUP_ID = 'corridors'
    ICON = 'leastcostpath.svg'

    RESISTANCE = 'RESISTANCE'
    SOURCE = 'SOURCE'
    TARGET = 'TARGET'
    OUTPUT = 'OUTPUT'

    TARGET_FIELD = 'target_id'
    SOURCE_FIELD = 'source_id'
    COST_FIELD = 'cost'
    LENGTH_FIELD = 'length_m'

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr('Least-cost path')

    def shortDescription(self):  # noqa: N802 (QGIS API name)
        return self.tr('The least-cost path over a resistance raster from the sources to each target.')

    def tags(self):
        return keywords(self.tr('least-cost path,cost distance,resistance,r.path,route,corridor'))

    def summary(self):
        return [
            self.tr('The least-cost path over a resistance raster from the source features to each target '
                    'feature, as GRASS r.cost followed by r.path.'),
            self.tr('The accumulated cost from the sources follows the rules of the Cost distance algorithm; the '
                    'path is traced back from the target down the accumulated cost to a source.'),
            self.tr('Output: one line per target through the cell centres of the path, in the CRS of the '
                    'resistance raster, with target_id, source_id (the lowest id where sources overlap), cost '
                    '(resistance x metres) and length_m (metres).'),
            self.tr('A target lying on a source gets a path of cost 0 and length 0, with a warning.'),
        ]

    def parameter_help(self):
        return {
            self.RESISTANCE: [
                self.tr('Band 1, cost per metre; nodata and resistance <= 0 are barriers.'),
                self.tr('A raster not in a projected CRS in metres is warped to a local equal-area CRS in metres '
                        'for the run, with a warning.'),
            ],
            self.SOURCE: [
                self.tr('The features the paths start from (polygons: cells whose centre they contain; lines and '
                        'points: cells they touch).'),
                self.tr('A path starts from whichever source is cheapest to reach the target from.'),
            ],
            self.TARGET: [
                self.tr('One path is drawn to each target feature, ending at its cell with the lowest accumulated '
                        'cost.'),
                self.tr('A target that no path reaches (barriers all around) is reported and gets no line.'),
            ],
        }

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterRasterLayer(self.RESISTANCE, self.tr('Resistance raster')))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.SOURCE, self.tr('Source'), [ProcessingSourceType.VectorAnyGeometry]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.TARGET, self.tr('Target'), [ProcessingSourceType.VectorAnyGeometry]))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr('Least-cost paths'), ProcessingSourceType.VectorLine))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        resistance_layer = self.parameterAsRasterLayer(parameters, self.RESISTANCE, context)
        source = self.parameterAsSource(parameters, self.SOURCE, context)
        target = self.parameterAsSource(parameters, self.TARGET, context)
        if resistance_layer is None:
            raise QgsProcessingException(self.invalidRasterError(parameters, self.RESISTANCE))
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.SOURCE))
        if target is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.TARGET))

        steps = QgsProcessingMultiStepFeedback(3, feedback)
        resistance = ResistanceGrid(resistance_layer, context, steps, streamed=True, sources=[source, target])
        target_label = qgis_io.layer_label(parameters[self.TARGET], context)
        source_label = qgis_io.layer_label(parameters[self.SOURCE], context)
        source_features, polygons = read_sources(source, source_label, resistance, context, steps)
        mask = sources_mask(source_features, polygons, source_label, resistance, steps)
        targets = self.target_cells(target, target_label, resistance, context, steps)
        graph = resistance.graph()
        steps.setCurrentStep(1)
        cost = accumulate(graph, mask, None, steps)
        steps.setCurrentStep(2)
        paths, unreached = self.trace_paths(targets, cost, graph, steps)
        if unreached:
            feedback.pushWarning(
                tr('Layer "{layer}": no path reaches the features with id {ids} (barriers or nodata all '
                   'around them).').format(layer=target_label, ids=_listed(unreached)))
        if not paths:
            raise QgsProcessingException(
                tr('No target of the layer "{layer}" can be reached from the sources: barriers (nodata or '
                   'resistance <= 0) separate them.').format(layer=target_label))
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, self.output_fields(),
                                             WkbType.LineString, resistance_layer.crs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        starts = self.source_ids([path[0] for _fid, path in paths], source_features, polygons, resistance.grid)
        for (fid, path), source_id in zip(paths, starts):
            self.write_path(sink, (fid, source_id), path, cost, resistance, context)
        on_source = [fid for fid, path in paths if len(path) == 1]
        if on_source:
            feedback.pushWarning(
                tr('Layer "{layer}": the features with id {ids} lie on a source of "{sources}"; their paths have '
                   'cost 0 and length 0.').format(layer=target_label, ids=_listed(on_source), sources=source_label))
        qgis_io.style_output_on_load(context, dest_id, PATH_STYLE)
        return {self.OUTPUT: dest_id}

    @staticmethod
    def trace_paths(targets, cost, graph, feedback):
        """([(target id, path cells)], [ids of unreachable targets]); each path ends at the target's cheapest
        cell. Done before the output is created, so a cancelled run writes nothing."""
        paths, unreached = [], []
        for number, (fid, cells) in enumerate(targets):
            if feedback.isCanceled():
                raise qgis_io.cancelled()
            cell_costs = cost[np.divmod(cells, graph.shape[1])]
            if not np.isfinite(cell_costs).any():
                unreached.append(fid)
                continue
            end = int(cells[np.argmin(cell_costs)])
            paths.append((fid, costdistance.least_cost_path(cost, graph, divmod(end, graph.shape[1]))))
            feedback.setProgress(100.0 * (number + 1) / len(targets))
        return paths, unreached

    @staticmethod
    def target_cells(target, label, resistance, context, feedback):
        """[(target feature id, flat indices of its cells on the working grid)] for each feature of ``target``
        (called ``label`` in messages)."""
        polygons = QgsWkbTypes.geometryType(target.wkbType()) == GeometryType.Polygon
        read = qgis_io.read_polygons if polygons else _read_any
        features = read(target, label, resistance.crs, context, feedback)
        if not features:
            raise QgsProcessingException(tr('The layer "{layer}" has no features.').format(layer=label))
        grid = resistance.grid
        cells, lost = [], []
        for item in features:
            found = costdistance.feature_cells(item.geometry, grid.array.shape, grid.geotransform, polygons,
                                               grid.crs_wkt)
            if found.size:
                cells.append((item.fid, found))
            else:
                lost.append(item.fid)
        if lost:
            feedback.pushWarning(tr('Layer "{layer}": the features with id {ids} have no geometry or lie outside the '
                                    'resistance raster; they get no path.').format(
                layer=label, ids=_listed(lost)))
        if not cells:
            raise QgsProcessingException(
                tr('No feature of the layer "{layer}" lies on the resistance raster "{raster}".').format(
                    layer=label, raster=qgis_io.layer_label(resistance.layer)))
        return cells

    @staticmethod
    def source_ids(cells, features, polygons, grid):
        """The id of the first source feature (in id order) covering each (row, col) of ``cells``."""
        wanted = {row * grid.array.shape[1] + col for row, col in cells}
        owners = {}
        for item in sorted(features, key=lambda feature: feature.fid):
            found = costdistance.feature_cells(item.geometry, grid.array.shape, grid.geotransform, polygons,
                                               grid.crs_wkt)
            for cell in wanted.intersection(found.tolist()) - owners.keys():
                owners[cell] = item.fid
        return [owners[row * grid.array.shape[1] + col] for row, col in cells]

    def output_fields(self):
        fields = QgsFields()
        fields.append(make_field(self.TARGET_FIELD, FieldType.LongLong))
        fields.append(make_field(self.SOURCE_FIELD, FieldType.LongLong))
        fields.append(qgis_io.double_field(self.COST_FIELD))
        fields.append(qgis_io.double_field(self.LENGTH_FIELD))
        return fields

    def write_path(self, sink, ids, path, cost, resistance, context):
        """One output line through the cell centres of ``path``, in the resistance layer's CRS (its longitudes
        continuous across 180 degrees, qgis_io.output_line); ``ids``: (target feature id, source feature id)."""
        x0, dx, _, y0, _, dy = resistance.grid.geotransform
        points = [(x0 + (col + 0.5) * dx, y0 + (row + 0.5) * dy) for row, col in path]
        if len(points) == 1:
            points.append(points[0])
        line = LineString(points)
        end_row, end_col = path[-1]
        feature = QgsFeature(self.output_fields())
        feature.setGeometry(qgis_io.output_line(line, resistance.crs, resistance.layer.crs(), context))
        feature.setAttributes([int(ids[0]), int(ids[1]), float(cost[end_row, end_col]), float(line.length)])
        qgis_io.add_feature(sink, feature, self.OUTPUT)


def _style_cost_raster(context, destination_id):
    if context.willLoadLayerOnCompletion(destination_id):
        style_file = os.path.join(qgis_io.STYLE_DIR, COST_STYLE + '.qml')
        details = context.layerToLoadOnCompletionDetails(destination_id)
        details.setPostProcessor(CostRasterStyle.create(style_file))
