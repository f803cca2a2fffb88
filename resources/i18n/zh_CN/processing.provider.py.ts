<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ReservePlannerProvider</name>
    <message>
      <source>Reserve Planner</source>
      <translation>保护地规划</translation>
    </message>
  </context>
</TS>
