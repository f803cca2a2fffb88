<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ReservePlannerProvider</name>
    <message>
      <source>The algorithms of {module} are not available: {error} ({kind}).</source>
      <translation>{module} 中的算法不可用：{error}（{kind}）。</translation>
    </message>
    <message>
      <source>Reserve Planner</source>
      <translation>保护地规划</translation>
    </message>
  </context>
</TS>
