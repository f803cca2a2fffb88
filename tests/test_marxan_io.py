"""Marxan and Marxan with Zones project files (engine/marxan.py): round trip, file variants, bad input."""

import os

import numpy as np
import pytest
from scipy import sparse

from marxan_test_files import marzone_project, write
from reserve_planner.processing.engine import marxan, planning
from reserve_planner.processing.engine.messages import EngineError


def example_project():
    generator = np.random.default_rng(3)
    amounts = generator.random((9, 4)) * 10
    amounts[generator.random((9, 4)) < 0.4] = 0
    amounts = sparse.csr_matrix(amounts)
    proportions = np.array([0.3, np.nan, 0.25, np.nan])
    targets = np.where(np.isfinite(proportions), proportions * np.asarray(amounts.sum(axis=0)).ravel(), [0, 7.5, 0, 3])
    edges = planning.make_edges([0, 0, 1, 3, 4, 8], [1, 3, 2, 4, 5, 8], [100.0, 50.5, 100.0, 1 / 3, 100.0, 400.0])
    return marxan.MarxanProject(np.arange(11, 20), generator.random(9) * 100, np.array([0, 0, 2, 0, 3, 0, 1, 0, 0]),
                                np.array([5, 6, 7, 9]), ['forest', '湿地', 'grassland', 'river'], targets,
                                proportions, amounts, edges, 0.25)


def test_project_we_write_reads_back_identically(tmp_path):
    project = example_project()
    read = marxan.read_marxan(marxan.write_marxan(str(tmp_path / '项目'), project))
    for name in ('unit_ids', 'costs', 'status', 'feature_ids', 'targets'):
        np.testing.assert_array_equal(getattr(read, name), getattr(project, name), err_msg=name)
    np.testing.assert_array_equal(read.proportions, project.proportions)
    assert read.feature_names == project.feature_names
    np.testing.assert_array_equal(read.amounts.toarray(), project.amounts.toarray())
    for got, expected in zip(read.edges, project.edges):
        np.testing.assert_array_equal(got, expected)
    assert read.blm == project.blm


SPEC_VARIANTS = {
    'prop, tab separated': ('id\ttype\tprop\tspf\tname\n1\t0\t0.5\t10\toak\n2\t0\t0.25\t10\tpine\n', [4.0, 2.5]),
    'target, comma separated': ('id,target,spf\n1,3,1\n2,1.5,1\n', [3.0, 1.5]),
    'prop wins over target': ('id,target,prop\n1,3,0.5\n2,1.5,0\n', [4.0, 1.5]),
    'quoted names, spaces after commas': ('"id", "prop", "name"\n1, 0.5, "oak"\n2, 0.25, pine\n', [4.0, 2.5]),
}


@pytest.mark.parametrize('variant', sorted(SPEC_VARIANTS))
def test_spec_variants(tmp_path, variant):
    text, targets = SPEC_VARIANTS[variant]
    folder = str(tmp_path)
    write(folder, 'input.dat', 'General Parameters\nBLM 2\nINPUTDIR data\nSPECNAME species.txt\n'
                               'PUNAME units.csv\nPUVSPRNAME amounts.csv\n')
    write(folder, 'data/units.csv', 'id\txloc\tyloc\n1\t0\t0\n2\t1\t0\n3\t2\t0\n')
    write(folder, 'data/species.txt', text)
    write(folder, 'data/amounts.csv', 'species,pu,amount\n1,1,5\n1,2,3\n2,2,6\n2,3,4\n')
    project = marxan.read_marxan(os.path.join(folder, 'input.dat'))
    np.testing.assert_allclose(project.targets, targets)
    np.testing.assert_array_equal(project.costs, [1, 1, 1])  # cost column absent: Marxan's 1
    np.testing.assert_array_equal(project.status, [0, 0, 0])
    assert project.edges is None and project.blm == 2.0
    solution = planning.minimum_set(marxan.planning_problem(project))
    assert solution.unmet == [] and np.all(solution.held >= project.targets - 1e-9)


