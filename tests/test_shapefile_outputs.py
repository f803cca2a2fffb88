"""Outputs written to a Shapefile, as a planner who keeps shapefiles writes them: dBASE allows field names of 10 bytes,
so longer names (ours: coverage_class, protected_pct; the user's own, often Chinese) are shortened by one rule
(qgis_io.shapefile_field_names), the values read back equal to the memory output and the style still applies.

The .shp is read back with OGR, independently of QGIS's provider."""

import processing
from osgeo import ogr
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsProcessingContext,
    QgsProcessingOutputLayerDefinition,
    QgsProject,
    QgsVectorLayer,
)
from shapely.geometry import Point, box

from reserve_planner.processing import qgis_io
from support import memory_layer

LAEA = 'EPSG:3035'
X0, Y0 = 4321000.0, 3210000.0
SITE_NAME = '鸟类调查点名称'  # 21 bytes in UTF-8: 3 characters fit in 10 bytes


def sites():
    return memory_layer('sites', 'Polygon', LAEA, 'field={}:string&field=species:string&field=count:double'.format(
        SITE_NAME), [(box(X0, Y0, X0 + 100, Y0 + 100).wkt, ['鄱阳湖', '白鹤', 120.0]),
                     (box(X0 + 2000, Y0, X0 + 2100, Y0 + 100).wkt, ['草海', None, 3.5]),
                     (Point(X0, Y0).buffer(30).wkt, ['东滩', '白头鹤', None])])


def protected():
    return memory_layer('wdpa', 'Polygon', LAEA, 'field=STATUS:string',
                        [(box(X0 - 500, Y0 - 500, X0 + 50, Y0 + 1000).wkt, ['Designated'])])


def run_sites(output, context=None):
    return processing.run('reserveplanner:sitecoverage', {
        'SITES': sites(), 'SITE_ID_FIELD': SITE_NAME, 'PROTECTED': [protected()], 'OUTPUT': output,
        'OUTPUT_SUMMARY': 'TEMPORARY_OUTPUT'}, context=context or QgsProcessingContext())


def ogr_rows(path):
    """(field names, rows of values) of the first layer of ``path`` read with OGR."""
    dataset = ogr.Open(path)
    layer = dataset.GetLayer(0)
    definition = layer.GetLayerDefn()
    names = [definition.GetFieldDefn(index).GetNameRef() for index in range(definition.GetFieldCount())]
    rows = [[feature.GetField(index) for index in range(len(names))] for feature in layer]
    return names, rows


def test_a_shapefile_output_has_valid_distinct_short_names_and_the_memory_output_s_values(qgis_app, tmp_path):
    memory = run_sites('TEMPORARY_OUTPUT')['OUTPUT']
    path = run_sites(str(tmp_path / 'sites.shp'))['OUTPUT']
    names, rows = ogr_rows(path)
    assert names == ['鸟类调', 'species', 'count', 'region', 'protected_', 'coverage_c']
    assert all(len(name.encode('utf-8')) <= 10 for name in names)
    expected = [[qgis_io.attribute_value(value) for value in feature.attributes()] for feature in memory.getFeatures()]
    assert rows == expected
    assert [row[-1] for row in rows] == ['partial', 'none', 'full']


def test_the_style_of_a_shapefile_output_classifies_on_its_shortened_field(qgis_app, tmp_path):
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    destination = QgsProcessingOutputLayerDefinition(str(tmp_path / 'sites.shp'), QgsProject.instance())
    path = run_sites(destination, context)['OUTPUT']
    layer = QgsVectorLayer(path, 'sites')
    context.layerToLoadOnCompletionDetails(path).postProcessor().postProcessLayer(layer, context, None)
    assert isinstance(layer.renderer(), QgsCategorizedSymbolRenderer)
    assert layer.renderer().classAttribute() == 'coverage_c'


def test_shortened_names_keep_whole_characters_and_never_collide():
    names = ['protected_km2', 'protected_', 'n_forest_intactness_2020', 'n_forest_intactness_2024', '自然保护区名称',
             'PROTECTED_PCT', 'short']
    shortened = qgis_io.shapefile_field_names(names)
    assert shortened == ['protecte_1', 'protected_', 'n_forest_i', 'n_forest_1', '自然保', 'PROTECTE_2', 'short']
    assert len({name.lower() for name in shortened}) == len(names)


def test_a_table_output_named_shp_is_written_and_returned_as_its_dbf(qgis_app, tmp_path):
    """A table has no geometry, so GDAL writes only the .dbf of a .shp: the result and the layer loaded on
    completion must name that .dbf, as a model's next step and the results panel open the returned path."""
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    destination = QgsProcessingOutputLayerDefinition(str(tmp_path / '物种面积.shp'), QgsProject.instance())
    result = processing.run('reserveplanner:speciesarea', {'COVERAGE': 30, 'Z': 0.25, 'OUTPUT': destination},
                            context=context)
    memory = processing.run('reserveplanner:speciesarea', {'COVERAGE': 30, 'Z': 0.25, 'OUTPUT': 'TEMPORARY_OUTPUT'})
    assert result['OUTPUT'] == str(tmp_path / '物种面积.dbf')
    assert list(context.layersToLoadOnCompletion()) == [result['OUTPUT']]
    names, rows = ogr_rows(result['OUTPUT'])
    assert names == ['z', 'persisting', 'area_neede']
    assert rows == [feature.attributes() for feature in memory['OUTPUT'].getFeatures()]
    assert QgsVectorLayer(result['OUTPUT'], 'table').featureCount() == len(rows) > 0
