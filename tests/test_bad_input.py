"""Bad input never gives a wrong answer (issue 10): every algorithm run with its inputs in CRSs different from
each other gives what it gives with all of them in one CRS; NaN is refused for every number; destinations are
checked before anything is written, and a failed run leaves no file behind.

Every algorithm has a small landscape in UTM 50N (EPSG:32650, 100 m cells, 6 km square) built here as memory
layers and GeoTIFFs written with GDAL; the mixed-CRS run reprojects each vector input with QGIS to another CRS.
"""

import os

import numpy as np
import pytest
from osgeo import gdal, ogr
from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsFeature, QgsGeometry, QgsMultiPolygon,
                       QgsPolygon, QgsProcessingException, QgsProject, QgsRasterLayer, QgsVectorLayer, QgsWkbTypes)

from shapely import wkb
from shapely.geometry import Polygon

from reserve_planner.processing.engine import geometry as engine_geometry
from reserve_planner.processing.engine.zone_validation import RULE_OVERLAP
from reserve_planner.processing.provider import algorithm_classes
from coverage_layers import ellipsoidal_km2, quadrangle
from marxan_test_files import marxan_project, marzone_project
from support import RecordingFeedback, geopackage, geotiff, memory_layer, read_raster, run

UTM = 'EPSG:32650'
OTHER_CRSS = ('EPSG:4326', 'EPSG:3857', 'EPSG:4548')
"""The mixed-CRS run puts the n-th vector input in OTHER_CRSS[n % 3]: degrees, Web Mercator, CGCS2000 Gauss-Kruger."""
RASTER_CRS = 'EPSG:4544'
"""A land-cover raster of the mixed run is warped to CGCS2000 Gauss-Kruger 105E, 12 degrees west of the data."""
X0, Y0, CELL, SIZE = 500000.0, 4006000.0, 100.0, 60


def box(x0, y0, x1, y1):
    return 'POLYGON(({a} {b}, {c} {b}, {c} {d}, {a} {d}, {a} {b}))'.format(a=x0, b=y0, c=x1, d=y1)


def ring_box(outer, inner):
    """A square ``outer`` with the square hole ``inner`` (both (x0, y0, x1, y1))."""
    def ring(x0, y0, x1, y1):
        return '({a} {b}, {c} {b}, {c} {d}, {a} {d}, {a} {b})'.format(a=x0, b=y0, c=x1, d=y1)
    return 'POLYGON({}, {})'.format(ring(*outer), ring(*inner))


def point(x, y):
    return 'POINT({} {})'.format(x, y)


class Landscape:
    """The layers of the test landscape; ``crs_for(index)`` gives the CRS of the index-th vector input."""

    def __init__(self, folder, mixed):
        self.folder, self.mixed, self.count = folder, mixed, 0

    def vector(self, name, geometry_type, fields, rows):
        """A memory layer of ``rows`` (WKT in UTM, attributes), reprojected to the next CRS when mixed."""
        return self.layer(memory_layer(name, geometry_type, UTM, fields, rows))

    def layer(self, layer):
        """An existing UTM layer as the next input: reprojected to the next CRS when mixed."""
        crs = OTHER_CRSS[self.count % len(OTHER_CRSS)] if self.mixed else UTM
        self.count += 1
        return reprojected(layer, crs) if crs != UTM else layer

    def raster(self, name, array, warp=False):
        """A GeoTIFF of ``array`` on the UTM grid; with ``warp``, in the mixed run, warped (nearest neighbour) to
        RASTER_CRS at 50 m."""
        path = geotiff(self.folder / (name + '.tif'), array.astype(float), CELL, epsg=32650, x0=X0, y0=Y0)
        if not (warp and self.mixed):
            return path
        warped = str(self.folder / (name + '_warped.tif'))
        gdal.Warp(warped, path, dstSRS=RASTER_CRS, xRes=50, yRes=50, resampleAlg='near')
        return warped


def reprojected(layer, crs):
    """A copy of ``layer`` in ``crs`` (edges densified to 10 m first so that they keep their shape)."""
    target = QgsCoordinateReferenceSystem(crs)
    copy = QgsVectorLayer('{}?crs={}'.format(QgsWkbTypes.displayString(layer.wkbType()), crs), layer.name(),
                          'memory')
    copy.dataProvider().addAttributes(layer.fields().toList())
    copy.updateFields()
    transform = QgsCoordinateTransform(layer.crs(), target, QgsProject.instance())
    features = []
    for feature in layer.getFeatures():
        geometry = feature.geometry().densifyByDistance(10.0)
        geometry.transform(transform)
        feature.setGeometry(geometry)
        features.append(feature)
    assert copy.dataProvider().addFeatures(features)
    return copy


def resistance_array():
    array = np.ones((SIZE, SIZE))
    array[0:40, 28:32] = 5.0
    return array


def cores(land):
    return land.vector('cores', 'Polygon', 'field=id:integer', [
        (box(500500, 4004500, 501500, 4005500), [1]), (box(504500, 4000500, 505500, 4001500), [2]),
        (box(500500, 4000500, 501500, 4001200), [3])])


def zones(land):
    core, buffer, outer = (502000, 4002000, 503000, 4003000), (501500, 4001500, 503500, 4003500), (
        500500, 4000500, 505500, 4005500)
    return land.vector('zones', 'Polygon', 'field=zone:string', [
        (box(*core), ['core']), (ring_box(buffer, core), ['buffer']), (ring_box(outer, buffer), ['transition'])])


def protected(land):
    return land.vector('wdpa', 'Polygon', 'field=STATUS:string', [
        (box(500000, 4003000, 502000, 4006000), ['Designated']),
        (box(503000, 4000000, 504000, 4002000), ['Designated']),
        (box(504500, 4004000, 505500, 4005000), ['Designated'])])


def regions(land):
    return land.vector('regions', 'Polygon', 'field=name:string', [
        (box(500000, 4000000, 503000, 4006000), ['west']), (box(503000, 4000000, 506000, 4006000), ['east'])])


def candidates(land):
    fields = 'field=name:string&field=gov:string&field=score:double&field=cost:double'
    return land.vector('candidates', 'Polygon', fields, [
        (box(502100, 4004000, 502900, 4005000), ['c1', 'village', 80.0, 2.0]),
        (box(505000, 4002000, 506000, 4003000), ['c2', 'forest farm', 60.0, 1.0]),
        (box(503100, 4000100, 503900, 4001900), ['c3', 'township', 90.0, 1.0])])


def links(land, resistance):
    """corridornetwork's links between the cores (computed in UTM), as the next input of ``land``."""
    computed = run('corridornetwork', CORES=cores(Landscape(land.folder, mixed=False)), CORE_ID_FIELD='id',
                   RESISTANCE=resistance, OUTPUT_LINKS='TEMPORARY_OUTPUT', OUTPUT_CORRIDORS='TEMPORARY_OUTPUT',
                   OUTPUT_CORRIDOR_POLYGONS='TEMPORARY_OUTPUT')
    return land.layer(computed['OUTPUT_LINKS'])


def linkage_scenario(algorithm, land, resistance, folder, out):
    """Parameters of the Linkage Mapper-style algorithms that read corridornetwork's links."""
    common = dict(CORES=cores(land), CORE_ID_FIELD='id')
    if algorithm == 'pinchpoints':
        return dict(common, RESISTANCE=resistance, LINKS=links(land, resistance), CWD_CUTOFF=20000,
                    OUTPUT_PINCHPOINTS=str(folder / 'pinchpoints.tif'), OUTPUT_LINKS=out)
    if algorithm == 'barriers':
        return dict(common, RESISTANCE=resistance, LINKS=links(land, resistance), MIN_RADIUS=100, MAX_RADIUS=300,
                    RADIUS_STEP=100, RESTORED_RESISTANCE=1, OUTPUT=str(folder / 'barriers.tif'))
    return dict(common, LINKS=links(land, resistance), OUTPUT_CORES=out,
                OUTPUT_LINKS=str(folder / 'centrality_links.gpkg'))


