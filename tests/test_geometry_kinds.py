"""The kinds of geometry and raster real planners' files hold give the figures their plain form gives: every
algorithm run on the landscape of test_bad_input with its polygons stored with Z and M values, as curves or in
a geometry collection, and its rasters multi-band, of another cell type, without nodata, south-up, behind a VRT or
scaled, gives what it gives on 2D simple polygons and single-band north-up rasters; what cannot mean the same is
refused with a message naming the layer.
"""

import os
import re

import numpy as np
import pytest
from osgeo import gdal, ogr, osr
from qgis.core import QgsCoordinateReferenceSystem, QgsGeometry, QgsProcessingException, QgsVectorLayer, QgsWkbTypes

from support import RecordingFeedback, geotiff, memory_layer, run
from test_bad_input import ALGORITHMS, UTM, Landscape, box, protected, assert_same_rows, output_rows, scenario

def curved(wkt):
    """``wkt`` as the curved type of its type (CurvePolygon, MultiSurface), its rings as straight segments."""
    geometry = QgsGeometry.fromWkt(wkt)
    return geometry.constGet().toCurveType().asWkt()


def with_z_and_m(wkt, multi=False, m=False):
    geometry = QgsGeometry.fromWkt(wkt)
    if multi:
        geometry.convertToMultiType()
    geometry.get().addZValue(5.0)
    if m:
        geometry.get().addMValue(7.0)
    return geometry.asWkt()


def multi(wkt):
    geometry = QgsGeometry.fromWkt(wkt)
    geometry.convertToMultiType()
    return geometry.asWkt()


VECTOR_KINDS = {
    'PolygonZ': with_z_and_m,
    'MultiPolygonZM': lambda wkt: with_z_and_m(wkt, multi=True, m=True),
    'CurvePolygon': curved,
    'MultiSurface': lambda wkt: curved(multi(wkt)),
    'GeometryCollection': lambda wkt: 'GEOMETRYCOLLECTION({})'.format(wkt),
}
"""How each kind of polygon layer stores the plain polygons of the landscape (WKT to WKT)."""

POINT_KINDS = {'PolygonZ': 'PointZ', 'MultiPolygonZM': 'MultiPointZM'}
"""The kind of point layer that goes with each kind of polygon layer (points with Z, multipoints with Z and M)."""


class KindLandscape(Landscape):
    """The landscape with its vector layers of one kind (VECTOR_KINDS) or its rasters of one kind (RASTER_KINDS)."""

    def __init__(self, folder, vector_kind=None, raster_kind=None):
        super().__init__(folder, mixed=False)
        self.vector_kind, self.raster_kind = vector_kind, raster_kind
        self.raster_kinds = RASTER_KINDS

    def vector(self, name, geometry_type, fields, rows):
        if self.vector_kind is None or geometry_type not in ('Polygon', 'Point'):
            return super().vector(name, geometry_type, fields, rows)
        if geometry_type == 'Point':
            kind = POINT_KINDS.get(self.vector_kind)
            if kind is None:
                return super().vector(name, geometry_type, fields, rows)
            changed = [(with_z_and_m(wkt, multi=kind.startswith('Multi'), m=kind.endswith('M')), attributes)
                       for wkt, attributes in rows]
            return self.layer(memory_layer(name, kind, UTM, fields, changed))
        changed = [(VECTOR_KINDS[self.vector_kind](wkt), attributes) for wkt, attributes in rows]
        layer = memory_layer(name, self.vector_kind, UTM, fields, changed)
        layer.setCrs(QgsCoordinateReferenceSystem(UTM))  # a memory layer of collections leaves the URI's CRS out
        assert layer.isValid() and all(
            feature.geometry().wkbType() == layer.wkbType() for feature in layer.getFeatures()), self.vector_kind
        return self.layer(layer)

    def raster(self, name, array, warp=False):
        path = super().raster(name, array, warp)
        if self.raster_kind is None:
            return path
        folder = self.folder / self.raster_kind
        folder.mkdir(exist_ok=True)
        return self.raster_kinds[self.raster_kind](path, str(folder / name))


