"""The corridor drawing tool on a real canvas: a centre line clicked from reserve to reserve becomes a
corridor polygon with its length, width, mean resistance and cost-weighted length."""

import math

import numpy as np
import pytest
from osgeo import gdal
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
    QgsSettings,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import Qt

from gui_helpers import CRS, X0, Y0, click, click_shape, make_canvas, polygon_layer
from support import geotiff

WIDTH = 200.0
# Reserves: two 1 km squares 2 km apart along y = 1500 m.
RESERVES = [(500, 1000, 1000), (3500, 1000, 1000)]
GAP = 3500 - 1500


def resistance_raster(path, values):
    """A GeoTIFF of 100 m cells over (X0, Y0) + 5 km in UTM 50N; ``values`` rows run from the top (north)."""
    geotiff(path, values, 100.0, x0=X0, y0=Y0 + values.shape[0] * 100.0, data_type=gdal.GDT_Float32)
    layer = QgsRasterLayer(str(path), 'resistance')
    assert layer.isValid()
    QgsProject.instance().addMapLayer(layer)
    return layer


@pytest.fixture
def corridor_dock(qgis_app, tmp_path):
    from reserve_planner.plugin.zone_editor_dock import ZoneEditorDock

    QgsSettings().remove('reserve_planner')
    canvas = make_canvas()
    reserves = polygon_layer('reserves', RESERVES)
    QgsProject.instance().addMapLayer(reserves)
    dock = ZoneEditorDock(canvas)
    dock.reservesCombo.setLayer(reserves)
    corridors = dock.create_corridors(str(tmp_path / '廊道.gpkg'))
    dock.widthSpin.setValue(WIDTH)
    dock.drawCorridorButton.setChecked(True)
    assert canvas.mapTool() is dock.corridor_tool
    yield dock, canvas, reserves, corridors
    dock.unload()
    corridors.rollBack()
    QgsProject.instance().removeAllMapLayers()
    dock.deleteLater()
    canvas.deleteLater()
    QgsSettings().remove('reserve_planner')


def only_feature(layer):
    features = list(layer.getFeatures())
    assert len(features) == 1
    return features[0]


def test_straight_corridor_between_two_reserves(corridor_dock):
    dock, canvas, reserves, corridors = corridor_dock
    click_shape(canvas, dock.corridor_tool, [(X0 + 1000, Y0 + 1500), (X0 + 4000, Y0 + 1500)])
    corridor = only_feature(corridors)
    assert corridor['length_m'] == pytest.approx(GAP)
    assert corridor['width_m'] == WIDTH
    assert corridor['area_ha'] == pytest.approx(GAP * WIDTH / 10000.0)
    assert corridor.geometry().area() == pytest.approx(GAP * WIDTH)
    box = corridor.geometry().boundingBox()
    assert (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()) == pytest.approx(
        (X0 + 1500, Y0 + 1400, X0 + 3500, Y0 + 1600))
    ids = sorted(feature.id() for feature in reserves.getFeatures())
    assert (corridor['from_id'], corridor['to_id']) == tuple(ids)
    assert corridor['method'] == 'drawn'
    assert corridor['mean_res'] is None or str(corridor['mean_res']) == 'NULL'
    assert corridors.isEditable() and corridors.undoStack().count() == 1
    assert QgsVectorLayer(corridors.source(), 'disk', 'ogr').featureCount() == 0, 'saved only when the planner saves'
    corridors.undoStack().undo()
    assert corridors.featureCount() == 0
    summary = dock.corridorMessageLabel.text()
    assert summary.startswith('Corridor from reserve reserves 1 to reserve reserves 2: 2,000 m long'), summary


def test_line_ends_near_a_reserve_snap_to_its_edge(corridor_dock):
    dock, canvas, _reserves, corridors = corridor_dock
    # 60 m (6 px) outside each reserve's edge: within the 12 px snapping tolerance.
    click_shape(canvas, dock.corridor_tool, [(X0 + 1560, Y0 + 1500), (X0 + 3440, Y0 + 1500)])
    corridor = only_feature(corridors)
    assert corridor['length_m'] == pytest.approx(GAP)


