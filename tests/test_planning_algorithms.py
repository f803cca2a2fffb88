"""prioritize, solvemarxan and solvemarzone through processing.run and qgis_process, checked against brute force
and the engine's own reading of the same inputs."""

import csv
import itertools
import os

import numpy as np
import pytest
from osgeo import gdal, ogr
from qgis.core import QgsFeature, QgsProcessingException, QgsVectorLayer
from shapely.geometry import box

from marxan_test_files import marxan_project, marzone_project
from reserve_planner.processing import qgis_io
from reserve_planner.processing.engine import marxan, planning
from support import FIJI, RecordingFeedback, assert_cut_at_180, geopackage, geotiff, memory_layer, run
from test_planning_engine import geometric_boundary, grid

CRS = 'EPSG:32650'
X0, Y0 = 500000.0, 4000000.0


def unit_layer(costs, status=None, columns=4, rows=3, size=100.0):
    """A grid of square planning units (``size`` m) with fields pu_id (101, 102, ...), cost and status."""
    cells = grid(columns, rows, size)
    status = status or [0] * len(cells)
    rows_data = [('POLYGON(({0} {1}, {2} {1}, {2} {3}, {0} {3}, {0} {1}))'.format(
        X0 + cell.bounds[0], Y0 + cell.bounds[1], X0 + cell.bounds[2], Y0 + cell.bounds[3]),
        [101 + index, float(cost), int(state)]) for index, (cell, cost, state) in enumerate(zip(cells, costs, status))]
    return memory_layer('units', 'Polygon', CRS, 'field=pu_id:integer&field=cost:double&field=status:integer',
                        rows_data), cells


def amounts_table(amounts):
    rows = [(None, [int(101 + unit), 'f{}'.format(feature), float(amounts[unit, feature])])
            for unit, feature in zip(*np.nonzero(amounts))]
    return memory_layer('amounts', 'None', CRS, 'field=unit:integer&field=feature:string&field=amount:double', rows)


def example(seed=11):
    generator = np.random.default_rng(seed)
    amounts = generator.integers(0, 6, size=(12, 3)).astype(float)
    amounts[generator.random((12, 3)) < 0.3] = 0
    return generator.integers(1, 20, size=12).astype(float), amounts


def brute_force(costs, amounts, targets, cells, blm, status):
    best = np.inf
    for bits in itertools.product((0, 1), repeat=len(costs)):
        x = np.array(bits, dtype=bool)
        if np.any(x & (status == 3)) or np.any(~x & (status == 2)) or np.any(amounts[x].sum(0) < targets - 1e-9):
            continue
        best = min(best, costs[x].sum() + blm * geometric_boundary(cells, x))
    return best


def solution_values(layer_id, field='solution'):
    layer = layer_id if isinstance(layer_id, QgsVectorLayer) else QgsVectorLayer(layer_id, 'out', 'ogr')
    return {feature[0]: feature[field] for feature in layer.getFeatures()}


@pytest.mark.parametrize('blm', [0.0, 0.05])
def test_prioritize_finds_the_brute_force_optimum_with_locked_units(blm):
    costs, amounts = example()
    status = np.zeros(12, dtype=int)
    status[2], status[9] = 2, 3
    layer, cells = unit_layer(costs, status.tolist())
    result = run('prioritize', temporary_outputs=('OUTPUT', 'OUTPUT_FEATURES'), PLANNING_UNITS=layer,
                 ID_FIELD='pu_id', COST_FIELD='cost', STATUS_FIELD='status', AMOUNTS=amounts_table(amounts),
                 TARGETS='0.4', BLM=blm)
    targets = 0.4 * amounts.sum(axis=0)
    assert result['OBJECTIVE'] == pytest.approx(brute_force(costs, amounts, targets, cells, blm, status))
    assert result['OPTIMAL'] is True
    chosen = solution_values(result['OUTPUT'])
    selected = np.array([chosen[101 + index] for index in range(12)], dtype=bool)
    assert selected[2] and not selected[9]
    assert result['COST'] == pytest.approx(costs[selected].sum())
    assert result['BOUNDARY'] == pytest.approx(geometric_boundary(cells, selected))
    held = {feature['feature']: (feature['held'], feature['target'], feature['met'])
            for feature in result['OUTPUT_FEATURES'].getFeatures()}
    for index in range(3):
        assert held['f{}'.format(index)][0] == pytest.approx(amounts[selected, index].sum())
        assert held['f{}'.format(index)][1] == pytest.approx(targets[index]) and held['f{}'.format(index)][2]