def test_whitespace_separated_files_and_default_names(tmp_path):
    folder = str(tmp_path)
    write(folder, 'input.dat', 'BLM 0\nBOUNDNAME bound.dat\n')
    write(folder, 'input/pu.dat', 'id cost status\n1 2 0\n2 3 2\n')
    write(folder, 'input/spec.dat', 'id target\n1 1\n')
    write(folder, 'input/puvspr.dat', 'species pu amount\n1 1 1\n1 2 1\n')
    write(folder, 'input/bound.dat', 'id1 id2 boundary\n1 2 10\n2 1 5\n1 1 30\n')
    project = marxan.read_marxan(os.path.join(folder, 'input.dat'))
    np.testing.assert_array_equal(project.costs, [2, 3])
    np.testing.assert_array_equal(project.status, [0, 2])
    found = {(int(i), int(j)): length for i, j, length in zip(*project.edges)}
    assert found == {(0, 0): 30.0, (0, 1): 15.0}  # the two listings of a pair add up, as in Marxan


def minimal_project(folder, puvspr='species,pu,amount\n1,1,5\n', spec='id,prop\n1,0.5\n', pu='id,cost\n1,1\n'):
    write(folder, 'input.dat', 'INPUTDIR input\n')
    write(folder, 'input/pu.dat', pu)
    write(folder, 'input/spec.dat', spec)
    write(folder, 'input/puvspr.dat', puvspr)
    return os.path.join(folder, 'input.dat')


@pytest.mark.parametrize('files, words', [
    ({'puvspr': 'species,pu,amount\n1,1,5\n1,42,3\n1,43,3\n'}, 'names planning unit 42, which pu.dat does not list '
                                                                '\\(2 such rows\\)'),
    ({'puvspr': 'species,pu,amount\n8,1,5\n'}, 'names feature 8, which spec.dat does not list'),
    ({'spec': 'id,prop\n1,1.2\n'}, 'target proportion 1.2'),
    ({'pu': 'id,cost\n1,abc\n'}, 'line 2, column "cost": "abc" is not a number'),
    ({'spec': 'id,name\n1,oak\n'}, 'neither a "prop" nor a "target"'),
    ({'pu': 'id,cost\n1,1\n1,2\n'}, 'lists planning unit 1 more than once \\(lines 2, 3\\)'),
    ({'spec': 'id,prop\n1,0.5\n1,0.3\n'}, 'lists feature 1 more than once \\(lines 2, 3\\)'),
    ({'puvspr': 'species,pu,amount\n1,1,5\n1,1,5\n'}, 'lists feature 1 in planning unit 1 more than once '
                                                        '\\(lines 2, 3\\)'),
    ({'pu': 'id,cost\n1,1\n\n2,2,9\n'}, 'line 4, has 3 values but the header names 2 columns \\(id, cost\\)'),
    ({'pu': 'id,cost\n1,\n'}, 'line 2: column "cost" is empty'),
    ({'pu': 'id,cost,status\n1,1\n'}, 'line 2: column "status" is empty'),
    ({'pu': 'id,cost,status\n1,1,2.5\n'}, "line 2: the status 2.5 is not one of Marxan's codes"),
])
def test_bad_projects_get_clear_messages(tmp_path, files, words):
    path = minimal_project(str(tmp_path), **files)
    with pytest.raises(EngineError, match=words):
        marxan.read_marxan(path)


def test_separators_at_line_ends_blank_lines_crlf_and_a_bom_are_read_as_marxan_reads_them(tmp_path):
    path = minimal_project(str(tmp_path), pu='\ufeffid,cost,\r\n7,3,\r\n\r\n8,4,\r\n\r\n',
                           puvspr='species,pu,amount\n1,7,5,\n1,8,2,\n')
    project = marxan.read_marxan(path)
    np.testing.assert_array_equal(project.unit_ids, [7, 8])
    np.testing.assert_array_equal(project.costs, [3, 4])
    np.testing.assert_array_equal(project.amounts.toarray(), [[5], [2]])


