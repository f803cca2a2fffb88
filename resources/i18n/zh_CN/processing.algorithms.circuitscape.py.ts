<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>CircuitscapeAlgorithm</name>
    <message>
      <source>Circuitscape (circuit theory)</source>
      <translation>Circuitscape（电路理论）</translation>
    </message>
    <message>
      <source>Current flow through a resistance raster, as Circuitscape 5 computes it.</source>
      <translation>按 Circuitscape 5 的方法计算电流在阻力栅格中的流动。</translation>
    </message>
    <message>
      <source>circuitscape,circuit theory,current,connectivity,corridor,pinch point,effective resistance</source>
      <translation>circuitscape,电路理论,电流,连通性,廊道,夹点,有效电阻</translation>
    </message>
    <message>
      <source>Current flow through a resistance raster as Circuitscape 5 computes it (McRae et al. 2008): each cell is a node of a resistor network joined to its 8 (or 4) neighbours.</source>
      <translation>按 Circuitscape 5 的方法计算电流在阻力栅格中的流动（McRae 等，2008）：每个像元是电阻网络中的一个节点，与其 8 个（或 4 个）相邻像元相连。</translation>
    </message>
    <message>
      <source>The current maps show where movement between focal nodes concentrates (corridors, pinch points).</source>
      <translation>电流图显示焦点之间的移动集中在何处（廊道、夹点）。</translation>
    </message>
    <message>
      <source>Modes: pairwise (1 A between each pair of focal nodes; effective resistances), one-to-all (each focal node in turn injects 1 A, all others grounded), all-to-one (each in turn grounded, all others inject 1 A), advanced (a source raster in amperes and a ground raster).</source>
      <translation>模式：成对（每对焦点之间 1 A；有效电阻）、一对多（每个焦点依次注入 1 A，其余全部接地）、多对一（每个焦点依次接地，其余各注入 1 A）、高级（以安培为单位的电流源栅格和接地栅格）。</translation>
    </message>
    <message>
      <source>Results are in ohms, amperes and volts of the cell network: the cell size never scales them (Circuitscape's convention), and the raster needs no CRS.</source>
      <translation>结果为像元网络的欧姆、安培和伏特：像元大小从不缩放结果（Circuitscape 的约定），栅格也不需要坐标系。</translation>
    </message>
    <message>
      <source>Band 1: resistance of each cell in ohms (or conductance in siemens, see below); nodata, values &lt;= 0 and masked cells are not part of the network.</source>
      <translation>波段 1：每个像元的电阻（欧姆，或电导，西门子，见下）；无数据、值 &lt;= 0 及被掩膜的像元不属于网络。</translation>
    </message>
    <message>
      <source>Checked: cell values are conductances (siemens), not resistances.</source>
      <translation>勾选：像元值是电导（西门子），而非电阻。</translation>
    </message>
    <message>
      <source>Which Circuitscape scenario to run.</source>
      <translation>要运行的 Circuitscape 情景。</translation>
    </message>
    <message>
      <source>Cell value = focal node id (integer &gt; 0); 0 or nodata: none.</source>
      <translation>像元值 = 焦点编号（&gt; 0 的整数）；0 或无数据：无。</translation>
    </message>
    <message>
      <source>Cells sharing an id form a focal region.</source>
      <translation>编号相同的像元组成一个焦点区域。</translation>
    </message>
    <message>
      <source>Points (the cell under each point) or polygons (the cells whose centre they hold); reprojected to the raster's CRS.</source>
      <translation>点（点所在的像元）或面（中心落在面内的像元）；重投影到栅格的坐标系。</translation>
    </message>
    <message>
      <source>Integer id &gt; 0 of each focal point or region; features sharing an id are one focal node.</source>
      <translation>每个焦点或焦点区域的整数编号（&gt; 0）；编号相同的要素为同一个焦点。</translation>
    </message>
    <message>
      <source>Unchecked: 8 neighbours, diagonal links weighted by 1 / sqrt(2).</source>
      <translation>不勾选：八邻域，对角连接乘以 1 / sqrt(2)。</translation>
    </message>
    <message>
      <source>Unchecked: a link's conductance is the mean of its two cells' conductances; checked: its resistance is the mean of their resistances.</source>
      <translation>不勾选：连接的电导为两个像元电导的平均值；勾选：连接的电阻为两个像元电阻的平均值。</translation>
    </message>
    <message>
      <source>Cells sharing a non-zero value are one node (zero resistance between them).</source>
      <translation>非零值相同的像元为一个节点（彼此之间电阻为零）。</translation>
    </message>
    <message>
      <source>Cells &lt;= 0 or nodata in the mask are removed from the network.</source>
      <translation>掩膜中 &lt;= 0 或无数据的像元从网络中移除。</translation>
    </message>
    <message>
      <source>Circuitscape's format: "mode include" or "mode exclude" then one "id id" pair per line, or "min" / "max" lines then a matrix of ids.</source>
      <translation>Circuitscape 格式："mode include" 或 "mode exclude"，之后每行一对 "编号 编号"；或 "min" / "max" 两行，之后为编号矩阵。</translation>
    </message>
    <message>
      <source>Ids not listed are dropped.</source>
      <translation>未列出的编号将被剔除。</translation>
    </message>
    <message>
      <source>One-to-all and all-to-one: "id amperes" per line, amperes &gt;= 0 (1 A for unlisted ids).</source>
      <translation>一对多和多对一模式：每行“编号 安培”，安培数 &gt;= 0（未列出的编号为 1 A）。</translation>
    </message>
    <message>
      <source>Amperes injected in each cell (nodata or 0: none).</source>
      <translation>每个像元注入的电流（安培；无数据或 0：无）。</translation>
    </message>
    <message>
      <source>A raster: Circuitscape's text lists of points ("value x y") are not read; rasterise them onto the resistance grid first.</source>
      <translation>须为栅格：不读取 Circuitscape 的点文本列表（“值 x y”）；请先将其栅格化到阻力栅格上。</translation>
    </message>
    <message>
      <source>Resistance (ohms, 0 = direct ground) or conductance to ground of each cell; nodata: none.</source>
      <translation>每个像元对地的电阻（欧姆，0 = 直接接地）或电导；无数据：无。</translation>
    </message>
    <message>
      <source>Unchecked: the ground raster holds conductances (siemens).</source>
      <translation>不勾选：接地栅格的值为电导（西门子）。</translation>
    </message>
    <message>
      <source>Circuitscape's keepall, rmvsrc, rmvgnd and rmvall policies.</source>
      <translation>即 Circuitscape 的 keepall、rmvsrc、rmvgnd 和 rmvall 策略。</translation>
    </message>
    <message>
      <source>Advanced mode: ignore the source values, each source cell injects 1 A.</source>
      <translation>高级模式：忽略电流源的值，每个电流源像元注入 1 A。</translation>
    </message>
    <message>
      <source>Advanced mode: ignore the ground values, each ground cell is held at 0 V.</source>
      <translation>高级模式：忽略接地值，每个接地像元保持 0 V。</translation>
    </message>
    <message>
      <source>Float32 GeoTIFF on the resistance grid, amperes: the sum of the current maps of all solves.</source>
      <translation>与阻力栅格同格网的 Float32 GeoTIFF，单位安培：所有求解的电流图之和。</translation>
    </message>
    <message>
      <source>The largest current of any single solve in each cell (amperes).</source>
      <translation>每个像元在各次求解中的最大电流（安培）。</translation>
    </message>
    <message>
      <source>Advanced mode: the voltage of each cell (volts).</source>
      <translation>高级模式：每个像元的电压（伏特）。</translation>
    </message>
    <message>
      <source>Pairwise: from_id, to_id, resistance (ohms); one-to-all: node_id, resistance; NULL where not connected.</source>
      <translation>成对：from_id、to_id、resistance（欧姆）；一对多：node_id、resistance；不连通处为 NULL。</translation>
    </message>
    <message>
      <source>All-to-one: node_id only (Circuitscape reports no resistance).</source>
      <translation>多对一：仅 node_id（Circuitscape 在此模式下不报告电阻）。</translation>
    </message>
    <message>
      <source>current_A_B.tif per pair, or current_N.tif (and voltage_N.tif in one-to-all) per node.</source>
      <translation>每对一个 current_A_B.tif，或每个节点一个 current_N.tif（一对多模式下另有 voltage_N.tif）。</translation>
    </message>
    <message>
      <source>Resistance raster</source>
      <translation>阻力栅格</translation>
    </message>
    <message>
      <source>Raster holds conductances</source>
      <translation>栅格值为电导</translation>
    </message>
    <message>
      <source>Mode</source>
      <translation>模式</translation>
    </message>
    <message>
      <source>Focal node raster</source>
      <translation>焦点栅格</translation>
    </message>
    <message>
      <source>Focal points or regions</source>
      <translation>焦点（点或区域）</translation>
    </message>
    <message>
      <source>Focal id field</source>
      <translation>焦点编号字段</translation>
    </message>
    <message>
      <source>Connect four neighbours only</source>
      <translation>仅连接四邻域</translation>
    </message>
    <message>
      <source>Average resistances</source>
      <translation>平均电阻</translation>
    </message>
    <message>
      <source>Short-circuit regions</source>
      <translation>短路区域</translation>
    </message>
    <message>
      <source>Mask</source>
      <translation>掩膜</translation>
    </message>
    <message>
      <source>Included pairs file</source>
      <translation>包含点对文件</translation>
    </message>
    <message>
      <source>Source strengths file</source>
      <translation>源强度文件</translation>
    </message>
    <message>
      <source>Current sources (advanced mode)</source>
      <translation>电流源（高级模式）</translation>
    </message>
    <message>
      <source>Grounds (advanced mode)</source>
      <translation>接地（高级模式）</translation>
    </message>
    <message>
      <source>Ground values are resistances</source>
      <translation>接地值为电阻</translation>
    </message>
    <message>
      <source>Where a cell is both source and ground</source>
      <translation>像元同时为电流源和接地时</translation>
    </message>
    <message>
      <source>Keep both</source>
      <translation>两者都保留</translation>
    </message>
    <message>
      <source>Remove the source</source>
      <translation>移除电流源</translation>
    </message>
    <message>
      <source>Remove the ground</source>
      <translation>移除接地</translation>
    </message>
    <message>
      <source>Remove both</source>
      <translation>两者都移除</translation>
    </message>
    <message>
      <source>Every source injects 1 A</source>
      <translation>每个电流源注入 1 A</translation>
    </message>
    <message>
      <source>Tie every ground directly to 0 V</source>
      <translation>所有接地直接设为 0 V</translation>
    </message>
    <message>
      <source>Cumulative current</source>
      <translation>累积电流</translation>
    </message>
    <message>
      <source>Maximum current</source>
      <translation>最大电流</translation>
    </message>
    <message>
      <source>Voltage (advanced mode)</source>
      <translation>电压（高级模式）</translation>
    </message>
    <message>
      <source>Effective resistances</source>
      <translation>有效电阻</translation>
    </message>
    <message>
      <source>Folder for the map of every solve</source>
      <translation>保存每次求解电流图的文件夹</translation>
    </message>
    <message>
      <source>Pairwise</source>
      <translation>成对</translation>
    </message>
    <message>
      <source>One-to-all</source>
      <translation>一对多</translation>
    </message>
    <message>
      <source>All-to-one</source>
      <translation>多对一</translation>
    </message>
    <message>
      <source>Advanced</source>
      <translation>高级</translation>
    </message>
    <message>
      <source>Not used in {mode} mode, ignored: {names}.</source>
      <translation>{mode}模式下不使用，已忽略：{names}。</translation>
    </message>
    <message>
      <source>no current crosses 180 degrees: focal nodes on either side are joined only the long way round the globe</source>
      <translation>电流不会穿过 180 度经线：两侧的焦点只能绕地球一周的远路相连</translation>
    </message>
    <message>
      <source>Source strengths are used in one-to-all and all-to-one modes only; pairwise mode ignores them, as Circuitscape does.</source>
      <translation>源强度仅用于一对多和多对一模式；与 Circuitscape 一样，成对模式忽略源强度。</translation>
    </message>
    <message>
      <source>Advanced mode needs a current source raster and a ground raster.</source>
      <translation>高级模式需要电流源栅格和接地栅格。</translation>
    </message>
    <message>
      <source>{file} lists focal ids that no focal node has: {ids}. They are ignored, as Circuitscape ignores them; check them against the focal nodes.</source>
      <translation>{file} 列出了没有任何焦点节点使用的焦点编号：{ids}。这些编号将被忽略（与 Circuitscape 相同）；请对照焦点节点检查。</translation>
    </message>
    <message>
      <source>Give the focal nodes either as a raster (Focal node raster) or as points or polygons (Focal points or regions), not both and not none.</source>
      <translation>请以栅格（焦点栅格）或点/面（焦点（点或区域））之一给出焦点，不能两者都给，也不能都不给。</translation>
    </message>
    <message>
      <source>Focal id {id} is larger than {largest}, the largest id the effective resistance table holds: renumber the focal nodes and run again.</source>
      <translation>焦点编号 {id} 大于 {largest}，超出有效电阻表所能保存的最大编号：请重新为焦点节点编号后再运行。</translation>
    </message>
    <message>
      <source>Focal node {ids} lies only on nodata, &lt;= 0 or masked cells and takes no part; its resistances are NULL.</source>
      <translation>焦点 {ids} 仅位于无数据、&lt;= 0 或被掩膜的像元上，不参与计算；其电阻为 NULL。</translation>
    </message>
    <message>
      <source>{count} of {total} pairs are not connected (or not included): their resistance is NULL.</source>
      <translation>{total} 对中有 {count} 对不连通（或未包含）：其电阻为 NULL。</translation>
    </message>
    <message>
      <source>Raster "{layer}": {message}</source>
      <translation>栅格“{layer}”：{message}</translation>
    </message>
    <message>
      <source>Raster "{layer}": {count} of its non-zero cells lie outside the resistance raster and are left out.</source>
      <translation>栅格“{layer}”：其中 {count} 个非零像元位于阻力栅格之外，已被舍弃。</translation>
    </message>
    <message>
      <source>Choose the focal id field of the layer "{layer}".</source>
      <translation>请选择图层“{layer}”的焦点编号字段。</translation>
    </message>
    <message>
      <source>Layer "{layer}": the features with id {ids} lie outside the resistance raster or have no geometry and are ignored.</source>
      <translation>图层“{layer}”：编号为 {ids} 的要素位于阻力栅格之外或没有几何，已被忽略。</translation>
    </message>
    <message>
      <source>Layer "{layer}": focal ids {groups} share cells of the resistance raster and are each one node, at 0 ohms from each other (as in Circuitscape). Use a finer raster or give places in one cell one id.</source>
      <translation>图层“{layer}”：焦点编号 {groups} 位于阻力栅格的同一像元中，各自合并为一个节点，彼此之间电阻为 0 欧姆（与 Circuitscape 相同）。请使用更精细的栅格，或为同一像元中的地点指定同一编号。</translation>
    </message>
    <message>
      <source>Layer "{layer}": feature id {fid} has the focal id {value} in the field "{field}"; focal ids must be whole numbers &gt; 0.</source>
      <translation>图层“{layer}”：要素 {fid} 在字段“{field}”中的焦点编号为 {value}；焦点编号必须是大于 0 的整数。</translation>
    </message>
  </context>
</TS>
