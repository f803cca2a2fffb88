<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.16" styleCategories="AllStyleCategories">
  <pipe>
    <rasterrenderer type="paletted" band="1" opacity="0.85" alphaBand="-1" nodataColor="">
      <rasterTransparency/>
      <colorPalette>
        <paletteEntry value="1" color="#7fb069" label="forest 森林" alpha="255"/>
        <paletteEntry value="2" color="#b5c99a" label="shrubland 灌丛" alpha="255"/>
        <paletteEntry value="3" color="#e6dcc4" label="alpine grassland 高山草甸" alpha="255"/>
        <paletteEntry value="4" color="#f2c57c" label="farmland 农田" alpha="255"/>
        <paletteEntry value="5" color="#b56576" label="settlement 居民点" alpha="255"/>
        <paletteEntry value="6" color="#5fa8d3" label="water 水体" alpha="255"/>
      </colorPalette>
    </rasterrenderer>
  </pipe>
  <blendMode>0</blendMode>
</qgis>
