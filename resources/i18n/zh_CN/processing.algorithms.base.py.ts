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
