"""ProtConn (docs/protconn.md): hand-computed cases, an independent dense implementation, properties,
node importance, and the algorithm as batch users run it."""

import json
import math
import os

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from osgeo import ogr
from qgis.core import (
    NULL,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsGraduatedSymbolRenderer,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputLayerDefinition,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from shapely.geometry import box
from shapely.ops import unary_union

from reserve_planner.processing.engine import connectivity
from reserve_planner.processing.engine.feedback import Feedback
from reserve_planner.processing.engine.messages import Canceled
from strategies import rectangles
from support import RecordingFeedback, geopackage

KM = 1000.0
K_DEFAULT = math.log(2.0) / 10000.0  # p = 0.5 at 10 km


def p(distance):
    """Dispersal probability at ``distance`` metres with the standard 0.5 at 10 km, by hand."""
    return 0.5 ** (distance / 10000.0)


# --- independent dense reference, written from docs/protconn.md --------------------------------------------


def dense_pc_numerator(polygons, areas, k):
    """sum_i sum_j a_i a_j p*_ij with p* from Floyd-Warshall on -ln p over all pairs (no pruning)."""
    count = len(polygons)
    cost = np.zeros((count, count))
    for i in range(count):
        for j in range(count):
            if i != j:
                cost[i, j] = k * polygons[i].distance(polygons[j])
    for middle in range(count):
        cost = np.minimum(cost, cost[:, [middle]] + cost[[middle], :])
    areas = np.asarray(areas, dtype=float)
    return float(areas @ np.exp(-cost) @ areas)


def dense_protconn(inside, stones, region_area, k):
    """ProtConn and fractions for disjoint patches wholly inside (``inside``) or outside (``stones``) the region."""
    areas = [patch.area for patch in inside] + [0.0] * len(stones)
    eca = math.sqrt(dense_pc_numerator(inside + stones, areas, k))
    eca_inside = math.sqrt(dense_pc_numerator(inside, areas[:len(inside)], k))
    protconn = 100 * eca / region_area
    prot_fraction = 100 * (100 * math.sqrt(sum(a * a for a in areas)) / region_area) / protconn
    trans_fraction = 100 * (100 * (eca - eca_inside) / region_area) / protconn
    return {'prot': 100 * sum(areas) / region_area, 'protconn': protconn, 'protconn_prot': prot_fraction,
            'protconn_trans': trans_fraction, 'protconn_unprot': 100 - prot_fraction - trans_fraction}


def scattered_squares(seed, count, span, region):
    """Disjoint squares (side 200-1500 m, 100 m apart or more) in grid cells, each wholly in or out of ``region``."""
    rng = np.random.default_rng(seed)
    cell = span / math.ceil(math.sqrt(count * 2))
    squares = []
    cells = rng.permutation(int(span / cell) ** 2)[:count * 2]
    for index in cells:
        row, column = divmod(int(index), int(span / cell))
        side = rng.uniform(200, min(1500, cell - 100))
        x = column * cell + rng.uniform(0, cell - side - 100)
        y = row * cell + rng.uniform(0, cell - side - 100)
        square = box(x, y, x + side, y + side)
        if region.contains(square) or not region.intersects(square):
            squares.append(square)
        if len(squares) == count:
            break
    return squares


# --- hand-computed cases ------------------------------------------------------------------------------------


def test_two_patches_by_hand():
    region = box(0, 0, 10 * KM, 10 * KM)
    first, second = box(0, 0, KM, KM), box(3 * KM, 0, 5 * KM, KM)  # 2 km apart edge to edge
    a, b, area = 1e6, 2e6, 1e8
    pc_num = a * a + b * b + 2 * a * b * p(2000)
    protconn = 100 * math.sqrt(pc_num) / area
    result = connectivity.protconn([first, second], region)
    assert result['prot'] == pytest.approx(3.0)
    assert result['protconn'] == pytest.approx(protconn)
    assert result['eca'] == pytest.approx(math.sqrt(pc_num))
    assert result['protunconn'] == pytest.approx(3.0 - protconn)
    assert result['relconn'] == pytest.approx(100 * protconn / 3.0)
    assert result['protconn_prot'] == pytest.approx(100 * (100 * math.sqrt(a * a + b * b) / area) / protconn)
    assert result['protconn_trans'] == 0
    assert result['protconn_unprot'] == pytest.approx(100 - result['protconn_prot'])


def test_three_patches_take_the_best_path_through_the_middle_one():
    region = box(0, 0, 10 * KM, 10 * KM)
    west, middle, east = box(0, 0, KM, KM), box(3 * KM, 0, 4 * KM, 2 * KM), box(6 * KM, 0, 8 * KM, KM)
    a, b, c = 1e6, 2e6, 2e6
    p_ab, p_bc = p(2000), p(2000)
    p_ac = max(p(5000), p_ab * p_bc)  # the stepping path (0.5^0.4) beats the direct link (0.5^0.5)
    assert p_ac == p_ab * p_bc
    pc_num = a * a + b * b + c * c + 2 * (a * b * p_ab + b * c * p_bc + a * c * p_ac)
    result = connectivity.protconn([west, middle, east], region)
    assert result['protconn'] == pytest.approx(100 * math.sqrt(pc_num) / 1e8)
    assert result['prot'] == pytest.approx(5.0)


def test_overlapping_and_touching_areas_are_one_unit_and_parts_outside_the_region_do_not_count():
    region = box(0, 0, 10 * KM, 10 * KM)
    overlapping = [box(0, 0, 2 * KM, 2 * KM), box(KM, KM, 3 * KM, 3 * KM), box(3 * KM, 0, 4 * KM, 3 * KM)]
    straddling = box(9 * KM, 0, 11 * KM, KM)  # half of it outside the region
    unit = 4e6 + 4e6 - 1e6 + 3e6
    result = connectivity.protconn(overlapping + [straddling], region)
    gap = 5 * KM  # from x = 4 km to x = 9 km
    pc_num = unit ** 2 + 1e6 ** 2 + 2 * unit * 1e6 * p(gap)
    assert result['prot'] == pytest.approx(100 * (unit + 1e6) / 1e8)
    assert result['protconn'] == pytest.approx(100 * math.sqrt(pc_num) / 1e8)
    assert result['nodes'] == 2


def test_a_stepping_stone_outside_the_region_raises_protconn_and_is_counted_as_transboundary():
    region = unary_union([box(0, 0, KM, KM), box(9 * KM, 0, 10 * KM, KM)])
    west, east, stone = box(0, 0, KM, KM), box(9 * KM, 0, 10 * KM, KM), box(4 * KM, 0, 6 * KM, KM)
    area, a = 2e6, 1e6
    without_stone = a * a * 2 + 2 * a * a * p(8000)
    with_stone = a * a * 2 + 2 * a * a * p(3000) * p(3000)
    eca, eca_inside = math.sqrt(with_stone), math.sqrt(without_stone)
    protconn = 100 * eca / area
    result = connectivity.protconn([west, east, stone], region, transboundary_distance=5000)
    none = connectivity.protconn([west, east, stone], region)
    assert none['protconn'] == pytest.approx(100 * eca_inside / area)
    assert result['protconn'] == pytest.approx(protconn)
    assert result['protconn'] > none['protconn']
    assert result['prot'] == none['prot'] == pytest.approx(100.0)
    assert result['stepping_stones'] == 1
    assert result['protconn_trans'] == pytest.approx(100 * (100 * (eca - eca_inside) / area) / protconn)
    prot_fraction = 100 * (100 * math.sqrt(2 * a * a) / area) / protconn
    assert result['protconn_prot'] == pytest.approx(prot_fraction)
    assert result['protconn_unprot'] == pytest.approx(100 - prot_fraction - result['protconn_trans'])
    too_far = connectivity.protconn([west, east, stone], region, transboundary_distance=2000)
    assert too_far['stepping_stones'] == 0


def test_a_region_without_protection_has_zero_protconn_and_no_relconn():
    result = connectivity.protconn([box(50 * KM, 0, 51 * KM, KM)], box(0, 0, 10 * KM, 10 * KM))
    assert result['prot'] == 0 and result['protconn'] == 0 and result['protunconn'] == 0
    assert result['relconn'] is None and result['protconn_prot'] is None and result['protconn_unprot'] is None
    assert connectivity.protconn([], box(0, 0, 1, 1))['protconn'] == 0


def test_pruning_bound_covers_what_far_pairs_would_add():
    region = box(0, 0, 1000 * KM, 10 * KM)
    far = [box(0, 0, KM, KM), box(400 * KM, 0, 401 * KM, KM)]  # p = 0.5^40, below 1e-9
    result = connectivity.protconn(far, region)
    exact = 100 * math.sqrt(2e12 + 2e12 * p(399 * KM)) / region.area
    assert result['protconn'] <= exact <= result['protconn'] + result['protconn_error_bound']
    assert result['protconn_error_bound'] > 0


def test_bad_parameters_are_engine_errors():
    for options in ({'distance': 0}, {'probability': 1.0}, {'transboundary_distance': -1}):
        with pytest.raises(connectivity.EngineError):
            connectivity.protconn([box(0, 0, 1, 1)], box(0, 0, 10, 10), **options)


def test_additions_raise_protconn_as_the_union_does():
    region = box(0, 0, 20 * KM, 5 * KM)
    protected = [box(0, 0, KM, KM), box(12 * KM, 0, 13 * KM, KM)]
    candidate = [box(5 * KM, 0, 8 * KM, KM)]
    base = connectivity.protconn(protected, region)
    added = connectivity.protconn_with_additions(protected, candidate, region)
    assert added['protconn'] > base['protconn']
    assert added == connectivity.protconn(protected + candidate, region)


@pytest.mark.parametrize('transboundary', [0.0, 10 * KM])
def test_each_addition_equals_dissolving_the_candidate_in(transboundary):
    region = box(0, 0, 60 * KM, 45 * KM)
    rng = np.random.default_rng(5)
    protected = [box(x, y, x + side, y + side) for x, y, side in
                 zip(rng.uniform(-5 * KM, 60 * KM, 30), rng.uniform(-5 * KM, 45 * KM, 30), rng.uniform(300, 3000, 30))]
    candidates = [box(x, y, x + side, y + side) for x, y, side in
                  zip(rng.uniform(-5 * KM, 60 * KM, 12), rng.uniform(-5 * KM, 45 * KM, 12), rng.uniform(500, 6000, 12))]
    candidates += [
        None,
        protected[0].buffer(-10),  # already protected: nothing changes
        box(protected[1].bounds[2], protected[1].bounds[1], protected[1].bounds[2] + 500, protected[1].bounds[3]),
        unary_union([box(KM, KM, 2 * KM, 2 * KM), box(30 * KM, 30 * KM, 31 * KM, 31 * KM)]),  # two parts
        box(58 * KM, 20 * KM, 64 * KM, 21 * KM),  # straddles the region's edge
    ]
    fast = connectivity.protconn_with_each_addition(protected, candidates, region,
                                                    transboundary_distance=transboundary)
    assert np.isnan(fast[12])
    base = connectivity.protconn(protected, region, transboundary_distance=transboundary)['protconn']
    assert fast[13] == pytest.approx(base, rel=1e-12)
    for value, candidate in zip(fast, candidates):
        if candidate is not None:
            expected = connectivity.protconn_with_additions(protected, [candidate], region,
                                                            transboundary_distance=transboundary)['protconn']
            assert value == pytest.approx(expected, rel=1e-9)
    assert (fast[~np.isnan(fast)] >= base - 1e-12).all()


def test_each_addition_next_to_a_single_unit_by_hand():
    """A network of one unit has no measured pair yet; the candidate's links are measured from scratch."""
    region = box(0, 0, 100 * KM, 10 * KM)
    unit, candidate = box(0, 0, 10 * KM, 10 * KM), box(12 * KM, 0, 17 * KM, 10 * KM)  # 2 km apart edge to edge
    a1, a2, region_area = 1e8, 5e7, 1e9
    pc_num = a1 ** 2 + a2 ** 2 + 2 * a1 * a2 * 0.5 ** (2000 / 10000)
    expected = 100 * math.sqrt(pc_num) / region_area
    result = connectivity.protconn_with_each_addition([unit], [candidate], region)
    assert result.tolist() == [pytest.approx(expected, rel=1e-12)]


def test_each_addition_far_from_a_single_unit():
    region = box(0, 0, 1000 * KM, 10 * KM)
    unit = box(0, 0, 10 * KM, 10 * KM)
    distant = box(70 * KM, 0, 75 * KM, 10 * KM)  # 60 km away: p = 0.5^6, still above the pruning probability
    beyond = box(800 * KM, 0, 805 * KM, 10 * KM)  # 790 km away: p = 0.5^79, pruned to 0
    a1, a2, region_area = 1e8, 5e7, 1e10
    result = connectivity.protconn_with_each_addition([unit], [distant, beyond], region)
    assert result[0] == pytest.approx(100 * math.sqrt(a1 ** 2 + a2 ** 2 + 2 * a1 * a2 * p(60 * KM)) / region_area,
                                      rel=1e-12)
    assert result[1] == pytest.approx(100 * math.sqrt(a1 ** 2 + a2 ** 2) / region_area, rel=1e-12)


def test_each_addition_without_existing_units():
    region = box(0, 0, 100 * KM, 10 * KM)
    alone = box(12 * KM, 0, 17 * KM, 10 * KM)
    two_parts = unary_union([box(0, 0, KM, KM), box(3 * KM, 0, 4 * KM, KM)])  # 2 km apart
    two_parts_pc_num = 2 * 1e6 ** 2 + 2 * 1e6 * 1e6 * p(2000)
    result = connectivity.protconn_with_each_addition([], [alone, two_parts, None], region)
    assert result[0] == pytest.approx(100 * 5e7 / 1e9, rel=1e-12)
    assert result[1] == pytest.approx(100 * math.sqrt(two_parts_pc_num) / 1e9, rel=1e-12)
    assert np.isnan(result[2])


def test_each_addition_overlapping_a_single_unit_counts_only_the_union():
    region = box(0, 0, 100 * KM, 10 * KM)
    unit, candidate = box(0, 0, 10 * KM, 10 * KM), box(5 * KM, 0, 17 * KM, 10 * KM)  # union 17 km x 10 km
    result = connectivity.protconn_with_each_addition([unit], [candidate], region)
    assert result.tolist() == [pytest.approx(100 * 1.7e8 / 1e9, rel=1e-12)]


few_boxes = st.lists(rectangles(40, 0.2, 8, scale=KM), min_size=0, max_size=4)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(few_boxes, few_boxes.filter(len), st.sampled_from([0.0, 5.0]))
def test_each_addition_equals_adding_each_candidate_alone(protected, candidates, transboundary_km):
    region = box(5 * KM, 5 * KM, 35 * KM, 35 * KM)
    options = {'transboundary_distance': transboundary_km * KM}
    fast = connectivity.protconn_with_each_addition(protected, candidates, region, **options)
    for value, candidate in zip(fast, candidates):
        expected = connectivity.protconn_with_additions(protected, [candidate], region, **options)['protconn']
        assert value == pytest.approx(expected, rel=1e-9, abs=1e-12)


# --- against the dense reference ---------------------------------------------------------------------------


@pytest.mark.parametrize('seed', range(4))
def test_protconn_equals_dense_floyd_warshall_on_random_patches(seed):
    region = box(0, 0, 60 * KM, 45 * KM)
    squares = scattered_squares(seed, 36, 80 * KM, region)
    inside = [square for square in squares if region.contains(square)]
    stones = [square for square in squares if not region.contains(square) and square.distance(region) <= 10 * KM]
    expected = dense_protconn(inside, stones, region.area, K_DEFAULT)
    result = connectivity.protconn(squares, region, transboundary_distance=10 * KM)
    assert len(inside) > 10 and stones
    for name, value in expected.items():
        assert result[name] == pytest.approx(value, rel=1e-9, abs=1e-9), name


@pytest.mark.parametrize('seed', range(3))
def test_small_blocks_and_a_sparse_start_still_give_exact_paths(seed, monkeypatch):
    """Blocks of 2 sources, 1 starting neighbour and no warm-up: links found late must re-run the blocks
    whose paths they shorten, and nothing else changes the answer."""
    monkeypatch.setattr(connectivity, 'SOURCE_BLOCK_CELLS', 60)
    monkeypatch.setattr(connectivity, 'INITIAL_NEIGHBOURS', 1)
    monkeypatch.setattr(connectivity, 'LOCAL_COST_LIMIT', 1e-6)
    region = box(0, 0, 60 * KM, 45 * KM)
    squares = scattered_squares(seed + 10, 30, 60 * KM, region)
    inside = [square for square in squares if region.contains(square)]
    expected = dense_protconn(inside, [], region.area, K_DEFAULT)
    assert connectivity.protconn(squares, region)['protconn'] == pytest.approx(expected['protconn'], rel=1e-9)
    frame = connectivity.node_importance(connectivity.build_network(inside, region))
    pc_num = dense_pc_numerator(inside, [s.area for s in inside], K_DEFAULT)
    others = inside[1:]
    without = dense_pc_numerator(others, [s.area for s in others], K_DEFAULT)
    assert frame.iloc[unit_index(frame, inside[0])]['dpc'] == pytest.approx(100 * (pc_num - without) / pc_num)


def test_other_distance_and_probability_follow_the_kernel():
    region = box(0, 0, 60 * KM, 45 * KM)
    squares = [square for square in scattered_squares(7, 30, 60 * KM, region) if region.contains(square)]
    k = -math.log(0.2) / 3000.0
    expected = dense_protconn(squares, [], region.area, k)
    result = connectivity.protconn(squares, region, distance=3000, probability=0.2)
    assert result['protconn'] == pytest.approx(expected['protconn'], rel=1e-9)


boxes = st.lists(rectangles(40, 0.2, 8, scale=KM), min_size=1, max_size=8)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(boxes, st.floats(0.5, 30), st.sampled_from([0.0, 5.0, 50.0]))
def test_protconn_never_exceeds_prot_and_fractions_add_up(polygons, distance_km, transboundary_km):
    region = box(5 * KM, 5 * KM, 35 * KM, 35 * KM)
    result = connectivity.protconn(polygons, region, distance=distance_km * KM,
                                   transboundary_distance=transboundary_km * KM)
    assert 0 <= result['protconn'] <= result['prot'] * (1 + 1e-12) <= 100 + 1e-9
    if result['prot'] > 0:
        fractions = [result[name] for name in ('protconn_prot', 'protconn_trans', 'protconn_unprot')]
        assert min(fractions) >= -1e-9
        assert sum(fractions) == pytest.approx(100.0)


# --- node importance ---------------------------------------------------------------------------------------


def unit_index(frame, polygon):
    """Row of the importance table whose unit is ``polygon``."""
    inside = [position for position, unit in enumerate(frame['geometry']) if unit.contains(polygon.centroid)]
    assert len(inside) == 1
    return inside[0]


def test_node_importance_equals_removal_by_brute_force():
    region = box(0, 0, 40 * KM, 40 * KM)
    squares = [square for square in scattered_squares(3, 18, 40 * KM, region) if region.contains(square)]
    network = connectivity.build_network(squares, region)
    frame = connectivity.node_importance(network)
    pc_num = dense_pc_numerator(squares, [s.area for s in squares], K_DEFAULT)
    for index, square in enumerate(squares):
        others = squares[:index] + squares[index + 1:]
        without = dense_pc_numerator(others, [s.area for s in others], K_DEFAULT)
        row = frame.iloc[unit_index(frame, square)]
        assert row['dpc'] == pytest.approx(100 * (pc_num - without) / pc_num, rel=1e-9, abs=1e-12)
        assert row['dpc_intra'] == pytest.approx(100 * square.area ** 2 / pc_num)
        assert row['dpc'] == pytest.approx(row['dpc_intra'] + row['dpc_flux'] + row['dpc_connector'])
        assert row['area_km2'] == pytest.approx(square.area / 1e6)
    assert (frame['dpc_connector'] > 1e-6).any()


def test_a_connector_unit_between_two_others_by_hand():
    region = box(0, 0, 20 * KM, 5 * KM)
    west, middle, east = box(0, 0, KM, KM), box(3 * KM, 0, 4 * KM, KM), box(6 * KM, 0, 7 * KM, KM)
    a = 1e6
    pc_num = 3 * a * a + 2 * a * a * (p(2000) + p(2000) + p(2000) * p(2000))
    frame = connectivity.node_importance(connectivity.build_network([west, middle, east], region))
    row = frame.iloc[unit_index(frame, middle)]
    assert row['dpc_flux'] == pytest.approx(100 * 2 * (a * a * p(2000) * 2) / pc_num)
    lost_between_others = 2 * a * a * (p(2000) * p(2000) - p(5000))
    assert row['dpc_connector'] == pytest.approx(100 * lost_between_others / pc_num)


def test_node_importance_reports_each_unit_and_a_cancel_raises():
    region = box(0, 0, 20 * KM, 5 * KM)
    network = connectivity.build_network([box(0, 0, KM, KM), box(3 * KM, 0, 4 * KM, KM)], region)
    percents = []
    connectivity.node_importance(network, feedback=Feedback(percents.append))
    assert percents == [50.0, 100.0]
    with pytest.raises(Canceled):
        connectivity.node_importance(network, feedback=Feedback(is_canceled=lambda: True))
    assert connectivity.node_importance(connectivity.build_network([], region)).empty


# --- the algorithm -----------------------------------------------------------------------------------------


def memory_layer(geometry_type, crs, fields, rows, name='layer'):
    layer = QgsVectorLayer('{}?crs={}&{}'.format(geometry_type, crs, '&'.join('field=' + f for f in fields)),
                           name, 'memory')
    for wkt, attributes in rows:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(wkt) if wkt else QgsGeometry())
        feature.setAttributes(attributes)
        layer.dataProvider().addFeature(feature)
    return layer


