"""The circuitscape algorithm through processing.run, batch, the Graphical Modeler and qgis_process: Circuitscape's
own cases through Float32 GeoTIFFs, focal points in another CRS, cell size and CRS independence, outputs and
bad input."""

import os

import numpy as np
import processing
import pytest
from osgeo import gdal
from qgis.core import (
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelOutput,
    QgsProcessingModelParameter,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterVectorLayer,
    QgsVectorLayer,
)

from circuitscape_cases import Case, read_ascii_grid
from support import RecordingFeedback, geotiff, memory_layer, read_raster, run

ALGORITHM = 'circuitscape'
LOOSE = 1e-5
"""Relative tolerance through Float32 GeoTIFFs (float32 keeps about 7 digits)."""


def table(path):
    """Rows of a resistance table as dicts (NULL as None)."""
    layer = QgsVectorLayer(path, 'table', 'ogr')
    assert layer.isValid()
    return [{name: (None if feature[name] is None or str(feature[name]) == 'NULL' else feature[name])
             for name in layer.fields().names() if name != 'fid'} for feature in layer.getFeatures()]


def case_parameters(case):
    """processing.run parameters reproducing a shared Circuitscape case from its own files."""
    parameters = {
        'RESISTANCE': case.path('habitat_file'), 'IS_CONDUCTANCE': not case.flag('habitat_map_is_resistances'),
        'FOUR_NEIGHBORS': case.flag('connect_four_neighbors_only'),
        'AVERAGE_RESISTANCES': case.flag('connect_using_avg_resistances'),
        'MODE': ('pairwise', 'one-to-all', 'all-to-one', 'advanced').index(case.mode)}
    if case.flag('use_polygons'):
        parameters['SHORT_CIRCUIT'] = case.path('polygon_file')
    if case.flag('use_mask'):
        parameters['MASK'] = case.path('mask_file')
    if case.flag('use_included_pairs'):
        parameters['INCLUDED_PAIRS'] = case.path('included_pairs_file')
    return parameters


def focal_points_layer(case, header):
    """The case's focal points (text file: id x y) as a point layer without CRS, like the grids."""
    table_rows = np.loadtxt(case.path('point_file'), ndmin=2)
    return memory_layer('focal', 'Point', '', 'field=id:integer',
                        [('POINT({} {})'.format(x, y), [int(focal_id)]) for focal_id, x, y in table_rows])


@pytest.mark.parametrize('folder, number, stem', [
    ('pairwise', 5, 'sgVerify'), ('pairwise', 13, 'sgVerify'), ('pairwise', 17, 'sgVerify'),
    ('one_to_all', 1, 'oneToAllVerify'), ('all_to_one', 4, 'allToOneVerify'), ('advanced', 1, 'mgVerify')])
def test_circuitscape_cases_through_geotiffs(shared_dir, tmp_path, folder, number, stem):
    case = Case(os.path.join(shared_dir, 'reference'), folder, number, stem)
    parameters = case_parameters(case)
    _, header = case.grid('habitat_file')
    if case.mode == 'advanced':
        parameters.update(SOURCES=case.path('source_file'), GROUNDS=case.path('ground_file'),
                          GROUNDS_ARE_RESISTANCES=case.flag('ground_file_is_resistances'),
                          OUTPUT_VOLTAGE=str(tmp_path / 'voltage.tif'))
    elif case.path('point_file').endswith('.txt'):
        parameters.update(FOCAL_POINTS=focal_points_layer(case, header), FOCAL_ID_FIELD='id')
    else:
        parameters['FOCAL_NODES'] = case.path('point_file')
    results = run(ALGORITHM, OUTPUT_CURRENT=str(tmp_path / 'current.tif'),
                  OUTPUT_RESISTANCES=str(tmp_path / 'resistances.gpkg'), **parameters)
    current, _, _ = read_raster(results['OUTPUT_CURRENT'])
    if case.mode == 'advanced':
        expected = {'current.tif': case.expected('curmap.asc'), 'voltage.tif': case.expected('voltmap.asc')}
    elif case.flag('write_cur_maps'):
        expected = {'current.tif': case.expected('cum_curmap.asc')}
    else:  # Circuitscape wrote no current map for this case
        expected = {}
    for name, expected_path in expected.items():
        ours, _, _ = read_raster(tmp_path / name)
        reference, _ = read_ascii_grid(expected_path)
        np.testing.assert_allclose(np.nan_to_num(ours), np.nan_to_num(reference), rtol=LOOSE, atol=1e-6)
    rows = table(results['OUTPUT_RESISTANCES']) if case.mode != 'advanced' else []
    if case.mode == 'pairwise':
        ids, matrix = case.expected_matrix()
        position = {int(focal_id): index for index, focal_id in enumerate(ids)}
        for row in rows:
            expected_value = matrix[position[row['from_id']], position[row['to_id']]]
            assert (row['resistance'] is None) == np.isnan(expected_value)
            if row['resistance'] is not None:
                assert abs(row['resistance'] - expected_value) <= 1e-3
        assert len(rows) == len(ids) * (len(ids) - 1) // 2 or case.flag('use_included_pairs')
    elif case.mode == 'one-to-all':
        expected_column = case.expected_column()
        assert [row['node_id'] for row in rows] == list(expected_column)
        for row in rows:
            expected_value = expected_column[row['node_id']]
            assert (row['resistance'] is None) == np.isnan(expected_value)
            assert row['resistance'] is None or abs(row['resistance'] - expected_value) <= 1e-3


