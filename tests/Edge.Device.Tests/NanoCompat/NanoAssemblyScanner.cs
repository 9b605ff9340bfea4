using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Edge.Device.Tests.NanoCompat;

/// <summary>
/// Scans a compiled device assembly's metadata and IL for what compiles against nanoFramework's
/// mscorlib but nanoCLR 1.x cannot load or run, and for breaches of the board's hot-path rules.
/// Sources for the runtime limits: shared/reference/nanoframework.md §1.3-1.5 (MetadataProcessor
/// errors, unsupported opcodes, 1.x has no generics, no overflow checks).
/// </summary>
public sealed class NanoAssemblyScanner
{
    /// <summary>Opcodes nanoCLR's interpreter rejects (VerifyUnsupportedInstruction).</summary>
    private static readonly HashSet<short> UnsupportedOpcodes = new[]
    {
        OpCodes.Arglist, OpCodes.Cpblk, OpCodes.Jmp, OpCodes.Initblk, OpCodes.Calli, OpCodes.Ckfinite,
        OpCodes.Localloc, OpCodes.Mkrefany, OpCodes.Refanytype, OpCodes.Refanyval, OpCodes.Readonly,
    }.Select(o => o.Value).ToHashSet();

    /// <summary>Overflow-checked opcodes compile, but nanoCLR 1.x ignores the check: the code would behave differently on the board.</summary>
    private static readonly HashSet<short> CheckedOpcodes = new[]
    {
        OpCodes.Add_Ovf, OpCodes.Add_Ovf_Un, OpCodes.Sub_Ovf, OpCodes.Sub_Ovf_Un, OpCodes.Mul_Ovf, OpCodes.Mul_Ovf_Un,
        OpCodes.Conv_Ovf_I, OpCodes.Conv_Ovf_I_Un, OpCodes.Conv_Ovf_I1, OpCodes.Conv_Ovf_I1_Un, OpCodes.Conv_Ovf_I2,
        OpCodes.Conv_Ovf_I2_Un, OpCodes.Conv_Ovf_I4, OpCodes.Conv_Ovf_I4_Un, OpCodes.Conv_Ovf_I8, OpCodes.Conv_Ovf_I8_Un,
        OpCodes.Conv_Ovf_U, OpCodes.Conv_Ovf_U_Un, OpCodes.Conv_Ovf_U1, OpCodes.Conv_Ovf_U1_Un, OpCodes.Conv_Ovf_U2,
        OpCodes.Conv_Ovf_U2_Un, OpCodes.Conv_Ovf_U4, OpCodes.Conv_Ovf_U4_Un, OpCodes.Conv_Ovf_U8, OpCodes.Conv_Ovf_U8_Un,
    }.Select(o => o.Value).ToHashSet();

    /// <summary>Opcodes that load, store or make floating-point values.</summary>
    private static readonly HashSet<short> FloatOpcodes = new[]
    {
        OpCodes.Ldc_R4, OpCodes.Ldc_R8, OpCodes.Conv_R4, OpCodes.Conv_R8, OpCodes.Conv_R_Un, OpCodes.Ldind_R4,
        OpCodes.Ldind_R8, OpCodes.Stind_R4, OpCodes.Stind_R8, OpCodes.Ldelem_R4, OpCodes.Ldelem_R8,
        OpCodes.Stelem_R4, OpCodes.Stelem_R8,
    }.Select(o => o.Value).ToHashSet();

    /// <summary>Runtime methods a hot path may call: they neither allocate nor use floating point.</summary>
    private static readonly HashSet<string> HotPathRuntimeCalls = new()
    {
        "System.Array.Copy", "System.Array.Clear", "System.Object..ctor",
    };

    /// <summary>Further runtime methods a [NoAlloc] method may call: native conversions that allocate nothing.</summary>
    private static readonly HashSet<string> NoAllocRuntimeCalls = new(HotPathRuntimeCalls)
    {
        "System.BitConverter.DoubleToInt64Bits", "System.BitConverter.Int64BitsToDouble", "System.BitConverter.ToSingle",
    };

