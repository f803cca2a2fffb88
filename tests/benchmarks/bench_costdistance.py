"""Benchmark: ``qgis_process run reserveplanner:costdistance`` against GRASS r.cost, whole process, same GeoTIFF.

Run on demand (never collected by pytest). For each size it generates a resistance raster (smooth landscape
times random noise, about 8 % nodata barriers, 30 m x 20 m cells so the non-square case is exercised) and a
source raster (a few source cells and a short line), then times from the command line:

- ours:  qgis_process.bin run reserveplanner:costdistance -- RESISTANCE=... SOURCE_RASTER=... OUTPUT=...
- GRASS: grass --tmp-location EPSG:32650 --exec: r.in.gdal (both rasters), g.region, r.cost (8 neighbours),
         r.out.gdal with the same GeoTIFF type and creation options as ours (Float32, DEFLATE level 1, tiled)

and prints wall time, CPU time (user + system of the process tree), peak memory (largest process) and the
largest difference between the two outputs (GRASS's cost x cell width, docs/costdistance.md). The two tools
run alternately ``--repeat`` times and the best run of each is kept, which damps the noise of a shared
machine (the load average is printed; compare CPU times when it is high):

    /usr/bin/python3 -P tests/benchmarks/bench_costdistance.py [--sizes 1000 2000 4000] [--repeat 2] [--keep DIR]

Sizes are raster sides: 1000, 2000 and 4000 give 1 M, 4 M and 16 M cells. Needs qgis_process and grass-core.

``--engine-sizes 4000 10000`` (16 M and 10^8 cells) measures the cost engine alone instead, each run in its own
Python process, on the same generated rasters: this engine (resistance read by blocks of rows into the graph,
cost written by blocks) against the engine before issue 13 (``BEFORE`` commit: band read whole as float64),
printing wall time, the tracemalloc peak and the peak RSS of the process in bytes per cell, and whether the two
accumulated costs are identical (a hash of their float64 bytes)::

    /usr/bin/python3 -P tests/benchmarks/bench_costdistance.py --engine-sizes 4000 10000

``--tiles 10000`` runs issue 13's check at 10^8 cells, once: the cost engine over the whole cheap synthetic raster of
tests/cost_tiles.py (computed by blocks of rows, no file), then 3 x 3 tiles overlapping by a tenth of the side (at
10 000 cells their edges fall midway between the sources, every 500 cells), each run alone; prints the whole run's
time, its tracemalloc peak and the process's peak RSS, the tiles' time, and the verdict: the cells whose tile cost
must equal the whole grid's, how many do not, and how many tile cells cost less than on the whole grid (both must
be 0)::

    /usr/bin/python3 -P tests/benchmarks/bench_costdistance.py --tiles 10000
"""

import argparse
import hashlib
import importlib.util
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc

import numpy as np
from osgeo import gdal, osr
from scipy import ndimage

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # python3 -P leaves this folder off sys.path
import bench_support  # noqa: E402

CELL_WIDTH, CELL_HEIGHT = 30.0, 20.0
X0, Y0 = 500000.0, 4000000.0
NODATA = -9999.0
CREATION_OPTIONS = 'COMPRESS=DEFLATE,TILED=YES,BIGTIFF=IF_SAFER,ZLEVEL=1,NUM_THREADS=ALL_CPUS,PREDICTOR=3'
BEFORE = '06ab780'
"""The commit whose cost engine (27 bytes per cell, band read whole) the engine runs are compared with."""


def utm_wkt():
    reference = osr.SpatialReference()
    reference.ImportFromEPSG(32650)
    return reference.ExportToWkt()


def write_tif(path, array, data_type, nodata):
    dataset = gdal.GetDriverByName('GTiff').Create(path, array.shape[1], array.shape[0], 1, data_type,
                                                   ['COMPRESS=DEFLATE', 'TILED=YES', 'BIGTIFF=IF_SAFER'])
    dataset.SetGeoTransform((X0, CELL_WIDTH, 0, Y0, 0, -CELL_HEIGHT))
    dataset.SetProjection(utm_wkt())
    band = dataset.GetRasterBand(1)
    band.SetNoDataValue(nodata)
    band.WriteArray(array)
    dataset = None


