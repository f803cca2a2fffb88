"""Barrier Mapper (docs/restoration.md; McRae et al. 2012): the disk minimum against a brute force, the radii, and
reserveplanner:barriers on a planted wall between two cores, where the scores must peak, worked out by hand.
"""

import math
import os
from functools import partial

import numpy as np
import pytest
from qgis.core import QgsProcessingException

from reserve_planner.processing.engine import barriers
from reserve_planner.processing.engine.messages import EngineError
from support import RecordingFeedback, geotiff, read_raster, run, wkt_layer

X0, Y0, CELL = 500000.0, 4000000.0, 10.0


def brute_disk_minimum(surface, radius, cell_width, cell_height):
    rows, cols = surface.shape
    result = np.full(surface.shape, np.inf)
    for row in range(rows):
        for col in range(cols):
            for other_row in range(rows):
                for other_col in range(cols):
                    if math.hypot((other_row - row) * cell_height, (other_col - col) * cell_width) <= radius:
                        result[row, col] = min(result[row, col], surface[other_row, other_col])
    return result


@pytest.mark.parametrize('radius, cell_width, cell_height', [(25, 10, 10), (34, 10, 20), (5, 10, 10), (61, 7, 13)])
def test_disk_minimum_equals_a_brute_force_minimum_over_the_disk(radius, cell_width, cell_height):
    rng = np.random.default_rng(radius)
    surface = rng.random((13, 17))
    surface[rng.random(surface.shape) < 0.1] = np.inf
    expected = brute_disk_minimum(surface, radius, cell_width, cell_height)
    assert np.array_equal(barriers.disk_minimum(surface, radius, cell_width, cell_height), expected)


@pytest.mark.parametrize('radius', [150.0, 1e6])
def test_a_disk_larger_than_the_grid_costs_no_more_than_the_grid(monkeypatch, radius):
    """A maximum radius typed as 1e9 m ran one minimum filter per row offset of the disk, ten million of them
    on 100 m cells: the run never ended and could not be cancelled. Offsets and half-widths beyond the grid add
    nothing, so a disk covering the grid gives each cell the grid's minimum in at most (columns) filter passes."""
    calls = []
    filter1d = barriers.ndimage.minimum_filter1d
    monkeypatch.setattr(barriers.ndimage, 'minimum_filter1d', lambda *args, **kwargs: calls.append(1) or filter1d(
        *args, **kwargs))
    rng = np.random.default_rng(3)
    surface = rng.random((13, 17))
    result = barriers.disk_minimum(surface, radius, 100.0, 100.0)
    assert np.array_equal(result, brute_disk_minimum(surface, radius, 100.0, 100.0))
    assert len(calls) <= surface.shape[1]


def test_radii_run_from_the_minimum_to_the_maximum_by_the_step():
    assert barriers.radii_between(100, 1000, 100) == [100.0 * k for k in range(1, 11)]
    assert barriers.radii_between(100, 350, 100) == [100.0, 200.0, 300.0]
    assert barriers.radii_between(50, 50, 0) == [50.0]


@pytest.mark.parametrize('minimum, maximum, step, message', [
    (0, 100, 10, 'must be positive'), (200, 100, 10, 'at least the minimum'), (100, 200, 0, 'step must be positive'),
    (float('nan'), 100, 10, 'must be numbers')])
def test_bad_radii_are_refused(minimum, maximum, step, message):
    with pytest.raises(EngineError, match=message):
        barriers.radii_between(minimum, maximum, step)


# ---------------------------------------------------------------- the planted wall

def test_scores_beyond_the_float32_range_are_kept_as_float64():
    """Cost surfaces of resistances below costdistance.UNDECLARED_NODATA can exceed Float32's 3.4e38: a link of LCD
    1e39 over three 10 m cells, CWD_A = 0, 5e38, 1e39 and CWD_B the reverse. Radius 5 m (each cell alone)
    improves nothing, radius 10 m (a cell and its neighbours) gains LCD - (0 + 5e38 + 20) = 5e38 at the ends and
    LCD - 20 in the middle: the float32 maps held inf there. The maps are float64 then, with these values."""
    cwd = {0: np.array([[0.0, 5e38, 1e39]]), 1: np.array([[1e39, 5e38, 0.0]])}
    maps = barriers.barrier_maps(cwd.get, [(0, 1, 1e39)], (10.0, 10.0), [5.0, 10.0])
    assert maps.by_radius[0].dtype == np.float32 and not maps.by_radius[0].any()
    expected = [5e38 - 20, 1e39 - 20, 5e38 - 20]
    for grid in (maps.by_radius[1], maps.maximum):
        assert grid.dtype == np.float64
        np.testing.assert_allclose(grid[0], expected, rtol=1e-12)


