"""reserveplanner:target3report (docs/target3.md): its numbers are those of the single algorithms run alone on the
same data, its PDF has a summary page and one page per region, and bad input gives statements, not crashes."""

import math
import os
import shutil
import subprocess

import numpy as np
import processing
import pytest
from osgeo import gdal
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsRasterLayer, QgsVectorLayer
from shapely.geometry import Point, box

from conftest import REPO
from support import RecordingFeedback, geotiff, memory_layer, run

DEMO = os.path.join(REPO, 'resources', 'demo', 'demo.gpkg')
COUNTIES = ('汶川县', '宝兴县', '小金县')
ALL = 'All regions'


def demo(name):
    return DEMO + '|layername=' + name


PROTECTED = [demo('protected_areas'), demo('protected_points'), demo('oecms')]


def indicators(layer_or_path):
    """{(region, indicator, subject): (value, statement)} of a target3report OUTPUT."""
    layer = layer_or_path if isinstance(layer_or_path, QgsVectorLayer) else QgsVectorLayer(layer_or_path)
    return {(row['region'], row['indicator'], row['subject']): (row['value'], row['statement'])
            for row in layer.getFeatures()}


def is_null(number):
    """True for a NULL attribute (None, or a null QVariant on QGIS 3.22)."""
    return number is None or (hasattr(number, 'isNull') and number.isNull())


def value(table, region, indicator, subject=''):
    return table[(region, indicator, subject)][0]


@pytest.fixture(scope='module')
def demo_report(qgis_app, tmp_path_factory):
    folder = tmp_path_factory.mktemp('target3')
    results = run('target3report', REGIONS=demo('counties'), REGION_FIELD='县名', PROTECTED=PROTECTED,
                  KBAS=demo('key_biodiversity_areas'), SPECIES=demo('species_ranges'), SPECIES_FIELD='species',
                  CLASS_FIELD='class', ECOREGIONS=demo('ecoregions'), ECOREGION_FIELD='名称', YEAR=2025,
                  OUTPUT=str(folder / 'indicators.gpkg'), OUTPUT_HTML=str(folder / 'report.html'),
                  OUTPUT_PDF=str(folder / 'report.pdf'))
    return results, indicators(results['OUTPUT']), folder


def test_coverage_equals_protectedcoverage_for_pas_oecms_and_both(demo_report):
    _, table, _ = demo_report
    land = 'terrestrial'
    for kind, layers in (('coverage_all', PROTECTED), ('coverage_pa', PROTECTED[:2]), ('coverage_oecm', PROTECTED[2:])):
        alone = run('protectedcoverage', temporary_outputs=('OUTPUT', 'OUTPUT_FLAT'), PROTECTED=layers,
                    REGIONS=demo('counties'), REGION_FIELD='县名')
        percents = {row['县名']: row['percent'] for row in alone['OUTPUT'].getFeatures()}
        # 1e-6 relative: the report's equal-area CRS is centred on all its inputs, protectedcoverage's on its own
        for county in COUNTIES:
            assert value(table, county, kind, land) == pytest.approx(percents[county], rel=1e-6), (kind, county)
        assert value(table, ALL, kind, land) == pytest.approx(alone["PROTECTED_PERCENT"], rel=1e-6)
    assert value(table, '宝兴县', 'coverage_oecm', land) > 0  # the demo's OECMs lie in Baoxing


def test_trajectory_and_yearly_gain_follow_the_timeline_of_protectedcoverage(demo_report):
    _, table, _ = demo_report
    alone = run('protectedcoverage', temporary_outputs=('OUTPUT', 'OUTPUT_FLAT', 'OUTPUT_TIMELINE'),
                PROTECTED=PROTECTED, REGIONS=demo('counties'), REGION_FIELD='县名')
    timeline = {row['year']: row['percent'] for row in alone['OUTPUT_TIMELINE'].getFeatures()}
    mine = {int(subject): value for (region, name, subject), (value, _) in table.items()
            if region == ALL and name == 'trajectory_pct'}
    assert mine == pytest.approx(timeline, abs=1e-6)
    current = alone['PROTECTED_PERCENT']
    # the gap to 30 % spread over the five years from 2025 to 2030
    assert value(table, ALL, 'gain_needed', '2030') == pytest.approx((30 - current) / 5, abs=1e-6)
    assert value(table, '汶川县', 'gain_needed', '2030') == 0.0 and \
        table[('汶川县', 'gain_needed', '2030')][1] == 'The target is met.'