def test_a_planning_unit_across_180_is_written_back_cut_at_180():
    """A Fiji-like planning unit from 177 E to 178 W (one feature whose parts end at 180 E and 180 W) went back to
    EPSG:4326 with a plain transform: one polygon from -178 to 180 degrees, drawn across the whole map. It is cut at
    180 degrees as the coverage outputs are (qgis_io.output_polygon), keeping its area."""
    layer = memory_layer('units', 'MultiPolygon', 'EPSG:4326', 'field=pu_id:integer&field=cost:double',
                         [(FIJI, [101, 1.0]), ('MULTIPOLYGON(((170 -18, 171 -18, 171 -17, 170 -17, 170 -18)))',
                                               [102, 5.0])])
    amounts = memory_layer('amounts', 'None', CRS, 'field=unit:integer&field=feature:string&field=amount:double',
                           [(None, [101, 'f0', 1.0]), (None, [102, 'f0', 1.0])])
    result = run('prioritize', temporary_outputs=('OUTPUT',), PLANNING_UNITS=layer, ID_FIELD='pu_id',
                 COST_FIELD='cost', AMOUNTS=amounts, TARGETS='0.5')
    units = {feature['pu_id']: feature for feature in result['OUTPUT'].getFeatures()}
    assert units[101]['solution'] == 1 and units[102]['solution'] == 0
    assert_cut_at_180(units[101].geometry())


def test_a_planning_unit_across_180_holds_its_own_cells_of_a_raster_in_degrees(tmp_path):
    """A raster of 1 per 1-degree cell around the globe at 17-18 S: the Fiji-like unit from 177 E to 178 W holds the
    five cells whose centres lie in it, not the band its outline spans when it is moved back to degrees uncut."""
    layer = memory_layer('units', 'MultiPolygon', 'EPSG:4326', 'field=pu_id:integer&field=cost:double',
                         [(FIJI, [101, 1.0]), ('MULTIPOLYGON(((170 -18, 171 -18, 171 -17, 170 -17, 170 -18)))',
                                               [102, 5.0])])
    raster = geotiff(tmp_path / 'seabirds.tif', np.ones((1, 360)), 1.0, epsg=4326, x0=-180.0, y0=-17.0)
    result = run('prioritize', temporary_outputs=('OUTPUT', 'OUTPUT_FEATURES'), PLANNING_UNITS=layer,
                 ID_FIELD='pu_id', COST_FIELD='cost', FEATURES=[raster], TARGETS='1')
    feature = next(result['OUTPUT_FEATURES'].getFeatures())
    assert feature['held'] == pytest.approx(6.0, rel=1e-6)
    assert feature['target'] == pytest.approx(6.0, rel=1e-6)


def test_prioritize_portfolio_gives_selection_frequency_over_the_best_plans():
    """Three plans: solution stays the brute-force optimum, frequency is a share of 3 plans, 1 where the best plan
    and every other selects the unit; a locked-in unit is in every plan, a locked-out one in none."""
    costs, amounts = example()
    status = np.zeros(12, dtype=int)
    status[2], status[9] = 2, 3
    layer, cells = unit_layer(costs, status.tolist())
    result = run('prioritize', temporary_outputs=('OUTPUT',), PLANNING_UNITS=layer, ID_FIELD='pu_id',
                 COST_FIELD='cost', STATUS_FIELD='status', AMOUNTS=amounts_table(amounts), TARGETS='0.4', BLM=0.05,
                 PORTFOLIO=3)
    targets = 0.4 * amounts.sum(axis=0)
    assert result['OBJECTIVE'] == pytest.approx(brute_force(costs, amounts, targets, cells, 0.05, status))
    chosen, frequency = solution_values(result['OUTPUT']), solution_values(result['OUTPUT'], 'frequency')
    shares = np.array([frequency[101 + index] for index in range(12)])
    best = np.array([chosen[101 + index] for index in range(12)], dtype=bool)
    assert np.allclose(shares * 3, np.round(shares * 3))
    assert shares[2] == 1.0 and shares[9] == 0.0
    assert np.all(shares[best] >= 1 / 3 - 1e-9)
    assert 0 < np.sum((shares > 0) & (shares < 1))
    output = result['OUTPUT']
    _message, loaded = output.loadNamedStyle(os.path.join(os.path.dirname(os.path.dirname(__file__)), 'resources',
                                                          'styles', 'planning_frequency.qml'))
    assert loaded and output.renderer().classAttribute() == 'frequency'
    every_plan = output.renderer().rangeForValue(1.0)
    assert every_plan is not None and every_plan.label() == 'Every plan'
    assert output.renderer().rangeForValue(0.0).label() == 'Never selected'