def planning_units(land):
    """Nine 1 km square planning units over the south-west 3 km of the landscape: id, cost, status."""
    return land.vector('units', 'Polygon', 'field=pu_id:integer&field=cost:double&field=status:integer', [
        (box(500000 + 1000 * column, 4000000 + 1000 * row, 501000 + 1000 * column, 4001000 + 1000 * row),
         [1 + column + 3 * row, float(1 + (column * 7 + row * 3) % 5), 0]) for row in range(3) for column in range(3)])


def value_raster(land):
    """10 per cell in the centre square km of the south-west 3 km, 1 elsewhere."""
    values = np.ones((SIZE, SIZE))
    values[SIZE - 20:SIZE - 10, 10:20] = 10.0
    return land.raster('value', values)


def optimisezones_scenario(land, folder, out):
    return dict(BOUNDARY_LAYER=land.vector('reserve', 'Polygon', 'field=n:integer', [
        (box(500000, 4000000, 503000, 4003000), [1])]), PLANNING_UNITS=planning_units(land),
        VALUES=[value_raster(land)], TARGET=0.3, ZONE_TARGETS='0.2,0,0', TIME_LIMIT=60, GAP=0, OUTPUT=out,
        OUTPUT_UNITS=str(folder / 'units.gpkg'))


def prioritize_scenario(land, folder, out):
    """Raster and polygon features and a boundary penalty, so that areas and boundaries are measured in metres."""
    wetland = land.vector('wetland', 'Polygon', 'field=n:integer', [(box(500500, 4000200, 502600, 4000700), [1])])
    return dict(PLANNING_UNITS=planning_units(land), ID_FIELD='pu_id', COST_FIELD='cost', STATUS_FIELD='status',
                FEATURES=[value_raster(land), wetland], TARGETS='0.4', BLM=0.001, TIME_LIMIT=60, GAP=0,
                OUTPUT=out, OUTPUT_FEATURES=str(folder / 'features.gpkg'))


PLANNING_SCENARIOS = {
    'optimisezones': optimisezones_scenario,
    'prioritize': prioritize_scenario,
    'solvemarxan': lambda land, folder, out: dict(MARXAN_INPUT=marxan_project(str(folder / 'marxan')),
                                                 TIME_LIMIT=60, GAP=0, OUTPUT=out),
    'solvemarzone': lambda land, folder, out: dict(MARXAN_INPUT=marzone_project(str(folder / 'marzone')),
                                                  TIME_LIMIT=60, GAP=0, OUTPUT=out),
}


def sites(land):
    return land.vector('sites', 'Point', 'field=name:string&field=species:string&field=count:double', [
        (point(501000, 4004000), ['inside', 'goose', 100.0]), (point(502050, 4004000), ['50 m out', 'goose', 30.0]),
        (point(503500, 4001000), ['inside east', 'crane', 20.0]), (point(505000, 4002000), ['far', 'crane', 5.0])])


def sitecoverage_scenario(land, folder, out):
    return dict(SITES=sites(land), SITE_ID_FIELD='name', GROUP_FIELD='species', WEIGHT_FIELD='count',
                REGIONS=regions(land), REGION_FIELD='name', PROTECTED=[protected(land)], TOLERANCE=100,
                OUTPUT=out, OUTPUT_SUMMARY=str(folder / 'site_summary.gpkg'))


def target3report_scenario(land, folder, out):
    """Every optional input given, so that each is read in its own CRS in the mixed run."""
    return dict(REGIONS=regions(land), REGION_FIELD='name', PROTECTED=[protected(land)],
                KBAS=land.vector('kbas', 'Polygon', 'field=name:string', [
                    (box(501000, 4004000, 502500, 4005000), ['kba'])]),
                SPECIES=land.vector('ranges', 'Polygon', 'field=species:string&field=class:string', [
                    (box(500000, 4000000, 504000, 4004000), ['a', 'Aves']),
                    (box(503000, 4003000, 506000, 4006000), ['b', 'Mammalia'])]),
                SPECIES_FIELD='species', CLASS_FIELD='class',
                ECOREGIONS=land.vector('ecoregions', 'Polygon', 'field=eco:string', [
                    (box(500000, 4000000, 506000, 4002500), ['south']),
                    (box(500000, 4002500, 506000, 4006000), ['north'])]), ECOREGION_FIELD='eco',
                DISTANCE=2000, PROBABILITY=0.5, TARGET=30, YEAR=2025, OUTPUT=out,
                OUTPUT_HTML=str(folder / 'target3.html'), OUTPUT_PDF=str(folder / 'target3.pdf'))


TARGET3_SCENARIOS = {'sitecoverage': sitecoverage_scenario, 'target3report': target3report_scenario}


def scenario(algorithm, folder, mixed, land=None):
    """The parameters of a valid run of ``algorithm`` on the landscape (outputs to files in ``folder``); ``land``:
    the Landscape to build it with (by default one in UTM, or in mixed CRSs when ``mixed``)."""
    land = land or Landscape(folder, mixed)
    resistance = land.raster('resistance', resistance_array())
    classes = np.where(np.arange(SIZE)[None, :] < 25, 1, 2) * np.ones((SIZE, SIZE))
    landcover = land.raster('landcover', classes, warp=True)
    out = str(folder / 'out_{}.gpkg'.format(algorithm))
    if algorithm == 'generatezones':
        return dict(CORES=cores(land), BOUNDARY=land.vector('boundary', 'Polygon', 'field=n:integer', [
            (box(500100, 4000100, 505900, 4005900), [1])]), BUFFER_WIDTH=300, TRANSITION_WIDTH=600, OUTPUT=out)
    if algorithm == 'validatezones':
        return dict(ZONES=zones(land), BOUNDARY=land.vector('boundary', 'Polygon', 'field=n:integer', [
            (box(500500, 4000500, 505500, 4005500), [1])]), MIN_BUFFER_WIDTH=400, OUTPUT=out)
    if algorithm == 'zonestatistics':
        return dict(ZONES=zones(land), LANDCOVER=landcover, OUTPUT=out)
    if algorithm == 'costdistance':
        return dict(RESISTANCE=resistance, SOURCES=land.vector('sources', 'Point', 'field=n:integer', [
            (point(500550, 4005450), [1])]), MAX_COST=4000, OUTPUT=str(folder / 'cost.tif'))
    if algorithm == 'leastcostpath':
        return dict(RESISTANCE=resistance, SOURCE=land.vector('source', 'Point', 'field=n:integer', [
            (point(500550, 4005450), [1])]), TARGET=land.vector('target', 'Point', 'field=n:integer', [
                (point(505450, 4000550), [1])]), OUTPUT=out)
    if algorithm == 'corridornetwork':
        return dict(CORES=cores(land), CORE_ID_FIELD='id', RESISTANCE=resistance, MAX_CWD=20000, WIDTH_CUTOFF=2000,
                    OUTPUT_LINKS=out, OUTPUT_CORRIDORS=str(folder / 'corridors.tif'),
                    OUTPUT_CORRIDOR_POLYGONS=str(folder / 'corridor_polygons.gpkg'))
    if algorithm == 'protectedcoverage':
        return dict(PROTECTED=[protected(land)], REGIONS=regions(land), REGION_FIELD='name', TARGET=30, OUTPUT=out)
    if algorithm == 'protconn':
        return dict(PROTECTED=protected(land), REGIONS=regions(land), REGION_FIELD='name', DISTANCE=2000,
                    PROBABILITY=0.5, TRANSBOUNDARY_DISTANCE=0, OUTPUT=out)
    if algorithm == 'habitatcoverage':
        return dict(SPECIES=land.vector('ranges', 'Polygon', 'field=species:string', [
            (box(500000, 4000000, 504000, 4004000), ['a']), (box(503000, 4003000, 506000, 4006000), ['b'])]),
            SPECIES_FIELD='species', PROTECTED=[protected(land)], OUTPUT=out)
    if algorithm == 'scoreoecm':
        return dict(CANDIDATES=candidates(land), PROTECTED=[protected(land)], CRITERIA=[resistance],
                    DIRECTIONS='-', WEIGHTS='1', OVERLAP_THRESHOLD=50, DISTANCE=1000, OUTPUT=out)
    if algorithm == 'selectoecm':
        return dict(CANDIDATES=candidates(land), SCORE_FIELD='score', COST_FIELD='cost', BUDGET=10,
                    REGIONS=regions(land), REGION_FIELD='name', PROTECTED=[protected(land)], TARGET=30, OUTPUT=out)
    if algorithm in ('pinchpoints', 'barriers', 'centrality'):
        return linkage_scenario(algorithm, land, resistance, folder, out)
    if algorithm == 'circuitscape':
        return dict(RESISTANCE=resistance, FOCAL_POINTS=land.vector('focal', 'Point', 'field=n:integer', [
            (point(500550, 4005450), [1]), (point(505450, 4000550), [2]), (point(500550, 4000550), [3])]),
            FOCAL_ID_FIELD='n', OUTPUT_CURRENT=str(folder / 'current.tif'), OUTPUT_RESISTANCES=out)
    if algorithm == 'gravitymodel':
        return dict(SOURCES=cores(land), SOURCE_ID_FIELD='id', RESISTANCE=resistance, THRESHOLD=100000,
                    OUTPUT_LINKS=out)
    if algorithm == 'patchimportance':
        return dict(PATCHES=cores(land), THRESHOLD=3500, DISTANCE=3000, PROBABILITY=0.5, LANDSCAPE_AREA=3600,
                    OUTPUT=out)
    if algorithm == 'resistancesurface':  # raster inputs only: run for the NaN check
        classes = land.raster('classes', np.where(resistance_array() > 1, 1, 2))
        return dict(FACTORS=[classes], RECLASS=[1, 1, 1, 10, 1, 2, 2, 50], OUTPUT=str(folder / 'surface.tif'))
    if algorithm == 'mspa':  # one raster input: nothing to mix, run for the NaN and no-CRS checks
        forest = land.raster('forest', np.where(resistance_array() > 1, 1, 2))
        return dict(INPUT=forest, FOREGROUND='2', EDGE_WIDTH=1, OUTPUT=str(folder / 'mspa.tif'), OUTPUT_STATS=out)
    if algorithm == 'speciesarea':
        return dict(COVERAGE=30, Z=0.25, SPECIES_SHARE=50, OUTPUT=out)
    if algorithm in PLANNING_SCENARIOS:
        return PLANNING_SCENARIOS[algorithm](land, folder, out)
    if algorithm in TARGET3_SCENARIOS:
        return TARGET3_SCENARIOS[algorithm](land, folder, out)
    raise AssertionError('no test landscape for ' + algorithm)


