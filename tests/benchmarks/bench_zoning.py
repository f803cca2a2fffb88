"""Benchmark: zone generation and zone statistics (engine/zoning.py).

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 -P tests/benchmarks/bench_zoning.py [SIDE]

Prints wall time and peak memory (RSS high-water mark of this process, so cases run in increasing size) of:
- generate_zones with 10, 100 and 1000 random round cores inside a 100 km boundary (Euclidean widths), against
  the chain of QGIS native algorithms that gives the same zones (core = native:dissolve of the cores clipped to
  the boundary; core + buffer = native:buffer of it by the buffer width (dissolved, 16 segments per quarter
  circle as shapely) clipped to the boundary; buffer = native:difference of the two; transition = the boundary
  native:difference core + buffer): both times and the largest relative difference in zone areas;
- generate_cost_zones on a SIDE x SIDE resistance raster (default 2000: 4 M cells of 30 m) crossed by no-data
  rivers, from one core, with costs that reach about a third of the raster and all of it; then the same with
  2 % of single no-data cells scattered over it (every one a hole in the zone polygons: the worst case);
- land-cover composition of three zones over a SIDE x SIDE land-cover raster, against QGIS's own
  native:zonalhistogram (the same cell-centre rule): time and the largest difference in cell counts.
"""

import os
import resource
import sys
import tempfile
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # python3 -P leaves this folder off sys.path
import bench_support  # noqa: E402

bench_support.make_plugin_importable('reserve_planner_bench_')

from osgeo import gdal, osr  # noqa: E402
from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer  # noqa: E402
from shapely.geometry import Point, box  # noqa: E402

from reserve_planner.processing.engine import raster, zoning  # noqa: E402

CELL = 30.0
X0, Y0 = 500000.0, 3500000.0
EPSG = 32648


def crs_wkt():
    """WKT of the benchmark's CRS (UTM zone 48N)."""
    reference = osr.SpatialReference()
    reference.ImportFromEPSG(EPSG)
    return reference.ExportToWkt()


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def timed(label, function, *args, **kwargs):
    started = time.time()
    result = function(*args, **kwargs)
    print('{:<58} {:>8.2f} s {:>8.0f} MB peak'.format(label, time.time() - started, peak_mb()))
    return result


def euclidean_cases(rng):
    boundary = box(0, 0, 100000, 100000)
    for count in (10, 100, 1000):
        cores = [Point(x, y).buffer(radius) for x, y, radius in zip(
            rng.uniform(2000, 98000, count), rng.uniform(2000, 98000, count), rng.uniform(100, 1500, count))]
        zones = timed('generate_zones: {} cores, widths 500 / 2000 m'.format(count),
                      zoning.generate_zones, cores, boundary, 500, 2000)
        total = sum(zone.area for zone in zones.values())
        print('    partition error {:.2e} (relative)'.format(abs(total - boundary.area) / boundary.area))
        core_layer, boundary_layer = polygon_layer(cores, 'cores'), polygon_layer([boundary], 'boundary')
        theirs = timed('native chain: the same {} cores'.format(count), native_zones, core_layer, boundary_layer, 500)
        worst = max(abs(zones[zone].area - area) / area for zone, area in theirs.items())
        print('    largest relative difference in zone areas: {:.2e}'.format(worst))


def polygon_layer(geometries, name):
    """A memory layer in the benchmark's CRS (EPSG constant) holding the shapely polygons."""
    layer = QgsVectorLayer('MultiPolygon?crs=EPSG:{}'.format(EPSG), name, 'memory')
    features = []
    for geometry in geometries:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(geometry.wkt))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def native_zones(cores, boundary, buffer_width):
    """Areas (m2) of the Euclidean zones built with QGIS's native algorithms, keyed like generate_zones."""
    import processing

    def run(algorithm, **parameters):
        return processing.run(algorithm, dict(parameters, OUTPUT='TEMPORARY_OUTPUT'))['OUTPUT']

    core = run('native:clip', INPUT=run('native:dissolve', INPUT=cores), OVERLAY=boundary)
    grown = run('native:clip', OVERLAY=boundary, INPUT=run(
        'native:buffer', INPUT=core, DISTANCE=buffer_width, SEGMENTS=16, DISSOLVE=True))
    zones = {zoning.CORE: core, zoning.BUFFER: run('native:difference', INPUT=grown, OVERLAY=core),
             zoning.TRANSITION: run('native:difference', INPUT=boundary, OVERLAY=grown)}
    return {zone: sum(feature.geometry().area() for feature in layer.getFeatures()) for zone, layer in zones.items()}