def utm_squares():
    """Three protected squares (UTM 50N, metres) and two regions, 四川 with protection and 西藏 without."""
    squares = [box(500 * KM, 3300 * KM, 501 * KM, 3301 * KM), box(503 * KM, 3300 * KM, 505 * KM, 3301 * KM),
               box(560 * KM, 3300 * KM, 561 * KM, 3301 * KM)]
    protected = memory_layer('Polygon', 'EPSG:32650', ['id:integer'],
                             [(square.wkt, [index]) for index, square in enumerate(squares)], 'protected')
    regions = memory_layer('Polygon', 'EPSG:32650', ['名称:string'], [
        (box(498 * KM, 3295 * KM, 510 * KM, 3305 * KM).wkt, ['四川']),
        (box(600 * KM, 3295 * KM, 610 * KM, 3305 * KM).wkt, ['西藏'])], 'regions')
    return squares, protected, regions


def run_protconn(protected, regions, feedback=None, **parameters):
    import processing
    parameters = dict({'PROTECTED': protected, 'REGIONS': regions, 'REGION_FIELD': '名称',
                       'OUTPUT': 'memory:', 'OUTPUT_IMPORTANCE': 'memory:'}, **parameters)
    return processing.run('reserveplanner:protconn', parameters, feedback=feedback)


