"""The zone editor dock (ui/zone_editor_dock.ui): zoning layer, zone classes, draw tool, live areas
and problems, and the corridor drawing tab."""

import os

from qgis.core import (
    Qgis,
    QgsCoordinateTransform,
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
)
from qgis.gui import QgsDockWidget, QgsMessageBar
from qgis.PyQt import uic
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import QButtonGroup, QFileDialog, QToolButton
from shapely.errors import ShapelyError

from ..processing.compat import GeometryType, LayerFilter
from ..processing import qgis_io
from ..processing.engine import zone_editing, zone_validation
from ..processing.engine.messages import EngineError, TRANSLATION_CONTEXT
from ..processing.engine.zones import BUFFER, CORE, TRANSITION
from . import settings
from .capture_tool import CaptureTool
from .corridor_tool import CorridorBuilder, CorridorSettings, CorridorTool, add_corridor, create_corridor_layer
from .live_checks import LiveChecks, zone_title
from .zone_layer import apply_drawn_zone, create_zoning_layer, is_zoning_layer, refresh_edited_areas

UI_FILE = os.path.join(os.path.dirname(os.path.dirname(__file__)), 'ui', 'zone_editor_dock.ui')
FORM_CLASS, _ = uic.loadUiType(UI_FILE)

ZONE_CLASSES = {'china2': (CORE, zone_validation.GENERAL)}
"""Zone classes the draw buttons offer per profile; every other profile draws core, buffer and transition."""
THREE_ZONES = (CORE, BUFFER, TRANSITION)


def tr(text):
    return QCoreApplication.translate('ZoneEditorDock', text)


def engine_text(template):
    return QCoreApplication.translate(TRANSLATION_CONTEXT, template)


def error_text(error):
    """The translated message of an EngineError, or the text of another error."""
    return qgis_io.engine_message(error) if isinstance(error, EngineError) else str(error)


def layer_union(layer, crs):
    """The union of ``layer``'s geometries in ``crs`` (a QgsGeometry, null when the layer has none)."""
    transform = QgsCoordinateTransform(layer.crs(), crs, QgsProject.instance())
    geometries = []
    for feature in layer.getFeatures():
        geometry = feature.geometry()
        if not geometry.isNull():
            geometry.transform(transform)
            geometries.append(geometry)
    return QgsGeometry.unaryUnion(geometries) if geometries else QgsGeometry()


def display_name(layer, fid):
    """The feature's name as the layer's display expression gives it (its id when that is empty)."""
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    context.setFeature(layer.getFeature(fid))
    name = QgsExpression(layer.displayExpression()).evaluate(context)
    return str(name) if name not in (None, '') and str(name) != 'NULL' else str(fid)


