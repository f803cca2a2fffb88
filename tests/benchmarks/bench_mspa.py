"""Benchmark: the MSPA engine (reserveplanner:mspa) on synthetic landscapes, against the JRC's own MSPA.

Run on demand (never collected by pytest). Each size runs in a fresh child process, so the peak memory printed
(maximum resident set of the child, after the map is generated) belongs to that run alone. Maps are of the kind of
shared/reference/mspa: smoothed noise cut at 40 % foreground, 2 % missing cells, 30 m cells.

    nice /usr/bin/python3 -P tests/benchmarks/bench_mspa.py [--sizes 1000 2000 10000] [--repeat 2]

The reference: the JRC's MSPA (miallib mspa.c, single-threaded C, as in GuidosToolbox) timed on this project's
machines on the same kind of maps takes 0.9-1.2 s for 1000 x 1000 cells and 3.3-6.8 s for 2000 x 2000
(shared/reference/mspa/README.md); the script prints our times beside those.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import time

import numpy as np
from scipy import ndimage

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # python3 -P leaves this folder off sys.path
import bench_support  # noqa: E402

PARAMETER_SETS = ((1, 8, True), (2, 8, True), (3, 4, False))
"""(edge width, connectivity, internal) of the shared reference outputs."""
JRC_SECONDS = {1000: '0.9-1.2', 2000: '3.3-6.8'}


def landscape(side, seed=7):
    """A side x side GuidosToolbox map (0 missing, 1 background, 2 foreground), built in strips to keep the
    generator's own memory small."""
    rng = np.random.default_rng(seed)
    noise = rng.random((side, side), dtype=np.float32)
    smooth = ndimage.gaussian_filter(noise, 4, output=np.float32)
    del noise
    cut = np.quantile(smooth[::max(side // 1000, 1), ::max(side // 1000, 1)], 0.4)
    result = np.where(smooth <= cut, 2, 1).astype(np.uint8)
    del smooth
    result[rng.random((side, side), dtype=np.float32) < 0.02] = 0
    return result


def child(side, repeat):
    """Time every parameter set on one map; print JSON with the best times and the peak memory."""
    bench_support.make_plugin_importable('bench_mspa_')
    from reserve_planner.processing.engine import mspa
    binary = landscape(side)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    times, cpu_times = {}, {}
    for edge_width, connectivity, internal in PARAMETER_SETS:
        key = 'ew{}_c{}'.format(edge_width, connectivity)
        times[key] = cpu_times[key] = float('inf')
        for _ in range(repeat):
            start, start_cpu = time.perf_counter(), time.process_time()
            mspa.mspa(binary, edge_width, connectivity, internal)
            times[key] = min(times[key], time.perf_counter() - start)
            cpu_times[key] = min(cpu_times[key], time.process_time() - start_cpu)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({'times': times, 'cpu_times': cpu_times, 'map_mb': before / 1024, 'peak_mb': peak / 1024}))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--sizes', type=int, nargs='+', default=[1000, 2000, 10000])
    parser.add_argument('--repeat', type=int, default=2)
    parser.add_argument('--child', type=int, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        child(arguments.child, arguments.repeat)
        return
    print('load average: {:.2f} {:.2f} {:.2f}'.format(*os.getloadavg()))
    print('ours: wall (CPU) seconds for edge width 1 / 2 / 3 (connectivity 8, 8, 4); the JRC: wall seconds, '
          'single-threaded, unloaded machine; peak MB: the run\'s largest resident memory (the map generator\'s '
          'included: see "map MB")')
    print('{:>7} {:>12} {:>48} {:>13} {:>9} {:>8} {:>11}'.format(
        'side', 'cells', 'ours (s)', 'JRC MSPA (s)', 'map MB', 'peak MB', 'B per cell'))
    for side in arguments.sizes:
        repeat = 1 if side > 4000 else arguments.repeat
        completed = subprocess.run(
            [sys.executable, '-P', os.path.abspath(__file__), '--child', str(side), '--repeat', str(repeat)],
            capture_output=True, text=True, check=True)
        result = json.loads(completed.stdout.strip().splitlines()[-1])
        times = ' / '.join('{:.2f} ({:.2f})'.format(wall, cpu) for wall, cpu in zip(
            result['times'].values(), result['cpu_times'].values()))
        print('{:>7} {:>12,} {:>48} {:>13} {:>9.0f} {:>8.0f} {:>11.1f}'.format(
            side, side * side, times, JRC_SECONDS.get(side, '-'), result['map_mb'], result['peak_mb'],
            result['peak_mb'] * 2 ** 20 / side / side))


if __name__ == '__main__':
    main()
