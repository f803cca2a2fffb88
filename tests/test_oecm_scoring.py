"""scoreoecm: screening, zonal means, AHP, weighting and ranking, as a planner would check them."""

import math
import os

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from osgeo import ogr
from qgis.core import (NULL, QgsCategorizedSymbolRenderer, QgsProcessingContext, QgsProcessingException,
                       QgsProcessingOutputLayerDefinition, QgsProject, QgsVectorLayer)
from shapely.geometry import Point, Polygon, box
from shapely.validation import make_valid

import processing
from oecm_data import CELL, X0, Y0, bow_tie, cell_box, write_layer, write_raster
from reserve_planner.processing.engine import scoring, zonal
from reserve_planner.processing.engine.feedback import Feedback
from reserve_planner.processing.engine.messages import Canceled, EngineError
from support import FIJI, RecordingFeedback, assert_cut_at_180, memory_layer

# Saaty, T. L. (1990) How to make a decision: the analytic hierarchy process. European Journal of Operational
# Research 48, 9-26: the "buying a house" example (eight criteria). Published priorities .173 .054 .188 .018 .031
# .036 .167 .333, lambda_max = 9.669, CI = 0.238, CR = 0.169 (inconsistent: above 0.1).
SAATY_HOUSE = ('1,5,3,7,6,6,1/3,1/4; 1/5,1,1/3,5,3,3,1/5,1/7; 1/3,3,1,6,3,4,6,1/5; 1/7,1/5,1/6,1,1/3,1/4,1/7,1/8;'
               '1/6,1/3,1/3,3,1,1/2,1/5,1/6; 1/6,1/3,1/4,4,2,1,1/5,1/6; 3,5,1/6,7,5,5,1,1/2; 4,7,5,8,6,6,2,1')
SAATY_PRIORITIES = [0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333]


PUBLISHED_RANDOM_INDEX = {3: 0.58, 4: 0.90, 5: 1.12, 6: 1.24, 7: 1.32, 8: 1.41, 9: 1.45, 10: 1.49}
"""Saaty's random consistency index RI(n), the mean CI of random reciprocal matrices: Saaty, T. L. (1980) The
Analytic Hierarchy Process, McGraw-Hill, table of random indices, as reprinted in Saaty (1990) above."""


def power_iteration(matrix, steps=200):
    """Principal eigenvector (sum 1) and eigenvalue by repeated multiplication, independent of numpy.linalg.eig."""
    vector = np.ones(len(matrix)) / len(matrix)
    for _ in range(steps):
        product = matrix @ vector
        vector = product / product.sum()
    return vector, float((matrix @ vector).sum() / vector.sum())


# --- AHP ------------------------------------------------------------------------------------------------------

def test_ahp_reproduces_saatys_house_example():
    matrix = scoring.parse_matrix(SAATY_HOUSE)
    result = scoring.ahp_weights(matrix)
    expected, lambda_max = power_iteration(matrix)
    np.testing.assert_allclose(result.weights, expected, atol=1e-9)
    np.testing.assert_allclose(result.weights, SAATY_PRIORITIES, atol=0.0015)
    assert result.lambda_max == pytest.approx(9.669, abs=0.001)
    assert result.lambda_max == pytest.approx(lambda_max, abs=1e-9)
    assert result.consistency_index == pytest.approx(0.238, abs=0.001)
    assert result.random_index == 1.41
    assert result.consistency_ratio == pytest.approx(0.169, abs=0.001)


def circulant_with_one_twofold_cycle(size):
    """The reciprocal matrix a_ij = c[(j - i) mod n] with c = (1, 2, 1, ..., 1, 1/2): criterion i is twice as
    important as i + 1, cyclically, and equal to the others. Every row sums to n + 1/2, so its Perron root is
    lambda_max = n + 1/2 with equal weights, CI = (1/2) / (n - 1)."""
    first_row = np.ones(size)
    first_row[1], first_row[-1] = 2.0, 0.5
    return np.array([np.roll(first_row, shift) for shift in range(size)])


@pytest.mark.parametrize('size', sorted(PUBLISHED_RANDOM_INDEX))
def test_the_consistency_ratio_divides_by_saatys_published_random_index(size):
    result = scoring.ahp_weights(circulant_with_one_twofold_cycle(size))
    np.testing.assert_allclose(result.weights, np.full(size, 1.0 / size))
    assert result.lambda_max == pytest.approx(size + 0.5)
    assert result.random_index == PUBLISHED_RANDOM_INDEX[size]
    assert result.consistency_ratio == pytest.approx(0.5 / (size - 1) / PUBLISHED_RANDOM_INDEX[size])


@given(st.lists(st.floats(0.05, 20.0), min_size=3, max_size=9))
@settings(max_examples=30, deadline=None)
def test_a_perfectly_consistent_matrix_gives_its_ratios_back_with_cr_zero(importance):
    importance = np.array(importance)
    matrix = importance[:, None] / importance[None, :]
    result = scoring.ahp_weights(matrix)
    np.testing.assert_allclose(result.weights, importance / importance.sum(), rtol=1e-7)
    assert abs(result.consistency_ratio) < 1e-7


