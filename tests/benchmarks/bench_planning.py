"""Benchmark of exact conservation planning (engine/planning.py) on synthetic grids.

Run on demand (never collected by pytest), with nice: it keeps one core busy for minutes.

    nice /usr/bin/python3 -P tests/benchmarks/bench_planning.py [--side 100] [--features 40] [--blm-factor 0.5]
                                                                [--time-limit 300] [--large-units 100000]

1. ``side`` x ``side`` square planning units (100 m) and ``features`` features with patchy, spatially correlated
   amounts and costs, 30 % targets and a boundary penalty: minimum_set runs under the time limit with a 1 % gap
   (the LP-guided plan, then the whole programme); HiGHS's own log (best plan, best bound and gap over time) is
   printed, then cost, boundary and the achieved gap against the proven bound.
   The reference in the same run is the same problem solved without the boundary penalty, and the boundary that
   plan would have: what the penalty buys.
   Then the case for reduced-cost fixing: the LP relaxation solved alone (scipy's linprog, HiGHS), its bound and
   the largest reduced cost of any variable, against the gap between the plan and that bound. A variable can be
   fixed at its LP bound only when its reduced cost exceeds that gap (docs/planning.md).
2. ``large_units`` planning units x ``features`` features, no boundary penalty: time to a proven 1 % plan.
3. Marxan (simulated annealing, best of 10 runs), when a ``marxan`` binary is on PATH: the same problem 1
   written with engine/marxan.write_marxan, Marxan's best objective against ours. Skipped otherwise.
4. The same programme as problem 1 in the newest HiGHS (highspy) and in SCIP (pyscipopt), each alone for the time
   limit, when importable: the plugin ships neither (QGIS's scipy carries HiGHS 1.2). Install them to compare, in
   a venv that keeps QGIS's packages: ``python3 -m venv --system-site-packages V && V/bin/pip install highspy
   pyscipopt``, then run this script with ``V/bin/python``. Skipped otherwise.
"""

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time

import numpy as np
from scipy import ndimage, sparse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # python3 -P leaves this folder off sys.path
import bench_support  # noqa: E402

CELL = 100.0
TARGET = 0.3
MARXAN_NAMES = ('marxan', 'Marxan', 'Marxan_x64', 'marxan4')


def import_engine():
    bench_support.make_plugin_importable('bench_planning_')
    from reserve_planner.processing.engine import marxan, planning
    return marxan, planning


def smooth(shape, sigma, rng):
    field = ndimage.gaussian_filter(rng.random(shape), sigma=sigma)
    return (field - field.min()) / (field.max() - field.min())


def synthetic_problem(planning, rows, columns, features, seed=5):
    """Costs 1-10 and ``features`` patchy features (a smooth field above a threshold, amounts 0-1 per unit)."""
    rng = np.random.default_rng(seed)
    shape = (rows, columns)
    costs = 1.0 + 9.0 * smooth(shape, 6, rng)
    amounts = []
    for _ in range(features):
        field = smooth(shape, rng.uniform(2, 8), rng)
        amounts.append(np.where(field > rng.uniform(0.55, 0.8), field, 0.0).ravel())
    amounts = sparse.csr_matrix(np.column_stack(amounts))
    targets = TARGET * np.asarray(amounts.sum(axis=0)).ravel()
    count = rows * columns
    return planning.Problem(costs.ravel(), amounts, targets, np.zeros(count, dtype=int), list(range(1, count + 1)),
                            ['f{}'.format(k) for k in range(features)], np.full(count, CELL * CELL))


def grid_edges(planning, rows, columns):
    """Edges of a grid of CELL-metre squares (shared sides and the outer edge), built directly."""
    index = np.arange(rows * columns).reshape(rows, columns)
    first = [index[:, :-1].ravel(), index[:-1, :].ravel()]
    second = [index[:, 1:].ravel(), index[1:, :].ravel()]
    outer = np.zeros((rows, columns))
    outer[0, :] += 1
    outer[-1, :] += 1
    outer[:, 0] += 1
    outer[:, -1] += 1
    edge_units = np.flatnonzero(outer.ravel())
    return planning.make_edges(np.concatenate(first + [edge_units]), np.concatenate(second + [edge_units]),
                               np.concatenate([np.full(len(first[0]) + len(first[1]), CELL),
                                               CELL * outer.ravel()[edge_units]]))


