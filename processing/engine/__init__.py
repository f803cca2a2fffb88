"""Pure computation: numpy, scipy, shapely, pandas, GDAL only; never qgis or Qt."""