def copy_with(path, target, data_type=None, nodata=None, transform=None, extra_band=False, scale=None):
    """A GeoTIFF ``target`` holding band 1 of ``path`` (values whole numbers, no nodata cells) as ``data_type``,
    with ``nodata`` declared (False: none), cells rewritten by ``transform`` (a function of the array) and a second
    band of other values when ``extra_band``; ``scale``: (scale, offset) stored with raw values (value - offset) /
    scale."""
    source = gdal.Open(path)
    values = source.GetRasterBand(1).ReadAsArray()
    assert source.GetRasterBand(1).GetNoDataValue() not in np.unique(values)
    geotransform = source.GetGeoTransform()
    if transform is not None:
        values, geotransform = transform(values, geotransform)
    if scale is not None:
        values = (values - scale[1]) / scale[0]
    target = target + '.tif'
    dataset = gdal.GetDriverByName('GTiff').Create(target, values.shape[1], values.shape[0], 2 if extra_band else 1,
                                                   data_type or gdal.GDT_Float32)
    dataset.SetGeoTransform(geotransform)
    dataset.SetProjection(source.GetProjection())
    band = dataset.GetRasterBand(1)
    band.WriteArray(values)
    if nodata is not False:
        band.SetNoDataValue(-9999.0 if nodata is None else nodata)
    if scale is not None:
        band.SetScale(scale[0])
        band.SetOffset(scale[1])
    if extra_band:
        dataset.GetRasterBand(2).WriteArray(values * 3.0 + 7.0)
    dataset = None
    return target


def south_up(values, geotransform):
    """The rows of ``values`` bottom first, with a positive y cell size (a south-up grid of the same cells)."""
    x0, width, _rx, y0, _ry, height = geotransform
    return values[::-1], (x0, width, 0.0, y0 + height * values.shape[0], 0.0, -height)


def vrt(path, target):
    gdal.BuildVRT(target + '.vrt', [path])
    return target + '.vrt'


RASTER_KINDS = {
    'Float32': lambda path, target: copy_with(path, target),
    'Byte': lambda path, target: copy_with(path, target, gdal.GDT_Byte, nodata=255),
    'Int16': lambda path, target: copy_with(path, target, gdal.GDT_Int16),
    'UInt32': lambda path, target: copy_with(path, target, gdal.GDT_UInt32, nodata=4294967295),
    'Float64': lambda path, target: copy_with(path, target, gdal.GDT_Float64),
    'no nodata': lambda path, target: copy_with(path, target, nodata=False),
    'two bands': lambda path, target: copy_with(path, target, extra_band=True),
    'south-up': lambda path, target: copy_with(path, target, transform=south_up),
    'VRT': vrt,
    'scale and offset': lambda path, target: copy_with(path, target, gdal.GDT_Int16, scale=(0.5, 1.0)),
}
"""How each kind of raster stores the cells of a plain raster of the landscape (function of its path and of a path
without extension for the copy)."""

RASTER_ALGORITHMS = [algorithm for algorithm in ALGORITHMS if algorithm in (
    'generatezones', 'zonestatistics', 'costdistance', 'leastcostpath', 'corridornetwork', 'scoreoecm',
    'pinchpoints', 'barriers', 'circuitscape', 'gravitymodel', 'resistancesurface', 'mspa', 'optimisezones',
    'prioritize')]
VECTOR_ALGORITHMS = [algorithm for algorithm in ALGORITHMS if algorithm not in (
    'speciesarea', 'mspa', 'resistancesurface', 'solvemarxan', 'solvemarzone')]


def raster_values(path):
    """Band 1 of ``path`` with NaN for nodata, rows north first whatever the sign of its y cell size."""
    dataset = gdal.Open(str(path))
    band = dataset.GetRasterBand(1)
    values = band.ReadAsArray().astype(float)
    if band.GetNoDataValue() is not None:
        values[values == band.GetNoDataValue()] = np.nan
    return values[::-1] if dataset.GetGeoTransform()[5] > 0 else values


def same_names(rows):
    """``rows`` with the names of the VRT kind's rasters (value.vrt, named in prioritize's output) as plain ones."""
    return [{name: value[:-4] + '.tif' if isinstance(value, str) and value.endswith('.vrt') else value
             for name, value in row.items()} for row in rows]


