namespace Edge.Device.Tests.NanoCompat;

/// <summary>
/// What a nanoFramework assembly may hold, from the PE format the MetadataProcessor writes and
/// nanoCLR reads. Sources: nf-interpreter src/CLR/Include/nanoCLR_Types.h (main, commit
/// a3e8139a1) and metadata-processor MetadataProcessor.Shared/Tables/*.cs (v3.0.100, commit 4541b46).
/// </summary>
public static class NanoClrLimits
{
    /// <summary>IL bytes per assembly: CLR_OFFSET is 16-bit; nanoByteCodeTable throws "Byte code table overflow".</summary>
    public const int MaxIlBytes = 65535;

    /// <summary>Strings table bytes (names and literals, UTF-8): CLR_STRING is 16-bit; nanoStringTable throws "String table overflow".</summary>
    public const int MaxStringBytes = 65535;

    /// <summary>Signatures table bytes (signatures and static initializer data): CLR_SIG is 16-bit; MDP does not check the offset.</summary>
    public const int MaxSignatureBytes = 65535;

    /// <summary>Virtual, instance or static methods per type: CLR_RECORD_TYPEDEF's counts are bytes; nanoTypeDefinitionTable throws past 255.</summary>
    public const int MaxMethodsPerKind = 255;

    /// <summary>Instance or static fields per type: CLR_RECORD_TYPEDEF's iFields_Num and sFields_Num are bytes.</summary>
    public const int MaxFieldsPerKind = 255;

    /// <summary>Rows of TypeDef, TypeRef and TypeSpec each: a type token in IL keeps 14 bits of index (CLR_UncompressTypeToken).</summary>
    public const int MaxTypeRows = 0x3FFF;

    /// <summary>Rows of FieldDef and FieldRef, and of MethodDef and MethodRef, each: field and method tokens keep 15 bits (CLR_UncompressFieldToken, CLR_UncompressMethodToken).</summary>
    public const int MaxFieldOrMethodRows = 0x7FFF;

    /// <summary>
    /// Heap an assembly's static arrays may take before the scan flags them (an Edge rule, not a
    /// runtime limit): static arrays are allocated at start on a managed heap of about 60 KB and
    /// stay for ever, so large tables belong in uploaded files.
    /// </summary>
    public const int MaxStaticArrayHeapBytes = 8 * 1024;
}
