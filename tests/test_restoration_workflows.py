"""The restoration tools (barriers, pinchpoints, centrality) the ways planners run them: qgis_process, the batch
dialog, a Graphical Modeler chain corridornetwork -> pinchpoints -> barriers, cancel, and bad input refused with a
message naming what to fix and no file written.

The landscape is test_barriers.py's planted wall: cores A (columns 0-2) and B (columns 38-40) over 21 rows of 10 m
cells of resistance 1 with a wall of resistance 100 along column 20; LCD A-B = 1350 cost-weighted m and the best
barrier score at radius 10 m is 990, on the wall.
"""

import os

import numpy as np
import processing
import pytest
from osgeo import ogr
from qgis.core import (
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildParameterSource,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterRasterLayer,
    QgsProject,
    QgsVectorLayer,
)

from reserve_planner.resources.models.build_models import child, model_input
from support import geopackage, geotiff, memory_layer, read_raster, run

X0, Y0, CELL = 500000.0, 4000000.0, 10.0
UTM = 'EPSG:32650'
WALL_PEAK = 990.0


def rectangle(cols, rows=(0, 20)):
    return 'POLYGON(({0} {1}, {2} {1}, {2} {3}, {0} {3}, {0} {1}))'.format(
        X0 + cols[0] * CELL, Y0 - rows[0] * CELL, X0 + (cols[1] + 1) * CELL, Y0 - (rows[1] + 1) * CELL)


@pytest.fixture
def wall(qgis_app, tmp_path):
    """{'cores': GeoPackage of A and B (field name), 'resistance': GeoTIFF, 'links': GeoPackage of corridornetwork's
    one link A-B} in ``tmp_path / 'inputs'``."""
    resistance = np.ones((21, 41))
    resistance[:, 20] = 100.0
    os.makedirs(tmp_path / 'inputs')
    inputs = {
        'resistance': geotiff(tmp_path / 'inputs' / 'resistance.tif', resistance, CELL),
        'cores': geopackage(str(tmp_path / 'inputs' / 'cores.gpkg'), 32650, [('name', ogr.OFTString)],
                            [(rectangle((0, 2)), {'name': 'A'}), (rectangle((38, 40)), {'name': 'B'})]),
        'links': str(tmp_path / 'inputs' / 'links.gpkg'),
    }
    run('corridornetwork', temporary_outputs=('OUTPUT_CORRIDOR_POLYGONS', 'OUTPUT_CORRIDORS'), CORES=inputs['cores'],
        CORE_ID_FIELD='name', RESISTANCE=inputs['resistance'], OUTPUT_LINKS=inputs['links'])
    return inputs


def network_parameters(wall, **parameters):
    return dict(dict(CORES=wall['cores'], CORE_ID_FIELD='name', RESISTANCE=wall['resistance'], LINKS=wall['links']),
                **parameters)


def outputs_written(tmp_path):
    """Every file in tmp_path outside the inputs folder."""
    return sorted(name for name in os.listdir(tmp_path) if name != 'inputs')


def links_of(path):
    return list(QgsVectorLayer(path, 'links', 'ogr').getFeatures())


# ---------------------------------------------------------------- qgis_process

@pytest.mark.external
@pytest.mark.slow
def test_pinchpoints_through_qgis_process(qgis_process, wall, tmp_path):
    current, links = str(tmp_path / 'current.tif'), str(tmp_path / 'pinch_links.gpkg')
    code, result, log = qgis_process('pinchpoints', **network_parameters(
        wall, CWD_CUTOFF=100000, OUTPUT_PINCHPOINTS=current, OUTPUT_LINKS=links))
    assert code == 0, log
    assert result['results']['OUTPUT_PINCHPOINTS'] == current
    [link] = links_of(links)
    assert link['eff_resistance'] > 0
    assert link['cwd_to_eff_resistance'] == pytest.approx(1350.0 / link['eff_resistance'], rel=1e-6)
    # 1 A flows between the cores: no cell between them carries more
    assert 0 < np.nanmax(read_raster(current)[0][:, 3:38]) <= 1.0 + 1e-6


