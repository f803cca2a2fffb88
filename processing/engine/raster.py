"""Raster input/output and rasterisation with GDAL, as numpy arrays (no QGIS).

A grid is described by its GDAL geotransform (x0, dx, 0, y0, 0, -dy) and CRS WKT; arrays are
row-major with row 0 at the top. Nodata cells are NaN in float arrays handed to the engine.
"""

import contextlib
import math
import os
import uuid
from collections import namedtuple

import numpy as np
from osgeo import gdal, gdal_array, ogr, osr
from shapely import wkb

from .messages import EngineError, N_


EXCEPTION_MODULES = (gdal, ogr, osr)
"""The GDAL binding modules, each with its own UseExceptions flag (GDAL 3.6 and later); GDAL stacks their
error handlers, so they are switched off in the reverse order."""

READ_BYTES_PER_CELL = 9
"""Memory read_band holds per cell: the float64 band and the boolean nodata mask."""

WRITE_BLOCK_CELLS = 1 << 18
"""Cells per block of rows written by write_geotiff, which bounds its temporary memory."""

READ_ERROR = N_('Cannot read the raster {path} ({reason}). Check that the file exists, is a raster GDAL can read '
                'and is complete (not damaged or still being copied).')
WRITE_ERROR = N_('Cannot write the raster {path} ({reason}). Check that its folder exists and is writable and that '
                 'the disk has room.')
FORMAT_ERROR = N_('Cannot write the raster {path}: GDAL has no raster format for files ending in "{extension}". '
                  'Use .tif (GeoTIFF) or another raster format GDAL writes.')


@contextlib.contextmanager
def gdal_exceptions():
    """Make GDAL, OGR and OSR raise inside the block (or decorated function) and restore the caller's
    settings after.

    QGIS and other plugins rely on GDAL's default of returning None, so the plugin never switches
    exceptions on for the whole process.
    """
    previous = [module.GetUseExceptions() for module in EXCEPTION_MODULES]
    for module in EXCEPTION_MODULES:
        module.UseExceptions()
    try:
        yield
    finally:
        for module, was_on in reversed(list(zip(EXCEPTION_MODULES, previous))):
            if not was_on:
                module.DontUseExceptions()


@contextlib.contextmanager
def raster_errors(path, template=READ_ERROR):
    """Run the block with GDAL exceptions on; a GDAL error becomes an EngineError naming the raster ``path``
    (``template``: READ_ERROR or WRITE_ERROR, with GDAL's own words as the reason)."""
    with gdal_exceptions():
        try:
            yield
        except RuntimeError as error:
            raise EngineError(template, path=path, reason=str(error).strip()) from error


def available_memory():
    """Bytes of memory a computation can take now, or None where the system does not say (Windows, macOS:
    the memory check is then skipped). On Linux, MemAvailable of /proc/meminfo (free memory plus the caches
    the kernel can drop); without it, free pages x page size from os.sysconf."""
    try:
        with open('/proc/meminfo', encoding='ascii') as meminfo:
            for line in meminfo:
                if line.startswith('MemAvailable:'):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    try:
        return os.sysconf('SC_AVPHYS_PAGES') * os.sysconf('SC_PAGE_SIZE')
    except (AttributeError, ValueError, OSError):
        return None


def require_memory(path, bytes_per_cell):
    """Fail early, before any cell is read, when a computation holding ``bytes_per_cell`` bytes for each cell of
    the raster ``path`` (summed over all its arrays: 8 for one float64 copy) would not fit in available_memory()
    (DESIGN.md: an input too large for memory fails early with a clear message). Reads only the GDAL header;
    checks nothing where the available memory is unknown."""
    available = available_memory()
    if available is None:
        return
    with raster_errors(path):
        dataset = gdal.Open(path)
        cols, rows = dataset.RasterXSize, dataset.RasterYSize
    needed = rows * cols * bytes_per_cell
    if needed > available:
        raise EngineError(
            N_('The raster {path} has {cells} cells ({cols} columns x {rows} rows): this computation needs about '
               '{needed} of memory and only {available} is available. Clip the raster to the study area or '
               'resample it to larger cells (Raster > Projections > Warp), then run again.'),
            path=path, cells='{:,}'.format(rows * cols), cols=cols, rows=rows, needed=_readable_size(needed),
            available=_readable_size(available))


