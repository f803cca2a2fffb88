"""Generate the bundled demo landscape (resources/demo/demo.gpkg, landcover.tif, resistance.tif).

A fictitious mountain reserve in western Sichuan, in CGCS2000 / 3-degree Gauss-Kruger CM 105E (EPSG:4544):
60 km x 40 km of terrain with forest, alpine grassland, farmland, villages and a river; a reserve
boundary with three cores; WDPA-like protected areas (polygons and points, with the statuses and
designations the coverage cleaning must handle); candidate OECM sites (sacred groves, community forests,
goose feeding farmland); two ecoregions and three counties with Chinese names; species ranges.
Deterministic (fixed seed), so re-running it reproduces the committed files.

    /usr/bin/python3 resources/demo/make_demo_data.py [output folder]
"""

import os
import sys

import numpy as np
from osgeo import gdal, ogr, osr
from scipy import ndimage
from shapely.geometry import LineString, Point, Polygon, box
from shapely.ops import unary_union

gdal.UseExceptions()
ogr.UseExceptions()

EPSG = 4544
ORIGIN_X, ORIGIN_Y = 300000.0, 3460000.0  # upper-left corner, metres
CELL = 100.0
COLS, ROWS = 600, 400
SEED = 20261126

# Land-cover classes (code, name, resistance).
LANDCOVER = (
    (1, 'forest', 1.0),
    (2, 'shrubland', 3.0),
    (3, 'alpine grassland', 5.0),
    (4, 'farmland', 30.0),
    (5, 'settlement', 200.0),
    (6, 'water', 500.0),
)


def world(col, row):
    """Map coordinates of a fractional cell position."""
    return ORIGIN_X + col * CELL, ORIGIN_Y - row * CELL


def terrain(rng):
    """Smooth elevation (m) rising to the west, with ridges and a river valley running south-east."""
    noise = ndimage.gaussian_filter(rng.normal(size=(ROWS, COLS)), 18)
    noise = (noise - noise.min()) / (noise.max() - noise.min())
    cols = np.arange(COLS)[None, :]
    rows = np.arange(ROWS)[:, None]
    elevation = 1300 + 1500 * (1 - cols / COLS) + 1700 * noise
    valley = np.abs(rows - (80 + 0.45 * cols + 25 * np.sin(cols / 40.0)))
    elevation -= 900 * np.exp(-(valley / 30.0) ** 2)
    return elevation, valley


def landcover_from(elevation, valley, rng):
    speckle = ndimage.gaussian_filter(rng.normal(size=elevation.shape), 3)
    speckle /= speckle.std()
    classes = np.full(elevation.shape, 1, dtype=np.int16)
    classes[elevation > 3500 + 100 * speckle] = 3
    classes[(elevation > 3100 + 100 * speckle) & (classes == 1)] = 2
    classes[(valley < 45) & (elevation < 2600) & (speckle > -0.3)] = 4
    classes[(valley < 14) & (speckle > 1.2)] = 5
    classes[valley < 2.5] = 6
    return classes


def resistance_from(classes, elevation):
    values = np.zeros(classes.shape, dtype=np.float32)
    for code, _name, resistance in LANDCOVER:
        values[classes == code] = resistance
    slope = np.hypot(*np.gradient(elevation, CELL))
    return values * (1 + np.clip(slope, 0, 1.5))


def write_raster(path, array, data_type, nodata):
    driver = gdal.GetDriverByName('GTiff')
    dataset = driver.Create(path, COLS, ROWS, 1, data_type, ['COMPRESS=DEFLATE', 'PREDICTOR=2'])
    dataset.SetGeoTransform((ORIGIN_X, CELL, 0, ORIGIN_Y, 0, -CELL))
    reference = osr.SpatialReference()
    reference.ImportFromEPSG(EPSG)
    dataset.SetProjection(reference.ExportToWkt())
    band = dataset.GetRasterBand(1)
    band.SetNoDataValue(nodata)
    band.WriteArray(array)
    dataset = None


