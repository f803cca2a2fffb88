"""optimisezones: an optimal core / buffer / transition zoning of a biosphere reserve, solved exactly and checked
with validatezones' rules in the same run (docs/planning.md, "Zones"; engine/planning.py)."""

import numpy as np
from scipy import sparse
from shapely.ops import unary_union
from qgis.core import (
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from .. import compat, qgis_io
from ..engine import planning, zone_validation, zones
from ..planning_io import (M2_PER_HA, ExactSolver, given, layer_amounts, raster_zonal, require_disjoint_units,
                           solver_results, warn_features_without_amounts, write_polygons)
from .base import ReservePlannerAlgorithm, keywords

ZONES_STYLE = 'zones'


tr = qgis_io.translator('ReservePlannerOptimiseZones')


def three_numbers(text, parameter):
    """Three numbers "core,buffer,transition" from a parameter's text; raises naming the parameter."""
    try:
        values = [float(part) for part in text.replace(';', ',').split(',')]
    except ValueError:
        values = []
    if len(values) != 3 or not all(np.isfinite(values)):
        raise QgsProcessingException(tr('{parameter} needs three numbers, for core, buffer and transition '
                                        '(e.g. 1,0.4,0); got "{text}".').format(parameter=parameter, text=text))
    return values


def boundary_costs(text, parameter):
    """{(zone, zone or outside): cost} from "core-outside=1,buffer-outside=0.05"; pairs not given keep the
    defaults of engine.planning.DEFAULT_BOUNDARY_COSTS."""
    costs = dict(planning.DEFAULT_BOUNDARY_COSTS)
    for item in filter(None, (part.strip() for part in text.replace(';', ',').split(','))):
        name, _, value = item.partition('=')
        pair = tuple(part.strip().lower() for part in name.split('-'))
        key = pair if pair in costs else pair[::-1]
        try:
            number = float(value)
        except ValueError:
            number = np.nan
        if key not in costs or not np.isfinite(number):
            raise QgsProcessingException(tr('{parameter}: "{item}" is not a pair of zones with a cost; write e.g. '
                                            'core-outside=1 with the pairs {pairs}.').format(
                parameter=parameter, item=item, pairs=', '.join('-'.join(pair) for pair in planning.ZONE_PAIRS)))
        costs[key] = number
    return costs


class OptimiseZones(ExactSolver, ReservePlannerAlgorithm):
    """Core, buffer and transition for a reserve: the cheapest zoning that meets the value targets."""

    ALGORITHM_ID = 'optimisezones'
    GROUP_ID = 'planning'
    ICON = 'optimisezones.svg'

    BOUNDARY_LAYER = 'BOUNDARY_LAYER'
    PLANNING_UNITS = 'PLANNING_UNITS'
    GRID_TYPE = 'GRID_TYPE'
    CELL_SIZE = 'CELL_SIZE'
    VALUES = 'VALUES'
    PRESSURE = 'PRESSURE'
    ZONE_COSTS = 'ZONE_COSTS'
    CONTRIBUTIONS = 'CONTRIBUTIONS'
    TARGET = 'TARGET'
    ZONE_TARGETS = 'ZONE_TARGETS'
    ZONE_BOUNDARY_COSTS = 'ZONE_BOUNDARY_COSTS'
    PROFILE = 'PROFILE'
    OUTPUT = 'OUTPUT'
    OUTPUT_UNITS = 'OUTPUT_UNITS'
    ERROR_COUNT = 'ERROR_COUNT'
    WARNING_COUNT = 'WARNING_COUNT'

    ADVANCED = ExactSolver.ADVANCED + (GRID_TYPE, ZONE_BOUNDARY_COSTS)

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr('Optimise reserve zones (exact)')

    def shortDescription(self):  # noqa: N802 (QGIS API name)
        return self.tr('The cheapest core / buffer / transition zoning that meets value targets, validated.')

    def tags(self):
        return keywords(self.tr('biosphere reserve,zoning,marxan with zones,core,buffer,transition,optimisation'))

    def summary(self):
        return [
            self.tr('Zones a reserve into core, buffer and transition by exact integer programming, as Marxan '
                    'with Zones would (Watts et al. 2009) but with a proven optimum, and checks the result with '
                    'the rules of "Validate zones".'),
            self.tr('OUTPUT: one feature per zone with zone, zone_code and area_ha (as "Generate zones" writes '
                    'them), ready for "Validate zones"; ERROR_COUNT and WARNING_COUNT are that validation\'s '
                    'counts, and each problem is listed in the log.'),
            solver_results(),
        ]

    def parameter_help(self):
        return {
            **self.solver_help(),
            self.BOUNDARY_LAYER: [
                self.tr('The reserve.'),
            ],
            self.PLANNING_UNITS: [
                self.tr('Polygons to zone; without them a grid of GRID_TYPE of CELL_SIZE metres is laid over the '
                        'reserve and clipped to it.'),
            ],
            self.GRID_TYPE: [
                self.tr('Squares or hexagons, for the grid laid without planning units.'),
            ],
            self.CELL_SIZE: [
                self.tr('Metres across a grid cell.'),
            ],
            self.VALUES: [
                self.tr('Rasters of conservation value: each is one feature; amount in a unit = sum of cell '
                        'values x cell share.'),
            ],
            self.PRESSURE: [
                self.tr("A raster of human pressure; a unit's base cost is its area in hectares x (1 + its mean "
                        'pressure).'),
            ],
            self.ZONE_COSTS: [
                self.tr('The base cost multiplier in core, buffer, transition (default 1,0.4,0).'),
            ],
            self.CONTRIBUTIONS: [
                self.tr('The share of a value each zone protects (default 1,0.5,0).'),
            ],
            self.TARGET: [
                self.tr('Proportion of every value to protect overall, contributions counted (0-1).'),
            ],
            self.ZONE_TARGETS: [
                self.tr('Proportion of every value that must lie inside the core, buffer and transition (default '
                        '0.1,0,0).'),
            ],
            self.ZONE_BOUNDARY_COSTS: [
                self.tr('Cost per metre of edge between zones and with the land outside the reserve, e.g. '
                        'core-outside=1,core-transition=1,core-buffer=0,buffer-outside=0.05.'),
                self.tr('A core next to outside land is then costly, next to a buffer free.'),
            ],
            self.PROFILE: [
                self.tr('The validation profile the zoning is checked with.'),
            ],
        }

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.BOUNDARY_LAYER, self.tr('Reserve boundary'), [compat.ProcessingSourceType.VectorPolygon]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.PLANNING_UNITS, self.tr('Planning units (optional; default: a grid over the reserve)'),
            [compat.ProcessingSourceType.VectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.GRID_TYPE, self.tr('Grid type'), [self.tr('Squares'), self.tr('Hexagons')], defaultValue=1))
        self.addParameter(QgsProcessingParameterNumber(
            self.CELL_SIZE, self.tr('Grid cell size (m across)'), compat.ProcessingNumberParameterType.Double,
            defaultValue=500.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.VALUES, self.tr('Conservation value rasters (one feature each)'), compat.ProcessingSourceType.Raster))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.PRESSURE, self.tr('Human pressure raster (raises the cost of protection)'), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.ZONE_COSTS, self.tr('Cost multiplier in core, buffer, transition'), defaultValue='1,0.4,0'))
        self.addParameter(QgsProcessingParameterString(
            self.CONTRIBUTIONS, self.tr('Share of value protected in core, buffer, transition'),
            defaultValue='1,0.5,0'))
        self.addParameter(QgsProcessingParameterNumber(
            self.TARGET, self.tr('Overall target (proportion 0-1 of each value)'),
            compat.ProcessingNumberParameterType.Double, defaultValue=0.3, minValue=0.0, maxValue=1.0))
        self.addParameter(QgsProcessingParameterString(
            self.ZONE_TARGETS, self.tr('Proportion of each value inside core, buffer, transition'),
            defaultValue='0.1,0,0'))
        self.addParameter(QgsProcessingParameterString(
            self.ZONE_BOUNDARY_COSTS, self.tr('Zone boundary costs per metre (e.g. core-outside=1,core-buffer=0)'),
            defaultValue='', optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.PROFILE, self.tr('Validation profile'),
            [qgis_io.engine_tr(zone_validation.PROFILES[name]['title']) for name in zone_validation.PROFILE_IDS],
            defaultValue=0))
        self.add_solver_parameters()
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr('Optimised zones'), compat.ProcessingSourceType.VectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_UNITS, self.tr('Planning units with their zone'), compat.ProcessingSourceType.VectorPolygon,
            optional=True, createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber(self.ERROR_COUNT, self.tr('Number of validation errors')))
        self.addOutput(QgsProcessingOutputNumber(self.WARNING_COUNT, self.tr('Number of validation warnings')))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        boundary_source = qgis_io.required_source(self, parameters, self.BOUNDARY_LAYER, context)
        boundary_label = qgis_io.layer_label(parameters[self.BOUNDARY_LAYER], context)
        zone_costs, contributions, zone_targets = (
            three_numbers(self.parameterAsString(parameters, name, context), name)
            for name in (self.ZONE_COSTS, self.CONTRIBUTIONS, self.ZONE_TARGETS))
        edge_costs = boundary_costs(self.parameterAsString(parameters, self.ZONE_BOUNDARY_COSTS, context) or '',
                                    self.ZONE_BOUNDARY_COSTS)
        profile = zone_validation.PROFILE_IDS[self.parameterAsEnum(parameters, self.PROFILE, context)]
        time_limit, gap = self.solver_settings(parameters, context)
        crs = boundary_source.sourceCrs()
        work_crs = qgis_io.metric_crs_of([boundary_source], crs, context)
        steps = QgsProcessingMultiStepFeedback(5, feedback)
        boundary_features = qgis_io.read_polygons(boundary_source, boundary_label, work_crs, context, steps)
        if not boundary_features:
            raise QgsProcessingException(tr('The reserve boundary layer "{layer}" has no features: there is no '
                                            'reserve to zone. Check the layer (a filter may hide its '
                                            'features).').format(layer=boundary_label))
        qgis_io.require_geometries(boundary_features, boundary_label)
        boundary = unary_union([item.geometry for item in boundary_features])
        steps.setCurrentStep(1)
        units = self.planning_units(parameters, context, boundary, work_crs, steps)
        steps.setCurrentStep(2)
        names, amounts, base_costs = self.unit_values(parameters, context, units, work_crs, steps)
        edges = planning.shared_boundaries([item.geometry for item in units])
        with qgis_io.engine_errors():
            problem = planning.reserve_zones_problem(
                base_costs, amounts, planning.outer_lengths(edges, len(units)), zone_costs, contributions,
                self.parameterAsDouble(parameters, self.TARGET, context), zone_targets, edge_costs,
                [item.fid for item in units], names)
        steps.setCurrentStep(3)
        solution = self.solve(planning.solve_zones, steps, problem, edges, 1.0, time_limit, gap)
        results = self.solution_results(solution, names, feedback)
        zoned = [zone_validation.ZoneFeature(position + 1, zone_name, geometry)
                 for position, (zone_name, geometry) in enumerate(dissolved(units, solution.selected))]
        steps.setCurrentStep(4)
        counts = self.validate(zoned, boundary, profile, feedback)
        results.update({self.ERROR_COUNT: counts[0], self.WARNING_COUNT: counts[1]})
        results[self.OUTPUT] = self.write_zones(parameters, context, zoned, crs, work_crs)
        if given(parameters, self.OUTPUT_UNITS):
            results[self.OUTPUT_UNITS] = self.write_units(parameters, context, units, solution.selected, crs,
                                                          work_crs)
        return results

    def planning_units(self, parameters, context, boundary, work_crs, feedback):
        """PLANNING_UNITS read as SourceFeatures, or a grid over the reserve (feature ids 1, 2, ...)."""
        if given(parameters, self.PLANNING_UNITS):
            source = qgis_io.required_source(self, parameters, self.PLANNING_UNITS, context)
            label = qgis_io.layer_label(parameters[self.PLANNING_UNITS], context)
            units = qgis_io.read_polygons(source, label, work_crs, context, feedback)
            qgis_io.require_geometries(units, label)
            require_disjoint_units(units, [item.fid for item in units], label)
            return units
        with qgis_io.engine_errors():
            cells = planning.unit_grid(boundary, self.parameterAsDouble(parameters, self.CELL_SIZE, context),
                                       self.parameterAsEnum(parameters, self.GRID_TYPE, context) == 1)
        feedback.pushInfo(tr('{count} planning units laid over the reserve.').format(count=len(cells)))
        return [qgis_io.SourceFeature(index + 1, {}, cell, None) for index, cell in enumerate(cells)]

    def unit_values(self, parameters, context, units, work_crs, feedback):
        """(feature names, sparse amounts, base costs = hectares x (1 + mean pressure)) of the units."""
        layers = self.parameterAsLayerList(parameters, self.VALUES, context)
        if not layers:
            raise QgsProcessingException(tr('Give at least one conservation value raster in VALUES.'))
        columns = []
        for position, layer in enumerate(layers):
            if feedback.isCanceled():
                raise qgis_io.cancelled()
            feedback.setProgress(100.0 * position / len(layers))
            columns.append(layer_amounts(layer, units, work_crs, context, feedback))
        areas = np.array([item.geometry.area / M2_PER_HA for item in units])
        pressure_layer = self.parameterAsRasterLayer(parameters, self.PRESSURE, context)
        pressure = np.zeros(len(units))
        if pressure_layer is not None:
            mean = raster_zonal(pressure_layer, units, work_crs, context, feedback).mean
            if not np.isfinite(mean).any():
                raise QgsProcessingException(tr('The pressure raster "{layer}" has no data under any planning unit: '
                                                'it lies elsewhere or holds only nodata there, so no unit would '
                                                'cost more. Check its extent and CRS, or leave PRESSURE '
                                                'empty.').format(layer=qgis_io.layer_label(pressure_layer)))
            pressure = np.where(np.isfinite(mean), mean, 0.0)
        names = [qgis_io.layer_label(layer) for layer in layers]
        amounts = sparse.csr_matrix(np.column_stack(columns))
        warn_features_without_amounts(names, amounts, feedback)
        return names, amounts, areas * (1.0 + pressure)

    def validate(self, zoned, boundary, profile, feedback):
        """(errors, warnings) of validatezones' rules on the optimised zoning; each problem is logged."""
        problems = zone_validation.validate(zoned, boundary, profile)
        for problem in problems:
            feedback.pushWarning('{}: {}'.format(problem.severity, qgis_io.engine_message(problem)))
        counts = [sum(1 for problem in problems if problem.severity == severity)
                  for severity in (zone_validation.ERROR, zone_validation.WARNING)]
        feedback.pushInfo(tr('Validation under the profile "{profile}": {errors} errors, {warnings} warnings.').format(
            profile=qgis_io.engine_tr(zone_validation.PROFILES[profile]['title']), errors=counts[0],
            warnings=counts[1]))
        return counts

    def write_zones(self, parameters, context, zoned, crs, work_crs):
        rows = ((item.geometry, [item.value, int(zones.ZONE_CODES[item.value]), float(item.geometry.area / M2_PER_HA)])
                for item in zoned)
        fields = [(zones.ZONE_FIELD, compat.FieldType.String), (zones.ZONE_CODE_FIELD, compat.FieldType.Int),
                  (zones.AREA_FIELD, compat.FieldType.Double)]
        return write_polygons(self, parameters, self.OUTPUT, context, fields, crs, work_crs, rows, ZONES_STYLE)

    def write_units(self, parameters, context, units, chosen, crs, work_crs):
        rows = ((item.geometry, [int(item.fid), planning.RESERVE_ZONES[int(zone)]])
                for item, zone in zip(units, chosen))
        fields = [('unit', compat.FieldType.Int), (zones.ZONE_FIELD, compat.FieldType.String)]
        return write_polygons(self, parameters, self.OUTPUT_UNITS, context, fields, crs, work_crs, rows, ZONES_STYLE)


def dissolved(units, chosen):
    """(zone name, union of its units) for every zone that received units, in RESERVE_ZONES order."""
    return [(name, unary_union([item.geometry for item, zone in zip(units, chosen) if zone == index]))
            for index, name in enumerate(planning.RESERVE_ZONES) if np.any(np.asarray(chosen) == index)]
