"""reserveplanner:generatezones and reserveplanner:zonestatistics as users run them.

Expected areas come from the formula for a square core of side s grown by w (s^2 + 4 s w + pi w^2),
from hand counts of raster cells, or from a computation in a projected CRS done here with QGIS's own
transforms, never from the algorithms' output.
"""

import math
import os

import numpy as np
import processing
import pytest
from osgeo import gdal, ogr
from qgis.core import (
    NULL,
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputLayerDefinition,
    QgsProject,
    QgsRasterLayer,
    QgsVectorLayer,
)

from conftest import REPO
from support import FIJI, RecordingFeedback, assert_cut_at_180, geopackage, geotiff, run, wkt_layer

GAUSS_KRUGER = 'EPSG:4547'
"""CGCS2000 / 3-degree Gauss-Kruger CM 114E, a projected CRS in metres used by Chinese provinces."""
X0, Y0 = 500000.0, 3500000.0
CIRCLE_TOLERANCE = 2e-3


def square(x, y, side):
    return 'POLYGON(({x} {y}, {x2} {y}, {x2} {y2}, {x} {y2}, {x} {y}))'.format(x=x, y=y, x2=x + side, y2=y + side)


def grown_square_ha(side, width):
    return (side * side + 4 * side * width + math.pi * width * width) / 1e4


def output_of(algorithm, **options):
    """The OUTPUT of ``algorithm`` run with support.run, a temporary output unless OUTPUT is given."""
    return run(algorithm, temporary_outputs=('OUTPUT',), **options)['OUTPUT']


def by_zone(layer):
    return {feature['zone']: feature for feature in layer.getFeatures()}


def test_generatezones_in_a_projected_crs(qgis_app):
    cores = wkt_layer('cores', 'Polygon', GAUSS_KRUGER, [square(X0, Y0, 1000)])
    output = output_of('generatezones', CORES=cores, BUFFER_WIDTH=200, TRANSITION_WIDTH=300)
    zones = by_zone(output)
    assert output.crs().authid() == GAUSS_KRUGER
    assert [field.name() for field in output.fields()] == ['zone', 'zone_code', 'area_ha']
    assert [(zone, zones[zone]['zone_code']) for zone in zones] == [('core', 1), ('buffer', 2), ('transition', 3)]
    assert zones['core']['area_ha'] == pytest.approx(100.0)
    assert zones['buffer']['area_ha'] == pytest.approx(grown_square_ha(1000, 200) - 100, rel=CIRCLE_TOLERANCE)
    assert zones['transition']['area_ha'] == pytest.approx(
        grown_square_ha(1000, 500) - grown_square_ha(1000, 200), rel=CIRCLE_TOLERANCE)
    for feature in output.getFeatures():
        assert feature.geometry().area() / 1e4 == pytest.approx(feature['area_ha'])
    assert cores.featureCount() == 1 and cores.getFeature(1).geometry().area() == pytest.approx(1e6)


def utm_square_in(crs_id, side=1000.0):
    """A square of ``side`` metres in UTM zone 50N (CM 117E) near 31N, densified and transformed to ``crs_id``."""
    utm = QgsCoordinateReferenceSystem('EPSG:32650')
    geometry = QgsGeometry.fromWkt(square(480000, 3430000, side)).densifyByCount(50)
    geometry.transform(QgsCoordinateTransform(utm, QgsCoordinateReferenceSystem(crs_id), QgsProject.instance()))
    return geometry, utm


@pytest.mark.parametrize('crs_id', ['ESRI:102100', 'EPSG:3395', 'EPSG:4087', 'ESRI:54009', 'ESRI:54008'])
def test_zones_in_a_world_projection_are_measured_in_true_metres(qgis_app, crs_id):
    """Esri's id of Web Mercator (ArcGIS Online data), World Mercator, Plate Carree, Mollweide and sinusoidal were
    taken for true metres: a 100 ha core near 31 degrees north measured 134 ha in Mercator and 117 ha in Plate
    Carree, and a 200 m buffer came out 7 % too large in Mollweide, 19 % in sinusoidal."""
    core, _utm = utm_square_in(crs_id)
    cores = wkt_layer('cores', 'Polygon', crs_id, [core.asWkt(12)])
    statistics = output_of('zonestatistics', ZONES=wkt_layer('zones', 'Polygon', crs_id, [core.asWkt(12)],
                                                             field='zone', values=['core']))
    assert next(statistics.getFeatures())['area_ha'] == pytest.approx(100.0, rel=1e-3)
    zones = by_zone(output_of('generatezones', CORES=cores, BUFFER_WIDTH=200, TRANSITION_WIDTH=300))
    assert zones['buffer']['area_ha'] == pytest.approx(grown_square_ha(1000, 200) - 100, rel=3e-3)


def square_near_pole_in(crs_id, latitude, side=10000.0):
    """A square of ``side`` metres in a Lambert azimuthal equal-area CRS centred at ``latitude``, 45 W (true areas
    there), densified and transformed to ``crs_id``."""
    equal_area = QgsCoordinateReferenceSystem.fromProj(
        '+proj=laea +lat_0={} +lon_0=-45 +ellps=WGS84 +units=m +no_defs'.format(latitude))
    geometry = QgsGeometry.fromWkt(square(-side / 2, -side / 2, side)).densifyByCount(50)
    geometry.transform(QgsCoordinateTransform(equal_area, QgsCoordinateReferenceSystem(crs_id), QgsProject.instance()))
    return geometry


