"""A multi-page PDF report made with a QGIS print layout and its atlas: one page per region (the first page the
summary of all regions) with a map of the region and its protected areas, the region's indicator table (an
attribute table filtered to the atlas feature) and chart pictures named by the page's feature.

QGIS only (no engine code): the algorithm hands over pages already computed and translated.
"""

from collections import namedtuple

from qgis.core import (
    QgsFeature,
    QgsFillSymbol,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItemAttributeTable,
    QgsLayoutItemLabel,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutObject,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTableColumn,
    QgsPrintLayout,
    QgsProject,
    QgsProperty,
    QgsSingleSymbolRenderer,
    QgsSymbolLayer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QRectF
from qgis.PyQt.QtGui import QFont

from .compat import LayoutUnit, TextRenderFormat

Page = namedtuple('Page', 'title geometry charts')
"""One atlas page: its title, a QgsGeometry (output CRS) the map zooms to, and up to two chart PNG files."""
TableRow = namedtuple('TableRow', 'page label subject value statement')
"""One line of a page's indicator table (texts already translated and formatted)."""

PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 297.0, 210.0
MARGIN_MM = 10.0
MAP_RECT = (MARGIN_MM, 24.0, 135.0, 92.0)
CHART_RECTS = ((MARGIN_MM, 118.0, 135.0, 38.0), (MARGIN_MM, 158.0, 135.0, 42.0))
TABLE_RECT = (150.0, 24.0, 137.0, 176.0)
MILLIMETERS = LayoutUnit.Millimeters

CURRENT_REGION_WIDTH = 'CASE WHEN @atlas_featureid = $id THEN 1.0 WHEN "page" = 0 THEN 0 ELSE 0.3 END'
"""Outline width (mm) of a region on the map: thick on its own page, thin on the others; the summary's outline
(page 0) only on its own page."""


def memory_layer(uri, name, rows, project):
    """A memory layer added to ``project``; ``rows``: [(attributes, QgsGeometry or None)]."""
    layer = QgsVectorLayer(uri, name, 'memory')
    features = []
    for attributes, geometry in rows:
        feature = QgsFeature(layer.fields())
        feature.setAttributes(list(attributes))
        if geometry is not None:
            feature.setGeometry(geometry)
        features.append(feature)
    if not layer.dataProvider().addFeatures(features):
        raise RuntimeError('memory layer {} refused its features'.format(name))
    project.addMapLayer(layer)
    return layer


def fill(layer, colour, outline, width='0.4'):
    layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {'color': colour, 'outline_color': outline, 'outline_width': width})))


def add_label(layout, text, rect, size, bold=False):
    label = QgsLayoutItemLabel(layout)
    label.setText(text)
    font = QFont()
    font.setPointSizeF(size)
    font.setBold(bold)
    label.setFont(font)
    place(label, rect)
    layout.addLayoutItem(label)
    return label


def place(item, rect):
    x, y, width, height = rect
    item.attemptMove(QgsLayoutPoint(x, y, MILLIMETERS))
    item.attemptResize(QgsLayoutSize(width, height, MILLIMETERS))


def add_map(layout, layers, crs):
    item = QgsLayoutItemMap(layout)
    place(item, MAP_RECT)
    item.setCrs(crs)
    item.setLayers(layers)
    item.setAtlasDriven(True)
    item.setAtlasScalingMode(QgsLayoutItemMap.AtlasScalingMode.Auto)
    item.setAtlasMargin(0.08)
    item.setFrameEnabled(True)
    layout.addLayoutItem(item)
    return item


def add_charts(layout):
    """Two pictures under the map, each showing the file named in the page's field chart0 or chart1."""
    for index, rect in enumerate(CHART_RECTS):
        picture = QgsLayoutItemPicture(layout)
        place(picture, rect)
        picture.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
        picture.dataDefinedProperties().setProperty(QgsLayoutObject.DataDefinedProperty.PictureSource,
                                                    QgsProperty.fromField('chart{}'.format(index)))
        layout.addLayoutItem(picture)


def charts_of(page):
    """The page's chart files padded to one per chart slot ('' shows nothing)."""
    return (list(page.charts) + [''] * len(CHART_RECTS))[:len(CHART_RECTS)]


