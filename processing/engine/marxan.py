"""Reading and writing Marxan and Marxan with Zones projects (docs/planning.md, "Marxan files").

A project is an ``input.dat`` of ``KEYWORD value`` lines naming the folder (INPUTDIR, relative to input.dat)
and the files of planning units (PUNAME, default pu.dat), features (SPECNAME, spec.dat), amounts
(PUVSPRNAME, puvspr.dat), boundaries (BOUNDNAME, optional) and the boundary length modifier (BLM); paths written
on Windows (backslashes, drive letters) are found as local_path says.
Files are tables with a header, comma or tab separated (Marxan accepts both); columns are found by name
(case-insensitive), optional ones get Marxan's defaults:

- pu.dat: id, cost (default 1), status (default 0); other columns (xloc, yloc, cost columns of zones) kept aside;
- spec.dat: id, target and/or prop (prop > 0 wins, as in Marxan: target = prop x total amount), name;
  Marxan's other columns (type, spf, target2, targetocc, sepnum, sepdistance) do not enter an exact programme;
- puvspr.dat: species, pu, amount; bound.dat: id1, id2, boundary (id1 = id2: edge on the outer boundary).

Marxan with Zones adds ZONESNAME (zoneid, zonename; default: zones "available" and "reserved"), COSTSNAME
(costid, costname: columns of pu.dat), ZONECOSTNAME (zoneid, costid, multiplier), ZONECONTRIBNAME (zoneid,
featureid, fraction) or ZONECONTRIB2NAME (zoneid, fraction), ZONETARGETNAME (zoneid, featureid, target,
targettype) or ZONETARGET2NAME (zoneid, target, targettype), ZONEBOUNDCOSTNAME (zoneid1, zoneid2, cost),
PULOCKNAME (puid, zoneid) and PUZONENAME (puid, zoneid: the zones a unit may take). These files are read by
position, as Marxan with Zones reads them. Defaults follow Marxan with Zones 4: without zonecost every cost
counts fully in every zone; without zonecontrib the first zone contributes 0 and the others 1; without
zoneboundcost every pair of zones costs 1.
"""

import csv
import os
import re
from collections import namedtuple

import numpy as np
import pandas as pd
from scipy import sparse

from . import planning
from .messages import EngineError, N_

DEFAULT_FILES = {'PUNAME': 'pu.dat', 'SPECNAME': 'spec.dat', 'PUVSPRNAME': 'puvspr.dat'}
DEFAULT_ZONES = ('available', 'reserved')
PROPORTION, ABSOLUTE = 1, 0

MISSING_COLUMN = N_('The file {file} has no column "{column}". Its columns are: {columns}.')
MISSING_TARGET = N_('The targets table {file} has no row for the features {features}. Add a row (feature, prop or '
                    'target) for each.')

MarxanProject = namedtuple('MarxanProject', 'unit_ids costs status feature_ids feature_names targets proportions '
                                            'amounts edges blm')
"""A Marxan project: unit ids, costs and status (n,), feature ids and names (k), absolute targets (k,), the
proportions spec.dat gave (NaN where it gave an absolute target), amounts (sparse n x k), Edges over unit
indices, BLM."""

MarZoneProject = namedtuple('MarZoneProject', 'problem zone_ids edges blm')
"""A Marxan with Zones project: a planning.ZonesProblem, the zone ids (in the problem's zone order), Edges, BLM."""


# --- tables ------------------------------------------------------------------------------------------------

