"""The base class of every Reserve Planner algorithm: naming, groups, icons, translation, help, and the checks
every algorithm shares: no NaN for a number, outputs never over inputs, every destination writable before anything
is written, a warning for an input without a CRS, and no file left behind by a failed run (nor an earlier output
replaced by a half-written one)."""

import functools
import math
import os
import shutil
import tempfile
import traceback

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterDistance,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterVectorDestination,
    QgsProcessingParameterVectorLayer,
    QgsProviderRegistry,
    QgsRasterLayer,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from .. import qgis_io
from ..compat import ProcessingParameterFlag, WkbType
from ..engine.messages import EngineError
from ..engine.raster import FORMAT_ERROR, driver_for_path

ICON_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(__file__))), 'resources', 'icons')
HELP_URL = 'https://github.com/reserve-planner/reserve_planner#the-algorithms'
"""The README's table of the algorithms (GitHub's anchor of its heading "The algorithms")."""

LAYER_INPUTS = {parameter.typeName() for parameter in (
    QgsProcessingParameterFeatureSource, QgsProcessingParameterVectorLayer, QgsProcessingParameterRasterLayer,
    QgsProcessingParameterMapLayer)}
LAYER_OUTPUTS = {parameter.typeName() for parameter in (
    QgsProcessingParameterFeatureSink, QgsProcessingParameterVectorDestination,
    QgsProcessingParameterRasterDestination)}


tr = qgis_io.translator('ReservePlannerAlgorithm')


def comparable_path(path):
    """``path`` made comparable with another path to the same file (symbolic links, case on Windows)."""
    return os.path.normcase(os.path.realpath(path))


def layer_location(layer):
    """(layer name, file) of ``layer``: the file without its |layername=... (a GeoPackage, a shapefile, a
    GeoTIFF) and the layer's name inside it; the file is None when the layer is not stored in a file (memory,
    database, web service)."""
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    path = parts.get('path')
    return parts.get('layerName') or layer.name(), path if path and os.path.isfile(path) else None


def input_files(algorithm, definition, parameters, context):
    """(layer name, file) of each layer or file given to the input parameter ``definition`` and stored in a file."""
    name = definition.name()
    if definition.type() == QgsProcessingParameterFile.typeName():
        path = algorithm.parameterAsFile(parameters, name, context)
        return [(os.path.basename(path), path)] if path and os.path.isfile(path) else []
    if definition.type() in LAYER_INPUTS:
        layers = [algorithm.parameterAsLayer(parameters, name, context)]
    elif definition.type() == QgsProcessingParameterMultipleLayers.typeName():
        layers = algorithm.parameterAsLayerList(parameters, name, context)
    else:
        return []
    locations = [layer_location(layer) for layer in layers if layer is not None]
    return [(layer_name, path) for layer_name, path in locations if path]


def is_folder_output(definition):
    return definition.type() == QgsProcessingParameterFolderDestination.typeName()


def output_file(algorithm, definition, parameters, context):
    """The file (or, for a folder output, the folder) the destination parameter ``definition`` writes to, or None
    (memory layer, an optional output not asked for)."""
    if is_folder_output(definition) and parameters.get(definition.name()) in (None, ''):
        return None
    if definition.type() == QgsProcessingParameterFileDestination.typeName() or is_folder_output(definition):
        path = algorithm.parameterAsFileOutput(parameters, definition.name(), context)
    elif definition.type() in LAYER_OUTPUTS:
        path = algorithm.parameterAsOutputLayer(parameters, definition.name(), context)
    else:
        return None
    path = (path or '').split('|')[0]
    return path if path and not path.startswith('memory:') else None


def overwritten_input(algorithm, parameters, context):
    """A sentence naming the first output that would overwrite the file of an input layer, or None."""
    inputs = [(definition.description(), layer_name, path)
              for definition in algorithm.parameterDefinitions() if not definition.isDestination()
              for layer_name, path in input_files(algorithm, definition, parameters, context)]
    for definition in algorithm.destinationParameterDefinitions():
        output_path = None if is_folder_output(definition) else output_file(algorithm, definition, parameters,
                                                                              context)
        for input_name, layer_name, input_path in inputs:
            if output_path and comparable_path(output_path) == comparable_path(input_path):
                return tr('The output "{output}" would be written to {path}, the file holding the input layer '
                          '"{layer}" ({input}), and would overwrite it: inputs are never modified. '
                          'Choose another file for "{output}".').format(
                    output=definition.description(), path=output_path, layer=layer_name, input=input_name)
    return None