def add_table(layout, table_layer, headings):
    """The attribute table of ``table_layer`` filtered to the atlas page, columns label, subject, value, statement."""
    table = QgsLayoutItemAttributeTable.create(layout)
    table.setVectorLayer(table_layer)
    table.setFilterFeatures(True)
    table.setFeatureFilter('"page" = attribute(@atlas_feature, \'page\')')
    table.setMaximumNumberOfFeatures(200)
    columns = []
    for attribute, heading, width in zip(('label', 'subject', 'value', 'statement'), headings, (42, 22, 18, 0)):
        column = QgsLayoutTableColumn(heading)
        column.setAttribute(attribute)
        column.setWidth(width)
        columns.append(column)
    table.setColumns(columns)
    font = QFont()
    font.setPointSizeF(6.5)
    table.setContentFont(font)
    header_font = QFont(font)
    header_font.setBold(True)
    table.setHeaderFont(header_font)
    table.setWrapBehavior(QgsLayoutItemAttributeTable.WrapBehavior.WrapText)
    table.setCellMargin(0.8)
    frame = QgsLayoutFrame(layout, table)
    frame.attemptSetSceneRect(QRectF(*TABLE_RECT))
    table.addFrame(frame)
    layout.addMultiFrame(table)
    return table


def atlas_layout(pages, rows, crs, protected_units, texts):
    """(project, layout): the layers in their own QgsProject (never the user's) and the atlas layout.

    ``pages``: Page per atlas page in order; ``rows``: TableRow; ``protected_units``: QgsGeometry list (output
    CRS); ``texts``: translated dict with 'title', 'footer' and the four column 'headings'.
    """
    project = QgsProject()
    crs_id = crs.authid() or crs.toWkt()
    chart_fields = ''.join('&field=chart{}:string'.format(index) for index in range(len(CHART_RECTS)))
    coverage = memory_layer('MultiPolygon?crs={}&field=page:integer&field=title:string{}'.format(crs_id, chart_fields),
                            'pages', [([number, page.title] + charts_of(page), page.geometry)
                             for number, page in enumerate(pages)], project)
    fill(coverage, '0,0,0,0', '#37474f', '0.3')
    coverage.renderer().symbol().symbolLayer(0).setDataDefinedProperty(
        QgsSymbolLayer.Property.PropertyStrokeWidth, QgsProperty.fromExpression(CURRENT_REGION_WIDTH))
    protected = memory_layer('MultiPolygon?crs={}'.format(crs_id), texts['protected'],
                             [([], geometry) for geometry in protected_units], project)
    fill(protected, '#66bb6a', '#1b5e20', '0.2')
    table_layer = memory_layer(
        'None?field=page:integer&field=label:string&field=subject:string&field=value:string&field=statement:string',
        'indicators', [(list(row), None) for row in rows], project)
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    page = layout.pageCollection().page(0)
    page.setPageSize(QgsLayoutSize(PAGE_WIDTH_MM, PAGE_HEIGHT_MM, MILLIMETERS))
    add_label(layout, texts['title'], (MARGIN_MM, 6.0, 270.0, 8.0), 11)
    add_label(layout, '[% "title" %]', (MARGIN_MM, 13.0, 270.0, 10.0), 16, bold=True)
    add_label(layout, texts['footer'], (MARGIN_MM, 202.0, 277.0, 6.0), 6)
    add_map(layout, [coverage, protected], crs)
    add_charts(layout)
    add_table(layout, table_layer, texts['headings'])
    atlas = layout.atlas()
    atlas.setCoverageLayer(coverage)
    atlas.setEnabled(True)
    atlas.setSortFeatures(True)
    atlas.setSortExpression('"page"')
    return project, layout


def export_pdf(path, pages, rows, crs, protected_units, texts):
    """Write the atlas of ``pages`` to one PDF at ``path``; returns the number of pages; raises RuntimeError with
    QGIS's message when the export fails."""
    project, layout = atlas_layout(pages, rows, crs, protected_units, texts)
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.rasterizeWholeImage = False
    settings.textRenderFormat = TextRenderFormat.AlwaysText  # searchable text (QGIS 3.40 exports outlines)
    result, error = QgsLayoutExporter.exportToPdf(layout.atlas(), path, settings)
    if result != QgsLayoutExporter.ExportResult.Success:
        raise RuntimeError(error or 'QgsLayoutExporter result {}'.format(result))
    del project
    return len(pages)

