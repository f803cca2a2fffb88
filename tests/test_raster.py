"""engine.raster's GDAL hygiene and memory check: the plugin never leaves GDAL raising exceptions for the rest of
QGIS, an unreadable raster gives an error naming the file, and a raster too large for memory is refused before it
is read (DESIGN.md: an input too large for memory fails early with a clear message)."""

import json
import os
import subprocess
import sys
import textwrap
import tracemalloc

import numpy as np
import pytest
from osgeo import gdal, ogr, osr
from qgis.core import QgsProcessingException
from shapely.geometry import box

import reserve_planner
from reserve_planner.processing.resistance import STREAMED_ADAPTER_BYTES_PER_CELL
from reserve_planner.processing.engine import costdistance, raster, zonal
from reserve_planner.processing.engine.messages import EngineError
from support import geotiff, run, wkt_layer

UTM = 'EPSG:32650'
X0, Y0 = 500000.0, 4000000.0
KB = 1024


def flags():
    return [module.GetUseExceptions() for module in (gdal, ogr, osr)]


def set_flags(states):
    """Set the gdal, ogr, osr exception flags to ``states``: off in the reverse order, then on in order (GDAL 3.6
    stacks the modules' error handlers and refuses any other order)."""
    for module in (osr, ogr, gdal):
        module.DontUseExceptions()
    for module, on in zip((gdal, ogr, osr), states):
        if on:
            module.UseExceptions()


ENGINE_RUN = textwrap.dedent('''
    import importlib, json, pkgutil, sys, tempfile, os
    import numpy as np
    from osgeo import gdal, ogr, osr
    modules = (gdal, ogr, osr)
    for module, on in zip(modules, {initial}):
        if on:
            module.UseExceptions()
    flags = lambda: [module.GetUseExceptions() for module in modules]
    before = flags()
    import reserve_planner.processing.engine as engine
    for info in pkgutil.iter_modules(engine.__path__):
        importlib.import_module('reserve_planner.processing.engine.' + info.name)
    after_import = flags()
    from reserve_planner.processing.engine import raster
    from shapely.geometry import box
    path = os.path.join(tempfile.mkdtemp(), 'grid.tif')
    raster.write_geotiff(path, np.ones((4, 4)), (0.0, 1.0, 0.0, 4.0, 0.0, -1.0), '')
    raster.read_band(path)
    mask = raster.rasterize([box(0, 0, 2, 2)], [1], (4, 4), (0.0, 1.0, 0.0, 4.0, 0.0, -1.0)) > 0
    raster.polygonize(mask, (0.0, 1.0, 0.0, 4.0, 0.0, -1.0))
    try:
        raster.read_band(path + '.missing.tif')
    except ValueError:
        pass
    print(json.dumps([before, after_import, flags()]))
''')


@pytest.mark.parametrize('initial', [(0, 0, 0), (1, 1, 1), (1, 0, 0), (0, 1, 1)])
def test_importing_and_running_the_engine_leaves_gdal_exceptions_as_they_were(initial, tmp_path):
    """A fresh interpreter, as QGIS is when another plugin relies on GDAL returning None: importing every engine
    module and reading, writing, rasterising and failing to read leave each module's flag as the caller set it.

    GDAL 3.6 keeps one flag per module; from 3.7 on the three are one (switching one switches all), so the state
    the caller starts from is what GDAL made of ``initial``."""
    plugin_parent = os.path.dirname(os.path.dirname(reserve_planner.__file__))
    completed = subprocess.run([sys.executable, '-c', ENGINE_RUN.format(initial=list(initial))], cwd=str(tmp_path),
                               env=dict(os.environ, PYTHONPATH=plugin_parent), capture_output=True, text=True,
                               timeout=60, check=False)
    assert completed.returncode == 0, completed.stderr
    before, after_import, after_run = json.loads(completed.stdout.strip().splitlines()[-1])
    assert before in (list(initial), [1, 1, 1])  # GDAL >= 3.7: switching one module's flag on switches all three
    assert after_import == before and after_run == before


@pytest.mark.parametrize('caller_uses_exceptions', [False, True])
def test_an_algorithm_run_leaves_gdal_exceptions_as_the_caller_set_them(tmp_path, caller_uses_exceptions):
    """Off in a plain QGIS 3.22, on in QGIS 3.40 once its Processing plugin is imported: ours restore either."""
    found = flags()
    set_flags([int(caller_uses_exceptions)] * 3)
    try:
        before = flags()
        resistance = geotiff(tmp_path / 'resistance.tif', np.ones((5, 5)), 10.0)
        sources = wkt_layer('sources', 'Point', UTM, ['POINT({} {})'.format(X0 + 5, Y0 - 5)])
        run('costdistance', RESISTANCE=resistance, SOURCES=sources, OUTPUT=str(tmp_path / 'cost.tif'))
        assert flags() == before == [int(caller_uses_exceptions)] * 3
    finally:
        set_flags(found)


