"""Zone validation (reserveplanner:validatezones): every rule of docs/zoning.md finds planted defects where
they are. Expected places, areas and lengths are worked out by hand from the planted geometries below."""

import json
import math
import os

import pytest
from hypothesis import given, settings, strategies as st
from osgeo import ogr, osr
from shapely import wkb
from shapely.geometry import LineString, Point, Polygon, box

from reserve_planner.processing.engine import zone_validation as engine
from reserve_planner.processing.engine.zone_validation import ZoneFeature

import processing
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputLayerDefinition,
    QgsProject,
    QgsVectorLayer,
)

from conftest import REPO

# ---- the planted zoning (metres, reserve = box(0, 0, 1000, 1000)) ----------------------------------------------
# Clean layout: core A 400..600 square, buffer ring to 200..800, transition ring to the boundary.
# Defects: the buffer stops at x = 700 on the east (100 m wide there); a transition tongue box(180, 400, 220, 500)
# overlaps the buffer by box(200, 400, 220, 500) = 2000 m2; box(900, 900, 1000, 1000) is a 10000 m2 gap;
# a bow-tie transition polygon in box(700, 50, 800, 150) crosses itself at (750, 100) and leaves two 2500 m2
# triangles uncovered; box(100, 800, 150, 850) has the unknown value "wetland"; core B box(0, 450, 100, 550) lies
# on the west edge (100 m of core edge from (0, 450) to (0, 550)) inside its own buffer box(0, 350, 200, 650).
RESERVE = box(0, 0, 1000, 1000)
CORE_A, CORE_B = box(400, 400, 600, 600), box(0, 450, 100, 550)
BUFFER_B = box(0, 350, 200, 650).difference(CORE_B)
BOWTIE = Polygon([(700, 50), (800, 150), (800, 50), (700, 150)])
WETLAND = box(100, 800, 150, 850)
TONGUE = box(180, 400, 220, 500)
GAP = box(900, 900, 1000, 1000)
FID = {'core_a': 1, 'buffer': 2, 'transition': 3, 'core_b': 4, 'buffer_b': 5, 'bowtie': 6, 'wetland': 7}


def clean_zoning():
    return [ZoneFeature(1, 'core', CORE_A),
            ZoneFeature(2, 'buffer', box(200, 200, 800, 800).difference(CORE_A)),
            ZoneFeature(3, 'transition', RESERVE.difference(box(200, 200, 800, 800)))]


def planted_zoning():
    transition = (RESERVE.difference(box(200, 200, 700, 800)).union(TONGUE)
                  .difference(GAP).difference(box(700, 50, 800, 150)).difference(WETLAND)
                  .difference(box(0, 350, 200, 650)))
    return [ZoneFeature(FID['core_a'], 'core', CORE_A),
            ZoneFeature(FID['buffer'], 'Buffer', box(200, 200, 700, 800).difference(CORE_A)),
            ZoneFeature(FID['transition'], 3, transition),
            ZoneFeature(FID['core_b'], '1', CORE_B),
            ZoneFeature(FID['buffer_b'], 'buffer', BUFFER_B),
            ZoneFeature(FID['bowtie'], 'transition', BOWTIE),
            ZoneFeature(FID['wetland'], 'wetland', WETLAND)]


def by_rule(problems, rule):
    return [problem for problem in problems if problem.rule == rule]


def same_shape(geometry, expected, tolerance=1e-6):
    return geometry.symmetric_difference(expected).area <= tolerance


def segment_area(radius, distance):
    """Area of the circular segment cut off a circle of ``radius`` by a chord at ``distance`` from the centre."""
    return radius ** 2 * math.acos(distance / radius) - distance * math.sqrt(radius ** 2 - distance ** 2)


# ---- engine: clean zonings --------------------------------------------------------------------------------------

@pytest.mark.parametrize('profile', ['mab', 'china2', 'germany'])
def test_a_clean_zoning_has_no_problem(profile):
    assert engine.validate(clean_zoning(), RESERVE, profile, buffer_width=200) == []


def test_a_clean_zoning_under_china3_only_warns_about_the_core_share():
    problems = engine.validate(clean_zoning(), RESERVE, 'china3', buffer_width=200)
    assert [(problem.rule, problem.severity) for problem in problems] == [('core_share', 'warning')]
    assert problems[0].params['share'] == pytest.approx(4.0)  # 200 x 200 m of a 1000 x 1000 m reserve


# ---- engine: planted defects at their places --------------------------------------------------------------------

@pytest.fixture(scope='module')
def planted_problems():
    return engine.validate(planted_zoning(), RESERVE, 'china3', buffer_width=150)


