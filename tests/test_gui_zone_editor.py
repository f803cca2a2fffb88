"""The zone editor dock on a real map canvas: drawing with simulated clicks, clip-on-draw through the
edit buffer, undo/redo, the live area table and live validation markers."""

import pytest
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsSettings,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtTest import QTest

from gui_helpers import X0, Y0, click, click_shape, make_canvas, polygon_layer, square

RESERVE_HA = 400.0  # the boundary is a 2 km square


@pytest.fixture
def clean_settings():
    QgsSettings().remove('reserve_planner')
    yield
    QgsSettings().remove('reserve_planner')


@pytest.fixture
def editor(qgis_app, tmp_path, clean_settings):
    """A dock on a canvas, a 2 km x 2 km reserve boundary and a new zoning GeoPackage made from it."""
    from reserve_planner.plugin.zone_editor_dock import ZoneEditorDock

    canvas = make_canvas()
    boundary = polygon_layer('boundary', [(1000, 1000, 2000)])
    QgsProject.instance().addMapLayer(boundary)
    dock = ZoneEditorDock(canvas)
    dock.boundaryCombo.setLayer(boundary)
    layer = dock.create_zoning(str(tmp_path / '区划 zones.gpkg'))
    assert layer is not None and layer.isEditable()
    yield dock, canvas, layer
    dock.unload()
    layer.rollBack()
    QgsProject.instance().removeAllMapLayers()
    dock.deleteLater()
    canvas.deleteLater()


def table(dock):
    """{zone title: (area ha, share %)} as the live table shows them."""
    dock.live.run_now()
    rows = {}
    for row in range(dock.areaTable.rowCount()):
        title = dock.areaTable.item(row, 0).text()
        rows[title] = (float(dock.areaTable.item(row, 1).text().replace(',', '')),
                       float(dock.areaTable.item(row, 2).text()))
    return rows


def draw(dock, canvas, zone, points, mode=None):
    dock.select_zone(zone)
    if mode is not None:
        dock.clipModeCombo.setCurrentIndex(dock.clipModeCombo.findData(mode))
    dock.drawButton.setChecked(True)
    assert canvas.mapTool() is dock.draw_tool
    click_shape(canvas, dock.draw_tool, [(X0 + x, Y0 + y) for x, y in points])


def zones_of(layer):
    return sorted((feature['zone'], round(feature.geometry().area() / 10000.0, 3)) for feature in layer.getFeatures())


def test_new_zoning_starts_as_one_transition_zone_over_the_reserve(editor):
    dock, _canvas, layer = editor
    assert zones_of(layer) == [('transition', RESERVE_HA)]
    assert table(dock) == {'Transition area': (RESERVE_HA, 100.0)}
    assert layer.renderer().type() == 'categorizedSymbol'


def test_drawn_core_takes_its_area_from_the_transition_and_undo_gives_it_back(editor):
    dock, canvas, layer = editor
    draw(dock, canvas, 'core', square(1500, 1500, 500))
    assert zones_of(layer) == [('core', 25.0), ('transition', RESERVE_HA - 25.0)]
    assert table(dock) == {'Core area': (25.0, 6.25), 'Transition area': (375.0, 93.75)}

    layer.undoStack().undo()
    assert zones_of(layer) == [('transition', RESERVE_HA)]
    assert table(dock) == {'Transition area': (RESERVE_HA, 100.0)}

    layer.undoStack().redo()
    assert table(dock) == {'Core area': (25.0, 6.25), 'Transition area': (375.0, 93.75)}


def test_nothing_is_written_until_the_planner_saves(editor):
    dock, canvas, layer = editor
    draw(dock, canvas, 'core', square(1500, 1500, 500))
    on_disk = QgsVectorLayer(layer.source(), 'disk', 'ogr')
    assert [feature['zone'] for feature in on_disk.getFeatures()] == ['transition']
    assert layer.commitChanges()
    on_disk = QgsVectorLayer(layer.source(), 'disk', 'ogr')
    saved = sorted((feature['zone'], feature['zone_code'], round(feature['area_ha'], 3))
                   for feature in on_disk.getFeatures())
    assert saved == [('core', 1, 25.0), ('transition', 3, 375.0)]


