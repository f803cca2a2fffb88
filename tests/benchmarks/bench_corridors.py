"""Benchmark of the corridor network: 30 cores on a generated 4 M-cell resistance raster.

Run on demand (never collected by pytest); prints the wall time and the peak memory of the engine alone and,
with --qgis-process, of the whole corridornetwork algorithm run from the command line as a batch user does:

    /usr/bin/python3 -P tests/benchmarks/bench_corridors.py [--cells 4000000] [--cores 30] [--grass-cores 4]
                                                            [--qgis-process]

The reference is GRASS r.cost, on the same landscape with the first ``--grass-cores`` cores (0 = skip it): GRASS
rasterises the cores itself (v.to.rast), runs one r.cost per core and takes each link's cost as the lowest
accumulated cost over the other core's cells (r.univar by zone). Printed: GRASS's time (whole session, and
r.cost alone) against ours on the same cores (the cost passes alone, and the whole corridor_network with every
pair linked), and the largest relative difference between our link cwd and GRASS's.

``--province`` is issue 13's provincial case instead: 200 cores over 5 x 10^7 cells (unless --cores and --cells
say otherwise) with the options a provincial team sets in Linkage Mapper: candidates whose cost-weighted
allocation zones touch, each core's 4 nearest neighbours, links up to PROVINCE_MAX_CWD and bounding circles
widened by PROVINCE_CIRCLE_BUFFER, in one process. Prints the time of each step, the peak memory and the links;
``--profile`` adds the 25 functions of longest cumulative time (cProfile):

    /usr/bin/python3 -P tests/benchmarks/bench_corridors.py --province [--cells 10000000 --cores 50 --profile]
"""

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time

import numpy as np
from scipy import ndimage
from shapely.geometry import box

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # python3 -P leaves this folder off sys.path
import bench_support  # noqa: E402


def import_engine():
    """The plugin's engine, imported through a ``reserve_planner`` symlink (the repo root must not be on sys.path)."""
    bench_support.make_plugin_importable('bench_corridors_')
    from reserve_planner.processing.engine import corridors, costdistance, raster
    return corridors, costdistance, raster


def utm_wkt():
    """WKT of UTM zone 50N, the CRS the generated grid pretends to be in."""
    from osgeo import osr
    reference = osr.SpatialReference()
    reference.ImportFromEPSG(32650)
    return reference.ExportToWkt()


def landscape(side, seed=7):
    """A smooth random resistance 1..100 with a few nodata barriers, on 30 m cells."""
    rng = np.random.default_rng(seed)
    noise = ndimage.gaussian_filter(rng.random((side, side)), sigma=side / 100.0)
    resistance = 1.0 + 99.0 * (noise - noise.min()) / (noise.max() - noise.min())
    resistance[rng.random((side, side)) < 0.002] = np.nan
    return resistance


def cores(side, count, cell=30.0, seed=11):
    """``count`` square cores of 10 to 40 cells, not overlapping, in map coordinates of the grid below."""
    rng = np.random.default_rng(seed)
    placed = []
    while len(placed) < count:
        width = rng.integers(10, 40) * cell
        x, y = rng.uniform(0, side * cell - width, size=2)
        candidate = box(x, y, x + width, y + width)
        if all(candidate.distance(other) > 5 * cell for other in placed):
            placed.append(candidate)
    return placed


PROVINCE_MAX_CWD = 1.5e6
"""--province's longest link, cost x metres (about 1 000 cells of mean resistance 50 on 30 m cells)."""

PROVINCE_CIRCLE_BUFFER = 3000.0
"""--province's bounding-circle buffer, metres."""


def province(modules, grid, geometries, profile):
    """Run the provincial case (module docstring) and print its figures."""
    from reserve_planner.processing.engine import link_selection
    from reserve_planner.processing.engine.feedback import Feedback
    corridors, _costdistance, _raster = modules
    options = dict(adjacency=link_selection.COST_ADJACENT, max_neighbors=4, max_cwd=PROVINCE_MAX_CWD,
                   circle_buffer=PROVINCE_CIRCLE_BUFFER)
    steps = []
    start = time.perf_counter()

    def progress(percent):
        if not steps or int(percent) // 10 > steps[-1][0] // 10:
            steps.append((int(percent), time.perf_counter() - start))

    profiler = None
    if profile:
        import cProfile
        profiler = cProfile.Profile()
        profiler.enable()
    network = corridors.corridor_network(grid, geometries, list(range(1, len(geometries) + 1)),
                                         feedback=Feedback(set_progress=progress), **options)
    elapsed = time.perf_counter() - start
    if profiler is not None:
        import pstats
        profiler.disable()
        pstats.Stats(profiler).sort_stats('cumulative').print_stats(25)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print('province: {} cores, options {}'.format(len(geometries), options))
    print('    links kept {}, dropped through a third core {}, isolated cores {}'.format(
        len(network.links), len(network.through_core), len(network.isolated)))
    print('    progress (percent at seconds): ' + ', '.join('{}% {:.0f} s'.format(*step) for step in steps))
    print('    engine: time {:.1f} s ({:.1f} min), peak memory {:.0f} MB (this process, inputs included)'.format(
        elapsed, elapsed / 60.0, peak_mb), flush=True)