def read_table(path):
    """A Marxan table as a DataFrame of stripped strings with lower-case column names and the file's line numbers
    as index; UTF-8 text, comma, tab or space separated (found from the header), a byte-order mark and CRLF line
    ends accepted, blank lines skipped.

    A row shorter than the header leaves its last columns empty; a row longer than the header is refused unless
    the extra cells are empty (a separator at the end of every line, as spreadsheets write), so that no value is
    silently dropped or read into the wrong column.
    """
    if not os.path.isfile(path):
        raise EngineError(N_('The Marxan file {file} does not exist. Check the file names in input.dat.'), file=path)
    with open(path, 'rb') as handle:
        raw = handle.read()
    try:
        text = raw.decode('utf-8-sig')
    except UnicodeDecodeError as error:
        raise EngineError(N_('The Marxan file {file} is not UTF-8 text (line {line}): save it as UTF-8 (in Excel: '
                             '"CSV UTF-8"; in a text editor: encoding UTF-8) and run again.'), file=path,
                          line=raw.count(b'\n', 0, error.start) + 1) from None
    lines = [(number, line) for number, line in enumerate(text.splitlines(), start=1) if line.strip()]
    if not lines:
        raise EngineError(N_('The Marxan file {file} is empty: it needs a header line naming its columns.'),
                          file=path)
    header = lines[0][1]
    separator = '\t' if '\t' in header else ',' if ',' in header else ' '
    rows = [table_cells(line, separator) for _, line in lines]
    columns = [name.lower() for name in rows[0]]
    while len(columns) > 1 and not columns[-1]:
        columns.pop()
    width = len(columns)
    for (number, _), cells in zip(lines[1:], rows[1:]):
        if any(cells[width:]):
            raise EngineError(N_('The Marxan file {file}, line {line}, has {count} values but the header names '
                                 '{width} columns ({columns}). Remove the extra values or name their column.'),
                              file=path, line=number, count=len(cells), width=width, columns=', '.join(columns))
    body = [cells[:width] + [''] * (width - len(cells)) for cells in rows[1:]]
    return pd.DataFrame(body, columns=columns, index=[number for number, _ in lines[1:]], dtype=str)


def table_cells(line, separator):
    """The cells of one line of a Marxan table, stripped of spaces and of the quotes around them."""
    if separator == ' ':
        line, separator = ' '.join(line.split()), ' '
    return [cell.strip() for cell in next(csv.reader([line], delimiter=separator, quotechar='"',
                                                     skipinitialspace=True))]


def numbers(frame, column, path, default=None):
    """Column ``column`` (by name, or by position when an int) of a Marxan table (read_table) as floats;
    ``default`` fills a missing column (None: the column is required). Raises naming the file, line and column of
    an empty or bad value."""
    if isinstance(column, int):
        if column >= frame.shape[1]:
            if default is not None:
                return np.full(len(frame), float(default))
            raise EngineError(N_('The Marxan file {file} needs at least {count} columns.'), file=path,
                              count=column + 1)
        name, values = frame.columns[column], frame.iloc[:, column]
    elif column in frame.columns:
        name, values = column, frame[column]
    elif default is not None:
        return np.full(len(frame), float(default))
    else:
        raise EngineError(MISSING_COLUMN, file=path, column=column, columns=', '.join(frame.columns))
    empty = np.flatnonzero((values == '').to_numpy())
    if len(empty):
        raise EngineError(N_('The Marxan file {file}, line {line}: column "{column}" is empty. Give a number.'),
                          file=path, line=int(frame.index[empty[0]]), column=name)
    parsed = pd.to_numeric(values, errors='coerce').to_numpy(dtype=float)
    bad = np.flatnonzero(~np.isfinite(parsed))
    if len(bad):
        raise EngineError(N_('The Marxan file {file}, line {line}, column "{column}": "{value}" is not a number.'),
                          file=path, line=int(frame.index[bad[0]]), column=name, value=values.iloc[bad[0]])
    return values.astype(float).to_numpy()  # Python's exact parse: a file we write reads back bit for bit


def identifiers(frame, column, path):
    """Integer ids from a column (name or position); raises on non-integers."""
    values = numbers(frame, column, path)
    bad = np.flatnonzero(values != np.round(values))
    if len(bad):
        raise EngineError(N_('The Marxan file {file}, line {line}: the id {value} is not a whole number.'),
                          file=path, line=int(frame.index[bad[0]]), value=values[bad[0]])
    return values.astype(np.int64)


