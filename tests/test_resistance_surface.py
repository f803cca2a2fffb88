"""Resistance surfaces (docs/resistance_surface.md): reclassification tables, weights, the class-normalised correction,
and reserveplanner:resistancesurface as batch users run it."""

import numpy as np
import pytest
from qgis.core import QgsProcessingException

from reserve_planner.processing.engine import resistance
from reserve_planner.processing.engine.messages import EngineError
from support import RecordingFeedback, geotiff, read_raster, run, wkt_layer

NAN = np.nan


def message(error):
    return error.template.format(**error.params)


def test_a_factor_with_weight_one_reproduces_its_reclassification():
    landcover = np.array([[1.0, 2.0], [3.0, NAN]])
    slope = np.array([[0.0, 10.0], [45.0, 5.0]])
    tables = resistance.reclass_tables([(1, 1, 1, 10), (1, 2, 2, 50), (1, 3, 3, 100),
                                        (2, 0, 8, 1), (2, 8, 25, 3), (2, 25, 90, 5)], 2)
    only_landcover = resistance.resistance_surface([landcover, slope], tables, [1.0, 0.0])
    assert np.array_equal(only_landcover, [[10, 50], [100, NAN]], equal_nan=True)
    mixed = resistance.resistance_surface([landcover, slope], tables, [0.25, 0.75])
    assert mixed[0, 1] == pytest.approx(0.25 * 50 + 0.75 * 3) and np.isnan(mixed[1, 1])


def test_the_highest_range_includes_its_maximum_and_lower_ones_do_not():
    tables = resistance.reclass_tables([(1, 0, 10, 1), (1, 10, 20, 2)], 1)
    assert resistance.reclassify(np.array([0.0, 9.99, 10.0, 20.0]), tables[0], 1).tolist() == [1, 1, 2, 2]


@pytest.mark.parametrize('rows, expected', [
    ([(1, 0, 10, 1), (1, 12, 20, 2)], 'leaves a gap between 10.0 and 12.0'),
    ([(1, 0, 10, 1), (1, 8, 20, 2)], 'the ranges 0-10 and 8-20 of the reclassification table overlap'),
    ([(1, 0, 10, 1), (1, 5, 5, 2)], 'the value 5.0 has two rows'),
    ([(1, 10, 0, 1)], 'minimum 10.0 above its maximum 0.0'),
    ([(3, 0, 10, 1)], 'names factor 3.0, but there are 1 factors'),
    ([(1, 0, 'x', 1)], 'not a number'),
    ([(1, 0, 10)], 'must have 4 values'),
])
def test_bad_tables_are_named(rows, expected):
    with pytest.raises(EngineError) as raised:
        resistance.reclass_tables(rows, 1)
    assert expected in message(raised.value)


def test_a_factor_without_rows_and_values_outside_the_table_are_named():
    with pytest.raises(EngineError) as raised:
        resistance.reclass_tables([(1, 0, 10, 1)], 2)
    assert 'Factor 2 has no row' in message(raised.value)
    with pytest.raises(EngineError) as raised:
        resistance.reclassify(np.array([1.0, 7.0, 7.0]), resistance.reclass_tables([(1, 1, 1, 5)], 1)[0], 1)
    assert '2 cells hold values no row' in message(raised.value) and 'for example 7.0' in message(raised.value)


def test_the_correction_divides_by_the_mean_of_each_class():
    light = np.array([[2.0, 6.0], [10.0, 0.0]])
    classes = np.array([[1.0, 1.0], [2.0, 2.0]])
    assert resistance.class_normalised(light, classes).tolist() == [[0.5, 1.5], [2.0, 0.0]]
    tables = resistance.reclass_tables([(1, 1, 1, 10), (1, 2, 2, 20)], 1)
    corrected = resistance.resistance_surface([classes], tables, [1.0], light, classes)
    assert corrected.tolist() == [[5.0, 15.0], [40.0, 0.0]]


