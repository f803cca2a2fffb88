"""Speed of the restoration tools (docs/restoration.md), on this machine, printed against references in the same run:

1. Linkage Mapper's demo (808 x 730 cells, 6 cores) and its tutorial network {1-4, 2-3, 3-5, 4-5, 5-6}: the cores'
   cost surfaces, pinch points of every link (CWD cutoff 10 km) and barriers (radii 400-2000 m by 400 m).
2. Barriers on a 4 M-cell corridor (2000 x 2000 cells of 30 m, random resistance 1-10, a core at each end) with
   radii 100-1000 m by 100 m; the reference is scipy.ndimage.minimum_filter with a disk footprint (the direct way)
   for one radius, 300 m, against the row decomposition of engine.barriers.disk_minimum for the same radius.

    nice /usr/bin/python3 -P tests/benchmarks/bench_restoration.py [SHARED_FOLDER]
"""

import math
import os
import resource
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_support  # noqa: E402

bench_support.make_plugin_importable('bench_restoration_')
APPLICATION = bench_support.start_qgis(with_processing=False)

import numpy as np  # noqa: E402
from osgeo import ogr  # noqa: E402
from scipy import ndimage  # noqa: E402
from shapely import wkb  # noqa: E402
from shapely.geometry import box  # noqa: E402

from reserve_planner.processing.engine import barriers, pinchpoints  # noqa: E402
from reserve_planner.processing.engine.corridors import link_ends  # noqa: E402
from reserve_planner.processing.engine.link_surfaces import CoreSurfaces  # noqa: E402
from reserve_planner.processing.engine.raster import Grid, read_band  # noqa: E402

DEMO_LINKS = [(1, 4), (2, 3), (3, 5), (4, 5), (5, 6)]


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def timed(label, function, *args, **kwargs):
    started = time.perf_counter()
    result = function(*args, **kwargs)
    print('{:<62} {:8.2f} s   peak {:7.0f} MB'.format(label, time.perf_counter() - started, peak_mb()))
    return result


def demo(shared):
    folder = os.path.join(shared, 'reference', 'linkage_mapper')
    grid = read_band(os.path.join(folder, 'lm_resistances.tif'))
    dataset = ogr.Open(os.path.join(folder, 'lm_cores.shp'))  # kept open while its layer is read
    features = list(dataset.GetLayer())
    ids = [feature.GetField('core_id') for feature in features]
    geometries = [wkb.loads(bytes(feature.GetGeometryRef().ExportToWkb())) for feature in features]
    print('Linkage Mapper demo: {} x {} cells, {} cores, links {}'.format(*grid.array.shape, len(ids), DEMO_LINKS))
    with CoreSurfaces(grid, geometries, ids) as surfaces:
        ends = link_ends(ids, [(number, a, b) for number, (a, b) in enumerate(DEMO_LINKS)])
        links = timed('cost surfaces of the 6 cores and the 5 LCDs', lambda: [
            (first, second, surfaces.lcd(first, second)) for first, second in ends])
        maps = timed('pinch points, 5 per-link corridors (cutoff 10 km)', pinchpoints.pinchpoint_maps,
                     surfaces, grid.array, links, 10000.0)
        print('  effective resistances: ' + ', '.join('{:.3f}'.format(value) for value in maps.resistances))
        radii = barriers.radii_between(400, 2000, 400)
        timed('barriers, 5 links x 5 radii (400-2000 m)', barriers.barrier_maps, surfaces.surface, links,
              surfaces.cell_size, radii)
        timed('pinch points, all cores across the landscape (all-to-one)', pinchpoints.all_cores_current,
              grid.array, surfaces.labels)


def corridor(size=2000, cell=30.0):
    rng = np.random.default_rng(7)
    resistance = rng.uniform(1.0, 10.0, size=(size, size))
    extent = size * cell
    grid = Grid(resistance, (0.0, cell, 0.0, extent, 0.0, -cell), '')
    cores = [box(0, extent * 0.4, cell * 20, extent * 0.6), box(extent - cell * 20, extent * 0.4, extent, extent * 0.6)]
    print('\nCorridor: {} x {} = {:.1f} M cells of {:g} m, 2 cores'.format(size, size, size * size / 1e6, cell))
    with CoreSurfaces(grid, cores, ['west', 'east']) as surfaces:
        lcd = timed('cost surface of the west core and the LCD', surfaces.lcd, 0, 1)
        surface = surfaces.surface(0).astype(np.float32)
        radius = 300.0
        reach = int(radius // cell)
        offsets = np.arange(-reach, reach + 1)
        footprint = np.hypot(*np.meshgrid(offsets * cell, offsets * cell)) <= radius
        direct = timed('reference: ndimage.minimum_filter, disk of 300 m ({} cells)'.format(int(footprint.sum())),
                       ndimage.minimum_filter, surface, footprint=footprint, mode='constant', cval=np.inf)
        ours = timed('engine.barriers.disk_minimum, disk of 300 m', barriers.disk_minimum, surface, radius, cell, cell)
        print('  same minima: {}'.format(bool(np.array_equal(direct, ours))))
        radii = barriers.radii_between(100, 1000, 100)
        timed('barriers, 10 radii (100-1000 m), with the east core surface', barriers.barrier_maps, surfaces.surface,
              [(0, 1, lcd)], surfaces.cell_size, radii)
        print('  largest disk: {} cells'.format(int(math.pi * (1000 / cell) ** 2)))


if __name__ == '__main__':
    shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(bench_support.REPO), 'shared')
    demo(shared)
    corridor()
