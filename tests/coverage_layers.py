"""Test geometry shared by test_coverage.py and test_species.py: lon/lat quadrangles and their area on the
ellipsoid measured by QGIS (an outside computation: no projection involved)."""

from qgis.core import QgsCoordinateReferenceSystem, QgsDistanceArea, QgsGeometry, QgsProject


def quadrangle(west, south, east, north):
    """WKT of the area between two meridians and two parallels (degrees)."""
    return 'POLYGON(({w} {s}, {e} {s}, {e} {n}, {w} {n}, {w} {s}))'.format(w=west, s=south, e=east, n=north)


def ellipsoidal_km2(wkt, crs='EPSG:4326'):
    """Area in km2 on the GRS80 ellipsoid with QgsDistanceArea, edges densified to follow the parallels."""
    measure = QgsDistanceArea()
    measure.setSourceCrs(QgsCoordinateReferenceSystem(crs), QgsProject.instance().transformContext())
    measure.setEllipsoid('GRS80')
    return measure.measureArea(QgsGeometry.fromWkt(wkt).densifyByCount(200)) / 1e6
