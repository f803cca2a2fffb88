"""The one reader of resistance rasters, shared by every algorithm that walks a cost surface (costdistance,
leastcostpath, corridornetwork, barriers, pinchpoints, generatezones, patchimportance, gravitymodel,
resistancesurface), the raster helpers they share (warping onto a grid, same-grid test) and the style of the cost
rasters they write.

A resistance raster is read as band 1 of a GDAL file into an engine Grid in a CRS projected in metres, after a
memory check sized for the caller's whole run (docs/costdistance.md).
"""

import uuid

import numpy as np
from osgeo import gdal, osr
from qgis.core import QgsColorRampShader, QgsProcessingException

from . import qgis_io
from .compat import band_maximum
from .engine import costdistance
from .engine.messages import EngineError
from .engine.raster import (
    Grid,
    cell_size,
    gdal_exceptions,
    holds_in_float32,
    raster_errors,
    read_band,
    read_rows,
    require_memory,
)

ADAPTER_BYTES_PER_CELL = 17
"""Memory the callers of ResistanceGrid add per cell to the engine's when the resistance is read whole: the band
as read (float64, 8 bytes) and a Float32 output with its nodata copy and mask (4 + 4 + 1)."""

RUN_BYTES_PER_CELL = costdistance.WIDE_BYTES_PER_CELL + ADAPTER_BYTES_PER_CELL
"""Memory a cost-distance run holds per cell of the resistance raster read whole, checked before it is read (the
band arrives as float64, so the engine may need its WIDE_BYTES_PER_CELL)."""

STREAMED_ADAPTER_BYTES_PER_CELL = 1
"""Memory the costdistance and leastcostpath adapters add per cell to the engine's when the resistance is read by
blocks straight into the cost graph and the output written by blocks (ResistanceGrid ``streamed``): the boolean
source mask (1 byte)."""


tr = qgis_io.translator('ReservePlannerResistance')


