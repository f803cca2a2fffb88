"""The base class of every Reserve Planner algorithm: naming, groups, icons, translation, help."""

import os

from qgis.core import QgsProcessingAlgorithm
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

ICON_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(__file__))), 'resources', 'icons')
HELP_URL = 'https://github.com/reserve-planner/reserve_planner#algorithms'


def group_names():
    """Translated display names of the algorithm groups, by group id."""
    return {
        'zoning': QCoreApplication.translate('ReservePlannerAlgorithm', 'Zoning'),
        'corridors': QCoreApplication.translate('ReservePlannerAlgorithm', 'Corridors'),
        'coverage': QCoreApplication.translate('ReservePlannerAlgorithm', 'Coverage'),
        'oecm': QCoreApplication.translate('ReservePlannerAlgorithm', 'OECM'),
    }


class ReservePlannerAlgorithm(QgsProcessingAlgorithm):
    """Subclasses set ALGORITHM_ID, GROUP_ID and ICON and implement displayName, shortHelpString,
    initAlgorithm and processAlgorithm. ``tr`` uses the class name as translation context."""

    ALGORITHM_ID = None
    GROUP_ID = None
    ICON = 'reserve_planner.svg'

    def tr(self, text):
        return QCoreApplication.translate(type(self).__name__, text)

    def createInstance(self):  # noqa: N802 (QGIS API name)
        return type(self)()

    def name(self):
        return self.ALGORITHM_ID

    def groupId(self):  # noqa: N802 (QGIS API name)
        return self.GROUP_ID

    def group(self):
        return group_names()[self.GROUP_ID]

    def icon(self):
        return QIcon(self.svgIconPath())

    def svgIconPath(self):  # noqa: N802 (QGIS API name)
        return os.path.join(ICON_DIR, self.ICON)

    def helpUrl(self):  # noqa: N802 (QGIS API name)
        return HELP_URL
