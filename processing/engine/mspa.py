"""Morphological Spatial Pattern Analysis (MSPA) of a binary map, with GuidosToolbox's class codes.

Soille & Vogt 2009 (Pattern Recognition Letters 30:456, doi:10.1016/j.patrec.2008.10.015) and the MSPA Guide of
GuidosToolbox; the rules, thresholds and the reference's conventions are written out in docs/mspa.md. Every step
works on whole arrays (numpy, scipy.ndimage); the only loops run over thinning or flooding waves, each wave a
vectorised step over the cells it touches.

Units: cells (EDGE_WIDTH is a number of cells, distances are Euclidean in cell widths); no CRS here.
Input: a uint8 map with 0 = missing, 1 = background, 2 = foreground (GuidosToolbox's convention, see
``binary_map`` to build it from any class map). Output: a uint8 map of class codes (see ``CLASSES``).
Memory: about 40 bytes per cell at the peak (the distance transforms).
"""

import math
from collections import namedtuple

import numpy as np
from osgeo import gdal, ogr, osr
from scipy import ndimage
from shapely import wkb
from shapely.ops import unary_union

from .feedback import ensure as ensure_feedback
from .messages import EngineError, N_
from .raster import cell_size, gdal_exceptions, raster_errors, require_memory, scaled

MISSING, BACKGROUND, FOREGROUND = 0, 1, 2

MSPAClass = namedtuple('MSPAClass', 'code name colour')
CLASSES = (
    MSPAClass(17, N_('Core'), '#00c800'),
    MSPAClass(9, N_('Islet'), '#a03c00'),
    MSPAClass(5, N_('Perforation'), '#0000ff'),
    MSPAClass(3, N_('Edge'), '#000000'),
    MSPAClass(65, N_('Loop'), '#ffff00'),
    MSPAClass(33, N_('Bridge'), '#ff0000'),
    MSPAClass(1, N_('Branch'), '#ff8c00'),
    MSPAClass(0, N_('Background'), '#dcdcdc'),
    MSPAClass(129, N_('Missing'), '#ffffff'),
)
"""GuidosToolbox's seven foreground classes, background and missing: code, name, colour (its colour table)."""
FOREGROUND_CLASSES = 7
BACKGROUND_CLASS = CLASSES[7]

TRANSITION_BITS = 2 | 4
"""Edge and perforation bits a loop or bridge keeps where it crosses an edge or perforation (35, 37, 67, 69)."""
INTERNAL_OFFSET = 100
"""Added to every class inside a hole of a core when INTERNAL is on (background there becomes 100)."""
ENCLOSED_BACKGROUND = 220
"""Background (and missing) enclosed by foreground but not inside a core's hole, when INTERNAL is on."""
CODE_MISSING = 129

SQRT2 = np.float32(np.sqrt(2.0))

NO_FOREGROUND = N_('The map has no foreground cell: MSPA needs at least one. Check the foreground values.')


CLASS_BITS = ((64, 65), (32, 33), (16, 17), (8, 9), (4, 5), (2, 3), (1, 1))
"""Bit of an output code and the class it stands for, strongest first (a bridge crossing an edge is a bridge)."""


def class_of(code):
    """The MSPAClass an output ``code`` belongs to: internal (+100) and transition variants with their class,
    enclosed background (220) with background."""
    if code == CODE_MISSING:
        return CLASSES[-1]
    base = code - INTERNAL_OFFSET if INTERNAL_OFFSET <= code < ENCLOSED_BACKGROUND else code
    for bit, class_code in CLASS_BITS:
        if base & bit and code != ENCLOSED_BACKGROUND:
            return next(item for item in CLASSES if item.code == class_code)
    return BACKGROUND_CLASS


ClassMap = namedtuple('ClassMap', 'values nodata geotransform crs_wkt nodata_value')
"""Band 1 of a raster in its own data type, the mask of its cells without data, its geotransform and CRS, and the
value its header declares nodata (None when none; NaN cells of a floating raster are nodata too)."""

BYTES_PER_CELL = 52
"""Peak memory of a run per cell: about 47 bytes measured by tests/benchmarks/bench_mspa.py on 10 000 x 10 000
cells (the boolean layers of the analysis, 1 byte each; the component labels, 4 bytes; the geodesic and thinning
working arrays), plus the raster as read, its nodata mask and the output codes."""


def read_class_map(path):
    """Band 1 of the raster at ``path`` as a ClassMap; an EngineError names the file when GDAL cannot read it or
    when an MSPA run on it would not fit in memory."""
    require_memory(path, BYTES_PER_CELL)
    with raster_errors(path):
        dataset = gdal.Open(path)
        band = dataset.GetRasterBand(1)
        values = band.ReadAsArray()
        nodata_value = band.GetNoDataValue()
        nodata = np.zeros(values.shape, bool) if nodata_value is None else values == nodata_value
        values = scaled(band, values)  # the classes QGIS shows, and the nodata value among them
        if nodata_value is not None:
            nodata_value = float(scaled(band, np.array([nodata_value], dtype=np.float64))[0])
        if values.dtype.kind == 'f':
            nodata |= np.isnan(values)
        cell_size(dataset.GetGeoTransform(), path)
        return ClassMap(values, nodata, dataset.GetGeoTransform(), dataset.GetProjection(), nodata_value)


def present_values(class_map):
    """Sorted distinct values of the cells with data."""
    values = class_map.values[~class_map.nodata]
    if values.dtype.kind in 'ub' and values.size:
        return np.flatnonzero(np.bincount(values.ravel().astype(np.int64)))
    return np.unique(values)