@pytest.mark.parametrize('crs_id, latitude', [('EPSG:3413', 61.0), ('EPSG:3413', 89.5), ('EPSG:3031', -65.0)])
def test_zones_in_a_polar_stereographic_crs_are_measured_in_true_metres(qgis_app, crs_id, latitude):
    """Polar stereographic (NSIDC's EPSG:3413 for the Arctic, EPSG:3031 for Antarctica) is conformal and true to
    scale at 70 N and 71 S only: its areas are ((1 + sin 70) / (1 + sin phi))**2 true ones. Zones in it were measured
    in it as in a local CRS: a 10 000 ha core measured 10 705 ha at 61 N, 9 407 ha at 89.5 N and 10 415 ha at 65 S.
    They are measured in the local CRS, as zones in a projection for maps of the world are
    (qgis_io.world_projection)."""
    core = square_near_pole_in(crs_id, latitude)
    statistics = output_of('zonestatistics', ZONES=wkt_layer('zones', 'Polygon', crs_id, [core.asWkt(12)],
                                                             field='zone', values=['core']))
    assert next(statistics.getFeatures())['area_ha'] == pytest.approx(10000.0, rel=1e-3)
    zones = by_zone(output_of('generatezones', CORES=wkt_layer('cores', 'Polygon', crs_id, [core.asWkt(12)]),
                              BUFFER_WIDTH=200, TRANSITION_WIDTH=300))
    assert zones['buffer']['area_ha'] == pytest.approx(grown_square_ha(10000, 200) - 10000, rel=3e-3)


@pytest.mark.parametrize('crs_id', ['EPSG:4326', 'EPSG:4490'])
def test_generatezones_in_a_geographic_crs_measures_widths_in_metres(qgis_app, crs_id):
    core, utm = utm_square_in(crs_id)
    cores = wkt_layer('cores', 'Polygon', crs_id, [core.asWkt(12)])
    output = output_of('generatezones', CORES=cores, BUFFER_WIDTH=200, TRANSITION_WIDTH=300)
    zones = by_zone(output)
    assert output.crs().authid() == crs_id
    # UTM's scale factor at the central meridian (0.9996) bounds the difference from true areas
    assert zones['core']['area_ha'] == pytest.approx(100.0, rel=1e-3)
    assert zones['buffer']['area_ha'] == pytest.approx(grown_square_ha(1000, 200) - 100, rel=3e-3)
    back_to_utm = QgsCoordinateTransform(QgsCoordinateReferenceSystem(crs_id), utm, QgsProject.instance())
    core_in_utm = QgsGeometry(core)
    core_in_utm.transform(back_to_utm)
    buffer_in_utm = QgsGeometry(zones['buffer'].geometry())
    buffer_in_utm.transform(back_to_utm)
    outer_ring = buffer_in_utm.constGet().geometryN(0).exteriorRing()
    distances = [core_in_utm.distance(QgsGeometry.fromPointXY(QgsPointXY(point))) for point in outer_ring.vertices()]
    assert min(distances) == pytest.approx(200, abs=1.0)
    assert max(distances) == pytest.approx(200, abs=1.0)


DEMO = os.path.join(REPO, 'resources', 'demo', 'demo.gpkg')
"""The demo reserve: three cores and the reserve boundary in CGCS2000 / 3-degree Gauss-Kruger (EPSG:4544)."""


def demo_copy_in(crs_id, folder):
    """The demo cores and boundary reprojected vertex by vertex to ``crs_id`` by GDAL, as ogr2ogr -t_srs does."""
    path = os.path.join(str(folder), 'demo_{}.gpkg'.format(crs_id.replace(':', '_')))
    gdal.VectorTranslate(path, DEMO, dstSRS=crs_id, layers=['cores', 'reserve_boundary'])
    return path


def generated_and_validated(path, folder):
    """generatezones then validatezones (profile China three zones, buffer at least 1500 m) on the demo layers
    at ``path``: the zones file and the problems as sorted (rule, severity) pairs with the two counts."""
    zones = os.path.join(str(folder), 'zones_{}.gpkg'.format(os.path.basename(path)))
    run('generatezones', CORES=path + '|layername=cores', BOUNDARY=path + '|layername=reserve_boundary',
        BUFFER_WIDTH=1500, TRANSITION_WIDTH=3000, OUTPUT=zones)
    result = run('validatezones', ZONES=zones, BOUNDARY=path + '|layername=reserve_boundary', PROFILE=1,
                 MIN_BUFFER_WIDTH=1500, OUTPUT='memory:')
    problems = sorted((feature['rule'], feature['severity']) for feature in result['OUTPUT'].getFeatures())
    return zones, (problems, result['ERROR_COUNT'], result['WARNING_COUNT'])


