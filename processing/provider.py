"""The Reserve Planner Processing provider."""

import inspect
import os
import pkgutil

from qgis.core import Qgis, QgsMessageLog, QgsProcessingProvider
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from . import algorithms
from .algorithms.base import ReservePlannerAlgorithm

ICON = os.path.join(os.path.dirname(os.path.dirname(__file__)), 'resources', 'icons', 'reserve_planner.svg')
LOG_TAG = 'Reserve Planner'


def tr(text):
    return QCoreApplication.translate('ReservePlannerProvider', text)


def algorithm_modules(package):
    """The modules of ``package`` that import; each one that fails (a missing optional dependency, a library
    that behaves differently on this QGIS) is named in the QGIS log, and only its algorithms are missing."""
    modules = []
    for module_info in pkgutil.iter_modules(package.__path__):
        name = '{}.{}'.format(package.__name__, module_info.name)
        try:
            # __import__, not importlib: QGIS's import hook then records the module as the plugin's, and its
            # unloader forgets it, so a reloaded plugin imports the algorithms afresh.
            modules.append(__import__(name, fromlist=['__name__']))
        except Exception as error:  # any failure: the other modules still load
            QgsMessageLog.logMessage(
                tr('The algorithms of {module} are not available: {error} ({kind}).').format(
                    module=name, error=error, kind=type(error).__name__),
                LOG_TAG, Qgis.MessageLevel.Warning)
    return modules


def algorithm_classes(package=None):
    """Every concrete algorithm class defined in the modules of ``package`` (default processing/algorithms/) that
    import, sorted by id."""
    classes = {}
    for module in algorithm_modules(package or algorithms):
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, ReservePlannerAlgorithm) and cls.ALGORITHM_ID and cls.__module__ == module.__name__:
                classes[cls.ALGORITHM_ID] = cls
    return [classes[key] for key in sorted(classes)]


class ReservePlannerProvider(QgsProcessingProvider):
    """Provider id ``reserveplanner``: algorithms are discovered from processing/algorithms/."""

    def id(self):
        return 'reserveplanner'

    def name(self):
        return tr('Reserve Planner')

    def longName(self):  # noqa: N802 (QGIS API name)
        return self.name()

    def icon(self):
        return QIcon(ICON)

    def svgIconPath(self):  # noqa: N802 (QGIS API name)
        return ICON

    def loadAlgorithms(self):  # noqa: N802 (QGIS API name)
        for cls in algorithm_classes():
            self.addAlgorithm(cls())
