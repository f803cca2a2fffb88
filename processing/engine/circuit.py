"""Circuit theory on resistance rasters and small graphs: Circuitscape 5's raster modes (docs/costdistance.md,
docs/circuit_theory.md; McRae et al. 2008, Ecology 89:2712).

No QGIS, no Qt: numpy and scipy only (pyamg is used when importable, never required).

Conventions
-----------
- A grid is a 2-D float array, row 0 at the top; NaN is nodata. Cell size never enters: results are in
  ohms, amperes and volts of the unit-cell resistor network, whatever the CRS (Circuitscape's convention).
- Every cell with a finite value > 0 (and not masked) is a node. Its conductance is the value itself when
  ``is_conductance`` else 1 / value. Neighbours (8 by default, 4 with ``four_neighbors``) are joined by an edge
  of conductance (g1 + g2) / 2, or with ``average_resistances`` 1 / ((r1 + r2) / 2); diagonal edges are divided
  by sqrt(2).
- A short-circuit region (cells of one non-zero region id) and a focal region (cells sharing one focal id) are
  one node. As in Circuitscape, a region's cells without data join its node too (their links to neighbours
  average in a conductance of 0) as long as one cell of the region has data. Overlapping regions merge.
- Each connected component is solved on its own; a focal node in another component than its partner is
  "not connected": its resistance is NaN (Circuitscape's -1).
- Node current (the current map): for each node the larger of the current flowing into it and out of it,
  finite grounds counted (Circuitscape's convention); every cell of a node shows its node's current.
  Cells without a node are NaN in every map.

Public API
----------
``Landscape(values, is_conductance=False, four_neighbors=False, average_resistances=False,
short_circuit=None, mask=None)``
    the raster inputs shared by every mode; ``landscape.graph(focal=None)`` builds its :class:`ResistorGraph`.

``Focal(ids, cells)``, ``Focal.from_grid(grid)``, ``Focal.from_cells(ids, rows, cols, shape)``
    focal nodes: focal id per flat cell index. An id on several cells is a focal region (one node); several
    ids may share a cell. Every mode also accepts a grid of ids (0 / NaN none) where it takes a ``Focal``.

``ResistorGraph``
    ``node_of_cell`` (int64 grid, -1 = no node), ``node_count``, ``edge_from``, ``edge_to``,
    ``edge_conductance`` (one entry per cell-to-cell link, parallel links kept apart), ``component``
    (component label per node), ``laplacian(nodes)``, ``to_grid(node_values)``, ``focal_nodes(focal)``.
    :func:`network_graph` builds one from explicit nodes and weighted edges.

``pairwise(landscape, focal, included_pairs=None, max_map=False, on_map=None, feedback=None, executor=None)``
    -> :class:`PairwiseResult` (``ids``, ``resistances`` k x k with 0 on the diagonal and NaN where not
    connected or not included, ``cumulative`` and ``maximum`` current grids). One factorisation per connected
    component grounded at one focal node and k - 1 solves; every pair's voltages are differences of those
    solutions. With focal regions, each pair is solved on its own graph where only its two regions are short-
    circuited (Circuitscape's rule), one factorisation per pair, the pairs run by ``executor`` (in parallel).
    ``on_map(id_a, id_b, current_grid)`` receives each pair's map. ``included_pairs``: a k x k boolean array
    over ``ids`` (see :func:`read_included_pairs`).

``one_to_all(landscape, focal, strengths=None, ...)`` and ``all_to_one(...)``
    -> :class:`ModeResult` (``ids``, ``resistances`` per id: voltage / injected current in one-to-all, None in
    all-to-one; ``cumulative``, ``maximum``). All focal regions short-circuited. One factorisation per
    component with every focal node held at 0 V, k solves (the Kron reduction onto the focal nodes), then
    each node's solve is a k x k dense problem. ``strengths``: dict id -> amperes (default 1 A).
    ``on_map(id, current_grid, voltage_grid)`` receives each solve's maps.

``advanced(landscape, sources, grounds, grounds_are_resistances=True, policy='keepall', unit_currents=False,
direct_grounds=False)``
    -> :class:`AdvancedResult` (``current``, ``voltage`` grids). ``sources`` amperes per cell (NaN / 0 none),
    ``grounds`` resistances (or conductances) to ground per cell (NaN none; resistance 0 = direct ground).

``network_pairwise(node_count, edge_from, edge_to, resistance, focal_nodes=None)``
    -> :class:`NetworkResult`: effective resistances between focal nodes (all nodes by default) and
    current-flow centrality: node and edge currents summed over every pair with 1 A between them
    (Circuitscape's network mode; Centrality Mapper).

Bad input raises :class:`~.messages.EngineError`. ``feedback`` (engine.feedback.Feedback) hears the progress
between solves; a cancel raises :class:`~.messages.Canceled`.

Solvers: :class:`LinearSolver` factorises a component once with SuperLU (minimum-degree ordering) and reuses
it for every right-hand side; above ``DIRECT_MAX_NODES`` nodes it runs conjugate gradients on all right-hand
sides together, preconditioned by pyamg's smoothed aggregation when importable, else by a built-in
smoothed-aggregation multigrid on the grid (:class:`AggregationMultigrid`).

Example: three cells of 1, 2 and 3 ohms in a row, 4 neighbours, average resistance: 1.5 + 2.5 = 4 ohms::

    >>> landscape = Landscape(np.array([[1.0, 2.0, 3.0]]), four_neighbors=True, average_resistances=True)
    >>> float(pairwise(landscape, np.array([[1, 0, 2]])).resistances[0, 1])
    4.0
"""

import math
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sparse
import scipy.sparse.csgraph as csgraph
import scipy.sparse.linalg as sparse_linalg

from .executor import Executor, task_feedback
from .feedback import ensure as ensure_feedback
from .messages import EngineError, N_

try:  # optional accelerator, never required
    import pyamg
except ImportError:  # pragma: no cover - depends on the installation
    pyamg = None

SQRT2 = math.sqrt(2.0)
DIRECT_MAX_NODES = 200_000
"""Components with more nodes are solved iteratively: SuperLU's fill-in grows faster than the grid (1 M cells of
8 neighbours: 37 s and 3 GB to factorise here, against 2.5 s per multigrid-preconditioned solve and 1 GB)."""
CG_TOLERANCE = 1e-10
"""Relative residual at which conjugate gradients stop (Circuitscape uses 1e-6)."""
CG_MAX_ITERATIONS = 2000
CG_BLOCK_BYTES = 1 << 30
"""Memory the conjugate gradients may hold at once: right-hand sides are solved in batches that fit."""
CG_ARRAYS = 10
"""Arrays of the size of a right-hand side that block_conjugate_gradient and the V-cycle hold per column."""
POLICIES = ('keepall', 'rmvsrc', 'rmvgnd', 'rmvall')


