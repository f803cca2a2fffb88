"""MSPA: the algorithm against the JRC's own MSPA (shared/reference/mspa) on every shared map and parameter set,
the hand-made shapes of the reference's README, statistics and core patches, bad input, styling, batch use."""

import glob
import math
import os

import numpy as np
import processing
import pytest
from osgeo import gdal
from qgis.core import (
    NULL,
    QgsCoordinateReferenceSystem,
    QgsDistanceArea,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsRasterLayer,
    QgsVectorLayer,
)
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import ndimage

from reserve_planner.processing.algorithms import mspa as algorithm
from reserve_planner.processing.engine import mspa
from reserve_planner.processing.engine.messages import EngineError
from support import RecordingFeedback, geotiff, run

CELL = 30.0
CELL_HA = CELL * CELL / 1e4


def reference_cases(shared_dir):
    """(input path, expected path, edge width, connectivity, transition, internal) of every reference output."""
    folder = os.path.join(shared_dir, 'reference', 'mspa')
    cases = []
    for expected in sorted(glob.glob(os.path.join(folder, 'expected', '*.tif'))):
        name, parameters = os.path.basename(expected)[:-4].rsplit('_ew', 1)
        edge_width, connectivity, transition, internal = parameters.split('_')
        cases.append((os.path.join(folder, 'inputs', name + '.tif'), expected, int(edge_width),
                      int(connectivity[1:]), transition == 't1', internal == 'i1'))
    return cases


def read_codes(path):
    return gdal.Open(str(path)).ReadAsArray()


def gtb_map(foreground):
    """GuidosToolbox's input map: 2 on ``foreground``, 1 elsewhere."""
    return np.where(foreground, mspa.FOREGROUND, mspa.BACKGROUND).astype(np.uint8)


def classes_of(shape_map, **options):
    return mspa.mspa(gtb_map(shape_map), **options)


# ---------------------------------------------------------------- the JRC's MSPA on the shared maps

def test_every_shared_reference_map_is_checked(shared_dir):
    cases = reference_cases(shared_dir)
    assert len(cases) >= 12
    assert {(case[2], case[3], case[4], case[5]) for case in cases} == {
        (1, 8, True, True), (2, 8, True, True), (3, 4, False, False)}


def test_equals_the_jrc_mspa_cell_for_cell_on_every_shared_map(qgis_app, shared_dir, tmp_path):
    """Through processing.run, as a user runs it: GuidosToolbox's convention 0 missing, 1 background,
    2 foreground."""
    mismatches = {}
    for index, (source, expected, edge_width, connectivity, transition, internal) in enumerate(
            reference_cases(shared_dir)):
        output = str(tmp_path / 'mspa_{}.tif'.format(index))
        run('mspa', INPUT=source, FOREGROUND='2', MISSING='0', EDGE_WIDTH=edge_width,
            CONNECTIVITY=(8, 4).index(connectivity), TRANSITION=transition, INTERNAL=internal, OUTPUT=output,
            OUTPUT_STATS='TEMPORARY_OUTPUT')
        got, wanted = read_codes(output), read_codes(expected)
        assert got.shape == wanted.shape
        if (got != wanted).any():
            mismatches[os.path.basename(expected)] = int((got != wanted).sum())
    assert mismatches == {}


def test_output_is_on_the_input_grid_as_byte(qgis_app, shared_dir, tmp_path):
    source = reference_cases(shared_dir)[0][0]
    output = str(tmp_path / 'classes.tif')
    run('mspa', INPUT=source, FOREGROUND='2', MISSING='0', OUTPUT=output, OUTPUT_STATS='TEMPORARY_OUTPUT')
    written, given = gdal.Open(output), gdal.Open(source)
    assert written.GetRasterBand(1).DataType == gdal.GDT_Byte
    assert written.GetRasterBand(1).GetNoDataValue() is None
    assert written.GetGeoTransform() == given.GetGeoTransform()
    assert written.GetProjection() == given.GetProjection()


def test_transition_changes_only_the_colours_not_the_codes(shared_dir):
    source, _, edge_width, connectivity, _, internal = reference_cases(shared_dir)[0]
    binary = read_codes(source)
    codes = mspa.mspa(binary, edge_width, connectivity, internal)
    assert {35, 67} & set(np.unique(codes).tolist())
    assert algorithm.code_colour(35, True) == '#ff0000' and algorithm.code_colour(67, True) == '#ffff00'
    assert algorithm.code_colour(35, False) == '#000000' and algorithm.code_colour(37, False) == '#0000ff'
    assert algorithm.code_colour(169, False) == '#0000ff'


# ---------------------------------------------------------------- hand-made shapes (reference README)

def test_a_30_cell_square_has_a_28_cell_core_and_a_one_cell_edge():
    shape = np.zeros((50, 50), bool)
    shape[10:40, 10:40] = True
    codes = classes_of(shape)
    assert (codes == 17).sum() == 28 * 28
    assert (codes[11:39, 11:39] == 17).all()
    assert (codes == 3).sum() == 30 * 30 - 28 * 28
    assert set(np.unique(codes).tolist()) == {0, 3, 17}


