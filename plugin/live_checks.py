"""Live area table and live validation of the zoning layer being edited.

Both read the layer's edit buffer after every edit (debounced by a single-shot QTimer), measure in a
metric CRS, and call the engine: zone_validation.areas_by_class for the table, zone_validation.validate for
the problems, so the table's shares are those validation rule 6 judges (shares of the reserve: the boundary
when chosen, else the zones' union). Big layers are measured and validated in a QgsTask so the map stays
responsive; a result that arrives after a newer edit is dropped.
"""

import traceback
from collections import namedtuple

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateTransform,
    QgsMessageLog,
    QgsProject,
    QgsTask,
)
from qgis.gui import QgsRubberBand
from qgis.PyQt.QtCore import QCoreApplication, QObject, Qt, QTimer
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import QTableWidgetItem, QTreeWidgetItem
from shapely.ops import unary_union

from ..processing.compat import GeometryType
from ..processing import qgis_io
from ..processing.engine import zone_validation, zoning
from ..processing.engine.geometry import polygonal_part
from ..processing.engine.messages import TRANSLATION_CONTEXT
from ..processing.engine.zones import BUFFER, CORE, TRANSITION, ZONE_FIELD
from . import zone_layer

DEBOUNCE_MS = 400
LOG_TAG = 'Reserve Planner'
BACKGROUND_VERTEX_COUNT = 10000
"""Layers with more vertices than this are measured and validated in a QgsTask instead of on the UI thread:
below it both take under about 100 ms on the project's 2-core machine (tests/benchmarks/bench_live_checks.py:
32 + 64 ms at 7 705 vertices)."""
SQUARE_METRES_PER_HECTARE = 10000.0
NOT_ZONED = 'not_zoned'
TABLE_ORDER = (CORE, BUFFER, TRANSITION, zone_validation.GENERAL, None, NOT_ZONED)
"""Row order of the area table: the zone classes, unknown zone values (None), then the reserve left unzoned."""
SEVERITY_COLOURS = {zone_validation.ERROR: QColor(220, 0, 0), zone_validation.WARNING: QColor(255, 140, 0)}
LAYER_SIGNALS = ('featureAdded', 'featureDeleted', 'geometryChanged', 'attributeValueChanged',
                 'afterRollBack', 'afterCommitChanges', 'dataChanged')


ShownProblem = namedtuple('ShownProblem', 'problem geometry crs marker')
"""A listed problem: the engine Problem, its QgsGeometry in ``crs`` (or None) and its rubber band (or None)."""


def tr(text):
    return QCoreApplication.translate('LiveChecks', text)


def engine_text(template):
    return QCoreApplication.translate(TRANSLATION_CONTEXT, template)


def zone_title(zone_class):
    """Translated display name of a zone class (core, buffer, transition, general; None: unknown values)."""
    if zone_class is None:
        return tr('Unknown zone value')
    if zone_class == NOT_ZONED:
        return tr('Not zoned')
    return zone_layer.zone_title(zone_class)


class Snapshot:
    """The zoning as it is now, copied on the UI thread: engine inputs in metres plus the way back to the map."""

    def __init__(self, layer, boundary_layer, profile_id):
        areas = zone_layer.layer_areas(layer)
        self.metric_crs = areas.crs
        self.profile_id = profile_id
        self.zones = []
        self.vertex_count = 0
        for feature in layer.getFeatures():
            geometry = feature.geometry()
            self.vertex_count += geometry.constGet().nCoordinates() if not geometry.isNull() else 0
            shape = areas.to_metric(geometry) if not geometry.isNull() else None
            self.zones.append(zone_validation.ZoneFeature(feature.id(), feature[ZONE_FIELD], shape))
        self.boundary = self._boundary(boundary_layer)

    def _boundary(self, boundary_layer):
        """The union of the boundary layer's polygons in the metric CRS, or None."""
        if boundary_layer is None:
            return None
        transform = QgsCoordinateTransform(boundary_layer.crs(), self.metric_crs,
                                           QgsProject.instance().transformContext())
        shapes = []
        for feature in boundary_layer.getFeatures():
            geometry = feature.geometry()
            if not geometry.isNull():
                geometry.transform(transform)
                shapes.append(qgis_io.to_shapely(geometry))
        return polygonal_part(unary_union(shapes)) if shapes else None

    def areas(self):
        """{zone class: zoning.ZoneArea (ha, percent of the reserve)} in TABLE_ORDER, measured as validation rule 6
        measures them (zone_validation.areas_by_class); NOT_ZONED only when part of the reserve has no zone."""
        measured = zone_validation.areas_by_class(self.zones, self.boundary, self.profile_id)
        reserve = measured.pop('reserve')
        if measured[NOT_ZONED] <= zone_validation.DEFAULT_TOLERANCES.area_m2:
            del measured[NOT_ZONED]
        return {zone: zoning.ZoneArea(measured[zone] / SQUARE_METRES_PER_HECTARE,
                                      100.0 * measured[zone] / reserve if reserve > 0 else 0.0)
                for zone in TABLE_ORDER if zone in measured}

    def validate(self):
        return zone_validation.validate(self.zones, self.boundary, self.profile_id)