@pytest.mark.parametrize('name', ['missing.tif', '中文 目录/不存在.tif'])
def test_a_missing_raster_gives_an_engine_error_naming_it(tmp_path, name):
    path = str(tmp_path / name)
    for read in (raster.read_band, zonal.grid_spec, lambda target: raster.read_window(target, (0, 0, 1, 1))):
        with pytest.raises(EngineError) as raised:
            read(path)
        assert path in str(raised.value)
        assert 'Check that the file exists' in str(raised.value)
        assert not isinstance(raised.value, RuntimeError)


@pytest.mark.parametrize('content', [b'II*\x00 truncated', 'not a raster, 中文'.encode('utf-8')])
def test_a_damaged_or_foreign_file_gives_an_engine_error_naming_it(tmp_path, content):
    path = tmp_path / '损坏.tif'
    path.write_bytes(content)
    with pytest.raises(EngineError, match='Cannot read the raster') as raised:
        raster.read_band(str(path))
    assert str(path) in str(raised.value)


def test_a_band_the_raster_lacks_gives_an_engine_error(tmp_path):
    path = geotiff(tmp_path / 'one_band.tif', np.ones((2, 2)), 1.0)
    with pytest.raises(EngineError, match='Cannot read the raster') as raised:
        raster.read_band(path, band=2)
    assert path in str(raised.value)


def test_writing_into_a_missing_folder_gives_an_engine_error_and_no_file(tmp_path):
    path = str(tmp_path / 'no such folder' / 'out.tif')
    with pytest.raises(EngineError, match='Cannot write the raster') as raised:
        raster.write_geotiff(path, np.ones((2, 2)), (X0, 1.0, 0.0, Y0, 0.0, -1.0), '')
    assert path in str(raised.value)
    assert not os.path.exists(os.path.dirname(path))


def test_zonal_means_of_a_raster_removed_after_planning_names_it(tmp_path):
    path = geotiff(tmp_path / 'values.tif', np.ones((4, 4)), 10.0)
    plan = zonal.plan_zonal([box(X0, Y0 - 20, X0 + 20, Y0)], zonal.grid_spec(path))
    os.remove(path)
    with pytest.raises(EngineError, match='Cannot read the raster') as raised:
        zonal.zonal_means(path, plan)
    assert path in str(raised.value)


# ---------------------------------------------------------------- memory check

def test_available_memory_is_positive_and_at_most_the_physical_memory():
    physical = os.sysconf('SC_PHYS_PAGES') * os.sysconf('SC_PAGE_SIZE')
    assert 0 < raster.available_memory() <= physical


def test_a_raster_larger_than_the_memory_left_is_refused_before_reading(tmp_path, monkeypatch):
    """20 x 20 cells read as float64 plus a nodata mask need 400 x 9 = 3,600 bytes = 3.5 KB; with 2 KB left the
    read is refused with the raster's name, size and what to do."""
    path = geotiff(tmp_path / '大栅格.tif', np.ones((20, 20)), 10.0)
    monkeypatch.setattr(raster, 'available_memory', lambda: 2 * KB)
    with pytest.raises(EngineError) as raised:
        raster.read_band(path)
    message = str(raised.value)
    for expected in (path, '400 cells', '20 columns x 20 rows', '3.5 KB', '2.0 KB', 'Clip the raster'):
        assert expected in message


@pytest.mark.parametrize('available', [4 * KB, None])
def test_a_raster_that_fits_or_an_unknown_memory_reads_normally(tmp_path, monkeypatch, available):
    values = np.arange(400.0).reshape(20, 20)
    path = geotiff(tmp_path / 'fits.tif', values, 10.0)
    monkeypatch.setattr(raster, 'available_memory', lambda: available)
    np.testing.assert_array_equal(raster.read_band(path).array, values)


def test_a_huge_sparse_raster_is_refused_without_allocating(tmp_path):
    """A 200,000 x 200,000 byte raster (a few kB on disk) would need 360 GB as float64: refused from its header
    with the real available memory, before GDAL or numpy try to allocate it."""
    path = str(tmp_path / 'huge.tif')
    dataset = gdal.GetDriverByName('GTiff').Create(path, 200000, 200000, 1, gdal.GDT_Byte,
                                                   ['TILED=YES', 'BLOCKXSIZE=4096', 'BLOCKYSIZE=4096',
                                                    'SPARSE_OK=TRUE', 'BIGTIFF=YES'])
    dataset.SetGeoTransform((X0, 1.0, 0.0, Y0, 0.0, -1.0))
    dataset = None
    with pytest.raises(EngineError, match='40,000,000,000 cells') as raised:
        raster.read_band(path)
    assert path in str(raised.value)