    /// <summary>
    /// Assemblies device code may reference besides mscorlib: the project's own interop assembly,
    /// whose methods are InternalCall entry points into C that allocates nothing on the managed
    /// heap and uses no floating point (firmware/Edge.Native; its C is checked for both by the
    /// Edge.Native tests), so hot paths may call it.
    /// </summary>
    private static readonly HashSet<string> InteropAssemblies = new() { "Edge.Device.Native" };

    private const string HotPathAttribute = "Edge.Device.Runtime.HotPathAttribute";
    private const string NoAllocAttribute = "Edge.Device.Runtime.NoAllocAttribute";
    private const int MaxIlBytes = 65535;        // MetadataProcessor's byte-code table limit
    private const int MaxInitializerBytes = 65535; // signatures table: ushort offsets
    private const int MaxMethodsPerKind = 255;    // per type: virtual, instance, static

    private readonly MetadataReader _md;
    private readonly PEReader _pe;
    private readonly List<NanoViolation> _violations = new();

    private NanoAssemblyScanner(PEReader pe)
    {
        _pe = pe;
        _md = pe.GetMetadataReader();
    }

    public static IReadOnlyList<NanoViolation> Scan(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        return Scan(stream);
    }

    public static IReadOnlyList<NanoViolation> Scan(Stream assembly)
    {
        using var pe = new PEReader(assembly);
        var scanner = new NanoAssemblyScanner(pe);
        scanner.Run();
        return scanner._violations;
    }

    private void Add(string rule, string where, string detail) => _violations.Add(new NanoViolation(rule, where, detail));

    private void Run()
    {
        CheckReferences();
        CheckTypeSpecifications();
        if (_md.GetTableRowCount(TableIndex.MethodSpec) > 0)
            Add("generics", "assembly", $"{_md.GetTableRowCount(TableIndex.MethodSpec)} generic method instantiation(s)");
        int ilBytes = 0;
        foreach (var typeHandle in _md.TypeDefinitions)
        {
            var type = _md.GetTypeDefinition(typeHandle);
            string typeName = TypeName(type);
            if (type.GetGenericParameters().Count > 0) Add("generics", typeName, "generic type definition");
            CheckMethodCounts(type, typeName);
            foreach (var fieldHandle in type.GetFields())
            {
                var field = _md.GetFieldDefinition(fieldHandle);
                CheckShape(field.DecodeSignature(SignatureShapeProvider.Instance, null), $"{typeName}.{_md.GetString(field.Name)}", "field");
            }
            foreach (var methodHandle in type.GetMethods())
                ilBytes += CheckMethod(methodHandle, typeName);
        }
        if (ilBytes > MaxIlBytes) Add("size", "assembly", $"{ilBytes} bytes of IL; a nanoFramework assembly holds at most {MaxIlBytes}");
        CheckInitializerData();
    }

    private void CheckReferences()
    {
        foreach (var handle in _md.AssemblyReferences)
        {
            string name = _md.GetString(_md.GetAssemblyReference(handle).Name);
            if (name != "mscorlib" && !InteropAssemblies.Contains(name))
                Add("references", "assembly", $"references {name}; device code may only use mscorlib and its interop assembly");
        }
    }

    private void CheckTypeSpecifications()
    {
        foreach (var handle in EnumerateTypeSpecs())
        {
            var shape = _md.GetTypeSpecification(handle).DecodeSignature(SignatureShapeProvider.Instance, null);
            CheckShape(shape, "type reference", "uses");
        }
    }

    private IEnumerable<TypeSpecificationHandle> EnumerateTypeSpecs()
    {
        int rows = _md.GetTableRowCount(TableIndex.TypeSpec);
        for (int row = 1; row <= rows; row++) yield return MetadataTokens.TypeSpecificationHandle(row);
    }

    private void CheckMethodCounts(TypeDefinition type, string typeName)
    {
        int virtuals = 0, instances = 0, statics = 0;
        foreach (var handle in type.GetMethods())
        {
            var attributes = _md.GetMethodDefinition(handle).Attributes;
            if ((attributes & System.Reflection.MethodAttributes.Virtual) != 0) virtuals++;
            else if ((attributes & System.Reflection.MethodAttributes.Static) != 0) statics++;
            else instances++;
        }
        if (virtuals > MaxMethodsPerKind || instances > MaxMethodsPerKind || statics > MaxMethodsPerKind)
            Add("size", typeName, $"more than {MaxMethodsPerKind} methods of one kind (virtual {virtuals}, instance {instances}, static {statics})");
    }

