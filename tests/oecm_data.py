"""Small hand-checkable layers for the OECM tests (UTM 48N, 100 m cells), written with GDAL/OGR only."""

import os

from osgeo import gdal, ogr, osr
from shapely.geometry import Polygon, box

from support import geotiff

EPSG = 32648
X0, Y0, CELL = 500000.0, 3000000.0, 100.0


def srs_of(epsg):
    reference = osr.SpatialReference()
    reference.ImportFromEPSG(epsg)
    reference.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return reference


def cell_box(col0, row0, col1, row1):
    """The rectangle covering cells [col0, col1) x [row0, row1) of the test grid (row 0 at the top)."""
    return box(X0 + col0 * CELL, Y0 - row1 * CELL, X0 + col1 * CELL, Y0 - row0 * CELL)


def write_raster(path, array, epsg=EPSG, origin=(X0, Y0), cell=(CELL, CELL), nodata=-9999.0):
    """A float32 GeoTIFF of ``array`` (NaN written as nodata) on the test grid, written by support.geotiff."""
    return geotiff(path, array, cell[0], cell[1], epsg=epsg, x0=origin[0], y0=origin[1], nodata=nodata,
                   data_type=gdal.GDT_Float32)


def write_layer(path, rows, fields, epsg=EPSG, layer_name=None):
    """A GeoPackage layer of ``rows`` (dicts with 'geometry', a shapely geometry or None, and field values);
    ``fields`` maps field names to OGR types."""
    if os.path.exists(path):
        os.remove(path)
    source = ogr.GetDriverByName('GPKG').CreateDataSource(path)
    layer = source.CreateLayer(layer_name or os.path.splitext(os.path.basename(path))[0], srs_of(epsg),
                               ogr.wkbPolygon)
    for name, kind in fields.items():
        layer.CreateField(ogr.FieldDefn(name, kind))
    for row in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        for name in fields:
            if row.get(name) is not None:
                feature.SetField(name, row[name])
        if row.get('geometry') is not None:
            feature.SetGeometryDirectly(ogr.CreateGeometryFromWkb(row['geometry'].wkb))
        layer.CreateFeature(feature)
    source = None
    return path


def bow_tie(col0, row0, col1, row1):
    """A self-intersecting 'figure of eight' over the cells' rectangle (invalid, repairable into two triangles)."""
    left, bottom, right, top = cell_box(col0, row0, col1, row1).bounds
    return Polygon([(left, bottom), (right, top), (right, bottom), (left, top), (left, bottom)])