FLOAT32_EXACT_TYPES = (gdal.GDT_Byte, gdal.GDT_UInt16, gdal.GDT_Int16, gdal.GDT_Float32)
"""GDAL band types whose every value float32 holds exactly."""


def holds_in_float32(path, band=1):
    """True when every value of band ``band`` of the raster ``path`` is exact in float32, from its header."""
    with raster_errors(path):
        dataset = gdal.Open(path)  # held: a band of a dataset already collected is invalid (GDAL 3.13, Python 3.14)
        return dataset.GetRasterBand(band).DataType in FLOAT32_EXACT_TYPES


def band_dtype(path, band=1):
    """The numpy type of band ``band`` of the raster ``path`` (its cells' own type, from its header)."""
    with raster_errors(path):
        dataset = gdal.Open(path)
        return np.dtype(gdal_array.GDALTypeCodeToNumericTypeCode(dataset.GetRasterBand(band).DataType))


def _readable_size(size):
    """``size`` bytes as '512.0 bytes', '3.5 KB', '120.0 MB' or '2.4 GB' (powers of 1024)."""
    exponent = min(int(math.log(max(size, 1), 1024)), 3)
    return '{:,.1f} {}'.format(size / 1024 ** exponent, ('bytes', 'KB', 'MB', 'GB')[exponent])


def scaled(raster_band, values):
    """``values`` read from the GDAL ``raster_band`` as the values they mean: raw x scale + offset when the band
    declares a scale or an offset (MODIS, Copernicus and other products store reals as scaled integers, and QGIS
    shows them scaled), as a float64 array (``values`` itself, scaled in place, when it is one); ``values``
    unchanged otherwise. The nodata value is a raw value: compare with it before."""
    scale, offset = raster_band.GetScale(), raster_band.GetOffset()
    scale = 1.0 if scale is None else scale
    offset = 0.0 if offset is None else offset
    if scale == 1.0 and offset == 0.0:
        return values
    values = values.astype(np.float64, copy=False)
    values *= scale
    values += offset
    return values


def _meant(raster_band, array):
    """The float64 ``array`` read from ``raster_band`` with NaN for nodata and scale and offset applied (scaled)."""
    nodata = raster_band.GetNoDataValue()
    if nodata is not None:
        array[array == nodata] = np.nan
    return scaled(raster_band, array)


Grid = namedtuple('Grid', 'array geotransform crs_wkt')
"""A band as float64 with NaN for nodata, its geotransform and its CRS as WKT."""


def read_band(path, band=1):
    """Read one band of a GDAL raster as a Grid (float64, NaN where nodata, scale and offset applied: scaled). An
    EngineError names the file
    when GDAL cannot read it or when it would not fit in memory (require_memory)."""
    require_memory(path, READ_BYTES_PER_CELL)
    with raster_errors(path):
        dataset = gdal.Open(path)
        raster_band = dataset.GetRasterBand(band)
        array = _meant(raster_band, raster_band.ReadAsArray(buf_type=gdal.GDT_Float64))
        return Grid(array, dataset.GetGeoTransform(), dataset.GetProjection())


@gdal_exceptions()
def read_rows(dataset, first_row, row_count, band=1):
    """Rows [first_row, first_row + row_count) of one band of an open GDAL dataset, float64 with NaN for nodata and
    scale and offset applied (for streaming a raster block by block)."""
    raster_band = dataset.GetRasterBand(band)
    return _meant(raster_band, raster_band.ReadAsArray(0, first_row, dataset.RasterXSize, row_count).astype(np.float64))


def read_window(path, bounds, band=1):
    """The cells of one band that overlap ``bounds`` (minx, miny, maxx, maxy in the raster's CRS) as a
    Grid, without reading the rest of the raster; a Grid with no cells when they do not overlap."""
    with raster_errors(path):
        return _read_window(gdal.Open(path), bounds, band)