def blob(centre_col, centre_row, radius_cells, rng, points=24, roughness=0.25):
    """An irregular polygon around a cell position (radius in cells)."""
    angles = np.linspace(0, 2 * np.pi, points, endpoint=False)
    radii = radius_cells * CELL * (1 + roughness * ndimage.gaussian_filter1d(rng.normal(size=points), 2, mode='wrap'))
    x0, y0 = world(centre_col, centre_row)
    return Polygon(zip(x0 + radii * np.cos(angles), y0 + radii * np.sin(angles))).buffer(0)


def reserve_layers(rng):
    boundary = blob(190, 190, 125, rng, points=40, roughness=0.12)
    cores = [
        ('C1', '卧龙核心区', blob(150, 150, 35, rng)),
        ('C2', '巴朗山核心区', blob(250, 240, 28, rng)),
        ('C3', '正河核心区', blob(120, 270, 22, rng)),
    ]
    cores = [(code, name, geometry.intersection(boundary)) for code, name, geometry in cores]
    return boundary, cores


def protected_areas(rng, boundary, cores):
    """WDPA-like records: (name, desig_eng, status, iucn_cat, status_yr, rep_area_km2, geometry)."""
    records = [
        ('卧龙国家级自然保护区', 'National Nature Reserve', 'Designated', 'Ia', 1975, None, boundary.buffer(-600)),
        ('卧龙生物圈保护区', 'UNESCO-MAB Biosphere Reserve', 'Designated', 'Not Reported', 1979, None,
         boundary.buffer(2000)),
        ('四姑娘山风景名胜区', 'Scenic Area', 'Designated', 'V', 1994, None, blob(420, 120, 60, rng)),
        ('草坡省级自然保护区', 'Provincial Nature Reserve', 'Designated', 'IV', 2000, None, blob(470, 300, 45, rng)),
        ('草坡湿地公园', 'Wetland Park', 'Designated', 'V', 2012, None, blob(495, 310, 25, rng)),
        ('鹧鸪山森林公园', 'Forest Park', 'Proposed', 'Not Reported', 2024, None, blob(540, 90, 30, rng)),
        ('三江保护小区', 'Nature Protection Site', 'Established', 'VI', 2016, None, blob(360, 350, 20, rng)),
        ('熊猫走廊地块', 'Provincial Nature Reserve', 'Designated', 'IV', 2021, None,
         Polygon([world(330, 200), world(370, 260), world(330, 260), world(370, 200)])),
    ]
    points = [
        ('龙溪-虹口保护小区', 'Nature Protection Site', 'Designated', 'Not Reported', 2008, 12.5,
         Point(world(560, 360))),
        ('未报面积保护点', 'Nature Protection Site', 'Designated', 'Not Reported', 2010, None, Point(world(30, 370))),
    ]
    return records + points


def candidate_sites(rng):
    """Candidate OECMs: (name, kind, governance, tenure_years, geometry)."""
    return [
        ('嘉绒神山', 'sacred mountain', '村委会', 200, blob(300, 110, 14, rng)),
        ('寺庙神林', 'sacred grove', '寺庙', 300, blob(345, 160, 4, rng)),
        ('耿达社区林', 'community forest', '社区林业合作社', 30, blob(285, 300, 18, rng)),
        ('三江集体林', 'community forest', '', 15, blob(405, 250, 16, rng)),
        ('河谷雁类取食农田', 'goose feeding farmland', '农户协会', 10, blob(330, 230, 10, rng)),
        ('草坡溪流缓冲带', 'riparian strip', '水务局', 50, blob(470, 300, 9, rng)),
        ('小金高山草甸', 'community grassland', '牧民合作社', 40, blob(540, 200, 20, rng)),
        ('蝴蝶结地块', 'community forest', '村委会', 20,
         Polygon([world(230, 360), world(260, 390), world(230, 390), world(260, 360)])),
    ]


