"""Benchmark of reserveplanner:protectedcoverage against the same answer from a chain of QGIS native algorithms.

20 000 generated, overlapping protected areas (WGS 84, about 1 % of them bow-ties, with WDPA's IUCN_CAT and
STATUS_YR) and 34 regions (CGCS2000) in GeoPackages. Each method runs in its own process (so peak memory is its
own) on the same files:

- ours: processing.run('reserveplanner:protectedcoverage') with every cleaning step on (the data has no STATUS
  field, so only the repair and the dissolve change anything), for OUTPUT (and OUTPUT_FLAT) alone, then once
  more with each side output: OUTPUT_TIMELINE (the earliest-year erase), OUTPUT_CATEGORIES (the IUCN priority
  erase), and everything at once (both, and the HTML report);
- native: native:reprojectlayer (both layers to the same Lambert azimuthal equal-area CRS our algorithm picks),
  native:fixgeometries, native:dissolve, native:intersection, native:fieldcalculator with area($geometry),
  then a sum per region.

Prints the wall time of each (QGIS start-up excluded), the peak memory, the speed-up and the largest difference
in coverage (percentage points) and in protected km2 (relative) over the 34 regions; each side output's run
against the main output's time (issue 10's reference on 20 000 areas: 6.9 s for OUTPUT, 29 s with the timeline,
175 s with the categories, 206 s with everything). Run on demand (a quick run by default, --full for the issue's
size):

    /usr/bin/python3 -P tests/benchmarks/bench_coverage.py [--areas 4000] [--regions 34] [--full]
"""

import argparse
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time

import numpy as np
from osgeo import ogr, osr
from shapely.geometry import Polygon, box

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # python3 -P leaves this folder off sys.path
import bench_support  # noqa: E402

WEST, SOUTH, EAST, NORTH = 100.0, 22.0, 110.0, 30.0
REGION_VERTEX_SPACING_DEG = 0.05
FULL_AREAS = 20000
IUCN_CATEGORIES = ('Ia', 'Ib', 'II', 'III', 'IV', 'V', 'VI', 'Not Reported')
SIDE_OUTPUTS = {
    'main output (OUTPUT, OUTPUT_FLAT)': (),
    'with OUTPUT_TIMELINE': ('OUTPUT_TIMELINE',),
    'with OUTPUT_CATEGORIES': ('OUTPUT_CATEGORIES',),
    'with everything': ('OUTPUT_TIMELINE', 'OUTPUT_CATEGORIES', 'OUTPUT_HTML'),
}
"""The runs of ours: a label and the outputs asked for besides OUTPUT and OUTPUT_FLAT."""


def write_gpkg(path, epsg, geometries, names=None, attributes=None):
    """Polygons (shapely, lon/lat) to a GeoPackage with OGR; a ``name`` field when names are given, and the
    ``attributes`` ({field: values}, strings or integers, None for NULL)."""
    dataset = ogr.GetDriverByName('GPKG').CreateDataSource(path)
    reference = osr.SpatialReference()
    reference.ImportFromEPSG(epsg)
    reference.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    layer = dataset.CreateLayer(os.path.splitext(os.path.basename(path))[0], reference, ogr.wkbPolygon)
    columns = dict(attributes or {})
    if names is not None:
        columns['name'] = names
    for field, values in columns.items():
        layer.CreateField(ogr.FieldDefn(field, ogr.OFTString if isinstance(values[0], str) else ogr.OFTInteger))
    layer.StartTransaction()
    for index, geometry in enumerate(geometries):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkb(geometry.wkb))
        for field, values in columns.items():
            if values[index] is not None:
                feature.SetField(field, values[index])
        layer.CreateFeature(feature)
    layer.CommitTransaction()
    dataset = None
    return path


