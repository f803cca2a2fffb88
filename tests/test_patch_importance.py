"""Patch importance (docs/patch_importance.md): IIC, PC, EC and every dI fraction by hand, against removing each
patch by brute force, and the reserveplanner:patchimportance algorithm as batch users run it."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.sparse.csgraph import csgraph_from_dense, shortest_path

from reserve_planner.processing.engine import connectivity, patches
from reserve_planner.processing.engine.connectivity import removal_importance
from reserve_planner.processing.engine.costdistance import CostGraph
from reserve_planner.processing.engine.feedback import Feedback
from reserve_planner.processing.engine.messages import Canceled
from reserve_planner.processing.engine.messages import EngineError


def chain(*gaps):
    """Distances between patches on a line, ``gaps`` apart edge to edge (a patch has no length)."""
    positions = np.concatenate([[0.0], np.cumsum(gaps)])
    return np.abs(positions[:, None] - positions[None, :])


def test_three_patches_in_a_row_by_hand():
    # a - b - c, 1 km apart; IIC links at <= 1 km; PC p = 0.5 at 1 km
    a = np.array([4.0, 1.0, 2.0])
    frame, landscape = patches.patch_importance(chain(1000, 1000), a, 1000, 1000, 0.5, landscape_attribute=10.0)
    # IIC: nl_ab = nl_bc = 1, nl_ac = 2
    iic_num = (a ** 2).sum() + 2 * (4 * 1 / 2 + 1 * 2 / 2 + 4 * 2 / 3)
    # PC: the best path a-c is through b: p = 0.25 (the direct one, 2 km, has 0.25 too)
    pc_num = (a ** 2).sum() + 2 * (4 * 1 * 0.5 + 1 * 2 * 0.5 + 4 * 2 * 0.25)
    assert landscape.iic == pytest.approx(iic_num / 100) and landscape.pc == pytest.approx(pc_num / 100)
    assert landscape.ec_pc == pytest.approx(math.sqrt(pc_num)) and landscape.components == 1
    # removing b: IIC loses a-c (now unlinked) and b's own pairs; PC keeps a-c at 0.25 by the direct path
    iic_without_b = 16 + 4
    assert frame['dIIC'][1] == pytest.approx(100 * (iic_num - iic_without_b) / iic_num)
    assert frame['dIIC_connector'][1] == pytest.approx(100 * 2 * 4 * 2 / 3 / iic_num)
    assert frame['dPC_connector'][1] == pytest.approx(0.0, abs=1e-12)
    assert frame['dPC_intra'][0] == pytest.approx(100 * 16 / pc_num)
    assert frame['dPC_flux'][0] == pytest.approx(100 * 2 * (4 * 1 * 0.5 + 4 * 2 * 0.25) / pc_num)
    assert list(frame['rank']) == [1, 3, 2]


def brute_force(costs, weights, value):
    """The index numerator with all patches, and without each patch in turn, by all-pairs shortest paths
    (csgraph_from_dense keeps zero-cost links between touching patches as links)."""
    def numerator(keep):
        paths = shortest_path(csgraph_from_dense(costs[np.ix_(keep, keep)], null_value=np.inf), directed=False)
        return weights[keep] @ value(paths) @ weights[keep]
    everything = np.arange(len(weights))
    return numerator(everything), [numerator(everything[everything != k]) for k in everything]


@st.composite
def landscapes(draw):
    count = draw(st.integers(2, 9))
    points = np.array(draw(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), min_size=count,
                                    max_size=count)), dtype=float) * 1000.0
    distances = np.hypot(*(points[:, None, :] - points[None, :, :]).transpose(2, 0, 1))
    weights = np.array(draw(st.lists(st.integers(0, 9), min_size=count, max_size=count)), dtype=float)
    return distances, weights + np.eye(count)[0]


@settings(max_examples=60, deadline=None)
@given(landscapes(), st.sampled_from([3000.0, 8000.0, 20000.0]))
def test_every_fraction_equals_removal_by_brute_force(landscape, threshold):
    distances, weights = landscape
    frame, result = patches.patch_importance(distances, weights, threshold, 5000.0, 0.3)
    iic_costs = patches.iic_links(distances, threshold)
    pc_costs, limit = patches.pc_links(distances, 5000.0, 0.3)
    for name, costs, value in (('dIIC', iic_costs, patches.iic_pair_value),
                               ('dPC', pc_costs, lambda paths: np.where(paths <= limit, np.exp(-paths), 0.0))):
        whole, without = brute_force(costs, weights, value)
        assert frame[name].to_numpy() == pytest.approx(100 * (whole - np.array(without)) / whole, abs=1e-9)
        parts = frame[name + '_intra'] + frame[name + '_flux'] + frame[name + '_connector']
        assert frame[name].to_numpy() == pytest.approx(parts.to_numpy(), abs=1e-9)
        assert (frame[name + '_connector'] >= -1e-9).all()
        assert getattr(result, name[1:].lower() + '_num') == pytest.approx(whole)


def assert_equals_brute_force(costs, weights):
    importance = removal_importance(costs, weights, patches.iic_pair_value)
    whole, without = brute_force(costs, weights, patches.iic_pair_value)
    assert importance.numerator == pytest.approx(whole, rel=1e-12)
    assert importance.removed == pytest.approx(np.array(without), rel=1e-12)


def test_a_link_matched_by_two_equal_paths_may_go_but_one_matched_by_a_single_path_stays():
    # A square 0-1-2-3 with sides 1 and diagonals 2: each diagonal ties with two paths round the square, so
    # removing either corner between leaves an equal path; the diagonal 0-2 of the kite 0-1-2 (node 3 cut
    # off from 0 and 2) ties with one path only and is the sole way from 0 to 2 once 1 is removed.
    inf = np.inf
    square = np.array([[0, 1, 2, 1], [1, 0, 1, 2], [2, 1, 0, 1], [1, 2, 1, 0]], dtype=float)
    kite = np.array([[0, 1, 2, inf], [1, 0, 1, 1], [2, 1, 0, inf], [inf, 1, inf, 0]], dtype=float)
    for costs in (square, kite):
        assert_equals_brute_force(costs, np.array([1.0, 2.0, 3.0, 4.0]))


def test_touching_patches_and_equal_paths_in_a_larger_landscape_match_brute_force():
    # 60 patches on a coarse grid: many share a cell (distance 0, links of cost 0 that tie with each other)
    # and many paths tie, so shortest-path trees need their ties placed; removal sets both copy and undo.
    rng = np.random.default_rng(7)
    points = rng.integers(0, 6, (60, 2)).astype(float)
    distances = np.hypot(*(points[:, None, :] - points[None, :, :]).transpose(2, 0, 1))
    costs = np.where(distances <= 2.5, distances, np.inf)
    assert_equals_brute_force(costs, rng.uniform(0.5, 2.0, 60))


def irregular_patches(count, seed):
    """``count`` patches of many shapes (stars, thin slivers, two-part patches, touching pairs) in 60 km x 60 km."""
    from shapely.geometry import MultiPolygon, Polygon, box

    rng = np.random.default_rng(seed)
    shapes = []
    for index in range(count):
        x, y = rng.uniform(0, 60000, 2)
        angles = np.sort(rng.uniform(0, 2 * np.pi, 9))
        radii = rng.uniform(100, 1500, 9) * (rng.uniform(0.05, 1.0) if index % 5 == 0 else 1.0)
        star = Polygon(np.column_stack([x + radii * np.cos(angles), y + radii * np.sin(angles)])).buffer(0)
        if index % 7 == 0:
            star = MultiPolygon([star, box(x + 3000, y, x + 3400, y + 200)])
        shapes.append(star)
    shapes.append(box(*shapes[1].bounds).buffer(300).difference(box(*shapes[1].bounds)))  # a ring round patch 1
    return shapes


@pytest.mark.parametrize('seed', [1, 2])
def test_leaving_far_dominated_pairs_unmeasured_changes_no_importance(seed):
    # Far pairs that two nearer patches beat are left unmeasured (inf); with any one patch removed the shortest
    # paths must stay those of the fully measured landscape, and pairs within the IIC threshold stay measured.
    shapes = irregular_patches(150, seed)
    areas = np.array([shape.area / 1e4 for shape in shapes])
    threshold, reach = 4000.0, 5000.0 * np.log(1e9) / np.log(2)
    full = connectivity.pair_distances(shapes, reach)
    lazy = connectivity.pair_distances(shapes, reach, exact_within=threshold)
    measured = np.isfinite(lazy)
    assert measured.sum() < 0.5 * np.isfinite(full).sum()
    assert np.array_equal(lazy[measured], full[measured]) and (measured | (full > threshold)).all()
    expected, expected_landscape = patches.patch_importance(full, areas, threshold, 5000.0, 0.5)
    found, found_landscape = patches.patch_importance(lazy, areas, threshold, 5000.0, 0.5)
    assert found.to_numpy() == pytest.approx(expected.to_numpy(), rel=1e-12, abs=1e-12)
    assert found_landscape.pc_num == pytest.approx(expected_landscape.pc_num, rel=1e-14)


def test_distance_bounds_hold_for_every_pair_of_irregular_patches():
    shapes = irregular_patches(60, 3)
    outlines = connectivity._Outlines(shapes)
    true = connectivity.pair_distances(shapes)
    assert (outlines.lower_bounds() <= true + 1e-9).all() and (true <= outlines.upper_bounds() + 1e-9).all()


def test_patches_too_far_apart_have_only_their_own_share():
    frame, landscape = patches.patch_importance(chain(50000), [1.0, 3.0], 1000, 1000, 0.5, 100.0)
    assert landscape.components == 2 and landscape.iic == pytest.approx(10 / 100 ** 2)
    assert frame['dIIC_flux'].tolist() == [0.0, 0.0] and frame['dIIC'].tolist() == pytest.approx([10.0, 90.0])


@pytest.mark.parametrize('attributes, message', [
    ([1.0, -2.0], 'Patch 2 has the attribute -2.0'),
    ([1.0, float('nan')], 'Patch 2 has the attribute nan'),
    ([1.0, float('inf')], 'Patch 2 has the attribute inf'),
    ([0.0, 0.0], 'Every patch has the attribute 0'),
    ([], 'There are no patches'),
])
def test_bad_attributes_are_named(attributes, message):
    distances = chain(*([1000.0] * (len(attributes) - 1))) if attributes else np.zeros((0, 0))
    with pytest.raises(EngineError) as raised:
        patches.patch_importance(distances, attributes, 1000, 1000, 0.5)
    assert message in raised.value.template.format(**raised.value.params)


def test_a_landscape_smaller_than_its_patches_is_refused():
    with pytest.raises(EngineError):
        patches.patch_importance(chain(1000), [5.0, 5.0], 1000, 1000, 0.5, landscape_attribute=9.0)


def test_a_cancelled_run_raises():
    with pytest.raises(Canceled):
        patches.patch_importance(chain(1000, 1000), [1.0, 1.0, 1.0], 1000, 1000, 0.5,
                                 feedback=Feedback(is_canceled=lambda: True))


def test_least_cost_distances_on_a_uniform_raster_are_resistance_times_the_cell_centre_gap():
    resistance = np.full((5, 12), 2.0)
    graph = CostGraph(resistance, 10.0, 10.0)
    cells = [np.array([12, 24]), np.array([19]), np.array([35, 47])]  # columns 0, 7 and 11
    distances = patches.least_cost_distances(graph, cells)
    assert distances[0, 1] == pytest.approx(2.0 * 70.0)
    assert distances[1, 2] == pytest.approx(2.0 * (30.0 + math.sqrt(2) * 10.0))  # (1, 7) to (2, 11)
    assert (distances == distances.T).all() and (np.diag(distances) == 0).all()


# ---- the algorithm, as batch users run it ---------------------------------------------------------------------

def squares(*lefts, size=1000.0, y=0.0):
    """WKT squares ``size`` m wide with their left edges at ``lefts`` (EPSG:32650 metres)."""
    x0, y0 = 500000.0, 4000000.0 + y
    return ['POLYGON(({0} {1}, {2} {1}, {2} {3}, {0} {3}, {0} {1}))'.format(x0 + left, y0, x0 + left + size, y0 + size)
            for left in lefts]


def row_of_patches(tmp_path, crs='EPSG:32650'):
    """Three 1 km squares in a row, 1 km apart edge to edge: 100 ha each."""
    from support import wkt_layer

    layer = wkt_layer('patches 斑块', 'Polygon', 'EPSG:32650', squares(0, 2000, 4000), ['西', '中', '东'], field='名称')
    if crs == 'EPSG:32650':
        return layer
    import processing
    return processing.run('native:reprojectlayer', {'INPUT': layer, 'TARGET_CRS': crs,
                                                    'OUTPUT': str(tmp_path / 'patches.gpkg')})['OUTPUT']


def importance_rows(result):
    """The patches of an OUTPUT memory layer by name."""
    return {feature['名称']: feature for feature in result['OUTPUT'].getFeatures()}


def test_processing_run_gives_the_hand_values_of_three_patches(qgis_app):
    from support import run

    result = run('patchimportance', PATCHES=row_of_patches(None), THRESHOLD=1000, DISTANCE=1000, PROBABILITY=0.5,
                 LANDSCAPE_AREA=1000, temporary_outputs=('OUTPUT', 'OUTPUT_SUMMARY'))
    rows = importance_rows(result)
    a = np.array([100.0, 100.0, 100.0])
    pc_num = 3 * 100 ** 2 + 2 * 100 * 100 * (0.5 + 0.5 + 0.25)
    assert rows['中']['dPC_flux'] == pytest.approx(100 * 2 * 100 * 100 * (0.5 + 0.5) / pc_num)
    assert rows['西']['dPC_intra'] == pytest.approx(100 * a[0] ** 2 / pc_num)
    assert rows['中']['rank'] == 1 and {rows['西']['rank'], rows['东']['rank']} == {2}
    iic_num = 3 * 100 ** 2 + 2 * 100 * 100 * (0.5 + 0.5 + 1 / 3)
    assert rows['中']['dIIC_connector'] == pytest.approx(100 * 2 * 100 * 100 / 3 / iic_num)
    summary, = result['OUTPUT_SUMMARY'].getFeatures()
    assert summary['pc'] == pytest.approx(pc_num / 1000 ** 2) and summary['patches'] == 3
    assert summary['ec_pc'] == pytest.approx(math.sqrt(pc_num))


def test_geographic_patches_are_measured_in_metres(qgis_app, tmp_path):
    from support import run

    projected = run('patchimportance', PATCHES=row_of_patches(None), THRESHOLD=1000, DISTANCE=1000,
                    temporary_outputs=('OUTPUT',))
    geographic = run('patchimportance', PATCHES=row_of_patches(tmp_path, 'EPSG:4326'), THRESHOLD=1000,
                     DISTANCE=1000, temporary_outputs=('OUTPUT',))
    for name, feature in importance_rows(projected).items():
        assert importance_rows(geographic)[name]['dPC'] == pytest.approx(feature['dPC'], rel=1e-3)


def test_least_cost_distances_follow_the_resistance(qgis_app, tmp_path):
    from support import geotiff, run

    resistance = np.ones((20, 60))
    resistance[:, 25:35] = 50.0  # a band of high resistance between the middle and the east patch
    raster = geotiff(tmp_path / 'resistance.tif', resistance, 100.0, y0=4000000.0 + 1500.0)
    result = run('patchimportance', PATCHES=row_of_patches(None), DISTANCE_MODE=1, RESISTANCE=raster,
                 THRESHOLD=1500, DISTANCE=1000, temporary_outputs=('OUTPUT', 'OUTPUT_SUMMARY'))
    rows = importance_rows(result)
    assert rows['东']['dIIC_flux'] == pytest.approx(0.0)  # cut off by the band
    assert rows['西']['dIIC_flux'] > 0 and rows['中']['dPC'] > rows['东']['dPC']


@pytest.mark.parametrize('where', ['outside', 'on nodata'])
def test_a_patch_without_a_passable_cell_is_named_as_a_patch(qgis_app, tmp_path, where):
    """The messages spoke of "Core 3" and of "every source cell" without naming the layer or the patch."""
    from qgis.core import QgsProcessingException
    from support import geotiff, run

    resistance = np.ones((20, 40 if where == 'outside' else 60))
    if where == 'on nodata':
        resistance[:, 40:50] = np.nan
    raster = geotiff(tmp_path / 'resistance.tif', resistance, 100.0, y0=4000000.0 + 1500.0)
    with pytest.raises(QgsProcessingException) as raised:
        run('patchimportance', PATCHES=row_of_patches(None), DISTANCE_MODE=1, RESISTANCE=raster,
            temporary_outputs=('OUTPUT',))
    assert ('Layer "patches 斑块": feature id 3 has no passable cell of the resistance raster "resistance.tif" '
            'under it') in str(raised.value), str(raised.value)


def test_least_cost_without_a_resistance_raster_is_refused(qgis_app):
    from qgis.core import QgsProcessingException
    from support import run

    with pytest.raises(QgsProcessingException, match='resistance raster'):
        run('patchimportance', PATCHES=row_of_patches(None), DISTANCE_MODE=1, temporary_outputs=('OUTPUT',))


def test_a_patch_without_an_attribute_value_is_named(qgis_app):
    from qgis.core import QgsProcessingException
    from support import memory_layer, run

    layer = memory_layer('quality', 'Polygon', 'EPSG:32650', 'field=q:double',
                         [(squares(0)[0], [1.5]), (squares(2000)[0], [None])])
    with pytest.raises(QgsProcessingException, match=r'feature id 2 has no value in the attribute field "q"'):
        run('patchimportance', PATCHES=layer, ATTRIBUTE='q', temporary_outputs=('OUTPUT',))


@pytest.mark.parametrize('value', [float('inf'), -1.0, float('nan')])
def test_a_patch_with_an_attribute_that_is_not_a_finite_number_of_0_or_more_is_named(qgis_app, value):
    """An infinite attribute (a division by zero in a field calculator) crashed with a pandas traceback; negative
    and NaN values were refused naming the patch's position, not its feature id."""
    from qgis.core import QgsProcessingException
    from support import memory_layer, run

    layer = memory_layer('quality', 'Polygon', 'EPSG:32650', 'field=q:double',
                         [(squares(0)[0], [1.5]), (squares(2000)[0], [2.0]), (squares(4000)[0], [value])])
    assert layer.dataProvider().deleteFeatures([1])
    with pytest.raises(QgsProcessingException) as raised:
        run('patchimportance', PATCHES=layer, ATTRIBUTE='q', temporary_outputs=('OUTPUT',))
    assert 'Layer "quality": feature id 3 has the value {} in the attribute field "q"'.format(value) in str(
        raised.value), str(raised.value)