def resistance_grid(rng, side, speckled):
    """Random resistance 1-10 crossed by three no-data rivers with a bridge every 200 cells; ``speckled``
    adds 2 % of single no-data cells, the worst case for the vector overlays (each one is a hole)."""
    array = rng.uniform(1.0, 10.0, (side, side))
    for row in (side // 4, side // 2 + 7, 3 * side // 4):
        array[row, :] = np.nan
        array[row, ::200] = 1.0
    if speckled:
        array[rng.random((side, side)) < 0.02] = np.nan
    return raster.Grid(array, (X0, CELL, 0.0, Y0 + side * CELL, 0.0, -CELL), crs_wkt())


def cost_cases(rng, side):
    centre_x, centre_y = X0 + side * CELL / 2, Y0 + side * CELL / 2
    core = Point(centre_x, centre_y).buffer(1000)
    extent = side * CELL
    for speckled in (False, True):
        grid = resistance_grid(rng, side, speckled)
        for label, buffer_cost, transition_cost in (('a third', extent * 1.0, extent * 0.5),
                                                    ('all', extent * 5.0, extent * 5.0)):
            timed('generate_cost_zones: {:.1f} M cells{}, reaching {}'.format(
                side * side / 1e6, ', speckled' if speckled else '', label),
                zoning.generate_cost_zones, [core], None, buffer_cost, transition_cost, grid)


def landcover_case(rng, side, folder):
    path = os.path.join(folder, 'landcover.tif')
    dataset = gdal.GetDriverByName('GTiff').Create(path, side, side, 1, gdal.GDT_Byte, ['COMPRESS=DEFLATE'])
    dataset.SetGeoTransform((X0, CELL, 0.0, Y0 + side * CELL, 0.0, -CELL))
    dataset.SetProjection(crs_wkt())
    dataset.GetRasterBand(1).WriteArray(rng.integers(1, 8, (side, side), dtype=np.uint8))
    dataset = None
    extent = side * CELL
    centre = Point(X0 + extent / 2, Y0 + extent / 2)
    zones = zoning.generate_zones([centre.buffer(extent * 0.1)], None, extent * 0.1, extent * 0.2)
    grid = raster.read_window(path, box(X0, Y0, X0 + extent, Y0 + extent).bounds)
    ours = timed('landcover_composition: 3 zones over {} M cells'.format(side * side // 10 ** 6),
                 zoning.landcover_composition, list(zones.items()), grid)
    theirs = timed('native:zonalhistogram, the same zones', native_histogram, path, zones)
    worst = max(abs(cover.cells - theirs[zone].get(str(cover.landcover), 0))
                for zone, covers in ours.items() for cover in covers if cover.landcover is not None)
    print('    largest difference in cell counts: {}'.format(worst))


def native_histogram(path, zones):
    import processing
    layer = QgsVectorLayer('MultiPolygon?crs=EPSG:{}&field=zone:string'.format(EPSG), 'zones', 'memory')
    for zone, geometry in zones.items():
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(geometry.wkt))
        feature.setAttributes([zone])
        layer.dataProvider().addFeature(feature)
    output = processing.run('native:zonalhistogram', {
        'INPUT_RASTER': path, 'RASTER_BAND': 1, 'INPUT_VECTOR': layer, 'COLUMN_PREFIX': 'H_',
        'OUTPUT': 'TEMPORARY_OUTPUT'})['OUTPUT']
    return {feature['zone']: {name[2:]: feature[name] for name in feature.fields().names() if name.startswith('H_')}
            for feature in output.getFeatures()}


def main(side):
    application = bench_support.start_qgis()  # noqa: F841 (QGIS must stay alive while native algorithms run)
    rng = np.random.default_rng(20261126)
    euclidean_cases(rng)
    with tempfile.TemporaryDirectory() as folder:
        landcover_case(rng, side, folder)
    cost_cases(rng, side)


if __name__ == '__main__':
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