def test_a_zone_drawn_across_the_reserve_edge_is_cut_to_the_boundary(editor):
    dock, canvas, layer = editor
    draw(dock, canvas, 'buffer', square(500, 500, 1000))
    assert zones_of(layer) == [('buffer', 25.0), ('transition', 375.0)]


def test_a_yielding_zone_keeps_only_what_no_zone_covers(editor):
    from reserve_planner.processing.engine.zone_editing import YIELDS

    dock, canvas, layer = editor
    draw(dock, canvas, 'core', square(1500, 1500, 500))
    layer.undoStack().undo()
    layer.deleteFeatures([feature.id() for feature in layer.getFeatures()])
    draw(dock, canvas, 'core', square(1000, 1000, 500))
    draw(dock, canvas, 'buffer', square(1000, 1000, 1000), mode=YIELDS)
    assert zones_of(layer) == [('buffer', 75.0), ('core', 25.0)]


def test_backspace_removes_the_last_vertex_and_escape_cancels(editor):
    dock, canvas, layer = editor
    dock.drawButton.setChecked(True)
    tool = dock.draw_tool
    for x, y in square(1500, 1500, 500) + [(1900, 1900)]:
        click(canvas, tool, X0 + x, Y0 + y)
    QTest.keyClick(canvas, Qt.Key.Key_Backspace)
    assert len(tool.points) == 4
    QTest.keyClick(canvas, Qt.Key.Key_Escape)
    assert tool.points == []
    click(canvas, tool, X0 + 1500, Y0 + 1500, Qt.MouseButton.RightButton)
    assert zones_of(layer) == [('transition', RESERVE_HA)]


def test_an_edit_that_creates_an_overlap_is_listed_and_marked_on_the_map(editor):
    dock, canvas, layer = editor
    dock.live.run_now()
    before = [shown.problem.rule for shown in dock.live.problems]
    assert 'overlap' not in before
    overlapping = QgsFeature(layer.fields())
    overlapping.setGeometry(QgsGeometry.fromRect(QgsRectangle(X0 + 1000, Y0 + 1000, X0 + 1300, Y0 + 1200)))
    overlapping.setAttribute('zone', 'core')
    layer.addFeature(overlapping)
    assert dock.live.timer.isActive(), 'an edit must schedule the checks'
    QTest.qWait(600)
    overlaps = [index for index, shown in enumerate(dock.live.problems) if shown.problem.rule == 'overlap']
    assert len(overlaps) == 1
    shown = dock.live.problems[overlaps[0]]
    assert shown.problem.geometry.area == pytest.approx(300.0 * 200.0, rel=1e-6)
    assert shown.marker in dock.live.markers and shown.marker.isVisible()
    marker_box = shown.marker.asGeometry().boundingBox()
    assert (marker_box.xMinimum(), marker_box.yMinimum(), marker_box.xMaximum(), marker_box.yMaximum()) == \
        pytest.approx((X0 + 1000, Y0 + 1000, X0 + 1300, Y0 + 1200))
    item = dock.problemsTree.topLevelItem(overlaps[0])
    assert 'overlap' in item.text(1).lower() and item.text(0) == 'Error'

    dock.live.zoom_to_item(item)
    assert canvas.extent().contains(QgsRectangle(X0 + 1000, Y0 + 1000, X0 + 1300, Y0 + 1200))
    assert canvas.extent().width() < 2000

    layer.undoStack().undo()
    dock.live.run_now()
    assert [shown.problem.rule for shown in dock.live.problems] == before
    assert dock.problemsTree.topLevelItemCount() == len(before)
    assert len(dock.live.markers) == sum(1 for shown in dock.live.problems if shown.marker is not None)


