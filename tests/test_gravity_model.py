"""The gravity model between ecological sources (docs/gravity_model.md): G_ab by formula, and
reserveplanner:gravitymodel as batch users run it."""

import math

import numpy as np
import pytest
from osgeo import ogr
from qgis.core import NULL, QgsProcessingException, QgsVectorLayer

from reserve_planner.processing.engine import gravity
from reserve_planner.processing.engine.messages import EngineError
from support import geopackage, geotiff, memory_layer, run, wkt_layer


def test_interaction_by_formula():
    masses = gravity.masses([math.e ** 2, math.e ** 3], [2.0, 3.0], ['a', 'b'])
    assert masses.tolist() == pytest.approx([1.0, 1.0])
    values = gravity.interaction([1.0, 1.0, 2.0], [1.0, 3.0, 2.0], [100.0, 50.0, np.inf])
    assert values.tolist() == pytest.approx([1.0, 3.0 / 0.25, 0.0])  # L_max = 100 among finite costs


def test_touching_sources_have_no_finite_interaction():
    assert np.isnan(gravity.interaction([1.0, 1.0], [1.0, 1.0], [0.0, 10.0])[0])


@pytest.mark.parametrize('areas, resistances, expected', [
    ([0.5, 10.0], [1.0, 1.0], 'Source a has an area of 0.5'),
    ([10.0, 10.0], [1.0, np.nan], 'Source b has no resistance cell'),
])
def test_bad_sources_are_named(areas, resistances, expected):
    with pytest.raises(EngineError) as raised:
        gravity.masses(areas, resistances, ['a', 'b'])
    assert expected in raised.value.template.format(**raised.value.params)


LINK_FIELDS = 'field=from_id:string&field=to_id:string&field=cwd:double'


def squares(*lefts):
    x0, y0 = 500000.0, 3999000.0
    return ['POLYGON(({0} {1}, {2} {1}, {2} {3}, {0} {3}, {0} {1}))'.format(x0 + left, y0, x0 + left + 1000, y0 + 1000)
            for left in lefts]


def uniform_resistance(tmp_path, value=2.0):
    """100 m cells over the three sources (EPSG:32650), every cell ``value``."""
    return geotiff(tmp_path / 'resistance.tif', np.full((10, 50), value), 100.0)


def test_every_pair_by_hand_on_a_uniform_raster(qgis_app, tmp_path):
    sources = wkt_layer('sources 源地', 'Polygon', 'EPSG:32650', squares(0, 2000, 4000), ['甲', '乙', '丙'],
                        field='名称')
    result = run('gravitymodel', SOURCES=sources, SOURCE_ID_FIELD='名称', RESISTANCE=uniform_resistance(tmp_path),
                 temporary_outputs=('OUTPUT_LINKS', 'OUTPUT_MATRIX'))
    links = {(f['from_id'], f['to_id']): f for f in result['OUTPUT_LINKS'].getFeatures()}
    mass = math.log(1e6) / 2.0  # S in m2, P = 2
    # nearest cell centres 1100 m apart (A-B, B-C) and 3100 m (A-C), 100 m steps of cost 2 each metre
    assert links[('甲', '乙')]['cwd'] == pytest.approx(2200.0)
    assert links[('甲', '乙')]['g_ab'] == pytest.approx(mass ** 2 / (2200.0 / 6200.0) ** 2)
    assert links[('甲', '丙')]['g_ab'] == pytest.approx(mass ** 2)
    assert links[('甲', '丙')]['rank'] == 3 and links[('甲', '乙')]['important'] is True
    assert not links[('甲', '丙')]['important']
    matrix = {f['source']: f for f in result['OUTPUT_MATRIX'].getFeatures()}
    assert matrix['丙']['g_甲'] == pytest.approx(mass ** 2) and matrix['甲']['g_甲'] == NULL


def test_links_from_corridornetwork_are_rated_with_their_cwd(qgis_app, tmp_path):
    sources = wkt_layer('sources', 'Polygon', 'EPSG:32650', squares(0, 2000, 4000), ['A', 'B', 'C'], field='id')
    links = memory_layer('links', 'LineString', 'EPSG:32650', LINK_FIELDS,
                         [('LINESTRING(501000 3999500, 502000 3999500)', ['A', 'B', 1000.0]),
                          ('LINESTRING(503000 3999500, 504000 3999500)', ['B', 'C', 4000.0])])
    result = run('gravitymodel', SOURCES=sources, SOURCE_ID_FIELD='id', RESISTANCE=uniform_resistance(tmp_path),
                 LINKS=links, AREA_UNIT=1, THRESHOLD=20, temporary_outputs=('OUTPUT_LINKS',))
    rated = {f['from_id'] + f['to_id']: f for f in result['OUTPUT_LINKS'].getFeatures()}
    mass = math.log(100.0) / 2.0  # S = 100 ha
    assert rated['AB']['g_ab'] == pytest.approx(mass ** 2 / 0.25 ** 2) and rated['AB']['important'] is True
    assert rated['BC']['g_ab'] == pytest.approx(mass ** 2) and rated['BC']['important'] is False
    assert rated['AB'].geometry().length() == pytest.approx(1000.0)


