<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ZoneLayer</name>
    <message>
      <source>General control zone</source>
      <translation>一般控制区</translation>
    </message>
    <message>
      <source>Could not write the reserve into the new zoning layer {path}: {error}</source>
      <translation>无法将保护地写入新区划图层 {path}：{error}</translation>
    </message>
    <message>
      <source>Draw {zone}</source>
      <translation>绘制{zone}</translation>
    </message>
    <message>
      <source>The zoning layer "{layer}" refused the new feature; is it read-only?</source>
      <translation>功能区划图层“{layer}”拒绝了新要素；该图层是否只读？</translation>
    </message>
  </context>
</TS>
