"""Benchmark of zone validation, the call the Desktop zone editor makes on every edit.

A reserve of N round cores, each in its own buffer ring, with one transition polygon around them
(2N + 1 polygons, 64 vertices per circle), plus a few planted defects. Run on demand (never collected by pytest):

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 -P tests/benchmarks/bench_zone_validation.py [--cores 50] [--repeat 5]

Prints the median wall and CPU time of ``validate`` per profile, with and without the buffer-width rule. Then the
reference for the validity and overlap rules: ``validate`` with only those rules on, against QGIS's native
algorithms on the same layer in this process (qgis:checkvalidity with GEOS, then native:fixgeometries and
native:intersection of the fixed layer with itself, keeping the pairs of different features overlapping by 1 m2
or more, our area tolerance): both times, and whether the invalid features and the overlaps (pairs and areas) agree.
"""

import argparse
import functools
import math
import os
import statistics
import sys
import time

from shapely.geometry import Point, Polygon, box
from shapely.ops import unary_union

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # python3 -P leaves this folder off sys.path
import bench_support  # noqa: E402


def import_engine():
    """The plugin's engine, imported through a ``reserve_planner`` symlink (the repo root must not be on sys.path)."""
    bench_support.make_plugin_importable('bench_zone_validation_')
    from reserve_planner.processing.engine import zone_validation
    return zone_validation


