"""A resistance surface from weighted, reclassified factors (docs/resistance_surface.md).

R(x) = sum_k w_k r_k(x), where r_k is the score that factor k's reclassification table gives the value of
factor k at cell x and the weights w_k sum to 1 (given, or from an AHP matrix: engine.scoring). A correction
raster C can then scale R by C(x) / mean of C over the cells of x's land-cover class (the night-time-light
correction of ecological-security-pattern studies). Arrays are float64 grids on one grid, NaN = nodata; a cell
with nodata in any factor is nodata in R.
"""

from collections import namedtuple

import numpy as np

from .messages import N_, EngineError

Reclass = namedtuple('Reclass', 'minimum maximum score')
"""One row of a reclassification table: values v with minimum <= v < maximum get ``score``; a row with
minimum == maximum matches that value only (a class code); the highest range of a factor includes its maximum."""


def reclass_tables(rows, factor_count):
    """The reclassification table of each factor from matrix rows (factor number from 1, min, max, score).

    Raises EngineError naming the factor when a row is malformed, a factor has no row, or its ranges overlap
    or leave a gap (a value between two ranges would have no score).
    """
    tables = [[] for _ in range(factor_count)]
    for number, row in enumerate(rows, start=1):
        factor, minimum, maximum, score = _row_values(row, number)
        if not 1 <= factor <= factor_count or factor != int(factor):
            raise EngineError(N_('Row {row} of the reclassification table names factor {factor}, but there are '
                                 '{count} factors (numbered from 1 in the order given).'),
                              row=number, factor=factor, count=factor_count)
        if minimum > maximum:
            raise EngineError(N_('Row {row} of the reclassification table has its minimum {minimum} above its maximum '
                                 '{maximum}.'), row=number, minimum=minimum, maximum=maximum)
        tables[int(factor) - 1].append(Reclass(minimum, maximum, score))
    return _checked(tables)


def _checked(tables):
    for factor, table in enumerate(tables, start=1):
        if not table:
            raise EngineError(N_('Factor {factor} has no row in the reclassification table: give it at least one '
                                 '(factor, min, max, score) row.'), factor=factor)
        _check_ranges(factor, table)
    return tables


def _row_values(row, number):
    if len(row) != 4:
        raise EngineError(N_('Row {row} of the reclassification table must have 4 values (factor, min, max, score); '
                             'it has {count}.'), row=number, count=len(row))
    try:
        values = [float(value) for value in row]
    except (TypeError, ValueError):
        values = None
    if values is None or not np.isfinite(values).all():
        raise EngineError(N_('Row {row} of the reclassification table holds a value that is not a number: {values}.'),
                          row=number, values=', '.join(str(value) for value in row))
    return values


def _check_ranges(factor, table):
    ranges = sorted((row for row in table if row.minimum < row.maximum), key=lambda row: row.minimum)
    for lower, upper in zip(ranges, ranges[1:]):
        if upper.minimum < lower.maximum:
            raise EngineError(N_('Factor {factor}: the ranges {first} and {second} of the reclassification table '
                                 'overlap.'), factor=factor, first=_shown(lower), second=_shown(upper))
        if upper.minimum > lower.maximum:
            raise EngineError(N_('Factor {factor}: the reclassification table leaves a gap between {low} and {high}; '
                                 'give every value a score.'), factor=factor, low=lower.maximum, high=upper.minimum)
    values = sorted(row.minimum for row in table if row.minimum == row.maximum)
    for value in values:
        if values.count(value) > 1 or any(row.minimum <= value < row.maximum for row in ranges):
            raise EngineError(N_('Factor {factor}: the value {value} has two rows in the reclassification table.'),
                              factor=factor, value=value)


def _shown(row):
    return '{:g}-{:g}'.format(row.minimum, row.maximum)


def table_in_type(table, dtype):
    """``table`` with its bounds as cells of type ``dtype`` hold them: a Float32 factor holds 0.1 as
    0.100000001490116, so its rows are compared in float32 and read the values the user sees; other types keep the
    table as it is."""
    dtype = np.dtype(dtype)
    if dtype.kind != 'f' or dtype.itemsize >= 8:
        return table
    return [row._replace(minimum=float(dtype.type(row.minimum)), maximum=float(dtype.type(row.maximum)))
            for row in table]