def test_kba_coverage_equals_sitecoverage(demo_report):
    _, table, _ = demo_report
    alone = run('sitecoverage', temporary_outputs=('OUTPUT', 'OUTPUT_SUMMARY'), SITES=demo('key_biodiversity_areas'),
                PROTECTED=PROTECTED, REGIONS=demo('counties'), REGION_FIELD='县名')
    summary = {row['region']: row for row in alone['OUTPUT_SUMMARY'].getFeatures()}
    assert value(table, '汶川县', 'kba_mean_pct') == pytest.approx(summary['汶川县']['mean_protected_pct'], abs=1e-9)
    assert value(table, '汶川县', 'kba_full_pct') == pytest.approx(summary['汶川县']['full_pct'], abs=1e-9)
    assert table[('宝兴县', 'kba_count', '')] == (0.0, 'No KBA lies in this region.')


def test_protconn_equals_protconn_on_the_cleaned_areas(demo_report):
    _, table, _ = demo_report
    flat = run('protectedcoverage', temporary_outputs=('OUTPUT', 'OUTPUT_FLAT'), PROTECTED=PROTECTED,
               REGIONS=demo('counties'), REGION_FIELD='县名')['OUTPUT_FLAT']
    # the report's default reach of stepping stones is the 50 km of Saura et al.; protconn's is none
    alone = run('protconn', temporary_outputs=('OUTPUT',), PROTECTED=flat, REGIONS=demo('counties'),
                REGION_FIELD='县名', DISTANCE=10000, PROBABILITY=0.5, TRANSBOUNDARY_DISTANCE=50000)
    for row in alone['OUTPUT'].getFeatures():
        for name in ('prot', 'protconn', 'protconn_prot', 'protconn_trans', 'protconn_unprot'):
            # protconn measures in the layers' Gauss-Kruger CRS, the report in an equal-area one: 1e-4 apart
            assert value(table, row['县名'], name) == pytest.approx(row[name], rel=1e-3), (row['县名'], name)


def test_spi_and_class_habitat_equal_habitatcoverage_with_the_region_as_boundary(demo_report, tmp_path):
    _, table, _ = demo_report
    for county in COUNTIES:
        boundary = processing.run('native:extractbyattribute', {
            'INPUT': demo('counties'), 'FIELD': '县名', 'OPERATOR': 0, 'VALUE': county, 'OUTPUT': 'memory:'})['OUTPUT']
        alone = run('habitatcoverage', temporary_outputs=('OUTPUT', 'OUTPUT_GROUPS'), SPECIES=demo('species_ranges'),
                    SPECIES_FIELD='species', GROUP_FIELD='class', PROTECTED=PROTECTED, BOUNDARY=boundary)
        groups = {row['group']: row['percent'] for row in alone['OUTPUT_GROUPS'].getFeatures() if row['range_km2'] > 0}
        # each run projects to a Lambert equal-area CRS centred on its own inputs: straight Gauss-Kruger edges
        # bend a little differently, which moves areas by up to about 1e-6 of their size
        assert value(table, county, 'spi') == pytest.approx(alone['SPI'], rel=1e-5)
        mine = {subject: value for (region, name, subject), (value, _) in table.items()
                if region == county and name == 'habitat_pct'}
        assert mine == pytest.approx(groups, rel=1e-5)


