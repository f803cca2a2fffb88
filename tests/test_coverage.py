"""Protected-area coverage (docs/coverage.md): the engine on hand-computed cases, and
reserveplanner:protectedcoverage as users run it.

Expected values are computed by hand (areas of squares, triangles and circles in metres), by symmetry on the
ellipsoid (a region split along a meridian into equal halves), or with QgsDistanceArea on the ellipsoid, never
copied from the algorithm's output.
"""

import math
import os
import re
from functools import partial

import numpy as np
import processing
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from osgeo import ogr
from qgis.core import (
    QgsApplication,
    QgsGraduatedSymbolRenderer,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingFeedback,
    QgsProcessingOutputLayerDefinition,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate
from shapely.geometry import MultiPolygon, Point, Polygon, box

from coverage_layers import ellipsoidal_km2, quadrangle
from reserve_planner.processing import qgis_io
from reserve_planner.processing.engine import coverage
from strategies import rectangles
from support import RecordingFeedback, geopackage, memory_layer, run
from reserve_planner.processing.compat import WkbType

LAEA_EUROPE = 'EPSG:3035'
"""ETRS89 / LAEA Europe: an equal-area CRS in metres, so hand-computed areas hold after our reprojection."""
X0, Y0 = 4321000.0, 3210000.0
WDPA_FIELDS = 'field=STATUS:string&field=DESIG_ENG:string&field=STATUS_YR:integer&field=REP_AREA:double'
DESIGNATED = ['Designated', 'National Park', 2000, None]


# --- helpers --------------------------------------------------------------------------------------------------

def square_wkt(x, y, side):
    return box(x, y, x + side, y + side).wkt


def protected_layer(rows, name='wdpa', crs=LAEA_EUROPE, geometry_type='Polygon'):
    return memory_layer(name, geometry_type, crs, WDPA_FIELDS, rows)


def region_layer(rows, crs=LAEA_EUROPE, field='name'):
    return memory_layer('regions', 'Polygon', crs, 'field={}:string'.format(field), rows)


run_coverage = partial(run, 'protectedcoverage', temporary_outputs=('OUTPUT', 'OUTPUT_FLAT'))
"""processing.run of reserveplanner:protectedcoverage, both layers temporary outputs unless given."""


def rows_by_region(layer, field='name'):
    return {feature[field]: feature for feature in layer.getFeatures()}


def engine_layer(name, rows, fields=('STATUS', 'DESIG_ENG', 'STATUS_YR', 'REP_AREA')):
    """An engine ProtectedLayer from (shapely geometry, attribute dict) rows."""
    areas = [coverage.ProtectedArea(index + 1, geometry, attributes) for index, (geometry, attributes) in
             enumerate(rows)]
    return coverage.ProtectedLayer(name, set(fields), areas)


def designated(year=2000, **extra):
    return dict({'STATUS': 'Designated', 'DESIG_ENG': 'National Park', 'STATUS_YR': year}, **extra)


def protected_km2(layers, region, options=coverage.CleaningOptions()):
    polygons, notes = coverage.clean_protected_areas(layers, options)
    flat = coverage.flatten(polygons, options.dissolve)
    frame, _ = coverage.coverage_from_pieces(flat.pieces, [('r', region)])
    return frame['protected_km2'][0], notes


REGION = box(0, 0, 10000, 10000)
"""100 km2."""


# --- engine: hand-computed cleaning and dissolve ----------------------------------------------------------------

def test_nested_duplicated_and_partly_overlapping_areas_count_once():
    layer = engine_layer('wdpa', [
        (box(0, 0, 2000, 2000), designated()),            # 4 km2
        (box(500, 500, 1000, 1000), designated()),        # nested in it
        (box(0, 0, 2000, 2000), designated()),            # its duplicate
        (box(5000, 0, 7000, 1000), designated()),         # 2 km2
        (box(6000, 0, 8000, 1000), designated()),         # overlaps the previous by 1 km2: +1 km2
    ])
    area, _ = protected_km2([layer], REGION)
    assert area == pytest.approx(4.0 + 2.0 + 1.0)


def test_overlap_summary_says_how_much_was_removed():
    polygons = [coverage.DatedPolygon(box(0, 0, 2000, 1000), 2000),
                coverage.DatedPolygon(box(1000, 0, 3000, 1000), 2001)]
    flat = coverage.flatten(polygons)
    line = coverage.overlap_note(polygons, flat)
    assert line.params['before'] == pytest.approx(4.0)
    assert line.params['after'] == pytest.approx(3.0)
    assert line.params['removed'] == pytest.approx(1.0)


def test_without_dissolve_overlaps_count_twice():
    layer = engine_layer('wdpa', [(box(0, 0, 2000, 1000), designated()), (box(1000, 0, 3000, 1000), designated())])
    area, _ = protected_km2([layer], REGION, coverage.CleaningOptions(dissolve=False))
    assert area == pytest.approx(4.0)


def test_bow_tie_is_repaired_into_its_two_triangles():
    bow_tie = Polygon([(0, 0), (1000, 1000), (1000, 0), (0, 1000)])
    layer = engine_layer('wdpa', [(bow_tie, designated())])
    area, notes = protected_km2([layer], REGION)
    assert area == pytest.approx(0.5)  # two triangles of base 1000 m and height 500 m
    assert any(item.template.startswith('Geometry repair') and item.params['count'] == 1 for item in notes)


def test_bow_tie_is_left_out_and_reported_when_repair_is_switched_off():
    bow_tie = Polygon([(0, 0), (1000, 1000), (1000, 0), (0, 1000)])
    layer = engine_layer('wdpa', [(bow_tie, designated()), (box(5000, 5000, 6000, 6000), designated())])
    area, notes = protected_km2([layer], REGION, coverage.CleaningOptions(repair=False))
    assert area == pytest.approx(1.0)
    assert any('switched off' in item.template and item.params['ids'] == 'wdpa:1' for item in notes)


def test_points_become_circles_of_their_reported_area_and_points_without_area_are_dropped():
    layer = engine_layer('wdpa', [
        (Point(3000, 3000), designated(REP_AREA=2.5)),
        (Point(7000, 7000), designated(REP_AREA=None)),
        (Point(8000, 2000), designated(REP_AREA=0)),
    ])
    polygons, notes = coverage.clean_protected_areas([layer])
    assert len(polygons) == 1
    circle = polygons[0].geometry
    assert circle.area == pytest.approx(2.5e6, rel=1e-9)
    # around the ideal circle of radius sqrt(REP_AREA * 1e6 / pi): the 64-gon's vertices lie a little outside it
    radius = math.sqrt(2.5e6 / math.pi)
    assert radius < circle.exterior.hausdorff_distance(Point(3000, 3000)) < radius * 1.002
    assert circle.exterior.distance(Point(3000, 3000)) < radius
    dropped = [item for item in notes if 'without a reported area' in item.template]
    assert dropped and dropped[0].params['count'] == 2 and dropped[0].params['ids'] == 'wdpa:2, wdpa:3'


def test_a_multipoint_shares_its_reported_area_among_its_points():
    layer = engine_layer('wdpa', [(Point(0, 0).union(Point(5000, 5000)), designated(REP_AREA=3.0))])
    polygons, _ = coverage.clean_protected_areas([layer])
    assert polygons[0].geometry.area == pytest.approx(3e6)
    assert len(polygons[0].geometry.geoms) == 2


def test_points_are_dropped_and_counted_when_circles_are_switched_off():
    layer = engine_layer('wdpa', [(Point(3000, 3000), designated(REP_AREA=2.5))])
    polygons, notes = coverage.clean_protected_areas([layer], coverage.CleaningOptions(points_as_circles=False))
    assert polygons == []
    assert any('switched off' in item.template and item.params['count'] == 1 for item in notes)


@pytest.mark.parametrize('status, kept', [
    ('Designated', True), ('Inscribed', True), ('Established', True), ('designated ', True),
    ('Proposed', False), ('Not Reported', False), ('Adopted', False), (None, False)])
def test_status_filter(status, kept):
    layer = engine_layer('wdpa', [(box(0, 0, 1000, 1000), dict(designated(), STATUS=status))])
    area, notes = protected_km2([layer], REGION)
    assert area == pytest.approx(1.0 if kept else 0.0)
    if not kept:
        assert any(item.template.startswith('Status filter') for item in notes)
    no_filter, _ = protected_km2([layer], REGION, coverage.CleaningOptions(status_filter=False))
    assert no_filter == pytest.approx(1.0)


def test_a_null_or_empty_status_is_counted_as_missing_not_as_not_reported():
    """A NULL, empty or blank STATUS is removed by the status filter, as wdpar's ``STATUS %in% c(...)`` removes NA,
    but the log counted it among STATUS "Not Reported", a value WDPA itself uses: it has its own line now."""
    layer = engine_layer('wdpa', [(box(0, 0, 1000, 1000), designated(STATUS=status))
                                  for status in (None, '', '  ', 'Not Reported')])
    polygons, notes = coverage.clean_protected_areas([layer])
    assert polygons == []
    lines = [item.template.format(**item.params) for item in notes if item.template.startswith('Status filter')]
    assert lines == ['Status filter: 1 areas with STATUS "Not Reported" removed (e.g. wdpa:4).',
                     'Status filter: 3 areas without a STATUS (NULL or empty) removed (e.g. wdpa:1, wdpa:2, wdpa:3).']


@pytest.mark.parametrize('designation', ['UNESCO-MAB Biosphere Reserve', 'Biosphere Reserve', 'unesco-mab'])
def test_unesco_mab_designations_are_excluded_by_default(designation):
    layer = engine_layer('wdpa', [(box(0, 0, 1000, 1000), designated(DESIG_ENG=designation)),
                                  (box(2000, 0, 4000, 1000), designated())])
    area, notes = protected_km2([layer], REGION)
    assert area == pytest.approx(2.0)
    assert any(item.template.startswith('UNESCO-MAB') and item.params['count'] == 1 for item in notes)
    included, _ = protected_km2([layer], REGION, coverage.CleaningOptions(exclude_mab=False))
    assert included == pytest.approx(3.0)


def test_a_zoning_layer_counts_only_its_core_zones():
    zoning = engine_layer('reserve', [(box(0, 0, 1000, 1000), {'zone': 'core'}),
                                      (box(1000, 0, 3000, 1000), {'zone': 'buffer'}),
                                      (box(3000, 0, 6000, 1000), {'zone': 3})], fields=('zone',))
    area, notes = protected_km2([zoning], REGION)
    assert area == pytest.approx(1.0)
    assert any(item.template.startswith('Zoning layers') and item.params['count'] == 2 for item in notes)


def test_a_layer_without_wdpa_fields_is_kept_whole_and_the_notes_say_why():
    own = engine_layer('my reserves', [(box(0, 0, 1000, 1000), {})], fields=('name',))
    area, notes = protected_km2([own], REGION)
    assert area == pytest.approx(1.0)
    said = ' '.join(item.template for item in notes)
    assert 'no STATUS field' in said and 'no DESIG_ENG field' in said and 'no STATUS_YR field' in said


def test_null_geometries_are_counted_not_silently_dropped():
    layer = engine_layer('wdpa', [(None, designated()), (box(0, 0, 1000, 1000), designated())])
    area, notes = protected_km2([layer], REGION)
    assert area == pytest.approx(1.0)
    assert any('without a geometry' in item.template and item.params['ids'] == 'wdpa:1' for item in notes)


# --- engine: coverage per region, targets, timeline -------------------------------------------------------------

def test_coverage_by_region_clips_to_each_region_and_leaves_unprotected_regions_at_zero():
    protected = MultiPolygon([box(0, 0, 1000, 1000), box(1500, 0, 2500, 1000)])
    regions = [('west', box(0, 0, 2000, 1000)), ('east', box(2000, 0, 4000, 1000)), ('north', box(0, 5000, 10, 5010))]
    frame = coverage.coverage_by_region(protected, regions)
    assert frame['region'].tolist() == ['west', 'east', 'north']
    assert frame['area_km2'].tolist() == pytest.approx([2.0, 2.0, 0.0001])
    assert frame['protected_km2'].tolist() == pytest.approx([1.5, 0.5, 0.0])
    assert frame['percent'].tolist() == pytest.approx([75.0, 25.0, 0.0])


def test_gap_to_target_meets_target_and_representativeness():
    frame = coverage.coverage_by_region(box(0, 0, 300, 1000), [
        ('a', box(0, 0, 1000, 1000)), ('b', box(0, 0, 600, 1000)), ('c', box(5000, 0, 6000, 1000))])
    frame = coverage.add_target(frame, 30.0)
    assert frame['percent'].tolist() == pytest.approx([30.0, 50.0, 0.0])
    assert frame['meets_target'].tolist() == [True, True, False]
    assert frame['gap_km2'].tolist() == pytest.approx([0.0, 0.0, 0.3])
    score = coverage.representativeness(frame, 30.0)
    assert (score.region_count, score.meeting_target, score.unprotected) == (3, 2, 1)
    assert score.share_percent == pytest.approx(200.0 / 3)


def test_empty_inputs_give_empty_or_zero_results():
    assert coverage.clean_protected_areas([]) == ([], [])
    flat = coverage.flatten([])
    assert flat.pieces == [] and flat.units == []
    frame = coverage.coverage_by_region(Polygon(), [('a', box(0, 0, 1000, 1000))])
    assert frame['protected_km2'].tolist() == [0.0] and frame['percent'].tolist() == [0.0]
    assert coverage.coverage_by_region(box(0, 0, 1, 1), []).empty


def test_timeline_counts_each_area_from_its_earliest_year():
    polygons = [coverage.DatedPolygon(box(0, 0, 1000, 1000), 1990),       # 1 km2 in 1990
                coverage.DatedPolygon(box(500, 0, 1500, 1000), 2005),     # half new: +0.5 km2 in 2005
                coverage.DatedPolygon(box(0, 0, 1000, 1000), 2010),       # nothing new
                coverage.DatedPolygon(box(3000, 0, 4000, 1000), None)]    # 1 km2 without a year
    flat = coverage.flatten(polygons, by_year=True)
    frame, clipped = coverage.coverage_from_pieces(flat.pieces, [('r', REGION)])
    assert frame['protected_km2'][0] == pytest.approx(2.5)
    timeline, undated = coverage.coverage_timeline(flat.years, clipped, 100.0)
    assert timeline['year'].tolist() == [1990, 2005]
    assert timeline['added_km2'].tolist() == pytest.approx([1.0, 0.5])
    assert timeline['protected_km2'].tolist() == pytest.approx([1.0, 1.5])
    assert timeline['percent'].tolist() == pytest.approx([1.0, 1.5])
    assert undated == pytest.approx(1.0)


boxes = rectangles(90, 1, 60, scale=100, integers=True)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(boxes, st.one_of(st.none(), st.integers(1950, 1960))), min_size=2, max_size=14))
def test_each_year_owns_what_no_earlier_year_protects(rows):
    """The erase in year order, written out: the land first protected in year y is the union of the areas of
    year y minus the union of all areas of earlier years (areas without a year last)."""
    polygons = [coverage.DatedPolygon(geometry, year) for geometry, year in rows]
    flat = coverage.flatten(polygons, by_year=True)
    owned = {}
    for piece, year in zip(flat.pieces, flat.years):
        owned[year] = owned.get(year, 0.0) + piece.area
    order = sorted({year for _, year in rows}, key=lambda year: (year is None, year or 0))
    for index, year in enumerate(order):
        mine = MultiPolygon([geometry for geometry, other in rows if other == year]).buffer(0)
        earlier = [geometry for geometry, other in rows if other in order[:index]]
        expected = mine.difference(MultiPolygon(earlier).buffer(0)).area if earlier else mine.area
        assert owned.get(year, 0.0) == pytest.approx(expected, abs=1e-6), year
    assert sum(unit.area for unit in flat.units) == pytest.approx(
        MultiPolygon([geometry for geometry, _ in rows]).buffer(0).area)