def regions(rng):
    counties = [
        ('汶川县', box(*world(0, 400), *world(260, 0))),
        ('宝兴县', box(*world(260, 400), *world(430, 0))),
        ('小金县', box(*world(430, 400), *world(600, 0))),
    ]
    cut = LineString([world(0, 180), world(200, 230), world(400, 170), world(600, 240)])
    whole = box(*world(0, 400), *world(600, 0))
    north = Polygon(list(cut.coords) + [world(600, 0), world(0, 0)])
    ecoregions = [
        ('邛崃山针叶林', 'Qionglai-Minshan conifer forests', north.intersection(whole)),
        ('横断山高山草甸', 'Hengduan Mountains subalpine meadows', whole.difference(north)),
    ]
    return counties, ecoregions


def species_ranges(rng):
    """(species, class, iucn, geometry)."""
    return [
        ('大熊猫 Ailuropoda melanoleuca', 'Mammalia', 'VU', blob(200, 200, 150, rng, roughness=0.2)),
        ('川金丝猴 Rhinopithecus roxellana', 'Mammalia', 'EN', blob(320, 150, 110, rng, roughness=0.2)),
        ('雪豹 Panthera uncia', 'Mammalia', 'VU', blob(470, 120, 90, rng, roughness=0.2)),
        ('绿尾虹雉 Lophophorus lhuysii', 'Aves', 'VU', blob(380, 100, 70, rng, roughness=0.2)),
        ('斑尾榛鸡 Tetrastes sewerzowi', 'Aves', 'NT', blob(520, 320, 60, rng, roughness=0.2)),
        ('山溪鲵 Batrachuperus pinchonii', 'Amphibia', 'VU', blob(300, 280, 30, rng, roughness=0.2)),
    ]


def stopover_sites(rng):
    """Waterbird stopover sites given as points: (site, species, count, point), seeded like the rest."""
    species = ('灰雁 Anser anser', '斑头雁 Anser indicus', '黑颈鹤 Grus nigricollis')
    sites = []
    for index in range(12):
        col, row = rng.uniform(20, 580), rng.uniform(20, 380)
        sites.append(('停歇点 {:02d}'.format(index + 1), species[index % 3], int(rng.integers(20, 800)),
                      Point(world(col, row))))
    return sites


def recognised_oecms(rng):
    """OECMs reported with WDPA's PA_DEF = '0' (CBD decision 14/8)."""
    return [
        ('嘉绒神山', 'Sacred natural site (OECM)', 'Designated', 'Not Reported', 2022, None, '0',
         blob(300, 110, 14, rng)),
        ('耿达社区保护林', 'Community conserved forest (OECM)', 'Established', 'Not Reported', 2023, None, '0',
         blob(285, 300, 18, rng)),
    ]


def write_layer(datasource, name, geometry_type, fields, rows):
    reference = osr.SpatialReference()
    reference.ImportFromEPSG(EPSG)
    layer = datasource.CreateLayer(name, reference, geometry_type, ['GEOMETRY_NAME=geom', 'FID=fid'])
    for field_name, field_type in fields:
        layer.CreateField(ogr.FieldDefn(field_name, field_type))
    for values in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        for (field_name, _field_type), value in zip(fields, values[:-1]):
            if value is not None:
                feature.SetField(field_name, value)
        geometry = ogr.CreateGeometryFromWkb(values[-1].wkb)
        if geometry_type == ogr.wkbMultiPolygon:
            geometry = ogr.ForceToMultiPolygon(geometry)
        feature.SetGeometry(geometry)
        layer.CreateFeature(feature)