def check_classes(class_map, foreground, missing, layer):
    """Refuse class values MSPA cannot use; return the warnings (template, parameters) for values given that do
    not occur in the raster named ``layer``, for foreground values that are its nodata value, and for a map without
    background.

    Raises EngineError when the raster has no cell with data, when a value is both foreground and missing, or
    when no foreground value occurs (an all-background map), saying so when they are the nodata value.
    A map without background (every cell that is not foreground is nodata or missing: typically 0/1 maps whose 0
    was declared nodata) has no edge, perforation or connector; the run goes on with a warning.
    """
    present = present_values(class_map)
    if not len(present):
        raise EngineError(N_('The raster {layer} has no cell with data: MSPA needs a map of foreground and '
                             'background.'), layer=layer)
    both = sorted(set(foreground) & set(missing))
    if both:
        raise EngineError(N_('The values {values} are given both as foreground and as missing; give each value '
                             'once.'), values=listed(both))
    occurring = set(present.tolist())
    foreground_cells = dict(zip(foreground, in_raster_type(foreground, class_map.values.dtype)))
    missing_cells = dict(zip(missing, in_raster_type(missing, class_map.values.dtype)))
    nodata = _nodata_values(class_map, [cell for cell in list(foreground_cells.values()) + list(
        missing_cells.values()) if cell not in occurring])
    absent_foreground = [value for value, cell in foreground_cells.items()
                         if cell not in occurring and cell not in nodata]
    nodata_foreground = [value for value, cell in foreground_cells.items() if cell in nodata]
    nodata_message = N_('The foreground values {values} are the nodata value of the raster {layer}: those cells '
                        'are missing, never foreground. If they are habitat, unset the nodata value of the raster '
                        '(Raster > Conversion > Translate) and run again.')
    if len(absent_foreground) + len(nodata_foreground) == len(foreground):
        if nodata_foreground:
            raise EngineError(nodata_message, values=listed(nodata_foreground), layer=layer)
        raise EngineError(N_('None of the foreground values {values} occurs in the raster {layer}, so every cell '
                             'would be background. Its values are {present}: give the habitat classes as '
                             'foreground.'), values=listed(foreground), layer=layer, present=listed(present[:30]))
    warnings = []
    if nodata_foreground:
        warnings.append((nodata_message, {'values': listed(nodata_foreground), 'layer': layer}))
    if absent_foreground:
        warnings.append((N_('The foreground values {values} do not occur in the raster {layer}.'),
                         {'values': listed(absent_foreground), 'layer': layer}))
    absent_missing = [value for value, cell in missing_cells.items() if cell not in occurring and cell not in nodata]
    if absent_missing:
        warnings.append((N_('The missing values {values} do not occur in the raster {layer}.'),
                         {'values': listed(absent_missing), 'layer': layer}))
    if not occurring - set(foreground_cells.values()) - set(missing_cells.values()) and (
            class_map.nodata.any() or occurring & set(missing_cells.values())):
        warnings.append((N_('The raster {layer} has no background cell: every cell that is not foreground is '
                            'nodata or missing, and MSPA draws edges, perforations and connectors only against '
                            'background. If the nodata cells are not habitat, unset the nodata value of the raster '
                            '(Raster > Conversion > Translate) and run again.'), {'layer': layer}))
    return warnings


def _nodata_values(class_map, values):
    """The ``values`` (in the raster's type, in_raster_type) that are the raster's declared nodata value, as a set:
    the cells holding them count as without data."""
    if class_map.nodata_value is None:
        return set()
    declared = float(class_map.nodata_value)
    if class_map.values.dtype.kind == 'f':  # as the cells hold it (a Float32 raster's nodata of -3.4e38)
        declared = float(np.asarray(declared, dtype=class_map.values.dtype))
    return {value for value in values if value == declared}


def in_raster_type(values, dtype):
    """The class ``values`` (numbers as given) as cells of type ``dtype`` hold them, as floats: a Float32 raster
    holds 0.1 as 0.100000001490116, so class values are compared in the raster's own floating type; an integer
    raster's values are compared as given (2.5 is a class of no integer raster)."""
    dtype = np.dtype(dtype)
    if dtype.kind != 'f':
        return [float(value) for value in values]
    return [float(np.asarray(value, dtype=dtype)) for value in values]


def listed(values):
    """Values as '1, 2, 3' (integers without a decimal point)."""
    return ', '.join('{:g}'.format(value) for value in values)


def binary_map(values, foreground, missing=(), nodata_mask=None):
    """GuidosToolbox's input map from a class map.

    Parameters
    ----------
    values : ndarray
        2-D class map (any numeric type).
    foreground : sequence of numbers
        Values counted as foreground.
    missing : sequence of numbers
        Values treated as missing (no data), besides ``nodata_mask``.
    nodata_mask : ndarray of bool, optional
        Cells without data (the raster's nodata and NaN).

    Returns
    -------
    ndarray of uint8
        0 missing, 1 background, 2 foreground.
    """
    values = np.asarray(values)
    absent = np.zeros(values.shape, bool) if nodata_mask is None else np.asarray(nodata_mask, bool).copy()
    if values.dtype.kind == 'f':
        absent |= np.isnan(values)
    result = np.full(values.shape, BACKGROUND, np.uint8)
    result[np.isin(values, in_raster_type(foreground, values.dtype))] = FOREGROUND
    if len(missing):
        absent |= np.isin(values, in_raster_type(missing, values.dtype))
    result[absent] = MISSING
    return result


def meets_itself_across_edges(map_, connectivity=8):
    """True when foreground of the binary ``map_`` (``binary_map``) in its first column touches foreground in its last
    (in the same row, or in the next row under 8-connectivity): on a map whose columns go round the globe, a patch
    that MSPA, reading the map's edges as its ends, cuts in two."""
    first, last = map_[:, 0] == FOREGROUND, map_[:, -1] == FOREGROUND
    touching = first & last
    if connectivity == 8:
        touching[1:] |= first[1:] & last[:-1]
        touching[:-1] |= first[:-1] & last[1:]
    return bool(touching.any())


