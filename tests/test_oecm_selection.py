"""selectoecm: greedy complementarity selection toward regional targets, checked against the exact optimum."""

import itertools
import math
import os

import numpy as np
import pytest
from osgeo import ogr
from qgis.core import (QgsProcessingContext, QgsProcessingException, QgsProcessingOutputLayerDefinition, QgsProject,
                       QgsSingleSymbolRenderer, QgsVectorLayer)
from shapely.geometry import box
from shapely.ops import unary_union

import processing
from oecm_data import cell_box, write_layer
from support import FIJI, RecordingFeedback, assert_cut_at_180, memory_layer
from reserve_planner.processing.engine import selection

KM = 1000.0
M2_PER_KM2 = 1e6


def strip(x0, x1, y0=0.0, y1=10 * KM):
    return box(x0, y0, x1, y1)


def two_regions():
    """Regions a (x 0-10 km) and b (x 10-20 km), 100 km2 each; 10 km2 of a already protected."""
    return [('a', strip(0, 10 * KM)), ('b', strip(10 * KM, 20 * KM))], [strip(0, 1 * KM)]


def test_greedy_closes_every_gap_with_the_best_value_per_cost():
    regions, protected = two_regions()
    candidates = [strip(1 * KM, 3 * KM), strip(2 * KM, 5 * KM), strip(10 * KM, 13 * KM),
                  strip(15 * KM, 16 * KM, 0, 5 * KM)]
    problem = selection.make_problem(candidates, [100, 50, 80, 90], None, regions, protected, 30)
    np.testing.assert_allclose(problem.gaps, [20.0, 30.0])
    result = selection.greedy_selection(problem)
    # values: site 2 adds 30 km2 x 0.8 = 24, site 0 adds 20 km2 x 1.0 = 20, site 1 30 x 0.5 = 15 (capped to 20: 10)
    assert result.order == [2, 0]
    np.testing.assert_allclose(result.added_km2, [30.0, 20.0])
    np.testing.assert_allclose(result.gaps_after, [0.0, 0.0])


def test_protected_land_inside_a_candidate_adds_nothing_while_the_gap_is_open():
    regions, protected = two_regions()
    half_protected = strip(0.5 * KM, 1.5 * KM)   # 10 km2, the western 5 km2 inside the protected strip (0-1 km)
    wholly_protected = strip(0, 0.5 * KM, 0, 0.5 * KM)
    problem = selection.make_problem([half_protected, wholly_protected], [100, 100], None, regions, protected, 30)
    result = selection.greedy_selection(problem)
    # gap of a: 30 km2 - 10 km2 protected = 20 km2; only the 5 unprotected km2 of the first site count, the
    # second adds nothing, so the gap stays open at 15 km2 and the second is never picked
    assert result.order == [0]
    np.testing.assert_allclose(result.added_km2, [5.0])
    np.testing.assert_allclose(result.gaps_after, [15.0, 30.0])


def test_overlapping_candidates_are_not_counted_twice():
    regions, protected = two_regions()
    candidates = [strip(1 * KM, 2.5 * KM), strip(2 * KM, 3 * KM)]
    problem = selection.make_problem(candidates, [100, 100], None, regions, protected, 50)
    result = selection.greedy_selection(problem)
    # gap of a: 50 - 10 = 40 km2; the second site (10 km2) overlaps the first on 5 km2 and adds only the other 5
    assert result.order == [0, 1]
    np.testing.assert_allclose(result.added_km2, [15.0, 5.0])
    assert selection.coverage_toward_targets(problem, [0, 1]) == pytest.approx(20.0)


def test_the_budget_is_never_exceeded_and_costs_steer_the_choice():
    regions, protected = two_regions()
    candidates = [strip(10 * KM, 13 * KM), strip(13 * KM, 14 * KM), strip(14 * KM, 15 * KM), strip(15 * KM, 16 * KM)]
    costs = [10.0, 1.0, 1.0, 1.0]
    problem = selection.make_problem(candidates, [100] * 4, costs, regions, protected, 30)
    result = selection.greedy_selection(problem, budget=3.0)
    assert sorted(result.order) == [1, 2, 3] and result.cost == 3.0
    assert selection.greedy_selection(problem, budget=0.5).order == []


