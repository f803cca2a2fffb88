<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>GravityModelAlgorithm</name>
    <message>
      <source>Gravity model between ecological sources</source>
      <translation>生态源地间的引力模型</translation>
    </message>
    <message>
      <source>Ranks the interaction between ecological sources by the gravity model of Kong et al. (2010).</source>
      <translation>按 Kong 等（2010）的引力模型对生态源地之间的相互作用排序。</translation>
    </message>
    <message>
      <source>gravity,interaction,source,corridor,importance,ecological security pattern</source>
      <translation>引力,相互作用,源地,廊道,重要性,生态安全格局</translation>
    </message>
    <message>
      <source>Measures the interaction between each pair of ecological sources by the gravity model of Kong et al. (2010): G_ab = N_a N_b / D_ab^2.</source>
      <translation>按 Kong 等（2010）的引力模型计算每对生态源地之间的相互作用强度：G_ab = N_a N_b / D_ab^2。</translation>
    </message>
    <message>
      <source>N = ln(S) / P (S the area of the source, P the mean resistance of its cells) and D_ab = L_ab / L_max (L_ab the cumulative resistance of the least-cost corridor between a and b, L_max the largest of them).</source>
      <translation>N = ln(S) / P（S 为源地面积，P 为其像元的平均阻力），D_ab = L_ab / L_max（L_ab 为 a 与 b 之间最小成本廊道的累积阻力，L_max 为其中的最大值）。</translation>
    </message>
    <message>
      <source>Outputs: the links with g_ab, rank (1 = strongest) and important (g_ab at or above the threshold); a table of G between every pair of sources.</source>
      <translation>输出：带有 g_ab、rank（1 = 最强）和 important（g_ab 不低于阈值）的连接；以及每对源地之间 G 值的表。</translation>
    </message>
    <message>
      <source>Polygons of the ecological sources.</source>
      <translation>生态源地多边形。</translation>
    </message>
    <message>
      <source>Identifies each source in the outputs; ids must be set and unique.</source>
      <translation>在输出中标识每个源地；编号必须填写且唯一。</translation>
    </message>
    <message>
      <source>Band 1, cost per metre: P is the mean of its cells in each source, and L_ab is accumulated over it.</source>
      <translation>波段 1，每米成本：P 为每个源地内像元的平均值，L_ab 在其上累积。</translation>
    </message>
    <message>
      <source>The Links output of Corridor network; its cwd field is L_ab and only its links are rated.</source>
      <translation>“生态廊道网络”的连接输出；其 cwd 字段即 L_ab，仅评价这些连接。</translation>
    </message>
    <message>
      <source>Without links, every pair of sources is rated, with L_ab from one accumulated-cost pass per source, and drawn as a straight line between the sources.</source>
      <translation>不给连接时评价每一对源地，L_ab 由每个源地一次累积成本计算得到，并以源地之间的直线绘出。</translation>
    </message>
    <message>
      <source>S enters as ln(S), so the unit changes the ranking: use the unit of the study you compare with.</source>
      <translation>S 以 ln(S) 参与计算，单位会改变排序：请使用与所对比研究相同的单位。</translation>
    </message>
    <message>
      <source>A link is important when its g_ab is at or above this; empty = the mean g_ab.</source>
      <translation>g_ab 不低于此值的连接为重要连接；留空 = g_ab 的平均值。</translation>
    </message>
    <message>
      <source>Ecological sources</source>
      <translation>生态源地</translation>
    </message>
    <message>
      <source>Source id field</source>
      <translation>源地编号字段</translation>
    </message>
    <message>
      <source>Resistance raster</source>
      <translation>阻力栅格</translation>
    </message>
    <message>
      <source>Links (the Links output of Corridor network)</source>
      <translation>连接（“生态廊道网络”的连接输出）</translation>
    </message>
    <message>
      <source>Unit of the source area S</source>
      <translation>源地面积 S 的单位</translation>
    </message>
    <message>
      <source>Threshold of an important interaction (empty = the mean)</source>
      <translation>重要相互作用的阈值（留空 = 平均值）</translation>
    </message>
    <message>
      <source>Links with their interaction</source>
      <translation>连接及其相互作用</translation>
    </message>
    <message>
      <source>Interaction matrix</source>
      <translation>相互作用矩阵</translation>
    </message>
  </context>
  <context>
    <name>ReservePlannerGravityModel</name>
    <message>
      <source>Layer "{layer}": feature id {fid} names the source id {source}, which no feature of the sources layer "{sources}" has. Use the links made from the same sources and run again.</source>
      <translation>图层“{layer}”：要素 ID {fid} 指向源地编号 {source}，但源地图层“{sources}”中没有要素具有该编号。请使用由同一批源地生成的连接后重新运行。</translation>
    </message>
    <message>
      <source>Layer "{layer}" has no links.</source>
      <translation>图层“{layer}”中没有连接。</translation>
    </message>
    <message>
      <source>Important interactions: g_ab at or above the mean, {mean:.6g}.</source>
      <translation>重要相互作用：g_ab 不低于平均值 {mean:.6g}。</translation>
    </message>
  </context>
</TS>