def test_prioritize_portfolio_is_refused_for_maximum_utility():
    costs, amounts = example()
    layer, _cells = unit_layer(costs)
    with pytest.raises(QgsProcessingException, match='PORTFOLIO'):
        run('prioritize', temporary_outputs=('OUTPUT',), PLANNING_UNITS=layer, ID_FIELD='pu_id', COST_FIELD='cost',
            AMOUNTS=amounts_table(amounts), OBJECTIVE=1, BUDGET=30.0, PORTFOLIO=2)


def test_prioritize_reads_rasters_and_polygons_as_feature_amounts(tmp_path):
    """Raster of 1 per 10 m cell: a 100 m unit holds 100 cells x 1; polygons: hectares inside each unit."""
    layer, _ = unit_layer([1.0] * 4, columns=2, rows=2)
    values = np.ones((20, 20))
    values[:10, :] = 2.0  # the northern row of units (y 100-200 m) holds 2 per cell
    raster = geotiff(tmp_path / 'habitat.tif', values, 10.0, x0=X0, y0=Y0 + 200)
    wetland = memory_layer('wetland', 'Polygon', CRS, 'field=id:integer',
                           [('POLYGON(({0} {1}, {2} {1}, {2} {3}, {0} {3}, {0} {1}))'.format(
                               X0 + 50, Y0, X0 + 150, Y0 + 50), [1])])
    result = run('prioritize', temporary_outputs=('OUTPUT', 'OUTPUT_FEATURES'), PLANNING_UNITS=layer,
                 ID_FIELD='pu_id', COST_FIELD='cost', FEATURES=[raster, wetland], TARGETS='1')
    held = {feature['feature']: feature['held'] for feature in result['OUTPUT_FEATURES'].getFeatures()}
    assert held['habitat.tif'] == pytest.approx(2 * 100 + 2 * 200)
    assert held['wetland'] == pytest.approx(0.5)  # 100 m x 50 m
    assert set(solution_values(result['OUTPUT']).values()) == {1}


def test_prioritize_maximum_utility_stays_within_budget():
    costs, amounts = example(12)
    layer, cells = unit_layer(costs)
    budget = float(costs.sum() * 0.3)
    result = run('prioritize', temporary_outputs=('OUTPUT',), PLANNING_UNITS=layer, ID_FIELD='pu_id',
                 COST_FIELD='cost', AMOUNTS=amounts_table(amounts), TARGETS='0.5', OBJECTIVE=1, BUDGET=budget)
    targets = 0.5 * amounts.sum(axis=0)
    best = max(np.sum(np.minimum(amounts[np.array(bits, bool)].sum(0), targets) / targets)
               for bits in itertools.product((0, 1), repeat=12) if costs[np.array(bits, bool)].sum() <= budget)
    assert result['COST'] <= budget
    assert result['OBJECTIVE'] == pytest.approx(best)


def test_prioritize_names_a_target_that_cannot_be_met(tmp_path):
    costs, amounts = example()
    table = tmp_path / 'targets.csv'
    table.write_text('feature,prop\nf0,0.9\nf1,0.2\nf2,0.2\n', encoding='utf-8')
    holders = np.flatnonzero(amounts[:, 0] > 0)
    status = np.zeros(12, dtype=int)
    status[holders[:-1]] = 3
    layer, _ = unit_layer(costs, status.tolist())
    feedback = RecordingFeedback()
    result = run('prioritize', feedback=feedback, temporary_outputs=('OUTPUT', 'OUTPUT_FEATURES'),
                 PLANNING_UNITS=layer, ID_FIELD='pu_id', COST_FIELD='cost', STATUS_FIELD='status',
                 AMOUNTS=amounts_table(amounts), TARGETS=str(table))
    warning = [line for line in feedback.lines if 'cannot reach their target' in line]
    assert warning and '"f0"' in warning[0] and '"f1"' not in warning[0]
    met = {feature['feature']: feature['met'] for feature in result['OUTPUT_FEATURES'].getFeatures()}
    assert met == {'f0': False, 'f1': True, 'f2': True}


def test_prioritize_targets_from_a_table(tmp_path):
    costs, amounts = example()
    layer, cells = unit_layer(costs)
    table = tmp_path / 'targets.csv'
    table.write_text('feature,prop,target\nf0,0.5,0\nf1,0,4\nf2,0.2,0\n', encoding='utf-8')
    result = run('prioritize', temporary_outputs=('OUTPUT', 'OUTPUT_FEATURES'), PLANNING_UNITS=layer,
                 ID_FIELD='pu_id', COST_FIELD='cost', AMOUNTS=amounts_table(amounts), TARGETS=str(table))
    targets = {feature['feature']: feature['target'] for feature in result['OUTPUT_FEATURES'].getFeatures()}
    totals = amounts.sum(axis=0)
    assert targets == pytest.approx({'f0': 0.5 * totals[0], 'f1': 4.0, 'f2': 0.2 * totals[2]})