@pytest.mark.external
@pytest.mark.slow
def test_centrality_through_qgis_process(qgis_process, wall, tmp_path):
    cores, links = str(tmp_path / 'central_cores.gpkg'), str(tmp_path / 'central_links.gpkg')
    code, result, log = qgis_process('centrality', CORES=wall['cores'], CORE_ID_FIELD='name', LINKS=wall['links'],
                                     OUTPUT_CORES=cores, OUTPUT_LINKS=links)
    assert code == 0, log
    # one pair, one link: 1 A through both cores and the link
    assert sorted(feature['cf_centrality'] for feature in links_of(cores)) == [1.0, 1.0]
    assert [feature['cf_centrality'] for feature in links_of(links)] == [1.0]


# ---------------------------------------------------------------- batch

def test_barriers_batch_rows_run_independently_and_a_failing_row_writes_nothing(wall, tmp_path):
    algorithm = QgsApplication.processingRegistry().algorithmById('reserveplanner:barriers')
    rows = [dict(SCORE=0, OUTPUT=str(tmp_path / 'improvement.tif')),
            dict(SCORE=0, MIN_RADIUS=30, MAX_RADIUS=10, OUTPUT=str(tmp_path / 'failed.tif')),
            dict(SCORE=1, OUTPUT=str(tmp_path / 'percent.tif'))]
    outcomes = []
    for row in rows:
        parameters = network_parameters(wall, **dict(dict(MIN_RADIUS=10, MAX_RADIUS=10, RADIUS_STEP=10), **row))
        _, ok = algorithm.run(parameters, QgsProcessingContext(), QgsProcessingFeedback())
        outcomes.append(ok)
    assert outcomes == [True, False, True]
    assert outputs_written(tmp_path) == ['improvement.tif', 'percent.tif']
    assert np.nanmax(read_raster(tmp_path / 'improvement.tif')[0]) == pytest.approx(WALL_PEAK, rel=1e-6)
    assert np.nanmax(read_raster(tmp_path / 'percent.tif')[0]) == pytest.approx(100 * WALL_PEAK / 1350, rel=1e-6)


# ---------------------------------------------------------------- Graphical Modeler

def restoration_model():
    """corridornetwork -> pinchpoints (its links) -> barriers (the links pinchpoints wrote), as a planner builds it
    in the Graphical Modeler."""
    model = QgsProcessingModelAlgorithm('Corridor restoration', 'Reserve Planner', 'corridorrestoration')
    model_input(model, QgsProcessingParameterFeatureSource('cores', 'Core areas'), 60)
    model_input(model, QgsProcessingParameterRasterLayer('resistance', 'Resistance'), 260)
    parameter = QgsProcessingModelChildParameterSource.fromModelParameter
    static = QgsProcessingModelChildParameterSource.fromStaticValue
    inputs = {'CORES': parameter('cores'), 'CORE_ID_FIELD': static('name'), 'RESISTANCE': parameter('resistance')}
    child(model, 'corridornetwork', 'reserveplanner:corridornetwork', inputs, {'OUTPUT_LINKS': 'Links'}, 160)
    child(model, 'pinchpoints', 'reserveplanner:pinchpoints', dict(inputs, CWD_CUTOFF=static(100000), LINKS=(
        QgsProcessingModelChildParameterSource.fromChildOutput('corridornetwork', 'OUTPUT_LINKS'))), {
        'OUTPUT_PINCHPOINTS': 'Pinch points', 'OUTPUT_LINKS': 'Links with resistance'}, 420)
    child(model, 'barriers', 'reserveplanner:barriers', dict(
        inputs, MIN_RADIUS=static(10), MAX_RADIUS=static(20), RADIUS_STEP=static(10),
        LINKS=QgsProcessingModelChildParameterSource.fromChildOutput('pinchpoints', 'OUTPUT_LINKS')),
        {'OUTPUT': 'Barriers'}, 680)
    return model