@dataclass
class Landscape:
    """Raster inputs shared by every mode (grids of one shape; NaN = nodata).

    ``values``: resistances (ohms per cell) or, with ``is_conductance``, conductances; ``short_circuit``:
    region ids (0 / NaN none); ``mask``: cells <= 0 or NaN are removed.
    """

    values: np.ndarray
    is_conductance: bool = False
    four_neighbors: bool = False
    average_resistances: bool = False
    short_circuit: np.ndarray = None
    mask: np.ndarray = None

    def conductance(self):
        """Cell conductances (0 where a cell is no node: nodata, <= 0 or masked)."""
        values = np.asarray(self.values, dtype=float)
        valid = np.isfinite(values) & (values > 0)
        if self.mask is not None:
            mask = np.asarray(self.mask, dtype=float)
            check_shape(mask, values)
            valid &= np.isfinite(mask) & (mask > 0)
        conductance = np.zeros(values.shape)
        conductance[valid] = values[valid] if self.is_conductance else 1.0 / values[valid]
        return conductance

    def graph(self, focal=None):
        """The :class:`ResistorGraph` of the landscape, focal regions of ``focal`` (a :class:`Focal` or a grid of
        ids) short-circuited."""
        focal = as_focal(focal, np.shape(self.values))
        conductance = self.conductance()
        if not conductance.any():
            raise EngineError(N_('No cell of the resistance raster is usable (all are nodata, <= 0 or masked).'))
        regions = region_labels(self.short_circuit, focal, conductance.shape)
        node_of_cell = node_map(conductance > 0, regions)
        edge_from, edge_to, edge_conductance = cell_links(
            conductance, node_of_cell, self.four_neighbors, self.average_resistances)
        return ResistorGraph(conductance.shape, node_of_cell, int(node_of_cell.max()) + 1,
                             edge_from, edge_to, edge_conductance)


def check_shape(grid, reference):
    """Raise unless ``grid`` has the shape of the resistance grid ``reference``."""
    if grid.shape != reference.shape:
        raise EngineError(N_('An input grid has {rows} x {cols} cells but the resistance grid {ref_rows} x '
                             '{ref_cols}: put both on the same grid.'), rows=grid.shape[0], cols=grid.shape[1],
                          ref_rows=reference.shape[0], ref_cols=reference.shape[1])


@dataclass
class Focal:
    """Focal nodes: focal id ``ids[i]`` lies on the flat (row-major) cell ``cells[i]``. An id on several cells
    is a focal region; several ids may share a cell (they are then one node, at 0 ohms from each other)."""

    ids: np.ndarray
    cells: np.ndarray

    @classmethod
    def from_grid(cls, grid):
        """From a grid of focal ids (0, negative or NaN = none)."""
        grid = np.asarray(grid, dtype=float)
        cells = np.flatnonzero(np.isfinite(grid) & (grid > 0))
        values = grid.ravel()[cells]
        fractional = values[values != np.round(values)]
        if len(fractional):
            raise EngineError(N_('Focal node ids must be whole numbers; the focal grid holds {value}.'),
                              value=float(fractional[0]))
        return cls(values.astype(np.int64), cells)

    @classmethod
    def from_cells(cls, ids, rows, cols, shape):
        """From parallel sequences of ids, rows and columns on a grid of ``shape``."""
        return cls(np.asarray(ids, dtype=np.int64), np.ravel_multi_index((np.asarray(rows), np.asarray(cols)), shape))

    def unique_ids(self):
        return np.unique(self.ids)

    def subset(self, keep_ids):
        keep = np.isin(self.ids, keep_ids)
        return Focal(self.ids[keep], self.cells[keep])

    def has_regions(self):
        entries = np.unique(np.column_stack([self.ids, self.cells]), axis=0)
        return len(np.unique(entries[:, 0])) < len(entries)

    def ids_sharing_cells(self):
        """The sorted groups of different ids that share a cell (one node, at 0 ohms from each other), each once."""
        entries = np.unique(np.column_stack([self.cells, self.ids]), axis=0)
        shared_cells, counts = np.unique(entries[:, 0], return_counts=True)
        shared = entries[np.isin(entries[:, 0], shared_cells[counts > 1])]
        groups = {}
        for cell, focal_id in shared:
            groups.setdefault(int(cell), []).append(int(focal_id))
        return sorted({tuple(group) for group in groups.values()})


def as_focal(focal, shape):
    """``focal`` as a :class:`Focal` (a grid of ``shape`` is converted); None stays None."""
    if focal is None or isinstance(focal, Focal):
        return focal
    focal = np.asarray(focal, dtype=float)
    if focal.shape != tuple(shape):
        raise EngineError(N_('The focal node grid does not have the shape of the resistance grid.'))
    return Focal.from_grid(focal)


def region_labels(short_circuit, focal, shape):
    """Region label per cell (-1 none): short-circuit regions (non-zero ids of ``short_circuit``) and focal
    regions (ids of ``focal`` on several cells); regions sharing a cell merge into one."""
    entry_cells, entry_labels, label_count = [], [], 0
    if short_circuit is not None:
        short_circuit = np.asarray(short_circuit, dtype=float)
        if short_circuit.shape != tuple(shape):
            raise EngineError(N_('The short-circuit region grid does not have the shape of the resistance grid.'))
        cells = np.flatnonzero(np.isfinite(short_circuit) & (short_circuit != 0))
        unique, labels = np.unique(short_circuit.ravel()[cells], return_inverse=True)
        entry_cells.append(cells)
        entry_labels.append(labels)
        label_count = len(unique)
    if focal is not None and focal.has_regions():
        ids, cells = focal.ids, focal.cells
        region_ids, counts = np.unique(np.unique(np.column_stack([ids, cells]), axis=0)[:, 0], return_counts=True)
        in_region = np.isin(ids, region_ids[counts > 1])
        unique, labels = np.unique(ids[in_region], return_inverse=True)
        entry_cells.append(cells[in_region])
        entry_labels.append(labels + label_count)
        label_count += len(unique)
    result = np.full(shape, -1, dtype=np.int64)
    if not label_count:
        return result
    cells, labels = np.concatenate(entry_cells), np.concatenate(entry_labels)
    unique_cells, cell_index = np.unique(cells, return_inverse=True)
    size = len(unique_cells) + label_count
    links = sparse.coo_matrix((np.ones(len(cells)), (cell_index, len(unique_cells) + labels)), shape=(size, size))
    _, merged = csgraph.connected_components(links, directed=False)
    result.ravel()[unique_cells] = merged[:len(unique_cells)]
    return result


def node_map(has_data, regions):
    """Node index per cell (-1 none): one node per cell with data, one per region holding a cell with data."""
    key = np.where(has_data, np.arange(has_data.size).reshape(has_data.shape), -1)
    in_region = regions >= 0
    live_regions = np.unique(regions[in_region & has_data])
    region_cell = np.isin(regions, live_regions)
    key[region_cell] = has_data.size + regions[region_cell]
    node_of_cell = np.full(has_data.shape, -1, dtype=np.int64)
    used = key >= 0
    _, node_of_cell[used] = np.unique(key[used], return_inverse=True)
    return node_of_cell


def neighbour_offsets(four_neighbors):
    """(row, col) offsets of the links to build from each cell, each link once."""
    offsets = [(0, 1), (1, 0)]
    return offsets if four_neighbors else offsets + [(1, 1), (1, -1)]


def shifted_pair(grid, offset):
    """The two views of ``grid`` whose elements are the cells linked by ``offset`` (a cell and its neighbour)."""
    d_row, d_col = offset
    rows, cols = grid.shape
    first = grid[0:rows - d_row, max(0, -d_col):cols - max(0, d_col)]
    second = grid[d_row:rows, max(0, d_col):cols - max(0, -d_col)]
    return first, second