    private void CheckShape(SignatureShape shape, string where, string what)
    {
        if (shape.Generic) Add("generics", where, $"{what} {shape.Name}: nanoCLR 1.x has no generics");
        if (shape.MultiDimArray) Add("multidim-array", where, $"{what} {shape.Name}: use jagged or flat arrays");
        if (shape.Pointer) Add("pointer", where, $"{what} {shape.Name}: pointer types are rejected by the MetadataProcessor");
    }

    private int CheckMethod(MethodDefinitionHandle handle, string typeName)
    {
        var method = _md.GetMethodDefinition(handle);
        string where = $"{typeName}.{_md.GetString(method.Name)}";
        if (method.GetGenericParameters().Count > 0) Add("generics", where, "generic method definition");
        var signature = method.DecodeSignature(SignatureShapeProvider.Instance, null);
        CheckShape(signature.ReturnType, where, "returns");
        foreach (var parameter in signature.ParameterTypes) CheckShape(parameter, where, "parameter");
        if (method.RelativeVirtualAddress == 0) return 0;

        var body = _pe.GetMethodBody(method.RelativeVirtualAddress);
        var locals = LocalShapes(body);
        foreach (var local in locals) CheckShape(local, where, "local");

        bool hotPath = HasAttribute(method.GetCustomAttributes(), HotPathAttribute);
        bool noAlloc = hotPath || HasAttribute(method.GetCustomAttributes(), NoAllocAttribute);
        if (hotPath)
        {
            if (signature.ReturnType.FloatingPoint || signature.ParameterTypes.Any(p => p.FloatingPoint))
                Add("hot-path-float", where, "[HotPath] method takes or returns floating point");
            if (locals.Any(l => l.FloatingPoint))
                Add("hot-path-float", where, "[HotPath] method has a floating-point local");
        }
        foreach (var instruction in IlDecoder.Decode(body))
            CheckInstruction(instruction, where, hotPath, noAlloc);
        return body.Size;
    }

    private IReadOnlyList<SignatureShape> LocalShapes(MethodBodyBlock body)
    {
        if (body.LocalSignature.IsNil) return Array.Empty<SignatureShape>();
        var signature = _md.GetStandaloneSignature(body.LocalSignature);
        return signature.DecodeLocalSignature(SignatureShapeProvider.Instance, null);
    }

    private void CheckInstruction(IlInstruction instruction, string where, bool hotPath, bool noAlloc)
    {
        string at = $"{where} IL_{instruction.Offset:X4}";
        short op = instruction.OpCode.Value;
        if (UnsupportedOpcodes.Contains(op)) Add("opcode", at, $"{instruction.OpCode.Name} is not supported by nanoCLR");
        if (CheckedOpcodes.Contains(op)) Add("checked", at, $"{instruction.OpCode.Name}: nanoCLR 1.x does not check overflow; write the range check explicitly");
        if (!noAlloc) return;

        if (op == OpCodes.Newarr.Value || op == OpCodes.Box.Value)
            Add("hot-path-alloc", at, $"{instruction.OpCode.Name} allocates");
        if (op == OpCodes.Newobj.Value && !IsExceptionConstructor(instruction.Token))
            Add("hot-path-alloc", at, $"newobj {MemberName(instruction.Token)} allocates");
        if (hotPath && FloatOpcodes.Contains(op))
            Add("hot-path-float", at, $"{instruction.OpCode.Name} is floating point");
        if (hotPath && IsFieldAccess(op) && FieldIsFloat(instruction.Token))
            Add("hot-path-float", at, $"{instruction.OpCode.Name} {MemberName(instruction.Token)} is a floating-point field");
        if (op == OpCodes.Call.Value || op == OpCodes.Callvirt.Value)
            CheckHotCall(instruction.Token, at, hotPath);
    }