@pytest.mark.parametrize('text', ['1,2;1,1', '1,2,3;1/2,1', '1,0;0,1', 'a,b;c,d', ''])
def test_bad_ahp_matrices_are_refused_with_a_reason(text):
    with pytest.raises(EngineError):
        scoring.ahp_weights(scoring.parse_matrix(text))


@pytest.mark.parametrize('text, value, row', [('1,1/0;0,1', '1/0', 1), ('1,x;1/x,1', 'x', 1),
                                             ('1,2;-1/2,1', '-1/2', 2)])
def test_an_ahp_matrix_value_that_is_not_a_positive_number_is_named_with_its_row(text, value, row):
    with pytest.raises(EngineError) as refused:
        scoring.parse_matrix(text)
    assert str(refused.value).startswith(f'The AHP matrix value "{value}" in row {row} is not a positive number')


def test_weights_and_directions_are_checked_against_the_number_of_criteria():
    np.testing.assert_allclose(scoring.parse_weights('2, 1, 1', 3), [0.5, 0.25, 0.25])
    np.testing.assert_allclose(scoring.parse_weights('', 4), [0.25] * 4)
    np.testing.assert_array_equal(scoring.parse_directions('+, -', 2), [1, -1])
    for bad in ('1,2', '1,-1,1', '0,0,0', 'x,1,1'):
        with pytest.raises(EngineError):
            scoring.parse_weights(bad, 3)
    with pytest.raises(EngineError):
        scoring.parse_directions('+,up', 2)


# --- normalisation and ranking -----------------------------------------------------------------------------------

def test_lower_is_better_criteria_are_inverted_and_screened_sites_get_no_rank():
    values = np.array([[10.0, 3.0], [20.0, 1.0], [30.0, 2.0], [99.0, 0.0]])
    eligible = [True, True, True, False]
    result = scoring.score_candidates(values, [1, -1], [0.0, 1.0], eligible)
    np.testing.assert_allclose(result.normalised[:3, 1], [0.0, 1.0, 0.5])
    assert list(result.rank) == [3, 1, 2, 0]
    assert np.isnan(result.score[3]) and result.classes[3] is None
    assert result.score[1] == pytest.approx(100.0) and result.classes[1] == 'high'


@given(st.lists(st.lists(st.integers(-1000, 1000), min_size=3, max_size=3), min_size=2, max_size=15),
       st.integers(0, 2))
@settings(max_examples=60, deadline=None)
def test_all_weight_on_one_criterion_ranks_by_that_criterion(rows, criterion):
    values = np.array(rows, dtype=float)
    weights = np.zeros(3)
    weights[criterion] = 1.0
    result = scoring.score_candidates(values, [1, 1, 1], weights, [True] * len(rows))
    column = values[:, criterion]
    expected_rank = [1 + int(np.sum(column > value)) for value in column]
    assert list(result.rank) == expected_rank


def test_classes_use_the_documented_thresholds():
    assert [scoring.score_class(value) for value in (100, 67, 66.9, 33, 32.9, 0)] == \
        ['high', 'high', 'medium', 'medium', 'low', 'low']


# --- zonal means --------------------------------------------------------------------------------------------------

@pytest.fixture
def ramp(tmp_path):
    """10 x 10 cells of 100 m: value = 10 * row + col, the cell at row 5, col 5 nodata."""
    array = np.arange(100, dtype=float).reshape(10, 10)
    array[5, 5] = np.nan
    return write_raster(str(tmp_path / 'ramp.tif'), array), array


def zonal_of(path, geometries):
    return zonal.zonal_means(path, zonal.plan_zonal(geometries, zonal.grid_spec(path)))


def test_a_site_smaller_than_a_cell_gets_the_value_under_it(ramp):
    path, array = ramp
    tiny = Point(X0 + 3.5 * CELL, Y0 - 2.5 * CELL).buffer(10)
    straddling = box(X0 + 3.75 * CELL, Y0 - 2.6 * CELL, X0 + 4.25 * CELL, Y0 - 2.4 * CELL)
    result = zonal_of(path, [tiny, straddling])
    assert result.mean[0] == pytest.approx(array[2, 3])
    assert result.mean[1] == pytest.approx((array[2, 3] + array[2, 4]) / 2)
    assert result.weight[0] == pytest.approx(tiny.area / CELL ** 2)


def test_small_sites_are_weighted_by_the_share_of_each_cell(ramp):
    path, array = ramp
    site = box(X0 + 1.5 * CELL, Y0 - 3.0 * CELL, X0 + 3.0 * CELL, Y0 - 2.0 * CELL)
    expected = (0.5 * array[2, 1] + array[2, 2]) / 1.5
    assert zonal_of(path, [site]).mean[0] == pytest.approx(expected)


def test_nodata_inside_a_site_is_left_out(ramp):
    path, array = ramp
    small = cell_box(4, 4, 7, 7)
    large = cell_box(0, 0, 10, 10)
    result = zonal_of(path, [small, large])
    assert result.mean[0] == pytest.approx(np.nanmean(array[4:7, 4:7]))
    assert result.weight[0] == pytest.approx(8)
    assert result.mean[1] == pytest.approx(np.nanmean(array))
    assert result.weight[1] == 99


