<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ReservePlannerWorkflows</name>
    <message>
      <source>Zone a biosphere reserve</source>
      <translation>生物圈保护区功能区划</translation>
    </message>
    <message>
      <source>Generates core, buffer and transition zones around the cores, checks them under the MAB generic profile and reports the area and share of each zone: generatezones, validatezones and zonestatistics in one run.</source>
      <translation>围绕核心区生成核心区、缓冲区和过渡区，按 MAB 通用规则检查，并报告各功能区的面积和比例：一次运行完成 generatezones、validatezones 和 zonestatistics。</translation>
    </message>
    <message>
      <source>Workflows</source>
      <translation>工作流程</translation>
    </message>
    <message>
      <source>The workflow {file} could not be read and is not listed.</source>
      <translation>工作流程 {file} 无法读取，未列出。</translation>
    </message>
  </context>
</TS>
