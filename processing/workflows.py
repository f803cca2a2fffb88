"""Workflows: the Graphical Modeler models shipped in resources/models/, listed by the provider as algorithms of
the group "Workflows" with a stable id, a translated name and help, as QGIS's own model provider lists models.

A model is run like any algorithm (Toolbox, batch, Modeler, qgis_process: ``reserveplanner:<id>``); its steps are
our algorithms and QGIS's native ones. A model file that cannot be read is named in the QGIS log and left out.
"""

import os
from collections import namedtuple

from qgis.core import Qgis, QgsMessageLog, QgsProcessingModelAlgorithm
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from .algorithms.base import keywords, sentences

MODEL_DIR = os.path.join(os.path.dirname(os.path.dirname(__file__)), 'resources', 'models')
ICON = os.path.join(os.path.dirname(os.path.dirname(__file__)), 'resources', 'icons', 'reserve_planner.svg')
LOG_TAG = 'Reserve Planner'


def tr(text):
    return QCoreApplication.translate('ReservePlannerWorkflows', text)


Workflow = namedtuple('Workflow', 'file id title description tags summary labels parameter_help')
"""A shipped model: its file in resources/models, stable id, translated name, short description, tags, short help
(sentences), the label of every input and output ({model parameter name: label}; an output is named
``step:output name`` and its English label is that output name) and the help of its inputs ({model parameter name:
sentences}). The labels replace the English ones of the .model3 file when the model is loaded."""


def workflow_texts():
    """The Workflow of each shipped model, translated."""
    return [
        Workflow('zone_reserve.model3', 'zonereserve', tr('Zone a biosphere reserve'),
                 tr('Zones a biosphere reserve, checks the zoning and measures each zone, in one run.'),
                 tr('biosphere reserve,MAB,zoning,core,buffer,transition,workflow,model'),
                 [tr('Generates core, buffer and transition zones around the cores, checks them under the MAB '
                     'generic profile and reports the area and share of each zone.'),
                  tr('The steps are generatezones, validatezones and zonestatistics; run them one by one for their '
                     'other options.')],
                 {'cores': tr('Core areas'), 'boundary': tr('Reserve boundary'),
                  'buffer_width': tr('Buffer width (m)'), 'transition_width': tr('Transition width (m)'),
                  'generatezones:Zones': tr('Zones'), 'validatezones:Zoning problems': tr('Zoning problems'),
                  'zonestatistics:Zone statistics': tr('Zone statistics')},
                 {'cores': [tr('Polygons of the cores; overlapping or touching cores merge.')],
                  'boundary': [tr('The outer edge of the reserve; the transition zone fills it.')],
                  'buffer_width': [tr('Width of the buffer zone around the cores, in metres whatever the CRS.')],
                  'transition_width': [tr('Width of the transition zone around the buffer, in metres whatever the '
                                          'CRS.')]}),
        Workflow('security_pattern.model3', 'securitypattern', tr('Ecological security pattern'),
                 tr('Ecological sources, resistance, corridors, pinch points, barriers and the gravity model of a '
                    'land-cover map, in one run.'),
                 tr('ecological security pattern,MSPA,ecological source,resistance,corridor,pinch point,barrier,'
                    'gravity model,workflow,model'),
                 [tr('The ecological-security-pattern chain in one run: MSPA cores of the habitat classes of a '
                     'land-cover map and their importance for connectivity (dPC).'),
                  tr('The cores above a dPC and an area threshold become ecological sources.'),
                  tr('Then a resistance surface from the land cover, the corridor network between the sources, its '
                     'pinch points and barriers, and the gravity model of the interaction between sources.')],
                 {'landcover': tr('Land cover'), 'habitat': tr('Habitat classes (MSPA foreground)'),
                  'dispersal': tr('Dispersal distance (m)'), 'min_dpc': tr('Smallest dPC of a source (%)'),
                  'min_area': tr('Smallest area of a source (ha)'),
                  'resistance_table': tr('Resistance of each land-cover class: factor, min, max, score, ... '
                                         '(1 = the land cover)'),
                  'mspa:MSPA': tr('MSPA'), 'mspa:MSPA cores': tr('MSPA cores'),
                  'patchimportance:Patch importance': tr('Patch importance'),
                  'sources:Ecological sources': tr('Ecological sources'),
                  'resistancesurface:Resistance': tr('Resistance'),
                  'corridornetwork:Corridor links': tr('Corridor links'),
                  'corridornetwork:Corridors': tr('Corridors'), 'pinchpoints:Pinch points': tr('Pinch points'),
                  'pinchpoints:Links with effective resistance': tr('Links with effective resistance'),
                  'barriers:Barriers': tr('Barriers'),
                  'gravitymodel:Interaction between sources': tr('Interaction between sources')},
                 {'landcover': [tr('A land-cover raster of class values (band 1).')],
                  'habitat': [tr('The land-cover classes counted as habitat (MSPA foreground), separated by commas.')],
                  'dispersal': [tr('The dispersal distance of the patch importance (dPC), in metres.')],
                  'min_area': [tr('A core patch smaller than this (hectares) is no ecological source.')],
                  'min_dpc': [tr('A core patch whose dPC (percent) is below this is no ecological source.')],
                  'resistance_table': [tr('The reclassification table of the resistance surface: factor, min, max, '
                                          'score per row, all in one comma-separated list; factor 1 is the land '
                                          'cover.')]}),
        Workflow('target3_counties.model3', 'target3counties', tr('Target 3 report of counties'),
                 tr('The Target 3 (30 x 30) report of a province\'s counties and the protection of its stopover '
                    'sites, in one run.'),
                 tr('30x30,target 3,GBF,county,stopover,KBA,report,workflow,model'),
                 [tr('The Target 3 (30 x 30) report of a province\'s counties and the protection of its stopover '
                     'sites in one run.'),
                  tr('target3report gives coverage by protected areas and OECMs, KBAs, ProtConn, SPI, ecoregions and '
                     'the trajectory as a table, HTML and PDF.'),
                  tr('sitecoverage gives the protection of the stopover sites per county, weighted by bird counts.')],
                 {'counties': tr('Counties'), 'county_field': tr('County name field'),
                  'protected': tr('Protected areas and OECMs'), 'kbas': tr('Key Biodiversity Areas'),
                  'species': tr('Species ranges'), 'species_field': tr('Species name field'),
                  'class_field': tr('Class field'), 'ecoregions': tr('Ecoregions'),
                  'ecoregion_field': tr('Ecoregion name field'), 'stopover_sites': tr('Stopover sites (points)'),
                  'site_count_field': tr('Bird count field'), 'year': tr('Year of the data'),
                  'target3report:Indicators': tr('Indicators'), 'target3report:Report (HTML)': tr('Report (HTML)'),
                  'target3report:Report (PDF)': tr('Report (PDF)'),
                  'sitecoverage:Stopover sites': tr('Stopover sites'),
                  'sitecoverage:Stopover sites per county': tr('Stopover sites per county')},
                 {'counties': [tr('The county polygons.')],
                  'county_field': [tr('The field naming each county.')],
                  'protected': [tr('Protected areas and OECMs (WDPA: PA_DEF 0 marks an OECM).')],
                  'kbas': [tr('Key Biodiversity Areas, points or polygons.')],
                  'species': [tr('Range polygons of the species.')],
                  'species_field': [tr('The field naming the species.')],
                  'class_field': [tr('The field grouping the species, e.g. Mammalia.')],
                  'ecoregions': [tr('Ecoregion polygons, for ecoregion representativeness.')],
                  'ecoregion_field': [tr('The field naming each ecoregion.')],
                  'stopover_sites': [tr('Stopover sites of migratory birds, points.')],
                  'site_count_field': [tr('The bird count of each stopover site, its weight.')],
                  'year': [tr('The year of the data: the yearly gain needed is spread over the years left to '
                              '2030.')]}),
    ]