def write_inputs(folder, grid, geometries, raster):
    """The benchmark landscape as a GeoTIFF and the cores as a GeoPackage with an integer ``core_id``."""
    from osgeo import ogr, osr
    resistance_path = raster.write_geotiff(os.path.join(folder, 'resistance.tif'), grid.array.astype(np.float32),
                                           grid.geotransform, grid.crs_wkt)
    cores_path = os.path.join(folder, 'cores.gpkg')
    source = ogr.GetDriverByName('GPKG').CreateDataSource(cores_path)
    layer = source.CreateLayer('cores', osr.SpatialReference(grid.crs_wkt), ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn('core_id', ogr.OFTInteger))
    for core_id, geometry in enumerate(geometries, start=1):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField('core_id', core_id)
        feature.SetGeometry(ogr.CreateGeometryFromWkb(geometry.wkb))
        layer.CreateFeature(feature)
    source = None
    return resistance_path, cores_path


def run_qgis_process(grid, geometries, raster):
    """Whole-process time and peak memory of ``qgis_process run reserveplanner:corridornetwork``."""
    batch = bench_support.qgis_process()
    folder = tempfile.mkdtemp(prefix='bench_corridors_data_')
    resistance_path, cores_path = write_inputs(folder, grid, geometries, raster)
    start = time.perf_counter()
    returncode, _result, output = batch.run(
        'corridornetwork', CORES=cores_path, CORE_ID_FIELD='core_id', RESISTANCE=resistance_path,
        OUTPUT_LINKS=os.path.join(folder, 'links.gpkg'), OUTPUT_CORRIDORS=os.path.join(folder, 'corridors.tif'),
        OUTPUT_CORRIDOR_POLYGONS=os.path.join(folder, 'corridor_polygons.gpkg'))
    elapsed = time.perf_counter() - start
    if returncode != 0:
        print(output[-3000:])
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0
    print('qgis_process: time {:.1f} s, peak memory {:.0f} MB, {}'.format(
        elapsed, peak_mb, 'ok' if returncode == 0 else 'FAILED'))


def grass_link_costs(folder, resistance_path, cores_path, count, cell):
    """GRASS's LCD of every pair of the ``count`` cores (core_id 1..count), in resistance x metres, keyed
    (lower id, higher id), and the seconds spent in r.cost alone (the session's start-up and I/O excluded).

    r.cost (8 neighbours, average cost, nulls are barriers) gives resistance x cells: times ``cell`` metres."""
    lines = ['set -e', 'r.in.gdal -o input={} output=resistance --quiet'.format(resistance_path),
             'g.region raster=resistance',
             'v.in.ogr -o input={} layer=cores output=cores --quiet'.format(cores_path),
             'v.to.rast input=cores type=area use=attr attribute_column=core_id output=cores --quiet']
    for core_id in range(1, count + 1):
        lines += ['r.mapcalc "source = if(cores == {}, 1, null())" --overwrite --quiet'.format(core_id),
                  'echo "r.cost start $(date +%s.%N)"',
                  'r.cost input=resistance start_raster=source output=cost --overwrite --quiet',
                  'echo "r.cost end $(date +%s.%N)"',
                  'r.univar -t map=cost zones=cores separator=comma --quiet > {}'.format(
                      os.path.join(folder, 'univar_{}.csv'.format(core_id)))]
    script = os.path.join(folder, 'r_cost.sh')
    with open(script, 'w') as handle:
        handle.write('\n'.join(lines) + '\n')
    completed = subprocess.run(['grass', '--tmp-location', 'EPSG:32650', '--exec', 'bash', script],
                               capture_output=True, text=True)
    if completed.returncode != 0:
        raise RuntimeError('GRASS failed: ' + completed.stderr[-3000:])
    stamps = [float(line.split()[-1]) for line in completed.stdout.splitlines() if line.startswith('r.cost ')]
    r_cost_seconds = sum(end - start for start, end in zip(stamps[::2], stamps[1::2]))
    costs = {}
    for source in range(1, count + 1):
        with open(os.path.join(folder, 'univar_{}.csv'.format(source))) as handle:
            header = handle.readline().strip().split(',')
            for line in handle:
                row = dict(zip(header, line.strip().split(',')))
                target = int(row['zone'])
                if target != source and row['min'] not in ('', 'nan', '-nan'):
                    costs.setdefault((min(source, target), max(source, target)), []).append(float(row['min']) * cell)
    return {pair: min(values) for pair, values in costs.items()}, r_cost_seconds


