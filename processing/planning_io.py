"""Processing helpers shared by the exact planning algorithms (prioritize, solvemarxan, solvemarzone,
optimisezones): the solver parameters and results, amounts of feature layers per planning unit, and the outputs.
Not an algorithm module: algorithm modules import it, never each other. Formulas: docs/planning.md.
"""

import numpy as np
from shapely.geometry import box
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsProcessingException,
    QgsProcessingOutputBoolean,
    QgsProcessingOutputNumber,
    QgsProcessingParameterNumber,
    QgsRasterLayer,
    QgsVectorLayer,
)

from . import compat, qgis_io
from .engine import coverage, zonal
from .engine.regions import overlapping_regions
from .protected_areas import dissolved_pieces

M2_PER_HA = 10000.0

tr = qgis_io.translator('ReservePlannerPlanning')


def solver_results():
    """The sentence on the results every exact planning algorithm gives (its short help ends with it)."""
    return tr('Results: COST, BOUNDARY, OBJECTIVE (the value minimised or maximised), GAP (the gap achieved) and '
              'OPTIMAL (true when the optimum is proven, within 0.01 %), solved by HiGHS through '
              'scipy.optimize.milp.')


class ExactSolver:
    """TIME_LIMIT and GAP parameters and the COST, BOUNDARY, OBJECTIVE, GAP, OPTIMAL results every exact
    planning algorithm shares."""

    TIME_LIMIT = 'TIME_LIMIT'
    GAP = 'GAP'
    COST = 'COST'
    BOUNDARY = 'BOUNDARY'
    OBJECTIVE_VALUE = 'OBJECTIVE'
    OPTIMAL = 'OPTIMAL'

    ADVANCED = (TIME_LIMIT, GAP)

    def solver_help(self):
        """Help of TIME_LIMIT and GAP (module tr: ``self.tr`` would take the subclass's context)."""
        return {
            self.TIME_LIMIT: [tr('Seconds the solver may run (0 = no limit).'),
                              tr('When it stops at the limit the best plan found so far is written and OPTIMAL is '
                                 'false.')],
            self.GAP: [tr('Relative optimality gap at which the solver may stop: 0.01 = a plan proven to be within '
                          '1 % of the optimum; 0 = prove the optimum.')],
        }

    def add_solver_parameters(self):
        self.addParameter(QgsProcessingParameterNumber(
            self.TIME_LIMIT, tr('Time limit (seconds, 0 = none)'), compat.ProcessingNumberParameterType.Double,
            defaultValue=300.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.GAP, tr('Relative optimality gap to stop at (0-1; 0.01 = within 1 %)'),
            compat.ProcessingNumberParameterType.Double, defaultValue=0.0, minValue=0.0, maxValue=1.0))
        self.addOutput(QgsProcessingOutputNumber(self.COST, tr('Total cost')))
        self.addOutput(QgsProcessingOutputNumber(self.BOUNDARY, tr('Boundary (length or zone boundary cost)')))
        self.addOutput(QgsProcessingOutputNumber(self.OBJECTIVE_VALUE, tr('Objective value')))
        self.addOutput(QgsProcessingOutputNumber(self.GAP, tr('Relative gap achieved')))
        self.addOutput(QgsProcessingOutputBoolean(self.OPTIMAL, tr('Optimality proven')))

    def solver_settings(self, parameters, context):
        """(time limit in seconds or None, relative gap), NaN refused."""
        values = [self.parameterAsDouble(parameters, name, context) for name in (self.TIME_LIMIT, self.GAP)]
        for name, value in zip((self.TIME_LIMIT, self.GAP), values):
            if not np.isfinite(value):
                raise QgsProcessingException(tr('{parameter} must be a number.').format(parameter=name))
        return (values[0] or None), values[1]

    def solve(self, function, feedback, *arguments, **keywords):
        """Run an engine solver, then refuse a run cancelled meanwhile; logs the outcome."""
        if feedback.isCanceled():
            raise qgis_io.cancelled()
        feedback.pushInfo(tr('Solving with HiGHS…'))
        with qgis_io.engine_errors():
            solution = function(*arguments, **keywords)
        if feedback.isCanceled():
            raise qgis_io.cancelled()
        feedback.setProgress(100)
        return solution

    def solution_results(self, solution, feature_names, feedback):
        """The shared results; logs the plan's figures and names the features short of their target."""
        gap = float(solution.gap) if np.isfinite(solution.gap) else -1.0
        feedback.pushInfo(tr('Cost {cost:g}, boundary {boundary:g}, objective {objective:g}, gap {gap:.4%}, '
                             'optimum {proven}.').format(
            cost=solution.cost, boundary=solution.boundary, objective=solution.objective, gap=max(gap, 0.0),
            proven=tr('proven') if solution.optimal else tr('not proven')))
        if solution.unmet:
            listed = ', '.join('"{}" ({:g})'.format(feature_names[index], solution.shortfall[index])
                               for index in solution.unmet[:20])
            feedback.pushWarning(tr('These features cannot reach their target; the plan keeps the least '
                                    'shortfall (in brackets): {features}.').format(features=listed))
        return {self.COST: float(solution.cost), self.BOUNDARY: float(solution.boundary),
                self.OBJECTIVE_VALUE: float(solution.objective), self.GAP: gap, self.OPTIMAL: bool(solution.optimal)}


