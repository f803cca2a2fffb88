"""The Reserve Planner Processing provider."""

import inspect
import os
import pkgutil

from qgis.core import Qgis, QgsApplication, QgsMessageLog, QgsProcessingProvider
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from . import algorithms, workflows
from .algorithms.base import ReservePlannerAlgorithm

ICON = os.path.join(os.path.dirname(os.path.dirname(__file__)), 'resources', 'icons', 'reserve_planner.svg')
LOG_TAG = 'Reserve Planner'
MODEL_PROVIDERS = ('model', 'project')
"""The ids of QGIS's providers of the user's models: those in the models folder and those saved in the project."""


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
    """Provider id ``reserveplanner``: algorithms are discovered from processing/algorithms/, workflows are the
    models shipped in resources/models/ (processing/workflows.py)."""

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

    def load(self):
        """Load the algorithms now, and the workflows as soon as the registry lists this provider (providerAdded).

        A model finds its steps through QgsApplication.processingRegistry() and takes its outputs from the steps
        it finds, but addProvider lists a provider only after its load(): a workflow loaded here would list no
        output (qgis_process help, the Toolbox), its steps being our algorithms. QGIS's own model provider
        reloads its models on providerAdded likewise."""
        QgsApplication.processingRegistry().providerAdded.connect(self.reload_once_registered)
        return super().load()

    def reload_once_registered(self, provider_id):
        """Load the workflows, then reload the user's models: QGIS reloaded them on this same providerAdded, before
        the workflows were here, so a model nesting one of them would list none of its outputs."""
        if provider_id == self.id() and self.registered():
            registry = QgsApplication.processingRegistry()
            registry.providerAdded.disconnect(self.reload_once_registered)
            self.refreshAlgorithms()
            for models_id in MODEL_PROVIDERS:
                models = registry.providerById(models_id)
                if models is not None:
                    models.refreshAlgorithms()

    def registered(self):
        """Whether the registry lists this provider, so that a workflow's steps resolve."""
        return QgsApplication.processingRegistry().providerById(self.id()) is self

    def loadAlgorithms(self):  # noqa: N802 (QGIS API name)
        for cls in algorithm_classes():
            self.addAlgorithm(cls())
        if self.registered():
            for workflow in workflows.workflow_algorithms():
                self.addAlgorithm(workflow)
