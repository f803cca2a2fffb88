"""Benchmark of ProtConn: 5 000 generated protected areas in one 500 km x 500 km region.

Run on demand (never collected by pytest); prints the wall time and peak memory of the engine, checks it on
a subset against a dense Floyd-Warshall written from the formula (no pruning, no link selection), and times
ProtConn with each of a few candidate sites added (as OECM scoring asks) and node importance (dPC) on a
smaller set:

    /usr/bin/python3 -P tests/benchmarks/bench_protconn.py [--areas 5000] [--candidates 20] [--subset 400]
        [--importance 300]
"""

import argparse
import math
import os
import resource
import sys
import time

import numpy as np
from shapely.geometry import Point, box
from shapely.ops import unary_union

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # python3 -P leaves this folder off sys.path
import bench_support  # noqa: E402

SIDE = 500000.0


def import_engine():
    """The plugin's engine, imported through a ``reserve_planner`` symlink (the repo root must not be on sys.path)."""
    bench_support.make_plugin_importable('bench_protconn_')
    from reserve_planner.processing.engine import connectivity
    return connectivity


def protected_areas(count, side, seed=11):
    """``count`` irregular protected areas (0.1 to 40 km2, log-uniform), half clustered as real ones are,
    half scattered; some overlap or cross the region's edge, as in WDPA data."""
    rng = np.random.default_rng(seed)
    centres = rng.uniform(0.05 * side, 0.95 * side, (max(count // 25, 1), 2))
    clustered = centres[rng.integers(len(centres), size=count // 2)] + rng.normal(0, side / 30, (count // 2, 2))
    points = np.vstack([clustered, rng.uniform(0, side, (count - count // 2, 2))])
    radii = np.sqrt(10 ** rng.uniform(5, 7.6, count) / math.pi)
    return [Point(x, y).buffer(radius, 3).union(Point(x + radius * 0.6, y).buffer(radius * 0.5, 3))
            for (x, y), radius in zip(points, radii)]


def dissolved_units(polygons, region):
    """The dissolved protected polygons inside ``region``, each a unit."""
    inside = unary_union(polygons).intersection(region)
    return list(inside.geoms) if hasattr(inside, 'geoms') else [inside]


def dense_protconn(polygons, region_area, k):
    """ProtConn by Floyd-Warshall over all pairs of ``polygons`` (disjoint units inside the region)."""
    count = len(polygons)
    cost = np.array([[k * a.distance(b) for b in polygons] for a in polygons])
    for middle in range(count):
        cost = np.minimum(cost, cost[:, [middle]] + cost[[middle], :])
    areas = np.array([polygon.area for polygon in polygons])
    return 100.0 * math.sqrt(areas @ np.exp(-cost) @ areas) / region_area


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--areas', type=int, default=5000)
    parser.add_argument('--subset', type=int, default=400)
    parser.add_argument('--importance', type=int, default=300)
    parser.add_argument('--candidates', type=int, default=20)
    options = parser.parse_args()
    connectivity = import_engine()
    region = box(0, 0, SIDE, SIDE)
    areas = protected_areas(options.areas, SIDE)
    print('{} protected areas generated in a {:.0f} km x {:.0f} km region'.format(len(areas), SIDE / 1e3, SIDE / 1e3))

    start, cpu = time.time(), time.process_time()
    network = connectivity.build_network(areas, region)
    built = time.time() - start
    result = connectivity.protconn_indicators(network)
    total = time.time() - start
    print('ProtConn, {} units: {:.1f} s wall, {:.1f} s CPU ({:.1f} s dissolving and clipping), peak memory {:.0f} MB'
          .format(result['nodes'], total, time.process_time() - cpu, built, peak_mb()))
    print('  Prot {prot:.4f} %  ProtConn {protconn:.4f} %  RelConn {relconn:.2f} %  pruning bound {bound:.2g} points'
          .format(bound=result['protconn_error_bound'], **result))

    candidates = protected_areas(options.candidates, SIDE, seed=12)
    start, cpu = time.time(), time.process_time()
    with_each = connectivity.protconn_with_each_addition(areas, candidates, region)
    print('ProtConn with each of {} candidate sites added: {:.1f} s wall, {:.1f} s CPU; largest gain {:.4f} points'
          .format(len(candidates), time.time() - start, time.process_time() - cpu,
                  max(with_each) - result['protconn']))
    best = int(np.argmax(with_each))
    start = time.time()
    full = connectivity.protconn_with_additions(areas, [candidates[best]], region)['protconn']
    print('  the best candidate recomputed in full: {:.10f} % vs {:.10f} % ({:.1f} s)'.format(
        full, with_each[best], time.time() - start))

    subset = areas[:options.subset]
    start = time.time()
    ours = connectivity.protconn(subset, region)['protconn']
    ours_time = time.time() - start
    start = time.time()
    dense = dense_protconn(dissolved_units(subset, region), region.area, network.decay)
    dense_time = time.time() - start
    print('Subset of {}: engine {:.10f} % in {:.2f} s, dense Floyd-Warshall {:.10f} % in {:.2f} s, '
          'relative difference {:.1e}'.format(len(subset), ours, ours_time, dense, dense_time,
                                              abs(ours - dense) / dense))

    subset = areas[:options.importance]
    start, cpu = time.time(), time.process_time()
    frame = connectivity.node_importance(connectivity.build_network(subset, region))
    print('Node importance (dPC with intra, flux and connector) of {} units: {:.1f} s wall, {:.1f} s CPU; '
          'largest dPC {:.3f} %'.format(len(frame), time.time() - start, time.process_time() - cpu, frame['dpc'].max()))


if __name__ == '__main__':
    main()
