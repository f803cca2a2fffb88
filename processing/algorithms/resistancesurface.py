"""A resistance surface from weighted factors: rasters reclassified to scores, distances to vector features, weights
or AHP, an optional class-normalised correction (docs/resistance_surface.md).

Adapter only: the first factor's grid is the working grid (warped to a metric CRS for the run when it is not
metric, as every cost algorithm does); the other rasters are resampled onto it (nearest neighbour), vector layers
become distance grids on it, engine.resistance computes, and the surface is written on the first factor's grid.
"""

import os

import numpy as np
from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterMatrix,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)
from scipy import ndimage

from .. import qgis_io, weighting
from ..compat import ProcessingSourceType
from ..engine import raster, resistance
from ..engine.messages import EngineError
from .base import ReservePlannerAlgorithm, keywords
from ..resistance import CostRasterStyle, ResistanceGrid, grid_bounds, warped_band


tr = qgis_io.translator('ReservePlannerResistanceSurface')


def factor_error(error, names):
    """An engine error as a QgsProcessingException, naming the factor's layer when the error is about one."""
    factor = error.params.get('factor')
    message = qgis_io.engine_message(error)
    if isinstance(factor, int) and 1 <= factor <= len(names):
        message = tr('{message} (factor {factor} is "{name}")').format(message=message, factor=factor,
                                                                        name=names[factor - 1])
    return QgsProcessingException(message)