@pytest.mark.parametrize('crs_id', ['EPSG:4326', 'EPSG:3857'])
def test_zones_of_geographic_or_web_mercator_layers_validate_as_in_metres(qgis_app, tmp_path, crs_id):
    _zones, in_metres = generated_and_validated(DEMO, tmp_path)
    zones, reprojected = generated_and_validated(demo_copy_in(crs_id, tmp_path), tmp_path)
    assert reprojected == in_metres
    assert in_metres[1:] == (1, 2)  # a narrow buffer where the boundary cuts it; core on the edge; core share


def test_zones_written_in_degrees_are_valid_and_fit_the_boundary_there(qgis_app, tmp_path):
    path = demo_copy_in('EPSG:4326', tmp_path)
    zones, _problems = generated_and_validated(path, tmp_path)
    zone_source = ogr.Open(zones)
    union = ogr.Geometry(ogr.wkbMultiPolygon)
    for feature in zone_source.GetLayer(0):
        geometry = feature.GetGeometryRef().Clone()
        assert geometry.IsValid(), feature.GetField('zone')
        union = union.Union(geometry)
    boundary_source = ogr.Open(path)
    boundary_feature = boundary_source.GetLayerByName('reserve_boundary').GetNextFeature()
    boundary = boundary_feature.GetGeometryRef()
    square_metres_per_square_degree = 110900.0 * 111320.0 * math.cos(math.radians(31.1))  # the demo at 31.1 N
    difference = union.SymDifference(boundary)
    largest = max(difference.GetGeometryRef(index).GetArea() for index in range(difference.GetGeometryCount()))
    assert largest * square_metres_per_square_degree < 0.01  # m2, far below validatezones' 1 m2 tolerance


def test_boundary_in_another_crs_is_reprojected_and_filled(qgis_app):
    cores = wkt_layer('cores', 'Polygon', GAUSS_KRUGER, [square(X0 - 500, Y0, 1000)])
    boundary_projected = QgsGeometry.fromWkt(square(X0, Y0 - 2000, 5000)).densifyByCount(20)
    boundary_geographic = QgsGeometry(boundary_projected)
    boundary_geographic.transform(QgsCoordinateTransform(
        QgsCoordinateReferenceSystem(GAUSS_KRUGER), QgsCoordinateReferenceSystem('EPSG:4490'), QgsProject.instance()))
    boundary = wkt_layer('boundary', 'Polygon', 'EPSG:4490', [boundary_geographic.asWkt(12)])
    zones = by_zone(output_of('generatezones', CORES=cores, BOUNDARY=boundary, BUFFER_WIDTH=300, TRANSITION_WIDTH=100))
    # the core's half inside the boundary (500 x 1000 m on its left edge) grows right, up and down only
    assert zones['core']['area_ha'] == pytest.approx(50.0, rel=1e-6)
    assert sum(feature['area_ha'] for feature in zones.values()) == pytest.approx(2500.0, rel=1e-6)
    clipped_buffer = (300 * 1000 + 2 * 500 * 300 + math.pi * 300 ** 2 / 2) / 1e4
    assert zones['buffer']['area_ha'] == pytest.approx(clipped_buffer, rel=CIRCLE_TOLERANCE)


def test_core_outside_the_boundary_is_named(qgis_app):
    cores = wkt_layer('cores', 'Polygon', GAUSS_KRUGER, [square(X0, Y0, 100), square(X0 + 9000, Y0, 100)])
    boundary = wkt_layer('boundary', 'Polygon', GAUSS_KRUGER, [square(X0 - 1000, Y0 - 1000, 3000)])
    with pytest.raises(QgsProcessingException) as raised:
        output_of('generatezones', CORES=cores, BOUNDARY=boundary, BUFFER_WIDTH=100, TRANSITION_WIDTH=100)
    assert 'Core 2 of layer "cores" lies entirely outside the reserve boundary' in str(raised.value)


def test_the_part_of_a_core_beyond_the_boundary_is_said_to_be_left_out(qgis_app):
    """Clipping a core to the boundary used to drop its outer part without a word (here 0.5 of its 1 ha)."""
    cores = wkt_layer('cores', 'Polygon', GAUSS_KRUGER, [square(X0, Y0, 100), square(X0 + 500, Y0, 100)])
    boundary = wkt_layer('boundary', 'Polygon', GAUSS_KRUGER, [square(X0 + 50, Y0 - 1000, 3000)])
    feedback = RecordingFeedback()
    zones = by_zone(output_of('generatezones', feedback=feedback, CORES=cores, BOUNDARY=boundary, BUFFER_WIDTH=100,
                              TRANSITION_WIDTH=100))
    assert zones['core']['area_ha'] == pytest.approx(1.5)
    beyond = [line for line in feedback.lines if 'beyond the reserve boundary' in line]
    assert beyond == ['Core 1 of layer "cores" extends 0.5000 ha beyond the reserve boundary: that part is left '
                      'out of the core and of the zones. Extend the boundary if it belongs to the reserve.']


def test_zero_buffer_width_writes_no_buffer_feature_and_says_so(qgis_app):
    cores = wkt_layer('cores', 'Polygon', GAUSS_KRUGER, [square(X0, Y0, 100)])
    feedback = RecordingFeedback()
    output = output_of('generatezones', feedback=feedback, CORES=cores, BUFFER_WIDTH=0, TRANSITION_WIDTH=100)
    assert set(by_zone(output)) == {'core', 'transition'}
    assert any(line.startswith('Buffer zone: empty') for line in feedback.lines)


