"""``make demo`` stays true: every step runs through qgis_process and the summary, maps and reports exist."""

import os
import subprocess
import sys

import pytest

from conftest import REPO

pytestmark = [pytest.mark.slow, pytest.mark.external]


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