def corridor_landscape(tmp_path, cell_size=100.0, epsg=32650, name='resistance.tif'):
    """A 12 x 20 landscape with a cheap band through a costly matrix; returns (path, array)."""
    values = np.full((12, 20), 20.0)
    values[5:7, :] = 1.0
    values[0, 0] = np.nan
    return geotiff(tmp_path / name, values, cell_size, epsg=epsg), values


def two_points(epsg='EPSG:32650', cell_size=100.0, transform=None):
    """Focal points 1 and 2 in the centres of cells (5, 2) and (6, 17) of corridor_landscape."""
    x0, y0 = 500000.0, 4000000.0
    points = [(x0 + 2.5 * cell_size, y0 - 5.5 * cell_size), (x0 + 17.5 * cell_size, y0 - 6.5 * cell_size)]
    if transform is not None:
        points = [transform(x, y) for x, y in points]
    return memory_layer('focal', 'Point', epsg, 'field=core:integer',
                        [('POINT({} {})'.format(x, y), [index + 1]) for index, (x, y) in enumerate(points)])


def test_focal_points_in_another_crs_are_reprojected(tmp_path):
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject

    path, _ = corridor_landscape(tmp_path)
    to_wgs84 = QgsCoordinateTransform(QgsCoordinateReferenceSystem('EPSG:32650'),
                                      QgsCoordinateReferenceSystem('EPSG:4326'), QgsProject.instance())

    def transform(x, y):
        point = to_wgs84.transform(QgsPointXY(x, y))
        return point.x(), point.y()

    same_crs = run(ALGORITHM, RESISTANCE=path, FOCAL_POINTS=two_points(), FOCAL_ID_FIELD='core',
                   OUTPUT_CURRENT=str(tmp_path / 'a.tif'), OUTPUT_RESISTANCES=str(tmp_path / 'a.gpkg'))
    geographic = run(ALGORITHM, RESISTANCE=path, FOCAL_POINTS=two_points('EPSG:4326', transform=transform),
                     FOCAL_ID_FIELD='core', OUTPUT_CURRENT=str(tmp_path / 'b.tif'),
                     OUTPUT_RESISTANCES=str(tmp_path / 'b.gpkg'))
    assert table(same_crs['OUTPUT_RESISTANCES']) == table(geographic['OUTPUT_RESISTANCES'])
    np.testing.assert_array_equal(read_raster(same_crs['OUTPUT_CURRENT'])[0],
                                  read_raster(geographic['OUTPUT_CURRENT'])[0])


def test_cell_size_never_scales_results_and_no_crs_is_needed(tmp_path):
    small, values = corridor_landscape(tmp_path, 10.0, name='small.tif')
    large, _ = corridor_landscape(tmp_path, 1000.0, name='large.tif')
    focal = np.zeros(values.shape)
    focal[5, 2], focal[6, 17] = 1, 2
    no_crs = str(tmp_path / 'no_crs.asc')  # an ESRI ASCII grid without .prj has no CRS
    gdal.Translate(no_crs, large, format='AAIGrid')
    focal_small = geotiff(tmp_path / 'focal_small.tif', focal, 10.0)
    focal_large = geotiff(tmp_path / 'focal_large.tif', focal, 1000.0)
    outputs = []
    for resistance, focal_path, name in ((small, focal_small, 's'), (large, focal_large, 'l'),
                                         (no_crs, focal_large, 'n')):
        results = run(ALGORITHM, RESISTANCE=resistance, FOCAL_NODES=focal_path,
                      OUTPUT_CURRENT=str(tmp_path / (name + '.tif')),
                      OUTPUT_RESISTANCES=str(tmp_path / (name + '.gpkg')))
        outputs.append((table(results['OUTPUT_RESISTANCES']), read_raster(results['OUTPUT_CURRENT'])[0]))
    for rows, current in outputs[1:]:
        assert rows == outputs[0][0]
        np.testing.assert_array_equal(current, outputs[0][1])
    assert outputs[0][0][0]['resistance'] > 0
    assert np.isnan(outputs[0][1][0, 0])  # a nodata cell is nodata in the current map