def _read_window(dataset, bounds, band):
    """The window of read_window, north-up (row 0 at the top) also from a south-up raster (positive y cell size,
    row 0 at the bottom), whose rows it turns over."""
    x0, _dx, _rx, y0, _ry, _dy = geotransform = dataset.GetGeoTransform()
    width, height = cell_size(geotransform)
    south_up = geotransform[5] > 0
    minx, miny, maxx, maxy = bounds
    if south_up:  # rows counted from the bottom edge y0 up
        miny, maxy = 2 * y0 - maxy, 2 * y0 - miny
    col0 = min(max(int(np.floor((minx - x0) / width)), 0), dataset.RasterXSize)
    col1 = max(min(int(np.ceil((maxx - x0) / width)), dataset.RasterXSize), col0)
    row0 = min(max(int(np.floor((y0 - maxy) / height)), 0), dataset.RasterYSize)
    row1 = max(min(int(np.ceil((y0 - miny) / height)), dataset.RasterYSize), row0)
    top = y0 + row1 * height if south_up else y0 - row0 * height
    window = (x0 + col0 * width, geotransform[1], 0.0, top, 0.0, -height)
    if col0 == col1 or row0 == row1:
        return Grid(np.empty((0, 0)), window, dataset.GetProjection())
    raster_band = dataset.GetRasterBand(band)
    array = _meant(raster_band, raster_band.ReadAsArray(col0, row0, col1 - col0, row1 - row0,
                                                        buf_type=gdal.GDT_Float64))
    return Grid(array[::-1].copy() if south_up else array, window, dataset.GetProjection())


def cell_size(geotransform, path=None):
    """(width, height) of a cell in CRS units; rotated or sheared grids (GDAL's rotation terms) are refused, naming
    the raster ``path`` when given."""
    if geotransform[2] or geotransform[4]:
        if path is not None:
            raise EngineError(N_('The raster {path} is rotated or sheared (its geotransform has rotation terms); warp '
                                 'it to a north-up grid first (Raster > Projections > Warp).'), path=path)
        raise EngineError(N_('Rotated rasters are not supported; warp the raster to a north-up grid first.'))
    return abs(geotransform[1]), abs(geotransform[5])


def cell_centres(mask, geotransform, limit=None):
    """(xs, ys): the coordinates, in the raster's CRS units, of the centres of the cells where the boolean ``mask``
    is true on the grid of the GDAL ``geotransform``; with ``limit``, at most that many of them taken evenly in
    row-major order."""
    rows, cols = np.nonzero(mask)
    if limit is not None and len(rows) > limit:
        taken = np.linspace(0, len(rows) - 1, limit).round().astype(np.int64)
        rows, cols = rows[taken], cols[taken]
    x0, width, row_x, y0, col_y, height = geotransform
    xs = x0 + (cols + 0.5) * width + (rows + 0.5) * row_x
    ys = y0 + (cols + 0.5) * col_y + (rows + 0.5) * height
    return xs, ys


def driver_for_path(path):
    """The short name of the GDAL driver that writes rasters with the extension of ``path`` ('GTiff' for .tif,
    'AAIGrid' for .asc, ...), or None when no driver writes that extension."""
    extension = os.path.splitext(path)[1].lstrip('.').lower()
    if extension in ('tif', 'tiff'):
        return 'GTiff'
    found = []
    for index in range(gdal.GetDriverCount()):
        driver = gdal.GetDriver(index)
        metadata = driver.GetMetadata() or {}
        if metadata.get('DCAP_RASTER') != 'YES' or extension not in metadata.get('DMD_EXTENSIONS', '').split():
            continue
        if metadata.get('DCAP_CREATE') == 'YES' or metadata.get('DCAP_CREATECOPY') == 'YES':
            found.append((metadata.get('DCAP_CREATE') != 'YES', driver.ShortName))
    return min(found)[1] if extension and found else None


FLOAT32_MAX = float(np.finfo(np.float32).max)
"""The largest finite Float32 value, 3.4028235e38."""


def float_type_for(values, block_cells=WRITE_BLOCK_CELLS):
    """np.float32 when float32 holds the magnitude of every finite value of the float array ``values``, else
    np.float64: the one rule for maps of accumulated costs (cost distance, corridors, barrier scores, circuit
    voltages), kept as float32 to halve their memory and file, but as float64 when resistances below
    costdistance.UNDECLARED_NODATA add up beyond 3.4e38, which float32 turns into inf (docs/costdistance.md).
    Checked by blocks of ``block_cells`` cells, so no copy of ``values`` is held (of a non-contiguous view, one is)."""
    if values.dtype != np.float64:
        return np.float32
    flat = values.reshape(-1)
    for first in range(0, flat.size, block_cells):
        block = np.abs(flat[first:first + block_cells])
        if np.any((block > FLOAT32_MAX) & (block != np.inf)):
            return np.float64
    return np.float32