def test_empty_core_layer_is_refused(qgis_app):
    cores = wkt_layer('cores', 'Polygon', GAUSS_KRUGER, [])
    with pytest.raises(QgsProcessingException, match='core layer is empty'):
        output_of('generatezones', CORES=cores, BUFFER_WIDTH=100, TRANSITION_WIDTH=100)


def test_null_geometry_is_named(qgis_app):
    cores = wkt_layer('cores', 'Polygon', GAUSS_KRUGER, [square(X0, Y0, 100), None])
    with pytest.raises(QgsProcessingException) as raised:
        output_of('generatezones', CORES=cores, BUFFER_WIDTH=100, TRANSITION_WIDTH=100)
    assert 'Layer "cores"' in str(raised.value) and 'feature id 2 (null or empty geometry)' in str(raised.value)


def test_self_intersecting_core_is_repaired_with_a_log_line(qgis_app):
    bowtie = 'POLYGON(({0} {1}, {2} {3}, {2} {1}, {0} {3}, {0} {1}))'.format(X0, Y0, X0 + 100, Y0 + 100)
    cores = wkt_layer('cores', 'Polygon', GAUSS_KRUGER, [bowtie])
    feedback = RecordingFeedback()
    zones = by_zone(output_of('generatezones', feedback=feedback, CORES=cores, BUFFER_WIDTH=10, TRANSITION_WIDTH=10))
    assert zones['core']['area_ha'] == pytest.approx(0.5)
    assert 'cores: 1 invalid geometries repaired.' in feedback.lines


def test_output_is_styled_when_loaded(qgis_app, tmp_path):
    cores = wkt_layer('cores', 'Polygon', GAUSS_KRUGER, [square(X0, Y0, 100)])
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    destination = QgsProcessingOutputLayerDefinition(str(tmp_path / 'zones.gpkg'), QgsProject.instance())
    output = output_of('generatezones', context=context, CORES=cores, BUFFER_WIDTH=50, TRANSITION_WIDTH=50,
                       OUTPUT=destination)
    layer = QgsVectorLayer(output, 'zones')
    context.layerToLoadOnCompletionDetails(output).postProcessor().postProcessLayer(layer, context, None)
    renderer = layer.renderer()
    assert isinstance(renderer, QgsCategorizedSymbolRenderer) and renderer.classAttribute() == 'zone'
    colours = {category.value(): category.symbol().color().name() for category in renderer.categories()}
    assert colours == {'core': '#1b7837', 'buffer': '#9fd29b', 'transition': '#f6e8a6', 'general': '#c7e096'}


def test_chinese_paths_and_field_names(qgis_app, tmp_path):
    folder = tmp_path / '保护区'
    cores = geopackage(str(folder / '核心区.gpkg'), 4547, [('名称', ogr.OFTString)],
                       [(square(X0, Y0, 1000), {'名称': '大熊猫核心区'})])
    output = str(folder / '分区.gpkg')
    result = processing.run('reserveplanner:generatezones', {
        'CORES': cores, 'BUFFER_WIDTH': 200, 'TRANSITION_WIDTH': 300, 'OUTPUT': output})
    zones = by_zone(QgsVectorLayer(result['OUTPUT'], '分区'))
    assert zones['core']['area_ha'] == pytest.approx(100.0)
    labelled = geopackage(str(folder / '功能区.gpkg'), 4547, [('分区', ogr.OFTString)],
                          [(square(X0, Y0, 100), {'分区': '核心'}), (square(X0 + 100, Y0, 300), {'分区': 'buffer'})])
    statistics = output_of('zonestatistics', ZONES=labelled, ZONE_FIELD='分区')
    rows = [(feature['zone'], feature['area_ha']) for feature in statistics.getFeatures()]
    assert rows == [('buffer', pytest.approx(9.0)), ('核心', pytest.approx(1.0))]


@pytest.mark.slow
@pytest.mark.external
def test_generatezones_through_qgis_process(qgis_process, tmp_path):
    cores = geopackage(str(tmp_path / 'cores.gpkg'), 4547, [('name', ogr.OFTString)],
                       [(square(X0, Y0, 1000), {'name': 'a'}), (square(X0 + 1200, Y0, 500), {'name': 'b'})])
    boundary = geopackage(str(tmp_path / 'boundary.gpkg'), 4547, [('name', ogr.OFTString)],
                          [(square(X0 - 2000, Y0 - 2000, 6000), {'name': 'r'})])
    output = str(tmp_path / 'zones.gpkg')
    returncode, result, log = qgis_process('generatezones', CORES=cores, BOUNDARY=boundary, BUFFER_WIDTH=300,
                                           TRANSITION_WIDTH=1000, OUTPUT=output)
    assert returncode == 0, log
    assert result['results']['OUTPUT'] == output
    zones = by_zone(QgsVectorLayer(output, 'zones'))
    assert zones['core']['area_ha'] == pytest.approx(125.0)
    assert sum(feature['area_ha'] for feature in zones.values()) == pytest.approx(3600.0)


