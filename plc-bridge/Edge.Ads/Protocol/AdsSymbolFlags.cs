namespace Edge.Ads.Protocol;

/// <summary>u16 flags of an AdsSymbolEntry (AdsDef.h ADSSYMBOLFLAG_*, ads-client ADS_SYMBOL_FLAGS).</summary>
[Flags]
public enum AdsSymbolFlags : ushort
{
    None = 0,
    Persistent = 0x0001,
    BitValue = 0x0002,
    ReferenceTo = 0x0004,
    TypeGuid = 0x0008,
    TComInterfacePointer = 0x0010,
    ReadOnly = 0x0020,
    ContextMask = 0x0F00,
    Attributes = 0x1000,
    Static = 0x2000,
    InitOnReset = 0x4000,
    ExtendedFlags = 0x8000,
}
