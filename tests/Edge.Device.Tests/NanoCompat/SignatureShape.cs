using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace Edge.Device.Tests.NanoCompat;

/// <summary>
/// What a decoded signature contains that matters to nanoCLR 1.x: a readable name, and whether
/// it holds a generic instantiation, a generic parameter, a multi-dimensional array, a pointer
/// or a floating-point type, and whether it is a struct that nanoCLR keeps as a heap object.
/// </summary>
/// <remarks>
/// <see cref="Struct"/>: a value type other than a primitive, an enum, DateTime or TimeSpan.
/// nanoCLR holds such values as heap objects: a local of the type is allocated on every call
/// (CLR_RT_ExecutionEngine::InitializeLocals), and loading, passing or returning one by value
/// copies it into a new object (CloneObject in CLR_RT_HeapBlock::LoadFromReference and
/// CLR_RT_StackFrame::Push); nf-interpreter src/CLR/Core/Execution.cpp, CLR_RT_HeapBlock.cpp,
/// CLR_RT_StackFrame.cpp at commit a3e8139a1. DateTime and TimeSpan are 64-bit primitives there
/// (DATATYPE_DATETIME, DATATYPE_TIMESPAN).
/// </remarks>
public sealed record SignatureShape(string Name, bool Generic, bool MultiDimArray, bool Pointer, bool FloatingPoint, bool Struct = false)
{
    public static SignatureShape Of(string name) => new(name, false, false, false, false);

    public SignatureShape Merge(SignatureShape other, string name) => new(
        name,
        Generic || other.Generic,
        MultiDimArray || other.MultiDimArray,
        Pointer || other.Pointer,
        FloatingPoint || other.FloatingPoint);
}

/// <summary>Builds <see cref="SignatureShape"/>s for System.Reflection.Metadata's signature decoder.</summary>
/// <param name="isEnum">Whether a value type defined in another assembly (full name) is an enum; null when unknown (then it counts as a struct).</param>
public sealed class SignatureShapeProvider(Func<string, bool?>? isEnum = null) : ISignatureTypeProvider<SignatureShape, object?>
{
    public static readonly SignatureShapeProvider Instance = new();

    /// <summary>Value types nanoCLR stores inline like primitives.</summary>
    private static readonly HashSet<string> InlineValueTypes = new() { "System.DateTime", "System.TimeSpan" };

    private const byte ValueTypeKind = 0x11; // ELEMENT_TYPE_VALUETYPE

    public SignatureShape GetPrimitiveType(PrimitiveTypeCode typeCode) =>
        SignatureShape.Of(typeCode.ToString()) with
        {
            FloatingPoint = typeCode is PrimitiveTypeCode.Single or PrimitiveTypeCode.Double,
        };

    public SignatureShape GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
    {
        var def = reader.GetTypeDefinition(handle);
        string name = reader.GetString(def.Namespace) + "." + reader.GetString(def.Name);
        bool isEnumType = BaseTypeName(reader, def.BaseType) == "System.Enum";
        return SignatureShape.Of(name) with { Struct = rawTypeKind == ValueTypeKind && !isEnumType && !InlineValueTypes.Contains(name) };
    }

    public SignatureShape GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
    {
        var reference = reader.GetTypeReference(handle);
        string name = reader.GetString(reference.Namespace) + "." + reader.GetString(reference.Name);
        bool isStruct = rawTypeKind == ValueTypeKind && !InlineValueTypes.Contains(name) && isEnum?.Invoke(name) != true;
        return SignatureShape.Of(name) with { Struct = isStruct };
    }

    private static string BaseTypeName(MetadataReader reader, EntityHandle baseType)
    {
        if (baseType.IsNil) return "";
        if (baseType.Kind == HandleKind.TypeReference)
        {
            var r = reader.GetTypeReference((TypeReferenceHandle)baseType);
            return reader.GetString(r.Namespace) + "." + reader.GetString(r.Name);
        }
        if (baseType.Kind == HandleKind.TypeDefinition)
        {
            var d = reader.GetTypeDefinition((TypeDefinitionHandle)baseType);
            return reader.GetString(d.Namespace) + "." + reader.GetString(d.Name);
        }
        return "";
    }

    public SignatureShape GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    public SignatureShape GetSZArrayType(SignatureShape elementType) => elementType with { Name = elementType.Name + "[]", FloatingPoint = false, Struct = false };

    public SignatureShape GetArrayType(SignatureShape elementType, ArrayShape shape) =>
        elementType with { Name = elementType.Name + "[" + new string(',', shape.Rank - 1) + "]", MultiDimArray = true, FloatingPoint = false, Struct = false };

    public SignatureShape GetByReferenceType(SignatureShape elementType) => elementType with { Name = elementType.Name + "&", Struct = false };

    public SignatureShape GetPointerType(SignatureShape elementType) => elementType with { Name = elementType.Name + "*", Pointer = true };

    public SignatureShape GetFunctionPointerType(MethodSignature<SignatureShape> signature) =>
        SignatureShape.Of("delegate*") with { Pointer = true };

    public SignatureShape GetGenericInstantiation(SignatureShape genericType, ImmutableArray<SignatureShape> typeArguments)
    {
        var result = genericType with { Generic = true };
        foreach (var argument in typeArguments) result = result.Merge(argument, result.Name);
        return result with { Name = genericType.Name + "<" + string.Join(",", typeArguments.Select(a => a.Name)) + ">", FloatingPoint = false, Struct = genericType.Struct };
    }

    public SignatureShape GetGenericMethodParameter(object? genericContext, int index) => SignatureShape.Of("!!" + index) with { Generic = true };

    public SignatureShape GetGenericTypeParameter(object? genericContext, int index) => SignatureShape.Of("!" + index) with { Generic = true };

    public SignatureShape GetModifiedType(SignatureShape modifier, SignatureShape unmodifiedType, bool isRequired) => unmodifiedType;

    public SignatureShape GetPinnedType(SignatureShape elementType) => elementType with { Pointer = true };
}
