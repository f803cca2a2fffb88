"""reserveplanner:target3report (docs/target3.md): its numbers are those of the single algorithms run alone on the
same data, its PDF has a summary page and one page per region, and bad input gives statements, not crashes."""

import os
import shutil
import subprocess

import processing
import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer
from shapely.geometry import Point, box

from conftest import REPO
from support import memory_layer, run

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
    alone = run('protconn', temporary_outputs=('OUTPUT',), PROTECTED=flat, REGIONS=demo('counties'),
                REGION_FIELD='县名', DISTANCE=10000, PROBABILITY=0.5)
    for row in alone['OUTPUT'].getFeatures():
        for name in ('prot', 'protconn', 'protconn_prot', 'protconn_unprot'):
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
    feedback = QgsProcessingFeedback()
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


def test_a_cancelled_report_raises_and_writes_nothing(qgis_app, tmp_path):
    feedback = QgsProcessingFeedback()
    feedback.progressChanged.connect(lambda _progress: feedback.cancel())  # the user cancels once it has started
    with pytest.raises(QgsProcessingException, match='cancelled'):
        run('target3report', feedback=feedback, REGIONS=demo('counties'), REGION_FIELD='县名', PROTECTED=PROTECTED,
            OUTPUT=str(tmp_path / 'indicators.gpkg'), OUTPUT_PDF=str(tmp_path / 'report.pdf'))
    assert not os.listdir(tmp_path)