def test_outputs_of_a_pairwise_run(tmp_path):
    path, values = corridor_landscape(tmp_path)
    focal = np.zeros(values.shape)
    focal[5, 2], focal[6, 17], focal[1, 10] = 1, 2, 3
    focal_path = geotiff(tmp_path / 'focal.tif', focal, 100.0)
    folder = tmp_path / 'maps'
    results = run(ALGORITHM, RESISTANCE=path, FOCAL_NODES=focal_path, OUTPUT_CURRENT=str(tmp_path / 'sum.tif'),
                  OUTPUT_MAX_CURRENT=str(tmp_path / 'max.tif'), OUTPUT_RESISTANCES=str(tmp_path / 'r.gpkg'),
                  OUTPUT_FOLDER=str(folder))
    assert sorted(os.listdir(folder)) == ['current_1_2.tif', 'current_1_3.tif', 'current_2_3.tif']
    singles = [read_raster(folder / name)[0] for name in sorted(os.listdir(folder))]
    cumulative, geotransform, _ = read_raster(results['OUTPUT_CURRENT'])
    maximum = read_raster(results['OUTPUT_MAX_CURRENT'])[0]
    np.testing.assert_allclose(cumulative, np.sum(singles, axis=0), rtol=1e-6)
    np.testing.assert_allclose(maximum, np.max(singles, axis=0), rtol=1e-6)
    assert geotransform == (500000.0, 100.0, 0.0, 4000000.0, 0.0, -100.0)
    current = gdal.Open(results['OUTPUT_CURRENT'])  # held while its band is read
    assert current.GetRasterBand(1).DataType == gdal.GDT_Float32
    rows = table(results['OUTPUT_RESISTANCES'])
    assert [(row['from_id'], row['to_id']) for row in rows] == [(1, 2), (1, 3), (2, 3)]
    assert all(row['resistance'] > 0 for row in rows)


def test_disconnected_nodes_get_null_and_nodata_nodes_a_warning(tmp_path):
    values = np.ones((6, 10))
    values[:, 5] = np.nan
    values[0, 0] = np.nan
    focal = np.zeros(values.shape)
    focal[2, 1], focal[3, 8], focal[4, 9], focal[0, 0] = 1, 2, 3, 4
    feedback = RecordingFeedback()
    results = run(ALGORITHM, feedback=feedback, RESISTANCE=geotiff(tmp_path / 'r.tif', values, 30.0),
                  FOCAL_NODES=geotiff(tmp_path / 'f.tif', focal, 30.0), MODE=1,
                  OUTPUT_CURRENT=str(tmp_path / 'c.tif'), OUTPUT_RESISTANCES=str(tmp_path / 't.gpkg'))
    rows = {row['node_id']: row['resistance'] for row in table(results['OUTPUT_RESISTANCES'])}
    assert rows[1] is None and rows[4] is None and rows[2] > 0 and rows[3] > 0
    assert any('Focal node 4 lies only on nodata' in line for line in feedback.lines)


@pytest.mark.parametrize('focal_cells, extra, message', [
    ([], {}, 'no focal node'),
    ([(2, 2)], {}, 'only one focal node'),
    ([(2, 2), (3, 3)], {'FOCAL_POINTS': 'both'}, 'either as a raster'),
    ([(2, 2), (3, 3)], {'MODE': 3}, 'Advanced mode needs'),
])
def test_bad_input_gets_a_clear_message(tmp_path, focal_cells, extra, message):
    values = np.ones((6, 6))
    focal = np.zeros(values.shape)
    for focal_id, cell in enumerate(focal_cells, start=1):
        focal[cell] = focal_id
    parameters = dict(RESISTANCE=geotiff(tmp_path / 'r.tif', values, 30.0),
                      FOCAL_NODES=geotiff(tmp_path / 'f.tif', focal, 30.0), OUTPUT_CURRENT=str(tmp_path / 'c.tif'))
    if extra.get('FOCAL_POINTS'):
        extra = dict(FOCAL_POINTS=two_points(), FOCAL_ID_FIELD='core')
    parameters.update(extra)
    with pytest.raises(QgsProcessingException, match='(?i)' + message):
        run(ALGORITHM, **parameters)
    assert not os.path.exists(tmp_path / 'c.tif')