def test_ids_written_as_reals_are_the_whole_numbers_they_hold(tmp_path):
    """puvspr.dat exported from a real-number column (1.0) names unit 1 and feature 1; 1.5 is no id."""
    path = minimal_project(str(tmp_path), pu='id,cost\n1,1\n2,2\n', puvspr='species,pu,amount\n1.0,1.0,5\n1,2.00,3\n')
    np.testing.assert_array_equal(marxan.read_marxan(path).amounts.toarray(), [[5], [3]])
    path = minimal_project(str(tmp_path), puvspr='species,pu,amount\n1,1.5,5\n')
    with pytest.raises(EngineError, match='line 2: the id 1.5 is not a whole number'):
        marxan.read_marxan(path)


def test_a_file_in_another_encoding_is_named_not_a_traceback(tmp_path):
    """spec.dat saved by Excel on a Chinese Windows is GBK: reading it raised UnicodeDecodeError."""
    path = minimal_project(str(tmp_path))
    with open(os.path.join(str(tmp_path), 'input', 'spec.dat'), 'wb') as handle:
        handle.write('id,prop,name\n1,0.5,大熊猫\n'.encode('gbk'))
    with pytest.raises(EngineError, match='spec.dat is not UTF-8 text \\(line 2\\): save it as UTF-8'):
        marxan.read_marxan(path)


@pytest.mark.parametrize('key', ['BOUNDNAME', 'ZONECOSTNAME', 'PULOCKNAME'])
def test_a_file_input_dat_names_must_exist(tmp_path, key):
    folder = str(tmp_path)
    path = minimal_project(folder)
    write(folder, 'input.dat', 'INPUTDIR input\nBLM 5\n{} missing.dat\n'.format(key))
    with pytest.raises(EngineError, match='missing.dat does not exist'):
        marxan.read_marzone(path)
    if key == 'BOUNDNAME':  # without the file, the boundary penalty would silently count for nothing
        with pytest.raises(EngineError, match='missing.dat does not exist'):
            marxan.read_marxan(path)


def windows_project(folder, input_dat, data='project data/input files'):
    """The minimal project's files in the folder ``data`` of ``folder`` (spaces in the names), with the input.dat
    ``input_dat`` (CRLF line ends, as Windows editors write them)."""
    write(folder, 'input.dat', input_dat.replace('\n', '\r\n'))
    write(folder, data + '/planning units.dat', 'id,cost\n1,1\n2,3\n')
    write(folder, data + '/spec.dat', 'id,prop\n1,0.5\n')
    write(folder, data + '/puvspr.dat', 'species,pu,amount\n1,1,5\n1,2,3\n')
    write(folder, data + '/bound.dat', 'id1,id2,boundary\n1,2,10\n')
    return os.path.join(folder, 'input.dat')


def test_relative_windows_paths_with_backslashes_and_spaces_are_read(tmp_path):
    """A project made on Windows names its files with backslashes; Marxan 4 keeps the whole value after the
    keyword, spaces included."""
    path = windows_project(str(tmp_path), 'INPUTDIR project data\\input files\\\nPUNAME planning units.dat\n'
                                          'SPECNAME .\\spec.dat\nPUVSPRNAME ..\\input files\\puvspr.dat\n'
                                          'BOUNDNAME bound.dat\nBLM 1\n')
    notes = []
    project = marxan.read_marxan(path, notes)
    np.testing.assert_array_equal(project.unit_ids, [1, 2])
    np.testing.assert_array_equal(project.costs, [1, 3])
    np.testing.assert_array_equal(project.amounts.toarray(), [[5], [3]])
    assert {(int(i), int(j)): length for i, j, length in zip(*project.edges)} == {(0, 1): 10.0}
    assert notes == []


