"""Algorithms whose work splits run it on worker processes, in qgis_process (whose sys.executable is QGIS, not
Python) and in a QgsApplication process, and give exactly what one process gives (RESERVE_PLANNER_WORKERS)."""

import os

import numpy as np
import pytest
from osgeo import ogr

from shapely.geometry import box

from reserve_planner.processing.algorithms import coverage as coverage_algorithms
from reserve_planner.processing import protconn_io
from reserve_planner.processing.engine import circuit, connectivity, coverage, patches
from reserve_planner.processing.engine.executor import WORKERS_VARIABLE, Executor
from support import RecordingFeedback, geopackage, geotiff, read_raster, run

CELL = 30.0
SIZE = 520
"""520 x 520 cells: above the corridornetwork PARALLEL_MIN_CELLS, so that the cost passes do go to worker processes."""


@pytest.fixture(scope='module')
def landscape(tmp_path_factory):
    """A random resistance raster (UTM 50N, 30 m cells) and four square cores in a GeoPackage."""
    folder = tmp_path_factory.mktemp('parallel')
    rng = np.random.default_rng(3)
    resistance = geotiff(folder / 'resistance.tif', rng.uniform(1.0, 10.0, size=(SIZE, SIZE)), CELL)
    _, geotransform, _ = read_raster(resistance)
    x0, y0 = geotransform[0], geotransform[3]
    rows = []
    for name, (row, col) in zip('abcd', [(40, 40), (60, 450), (400, 80), (450, 430)]):
        left, top = x0 + col * CELL, y0 - row * CELL
        rows.append(('POLYGON(({l} {t}, {r} {t}, {r} {b}, {l} {b}, {l} {t}))'.format(
            l=left, t=top, r=left + 10 * CELL, b=top - 10 * CELL), {'name': name}))
    cores = geopackage(str(folder / 'cores.gpkg'), 32650, [('name', ogr.OFTString)], rows)
    return resistance, cores


def links_of(path):
    dataset = ogr.Open(path)
    layer = dataset.GetLayer(0)
    return sorted((feature['from_id'], feature['to_id'], feature['cwd'], feature['lcp_length']) for feature in layer)


def outputs(folder):
    os.makedirs(folder, exist_ok=True)
    return {'OUTPUT_LINKS': os.path.join(folder, 'links.gpkg'), 'OUTPUT_CORRIDORS': os.path.join(folder, 'c.tif'),
            'OUTPUT_CORRIDOR_POLYGONS': os.path.join(folder, 'polygons.gpkg')}


def assert_same_outputs(first, second):
    assert links_of(first['OUTPUT_LINKS']) == links_of(second['OUTPUT_LINKS'])
    assert len(links_of(first['OUTPUT_LINKS'])) >= 3
    np.testing.assert_array_equal(read_raster(first['OUTPUT_CORRIDORS'])[0], read_raster(second['OUTPUT_CORRIDORS'])[0])


@pytest.mark.slow
def test_corridornetwork_in_two_worker_processes_equals_one_process(qgis_app, landscape, tmp_path, monkeypatch):
    resistance, cores = landscape
    runs = {}
    for workers in ('1', '2'):
        monkeypatch.setenv(WORKERS_VARIABLE, workers)
        feedback = RecordingFeedback()
        runs[workers] = outputs(str(tmp_path / workers))
        run('corridornetwork', feedback=feedback, CORES=cores, CORE_ID_FIELD='name', RESISTANCE=resistance,
            MAX_NEIGHBORS=2, **runs[workers])
        assert 'Independent tasks run in {} worker process(es).'.format(workers) in feedback.lines
    assert_same_outputs(runs['2'], runs['1'])


@pytest.mark.external
@pytest.mark.slow
def test_corridornetwork_in_worker_processes_under_qgis_process(qgis_process, landscape, tmp_path):
    resistance, cores = landscape
    runs = {}
    for workers in ('1', '2'):
        qgis_process.environment[WORKERS_VARIABLE] = workers
        runs[workers] = outputs(str(tmp_path / workers))
        returncode, _, log = qgis_process('corridornetwork', CORES=cores, CORE_ID_FIELD='name',
                                          RESISTANCE=resistance, MAX_NEIGHBORS=2, **runs[workers])
        assert returncode == 0, log
        assert 'Independent tasks run in {} worker process(es).'.format(workers) in log
    del qgis_process.environment[WORKERS_VARIABLE]
    assert_same_outputs(runs['2'], runs['1'])


