"""Run inside real QGIS Desktop (``qgis --code plugin_session.py``) by tests/test_desktop.py.

Acts like a planner once QGIS has started: checks the Reserve Planner menu and toolbar, opens the zone
editor, creates a zoning from the demo reserve boundary, draws buffers and cores with simulated clicks,
draws a corridor, saves screenshots, then unloads and reloads the plugin. Every Python error (exception
hook or QGIS's Python message log) is recorded. Results go to $RP_OUT/result.json, then QGIS exits.
"""

import json
import os
import sys
import traceback

import qgis.utils
from qgis.core import Qgis, QgsApplication, QgsProject, QgsRasterLayer, QgsVectorLayer
from qgis.gui import QgsMapMouseEvent
from qgis.PyQt.QtCore import QElapsedTimer, QEvent, QPoint, Qt, QTimer
from qgis.PyQt.QtWidgets import QApplication, QMenu, QToolBar

OUT = os.environ['RP_OUT']
DEMO = os.path.join(os.environ['RP_REPO'], 'resources', 'demo')
PLUGIN = 'reserve_planner'
result = {'errors': [], 'steps': []}
previous_hook = sys.excepthook


def record_exception(kind, value, trace):
    result['errors'].append(''.join(traceback.format_exception(kind, value, trace)))
    previous_hook(kind, value, trace)


def record_message(message, tag, level):
    if tag in ('Python', 'Reserve Planner') and level >= Qgis.MessageLevel.Warning:
        result['errors'].append(message)


sys.excepthook = record_exception
QgsApplication.messageLog().messageReceived.connect(record_message)


def wait(milliseconds):
    """Let QGIS process events (rendering, debounced checks) for ``milliseconds``."""
    timer = QElapsedTimer()
    timer.start()
    while timer.elapsed() < milliseconds:
        QApplication.processEvents()


def step(name):
    """Record progress in result.json, so a hang shows where it happened."""
    result['steps'].append(name)
    save_result()


def save_result():
    with open(os.path.join(OUT, 'result.json'), 'w', encoding='utf-8') as handle:
        json.dump(result, handle, ensure_ascii=False, indent=1)


def watchdog():
    """Something blocks (a modal dialog?): photograph the screen, report and leave."""
    result['errors'].append('watchdog: QGIS blocked after step {}'.format(result['steps'][-1:]))
    QApplication.primaryScreen().grabWindow(0).save(os.path.join(OUT, 'blocked.png'))
    save_result()
    leave()


def provider_algorithm_count():
    provider = QgsApplication.processingRegistry().providerById('reserveplanner')
    return len(provider.algorithms()) if provider is not None else 0


def workflow_outputs():
    """{name: label} of the outputs of the provider's own zonereserve workflow, the instance the Toolbox shows."""
    workflow = QgsApplication.processingRegistry().algorithmById('reserveplanner:zonereserve')
    return {output.name(): output.description() for output in workflow.outputDefinitions()} if workflow else None


def plugin_gui():
    """The plugin's menu and toolbar as the planner sees them (deleted ones linger until the event loop runs)."""
    window = qgis.utils.iface.mainWindow()
    menus = [menu for menu in window.findChildren(QMenu, 'ReservePlannerMenu') if menu.menuAction().isVisible()]
    toolbars = [bar for bar in window.findChildren(QToolBar, 'ReservePlannerToolbar') if bar.isVisible()]
    return {
        'active': PLUGIN in qgis.utils.active_plugins,
        'menus': len(menus),
        'menu': menus[0].title() if menus else None,
        'menu_actions': [action.text() for action in menus[0].actions() if action.text()] if menus else [],
        'toolbars': len(toolbars),
        'toolbar_actions': len(toolbars[0].actions()) if toolbars else 0,
    }


def click(canvas, tool, x, y, button=Qt.MouseButton.LeftButton):
    point = canvas.getCoordinateTransform().transform(x, y)
    position = QPoint(int(round(point.x())), int(round(point.y())))
    no_button = Qt.MouseButton.NoButton
    tool.canvasMoveEvent(QgsMapMouseEvent(canvas, QEvent.Type.MouseMove, position, no_button, no_button))
    tool.canvasReleaseEvent(QgsMapMouseEvent(canvas, QEvent.Type.MouseButtonRelease, position, button, button))


def click_ring(canvas, tool, geometry):
    ring = geometry.asMultiPolygon()[0][0] if geometry.isMultipart() else geometry.asPolygon()[0]
    for point in ring[:-1]:
        click(canvas, tool, point.x(), point.y())
    click(canvas, tool, ring[0].x(), ring[0].y(), Qt.MouseButton.RightButton)