def test_a_class_whose_correction_is_0_throughout_is_refused_naming_it():
    """0 / 0: the whole class used to come out without data, without a word."""
    light = np.array([[0.0, 0.0], [10.0, 0.0]])
    classes = np.array([[1.0, 1.0], [2.0, 2.0]])
    with pytest.raises(EngineError) as raised:
        resistance.class_normalised(light, classes)
    assert 'The correction raster averages 0 over the cells of class 1,' in message(raised.value), message(
        raised.value)


# ---- the algorithm ----------------------------------------------------------------------------------------

def landscape(tmp_path):
    """Land cover (classes 1-3, 100 m cells) and slope on a coarser grid in another CRS over the same place."""
    landcover = np.array([[1, 1, 2, 2], [1, 3, 3, 2], [1, 1, 2, 2]], dtype=float)
    slope = np.array([[5.0, 30.0], [5.0, 30.0]])
    return (geotiff(tmp_path / 'landcover.tif', landcover, 100.0),
            geotiff(tmp_path / 'slope.tif', slope, 200.0, epsg=32650, y0=4000000.0 + 50.0))


TABLE = [1, 1, 1, 10, 1, 2, 2, 50, 1, 3, 3, 100, 2, 0, 10, 1, 2, 10, 90, 5]


def test_processing_run_weights_factors_on_the_first_grid(qgis_app, tmp_path):
    landcover, slope = landscape(tmp_path)
    feedback = RecordingFeedback()
    result = run('resistancesurface', feedback=feedback, FACTORS=[landcover, slope], RECLASS=TABLE, WEIGHTS='3,1',
                 OUTPUT=str(tmp_path / 'resistance.tif'))
    values, geotransform, _crs = read_raster(result['OUTPUT'])
    assert values.shape == (3, 4) and geotransform == read_raster(landcover)[1]
    assert values[0, 0] == pytest.approx(0.75 * 10 + 0.25 * 1)   # forest on gentle slope
    assert values[1, 2] == pytest.approx(0.75 * 100 + 0.25 * 5)  # settlement on steep slope
    assert any('0.7500' in line and 'landcover' in line for line in feedback.lines)


def test_ahp_weights_and_a_distance_layer(qgis_app, tmp_path):
    landcover, _slope = landscape(tmp_path)
    road = wkt_layer('roads 道路', 'LineString', 'EPSG:32650', ['LINESTRING(500000 3999950, 500400 3999950)'])
    feedback = RecordingFeedback()
    result = run('resistancesurface', feedback=feedback, FACTORS=[landcover], DISTANCE_LAYERS=[road],
                 RECLASS=TABLE[:12] + [2, 0, 150, 10, 2, 150, 1000, 1], AHP_MATRIX='1,3;1/3,1',
                 OUTPUT=str(tmp_path / 'resistance.tif'))
    values = read_raster(result['OUTPUT'])[0]
    assert any('CR' in line for line in feedback.lines)
    assert values[0, 0] == pytest.approx(0.75 * 10 + 0.25 * 10)   # the road runs through the first row
    assert values[2, 0] == pytest.approx(0.75 * 10 + 0.25 * 1)    # 200 m from the road


def test_a_gap_in_the_table_names_the_factor_layer(qgis_app, tmp_path):
    landcover, slope = landscape(tmp_path)
    with pytest.raises(QgsProcessingException, match=r'gap between 10.0 and 12.0.*factor 2 is "slope.tif"'):
        run('resistancesurface', FACTORS=[landcover, slope], RECLASS=TABLE[:12] + [2, 0, 10, 1, 2, 12, 90, 5],
            OUTPUT=str(tmp_path / 'resistance.tif'))
    assert not (tmp_path / 'resistance.tif').exists()