def features_of(path):
    dataset = ogr.Open(path)
    layer = dataset.GetLayer(0)
    return [(feature.items(), feature.GetGeometryRef().ExportToWkt()) for feature in layer]


def square_rows(corners, sides):
    """geopackage() rows of squares with lower-left ``corners`` (EPSG:32650 metres) and ``sides`` (m)."""
    return [('POLYGON(({l} {b}, {r} {b}, {r} {t}, {l} {t}, {l} {b}))'.format(l=x, b=y, r=x + side, t=y + side), {})
            for (x, y), side in zip(corners, sides)]


def protconn_in_one_and_two_workers(monkeypatch, tmp_path, output, **parameters):
    """{workers: the GeoPackage written to ``output``} of protconn run with 1 and with 2 worker processes, each run
    saying in its log how many it used."""
    tables = {}
    for workers in ('1', '2'):
        monkeypatch.setenv(WORKERS_VARIABLE, workers)
        feedback = RecordingFeedback()
        tables[workers] = str(tmp_path / 'protconn_{}.gpkg'.format(workers))
        run('protconn', feedback=feedback, REGION_FIELD='county', **dict(parameters, **{output: tables[workers]}))
        assert 'Independent tasks run in {} worker process(es).'.format(workers) in feedback.lines
    return tables


@pytest.mark.slow
def test_protconn_regions_in_two_worker_processes_equal_one_process(qgis_app, tmp_path, monkeypatch):
    monkeypatch.setattr(protconn_io, 'PARALLEL_MIN_UNITS', 1)
    rng = np.random.default_rng(5)
    x0, y0 = 500000.0, 4000000.0
    protected = geopackage(str(tmp_path / 'protected.gpkg'), 32650, [], square_rows(
        [x0, y0] + rng.uniform(0, 40000, size=(600, 2)), rng.uniform(50, 400, 600)))
    regions = geopackage(str(tmp_path / 'regions.gpkg'), 32650, [('county', ogr.OFTString)], [
        ('POLYGON(({l} {b}, {r} {b}, {r} {t}, {l} {t}, {l} {b}))'.format(
            l=x0 + i * 10000, b=y0, r=x0 + (i + 1) * 10000, t=y0 + 40500), {'county': '县{}'.format(i)})
        for i in range(4)])
    tables = protconn_in_one_and_two_workers(monkeypatch, tmp_path, 'OUTPUT', PROTECTED=protected, REGIONS=regions,
                                             DISTANCE=2000)
    assert features_of(tables['2']) == features_of(tables['1'])
    assert len(features_of(tables['1'])) == 4


def test_protconn_importance_of_one_region_split_over_worker_processes_equals_one_process(qgis_app, tmp_path,
                                                                                         monkeypatch):
    # One region is one task: its units' importance is split over the workers as patchimportance's is.
    monkeypatch.setattr(connectivity, 'PARALLEL_MIN_NODES', 1)
    rng = np.random.default_rng(8)
    x0, y0 = 500000.0, 4000000.0
    grid = np.mgrid[0:20000:2500, 0:20000:2000].reshape(2, -1).T
    protected = geopackage(str(tmp_path / 'protected.gpkg'), 32650, [], square_rows(
        [x0, y0] + grid + rng.uniform(0, 1700, size=(80, 2)), [300.0] * 80))
    region = geopackage(str(tmp_path / 'region.gpkg'), 32650, [('county', ogr.OFTString)], [(
        'POLYGON(({l} {b}, {r} {b}, {r} {t}, {l} {t}, {l} {b}))'.format(l=x0, b=y0, r=x0 + 20500, t=y0 + 20500),
        {'county': '县'})])
    tables = protconn_in_one_and_two_workers(monkeypatch, tmp_path, 'OUTPUT_IMPORTANCE', PROTECTED=protected,
                                             REGIONS=region, DISTANCE=3000, OUTPUT='TEMPORARY_OUTPUT')
    assert features_of(tables['2']) == features_of(tables['1'])
    assert len(features_of(tables['1'])) == 80


def test_clipped_areas_in_worker_processes_equal_the_serial_run():
    rng = np.random.default_rng(9)
    parts = [box(x, y, x + size, y + size) for (x, y), size in zip(rng.uniform(0, 9000, (400, 2)),
                                                                   rng.uniform(10, 600, 400))]
    regions = [box(i * 1000.0, 0.0, (i + 1) * 1000.0, 9600.0).buffer(30.0) for i in range(9)] + [None]
    serial = coverage.clipped_areas(parts, regions)
    parallel = coverage.clipped_areas(parts, regions, executor=Executor(workers=2))
    for first, second in zip(parallel, serial):
        np.testing.assert_array_equal(first, second)
    assert len(serial[0]) > 400


