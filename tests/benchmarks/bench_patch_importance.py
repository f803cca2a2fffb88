"""Benchmark of patch importance (dIIC and dPC with all fractions): generated habitat patches, against the naive way
(recompute all shortest paths without each patch, as Conefor does, on every pair's distance measured, where
ours leaves out far pairs that nearer patches beat) and against the earlier engine (the same
divide-and-conquer inserting each node by dense n x n passes) in the same script on smaller sets, where all
must agree.

Run on demand (never collected by pytest):

    /usr/bin/python3 -P tests/benchmarks/bench_patch_importance.py [--sizes 300,1000,2000] [--naive 300] [--dense 300]
        [--workers N]
"""

import argparse
import os
import resource
import sys
import time

import numpy as np
from scipy.sparse.csgraph import csgraph_from_dense, shortest_path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # python3 -P leaves this folder off sys.path
import bench_support  # noqa: E402

DISTANCE = 5000.0
PROBABILITY = 0.5
THRESHOLD = 5000.0


def import_engine():
    bench_support.make_plugin_importable('bench_patch_importance_')
    from reserve_planner.processing.engine import connectivity, patches
    return connectivity, patches


def landscape(count, seed=3):
    """``count`` round patches of 1 to 200 ha in a square sized for about 4 patches per 100 km2."""
    from shapely.geometry import Point

    rng = np.random.default_rng(seed)
    side = np.sqrt(count / 4.0) * 10000.0
    centres = rng.uniform(0, side, (count, 2))
    radii = np.sqrt(rng.uniform(1e4, 2e6, count) / np.pi)
    return [Point(x, y).buffer(radius, 12) for (x, y), radius in zip(centres, radii)]


def naive(distances, areas, threshold, distance, probability, limit):
    """dIIC and dPC by removing each patch and recomputing all shortest paths (scipy), the way Conefor does it."""
    decay = -np.log(probability) / distance
    hops = np.where(distances <= threshold, 1.0, np.inf)
    costs = decay * distances
    costs[costs > limit] = np.inf

    def numerators(keep):
        a = areas[keep]
        paths = [shortest_path(csgraph_from_dense(links[np.ix_(keep, keep)], null_value=np.inf), directed=False)
                 for links in (hops, costs)]
        return a @ (1.0 / (1.0 + paths[0])) @ a, a @ np.where(paths[1] <= limit, np.exp(-paths[1]), 0.0) @ a

    everything = np.arange(len(areas))
    iic, pc = numerators(everything)
    without = np.array([numerators(everything[everything != k]) for k in everything])
    return 100 * (iic - without[:, 0]) / iic, 100 * (pc - without[:, 1]) / pc


