<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ReservePlannerResistanceSurface</name>
    <message>
      <source>{message} (factor {factor} is "{name}")</source>
      <translation>{message}（因子 {factor} 为“{name}”）</translation>
    </message>
    <message>
      <source>Give at least one factor raster: its grid is the output grid.</source>
      <translation>请至少给出一个因子栅格：其网格即输出网格。</translation>
    </message>
    <message>
      <source>Factor weights: {weights}.</source>
      <translation>因子权重：{weights}。</translation>
    </message>
    <message>
      <source>Cells of the resistance surface made 0 or less by a correction value of 0 or less in "{layer}": {count}. Cost tools treat them as barriers; add a constant to the correction raster (night-time light + 1, for example) if they should be passable.</source>
      <translation>因“{layer}”中的校正值小于或等于 0 而使阻力面小于或等于 0 的像元数：{count}。成本工具会把它们当作障碍；如果它们应可通行，请给校正栅格加上一个常数（例如夜间灯光 + 1）。</translation>
    </message>
    <message>
      <source>The reclassification table is empty: give factor, min, max, score rows.</source>
      <translation>重分类表为空：请给出“因子、最小值、最大值、得分”行。</translation>
    </message>
    <message>
      <source>The reclassification table has {count} values, not a multiple of 4: each row is factor, min, max, score.</source>
      <translation>重分类表有 {count} 个值，不是 4 的倍数：每行应为因子、最小值、最大值、得分。</translation>
    </message>
    <message>
      <source>The distance layer "{layer}" has no feature with a geometry.</source>
      <translation>距离图层“{layer}”中没有带几何的要素。</translation>
    </message>
    <message>
      <source>The distance layer "{layer}" lies outside the factors' grid.</source>
      <translation>距离图层“{layer}”位于因子网格之外。</translation>
    </message>
    <message>
      <source>The resistance surface has no cell with data: {factors} do not overlap the first factor "{first}". Use factors that cover the same area.</source>
      <translation>阻力面没有任何有数据的像元：{factors} 与第一个因子“{first}”不重叠。请使用覆盖同一区域的因子。</translation>
    </message>
    <message>
      <source>the factors</source>
      <translation>各因子</translation>
    </message>
  </context>
  <context>
    <name>ResistanceSurfaceAlgorithm</name>
    <message>
      <source>Resistance surface from weighted factors</source>
      <translation>由加权因子生成阻力面</translation>
    </message>
    <message>
      <source>Reclassifies factors to resistance scores and adds them with weights or AHP.</source>
      <translation>将各因子重分类为阻力得分，并按权重或 AHP 加权求和。</translation>
    </message>
    <message>
      <source>resistance,cost,friction,factor,reclassify,ahp,weights,night-time light,ecological security pattern</source>
      <translation>阻力,成本,摩擦,因子,重分类,ahp,权重,夜间灯光,生态安全格局</translation>
    </message>
    <message>
      <source>Builds a resistance surface R = sum of w_k r_k: each factor k (land cover, slope, elevation, the distance to roads or settlements) is reclassified to a score r_k by a table, and the scores are added with weights w_k that sum to 1.</source>
      <translation>生成阻力面 R = Σ w_k r_k：每个因子 k（土地覆盖、坡度、高程、到道路或居民点的距离）按表重分类为得分 r_k，再以总和为 1 的权重 w_k 加权求和。</translation>
    </message>
    <message>
      <source>Output: a raster on the grid of the first factor raster.</source>
      <translation>输出：位于第一个因子栅格网格上的栅格。</translation>
    </message>
    <message>
      <source>Rasters, in any CRS and resolution; the first one sets the output grid and the others are resampled onto it (nearest neighbour).</source>
      <translation>任意坐标系和分辨率的栅格；第一个因子决定输出网格，其余因子（最近邻）重采样到该网格。</translation>
    </message>
    <message>
      <source>Each layer becomes a factor: the distance in metres from every cell to the nearest feature.</source>
      <translation>每个图层成为一个因子：各像元到最近要素的距离（米）。</translation>
    </message>
    <message>
      <source>They follow the rasters in the factor order.</source>
      <translation>在因子顺序中排在栅格之后。</translation>
    </message>
    <message>
      <source>One row per range or class: factor number (1 = the first factor), min, max, score.</source>
      <translation>每个区间或类别一行：因子编号（1 = 第一个因子）、最小值、最大值、得分。</translation>
    </message>
    <message>
      <source>A value v gets the score of the row with min &lt;= v &lt; max (the highest range includes its max); a row with min = max matches that value only, for class codes.</source>
      <translation>值 v 取满足 最小值 &lt;= v &lt; 最大值 的行的得分（最高区间包含其最大值）；最小值 = 最大值 的行只匹配该值，用于类别代码。</translation>
    </message>
    <message>
      <source>Ranges must not overlap or leave gaps.</source>
      <translation>区间不得重叠或留有空隙。</translation>
    </message>
    <message>
      <source>Example for a slope factor 2: 2, 0, 8, 1 / 2, 8, 25, 3 / 2, 25, 90, 5.</source>
      <translation>坡度因子 2 的示例：2, 0, 8, 1 / 2, 8, 25, 3 / 2, 25, 90, 5。</translation>
    </message>
    <message>
      <source>"w1,w2,..." one per factor (rescaled to sum 1; empty = equal).</source>
      <translation>每个因子一个权重“w1,w2,...”（缩放为总和 1；留空 = 等权）。</translation>
    </message>
    <message>
      <source>An AHP pairwise comparison matrix, rows separated by ";" and values by ","; its weights replace WEIGHTS and its consistency ratio is reported.</source>
      <translation>AHP 两两比较矩阵，行以“;”分隔，值以“,”分隔；其权重替代 WEIGHTS，并报告其一致性比率。</translation>
    </message>
    <message>
      <source>R is multiplied by the correction raster divided by its mean over the cells of the same class (e.g. night-time light over the mean of its land-cover class).</source>
      <translation>R 乘以修正栅格除以同类像元均值（例如夜间灯光除以其土地覆盖类型的均值）。</translation>
    </message>
    <message>
      <source>The classes of the correction come from this raster, by default the first factor.</source>
      <translation>修正所用类别取自该栅格，默认为第一个因子。</translation>
    </message>
    <message>
      <source>Factor rasters</source>
      <translation>因子栅格</translation>
    </message>
    <message>
      <source>Distance factors (vector layers)</source>
      <translation>距离因子（矢量图层）</translation>
    </message>
    <message>
      <source>Reclassification table</source>
      <translation>重分类表</translation>
    </message>
    <message>
      <source>factor</source>
      <translation>因子</translation>
    </message>
    <message>
      <source>min</source>
      <translation>最小值</translation>
    </message>
    <message>
      <source>max</source>
      <translation>最大值</translation>
    </message>
    <message>
      <source>score</source>
      <translation>得分</translation>
    </message>
    <message>
      <source>Weights ("w1,w2,...", one per factor)</source>
      <translation>权重（“w1,w2,...”，每个因子一个）</translation>
    </message>
    <message>
      <source>AHP pairwise matrix (rows ";", values ","; replaces the weights)</source>
      <translation>AHP 两两比较矩阵（行以“;”、值以“,”分隔；替代权重）</translation>
    </message>
    <message>
      <source>Correction raster (e.g. night-time light)</source>
      <translation>修正栅格（例如夜间灯光）</translation>
    </message>
    <message>
      <source>Classes of the correction (default: the first factor)</source>
      <translation>修正所用类别（默认：第一个因子）</translation>
    </message>
    <message>
      <source>Resistance surface</source>
      <translation>阻力面</translation>
    </message>
  </context>
</TS>
