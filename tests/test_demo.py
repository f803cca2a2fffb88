"""``make demo`` stays true: every step runs through qgis_process and the summary, maps and reports exist."""

import os
import shutil
import subprocess
import sys

import pytest

from conftest import REPO


@pytest.mark.slow
@pytest.mark.external
def test_demo_runs_every_algorithm_and_writes_the_summary(tmp_path):
    out = tmp_path / 'demo 输出'
    environment = dict(os.environ, QT_QPA_PLATFORM='offscreen')
    completed = subprocess.run([sys.executable, '-P', os.path.join(REPO, 'resources', 'demo', 'run_demo.py'), str(out)],
                               env=environment, capture_output=True, text=True, timeout=600)
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
    assert 'FAILED' not in completed.stdout
    index = (out / 'index.html').read_text(encoding='utf-8')
    for name in ('zoning_map.png', 'cost_zoning_map.png', 'corridor_map.png', 'coverage_map.png', 'oecm_map.png',
                 'mspa_map.png'):
        assert name in index and (out / name).stat().st_size > 20000, name
    reports = ('zone_validation.html', 'coverage_counties.html', 'species_coverage.html', 'oecm_scores.html',
               'oecm_selection.html')
    for report in reports:
        assert (out / report).stat().st_size > 2000, report
        assert report in index


def test_demo_maps_are_print_layouts_with_title_legend_scale_bar_and_north_arrow(qgis_app, tmp_path):
    from qgis.core import (
        QgsLayoutItemLabel, QgsLayoutItemLegend, QgsLayoutItemMap, QgsLayoutItemPicture, QgsLayoutItemScaleBar,
    )
    from reserve_planner.resources.demo import run_demo

    shutil.copy(os.path.join(REPO, 'resources', 'demo', 'demo.gpkg'), tmp_path / 'cores.gpkg')
    layout = run_demo.map_layout(str(tmp_path), 'Cores 核心区', (('cores.gpkg', 'zones'),))
    items = layout.items()
    item_map, = [item for item in items if isinstance(item, QgsLayoutItemMap)]
    landscape = item_map.layers()[-1].extent()
    assert landscape.contains(item_map.extent()), 'the map shows only the landscape: no white band'
    assert [layer.name() for layer in item_map.layers()] == ['zones', 'land cover']
    legend, = [item for item in items if isinstance(item, QgsLayoutItemLegend)]
    assert legend.linkedMap() is item_map and legend.model().rootGroup().findLayer(item_map.layers()[0])
    scale_bar, = [item for item in items if isinstance(item, QgsLayoutItemScaleBar)]
    assert scale_bar.unitLabel() == 'km' and scale_bar.linkedMap() is item_map
    assert [item.text() for item in items if isinstance(item, QgsLayoutItemLabel)] == ['Cores 核心区']
    arrow, = [item for item in items if isinstance(item, QgsLayoutItemPicture)]
    assert os.path.basename(arrow.picturePath()) == 'NorthArrow_02.svg'


def test_demo_summary_rounds_figures_for_people():
    from reserve_planner.resources.demo import run_demo

    assert run_demo.readable(26.56497438773943) == '26.56'
    assert run_demo.readable(12345.678) == '12,345.68'
    assert run_demo.readable(0.012345) == '0.0123'
    assert run_demo.readable(7) == '7'
