<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>PatchImportanceAlgorithm</name>
    <message>
      <source>Patch importance for connectivity (dIIC, dPC)</source>
      <translation>斑块连通重要性（dIIC、dPC）</translation>
    </message>
    <message>
      <source>Ranks habitat patches by the landscape connectivity lost without each, as Conefor does.</source>
      <translation>按移除各斑块后景观连通性的损失对生境斑块排序，与 Conefor 的算法一致。</translation>
    </message>
    <message>
      <source>conefor,connectivity,dpc,diic,pc,iic,eca,patch,source,ecological security pattern</source>
      <translation>conefor,连通性,dpc,diic,pc,iic,eca,斑块,生态源地,生态安全格局</translation>
    </message>
    <message>
      <source>Computes the integral index of connectivity (IIC), the probability of connectivity (PC) and the equivalent connected area EC(PC) of a landscape of habitat patches, as Conefor 2.7 computes them.</source>
      <translation>计算生境斑块景观的整体连通性指数（IIC）、可能连通性指数（PC）和等效连通面积 EC(PC)，计算方法与 Conefor 2.7 相同。</translation>
    </message>
    <message>
      <source>The importance of each patch is the percentage of the index lost when the patch is removed (dIIC, dPC), split into intra (the patch itself), flux (dispersal from and to it) and connector (dispersal between other patches through it).</source>
      <translation>每个斑块的重要性为移除该斑块后指数下降的百分比（dIIC、dPC），并分解为 intra（斑块自身）、flux（进出该斑块的扩散）和 connector（经由该斑块在其他斑块之间的扩散）。</translation>
    </message>
    <message>
      <source>Outputs: the patches with dIIC, dIIC_intra, dIIC_flux, dIIC_connector, dPC, dPC_intra, dPC_flux, dPC_connector (percent) and rank (1 = largest dPC); a summary table with IIC, PC, EC(IIC), EC(PC) and the landscape attribute.</source>
      <translation>输出：带有 dIIC、dIIC_intra、dIIC_flux、dIIC_connector、dPC、dPC_intra、dPC_flux、dPC_connector（百分比）和 rank（1 = dPC 最大）的斑块；以及包含 IIC、PC、EC(IIC)、EC(PC) 和景观属性的汇总表。</translation>
    </message>
    <message>
      <source>Every value is exact; distances are measured only between patches whose link some path can need.</source>
      <translation>所有数值均为精确值；只测量某条路径可能需要其连接的斑块之间的距离。</translation>
    </message>
    <message>
      <source>A few hundred patches take seconds, a thousand about half a minute, two thousand about two minutes.</source>
      <translation>数百个斑块需数秒，一千个斑块约需半分钟，两千个斑块约需两分钟。</translation>
    </message>
    <message>
      <source>Each feature is a patch.</source>
      <translation>每个要素是一个斑块。</translation>
    </message>
    <message>
      <source>a_i of each patch: a numeric field (e.g. area times habitat quality), or empty for the patch area in hectares.</source>
      <translation>每个斑块的 a_i：一个数值字段（例如面积乘以生境质量），留空则为斑块面积（公顷）。</translation>
    </message>
    <message>
      <source>NULL or negative values are refused.</source>
      <translation>NULL 或负值将被拒绝。</translation>
    </message>
    <message>
      <source>Euclidean: the shortest distance between the two polygons, in metres.</source>
      <translation>欧氏：两个多边形之间的最短距离（米）。</translation>
    </message>
    <message>
      <source>Least cost: the lowest accumulated cost (resistance x metres) from one patch to the other.</source>
      <translation>最小成本：从一个斑块到另一个斑块的最低累积成本（阻力 x 米）。</translation>
    </message>
    <message>
      <source>Needed for least-cost distances; cells with nodata or &lt;= 0 are barriers.</source>
      <translation>最小成本距离需要此栅格；无数据或值 &lt;= 0 的像元为障碍。</translation>
    </message>
    <message>
      <source>Two patches are linked for IIC when their distance is at most this.</source>
      <translation>两个斑块的距离不超过此值时，在 IIC 中视为相连。</translation>
    </message>
    <message>
      <source>The distance at which the dispersal probability of PC equals the probability below (Conefor: -confProb distance probability).</source>
      <translation>PC 的扩散概率等于下方概率时的距离（Conefor：-confProb 距离 概率）。</translation>
    </message>
    <message>
      <source>PC uses the probability p = exp(-k d), with this probability at the distance above.</source>
      <translation>PC 使用概率 p = exp(-k d)，在上方距离处取此概率。</translation>
    </message>
    <message>
      <source>The maximum landscape attribute of IIC and PC.</source>
      <translation>IIC 和 PC 的最大景观属性。</translation>
    </message>
    <message>
      <source>0: the area of the rectangle around the patches when the attribute is the area; IIC and PC are left empty for another attribute.</source>
      <translation>0：属性为面积时取包围所有斑块的矩形面积；属性为其他字段时 IIC 和 PC 留空。</translation>
    </message>
    <message>
      <source>dIIC and dPC do not depend on it.</source>
      <translation>dIIC 和 dPC 与此无关。</translation>
    </message>
    <message>
      <source>Habitat patches</source>
      <translation>生境斑块</translation>
    </message>
    <message>
      <source>Patch attribute (empty = area in ha)</source>
      <translation>斑块属性（留空 = 面积，公顷）</translation>
    </message>
    <message>
      <source>Distance between patches</source>
      <translation>斑块间距离</translation>
    </message>
    <message>
      <source>Euclidean, edge to edge (m)</source>
      <translation>欧氏距离，边缘到边缘（米）</translation>
    </message>
    <message>
      <source>Least cost over the resistance raster (cost-weighted m)</source>
      <translation>阻力栅格上的最小成本距离（成本加权米）</translation>
    </message>
    <message>
      <source>Resistance raster (least-cost distances)</source>
      <translation>阻力栅格（最小成本距离）</translation>
    </message>
    <message>
      <source>IIC distance threshold (m or cost-weighted m)</source>
      <translation>IIC 距离阈值（米或成本加权米）</translation>
    </message>
    <message>
      <source>PC dispersal distance (m or cost-weighted m)</source>
      <translation>PC 扩散距离（米或成本加权米）</translation>
    </message>
    <message>
      <source>PC dispersal probability at that distance</source>
      <translation>PC 在该距离处的扩散概率</translation>
    </message>
    <message>
      <source>Landscape attribute A_L (ha, or the attribute's units; 0 = automatic)</source>
      <translation>景观属性 A_L（公顷，或属性的单位；0 = 自动）</translation>
    </message>
    <message>
      <source>Patches with their importance</source>
      <translation>斑块及其重要性</translation>
    </message>
    <message>
      <source>Landscape connectivity summary</source>
      <translation>景观连通性汇总</translation>
    </message>
  </context>
  <context>
    <name>ReservePlannerPatchImportance</name>
    <message>
      <source>Layer "{layer}" has no patches.</source>
      <translation>图层“{layer}”中没有斑块。</translation>
    </message>
    <message>
      <source>Least-cost distances need a resistance raster: choose one in "Resistance raster", or use Euclidean distances.</source>
      <translation>最小成本距离需要阻力栅格：请在“阻力栅格”中选择一个，或改用欧氏距离。</translation>
    </message>
    <message>
      <source>Layer "{layer}": feature id {fid} has no passable cell of the resistance raster "{raster}" under it: it lies outside the raster or only on nodata or resistance &lt;= 0 cells. Use a raster with data under every patch.</source>
      <translation>图层“{layer}”：要素 ID {fid} 下没有阻力栅格“{raster}”的可通行像元：它位于栅格之外，或只覆盖无数据或阻力 &lt;= 0 的像元。请使用在每个斑块下都有数据的栅格。</translation>
    </message>
    <message>
      <source>Layer "{layer}": feature id {features} has no value in the attribute field "{field}". Give every patch a value, or leave the attribute empty to use the area.</source>
      <translation>图层“{layer}”：要素 ID {features} 的属性字段“{field}”没有值。请为每个斑块赋值，或将属性留空以使用面积。</translation>
    </message>
    <message>
      <source>Layer "{layer}": feature id {fid} has the value {value} in the attribute field "{field}"; attributes must be finite numbers of 0 or more. Correct it, or leave the attribute empty to use the area.</source>
      <translation>图层“{layer}”：要素 ID {fid} 的属性字段“{field}”的值为 {value}；属性必须是大于或等于 0 的有限数。请更正该值，或不选属性以使用面积。</translation>
    </message>
    <message>
      <source>{patches} patches in {components} groups linked at the IIC threshold; EC(PC) = {ec:.6g}.</source>
      <translation>{patches} 个斑块在 IIC 阈值下连成 {components} 组；EC(PC) = {ec:.6g}。</translation>
    </message>
    <message>
      <source>IIC = {iic:.6g}, PC = {pc:.6g} with a landscape attribute of {area:.6g}.</source>
      <translation>IIC = {iic:.6g}，PC = {pc:.6g}，景观属性为 {area:.6g}。</translation>
    </message>
  </context>
</TS>