ALGORITHMS = [cls.ALGORITHM_ID for cls in algorithm_classes()]


def numeric_parameters():
    pairs = []
    for cls in algorithm_classes():
        algorithm = cls()
        algorithm.initAlgorithm()
        pairs.extend((cls.ALGORITHM_ID, definition.name()) for definition in algorithm.parameterDefinitions()
                     if definition.type() in ('number', 'distance'))
    return pairs


def rounded(value):
    if isinstance(value, float):
        return round(value, 6)
    return value


def output_rows(value):
    """The attribute rows of a vector output, sorted, geometry left out."""
    layer = value if isinstance(value, QgsVectorLayer) else QgsVectorLayer(value)
    assert layer.isValid(), value
    names = layer.fields().names()
    rows = [{name: (None if feature[name] is None or (hasattr(feature[name], 'isNull') and feature[name].isNull())
                    else feature[name]) for name in names if name != 'fid'} for feature in layer.getFeatures()]
    return sorted(rows, key=lambda row: [str(row[name]) if not isinstance(row[name], float) else ''
                                         for name in sorted(row)])


def assert_same_rows(mixed, same, label):
    assert len(mixed) == len(same), (label, mixed, same)
    for row_mixed, row_same in zip(mixed, same):
        assert row_mixed.keys() == row_same.keys()
        for name in row_same:
            expected, got = row_same[name], row_mixed[name]
            if isinstance(expected, float) and isinstance(got, float):
                assert got == pytest.approx(expected, rel=2e-2, abs=1e-3), (label, name, row_mixed, row_same)
            else:
                assert got == expected, (label, name, row_mixed, row_same)


def assert_same_outputs(mixed, same):
    for key, expected in same.items():
        got = mixed[key]
        if isinstance(expected, str) and expected.endswith('.tif'):
            values_same, values_mixed = read_raster(expected)[0], read_raster(got)[0]
            assert np.array_equal(np.isnan(values_same), np.isnan(values_mixed)), key
            assert np.allclose(values_mixed, values_same, rtol=5e-3, equal_nan=True), key
        elif isinstance(expected, (str, QgsVectorLayer)) and not str(expected).endswith(('.html', '.pdf')):
            assert_same_rows(output_rows(got), output_rows(expected), key)
        elif isinstance(expected, (int, float)):
            assert got == pytest.approx(expected, rel=5e-3), key


@pytest.mark.parametrize('algorithm', ALGORITHMS)
def test_inputs_in_different_crss_give_what_one_crs_gives(qgis_app, tmp_path, algorithm):
    """Each vector input in another CRS (degrees, Web Mercator, Gauss-Kruger), rasters in UTM: the same answer."""
    (tmp_path / 'same').mkdir()
    (tmp_path / 'mixed').mkdir()
    same = run(algorithm, **scenario(algorithm, tmp_path / 'same', mixed=False))
    mixed = run(algorithm, **scenario(algorithm, tmp_path / 'mixed', mixed=True))
    assert_same_outputs(mixed, same)


@pytest.mark.parametrize('algorithm,parameter', numeric_parameters())
def test_nan_is_refused_for_every_number(qgis_app, tmp_path, algorithm, parameter):
    parameters = scenario(algorithm, tmp_path, mixed=False)
    for value in (float('nan'), 'nan'):
        parameters[parameter] = value
        with pytest.raises(QgsProcessingException) as raised:
            run(algorithm, **parameters)
        message = str(raised.value)
        assert parameter in message and 'NaN' in message, message
    assert not [name for name in os.listdir(tmp_path) if name.startswith('out_')]


def test_a_raster_output_is_written_in_the_format_of_its_extension(qgis_app, tmp_path):
    parameters = scenario('costdistance', tmp_path, mixed=False)
    tif = run('costdistance', **parameters)['OUTPUT']
    parameters['OUTPUT'] = str(tmp_path / 'cost.asc')
    asc = run('costdistance', **parameters)['OUTPUT']
    with open(asc, 'rb') as stream:
        assert stream.read(5).lower() == b'ncols'
    assert QgsRasterLayer(asc).providerType() == 'gdal'
    assert np.allclose(read_raster(asc)[0], read_raster(tif)[0], equal_nan=True)


def test_a_raster_output_in_a_format_gdal_cannot_write_is_refused_before_the_run(qgis_app, tmp_path):
    parameters = scenario('corridornetwork', tmp_path, mixed=False)
    parameters['OUTPUT_CORRIDORS'] = str(tmp_path / 'corridors.docx')
    with pytest.raises(QgsProcessingException) as raised:
        run('corridornetwork', **parameters)
    assert '.docx' in str(raised.value)
    assert set(os.listdir(tmp_path)) == {'resistance.tif', 'landcover.tif'}


def denying_writes_to(monkeypatch, folder):
    """Make os.access say what it says to an ordinary user for the read-only ``folder``, also when the tests run
    as root (CI), who may write anywhere: the folder's mode bits are honoured, as the kernel does for others."""
    granted = os.access

    def access(path, mode, *args, **kwargs):
        if os.path.abspath(path) == str(folder) and mode & os.W_OK:
            return False
        return granted(path, mode, *args, **kwargs)

    monkeypatch.setattr(os, 'access', access)


@pytest.mark.parametrize('algorithm,output,name', [
    ('validatezones', 'OUTPUT_HTML', 'report.html'), ('protectedcoverage', 'OUTPUT_HTML', 'report.html'),
    ('scoreoecm', 'OUTPUT_HTML', 'report.html'), ('barriers', 'OUTPUT_FOLDER', 'maps'),
    ('circuitscape', 'OUTPUT_FOLDER', 'maps')])