def mspa(map_, edge_width=1, connectivity=8, internal=True, feedback=None):
    """GuidosToolbox's MSPA classes of a binary map.

    Parameters
    ----------
    map_ : ndarray of uint8
        0 missing, 1 background, 2 foreground (``binary_map``).
    edge_width : int
        Edge width in cells (>= 1): foreground farther than edge_width + 0.98 cells from any non-foreground cell
        is core.
    connectivity : {8, 4}
        Foreground connectivity (background takes the other one).
    internal : bool
        Add 100 to every class inside a hole of a core (background there becomes 100) and mark other enclosed
        background 220.
    feedback : engine.feedback.Feedback, optional
        Hears the progress; a cancel raises Canceled.

    Returns
    -------
    ndarray of uint8
        Class codes: core 17, islet 9, perforation 5, edge 3, loop 65, bridge 33, branch 1, background 0,
        missing 129; loops and bridges crossing an edge or perforation keep its bit (67, 69, 35, 37).

    Raises
    ------
    EngineError
        When the map has no foreground cell or the edge width is below 1.
    messages.Canceled
        When the run was cancelled.
    """
    map_ = np.asarray(map_, np.uint8)
    if edge_width < 1:
        raise EngineError(N_('The edge width must be at least 1 cell (it is {width}).'), width=edge_width)
    if not (map_ == FOREGROUND).any():
        raise EngineError(NO_FOREGROUND)
    feedback = ensure_feedback(feedback)
    geometry = Geometry(edge_width, connectivity)
    analysed = replicate_border(foreground_for_analysis(map_, geometry.threshold), geometry.frame)
    core = far_from_outside(analysed, geometry.threshold)
    islets = analysed & ~reconstruct(core, analysed, geometry.fg_structure)
    opening = core | external_boundary(core, geometry.threshold)
    feedback.check()
    feedback.report(0.15)
    edges = nested_edges(core, geometry)
    perforation = opening & ~core & ~edges
    residues = analysed & ~core & ~islets & ~perforation & ~edges
    feedback.check()
    feedback.report(0.3)
    skeleton = anchored_skeleton(opening | residues, core, geometry.connectivity, feedback)
    clear_frame(core, 2)
    feedback.check()
    feedback.report(0.6)
    connector = connectors(skeleton & ~core, (opening & ~core) | residues, geometry)
    feedback.check()
    feedback.report(0.75)
    bridges = bridging(connector, core, opening, geometry.fg_structure)
    feedback.check()
    feedback.report(0.85)
    out = analysed.view(np.uint8).copy()
    for bit, mask in ((1, edges), (2, perforation), (3, islets), (4, core), (5, bridges), (6, connector & ~bridges)):
        out |= mask.view(np.uint8) << bit
    if internal:
        add_internal(out, core, map_, geometry)
    frame = geometry.frame
    out = out[frame:-frame, frame:-frame]
    out[map_ == MISSING] = CODE_MISSING
    feedback.check()
    feedback.report(1.0)
    return out


def clear_frame(mask, width):
    """Set the outer ``width`` cells of ``mask`` False (in place)."""
    mask[:width, :] = mask[-width:, :] = False
    mask[:, :width] = mask[:, -width:] = False


class Geometry:
    """Thresholds and neighbourhoods of one MSPA run, in the reference's float32 arithmetic (docs/mspa.md)."""

    def __init__(self, edge_width, connectivity):
        if connectivity not in (4, 8):
            raise ValueError('connectivity must be 4 or 8')
        self.connectivity = connectivity
        size = np.float32((edge_width + 0.98) / np.sqrt(2.0))
        self.threshold = np.float32(size * SQRT2)
        self.connector_threshold = np.float32(np.float32(size - np.float32(1)) * SQRT2)
        buffer = int(size * 1.5 + 0.5)
        self.frame = buffer + 1
        eight, four = np.ones((3, 3), bool), ndimage.generate_binary_structure(2, 1)
        self.fg_structure = eight if connectivity == 8 else four
        self.bg_structure = four if connectivity == 8 else eight


def disk_rows(threshold):
    """Half-widths of the disk of cells within ``threshold`` of the centre (float32 distances, like the
    reference's square-rooted distance transform), by row offset 0, 1, 2, ..."""
    half_widths = []
    row = 0
    while np.sqrt(np.float32(row * row)) <= threshold:
        column = 0
        while np.sqrt(np.float32(row * row + (column + 1) ** 2)) <= threshold:
            column += 1
        half_widths.append(column)
        row += 1
    return half_widths


def near(mask, threshold):
    """Cells within ``threshold`` cells (Euclidean, inclusive) of a True cell of ``mask`` (the mask included):
    a dilation by a disk, row by row with running maxima."""
    half_widths = disk_rows(threshold)
    if not half_widths:
        return np.zeros(mask.shape, bool)
    source = mask.view(np.uint8)
    widened = {width: ndimage.maximum_filter1d(source, 2 * width + 1, axis=1, mode='constant')
               for width in set(half_widths)}
    result = widened[half_widths[0]].copy()
    rows = mask.shape[0]
    for offset, width in enumerate(half_widths[1:], start=1):
        if offset >= rows:
            break
        result[offset:] |= widened[width][:-offset]
        result[:-offset] |= widened[width][offset:]
    return result.view(bool)


def external_boundary(mask, threshold):
    """Cells outside ``mask`` within ``threshold`` cells of it."""
    return ~mask & near(mask, threshold)


def far_from_outside(mask, threshold):
    """Cells of ``mask`` farther than ``threshold`` from every cell outside it (the array's edge is not
    background)."""
    return mask & ~near(~mask, threshold)