def test_a_model_chains_corridornetwork_pinchpoints_and_barriers(wall, tmp_path):
    model = restoration_model()
    path = str(tmp_path / 'restoration.model3')
    assert model.toFile(path)
    loaded = QgsProcessingModelAlgorithm()
    assert loaded.fromFile(path)
    results = processing.run(loaded, {
        'cores': wall['cores'], 'resistance': wall['resistance'],
        'corridornetwork:Links': str(tmp_path / 'links.gpkg'),
        'pinchpoints:Pinch points': str(tmp_path / 'pinchpoints.tif'),
        'pinchpoints:Links with resistance': str(tmp_path / 'links_resistance.gpkg'),
        'barriers:Barriers': str(tmp_path / 'barriers.tif'),
    }, context=QgsProcessingContext(), feedback=QgsProcessingFeedback())
    [link] = links_of(results['pinchpoints:Links with resistance'])
    assert (link['from_id'], link['to_id']) == ('A', 'B') and link['eff_resistance'] > 0
    scores = read_raster(results['barriers:Barriers'])[0]
    assert np.nanmax(scores) == pytest.approx(WALL_PEAK, rel=1e-6)
    assert np.nanmax(scores[:, 20]) == pytest.approx(np.nanmax(scores))
    standalone = str(tmp_path / 'standalone.tif')
    run('pinchpoints', **network_parameters(wall, CWD_CUTOFF=100000, OUTPUT_PINCHPOINTS=standalone,
                                            OUTPUT_LINKS='TEMPORARY_OUTPUT'))
    np.testing.assert_array_equal(read_raster(results['pinchpoints:Pinch points'])[0], read_raster(standalone)[0])


# ---------------------------------------------------------------- cancel

def cancelling_feedback(after_percent):
    """A feedback that cancels once progress passes ``after_percent``, and the list of progress values seen."""
    feedback = QgsProcessingFeedback()
    progress = []
    feedback.progressChanged.connect(progress.append)
    feedback.progressChanged.connect(lambda percent: feedback.cancel() if percent > after_percent else None)
    return feedback, progress


@pytest.mark.parametrize('algorithm, parameters', [
    ('barriers', dict(MIN_RADIUS=10, MAX_RADIUS=50, RADIUS_STEP=10, OUTPUT='barriers.tif',
                      OUTPUT_FOLDER='radii')),
    ('pinchpoints', dict(CWD_CUTOFF=100000, MODE=1, OUTPUT_PINCHPOINTS='current.tif', OUTPUT_LINKS='links.gpkg')),
])
def test_a_cancelled_run_raises_and_writes_nothing(wall, tmp_path, algorithm, parameters):
    feedback, progress = cancelling_feedback(50)
    files = {name: str(tmp_path / value) for name, value in parameters.items() if name.startswith('OUTPUT')}
    with pytest.raises(QgsProcessingException, match='cancelled'):
        run(algorithm, feedback=feedback, **network_parameters(wall, **dict(parameters, **files)))
    assert 50 < max(progress) < 100
    assert outputs_written(tmp_path) == []


def test_a_cancelled_centrality_raises_and_writes_nothing(wall, tmp_path):
    cores = memory_layer('cores', 'Polygon', UTM, 'field=name:string',
                         [(rectangle((col, col)), [name]) for col, name in zip((0, 10, 20, 30), 'ABCD')])
    links = memory_layer('links', 'LineString', UTM, 'field=from_id:string&field=to_id:string&field=cwd:double',
                         [('LINESTRING({} {}, {} {})'.format(X0, Y0, X0 + 10, Y0), [a, b, 100.0])
                          for a, b in ('AB', 'BC', 'CD', 'AD')])
    feedback, progress = cancelling_feedback(0)
    with pytest.raises(QgsProcessingException, match='cancelled'):
        run('centrality', feedback=feedback, CORES=cores, CORE_ID_FIELD='name', LINKS=links,
            OUTPUT_CORES=str(tmp_path / 'cores.gpkg'), OUTPUT_LINKS=str(tmp_path / 'links.gpkg'))
    assert 0 < max(progress) < 100
    assert outputs_written(tmp_path) == []