@settings(max_examples=60, deadline=None)
@given(st.lists(boxes, max_size=12), st.lists(boxes, min_size=1, max_size=4))
def test_coverage_never_exceeds_100_percent_and_matches_a_plain_union(protected, regions):
    polygons = [coverage.DatedPolygon(geometry, 2000) for geometry in protected]
    flat = coverage.flatten(polygons)
    frame, _ = coverage.coverage_from_pieces(flat.pieces, [(index, geometry) for index, geometry in enumerate(regions)])
    assert ((frame['percent'] >= 0) & (frame['percent'] <= 100 + 1e-9)).all()
    union = MultiPolygon(protected).buffer(0) if protected else Polygon()
    expected = [union.intersection(region).area / 1e6 for region in regions]
    assert frame['protected_km2'].tolist() == pytest.approx(expected, abs=1e-9)


# --- engine: coverage per IUCN category, wdpar's priority erase (docs/coverage.md) --------------------------

def categorised(rows, regions, dissolve=True):
    """category_coverage and the coverage table of (geometry, IUCN_CAT, STATUS_YR) rows cleaned like WDPA rows."""
    layer = engine_layer('wdpa', [(geometry, designated(year, IUCN_CAT=category)) for geometry, category, year in rows],
                         fields=('STATUS', 'DESIG_ENG', 'STATUS_YR', 'IUCN_CAT'))
    polygons, _ = coverage.clean_protected_areas([layer])
    flat = coverage.flatten(polygons, dissolve, by_category=True)
    frame, clipped = coverage.coverage_from_pieces(flat.categorised.pieces, regions)
    return coverage.category_coverage(frame, clipped, flat.categorised.categories), frame, flat