def rows_by_region(layer):
    return {feature['名称']: feature for feature in layer.getFeatures()}


def test_processing_run_gives_hand_values_per_region_with_chinese_names(qgis_app):
    squares, protected, regions = utm_squares()
    result = run_protconn(protected, regions)
    rows = rows_by_region(result['OUTPUT'])
    a, b, area = 1e6, 2e6, 120e6
    protconn = 100 * math.sqrt(a * a + b * b + 2 * a * b * p(2000)) / area
    assert rows['四川']['prot'] == pytest.approx(100 * 3e6 / area)
    assert rows['四川']['protconn'] == pytest.approx(protconn)
    assert rows['四川']['eca_km2'] == pytest.approx(math.sqrt(a * a + b * b + 2 * a * b * p(2000)) / 1e6)
    assert rows['西藏']['prot'] == 0 and rows['西藏']['protconn'] == 0
    assert rows['西藏']['relconn'] == NULL and rows['西藏']['protconn_prot'] == NULL
    importance = list(result['OUTPUT_IMPORTANCE'].getFeatures())
    assert sorted(feature['area_km2'] for feature in importance) == pytest.approx([1.0, 2.0])
    assert {feature['名称'] for feature in importance} == {'四川'}
    assert sum(feature['dpc_intra'] for feature in importance) == pytest.approx(
        100 * (a * a + b * b) / (a * a + b * b + 2 * a * b * p(2000)))
    assert result['OUTPUT'].crs().authid() == 'EPSG:32650'


