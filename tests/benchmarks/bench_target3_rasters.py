"""Benchmark of the habitat rasters of reserveplanner:target3report against habitatcoverage reading them once.

The report computes each region's SPI and class shares with habitatcoverage's raster path and the region as its
boundary, and reads every raster once for all regions (engine.raster_habitat_by_region). This prints what that costs:

- report: target3report on REGIONS x REGIONS square regions (ETRS89 / LAEA Europe) with one habitat raster of
  CELLS x CELLS cells (UTM zone 32N, another CRS) and, as the reference in the same process, without the raster;
- alone: habitatcoverage on the same raster with all the regions as its boundary (one reading of the raster),
  whose SPI is the report's "All regions" SPI.

Run on demand:

    /usr/bin/python3 -P tests/benchmarks/bench_target3_rasters.py [--regions 3] [--cells 2000]
"""

import argparse
import os
import resource
import sys
import tempfile
import time

import numpy as np
from osgeo import gdal, ogr, osr

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_support  # noqa: E402

ORIGIN = (4321000.0, 3210000.0)
"""ETRS89 / LAEA Europe's false origin; the raster's top-left corner below is its point 60 km north, in UTM 32N."""
SIDE = 60000.0


def write_regions(path, count):
    """count x count square regions over SIDE x SIDE m, and a protected area on the western third, in EPSG:3035."""
    reference = osr.SpatialReference()
    reference.ImportFromEPSG(3035)
    source = ogr.GetDriverByName('GPKG').CreateDataSource(path)
    step = SIDE / count
    for name, boxes in (('regions', [(ORIGIN[0] + i * step, ORIGIN[1] + j * step, step, step)
                                     for i in range(count) for j in range(count)]),
                        ('protected', [(ORIGIN[0], ORIGIN[1], SIDE / 3, SIDE)])):
        layer = source.CreateLayer(name, reference, ogr.wkbPolygon)
        layer.CreateField(ogr.FieldDefn('name', ogr.OFTString))
        for index, (x, y, width, height) in enumerate(boxes):
            feature = ogr.Feature(layer.GetLayerDefn())
            feature.SetField('name', 'r{}'.format(index))
            feature.SetGeometry(ogr.CreateGeometryFromWkt('POLYGON(({0} {1},{2} {1},{2} {3},{0} {3},{0} {1}))'.format(
                x, y, x + width, y + height)))
            layer.CreateFeature(feature)
    source = None


def write_raster(path, cells):
    """cells x cells random habitat (about half the cells) over SIDE x SIDE m in UTM zone 32N."""
    size = SIDE / cells
    dataset = gdal.GetDriverByName('GTiff').Create(path, cells, cells, 1, gdal.GDT_Byte, ['TILED=YES'])
    dataset.SetGeoTransform((568512.0, size, 0, 5821506.0, 0, -size))
    reference = osr.SpatialReference()
    reference.ImportFromEPSG(32632)
    dataset.SetProjection(reference.ExportToWkt())
    dataset.GetRasterBand(1).WriteArray((np.random.default_rng(7).random((cells, cells)) > 0.5).astype(np.uint8))
    dataset = None


def timed(run):
    start = time.perf_counter()
    result = run()
    return time.perf_counter() - start, result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--regions', type=int, default=3, help='regions per side (default 3: 9 regions)')
    parser.add_argument('--cells', type=int, default=2000, help='raster cells per side (default 2000)')
    arguments = parser.parse_args()
    bench_support.make_plugin_importable('bench_target3_')
    application = bench_support.start_qgis()
    from qgis.core import QgsApplication

    from reserve_planner.processing.provider import ReservePlannerProvider
    import processing
    provider = ReservePlannerProvider()
    QgsApplication.processingRegistry().addProvider(provider)

    folder = tempfile.mkdtemp(prefix='bench_target3_')
    data, raster = os.path.join(folder, 'data.gpkg'), os.path.join(folder, 'habitat.tif')
    write_regions(data, arguments.regions)
    write_raster(raster, arguments.cells)
    common = {'REGIONS': data + '|layername=regions', 'REGION_FIELD': 'name',
              'PROTECTED': [data + '|layername=protected'], 'YEAR': 2025, 'OUTPUT': 'memory:'}
    without, _ = timed(lambda: processing.run('reserveplanner:target3report', common))
    with_raster, result = timed(lambda: processing.run('reserveplanner:target3report',
                                                       dict(common, HABITAT_RASTERS=[raster])))
    alone, single = timed(lambda: processing.run('reserveplanner:habitatcoverage', {
        'HABITAT_RASTERS': [raster], 'PROTECTED': common['PROTECTED'], 'BOUNDARY': common['REGIONS'],
        'OUTPUT': 'memory:',
        'OUTPUT_GROUPS': 'memory:'}))
    spi = [row['value'] for row in result['OUTPUT'].getFeatures()
           if row['region'] == 'All regions' and row['indicator'] == 'spi'][0]
    regions = arguments.regions ** 2
    print('{} regions, raster {} x {} cells'.format(regions, arguments.cells, arguments.cells))
    print('report without the raster: {:.2f} s; with it: {:.2f} s; the raster adds {:.2f} s for {} regions and '
          '"All regions" from one reading'.format(without, with_raster, with_raster - without, regions))
    print('habitatcoverage alone (cleaning and one reading): {:.2f} s'.format(alone))
    print('SPI over all regions: report {:.3f}, habitatcoverage {:.3f}'.format(spi, single['SPI']))
    print('peak memory: {:.0f} MB'.format(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))
    application.exitQgis()


if __name__ == '__main__':
    main()
