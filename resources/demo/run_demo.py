"""Run Reserve Planner on the bundled demo landscape, as a batch user would, and summarise the results.

    /usr/bin/python3 -P resources/demo/run_demo.py OUTPUT_FOLDER      (what ``make demo`` runs)

Each algorithm runs through ``qgis_process`` (resources/demo/batch.py) and writes GeoPackages, rasters and
HTML reports to OUTPUT_FOLDER; then a map of the zoning and corridors is rendered with the plugin's styles
(zoning_map.png) and index.html links everything with the key figures.
"""

import html
import math
import os
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path[:] = [entry for entry in sys.path if os.path.abspath(entry or os.curdir) not in (REPO, HERE)]
sys.path.insert(0, HERE)

from batch import QgisProcess  # noqa: E402

DEMO_GPKG = os.path.join(HERE, 'demo.gpkg')
STYLES = os.path.join(REPO, 'resources', 'styles')
_APPLICATION = None  # the QgsApplication lives until the process ends: deleting it earlier crashes Qt


def layer(name):
    return '{}|layername={}'.format(DEMO_GPKG, name)


def raster(name):
    return os.path.join(HERE, name)


def steps(out):
    """(title, algorithm id, raw NAME=VALUE arguments, parameters) in the order a planner works."""
    def path(name):
        return os.path.join(out, name)
    reserve = dict(CORES=layer('cores'), BOUNDARY=layer('reserve_boundary'), BUFFER_WIDTH=1500, TRANSITION_WIDTH=3000)
    protected = ['PROTECTED=' + layer('protected_areas'), 'PROTECTED=' + layer('protected_points')]
    return [
        ('Generate zones (Euclidean widths)', 'generatezones', [], dict(reserve, OUTPUT=path('zones.gpkg'))),
        ('Generate zones (cost-distance widths)', 'generatezones', [], dict(
            reserve, RESISTANCE=raster('resistance.tif'), OUTPUT=path('zones_cost.gpkg'))),
        ('Validate zones (China three-zone profile)', 'validatezones', [], dict(
            ZONES=path('zones.gpkg'), ZONE_FIELD='zone', BOUNDARY=layer('reserve_boundary'), PROFILE=1,
            MIN_BUFFER_WIDTH=1500,
            OUTPUT=path('zone_problems.gpkg'), OUTPUT_HTML=path('zone_validation.html'))),
        ('Zone statistics with land cover', 'zonestatistics', [], dict(
            ZONES=path('zones.gpkg'), LANDCOVER=raster('landcover.tif'), OUTPUT=path('zone_statistics.gpkg'))),
        ('Cost distance from the cores', 'costdistance', [], dict(
            RESISTANCE=raster('resistance.tif'), SOURCES=layer('cores'), OUTPUT=path('cost_distance.tif'))),
        ('Least-cost paths from 卧龙核心区 to the other cores', 'leastcostpath', [], dict(
            RESISTANCE=raster('resistance.tif'), SOURCE=layer('cores') + '|subset="core_id" = \'C1\'',
            TARGET=layer('cores') + '|subset="core_id" <> \'C1\'', OUTPUT=path('least_cost_paths.gpkg'))),
        ('Corridor network between the cores', 'corridornetwork', [], dict(
            CORES=layer('cores'), CORE_ID_FIELD='name', RESISTANCE=raster('resistance.tif'), WIDTH_CUTOFF=5000,
            OUTPUT_LINKS=path('corridor_links.gpkg'), OUTPUT_CORRIDORS=path('corridors.tif'),
            OUTPUT_CORRIDOR_POLYGONS=path('corridor_polygons.gpkg'))),
        ('Protected-area coverage per county', 'protectedcoverage', protected, dict(
            REGIONS=layer('counties'), REGION_FIELD='县名', TARGET=30, OUTPUT=path('coverage_counties.gpkg'),
            OUTPUT_FLAT=path('protected_flat.gpkg'), OUTPUT_TIMELINE=path('coverage_timeline.gpkg'),
            OUTPUT_CATEGORIES=path('coverage_iucn_categories.gpkg'), OUTPUT_HTML=path('coverage_counties.html'))),
        ('Ecoregion representativeness', 'protectedcoverage', protected, dict(
            REGIONS=layer('ecoregions'), REGION_FIELD='名称', TARGET=30, OUTPUT=path('coverage_ecoregions.gpkg'),
            OUTPUT_FLAT=path('protected_flat_ecoregions.gpkg'),
            OUTPUT_TIMELINE=path('coverage_timeline_ecoregions.gpkg'),
            OUTPUT_HTML=path('coverage_ecoregions.html'))),
        ('Threatened species habitat protected', 'habitatcoverage', protected, dict(
            SPECIES=layer('species_ranges'), SPECIES_FIELD='species', GROUP_FIELD='class',
            OUTPUT=path('species_coverage.gpkg'), OUTPUT_GROUPS=path('species_groups.gpkg'),
            OUTPUT_HTML=path('species_coverage.html'))),
        ('Species persisting (species-area, z = 0.25)', 'speciesarea', [], dict(
            COVERAGE=30, Z=0.25, SPECIES_SHARE=90, OUTPUT=path('species_area.gpkg'))),
        ('ProtConn per county (10 km dispersal, 50 km stepping stones)', 'protconn', [], dict(
            PROTECTED=path('protected_flat.gpkg'), REGIONS=layer('counties'), REGION_FIELD='县名', DISTANCE=10000,
            PROBABILITY=0.5, TRANSBOUNDARY_DISTANCE=50000, OUTPUT=path('protconn_counties.gpkg'),
            OUTPUT_IMPORTANCE=path('protconn_importance.gpkg'))),
        ('Score OECM candidates', 'scoreoecm', [
            'CRITERIA=' + raster('forest_intactness.tif'), 'CRITERIA=' + raster('human_footprint.tif'),
            'VECTOR_CRITERIA=' + layer('key_biodiversity_areas')] + protected, dict(
            CANDIDATES=layer('oecm_candidates'), OVERLAP_THRESHOLD=5,
            REQUIRED_FIELDS='governance', ATTRIBUTE_CRITERIA='tenure_yrs', CONNECTIVITY='true',
            REGIONS=layer('counties'), DIRECTIONS='+,-,+,+,+', WEIGHTS='3,2,2,1,2',
            OUTPUT=path('oecm_scores.gpkg'), OUTPUT_HTML=path('oecm_scores.html'))),
        ('Select OECMs toward 30 % per county', 'selectoecm', protected, dict(
            CANDIDATES=path('oecm_scores.gpkg'), SCORE_FIELD='score', COST_FIELD='cost', REGIONS=layer('counties'),
            REGION_FIELD='县名', TARGET=30, OUTPUT=path('oecm_selected.gpkg'), OUTPUT_REGIONS=path('oecm_regions.gpkg'),
            OUTPUT_HTML=path('oecm_selection.html'))),
    ] + mspa_steps(out)


