"""The workflow model resources/models/target3_counties.model3 runs the Target 3 report and the stopover sites of
the demo's counties, with the same figures as the algorithms run alone."""

import os

import processing
from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProcessingModelAlgorithm, QgsVectorLayer

from conftest import REPO

DEMO = os.path.join(REPO, 'resources', 'demo', 'demo.gpkg')
PROTECTED = [DEMO + '|layername=' + name for name in ('protected_areas', 'protected_points', 'oecms')]


def rows(path, key_fields):
    return {tuple(feature[name] for name in key_fields): feature for feature in QgsVectorLayer(path).getFeatures()}


def test_the_shipped_model_matches_the_algorithms_run_alone(qgis_app, tmp_path):
    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(os.path.join(REPO, 'resources', 'models', 'target3_counties.model3'))
    counties = DEMO + '|layername=counties'
    results = processing.run(model, {
        'counties': counties, 'county_field': '县名', 'protected': PROTECTED,
        'kbas': DEMO + '|layername=key_biodiversity_areas', 'stopover_sites': DEMO + '|layername=stopover_sites',
        'site_count_field': 'count', 'year': 2025,
        'target3report:Indicators': str(tmp_path / 'indicators.gpkg'),
        'target3report:Report (PDF)': str(tmp_path / 'report.pdf'),
        'sitecoverage:Stopover sites': str(tmp_path / 'sites.gpkg'),
        'sitecoverage:Stopover sites per county': str(tmp_path / 'summary.gpkg'),
    }, context=QgsProcessingContext(), feedback=QgsProcessingFeedback())
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