def refusal(tmp_path, ids, link_ends=None):
    """The message refusing sources with ``ids`` (in a text field ``id``), linked by one link between
    ``link_ends`` when given."""
    sources = memory_layer('sources', 'Polygon', 'EPSG:32650', 'field=id:string',
                           [(wkt, [value]) for wkt, value in zip(squares(0, 2000, 4000), ids)])
    links = None if link_ends is None else memory_layer(
        'links', 'LineString', 'EPSG:32650', LINK_FIELDS,
        [('LINESTRING(501000 3999500, 502000 3999500)', list(link_ends) + [1000.0])])
    with pytest.raises(QgsProcessingException) as raised:
        run('gravitymodel', SOURCES=sources, SOURCE_ID_FIELD='id', RESISTANCE=uniform_resistance(tmp_path),
            LINKS=links, temporary_outputs=('OUTPUT_LINKS',))
    return str(raised.value)


def test_source_ids_and_unknown_sources_are_refused_in_one_wording(qgis_app, tmp_path):
    """A source without an id, two sources with one id and a link naming an unknown source were refused by two
    checks worded apart ("the source ids A are used by more than one feature; give ...", "link 1 joins source "Z",
    which is not among the sources."). Each message names the layer, the features and the source id, and says what
    to do, as corridornetwork's core checks do (corridor_io.core_ids, the one check of both)."""
    assert refusal(tmp_path, ['A', None, 'C']) == (
        'Layer "sources": feature id 2 has no value in the source id field "id". Give every source an id and run '
        'again.')
    assert refusal(tmp_path, ['A', 'B', 'A']) == (
        'Layer "sources": features 1 and 3 both have the source id A in field "id". Give each source its own id, '
        'or dissolve the two into one source, and run again.')
    assert refusal(tmp_path, ['A', 'B', 'C'], link_ends=('A', 'Z')) == (
        'Layer "links": feature id 1 names the source id Z, which no feature of the sources layer "sources" has. '
        'Use the links made from the same sources and run again.')


def test_source_id_refusals_in_chinese_name_sources_as_the_parameters_do(qgis_app, tmp_path):
    """The gravity model's sources are 生态源地 and their id field 源地编号字段 in its Chinese dialog; the refusals
    said 源编号字段, 源 and 源图层, words the dialog does not use."""
    from reserve_planner.plugin.i18n import install_translator, remove_translator

    translator = install_translator('zh_CN')
    assert translator is not None, 'reserve_planner_zh_CN.qm is missing: run make translations'
    try:
        missing = refusal(tmp_path, ['A', None, 'C'])
        repeated = refusal(tmp_path, ['A', 'B', 'A'])
        unknown = refusal(tmp_path, ['A', 'B', 'C'], link_ends=('A', 'Z'))
    finally:
        remove_translator(translator)
    assert '源地编号字段“id”' in missing and '请为每个源地' in missing, missing
    assert '源地编号都是 A' in repeated and '融合为一个源地' in repeated, repeated
    assert '源地编号 Z' in unknown and '源地图层“sources”' in unknown, unknown
    for message in (missing, repeated, unknown):
        assert '源编号' not in message and '源图层' not in message, message


def test_a_source_off_the_raster_is_named_as_a_source(qgis_app, tmp_path):
    """A source beyond the resistance raster was refused as "Core C covers no cell"."""
    sources = wkt_layer('sources', 'Polygon', 'EPSG:32650', squares(0, 2000, 9000), ['A', 'B', 'C'], field='id')
    with pytest.raises(QgsProcessingException, match='Source C has no resistance cell with a positive value under '
                                                     'it'):
        run('gravitymodel', SOURCES=sources, SOURCE_ID_FIELD='id', RESISTANCE=uniform_resistance(tmp_path),
            temporary_outputs=('OUTPUT_LINKS',))


