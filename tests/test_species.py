"""Species coverage (Map of Life target share, SPS, SPI: docs/coverage.md), the species-area arithmetic
(docs/species_area.md), reserveplanner:habitatcoverage and reserveplanner:speciesarea.

Expected values are worked out by hand from the published formulas, from symmetry on the ellipsoid, or with
QgsDistanceArea; the numbers 84 % and 62 % are the Half-Earth figures quoted in docs/species_area.md.
"""

import math
from functools import partial

import numpy as np
import pandas as pd
import processing
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from osgeo import gdal, osr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsDistanceArea,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsRasterLayer,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from shapely.geometry import box
from shapely.ops import unary_union

from coverage_layers import ellipsoidal_km2, quadrangle
from reserve_planner.processing.engine import coverage, species_area
from reserve_planner.processing.engine.feedback import Feedback
from reserve_planner.processing.engine.messages import Canceled
from reserve_planner.processing.engine.messages import EngineError
from support import FIJI, RecordingFeedback, geotiff, memory_layer, run

LOG10_LARGE = math.log10(2.5e5)   # 5.39794...


# --- Map of Life target share and species protection score ------------------------------------------------------

@pytest.mark.parametrize('range_km2, expected', [
    (1.0, 1.0), (9999.0, 1.0), (1e4, 1.0),
    (5e4, 0.575),                                             # geometric mean of the breakpoints: halfway in log10
    (1e5, 1.0 - 0.85 * (5.0 - 4.0) / (LOG10_LARGE - 4.0)),    # 0.39195...
    (2.5e5, 0.15), (2.5e5 + 1, 0.15), (1e7, 0.15)])
def test_map_of_life_target_share_at_and_between_the_breakpoints(range_km2, expected):
    assert coverage.target_share(range_km2) == pytest.approx(expected)


def test_target_share_is_continuous_at_the_breakpoints():
    assert coverage.target_share(1e4 * (1 + 1e-9)) == pytest.approx(1.0, abs=1e-6)
    assert coverage.target_share(2.5e5 * (1 - 1e-9)) == pytest.approx(0.15, abs=1e-6)


@pytest.mark.parametrize('protected_km2, range_km2, expected', [
    (2500.0, 5000.0, 50.0),          # small range: the whole range is the target
    (5000.0, 5000.0, 100.0),
    (75000.0, 1e6, 50.0),            # large range: target 15 % = 150 000 km2
    (300000.0, 1e6, 100.0),          # twice the target is capped at 100
    (0.0, 1e6, 0.0), (0.0, 0.0, 0.0)])
def test_species_protection_score(protected_km2, range_km2, expected):
    assert coverage.protection_score(protected_km2, range_km2) == pytest.approx(expected)


@settings(max_examples=200, deadline=None)
@given(st.floats(0.0, 1e8), st.floats(0.0, 1e8), st.floats(0.0, 1.0))
def test_target_share_never_rises_with_range_size_and_sps_stays_within_0_100(area, other, protected_share):
    small, large = sorted((area, other))
    assert 0.15 <= coverage.target_share(large) <= coverage.target_share(small) <= 1.0
    assert 0.0 <= coverage.protection_score(protected_share * area, area) <= 100.0


def test_spi_is_the_sps_mean_weighted_by_the_regions_share_of_each_range():
    assert coverage.species_protection_index([100.0, 50.0, 0.0], [1.0, 0.5, 0.5]) == pytest.approx(62.5)
    assert coverage.species_protection_index([], []) == 0.0


def test_group_table_gives_the_share_of_each_groups_habitat_protected():
    species = coverage.species_table(['a', 'b', 'c'], ['Mammalia', 'Mammalia', 'Aves'], [1000.0, 3000.0, 2000.0],
                                     [100.0, 616.0, 0.0], [1000.0, 3000.0, 2000.0])
    groups = coverage.group_table(species).set_index('group')
    assert groups.loc['Mammalia', 'percent'] == pytest.approx(100 * 716.0 / 4000.0)   # 17.9 %
    assert groups.loc['Mammalia', 'species_count'] == 2
    assert groups.loc['Mammalia', 'spi'] == pytest.approx((10.0 + 616.0 / 30.0) / 2)
    assert groups.loc['Aves', 'percent'] == 0.0


