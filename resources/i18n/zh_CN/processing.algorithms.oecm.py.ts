<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ReservePlannerOecm</name>
    <message>
      <source>{parameter} needs a numeric field, but field "{field}" of layer "{layer}" is of type {type}. Convert it to numbers (e.g. the Field calculator with to_real("{field}")) or choose another field.</source>
      <translation>{parameter} 需要数值字段，但图层“{layer}”的字段“{field}”类型为 {type}。请将其转换为数值（例如在字段计算器中使用 to_real("{field}")），或选择其他字段。</translation>
    </message>
    <message>
      <source>connectivity (ProtConn gain)</source>
      <translation>连通性（ProtConn 增量）</translation>
    </message>
    <message>
      <source>No criterion was given: choose at least one raster (CRITERIA), vector layer (VECTOR_CRITERIA), numeric field (ATTRIBUTE_CRITERIA) or switch on CONNECTIVITY.</source>
      <translation>未给出任何准则：请至少选择一个栅格（CRITERIA）、矢量图层（VECTOR_CRITERIA）、数值字段（ATTRIBUTE_CRITERIA），或打开 CONNECTIVITY。</translation>
    </message>
    <message>
      <source>No protected areas were given: criterion A (already protected) is not checked.</source>
      <translation>未给出保护地：不检查准则 A（已受保护）。</translation>
    </message>
    <message>
      <source>Criterion "{criterion}" has no value for {count} eligible candidates (outside the raster, only nodata, or an empty field): feature ids {ids}. They get 0 for it.</source>
      <translation>准则“{criterion}”对 {count} 个合格候选地没有取值（在栅格之外、全为无数据或字段为空）：要素编号 {ids}。该准则按 0 计。</translation>
    </message>
    <message>
      <source>Criterion "{criterion}" is the same for every eligible candidate: it does not change the ranking.</source>
      <translation>准则“{criterion}”对所有合格候选地都相同：不影响排名。</translation>
    </message>
    <message>
      <source>The regions layer "{layer}" has no features: no candidate would have a connectivity contribution. Give a layer with the regions, or leave REGIONS empty.</source>
      <translation>区域图层“{layer}”没有要素：任何候选地都不会有连通性贡献。请提供包含区域的图层，或将 REGIONS 留空。</translation>
    </message>
    <message>
      <source>No REGIONS given: the connectivity contribution is measured in the rectangle around all candidates and protected areas.</source>
      <translation>未给出 REGIONS：连通性贡献在包含全部候选地和保护地的矩形内计算。</translation>
    </message>
    <message>
      <source>Input fields replaced by this run's results: {fields}.</source>
      <translation>以下输入字段被本次结果替换：{fields}。</translation>
    </message>
    <message>
      <source>OECM candidate scoring</source>
      <translation>OECM 候选地评分</translation>
    </message>
    <message>
      <source>{total} candidate sites from "{layer}": {eligible} eligible, {screened} screened out. Each criterion is rescaled 0..1 over the eligible sites (min-max, inverted where lower is better); score = 100 x sum of weight x rescaled value. Classes: high &gt;= 67, medium &gt;= 33, low below.</source>
      <translation>图层“{layer}”共有 {total} 个候选地：{eligible} 个合格，{screened} 个被筛除。每个准则在合格候选地中按最小-最大值缩放到 0..1（越低越好的准则取反）；得分 = 100 × Σ（权重 × 缩放值）。等级：高 &gt;= 67，中 &gt;= 33，其余为低。</translation>
    </message>
    <message>
      <source>Criteria and weights</source>
      <translation>准则与权重</translation>
    </message>
    <message>
      <source>Criterion</source>
      <translation>准则</translation>
    </message>
    <message>
      <source>Direction</source>
      <translation>方向</translation>
    </message>
    <message>
      <source>Weight</source>
      <translation>权重</translation>
    </message>
    <message>
      <source>consistent</source>
      <translation>一致</translation>
    </message>
    <message>
      <source>inconsistent: revise the pairwise comparisons</source>
      <translation>不一致：请修改两两比较</translation>
    </message>
    <message>
      <source>Weights from the AHP pairwise matrix (principal eigenvector): lambda_max = {lam:.3f}, CI = {ci:.3f}, RI = {ri:.2f}, CR = {cr:.3f} ({verdict}; Saaty's limit 0.1).</source>
      <translation>权重来自 AHP 两两比较矩阵（主特征向量）：lambda_max = {lam:.3f}，CI = {ci:.3f}，RI = {ri:.2f}，CR = {cr:.3f}（{verdict}；Saaty 的界限为 0.1）。</translation>
    </message>
    <message>
      <source>Ranking of the eligible sites</source>
      <translation>合格候选地排名</translation>
    </message>
    <message>
      <source>Rank</source>
      <translation>名次</translation>
    </message>
    <message>
      <source>Site</source>
      <translation>地块</translation>
    </message>
    <message>
      <source>Score (0-100)</source>
      <translation>得分（0-100）</translation>
    </message>
    <message>
      <source>Class</source>
      <translation>等级</translation>
    </message>
    <message>
      <source>{criterion} (0..1)</source>
      <translation>{criterion}（0..1）</translation>
    </message>
    <message>
      <source>Each site's score split into the points each criterion adds (weight x rescaled value x 100).</source>
      <translation>各地块得分按准则拆分（权重 × 缩放值 × 100）。</translation>
    </message>
    <message>
      <source>Screened out</source>
      <translation>被筛除</translation>
    </message>
    <message>
      <source>Why</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>No candidate was screened out.</source>
      <translation>没有候选地被筛除。</translation>
    </message>
    <message>
      <source>feature {fid}</source>
      <translation>要素 {fid}</translation>
    </message>
    <message>
      <source>high</source>
      <translation>高</translation>
    </message>
    <message>
      <source>medium</source>
      <translation>中</translation>
    </message>
    <message>
      <source>low</source>
      <translation>低</translation>
    </message>
    <message>
      <source>Score points</source>
      <translation>得分分值</translation>
    </message>
    <message>
      <source>The regions layer "{layer}" has no features: there is no target for the selection to meet. Choose a layer with the regions (a filter may hide its features) and run again.</source>
      <translation>区域图层“{layer}”没有要素：选择没有可达成的目标。请选择包含区域的图层（筛选条件可能隐藏了其要素）后重新运行。</translation>
    </message>
    <message>
      <source>Layer "{layer}": candidates {ids} have a score but no usable polygon (null, empty or unrepairable geometry): they cannot be selected. Fix their geometry and score them again.</source>
      <translation>图层“{layer}”：候选地 {ids} 有得分，但没有可用的面（几何为空、为空值或无法修复）：它们无法被选中。请修复其几何并重新评分。</translation>
    </message>
    <message>
      <source>The exact optimum adds {best:.3f} km2 toward the targets for a cost of {cost:g}; greedy adds {greedy:.3f} km2 for {greedy_cost:g} ({gap:.2f} % less).</source>
      <translation>精确最优解为目标增加 {best:.3f} km2，成本 {cost:g}；贪心法增加 {greedy:.3f} km2，成本 {greedy_cost:g}（少 {gap:.2f} %）。</translation>
    </message>
    <message>
      <source>The exact optimum could not be found within {seconds:g} s; no greedy gap is reported.</source>
      <translation>未能在 {seconds:g} 秒内求得精确最优解；不报告贪心差距。</translation>
    </message>
    <message>
      <source>The exact selection is the best found in {seconds:g} s, not a proven optimum.</source>
      <translation>精确选择结果是 {seconds:g} 秒内找到的最佳方案，尚未证明最优。</translation>
    </message>
    <message>
      <source>Layer "{layer}": field "{field}" must be a cost of 0 or more for every candidate; feature ids {ids} have none. Fill it in or set those sites' score empty.</source>
      <translation>图层“{layer}”：字段“{field}”必须为每个候选地给出 0 或更大的成本；要素编号 {ids} 没有。请填写，或将这些地块的得分置空。</translation>
    </message>
    <message>
      <source>{count} sites selected, total cost {cost:g}, {added:.3f} km2 added toward the targets.</source>
      <translation>选中 {count} 个地块，总成本 {cost:g}，为目标增加 {added:.3f} km2。</translation>
    </message>
    <message>
      <source>the budget ran out</source>
      <translation>预算已用完</translation>
    </message>
    <message>
      <source>no remaining candidate adds area</source>
      <translation>剩余候选地都不再增加面积</translation>
    </message>
    <message>
      <source>{count} regions still miss the target by {gap:.3f} km2 in all: {reason}.</source>
      <translation>仍有 {count} 个区域未达到目标，共差 {gap:.3f} km2：{reason}。</translation>
    </message>
    <message>
      <source>OECM selection toward {target:g} %</source>
      <translation>以 {target:g} % 为目标的 OECM 选择</translation>
    </message>
    <message>
      <source>Sites are picked one at a time by value per cost: value = score / 100 x the area (km2) the site adds toward regions still below {target:g} %, counting only land not yet protected or picked. {count} sites picked, total cost {cost:g}{budget}.</source>
      <translation>按单位成本价值逐个选择地块：价值 = 得分 / 100 × 地块为仍低于 {target:g} % 的区域增加的面积（km2），只计尚未受保护或未被选中的土地。共选中 {count} 个地块，总成本 {cost:g}{budget}。</translation>
    </message>
    <message>
      <source> of a budget of {budget:g}</source>
      <translation>（预算 {budget:g}）</translation>
    </message>
    <message>
      <source>Sites in the order picked</source>
      <translation>按选择顺序排列的地块</translation>
    </message>
    <message>
      <source>Order</source>
      <translation>顺序</translation>
    </message>
    <message>
      <source>Score</source>
      <translation>得分</translation>
    </message>
    <message>
      <source>Cost</source>
      <translation>成本</translation>
    </message>
    <message>
      <source>Added toward the target (km2)</source>
      <translation>为目标增加的面积（km2）</translation>
    </message>
    <message>
      <source>Coverage per region</source>
      <translation>各区域覆盖率</translation>
    </message>
    <message>
      <source>Region</source>
      <translation>区域</translation>
    </message>
    <message>
      <source>Area (km2)</source>
      <translation>面积（km2）</translation>
    </message>
    <message>
      <source>Before (%)</source>
      <translation>选择前（%）</translation>
    </message>
    <message>
      <source>After (%)</source>
      <translation>选择后（%）</translation>
    </message>
    <message>
      <source>Still missing (km2)</source>
      <translation>仍缺（km2）</translation>
    </message>
    <message>
      <source>Coverage after the selection</source>
      <translation>选择后的覆盖率</translation>
    </message>
    <message>
      <source>% of the region</source>
      <translation>占区域的 %</translation>
    </message>
    <message>
      <source>Target</source>
      <translation>目标</translation>
    </message>
    <message>
      <source>Dark bars reach the target.</source>
      <translation>深色条表示已达到目标。</translation>
    </message>
  </context>
  <context>
    <name>ScoreOecm</name>
    <message>
      <source>Score OECM candidates</source>
      <translation>OECM 候选地评分</translation>
    </message>
    <message>
      <source>Screens candidate OECM sites and ranks the eligible ones by a weighted multi-criteria score.</source>
      <translation>筛选 OECM 候选地，并按加权多准则得分对合格候选地排名。</translation>
    </message>
    <message>
      <source>OECM,other effective area-based conservation measures,candidate,screening,multi-criteria,AHP,score,ranking</source>
      <translation>OECM,其他有效的基于区域的保护措施,候选地,筛选,多准则,层次分析法,得分,排名</translation>
    </message>
    <message>
      <source>Screens candidate sites for "other effective area-based conservation measures" (OECMs, CBD decision 14/8) and ranks the eligible ones by a weighted multi-criteria score.</source>
      <translation>筛选“其他有效的基于区域的保护措施”（OECM，CBD 第 14/8 号决定）候选地，并按加权多准则得分对合格候选地排名。</translation>
    </message>
    <message>
      <source>No candidate is ever dropped: screen_reason says why each screened-out site failed (A with its percent, B1 when no valid closed boundary is left after repair, or the empty field); eligible is false for them.</source>
      <translation>任何候选地都不会被丢弃：screen_reason 说明每个被筛除地块的原因（A 及其百分比；B1 表示修复后没有有效的闭合边界；或为空的字段）；这些地块的 eligible 为 false。</translation>
    </message>
    <message>
      <source>Each criterion is rescaled 0..1 by min-max over the eligible candidates (inverted for "-"); a criterion equal for all eligible sites gives 0.5; a missing value counts as 0.</source>
      <translation>每个准则在合格候选地中按最小-最大值缩放到 0..1（“-”取反）；所有合格地块取值相同的准则记为 0.5；缺失值按 0 计。</translation>
    </message>
    <message>
      <source>OUTPUT: every input field, eligible, screen_reason, protected_pct, one n_&lt;criterion&gt; column per criterion (0..1), score (0-100 = 100 x sum of weight x normalised value), rank (1 = best among eligible sites) and class: high (score &gt;= 67), medium (&gt;= 33) or low.</source>
      <translation>OUTPUT：全部输入字段，eligible，screen_reason，protected_pct，每个准则一列 n_&lt;准则&gt;（0..1），score（0-100 = 100 × Σ 权重 × 标准化值），rank（1 = 合格地块中最佳）以及 class：high（得分 &gt;= 67）、medium（&gt;= 33）或 low。</translation>
    </message>
    <message>
      <source>The candidate polygons.</source>
      <translation>候选地多边形。</translation>
    </message>
    <message>
      <source>Invalid polygons (e.g. a bow-tie) are repaired and stay eligible.</source>
      <translation>无效多边形（如“8”字形自相交）会被修复并保持合格。</translation>
    </message>
    <message>
      <source>Percent of a candidate's area inside the protected areas above which it fails criterion A (already protected).</source>
      <translation>候选地面积落在保护地内的百分比超过该值即不满足准则 A（已受保护）。</translation>
    </message>
    <message>
      <source>Default 5 %, so digitising slivers do not disqualify a site.</source>
      <translation>默认 5 %，避免数字化误差造成的细碎重叠取消地块资格。</translation>
    </message>
    <message>
      <source>Attribute gates (criteria B2/B3), e.g. a governance field: a candidate whose field is empty is screened out.</source>
      <translation>属性门槛（准则 B2/B3），如治理字段：该字段为空的候选地被筛除。</translation>
    </message>
    <message>
      <source>Give several fields as repeated values or comma-separated (GOVERNANCE,TENURE).</source>
      <translation>多个字段可重复给出，也可用逗号分隔（GOVERNANCE,TENURE）。</translation>
    </message>
    <message>
      <source>The mean value over each site: cells weighted by the share of the cell inside the site for small sites, cell-centre rule for large sites, as QGIS zonal statistics; nodata cells ignored.</source>
      <translation>每个地块内的平均值：小地块按像元落在地块内的面积比例加权，大地块按像元中心规则，与 QGIS 分区统计相同；忽略无数据像元。</translation>
    </message>
    <message>
      <source>Rasters may be in any CRS or resolution.</source>
      <translation>栅格可为任意坐标系或分辨率。</translation>
    </message>
    <message>
      <source>Polygon layers: the percent of the site inside each layer, e.g. Key Biodiversity Areas.</source>
      <translation>多边形图层：地块落在各图层内的百分比，如关键生物多样性区域。</translation>
    </message>
    <message>
      <source>Numeric fields of the candidates used as criteria.</source>
      <translation>作为准则的候选地数值字段。</translation>
    </message>
    <message>
      <source>Adds the ProtConn gain (percentage points) of the site's region when the site is added to the protected areas, as the last criterion.</source>
      <translation>将地块加入保护地后其所在区域 ProtConn 的增量（百分点）作为最后一个准则。</translation>
    </message>
    <message>
      <source>Polygons of the regions for the connectivity contribution; without them the extent of the candidates and protected areas is the region.</source>
      <translation>计算连通性贡献的区域多边形；未给出时以候选地和保护地的范围为区域。</translation>
    </message>
    <message>
      <source>Median dispersal distance in metres, probability 0.5 at that distance.</source>
      <translation>中位扩散距离，米，在该距离处概率为 0.5。</translation>
    </message>
    <message>
      <source>"+" (higher is better) or "-" (lower is better, e.g. human footprint or cost) per criterion, comma-separated; default all "+".</source>
      <translation>每个准则一个“+”（越高越好）或“-”（越低越好，如人类足迹或成本），以逗号分隔；默认全为“+”。</translation>
    </message>
    <message>
      <source>Criteria are in this order: raster, vector, attribute, then connectivity.</source>
      <translation>准则顺序为：栅格、矢量、属性，然后是连通性。</translation>
    </message>
    <message>
      <source>"w1,w2,..." per criterion, in the order of the criteria (rescaled to sum 1; default equal).</source>
      <translation>每个准则一个权重“w1,w2,...”，按准则顺序（缩放为总和 1；默认相等）。</translation>
    </message>
    <message>
      <source>A pairwise comparison matrix on Saaty's 1-9 scale, rows separated by ";" and values by "," (e.g. "1,3;1/3,1").</source>
      <translation>Saaty 1-9 标度的两两比较矩阵，行以“;”分隔，值以“,”分隔（如“1,3;1/3,1”）。</translation>
    </message>
    <message>
      <source>Its principal eigenvector gives the weights; the consistency ratio CR is reported and CR &gt; 0.1 gives a warning.</source>
      <translation>其主特征向量给出权重；报告一致性比率 CR，CR &gt; 0.1 时给出警告。</translation>
    </message>
    <message>
      <source>A report with the weights, the AHP consistency, the ranking table, a chart of each site's criterion breakdown and what was screened out and why.</source>
      <translation>报告，包括权重、AHP 一致性、排名表、各地块准则构成图以及被筛除的地块及原因。</translation>
    </message>
    <message>
      <source>Candidate sites</source>
      <translation>候选地</translation>
    </message>
    <message>
      <source>Overlap threshold for criterion A (% of the site inside protected areas)</source>
      <translation>准则 A 的重叠阈值（地块落在保护地内的 %）</translation>
    </message>
    <message>
      <source>Required fields (a site with any of them empty is screened out)</source>
      <translation>必填字段（任一为空的地块被筛除）</translation>
    </message>
    <message>
      <source>Raster criteria (mean over each site)</source>
      <translation>栅格准则（每个地块内的平均值）</translation>
    </message>
    <message>
      <source>Vector criteria (percent of the site inside each layer)</source>
      <translation>矢量准则（地块落在各图层内的百分比）</translation>
    </message>
    <message>
      <source>Attribute criteria (numeric fields)</source>
      <translation>属性准则（数值字段）</translation>
    </message>
    <message>
      <source>Add the connectivity contribution (ProtConn gain) as a criterion</source>
      <translation>将连通性贡献（ProtConn 增量）作为准则</translation>
    </message>
    <message>
      <source>Regions for the connectivity contribution</source>
      <translation>计算连通性贡献的区域</translation>
    </message>
    <message>
      <source>Median dispersal distance for connectivity (m)</source>
      <translation>连通性的中位扩散距离（米）</translation>
    </message>
    <message>
      <source>Directions ("+" higher is better, "-" lower is better, one per criterion)</source>
      <translation>方向（“+”越高越好，“-”越低越好，每个准则一个）</translation>
    </message>
    <message>
      <source>Weights ("w1,w2,...", one per criterion)</source>
      <translation>权重（“w1,w2,...”，每个准则一个）</translation>
    </message>
    <message>
      <source>AHP pairwise matrix (rows ";", values ","; replaces the weights)</source>
      <translation>AHP 两两比较矩阵（行以“;”、值以“,”分隔；替代权重）</translation>
    </message>
    <message>
      <source>Scored candidates</source>
      <translation>已评分候选地</translation>
    </message>
    <message>
      <source>Scoring report</source>
      <translation>评分报告</translation>
    </message>
    <message>
      <source>HTML files (*.html)</source>
      <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
      <source>Eligible candidates</source>
      <translation>合格候选地</translation>
    </message>
    <message>
      <source>Screened-out candidates</source>
      <translation>被筛除候选地</translation>
    </message>
    <message>
      <source>AHP consistency ratio</source>
      <translation>AHP 一致性比率</translation>
    </message>
  </context>
  <context>
    <name>SelectOecm</name>
    <message>
      <source>Select OECM candidates toward a target</source>
      <translation>按目标选择 OECM 候选地</translation>
    </message>
    <message>
      <source>Picks candidate OECM sites toward a coverage target per region, within a budget.</source>
      <translation>在预算内按区域覆盖目标选择 OECM 候选地。</translation>
    </message>
    <message>
      <source>OECM,selection,complementarity,greedy,budget,30x30,target 3,integer programming</source>
      <translation>OECM,选择,互补性,贪心,预算,30x30,目标 3,整数规划</translation>
    </message>
    <message>
      <source>Complementarity selection of candidate OECM sites toward a coverage target per region (GBF Target 3: 30 %).</source>
      <translation>按区域覆盖目标（GBF 目标 3：30 %）对 OECM 候选地进行互补选择。</translation>
    </message>
    <message>
      <source>A region's gap is the area still needed to reach the target; a site's value is its score / 100 times the area it adds toward unmet gaps (km2, only the part not already protected or picked, capped by each region's gap).</source>
      <translation>区域缺口是达到目标仍需的面积；地块的价值 = 得分 / 100 × 其对未满足缺口增加的面积（km2，只计尚未受保护或未被选中的部分，并以各区域缺口为上限）。</translation>
    </message>
    <message>
      <source>Areas are computed in a local equal-area projection.</source>
      <translation>面积在局部等积投影中计算。</translation>
    </message>
    <message>
      <source>OUTPUT: the selected sites with every input field, pick_order (1 = first), added_km2 (area added toward the targets), value and cum_cost (cost spent so far).</source>
      <translation>OUTPUT：选中的地块，含全部输入字段、pick_order（1 = 最先）、added_km2（为目标增加的面积）、value 和 cum_cost（累计成本）。</translation>
    </message>
    <message>
      <source>Scored candidate polygons, e.g. the output of "Score OECM candidates".</source>
      <translation>已评分的候选地多边形，如“OECM 候选地评分”的输出。</translation>
    </message>
    <message>
      <source>Sites whose eligible field is false, or whose score is empty or 0, are never picked.</source>
      <translation>eligible 字段为 false、或得分为空或 0 的地块不会被选中。</translation>
    </message>
    <message>
      <source>The quality score, 0-100 (default score).</source>
      <translation>质量得分，0-100（默认 score）。</translation>
    </message>
    <message>
      <source>The cost of each site (any unit, &gt;= 0; free sites come first); without it every site costs 1.</source>
      <translation>每个地块的成本（任意单位，&gt;= 0；免费地块优先）；未给出时每个地块成本为 1。</translation>
    </message>
    <message>
      <source>The most that may be spent, in the cost unit (without a cost field: the largest number of sites).</source>
      <translation>最多可花费的金额，单位同成本（无成本字段时为最多地块数）。</translation>
    </message>
    <message>
      <source>The regions (e.g. ecoregions or provinces) that must each reach TARGET.</source>
      <translation>各自须达到 TARGET 的区域（如生态区或省份）。</translation>
    </message>
    <message>
      <source>The field naming each region.</source>
      <translation>区域名称字段。</translation>
    </message>
    <message>
      <source>Percent of each region's area.</source>
      <translation>各区域面积的百分比。</translation>
    </message>
    <message>
      <source>Greedy: the site with the largest value per cost that fits the budget is picked, gaps and values are updated, and so on until every region reaches the target, the budget runs out or no site adds anything.</source>
      <translation>贪心：每次选出在预算内单位成本价值最大的地块，更新缺口和价值，如此反复，直到每个区域达到目标、预算用完或再无地块能增加面积。</translation>
    </message>
    <message>
      <source>Exact: the set of sites that adds the most area toward the targets within the budget, and the cheapest such set, proven by integer programming (HiGHS; each of its two solves stops after a minute).</source>
      <translation>精确：在预算内为目标增加面积最多的地块组合，以及其中成本最低的组合，由整数规划证明（HiGHS；两次求解各在一分钟后停止）。</translation>
    </message>
    <message>
      <source>With greedy, the exact optimum is computed too when it can be within that time, and GREEDY_GAP says how much of the optimum's added area greedy misses (percent; 0 for exact, -1 when not computed).</source>
      <translation>用贪心法时，若能在该时间内求得精确最优解也会一并计算，GREEDY_GAP 给出贪心法少得的最优增加面积（百分比；精确法为 0，未计算时为 -1）。</translation>
    </message>
    <message>
      <source>Each region with area_km2, before_km2 / before_pct (protected now), after_km2 / after_pct (with the selected sites), gap_km2 (still missing after the selection) and meets_target.</source>
      <translation>每个区域的 area_km2、before_km2 / before_pct（现状受保护）、after_km2 / after_pct（加入选中地块后）、gap_km2（选择后仍缺的面积）和 meets_target。</translation>
    </message>
    <message>
      <source>A report with the picks in order, each region's coverage before and after, and a chart of it against the target.</source>
      <translation>报告，包括按顺序列出的选中地块、各区域选择前后的覆盖率及其与目标对比的图。</translation>
    </message>
    <message>
      <source>Scored candidate sites</source>
      <translation>已评分候选地</translation>
    </message>
    <message>
      <source>Score field (0-100)</source>
      <translation>得分字段（0-100）</translation>
    </message>
    <message>
      <source>Cost field</source>
      <translation>成本字段</translation>
    </message>
    <message>
      <source>Budget (cost units; number of sites without a cost field)</source>
      <translation>预算（成本单位；无成本字段时为地块数）</translation>
    </message>
    <message>
      <source>Regions</source>
      <translation>区域</translation>
    </message>
    <message>
      <source>Region name field</source>
      <translation>区域名称字段</translation>
    </message>
    <message>
      <source>Coverage target (% of each region)</source>
      <translation>覆盖目标（各区域的 %）</translation>
    </message>
    <message>
      <source>Selected sites</source>
      <translation>选中地块</translation>
    </message>
    <message>
      <source>Coverage per region before and after</source>
      <translation>各区域选择前后的覆盖率</translation>
    </message>
    <message>
      <source>Selection report</source>
      <translation>选择报告</translation>
    </message>
    <message>
      <source>HTML files (*.html)</source>
      <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
      <source>Method</source>
      <translation>方法</translation>
    </message>
    <message>
      <source>Greedy (best value per cost first)</source>
      <translation>贪心（单位成本价值最大者优先）</translation>
    </message>
    <message>
      <source>Exact (integer programming, proven optimum)</source>
      <translation>精确（整数规划，证明最优）</translation>
    </message>
    <message>
      <source>Total cost</source>
      <translation>总成本</translation>
    </message>
    <message>
      <source>Area toward the targets greedy misses (% of the exact optimum)</source>
      <translation>贪心法少得的目标面积（占精确最优解的 %）</translation>
    </message>
  </context>
</TS>
