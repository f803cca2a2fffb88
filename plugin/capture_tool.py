"""A map tool that captures one polygon or line by clicks, the way QGIS's digitising tools do.

Left click adds a vertex (snapped with the project's snapping settings, or the tool's own
QgsSnappingUtils), right click finishes, Backspace removes the last vertex, Esc cancels.
The finished shape is emitted in the canvas CRS; the tool itself never edits a layer.
"""

from qgis.core import QgsGeometry, QgsPointLocator, QgsPointXY
from qgis.gui import QgsMapTool, QgsRubberBand, QgsSnapIndicator
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor

from ..processing.compat import GeometryType


class CaptureTool(QgsMapTool):
    """Click a polygon (``GeometryType.Polygon``) or a line (``GeometryType.Line``) on ``canvas``."""

    captured = pyqtSignal(QgsGeometry)
    """The finished shape, in the canvas's destination CRS."""

    def __init__(self, canvas, geometry_type, colour=QColor(255, 0, 0)):
        super().__init__(canvas)
        self.geometry_type = geometry_type
        self.points = []
        self.snapping_utils = None
        self.rubber_band = QgsRubberBand(canvas, geometry_type)
        fill = QColor(colour)
        fill.setAlpha(60)
        self.rubber_band.setStrokeColor(colour)
        self.rubber_band.setFillColor(fill)
        self.rubber_band.setWidth(2)
        self.snap_indicator = QgsSnapIndicator(canvas)
        self.setCursor(Qt.CursorShape.CrossCursor)

    def minimum_points(self):
        return 3 if self.geometry_type == GeometryType.Polygon else 2

    def snapped_point(self, event):
        """The event's map point snapped to what the snapping settings allow; shows the snap indicator."""
        if self.snapping_utils is None:
            point = event.snapPoint()
            match = event.mapPointMatch()
        else:
            match = self.snapping_utils.snapToMap(event.mapPoint())
            point = match.point() if match.isValid() else event.mapPoint()
        self.snap_indicator.setMatch(match)
        return QgsPointXY(point)

    def canvasMoveEvent(self, event):  # noqa: N802 (Qt API name)
        point = self.snapped_point(event)
        if self.points:
            self._draw(self.points + [point])

    def canvasReleaseEvent(self, event):  # noqa: N802 (Qt API name)
        if event.button() == Qt.MouseButton.LeftButton:
            self.points.append(self.snapped_point(event))
            self._draw(self.points)
        elif event.button() == Qt.MouseButton.RightButton:
            self.finish()

    def keyPressEvent(self, event):  # noqa: N802 (Qt API name)
        if event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete) and self.points:
            self.points.pop()
            self._draw(self.points)
            event.accept()
        elif event.key() == Qt.Key.Key_Escape:
            self.reset()
            event.accept()
        else:
            event.ignore()

    def finish(self):
        """Emit the shape clicked so far if it has enough vertices, and start a new one."""
        points = list(self.points)
        self.reset()
        if len(points) < self.minimum_points():
            return
        if self.geometry_type == GeometryType.Polygon:
            geometry = QgsGeometry.fromPolygonXY([points + [points[0]]])
        else:
            geometry = QgsGeometry.fromPolylineXY(points)
        self.captured.emit(geometry)

    def _draw(self, points):
        self.rubber_band.reset(self.geometry_type)
        for index, point in enumerate(points):
            self.rubber_band.addPoint(point, index == len(points) - 1)

    def reset(self):
        self.points = []
        self.rubber_band.reset(self.geometry_type)
        self.snap_indicator.setMatch(QgsPointLocator.Match())

    def deactivate(self):
        self.reset()
        super().deactivate()
