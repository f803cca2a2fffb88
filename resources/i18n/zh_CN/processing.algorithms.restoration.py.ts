<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ReservePlannerRestoration</name>
    <message>
      <source>Resistance raster</source>
      <translation>阻力栅格</translation>
    </message>
    <message>
      <source>Links (the Links output of Corridor network)</source>
      <translation>连接（“廊道网络”的“连接”输出）</translation>
    </message>
    <message>
      <source>The core areas the links were built from (an input of Corridor network).</source>
      <translation>构建这些连接时所用的核心区（“廊道网络”的输入）。</translation>
    </message>
    <message>
      <source>The core id field the links were built with; ids must be set and unique.</source>
      <translation>构建这些连接时所用的核心区编号字段；编号必须填写且唯一。</translation>
    </message>
    <message>
      <source>The resistance raster the links were built on: band 1, cost per metre; nodata and values &lt;= 0 are barriers no restoration crosses and carry no current.</source>
      <translation>构建这些连接时所用的阻力栅格：波段 1，每米成本；无数据值和 &lt;= 0 的值为任何修复都无法穿越的障碍，也不通过电流。</translation>
    </message>
    <message>
      <source>The Links output of Corridor network (fields from_id and to_id).</source>
      <translation>“廊道网络”的“连接”输出（字段 from_id 和 to_id）。</translation>
    </message>
    <message>
      <source>Layer "{layer}" holds no link. Use the Links output of Corridor network with at least one link.</source>
      <translation>图层“{layer}”中没有连接。请使用至少含一条连接的“廊道网络”的“连接”输出。</translation>
    </message>
    <message>
      <source>Cores {first} and {second} of a link cannot reach each other over the resistance raster; remove the link or use the raster the links were built on.</source>
      <translation>连接的核心区 {first} 和 {second} 在阻力栅格上彼此不可达；请删除该连接，或使用构建这些连接时的栅格。</translation>
    </message>
    <message>
      <source>Cores {first} and {second} touch: their link has no barrier to restore and is skipped.</source>
      <translation>核心区 {first} 和 {second} 相接：其连接没有可修复的障碍，已跳过。</translation>
    </message>
    <message>
      <source>Largest score {score:.6g} over {radii} radii and {links} links.</source>
      <translation>{radii} 个半径和 {links} 条连接中的最大得分为 {score:.6g}。</translation>
    </message>
    <message>
      <source>Radii below the cell size ({cell:g} m) restore only the cell itself: {radii} m.</source>
      <translation>小于像元大小（{cell:g} 米）的半径只修复像元本身：{radii} 米。</translation>
    </message>
    <message>
      <source>The radius step ({step:g} m) is less than the cell size ({cell:g} m): neighbouring radii may give the same disks and take time for nothing.</source>
      <translation>半径步长（{step:g} 米）小于像元大小（{cell:g} 米）：相邻半径可能得到相同的圆盘，白白耗费时间。</translation>
    </message>
    <message>
      <source>Layer "{layer}": the link {first} - {second} has cwd {value}; centrality needs a cost-weighted distance &gt; 0 for every link (cores that touch have cwd 0: merge them or remove their link).</source>
      <translation>图层“{layer}”：连接 {first} - {second} 的 cwd 为 {value}；中心性要求每条连接的成本加权距离 &gt; 0（相接的核心区 cwd 为 0：请合并它们或删除其连接）。</translation>
    </message>
  </context>
  <context>
    <name>BarriersAlgorithm</name>
    <message>
      <source>Barriers (Barrier Mapper)</source>
      <translation>障碍点（Barrier Mapper）</translation>
    </message>
    <message>
      <source>Where restoring a circle of land would shorten a corridor most, as Linkage Mapper's Barrier Mapper.</source>
      <translation>像 Linkage Mapper 的 Barrier Mapper 那样找出修复一圆形区域最能缩短廊道的位置。</translation>
    </message>
    <message>
      <source>barrier,restoration,Barrier Mapper,Linkage Mapper,corridor,connectivity</source>
      <translation>障碍点,修复,Barrier Mapper,Linkage Mapper,廊道,连通性</translation>
    </message>
    <message>
      <source>Maps the barriers of a corridor network as Linkage Mapper's Barrier Mapper does: for every cell and radius, how much restoring the circle of that radius around the cell would shorten the least-cost distance of a link (McRae et al. 2012).</source>
      <translation>像 Linkage Mapper 的 Barrier Mapper 那样绘制廊道网络的障碍点：对每个像元和半径，修复该像元周围该半径的圆能使一条连接的最小成本距离缩短多少（McRae 等，2012）。</translation>
    </message>
    <message>
      <source>Outputs on the resistance raster's grid: the largest score over radii and links; optionally a folder with one map per radius (barriers_r&lt;radius&gt;m.tif).</source>
      <translation>输出位于阻力栅格的网格上：所有半径和连接中的最大得分；可选输出一个文件夹，每个半径一幅图（barriers_r&lt;半径&gt;m.tif）。</translation>
    </message>
    <message>
      <source>Nodata where no link's cost reaches.</source>
      <translation>没有连接的成本能到达之处为无数据。</translation>
    </message>
    <message>
      <source>The smallest radius tried (metres).</source>
      <translation>尝试的最小半径（米）。</translation>
    </message>
    <message>
      <source>The largest radius tried (metres), included.</source>
      <translation>尝试的最大半径（米），包含在内。</translation>
    </message>
    <message>
      <source>The step between the radii tried (metres).</source>
      <translation>尝试的半径之间的步长（米）。</translation>
    </message>
    <message>
      <source>The resistance per metre of restored land (default 1).</source>
      <translation>修复后土地每米的阻力（默认 1）。</translation>
    </message>
    <message>
      <source>The improvement in cost-weighted metres (the least-cost distance minus the restored one: the cost to reach the circle from each core plus its diameter at the restored resistance).</source>
      <translation>改善量，单位为成本加权米（最小成本距离减去修复后的距离：从各核心区到达该圆的成本加上以修复后阻力穿过其直径的成本）。</translation>
    </message>
    <message>
      <source>Or that improvement as a percentage of the link's least-cost distance, or per metre restored (improvement / diameter).</source>
      <translation>或该改善量占该连接最小成本距离的百分比，或每修复一米的改善量（改善量 / 直径）。</translation>
    </message>
    <message>
      <source>Minimum radius (m)</source>
      <translation>最小半径（米）</translation>
    </message>
    <message>
      <source>Maximum radius (m)</source>
      <translation>最大半径（米）</translation>
    </message>
    <message>
      <source>Radius step (m)</source>
      <translation>半径步长（米）</translation>
    </message>
    <message>
      <source>Restored resistance (per metre)</source>
      <translation>修复后阻力（每米）</translation>
    </message>
    <message>
      <source>Score</source>
      <translation>得分</translation>
    </message>
    <message>
      <source>Improvement (cost-weighted m)</source>
      <translation>改善量（成本加权米）</translation>
    </message>
    <message>
      <source>Percent of the least-cost distance</source>
      <translation>占最小成本距离的百分比</translation>
    </message>
    <message>
      <source>Improvement per metre restored</source>
      <translation>每修复一米的改善量</translation>
    </message>
    <message>
      <source>Barriers (maximum over radii)</source>
      <translation>障碍点（各半径中的最大值）</translation>
    </message>
    <message>
      <source>Folder of one map per radius</source>
      <translation>每个半径一幅图的文件夹</translation>
    </message>
  </context>
  <context>
    <name>PinchpointsAlgorithm</name>
    <message>
      <source>Pinch points (Pinchpoint Mapper)</source>
      <translation>夹点（Pinchpoint Mapper）</translation>
    </message>
    <message>
      <source>Where current between cores squeezes through narrow passages, as Linkage Mapper's Pinchpoint Mapper.</source>
      <translation>像 Linkage Mapper 的 Pinchpoint Mapper 那样找出核心区之间电流被挤过的狭窄通道。</translation>
    </message>
    <message>
      <source>pinch point,circuit theory,current,Pinchpoint Mapper,Linkage Mapper,corridor</source>
      <translation>夹点,电路理论,电流,Pinchpoint Mapper,Linkage Mapper,廊道</translation>
    </message>
    <message>
      <source>Maps the pinch points of a corridor network as Linkage Mapper's Pinchpoint Mapper does, with circuit theory (McRae 2012): where current between two cores squeezes through a narrow passage.</source>
      <translation>像 Linkage Mapper 的 Pinchpoint Mapper 那样，用电路理论绘制廊道网络的夹点（McRae，2012）：两个核心区之间的电流被挤过狭窄通道的地方。</translation>
    </message>
    <message>
      <source>Outputs: the current map (amperes; cell size never scales it, as in Circuitscape; NoData on the cores, as in Linkage Mapper) on the resistance raster's grid.</source>
      <translation>输出：阻力栅格网格上的电流图（安培；与 Circuitscape 相同，像元大小从不缩放结果；与 Linkage Mapper 相同，核心区为无数据值）。</translation>
    </message>
    <message>
      <source>And the links with eff_resistance (effective resistance of each link's corridor, ohms) and cwd_to_eff_resistance (its cost-weighted distance over its effective resistance).</source>
      <translation>以及带 eff_resistance（每条连接廊道的有效电阻，欧姆）和 cwd_to_eff_resistance（其成本加权距离除以有效电阻）的连接。</translation>
    </message>
    <message>
      <source>Cost-weighted metres: each link's corridor is the cells whose normalised least-cost corridor value is at most this, plus both cores.</source>
      <translation>成本加权米：每条连接的廊道为标准化最小成本廊道值不超过此值的像元，加上两个核心区。</translation>
    </message>
    <message>
      <source>Per-link corridors: 1 A between the two cores of each link, in its corridor; corridors mosaicked by maximum.</source>
      <translation>逐连接廊道：每条连接的两个核心区之间在其廊道内通 1 A 电流；各廊道按最大值镶嵌。</translation>
    </message>
    <message>
      <source>All cores across the landscape: each core in turn grounded while every other core injects 1 A, over the whole raster; maps summed.</source>
      <translation>整个景观中的所有核心区：每个核心区轮流接地，其他每个核心区注入 1 A，在整个栅格上计算；各图求和。</translation>
    </message>
    <message>
      <source>CWD cutoff of the corridors (cost-weighted m)</source>
      <translation>廊道的 CWD 截断值（成本加权米）</translation>
    </message>
    <message>
      <source>Mode</source>
      <translation>模式</translation>
    </message>
    <message>
      <source>Per-link corridors</source>
      <translation>逐连接廊道</translation>
    </message>
    <message>
      <source>All cores across the landscape</source>
      <translation>整个景观中的所有核心区</translation>
    </message>
    <message>
      <source>Pinch points (current)</source>
      <translation>夹点（电流）</translation>
    </message>
    <message>
      <source>Links with effective resistance</source>
      <translation>带有效电阻的连接</translation>
    </message>
  </context>
  <context>
    <name>CentralityAlgorithm</name>
    <message>
      <source>Centrality (Centrality Mapper)</source>
      <translation>中心性（Centrality Mapper）</translation>
    </message>
    <message>
      <source>Ranks the cores and links of a corridor network by current-flow centrality, as Linkage Mapper's Centrality Mapper.</source>
      <translation>像 Linkage Mapper 的 Centrality Mapper 那样按电流流中心性对廊道网络的核心区和连接排序。</translation>
    </message>
    <message>
      <source>centrality,current flow,Centrality Mapper,Linkage Mapper,network,corridor</source>
      <translation>中心性,电流流,Centrality Mapper,Linkage Mapper,网络,廊道</translation>
    </message>
    <message>
      <source>Ranks the cores and links of a corridor network by current-flow centrality, as Linkage Mapper's Centrality Mapper does.</source>
      <translation>像 Linkage Mapper 的 Centrality Mapper 那样按电流流中心性对廊道网络的核心区和连接排序。</translation>
    </message>
    <message>
      <source>The network is a circuit with a node per core and a resistor per link (its cost-weighted distance, field cwd); 1 A flows between every pair of cores in turn and cf_centrality sums the current through each core and each link over all pairs.</source>
      <translation>网络是一个电路，每个核心区一个节点，每条连接一个电阻（其成本加权距离，字段 cwd）；每对核心区之间轮流通 1 A 电流，cf_centrality 对所有核心区对累加流经每个核心区和每条连接的电流。</translation>
    </message>
    <message>
      <source>Cores and links that keep the network together score highest.</source>
      <translation>维系网络连通的核心区和连接得分最高。</translation>
    </message>
    <message>
      <source>Outputs: the cores and the links with cf_centrality (amperes summed over pairs).</source>
      <translation>输出：带 cf_centrality（对所有核心区对累加的安培数）的核心区和连接。</translation>
    </message>
    <message>
      <source>Cores with centrality</source>
      <translation>带中心性的核心区</translation>
    </message>
    <message>
      <source>Links with centrality</source>
      <translation>带中心性的连接</translation>
    </message>
  </context>
</TS>