def category_rows(table):
    return [(row.region, row.iucn_cat, pytest.approx(row.area_km2), pytest.approx(row.percent))
            for row in table.itertuples()]


def test_the_overlap_of_categories_ii_and_v_goes_to_ii_even_when_v_is_older():
    table, frame, _ = categorised([(box(0, 0, 2000, 1000), 'V', 1990),       # 2 km2, first in the layer
                                   (box(1000, 0, 3000, 1000), 'II', 2010)],  # 2 km2, overlapping V by 1 km2
                                  [('r', REGION)])
    assert category_rows(table) == [('r', 'II', 2.0, 2.0), ('r', 'V', 1.0, 1.0)]   # of 100 km2
    assert frame['protected_km2'][0] == pytest.approx(3.0)


def test_the_overlap_of_equal_categories_goes_to_the_earlier_status_year():
    _table, _frame, flat = categorised([(box(0, 0, 2000, 1000), 'IV', 2010),
                                        (box(1000, 0, 3000, 1000), 'IV', 1995),
                                        (box(2500, 0, 3500, 1000), 'IV', 0)],     # year not reported: last
                                       [('r', REGION)])
    owned = {}
    for piece, year in zip(flat.categorised.pieces, flat.categorised.years):
        owned[year] = owned.get(year, 0.0) + piece.area / 1e6
    assert owned == {1995: pytest.approx(2.0), 2010: pytest.approx(1.0), None: pytest.approx(0.5)}
    assert set(flat.categorised.categories) == {'IV'}


