"""Pinchpoint Mapper and Centrality Mapper (docs/restoration.md) through processing.run: series resistors by
formula, the largest current in a narrow gap, all-to-one over the landscape, and current-flow centrality of a chain
of cores worked out by hand.
"""

from functools import partial

import numpy as np
import pytest
from qgis.core import QgsProcessingException

from support import geotiff, memory_layer, read_raster, run, wkt_layer

X0, Y0, CELL = 500000.0, 4000000.0, 10.0
UTM = 'EPSG:32650'


def rectangle(rows, cols):
    return 'POLYGON(({0} {1}, {2} {1}, {2} {3}, {0} {3}, {0} {1}))'.format(
        X0 + cols[0] * CELL, Y0 - rows[0] * CELL, X0 + (cols[1] + 1) * CELL, Y0 - (rows[1] + 1) * CELL)


def network(tmp_path, resistance, core_wkts, ids, **options):
    """(raster path, cores layer, links layer of corridornetwork with all pairs) for a test landscape."""
    raster = geotiff(tmp_path / 'resistance.tif', resistance, CELL)
    cores = wkt_layer('cores', 'Polygon', UTM, core_wkts, ids)
    links = run('corridornetwork', temporary_outputs=('OUTPUT_LINKS', 'OUTPUT_CORRIDOR_POLYGONS', 'OUTPUT_CORRIDORS'),
                CORES=cores, CORE_ID_FIELD='name', RESISTANCE=raster, **options)['OUTPUT_LINKS']
    return raster, cores, links


pinchpoints = partial(run, 'pinchpoints', temporary_outputs=('OUTPUT_LINKS',), CORE_ID_FIELD='name')


def test_a_strip_of_cells_is_resistors_in_series(qgis_app, tmp_path):
    # 1 x 11 cells of resistance 1: ten unit resistors between the end cells, R = 10 ohms; cwd = 10 x 10 m x 1
    raster, cores, links = network(tmp_path, np.ones((1, 11)), [rectangle((0, 0), (0, 0)), rectangle((0, 0), (10, 10))],
                                   ['A', 'B'])
    output = str(tmp_path / 'current.tif')
    result = pinchpoints(CORES=cores, RESISTANCE=raster, LINKS=links, CWD_CUTOFF=1000, OUTPUT_PINCHPOINTS=output)
    [link] = result['OUTPUT_LINKS'].getFeatures()
    assert link['eff_resistance'] == pytest.approx(10.0, rel=1e-9)
    assert link['cwd_to_eff_resistance'] == pytest.approx(100.0 / 10.0, rel=1e-9)
    current = read_raster(output)[0]
    # the whole amp flows through every cell between the cores; the cores are NoData, as in Linkage Mapper
    assert current[0, 1:10] == pytest.approx(np.ones(9), rel=1e-6)
    assert np.isnan(current[0, [0, 10]]).all()


@pytest.fixture
def gap(qgis_app, tmp_path):
    """Cores at the west and east of 15 x 31 cells of resistance 1 split by a wall (nodata) along column 15 with
    one open cell in row 7."""
    resistance = np.ones((15, 31))
    resistance[:, 15] = np.nan
    resistance[7, 15] = 1.0
    return network(tmp_path, resistance, [rectangle((0, 14), (0, 1)), rectangle((0, 14), (29, 30))], ['W', 'E'])


@pytest.mark.parametrize('mode', [0, 1])
def test_the_largest_current_of_a_corridor_flows_through_its_narrow_gap(gap, tmp_path, mode):
    raster, cores, links = gap
    output = str(tmp_path / 'current.tif')
    result = pinchpoints(CORES=cores, RESISTANCE=raster, LINKS=links, CWD_CUTOFF=100000, MODE=mode,
                         OUTPUT_PINCHPOINTS=output)
    current = read_raster(output)[0]
    # outside the cores every amp crosses the gap: its current is the whole current between them
    outside = current[:, 2:29]
    assert np.nanargmax(outside) == np.ravel_multi_index((7, 13), outside.shape)
    assert current[7, 15] == pytest.approx(1.0 if mode == 0 else 2.0, rel=1e-6)
    [link] = result['OUTPUT_LINKS'].getFeatures()
    assert link['eff_resistance'] > 0 and link['cwd_to_eff_resistance'] == pytest.approx(
        link['cwd'] / link['eff_resistance'])