def test_range_coverage_with_a_boundary():
    ranges = [box(0, 0, 4000, 1000), box(10000, 0, 12000, 1000)]
    pieces = [box(0, 0, 1000, 1000), box(11500, 0, 13000, 1000)]
    range_km2, protected_km2, whole_km2 = coverage.range_coverage(ranges, pieces, boundary=box(0, 0, 11000, 1000))
    assert range_km2.tolist() == pytest.approx([4.0, 1.0])
    assert protected_km2.tolist() == pytest.approx([1.0, 0.0])
    assert whole_km2.tolist() == pytest.approx([4.0, 2.0])


def test_the_target_comes_from_the_whole_range_and_the_score_from_the_part_in_the_region():
    """A 1e6 km2 range with 5 000 km2 in the region: t = 15 % (whole range >= 2.5e5 km2), applied to the 5 000 km2
    in the region, so 10 % of them protected scores 100 x 500 / (0.15 x 5 000) = 66.7 and half of them 100."""
    frame = coverage.species_table(['a', 'b'], ['g', 'g'], [5000.0, 5000.0], [500.0, 2500.0], [1e6, 1e6])
    assert frame['target_pct'].tolist() == pytest.approx([15.0, 15.0])
    assert frame['sps'].tolist() == pytest.approx([200.0 / 3, 100.0])
    assert frame['percent'].tolist() == pytest.approx([10.0, 50.0])
    assert frame['region_share'].tolist() == pytest.approx([0.005, 0.005])
    assert coverage.protection_score(500.0, 5000.0, 1e6) == pytest.approx(200.0 / 3)


# --- raster habitat ------------------------------------------------------------------------------------------

def test_geographic_cell_areas_are_exact_on_the_ellipsoid():
    areas = coverage.cell_areas_m2((-180.0, 1.0, 0.0, 90.0, 0.0, -1.0), 180, geographic=True)
    assert areas.sum() * 360 / 1e6 == pytest.approx(510065621.7, rel=1e-9)   # GRS80's surface area in km2
    measure = QgsDistanceArea()
    measure.setSourceCrs(QgsCoordinateReferenceSystem('EPSG:4326'), QgsProject.instance().transformContext())
    measure.setEllipsoid('GRS80')
    for row, north in ((89, 1), (29, 61)):
        cell = QgsGeometry.fromWkt(box(0, north - 1, 1, north).wkt).densifyByCount(100)
        assert areas[row, 0] == pytest.approx(measure.measureArea(cell), rel=1e-4)


def test_projected_cell_areas():
    areas = coverage.cell_areas_m2((0, 100.0, 0, 0, 0, -100.0), 2, geographic=False)
    assert areas.ravel().tolist() == [1e4, 1e4]


def test_raster_read_block_by_block_gives_the_same_totals(tmp_path):
    path = habitat_raster(tmp_path / 'habitat.tif')
    protected = [box(4321000, 3211400, 4322900, 3214000)]
    region = box(4321000, 3212000, 4325000, 3214000)
    whole = coverage.raster_habitat_coverage(path, protected, region)
    assert whole == pytest.approx((5.0, 4.0, 6.0))
    assert coverage.raster_habitat_coverage(path, protected, region, block_rows=1) == pytest.approx(whole)


def test_one_pass_over_the_raster_gives_each_region_what_it_gets_alone(tmp_path):
    """A report over many counties reads the raster once: neighbouring regions and a region outside the raster
    each get the figures they get alone, and together those of their union."""
    path = habitat_raster(tmp_path / 'habitat.tif')
    protected = [box(4321000, 3211400, 4322900, 3214000)]
    regions = [box(4321000, 3212000, 4322500, 3214000), box(4322500, 3211000, 4325000, 3214000),
               box(0, 0, 1000, 1000)]
    whole, inside, protected_km2 = coverage.raster_habitat_by_region(path, protected, regions, block_rows=1)
    alone = [coverage.raster_habitat_coverage(path, protected, region) for region in regions]
    assert inside.tolist() == pytest.approx([figures[0] for figures in alone])
    assert protected_km2.tolist() == pytest.approx([figures[1] for figures in alone])
    assert whole == pytest.approx(alone[0][2])
    assert inside[0] > 0 and inside[1] > 0 and inside[2] == 0
    union = coverage.raster_habitat_coverage(path, protected, unary_union(regions))
    assert union == pytest.approx((inside.sum(), protected_km2.sum(), whole))


