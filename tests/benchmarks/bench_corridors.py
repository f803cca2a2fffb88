"""Benchmark of the corridor network: 30 cores on a generated 4 M-cell resistance raster.

Run on demand (never collected by pytest); prints the wall time and the peak memory of the engine alone and,
with --qgis-process, of the whole corridornetwork algorithm run from the command line as a batch user does:

    /usr/bin/python3 -P tests/benchmarks/bench_corridors.py [--cells 4000000] [--cores 30] [--qgis-process]
"""

import argparse
import os
import resource
import sys
import tempfile
import time

import numpy as np
from scipy import ndimage
from shapely.geometry import box

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # python3 -P leaves this folder off sys.path
import bench_support  # noqa: E402


def import_engine():
    """The plugin's engine, imported through a ``reserve_planner`` symlink (the repo root must not be on sys.path)."""
    bench_support.make_plugin_importable('bench_corridors_')
    from reserve_planner.processing.engine import corridors, raster
    return corridors, raster


def utm_wkt():
    """WKT of UTM zone 50N, the CRS the generated grid pretends to be in."""
    from osgeo import osr
    reference = osr.SpatialReference()
    reference.ImportFromEPSG(32650)
    return reference.ExportToWkt()


def landscape(side, seed=7):
    """A smooth random resistance 1..100 with a few nodata barriers, on 30 m cells."""
    rng = np.random.default_rng(seed)
    noise = ndimage.gaussian_filter(rng.random((side, side)), sigma=side / 100.0)
    resistance = 1.0 + 99.0 * (noise - noise.min()) / (noise.max() - noise.min())
    resistance[rng.random((side, side)) < 0.002] = np.nan
    return resistance


def cores(side, count, cell=30.0, seed=11):
    """``count`` square cores of 10 to 40 cells, not overlapping, in map coordinates of the grid below."""
    rng = np.random.default_rng(seed)
    placed = []
    while len(placed) < count:
        width = rng.integers(10, 40) * cell
        x, y = rng.uniform(0, side * cell - width, size=2)
        candidate = box(x, y, x + width, y + width)
        if all(candidate.distance(other) > 5 * cell for other in placed):
            placed.append(candidate)
    return placed


def write_inputs(folder, grid, geometries, raster):
    """The benchmark landscape as a GeoTIFF and the cores as a GeoPackage with an integer ``core_id``."""
    from osgeo import ogr, osr
    resistance_path = raster.write_geotiff(os.path.join(folder, 'resistance.tif'), grid.array.astype(np.float32),
                                           grid.geotransform, grid.crs_wkt)
    cores_path = os.path.join(folder, 'cores.gpkg')
    source = ogr.GetDriverByName('GPKG').CreateDataSource(cores_path)
    layer = source.CreateLayer('cores', osr.SpatialReference(grid.crs_wkt), ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn('core_id', ogr.OFTInteger))
    for core_id, geometry in enumerate(geometries, start=1):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField('core_id', core_id)
        feature.SetGeometry(ogr.CreateGeometryFromWkb(geometry.wkb))
        layer.CreateFeature(feature)
    source = None
    return resistance_path, cores_path


def run_qgis_process(grid, geometries, raster):
    """Whole-process time and peak memory of ``qgis_process run reserveplanner:corridornetwork``."""
    batch = bench_support.qgis_process()
    folder = tempfile.mkdtemp(prefix='bench_corridors_data_')
    resistance_path, cores_path = write_inputs(folder, grid, geometries, raster)
    start = time.perf_counter()
    returncode, _result, output = batch.run(
        'corridornetwork', CORES=cores_path, CORE_ID_FIELD='core_id', RESISTANCE=resistance_path,
        OUTPUT_LINKS=os.path.join(folder, 'links.gpkg'), OUTPUT_CORRIDORS=os.path.join(folder, 'corridors.tif'),
        OUTPUT_CORRIDOR_POLYGONS=os.path.join(folder, 'corridor_polygons.gpkg'))
    elapsed = time.perf_counter() - start
    if returncode != 0:
        print(output[-3000:])
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0
    print('qgis_process: time {:.1f} s, peak memory {:.0f} MB, {}'.format(
        elapsed, peak_mb, 'ok' if returncode == 0 else 'FAILED'))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--cells', type=int, default=4000000)
    parser.add_argument('--cores', type=int, default=30)
    parser.add_argument('--qgis-process', action='store_true', help='also time the algorithm through qgis_process')
    arguments = parser.parse_args()
    corridors, raster = import_engine()
    side = int(round(arguments.cells ** 0.5))
    cell = 30.0
    grid = raster.Grid(landscape(side), (0.0, cell, 0.0, side * cell, 0.0, -cell), utm_wkt())
    geometries = cores(side, arguments.cores, cell)
    print('cells {:,} ({} x {}), cores {}'.format(side * side, side, side, arguments.cores))
    if arguments.qgis_process:
        run_qgis_process(grid, geometries, raster)
    start = time.perf_counter()
    result = corridors.corridor_network(grid, geometries, list(range(1, arguments.cores + 1)))
    elapsed = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print('links kept {}, dropped through a third core {}, isolated cores {}'.format(
        len(result.links), len(result.through_core), len(result.isolated)))
    print('engine: time {:.1f} s, peak memory {:.0f} MB (this process, inputs included)'.format(elapsed, peak_mb))


if __name__ == '__main__':
    main()
