<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ReservePlannerResistance</name>
    <message>
      <source>Raster "{layer}": {message}</source>
      <translation>栅格“{layer}”：{message}</translation>
    </message>
    <message>
      <source>The raster "{layer}" is not in a projected CRS in metres; it is warped to {crs} (nearest neighbour) for this run.</source>
      <translation>栅格“{layer}”不是以米为单位的投影坐标系；本次运行将其重投影到 {crs}（最邻近法）。</translation>
    </message>
  </context>
</TS>