def test_a_line_that_does_not_reach_a_second_reserve_is_refused(corridor_dock):
    dock, canvas, _reserves, corridors = corridor_dock
    click_shape(canvas, dock.corridor_tool, [(X0 + 1000, Y0 + 1500), (X0 + 2500, Y0 + 1500)])
    assert corridors.featureCount() == 0
    assert dock.message_bar.currentItem() is not None
    assert 'another' in dock.message_bar.currentItem().text()


def test_resistance_gives_mean_resistance_and_cost_weighted_length(corridor_dock, tmp_path):
    dock, canvas, _reserves, corridors = corridor_dock
    values = np.full((50, 50), 2.0, dtype=np.float32)
    values[:, 20:25] = 10.0  # x from 2000 to 2500 m: 500 m of the corridor at resistance 10
    dock.resistanceCombo.setLayer(resistance_raster(tmp_path / 'r.tif', values))
    click_shape(canvas, dock.corridor_tool, [(X0 + 1000, Y0 + 1500), (X0 + 4000, Y0 + 1500)])
    corridor = only_feature(corridors)
    expected_cost = 1500 * 2.0 + 500 * 10.0
    assert corridor['cost_len'] == pytest.approx(expected_cost, rel=1e-6)
    assert corridor['mean_res'] == pytest.approx(expected_cost / GAP, rel=1e-6)


def test_least_cost_option_replaces_the_line_by_the_path_round_a_barrier(corridor_dock, tmp_path):
    dock, canvas, _reserves, corridors = corridor_dock
    values = np.full((50, 50), 1.0, dtype=np.float32)
    values[10:50, 24:26] = 1000.0  # a wall from y = 0 to 4000 m (rows count from the top at 5000 m)
    dock.resistanceCombo.setLayer(resistance_raster(tmp_path / 'wall.tif', values))
    dock.leastCostCheck.setChecked(True)
    click_shape(canvas, dock.corridor_tool, [(X0 + 1000, Y0 + 1500), (X0 + 4000, Y0 + 1500)])
    corridor = only_feature(corridors)
    assert corridor['method'] == 'least_cost'
    assert corridor.geometry().boundingBox().yMaximum() > Y0 + 4000, 'the path must go round the top of the wall'
    assert corridor['length_m'] > GAP
    assert corridor['mean_res'] == pytest.approx(1.0, abs=0.05)
    assert QgsSettings().value('reserve_planner/corridor/least_cost_path', type=bool)


def test_escape_cancels_the_line(corridor_dock):
    dock, canvas, _reserves, corridors = corridor_dock
    click(canvas, dock.corridor_tool, X0 + 1000, Y0 + 1500)
    dock.corridor_tool.keyPressEvent(_key(Qt.Key.Key_Escape))
    click(canvas, dock.corridor_tool, X0 + 4000, Y0 + 1500)
    click(canvas, dock.corridor_tool, X0 + 4000, Y0 + 1500, Qt.MouseButton.RightButton)
    assert corridors.featureCount() == 0


def _key(key):
    from qgis.PyQt.QtCore import QEvent
    from qgis.PyQt.QtGui import QKeyEvent

    return QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier)


def test_corridor_layer_is_in_the_reserves_crs_and_styled(corridor_dock):
    _dock, _canvas, _reserves, corridors = corridor_dock
    assert corridors.crs() == CRS
    assert corridors.renderer().symbol().color().blue() > corridors.renderer().symbol().color().red()
    assert corridors.labelsEnabled()


@pytest.fixture
def web_mercator_canvas(corridor_dock):
    """The corridor dock's canvas switched to Web Mercator, showing the reserves and 70 km north of them."""
    dock, canvas, reserves, corridors = corridor_dock
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem('EPSG:3857'))
    to_canvas = QgsCoordinateTransform(CRS, canvas.mapSettings().destinationCrs(), QgsProject.instance())
    canvas.setExtent(to_canvas.transformBoundingBox(QgsRectangle(X0 - 30000, Y0, X0 + 40000, Y0 + 70000)))
    dock.corridor_tool.set_reserves(reserves)
    return dock, canvas, to_canvas, corridors


def canvas_points(to_canvas, offsets):
    """(x, y) on the canvas of points given as offsets in metres from (X0, Y0) in UTM 50N."""
    points = [to_canvas.transform(QgsPointXY(X0 + dx, Y0 + dy)) for dx, dy in offsets]
    return [(point.x(), point.y()) for point in points]