@pytest.mark.parametrize('change, words', [
    ({'TARGETS': '1.5'}, 'target proportion 1.5'),
    ({'TARGETS': 'thirty'}, 'TARGETS must be a proportion'),
    ({'costs': -3.0}, 'Planning unit 101 has the cost -3.0'),
    ({'unit': 999}, 'names planning unit "999"'),
    ({'OBJECTIVE': 1}, 'Maximum utility needs a BUDGET'),
])
def test_prioritize_bad_input_gets_clear_messages(change, words):
    costs, amounts = example()
    costs[0] = change.pop('costs', costs[0])
    layer, _ = unit_layer(costs)
    table = amounts_table(amounts)
    if 'unit' in change:
        table = memory_layer('amounts', 'None', CRS, 'field=unit:integer&field=feature:string&field=amount:double',
                             [(None, [change.pop('unit'), 'f0', 1.0])])
    parameters = dict(PLANNING_UNITS=layer, ID_FIELD='pu_id', COST_FIELD='cost', AMOUNTS=table, TARGETS='0.3')
    parameters.update(change)
    with pytest.raises(QgsProcessingException, match=words):
        run('prioritize', temporary_outputs=('OUTPUT',), **parameters)


def test_prioritize_refuses_an_amount_or_a_target_given_twice(tmp_path):
    """A repeated row would otherwise double an amount (the table's rows were summed) or drop a target (the last
    row of a feature won)."""
    costs, amounts = example()
    layer, _ = unit_layer(costs)
    twice = memory_layer('amounts', 'None', CRS, 'field=unit:integer&field=feature:string&field=amount:double',
                         [(None, [101, 'f0', 3.0]), (None, [102, 'f0', 1.0]), (None, [101, 'f0', 3.0])])
    parameters = dict(PLANNING_UNITS=layer, ID_FIELD='pu_id', COST_FIELD='cost', AMOUNTS=twice, TARGETS='0.3')
    with pytest.raises(QgsProcessingException, match='amount of "f0" in unit "101" twice'):
        run('prioritize', temporary_outputs=('OUTPUT',), **parameters)
    table = tmp_path / 'targets.csv'
    table.write_text('feature,prop\nf0,0.5\n\nf1,0.2\nf2,0.2\nf0,0.1\n', encoding='utf-8')
    parameters.update(AMOUNTS=amounts_table(amounts), TARGETS=str(table))
    with pytest.raises(QgsProcessingException, match='gives feature "f0" on lines 2 and 6'):
        run('prioritize', temporary_outputs=('OUTPUT',), **parameters)


def test_prioritize_matches_ids_stored_as_reals_with_an_integer_table():
    """Shapefiles and spreadsheets often store integer ids as reals (101.0): the table's 101 is that unit."""
    costs, amounts = example()
    layer, _ = unit_layer(costs)
    as_reals = memory_layer('units', 'Polygon', CRS, 'field=pu_id:double&field=cost:double',
                            [(feature.geometry().asWkt(), [float(feature['pu_id']), feature['cost']])
                             for feature in layer.getFeatures()])
    parameters = dict(ID_FIELD='pu_id', COST_FIELD='cost', AMOUNTS=amounts_table(amounts), TARGETS='0.3')
    expected = run('prioritize', temporary_outputs=('OUTPUT',), PLANNING_UNITS=layer, **parameters)
    got = run('prioritize', temporary_outputs=('OUTPUT',), PLANNING_UNITS=as_reals, **parameters)
    assert got['COST'] == expected['COST']
    assert solution_values(got['OUTPUT']) == solution_values(expected['OUTPUT'])


def table_geopackage(path, fields, rows):
    """A GeoPackage table without geometry at ``path``, written with OGR: ``fields`` (name, OGR type) pairs and
    ``rows`` lists of values."""
    dataset = ogr.GetDriverByName('GPKG').CreateDataSource(str(path))
    layer = dataset.CreateLayer('amounts', None, ogr.wkbNone)
    for name, kind in fields:
        layer.CreateField(ogr.FieldDefn(name, kind))
    for values in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        for (name, _), value in zip(fields, values):
            feature.SetField(name, value)
        layer.CreateFeature(feature)
    dataset = None
    return str(path)


def units_geopackage(path, layer, id_type):
    """The planning units of the memory ``layer`` in a GeoPackage, pu_id of OGR type ``id_type``."""
    rows = [(feature.geometry().asWkt(), {'pu_id': feature['pu_id'], 'cost': feature['cost']})
            for feature in layer.getFeatures()]
    return geopackage(str(path), 32650, [('pu_id', id_type), ('cost', ogr.OFTReal)], rows)