def statistics_zones():
    """core 1 ha; buffer 2 + 1 ha in two features; transition 6 ha (EPSG:4547, metres)."""
    return wkt_layer('zones', 'Polygon', GAUSS_KRUGER, [
        square(X0, Y0, 100),
        'POLYGON(({0} {1}, {2} {1}, {2} {3}, {0} {3}, {0} {1}))'.format(X0 + 100, Y0, X0 + 300, Y0 + 100),
        square(X0, Y0 + 100, 100),
        'POLYGON(({0} {1}, {2} {1}, {2} {3}, {0} {3}, {0} {1}))'.format(X0, Y0 - 100, X0 + 600, Y0),
    ], field='zone', values=['core', '2', 'Buffer', 'transition'])


def test_zonestatistics_areas_and_shares(qgis_app):
    rows = [feature.attributes() for feature in output_of('zonestatistics', ZONES=statistics_zones()).getFeatures()]
    assert rows == [
        ['core', 1, pytest.approx(1.0), pytest.approx(10.0)],
        ['buffer', 2, pytest.approx(3.0), pytest.approx(30.0)],
        ['transition', 3, pytest.approx(6.0), pytest.approx(60.0)],
    ]


def test_zonestatistics_counts_a_duplicated_zone_once_and_warns_of_zones_overlapping(qgis_app):
    """A core feature copied twice used to count twice (2 ha of core on 1 ha of land, share 50 % for 33 %)."""
    core = square(X0, Y0, 100)
    buffer_ = 'POLYGON(({0} {1}, {2} {1}, {2} {3}, {0} {3}, {0} {1}))'.format(X0 + 100, Y0, X0 + 300, Y0 + 100)
    feedback = RecordingFeedback()
    output = run('zonestatistics', feedback=feedback, temporary_outputs=('OUTPUT',), ZONES=wkt_layer(
        'zones', 'Polygon', GAUSS_KRUGER, [core, core, buffer_], field='zone', values=['core'] * 2 + ['buffer']))
    rows = [feature.attributes() for feature in output['OUTPUT'].getFeatures()]
    assert rows == [['core', 1, pytest.approx(1.0), pytest.approx(100 / 3)],
                    ['buffer', 2, pytest.approx(2.0), pytest.approx(200 / 3)]]
    assert not [line for line in feedback.lines if 'overlap' in line]
    over = 'POLYGON(({0} {1}, {2} {1}, {2} {3}, {0} {3}, {0} {1}))'.format(X0 + 50, Y0, X0 + 300, Y0 + 100)
    run('zonestatistics', feedback=feedback, temporary_outputs=('OUTPUT',), ZONES=wkt_layer(
        'zones', 'Polygon', GAUSS_KRUGER, [core, over], field='zone', values=['core', 'buffer']))
    assert [line for line in feedback.lines if 'overlap by 0.5000 ha' in line]


def test_zonestatistics_land_cover_by_cell_centres(qgis_app, tmp_path):
    # 10 m cells over x 500000-500300, y 3499900-3500200: class 10 left of x 500050, class 20 right of it,
    # no data in the row y 3499900-3499910
    array = np.full((30, 30), 20.0)
    array[:, :5] = 10.0
    array[29, :] = np.nan
    landcover = geotiff(tmp_path / '土地覆盖.tif', array, 10.0, epsg=4547, x0=X0, y0=Y0 + 200,
                        data_type=gdal.GDT_Float32)
    output = output_of('zonestatistics', ZONES=statistics_zones(), LANDCOVER=landcover)
    rows = [(feature['zone'], feature['landcover'], feature['class_pct'], feature['class_area_ha'])
            for feature in output.getFeatures()]
    # core x 0-100, y 0-100 (relative): 100 cells, 50 of class 10; buffer 300 cells, class 10 in 50 of them;
    # transition x 0-600, y -100-0: columns 0-29 on the raster (9 rows + the no-data row), 30 columns off it
    assert rows == [
        ('core', 10, pytest.approx(50.0), pytest.approx(0.5)),
        ('core', 20, pytest.approx(50.0), pytest.approx(0.5)),
        ('buffer', 10, pytest.approx(100 * 50 / 300), pytest.approx(0.5)),
        ('buffer', 20, pytest.approx(100 * 250 / 300), pytest.approx(2.5)),
        ('transition', 10, pytest.approx(100 * 45 / 600), pytest.approx(0.45)),
        ('transition', 20, pytest.approx(100 * 225 / 600), pytest.approx(2.25)),
        ('transition', None, pytest.approx(100 * 330 / 600), pytest.approx(3.3)),
    ]


def test_zonestatistics_warns_naming_an_all_nodata_land_cover_raster(qgis_app, tmp_path):
    landcover = geotiff(tmp_path / '空白.tif', np.full((30, 30), np.nan), 10.0, epsg=4547, x0=X0, y0=Y0 + 200)
    feedback = RecordingFeedback()
    output = run('zonestatistics', feedback=feedback, temporary_outputs=('OUTPUT',), ZONES=statistics_zones(),
                 LANDCOVER=landcover)['OUTPUT']
    assert {(feature['landcover'], feature['class_pct']) for feature in output.getFeatures()} == {(NULL, 100.0)}
    assert [line for line in feedback.lines if '空白' in line and 'no data under any zone' in line]