def test_ecoregion_representativeness_equals_protectedcoverage_over_the_ecoregions(demo_report):
    _, table, _ = demo_report
    alone = run('protectedcoverage', temporary_outputs=('OUTPUT', 'OUTPUT_FLAT'), PROTECTED=PROTECTED,
                REGIONS=demo('ecoregions'), REGION_FIELD='名称')
    # the counties tile the demo landscape, so "all regions" holds both ecoregions whole
    assert value(table, ALL, 'ecoregion_count') == alone['REGION_COUNT'] == 2
    assert value(table, ALL, 'ecoregion_representativeness') == pytest.approx(alone['REPRESENTATIVENESS'])


@pytest.mark.slow
def test_pdf_has_the_summary_then_a_page_per_region_rendered_to_png(demo_report):
    results, _, folder = demo_report
    pdftoppm = shutil.which('pdftoppm')
    if pdftoppm is None:
        pytest.fail('pdftoppm (poppler-utils, in the Makefile\'s SYSTEM_PACKAGES) is missing')
    info = subprocess.run(['pdfinfo', results['OUTPUT_PDF']], capture_output=True, text=True, check=True).stdout
    assert 'Pages:           {}'.format(len(COUNTIES) + 1) in info
    subprocess.run([pdftoppm, '-r', '40', '-png', results['OUTPUT_PDF'], str(folder / 'page')], check=True)
    from osgeo import gdal
    pages = sorted(name for name in os.listdir(folder) if name.startswith('page') and name.endswith('.png'))
    assert len(pages) == len(COUNTIES) + 1
    for name in pages:
        pixels = gdal.Open(str(folder / name)).ReadAsArray()
        green = (pixels[1] > pixels[0] + 40) & (pixels[1] > pixels[2] + 40)
        assert green.mean() > 0.01, '{}: the map shows protected areas in green'.format(name)
    html = (folder / 'report.html').read_text(encoding='utf-8')
    for county in COUNTIES:
        assert county in html


def test_bad_input_gives_statements_not_a_crash(qgis_app):
    crs, x, y = 'EPSG:3035', 4321000.0, 3210000.0  # equal-area: the shares below hold by hand
    regions = memory_layer('regions', 'Polygon', crs, 'field=name:string', [
        (box(x, y, x + 10000, y + 10000).wkt, ['covered']),
        (box(x + 30000, y, x + 40000, y + 10000).wkt, ['far away'])])
    protected = memory_layer('wdpa', 'Polygon', crs, 'field=STATUS:string',
                             [(box(x, y, x + 5000, y + 10000).wkt, ['Designated'])])
    kbas = memory_layer('kbas', 'Point', crs, 'field=name:string', [(Point(x + 1000, y + 1000).wkt, ['kba'])])
    feedback = RecordingFeedback()
    results = run('target3report', feedback=feedback, temporary_outputs=('OUTPUT',), REGIONS=regions,
                  REGION_FIELD='name', PROTECTED=[protected], KBAS=kbas, YEAR=2025)
    table = indicators(results['OUTPUT'])
    land = 'terrestrial'
    assert value(table, 'covered', 'coverage_all', land) == pytest.approx(50.0, abs=1e-4)
    assert table[('far away', 'coverage_all', land)] == (
        0.0, 'No protected area or OECM lies in this part of the region.')
    assert table[('far away', 'relconn', '')][1].startswith('No protected area')
    assert is_null(value(table, 'far away', 'relconn'))
    assert table[('far away', 'kba_count', '')] == (0.0, 'No KBA lies in this region.')
    oecm_value, statement = table[('covered', 'coverage_oecm', land)]
    assert statement.startswith('OECMs cannot be told apart') and is_null(oecm_value)
    assert table[(ALL, 'note', '')][1] == ('Layer "wdpa" has no field "PA_DEF" telling OECMs from protected areas: '
                                           'all its areas count as protected areas.')
    assert value(table, 'far away', 'gain_needed', '2030') == pytest.approx(6.0)
    log = '\n'.join(feedback.lines)
    assert '{}: 1 protected units'.format(ALL) in log and 'None:' not in log, log    # it said "None: 1 ..."