def test_a_factor_that_does_not_overlap_the_others_is_named(qgis_app, tmp_path):
    landcover, _slope = landscape(tmp_path)
    far = geotiff(tmp_path / 'far.tif', np.full((2, 2), 5.0), 200.0, x0=700000.0)
    with pytest.raises(QgsProcessingException, match='"far.tif" do not overlap the first factor'):
        run('resistancesurface', FACTORS=[landcover, far], RECLASS=TABLE, OUTPUT=str(tmp_path / 'resistance.tif'))


def test_a_table_that_is_not_rows_of_four_is_refused(qgis_app, tmp_path):
    landcover, _slope = landscape(tmp_path)
    with pytest.raises(QgsProcessingException, match='not a multiple of 4'):
        run('resistancesurface', FACTORS=[landcover], RECLASS=[1, 1, 1], OUTPUT=str(tmp_path / 'r.tif'))


@pytest.mark.external
@pytest.mark.slow
def test_qgis_process_gives_the_processing_run_surface(qgis_process, qgis_app, tmp_path):
    """Batch users pass the factors as repeated FACTORS= and the table as comma-separated values."""
    landcover, slope = landscape(tmp_path)
    expected = run('resistancesurface', FACTORS=[landcover, slope], RECLASS=TABLE, WEIGHTS='3,1',
                   OUTPUT=str(tmp_path / 'expected.tif'))
    output = str(tmp_path / 'resistance.tif')
    returncode, _result, log = qgis_process('resistancesurface', 'FACTORS=' + landcover, 'FACTORS=' + slope,
                                            RECLASS=','.join(str(value) for value in TABLE), WEIGHTS='3,1',
                                            OUTPUT=output)
    assert returncode == 0, log
    values = read_raster(output)[0]
    assert values.tolist() == read_raster(expected['OUTPUT'])[0].tolist()
    assert values[0, 0] == pytest.approx(0.75 * 10 + 0.25 * 1)


def test_dark_cells_made_barriers_by_the_correction_are_warned_about(qgis_app, tmp_path):
    """Night-time light 0 gives a corrected resistance of 0, which every cost tool reads as a barrier: the run says
    how many cells that is and what to do."""
    landcover, _slope = landscape(tmp_path)
    light = np.array([[0, 2, 1, 1], [4, 1, 1, 1], [2, 2, 1, 1]], dtype=float)
    feedback = RecordingFeedback()
    result = run('resistancesurface', feedback=feedback, FACTORS=[landcover], RECLASS=[1, 1, 1, 10, 1, 2, 2, 50,
                                                                                       1, 3, 3, 100],
                 CORRECTION=geotiff(tmp_path / 'light.tif', light, 100.0), OUTPUT=str(tmp_path / 'r.tif'))
    assert read_raster(result['OUTPUT'])[0][0, 0] == 0.0
    assert any('made 0 or less by a correction value of 0 or less in "light.tif": 1.' in line
               for line in feedback.lines), feedback.lines


def test_a_float32_factor_is_reclassified_by_the_values_it_shows(qgis_app, tmp_path):
    """Rows for 0.1 and 0.2 (or a top range ending at 0.3) on a Float32 factor covered none of its cells: float32
    holds 0.1 as 0.100000001490116, and the run failed saying no row covered 0.10000000149011612."""
    from osgeo import gdal
    values = np.full((4, 4), 0.2)
    values[:2] = 0.1
    values[0, 0] = 0.3
    factor = geotiff(tmp_path / 'ndvi.tif', values, 100.0, data_type=gdal.GDT_Float32)
    result = run('resistancesurface', FACTORS=[factor], RECLASS=[1, 0.1, 0.1, 10, 1, 0.2, 0.3, 50],
                 OUTPUT=str(tmp_path / 'r.tif'))
    surface = read_raster(result['OUTPUT'])[0]
    assert surface[0, 0] == 50 and (surface[0, 1:] == 10).all() and (surface[1] == 10).all() and (
        surface[2:] == 50).all()
