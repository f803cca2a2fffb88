"""Reserve Planner: a QGIS plugin for protected-area planning (see README.md)."""


def classFactory(iface):  # noqa: N802 (QGIS plugin entry point name)
    """Return the plugin object QGIS loads; ``iface`` is None under qgis_process."""
    from .plugin.plugin import ReservePlannerPlugin

    return ReservePlannerPlugin(iface)