def rectangle(cols, rows=(0, 20)):
    return 'POLYGON(({0} {1}, {2} {1}, {2} {3}, {0} {3}, {0} {1}))'.format(
        X0 + cols[0] * CELL, Y0 - rows[0] * CELL, X0 + (cols[1] + 1) * CELL, Y0 - (rows[1] + 1) * CELL)


@pytest.fixture
def walled(qgis_app, tmp_path):
    """Cores A (columns 0-2) and B (columns 38-40) over all 21 rows of 10 m cells of resistance 1, with a wall
    of resistance 100 along column 20. Every path crosses the wall: CWD_A is 170 at column 19 (17 steps of 10 m),
    CWD_B 170 at column 21, each wall step costs 10 (1 + 100) / 2 = 505, so LCD = 170 + 1010 + 170 = 1350."""
    resistance = np.ones((21, 41))
    resistance[:, 20] = 100.0
    raster = geotiff(tmp_path / 'resistance.tif', resistance, CELL)
    cores = wkt_layer('cores', 'Polygon', 'EPSG:32650', [rectangle((0, 2)), rectangle((38, 40))], ['A', 'B'])
    links = run('corridornetwork', temporary_outputs=('OUTPUT_LINKS', 'OUTPUT_CORRIDOR_POLYGONS', 'OUTPUT_CORRIDORS'),
                CORES=cores, CORE_ID_FIELD='name', RESISTANCE=raster)['OUTPUT_LINKS']
    [link] = links.getFeatures()
    assert link['cwd'] == pytest.approx(1350.0)
    return partial(run, 'barriers', CORES=cores, CORE_ID_FIELD='name', RESISTANCE=raster, LINKS=links)


@pytest.mark.parametrize('score, peak', [(0, 990.0), (1, 100 * 990.0 / 1350.0), (2, 990.0 / 20.0)])
def test_a_planted_wall_is_where_the_scores_peak(walled, tmp_path, score, peak):
    # radius 10 m: the disk on a wall cell holds its 4 neighbours, so a path reaches it at CWD_A = 170 (column 19),
    # leaves it at CWD_B = 170 (column 21) and crosses 2 x 10 m at resistance 1: 1350 - 360 = 990. One cell west,
    # the disk reaches B only at the wall (170 + 505): 1350 - (160 + 675 + 20) = 495.
    output = str(tmp_path / 'barriers.tif')
    walled(MIN_RADIUS=10, MAX_RADIUS=10, RADIUS_STEP=10, SCORE=score, OUTPUT=output)
    scores = read_raster(output)[0]
    assert np.nanmax(scores) == pytest.approx(peak, rel=1e-6)
    assert set(np.argwhere(scores >= peak * (1 - 1e-6))[:, 1]) == {20}
    assert scores[10, 19] == pytest.approx(peak * 495.0 / 990.0, rel=1e-6)


def test_the_maximum_over_radii_and_one_map_per_radius(walled, tmp_path):
    output, folder = str(tmp_path / 'barriers.tif'), str(tmp_path / 'radii')
    result = walled(MIN_RADIUS=10, MAX_RADIUS=30, RADIUS_STEP=10, OUTPUT=output, OUTPUT_FOLDER=folder)
    assert result['OUTPUT_FOLDER'] == folder
    assert sorted(os.listdir(folder)) == ['barriers_r10m.tif', 'barriers_r20m.tif', 'barriers_r30m.tif']
    by_radius = [read_raster(os.path.join(folder, 'barriers_r{}m.tif'.format(radius)))[0] for radius in (10, 20, 30)]
    maximum = read_raster(output)[0]
    np.testing.assert_allclose(maximum, np.fmax.reduce(by_radius), rtol=1e-6)
    # a larger disk reaches over the wall from further away, at the same 990 (its diameter is restored too)
    assert np.nanmax(by_radius[2]) == pytest.approx(990.0, rel=1e-6)
    assert np.nanmax(maximum[:, 20]) == pytest.approx(np.nanmax(maximum))
    # no disk that misses the wall improves anything
    assert (maximum[:, :17] == 0).all() and (maximum[:, 24:] == 0).all()


