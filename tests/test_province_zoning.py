"""generatezones over many reserves (RESERVE_FIELD): each reserve zoned inside its own boundary, exactly as alone;
zones of reserves whose boundaries touch never cross between them; overlapping boundaries are reported."""

import pytest
from shapely import wkb
from shapely.geometry import box
from shapely.ops import unary_union
from qgis.core import QgsProcessingException, QgsVectorLayer

from support import RecordingFeedback, memory_layer, run
from test_province_validation import write_layer

X0, Y0 = 500000.0, 4000000.0
RESERVES = {'甲': box(X0, Y0, X0 + 5000, Y0 + 5000), '乙': box(X0 + 5000, Y0, X0 + 10000, Y0 + 5000)}
CORES = {'甲': box(X0 + 3800, Y0 + 2000, X0 + 4800, Y0 + 3000), '乙': box(X0 + 5200, Y0 + 2000, X0 + 6200, Y0 + 3000)}
"""Each core 200 m from the shared edge at x = X0 + 5000, so that a 1 km buffer would cross it."""


def zones_of(path):
    """{(reserve, zone): (shapely geometry, area_ha)} of a generatezones output."""
    layer = QgsVectorLayer(path)
    names = layer.fields().names()
    return {(feature['reserve'] if 'reserve' in names else None, feature['zone']):
            (wkb.loads(bytes(feature.geometry().asWkb())), feature['area_ha']) for feature in layer.getFeatures()}


def generate(tmp_path, name, reserves, feedback=None, **parameters):
    cores = write_layer(tmp_path / 'cores_{}.gpkg'.format(name),
                        [(index + 1, CORES[reserve], None, reserve) for index, reserve in enumerate(reserves)])
    boundary = write_layer(tmp_path / 'boundary_{}.gpkg'.format(name),
                           [(index + 1, RESERVES[reserve], None, reserve) for index, reserve in enumerate(reserves)])
    output = str(tmp_path / 'zones_{}.gpkg'.format(name))
    run('generatezones', feedback=feedback, CORES=cores, BOUNDARY=boundary, BUFFER_WIDTH=1000,
        TRANSITION_WIDTH=2000, OUTPUT=output, **parameters)
    return zones_of(output)


def test_zones_of_reserves_whose_boundaries_touch_never_cross_and_equal_each_reserve_alone(qgis_app, tmp_path):
    province = generate(tmp_path, 'province', ['甲', '乙'], RESERVE_FIELD='reserve')
    assert sorted(province) == sorted((reserve, zone) for reserve in RESERVES
                                      for zone in ('core', 'buffer', 'transition'))
    for reserve, outline in RESERVES.items():
        mine = unary_union([geometry for (owner, _), (geometry, _) in province.items() if owner == reserve])
        others = unary_union([geometry for (owner, _), (geometry, _) in province.items() if owner != reserve])
        assert mine.difference(outline).area < 1e-6
        assert mine.intersection(others).area < 1e-6
        assert abs(mine.area - outline.area) < 1e-3
        alone = generate(tmp_path, reserve, [reserve])
        assert {zone: area for (_, zone), (_, area) in alone.items()} == {
            zone: area for (owner, zone), (_, area) in province.items() if owner == reserve}
    merged = generate(tmp_path, 'merged', ['甲', '乙'])
    assert merged[(None, 'buffer')][0].difference(RESERVES['甲']).area > 0  # without it the buffers cross


def test_overlapping_reserve_boundaries_are_reported(qgis_app, tmp_path):
    RESERVES['丙'] = box(X0 + 4000, Y0 + 4000, X0 + 9000, Y0 + 9000)
    CORES['丙'] = box(X0 + 6000, Y0 + 6000, X0 + 7000, Y0 + 7000)
    feedback = RecordingFeedback()
    try:
        generate(tmp_path, 'overlap', ['甲', '丙'], feedback=feedback, RESERVE_FIELD='reserve')
    finally:
        del RESERVES['丙'], CORES['丙']
    assert any('reserves 甲 and 丙 overlap over 1000000 m²' in line for line in feedback.lines)