# ---- Ecological sources: MSPA of the demo's forest -------------------------------------------------------------

MSPA_MAPS = (('mspa_map.png', 'MSPA of the forest: cores, edges, perforations, bridges, loops, branches, islets', (
    ('mspa.tif', 'mspa'),)),)


def mspa_steps(out):
    """MSPA of the land cover's forest (class 1) with a 1-cell (100 m) edge, its statistics and core patches."""
    return [('MSPA of the forest (edge width 100 m)', 'mspa', [], dict(
        INPUT=raster('landcover.tif'), FOREGROUND='1', EDGE_WIDTH=1, OUTPUT=os.path.join(out, 'mspa.tif'),
        OUTPUT_STATS=os.path.join(out, 'mspa_statistics.gpkg'), OUTPUT_CORES=os.path.join(out, 'mspa_cores.gpkg')))]


def run_steps(batch, out):
    results = []
    for title, algorithm_id, arguments, parameters in steps(out):
        started = time.time()
        returncode, result, output = batch.run(algorithm_id, *arguments, **parameters)
        seconds = time.time() - started
        ok = returncode == 0 and result is not None
        print('{:<48} {:>6.1f} s  {}'.format(title, seconds, 'ok' if ok else 'FAILED'))
        if not ok:
            print(output[-3000:])
        results.append((title, algorithm_id, ok, seconds, (result or {}).get('results', {})))
    return results


MAPS = (
    ('zoning_map.png', 'Zoning and its validation problems (China three-zone profile)', (
        ('zone_problems.gpkg', 'zone_problems'), ('zones.gpkg', 'zones'))),
    ('cost_zoning_map.png', 'Cost-distance zoning: buffer and transition follow the terrain', (
        ('zones_cost.gpkg', 'zones'),)),
    ('corridor_map.png', 'Least-cost links and corridors between the cores', (
        ('corridor_links.gpkg', 'corridor_links'), ('corridor_polygons.gpkg', 'corridor_polygons'))),
    ('coverage_map.png', 'Protected-area coverage per county against the 30 % target', (
        ('protected_flat.gpkg', 'protected_flat'), ('coverage_counties.gpkg', 'coverage'))),
    ('oecm_map.png', 'OECM candidates by score class, and the sites selected toward 30 %', (
        ('oecm_selected.gpkg', 'oecm_selection'), ('oecm_scores.gpkg', 'oecm_scores'),
        ('protected_flat.gpkg', 'protected_flat'))),
) + MSPA_MAPS