class ZoneEditorDock(QgsDockWidget, FORM_CLASS):
    """Draw zones that never overlap, watch areas and problems live, and draw corridors."""

    def __init__(self, canvas, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.setObjectName('ReservePlannerZoneEditor')
        self.canvas = canvas
        self.message_bar = QgsMessageBar(self)
        self.dockLayout.insertWidget(0, self.message_bar)
        self.zone_buttons = QButtonGroup(self)
        self.zone_buttons.setExclusive(True)
        self.draw_tool = CaptureTool(canvas, GeometryType.Polygon)
        self.draw_tool.captured.connect(self.add_drawn_zone)
        self.corridor_tool = CorridorTool(canvas)
        self.corridor_tool.captured.connect(self.add_drawn_corridor)
        self.live = LiveChecks(canvas, self.areaTable, self.problemsTree, self.validationStatusLabel, self)
        self._set_up_zones_tab()
        self._set_up_corridors_tab()
        canvas.mapToolSet.connect(self._tool_changed)

    # Zones tab

    def _set_up_zones_tab(self):
        self.zoningLayerCombo.setFilters(LayerFilter.PolygonLayer)
        self.zoningLayerCombo.setExceptedLayerList(
            [layer for layer in QgsProject.instance().mapLayers().values() if not is_zoning_layer(layer)])
        self.boundaryCombo.setFilters(LayerFilter.PolygonLayer)
        self.boundaryCombo.setAllowEmptyLayer(True)
        self.boundaryCombo.setLayer(None)
        for profile_id in zone_validation.PROFILE_IDS:
            self.profileCombo.addItem(engine_text(zone_validation.PROFILES[profile_id]['title']), profile_id)
        self.profileCombo.setCurrentIndex(max(0, self.profileCombo.findData(settings.value('zone_editor/profile'))))
        self.clipModeCombo.addItem(tr('New zone wins'), zone_editing.NEW_WINS)
        self.clipModeCombo.addItem(tr('New zone yields'), zone_editing.YIELDS)
        self.clipModeCombo.setCurrentIndex(max(0, self.clipModeCombo.findData(settings.value('zone_editor/clip_mode'))))
        self._make_zone_buttons()
        self.zone_buttons.buttonClicked.connect(
            lambda button: settings.set_value('zone_editor/zone', button.property('zone')))
        self.live.set_profile(self.profile_id())
        self.live.set_boundary(self.boundaryCombo.currentLayer())
        self.profileCombo.currentIndexChanged.connect(self._profile_changed)
        self.clipModeCombo.currentIndexChanged.connect(
            lambda _index: settings.set_value('zone_editor/clip_mode', self.clipModeCombo.currentData()))
        self.zoningLayerCombo.layerChanged.connect(self._zoning_layer_changed)
        self.boundaryCombo.layerChanged.connect(self.live.set_boundary)
        self.newZoningButton.clicked.connect(self.new_zoning_layer)
        self.drawButton.toggled.connect(self._draw_toggled)
        QgsProject.instance().layersAdded.connect(self._layers_added)
        self._zoning_layer_changed(self.zoningLayerCombo.currentLayer())

    def profile_id(self):
        return self.profileCombo.currentData()

    def _profile_changed(self, _index):
        settings.set_value('zone_editor/profile', self.profile_id())
        self._make_zone_buttons()
        self.live.set_profile(self.profile_id())

    def _make_zone_buttons(self):
        for button in self.zone_buttons.buttons():
            self.zone_buttons.removeButton(button)
            self.zoneButtonsLayout.removeWidget(button)
            button.hide()
            button.deleteLater()
        wanted = settings.value('zone_editor/zone')
        classes = ZONE_CLASSES.get(self.profile_id(), THREE_ZONES)
        for zone in classes:
            button = QToolButton(self)
            button.setText(zone_title(zone))
            button.setObjectName('zoneButton_' + zone)
            button.setCheckable(True)
            button.setProperty('zone', zone)
            button.setChecked(zone == wanted)
            self.zone_buttons.addButton(button)
            self.zoneButtonsLayout.addWidget(button)
        if self.zone_buttons.checkedButton() is None:
            self.zone_buttons.buttons()[0].setChecked(True)

    def current_zone(self):
        return self.zone_buttons.checkedButton().property('zone')

    def select_zone(self, zone):
        """Make ``zone`` the class the draw tool adds."""
        for button in self.zone_buttons.buttons():
            if button.property('zone') == zone:
                button.setChecked(True)
                settings.set_value('zone_editor/zone', zone)

    def _layers_added(self, layers):
        self.zoningLayerCombo.setExceptedLayerList(
            [layer for layer in QgsProject.instance().mapLayers().values() if not is_zoning_layer(layer)])

    def _zoning_layer_changed(self, layer):
        previous = self.live.layer
        if previous is not None:
            try:
                previous.beforeCommitChanges.disconnect(self._before_commit)
            except TypeError:
                pass
        layer = layer if is_zoning_layer(layer) else None
        if layer is not None:
            layer.beforeCommitChanges.connect(self._before_commit)
        self.live.set_layer(layer)
        self.drawButton.setEnabled(layer is not None)
        if layer is None:
            self.drawButton.setChecked(False)

    def _before_commit(self, *_args):
        refresh_edited_areas(self.live.layer)

    def _draw_toggled(self, checked):
        if checked:
            self.canvas.setMapTool(self.draw_tool)
        elif self.canvas.mapTool() is self.draw_tool:
            self.canvas.unsetMapTool(self.draw_tool)

    def _tool_changed(self, tool, *_args):
        self.drawButton.setChecked(tool is self.draw_tool)
        self.drawCorridorButton.setChecked(tool is self.corridor_tool)

    def add_drawn_zone(self, geometry):
        """Clip the polygon drawn on the canvas into the zoning layer as the current zone class."""
        layer = self.live.layer
        if layer is None:
            return None
        canvas_crs = self.canvas.mapSettings().destinationCrs()
        to_layer = QgsCoordinateTransform(canvas_crs, layer.crs(), QgsProject.instance())
        drawn = QgsGeometry(geometry)
        drawn.transform(to_layer)
        boundary_layer = self.boundaryCombo.currentLayer()
        boundary = layer_union(boundary_layer, layer.crs()) if boundary_layer is not None else None
        try:
            new_id = apply_drawn_zone(layer, drawn, self.current_zone(), self.clipModeCombo.currentData(), boundary)
        except (ValueError, OSError) as error:
            self.message_bar.pushMessage(tr('Zone not added'), error_text(error), Qgis.MessageLevel.Warning, 8)
            return None
        except ShapelyError as error:
            self.message_bar.pushMessage(tr('Zone not added'), tr(
                'The new zone could not be clipped against the existing zones ({error}). Check the zoning layer '
                'with Vector > Geometry Tools > Check Validity, fix the features it lists, and draw again.').format(
                error=error), Qgis.MessageLevel.Warning, 12)
            return None
        if new_id is None:
            self.message_bar.pushMessage(tr('Zone not added'),
                                         tr('Existing zones cover the whole drawing and the new zone yields.'),
                                         Qgis.MessageLevel.Info, 6)
        layer.triggerRepaint()
        return new_id

    def new_zoning_layer(self):
        """Ask for a GeoPackage and create a zoning layer, starting as one transition zone over the boundary."""
        folder = settings.value('zone_editor/last_folder')
        path, _filter = QFileDialog.getSaveFileName(self, tr('New zoning layer'), os.path.join(folder, 'zones.gpkg'),
                                                    tr('GeoPackage (*.gpkg)'))
        if path:
            self.create_zoning(path if path.lower().endswith('.gpkg') else path + '.gpkg')

    def create_zoning(self, path):
        """Create the zoning GeoPackage ``path`` from the chosen boundary, add it to the project and edit it."""
        boundary_layer = self.boundaryCombo.currentLayer()
        crs = boundary_layer.crs() if boundary_layer is not None else QgsProject.instance().crs()
        boundary = layer_union(boundary_layer, crs) if boundary_layer is not None else None
        try:
            layer = create_zoning_layer(path, crs, boundary)
        except OSError as error:
            self.message_bar.pushMessage(tr('Zoning layer not created'), str(error), Qgis.MessageLevel.Critical, 10)
            return None
        settings.set_value('zone_editor/last_folder', os.path.dirname(path))
        QgsProject.instance().addMapLayer(layer)
        self.zoningLayerCombo.setLayer(layer)
        layer.startEditing()
        return layer

    # Corridors tab

    def _set_up_corridors_tab(self):
        self.reservesCombo.setFilters(LayerFilter.PolygonLayer)
        self.corridorLayerCombo.setFilters(LayerFilter.PolygonLayer)
        self.corridorLayerCombo.setAllowEmptyLayer(True)
        self.corridorLayerCombo.setLayer(None)
        self.resistanceCombo.setFilters(LayerFilter.RasterLayer)
        self.resistanceCombo.setAllowEmptyLayer(True)
        self.resistanceCombo.setLayer(None)
        self.widthSpin.setClearValue(settings.DEFAULTS['corridor/width_m'])
        self.widthSpin.setValue(settings.value('corridor/width_m'))
        self.leastCostCheck.setChecked(settings.value('corridor/least_cost_path'))
        self.widthSpin.valueChanged.connect(lambda value: settings.set_value('corridor/width_m', value))
        self.leastCostCheck.toggled.connect(lambda checked: settings.set_value('corridor/least_cost_path', checked))
        self.reservesCombo.layerChanged.connect(self.corridor_tool.set_reserves)
        self.resistanceCombo.layerChanged.connect(self._resistance_changed)
        self.newCorridorButton.clicked.connect(self.new_corridor_layer)
        self.drawCorridorButton.toggled.connect(self._draw_corridor_toggled)
        self.corridor_tool.set_reserves(self.reservesCombo.currentLayer())
        self._resistance_changed(self.resistanceCombo.currentLayer())

    def _resistance_changed(self, layer):
        self.leastCostCheck.setEnabled(layer is not None)

    def _draw_corridor_toggled(self, checked):
        if checked:
            self.canvas.setMapTool(self.corridor_tool)
        elif self.canvas.mapTool() is self.corridor_tool:
            self.canvas.unsetMapTool(self.corridor_tool)

    def corridor_settings(self):
        return CorridorSettings(self.reservesCombo.currentLayer(), self.corridorLayerCombo.currentLayer(),
                                self.widthSpin.value(), self.resistanceCombo.currentLayer(),
                                self.leastCostCheck.isChecked())

    def add_drawn_corridor(self, line):
        """Turn the centre line drawn on the canvas into a corridor feature of the corridor layer."""
        chosen = self.corridor_settings()
        if chosen.reserves is None or chosen.corridors is None:
            self.message_bar.pushMessage(tr('Corridor not added'),
                                         tr('Choose the reserves layer and a corridor layer first.'),
                                         Qgis.MessageLevel.Warning, 8)
            return None
        try:
            builder = CorridorBuilder(chosen)
            tolerance = self.corridor_tool.snap_tolerance(builder.metric_crs, QgsPointXY(line.vertexAt(0)))
            feature, cost = builder.build(line, self.canvas.mapSettings().destinationCrs(), tolerance)
            add_corridor(chosen.corridors, feature)
        except (ValueError, OSError) as error:
            self.message_bar.pushMessage(tr('Corridor not added'), error_text(error), Qgis.MessageLevel.Warning, 8)
            return None
        except ShapelyError as error:
            self.message_bar.pushMessage(tr('Corridor not added'), tr(
                'The corridor could not be cut from the reserves ({error}). Check the reserves layer with '
                'Vector > Geometry Tools > Check Validity, fix the features it lists, and draw again.').format(
                error=error), Qgis.MessageLevel.Warning, 12)
            return None
        self.corridorMessageLabel.setText(self.corridor_summary(chosen.reserves, feature, cost))
        return feature

    @staticmethod
    def corridor_summary(reserves, feature, cost):
        """What the planner reads after drawing: the reserves by their display names, size and cost."""
        text = tr('Corridor from reserve {start} to reserve {end}: {length:,.0f} m long, {width:,.0f} m wide, '
                  '{area:,.2f} ha.').format(start=display_name(reserves, feature['from_id']),
                                            end=display_name(reserves, feature['to_id']),
                                            length=feature['length_m'], width=feature['width_m'],
                                            area=feature['area_ha'])
        if cost is not None and cost.mean_resistance is not None:
            text += ' ' + tr('Mean resistance {mean:,.2f}, cost-weighted length {cost:,.0f}.').format(
                mean=cost.mean_resistance, cost=cost.cost_length)
        if cost is not None and cost.nodata_length > 0:
            text += ' ' + tr('{length:,.0f} m cross nodata or barrier cells and are left out of the cost.').format(
                length=cost.nodata_length)
        return text

    def new_corridor_layer(self):
        """Ask for a GeoPackage and create an empty corridor layer in the reserves' CRS."""
        folder = settings.value('corridor/last_folder')
        path, _filter = QFileDialog.getSaveFileName(self, tr('New corridor layer'),
                                                    os.path.join(folder, 'corridors.gpkg'), tr('GeoPackage (*.gpkg)'))
        if path:
            self.create_corridors(path if path.lower().endswith('.gpkg') else path + '.gpkg')

    def create_corridors(self, path):
        reserves = self.reservesCombo.currentLayer()
        crs = reserves.crs() if reserves is not None else QgsProject.instance().crs()
        try:
            layer = create_corridor_layer(path, crs)
        except OSError as error:
            self.message_bar.pushMessage(tr('Corridor layer not created'), str(error), Qgis.MessageLevel.Critical, 10)
            return None
        settings.set_value('corridor/last_folder', os.path.dirname(path))
        QgsProject.instance().addMapLayer(layer)
        self.corridorLayerCombo.setLayer(layer)
        return layer

    def unload(self):
        """Release the map tools, markers and project connections before the dock is deleted."""
        for tool in (self.draw_tool, self.corridor_tool):
            if self.canvas.mapTool() is tool:
                self.canvas.unsetMapTool(tool)
            tool.reset()
        self.live.stop()
        QgsProject.instance().layersAdded.disconnect(self._layers_added)
        self.canvas.mapToolSet.disconnect(self._tool_changed)
