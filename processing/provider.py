"""The Reserve Planner Processing provider."""

import inspect
import os
import pkgutil

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from . import algorithms
from .algorithms.base import ReservePlannerAlgorithm

ICON = os.path.join(os.path.dirname(os.path.dirname(__file__)), 'resources', 'icons', 'reserve_planner.svg')


def algorithm_classes():
    """Every concrete algorithm class defined in processing/algorithms/, sorted by id."""
    classes = {}
    for module_info in pkgutil.iter_modules(algorithms.__path__):
        # __import__, not importlib: QGIS's import hook then records the module as the plugin's, and its
        # unloader forgets it, so a reloaded plugin imports the algorithms afresh.
        module = __import__('{}.{}'.format(algorithms.__name__, module_info.name), fromlist=['__name__'])
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, ReservePlannerAlgorithm) and cls.ALGORITHM_ID and cls.__module__ == module.__name__:
                classes[cls.ALGORITHM_ID] = cls
    return [classes[key] for key in sorted(classes)]


class ReservePlannerProvider(QgsProcessingProvider):
    """Provider id ``reserveplanner``: algorithms are discovered from processing/algorithms/."""

    def id(self):
        return 'reserveplanner'

    def name(self):
        return QCoreApplication.translate('ReservePlannerProvider', 'Reserve Planner')

    def longName(self):  # noqa: N802 (QGIS API name)
        return self.name()

    def icon(self):
        return QIcon(ICON)

    def svgIconPath(self):  # noqa: N802 (QGIS API name)
        return ICON

    def loadAlgorithms(self):  # noqa: N802 (QGIS API name)
        for cls in algorithm_classes():
            self.addAlgorithm(cls())