def table_sink(algorithm, parameters, name, context, fields):
    """A sink without geometry for ``fields`` ((name, compat.FieldType member) pairs); returns (sink, dest id,
    QgsFields)."""
    table_fields = qgis_io.make_fields(*fields)
    sink, dest_id = algorithm.parameterAsSink(parameters, name, context, table_fields, compat.WkbType.NoGeometry,
                                              QgsCoordinateReferenceSystem())
    if sink is None:
        raise QgsProcessingException(algorithm.invalidSinkError(parameters, name))
    return sink, dest_id, table_fields


def write_polygons(algorithm, parameters, name, context, fields, crs, work_crs, rows, style):
    """Write ``rows`` ((shapely geometry in ``work_crs``, attribute values)) to the polygon output ``name`` in
    ``crs`` (cut at 180 degrees in a geographic CRS, qgis_io.output_polygon; the geometries were read from layers,
    so they are not densified again), styled with resources/styles/``style``.qml when loaded; returns its dest
    id."""
    polygon_fields = qgis_io.make_fields(*fields)
    sink, dest_id = algorithm.parameterAsSink(parameters, name, context, polygon_fields, compat.WkbType.MultiPolygon,
                                              crs)
    if sink is None:
        raise QgsProcessingException(algorithm.invalidSinkError(parameters, name))
    for geometry, attributes in rows:
        feature = QgsFeature(polygon_fields)
        feature.setGeometry(qgis_io.output_polygon(geometry, work_crs, crs, context, max_segment=None))
        feature.setAttributes(list(attributes))
        qgis_io.add_feature(sink, feature, name)
    qgis_io.style_output_on_load(context, dest_id, style)
    return dest_id


def write_rows(algorithm, parameters, name, context, fields, rows):
    """Write ``rows`` (plain Python values) to the table output ``name``; returns its dest id."""
    sink, dest_id, table_fields = table_sink(algorithm, parameters, name, context, fields)
    for row in rows:
        feature = QgsFeature(table_fields)
        feature.setAttributes(list(row))
        qgis_io.add_feature(sink, feature, name)
    return dest_id


def given(parameters, name):
    """True when the optional parameter ``name`` has a value (a layer object counts, however empty)."""
    value = parameters.get(name)
    return value is not None and not (isinstance(value, str) and not value)


def as_number(value):
    """``value`` as a float, NaN when it is not a number."""
    try:
        return float(value)
    except (TypeError, ValueError):
        return np.nan


def raster_zonal(layer, units, work_crs, context, feedback):
    """engine.zonal's mean and weight (valid cells, fractions for small units) of a raster over the units."""
    qgis_io.require_gdal_file(layer)
    with qgis_io.engine_errors():
        spec = zonal.grid_spec(layer.source())
        geometries = qgis_io.reprojected([item.geometry for item in units], work_crs, layer.crs(), context)
        plan = zonal.plan_zonal(geometries, spec)
        return zonal.zonal_means(layer.source(), plan, feedback=qgis_io.engine_feedback(feedback).silent())


