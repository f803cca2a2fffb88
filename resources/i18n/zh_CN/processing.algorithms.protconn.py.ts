<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ProtConnAlgorithm</name>
    <message>
      <source>Protected area connectivity (ProtConn)</source>
      <translation>保护地连通性（ProtConn）</translation>
    </message>
    <message>
      <source>How much of each region is protected and connected (ProtConn), with the importance of each protected unit.</source>
      <translation>计算各区域受保护且连通的比例（ProtConn）及每个保护单元的重要性。</translation>
    </message>
    <message>
      <source>ProtConn,connectivity,protected area,Conefor,PC,dPC,equivalent connected area,ECA,30x30,target 3</source>
      <translation>ProtConn,连通性,保护地,Conefor,连通概率,dPC,等效连通面积,ECA,30x30,目标 3</translation>
    </message>
    <message>
      <source>Measures how much of each region is protected and connected (ProtConn, Saura et al. 2017 and 2018, the indicator of GBF Target 3 on connectivity), with the probability of connectivity of Conefor.</source>
      <translation>计算各区域受保护且连通的比例（ProtConn，Saura 等 2017 年和 2018 年提出，是 GBF 目标 3 的连通性指标），采用 Conefor 的连通概率（PC）。</translation>
    </message>
    <message>
      <source>Output, one polygon per region, in percent: prot, protconn (100 ECA / region area, ECA the square root of the sum of a_i a_j p*_ij), protunconn, relconn, and the shares of protconn within units, through stepping stones and through unprotected land; eca_km2 is the equivalent connected area.</source>
      <translation>输出：每个区域一个面，以百分比表示：prot、protconn（100 ECA / 区域面积，ECA 为 a_i a_j p*_ij 之和的平方根）、protunconn、relconn，以及 protconn 中来自单元内部、经踏脚石和经未保护土地的份额；eca_km2 为等效连通面积。</translation>
    </message>
    <message>
      <source>A region without protection has prot = protconn = 0 and NULL relconn and fractions.</source>
      <translation>无保护地的区域 prot = protconn = 0，relconn 和各份额为空值（NULL）。</translation>
    </message>
    <message>
      <source>Distances are measured in the CRS of the protected areas when it is projected in metres, otherwise in a local equal-area projection; areas and ProtConn are in that CRS.</source>
      <translation>保护地坐标参考系为以米为单位的投影坐标系时直接在其中量测距离，否则在局部等积投影中量测；面积和 ProtConn 均在该坐标系中计算。</translation>
    </message>
    <message>
      <source>Path probabilities below 1e-9 are ignored; the log gives for each region the most this can lower ProtConn (a tiny fraction of a percentage point).</source>
      <translation>低于 1e-9 的路径概率被忽略；日志给出每个区域因此可能使 ProtConn 偏低的最大值（仅为百分点的极小部分）。</translation>
    </message>
    <message>
      <source>Polygons. They are dissolved (overlaps count once), and every polygon of the result is cut by each region: the parts inside the region are its protected units, with their area.</source>
      <translation>面图层。先融合（重叠部分只计一次），再用每个区域切割融合结果中的每个面：位于区域内的部分为该区域的保护单元，带其面积。</translation>
    </message>
    <message>
      <source>A WDPA-like layer is cleaned first, as protectedcoverage and target3report clean it: only STATUS Designated, Inscribed or Established, without UNESCO-MAB Biosphere Reserves (see the two switches); the log says what was removed.</source>
      <translation>类似 WDPA 的图层先按 protectedcoverage 和 target3report 的方式清理：只保留 STATUS 为 Designated、Inscribed 或 Established 的保护地，去掉 UNESCO-MAB 生物圈保护区（见两个开关）；日志说明删除了哪些。</translation>
    </message>
    <message>
      <source>Polygons; features with the same region value are one region.</source>
      <translation>面图层；区域字段值相同的要素视为同一区域。</translation>
    </message>
    <message>
      <source>Regions in another CRS than the protected areas are reprojected.</source>
      <translation>坐标参考系与保护地不同的区域会被重投影。</translation>
    </message>
    <message>
      <source>Names the regions in the outputs.</source>
      <translation>在输出中标识各区域。</translation>
    </message>
    <message>
      <source>A feature whose region value is NULL is a region of its own, named by its feature id in the outputs.</source>
      <translation>区域字段值为空（NULL）的要素各自单独成为一个区域，在输出中以其要素 ID 命名。</translation>
    </message>
    <message>
      <source>Metres (default 10000): the probability of dispersal between two units d metres apart, edge to edge, is p = exp(-k d) with k = -ln(probability) / distance.</source>
      <translation>米（默认 10000）：相距 d 米（边到边）的两个单元之间的扩散概率为 p = exp(-k d)，其中 k = -ln(概率) / 距离。</translation>
    </message>
    <message>
      <source>p* is the probability of the best path through any other units.</source>
      <translation>p* 为经由其他任意单元的最佳路径概率。</translation>
    </message>
    <message>
      <source>The probability of dispersal at the median dispersal distance (default 0.5).</source>
      <translation>中位扩散距离处的扩散概率（默认 0.5）。</translation>
    </message>
    <message>
      <source>Metres, default 0 = none: protected areas outside the region but within this distance of it are stepping stones.</source>
      <translation>米，默认 0 = 不使用：区域外但距区域不超过该距离的保护地作为踏脚石。</translation>
    </message>
    <message>
      <source>They carry dispersal between the units of the region but add no area (50000 in the studies of Saura et al.).</source>
      <translation>它们在区域内各单元之间传递扩散，但不计面积（Saura 等的研究中为 50000）。</translation>
    </message>
    <message>
      <source>One polygon per protected unit inside a region: region, area_km2 and dpc, the percentage of PC lost without the unit, split into dpc_intra (its own area), dpc_flux (dispersal from and to it) and dpc_connector (dispersal between other units through it).</source>
      <translation>区域内每个保护单元一个面，含区域、area_km2 和 dpc（去掉该单元后 PC 损失的百分比），分解为 dpc_intra（自身面积）、dpc_flux（进出该单元的扩散）和 dpc_connector（经该单元在其他单元之间的扩散）。</translation>
    </message>
    <message>
      <source>All parts are exact and come from one divide-and-conquer over the units that updates only the best paths each unit shortens instead of re-running them per unit.</source>
      <translation>各部分均为精确值，来自对单元的一次分治计算，它只更新每个单元缩短的最佳路径，而不是为每个单元重新计算。</translation>
    </message>
    <message>
      <source>A few hundred units in a region take seconds, a thousand about half a minute, two thousand about two minutes.</source>
      <translation>区域内数百个单元需数秒，一千个单元约需半分钟，两千个单元约需两分钟。</translation>
    </message>
    <message>
      <source>Protected areas</source>
      <translation>保护地</translation>
    </message>
    <message>
      <source>Regions</source>
      <translation>区域</translation>
    </message>
    <message>
      <source>Region field</source>
      <translation>区域字段</translation>
    </message>
    <message>
      <source>Median dispersal distance (m)</source>
      <translation>中位扩散距离（米）</translation>
    </message>
    <message>
      <source>Dispersal probability at that distance</source>
      <translation>该距离处的扩散概率</translation>
    </message>
    <message>
      <source>Transboundary distance for stepping stones (m, 0 = none)</source>
      <translation>踏脚石的跨界距离（米，0 = 不使用）</translation>
    </message>
    <message>
      <source>ProtConn by region</source>
      <translation>各区域 ProtConn</translation>
    </message>
    <message>
      <source>Importance of protected units (dPC)</source>
      <translation>保护单元重要性（dPC）</translation>
    </message>
  </context>
  <context>
    <name>ReservePlannerProtConn</name>
    <message>
      <source>Layer "{layer}" has no regions. Choose a layer with at least one polygon.</source>
      <translation>图层“{layer}”中没有区域。请选择至少含一个面的图层。</translation>
    </message>
    <message>
      <source>Layer "{layer}": features {ids} have no value in the field "{field}"; each is a region of its own, named by its feature id.</source>
      <translation>图层“{layer}”：要素 {ids} 的字段“{field}”没有值；每个要素各自单独成为一个区域，以其要素 ID 命名。</translation>
    </message>
    <message>
      <source>Layer "{layer}" has no protected areas: every region gets ProtConn 0.</source>
      <translation>图层“{layer}”中没有保护地：所有区域的 ProtConn 均为 0。</translation>
    </message>
  </context>
</TS>