def zoning(engine, cores):
    """N cores of radius 300 m on a 1.5 km grid, buffers of 400 m, transition to a 1 km margin; 4 planted defects:
    a gap, a transition overlapping a buffer ring, an unknown zone value and a self-intersecting (bow-tie) buffer."""
    columns = max(1, int(cores ** 0.5))
    rows = -(-cores // columns)
    reserve = box(0, 0, columns * 1500 + 2000, rows * 1500 + 2000)
    features, rings = [], []
    for index in range(cores):
        centre = Point(1750 + 1500 * (index % columns), 1750 + 1500 * (index // columns))
        core, outer = centre.buffer(300, 16), centre.buffer(700, 16)
        features.append(engine.ZoneFeature(2 * index, 'core', core))
        features.append(engine.ZoneFeature(2 * index + 1, 'buffer', outer.difference(core)))
        rings.append(outer)
    transition = reserve.difference(unary_union(rings)).difference(box(0, 0, 200, 200))
    features.append(engine.ZoneFeature(2 * cores, 'transition', transition.union(box(1700, 1050, 1800, 1100))))
    features.append(engine.ZoneFeature(2 * cores + 1, 'wetland', box(0, 0, 100, 100)))
    features.append(engine.ZoneFeature(2 * cores + 2, 'buffer', Polygon([(100, 0), (200, 100), (200, 0), (100, 100)])))
    return features, reserve


def median_seconds(function, repeat):
    """Median (wall, CPU) seconds of ``function()``: CPU time is what to compare on a shared machine."""
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        function()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def ours_invalid_and_overlaps(engine, features, reserve):
    """``validate`` with only the validity and overlap rules on: (invalid feature ids, {(fid, fid): m2})."""
    checked = (engine.RULE_INVALID, engine.RULE_OVERLAP)
    profile = dict(engine.PROFILES['mab'], severity={
        rule: severity if rule in checked else engine.OFF for rule, severity in engine.BASIC_SEVERITIES.items()})
    problems = engine.validate(features, reserve, profile)
    invalid = {problem.feature_ids[0] for problem in problems if problem.rule == engine.RULE_INVALID}
    overlaps = {tuple(sorted(problem.feature_ids)): problem.params['area_m2'] for problem in problems
                if problem.rule == engine.RULE_OVERLAP}
    return invalid, overlaps


def zone_layer(features):
    """The zoning as a QGIS memory layer (fields ``feature`` and ``zone``), in a metric CRS."""
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer
    layer = QgsVectorLayer('Polygon?crs=EPSG:32650&field=feature:integer&field=zone:string', 'zones', 'memory')
    rows = []
    for fid, value, geometry in features:
        row = QgsFeature(layer.fields())
        row.setGeometry(QgsGeometry.fromWkt(geometry.wkt))
        row.setAttributes([fid, value])
        rows.append(row)
    layer.dataProvider().addFeatures(rows)
    return layer


def native_invalid_and_overlaps(layer, area_m2):
    """QGIS's answer: (invalid feature ids by GEOS, {(fid, fid): m2} of the overlaps of ``area_m2`` or more)."""
    import processing
    validity = processing.run(check_validity_id(), {
        'INPUT_LAYER': layer, 'METHOD': 2, 'VALID_OUTPUT': 'TEMPORARY_OUTPUT', 'INVALID_OUTPUT': 'TEMPORARY_OUTPUT',
        'ERROR_OUTPUT': 'TEMPORARY_OUTPUT'})
    invalid = {feature['feature'] for feature in validity['INVALID_OUTPUT'].getFeatures()}
    fixed = processing.run('native:fixgeometries', {'INPUT': layer, 'OUTPUT': 'TEMPORARY_OUTPUT'})['OUTPUT']
    pairs = processing.run('native:intersection', {
        'INPUT': fixed, 'OVERLAY': fixed, 'INPUT_FIELDS': ['feature'], 'OVERLAY_FIELDS': ['feature'],
        'OVERLAY_FIELDS_PREFIX': 'other_', 'OUTPUT': 'TEMPORARY_OUTPUT'})['OUTPUT']
    overlaps = {}
    for pair in pairs.getFeatures():
        key = (pair['feature'], pair['other_feature'])
        if key[0] < key[1]:
            overlaps[key] = overlaps.get(key, 0.0) + pair.geometry().area()
    return invalid, {key: area for key, area in overlaps.items() if area >= area_m2}


def check_validity_id():
    """The validity check's id: qgis:checkvalidity in QGIS 3.22, ported to C++ as native:checkvalidity later."""
    from qgis.core import QgsApplication
    native = QgsApplication.processingRegistry().algorithmById('native:checkvalidity')
    return 'native:checkvalidity' if native is not None else 'qgis:checkvalidity'


def compare_with_qgis(engine, features, reserve, repeat):
    """Times of the validity and overlap rules, ours and QGIS's, and whether the two find the same problems."""
    layer = zone_layer(features)
    area_m2 = engine.DEFAULT_TOLERANCES.area_m2
    ours_wall, ours_cpu = median_seconds(functools.partial(ours_invalid_and_overlaps, engine, features, reserve),
                                         repeat)
    native_wall, native_cpu = median_seconds(functools.partial(native_invalid_and_overlaps, layer, area_m2), repeat)
    ours_invalid, ours_overlaps = ours_invalid_and_overlaps(engine, features, reserve)
    native_invalid, native_overlaps = native_invalid_and_overlaps(layer, area_m2)
    print('validity + overlaps: ours {:.1f} ms wall, {:.1f} ms CPU; QGIS native {:.1f} ms wall, {:.1f} ms CPU'.format(
        ours_wall * 1000, ours_cpu * 1000, native_wall * 1000, native_cpu * 1000))
    print('    invalid features: ours {}, QGIS {} ({})'.format(
        sorted(ours_invalid), sorted(native_invalid), 'agree' if ours_invalid == native_invalid else 'DIFFER'))
    same_pairs = set(ours_overlaps) == set(native_overlaps)
    worst = max((abs(area - native_overlaps[pair]) / native_overlaps[pair] for pair, area in ours_overlaps.items()),
                default=0.0) if same_pairs else math.inf
    print('    overlaps: ours {}, QGIS {}: {}, largest relative difference in overlap area {:.2e}'.format(
        format_overlaps(ours_overlaps), format_overlaps(native_overlaps),
        'same pairs' if same_pairs else 'DIFFERENT pairs', worst))


def format_overlaps(overlaps):
    return ', '.join('{}-{} {:.1f} m2'.format(first, second, area)
                     for (first, second), area in sorted(overlaps.items())) or 'none'


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--cores', type=int, default=50)
    parser.add_argument('--repeat', type=int, default=5)
    arguments = parser.parse_args()
    engine = import_engine()
    features, reserve = zoning(engine, arguments.cores)
    print('{} polygons, {} vertices'.format(
        len(features), sum(len(feature.geometry.exterior.coords) for feature in features
                           if feature.geometry.geom_type == 'Polygon')))
    for profile in engine.PROFILE_IDS:
        for width in (None, 350):
            wall, cpu = median_seconds(functools.partial(engine.validate, features, reserve, profile,
                                                         buffer_width=width), arguments.repeat)
            count = len(engine.validate(features, reserve, profile, buffer_width=width))
            print('{:8s} width {:>4}: {:7.1f} ms wall, {:7.1f} ms CPU, {} problems'.format(
                profile, width or '-', wall * 1000, cpu * 1000, count))
    application = bench_support.start_qgis()  # noqa: F841 (QGIS must stay alive while native algorithms run)
    compare_with_qgis(engine, features, reserve, arguments.repeat)


if __name__ == '__main__':
    main()