def test_all_cells_masked_and_bad_focal_ids_are_refused(tmp_path):
    path, values = corridor_landscape(tmp_path)
    mask = geotiff(tmp_path / 'mask.tif', np.zeros(values.shape), 100.0)
    with pytest.raises(QgsProcessingException, match='No cell of the resistance raster is usable'):
        run(ALGORITHM, RESISTANCE=path, MASK=mask, FOCAL_POINTS=two_points(), FOCAL_ID_FIELD='core',
            OUTPUT_CURRENT=str(tmp_path / 'c.tif'))
    fractional = memory_layer('focal', 'Point', 'EPSG:32650', 'field=core:double',
                              [('POINT(500250 3999450)', [1.5]), ('POINT(501750 3999350)', [2.0])])
    with pytest.raises(QgsProcessingException, match='whole numbers > 0'):
        run(ALGORITHM, RESISTANCE=path, FOCAL_POINTS=fractional, FOCAL_ID_FIELD='core',
            OUTPUT_CURRENT=str(tmp_path / 'c.tif'))


def test_voltages_beyond_the_float32_range_are_written_as_float64(tmp_path):
    """One row of six cells of resistance 1e38 (below costdistance.UNDECLARED_NODATA, so meant), 1 A injected at the
    first and the last tied to ground: the voltage falls by 1 A x 1e38 ohm per step, from 5e38 V, beyond Float32's
    3.4e38, where the Float32 map held inf. The voltage map is Float64 then, with these values; the current map
    (1 A everywhere) stays Float32."""
    values = np.full((1, 6), 1e38)
    sources = np.full(values.shape, np.nan)
    sources[0, 0] = 1.0
    grounds = np.full(values.shape, np.nan)
    grounds[0, 5] = 0.0
    results = run(ALGORITHM, RESISTANCE=geotiff(tmp_path / 'r.tif', values, 30.0), MODE=3,
                  SOURCES=geotiff(tmp_path / 's.tif', sources, 30.0),
                  GROUNDS=geotiff(tmp_path / 'g.tif', grounds, 30.0), GROUNDS_ARE_RESISTANCES=True,
                  OUTPUT_CURRENT=str(tmp_path / 'c.tif'), OUTPUT_VOLTAGE=str(tmp_path / 'v.tif'))
    voltage = gdal.Open(results['OUTPUT_VOLTAGE'])  # held while its band is read
    assert voltage.GetRasterBand(1).DataType == gdal.GDT_Float64
    np.testing.assert_allclose(read_raster(results['OUTPUT_VOLTAGE'])[0][0], [5e38, 4e38, 3e38, 2e38, 1e38, 0],
                               rtol=1e-9, atol=1e30)
    current = gdal.Open(results['OUTPUT_CURRENT'])
    assert current.GetRasterBand(1).DataType == gdal.GDT_Float32


@pytest.mark.parametrize('resistances', [True, False])
def test_a_negative_ground_is_refused_not_dropped(tmp_path, resistances):
    """A ground of -10 (a sign error, or a nodata value not declared) was left out without a word, and when it was
    the only ground the run said that no ground lay on a cell with data."""
    values = np.ones((6, 6))
    sources = np.full(values.shape, np.nan)
    sources[0, 0] = 1.0
    grounds = np.full(values.shape, np.nan)
    grounds[5, 5], grounds[4, 0] = 10.0, -10.0
    with pytest.raises(QgsProcessingException) as raised:
        run(ALGORITHM, RESISTANCE=geotiff(tmp_path / 'r.tif', values, 30.0), MODE=3,
            SOURCES=geotiff(tmp_path / 's.tif', sources, 30.0), GROUNDS=geotiff(tmp_path / 'g.tif', grounds, 30.0),
            GROUNDS_ARE_RESISTANCES=resistances, OUTPUT_CURRENT=str(tmp_path / 'c.tif'))
    assert 'Raster "g.tif": The ground raster has a negative value in 1 cell(s), the first -10 at row 5, column 1' \
        in str(raised.value), str(raised.value)
    assert not os.path.exists(tmp_path / 'c.tif')