def assert_same_figures(got, expected):
    for key, value in expected.items():
        if isinstance(value, str) and value.endswith(('.tif', '.asc')):
            plain, kind = raster_values(value), raster_values(got[key])
            assert np.array_equal(np.isnan(plain), np.isnan(kind)), key
            assert np.allclose(kind, plain, rtol=1e-4, equal_nan=True), key
        elif isinstance(value, (str, QgsVectorLayer)) and not str(value).endswith(('.html', '.pdf')):
            assert_same_rows(same_names(output_rows(got[key])), output_rows(value), key)
        elif isinstance(value, (int, float)):
            assert got[key] == pytest.approx(value, rel=1e-4), key


PLAIN = {}


def plain_result(algorithm, tmp_path_factory):
    """The outputs of ``algorithm`` on the plain landscape, computed once per test process."""
    if algorithm not in PLAIN:
        folder = tmp_path_factory.mktemp('plain_' + algorithm)
        PLAIN[algorithm] = run(algorithm, **scenario(algorithm, folder, mixed=False))
    return PLAIN[algorithm]


def kind_scenario(algorithm, folder, **kinds):
    """scenario() of ``algorithm`` on a KindLandscape."""
    return scenario(algorithm, folder, mixed=False, land=KindLandscape(folder, **kinds))


@pytest.mark.parametrize('kind', list(VECTOR_KINDS))
@pytest.mark.parametrize('algorithm', VECTOR_ALGORITHMS)
def test_polygons_of_every_kind_give_the_figures_of_plain_polygons(qgis_app, tmp_path, tmp_path_factory, algorithm,
                                                                   kind):
    expected = plain_result(algorithm, tmp_path_factory)
    assert_same_figures(run(algorithm, **kind_scenario(algorithm, tmp_path, vector_kind=kind)), expected)


@pytest.mark.parametrize('kind', list(RASTER_KINDS))
@pytest.mark.parametrize('algorithm', RASTER_ALGORITHMS)
def test_rasters_of_every_kind_give_the_figures_of_plain_rasters(qgis_app, tmp_path, tmp_path_factory, algorithm,
                                                                 kind):
    expected = plain_result(algorithm, tmp_path_factory)
    assert_same_figures(run(algorithm, **kind_scenario(algorithm, tmp_path, raster_kind=kind)), expected)


def test_a_circle_stored_as_a_curve_has_the_area_of_the_circle(qgis_app):
    """A core zone drawn as a circle of 1 km (a CurvePolygon of arcs, as GML and GeoPackage store it) measures pi km2,
    to the 0.005 % its cutting into segments a degree of arc apart takes off; it failed with a Python traceback
    (shapely cannot read curves)."""
    circle = 'CURVEPOLYGON(CIRCULARSTRING(501000 4002000, 502000 4003000, 503000 4002000, 502000 4001000, ' \
             '501000 4002000))'
    zones = memory_layer('zones', 'CurvePolygon', UTM, 'field=zone:string', [(circle, ['core'])])
    row, = output_rows(run('zonestatistics', ZONES=zones, OUTPUT='TEMPORARY_OUTPUT')['OUTPUT'])
    assert row['area_ha'] == pytest.approx(100.0 * np.pi, rel=1e-4)


@pytest.mark.parametrize('algorithm', [algorithm for algorithm in RASTER_ALGORITHMS if algorithm != 'generatezones'])
def test_a_raster_of_two_bands_is_said_to_be_read_at_band_1(qgis_app, tmp_path, algorithm):
    """Band 1 of a raster of two bands gives the figures of the plain raster (test above), and the log says that
    band 2 is ignored, once per raster: nothing said so."""
    parameters = kind_scenario(algorithm, tmp_path, raster_kind='two bands')
    feedback = RecordingFeedback()
    run(algorithm, feedback=feedback, **parameters)
    said = [line for line in feedback.lines if 'has 2 bands: band 1 is read' in line]
    rasters = {os.path.basename(str(value)) for values in parameters.values()
               for value in (values if isinstance(values, list) else [values])
               if str(value).endswith('.tif') and os.path.dirname(str(value)).endswith('two bands')}
    assert rasters and len(said) == len(rasters) and all(any(name in line for line in said) for name in rasters), \
        (rasters, feedback.lines)