def test_a_core_without_a_reserve_is_refused_naming_it(qgis_app, tmp_path):
    cores = write_layer(tmp_path / 'cores.gpkg', [(1, CORES['甲'], None, '甲'), (2, CORES['乙'], None, None)])
    with pytest.raises(QgsProcessingException, match='Features 2 of layer .* have no value in the reserve field'):
        run('generatezones', CORES=cores, RESERVE_FIELD='reserve', OUTPUT=str(tmp_path / 'zones.gpkg'))
    assert not (tmp_path / 'zones.gpkg').exists()


def test_zone_statistics_per_reserve_equal_each_reserve_alone(qgis_app, tmp_path):
    rows = [(1, CORES['甲'], 'core', '甲'), (2, RESERVES['甲'].difference(CORES['甲']), 'transition', '甲'),
            (3, CORES['乙'], 'core', '乙'), (4, RESERVES['乙'].difference(CORES['乙']).buffer(-100), 'buffer', '乙')]
    province = write_layer(tmp_path / 'province.gpkg', rows)
    output = str(tmp_path / 'stats.gpkg')
    run('zonestatistics', ZONES=province, RESERVE_FIELD='reserve', OUTPUT=output)
    table = [feature.attributes()[2:] for feature in QgsVectorLayer(output).getFeatures()]  # fid, reserve first
    assert [feature['reserve'] for feature in QgsVectorLayer(output).getFeatures()] == ['甲', '甲', '乙', '乙']
    for reserve in RESERVES:
        alone_output = str(tmp_path / 'alone_{}.gpkg'.format(reserve))
        run('zonestatistics', ZONES=write_layer(tmp_path / '{}.gpkg'.format(reserve),
                                                [row for row in rows if row[3] == reserve]), OUTPUT=alone_output)
        alone = [feature.attributes()[1:] for feature in QgsVectorLayer(alone_output).getFeatures()]
        assert alone == (table[:2] if reserve == '甲' else table[2:])
    # the core's share of its own reserve, not of the province
    assert table[0][:2] == ['core', 1] and table[0][3] == pytest.approx(4.0)


def test_reserve_ids_match_whether_stored_as_integers_or_text(qgis_app):
    """Cores with the integer reserve 7 and a boundary with the text "7" were taken for different reserves: the
    zones ignored the boundary (the transition grew 2 km beyond it) with a warning that reserve 7 had no boundary
    feature, and validatezones then checked the zones against their own outline and found nothing outside."""
    cores = memory_layer('cores', 'Polygon', 'EPSG:32650', 'field=reserve:integer', [(CORES['甲'].wkt, [7])])
    boundary = memory_layer('boundary', 'Polygon', 'EPSG:32650', 'field=reserve:string',
                            [(RESERVES['甲'].wkt, ['7'])])
    feedback = RecordingFeedback()
    zones = run('generatezones', feedback=feedback, temporary_outputs=('OUTPUT',), CORES=cores, BOUNDARY=boundary,
                RESERVE_FIELD='reserve', BUFFER_WIDTH=1000, TRANSITION_WIDTH=2000)['OUTPUT']
    outline = unary_union([wkb.loads(bytes(feature.geometry().asWkb())) for feature in zones.getFeatures()])
    assert outline.symmetric_difference(RESERVES['甲']).area < 1e-3
    assert not [line for line in feedback.lines if 'without a boundary feature' in line]
    smaller = memory_layer('boundary', 'Polygon', 'EPSG:32650', 'field=reserve:string',
                           [(box(X0, Y0, X0 + 4900, Y0 + 5000).wkt, ['7'])])
    checked = run('validatezones', feedback=feedback, temporary_outputs=('OUTPUT',), ZONES=zones, BOUNDARY=smaller,
                  RESERVE_FIELD='reserve')
    assert 'outside_boundary' in {feature['rule'] for feature in checked['OUTPUT'].getFeatures()}
    assert not [line for line in feedback.lines if 'without a boundary feature' in line]