# ---------------------------------------------------------------- bad input

def links_layer(fields, rows):
    return memory_layer('my links', 'LineString', UTM, fields,
                        [('LINESTRING({} {}, {} {})'.format(X0, Y0, X0 + 10, Y0), list(row)) for row in rows])


LINK_FIELDS = 'field=from_id:string&field=to_id:string&field=cwd:double'
OUTPUTS = {
    'barriers': dict(OUTPUT='barriers.tif'),
    'pinchpoints': dict(OUTPUT_PINCHPOINTS='current.tif', OUTPUT_LINKS='links.gpkg'),
    'centrality': dict(OUTPUT_CORES='cores.gpkg', OUTPUT_LINKS='links.gpkg'),
}


def run_refused(algorithm, wall, tmp_path, message, **parameters):
    """Run ``algorithm`` on the wall with ``parameters`` and file outputs; it must raise ``message`` and write
    nothing."""
    files = {name: str(tmp_path / value) for name, value in OUTPUTS[algorithm].items()}
    inputs = network_parameters(wall, **dict(files, **parameters))
    if algorithm == 'centrality':
        del inputs['RESISTANCE']
    with pytest.raises(QgsProcessingException, match=message):
        run(algorithm, **inputs)
    assert outputs_written(tmp_path) == []


@pytest.mark.parametrize('algorithm', sorted(OUTPUTS))
def test_a_links_layer_without_links_is_refused(wall, tmp_path, algorithm):
    run_refused(algorithm, wall, tmp_path, 'Layer "my links" holds no link', LINKS=links_layer(LINK_FIELDS, []))


@pytest.mark.parametrize('algorithm', sorted(OUTPUTS))
def test_a_link_whose_core_is_not_in_the_cores_is_refused(wall, tmp_path, algorithm):
    run_refused(algorithm, wall, tmp_path, 'names core Z, which is not in the core layer',
                LINKS=links_layer(LINK_FIELDS, [('A', 'B', 1350.0), ('A', 'Z', 900.0)]))


@pytest.mark.parametrize('algorithm', sorted(OUTPUTS))
def test_a_links_layer_without_to_id_is_refused(wall, tmp_path, algorithm):
    run_refused(algorithm, wall, tmp_path, 'Layer "my links" has no field "to_id"',
                LINKS=links_layer('field=from_id:string&field=cwd:double', [('A', 1350.0)]))


@pytest.mark.parametrize('parameters, message', [
    (dict(MIN_RADIUS=30, MAX_RADIUS=10), r'maximum \(10(\.0)? m\) at least the minimum \(30(\.0)? m\)'),
    (dict(MIN_RADIUS=float('nan')), 'The radii must be numbers'),
    (dict(MAX_RADIUS=float('nan')), 'The radii must be numbers'),
    (dict(RADIUS_STEP=0), 'The radius step must be positive'),
    (dict(MIN_RADIUS=0), 'must be positive'),
    (dict(RESTORED_RESISTANCE=0), 'restored resistance must be a positive number'),
    (dict(RESTORED_RESISTANCE=float('nan')), 'restored resistance must be a positive number'),
])
def test_bad_barrier_settings_are_refused(wall, tmp_path, parameters, message):
    run_refused('barriers', wall, tmp_path, message, **dict(dict(MIN_RADIUS=10, MAX_RADIUS=30, RADIUS_STEP=10),
                                                           **parameters))