def test_the_overlap_is_the_intersection_itself(planted_problems):
    [overlap] = by_rule(planted_problems, 'overlap')
    assert overlap.severity == 'error'
    assert same_shape(overlap.geometry, box(200, 400, 220, 500))
    assert overlap.params['area_m2'] == pytest.approx(2000.0)
    assert set(overlap.feature_ids) == {FID['buffer'], FID['transition']}


def test_the_gaps_are_the_uncovered_polygons(planted_problems):
    gaps = sorted(by_rule(planted_problems, 'gap'), key=lambda problem: problem.geometry.area)
    assert [round(problem.geometry.area, 6) for problem in gaps] == [2500.0, 2500.0, 10000.0]
    assert same_shape(gaps[2].geometry, GAP)
    triangles = {(round(p.geometry.centroid.x, 3), round(p.geometry.centroid.y, 3)) for p in gaps[:2]}
    assert triangles == {(750.0, round(150 - 50 / 3.0, 3)), (750.0, round(50 + 50 / 3.0, 3))}


def test_the_self_intersection_is_located_at_the_crossing(planted_problems):
    [invalid] = by_rule(planted_problems, 'invalid_geometry')
    assert invalid.feature_ids == (FID['bowtie'],)
    assert invalid.geometry.equals(Point(750, 100))
    assert 'Self-intersection' in invalid.message()


def test_an_unknown_zone_value_is_the_feature_itself(planted_problems):
    [unknown] = by_rule(planted_problems, 'unknown_zone')
    assert unknown.feature_ids == (FID['wetland'],)
    assert same_shape(unknown.geometry, WETLAND)
    assert '"wetland"' in unknown.message()


def test_the_core_on_the_outer_edge_is_the_stretch_of_edge(planted_problems):
    [exposed] = by_rule(planted_problems, 'core_not_enclosed')
    assert exposed.severity == 'warning' and exposed.feature_ids == (FID['core_b'],)
    assert exposed.geometry.length == pytest.approx(100.0, abs=0.05)
    assert exposed.geometry.hausdorff_distance(LineString([(0, 450), (0, 550)])) < 0.05
    assert 'outer edge' in exposed.message()


def test_the_narrow_buffer_is_the_part_of_the_grown_core_outside(planted_problems):
    narrow = [problem for problem in by_rule(planted_problems, 'buffer_too_narrow')
              if problem.feature_ids == (FID['core_a'],)]
    assert len(narrow) == 1
    # Core A grown by 150 m passes x = 700 by 50 m along its 200 m east edge, plus the two quarter-circle
    # corners of radius 150 beyond 100 m from their centres (together one circular segment).
    expected = 50 * 200 + segment_area(150, 100)
    assert narrow[0].geometry.area == pytest.approx(expected, rel=0.005)
    minx, _miny, maxx, _maxy = narrow[0].geometry.bounds
    assert (minx, maxx) == (pytest.approx(700), pytest.approx(750))


def test_nothing_else_is_reported(planted_problems):
    assert not by_rule(planted_problems, 'core_without_buffer')
    assert not by_rule(planted_problems, 'outside_boundary')
    assert {problem.rule for problem in planted_problems} == {
        'invalid_geometry', 'unknown_zone', 'overlap', 'gap', 'core_not_enclosed', 'buffer_too_narrow',
        'core_share'}


def test_mab_does_not_require_enclosure():
    assert not by_rule(engine.validate(planted_zoning(), RESERVE, 'mab'), 'core_not_enclosed')


def test_a_core_without_buffer_is_located_at_the_core():
    island = box(100, 100, 150, 150)
    zoning = clean_zoning()
    zoning[2] = ZoneFeature(3, 'transition', zoning[2].geometry.difference(island))
    zoning.append(ZoneFeature(9, 'core', island))
    [problem] = by_rule(engine.validate(zoning, RESERVE), 'core_without_buffer')
    assert problem.feature_ids == (9,) and same_shape(problem.geometry, island)


def test_a_core_drawn_as_two_features_is_one_core():
    zoning = [ZoneFeature(1, 'core', box(0, 0, 100, 100)), ZoneFeature(2, 'core', box(100, 0, 200, 100)),
              ZoneFeature(3, 'buffer', box(200, 0, 300, 100))]
    problems = engine.validate(zoning, profile='china3')
    assert not by_rule(problems, 'core_without_buffer')
    stretches = by_rule(problems, 'core_not_enclosed')
    assert {problem.feature_ids for problem in stretches} == {(1, 2)}
    assert sum(problem.geometry.length for problem in stretches) == pytest.approx(500, abs=0.1)  # not x = 100


def test_touching_a_buffer_at_a_corner_is_not_adjoining():
    zoning = [ZoneFeature(1, 'core', box(0, 0, 10, 10)), ZoneFeature(2, 'buffer', box(10, 10, 20, 20))]
    assert [problem.feature_ids for problem in by_rule(engine.validate(zoning), 'core_without_buffer')] == [(1,)]


