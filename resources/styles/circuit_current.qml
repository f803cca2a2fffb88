<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<!-- Current maps (Circuitscape): blue (little current) through yellow to red (most current). Item values are
     placeholders: the circuitscape algorithm spreads them on a log scale from the layer's smallest positive
     current to its largest when it loads the output, as Circuitscape's viewers show currents. -->
<qgis version="3.22.16-Białowieża" styleCategories="Symbology">
  <pipe>
    <rasterrenderer type="singlebandpseudocolor" band="1" opacity="1" alphaBand="-1" nodataColor=""
                    classificationMin="0.001" classificationMax="1">
      <rasterTransparency/>
      <minMaxOrigin>
        <limits>None</limits>
        <extent>WholeRaster</extent>
        <statAccuracy>Estimated</statAccuracy>
        <cumulativeCutLower>0.02</cumulativeCutLower>
        <cumulativeCutUpper>0.98</cumulativeCutUpper>
        <stdDevFactor>2</stdDevFactor>
      </minMaxOrigin>
      <rastershader>
        <colorrampshader colorRampType="INTERPOLATED" classificationMode="1" clip="0"
                         minimumValue="0.001" maximumValue="1" labelPrecision="4">
          <colorramp type="gradient" name="[source]">
            <Option type="Map">
              <Option name="color1" type="QString" value="49,54,149,255"/>
              <Option name="color2" type="QString" value="165,0,38,255"/>
              <Option name="discrete" type="QString" value="0"/>
              <Option name="rampType" type="QString" value="gradient"/>
              <Option name="stops" type="QString" value="0.2;69,117,180,255:0.4;171,217,233,255:0.6;254,224,144,255:0.8;244,109,67,255"/>
            </Option>
          </colorramp>
          <item alpha="255" value="0.001" label="0.001" color="#313695"/>
          <item alpha="255" value="0.00398" label="0.00398" color="#4575b4"/>
          <item alpha="255" value="0.0158" label="0.0158" color="#abd9e9"/>
          <item alpha="255" value="0.0631" label="0.0631" color="#fee090"/>
          <item alpha="255" value="0.251" label="0.251" color="#f46d43"/>
          <item alpha="255" value="1" label="1" color="#a50026"/>
        </colorrampshader>
      </rastershader>
    </rasterrenderer>
    <brightnesscontrast brightness="0" contrast="0" gamma="1"/>
    <huesaturation saturation="0" colorizeOn="0" grayscaleMode="0" colorizeRed="255" colorizeGreen="128" colorizeBlue="128" colorizeStrength="100"/>
    <rasterresampler maxOversampling="2"/>
  </pipe>
  <blendMode>0</blendMode>
</qgis>
