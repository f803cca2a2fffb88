"""Raster input/output and rasterisation with GDAL, as numpy arrays (no QGIS).

A grid is described by its GDAL geotransform (x0, dx, 0, y0, 0, -dy) and CRS WKT; arrays are
row-major with row 0 at the top. Nodata cells are NaN in float arrays handed to the engine.
"""

import os
import uuid
from collections import namedtuple

import numpy as np
from osgeo import gdal, ogr, osr
from shapely import wkb

from .messages import EngineError, N_

gdal.UseExceptions()

Grid = namedtuple('Grid', 'array geotransform crs_wkt')
"""A band as float64 with NaN for nodata, its geotransform and its CRS as WKT."""


def read_band(path, band=1):
    """Read one band of a GDAL raster as a Grid (float64, NaN where nodata)."""
    dataset = gdal.Open(path)
    if dataset is None:
        raise EngineError(N_('Cannot open the raster {path}.'), path=path)
    raster_band = dataset.GetRasterBand(band)
    array = raster_band.ReadAsArray().astype(np.float64)
    nodata = raster_band.GetNoDataValue()
    if nodata is not None:
        array[array == nodata] = np.nan
    return Grid(array, dataset.GetGeoTransform(), dataset.GetProjection())


def read_rows(dataset, first_row, row_count, band=1):
    """Rows [first_row, first_row + row_count) of one band of an open GDAL dataset, float64 with NaN for nodata
    (for streaming a raster block by block)."""
    raster_band = dataset.GetRasterBand(band)
    array = raster_band.ReadAsArray(0, first_row, dataset.RasterXSize, row_count).astype(np.float64)
    nodata = raster_band.GetNoDataValue()
    if nodata is not None:
        array[array == nodata] = np.nan
    return array


def read_window(path, bounds, band=1):
    """The cells of one band that overlap ``bounds`` (minx, miny, maxx, maxy in the raster's CRS) as a
    Grid, without reading the rest of the raster; a Grid with no cells when they do not overlap."""
    dataset = gdal.Open(path)
    if dataset is None:
        raise EngineError(N_('Cannot open the raster {path}.'), path=path)
    x0, _dx, _rx, y0, _ry, _dy = geotransform = dataset.GetGeoTransform()
    width, height = cell_size(geotransform)
    minx, miny, maxx, maxy = bounds
    col0 = min(max(int(np.floor((minx - x0) / width)), 0), dataset.RasterXSize)
    col1 = max(min(int(np.ceil((maxx - x0) / width)), dataset.RasterXSize), col0)
    row0 = min(max(int(np.floor((y0 - maxy) / height)), 0), dataset.RasterYSize)
    row1 = max(min(int(np.ceil((y0 - miny) / height)), dataset.RasterYSize), row0)
    window = (x0 + col0 * width, geotransform[1], 0.0, y0 - row0 * height, 0.0, geotransform[5])
    if col0 == col1 or row0 == row1:
        return Grid(np.empty((0, 0)), window, dataset.GetProjection())
    raster_band = dataset.GetRasterBand(band)
    array = raster_band.ReadAsArray(col0, row0, col1 - col0, row1 - row0).astype(np.float64)
    nodata = raster_band.GetNoDataValue()
    if nodata is not None:
        array[array == nodata] = np.nan
    return Grid(array, window, dataset.GetProjection())


def cell_size(geotransform):
    """(width, height) of a cell in CRS units; rotated grids are refused."""
    if geotransform[2] or geotransform[4]:
        raise EngineError(N_('Rotated rasters are not supported; warp the raster to a north-up grid first.'))
    return abs(geotransform[1]), abs(geotransform[5])