def test_regions_in_cgcs2000_and_transboundary_stepping_stones(qgis_app):
    squares, protected, regions_utm = utm_squares()
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem('EPSG:32650'),
                                       QgsCoordinateReferenceSystem('EPSG:4490'), QgsProject.instance())
    rows = []
    for feature in regions_utm.getFeatures():
        geometry = QgsGeometry(feature.geometry())
        geometry.densifyByDistance(500)
        geometry.transform(transform)
        rows.append((geometry.asWkt(), feature.attributes()))
    regions = memory_layer('Polygon', 'EPSG:4490', ['名称:string'], rows)
    same = rows_by_region(run_protconn(protected, regions_utm)['OUTPUT'])
    reprojected = rows_by_region(run_protconn(protected, regions)['OUTPUT'])
    assert reprojected['四川']['protconn'] == pytest.approx(same['四川']['protconn'], rel=1e-3)
    assert reprojected['四川']['prot'] == pytest.approx(same['四川']['prot'], rel=1e-3)


def test_transboundary_distance_brings_in_stepping_stones(qgis_app):
    west, east, stone = box(0, 0, KM, KM), box(9 * KM, 0, 10 * KM, KM), box(4 * KM, 0, 6 * KM, KM)
    protected = memory_layer('Polygon', 'EPSG:32650', ['id:integer'],
                             [(square.wkt, [index]) for index, square in enumerate([west, east, stone])])
    regions = memory_layer('MultiPolygon', 'EPSG:32650', ['名称:string'],
                           [(unary_union([west, east]).wkt, ['两块'])])
    without = rows_by_region(run_protconn(protected, regions)['OUTPUT'])['两块']
    result = run_protconn(protected, regions, TRANSBOUNDARY_DISTANCE=5000)
    stones = rows_by_region(result['OUTPUT'])['两块']
    a = 1e6
    eca, eca_inside = math.sqrt(2 * a * a * (1 + p(3000) ** 2)), math.sqrt(2 * a * a * (1 + p(8000)))
    assert without['protconn'] == pytest.approx(100 * eca_inside / 2e6)
    assert stones['protconn'] == pytest.approx(100 * eca / 2e6)
    assert stones['protconn_trans'] == pytest.approx(100 * (eca - eca_inside) / eca)
    assert result['OUTPUT_IMPORTANCE'].featureCount() == 2  # stepping stones are not units of the region


