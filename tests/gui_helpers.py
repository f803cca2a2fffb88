"""Shared set-up of the GUI tests: a real QgsMapCanvas and simulated mouse clicks in map coordinates."""

from qgis.core import QgsCoordinateReferenceSystem, QgsFeature, QgsGeometry, QgsPointXY, QgsRectangle, QgsVectorLayer
from qgis.gui import QgsMapCanvas, QgsMapMouseEvent
from qgis.PyQt.QtCore import QEvent, QPoint, Qt

CRS = QgsCoordinateReferenceSystem('EPSG:32650')
X0, Y0 = 500000.0, 3300000.0
METRES_PER_PIXEL = 10.0
CANVAS_PIXELS = 600


def make_canvas():
    """A shown 600 x 600 px canvas in UTM 50N over (X0, Y0) + 6 km, exactly 10 m per pixel."""
    canvas = QgsMapCanvas()
    canvas.setDestinationCrs(CRS)
    canvas.setFrameStyle(0)
    canvas.resize(CANVAS_PIXELS, CANVAS_PIXELS)
    canvas.show()
    span = CANVAS_PIXELS * METRES_PER_PIXEL
    canvas.setExtent(QgsRectangle(X0, Y0, X0 + span, Y0 + span))
    assert abs(canvas.mapUnitsPerPixel() - METRES_PER_PIXEL) < 1e-9, canvas.mapUnitsPerPixel()
    return canvas


def pixel(canvas, x, y):
    point = canvas.getCoordinateTransform().transform(QgsPointXY(x, y))
    return QPoint(int(round(point.x())), int(round(point.y())))


def click(canvas, tool, x, y, button=Qt.MouseButton.LeftButton):
    """Move to map point (x, y) and release ``button`` there, as a user's click reaches a map tool."""
    position = pixel(canvas, x, y)
    no_button = Qt.MouseButton.NoButton
    tool.canvasMoveEvent(QgsMapMouseEvent(canvas, QEvent.Type.MouseMove, position, no_button, no_button))
    tool.canvasReleaseEvent(QgsMapMouseEvent(canvas, QEvent.Type.MouseButtonRelease, position, button, button))


def click_shape(canvas, tool, points):
    """Click every (x, y) with the left button, then right-click to finish."""
    for x, y in points:
        click(canvas, tool, x, y)
    x, y = points[-1]
    click(canvas, tool, x, y, Qt.MouseButton.RightButton)


def square(x, y, size):
    return [(x, y), (x + size, y), (x + size, y + size), (x, y + size)]


def polygon_layer(name, squares, fields='field=name:string'):
    """A memory polygon layer in CRS with one feature per (x, y, size) square (offsets from X0, Y0)."""
    layer = QgsVectorLayer('Polygon?crs={}&{}'.format(CRS.authid(), fields), name, 'memory')
    features = []
    for index, (x, y, size) in enumerate(squares):
        feature = QgsFeature(layer.fields())
        points = [QgsPointXY(X0 + px, Y0 + py) for px, py in square(x, y, size)]
        feature.setGeometry(QgsGeometry.fromPolygonXY([points + [points[0]]]))
        feature.setAttribute(0, '{} {}'.format(name, index + 1))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return layer
