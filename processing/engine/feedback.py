"""Progress and cancel: the one protocol every long engine function follows.

A long engine function takes ``feedback=None``, a :class:`Feedback` (None: no report, no cancel). It calls
``feedback.check()`` where stopping is safe, which raises :class:`~.messages.Canceled` once the user has
cancelled, and ``feedback.report(fraction)`` with the fraction of its work done (0 to 1). A cancelled run
always raises: it never returns a partial result. ``feedback.part(start, end)`` hands a sub-step its own
0-to-1 range inside ``[start, end]`` of the caller's.

The Processing adapters build one from a QgsProcessingFeedback with ``qgis_io.engine_feedback``; tests and
scripts pass plain callables:

>>> reports = []
>>> feedback = Feedback(set_progress=reports.append, is_canceled=lambda: len(reports) >= 2)
>>> feedback.report(0.25)
>>> feedback.part(0.5, 1.0).report(0.5)
>>> reports
[25.0, 75.0]
>>> feedback.check()  # doctest: +IGNORE_EXCEPTION_DETAIL
Traceback (most recent call last):
...
Canceled
"""

from .messages import Canceled


class Feedback:
    """Where an engine run reports its progress and learns that it was cancelled.

    Parameters
    ----------
    set_progress : callable or None
        Called with the percentage done (0 to 100, float), as ``QgsFeedback.setProgress``.
    is_canceled : callable or None
        Called without arguments; True stops the run at its next :meth:`check`, as ``QgsFeedback.isCanceled``.
    start, end : float
        The part of the caller's progress bar (fractions 0 to 1) this feedback's 0 to 1 maps to.
    """

    def __init__(self, set_progress=None, is_canceled=None, start=0.0, end=1.0):
        self._set_progress = set_progress
        self._is_canceled = is_canceled
        self._start = start
        self._end = end

    def report(self, fraction):
        """Report that ``fraction`` (0 to 1) of this run's work is done."""
        if self._set_progress is not None:
            self._set_progress(100.0 * (self._start + (self._end - self._start) * fraction))

    def canceled(self):
        """True once the user has cancelled."""
        return self._is_canceled is not None and bool(self._is_canceled())

    def check(self):
        """Raise :class:`Canceled` once the user has cancelled.

        Raises
        ------
        Canceled
            When ``is_canceled()`` returns True.
        """
        if self.canceled():
            raise Canceled()

    def part(self, start, end):
        """A Feedback for a sub-step that covers ``start`` to ``end`` (fractions) of this run."""
        span = self._end - self._start
        return Feedback(self._set_progress, self._is_canceled,
                        self._start + span * start, self._start + span * end)

    def silent(self):
        """A Feedback with this one's cancel that reports no progress (for a sub-step whose caller reports)."""
        return Feedback(is_canceled=self._is_canceled)


def ensure(feedback):
    """``feedback``, or a Feedback that reports nothing and never cancels when it is None."""
    return Feedback() if feedback is None else feedback