def test_zones_outside_the_boundary_are_located_outside():
    zoning = clean_zoning() + [ZoneFeature(4, 'transition', box(1000, 0, 1030, 100))]
    [outside] = by_rule(engine.validate(zoning, RESERVE), 'outside_boundary')
    assert same_shape(outside.geometry, box(1000, 0, 1030, 100)) and outside.feature_ids == (4,)


def test_without_a_boundary_the_holes_in_the_zoning_are_the_gaps():
    zoning = clean_zoning()
    zoning[2] = ZoneFeature(3, 'transition', zoning[2].geometry.difference(box(50, 50, 80, 90)))
    [gap] = by_rule(engine.validate(zoning), 'gap')
    assert same_shape(gap.geometry, box(50, 50, 80, 90))


def test_slivers_below_the_area_tolerance_are_ignored():
    zoning = clean_zoning()
    zoning[2] = ZoneFeature(3, 'transition', zoning[2].geometry.difference(box(0, 0, 0.5, 1)))
    assert by_rule(engine.validate(zoning, RESERVE), 'gap') == []
    tight = engine.DEFAULT_TOLERANCES._replace(area_m2=0.1)
    assert len(by_rule(engine.validate(zoning, RESERVE, tolerances=tight), 'gap')) == 1


def test_a_buffer_a_few_millimetres_narrower_than_the_width_passes():
    # the clean buffer is 200 m wide: a 200.004 m ring around the 200 m core leaves a 4 mm wide strip outside,
    # 0.004 x (4 x 200 + 2 pi 200) = 8.2 m2 in one piece, well above the 1 m2 area tolerance, yet noise
    problems = engine.validate(clean_zoning(), RESERVE, 'mab', buffer_width=200.004)
    assert not by_rule(problems, 'buffer_too_narrow')
    assert by_rule(engine.validate(clean_zoning(), RESERVE, 'mab', buffer_width=200.05), 'buffer_too_narrow')


def test_a_buffer_sliver_between_core_and_boundary_does_not_enclose_the_core():
    # a core 1 mm inside the west edge of the reserve: the buffer fills the 1 mm strip between them, as it does
    # where a core drawn on the boundary is reprojected; the 200 m of west edge still lie on the outer edge
    core = box(0.001, 400, 200, 600)
    zoning = [ZoneFeature(1, 'core', core),
              ZoneFeature(2, 'buffer', box(0, 200, 400, 800).difference(core)),
              ZoneFeature(3, 'transition', RESERVE.difference(box(0, 200, 400, 800)))]
    [edge] = by_rule(engine.validate(zoning, RESERVE, 'china3'), 'core_not_enclosed')
    assert edge.params['length_m'] == pytest.approx(200, abs=0.02)  # less the 1 cm snap at each end
    assert edge.geometry.bounds[0] == pytest.approx(0.001) and edge.geometry.bounds[2] == pytest.approx(0.001)


def test_where_geos_cannot_clip_a_window_the_overlay_gives_the_same_problems(monkeypatch):
    expected = engine.validate(planted_zoning(), RESERVE, 'china3', buffer_width=150)

    def failing_clip(*_arguments):
        raise ValueError('No Shapely geometry can be created from null value')  # GEOS 3.11 on the demo zoning

    monkeypatch.setattr(engine, 'clip_by_rect', failing_clip)
    problems = engine.validate(planted_zoning(), RESERVE, 'china3', buffer_width=150)
    assert [problem.rule for problem in problems] == [problem.rule for problem in expected]
    for problem, reference in zip(problems, expected):
        assert problem.geometry.hausdorff_distance(reference.geometry) < 1e-6


# ---- engine: exempt segments ------------------------------------------------------------------------------------

@pytest.mark.parametrize('exempt', [LineString([(0, 0), (0, 1000)]), box(-500, 0, 0, 1000)],
                         ids=['coast line', 'neighbouring protected area'])
def test_exempt_segments_silence_the_strict_rule_and_the_width_rule_along_them(exempt):
    problems = engine.validate(planted_zoning(), RESERVE, 'china3', buffer_width=100, exempt=exempt)
    assert not by_rule(problems, 'core_not_enclosed')
    assert not [problem for problem in by_rule(problems, 'buffer_too_narrow') if FID['core_b'] in problem.feature_ids]
    without = engine.validate(planted_zoning(), RESERVE, 'china3', buffer_width=100)
    [west] = [problem for problem in by_rule(without, 'buffer_too_narrow') if FID['core_b'] in problem.feature_ids]
    assert west.geometry.bounds[0] == pytest.approx(-100, abs=0.01)  # the grown core leaves the reserve


def test_an_exempt_segment_elsewhere_exempts_nothing():
    problems = engine.validate(planted_zoning(), RESERVE, 'china3', exempt=LineString([(1000, 0), (1000, 1000)]))
    assert len(by_rule(problems, 'core_not_enclosed')) == 1