class ResistanceGrid:
    """Band 1 of a resistance raster layer, in a CRS in metres, and the way back to the layer's own grid.

    A raster in a projected CRS in metres is used as it is. Any other raster (geographic, Web Mercator,
    feet) is warped with nearest neighbour to ``work_crs`` (default: a local Lambert azimuthal equal-area CRS
    centred on the feature sources ``sources`` and the points ``points``, QgsPointXY in EPSG:4326, measured over
    it: qgis_io.raster_metric_crs) for the run, with a warning, and results are warped back onto the layer's grid
    (DESIGN.md conventions: metres whatever the CRS).

    ``bytes_per_cell`` is the memory the caller's whole run holds per cell of the raster; a raster too large
    for the memory available is refused before it is read (engine.raster.require_memory).

    ``streamed``: a raster in metres is read by blocks of rows straight into the cost graph (``graph()``), never
    held whole as it is read; ``grid.array`` is then the graph's own resistance (NaN for barriers, <= 0
    included) and the memory needed is the engine's (BYTES_PER_CELL, or WIDE_BYTES_PER_CELL for a band type
    float32 does not hold) plus STREAMED_ADAPTER_BYTES_PER_CELL.
    """

    def __init__(self, layer, context, feedback, work_crs=None, bytes_per_cell=RUN_BYTES_PER_CELL, streamed=False,
                 sources=(), points=()):
        qgis_io.require_gdal_file(layer)
        self.layer = layer
        if qgis_io.is_metric(layer.crs()) or work_crs is None:
            self.crs = qgis_io.raster_metric_crs(layer, sources, context, points)
        else:
            self.crs = work_crs
        self._graph = None
        try:
            if streamed and self.crs == layer.crs():
                self._read_into_graph(layer.source())
            else:
                require_memory(layer.source(), bytes_per_cell)
                self.layer_grid = read_band(layer.source())
                self.grid = self._working_grid(feedback)
            self.cell_width, self.cell_height = cell_size(self.grid.geotransform)
        except EngineError as error:
            raise self.error(error) from error

    def _read_into_graph(self, path):
        """Build the cost graph from blocks of rows of the raster at ``path`` (see ``streamed``)."""
        engine_bytes = costdistance.BYTES_PER_CELL if holds_in_float32(path) else costdistance.WIDE_BYTES_PER_CELL
        require_memory(path, engine_bytes + STREAMED_ADAPTER_BYTES_PER_CELL)
        with raster_errors(path):
            dataset = gdal.Open(path)
            geotransform, crs_wkt = dataset.GetGeoTransform(), dataset.GetProjection()
            self._graph = costdistance.CostGraph.from_rows(
                (dataset.RasterYSize, dataset.RasterXSize), lambda first, count: read_rows(dataset, first, count),
                *cell_size(geotransform))
        self.layer_grid = self.grid = Grid(self._graph.resistance, geotransform, crs_wkt)

    def error(self, engine_error):
        """A QgsProcessingException naming the resistance layer and saying what the engine found."""
        return QgsProcessingException(tr('Raster "{layer}": {message}').format(
            layer=qgis_io.layer_label(self.layer), message=qgis_io.engine_message(engine_error)))

    def _working_grid(self, feedback):
        if self.crs == self.layer.crs():
            return self.layer_grid
        qgis_io.warn_raster_warped(feedback, self.layer, self.crs)
        return self._warp(self.layer_grid, self.crs.toWkt())

    def _warp(self, grid, crs_wkt, like=None):
        """``grid`` warped (nearest neighbour) to ``crs_wkt``, or onto the grid of the Grid ``like``."""
        options = dict(dstSRS=crs_wkt, srcNodata=np.nan)
        if like is not None:
            options.update(grid_bounds(like.geotransform, like.array.shape))
        return warped_band(_memory_dataset(grid), self.layer.source(), **options)

    def to_layer_grid(self, array):
        """``array`` (on the working grid) on the layer's own grid."""
        if self.grid is self.layer_grid:
            return array
        working = self.grid._replace(array=array)
        try:
            return self._warp(working, self.layer_grid.crs_wkt, like=self.layer_grid).array
        except EngineError as error:
            raise self.error(error) from error

    def graph(self):
        if self._graph is not None:
            return self._graph
        try:
            return costdistance.CostGraph(self.grid.array, self.cell_width, self.cell_height)
        except EngineError as error:
            raise self.error(error) from error


@gdal_exceptions()
def mask_dataset(path, mask):
    """A GDAL MEM dataset of the boolean ``mask`` (1 / 0) on the grid of the raster at ``path``."""
    with raster_errors(path):
        dataset = gdal.Open(path)
        return _memory_dataset(Grid(mask.astype(np.float64), dataset.GetGeoTransform(), dataset.GetProjection()))


def _memory_dataset(grid):
    rows, cols = grid.array.shape
    dataset = gdal.GetDriverByName('MEM').Create('', cols, rows, 1, gdal.GDT_Float64)
    dataset.SetGeoTransform(grid.geotransform)
    dataset.SetProjection(grid.crs_wkt)
    band = dataset.GetRasterBand(1)
    band.SetNoDataValue(np.nan)
    band.WriteArray(grid.array)
    return dataset


def grid_bounds(geotransform, shape):
    """gdal.Warp options that put the output exactly on the grid of ``geotransform`` and ``shape``."""
    rows, cols = shape
    x0, dx, _, y0, _, dy = geotransform
    return dict(outputBounds=(x0, y0 + rows * dy, x0 + cols * dx, y0), width=cols, height=rows)


@gdal_exceptions()
def warped_band(source, name, resampling='near', **options):
    """gdal.Warp of ``source`` (a path or dataset) with ``resampling`` (nearest neighbour by default) and
    ``options``, read back as an engine Grid (float64, NaN = nodata); an EngineError names the raster ``name`` when
    GDAL fails."""
    path = '/vsimem/reserve_planner_{}.tif'.format(uuid.uuid4().hex)
    try:
        with raster_errors(name):
            gdal.Warp(path, source, resampleAlg=resampling, outputType=gdal.GDT_Float64, dstNodata=np.nan, **options)
        return read_band(path)
    finally:
        if gdal.VSIStatL(path) is not None:
            gdal.Unlink(path)


