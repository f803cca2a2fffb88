<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ReservePlannerAlgorithm</name>
    <message>
      <source>Zoning</source>
      <translation>功能区划</translation>
    </message>
    <message>
      <source>Corridors</source>
      <translation>生态廊道</translation>
    </message>
    <message>
      <source>Coverage</source>
      <translation>保护覆盖</translation>
    </message>
    <message>
      <source>OECM</source>
      <translation>其他有效保护地（OECM）</translation>
    </message>
  </context>
</TS>
