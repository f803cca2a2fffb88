"""Every algorithm refuses an output written over one of its inputs' files, and a layer of points or lines
given where polygons are expected is named as such, through processing.run and qgis_process alike.

Input files are written here with OGR and GDAL and checked with them after the refused run.
"""

import hashlib
import os

import numpy as np
import pytest
from osgeo import gdal, ogr, osr
from qgis.core import QgsProcessingException
from shapely import wkt

from reserve_planner.processing.engine import geometry as engine_geometry
from support import geotiff, run, wkt_layer

GAUSS_KRUGER = 4547
X0, Y0 = 500000.0, 3500000.0
LAYERS = ('cores', 'reserve_boundary', 'roads', '中文图层')


def square(x, y, side):
    return 'POLYGON(({x} {y}, {x2} {y}, {x2} {y2}, {x} {y2}, {x} {y}))'.format(x=x, y=y, x2=x + side, y2=y + side)


def project_geopackage(path):
    """A GeoPackage holding the polygon layers of LAYERS (a 1 km core in a 6 km reserve), as a user's project has."""
    reference = osr.SpatialReference()
    reference.ImportFromEPSG(GAUSS_KRUGER)
    dataset = ogr.GetDriverByName('GPKG').CreateDataSource(str(path))
    shapes = {'cores': square(X0, Y0, 1000), 'reserve_boundary': square(X0 - 2000, Y0 - 2000, 6000)}
    for name in LAYERS:
        layer = dataset.CreateLayer(name, reference, ogr.wkbPolygon)
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkt(shapes.get(name, square(X0, Y0, 10))))
        layer.CreateFeature(feature)
    dataset = None
    return str(path)


def layers_in(path):
    """Layer name -> feature count of the GeoPackage at ``path``, read with OGR."""
    dataset = ogr.Open(str(path))
    return {dataset.GetLayer(index).GetName(): dataset.GetLayer(index).GetFeatureCount()
            for index in range(dataset.GetLayerCount())}


def file_digest(path):
    with open(path, 'rb') as stream:
        return hashlib.sha256(stream.read()).hexdigest()


def assert_refusal(message, output_description, path):
    assert 'would be written to' in message and output_description in message, message
    assert os.path.basename(path) in message and 'Choose another file' in message, message


@pytest.fixture
def project(tmp_path):
    folder = tmp_path / '项目'
    folder.mkdir()
    return project_geopackage(folder / 'same.gpkg')


def zoning_parameters(project):
    return {'CORES': project + '|layername=cores', 'BOUNDARY': project + '|layername=reserve_boundary',
            'BUFFER_WIDTH': 300, 'TRANSITION_WIDTH': 1000}


def test_generatezones_into_its_input_geopackage_is_refused(qgis_app, project):
    before = layers_in(project)
    with pytest.raises(QgsProcessingException) as raised:
        run('generatezones', OUTPUT=project, **zoning_parameters(project))
    assert_refusal(str(raised.value), 'Zones', project)
    assert '"cores"' in str(raised.value)
    assert layers_in(project) == before == {name: 1 for name in LAYERS}


def test_refusal_sees_through_a_symbolic_link(qgis_app, project, tmp_path):
    link = str(tmp_path / 'link.gpkg')
    os.symlink(project, link)
    with pytest.raises(QgsProcessingException, match='would be written to'):
        run('generatezones', OUTPUT=link, **zoning_parameters(project))
    assert layers_in(project) == {name: 1 for name in LAYERS}


def test_another_file_beside_the_input_is_written_and_the_input_kept(qgis_app, project, tmp_path):
    output = str(tmp_path / 'zones.gpkg')
    result = run('generatezones', OUTPUT=output, **zoning_parameters(project))
    assert result['OUTPUT'] == output
    assert list(layers_in(output).values()) == [3]
    assert layers_in(project) == {name: 1 for name in LAYERS}


def test_a_temporary_output_from_memory_inputs_runs(qgis_app):
    cores = wkt_layer('cores', 'Polygon', 'EPSG:4547', [square(X0, Y0, 1000)])
    output = run('generatezones', CORES=cores, BUFFER_WIDTH=100, TRANSITION_WIDTH=100, OUTPUT='memory:')['OUTPUT']
    assert output.featureCount() == 3