def test_overlapping_large_sites_each_count_the_shared_cells(tmp_path):
    array = np.arange(40 * 40, dtype=float).reshape(40, 40)
    path = write_raster(str(tmp_path / 'big.tif'), array)
    first, second, third = cell_box(0, 0, 20, 20), cell_box(10, 10, 30, 30), cell_box(15, 5, 25, 35)
    result = zonal_of(path, [first, second, third])
    assert result.mean[0] == pytest.approx(array[0:20, 0:20].mean())
    assert result.mean[1] == pytest.approx(array[10:30, 10:30].mean())
    assert result.mean[2] == pytest.approx(array[5:35, 15:25].mean())


def test_large_sites_count_the_cells_whose_centre_is_inside(tmp_path):
    array = np.arange(40 * 40, dtype=float).reshape(40, 40)
    path = write_raster(str(tmp_path / 'big.tif'), array)
    centre = Point(X0 + 20.3 * CELL, Y0 - 19.6 * CELL)
    donut = centre.buffer(15 * CELL).difference(centre.buffer(6 * CELL))
    pair = cell_box(1, 1, 6, 12).union(Point(X0 + 33 * CELL, Y0 - 33 * CELL).buffer(5.2 * CELL))
    beyond_edge = Point(X0 + 38 * CELL, Y0 - 5 * CELL).buffer(7 * CELL)
    sites = [donut, pair, beyond_edge]
    result = zonal_of(path, sites)
    for site, mean in zip(sites, result.mean):
        inside = [array[row, col] for row in range(40) for col in range(40)
                  if site.contains(Point(X0 + (col + 0.5) * CELL, Y0 - (row + 0.5) * CELL))]
        assert mean == pytest.approx(np.mean(inside))


def test_a_large_site_covering_little_of_the_raster_skips_nodata_too(tmp_path):
    array = np.arange(40 * 40, dtype=float).reshape(40, 40)
    array[38, 3] = np.nan
    path = write_raster(str(tmp_path / 'strip.tif'), array)
    result = zonal_of(path, [cell_box(0, 37, 12, 40)])
    assert result.mean[0] == pytest.approx(np.nanmean(array[37:40, 0:12]))
    assert result.weight[0] == 35


def test_a_cancelled_zonal_run_raises(ramp):
    path, _array = ramp
    plan = zonal.plan_zonal([cell_box(0, 0, 10, 10)], zonal.grid_spec(path))
    with pytest.raises(Canceled):
        zonal.zonal_means(path, plan, feedback=Feedback(is_canceled=lambda: True))


def test_sites_outside_the_raster_or_without_geometry_get_no_value(ramp):
    path, _array = ramp
    result = zonal_of(path, [None, box(0, 0, 10, 10), cell_box(5, 5, 6, 6)])
    assert np.isnan(result.mean).all()


@given(st.floats(3.5, 4.5), st.floats(3.5, 4.5),
       st.lists(st.tuples(st.floats(0.0, 0.45), st.floats(0.2, 3.4)), min_size=3, max_size=8))
@settings(max_examples=40, deadline=None)
def test_sites_within_the_exact_window_are_measured_by_exact_fractions(ramp_values, centre_col, centre_row, spokes):
    """A 4 x 4 cell square (columns and rows 2-6, over the nodata cell) joined to a star of 3-8 spokes 0.2-3.4
    cells long around a centre inside the square: at least EXACT_AREA_CELLS, so only its window (inside cells
    0-8 both ways, at most EXACT_WINDOW_CELLS) makes it exact."""
    turn = 2 * math.pi / len(spokes)
    vertices = [(centre_col + radius * math.cos(turn * (step + jitter)),
                 centre_row + radius * math.sin(turn * (step + jitter)))
                for step, (jitter, radius) in enumerate(spokes)]
    star = Polygon([(X0 + col * CELL, Y0 - row * CELL) for col, row in vertices])
    site = star.union(cell_box(2, 2, 6, 6))
    assert site.area >= zonal.EXACT_AREA_CELLS * CELL ** 2
    assert site.within(cell_box(0, 0, zonal.EXACT_WINDOW_CELLS, zonal.EXACT_WINDOW_CELLS))
    path, array = ramp_values
    shares = np.array([[site.intersection(cell_box(col, row, col + 1, row + 1)).area for col in range(10)]
                       for row in range(10)])
    valid = ~np.isnan(array)
    expected = (shares[valid] * array[valid]).sum() / shares[valid].sum()
    assert zonal.plan_zonal([site], zonal.grid_spec(path)).exact_sites == [0]
    assert zonal_of(path, [site]).mean[0] == pytest.approx(expected, rel=1e-6)


@pytest.fixture(scope='module')
def ramp_values(tmp_path_factory):
    array = np.arange(100, dtype=float).reshape(10, 10)
    array[5, 5] = np.nan
    return write_raster(str(tmp_path_factory.mktemp('ramp') / 'ramp.tif'), array), array