def vector_file(path, driver, geometry_type, rows):
    """A file of ``driver`` (GPKG, ESRI Shapefile) with a layer of ``geometry_type`` in UTM 50N, field zone, written
    with OGR from (QGIS WKT, zone) rows; its path."""
    dataset = ogr.GetDriverByName(driver).CreateDataSource(str(path))
    reference = osr.SpatialReference()
    reference.ImportFromEPSG(32650)
    layer = dataset.CreateLayer('zones', reference, geometry_type)
    layer.CreateField(ogr.FieldDefn('zone', ogr.OFTString))
    for wkt, zone in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkb(bytes(QgsGeometry.fromWkt(wkt).asWkb())))
        feature.SetField('zone', zone)
        layer.CreateFeature(feature)
    dataset = None
    return str(path)


@pytest.mark.parametrize('name,driver,geometry_type,kind', [
    ('zones.gpkg', 'GPKG', ogr.wkbCurvePolygon, 'CurvePolygon'),
    ('zones.gpkg', 'GPKG', ogr.wkbMultiSurface, 'MultiSurface'),
    ('zones.gpkg', 'GPKG', ogr.wkbMultiPolygonZM, 'MultiPolygonZM'),
    ('zones.shp', 'ESRI Shapefile', ogr.wkbPolygonZM, 'PolygonZ'),
    ('zones.shp', 'ESRI Shapefile', ogr.wkbPolygon25D, 'PolygonZ')])
def test_zones_in_files_of_every_kind_give_the_figures_of_plain_ones(qgis_app, tmp_path, tmp_path_factory, name,
                                                                    driver, geometry_type, kind):
    """Zones as GeoPackage and Shapefile store them (curves, Z and M) give zonestatistics' plain figures."""
    land = KindLandscape(tmp_path, vector_kind=kind)
    parameters = scenario('zonestatistics', tmp_path, mixed=False, land=land)
    rows = [(feature.geometry().asWkt(), feature['zone']) for feature in parameters['ZONES'].getFeatures()]
    if kind == 'PolygonZ' and geometry_type == ogr.wkbPolygonZM:
        rows = [(with_z_and_m(wkt, m=True), zone) for wkt, zone in rows]
    parameters['ZONES'] = vector_file(tmp_path / name, driver, geometry_type, rows)
    written = QgsVectorLayer(parameters['ZONES'])
    assert QgsWkbTypes.isCurvedType(written.wkbType()) or QgsWkbTypes.hasZ(written.wkbType()), written.wkbType()
    assert_same_figures(run('zonestatistics', **parameters), plain_result('zonestatistics', tmp_path_factory))


def habitat_scenario(land, folder):
    """habitatcoverage of one habitat raster (cells > 0, in its north-west and south-east, are habitat) under the
    landscape's protected areas and boundary."""
    habitat = np.zeros((60, 60))
    habitat[5:25, 5:30] = 1.0
    habitat[40:55, 35:58] = 2.0
    return dict(HABITAT_RASTERS=[land.raster('habitat', habitat)], PROTECTED=[protected(land)],
                BOUNDARY=land.vector('boundary', 'Polygon', 'field=n:integer', [(box(500000, 4000000, 505000, 4006000),
                                                                                   [1])]),
                OUTPUT=str(folder / 'habitat.gpkg'))


@pytest.mark.parametrize('kind', list(RASTER_KINDS) + ['sheared'])
def test_habitat_rasters_of_every_kind_give_the_figures_of_plain_ones(qgis_app, tmp_path, kind):
    """habitatcoverage's habitat rasters (read by engine.coverage, not the other readers) of every kind; a sheared one
    is refused naming it."""
    (tmp_path / 'plain').mkdir()
    expected = run('habitatcoverage', **habitat_scenario(Landscape(tmp_path / 'plain', mixed=False),
                                                         tmp_path / 'plain'))
    land = KindLandscape(tmp_path, raster_kind=kind)
    land.raster_kinds = dict(RASTER_KINDS, sheared=lambda path, target: copy_with(path, target, transform=sheared))
    parameters = habitat_scenario(land, tmp_path)
    if kind == 'sheared':
        with pytest.raises(QgsProcessingException, match=r'habitat\.tif is rotated or sheared'):
            run('habitatcoverage', **parameters)
        return
    assert_same_figures(run('habitatcoverage', **parameters), expected)