def unique_identifiers(frame, column, path, kind):
    """Integer ids from a column (name or position) that lists each ``kind`` (a key of UNKNOWN_ID) once; raises
    naming the lines that repeat an id."""
    ids = identifiers(frame, column, path)
    repeated = pd.Index(ids).duplicated(keep=False)
    if repeated.any():
        lines = frame.index[repeated]
        first = ids[repeated][0]
        raise EngineError(DUPLICATE_ID[kind], file=path, id=int(first),
                          lines=', '.join(str(line) for line, value in zip(lines, ids[repeated]) if value == first))
    return ids


DUPLICATE_ID = {
    'unit': N_('The Marxan file {file} lists planning unit {id} more than once (lines {lines}). Give each planning '
               'unit one line.'),
    'feature': N_('The Marxan file {file} lists feature {id} more than once (lines {lines}). Give each feature one '
                  'line.'),
    'zone': N_('The Marxan file {file} lists zone {id} more than once (lines {lines}). Give each zone one line.'),
    'cost': N_('The Marxan file {file} lists cost {id} more than once (lines {lines}). Give each cost one line.'),
}


UNKNOWN_ID = {
    'unit': N_('The Marxan file {file} names planning unit {id}, which pu.dat does not list ({count} such rows). '
               'Add the unit to pu.dat or remove those rows.'),
    'feature': N_('The Marxan file {file} names feature {id}, which spec.dat does not list ({count} such rows). '
                  'Add the feature to spec.dat or remove those rows.'),
    'zone': N_('The Marxan file {file} names zone {id}, which zones.dat does not list ({count} such rows).'),
    'cost': N_('The Marxan file {file} names cost {id}, which costs.dat does not list ({count} such rows).'),
}


def positions(ids, known, path, kind):
    """Index of each id among ``known`` ids; raises naming the first id that ``known`` lacks (``kind``: a key of
    UNKNOWN_ID)."""
    found = pd.Index(known).get_indexer(ids)
    missing = np.flatnonzero(found < 0)
    if len(missing):
        raise EngineError(UNKNOWN_ID[kind], file=path, id=int(ids[missing[0]]), count=len(missing))
    return found


# --- input.dat ---------------------------------------------------------------------------------------------

class Settings(dict):
    """The KEYWORD -> value pairs of an input.dat, and ``notes`` ({keyword: EngineError}): what was read from
    another file than input.dat names (a Windows path replaced by the file of that name in INPUTDIR), for the
    caller to warn about."""

    def __init__(self, pairs=()):
        super().__init__(pairs)
        self.notes = {}


def read_settings(input_path):
    """The KEYWORD -> value pairs of an input.dat (upper-case keywords; the whole value after the keyword, spaces
    inside it included, as Marxan 4 reads it) as Settings."""
    if not os.path.isfile(input_path):
        raise EngineError(N_('The Marxan file {file} does not exist.'), file=input_path)
    settings = Settings()
    with open(input_path, encoding='utf-8-sig', errors='replace') as handle:
        for line in handle:
            parts = line.strip().split(None, 1)
            if len(parts) == 2 and parts[0].isupper():
                settings[parts[0]] = parts[1].strip()
    return settings


WINDOWS_ABSOLUTE = re.compile(r'[A-Za-z]:[\\/]|\\')
"""The start of a Windows absolute path: a drive letter (C:\\ or C:/), a network share (\\\\server) or the root of
the current drive (\\data)."""

WINDOWS_PATH = N_('input.dat ({file}) gives {key} "{value}", a Windows path that does not exist on this computer, '
                  'and {folder} holds no "{name}" to read instead. Give {key} the path the file has on this '
                  'computer, or a name relative to {folder} (for example "{key} {name}") with the file there.')