def test_profile_thresholds_show_beside_the_shares(editor):
    dock, canvas, _layer = editor
    dock.profileCombo.setCurrentIndex(dock.profileCombo.findData('germany'))
    draw(dock, canvas, 'core', square(1500, 1500, 200))
    dock.live.run_now()
    rules = {dock.areaTable.item(row, 0).text(): dock.areaTable.item(row, 3).text()
             for row in range(dock.areaTable.rowCount())}
    assert rules['Core area'] == '≥ 3.0 %'
    assert rules['Core area + Buffer zone'] == '≥ 20.0 %'
    shares = [shown.problem.rule for shown in dock.live.problems]
    assert 'core_buffer_share' in shares and 'core_share' in shares


def test_two_zone_profile_draws_core_and_general_control_zone(editor):
    dock, canvas, layer = editor
    dock.profileCombo.setCurrentIndex(dock.profileCombo.findData('china2'))
    buttons = {button.property('zone'): button for button in dock.zone_buttons.buttons()}
    assert list(buttons) == ['core', 'general']
    assert dock.zoneButtonsLayout.count() == 2
    assert QgsSettings().value('reserve_planner/zone_editor/profile') == 'china2'
    dock.drawButton.setChecked(True)
    for zone, (x, y, size) in (('core', (1500, 1500, 500)), ('general', (2000, 2000, 1000))):
        buttons[zone].click()
        click_shape(canvas, dock.draw_tool, [(X0 + px, Y0 + py) for px, py in square(x, y, size)])
    # 500 m and 1 km squares; the rest of the reserve stays transition, which counts as general control zone
    assert zones_of(layer) == [('core', 25.0), ('general', 100.0), ('transition', RESERVE_HA - 125.0)]
    assert table(dock) == {'Core area': (25.0, 6.25), 'General control zone': (375.0, 93.75)}


def test_choices_are_remembered_for_the_next_session(editor):
    from reserve_planner.plugin.zone_editor_dock import ZoneEditorDock

    dock, canvas, _layer = editor
    dock.select_zone('buffer')
    dock.clipModeCombo.setCurrentIndex(1)
    dock.widthSpin.setValue(750)
    again = ZoneEditorDock(canvas)
    try:
        assert again.current_zone() == 'buffer'
        assert again.clipModeCombo.currentIndex() == 1
        assert again.widthSpin.value() == 750
    finally:
        again.unload()
        again.deleteLater()


def test_general_control_zone_is_drawn_and_visible_under_the_zone_style(editor):
    dock, canvas, layer = editor
    dock.profileCombo.setCurrentIndex(dock.profileCombo.findData('china2'))
    draw(dock, canvas, 'general', square(1000, 1000, 1000))
    assert ('general', 100.0) in zones_of(layer)
    renderer = layer.renderer()
    categories = renderer.categories()
    category = categories[renderer.categoryIndexForValue('general')]
    assert category.renderState() and category.label() == 'General control zone'
    assert table(dock)['General control zone'] == (RESERVE_HA, 100.0)


def test_a_failing_check_keeps_the_edit_and_says_so(editor, monkeypatch):
    from reserve_planner.plugin import live_checks

    dock, canvas, layer = editor

    def broken(*_args, **_kwargs):
        raise ValueError('engine failure')

    monkeypatch.setattr(live_checks.zone_validation, 'validate', broken)
    draw(dock, canvas, 'core', square(1500, 1500, 500))
    dock.live.run_now()
    assert zones_of(layer) == [('core', 25.0), ('transition', 375.0)]
    assert 'engine failure' in dock.validationStatusLabel.text()
    assert table(dock)['Core area'] == (25.0, 6.25)


def wait_for(condition, timeout_ms=10000):
    waited = 0
    while not condition() and waited < timeout_ms:
        QTest.qWait(50)
        waited += 50
    return condition()


def add_overlap(layer):
    overlapping = QgsFeature(layer.fields())
    overlapping.setGeometry(QgsGeometry.fromRect(QgsRectangle(X0 + 1000, Y0 + 1000, X0 + 1300, Y0 + 1200)))
    overlapping.setAttribute('zone', 'core')
    layer.addFeature(overlapping)


