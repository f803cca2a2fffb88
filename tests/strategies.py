"""Hypothesis strategies for the engine's property tests: grids and geometries drawn cell by cell and corner by
corner, so that a failing case shrinks to a small, readable one (a seed handed to numpy would not shrink).
"""

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from shapely.geometry import box


def rectangles(corner_max, side_min, side_max, scale=1.0, integers=False):
    """Axis-aligned rectangles: lower-left corner in [0, corner_max], sides in [side_min, side_max], all times
    ``scale`` (e.g. 1000 for kilometres to metres); ``integers`` draws whole numbers before scaling."""
    number = st.integers if integers else st.floats
    return st.builds(lambda x, y, width, height: box(x * scale, y * scale, (x + width) * scale, (y + height) * scale),
                     number(0, corner_max), number(0, corner_max), number(side_min, side_max),
                     number(side_min, side_max))


def sparse_masks(shape, share_denominator=7):
    """Boolean masks of ``shape`` with about one cell in ``share_denominator`` set; shrinks toward all False."""
    return hnp.arrays(bool, shape, elements=st.integers(0, share_denominator - 1).map(
        lambda value: value == share_denominator - 1))


@st.composite
def resistance_grids(draw, shape, low, high, barriers=True, block=1):
    """A resistance array of ``shape`` with values in [low, high] and NaN (barrier) cells, drawn as squares of
    ``block`` x ``block`` equal cells: keep the drawn cells to about a hundred (hypothesis's shrinker slows down
    sharply on arrays of many hundreds of elements)."""
    coarse = (-(-shape[0] // block), -(-shape[1] // block))
    values = draw(hnp.arrays(np.float64, coarse, elements=st.floats(low, high)))
    if barriers:
        values[draw(sparse_masks(coarse))] = np.nan
    return np.kron(values, np.ones((block, block)))[:shape[0], :shape[1]]


@st.composite
def cost_cases(draw, max_rows=9, max_cols=9):
    """(resistance, sources, cell width, cell height): a grid of 2 to ``max_rows`` x 2 to ``max_cols`` cells of
    resistance 0.01 to 100 with barriers, a boolean source mask holding at least one cell (sources are never
    barriers), and cells 0.5 to 100 m wide and tall."""
    shape = (draw(st.integers(2, max_rows)), draw(st.integers(2, max_cols)))
    resistance = draw(resistance_grids(shape, 0.01, 100.0))
    sources = draw(sparse_masks(shape))
    sources.flat[draw(st.integers(0, sources.size - 1))] = True
    resistance[sources & np.isnan(resistance)] = 1.0
    return resistance, sources, draw(st.floats(0.5, 100)), draw(st.floats(0.5, 100))


@st.composite
def passable_cells(draw, resistance, min_count, max_count):
    """Distinct (row, col) cells of ``resistance`` that are not barriers (at least ``min_count`` exist or the
    draw is rejected)."""
    passable = [divmod(int(flat), resistance.shape[1]) for flat in np.flatnonzero(~np.isnan(resistance))]
    return draw(st.lists(st.sampled_from(passable), min_size=min_count, max_size=max_count, unique=True)
                if len(passable) >= min_count else st.nothing())
