"""validatezones over many reserves (RESERVE_FIELD): each reserve validated alone, row for row, overlapping
reserves reported, the summary table and the province-wide HTML report; also in worker processes."""

import pytest
from osgeo import ogr, osr
from shapely import affinity
from shapely.geometry import box
from qgis.core import QgsProcessingException, QgsVectorLayer

from reserve_planner.processing.algorithms import zone_validation as validation_algorithm
from reserve_planner.processing.engine.executor import WORKERS_VARIABLE
from support import RecordingFeedback, run

from test_zone_validation import clean_zoning, planted_zoning

SUMMARY_FIELDS = ['errors', 'warnings', 'core_share', 'reserve_ha', 'area_core_ha', 'area_buffer_ha',
                  'area_transition_ha']


def write_layer(path, rows):
    """A UTM 50N polygon GeoPackage with fields zone and reserve; ``rows`` are (fid, geometry, zone, reserve)."""
    source = ogr.GetDriverByName('GPKG').CreateDataSource(str(path))
    reference = osr.SpatialReference()
    reference.ImportFromEPSG(32650)
    layer = source.CreateLayer('layer', reference, ogr.wkbPolygon)
    for name in ('zone', 'reserve'):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    for fid, geometry, zone, reserve in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetFID(fid)
        feature.SetGeometry(ogr.CreateGeometryFromWkb(geometry.wkb))
        feature.SetField('zone', None if zone is None else str(zone))
        feature.SetField('reserve', reserve)
        layer.CreateFeature(feature)
    source = None
    return str(path)


def province(shifts):
    """{reserve: (zone rows, boundary)}: the planted or the clean zoning of tests/test_zone_validation.py moved by
    (dx, 0) metres, zone fids unique over the province (500000, 4000000 is the origin)."""
    reserves = {}
    for index, (name, dx, zoning) in enumerate(shifts):
        rows = []
        for zone in zoning():
            moved = affinity.translate(zone.geometry, 500000 + dx, 4000000)
            rows.append((100 * (index + 1) + zone.fid, moved, zone.value, name))
        reserves[name] = (rows, affinity.translate(box(0, 0, 1000, 1000), 500000 + dx, 4000000))
    return reserves


def write_province(folder, reserves, only=None):
    """(zones path, boundary path) of every reserve, or of the reserve ``only``."""
    names = [only] if only else list(reserves)
    suffix = only or 'province'
    zones = write_layer(folder / 'zones_{}.gpkg'.format(suffix), [row for name in names for row in reserves[name][0]])
    boundary = write_layer(folder / 'boundary_{}.gpkg'.format(suffix),
                           [(index + 1, reserves[name][1], None, name) for index, name in enumerate(names)])
    return zones, boundary


def validate(zones, boundary, folder, name, feedback=None, **parameters):
    outputs = {'OUTPUT': str(folder / '{}_problems.gpkg'.format(name)),
               'OUTPUT_SUMMARY': str(folder / '{}_summary.gpkg'.format(name))}
    run('validatezones', feedback=feedback, ZONES=zones, BOUNDARY=boundary, MIN_BUFFER_WIDTH=150, **outputs,
        **parameters)
    return ({feature['reserve']: [feature[name] for name in SUMMARY_FIELDS]
             for feature in QgsVectorLayer(outputs['OUTPUT_SUMMARY']).getFeatures()},
            [feature.attributes()[1:] for feature in QgsVectorLayer(outputs['OUTPUT']).getFeatures()])


def without_reserve(problems):
    return sorted(tuple(str(value) for value in problem[:7]) for problem in problems)


@pytest.mark.parametrize('workers', ['1', '2'])
def test_validating_a_province_equals_validating_each_reserve_alone_row_for_row(qgis_app, tmp_path, monkeypatch,
                                                                                 workers):
    monkeypatch.setattr(validation_algorithm, 'PARALLEL_MIN_ZONES', 1)
    monkeypatch.setenv(WORKERS_VARIABLE, workers)
    reserves = province([('甲', 0, planted_zoning), ('乙', 1000, clean_zoning), ('丙', 3000, planted_zoning)])
    feedback = RecordingFeedback()
    summary, problems = validate(*write_province(tmp_path, reserves), tmp_path, 'province', feedback,
                                 RESERVE_FIELD='reserve')
    assert 'Independent tasks run in {} worker process(es).'.format(workers) in feedback.lines
    assert list(summary) == ['甲', '乙', '丙']
    assert summary['乙'][:2] == [0, 0] and summary['甲'][0] > 0
    monkeypatch.setenv(WORKERS_VARIABLE, '1')
    for name in reserves:
        alone_summary, alone_problems = validate(*write_province(tmp_path, reserves, name), tmp_path, name)
        assert list(alone_summary.values()) == [summary[name]]
        assert without_reserve(alone_problems) == without_reserve(
            [problem for problem in problems if problem[7] == name])
    assert len(problems) == sum(summary[name][0] + summary[name][1] for name in reserves)


def test_reserves_whose_boundaries_touch_pass_and_overlapping_ones_are_reported(qgis_app, tmp_path):
    touching = province([('A', 0, clean_zoning), ('B', 1000, clean_zoning)])
    summary, problems = validate(*write_province(tmp_path, touching), tmp_path, 'touching', RESERVE_FIELD='reserve')
    assert problems == [] and [row[:2] for row in summary.values()] == [[0, 0], [0, 0]]
    assert summary['A'][2] == pytest.approx(4.0)
    overlapping = province([('A', 0, clean_zoning), ('B', 900, clean_zoning)])
    (tmp_path / 'overlap').mkdir()
    _, problems = validate(*write_province(tmp_path / 'overlap', overlapping), tmp_path, 'overlap',
                           RESERVE_FIELD='reserve')
    overlap = [problem for problem in problems if problem[0] == 'reserve_overlap']
    assert len(overlap) == 1
    assert 'A' in overlap[0][2] and 'B' in overlap[0][2] and overlap[0][5] == pytest.approx(100 * 1000)
    assert overlap[0][7] == 'A / B'


def test_the_html_report_has_the_province_table_first_then_a_section_per_reserve(qgis_app, tmp_path):
    reserves = province([('甲', 0, planted_zoning), ('乙', 1000, clean_zoning)])
    zones, boundary = write_province(tmp_path, reserves)
    report = str(tmp_path / 'report.html')
    run('validatezones', ZONES=zones, BOUNDARY=boundary, RESERVE_FIELD='reserve', OUTPUT_HTML=report,
        OUTPUT=str(tmp_path / 'problems.gpkg'))
    with open(report, encoding='utf-8') as handle:
        text = handle.read()
    province_table = text.index('All reserves')
    assert province_table < text.index('Reserve 甲') < text.index('Reserve 乙')
    assert text.index('<td>甲</td>') > province_table


def test_a_zone_without_a_reserve_is_refused_naming_it(qgis_app, tmp_path):
    rows = [(1, box(500000, 4000000, 500100, 4000100), 'core', 'A'), (2, box(500100, 4000000, 500200, 4000100),
                                                                       'buffer', None)]
    with pytest.raises(QgsProcessingException, match='Features 2 have no value in the reserve field "reserve"'):
        run('validatezones', ZONES=write_layer(tmp_path / 'zones.gpkg', rows), RESERVE_FIELD='reserve',
            OUTPUT=str(tmp_path / 'problems.gpkg'))
    assert not (tmp_path / 'problems.gpkg').exists()
