"""Translatable message templates raised or returned by the engine.

The engine has no Qt, so it cannot translate. It marks each user-visible English template with
``N_`` (so the i18n tool finds it, context ``ReservePlannerEngine``) and hands the template and
its parameters to the adapter, which translates the template and fills in the parameters.
"""

TRANSLATION_CONTEXT = 'ReservePlannerEngine'


def N_(template):  # noqa: N802 (the gettext convention for "mark, do not translate yet")
    """Mark ``template`` for translation and return it unchanged."""
    return template


class EngineError(ValueError):
    """Bad input found by the engine; ``template`` is an N_-marked str.format template."""

    def __init__(self, template, **params):
        super().__init__(template.format(**params))
        self.template = template
        self.params = params

    def __reduce__(self):
        """Pickle with the template and parameters (a worker process hands its errors back, still translatable)."""
        return _engine_error, (type(self), self.template, self.params)


def _engine_error(error_class, template, params):
    return error_class(template, **params)


class Canceled(Exception):  # noqa: N818 (the engine's public name, as QGIS says "canceled")
    """The user cancelled a run: raised by :meth:`engine.feedback.Feedback.check`; no result is returned."""