def test_free_sites_come_first_the_most_valuable_first():
    regions, protected = two_regions()
    candidates = [strip(10 * KM, 13 * KM), strip(13 * KM, 14 * KM), strip(14 * KM, 16 * KM)]
    problem = selection.make_problem(candidates, [100] * 3, [1.0, 0.0, 0.0], regions, protected, 30)
    # region b needs 30 km2: the free 20 and 10 km2 sites close it, so the paid 30 km2 site is not needed
    assert selection.greedy_selection(problem).order == [2, 1]


def test_between_equal_value_and_cost_the_better_scored_site_comes_first():
    regions, protected = two_regions()
    candidates = [strip(10 * KM, 11 * KM), strip(12 * KM, 12.8 * KM)]
    problem = selection.make_problem(candidates, [80, 100], None, regions, protected, 30)
    result = selection.greedy_selection(problem)
    # both add value 8 at cost 1: 10 km2 x 0.8 and 8 km2 x 1.0; the second scores higher, so it comes first
    # although it comes later in the input
    assert result.order == [1, 0]
    np.testing.assert_allclose(result.values, [8.0, 8.0])


def test_sites_scored_zero_or_without_a_score_are_never_picked():
    regions, protected = two_regions()
    candidates = [strip(10 * KM, 13 * KM), strip(13 * KM, 16 * KM)]
    problem = selection.make_problem(candidates, [0.0, np.nan], None, regions, protected, 30)
    assert selection.greedy_selection(problem).order == []


def random_case(rng, count):
    """Two 10 x 10 km regions, one protected block, ``count`` random rectangles with scores and costs."""
    regions = [('a', strip(0, 10 * KM)), ('b', strip(10 * KM, 20 * KM))]
    protected = [box(rng.uniform(0, 15) * KM, 0, rng.uniform(15, 20) * KM, 2 * KM)]
    candidates = []
    for _ in range(count):
        x, y = rng.uniform(0, 18) * KM, rng.uniform(0, 8) * KM
        candidates.append(box(x, y, x + rng.uniform(0.5, 4) * KM, y + rng.uniform(0.5, 4) * KM))
    return regions, protected, candidates


def gaps_by_shapely(regions, protected, target_percent):
    """km2 each region misses the target by: target % of its area minus its protected area."""
    covered = unary_union(protected)
    return [max(0.0, target_percent / 100 * region.area - region.intersection(covered).area) / M2_PER_KM2
            for _key, region in regions]


def coverage_by_shapely(picks, regions, protected, gaps):
    """km2 a set of sites adds toward the targets: the union of the sites minus the protected land, clipped to
    each region and capped by the region's gap."""
    if not picks:
        return 0.0
    new_land = unary_union(picks).difference(unary_union(protected))
    return sum(min(gap, region.intersection(new_land).area / M2_PER_KM2) for (_key, region), gap in zip(regions, gaps))


def optimum_by_shapely(candidates, costs, regions, protected, target_percent, budget=math.inf):
    """(coverage km2, cost) of the best set of sites within ``budget`` by trying every subset, the cheapest
    among equal coverage."""
    gaps = gaps_by_shapely(regions, protected, target_percent)
    best = (0.0, 0.0)
    for size in range(1, len(candidates) + 1):
        for subset in itertools.combinations(range(len(candidates)), size):
            cost = sum(costs[index] for index in subset)
            if cost <= budget + 1e-12:
                found = coverage_by_shapely([candidates[index] for index in subset], regions, protected, gaps)
                if found > best[0] + 1e-9 or (abs(found - best[0]) <= 1e-9 and cost < best[1]):
                    best = (found, cost)
    return best


def gap_percent(optimum, found):
    return 0.0 if optimum <= 0 else 100.0 * (optimum - found) / optimum