def write_geotiff(path, array, geotransform, crs_wkt, nodata=-9999.0, fast=False):
    """Write ``array`` (NaN = nodata) as a compressed GeoTIFF, atomically: a cancelled or failed
    write leaves no file at ``path``. ``fast`` compresses at DEFLATE level 1 on every CPU, with the
    floating-point predictor for float arrays (large float rasters such as cost surfaces)."""
    folder = os.path.dirname(os.path.abspath(path))
    partial = os.path.join(folder, '.partial-{}.tif'.format(uuid.uuid4().hex))
    data_type = gdal.GDT_Float32 if array.dtype == np.float32 else gdal.GDT_Float64
    if np.issubdtype(array.dtype, np.integer):
        data_type = gdal.GDT_Int32
    try:
        driver = gdal.GetDriverByName('GTiff')
        rows, cols = array.shape
        dataset = driver.Create(partial, cols, rows, 1, data_type,
                                ['COMPRESS=DEFLATE', 'TILED=YES', 'BIGTIFF=IF_SAFER']
                                + (['ZLEVEL=1', 'NUM_THREADS=ALL_CPUS'] if fast else [])
                                + (['PREDICTOR=3'] if fast and data_type != gdal.GDT_Int32 else []))
        dataset.SetGeoTransform(geotransform)
        dataset.SetProjection(crs_wkt)
        band = dataset.GetRasterBand(1)
        band.SetNoDataValue(nodata)
        if np.issubdtype(array.dtype, np.floating):
            band.WriteArray(np.where(np.isnan(array), nodata, array))
        else:
            band.WriteArray(array)
        band.FlushCache()
        dataset = None
        os.replace(partial, path)
    finally:
        if os.path.exists(partial):
            os.remove(partial)
    return path


def polygonize(mask, geotransform, crs_wkt=''):
    """The True cells of a boolean ``mask`` as a list of shapely polygons along cell edges, one per
    4-connected region (GDAL's Polygonize)."""
    rows, cols = mask.shape
    raster = gdal.GetDriverByName('MEM').Create('', cols, rows, 1, gdal.GDT_Byte)
    raster.SetGeoTransform(geotransform)
    if crs_wkt:
        raster.SetProjection(crs_wkt)
    band = raster.GetRasterBand(1)
    band.WriteArray(mask.astype(np.uint8))
    source = ogr.GetDriverByName('Memory').CreateDataSource('')
    layer = source.CreateLayer('mask', osr.SpatialReference(crs_wkt) if crs_wkt else None, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn('value', ogr.OFTInteger))
    gdal.Polygonize(band, band, layer, 0)
    return [wkb.loads(bytes(feature.GetGeometryRef().ExportToWkb())) for feature in layer]


def rasterize(geometries, values, shape, geotransform, crs_wkt='', all_touched=False, fill=0, dtype=np.int32):
    """Burn shapely ``geometries`` with ``values`` onto a grid of ``shape`` (rows, cols).

    Without ``all_touched`` a cell is burnt when its centre lies inside a polygon (GDAL's rule); lines and
    points always burn every cell they touch. Later geometries overwrite earlier ones.
    """
    rows, cols = shape
    target = gdal.GetDriverByName('MEM').Create('', cols, rows, 1, gdal.GDT_Float64)
    target.SetGeoTransform(geotransform)
    if crs_wkt:
        target.SetProjection(crs_wkt)
    target.GetRasterBand(1).Fill(fill)
    source = ogr.GetDriverByName('Memory').CreateDataSource('')
    reference = osr.SpatialReference(crs_wkt) if crs_wkt else None
    layer = source.CreateLayer('burn', reference, ogr.wkbUnknown)
    layer.CreateField(ogr.FieldDefn('value', ogr.OFTReal))
    for geometry, value in zip(geometries, values):
        if geometry is None or geometry.is_empty:
            continue
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkb(geometry.wkb))
        feature.SetField('value', float(value))
        layer.CreateFeature(feature)
    options = ['ATTRIBUTE=value'] + (['ALL_TOUCHED=TRUE'] if all_touched else [])
    gdal.RasterizeLayer(target, [1], layer, options=options)
    return target.GetRasterBand(1).ReadAsArray().astype(dtype)