WINDOWS_PATH_REPLACED = N_('input.dat ({file}) gives {key} "{value}", a Windows path that does not exist on this '
                           'computer: {path} is read instead.')


def local_path(folder, value, key, settings, input_path):
    """The path on this computer of ``value``, input.dat's value of ``key``, relative to ``folder`` (or absolute).

    Marxan projects made on Windows write ``input\\pu.dat``: a value that does not exist as written is read with
    its backslashes as this system's separator. A Windows absolute path (``C:\\...``,
    ``\\\\server\\...``) cannot exist on another system: the file or folder of the same name in ``folder`` is
    read instead, noted in ``settings.notes``; without one, an EngineError names the keyword, the value and what
    to do (docs/planning.md, "Marxan files").
    """
    as_written = os.path.normpath(os.path.join(folder, value))
    if os.sep == '\\' or os.path.exists(as_written):
        return as_written
    if not WINDOWS_ABSOLUTE.match(value):
        return os.path.normpath(os.path.join(folder, value.replace('\\', os.sep)))
    name = ([part for part in re.split(r'[\\/]', value) if part] or [value])[-1]
    replaced = os.path.join(folder, name)
    if not os.path.exists(replaced):
        raise EngineError(WINDOWS_PATH, file=input_path, key=key, value=value, folder=folder, name=name)
    settings.notes[key] = EngineError(WINDOWS_PATH_REPLACED, file=input_path, key=key, value=value, path=replaced)
    return replaced


def project_file(settings, input_path, key):
    """The full path of the file input.dat names under ``key`` (its default name when absent), or None for an
    optional file that input.dat does not name. A file input.dat names must exist: read_table refuses a missing
    one rather than leave out, say, the boundaries of a misspelt BOUNDNAME. Paths are found as local_path says."""
    name = settings.get(key, DEFAULT_FILES.get(key))
    if not name:
        return None
    base = os.path.dirname(os.path.abspath(input_path))
    folder = local_path(base, settings.get('INPUTDIR', 'input'), 'INPUTDIR', settings, input_path)
    return local_path(folder, name, key, settings, input_path)


def blm_setting(settings, input_path):
    """BLM from input.dat (0 when absent)."""
    text = settings.get('BLM', '0')
    try:
        value = float(text.split()[0])
    except ValueError:
        value = np.nan
    if not np.isfinite(value) or value < 0:
        raise EngineError(N_('{file}: BLM "{value}" is not a number of 0 or more.'), file=input_path, value=text)
    return value


# --- Marxan ------------------------------------------------------------------------------------------------

def read_units(path):
    """(ids, costs, status, the pu.dat table) from pu.dat; a status that is not a whole number is refused (2.5
    would otherwise be read as 2, locked in)."""
    frame = read_table(path)
    ids = unique_identifiers(frame, 'id', path, 'unit')
    status = numbers(frame, 'status', path, 0)
    for row in np.flatnonzero(status != np.round(status))[:1]:
        raise EngineError(N_('The Marxan file {file}, line {line}: the status {value} is not one of Marxan\'s codes '
                             '0, 1, 2 and 3.'), file=path, line=int(frame.index[row]), value=status[row])
    return ids, numbers(frame, 'cost', path, 1.0), status.astype(int), frame


def read_features(path):
    """(ids, names, raw targets, raw proportions) from spec.dat; missing columns give 0 (name: the id)."""
    frame = read_table(path)
    ids = unique_identifiers(frame, 'id', path, 'feature')
    if 'target' not in frame.columns and 'prop' not in frame.columns:
        raise EngineError(N_('The Marxan file {file} has neither a "prop" nor a "target" column: give each '
                             'feature a target.'), file=path)
    names = frame['name'].fillna('').tolist() if 'name' in frame.columns else [''] * len(ids)
    names = [name or str(feature_id) for name, feature_id in zip(names, ids)]
    return ids, names, numbers(frame, 'target', path, 0), numbers(frame, 'prop', path, 0)