def test_a_core_bordering_the_transition_is_reported_with_its_stretch():
    zoning = [ZoneFeature(1, 'core', box(0, 0, 100, 100)), ZoneFeature(2, 'buffer', box(100, 0, 200, 100)),
              ZoneFeature(3, 'transition', box(0, 100, 200, 300))]
    stretches = by_rule(engine.validate(zoning, profile='china3'), 'core_not_enclosed')
    on_transition = [problem for problem in stretches if 'transition' in problem.message()]
    assert len(on_transition) == 1
    assert on_transition[0].geometry.hausdorff_distance(LineString([(0, 100), (100, 100)])) < 0.05
    assert sum(problem.geometry.length for problem in stretches) == pytest.approx(300, abs=0.1)


# ---- engine: area-ratio rules per profile (rule 6) ----------------------------------------------------------------

def strips(*widths_and_values):
    """Vertical strips 1000 m tall, left to right: (width in m, zone value)."""
    zoning, left = [], 0
    for fid, (width, value) in enumerate(widths_and_values, start=1):
        zoning.append(ZoneFeature(fid, value, box(left, 0, left + width, 1000)))
        left += width
    return zoning


def share_problems(zoning, profile):
    problems = engine.validate(zoning, profile=profile)
    return {problem.rule: (problem.severity, round(problem.params['share'], 6)) for problem in problems
            if engine.RULES[problem.rule][0] == 6}


def test_germany_core_three_percent_and_transition_fifty_percent():
    # core 20 m of 1000 m = 2 %, buffer 50 %, transition 48 %
    zoning = strips((20, 'core'), (500, 'buffer'), (480, 'transition'))
    assert share_problems(zoning, 'germany') == {'core_share': ('error', 2.0), 'transition_share': ('warning', 48.0)}


def test_germany_core_and_buffer_twenty_percent():
    # core 2 %, buffer 13 %: core + buffer 15 %, transition 85 %
    zoning = strips((20, 'core'), (130, 'buffer'), (850, 'transition'))
    assert share_problems(zoning, 'germany') == {'core_share': ('error', 2.0), 'core_buffer_share': ('error', 15.0)}


def test_germany_shares_at_their_thresholds_pass():
    assert share_problems(strips((30, 'core'), (170, 'buffer'), (800, 'transition')), 'germany') == {}


def test_china3_one_third_core_is_a_warning_only():
    assert share_problems(strips((300, 'core'), (100, 'buffer'), (600, 'transition')), 'china3') == {
        'core_share': ('warning', 30.0)}
    assert share_problems(strips((400, 'core'), (100, 'buffer'), (500, 'transition')), 'china3') == {}


def test_shares_are_of_the_boundary_when_given():
    zoning = strips((20, 'core'), (500, 'buffer'), (480, 'transition'))
    problems = engine.validate(zoning, box(0, 0, 1000, 2000), 'germany')
    assert by_rule(problems, 'core_share')[0].params['share'] == pytest.approx(1.0)


@pytest.mark.parametrize('profile', ['mab', 'china2'])
def test_profiles_without_area_ratios(profile):
    assert share_problems(strips((1, 'core'), (500, 'buffer'), (499, 'transition')), profile) == {}


# ---- engine: zone values and profiles ---------------------------------------------------------------------------

def test_china2_reads_buffer_and_transition_as_the_general_control_zone():
    zoning = [ZoneFeature(1, '核心保护区', box(0, 0, 100, 100)), ZoneFeature(2, '一般控制区', box(100, 0, 200, 100)),
              ZoneFeature(3, 'general', box(200, 0, 300, 100)), ZoneFeature(4, 'transition', box(300, 0, 400, 100))]
    assert engine.validate(zoning, profile='china2') == []
    assert len(by_rule(engine.validate(zoning, profile='mab'), 'unknown_zone')) == 3


def test_china2_core_must_adjoin_the_general_control_zone():
    zoning = [ZoneFeature(1, 'core', box(0, 0, 100, 100)), ZoneFeature(2, 'core', box(200, 0, 300, 100))]
    problems = by_rule(engine.validate(zoning, profile='china2'), 'core_without_buffer')
    assert [problem.feature_ids for problem in problems] == [(1,), (2,)]
    assert 'general control zone' in problems[0].message()


@pytest.mark.parametrize('value, expected', [
    ('core', 'core'), ('CORE', 'core'), (' Buffer ', 'buffer'), (3, 'transition'), ('2', 'buffer'), (1.0, 'core'),
    ('核心区', 'core'), ('实验区', 'transition'), ('Pflegezone', 'buffer'), ('general', None), (None, None),
    ('4', None), ('', None)])
def test_zone_values_under_the_three_zone_profiles(value, expected):
    assert engine.zone_class(value, engine.PROFILES['mab']) == expected