# --- the algorithm -----------------------------------------------------------------------------------------------

@pytest.fixture
def landscape(tmp_path):
    """Candidates, protected areas and two criteria rasters on a 20 x 20 grid of 100 m cells.

    integrity = column index (higher is better), footprint = row index (lower is better).
    """
    cols, rows = np.meshgrid(np.arange(20, dtype=float), np.arange(20, dtype=float))
    integrity = write_raster(str(tmp_path / 'integrity.tif'), cols)
    footprint = write_raster(str(tmp_path / 'footprint.tif'), rows)
    protected = write_layer(str(tmp_path / 'protected.gpkg'), [{'geometry': cell_box(0, 0, 6, 6)}], {})
    candidates = [
        {'name': 'inside', 'gov': 'village', 'geometry': cell_box(1, 1, 3, 3)},
        {'name': 'bowtie', 'gov': 'temple', 'geometry': bow_tie(14, 2, 18, 6)},
        {'name': 'nullgeom', 'gov': 'county', 'geometry': None},
        {'name': 'nogov', 'gov': None, 'geometry': cell_box(8, 8, 10, 10)},
        {'name': 'west_south', 'gov': 'co-op', 'geometry': cell_box(7, 14, 9, 18)},
        {'name': 'east_north', 'gov': 'clan', 'geometry': cell_box(16, 10, 18, 12)},
        {'name': 'middle', 'gov': 'forest farm', 'geometry': cell_box(11, 12, 13, 16)},
        {'name': 'edge', 'gov': 'township', 'geometry': cell_box(5, 5, 8, 8)},
        {'name': 'flat', 'gov': 'village', 'geometry': Polygon([(X0 + 100, Y0 - 1900), (X0 + 500, Y0 - 1900),
                                                                 (X0 + 900, Y0 - 1900), (X0 + 100, Y0 - 1900)])},
    ]
    path = write_layer(str(tmp_path / 'candidates.gpkg'), candidates, {'name': ogr.OFTString, 'gov': ogr.OFTString})
    return {'candidates': path, 'protected': protected, 'integrity': integrity, 'footprint': footprint,
            'folder': tmp_path}


def run_score(landscape, feedback=None, context=None, **extra):
    parameters = {'CANDIDATES': landscape['candidates'], 'PROTECTED': landscape['protected'],
                  'REQUIRED_FIELDS': ['gov'], 'CRITERIA': [landscape['integrity'], landscape['footprint']],
                  'DIRECTIONS': '+,-', 'WEIGHTS': '1,1', 'OUTPUT': 'memory:'}
    parameters.update(extra)
    result = processing.run('reserveplanner:scoreoecm', parameters, feedback=feedback, context=context)
    output = result['OUTPUT'] if isinstance(result['OUTPUT'], QgsVectorLayer) else QgsVectorLayer(result['OUTPUT'])
    rows = {feature['name']: feature for feature in output.getFeatures()}
    return result, rows


def test_screening_keeps_every_candidate_and_says_why(qgis_app, landscape):
    result, rows = run_score(landscape)
    assert len(rows) == 9
    assert not rows['inside']['eligible'] and rows['inside']['screen_reason'].startswith('A: 100.0 %')
    assert rows['inside']['rank'] == NULL and rows['inside']['score'] == NULL and rows['inside']['class'] == NULL
    assert not rows['nullgeom']['eligible'] and rows['nullgeom']['screen_reason'].startswith('B1')
    assert not rows['flat']['eligible'] and rows['flat']['screen_reason'].startswith('B1')
    assert not rows['nogov']['eligible'] and '"gov"' in rows['nogov']['screen_reason']
    assert rows['bowtie']['eligible'] and rows['bowtie'].geometry().isGeosValid()
    edge = cell_box(5, 5, 8, 8)
    assert rows['edge']['protected_pct'] == pytest.approx(100 * edge.intersection(cell_box(0, 0, 6, 6)).area
                                                          / edge.area)
    assert not rows['edge']['eligible']
    assert result['ELIGIBLE_COUNT'] == 4 and result['SCREENED_COUNT'] == 5


def test_protected_areas_are_cleaned_like_coverage_counts_them(qgis_app, landscape):
    proposed = write_layer(str(landscape['folder'] / 'wdpa.gpkg'), [
        {'STATUS': 'Designated', 'geometry': cell_box(0, 0, 6, 6)},
        {'STATUS': 'Proposed', 'geometry': cell_box(6, 13, 20, 20)},
        {'STATUS': 'Designated', 'geometry': None}], {'STATUS': ogr.OFTString})
    _result, rows = run_score(landscape, PROTECTED=[proposed])
    assert not rows['inside']['eligible'] and rows['west_south']['eligible']
    _result, rows = run_score(landscape, PROTECTED=[proposed], STATUS_FILTER=False)
    assert not rows['west_south']['eligible'] and rows['west_south']['protected_pct'] == pytest.approx(100.0)


