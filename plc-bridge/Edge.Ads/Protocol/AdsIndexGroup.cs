namespace Edge.Ads.Protocol;

/// <summary>
/// Reserved index groups (AdsDef.h ADSIGRP_*, ads-client ADS_RESERVED_INDEX_GROUPS). Groups from
/// <see cref="ReservedFirst"/> up are services; an application keeps its data below.
/// </summary>
public static class AdsIndexGroup
{
    /// <summary>TC3 PLC %M memory (bytes).</summary>
    public const uint PlcMemory = 0x4020;
    /// <summary>TC3 PLC data area.</summary>
    public const uint PlcData = 0x4040;

    /// <summary>Extended system state (read 16 bytes on the system-service port).</summary>
    public const uint SystemExtendedState = 0xF0;

    /// <summary>First index group of the reserved service range.</summary>
    public const uint ReservedFirst = 0xF000;

    /// <summary>RW: write <c>name\0</c>, read a u32 handle (or the extended handle reply).</summary>
    public const uint SymbolHandleByName = 0xF003;
    /// <summary>RW: write <c>name\0</c>, read the value.</summary>
    public const uint SymbolValueByName = 0xF004;
    /// <summary>R/W with offset = handle: the value.</summary>
    public const uint SymbolValueByHandle = 0xF005;
    /// <summary>W: u32 handle to release.</summary>
    public const uint SymbolReleaseHandle = 0xF006;
    /// <summary>RW: write <c>name\0</c>, read u32 group, u32 offset, u32 size.</summary>
    public const uint SymbolInfoByName = 0xF007;
    /// <summary>R: u8 symbol version; changes when symbols change.</summary>
    public const uint SymbolVersion = 0xF008;
    /// <summary>RW: write <c>name\0</c>, read one AdsSymbolEntry.</summary>
    public const uint SymbolInfoByNameEx = 0xF009;
    /// <summary>R: all AdsSymbolEntry records.</summary>
    public const uint SymbolUpload = 0xF00B;
    /// <summary>R 8: u32 symbol count, u32 upload size.</summary>
    public const uint SymbolUploadInfo = 0xF00C;
    /// <summary>R: all AdsDatatypeEntry records.</summary>
    public const uint DataTypeUpload = 0xF00E;
    /// <summary>R 24/64: extended upload info.</summary>
    public const uint SymbolUploadInfo2 = 0xF00F;
    /// <summary>RW: write <c>typeName\0</c>, read one AdsDatatypeEntry.</summary>
    public const uint DataTypeInfoByNameEx = 0xF011;

    /// <summary>Sum read: offset = n, write n x {group, offset, length}.</summary>
    public const uint SumRead = 0xF080;
    /// <summary>Sum write: offset = n, write n x {group, offset, length} then the data.</summary>
    public const uint SumWrite = 0xF081;
    /// <summary>Sum read-write: offset = n, write n x {group, offset, readLength, writeLength} then the data.</summary>
    public const uint SumReadWrite = 0xF082;

    /// <summary>Device state: offset 0 u16 ADS state, offset 2 u16 device state.</summary>
    public const uint DeviceData = 0xF100;
    /// <summary>Offset of the ADS state inside <see cref="DeviceData"/>.</summary>
    public const uint DeviceDataAdsStateOffset = 0;
    /// <summary>Offset of the device state inside <see cref="DeviceData"/>.</summary>
    public const uint DeviceDataDeviceStateOffset = 2;
}
