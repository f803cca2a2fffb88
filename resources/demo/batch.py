"""Run Reserve Planner algorithms through ``qgis_process`` exactly as a batch user does.

The plugin is made visible through a folder holding a ``reserve_planner`` symlink to this checkout
(QGIS_PLUGINPATH) and enabled once in a private QGIS profile (XDG_DATA_HOME), so the user's own
QGIS profile is never touched. Used by the demo and by the tests.
"""

import json
import os
import shutil
import subprocess
import tempfile

PLUGIN_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def qgis_process_executable():
    """``qgis_process.bin`` where it exists: Debian 12's ``qgis_process`` wrapper passes a flag 3.22 rejects."""
    return shutil.which('qgis_process.bin') or shutil.which('qgis_process')


class QgisProcess:
    """A ``qgis_process`` with the plugin enabled in a private profile under ``profile_dir``."""

    def __init__(self, profile_dir=None):
        self.executable = qgis_process_executable()
        if not self.executable:
            raise RuntimeError('qgis_process is not installed (apt-get install qgis)')
        self.plugin_parent = tempfile.mkdtemp(prefix='reserve_planner_plugins_')
        os.symlink(PLUGIN_ROOT, os.path.join(self.plugin_parent, 'reserve_planner'))
        self.environment = dict(os.environ, QGIS_PLUGINPATH=self.plugin_parent,
                                XDG_DATA_HOME=profile_dir or tempfile.mkdtemp(prefix='reserve_planner_profile_'))
        self.environment.setdefault('QT_QPA_PLATFORM', 'offscreen')
        enabled = self.call('plugins', 'enable', 'reserve_planner')
        if enabled.returncode != 0 and 'already enabled' not in enabled.stderr + enabled.stdout:
            raise RuntimeError('qgis_process could not enable the plugin:\n' + enabled.stderr)

    def call(self, *arguments):
        """Run ``qgis_process ARGUMENTS`` and return the CompletedProcess (text output)."""
        return subprocess.run([self.executable] + list(arguments), env=self.environment,
                              capture_output=True, text=True)

    def run(self, algorithm_id, *arguments, **parameters):
        """``qgis_process --json run reserveplanner:ALG -- NAME=VALUE ...`` -> (returncode, json or None, output)."""
        command = ['--json', 'run', 'reserveplanner:' + algorithm_id, '--']
        command += list(arguments) + ['{}={}'.format(name, value) for name, value in parameters.items()]
        completed = self.call(*command)
        try:
            result = json.loads(completed.stdout)
        except ValueError:
            result = None
        return completed.returncode, result, completed.stderr + completed.stdout