def test_criterion_a_at_its_default_five_percent(qgis_app, landscape):
    # 10 x 1 cell strips reaching 0.4 and 0.6 cells into the protected square (columns 0-6): 4 % and 6 %
    candidates = write_layer(str(landscape['folder'] / 'slivers.gpkg'), [
        {'name': 'four', 'gov': 'village', 'geometry': cell_box(5.6, 0, 15.6, 1)},
        {'name': 'six', 'gov': 'village', 'geometry': cell_box(5.4, 2, 15.4, 3)},
    ], {'name': ogr.OFTString, 'gov': ogr.OFTString})
    _result, rows = run_score(landscape, CANDIDATES=candidates)
    assert rows['four']['protected_pct'] == pytest.approx(4.0)
    assert rows['four']['eligible'] and rows['four']['screen_reason'] == NULL
    assert rows['six']['protected_pct'] == pytest.approx(6.0)
    assert not rows['six']['eligible']
    assert rows['six']['screen_reason'] == 'A: 6.0 % inside protected areas (more than 5 %)'


def test_a_higher_overlap_threshold_lets_a_partly_protected_site_through(qgis_app, landscape):
    _result, rows = run_score(landscape, OVERLAP_THRESHOLD=20)
    assert rows['edge']['eligible']


def test_weight_on_one_criterion_ranks_by_it_and_lower_is_better_is_inverted(qgis_app, landscape):
    _result, by_integrity = run_score(landscape, WEIGHTS='1,0')
    eligible = ['bowtie', 'west_south', 'east_north', 'middle']
    mean_column = {'bowtie': 15.5, 'west_south': 7.5, 'east_north': 16.5, 'middle': 11.5}
    expected = sorted(eligible, key=lambda name: -mean_column[name])
    assert sorted(eligible, key=lambda name: by_integrity[name]['rank']) == expected
    assert by_integrity['east_north']['n_integrity'] == pytest.approx(1.0)
    assert by_integrity['west_south']['score'] == pytest.approx(0.0)

    _result, by_footprint = run_score(landscape, WEIGHTS='0,1')
    mean_row = {'bowtie': 3.5, 'west_south': 15.5, 'east_north': 10.5, 'middle': 13.5}
    assert sorted(eligible, key=lambda name: by_footprint[name]['rank']) == sorted(eligible,
                                                                                   key=lambda name: mean_row[name])
    assert by_footprint['bowtie']['n_footprint'] == pytest.approx(1.0)
    assert by_footprint['bowtie']['class'] == 'high'


def test_ahp_matrix_sets_the_weights_and_the_report_explains_the_run(qgis_app, landscape):
    html = str(landscape['folder'] / 'report.html')
    result, rows = run_score(landscape, WEIGHTS='', AHP_MATRIX='1,3;1/3,1', OUTPUT_HTML=html)
    integrity = {'bowtie': 15.5, 'west_south': 7.5, 'east_north': 16.5, 'middle': 11.5}
    footprint = {'bowtie': 3.5, 'west_south': 15.5, 'east_north': 10.5, 'middle': 13.5}
    for name in integrity:
        n_integrity = (integrity[name] - 7.5) / (16.5 - 7.5)
        n_footprint = (15.5 - footprint[name]) / (15.5 - 3.5)
        assert rows[name]['score'] == pytest.approx(100 * (0.75 * n_integrity + 0.25 * n_footprint))
    assert result['CONSISTENCY_RATIO'] == 0.0
    text = open(html, encoding='utf-8').read()
    assert 'CR = 0.000' in text and 'A: 100.0 %' in text and 'data:image/png;base64' in text


@pytest.mark.parametrize('matrix, ratio, warned', [
    # a cycle (1 twice 2, 2 twice 3, 3 twice 1): rows sum to 3.5 = lambda_max, CI 0.25, CR 0.25 / 0.58 = 0.431
    ('1,2,1/2; 1/2,1,2; 2,1/2,1', 0.25 / 0.58, True),
    # the same cycle at 5/4: lambda_max = 1 + 5/4 + 4/5 = 3.05, CI 0.025, CR 0.025 / 0.58 = 0.0431
    ('1,5/4,4/5; 4/5,1,5/4; 5/4,4/5,1', 0.025 / 0.58, False),
])
def test_an_ahp_consistency_ratio_above_a_tenth_is_warned_about(qgis_app, landscape, matrix, ratio, warned):
    cols, rows = np.meshgrid(np.arange(20, dtype=float), np.arange(20, dtype=float))
    diagonal = write_raster(str(landscape['folder'] / 'diagonal.tif'), cols + rows)
    feedback = RecordingFeedback()
    result, _rows = run_score(landscape, feedback=feedback, CRITERIA=[landscape['integrity'], landscape['footprint'],
                                                                      diagonal],
                              DIRECTIONS='+,-,+', WEIGHTS='', AHP_MATRIX=matrix)
    assert result['CONSISTENCY_RATIO'] == pytest.approx(ratio)
    warning = 'The AHP judgements are inconsistent (CR {:.3f} > 0.1)'.format(ratio)
    assert any(warning in line for line in feedback.lines) == warned