def test_raster_reading_reports_progress_block_by_block_and_stops_when_cancelled(tmp_path):
    path = habitat_raster(tmp_path / 'habitat.tif')
    reported, asked = [], []
    coverage.raster_habitat_coverage(path, [], block_rows=1, feedback=Feedback(reported.append))
    assert reported == pytest.approx([25.0, 50.0, 75.0, 100.0])   # 4 rows read one at a time

    def cancel_at_the_third_block():
        asked.append(True)
        return len(asked) == 3

    with pytest.raises(Canceled):
        coverage.raster_habitat_coverage(path, [], block_rows=1,
                                         feedback=Feedback(is_canceled=cancel_at_the_third_block))
    assert len(asked) == 3


def test_habitatcoverage_progress_moves_through_the_rasters(qgis_app, tmp_path):
    """Four steps (cleaning, ranges, rasters, writing): the progress bar reaches 75 % once the raster is read."""
    raster = QgsRasterLayer(habitat_raster(tmp_path / 'habitat.tif'), 'habitat')
    feedback = QgsProcessingFeedback()
    progress = []
    feedback.progressChanged.connect(progress.append)
    run_habitat(feedback, HABITAT_RASTERS=[raster], PROTECTED=[protected_areas()])
    assert max(progress) == pytest.approx(75.0)


@pytest.mark.parametrize('caller_uses_exceptions', [False, True])
@pytest.mark.parametrize('name, content', [('缺失.tif', None), ('损坏.tif', b'not a raster')])
def test_an_unreadable_raster_is_an_engine_error_naming_it(tmp_path, caller_uses_exceptions, name, content):
    """Whatever GDAL's exception setting in the caller (QGIS leaves it off, another plugin may switch it on)."""
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    was_on = gdal.GetUseExceptions()
    (gdal.UseExceptions if caller_uses_exceptions else gdal.DontUseExceptions)()
    try:
        with pytest.raises(EngineError) as raised:
            coverage.raster_habitat_coverage(str(path), [])
        assert raised.value.params['path'] == str(path) and str(path) in str(raised.value)
        assert bool(gdal.GetUseExceptions()) == caller_uses_exceptions
    finally:
        (gdal.UseExceptions if was_on else gdal.DontUseExceptions)()


# --- species-area arithmetic (docs/species_area.md) -----------------------------------------------------------

def test_half_earth_numbers():
    assert round(100 * species_area.persisting_share(0.5, 0.25)) == 84
    assert round(100 * species_area.persisting_share(0.15, 0.25)) == 62
    assert species_area.area_needed(0.5 ** 0.25, 0.25) == pytest.approx(0.5)
    assert species_area.area_needed(0.9, 0.25) == pytest.approx(0.6561)


def test_species_area_table_and_bad_values():
    table = species_area.species_area_table(0.5, 0.9, (0.25, 0.15, 0.25))
    assert table['z'].tolist() == [0.15, 0.25]
    assert table['persisting_pct'].tolist() == pytest.approx([100 * 0.5 ** 0.15, 100 * 0.5 ** 0.25])
    assert table['area_needed_pct'].tolist() == pytest.approx([100 * 0.9 ** (1 / 0.15), 100 * 0.9 ** 4])
    with pytest.raises(EngineError, match='between 0 and 100'):
        species_area.persisting_share(1.5)
    with pytest.raises(EngineError, match='must be positive'):
        species_area.area_needed(0.5, 0.0)


def test_speciesarea_algorithm(qgis_app):
    result = processing.run('reserveplanner:speciesarea', {'COVERAGE': 50, 'Z': 0.25, 'SPECIES_SHARE': 62.23,
                                                           'OUTPUT': 'TEMPORARY_OUTPUT'})
    assert result['PERSISTING_PERCENT'] == pytest.approx(84.09, abs=0.01)
    assert result['AREA_NEEDED_PERCENT'] == pytest.approx(15.0, abs=0.01)
    rows = {round(feature['z'], 2): feature['persisting_pct'] for feature in result['OUTPUT'].getFeatures()}
    assert sorted(rows) == [0.15, 0.2, 0.25, 0.3, 0.35, 0.4]
    assert rows[0.4] == pytest.approx(100 * 0.5 ** 0.4)


@pytest.mark.slow
@pytest.mark.external
def test_speciesarea_through_qgis_process(qgis_process, tmp_path):
    returncode, result, log = qgis_process('speciesarea', COVERAGE=15, OUTPUT=str(tmp_path / '表.gpkg'))
    assert returncode == 0, log
    assert result['results']['PERSISTING_PERCENT'] == pytest.approx(62.23, abs=0.01)


# --- reserveplanner:habitatcoverage ----------------------------------------------------------------------------