def read_amounts(path, unit_ids, feature_ids):
    """Sparse n x k amounts from puvspr.dat; raises naming unit or feature ids the project does not list and a
    feature listed twice for one unit (a repeated row would otherwise count its amount twice)."""
    frame = read_table(path)
    species = positions(identifiers(frame, 'species', path), feature_ids, path, 'feature')
    units = positions(identifiers(frame, 'pu', path), unit_ids, path, 'unit')
    amount = numbers(frame, 'amount', path)
    pairs = pd.MultiIndex.from_arrays([species, units])
    repeated = np.flatnonzero(pairs.duplicated(keep=False))
    if len(repeated):
        same = repeated[(species[repeated] == species[repeated[0]]) & (units[repeated] == units[repeated[0]])]
        raise EngineError(N_('The Marxan file {file} lists feature {feature} in planning unit {unit} more than once '
                             '(lines {lines}). Give one line per feature and planning unit, with the whole '
                             'amount.'), file=path, feature=int(feature_ids[species[repeated[0]]]),
                          unit=int(unit_ids[units[repeated[0]]]),
                          lines=', '.join(str(line) for line in frame.index[same]))
    return sparse.csr_matrix((amount, (units, species)), shape=(len(unit_ids), len(feature_ids)))


def read_edges(path, unit_ids):
    """Edges over unit indices from bound.dat (None without a file)."""
    if path is None:
        return None
    frame = read_table(path)
    first = positions(identifiers(frame, 'id1', path), unit_ids, path, 'unit')
    second = positions(identifiers(frame, 'id2', path), unit_ids, path, 'unit')
    length = numbers(frame, 'boundary', path)
    if np.any(length < 0):
        raise EngineError(N_('The Marxan file {file} has a negative boundary length.'), file=path)
    return planning.make_edges(first, second, length)


def resolve_targets(targets, proportions, amounts, feature_names):
    """Absolute targets: prop x total where prop > 0 (Marxan's rule), else the target; checks proportions."""
    resolved = planning.targets_from_proportions(amounts, proportions, feature_names)
    return np.where(proportions > 0, resolved, targets)


def read_marxan(input_path, notes=None):
    """Read a Marxan project from its input.dat. Returns a MarxanProject; appends to the list ``notes`` (when
    given) an EngineError for each file read in place of a Windows path input.dat gives (local_path), to warn
    about.

    Raises
    ------
    EngineError
        A missing file or column, a value that is not a number, ids in puvspr.dat or bound.dat that pu.dat or
        spec.dat do not list, a proportion above 1.
    """
    settings = read_settings(input_path)
    unit_ids, costs, status, _ = read_units(project_file(settings, input_path, 'PUNAME'))
    feature_ids, names, targets, proportions = read_features(project_file(settings, input_path, 'SPECNAME'))
    amounts = read_amounts(project_file(settings, input_path, 'PUVSPRNAME'), unit_ids, feature_ids)
    edges = read_edges(project_file(settings, input_path, 'BOUNDNAME'), unit_ids)
    absolute = resolve_targets(targets, proportions, amounts, names)
    if notes is not None:
        notes.extend(settings.notes.values())
    return MarxanProject(unit_ids, costs, status, feature_ids, names, absolute,
                         np.where(proportions > 0, proportions, np.nan), amounts, edges,
                         blm_setting(settings, input_path))


def planning_problem(project):
    """The planning.Problem of a MarxanProject."""
    return planning.Problem(project.costs, project.amounts, project.targets, project.status,
                            list(project.unit_ids), list(project.feature_names))


def write_table(path, columns):
    """Write ``columns`` ({name: sequence}) as a comma-separated Marxan table; floats written exactly (repr)."""
    names = list(columns)
    with open(path, 'w', encoding='utf-8', newline='\n') as handle:
        handle.write(','.join(names) + '\n')
        for row in zip(*(columns[name] for name in names)):
            handle.write(','.join(cell_text(value) for value in row) + '\n')


