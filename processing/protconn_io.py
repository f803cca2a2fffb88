"""ProtConn of every region over one set of protected areas, shared by protconn and target3report (docs/protconn.md).
Not an algorithm module: algorithm modules import it, never each other. The computation is in engine/connectivity.py.
"""

import numpy as np
from shapely.ops import unary_union

from . import qgis_io
from .engine import connectivity

tr = qgis_io.translator('ReservePlannerProtConn')

PARALLEL_MIN_UNITS = 10000
"""Protected units (summed over the regions) below which a run is faster in one process than with workers
(bench_parallel.py: 8 regions of 800 units took 6.1 s in one process, 7.6 s with 2 workers on a loaded machine;
8 regions of 2 000 units 8.6 s and 5.5 s on the idle machine)."""


def protconn_by_region(regions, protected, options, want_importance, feedback):
    """``[(indicators dict, importance DataFrame or None)]`` per region (``regions``: items with ``geometry`` and
    ``key``), with progress and cancel; ``options``: build_network's keyword options.

    The protected areas are dissolved once for all regions, so that a unit reaching far beyond a
    region keeps its whole shape as a stepping stone; each region then sees the units near it.
    """
    protected = connectivity.polygons_of(unary_union(protected))
    bounds = np.array([geometry.bounds for geometry in protected], dtype=float).reshape(-1, 4)
    reach = options['transboundary_distance']
    tasks = []
    for region in regions:
        minx, miny, maxx, maxy = region.geometry.bounds
        near = np.flatnonzero((bounds[:, 0] <= maxx + reach) & (bounds[:, 2] >= minx - reach)
                              & (bounds[:, 1] <= maxy + reach) & (bounds[:, 3] >= miny - reach))
        tasks.append(connectivity.RegionTask([protected[i] for i in near], region.geometry, want_importance))
    if want_importance and len(tasks) == 1:
        results = [one_region_with_importance(options, tasks[0], feedback)]
    else:
        units = sum(len(task.protected) for task in tasks)
        executor = qgis_io.engine_executor(feedback, small=len(tasks) < 2 or units < PARALLEL_MIN_UNITS)
        with qgis_io.engine_errors():
            results = executor.map(connectivity.region_connectivity, tasks, options,
                                   feedback=qgis_io.engine_feedback(feedback))
    for region, (indicators, _importance) in zip(regions, results):
        report(region, indicators, feedback)
    return results


def one_region_with_importance(options, task, feedback):
    """(indicators, importance) of a single region, run in this process so that the importance of its units, the
    long part, can be split over the workers as patchimportance's is (a worker's task cannot start workers)."""
    units = len(task.protected)
    executor = qgis_io.engine_executor(feedback, connectivity.removal_bytes(units),
                                       small=units < connectivity.PARALLEL_MIN_NODES)
    with qgis_io.engine_errors():
        return connectivity.region_connectivity(options, task, executor, qgis_io.engine_feedback(feedback))


def report(region, indicators, feedback):
    """The log line of one region's ProtConn, naming the region by its ``label`` when it has one (target3report's
    regions, whose first, "All regions", has no key), else by its ``key``."""
    feedback.pushInfo(tr('{region}: {nodes} protected units, {stones} stepping stones, Prot {prot:.3f} %, '
                         'ProtConn {protconn:.3f} % (at most {bound:.2g} points too low from ignoring path '
                         'probabilities below 1e-9).').format(
        region=getattr(region, 'label', region.key), nodes=indicators['nodes'], stones=indicators['stepping_stones'],
        prot=indicators['prot'], protconn=indicators['protconn'], bound=indicators['protconn_error_bound']))