def test_a_single_source_is_refused_as_one_source(qgis_app, tmp_path):
    """One source was refused saying that no two sources were connected by a corridor of finite cost."""
    sources = wkt_layer('sources', 'Polygon', 'EPSG:32650', squares(0), ['A'], field='id')
    with pytest.raises(QgsProcessingException, match='needs at least two sources; 1 given'):
        run('gravitymodel', SOURCES=sources, SOURCE_ID_FIELD='id', RESISTANCE=uniform_resistance(tmp_path),
            temporary_outputs=('OUTPUT_LINKS',))


def test_repeated_source_ids_are_refused(qgis_app, tmp_path):
    sources = wkt_layer('sources', 'Polygon', 'EPSG:32650', squares(0, 2000), ['A', 'A'], field='id')
    with pytest.raises(QgsProcessingException, match='features 1 and 2 both have the source id A in field "id"'):
        run('gravitymodel', SOURCES=sources, SOURCE_ID_FIELD='id', RESISTANCE=uniform_resistance(tmp_path),
            temporary_outputs=('OUTPUT_LINKS',))


def test_overlapping_sources_are_refused_naming_them(qgis_app, tmp_path):
    """A source half under another counted their shared habitat in both masses; one wholly under another was said
    to lie 'on nodata or outside the resistance raster (mean nan)'. Both are refused as patchimportance refuses
    overlapping patches."""
    sources = wkt_layer('sources', 'Polygon', 'EPSG:32650', squares(0, 500, 3000), ['A', 'B', 'C'], field='id')
    with pytest.raises(QgsProcessingException, match=r'Layer "sources": features id 1 and 2 overlap by 50 ha'):
        run('gravitymodel', SOURCES=sources, SOURCE_ID_FIELD='id', RESISTANCE=uniform_resistance(tmp_path),
            temporary_outputs=('OUTPUT_LINKS',))


def test_the_mean_resistance_leaves_out_nodata_cells_under_a_source(qgis_app, tmp_path):
    sources = wkt_layer('sources', 'Polygon', 'EPSG:32650', squares(0, 2000), ['A', 'B'], field='id')
    values = np.full((10, 50), 2.0)
    values[:, 0:3] = np.nan  # part of A on nodata
    values[:, 20:25] = 4.0   # half of B at 4
    raster = geotiff(tmp_path / 'holes.tif', values, 100.0)
    links = memory_layer('links', 'LineString', 'EPSG:32650', LINK_FIELDS,
                         [('LINESTRING(501000 3999500, 502000 3999500)', ['A', 'B', 1000.0])])
    result = run('gravitymodel', SOURCES=sources, SOURCE_ID_FIELD='id', RESISTANCE=raster, LINKS=links,
                 temporary_outputs=('OUTPUT_LINKS',))
    link, = result['OUTPUT_LINKS'].getFeatures()
    assert link['g_ab'] == pytest.approx((math.log(1e6) / 2.0) * (math.log(1e6) / 3.0))


def test_a_geopackage_keeps_every_digit_of_the_interaction(qgis_app, tmp_path):
    """Interactions over twelve orders of magnitude (L_ab from 1 to 1e6, sources of resistance 1e5) written to
    GeoPackages read back as the engine computes them: 6 decimals would write the weakest, 1.9e-8, as 0."""
    sources = wkt_layer('sources', 'Polygon', 'EPSG:32650', squares(0, 2000, 4000), ['A', 'B', 'C'], field='id')
    links = memory_layer('links', 'LineString', 'EPSG:32650', LINK_FIELDS,
                         [('LINESTRING(501000 3999500, 502000 3999500)', ['A', 'B', 1.0]),
                          ('LINESTRING(503000 3999500, 504000 3999500)', ['B', 'C', 1e3]),
                          ('LINESTRING(501000 3999500, 504000 3999500)', ['A', 'C', 1e6])])
    result = run('gravitymodel', SOURCES=sources, SOURCE_ID_FIELD='id', RESISTANCE=uniform_resistance(tmp_path, 1e5),
                 LINKS=links, OUTPUT_LINKS=str(tmp_path / 'links.gpkg'), OUTPUT_MATRIX=str(tmp_path / 'matrix.gpkg'))
    masses = gravity.masses([1e6] * 3, [1e5] * 3, ['A', 'B', 'C'])  # 1000 m squares, S in m2
    expected = dict(zip(['AB', 'BC', 'AC'], gravity.interaction(masses[[0, 1, 0]], masses[[1, 2, 2]],
                                                                [1.0, 1e3, 1e6]).tolist()))
    assert expected['AC'] < 1e-7 < 1e4 < expected['AB']
    written = {f['from_id'] + f['to_id']: f for f in QgsVectorLayer(result['OUTPUT_LINKS']).getFeatures()}
    assert {pair: f['g_ab'] for pair, f in written.items()} == pytest.approx(expected, rel=1e-12, abs=0)
    assert [written[pair]['cwd'] for pair in ('AB', 'BC', 'AC')] == [1.0, 1e3, 1e6]
    matrix = matrix_rows(QgsVectorLayer(result['OUTPUT_MATRIX']))
    assert {pair: matrix[pair[0]]['g_' + pair[1]] for pair in expected} == pytest.approx(expected, rel=1e-12, abs=0)
    assert {pair: matrix[pair[1]]['g_' + pair[0]] for pair in expected} == pytest.approx(expected, rel=1e-12, abs=0)


