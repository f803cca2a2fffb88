<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ReservePlannerGeoPackage</name>
    <message>
      <source>Could not create the layer {path}: {error}</source>
      <translation>无法创建图层 {path}：{error}</translation>
    </message>
  </context>
</TS>
