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
"""

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

import numpy as np
from osgeo import gdal, osr
from scipy import ndimage

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # python3 -P leaves this folder off sys.path
import bench_support  # noqa: E402

CELL_WIDTH, CELL_HEIGHT = 30.0, 20.0
X0, Y0 = 500000.0, 4000000.0
NODATA = -9999.0
CREATION_OPTIONS = 'COMPRESS=DEFLATE,TILED=YES,BIGTIFF=IF_SAFER,ZLEVEL=1,NUM_THREADS=ALL_CPUS,PREDICTOR=3'


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


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--sizes', type=int, nargs='+', default=[1000, 2000, 4000])
    parser.add_argument('--repeat', type=int, default=2, help='runs of each tool per size (best kept)')
    parser.add_argument('--keep', help='folder for the generated rasters and outputs (default: a temporary one)')
    arguments = parser.parse_args()
    folder = arguments.keep or tempfile.mkdtemp(prefix='bench_costdistance_')
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
