"""The executor (processing/engine/executor.py): worker processes and Dask give exactly the serial results, in
input order; errors come back with their message; cancel stops the workers; settings are read as documented."""

import functools
import operator
import os
import sys
import time

import numpy as np
import pytest

from reserve_planner.processing.engine import corridors, executor
from reserve_planner.processing.engine.costdistance import accumulated_cost
from reserve_planner.processing.engine.executor import Executor
from reserve_planner.processing.engine.feedback import Feedback
from reserve_planner.processing.engine.messages import Canceled, EngineError
from reserve_planner.processing.engine.raster import Grid
from shapely.geometry import box

cost_on_10_m_cells = functools.partial(accumulated_cost, cell_width=10.0, cell_height=10.0)
"""accumulated_cost(resistance, sources) on 10 m cells: a picklable task function raising EngineError."""


def landscape(seed=7, size=60, count=6):
    """A random resistance grid (10 m cells, some barriers) and ``count`` 3 x 3-cell cores."""
    rng = np.random.default_rng(seed)
    resistance = rng.uniform(1.0, 20.0, size=(size, size))
    resistance[rng.random((size, size)) < 0.1] = np.nan
    grid = Grid(resistance, (0.0, 10.0, 0.0, size * 10.0, 0.0, -10.0), '')
    corners = rng.choice(size - 3, size=(count, 2), replace=False)
    cores = [box(col * 10.0, (size - row - 3) * 10.0, (col + 3) * 10.0, (size - row) * 10.0) for row, col in corners]
    for row, col in corners:
        resistance[row:row + 3, col:col + 3] = 1.0
    return grid, cores


def network_of(grid, cores, **options):
    return corridors.corridor_network(grid, cores, ['core {}'.format(k) for k in range(len(cores))],
                                      max_neighbors=2, **options)


def assert_same_network(network, reference):
    np.testing.assert_array_equal(network.corridors, reference.corridors)
    assert [repr(link[:7]) for link in network.links] == [repr(link[:7]) for link in reference.links]
    assert [link.path.wkt for link in network.links] == [link.path.wkt for link in reference.links]
    assert [link.corridor.wkt for link in network.links] == [link.corridor.wkt for link in reference.links]
    assert network[2:] == reference[2:]


@pytest.mark.parametrize('circle_buffer', [None, 50.0])
def test_parallel_corridor_network_equals_the_serial_run_exactly(circle_buffer):
    grid, cores = landscape()
    serial = network_of(grid, cores, circle_buffer=circle_buffer)
    assert len(serial.links) >= 5
    assert_same_network(network_of(grid, cores, circle_buffer=circle_buffer, executor=Executor(workers=2)), serial)


def test_results_come_back_in_input_order_whatever_finishes_first():
    delays = [0.6, 0.0, 0.3, 0.0, 0.1]
    assert Executor(workers=2).map(operator.call, delays, context=time.sleep) == [None] * 5
    assert Executor(workers=2).map(pow, [5, 1, 4, 2, 3], context=2) == [32, 2, 16, 4, 8]


def test_a_task_error_comes_back_with_its_message_and_an_engine_error_with_its_template():
    with pytest.raises(ZeroDivisionError, match='division'):
        Executor(workers=2).map(divmod, [1, 0, 2], context=5)
    barrier_only = np.full((3, 3), np.nan)
    with pytest.raises(EngineError) as raised:
        Executor(workers=2).map(cost_on_10_m_cells, [np.ones((3, 3), dtype=bool)] * 2, context=barrier_only)
    assert raised.value.template.startswith('The resistance raster has no passable cell')


def test_a_worker_that_dies_is_reported_not_waited_for():
    with pytest.raises(EngineError, match='worker process stopped'):
        Executor(workers=2).map(operator.call, [0, 3], context=os._exit)


def test_cancel_ends_the_workers_and_raises():
    start = time.monotonic()
    with pytest.raises(Canceled):
        Executor(workers=2).map(operator.call, [30] * 4, context=time.sleep,
                                feedback=Feedback(is_canceled=lambda: time.monotonic() > start + 1.0))
    assert time.monotonic() - start < 10