def test_a_null_zone_value_is_reported_not_dropped():
    zoning = clean_zoning() + [ZoneFeature(8, None, box(1000, 0, 1010, 10))]
    [problem] = by_rule(engine.validate(zoning), 'unknown_zone')
    assert problem.feature_ids == (8,) and '"NULL"' in problem.message()


# ---- engine: empty and null input ---------------------------------------------------------------------------------

def test_an_empty_zoning_has_no_core_and_is_all_gap():
    problems = engine.validate([], RESERVE)
    assert [problem.rule for problem in problems] == ['no_core', 'gap']
    assert same_shape(by_rule(problems, 'gap')[0].geometry, RESERVE)
    assert [problem.rule for problem in engine.validate([])] == ['no_core']


def test_a_null_geometry_is_reported_without_a_place():
    zoning = clean_zoning() + [ZoneFeature(5, 'buffer', None), ZoneFeature(6, 'core', Polygon())]
    problems = by_rule(engine.validate(zoning, RESERVE), 'empty_geometry')
    assert [(problem.feature_ids, problem.geometry) for problem in problems] == [((5,), None), ((6,), None)]


def test_an_unrepairable_geometry_is_reported_and_left_out():
    zoning = clean_zoning() + [ZoneFeature(7, 'core', Polygon([(0, 0), (10, 0), (20, 0)]))]
    problems = engine.validate(zoning, RESERVE)
    assert [(problem.rule, problem.feature_ids) for problem in problems] == [('invalid_geometry', (7,))]
    assert 'cannot be repaired' in problems[0].message()


# ---- engine: properties -------------------------------------------------------------------------------------------

@settings(max_examples=40, deadline=None)
@given(widths=st.lists(st.integers(5, 300), min_size=3, max_size=9), shift=st.floats(0.5, 4.5),
       index=st.integers(0, 7))
def test_a_shifted_strip_makes_one_overlap_and_one_gap_of_the_shifted_area(widths, shift, index):
    edges = [sum(widths[:i]) for i in range(len(widths) + 1)]
    zoning = [ZoneFeature(i, ('core', 'buffer', 'transition')[i % 3], box(left, 0, right, 100))
              for i, (left, right) in enumerate(zip(edges, edges[1:]))]
    reserve = box(0, 0, edges[-1], 100)
    assert not [p for p in engine.validate(zoning, reserve) if p.rule in ('overlap', 'gap', 'outside_boundary')]
    index = min(index, len(zoning) - 2)
    left, right = edges[index], edges[index + 1]
    zoning[index] = ZoneFeature(index, zoning[index].value, box(left + shift, 0, right + shift, 100))
    problems = engine.validate(zoning, reserve)
    [overlap] = by_rule(problems, 'overlap')
    [gap] = by_rule(problems, 'gap')
    assert same_shape(overlap.geometry, box(right, 0, right + shift, 100))
    assert same_shape(gap.geometry, box(left, 0, left + shift, 100))
    assert set(overlap.feature_ids) == {index, index + 1}


@settings(max_examples=15, deadline=None)
@given(centres=st.lists(st.tuples(st.integers(3000, 7000), st.integers(3000, 7000)), min_size=1, max_size=4),
       radius=st.integers(100, 500), width=st.integers(50, 1000))
def test_zones_from_generatezones_pass_every_rule(centres, radius, width):
    from reserve_planner.processing.engine.zoning import generate_zones

    reserve = box(0, 0, 10000, 10000)
    zones = generate_zones([Point(x, y).buffer(radius) for x, y in centres], reserve, width, 500)
    zoning = [ZoneFeature(fid, zone, geometry) for fid, (zone, geometry) in enumerate(zones.items())]
    assert engine.validate(zoning, reserve, 'mab', buffer_width=0.99 * width) == []
    assert {problem.rule for problem in engine.validate(zoning, reserve, 'china3')} <= {'core_share'}


def test_problem_areas_widen_points_and_lines_only():
    point = engine.Problem('invalid_geometry', 'error', '', {}, Point(5, 5), (1,))
    line = engine.Problem('core_not_enclosed', 'warning', '', {}, LineString([(0, 0), (100, 0)]), (1,))
    polygon = engine.Problem('gap', 'error', '', {}, box(0, 0, 1, 1), ())
    assert engine.problem_area(point, 1.0).area == pytest.approx(math.pi, rel=0.01)
    assert engine.problem_area(line, 1.0).area == pytest.approx(200 + math.pi, rel=0.01)
    assert engine.problem_area(polygon, 1.0) is polygon.geometry
    assert (point.shape(), line.shape(), polygon.shape()) == ('point', 'line', 'polygon')


# ---- the Processing algorithm ---------------------------------------------------------------------------------