def compact_float(values):
    """``values`` (a float array) as float_type_for says: float32 unless a finite value is beyond its range."""
    return values.astype(float_type_for(values), copy=False)


def widened(store, value_type):
    """The float array ``store`` (a map that values of type ``value_type`` are mosaicked into) as float64 when
    ``value_type`` is (float_type_for said so), so that mosaicking casts nothing to inf; else ``store`` itself."""
    return store.astype(np.result_type(store.dtype, value_type), copy=False)


def write_geotiff(path, array, geotransform, crs_wkt, nodata=-9999.0, fast=False, float32=False):
    """Write ``array`` (NaN = nodata; uint8 as Byte, other integers as Int32; ``nodata`` None: no nodata
    value) as a compressed GeoTIFF, atomically: a cancelled or failed write leaves no file at ``path``.
    ``fast`` compresses at DEFLATE level 1 on every CPU, with the floating-point predictor for float arrays
    (large float rasters such as cost surfaces). ``float32`` writes a float64 array as Float32 unless a finite
    value is beyond Float32's range (float_type_for): then as Float64, so that no value turns into inf. Rows
    are converted and written by blocks, so writing holds no copy of the array.

    A ``path`` whose extension is not .tif is written in the format GDAL's driver for that extension
    gives (.asc: Arc/Info ASCII grid), copied from the GeoTIFF; an extension no driver writes raises."""
    folder = os.path.dirname(os.path.abspath(path))
    partial = os.path.join(folder, '.partial-{}.tif'.format(uuid.uuid4().hex))
    narrow = array.dtype == np.float32 or (float32 and float_type_for(array) == np.float32)
    data_type = gdal.GDT_Float32 if narrow else gdal.GDT_Float64
    if np.issubdtype(array.dtype, np.integer):
        data_type = gdal.GDT_Byte if array.dtype == np.uint8 else gdal.GDT_Int32
    driver = driver_for_path(path)
    if driver is None:
        raise EngineError(FORMAT_ERROR, path=path, extension=os.path.splitext(path)[1])
    try:
        with raster_errors(path, WRITE_ERROR):
            _write_partial(partial, array, data_type, geotransform, crs_wkt, nodata, fast)
            if driver != 'GTiff':
                _copy_as(driver, partial, path)
        if driver == 'GTiff':
            try:
                os.replace(partial, path)
            except OSError as error:
                raise EngineError(WRITE_ERROR, path=path, reason=error.strerror or str(error)) from error
    finally:
        if os.path.exists(partial):
            os.remove(partial)
    return path


def _copy_as(driver_name, source_path, path):
    """Copy the raster ``source_path`` to ``path`` with the GDAL driver ``driver_name``; a failed copy leaves no
    file (nor side files) at ``path``."""
    driver = gdal.GetDriverByName(driver_name)
    try:
        copy = driver.CreateCopy(path, gdal.Open(source_path))
        copy.FlushCache()
        copy = None
    except RuntimeError:
        if gdal.VSIStatL(path) is not None:
            driver.Delete(path)
        raise


def _write_partial(partial, array, data_type, geotransform, crs_wkt, nodata, fast):
    """Write the GeoTIFF ``partial`` that write_geotiff then moves into place."""
    rows, cols = array.shape
    dataset = gdal.GetDriverByName('GTiff').Create(
        partial, cols, rows, 1, data_type, ['COMPRESS=DEFLATE', 'TILED=YES', 'BIGTIFF=IF_SAFER']
        + (['ZLEVEL=1', 'NUM_THREADS=ALL_CPUS'] if fast else [])
        + (['PREDICTOR=3'] if fast and data_type != gdal.GDT_Int32 else []))
    dataset.SetGeoTransform(geotransform)
    dataset.SetProjection(crs_wkt)
    band = dataset.GetRasterBand(1)
    if nodata is not None:
        band.SetNoDataValue(nodata)
    block_rows = max(1, WRITE_BLOCK_CELLS // max(cols, 1))
    for first in range(0, rows, block_rows):
        block = array[first:first + block_rows]
        if np.issubdtype(array.dtype, np.floating):
            block = np.where(np.isnan(block), nodata, block)
            if data_type == gdal.GDT_Float32:
                block = block.astype(np.float32)
        band.WriteArray(block, 0, first)
    band.FlushCache()
    dataset = None


@gdal_exceptions()
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


@gdal_exceptions()
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