def rated_links(layer):
    """{(from_id, to_id): (cwd, g_ab, rank, important)} of a gravitymodel links output."""
    return {(f['from_id'], f['to_id']): (f['cwd'], f['g_ab'], f['rank'], f['important']) for f in layer.getFeatures()}


def matrix_rows(layer):
    """{source: {column: G}} of a gravitymodel matrix output, without a GeoPackage's fid."""
    columns = [name for name in layer.fields().names() if name != 'fid']
    return {f['source']: {column: f[column] for column in columns} for f in layer.getFeatures()}


@pytest.mark.external
@pytest.mark.slow
@pytest.mark.parametrize('with_links', [False, True], ids=['every pair', 'corridornetwork links'])
def test_qgis_process_gives_the_processing_run_interaction(qgis_process, tmp_path, with_links):
    """A batch user's run from the command line: sources with a Chinese id field and the links in GeoPackages, in a
    folder with a Chinese name, the resistance as a GeoTIFF; the same rated links and matrix, to the last digit, as
    processing.run's memory layers from the same files."""
    folder = tmp_path / '引力模型'
    sources = geopackage(str(folder / 'sources.gpkg'), 32650, [('名称', ogr.OFTString)],
                         [(wkt, {'名称': name}) for wkt, name in zip(squares(0, 2000, 4000), ['甲', '乙', '丙'])])
    resistance = uniform_resistance(folder)
    parameters = dict(SOURCES=sources, SOURCE_ID_FIELD='名称', RESISTANCE=resistance, AREA_UNIT=1)
    if with_links:
        parameters['LINKS'] = geopackage(
            str(folder / 'links.gpkg'), 32650, [('from_id', ogr.OFTString), ('to_id', ogr.OFTString),
                                                ('cwd', ogr.OFTReal)],
            [('LINESTRING(501000 3999500, 502000 3999500)', {'from_id': '甲', 'to_id': '乙', 'cwd': 1000.0}),
             ('LINESTRING(503000 3999500, 504000 3999500)', {'from_id': '乙', 'to_id': '丙', 'cwd': 4000.0})],
            ogr.wkbLineString)
    expected = run('gravitymodel', temporary_outputs=('OUTPUT_LINKS', 'OUTPUT_MATRIX'), **parameters)
    outputs = dict(OUTPUT_LINKS=str(folder / '连接.gpkg'), OUTPUT_MATRIX=str(folder / 'matrix.gpkg'))
    returncode, _result, log = qgis_process('gravitymodel', **parameters, **outputs)
    assert returncode == 0, log
    links = rated_links(QgsVectorLayer(outputs['OUTPUT_LINKS']))
    assert len(links) == (2 if with_links else 3)
    assert links == rated_links(expected['OUTPUT_LINKS'])
    assert matrix_rows(QgsVectorLayer(outputs['OUTPUT_MATRIX'])) == matrix_rows(expected['OUTPUT_MATRIX'])


def test_straight_links_across_the_antimeridian_take_the_short_way(qgis_app, tmp_path):
    """Sources in degrees on both sides of 180 (the resistance raster in UTM zone 1N): the straight line between
    them, drawn without a links layer, ran 359.7 degrees the long way round, across the whole map."""
    from coverage_layers import quadrangle

    resistance = geotiff(tmp_path / 'resistance.tif', np.ones((100, 160)), 200, epsg=32601, x0=315000, y0=6670000)
    sources = wkt_layer('sources', 'Polygon', 'EPSG:4326', [quadrangle(179.85, 60.0, 179.9, 60.05),
                                                             quadrangle(-179.9, 60.0, -179.85, 60.05)],
                        ['east', 'west'], field='id')
    result = run('gravitymodel', SOURCES=sources, SOURCE_ID_FIELD='id', RESISTANCE=resistance,
                 temporary_outputs=('OUTPUT_LINKS',))
    [link] = result['OUTPUT_LINKS'].getFeatures()
    first, second = [vertex.x() for vertex in link.geometry().vertices()]
    assert abs(second - first) == pytest.approx(0.25, abs=0.02)
