"""Pure computation: numpy, scipy, shapely, pandas, GDAL only; never qgis or Qt.

Conventions every engine module follows (tests/test_engine_purity.py checks the first):

- No ``qgis`` or Qt import, so the engine runs and is tested without QGIS.
- Distances in metres, areas in m2 unless a name says ``_km2`` or ``_ha``; geometries are shapely, in a CRS
  projected in metres (the adapters in processing/qgis_io.py project geographic inputs).
- Bad input raises ``messages.EngineError`` with an ``N_``-marked template the adapter translates.
- Progress and cancel, one protocol (``feedback``): a long function takes ``feedback=None``, an
  ``engine.feedback.Feedback``; it calls ``feedback.check()`` where stopping is safe, which raises
  ``messages.Canceled`` once the user has cancelled (a cancelled run never returns a partial result), and
  ``feedback.report(fraction)`` with the fraction done (0 to 1). ``feedback.part(start, end)`` gives a
  sub-step its own range. The Processing adapters build it from a QgsProcessingFeedback with
  ``qgis_io.engine_feedback`` and turn EngineError and Canceled into QgsProcessingException with
  ``qgis_io.engine_errors()``.
- The formulas are written down in docs/ (one file per topic), cited from the docstrings.
"""