def main(folder):
    os.makedirs(folder, exist_ok=True)
    rng = np.random.default_rng(SEED)
    elevation, valley = terrain(rng)
    classes = landcover_from(elevation, valley, rng)
    write_raster(os.path.join(folder, 'landcover.tif'), classes, gdal.GDT_Int16, 0)
    write_raster(os.path.join(folder, 'resistance.tif'), resistance_from(classes, elevation), gdal.GDT_Float32, -9999)
    write_raster(os.path.join(folder, 'elevation.tif'), elevation.astype(np.float32), gdal.GDT_Float32, -9999)
    intactness = ndimage.gaussian_filter((classes <= 2).astype(np.float32), 8)
    write_raster(os.path.join(folder, 'forest_intactness.tif'), intactness.astype(np.float32), gdal.GDT_Float32, -9999)
    footprint = ndimage.gaussian_filter((classes >= 4).astype(np.float32) * 40, 6)
    write_raster(os.path.join(folder, 'human_footprint.tif'), footprint.astype(np.float32), gdal.GDT_Float32, -9999)

    path = os.path.join(folder, 'demo.gpkg')
    if os.path.exists(path):
        os.remove(path)
    datasource = ogr.GetDriverByName('GPKG').CreateDataSource(path)
    boundary, cores = reserve_layers(rng)
    write_layer(datasource, 'reserve_boundary', ogr.wkbMultiPolygon, [('name', ogr.OFTString)],
                [('卧龙生物圈保护区', boundary)])
    write_layer(datasource, 'cores', ogr.wkbMultiPolygon, [('core_id', ogr.OFTString), ('name', ogr.OFTString)],
                [(code, name, geometry) for code, name, geometry in cores])
    wdpa_fields = [('NAME', ogr.OFTString), ('DESIG_ENG', ogr.OFTString), ('STATUS', ogr.OFTString),
                   ('IUCN_CAT', ogr.OFTString), ('STATUS_YR', ogr.OFTInteger), ('REP_AREA', ogr.OFTReal)]
    areas = protected_areas(rng, boundary, cores)
    protected_fields = wdpa_fields + [('PA_DEF', ogr.OFTString)]
    write_layer(datasource, 'protected_areas', ogr.wkbMultiPolygon, protected_fields,
                [record[:-1] + ('1', record[-1]) for record in areas if record[-1].geom_type != 'Point'])
    write_layer(datasource, 'protected_points', ogr.wkbPoint, protected_fields,
                [record[:-1] + ('1', record[-1]) for record in areas if record[-1].geom_type == 'Point'])
    write_layer(datasource, 'oecm_candidates', ogr.wkbMultiPolygon,
                [('name', ogr.OFTString), ('kind', ogr.OFTString), ('governance', ogr.OFTString),
                 ('tenure_yrs', ogr.OFTInteger), ('cost', ogr.OFTReal)],
                [(name, kind, governance, tenure, round(geometry.area / 1e6 * 3.0, 1), geometry)
                 for name, kind, governance, tenure, geometry in candidate_sites(rng)])
    counties, ecoregions = regions(rng)
    write_layer(datasource, 'counties', ogr.wkbMultiPolygon, [('县名', ogr.OFTString)], counties)
    write_layer(datasource, 'ecoregions', ogr.wkbMultiPolygon,
                [('名称', ogr.OFTString), ('name_en', ogr.OFTString)], ecoregions)
    write_layer(datasource, 'species_ranges', ogr.wkbMultiPolygon,
                [('species', ogr.OFTString), ('class', ogr.OFTString), ('iucn', ogr.OFTString)], species_ranges(rng))
    kba = unary_union([blob(160, 170, 40, rng), blob(520, 330, 25, rng)])
    write_layer(datasource, 'key_biodiversity_areas', ogr.wkbMultiPolygon, [('name', ogr.OFTString)],
                [('卧龙-四姑娘山 KBA', kba)])
    # Target 3 report (drawn last, so the layers above keep their shapes): stopover sites and reported OECMs
    write_layer(datasource, 'stopover_sites', ogr.wkbPoint,
                [('site', ogr.OFTString), ('species', ogr.OFTString), ('count', ogr.OFTInteger)], stopover_sites(rng))
    write_layer(datasource, 'oecms', ogr.wkbMultiPolygon, protected_fields, recognised_oecms(rng))
    datasource = None
    print('demo data written to', folder)


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__)))
