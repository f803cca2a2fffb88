"""Benchmark of the executor (processing/engine/executor.py): the same work in one process (the reference), in
worker processes and on a Dask LocalCluster, with the speed-up and whether the results are identical.

Run on demand (never collected by pytest):

    nice /usr/bin/python3 -P tests/benchmarks/bench_parallel.py [--cells 4000000] [--cores 8] [--workers 2]
                                                                [--regions 8] [--units 400] [--dask]

Cases: the corridor network (one cost pass per core, on bench_corridors' landscape) and ProtConn of
``--regions`` regions with ``--units`` protected squares each. Printed per case and per way of running: wall
time, speed-up over one process, CPU seconds (this process and its finished local workers; not Dask's), the
one-minute load average (the speed-up means little on a machine loaded by others), peak memory of this process
and of its workers (ru_maxrss of the children: the largest worker), and whether the result equals the
one-process run exactly.
"""

import argparse
import os
import resource
import sys
import time

import numpy as np
from shapely.geometry import box

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # python3 -P leaves this folder off sys.path
import bench_support  # noqa: E402

bench_support.make_plugin_importable('bench_parallel_')
import bench_corridors  # noqa: E402
from reserve_planner.processing.engine import connectivity, corridors, raster  # noqa: E402
from reserve_planner.processing.engine.executor import Executor  # noqa: E402


def corridor_case(cells, count):
    side = int(round(cells ** 0.5))
    grid = raster.Grid(bench_corridors.landscape(side), (0.0, 30.0, 0.0, side * 30.0, 0.0, -30.0),
                       bench_corridors.utm_wkt())
    geometries = bench_corridors.cores(side, count)
    ids = list(range(1, count + 1))

    def run(executor):
        network = corridors.corridor_network(grid, geometries, ids, executor=executor)
        return (network.corridors, [link[:7] for link in network.links])
    return 'corridor network, {:,} cells, {} cores'.format(side * side, count), run


def protconn_case(regions, units):
    rng = np.random.default_rng(1)
    tasks = []
    for index in range(regions):
        x0 = index * 50000.0
        squares = [box(x0 + x, y, x0 + x + side, y + side)
                   for (x, y), side in zip(rng.uniform(0, 49000, (units, 2)), rng.uniform(100, 800, units))]
        tasks.append(connectivity.RegionTask(squares, box(x0, 0, x0 + 50000, 50000), False))
    options = {'distance': 5000.0, 'probability': 0.5, 'transboundary_distance': 0.0}

    def run(executor):
        return [indicators for indicators, _ in executor.map(connectivity.region_connectivity, tasks, options)]
    return 'ProtConn, {} regions x {} units'.format(regions, units), run


def same(first, second):
    try:
        np.testing.assert_equal(first, second)
        return True
    except AssertionError:
        return False


def cpu_seconds():
    """CPU seconds used so far by this process and its finished children (worker processes)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measure(name, run, ways):
    print(name)
    reference, reference_seconds = None, None
    for label, executor in ways:
        start, cpu_start = time.perf_counter(), cpu_seconds()
        result = run(executor)
        seconds = time.perf_counter() - start
        cpu = cpu_seconds() - cpu_start
        if reference is None:
            reference, reference_seconds = result, seconds
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0
        print('  {:<30} {:7.1f} s  speed-up {:4.2f}  CPU {:7.1f} s  peak {:5.0f} MB (largest worker {:5.0f} MB)  '
              'load {:4.1f}  {}'.format(label, seconds, reference_seconds / seconds, cpu, own, children,
                                        os.getloadavg()[0],
            'identical' if same(result, reference) else 'DIFFERENT'))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--cells', type=int, default=4_000_000)
    parser.add_argument('--cores', type=int, default=8)
    parser.add_argument('--workers', type=int, default=os.cpu_count())
    parser.add_argument('--regions', type=int, default=8)
    parser.add_argument('--units', type=int, default=400)
    parser.add_argument('--dask', action='store_true', help='also on a Dask LocalCluster of --workers processes')
    arguments = parser.parse_args()
    ways = [('one process (reference)', Executor(1)),
            ('{} worker processes'.format(arguments.workers), Executor(arguments.workers))]
    cluster = None
    if arguments.dask:
        from distributed import LocalCluster
        cluster = LocalCluster(n_workers=arguments.workers, threads_per_worker=1, host='127.0.0.1',
                               dashboard_address=None)
        ways.append(('Dask LocalCluster, {} workers'.format(arguments.workers),
                     Executor(scheduler=cluster.scheduler_address)))
    print('{} cores on this machine'.format(os.cpu_count()))
    for case in (corridor_case(arguments.cells, arguments.cores), protconn_case(arguments.regions, arguments.units)):
        measure(*case, ways)
    if cluster is not None:
        cluster.close()


if __name__ == '__main__':
    main()
