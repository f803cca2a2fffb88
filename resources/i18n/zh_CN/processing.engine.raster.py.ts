<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ReservePlannerEngine</name>
    <message>
      <source>Cannot read the raster {path} ({reason}). Check that the file exists, is a raster GDAL can read and is complete (not damaged or still being copied).</source>
      <translation>无法读取栅格 {path}（{reason}）。请检查文件是否存在、是否为 GDAL 可读取的栅格，以及是否完整（未损坏或仍在复制中）。</translation>
    </message>
    <message>
      <source>Cannot write the raster {path} ({reason}). Check that its folder exists and is writable and that the disk has room.</source>
      <translation>无法写入栅格 {path}（{reason}）。请检查其所在文件夹是否存在且可写，以及磁盘是否有足够空间。</translation>
    </message>
    <message>
      <source>Cannot write the raster {path}: GDAL has no raster format for files ending in "{extension}". Use .tif (GeoTIFF) or another raster format GDAL writes.</source>
      <translation>无法写入栅格 {path}：GDAL 没有可写入扩展名为“{extension}”的栅格格式。请使用 .tif（GeoTIFF）或 GDAL 能写入的其他栅格格式。</translation>
    </message>
    <message>
      <source>The raster {path} has {cells} cells ({cols} columns x {rows} rows): this computation needs about {needed} of memory and only {available} is available. Clip the raster to the study area or resample it to larger cells (Raster &gt; Projections &gt; Warp), then run again.</source>
      <translation>栅格 {path} 有 {cells} 个像元（{cols} 列 x {rows} 行）：本次计算约需 {needed} 内存，但当前只有 {available} 可用。请将栅格裁剪到研究区，或重采样为更大的像元（栅格 &gt; 投影 &gt; 变形（重投影）），然后重新运行。</translation>
    </message>
    <message>
      <source>The raster {path} is rotated or sheared (its geotransform has rotation terms); warp it to a north-up grid first (Raster &gt; Projections &gt; Warp).</source>
      <translation>栅格 {path} 经过旋转或错切（其地理变换含旋转项）；请先将其变形（Warp）为正北朝上的格网（栅格 &gt; 投影 &gt; 变形）。</translation>
    </message>
    <message>
      <source>Rotated rasters are not supported; warp the raster to a north-up grid first.</source>
      <translation>不支持旋转的栅格；请先将栅格重投影（Warp）为正北朝上的格网。</translation>
    </message>
  </context>
</TS>