def test_a_nested_ia_inside_vi_keeps_its_area_whatever_the_case_of_iucn_cat():
    table, _, _ = categorised([(box(0, 0, 4000, 4000), 'vi', 1950),          # 16 km2
                               (box(1000, 1000, 3000, 3000), 'IA', 2000),     # 4 km2 inside it
                               (box(5000, 0, 6000, 1000), None, 2000),        # 1 km2 without a category
                               (box(7000, 0, 8000, 1000), 'Category 2', 2000)],  # 1 km2, not a WDPA value
                              [('r', REGION)])
    assert category_rows(table) == [('r', 'Ia', 4.0, 4.0), ('r', 'VI', 12.0, 12.0), ('r', 'Not Reported', 2.0, 2.0)]


def test_a_region_split_divides_each_category_between_the_regions():
    west, east = box(0, 0, 1500, 1000), box(1500, 0, 4000, 1000)    # 1.5 km2 and 2.5 km2
    table, _, _ = categorised([(box(0, 0, 2000, 1000), 'V', 2000), (box(1000, 0, 3000, 1000), 'II', 2000)],
                              [('west', west), ('east', east)])
    # II owns x 1000..3000: 0.5 km2 west, 1.5 km2 east; V keeps x 0..1000, all west.
    assert category_rows(table) == [('west', 'II', 0.5, 100 * 0.5 / 1.5), ('west', 'V', 1.0, 100 * 1.0 / 1.5),
                                    ('east', 'II', 1.5, 60.0)]


categories = st.sampled_from(['Ia', 'ib', 'II', 'iii', 'IV', 'v', 'VI', 'Not Assigned', None])


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(boxes, categories, st.integers(1990, 2000)), max_size=10),
       st.lists(boxes, min_size=1, max_size=3), st.booleans())
def test_categories_of_a_region_add_up_to_its_protected_area(rows, regions, dissolve):
    table, frame, _ = categorised(rows, list(enumerate(regions)), dissolve)
    sums = table.groupby('region')['area_km2'].sum().to_dict()  # label look-ups (pandas 2.2 warns on Series.get(0))
    for region, protected in zip(frame['region'], frame['protected_km2']):
        assert sums.get(region, 0.0) == pytest.approx(protected, rel=1e-12, abs=1e-12)
    assert (table['area_km2'] > 0).all()


# --- reserveplanner:protectedcoverage ---------------------------------------------------------------------------

def chinese_regions():
    """Two 2 x 2 degree CGCS2000 provinces with Chinese names in a Chinese field."""
    return region_layer([(quadrangle(110, 22, 112, 24), ['广东']), (quadrangle(112, 22, 114, 24), ['云南'])],
                        crs='EPSG:4490', field='名称')


def test_cgcs2000_regions_and_wgs84_protected_areas_together(qgis_app):
    protected = protected_layer([
        (quadrangle(110, 22, 111, 24), ['Designated', 'National Park', 1990, None]),          # west half of 广东
        (quadrangle(110.5, 22, 111.5, 24), ['Designated', 'Nature Reserve', 2000, None]),     # + a quarter
        (quadrangle(112, 22, 114, 24), ['Designated', 'UNESCO-MAB Biosphere Reserve', 2001, None]),
        (quadrangle(112, 22, 114, 24), ['Proposed', 'National Park', 2020, None]),
    ], crs='EPSG:4326')
    feedback = RecordingFeedback()
    result = run_coverage(feedback, PROTECTED=[protected], REGIONS=chinese_regions(), REGION_FIELD='名称')
    rows = rows_by_region(result['OUTPUT'], '名称')
    province = ellipsoidal_km2(quadrangle(110, 22, 112, 24), 'EPSG:4490')
    assert rows['广东']['area_km2'] == pytest.approx(province, rel=1e-4)
    assert rows['广东']['percent'] == pytest.approx(75.0, abs=0.01)     # equal longitude bands have equal areas
    assert rows['广东']['meets_target'] and not rows['云南']['meets_target']
    assert rows['云南']['percent'] == 0.0
    assert rows['云南']['gap_km2'] == pytest.approx(0.3 * rows['云南']['area_km2'])
    assert result['REGION_COUNT'] == 2 and result['REGIONS_MEETING_TARGET'] == 1
    assert result['REPRESENTATIVENESS'] == pytest.approx(50.0)
    assert result['UNPROTECTED_REGIONS'] == 1
    assert result['PROTECTED_PERCENT'] == pytest.approx(37.5, abs=0.01)
    assert result['OUTPUT'].crs().authid() == 'EPSG:4490'
    assert result['OUTPUT_FLAT'].crs().authid() == 'EPSG:4326' and result['OUTPUT_FLAT'].featureCount() == 1
    log = '\n'.join(feedback.lines)
    assert 'STATUS "Proposed" removed' in log and 'UNESCO-MAB Biosphere Reserve designations: 1 areas removed' in log


def test_without_regions_one_row_covers_the_extent_of_the_protected_areas(qgis_app):
    protected = protected_layer([(square_wkt(X0, Y0, 1000), DESIGNATED),
                                 (square_wkt(X0 + 3000, Y0 + 1000, 1000), DESIGNATED)])
    result = run_coverage(PROTECTED=[protected])
    rows = list(result['OUTPUT'].getFeatures())
    assert len(rows) == 1
    assert rows[0]['area_km2'] == pytest.approx(8.0, rel=1e-5)   # the 4 km x 2 km enclosing rectangle
    assert rows[0]['percent'] == pytest.approx(25.0, rel=1e-5)


