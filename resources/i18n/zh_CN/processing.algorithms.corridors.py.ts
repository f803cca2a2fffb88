<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>CorridorNetworkAlgorithm</name>
    <message>
      <source>Corridor network</source>
      <translation>廊道网络</translation>
    </message>
    <message>
      <source>Least-cost links, paths and corridors between core areas, as Linkage Mapper.</source>
      <translation>像 Linkage Mapper 那样计算核心区之间的最小成本连接、路径和廊道。</translation>
    </message>
    <message>
      <source>corridor,Linkage Mapper,least-cost path,least-cost corridor,connectivity,ecological network,core</source>
      <translation>廊道,Linkage Mapper,最小成本路径,最小成本廊道,连通性,生态网络,核心区</translation>
    </message>
    <message>
      <source>Maps the ecological corridors between core areas the way Linkage Mapper does, inside QGIS: least-cost links between neighbouring cores, their least-cost paths, and normalised least-cost corridors.</source>
      <translation>像 Linkage Mapper 那样在 QGIS 中绘制核心区之间的生态廊道：相邻核心区之间的最小成本连接、它们的最小成本路径，以及标准化最小成本廊道。</translation>
    </message>
    <message>
      <source>Costs are in cost-weighted metres (resistance x metres), accumulated over 8 neighbours as the Cost distance algorithm does.</source>
      <translation>成本单位为成本加权米（阻力 x 米），与“成本距离”算法相同按 8 邻域累积。</translation>
    </message>
    <message>
      <source>Outputs, in the CRS of the core layer: the links (from_id, to_id, euc_dist, cwd, lcp_length, cwd_euc_ratio, cwd_path_ratio), the corridor raster and optionally the corridor polygons.</source>
      <translation>输出（采用核心区图层的坐标系）：连接（from_id、to_id、euc_dist、cwd、lcp_length、cwd_euc_ratio、cwd_path_ratio）、廊道栅格，以及可选的廊道多边形。</translation>
    </message>
    <message>
      <source>Polygons; a raster cell belongs to a core when its centre lies inside it (a core smaller than a cell takes the cells it touches); the part of a core outside the raster is ignored.</source>
      <translation>多边形；栅格像元的中心位于多边形内即属于该核心区（比一个像元还小的核心区取其接触到的像元）；核心区位于栅格之外的部分被忽略。</translation>
    </message>
    <message>
      <source>Cores in another CRS than the raster are reprojected.</source>
      <translation>与栅格坐标系不同的核心区会被重投影。</translation>
    </message>
    <message>
      <source>Identifies each core in the outputs; ids must be set and unique.</source>
      <translation>在输出中标识每个核心区；编号必须填写且唯一。</translation>
    </message>
    <message>
      <source>Band 1 is the cost of crossing a cell per metre; nodata and values &lt;= 0 are barriers.</source>
      <translation>波段 1 为每米穿越一个像元的成本；无数据值和 &lt;= 0 的值为障碍。</translation>
    </message>
    <message>
      <source>A raster that is not in a projected CRS in metres is warped to a local projected CRS for the run, with a warning.</source>
      <translation>不是以米为单位的投影坐标系的栅格会在运行时重采样到局部投影坐标系，并给出警告。</translation>
    </message>
    <message>
      <source>Which pairs of cores are candidate links: every pair, or only cores whose cost-weighted allocation zones touch (each cell allocated to the core it is cheapest to reach from), whose Euclidean allocation zones touch, or either, as in Linkage Mapper.</source>
      <translation>哪些核心区对成为候选连接：所有核心区对，或仅成本加权分配区相接的核心区（每个像元分配给从其出发成本最低的核心区）、欧氏分配区相接的核心区，或两者之一，与 Linkage Mapper 相同。</translation>
    </message>
    <message>
      <source>Metres, 0 = no limit: candidates whose cores lie farther apart, edge to edge, are dropped.</source>
      <translation>米，0 = 不限：边缘到边缘相距更远的候选连接被舍弃。</translation>
    </message>
    <message>
      <source>Each core is linked to its nearest other cores, by cost-weighted or by Euclidean distance; a link is kept when either of its cores chose it (as in Linkage Mapper), so a core may have more links than this number.</source>
      <translation>每个核心区按成本加权距离或欧氏距离连接到最近的其他核心区；只要两个核心区之一选择了某连接，该连接即被保留（与 Linkage Mapper 相同），因此一个核心区的连接数可能多于此数。</translation>
    </message>
    <message>
      <source>0 keeps every link.</source>
      <translation>0 保留所有连接。</translation>
    </message>
    <message>
      <source>The distance by which the nearest neighbours are chosen: cost-weighted or Euclidean.</source>
      <translation>选择最近邻所用的距离：成本加权距离或欧氏距离。</translation>
    </message>
    <message>
      <source>After the nearest neighbours, groups of linked cores that stay apart are joined by their shortest candidate link, shortest first, until no candidate joins two groups.</source>
      <translation>在最近邻之后，仍彼此分离的核心区组由其最短的候选连接相连，从最短的开始，直到没有候选连接能连接两个组。</translation>
    </message>
    <message>
      <source>Metres, 0 = none: each cost-distance pass runs only inside the circles around its core's candidate pairs (the circle around both cores' bounding boxes, widened by this buffer), as Linkage Mapper does for speed.</source>
      <translation>米，0 = 不使用：每次成本距离计算只在其核心区各候选核心区对的圆内进行（包含两个核心区外包矩形的圆，再扩大此缓冲距离），与 Linkage Mapper 为提速所做的相同。</translation>
    </message>
    <message>
      <source>Corridors are cut at the circle of their pair.</source>
      <translation>廊道在其核心区对的圆处截断。</translation>
    </message>
    <message>
      <source>Cost-weighted metres: longer links are dropped; empty or 0 means no limit.</source>
      <translation>成本加权米：更长的连接被舍弃；留空或 0 表示不限。</translation>
    </message>
    <message>
      <source>A link whose least-cost path crosses a third core is dropped, since that core already connects the two.</source>
      <translation>最小成本路径穿过第三个核心区的连接被舍弃，因为该核心区已连接这两者。</translation>
    </message>
    <message>
      <source>Cost-weighted metres (default 200000 as in Linkage Mapper): cells whose normalised corridor value exceeds it are left out of the corridors.</source>
      <translation>成本加权米（默认 200000，与 Linkage Mapper 相同）：标准化廊道值超过此值的像元不属于廊道。</translation>
    </message>
    <message>
      <source>One line per kept link, its least-cost path from the first core to the second.</source>
      <translation>每条保留的连接一条线，即从第一个核心区到第二个核心区的最小成本路径。</translation>
    </message>
    <message>
      <source>euc_dist: Euclidean distance in metres between the edges of the two cores; cwd: cost-weighted distance of the path; lcp_length: length of the path in metres.</source>
      <translation>euc_dist：两个核心区边缘之间的欧氏距离（米）；cwd：路径的成本加权距离；lcp_length：路径长度（米）。</translation>
    </message>
    <message>
      <source>cwd_euc_ratio: cwd / euc_dist (empty for cores that touch); cwd_path_ratio: cwd / lcp_length, the mean resistance met along the path.</source>
      <translation>cwd_euc_ratio：cwd / euc_dist（相接的核心区为空）；cwd_path_ratio：cwd / lcp_length，沿路径遇到的平均阻力。</translation>
    </message>
    <message>
      <source>The normalised least-cost corridor CWD_A + CWD_B - LCD_AB of each link, the smallest over all links, in cost-weighted metres: 0 along each least-cost path, growing away from it; nodata beyond the width cutoff.</source>
      <translation>每条连接的标准化最小成本廊道 CWD_A + CWD_B - LCD_AB 取所有连接中的最小值，单位为成本加权米：沿每条最小成本路径为 0，向外增大；超过宽度截断值处为无数据。</translation>
    </message>
    <message>
      <source>For each link, the cells of its own corridor within the width cutoff, with from_id and to_id (corridors of different links may overlap).</source>
      <translation>每条连接在宽度截断值以内的自身廊道像元，带 from_id 和 to_id（不同连接的廊道可能重叠）。</translation>
    </message>
    <message>
      <source>Resistance raster</source>
      <translation>阻力栅格</translation>
    </message>
    <message>
      <source>Maximum nearest neighbours per core (0 = all)</source>
      <translation>每个核心区的最大最近邻数（0 = 全部）</translation>
    </message>
    <message>
      <source>Maximum cost-weighted distance of a link (cost-weighted m; 0 = no limit)</source>
      <translation>连接的最大成本加权距离（成本加权米；0 = 不限制）</translation>
    </message>
    <message>
      <source>Drop links whose least-cost path crosses a third core</source>
      <translation>舍弃最小成本路径穿过第三个核心区的连接</translation>
    </message>
    <message>
      <source>Corridor width cutoff (cost-weighted m)</source>
      <translation>廊道宽度截断值（成本加权米）</translation>
    </message>
    <message>
      <source>Links</source>
      <translation>连接</translation>
    </message>
    <message>
      <source>Corridors (normalised least-cost corridors)</source>
      <translation>廊道（归一化最小成本廊道）</translation>
    </message>
    <message>
      <source>Corridor polygons</source>
      <translation>廊道面</translation>
    </message>
    <message>
      <source>Candidate links (adjacency)</source>
      <translation>候选连接（邻接）</translation>
    </message>
    <message>
      <source>All pairs of cores</source>
      <translation>所有核心区对</translation>
    </message>
    <message>
      <source>Cost-weighted allocation zones touch</source>
      <translation>成本加权分配区相接</translation>
    </message>
    <message>
      <source>Euclidean allocation zones touch</source>
      <translation>欧氏分配区相接</translation>
    </message>
    <message>
      <source>Cost-weighted or Euclidean zones touch</source>
      <translation>成本加权或欧氏分配区相接</translation>
    </message>
    <message>
      <source>Nearest neighbours measured by</source>
      <translation>最近邻的度量</translation>
    </message>
    <message>
      <source>Cost-weighted distance</source>
      <translation>成本加权距离</translation>
    </message>
    <message>
      <source>Euclidean distance</source>
      <translation>欧氏距离</translation>
    </message>
    <message>
      <source>Maximum Euclidean distance between linked cores (m; 0 = no limit)</source>
      <translation>相连核心区之间的最大欧氏距离（米；0 = 不限）</translation>
    </message>
    <message>
      <source>Connect constellations (groups of cores left apart)</source>
      <translation>连接星座（彼此分离的核心区组）</translation>
    </message>
    <message>
      <source>Bounding circle buffer (m; 0 = whole raster)</source>
      <translation>外接圆缓冲距离（米；0 = 整个栅格）</translation>
    </message>
  </context>
  <context>
    <name>ReservePlannerCorridors</name>
    <message>
      <source>{count} links kept.</source>
      <translation>保留了 {count} 条连接。</translation>
    </message>
    <message>
      <source>Dropped because their least-cost path crosses a third core: {pairs}.</source>
      <translation>因最小成本路径穿过第三个核心区而舍弃：{pairs}。</translation>
    </message>
    <message>
      <source>Cores reaching beyond the resistance raster, of which only the part on the raster is used: {cores}.</source>
      <translation>超出阻力栅格范围的核心区（只使用其位于栅格上的部分）：{cores}。</translation>
    </message>
    <message>
      <source>Cores without any link (unreachable, adjacent to no other core, beyond the maximum cost-weighted or Euclidean distance, or only reachable through other cores): {cores}.</source>
      <translation>没有任何连接的核心区（不可达、不与其他核心区邻接、超出最大成本加权距离或欧氏距离，或只能穿过其他核心区到达）：{cores}。</translation>
    </message>
  </context>
</TS>