def start_qgis():
    """A headless QgsApplication kept until the process ends (deleting it earlier crashes Qt)."""
    from qgis.core import QgsApplication

    global _APPLICATION
    _APPLICATION = QgsApplication([], False)
    _APPLICATION.setPrefixPath('/usr', True)
    _APPLICATION.initQgis()


def render_map(out, png, title, layer_files):
    """Render the print layout of ``map_layout`` to ``png``."""
    from osgeo import gdal
    from qgis.core import QgsLayoutExporter

    layout = map_layout(out, title, layer_files)
    settings = QgsLayoutExporter.ImageExportSettings()
    settings.dpi = 110
    gdal.PushErrorHandler('CPLQuietErrorHandler')  # QGIS tries to georeference the PNG in place, which GDAL refuses
    try:
        result = QgsLayoutExporter(layout).exportToImage(png, settings)
    finally:
        gdal.PopErrorHandler()
    if result != QgsLayoutExporter.ExportResult.Success:
        raise RuntimeError('could not render {} (layout export result {})'.format(png, result))


def map_layout(out, title, layer_files):
    """A QGIS print layout of ``layer_files`` ((file in out, style name), top first) over the land cover with the
    plugin's styles (a .tif file is a raster drawn instead of the land cover): title, map, legend, scale bar and
    north arrow (the layers live in QgsProject.instance())."""
    from qgis.core import QgsPrintLayout, QgsProject, QgsRasterLayer, QgsRectangle, QgsVectorLayer

    project = QgsProject.instance()
    project.clear()
    layers = []
    for file_name, style in layer_files:
        file_path = os.path.join(out, file_name)
        if os.path.exists(file_path):
            kind = QgsRasterLayer if file_name.endswith('.tif') else QgsVectorLayer
            map_layer = kind(file_path, style.replace('_', ' '), 'gdal' if kind is QgsRasterLayer else 'ogr')
            map_layer.loadNamedStyle(os.path.join(STYLES, style + '.qml'))
            if kind is QgsRasterLayer:
                map_layer.setRenderer(palette_of_present_values(map_layer, file_path))
            layers.append(map_layer)
    landcover = QgsRasterLayer(raster('landcover.tif'), 'land cover')
    landcover.loadNamedStyle(os.path.join(HERE, 'landcover.qml'))
    project.setCrs(landcover.crs())
    base = [] if any(isinstance(layer, QgsRasterLayer) for layer in layers) else [landcover]
    project.addMapLayers(layers + base)
    extent = QgsRectangle()
    for vector in layers:
        extent.combineExtentWith(vector.extent())
    extent = extent if not extent.isEmpty() else landcover.extent()
    extent.scale(1.1)
    extent = extent.intersect(landcover.extent())  # the map stays filled by the landscape: no white bands
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    _add_map_items(layout, title, layers + base, extent)
    return layout


def palette_of_present_values(raster_layer, file_path):
    """The layer's paletted renderer keeping only the classes that occur in the raster (a short legend)."""
    from osgeo import gdal
    from qgis.core import QgsPalettedRasterRenderer

    present = set(np.unique(gdal.Open(file_path).ReadAsArray()).tolist())
    renderer = raster_layer.renderer()
    classes = [item for item in renderer.classes() if item.value in present]
    return QgsPalettedRasterRenderer(raster_layer.dataProvider(), renderer.band(), classes)


