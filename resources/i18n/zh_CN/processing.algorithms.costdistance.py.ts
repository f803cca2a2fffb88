<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>CostDistanceAlgorithms</name>
    <message>
      <source>The layer "{layer}" has no features.</source>
      <translation>图层“{layer}”没有要素。</translation>
    </message>
    <message>
      <source>Layer "{layer}": the features with id {ids} have no usable geometry and are ignored.</source>
      <translation>图层“{layer}”：ID 为 {ids} 的要素没有可用的几何，已忽略。</translation>
    </message>
    <message>
      <source>No feature of the layer "{layer}" lies on the resistance raster "{raster}": check that they overlap (the layers may be in different places or CRSs).</source>
      <translation>图层“{layer}”中没有任何要素落在阻力栅格“{raster}”上：请检查二者是否重叠（图层可能位于不同位置或使用不同的坐标系）。</translation>
    </message>
    <message>
      <source>Layer "{layer}": the features with id {ids} lie outside the resistance raster and are ignored.</source>
      <translation>图层“{layer}”：ID 为 {ids} 的要素位于阻力栅格之外，已忽略。</translation>
    </message>
    <message>
      <source> and {count} more</source>
      <translation> 等另外 {count} 个</translation>
    </message>
    <message>
      <source>Raster "{layer}": {message}</source>
      <translation>栅格“{layer}”：{message}</translation>
    </message>
    <message>
      <source>The source raster "{layer}" has no non-zero cell on the resistance raster "{raster}".</source>
      <translation>源栅格“{layer}”在阻力栅格“{raster}”范围内没有非零像元。</translation>
    </message>
    <message>
      <source>Layer "{layer}": no path reaches the features with id {ids} (barriers or nodata all around them).</source>
      <translation>图层“{layer}”：没有路径能到达 ID 为 {ids} 的要素（其四周均为障碍或无数据）。</translation>
    </message>
    <message>
      <source>No target of the layer "{layer}" can be reached from the sources: barriers (nodata or resistance &lt;= 0) separate them.</source>
      <translation>图层“{layer}”中没有任何目标能从源到达：障碍（无数据或阻力小于等于 0）将它们隔开。</translation>
    </message>
    <message>
      <source>Layer "{layer}": the features with id {ids} lie on a source of "{sources}"; their paths have cost 0 and length 0.</source>
      <translation>图层“{layer}”：ID 为 {ids} 的要素位于“{sources}”的源上；其路径成本为 0、长度为 0。</translation>
    </message>
    <message>
      <source>Layer "{layer}": the features with id {ids} have no geometry or lie outside the resistance raster; they get no path.</source>
      <translation>图层“{layer}”：ID 为 {ids} 的要素没有几何或位于阻力栅格之外，不为其生成路径。</translation>
    </message>
    <message>
      <source>No feature of the layer "{layer}" lies on the resistance raster "{raster}".</source>
      <translation>图层“{layer}”中没有任何要素落在阻力栅格“{raster}”上。</translation>
    </message>
  </context>
  <context>
    <name>CostDistance</name>
    <message>
      <source>Cost distance</source>
      <translation>成本距离</translation>
    </message>
    <message>
      <source>Accumulated cost from the nearest source to every cell of a resistance raster.</source>
      <translation>计算从最近的源到阻力栅格每个像元的累积成本。</translation>
    </message>
    <message>
      <source>cost distance,accumulated cost,resistance,r.cost,friction,raster</source>
      <translation>成本距离,累积成本,阻力,r.cost,摩擦,栅格</translation>
    </message>
    <message>
      <source>Accumulated cost of travelling from the nearest source to every cell of a resistance raster, as GRASS r.cost (times the cell size) and ArcGIS Cost Distance compute it.</source>
      <translation>计算从最近的源到阻力栅格每个像元的累积成本，与 GRASS r.cost（乘以像元大小）和 ArcGIS 成本距离的计算方式相同。</translation>
    </message>
    <message>
      <source>Each cell is joined to its 8 neighbours and a step costs its length in metres times the mean resistance of the two cells (diagonal steps are longer; non-square cells are exact).</source>
      <translation>每个像元与其 8 个相邻像元相连，每一步的成本为步长（米）乘以两个像元阻力的平均值（对角步更长；非正方形像元按实际尺寸精确计算）。</translation>
    </message>
    <message>
      <source>Output: a Float32 raster on the resistance grid with the accumulated cost in resistance x metres (0 on the sources), no data where the cost is beyond the maximum or no path reaches; Float64 when a cost exceeds the largest Float32 value, 3.4e38, which huge resistances can reach.</source>
      <translation>输出：位于阻力栅格网格上的 Float32 栅格，值为以阻力 × 米表示的累积成本（源上为 0），超过最大成本或无路径可达之处为无数据；当某处成本超过 Float32 的最大值 3.4e38（极大的阻力可能达到）时为 Float64 栅格。</translation>
    </message>
    <message>
      <source>Band 1 gives the cost of crossing one metre of each cell (positive values).</source>
      <translation>第 1 波段给出穿越每个像元一米的成本（正值）。</translation>
    </message>
    <message>
      <source>Cells without data or with a resistance of 0 or less are barriers.</source>
      <translation>无数据或阻力小于等于 0 的像元为障碍。</translation>
    </message>
    <message>
      <source>A raster that is not in a projected CRS in metres (for example geographic degrees) is warped to a local equal-area CRS in metres for the run, with a warning, and the result warped back onto its grid.</source>
      <translation>不是以米为单位的投影坐标系（例如地理坐标度）的栅格，在本次运行中会被重投影到以米为单位的局部等积坐标系并给出警告，结果再重投影回其原栅格网格。</translation>
    </message>
    <message>
      <source>Polygons make the cells whose centre they contain sources (a polygon smaller than a cell makes the cells it touches sources); lines and points make every cell they touch a source.</source>
      <translation>多边形使中心位于其内部的像元成为源（小于一个像元的多边形使其接触到的像元成为源）；线和点使其接触到的所有像元成为源。</translation>
    </message>
    <message>
      <source>Layers in another CRS are reprojected; features outside the raster are reported and ignored.</source>
      <translation>其他坐标系的图层会被重投影；位于栅格之外的要素会被报告并忽略。</translation>
    </message>
    <message>
      <source>Its non-zero cells are sources (resampled onto the resistance grid).</source>
      <translation>其非零像元为源（重采样到阻力栅格网格上）。</translation>
    </message>
    <message>
      <source>Give sources, a source raster or both.</source>
      <translation>可提供源、源栅格或两者。</translation>
    </message>
    <message>
      <source>Resistance x metres; empty or 0 means no limit.</source>
      <translation>阻力 × 米；留空或 0 表示不限制。</translation>
    </message>
    <message>
      <source>Cells farther than this stay without data, and the run stops earlier.</source>
      <translation>超过该值的像元保持无数据，运行也会更早结束。</translation>
    </message>
    <message>
      <source>Resistance raster</source>
      <translation>阻力栅格</translation>
    </message>
    <message>
      <source>Sources</source>
      <translation>源</translation>
    </message>
    <message>
      <source>Source raster (non-zero cells are sources)</source>
      <translation>源栅格（非零像元为源）</translation>
    </message>
    <message>
      <source>Maximum cost (resistance x m; 0 = no limit)</source>
      <translation>最大成本（阻力 × 米；0 = 不限制）</translation>
    </message>
    <message>
      <source>Accumulated cost</source>
      <translation>累积成本</translation>
    </message>
    <message>
      <source>Give sources (a vector layer), a source raster, or both.</source>
      <translation>请提供源（矢量图层）、源栅格或两者。</translation>
    </message>
  </context>
  <context>
    <name>LeastCostPath</name>
    <message>
      <source>Least-cost path</source>
      <translation>最小成本路径</translation>
    </message>
    <message>
      <source>The least-cost path over a resistance raster from the sources to each target.</source>
      <translation>在阻力栅格上计算从源到每个目标的最小成本路径。</translation>
    </message>
    <message>
      <source>least-cost path,cost distance,resistance,r.path,route,corridor</source>
      <translation>最小成本路径,成本距离,阻力,r.path,路线,廊道</translation>
    </message>
    <message>
      <source>The least-cost path over a resistance raster from the source features to each target feature, as GRASS r.cost followed by r.path.</source>
      <translation>在阻力栅格上计算从源要素到每个目标要素的最小成本路径，相当于 GRASS r.cost 加 r.path。</translation>
    </message>
    <message>
      <source>The accumulated cost from the sources follows the rules of the Cost distance algorithm; the path is traced back from the target down the accumulated cost to a source.</source>
      <translation>按与“成本距离”算法相同的规则计算从源出发的累积成本，再从目标沿累积成本下降方向回溯到某个源。</translation>
    </message>
    <message>
      <source>Output: one line per target through the cell centres of the path, in the CRS of the resistance raster, with target_id, source_id (the lowest id where sources overlap), cost (resistance x metres) and length_m (metres).</source>
      <translation>输出：每个目标一条经过路径像元中心的线，坐标系与阻力栅格相同，字段为 target_id、source_id（源重叠时取最小 ID）、cost（阻力 × 米）和 length_m（米）。</translation>
    </message>
    <message>
      <source>A target lying on a source gets a path of cost 0 and length 0, with a warning.</source>
      <translation>位于源上的目标得到成本为 0、长度为 0 的路径，并给出警告。</translation>
    </message>
    <message>
      <source>Band 1, cost per metre; nodata and resistance &lt;= 0 are barriers.</source>
      <translation>第 1 波段，每米成本；无数据及阻力小于等于 0 的像元为障碍。</translation>
    </message>
    <message>
      <source>A raster not in a projected CRS in metres is warped to a local equal-area CRS in metres for the run, with a warning.</source>
      <translation>不是以米为单位的投影坐标系的栅格，在本次运行中会被重投影到以米为单位的局部等积坐标系并给出警告。</translation>
    </message>
    <message>
      <source>The features the paths start from (polygons: cells whose centre they contain; lines and points: cells they touch).</source>
      <translation>路径起始的要素（多边形：中心位于其内部的像元；线和点：其接触到的像元）。</translation>
    </message>
    <message>
      <source>A path starts from whichever source is cheapest to reach the target from.</source>
      <translation>每条路径从到达目标成本最低的源出发。</translation>
    </message>
    <message>
      <source>One path is drawn to each target feature, ending at its cell with the lowest accumulated cost.</source>
      <translation>为每个目标要素绘制一条路径，终点为该要素累积成本最低的像元。</translation>
    </message>
    <message>
      <source>A target that no path reaches (barriers all around) is reported and gets no line.</source>
      <translation>无路径可达的目标（四周均为障碍）会被报告，且不生成线。</translation>
    </message>
    <message>
      <source>Resistance raster</source>
      <translation>阻力栅格</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>源</translation>
    </message>
    <message>
      <source>Target</source>
      <translation>目标</translation>
    </message>
    <message>
      <source>Least-cost paths</source>
      <translation>最小成本路径</translation>
    </message>
  </context>
</TS>