def test_zonestatistics_without_the_zone_field_is_refused(qgis_app):
    zones = wkt_layer('zones', 'Polygon', GAUSS_KRUGER, [square(X0, Y0, 100)], field='kind', values=['core'])
    with pytest.raises(QgsProcessingException):
        output_of('zonestatistics', ZONES=zones, ZONE_FIELD='zone')


def test_zonestatistics_finds_an_upper_case_zone_field_by_default(qgis_app):
    zones = wkt_layer('zones', 'Polygon', GAUSS_KRUGER, [square(X0, Y0, 100), square(X0 + 100, Y0, 200)],
                      field='ZONE', values=['core', 'buffer'])
    rows = [feature.attributes()[:3] for feature in output_of('zonestatistics', ZONES=zones).getFeatures()]
    assert rows == [['core', 1, pytest.approx(1.0)], ['buffer', 2, pytest.approx(4.0)]]


@pytest.mark.parametrize('zone_field, error', [('kind', None), ('区', r'Layer "分区" has no field "区"')])
def test_zonestatistics_finds_the_zone_field_in_any_case_and_refuses_a_missing_one_before_any_output(
        qgis_app, tmp_path, zone_field, error):
    zones = wkt_layer('分区', 'Polygon', GAUSS_KRUGER, [square(X0, Y0, 100)], field='KIND', values=['core'])
    output = str(tmp_path / 'statistics.gpkg')
    if error:
        with pytest.raises(QgsProcessingException, match=error):
            output_of('zonestatistics', ZONES=zones, ZONE_FIELD=zone_field, OUTPUT=output)
        assert not os.path.exists(output)
    else:
        output_of('zonestatistics', ZONES=zones, ZONE_FIELD=zone_field, OUTPUT=output)
        assert [feature['zone'] for feature in QgsVectorLayer(output).getFeatures()] == ['core']


def test_cost_based_zones_stop_at_a_barrier(qgis_app, tmp_path):
    # 60 x 20 cells of 10 m, resistance 1, a no-data wall in column 32 (x 320-330 from the raster's left edge)
    array = np.ones((20, 60))
    array[:, 32] = np.nan
    resistance = geotiff(tmp_path / 'resistance.tif', array, 10.0, epsg=4547, x0=X0, y0=Y0 + 200,
                         data_type=gdal.GDT_Float32)
    cores = wkt_layer('cores', 'Polygon', GAUSS_KRUGER, [square(X0 + 255, Y0 + 85, 20)])
    zones = by_zone(output_of('generatezones', CORES=cores, RESISTANCE=resistance, BUFFER_WIDTH=100,
                              TRANSITION_WIDTH=100))
    buffer_box = zones['buffer'].geometry().boundingBox()
    assert buffer_box.xMinimum() - X0 == pytest.approx(150.0)
    assert buffer_box.xMaximum() - X0 == pytest.approx(320.0)
    transition_box = zones['transition'].geometry().boundingBox()
    assert transition_box.xMaximum() - X0 == pytest.approx(320.0)
    euclidean = by_zone(output_of('generatezones', CORES=cores, BUFFER_WIDTH=100, TRANSITION_WIDTH=100))
    assert euclidean['buffer'].geometry().boundingBox().xMaximum() - X0 == pytest.approx(375.0)


def test_cost_based_zones_with_geographic_cores_and_a_projected_raster(qgis_app, tmp_path):
    array = np.ones((40, 40))
    resistance = geotiff(tmp_path / 'resistance.tif', array, 10.0, epsg=4547, x0=X0 - 200, y0=Y0 + 200,
                         data_type=gdal.GDT_Float32)
    core = QgsGeometry.fromWkt(square(X0 - 5, Y0 - 5, 10))
    core.transform(QgsCoordinateTransform(QgsCoordinateReferenceSystem(GAUSS_KRUGER),
                                          QgsCoordinateReferenceSystem('EPSG:4490'), QgsProject.instance()))
    cores = wkt_layer('cores', 'Polygon', 'EPSG:4490', [core.asWkt(12)])
    output = output_of('generatezones', CORES=cores, RESISTANCE=resistance, BUFFER_WIDTH=50, TRANSITION_WIDTH=0)
    assert output.crs().authid() == 'EPSG:4490'
    zones = by_zone(output)
    # the core touches the four cells around (X0, Y0); a cell is reached when the octile distance from the
    # nearest of them (10 m per straight step, 10 sqrt(2) m per diagonal one, all at resistance 1) is <= 50
    offsets = np.abs(np.arange(-8, 8)[:, None] - np.array([-1, 0])[None, :])
    dx, dy = offsets.min(axis=1)[:, None], offsets.min(axis=1)[None, :]
    octile = 10 * np.abs(dx - dy) + 10 * math.sqrt(2) * np.minimum(dx, dy)
    assert zones['buffer']['area_ha'] + zones['core']['area_ha'] == pytest.approx((octile <= 50).sum() * 0.01)