def split_rows(values, geotransform):
    """The same landscape on cells of half the height (each row twice): 100 x 50 m cells."""
    x0, width, _rx, y0, _ry, height = geotransform
    return np.repeat(values, 2, axis=0), (x0, width, 0.0, y0, 0.0, height / 2)


@pytest.mark.parametrize('algorithm', ['zonestatistics', 'scoreoecm', 'optimisezones'])
def test_cells_that_are_not_square_give_the_figures_of_square_ones(qgis_app, tmp_path, tmp_path_factory, algorithm):
    """Zonal figures on 100 x 50 m cells holding the landscape of 100 m cells are its figures (cost paths are not:
    their eight moves are no longer 45 degrees apart, docs/costdistance.md)."""
    land = KindLandscape(tmp_path, raster_kind='100 x 50 m')
    land.raster_kinds = {'100 x 50 m': lambda path, target: copy_with(path, target, transform=split_rows)}
    got = run(algorithm, **scenario(algorithm, tmp_path, mixed=False, land=land))
    assert_same_figures(got, plain_result(algorithm, tmp_path_factory))


def sheared(values, geotransform):
    """``values`` on a grid with GDAL's rotation terms (a sheared grid, 2 m and 1.5 m a cell)."""
    x0, width, _rx, y0, _ry, height = geotransform
    return values, (x0, width, 2.0, y0, 1.5, height)


@pytest.mark.parametrize('algorithm', [algorithm for algorithm in RASTER_ALGORITHMS
                                       if algorithm not in ('generatezones', 'circuitscape')])
def test_a_rotated_raster_is_refused_naming_it(qgis_app, tmp_path, algorithm):
    """A raster with rotation terms cannot be read cell by cell north-up: refused naming it and saying to warp it
    (mspa, prioritize, optimisezones and scoreoecm said only 'Rotated rasters are not supported'). circuitscape
    reads it on its own grid and generatezones' landscape has no raster."""
    kinds = dict(RASTER_KINDS, sheared=lambda path, target: copy_with(path, target, transform=sheared))
    land = KindLandscape(tmp_path, raster_kind='sheared')
    land.raster_kinds = kinds
    with pytest.raises(QgsProcessingException) as raised:
        run(algorithm, **scenario(algorithm, tmp_path, mixed=False, land=land))
    message = str(raised.value)
    assert re.search(r'\w+\.tif', message) and 'north-up' in message and 'Traceback' not in message, message


def test_a_south_up_land_cover_gives_each_zone_the_classes_north_and_south_of_it(qgis_app, tmp_path):
    """A south-up raster (row 0 at the bottom) of class 1 north of 4003000 and 2 south of it: the core in the north
    is all class 1, the transition in the south all class 2 (zonestatistics read nothing from it, NULL 100 %)."""
    rows = np.where(np.arange(60)[:, None] < 30, 2.0, 1.0) * np.ones((60, 60))  # row 0: the southernmost
    landcover = geotiff(tmp_path / 'south_up.tif', rows, 100.0, cell_height=-100.0, y0=4000000.0)
    assert gdal.Open(landcover).GetGeoTransform()[5] == 100.0
    zones = memory_layer('zones', 'Polygon', UTM, 'field=zone:string', [
        ('POLYGON((501000 4004000, 502000 4004000, 502000 4005000, 501000 4005000, 501000 4004000))', ['core']),
        ('POLYGON((501000 4001000, 502000 4001000, 502000 4002000, 501000 4002000, 501000 4001000))',
         ['transition'])])
    rows = output_rows(run('zonestatistics', ZONES=zones, LANDCOVER=landcover, OUTPUT='TEMPORARY_OUTPUT')['OUTPUT'])
    assert {(row['zone'], row['landcover'], row['class_pct']) for row in rows} == {
        ('core', 1, 100.0), ('transition', 2, 100.0)}