def polygon_layer(name, crs, fields, rows):
    return memory_layer(name, 'Polygon', crs, fields, rows)


def species_ranges():
    """Two mammals and a bird in WGS 84; the first mammal's range is in two features."""
    return polygon_layer('ranges', 'EPSG:4326', 'field=物种:string&field=class:string', [
        (quadrangle(100, 30, 101, 31), ['Ailuropoda melanoleuca', 'Mammalia']),
        (quadrangle(101, 30, 102, 31), ['Ailuropoda melanoleuca', 'Mammalia']),
        (quadrangle(100, 20, 110, 30), ['Elephas maximus', 'Mammalia']),
        (quadrangle(103, 30, 104, 31), ['Grus nigricollis', 'Aves'])])


def protected_areas():
    return polygon_layer('wdpa', 'EPSG:4490', 'field=STATUS:string', [
        (quadrangle(100, 30, 101, 31), ['Designated']),        # half of the panda's range
        (quadrangle(100, 20, 101, 30), ['Designated']),        # a tenth of the elephant's
        (quadrangle(103, 30, 104, 31), ['Proposed'])])        # not protected yet


run_habitat = partial(run, 'habitatcoverage', temporary_outputs=('OUTPUT', 'OUTPUT_GROUPS'))
"""processing.run of reserveplanner:habitatcoverage, both layers temporary outputs unless given."""


def test_habitatcoverage_per_species_per_group_and_spi(qgis_app, tmp_path):
    report = tmp_path / 'habitat.html'
    result = run_habitat(SPECIES=species_ranges(), SPECIES_FIELD='物种', GROUP_FIELD='class',
                         PROTECTED=[protected_areas()], OUTPUT_HTML=str(report))
    species = {feature['species']: feature for feature in result['OUTPUT'].getFeatures()}
    panda_km2 = ellipsoidal_km2(quadrangle(100, 30, 102, 31))
    elephant_km2 = ellipsoidal_km2(quadrangle(100, 20, 110, 30))
    crane_km2 = ellipsoidal_km2(quadrangle(103, 30, 104, 31))
    panda, elephant, crane = (species[name] for name in ('Ailuropoda melanoleuca', 'Elephas maximus',
                                                         'Grus nigricollis'))
    assert panda['range_km2'] == pytest.approx(panda_km2, rel=1e-4)
    assert panda['percent'] == pytest.approx(50.0, abs=0.01)
    assert panda['target_pct'] == pytest.approx(100.0 * (1 - 0.85 * (math.log10(panda_km2) - 4) / (LOG10_LARGE - 4)),
                                                rel=1e-4)
    assert elephant['percent'] == pytest.approx(10.0, abs=0.01)
    assert elephant['target_pct'] == pytest.approx(15.0)
    assert elephant['sps'] == pytest.approx(100 * 0.10 / 0.15, abs=0.01)
    assert crane['protected_km2'] == 0.0 and crane['sps'] == 0.0
    assert crane['range_km2'] == pytest.approx(crane_km2, rel=1e-4)
    groups = {feature['group']: feature for feature in result['OUTPUT_GROUPS'].getFeatures()}
    mammal_protected = panda_km2 / 2 + elephant_km2 / 10
    assert groups['Mammalia']['percent'] == pytest.approx(100 * mammal_protected / (panda_km2 + elephant_km2),
                                                          abs=0.01)
    assert groups['Mammalia']['species_count'] == 2 and groups['Aves']['percent'] == 0.0
    assert result['SPI'] == pytest.approx((panda['sps'] + elephant['sps'] + crane['sps']) / 3)
    assert result['SPECIES_COUNT'] == 3
    text = report.read_text(encoding='utf-8')
    assert 'data:image/png;base64,' in text and 'Ailuropoda melanoleuca' in text and 'Mammalia' in text


def test_boundary_clips_ranges_and_weights_the_spi(qgis_app):
    boundary = polygon_layer('province', 'EPSG:4490', 'field=name:string', [(quadrangle(100, 25, 110, 31), ['p'])])
    result = run_habitat(SPECIES=species_ranges(), SPECIES_FIELD='物种', PROTECTED=[protected_areas()],
                         BOUNDARY=boundary)
    species = {feature['species']: feature for feature in result['OUTPUT'].getFeatures()}
    elephant = species['Elephas maximus']
    north_half = ellipsoidal_km2(quadrangle(100, 25, 110, 30))
    assert elephant['range_km2'] == pytest.approx(north_half, rel=1e-4)
    assert elephant['region_share'] == pytest.approx(north_half / ellipsoidal_km2(quadrangle(100, 20, 110, 30)),
                                                     rel=1e-4)
    assert elephant['percent'] == pytest.approx(10.0, abs=0.01)
    assert species['Ailuropoda melanoleuca']['region_share'] == pytest.approx(1.0, rel=1e-5)
    weights = [feature['region_share'] for feature in species.values()]
    scores = [feature['sps'] for feature in species.values()]
    assert result['SPI'] == pytest.approx(sum(w * s for w, s in zip(weights, scores)) / sum(weights))