def test_empty_boundary_layer_is_refused(qgis_app):
    cores = wkt_layer('cores', 'Polygon', GAUSS_KRUGER, [square(X0, Y0, 100)])
    boundary = wkt_layer('boundary', 'Polygon', GAUSS_KRUGER, [])
    with pytest.raises(QgsProcessingException, match='boundary has no area'):
        output_of('generatezones', CORES=cores, BOUNDARY=boundary, BUFFER_WIDTH=100, TRANSITION_WIDTH=100)


def test_cancelled_run_writes_nothing(qgis_app, tmp_path):
    cores = wkt_layer('cores', 'Polygon', GAUSS_KRUGER, [square(X0, Y0, 100)])
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    destination = tmp_path / 'zones.gpkg'
    with pytest.raises(QgsProcessingException, match='cancelled'):
        output_of('generatezones', feedback=feedback, CORES=cores, BUFFER_WIDTH=100, TRANSITION_WIDTH=100,
                  OUTPUT=str(destination))
    assert not destination.exists()


def test_zonestatistics_of_an_empty_layer_or_a_null_geometry_is_refused(qgis_app):
    with pytest.raises(QgsProcessingException, match='no features'):
        output_of('zonestatistics', ZONES=wkt_layer('zones', 'Polygon', GAUSS_KRUGER, [], field='zone'))
    zones = wkt_layer('zones', 'Polygon', GAUSS_KRUGER, [square(X0, Y0, 100), None], field='zone',
                      values=['core', 'buffer'])
    with pytest.raises(QgsProcessingException, match='feature id 2'):
        output_of('zonestatistics', ZONES=zones)


def test_zonestatistics_with_zones_and_land_cover_in_different_crss(qgis_app, tmp_path):
    array = np.full((30, 30), 20.0)
    array[:, :5] = 10.0
    landcover = geotiff(tmp_path / 'landcover.tif', array, 10.0, epsg=4547, x0=X0, y0=Y0 + 200,
                        data_type=gdal.GDT_Float32)
    to_geographic = QgsCoordinateTransform(QgsCoordinateReferenceSystem(GAUSS_KRUGER),
                                           QgsCoordinateReferenceSystem('EPSG:4490'), QgsProject.instance())
    core = QgsGeometry.fromWkt(square(X0, Y0, 100))
    core.transform(to_geographic)
    zones = wkt_layer('zones', 'Polygon', 'EPSG:4490', [core.asWkt(12)], field='zone', values=['core'])
    rows = [(feature['landcover'], feature['class_pct'], feature['area_ha'])
            for feature in output_of('zonestatistics', ZONES=zones, LANDCOVER=landcover).getFeatures()]
    # on the Gauss-Kruger central meridian the projected area is the true area: 1 ha, half of class 10
    assert rows == [(10, pytest.approx(50.0), pytest.approx(1.0, rel=1e-3)),
                    (20, pytest.approx(50.0), pytest.approx(1.0, rel=1e-3))]


def test_zonestatistics_of_a_zone_across_180_over_a_land_cover_raster_in_degrees(qgis_app, tmp_path):
    """A band of 1-degree land-cover cells around the globe at 17-18 S, class 10 from 177 E to 178 W and class 20
    elsewhere: the Fiji-like core over those five cells is all class 10, not mostly the class 20 of the band its
    outline spans when it is moved back to degrees uncut."""
    array = np.full((1, 360), 20.0)
    array[0, 357:] = array[0, :2] = 10.0
    landcover = geotiff(tmp_path / 'landcover.tif', array, 1.0, epsg=4326, x0=-180.0, y0=-17.0,
                        data_type=gdal.GDT_Float32)
    zones = wkt_layer('zones', 'MultiPolygon', 'EPSG:4326', [FIJI], field='zone', values=['core'])
    rows = [(feature['landcover'], feature['class_pct'])
            for feature in output_of('zonestatistics', ZONES=zones, LANDCOVER=landcover).getFeatures()]
    assert rows == [(10, pytest.approx(100.0))]


def test_cost_based_zones_warp_a_geographic_resistance_raster(qgis_app, tmp_path):
    # about 1.1 km x 1.1 km of resistance 1 around (114E, 31.6N), in degrees
    resistance = geotiff(tmp_path / 'resistance.tif', np.ones((100, 100)), 0.0001, epsg=4490, x0=113.995, y0=31.605,
                         data_type=gdal.GDT_Float32)
    to_projected = QgsCoordinateTransform(QgsCoordinateReferenceSystem('EPSG:4490'),
                                          QgsCoordinateReferenceSystem(GAUSS_KRUGER), QgsProject.instance())
    centre = to_projected.transform(QgsPointXY(114.0, 31.6))
    cores = wkt_layer('cores', 'Polygon', GAUSS_KRUGER, [square(centre.x() - 50, centre.y() - 50, 100)])
    feedback = RecordingFeedback()
    zones = by_zone(output_of('generatezones', feedback=feedback, CORES=cores, RESISTANCE=resistance,
                              BUFFER_WIDTH=100, TRANSITION_WIDTH=100))
    assert any('is warped (nearest neighbour) to' in line for line in feedback.lines)
    # through resistance 1 the buffer reaches about 100 m around the 100 m core (cell edges, about 10 m cells)
    buffer_box = zones['buffer'].geometry().boundingBox()
    assert buffer_box.width() == pytest.approx(300, abs=25)


