"""One codebase for QGIS 3.22 to 4.x: processing/compat.py, and a provider that survives a module failing to import."""

import importlib
import os
import sys
import textwrap

import numpy as np
import pytest
from osgeo import gdal
from qgis.core import (
    QgsApplication,
    QgsFeature,
    QgsFields,
    QgsProcessingContext,
    QgsProcessingParameterField,
    QgsProcessingUtils,
    QgsProject,
    QgsRasterLayer,
    QgsVectorLayer,
    QgsWkbTypes,
)

from reserve_planner.processing import compat, provider
from reserve_planner.processing.algorithms.base import ReservePlannerAlgorithm

from conftest import REPO

GOOD_MODULE = '''
from reserve_planner.processing.algorithms.base import ReservePlannerAlgorithm


class Working(ReservePlannerAlgorithm):
    ALGORITHM_ID = 'workingprobe'
    GROUP_ID = 'zoning'

    def displayName(self):
        return 'Working'

    def shortHelpString(self):
        return 'Loads whatever else fails.'

    def initAlgorithm(self, config=None):
        pass

    def processAlgorithm(self, parameters, context, feedback):
        return {}
'''


@pytest.fixture
def algorithm_package(tmp_path, monkeypatch):
    """A package of three algorithm modules: one that works, one needing a missing optional library, one whose
    import raises the way Debian sid's shapely version string once did."""
    package = tmp_path / 'probe_algorithms'
    package.mkdir()
    (package / '__init__.py').write_text('')
    (package / 'working.py').write_text(GOOD_MODULE)
    (package / 'needs_extra.py').write_text('import reserve_planner_missing_optional_library  # noqa\n')
    (package / 'version_parse.py').write_text(textwrap.dedent('''
        SHAPELY_MAJOR = int('0+unknown'.split('.')[0])
    '''))
    monkeypatch.syspath_prepend(str(tmp_path))
    yield importlib.import_module('probe_algorithms')
    for name in [name for name in sys.modules if name.startswith('probe_algorithms')]:
        del sys.modules[name]


@pytest.fixture
def qgis_log():
    """Messages QGIS's log receives during the test: (tag, message)."""
    received = []

    def record(message, tag, _level):
        received.append((tag, message))

    QgsApplication.messageLog().messageReceived.connect(record)
    yield received
    QgsApplication.messageLog().messageReceived.disconnect(record)


def test_a_module_failing_to_import_hides_only_its_algorithms_and_says_so_in_the_log(
        qgis_app, algorithm_package, qgis_log):
    classes = provider.algorithm_classes(algorithm_package)

    assert [cls.ALGORITHM_ID for cls in classes] == ['workingprobe']
    messages = [message for tag, message in qgis_log if tag == provider.LOG_TAG]
    assert len(messages) == 2, qgis_log
    assert any('probe_algorithms.needs_extra' in text and 'ModuleNotFoundError' in text and
               'reserve_planner_missing_optional_library' in text for text in messages), messages
    assert any('probe_algorithms.version_parse' in text and 'ValueError' in text for text in messages), messages


def test_the_provider_loads_the_algorithms_of_the_modules_that_import(qgis_app, algorithm_package, monkeypatch):
    monkeypatch.setattr(provider, 'algorithms', algorithm_package)
    probe = provider.ReservePlannerProvider()
    probe.refreshAlgorithms()
    assert [algorithm.id() for algorithm in probe.algorithms()] == ['reserveplanner:workingprobe']


def test_the_real_provider_imports_every_algorithm_module(qgis_app, qgis_log):
    provider.algorithm_classes()
    assert [message for tag, message in qgis_log if tag == provider.LOG_TAG] == []


@pytest.mark.parametrize('type_name, value, expected', [
    ('String', 'réserve 保护区', 'réserve 保护区'), ('Int', 42, 42), ('LongLong', 2 ** 40, 2 ** 40),
    ('Double', 0.125, 0.125), ('Bool', True, True)])
def test_make_field_builds_fields_a_geopackage_stores_with_their_type(tmp_path, type_name, value, expected):
    field_type = getattr(compat.FieldType, type_name)
    fields = QgsFields()
    fields.append(compat.make_field('value', field_type, length=20 if type_name == 'String' else 0))
    assert compat.is_field_type(fields.at(0), field_type)
    layer = QgsVectorLayer('NoGeometry', 'table', 'memory')
    layer.dataProvider().addAttributes(fields.toList())
    layer.updateFields()
    feature = QgsFeature(layer.fields())
    feature.setAttributes([value])
    assert layer.dataProvider().addFeatures([feature])[0]

    stored = next(layer.getFeatures())
    assert stored['value'] == expected
    assert compat.is_field_type(layer.fields().at(0), field_type)
    others = [name for name in ('String', 'Int', 'Double') if name != type_name]
    assert not any(compat.is_field_type(layer.fields().at(0), getattr(compat.FieldType, name)) for name in others)


def test_make_field_keeps_length_and_precision():
    field = compat.make_field('area_ha', compat.FieldType.Double, 'double', 20, 4)
    assert (field.name(), field.length(), field.precision(), field.typeName()) == ('area_ha', 20, 4, 'double')


