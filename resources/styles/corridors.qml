<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<!-- Normalised least-cost corridors (NLCC, cost-weighted metres): item values are fractions of the largest
     value; the corridor network algorithm stretches them to the layer's maximum when it loads the output.
     Dark green is the least-cost path (0), fading out towards the width cutoff. -->
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
              <Option name="color1" type="QString" value="0,68,27,255"/>
              <Option name="color2" type="QString" value="247,252,245,255"/>
              <Option name="discrete" type="QString" value="0"/>
              <Option name="rampType" type="QString" value="gradient"/>
              <Option name="stops" type="QString" value="0.1;35,139,69,255:0.3;116,196,118,255:0.6;199,233,192,255"/>
            </Option>
          </colorramp>
          <item alpha="255" value="0" label="0" color="#00441b"/>
          <item alpha="255" value="0.1" label="0.1" color="#238b45"/>
          <item alpha="255" value="0.3" label="0.3" color="#74c476"/>
          <item alpha="255" value="0.6" label="0.6" color="#c7e9c0"/>
          <item alpha="255" value="1" label="1" color="#f7fcf5"/>
        </colorrampshader>
      </rastershader>
    </rasterrenderer>
    <brightnesscontrast brightness="0" contrast="0" gamma="1"/>
    <huesaturation saturation="0" colorizeOn="0" grayscaleMode="0" colorizeRed="255" colorizeGreen="128" colorizeBlue="128" colorizeStrength="100"/>
    <rasterresampler maxOversampling="2"/>
  </pipe>
  <blendMode>0</blendMode>
</qgis>
