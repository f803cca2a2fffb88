"""reserveplanner:sitecoverage (docs/target3.md): site coverage computed by hand on squares and points in an
equal-area CRS, through processing.run and qgis_process."""

import os

import pytest
from osgeo import ogr, osr
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer
from shapely.geometry import Point, box

from coverage_layers import ellipsoidal_km2, quadrangle

from reserve_planner.processing.engine import sites as engine
from support import FIJI, RecordingFeedback, assert_cut_at_180, memory_layer, run

LAEA = 'EPSG:3035'
X0, Y0 = 4321000.0, 3210000.0
WDPA = 'field=STATUS:string&field=DESIG_ENG:string&field=STATUS_YR:integer&field=REP_AREA:double'
PROTECTED_SQUARE = box(X0, Y0, X0 + 1000, Y0 + 1000)
EDGE = X0 + 1000


def protected_layer():
    return memory_layer('wdpa', 'Polygon', LAEA, WDPA, [(PROTECTED_SQUARE.wkt, ['Designated', 'Park', 2000, None])])


def site_rows():
    """(WKT, [name, species, count]): a point on the boundary, one 30 m outside, one 200 m outside, a polygon KBA
    98 % inside the square and one 97 % inside."""
    return [
        (Point(EDGE, Y0 + 500).wkt, ['on boundary', 'goose', 100.0]),
        (Point(EDGE + 30, Y0 + 500).wkt, ['30 m out', 'goose', 300.0]),
        (Point(EDGE + 200, Y0 + 500).wkt, ['200 m out', 'crane', 50.0]),
        (box(EDGE - 980, Y0 + 100, EDGE + 20, Y0 + 200).wkt, ['kba 98', 'kba', 1.0]),
        (box(EDGE - 970, Y0 + 300, EDGE + 30, Y0 + 400).wkt, ['kba 97', 'kba', 1.0]),
    ]


def sites_layer(geometry_type, rows):
    return memory_layer('sites', geometry_type, LAEA, 'field=name:string&field=species:string&field=count:double',
                        rows)


def run_sites(sites, tolerance=0.0, **parameters):
    return run('sitecoverage', temporary_outputs=('OUTPUT', 'OUTPUT_SUMMARY'), SITES=sites,
               PROTECTED=[protected_layer()], TOLERANCE=tolerance, **parameters)


def by_name(layer_id):
    layer = layer_id if isinstance(layer_id, QgsVectorLayer) else QgsVectorLayer(layer_id)
    return {feature['name']: feature for feature in layer.getFeatures()}


def test_engine_classes_follow_the_kba_convention():
    assert [engine.coverage_class(value) for value in (100, 98.0, 97.99, 0.1, 0)] == [
        'full', 'full', 'partial', 'partial', 'none']


@pytest.mark.parametrize('tolerance, expected', [(0.0, 0.0), (29.5, 0.0), (30.5, 100.0)])
def test_points_count_as_inside_on_the_boundary_and_within_the_tolerance(qgis_app, tolerance, expected):
    points = sites_layer('Point', site_rows()[:3])
    result = by_name(run_sites(points, tolerance)['OUTPUT'])
    assert result['on boundary']['protected_pct'] == 100.0 and result['on boundary']['coverage_class'] == 'full'
    assert result['30 m out']['protected_pct'] == expected
    assert result['200 m out']['protected_pct'] == 0.0 and result['200 m out']['coverage_class'] == 'none'


def test_a_kba_98_percent_covered_is_full_and_97_percent_partial(qgis_app):
    polygons = sites_layer('Polygon', site_rows()[3:])
    result = by_name(run_sites(polygons, tolerance=500.0)['OUTPUT'])  # the tolerance is for points only
    assert result['kba 98']['protected_pct'] == pytest.approx(98.0, abs=1e-6)
    assert result['kba 98']['coverage_class'] == 'full'
    assert result['kba 97']['protected_pct'] == pytest.approx(97.0, abs=1e-6)
    assert result['kba 97']['coverage_class'] == 'partial'


def test_summary_per_group_and_region_with_the_weighted_share(qgis_app):
    points = sites_layer('Point', site_rows()[:3])
    regions = memory_layer('regions', 'Polygon', LAEA, 'field=county:string', [
        (box(X0 - 5000, Y0 - 5000, EDGE + 100, Y0 + 5000).wkt, ['west']),
        (box(EDGE + 100, Y0 - 5000, EDGE + 5000, Y0 + 5000).wkt, ['east'])])
    results = run_sites(points, GROUP_FIELD='species', WEIGHT_FIELD='count', REGIONS=regions, REGION_FIELD='county')
    summary = {(row['group'], row['region']): row for row in results['OUTPUT_SUMMARY'].getFeatures()}
    goose = summary[('goose', 'west')]
    # goose: 100 birds at a protected site, 300 at an unprotected one -> 100 / 400 of the birds are protected
    assert goose['site_count'] == 2 and goose['full_pct'] == 50.0 and goose['none_pct'] == 50.0
    assert goose['mean_protected_pct'] == 50.0 and goose['weighted_pct'] == pytest.approx(25.0)
    assert summary[('crane', 'east')]['weighted_pct'] == 0.0
    everything = summary[('(all)', '(all)')]
    assert everything['site_count'] == 3 and everything['weighted_pct'] == pytest.approx(100 * 100 / 450)
    assert by_name(results['OUTPUT'])['200 m out']['region'] == 'east'


def test_a_missing_weight_is_refused_naming_the_site(qgis_app):
    points = sites_layer('Point', [(Point(X0, Y0).wkt, ['lake', 'goose', None])])
    with pytest.raises(QgsProcessingException, match='lake.*count'):
        run_sites(points, WEIGHT_FIELD='count', SITE_ID_FIELD='name')