def dense_connector(costs, weights, value):
    """The connector losses by the earlier engine: the divide-and-conquer of node insertions, each a dense pass
    over the whole n x n matrix (reach from every node, then the full rank-1 update), one copy per split."""
    count = len(weights)
    full = np.full((count, count), np.inf)

    def insert(matrix, node):
        reach = (costs[node][:, None] + matrix).min(axis=0)
        reach[node] = 0.0
        np.minimum(matrix, reach[:, None] + reach[None, :], out=matrix)
        matrix[node] = matrix[:, node] = reach

    for node in range(count):
        insert(full, node)
    losses = np.zeros(count)

    def remove_each(matrix, removed):
        if len(removed) == 1:
            node = removed[0]
            keep = np.arange(count) != node
            changed = np.ix_(keep, keep)
            losses[node] = weights[keep] @ (value(full[changed]) - value(matrix[changed])) @ weights[keep]
            return
        half = len(removed) // 2
        without_first = matrix.copy()
        for node in removed[half:]:
            insert(without_first, node)
        remove_each(without_first, removed[:half])
        for node in removed[:half]:
            insert(matrix, node)
        remove_each(matrix, removed[half:])

    remove_each(np.full((count, count), np.inf), np.arange(count))
    return losses


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def compare_with_dense(patches, distances, areas, ours, count):
    """Time the earlier engine on the PC and IIC links and print its largest difference in the connector."""
    pc_costs, limit = patches.pc_links(distances, DISTANCE, PROBABILITY)
    links = [(patches.iic_links(distances, THRESHOLD), patches.iic_pair_value),
             (pc_costs, patches.pc_pair_value(limit))]
    started = time.time()
    earlier = [dense_connector(costs, areas, value) for costs, value in links]
    elapsed = time.time() - started
    difference = max(np.abs(new.connector - old).max() / new.numerator for new, old in
                     zip([patches.removal_importance(costs, areas, value) for costs, value in links], earlier))
    print('{} patches: earlier dense engine {:.1f} s ({:.1f}x ours), largest connector difference {:.1e} of the '
          'index'.format(count, elapsed, elapsed / ours, difference), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--sizes', default='300,1000,2000', help='patch counts, comma-separated')
    parser.add_argument('--naive', type=int, default=300, help='largest patch count also run the naive way')
    parser.add_argument('--dense', type=int, default=300, help='largest patch count also run by the earlier engine')
    parser.add_argument('--workers', type=int, default=os.cpu_count(),
                        help='worker processes of the parallel run, beside the one-process run (1: that one only)')
    arguments = parser.parse_args()
    connectivity, patches = import_engine()
    from reserve_planner.processing.engine.executor import Executor
    limit = -np.log(connectivity.DEFAULT_MIN_PROBABILITY)
    reach = max(THRESHOLD, limit * DISTANCE / -np.log(PROBABILITY))
    for count in [int(size) for size in arguments.sizes.split(',')]:
        geometries = landscape(count)
        areas = np.array([geometry.area / 1e4 for geometry in geometries])
        started = time.time()
        distances = connectivity.pair_distances(geometries, reach, exact_within=THRESHOLD)
        measured = time.time() - started
        started = time.time()
        frame, summary = patches.patch_importance(distances, areas, THRESHOLD, DISTANCE, PROBABILITY)
        ours = time.time() - started
        print('{} patches: distances {:.1f} s, IIC + PC with every fraction {:.1f} s in one process, peak {:.0f} MB; '
              '{} components; top dPC {:.3f} %; load {:.1f}'.format(count, measured, ours, peak_mb(),
                                                                     summary.components, frame['dPC'].max(),
                                                                     os.getloadavg()[0]), flush=True)
        if arguments.workers > 1:
            started = time.time()
            parallel, _ = patches.patch_importance(distances, areas, THRESHOLD, DISTANCE, PROBABILITY,
                                                   executor=Executor(arguments.workers))
            elapsed = time.time() - started
            same = 'identical' if parallel.equals(frame) else 'DIFFERENT'
            print('{} patches: the same in {} worker processes {:.1f} s ({:.2f}x faster), results {}; load {:.1f}'
                  .format(count, arguments.workers, elapsed, ours / elapsed, same, os.getloadavg()[0]), flush=True)
        if count <= arguments.dense:
            compare_with_dense(patches, distances, areas, ours, count)
        if count <= arguments.naive:
            started = time.time()
            every_pair = connectivity.pair_distances(geometries, reach)
            all_measured = time.time() - started
            started = time.time()
            naive_iic, naive_pc = naive(every_pair, areas, THRESHOLD, DISTANCE, PROBABILITY, limit)
            reference = time.time() - started
            difference = max(np.abs(frame['dIIC'] - naive_iic).max(), np.abs(frame['dPC'] - naive_pc).max())
            print('{} patches: every pair measured {:.1f} s, naive removal on them {:.1f} s ({:.1f}x ours), largest '
                  'difference in dI {:.2e} points'.format(count, all_measured, reference, reference / ours, difference),
                  flush=True)


if __name__ == '__main__':
    main()
