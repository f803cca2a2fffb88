"""Exact conservation planning algorithms: prioritize (QGIS layers), solvemarxan and solvemarzone (Marxan and
Marxan with Zones projects). Formulas: docs/planning.md; engine: engine/planning.py, engine/marxan.py.

HiGHS (scipy.optimize.milp) cannot be interrupted once it runs: TIME_LIMIT bounds a solve, and a run cancelled
meanwhile stops as soon as the solver returns, writing nothing.
"""

import os

import numpy as np
from scipy import sparse
from qgis.core import (
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from .. import compat, qgis_io
from ..engine import marxan, planning
from ..engine.messages import EngineError
from ..planning_io import (
    ExactSolver,
    as_number,
    given,
    layer_amounts,
    require_disjoint_units,
    solver_results,
    warn_features_without_amounts,
    write_polygons,
    write_rows,
)
from .base import ReservePlannerAlgorithm, keywords

SOLUTION_STYLE = 'planning_solution'
FREQUENCY_STYLE = 'planning_frequency'
UNIT_ALIASES = ('unit', 'pu', 'puid', 'planning_unit')
FEATURE_ALIASES = ('feature', 'species', 'featureid')


tr = qgis_io.translator('ReservePlannerPlanning')


class Prioritize(ExactSolver, ReservePlannerAlgorithm):
    """Exact minimum-set or maximum-utility selection of planning units (polygons) with a boundary penalty."""

    ALGORITHM_ID = 'prioritize'
    GROUP_ID = 'planning'
    ICON = 'prioritize.svg'

    PLANNING_UNITS = 'PLANNING_UNITS'
    ID_FIELD = 'ID_FIELD'
    COST_FIELD = 'COST_FIELD'
    STATUS_FIELD = 'STATUS_FIELD'
    FEATURES = 'FEATURES'
    AMOUNTS = 'AMOUNTS'
    TARGETS = 'TARGETS'
    OBJECTIVE = 'OBJECTIVE'
    BUDGET = 'BUDGET'
    BLM = 'BLM'
    PORTFOLIO = 'PORTFOLIO'
    OUTPUT = 'OUTPUT'
    OUTPUT_FEATURES = 'OUTPUT_FEATURES'

    ADVANCED = ExactSolver.ADVANCED + (PORTFOLIO,)

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr('Prioritize planning units (exact)')

    def shortDescription(self):  # noqa: N802 (QGIS API name)
        return self.tr('Proven-optimal site selection (minimum set or maximum utility) with a boundary penalty.')

    def tags(self):
        return keywords(self.tr('marxan,prioritizr,minimum set,maximum utility,integer programming,30x30,reserve '
                                'selection'))

    def summary(self):
        return [
            self.tr('Chooses planning units by exact integer programming (Beyer et al. 2016), as prioritizr does, '
                    "instead of Marxan's simulated annealing."),
            self.tr('OUTPUT: the planning units with every input field and solution (1 selected, 0 not); '
                    'OUTPUT_FEATURES: per feature the amount held, the target and the shortfall.'),
            self.tr('With PORTFOLIO above 1, OUTPUT also gives each unit\'s selection frequency over the best '
                    'plans.'),
            self.tr('A target that cannot be met is named in the log and the plan keeps the least shortfall.'),
            solver_results(),
        ]

    def parameter_help(self):
        return {
            **self.solver_help(),
            self.PLANNING_UNITS: [
                self.tr('Polygons, e.g. a hexagon grid.'),
            ],
            self.ID_FIELD: [
                self.tr('Identifies each planning unit.'),
            ],
            self.COST_FIELD: [
                self.tr('The cost of each unit, any unit, >= 0.'),
            ],
            self.STATUS_FIELD: [
                self.tr("Marxan's codes: 0 available, 2 locked in, 3 locked out."),
            ],
            self.FEATURES: [
                self.tr('Rasters (amount in a unit = sum of cell values x the share of each cell inside it) '
                        'and/or polygon layers (amount = hectares inside the unit).'),
                self.tr('Each layer is one feature, named after the layer.'),
            ],
            self.AMOUNTS: [
                self.tr('Instead of or as well as the feature layers, a table with fields unit, feature and '
                        'amount.'),
            ],
            self.TARGETS: [
                self.tr("One proportion for every feature (0.3 = 30 % of each feature's total), or the path of a "
                        'CSV table with fields feature and prop (0-1) or target (absolute amount).'),
            ],
            self.OBJECTIVE: [
                self.tr('Minimum set: meet every target at least cost plus BLM x boundary.'),
                self.tr('Maximum utility: within BUDGET, maximise the sum over features of the share of the '
                        'target held, minus BLM x boundary.'),
            ],
            self.BUDGET: [
                self.tr('The most the plan may cost, in cost units; maximum utility only.'),
            ],
            self.BLM: [
                self.tr("Cost per metre of the plan's boundary; boundaries come from the geometry (shared edges "
                        'and the outer edge of the study area, in metres).'),
            ],
            self.PORTFOLIO: [
                self.tr('Number of plans (default 1): the best plan, then the next best plans, each different from '
                        'those before it; minimum set only.'),
                self.tr('Above 1, OUTPUT gains the field frequency: the share of these plans that select the unit '
                        '(1 = every plan needs it, 0 = none). solution and the results describe the first plan.'),
                self.tr('Each plan is a new solve with the same time limit and gap.'),
            ],
        }

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.PLANNING_UNITS, self.tr('Planning units'), [compat.ProcessingSourceType.VectorPolygon]))
        self.addParameter(QgsProcessingParameterField(
            self.ID_FIELD, self.tr('Planning unit id field'), parentLayerParameterName=self.PLANNING_UNITS))
        self.addParameter(QgsProcessingParameterField(
            self.COST_FIELD, self.tr('Cost field (any unit, >= 0)'), parentLayerParameterName=self.PLANNING_UNITS,
            type=compat.ProcessingFieldParameterDataType.Numeric))
        self.addParameter(QgsProcessingParameterField(
            self.STATUS_FIELD, self.tr('Status field (0 available, 2 locked in, 3 locked out)'),
            parentLayerParameterName=self.PLANNING_UNITS, type=compat.ProcessingFieldParameterDataType.Numeric,
            optional=True))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.FEATURES, self.tr('Features (rasters: cell value x cell share; polygons: hectares)'),
            compat.ProcessingSourceType.MapLayer, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.AMOUNTS, self.tr('Amounts table (fields unit, feature, amount)'), [compat.ProcessingSourceType.Vector],
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.TARGETS, self.tr('Targets: a proportion 0-1 for every feature, or a CSV file (feature, prop or '
                                  'target)'), defaultValue='0.3'))
        self.addParameter(QgsProcessingParameterEnum(
            self.OBJECTIVE, self.tr('Objective'), [self.tr('Minimum set (meet every target at least cost)'),
                                                   self.tr('Maximum utility within a budget')], defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.BUDGET, self.tr('Budget (cost units; maximum utility only)'),
            compat.ProcessingNumberParameterType.Double,
            minValue=0.0, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.BLM, self.tr('Boundary penalty BLM (cost per metre of boundary)'),
            compat.ProcessingNumberParameterType.Double, defaultValue=0.0, minValue=0.0))
        self.add_solver_parameters()
        self.addParameter(QgsProcessingParameterNumber(
            self.PORTFOLIO, self.tr('Plans in the portfolio (selection frequency over the best plans)'),
            compat.ProcessingNumberParameterType.Integer, defaultValue=1, minValue=1))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr('Planning units with solution'), compat.ProcessingSourceType.VectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_FEATURES, self.tr('Features: held, target, shortfall'), compat.ProcessingSourceType.Vector,
            optional=True, createByDefault=True))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        source = qgis_io.required_source(self, parameters, self.PLANNING_UNITS, context)
        label = qgis_io.layer_label(parameters[self.PLANNING_UNITS], context)
        id_field, cost_field, status_field = (
            qgis_io.resolve_field(source, self.parameterAsString(parameters, name, context), label)
            for name in (self.ID_FIELD, self.COST_FIELD, self.STATUS_FIELD))
        objective = self.parameterAsEnum(parameters, self.OBJECTIVE, context)
        blm = self.parameterAsDouble(parameters, self.BLM, context)
        budget = self.parameterAsDouble(parameters, self.BUDGET, context) if given(parameters, self.BUDGET) else None
        if objective == 1 and budget is None:
            raise QgsProcessingException(tr('Maximum utility needs a BUDGET (in the unit of the costs).'))
        plans = self.parameterAsInt(parameters, self.PORTFOLIO, context)
        if objective == 1 and plans > 1:
            raise QgsProcessingException(tr('A portfolio of plans (PORTFOLIO above 1) is computed for the minimum '
                                            'set objective only. Set PORTFOLIO to 1 or choose minimum set.'))
        time_limit, gap = self.solver_settings(parameters, context)

        work_crs = qgis_io.metric_crs_of([source], source.sourceCrs(), context)
        steps = QgsProcessingMultiStepFeedback(4, feedback)
        units = qgis_io.read_polygons(source, label, work_crs, context, steps)
        if not units:
            raise QgsProcessingException(tr('The planning unit layer "{layer}" has no features: there is nothing to '
                                            'select. Check the layer (a filter may hide its features).').format(
                layer=label))
        qgis_io.require_geometries(units, label)
        unit_ids = unit_identifiers(units, id_field, label)
        require_disjoint_units(units, unit_ids, label)
        costs = unit_numbers(units, cost_field, label, tr('cost'))
        status = unit_status(units, status_field, label)
        steps.setCurrentStep(1)
        names, amounts = self.feature_amounts(parameters, context, units, unit_ids, work_crs, steps)
        warn_features_without_amounts(names, amounts, feedback)
        targets = self.targets(parameters, context, names, amounts)
        steps.setCurrentStep(2)
        geometries = [item.geometry for item in units]
        edges = planning.shared_boundaries(geometries)
        areas = planning.planar_areas(geometries) if blm > 0 else None
        if steps.isCanceled():
            raise qgis_io.cancelled()
        steps.setCurrentStep(3)
        problem = planning.Problem(costs, amounts, targets, status, unit_ids, names, areas)
        frequency = None
        if plans > 1:
            solutions, frequency = self.solve(planning.minimum_set_portfolio, steps, problem, edges, blm, plans,
                                              time_limit, gap)
            solution = solutions[0]
            objectives = [found.objective for found in solutions]
            feedback.pushInfo(tr('{count} plans, objective from {best:g} to {worst:g}.').format(
                count=len(solutions), best=min(objectives), worst=max(objectives)))
        elif objective == 0:
            solution = self.solve(planning.minimum_set, steps, problem, edges, blm, time_limit, gap)
        else:
            solution = self.solve(planning.maximum_utility, steps, problem, budget, edges, blm, None, time_limit,
                                  gap)
        results = self.solution_results(solution, names, feedback)
        results[self.OUTPUT] = self.write_units(parameters, context, source, units, solution.selected, work_crs,
                                                frequency)
        if given(parameters, self.OUTPUT_FEATURES):
            results[self.OUTPUT_FEATURES] = write_rows(
                self, parameters, self.OUTPUT_FEATURES, context,
                [('feature', compat.FieldType.String), ('held', compat.FieldType.Double),
                 ('target', compat.FieldType.Double),
                 ('shortfall', compat.FieldType.Double), ('met', compat.FieldType.Bool)],
                [(name, float(held), float(target), float(short), bool(short <= 0))
                 for name, held, target, short in zip(names, solution.held, targets, solution.shortfall)])
        return results

    def feature_amounts(self, parameters, context, units, unit_ids, work_crs, feedback):
        """(feature names, sparse units x features amounts) from FEATURES layers and the AMOUNTS table."""
        layers = self.parameterAsLayerList(parameters, self.FEATURES, context)
        names, columns = [], []
        for position, layer in enumerate(layers):
            feedback.setProgress(100.0 * position / max(len(layers), 1))
            if feedback.isCanceled():
                raise qgis_io.cancelled()
            names.append(qgis_io.layer_label(layer))
            columns.append(layer_amounts(layer, units, work_crs, context, feedback))
        matrix = sparse.csr_matrix(np.column_stack(columns)) if columns else sparse.csr_matrix((len(units), 0))
        if given(parameters, self.AMOUNTS):
            table_names, table = self.table_amounts(parameters, context, unit_ids)
            names += table_names
            matrix = sparse.hstack([matrix, table]).tocsr()
        if not names:
            raise QgsProcessingException(tr('Give the features to plan for: layers in FEATURES or a table in '
                                            'AMOUNTS.'))
        return names, matrix

    def table_amounts(self, parameters, context, unit_ids):
        """(feature names, sparse amounts) from the AMOUNTS table (fields unit, feature, amount); units and features
        are matched by qgis_io.id_key (1, 1.0 and "1" are one id, named "1")."""
        source = qgis_io.required_source(self, parameters, self.AMOUNTS, context)
        label = qgis_io.layer_label(parameters[self.AMOUNTS], context)
        unit_field, feature_field, amount_field = (
            aliased_field(source, aliases, label) for aliases in (UNIT_ALIASES, FEATURE_ALIASES, ('amount',)))
        positions = {qgis_io.id_key(unit_id): index for index, unit_id in enumerate(unit_ids)}
        rows, columns, values, names, seen = [], [], [], {}, {}
        for feature in source.getFeatures():
            unit, name, amount = (qgis_io.attribute_value(feature[field])
                                  for field in (unit_field, feature_field, amount_field))
            if qgis_io.id_key(unit) not in positions:
                raise QgsProcessingException(tr('Table "{table}" names planning unit "{unit}", which the planning '
                                                'units do not have. Correct the unit or remove the row.')
                                             .format(table=label, unit=unit))
            if name is None:
                raise QgsProcessingException(tr('Table "{table}": feature {fid} names no feature in field '
                                                '"{field}". Fill it in or remove the row.').format(
                    table=label, fid=feature.id(), field=feature_field))
            number = as_number(amount)
            if not np.isfinite(number) or number < 0:
                raise QgsProcessingException(tr('Table "{table}": the amount of "{feature}" in unit "{unit}" is '
                                                '{amount}; amounts must be numbers of 0 or more.').format(
                    table=label, feature=name, unit=unit, amount=amount))
            cell = (positions[qgis_io.id_key(unit)], names.setdefault(qgis_io.id_key(name), len(names)))
            if cell in seen:
                raise QgsProcessingException(tr('Table "{table}" gives the amount of "{feature}" in unit "{unit}" '
                                                'twice (features {first} and {second}). Give one row per unit and '
                                                'feature, with the whole amount.').format(
                    table=label, feature=name, unit=unit, first=seen[cell], second=feature.id()))
            seen[cell] = feature.id()
            rows.append(cell[0])
            columns.append(cell[1])
            values.append(number)
        if not names:
            raise QgsProcessingException(tr('Table "{table}" has no rows: give it one row (unit, feature, amount) per '
                                            'feature in each unit, or leave AMOUNTS empty.').format(table=label))
        matrix = sparse.csr_matrix((values, (rows, columns)), shape=(len(unit_ids), len(names)))
        return list(names), matrix

    def targets(self, parameters, context, names, amounts):
        """Absolute targets from TARGETS: one proportion for all, or a CSV table per feature."""
        text = (self.parameterAsString(parameters, self.TARGETS, context) or '').strip()
        proportion = as_number(text)
        if np.isfinite(proportion):
            with qgis_io.engine_errors():
                return planning.targets_from_proportions(amounts, np.full(len(names), proportion), names)
        if not os.path.isfile(text):
            raise QgsProcessingException(tr('TARGETS must be a proportion from 0 to 1 or the path of a CSV table '
                                            '(feature, prop or target); "{value}" is neither.').format(value=text))
        with qgis_io.engine_errors():
            return targets_from_table(text, names, amounts)

    def write_units(self, parameters, context, source, units, selected, work_crs, frequency=None):
        """The planning units with their fields, solution and, for a portfolio (``frequency`` per unit, 0-1),
        frequency; fields of the source with these names are replaced."""
        added = [('solution', compat.FieldType.Int)] + ([] if frequency is None else
                                                        [('frequency', compat.FieldType.Double)])
        names = {name for name, _ in added}
        kept = [field for field in source.fields() if field.name().lower() not in names]
        shares = [()] * len(units) if frequency is None else [(float(share),) for share in frequency]
        rows = ((item.geometry, [item.attributes.get(field.name()) for field in kept] + [int(bool(chosen))] +
                 list(share)) for item, chosen, share in zip(units, selected, shares))
        return write_polygons(self, parameters, self.OUTPUT, context, kept + added, source.sourceCrs(), work_crs,
                              rows, SOLUTION_STYLE if frequency is None else FREQUENCY_STYLE)