ORIGIN = (500000.0, 3300000.0)  # UTM zone 50N (EPSG:32650), in Hubei
UTM = 'EPSG:32650'


def shifted(geometry, crs):
    """``geometry`` of the planted zoning placed at ORIGIN in UTM 50N, then reprojected to ``crs``.

    Edges are cut into 1 m pieces first, so that the copy keeps its shape: an edge straight in metres is no longer
    straight in degrees, and the reprojected polygons would otherwise leave centimetre gaps along each other.
    """
    from shapely.affinity import translate
    moved = translate(geometry, *ORIGIN)
    if crs == UTM:
        return moved
    source, target = osr.SpatialReference(), osr.SpatialReference()
    for reference, code in ((source, UTM), (target, crs)):
        reference.ImportFromEPSG(int(code.split(':')[1]))
        reference.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    ogr_geometry = ogr.CreateGeometryFromWkb(moved.wkb)
    ogr_geometry.Segmentize(1.0)
    ogr_geometry.Transform(osr.CoordinateTransformation(source, target))
    return wkb.loads(bytes(ogr_geometry.ExportToWkb()))


def write_layer(path, crs, field, rows, geometry_type=ogr.wkbMultiPolygon, layer_name='layer'):
    """A GeoPackage layer with one text field; ``rows`` are (value, shapely geometry in ``crs`` or None)."""
    driver = ogr.GetDriverByName('GPKG')
    data = driver.Open(path, 1) if os.path.exists(path) else driver.CreateDataSource(path)
    reference = osr.SpatialReference()
    reference.ImportFromEPSG(int(crs.split(':')[1]))
    layer = data.CreateLayer(layer_name, reference, geometry_type)
    layer.CreateField(ogr.FieldDefn(field, ogr.OFTString))
    for value, geometry in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField(field, value)
        if geometry is not None:
            ogr_geometry = ogr.CreateGeometryFromWkb(geometry.wkb)
            if geometry_type == ogr.wkbMultiPolygon:
                ogr_geometry = ogr.ForceToMultiPolygon(ogr_geometry)
            feature.SetGeometryDirectly(ogr_geometry)
        layer.CreateFeature(feature)
    data = None
    return '{}|layername={}'.format(path, layer_name)


def write_planted(folder, crs=UTM, field='zone', boundary_crs=None):
    """The planted zoning (plus a null geometry) and the reserve boundary as GeoPackage layers."""
    zones = write_layer(os.path.join(folder, '分区.gpkg'), crs, field,
                        [(str(zone.value), shifted(zone.geometry, crs)) for zone in planted_zoning()]
                        + [('buffer', None)], layer_name='分区')
    boundary_crs = boundary_crs or crs
    boundary = write_layer(os.path.join(folder, '边界.gpkg'), boundary_crs, 'name',
                           [('保护区', shifted(RESERVE, boundary_crs))], layer_name='边界')
    return zones, boundary


def run_validation(**parameters):
    parameters.setdefault('OUTPUT', 'memory:')
    return processing.run('reserveplanner:validatezones', parameters)


def problem_features(result):
    layer = result['OUTPUT']
    layer = layer if isinstance(layer, QgsVectorLayer) else QgsVectorLayer(layer, 'problems', 'ogr')
    return list(layer.getFeatures())


def metric_geometry(feature, crs):
    """A problem feature's geometry back in the planted zoning's local metres."""
    from shapely.affinity import translate
    geometry = feature.geometry()
    if crs != UTM:
        geometry.transform(QgsCoordinateTransform(QgsCoordinateReferenceSystem(crs),
                                                  QgsCoordinateReferenceSystem(UTM), QgsProject.instance()))
    return translate(wkb.loads(bytes(geometry.asWkb())), -ORIGIN[0], -ORIGIN[1])


@pytest.fixture
def chinese_folder(tmp_path):
    folder = tmp_path / '保护区 数据'
    folder.mkdir()
    return str(folder)


def test_processing_run_finds_the_planted_defects_with_chinese_names(qgis_app, chinese_folder):
    zones, boundary = write_planted(chinese_folder, field='功能区')
    report = os.path.join(chinese_folder, '报告.html')
    result = run_validation(ZONES=zones, ZONE_FIELD='功能区', BOUNDARY=boundary, PROFILE=1, MIN_BUFFER_WIDTH=150,
                            OUTPUT=os.path.join(chinese_folder, '问题.gpkg'), OUTPUT_HTML=report)
    features = problem_features(result)
    rules = sorted(feature['rule'] for feature in features)
    assert rules.count('gap') == 3 and rules.count('overlap') == 1 and rules.count('empty_geometry') == 1
    assert result['ERROR_COUNT'] == sum(1 for feature in features if feature['severity'] == 'error')
    assert result['WARNING_COUNT'] == 2  # core B's edge on the outer boundary, the core share below 1/3
    [overlap] = [feature for feature in features if feature['rule'] == 'overlap']
    assert same_shape(metric_geometry(overlap, UTM), box(200, 400, 220, 500), tolerance=1e-3)
    assert overlap['area_m2'] == pytest.approx(2000.0)
    [edge] = [feature for feature in features if feature['rule'] == 'core_not_enclosed']
    assert edge['shape'] == 'line' and edge['length_m'] == pytest.approx(100.0, abs=0.05)
    assert metric_geometry(edge, UTM).contains(Point(0, 500))
    [empty] = [feature for feature in features if feature['rule'] == 'empty_geometry']
    assert empty.geometry().isEmpty() and empty['feature_ids'] == '8'
    with open(report, encoding='utf-8') as handle:
        text = handle.read()
    assert '<table' in text and 'buffer_too_narrow' in text and '功能区' in text
    assert '5.00' in text  # the two cores: 4 ha + 1 ha
    assert not os.path.exists(report + '.partial')