def capture_stdout(function):
    """(function(), what it printed on file descriptor 1): HiGHS writes its log from C."""
    sys.stdout.flush()
    saved = os.dup(1)
    with tempfile.TemporaryFile(mode='w+') as log:
        os.dup2(log.fileno(), 1)
        try:
            result = function()
        finally:
            sys.stdout.flush()
            os.dup2(saved, 1)
            os.close(saved)
        log.seek(0)
        return result, log.read()


def gap_over_time(log):
    """Per HiGHS run in ``log`` (the LP-guided programme, then the whole one), the lines of its branch-and-bound
    table that report a gap: (time s from that run's start, best bound, best plan, gap %)."""
    runs = []
    for line in log.splitlines():
        if line.startswith('Running HiGHS'):
            runs.append([])
        match = re.search(r'(\S+)\s+(\S+)\s+(\S+%|inf)\s+\S+\s+\S+\s+\S+\s+\S+\s+([\d.]+)s\s*$', line)
        if match and runs:
            runs[-1].append((float(match.group(4)), match.group(1), match.group(2), match.group(3)))
    return runs


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def boundary_benchmark(planning, side, features, blm_factor, time_limit):
    problem = synthetic_problem(planning, side, side, features)
    edges = grid_edges(planning, side, side)
    blm = blm_factor * float(np.median(problem.costs)) / CELL
    print('\n== {} units x {} features, BLM {:.4f} per metre (cost of {:.2f} median units per 100 m of edge), '
          '1 % gap, time limit {:.0f} s, load {:.1f} =='.format(side * side, features, blm, blm_factor, time_limit,
                                                                os.getloadavg()[0]))
    start = time.perf_counter()
    reference = planning.minimum_set(problem, edges, 0.0, time_limit, 0.01)
    print('reference, no boundary penalty: {:.1f} s, cost {:.2f}, its boundary {:.0f} m, gap {:.3%}'.format(
        time.perf_counter() - start, reference.cost, reference.boundary, reference.gap))
    start = time.perf_counter()
    solution, log = capture_stdout(lambda: planning.minimum_set(problem, edges, blm, time_limit, 0.01, log=True))
    elapsed = time.perf_counter() - start
    print('gap over time (HiGHS log: time from the run\'s start, best bound, best plan, gap); run 1 is the LP-guided '
          'programme (settled units fixed: its bound is not one of the whole problem), run 2 the whole programme:')
    for number, run in enumerate(gap_over_time(log), 1):
        print(' HiGHS run {}'.format(number))
        for row in run:
            print('  {:8.1f} s  bound {:>12}  plan {:>12}  gap {:>8}'.format(*row))
    print('with BLM: {:.1f} s, objective {:.2f} (cost {:.2f} + BLM x boundary {:.0f} m), gap {:.3%}, proven '
          'within 1 %: {}, unmet targets: {}, peak memory {:.0f} MB'.format(
              elapsed, solution.objective, solution.cost, solution.boundary, solution.gap,
              solution.gap <= 0.01, len(solution.unmet), peak_mb()))
    print('the penalty cuts the boundary from {:.0f} m to {:.0f} m ({:.1f} x) for {:.1%} more cost'.format(
        reference.boundary, solution.boundary, reference.boundary / max(solution.boundary, 1e-9),
        solution.cost / reference.cost - 1))
    return problem, edges, blm, solution


def reduced_cost_check(planning, problem, edges, blm, solution):
    """Print how many variables reduced-cost fixing could fix at the plan ``solution`` found: those whose reduced
    cost in the LP relaxation exceeds plan - LP bound."""
    programme, _ = planning.minimum_set_programme(problem, edges, blm, problem.targets)
    start = time.perf_counter()
    relaxation = planning.solve_relaxation(programme, 3600.0)
    elapsed = time.perf_counter() - start
    reduced = np.abs(relaxation.lower.marginals + relaxation.upper.marginals)
    count = len(problem.costs)
    slack = solution.objective - relaxation.fun
    print('\n== reduced-cost fixing at this plan ==')
    print('LP relaxation alone (linprog): {:.1f} s, bound {:.1f}; largest reduced cost: {:.2f} (units), {:.2f} '
          '(shared edges); plan - bound {:.1f}: {} of {} variables could be fixed (any would need a plan within '
          '{:.2%} of the bound); load {:.1f}'.format(
              elapsed, relaxation.fun, reduced[:count].max(), reduced[count:].max(initial=0.0), slack,
              int(np.sum(reduced > slack)), len(reduced), reduced.max() / solution.objective, os.getloadavg()[0]))


