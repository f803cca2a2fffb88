"""Benchmark: zonal means of OECM scoring (engine/zonal.py) against QGIS's own native:zonalstatisticsfb.

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 -P tests/benchmarks/bench_zonal.py [SITES] [SIDE] [large]

defaults: 10 000 candidate sites over three SIDE x SIDE rasters (SIDE 4000: 16 M cells each, 30 m cells, UTM 48N,
with nodata holes). A third of the sites are groves of 0.01-1 ha (sub-cell to a few cells), the rest 1-50 ha,
placed at random so that about a third overlaps another. With "large": 100-5000 ha circles instead (e.g. 1000
of them, overlapping a lot), where the cost is in the cells rather than the number of sites. Both tools compute
the same means; the script prints the best wall and CPU time of ROUNDS alternating runs (the machine is shared:
CPU time is the fairer figure), peak memory and how far values agree:
- sites measured by the cell-centre rule (large ones): ours against native, which uses the same rule (native
  falls back to area-weighted cells when fewer than two valid cell centres fall inside: a large site lying in a
  nodata hole gets a value from its fringe there and NaN in ours, listed as "NaN in one only");
- small sites (area-weighted exact cell fractions in ours): ours against an independent shapely reference
  (cell-by-cell intersection areas) on a sample, and native's difference for comparison.
"""

import os
import resource
import sys
import tempfile
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # python3 -P leaves this folder off sys.path
import bench_support  # noqa: E402

bench_support.make_plugin_importable('reserve_planner_bench_')

from osgeo import gdal, ogr, osr  # noqa: E402
from shapely.geometry import Point, box  # noqa: E402

from reserve_planner.processing.engine import coverage, raster, zonal  # noqa: E402

CELL = 30.0
ROUNDS = 3
ORIGIN = (500000.0, 3500000.0)
EPSG = 32648