def our_link_costs(modules, grid, geometries):
    """Our LCD of every pair of cores (ids 1..N), the cost passes alone: graph, one accumulate per core, the
    lowest cost over each other core's cells. Returns the costs keyed (lower id, higher id)."""
    corridors, costdistance, raster = modules
    count = len(geometries)
    cell_width, cell_height = raster.cell_size(grid.geotransform)
    graph = costdistance.CostGraph(grid.array, cell_width, cell_height)
    labels = corridors.core_labels(geometries, list(range(1, count + 1)), graph.shape, grid.geotransform,
                                    grid.crs_wkt)
    cells = corridors.core_cells(labels, count)
    costs = {}
    for source in range(count):
        accumulated = graph.accumulate(cells[source]).ravel()
        for target in range(source + 1, count):
            lcd = float(accumulated[cells[target]].min())
            if np.isfinite(lcd):
                costs[(source + 1, target + 1)] = lcd
    return costs


def compare_with_grass(modules, grid, geometries):
    """Times and link costs of GRASS r.cost against ours on the same cores; prints the comparison."""
    corridors, _costdistance, raster = modules
    with tempfile.TemporaryDirectory(prefix='bench_corridors_grass_') as folder:
        resistance_path, cores_path = write_inputs(folder, grid, geometries, raster)
        start = time.perf_counter()
        grass, r_cost_seconds = grass_link_costs(folder, resistance_path, cores_path, len(geometries),
                                                 raster.cell_size(grid.geotransform)[0])
        grass_seconds = time.perf_counter() - start
    start = time.perf_counter()
    passes = our_link_costs(modules, grid, geometries)
    passes_seconds = time.perf_counter() - start
    start = time.perf_counter()
    network = corridors.corridor_network(grid, geometries, list(range(1, len(geometries) + 1)), max_neighbors=0,
                                         drop_through_cores=False)
    network_seconds = time.perf_counter() - start
    links = {(link.from_id, link.to_id): link.cwd for link in network.links}
    print('reference, {} cores: GRASS {:.1f} s (r.cost alone {:.1f} s); ours: cost passes {:.1f} s, whole '
          'corridor_network {:.1f} s'.format(len(geometries), grass_seconds, r_cost_seconds, passes_seconds,
                                             network_seconds))
    print('    links: GRASS {}, our passes {}, our corridor_network {}; max relative difference of link cwd: '
          'passes {}, corridor_network {}'.format(len(grass), len(passes), len(links),
                                                  relative_difference(passes, grass),
                                                  relative_difference(links, grass)))


def relative_difference(ours, grass):
    """Largest |ours - GRASS| / GRASS over the pairs, formatted; says so when the pair sets differ."""
    if set(ours) != set(grass):
        return 'pairs differ ({} only ours, {} only GRASS)'.format(len(set(ours) - set(grass)),
                                                                   len(set(grass) - set(ours)))
    return '{:.2e}'.format(max((abs(ours[pair] - grass[pair]) / grass[pair] for pair in grass), default=0.0))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--cells', type=int, help='default 4 000 000, with --province 50 000 000')
    parser.add_argument('--cores', type=int, help='default 30, with --province 200')
    parser.add_argument('--grass-cores', type=int, default=4,
                        help='cores compared against GRASS r.cost (0 = no reference run)')
    parser.add_argument('--province', action='store_true', help="issue 13's provincial case (module docstring)")
    parser.add_argument('--profile', action='store_true', help='with --province: print a cProfile summary')
    parser.add_argument('--qgis-process', action='store_true', help='also time the algorithm through qgis_process')
    arguments = parser.parse_args()
    arguments.cells = arguments.cells or (50000000 if arguments.province else 4000000)
    arguments.cores = arguments.cores or (200 if arguments.province else 30)
    modules = import_engine()
    corridors, _costdistance, raster = modules
    side = int(round(arguments.cells ** 0.5))
    cell = 30.0
    grid = raster.Grid(landscape(side), (0.0, cell, 0.0, side * cell, 0.0, -cell), utm_wkt())
    geometries = cores(side, arguments.cores, cell)
    print('cells {:,} ({} x {}), cores {}'.format(side * side, side, side, arguments.cores), flush=True)
    if arguments.province:
        province(modules, grid, geometries, arguments.profile)
        return
    if arguments.qgis_process:
        run_qgis_process(grid, geometries, raster)
    start = time.perf_counter()
    result = corridors.corridor_network(grid, geometries, list(range(1, arguments.cores + 1)))
    elapsed = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print('links kept {}, dropped through a third core {}, isolated cores {}'.format(
        len(result.links), len(result.through_core), len(result.isolated)))
    print('engine: time {:.1f} s, peak memory {:.0f} MB (this process, inputs included)'.format(elapsed, peak_mb))
    if arguments.grass_cores:
        compare_with_grass(modules, grid, geometries[:arguments.grass_cores])


if __name__ == '__main__':
    main()