    private void CheckHotCall(int token, string at, bool hotPath)
    {
        var handle = MetadataTokens.EntityHandle(token);
        if (handle.Kind == HandleKind.MethodDefinition)
        {
            var callee = _md.GetMethodDefinition((MethodDefinitionHandle)handle);
            var attributes = callee.GetCustomAttributes();
            bool allowed = HasAttribute(attributes, HotPathAttribute) || (!hotPath && HasAttribute(attributes, NoAllocAttribute)) || IsTrivialGetter(callee);
            if (!allowed) Add("hot-path-call", at, $"calls {MemberName(token)}, which is not marked {(hotPath ? "[HotPath]" : "[HotPath] or [NoAlloc]")}");
            return;
        }
        if (IsInteropCall(handle)) return;
        string name = MemberName(token);
        if (!(hotPath ? HotPathRuntimeCalls : NoAllocRuntimeCalls).Contains(name))
            Add("hot-path-call", at, $"calls {name}, which may allocate{(hotPath ? " or use floating point" : "")}");
    }

    /// <summary>A call into a method of the interop assembly (its type's resolution scope is that assembly).</summary>
    private bool IsInteropCall(EntityHandle handle)
    {
        if (handle.Kind != HandleKind.MemberReference) return false;
        var parent = _md.GetMemberReference((MemberReferenceHandle)handle).Parent;
        if (parent.Kind != HandleKind.TypeReference) return false;
        var scope = _md.GetTypeReference((TypeReferenceHandle)parent).ResolutionScope;
        return scope.Kind == HandleKind.AssemblyReference &&
            InteropAssemblies.Contains(_md.GetString(_md.GetAssemblyReference((AssemblyReferenceHandle)scope).Name));
    }

    /// <summary>Opcodes of a getter that only returns a field (auto-properties, and `get { return _x; }` in Debug builds).</summary>
    private static readonly HashSet<short> TrivialGetterOpcodes = new[]
    {
        OpCodes.Nop, OpCodes.Ldarg_0, OpCodes.Ldfld, OpCodes.Ldsfld, OpCodes.Stloc_0, OpCodes.Ldloc_0, OpCodes.Br_S, OpCodes.Ret,
    }.Select(o => o.Value).ToHashSet();

    /// <summary>A method whose body only loads one field and returns it: it cannot allocate or compute.</summary>
    private bool IsTrivialGetter(MethodDefinition method)
    {
        if (method.RelativeVirtualAddress == 0) return false;
        var instructions = IlDecoder.Decode(_pe.GetMethodBody(method.RelativeVirtualAddress)).ToList();
        int fieldLoads = instructions.Count(i => i.OpCode.Value == OpCodes.Ldfld.Value || i.OpCode.Value == OpCodes.Ldsfld.Value);
        return fieldLoads == 1 && instructions.All(i => TrivialGetterOpcodes.Contains(i.OpCode.Value)) && !FieldIsFloatIn(instructions);
    }

    private bool FieldIsFloatIn(List<IlInstruction> instructions) =>
        instructions.Any(i => (i.OpCode.Value == OpCodes.Ldfld.Value || i.OpCode.Value == OpCodes.Ldsfld.Value) && FieldIsFloat(i.Token));

    private static bool IsFieldAccess(short op) =>
        op == OpCodes.Ldfld.Value || op == OpCodes.Ldsfld.Value || op == OpCodes.Stfld.Value || op == OpCodes.Stsfld.Value;

    private bool FieldIsFloat(int token)
    {
        var handle = MetadataTokens.EntityHandle(token);
        return handle.Kind switch
        {
            HandleKind.FieldDefinition => _md.GetFieldDefinition((FieldDefinitionHandle)handle).DecodeSignature(SignatureShapeProvider.Instance, null).FloatingPoint,
            HandleKind.MemberReference => _md.GetMemberReference((MemberReferenceHandle)handle).DecodeFieldSignature(SignatureShapeProvider.Instance, null).FloatingPoint,
            _ => false,
        };
    }

    private bool IsExceptionConstructor(int token) => MemberParentName(token).EndsWith("Exception", StringComparison.Ordinal);

