"""The workflow reserveplanner:target3counties (resources/models/target3_counties.model3) runs the Target 3 report
and the stopover sites of the demo's counties, with the same figures as the algorithms run alone, in Python and
from qgis_process."""

import os

import processing
import pytest
from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsVectorLayer

from conftest import REPO

DEMO = os.path.join(REPO, 'resources', 'demo', 'demo.gpkg')
PROTECTED = [DEMO + '|layername=' + name for name in ('protected_areas', 'protected_points', 'oecms')]


def rows(path, key_fields):
    return {tuple(feature[name] for name in key_fields): feature for feature in QgsVectorLayer(path).getFeatures()}


def workflow_parameters(folder, protected=PROTECTED):
    return {
        'counties': DEMO + '|layername=counties', 'county_field': '县名', 'protected': protected,
        'kbas': DEMO + '|layername=key_biodiversity_areas', 'stopover_sites': DEMO + '|layername=stopover_sites',
        'site_count_field': 'count', 'year': 2025,
        'target3report:Indicators': os.path.join(folder, 'indicators.gpkg'),
        'target3report:Report (PDF)': os.path.join(folder, 'report.pdf'),
        'sitecoverage:Stopover sites': os.path.join(folder, 'sites.gpkg'),
        'sitecoverage:Stopover sites per county': os.path.join(folder, 'summary.gpkg'),
    }


def test_the_workflow_matches_the_algorithms_run_alone(qgis_app, tmp_path):
    counties = DEMO + '|layername=counties'
    results = processing.run('reserveplanner:target3counties', workflow_parameters(str(tmp_path)),
                             context=QgsProcessingContext(), feedback=QgsProcessingFeedback())
    assert os.path.getsize(results['target3report:Report (PDF)']) > 10000
    alone = processing.run('reserveplanner:target3report', {
        'REGIONS': counties, 'REGION_FIELD': '县名', 'PROTECTED': PROTECTED,
        'KBAS': DEMO + '|layername=key_biodiversity_areas', 'YEAR': 2025, 'OUTPUT': str(tmp_path / 'alone.gpkg')})
    key = ('region', 'indicator', 'subject')
    mine, theirs = rows(results['target3report:Indicators'], key), rows(alone['OUTPUT'], key)
    assert mine.keys() == theirs.keys() and len(mine) > 40
    assert all(mine[name]['value'] == theirs[name]['value'] for name in mine)
    summary = rows(results['sitecoverage:Stopover sites per county'], ('group', 'region'))
    assert sum(summary[name]['site_count'] for name in summary if name[1] != '(all)') == 12


@pytest.mark.external
def test_the_workflow_from_qgis_process(qgis_process, tmp_path):
    parameters = workflow_parameters(str(tmp_path), protected=None)
    del parameters['protected'], parameters['target3report:Report (PDF)']
    code, result, output = qgis_process('target3counties', *('protected=' + layer for layer in PROTECTED),
                                        **parameters)
    assert code == 0, output
    assert QgsVectorLayer(str(tmp_path / 'indicators.gpkg')).featureCount() > 40