def test_an_output_in_a_read_only_folder_is_refused_and_nothing_is_written(qgis_app, tmp_path, monkeypatch,
                                                                           algorithm, output, name):
    locked = tmp_path / 'locked'
    locked.mkdir()
    locked.chmod(0o555)
    denying_writes_to(monkeypatch, locked)
    try:
        parameters = dict(scenario(algorithm, tmp_path, mixed=False), **{output: str(locked / name)})
        before = set(os.listdir(tmp_path))
        with pytest.raises(QgsProcessingException) as raised:
            run(algorithm, **parameters)
        assert 'permission denied' in str(raised.value) and name in str(raised.value)
        assert set(os.listdir(tmp_path)) == before and not os.listdir(locked)
    finally:
        locked.chmod(0o755)


@pytest.mark.parametrize('algorithm', ['validatezones', 'protectedcoverage', 'scoreoecm'])
def test_a_report_below_a_file_is_refused_and_nothing_is_written(qgis_app, tmp_path, algorithm):
    """A folder nobody can create, root included: its path goes through a regular file."""
    (tmp_path / 'notes.txt').write_text('not a folder', encoding='utf-8')
    parameters = scenario(algorithm, tmp_path, mixed=False)
    parameters['OUTPUT_HTML'] = str(tmp_path / 'notes.txt' / 'report.html')
    before = set(os.listdir(tmp_path))
    with pytest.raises(QgsProcessingException) as raised:
        run(algorithm, **parameters)
    assert 'notes.txt is a file, not a folder' in str(raised.value) and 'report.html' in str(raised.value)
    assert set(os.listdir(tmp_path)) == before


def multiple_outputs():
    """(algorithm, destination) of every file or folder output of every algorithm with several outputs in its
    scenario, the main output left out."""
    pairs = []
    for cls in algorithm_classes():
        algorithm = cls()
        algorithm.initAlgorithm()
        destinations = [definition.name() for definition in algorithm.destinationParameterDefinitions()]
        if len(destinations) > 1:
            pairs.extend((cls.ALGORITHM_ID, name) for name in destinations[1:])
    return pairs


@pytest.mark.parametrize('algorithm,output', multiple_outputs())
def test_any_later_destination_in_a_missing_folder_stops_the_run_before_anything_is_written(
        qgis_app, tmp_path, algorithm, output):
    parameters = scenario(algorithm, tmp_path, mixed=False)
    parameters[output] = str(tmp_path / 'missing' / 'later_output')
    before = set(os.listdir(tmp_path))
    with pytest.raises(QgsProcessingException) as raised:
        run(algorithm, **parameters)
    assert 'missing' in str(raised.value) and 'does not exist' in str(raised.value)
    assert set(os.listdir(tmp_path)) == before


@pytest.mark.parametrize('algorithm', ['barriers', 'circuitscape'])
def test_a_folder_output_that_is_a_file_is_refused_before_anything_is_written(qgis_app, tmp_path, algorithm):
    (tmp_path / 'maps').write_text('not a folder', encoding='utf-8')
    parameters = dict(scenario(algorithm, tmp_path, mixed=False), OUTPUT_FOLDER=str(tmp_path / 'maps'))
    before = set(os.listdir(tmp_path))
    with pytest.raises(QgsProcessingException) as raised:
        run(algorithm, **parameters)
    assert 'is a folder, but {} is a file'.format(tmp_path / 'maps') in str(raised.value), str(raised.value)
    assert set(os.listdir(tmp_path)) == before


def test_a_run_failing_while_filling_a_folder_takes_back_what_it_wrote(qgis_app, tmp_path):
    """barriers writes its main map, then one map per radius into the folder: the 200 m map's name is taken by a
    folder, so the run fails there; the main map and the 100 m map go, what was in the folder before stays."""
    folder = tmp_path / 'radii'
    (folder / 'barriers_r200m.tif').mkdir(parents=True)
    (folder / 'readme.txt').write_text('kept', encoding='utf-8')
    parameters = dict(scenario('barriers', tmp_path, mixed=False), OUTPUT_FOLDER=str(folder))
    before, before_in_folder = set(os.listdir(tmp_path)), set(os.listdir(folder))
    with pytest.raises(QgsProcessingException) as raised:
        run('barriers', **parameters)
    assert 'barriers_r200m.tif' in str(raised.value)
    assert set(os.listdir(tmp_path)) == before and set(os.listdir(folder)) == before_in_folder


EARLIER_MAP = b'a map of an earlier run'


def test_a_run_failing_while_filling_a_folder_puts_back_the_maps_it_wrote_over(qgis_app, tmp_path):
    """barriers writes the 100 m map over the one an earlier run left in the folder, then fails at the 200 m map
    (its name taken by a folder): the earlier 100 m map is back as it was and nothing new is left."""
    folder = tmp_path / 'radii'
    (folder / 'barriers_r200m.tif').mkdir(parents=True)
    (folder / 'barriers_r100m.tif').write_bytes(EARLIER_MAP)
    parameters = dict(scenario('barriers', tmp_path, mixed=False), OUTPUT_FOLDER=str(folder))
    before_in_folder = set(os.listdir(folder))
    with pytest.raises(QgsProcessingException) as raised:
        run('barriers', **parameters)
    assert 'barriers_r200m.tif' in str(raised.value)
    assert set(os.listdir(folder)) == before_in_folder
    assert (folder / 'barriers_r100m.tif').read_bytes() == EARLIER_MAP


def test_a_run_failing_while_moving_its_maps_into_a_folder_puts_back_the_maps_it_replaced(qgis_app, tmp_path):
    """circuitscape moves its solve maps into the folder at the end, in name order: current_1_2.tif and
    current_1_3.tif replace the maps an earlier run left, then current_2_3.tif cannot replace a folder of that
    name: the earlier maps are back."""
    folder = tmp_path / 'solves'
    (folder / 'current_2_3.tif').mkdir(parents=True)
    for name in ('current_1_2.tif', 'current_1_3.tif'):
        (folder / name).write_bytes(EARLIER_MAP)
    parameters = dict(scenario('circuitscape', tmp_path, mixed=False), OUTPUT_FOLDER=str(folder))
    before, before_in_folder = set(os.listdir(tmp_path)), set(os.listdir(folder))
    with pytest.raises(QgsProcessingException, match='current_2_3.tif'):
        run('circuitscape', **parameters)
    assert set(os.listdir(tmp_path)) == before and set(os.listdir(folder)) == before_in_folder
    assert [(folder / name).read_bytes() for name in ('current_1_2.tif', 'current_1_3.tif')] == [EARLIER_MAP] * 2


def test_a_run_succeeding_over_the_maps_of_an_earlier_run_replaces_them_and_keeps_the_rest(qgis_app, tmp_path):
    folder = tmp_path / 'radii'
    folder.mkdir()
    (folder / 'barriers_r100m.tif').write_bytes(EARLIER_MAP)
    (folder / 'readme.txt').write_text('kept', encoding='utf-8')
    run('barriers', **dict(scenario('barriers', tmp_path, mixed=False), OUTPUT_FOLDER=str(folder)))
    assert sorted(os.listdir(folder)) == ['barriers_r100m.tif', 'barriers_r200m.tif', 'barriers_r300m.tif',
                                          'readme.txt']
    assert read_raster(folder / 'barriers_r100m.tif')[0].shape == (SIZE, SIZE)
    assert (folder / 'readme.txt').read_text(encoding='utf-8') == 'kept'


class CancelHalfWay(RecordingFeedback):
    """Cancels the run when its progress passes 50 %."""

    def setProgress(self, progress):  # noqa: N802 (QGIS API name)
        super().setProgress(progress)
        if progress > 50:
            self.cancel()