def test_a_single_cell_is_an_islet():
    shape = np.zeros((9, 9), bool)
    shape[4, 4] = True
    codes = classes_of(shape)
    assert codes[4, 4] == 9 and (codes == 9).sum() == 1


def test_two_squares_joined_by_a_line_give_a_bridge_crossing_each_edge():
    shape = np.zeros((30, 60), bool)
    shape[5:25, 5:25] = shape[5:25, 35:55] = True
    shape[15, 25:35] = True
    codes = classes_of(shape)
    assert (codes[15, 25:35] == 33).all()
    assert codes[15, 24] == 35 and codes[15, 35] == 35
    assert (codes[shape & (codes != 17)] != 65).all()


def test_a_square_with_a_hole_gives_perforation_around_it():
    shape = np.zeros((40, 40), bool)
    shape[5:35, 5:35] = True
    shape[15:25, 15:25] = False
    ring = np.zeros(shape.shape, bool)
    ring[14:26, 14:26] = True
    ring[15:25, 15:25] = False
    internal = classes_of(shape, internal=True)
    assert (internal[15:25, 15:25] == 100).all() and (internal[ring] == 105).all()
    plain = classes_of(shape, internal=False)
    assert (plain[15:25, 15:25] == 0).all() and (plain[ring] == 5).all()


def test_a_dangling_line_is_a_branch():
    shape = np.zeros((30, 40), bool)
    shape[5:25, 5:25] = True
    shape[15, 25:33] = True
    codes = classes_of(shape)
    assert (codes[15, 25:33] == 1).all()


def test_a_loop_joins_a_core_to_itself():
    shape = np.zeros((40, 40), bool)
    shape[5:20, 5:35] = True
    shape[20:32, 8] = shape[20:32, 30] = True
    shape[32, 8:31] = True
    codes = classes_of(shape)
    assert (codes[32, 10:29] == 65).all()


def test_connector_width_is_measured_as_the_reference_queue_measures_it():
    """Edge width 6 on a blob with a dangling cell below ('.' missing, '#' background, 'o' foreground). The
    expected codes are the JRC implementation's output on this map (miallib mspa.c 2.3, segmentBinaryPatterns),
    and they follow from its rule: the single core cell (6, 8) is joined to itself by a skeleton ring through the
    blob, whose cells are loop; the loop is that ring widened by edge width + 0.98 - sqrt 2 = 5.57 cells, measured
    by the reference's constrained Euclidean distance (Soille's ced: a queue processed in passes, where a cell
    takes its distance from the neighbours already holding one, including those given one earlier in the same
    pass). Cells (9, 6) and (10, 7) are 5.40 = sqrt 10 + sqrt 5 from the ring that way, so they are loop inside
    the edge (67). The reference sums the lengths in double precision but keeps each distance, and the pass's
    smallest one, in single precision, so a cell whose double-precision distance exceeds that rounded smallest
    one waits a pass (2 sqrt 2 does); we compared in double precision, measured them farther than 5.57 and left
    them plain edge (3)."""
    rows = ['#####ooooooo#..#',
            '####oooooooooo#.',
            '###ooooooooooooo',
            '##oooooooooooooo',
            '##oooooooooooooo',
            '#ooooooooooooooo',
            '##oooooooooooooo',
            '##oooooooooooooo',
            '##ooooooooooooo#',
            '##oooooooooooooo',
            '###ooooooooooo##',
            '####ooooooooo###',
            '#####ooooooo####',
            '#########o######']
    binary = np.array([['.#o'.index(cell) for cell in row] for row in rows], np.uint8)
    expected = np.array([
        [0, 0, 0, 0, 0, 3, 67, 67, 67, 67, 67, 67, 0, 129, 129, 0],
        [0, 0, 0, 0, 3, 67, 67, 67, 67, 67, 67, 67, 67, 65, 0, 129],
        [0, 0, 0, 3, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 65, 65],
        [0, 0, 3, 3, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 65],
        [0, 0, 3, 3, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 65],
        [0, 1, 3, 3, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 65],
        [0, 0, 3, 3, 67, 67, 67, 67, 17, 67, 67, 67, 67, 67, 67, 65],
        [0, 0, 3, 3, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 65],
        [0, 0, 3, 3, 3, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 0],
        [0, 0, 3, 3, 3, 3, 67, 67, 67, 67, 67, 67, 67, 67, 67, 65],
        [0, 0, 0, 3, 3, 3, 3, 67, 67, 67, 67, 67, 67, 67, 0, 0],
        [0, 0, 0, 0, 3, 3, 3, 3, 3, 67, 67, 67, 67, 0, 0, 0],
        [0, 0, 0, 0, 0, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0, 0],
        [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]])
    codes = mspa.mspa(binary, edge_width=6, connectivity=8, internal=False)
    assert codes[9, 6] == 67 and codes[10, 7] == 67
    assert (codes == expected).all(), np.argwhere(codes != expected).tolist()


