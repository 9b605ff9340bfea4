namespace Edge.Ads.Types;

/// <summary>How the bytes of a primitive type are read: decides which .NET values it takes.</summary>
public enum PlcPrimitiveKind
{
    Bool,
    SignedInteger,
    UnsignedInteger,
    Real,
}