def test_greedy_against_brute_force_on_small_cases(capsys):
    """Unit costs and equal scores: coverage within a budget of k sites is a monotone submodular function, so
    greedy reaches at least 1 - 1/e of the optimum (Nemhauser, Wolsey & Fisher 1978). With costs and scores the
    gap is measured and reported."""
    rng = np.random.default_rng(20261126)
    equal_gaps, weighted_gaps = [], []
    for _case in range(12):
        regions, protected, candidates = random_case(rng, 8)
        gaps = gaps_by_shapely(regions, protected, 30)
        problem = selection.make_problem(candidates, [100.0] * 8, None, regions, protected, 30)
        np.testing.assert_allclose(problem.gaps, gaps)
        greedy = selection.greedy_selection(problem, budget=3)
        optimum, _cost = optimum_by_shapely(candidates, [1] * 8, regions, protected, 30, budget=3)
        assert selection.optimal_selection(problem, budget=3)[1] == pytest.approx(optimum)
        found = coverage_by_shapely([candidates[index] for index in greedy.order], regions, protected, gaps)
        assert sum(greedy.added_km2) == pytest.approx(found), 'the picks\' additions must add up to the set\'s'
        assert found <= optimum + 1e-9
        assert found >= (1 - 1 / math.e) * optimum - 1e-9
        equal_gaps.append(gap_percent(optimum, found))

        scores, costs = rng.uniform(20, 100, 8), rng.uniform(1, 5, 8)
        weighted = selection.make_problem(candidates, scores, costs, regions, protected, 30)
        greedy = selection.greedy_selection(weighted, budget=8.0)
        optimum, _cost = optimum_by_shapely(candidates, costs, regions, protected, 30, budget=8.0)
        assert greedy.cost <= 8.0
        found = coverage_by_shapely([candidates[index] for index in greedy.order], regions, protected, gaps)
        assert sum(greedy.added_km2) == pytest.approx(found)
        weighted_gaps.append(gap_percent(optimum, found))
    with capsys.disabled():
        print('\ngreedy vs brute force, coverage toward targets missed (% of optimum), 12 cases of 8 sites: '
              'unit costs mean {:.2f} max {:.2f}; costs + scores mean {:.2f} max {:.2f}'.format(
                  np.mean(equal_gaps), np.max(equal_gaps), np.mean(weighted_gaps), np.max(weighted_gaps)))
    assert np.mean(equal_gaps) < 10.0


def test_without_a_budget_greedy_meets_the_targets_whenever_the_optimum_does():
    rng = np.random.default_rng(7)
    for _case in range(8):
        regions, protected, candidates = random_case(rng, 7)
        problem = selection.make_problem(candidates, [100.0] * 7, None, regions, protected, 30)
        greedy = selection.greedy_selection(problem)
        optimum, fewest_sites = optimum_by_shapely(candidates, [1] * 7, regions, protected, 30)
        gaps = gaps_by_shapely(regions, protected, 30)
        found = coverage_by_shapely([candidates[index] for index in greedy.order], regions, protected, gaps)
        assert found == pytest.approx(optimum)
        assert len(greedy.order) >= fewest_sites


# --- the algorithm -----------------------------------------------------------------------------------------------

@pytest.fixture
def planning(tmp_path):
    """Two regions of 20 x 10 cells (2 km2 each); protected 0.2 km2 in west; five scored candidates."""
    regions = write_layer(str(tmp_path / '区域.gpkg'), [
        {'名称': 'west', 'geometry': cell_box(0, 0, 20, 10)}, {'名称': 'east', 'geometry': cell_box(20, 0, 40, 10)}],
        {'名称': ogr.OFTString})
    protected = write_layer(str(tmp_path / 'protected.gpkg'), [{'geometry': cell_box(0, 0, 2, 10)}], {})
    candidates = write_layer(str(tmp_path / 'scored.gpkg'), [
        {'name': 'w1', 'score': 90.0, 'eligible': 1, 'cost': 2.0, 'geometry': cell_box(2, 0, 6, 10)},
        {'name': 'w2', 'score': 60.0, 'eligible': 1, 'cost': 1.0, 'geometry': cell_box(6, 0, 8, 10)},
        {'name': 'e1', 'score': 80.0, 'eligible': 1, 'cost': 3.0, 'geometry': cell_box(20, 0, 26, 10)},
        {'name': 'e2', 'score': 100.0, 'eligible': 0, 'cost': 1.0, 'geometry': cell_box(30, 0, 36, 10)},
        {'name': 'e3', 'score': None, 'eligible': 0, 'cost': 1.0, 'geometry': cell_box(36, 0, 40, 10)},
    ], {'name': ogr.OFTString, 'score': ogr.OFTReal, 'eligible': ogr.OFTInteger, 'cost': ogr.OFTReal})
    return {'regions': regions, 'protected': protected, 'candidates': candidates, 'folder': tmp_path}