def test_connector_cells_see_neighbours_measured_earlier_in_the_same_pass():
    """Edge width 9 on a patch cut by the left border, with a thin ring hanging below ('#' background, 'o'
    foreground), internal on. The expected codes are the JRC implementation's output on this map (miallib mspa.c
    2.3) and follow from its rule: the loop through the patch is widened by 9 + 0.98 - sqrt 2 = 8.57 cells,
    measured by the reference's queue, in which a cell takes its distance also from the neighbours given one
    earlier in the same pass. Cell (3, 0) is sqrt 74 = 8.60 from the loop's skeleton that way, so it stays edge
    (3). When a cell saw only the neighbours measured in earlier passes, it came out 1 + sqrt 57 = 8.55 and
    became loop in the edge (67)."""
    rows = ['####################',
            'ooooooo#############',
            'oooooooo############',
            'oooooooooo##########',
            'oooooooooo##########',
            'ooooooooooo#########',
            'oooooooooooo########',
            'oooooooooooo########',
            'ooooooooooooo#######',
            'oooooooooooooo######',
            'ooooooooooooooo#####',
            'oooooooooooooo######',
            'ooooooooooooo#######',
            'oooooooooooo########',
            'ooooooooooooooooo###',
            'ooooooooooo######o##',
            'oooooooooo########o#',
            'oooooooooo#########o',
            'oooooooo###########o',
            'ooooooo###########o#',
            '##ooo#o##########o##',
            '####o##o########o###',
            '########oooooooo####']
    binary = np.array([['.#o'.index(cell) for cell in row] for row in rows], np.uint8)
    loop_in_edge = [67] * 12
    expected = np.array([
        [0] * 20,
        [3] * 7 + [0] * 13,
        [3, 3] + [67] * 6 + [0] * 12,
        [3] + [67] * 9 + [0] * 10,
        [67] * 10 + [0] * 10,
        [67] * 11 + [0] * 9,
        loop_in_edge + [0] * 8,
        loop_in_edge + [0] * 8,
        loop_in_edge + [65] + [0] * 7,
        loop_in_edge + [65, 65] + [0] * 6,
        [17, 17, 17] + [67] * 9 + [65, 65, 65] + [0] * 5,
        loop_in_edge + [65, 65] + [0] * 6,
        loop_in_edge + [65] + [0] * 7,
        loop_in_edge + [0] * 8,
        loop_in_edge + [65] * 5 + [0] * 3,
        [67] * 11 + [220] * 6 + [65, 0, 0],
        [67] * 10 + [220] * 8 + [65, 0],
        [67] * 10 + [220] * 9 + [65],
        [67] * 8 + [220] * 11 + [65],
        [67] * 7 + [220] * 11 + [65, 0],
        [0, 0, 65, 65, 65, 0, 65] + [220] * 10 + [65, 0, 0],
        [0, 0, 0, 0, 65, 0, 0, 65] + [220] * 8 + [65, 0, 0, 0],
        [0] * 8 + [65] * 8 + [0] * 4])
    codes = mspa.mspa(binary, edge_width=9, connectivity=8, internal=True)
    assert codes[3, 0] == 3
    assert (codes == expected).all(), np.argwhere(codes != expected).tolist()