def aliased_field(source, aliases, label):
    """The first field of ``source`` named like one of ``aliases`` (any case); raises naming the fields."""
    for alias in aliases:
        index = source.fields().lookupField(alias)
        if index >= 0:
            return source.fields().at(index).name()
    raise QgsProcessingException(tr('Table "{table}" needs a field named {names}. Its fields are: {fields}.').format(
        table=label, names=' / '.join(aliases), fields=', '.join(source.fields().names())))


def unit_identifiers(units, field, label):
    """The id of every planning unit (unique by qgis_io.id_key, not empty); raises naming the features at fault."""
    ids = [qgis_io.attribute_value(item.attributes.get(field)) for item in units]
    seen = {}
    for item, value in zip(units, ids):
        if value is None:
            raise QgsProcessingException(tr('Layer "{layer}": feature {fid} has no id in field "{field}".').format(
                layer=label, fid=item.fid, field=field))
        key = qgis_io.id_key(value)
        if key in seen:
            raise QgsProcessingException(tr('Layer "{layer}": features {first} and {second} share the id "{id}" in '
                                            'field "{field}"; planning unit ids must be unique.').format(
                layer=label, first=seen[key], second=item.fid, id=value, field=field))
        seen[key] = item.fid
    return ids


def unit_status(units, field, label):
    """Marxan status codes of the units (all 0 without ``field``); raises naming a feature whose status is empty or
    not a whole number (2.5 would otherwise be read as 2, locked in)."""
    if not field:
        return np.zeros(len(units), dtype=int)
    values = unit_numbers(units, field, label, tr('status'))
    for index in np.flatnonzero(values != np.round(values))[:1]:
        raise QgsProcessingException(tr('Layer "{layer}": feature {fid} has the status {status} in field "{field}"; '
                                        "Marxan's codes are whole numbers: 0 available, 2 locked in, 3 locked "
                                        'out.').format(layer=label, fid=units[index].fid, status=values[index],
                                                       field=field))
    return values.astype(int)


