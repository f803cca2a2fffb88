"""The plugin's Desktop entry points on a stand-in QGIS interface (a real main window, menu bar and canvas):
menu and toolbar actions, the zone editor and corridor tool they open, Help, and a complete unload."""

import os
from unittest import mock

import pytest
from qgis.core import QgsApplication
from qgis.gui import QgisInterface, QgsMapCanvas
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QCoreApplication, QEvent
from qgis.PyQt.QtWidgets import QDockWidget, QMainWindow, QMenu, QToolBar

from conftest import REPO


RESTORED_PROVIDERS = []
"""Python references to re-registered providers: without one, the provider's Python half is collected."""


def restore_provider():
    """Register a fresh provider for the tests that follow (the registry deleted the session's on removal)."""
    from reserve_planner.processing.provider import ReservePlannerProvider

    RESTORED_PROVIDERS.append(ReservePlannerProvider())
    QgsApplication.processingRegistry().addProvider(RESTORED_PROVIDERS[-1])


@pytest.fixture
def iface(qgis_app):
    window = QMainWindow()
    canvas = QgsMapCanvas(window)
    window.setCentralWidget(canvas)
    window.show()
    interface = mock.Mock(spec=QgisInterface)
    interface.mainWindow.return_value = window
    interface.mapCanvas.return_value = canvas
    interface.addToolBar.side_effect = window.addToolBar
    interface.addDockWidget.side_effect = window.addDockWidget
    interface.removeDockWidget.side_effect = window.removeDockWidget
    yield interface
    window.deleteLater()


@pytest.fixture
def plugin(iface):
    """The plugin started as QGIS starts it; the session's provider is put back afterwards."""
    import reserve_planner

    registry = QgsApplication.processingRegistry()
    registry.removeProvider('reserveplanner')
    started = reserve_planner.classFactory(iface)
    started.initGui()
    yield started
    started.unload()
    restore_provider()


def visible_menus(window):
    return [menu for menu in window.findChildren(QMenu, 'ReservePlannerMenu') if menu.menuAction().isVisible()]


def test_menu_and_toolbar_offer_the_editor_the_corridor_tool_the_algorithms_and_help(plugin, iface):
    window = iface.mainWindow()
    menus = visible_menus(window)
    assert [menu.title() for menu in menus] == ['Reserve Planner']
    texts = [action.text() for action in menus[0].actions() if not action.isSeparator()]
    assert texts == ['Zone editor', 'Draw corridor', 'Generate zones…', 'Validate zones…', 'Zone statistics…', 'Help']
    toolbar = window.findChild(QToolBar, 'ReservePlannerToolbar')
    assert len([action for action in toolbar.actions() if not action.isSeparator()]) == 5
    assert all(not action.icon().isNull() for action in menus[0].actions() if not action.isSeparator())


def test_zone_editor_action_shows_and_hides_the_dock(plugin, iface):
    plugin.dock_action.trigger()
    dock = plugin.dock
    assert dock is not None and dock.isUserVisible() and dock.tabs.currentWidget() is dock.zonesTab
    plugin.dock_action.trigger()
    assert not dock.isUserVisible()


def test_draw_corridor_action_opens_the_corridor_tab_with_its_tool(plugin, iface):
    next(action for action in plugin.actions if action.objectName() == 'ReservePlanner_draw_corridor').trigger()
    assert plugin.dock.tabs.currentWidget() is plugin.dock.corridorsTab
    assert iface.mapCanvas().mapTool() is plugin.dock.corridor_tool


def test_help_opens_the_documentation(plugin, monkeypatch):
    from reserve_planner.plugin import plugin as plugin_module

    opened = []
    monkeypatch.setattr(plugin_module.QDesktopServices, 'openUrl', opened.append)
    next(action for action in plugin.actions if action.objectName() == 'ReservePlanner_help').trigger()
    assert len(opened) == 1 and os.path.basename(opened[0].toLocalFile()) == 'README.md'
    assert os.path.samefile(opened[0].toLocalFile(), os.path.join(REPO, 'README.md'))


def test_unload_removes_menu_toolbar_dock_tool_and_provider(iface):
    import reserve_planner

    registry = QgsApplication.processingRegistry()
    registry.removeProvider('reserveplanner')
    try:
        started = reserve_planner.classFactory(iface)
        started.initGui()
        started.draw_corridor()
        dock = started.dock
        window = iface.mainWindow()
        assert window.findChildren(QDockWidget) == [dock]
        started.unload()
        assert visible_menus(window) == []
        toolbars = window.findChildren(QToolBar, 'ReservePlannerToolbar')
        assert all(not toolbar.isVisibleTo(window) for toolbar in toolbars)
        assert iface.mapCanvas().mapTool() is not dock.corridor_tool
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        assert sip.isdeleted(dock) and window.findChildren(QDockWidget) == []
        assert registry.providerById('reserveplanner') is None
    finally:
        restore_provider()