class ResistanceSurfaceAlgorithm(ReservePlannerAlgorithm):
    """R = sum_k w_k r_k: factors reclassified to resistance scores and weighted."""

    ALGORITHM_ID = 'resistancesurface'
    GROUP_ID = 'sources'
    ICON = 'resistancesurface.svg'

    FACTORS = 'FACTORS'
    DISTANCE_LAYERS = 'DISTANCE_LAYERS'
    RECLASS = 'RECLASS'
    WEIGHTS = 'WEIGHTS'
    AHP_MATRIX = 'AHP_MATRIX'
    CORRECTION = 'CORRECTION'
    CORRECTION_CLASSES = 'CORRECTION_CLASSES'
    OUTPUT = 'OUTPUT'

    ADVANCED = (CORRECTION, CORRECTION_CLASSES)

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr('Resistance surface from weighted factors')

    def shortDescription(self):  # noqa: N802 (QGIS API name)
        return self.tr('Reclassifies factors to resistance scores and adds them with weights or AHP.')

    def tags(self):
        return keywords(self.tr('resistance,cost,friction,factor,reclassify,ahp,weights,night-time '
                                'light,ecological security pattern'))

    def summary(self):
        return [
            self.tr('Builds a resistance surface R = sum of w_k r_k: each factor k (land cover, slope, elevation, '
                    'the distance to roads or settlements) is reclassified to a score r_k by a table, and the '
                    'scores are added with weights w_k that sum to 1.'),
            self.tr('Output: a raster on the grid of the first factor raster.'),
        ]

    def parameter_help(self):
        return {
            self.FACTORS: [
                self.tr('Rasters, in any CRS and resolution; the first one sets the output grid and the others '
                        'are resampled onto it (nearest neighbour).'),
            ],
            self.DISTANCE_LAYERS: [
                self.tr('Each layer becomes a factor: the distance in metres from every cell to the nearest '
                        'feature.'),
                self.tr('They follow the rasters in the factor order.'),
            ],
            self.RECLASS: [
                self.tr('One row per range or class: factor number (1 = the first factor), min, max, score.'),
                self.tr('A value v gets the score of the row with min <= v < max (the highest range includes its '
                        'max); a row with min = max matches that value only, for class codes.'),
                self.tr('Ranges must not overlap or leave gaps.'),
                self.tr('Example for a slope factor 2: 2, 0, 8, 1 / 2, 8, 25, 3 / 2, 25, 90, 5.'),
            ],
            self.WEIGHTS: [
                self.tr('"w1,w2,..." one per factor (rescaled to sum 1; empty = equal).'),
            ],
            self.AHP_MATRIX: [
                self.tr('An AHP pairwise comparison matrix, rows separated by ";" and values by ","; its weights '
                        'replace WEIGHTS and its consistency ratio is reported.'),
            ],
            self.CORRECTION: [
                self.tr('R is multiplied by the correction raster divided by its mean over the cells of the same '
                        'class (e.g. night-time light over the mean of its land-cover class).'),
            ],
            self.CORRECTION_CLASSES: [
                self.tr('The classes of the correction come from this raster, by default the first factor.'),
            ],
        }

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.FACTORS, self.tr('Factor rasters'), ProcessingSourceType.Raster))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.DISTANCE_LAYERS, self.tr('Distance factors (vector layers)'), ProcessingSourceType.VectorAnyGeometry,
            optional=True))
        self.addParameter(QgsProcessingParameterMatrix(
            self.RECLASS, self.tr('Reclassification table'), hasFixedNumberRows=False,
            headers=[self.tr('factor'), self.tr('min'), self.tr('max'), self.tr('score')]))
        self.addParameter(QgsProcessingParameterString(
            self.WEIGHTS, self.tr('Weights ("w1,w2,...", one per factor)'), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.AHP_MATRIX, self.tr('AHP pairwise matrix (rows ";", values ","; replaces the weights)'),
            optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.CORRECTION, self.tr('Correction raster (e.g. night-time light)'), optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.CORRECTION_CLASSES, self.tr('Classes of the correction (default: the first factor)'), optional=True))
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr('Resistance surface')))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        rasters = self.parameterAsLayerList(parameters, self.FACTORS, context)
        if not rasters:
            raise QgsProcessingException(tr('Give at least one factor raster: its grid is the output grid.'))
        vectors = self.parameterAsLayerList(parameters, self.DISTANCE_LAYERS, context)
        count = len(rasters) + len(vectors)
        names = [qgis_io.layer_label(layer) for layer in rasters + vectors]
        try:
            tables = resistance.reclass_tables(self.matrix_rows(parameters, context), count)
            weights, _ahp = weighting.weights_from(self.parameterAsString(parameters, self.WEIGHTS, context),
                                                   self.parameterAsString(parameters, self.AHP_MATRIX, context),
                                                   count, feedback)
        except EngineError as error:
            raise factor_error(error, names) from error
        feedback.pushInfo(tr('Factor weights: {weights}.').format(weights='; '.join(
            '{} {:.4f}'.format(name, weight) for name, weight in zip(names, weights))))

        base = ResistanceGrid(rasters[0], context, feedback, bytes_per_cell=8 * (count + 3), sources=vectors)
        factors = [base.grid.array] + [self.on_grid(layer, base) for layer in rasters[1:]]
        factors += [self.distance_grid(layer, base, context, feedback) for layer in vectors]
        correction, classes = self.correction(parameters, context, base, factors[0])
        if feedback.isCanceled():
            raise qgis_io.cancelled()
        try:
            types = [raster.band_dtype(layer.source()) for layer in rasters] + [np.float64] * len(vectors)
            surface = resistance.resistance_surface(factors, tables, weights, correction, classes, types)
        except EngineError as error:
            raise factor_error(error, names) from error
        self.check_overlap(surface, names, factors)
        if correction is not None:
            self.warn_barriers(parameters, context, correction, surface, feedback)
        return {self.OUTPUT: self.write(parameters, context, base, surface)}

    def warn_barriers(self, parameters, context, correction, surface, feedback):
        """Say how many cells the correction made 0 or less: barriers for every cost tool."""
        count = resistance.nonpositive_corrections(correction, surface)
        if count:
            layer = self.parameterAsRasterLayer(parameters, self.CORRECTION, context)
            feedback.pushWarning(tr('Cells of the resistance surface made 0 or less by a correction value of 0 or '
                                    'less in "{layer}": {count}. Cost tools treat them as barriers; add a constant '
                                    'to the correction raster (night-time light + 1, for example) if they should be '
                                    'passable.').format(layer=qgis_io.layer_label(layer), count=count))

    def matrix_rows(self, parameters, context):
        # a model or a batch row may hand the table over as text "1,0,10,1,..." inside a list
        values = [part for value in self.parameterAsMatrix(parameters, self.RECLASS, context)
                  for part in (value.split(',') if isinstance(value, str) else [value])]
        if not values:
            raise QgsProcessingException(tr('The reclassification table is empty: give factor, min, max, score rows.'))
        if len(values) % 4:
            raise QgsProcessingException(tr('The reclassification table has {count} values, not a multiple of 4: '
                                            'each row is factor, min, max, score.').format(count=len(values)))
        return [values[start:start + 4] for start in range(0, len(values), 4)]

    @staticmethod
    def on_grid(layer, base):
        """Band 1 of ``layer`` resampled (nearest neighbour) onto the working grid of ``base``."""
        grid = base.grid
        with qgis_io.engine_errors():
            return warped_band(layer.source(), qgis_io.layer_label(layer), dstSRS=grid.crs_wkt,
                               **grid_bounds(grid.geotransform, grid.array.shape)).array

    @staticmethod
    def distance_grid(layer, base, context, feedback):
        """Distance (m) from each cell centre of the working grid to the nearest feature of ``layer``."""
        label = qgis_io.layer_label(layer)
        features = [item for item in qgis_io.read_features(layer, base.crs, context, feedback)
                    if item.geometry is not None and not item.geometry.is_empty]
        if not features:
            raise QgsProcessingException(tr('The distance layer "{layer}" has no feature with a geometry.').format(
                layer=label))
        grid = base.grid
        burnt = raster.rasterize([item.geometry for item in features], [1] * len(features), grid.array.shape,
                                 grid.geotransform, grid.crs_wkt, all_touched=True)
        if not burnt.any():
            raise QgsProcessingException(tr('The distance layer "{layer}" lies outside the factors\' grid.').format(
                layer=label))
        return ndimage.distance_transform_edt(burnt == 0, sampling=(base.cell_height, base.cell_width))

    def correction(self, parameters, context, base, first_factor):
        layer = self.parameterAsRasterLayer(parameters, self.CORRECTION, context)
        if layer is None:
            return None, None
        classes_layer = self.parameterAsRasterLayer(parameters, self.CORRECTION_CLASSES, context)
        classes = first_factor if classes_layer is None else self.on_grid(classes_layer, base)
        return self.on_grid(layer, base), classes

    @staticmethod
    def check_overlap(surface, names, factors):
        """Refuse a result without data, naming the factors that share no cell with the first."""
        if not np.isnan(surface).all():
            return
        apart = [name for name, values in zip(names[1:], factors[1:])
                 if np.isnan(values[~np.isnan(factors[0])]).all()]
        raise QgsProcessingException(
            tr('The resistance surface has no cell with data: {factors} do not overlap the first factor "{first}". '
               'Use factors that cover the same area.').format(
                factors=', '.join('"{}"'.format(name) for name in apart) or tr('the factors'), first=names[0]))

    def write(self, parameters, context, base, surface):
        path = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        layer_grid = base.layer_grid
        with qgis_io.engine_errors():
            raster.write_geotiff(path, base.to_layer_grid(surface), layer_grid.geotransform, layer_grid.crs_wkt)
        if context.willLoadLayerOnCompletion(path):
            context.layerToLoadOnCompletionDetails(path).setPostProcessor(
                CostRasterStyle.create(os.path.join(qgis_io.STYLE_DIR, 'resistance.qml')))
        return path
