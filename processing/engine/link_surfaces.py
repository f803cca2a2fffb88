"""Cost-weighted distance surfaces of the cores at both ends of a corridor network's links, shared by the
restoration tools (barriers, pinch points; docs/restoration.md).

Each core's surface CWD_core (engine.costdistance, average-cost convention, cost-weighted metres; inf where
unreachable) is computed once, on demand, and kept on disk as a float64 .npy file (corridors.SurfaceStore), so
memory holds about two surfaces whatever the number of cores. Grids are row-major, row 0 at the top, in a CRS
projected in metres.
"""

import tempfile

import numpy as np

from . import raster
from .corridors import SurfaceStore, check_core_ids, core_cells, core_labels, require_passable
from .costdistance import CostGraph
from .feedback import ensure as ensure_feedback


class CoreSurfaces:
    """The cores of ``core_geometries`` (shapely, the grid's CRS) with unique ``core_ids`` on a resistance
    ``grid`` (raster.Grid, NaN or <= 0 = barrier); use as a context manager (the surfaces' folder is deleted on
    exit). ``surface(index)`` gives CWD of core ``index``; ``lcd(first, second)`` the least-cost distance.
    ``feedback`` (engine.feedback.Feedback): its cancel stops a pass; the caller reports the progress."""

    def __init__(self, grid, core_geometries, core_ids, feedback=None, workdir=None):
        check_core_ids(core_ids)
        self.core_ids = list(core_ids)
        self.cell_size = raster.cell_size(grid.geotransform)
        self.graph = CostGraph(grid.array, *self.cell_size)
        self.labels = core_labels(core_geometries, core_ids, self.graph.shape, grid.geotransform, grid.crs_wkt)
        self.cells = core_cells(self.labels, len(core_ids))
        require_passable(grid.array, self.cells, core_ids)
        self.feedback = ensure_feedback(feedback).silent()
        self._folder = tempfile.TemporaryDirectory(prefix='surfaces-', dir=workdir)
        self._store = SurfaceStore(self._folder.name)
        self._done = set()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._folder.cleanup()

    def surface(self, index):
        """CWD of core ``index`` (float64 grid, cost-weighted metres, inf where unreachable)."""
        if index not in self._done:
            self._store.save(index, self.graph.accumulate(self.cells[index], feedback=self.feedback))
            self._done.add(index)
        return self._store.load(index)

    def lcd(self, first, second):
        """LCD between cores ``first`` and ``second`` (indices): the lowest CWD_first over the cells of second."""
        return float(np.min(self.surface(first).ravel()[self.cells[second]]))