def test_a_serial_run_is_canceled_inside_a_long_task():
    grid, cores = landscape()
    checks = []

    def cancel_on_the_second_check():
        checks.append(1)
        return len(checks) > 1

    with pytest.raises(Canceled):
        network_of(grid, cores, feedback=Feedback(is_canceled=cancel_on_the_second_check))
    assert len(checks) == 2


def test_progress_reaches_100_as_tasks_finish():
    reports = []
    Executor(workers=2).map(pow, range(4), context=3, feedback=Feedback(reports.append))
    assert reports[-1] == 100.0 and reports == sorted(reports)


def test_workers_start_from_a_real_python_when_sys_executable_is_qgis(monkeypatch):
    monkeypatch.setattr(sys, 'executable', '/usr/bin/qgis_process.bin')
    monkeypatch.setattr(sys, '_base_executable', '/usr/bin/qgis_process.bin', raising=False)
    executor.python_interpreter.cache_clear()
    try:
        interpreter = executor.python_interpreter()
        assert os.path.basename(interpreter).startswith('python')
        assert Executor(workers=2).map(pow, [1, 2], context=10) == [10, 100]
    finally:
        executor.python_interpreter.cache_clear()


@pytest.mark.parametrize('variable, setting, expected', [
    ('', None, os.cpu_count()), ('', '0', os.cpu_count()), ('', 3, 3), ('1', 3, 1), ('4', '', 4)])
def test_workers_setting_environment_over_plugin_setting_default_every_core(monkeypatch, variable, setting,
                                                                          expected):
    monkeypatch.setenv(executor.WORKERS_VARIABLE, variable)
    assert executor.workers_setting(setting) == expected


@pytest.mark.parametrize('value', ['-1', 'two', '1.5'])
def test_a_bad_workers_value_is_refused_naming_it(monkeypatch, value):
    monkeypatch.setenv(executor.WORKERS_VARIABLE, value)
    with pytest.raises(EngineError, match=value):
        executor.workers_setting()


def test_scheduler_setting_environment_over_plugin_setting(monkeypatch):
    monkeypatch.delenv(executor.SCHEDULER_VARIABLE, raising=False)
    assert executor.scheduler_setting('') is None
    assert executor.scheduler_setting(' tcp://10.0.0.5:8786 ') == 'tcp://10.0.0.5:8786'
    monkeypatch.setenv(executor.SCHEDULER_VARIABLE, 'tcp://127.0.0.1:9')
    assert executor.scheduler_setting('tcp://10.0.0.5:8786') == 'tcp://127.0.0.1:9'


def test_workers_are_capped_by_the_memory_available():
    assert Executor(workers=8).within_memory(1 << 62).workers == 1
    assert Executor(workers=2).within_memory(1).workers == 2


# ---------------------------------------------------------------- Dask distributed (optional)

@pytest.fixture(scope='module')
def dask_cluster():
    """A LocalCluster of two single-threaded worker processes on loopback."""
    distributed = pytest.importorskip('distributed')
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host='127.0.0.1',
                                  dashboard_address=None) as cluster:
        yield cluster.scheduler_address


@pytest.mark.slow
def test_dask_corridor_network_equals_the_serial_run_exactly(dask_cluster):
    grid, cores = landscape(seed=11)
    serial = network_of(grid, cores)
    assert_same_network(network_of(grid, cores, executor=Executor(scheduler=dask_cluster)), serial)


@pytest.mark.slow
def test_dask_keeps_order_and_hands_errors_back(dask_cluster):
    cluster = Executor(scheduler=dask_cluster)
    assert cluster.map(pow, [5, 1, 4], context=2) == [32, 2, 16]
    with pytest.raises(EngineError) as raised:
        cluster.map(cost_on_10_m_cells, [np.ones((2, 2), dtype=bool)], context=np.zeros((2, 2)))
    assert raised.value.template.startswith('The resistance raster has no passable cell')


def test_an_unreachable_scheduler_is_a_clear_error(monkeypatch):
    pytest.importorskip('distributed')
    monkeypatch.setattr(executor, 'CONNECT_SECONDS', 1)
    with pytest.raises(EngineError, match='Cannot reach the Dask scheduler at tcp://127.0.0.1:9'):
        Executor(scheduler='tcp://127.0.0.1:9').map(pow, [1], context=2)