def test_without_a_folder_the_maximum_is_the_same_and_no_map_per_radius_is_held(walled, tmp_path, monkeypatch):
    """A thousand radii without the folder output hold one map, not a thousand (4 bytes per cell each)."""
    from reserve_planner.processing.engine import barriers

    kept = []
    real = barriers.barrier_maps

    def recording(*args, **kwargs):
        maps = real(*args, **kwargs)
        kept.append(len(maps.by_radius))
        return maps
    monkeypatch.setattr(barriers, 'barrier_maps', recording)
    alone, with_folder = str(tmp_path / 'alone.tif'), str(tmp_path / 'with_folder.tif')
    walled(MIN_RADIUS=10, MAX_RADIUS=30, RADIUS_STEP=10, OUTPUT=alone)
    walled(MIN_RADIUS=10, MAX_RADIUS=30, RADIUS_STEP=10, OUTPUT=with_folder, OUTPUT_FOLDER=str(tmp_path / 'radii'))
    assert kept == [0, 3]
    np.testing.assert_array_equal(read_raster(alone)[0], read_raster(with_folder)[0])


def test_radii_finer_than_a_cell_are_warned_about(walled, tmp_path):
    feedback = RecordingFeedback()
    walled(feedback=feedback, MIN_RADIUS=5, MAX_RADIUS=12, RADIUS_STEP=1, OUTPUT=str(tmp_path / 'barriers.tif'))
    assert any('Radii below the cell size (10 m) restore only the cell itself: 5, 6, 7, 8, 9 m.' in line
               for line in feedback.lines), feedback.lines
    assert any('The radius step (1 m) is less than the cell size (10 m)' in line for line in feedback.lines)


def test_a_links_layer_without_from_and_to_ids_is_refused(walled, tmp_path):
    not_links = wkt_layer('paths', 'LineString', 'EPSG:32650', ['LINESTRING({} {}, {} {})'.format(X0, Y0, X0 + 9, Y0)])
    with pytest.raises(QgsProcessingException, match='Layer "paths" has no field "from_id"'):
        walled(LINKS=not_links, OUTPUT=str(tmp_path / 'barriers.tif'))
    assert not (tmp_path / 'barriers.tif').exists()


def test_a_link_naming_an_unknown_core_is_refused(walled, tmp_path):
    other = wkt_layer('links', 'LineString', 'EPSG:32650', ['LINESTRING({} {}, {} {})'.format(X0, Y0, X0 + 9, Y0)],
                      ['Z'], field='from_id')
    other.dataProvider().addAttributes(walled.keywords['LINKS'].fields().toList()[1:2])
    other.updateFields()
    with pytest.raises(QgsProcessingException, match='names core Z, which is not in the core layer'):
        walled(LINKS=other, OUTPUT=str(tmp_path / 'barriers.tif'))


def test_a_maximum_radius_below_the_minimum_is_refused(walled, tmp_path):
    with pytest.raises(QgsProcessingException, match='at least the minimum'):
        walled(MIN_RADIUS=300, MAX_RADIUS=100, OUTPUT=str(tmp_path / 'barriers.tif'))


@pytest.mark.external
@pytest.mark.slow
def test_barriers_through_qgis_process(qgis_process, shared_dir, tmp_path):
    folder = os.path.join(shared_dir, 'reference', 'linkage_mapper')
    cores, resistance = os.path.join(folder, 'lm_cores.shp'), os.path.join(folder, 'lm_resistances.tif')
    links = str(tmp_path / 'links.gpkg')
    code, _, log = qgis_process('corridornetwork', CORES=cores, CORE_ID_FIELD='core_id', RESISTANCE=resistance,
                                MAX_NEIGHBORS=1, OUTPUT_LINKS=links, OUTPUT_CORRIDORS=str(tmp_path / 'nlcc.tif'),
                                OUTPUT_CORRIDOR_POLYGONS=str(tmp_path / 'polygons.gpkg'))
    assert code == 0, log
    output = str(tmp_path / 'barriers.tif')
    code, result, log = qgis_process('barriers', CORES=cores, CORE_ID_FIELD='core_id', RESISTANCE=resistance,
                                     LINKS=links, MIN_RADIUS=400, MAX_RADIUS=1200, RADIUS_STEP=400, SCORE=1,
                                     OUTPUT=output)
    assert code == 0, log
    scores = read_raster(output)[0]
    assert 0 < np.nanmax(scores) <= 100
