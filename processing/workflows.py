"""Workflows: the Graphical Modeler models shipped in resources/models/, listed by the provider as algorithms of
the group "Workflows" with a stable id, a translated name and help, as QGIS's own model provider lists models.

A model is run like any algorithm (Toolbox, batch, Modeler, qgis_process: ``reserveplanner:<id>``); its steps are
our algorithms and QGIS's native ones. A model file that cannot be read is named in the QGIS log and left out.
"""

import os

from qgis.core import Qgis, QgsMessageLog, QgsProcessingModelAlgorithm
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

MODEL_DIR = os.path.join(os.path.dirname(os.path.dirname(__file__)), 'resources', 'models')
ICON = os.path.join(os.path.dirname(os.path.dirname(__file__)), 'resources', 'icons', 'reserve_planner.svg')
LOG_TAG = 'Reserve Planner'


def tr(text):
    return QCoreApplication.translate('ReservePlannerWorkflows', text)


def workflow_texts():
    """(model file, id, translated name, translated help) of each shipped workflow."""
    return [
        ('zone_reserve.model3', 'zonereserve', tr('Zone a biosphere reserve'),
         tr('Generates core, buffer and transition zones around the cores, checks them under the MAB generic '
            'profile and reports the area and share of each zone: generatezones, validatezones and zonestatistics '
            'in one run.')),
        ('security_pattern.model3', 'securitypattern', tr('Ecological security pattern'),
         tr('The ecological-security-pattern chain in one run: MSPA cores of the habitat classes of a land-cover '
            'map; their importance for connectivity (dPC); the cores above a dPC and an area threshold become '
            'ecological sources; a resistance surface from the land cover; the corridor network between the '
            'sources; its pinch points and barriers; the gravity model of the interaction between sources.')),
    ]


class WorkflowAlgorithm(QgsProcessingModelAlgorithm):
    """A shipped model with a stable id (``reserveplanner:<id>``), translated name and help, in group Workflows."""

    def __init__(self, path, workflow_id, title, help_text):
        super().__init__()
        self.path, self.workflow_id, self.title, self.help_text = path, workflow_id, title, help_text
        self.loaded = self.fromFile(path)

    def createInstance(self):  # noqa: N802 (QGIS API name)
        return WorkflowAlgorithm(self.path, self.workflow_id, self.title, self.help_text)

    def name(self):
        return self.workflow_id

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.title

    def group(self):
        return tr('Workflows')

    def groupId(self):  # noqa: N802 (QGIS API name)
        return 'workflows'

    def shortHelpString(self):  # noqa: N802 (QGIS API name)
        return self.help_text

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        """Run the model with every input left out taken at its default: the Toolbox fills defaults in, but a model
        run from Python or qgis_process passes a missing input on to its steps as empty."""
        filled = dict(parameters)
        for definition in self.parameterDefinitions():
            if filled.get(definition.name()) is None and definition.defaultValue() is not None:
                filled[definition.name()] = definition.defaultValue()
        return super().processAlgorithm(filled, context, feedback)

    def icon(self):
        return QIcon(ICON)

    def svgIconPath(self):  # noqa: N802 (QGIS API name)
        return ICON


def workflow_algorithms():
    """A WorkflowAlgorithm per shipped model that reads; a missing or unreadable model is named in the QGIS log."""
    loaded = []
    for file_name, workflow_id, title, help_text in workflow_texts():
        workflow = WorkflowAlgorithm(os.path.join(MODEL_DIR, file_name), workflow_id, title, help_text)
        if workflow.loaded:
            loaded.append(workflow)
        else:
            QgsMessageLog.logMessage(tr('The workflow {file} could not be read and is not listed.').format(
                file=file_name), LOG_TAG, Qgis.MessageLevel.Warning)
    return loaded