@pytest.mark.parametrize('data_type, needed', [(gdal.GDT_Float32, '5.1 KB'), (gdal.GDT_Float64, '6.6 KB')])
def test_cost_distance_checks_the_memory_of_the_whole_run(tmp_path, monkeypatch, data_type, needed):
    """A 20 x 20 resistance read by blocks into the cost graph: its run holds 400 x (12 + 1) bytes = 5.1 KB for a
    Float32 band, 400 x (16 + 1) = 6.6 KB for a Float64 one (held as float64); with 4 KB left the algorithm stops
    before reading and says why, naming the layer."""
    resistance = geotiff(tmp_path / 'resistance.tif', np.ones((20, 20)), 10.0, data_type=data_type)
    sources = wkt_layer('sources', 'Point', UTM, ['POINT({} {})'.format(X0 + 5, Y0 - 5)])
    monkeypatch.setattr(raster, 'available_memory', lambda: 4 * KB)
    with pytest.raises(QgsProcessingException) as raised:
        run('costdistance', RESISTANCE=resistance, SOURCES=sources, OUTPUT=str(tmp_path / 'cost.tif'))
    message = str(raised.value)
    for expected in ('Raster "resistance.tif"', '400 cells', needed, '4.0 KB', 'resample'):
        assert expected in message
    assert not os.path.exists(tmp_path / 'cost.tif')


@pytest.mark.parametrize('float32_exact', [True, False])
def test_the_memory_check_budget_covers_what_a_cost_distance_run_allocates(float32_exact):
    """The memory check budgets the engine's BYTES_PER_CELL (WIDE_BYTES_PER_CELL for values float32 does not hold)
    plus STREAMED_ADAPTER_BYTES_PER_CELL (the source mask) a cell. The peak of a run (source mask, graph read by
    blocks from the raster's rows, accumulated cost and every temporary), measured with tracemalloc on 1000 x 1000
    cells of random resistance, must fit in that plus a fixed overhead of 4 MB (blocks read, the search front),
    or the check would let through a run that then runs out of memory. The rows stand for the file: they are
    allocated before the measure starts."""
    rows = cols = 1000
    resistance = np.random.default_rng(7).uniform(1.0, 10.0, (rows, cols))
    if float32_exact:
        resistance = resistance.astype(np.float32)
    tracemalloc.start()
    try:
        sources = np.zeros((rows, cols), dtype=bool)
        sources[rows // 2, cols // 2] = True
        graph = costdistance.CostGraph.from_rows(resistance.shape, lambda first, count: resistance[first:first + count],
                                                 10.0, 10.0)
        graph.accumulate(sources)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    engine = costdistance.BYTES_PER_CELL if float32_exact else costdistance.WIDE_BYTES_PER_CELL
    assert peak < (engine + STREAMED_ADAPTER_BYTES_PER_CELL) * rows * cols + 4 * 1024 * KB


@pytest.mark.parametrize('values, expected', [
    ([0.0, 1e38, np.finfo(np.float32).max], np.float32),  # the largest Float32 value itself fits
    ([np.nan, np.inf, -np.inf, 1.0], np.float32),  # nodata and barriers are not values beyond the range
    ([1.0, -5e38], np.float64),  # a voltage below a -1 A source can be negative
    ([1.0, 5e38], np.float64),
])
def test_float_type_for_widens_only_for_finite_values_beyond_float32(values, expected):
    assert raster.float_type_for(np.array(values)) is expected


def test_float_type_for_finds_a_value_beyond_float32_in_a_later_block_and_in_a_view():
    values = np.zeros((4, 6))
    values[3, 4] = 4e38
    assert raster.float_type_for(values, block_cells=5) is np.float64
    assert raster.float_type_for(values[:, ::2], block_cells=5) is np.float64  # not contiguous
    assert raster.float_type_for(np.full(3, -1.0, dtype=np.float32)) is np.float32
    assert raster.compact_float(values[:3]).dtype == np.float32 and raster.compact_float(values).dtype == np.float64


def test_cell_centres_are_the_centres_of_the_true_cells_sampled_evenly():
    mask = np.zeros((3, 4), dtype=bool)
    mask[0, 1] = mask[2, 3] = True
    xs, ys = raster.cell_centres(mask, (100.0, 10.0, 0.0, 50.0, 0.0, -5.0))
    assert xs.tolist() == [115.0, 135.0] and ys.tolist() == [47.5, 37.5]
    xs, ys = raster.cell_centres(np.ones((10, 10), dtype=bool), (0.0, 1.0, 0.0, 0.0, 0.0, -1.0), limit=3)
    assert xs.tolist() == [0.5, 0.5, 9.5] and ys.tolist() == [-0.5, -5.5, -9.5]  # cells 0, 50 and 99
