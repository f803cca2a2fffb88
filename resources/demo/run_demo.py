"""Run Reserve Planner on the bundled demo landscape, as a batch user would, and summarise the results.

    /usr/bin/python3 -P resources/demo/run_demo.py OUTPUT_FOLDER      (what ``make demo`` runs)

Each algorithm runs through ``qgis_process`` (resources/demo/batch.py) and writes GeoPackages, rasters and
HTML reports to OUTPUT_FOLDER; then a map of the zoning and corridors is rendered with the plugin's styles
(zoning_map.png) and index.html links everything with the key figures.
"""

import html
import os
import sys
import time

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
    """(title, algorithm id, parameters) in the order a planner works."""
    def path(name):
        return os.path.join(out, name)
    return [
        ('Generate zones', 'generatezones', dict(
            CORES=layer('cores'), BOUNDARY=layer('reserve_boundary'), BUFFER_WIDTH=1500, TRANSITION_WIDTH=3000,
            OUTPUT=path('zones.gpkg'))),
        ('Validate zones (China three-zone profile)', 'validatezones', dict(
            ZONES=path('zones.gpkg'), ZONE_FIELD='zone', BOUNDARY=layer('reserve_boundary'), PROFILE=1,
            OUTPUT=path('zone_problems.gpkg'), OUTPUT_HTML=path('zone_validation.html'))),
        ('Zone statistics with land cover', 'zonestatistics', dict(
            ZONES=path('zones.gpkg'), LANDCOVER=raster('landcover.tif'), OUTPUT=path('zone_statistics.gpkg'))),
    ]


def run_steps(batch, out):
    results = []
    for title, algorithm_id, parameters in steps(out):
        started = time.time()
        returncode, result, output = batch.run(algorithm_id, **parameters)
        seconds = time.time() - started
        ok = returncode == 0 and result is not None
        print('{:<48} {:>6.1f} s  {}'.format(title, seconds, 'ok' if ok else 'FAILED'))
        if not ok:
            print(output[-3000:])
        results.append((title, algorithm_id, ok, seconds, (result or {}).get('results', {})))
    return results


def render_map(out, png):
    """Render zones, problems and corridors over the land cover with the plugin's QML styles."""
    from qgis.core import (QgsApplication, QgsMapRendererParallelJob, QgsMapSettings, QgsRasterLayer,
                           QgsRectangle, QgsVectorLayer)
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor

    global _APPLICATION
    _APPLICATION = QgsApplication([], False)
    _APPLICATION.setPrefixPath('/usr', True)
    _APPLICATION.initQgis()
    candidates = [
        ('zone_problems.gpkg', 'zone_problems'),
        ('corridor_links.gpkg', 'corridor_links'),
        ('zones.gpkg', 'zones'),
    ]
    layers = []
    for file_name, style in candidates:
        file_path = os.path.join(out, file_name)
        if os.path.exists(file_path):
            vector = QgsVectorLayer(file_path, style, 'ogr')
            vector.loadNamedStyle(os.path.join(STYLES, style + '.qml'))
            layers.append(vector)
    backdrop = QgsRasterLayer(raster('elevation.tif'), 'elevation')
    layers.append(backdrop)
    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(backdrop.crs())
    extent = QgsRectangle()
    for vector in layers[:-1]:
        extent.combineExtentWith(vector.extent())
    extent = extent if not extent.isEmpty() else backdrop.extent()
    extent.scale(1.1)
    settings.setExtent(extent)
    settings.setOutputSize(QSize(1200, 900))
    settings.setBackgroundColor(QColor('white'))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    job.renderedImage().save(png)



def write_index(out, results, png):
    rows = []
    for title, algorithm_id, ok, seconds, values in results:
        figures = ', '.join('{} = {}'.format(key, value) for key, value in sorted(values.items())
                            if not isinstance(value, str) or not os.path.exists(value))
        files = ' '.join('<a href="{0}">{0}</a>'.format(html.escape(os.path.basename(value)))
                         for value in values.values() if isinstance(value, str) and os.path.exists(value))
        rows.append('<tr><td>{}</td><td><code>reserveplanner:{}</code></td><td>{}</td><td>{:.1f} s</td>'
                    '<td>{}</td><td>{}</td></tr>'.format(html.escape(title), algorithm_id,
                                                         'ok' if ok else '<b>failed</b>', seconds,
                                                         html.escape(figures), files))
    page = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>Reserve Planner demo</title>'
            '<style>body{font-family:sans-serif;margin:2em}td,th{border:1px solid #ccc;padding:4px 8px}'
            'table{border-collapse:collapse}</style></head><body><h1>Reserve Planner demo</h1>'
            '<p>A fictitious mountain reserve in western Sichuan (CGCS2000 / 3-degree Gauss-Kruger CM 105E).</p>'
            '<table><tr><th>Step</th><th>Algorithm</th><th>Status</th><th>Time</th><th>Results</th><th>Files</th></tr>'
            '{}</table><h2>Zoning map</h2><img src="{}" width="900"></body></html>').format(
                '\n'.join(rows), os.path.basename(png))
    with open(os.path.join(out, 'index.html'), 'w', encoding='utf-8') as handle:
        handle.write(page)


def main(out):
    out = os.path.abspath(out)
    os.makedirs(out, exist_ok=True)
    batch = QgisProcess(os.path.join(out, '.qgis_profile'))
    results = run_steps(batch, out)
    png = os.path.join(out, 'zoning_map.png')
    render_map(out, png)
    write_index(out, results, png)
    print('Summary: {}'.format(os.path.join(out, 'index.html')))
    return 0 if all(ok for _title, _id, ok, _seconds, _values in results) else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else 'demo_output'))
