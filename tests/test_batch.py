"""Batch mode as QGIS's batch dialog runs it: one algorithm object, run once per row, a new context each time."""

import os

from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback, QgsVectorLayer

from conftest import REPO

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