def generate(folder, side, seed=11):
    """(resistance.tif, sources.tif) of side x side cells."""
    rng = np.random.default_rng(seed)
    coarse = ndimage.zoom(rng.normal(size=(side // 100 + 2, side // 100 + 2)), 100, order=1)[:side, :side]
    resistance = (np.exp(1.5 * coarse) * rng.uniform(0.5, 1.5, (side, side))).astype(np.float32)
    resistance[rng.random((side, side)) < 0.08] = NODATA
    sources = np.zeros((side, side), dtype=np.uint8)
    for row, col in rng.integers(0, side, (5, 2)):
        sources[row, col] = 1
    sources[side // 3, side // 4:side // 4 + side // 20] = 1
    resistance[sources == 1] = 1.0
    paths = os.path.join(folder, 'resistance.tif'), os.path.join(folder, 'sources.tif')
    write_tif(paths[0], resistance, gdal.GDT_Float32, NODATA)
    write_tif(paths[1], sources, gdal.GDT_Byte, 0)
    return paths


def timed(command, environment=None, cwd=None):
    """Run ``command``; return (wall s, CPU s of the process tree, peak RSS MB of its largest process)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    completed = subprocess.run(command, env=environment, cwd=cwd, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if completed.returncode != 0:
        raise RuntimeError('{} failed:\n{}\n{}'.format(command[0], completed.stdout, completed.stderr))
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss / 1024.0


def run_in_fresh_process(command, environment=None, cwd=None):
    """timed() in a child Python so that ru_maxrss covers this command only."""
    code = ('import json, sys; sys.path.insert(0, {!r}); from bench_costdistance import timed; '
            'print(json.dumps(timed({!r}, {!r}, {!r})))').format(os.path.dirname(os.path.abspath(__file__)),
                                                                 command, environment, cwd)
    completed = subprocess.run([sys.executable, '-P', '-c', code], capture_output=True, text=True)
    if completed.returncode != 0:
        raise RuntimeError(completed.stderr)
    return tuple(float(value) for value in completed.stdout.strip().splitlines()[-1].strip('[]').split(','))


def run_ours(executable, environment, resistance, sources, output):
    return run_in_fresh_process([executable, 'run', 'reserveplanner:costdistance', '--',
                                 'RESISTANCE=' + resistance, 'SOURCE_RASTER=' + sources, 'OUTPUT=' + output],
                                environment)


def run_grass(folder, resistance, sources, output):
    script = os.path.join(folder, 'r_cost.sh')
    with open(script, 'w') as handle:
        handle.write('set -e\n'
                     'r.in.gdal -o input={res} output=resistance --quiet\n'
                     'r.in.gdal -o input={src} output=sources --quiet\n'
                     'g.region raster=resistance\n'
                     'r.cost input=resistance start_raster=sources output=cost --quiet\n'
                     'r.out.gdal -f input=cost output={out} type=Float32 createopt={options} '
                     '--overwrite --quiet\n'.format(res=resistance, src=sources, out=output, options=CREATION_OPTIONS))
    return run_in_fresh_process(['grass', '--tmp-location', 'EPSG:32650', '--exec', 'bash', script], cwd=folder)


def best(runs):
    """(shortest wall time, lowest CPU time, highest peak memory) over several runs of one tool."""
    walls, cpus, memories = zip(*runs)
    return min(walls), min(cpus), max(memories)


def read(path):
    dataset = gdal.Open(path)
    band = dataset.GetRasterBand(1)
    values = band.ReadAsArray().astype(np.float64)
    if band.GetNoDataValue() is not None:
        values[values == band.GetNoDataValue()] = np.nan
    return values


def differences(ours_path, grass_path):
    """(nodata cells that differ, max absolute difference, max relative difference) of the two outputs."""
    ours, grass = read(ours_path), read(grass_path) * CELL_WIDTH
    mismatched = int(np.count_nonzero(np.isnan(ours) != np.isnan(grass)))
    both = ~np.isnan(ours) & ~np.isnan(grass)
    absolute = np.abs(ours[both] - grass[both])
    relative = absolute / np.maximum(np.abs(grass[both]), 1e-12)
    return mismatched, float(absolute.max()), float(relative.max())


def engine_before(costdistance):
    """The cost engine of commit BEFORE, imported beside ``costdistance`` (so that its relative imports work)."""
    source = subprocess.run(['git', 'show', BEFORE + ':processing/engine/costdistance.py'], cwd=bench_support.REPO,
                            capture_output=True, text=True, check=True).stdout
    path = os.path.join(tempfile.mkdtemp(prefix='bench_costdistance_before_'), 'costdistance_before.py')
    with open(path, 'w') as handle:
        handle.write(source)
    name = costdistance.__name__ + '_before'
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def engine_child(engine, resistance_path, sources_path, output):
    """One engine run in this process (``engine``: 'ours' or 'before'); prints a JSON line with the seconds, the
    tracemalloc peak, the peak RSS (bytes) and the SHA-1 of the accumulated cost (float64)."""
    bench_support.make_plugin_importable('bench_costdistance_')
    from reserve_planner.processing.engine import costdistance, raster
    sources = gdal.Open(sources_path).ReadAsArray() > 0
    start = time.perf_counter()
    tracemalloc.start()
    if engine == 'ours':
        dataset = gdal.Open(resistance_path)
        graph = costdistance.CostGraph.from_rows(
            (dataset.RasterYSize, dataset.RasterXSize), lambda first, count: raster.read_rows(dataset, first, count),
            CELL_WIDTH, CELL_HEIGHT)
        cost = graph.accumulate(sources)
    else:
        grid = raster.read_band(resistance_path)
        cost = engine_before(costdistance).accumulated_cost(grid.array, sources, CELL_WIDTH, CELL_HEIGHT)
    digest = hashlib.sha1()
    for row in cost:
        digest.update(row.tobytes())
    raster.write_geotiff(output, np.where(np.isinf(cost), np.nan, cost) if engine != 'ours' else cost,
                         (X0, CELL_WIDTH, 0, Y0, 0, -CELL_HEIGHT), utm_wkt(), fast=True, float32=True)
    _, peak = tracemalloc.get_traced_memory()
    seconds = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps(dict(seconds=seconds, traced=peak, rss=rss, sha1=digest.hexdigest())))


def run_engine(engine, resistance, sources, output):
    completed = subprocess.run([sys.executable, '-P', os.path.abspath(__file__), '--engine-child', engine, resistance,
                                sources, output], capture_output=True, text=True)
    if completed.returncode != 0:
        raise RuntimeError(completed.stderr)
    return json.loads(completed.stdout.strip().splitlines()[-1])


def compare_engines(folder, sides, engines):
    """Print this engine against the engine before issue 13 for each raster side (see the module docstring)."""
    print('{:>7} {:>8} {:>9} {:>9} {:>9} {:>9} {:>9}'.format(
        'Mcells', 'engine', 'seconds', 'traced B', 'RSS B', 'RSS MB', 'identical'))
    for side in sides:
        size_folder = os.path.join(folder, str(side))
        os.makedirs(size_folder, exist_ok=True)
        resistance, sources = generate(size_folder, side)
        results = {engine: run_engine(engine, resistance, sources, os.path.join(size_folder, engine + '.tif'))
                   for engine in engines}
        same = len({result['sha1'] for result in results.values()}) == 1 if len(results) > 1 else '-'
        for engine, result in results.items():
            print('{:>7.0f} {:>8} {:>9.1f} {:>9.1f} {:>9.1f} {:>9.0f} {:>9}'.format(
                side * side / 1e6, engine, result['seconds'], result['traced'] / side ** 2,
                result['rss'] / side ** 2, result['rss'] / 2 ** 20, str(same)), flush=True)


def compare_with_tiles(side, tiles_per_side=3):
    """Issue 13's tile check at ``side`` x ``side`` cells (see the module docstring)."""
    bench_support.make_plugin_importable('bench_costdistance_')
    sys.path.insert(0, os.path.join(bench_support.REPO, 'tests'))
    import cost_tiles
    print('load average at start: {:.1f} {:.1f} {:.1f} on {} CPUs'.format(*os.getloadavg(), os.cpu_count()))
    start = time.perf_counter()
    tracemalloc.start()
    whole = cost_tiles.window_cost(0, side, 0, side)
    _, traced = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    whole_seconds = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print('whole grid {} x {}: {:.1f} s, traced peak {:.0f} MB ({:.1f} bytes per cell), process peak RSS {:.0f} MB, '
          '{:.1%} of the cells reached'.format(side, side, whole_seconds, traced / 2 ** 20, traced / side ** 2,
                                               rss / 2 ** 20, float(np.isfinite(whole).mean())), flush=True)
    start = time.perf_counter()
    checked, unequal, lower, higher = cost_tiles.compare_tiles(whole, tiles_per_side, side // 10)
    print('{0} x {0} tiles overlapping by {1} cells: {2:.1f} s; cells whose tile cost must equal the whole grid\'s '
          '{3:,} ({4:.1%}), unequal {5}, tile cells costing less {6}, more {7:,} (paths cut by tile edges): {8}'.format(
              tiles_per_side, side // 10, time.perf_counter() - start, checked, checked / side ** 2, unequal, lower,
              higher, 'EQUAL' if unequal == lower == 0 and checked else 'DIFFERENT'))
    print('load average at end: {:.1f} {:.1f} {:.1f}'.format(*os.getloadavg()))


def main():
    if sys.argv[1:2] == ['--engine-child']:
        engine_child(*sys.argv[2:6])
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--sizes', type=int, nargs='+', default=[1000, 2000, 4000])
    parser.add_argument('--engine-sizes', type=int, nargs='+',
                        help='measure the cost engine alone, this one against the one before issue 13')
    parser.add_argument('--engines', nargs='+', choices=('ours', 'before'), default=['ours', 'before'],
                        help='with --engine-sizes: the engines to run (default: both)')
    parser.add_argument('--tiles', type=int, metavar='SIDE',
                        help='the whole-grid cost against 3 x 3 overlapping tiles on SIDE x SIDE cells (issue 13)')
    parser.add_argument('--repeat', type=int, default=2, help='runs of each tool per size (best kept)')
    parser.add_argument('--keep', help='folder for the generated rasters and outputs (default: a temporary one)')
    arguments = parser.parse_args()
    if arguments.tiles:
        compare_with_tiles(arguments.tiles)
        return
    folder = arguments.keep or tempfile.mkdtemp(prefix='bench_costdistance_')
    if arguments.engine_sizes:
        compare_engines(folder, arguments.engine_sizes, arguments.engines)
        if not arguments.keep:
            shutil.rmtree(folder)
        return
    batch = bench_support.qgis_process(os.path.join(folder, 'profile'))
    executable, environment = batch.executable, batch.environment
    print('load average at start: {:.1f} {:.1f} {:.1f} on {} CPUs'.format(*os.getloadavg(), os.cpu_count()))
    print('{:>6} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>7} {:>9} {:>9} {:>9}'.format(
        'Mcells', 'ours s', 'GRASS s', 'ratio', 'ours cpu', 'GRASScpu', 'ours MB', 'GRASSMB', 'nodata≠',
        'max abs', 'max rel'))
    for side in arguments.sizes:
        size_folder = os.path.join(folder, str(side))
        os.makedirs(size_folder, exist_ok=True)
        resistance, sources = generate(size_folder, side)
        ours_output = os.path.join(size_folder, 'ours.tif')
        grass_output = os.path.join(size_folder, 'grass.tif')
        runs = [(run_ours(executable, environment, resistance, sources, ours_output),
                 run_grass(size_folder, resistance, sources, grass_output)) for _ in range(arguments.repeat)]
        ours, grass = (best([run[tool] for run in runs]) for tool in (0, 1))
        mismatched, absolute, relative = differences(ours_output, grass_output)
        print('{:>6.0f} {:>8.2f} {:>8.2f} {:>8.2f} {:>8.2f} {:>8.2f} {:>8.0f} {:>7.0f} {:>9d} {:>9.2e} {:>9.2e}'.format(
            side * side / 1e6, ours[0], grass[0], ours[0] / grass[0], ours[1], grass[1], ours[2], grass[2],
            mismatched, absolute, relative), flush=True)
    print('load average at end: {:.1f} {:.1f} {:.1f}'.format(*os.getloadavg()))
    if not arguments.keep:
        shutil.rmtree(folder)


if __name__ == '__main__':
    main()
