"""Batch mode as QGIS's batch dialog runs it: one algorithm object, run once per row, a new context each time."""

import os
import shutil

import pytest
from osgeo import ogr
from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback, QgsVectorLayer

from conftest import REPO
from reserve_planner.processing import qgis_io

DEMO = os.path.join(REPO, 'resources', 'demo', 'demo.gpkg')


def zone_areas(path):
    return {feature['zone']: feature['area_ha'] for feature in QgsVectorLayer(path, 'zones').getFeatures()}


def test_rows_run_independently_and_a_failing_row_does_not_spoil_the_next(qgis_app, tmp_path):
    algorithm = QgsApplication.processingRegistry().algorithmById('reserveplanner:generatezones')
    rows = [
        {'BUFFER_WIDTH': 500, 'OUTPUT': str(tmp_path / 'narrow.gpkg')},
        {'BUFFER_WIDTH': 500, 'CORES': str(tmp_path / 'missing.gpkg'), 'OUTPUT': str(tmp_path / 'failed.gpkg')},
        {'BUFFER_WIDTH': 2000, 'OUTPUT': str(tmp_path / 'wide.gpkg')},
    ]
    outcomes = []
    for row in rows:
        parameters = dict({'CORES': DEMO + '|layername=cores', 'BOUNDARY': DEMO + '|layername=reserve_boundary',
                           'TRANSITION_WIDTH': 3000}, **row)
        results, ok = algorithm.run(parameters, QgsProcessingContext(), QgsProcessingFeedback())
        outcomes.append(ok)
    assert outcomes == [True, False, True]
    assert not os.path.exists(tmp_path / 'failed.gpkg')
    narrow, wide = zone_areas(str(tmp_path / 'narrow.gpkg')), zone_areas(str(tmp_path / 'wide.gpkg'))
    assert abs(narrow['core'] - wide['core']) < 1e-6
    assert wide['buffer'] > 2 * narrow['buffer']
    reserve = sum(narrow.values())
    assert abs(sum(wide.values()) - reserve) < 1e-6 * reserve


@pytest.mark.parametrize('extension', ['gpkg', 'shp'])
def test_a_row_failing_over_an_earlier_output_keeps_that_output_whole(qgis_app, tmp_path, monkeypatch, extension):
    """Rerunning a row into the file of an earlier run (a batch run again after a fix) and failing half-way (the
    disk filling up after the first zone) leaves the earlier file as it was, not a file of one zone."""
    algorithm = QgsApplication.processingRegistry().algorithmById('reserveplanner:generatezones')
    output = str(tmp_path / ('zones.' + extension))
    parameters = {'CORES': DEMO + '|layername=cores', 'BOUNDARY': DEMO + '|layername=reserve_boundary',
                  'BUFFER_WIDTH': 500, 'TRANSITION_WIDTH': 3000, 'OUTPUT': output}
    results, ok = algorithm.run(parameters, QgsProcessingContext(), QgsProcessingFeedback())
    assert ok
    before = zone_areas(output)
    written = []
    add_feature = qgis_io.add_feature

    def disk_full_after_one_zone(sink, feature, name):
        if written:
            raise OSError(28, 'No space left on device', output)
        written.append(feature)
        return add_feature(sink, feature, name)

    monkeypatch.setattr(qgis_io, 'add_feature', disk_full_after_one_zone)
    results, ok = algorithm.run(dict(parameters, BUFFER_WIDTH=2000), QgsProcessingContext(), QgsProcessingFeedback())
    monkeypatch.undo()
    assert not ok and len(written) == 1
    assert zone_areas(output) == before and len(before) == 3
    assert not [name for name in os.listdir(tmp_path) if name.startswith('.')], 'a backup was left behind'


def test_a_row_succeeding_over_an_earlier_output_replaces_it(qgis_app, tmp_path):
    algorithm = QgsApplication.processingRegistry().algorithmById('reserveplanner:generatezones')
    output = str(tmp_path / 'zones.gpkg')
    areas = []
    for buffer_width in (500, 2000):
        results, ok = algorithm.run({'CORES': DEMO + '|layername=cores', 'BUFFER_WIDTH': buffer_width,
                                     'TRANSITION_WIDTH': 3000, 'OUTPUT': output}, QgsProcessingContext(),
                                    QgsProcessingFeedback())
        assert ok
        areas.append(zone_areas(output)['buffer'])
    assert areas[1] > 2 * areas[0]
    assert os.listdir(tmp_path) == ['zones.gpkg']


def test_a_row_writing_into_its_input_geopackage_is_refused_and_the_geopackage_kept(qgis_app, tmp_path):
    """The batch dialog runs each row with QgsProcessingAlgorithm.run, which does not call checkParameterValues: the
    refusal of an output over an input must hold there too, or a row replaces the user's whole GeoPackage."""
    project = str(tmp_path / 'project.gpkg')
    shutil.copy(DEMO, project)
    layers = ogr_layers(project)
    algorithm = QgsApplication.processingRegistry().algorithmById('reserveplanner:generatezones')
    feedback = ErrorFeedback()
    results, ok = algorithm.run({'CORES': project + '|layername=cores', 'BUFFER_WIDTH': 500, 'TRANSITION_WIDTH': 1000,
                                 'OUTPUT': project}, QgsProcessingContext(), feedback)
    assert not ok
    assert any('would be written to {}'.format(project) in line and 'Choose another file' in line
               for line in feedback.errors), feedback.errors
    assert ogr_layers(project) == layers and len(layers) > 5


def ogr_layers(path):
    """{layer name: feature count} of the GeoPackage at ``path``, read with OGR."""
    dataset = ogr.Open(path)
    return {dataset.GetLayer(index).GetName(): dataset.GetLayer(index).GetFeatureCount()
            for index in range(dataset.GetLayerCount())}


class ErrorFeedback(QgsProcessingFeedback):
    """A feedback keeping the errors QgsProcessingAlgorithm.run reports (a failed row's message) in ``errors``."""

    def __init__(self):
        super().__init__()
        self.errors = []

    def reportError(self, error, fatalError=False):  # noqa: N802, N803 (QGIS API names)
        self.errors.append(error)
