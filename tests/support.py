"""Helpers shared by the test modules: test data and a way to run our algorithms.

GeoTIFFs and GeoPackages are written with GDAL/OGR and layers built as QGIS memory layers straight from WKT,
independently of the plugin's own readers and writers, so that a test's input never depends on the code under test.
"""

import os

import numpy as np
import processing
import pytest
from osgeo import gdal, ogr, osr
from qgis.core import QgsFeature, QgsGeometry, QgsProcessingFeedback, QgsVectorLayer
from shapely import wkb

UTM_ORIGIN = (500000.0, 4000000.0)
"""Default top-left corner of :func:`geotiff`: easting and northing in metres in UTM zone 50N (EPSG:32650)."""


def geotiff(path, array, cell_width, cell_height=None, epsg=32650, x0=UTM_ORIGIN[0], y0=UTM_ORIGIN[1],
            nodata=-9999.0, data_type=gdal.GDT_Float64):
    """Write ``array`` (NaN = nodata) as a one-band north-up GeoTIFF with GDAL and return its path as a string.

    Cells are ``cell_width`` by ``cell_height`` (square when None) in the units of EPSG:``epsg``; (``x0``, ``y0``)
    is the top-left corner; ``data_type`` is the GDAL band type (gdal.GDT_Float64 by default).
    """
    cell_height = cell_height or cell_width
    dataset = gdal.GetDriverByName('GTiff').Create(str(path), array.shape[1], array.shape[0], 1, data_type)
    dataset.SetGeoTransform((x0, cell_width, 0, y0, 0, -cell_height))
    reference = osr.SpatialReference()
    reference.ImportFromEPSG(epsg)
    dataset.SetProjection(reference.ExportToWkt())
    band = dataset.GetRasterBand(1)
    band.SetNoDataValue(nodata)
    band.WriteArray(np.where(np.isnan(array), nodata, array))
    dataset = None
    return str(path)


def read_raster(path):
    """The first band of the raster at ``path`` read with GDAL: (float array with NaN for nodata, geotransform,
    CRS as WKT)."""
    dataset = gdal.Open(str(path))
    band = dataset.GetRasterBand(1)
    values = band.ReadAsArray().astype(float)
    values[values == band.GetNoDataValue()] = np.nan
    return values, dataset.GetGeoTransform(), dataset.GetProjection()


def memory_layer(name, geometry_type, crs, fields, rows):
    """A memory layer; ``fields`` as in a memory URI ('field=a:string&...'); rows are (WKT or None, attributes)."""
    layer = QgsVectorLayer('{}?crs={}&{}'.format(geometry_type, crs, fields), name, 'memory')
    features = []
    for wkt, attributes in rows:
        feature = QgsFeature(layer.fields())
        if wkt is not None:
            feature.setGeometry(QgsGeometry.fromWkt(wkt))
        feature.setAttributes(attributes)
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)
    return layer


def wkt_layer(name, geometry_type, crs, wkts, values=None, field='name', field_type='string'):
    """A memory layer (as :func:`memory_layer`) with one feature per WKT (None gives a feature without geometry)
    and a single field ``field`` of ``field_type`` holding ``values`` ('f0', 'f1', ... when None)."""
    if values is None:
        values = ['f{}'.format(index) for index in range(len(wkts))]
    return memory_layer(name, geometry_type, crs, 'field={}:{}'.format(field, field_type),
                        [(wkt, [value]) for wkt, value in zip(wkts, values)])


def geopackage(path, epsg, fields, rows, geometry_type=ogr.wkbPolygon):
    """Write features of ``geometry_type`` (polygons by default) to a new GeoPackage (its folder made if missing)
    with OGR and return ``path``; the layer is named after the file, ``fields`` are (name, OGR type) pairs and rows
    are (WKT, {field: value})."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    dataset = ogr.GetDriverByName('GPKG').CreateDataSource(path)
    reference = osr.SpatialReference()
    reference.ImportFromEPSG(epsg)
    layer = dataset.CreateLayer(os.path.splitext(os.path.basename(path))[0], reference, geometry_type)
    for name, kind in fields:
        layer.CreateField(ogr.FieldDefn(name, kind))
    for wkt, values in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        for name, value in values.items():
            feature.SetField(name, value)
        layer.CreateFeature(feature)
    dataset = None
    return path


class RecordingFeedback(QgsProcessingFeedback):
    """A feedback keeping every info and warning line an algorithm logs, in order, in ``lines``."""

    def __init__(self):
        super().__init__()
        self.lines = []

    def pushInfo(self, info):  # noqa: N802 (QGIS API name)
        self.lines.append(info)

    def pushWarning(self, warning):  # noqa: N802 (QGIS API name)
        self.lines.append(warning)


def run(algorithm, feedback=None, context=None, temporary_outputs=(), **parameters):
    """processing.run of ``algorithm`` ('costdistance' for reserveplanner:costdistance; an id with a provider,
    such as 'native:zonalhistogram', as it is), each output named in ``temporary_outputs`` going to
    TEMPORARY_OUTPUT unless given. Returns the dictionary of results."""
    for output in temporary_outputs:
        parameters.setdefault(output, 'TEMPORARY_OUTPUT')
    algorithm_id = algorithm if ':' in algorithm else 'reserveplanner:' + algorithm
    return processing.run(algorithm_id, parameters, feedback=feedback, context=context)


FIJI = ('MULTIPOLYGON(((177 -18, 180 -18, 180 -17, 177 -17, 177 -18)),'
        '((-180 -18, -178 -18, -178 -17, -180 -17, -180 -18)))')
"""A Fiji-like polygon in EPSG:4326 from 177 E to 178 W, 5 square degrees: one feature whose parts end at 180 E and
180 W. Measured in metres, it came back from a plain transform as one polygon from -178 to 180 degrees."""


def assert_cut_at_180(geometry, area=5.0):
    """Assert that the QgsGeometry ``geometry`` (degrees) of FIJI, or of a polygon from 177 E to 178 W, was written
    back cut at 180 degrees (qgis_io.output_polygon): two parts, from 177 and from -180, none wider than 3 degrees,
    of ``area`` square degrees together. Returns it as a shapely geometry."""
    drawn = wkb.loads(bytes(geometry.asWkb()))
    assert len(drawn.geoms) == 2 and -180 <= drawn.bounds[0] and drawn.bounds[2] <= 180, drawn.wkt
    assert sorted(round(part.bounds[0]) for part in drawn.geoms) == [-180, 177], drawn.wkt
    assert all(part.bounds[2] - part.bounds[0] <= 3 + 1e-6 for part in drawn.geoms), drawn.wkt
    assert drawn.area == pytest.approx(area, rel=1e-6), drawn.wkt
    return drawn
