"""Benchmark of validatezones over a province: 300 reserves, about 5 000 zone polygons, in one run (RESERVE_FIELD).

Run on demand (never collected by pytest):

    nice /usr/bin/python3 -P tests/benchmarks/bench_province_validation.py [--reserves 300] [--alone 30]

Each reserve is a 3 km square: a core, a buffer ring and a transition ring, the rings cut into 8 pieces each
(17 polygons), one reserve in ten with a buffer too narrow on one side. Printed: the province in one run, in one
process and with every core (RESERVE_PLANNER_WORKERS), wall time and peak memory; the reference is the way it was
done before RESERVE_FIELD, one run per reserve (``--alone`` of them, timed, and that time scaled to all reserves).
"""

import argparse
import os
import resource
import sys
import tempfile
import time

from shapely.geometry import box
from shapely.ops import split
from shapely.geometry import LineString

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # python3 -P leaves this folder off sys.path
import bench_support  # noqa: E402

SIDE = 3000.0


def pieces(ring, centre):
    """``ring`` cut into 8 pieces by the two axes and the two diagonals through ``centre``."""
    x, y = centre
    parts = [ring]
    for dx, dy in ((1, 0), (0, 1), (1, 1), (1, -1)):
        cut = LineString([(x - 10 * SIDE * dx, y - 10 * SIDE * dy), (x + 10 * SIDE * dx, y + 10 * SIDE * dy)])
        parts = [piece for part in parts for piece in split(part, cut).geoms]
    return parts


def reserve_rows(index, columns=20):
    """(zone rows (geometry, zone, reserve), boundary) of reserve ``index`` on a grid of reserves 500 m apart."""
    x0 = 500000.0 + (index % columns) * (SIDE + 500)
    y0 = 4000000.0 + (index // columns) * (SIDE + 500)
    boundary = box(x0, y0, x0 + SIDE, y0 + SIDE)
    narrow = 100 if index % 10 == 0 else 0
    core = box(x0 + 1000 - narrow, y0 + 1000, x0 + 2000, y0 + 2000)
    inner = box(x0 + 500, y0 + 500, x0 + 2500, y0 + 2500)
    centre = (x0 + SIDE / 2, y0 + SIDE / 2)
    name = 'R{:03d}'.format(index)
    rows = [(core, 'core', name)]
    rows += [(piece, 'buffer', name) for piece in pieces(inner.difference(core), centre)]
    rows += [(piece, 'transition', name) for piece in pieces(boundary.difference(inner), centre)]
    return rows, (boundary, None, name)


def write_layer(path, rows):
    from osgeo import ogr, osr
    source = ogr.GetDriverByName('GPKG').CreateDataSource(path)
    reference = osr.SpatialReference()
    reference.ImportFromEPSG(32650)
    layer = source.CreateLayer('layer', reference, ogr.wkbMultiPolygon)
    for name in ('zone', 'reserve'):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    layer.StartTransaction()
    for geometry, zone, reserve in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.ForceToMultiPolygon(ogr.CreateGeometryFromWkb(geometry.wkb)))
        feature.SetField('zone', zone)
        feature.SetField('reserve', reserve)
        layer.CreateFeature(feature)
    layer.CommitTransaction()
    source = None
    return path


def timed(label, function):
    start = time.perf_counter()
    result = function()
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0
    print('  {:<44} {:7.1f} s  peak {:5.0f} MB (largest worker {:4.0f} MB)  load {:4.1f}'.format(
        label, seconds, peak, children, os.getloadavg()[0]))
    return result, seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--reserves', type=int, default=300)
    parser.add_argument('--alone', type=int, default=30, help='reserves validated one run each (the reference)')
    arguments = parser.parse_args()
    bench_support.make_plugin_importable('bench_province_')
    application = bench_support.start_qgis()  # noqa: F841 (kept alive while QGIS is used)
    import processing
    from qgis.core import QgsApplication, QgsVectorLayer
    from reserve_planner.processing.provider import ReservePlannerProvider
    provider = ReservePlannerProvider()  # referenced: a provider Python no longer holds is deleted
    QgsApplication.processingRegistry().addProvider(provider)

    folder = tempfile.mkdtemp(prefix='bench_province_')
    zones, boundaries = [], []
    for index in range(arguments.reserves):
        rows, boundary = reserve_rows(index)
        zones += rows
        boundaries.append(boundary)
    zones_path = write_layer(os.path.join(folder, 'zones.gpkg'), zones)
    boundary_path = write_layer(os.path.join(folder, 'boundaries.gpkg'), boundaries)
    print('{} reserves, {} zone polygons, {} cores on this machine'.format(arguments.reserves, len(zones),
                                                                         os.cpu_count()))

    def province(workers):
        os.environ['RESERVE_PLANNER_WORKERS'] = str(workers)
        return processing.run('reserveplanner:validatezones', {
            'ZONES': zones_path, 'BOUNDARY': boundary_path, 'RESERVE_FIELD': 'reserve', 'MIN_BUFFER_WIDTH': 450,
            'OUTPUT': 'TEMPORARY_OUTPUT', 'OUTPUT_SUMMARY': 'TEMPORARY_OUTPUT'})

    def alone():
        for index in range(arguments.alone):
            name = 'R{:03d}'.format(index)
            layer = QgsVectorLayer(zones_path, 'zones')
            layer.setSubsetString("reserve = '{}'".format(name))
            boundary = QgsVectorLayer(boundary_path, 'boundary')
            boundary.setSubsetString("reserve = '{}'".format(name))
            processing.run('reserveplanner:validatezones', {'ZONES': layer, 'BOUNDARY': boundary,
                                                           'MIN_BUFFER_WIDTH': 450, 'OUTPUT': 'TEMPORARY_OUTPUT'})

    print('validatezones')
    _, seconds = timed('{} reserves one run each (reference)'.format(arguments.alone), alone)
    print('  -> scaled to {} reserves: {:.1f} s'.format(arguments.reserves, seconds * arguments.reserves
                                                        / max(arguments.alone, 1)))
    serial, _ = timed('province in one run, 1 process', lambda: province(1))
    parallel, _ = timed('province in one run, {} worker processes'.format(os.cpu_count()),
                        lambda: province(os.cpu_count()))
    print('  errors: {} (1 process), {} (workers)'.format(serial['ERROR_COUNT'], parallel['ERROR_COUNT']))


if __name__ == '__main__':
    main()
