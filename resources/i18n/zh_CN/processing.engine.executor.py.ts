<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ReservePlannerEngine</name>
    <message>
      <source>The number of worker processes must be a whole number, 0 for every core or 1 to run in one process; got {value} ({variable} or the plugin setting).</source>
      <translation>工作进程数必须是整数：0 表示使用全部 CPU 核心，1 表示在单个进程中运行；当前值为 {value}（{variable} 或插件设置）。</translation>
    </message>
    <message>
      <source>A worker process stopped before finishing its task (out of memory?). Run again with fewer worker processes ({variable}, or the plugin setting), or 1 to run in one process.</source>
      <translation>一个工作进程在完成任务前停止了（内存不足？）。请减少工作进程数（{variable} 或插件设置）后重新运行，或设为 1 在单个进程中运行。</translation>
    </message>
    <message>
      <source>No Python interpreter matching this one was found to start worker processes (looked for {python} in {prefix}). Set the number of worker processes ({variable}, or the plugin setting) to 1.</source>
      <translation>未找到与当前版本一致的 Python 解释器来启动工作进程（已在 {prefix} 中查找 {python}）。请将工作进程数（{variable} 或插件设置）设为 1。</translation>
    </message>
    <message>
      <source>Cannot reach the Dask scheduler at {address} ({reason}). Check the address in the plugin settings or {variable}, or clear it to run on this machine.</source>
      <translation>无法连接位于 {address} 的 Dask 调度器（{reason}）。请检查插件设置或 {variable} 中的地址，或清空该地址以在本机运行。</translation>
    </message>
    <message>
      <source>A Dask scheduler is set ({variable} or the plugin settings) but dask.distributed is not installed in the Python of QGIS. Install it, or clear the scheduler address.</source>
      <translation>已设置 Dask 调度器（{variable} 或插件设置），但 QGIS 的 Python 中未安装 dask.distributed。请安装它，或清空调度器地址。</translation>
    </message>
  </context>
</TS>