def feature_targets(result):
    return {feature['feature']: feature['target'] for feature in result['OUTPUT_FEATURES'].getFeatures()}


@pytest.mark.parametrize('units_id, table', [('real', 'geopackage, integer unit, real feature'),
                                             ('integer', 'CSV, units and features written as reals')])
def test_prioritize_matches_units_and_features_stored_as_reals_with_integers(tmp_path, units_id, table):
    """A feature read from a real field is 1.0, from a CSV file "1.0": it is the TARGETS table's feature 1 (it
    was refused: the table had no row for "1.0"), and unit 101.0 is unit 101, whichever side holds the reals."""
    costs, amounts = example()
    layer, _ = unit_layer(costs)
    targets = tmp_path / 'targets.csv'
    targets.write_text('feature,prop\n1,0.5\n2,0.2\n3,0.4\n', encoding='utf-8')
    cells = [(int(101 + unit), int(feature + 1), float(amounts[unit, feature]))
             for unit, feature in zip(*np.nonzero(amounts))]
    expected = run('prioritize', temporary_outputs=('OUTPUT', 'OUTPUT_FEATURES'), PLANNING_UNITS=layer,
                   ID_FIELD='pu_id', COST_FIELD='cost', TARGETS=str(targets), AMOUNTS=memory_layer(
                       'amounts', 'None', CRS, 'field=unit:integer&field=feature:string&field=amount:double',
                       [(None, [unit, str(feature), amount]) for unit, feature, amount in cells]))
    units = units_geopackage(tmp_path / 'units.gpkg', layer, ogr.OFTReal if units_id == 'real' else ogr.OFTInteger)
    if table.startswith('geopackage'):
        amounts_path = table_geopackage(tmp_path / 'amounts.gpkg', [
            ('unit', ogr.OFTInteger), ('feature', ogr.OFTReal), ('amount', ogr.OFTReal)],
            [(unit, float(feature), amount) for unit, feature, amount in cells])
    else:
        amounts_path = str(tmp_path / 'amounts.csv')
        with open(amounts_path, 'w', encoding='utf-8') as handle:
            handle.write('unit,feature,amount\n' + ''.join('{:.1f},{:.1f},{}\n'.format(unit, feature, amount)
                                                          for unit, feature, amount in cells))
    got = run('prioritize', temporary_outputs=('OUTPUT', 'OUTPUT_FEATURES'), PLANNING_UNITS=units,
              ID_FIELD='pu_id', COST_FIELD='cost', TARGETS=str(targets), AMOUNTS=amounts_path)
    assert feature_targets(got) == pytest.approx(feature_targets(expected))
    assert sorted(feature_targets(got)) == ['1', '2', '3']
    assert got['COST'] == expected['COST']
    assert sorted(solution_values(got['OUTPUT']).values()) == sorted(solution_values(expected['OUTPUT']).values())


@pytest.mark.parametrize('name, words', [
    (1.5, 'has no row for the features 1.5'),
    ('oak', 'has no row for the features oak'),
])
def test_prioritize_keeps_features_that_are_not_whole_numbers_apart_from_whole_ones(tmp_path, name, words):
    """Only whole numbers match whatever their type: feature 1.5 is not 1 or 2, nor is a text name."""
    costs, amounts = example()
    layer, _ = unit_layer(costs)
    targets = tmp_path / 'targets.csv'
    targets.write_text('feature,prop\n1,0.5\n2,0.2\n', encoding='utf-8')
    kind = ogr.OFTReal if isinstance(name, float) else ogr.OFTString
    amounts_path = table_geopackage(tmp_path / 'amounts.gpkg', [
        ('unit', ogr.OFTInteger), ('feature', kind), ('amount', ogr.OFTReal)],
        [(101, 1.0 if kind == ogr.OFTReal else '1', 2.0), (102, '2.0' if kind == ogr.OFTString else 2.0, 1.0),
         (103, name, 4.0)])
    with pytest.raises(QgsProcessingException, match=words):
        run('prioritize', temporary_outputs=('OUTPUT',), PLANNING_UNITS=layer, ID_FIELD='pu_id', COST_FIELD='cost',
            TARGETS=str(targets), AMOUNTS=amounts_path)


@pytest.mark.parametrize('values', [
    (0, 0.0, -0.0, '0', '0.0', '-0.0', '-0.', '-0'),
    (-5, -5.0, '-5', '-5.0', '-5.00'),
    (12345678901234567890, '12345678901234567890', '12345678901234567890.0'),
])
def test_whole_numbers_written_every_way_are_one_id(values):
    """qgis_io.id_key: a CSV's "-0.0" is the zero a real field reads as -0.0 and an integer field as 0 (it was
    "-0", an id of its own); negative and huge whole numbers match whether written as integers or reals."""
    assert {qgis_io.id_key(value) for value in values} == {str(values[0])}


