using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace Edge.Device.Tests.NanoCompat;

/// <summary>
/// What a decoded signature contains that matters to nanoCLR 1.x: a readable name, and whether
/// it holds a generic instantiation, a generic parameter, a multi-dimensional array, a pointer
/// or a floating-point type.
/// </summary>
public sealed record SignatureShape(string Name, bool Generic, bool MultiDimArray, bool Pointer, bool FloatingPoint)
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
public sealed class SignatureShapeProvider : ISignatureTypeProvider<SignatureShape, object?>
{
    public static readonly SignatureShapeProvider Instance = new();

    public SignatureShape GetPrimitiveType(PrimitiveTypeCode typeCode) =>
        SignatureShape.Of(typeCode.ToString()) with
        {
            FloatingPoint = typeCode is PrimitiveTypeCode.Single or PrimitiveTypeCode.Double,
        };

    public SignatureShape GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
    {
        var def = reader.GetTypeDefinition(handle);
        return SignatureShape.Of(reader.GetString(def.Namespace) + "." + reader.GetString(def.Name));
    }

    public SignatureShape GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
    {
        var reference = reader.GetTypeReference(handle);
        return SignatureShape.Of(reader.GetString(reference.Namespace) + "." + reader.GetString(reference.Name));
    }

    public SignatureShape GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    public SignatureShape GetSZArrayType(SignatureShape elementType) => elementType with { Name = elementType.Name + "[]", FloatingPoint = false };

    public SignatureShape GetArrayType(SignatureShape elementType, ArrayShape shape) =>
        elementType with { Name = elementType.Name + "[" + new string(',', shape.Rank - 1) + "]", MultiDimArray = true, FloatingPoint = false };

    public SignatureShape GetByReferenceType(SignatureShape elementType) => elementType with { Name = elementType.Name + "&" };

    public SignatureShape GetPointerType(SignatureShape elementType) => elementType with { Name = elementType.Name + "*", Pointer = true };

    public SignatureShape GetFunctionPointerType(MethodSignature<SignatureShape> signature) =>
        SignatureShape.Of("delegate*") with { Pointer = true };

    public SignatureShape GetGenericInstantiation(SignatureShape genericType, ImmutableArray<SignatureShape> typeArguments)
    {
        var result = genericType with { Generic = true };
        foreach (var argument in typeArguments) result = result.Merge(argument, result.Name);
        return result with { Name = genericType.Name + "<" + string.Join(",", typeArguments.Select(a => a.Name)) + ">", FloatingPoint = false };
    }

    public SignatureShape GetGenericMethodParameter(object? genericContext, int index) => SignatureShape.Of("!!" + index) with { Generic = true };

    public SignatureShape GetGenericTypeParameter(object? genericContext, int index) => SignatureShape.Of("!" + index) with { Generic = true };

    public SignatureShape GetModifiedType(SignatureShape modifier, SignatureShape unmodifiedType, bool isRequired) => unmodifiedType;

    public SignatureShape GetPinnedType(SignatureShape elementType) => elementType with { Pointer = true };
}