def share_thresholds(profile_id):
    """{zone class tuple: (minimum percent, severity)} of the profile's area-ratio rules."""
    return {rule.classes: (100.0 * rule.minimum, rule.severity)
            for rule in zone_validation.PROFILES[profile_id]['share_rules']}


class LiveChecks(QObject):
    """Keeps ``area_table`` and ``problems_tree`` (and markers on ``canvas``) in step with a zoning layer."""

    def __init__(self, canvas, area_table, problems_tree, status_label, parent=None):
        super().__init__(parent)
        self.canvas = canvas
        self.area_table = area_table
        self.problems_tree = problems_tree
        self.status_label = status_label
        self.layer = None
        self.boundary_layer = None
        self.profile_id = zone_validation.PROFILE_IDS[0]
        self.problems = []
        self.markers = []
        self.generation = 0
        self.task = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.run_now)
        self.problems_tree.itemClicked.connect(self.zoom_to_item)

    def set_layer(self, layer):
        """Follow ``layer`` (a zoning layer, or None)."""
        self._connect(self.layer, False)
        self.layer = layer
        self._connect(layer, True)
        self.schedule()

    def _connect(self, layer, connect):
        if layer is None:
            return
        slots = [(getattr(layer, name), self.schedule) for name in LAYER_SIGNALS]
        for signal, slot in slots + [(layer.willBeDeleted, self._layer_deleted)]:
            if connect:
                signal.connect(slot)
            else:
                try:
                    signal.disconnect(slot)
                except TypeError:
                    pass

    def _layer_deleted(self):
        self.layer = None
        self.schedule()

    def set_boundary(self, layer):
        self.boundary_layer = layer
        self.schedule()

    def set_profile(self, profile_id):
        self.profile_id = profile_id
        self.schedule()

    def schedule(self, *_args):
        """Run the checks once the edits pause for DEBOUNCE_MS."""
        self.generation += 1
        self.timer.start()

    def run_now(self):
        """Refresh the table now and validate (in the background for big layers)."""
        self.timer.stop()
        self.generation += 1
        if self.layer is None:
            self.show_areas({})
            self.show_problems([], None)
            return
        snapshot = Snapshot(self.layer, self.boundary_layer, self.profile_id)
        if snapshot.vertex_count <= BACKGROUND_VERTEX_COUNT:
            try:
                self.show_areas(snapshot.areas())
                problems = snapshot.validate()
            except Exception as error:  # noqa: B902 (a failed check must leave the edit and the editor working)
                self.validation_failed(error)
                return
            self.show_problems(problems, snapshot.metric_crs)
        else:
            self._validate_in_background(snapshot, self.generation)

    def _validate_in_background(self, snapshot, generation):
        self.status_label.setText(tr('Checking the zoning…'))

        def finished(exception, result=None):
            if generation != self.generation:
                return
            if exception is None:
                areas, problems = result
                self.show_areas(areas)
                self.show_problems(problems, snapshot.metric_crs)
            else:
                self.validation_failed(exception)

        self.task = QgsTask.fromFunction(tr('Reserve Planner: checking the zoning'),
                                         lambda _task: (snapshot.areas(), snapshot.validate()), on_finished=finished)
        QgsApplication.taskManager().addTask(self.task)

    def validation_failed(self, error):
        """Say that the checks failed (the edit itself is kept) and log the details for a bug report."""
        self.clear_markers()
        self.problems_tree.clear()
        self.problems = []
        self.status_label.setText(tr('The zoning could not be checked: {error}').format(error=error))
        details = ''.join(traceback.format_exception(type(error), error, error.__traceback__))
        QgsMessageLog.logMessage(details, LOG_TAG, Qgis.MessageLevel.Critical)

    def show_areas(self, areas):
        """Fill the table from Snapshot.areas, colouring a share below its profile threshold by the rule's severity.

        A rule over several classes gets a row of their summed areas and shares: rule 6's union of them, unless
        those classes overlap, which rule 2 reports.
        """
        thresholds = share_thresholds(self.profile_id)
        rows = [(zone_title(zone), area.area_ha, area.share_pct, thresholds.get((zone,)))
                for zone, area in areas.items()]
        for classes, threshold in thresholds.items():
            if len(classes) > 1:
                share = sum(areas[zone].share_pct for zone in classes if zone in areas)
                area = sum(areas[zone].area_ha for zone in classes if zone in areas)
                rows.append((' + '.join(zone_title(zone) for zone in classes), area, share, threshold))
        self.area_table.setRowCount(len(rows))
        for row, (title, area, share, threshold) in enumerate(rows):
            rule = tr('≥ {minimum:.1f} %').format(minimum=threshold[0]) if threshold else ''
            cells = (title, '{:,.2f}'.format(area), '{:.2f}'.format(share), rule)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (1, 2):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if threshold and column == 2 and share < threshold[0]:
                    item.setForeground(SEVERITY_COLOURS[threshold[1]])
                self.area_table.setItem(row, column, item)
        self.area_table.resizeColumnsToContents()

    def show_problems(self, problems, metric_crs):
        """List ``problems`` (engine Problems in ``metric_crs``) and draw them on the canvas."""
        self.clear_markers()
        self.problems_tree.clear()
        self.problems = []
        for problem in problems:
            geometry = qgis_io.to_qgs(problem.geometry) if problem.geometry is not None else None
            marker = self._marker(geometry, metric_crs, problem.severity) if geometry is not None else None
            self.problems.append(ShownProblem(problem, geometry, metric_crs, marker))
            severity = tr('Error') if problem.severity == zone_validation.ERROR else tr('Warning')
            message = engine_text(problem.message_template).format(**problem.params)
            item = QTreeWidgetItem([severity, message])
            item.setData(0, Qt.ItemDataRole.UserRole, len(self.problems) - 1)
            item.setForeground(0, SEVERITY_COLOURS.get(problem.severity, QColor(Qt.GlobalColor.black)))
            item.setToolTip(1, message)
            self.problems_tree.addTopLevelItem(item)
        errors = sum(1 for problem in problems if problem.severity == zone_validation.ERROR)
        self.status_label.setText(tr('Problems: {errors} errors, {warnings} warnings').format(
            errors=errors, warnings=len(problems) - errors))

    def _marker(self, geometry, crs, severity):
        marker = QgsRubberBand(self.canvas, geometry.type())
        colour = SEVERITY_COLOURS.get(severity, QColor(Qt.GlobalColor.red))
        fill = QColor(colour)
        fill.setAlpha(90)
        marker.setStrokeColor(colour)
        marker.setFillColor(fill)
        marker.setWidth(3)
        if geometry.type() == GeometryType.Point:
            marker.setIcon(QgsRubberBand.IconType.ICON_X)
            marker.setIconSize(14)
        marker.setToGeometry(geometry, crs)
        self.markers.append(marker)
        return marker

    def clear_markers(self):
        for marker in self.markers:
            self.canvas.scene().removeItem(marker)
        self.markers = []

    def zoom_to_item(self, item, _column=0):
        """Zoom the canvas to the clicked problem and flash it."""
        _problem, geometry, crs, _marker = self.problems[item.data(0, Qt.ItemDataRole.UserRole)]
        if geometry is None:
            return
        to_canvas = QgsCoordinateTransform(crs, self.canvas.mapSettings().destinationCrs(), QgsProject.instance())
        extent = to_canvas.transformBoundingBox(geometry.boundingBox())
        extent.grow(max(extent.width(), extent.height(), self.canvas.mapUnitsPerPixel() * 40) * 0.5)
        self.canvas.setExtent(extent)
        self.canvas.refresh()
        self.canvas.flashGeometries([geometry], crs)

    def stop(self):
        """Detach from the layer and remove the markers (the dock is closing or the plugin unloading)."""
        self.timer.stop()
        self._connect(self.layer, False)
        self.layer = None
        self.clear_markers()
