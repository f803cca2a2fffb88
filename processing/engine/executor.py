"""Run independent tasks on all the cores of the machine, or on a Dask cluster (docs/parallel.md).

One executor serves every algorithm whose work splits into independent tasks (one cost pass per core area,
one region of a coverage or ProtConn run, one reserve, one circuit solve):

>>> Executor(workers=1).map(pow, [1, 2, 3], context=2)  # pow(2, task) for each task
[2, 4, 8]

``Executor(workers, scheduler).map(function, tasks, context)`` returns ``[function(context, task) for task
in tasks]``, in the order of ``tasks``, whichever way it runs:

- ``workers == 1`` (or a single task): in this process, one task after the other; the reference run;
- ``workers > 1``: in that many worker processes (processes, not threads: numpy work holds the GIL in many
  places). ``context`` (for example the cost graph of a raster) is sent once to each worker, each task once;
- ``scheduler`` set (a Dask scheduler address such as ``tcp://10.0.0.5:8786``): on that Dask distributed
  cluster, ``context`` scattered once to every worker. Needs ``dask.distributed`` (optional); the workers
  need the same Python packages and the plugin's folder on their ``PYTHONPATH``.

``function`` must be a module-level function (it is pickled by reference). Results are identical whichever
way the tasks ran: each task is computed by the same code on the same data. An exception raised by a task
reaches the caller with its type and message (an EngineError keeps its template and parameters, so it is
still translated); a task that kills its worker (out of memory) raises EngineError. ``feedback`` (an
engine.feedback.Feedback) hears the progress as tasks finish; on a cancel the run stops, its workers are ended
and :class:`~.messages.Canceled` is raised: a cancelled run never returns partial results. A task passes
``task_feedback()`` to its inner loops so that a serial run also stops within a task.

Worker processes. Inside QGIS ``sys.executable`` is QGIS itself (``qgis``, ``qgis_process.bin``,
``qgis-bin.exe``), not Python; forking a process that runs Qt is unsafe; and multiprocessing's spawn re-runs
the caller's main script. Each worker (``WorkerProcess``) is therefore a fresh interpreter found by a feature
test (``python_interpreter``: it must run and report this process's Python version and prefix), given this
process's ``sys.path``, the context and then the tasks, pickled, through its standard input and output.

Settings: ``workers_setting`` and ``scheduler_setting`` read the environment variables WORKERS_VARIABLE and
SCHEDULER_VARIABLE over the plugin's own setting; WORKERS defaults to every core (``os.cpu_count()``).
"""

import contextlib
import functools
import os
import pickle
import shutil
import subprocess
import sys
import threading
import time

from . import raster
from .feedback import Feedback, ensure as ensure_feedback
from .messages import Canceled, EngineError, N_

WORKERS_VARIABLE = 'RESERVE_PLANNER_WORKERS'
"""Environment variable giving the number of worker processes (1 = serial); it overrides the plugin setting."""

SCHEDULER_VARIABLE = 'RESERVE_PLANNER_DASK_SCHEDULER'
"""Environment variable giving a Dask scheduler address; it overrides the plugin setting."""

CONNECT_SECONDS = 30
"""How long a run waits to reach the Dask scheduler."""

POLL_SECONDS = 0.2
"""How often a parallel run checks for a cancel while it waits for its workers."""


def default_workers():
    """Every core of the machine (at least 1)."""
    return os.cpu_count() or 1


def workers_setting(setting=None):
    """The number of workers: WORKERS_VARIABLE when set, else ``setting`` (the plugin's), else every core.

    0 or an empty value means every core. Raises EngineError for a value that is not a whole number >= 0."""
    value = os.environ.get(WORKERS_VARIABLE, '').strip() or setting
    if value in (None, ''):
        return default_workers()
    try:
        workers = int(value)
    except (TypeError, ValueError):
        workers = -1
    if workers < 0:
        raise EngineError(N_('The number of worker processes must be a whole number, 0 for every core or 1 to '
                             'run in one process; got {value} ({variable} or the plugin setting).'), value=value,
                          variable=WORKERS_VARIABLE)
    return workers or default_workers()