def test_scores_are_styled_by_class_when_loaded(qgis_app, landscape):
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    destination = QgsProcessingOutputLayerDefinition(str(landscape['folder'] / 'scores.gpkg'),
                                                     QgsProject.instance())
    result, _rows = run_score(landscape, context=context, OUTPUT=destination)
    layer = QgsVectorLayer(result['OUTPUT'], 'scores')
    context.layerToLoadOnCompletionDetails(result['OUTPUT']).postProcessor().postProcessLayer(layer, context, None)
    renderer = layer.renderer()
    assert isinstance(renderer, QgsCategorizedSymbolRenderer) and renderer.classAttribute() == 'class'
    assert [category.value() for category in renderer.categories()] == ['high', 'medium', 'low', '']


def test_vector_and_attribute_criteria(qgis_app, landscape):
    kba = write_layer(str(landscape['folder'] / 'kba.gpkg'), [{'geometry': cell_box(16, 0, 20, 12)}], {})
    _result, rows = run_score(landscape, CRITERIA=[], VECTOR_CRITERIA=[kba], ATTRIBUTE_CRITERIA=[],
                              DIRECTIONS='', WEIGHTS='')
    assert rows['east_north']['n_kba'] == pytest.approx(1.0)
    assert rows['middle']['n_kba'] == pytest.approx(0.0)
    repaired = make_valid(bow_tie(14, 2, 18, 6))
    assert repaired.area == pytest.approx(2 * 400 * 200 / 2)
    share = repaired.intersection(cell_box(16, 0, 20, 12)).area / repaired.area
    assert rows['bowtie']['n_kba'] == pytest.approx(share)


def test_a_raster_in_a_geographic_crs_is_sampled_where_the_sites_are(qgis_app, landscape, tmp_path):
    from osgeo import gdal
    geographic = str(tmp_path / 'integrity_4326.tif')
    gdal.Warp(geographic, landscape['integrity'], dstSRS='EPSG:4326', resampleAlg='near', xRes=0.0002, yRes=0.0002)
    _result, rows = run_score(landscape, CRITERIA=[geographic], DIRECTIONS='', WEIGHTS='')
    assert rows['east_north']['n_integrity_4326'] == pytest.approx(1.0)
    assert rows['west_south']['n_integrity_4326'] == pytest.approx(0.0)
    assert rows['middle']['n_integrity_4326'] == pytest.approx(4 / 9, abs=0.03)


def test_geographic_candidates_are_measured_in_metres_and_written_back_in_their_crs(qgis_app, landscape, tmp_path):
    from osgeo import gdal
    geographic = str(tmp_path / 'candidates_4326.gpkg')
    gdal.VectorTranslate(geographic, landscape['candidates'], dstSRS='EPSG:4326', layerName='candidates')
    result, rows = run_score(landscape, CANDIDATES=geographic, WEIGHTS='1,0')
    assert result['OUTPUT'].crs().authid() == 'EPSG:4326'
    assert rows['edge']['protected_pct'] == pytest.approx(100 * 1 / 9, rel=1e-3)
    ranks = {name: rows[name]['rank'] for name in ('bowtie', 'west_south', 'east_north', 'middle')}
    assert ranks == {'east_north': 1, 'bowtie': 2, 'middle': 3, 'west_south': 4}
    assert rows['east_north'].geometry().boundingBox().xMinimum() == pytest.approx(105.0, abs=1.0)


def test_bad_input_is_refused_with_a_clear_message(qgis_app, landscape):
    with pytest.raises(QgsProcessingException, match='No criterion'):
        run_score(landscape, CRITERIA=[])
    with pytest.raises(QgsProcessingException, match='WEIGHTS'):
        run_score(landscape, WEIGHTS='1,2,3')
    with pytest.raises(QgsProcessingException, match='AHP matrix has 3 rows'):
        run_score(landscape, AHP_MATRIX='1,1,1;1,1,1;1,1,1')


@pytest.mark.parametrize('fields, error', [
    ({'REQUIRED_FIELDS': ['gov'], 'ATTRIBUTE_CRITERIA': ['area']}, None),
    ({'REQUIRED_FIELDS': ['governance'], 'ATTRIBUTE_CRITERIA': ['area']},
     'Layer "候选.gpkg" has no field "governance"'),
    ({'REQUIRED_FIELDS': ['gov'], 'ATTRIBUTE_CRITERIA': ['面积']}, 'Layer "候选.gpkg" has no field "面积"'),
])
def test_fields_are_found_in_any_case_and_a_missing_one_is_refused_before_any_output(qgis_app, landscape, fields,
                                                                                      error):
    candidates = write_layer(str(landscape['folder'] / '候选.gpkg'), [
        {'name': 'small', 'GOV': 'village', 'AREA': 1.0, 'geometry': cell_box(8, 8, 10, 10)},
        {'name': 'large', 'GOV': 'clan', 'AREA': 3.0, 'geometry': cell_box(16, 10, 18, 12)},
        {'name': 'ungoverned', 'GOV': None, 'AREA': 5.0, 'geometry': cell_box(11, 12, 13, 16)},
    ], {'name': ogr.OFTString, 'GOV': ogr.OFTString, 'AREA': ogr.OFTReal})
    output = str(landscape['folder'] / 'scored.gpkg')
    parameters = dict(CANDIDATES=candidates, PROTECTED=landscape['protected'], DIRECTIONS='+', WEIGHTS='1',
                      OUTPUT=output, **fields)
    if error:
        with pytest.raises(QgsProcessingException, match=error):
            processing.run('reserveplanner:scoreoecm', parameters)
        assert not os.path.exists(output)
    else:
        processing.run('reserveplanner:scoreoecm', parameters)
        rows = {feature['name']: feature for feature in QgsVectorLayer(output).getFeatures()}
        assert (rows['large']['rank'], rows['small']['rank']) == (1, 2)
        assert not rows['ungoverned']['eligible'] and '"GOV"' in rows['ungoverned']['screen_reason']


