"""Pinchpoint Mapper: where the current of a corridor squeezes through (docs/restoration.md, "Pinch points";
McRae 2012, Pinchpoint Mapper; McRae et al. 2008 for circuit theory).

For each link A-B the landscape is cut to its corridor, the cells with NLCC_AB = CWD_A + CWD_B - LCD_AB at most
the cutoff (cost-weighted metres) plus the cells of both cores; the two cores are focal regions and a pairwise
circuit (engine.circuit.pairwise) gives the current through every corridor cell with 1 A between them and the
link's effective resistance. Corridor maps are mosaicked by maximum. The "all cores" variant grounds each core in
turn with every other core injecting 1 A over the whole landscape (engine.circuit.all_to_one) and sums the maps.
In both, the cores are NoData in the maps (Linkage Mapper's SETCORESTONULL).

Currents are in amperes and resistances in ohms of the unit-cell resistor network (Circuitscape's convention:
the cell size never scales them); the resistance raster is used as it is (NaN or <= 0: no node).
"""

from collections import namedtuple

import numpy as np

from . import circuit
from .link_selection import window_of
from .feedback import ensure as ensure_feedback
from .messages import EngineError, N_

PinchpointMaps = namedtuple('PinchpointMaps', 'current resistances')
"""``current``: float32 grid of the largest current over the links' corridors (NaN outside every corridor and on
the cores);
``resistances``: each link's effective resistance (ohms, NaN when its cores are not connected in its corridor)."""


def corridor_mask(surfaces, first, second, lcd, cutoff):
    """Cells of the corridor of link ``first``-``second`` (core indices of an engine.link_surfaces.CoreSurfaces):
    NLCC <= ``cutoff`` cost-weighted metres, and the cells of both cores."""
    with np.errstate(invalid='ignore'):
        mask = surfaces.surface(first) + surfaces.surface(second) - lcd <= cutoff
    for core in (first, second):
        mask.flat[surfaces.cells[core]] = True
    return mask


def link_current(resistance, mask, cells_a, cells_b, feedback=None):
    """(effective resistance, current grid of ``resistance``'s shape, NaN off the corridor) of one link: a
    pairwise circuit on the ``mask``ed cells with the flat cells ``cells_a`` and ``cells_b`` as focal regions,
    solved on the window holding the corridor only; ``feedback`` as in circuit.pairwise."""
    rows, cols = window_of(mask)
    focal = np.zeros(resistance.shape, dtype=np.int32)
    focal.flat[cells_a] = 1
    focal.flat[cells_b] = 2
    local = np.where(mask[rows, cols], resistance[rows, cols], np.nan)
    result = circuit.pairwise(circuit.Landscape(local), focal[rows, cols], feedback=feedback)
    current = np.full(resistance.shape, np.nan, dtype=np.float32)
    current[rows, cols] = result.cumulative
    return float(result.resistances[0, 1]), current


def pinchpoint_maps(surfaces, resistance, links, cutoff, feedback=None):
    """Pinch points of ``links`` ((first, second, LCD) with core indices of ``surfaces``) on ``resistance``
    (the grid of ``surfaces``), corridors cut at ``cutoff`` cost-weighted metres. Returns PinchpointMaps; a cutoff
    that is not a number >= 0 raises EngineError. ``feedback`` (engine.feedback.Feedback) hears the progress
    after each link; a cancel raises messages.Canceled."""
    if not cutoff >= 0:
        raise EngineError(N_('The CWD cutoff must be a number of cost-weighted metres >= 0 (got {value}).'),
                          value=cutoff)
    feedback = ensure_feedback(feedback)
    mosaic = np.full(resistance.shape, np.nan, dtype=np.float32)
    resistances = []
    for number, (first, second, lcd) in enumerate(links):
        mask = corridor_mask(surfaces, first, second, lcd, cutoff)
        effective, current = link_current(resistance, mask, surfaces.cells[first], surfaces.cells[second],
                                          feedback.silent())
        np.fmax(mosaic, current, out=mosaic)
        resistances.append(effective)
        feedback.report((number + 1) / len(links))
    return PinchpointMaps(without_cores(mosaic, surfaces.labels), resistances)


def all_cores_current(resistance, labels, feedback=None):
    """Cumulative all-to-one current over the whole ``resistance`` grid with every core of ``labels`` (0 none,
    k + 1 = core k) a focal region, float32 (NaN where there is no node and on the cores); ``feedback`` as in
    circuit.all_to_one."""
    result = circuit.all_to_one(circuit.Landscape(resistance), labels, feedback=feedback)
    return without_cores(result.cumulative.astype(np.float32), labels)


def without_cores(current, labels):
    """``current`` with the cells of every core (``labels`` > 0) set to NaN, as Linkage Mapper's Pinchpoint Mapper
    does: a core is a focal region, short-circuited, so all its current is the source's and would outshine the
    corridors' pinch points on any colour ramp."""
    current[labels > 0] = np.nan
    return current
