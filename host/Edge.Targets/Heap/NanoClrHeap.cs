namespace Edge.Targets.Heap;

/// <summary>
/// How much of nanoCLR's managed heap an object or array takes, as the interpreter allocates it.
/// Source: nf-interpreter (main, commit a3e8139a1, 2026-07-24):
/// <list type="bullet">
/// <item>every heap allocation is a whole number of <c>CLR_RT_HeapBlock</c>s (12 bytes on a 32-bit
/// MCU: a 4-byte id holding type, flags and a 16-bit block count, and 8 bytes of data;
/// src/CLR/Include/nanoCLR_Runtime__HeapBlock.h), rounded up with CONVERTFROMSIZETOHEAPBLOCKS
/// (src/HAL/Include/nanoHAL_Types.h);</item>
/// <item>a class instance is one header block plus one block per instance field, of any type
/// (CLR_RT_ExecutionEngine::ExtractHeapBlocksForClassOrValueTypes, src/CLR/Core/Execution.cpp);
/// a field of a struct type holds a reference to a separate instance of the struct;</item>
/// <item>an array is <c>sizeof(CLR_RT_HeapBlock_Array)</c> (the block plus element count, type,
/// size and flags: 20 bytes) plus its elements packed at their size (1 for bool/byte/sbyte, 2 for
/// short/ushort/char, 4 for int/uint/float, 8 for long/ulong/double), references and structs
/// taking a whole block each (c_CLR_RT_DataTypeLookup, src/CLR/Core/TypeSystemLookup.cpp;
/// ExtractHeapBlocksForArray, src/CLR/Core/Execution.cpp); one array holds at most 0xFFFF blocks
/// (HB_MaxSize);</item>
/// <item>a string made at run time is a header block plus its UTF-8 text and terminator (a string
/// literal is only a header block pointing into the assembly; the model prices every string as
/// made at run time, a slight overestimate for the few literals).</item>
/// </list>
/// The POSIX build of nanoCLR on a 64-bit host has larger blocks; <see cref="HeapBlockBytes"/>
/// is the MCU's.
/// </summary>
public static class NanoClrHeap
{
    /// <summary>sizeof(CLR_RT_HeapBlock) on a 32-bit MCU.</summary>
    public const int HeapBlockBytes = 12;

    /// <summary>sizeof(CLR_RT_HeapBlock_Array) on a 32-bit MCU.</summary>
    public const int ArrayHeaderBytes = 20;

    /// <summary>Largest allocation in blocks (CLR_RT_HeapBlock::HB_MaxSize).</summary>
    public const int MaxBlocksPerObject = 0xFFFF;

    public static int Blocks(long bytes) => (int)((bytes + HeapBlockBytes - 1) / HeapBlockBytes);

    /// <summary>A class or boxed struct instance with this many instance fields (its own and inherited).</summary>
    public static int ObjectBytes(int instanceFields) => HeapBlockBytes * (1 + instanceFields);

    /// <summary>An array of this many elements of this element size in bytes (see <see cref="ElementBytes"/>).</summary>
    public static int ArrayBytes(long length, int elementBytes) => HeapBlockBytes * Blocks(ArrayHeaderBytes + length * elementBytes);

    /// <summary>A string built at run time with this many UTF-8 bytes.</summary>
    public static int StringBytes(int utf8Bytes) => HeapBlockBytes * Blocks(HeapBlockBytes + utf8Bytes + 1);

    /// <summary>Bytes one array element takes: packed for numeric primitives, a whole block for anything else.</summary>
    public static int ElementBytes(Type elementType)
    {
        if (elementType.IsEnum) elementType = Enum.GetUnderlyingType(elementType);
        return Type.GetTypeCode(elementType) switch
        {
            TypeCode.Boolean or TypeCode.Byte or TypeCode.SByte => 1,
            TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Char => 2,
            TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Single => 4,
            TypeCode.Int64 or TypeCode.UInt64 or TypeCode.Double => 8,
            _ => HeapBlockBytes,
        };
    }

    /// <summary>True for value types nanoCLR keeps inline (primitives, enums, DateTime, TimeSpan); other structs are separate heap objects.</summary>
    public static bool IsInline(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(DateTime) || type == typeof(TimeSpan);
}
