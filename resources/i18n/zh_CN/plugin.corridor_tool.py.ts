<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>CorridorTool</name>
    <message>
      <source>The least-cost path needs a resistance raster in a projected CRS in metres; "{layer}" is not. Warp it (Raster &gt; Projections &gt; Warp) first.</source>
      <translation>最小成本路径需要以米为单位的投影坐标系下的阻力栅格；“{layer}”不是。请先对其重投影（栅格 &gt; 投影 &gt; 变形）。</translation>
    </message>
    <message>
      <source>Draw corridor</source>
      <translation>绘制廊道</translation>
    </message>
    <message>
      <source>The corridor layer "{layer}" refused the new feature; is it read-only?</source>
      <translation>廊道图层“{layer}”拒绝了新要素；该图层是否只读？</translation>
    </message>
  </context>
</TS>