@pytest.mark.parametrize('as_raster', [False, True])
def test_a_focal_id_too_large_for_the_resistance_table_is_refused_before_the_solve(tmp_path, as_raster):
    """A 12-digit id (an administrative code) was solved for, then the run failed writing the table."""
    path, values = corridor_landscape(tmp_path)
    code = 110101001000
    if as_raster:
        focal = np.zeros(values.shape)
        focal[5, 2], focal[6, 17] = code, 2
        nodes = dict(FOCAL_NODES=geotiff(tmp_path / 'focal.tif', focal, 100.0))
    else:
        layer = memory_layer('focal', 'Point', 'EPSG:32650', 'field=core:long',
                             [('POINT(500250 3999450)', [code]), ('POINT(501750 3999350)', [2])])
        nodes = dict(FOCAL_POINTS=layer, FOCAL_ID_FIELD='core')
    feedback = RecordingFeedback()
    with pytest.raises(QgsProcessingException) as raised:
        run(ALGORITHM, feedback=feedback, RESISTANCE=path, OUTPUT_CURRENT=str(tmp_path / 'c.tif'),
            OUTPUT_RESISTANCES=str(tmp_path / 't.gpkg'), **nodes)
    assert 'Focal id 110101001000 is larger than 2147483647' in str(raised.value), str(raised.value)
    assert not any('worker process' in line for line in feedback.lines), feedback.lines
    assert not os.path.exists(tmp_path / 'c.tif') and not os.path.exists(tmp_path / 't.gpkg')
    assert os.path.exists(run(ALGORITHM, RESISTANCE=path, OUTPUT_CURRENT=str(tmp_path / 'c.tif'), **nodes)[
        'OUTPUT_CURRENT'])  # without the table any id will do


def test_an_included_pairs_file_without_pairs_is_refused_saying_so(tmp_path):
    path, _ = corridor_landscape(tmp_path)
    included = tmp_path / 'pairs.txt'
    included.write_text('mode include\n', encoding='utf-8')
    with pytest.raises(QgsProcessingException) as raised:
        run(ALGORITHM, RESISTANCE=path, FOCAL_POINTS=two_points(), FOCAL_ID_FIELD='core',
            INCLUDED_PAIRS=str(included), OUTPUT_CURRENT=str(tmp_path / 'c.tif'))
    assert 'pairs.txt lists no pair' in str(raised.value) and 'axis' not in str(raised.value), str(raised.value)


@pytest.mark.parametrize('mode, option, text', [(0, 'INCLUDED_PAIRS', 'mode include\n1 2\n1 7\n'),
                                                 (1, 'SOURCE_STRENGTHS', '1 2.0\n2 1.0\n9 4.0\n')])
def test_a_file_naming_a_focal_id_no_node_has_is_warned_about(tmp_path, mode, option, text):
    """A typo in an included-pairs or source-strengths file (7 or 9 for a node that does not exist) is ignored, as
    Circuitscape ignores it, but named, so that a pair or strength the user meant is not dropped unnoticed."""
    path, _ = corridor_landscape(tmp_path)
    listed = tmp_path / 'ids.txt'
    listed.write_text(text, encoding='utf-8')
    feedback = RecordingFeedback()
    run(ALGORITHM, feedback=feedback, RESISTANCE=path, MODE=mode, FOCAL_POINTS=two_points(), FOCAL_ID_FIELD='core',
        OUTPUT_CURRENT=str(tmp_path / 'c.tif'), **{option: str(listed)})
    warned = [line for line in feedback.lines if 'ids.txt' in line]
    assert len(warned) == 1 and ('7' if option == 'INCLUDED_PAIRS' else '9') in warned[0], feedback.lines


def test_focal_points_in_one_cell_are_warned_to_be_one_node(tmp_path):
    """Points 1 and 3 in one 100 m cell are one node at 0 ohms: their effective resistance is 0 and the user,
    who gave two places, is told why."""
    path, _ = corridor_landscape(tmp_path)
    x0, y0 = 500000.0, 4000000.0
    points = [(x0 + 250, y0 - 550), (x0 + 1750, y0 - 650), (x0 + 280, y0 - 520)]
    layer = memory_layer('focal', 'Point', 'EPSG:32650', 'field=core:integer',
                         [('POINT({} {})'.format(x, y), [index + 1]) for index, (x, y) in enumerate(points)])
    feedback = RecordingFeedback()
    run(ALGORITHM, feedback=feedback, RESISTANCE=path, FOCAL_POINTS=layer, FOCAL_ID_FIELD='core',
        OUTPUT_CURRENT=str(tmp_path / 'c.tif'))
    assert any('Layer "focal": focal ids 1 = 3 share cells' in line for line in feedback.lines), feedback.lines