def test_big_layers_are_checked_in_the_background_and_stale_results_are_dropped(editor, monkeypatch):
    from qgis.core import QgsApplication

    from reserve_planner.plugin import live_checks

    dock, _canvas, layer = editor
    monkeypatch.setattr(live_checks, 'BACKGROUND_VERTEX_COUNT', 0)
    add_overlap(layer)
    tasks = QgsApplication.taskManager()
    dock.live.run_now()
    assert dock.validationStatusLabel.text() == 'Checking the zoning…'
    dock.live.schedule()
    dock.live.timer.stop()
    assert wait_for(lambda: tasks.countActiveTasks() == 0)
    QTest.qWait(100)
    assert dock.live.problems == [], 'a result computed before a newer edit must be dropped'
    dock.live.run_now()
    assert wait_for(lambda: dock.live.problems)
    assert 'overlap' in [shown.problem.rule for shown in dock.live.problems]


def test_a_zoning_in_a_geographic_crs_is_measured_in_hectares(qgis_app, tmp_path, clean_settings):
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform

    from reserve_planner.plugin.zone_editor_dock import ZoneEditorDock

    canvas = make_canvas()
    boundary = polygon_layer('boundary', [(1000, 1000, 2000)])
    geographic = QgsVectorLayer('Polygon?crs=EPSG:4490', 'boundary 4490', 'memory')
    feature = next(boundary.getFeatures())
    geometry = feature.geometry()
    geometry.densifyByCount(50)
    geometry.transform(QgsCoordinateTransform(boundary.crs(), QgsCoordinateReferenceSystem('EPSG:4490'),
                                              QgsProject.instance()))
    feature.setGeometry(geometry)
    geographic.dataProvider().addFeatures([feature])
    QgsProject.instance().addMapLayer(geographic)
    dock = ZoneEditorDock(canvas)
    try:
        dock.boundaryCombo.setLayer(geographic)
        layer = dock.create_zoning(str(tmp_path / 'zones_4490.gpkg'))
        assert layer.crs().authid() == 'EPSG:4490'
        draw(dock, canvas, 'core', square(1500, 1500, 500))
        areas = table(dock)
        # UTM's scale factor near the central meridian (114E, here about 0.9996) makes the
        # true area of a 500 m UTM square 0.08 % larger than 25 ha at most.
        assert areas['Core area'][0] == pytest.approx(25.0, rel=2e-3)
        assert areas['Transition area'][0] == pytest.approx(375.0, rel=2e-3)
        layer.rollBack()
    finally:
        dock.unload()
        QgsProject.instance().removeAllMapLayers()
        dock.deleteLater()
        canvas.deleteLater()


def shifted_wkt(wkt, degrees):
    """``wkt`` moved east by ``degrees`` of longitude, wrapped into [-180, 180] part by part (FIJI at 10 E stays two
    parts)."""
    from qgis.core import QgsGeometry as Geometry

    parts = []
    for part in Geometry.fromWkt(wkt).asMultiPolygon():
        start = part[0][0].x() + degrees
        turn = -360.0 if start >= 180.0 else (360.0 if start < -180.0 else 0.0)
        parts.append([[QgsPointXY(point.x() + degrees + turn, point.y()) for point in ring] for ring in part])
    return Geometry.fromMultiPolygonXY(parts).asWkt()