def unit_numbers(units, field, label, what):
    """Numbers of ``field`` for every unit; raises naming a feature with an empty or non-numeric value."""
    values = np.array([as_number(qgis_io.attribute_value(item.attributes.get(field))) for item in units])
    for index in np.flatnonzero(~np.isfinite(values))[:1]:
        raise QgsProcessingException(tr('Layer "{layer}": feature {fid} has no {what} in field "{field}". Fill it '
                                        'in and run again.').format(layer=label, fid=units[index].fid, what=what,
                                                                    field=field))
    return values


def read_project(read, path, feedback):
    """The Marxan project of the input.dat ``path`` read by ``read`` (marxan.read_marxan or read_marzone); each file
    read in place of a Windows path input.dat gives (marxan.local_path) is a warning in the log."""
    notes = []
    with qgis_io.engine_errors():
        project = read(path, notes)
    for note in notes:
        feedback.pushWarning(qgis_io.engine_message(note))
    return project


def targets_from_table(path, names, amounts):
    """Absolute targets from a CSV table with fields feature and prop (0-1) and/or target; every feature needs a
    row, matched by qgis_io.id_key (feature 1 of an integer field is the table's 1 or 1.0); the engine's errors
    name what is wrong."""
    frame = marxan.read_table(path)
    if 'feature' not in frame.columns:
        raise EngineError(marxan.MISSING_COLUMN, file=path, column='feature', columns=', '.join(frame.columns))
    listed = {}
    for row, name in enumerate(frame['feature']):
        key = qgis_io.id_key(name)
        if key in listed:
            raise QgsProcessingException(tr('The targets table {file} gives feature "{feature}" on lines {first} and '
                                            '{second}. Give each feature one line.').format(
                file=path, feature=name, first=frame.index[listed[key]], second=frame.index[row]))
        listed[key] = row
    missing = [name for name in names if qgis_io.id_key(name) not in listed]
    if missing:
        raise EngineError(marxan.MISSING_TARGET, file=path, features=', '.join(missing))
    order = [listed[qgis_io.id_key(name)] for name in names]
    proportions = marxan.numbers(frame, 'prop', path, 0)[order]
    targets = marxan.numbers(frame, 'target', path, 0)[order]
    return marxan.resolve_targets(targets, proportions, amounts, names)