def test_batch_rows_run_independently(qgis_app, tmp_path):
    algorithm = QgsApplication.processingRegistry().algorithmById('reserveplanner:circuitscape')
    path, _ = corridor_landscape(tmp_path)
    outcomes = []
    for mode, name in ((0, 'pairwise'), (2, 'bad'), (1, 'one_to_all')):
        parameters = {'RESISTANCE': path, 'MODE': mode, 'FOCAL_POINTS': two_points(), 'FOCAL_ID_FIELD': 'core',
                      'OUTPUT_CURRENT': str(tmp_path / (name + '.tif'))}
        if name == 'bad':
            parameters['FOCAL_ID_FIELD'] = 'missing'
        _, ok = algorithm.run(parameters, QgsProcessingContext(), QgsProcessingFeedback())
        outcomes.append(ok)
    assert outcomes == [True, False, True]
    assert not os.path.exists(tmp_path / 'bad.tif')
    # with two focal nodes, each one-to-all solve pushes pairwise's 1 A along the same paths, once each way
    np.testing.assert_allclose(2 * read_raster(tmp_path / 'pairwise.tif')[0],
                               read_raster(tmp_path / 'one_to_all.tif')[0], rtol=1e-5)


def test_runs_inside_a_graphical_modeler_model(qgis_app, tmp_path):
    model = QgsProcessingModelAlgorithm('current_model', 'tests')
    model.addModelParameter(QgsProcessingParameterRasterLayer('resistance', 'Resistance'),
                            QgsProcessingModelParameter('resistance'))
    model.addModelParameter(QgsProcessingParameterVectorLayer('cores', 'Cores'), QgsProcessingModelParameter('cores'))
    child = QgsProcessingModelChildAlgorithm('reserveplanner:circuitscape')
    child.setChildId('circuit')
    child.addParameterSources('RESISTANCE', [QgsProcessingModelChildParameterSource.fromModelParameter('resistance')])
    child.addParameterSources('FOCAL_POINTS', [QgsProcessingModelChildParameterSource.fromModelParameter('cores')])
    child.addParameterSources('FOCAL_ID_FIELD', [QgsProcessingModelChildParameterSource.fromStaticValue('core')])
    output = QgsProcessingModelOutput('current')
    output.setChildOutputName('OUTPUT_CURRENT')
    child.setModelOutputs({'current': output})
    model.addChildAlgorithm(child)
    statistics = QgsProcessingModelChildAlgorithm('native:rasterlayerstatistics')
    statistics.setChildId('statistics')
    statistics.addParameterSources('INPUT', [QgsProcessingModelChildParameterSource.fromChildOutput(
        'circuit', 'OUTPUT_CURRENT')])
    statistics.addParameterSources('BAND', [QgsProcessingModelChildParameterSource.fromStaticValue(1)])
    model.addChildAlgorithm(statistics)
    path, _ = corridor_landscape(tmp_path)
    cores = two_points()
    context = QgsProcessingContext()
    results = processing.run(model, {'resistance': path, 'cores': cores, 'circuit:current': str(tmp_path / 'm.tif')},
                             context=context, feedback=QgsProcessingFeedback())
    current = read_raster(results['circuit:current'])[0]
    assert np.nanmax(current) == pytest.approx(1.0, rel=1e-5)  # the focal cells carry the full 1 A


@pytest.mark.external
@pytest.mark.slow
def test_circuitscape_through_qgis_process(qgis_process, tmp_path):
    path, values = corridor_landscape(tmp_path)
    focal = np.zeros(values.shape)
    focal[5, 2], focal[6, 17] = 1, 2
    focal_path = geotiff(tmp_path / 'focal.tif', focal, 100.0)
    returncode, result, log = qgis_process(
        ALGORITHM, RESISTANCE=path, FOCAL_NODES=focal_path, MODE=0, OUTPUT_CURRENT=str(tmp_path / 'current.tif'),
        OUTPUT_RESISTANCES=str(tmp_path / 'resistances.gpkg'))
    assert returncode == 0, log
    assert result['results']['OUTPUT_CURRENT'] == str(tmp_path / 'current.tif')
    direct = run(ALGORITHM, RESISTANCE=path, FOCAL_NODES=focal_path, OUTPUT_CURRENT=str(tmp_path / 'direct.tif'),
                 OUTPUT_RESISTANCES=str(tmp_path / 'direct.gpkg'))
    assert table(str(tmp_path / 'resistances.gpkg')) == table(direct['OUTPUT_RESISTANCES'])