def test_national_score_uses_the_target_of_the_whole_range(qgis_app):
    """Map of Life's national SPS: a 1 000 km x 1 000 km range (1e6 km2, t = 15 %) with 5 000 km2 in the region, half of
    which is protected: 2 500 / (0.15 x 5 000) is over the target, SPS 100 (a target from the 5 000 km2 alone is
    100 % and gave 50)."""
    ranges = polygon_layer('ranges', 'EPSG:3035', 'field=name:string', [
        (box(4000000, 3000000, 5000000, 4000000).wkt, ['Panthera tigris'])])
    boundary = polygon_layer('province', 'EPSG:3035', 'field=name:string', [
        (box(4400000, 3400000, 4450000, 3500000).wkt, ['p'])])
    protected = polygon_layer('wdpa', 'EPSG:3035', 'field=STATUS:string', [
        (box(4400000, 3400000, 4450000, 3450000).wkt, ['Designated'])])
    result = run_habitat(SPECIES=ranges, SPECIES_FIELD='name', PROTECTED=[protected], BOUNDARY=boundary)
    row = next(result['OUTPUT'].getFeatures())
    assert row['range_km2'] == pytest.approx(5000.0, rel=1e-4)
    assert row['percent'] == pytest.approx(50.0, abs=0.01)
    assert row['target_pct'] == pytest.approx(15.0)
    assert row['sps'] == pytest.approx(100.0)
    assert row['region_share'] == pytest.approx(0.005, rel=1e-3)


def test_habitat_raster_target_comes_from_all_its_habitat(qgis_app, tmp_path):
    """20 habitat cells of 125 km x 125 km (15 625 km2 each, 312 500 km2 in all: t = 15 %); the region holds 10 of
    them, one protected: SPS = 100 x 15 625 / (0.15 x 156 250) = 66.7."""
    cell = 125000.0
    raster = QgsRasterLayer(geotiff(tmp_path / 'habitat.tif', np.ones((1, 20)), cell, epsg=3035, x0=4000000.0,
                                    y0=3000000.0), 'Ursus arctos')
    boundary = polygon_layer('province', 'EPSG:3035', 'field=name:string', [
        (box(4000000 - 1000, 3000000 - cell - 1000, 4000000 + 10 * cell - 30000, 3000000 + 1000).wkt, ['p'])])
    protected = polygon_layer('wdpa', 'EPSG:3035', 'field=STATUS:string', [
        (box(4000000 - 1000, 3000000 - cell - 1000, 4000000 + cell - 30000, 3000000 + 1000).wkt, ['Designated'])])
    result = run_habitat(HABITAT_RASTERS=[raster], PROTECTED=[protected], BOUNDARY=boundary)
    row = next(result['OUTPUT'].getFeatures())
    assert row['range_km2'] == pytest.approx(156250.0)
    assert row['protected_km2'] == pytest.approx(15625.0)
    assert row['target_pct'] == pytest.approx(15.0)
    assert row['sps'] == pytest.approx(200.0 / 3, abs=1e-6)
    assert row['region_share'] == pytest.approx(0.5)


@pytest.mark.parametrize('crs, accepted', [('ESRI:54009', True), ('EPSG:6933', True), ('EPSG:8857', True),
                                           ('EPSG:3395', False), ('EPSG:3031', False), ('EPSG:3413', False)])
