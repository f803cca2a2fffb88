<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ReservePlannerEngine</name>
    <message>
      <source>The raster {path} is not on the grid the sites were located on.</source>
      <translation>栅格 {path} 不在定位地块所用的网格上。</translation>
    </message>
  </context>
</TS>