def test_current_maps_load_with_a_log_stretched_style(tmp_path):
    from qgis.core import QgsRasterLayer

    from reserve_planner.processing import corridor_io
    from reserve_planner.processing.algorithms.circuitscape import CURRENT_STYLE

    path, _ = corridor_landscape(tmp_path)
    results = run(ALGORITHM, RESISTANCE=path, FOCAL_POINTS=two_points(), FOCAL_ID_FIELD='core',
                  OUTPUT_CURRENT=str(tmp_path / 'current.tif'))
    layer = QgsRasterLayer(results['OUTPUT_CURRENT'], 'current')
    corridor_io.raster_style(CURRENT_STYLE).postProcessLayer(layer, QgsProcessingContext(), QgsProcessingFeedback())
    values = np.array([item.value for item in layer.renderer().shader().rasterShaderFunction().colorRampItemList()])
    assert values[-1] == pytest.approx(np.nanmax(read_raster(results['OUTPUT_CURRENT'])[0]), rel=1e-6)
    ratios = values[1:] / values[:-1]
    assert ratios[0] > 1
    np.testing.assert_allclose(ratios, ratios[0], rtol=1e-6)  # equal steps on a log scale


def test_one_to_all_folder_holds_each_solve_and_unused_inputs_are_named(tmp_path):
    path, values = corridor_landscape(tmp_path)
    feedback = RecordingFeedback()
    results = run(ALGORITHM, feedback=feedback, RESISTANCE=path, MODE=1, FOCAL_POINTS=two_points(),
                  FOCAL_ID_FIELD='core', SOURCES=path, OUTPUT_CURRENT=str(tmp_path / 'c.tif'),
                  OUTPUT_FOLDER='TEMPORARY_OUTPUT')
    folder = results['OUTPUT_FOLDER']
    assert sorted(os.listdir(folder)) == ['current_1.tif', 'current_2.tif', 'voltage_1.tif', 'voltage_2.tif']
    voltage = read_raster(os.path.join(folder, 'voltage_1.tif'))[0]
    assert voltage[6, 17] == 0 and voltage[5, 2] == np.nanmax(voltage)  # node 2 grounded, node 1 the source
    assert any('Not used in One-to-all mode, ignored: Current sources (advanced mode)' in line
               for line in feedback.lines)


def test_a_focal_raster_larger_than_the_resistance_raster_runs_naming_what_lies_outside(tmp_path):
    """Focal nodes on 50 m cells over twice the resistance raster's extent: ids 1 and 2 lie on it, id 3 beyond it.
    The run solves 1-2 and says one cell lies outside; it used to refuse the raster for 'losing' id 3 between the
    resistance cells' centres, a wrong reason."""
    resistance = geotiff(tmp_path / 'r.tif', np.ones((20, 20)), 100.0)
    focal = np.zeros((40, 80))
    focal[5, 5], focal[35, 35], focal[20, 70] = 1, 2, 3
    feedback = RecordingFeedback()
    result = run(ALGORITHM, feedback=feedback, RESISTANCE=resistance, FOCAL_NODES=geotiff(tmp_path / 'f50.tif', focal,
                                                                                         50.0),
                 OUTPUT_CURRENT=str(tmp_path / 'c.tif'), OUTPUT_RESISTANCES=str(tmp_path / 'r.gpkg'))
    assert any('Raster "f50.tif": 1 of its non-zero cells lie outside the resistance raster' in line
               for line in feedback.lines), feedback.lines
    rows = table(result['OUTPUT_RESISTANCES'])
    assert [(row['from_id'], row['to_id']) for row in rows] == [(1, 2)] and rows[0]['resistance'] > 0