def large_benchmark(planning, units, features, time_limit):
    columns = 400
    rows = units // columns
    problem = synthetic_problem(planning, rows, columns, features, seed=9)
    print('\n== {} units x {} features, no boundary penalty, 1 % gap =='.format(rows * columns, features))
    start = time.perf_counter()
    solution = planning.minimum_set(problem, None, 0.0, time_limit, 0.01)
    print('{:.1f} s, cost {:.2f}, {} units selected, gap {:.3%}, unmet targets {}, peak memory {:.0f} MB'.format(
        time.perf_counter() - start, solution.cost, int(solution.selected.sum()), solution.gap,
        len(solution.unmet), peak_mb()))


def marxan_benchmark(marxan, planning, problem, edges, blm, ours):
    binary = next((shutil.which(name) for name in MARXAN_NAMES if shutil.which(name)), None)
    print('\n== Marxan ==')
    if binary is None:
        print('skipped: no Marxan binary ({}) on PATH'.format(', '.join(MARXAN_NAMES)))
        return
    folder = tempfile.mkdtemp(prefix='bench_planning_marxan_')
    project = marxan.MarxanProject(np.array(problem.unit_ids), problem.costs, problem.status,
                                   np.arange(1, len(problem.targets) + 1), problem.feature_names, problem.targets,
                                   np.full(len(problem.targets), TARGET), problem.amounts, edges, blm)
    input_path = marxan.write_marxan(folder, project)
    spec = os.path.join(folder, 'input', 'spec.dat')
    with open(spec, encoding='utf-8') as handle:
        lines = handle.read().splitlines()
    with open(spec, 'w', encoding='utf-8') as handle:  # a species penalty factor high enough to meet targets
        handle.write('\n'.join([lines[0] + ',spf'] + [line + ',100' for line in lines[1:]]) + '\n')
    os.makedirs(os.path.join(folder, 'output'), exist_ok=True)
    with open(input_path, 'a', encoding='utf-8') as handle:
        handle.write('NUMREPS 10\nNUMITNS 10000000\nSTARTTEMP -1\nNUMTEMP 10000\nRUNMODE 1\nITIMPTYPE 1\n'
                     'HEURTYPE -1\nPROP 0.5\nRANDSEED -1\nMISSLEVEL 1\nOUTPUTDIR output\nSCENNAME output\n'
                     'SAVEBEST 3\nSAVESUMMARY 3\nVERBOSITY 1\n')
    start = time.perf_counter()
    subprocess.run([binary, 'input.dat'], cwd=folder, capture_output=True, text=True, input='\n')
    elapsed = time.perf_counter() - start
    best = os.path.join(folder, 'output', 'output_best.csv')
    if not os.path.isfile(best):
        best = os.path.join(folder, 'output', 'output_best.txt')
    selected = np.loadtxt(best, delimiter=',', skiprows=1)[:, 1] > 0.5
    cost, boundary = float(problem.costs[selected].sum()), planning.boundary_length(selected, edges)
    held = np.asarray(problem.amounts.T @ selected.astype(float)).ravel()
    print('Marxan best of 10: {:.1f} s, objective {:.2f} (cost {:.2f}, boundary {:.0f} m), {} targets missed; '
          'ours {:.2f}: Marxan is {:.1%} worse'.format(
              elapsed, cost + blm * boundary, cost, boundary, int(np.sum(held < problem.targets * 0.999)),
              ours.objective, (cost + blm * boundary) / ours.objective - 1))


def programme_of(planning, problem, edges, blm):
    """The minimum-set programme minimum_set gives HiGHS (targets capped at what is available)."""
    lower, upper = planning.status_bounds(problem.status)
    targets, _ = planning.unreachable_targets(problem.amounts, upper, np.asarray(problem.targets, dtype=float))
    return planning.minimum_set_programme(problem, edges, blm, targets)[0]


