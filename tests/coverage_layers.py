"""Test layers shared by test_coverage.py and test_species.py: memory layers from WKT, lon/lat quadrangles and
their area on the ellipsoid measured by QGIS (an outside computation: no projection involved)."""

from qgis.core import QgsCoordinateReferenceSystem, QgsDistanceArea, QgsFeature, QgsGeometry, QgsProject, QgsVectorLayer


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


def quadrangle(west, south, east, north):
    """WKT of the area between two meridians and two parallels (degrees)."""
    return 'POLYGON(({w} {s}, {e} {s}, {e} {n}, {w} {n}, {w} {s}))'.format(w=west, s=south, e=east, n=north)


def ellipsoidal_km2(wkt, crs='EPSG:4326'):
    """Area in km2 on the GRS80 ellipsoid with QgsDistanceArea, edges densified to follow the parallels."""
    measure = QgsDistanceArea()
    measure.setSourceCrs(QgsCoordinateReferenceSystem(crs), QgsProject.instance().transformContext())
    measure.setEllipsoid('GRS80')
    return measure.measureArea(QgsGeometry.fromWkt(wkt).densifyByCount(200)) / 1e6