def test_qgis_process_runs_the_report(qgis_process, tmp_path):
    code, result, output = qgis_process('target3report', 'PROTECTED=' + PROTECTED[0], 'PROTECTED=' + PROTECTED[2],
                                        REGIONS=demo('counties'), REGION_FIELD='县名', YEAR=2025,
                                        OUTPUT=str(tmp_path / 'indicators.gpkg'))
    assert code == 0, output
    table = indicators(result['results']['OUTPUT'])
    assert value(table, '宝兴县', 'coverage_oecm', 'terrestrial') > 0


@pytest.mark.slow
def test_the_pdf_speaks_chinese_when_qgis_does(qgis_app, tmp_path):
    from reserve_planner.plugin.i18n import install_translator, remove_translator

    translator = install_translator('zh_CN')
    assert translator is not None, 'reserve_planner_zh_CN.qm is missing: run make translations'
    try:
        results = run('target3report', temporary_outputs=('OUTPUT',), REGIONS=demo('counties'), REGION_FIELD='县名',
                      PROTECTED=PROTECTED, YEAR=2025, OUTPUT_PDF=str(tmp_path / 'report.pdf'))
    finally:
        remove_translator(translator)
    text = subprocess.run(['pdftotext', results['OUTPUT_PDF'], '-'], capture_output=True, text=True,
                          check=True).stdout
    # pdftotext gives some CJK characters as their compatibility forms (⽬ for 目): look for others
    for words in ('全部区域', '监测框架', '保护地', '宝兴县'):  # the labels; the table is drawn, not text
        assert words in text, words
    assert 'All regions' not in text


def test_the_realm_splits_each_region_into_land_and_sea(qgis_app):
    crs, x, y = 'EPSG:3035', 4321000.0, 3210000.0
    regions = memory_layer('regions', 'Polygon', crs, 'field=name:string', [(box(x, y, x + 10000, y + 10000).wkt,
                                                                            ['coast'])])
    protected = memory_layer('wdpa', 'Polygon', crs, 'field=STATUS:string&field=PA_DEF:string', [
        (box(x, y, x + 5000, y + 10000).wkt, ['Designated', '1']),
        (box(x + 5000, y, x + 6000, y + 10000).wkt, ['Designated', '0'])])
    sea = memory_layer('sea', 'Polygon', crs, 'field=name:string', [(box(x + 5000, y - 1, x + 20000, y + 20000).wkt,
                                                                     ['sea'])])
    table = indicators(run('target3report', temporary_outputs=('OUTPUT',), REGIONS=regions, REGION_FIELD='name',
                           PROTECTED=[protected], REALM=sea, YEAR=2025)['OUTPUT'])
    # land: the western half, all of it a protected area; sea: the eastern half, a fifth of it an OECM
    assert value(table, 'coast', 'area_km2', 'terrestrial') == pytest.approx(50.0, rel=1e-5)
    assert value(table, 'coast', 'area_km2', 'marine') == pytest.approx(50.0, rel=1e-5)
    assert value(table, 'coast', 'coverage_pa', 'terrestrial') == pytest.approx(100.0, abs=1e-3)
    assert value(table, 'coast', 'coverage_oecm', 'terrestrial') == pytest.approx(0.0, abs=1e-3)
    assert value(table, 'coast', 'coverage_pa', 'marine') == pytest.approx(0.0, abs=1e-3)
    assert value(table, 'coast', 'coverage_oecm', 'marine') == pytest.approx(20.0, abs=1e-3)
    assert value(table, 'coast', 'coverage_all', 'marine') == pytest.approx(20.0, abs=1e-3)