def sequential_geodesic_distance(reference, mask):
    """The reference's constrained Euclidean distance done one cell at a time, as its queue does (the slow,
    literal reading of the rule that mspa.GeodesicDistance evaluates a pass at a time): returns float32 distances
    on the map, 0 where none."""
    reference, mask = np.pad(reference, 1), np.pad(mask, 1).astype(np.uint8)
    width = mask.shape[1]
    state, reference = mask.ravel().copy(), reference.ravel()
    shifts = [-width, -1, width, 1]
    steps = [(1, 0), (0, 1), (-1, 0), (0, -1)]
    vector = {}
    base = {}
    queue = []
    for cell in np.flatnonzero(reference & (state > 0)):
        state[cell] = 3
        vector[cell], base[cell] = (0, 0), np.float32(0)
    for cell in np.flatnonzero(state == 3):
        for shift in shifts:
            if state[cell + shift] == 1:
                state[cell + shift] = 2
                queue.append(cell + shift)

    def sight(start, rows, columns):
        inside = mspa.line_inside(state > 0, width, np.array([start]), np.array([rows]), np.array([columns]))
        return bool(inside[0])

    while queue:
        smallest = np.float32(np.inf)
        for cell in queue:
            if cell in vector:
                continue
            best = np.float32(np.inf)
            for shift, (row_step, column_step) in zip(shifts, steps):
                neighbour = cell + shift
                if neighbour not in vector:
                    continue
                row, column = vector[neighbour]
                start = neighbour - row * width - column
                if sight(start, row + row_step, column + column_step):
                    candidate = np.float32(math.hypot(row + row_step, column + column_step) + float(base[neighbour]))
                    choice = (row + row_step, column + column_step), base[neighbour]
                else:
                    candidate = np.float32(math.hypot(row, column) + float(base[neighbour]) + 1)
                    choice = (row_step, column_step), candidate - np.float32(1)
                if candidate < best:
                    best, (vector[cell], base[cell]) = candidate, choice
            smallest = min(smallest, best)
        following = []
        for cell in queue:
            if math.hypot(*vector[cell]) + float(base[cell]) > float(smallest):
                following.append(cell)
                continue
            for shift in shifts:
                if state[cell + shift] == 1:
                    state[cell + shift] = 2
                    following.append(cell + shift)
        queue = following
    distance = np.zeros(state.shape, np.float32)
    for cell, (row, column) in vector.items():
        distance[cell] = base[cell] + np.float32(math.hypot(row, column))
    return distance.reshape(mask.shape)[1:-1, 1:-1]


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 2 ** 32 - 1), rows=st.integers(2, 30), cols=st.integers(2, 30))
def test_geodesic_distance_equals_the_one_cell_at_a_time_queue(seed, rows, cols):
    """A pass's cells are evaluated together, repeatedly, until nothing changes: that must be what the queue
    gives one cell at a time, where a cell also sees the neighbours given a distance earlier in the same pass."""
    rng = np.random.default_rng(seed)
    mask = ndimage.gaussian_filter(rng.random((rows, cols)), 1.0) < 0.55
    reference = mask & (rng.random((rows, cols)) < 0.04)
    distance = mspa.GeodesicDistance(np.pad(reference, 1).ravel(), np.pad(mask, 1).ravel(), cols + 2).run()
    assert (distance.reshape(rows + 2, cols + 2)[1:-1, 1:-1] == sequential_geodesic_distance(reference, mask)).all()


def test_four_connectivity_splits_a_diagonal_joint():
    shape = np.zeros((30, 30), bool)
    shape[2:12, 2:12] = shape[12:22, 12:22] = True
    eight, four = classes_of(shape, connectivity=8), classes_of(shape, connectivity=4)
    assert ndimage.label(eight == 17, np.ones((3, 3)))[1] == 2
    assert (four[mspa.binary_map(shape, [True]) == 2] != 0).all()


def test_edge_width_widens_edges_and_shrinks_cores():
    shape = np.zeros((60, 60), bool)
    shape[10:50, 10:50] = True
    for width in (1, 2, 3, 5):
        codes = classes_of(shape, edge_width=width)
        assert (codes == 17).sum() == (40 - 2 * width) ** 2


def test_missing_cells_near_foreground_draw_no_edge():
    binary = np.full((30, 30), mspa.BACKGROUND, np.uint8)
    binary[5:25, 5:25] = mspa.FOREGROUND
    binary[5:25, 15:25] = mspa.MISSING
    codes = mspa.mspa(binary)
    assert (codes[6:24, 13:15] == 17).all()
    assert (codes[5:25, 15:25] == 129).all()


def test_the_output_is_deterministic(shared_dir):
    binary = read_codes(reference_cases(shared_dir)[3][0])
    assert (mspa.mspa(binary, 2) == mspa.mspa(binary, 2)).all()


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 2 ** 32 - 1), rows=st.integers(1, 60), cols=st.integers(1, 60),
       edge_width=st.integers(1, 4), connectivity=st.sampled_from([8, 4]), internal=st.booleans())
def test_classes_keep_foreground_background_and_missing_apart(seed, rows, cols, edge_width, connectivity, internal):
    """Any map: foreground cells get a foreground class, background a background code, missing 129; core is
    exactly the foreground farther than edge width + 0.98 cells from background (missing cells near foreground
    count as foreground, the map's edge is not background; near the map's corners the reference's frame is
    background, so cells there are left out)."""
    rng = np.random.default_rng(seed)
    noise = ndimage.gaussian_filter(rng.random((rows, cols)), 1.5)
    binary = np.where(noise < np.median(noise), mspa.FOREGROUND, mspa.BACKGROUND).astype(np.uint8)
    binary[rng.random((rows, cols)) < 0.05] = mspa.MISSING
    if not (binary == mspa.FOREGROUND).any():
        binary[0, 0] = mspa.FOREGROUND
    codes = mspa.mspa(binary, edge_width, connectivity, internal)
    assert (codes[binary == mspa.MISSING] == 129).all()
    assert not np.isin(codes[binary == mspa.FOREGROUND], [0, 100, 129, 220]).any()
    assert np.isin(codes[binary == mspa.BACKGROUND], [0, 100, 220]).all()
    foreground = binary == mspa.FOREGROUND
    distance = np.full(binary.shape, np.inf)
    if (binary == mspa.BACKGROUND).any():
        distance = ndimage.distance_transform_edt(binary != mspa.BACKGROUND)
    far_from_foreground = ndimage.distance_transform_edt(~foreground) > edge_width + 0.98
    background_like = (binary == mspa.BACKGROUND) | ((binary == mspa.MISSING) & far_from_foreground)
    if background_like.any():
        distance = ndimage.distance_transform_edt(~background_like)
    core = (codes == 17) | (codes == 117)
    row, col = np.indices(binary.shape)
    away_from_corners = np.ones(binary.shape, bool)
    for corner_row, corner_col in ((-1, -1), (-1, cols), (rows, -1), (rows, cols)):
        away_from_corners &= np.hypot(row - corner_row, col - corner_col) > edge_width + 0.98
    rule = foreground & (distance > edge_width + 0.98)
    assert (core == rule)[away_from_corners].all()


