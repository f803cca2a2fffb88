"""The Graphical Modeler model shipped in resources/models runs our algorithms end to end."""

import os

import processing
import pytest
from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProcessingModelAlgorithm, QgsVectorLayer

from conftest import REPO

DEMO = os.path.join(REPO, 'resources', 'demo', 'demo.gpkg')


@pytest.mark.parametrize('buffer_width', [1000, 0])
def test_zone_reserve_model_chains_generation_validation_and_statistics(qgis_app, tmp_path, buffer_width):
    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(os.path.join(REPO, 'resources', 'models', 'zone_reserve.model3'))
    context = QgsProcessingContext()
    results = processing.run(model, {
        'cores': DEMO + '|layername=cores',
        'boundary': DEMO + '|layername=reserve_boundary',
        'buffer_width': buffer_width,
        'transition_width': 2000,
        'generatezones:Zones': str(tmp_path / 'zones.gpkg'),
        'validatezones:Zoning problems': str(tmp_path / 'problems.gpkg'),
        'zonestatistics:Zone statistics': str(tmp_path / 'statistics.gpkg'),
    }, context=context, feedback=QgsProcessingFeedback())
    zones = QgsVectorLayer(results['generatezones:Zones'], 'zones')
    expected_zones = ['buffer', 'core', 'transition'] if buffer_width else ['core', 'transition']
    assert sorted(feature['zone'] for feature in zones.getFeatures()) == expected_zones
    statistics = QgsVectorLayer(results['zonestatistics:Zone statistics'], 'statistics')
    shares = [feature['share_pct'] for feature in statistics.getFeatures()]
    assert abs(sum(shares) - 100.0) < 1e-6
    model_rules = problem_rules(results['validatezones:Zoning problems'])
    # without a buffer each of the three demo cores breaks rule 4 (every core adjoins a buffer); with 1 km it is clean
    assert model_rules == (['core_without_buffer'] * 3 if buffer_width == 0 else [])
    standalone = processing.run('reserveplanner:validatezones', {
        'ZONES': results['generatezones:Zones'], 'ZONE_FIELD': 'zone', 'PROFILE': 0,
        'BOUNDARY': DEMO + '|layername=reserve_boundary', 'OUTPUT': str(tmp_path / 'standalone_problems.gpkg'),
    }, context=QgsProcessingContext(), feedback=QgsProcessingFeedback())
    assert model_rules == problem_rules(standalone['OUTPUT'])


def problem_rules(path):
    """The sorted rule names of the features of a validatezones problems layer (one feature per problem)."""
    problems = QgsVectorLayer(path, 'problems')
    assert problems.isValid()
    return sorted(feature['rule'] for feature in problems.getFeatures())