def test_points_with_reported_area_and_several_layers_in_different_crss(qgis_app):
    points = memory_layer('points', 'Point', LAEA_EUROPE, WDPA_FIELDS, [
        (Point(X0 + 5000, Y0 + 5000).wkt, ['Designated', 'Ramsar Site', 1999, 3.0]),
        (Point(X0 + 2000, Y0 + 2000).wkt, ['Designated', 'Ramsar Site', 1999, None])])
    polygons = protected_layer([(square_wkt(X0, Y0, 1000), DESIGNATED)])
    regions = region_layer([(square_wkt(X0, Y0, 10000), ['r'])])
    feedback = RecordingFeedback()
    result = run_coverage(feedback, PROTECTED=[polygons, points], REGIONS=regions, REGION_FIELD='name')
    row = rows_by_region(result['OUTPUT'])['r']
    assert row['protected_km2'] == pytest.approx(4.0, rel=1e-4)
    assert any('without a reported area (REP_AREA) removed' in line for line in feedback.lines)


def test_lower_case_wdpa_fields_and_geographic_points(qgis_app):
    points = memory_layer('points', 'Point', 'EPSG:4326', 'field=status:string&field=rep_area:double', [
        ('POINT(110 22)', ['Designated', 100.0]), ('POINT(111 22)', ['Proposed', 50.0])])
    result = run_coverage(PROTECTED=[points])
    assert [feature['area_km2'] for feature in result['OUTPUT_FLAT'].getFeatures()] == [pytest.approx(100.0)]


def test_cancelled_run_writes_nothing(qgis_app, tmp_path):
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    output = tmp_path / 'coverage.gpkg'
    with pytest.raises(QgsProcessingException, match='cancelled; no output was written'):
        run_coverage(feedback, PROTECTED=[protected_layer([(square_wkt(X0, Y0, 1000), DESIGNATED)])],
                     OUTPUT=str(output), OUTPUT_FLAT=str(tmp_path / 'flat.gpkg'))
    assert not output.exists() and not (tmp_path / 'flat.gpkg').exists()


def test_parts_of_one_region_are_dissolved_and_null_keys_stay_separate(qgis_app, tmp_path):
    """Ecoregion E1 in two 100 km2 parts (one half protected, one not) is one region 25 % protected; E2 is
    40 % protected; two regions without a name stay two regions (docs/coverage.md, representativeness)."""
    protected = protected_layer([(box(X0, Y0, X0 + 5000, Y0 + 10000).wkt, DESIGNATED),
                                 (box(X0 + 40000, Y0, X0 + 44000, Y0 + 10000).wkt, DESIGNATED)])
    regions = region_layer([(square_wkt(X0, Y0, 10000), ['E1']), (square_wkt(X0 + 20000, Y0, 10000), ['E1']),
                            (square_wkt(X0 + 40000, Y0, 10000), ['E2']),
                            (square_wkt(X0 + 60000, Y0, 10000), [None]), (square_wkt(X0 + 80000, Y0, 10000), [None])])
    report = tmp_path / 'report.html'
    result = run_coverage(PROTECTED=[protected], REGIONS=regions, REGION_FIELD='name', TARGET=30.0,
                          OUTPUT_HTML=str(report))
    rows = [(feature['name'], feature['area_km2'], feature['percent'], feature['meets_target'],
             feature.geometry().constGet().numGeometries()) for feature in result['OUTPUT'].getFeatures()]
    assert rows[:2] == [('E1', pytest.approx(200.0), pytest.approx(25.0), False, 2),
                        ('E2', pytest.approx(100.0), pytest.approx(40.0), True, 1)]
    assert [(row[1], row[2]) for row in rows[2:]] == [(pytest.approx(100.0), 0.0)] * 2
    assert result['REGION_COUNT'] == 4 and result['REGIONS_MEETING_TARGET'] == 1
    assert result['REPRESENTATIVENESS'] == pytest.approx(25.0) and result['UNPROTECTED_REGIONS'] == 2
    text = report.read_text(encoding='utf-8')
    assert text.count('<tr><td>E1</td><td class="number">') == 1   # one coverage row; its category row follows
    assert text.count('<tr><td>E1</td><td>Not Reported</td>') == 1
    assert '<tr><td>4</td>' in text and '<tr><td>5</td>' in text   # unnamed regions go by their feature id


def test_regions_less_than_one_percent_protected_count_as_unprotected(qgis_app):
    # three 10 km x 10 km regions (100 km2): none, 500 m x 1 km (0.5 km2, 0.5 %) and 1.5 km x 1 km (1.5 %) protected
    protected = protected_layer([(box(X0 + 20000, Y0, X0 + 20500, Y0 + 1000).wkt, DESIGNATED),
                                 (box(X0 + 40000, Y0, X0 + 41500, Y0 + 1000).wkt, DESIGNATED)])
    regions = region_layer([(square_wkt(X0, Y0, 10000), ['none']), (square_wkt(X0 + 20000, Y0, 10000), ['half']),
                            (square_wkt(X0 + 40000, Y0, 10000), ['one and a half'])])
    result = run_coverage(PROTECTED=[protected], REGIONS=regions, REGION_FIELD='name')
    percents = {name: row['percent'] for name, row in rows_by_region(result['OUTPUT']).items()}
    assert percents == {'none': 0.0, 'half': pytest.approx(0.5, rel=1e-5),
                        'one and a half': pytest.approx(1.5, rel=1e-5)}
    assert result['UNPROTECTED_REGIONS'] == 2


def test_null_protected_geometry_is_reported_and_invalid_region_is_refused(qgis_app):
    protected = protected_layer([(None, DESIGNATED), (square_wkt(X0, Y0, 1000), DESIGNATED)])
    regions = region_layer([(square_wkt(X0, Y0, 10000), ['r'])])
    feedback = RecordingFeedback()
    result = run_coverage(feedback, PROTECTED=[protected], REGIONS=regions, REGION_FIELD='name')
    assert rows_by_region(result['OUTPUT'])['r']['protected_km2'] == pytest.approx(1.0, rel=1e-5)
    assert any('1 features without a geometry removed (e.g. wdpa:1)' in line for line in feedback.lines)
    bad_regions = region_layer([(square_wkt(X0, Y0, 10000), ['r']), (None, ['nothing'])])
    with pytest.raises(QgsProcessingException, match='feature id 2'):
        run_coverage(PROTECTED=[protected], REGIONS=bad_regions)


