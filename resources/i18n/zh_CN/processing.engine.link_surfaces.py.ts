<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ReservePlannerEngine</name>
    <message>
      <source>A link names core {core}, which is not in the core layer. Use the cores the links were built from.</source>
      <translation>某条连接指向核心区 {core}，但它不在核心区图层中。请使用构建这些连接时的核心区。</translation>
    </message>
  </context>
</TS>