def layer_amounts(layer, units, work_crs, context, feedback):
    """Amount of one feature layer in every unit: a raster's sum of cell values x cell share, a polygon layer's
    (or a layer of geometry collections holding polygons) hectares inside the unit.

    Raises when the layer lies beside the units (another extent, a wrong CRS: a raster with no data under any unit,
    a polygon layer with no polygon across their extent), which would give the feature a target of 0, met by an
    empty plan. A layer over the units holding 0 in all of them (a species absent from this province) is the
    callers' warning (warn_features_without_amounts), not an error: a batch over provinces must run.
    """
    if isinstance(layer, QgsRasterLayer):
        result = raster_zonal(layer, units, work_crs, context, feedback)
        amounts = np.where(np.isfinite(result.mean), result.mean * result.weight, 0.0)
        beside = not np.isfinite(result.mean).any()
    elif isinstance(layer, QgsVectorLayer) and layer.geometryType() in (compat.GeometryType.Polygon,
                                                                        compat.GeometryType.Unknown):
        # a layer of GeometryCollections (Unknown) is read as polygons; one holding points or lines is refused there
        pieces = dissolved_pieces(layer, work_crs, context, feedback)
        tree = coverage.build_tree(pieces) if pieces else None
        amounts = np.zeros(len(units))
        for index, item in enumerate(units):
            for position in ([] if tree is None else coverage.query_indices(tree, item.geometry)):
                amounts[index] += item.geometry.intersection(pieces[position]).area / M2_PER_HA
        bounds = np.array([item.geometry.bounds for item in units])
        extent = box(*bounds[:, :2].min(axis=0), *bounds[:, 2:].max(axis=0))
        beside = tree is None or not len(coverage.query_indices(tree, extent))
    else:
        raise QgsProcessingException(tr('Feature layer "{layer}" is neither a raster nor a polygon layer.').format(
            layer=layer.name()))
    for index in np.flatnonzero(amounts < 0)[:1]:
        raise QgsProcessingException(tr('Feature layer "{layer}" gives the planning unit of feature id {fid} the '
                                        'amount {amount:g}: amounts are 0 or more. If the raster marks missing data '
                                        'with a value such as -9999, declare it as its nodata value (gdal_edit '
                                        '-a_nodata, or Raster > Conversion > Translate) and run again.').format(
            layer=qgis_io.layer_label(layer), fid=units[index].fid, amount=amounts[index]))
    if beside:
        raise QgsProcessingException(tr('Feature layer "{layer}" has nothing in any planning unit: it lies beside '
                                        'them, or holds only nodata there. Check its extent and CRS, or leave it '
                                        'out.').format(layer=qgis_io.layer_label(layer)))
    return amounts


def require_disjoint_units(units, unit_ids, label):
    """Raise naming the first two planning units (SourceFeatures, ``unit_ids`` in the same order) of the layer
    ``label`` that overlap by more than a sliver (engine.regions.overlapping_regions): the land they share would
    count in both, so a plan could select the same land twice to meet a target."""
    overlaps = overlapping_regions([item.geometry for item in units])
    if overlaps:
        first, second, area = overlaps[0]
        raise QgsProcessingException(tr('Planning units "{first}" and "{second}" of layer "{layer}" overlap by '
                                        '{area:.1f} m² ({count} overlapping pairs in all): their shared land would '
                                        'count twice toward the targets. Give planning units that do not overlap '
                                        '(a grid, or a layer cleaned with Vector > Geometry Tools).').format(
            first=unit_ids[first], second=unit_ids[second], layer=label, area=area, count=len(overlaps)))


def warn_features_without_amounts(names, amounts, feedback):
    """Warn naming the features with no amount in any planning unit (a feature of spec.dat without rows in
    puvspr.dat, say): their proportional target is 0 and an empty plan meets it."""
    totals = np.asarray(abs(amounts).sum(axis=0)).ravel()
    absent = [names[index] for index in np.flatnonzero(totals == 0)]
    if absent:
        feedback.pushWarning(tr('These features have no amount in any planning unit, so the plan does nothing for '
                                'them: {features}. Check their amounts.').format(
            features=', '.join('"{}"'.format(name) for name in absent[:20])))