def fiji_like_zoning_areas(tmp_path, degrees):
    """Zone FIJI moved east by ``degrees`` in EPSG:4326 through the dock: a new zoning from it as the boundary, then
    a core drawn inside its western part (a hole in the transition zone, so that no edge of the boundary is cut: the
    zone editor measures edges as straight in metres, not densified). Returns (saved area_ha by zone, the live
    table's areas)."""
    from support import FIJI, wkt_layer

    from reserve_planner.plugin.zone_editor_dock import ZoneEditorDock
    from reserve_planner.plugin.zone_layer import apply_drawn_zone
    from reserve_planner.processing.engine import zone_editing

    canvas = make_canvas()
    boundary = wkt_layer('fiji', 'MultiPolygon', 'EPSG:4326', [shifted_wkt(FIJI, degrees)])
    QgsProject.instance().addMapLayer(boundary)
    dock = ZoneEditorDock(canvas)
    try:
        dock.boundaryCombo.setLayer(boundary)
        layer = dock.create_zoning(str(tmp_path / 'fiji_{}.gpkg'.format(degrees)))
        saved = {feature['zone']: feature['area_ha'] for feature in layer.getFeatures()}
        core = QgsGeometry.fromWkt(shifted_wkt(
            'MULTIPOLYGON(((177.2 -17.8, 177.8 -17.8, 177.8 -17.2, 177.2 -17.2, 177.2 -17.8)))', degrees))
        apply_drawn_zone(layer, core, 'core', zone_editing.NEW_WINS)
        saved.update({feature['zone']: feature['area_ha'] for feature in layer.getFeatures()})
        areas = {title: area for title, (area, _share) in table(dock).items()}
        layer.rollBack()
        return saved, areas
    finally:
        dock.unload()
        QgsProject.instance().removeAllMapLayers()
        dock.deleteLater()
        canvas.deleteLater()


def test_a_zoning_in_degrees_across_180_is_measured_where_it_lies(qgis_app, tmp_path, clean_settings):
    """A zoning in EPSG:4326 whose boundary has parts ending at 180 E and 180 W (FIJI) was measured in a CRS
    centred on the layer's extent, from -180 to 180, on the Greenwich meridian on the other side of the globe. It
    is measured centred on its features (qgis_io.metric_crs_of, as the algorithms measure), so its areas, when it
    is created and after a core is drawn, equal those of the same shapes at 10 E."""
    across, at_ten = (fiji_like_zoning_areas(tmp_path, degrees) for degrees in (0.0, -167.0))
    saved, areas = across
    assert set(saved) == {'transition', 'core'} and saved['core'] > 0 and saved['transition'] > 0
    assert set(areas) == {'Core area', 'Transition area'}
    assert saved == pytest.approx(at_ten[0], rel=1e-6)
    assert areas == pytest.approx(at_ten[1], rel=1e-6)
    # the new zoning's transition zone before the core was drawn: FIJI whole, 5 square degrees near 17.5 S
    assert sum(saved.values()) == pytest.approx(5 * 111.3 * 106.1 * 100.0, rel=0.01)


def test_reshaping_with_qgis_tools_keeps_the_saved_area_right(editor):
    dock, canvas, layer = editor
    draw(dock, canvas, 'core', square(1500, 1500, 500))
    core = next(feature for feature in layer.getFeatures() if feature['zone'] == 'core')
    layer.changeGeometry(core.id(), QgsGeometry.fromRect(QgsRectangle(X0 + 1500, Y0 + 1500, X0 + 2500, Y0 + 2000)))
    assert layer.commitChanges()
    on_disk = QgsVectorLayer(layer.source(), 'disk', 'ogr')
    saved = {feature['zone']: feature['area_ha'] for feature in on_disk.getFeatures()}
    assert saved['core'] == pytest.approx(50.0)


def make_bow_tie(layer):
    """Reshape the transition zone into a bow tie over the reserve: two 100 ha triangles meeting at its centre."""
    points = [QgsPointXY(X0 + x, Y0 + y) for x, y in [(1000, 1000), (3000, 3000), (3000, 1000), (1000, 3000)]]
    (transition,) = [feature.id() for feature in layer.getFeatures()]
    assert layer.changeGeometry(transition, QgsGeometry.fromMultiPolygonXY([[points + [points[0]]]]))
    assert not layer.getFeature(transition).geometry().isGeosValid()


def test_a_zone_drawn_next_to_an_invalid_zone_is_added(editor):
    dock, canvas, layer = editor
    make_bow_tie(layer)
    draw(dock, canvas, 'core', square(2500, 1800, 400))  # inside the right-hand triangle
    assert zones_of(layer) == [('core', 16.0), ('transition', 200.0 - 16.0)]
    assert all(feature.geometry().isGeosValid() for feature in layer.getFeatures())
    assert dock.message_bar.currentItem() is None