def vanished_raster(path, epsg):
    """A raster layer whose file is deleted once QGIS has loaded it, so that GDAL fails to open it by path."""
    geotiff(path, np.ones((10, 10)), 0.001 if epsg == 4490 else 10.0, epsg=epsg,
            x0=113.995 if epsg == 4490 else X0, y0=31.605 if epsg == 4490 else Y0 + 100)
    layer = QgsRasterLayer(str(path), '消失的栅格')
    assert layer.isValid()
    os.remove(path)
    return layer


def test_generatezones_names_a_resistance_raster_gdal_cannot_read(qgis_app, tmp_path):
    cores = wkt_layer('cores', 'Polygon', GAUSS_KRUGER, [square(X0, Y0, 100)])
    output = str(tmp_path / 'zones.gpkg')
    exceptions_before = gdal.GetUseExceptions()  # off on QGIS 3.22, on once QGIS 3.40's Processing is imported
    with pytest.raises(QgsProcessingException, match='Raster "r.tif": Cannot read the raster'):
        output_of('generatezones', CORES=cores, RESISTANCE=vanished_raster(tmp_path / 'r.tif', 4490), OUTPUT=output)
    assert not os.path.exists(output)
    assert gdal.GetUseExceptions() == exceptions_before


def test_zonestatistics_names_a_land_cover_raster_gdal_cannot_read(qgis_app, tmp_path):
    output = str(tmp_path / 'statistics.gpkg')
    with pytest.raises(QgsProcessingException, match='land-cover raster "c.tif" cannot be read'):
        output_of('zonestatistics', ZONES=statistics_zones(), LANDCOVER=vanished_raster(tmp_path / 'c.tif', 4547),
                  OUTPUT=output)
    assert not os.path.exists(output)


def test_zonestatistics_land_cover_agrees_with_native_zonal_histogram(qgis_app, tmp_path):
    rng = np.random.default_rng(3)
    array = rng.integers(1, 6, (60, 60)).astype(float)
    array[rng.random((60, 60)) < 0.05] = np.nan
    landcover = geotiff(tmp_path / 'landcover.tif', array, 10.0, epsg=4547, x0=X0, y0=Y0 + 600,
                        data_type=gdal.GDT_Float32)
    cores = wkt_layer('cores', 'Polygon', GAUSS_KRUGER, [square(X0 + 230, Y0 + 250, 93)])
    boundary = wkt_layer('boundary', 'Polygon', GAUSS_KRUGER, [square(X0 + 20, Y0 + 30, 550)])
    zones = output_of('generatezones', CORES=cores, BOUNDARY=boundary, BUFFER_WIDTH=120, TRANSITION_WIDTH=0)
    ours = {(feature['zone'], None if feature['landcover'] == NULL else feature['landcover']): feature['class_pct']
            for feature in output_of('zonestatistics', ZONES=zones, LANDCOVER=landcover).getFeatures()}
    native = output_of('native:zonalhistogram', INPUT_RASTER=landcover, RASTER_BAND=1, INPUT_VECTOR=zones,
                       COLUMN_PREFIX='H_')
    for feature in native.getFeatures():
        counts = {name[2:]: feature[name] for name in feature.fields().names() if name.startswith('H_')}
        total = sum(counts.values())
        for value, count in counts.items():
            key = (feature['zone'], None if value == 'NODATA' else int(float(value)))
            assert ours.get(key, 0.0) == pytest.approx(100.0 * count / total), key


def test_chinese_names_and_messages(qgis_app):
    from reserve_planner.plugin.i18n import install_translator, remove_translator

    translator = install_translator('zh_CN')
    try:
        assert translator is not None, 'reserve_planner_zh_CN.qm is missing: run make translations'
        algorithm = QgsApplication.processingRegistry().algorithmById('reserveplanner:generatezones')
        assert algorithm.displayName() == '生成功能区'
        with pytest.raises(QgsProcessingException, match='核心区图层为空'):
            output_of('generatezones', CORES=wkt_layer('cores', 'Polygon', GAUSS_KRUGER, []), BUFFER_WIDTH=1,
                      TRANSITION_WIDTH=1)
    finally:
        remove_translator(translator)


def test_a_problem_across_180_is_written_back_cut_at_180(qgis_app):
    """A Fiji-like zone of an unknown value (177 E to 178 W, one feature whose parts end at 180 E and 180 W) is its
    own problem area: validated in metres, it went back to EPSG:4326 with a plain transform as one polygon from -178
    to 180 degrees, drawn across the whole map. It is cut at 180 degrees as generatezones' zones are
    (qgis_io.output_polygon), keeping its area."""
    zones = wkt_layer('zones', 'MultiPolygon', 'EPSG:4326', [FIJI], field='zone', values=['park'])
    problems = output_of('validatezones', ZONES=zones)
    [unknown] = [feature for feature in problems.getFeatures() if feature['rule'] == 'unknown_zone']
    assert_cut_at_180(unknown.geometry())