def test_region_field_is_found_in_any_case_and_a_wrong_name_is_refused(qgis_app):
    protected = protected_layer([(box(X0, Y0, X0 + 2000, Y0 + 10000).wkt, DESIGNATED)])
    regions = region_layer([(square_wkt(X0, Y0, 10000), ['r'])], field='NAME')
    result = run_coverage(PROTECTED=[protected], REGIONS=regions, REGION_FIELD='name')
    assert rows_by_region(result['OUTPUT'], 'NAME')['r']['percent'] == pytest.approx(20.0)
    with pytest.raises(QgsProcessingException, match='Layer "regions" has no field "nom". Its fields are: NAME.'):
        run_coverage(PROTECTED=[protected], REGIONS=regions, REGION_FIELD='nom')


def test_messages_name_the_file_and_its_table_not_the_file_alone(qgis_app, tmp_path):
    planning = geopackage(str(tmp_path / '规划' / 'counties.gpkg'), 3035, [('NAME', ogr.OFTString)],
                          [(square_wkt(X0, Y0, 10000), {'NAME': 'r'})])
    protected = protected_layer([(box(X0, Y0, X0 + 2000, Y0 + 10000).wkt, DESIGNATED)])
    with pytest.raises(QgsProcessingException, match=re.escape('Layer "counties.gpkg (counties)" has no field "nom"')):
        run_coverage(PROTECTED=[protected], REGIONS=planning + '|layername=counties', REGION_FIELD='nom')


def test_a_layer_is_labelled_by_file_and_table_or_by_its_name(qgis_app, tmp_path):
    path = geopackage(str(tmp_path / 'demo.gpkg'), 3035, [], [(square_wkt(X0, Y0, 10000), {})])
    table = path + '|layername=demo'
    context = QgsProcessingContext()
    assert qgis_io.layer_label(table) == 'demo.gpkg (demo)'
    assert qgis_io.layer_label(QgsVectorLayer(table, 'shown name')) == 'demo.gpkg (demo)'
    assert qgis_io.layer_label(QgsProcessingFeatureSourceDefinition(table, True), context) == 'demo.gpkg (demo)'
    assert qgis_io.layer_label(path) == 'demo.gpkg'
    assert qgis_io.layer_label(region_layer([])) == 'regions'


def test_empty_protected_layer_gives_zero_coverage(qgis_app, tmp_path):
    report = tmp_path / 'report.html'
    result = run_coverage(PROTECTED=[protected_layer([])], REGIONS=chinese_regions(), REGION_FIELD='名称',
                          OUTPUT_CATEGORIES='TEMPORARY_OUTPUT', OUTPUT_HTML=str(report))
    assert [feature['percent'] for feature in result['OUTPUT'].getFeatures()] == [0.0, 0.0]
    assert result['OUTPUT_FLAT'].featureCount() == 0 and result['OUTPUT_CATEGORIES'].featureCount() == 0
    assert 'No region holds protected land.' in report.read_text(encoding='utf-8')
    assert result['REGIONS_MEETING_TARGET'] == 0 and result['UNPROTECTED_REGIONS'] == 2


def test_empty_regions_layer_is_refused(qgis_app):
    with pytest.raises(QgsProcessingException, match='has no features'):
        run_coverage(PROTECTED=[protected_layer([(square_wkt(X0, Y0, 1000), DESIGNATED)])], REGIONS=region_layer([]))


def test_no_protected_layer_is_refused(qgis_app):
    with pytest.raises(QgsProcessingException):
        run_coverage(PROTECTED=[], REGIONS=chinese_regions())


def test_timeline_and_html_report(qgis_app, tmp_path):
    protected = protected_layer([(square_wkt(X0, Y0, 1000), ['Designated', 'National Park', 1980, None]),
                                 (square_wkt(X0 + 500, Y0, 1000), ['Designated', 'National Park', 2015, None]),
                                 (square_wkt(X0 + 5000, Y0, 1000), ['Designated', 'National Park', 0, None])])
    regions = region_layer([(square_wkt(X0, Y0, 5000), ['甲']), (square_wkt(X0 + 5000, Y0, 5000), ['乙'])])
    report = tmp_path / '报告.html'
    result = run_coverage(PROTECTED=[protected], REGIONS=regions, REGION_FIELD='name', TARGET=4.0,
                          OUTPUT_TIMELINE='TEMPORARY_OUTPUT', OUTPUT_HTML=str(report))
    timeline = [(feature['year'], feature['protected_km2'], feature['percent'])
                for feature in result['OUTPUT_TIMELINE'].getFeatures()]
    assert timeline == [(1980, pytest.approx(1.0), pytest.approx(2.0)), (2015, pytest.approx(1.5), pytest.approx(3.0))]
    text = report.read_text(encoding='utf-8')
    assert text.count('<img') == 3 and 'data:image/png;base64,' in text     # per region, per category, by year
    assert '甲' in text and '乙' in text and 'Coverage over time' in text and 'Overlaps counted once' in text
    assert 'Coverage per IUCN category' in text and 'Not Reported' in text
    assert 'species-area relationship' in text


@pytest.mark.parametrize('field_type, values', [
    ('date', [QDate(1980, 5, 1), QDate(2015, 10, 1), None]),
    ('string', ['1980-05-01', '2015年', 'unknown'])], ids=['date field', 'dates as text'])
def test_establishment_dates_give_their_year_and_unreadable_years_are_named(qgis_app, field_type, values):
    """Provincial data often store STATUS_YR as a date (批准时间 renamed) or as text with a date: those areas were
    all counted as without an establishment year (an empty timeline, "protected only by areas without an
    establishment year") though their year is there. A value that is not a year is named in the log."""
    protected = memory_layer('wdpa', 'Polygon', LAEA_EUROPE, 'field=STATUS:string&field=STATUS_YR:' + field_type, [
        (square_wkt(X0, Y0, 1000), ['Designated', values[0]]),
        (square_wkt(X0 + 500, Y0, 1000), ['Designated', values[1]]),
        (square_wkt(X0 + 5000, Y0, 1000), ['Designated', values[2]])])
    regions = region_layer([(square_wkt(X0, Y0, 10000), ['甲'])])
    feedback = RecordingFeedback()
    result = run_coverage(feedback=feedback, PROTECTED=[protected], REGIONS=regions, REGION_FIELD='name',
                          OUTPUT_TIMELINE='TEMPORARY_OUTPUT')
    timeline = [(feature['year'], feature['protected_km2']) for feature in result['OUTPUT_TIMELINE'].getFeatures()]
    assert timeline == [(1980, pytest.approx(1.0)), (2015, pytest.approx(1.5))]
    log = '\n'.join(feedback.lines)
    assert '1.00 km2 is protected only by areas without an establishment year' in log, log
    if values[2] is not None:
        assert 'STATUS_YR: 1 areas have a value that is not a year ("unknown")' in log and 'wdpa:3' in log, log