def run_select(planning, context=None, **extra):
    parameters = {'CANDIDATES': planning['candidates'], 'REGIONS': planning['regions'], 'REGION_FIELD': '名称',
                  'PROTECTED': planning['protected'], 'TARGET': 30, 'OUTPUT': 'memory:', 'OUTPUT_REGIONS': 'memory:'}
    parameters.update(extra)
    result = processing.run('reserveplanner:selectoecm', parameters, context=context)
    output = result['OUTPUT'] if isinstance(result['OUTPUT'], QgsVectorLayer) else QgsVectorLayer(result['OUTPUT'])
    picked = sorted(output.getFeatures(), key=lambda feature: feature['pick_order'])
    regions = {feature['region']: feature for feature in result['OUTPUT_REGIONS'].getFeatures()}
    return result, picked, regions


def test_selection_reaches_the_target_and_reports_coverage_before_and_after(qgis_app, planning):
    html = str(planning['folder'] / 'selection.html')
    result, picked, regions = run_select(planning, OUTPUT_HTML=html)
    # east needs 0.6 km2: e1 adds 0.6 x 0.8 = 0.48; west needs 0.4 km2: w1 adds 0.4 x 0.9 = 0.36, w2 0.2 x 0.6 = 0.12
    assert [feature['name'] for feature in picked] == ['e1', 'w1']
    assert [feature['pick_order'] for feature in picked] == [1, 2]
    assert picked[0]['added_km2'] == pytest.approx(0.6, rel=1e-3)
    west, east = regions['west'], regions['east']
    assert west['before_pct'] == pytest.approx(10.0, rel=1e-3) and west['after_pct'] == pytest.approx(30.0, rel=1e-3)
    assert east['before_pct'] == pytest.approx(0.0, abs=1e-6) and east['after_pct'] == pytest.approx(30.0, rel=1e-3)
    assert west['meets_target'] and east['meets_target'] and west['gap_km2'] == pytest.approx(0.0, abs=1e-6)
    assert result['SELECTED_COUNT'] == 2
    text = open(html, encoding='utf-8').read()
    assert text.index('e1') < text.index('w1') and 'west' in text and 'data:image/png;base64' in text


def test_selection_is_styled_with_its_pick_order_when_loaded(qgis_app, planning):
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    destination = QgsProcessingOutputLayerDefinition(str(planning['folder'] / 'selected.gpkg'), QgsProject.instance())
    result, _picked, _regions = run_select(planning, context=context, OUTPUT=destination)
    layer = QgsVectorLayer(result['OUTPUT'], 'selected')
    context.layerToLoadOnCompletionDetails(result['OUTPUT']).postProcessor().postProcessLayer(layer, context, None)
    assert isinstance(layer.renderer(), QgsSingleSymbolRenderer)
    labels = layer.labeling().settings()
    assert layer.labelsEnabled() and labels.isExpression and '"pick_order"' in labels.fieldName


def test_costs_and_budget_change_the_picks(qgis_app, planning):
    result, picked, regions = run_select(planning, COST_FIELD='cost', BUDGET=3)
    # value per cost: w1 0.36 / 2 = 0.18, w2 0.12 / 1 = 0.12, e1 0.48 / 3 = 0.16 -> w1 first (without costs e1 is
    # first); w1 closes the west gap, so w2 adds nothing, and e1 (cost 3) no longer fits the remaining 1
    assert [feature['name'] for feature in picked] == ['w1']
    assert picked[-1]['cum_cost'] == pytest.approx(2.0)
    assert regions['west']['meets_target']
    assert not regions['east']['meets_target'] and regions['east']['gap_km2'] == pytest.approx(0.6, rel=1e-3)
    assert result['TOTAL_COST'] == pytest.approx(2.0)


def test_an_empty_candidate_layer_selects_nothing_and_keeps_the_coverage(qgis_app, planning):
    empty = write_layer(str(planning['folder'] / 'none.gpkg'), [], {'score': ogr.OFTReal})
    result, picked, regions = run_select(planning, CANDIDATES=empty)
    assert picked == [] and result['SELECTED_COUNT'] == 0
    assert regions['west']['after_pct'] == pytest.approx(regions['west']['before_pct'])
    assert regions['west']['gap_km2'] == pytest.approx(0.4, rel=1e-3)


