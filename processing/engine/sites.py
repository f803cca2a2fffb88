"""Site coverage (docs/target3.md): how much of each site (a Key Biodiversity Area, a stopover site, a monitoring
point) lies in protected areas, its coverage class, and the shares per group and region.

Geometries are shapely geometries in one metric equal-area CRS (areas in m2, distances in metres); the protected
areas are the disjoint pieces of coverage.flatten, so a site's protected area is counted once.
"""

import numpy as np
import pandas as pd

from .coverage import POINT_TYPES, build_tree, clipped_areas, query_indices
from .feedback import ensure as ensure_feedback

FULL_COVERAGE_PERCENT = 98.0
"""A site at least this much protected is fully protected (the KBA convention: 98 %, which absorbs the slivers
left where boundaries drawn at different scales meet)."""
FULL, PARTIAL, NONE = 'full', 'partial', 'none'
SUMMARY_COLUMNS = ['group', 'region', 'site_count', 'full_pct', 'partial_pct', 'none_pct', 'mean_protected_pct',
                   'weighted_pct']


def coverage_class(protected_pct):
    """'full' (>= FULL_COVERAGE_PERCENT), 'partial' (> 0) or 'none' for a site's protected share in percent."""
    if protected_pct >= FULL_COVERAGE_PERCENT:
        return FULL
    return PARTIAL if protected_pct > 0 else NONE


def point_protected_pct(point_geometry, pieces, tree, tolerance):
    """Percent of the points of a (multi)point site within ``tolerance`` metres of a protected piece (a point on a
    boundary is inside): 100 or 0 for a single point."""
    points = list(getattr(point_geometry, 'geoms', [point_geometry]))
    inside = 0
    for point in points:
        candidates = [] if tree is None else query_indices(tree, point.buffer(tolerance).envelope if tolerance > 0
                                                           else point)
        if any(pieces[index].distance(point) <= tolerance for index in candidates):
            inside += 1
    return 100.0 * inside / len(points) if points else 0.0


def site_protected_pct(sites, pieces, tolerance=0.0, feedback=None):
    """protected_pct of each site: the share (%) of a polygon site's area inside the protected ``pieces``, and for
    a point site 100 when it lies within ``tolerance`` metres of a protected area, else 0.

    Parameters
    ----------
    sites : list of shapely geometries (Point, MultiPoint, Polygon, MultiPolygon), equal-area metric CRS.
    pieces : list of disjoint protected Polygons in the same CRS (coverage.flatten's pieces).
    tolerance : float, metres; applies to point sites only.
    feedback : engine.feedback.Feedback, optional; a cancel raises messages.Canceled.

    Returns
    -------
    numpy array of percents (0..100), one per site.

    >>> from shapely.geometry import Point, box
    >>> site_protected_pct([box(0, 0, 10, 10), Point(5, 5), Point(7, 5), Point(8, 5)], [box(0, 0, 5, 10)], 2.0).tolist()
    [50.0, 100.0, 100.0, 0.0]
    """
    feedback = ensure_feedback(feedback)
    result = np.zeros(len(sites))
    polygon_indices = [index for index, site in enumerate(sites) if site.geom_type not in POINT_TYPES]
    tree = build_tree(pieces) if pieces else None
    for index, site in enumerate(sites):
        if site.geom_type in POINT_TYPES:
            if index % 500 == 0:
                feedback.check()
                feedback.report(0.5 * index / len(sites))
            result[index] = point_protected_pct(site, pieces, tree, tolerance)
    polygons = [sites[index] for index in polygon_indices]
    _, owners, areas = clipped_areas(pieces, polygons, feedback.part(0.5, 1.0))
    protected_m2 = np.bincount(owners, weights=areas, minlength=len(polygons)) if polygons else np.zeros(0)
    for position, index in enumerate(polygon_indices):
        area = sites[index].area
        result[index] = min(100.0, 100.0 * protected_m2[position] / area) if area > 0 else 0.0
    return result


def site_region(sites, regions):
    """The position in ``regions`` (polygons) of the region holding each site's representative point
    (point_on_surface), or -1 outside every region: a site spanning two regions counts once."""
    result = np.full(len(sites), -1, dtype=int)
    if not regions:
        return result
    tree = build_tree(regions)
    for index, site in enumerate(sites):
        anchor = site.representative_point()
        for candidate in sorted(query_indices(tree, anchor)):
            if regions[candidate].intersects(anchor):
                result[index] = candidate
                break
    return result


def site_table(protected_pct, groups=None, regions=None, weights=None):
    """Per site: protected_pct, coverage_class, group, region and weight (1 without weights)."""
    count = len(protected_pct)
    frame = pd.DataFrame({'protected_pct': np.asarray(protected_pct, dtype=float)})
    frame['coverage_class'] = [coverage_class(value) for value in frame['protected_pct']]
    frame['group'] = list(groups) if groups is not None else [None] * count
    frame['region'] = list(regions) if regions is not None else [None] * count
    frame['weight'] = np.asarray(weights, dtype=float) if weights is not None else np.ones(count)
    return frame


def summarise(sites):
    """One summary row of a site_table's rows: counts, shares per class, mean protected_pct and the weighted share
    sum(w protected_pct) / sum(w) (the share of the birds counted at stopover sites that are protected)."""
    count = len(sites)
    shares = {name: 100.0 * float((sites['coverage_class'] == name).sum()) / count if count else 0.0
              for name in (FULL, PARTIAL, NONE)}
    total_weight = float(sites['weight'].sum())
    weighted = float((sites['weight'] * sites['protected_pct']).sum()) / total_weight if total_weight > 0 else None
    return {'site_count': count, 'full_pct': shares[FULL], 'partial_pct': shares[PARTIAL], 'none_pct': shares[NONE],
            'mean_protected_pct': float(sites['protected_pct'].mean()) if count else 0.0, 'weighted_pct': weighted}


def site_summary(sites):
    """Per group and region (site_table's columns; None = no group field / no regions): summarise's figures, then
    one row for all sites (group and region None) when there is more than one group or region."""
    labels = list(zip(sites['group'], sites['region']))
    rows = []
    for group, region in dict.fromkeys(labels):
        members = sites[[label == (group, region) for label in labels]]
        rows.append(dict(group=group, region=region, **summarise(members)))
    if len(rows) > 1:
        rows.append(dict(group=None, region=None, **summarise(sites)))
    return pd.DataFrame(rows, columns=SUMMARY_COLUMNS)