# ---------------------------------------------------------------- statistics and core patches

def run_with_tables(source, tmp_path, feedback=None, **parameters):
    parameters.setdefault('FOREGROUND', '2')
    parameters.setdefault('MISSING', '0')
    result = run('mspa', feedback=feedback, INPUT=source, OUTPUT=str(tmp_path / 'classes.tif'),
                 OUTPUT_STATS='TEMPORARY_OUTPUT', OUTPUT_CORES='TEMPORARY_OUTPUT', **parameters)
    return result, read_codes(result['OUTPUT'])


def test_statistics_count_the_cells_of_each_class(qgis_app, shared_dir, tmp_path):
    result, codes = run_with_tables(reference_cases(shared_dir)[6][0], tmp_path)
    rows = {feature['code']: feature for feature in result['OUTPUT_STATS'].getFeatures()}
    assert set(rows) == {17, 9, 5, 3, 65, 33, 1, 0, 129}
    base = np.where((codes >= 100) & (codes < 220), codes - 100, np.where(codes == 220, 0, codes))
    expected = {17: base == 17, 9: base == 9, 5: base == 5, 3: base == 3, 65: (base & 64) > 0,
                33: (base & 96) == 32, 1: base == 1, 0: base == 0, 129: codes == 129}
    foreground = sum(int(mask.sum()) for code, mask in expected.items() if code not in (0, 129))
    for code, mask in expected.items():
        assert rows[code]['cells'] == mask.sum()
        assert rows[code]['area_ha'] == pytest.approx(mask.sum() * CELL_HA)
        if code in (0, 129):
            assert rows[code].attribute('share_pct') in (None, NULL)
        else:
            assert rows[code]['share_pct'] == pytest.approx(100.0 * mask.sum() / foreground)
    assert sum(row['cells'] for row in rows.values()) == codes.size
    assert rows[17]['class'] == 'Core'


def test_core_patches_one_polygon_per_core(qgis_app, shared_dir, tmp_path):
    result, codes = run_with_tables(reference_cases(shared_dir)[0][0], tmp_path)
    labels, count = ndimage.label((codes == 17) | (codes == 117), np.ones((3, 3)))
    patches = list(result['OUTPUT_CORES'].getFeatures())
    assert len(patches) == count
    assert sorted(feature['patch_id'] for feature in patches) == list(range(1, count + 1))
    sizes = np.bincount(labels.ravel())[1:]
    assert sorted(feature['cells'] for feature in patches) == sorted(sizes.tolist())
    for feature in patches:
        assert feature['area_ha'] == pytest.approx(feature['cells'] * CELL_HA)
        assert feature.geometry().area() / 1e4 == pytest.approx(feature['area_ha'])


def test_geographic_raster_areas_are_true_cell_areas(qgis_app, tmp_path):
    values = np.ones((40, 40))
    values[5:35, 5:35] = 2
    source = geotiff(tmp_path / 'geographic.tif', values, 0.01, epsg=4326, x0=110.0, y0=40.0)
    feedback = RecordingFeedback()
    result, codes = run_with_tables(source, tmp_path, MISSING='', feedback=feedback)
    assert any('geographic coordinates' in line and 'counts cells' in line for line in feedback.lines)
    measure = QgsDistanceArea()
    measure.setSourceCrs(QgsCoordinateReferenceSystem('EPSG:4326'), QgsProject.instance().transformContext())
    measure.setEllipsoid('EPSG:7030')
    expected = 0.0
    for row, col in zip(*np.nonzero(codes == 17)):
        x, y = 110.0 + col * 0.01, 40.0 - row * 0.01
        cell = QgsGeometry.fromPolygonXY([[QgsPointXY(x, y), QgsPointXY(x + 0.01, y),
                                           QgsPointXY(x + 0.01, y - 0.01), QgsPointXY(x, y - 0.01)]])
        expected += measure.measureArea(cell) / 1e4
    core = next(row for row in result['OUTPUT_STATS'].getFeatures() if row['code'] == 17)
    assert core['area_ha'] == pytest.approx(expected, rel=1e-4)
    assert 0.01 * 111.0 * 0.01 * 111.0 * math.cos(math.radians(40)) * 100 * 0.95 < core['area_ha'] / core['cells']