def link_conductance(g1, g2, average_resistances, diagonal):
    """Conductance of the link between cells of conductance g1 and g2 (0 = a region cell without data)."""
    if average_resistances:
        with np.errstate(divide='ignore'):
            total = np.where((g1 > 0) & (g2 > 0), 1.0 / np.where(g1 > 0, g1, 1) + 1.0 / np.where(g2 > 0, g2, 1),
                             np.inf)
        value = 2.0 / total
    else:
        value = (g1 + g2) / 2.0
    return value / SQRT2 if diagonal else value


def cell_links(conductance, node_of_cell, four_neighbors, average_resistances):
    """(from node, to node, conductance) of every link between neighbouring cells of different nodes."""
    froms, tos, values = [], [], []
    index_type = np.int32 if node_of_cell.max() < np.iinfo(np.int32).max else np.int64
    for offset in neighbour_offsets(four_neighbors):
        node_a, node_b = shifted_pair(node_of_cell, offset)
        g_a, g_b = shifted_pair(conductance, offset)
        keep = (node_a >= 0) & (node_b >= 0) & (node_a != node_b)
        value = link_conductance(g_a[keep], g_b[keep], average_resistances, offset[0] and offset[1])
        positive = value > 0
        froms.append(node_a[keep][positive].astype(index_type))
        tos.append(node_b[keep][positive].astype(index_type))
        values.append(value[positive])
    return np.concatenate(froms), np.concatenate(tos), np.concatenate(values)


@dataclass
class ResistorGraph:
    """A resistor network: nodes 0..node_count-1 and links (parallel links kept apart, no self-links)."""

    shape: tuple
    node_of_cell: np.ndarray
    node_count: int
    edge_from: np.ndarray
    edge_to: np.ndarray
    edge_conductance: np.ndarray
    component: np.ndarray = field(init=False)

    def __post_init__(self):
        adjacency = sparse.coo_matrix(
            (np.ones(len(self.edge_from)), (self.edge_from, self.edge_to)), shape=(self.node_count,) * 2)
        _, self.component = csgraph.connected_components(adjacency, directed=False)

    def laplacian(self, nodes):
        """The rows and columns of the graph's Laplacian for ``nodes`` (sorted node ids), as CSR: each node's
        diagonal is its conductance to all its neighbours. For a whole component this is its Laplacian; for part
        of one it is the Laplacian with the other nodes tied to ground (held at 0 V), built without the rest."""
        degree = np.bincount(self.edge_from, self.edge_conductance, self.node_count)
        degree += np.bincount(self.edge_to, self.edge_conductance, self.node_count)
        block = self.coupling(nodes, nodes)
        return (block + sparse.diags(degree[nodes])).tocsr()

    def coupling(self, rows, cols):
        """The off-diagonal block of the Laplacian between the sorted node sets ``rows`` and ``cols`` (the same
        set, or disjoint ones): minus the conductance of the links between them, as CSR."""
        index_type = self.edge_from.dtype
        row_of = np.full(self.node_count, -1, dtype=index_type)
        row_of[rows] = np.arange(len(rows), dtype=index_type)
        col_of = np.full(self.node_count, -1, dtype=index_type)
        col_of[cols] = np.arange(len(cols), dtype=index_type)
        entries = []
        for first, second in ((self.edge_from, self.edge_to), (self.edge_to, self.edge_from)):
            row, col = row_of[first], col_of[second]
            keep = (row >= 0) & (col >= 0)
            entries.append((row[keep], col[keep], -self.edge_conductance[keep]))
        rows_index, cols_index, values = (np.concatenate(parts) for parts in zip(*entries))
        return sparse.csr_matrix((values, (rows_index, cols_index)), shape=(len(rows), len(cols)))

    def to_grid(self, node_values):
        """Per-node values on the grid (NaN where a cell is no node)."""
        grid = np.full(self.shape, np.nan)
        has_node = self.node_of_cell >= 0
        grid[has_node] = node_values[self.node_of_cell[has_node]]
        return grid

    def focal_nodes(self, focal):
        """(sorted ids of the :class:`Focal` ``focal``, node of each id, -1 for an id whose cells have no node)."""
        ids = focal.unique_ids()
        nodes = np.full(len(ids), -1, dtype=np.int64)
        np.maximum.at(nodes, np.searchsorted(ids, focal.ids), self.node_of_cell.ravel()[focal.cells])
        return ids, nodes

    def node_currents(self, voltages, ground_conductance=None):
        """Node current: the larger of the inflow and outflow of each node (finite grounds counted).

        With S the sum of the absolute currents of a node's branches and N their net outflow, the outflow is
        (S + N) / 2 and the inflow (S - N) / 2, so the larger is (S + |N|) / 2 (two arrays of links, not four)."""
        flow = voltages[self.edge_from]
        flow -= voltages[self.edge_to]
        flow *= self.edge_conductance
        n = self.node_count
        net = np.bincount(self.edge_from, flow, n) - np.bincount(self.edge_to, flow, n)
        np.abs(flow, out=flow)
        total = np.bincount(self.edge_from, flow, n) + np.bincount(self.edge_to, flow, n)
        if ground_conductance is not None:
            to_ground = ground_conductance * voltages
            net += to_ground
            total += np.abs(to_ground)
        return (total + np.abs(net)) / 2.0

    def branch_currents(self, voltages):
        """Absolute current through each link."""
        return np.abs(self.edge_conductance * (voltages[self.edge_from] - voltages[self.edge_to]))


def network_graph(node_count, edge_from, edge_to, resistance):
    """A :class:`ResistorGraph` of an explicit network (no grid): links of the given resistances (ohms > 0)."""
    resistance = np.asarray(resistance, dtype=float)
    if not np.all(np.isfinite(resistance) & (resistance > 0)):
        raise EngineError(N_('Every link needs a finite resistance > 0.'))
    edge_from, edge_to = np.asarray(edge_from, dtype=np.int64), np.asarray(edge_to, dtype=np.int64)
    loop = edge_from == edge_to
    return ResistorGraph((node_count,), np.arange(node_count), node_count, edge_from[~loop], edge_to[~loop],
                         1.0 / resistance[~loop])