def test_messages_and_report_follow_the_chinese_locale(qgis_app, chinese_folder):
    from reserve_planner.plugin.i18n import install_translator, remove_translator

    zones, boundary = write_planted(chinese_folder)
    report = os.path.join(chinese_folder, '报告.html')
    translator = install_translator('zh_CN')
    try:
        assert translator is not None, 'reserve_planner_zh_CN.qm is missing: run make translations'
        result = run_validation(ZONES=zones, BOUNDARY=boundary, PROFILE=2, OUTPUT_HTML=report)
    finally:
        remove_translator(translator)
    [overlap] = [feature for feature in problem_features(result) if feature['rule'] == 'overlap']
    assert overlap['message'] == '要素 2 与 3 重叠 2000.0 平方米。'
    with open(report, encoding='utf-8') as handle:
        text = handle.read()
    assert '功能区划检查报告' in text and '中国两区' in text and '一般控制区' in text


def test_the_problems_layer_loads_with_the_severity_style(qgis_app):
    layer = QgsVectorLayer('MultiPolygon?crs=EPSG:32650&field=severity:string', 'problems', 'memory')
    _message, loaded = layer.loadNamedStyle(os.path.join(REPO, 'resources', 'styles', 'zone_problems.qml'))
    assert loaded
    renderer = layer.renderer()
    assert isinstance(renderer, QgsCategorizedSymbolRenderer) and renderer.classAttribute() == 'severity'
    colours = {category.value(): category.symbol().color().name() for category in renderer.categories()}
    assert colours == {'error': '#d7191c', 'warning': '#fd8d3c'}


def test_the_problems_layer_is_styled_when_it_loads(qgis_app, tmp_path):
    from processing.tools import dataobjects

    zones, _boundary = write_planted(str(tmp_path))
    context = dataobjects.createContext()
    output = QgsProcessingOutputLayerDefinition(str(tmp_path / 'problems.gpkg'), QgsProject.instance())
    result = processing.run('reserveplanner:validatezones', {'ZONES': zones, 'OUTPUT': output}, context=context)
    details = context.layerToLoadOnCompletionDetails(result['OUTPUT'])
    assert details.postProcessor() is not None
    layer = QgsVectorLayer(result['OUTPUT'], 'problems', 'ogr')
    details.postProcessor().postProcessLayer(layer, context, QgsProcessingFeedback())
    assert layer.renderer().classAttribute() == 'severity'


@pytest.mark.parametrize('crs', ['EPSG:4326', 'EPSG:4490'])
def test_geographic_layers_are_measured_in_metres(qgis_app, tmp_path, crs):
    zones, boundary = write_planted(str(tmp_path), crs=crs)
    result = run_validation(ZONES=zones, BOUNDARY=boundary, PROFILE=0, MIN_BUFFER_WIDTH=150)
    features = problem_features(result)
    [overlap] = [feature for feature in features if feature['rule'] == 'overlap']
    assert overlap['area_m2'] == pytest.approx(2000.0, rel=0.005)  # UTM's scale factor differs by 0.04 %
    assert metric_geometry(overlap, crs).centroid.distance(Point(210, 450)) < 1.0
    gap_areas = sorted(feature['area_m2'] for feature in features if feature['rule'] == 'gap')
    assert gap_areas == pytest.approx([2500, 2500, 10000], rel=0.005)
    assert result['OUTPUT'].crs().authid() == crs


def test_a_boundary_in_another_crs_is_reprojected(qgis_app, tmp_path):
    zones, boundary = write_planted(str(tmp_path), boundary_crs='EPSG:4490')
    features = problem_features(run_validation(ZONES=zones, BOUNDARY=boundary))
    gap_areas = sorted(feature['area_m2'] for feature in features if feature['rule'] == 'gap')
    assert gap_areas == pytest.approx([2500, 2500, 10000], rel=0.01)
    assert not [feature for feature in features if feature['rule'] == 'outside_boundary']