def test_moved_qgis_enums_mean_what_their_names_say(qgis_app):
    layer = QgsVectorLayer('MultiPolygon?crs=EPSG:3857', 'zones', 'memory')
    assert layer.wkbType() == compat.WkbType.MultiPolygon
    assert layer.geometryType() == compat.GeometryType.Polygon
    assert QgsWkbTypes.geometryType(compat.WkbType.LineString) == compat.GeometryType.Line
    assert layer.crs().mapUnits() == compat.DistanceUnit.Meters


def test_source_types_pick_the_layers_a_parameter_offers(qgis_app):
    project = QgsProject()
    polygons = QgsVectorLayer('Polygon?crs=EPSG:3857', 'zones', 'memory')
    lines = QgsVectorLayer('LineString?crs=EPSG:3857', 'roads', 'memory')
    project.addMapLayers([polygons, lines])
    offered = QgsProcessingUtils.compatibleVectorLayers(project, [compat.ProcessingSourceType.VectorPolygon])
    assert [layer.name() for layer in offered] == ['zones']
    offered = QgsProcessingUtils.compatibleVectorLayers(project, [compat.ProcessingSourceType.VectorAnyGeometry])
    assert sorted(layer.name() for layer in offered) == ['roads', 'zones']


def test_parameter_as_strings_reads_a_multiple_field_parameter(qgis_app):
    class FieldsProbe(ReservePlannerAlgorithm):
        def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
            self.addParameter(QgsProcessingParameterField('FIELDS', 'Fields', allowMultiple=True, optional=True))

    algorithm = FieldsProbe()
    algorithm.initAlgorithm()
    context = QgsProcessingContext()
    assert compat.parameter_as_strings(algorithm, {'FIELDS': ['zone', 'area_ha']}, 'FIELDS', context) == [
        'zone', 'area_ha']


def test_band_maximum_reads_the_largest_value_of_a_band(tmp_path):
    path = str(tmp_path / 'cost.tif')
    dataset = gdal.GetDriverByName('GTiff').Create(path, 4, 3, 1, gdal.GDT_Float32)
    dataset.SetGeoTransform((0, 10, 0, 30, 0, -10))
    dataset.GetRasterBand(1).WriteArray(np.arange(12, dtype=np.float32).reshape(3, 4) * 2.5)
    dataset = None
    layer = QgsRasterLayer(path, 'cost')
    assert layer.isValid()
    assert compat.band_maximum(layer.dataProvider(), 1) == pytest.approx(27.5)


def test_qaction_comes_from_the_qt_module_that_has_it():
    from qgis.PyQt import QtGui, QtWidgets

    assert compat.QAction is getattr(QtGui, 'QAction', None) or compat.QAction is QtWidgets.QAction


def plugin_python_files():
    for folder in ('plugin', 'processing', 'tests', 'resources'):
        for root, _dirs, names in os.walk(os.path.join(REPO, folder)):
            yield from (os.path.join(root, name) for name in names if name.endswith('.py'))
    yield os.path.join(REPO, '__init__.py')


def test_qt_is_imported_through_qgis_pyqt_and_version_differences_stay_in_compat():
    """What QGIS 4 (Qt6) cannot run and the migration tool would rewrite, checked without the tool: PyQt5/PyQt6
    imported directly, QVariant field types, QAction imported from a Qt module rather than from compat."""
    compat_file = os.path.join(REPO, 'processing', 'compat.py')
    offending = []
    for path in plugin_python_files():
        with open(path, encoding='utf-8') as handle:
            for number, line in enumerate(handle, 1):
                code = line.split('#')[0]
                direct_pyqt = 'import PyQt' in code or 'from PyQt' in code
                variant_type = 'QVariant.' in code
                action_import = 'import' in code and 'QAction' in code and ('QtWidgets' in code or 'QtGui' in code)
                if (direct_pyqt or variant_type or action_import) and path not in (compat_file, __file__):
                    offending.append('{}:{}: {}'.format(os.path.relpath(path, REPO), number, line.strip()))
    assert offending == []


def test_the_corridor_tab_spacer_has_the_size_qt6_uic_needs_and_expands(qgis_app):
    """Qt6's uic builds a spacer without a sizeHint as QSpacerItem(policy, policy), which PyQt6 refuses (the dock
    failed to load); Qt5's took the policies for a 0 x 7 pixel size and the spacer never expanded."""
    from qgis.gui import QgsDockWidget
    from qgis.PyQt import uic
    from qgis.PyQt.QtWidgets import QSizePolicy

    form_class, _ = uic.loadUiType(os.path.join(REPO, 'ui', 'zone_editor_dock.ui'))

    class Form(QgsDockWidget, form_class):
        pass

    form = Form()
    form.setupUi(form)
    layout = form.corridorsLayout
    spacers = [layout.itemAt(index).spacerItem() for index in range(layout.count())]
    spacers = [spacer for spacer in spacers if spacer is not None]
    assert len(spacers) == 1
    assert spacers[0].sizePolicy().verticalPolicy() == QSizePolicy.Policy.Expanding
    assert (spacers[0].sizeHint().width(), spacers[0].sizeHint().height()) == (20, 40)