# ---------------------------------------------------------------- bad input

def run_expecting_error(source, tmp_path, **parameters):
    with pytest.raises(QgsProcessingException) as error:
        run('mspa', INPUT=source, OUTPUT=str(tmp_path / 'out.tif'), OUTPUT_STATS='TEMPORARY_OUTPUT', **parameters)
    assert not os.path.exists(tmp_path / 'out.tif')
    return str(error.value)


def test_an_all_background_map_is_refused_with_its_values(qgis_app, tmp_path):
    source = geotiff(tmp_path / 'background.tif', np.ones((20, 20)), CELL)
    message = run_expecting_error(source, tmp_path, FOREGROUND='2')
    assert 'None of the foreground values 2' in message and 'background.tif' in message and 'are 1' in message


def test_foreground_values_absent_from_the_raster_are_refused(qgis_app, tmp_path):
    values = np.ones((20, 20))
    values[5:15, 5:15] = 3
    source = geotiff(tmp_path / 'landcover.tif', values, CELL)
    message = run_expecting_error(source, tmp_path, FOREGROUND='7, 8')
    assert '7, 8' in message and '1, 3' in message


def test_values_given_that_are_not_in_the_raster_are_warned_about(qgis_app, tmp_path):
    values = np.ones((20, 20))
    values[5:15, 5:15] = 3
    source = geotiff(tmp_path / 'landcover.tif', values, CELL)
    feedback = RecordingFeedback()
    result = run('mspa', feedback=feedback, INPUT=source, FOREGROUND='3,4', MISSING='9',
                 OUTPUT=str(tmp_path / 'out.tif'), OUTPUT_STATS='TEMPORARY_OUTPUT')
    assert (read_codes(result['OUTPUT'])[7:13, 7:13] == 17).all()
    assert any('foreground values 4 do not occur' in line for line in feedback.lines)
    assert any('missing values 9 do not occur' in line for line in feedback.lines)


def square_on_nodata_zero(tmp_path):
    """A Byte map of 0 (the raster's nodata value, as GDAL tools often leave it) with a 10-cell square of 2."""
    values = np.zeros((20, 20))
    values[5:15, 5:15] = 2
    return geotiff(tmp_path / 'forest.tif', values, CELL, nodata=0, data_type=gdal.GDT_Byte)


def test_a_map_whose_non_habitat_is_nodata_is_warned_about(qgis_app, tmp_path):
    """Every 0 cell is nodata, so missing: the square came out all core, without an edge, and nothing said why."""
    feedback = RecordingFeedback()
    result = run('mspa', feedback=feedback, INPUT=square_on_nodata_zero(tmp_path), FOREGROUND='2',
                 OUTPUT=str(tmp_path / 'out.tif'), OUTPUT_STATS='TEMPORARY_OUTPUT')
    assert (read_codes(result['OUTPUT'])[5:15, 5:15] == 17).all()
    assert any('forest.tif has no background cell' in line and 'unset the nodata value' in line
               for line in feedback.lines), feedback.lines


def test_a_foreground_value_that_is_the_nodata_value_is_said_to_be_nodata(qgis_app, tmp_path):
    """Foreground 0 on a raster whose nodata is 0 was said not to occur in the raster, which shows 0 everywhere."""
    feedback = RecordingFeedback()
    run('mspa', feedback=feedback, INPUT=square_on_nodata_zero(tmp_path), FOREGROUND='0,2',
        OUTPUT=str(tmp_path / 'classes.tif'), OUTPUT_STATS='TEMPORARY_OUTPUT')
    assert any('foreground values 0 are the nodata value of the raster forest.tif' in line for line in feedback.lines)
    assert not any('do not occur' in line for line in feedback.lines), feedback.lines
    message = run_expecting_error(square_on_nodata_zero(tmp_path), tmp_path, FOREGROUND='0')
    assert 'foreground values 0 are the nodata value of the raster forest.tif' in message, message


def test_a_missing_value_that_is_the_nodata_value_is_not_warned_about(qgis_app, tmp_path):
    feedback = RecordingFeedback()
    run('mspa', feedback=feedback, INPUT=square_on_nodata_zero(tmp_path), FOREGROUND='2', MISSING='0',
        OUTPUT=str(tmp_path / 'out.tif'), OUTPUT_STATS='TEMPORARY_OUTPUT')
    assert not any('do not occur' in line for line in feedback.lines), feedback.lines


