"""The plugin's settings, remembered between sessions with QgsSettings under 'reserve_planner/'."""

from qgis.core import QgsSettings

PREFIX = 'reserve_planner/'

DEFAULTS = {
    'zone_editor/zone': 'core',
    'zone_editor/clip_mode': 'new_wins',
    'zone_editor/profile': '',
    'zone_editor/last_folder': '',
    'corridor/width_m': 500.0,
    'corridor/least_cost_path': False,
    'corridor/last_folder': '',
}


def value(key):
    """The stored value of ``key`` (one of DEFAULTS), of the type of its default."""
    default = DEFAULTS[key]
    return QgsSettings().value(PREFIX + key, default, type=type(default))


def set_value(key, new_value):
    """Remember ``new_value`` for ``key`` (one of DEFAULTS)."""
    if key not in DEFAULTS:
        raise KeyError(key)
    QgsSettings().setValue(PREFIX + key, new_value)