def cell_text(value):
    if isinstance(value, (float, np.floating)):
        number = float(value)
        return str(int(number)) if number.is_integer() else repr(number)
    return str(value)


def write_marxan(folder, project):
    """Write ``project`` as a Marxan project in ``folder`` (input.dat, input/pu.dat, spec.dat, puvspr.dat sorted
    by planning unit as Marxan wants, bound.dat when the project has edges). Returns the input.dat path.

    Targets given as proportions are written as ``prop``, the others as ``target``.
    """
    input_folder = os.path.join(folder, 'input')
    os.makedirs(input_folder, exist_ok=True)
    write_table(os.path.join(input_folder, 'pu.dat'),
                {'id': project.unit_ids, 'cost': project.costs, 'status': project.status})
    given = np.isfinite(project.proportions)
    write_table(os.path.join(input_folder, 'spec.dat'),
                {'id': project.feature_ids, 'target': np.where(given, 0.0, project.targets),
                 'prop': np.where(given, project.proportions, 0.0), 'name': project.feature_names})
    amounts = sparse.coo_matrix(project.amounts)
    order = np.lexsort((amounts.col, amounts.row))
    write_table(os.path.join(input_folder, 'puvspr.dat'),
                {'species': np.asarray(project.feature_ids)[amounts.col[order]],
                 'pu': np.asarray(project.unit_ids)[amounts.row[order]], 'amount': amounts.data[order]})
    lines = ['INPUTDIR input', 'PUNAME pu.dat', 'SPECNAME spec.dat', 'PUVSPRNAME puvspr.dat',
             'BLM {}'.format(cell_text(float(project.blm)))]
    if project.edges is not None:
        write_table(os.path.join(input_folder, 'bound.dat'),
                    {'id1': np.asarray(project.unit_ids)[project.edges.first],
                     'id2': np.asarray(project.unit_ids)[project.edges.second], 'boundary': project.edges.length})
        lines.append('BOUNDNAME bound.dat')
    input_path = os.path.join(folder, 'input.dat')
    with open(input_path, 'w', encoding='utf-8', newline='\n') as handle:
        handle.write('\n'.join(lines) + '\n')
    return input_path


# --- Marxan with Zones -------------------------------------------------------------------------------------

def read_zones(path):
    """(zone ids, names) from zones.dat, or Marxan with Zones' two default zones."""
    if path is None:
        return np.array([1, 2]), list(DEFAULT_ZONES)
    frame = read_table(path)
    ids = unique_identifiers(frame, 0, path, 'zone')
    names = frame.iloc[:, 1].fillna('').tolist() if frame.shape[1] > 1 else [''] * len(ids)
    return ids, [name or str(zone_id) for name, zone_id in zip(names, ids)]


def id_pairs(path, first_ids, first_kind, second_ids, second_kind, key='pair'):
    """(positions of column 0 among ``first_ids``, of column 1 among ``second_ids``, the table) of a zone file.

    ``key`` says what each line sets, which no two lines may repeat (refuse_repeats): 'pair' (the two ids, in
    order), 'unordered' (the two ids, either way round: a symmetric table) or 'first' (the first id alone).
    """
    frame = read_table(path)
    first, second = identifiers(frame, 0, path), identifiers(frame, 1, path)
    keys = {'pair': [first, second], 'unordered': [np.minimum(first, second), np.maximum(first, second)],
            'first': [first]}[key]
    refuse_repeats(frame, path, keys)
    return (positions(first, first_ids, path, first_kind), positions(second, second_ids, path, second_kind), frame)


