namespace Edge.Ads.Protocol;

/// <summary>u32 flags of an AdsDatatypeEntry (ads-client ADS_DATA_TYPE_FLAGS, ads-rs).</summary>
[Flags]
public enum AdsDataTypeFlags : uint
{
    None = 0,
    /// <summary>The entry describes a type.</summary>
    DataType = 0x1,
    /// <summary>The entry describes a member (sub-item) of a type.</summary>
    DataItem = 0x2,
    ReferenceTo = 0x4,
    MethodDereference = 0x8,
    Oversample = 0x10,
    BitValues = 0x20,
    PropItem = 0x40,
    TypeGuid = 0x80,
    Persistent = 0x100,
    CopyMask = 0x200,
    TComInterfacePointer = 0x400,
    MethodInfos = 0x800,
    Attributes = 0x1000,
    EnumInfos = 0x2000,
    Aligned = 0x10000,
    Static = 0x20000,
    ExtendedFlags = 0x80000000,
}