def test_a_habitat_raster_in_a_world_projection_is_taken_when_it_keeps_areas(qgis_app, tmp_path, crs, accepted):
    """Mollweide (GHSL), EASE-Grid 2.0 and Equal Earth keep areas: their 1 km cells are 1 km2 and the run takes them
    as it takes LAEA Europe's. World Mercator does not (a cell near 50 N is 0.4 km2) and is refused, and so is polar
    stereographic (Antarctica's EPSG:3031, NSIDC's EPSG:3413), whose 1 km cells measure 1.06 km2 at the pole and
    0.93 km2 at 60 degrees of latitude."""
    raster = QgsRasterLayer(habitat_raster(tmp_path / 'habitat.tif'), 'Ursus arctos')
    raster.setCrs(QgsCoordinateReferenceSystem(crs))
    x0, y0 = 4321000.0, 3214000.0
    protected = polygon_layer('wdpa', crs, 'field=STATUS:string', [(box(x0, y0 - 1000, x0 + 2000, y0).wkt,
                                                                    ['Designated'])])
    if not accepted:
        with pytest.raises(QgsProcessingException, match='whose cells do not have true areas'):
            run_habitat(HABITAT_RASTERS=[raster], PROTECTED=[protected])
        return
    row = next(run_habitat(HABITAT_RASTERS=[raster], PROTECTED=[protected])['OUTPUT'].getFeatures())
    assert row['range_km2'] == pytest.approx(6.0) and row['protected_km2'] == pytest.approx(2.0)


def test_an_all_nodata_habitat_raster_is_warned_about_by_name(qgis_app, tmp_path):
    empty = QgsRasterLayer(geotiff(tmp_path / '空.tif', np.full((2, 2), np.nan), 1000.0, epsg=3035, x0=4321000.0,
                                   y0=3214000.0), 'Panthera tigris')
    feedback = RecordingFeedback()
    result = run_habitat(feedback, HABITAT_RASTERS=[empty], PROTECTED=[protected_areas()])
    assert result['SPECIES_COUNT'] == 1
    assert any('The habitat raster "空.tif" has no habitat cell' in line for line in feedback.lines)


def habitat_raster(path):
    """A 4 x 4 raster of 1 km cells in ETRS89 / LAEA Europe: 6 habitat cells, one nodata cell."""
    return geotiff(path, np.array([[1, 1, 1, 0], [1, 1, 0, 0], [1, 0, 0, -1], [0, 0, 0, 0]], dtype=np.float32), 1000.0,
                   epsg=3035, x0=4321000.0, y0=3214000.0, nodata=-1, data_type=gdal.GDT_Float32)


def test_habitat_raster_counts_cells_whose_centre_is_protected(qgis_app, tmp_path):
    raster = QgsRasterLayer(habitat_raster(tmp_path / '栖息地.tif'), 'Rhinopithecus roxellana')
    # covers the centres of the two left cells of the top row and of the first cell of the third row
    protected = polygon_layer('wdpa', 'EPSG:3035', 'field=STATUS:string', [
        (box(4321000, 3213100, 4322900, 3214000).wkt, ['Designated']),
        (box(4321000, 3211400, 4321600, 3212100).wkt, ['Designated'])])
    result = run_habitat(HABITAT_RASTERS=[raster], RASTER_GROUP='Primates', PROTECTED=[protected])
    row = next(result['OUTPUT'].getFeatures())
    assert (row['species'], row['group']) == ('Rhinopithecus roxellana', 'Primates')
    assert row['range_km2'] == pytest.approx(6.0)
    assert row['protected_km2'] == pytest.approx(3.0)
    assert row['target_pct'] == 100.0 and row['sps'] == pytest.approx(50.0)


def test_geographic_habitat_raster_with_a_boundary(qgis_app, tmp_path):
    """Two 1-degree habitat cells at 30-31 N and 31-32 N; the protected area and the boundary hold the southern one."""
    dataset = gdal.GetDriverByName('GTiff').Create(str(tmp_path / 'habitat.tif'), 1, 2, 1, gdal.GDT_Byte)
    dataset.SetGeoTransform((100.0, 1.0, 0, 32.0, 0, -1.0))
    reference = osr.SpatialReference()
    reference.ImportFromEPSG(4326)
    dataset.SetProjection(reference.ExportToWkt())
    dataset.GetRasterBand(1).WriteArray(np.array([[1], [1]], dtype=np.uint8))
    dataset = None
    raster = QgsRasterLayer(str(tmp_path / 'habitat.tif'), 'Grus japonensis')
    protected = polygon_layer('wdpa', 'EPSG:4490', 'field=STATUS:string', [(quadrangle(100, 30, 101, 31),
                                                                           ['Designated'])])
    boundary = polygon_layer('province', 'EPSG:4490', 'field=name:string', [(quadrangle(99, 29.5, 102, 31), ['p'])])
    result = run_habitat(HABITAT_RASTERS=[raster], PROTECTED=[protected], BOUNDARY=boundary)
    row = next(result['OUTPUT'].getFeatures())
    south, north = ellipsoidal_km2(quadrangle(100, 30, 101, 31)), ellipsoidal_km2(quadrangle(100, 31, 101, 32))
    assert row['range_km2'] == pytest.approx(south, rel=1e-4)
    assert row['protected_km2'] == pytest.approx(south, rel=1e-4)
    assert row['region_share'] == pytest.approx(south / (south + north), rel=1e-4)
    assert row['group'] == 'Habitat rasters'