def refuse_repeats(frame, path, keys):
    """Raise naming the lines of a zone file that set the same thing twice: rows with equal ``keys`` (id arrays,
    one per key column, the first columns of ``frame``). Only one of them could hold, and which is a guess."""
    index = pd.MultiIndex.from_arrays(keys)
    repeated = np.flatnonzero(index.duplicated(keep=False))
    if len(repeated):
        same = [row for row in repeated if index[row] == index[repeated[0]]]
        raise EngineError(N_('The Marxan file {file} gives {columns} = {values} on more than one line ({lines}); '
                             'only one of them can hold. Keep one of these lines.'), file=path,
                          columns=', '.join(frame.columns[:len(keys)]),
                          values=', '.join(str(int(key[repeated[0]])) for key in keys),
                          lines=', '.join(str(line) for line in frame.index[same]))


def zone_costs(settings, input_path, units_frame, unit_path, zone_ids):
    """n x Z costs: sum over cost columns of the pu.dat value times the zone's multiplier."""
    costs_path = project_file(settings, input_path, 'COSTSNAME')
    if costs_path is None:
        cost_ids, cost_names = np.array([1]), ['cost']
    else:
        frame = read_table(costs_path)
        cost_ids = unique_identifiers(frame, 0, costs_path, 'cost')
        cost_names = [name.lower() for name in frame.iloc[:, 1]]
    columns = np.column_stack([numbers(units_frame, name, unit_path) for name in cost_names])
    multipliers = np.ones((len(cost_ids), len(zone_ids)))
    zonecost_path = project_file(settings, input_path, 'ZONECOSTNAME')
    if zonecost_path is not None:
        zones, costs, frame = id_pairs(zonecost_path, zone_ids, 'zone', cost_ids, 'cost')
        multipliers[:] = 0.0
        multipliers[costs, zones] = numbers(frame, 2, zonecost_path)
    return columns @ multipliers


def zone_contributions(settings, input_path, feature_ids, zone_ids):
    """k x Z contributions from zonecontrib.dat or zonecontrib2.dat (defaults: first zone 0, others 1)."""
    contributions = np.ones((len(feature_ids), len(zone_ids)))
    contributions[:, 0] = 0.0
    per_feature = project_file(settings, input_path, 'ZONECONTRIBNAME')
    every_feature = project_file(settings, input_path, 'ZONECONTRIB2NAME')
    if per_feature is not None:
        zones, features, frame = id_pairs(per_feature, zone_ids, 'zone', feature_ids, 'feature')
        contributions[:] = 0.0
        contributions[features, zones] = numbers(frame, 2, per_feature)
    elif every_feature is not None:
        frame = read_table(every_feature)
        contributions[:] = 0.0
        given_zones = identifiers(frame, 0, every_feature)
        refuse_repeats(frame, every_feature, [given_zones])
        zones = positions(given_zones, zone_ids, every_feature, 'zone')
        contributions[:, zones] = numbers(frame, 1, every_feature)[None, :]
    return contributions


def zone_targets(settings, input_path, feature_ids, zone_ids, totals):
    """k x Z zone targets (amounts inside each zone) from zonetarget.dat and zonetarget2.dat."""
    targets = np.zeros((len(feature_ids), len(zone_ids)))
    for key, per_feature in (('ZONETARGETNAME', True), ('ZONETARGET2NAME', False)):
        path = project_file(settings, input_path, key)
        if path is None:
            continue
        frame = read_table(path)
        given_zones = identifiers(frame, 0, path)
        given_features = identifiers(frame, 1, path) if per_feature else None
        refuse_repeats(frame, path, [given_zones, given_features] if per_feature else [given_zones])
        zones = positions(given_zones, zone_ids, path, 'zone')
        features = positions(given_features, feature_ids, path, 'feature') if per_feature else None
        value_column = 2 if per_feature else 1
        values = numbers(frame, value_column, path)
        kinds = numbers(frame, value_column + 1, path, ABSOLUTE).astype(int)
        if np.any(~np.isin(kinds, (ABSOLUTE, PROPORTION))):
            raise EngineError(N_('The Marxan file {file} has occurrence targets (target type 2 or 3), which exact '
                                 'planning does not support: give area targets (type 0 or 1).'), file=path)
        for row in np.flatnonzero((kinds == PROPORTION) & ((values < 0) | (values > 1)))[:1]:
            raise EngineError(N_('The Marxan file {file}, line {line}: the target {value} is a proportion (target '
                                 'type 1), which goes from 0 to 1 (0 % to 100 % of the feature\'s total amount).'),
                              file=path, line=int(frame.index[row]), value=values[row])
        for row, zone in enumerate(zones):
            for feature in ([features[row]] if per_feature else range(len(feature_ids))):
                targets[feature, zone] = values[row] * (totals[feature] if kinds[row] == PROPORTION else 1.0)
    return targets


