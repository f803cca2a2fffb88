<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ReservePlannerAlgorithm</name>
    <message>
      <source>The output "{output}" would be written to {path}, the file holding the input layer "{layer}" ({input}), and would overwrite it: inputs are never modified. Choose another file for "{output}".</source>
      <translation>输出“{output}”将写入 {path}，即输入图层“{layer}”（{input}）所在的文件，会覆盖该文件：输入数据从不被修改。请为“{output}”选择另一个文件。</translation>
    </message>
    <message>
      <source>The parameter "{description}" ({name}) is NaN (not a number). Give a number.</source>
      <translation>参数“{description}”（{name}）为 NaN（不是数字）。请输入一个数字。</translation>
    </message>
    <message>
      <source>The output "{output}" cannot be written to {path}: {file} is a file, not a folder. Choose a file in a folder.</source>
      <translation>输出“{output}”无法写入 {path}：{file} 是文件，不是文件夹。请选择某个文件夹中的文件。</translation>
    </message>
    <message>
      <source>The folder {folder} of the output "{output}" does not exist. Create it or choose another file.</source>
      <translation>输出“{output}”所在的文件夹 {folder} 不存在。请先创建该文件夹，或选择其他文件。</translation>
    </message>
    <message>
      <source>The output "{output}" is a folder, but {path} is a file. Choose a folder.</source>
      <translation>输出“{output}”是文件夹，但 {path} 是文件。请选择一个文件夹。</translation>
    </message>
    <message>
      <source>The output "{output}" cannot be written to {path}: permission denied. Choose a file in a folder you can write to.</source>
      <translation>无法将输出“{output}”写入 {path}：权限不足。请选择一个有写入权限的文件夹中的文件。</translation>
    </message>
    <message>
      <source>Layer {layer} has no coordinate reference system (CRS): its coordinates are used as they are, without reprojection, so distances and areas measured on it may be wrong. Set its CRS (Layer Properties &gt; Source) and run again.</source>
      <translation>图层 {layer} 没有坐标参考系（CRS）：其坐标按原样使用、不做重投影，据此量算的距离和面积可能有误。请设置其坐标参考系（图层属性 &gt; 源）后重新运行。</translation>
    </message>
    <message>
      <source>Raster {layer} has {count} bands: band 1 is read and the others are ignored. If you meant another band, save it as a raster of its own (Raster &gt; Conversion &gt; Translate) and run again.</source>
      <translation>栅格 {layer} 有 {count} 个波段：只读取波段 1，其余波段被忽略。如果您要用的是其他波段，请将其另存为单独的栅格（栅格 &gt; 转换 &gt; 转换格式）后重新运行。</translation>
    </message>
    <message>
      <source>The run stopped on the file {path}: {reason}. No output was kept. Check that the folder exists and is writable and that the disk has room.</source>
      <translation>运行在处理文件 {path} 时停止：{reason}。未保留任何输出。请检查文件夹是否存在且可写，以及磁盘空间是否充足。</translation>
    </message>
    <message>
      <source>Zoning</source>
      <translation>功能区划</translation>
    </message>
    <message>
      <source>Corridors</source>
      <translation>生态廊道</translation>
    </message>
    <message>
      <source>Coverage</source>
      <translation>保护覆盖</translation>
    </message>
    <message>
      <source>OECM</source>
      <translation>其他有效保护地（OECM）</translation>
    </message>
    <message>
      <source>Ecological sources</source>
      <translation>生态源地</translation>
    </message>
    <message>
      <source>Conservation planning</source>
      <translation>保护规划</translation>
    </message>
    <message>
      <source>Workflows</source>
      <translation>工作流程</translation>
    </message>
  </context>
</TS>
