<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>LiveChecks</name>
    <message>
      <source>Unknown zone value</source>
      <translation>未知功能区值</translation>
    </message>
    <message>
      <source>Not zoned</source>
      <translation>未区划</translation>
    </message>
    <message>
      <source>Checking the zoning…</source>
      <translation>正在检查功能区划…</translation>
    </message>
    <message>
      <source>Reserve Planner: checking the zoning</source>
      <translation>保护地规划：检查功能区划</translation>
    </message>
    <message>
      <source>The zoning could not be checked: {error}</source>
      <translation>无法检查功能区划：{error}</translation>
    </message>
    <message>
      <source>≥ {minimum:.1f} %</source>
      <translation>≥ {minimum:.1f} %</translation>
    </message>
    <message>
      <source>Error</source>
      <translation>错误</translation>
    </message>
    <message>
      <source>Warning</source>
      <translation>警告</translation>
    </message>
    <message>
      <source>Problems: {errors} errors, {warnings} warnings</source>
      <translation>问题：{errors} 个错误，{warnings} 个警告</translation>
    </message>
  </context>
</TS>