def test_a_missing_score_field_or_a_bad_cost_is_refused(qgis_app, planning):
    with pytest.raises(QgsProcessingException):
        run_select(planning, SCORE_FIELD='quality')
    bad = write_layer(str(planning['folder'] / 'bad.gpkg'), [
        {'name': 'w1', 'score': 90.0, 'cost': -1.0, 'geometry': cell_box(2, 0, 6, 10)},
        {'name': 'w2', 'score': 60.0, 'cost': None, 'geometry': cell_box(6, 0, 8, 10)}],
        {'name': ogr.OFTString, 'score': ogr.OFTReal, 'cost': ogr.OFTReal})
    with pytest.raises(QgsProcessingException, match='cost of 0 or more'):
        run_select(planning, CANDIDATES=bad, COST_FIELD='cost')


@pytest.mark.parametrize('fields, error', [
    ({}, None),
    ({'SCORE_FIELD': 'quality'}, 'Layer "upper.gpkg" has no field "quality"'),
    ({'COST_FIELD': '价格'}, 'Layer "upper.gpkg" has no field "价格"'),
    ({'REGION_FIELD': '名字'}, 'Layer "省.gpkg" has no field "名字"'),
])
def test_fields_are_found_in_any_case_and_a_missing_one_is_refused_before_any_output(qgis_app, planning, fields,
                                                                                      error):
    folder = planning['folder']
    candidates = write_layer(str(folder / 'upper.gpkg'), [
        {'SCORE': 90.0, 'COST': 2.0, 'geometry': cell_box(2, 0, 6, 10)},
        {'SCORE': 60.0, 'COST': 1.0, 'geometry': cell_box(6, 0, 8, 10)},
        {'SCORE': 80.0, 'COST': 3.0, 'geometry': cell_box(20, 0, 26, 10)},
    ], {'SCORE': ogr.OFTReal, 'COST': ogr.OFTReal})
    regions = write_layer(str(folder / '省.gpkg'), [
        {'NAME': 'west', 'geometry': cell_box(0, 0, 20, 10)}, {'NAME': 'east', 'geometry': cell_box(20, 0, 40, 10)}],
        {'NAME': ogr.OFTString})
    outputs = {'OUTPUT': str(folder / 'selected.gpkg'), 'OUTPUT_REGIONS': str(folder / 'regions.gpkg')}
    parameters = dict({'CANDIDATES': candidates, 'SCORE_FIELD': 'score', 'COST_FIELD': 'cost', 'BUDGET': 3,
                       'REGIONS': regions, 'REGION_FIELD': 'name', 'PROTECTED': planning['protected'], 'TARGET': 30},
                      **outputs)
    parameters.update(fields)
    if error:
        with pytest.raises(QgsProcessingException, match=error):
            processing.run('reserveplanner:selectoecm', parameters)
        assert not any(os.path.exists(path) for path in outputs.values())
    else:
        processing.run('reserveplanner:selectoecm', parameters)
        # value per cost as in test_costs_and_budget_change_the_picks: the first site (cost 2) alone fits
        assert [feature['COST'] for feature in QgsVectorLayer(outputs['OUTPUT']).getFeatures()] == [2.0]
        regions_after = {feature['region']: feature['meets_target']
                         for feature in QgsVectorLayer(outputs['OUTPUT_REGIONS']).getFeatures()}
        assert regions_after == {'west': True, 'east': False}


@pytest.mark.external
def test_qgis_process_selects_as_a_batch_user_would(qgis_process, planning):
    output = str(planning['folder'] / 'selected.gpkg')
    regions_output = str(planning['folder'] / 'regions_after.gpkg')
    code, result, log = qgis_process('selectoecm', CANDIDATES=planning['candidates'], REGIONS=planning['regions'],
                                     REGION_FIELD='名称', PROTECTED=planning['protected'], TARGET=30,
                                     OUTPUT=output, OUTPUT_REGIONS=regions_output)
    assert code == 0, log
    assert result['results']['SELECTED_COUNT'] == 2
    assert QgsVectorLayer(output, 'selected').featureCount() == 2
    after = {feature['region']: feature['after_pct'] for feature in QgsVectorLayer(regions_output, 'r').getFeatures()}
    assert after['west'] == pytest.approx(30.0, rel=1e-3)


@pytest.mark.parametrize('parameter', ['SCORE_FIELD', 'COST_FIELD'])
def test_a_text_score_or_cost_field_is_refused_up_front_not_blamed_on_the_candidates(qgis_app, planning, parameter):
    with pytest.raises(QgsProcessingException, match=f'{parameter} needs a numeric field, but field "name"'):
        run_select(planning, **{parameter: 'name'})


