<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ReservePlannerPlugin</name>
    <message>
      <source>Reserve Planner</source>
      <translation>保护地规划</translation>
    </message>
    <message>
      <source>Zone editor</source>
      <translation>功能区编辑器</translation>
    </message>
    <message>
      <source>Draw corridor</source>
      <translation>绘制廊道</translation>
    </message>
    <message>
      <source>Help</source>
      <translation>帮助</translation>
    </message>
  </context>
</TS>