def test_a_cancelled_run_removes_the_folder_output_it_created(qgis_app, tmp_path):
    parameters = dict(scenario('circuitscape', tmp_path, mixed=False), OUTPUT_FOLDER=str(tmp_path / 'solves'))
    before = set(os.listdir(tmp_path))
    with pytest.raises(QgsProcessingException, match='cancelled'):
        run('circuitscape', feedback=CancelHalfWay(), **parameters)
    assert set(os.listdir(tmp_path)) == before


class DiskFullAfterSummary(RecordingFeedback):
    """Fails the run as a full disk would, when the algorithm logs ``line`` (after its first output is written)."""

    def __init__(self, line):
        super().__init__()
        self.line = line

    def pushInfo(self, info):  # noqa: N802 (QGIS API name)
        super().pushInfo(info)
        if self.line in info:
            raise OSError(28, 'No space left on device', 'report.html')


def test_a_run_failing_after_writing_an_output_removes_it(qgis_app, tmp_path):
    """validatezones writes its problems layer, logs its summary, then writes the report: a failure there
    removes the problems layer (and its side files) and keeps the files that were there before."""
    parameters = scenario('validatezones', tmp_path, mixed=False)
    parameters['OUTPUT_HTML'] = str(tmp_path / 'report.html')
    before = set(os.listdir(tmp_path))
    with pytest.raises(QgsProcessingException) as raised:
        run('validatezones', feedback=DiskFullAfterSummary('under the profile'), **parameters)
    assert 'The run stopped on the file report.html: No space left on device. No output was kept.' in str(
        raised.value)
    assert set(os.listdir(tmp_path)) == before
    assert 'out_validatezones.gpkg' not in before


@pytest.mark.parametrize('algorithm', [algorithm for algorithm in ALGORITHMS if algorithm not in (
    'speciesarea', 'mspa', 'resistancesurface', 'solvemarxan', 'solvemarzone')])
def test_an_input_without_a_crs_is_warned_about_once(qgis_app, tmp_path, algorithm):
    parameters = scenario(algorithm, tmp_path, mixed=False)
    name, layer = next((name, value) for name, value in parameters.items() if isinstance(value, QgsVectorLayer))
    layer.setCrs(QgsCoordinateReferenceSystem())
    feedback = RecordingFeedback()
    try:
        run(algorithm, feedback=feedback, **parameters)
    except QgsProcessingException:
        pass
    warnings = [line for line in feedback.lines if 'has no coordinate reference system' in line]
    assert len(warnings) == 1 and layer.name() in warnings[0], (name, feedback.lines)


# --- messages -------------------------------------------------------------------------------------------------

def zones_geopackage(folder, values=('core', 'buffer', 'transition'), rows=None):
    """The landscape's three zones in a GeoPackage zones.gpkg, layer "zones", field zone holding ``values``."""
    core, buffer, outer = (502000, 4002000, 503000, 4003000), (501500, 4001500, 503500, 4003500), (
        500500, 4000500, 505500, 4005500)
    if rows is None:
        rows = [(box(*core), {'zone': values[0]}), (ring_box(buffer, core), {'zone': values[1]}),
                (ring_box(outer, buffer), {'zone': values[2]})]
    return geopackage(str(folder / 'zones.gpkg'), 32650, [('zone', ogr.OFTString)], rows)


@pytest.mark.parametrize('algorithm', ['generatezones', 'validatezones', 'zonestatistics'])
def test_zoning_algorithms_name_a_geopackage_layer_by_file_and_table(qgis_app, tmp_path, algorithm):
    """A zone with an empty geometry (a zone field that is not there for validatezones, which reports empty
    geometries as problems) is refused naming its layer as every other algorithm does."""
    path = zones_geopackage(tmp_path, rows=[('POLYGON EMPTY', {'zone': 'core'})])
    parameters = dict(scenario(algorithm, tmp_path, mixed=False), OUTPUT='TEMPORARY_OUTPUT')
    if algorithm == 'validatezones':
        parameters['ZONE_FIELD'] = 'missing'
    parameters['CORES' if algorithm == 'generatezones' else 'ZONES'] = path + '|layername=zones'
    parameters.pop('BOUNDARY', None)
    with pytest.raises(QgsProcessingException) as raised:
        run(algorithm, **parameters)
    assert 'zones.gpkg (zones)' in str(raised.value), str(raised.value)


def test_the_raster_warp_warning_names_both_crss(qgis_app, tmp_path):
    resistance = geotiff(tmp_path / 'degrees.tif', np.ones((20, 20)), 0.01, epsg=4326, x0=116.9, y0=36.2)
    cores = memory_layer('cores', 'Polygon', 'EPSG:4326', 'field=n:integer', [
        ('POLYGON((117 36.1, 117.01 36.1, 117.01 36.11, 117 36.11, 117 36.1))', [1])])
    feedback = RecordingFeedback()
    run('generatezones', feedback=feedback, CORES=cores, RESISTANCE=resistance, BUFFER_WIDTH=100,
        TRANSITION_WIDTH=100, OUTPUT='TEMPORARY_OUTPUT')
    warning = next(line for line in feedback.lines if 'degrees.tif' in line)
    assert 'in degrees (EPSG:4326)' in warning and 'to +proj=aeqd +lat_0=36.105' in warning, warning


def test_a_web_mercator_raster_is_said_to_stretch_distances(qgis_app, tmp_path):
    resistance = geotiff(tmp_path / 'mercator.tif', np.ones((20, 20)), 100, epsg=3857, x0=13024000, y0=4313000)
    feedback = RecordingFeedback()
    run('costdistance', feedback=feedback, RESISTANCE=resistance, SOURCES=memory_layer(
        'sources', 'Point', 'EPSG:3857', 'field=n:integer', [(point(13025000, 4312000), [1])]),
        OUTPUT='TEMPORARY_OUTPUT')
    warning = next(line for line in feedback.lines if 'mercator.tif' in line)
    assert 'Web Mercator (EPSG:3857)' in warning and 'stretches distances' in warning, warning
    assert 'not in a projected CRS in metres' not in warning


def test_zonestatistics_recognises_the_chinese_zone_names(qgis_app, tmp_path):
    feedback = RecordingFeedback()
    result = run('zonestatistics', feedback=feedback, ZONES=zones_geopackage(tmp_path, ('核心区', '缓冲区', '实验区')),
                 OUTPUT='TEMPORARY_OUTPUT')
    rows = {row['zone']: row for row in output_rows(result['OUTPUT'])}
    assert {zone: row['zone_code'] for zone, row in rows.items()} == {'core': 1, 'buffer': 2, 'transition': 3}
    assert rows['core']['area_ha'] == pytest.approx(100.0)
    assert not [line for line in feedback.lines if 'reported as they are' in line]


@pytest.mark.parametrize('algorithm,parameter', [
    ('habitatcoverage', 'SPECIES'), ('scoreoecm', 'CANDIDATES'), ('selectoecm', 'CANDIDATES')])
def test_an_empty_species_or_candidates_layer_is_warned_about(qgis_app, tmp_path, algorithm, parameter):
    parameters = scenario(algorithm, tmp_path, mixed=False)
    layer = parameters[parameter]
    layer.dataProvider().truncate()
    parameters['OUTPUT'] = 'TEMPORARY_OUTPUT'
    feedback = RecordingFeedback()
    run(algorithm, feedback=feedback, **parameters)
    assert any('Layer "{}" has no features'.format(layer.name()) in line for line in feedback.lines), feedback.lines


@pytest.mark.parametrize('algorithm,parameter,message', [
    ('gravitymodel', 'SOURCES', 'The gravity model needs at least two sources; 0 given.'),
    ('selectoecm', 'REGIONS', 'The regions layer "regions" has no features: there is no target for the selection')])
def test_an_empty_layer_is_refused_in_words(qgis_app, tmp_path, algorithm, parameter, message):
    """gravitymodel failed with a numpy traceback on a sources layer without features (engine.coverage's
    envelope_pairs of nothing), and so did selectoecm on a regions layer without features, which now says so."""
    parameters = scenario(algorithm, tmp_path, mixed=False)
    parameters[parameter].dataProvider().truncate()
    with pytest.raises(QgsProcessingException) as raised:
        run(algorithm, **dict(parameters, OUTPUT='TEMPORARY_OUTPUT', OUTPUT_LINKS='TEMPORARY_OUTPUT'))
    assert message in str(raised.value) and 'Traceback' not in str(raised.value), str(raised.value)