def test_fractional_classes_of_a_float32_raster_are_found(qgis_app, tmp_path):
    """FOREGROUND 0.1 on a Float32 raster of 0.1 and 0.2 was refused: "None of the foreground values 0.1 occurs
    ... Its values are 0.1, 0.2" (0.1 in float32 is not the double 0.1). Values are compared in the raster's type."""
    values = np.full((20, 20), 0.2)
    values[5:15, 5:15] = 0.1
    source = geotiff(tmp_path / 'cover.tif', values, CELL, data_type=gdal.GDT_Float32)
    result = run('mspa', INPUT=source, FOREGROUND='0.1', MISSING='0.3', OUTPUT=str(tmp_path / 'out.tif'),
                 OUTPUT_STATS='TEMPORARY_OUTPUT')
    codes = read_codes(result['OUTPUT'])
    assert (codes[7:13, 7:13] == 17).all() and (codes[0, :] == 0).all()


def test_a_raster_without_data_is_refused(qgis_app, tmp_path):
    source = geotiff(tmp_path / 'empty.tif', np.full((10, 10), np.nan), CELL)
    assert 'no cell with data' in run_expecting_error(source, tmp_path, FOREGROUND='1')


@pytest.mark.parametrize('foreground, missing, words', [
    ('forest', '', '"forest" is not a number'),
    (' , ', '', 'at least one foreground value'),
    ('1,2', '2', 'both as foreground and as missing'),
    ('nan', '', 'not a finite number'),
])
def test_unusable_values_are_refused_naming_the_parameter(qgis_app, tmp_path, foreground, missing, words):
    source = geotiff(tmp_path / 'landcover.tif', np.ones((10, 10)), CELL)
    assert words in run_expecting_error(source, tmp_path, FOREGROUND=foreground, MISSING=missing)


def test_nodata_is_missing_and_the_input_is_not_modified(qgis_app, tmp_path):
    values = np.ones((30, 30))
    values[5:25, 5:25] = 2
    values[0:3, :] = np.nan
    source = geotiff(tmp_path / 'landcover.tif', values, CELL)
    before = open(source, 'rb').read()
    result = run('mspa', INPUT=source, FOREGROUND='2', OUTPUT=str(tmp_path / 'out.tif'),
                 OUTPUT_STATS='TEMPORARY_OUTPUT')
    assert (read_codes(result['OUTPUT'])[0:3] == 129).all()
    assert open(source, 'rb').read() == before


def test_a_cancelled_run_writes_nothing(qgis_app, shared_dir, tmp_path):
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    with pytest.raises(QgsProcessingException, match='cancelled'):
        run('mspa', feedback=feedback, INPUT=reference_cases(shared_dir)[0][0], FOREGROUND='2',
            OUTPUT=str(tmp_path / 'out.tif'), OUTPUT_STATS='TEMPORARY_OUTPUT')
    assert not os.path.exists(tmp_path / 'out.tif')


def test_engine_refuses_a_map_without_foreground_and_a_zero_edge_width():
    with pytest.raises(EngineError, match='no foreground cell'):
        mspa.mspa(np.ones((5, 5), np.uint8))
    with pytest.raises(EngineError, match='at least 1 cell'):
        mspa.mspa(np.full((5, 5), 2, np.uint8), edge_width=0)


# ---------------------------------------------------------------- style and batch use

def test_the_output_loads_with_guidostoolbox_colours(qgis_app, shared_dir, tmp_path):
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    output = str(tmp_path / 'styled.tif')
    parameters = {'INPUT': reference_cases(shared_dir)[0][0], 'FOREGROUND': '2', 'MISSING': '0',
                  'TRANSITION': False, 'OUTPUT': output, 'OUTPUT_STATS': 'TEMPORARY_OUTPUT'}
    processing.runAndLoadResults('reserveplanner:mspa', parameters, context=context)
    layer = next(layer for layer in QgsProject.instance().mapLayers().values()
                 if isinstance(layer, QgsRasterLayer) and layer.source() == output)
    colours = {item.value: item.color.name() for item in layer.renderer().classes()}
    labels = {item.value: item.label for item in layer.renderer().classes()}
    assert set(colours) == set(np.unique(read_codes(output)).tolist())
    assert colours[17] == '#00c800' and colours[33] == '#ff0000' and colours[35] == '#000000'
    assert labels[17] == 'Core' and labels[220] == 'Enclosed background' and labels[35] == 'Bridge (in edge)'
    QgsProject.instance().removeAllMapLayers()


def test_the_shipped_qml_has_the_palette_of_the_code(qgis_app, shared_dir, tmp_path):
    style = os.path.join(os.path.dirname(os.path.dirname(__file__)), 'resources', 'styles', 'mspa.qml')
    layer = QgsRasterLayer(reference_cases(shared_dir)[0][1], 'mspa')
    message, loaded = layer.loadNamedStyle(style)
    assert loaded, message
    colours = {item.value: item.color.name() for item in layer.renderer().classes()}
    assert colours == {code: algorithm.code_colour(code, True) for code in algorithm.PALETTE_CODES}