def foreground_for_analysis(map_, threshold):
    """Foreground plus missing cells within ``threshold`` of foreground (no edge along missing areas)."""
    foreground = map_ == FOREGROUND
    return foreground | ((map_ == MISSING) & near(foreground, threshold))


def replicate_border(mask, width):
    """``mask`` framed by ``width`` cells repeating its outer rows and columns, as the reference does: the
    four corner blocks stay background and so do the last column and row of the frame."""
    framed = np.pad(mask, width, mode='edge')
    framed[:width, :width] = framed[:width, -width:] = False
    framed[-width:, :width] = framed[-width:, -width:] = False
    framed[:, -1] = False
    framed[-1, :] = False
    return framed


def reconstruct(marker, mask, structure):
    """Components of ``mask`` (connected by ``structure``) that hold a cell of ``marker``."""
    labels, count = ndimage.label(mask, structure)
    keep = np.zeros(count + 1, bool)
    keep[np.unique(labels[marker & mask])] = True
    keep[0] = False
    return keep[labels]


def fill_holes(mask, background_structure):
    """``mask`` with every background component (connected by ``background_structure``) that does not touch
    the array's edge filled."""
    labels, count = ndimage.label(~mask, background_structure)
    outside = np.zeros(count + 1, bool)
    for edge in (labels[0], labels[-1], labels[:, 0], labels[:, -1]):
        outside[edge] = True
    outside[0] = False
    return ~outside[labels]


def nested_edges(core, geometry):
    """Edge cells: the outer boundary (within the threshold) of the cores with their holes filled, then of the
    cores inside those holes, level by level; never a core cell."""
    edges = np.zeros(core.shape, bool)
    remaining = core.copy()
    filled = fill_holes(remaining, geometry.bg_structure)
    while filled.any():
        edges |= external_boundary(filled, geometry.threshold)
        holes = filled & ~remaining
        remaining &= fill_holes(holes, geometry.fg_structure)
        filled = fill_holes(remaining, geometry.bg_structure)
    return edges & ~core


# --- Anchored order-independent thinning (Ranwez & Soille 2002), binary, one wave at a time ------------------

NEIGHBOUR_STEPS = ((0, -1), (0, 1), (-1, 0), (1, 0), (-1, -1), (1, -1), (-1, 1), (1, 1))
"""(row, column) steps to the eight neighbours, in the order of the bits of a neighbourhood code:
west, east, north, south, north-west, south-west, north-east, south-east."""
WEST, EAST, NORTH, SOUTH = 0, 1, 2, 3
PAIR_SIDES = {WEST: (NORTH, 4, SOUTH, 5), EAST: (NORTH, 6, SOUTH, 7),
              NORTH: (WEST, 4, EAST, 6), SOUTH: (WEST, 5, EAST, 7)}
"""For a 4-neighbour q of p: the neighbours of p that flank the pair (a, b, c, d) in the pair code."""
DIAGONAL_SIDES = {4: (WEST, NORTH), 5: (SOUTH, WEST), 6: (NORTH, EAST), 7: (EAST, SOUTH)}
"""For a diagonal neighbour q of p: the two 4-neighbours of p it shares (a, b)."""
PAIR4_INDEPENDENT = {8: (0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0),
                     4: (0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 1, 0)}
"""Whether p and a simple 4-neighbour q can be deleted together, by the code of the cells flanking the pair."""
PAIR2_INDEPENDENT = {8: (0, 1, 1, 1), 4: (1, 1, 1, 0)}
"""Whether p and a simple diagonal neighbour q can be deleted together, by the code of their common 4-neighbours."""
ISOLATED_PAIRS = {2: (2, 3, 6, 7, 9, 13), 3: (4, 8, 17)}
"""Pair configurations (by number of simple neighbours) that may belong to an isolated group of simple cells."""


def ring_components(code, adjacency, needs_four_neighbour):
    """Connected groups of the neighbours set in ``code`` (bits in NEIGHBOUR_STEPS order); ``adjacency`` 4 or 8;
    with ``needs_four_neighbour``, only the groups holding a 4-neighbour of the centre count."""
    cells = [step for bit, step in enumerate(NEIGHBOUR_STEPS) if code >> bit & 1]
    parent = list(range(len(cells)))

    def root(i):
        while parent[i] != i:
            i = parent[i]
        return i

    for i, (ri, ci) in enumerate(cells):
        for j, (rj, cj) in enumerate(cells[:i]):
            distance = abs(ri - rj) + abs(ci - cj) if adjacency == 4 else max(abs(ri - rj), abs(ci - cj))
            if distance == 1:
                parent[root(i)] = root(j)
    roots = {root(i) for i, (r, c) in enumerate(cells) if not needs_four_neighbour or abs(r) + abs(c) == 1}
    return len(roots)


def simple_table(connectivity):
    """Whether a foreground cell is simple (deleting it changes no topology) for each of the 256 neighbourhood
    codes, with foreground ``connectivity`` 8 (background 4) or 4 (background 8)."""
    background = 4 if connectivity == 8 else 8
    table = np.zeros(256, bool)
    for code in range(256):
        foreground_groups = ring_components(code, connectivity, connectivity == 4)
        background_groups = ring_components(255 - code, background, background == 4)
        table[code] = foreground_groups == 1 and background_groups == 1
    return table


SIMPLE = {8: simple_table(8), 4: simple_table(4)}
POPCOUNT = np.array([bin(code).count('1') for code in range(256)], np.int8)