@pytest.mark.slow
def test_protectedcoverage_regions_in_two_worker_processes_equal_one_process(qgis_app, tmp_path, monkeypatch):
    monkeypatch.setattr(coverage_algorithms, 'PARALLEL_MIN_PIECES', 1)
    demo = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'resources', 'demo',
                        'demo.gpkg')
    tables = {}
    for workers in ('1', '2'):
        monkeypatch.setenv(WORKERS_VARIABLE, workers)
        feedback = RecordingFeedback()
        tables[workers] = str(tmp_path / 'coverage_{}.gpkg'.format(workers))
        run('protectedcoverage', feedback=feedback, temporary_outputs=('OUTPUT_FLAT',),
            PROTECTED=[demo + '|layername=protected_areas'], REGIONS=demo + '|layername=counties',
            REGION_FIELD='县名', OUTPUT=tables[workers])
        assert 'Independent tasks run in {} worker process(es).'.format(workers) in feedback.lines
    assert features_of(tables['2']) == features_of(tables['1'])
    assert len(features_of(tables['1'])) >= 2


def test_protconn_regions_with_unit_importance_in_worker_processes_equal_the_serial_run():
    rng = np.random.default_rng(2)
    tasks = []
    for index in range(3):
        x0 = index * 20000.0
        squares = [box(x0 + x, y, x0 + x + 300, y + 300) for x, y in rng.uniform(0, 19000, (25, 2))]
        tasks.append(connectivity.RegionTask(squares, box(x0, 0, x0 + 20000, 20000), True))
    options = {'distance': 3000.0, 'probability': 0.5, 'transboundary_distance': 0.0}
    serial = Executor(workers=1).map(connectivity.region_connectivity, tasks, options)
    parallel = Executor(workers=2).map(connectivity.region_connectivity, tasks, options)
    assert [indicators for indicators, _ in parallel] == [indicators for indicators, _ in serial]
    for (_, first), (_, second) in zip(parallel, serial):
        assert first.drop(columns='geometry').equals(second.drop(columns='geometry'))
        assert [geometry.wkt for geometry in first['geometry']] == [geometry.wkt for geometry in second['geometry']]


def test_circuit_pairs_of_focal_regions_in_worker_processes_equal_the_serial_run():
    rng = np.random.default_rng(4)
    landscape = circuit.Landscape(rng.uniform(1.0, 10.0, size=(30, 30)))
    rows, cols = np.meshgrid(np.arange(2), np.arange(2), indexing='ij')
    ids, cell_rows, cell_cols = [], [], []
    for focal_id, (row, col) in enumerate([(2, 2), (2, 25), (25, 3), (26, 26)], start=1):
        ids += [focal_id] * 4
        cell_rows += list((rows + row).ravel())
        cell_cols += list((cols + col).ravel())
    focal = circuit.Focal.from_cells(ids, cell_rows, cell_cols, (30, 30))
    assert focal.has_regions()
    serial = circuit.pairwise(landscape, focal, max_map=True)
    parallel = circuit.pairwise(landscape, focal, max_map=True, executor=Executor(workers=2))
    for name in ('resistances', 'cumulative', 'maximum'):
        np.testing.assert_array_equal(getattr(parallel, name), getattr(serial, name))
    assert np.isfinite(serial.resistances).all()


@pytest.mark.parametrize('workers', [2, 3])
def test_patch_importance_split_over_worker_processes_equals_the_serial_run(monkeypatch, workers):
    # Three workers split each component into four subtrees (two levels); the small component of three patches
    # far east is split too, down to single patches.
    monkeypatch.setattr(connectivity, 'PARALLEL_MIN_NODES', 1)
    rng = np.random.default_rng(5)
    points = np.vstack([rng.uniform(0, 30000, (150, 2)), [[90000, 0], [91000, 0], [92000, 0]]])
    distances = np.hypot(*(points[:, None, :] - points[None, :, :]).transpose(2, 0, 1))
    areas = rng.uniform(1.0, 50.0, len(points))
    serial = patches.patch_importance(distances, areas, 3000.0, 3000.0, 0.5, 1e6)
    parallel = patches.patch_importance(distances, areas, 3000.0, 3000.0, 0.5, 1e6, executor=Executor(workers))
    assert parallel[0].equals(serial[0])
    assert parallel[1] == serial[1]
