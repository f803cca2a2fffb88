"""optimisezones: a core / buffer / transition zoning solved exactly over a grid and validated in the same run."""

import numpy as np
import pytest
from osgeo import ogr
from qgis.core import QgsProcessingException, QgsVectorLayer
from shapely.geometry import box
from shapely.ops import unary_union

from reserve_planner.processing import compat
from reserve_planner.processing.engine import planning
from support import geopackage, geotiff, run, wkt_layer

CRS = 'EPSG:32650'
X0, Y0 = 500000.0, 4000000.0
SIDE = 3000.0


def reserve_layer():
    return wkt_layer('reserve', 'Polygon', CRS, ['POLYGON(({0} {1}, {2} {1}, {2} {3}, {0} {3}, {0} {1}))'.format(
        X0, Y0, X0 + SIDE, Y0 + SIDE)])


def hotspot_raster(tmp_path):
    """Value 10 in the central 1 km square of the 3 km reserve, 1 elsewhere (100 m cells)."""
    values = np.ones((30, 30))
    values[10:20, 10:20] = 10.0
    return geotiff(tmp_path / 'value.tif', values, 100.0, x0=X0, y0=Y0 + SIDE)


def test_unit_grid_tiles_the_reserve():
    reserve = box(0, 0, 1250, 900).union(box(0, 900, 300, 1400))
    for hexagonal in (False, True):
        cells = planning.unit_grid(reserve, 200.0, hexagonal)
        assert unary_union(cells).symmetric_difference(reserve).area == pytest.approx(0, abs=1e-3)
        assert sum(cell.area for cell in cells) == pytest.approx(reserve.area)


def test_optimised_zoning_is_valid_and_holds_the_targets(tmp_path):
    result = run('optimisezones', temporary_outputs=('OUTPUT', 'OUTPUT_UNITS'), BOUNDARY_LAYER=reserve_layer(),
                 GRID_TYPE=0, CELL_SIZE=500.0, VALUES=[hotspot_raster(tmp_path)], TARGET=0.3,
                 ZONE_TARGETS='0.2,0,0', TIME_LIMIT=120)
    assert result['ERROR_COUNT'] == 0
    assert result['OPTIMAL'] is True
    zones = {feature['zone']: feature for feature in result['OUTPUT'].getFeatures()}
    assert set(zones) <= {'core', 'buffer', 'transition'} and 'core' in zones
    assert sum(feature['area_ha'] for feature in zones.values()) == pytest.approx(SIDE * SIDE / 1e4)
    core = zones['core'].geometry()
    reserve_edge = reserve_layer().getFeature(1).geometry()
    outside_edge = reserve_edge.convertToType(compat.GeometryType.Line)
    assert not core.intersects(outside_edge)  # the core keeps away from the outside land
    # value in the core: 10 per hectare cell in the central square km, 1 elsewhere; total 800 + 1000 = 1800
    hotspot = core.intersection(reserve_layer().getFeature(1).geometry().buffer(-1000, 1)).area() / 1e4
    core_value = 10 * hotspot + (core.area() / 1e4 - hotspot)
    assert core_value >= 0.2 * 1800 - 1e-6
    units = list(result['OUTPUT_UNITS'].getFeatures())
    assert len(units) == 36 and {feature['zone'] for feature in units} == set(zones)


def test_the_validation_counts_equal_validatezones_on_the_output(tmp_path):
    result = run('optimisezones', temporary_outputs=('OUTPUT',), BOUNDARY_LAYER=reserve_layer(), GRID_TYPE=1,
                 CELL_SIZE=600.0, VALUES=[hotspot_raster(tmp_path)], ZONE_BOUNDARY_COSTS='core-outside=0',
                 ZONE_TARGETS='0.3,0,0', PROFILE=0)
    checked = run('validatezones', temporary_outputs=('OUTPUT',), ZONES=result['OUTPUT'],
                  BOUNDARY=reserve_layer(), PROFILE=0)
    assert (result['ERROR_COUNT'], result['WARNING_COUNT']) == (checked['ERROR_COUNT'], checked['WARNING_COUNT'])


@pytest.mark.parametrize('parameters, words', [
    ({'ZONE_COSTS': '1,2'}, 'ZONE_COSTS needs three numbers'),
    ({'ZONE_BOUNDARY_COSTS': 'core-sea=3'}, '"core-sea=3" is not a pair of zones'),
    ({'ZONE_TARGETS': '1.2,0,0'}, 'target proportion 1.2'),
])
def test_bad_settings_are_named(tmp_path, parameters, words):
    with pytest.raises(QgsProcessingException, match=words):
        run('optimisezones', temporary_outputs=('OUTPUT',), BOUNDARY_LAYER=reserve_layer(), CELL_SIZE=1000.0,
            VALUES=[hotspot_raster(tmp_path)], **parameters)


