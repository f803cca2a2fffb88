<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ReservePlannerEngine</name>
    <message>
      <source>Cannot open the raster {path}.</source>
      <translation>无法打开栅格 {path}。</translation>
    </message>
    <message>
      <source>Rotated rasters are not supported; warp the raster to a north-up grid first.</source>
      <translation>不支持旋转的栅格；请先将栅格重投影（Warp）为正北朝上的格网。</translation>
    </message>
  </context>
</TS>
