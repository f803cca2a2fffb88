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
      <source>Measures how much of each region is protected and connected (ProtConn, Saura et al. 2017 and 2018, the indicator of GBF Target 3 on connectivity), with the probability of connectivity of Conefor.

Protected areas: polygons. They are dissolved (overlaps count once), and every polygon of the result is cut by each region: the parts inside the region are its protected units, with their area.
Regions: polygons; features with the same region value are one region. Regions in another CRS than the protected areas are reprojected.
Region field: names the regions in the outputs. A feature whose region value is NULL is a region of its own, named by its feature id in the outputs.
Median dispersal distance (m, default 10000) and probability at that distance (default 0.5): the probability of dispersal between two units d metres apart, edge to edge, is p = exp(-k d) with k = -ln(probability) / distance; p* is the probability of the best path through any other units.
Transboundary distance (m, default 0 = none): protected areas outside the region but within this distance of it are stepping stones: they carry dispersal between the units of the region but add no area (50000 in the studies of Saura et al.).
Distances are measured in the CRS of the protected areas when it is projected in metres, otherwise in a local equal-area projection; areas and ProtConn are in that CRS.

Output, one polygon per region with the region field and, in percent: prot (protected share of the region), protconn (protected and connected: 100 ECA / region area, where ECA is the square root of the sum of a_i a_j p*_ij), protunconn (prot - protconn), relconn (100 protconn / prot), and the shares of protconn due to connectivity within units (protconn_prot), through transboundary stepping stones (protconn_trans) and through unprotected land (protconn_unprot), which add up to 100; eca_km2 is the equivalent connected area. A region without protection has prot = protconn = 0 and NULL relconn and fractions.
Importance (optional), one polygon per protected unit inside a region: region, area_km2 and dpc, the percentage of PC lost without the unit, split into dpc_intra (its own area), dpc_flux (dispersal from and to it) and dpc_connector (dispersal between other units through it). The connector part re-runs the paths for every unit: seconds for hundreds of units, minutes for thousands.
Path probabilities below 1e-9 are ignored; the log gives for each region the most this can lower ProtConn (a tiny fraction of a percentage point).</source>
      <translation>计算各区域受保护且连通的比例（ProtConn，Saura 等 2017 年和 2018 年提出，是 GBF 目标 3 的连通性指标），采用 Conefor 的连通概率（PC）。

保护地：面图层。先融合（重叠部分只计一次），再用每个区域切割融合结果中的每个面：位于区域内的部分为该区域的保护单元，带其面积。
区域：面图层；区域字段值相同的要素视为同一区域。坐标参考系与保护地不同的区域会被重投影。
区域字段：在输出中标识各区域。区域字段值为空（NULL）的要素各自单独成为一个区域，在输出中以其要素 ID 命名。
中位扩散距离（米，默认 10000）及该距离处的扩散概率（默认 0.5）：相距 d 米（边到边）的两个单元之间的扩散概率为 p = exp(-k d)，其中 k = -ln(概率) / 距离；p* 为经由其他任意单元的最佳路径概率。
跨界距离（米，默认 0 = 不使用）：区域外但距区域不超过该距离的保护地作为踏脚石：它们在区域内各单元之间传递扩散，但不计面积（Saura 等的研究中为 50000）。
保护地坐标参考系为以米为单位的投影坐标系时直接在其中量测距离，否则在局部等积投影中量测；面积和 ProtConn 均在该坐标系中计算。

输出：每个区域一个面，含区域字段及以下百分比：prot（区域受保护比例）、protconn（受保护且连通：100 ECA / 区域面积，ECA 为 a_i a_j p*_ij 之和的平方根）、protunconn（prot - protconn）、relconn（100 protconn / prot），以及 protconn 中分别来自单元内部连通（protconn_prot）、经跨界踏脚石（protconn_trans）和经未保护土地（protconn_unprot）的份额，三者之和为 100；eca_km2 为等效连通面积。无保护地的区域 prot = protconn = 0，relconn 和各份额为空值（NULL）。
重要性（可选）：区域内每个保护单元一个面，含区域、area_km2 和 dpc（去掉该单元后 PC 损失的百分比），分解为 dpc_intra（自身面积）、dpc_flux（进出该单元的扩散）和 dpc_connector（经该单元在其他单元之间的扩散）。连接部分需为每个单元重新计算路径：数百个单元需数秒，数千个单元需数分钟。
低于 1e-9 的路径概率被忽略；日志给出每个区域因此可能使 ProtConn 偏低的最大值（仅为百分点的极小部分）。</translation>
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