def test_qgis_process_runs_site_coverage(qgis_process, tmp_path):
    path = str(tmp_path / 'sites.gpkg')
    data = ogr.GetDriverByName('GPKG').CreateDataSource(path)
    reference = osr.SpatialReference()
    reference.ImportFromEPSG(3035)
    for name, kind, rows in (('wdpa', ogr.wkbPolygon, [PROTECTED_SQUARE]),
                             ('kbas', ogr.wkbPoint, [Point(EDGE, Y0 + 500), Point(EDGE + 200, Y0)])):
        layer = data.CreateLayer(name, reference, kind)
        layer.CreateField(ogr.FieldDefn('STATUS', ogr.OFTString))
        for geometry in rows:
            feature = ogr.Feature(layer.GetLayerDefn())
            feature.SetField('STATUS', 'Designated')
            feature.SetGeometry(ogr.CreateGeometryFromWkt(geometry.wkt))
            layer.CreateFeature(feature)
    data = None
    code, result, output = qgis_process('sitecoverage', SITES=path + '|layername=kbas',
                                        PROTECTED=path + '|layername=wdpa', OUTPUT=str(tmp_path / 'out.gpkg'),
                                        OUTPUT_SUMMARY=str(tmp_path / 'summary.gpkg'))
    assert code == 0, output
    classes = sorted(feature['coverage_class'] for feature in QgsVectorLayer(result['results']['OUTPUT']).getFeatures())
    assert classes == ['full', 'none']


def test_a_cancelled_run_raises_and_writes_nothing(qgis_app, tmp_path):
    feedback = QgsProcessingFeedback()
    feedback.progressChanged.connect(lambda _progress: feedback.cancel())  # the user cancels once it has started
    with pytest.raises(QgsProcessingException, match='cancelled'):
        run('sitecoverage', feedback=feedback, SITES=sites_layer('Point', site_rows()[:3]),
            PROTECTED=[protected_layer()], OUTPUT=str(tmp_path / 'sites.gpkg'),
            OUTPUT_SUMMARY=str(tmp_path / 'summary.gpkg'))
    assert not os.listdir(tmp_path)


def test_a_sites_layer_without_features_is_warned_about_not_a_traceback(qgis_app):
    """An empty sites layer (a filter hiding every KBA, say) used to end in pandas' IndexError."""
    feedback = RecordingFeedback()
    result = run('sitecoverage', feedback=feedback, temporary_outputs=('OUTPUT', 'OUTPUT_SUMMARY'),
                 SITES=sites_layer('Point', []), PROTECTED=[protected_layer()])
    assert any('Layer "sites" has no features' in line for line in feedback.lines), feedback.lines
    assert result['OUTPUT'].featureCount() == 0 and result['OUTPUT_SUMMARY'].featureCount() == 0


def test_a_repaired_kba_is_measured_whole_and_the_log_says_it_was_repaired(qgis_app):
    """A self-intersecting KBA (a bow tie of two 500 m triangles, one inside the protected square) is repaired before
    it is measured, and the log says so as for every other input layer (DESIGN.md): sitecoverage repaired it in
    silence."""
    bow_tie = 'POLYGON(({x0} {y0}, {x1} {y1}, {x1} {y0}, {x0} {y1}, {x0} {y0}))'.format(
        x0=EDGE - 500, y0=Y0, x1=EDGE + 500, y1=Y0 + 1000)
    feedback = RecordingFeedback()
    result = run('sitecoverage', feedback=feedback, temporary_outputs=('OUTPUT', 'OUTPUT_SUMMARY'),
                 SITES=sites_layer('Polygon', [(bow_tie, ['bow tie', 'kba', 1.0])]), PROTECTED=[protected_layer()])
    assert by_name(result['OUTPUT'])['bow tie']['protected_pct'] == pytest.approx(50.0)
    assert any('sites: 1 invalid geometries repaired' in line for line in feedback.lines), feedback.lines


@pytest.mark.parametrize('geometry_type, wkt', [
    ('MultiPolygon', FIJI),
    ('Polygon', quadrangle(177, -18, 182, -17))], ids=['split at 180', 'longitudes above 180'])
def test_a_kba_across_180_is_written_back_cut_at_180(qgis_app, geometry_type, wkt):
    """A Fiji-like KBA from 177 E to 178 W, half of it protected: measured in metres, it came back to EPSG:4326 as
    one polygon from -178 to 180 degrees, drawn across the whole map. It is cut at 180 degrees as protectedcoverage
    cuts its outputs (qgis_io.output_polygon): two parts, one on each side, keeping its 5 square degrees."""
    sites = memory_layer('kbas', geometry_type, 'EPSG:4326', 'field=name:string', [(wkt, ['Vanua Levu'])])
    protected = memory_layer('wdpa', 'Polygon', 'EPSG:4326', WDPA,
                             [(quadrangle(177, -18, 179.5, -17), ['Designated', 'Park', 2000, None])])
    result = run('sitecoverage', temporary_outputs=('OUTPUT', 'OUTPUT_SUMMARY'), SITES=sites, PROTECTED=[protected])
    feature = next(result['OUTPUT'].getFeatures())
    assert feature['protected_pct'] == pytest.approx(
        100 * ellipsoidal_km2(quadrangle(177, -18, 179.5, -17)) / ellipsoidal_km2(quadrangle(177, -18, 182, -17)),
        rel=1e-3)
    assert_cut_at_180(feature.geometry())