class Thinning:
    """Anchored order-independent thinning of a flat boolean image with a 2-cell empty frame."""

    def __init__(self, image, anchor, connectivity):
        self.image = image.ravel()
        self.anchor = anchor.ravel()
        self.connectivity = connectivity
        width = image.shape[1]
        self.offsets = np.array([row * width + column for row, column in NEIGHBOUR_STEPS])
        self.simple_codes = SIMPLE[connectivity]

    def codes(self, cells):
        """Neighbourhood code of each cell (bit i set when neighbour i is foreground)."""
        code = np.zeros(cells.shape, np.uint8)
        for bit, offset in enumerate(self.offsets):
            code |= self.image[cells + offset].astype(np.uint8) << bit
        return code

    def deletable(self, cells):
        """Foreground, not anchored and simple."""
        return self.image[cells] & ~self.anchor[cells] & self.simple_codes[self.codes(cells)]

    def independent(self, cells):
        """Whether each simple cell can be deleted in the same wave as all its simple neighbours (the pair,
        triple and quadruple rules of Ranwez & Soille 2002, as the reference applies them)."""
        count = len(cells)
        code = self.codes(cells)
        foreground = (code[:, None] >> np.arange(8)) & 1
        simple_neighbour = np.stack([self.deletable(cells + offset) for offset in self.offsets], axis=1)
        configuration = np.zeros((count, 8), np.int16)
        pair_ok = np.zeros((count, 8), bool)
        four = PAIR4_INDEPENDENT[self.connectivity]
        two = PAIR2_INDEPENDENT[self.connectivity]
        for side, (a, b, c, d) in PAIR_SIDES.items():
            pair = foreground[:, d] | foreground[:, c] << 1 | foreground[:, b] << 2 | foreground[:, a] << 3
            configuration[:, side] = pair + 5
            pair_ok[:, side] = np.take(four, pair).astype(bool)
        for side, (a, b) in DIAGONAL_SIDES.items():
            pair = foreground[:, b] | foreground[:, a] << 1
            configuration[:, side] = pair + 1
            pair_ok[:, side] = np.take(two, pair).astype(bool)
        dependent = simple_neighbour & ~pair_ok
        has_dependent = dependent.any(axis=1)
        rows = np.arange(count)
        first_dependent = dependent.argmax(axis=1)
        last_simple = 7 - simple_neighbour[:, ::-1].argmax(axis=1)
        reported = np.where(has_dependent, first_dependent, last_simple)
        configuration = configuration[rows, reported]
        simple_count = simple_neighbour.sum(axis=1)
        result = ~has_dependent
        if self.connectivity == 4:
            result |= self.diagonal_exception(cells, first_dependent, configuration, foreground, simple_neighbour)
        isolated = np.zeros(count, bool)
        for number, configurations in ISOLATED_PAIRS.items():
            isolated |= (simple_count == number) & np.isin(configuration, configurations)
        isolated &= ~has_dependent & (simple_count > 0)
        if isolated.any():
            isolated[isolated] = self.same_neighbour_counts(cells[isolated], simple_neighbour[isolated],
                                                           simple_count[isolated], 8)
        return result & ~isolated

    def diagonal_exception(self, cells, first_dependent, configuration, foreground, simple_neighbour):
        """4-connectivity: a cell dependent on a diagonal neighbour whose two shared 4-neighbours are simple is
        independent after all when it has two background 4-neighbours and a simple 4-neighbour with other than
        two foreground 4-neighbours."""
        rows = np.arange(len(cells))
        candidate = (configuration == 4) & simple_neighbour[rows, first_dependent] & (first_dependent >= 4)
        shared = np.array([DIAGONAL_SIDES.get(side, (0, 0)) for side in range(8)])
        a, b = shared[first_dependent, 0], shared[first_dependent, 1]
        candidate &= simple_neighbour[rows, a] & simple_neighbour[rows, b]
        candidate &= foreground[:, :4].sum(axis=1) == 2
        if candidate.any():
            four = simple_neighbour[candidate][:, :4]
            candidate[candidate] = ~self.same_neighbour_counts(cells[candidate], four, np.full(len(four), 2), 4)
        return candidate

    def same_neighbour_counts(self, cells, simple_neighbour, expected, neighbourhood):
        """Whether every simple neighbour (among the first ``neighbourhood`` ones) of each cell has exactly
        ``expected`` foreground neighbours in its own ``neighbourhood``-neighbourhood."""
        same = np.ones(len(cells), bool)
        mask = 0xFF if neighbourhood == 8 else 0x0F
        for index in range(simple_neighbour.shape[1]):
            counts = POPCOUNT[self.codes(cells + self.offsets[index]) & mask]
            same &= ~simple_neighbour[:, index] | (counts == expected)
        return same

    def run(self, feedback):
        """Delete independent simple cells wave after wave until none is left."""
        cells = np.flatnonzero(self.image & ~self.anchor)
        cells = cells[self.simple_codes[self.codes(cells)]]
        cells = cells[self.independent(cells)]
        while len(cells):
            feedback.check()
            self.image[cells] = False
            around = np.unique((cells[:, None] + self.offsets).ravel())
            around = around[self.deletable(around)]
            cells = around[self.independent(around)]


def anchored_skeleton(mask, anchor, connectivity, feedback=None):
    """``mask`` thinned to its skeleton, keeping every ``anchor`` cell; its outer 2-cell frame is cleared."""
    image, anchor = mask.copy(), anchor.copy()
    clear_frame(image, 2)
    clear_frame(anchor, 2)
    Thinning(image, anchor, connectivity).run(ensure_feedback(feedback))
    return image


# --- Connectors: the skeleton widened geodesically, then sorted into bridges and loops -----------------------

FOUR_STEPS = ((1, 0), (0, 1), (-1, 0), (0, -1))
"""(row, column) step from a 4-neighbour to a cell, the neighbour being north, west, south, east of it: the
reference's order, both for trying neighbours (the first of equally short candidates wins) and for queueing them."""
VECTOR_TYPE = np.int16
"""Rows and columns from a cell back to the start of its straight stretch (never more than the connector width)."""
FLOAT_MAX = np.finfo(np.float32).max