def test_on_a_web_mercator_canvas_a_line_far_from_the_reserves_is_refused(web_mercator_canvas):
    dock, canvas, to_canvas, corridors = web_mercator_canvas
    # About 115 m per pixel at 30 degrees north: 12 px are under 1.5 km, so a line 59.5 km north of both
    # reserves reaches neither (a degree-based tolerance made it thousands of kilometres).
    click_shape(canvas, dock.corridor_tool, canvas_points(to_canvas, [(1000, 61500), (4000, 61500)]))
    assert corridors.featureCount() == 0
    assert 'another' in dock.message_bar.currentItem().text()


def test_on_a_web_mercator_canvas_a_line_ending_near_the_reserves_snaps(web_mercator_canvas):
    dock, canvas, to_canvas, corridors = web_mercator_canvas
    # 300 m (under 3 px) outside each reserve's edge.
    click_shape(canvas, dock.corridor_tool, canvas_points(to_canvas, [(1800, 1500), (3200, 1500)]))
    corridor = only_feature(corridors)
    assert corridor['length_m'] == pytest.approx(GAP, rel=1e-3)


def test_least_cost_path_reads_only_a_window_round_the_reserves(corridor_dock, tmp_path, monkeypatch):
    from shapely.geometry import box
    from shapely.ops import unary_union

    from reserve_planner.plugin import corridor_tool
    from reserve_planner.processing.engine import zone_editing
    from reserve_planner.processing.engine.raster import read_band, read_window

    dock, canvas, _reserves, corridors = corridor_dock
    values = np.full((500, 500), 1.0, dtype=np.float32)  # 50 km x 50 km of 100 m cells
    values[460:500, 24:26] = 1000.0  # a wall from y = 0 to 4000 m (row 500 is y = 0)
    raster = resistance_raster(tmp_path / 'province.tif', values)
    shapes = []

    def recording_read_window(*args):
        grid = read_window(*args)
        shapes.append(grid.array.shape)
        return grid

    monkeypatch.setattr(corridor_tool, 'read_window', recording_read_window)
    dock.resistanceCombo.setLayer(raster)
    dock.leastCostCheck.setChecked(True)
    click_shape(canvas, dock.corridor_tool, [(X0 + 1000, Y0 + 1500), (X0 + 4000, Y0 + 1500)])

    # The reserves' joint box is 4 km x 1 km; grown by 4 km it holds 85 x 60 of the 500 x 500 cells.
    assert shapes == [(60, 85)]
    reserve_shapes = [box(X0 + x, Y0 + y, X0 + x + size, Y0 + y + size) for x, y, size in RESERVES]
    full_line, _cost = zone_editing.least_cost_line(read_band(str(tmp_path / 'province.tif')), *reserve_shapes)
    corridor = only_feature(corridors)
    assert corridor['length_m'] == pytest.approx(full_line.difference(unary_union(reserve_shapes)).length)
    assert corridor.geometry().boundingBox().yMaximum() > Y0 + 4000, 'the path must go round the top of the wall'


def test_a_self_intersecting_reserve_is_repaired_before_the_corridor_is_cut(corridor_dock):
    from qgis.core import QgsGeometry

    dock, canvas, reserves, corridors = corridor_dock
    # The second reserve becomes a bow tie over its square: two triangles meeting at its centre (4000, 1500);
    # the line ends at the centre of the west triangle, whose tip is the bow tie's crossing.
    second = max(feature.id() for feature in reserves.getFeatures())
    points = [QgsPointXY(X0 + x, Y0 + y) for x, y in [(3500, 1000), (4500, 2000), (4500, 1000), (3500, 2000)]]
    reserves.dataProvider().changeGeometryValues({second: QgsGeometry.fromPolygonXY([points + [points[0]]])})
    click_shape(canvas, dock.corridor_tool, [(X0 + 1000, Y0 + 1500), (X0 + 3700, Y0 + 1500)])
    corridor = only_feature(corridors)
    assert corridor['length_m'] == pytest.approx(GAP)