def same_grid(path, grid):
    """True when the raster at ``path`` has exactly the cells of the engine Grid ``grid``."""
    rows, cols = grid.array.shape
    with raster_errors(path):
        dataset = gdal.Open(path)
        return (dataset.RasterXSize, dataset.RasterYSize) == (cols, rows) and same_cells(path, grid) and np.allclose(
            dataset.GetGeoTransform(), grid.geotransform, rtol=0, atol=1e-9 * max(1.0, abs(grid.geotransform[1])))


def inside_grid(path, grid):
    """(band 1 of the raster at ``path``, float64 with NaN nodata, NaN also on its cells whose centre lies outside the
    engine Grid ``grid``; how many non-zero cells were so left out): what resampling onto ``grid`` can keep, to
    compare with what it kept. Its memory (8 bytes a cell) is checked first."""
    require_memory(path, 8)
    band = read_band(path)
    values = band.array.copy()
    rows, cols = np.nonzero(np.isfinite(values))
    x0, dx, _, y0, _, dy = band.geotransform
    points = np.column_stack([x0 + (cols + 0.5) * dx, y0 + (rows + 0.5) * dy])
    source, target = (osr.SpatialReference(wkt) for wkt in (band.crs_wkt, grid.crs_wkt))
    if len(points) and band.crs_wkt and grid.crs_wkt and not source.IsSame(target):
        for reference in (source, target):
            reference.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        points = np.array(osr.CoordinateTransformation(source, target).TransformPoints(points))[:, :2]
    gx0, gdx, _, gy0, _, gdy = grid.geotransform
    height, width = grid.array.shape
    xs, ys = sorted((gx0, gx0 + width * gdx)), sorted((gy0, gy0 + height * gdy))
    inside = ((points[:, 0] >= xs[0]) & (points[:, 0] <= xs[1]) & (points[:, 1] >= ys[0]) & (points[:, 1] <= ys[1])
              if len(points) else np.zeros(0, dtype=bool))
    left_out = values[rows[~inside], cols[~inside]]
    values[rows[~inside], cols[~inside]] = np.nan
    return values, int(np.count_nonzero(left_out))


def same_cells(path, grid):
    """True when the raster at ``path`` is in the CRS of the engine Grid ``grid`` with cells of its size, so that
    nearest-neighbour resampling onto ``grid`` moves each cell onto one cell (it may shift or crop, never split
    or merge cells)."""
    with raster_errors(path):
        dataset = gdal.Open(path)
        same_crs = osr.SpatialReference(dataset.GetProjection()).IsSame(osr.SpatialReference(grid.crs_wkt))
        cells = np.array(dataset.GetGeoTransform())[[1, 2, 4, 5]]
        return bool(same_crs) and np.allclose(cells, np.array(grid.geotransform)[[1, 2, 4, 5]], rtol=0,
                                              atol=1e-9 * max(1.0, abs(grid.geotransform[1])))


class CostRasterStyle(qgis_io.StylePostProcessor):
    """The cost raster style with its colour ramp stretched from 0 to the layer's maximum cost."""

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS API name)
        super().postProcessLayer(layer, context, feedback)
        renderer = layer.renderer() if layer is not None and layer.isValid() else None
        shader = renderer.shader() if hasattr(renderer, 'shader') else None
        if shader is None:
            return
        maximum = band_maximum(layer.dataProvider(), 1)
        ramp = shader.rasterShaderFunction()
        if not isinstance(ramp, QgsColorRampShader) or not np.isfinite(maximum):
            return
        items = ramp.colorRampItemList()
        for item in items:
            item.value *= maximum
        ramp.setColorRampItemList(items)
        ramp.setMaximumValue(maximum)
        renderer.setClassificationMax(maximum)
        layer.triggerRepaint()