    private string MemberName(int token)
    {
        var handle = MetadataTokens.EntityHandle(token);
        return handle.Kind switch
        {
            HandleKind.MethodDefinition => MemberParentName(token) + "." + _md.GetString(_md.GetMethodDefinition((MethodDefinitionHandle)handle).Name),
            HandleKind.FieldDefinition => MemberParentName(token) + "." + _md.GetString(_md.GetFieldDefinition((FieldDefinitionHandle)handle).Name),
            HandleKind.MemberReference => MemberParentName(token) + "." + _md.GetString(_md.GetMemberReference((MemberReferenceHandle)handle).Name),
            HandleKind.MethodSpecification => "generic method instantiation",
            _ => handle.Kind.ToString(),
        };
    }

    private string MemberParentName(int token)
    {
        var handle = MetadataTokens.EntityHandle(token);
        switch (handle.Kind)
        {
            case HandleKind.MethodDefinition:
                return TypeName(_md.GetTypeDefinition(_md.GetMethodDefinition((MethodDefinitionHandle)handle).GetDeclaringType()));
            case HandleKind.FieldDefinition:
                return TypeName(_md.GetTypeDefinition(_md.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType()));
            case HandleKind.MemberReference:
                var parent = _md.GetMemberReference((MemberReferenceHandle)handle).Parent;
                return parent.Kind switch
                {
                    HandleKind.TypeReference => TypeRefName((TypeReferenceHandle)parent),
                    HandleKind.TypeDefinition => TypeName(_md.GetTypeDefinition((TypeDefinitionHandle)parent)),
                    HandleKind.TypeSpecification => _md.GetTypeSpecification((TypeSpecificationHandle)parent).DecodeSignature(SignatureShapeProvider.Instance, null).Name,
                    _ => parent.Kind.ToString(),
                };
            default:
                return handle.Kind.ToString();
        }
    }

    private bool HasAttribute(CustomAttributeHandleCollection attributes, string fullName)
    {
        foreach (var handle in attributes)
        {
            var constructor = _md.GetCustomAttribute(handle).Constructor;
            string typeName = constructor.Kind switch
            {
                HandleKind.MethodDefinition => TypeName(_md.GetTypeDefinition(_md.GetMethodDefinition((MethodDefinitionHandle)constructor).GetDeclaringType())),
                HandleKind.MemberReference => MemberParentName(MetadataTokens.GetToken(constructor)),
                _ => "",
            };
            if (typeName == fullName) return true;
        }
        return false;
    }

    private string TypeName(TypeDefinition type)
    {
        string name = _md.GetString(type.Name);
        if (type.IsNested) return TypeName(_md.GetTypeDefinition(type.GetDeclaringType())) + "+" + name;
        string ns = _md.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    private string TypeRefName(TypeReferenceHandle handle)
    {
        var reference = _md.GetTypeReference(handle);
        string ns = _md.GetString(reference.Namespace);
        string name = _md.GetString(reference.Name);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    /// <summary>Static array initializers (FieldRVA data) live in nanoFramework's 64 KB signatures table.</summary>
    private void CheckInitializerData()
    {
        int total = 0;
        foreach (var typeHandle in _md.TypeDefinitions)
        foreach (var fieldHandle in _md.GetTypeDefinition(typeHandle).GetFields())
        {
            var field = _md.GetFieldDefinition(fieldHandle);
            if (field.GetRelativeVirtualAddress() == 0) continue;
            total += InitializerSize(field);
        }
        if (total > MaxInitializerBytes)
            Add("size", "assembly", $"{total} bytes of static array initializers; keep them under {MaxInitializerBytes} (load large tables at run time)");
    }

    private int InitializerSize(FieldDefinition field)
    {
        // The field's type is a compiler-generated struct whose ClassLayout gives the size.
        var blob = _md.GetBlobReader(field.Signature);
        blob.ReadSignatureHeader();
        var typeCode = blob.ReadSignatureTypeCode();
        if (typeCode != SignatureTypeCode.TypeHandle) return 0;
        var handle = blob.ReadTypeHandle();
        if (handle.Kind != HandleKind.TypeDefinition) return 0;
        return _md.GetTypeDefinition((TypeDefinitionHandle)handle).GetLayout().Size;
    }
}