def line_inside(mask, width, base, rows, columns):
    """Whether the digital (Bresenham) line from each flat index ``base`` by (``rows``, ``columns``) stays in
    the flat ``mask`` (the start excluded, the end included)."""
    inside = np.ones(len(base), bool)
    steep = np.abs(rows) > np.abs(columns)
    major = np.where(steep, np.abs(rows), np.abs(columns))
    minor = np.where(steep, np.abs(columns), np.abs(rows))
    sign_row, sign_column = np.sign(rows), np.sign(columns)
    decision = 2 * minor - major
    row = np.zeros(len(base), np.int64)
    column = np.zeros(len(base), np.int64)
    for _ in range(int(major.max(initial=0))):
        active = np.where(steep, np.abs(row), np.abs(column)) < major
        step_minor = active & (decision >= 0)
        decision = np.where(active, np.where(decision < 0, decision + 2 * minor, decision + 2 * (minor - major)),
                            decision)
        row += np.where(active & steep, sign_row, 0) + np.where(step_minor & ~steep, sign_row, 0)
        column += np.where(active & ~steep, sign_column, 0) + np.where(step_minor & steep, sign_column, 0)
        inside &= ~active | mask[base + row * width + column]
    return inside


def vector_length(rows, columns):
    """Length of (``rows``, ``columns``) in double precision, as the reference computes it."""
    rows, columns = rows.astype(np.int64), columns.astype(np.int64)
    return np.sqrt((rows * rows + columns * columns).astype(np.float64))


class GeodesicDistance:
    """The reference's constrained Euclidean distance (Soille's ``ced``) from the ``reference`` cells inside a
    flat ``mask`` with an empty 1-cell frame, replayed exactly: a queue, processed in passes; in a pass every
    queued cell without a distance takes it from its 4-neighbours that have one (also those given one earlier in
    the same pass), going straight from the neighbour's base while the line of sight stays in the mask and bending
    at the neighbour otherwise; the cells no farther than the pass's smallest new distance then queue their
    neighbours, the others wait. Distances are float32 sums of double-precision lengths, as in the reference."""

    def __init__(self, reference, mask, width):
        self.mask = mask
        self.width = width
        self.state = mask.astype(np.uint8)  # 0 outside, 1 not queued, 2 queued, 3 reference
        sources = np.flatnonzero(reference & mask)
        self.state[sources] = 3
        self.vector_row = np.zeros(mask.shape, VECTOR_TYPE)
        self.vector_column = np.zeros(mask.shape, VECTOR_TYPE)
        self.base_length = np.zeros(mask.shape, np.float32)
        self.assigned = self.state == 3
        self.rank = np.full(mask.shape, -1, np.int64)
        self.steps = [row * width + column for row, column in FOUR_STEPS]
        self.queue = self.requeue(sources, np.zeros(len(sources), bool))

    def run(self):
        """Propagate until the queue is empty; return the distance of every cell (0 where none)."""
        while len(self.queue):
            queue = self.queue
            fresh = queue[~self.assigned[queue]]
            distance_min = self.assign(fresh) if len(fresh) else FLOAT_MAX
            distance = vector_length(self.vector_row[queue], self.vector_column[queue]) + self.base_length[queue]
            self.queue = self.requeue(queue, distance > np.float64(distance_min))
        length = vector_length(self.vector_row, self.vector_column).astype(np.float32)
        return np.where(self.assigned, self.base_length + length, np.float32(0))

    def requeue(self, queue, waiting):
        """The next queue: each waiting cell in its place, each other cell replaced by its unqueued neighbours
        (north, west, south, east), which become queued."""
        position = np.arange(len(queue), dtype=np.int64) * 5
        expanding = queue[~waiting]
        around = (expanding[:, None] - np.array(self.steps)).ravel()
        keys = (position[~waiting][:, None] + np.arange(1, 5)).ravel()
        open_ = self.state[around] == 1
        around, keys = around[open_], keys[open_]
        first = np.sort(np.unique(around, return_index=True)[1])
        around, keys = around[first], keys[first]
        self.state[around] = 2
        cells = np.concatenate([queue[waiting], around])
        order = np.argsort(np.concatenate([position[waiting], keys]), kind='stable')
        return cells[order]

    def assign(self, cells):
        """Give the ``cells`` (in queue order) their distances, each seeing the neighbours given one before it in
        the pass; return the smallest. The cells are evaluated all at once, again and again with the previous
        round's values, until nothing changes: the dependencies run only toward earlier cells, so that fixed
        point is the reference's one-by-one result, usually reached in two or three rounds."""
        self.rank[cells] = np.arange(len(cells))
        current = None
        while True:
            result = self.candidates(cells, current)
            if current is not None and all((new == old).all() for new, old in zip(result, current)):
                break
            current = result
        self.rank[cells] = -1
        best, row, column, base = current
        self.vector_row[cells], self.vector_column[cells], self.base_length[cells] = row, column, base
        self.assigned[cells] = True
        return best.min()

    def candidates(self, cells, current):
        """Distance, vector and base length of each cell from its usable neighbours: those with a distance
        before the pass and, once ``current`` holds this pass's values, the pass's cells ahead of it."""
        best = np.full(len(cells), FLOAT_MAX, np.float32)
        new_row = np.zeros(len(cells), VECTOR_TYPE)
        new_column = np.zeros(len(cells), VECTOR_TYPE)
        new_base = np.zeros(len(cells), np.float32)
        rank = np.arange(len(cells))
        for (row_step, column_step), step in zip(FOUR_STEPS, self.steps):
            neighbour = cells - step
            neighbour_row = self.vector_row[neighbour].astype(np.int64)
            neighbour_column = self.vector_column[neighbour].astype(np.int64)
            neighbour_base = self.base_length[neighbour]
            usable = self.assigned[neighbour]
            if current is not None:
                earlier = self.rank[neighbour]
                in_pass = (earlier >= 0) & (earlier < rank)
                usable = usable | in_pass
                index = np.where(in_pass, earlier, 0)
                neighbour_row = np.where(in_pass, current[1][index], neighbour_row)
                neighbour_column = np.where(in_pass, current[2][index], neighbour_column)
                neighbour_base = np.where(in_pass, current[3][index], neighbour_base)
            row, column = neighbour_row + row_step, neighbour_column + column_step
            base = neighbour - neighbour_row * self.width - neighbour_column
            straight = line_inside(self.mask, self.width, base, row, column)
            neighbour_base64 = neighbour_base.astype(np.float64)
            candidate = np.where(straight, vector_length(row, column) + neighbour_base64,
                                 vector_length(neighbour_row, neighbour_column) + neighbour_base64 + 1)
            candidate = candidate.astype(np.float32)
            better = usable & (candidate < best)
            best = np.where(better, candidate, best)
            new_row = np.where(better, np.where(straight, row, row_step), new_row)
            new_column = np.where(better, np.where(straight, column, column_step), new_column)
            new_base = np.where(better, np.where(straight, neighbour_base, candidate - np.float32(1)), new_base)
        return best, new_row, new_column, new_base


