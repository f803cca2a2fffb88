"""The QGIS plugin object: registers the Processing provider and the Desktop menu, toolbar and zone editor dock."""

import os

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, Qt, QUrl
from qgis.PyQt.QtGui import QDesktopServices, QIcon

from ..processing.compat import QAction
from ..processing.provider import ReservePlannerProvider
from .i18n import install_translator, remove_translator

PLUGIN_DIR = os.path.dirname(os.path.dirname(__file__))
ICON_DIR = os.path.join(PLUGIN_DIR, 'resources', 'icons')
README = os.path.join(PLUGIN_DIR, 'README.md')

# (algorithm id, icon file) for the menu and toolbar entries that open an algorithm dialog.
ALGORITHM_ACTIONS = (
    ('generatezones', 'generatezones.svg'),
    ('validatezones', 'validatezones.svg'),
    ('zonestatistics', 'zonestatistics.svg'),
)


def tr(text):
    return QCoreApplication.translate('ReservePlannerPlugin', text)


class ReservePlannerPlugin:
    """Entry object created by classFactory; ``iface`` is None when qgis_process loads the plugin."""

    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.translator = None
        self.actions = []
        self.menu = None
        self.toolbar = None
        self.dock = None
        self.dock_action = None

    def initProcessing(self):  # noqa: N802 (QGIS API name)
        """Register the Processing provider; no GUI code, qgis_process calls this with iface None."""
        if self.translator is None:
            self.translator = install_translator()
        if self.provider is None:
            self.provider = ReservePlannerProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):  # noqa: N802 (QGIS API name)
        """Add the Reserve Planner menu and toolbar: zone editor, corridor tool, algorithms, help."""
        self.initProcessing()
        self.menu = self.iface.mainWindow().menuBar().addMenu(tr('Reserve Planner'))
        self.menu.setObjectName('ReservePlannerMenu')
        self.toolbar = self.iface.addToolBar(tr('Reserve Planner'))
        self.toolbar.setObjectName('ReservePlannerToolbar')
        self.dock_action = self._add_action('zone_editor.svg', tr('Zone editor'), 'ReservePlanner_zone_editor',
                                            self.show_zone_editor, toolbar=True)
        self.dock_action.setCheckable(True)
        self._add_action('corridor_draw.svg', tr('Draw corridor'), 'ReservePlanner_draw_corridor',
                         self.draw_corridor, toolbar=True)
        self.toolbar.addSeparator()
        self.menu.addSeparator()
        for algorithm_id, icon in ALGORITHM_ACTIONS:
            self._add_algorithm_action(algorithm_id, icon)
        self.menu.addSeparator()
        self._add_action('help.svg', tr('Help'), 'ReservePlanner_help',
                         lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(README)))

    def _add_action(self, icon, text, name, slot, toolbar=False):
        action = QAction(QIcon(os.path.join(ICON_DIR, icon)), text, self.iface.mainWindow())
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: slot())
        self.menu.addAction(action)
        if toolbar:
            self.toolbar.addAction(action)
        self.actions.append(action)
        return action

    def zone_editor(self):
        """The zone editor dock, created on first use and docked on the right."""
        if self.dock is None:
            from .zone_editor_dock import ZoneEditorDock

            self.dock = ZoneEditorDock(self.iface.mapCanvas(), self.iface.mainWindow())
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
            self.dock.setToggleVisibilityAction(self.dock_action)
        return self.dock

    def show_zone_editor(self):
        """Show or hide the zone editor as its (checkable) action says."""
        visible = self.dock_action.isChecked()
        dock = self.zone_editor()
        dock.setUserVisible(visible)
        if visible:
            dock.tabs.setCurrentWidget(dock.zonesTab)

    def draw_corridor(self):
        """Open the corridor tab of the zone editor and start the corridor tool."""
        dock = self.zone_editor()
        dock.setUserVisible(True)
        dock.tabs.setCurrentWidget(dock.corridorsTab)
        dock.drawCorridorButton.setChecked(True)

    def _add_algorithm_action(self, algorithm_id, icon):
        algorithm = QgsApplication.processingRegistry().algorithmById('reserveplanner:' + algorithm_id)
        action = QAction(QIcon(os.path.join(ICON_DIR, icon)), algorithm.displayName() + '…', self.iface.mainWindow())
        action.setObjectName('ReservePlanner_' + algorithm_id)
        action.triggered.connect(lambda _checked=False, alg=algorithm.id(): self._open_algorithm(alg))
        self.menu.addAction(action)
        self.toolbar.addAction(action)
        self.actions.append(action)

    @staticmethod
    def _open_algorithm(algorithm_id):
        from processing import execAlgorithmDialog

        execAlgorithmDialog(algorithm_id)

    def unload(self):
        """Remove everything initGui and initProcessing added, so the plugin can be reloaded."""
        if self.dock is not None:
            self.dock.unload()
            self.iface.removeDockWidget(self.dock)
            self.dock.deleteLater()
            self.dock = None
        for action in self.actions:
            action.deleteLater()
        self.actions = []
        self.dock_action = None
        if self.toolbar is not None:
            self.iface.mainWindow().removeToolBar(self.toolbar)
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.menu is not None:
            self.menu.menuAction().setVisible(False)
            self.iface.mainWindow().menuBar().removeAction(self.menu.menuAction())
            self.menu.deleteLater()
            self.menu = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        remove_translator(self.translator)
        self.translator = None
