<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ReservePlannerEngine</name>
    <message>
      <source>Every candidate needs a cost of 0 or more.</source>
      <translation>每个候选地的成本都必须为 0 或更大。</translation>
    </message>
    <message>
      <source>Brute force is limited to {limit} candidates.</source>
      <translation>穷举法最多支持 {limit} 个候选地。</translation>
    </message>
  </context>
</TS>