def highs_alone(programme, time_limit):
    """(best plan, best bound) of the newest HiGHS (highspy) on ``programme``, 1 % gap, ``time_limit`` s."""
    import highspy
    columns = programme.rows.tocsc()
    model = highspy.HighsLp()
    model.num_col_, model.num_row_ = columns.shape[1], columns.shape[0]
    model.col_cost_, model.col_lower_, model.col_upper_ = programme.objective, programme.var_lower, programme.var_upper
    model.row_lower_ = np.nan_to_num(programme.lower, neginf=-highspy.kHighsInf)
    model.row_upper_ = np.nan_to_num(programme.upper, posinf=highspy.kHighsInf)
    model.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    model.a_matrix_.start_, model.a_matrix_.index_, model.a_matrix_.value_ = (columns.indptr, columns.indices,
                                                                             columns.data)
    model.integrality_ = [highspy.HighsVarType.kInteger if integral else highspy.HighsVarType.kContinuous
                          for integral in programme.integrality]
    solver = highspy.Highs()
    solver.setOptionValue('output_flag', False)
    solver.setOptionValue('time_limit', float(time_limit))
    solver.setOptionValue('mip_rel_gap', 0.01)
    solver.passModel(model)
    solver.run()
    info = solver.getInfo()
    return info.objective_function_value, info.mip_dual_bound


def scip_alone(programme, time_limit):
    """(best plan, best bound) of SCIP (pyscipopt) on ``programme``, 1 % gap, ``time_limit`` s."""
    import pyscipopt
    model = pyscipopt.Model()
    model.hideOutput()
    variables = [model.addVar(lb=low, ub=high, obj=cost, vtype='B' if integral and high <= 1 else 'C')
                 for cost, low, high, integral in zip(programme.objective, programme.var_lower, programme.var_upper,
                                                      programme.integrality)]
    rows = programme.rows.tocsr()
    for row, (low, high) in enumerate(zip(programme.lower, programme.upper)):
        span = slice(rows.indptr[row], rows.indptr[row + 1])
        total = pyscipopt.quicksum(value * variables[column]
                                   for column, value in zip(rows.indices[span], rows.data[span]))
        if np.isfinite(low):
            model.addCons(total >= low)
        if np.isfinite(high):
            model.addCons(total <= high)
    model.setParam('limits/time', float(time_limit))
    model.setParam('limits/gap', 0.01)
    model.optimize()
    return model.getPrimalbound(), model.getDualbound()


def newer_solvers_benchmark(planning, problem, edges, blm, ours, time_limit):
    """The same programme in the newest HiGHS and in SCIP, each alone for ``time_limit`` s, when importable (test-only
    tools: ``pip install highspy pyscipopt`` in a --system-site-packages venv); skipped otherwise."""
    print('\n== the same programme in newer solvers, {:.0f} s each, 1 % gap, load {:.1f} =='.format(
        time_limit, os.getloadavg()[0]))
    programme = programme_of(planning, problem, edges, blm)
    for name, solve in (('HiGHS (highspy)', highs_alone), ('SCIP (pyscipopt)', scip_alone)):
        try:
            start = time.perf_counter()
            plan, bound = solve(programme, time_limit)
        except ImportError as error:
            print('{}: skipped ({})'.format(name, error))
            continue
        print('{}: {:.1f} s, plan {:.2f}, bound {:.2f}, gap {:.3%}; ours in the plugin: plan {:.2f}, gap {:.3%}'.format(
            name, time.perf_counter() - start, plan, bound, (plan - bound) / plan, ours.objective, ours.gap))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--side', type=int, default=100)
    parser.add_argument('--features', type=int, default=40)
    parser.add_argument('--blm-factor', type=float, default=0.5)
    parser.add_argument('--time-limit', type=float, default=300.0)
    parser.add_argument('--large-units', type=int, default=100000)
    arguments = parser.parse_args()
    marxan, planning = import_engine()
    problem, edges, blm, solution = boundary_benchmark(planning, arguments.side, arguments.features,
                                                       arguments.blm_factor, arguments.time_limit)
    reduced_cost_check(planning, problem, edges, blm, solution)
    large_benchmark(planning, arguments.large_units, arguments.features, arguments.time_limit)
    marxan_benchmark(marxan, planning, problem, edges, blm, solution)
    newer_solvers_benchmark(planning, problem, edges, blm, solution, arguments.time_limit)


if __name__ == '__main__':
    main()