def test_a_file_named_with_backslashes_as_written_is_read_as_it_is(tmp_path):
    """A backslash is a valid character of a file name here: the file as written wins over the converted path."""
    folder = str(tmp_path)
    path = minimal_project(folder)
    write(folder, 'input/odd\\name.dat', 'id,cost\n1,7\n')
    write(folder, 'input/odd/name.dat', 'id,cost\n1,9\n')
    write(folder, 'input.dat', 'INPUTDIR input\nPUNAME odd\\name.dat\n')
    np.testing.assert_array_equal(marxan.read_marxan(path).costs, [7])


def test_windows_absolute_paths_fall_back_to_the_same_name_in_inputdir_and_say_so(tmp_path):
    """The project folder copied from a Windows computer: INPUTDIR is the folder of its name beside input.dat, and a
    file is the file of its name in INPUTDIR; each replacement is noted, to be warned about."""
    folder = str(tmp_path)
    path = windows_project(folder, 'INPUTDIR C:\\Users\\planner\\project data\nPUNAME C:\\Users\\planner\\'
                                   'project data\\planning units.dat\nSPECNAME spec.dat\n'
                                   'PUVSPRNAME \\\\server\\share\\puvspr.dat\nBLM 0\n', data='project data')
    notes = []
    project = marxan.read_marxan(path, notes)
    np.testing.assert_array_equal(project.costs, [1, 3])
    np.testing.assert_array_equal(project.amounts.toarray(), [[5], [3]])
    data = os.path.join(folder, 'project data')
    assert sorted(str(note) for note in notes) == sorted(
        'input.dat ({path}) gives {key} "{value}", a Windows path that does not exist on this computer: {read} is read '
        'instead.'.format(path=path, key=key, value=value, read=read) for key, value, read in [
            ('INPUTDIR', 'C:\\Users\\planner\\project data', data),
            ('PUNAME', 'C:\\Users\\planner\\project data\\planning units.dat',
             os.path.join(data, 'planning units.dat')),
            ('PUVSPRNAME', '\\\\server\\share\\puvspr.dat', os.path.join(data, 'puvspr.dat'))])


@pytest.mark.parametrize('key', ['SPECNAME', 'INPUTDIR'])
def test_a_windows_absolute_path_with_nothing_to_read_instead_is_named(tmp_path, key):
    folder = str(tmp_path)
    path = minimal_project(folder)
    value = 'D:\\marxan\\species.dat' if key == 'SPECNAME' else 'D:\\marxan\\my inputs'
    write(folder, 'input.dat', 'INPUTDIR input\n{} {}\n'.format(key, value))
    with pytest.raises(EngineError) as raised:
        marxan.read_marxan(path)
    name, where = ('species.dat', os.path.join(folder, 'input')) if key == 'SPECNAME' else ('my inputs', folder)
    assert str(raised.value) == (
        'input.dat ({path}) gives {key} "{value}", a Windows path that does not exist on this computer, and {where} '
        'holds no "{name}" to read instead. Give {key} the path the file has on this computer, or a name relative '
        'to {where} (for example "{key} {name}") with the file there.').format(
            path=path, key=key, value=value, where=where, name=name)


def test_negative_cost_is_named_when_solving(tmp_path):
    project = marxan.read_marxan(minimal_project(str(tmp_path), pu='id,cost\n1,-4\n'))
    with pytest.raises(EngineError, match='Planning unit 1 has the cost -4'):
        planning.minimum_set(marxan.planning_problem(project))