NUMBER_INPUTS = {parameter.typeName() for parameter in (
    QgsProcessingParameterNumber, QgsProcessingParameterDistance)}


def not_a_number(algorithm, parameters, context):
    """A sentence naming the first number parameter given NaN, or None."""
    for definition in algorithm.parameterDefinitions():
        if definition.type() not in NUMBER_INPUTS or parameters.get(definition.name()) in (None, ''):
            continue
        value = algorithm.parameterAsDouble(parameters, definition.name(), context)
        if math.isnan(value):
            return tr('The parameter "{description}" ({name}) is NaN (not a number). Give a number.').format(
                description=definition.description(), name=definition.name())
    return None


def unwritable_destination(algorithm, parameters, context):
    """A sentence naming the first output whose folder does not exist or cannot be written to, or whose raster
    format GDAL cannot write, or None. A folder output is checked as a file is: its parent folder must exist,
    and the folder itself, when it exists, must be a writable folder. Checked before anything is written, so
    that a run never stops half-way with some of its outputs on disk."""
    for definition in algorithm.destinationParameterDefinitions():
        path = output_file(algorithm, definition, parameters, context)
        if not path:
            continue
        refused = unwritable_path(path, definition.description(), is_folder_output(definition))
        if refused:
            return refused
        if (definition.type() == QgsProcessingParameterRasterDestination.typeName()
                and driver_for_path(path) is None):
            return qgis_io.engine_message(EngineError(FORMAT_ERROR, path=path, extension=os.path.splitext(path)[1]))
    return None


def unwritable_path(path, output, is_folder):
    """A sentence saying why the output named ``output`` cannot be written to ``path`` (a file, or a folder
    when ``is_folder``), or None."""
    folder = os.path.dirname(os.path.abspath(path))
    if os.path.exists(folder) and not os.path.isdir(folder):
        return tr('The output "{output}" cannot be written to {path}: {file} is a file, not a folder. Choose a '
                  'file in a folder.').format(output=output, path=path, file=folder)
    if not os.path.isdir(folder):
        return tr('The folder {folder} of the output "{output}" does not exist. Create it or choose another '
                  'file.').format(folder=folder, output=output)
    if is_folder and os.path.exists(path) and not os.path.isdir(path):
        return tr('The output "{output}" is a folder, but {path} is a file. Choose a folder.').format(
            output=output, path=path)
    if not os.access(folder, os.W_OK | os.X_OK) or (os.path.exists(path) and not os.access(
            path, os.W_OK | (os.X_OK if is_folder else 0))):
        return tr('The output "{output}" cannot be written to {path}: permission denied. Choose a file in a '
                  'folder you can write to.').format(output=output, path=path)
    return None


def input_layers(algorithm, parameters, context):
    """Every layer given to an input parameter of ``algorithm``."""
    layers = []
    for definition in algorithm.parameterDefinitions():
        if definition.isDestination() or parameters.get(definition.name()) in (None, ''):
            continue
        if definition.type() in LAYER_INPUTS:
            layers.append(algorithm.parameterAsLayer(parameters, definition.name(), context))
        elif definition.type() == QgsProcessingParameterMultipleLayers.typeName():
            layers.extend(algorithm.parameterAsLayerList(parameters, definition.name(), context))
    return [layer for layer in layers if layer is not None]


def warn_about_missing_crs(algorithm, parameters, context, feedback):
    """One warning per input layer without a CRS: its coordinates cannot be measured or reprojected."""
    for layer in input_layers(algorithm, parameters, context):
        if not layer.crs().isValid():
            feedback.pushWarning(tr(
                'Layer {layer} has no coordinate reference system (CRS): its coordinates are used as they are, '
                'without reprojection, so distances and areas measured on it may be wrong. Set its CRS '
                '(Layer Properties > Source) and run again.').format(layer=qgis_io.layer_label(layer)))


def warn_about_extra_bands(algorithm, parameters, context, feedback):
    """One warning per input raster of more than one band: every algorithm reads band 1 and ignores the others."""
    for layer in input_layers(algorithm, parameters, context):
        if isinstance(layer, QgsRasterLayer) and layer.bandCount() > 1:
            feedback.pushWarning(tr(
                'Raster {layer} has {count} bands: band 1 is read and the others are ignored. If you meant another '
                'band, save it as a raster of its own (Raster > Conversion > Translate) and run again.').format(
                    layer=qgis_io.layer_label(layer), count=layer.bandCount()))