@pytest.mark.parametrize('value', ['1.5', '007', '+1.0', ' 1.0', '1e3', '١.٠', 'oak', '-0.5'])
def test_ids_that_are_not_plain_whole_numbers_keep_their_text(value):
    assert qgis_io.id_key(value) == value


def test_planning_unit_ids_equal_as_whole_numbers_are_refused_as_shared(tmp_path):
    """Text ids "101" and "101.0" are one id for the AMOUNTS table: two units holding them are refused."""
    costs, amounts = example()
    layer, _ = unit_layer(costs)
    as_text = memory_layer('units', 'Polygon', CRS, 'field=pu_id:string&field=cost:double',
                           [(feature.geometry().asWkt(), ['101.0' if index == 1 else str(feature['pu_id']),
                                                          feature['cost']])
                            for index, feature in enumerate(layer.getFeatures())])
    with pytest.raises(QgsProcessingException, match='features 1 and 2 share the id "101.0"'):
        run('prioritize', temporary_outputs=('OUTPUT',), PLANNING_UNITS=as_text, ID_FIELD='pu_id',
            COST_FIELD='cost', AMOUNTS=amounts_table(amounts), TARGETS='0.3')


@pytest.mark.parametrize('case, words', [
    ('status 2.5', 'feature 2 has the status 2.5 in field "status"'),
    ('no planning units', 'The planning unit layer "units" has no features'),
    ('a row without a feature', 'Table "amounts": feature 1 names no feature in field "feature"'),
    ('an empty table', 'Table "amounts" has no rows'),
    ('a raster beside the units', 'Feature layer "beside.tif" has nothing in any planning unit'),
    ('a unit drawn twice', 'Planning units "101" and "113" of layer "units" overlap by 10000.0 m²'),
    ('a raster whose -9999 is not its nodata', 'Feature layer "no_nodata.tif" gives the planning unit of feature id 1 '
                                               'the amount -999900: .* declare it as its nodata value'),
])
def test_prioritize_names_what_it_cannot_plan_with(tmp_path, case, words):
    """Each of these used to run to exit 0: status 2.5 read as 2 (locked in); a raster beside the units (or a
    table row without a feature name) gave a feature "met" by an empty plan; an empty layer or table was
    reported as "give the features to plan for"."""
    costs, amounts = example()
    layer, _ = unit_layer(costs)
    if case == 'status 2.5':
        layer = memory_layer('units', 'Polygon', CRS, 'field=pu_id:integer&field=cost:double&field=status:double',
                             [(feature.geometry().asWkt(), [feature['pu_id'], feature['cost'], 2.5 * (index == 1)])
                              for index, feature in enumerate(layer.getFeatures())])
    parameters = dict(PLANNING_UNITS=layer, ID_FIELD='pu_id', COST_FIELD='cost', STATUS_FIELD='status',
                      AMOUNTS=amounts_table(amounts), TARGETS='0.3')
    fields = 'field=unit:integer&field=feature:string&field=amount:double'
    if case == 'no planning units':
        parameters['PLANNING_UNITS'] = memory_layer('units', 'Polygon', CRS, 'field=pu_id:integer&field=cost:double&'
                                                                              'field=status:integer', [])
    elif case == 'a row without a feature':
        parameters['AMOUNTS'] = memory_layer('amounts', 'None', CRS, fields, [(None, [101, None, 1.0])])
    elif case == 'an empty table':
        parameters['AMOUNTS'] = memory_layer('amounts', 'None', CRS, fields, [])
    elif case == 'a unit drawn twice':  # its land would count twice: a plan could select both copies
        first = next(layer.getFeatures())
        copy = QgsFeature(layer.fields())
        copy.setGeometry(first.geometry())
        copy.setAttributes([113, 1.0, 0])
        assert layer.dataProvider().addFeatures([copy])
    elif case == 'a raster whose -9999 is not its nodata':  # 100 cells of 10 m under the first unit
        path = geotiff(tmp_path / 'no_nodata.tif', np.full((10, 10), -9999.0), 10.0, x0=X0, y0=Y0 + 100)
        dataset = gdal.Open(path, gdal.GA_Update)
        dataset.GetRasterBand(1).DeleteNoDataValue()
        dataset = None
        parameters['FEATURES'] = [path]
    elif case == 'a raster beside the units':
        parameters['FEATURES'] = [geotiff(tmp_path / 'beside.tif', np.ones((5, 5)), 100.0, x0=X0 + 5000, y0=Y0)]
    with pytest.raises(QgsProcessingException, match=words):
        run('prioritize', temporary_outputs=('OUTPUT',), **parameters)