def test_geographic_inputs_are_measured_in_metres(qgis_app):
    squares, protected_utm, regions_utm = utm_squares()
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem('EPSG:32650'),
                                       QgsCoordinateReferenceSystem('EPSG:4326'), QgsProject.instance())

    def geographic(layer, fields):
        rows = []
        for feature in layer.getFeatures():
            geometry = QgsGeometry(feature.geometry())
            geometry.densifyByDistance(100)
            geometry.transform(transform)
            rows.append((geometry.asWkt(), feature.attributes()))
        return memory_layer('Polygon', 'EPSG:4326', fields, rows)

    protected = geographic(protected_utm, ['id:integer'])
    regions = geographic(regions_utm, ['名称:string'])
    result = run_protconn(protected, regions)
    expected = rows_by_region(run_protconn(protected_utm, regions_utm)['OUTPUT'])
    got = rows_by_region(result['OUTPUT'])
    # UTM areas carry a scale error of up to 0.1 % here; the local equal-area projection has none
    assert got['四川']['prot'] == pytest.approx(expected['四川']['prot'], rel=2e-3)
    assert got['四川']['protconn'] == pytest.approx(expected['四川']['protconn'], rel=2e-3)
    assert result['OUTPUT'].crs().authid() == 'EPSG:4326'