def scheduler_setting(setting=None):
    """The Dask scheduler address: SCHEDULER_VARIABLE when set, else ``setting``; None when neither is set."""
    value = os.environ.get(SCHEDULER_VARIABLE, '').strip() or (setting or '').strip()
    return value or None


class Executor:
    """Runs ``function(context, task)`` for every task, serially, on worker processes or on a Dask cluster.

    Parameters
    ----------
    workers : int
        Worker processes (1 = in this process, the reference run). Ignored when ``scheduler`` is set.
    scheduler : str or None
        Address of a Dask distributed scheduler; None runs on this machine.
    """

    def __init__(self, workers=1, scheduler=None):
        self.workers = max(int(workers), 1)
        self.scheduler = scheduler

    def __repr__(self):
        return 'Executor(workers={}, scheduler={!r})'.format(self.workers, self.scheduler)

    def within_memory(self, bytes_per_worker):
        """This executor with no more local workers than the memory available can hold, each holding about
        ``bytes_per_worker`` (at least 1 worker; a Dask cluster is left as it is)."""
        available = raster.available_memory()
        if self.scheduler or available is None or self.workers == 1:
            return self
        return Executor(max(1, min(self.workers, int(available // max(bytes_per_worker, 1)))), self.scheduler)

    def map(self, function, tasks, context=None, feedback=None):
        """``[function(context, task) for task in tasks]``, in the order of ``tasks``.

        Parameters
        ----------
        function : callable
            A module-level function of (context, task).
        tasks : iterable
            Picklable task descriptions.
        context : object
            Data every task reads (picklable); sent once per worker.
        feedback : engine.feedback.Feedback or None
            Hears the progress as tasks finish; a cancel stops the run.

        Returns
        -------
        list
            One result per task, in the order of ``tasks``.

        Raises
        ------
        Canceled
            When the run was cancelled; no result is returned.
        EngineError
            When a worker process died, or Dask is asked for but cannot be used.
        """
        tasks = list(tasks)
        feedback = ensure_feedback(feedback)
        if self.scheduler:
            return _dask_map(self.scheduler, function, tasks, context, feedback)
        if self.workers == 1 or len(tasks) <= 1:
            return _serial_map(function, tasks, context, feedback)
        return _process_map(min(self.workers, len(tasks)), function, tasks, context, feedback)


_SERIAL_RUN = threading.local()
"""The feedback of the serial run going on in this thread (QGIS runs algorithms in several threads)."""


def task_feedback():
    """Inside a task: a Feedback whose ``check()`` raises Canceled once the run was cancelled (it reports no
    progress: the run reports per task). A long task passes it to its inner loops so that a serial run stops
    within a task; in a worker process it never cancels (the parent ends its workers instead)."""
    return Feedback(is_canceled=_task_is_canceled)


def _task_is_canceled():
    feedback = getattr(_SERIAL_RUN, 'feedback', None)
    return feedback is not None and feedback.canceled()


def _serial_map(function, tasks, context, feedback):
    results = []
    previous, _SERIAL_RUN.feedback = getattr(_SERIAL_RUN, 'feedback', None), feedback
    try:
        for task in tasks:
            feedback.check()
            results.append(function(context, task))
            feedback.report(len(results) / len(tasks))
    finally:
        _SERIAL_RUN.feedback = previous
    return results


def _process_map(workers, function, tasks, context, feedback):
    """Run the tasks on ``workers`` WorkerProcess, each fed the next task as soon as it is free."""
    processes = []
    try:
        processes.extend(WorkerProcess(context) for _ in range(workers))
        feeder = _Feeder(function, tasks)
        threads = [threading.Thread(target=feeder.serve, args=(process,), daemon=True) for process in processes]
        for thread in threads:
            thread.start()
        alive = threads
        while alive:
            if feedback.canceled():
                feeder.stop()
            feedback.check()
            alive[0].join(POLL_SECONDS)
            feedback.report(feeder.done / len(tasks))
            alive = [thread for thread in alive if thread.is_alive()]
        return feeder.results()
    finally:
        for process in processes:
            process.close()


class _Feeder:
    """Hands out the tasks of a parallel run and collects their results, from one thread per worker; the first
    error (or a cancel) stops handing out tasks."""

    def __init__(self, function, tasks):
        self.function = function
        self.tasks = tasks
        self.outcomes = [None] * len(tasks)
        self.done = 0
        self.error = None
        self._next = 0
        self._lock = threading.Lock()

    def _take(self):
        with self._lock:
            if self.error is not None or self._next == len(self.tasks):
                return None
            self._next += 1
            return self._next - 1

    def serve(self, process):
        """Run tasks on ``process`` until there is none left or one failed."""
        index = self._take()
        while index is not None:
            try:
                result = process.run(self.function, self.tasks[index])
            except Exception as error:  # noqa: BLE001 (any task error goes back to the caller)
                self._fail(error)
                return
            with self._lock:
                self.outcomes[index] = result
                self.done += 1
            index = self._take()

    def _fail(self, error):
        with self._lock:
            self.error = self.error or error

    def stop(self):
        self._fail(Canceled())

    def results(self):
        if self.error is not None:
            raise self.error
        return self.outcomes


class WorkerProcess:
    """A Python process (python_interpreter) that runs tasks of one context, one at a time.

    It is started with this process's ``sys.path`` and the pickled context on its standard input; each task is
    then a pickled (function, task) on its input and a pickled (ok, result or exception) on its output. The
    worker's own standard output goes to its standard error, so that what a task prints cannot garble replies.
    Nothing of the parent is re-imported or forked (unlike multiprocessing, which re-runs the parent's main
    script and cannot start from QGIS's executable)."""

    BOOTSTRAP = ('import pickle, sys; sys.path[:] = pickle.load(sys.stdin.buffer); '
                 'from {} import serve_tasks; serve_tasks()').format(__name__)

    def __init__(self, context):
        self.process = subprocess.Popen([python_interpreter(), '-c', self.BOOTSTRAP], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE)
        self._send(list(sys.path))
        self._send(context)

    def _send(self, value):
        try:
            pickle.dump(value, self.process.stdin, protocol=pickle.HIGHEST_PROTOCOL)
            self.process.stdin.flush()
        except OSError as error:
            raise _worker_stopped() from error

    def run(self, function, task):
        """``function(context, task)`` in the worker; its exception is raised here."""
        self._send((function, task))
        try:
            ok, value = pickle.load(self.process.stdout)
        except (EOFError, OSError, pickle.UnpicklingError) as error:
            raise _worker_stopped() from error
        if not ok:
            raise value
        return value

    def close(self):
        """End the worker (at once, a running task included)."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            with contextlib.suppress(OSError):
                stream.close()


def _worker_stopped():
    return EngineError(N_('A worker process stopped before finishing its task (out of memory?). Run again with '
                          'fewer worker processes ({variable}, or the plugin setting), or 1 to run in one process.'),
                       variable=WORKERS_VARIABLE)


def serve_tasks():
    """The loop of a WorkerProcess (see there): read the context, then answer each task until input ends."""
    replies = os.fdopen(os.dup(sys.stdout.fileno()), 'wb')
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    requests = sys.stdin.buffer
    context = pickle.load(requests)
    while True:
        try:
            function, task = pickle.load(requests)
        except EOFError:
            return
        try:
            reply = (True, function(context, task))
        except Exception as error:  # noqa: BLE001 (handed back to the caller, who raises it)
            reply = (False, error)
        _reply(replies, reply)


def _reply(replies, reply):
    """Write ``reply``; an exception that cannot be pickled goes back as a RuntimeError with its message."""
    try:
        data = pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 (whatever made pickling fail, the message still goes back)
        data = pickle.dumps((False, RuntimeError('{}: {}'.format(type(reply[1]).__name__, reply[1]))))
    replies.write(data)
    replies.flush()


@functools.lru_cache(maxsize=None)
def python_interpreter():
    """Path of a Python interpreter that is this process's Python (same version and prefix), found by running
    each candidate: ``sys.executable`` (not Python inside QGIS), ``sys._base_executable``, the interpreters in
    ``sys.exec_prefix`` (Windows QGIS: ``python.exe`` there) and ``python3`` on PATH. Only files named python*
    are run. Raises EngineError when none answers."""
    for candidate in _interpreter_candidates():
        if _is_this_python(candidate):
            return candidate
    raise EngineError(N_('No Python interpreter matching this one was found to start worker processes '
                         '(looked for {python} in {prefix}). Set the number of worker processes ({variable}, '
                         'or the plugin setting) to 1.'),
                      python='python{}.{}'.format(*sys.version_info[:2]), prefix=sys.exec_prefix,
                      variable=WORKERS_VARIABLE)


def _interpreter_candidates():
    version = '{}.{}'.format(*sys.version_info[:2])
    names = ('python' + version, 'python3', 'python', 'python.exe', 'python3.exe')
    folders = (os.path.join(sys.exec_prefix, 'bin'), sys.exec_prefix)
    candidates = [sys.executable, getattr(sys, '_base_executable', None)]
    candidates += [os.path.join(folder, name) for folder in folders for name in names]
    candidates += [shutil.which('python' + version), shutil.which('python3')]
    seen = []
    for candidate in candidates:
        if (candidate and candidate not in seen and os.path.isfile(candidate)
                and os.path.basename(candidate).lower().startswith('python')):
            seen.append(candidate)
    return seen


def _is_this_python(candidate):
    probe = 'import sys; print(sys.hexversion, sys.prefix)'
    try:
        answer = subprocess.run([candidate, '-c', probe], capture_output=True, text=True, timeout=60,
                                stdin=subprocess.DEVNULL, check=False)
    except (OSError, subprocess.SubprocessError):
        return False
    return answer.returncode == 0 and answer.stdout.split(None, 1) == [str(sys.hexversion), sys.prefix + '\n']




def _dask_map(address, function, tasks, context, feedback):
    """The tasks on the Dask cluster at ``address``, ``context`` scattered once to every worker."""
    client_class = _dask_client_class()
    try:
        client = client_class(address, timeout=CONNECT_SECONDS, set_as_default=False)
    except (OSError, TimeoutError) as error:
        raise EngineError(N_('Cannot reach the Dask scheduler at {address} ({reason}). Check the address in the '
                             'plugin settings or {variable}, or clear it to run on this machine.'),
                          address=address, reason=str(error), variable=SCHEDULER_VARIABLE) from error
    with client:
        shared = client.scatter(context, broadcast=True)
        futures = [client.submit(function, shared, task, pure=False) for task in tasks]
        pending = futures
        while pending:
            if feedback.canceled():
                client.cancel(futures)
            feedback.check()
            failed = [future for future in futures if future.status == 'error']
            if failed:
                error = failed[0].exception()
                client.cancel(futures)
                raise error
            pending = [future for future in pending if not future.done()]
            feedback.report((len(futures) - len(pending)) / len(futures))
            time.sleep(POLL_SECONDS if pending else 0)
        return client.gather(futures)


def _dask_client_class():
    """dask.distributed's Client, or EngineError when it is not installed (it is optional)."""
    try:
        from distributed import Client
    except ImportError as error:
        raise EngineError(N_('A Dask scheduler is set ({variable} or the plugin settings) but dask.distributed '
                             'is not installed in the Python of QGIS. Install it, or clear the scheduler address.'),
                          variable=SCHEDULER_VARIABLE) from error
    return Client