def test_coverage_per_iucn_category_splits_regions_and_adds_up_to_their_protected_area(qgis_app, tmp_path):
    protected = memory_layer('wdpa', 'Polygon', LAEA_EUROPE, WDPA_FIELDS + '&field=iucn_cat:string', [
        (box(X0, Y0, X0 + 2000, Y0 + 1000).wkt, ['Designated', 'Park', 1990, None, 'v']),      # 2 km2
        (box(X0 + 1000, Y0, X0 + 3000, Y0 + 1000).wkt, ['Designated', 'Park', 2010, None, 'II'])])  # 1 km2 over V
    regions = region_layer([(box(X0, Y0, X0 + 1500, Y0 + 1000).wkt, ['西']),       # 1.5 km2
                            (box(X0 + 1500, Y0, X0 + 4000, Y0 + 1000).wkt, ['东'])])  # 2.5 km2
    report = tmp_path / '报告.html'
    result = run_coverage(PROTECTED=[protected], REGIONS=regions, REGION_FIELD='name',
                          OUTPUT_CATEGORIES='TEMPORARY_OUTPUT', OUTPUT_TIMELINE='TEMPORARY_OUTPUT',
                          OUTPUT_HTML=str(report))
    rows = [(feature['name'], feature['iucn_cat'], feature['area_km2'], feature['percent'])
            for feature in result['OUTPUT_CATEGORIES'].getFeatures()]
    assert rows == [('西', 'II', pytest.approx(0.5), pytest.approx(100 / 3)),
                    ('西', 'V', pytest.approx(1.0), pytest.approx(200 / 3)),
                    ('东', 'II', pytest.approx(1.5), pytest.approx(60.0))]
    assert result['OUTPUT_CATEGORIES'].wkbType() == WkbType.NoGeometry
    coverage_rows = rows_by_region(result['OUTPUT'])
    for name in ('西', '东'):
        assert sum(area for region, _, area, _ in rows if region == name) == pytest.approx(
            coverage_rows[name]['protected_km2'], rel=1e-12)
    assert 'Coverage per IUCN category' in report.read_text(encoding='utf-8')
    # The overlap belongs to II but was protected since 1990 (by V): the timeline keeps the earliest year.
    timeline = [(feature['year'], feature['protected_km2']) for feature in result['OUTPUT_TIMELINE'].getFeatures()]
    assert timeline == [(1990, pytest.approx(2.0)), (2010, pytest.approx(3.0))]


def test_a_layer_without_iucn_cat_counts_as_not_reported_and_the_log_says_so(qgis_app):
    protected = protected_layer([(square_wkt(X0, Y0, 1000), DESIGNATED)], name='我的保护区')
    feedback = RecordingFeedback()
    result = run_coverage(feedback, PROTECTED=[protected], OUTPUT_CATEGORIES='TEMPORARY_OUTPUT')
    rows = [(feature['iucn_cat'], feature['area_km2']) for feature in result['OUTPUT_CATEGORIES'].getFeatures()]
    assert rows == [('Not Reported', pytest.approx(1.0))]
    assert any('"我的保护区" has no IUCN_CAT field' in line for line in feedback.lines)


def test_output_is_styled_by_percent_when_loaded(qgis_app, tmp_path):
    protected = protected_layer([(square_wkt(X0, Y0, 1000), DESIGNATED)])
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    destination = QgsProcessingOutputLayerDefinition(str(tmp_path / 'coverage.gpkg'), QgsProject.instance())
    result = processing.run('reserveplanner:protectedcoverage', {
        'PROTECTED': [protected], 'OUTPUT': destination, 'OUTPUT_FLAT': 'TEMPORARY_OUTPUT'}, context=context)
    layer = QgsVectorLayer(result['OUTPUT'], 'coverage')
    context.layerToLoadOnCompletionDetails(result['OUTPUT']).postProcessor().postProcessLayer(layer, context, None)
    assert isinstance(layer.renderer(), QgsGraduatedSymbolRenderer)
    assert layer.renderer().classAttribute() == 'percent'


def random_protected_areas(count, seed):
    """Overlapping random polygons (some self-intersecting) in ETRS89 / LAEA Europe, 20 km x 20 km."""
    rng = np.random.default_rng(seed)
    rows = []
    for _ in range(count):
        x, y = X0 + rng.uniform(0, 20000), Y0 + rng.uniform(0, 20000)
        corners = rng.integers(4, 9)
        angles = rng.uniform(0, 2 * np.pi, corners)   # unsorted angles: some polygons cross themselves
        radii = rng.uniform(200, 1500, corners)
        rows.append((Polygon(np.c_[x + radii * np.cos(angles), y + radii * np.sin(angles)]).wkt, DESIGNATED))
    return rows


def linework_repair():
    """native:fixgeometries' parameters for GEOS's "linework" make-valid, the repair our engine uses (shapely's
    make_valid): QGIS 3.28+ has a METHOD parameter defaulting to "structure" (another result on self-intersecting
    rings); QGIS 3.22 has no METHOD and repairs by linework."""
    fix_geometries = QgsApplication.processingRegistry().algorithmById('native:fixgeometries')
    method = fix_geometries.parameterDefinition('METHOD')
    if method is None:
        return {}
    assert method.options()[0] == 'Linework', method.options()
    return {'METHOD': 0}