def files_beside(path):
    """The files of the folder of ``path`` whose names start with its name without extension (a shapefile's
    .shx and .dbf, a GeoPackage's -wal, a GeoTIFF's .aux.xml)."""
    folder = os.path.dirname(os.path.abspath(path))
    stem = os.path.splitext(os.path.basename(path))[0]
    if not stem or not os.path.isdir(folder):
        return set()
    return {os.path.join(folder, name) for name in os.listdir(folder) if name.startswith(stem)}


class FolderOutput:
    """What a folder output holds before a run, so that a failed run leaves it as it was: the files and folders
    it added inside are removed (and the folder itself when the run created it), and each file of an earlier run
    that it wrote over is put back whole. The run names each file before writing it
    (ReservePlannerAlgorithm.file_in_folder), and that file is set aside as an output file is (FileOutput)."""

    def __init__(self, folder):
        self.folder = folder
        self.existed = os.path.isdir(folder)
        self.entries = set(os.listdir(folder)) if self.existed else set()
        self.files = {}

    def set_aside(self):
        """Nothing before the run: a folder is added to, never replaced; see set_aside_file."""

    def set_aside_file(self, path):
        """Set aside the file ``path`` in the folder, which the run is about to write, as FileOutput.set_aside
        does: an earlier version goes back if the run fails, and is deleted if it succeeds."""
        key = comparable_path(path)
        if key not in self.files:
            self.files[key] = FileOutput(path)
            self.files[key].set_aside()

    def discard_backup(self):
        for output in self.files.values():
            output.discard_backup()

    def remove_additions(self):
        for output in self.files.values():
            output.remove_additions()
        if not self.existed:
            shutil.rmtree(self.folder, ignore_errors=True)
        elif os.path.isdir(self.folder):
            for name in set(os.listdir(self.folder)) - self.entries:
                path = os.path.join(self.folder, name)
                if os.path.isdir(path) and not os.path.islink(path):
                    shutil.rmtree(path, ignore_errors=True)
                else:
                    remove_files([path])


SHAPEFILE_PARTS = ('.shp', '.shx', '.dbf', '.prj', '.cpg', '.qpj', '.sbn', '.sbx', '.qix')
"""The files of one Shapefile: writing x.shp (or a table's x.dbf) replaces every one of them."""


def own_files(path):
    """The existing files that writing the output ``path`` replaces: the file and the files GDAL and SQLite keep
    with it (a Shapefile's parts, a GeoPackage's -wal and -shm, a raster's .aux.xml)."""
    names = [path] + [path + suffix for suffix in ('-wal', '-shm', '-journal', '.aux.xml')]
    if qgis_io.is_shapefile(path):
        names += [os.path.splitext(path)[0] + part for part in SHAPEFILE_PARTS]
    return [name for name in dict.fromkeys(names) if os.path.isfile(name)]


class FileOutput:
    """An output file: before the run, the file an earlier run left there is set aside (moved, in its folder) and
    what else exists beside it noted (see files_beside). A run that fails removes what it added and puts the earlier
    file back, so that a batch row rerun into the file of an earlier row never leaves a half-written file in its
    place; a run that succeeds deletes the earlier file."""

    def __init__(self, path):
        self.path, self.existing, self.backup = path, files_beside(path), None

    def set_aside(self):
        """Move the file an earlier run left at the path (and its sidecar files) into a backup folder beside it."""
        replaced = own_files(self.path)
        if replaced:
            self.backup = tempfile.mkdtemp(prefix='.reserve_planner_backup_', dir=os.path.dirname(
                os.path.abspath(self.path)))
            for name in replaced:
                try:
                    os.replace(name, os.path.join(self.backup, os.path.basename(name)))
                except OSError:  # held open (Windows): it is overwritten as before
                    pass
        self.existing = files_beside(self.path)

    def remove_additions(self):
        remove_files(files_beside(self.path) - self.existing)
        if self.backup:
            folder = os.path.dirname(os.path.abspath(self.path))
            for name in os.listdir(self.backup):
                os.replace(os.path.join(self.backup, name), os.path.join(folder, name))
        self.discard_backup()

    def discard_backup(self):
        """Delete the earlier run's file set aside (the run succeeded, or it has been put back)."""
        if self.backup:
            shutil.rmtree(self.backup, ignore_errors=True)
            self.backup = None


def output_snapshots(algorithm, parameters, context):
    """A FileOutput or FolderOutput for every output of the run that goes to a file or a folder."""
    snapshots = []
    for definition in algorithm.destinationParameterDefinitions():
        path = output_file(algorithm, definition, parameters, context)
        if path:
            snapshots.append(FolderOutput(path) if is_folder_output(definition) else FileOutput(path))
    return snapshots