def make_rasters(folder, side, seed):
    """Three smooth float32 rasters with nodata holes; returns their paths."""
    rng = np.random.default_rng(seed)
    paths = []
    for number in range(3):
        coarse = rng.random((side // 50 + 2, side // 50 + 2)).astype(np.float32) * 100
        array = np.kron(coarse, np.ones((50, 50), dtype=np.float32))[:side, :side]
        array += rng.random((side, side), dtype=np.float32)
        holes = rng.integers(0, side - 20, size=(side // 40, 2))
        for row, col in holes:
            array[row:row + 15, col:col + 15] = np.nan
        path = os.path.join(folder, 'criterion_{}.tif'.format(number))
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(EPSG)
        raster.write_geotiff(path, array.astype(np.float32), (ORIGIN[0], CELL, 0, ORIGIN[1], 0, -CELL),
                             srs.ExportToWkt())
        paths.append(path)
    return paths


def make_sites(side, count, seed, large=False):
    """Candidate polygons: a third sub-cell to few-cell groves, the rest 1-50 ha, some overlapping; with
    ``large`` circles of 100-5000 ha."""
    rng = np.random.default_rng(seed)
    extent = side * CELL
    sites = []
    for number in range(count):
        x = ORIGIN[0] + rng.uniform(0.02, 0.98) * extent
        y = ORIGIN[1] - rng.uniform(0.02, 0.98) * extent
        if large:
            radius = np.sqrt(rng.uniform(100, 5000) * 1e4 / np.pi)
        elif number % 3 == 0:
            radius = rng.uniform(5, 60)
        else:
            radius = np.sqrt(rng.uniform(1, 50) * 1e4 / np.pi)
        sites.append(Point(x, y).buffer(radius, 8) if number % 2 else box(x - radius, y - radius * 0.7,
                                                                        x + radius, y + radius * 0.7))
    return sites


def write_sites(folder, sites):
    path = os.path.join(folder, 'sites.gpkg')
    source = ogr.GetDriverByName('GPKG').CreateDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    layer = source.CreateLayer('sites', srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn('site', ogr.OFTInteger))
    for number, site in enumerate(sites):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField('site', number)
        feature.SetGeometry(ogr.CreateGeometryFromWkb(site.wkb))
        layer.CreateFeature(feature)
    source = None
    return path


def overlapping_count(sites):
    tree = coverage.build_tree(sites)
    return sum(1 for index, site in enumerate(sites)
               if any(other != index and site.intersection(sites[other]).area > 0
                      for other in coverage.query_indices(tree, site)))


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def run_ours(paths, sites):
    start, cpu = time.perf_counter(), time.process_time()
    plans = {}
    means = []
    for path in paths:
        spec = zonal.grid_spec(path)
        key = (spec.rows, spec.cols, spec.geotransform, spec.crs_wkt)
        if key not in plans:
            plans[key] = zonal.plan_zonal(sites, spec)
        means.append(zonal.zonal_means(path, plans[key]).mean)
    return means, time.perf_counter() - start, time.process_time() - cpu, plans[key]


def run_native(paths, sites_path, count):
    import processing
    start, cpu = time.perf_counter(), time.process_time()
    means = []
    for path in paths:
        result = processing.run('native:zonalstatisticsfb', {
            'INPUT': sites_path, 'INPUT_RASTER': path, 'RASTER_BAND': 1, 'COLUMN_PREFIX': 'z_',
            'STATISTICS': [2], 'OUTPUT': 'memory:'})
        layer = result['OUTPUT']
        column = np.full(count, np.nan)
        for feature in layer.getFeatures():
            value = feature['z_mean']
            column[feature['site']] = np.nan if value is None else value
        means.append(column)
    return means, time.perf_counter() - start, time.process_time() - cpu


def shapely_reference(path, site):
    """Area-weighted mean by intersecting the site with every cell box it touches (slow, independent)."""
    grid = raster.read_band(path)
    minx, miny, maxx, maxy = site.bounds
    col0, col1 = int((minx - ORIGIN[0]) // CELL), int((maxx - ORIGIN[0]) // CELL) + 1
    row0, row1 = int((ORIGIN[1] - maxy) // CELL), int((ORIGIN[1] - miny) // CELL) + 1
    total = weight = 0.0
    for row in range(row0, row1):
        for col in range(col0, col1):
            cell = box(ORIGIN[0] + col * CELL, ORIGIN[1] - (row + 1) * CELL,
                       ORIGIN[0] + (col + 1) * CELL, ORIGIN[1] - row * CELL)
            share = site.intersection(cell).area
            if share > 0 and not np.isnan(grid.array[row, col]):
                total += share * grid.array[row, col]
                weight += share
    return total / weight if weight else np.nan


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    side = int(sys.argv[2]) if len(sys.argv) > 2 else 4000
    application = bench_support.start_qgis()
    folder = tempfile.mkdtemp(prefix='bench_zonal_')
    paths = make_rasters(folder, side, seed=1)
    sites = make_sites(side, count, seed=2, large=len(sys.argv) > 3 and sys.argv[3] == 'large')
    sites_path = write_sites(folder, sites)
    print('{} sites over 3 rasters of {} x {} = {:.1f} M cells'.format(count, side, side, side * side / 1e6))

    before = peak_mb()
    ours, ours_seconds, ours_cpu, plan = run_ours(paths, sites)
    ours_peak = peak_mb()
    native, native_seconds, native_cpu = run_native(paths, sites_path, count)
    for _repeat in range(ROUNDS - 1):
        _means, seconds, cpu, _plan = run_ours(paths, sites)
        ours_seconds, ours_cpu = min(ours_seconds, seconds), min(ours_cpu, cpu)
        _means, seconds, cpu = run_native(paths, sites_path, count)
        native_seconds, native_cpu = min(native_seconds, seconds), min(native_cpu, cpu)
    print('best of {} alternating runs'.format(ROUNDS))
    print('ours   (engine/zonal.py)         : {:7.2f} s wall {:7.2f} s CPU  peak RSS {:6.0f} MB (was {:.0f} MB '
          'before)'.format(ours_seconds, ours_cpu, ours_peak, before))
    print('native:zonalstatisticsfb (QGIS) : {:7.2f} s wall {:7.2f} s CPU  ({:.1f}x our wall, {:.1f}x our CPU time)'
          .format(native_seconds, native_cpu, native_seconds / ours_seconds, native_cpu / ours_cpu))
    print('sites measured by exact cell fractions: {}; overlapping another site: {}'.format(
        len(plan.exact_sites), overlapping_count(sites)))
    exact = plan.exact_sites
    centre = sorted(set(range(count)) - set(exact))
    for label, ours_column, native_column in zip(('criterion_0', 'criterion_1', 'criterion_2'), ours, native):
        both = ~np.isnan(ours_column[centre]) & ~np.isnan(native_column[centre])
        difference = np.abs(ours_column[centre] - native_column[centre])[both]
        disagree = [index for index in centre if np.isnan(ours_column[index]) != np.isnan(native_column[index])]
        print('{}: centre-rule sites {}: max |ours - native| = {:.2e}; NaN in one only: {} {}'.format(
            label, len(centre), difference.max() if difference.size else 0.0, len(disagree),
            [(index, ours_column[index], native_column[index]) for index in disagree[:3]]))
    sample = exact[:200]
    if not sample:
        return
    reference = np.array([shapely_reference(paths[0], sites[index]) for index in sample])
    ours_error = np.nanmax(np.abs(ours[0][sample] - reference))
    native_error = np.nanmax(np.abs(native[0][sample] - reference))
    print('small sites {} (sample of {}): max |ours - shapely exact| = {:.2e}; max |native - shapely exact| = {:.2e}'
          .format(len(exact), len(sample), ours_error, native_error))
    application.exitQgis()


if __name__ == '__main__':
    gdal.UseExceptions()
    main()
