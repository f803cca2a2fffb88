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
      <source>Ecological security pattern</source>
      <translation>生态安全格局</translation>
    </message>
    <message>
      <source>The ecological-security-pattern chain in one run: MSPA cores of the habitat classes of a land-cover map; their importance for connectivity (dPC); the cores above a dPC and an area threshold become ecological sources; a resistance surface from the land cover; the corridor network between the sources; its pinch points and barriers; the gravity model of the interaction between sources.</source>
      <translation>一次运行完成生态安全格局构建流程：由土地覆盖图的生境类别经 MSPA 得到核心区；计算其连通重要性（dPC）；dPC 和面积超过阈值的核心区作为生态源地；由土地覆盖生成阻力面；构建源地之间的廊道网络；识别其夹点与障碍点；用引力模型评价源地之间的相互作用。</translation>
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
