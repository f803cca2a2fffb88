<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<!-- Current (amperes, pinch points): a log stretch as in Circuitscape's viewers. Item values are fractions of
     the largest current spaced by powers of ten; the pinchpoints algorithm multiplies them by the layer's maximum
     when it loads the output. Faint blue where little current flows, yellow to white at the pinch points. -->
<qgis version="3.22.16-Białowieża" styleCategories="Symbology">
  <pipe>
    <rasterrenderer type="singlebandpseudocolor" band="1" opacity="0.85" alphaBand="-1" nodataColor=""
                    classificationMin="0" classificationMax="1">
      <rasterTransparency/>
      <minMaxOrigin>
        <limits>MinMax</limits>
        <extent>WholeRaster</extent>
        <statAccuracy>Estimated</statAccuracy>
        <cumulativeCutLower>0.02</cumulativeCutLower>
        <cumulativeCutUpper>0.98</cumulativeCutUpper>
        <stdDevFactor>2</stdDevFactor>
      </minMaxOrigin>
      <rastershader>
        <colorrampshader colorRampType="INTERPOLATED" classificationMode="1" clip="0"
                         minimumValue="0.0001" maximumValue="1" labelPrecision="0">
          <colorramp type="gradient" name="[source]">
            <Option type="Map">
              <Option name="color1" type="QString" value="8,29,88,0"/>
              <Option name="color2" type="QString" value="255,255,255,255"/>
              <Option name="discrete" type="QString" value="0"/>
              <Option name="rampType" type="QString" value="gradient"/>
              <Option name="stops" type="QString" value="0.25;37,52,148,255:0.5;29,145,192,255:0.75;255,237,160,255"/>
            </Option>
          </colorramp>
          <item alpha="0" value="0.0001" label="1e-4" color="#081d58"/>
          <item alpha="255" value="0.001" label="1e-3" color="#253494"/>
          <item alpha="255" value="0.01" label="1e-2" color="#1d91c0"/>
          <item alpha="255" value="0.1" label="0.1" color="#ffeda0"/>
          <item alpha="255" value="1" label="1" color="#ffffff"/>
        </colorrampshader>
      </rastershader>
    </rasterrenderer>
    <brightnesscontrast brightness="0" contrast="0" gamma="1"/>
    <huesaturation saturation="0" colorizeOn="0" grayscaleMode="0" colorizeRed="255" colorizeGreen="128" colorizeBlue="128" colorizeStrength="100"/>
    <rasterresampler maxOversampling="2"/>
  </pipe>
  <blendMode>0</blendMode>
</qgis>