def test_the_cleaning_is_logged_once_and_splits_into_protected_areas_and_oecms(qgis_app):
    """The cleaning summary was logged three times, for all areas, then again for the protected areas and for the
    OECMs alone (each cleaned on its own, under layer names such as "wdpa (OECMs)"). The areas are cleaned once: each
    line appears once, counting all areas, and the coverage of protected areas and of OECMs is still split by
    PA_DEF."""
    crs, x, y = 'EPSG:3035', 4321000.0, 3210000.0
    regions = memory_layer('regions', 'Polygon', crs, 'field=name:string', [(box(x, y, x + 10000, y + 10000).wkt,
                                                                            ['county'])])
    protected = memory_layer('wdpa', 'Polygon', crs, 'field=STATUS:string&field=PA_DEF:string', [
        (box(x, y, x + 5000, y + 10000).wkt, ['Designated', '1']),
        (box(x + 5000, y, x + 6000, y + 10000).wkt, ['Designated', '0']),
        (box(x + 6000, y, x + 8000, y + 10000).wkt, ['Proposed', '1']),
        (box(x + 8000, y, x + 10000, y + 10000).wkt, ['Proposed', '0'])])
    feedback = RecordingFeedback()
    table = indicators(run('target3report', feedback=feedback, temporary_outputs=('OUTPUT',), REGIONS=regions,
                           REGION_FIELD='name', PROTECTED=[protected], YEAR=2025)['OUTPUT'])
    status_lines = [line for line in feedback.lines if line.startswith('Status filter:')]
    assert status_lines == ['Status filter: 2 areas with STATUS "Proposed" removed (e.g. wdpa:3, wdpa:4).'], \
        feedback.lines
    year_lines = [line for line in feedback.lines if 'has no STATUS_YR field' in line]
    assert year_lines == ['Layer "wdpa" has no STATUS_YR field: its areas have no establishment year.'], \
        feedback.lines
    land = 'terrestrial'
    assert value(table, 'county', 'coverage_pa', land) == pytest.approx(50.0, abs=1e-3)
    assert value(table, 'county', 'coverage_oecm', land) == pytest.approx(10.0, abs=1e-3)
    assert value(table, 'county', 'coverage_all', land) == pytest.approx(60.0, abs=1e-3)


def test_a_cancelled_report_raises_and_writes_nothing(qgis_app, tmp_path):
    feedback = QgsProcessingFeedback()
    feedback.progressChanged.connect(lambda _progress: feedback.cancel())  # the user cancels once it has started
    with pytest.raises(QgsProcessingException, match='cancelled'):
        run('target3report', feedback=feedback, REGIONS=demo('counties'), REGION_FIELD='县名', PROTECTED=PROTECTED,
            OUTPUT=str(tmp_path / 'indicators.gpkg'), OUTPUT_PDF=str(tmp_path / 'report.pdf'))
    assert not os.listdir(tmp_path)


# --- ProtConn's transboundary stepping stones --------------------------------------------------------------------

LAEA_ORIGIN = (4321000.0, 3210000.0)
"""ETRS89 / LAEA Europe's false origin (52 N, 10 E): a few tens of km around it, distances are true to 1e-6."""


def stepping_stone_layers():
    """A 30 x 10 km region with two 2 x 2 km protected areas at its ends, 26 km apart, and a foreign one outside its
    southern edge halfway between them, 1 km below it."""
    x, y = LAEA_ORIGIN
    region = memory_layer('region', 'Polygon', 'EPSG:3035', 'field=name:string',
                          [(box(x, y, x + 30000, y + 10000).wkt, ['valley'])])
    protected = memory_layer('wdpa', 'Polygon', 'EPSG:3035', 'field=STATUS:string', [
        (box(x, y, x + 2000, y + 2000).wkt, ['Designated']),
        (box(x + 28000, y, x + 30000, y + 2000).wkt, ['Designated']),
        (box(x + 14000, y - 3000, x + 16000, y - 1000).wkt, ['Designated'])])
    return region, protected