def reclassify(values, table, factor):
    """Scores of ``values`` (float grid, NaN = nodata) by ``table``; NaN stays NaN.

    Raises EngineError naming the factor and a value (with its cell count) that no row covers.
    """
    scores = np.full(values.shape, np.nan)
    ranges = [row for row in table if row.minimum < row.maximum]
    top = max((row.maximum for row in ranges), default=None)
    for row in table:
        if row.minimum == row.maximum:
            matched = values == row.minimum
        else:
            matched = (values >= row.minimum) & ((values < row.maximum) | ((values == top) & (row.maximum == top)))
        scores[matched] = row.score
    unmatched = ~np.isnan(values) & np.isnan(scores)
    if unmatched.any():
        example = float(values[unmatched].flat[0])
        raise EngineError(N_('Factor {factor}: {count} cells hold values no row of the reclassification table covers '
                             '(for example {value}). Add rows for them.'),
                          factor=factor, count=int(unmatched.sum()), value=example)
    return scores


def weighted_sum(scores, weights):
    """R = sum_k w_k r_k over grids of the same shape (NaN where any factor is NaN)."""
    weights = np.asarray(weights, dtype=float)
    if len(scores) != len(weights):
        raise EngineError(N_('There are {factors} factors but {weights} weights.'), factors=len(scores),
                          weights=len(weights))
    total = np.zeros(scores[0].shape)
    for score, weight in zip(scores, weights):
        total += weight * score
    return total


def class_normalised(correction, classes):
    """C(x) / mean of C over the cells of x's class (NaN where C or the class is missing).

    ``classes``: the land-cover class grid on the same grid (NaN = nodata). A class whose mean is 0 (night-time
    light 0 over the whole class) cannot be normalised: EngineError names it, rather than leaving the class
    without data."""
    normalised = np.full(correction.shape, np.nan)
    valid = ~np.isnan(correction) & ~np.isnan(classes)
    for value in np.unique(classes[valid]):
        cells = valid & (classes == value)
        mean = correction[cells].mean()
        if mean == 0:
            raise EngineError(N_('The correction raster averages 0 over the cells of class {value:g}, so it cannot be '
                                 'divided by its class mean (0 / 0) and the class would lose its resistance. Use a '
                                 'correction raster above 0 in every class (night-time light + 1, for example).'),
                              value=float(value))
        normalised[cells] = correction[cells] / mean
    return normalised


def nonpositive_corrections(correction, surface):
    """The number of cells with data in ``surface`` whose ``correction`` is 0 or less: the correction made their
    resistance 0 or less, which the cost tools read as a barrier."""
    with np.errstate(invalid='ignore'):
        return int(np.count_nonzero(~np.isnan(surface) & (np.asarray(correction) <= 0)))


def resistance_surface(factors, tables, weights, correction=None, classes=None, types=None):
    """The weighted resistance surface of ``factors`` (grids on one grid) by their ``tables``, optionally
    multiplied by the class-normalised ``correction`` (``classes``: land-cover grid). ``types``: the numpy type
    each factor's cells had in its raster (table_in_type), when the grids were read as float64.

    >>> slope = np.array([[2.0, 12.0], [30.0, np.nan]])
    >>> tables = reclass_tables([(1, 0, 10, 1), (1, 10, 25, 5), (1, 25, 90, 10)], 1)
    >>> resistance_surface([slope], tables, [1.0]).tolist()
    [[1.0, 5.0], [10.0, nan]]
    """
    if len(factors) != len(tables):
        raise EngineError(N_('There are {factors} factors but {tables} reclassification tables.'),
                          factors=len(factors), tables=len(tables))
    if types is not None:
        tables = [table_in_type(table, dtype) for table, dtype in zip(tables, types)]
    scores = [reclassify(values, table, factor) for factor, (values, table) in enumerate(zip(factors, tables), 1)]
    surface = weighted_sum(scores, weights)
    if correction is not None:
        surface = surface * class_normalised(correction, classes)
    return surface