def test_null_geometry_is_reported_with_its_feature_id_and_invalid_is_repaired(qgis_app):
    """A protected area without geometry has no area: left out with a warning naming it, as in every algorithm."""
    _squares, protected, regions = utm_squares()
    with_null = memory_layer('Polygon', 'EPSG:32650', ['id:integer'], [(None, [1])], 'broken')
    feedback = RecordingFeedback()
    rows = rows_by_region(run_protconn(with_null, regions, feedback=feedback)['OUTPUT'])
    assert rows['四川']['prot'] == 0
    assert any('without a geometry' in line and 'broken:1' in line for line in feedback.lines), feedback.lines
    bow_tie = 'POLYGON((500000 3300000, 501000 3301000, 501000 3300000, 500000 3301000, 500000 3300000))'
    repaired = memory_layer('Polygon', 'EPSG:32650', ['id:integer'], [(bow_tie, [1])], 'bow tie')
    rows = rows_by_region(run_protconn(repaired, regions)['OUTPUT'])
    assert rows['四川']['prot'] == pytest.approx(100 * 0.5e6 / 120e6)


def test_a_wdpa_download_counts_the_areas_protectedcoverage_and_target3report_count(qgis_app):
    """A WDPA download holds Proposed areas and whole UNESCO-MAB biosphere reserves (buffer and transition zones
    too): ProtConn (Saura et al.; the JRC's DOPA figures) is computed from the cleaned WDPA, as protectedcoverage and
    target3report clean it. protconn counted them all: Prot 22.5 % instead of 0.83 %, with exit code 0."""
    squares, _protected, regions = utm_squares()
    reserve = box(502 * KM, 3296 * KM, 508 * KM, 3300 * KM)
    wdpa = memory_layer('Polygon', 'EPSG:32650', ['STATUS:string', 'DESIG_ENG:string'], [
        (squares[0].wkt, ['Designated', 'Nature Reserve']), (squares[1].wkt, ['Proposed', 'Nature Reserve']),
        (reserve.wkt, ['Designated', 'UNESCO-MAB Biosphere Reserve'])], 'wdpa')
    feedback = RecordingFeedback()
    rows = rows_by_region(run_protconn(wdpa, regions, feedback=feedback)['OUTPUT'])
    assert rows['四川']['prot'] == pytest.approx(100 * 1e6 / 120e6)
    assert rows['四川']['protconn'] == pytest.approx(100 * 1e6 / 120e6)
    log = '\n'.join(feedback.lines)
    assert 'STATUS "Proposed" removed' in log and 'UNESCO-MAB Biosphere Reserve designations: 1 areas' in log, log
    everything = rows_by_region(run_protconn(wdpa, regions, STATUS_FILTER=False, EXCLUDE_MAB=False)['OUTPUT'])
    assert everything['四川']['prot'] == pytest.approx(100 * (3e6 + 24e6) / 120e6)