def test_a_geometry_error_cutting_the_corridor_is_reported(corridor_dock, monkeypatch):
    from shapely.errors import TopologicalError

    from reserve_planner.plugin import corridor_tool

    dock, canvas, _reserves, corridors = corridor_dock

    def failing_overlay(*_args, **_kwargs):
        raise TopologicalError('GEOS could not subtract the reserves')

    monkeypatch.setattr(corridor_tool.zone_editing, 'corridor_from_line', failing_overlay)
    click_shape(canvas, dock.corridor_tool, [(X0 + 1000, Y0 + 1500), (X0 + 4000, Y0 + 1500)])
    assert corridors.featureCount() == 0
    message = dock.message_bar.currentItem().text()
    assert 'Check Validity' in message and 'GEOS could not subtract' in message


def corridor_in_degrees(tmp_path, east):
    """The corridor drawn through the dock between two reserves in EPSG:4326 at 60 N, 0.6 x 0.3 degrees each, whose
    facing edges lie 0.4 degrees either side of the meridian ``east``, its centre line clicked on a canvas in
    EPSG:3832 (Pacific Mercator) along 60.15 N. Returns (length_m, area_ha) and the corridor's geometry (shapely,
    degrees)."""
    from support import wkt_layer

    from reserve_planner.plugin.zone_editor_dock import ZoneEditorDock
    from reserve_planner.processing import qgis_io

    def lon(value):
        return (value + 180.0) % 360.0 - 180.0

    QgsSettings().remove('reserve_planner')
    canvas = make_canvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem('EPSG:3832'))
    squares = ['POLYGON(({w} 60, {e} 60, {e} 60.3, {w} 60.3, {w} 60))'.format(w=lon(west), e=lon(west + 0.6))
               for west in (east - 1.0, east + 0.4)]
    reserves = wkt_layer('reserves', 'Polygon', 'EPSG:4326', squares)
    QgsProject.instance().addMapLayer(reserves)
    dock = ZoneEditorDock(canvas)
    try:
        dock.reservesCombo.setLayer(reserves)
        corridors = dock.create_corridors(str(tmp_path / 'corridors_{}.gpkg'.format(east)))
        dock.widthSpin.setValue(WIDTH)
        to_canvas = QgsCoordinateTransform(reserves.crs(), canvas.mapSettings().destinationCrs(), QgsProject.instance())
        ends = [to_canvas.transform(QgsPointXY(lon(east + offset), 60.15)) for offset in (-0.7, 0.7)]
        canvas.setExtent(QgsRectangle(ends[0], ends[1]).buffered(50000.0))
        feature = dock.add_drawn_corridor(QgsGeometry.fromPolylineXY(ends))
        assert feature is not None, dock.message_bar.currentItem().text()
        corridors.rollBack()
        return (feature['length_m'], feature['area_ha']), qgis_io.to_shapely(feature.geometry())
    finally:
        dock.unload()
        QgsProject.instance().removeAllMapLayers()
        dock.deleteLater()
        canvas.deleteLater()
        QgsSettings().remove('reserve_planner')


def test_a_corridor_between_reserves_in_degrees_across_180_is_measured_where_they_lie(qgis_app, tmp_path):
    """Reserves in EPSG:4326 on either side of 180 degrees were measured in a CRS centred on the layer's extent,
    from -180 to 180, on the Greenwich meridian 60 degrees of arc away at 60 N. The corridor tool measures centred on
    the reserves (qgis_io.metric_crs_of, as the algorithms measure), so the corridor's length and area equal those of
    the same layout at 10 E; 0.8 degrees of longitude at 60.15 N is about 44.6 km. The corridor is written back cut at
    180 degrees, as Processing writes polygons in degrees."""
    (across, drawn), (at_ten, drawn_at_ten) = corridor_in_degrees(tmp_path, 180.0), corridor_in_degrees(tmp_path, 10.0)
    assert across == pytest.approx(at_ten, rel=1e-6)
    length, area = across
    assert length == pytest.approx(0.8 * 111.6e3 * math.cos(math.radians(60.15)), rel=0.01)
    assert area == pytest.approx(length * WIDTH / 10000.0, rel=0.01)
    # written back cut at 180 degrees (qgis_io.output_polygon), not as one polygon from -179.6 to 179.6 across the map
    assert sorted((round(part.bounds[0], 4), round(part.bounds[2], 4)) for part in drawn.geoms) == [
        (-180.0, -179.6), (179.6, 180.0)]
    assert drawn.area == pytest.approx(drawn_at_ten.area, rel=1e-6)