@pytest.mark.parametrize('landscape_area', [0, 100000])
def test_overlapping_patches_are_refused_naming_them(qgis_app, landscape_area):
    """Habitat in two overlapping patches counted twice, silently; where the overlap made the patches' areas add up
    to more than the rectangle around them the run failed saying that the landscape attribute, which the user
    never gave (0 = automatic), was smaller than the patches."""
    from qgis.core import QgsProcessingException
    from support import run, wkt_layer

    layer = wkt_layer('patches', 'Polygon', 'EPSG:32650', squares(0, 3000, 3500), ['a', 'b', 'c'])
    with pytest.raises(QgsProcessingException) as raised:
        run('patchimportance', PATCHES=layer, LANDSCAPE_AREA=landscape_area, temporary_outputs=('OUTPUT',))
    assert 'Layer "patches": features id 2 and 3 overlap by 50 ha' in str(raised.value), str(raised.value)


def test_patches_that_only_touch_are_kept(qgis_app):
    from support import run, wkt_layer

    layer = wkt_layer('patches', 'Polygon', 'EPSG:32650', squares(0, 1000, 3000), ['a', 'b', 'c'])
    result = run('patchimportance', PATCHES=layer, temporary_outputs=('OUTPUT',))
    assert result['OUTPUT'].featureCount() == 3