def table_destination(destination_id, context):
    """The file a table (an output without geometry) written to ``destination_id`` is in: for a .shp, the .dbf
    GDAL writes (there is no .shp), also as the layer QGIS loads on completion; else ``destination_id``."""
    base, extension = os.path.splitext(destination_id)
    if extension.lower() != '.shp':
        return destination_id
    table = base + '.dbf'
    context.setLayersToLoadOnCompletion({table if layer == destination_id else layer: details
                                         for layer, details in context.layersToLoadOnCompletion().items()})
    return table


def refused_before_writing(algorithm, parameters, context):
    """A sentence refusing the run before anything is written (an output over an input's file, an output that
    cannot be written), or None. Checked by checkParameterValues and again as the run starts, since the batch
    dialog and QgsProcessingAlgorithm.run run an algorithm without calling checkParameterValues."""
    return overwritten_input(algorithm, parameters, context) or unwritable_destination(algorithm, parameters, context)


def removing_failed_outputs(process):
    """Wrap a processAlgorithm: refuse an output over an input or one that cannot be written (as
    checkParameterValues does), warn about inputs without a CRS, and when the run fails, delete every
    output file (and every file written into a folder output, and a folder output it created) the run created:
    a failed run leaves nothing behind; files that existed before are kept, and an output file an earlier run
    left, set aside during the run, is put back whole (FileOutput), as is a file in a folder output that the run
    wrote over (FolderOutput). The run's FileOutput and FolderOutput are the algorithm's ``run_outputs`` while
    it runs. A file error (a report that cannot
    be written, a full disk) becomes a QgsProcessingException naming the file rather than a Python traceback."""

    @functools.wraps(process)
    def wrapped(algorithm, parameters, context, feedback):
        refused = refused_before_writing(algorithm, parameters, context)
        if refused:
            raise QgsProcessingException(refused)
        warn_about_missing_crs(algorithm, parameters, context, feedback)
        warn_about_extra_bands(algorithm, parameters, context, feedback)
        snapshots = output_snapshots(algorithm, parameters, context)
        outer_run, algorithm.run_outputs = getattr(algorithm, 'run_outputs', None), snapshots
        try:
            for snapshot in snapshots:
                snapshot.set_aside()
            results = process(algorithm, parameters, context, feedback)
        except BaseException as error:
            # Close the sinks the failed run still holds in its frames before their files are deleted.
            traceback.clear_frames(error.__traceback__)
            for snapshot in snapshots:
                snapshot.remove_additions()
            if isinstance(error, OSError):
                raise QgsProcessingException(tr(
                    'The run stopped on the file {path}: {reason}. No output was kept. Check that the folder '
                    'exists and is writable and that the disk has room.').format(
                        path=error.filename or '', reason=error.strerror or str(error))) from error
            raise
        finally:
            algorithm.run_outputs = outer_run
        for snapshot in snapshots:
            snapshot.discard_backup()
        return results

    return wrapped


def remove_files(paths):
    for path in paths:
        try:
            os.remove(path)
        except OSError:
            pass


def sentences(texts):
    """One text of translated sentences (each its own tr(), so translations follow the sentences): a space after a
    sentence ending in ASCII ('.'), none after full-width punctuation ('。', as Chinese writes)."""
    joined = ''
    for text in (text.strip() for text in texts):
        joined += (' ' if joined and joined[-1].isascii() else '') + text
    return joined


def keywords(text):
    """The tags of a translated comma-separated keyword list ('a,b' or Chinese 'a，b')."""
    return [tag.strip() for tag in text.replace('\uff0c', ',').split(',') if tag.strip()]


def group_names():
    """Translated display names of the algorithm groups, by group id."""
    return {
        'zoning': QCoreApplication.translate('ReservePlannerAlgorithm', 'Zoning'),
        'corridors': QCoreApplication.translate('ReservePlannerAlgorithm', 'Corridors'),
        'coverage': QCoreApplication.translate('ReservePlannerAlgorithm', 'Coverage'),
        'oecm': QCoreApplication.translate('ReservePlannerAlgorithm', 'OECM'),
        'sources': QCoreApplication.translate('ReservePlannerAlgorithm', 'Ecological sources'),
        'planning': QCoreApplication.translate('ReservePlannerAlgorithm', 'Conservation planning'),
        'workflows': QCoreApplication.translate('ReservePlannerAlgorithm', 'Workflows'),
    }