def test_marzone_project_is_read_as_marxan_with_zones_defines_it(tmp_path):
    project = marxan.read_marzone(marzone_project(str(tmp_path)))
    problem = project.problem
    assert problem.zone_names == ['available', 'core', 'buffer'] and project.blm == 0.5
    # cost in zone z = sum over cost columns of value x multiplier (unlisted multipliers are 0)
    np.testing.assert_allclose(problem.costs, [[0, 11, 5], [0, 22, 10], [0, 33, 15], [0, 44, 20]])
    np.testing.assert_allclose(problem.contributions, [[0, 1, 0.5], [0, 1, 0.5]])
    np.testing.assert_allclose(problem.targets, [5.0, 2.0])
    np.testing.assert_allclose(problem.zone_targets, [[0, 0, 2], [0, 4.0, 0]])
    np.testing.assert_allclose(problem.boundary_costs, [[0, 5, 2], [5, 0, 1], [2, 1, 0]])
    np.testing.assert_array_equal(problem.allowed, [[0, 0, 1], [1, 1, 1], [1, 1, 1], [1, 0, 1]])
    solution = planning.solve_zones(problem, project.edges, project.blm)
    zones = solution.selected
    assert zones[0] == 2 and zones[3] in (0, 2)
    held, inside = planning.zone_holdings(problem, zones)
    assert np.all(held >= problem.targets - 1e-9) and np.all(inside >= problem.zone_targets - 1e-9)


def test_marzone_defaults_without_zone_files(tmp_path):
    folder = str(tmp_path)
    path = minimal_project(folder, pu='id,cost\n1,3\n2,4\n', puvspr='species,pu,amount\n1,1,5\n1,2,5\n')
    project = marxan.read_marzone(path)
    problem = project.problem
    assert problem.zone_names == ['available', 'reserved']
    np.testing.assert_allclose(problem.costs, [[3, 3], [4, 4]])
    np.testing.assert_allclose(problem.contributions, [[0, 1]])
    np.testing.assert_allclose(problem.boundary_costs, np.ones((2, 2)))
    solution = planning.solve_zones(problem)  # every zone costs the same: only the target decides
    assert solution.cost == 7 and solution.held[0] >= 5


def test_marzone_occurrence_targets_are_refused(tmp_path):
    folder = str(tmp_path)
    path = marzone_project(folder)
    write(folder, 'input/zonetarget.dat', 'zoneid,featureid,target,targettype\n2,2,3,2\n')
    with pytest.raises(EngineError, match='occurrence targets'):
        marxan.read_marzone(path)


def test_marzone_lock_to_unknown_zone_is_named(tmp_path):
    folder = str(tmp_path)
    path = marzone_project(folder)
    write(folder, 'input/pulock.dat', 'puid,zoneid\n1,9\n')
    with pytest.raises(EngineError, match='names zone 9'):
        marxan.read_marzone(path)


@pytest.mark.parametrize('name, text, words', [
    ('pulock.dat', 'puid,zoneid\n1,3\n1,2\n', 'pulock.dat gives puid = 1 on more than one line \\(2, 3\\)'),
    ('zoneboundcost.dat', 'zoneid1,zoneid2,cost\n1,2,5\n2,1,7\n', 'zoneid1, zoneid2 = 1, 2 on more than one line'),
    ('zonecontrib.dat', 'zoneid,featureid,fraction\n2,1,1\n2,1,0.2\n', 'zoneid, featureid = 2, 1 on more than one'),
    ('zonetarget.dat', 'zoneid,featureid,target,targettype\n2,2,0.4,1\n2,2,0.1,1\n', 'zoneid, featureid = 2, 2'),
    ('zones.dat', 'zoneid,zonename\n1,available\n2,core\n2,buffer\n', 'lists zone 2 more than once \\(lines 3, 4\\)'),
    ('zonetarget.dat', 'zoneid,featureid,target,targettype\n2,2,0.4,1\n3,1,40,1\n',
     'zonetarget.dat, line 3: the target 40.0 is a proportion \\(target type 1\\)'),
])
def test_marzone_zone_files_that_cannot_hold_are_named(tmp_path, name, text, words):
    folder = str(tmp_path)
    path = marzone_project(folder)
    write(folder, 'input/' + name, text)
    with pytest.raises(EngineError, match=words):
        marxan.read_marzone(path)
