"""The Graphical Modeler model shipped in resources/models runs our algorithms end to end."""

import os

import processing
from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProcessingModelAlgorithm, QgsVectorLayer

from conftest import REPO

DEMO = os.path.join(REPO, 'resources', 'demo', 'demo.gpkg')


def test_zone_reserve_model_chains_generation_validation_and_statistics(qgis_app, tmp_path):
    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(os.path.join(REPO, 'resources', 'models', 'zone_reserve.model3'))
    context = QgsProcessingContext()
    results = processing.run(model, {
        'cores': DEMO + '|layername=cores',
        'boundary': DEMO + '|layername=reserve_boundary',
        'buffer_width': 1000,
        'transition_width': 2000,
        'generatezones:Zones': str(tmp_path / 'zones.gpkg'),
        'validatezones:Zoning problems': str(tmp_path / 'problems.gpkg'),
        'zonestatistics:Zone statistics': str(tmp_path / 'statistics.gpkg'),
    }, context=context, feedback=QgsProcessingFeedback())
    zones = QgsVectorLayer(results['generatezones:Zones'], 'zones')
    assert sorted(feature['zone'] for feature in zones.getFeatures()) == ['buffer', 'core', 'transition']
    statistics = QgsVectorLayer(results['zonestatistics:Zone statistics'], 'statistics')
    shares = [feature['share_pct'] for feature in statistics.getFeatures()]
    assert abs(sum(shares) - 100.0) < 1e-6
    problems = QgsVectorLayer(results['validatezones:Zoning problems'], 'problems')
    assert problems.isValid()
