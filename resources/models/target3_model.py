"""Write target3_counties.model3, the workflow "Target 3 report of a province's counties" (run once after changing it):

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 -P resources/models/target3_model.py

It chains target3report (the indicator set per county, with the HTML and PDF reports) and sitecoverage (the
stopover sites of waterbirds per county, weighted by their counts): what a provincial team hands in for Target 3.
The steps are built with build_models' helpers, as the other shipped models are.
"""

import os
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
MODEL_FILE = os.path.join(HERE, 'target3_counties.model3')


def target3_counties_model():
    """The model (a QgsProcessingModelAlgorithm); needs a running QgsApplication and the plugin importable as
    ``reserve_planner``."""
    from qgis.core import (
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildParameterSource,
        QgsProcessingParameterFeatureSource,
        QgsProcessingParameterField,
        QgsProcessingParameterMultipleLayers,
        QgsProcessingParameterNumber,
    )
    from reserve_planner.processing.compat import ProcessingNumberParameterType, ProcessingSourceType
    from reserve_planner.resources.models.build_models import child, model_input

    model = QgsProcessingModelAlgorithm('Target 3 report of counties', 'Reserve Planner', 'target3counties')
    model.setHelpContent({'ALG_DESC': 'The Target 3 indicators of each county (coverage by protected areas and '
                                      'OECMs, KBAs, ProtConn, SPI, ecoregions, trajectory) as a table, HTML and PDF, '
                                      'and the protection of the stopover sites per county.'})
    polygons, points = [ProcessingSourceType.VectorPolygon], [ProcessingSourceType.VectorPoint]
    inputs = (
        QgsProcessingParameterFeatureSource('counties', 'Counties', polygons),
        QgsProcessingParameterField('county_field', 'County name field', parentLayerParameterName='counties'),
        QgsProcessingParameterMultipleLayers('protected', 'Protected areas and OECMs',
                                             ProcessingSourceType.VectorAnyGeometry),
        QgsProcessingParameterFeatureSource('kbas', 'Key Biodiversity Areas', polygons + points, optional=True),
        QgsProcessingParameterFeatureSource('species', 'Species ranges', polygons, optional=True),
        QgsProcessingParameterField('species_field', 'Species name field', parentLayerParameterName='species',
                                    optional=True),
        QgsProcessingParameterField('class_field', 'Class field', parentLayerParameterName='species', optional=True),
        QgsProcessingParameterFeatureSource('ecoregions', 'Ecoregions', polygons, optional=True),
        QgsProcessingParameterField('ecoregion_field', 'Ecoregion name field', parentLayerParameterName='ecoregions',
                                    optional=True),
        QgsProcessingParameterFeatureSource('stopover_sites', 'Stopover sites (points)', points),
        QgsProcessingParameterField('site_count_field', 'Bird count field', parentLayerParameterName='stopover_sites',
                                    optional=True),
        QgsProcessingParameterNumber('year', 'Year of the data', ProcessingNumberParameterType.Integer, 2025,
                                     minValue=1900, maxValue=2100),
    )
    for position, definition in enumerate(inputs):
        model_input(model, definition, 60 + 160 * position)
    parameter = QgsProcessingModelChildParameterSource.fromModelParameter
    child(model, 'target3report', 'reserveplanner:target3report', {
        'REGIONS': parameter('counties'), 'REGION_FIELD': parameter('county_field'),
        'PROTECTED': parameter('protected'), 'KBAS': parameter('kbas'), 'SPECIES': parameter('species'),
        'SPECIES_FIELD': parameter('species_field'), 'CLASS_FIELD': parameter('class_field'),
        'ECOREGIONS': parameter('ecoregions'), 'ECOREGION_FIELD': parameter('ecoregion_field'),
        'YEAR': parameter('year'),
    }, {'OUTPUT': 'Indicators', 'OUTPUT_HTML': 'Report (HTML)', 'OUTPUT_PDF': 'Report (PDF)'}, 300)
    child(model, 'sitecoverage', 'reserveplanner:sitecoverage', {
        'SITES': parameter('stopover_sites'), 'WEIGHT_FIELD': parameter('site_count_field'),
        'REGIONS': parameter('counties'), 'REGION_FIELD': parameter('county_field'),
        'PROTECTED': parameter('protected'),
    }, {'OUTPUT': 'Stopover sites', 'OUTPUT_SUMMARY': 'Stopover sites per county'}, 700)
    return model


def main():
    parent = tempfile.mkdtemp(prefix='target3_model_')
    os.symlink(REPO, os.path.join(parent, 'reserve_planner'))
    sys.path.insert(0, parent)
    from qgis.core import QgsApplication

    application = QgsApplication([], False)
    application.setPrefixPath('/usr', True)
    application.initQgis()
    if not target3_counties_model().toFile(MODEL_FILE):
        raise SystemExit('could not write ' + MODEL_FILE)
    print('wrote', MODEL_FILE)
    os._exit(0)  # skip Qt teardown, which can crash a standalone script after writing


if __name__ == '__main__':
    main()
