"""Run inside real QGIS Desktop (``qgis --code``): the executor's worker processes from the Desktop process, whose
sys.executable is not its Python; writes result.json into $RP_OUT."""

import json
import os
import sys

from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication


def run():
    result = {'executable': sys.executable}
    try:
        from reserve_planner.processing.engine import corridors
        from reserve_planner.processing.engine.executor import Executor, python_interpreter
        from reserve_planner.processing.engine.raster import Grid
        import numpy as np
        from shapely.geometry import box
        result['interpreter'] = python_interpreter()
        result['squares'] = Executor(2).map(pow, [1, 2, 3], 2)
        resistance = np.random.default_rng(1).uniform(1.0, 5.0, (40, 40))
        grid = Grid(resistance, (0.0, 10.0, 0.0, 400.0, 0.0, -10.0), '')
        cores = [box(20, 20, 60, 60), box(320, 20, 360, 60), box(20, 320, 60, 360)]
        networks = [corridors.corridor_network(grid, cores, ['a', 'b', 'c'], executor=Executor(workers))
                    for workers in (1, 2)]
        result['same_network'] = (np.array_equal(networks[0].corridors, networks[1].corridors)
                                  and [link.cwd for link in networks[0].links]
                                  == [link.cwd for link in networks[1].links])
    except Exception as error:  # noqa: BLE001 (reported to the test)
        result['error'] = repr(error)
    with open(os.path.join(os.environ['RP_OUT'], 'result.json'), 'w', encoding='utf-8') as handle:
        json.dump(result, handle)
    QApplication.instance().exit(0)


QTimer.singleShot(2000, run)