def test_geographic_habitat_raster_across_the_antimeridian(qgis_app, tmp_path):
    """A band of 1-degree habitat cells around the globe at 17-18 S and a Fiji-like protected area from 177 E to
    178 W, stored as WDPA stores it (two parts ending at 180 E and 180 W): the five cells whose centres it holds are
    protected, not the whole band its outline spans once measured in metres and moved back to degrees."""
    dataset = gdal.GetDriverByName('GTiff').Create(str(tmp_path / 'habitat.tif'), 360, 1, 1, gdal.GDT_Byte)
    dataset.SetGeoTransform((-180.0, 1.0, 0, -17.0, 0, -1.0))
    reference = osr.SpatialReference()
    reference.ImportFromEPSG(4326)
    dataset.SetProjection(reference.ExportToWkt())
    dataset.GetRasterBand(1).WriteArray(np.ones((1, 360), dtype=np.uint8))
    dataset = None
    raster = QgsRasterLayer(str(tmp_path / 'habitat.tif'), 'Pterodroma')
    protected = polygon_layer('wdpa', 'EPSG:4326', 'field=STATUS:string', [(FIJI, ['Designated'])])
    row = next(run_habitat(HABITAT_RASTERS=[raster], PROTECTED=[protected])['OUTPUT'].getFeatures())
    cell = ellipsoidal_km2(quadrangle(0, -18, 1, -17))
    assert row['range_km2'] == pytest.approx(360 * cell, rel=1e-4)
    assert row['protected_km2'] == pytest.approx(5 * cell, rel=1e-4)


@pytest.mark.parametrize('inputs', ['ranges', 'raster'])
def test_cancelled_run_raises_and_writes_nothing(qgis_app, tmp_path, inputs):
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    species = ({'SPECIES': species_ranges(), 'SPECIES_FIELD': '物种'} if inputs == 'ranges' else
               {'HABITAT_RASTERS': [QgsRasterLayer(habitat_raster(tmp_path / 'habitat.tif'), 'habitat')]})
    with pytest.raises(QgsProcessingException, match='cancelled; no output was written'):
        run_habitat(feedback, PROTECTED=[protected_areas()], OUTPUT=str(tmp_path / 'species.gpkg'),
                    OUTPUT_GROUPS=str(tmp_path / 'groups.gpkg'), **species)
    assert not (tmp_path / 'species.gpkg').exists() and not (tmp_path / 'groups.gpkg').exists()


def test_species_and_group_fields_are_found_in_any_case_and_wrong_names_are_refused(qgis_app):
    ranges = polygon_layer('ranges', 'EPSG:4326', 'field=SPECIES:string&field=CLASS:string', [
        (quadrangle(100, 30, 101, 31), ['Ailuropoda melanoleuca', 'Mammalia'])])
    result = run_habitat(SPECIES=ranges, SPECIES_FIELD='species', GROUP_FIELD='class', PROTECTED=[protected_areas()])
    row = next(result['OUTPUT'].getFeatures())
    assert (row['species'], row['group']) == ('Ailuropoda melanoleuca', 'Mammalia')
    assert row['percent'] == pytest.approx(100.0)
    for wrong in ({'SPECIES_FIELD': 'name'}, {'SPECIES_FIELD': 'species', 'GROUP_FIELD': 'family'}):
        missing = list(wrong.values())[-1]
        with pytest.raises(QgsProcessingException,
                           match='Layer "ranges" has no field "{}". Its fields are: SPECIES, CLASS.'.format(missing)):
            run_habitat(SPECIES=ranges, PROTECTED=[protected_areas()], **wrong)


def test_null_range_geometry_is_named(qgis_app):
    ranges = polygon_layer('ranges', 'EPSG:4326', 'field=name:string', [(quadrangle(100, 30, 101, 31), ['a']),
                                                                       (None, ['b'])])
    with pytest.raises(QgsProcessingException, match='feature id 2'):
        run_habitat(SPECIES=ranges, SPECIES_FIELD='name', PROTECTED=[protected_areas()])


