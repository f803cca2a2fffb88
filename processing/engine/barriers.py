"""Barrier Mapper: where restoring a small circle of land cuts a link's least-cost distance the most
(docs/restoration.md, "Barriers"; McRae et al. 2012, PLoS ONE 7:e52604).

For a link A-B with least-cost distance LCD and a disk of radius r (metres) around a cell x, restoring the disk to
resistance R lets a path reach the disk from A at min_disk CWD_A, cross it (2 r at R) and leave it for B at
min_disk CWD_B. The improvement score is IS_r(x) = max(0, LCD - (min_disk CWD_A + min_disk CWD_B + 2 r R)),
reported as is (cost-weighted metres), as a percentage of LCD, or per metre restored (IS_r / 2 r). Each radius
gives a map, links are mosaicked by maximum, and the maximum over radii sums the radii up.

The moving-window minimum over a disk is built from one-dimensional minimum filters (scipy.ndimage): a disk is
the union of its rows, each a horizontal run of cells, so its minimum is the minimum, over its row offsets, of
the row-wise running minimum of the matching half-width shifted by that offset. Time grows with the radius in
cells times the grid, not with the area of the disk; memory holds three float32 copies of the grid besides the
cost surfaces.

Grids are row-major, row 0 at the top, cells ``cell_width`` x ``cell_height`` metres (a projected CRS in metres).
Cost surfaces are in cost-weighted metres (resistance x metres, engine.costdistance).
"""

import math
from collections import namedtuple

import numpy as np
from scipy import ndimage

from .feedback import ensure as ensure_feedback
from .messages import EngineError, N_
from .raster import compact_float, widened

IMPROVEMENT, PERCENT, PER_UNIT_DISTANCE = range(3)
"""SCORE: improvement in cost-weighted metres, as a percentage of the link's LCD, or per metre restored."""

BarrierMaps = namedtuple('BarrierMaps', 'maximum by_radius radii')
"""``maximum``: float32 grid (float64 when a score is beyond float32's range, raster.float_type_for) of the largest
score over radii and links (NaN where no link reaches);
``by_radius``: one such grid per radius (none when not kept); ``radii``: the radii in metres."""


def radii_between(minimum, maximum, step):
    """The radii from ``minimum`` to ``maximum`` metres by ``step`` (both ends included, within 1e-9 of a step).

    Raises EngineError for a radius <= 0, a maximum below the minimum or a step <= 0 when several radii."""
    values = {'minimum': minimum, 'maximum': maximum, 'step': step}
    if any(value is None or not math.isfinite(value) for value in values.values()):
        raise EngineError(N_('The radii must be numbers (minimum {minimum}, maximum {maximum}, step {step}).'),
                          **values)
    if minimum <= 0 or maximum < minimum:
        raise EngineError(N_('The radii must be positive with the maximum ({maximum} m) at least the minimum '
                             '({minimum} m).'), **values)
    if maximum == minimum:
        return [float(minimum)]
    if step <= 0:
        raise EngineError(N_('The radius step must be positive (got {step} m).'), **values)
    count = int(math.floor((maximum - minimum) / step + 1e-9)) + 1
    return [float(minimum + index * step) for index in range(count)]