class SolveMarxan(ExactSolver, ReservePlannerAlgorithm):
    """Solve a Marxan project exactly (minimum set with boundary penalty)."""

    ALGORITHM_ID = 'solvemarxan'
    GROUP_ID = 'planning'
    ICON = 'solvemarxan.svg'

    MARXAN_INPUT = 'MARXAN_INPUT'
    OUTPUT = 'OUTPUT'

    ADVANCED = ExactSolver.ADVANCED

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr('Solve a Marxan project (exact)')

    def shortDescription(self):  # noqa: N802 (QGIS API name)
        return self.tr('Proven-optimal solution of a Marxan project, read from its input.dat.')

    def tags(self):
        return keywords(self.tr('marxan,input.dat,minimum set,integer programming,cluz'))

    def summary(self):
        return [
            self.tr('Reads a Marxan project and finds the plan of least cost + BLM x boundary that meets every '
                    'target, by exact integer programming instead of simulated annealing.'),
            self.tr('Targets are hard constraints; one that cannot be met is named in the log and the plan keeps '
                    'the least shortfall.'),
            self.tr("OUTPUT: a table of planning_unit and solution (1 selected, 0 not), as Marxan's output_best."),
            solver_results(),
        ]

    def parameter_help(self):
        return {
            **self.solver_help(),
            self.MARXAN_INPUT: [
                self.tr("The project's input.dat."),
                self.tr('It names INPUTDIR, pu.dat (id, cost, status), spec.dat (id, prop or target, name), '
                        'puvspr.dat (species, pu, amount), bound.dat (id1, id2, boundary) and BLM.'),
                self.tr("Files may be comma or tab separated and optional columns get Marxan's defaults; status 2 "
                        'locks a unit in, 3 locks it out.'),
            ],
        }

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterFile(
            self.MARXAN_INPUT, self.tr('Marxan input.dat'),
            fileFilter=self.tr('Marxan input (*.dat);;All files (*)')))
        self.add_solver_parameters()
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr('Best solution (planning unit, solution)'), compat.ProcessingSourceType.Vector))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        path = self.parameterAsFile(parameters, self.MARXAN_INPUT, context)
        time_limit, gap = self.solver_settings(parameters, context)
        project = read_project(marxan.read_marxan, path, feedback)
        feedback.pushInfo(tr('{units} planning units, {features} features, BLM {blm:g}.').format(
            units=len(project.unit_ids), features=len(project.feature_ids), blm=project.blm))
        warn_features_without_amounts(project.feature_names, project.amounts, feedback)
        solution = self.solve(planning.minimum_set, feedback, marxan.planning_problem(project), project.edges,
                              project.blm, time_limit, gap)
        results = self.solution_results(solution, project.feature_names, feedback)
        results[self.OUTPUT] = write_rows(
            self, parameters, self.OUTPUT, context,
            [('planning_unit', compat.FieldType.LongLong), ('solution', compat.FieldType.Int)],
            [(int(unit), int(bool(chosen))) for unit, chosen in zip(project.unit_ids, solution.selected)])
        return results


