"""Benchmark of the zone editor's live checks: what one edit costs as the zoning layer grows.

Run on demand (never collected by pytest); for zonings of N generated cores (each with a buffer, all inside
one transition zone) in a memory layer, prints the layer's vertex count and the wall time of the steps the
editor runs after an edit: the snapshot of the edit buffer (UI thread), the area table and the validation
(UI thread up to live_checks.BACKGROUND_VERTEX_COUNT vertices, a QgsTask above it):

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 -P tests/benchmarks/bench_live_checks.py [--cores 5 20 80 200]
"""

import argparse
import math
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # python3 -P leaves this folder off sys.path
import bench_support  # noqa: E402


def import_plugin():
    """The plugin imported through a ``reserve_planner`` symlink, with a headless QGIS running."""
    bench_support.make_plugin_importable('bench_live_checks_')
    application = bench_support.start_qgis(with_processing=False)
    from reserve_planner.plugin import live_checks
    from reserve_planner.processing.engine import zoning
    return application, live_checks, zoning


def zoning_layer(zoning, cores):
    """A memory zoning layer (UTM 50N) of ``cores`` circular cores with 500 m buffers on a 3 km grid."""
    from qgis.core import QgsFeature, QgsVectorLayer
    from shapely.geometry import Point, box

    from reserve_planner.processing import qgis_io

    side = int(math.ceil(math.sqrt(cores)))
    shapes = [Point(500000 + i % side * 3000 + 1500, 3300000 + i // side * 3000 + 1500).buffer(600, 64)
              for i in range(cores)]
    reserve = box(500000, 3300000, 500000 + side * 3000, 3300000 + side * 3000)
    zones = zoning.generate_zones(shapes, reserve, 500, 0)
    layer = QgsVectorLayer('MultiPolygon?crs=EPSG:32650&field=zone:string', 'zones', 'memory')
    features = []
    for zone, geometry in zones.items():
        for part in getattr(geometry, 'geoms', [geometry]):
            feature = QgsFeature(layer.fields())
            feature.setGeometry(qgis_io.to_qgs(part))
            feature.setAttribute('zone', zone)
            features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return layer


def timed(function, *arguments):
    start = time.perf_counter()
    result = function(*arguments)
    return result, 1000.0 * (time.perf_counter() - start)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--cores', type=int, nargs='+', default=[5, 20, 80, 200])
    arguments = parser.parse_args()
    _application, live_checks, zoning = import_plugin()
    print('background above {} vertices'.format(live_checks.BACKGROUND_VERTEX_COUNT))
    print('{:>6} {:>9} {:>9} {:>12} {:>9} {:>14}'.format(
        'cores', 'features', 'vertices', 'snapshot ms', 'areas ms', 'validate ms'))
    for cores in arguments.cores:
        layer = zoning_layer(zoning, cores)
        snapshot, snapshot_ms = timed(live_checks.Snapshot, layer, None, 'china3')
        _areas, areas_ms = timed(snapshot.areas)
        _problems, validate_ms = timed(snapshot.validate)
        print('{:>6} {:>9} {:>9} {:>12.0f} {:>9.0f} {:>14.0f}'.format(
            cores, layer.featureCount(), snapshot.vertex_count, snapshot_ms, areas_ms, validate_ms))


if __name__ == '__main__':
    main()
