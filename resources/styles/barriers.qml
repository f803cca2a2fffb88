<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<!-- Barrier improvement scores: item values are fractions of the largest score; the barriers algorithm
     stretches them to the layer's maximum when it loads the output and labels them with the values they stand
     for (a legend of classes). 0 (nothing to gain) is transparent, the strongest barriers dark red. -->
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
                         minimumValue="0" maximumValue="1" labelPrecision="0">
          <colorramp type="gradient" name="[source]">
            <Option type="Map">
              <Option name="color1" type="QString" value="255,255,178,0"/>
              <Option name="color2" type="QString" value="189,0,38,255"/>
              <Option name="discrete" type="QString" value="0"/>
              <Option name="rampType" type="QString" value="gradient"/>
              <Option name="stops" type="QString" value="0.1;254,204,92,255:0.3;253,141,60,255:0.6;240,59,32,255"/>
            </Option>
          </colorramp>
          <item alpha="0" value="0" label="0" color="#ffffb2"/>
          <item alpha="255" value="0.1" label="0.1" color="#fecc5c"/>
          <item alpha="255" value="0.3" label="0.3" color="#fd8d3c"/>
          <item alpha="255" value="0.6" label="0.6" color="#f03b20"/>
          <item alpha="255" value="1" label="1" color="#bd0026"/>
          <rampLegendSettings suffix="" maximumLabel="" direction="0" minimumLabel="" useContinuousLegend="0"
                              prefix="" orientation="2"/>
        </colorrampshader>
      </rastershader>
    </rasterrenderer>
    <brightnesscontrast brightness="0" contrast="0" gamma="1"/>
    <huesaturation saturation="0" colorizeOn="0" grayscaleMode="0" colorizeRed="255" colorizeGreen="128" colorizeBlue="128" colorizeStrength="100"/>
    <rasterresampler maxOversampling="2"/>
  </pipe>
  <blendMode>0</blendMode>
</qgis>