@pytest.mark.external
def test_agrees_with_the_native_qgis_chain_on_random_data(qgis_app):
    """fix geometries, dissolve, intersection and area with QGIS's own algorithms give the same coverage."""
    protected = protected_layer(random_protected_areas(300, seed=11))
    regions = region_layer([(square_wkt(X0 + 10000 * (i % 2), Y0 + 10000 * (i // 2), 10000), [str(i)])
                            for i in range(4)] + [(square_wkt(X0 + 30000, Y0, 5000), ['empty'])])
    ours = rows_by_region(run_coverage(PROTECTED=[protected], REGIONS=regions, REGION_FIELD='name')['OUTPUT'])
    fixed = processing.run('native:fixgeometries', dict(linework_repair(), INPUT=protected,
                                                        OUTPUT='TEMPORARY_OUTPUT'))['OUTPUT']
    dissolved = processing.run('native:dissolve', {'INPUT': fixed, 'OUTPUT': 'TEMPORARY_OUTPUT'})['OUTPUT']
    clipped = processing.run('native:intersection', {'INPUT': regions, 'OVERLAY': dissolved,
                                                     'OUTPUT': 'TEMPORARY_OUTPUT'})['OUTPUT']
    native = {}
    for feature in clipped.getFeatures():
        native[feature['name']] = native.get(feature['name'], 0.0) + feature.geometry().area() / 1e6
    for name, row in ours.items():
        assert row['protected_km2'] == pytest.approx(native.get(name, 0.0), rel=1e-6, abs=1e-9), name
    assert ours['empty']['percent'] == 0.0 and 0 < ours['0']['percent'] < 100


@pytest.mark.slow
@pytest.mark.external
def test_protectedcoverage_through_qgis_process(qgis_process, tmp_path):
    folder = tmp_path / '保护地'
    protected = geopackage(str(folder / '保护区.gpkg'), 4326,
                           [('STATUS', ogr.OFTString), ('STATUS_YR', ogr.OFTInteger), ('IUCN_CAT', ogr.OFTString)],
                           [(quadrangle(110, 22, 111, 24), {'STATUS': 'Designated', 'STATUS_YR': 2001,
                                                            'IUCN_CAT': 'ib'}),
                            (quadrangle(110.5, 22, 111.5, 24), {'STATUS': 'Designated', 'STATUS_YR': 1990,
                                                                'IUCN_CAT': 'IV'}),
                            (quadrangle(112, 22, 113, 24), {'STATUS': 'Proposed', 'STATUS_YR': 2020})])
    regions = geopackage(str(folder / '省.gpkg'), 4490, [('名称', ogr.OFTString)],
                         [(quadrangle(110, 22, 112, 24), {'名称': '广东'}),
                          (quadrangle(112, 22, 114, 24), {'名称': '云南'})])
    output = str(folder / '覆盖.gpkg')
    categories = str(folder / '类别.gpkg')
    report = str(folder / '报告.html')
    returncode, result, log = qgis_process('protectedcoverage', PROTECTED=protected, REGIONS=regions,
                                           REGION_FIELD='名称', OUTPUT=output, OUTPUT_FLAT=str(folder / 'flat.gpkg'),
                                           OUTPUT_CATEGORIES=categories, OUTPUT_HTML=report)
    assert returncode == 0, log
    assert result['results']['REGION_COUNT'] == 2 and result['results']['REGIONS_MEETING_TARGET'] == 1
    rows = rows_by_region(QgsVectorLayer(output, 'coverage'), '名称')
    assert rows['广东']['percent'] == pytest.approx(75.0, abs=0.01)   # equal longitude bands have equal areas
    assert rows['云南']['percent'] == 0.0
    # Ib owns 110-111 (half of 广东) although IV is older; IV keeps 111-111.5 (a quarter).
    by_category = [(feature['名称'], feature['iucn_cat'], feature['percent'])
                   for feature in QgsVectorLayer(categories, 'categories').getFeatures()]
    assert by_category == [('广东', 'Ib', pytest.approx(50.0, abs=0.01)), ('广东', 'IV', pytest.approx(25.0, abs=0.01))]
    assert os.path.exists(report)


@pytest.mark.slow
@pytest.mark.external
def test_protectedcoverage_without_the_flat_output_runs_in_batch(qgis_process, tmp_path):
    protected = geopackage(str(tmp_path / 'protected.gpkg'), 3035, [('STATUS', ogr.OFTString)],
                           [(box(X0, Y0, X0 + 2000, Y0 + 10000).wkt, {'STATUS': 'Designated'})])
    regions = geopackage(str(tmp_path / 'regions.gpkg'), 3035, [('name', ogr.OFTString)],
                         [(square_wkt(X0, Y0, 10000), {'name': 'r'})])
    output = str(tmp_path / 'coverage.gpkg')
    returncode, result, log = qgis_process('protectedcoverage', PROTECTED=protected, REGIONS=regions, OUTPUT=output)
    assert returncode == 0, log
    assert 'OUTPUT_FLAT' not in result['results']
    assert [feature['percent'] for feature in QgsVectorLayer(output).getFeatures()] == [pytest.approx(20.0)]


# --- the shared HTML report builder --------------------------------------------------------------------------------

def test_html_report_escapes_text_formats_numbers_and_embeds_charts(tmp_path):
    import pandas as pd

    from reserve_planner.processing.engine import report

    page = report.HtmlReport('覆盖 <1>', language='zh-CN')
    page.paragraph('a < b & c')
    page.table(pd.DataFrame({'name': ['<script>', '四川'], 'km2': [1234.5678, 2.0], 'count': [3, 4]}),
               caption='表', columns={'name': '名称', 'km2': 'km2', 'count': 'n'})
    page.figure(report.bar_chart(['四川', '云南'], [12.0, 40.0], target=30, title='覆盖率', value_label='%',
                                 target_label='30 %'))
    page.figure(report.line_chart([2000, 2010], [5.0, 20.0], target=30))
    path = page.write(str(tmp_path / '报告.html'))
    text = open(path, encoding='utf-8').read()
    assert '<html lang="zh-CN">' in text and '<title>覆盖 &lt;1&gt;</title>' in text
    assert 'a &lt; b &amp; c' in text and '&lt;script&gt;' in text and '<script>' not in text
    assert '<td class="number">1,234.57</td>' in text and '<td class="number">3</td>' in text
    assert '<th>名称</th>' in text and text.count('data:image/png;base64,') == 2
    assert os.listdir(tmp_path) == ['报告.html']
