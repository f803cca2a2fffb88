"""Benchmark of zone validation, the call the Desktop zone editor makes on every edit.

A reserve of N round cores, each in its own buffer ring, with one transition polygon around them
(2N + 1 polygons, 64 vertices per circle), plus a few planted defects. Run on demand (never collected by pytest):

    /usr/bin/python3 -P tests/benchmarks/bench_zone_validation.py [--cores 50] [--repeat 5]

Prints the median wall and CPU time of ``validate`` per profile, with and without the buffer-width rule.
"""

import argparse
import functools
import os
import statistics
import sys
import time

from shapely.geometry import Point, box
from shapely.ops import unary_union

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # python3 -P leaves this folder off sys.path
import bench_support  # noqa: E402


def import_engine():
    """The plugin's engine, imported through a ``reserve_planner`` symlink (the repo root must not be on sys.path)."""
    bench_support.make_plugin_importable('bench_zone_validation_')
    from reserve_planner.processing.engine import zone_validation
    return zone_validation


def zoning(engine, cores):
    """N cores of radius 300 m on a 1.5 km grid, buffers of 400 m, transition to a 1 km margin; 3 planted defects."""
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


if __name__ == '__main__':
    main()
