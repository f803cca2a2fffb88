<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ReservePlannerEngine</name>
    <message>
      <source>The dispersal distance must be greater than 0 m (got {value}).</source>
      <translation>扩散距离必须大于 0 米（当前为 {value}）。</translation>
    </message>
    <message>
      <source>The dispersal probability must lie strictly between 0 and 1 (got {value}).</source>
      <translation>扩散概率必须严格介于 0 和 1 之间（当前为 {value}）。</translation>
    </message>
    <message>
      <source>The region has no area.</source>
      <translation>该区域没有面积。</translation>
    </message>
    <message>
      <source>The pruning probability must lie between 0 and the dispersal probability (got {value}).</source>
      <translation>剪枝概率必须介于 0 和扩散概率之间（当前为 {value}）。</translation>
    </message>
    <message>
      <source>The transboundary distance must be 0 or more metres (got {value}).</source>
      <translation>跨界距离必须为 0 米或以上（当前为 {value}）。</translation>
    </message>
  </context>
</TS>