def protected_areas(count, seed=3):
    """Irregular star-shaped polygons of about 1 to 30 km2, clustered so that many overlap; 1 % are bow-ties."""
    rng = np.random.default_rng(seed)
    centres = rng.uniform((WEST, SOUTH), (EAST, NORTH), size=(count // 20, 2))
    points = centres[rng.integers(0, len(centres), count)] + rng.normal(0, 0.12, size=(count, 2))
    radii = np.exp(rng.normal(np.log(0.015), 0.7, count))
    shapes = []
    for (x, y), radius in zip(points, radii):
        if rng.random() < 0.01:
            shapes.append(Polygon([(x, y), (x + radius, y + radius), (x + radius, y), (x, y + radius)]))
            continue
        corners = rng.integers(6, 24)
        angles = np.sort(rng.uniform(0, 2 * np.pi, corners))
        lengths = radius * rng.uniform(0.6, 1.3, corners)
        shapes.append(Polygon(np.c_[x + lengths * np.cos(angles), y + lengths * np.sin(angles) * 0.9]))
    return shapes


def wdpa_attributes(count, seed=4):
    """IUCN_CAT (one of IUCN_CATEGORIES) and STATUS_YR (1950-2024, 5 % unknown) of each protected area."""
    rng = np.random.default_rng(seed)
    years = rng.integers(1950, 2025, count)
    return {'IUCN_CAT': [IUCN_CATEGORIES[index] for index in rng.integers(0, len(IUCN_CATEGORIES), count)],
            'STATUS_YR': [None if unknown else int(year) for unknown, year in zip(rng.random(count) < 0.05, years)]}


def half_plane(p, q, reach=1e3):
    middle, direction = (p + q) / 2, (q - p) / np.hypot(*(q - p))
    normal = np.array([-direction[1], direction[0]])
    return Polygon([middle + normal * reach, middle + normal * reach - direction * reach,
                    middle - normal * reach - direction * reach, middle - normal * reach])


def regions(count, seed=5):
    """A Voronoi partition of the study rectangle into ``count`` cells, vertices every 0.05 degree."""
    rng = np.random.default_rng(seed)
    seeds = rng.uniform((WEST, SOUTH), (EAST, NORTH), size=(count, 2))
    cells = []
    for index, seed_point in enumerate(seeds):
        cell = box(WEST, SOUTH, EAST, NORTH)
        for other_index, other in enumerate(seeds):
            if other_index != index:
                cell = cell.intersection(half_plane(seed_point, other))
        cells.append(cell.segmentize(REGION_VERTEX_SPACING_DEG) if hasattr(cell, 'segmentize') else
                     densified(cell))
    return cells


def densified(polygon):
    """shapely 1.8 has no segmentize: add vertices every REGION_VERTEX_SPACING_DEG along the exterior."""
    coordinates = list(polygon.exterior.coords)
    dense = []
    for (x1, y1), (x2, y2) in zip(coordinates[:-1], coordinates[1:]):
        steps = max(1, int(math.ceil(math.hypot(x2 - x1, y2 - y1) / REGION_VERTEX_SPACING_DEG)))
        dense.extend((x1 + (x2 - x1) * i / steps, y1 + (y2 - y1) * i / steps) for i in range(steps))
    return Polygon(dense)


# --- the two methods, each run in a child process ---------------------------------------------------------------

def start_qgis():
    """QGIS with Processing and our provider, in the child process only (the parent never imports QGIS)."""
    bench_support.make_plugin_importable('bench_coverage_')
    application = bench_support.start_qgis()
    from qgis.core import QgsApplication

    from reserve_planner.processing.provider import ReservePlannerProvider
    provider = ReservePlannerProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    return application, provider


def run_ours(protected_path, regions_path, side_outputs=()):
    import processing
    outputs = {name: 'TEMPORARY_OUTPUT' for name in ('OUTPUT', 'OUTPUT_FLAT') + tuple(side_outputs)}
    if 'OUTPUT_HTML' in outputs:
        outputs['OUTPUT_HTML'] = os.path.join(tempfile.mkdtemp(prefix='bench_coverage_report_'), 'coverage.html')
    started, cpu_started = time.perf_counter(), time.process_time()
    result = processing.run('reserveplanner:protectedcoverage', dict(
        outputs, PROTECTED=[protected_path], REGIONS=regions_path, REGION_FIELD='name'))
    elapsed = time.perf_counter() - started
    steps = {'cpu': time.process_time() - cpu_started}
    rows = {feature['name']: (feature['area_km2'], feature['protected_km2'], feature['percent'])
            for feature in result['OUTPUT'].getFeatures()}
    return elapsed, steps, rows


def equal_area_crs_of(protected_path, regions_path):
    """The CRS protectedcoverage works in: LAEA centred on the inputs' features (qgis_io.local_crs, as
    protected_areas.equal_area_crs)."""
    from qgis.core import QgsProject, QgsVectorLayer
    from reserve_planner.processing import qgis_io
    layers = [QgsVectorLayer(protected_path, 'protected'), QgsVectorLayer(regions_path, 'regions')]
    return qgis_io.local_crs(layers, QgsProject.instance())


def run_native(protected_path, regions_path):
    import processing
    from qgis.core import QgsProcessingContext, QgsProject
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    crs = equal_area_crs_of(protected_path, regions_path)
    steps = {}

    def step(name, algorithm, parameters):
        began = time.perf_counter()
        output = processing.run(algorithm, dict(parameters, OUTPUT='TEMPORARY_OUTPUT'), context=context)['OUTPUT']
        steps[name] = time.perf_counter() - began
        return output

    started = time.perf_counter()
    projected = step('reproject', 'native:reprojectlayer', {'INPUT': protected_path, 'TARGET_CRS': crs})
    fixed = step('fixgeometries', 'native:fixgeometries', {'INPUT': projected})
    dissolved = step('dissolve', 'native:dissolve', {'INPUT': fixed})
    projected_regions = step('reproject regions', 'native:reprojectlayer', {'INPUT': regions_path, 'TARGET_CRS': crs})
    clipped = step('intersection', 'native:intersection', {'INPUT': projected_regions, 'OVERLAY': dissolved,
                                                           'INPUT_FIELDS': ['name'], 'OVERLAY_FIELDS': ['fid']})
    measured = step('field calculator', 'native:fieldcalculator', {
        'INPUT': clipped, 'FIELD_NAME': 'km2', 'FIELD_TYPE': 0, 'FIELD_LENGTH': 20, 'FIELD_PRECISION': 6,
        'FORMULA': 'area($geometry) / 1e6'})
    protected_km2 = {}
    for feature in measured.getFeatures():
        protected_km2[feature['name']] = protected_km2.get(feature['name'], 0.0) + feature['km2']
    areas = {feature['name']: feature.geometry().area() / 1e6 for feature in projected_regions.getFeatures()}
    elapsed = time.perf_counter() - started
    rows = {name: (area, protected_km2.get(name, 0.0), 100.0 * protected_km2.get(name, 0.0) / area)
            for name, area in areas.items()}
    return elapsed, steps, rows


def child(method, protected_path, regions_path):
    """Run ``method`` ('native', or 'ours' followed by the side outputs asked for, joined by '+')."""
    application, provider = start_qgis()  # noqa: F841 (both must stay alive while the algorithms run)
    if method == 'native':
        elapsed, steps, rows = run_native(protected_path, regions_path)
    else:
        elapsed, steps, rows = run_ours(protected_path, regions_path, [name for name in method.split('+')[1:]])
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print(json.dumps({'seconds': elapsed, 'steps': steps, 'rows': rows, 'peak_mb': peak_mb}))


def run_child(method, protected_path, regions_path):
    completed = subprocess.run([sys.executable, '-P', os.path.abspath(__file__), '--child', method, protected_path,
                                regions_path], capture_output=True, text=True)
    if completed.returncode != 0:
        sys.exit('{} failed:\n{}'.format(method, completed.stderr[-3000:]))
    return json.loads(completed.stdout.strip().splitlines()[-1])


def compare(ours, native):
    worst_points, worst_relative = 0.0, 0.0
    for name, (_area, protected, percent) in native['rows'].items():
        our_area, our_protected, our_percent = ours['rows'][name]
        worst_points = max(worst_points, abs(our_percent - percent))
        worst_relative = max(worst_relative, abs(our_protected - protected) / max(protected, 1e-9))
    return worst_points, worst_relative


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--areas', type=int, default=4000)
    parser.add_argument('--regions', type=int, default=34)
    parser.add_argument('--full', action='store_true', help='the issue\'s size: {} areas'.format(FULL_AREAS))
    parser.add_argument('--child', nargs=3, metavar=('METHOD', 'PROTECTED', 'REGIONS'), help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        child(*arguments.child)
        return
    areas = FULL_AREAS if arguments.full else arguments.areas
    folder = tempfile.mkdtemp(prefix='bench_coverage_data_')
    began = time.perf_counter()
    protected_path = write_gpkg(os.path.join(folder, 'protected.gpkg'), 4326, protected_areas(areas),
                                attributes=wdpa_attributes(areas))
    cells = regions(arguments.regions)
    regions_path = write_gpkg(os.path.join(folder, 'regions.gpkg'), 4490, cells,
                              ['region {:02d}'.format(index) for index in range(len(cells))])
    print('generated {} protected areas and {} regions in {:.1f} s ({})'.format(
        areas, len(cells), time.perf_counter() - began, folder))
    runs = {label: run_child('+'.join(('ours',) + outputs), protected_path, regions_path)
            for label, outputs in SIDE_OUTPUTS.items()}
    ours = next(iter(runs.values()))
    native = run_child('native', protected_path, regions_path)
    worst_points, worst_relative = compare(ours, native)
    total_area = sum(row[0] for row in native['rows'].values())
    total_protected = sum(row[1] for row in native['rows'].values())
    print('coverage of all regions: {:.3f} % of {:.0f} km2'.format(100 * total_protected / total_area, total_area))
    print('reserveplanner:protectedcoverage  {:7.2f} s   peak {:6.0f} MB'.format(ours['seconds'], ours['peak_mb']))
    print('native chain                      {:7.2f} s   peak {:6.0f} MB   ({})'.format(
        native['seconds'], native['peak_mb'],
        ', '.join('{} {:.2f} s'.format(name, seconds) for name, seconds in native['steps'].items())))
    print('speed-up: {:.1f}x'.format(native['seconds'] / ours['seconds']))
    print('largest difference per region: {:.5f} percentage points, {:.5f} % of the protected km2'.format(
        worst_points, 100 * worst_relative))
    print_side_outputs(runs)


def print_side_outputs(runs):
    """Each run of ours against the first (the main output alone), and the largest change of its coverage. CPU
    time is the fairer figure on a shared machine, where wall time depends on the other jobs."""
    main = next(iter(runs.values()))
    for label, measured in runs.items():
        worst_points = compare(measured, main)[0]
        print('protectedcoverage {:36} {:7.2f} s ({:6.2f} s CPU, {:4.1f}x the main output\'s)   peak {:6.0f} MB   '
              'coverage differs by {:.2g} points at most'.format(
                  label, measured['seconds'], measured['steps']['cpu'],
                  measured['steps']['cpu'] / main['steps']['cpu'], measured['peak_mb'], worst_points))


if __name__ == '__main__':
    main()