def demo_layers():
    path = os.path.join(DEMO, 'demo.gpkg')
    boundary = QgsVectorLayer(path + '|layername=reserve_boundary', 'reserve_boundary', 'ogr')
    cores = QgsVectorLayer(path + '|layername=cores', 'cores', 'ogr')
    resistance = QgsRasterLayer(os.path.join(DEMO, 'resistance.tif'), 'resistance')
    QgsProject.instance().addMapLayers([resistance, boundary, cores])
    cores.setOpacity(0.0)
    QgsProject.instance().layerTreeRoot().findLayer(resistance.id()).setItemVisibilityChecked(False)
    return boundary, cores, resistance


def edit_like_a_planner(dock, canvas, boundary, cores, resistance):
    """Zoning from the boundary, a buffer then a core drawn per demo core, one corridor."""
    canvas.setExtent(boundary.extent().buffered(1500))
    canvas.refresh()
    wait(300)
    dock.boundaryCombo.setLayer(boundary)
    dock.profileCombo.setCurrentIndex(dock.profileCombo.findData('china3'))
    dock.create_zoning(os.path.join(OUT, 'zones.gpkg'))
    dock.drawButton.setChecked(True)
    for core in cores.getFeatures():
        dock.select_zone('buffer')
        click_ring(canvas, dock.draw_tool, core.geometry().buffer(1500, 2).simplify(300))
        dock.select_zone('core')
        click_ring(canvas, dock.draw_tool, core.geometry().simplify(200))
    dock.live.run_now()
    result['area_rows'] = dock.areaTable.rowCount()
    result['problems'] = dock.problemsTree.topLevelItemCount()
    dock.reservesCombo.setLayer(cores)
    dock.resistanceCombo.setLayer(resistance)
    dock.create_corridors(os.path.join(OUT, 'corridors.gpkg'))
    centres = [core.geometry().centroid().asPoint() for core in cores.getFeatures()][:2]
    dock.drawCorridorButton.setChecked(True)
    for point in centres:
        click(canvas, dock.corridor_tool, point.x(), point.y())
    click(canvas, dock.corridor_tool, centres[-1].x(), centres[-1].y(), Qt.MouseButton.RightButton)
    result['corridors'] = dock.corridorLayerCombo.currentLayer().featureCount()
    result['corridor_message'] = dock.corridorMessageLabel.text()


def run():
    try:
        iface = qgis.utils.iface
        window = iface.mainWindow()
        window.resize(1400, 900)
        result['loaded'] = plugin_gui()
        result['algorithms'] = provider_algorithm_count()
        result['workflow_outputs'] = workflow_outputs()
        step('loaded')
        plugin = qgis.utils.plugins[PLUGIN]
        window.findChild(QToolBar, 'ReservePlannerToolbar').actions()[0].trigger()
        dock = plugin.dock
        result['dock_visible'] = dock is not None and dock.isVisible()
        result['dock_title'] = dock.windowTitle()
        boundary, cores, resistance = demo_layers()
        edit_like_a_planner(dock, iface.mapCanvas(), boundary, cores, resistance)
        step('edited')
        dock.drawButton.setChecked(True)
        dock.tabs.setCurrentWidget(dock.zonesTab)
        iface.mapCanvas().setExtent(boundary.extent().buffered(500))
        iface.mapCanvas().refresh()
        wait(2500)
        window.grab().save(os.path.join(OUT, 'main_window.png'))
        dock.grab().save(os.path.join(OUT, 'dock.png'))
        dock.tabs.setCurrentWidget(dock.corridorsTab)
        wait(300)
        dock.grab().save(os.path.join(OUT, 'dock_corridors.png'))
        step('screenshots')
        for layer in QgsProject.instance().mapLayers().values():
            if layer.isEditable():
                layer.rollBack()
        step('rolled back')
        result['unload'] = qgis.utils.unloadPlugin(PLUGIN)
        step('unloaded')
        wait(300)
        result['after_unload'] = plugin_gui()
        result['provider_after_unload'] = QgsApplication.processingRegistry().providerById('reserveplanner') is not None
        result['reload'] = qgis.utils.loadPlugin(PLUGIN) and qgis.utils.startPlugin(PLUGIN)
        step('reloaded')
        wait(300)
        result['after_reload'] = plugin_gui()
        result['algorithms_after_reload'] = provider_algorithm_count()
        result['workflow_outputs_after_reload'] = workflow_outputs()
        qgis.utils.plugins[PLUGIN].show_zone_editor()
        wait(300)
    except Exception:  # noqa: B902 (everything must reach result.json so the test can show it)
        result['errors'].append(traceback.format_exc())
    finally:
        step('done')
        leave()


def leave():
    """Close the project first: QGIS 3.22 crashes in its destructor when it still holds layers at exit."""
    QgsProject.instance().clear()
    wait(200)
    QApplication.instance().exit(0)


QTimer.singleShot(1500, run)
QTimer.singleShot(120000, watchdog)