def test_a_feature_absent_from_every_unit_is_warned_about_and_the_run_goes_on(tmp_path):
    """A species raster over the units that holds none of the species there, as in one province of a batch over
    all: a warning naming it, not an error, and a plan for the other features."""
    costs, _ = example()
    layer, _ = unit_layer(costs)
    absent = geotiff(tmp_path / 'absent.tif', np.zeros((3, 4)), 100.0, x0=X0, y0=Y0 + 300)
    present = geotiff(tmp_path / 'present.tif', np.ones((3, 4)), 100.0, x0=X0, y0=Y0 + 300)
    feedback = RecordingFeedback()
    result = run('prioritize', feedback=feedback, temporary_outputs=('OUTPUT',), PLANNING_UNITS=layer, ID_FIELD='pu_id',
                 COST_FIELD='cost', FEATURES=[present, absent], TARGETS='0.3')
    assert any('These features have no amount in any planning unit' in line and 'absent' in line
               for line in feedback.lines), feedback.lines
    assert sum(solution_values(result['OUTPUT']).values()) >= 4


def written_project(folder, blm=0.05):
    costs, amounts = example()
    cells = grid(4, 3)
    project = marxan.MarxanProject(
        np.arange(1, 13), costs, np.zeros(12, dtype=int), np.array([1, 2, 3]), ['f0', 'f1', 'f2'],
        0.4 * amounts.sum(axis=0), np.full(3, 0.4), planning.sparse.csr_matrix(amounts),
        planning.shared_boundaries(cells), blm)
    return marxan.write_marxan(folder, project), costs, amounts, cells


def test_solvemarxan_matches_brute_force(tmp_path):
    path, costs, amounts, cells = written_project(str(tmp_path))
    result = run('solvemarxan', temporary_outputs=('OUTPUT',), MARXAN_INPUT=path, TIME_LIMIT=60)
    best = brute_force(costs, amounts, 0.4 * amounts.sum(axis=0), cells, 0.05, np.zeros(12))
    assert result['OBJECTIVE'] == pytest.approx(best) and result['OPTIMAL'] is True
    chosen = solution_values(result['OUTPUT'])
    assert sorted(chosen) == list(range(1, 13))
    selected = np.array([chosen[unit] for unit in range(1, 13)], dtype=bool)
    assert result['BOUNDARY'] == pytest.approx(geometric_boundary(cells, selected))


def test_solvemarxan_names_a_missing_unit(tmp_path):
    path, *_ = written_project(str(tmp_path))
    with open(os.path.join(str(tmp_path), 'input', 'puvspr.dat'), 'a', encoding='utf-8') as handle:
        handle.write('1,77,3\n')
    with pytest.raises(QgsProcessingException, match='names planning unit 77, which pu.dat does not list'):
        run('solvemarxan', temporary_outputs=('OUTPUT',), MARXAN_INPUT=path)


def test_solvemarxan_warns_of_a_feature_without_amounts(tmp_path):
    """A spec.dat feature that puvspr.dat never names gets a target of 0 from its prop, met by doing nothing."""
    path, *_ = written_project(str(tmp_path))
    with open(os.path.join(str(tmp_path), 'input', 'spec.dat'), 'a', encoding='utf-8') as handle:
        handle.write('4,0,0.3,orchid\n')
    feedback = RecordingFeedback()
    run('solvemarxan', feedback=feedback, temporary_outputs=('OUTPUT',), MARXAN_INPUT=path, TIME_LIMIT=60)
    warning = [line for line in feedback.lines if 'no amount in any planning unit' in line]
    assert warning and '"orchid"' in warning[0] and '"f0"' not in warning[0]


@pytest.mark.parametrize('algorithm', ['solvemarxan', 'solvemarzone'])
def test_a_project_made_on_windows_is_solved_with_a_warning_for_the_windows_path(tmp_path, algorithm):
    """input.dat from Windows: INPUTDIR with backslashes, PUNAME a drive-letter path. The pu.dat in INPUTDIR is
    read, said in a warning; the solution is that of the same project with local paths."""
    path = marxan_project(str(tmp_path)) if algorithm == 'solvemarxan' else marzone_project(str(tmp_path))
    expected = run(algorithm, temporary_outputs=('OUTPUT',), MARXAN_INPUT=path)
    with open(path, encoding='utf-8') as handle:
        lines = handle.read().replace('PUNAME pu.dat\n', '').replace(
            'INPUTDIR input\n', 'INPUTDIR .\\input\\\nPUNAME C:\\Marxan\\input\\pu.dat\n')
    with open(path, 'w', encoding='utf-8', newline='\r\n') as handle:
        handle.write(lines)
    feedback = RecordingFeedback()
    got = run(algorithm, feedback=feedback, temporary_outputs=('OUTPUT',), MARXAN_INPUT=path)
    assert got['OBJECTIVE'] == pytest.approx(expected['OBJECTIVE'])
    assert solution_values(got['OUTPUT'], field=1) == solution_values(expected['OUTPUT'], field=1)
    assert any('gives PUNAME "C:\\Marxan\\input\\pu.dat", a Windows path that does not exist on this computer: '
               '{} is read instead.'.format(os.path.join(str(tmp_path), 'input', 'pu.dat')) in line
               for line in feedback.lines), feedback.lines