class ReservePlannerAlgorithm(QgsProcessingAlgorithm):
    """Subclasses set ALGORITHM_ID, GROUP_ID, ICON and ADVANCED and implement displayName, shortDescription,
    tags, summary, parameter_help, initAlgorithm and processAlgorithm. ``tr`` uses the class name as translation
    context.

    Help is declared, not assembled: ``summary()`` gives the sentences of the short help, ``parameter_help()`` the
    sentences of each parameter's help; ``addParameter`` sets that help and flags the parameters named in ADVANCED
    (the ones most runs leave at their default) as advanced."""

    ALGORITHM_ID = None
    GROUP_ID = None
    ICON = 'reserve_planner.svg'
    ADVANCED = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if 'processAlgorithm' in cls.__dict__:
            cls.processAlgorithm = removing_failed_outputs(cls.__dict__['processAlgorithm'])

    def tr(self, text):
        return QCoreApplication.translate(type(self).__name__, text)

    def createInstance(self):  # noqa: N802 (QGIS API name)
        return type(self)()

    def name(self):
        return self.ALGORITHM_ID

    def groupId(self):  # noqa: N802 (QGIS API name)
        return self.GROUP_ID

    def group(self):
        return group_names()[self.GROUP_ID]

    def icon(self):
        return QIcon(self.svgIconPath())

    def svgIconPath(self):  # noqa: N802 (QGIS API name)
        return os.path.join(ICON_DIR, self.ICON)

    def helpUrl(self):  # noqa: N802 (QGIS API name)
        return HELP_URL

    def summary(self):
        """The short help: a few translated sentences on what the algorithm does and what it gives."""
        raise NotImplementedError

    def parameter_help(self):
        """{parameter name: translated sentences}: meaning, units, CRS and default of each input parameter."""
        return {}

    def shortHelpString(self):  # noqa: N802 (QGIS API name)
        return sentences(self.summary())

    def addParameter(self, definition, createOutput=True):  # noqa: N802, N803 (QGIS API names)
        """Add ``definition`` with its help from parameter_help() and, when named in ADVANCED, flagged advanced."""
        help_sentences = self.parameter_help().get(definition.name())
        if help_sentences:
            definition.setHelp(sentences(help_sentences))
        if definition.name() in self.ADVANCED:
            definition.setFlags(definition.flags() | ProcessingParameterFlag.Advanced)
        return super().addParameter(definition, createOutput)

    def parameterAsSink(self, parameters, name, context, fields, *arguments):  # noqa: N802 (QGIS API name)
        """QGIS's sink for the output ``name``; written to a Shapefile, its field names longer than a Shapefile
        holds are shortened by qgis_io.shapefile_fields (and remembered for the output's style), never cut inside
        a character by GDAL; a table (no geometry) written to a .shp is returned as the .dbf GDAL writes for it
        (QGIS 3.22 returned the .shp, which is never written, so the table could not be loaded)."""
        destination = output_file(self, self.parameterDefinition(name), parameters, context)
        fields, shortened = qgis_io.shapefile_fields(fields, destination)
        sink, destination_id = super().parameterAsSink(parameters, name, context, fields, *arguments)
        if (arguments[0] if arguments else WkbType.NoGeometry) == WkbType.NoGeometry:
            destination_id = table_destination(destination_id, context)
        if shortened:
            qgis_io.SHORTENED_FIELD_NAMES[destination_id] = shortened
        else:
            qgis_io.SHORTENED_FIELD_NAMES.pop(destination_id, None)
        return sink, destination_id

    def file_in_folder(self, folder, name):
        """The path of the file ``name`` in the folder output ``folder``, to be written now: the file an earlier run
        left there is set aside until the run ends (FolderOutput.set_aside_file), so that a failed run puts it back.
        Every file written into a folder output is named through here."""
        path = os.path.join(folder, name)
        key = comparable_path(folder)
        outputs = [output for output in self.run_outputs
                   if isinstance(output, FolderOutput) and comparable_path(output.folder) == key]
        if not outputs:  # a temporary folder: QGIS names a new one at each parameterAsFileOutput
            outputs.append(FolderOutput(folder))
            self.run_outputs.append(outputs[0])
        outputs[0].set_aside_file(path)
        return path

    def checkParameterValues(self, parameters, context):  # noqa: N802 (QGIS API name)
        """Refuse NaN for any number, then QGIS's checks, then refuse an output that would overwrite the file of
        an input layer or that cannot be written."""
        nan = not_a_number(self, parameters, context)
        if nan:
            return False, nan
        valid, message = super().checkParameterValues(parameters, context)
        if not valid:
            return valid, message
        refused = refused_before_writing(self, parameters, context)
        return (False, refused) if refused else (True, '')