def zone_boundary_costs(settings, input_path, zone_ids):
    """Z x Z symmetric zone boundary costs from zoneboundcost.dat (default: 1 for every pair)."""
    path = project_file(settings, input_path, 'ZONEBOUNDCOSTNAME')
    if path is None:
        return np.ones((len(zone_ids), len(zone_ids)))
    first, second, frame = id_pairs(path, zone_ids, 'zone', zone_ids, 'zone', key='unordered')
    costs = np.zeros((len(zone_ids), len(zone_ids)))
    costs[first, second] = costs[second, first] = numbers(frame, 2, path)
    return costs


def allowed_zones(settings, input_path, unit_ids, zone_ids):
    """n x Z booleans: puzone.dat restricts the zones a unit may take, pulock.dat locks a unit in one zone."""
    allowed = np.ones((len(unit_ids), len(zone_ids)), dtype=bool)
    restricted = project_file(settings, input_path, 'PUZONENAME')
    if restricted is not None:
        units, zones, _ = id_pairs(restricted, unit_ids, 'unit', zone_ids, 'zone')
        allowed[np.unique(units)] = False
        allowed[units, zones] = True
    locked = project_file(settings, input_path, 'PULOCKNAME')
    if locked is not None:
        units, zones, _ = id_pairs(locked, unit_ids, 'unit', zone_ids, 'zone', key='first')
        allowed[units] = False
        allowed[units, zones] = True
    return allowed


def read_marzone(input_path, notes=None):
    """Read a Marxan with Zones project from its input.dat. Returns a MarZoneProject; ``notes`` as read_marxan's.

    Raises
    ------
    EngineError
        As read_marxan, and for zone files naming unknown zones, costs or features, or occurrence targets.
    """
    settings = read_settings(input_path)
    unit_path = project_file(settings, input_path, 'PUNAME')
    unit_ids, _, _, units_frame = read_units(unit_path)
    feature_ids, names, targets, proportions = read_features(project_file(settings, input_path, 'SPECNAME'))
    amounts = read_amounts(project_file(settings, input_path, 'PUVSPRNAME'), unit_ids, feature_ids)
    zone_ids, zone_names = read_zones(project_file(settings, input_path, 'ZONESNAME'))
    totals = np.asarray(amounts.sum(axis=0)).ravel()
    problem = planning.ZonesProblem(
        zone_costs(settings, input_path, units_frame, unit_path, zone_ids), amounts,
        zone_contributions(settings, input_path, feature_ids, zone_ids),
        resolve_targets(targets, proportions, amounts, names),
        zone_targets(settings, input_path, feature_ids, zone_ids, totals),
        zone_boundary_costs(settings, input_path, zone_ids),
        allowed_zones(settings, input_path, unit_ids, zone_ids), list(unit_ids), names, zone_names)
    edges = read_edges(project_file(settings, input_path, 'BOUNDNAME'), unit_ids)
    if notes is not None:
        notes.extend(settings.notes.values())
    return MarZoneProject(problem, zone_ids, edges, blm_setting(settings, input_path))