def _add_map_items(layout, title, layers, extent):
    """Title, map, legend, scale bar (km) and north arrow on an A4 landscape page (millimetres)."""
    from qgis.core import (
        QgsApplication, QgsLayoutItemLabel, QgsLayoutItemLegend, QgsLayoutItemMap, QgsLayoutItemPicture,
        QgsLayoutItemScaleBar, QgsLayoutPoint, QgsLayoutSize,
    )
    from qgis.PyQt.QtGui import QFont

    label = QgsLayoutItemLabel(layout)
    label.setText(title)
    label.setFont(QFont('Noto Sans CJK SC', 16))
    layout.addLayoutItem(label)
    label.attemptMove(QgsLayoutPoint(8, 6))
    label.attemptResize(QgsLayoutSize(280, 12))
    width, height = _frame_size(extent, 205, 183)
    item_map = QgsLayoutItemMap(layout)
    layout.addLayoutItem(item_map)
    item_map.attemptMove(QgsLayoutPoint(8, 20))
    item_map.attemptResize(QgsLayoutSize(width, height))
    item_map.setLayers(layers)
    item_map.setExtent(extent)
    item_map.setFrameEnabled(True)
    layout.pageCollection().page(0).setPageSize(QgsLayoutSize(297, max(height, 150) + 28))
    legend = QgsLayoutItemLegend(layout)
    legend.setTitle('Legend')
    legend.setLinkedMap(item_map)
    layout.addLayoutItem(legend)
    legend.attemptMove(QgsLayoutPoint(8 + width + 5, 20))
    scale_bar = QgsLayoutItemScaleBar(layout)
    scale_bar.setStyle('Single Box')
    scale_bar.setLinkedMap(item_map)
    scale_bar.applyDefaultSize()
    scale_bar.setMapUnitsPerScaleBarUnit(1000)
    scale_bar.setUnitLabel('km')
    scale_bar.setUnitsPerSegment(_round_length(extent.width() / 5))
    scale_bar.setNumberOfSegmentsLeft(0)
    scale_bar.setNumberOfSegments(2)
    layout.addLayoutItem(scale_bar)
    scale_bar.attemptMove(QgsLayoutPoint(12, 20 + height - 15))
    arrow = QgsLayoutItemPicture(layout)
    arrow.setPicturePath(_north_arrow_svg(QgsApplication.svgPaths()))
    layout.addLayoutItem(arrow)
    arrow.attemptMove(QgsLayoutPoint(8 + width - 15, 24))
    arrow.attemptResize(QgsLayoutSize(11, 16))


def _frame_size(extent, max_width, max_height):
    """(width, height) in mm of the largest frame within max_width x max_height with the aspect of ``extent``."""
    scale = min(max_width / extent.width(), max_height / extent.height())
    return extent.width() * scale, extent.height() * scale


def _round_length(length):
    """``length`` rounded down to 1, 2 or 5 times a power of ten (a scale bar segment)."""
    power = 10 ** math.floor(math.log10(length))
    return max(step * power for step in (1, 2, 5) if step * power <= length)


def _north_arrow_svg(svg_folders):
    """QGIS's own north arrow SVG from its SVG folders."""
    for folder in svg_folders:
        candidate = os.path.join(folder, 'arrows', 'NorthArrow_02.svg')
        if os.path.exists(candidate):
            return candidate
    raise RuntimeError('QGIS north arrow SVG not found in {}'.format(svg_folders))


def readable(value):
    """A result value as a person reads it: floats rounded (26.56, 0.0123), everything else as it is."""
    if isinstance(value, float):
        return '{:,.2f}'.format(value) if abs(value) >= 1 else '{:.3g}'.format(value)
    return str(value)


def write_index(out, results):
    rows = []
    for title, algorithm_id, ok, seconds, values in results:
        figures = ', '.join('{} = {}'.format(key, readable(value)) for key, value in sorted(values.items())
                            if not isinstance(value, str) or not os.path.exists(value))
        files = ' '.join('<a href="{0}">{0}</a>'.format(html.escape(os.path.basename(value)))
                         for value in values.values() if isinstance(value, str) and os.path.exists(value))
        rows.append('<tr><td>{}</td><td><code>reserveplanner:{}</code></td><td>{}</td><td>{:.1f} s</td>'
                    '<td>{}</td><td>{}</td></tr>'.format(html.escape(title), algorithm_id,
                                                         'ok' if ok else '<b>failed</b>', seconds,
                                                         html.escape(figures), files))
    page = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>Reserve Planner demo</title>'
            '<style>body{{font-family:sans-serif;margin:2em}}td,th{{border:1px solid #ccc;padding:4px 8px}}'
            'table{{border-collapse:collapse}}</style></head><body><h1>Reserve Planner demo</h1>'
            '<p>A fictitious mountain reserve in western Sichuan (CGCS2000 / 3-degree Gauss-Kruger CM 105E).</p>'
            '<table><tr><th>Step</th><th>Algorithm</th><th>Status</th><th>Time</th><th>Results</th><th>Files</th></tr>'
            '{}</table>{}</body></html>').format(
                '\n'.join(rows), ''.join('<h2>{}</h2><img src="{}" width="900">'.format(html.escape(title), file_name)
                                         for file_name, title, _layers in MAPS))
    with open(os.path.join(out, 'index.html'), 'w', encoding='utf-8') as handle:
        handle.write(page)


def main(out):
    out = os.path.abspath(out)
    os.makedirs(out, exist_ok=True)
    batch = QgisProcess(os.path.join(out, '.qgis_profile'))
    results = run_steps(batch, out)
    start_qgis()
    for file_name, title, layer_files in MAPS:
        render_map(out, os.path.join(out, file_name), title, layer_files)
    write_index(out, results)
    print('Summary: {}'.format(os.path.join(out, 'index.html')))
    return 0 if all(ok for _title, _id, ok, _seconds, _values in results) else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else 'demo_output'))