def test_rasters_of_cell_values_that_resampling_would_change_are_refused(tmp_path):
    """Sources, grounds and focal nodes are per-cell values: a 1 A source on 200 m cells resampled onto a 100 m
    resistance grid injected 4 A (4 cells of 1 A), and focal nodes (or short-circuit regions) on 10 m cells
    vanished between the 100 m cells' centres. Each is refused naming the raster; on the resistance grid itself the
    same values run."""
    resistance = geotiff(tmp_path / 'r.tif', np.ones((20, 20)), 100.0)
    sources, grounds = np.full((20, 20), np.nan), np.full((20, 20), np.nan)
    sources[0, 0], grounds[19, 19] = 1.0, 0.0
    advanced = dict(RESISTANCE=resistance, MODE=3, OUTPUT_CURRENT=str(tmp_path / 'c.tif'))
    with pytest.raises(QgsProcessingException) as raised:
        run(ALGORITHM, SOURCES=geotiff(tmp_path / 's200.tif', sources[:10, :10], 200.0),
            GROUNDS=geotiff(tmp_path / 'g.tif', grounds, 100.0), **advanced)
    assert 'Raster "s200.tif": resampled onto the resistance grid, its sources inject 4 A instead of 1 A' in str(
        raised.value), str(raised.value)
    with pytest.raises(QgsProcessingException) as raised:
        run(ALGORITHM, SOURCES=geotiff(tmp_path / 's.tif', sources, 100.0),
            GROUNDS=geotiff(tmp_path / 'g200.tif', grounds[10:, 10:], 200.0), **advanced)
    assert 'Raster "g200.tif": resampled onto the resistance grid, it has 4 ground cells instead of 1' in str(
        raised.value), str(raised.value)
    focal = np.zeros((200, 200))
    focal[2, 2], focal[150, 150], focal[55, 55] = 1, 2, 3
    with pytest.raises(QgsProcessingException) as raised:
        run(ALGORITHM, RESISTANCE=resistance, FOCAL_NODES=geotiff(tmp_path / 'f10.tif', focal, 10.0),
            OUTPUT_CURRENT=str(tmp_path / 'c.tif'))
    assert 'Raster "f10.tif": resampled onto the resistance grid, it loses the focal ids 1, 2' in str(
        raised.value), str(raised.value)
    regions, focal_cells = np.zeros((200, 200)), np.zeros((20, 20))
    regions[52:54, 52:54] = 7
    focal_cells[0, 0], focal_cells[19, 19] = 1, 2
    with pytest.raises(QgsProcessingException) as raised:
        run(ALGORITHM, RESISTANCE=resistance, FOCAL_NODES=geotiff(tmp_path / 'f.tif', focal_cells, 100.0),
            SHORT_CIRCUIT=geotiff(tmp_path / 'sc10.tif', regions, 10.0), OUTPUT_CURRENT=str(tmp_path / 'c.tif'))
    assert 'Raster "sc10.tif": resampled onto the resistance grid, it loses the short-circuit regions 7' in str(
        raised.value), str(raised.value)
    assert not os.path.exists(tmp_path / 'c.tif')
    result = run(ALGORITHM, SOURCES=geotiff(tmp_path / 's.tif', sources, 100.0),
                 GROUNDS=geotiff(tmp_path / 'g.tif', grounds, 100.0), **advanced)
    assert read_raster(result['OUTPUT_CURRENT'])[0][19, 19] == pytest.approx(1.0)


def test_a_resistance_raster_round_the_globe_in_degrees_is_named_in_a_warning(qgis_app, tmp_path):
    """Circuitscape solves on the raster's own grid, whose first and last columns are the two ends of the map: on a
    raster in degrees from -180 to 180, focal points one cell apart at 179.5 E and 179.5 W were joined only the long
    way round the globe, an effective resistance of 43.9 where the same points at 10 E have 0.30. The run warns,
    naming the raster and how to solve across 180 degrees."""
    path = geotiff(tmp_path / 'band.tif', np.ones((4, 360)), 1.0, epsg=4326, x0=-180.0, y0=62.0)
    resistances = {}
    for west, east in ((179.5, -179.5), (9.5, 10.5)):
        layer = memory_layer('focal', 'Point', 'EPSG:4326', 'field=core:integer',
                             [('POINT({} 60.5)'.format(west), [1]), ('POINT({} 60.5)'.format(east), [2])])
        feedback = RecordingFeedback()
        results = run(ALGORITHM, feedback=feedback, RESISTANCE=path, FOCAL_POINTS=layer, FOCAL_ID_FIELD='core',
                      OUTPUT_CURRENT=str(tmp_path / 'current.tif'), OUTPUT_RESISTANCES='TEMPORARY_OUTPUT')
        [row] = results['OUTPUT_RESISTANCES'].getFeatures()
        resistances[west] = row.attributes()[2]
        warnings = [line for line in feedback.lines if 'band.tif' in line and '180' in line]
        assert len(warnings) == 1 and 'reproject' in warnings[0], feedback.lines
    # the cells joined only the long way round: 358 cells in series against one
    assert resistances[179.5] > 100 * resistances[9.5]