def test_an_exempt_coast_in_another_crs_silences_the_enclosure_warning(qgis_app, tmp_path):
    zones, boundary = write_planted(str(tmp_path))
    coast = write_layer(str(tmp_path / '海岸线.gpkg'), 'EPSG:4490', 'name',
                        [('海岸', shifted(LineString([(0, -10), (0, 1010)]), 'EPSG:4490'))],
                        geometry_type=ogr.wkbLineString)
    rules = [feature['rule'] for feature in problem_features(run_validation(ZONES=zones, BOUNDARY=boundary,
                                                                            PROFILE=1, EXEMPT=coast))]
    assert 'core_not_enclosed' not in rules and 'gap' in rules


def test_an_empty_layer_reports_the_missing_core(qgis_app, tmp_path):
    zones = write_layer(str(tmp_path / 'empty.gpkg'), UTM, 'zone', [])
    result = run_validation(ZONES=zones)
    assert (result['ERROR_COUNT'], result['WARNING_COUNT']) == (1, 0)
    assert [feature['rule'] for feature in problem_features(result)] == ['no_core']


@pytest.mark.parametrize('zone_field, error', [
    (None, None), ('zone', None), ('kind', r'Layer "分区\.gpkg \(分区\)" has no field "kind"')])
def test_the_zone_field_is_found_in_any_case_and_a_missing_one_is_refused_before_any_output(
        qgis_app, tmp_path, zone_field, error):
    zones, boundary = write_planted(str(tmp_path), field='ZONE')
    output, report = str(tmp_path / 'problems.gpkg'), str(tmp_path / 'report.html')
    parameters = dict(ZONES=zones, BOUNDARY=boundary, PROFILE=1, MIN_BUFFER_WIDTH=150, OUTPUT=output,
                      OUTPUT_HTML=report)
    if zone_field:
        parameters['ZONE_FIELD'] = zone_field
    if error:
        with pytest.raises(QgsProcessingException, match=error):
            run_validation(**parameters)
        assert not os.path.exists(output) and not os.path.exists(report)
    else:
        rules = sorted(feature['rule'] for feature in problem_features(run_validation(**parameters)))
        assert (rules.count('gap'), rules.count('overlap'), rules.count('empty_geometry')) == (3, 1, 1)


def test_an_empty_boundary_layer_is_a_clear_error(qgis_app, tmp_path):
    zones, _boundary = write_planted(str(tmp_path))
    boundary = write_layer(str(tmp_path / 'empty.gpkg'), UTM, 'name', [])
    with pytest.raises(QgsProcessingException, match='has no features'):
        run_validation(ZONES=zones, BOUNDARY=boundary)


@pytest.mark.parametrize('cancel_after_percent', [None, 50.0])
def test_a_cancelled_run_writes_nothing(qgis_app, tmp_path, cancel_after_percent):
    """Cancelled before the run (while reading the zoning) or halfway through the rule checks."""
    zones, boundary = write_planted(str(tmp_path))
    feedback = QgsProcessingFeedback()
    if cancel_after_percent is None:
        feedback.cancel()
    else:
        feedback.progressChanged.connect(lambda percent: percent >= cancel_after_percent and feedback.cancel())
    output, report = str(tmp_path / 'problems.gpkg'), str(tmp_path / 'report.html')
    with pytest.raises(QgsProcessingException, match='^The run was cancelled; no output was written.$'):
        processing.run('reserveplanner:validatezones', {'ZONES': zones, 'BOUNDARY': boundary, 'OUTPUT': output,
                                                        'OUTPUT_HTML': report}, feedback=feedback)
    assert not os.path.exists(output) and not os.path.exists(report)


def test_the_input_layer_is_not_modified(qgis_app, tmp_path):
    zones, _boundary = write_planted(str(tmp_path))
    path = zones.split('|')[0]
    before = os.path.getmtime(path), os.path.getsize(path)
    run_validation(ZONES=zones, PROFILE=3)
    assert (os.path.getmtime(path), os.path.getsize(path)) == before


@pytest.mark.slow
@pytest.mark.external
def test_qgis_process_reports_the_counts_in_json(qgis_process, chinese_folder):
    zones, boundary = write_planted(chinese_folder)
    output = os.path.join(chinese_folder, '问题.gpkg')
    returncode, result, log = qgis_process('validatezones', ZONES=zones, BOUNDARY=boundary, PROFILE=1,
                                           MIN_BUFFER_WIDTH=150, OUTPUT=output)
    assert returncode == 0, log
    errors = [feature for feature in problem_features({'OUTPUT': output}) if feature['severity'] == 'error']
    assert result['results']['ERROR_COUNT'] == len(errors) > 0
    assert result['results']['WARNING_COUNT'] == 2
    assert json.dumps(result['results'])