class WarningFeedback(RecordingFeedback):
    """Keeps the warnings apart from the info lines."""

    def __init__(self):
        super().__init__()
        self.warnings = []

    def pushWarning(self, warning):  # noqa: N802 (QGIS API name)
        super().pushWarning(warning)
        self.warnings.append(warning)


@pytest.mark.parametrize('algorithm', ['protectedcoverage', 'protconn', 'habitatcoverage', 'scoreoecm', 'selectoecm'])
def test_a_protected_area_without_geometry_is_left_out_with_a_warning_everywhere(qgis_app, tmp_path, algorithm):
    parameters = scenario(algorithm, tmp_path, mixed=False)
    expected = output_rows(run(algorithm, **dict(parameters, OUTPUT='TEMPORARY_OUTPUT'))['OUTPUT'])
    protected_layer = parameters['PROTECTED'][0] if isinstance(parameters['PROTECTED'], list) else \
        parameters['PROTECTED']
    assert protected_layer.dataProvider().addFeatures([QgsFeature(protected_layer.fields())])
    null_id = max(feature.id() for feature in protected_layer.getFeatures())
    feedback = WarningFeedback()
    result = run(algorithm, feedback=feedback, **dict(parameters, OUTPUT='TEMPORARY_OUTPUT'))
    assert any('without a geometry' in line and 'wdpa:{}'.format(null_id) in line for line in feedback.warnings), \
        feedback.lines
    assert_same_rows(output_rows(result['OUTPUT']), expected, 'OUTPUT')


def multipolygon_with_an_empty_part(wkt):
    """A QgsGeometry MultiPolygon of the polygon ``wkt`` and an empty polygon (WKT cannot say it to QGIS 3.22)."""
    polygon = QgsGeometry.fromWkt(wkt)  # held: constGet() of a temporary QgsGeometry is freed with it
    multipolygon = QgsMultiPolygon()
    multipolygon.addGeometry(polygon.constGet().clone())
    multipolygon.addGeometry(QgsPolygon())
    return QgsGeometry(multipolygon)


@pytest.mark.parametrize('algorithm', ['protectedcoverage', 'protconn', 'habitatcoverage', 'scoreoecm', 'selectoecm'])
def test_empty_polygons_and_empty_parts_read_in_another_crs_are_left_out(qgis_app, tmp_path, algorithm):
    """A protected area with an empty polygon (not a null geometry) is left out with the warning a null one gets, and
    a multipolygon with an empty part counts its other part: QGIS crashed densifying them (every algorithm densifies
    a layer it reads in another CRS; coverage figures are measured in a local equal-area CRS)."""
    parameters = scenario(algorithm, tmp_path, mixed=False)
    expected = output_rows(run(algorithm, **dict(parameters, OUTPUT='TEMPORARY_OUTPUT'))['OUTPUT'])
    layer = parameters['PROTECTED'][0] if isinstance(parameters['PROTECTED'], list) else parameters['PROTECTED']
    multi = memory_layer('wdpa', 'MultiPolygon', UTM, 'field=STATUS:string', [])
    features = []
    for feature in layer.getFeatures():
        copy = QgsFeature(multi.fields())
        copy.setAttributes(feature.attributes())
        copy.setGeometry(multipolygon_with_an_empty_part(feature.geometry().asWkt()))
        features.append(copy)
    empty = QgsFeature(multi.fields())
    empty.setAttributes(['Designated'])
    empty.setGeometry(QgsGeometry.fromWkt('MULTIPOLYGON EMPTY'))
    assert multi.dataProvider().addFeatures(features + [empty])
    empty_id = max(feature.id() for feature in multi.getFeatures())
    parameters['PROTECTED'] = [multi] if isinstance(parameters['PROTECTED'], list) else multi
    feedback = WarningFeedback()
    result = run(algorithm, feedback=feedback, **dict(parameters, OUTPUT='TEMPORARY_OUTPUT'))
    assert any('without a geometry' in line and 'wdpa:{}'.format(empty_id) in line for line in feedback.warnings), \
        feedback.lines
    assert_same_rows(output_rows(result['OUTPUT']), expected, 'OUTPUT')


def test_an_empty_part_does_not_move_the_local_crs_of_a_layer_in_degrees(qgis_app):
    """A core in degrees stored as a multipolygon with an empty part gets the zones of the same core without it: the
    empty part's bounding box centre, (0, 0), pulled the local CRS of generatezones towards the Gulf of Guinea, and the
    core came out 117.69 ha instead of 99.91 (qgis_io.feature_direction)."""
    core = 'POLYGON((117 36.1, 117.01 36.1, 117.01 36.11, 117 36.11, 117 36.1))'
    plain = memory_layer('cores', 'MultiPolygon', 'EPSG:4326', 'field=n:integer', [(core, [1])])
    with_empty_part = memory_layer('cores', 'MultiPolygon', 'EPSG:4326', 'field=n:integer', [])
    feature = QgsFeature(with_empty_part.fields())
    feature.setAttributes([1])
    feature.setGeometry(multipolygon_with_an_empty_part(core))
    assert with_empty_part.dataProvider().addFeatures([feature])
    figures = []
    for layer in (plain, with_empty_part):
        feedback = RecordingFeedback()
        run('generatezones', feedback=feedback, CORES=layer, BUFFER_WIDTH=500, TRANSITION_WIDTH=1000,
            OUTPUT='TEMPORARY_OUTPUT')
        figures.append([line for line in feedback.lines if line.endswith(' ha')])
    assert figures[1] == figures[0] and figures[0][0] == 'Core area: 99.91 ha', figures


def test_protectedcoverage_refuses_a_line_layer(qgis_app, tmp_path):
    parameters = scenario('protectedcoverage', tmp_path, mixed=False)
    parameters['PROTECTED'] = [memory_layer('rivers', 'LineString', UTM, 'field=n:integer', [
        ('LINESTRING(500000 4000000, 506000 4006000)', [1])])]
    with pytest.raises(QgsProcessingException) as raised:
        run('protectedcoverage', **parameters)
    assert 'Layer "rivers" holds lines' in str(raised.value)


def test_protectedcoverage_refuses_overlapping_regions(qgis_app, tmp_path):
    parameters = scenario('protectedcoverage', tmp_path, mixed=False)
    parameters['REGIONS'] = memory_layer('regions', 'Polygon', UTM, 'field=name:string', [
        (box(500000, 4000000, 503000, 4006000), ['west']), (box(502000, 4000000, 506000, 4006000), ['east'])])
    with pytest.raises(QgsProcessingException) as raised:
        run('protectedcoverage', **parameters)
    message = str(raised.value)
    assert 'Regions "west" and "east" of layer "regions" overlap by 6.00' in message, message
    assert not os.path.exists(parameters['OUTPUT'])


# --- zones reprojected by QGIS ------------------------------------------------------------------------------

def test_a_hole_crossing_its_shell_is_repaired_as_shell_minus_hole():
    """Rounding in a reprojection can push a hole (a core inside its buffer ring) across the shell where both
    follow the reserve edge; the repair keeps the ring, never fills the hole."""
    shell = [(0, 0), (100, 0), (100, 100), (0, 100), (0, 0)]
    hole = [(40, 40), (100.001, 40), (100.001, 60), (40, 60), (40, 40)]
    repaired, status = engine_geometry.repair_polygon(Polygon(shell, [hole]))
    assert status == engine_geometry.REPAIRED
    assert repaired.area == pytest.approx(100 * 100 - 60 * 20)