def test_results_of_an_earlier_run_are_replaced_not_duplicated(qgis_app):
    from support import RecordingFeedback, run

    first = run('patchimportance', PATCHES=row_of_patches(None), THRESHOLD=1000, DISTANCE=1000,
                temporary_outputs=('OUTPUT',))
    feedback = RecordingFeedback()
    again = run('patchimportance', feedback=feedback, PATCHES=first['OUTPUT'], THRESHOLD=1000, DISTANCE=1000,
                temporary_outputs=('OUTPUT',))
    names = again['OUTPUT'].fields().names()
    assert names.count('dPC') == 1 and names[0] == '名称'
    assert any('replaced' in line and 'dPC' in line for line in feedback.lines)


@pytest.mark.external
def test_qgis_process_in_a_chinese_folder(qgis_process, tmp_path):
    from osgeo import ogr
    from qgis.core import QgsVectorLayer
    from support import geopackage

    patches_path = geopackage(str(tmp_path / '源地' / 'patches.gpkg'), 32650, [('id', ogr.OFTInteger)],
                              [(wkt, {'id': index}) for index, wkt in enumerate(squares(0, 2000, 4000))])
    code, result, output = qgis_process('patchimportance', PATCHES=patches_path, THRESHOLD=1000, DISTANCE=1000,
                                        OUTPUT=str(tmp_path / '源地' / 'importance.gpkg'),
                                        OUTPUT_SUMMARY=str(tmp_path / '源地' / 'summary.gpkg'))
    assert code == 0, output
    layer = QgsVectorLayer(str(tmp_path / '源地' / 'importance.gpkg'))
    assert sorted(feature['rank'] for feature in layer.getFeatures()) == [1, 2, 2]


