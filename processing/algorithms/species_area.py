"""Processing algorithm ``speciesarea``: the species-area calculator (docs/species_area.md, engine/species_area.py).
"""


from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
)

from ..compat import (
    ProcessingNumberParameterType,
    ProcessingSourceType,
    WkbType,
)
from .. import qgis_io
from ..qgis_io import double_field
from ..engine import coverage as engine
from ..engine import species_area
from ..protected_areas import (
    write_rows,
)
from .base import ReservePlannerAlgorithm, keywords

class SpeciesAreaAlgorithm(ReservePlannerAlgorithm):
    """The species-area arithmetic of docs/species_area.md as a calculator."""

    ALGORITHM_ID = 'speciesarea'
    GROUP_ID = 'coverage'
    ICON = 'speciesarea.svg'

    COVERAGE = 'COVERAGE'
    Z = 'Z'
    SPECIES_SHARE = 'SPECIES_SHARE'
    OUTPUT = 'OUTPUT'
    PERSISTING_PERCENT = 'PERSISTING_PERCENT'
    AREA_NEEDED_PERCENT = 'AREA_NEEDED_PERCENT'

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr('Species-area calculator')

    def shortDescription(self):  # noqa: N802 (QGIS API name)
        return self.tr('Species expected to persist for a share of habitat kept, by the species-area relationship.')

    def tags(self):
        return keywords(self.tr('species-area,Half-Earth,extinction,persistence,habitat loss'))

    def summary(self):
        return [
            self.tr('The species-area relationship S = c A^z (the Half-Earth arithmetic): when habitat shrinks to '
                    'a share a of its original area, a share a^z of the species is expected to persist; keeping a '
                    'share f of the species needs f^(1/z) of the area.'),
            self.tr('Protecting half keeps 0.5^0.25 = 84 %, keeping 15 % keeps 0.15^0.25 = 62 %.'),
            self.tr('PERSISTING_PERCENT: species expected to persist at COVERAGE; AREA_NEEDED_PERCENT: habitat '
                    'needed for SPECIES_SHARE; OUTPUT: a table of both for z = 0.15 ... 0.4 and Z.'),
        ]

    def parameter_help(self):
        return {
            self.COVERAGE: [
                self.tr('The share of habitat kept (e.g. protected), in %.'),
            ],
            self.Z: [
                self.tr('The exponent z (about 0.25; 0.15 to 0.4).'),
            ],
            self.SPECIES_SHARE: [
                self.tr('The share of species to keep, in %.'),
            ],
        }

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterNumber(
            self.COVERAGE, self.tr('Share of habitat kept (%)'), ProcessingNumberParameterType.Double,
            defaultValue=engine.GBF_TARGET_PERCENT, minValue=0.0, maxValue=100.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.Z, self.tr('Species-area exponent z'), ProcessingNumberParameterType.Double,
            defaultValue=species_area.DEFAULT_Z, minValue=0.01, maxValue=1.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.SPECIES_SHARE, self.tr('Share of species to keep (%)'), ProcessingNumberParameterType.Double,
            defaultValue=90.0, minValue=0.0, maxValue=100.0))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr('Species-area table'), ProcessingSourceType.Vector))
        self.addOutput(QgsProcessingOutputNumber(self.PERSISTING_PERCENT, self.tr('Species persisting (%)')))
        self.addOutput(QgsProcessingOutputNumber(self.AREA_NEEDED_PERCENT, self.tr('Habitat needed (%)')))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        coverage = self.parameterAsDouble(parameters, self.COVERAGE, context) / 100.0
        z = self.parameterAsDouble(parameters, self.Z, context)
        species_share = self.parameterAsDouble(parameters, self.SPECIES_SHARE, context) / 100.0
        with qgis_io.engine_errors():
            persisting = 100.0 * species_area.persisting_share(coverage, z)
            needed = 100.0 * species_area.area_needed(species_share, z)
            table = species_area.species_area_table(coverage, species_share,
                                                    species_area.TYPICAL_Z_VALUES + (z,))
        fields = qgis_io.make_fields(double_field('z'), double_field('persisting_pct'), double_field('area_needed_pct'))
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, WkbType.NoGeometry,
                                             QgsCoordinateReferenceSystem())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        write_rows(sink, fields, table, self.OUTPUT)
        feedback.pushInfo(self.tr('With {coverage:.1f} % of the habitat, {persisting:.1f} % of the species are '
                                  'expected to persist (z = {z}); keeping {share:.1f} % of them needs {needed:.1f} % '
                                  'of the habitat.').format(coverage=100 * coverage, persisting=persisting, z=z,
                                                     share=100 * species_share, needed=needed))
        return {self.OUTPUT: dest_id, self.PERSISTING_PERCENT: persisting, self.AREA_NEEDED_PERCENT: needed}