def test_a_foreign_protected_area_is_a_stepping_stone_as_protconn_says(qgis_app):
    region, protected = stepping_stone_layers()
    tables = {reach: indicators(run('target3report', temporary_outputs=('OUTPUT',), REGIONS=region,
                                    REGION_FIELD='name', PROTECTED=[protected], YEAR=2025,
                                    TRANSBOUNDARY_DISTANCE=reach)['OUTPUT'])
              for reach in (0, 50000)}
    # by hand (DOMAIN.md section 3): a_i = 4 km2, A_L = 300 km2, k = ln 2 / 10 km; the direct path is 26 km, the
    # path through the stepping stone 2 x hypot(12, 1) km, corner to corner, and it adds no area
    k, area, region_m2 = math.log(2) / 10000, 4e6, 3e8
    eca = {reach: math.sqrt(2 * area ** 2 + 2 * area ** 2 * math.exp(-k * metres))
           for reach, metres in ((0, 26000.0), (50000, 2 * math.hypot(12000, 1000)))}
    for reach, table in tables.items():
        assert value(table, 'valley', 'prot') == pytest.approx(100 * 2 * area / region_m2, rel=1e-6)
        assert value(table, 'valley', 'protconn') == pytest.approx(100 * eca[reach] / region_m2, rel=1e-5)
    assert value(tables[0], 'valley', 'protconn_trans') == pytest.approx(0.0, abs=1e-9)
    assert value(tables[50000], 'valley', 'protconn_trans') == pytest.approx(
        100 * (eca[50000] - eca[0]) / eca[50000], rel=1e-4)
    alone = run('protconn', temporary_outputs=('OUTPUT',), PROTECTED=protected, REGIONS=region, REGION_FIELD='name',
                TRANSBOUNDARY_DISTANCE=50000)
    row = next(alone['OUTPUT'].getFeatures())
    for name in ('protconn', 'protconn_prot', 'protconn_trans', 'protconn_unprot'):
        assert value(tables[50000], 'valley', name) == pytest.approx(row[name], rel=1e-5), name


# --- habitat rasters -----------------------------------------------------------------------------------------------

UTM_TOP_LEFT = (568512.0, 5771506.0)
"""LAEA (4321000, 3220000), the top-left corner of the raster regions below, in UTM zone 32N (EPSG:32632), to 1 m;
the two grids turn 0.8 degrees apart, less than 150 m over the 10 km height: every cell centre stays on its side."""


def raster_regions():
    """Two 10 x 10 km regions side by side in ETRS89 / LAEA Europe and a protected area on the west half of the
    western one."""
    x, y = LAEA_ORIGIN
    regions = memory_layer('regions', 'Polygon', 'EPSG:3035', 'field=name:string', [
        (box(x, y, x + 10000, y + 10000).wkt, ['west']), (box(x + 10000, y, x + 20000, y + 10000).wkt, ['east'])])
    protected = memory_layer('wdpa', 'Polygon', 'EPSG:3035', 'field=STATUS:string',
                             [(box(x, y, x + 5000, y + 10000).wkt, ['Designated'])])
    return regions, protected


def utm_habitat(path, cells, top_left=UTM_TOP_LEFT):
    """A float raster of 1 km cells in UTM zone 32N, NaN as nodata."""
    return geotiff(path, cells, 1000.0, epsg=32632, x0=top_left[0], y0=top_left[1], nodata=float('nan'),
                   data_type=gdal.GDT_Float32)


def lynx_habitat(path):
    """20 x 10 cells over both regions: columns 3-6 of rows 1-8 are habitat (32 km2 in the west, its columns 3-4,
    16 km2, protected), column 14 of rows 1-8 (8 km2 in the east, suitability 0.7); the rest is 0, one cell NaN."""
    cells = np.zeros((10, 20), dtype=np.float32)
    cells[1:9, 3:7] = 1
    cells[1:9, 14] = 0.7
    cells[1, 7] = np.nan
    return utm_habitat(path, cells)