def disk_minimum(surface, radius, cell_width, cell_height):
    """The minimum of ``surface`` over the cells whose centre lies within ``radius`` metres of each cell's centre.

    Parameters
    ----------
    surface : ndarray
        2-D float array (inf for cells that do not count).
    radius : float
        Radius of the disk in metres (a radius below a cell keeps each cell's own value).
    cell_width, cell_height : float
        Cell size in metres.

    Returns
    -------
    ndarray
        Same shape and dtype; cells beyond the grid do not count.
    """
    rows, cols = surface.shape
    # offsets beyond the grid's rows and half-widths beyond its columns add nothing: a disk larger than the grid
    # costs no more than the grid (at most ``cols`` filter passes), whatever the radius
    reach = min(int(math.floor(radius / cell_height + 1e-9)), rows - 1)
    offsets_by_half_width = {}
    for offset in range(-reach, reach + 1):
        across = math.sqrt(max(radius ** 2 - (offset * cell_height) ** 2, 0.0))
        half_width = min(int(math.floor(across / cell_width + 1e-9)), cols - 1)
        offsets_by_half_width.setdefault(half_width, []).append(offset)
    result = np.full(surface.shape, np.inf, dtype=surface.dtype)
    for half_width, offsets in offsets_by_half_width.items():
        row_minimum = ndimage.minimum_filter1d(surface, 2 * half_width + 1, axis=1, mode='constant', cval=np.inf)
        for offset in offsets:
            if offset >= 0:
                np.minimum(result[:rows - offset], row_minimum[offset:], out=result[:rows - offset])
            else:
                np.minimum(result[-offset:], row_minimum[:rows + offset], out=result[-offset:])
    return result


def improvement_score(lcd, disk_a, disk_b, radius, restored_resistance, score):
    """The score of one link at one radius from the disk minima of its two surfaces (NaN where a disk reaches
    neither core's surface); float32 unless a score is beyond its range (raster.float_type_for: float64 then)."""
    restored = disk_a.astype(np.float64) + disk_b
    restored += 2.0 * radius * restored_resistance
    with np.errstate(invalid='ignore'):
        gain = np.maximum(lcd - restored, 0.0)
    gain[~np.isfinite(restored)] = np.nan
    if score == PERCENT:
        gain *= 100.0 / lcd
    elif score == PER_UNIT_DISTANCE:
        gain /= 2.0 * radius
    return compact_float(gain)


def barrier_maps(surfaces, links, cell_size, radii, restored_resistance=1.0, score=IMPROVEMENT, feedback=None,
                 keep_each=True):
    """Barrier Mapper's score maps for ``links`` (see the module docstring).

    Parameters
    ----------
    surfaces : callable
        ``surfaces(core)`` returns CWD_core, the accumulated cost from a core (cost-weighted metres, inf where
        unreachable), for every core named in ``links``.
    links : list of (core, core, float)
        Each link's two cores and its least-cost distance LCD (cost-weighted metres, > 0).
    cell_size : (float, float)
        Cell width and height in metres.
    radii : list of float
        Radii in metres (``radii_between``).
    restored_resistance : float
        Resistance of restored cells (> 0), per metre.
    score : int
        IMPROVEMENT, PERCENT or PER_UNIT_DISTANCE.
    feedback : engine.feedback.Feedback, optional
        Hears the progress; a cancel stops the run with messages.Canceled.
    keep_each : bool
        Keep one map per radius (4 bytes per cell each); without it ``by_radius`` is empty and the run holds only
        the maximum and the radius being scored, however many radii.

    Returns
    -------
    BarrierMaps
    """
    if not (restored_resistance > 0 and math.isfinite(restored_resistance)):
        raise EngineError(N_('The restored resistance must be a positive number (got {value}).'),
                          value=restored_resistance)
    feedback = ensure_feedback(feedback)
    by_radius, maximum = [], None
    steps, done = len(radii) * len(links), 0
    for radius in radii:
        mosaic = None
        for first, second, lcd in links:
            feedback.check()
            disk_a = disk_minimum(surfaces(first), radius, *cell_size)
            disk_b = disk_minimum(surfaces(second), radius, *cell_size)
            scores = improvement_score(lcd, disk_a, disk_b, radius, restored_resistance, score)
            if mosaic is None:
                mosaic = scores
            else:
                mosaic = widened(mosaic, scores.dtype)
                np.fmax(mosaic, scores, out=mosaic)
            done += 1
            feedback.report(done / steps)
        if keep_each:
            by_radius.append(mosaic)
        if maximum is None:
            maximum = mosaic.copy()
        else:
            maximum = widened(maximum, mosaic.dtype)
            np.fmax(maximum, mosaic, out=maximum)
    return BarrierMaps(maximum, by_radius, list(radii))