def test_solvemarzone_writes_zone_ids(tmp_path):
    path = marzone_project(str(tmp_path))
    result = run('solvemarzone', temporary_outputs=('OUTPUT',), MARXAN_INPUT=path)
    zones = solution_values(result['OUTPUT'], 'zone')
    project = marxan.read_marzone(path)
    expected = planning.solve_zones(project.problem, project.edges, project.blm)
    assert result['OBJECTIVE'] == pytest.approx(expected.objective)
    assert zones[1] == 3  # locked to buffer by pulock.dat
    assert zones[4] in (1, 3)  # puzone.dat allows available or buffer only


@pytest.mark.external
@pytest.mark.slow
def test_solvemarxan_through_qgis_process(qgis_process, tmp_path):
    path, costs, amounts, cells = written_project(str(tmp_path / 'project'))
    output = str(tmp_path / 'best.csv')
    returncode, result, log = qgis_process('solvemarxan', MARXAN_INPUT=path, TIME_LIMIT=60, GAP=0, OUTPUT=output)
    assert returncode == 0, log
    best = brute_force(costs, amounts, 0.4 * amounts.sum(axis=0), cells, 0.05, np.zeros(12))
    assert result['results']['OBJECTIVE'] == pytest.approx(best)
    assert result['results']['OPTIMAL'] is True
    with open(output, encoding='utf-8') as handle:
        assert handle.readline().strip() == 'planning_unit,solution'


@pytest.mark.external
@pytest.mark.slow
def test_prioritize_through_qgis_process_equals_the_processing_run(qgis_process, tmp_path):
    """A batch user's run from the command line (units and a feature as GeoPackages) gives the plan and objective
    of processing.run on the same files."""
    costs, _ = example()
    cells = grid(4, 3, 100.0)
    units = geopackage(str(tmp_path / 'units.gpkg'), 32650, [('pu_id', ogr.OFTInteger), ('cost', ogr.OFTReal)], [
        (box(X0 + cell.bounds[0], Y0 + cell.bounds[1], X0 + cell.bounds[2], Y0 + cell.bounds[3]).wkt,
         {'pu_id': 101 + index, 'cost': float(cost)}) for index, (cell, cost) in enumerate(zip(cells, costs))])
    habitat = geopackage(str(tmp_path / 'habitat.gpkg'), 32650, [], [(box(X0 + 50, Y0, X0 + 330, Y0 + 260).wkt, {})])
    parameters = dict(PLANNING_UNITS=units, ID_FIELD='pu_id', COST_FIELD='cost', TARGETS='0.5', BLM=0.05)
    expected = run('prioritize', temporary_outputs=('OUTPUT', 'OUTPUT_FEATURES'), FEATURES=[habitat], **parameters)
    output = str(tmp_path / 'plan.gpkg')
    returncode, result, log = qgis_process('prioritize', 'FEATURES=' + habitat, OUTPUT=output,
                                           OUTPUT_FEATURES=str(tmp_path / 'held.gpkg'), **parameters)
    assert returncode == 0, log
    assert result['results']['OBJECTIVE'] == pytest.approx(expected['OBJECTIVE'])
    assert result['results']['OPTIMAL'] is True
    assert solution_values(output) == solution_values(expected['OUTPUT'])


@pytest.mark.external
@pytest.mark.slow
def test_solvemarzone_through_qgis_process(qgis_process, tmp_path):
    path = marzone_project(str(tmp_path / 'project'))
    output = str(tmp_path / 'zones.csv')
    returncode, result, log = qgis_process('solvemarzone', MARXAN_INPUT=path, OUTPUT=output)
    assert returncode == 0, log
    project = marxan.read_marzone(path)
    expected = planning.solve_zones(project.problem, project.edges, project.blm)
    assert result['results']['OBJECTIVE'] == pytest.approx(expected.objective)
    with open(output, encoding='utf-8', newline='') as handle:
        zones = {int(row['planning_unit']): int(row['zone']) for row in csv.DictReader(handle)}
    assert zones[1] == 3  # locked to buffer by pulock.dat, as in the processing.run test
