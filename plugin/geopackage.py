"""New single-layer GeoPackages for the layers the Desktop tools create (zoning, drawn corridors)."""

import os

from qgis.core import QgsProject, QgsVectorFileWriter, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication

from ..processing.compat import WkbType


def tr(text):
    return QCoreApplication.translate('ReservePlannerGeoPackage', text)


def polygon_writer(path, layer_name, fields, crs):
    """A QgsVectorFileWriter for a new MultiPolygon layer ``layer_name`` in the GeoPackage ``path``.

    Raises OSError naming the file when it cannot be created.
    """
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = 'GPKG'
    options.layerName = layer_name
    writer = QgsVectorFileWriter.create(path, fields, WkbType.MultiPolygon, crs,
                                        QgsProject.instance().transformContext(), options)
    if writer.hasError() != QgsVectorFileWriter.WriterError.NoError:
        raise OSError(tr('Could not create the layer {path}: {error}').format(path=path, error=writer.errorMessage()))
    return writer


def open_layer(path, layer_name, style_file):
    """The GeoPackage layer as a QgsVectorLayer named after the file, styled with ``style_file``."""
    layer = QgsVectorLayer('{}|layername={}'.format(path, layer_name),
                           os.path.splitext(os.path.basename(path))[0], 'ogr')
    layer.loadNamedStyle(style_file)
    layer.triggerRepaint()
    return layer
