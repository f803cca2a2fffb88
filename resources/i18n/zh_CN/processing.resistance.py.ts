<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ReservePlannerResistance</name>
    <message>
      <source>Raster "{layer}": {message}</source>
      <translation>栅格“{layer}”：{message}</translation>
    </message>
  </context>
</TS>