@pytest.mark.parametrize('case, words', [
    ('empty boundary', 'The reserve boundary layer "reserve" has no features'),
    ('pressure elsewhere', 'The pressure raster "pressure.tif" has no data under any planning unit'),
    ('values elsewhere', 'Feature layer "value.tif" has nothing in any planning unit'),
])
def test_inputs_that_hold_nothing_for_the_reserve_are_named(tmp_path, case, words):
    """An empty boundary layer ended in a ValueError traceback; a pressure raster beside the reserve made every
    unit cost its bare area, and a value raster beside it a target of 0, both with exit 0."""
    parameters = dict(BOUNDARY_LAYER=reserve_layer(), CELL_SIZE=1000.0, VALUES=[hotspot_raster(tmp_path)])
    beside = dict(x0=X0 + 50000, y0=Y0 + SIDE)
    if case == 'empty boundary':
        parameters['BOUNDARY_LAYER'] = wkt_layer('reserve', 'Polygon', CRS, [])
    elif case == 'pressure elsewhere':
        parameters['PRESSURE'] = geotiff(tmp_path / 'pressure.tif', np.ones((30, 30)), 100.0, **beside)
    else:
        parameters['VALUES'] = [geotiff(tmp_path / 'value.tif', np.ones((30, 30)), 100.0, **beside)]
    with pytest.raises(QgsProcessingException, match=words):
        run('optimisezones', temporary_outputs=('OUTPUT',), **parameters)


def unit_zones(layer):
    """[(x, y of the unit's centroid to the centimetre, zone)] of an OUTPUT_UNITS layer, sorted."""
    return sorted((round(f.geometry().centroid().asPoint().x(), 2), round(f.geometry().centroid().asPoint().y(), 2),
                   f['zone']) for f in layer.getFeatures())


@pytest.mark.external
@pytest.mark.slow
def test_qgis_process_gives_the_processing_run_zoning(qgis_process, tmp_path):
    """A batch user's run from the command line: the reserve as a GeoPackage, two value rasters as repeated VALUES=,
    a pressure raster, hexagons, outputs to GeoPackages in a folder with a Chinese name; the same zoning, objective
    and validation counts as processing.run on the same files."""
    folder = tmp_path / '功能区'
    reserve = geopackage(str(folder / 'reserve.gpkg'), 32650, [('名称', ogr.OFTString)],
                         [(reserve_layer().getFeature(1).geometry().asWkt(), {'名称': '保护区'})])
    hotspot = hotspot_raster(folder)
    random = np.random.default_rng(3)
    birds = geotiff(folder / 'birds.tif', random.uniform(0.0, 5.0, (30, 30)), 100.0, x0=X0, y0=Y0 + SIDE)
    pressure = geotiff(folder / 'pressure.tif', random.uniform(0.0, 1.0, (30, 30)), 100.0, x0=X0, y0=Y0 + SIDE)
    parameters = dict(BOUNDARY_LAYER=reserve, PRESSURE=pressure, GRID_TYPE=1, CELL_SIZE=600.0, TARGET=0.3,
                      ZONE_TARGETS='0.2,0,0', PROFILE=0, TIME_LIMIT=120)
    expected = run('optimisezones', temporary_outputs=('OUTPUT', 'OUTPUT_UNITS'), VALUES=[hotspot, birds],
                   **parameters)
    outputs = dict(OUTPUT=str(folder / 'zones.gpkg'), OUTPUT_UNITS=str(folder / 'units.gpkg'))
    returncode, result, log = qgis_process('optimisezones', 'VALUES=' + hotspot, 'VALUES=' + birds, **parameters,
                                           **outputs)
    assert returncode == 0, log
    results = result['results']
    assert results['OPTIMAL'] is True and expected['OPTIMAL'] is True
    for name in ('OBJECTIVE', 'COST', 'BOUNDARY'):
        assert results[name] == pytest.approx(expected[name]), name
    assert (results['ERROR_COUNT'], results['WARNING_COUNT']) == (expected['ERROR_COUNT'], expected['WARNING_COUNT'])
    units = unit_zones(QgsVectorLayer(outputs['OUTPUT_UNITS']))
    assert len({zone for _x, _y, zone in units}) >= 2 and units == unit_zones(expected['OUTPUT_UNITS'])
    areas = {f['zone']: f['area_ha'] for f in QgsVectorLayer(outputs['OUTPUT']).getFeatures()}
    assert areas == pytest.approx({f['zone']: f['area_ha'] for f in expected['OUTPUT'].getFeatures()})