@pytest.mark.parametrize('crs', ['EPSG:4326', 'EPSG:3857'])
def test_demo_zones_reprojected_by_qgis_validate_against_the_boundary_in_gauss_kruger(qgis_app, tmp_path, crs):
    demo = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'resources', 'demo',
                        'demo.gpkg')
    boundary = demo + '|layername=reserve_boundary'
    zones = run('generatezones', CORES=demo + '|layername=cores', BOUNDARY=boundary, BUFFER_WIDTH=500,
                TRANSITION_WIDTH=1000, OUTPUT=str(tmp_path / 'zones.gpkg'))['OUTPUT']
    reprojected_zones = run('native:reprojectlayer', INPUT=zones, TARGET_CRS=crs, OUTPUT='TEMPORARY_OUTPUT')['OUTPUT']
    problems = run('validatezones', ZONES=reprojected_zones, BOUNDARY=boundary, OUTPUT='TEMPORARY_OUTPUT')['OUTPUT']
    overlaps = [feature['message'] for feature in problems.getFeatures() if feature['rule'] == RULE_OVERLAP]
    assert overlaps == []


# --- the antimeridian and the poles ------------------------------------------------------------------------------

def zones_of(cores_wkts, buffer_width=1000, transition_width=2000):
    """generatezones of cores given as EPSG:4326 WKT: {zone: (shapely geometry in degrees, area_ha)}."""
    cores = memory_layer('cores', 'Polygon', 'EPSG:4326', 'field=n:integer',
                         [(wkt, [index]) for index, wkt in enumerate(cores_wkts)])
    output = run('generatezones', CORES=cores, BUFFER_WIDTH=buffer_width, TRANSITION_WIDTH=transition_width,
                 OUTPUT='TEMPORARY_OUTPUT')['OUTPUT']
    return {feature['zone']: (wkb.loads(bytes(feature.geometry().asWkb())), feature['area_ha'])
            for feature in output.getFeatures()}


def assert_zones_partition(zones):
    """The zones do not overlap (in degrees) and every part lies within longitudes [-180, 180]."""
    for name, (geometry, _area) in zones.items():
        assert -180 <= geometry.bounds[0] and geometry.bounds[2] <= 180, name
    for first, second in (('core', 'buffer'), ('buffer', 'transition'), ('core', 'transition')):
        assert zones[first][0].intersection(zones[second][0]).area < 1e-12, (first, second)


def multipart(*quadrangles):
    """WKT of one MultiPolygon of lon/lat quadrangles (west, south, east, north)."""
    return 'MULTIPOLYGON({})'.format(','.join(quadrangle(*box)[len('POLYGON'):] for box in quadrangles))


def test_coverage_of_a_region_stored_split_at_180_as_one_multipolygon(qgis_app):
    """WDPA, GADM and Natural Earth store Kiribati, Fiji or Chukotka as ONE feature whose parts end at 180 E and
    180 W: its bounding box runs from -180 to 180, centred on the Greenwich meridian. The areas must be those on the
    ellipsoid (here they came out as the whole Earth, 509 506 322 km2, with exit code 0)."""
    region = ((179, -1, 180, 1), (-180, -1, -179, 1))
    protected = ((179.5, -0.5, 180, 0.5), (-180, -0.5, -179.5, 0.5))
    regions = memory_layer('islands', 'MultiPolygon', 'EPSG:4326', 'field=name:string',
                           [(multipart(*region), ['Gilbert'])])
    areas = memory_layer('wdpa', 'MultiPolygon', 'EPSG:4326', 'field=STATUS:string',
                         [(multipart(*protected), ['Designated'])])
    row = next(run('protectedcoverage', PROTECTED=[areas], REGIONS=regions, REGION_FIELD='name',
                   OUTPUT='TEMPORARY_OUTPUT')['OUTPUT'].getFeatures())
    assert row['area_km2'] == pytest.approx(sum(ellipsoidal_km2(quadrangle(*box)) for box in region), rel=1e-4)
    assert row['protected_km2'] == pytest.approx(sum(ellipsoidal_km2(quadrangle(*box)) for box in protected),
                                                 rel=1e-4)


def test_regions_and_protected_areas_across_180_are_written_back_where_they_lie(qgis_app):
    """Fiji's region and a protected area on both sides of 180 degrees, measured in metres, are written back to
    EPSG:4326 cut at 180 degrees. They came back as one polygon from -179.9 to 180 degrees (1 068 square degrees for
    a 12-square-degree region, 358.5 for 1.5), drawn across the whole map, in protectedcoverage's OUTPUT and
    OUTPUT_FLAT and in protconn's OUTPUT."""
    region = ((177, -19, 180, -16), (-180, -19, -179, -16))
    regions = memory_layer('islands', 'MultiPolygon', 'EPSG:4326', 'field=name:string',
                           [(multipart(*region), ['Fiji'])])
    areas = memory_layer('wdpa', 'MultiPolygon', 'EPSG:4326', 'field=STATUS:string',
                         [(multipart((179, -18, 180, -17), (-180, -18, -179.5, -17)), ['Designated'])])
    coverage = run('protectedcoverage', PROTECTED=[areas], REGIONS=regions, REGION_FIELD='name',
                   OUTPUT='TEMPORARY_OUTPUT', OUTPUT_FLAT='TEMPORARY_OUTPUT')
    connectivity = run('protconn', PROTECTED=areas, REGIONS=regions, REGION_FIELD='name', OUTPUT='TEMPORARY_OUTPUT')
    for name, layer, square_degrees in (('coverage', coverage['OUTPUT'], 12.0), ('flat', coverage['OUTPUT_FLAT'], 1.5),
                                        ('protconn', connectivity['OUTPUT'], 12.0)):
        drawn = wkb.loads(bytes(next(layer.getFeatures()).geometry().asWkb()))
        assert drawn.area == pytest.approx(square_degrees, rel=1e-4), name
        assert len(drawn.geoms) == 2 and -180 <= drawn.bounds[0] and drawn.bounds[2] <= 180, name


@pytest.mark.parametrize('wkts', [
    [multipart((179, -18, 180, -17), (-180, -18, -179.5, -17))],
    [quadrangle(179, -18, 180, -17), quadrangle(-180, -18, -179.5, -17)]], ids=['one feature', 'two features'])
def test_without_regions_the_extent_of_areas_across_180_is_the_rectangle_across_180(qgis_app, wkts):
    """Without REGIONS the region is the rectangle enclosing the protected areas. For areas on both sides of 180
    degrees (Fiji) it was a band from -180 to 180 around the globe: 4 201 718 km2, 0.42 % protected, instead of the
    1.5 x 1 degree rectangle, fully protected."""
    areas = memory_layer('wdpa', 'MultiPolygon', 'EPSG:4326', 'field=STATUS:string',
                         [(wkt, ['Designated']) for wkt in wkts])
    row = next(run('protectedcoverage', PROTECTED=[areas], OUTPUT='TEMPORARY_OUTPUT')['OUTPUT'].getFeatures())
    expected = ellipsoidal_km2(quadrangle(179, -18, 180, -17)) + ellipsoidal_km2(quadrangle(-180, -18, -179.5, -17))
    assert row['area_km2'] == pytest.approx(expected, rel=1e-4)
    assert row['protected_km2'] == pytest.approx(expected, rel=1e-4)
    assert row['percent'] == pytest.approx(100.0, abs=0.01)
    drawn = wkb.loads(bytes(row.geometry().asWkb()))
    assert drawn.bounds == pytest.approx((-180, -18, 180, -17)) and len(drawn.geoms) == 2
    assert drawn.area == pytest.approx(1.5, rel=1e-6)


@pytest.mark.parametrize('cores', [
    [quadrangle(179.9, 60, 180, 60.1), quadrangle(-180, 60, -179.9, 60.1)],
    [quadrangle(179.9, 60, 180.1, 60.1)]], ids=['split at 180', 'longitudes above 180'])
def test_zones_across_the_antimeridian_are_those_of_the_same_core_anywhere_else(qgis_app, cores):
    """The same 0.2 x 0.1 degree core at 20 E gives the reference zones: same areas, cut at 180 degrees."""
    expected = zones_of([quadrangle(20, 60, 20.2, 60.1)])
    zones = zones_of(cores)
    assert_zones_partition(zones)
    for name, (geometry, area_ha) in zones.items():
        assert area_ha == pytest.approx(expected[name][1], rel=1e-6), name
        assert len(geometry.geoms) == 2, name
        assert geometry.area == pytest.approx(expected[name][0].area, rel=1e-6), name
    assert ellipsoidal_km2(zones['core'][0].wkt) == pytest.approx(sum(ellipsoidal_km2(wkt) for wkt in cores),
                                                                   rel=1e-4)