def test_a_null_status_is_logged_as_missing_not_as_not_reported(qgis_app):
    """protconn logged an area whose STATUS is NULL as one with STATUS "Not Reported" (a WDPA value): it is removed
    as wdpar removes it, and the log says it has no STATUS."""
    squares, _protected, regions = utm_squares()
    wdpa = memory_layer('Polygon', 'EPSG:32650', ['STATUS:string'], [
        (squares[0].wkt, ['Designated']), (squares[1].wkt, [None])], 'wdpa')
    feedback = RecordingFeedback()
    rows = rows_by_region(run_protconn(wdpa, regions, feedback=feedback)['OUTPUT'])
    assert rows['四川']['prot'] == pytest.approx(100 * 1e6 / 120e6)
    assert 'Status filter: 1 areas without a STATUS (NULL or empty) removed (e.g. wdpa:2).' in feedback.lines, \
        feedback.lines
    assert not any('Not Reported' in line for line in feedback.lines), feedback.lines


def test_empty_layers(qgis_app):
    _squares, _protected, regions = utm_squares()
    empty_protected = memory_layer('Polygon', 'EPSG:32650', ['id:integer'], [])
    rows = rows_by_region(run_protconn(empty_protected, regions)['OUTPUT'])
    assert rows['四川']['prot'] == 0 and rows['四川']['protconn'] == 0
    empty_regions = memory_layer('Polygon', 'EPSG:32650', ['名称:string'], [], 'no regions')
    with pytest.raises(QgsProcessingException, match='no regions'):
        run_protconn(_protected, empty_regions)


def test_outputs_are_styled_when_loaded(qgis_app, tmp_path):
    import processing
    _squares, protected, regions = utm_squares()
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    outputs = {name: QgsProcessingOutputLayerDefinition(str(tmp_path / (name + '.gpkg')), QgsProject.instance())
               for name in ('OUTPUT', 'OUTPUT_IMPORTANCE')}
    result = processing.run('reserveplanner:protconn', dict(
        {'PROTECTED': protected, 'REGIONS': regions, 'REGION_FIELD': '名称'}, **outputs), context=context)
    # protconn.qml grades the regions by ProtConn, protconn_importance.qml the units by dPC
    for name, attribute in (('OUTPUT', 'protconn'), ('OUTPUT_IMPORTANCE', 'dpc')):
        layer = QgsVectorLayer(result[name], name)
        context.layerToLoadOnCompletionDetails(result[name]).postProcessor().postProcessLayer(layer, context, None)
        assert isinstance(layer.renderer(), QgsGraduatedSymbolRenderer)
        assert layer.renderer().classAttribute() == attribute


def test_a_cancelled_run_writes_nothing(qgis_app, tmp_path):
    import processing
    _squares, protected, regions = utm_squares()
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    output = str(tmp_path / 'protconn.gpkg')
    with pytest.raises(QgsProcessingException, match='cancelled'):
        processing.run('reserveplanner:protconn', {'PROTECTED': protected, 'REGIONS': regions, 'REGION_FIELD': '名称',
                                                   'OUTPUT': output}, feedback=feedback)
    assert not os.path.exists(output)


