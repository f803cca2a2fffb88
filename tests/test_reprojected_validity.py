"""Validity is the stored geometry's, never its reprojection's (issue 9: a Web Mercator transition zone, valid in
its layer, self-intersected once projected to metres under PROJ 9.9 and validatezones called it invalid).

The end-to-end case is test_zoning_algorithms' EPSG:3857 round trip, which fails on QGIS 3.44 (PROJ 9.9) without
the repair; here the projection's rounding is played by hand so that the contract holds on every PROJ.
"""

import pytest
from qgis.core import QgsGeometry
from shapely import wkt

from reserve_planner.processing import qgis_io

VALID_SQUARE = QgsGeometry.fromWkt('POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))')
# the same square after a projection moved vertices of its (densified) top edge past each other: a micro bow-tie
CROSSED_BY_ROUNDING = wkt.loads('POLYGON((0 0, 10 0, 10 10, 4 10, 6 10.000001, 5 9.999999, 0 10, 0 0))')
BOW_TIE = 'POLYGON((0 0, 10 10, 10 0, 0 10, 0 0))'


def test_a_valid_geometry_that_the_projection_made_invalid_is_repaired(qgis_app):
    assert not CROSSED_BY_ROUNDING.is_valid
    repaired = qgis_io.valid_as_stored(VALID_SQUARE, CROSSED_BY_ROUNDING)
    assert repaired.is_valid
    assert repaired.area == pytest.approx(100.0, abs=1e-5)


def test_a_geometry_invalid_in_its_layer_stays_invalid_for_the_caller_to_report(qgis_app):
    stored = QgsGeometry.fromWkt(BOW_TIE)
    projected = wkt.loads(BOW_TIE)
    assert qgis_io.valid_as_stored(stored, projected) is projected


def test_a_valid_projection_is_returned_as_it_is(qgis_app):
    projected = wkt.loads(VALID_SQUARE.asWkt())
    assert qgis_io.valid_as_stored(VALID_SQUARE, projected) is projected
    assert qgis_io.valid_as_stored(VALID_SQUARE, None) is None
