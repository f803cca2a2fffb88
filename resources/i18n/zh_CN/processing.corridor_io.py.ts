<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ReservePlannerCorridorInputs</name>
    <message>
      <source>Core areas</source>
      <translation>核心区</translation>
    </message>
    <message>
      <source>Core id field</source>
      <translation>核心区编号字段</translation>
    </message>
    <message>
      <source>Layer "{layer}": feature id {features} has no value in the source id field "{field}". Give every source an id and run again.</source>
      <translation>图层“{layer}”：要素 ID {features} 的源地编号字段“{field}”没有值。请为每个源地填写编号后重新运行。</translation>
    </message>
    <message>
      <source>Layer "{layer}": features {first} and {second} both have the source id {core} in field "{field}". Give each source its own id, or dissolve the two into one source, and run again.</source>
      <translation>图层“{layer}”：要素 {first} 和 {second} 在字段“{field}”中的源地编号都是 {core}。请为每个源地指定不同的编号，或将两者融合为一个源地，然后重新运行。</translation>
    </message>
    <message>
      <source>Layer "{layer}": feature id {features} has no value in the core id field "{field}". Give every core an id and run again.</source>
      <translation>图层“{layer}”：要素 ID {features} 的核心区编号字段“{field}”没有值。请为每个核心区填写编号后重新运行。</translation>
    </message>
    <message>
      <source>Layer "{layer}": features {first} and {second} both have the core id {core} in field "{field}". Give each core its own id, or dissolve the two into one core, and run again.</source>
      <translation>图层“{layer}”：要素 {first} 和 {second} 在字段“{field}”中的核心区编号都是 {core}。请为每个核心区指定不同的编号，或将两者融合为一个核心区，然后重新运行。</translation>
    </message>
    <message>
      <source>Layer "{layer}": features id {first} and {second} overlap by {area:.6g} ha, so the habitat they share would count twice. They must not overlap: dissolve or clip them (Vector &gt; Geoprocessing Tools) and run again.</source>
      <translation>图层“{layer}”：要素 {first} 和 {second} 重叠 {area:.6g} 公顷，它们共有的生境会被重复计算。它们不得重叠：请融合或裁剪（矢量 &gt; 地理处理工具）后重新运行。</translation>
    </message>
    <message>
      <source>Layer "{layer}": {message}</source>
      <translation>图层“{layer}”：{message}</translation>
    </message>
  </context>
</TS>