def test_mspa_through_qgis_process(qgis_process, shared_dir, tmp_path):
    source, expected, edge_width, connectivity, transition, internal = reference_cases(shared_dir)[1]
    output = str(tmp_path / 'batch.tif')
    table = str(tmp_path / 'statistics.csv')
    cores = str(tmp_path / 'cores.gpkg')
    returncode, result, log = qgis_process('mspa', INPUT=source, FOREGROUND='2', MISSING='0', EDGE_WIDTH=edge_width,
                                           CONNECTIVITY=0, OUTPUT=output, OUTPUT_STATS=table, OUTPUT_CORES=cores)
    assert returncode == 0, log
    assert (read_codes(output) == read_codes(expected)).all()
    assert QgsVectorLayer(cores, 'cores', 'ogr').featureCount() > 0
    assert QgsVectorLayer(table, 'stats', 'ogr').featureCount() == 9


def habitat_round_the_globe(path, west, east):
    """A land-cover raster in EPSG:4326 of one-degree cells from -180 to 180 (10 N to 10 S), habitat (2) in rows 5 to
    14 between the longitudes ``west`` and ``east`` (across 180 degrees when ``west`` > ``east``), else 1."""
    centres = np.arange(360) - 179.5
    inside = ((centres > west) | (centres < east)) if west > east else ((centres > west) & (centres < east))
    values = np.ones((20, 360))
    values[5:15, inside] = 2
    return geotiff(path, values, 1.0, epsg=4326, x0=-180.0, y0=10.0)


def test_habitat_across_180_on_a_raster_round_the_globe_is_named_in_a_warning(qgis_app, tmp_path):
    """MSPA reads a raster on its own grid, whose first and last columns are the two ends of the map: on a raster in
    degrees from -180 to 180, a patch from 178 E to 178 W came out as two core patches where the same patch at 10 E
    is one, and a corridor across 180 degrees would lose its bridge. The run warns, naming the raster and how to
    analyse it whole; habitat away from 180 degrees gives no warning."""
    counts = {}
    for west, east in ((178, -178), (8, 12)):
        feedback = RecordingFeedback()
        cover = habitat_round_the_globe(tmp_path / 'cover_{}.tif'.format(west), west, east)
        results = run('mspa', feedback=feedback, INPUT=cover, FOREGROUND='2',
                      OUTPUT=str(tmp_path / 'mspa_{}.tif'.format(west)), OUTPUT_STATS='TEMPORARY_OUTPUT',
                      OUTPUT_CORES='TEMPORARY_OUTPUT')
        counts[west] = results['OUTPUT_CORES'].featureCount()
        warnings = [line for line in feedback.lines if '180' in line and 'cover_' in line]
        if west == 178:
            assert len(warnings) == 1 and 'cover_178.tif' in warnings[0] and 'reproject' in warnings[0], feedback.lines
        else:
            assert not warnings, warnings
    assert counts == {178: 2, 8: 1}


def test_foreground_meeting_itself_across_the_edges_follows_the_connectivity():
    """Foreground in the first column of one row and the last column of the next touches across the edges under
    8-connectivity only; in the same row under both."""
    diagonal = np.ones((3, 5), np.uint8)
    diagonal[0, 0] = diagonal[1, -1] = mspa.FOREGROUND
    assert mspa.meets_itself_across_edges(diagonal, 8) and not mspa.meets_itself_across_edges(diagonal, 4)
    same_row = np.ones((3, 5), np.uint8)
    same_row[2, 0] = same_row[2, -1] = mspa.FOREGROUND
    assert mspa.meets_itself_across_edges(same_row, 4)
    same_row[2, -1] = mspa.MISSING
    assert not mspa.meets_itself_across_edges(same_row, 8)


@pytest.mark.parametrize('epsg, warned', [(3413, True), (3395, True), (3035, False), (6933, False)])
def test_hectares_of_a_raster_without_true_areas_are_named_in_a_warning(qgis_app, tmp_path, epsg, warned):
    """MSPA's hectares are the cells' width x height on a projected grid: true in an equal-area CRS (LAEA Europe,
    EASE-Grid 2.0), not in polar stereographic (NSIDC's EPSG:3413: 1 km cells are 0.93 km2 at 60 N, 1.06 km2 at the
    pole) or Mercator (0.4 km2 at 50 N). Such a run said nothing; it warns, naming the raster and what to do."""
    values = np.ones((10, 10))
    values[3:7, 3:7] = 2
    path = geotiff(tmp_path / 'cover.tif', values, 1000.0, epsg=epsg, x0=0.0, y0=-2000000.0)
    feedback = RecordingFeedback()
    run('mspa', feedback=feedback, INPUT=path, FOREGROUND='2', OUTPUT=str(tmp_path / 'mspa.tif'),
        OUTPUT_STATS='TEMPORARY_OUTPUT')
    warnings = [line for line in feedback.lines if 'cover.tif' in line and 'true areas' in line]
    assert len(warnings) == int(warned), feedback.lines
    if warned:
        assert 'EPSG:{}'.format(epsg) in warnings[0] and 'equal-area' in warnings[0]
