"""GBF Target 3 indicators per region (docs/target3.md): the pieces the report assembles from the coverage, site,
habitat and ProtConn engines, and nothing they already compute.

Geometries are shapely geometries in one metric equal-area CRS (areas in m2); tables report km2 and percent.
"""

import numpy as np
import pandas as pd

from .coverage import coverage_timeline

TARGET_YEAR = 2030
"""The Kunming-Montreal framework's deadline for its targets (decision 15/4, Target 3: 30 % by 2030)."""
MIN_PART_M2 = 1.0
"""A realm or ecoregion part smaller than this (m2) inside a region is a sliver of reprojection, not a part."""


def split_by_realm(region, marine):
    """The two realms of Target 3's headline indicator 3.1 inside a region (docs/target3.md).

    Parameters
    ----------
    region : shapely polygonal geometry, equal-area metric CRS.
    marine : shapely polygonal geometry of the marine and coastal realm in the same CRS, or None (no marine realm:
        the whole region is terrestrial).

    Returns
    -------
    (terrestrial and inland-water part, marine and coastal part): the region outside and inside ``marine``; a part
    smaller than MIN_PART_M2 is None.

    >>> from shapely.geometry import box
    >>> [part.area for part in split_by_realm(box(0, 0, 10, 10), box(5, 0, 20, 10))]
    [50.0, 50.0]
    """
    if marine is None:
        return region, None
    land, sea = region.difference(marine), region.intersection(marine)
    return (land if land.area >= MIN_PART_M2 else None), (sea if sea.area >= MIN_PART_M2 else None)


def yearly_gain_needed(current_percent, target_percent, year, target_year=TARGET_YEAR):
    """The coverage a region must add each year to reach the target in time (docs/target3.md, trajectory).

    Parameters
    ----------
    current_percent, target_percent : float, percent of the region protected now and aimed at.
    year : int, the year of the data; target_year : int, the deadline (2030).

    Returns
    -------
    float or None: (target - current) / (target_year - year) percentage points a year; 0 when the target is met;
    None when ``year`` is not before ``target_year`` (no years are left to spread the gap over).

    >>> yearly_gain_needed(18.0, 30.0, 2024)
    2.0
    """
    if current_percent >= target_percent:
        return 0.0
    if year >= target_year:
        return None
    return (target_percent - current_percent) / (target_year - year)


def region_timeline(years, clipped, region_index, region_area_km2):
    """coverage.coverage_timeline of one region: ``clipped`` is coverage_from_pieces' triple over all regions and
    ``region_index`` the region's position in it."""
    part_ids, region_ids, areas = clipped
    keep = region_ids == region_index
    return coverage_timeline(years, (part_ids[keep], region_ids[keep], areas[keep]), region_area_km2)


def ecoregion_parts(region, ecoregions):
    """[(ecoregion key, its part inside ``region``)] for the ecoregions (list of (key, geometry)) reaching into the
    region by more than MIN_PART_M2."""
    parts = []
    for key, geometry in ecoregions:
        if geometry.intersects(region):
            part = geometry.intersection(region)
            if part.area >= MIN_PART_M2:
                parts.append((key, part))
    return parts


def site_figures(site_table, region_label):
    """(site count, mean protected_pct, % of sites fully protected) of the sites of sites.site_table in
    ``region_label`` (None: all sites); the two shares are None when the region holds no site."""
    members = site_table if region_label is None else site_table[site_table['region'] == region_label]
    if members.empty:
        return 0, None, None
    full = 100.0 * float((members['coverage_class'] == 'full').sum()) / len(members)
    return len(members), float(members['protected_pct'].mean()), full


INDICATOR_COLUMNS = ['region', 'indicator', 'subject', 'value', 'unit', 'statement']
COUNT = 'count'
POINTS_A_YEAR = 'points/year'
"""Units of the indicator table besides '%' and 'km2': a count, and percentage points of the region a year."""


def indicator_rows(region, rows):
    """A DataFrame of INDICATOR_COLUMNS for ``region`` from (indicator, subject, value, unit, statement) tuples;
    value None (no number: the statement says why) stays None, numbers become floats."""
    frame = pd.DataFrame([(region,) + tuple(row) for row in rows], columns=INDICATOR_COLUMNS)
    frame['value'] = pd.Series([None if value is None or np.isnan(float(value)) else float(value)
                                for value in frame['value']], dtype=object)
    return frame