def test_zones_of_a_polar_cap_ring_it(qgis_app):
    """A cap north of 89 N: the core keeps its area and a sensible size, buffer and transition are bands south
    of it (they once covered the core and the core had 732 018 vertices)."""
    cap = quadrangle(-180, 89, 180, 90)
    zones = zones_of([cap])
    assert_zones_partition(zones)
    core, area_ha = zones['core']
    assert area_ha / 100 == pytest.approx(ellipsoidal_km2(cap), rel=1e-3)
    assert core.bounds[1] == pytest.approx(89, abs=1e-6) and core.bounds[3] == pytest.approx(90)
    assert len(core.exterior.coords if core.geom_type == 'Polygon' else core.geoms[0].exterior.coords) < 100000
    buffer_bounds = zones['buffer'][0].bounds
    assert buffer_bounds[3] == pytest.approx(89, abs=1e-6)
    assert buffer_bounds[1] == pytest.approx(89 - 1000 / 111694, abs=2e-4)


# --- links of a corridor network edited by hand ------------------------------------------------------------------

LINK_READERS = ['pinchpoints', 'barriers', 'centrality', 'gravitymodel']


def hand_links(rows, id_type='integer'):
    """A links layer "links" (UTM) with from_id, to_id of ``id_type`` and cwd, one straight line per row."""
    fields = 'field=from_id:{0}&field=to_id:{0}&field=cwd:double'.format(id_type)
    return memory_layer('links', 'LineString', UTM, fields, [
        ('LINESTRING(501000 4005000, 505000 4001000)', list(row)) for row in rows])


@pytest.mark.parametrize('algorithm', LINK_READERS)
@pytest.mark.parametrize('rows,message', [
    ([(1, 2, 4000.0), (3, 3, 100.0)], 'Layer "links": feature id 2 joins core 3 to itself'),
    ([(1, 2, 4000.0), (1, 3, 3500.0), (2, 1, 4000.0)], 'Layer "links": features id 1 and 3 both join cores 1 and 2'),
    ([(1, 2, 4000.0), (None, 3, 3500.0)], 'Layer "links": feature id 2 has no value in the field "from_id"'),
], ids=['to itself', 'twice', 'no end'])
def test_a_link_to_its_own_core_twice_or_without_an_end_is_refused_naming_it(qgis_app, tmp_path, algorithm, rows,
                                                                               message):
    """Such links never come out of corridornetwork but do from an edited links layer: barriers crashed on a
    link to its own core, pinchpoints said "only one focal node", centrality gave such a link 0 and counted a
    link given twice as two parallel resistors, gravitymodel ranked a source's interaction with itself first and
    wrote a link given twice twice, moving the mean that decides which links are important."""
    parameters = dict(scenario(algorithm, tmp_path, mixed=False), LINKS=hand_links(rows))
    before = set(os.listdir(tmp_path))
    with pytest.raises(QgsProcessingException) as raised:
        run(algorithm, **parameters)
    assert message in str(raised.value), str(raised.value)
    assert 'Traceback' not in str(raised.value)
    assert set(os.listdir(tmp_path)) == before


def test_centrality_refuses_a_core_without_an_id_as_corridornetwork_does(qgis_app, tmp_path):
    """A core with a NULL id used to get a centrality of 0 with no word said."""
    parameters = scenario('centrality', tmp_path, mixed=False)
    parameters['CORES'] = memory_layer('cores', 'Polygon', UTM, 'field=id:integer', [
        (box(500500, 4004500, 501500, 4005500), [1]), (box(504500, 4000500, 505500, 4001500), [None]),
        (box(500500, 4000500, 501500, 4001200), [3])])
    parameters['LINKS'] = hand_links([(1, 3, 3500.0)])
    with pytest.raises(QgsProcessingException) as raised:
        run('centrality', **parameters)
    assert 'Layer "cores": feature id 2 has no value in the core id field "id"' in str(raised.value), str(
        raised.value)


@pytest.mark.parametrize('algorithm,output', [('centrality', 'OUTPUT_CORES'), ('gravitymodel', 'OUTPUT_LINKS')])
def test_link_ids_stored_as_reals_name_the_same_cores_as_in_pinchpoints(qgis_app, tmp_path, algorithm, output):
    """Ids read back as reals (1.0) from a file name the same cores as integers do, in every tool reading links
    (pinchpoints and barriers accepted them, centrality and gravitymodel said core 1.0 did not exist)."""
    parameters = dict(scenario(algorithm, tmp_path, mixed=False), OUTPUT_CORES='TEMPORARY_OUTPUT',
                      OUTPUT_LINKS='TEMPORARY_OUTPUT')
    if algorithm == 'gravitymodel':
        del parameters['OUTPUT_CORES']
    rows = [(1, 2, 4000.0), (1, 3, 3500.0)]
    expected = output_rows(run(algorithm, **dict(parameters, LINKS=hand_links(rows)))[output])
    as_reals = [(float(first), float(second), cwd) for first, second, cwd in rows]
    got = output_rows(run(algorithm, **dict(parameters, LINKS=hand_links(as_reals, 'double')))[output])
    assert_same_rows(got, expected, output)


def test_corridors_across_the_antimeridian_are_written_where_they_lie(qgis_app, tmp_path):
    """Cores in degrees on both sides of 180 (one of them split there), the resistance raster in UTM zone 1N: the
    link between the two sides used to jump 360 degrees from one vertex to the next (drawn across the whole map) and
    its corridor polygon to cover every longitude. The link's line keeps its length, the least-cost path's, and
    every corridor part lies within [-180, 180], as narrow as the corridor is."""
    from qgis.core import QgsDistanceArea
    resistance = geotiff(tmp_path / 'resistance.tif', np.ones((100, 160)), 200, epsg=32601, x0=315000, y0=6670000)
    cores = memory_layer('cores', 'MultiPolygon', 'EPSG:4326', 'field=id:integer', [
        (quadrangle(179.85, 60.0, 179.9, 60.05), [1]), (quadrangle(-179.9, 60.0, -179.85, 60.05), [2]),
        ('MULTIPOLYGON((({a} 60.1, 180 60.1, 180 60.12, {a} 60.12, {a} 60.1)),'
         '((-180 60.1, {b} 60.1, {b} 60.12, -180 60.12, -180 60.1)))'.format(a=179.95, b=-179.95), [3])])
    result = run('corridornetwork', CORES=cores, CORE_ID_FIELD='id', RESISTANCE=resistance,
                 temporary_outputs=('OUTPUT_LINKS', 'OUTPUT_CORRIDOR_POLYGONS', 'OUTPUT_CORRIDORS'))
    measure = QgsDistanceArea()
    measure.setSourceCrs(QgsCoordinateReferenceSystem('EPSG:4326'), QgsProject.instance().transformContext())
    measure.setEllipsoid('WGS84')
    links = {(link['from_id'], link['to_id']): link for link in result['OUTPUT_LINKS'].getFeatures()}
    assert set(links) == {(1, 2), (1, 3), (2, 3)}
    for pair, link in links.items():
        assert measure.measureLength(link.geometry()) == pytest.approx(link['lcp_length'], rel=0.01), pair
        longitudes = [vertex.x() for vertex in link.geometry().vertices()]
        assert max(abs(b - a) for a, b in zip(longitudes, longitudes[1:])) < 1, pair
    for corridor in result['OUTPUT_CORRIDOR_POLYGONS'].getFeatures():
        for part in wkb.loads(bytes(corridor.geometry().asWkb())).geoms:
            assert -180 <= part.bounds[0] and part.bounds[2] <= 180 and part.bounds[2] - part.bounds[0] < 1, (
                corridor['from_id'], corridor['to_id'], part.bounds)