class LinearSolver:
    """Solves ``matrix @ x = rhs`` for one symmetric positive definite matrix, prepared once.

    SuperLU (symmetric minimum-degree ordering) up to ``DIRECT_MAX_NODES`` rows, else conjugate gradients
    with a multigrid preconditioner (pyamg's smoothed aggregation when importable, else :func:`aggregation_levels`).
    """

    def __init__(self, matrix, coordinates=None, method='auto'):
        size = matrix.shape[0]
        self.direct = method == 'direct' or (method == 'auto' and size <= DIRECT_MAX_NODES)
        if self.direct:
            self.factor = sparse_linalg.splu(matrix.tocsc(), permc_spec='MMD_AT_PLUS_A',
                                             options={'SymmetricMode': True})
        else:
            self.matrix = matrix.tocsr()
            self.preconditioner = multigrid_preconditioner(self.matrix, coordinates)

    def solve(self, rhs):
        """The solution for ``rhs`` (one vector, or one column per right-hand side)."""
        rhs = np.asarray(rhs, dtype=float)
        if self.direct:
            return self.factor.solve(rhs)
        columns = rhs.reshape(rhs.shape[0], -1)
        solution = np.empty_like(columns)
        batch = max(1, int(CG_BLOCK_BYTES // (CG_ARRAYS * 8 * columns.shape[0])))
        for first in range(0, columns.shape[1], batch):
            block = slice(first, first + batch)
            solution[:, block], iterations = block_conjugate_gradient(self.matrix, columns[:, block],
                                                                      self.preconditioner)
            if iterations is None:
                raise EngineError(N_('The iterative solver did not converge ({iterations} iterations): the '
                                     'resistances may span too many orders of magnitude.'),
                                  iterations=CG_MAX_ITERATIONS)
        return solution.reshape(rhs.shape)


def block_conjugate_gradient(matrix, rhs, preconditioner):
    """Preconditioned conjugate gradients run on every column of ``rhs`` at once (each column its own
    independent iteration: the matrix and the multigrid levels are read once per step for all of them), until
    each residual is below ``CG_TOLERANCE`` times its right-hand side. Returns (solution, iterations), with
    None iterations when some column did not converge in ``CG_MAX_ITERATIONS``."""
    solution = np.zeros_like(rhs)
    residual = rhs.copy()
    target = CG_TOLERANCE * np.linalg.norm(rhs, axis=0)
    preconditioned = preconditioner(residual)
    direction = preconditioned.copy()
    product = np.einsum('ij,ij->j', residual, preconditioned)
    for iteration in range(CG_MAX_ITERATIONS):
        if np.all(np.linalg.norm(residual, axis=0) <= target):
            return solution, iteration
        image = matrix @ direction
        curvature = np.einsum('ij,ij->j', direction, image)
        step = np.divide(product, curvature, out=np.zeros_like(product), where=curvature > 0)
        solution += step * direction
        residual -= step * image
        preconditioned = preconditioner(residual)
        new_product = np.einsum('ij,ij->j', residual, preconditioned)
        direction = preconditioned + np.divide(new_product, product, out=np.zeros_like(product),
                                               where=product > 0) * direction
        product = new_product
    return solution, None


def multigrid_preconditioner(matrix, coordinates):
    """A V-cycle applied to a block of columns: pyamg's smoothed aggregation when importable, else the built-in
    :class:`AggregationMultigrid`."""
    if pyamg is not None:
        cycle = pyamg.smoothed_aggregation_solver(matrix, symmetry='symmetric').aspreconditioner(cycle='V')
        return lambda block: np.column_stack([cycle.matvec(column) for column in block.T])
    return AggregationMultigrid(matrix, coordinates).cycle


class AggregationMultigrid:
    """Smoothed-aggregation multigrid on a grid graph: nodes are aggregated by 2 x 2 blocks of their cell
    coordinates (``coordinates``: (row, col) per node; without them by consecutive pairs), the prolongator is
    smoothed once by damped Jacobi, coarse operators are Galerkin products, and the coarsest level is
    factorised directly. One V-cycle with one damped-Jacobi sweep before and after on each level."""

    COARSEST = 2000
    OMEGA = 2.0 / 3.0

    def __init__(self, matrix, coordinates):
        self.levels = []
        if coordinates is None:
            coordinates = np.column_stack([np.arange(matrix.shape[0]) // 2, np.zeros(matrix.shape[0], int)])
        rows, cols = coordinates
        while matrix.shape[0] > self.COARSEST:
            aggregate_key = (rows // 2) * (cols.max() // 2 + 2) + cols // 2
            unique, aggregate = np.unique(aggregate_key, return_inverse=True)
            if len(unique) >= matrix.shape[0]:
                break
            tentative = sparse.csr_matrix((np.ones(matrix.shape[0]), (np.arange(matrix.shape[0]), aggregate)),
                                          shape=(matrix.shape[0], len(unique)))
            inverse_diagonal = 1.0 / matrix.diagonal()
            prolongator = (tentative - self.OMEGA * sparse.diags(inverse_diagonal) @ (matrix @ tentative)).tocsr()
            self.levels.append((matrix, inverse_diagonal, prolongator, prolongator.T.tocsr()))
            matrix = (prolongator.T @ matrix @ prolongator).tocsr()
            first = np.zeros(len(unique), dtype=np.int64)
            first[aggregate] = np.arange(len(aggregate))
            rows, cols = rows[first] // 2, cols[first] // 2
        self.coarse = sparse_linalg.splu(matrix.tocsc() + sparse.identity(matrix.shape[0]) * 1e-14 *
                                         abs(matrix.diagonal()).max())

    def cycle(self, rhs, level=0):
        if level == len(self.levels):
            return self.coarse.solve(rhs)
        matrix, inverse_diagonal, prolongator, restriction = self.levels[level]
        inverse_diagonal = inverse_diagonal.reshape((-1,) + (1,) * (rhs.ndim - 1))
        x = self.OMEGA * inverse_diagonal * rhs
        residual = rhs - matrix @ x
        x += prolongator @ self.cycle(restriction @ residual, level + 1)
        x += self.OMEGA * inverse_diagonal * (rhs - matrix @ x)
        return x


def node_coordinates(graph, nodes):
    """(rows, cols) of a representative cell of each of ``nodes`` (for the multigrid), None off a grid."""
    if len(graph.shape) != 2:
        return None
    cells = np.flatnonzero(graph.node_of_cell.ravel() >= 0)
    representative = np.zeros(graph.node_count, dtype=np.int64)
    representative[graph.node_of_cell.ravel()[cells]] = cells
    return np.divmod(representative[nodes], graph.shape[1])


class Monitor:
    """Progress over a known number of steps, reported to ``feedback`` (engine.feedback.Feedback), and cancel."""

    def __init__(self, total, feedback=None):
        self.total, self.done = max(total, 1), 0
        self.feedback = ensure_feedback(feedback)

    def check(self):
        self.feedback.check()

    def step(self, count=1):
        self.check()
        self.done += count
        self.feedback.report(min(1.0, self.done / self.total))


# ----------------------------------------------------------------------------------------------- pairwise

@dataclass
class PairwiseResult:
    """Effective resistances between focal ids (k x k, NaN not connected or not included, 0 on the diagonal),
    the cumulative (sum over pairs) and maximum current grids (NaN off the network), ``off_network``: the
    ids whose cells are all nodata, <= 0 or masked (their resistances are NaN), and ``included``: the k x k
    boolean matrix of the pairs asked for."""

    ids: np.ndarray
    resistances: np.ndarray
    cumulative: np.ndarray
    maximum: np.ndarray = None
    off_network: np.ndarray = None
    included: np.ndarray = None


def pairwise(landscape, focal, included_pairs=None, max_map=False, on_map=None, feedback=None, executor=None):
    """Circuitscape's pairwise mode on a raster: 1 A between every pair of focal nodes.

    Parameters
    ----------
    landscape : Landscape
        The resistance (or conductance) grid and its options.
    focal : Focal or numpy.ndarray
        Focal nodes: a :class:`Focal`, or a grid of focal ids of the landscape's shape (0 / NaN none).
    included_pairs : IncludedPairs, optional
        Pairs to solve (:func:`read_included_pairs`); focal ids it does not list are dropped.
    max_map : bool
        Also keep the maximum current map.
    on_map : callable, optional
        ``on_map(id_a, id_b, current_grid)`` for every solved pair (amperes, NaN off the network).
    feedback : engine.feedback.Feedback, optional
        Hears the progress; a cancel raises :class:`~.messages.Canceled`.
    executor : executor.Executor, optional
        With focal regions, where each pair is a graph and a solve of its own, runs the pairs in parallel (None:
        one after the other; the result is the same, docs/parallel.md).

    Returns
    -------
    PairwiseResult
        Effective resistances in ohms (NaN: not connected, not included, or off the network) and current grids in
        amperes (NaN where a cell is no node).

    Raises
    ------
    EngineError
        Fewer than two focal ids, fewer than two on cells with data, or no usable cell.
    """
    focal, ids, include, full_graph, nodes = focal_setup(landscape, focal, included_pairs)
    pairs = [(a, b) for a in range(len(ids)) for b in range(a + 1, len(ids))
             if include[a, b] and nodes[a] >= 0 and nodes[b] >= 0]
    accumulator = MapAccumulator(full_graph.node_of_cell >= 0, max_map)
    resistances = np.full((len(ids), len(ids)), np.nan)
    np.fill_diagonal(resistances, 0.0)
    if focal.has_regions():
        solved = (executor or Executor()).map(_region_pair, [ids[[a, b]] for a, b in pairs], (landscape, focal),
                                              feedback=feedback)
        for (a, b), outcome in zip(pairs, solved):
            if outcome is not None:
                resistances[a, b] = resistances[b, a] = outcome[0]
                accumulator.add(outcome[1], on_map, (ids[a], ids[b]))
    else:
        monitor = Monitor(len(pairs) + len(ids), feedback)
        for a, b, resistance, currents in solve_pairs(full_graph, nodes, pairs, monitor):
            resistances[a, b] = resistances[b, a] = resistance
            accumulator.add(full_graph.to_grid(currents), on_map, (ids[a], ids[b]))
            monitor.step()
    return PairwiseResult(ids, resistances, accumulator.cumulative, accumulator.maximum, ids[nodes < 0], include)


def _region_pair(context, pair_ids):
    """Executor task: (effective resistance, current grid) between the two focal ids ``pair_ids`` on the graph
    with only their regions short-circuited, or None when they are not connected; ``context`` is
    (landscape, focal)."""
    landscape, focal = context
    pair_focal = focal.subset(pair_ids)
    graph = landscape.graph(pair_focal)
    for _, _, resistance, currents in solve_pairs(graph, graph.focal_nodes(pair_focal)[1], [(0, 1)],
                                                  Monitor(1, task_feedback())):
        return resistance, graph.to_grid(currents)
    return None


def focal_setup(landscape, focal, included_pairs):
    """(Focal pruned to the included ids, sorted ids, k x k inclusion, graph with every focal region
    short-circuited, node of each id or -1); raises unless two ids lie on cells with data."""
    focal = prune_focal(as_focal(focal, np.shape(landscape.values)), included_pairs)
    ids = focal_ids(focal)
    graph = landscape.graph(focal)
    _, nodes = graph.focal_nodes(focal)
    require_two_on_network(ids, nodes)
    return focal, ids, pair_inclusion(ids, included_pairs), graph, nodes


def focal_ids(focal):
    """The sorted focal ids; raises when there are fewer than two."""
    ids = focal.unique_ids()
    if len(ids) == 0:
        raise EngineError(N_('There is no focal node: give focal points or a focal node raster with ids > 0.'))
    if len(ids) == 1:
        raise EngineError(N_('There is only one focal node ({id}): a circuit needs at least two.'), id=int(ids[0]))
    return ids


def require_two_on_network(ids, nodes):
    """Raise unless at least two focal ids lie on cells with data."""
    if (nodes >= 0).sum() < 2:
        raise EngineError(N_('Fewer than two focal nodes lie on cells with data; focal node {ids} lies only on '
                             'nodata, <= 0 or masked cells. Move the focal nodes onto the landscape.'),
                          ids=', '.join(str(int(focal_id)) for focal_id in ids[nodes < 0]))


def pair_inclusion(ids, included_pairs):
    """k x k boolean over ``ids``: which pairs to solve (all by default)."""
    if included_pairs is None:
        return np.ones((len(ids), len(ids)), dtype=bool)
    return included_pairs.matrix_for(ids)


def prune_focal(focal, included_pairs):
    """``focal`` without the ids the included-pairs file does not list (Circuitscape drops them)."""
    if included_pairs is None:
        return focal
    return focal.subset(included_pairs.ids)


@dataclass
class IncludedPairs:
    """Which pairs of focal ids to solve: ``ids`` listed in the file and the symmetric boolean ``included``
    matrix over them."""

    ids: np.ndarray
    included: np.ndarray

    def matrix_for(self, ids):
        """The inclusion matrix over ``ids`` (ids of the focal grid, all listed: unlisted ones were pruned)."""
        position = np.searchsorted(self.ids, ids)
        return self.included[np.ix_(position, position)]


def read_included_pairs(path):
    """Parse Circuitscape's included-pairs file: either ``min V`` / ``max V`` lines then a matrix whose first row
    and column are focal ids (a pair is included when min <= value <= max either way round), or a ``mode include``
    / ``mode exclude`` line then one ``id id`` pair per line (exclude: every other pair of the listed ids)."""
    try:
        with open(path, encoding='utf-8-sig') as stream:
            lines = [line.split() for line in stream if line.strip()]
        keyword = lines[0][0].lower() if lines else None
        if keyword == 'min':
            return matrix_pairs(lines)
        if keyword == 'mode' and len(lines) > 1:
            return listed_pairs(lines)
    except (OSError, ValueError, IndexError) as error:
        raise EngineError(N_('Could not read the included pairs file {path}: {error}'), path=path,
                          error=error) from error
    if keyword == 'mode':
        raise EngineError(N_('The included pairs file {path} lists no pair: give one "id id" pair per line after its '
                             '"mode" line, as in Circuitscape.'), path=path)
    raise EngineError(N_('The included pairs file {path} must start with "min" (a matrix) or "mode" (a list of '
                         'pairs), as in Circuitscape.'), path=path)


def matrix_pairs(lines):
    low, high = float(lines[0][1]), float(lines[1][1])
    ids = np.array([int(float(value)) for value in lines[2][1:]])
    values = np.array([[float(value) for value in line[1:len(ids) + 1]] for line in lines[3:3 + len(ids)]])
    row_ids = np.array([int(float(line[0])) for line in lines[3:3 + len(ids)]])
    values = values[np.argsort(row_ids)][:, np.argsort(ids)]
    inside = (values >= low) & (values <= high)
    return IncludedPairs(np.sort(ids), inside | inside.T)


def listed_pairs(lines):
    mode = lines[0][1].lower()
    if mode not in ('include', 'exclude'):
        raise ValueError('mode must be include or exclude, not ' + mode)
    pairs = np.array([[int(float(value)) for value in line[:2]] for line in lines[1:]], dtype=np.int64)
    ids = np.unique(pairs[pairs > 0])
    position = np.searchsorted(ids, pairs)
    listed = np.zeros((len(ids), len(ids)), dtype=bool)
    valid = (pairs > 0).all(axis=1)
    listed[position[valid, 0], position[valid, 1]] = True
    listed |= listed.T
    return IncludedPairs(ids, listed if mode == 'include' else ~listed)


def read_source_strengths(path):
    """Parse Circuitscape's variable source strengths file: ``id amperes`` per line -> {id: amperes}."""
    try:
        table = np.loadtxt(path, ndmin=2)
        return {int(row[0]): float(row[1]) for row in table}
    except (OSError, ValueError, IndexError) as error:
        raise EngineError(N_('Could not read the source strengths file {path}: {error}'), path=path,
                          error=error) from error


def solve_pairs(graph, nodes, pairs, monitor, with_voltages=False):
    """Yield (a, b, effective resistance, node currents) for each pair (a, b) of indices into ``nodes`` in one
    component; pairs in different components yield nothing. One factorisation per component, grounded at
    its first focal node, and one solve per other focal node."""
    components = graph.component[nodes]
    for component in np.unique(components[np.unique(np.array(pairs, dtype=np.int64).ravel())] if pairs else []):
        members = np.flatnonzero(components == component)
        wanted = [(a, b) for a, b in pairs if components[a] == component and components[b] == component]
        if not wanted:
            continue
        component_nodes = np.flatnonzero(graph.component == component)
        local = np.searchsorted(component_nodes, nodes[members])
        ground = local[0]
        keep = np.ones(len(component_nodes), dtype=bool)
        keep[ground] = False
        solver = LinearSolver(graph.laplacian(component_nodes[keep]),
                              coordinates_or_none(graph, component_nodes[keep]))
        monitor.step()
        reduced_index = np.cumsum(keep) - 1
        rhs = np.zeros((keep.sum(), len(members)))
        for column, node in enumerate(local):
            if node != ground:
                rhs[reduced_index[node], column] = 1.0
        potentials = np.zeros((len(component_nodes), len(members)))
        potentials[keep] = solver.solve(rhs).reshape(keep.sum(), len(members))
        monitor.step(len(members) - 1)
        position = {index: column for column, index in enumerate(members)}
        for a, b in wanted:
            voltages = np.zeros(graph.node_count)
            voltages[component_nodes] = potentials[:, position[a]] - potentials[:, position[b]]
            resistance = voltages[nodes[a]] - voltages[nodes[b]]
            monitor.check()
            result = (a, b, float(resistance), graph.node_currents(voltages))
            yield result + (voltages,) if with_voltages else result


def coordinates_or_none(graph, nodes):
    if len(nodes) <= DIRECT_MAX_NODES:
        return None
    return node_coordinates(graph, nodes)


class MapAccumulator:
    """Cumulative (sum) and optionally maximum of current grids: 0 on ``on_network`` cells, NaN elsewhere."""

    def __init__(self, on_network, keep_maximum):
        self.cumulative = np.where(on_network, 0.0, np.nan)
        self.maximum = self.cumulative.copy() if keep_maximum else None

    def add(self, grid, on_map=None, key=(), extra=()):
        """Add one solve's current ``grid``; ``on_map(*key, grid, *extra)`` is then called when given."""
        self.cumulative += np.nan_to_num(grid)
        if self.maximum is not None:
            np.fmax(self.maximum, grid, out=self.maximum)
        if on_map is not None:
            on_map(*key, grid, *extra)


# ----------------------------------------------------------------------------------- one-to-all, all-to-one

@dataclass
class ModeResult:
    """One-to-all / all-to-one: ``resistances`` per focal id (voltage of the source / its current; NaN where the
    node reaches no other focal node) in one-to-all, None in all-to-one; cumulative and maximum current grids;
    ``off_network`` as in :class:`PairwiseResult`."""

    ids: np.ndarray
    resistances: np.ndarray
    cumulative: np.ndarray
    maximum: np.ndarray = None
    off_network: np.ndarray = None


def one_to_all(landscape, focal, strengths=None, included_pairs=None, max_map=False, on_map=None, feedback=None):
    """Each focal node in turn injects 1 A (or its strength) while every other (included) focal node is tied
    to ground.

    Parameters
    ----------
    landscape, focal, included_pairs, max_map, feedback
        As in :func:`pairwise` (all focal regions are short-circuited at once).
    strengths : dict, optional
        Amperes (>= 0) injected by focal id (:func:`read_source_strengths`); 1 A for the others. A node of 0 A
        injects nothing (its maps are 0) but its resistance is reported, as it does not depend on the current.
    on_map : callable, optional
        ``on_map(focal_id, current_grid, voltage_grid)`` for every solve (amperes, volts).

    Returns
    -------
    ModeResult
        ``resistances``: voltage of the source over its current, in ohms, per focal id (NaN when it reaches no
        grounded focal node); current grids in amperes.
    """
    return focal_mode(landscape, focal, True, strengths, max_map, on_map, feedback, included_pairs)


def all_to_one(landscape, focal, strengths=None, included_pairs=None, max_map=False, on_map=None, feedback=None):
    """Each focal node in turn is tied to ground while every other (included) focal node injects 1 A (or its
    strength).

    Parameters and returns as :func:`one_to_all`, except that ``resistances`` is None (Circuitscape reports none).
    """
    return focal_mode(landscape, focal, False, strengths, max_map, on_map, feedback, included_pairs)


def focal_mode(landscape, focal, one_source, strengths, max_map, on_map, feedback, included_pairs=None):
    _, ids, include, graph, nodes = focal_setup(landscape, focal, included_pairs)
    amperes = source_strengths(ids, strengths)
    accumulator = MapAccumulator(graph.node_of_cell >= 0, max_map)
    resistances = np.full(len(ids), np.nan)
    monitor = Monitor(2 * len(ids), feedback)
    for members, reduction in kron_reductions(graph, nodes, monitor):
        positions = np.searchsorted(reduction.distinct, nodes[members])
        for own, index in zip(positions, members):
            partners = include[index, members] & (positions != own)
            grounded = np.zeros(len(reduction.distinct), dtype=bool)
            injected = np.zeros(len(reduction.distinct))
            if one_source:  # a partner on the source's own node takes no part (Circuitscape drops that ground)
                grounded[positions[partners]] = True
                injected[own] = 1.0  # the resistance does not depend on the current; maps are scaled below
            else:
                grounded[own] = True
                np.add.at(injected, positions[partners], amperes[members[partners]])
            if grounded.any() and injected.any():
                focal_voltages = reduction.focal_voltages(grounded, injected)
                if one_source:
                    resistances[index] = focal_voltages[own]
                    focal_voltages = focal_voltages * amperes[index]
                voltages = reduction.voltages(focal_voltages)
                current = graph.to_grid(graph.node_currents(voltages))
                accumulator.add(current, on_map, (ids[index],), (graph.to_grid(voltages),))
            monitor.step()
    return ModeResult(ids, resistances if one_source else None, accumulator.cumulative, accumulator.maximum,
                      ids[nodes < 0])


def source_strengths(ids, strengths):
    """Amperes injected by each focal id: ``strengths[id]``, 1 A for ids without one. 0 A is accepted, as
    Circuitscape accepts it (the node injects nothing; in one-to-all its resistance is still reported); negative or
    non-finite values are refused."""
    amperes = np.ones(len(ids))
    for index, focal_id in enumerate(ids):
        value = (strengths or {}).get(int(focal_id), 1.0)
        if not (np.isfinite(value) and value >= 0):
            raise EngineError(N_('The source strength of focal node {id} must be a number >= 0, not {value}.'),
                              id=int(focal_id), value=value)
        amperes[index] = value
    return amperes


class KronReduction:
    """One component with its ``distinct`` focal nodes held at fixed voltages: ``coupling`` is the Kron-reduced
    Laplacian onto the focal nodes (current injected at each for given focal voltages) and ``harmonic`` the
    voltage of every other node when one focal node is at 1 V and the others at 0 V."""

    def __init__(self, graph, component_nodes, distinct):
        self.graph, self.component_nodes, self.distinct = graph, component_nodes, distinct
        self.focal_local = focal_local = np.searchsorted(component_nodes, distinct)
        free = np.ones(len(component_nodes), dtype=bool)
        free[focal_local] = False
        self.free = free
        free_nodes = component_nodes[free]
        focal_block = graph.laplacian(distinct).toarray()
        to_focal = graph.coupling(free_nodes, distinct)
        if free.any():
            solver = LinearSolver(graph.laplacian(free_nodes), coordinates_or_none(graph, free_nodes))
            self.harmonic = solver.solve(-to_focal.toarray()).reshape(free.sum(), len(focal_local))
        else:
            self.harmonic = np.zeros((0, len(focal_local)))
        self.coupling = focal_block + to_focal.T @ self.harmonic

    def focal_voltages(self, grounded, injected):
        """Voltages of the focal nodes when those flagged ``grounded`` are tied to ground (0 V) and the others
        receive ``injected`` amperes (0 for a focal node that takes no part: it floats)."""
        free = ~grounded
        result = np.zeros(len(grounded))
        result[free] = np.linalg.solve(self.coupling[np.ix_(free, free)], injected[free])
        return result

    def voltages(self, focal_voltages):
        """Voltage of every node of the graph (0 outside the component)."""
        local = np.zeros(len(self.component_nodes))
        local[self.focal_local] = focal_voltages
        local[self.free] = self.harmonic @ focal_voltages
        voltages = np.zeros(self.graph.node_count)
        voltages[self.component_nodes] = local
        return voltages


def kron_reductions(graph, nodes, monitor):
    """Yield (indices into ``nodes`` of one component, its :class:`KronReduction` onto their distinct nodes),
    one component at a time; ``nodes`` < 0 (off the network) are left out."""
    placed = nodes >= 0
    components = np.where(placed, graph.component[np.maximum(nodes, 0)], -1)
    for component in np.unique(components[placed]):
        members = np.flatnonzero(components == component)
        component_nodes = np.flatnonzero(graph.component == component)
        distinct = np.unique(nodes[members])
        reduction = KronReduction(graph, component_nodes, distinct)
        monitor.step(len(members))
        yield members, reduction


# ------------------------------------------------------------------------------------------------ advanced

@dataclass
class AdvancedResult:
    """Advanced mode: current and voltage grids (NaN off the network; 0 V in components without a source
    or a ground, which are not solved)."""

    current: np.ndarray
    voltage: np.ndarray


def advanced(landscape, sources, grounds, grounds_are_resistances=True, policy='keepall', unit_currents=False,
             direct_grounds=False, feedback=None):
    """Circuitscape's advanced mode: one solve with current sources and grounds.

    Parameters
    ----------
    landscape : Landscape
        The resistance grid and its options.
    sources : numpy.ndarray
        Amperes injected per cell (NaN / 0 none; negative values withdraw current).
    grounds : numpy.ndarray
        Per cell, resistance to ground in ohms (0 = direct ground) or, with ``grounds_are_resistances`` False,
        conductance to ground in siemens; NaN none.
    policy : str
        Conflict between a source and a ground on one node: one of ``POLICIES``.
    unit_currents, direct_grounds : bool
        Every source 1 A; every ground tied directly to 0 V.
    feedback : engine.feedback.Feedback, optional
        As in :func:`pairwise`.

    Returns
    -------
    AdvancedResult
        Current (amperes) and voltage (volts) grids.
    """
    if policy not in POLICIES:
        raise EngineError(N_('Unknown source/ground conflict policy {policy}.'), policy=policy)
    values = np.asarray(landscape.values)
    sources, grounds = np.asarray(sources, dtype=float), np.asarray(grounds, dtype=float)
    check_shape(sources, values)
    check_shape(grounds, values)
    check_grounds(grounds)
    graph = landscape.graph(None)
    node_sources, node_grounds = node_sources_and_grounds(
        graph, sources, grounds, grounds_are_resistances, unit_currents, direct_grounds)
    node_sources, node_grounds = resolve_conflicts(node_sources, node_grounds, policy)
    if not node_sources.any():
        raise EngineError(N_('No current source lies on a cell with data: advanced mode needs sources.'))
    if not node_grounds.any():
        raise EngineError(N_('No ground lies on a cell with data: advanced mode needs grounds.'))
    voltages = np.zeros(graph.node_count)
    solved = np.zeros(graph.node_count, dtype=bool)
    components = np.unique(graph.component)
    monitor = Monitor(len(components), feedback)
    for component in components:
        nodes = np.flatnonzero(graph.component == component)
        if node_sources[nodes].sum() != 0 and node_grounds[nodes].any():
            voltages[nodes] = grounded_voltages(graph, nodes, node_sources[nodes], node_grounds[nodes])
            solved[nodes] = True
        monitor.step()
    if not solved.any():
        raise EngineError(N_('No connected part of the landscape holds both a source and a ground: there is '
                             'nothing to solve.'))
    finite = np.where(np.isfinite(node_grounds), node_grounds, 0.0)
    return AdvancedResult(graph.to_grid(graph.node_currents(voltages, finite)), graph.to_grid(voltages))


def check_resampled_sources(original, resampled):
    """Raise EngineError when a current source grid resampled onto the resistance grid injects another current
    (the sum of its cells) or holds another number of source cells (what unit currents inject) than ``original``:
    amperes are per cell, so nearest-neighbour resampling from other cells duplicates or drops them."""
    before, after = _injected(original), _injected(resampled)
    if not np.allclose(before, after, rtol=1e-9, atol=0):
        raise EngineError(N_('resampled onto the resistance grid, its sources inject {after:g} A instead of '
                             '{before:g} A (in {after_cells} cells instead of {before_cells}). Amperes are per '
                             'cell: put the raster on the resistance raster\'s grid (the same cells, as Circuitscape '
                             'requires) and run again.'), before=before[0], after=after[0],
                          before_cells=int(before[1]), after_cells=int(after[1]))


def _injected(sources):
    """(total current, number of source cells) of a source grid (NaN or 0: none)."""
    values = np.asarray(sources, dtype=float)
    values = values[np.isfinite(values) & (values != 0)]
    return np.array([values.sum(), values.size], dtype=float)


def check_resampled_grounds(original, resampled):
    """Raise EngineError when a ground grid resampled onto the resistance grid holds another number of ground
    cells (finite values) than ``original``: each ground cell is a resistor to ground, so duplicated cells add
    grounds in parallel and dropped ones remove them."""
    before, after = (int(np.count_nonzero(np.isfinite(np.asarray(grid, dtype=float)))) for grid in (
        original, resampled))
    if before != after:
        raise EngineError(N_('resampled onto the resistance grid, it has {after} ground cells instead of {before}. '
                             'Grounds are per cell: put the raster on the resistance raster\'s grid (the same '
                             'cells, as Circuitscape requires) and run again.'), before=before, after=after)


def check_resampled_focal(original, resampled):
    """Raise EngineError naming the focal ids of ``original`` that no cell holds once it is resampled onto the
    resistance grid (cells smaller than the resistance cells fall between their centres)."""
    lost = sorted(set(Focal.from_grid(original).ids.tolist()) - set(Focal.from_grid(resampled).ids.tolist()))
    if lost:
        raise EngineError(N_('resampled onto the resistance grid, it loses the focal ids {ids}: their cells fall '
                             'between the centres of the resistance cells. Put the raster on the resistance '
                             'raster\'s grid, or give the focal nodes as points or polygons, and run again.'),
                          ids=', '.join(str(focal_id) for focal_id in lost[:20]))


def check_resampled_regions(original, resampled):
    """Raise EngineError naming the short-circuit region ids (non-zero values) of ``original`` that no cell holds
    once it is resampled onto the resistance grid."""
    def region_ids(grid):
        values = np.asarray(grid, dtype=float)
        return set(np.unique(values[np.isfinite(values) & (values != 0)]).tolist())
    lost = sorted(region_ids(original) - region_ids(resampled))
    if lost:
        raise EngineError(N_('resampled onto the resistance grid, it loses the short-circuit regions {ids}: their '
                             'cells fall between the centres of the resistance cells. Put the raster on the '
                             'resistance raster\'s grid and run again.'),
                          ids=', '.join('{:g}'.format(region_id) for region_id in lost[:20]))


def check_grounds(grounds):
    """Raise EngineError when a cell of the ground grid is negative: neither a resistance nor a conductance to
    ground is below 0, and such a cell (a sign error, an undeclared nodata value) must not silently lose its
    ground. NaN (no ground) is fine."""
    grounds = np.asarray(grounds, dtype=float)
    with np.errstate(invalid='ignore'):
        negative = np.argwhere(grounds < 0)
    if len(negative):
        row, column = negative[0]
        raise EngineError(N_('The ground raster has a negative value in {count} cell(s), the first {value:g} at row '
                             '{row}, column {column} (from 1 at the top left): a resistance or conductance to ground '
                             'is 0 or more. Give the cells without a ground nodata.'), count=len(negative),
                          value=float(grounds[row, column]), row=int(row) + 1, column=int(column) + 1)


def node_sources_and_grounds(graph, sources, grounds, grounds_are_resistances, unit_currents, direct_grounds):
    """Amperes injected and ground conductance (inf = direct ground) per node, summed over each node's cells."""
    has_node = graph.node_of_cell >= 0
    cell_sources = np.where(np.isfinite(sources), sources, 0.0)
    if unit_currents:
        cell_sources = (cell_sources != 0).astype(float)
    grounded = np.isfinite(grounds) & (grounds >= 0 if grounds_are_resistances else grounds > 0)
    with np.errstate(divide='ignore'):
        conductance = np.where(grounds_are_resistances, 1.0 / np.where(grounded, grounds, 1.0), grounds)
    cell_grounds = np.where(grounded, np.where(direct_grounds, np.inf, conductance), 0.0)
    node_sources = np.bincount(graph.node_of_cell[has_node], cell_sources[has_node], graph.node_count)
    node_grounds = np.bincount(graph.node_of_cell[has_node], cell_grounds[has_node], graph.node_count)
    return node_sources, node_grounds


def resolve_conflicts(node_sources, node_grounds, policy):
    """Apply the conflict ``policy`` to nodes holding both a source and a ground; a direct ground on a node
    that keeps its source is always dropped (the source could not inject anything)."""
    conflict = (node_sources != 0) & (node_grounds != 0)
    node_sources, node_grounds = node_sources.copy(), node_grounds.copy()
    if policy in ('rmvsrc', 'rmvall'):
        node_sources[conflict] = 0.0
    if policy in ('rmvgnd', 'rmvall'):
        node_grounds[conflict] = 0.0
    node_grounds[np.isinf(node_grounds) & (node_sources != 0)] = 0.0
    return node_sources, node_grounds


def grounded_voltages(graph, nodes, sources, grounds):
    """Voltages of one component's ``nodes``: Laplacian plus finite grounds, direct grounds held at 0 V."""
    free = ~np.isinf(grounds)
    finite_grounds = np.where(np.isfinite(grounds), grounds, 0.0)[free]
    voltages = np.zeros(len(nodes))
    solver = LinearSolver(graph.laplacian(nodes[free]) + sparse.diags(finite_grounds),
                          coordinates_or_none(graph, nodes[free]))
    voltages[free] = solver.solve(sources[free])
    return voltages


# ------------------------------------------------------------------------------------------------- network

@dataclass
class NetworkResult:
    """Network mode: effective resistances between the focal nodes (k x k, NaN not connected), and the
    current-flow centrality of every node and link (current summed over all pairs with 1 A between them)."""

    focal_nodes: np.ndarray
    resistances: np.ndarray
    node_centrality: np.ndarray
    edge_centrality: np.ndarray


def network_pairwise(node_count, edge_from, edge_to, resistance, focal_nodes=None, feedback=None):
    """Pairwise effective resistances and current-flow centrality on an explicit graph (Circuitscape's network
    mode, Centrality Mapper).

    Parameters
    ----------
    node_count : int
        Nodes are 0 .. node_count - 1.
    edge_from, edge_to : array_like of int
        The two nodes of each link.
    resistance : array_like of float
        Resistance of each link in ohms (> 0), e.g. a corridor's cost-weighted distance.
    focal_nodes : array_like of int, optional
        The nodes to pair (all nodes by default), e.g. the cores.
    feedback : engine.feedback.Feedback, optional
        As in :func:`pairwise`.

    Returns
    -------
    NetworkResult
        Effective resistances between the focal nodes, and the current through each node and link summed over
        every pair of focal nodes with 1 A between them (amperes).
    """
    graph = network_graph(node_count, edge_from, edge_to, resistance)
    nodes = np.arange(node_count) if focal_nodes is None else np.asarray(focal_nodes, dtype=np.int64)
    if len(nodes) < 2:
        raise EngineError(N_('Current-flow centrality needs at least two nodes.'))
    pairs = [(a, b) for a in range(len(nodes)) for b in range(a + 1, len(nodes))]
    resistances = np.full((len(nodes), len(nodes)), np.nan)
    np.fill_diagonal(resistances, 0.0)
    node_centrality = np.zeros(node_count)
    edge_centrality = np.zeros(len(edge_from))
    kept_edges = np.flatnonzero(np.asarray(edge_from) != np.asarray(edge_to))
    monitor = Monitor(len(pairs) + len(nodes), feedback)
    for a, b, effective, currents, voltages in solve_pairs(graph, nodes, pairs, monitor, with_voltages=True):
        resistances[a, b] = resistances[b, a] = effective
        node_centrality += currents
        edge_centrality[kept_edges] += graph.branch_currents(voltages)
        monitor.step()
    return NetworkResult(nodes, resistances, node_centrality, edge_centrality)