def test_a_geometry_error_of_the_overlay_is_reported_and_changes_nothing(editor, monkeypatch):
    from shapely.errors import TopologicalError

    from reserve_planner.plugin import zone_layer

    dock, canvas, layer = editor

    def failing_overlay(*_args, **_kwargs):
        raise TopologicalError('GEOS could not intersect the geometries')

    monkeypatch.setattr(zone_layer.zone_editing, 'clip_new_zone', failing_overlay)
    draw(dock, canvas, 'core', square(1500, 1500, 500))
    assert zones_of(layer) == [('transition', RESERVE_HA)]
    message = dock.message_bar.currentItem().text()
    assert 'Check Validity' in message and 'GEOS could not intersect' in message


def add_zone(layer, zone, left, bottom, right, top):
    """Add a rectangular ``zone`` feature at offsets in metres from (X0, Y0)."""
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(X0 + left, Y0 + bottom, X0 + right, Y0 + top)))
    feature.setAttribute('zone', zone)
    assert layer.addFeature(feature)


def test_table_shares_are_of_the_reserve_and_flagged_as_validation_flags_them(editor):
    from reserve_planner.plugin.live_checks import SEVERITY_COLOURS
    from reserve_planner.processing.engine.zone_validation import ERROR

    dock, _canvas, layer = editor
    boundary = QgsVectorLayer('Polygon?crs=EPSG:32650', 'boundary 40 ha', 'memory')
    reserve = QgsFeature()
    reserve.setGeometry(QgsGeometry.fromRect(QgsRectangle(X0, Y0, X0 + 1000, Y0 + 400)))  # 40 ha
    boundary.dataProvider().addFeatures([reserve])
    QgsProject.instance().addMapLayer(boundary)
    dock.boundaryCombo.setLayer(boundary)
    dock.profileCombo.setCurrentIndex(dock.profileCombo.findData('germany'))
    layer.deleteFeatures([feature.id() for feature in layer.getFeatures()])
    add_zone(layer, 'core', 0, 0, 100, 100)  # 1 ha
    add_zone(layer, 'buffer', 100, 0, 200, 100)  # 1 ha
    add_zone(layer, 'transition', 200, 0, 600, 200)  # 8 ha

    rows = table(dock)
    # Shares of the 40 ha reserve (validation rule 6), not of the 10 ha the zones add up to.
    assert rows['Core area'] == (1.0, 2.5)
    assert rows['Core area + Buffer zone'] == (2.0, 5.0)
    assert rows['Transition area'] == (8.0, 20.0)
    assert rows['Not zoned'] == (30.0, 75.0)
    core_row = [row for row in range(dock.areaTable.rowCount()) if dock.areaTable.item(row, 0).text() == 'Core area']
    assert dock.areaTable.item(core_row[0], 2).foreground().color() == SEVERITY_COLOURS[ERROR]
    (core_share,) = [shown.problem for shown in dock.live.problems if shown.problem.rule == 'core_share']
    assert core_share.params['share'] == pytest.approx(2.5)


class RefusingWriter:
    """QgsVectorFileWriter whose writers refuse every feature, as one does on a full disk."""

    SaveVectorOptions = QgsVectorFileWriter.SaveVectorOptions
    WriterError = QgsVectorFileWriter.WriterError

    class Writer:
        def __init__(self, writer):
            self.writer = writer

        def __getattr__(self, name):
            return getattr(self.writer, name)

        def addFeature(self, _feature):  # noqa: N802 (Qt API name)
            return False

    @classmethod
    def create(cls, *args):
        return cls.Writer(QgsVectorFileWriter.create(*args))


def test_a_boundary_the_writer_refuses_leaves_no_zoning_file(editor, tmp_path, monkeypatch):
    from reserve_planner.plugin import geopackage

    dock, _canvas, _layer = editor
    monkeypatch.setattr(geopackage, 'QgsVectorFileWriter', RefusingWriter)
    path = tmp_path / 'refused.gpkg'
    assert dock.create_zoning(str(path)) is None
    assert not path.exists()
    assert 'refused.gpkg' in dock.message_bar.currentItem().text()