def test_an_empty_candidate_layer_gives_an_empty_output(qgis_app, landscape):
    empty = write_layer(str(landscape['folder'] / 'empty.gpkg'), [], {'name': ogr.OFTString})
    result, rows = run_score(landscape, CANDIDATES=empty, REQUIRED_FIELDS=[])
    assert rows == {} and result['ELIGIBLE_COUNT'] == 0


def test_chinese_paths_and_field_names(qgis_app, tmp_path):
    folder = tmp_path / '候选地'
    folder.mkdir()
    cols = np.meshgrid(np.arange(20, dtype=float), np.arange(20, dtype=float))[0]
    raster = write_raster(str(folder / '生态完整性.tif'), cols)
    rows = [{'名称': '风水林', '治理': '村委会', 'geometry': cell_box(2, 2, 4, 4)},
            {'名称': '神山', '治理': '寺庙', 'geometry': cell_box(12, 2, 14, 4)}]
    candidates = write_layer(str(folder / '候选.gpkg'), rows, {'名称': ogr.OFTString, '治理': ogr.OFTString})
    result = processing.run('reserveplanner:scoreoecm', {
        'CANDIDATES': candidates, 'REQUIRED_FIELDS': ['治理'], 'CRITERIA': [raster],
        'OUTPUT': str(folder / '评分.gpkg')})
    layer = QgsVectorLayer(result['OUTPUT'], 'scores')
    features = {feature['名称']: feature for feature in layer.getFeatures()}
    assert features['神山']['rank'] == 1 and features['风水林']['rank'] == 2
    assert features['神山']['n_生态完整性'] == pytest.approx(1.0)


@pytest.mark.external
def test_qgis_process_scores_as_a_batch_user_would(qgis_process, landscape):
    output = str(landscape['folder'] / 'scores.gpkg')
    code, result, log = qgis_process('scoreoecm', CANDIDATES=landscape['candidates'],
                                     PROTECTED=landscape['protected'], CRITERIA=landscape['integrity'],
                                     REQUIRED_FIELDS='gov', OUTPUT=output)
    assert code == 0, log
    assert result['results']['ELIGIBLE_COUNT'] == 4
    layer = QgsVectorLayer(output, 'scores')
    assert layer.featureCount() == 9
    ranks = {feature['name']: feature['rank'] for feature in layer.getFeatures() if feature['eligible']}
    assert ranks['east_north'] == 1 and ranks['west_south'] == 4
    assert os.path.exists(output)


# --- connectivity contribution ------------------------------------------------------------------------------------

def protconn_two_patches(area_p, area_c, gap, region_area, distance=10000.0):
    """ProtConn (docs/protconn.md) of two patches at edge-to-edge distance ``gap`` m, by hand."""
    probability = math.exp(math.log(0.5) / distance * gap)
    return 100.0 * math.sqrt(area_p ** 2 + area_c ** 2 + 2 * area_p * area_c * probability) / region_area


def test_connectivity_gain_is_the_protconn_rise_and_favours_nearby_sites():
    region = box(0, 0, 100000, 10000)
    protected = [box(0, 0, 10000, 10000)]
    near, far = box(12000, 0, 17000, 10000), box(90000, 0, 95000, 10000)
    gains = scoring.connectivity_gains([near, far, None, near], [True, True, True, False], protected, [region],
                                       10000.0)
    base = 100.0 * protected[0].area / region.area
    assert gains[0] == pytest.approx(protconn_two_patches(1e8, 5e7, 2000, region.area) - base, rel=1e-6)
    assert gains[1] == pytest.approx(protconn_two_patches(1e8, 5e7, 80000, region.area) - base, rel=1e-6)
    assert gains[0] > gains[1] > 0
    assert np.isnan(gains[2]) and np.isnan(gains[3])


def two_regions_with_candidates():
    """West and east regions (100 km x 10 km each) with a 10 km x 10 km protected area at each far end, and
    candidates 5 km x 10 km: near (2 km) the west one, 35 km from the east one, straddling the border (5 km
    wide in the west, 3 km in the east), and one outside both regions."""
    regions = [box(0, 0, 100000, 10000), box(100000, 0, 200000, 10000)]
    protected = [box(0, 0, 10000, 10000), box(190000, 0, 200000, 10000)]
    candidates = [box(12000, 0, 17000, 10000), box(150000, 0, 155000, 10000), box(95000, 0, 103000, 10000),
                  box(300000, 0, 305000, 10000)]
    return candidates, protected, regions


