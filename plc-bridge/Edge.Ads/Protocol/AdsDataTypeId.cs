namespace Edge.Ads.Protocol;

/// <summary>ADST_* base-type codes carried in symbol and data-type entries (AdsDef.h, ads-client ADS_DATA_TYPES).</summary>
public enum AdsDataTypeId : uint
{
    Void = 0,
    Int16 = 2,
    Int32 = 3,
    Real32 = 4,
    Real64 = 5,
    Int8 = 16,
    UInt8 = 17,
    UInt16 = 18,
    UInt32 = 19,
    Int64 = 20,
    UInt64 = 21,
    String = 30,
    WString = 31,
    Real80 = 32,
    Bit = 33,
    /// <summary>Structures, function blocks: anything that is not a base type.</summary>
    BigType = 65,
}