class SolveMarzone(ExactSolver, ReservePlannerAlgorithm):
    """Solve a Marxan with Zones project exactly."""

    ALGORITHM_ID = 'solvemarzone'
    GROUP_ID = 'planning'
    ICON = 'solvemarzone.svg'

    MARXAN_INPUT = 'MARXAN_INPUT'
    OUTPUT = 'OUTPUT'

    ADVANCED = ExactSolver.ADVANCED

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr('Solve a Marxan with Zones project (exact)')

    def shortDescription(self):  # noqa: N802 (QGIS API name)
        return self.tr('Proven-optimal zoning of a Marxan with Zones project, read from its input.dat.')

    def tags(self):
        return keywords(self.tr('marxan with zones,marzone,zoning,integer programming,cluz'))

    def summary(self):
        return [
            self.tr('Reads a Marxan with Zones project and puts every planning unit in one zone at least cost + '
                    'BLM x zone boundary cost, meeting every overall and per-zone target (Watts et al. 2009), by '
                    'exact integer programming.'),
            self.tr("Overall targets count each zone's contribution; zone targets count the amount inside the "
                    'zone; targets that cannot be met are named in the log and the plan keeps the least '
                    'shortfall.'),
            self.tr("OUTPUT: a table of planning_unit and zone (the zone id), as Marxan with Zones' output_best."),
            solver_results(),
        ]

    def parameter_help(self):
        return {
            **self.solver_help(),
            self.MARXAN_INPUT: [
                self.tr("The project's input.dat, naming as in Marxan pu.dat, spec.dat, puvspr.dat, bound.dat and "
                        'BLM.'),
                self.tr('And the zone files zones.dat, costs.dat, zonecost.dat, zonecontrib.dat (or '
                        'zonecontrib2.dat), zonetarget.dat (or zonetarget2.dat), zoneboundcost.dat, pulock.dat '
                        "and puzone.dat; missing zone files take Marxan with Zones' defaults."),
            ],
        }

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterFile(
            self.MARXAN_INPUT, self.tr('Marxan with Zones input.dat'),
            fileFilter=self.tr('Marxan input (*.dat);;All files (*)')))
        self.add_solver_parameters()
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr('Best zoning (planning unit, zone)'), compat.ProcessingSourceType.Vector))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        path = self.parameterAsFile(parameters, self.MARXAN_INPUT, context)
        time_limit, gap = self.solver_settings(parameters, context)
        project = read_project(marxan.read_marzone, path, feedback)
        problem = project.problem
        feedback.pushInfo(tr('{units} planning units, {features} features, {zones} zones, BLM {blm:g}.').format(
            units=len(problem.unit_ids), features=len(problem.feature_names), zones=len(problem.zone_names),
            blm=project.blm))
        warn_features_without_amounts(problem.feature_names, problem.amounts, feedback)
        solution = self.solve(planning.solve_zones, feedback, problem, project.edges, project.blm, time_limit, gap)
        results = self.solution_results(solution, problem.feature_names, feedback)
        results[self.OUTPUT] = write_rows(
            self, parameters, self.OUTPUT, context,
            [('planning_unit', compat.FieldType.LongLong), ('zone', compat.FieldType.Int)],
            [(int(unit), int(project.zone_ids[zone])) for unit, zone in zip(problem.unit_ids, solution.selected)])
        return results