@pytest.mark.slow
@pytest.mark.external
def test_habitatcoverage_through_qgis_process(qgis_process, tmp_path):
    folder = tmp_path / '物种'
    folder.mkdir()
    ranges = str(folder / '分布区.gpkg')
    protected = str(folder / '保护地.gpkg')
    for layer, path in ((species_ranges(), ranges), (protected_areas(), protected)):
        error = QgsVectorFileWriter.writeAsVectorFormatV2(layer, path, QgsProject.instance().transformContext(),
                                                          QgsVectorFileWriter.SaveVectorOptions())
        assert error[0] == QgsVectorFileWriter.WriterError.NoError, error
    returncode, result, log = qgis_process('habitatcoverage', SPECIES=ranges, SPECIES_FIELD='物种', GROUP_FIELD='class',
                                           PROTECTED=protected, OUTPUT=str(folder / '物种.gpkg'),
                                           OUTPUT_GROUPS=str(folder / '类群.gpkg'))
    assert returncode == 0, log
    assert result['results']['SPECIES_COUNT'] == 3
    groups = {feature['group']: feature['species_count'] for feature in
              QgsVectorLayer(str(folder / '类群.gpkg'), 'groups').getFeatures()}
    assert groups == {'Aves': 1, 'Mammalia': 2}


@pytest.mark.slow
@pytest.mark.external
def test_habitatcoverage_without_the_group_output_runs_in_batch(qgis_process, tmp_path):
    ranges, protected = str(tmp_path / 'ranges.gpkg'), str(tmp_path / 'protected.gpkg')
    for layer, path in ((species_ranges(), ranges), (protected_areas(), protected)):
        error = QgsVectorFileWriter.writeAsVectorFormatV2(layer, path, QgsProject.instance().transformContext(),
                                                          QgsVectorFileWriter.SaveVectorOptions())
        assert error[0] == QgsVectorFileWriter.WriterError.NoError, error
    returncode, result, log = qgis_process('habitatcoverage', SPECIES=ranges, SPECIES_FIELD='物种',
                                           PROTECTED=protected, OUTPUT=str(tmp_path / 'species.gpkg'))
    assert returncode == 0, log
    assert result['results']['SPECIES_COUNT'] == 3 and 'OUTPUT_GROUPS' not in result['results']


def test_habitatcoverage_refuses_missing_inputs_and_unnamed_species(qgis_app):
    with pytest.raises(QgsProcessingException, match='SPECIES'):
        run_habitat(PROTECTED=[protected_areas()])
    with pytest.raises(QgsProcessingException, match='SPECIES_FIELD'):
        run_habitat(SPECIES=species_ranges(), PROTECTED=[protected_areas()])
    unnamed = polygon_layer('ranges', 'EPSG:4326', 'field=name:string', [(quadrangle(100, 30, 101, 31), [None])])
    with pytest.raises(QgsProcessingException, match='Feature 1 of layer "ranges" has no species name'):
        run_habitat(SPECIES=unnamed, SPECIES_FIELD='name', PROTECTED=[protected_areas()])


def test_no_species_give_empty_species_and_group_tables():
    frame = coverage.species_table([], [], [], [], [])
    assert isinstance(frame, pd.DataFrame) and frame.empty
    assert coverage.group_table(frame).empty


def test_a_boundary_with_nothing_inside_is_not_read_as_an_spi_of_0(qgis_app):
    """An empty boundary layer clipped every range away and gave SPI 0 with exit 0; a boundary beside the ranges
    gives 0 for want of habitat, which is now said."""
    with pytest.raises(QgsProcessingException, match='The boundary layer "province" has no features'):
        run_habitat(SPECIES=species_ranges(), SPECIES_FIELD='物种', PROTECTED=[protected_areas()],
                    BOUNDARY=polygon_layer('province', 'EPSG:4490', 'field=name:string', []))
    feedback = RecordingFeedback()
    result = run_habitat(feedback=feedback, SPECIES=species_ranges(), SPECIES_FIELD='物种',
                         PROTECTED=[protected_areas()], BOUNDARY=polygon_layer(
                             'province', 'EPSG:4490', 'field=name:string', [(quadrangle(10, 25, 11, 31), ['p'])]))
    assert result['SPI'] == 0.0
    assert [line for line in feedback.lines if 'No species range or habitat lies inside the boundary "province"'
            in line]
