"""Benchmark of the circuit-theory engine (processing/engine/circuit.py), Circuitscape's pairwise and one-to-all modes.

Run on demand (never collected by pytest), with ``nice``:

    nice /usr/bin/python3 -P tests/benchmarks/bench_circuitscape.py [--side 1000] [--points 10] [--naive-pairs 3]
                                                                   [--big-side 4000] [--big-points 5] [--skip-big]

1. Pairwise, ``--points`` focal points on a ``--side`` x ``--side`` grid (8 neighbours, average conductance): our
   engine (one preparation per component, k - 1 solves, every pair's cumulative current map) against the naive
   way in the same script: for each pair, ground one point and solve with its own
   ``scipy.sparse.linalg.spsolve`` (a new factorisation per pair, no current maps at all, so the naive side is
   favoured). The naive solves are slow (about a minute each on 1 M cells), so only ``--naive-pairs`` of them are
   timed and the total is that mean times the number of pairs; the first pair's resistances are compared.
2. One-to-all, ``--big-points`` focal points on a ``--big-side`` grid: wall time and peak memory.
Each part runs in its own process so that its peak memory (ru_maxrss) is its own.
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


def import_engine():
    bench_support.make_plugin_importable('bench_circuitscape_')
    from reserve_planner.processing.engine import circuit
    return circuit


def landscape(side, seed=3):
    """A smooth random resistance 1..100 with a few nodata cells."""
    rng = np.random.default_rng(seed)
    noise = ndimage.gaussian_filter(rng.random((side, side)), sigma=side / 100.0)
    resistance = 1.0 + 99.0 * (noise - noise.min()) / (noise.max() - noise.min())
    resistance[rng.random((side, side)) < 0.002] = np.nan
    return resistance


def focal_points(resistance, count, seed=5):
    """A focal grid with ids 1..count on cells with data, spread over the grid."""
    rng = np.random.default_rng(seed)
    focal = np.zeros(resistance.shape)
    placed = 0
    while placed < count:
        row, col = rng.integers(0, resistance.shape[0]), rng.integers(0, resistance.shape[1])
        if np.isfinite(resistance[row, col]) and focal[row, col] == 0:
            placed += 1
            focal[row, col] = placed
    return focal


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def part_engine(mode, side, points):
    """Our engine's ``mode`` ('pairwise' or 'one_to_all') with ``points`` focal points on a ``side`` grid."""
    circuit = import_engine()
    resistance = landscape(side)
    focal = focal_points(resistance, points)
    start, cpu_start = time.perf_counter(), time.process_time()
    result = getattr(circuit, mode)(circuit.Landscape(resistance), focal)
    first = result.resistances[0, 1:] if result.resistances.ndim == 2 else result.resistances
    return dict(seconds=time.perf_counter() - start, cpu_seconds=time.process_time() - cpu_start, peak_mb=peak_mb(),
                first_pairs=[float(value) for value in first],
                solver=solver_used(circuit, side * side))


def solver_used(circuit, cells):
    if cells <= circuit.DIRECT_MAX_NODES:
        return 'SuperLU'
    return 'CG + pyamg' if circuit.pyamg is not None else 'CG + built-in multigrid'


def part_pairwise(arguments):
    return part_engine('pairwise', arguments.side, arguments.points)


def part_naive(arguments):
    import scipy.sparse.linalg as sparse_linalg

    circuit = import_engine()
    resistance = landscape(arguments.side)
    focal = focal_points(resistance, arguments.points)
    graph = circuit.Landscape(resistance).graph()
    nodes = graph.node_of_cell[focal > 0][np.argsort(focal[focal > 0])]
    component = np.flatnonzero(graph.component == graph.component[nodes[0]])
    local = np.searchsorted(component, nodes)
    pairs = [(a, b) for a in range(len(nodes)) for b in range(a + 1, len(nodes))]
    times, cpu_times, first_pairs = [], [], []
    for a, b in pairs[:arguments.naive_pairs]:
        start, cpu_start = time.perf_counter(), time.process_time()
        keep = np.ones(len(component), dtype=bool)
        keep[local[b]] = False
        rhs = np.zeros(keep.sum())
        rhs[np.cumsum(keep)[local[a]] - 1] = 1.0
        voltages = sparse_linalg.spsolve(graph.laplacian(component[keep]).tocsc(), rhs)
        first_pairs.append(float(voltages[np.cumsum(keep)[local[a]] - 1]))
        times.append(time.perf_counter() - start)
        cpu_times.append(time.process_time() - cpu_start)
    return dict(seconds_per_pair=float(np.mean(times)), timed_pairs=len(times), pairs=len(pairs),
                seconds=float(np.mean(times)) * len(pairs), cpu_seconds=float(np.mean(cpu_times)) * len(pairs),
                peak_mb=peak_mb(), first_pairs=first_pairs)


def part_one_to_all(arguments):
    return part_engine('one_to_all', arguments.big_side, arguments.big_points)


PARTS = {'pairwise': part_pairwise, 'naive': part_naive, 'one_to_all': part_one_to_all}


def run_part(name, arguments):
    """Run one part in a child process and return its JSON result."""
    command = [sys.executable, '-P', os.path.abspath(__file__), '--part', name] + [
        '--{}={}'.format(key.replace('_', '-'), value) for key, value in vars(arguments).items()
        if key not in ('part', 'skip_big')]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--side', type=int, default=1000)
    parser.add_argument('--points', type=int, default=10)
    parser.add_argument('--naive-pairs', type=int, default=3)
    parser.add_argument('--big-side', type=int, default=4000)
    parser.add_argument('--big-points', type=int, default=5)
    parser.add_argument('--skip-big', action='store_true')
    parser.add_argument('--part', choices=sorted(PARTS))
    arguments = parser.parse_args()
    if arguments.part:
        print(json.dumps(PARTS[arguments.part](arguments)))
        return
    ours = run_part('pairwise', arguments)
    print('pairwise, {} points on {} x {} cells: ours {:.1f} s ({:.1f} s CPU), peak {:.0f} MB ({})'.format(
        arguments.points, arguments.side, arguments.side, ours['seconds'], ours['cpu_seconds'], ours['peak_mb'],
        ours['solver']))
    naive = run_part('naive', arguments)
    print('naive spsolve per pair: {:.1f} s per pair ({} timed) x {} pairs = {:.0f} s ({:.0f} s CPU), peak {:.0f} MB'
          .format(naive['seconds_per_pair'], naive['timed_pairs'], naive['pairs'], naive['seconds'],
                  naive['cpu_seconds'], naive['peak_mb']))
    difference = max(abs(a - b) for a, b in zip(ours['first_pairs'], naive['first_pairs']))
    print('speed-up {:.1f}x wall, {:.1f}x CPU; largest difference of the timed resistances {:.2e} ohm'.format(
        naive['seconds'] / ours['seconds'], naive['cpu_seconds'] / ours['cpu_seconds'], difference))
    if not arguments.skip_big:
        big = run_part('one_to_all', arguments)
        print('one-to-all, {} points on {} x {} cells: {:.1f} s ({:.1f} s CPU), peak {:.0f} MB ({})'.format(
            arguments.big_points, arguments.big_side, arguments.big_side, big['seconds'], big['cpu_seconds'],
            big['peak_mb'], big['solver']))


if __name__ == '__main__':
    main()
