"""Checks of the regions coverage is measured in (no QGIS): regions must not overlap, as the totals add them up."""

from .coverage import envelope_pairs
from .messages import EngineError, N_

OVERLAP_TOLERANCE_SHARE = 1e-4
"""Overlaps smaller than this share of the smaller of two regions (0.01 %) are digitising slivers and ignored."""

SQUARE_METRES_PER_KM2 = 1e6


def overlapping_regions(geometries, tolerance_share=OVERLAP_TOLERANCE_SHARE):
    """The pairs of regions that overlap by more than a sliver.

    Parameters
    ----------
    geometries : list of shapely polygons
        The regions, in one metric CRS.
    tolerance_share : float
        Overlaps up to this share of the smaller region's area are ignored.

    Returns
    -------
    list of (int, int, float)
        (i, j, overlap area in m²) for each overlapping pair, i < j.
    """
    rows, columns = envelope_pairs(geometries)
    found = []
    for i, j in zip(rows.tolist(), columns.tolist()):
        if i >= j:
            continue
        first, second = geometries[i], geometries[j]
        if not first.relate_pattern(second, '2********'):  # interiors apart: neighbours that only touch
            continue
        overlap = first.intersection(second).area
        if overlap > tolerance_share * min(first.area, second.area):
            found.append((i, j, overlap))
    return found


def require_disjoint_regions(geometries, names, layer_name):
    """Raise an EngineError naming the first two regions that overlap.

    Parameters
    ----------
    geometries : list of shapely polygons
        The regions, in one metric CRS.
    names : list of str
        The regions' names for the message, in the same order.
    layer_name : str
        The regions layer, for the message.

    Raises
    ------
    EngineError
        When two regions overlap by more than OVERLAP_TOLERANCE_SHARE of the smaller one.
    """
    overlaps = overlapping_regions(geometries)
    if overlaps:
        i, j, area = overlaps[0]
        raise EngineError(
            N_('Regions "{first}" and "{second}" of layer "{layer}" overlap by {area:.3f} km² ({count} overlapping '
               'pairs in all): the totals would count the overlap twice. Give regions that do not overlap (one '
               'layer per level, e.g. provinces or ecoregions), or run once per region.'),
            first=names[i], second=names[j], layer=layer_name, area=area / SQUARE_METRES_PER_KM2,
            count=len(overlaps))
