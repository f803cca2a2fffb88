<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ReservePlannerEngine</name>
    <message>
      <source>The file {file} has no column "{column}". Its columns are: {columns}.</source>
      <translation>文件 {file} 没有“{column}”列。其列为：{columns}。</translation>
    </message>
    <message>
      <source>The targets table {file} has no row for the features {features}. Add a row (feature, prop or target) for each.</source>
      <translation>目标表 {file} 中没有要素 {features} 的行。请为每个要素添加一行（feature，prop 或 target）。</translation>
    </message>
    <message>
      <source>The Marxan file {file} does not exist. Check the file names in input.dat.</source>
      <translation>Marxan 文件 {file} 不存在。请检查 input.dat 中的文件名。</translation>
    </message>
    <message>
      <source>The Marxan file {file} is not UTF-8 text (line {line}): save it as UTF-8 (in Excel: "CSV UTF-8"; in a text editor: encoding UTF-8) and run again.</source>
      <translation>Marxan 文件 {file} 不是 UTF-8 文本（第 {line} 行）：请将其另存为 UTF-8 编码（Excel 中选择“CSV UTF-8”；文本编辑器中选择 UTF-8 编码）后重新运行。</translation>
    </message>
    <message>
      <source>The Marxan file {file} is empty: it needs a header line naming its columns.</source>
      <translation>Marxan 文件 {file} 是空的：它需要一行列名作为表头。</translation>
    </message>
    <message>
      <source>The Marxan file {file}, line {line}, has {count} values but the header names {width} columns ({columns}). Remove the extra values or name their column.</source>
      <translation>Marxan 文件 {file} 第 {line} 行有 {count} 个值，但表头只有 {width} 列（{columns}）。请删除多余的值，或在表头中为其命名列。</translation>
    </message>
    <message>
      <source>The Marxan file {file} needs at least {count} columns.</source>
      <translation>Marxan 文件 {file} 至少需要 {count} 列。</translation>
    </message>
    <message>
      <source>The Marxan file {file}, line {line}: column "{column}" is empty. Give a number.</source>
      <translation>Marxan 文件 {file} 第 {line} 行：列“{column}”为空。请填写一个数字。</translation>
    </message>
    <message>
      <source>The Marxan file {file}, line {line}, column "{column}": "{value}" is not a number.</source>
      <translation>Marxan 文件 {file} 第 {line} 行“{column}”列：“{value}”不是数字。</translation>
    </message>
    <message>
      <source>The Marxan file {file}, line {line}: the id {value} is not a whole number.</source>
      <translation>Marxan 文件 {file} 第 {line} 行：编号 {value} 不是整数。</translation>
    </message>
    <message>
      <source>The Marxan file {file} lists planning unit {id} more than once (lines {lines}). Give each planning unit one line.</source>
      <translation>Marxan 文件 {file} 多次列出规划单元 {id}（第 {lines} 行）。每个规划单元只给一行。</translation>
    </message>
    <message>
      <source>The Marxan file {file} lists feature {id} more than once (lines {lines}). Give each feature one line.</source>
      <translation>Marxan 文件 {file} 多次列出要素 {id}（第 {lines} 行）。每个要素只给一行。</translation>
    </message>
    <message>
      <source>The Marxan file {file} lists zone {id} more than once (lines {lines}). Give each zone one line.</source>
      <translation>Marxan 文件 {file} 多次列出分区 {id}（第 {lines} 行）。每个分区只给一行。</translation>
    </message>
    <message>
      <source>The Marxan file {file} lists cost {id} more than once (lines {lines}). Give each cost one line.</source>
      <translation>Marxan 文件 {file} 多次列出成本 {id}（第 {lines} 行）。每项成本只给一行。</translation>
    </message>
    <message>
      <source>The Marxan file {file} names planning unit {id}, which pu.dat does not list ({count} such rows). Add the unit to pu.dat or remove those rows.</source>
      <translation>Marxan 文件 {file} 中有规划单元 {id}，但 pu.dat 中没有（共 {count} 行如此）。请在 pu.dat 中添加该单元或删除这些行。</translation>
    </message>
    <message>
      <source>The Marxan file {file} names feature {id}, which spec.dat does not list ({count} such rows). Add the feature to spec.dat or remove those rows.</source>
      <translation>Marxan 文件 {file} 中有要素 {id}，但 spec.dat 中没有（共 {count} 行如此）。请在 spec.dat 中添加该要素或删除这些行。</translation>
    </message>
    <message>
      <source>The Marxan file {file} names zone {id}, which zones.dat does not list ({count} such rows).</source>
      <translation>Marxan 文件 {file} 中有功能区 {id}，但 zones.dat 中没有（共 {count} 行如此）。</translation>
    </message>
    <message>
      <source>The Marxan file {file} names cost {id}, which costs.dat does not list ({count} such rows).</source>
      <translation>Marxan 文件 {file} 中有成本 {id}，但 costs.dat 中没有（共 {count} 行如此）。</translation>
    </message>
    <message>
      <source>The Marxan file {file} does not exist.</source>
      <translation>Marxan 文件 {file} 不存在。</translation>
    </message>
    <message>
      <source>input.dat ({file}) gives {key} "{value}", a Windows path that does not exist on this computer, and {folder} holds no "{name}" to read instead. Give {key} the path the file has on this computer, or a name relative to {folder} (for example "{key} {name}") with the file there.</source>
      <translation>input.dat（{file}）中 {key} 为“{value}”，这是一个在本机上不存在的 Windows 路径，且 {folder} 中没有可改为读取的“{name}”。请将 {key} 设为该文件在本机上的路径，或设为相对于 {folder} 的名称（例如“{key} {name}”）并把文件放在那里。</translation>
    </message>
    <message>
      <source>input.dat ({file}) gives {key} "{value}", a Windows path that does not exist on this computer: {path} is read instead.</source>
      <translation>input.dat（{file}）中 {key} 为“{value}”，这是一个在本机上不存在的 Windows 路径：改为读取 {path}。</translation>
    </message>
    <message>
      <source>{file}: BLM "{value}" is not a number of 0 or more.</source>
      <translation>{file}：BLM“{value}”不是大于等于 0 的数字。</translation>
    </message>
    <message>
      <source>The Marxan file {file}, line {line}: the status {value} is not one of Marxan's codes 0, 1, 2 and 3.</source>
      <translation>Marxan 文件 {file} 第 {line} 行：状态 {value} 不是 Marxan 的状态代码 0、1、2 或 3。</translation>
    </message>
    <message>
      <source>The Marxan file {file} has neither a "prop" nor a "target" column: give each feature a target.</source>
      <translation>Marxan 文件 {file} 既没有“prop”列也没有“target”列：请为每个要素给出目标。</translation>
    </message>
    <message>
      <source>The Marxan file {file} lists feature {feature} in planning unit {unit} more than once (lines {lines}). Give one line per feature and planning unit, with the whole amount.</source>
      <translation>Marxan 文件 {file} 多次列出规划单元 {unit} 中的要素 {feature}（第 {lines} 行）。每个要素和规划单元只给一行，填写全部数量。</translation>
    </message>
    <message>
      <source>The Marxan file {file} has a negative boundary length.</source>
      <translation>Marxan 文件 {file} 中有负的边界长度。</translation>
    </message>
    <message>
      <source>The Marxan file {file} gives {columns} = {values} on more than one line ({lines}); only one of them can hold. Keep one of these lines.</source>
      <translation>Marxan 文件 {file} 在多行中给出 {columns} = {values}（第 {lines} 行）；其中只能有一行生效。请只保留其中一行。</translation>
    </message>
    <message>
      <source>The Marxan file {file} has occurrence targets (target type 2 or 3), which exact planning does not support: give area targets (type 0 or 1).</source>
      <translation>Marxan 文件 {file} 含出现次数目标（目标类型 2 或 3），精确规划不支持：请给出面积目标（类型 0 或 1）。</translation>
    </message>
    <message>
      <source>The Marxan file {file}, line {line}: the target {value} is a proportion (target type 1), which goes from 0 to 1 (0 % to 100 % of the feature's total amount).</source>
      <translation>Marxan 文件 {file} 第 {line} 行：目标 {value} 是比例（目标类型 1），取值应在 0 到 1 之间（要素总量的 0% 到 100%）。</translation>
    </message>
  </context>
</TS>
