"""The Help button of every algorithm with a help page opens the README section listing the algorithms: the fragment
of helpUrl must be the anchor GitHub gives one of README.md's headings (lower case, spaces as '-', punctuation
dropped)."""

import os
import re
from urllib.parse import urlparse

from qgis.core import QgsApplication

from conftest import REPO


def github_anchor(heading):
    return re.sub(r'[^\w\- ]', '', heading.strip().lower()).replace(' ', '-')


def readme_anchors():
    with open(os.path.join(REPO, 'README.md'), encoding='utf-8') as stream:
        return {github_anchor(line.lstrip('#')) for line in stream if line.startswith('#')}


def test_every_help_url_points_at_a_heading_of_the_readme_on_the_plugin_s_repository(qgis_app):
    with open(os.path.join(REPO, 'metadata.txt'), encoding='utf-8') as stream:
        repository = re.search(r'^repository=(.+)$', stream.read(), re.MULTILINE).group(1).strip()
    anchors = readme_anchors()
    algorithms = [algorithm for algorithm in QgsApplication.processingRegistry().providerById('reserveplanner')
                  .algorithms() if algorithm.helpUrl()]  # the workflows (models) have their help, no page
    assert len(algorithms) >= 20
    for algorithm in algorithms:
        url = urlparse(algorithm.helpUrl())
        assert url._replace(fragment='').geturl() == repository, algorithm.id()
        assert url.fragment in anchors, (algorithm.id(), url.fragment)