def test_habitat_rasters_give_the_class_share_and_the_spi_by_hand(qgis_app, tmp_path):
    regions, protected = raster_regions()
    lynx = QgsRasterLayer(lynx_habitat(tmp_path / 'lynx.tif'), 'lynx')
    table = indicators(run('target3report', temporary_outputs=('OUTPUT',), REGIONS=regions, REGION_FIELD='name',
                           PROTECTED=[protected], HABITAT_RASTERS=[lynx], RASTER_CLASS='Mammalia',
                           YEAR=2025)['OUTPUT'])
    # all 40 km2 of habitat lie in these regions: Map of Life's target is all of it, so SPS = share protected
    assert value(table, 'west', 'habitat_pct', 'Mammalia') == pytest.approx(50.0)
    assert value(table, 'west', 'spi') == pytest.approx(50.0)
    assert value(table, 'east', 'habitat_pct', 'Mammalia') == pytest.approx(0.0)
    assert value(table, 'east', 'spi') == pytest.approx(0.0)
    assert value(table, ALL, 'habitat_pct', 'Mammalia') == pytest.approx(40.0)
    assert value(table, ALL, 'spi') == pytest.approx(40.0)
    assert value(table, ALL, 'species_count') == 1
    west = processing.run('native:extractbyattribute', {'INPUT': regions, 'FIELD': 'name', 'OPERATOR': 0,
                                                        'VALUE': 'west', 'OUTPUT': 'memory:'})['OUTPUT']
    alone = run('habitatcoverage', temporary_outputs=('OUTPUT', 'OUTPUT_GROUPS'), HABITAT_RASTERS=[lynx],
                RASTER_GROUP='Mammalia', PROTECTED=[protected], BOUNDARY=west)
    assert value(table, 'west', 'spi') == pytest.approx(alone['SPI'])


def test_ranges_and_rasters_of_one_class_count_together(qgis_app, tmp_path):
    regions, protected = raster_regions()
    x, y = LAEA_ORIGIN
    ranges = memory_layer('ranges', 'Polygon', 'EPSG:3035', 'field=species:string&field=class:string',
                          [(box(x + 2500, y, x + 7500, y + 10000).wkt, ['otter', 'Mammalia'])])
    lynx = QgsRasterLayer(lynx_habitat(tmp_path / 'lynx.tif'), 'lynx')
    table = indicators(run('target3report', temporary_outputs=('OUTPUT',), REGIONS=regions, REGION_FIELD='name',
                           PROTECTED=[protected], SPECIES=ranges, SPECIES_FIELD='species', CLASS_FIELD='class',
                           HABITAT_RASTERS=[lynx], RASTER_CLASS='Mammalia', YEAR=2025)['OUTPUT'])
    # west: the otter's 50 km2, half protected, and the lynx's 32 km2, half protected
    assert value(table, 'west', 'habitat_pct', 'Mammalia') == pytest.approx(50.0, rel=1e-6)
    assert value(table, 'west', 'species_count') == 2
    assert value(table, ALL, 'habitat_pct', 'Mammalia') == pytest.approx(100 * (25 + 16) / (50 + 40), rel=1e-6)


def test_the_ranges_are_read_once_for_all_regions(qgis_app):
    """The range layer was read again for every region (and for all regions together), so its repairs were logged
    once per region: a self-crossing otter range in two regions gave three "invalid geometries repaired" lines. It
    is read once: one line, and each region's figures as before."""
    regions, protected = raster_regions()
    x, y = LAEA_ORIGIN
    bow_tie = 'POLYGON(({0} {1}, {2} {3}, {2} {1}, {0} {3}, {0} {1}))'.format(x + 2500, y, x + 17500, y + 10000)
    ranges = memory_layer('ranges', 'Polygon', 'EPSG:3035', 'field=species:string&field=class:string',
                          [(bow_tie, ['otter', 'Mammalia'])])
    feedback = RecordingFeedback()
    table = indicators(run('target3report', feedback=feedback, temporary_outputs=('OUTPUT',), REGIONS=regions,
                           REGION_FIELD='name', PROTECTED=[protected], SPECIES=ranges, SPECIES_FIELD='species',
                           CLASS_FIELD='class', YEAR=2025)['OUTPUT'])
    assert [line for line in feedback.lines if 'repaired' in line] == ['ranges: 1 invalid geometries repaired.']
    assert value(table, 'west', 'species_count') == 1 and value(table, ALL, 'species_count') == 1