def test_a_tiny_patch_keeps_its_importance_in_a_geopackage(qgis_app, tmp_path):
    """A 1 m2 patch beside 100 ha ones has a dPC near 1e-11 %: written to a GeoPackage it reads back as computed,
    neither rounded to 0 nor tied in rank with a patch of no importance at all."""
    from qgis.core import QgsVectorLayer
    from support import run, wkt_layer

    layer = wkt_layer('patches', 'Polygon', 'EPSG:32650', squares(0, 2000, 4000) + squares(5500, size=1.0),
                      ['west', 'middle', 'east', 'tiny'], field='name')
    parameters = dict(PATCHES=layer, THRESHOLD=1000, DISTANCE=1000, PROBABILITY=0.5, LANDSCAPE_AREA=1000)
    in_memory = {feature['name']: feature for feature in
                 run('patchimportance', **parameters, temporary_outputs=('OUTPUT',))['OUTPUT'].getFeatures()}
    written = QgsVectorLayer(run('patchimportance', **parameters, OUTPUT=str(tmp_path / 'patches.gpkg'))['OUTPUT'])
    from_file = {feature['name']: feature for feature in written.getFeatures()}
    assert 0 < in_memory['tiny']['dPC_intra'] < 1e-9
    for column in patches.INDEX_COLUMNS:
        assert from_file['tiny'][column] == pytest.approx(in_memory['tiny'][column], rel=1e-12)