class WorkflowAlgorithm(QgsProcessingModelAlgorithm):
    """A shipped model with a stable id (``reserveplanner:<id>``), translated name and help, in group Workflows."""

    def __init__(self, path, workflow_id):
        super().__init__()
        self.path, self.workflow_id = path, workflow_id
        self.loaded = self.fromFile(path)
        texts = self.texts()
        for definition in self.parameterDefinitions() + self.outputDefinitions():
            if definition.name() in texts.labels:
                definition.setDescription(texts.labels[definition.name()])
        for definition in self.parameterDefinitions():
            help_sentences = texts.parameter_help.get(definition.name())
            if help_sentences:
                definition.setHelp(sentences(help_sentences))

    def texts(self):
        """This workflow's Workflow, translated in the current language."""
        return next(workflow for workflow in workflow_texts() if workflow.id == self.workflow_id)

    def createInstance(self):  # noqa: N802 (QGIS API name)
        return WorkflowAlgorithm(self.path, self.workflow_id)

    def name(self):
        return self.workflow_id

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.texts().title

    def shortDescription(self):  # noqa: N802 (QGIS API name)
        return self.texts().description

    def tags(self):
        return keywords(self.texts().tags)

    def group(self):
        return tr('Workflows')

    def groupId(self):  # noqa: N802 (QGIS API name)
        return 'workflows'

    def shortHelpString(self):  # noqa: N802 (QGIS API name)
        return sentences(self.texts().summary)

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
    for workflow in workflow_texts():
        algorithm = WorkflowAlgorithm(os.path.join(MODEL_DIR, workflow.file), workflow.id)
        if algorithm.loaded:
            loaded.append(algorithm)
        else:
            QgsMessageLog.logMessage(tr('The workflow {file} could not be read and is not listed.').format(
                file=workflow.file), LOG_TAG, Qgis.MessageLevel.Warning)
    return loaded