def geodesic_band(reference, mask, limit):
    """Cells of ``mask`` within ``limit`` of ``reference`` along paths inside ``mask`` (GeodesicDistance),
    kept between 0 (excluded) and ``limit`` (included), as the reference thresholds them."""
    band = np.zeros(mask.shape, bool)
    if limit < 1 or not (reference & mask).any():
        return band
    padded_mask = np.pad(mask & near(reference & mask, np.float32(limit + 1.5)), 1)
    distance = GeodesicDistance(np.pad(reference, 1).ravel(), padded_mask.ravel(), padded_mask.shape[1]).run()
    inside = (distance >= np.float32(0.0001)) & (distance <= limit)
    return inside.reshape(padded_mask.shape)[1:-1, 1:-1]


def connectors(skeleton, mask, geometry):
    """Connector cells: the skeleton cells outside the cores and the cells of ``mask`` geodesically near them
    (within edge width + 0.98 - sqrt 2), in the components of ``mask`` the skeleton reaches."""
    widened = (geodesic_band(skeleton, mask, geometry.connector_threshold) | skeleton) & mask
    return widened & reconstruct(skeleton, mask, geometry.fg_structure)


def bridging(connector, core, opening, structure):
    """Connector components that touch cells flooded from two different cores (bridges); the others are loops.
    Core labels flood the opening and the connectors breadth first."""
    core_labels, _ = ndimage.label(core, structure)
    flooded = flood_labels(core_labels, opening | connector, structure)
    components, count = ndimage.label(connector, structure)
    if not count:
        return np.zeros(core.shape, bool)
    owner = components[connector]
    label = flooded[connector]
    low = np.full(count + 1, np.iinfo(label.dtype).max, label.dtype)
    high = np.zeros(count + 1, label.dtype)
    np.minimum.at(low, owner, label)
    np.maximum.at(high, owner, label)
    is_bridge = high > low
    is_bridge[0] = False
    return is_bridge[components]


RASTER_FOUR = ((-1, 0), (0, -1), (0, 1), (1, 0))
RASTER_DIAGONAL = ((-1, -1), (-1, 1), (1, -1), (1, 1))


def flood_labels(labels, mask, structure):
    """``labels`` spread breadth first over ``mask`` (neighbours by ``structure``), as the reference's flooding
    queue does: a cell next to a labelled cell takes the label of its first labelled 4-neighbour in raster order
    (then of its first diagonal one), and the queue then grows in that order; cells not reached keep 0."""
    width = labels.shape[1] + 2
    padded = np.pad(labels, 1).ravel()
    allowed = np.pad(mask, 1).ravel() & (padded == 0)
    eight = structure.sum() == 9
    four_steps = [row * width + column for row, column in RASTER_FOUR]
    diagonal_steps = [row * width + column for row, column in RASTER_DIAGONAL] if eight else []
    steps = four_steps + diagonal_steps
    seeds = np.flatnonzero(padded)
    frontier = np.zeros(0, np.int64)
    for group in (four_steps, diagonal_steps):
        frontier = np.concatenate([frontier, claim(seeds, group, padded, allowed)])
    while len(frontier):
        frontier = claim(frontier, steps, padded, allowed)
    return padded.reshape(labels.shape[0] + 2, width)[1:-1, 1:-1]


def claim(sources, steps, labels, allowed):
    """Each still unlabelled allowed neighbour of ``sources`` (in queue order, then ``steps`` order) takes the
    label of the first source reaching it; return the newly labelled cells in queue order."""
    if not len(sources) or not steps:
        return np.zeros(0, np.int64)
    targets = (sources[:, None] + np.array(steps)).ravel()
    origins = np.repeat(sources, len(steps))
    open_ = allowed[targets] & (labels[targets] == 0)
    targets, origins = targets[open_], origins[open_]
    _, first = np.unique(targets, return_index=True)
    first.sort()
    targets, origins = targets[first], origins[first]
    labels[targets] = labels[origins]
    return targets


def add_internal(out, core, map_, geometry):
    """INTERNAL: +100 inside the holes of cores, 220 on other enclosed background (in place on ``out``)."""
    framed = np.pad(map_, geometry.frame, constant_values=MISSING)
    near_foreground = foreground_for_analysis(framed, SQRT2)
    enclosed = fill_holes(near_foreground, geometry.bg_structure) & ~near_foreground
    core_filled = fill_holes(core, geometry.bg_structure)
    core_holes = core_filled & ~core
    enclosed &= ~core_holes
    inside_holes = fill_holes(core_holes, geometry.bg_structure)
    out += np.where(inside_holes, INTERNAL_OFFSET, 0).astype(np.uint8)
    np.maximum(out, np.where(enclosed, ENCLOSED_BACKGROUND, 0).astype(np.uint8), out=out)