def test_connectivity_gain_in_each_candidates_own_region_by_hand():
    candidates, protected, regions = two_regions_with_candidates()
    gains = scoring.connectivity_gains(candidates, [True] * 4, protected, regions, 10000.0)
    base = 100.0 * 1e8 / 1e9  # one isolated 10 km x 10 km area in a 1000 km2 region
    assert gains[0] == pytest.approx(protconn_two_patches(1e8, 5e7, 2000, 1e9) - base, rel=1e-9)
    assert gains[1] == pytest.approx(protconn_two_patches(1e8, 5e7, 35000, 1e9) - base, rel=1e-9)
    # mostly in the west: only its 5 km inside the west region counts, 85 km from the west area
    assert gains[2] == pytest.approx(protconn_two_patches(1e8, 5e7, 85000, 1e9) - base, rel=1e-9)
    assert np.isnan(gains[3])


def test_connectivity_gains_report_progress_and_a_cancel_raises():
    candidates, protected, regions = two_regions_with_candidates()
    percents = []
    scoring.connectivity_gains(candidates, [True] * 4, protected, regions, 10000.0, feedback=Feedback(percents.append))
    assert percents == sorted(percents) and 0 <= percents[0] and percents[-1] < 100

    def cancel_after_the_first_candidate():
        return len(percents) > 1

    percents.clear()
    with pytest.raises(Canceled):
        scoring.connectivity_gains(candidates, [True] * 4, protected, regions, 10000.0,
                                   feedback=Feedback(percents.append, cancel_after_the_first_candidate))
    assert len(percents) == 2


def test_connectivity_as_a_criterion_in_the_algorithm(qgis_app, landscape):
    _result, rows = run_score(landscape, CRITERIA=[], CONNECTIVITY=True, DIRECTIONS='', WEIGHTS='', DISTANCE=500)
    eligible = ['bowtie', 'west_south', 'east_north', 'middle']
    assert all(0.0 <= rows[name]['n_connectivity'] <= 1.0 for name in eligible)
    assert rows['inside']['n_connectivity'] == NULL


@pytest.mark.parametrize('wkts, message', [
    ([cell_box(0, 0, 20, 20).wkt, None], r'Layer "regions".* 2 \(null or empty geometry\)'),
    ([], r'The regions layer "regions" has no features')])
def test_a_region_without_geometry_or_an_empty_regions_layer_is_refused(qgis_app, landscape, wkts, message):
    """A region without a usable polygon was left out of the connectivity contribution without a word, so the
    candidates inside it were scored as if outside every region; with no region at all, none had one."""
    from support import wkt_layer

    regions = wkt_layer('regions', 'Polygon', 'EPSG:32648', wkts, ['whole', 'lost'][:len(wkts)])
    with pytest.raises(QgsProcessingException, match=message):
        run_score(landscape, CRITERIA=[], CONNECTIVITY=True, DIRECTIONS='', WEIGHTS='', DISTANCE=500,
                  REGIONS=regions)


def test_required_fields_may_be_given_comma_separated_as_a_batch_user_types_them(qgis_app, landscape):
    _, repeated = run_score(landscape, REQUIRED_FIELDS=['gov', 'name'])
    _, comma_separated = run_score(landscape, REQUIRED_FIELDS='gov, name')
    assert comma_separated['nogov']['eligible'] == 0 and 'gov' in comma_separated['nogov']['screen_reason']
    assert {name: row['rank'] for name, row in comma_separated.items()} == \
        {name: row['rank'] for name, row in repeated.items()}


def test_a_text_field_as_an_attribute_criterion_is_refused_up_front(qgis_app, landscape):
    with pytest.raises(QgsProcessingException, match='ATTRIBUTE_CRITERIA needs a numeric field, but field "gov"'):
        run_score(landscape, ATTRIBUTE_CRITERIA=['gov'])


def test_a_candidate_across_180_is_written_back_cut_at_180(qgis_app):
    """A Fiji-like candidate from 177 E to 178 W (one feature, its parts ending at 180 E and 180 W) is scored in
    metres and went back to EPSG:4326 with a plain transform: one polygon from -178 to 180 degrees, drawn across the
    whole map. It is cut at 180 degrees as the coverage outputs are (qgis_io.output_polygon) and keeps its area."""
    candidates = memory_layer('candidates', 'MultiPolygon', 'EPSG:4326', 'field=name:string&field=value:double',
                              [(FIJI, ['Vanua Levu', 5.0]), (Polygon([(170, -18), (171, -18), (171, -17),
                                                                      (170, -17)]).wkt, ['west', 1.0])])
    result = processing.run('reserveplanner:scoreoecm', {'CANDIDATES': candidates, 'ATTRIBUTE_CRITERIA': ['value'],
                                                          'OUTPUT': 'memory:'})
    drawn = {feature['name']: feature.geometry() for feature in result['OUTPUT'].getFeatures()}
    assert_cut_at_180(drawn['Vanua Levu'])
    assert drawn['west'].area() == pytest.approx(1.0, rel=1e-6)