def test_a_cwd_cutoff_narrows_the_corridor(gap, tmp_path):
    raster, cores, links = gap
    wide, narrow = str(tmp_path / 'wide.tif'), str(tmp_path / 'narrow.tif')
    pinchpoints(CORES=cores, RESISTANCE=raster, LINKS=links, CWD_CUTOFF=100000, OUTPUT_PINCHPOINTS=wide)
    result = pinchpoints(CORES=cores, RESISTANCE=raster, LINKS=links, CWD_CUTOFF=20, OUTPUT_PINCHPOINTS=narrow)
    assert np.isfinite(read_raster(narrow)[0]).sum() < np.isfinite(read_raster(wide)[0]).sum()
    [link] = result['OUTPUT_LINKS'].getFeatures()
    assert link['eff_resistance'] > 0


def centrality(cores, links):
    result = run('centrality', temporary_outputs=('OUTPUT_CORES', 'OUTPUT_LINKS'), CORES=cores, CORE_ID_FIELD='name',
                 LINKS=links)
    return ({feature['name']: feature['cf_centrality'] for feature in result['OUTPUT_CORES'].getFeatures()},
            {(feature['from_id'], feature['to_id']): feature['cf_centrality']
             for feature in result['OUTPUT_LINKS'].getFeatures()})


def link_layer(rows):
    return memory_layer('links', 'LineString', UTM, 'field=from_id:string&field=to_id:string&field=cwd:double',
                        [('LINESTRING({} {}, {} {})'.format(X0, Y0, X0 + 10, Y0), list(row)) for row in rows])


def test_current_flow_centrality_of_a_chain_of_cores(qgis_app):
    # A - B - C: 1 A between each pair; B carries the A-B, B-C and A-C currents (3), the ends two each; each link
    # carries its own pair's amp and the A-C amp (2). The resistances do not matter on a tree.
    cores = wkt_layer('cores', 'Polygon', UTM, [rectangle((0, 0), (col, col)) for col in (0, 5, 9)], list('ABC'))
    nodes, edges = centrality(cores, link_layer([('A', 'B', 50.0), ('B', 'C', 400.0)]))
    assert nodes == pytest.approx({'A': 2.0, 'B': 3.0, 'C': 2.0})
    assert edges == pytest.approx({('A', 'B'): 2.0, ('B', 'C'): 2.0})


def test_centrality_reads_an_invalid_core_as_corridornetwork_does(qgis_app):
    """A core drawn with a spike (a self-touching ring, invalid) is a core as corridornetwork repairs and reads it:
    centrality stopped at QGIS's invalid-geometry check ("Feature (1) from cores has invalid geometry") and its output
    copies the core as it is."""
    spiked = 'POLYGON(({0} {1}, {2} {1}, {2} {3}, {2} {4}, {2} {1}, {5} {1}, {5} {6}, {0} {6}, {0} {1}))'.format(
        X0, Y0, X0 + 5, Y0 - 30, Y0 - 60, X0 + 10, Y0 - 10)
    cores = wkt_layer('cores', 'Polygon', UTM, [spiked] + [rectangle((0, 0), (col, col)) for col in (5, 9)],
                      list('ABC'))
    assert not next(cores.getFeatures()).geometry().isGeosValid()
    nodes, _edges = centrality(cores, link_layer([('A', 'B', 50.0), ('B', 'C', 400.0)]))
    assert nodes == pytest.approx({'A': 2.0, 'B': 3.0, 'C': 2.0})


def test_a_cheaper_parallel_link_carries_more_current(qgis_app):
    # a triangle: A-C directly (cwd 100) or through B (100 + 100): the A-C pair splits 2/3 : 1/3
    cores = wkt_layer('cores', 'Polygon', UTM, [rectangle((0, 0), (col, col)) for col in (0, 5, 9)], list('ABC'))
    _, edges = centrality(cores, link_layer([('A', 'B', 100.0), ('B', 'C', 100.0), ('A', 'C', 100.0)]))
    assert edges[('A', 'C')] == pytest.approx(edges[('A', 'B')])
    assert edges[('A', 'B')] == pytest.approx(2.0 / 3 + 1.0 / 3 + 1.0 / 3, rel=1e-9)


def test_centrality_refuses_links_without_cwd_or_naming_unknown_cores(qgis_app):
    cores = wkt_layer('cores', 'Polygon', UTM, [rectangle((0, 0), (col, col)) for col in (0, 5)], list('AB'))
    no_cwd = memory_layer('links', 'LineString', UTM, 'field=from_id:string&field=to_id:string',
                          [('LINESTRING(0 0, 1 1)', ['A', 'B'])])
    with pytest.raises(QgsProcessingException, match='Layer "links" has no field "cwd"'):
        centrality(cores, no_cwd)
    with pytest.raises(QgsProcessingException, match='names core Z, which is not in the core layer'):
        centrality(cores, link_layer([('A', 'Z', 10.0)]))