def test_costdistance_over_its_resistance_raster_is_refused(qgis_app, tmp_path):
    resistance = geotiff(tmp_path / '阻力.tif', np.ones((4, 6)), 10)
    sources = np.zeros((4, 6))
    sources[0, 0] = 1
    source_raster = geotiff(tmp_path / 'sources.tif', sources, 10)
    before = file_digest(resistance)
    with pytest.raises(QgsProcessingException) as raised:
        run('costdistance', RESISTANCE=resistance, SOURCE_RASTER=source_raster, OUTPUT=resistance)
    assert_refusal(str(raised.value), 'Accumulated cost', resistance)
    assert file_digest(resistance) == before
    dataset = gdal.Open(resistance)  # held while its band is read (GDAL 3.13 frees an unreferenced dataset)
    assert dataset.GetRasterBand(1).ReadAsArray().tolist() == np.ones((4, 6)).tolist()


def test_a_report_over_one_of_several_protected_area_layers_is_refused(qgis_app, project, tmp_path):
    before = file_digest(project)
    with pytest.raises(QgsProcessingException) as raised:
        run('protectedcoverage', PROTECTED=[project + '|layername=reserve_boundary', project + '|layername=roads'],
            OUTPUT='memory:', OUTPUT_FLAT='memory:', OUTPUT_HTML=project)
    assert_refusal(str(raised.value), 'Coverage report', project)
    assert '"reserve_boundary"' in str(raised.value)
    assert file_digest(project) == before


@pytest.mark.slow
@pytest.mark.external
def test_qgis_process_refuses_generatezones_into_its_input(qgis_process, project):
    parameters = zoning_parameters(project)
    returncode, _result, log = qgis_process('generatezones', OUTPUT=project, **parameters)
    assert returncode != 0
    assert_refusal(log, 'Zones', project)
    assert layers_in(project) == {name: 1 for name in LAYERS}


@pytest.mark.slow
@pytest.mark.external
def test_qgis_process_refuses_costdistance_over_its_source_raster(qgis_process, tmp_path):
    resistance = geotiff(tmp_path / 'resistance.tif', np.ones((4, 6)), 10)
    sources = np.zeros((4, 6))
    sources[0, 0] = 1
    source_raster = geotiff(tmp_path / 'sources.tif', sources, 10)
    before = file_digest(source_raster)
    returncode, _result, log = qgis_process('costdistance', RESISTANCE=resistance, SOURCE_RASTER=source_raster,
                                            OUTPUT=source_raster)
    assert returncode != 0
    assert_refusal(log, 'Accumulated cost', source_raster)
    assert file_digest(source_raster) == before


@pytest.mark.parametrize('text', ['POINT (1 1)', 'MULTIPOINT ((1 1), (2 2))', 'LINESTRING (0 0, 1 1)',
                                  'GEOMETRYCOLLECTION (POINT (1 1), LINESTRING (0 0, 1 1))'])
def test_points_and_lines_are_not_polygons(text):
    assert engine_geometry.repair_polygon(wkt.loads(text)) == (None, engine_geometry.NOT_POLYGON)


def test_a_flat_polygon_is_still_unrepairable():
    flat = wkt.loads('POLYGON ((0 0, 1 0, 2 0, 0 0))')
    assert engine_geometry.repair_polygon(flat) == (None, engine_geometry.UNREPAIRABLE)


def test_generatezones_with_a_points_core_layer_says_a_polygon_layer_is_required(qgis_app):
    cores = wkt_layer('核心点', 'Point', 'EPSG:4547', ['POINT ({} {})'.format(X0, Y0), 'POINT (500100 3500100)'])
    with pytest.raises(QgsProcessingException) as raised:
        run('generatezones', CORES=cores, BUFFER_WIDTH=100, TRANSITION_WIDTH=100, OUTPUT='memory:')
    message = str(raised.value)
    assert 'Layer "核心点" holds points or lines, but a polygon layer is required' in message
    assert 'could not be repaired' not in message


def test_a_point_among_polygons_is_named(qgis_app, tmp_path):
    path = str(tmp_path / 'mixed.gpkg')
    reference = osr.SpatialReference()
    reference.ImportFromEPSG(GAUSS_KRUGER)
    dataset = ogr.GetDriverByName('GPKG').CreateDataSource(path)
    layer = dataset.CreateLayer('mixed', reference, ogr.wkbUnknown)
    for text in (square(X0, Y0, 100), 'POINT ({} {})'.format(X0, Y0)):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkt(text))
        layer.CreateFeature(feature)
    dataset = None
    with pytest.raises(QgsProcessingException) as raised:
        run('generatezones', CORES=path, BUFFER_WIDTH=100, TRANSITION_WIDTH=100, OUTPUT='memory:')
    assert 'feature id 2 (a point or line, not a polygon)' in str(raised.value)
