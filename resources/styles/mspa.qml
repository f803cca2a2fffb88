<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<!-- MSPA classes with GuidosToolbox's colours (transition on). The mspa algorithm builds the same palette in code
     (processing/algorithms/mspa.py, palette_renderer) with the labels in the user's language; tests check they agree. -->
<qgis version="3.22.16-Białowieża" styleCategories="Symbology">
  <pipe-data-defined-properties>
    <Option type="Map">
      <Option value="" name="name" type="QString"/>
      <Option name="properties"/>
      <Option value="collection" name="type" type="QString"/>
    </Option>
  </pipe-data-defined-properties>
  <pipe>
    <provider>
      <resampling zoomedOutResamplingMethod="nearestNeighbour" enabled="false" zoomedInResamplingMethod="nearestNeighbour" maxOversampling="2"/>
    </provider>
    <rasterrenderer opacity="1" nodataColor="" type="paletted" band="1" alphaBand="-1">
      <minMaxOrigin>
        <limits>None</limits>
        <extent>WholeRaster</extent>
        <statAccuracy>Estimated</statAccuracy>
        <cumulativeCutLower>0.02</cumulativeCutLower>
        <cumulativeCutUpper>0.98</cumulativeCutUpper>
        <stdDevFactor>2</stdDevFactor>
      </minMaxOrigin>
      <colorPalette>
        <paletteEntry label="Core" value="17" color="#00c800" alpha="255"/>
        <paletteEntry label="Islet" value="9" color="#a03c00" alpha="255"/>
        <paletteEntry label="Perforation" value="5" color="#0000ff" alpha="255"/>
        <paletteEntry label="Edge" value="3" color="#000000" alpha="255"/>
        <paletteEntry label="Loop" value="65" color="#ffff00" alpha="255"/>
        <paletteEntry label="Loop (in edge)" value="67" color="#ffff00" alpha="255"/>
        <paletteEntry label="Loop (in perforation)" value="69" color="#ffff00" alpha="255"/>
        <paletteEntry label="Bridge" value="33" color="#ff0000" alpha="255"/>
        <paletteEntry label="Bridge (in edge)" value="35" color="#ff0000" alpha="255"/>
        <paletteEntry label="Bridge (in perforation)" value="37" color="#ff0000" alpha="255"/>
        <paletteEntry label="Branch" value="1" color="#ff8c00" alpha="255"/>
        <paletteEntry label="Background" value="0" color="#dcdcdc" alpha="255"/>
        <paletteEntry label="Core (internal)" value="117" color="#00c800" alpha="255"/>
        <paletteEntry label="Islet (internal)" value="109" color="#a03c00" alpha="255"/>
        <paletteEntry label="Perforation (internal)" value="105" color="#0000ff" alpha="255"/>
        <paletteEntry label="Edge (internal)" value="103" color="#000000" alpha="255"/>
        <paletteEntry label="Loop (internal)" value="165" color="#ffff00" alpha="255"/>
        <paletteEntry label="Loop (in edge) (internal)" value="167" color="#ffff00" alpha="255"/>
        <paletteEntry label="Loop (in perforation) (internal)" value="169" color="#ffff00" alpha="255"/>
        <paletteEntry label="Bridge (internal)" value="133" color="#ff0000" alpha="255"/>
        <paletteEntry label="Bridge (in edge) (internal)" value="135" color="#ff0000" alpha="255"/>
        <paletteEntry label="Bridge (in perforation) (internal)" value="137" color="#ff0000" alpha="255"/>
        <paletteEntry label="Branch (internal)" value="101" color="#ff8c00" alpha="255"/>
        <paletteEntry label="Background (internal)" value="100" color="#888888" alpha="255"/>
        <paletteEntry label="Enclosed background" value="220" color="#c2c2c2" alpha="255"/>
        <paletteEntry label="Missing (internal)" value="129" color="#ffffff" alpha="255"/>
      </colorPalette>
    </rasterrenderer>
    <brightnesscontrast brightness="0" contrast="0" gamma="1"/>
    <huesaturation invertColors="0" grayscaleMode="0" colorizeOn="0" colorizeGreen="128" colorizeBlue="128" colorizeRed="255" colorizeStrength="100" saturation="0"/>
    <rasterresampler maxOversampling="2"/>
    <resamplingStage>resamplingFilter</resamplingStage>
  </pipe>
  <blendMode>0</blendMode>
</qgis>