@pytest.mark.parametrize('field_type, value, fid_names', [('string', '四川', ['2', '3']), ('integer', 51, [2, 3])])
def test_each_region_without_a_value_is_its_own_region_named_by_its_feature_id(qgis_app, field_type, value,
                                                                              fid_names):
    _squares, protected, _regions = utm_squares()
    # the first region holds the 1 and 2 km2 squares, the third the 1 km2 square at 560 km, the second none
    regions = memory_layer('Polygon', 'EPSG:32650', ['名称:' + field_type], [
        (box(498 * KM, 3295 * KM, 510 * KM, 3305 * KM).wkt, [value]),
        (box(600 * KM, 3295 * KM, 610 * KM, 3305 * KM).wkt, [NULL]),
        (box(555 * KM, 3295 * KM, 565 * KM, 3305 * KM).wkt, [NULL])], 'regions')
    assert [feature.id() for feature in regions.getFeatures()] == [1, 2, 3]
    result = run_protconn(protected, regions)
    prot = {key: feature['prot'] for key, feature in rows_by_region(result['OUTPUT']).items()}
    assert prot == {value: pytest.approx(100 * 3 / 120), fid_names[0]: 0.0, fid_names[1]: pytest.approx(100 * 1 / 100)}
    importance = {feature['名称']: feature['area_km2'] for feature in result['OUTPUT_IMPORTANCE'].getFeatures()
                  if feature['名称'] == fid_names[1]}
    assert importance == {fid_names[1]: pytest.approx(1.0)}


@pytest.mark.parametrize('region_field, error', [('name', None), ('名字', r'Layer "省界" has no field "名字"')])
def test_the_region_field_is_found_in_any_case_and_a_missing_one_is_refused_before_any_output(
        qgis_app, tmp_path, region_field, error):
    import processing
    _squares, protected, _regions = utm_squares()
    regions = memory_layer('Polygon', 'EPSG:32650', ['NAME:string'],
                           [(box(498 * KM, 3295 * KM, 510 * KM, 3305 * KM).wkt, ['四川'])], '省界')
    output = str(tmp_path / 'protconn.gpkg')
    parameters = {'PROTECTED': protected, 'REGIONS': regions, 'REGION_FIELD': region_field, 'OUTPUT': output}
    if error:
        with pytest.raises(QgsProcessingException, match=error):
            processing.run('reserveplanner:protconn', parameters)
        assert not os.path.exists(output)
    else:
        processing.run('reserveplanner:protconn', parameters)
        assert [feature['NAME'] for feature in QgsVectorLayer(output).getFeatures()] == ['四川']


def test_a_missing_region_field_names_the_file_and_its_table(qgis_app, tmp_path):
    import processing
    _squares, protected, _regions = utm_squares()
    regions = geopackage(str(tmp_path / 'provinces.gpkg'), 32650, [('NAME', ogr.OFTString)],
                         [(box(498 * KM, 3295 * KM, 510 * KM, 3305 * KM).wkt, {'NAME': '四川'})])
    parameters = {'PROTECTED': protected, 'REGIONS': regions + '|layername=provinces', 'REGION_FIELD': '名字',
                  'OUTPUT': 'memory:'}
    with pytest.raises(QgsProcessingException, match=r'Layer "provinces\.gpkg \(provinces\)" has no field "名字"'):
        processing.run('reserveplanner:protconn', parameters)


def write_gpkg(layer, path):
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = 'GPKG'
    options.fileEncoding = 'UTF-8'
    error = QgsVectorFileWriter.writeAsVectorFormatV2(layer, path, QgsProject.instance().transformContext(), options)
    assert error[0] == QgsVectorFileWriter.WriterError.NoError, error


@pytest.mark.external
@pytest.mark.slow
def test_qgis_process_in_a_chinese_folder(qgis_process, tmp_path):
    folder = tmp_path / '保护地'
    folder.mkdir()
    _squares, protected, regions = utm_squares()
    write_gpkg(protected, str(folder / '保护地.gpkg'))
    write_gpkg(regions, str(folder / '区域.gpkg'))
    output = str(folder / '连通性.gpkg')
    code, result, log = qgis_process('protconn', PROTECTED=str(folder / '保护地.gpkg'),
                                     REGIONS=str(folder / '区域.gpkg'), REGION_FIELD='名称', DISTANCE=10000,
                                     PROBABILITY=0.5, TRANSBOUNDARY_DISTANCE=0, OUTPUT=output)
    assert code == 0, log
    assert os.path.exists(output), json.dumps(result)
    rows = rows_by_region(QgsVectorLayer(output, 'out', 'ogr'))
    a, b = 1e6, 2e6
    assert rows['四川']['protconn'] == pytest.approx(100 * math.sqrt(a * a + b * b + 2 * a * b * p(2000)) / 120e6)