def test_a_missing_score_field_names_the_file_and_its_table(qgis_app, planning):
    path = str(planning['folder'] / 'plan.gpkg')
    write_layer(path, [{'value': 1.0, 'geometry': cell_box(2, 0, 6, 10)}], {'value': ogr.OFTReal}, layer_name='候选地')
    with pytest.raises(QgsProcessingException, match=r'Layer "plan\.gpkg \(候选地\)" has no field "score"'):
        run_select(planning, CANDIDATES=path + '|layername=候选地')


@pytest.mark.external
def test_qgis_process_selects_without_the_region_output(qgis_process, planning):
    output = str(planning['folder'] / 'selected.gpkg')
    code, result, log = qgis_process('selectoecm', CANDIDATES=planning['candidates'], REGIONS=planning['regions'],
                                     PROTECTED=planning['protected'], TARGET=30, OUTPUT=output)
    assert code == 0, log
    assert result['results']['SELECTED_COUNT'] == 2 and 'OUTPUT_REGIONS' not in result['results']


def test_overlapping_regions_are_refused_not_counted_twice(qgis_app, planning):
    """A site inside two overlapping regions used to add its area to both: added_km2 twice the site's area and
    both regions shown as meeting the target, exit 0 (protectedcoverage already refused such regions)."""
    planning['regions'] = write_layer(str(planning['folder'] / 'overlapping.gpkg'), [
        {'名称': 'province', 'geometry': cell_box(0, 0, 40, 10)},
        {'名称': 'east', 'geometry': cell_box(20, 0, 40, 10)}], {'名称': ogr.OFTString})
    with pytest.raises(QgsProcessingException, match='Regions "province" and "east" of layer "overlapping.gpkg" '
                                                     'overlap'):
        run_select(planning)


def test_a_scored_candidate_without_a_polygon_is_named(qgis_app, planning):
    """It cannot be selected; it used to be left out without a word."""
    planning['candidates'] = write_layer(str(planning['folder'] / 'scored_null.gpkg'), [
        {'name': 'w1', 'score': 90.0, 'eligible': 1, 'cost': 2.0, 'geometry': cell_box(2, 0, 6, 10)},
        {'name': 'lost', 'score': 95.0, 'eligible': 1, 'cost': 1.0, 'geometry': None},
    ], {'name': ogr.OFTString, 'score': ogr.OFTReal, 'eligible': ogr.OFTInteger, 'cost': ogr.OFTReal})
    feedback = RecordingFeedback()
    parameters = {'CANDIDATES': planning['candidates'], 'REGIONS': planning['regions'], 'REGION_FIELD': '名称',
                  'PROTECTED': planning['protected'], 'TARGET': 30, 'OUTPUT': 'memory:'}
    processing.run('reserveplanner:selectoecm', parameters, feedback=feedback)
    assert [line for line in feedback.lines if 'candidates 2 have a score but no usable polygon' in line]


def test_candidates_and_regions_across_180_are_written_back_cut_at_180(qgis_app):
    """A Fiji-like region and candidate from 177 E to 178 W (each one feature whose parts end at 180 E and 180 W)
    went back to EPSG:4326 with a plain transform: one polygon from -178 to 180 degrees each, drawn across the whole
    map. Both outputs are cut at 180 degrees as the coverage outputs are (qgis_io.output_polygon), keeping their
    areas."""
    candidates = memory_layer('candidates', 'MultiPolygon', 'EPSG:4326', 'field=name:string&field=score:double',
                              [(FIJI, ['Vanua Levu', 80.0])])
    regions = memory_layer('regions', 'MultiPolygon', 'EPSG:4326', 'field=名称:string', [(FIJI, ['Fiji'])])
    result = processing.run('reserveplanner:selectoecm', {
        'CANDIDATES': candidates, 'SCORE_FIELD': 'score', 'REGIONS': regions, 'REGION_FIELD': '名称', 'TARGET': 30,
        'OUTPUT': 'memory:', 'OUTPUT_REGIONS': 'memory:'})
    for name in ('OUTPUT', 'OUTPUT_REGIONS'):
        [feature] = result[name].getFeatures()
        assert_cut_at_180(feature.geometry())
