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
      <source>Maps the ecological corridors between core areas the way Linkage Mapper does, inside QGIS: least-cost links between neighbouring cores, their least-cost paths, and normalised least-cost corridors.

Core areas: polygons; a raster cell belongs to a core when its centre lies inside it (a core smaller than a cell takes the cells it touches); the part of a core outside the raster is ignored. Cores in another CRS than the raster are reprojected.
Core id field: identifies each core in the outputs; ids must be set and unique.
Resistance raster: band 1 is the cost of crossing a cell per metre; nodata and values &lt;= 0 are barriers. Costs are accumulated over 8 neighbours with the average-cost convention, as the Cost distance algorithm, GRASS r.cost and ArcGIS do, in cost-weighted metres (resistance x metres). A raster that is not in a projected CRS in metres is warped to a local projected CRS for the run, with a warning.
Maximum nearest neighbours (default 4): each core is linked to its nearest other cores by cost-weighted distance; a link is kept when either of its cores chose it (as in Linkage Mapper), so a core may have more links than this number. 0 keeps every link.
Maximum cost-weighted distance (optional, cost-weighted metres): longer links are dropped; empty or 0 means no limit, as 0 neighbours means all.
Drop links through cores (default on): a link whose least-cost path crosses a third core is dropped, since that core already connects the two.
Corridor width cutoff (cost-weighted metres, default 200000 as in Linkage Mapper): cells whose normalised corridor value exceeds it are left out of the corridors.

Outputs, in the CRS of the core layer:
Links: one line per kept link, its least-cost path from the first core to the second, with from_id, to_id, euc_dist (Euclidean distance in metres between the closest cells of the two cores), cwd (cost-weighted distance of the path), lcp_length (length of the path in metres), cwd_euc_ratio (cwd / euc_dist) and cwd_path_ratio (cwd / lcp_length, the mean resistance met along the path).
Corridors: a raster on the resistance grid of the normalised least-cost corridor CWD_A + CWD_B - LCD_AB of each link, the smallest over all links, in cost-weighted metres: 0 along each least-cost path, growing away from it; nodata beyond the width cutoff.
Corridor polygons: for each link, the cells of its own corridor within the width cutoff, with from_id and to_id (corridors of different links may overlap).</source>
      <translation>以 Linkage Mapper 的方法在 QGIS 中绘制核心区之间的生态廊道：相邻核心区之间的最小成本连接、其最小成本路径，以及归一化最小成本廊道。

核心区：面图层；栅格像元的中心位于面内即属于该核心区（小于一个像元的核心区取其接触的像元）；核心区位于栅格之外的部分被忽略。与栅格坐标参考系不同的核心区会被重投影。
核心区编号字段：在输出中标识每个核心区；编号必须填写且唯一。
阻力栅格：第 1 波段为每米穿越像元的成本；无数据及 &lt;= 0 的值为障碍。成本按 8 邻域、平均成本约定累积（与“成本距离”算法、GRASS r.cost 和 ArcGIS 相同），单位为成本加权米（阻力 x 米）。不是以米为单位的投影坐标系的栅格，本次运行时会重投影到局部投影坐标系，并给出警告。
最大最近邻数（默认 4）：每个核心区按成本加权距离连接到最近的其他核心区；只要连接的任一端核心区选择了它即保留（与 Linkage Mapper 相同），因此一个核心区的连接数可能多于此数。0 表示保留所有连接。
最大成本加权距离（可选，成本加权米）：更长的连接被舍弃；留空或 0 表示不限制，正如邻居数 0 表示全部。
舍弃穿过核心区的连接（默认开启）：最小成本路径穿过第三个核心区的连接被舍弃，因为该核心区已连通两者。
廊道宽度截断值（成本加权米，默认 200000，与 Linkage Mapper 相同）：归一化廊道值超过该值的像元不属于廊道。

输出（采用核心区图层的坐标参考系）：
连接：每条保留的连接一条线，即从第一个核心区到第二个核心区的最小成本路径，字段有 from_id、to_id、euc_dist（两核心区最近像元之间的欧氏距离，米）、cwd（路径的成本加权距离）、lcp_length（路径长度，米）、cwd_euc_ratio（cwd / euc_dist）和 cwd_path_ratio（cwd / lcp_length，即沿路径的平均阻力）。
廊道：阻力栅格网格上的栅格，为各连接的归一化最小成本廊道 CWD_A + CWD_B - LCD_AB 在所有连接中的最小值，单位为成本加权米：沿每条最小成本路径为 0，向外递增；超过宽度截断值处为无数据。
廊道面：每条连接在宽度截断值以内的廊道像元，带 from_id 和 to_id（不同连接的廊道可能重叠）。</translation>
    </message>
    <message>
      <source>Core areas</source>
      <translation>核心区</translation>
    </message>
    <message>
      <source>Core id field</source>
      <translation>核心区编号字段</translation>
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
  </context>
  <context>
    <name>ReservePlannerCorridors</name>
    <message>
      <source>Layer "{layer}": feature id {features} has no value in the core id field "{field}". Give every core an id and run again.</source>
      <translation>图层“{layer}”：要素 ID {features} 的核心区编号字段“{field}”没有值。请为每个核心区填写编号后重新运行。</translation>
    </message>
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
      <source>Cores without any link (unreachable, beyond the maximum cost-weighted distance, or only reachable through other cores): {cores}.</source>
      <translation>没有任何连接的核心区（不可达、超过最大成本加权距离，或只能经由其他核心区到达）：{cores}。</translation>
    </message>
  </context>
</TS>