# --- Areas, statistics and core patches ------------------------------------------------------------------------

def row_cell_areas_ha(geotransform, rows, crs_wkt):
    """Area in hectares of one cell of each row of a north-up grid: width x height for a projected CRS (metres
    or feet, by the CRS's linear unit), the exact ellipsoidal area of the latitude-longitude quadrangle for a
    geographic CRS (so cells shrink toward the poles)."""
    x_size, y_size = abs(geotransform[1]), abs(geotransform[5])
    reference = osr.SpatialReference()
    reference.ImportFromWkt(crs_wkt or '')
    if crs_wkt and reference.IsGeographic():
        top = geotransform[3] + np.arange(rows) * geotransform[5]
        bottom = top + geotransform[5]
        semi_major, semi_minor = reference.GetSemiMajor(), reference.GetSemiMinor()
        band = np.abs(authalic_q(np.radians(top), semi_major, semi_minor)
                      - authalic_q(np.radians(bottom), semi_major, semi_minor))
        return semi_minor ** 2 * math.radians(x_size) / 2 * band / 1e4
    metres = reference.GetLinearUnits() if crs_wkt else 1.0
    return np.full(rows, x_size * y_size * metres * metres / 1e4)


def authalic_q(latitude, semi_major, semi_minor):
    """q(phi) of the ellipsoid's area formula: the area between the equator and latitude phi (radians) over a
    longitude span d_lambda is b^2 d_lambda q(phi) / 2 (Snyder 1987, eq. 3-12)."""
    e = math.sqrt(max(1 - (semi_minor / semi_major) ** 2, 0.0))
    sine = np.sin(latitude)
    if e == 0:
        return 2 * sine
    return sine / (1 - (e * sine) ** 2) + np.log((1 + e * sine) / (1 - e * sine)) / (2 * e)


StatisticsRow = namedtuple('StatisticsRow', 'name code cells area_ha share')
"""One class of the statistics table: share is the percentage of the foreground (None for background and
missing)."""


def class_statistics(codes, row_areas_ha):
    """Cells, hectares and share of the foreground of each MSPA class (transition and internal variants counted
    with their class; enclosed background 220 with background), in CLASSES order; ``row_areas_ha``: the area of
    one cell of each row (row_cell_areas_ha)."""
    histogram = np.zeros(256, np.int64)
    hectares = np.zeros(256)
    for values, cell_area in zip(codes, row_areas_ha):
        row_histogram = np.bincount(values, minlength=256)
        histogram += row_histogram
        hectares += row_histogram * cell_area
    class_index = np.array([CLASSES.index(class_of(code)) for code in range(256)])
    cells = np.bincount(class_index, weights=histogram, minlength=len(CLASSES))
    areas = np.bincount(class_index, weights=hectares, minlength=len(CLASSES))
    foreground = cells[:FOREGROUND_CLASSES].sum()
    return [StatisticsRow(item.name, item.code, int(cells[index]), float(areas[index]),
                          float(100.0 * cells[index] / foreground) if index < FOREGROUND_CLASSES and foreground
                          else None)
            for index, item in enumerate(CLASSES)]


CorePatch = namedtuple('CorePatch', 'patch_id geometry cells area_ha')


@gdal_exceptions()
def core_patches(codes, connectivity, geotransform, crs_wkt, row_areas_ha):
    """One polygon per core patch (core cells connected with the foreground ``connectivity``), numbered from 1
    in raster order, with its cells and hectares; geometries are shapely, in the raster's CRS."""
    core = (codes & 16).astype(bool) & (codes != CODE_MISSING) & (codes != ENCLOSED_BACKGROUND)
    structure = np.ones((3, 3), bool) if connectivity == 8 else ndimage.generate_binary_structure(2, 1)
    labels, count = ndimage.label(core, structure)
    if not count:
        return []
    cells = np.bincount(labels.ravel(), minlength=count + 1)
    rows = np.broadcast_to(row_areas_ha[:, None], labels.shape)
    areas = np.bincount(labels.ravel(), weights=rows.ravel(), minlength=count + 1)
    shapes = polygonize_labels(labels, geotransform, crs_wkt, connectivity)
    return [CorePatch(patch_id, shapes[patch_id], int(cells[patch_id]), float(areas[patch_id]))
            for patch_id in range(1, count + 1)]


def polygonize_labels(labels, geotransform, crs_wkt, connectivity):
    """Shapely (multi)polygon of each label > 0 of an integer grid, along cell edges, by label."""
    rows, cols = labels.shape
    raster = gdal.GetDriverByName('MEM').Create('', cols, rows, 1, gdal.GDT_Int32)
    raster.SetGeoTransform(geotransform)
    band = raster.GetRasterBand(1)
    band.WriteArray(labels.astype(np.int32))
    mask_raster = gdal.GetDriverByName('MEM').Create('', cols, rows, 1, gdal.GDT_Byte)
    mask_band = mask_raster.GetRasterBand(1)
    mask_band.WriteArray((labels > 0).astype(np.uint8))
    source = ogr.GetDriverByName('Memory').CreateDataSource('')
    layer = source.CreateLayer('patches', None, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn('patch', ogr.OFTInteger))
    options = ['8CONNECTED=8'] if connectivity == 8 else []
    gdal.Polygonize(band, mask_band, layer, 0, options)
    pieces = {}
    for feature in layer:
        pieces.setdefault(feature.GetField(0), []).append(wkb.loads(bytes(feature.GetGeometryRef().ExportToWkb())))
    return {label: parts[0] if len(parts) == 1 else unary_union(parts) for label, parts in pieces.items()}