def test_a_nan_cwd_cutoff_is_refused(wall, tmp_path):
    run_refused('pinchpoints', wall, tmp_path, 'The CWD cutoff must be a number', CWD_CUTOFF=float('nan'))


@pytest.mark.parametrize('cwd', [None, 0.0, float('nan')])
def test_centrality_refuses_a_link_without_a_positive_cwd_naming_it(wall, tmp_path, cwd):
    run_refused('centrality', wall, tmp_path, 'Layer "my links": the link A - B has cwd',
                LINKS=links_layer(LINK_FIELDS, [('A', 'B', cwd)]))


@pytest.mark.parametrize('algorithm', ['barriers', 'pinchpoints'])
def test_a_core_without_an_id_is_refused_naming_the_feature(wall, tmp_path, algorithm):
    cores = memory_layer('my cores', 'Polygon', UTM, 'field=name:string',
                         [(rectangle((0, 2)), ['A']), (rectangle((38, 40)), [None])])
    run_refused(algorithm, wall, tmp_path, 'Layer "my cores": feature id 2 has no value in the core id field',
                CORES=cores)


# ---------------------------------------------------------------- styles

def loaded_raster(algorithm, path, parameters):
    """Run ``algorithm`` as the Toolbox does (outputs loaded, styled by the algorithm's post-processor) and return
    the loaded raster layer written to ``path`` and the ids of every layer it loaded."""
    project = QgsProject.instance()
    before = set(project.mapLayers())
    processing.runAndLoadResults('reserveplanner:' + algorithm, parameters)
    loaded = [layer_id for layer_id in project.mapLayers() if layer_id not in before]
    [raster] = [project.mapLayer(layer_id) for layer_id in loaded if project.mapLayer(layer_id).source() == path]
    return raster, loaded


def ramp_items(layer):
    ramp = layer.renderer().shader().rasterShaderFunction()
    assert not ramp.legendSettings().useContinuousLegend(), 'a legend of labelled classes'
    return [(item.value, item.label) for item in ramp.colorRampItemList()]


def test_barriers_load_stretched_to_their_largest_score_with_labels_in_cost_weighted_metres(wall, tmp_path):
    output = str(tmp_path / 'barriers.tif')
    layer, loaded = loaded_raster('barriers', output, network_parameters(
        wall, MIN_RADIUS=10, MAX_RADIUS=10, RADIUS_STEP=10, OUTPUT=output))
    try:
        items = ramp_items(layer)
        assert items[0] == (0, '0') and items[-1][0] == pytest.approx(WALL_PEAK, rel=1e-6)
        assert [label for _, label in items] == ['0', '99', '297', '594', '990']
    finally:
        QgsProject.instance().removeMapLayers(loaded)


def test_pinch_points_load_on_a_log_stretch_of_the_corridor_currents(wall, tmp_path):
    output = str(tmp_path / 'current.tif')
    layer, loaded = loaded_raster('pinchpoints', output, network_parameters(
        wall, CWD_CUTOFF=100000, OUTPUT_PINCHPOINTS=output, OUTPUT_LINKS='TEMPORARY_OUTPUT'))
    try:
        current = read_raster(output)[0]
        # the cores are NoData: the top of the ramp is the corridors' largest current, not the cores' whole amp
        assert np.isnan(current[:, :3]).all() and np.isnan(current[:, 38:]).all()
        values = [value for value, _ in ramp_items(layer)]
        assert values[-1] == pytest.approx(np.nanmax(current), rel=1e-6) and values[-1] < 1
        ratios = np.array(values[1:]) / np.array(values[:-1])
        assert ratios == pytest.approx(np.full(len(ratios), ratios[0]))  # equal steps on a log scale
        assert values[0] <= np.nanpercentile(current[current > 0], 5)
    finally:
        QgsProject.instance().removeMapLayers(loaded)