def test_a_habitat_raster_without_a_crs_is_refused_by_name(qgis_app, tmp_path):
    regions, protected = raster_regions()
    path = str(tmp_path / 'no_crs.tif')
    dataset = gdal.GetDriverByName('GTiff').Create(path, 2, 2, 1, gdal.GDT_Byte)
    dataset.SetGeoTransform((UTM_TOP_LEFT[0], 1000, 0, UTM_TOP_LEFT[1], 0, -1000))
    dataset.GetRasterBand(1).WriteArray(np.ones((2, 2), dtype=np.uint8))
    dataset = None
    with pytest.raises(QgsProcessingException, match='"no_crs.tif" has no coordinate reference system'):
        run('target3report', temporary_outputs=('OUTPUT',), REGIONS=regions, REGION_FIELD='name',
            PROTECTED=[protected], HABITAT_RASTERS=[path], YEAR=2025)


def test_a_habitat_raster_outside_every_region_is_refused_by_name(qgis_app, tmp_path):
    regions, protected = raster_regions()
    far = utm_habitat(tmp_path / 'elsewhere.tif', np.ones((3, 3), dtype=np.float32), top_left=(300000.0, 5000000.0))
    with pytest.raises(QgsProcessingException, match='"elsewhere.tif" does not overlap any region'):
        run('target3report', temporary_outputs=('OUTPUT',), REGIONS=regions, REGION_FIELD='name',
            PROTECTED=[protected], HABITAT_RASTERS=[far], YEAR=2025)


def test_a_nodata_only_habitat_raster_is_stated_in_the_report(qgis_app, tmp_path):
    regions, protected = raster_regions()
    empty = utm_habitat(tmp_path / 'empty.tif', np.full((10, 20), np.nan, dtype=np.float32))
    output = run('target3report', temporary_outputs=('OUTPUT',), REGIONS=regions, REGION_FIELD='name',
                 PROTECTED=[protected], HABITAT_RASTERS=[empty], YEAR=2025)['OUTPUT']
    notes = [row['statement'] for row in output.getFeatures() if row['indicator'] == 'note']
    assert any(note.startswith('The habitat raster "empty.tif" has no habitat cell') for note in notes), notes
    table = indicators(output)
    for region in ('west', 'east', ALL):
        spi, statement = table[(region, 'spi', '')]
        assert is_null(spi) and statement == 'No species range or habitat reaches into this region.'


def test_a_class_field_the_input_does_not_have_is_refused(qgis_app, tmp_path):
    regions, protected = raster_regions()
    lynx = lynx_habitat(tmp_path / 'lynx.tif')
    with pytest.raises(QgsProcessingException, match='no SPECIES layer was given: give the class of the habitat '
                                                     'rasters in RASTER_CLASS'):
        run('target3report', temporary_outputs=('OUTPUT',), REGIONS=regions, REGION_FIELD='name',
            PROTECTED=[protected], HABITAT_RASTERS=[lynx], CLASS_FIELD='class', YEAR=2025)
    ranges = memory_layer('ranges', 'Polygon', 'EPSG:3035', 'field=species:string',
                          [(box(*LAEA_ORIGIN, LAEA_ORIGIN[0] + 1000, LAEA_ORIGIN[1] + 1000).wkt, ['otter'])])
    with pytest.raises(QgsProcessingException, match='Layer "ranges" has no field "taxon"'):
        run('target3report', temporary_outputs=('OUTPUT',), REGIONS=regions, REGION_FIELD='name',
            PROTECTED=[protected], SPECIES=ranges, SPECIES_FIELD='species', CLASS_FIELD='taxon', YEAR=2025)
