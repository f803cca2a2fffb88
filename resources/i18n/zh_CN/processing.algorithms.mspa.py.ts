<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>MSPA</name>
    <message>
      <source>{parameter}: "{item}" is not a number. Give raster values separated by commas, for example 1,2,5.</source>
      <translation>{parameter}：“{item}”不是数字。请给出以逗号分隔的栅格值，例如 1,2,5。</translation>
    </message>
    <message>
      <source>{parameter}: "{item}" is not a finite number.</source>
      <translation>{parameter}：“{item}”不是有限数值。</translation>
    </message>
    <message>
      <source>Enclosed background</source>
      <translation>被包围的背景</translation>
    </message>
    <message>
      <source>{name} (in edge)</source>
      <translation>{name}（穿过边缘）</translation>
    </message>
    <message>
      <source>{name} (in perforation)</source>
      <translation>{name}（穿过穿孔）</translation>
    </message>
    <message>
      <source>{name} (internal)</source>
      <translation>{name}（内部）</translation>
    </message>
    <message>
      <source>Morphological spatial pattern analysis (MSPA)</source>
      <translation>形态学空间格局分析（MSPA）</translation>
    </message>
    <message>
      <source>Core, islet, perforation, edge, loop, bridge and branch of a habitat map, as GuidosToolbox.</source>
      <translation>按 GuidosToolbox 的方法划分生境图的核心区、孤岛、穿孔、边缘、环道、桥接区和支线。</translation>
    </message>
    <message>
      <source>mspa,guidos,guidostoolbox,gtb,gwb,core,bridge,corridor,ecological source,habitat,morphology,connectivity</source>
      <translation>mspa,guidos,guidostoolbox,gtb,gwb,核心区,桥接区,廊道,生态源地,生境,形态学,连通性</translation>
    </message>
    <message>
      <source>Segments a habitat (foreground) map into GuidosToolbox's seven MSPA classes, cell for cell as the JRC's own MSPA (Soille &amp; Vogt 2009).</source>
      <translation>将生境（前景）图划分为 GuidosToolbox 的七个 MSPA 类别，与欧盟联合研究中心（JRC）自己的 MSPA 逐像元一致（Soille &amp; Vogt 2009）。</translation>
    </message>
    <message>
      <source>Core 17, islet 9, perforation 5, edge 3, loop 65, bridge 33, branch 1; background 0, missing 129; docs/mspa.md explains each class.</source>
      <translation>核心区 17、孤岛 9、穿孔 5、边缘 3、环道 65、桥接区 33、支线 1；背景 0，缺失 129；docs/mspa.md 解释了每个类别。</translation>
    </message>
    <message>
      <source>Distances are counted in cells whatever the CRS; areas are in hectares from the true cell areas (also on geographic rasters).</source>
      <translation>无论坐标系如何，距离都以像元计；面积按像元的真实面积以公顷计（地理坐标栅格亦然）。</translation>
    </message>
    <message>
      <source>Outputs: a Byte raster of class codes on the input grid, styled with GuidosToolbox's colours; a table with the cells, hectares and share of the foreground of each class; optionally one polygon per core patch (patch_id, area_ha), ready for patch importance and ecological sources.</source>
      <translation>输出：输入网格上的 Byte 类别代码栅格，使用 GuidosToolbox 的配色；一张表，列出各类别的像元数、公顷数及占前景的比例；可选地，每个核心区斑块一个多边形（patch_id、area_ha），可直接用于斑块重要性评价和生态源地识别。</translation>
    </message>
    <message>
      <source>Band 1 is read; values that are neither foreground nor missing are background.</source>
      <translation>读取波段 1；既非前景也非缺失的值为背景。</translation>
    </message>
    <message>
      <source>Raster values counted as habitat (foreground), separated by commas, e.g. 1,2.</source>
      <translation>作为生境（前景）的栅格值，以逗号分隔，例如 1,2。</translation>
    </message>
    <message>
      <source>Raster values treated as no data, separated by commas; the raster's nodata value is always missing.</source>
      <translation>视为无数据的栅格值，以逗号分隔；栅格本身的无数据值始终视为缺失。</translation>
    </message>
    <message>
      <source>No edge is drawn along missing areas.</source>
      <translation>缺失区域边上不画边缘。</translation>
    </message>
    <message>
      <source>Width of edges and perforations in cells; foreground farther than this (plus 0.98 cell) from non-foreground is core.</source>
      <translation>边缘和穿孔的宽度（像元）；与非前景的距离大于该值（再加 0.98 个像元）的前景为核心区。</translation>
    </message>
    <message>
      <source>8: cells touching at a corner are connected (background then uses 4); 4: only cells sharing a side (background then uses 8).</source>
      <translation>8：角点相接的像元相连（背景则用 4 邻域）；4：只有共边的像元相连（背景则用 8 邻域）。</translation>
    </message>
    <message>
      <source>On: loops and bridges crossing an edge or perforation (codes 35, 37, 67 and 69) are drawn as loop and bridge; off: as edge and perforation.</source>
      <translation>开启时，穿过边缘或穿孔的环道和桥接区（代码 35、37、67 和 69）显示为环道和桥接区；关闭时显示为边缘和穿孔。</translation>
    </message>
    <message>
      <source>Only the colours change: the codes 35, 37, 67 and 69 stay in the raster.</source>
      <translation>只改变颜色：栅格中仍保留代码 35、37、67 和 69。</translation>
    </message>
    <message>
      <source>Classes inside the holes of cores get 100 added to their code, as GuidosToolbox's Intext option.</source>
      <translation>位于核心区孔洞内的类别代码加 100，与 GuidosToolbox 的 Intext 选项相同。</translation>
    </message>
    <message>
      <source>Land cover or habitat raster</source>
      <translation>土地覆被或生境栅格</translation>
    </message>
    <message>
      <source>Foreground values (comma-separated raster values)</source>
      <translation>前景值（以逗号分隔的栅格值）</translation>
    </message>
    <message>
      <source>Missing values (comma-separated raster values; nodata is always missing)</source>
      <translation>缺失值（以逗号分隔的栅格值；无数据值始终视为缺失）</translation>
    </message>
    <message>
      <source>Edge width (cells)</source>
      <translation>边缘宽度（像元）</translation>
    </message>
    <message>
      <source>Foreground connectivity</source>
      <translation>前景连通性</translation>
    </message>
    <message>
      <source>8 neighbours</source>
      <translation>8 邻域</translation>
    </message>
    <message>
      <source>4 neighbours</source>
      <translation>4 邻域</translation>
    </message>
    <message>
      <source>Transition: show connector cells crossing an edge as loop or bridge</source>
      <translation>过渡：将穿过边缘的连接像元显示为环道或桥接区</translation>
    </message>
    <message>
      <source>Internal: mark classes inside the holes of cores (+100)</source>
      <translation>内部：标记核心区孔洞内的类别（+100）</translation>
    </message>
    <message>
      <source>MSPA classes</source>
      <translation>MSPA 类别</translation>
    </message>
    <message>
      <source>MSPA class statistics</source>
      <translation>MSPA 类别统计</translation>
    </message>
    <message>
      <source>Core patches</source>
      <translation>核心区斑块</translation>
    </message>
    <message>
      <source>habitat crossing 180 degrees is cut there into two patches, whose classes (core, bridge, branch...) and core patches are those of two</source>
      <translation>跨越 180 度经线的生境在此被切成两个斑块，其类别（核心区、桥接区、支线……）和核心斑块都按两个斑块计算</translation>
    </message>
    <message>
      <source>The raster {layer} is {reason}: its cells do not have true areas, so the hectares of the statistics and core patches are its cells' width x height, not their areas on the ground. For true hectares, warp it to an equal-area CRS (Raster &gt; Projections &gt; Warp) and run again.</source>
      <translation>栅格 {layer} {reason}：其像元不具有真实面积，因此统计表和核心斑块的公顷数是像元的宽 × 高，而不是其在地面上的面积。要得到真实公顷数，请将其变形到等积坐标参考系（栅格 &gt; 投影 &gt; 变形）后重新运行。</translation>
    </message>
    <message>
      <source>Foreground values</source>
      <translation>前景值</translation>
    </message>
    <message>
      <source>Give at least one foreground value: the raster values of the habitat, separated by commas.</source>
      <translation>请至少给出一个前景值：生境的栅格值，以逗号分隔。</translation>
    </message>
    <message>
      <source>Missing values</source>
      <translation>缺失值</translation>
    </message>
    <message>
      <source>The raster {layer} is in geographic coordinates: the edge width counts cells (one cell is {area:.2f} ha at its centre); the areas in the statistics are the true areas of the cells.</source>
      <translation>栅格 {layer} 使用地理坐标：边缘宽度以像元计（其中心处一个像元为 {area:.2f} 公顷）；统计中的面积为像元的真实面积。</translation>
    </message>
  </context>
</TS>
