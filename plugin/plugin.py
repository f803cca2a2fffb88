"""The QGIS plugin object: registers the Processing provider and the Desktop menu and toolbar."""

import os

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QUrl
from qgis.PyQt.QtGui import QDesktopServices, QIcon
from qgis.PyQt.QtWidgets import QAction

from ..processing.provider import ReservePlannerProvider
from .i18n import install_translator, remove_translator

PLUGIN_DIR = os.path.dirname(os.path.dirname(__file__))
ICON_DIR = os.path.join(PLUGIN_DIR, 'resources', 'icons')
HELP_URL = 'https://github.com/reserve-planner/reserve_planner#readme'

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

    def initProcessing(self):  # noqa: N802 (QGIS API name)
        """Register the Processing provider; no GUI code, qgis_process calls this with iface None."""
        if self.translator is None:
            self.translator = install_translator()
        if self.provider is None:
            self.provider = ReservePlannerProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):  # noqa: N802 (QGIS API name)
        """Add the Reserve Planner menu and toolbar."""
        self.initProcessing()
        self.menu = self.iface.mainWindow().menuBar().addMenu(tr('Reserve Planner'))
        self.menu.setObjectName('ReservePlannerMenu')
        self.toolbar = self.iface.addToolBar(tr('Reserve Planner'))
        self.toolbar.setObjectName('ReservePlannerToolbar')
        for algorithm_id, icon in ALGORITHM_ACTIONS:
            self._add_algorithm_action(algorithm_id, icon)
        self.menu.addSeparator()
        help_action = QAction(QIcon(os.path.join(ICON_DIR, 'help.svg')), tr('Help'), self.iface.mainWindow())
        help_action.triggered.connect(lambda: QDesktopServices.openUrl(QUrl(HELP_URL)))
        self.menu.addAction(help_action)
        self.actions.append(help_action)

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
        for action in self.actions:
            action.deleteLater()
        self.actions = []
        if self.toolbar is not None:
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
