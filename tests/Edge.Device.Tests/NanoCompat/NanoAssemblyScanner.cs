using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Edge.Device.Tests.NanoCompat;

/// <summary>
/// Scans a compiled device assembly's metadata and IL for what compiles against nanoFramework's
/// mscorlib but nanoCLR 1.x cannot load or run, and for breaches of the board's hot-path rules.
/// Sources for the runtime limits: shared/reference/nanoframework.md §1.3-1.5 (MetadataProcessor
/// errors, unsupported opcodes, 1.x has no generics, no overflow checks), <see cref="NanoClrLimits"/>
/// for the table limits, <see cref="SignatureShape"/> for when a struct allocates.
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

    private readonly MetadataReader _md;
    private readonly PEReader _pe;
    private readonly NanoScanOptions _options;
    private readonly SignatureShapeProvider _shapes;
    private readonly Dictionary<string, bool> _referencedValueTypes;
    private readonly Dictionary<MethodDefinitionHandle, bool> _inheritedHotPath = new();
    private readonly List<NanoViolation> _violations = new();
    private readonly List<(string Where, int Bytes)> _staticArrays = new();

    private NanoAssemblyScanner(PEReader pe, NanoScanOptions options)
    {
        _pe = pe;
        _md = pe.GetMetadataReader();
        _options = options;
        _referencedValueTypes = EnumIndex(options.ReferencePaths);
        _shapes = new SignatureShapeProvider(name => _referencedValueTypes.TryGetValue(name, out bool isEnum) ? isEnum : null);
        MarkInterfaceImplementations();
    }

    public static IReadOnlyList<NanoViolation> Scan(string assemblyPath) => Analyze(assemblyPath, NanoScanOptions.DeviceCode).Violations;

    public static IReadOnlyList<NanoViolation> Scan(Stream assembly) => Analyze(assembly, NanoScanOptions.DeviceCode).Violations;

    public static NanoScanReport Analyze(string assemblyPath, NanoScanOptions options)
    {
        using var stream = File.OpenRead(assemblyPath);
        return Analyze(stream, options);
    }

    public static NanoScanReport Analyze(Stream assembly, NanoScanOptions options)
    {
        using var pe = new PEReader(assembly);
        var scanner = new NanoAssemblyScanner(pe, options);
        scanner.Run();
        return new NanoScanReport(scanner._violations, scanner._staticArrays);
    }

    private void Add(string rule, string where, string detail) => _violations.Add(new NanoViolation(rule, where, detail));

    /// <summary>Full name -> is an enum, for every value type the reference assemblies define.</summary>
    private static Dictionary<string, bool> EnumIndex(IEnumerable<string> paths)
    {
        var index = new Dictionary<string, bool>();
        foreach (string path in paths)
        {
            using var pe = new PEReader(File.OpenRead(path));
            var md = pe.GetMetadataReader();
            foreach (var handle in md.TypeDefinitions)
            {
                var type = md.GetTypeDefinition(handle);
                string baseName = BaseName(md, type.BaseType);
                if (baseName is "System.Enum" or "System.ValueType")
                    index[md.GetString(type.Namespace) + "." + md.GetString(type.Name)] = baseName == "System.Enum";
            }
        }
        return index;
    }

    private static string BaseName(MetadataReader md, EntityHandle handle) => handle.IsNil ? "" : handle.Kind switch
    {
        HandleKind.TypeReference => md.GetString(md.GetTypeReference((TypeReferenceHandle)handle).Namespace) + "." + md.GetString(md.GetTypeReference((TypeReferenceHandle)handle).Name),
        HandleKind.TypeDefinition => md.GetString(md.GetTypeDefinition((TypeDefinitionHandle)handle).Namespace) + "." + md.GetString(md.GetTypeDefinition((TypeDefinitionHandle)handle).Name),
        _ => "",
    };

    /// <summary>
    /// A class method that implements a [HotPath] or [NoAlloc] method of an interface in this
    /// assembly is held to the interface's rule (the board's adapters implement the device
    /// interfaces), whether it implements it implicitly (same name) or explicitly (MethodImpl).
    /// </summary>
    private void MarkInterfaceImplementations()
    {
        foreach (var typeHandle in _md.TypeDefinitions)
        {
            var type = _md.GetTypeDefinition(typeHandle);
            foreach (var implHandle in type.GetInterfaceImplementations())
            {
                var iface = _md.GetInterfaceImplementation(implHandle).Interface;
                if (iface.Kind != HandleKind.TypeDefinition) continue;
                foreach (var ifaceMethodHandle in _md.GetTypeDefinition((TypeDefinitionHandle)iface).GetMethods())
                {
                    var ifaceMethod = _md.GetMethodDefinition(ifaceMethodHandle);
                    bool hot = HasAttribute(ifaceMethod.GetCustomAttributes(), HotPathAttribute);
                    bool noAlloc = HasAttribute(ifaceMethod.GetCustomAttributes(), NoAllocAttribute);
                    if (!hot && !noAlloc) continue;
                    string name = _md.GetString(ifaceMethod.Name);
                    foreach (var methodHandle in type.GetMethods())
                    {
                        string candidate = _md.GetString(_md.GetMethodDefinition(methodHandle).Name);
                        if (candidate == name || candidate.EndsWith("." + name, StringComparison.Ordinal))
                            _inheritedHotPath[methodHandle] = hot;
                    }
                }
            }
        }
    }

    private void Run()
    {
        CheckReferences();
        CheckTableLimits();
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
                CheckShape(field.DecodeSignature(_shapes, null), $"{typeName}.{_md.GetString(field.Name)}", "field");
            }
            foreach (var methodHandle in type.GetMethods())
                ilBytes += CheckMethod(methodHandle, typeName);
        }
        if (ilBytes > NanoClrLimits.MaxIlBytes) Add("size", "assembly", $"{ilBytes} bytes of IL; a nanoFramework assembly holds at most {NanoClrLimits.MaxIlBytes}");
        CheckInitializerData();
        CheckStaticArrays();
    }

    private void CheckReferences()
    {
        foreach (var handle in _md.AssemblyReferences)
        {
            string name = _md.GetString(_md.GetAssemblyReference(handle).Name);
            if (name != "mscorlib" && !InteropAssemblies.Contains(name) && !_options.AllowedReferences.Contains(name))
                Add("references", "assembly", $"references {name}; allowed: mscorlib, its interop assembly{string.Concat(_options.AllowedReferences.Select(r => ", " + r))}");
        }
    }

    /// <summary>nanoCLR's table limits (<see cref="NanoClrLimits"/>): rows per table, fields per type, and the strings table.</summary>
    private void CheckTableLimits()
    {
        void Rows(TableIndex table, int max, string what)
        {
            int rows = _md.GetTableRowCount(table);
            if (rows > max) Add("table-limit", "assembly", $"{rows} {what}; nanoCLR's tokens address at most {max}");
        }
        Rows(TableIndex.TypeDef, NanoClrLimits.MaxTypeRows, "type definitions");
        Rows(TableIndex.TypeRef, NanoClrLimits.MaxTypeRows, "type references");
        Rows(TableIndex.TypeSpec, NanoClrLimits.MaxTypeRows, "type specifications");
        Rows(TableIndex.Field, NanoClrLimits.MaxFieldOrMethodRows, "field definitions");
        Rows(TableIndex.MethodDef, NanoClrLimits.MaxFieldOrMethodRows, "method definitions");
        Rows(TableIndex.MemberRef, NanoClrLimits.MaxFieldOrMethodRows, "member references");
        foreach (var handle in _md.TypeDefinitions)
        {
            var type = _md.GetTypeDefinition(handle);
            int statics = 0, instances = 0;
            foreach (var f in type.GetFields())
            {
                var attributes = _md.GetFieldDefinition(f).Attributes;
                if ((attributes & System.Reflection.FieldAttributes.Literal) != 0) continue;
                if ((attributes & System.Reflection.FieldAttributes.Static) != 0) statics++; else instances++;
            }
            if (statics > NanoClrLimits.MaxFieldsPerKind || instances > NanoClrLimits.MaxFieldsPerKind)
                Add("table-limit", TypeName(type), $"{instances} instance and {statics} static fields; a type holds at most {NanoClrLimits.MaxFieldsPerKind} of each");
        }
        // Names and string literals, as UTF-8 in one table (an upper bound: the MetadataProcessor drops some names).
        int stringBytes = _md.GetHeapSize(HeapIndex.String);
        for (var h = MetadataTokens.UserStringHandle(1); !h.IsNil; h = _md.GetNextHandle(h))
            stringBytes += System.Text.Encoding.UTF8.GetByteCount(_md.GetUserString(h)) + 1;
        if (stringBytes > NanoClrLimits.MaxStringBytes)
            Add("table-limit", "assembly", $"about {stringBytes} bytes of names and string literals; nanoCLR's strings table holds {NanoClrLimits.MaxStringBytes}");
    }

    private void CheckTypeSpecifications()
    {
        foreach (var handle in EnumerateTypeSpecs())
        {
            var shape = _md.GetTypeSpecification(handle).DecodeSignature(_shapes, null);
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
        if (virtuals > NanoClrLimits.MaxMethodsPerKind || instances > NanoClrLimits.MaxMethodsPerKind || statics > NanoClrLimits.MaxMethodsPerKind)
            Add("size", typeName, $"more than {NanoClrLimits.MaxMethodsPerKind} methods of one kind (virtual {virtuals}, instance {instances}, static {statics})");
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
        var signature = method.DecodeSignature(_shapes, null);
        CheckShape(signature.ReturnType, where, "returns");
        foreach (var parameter in signature.ParameterTypes) CheckShape(parameter, where, "parameter");
        if (method.RelativeVirtualAddress == 0) return 0;

        var body = _pe.GetMethodBody(method.RelativeVirtualAddress);
        var locals = LocalShapes(body);
        foreach (var local in locals) CheckShape(local, where, "local");

        bool hotPath = HasAttribute(method.GetCustomAttributes(), HotPathAttribute) || (_inheritedHotPath.TryGetValue(handle, out bool hot) && hot);
        bool noAlloc = hotPath || HasAttribute(method.GetCustomAttributes(), NoAllocAttribute) || _inheritedHotPath.ContainsKey(handle);
        if (hotPath)
        {
            if (signature.ReturnType.FloatingPoint || signature.ParameterTypes.Any(p => p.FloatingPoint))
                Add("hot-path-float", where, "[HotPath] method takes or returns floating point");
            if (locals.Any(l => l.FloatingPoint))
                Add("hot-path-float", where, "[HotPath] method has a floating-point local");
        }
        if (noAlloc)
        {
            foreach (var local in locals.Where(l => l.Struct))
                Add("struct-alloc", where, $"local of struct type {local.Name}: nanoCLR allocates it on every call");
        }
        bool isStatic = (method.Attributes & System.Reflection.MethodAttributes.Static) != 0;
        var arguments = (isStatic ? Enumerable.Empty<SignatureShape>() : new[] { SignatureShape.Of("this") }).Concat(signature.ParameterTypes).ToList();
        foreach (var instruction in IlDecoder.Decode(body))
            CheckInstruction(instruction, where, hotPath, noAlloc, locals, arguments);
        return body.Size;
    }

    private IReadOnlyList<SignatureShape> LocalShapes(MethodBodyBlock body)
    {
        if (body.LocalSignature.IsNil) return Array.Empty<SignatureShape>();
        var signature = _md.GetStandaloneSignature(body.LocalSignature);
        return signature.DecodeLocalSignature(_shapes, null);
    }

    private void CheckInstruction(IlInstruction instruction, string where, bool hotPath, bool noAlloc, IReadOnlyList<SignatureShape> locals, IReadOnlyList<SignatureShape> arguments)
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
        CheckStructCopy(instruction, at, locals, arguments);
    }

    /// <summary>
    /// Loading a struct by value copies it into a new heap object on nanoCLR, and so does passing
    /// or returning one, or constructing one with newobj (see <see cref="SignatureShape.Struct"/>).
    /// </summary>
    private void CheckStructCopy(IlInstruction instruction, string at, IReadOnlyList<SignatureShape> locals, IReadOnlyList<SignatureShape> arguments)
    {
        var op = instruction.OpCode;
        int? local = op == OpCodes.Ldloc_0 ? 0 : op == OpCodes.Ldloc_1 ? 1 : op == OpCodes.Ldloc_2 ? 2 : op == OpCodes.Ldloc_3 ? 3
            : op == OpCodes.Ldloc_S || op == OpCodes.Ldloc ? instruction.Operand : null;
        if (local is int l && l < locals.Count && locals[l].Struct)
            Add("struct-alloc", at, $"{op.Name} copies struct {locals[l].Name} into a new heap object");
        int? argument = op == OpCodes.Ldarg_0 ? 0 : op == OpCodes.Ldarg_1 ? 1 : op == OpCodes.Ldarg_2 ? 2 : op == OpCodes.Ldarg_3 ? 3
            : op == OpCodes.Ldarg_S || op == OpCodes.Ldarg ? instruction.Operand : null;
        if (argument is int a && a < arguments.Count && arguments[a].Struct)
            Add("struct-alloc", at, $"{op.Name} copies struct {arguments[a].Name} into a new heap object");
        if ((op == OpCodes.Ldfld || op == OpCodes.Ldsfld) && FieldShape(instruction.Token) is { Struct: true } field)
            Add("struct-alloc", at, $"{op.Name} {MemberName(instruction.Token)} copies struct {field.Name} into a new heap object");
        if ((op == OpCodes.Ldobj || op == OpCodes.Ldelem || op == OpCodes.Unbox_Any) && TypeShape(instruction.Token) is { Struct: true } loaded)
            Add("struct-alloc", at, $"{op.Name} copies struct {loaded.Name} into a new heap object");
        if (op == OpCodes.Call || op == OpCodes.Callvirt || op == OpCodes.Newobj)
        {
            var callee = MethodShape(instruction.Token);
            if (callee is null) return;
            foreach (var parameter in callee.Value.ParameterTypes.Where(p => p.Struct))
                Add("struct-alloc", at, $"{MemberName(instruction.Token)} takes struct {parameter.Name} by value: the call copies it into a new heap object");
            if (callee.Value.ReturnType.Struct)
                Add("struct-alloc", at, $"{MemberName(instruction.Token)} returns struct {callee.Value.ReturnType.Name}: a new heap object each call");
            if (op == OpCodes.Newobj && MemberParentIsStruct(instruction.Token))
                Add("struct-alloc", at, $"newobj {MemberName(instruction.Token)} builds a struct on the heap");
        }
    }

    private SignatureShape? FieldShape(int token)
    {
        var handle = MetadataTokens.EntityHandle(token);
        return handle.Kind switch
        {
            HandleKind.FieldDefinition => _md.GetFieldDefinition((FieldDefinitionHandle)handle).DecodeSignature(_shapes, null),
            HandleKind.MemberReference => _md.GetMemberReference((MemberReferenceHandle)handle).DecodeFieldSignature(_shapes, null),
            _ => null,
        };
    }

    private SignatureShape? TypeShape(int token)
    {
        var handle = MetadataTokens.EntityHandle(token);
        return handle.Kind switch
        {
            HandleKind.TypeDefinition => _shapes.GetTypeFromDefinition(_md, (TypeDefinitionHandle)handle, IsValueTypeDefinition((TypeDefinitionHandle)handle) ? (byte)0x11 : (byte)0x12),
            HandleKind.TypeReference => _shapes.GetTypeFromReference(_md, (TypeReferenceHandle)handle, (byte)0x11),
            HandleKind.TypeSpecification => _md.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(_shapes, null),
            _ => null,
        };
    }

    private bool IsValueTypeDefinition(TypeDefinitionHandle handle) =>
        BaseName(_md, _md.GetTypeDefinition(handle).BaseType) is "System.ValueType" or "System.Enum";

    private MethodSignature<SignatureShape>? MethodShape(int token)
    {
        var handle = MetadataTokens.EntityHandle(token);
        return handle.Kind switch
        {
            HandleKind.MethodDefinition => _md.GetMethodDefinition((MethodDefinitionHandle)handle).DecodeSignature(_shapes, null),
            HandleKind.MemberReference => _md.GetMemberReference((MemberReferenceHandle)handle).DecodeMethodSignature(_shapes, null),
            _ => null,
        };
    }

    private bool MemberParentIsStruct(int token)
    {
        var handle = MetadataTokens.EntityHandle(token);
        if (handle.Kind == HandleKind.MethodDefinition)
        {
            var declaring = _md.GetMethodDefinition((MethodDefinitionHandle)handle).GetDeclaringType();
            return IsValueTypeDefinition(declaring) && !(BaseName(_md, _md.GetTypeDefinition(declaring).BaseType) == "System.Enum");
        }
        if (handle.Kind == HandleKind.MemberReference && _md.GetMemberReference((MemberReferenceHandle)handle).Parent is { Kind: HandleKind.TypeReference } parent)
            return TypeShape(MetadataTokens.GetToken(parent)) is { Struct: true } && IsKnownValueType(TypeRefName((TypeReferenceHandle)parent));
        return false;
    }

    private bool IsKnownValueType(string fullName) => _referencedValueTypes.ContainsKey(fullName);

    private void CheckHotCall(int token, string at, bool hotPath)
    {
        var handle = MetadataTokens.EntityHandle(token);
        if (handle.Kind == HandleKind.MethodDefinition)
        {
            var callee = _md.GetMethodDefinition((MethodDefinitionHandle)handle);
            var attributes = callee.GetCustomAttributes();
            var calleeHandle = (MethodDefinitionHandle)handle;
            bool inheritedHot = _inheritedHotPath.TryGetValue(calleeHandle, out bool calleeHot);
            bool allowed = HasAttribute(attributes, HotPathAttribute) || (!hotPath && HasAttribute(attributes, NoAllocAttribute))
                || (inheritedHot && (calleeHot || !hotPath)) || IsTrivialGetter(callee);
            if (!allowed) Add("hot-path-call", at, $"calls {MemberName(token)}, which is not marked {(hotPath ? "[HotPath]" : "[HotPath] or [NoAlloc]")}");
            return;
        }
        if (IsInteropCall(handle)) return;
        string name = MemberName(token);
        if (!(hotPath ? HotPathRuntimeCalls : NoAllocRuntimeCalls).Contains(name) && !_options.HotPathUpstreamCalls.Contains(name))
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
            HandleKind.FieldDefinition => _md.GetFieldDefinition((FieldDefinitionHandle)handle).DecodeSignature(_shapes, null).FloatingPoint,
            HandleKind.MemberReference => _md.GetMemberReference((MemberReferenceHandle)handle).DecodeFieldSignature(_shapes, null).FloatingPoint,
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
                    HandleKind.TypeSpecification => _md.GetTypeSpecification((TypeSpecificationHandle)parent).DecodeSignature(_shapes, null).Name,
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
        int signatures = _md.GetHeapSize(HeapIndex.Blob) + total;
        if (total > NanoClrLimits.MaxSignatureBytes || signatures > NanoClrLimits.MaxSignatureBytes)
            Add("size", "assembly", $"{total} bytes of static array initializers and about {signatures - total} of signatures; nanoCLR's signatures table holds {NanoClrLimits.MaxSignatureBytes} (load large tables at run time)");
    }

    /// <summary>
    /// Arrays the static constructors allocate (directly or in a method they call in this
    /// assembly): <c>ldc.i4 n; newarr T</c>. They live on the managed heap for as long as the app
    /// runs; their cost is reported (and counted by the host's memory model), and a total above
    /// <see cref="NanoClrLimits.MaxStaticArrayHeapBytes"/> is flagged.
    /// </summary>
    private void CheckStaticArrays()
    {
        foreach (var typeHandle in _md.TypeDefinitions)
        {
            var type = _md.GetTypeDefinition(typeHandle);
            var cctor = type.GetMethods().FirstOrDefault(m => _md.GetString(_md.GetMethodDefinition(m).Name) == ".cctor");
            if (cctor.IsNil) continue;
            var methods = new List<MethodDefinitionHandle> { cctor };
            foreach (var instruction in Decode(cctor))
            {
                if (instruction.OpCode == OpCodes.Call && MetadataTokens.EntityHandle(instruction.Token).Kind == HandleKind.MethodDefinition)
                    methods.Add((MethodDefinitionHandle)MetadataTokens.EntityHandle(instruction.Token));
            }
            foreach (var method in methods.Distinct())
            {
                IlInstruction previous = default;
                foreach (var instruction in Decode(method))
                {
                    if (instruction.OpCode == OpCodes.Newarr && ConstantOf(previous) is int length)
                    {
                        int element = ElementBytes(instruction.Token);
                        _staticArrays.Add(($"{TypeName(type)} ({_md.GetString(_md.GetMethodDefinition(method).Name)}): {TypeShape(instruction.Token)?.Name}[{length}]",
                            Edge.Targets.Heap.NanoClrHeap.ArrayBytes(length, element)));
                    }
                    previous = instruction;
                }
            }
        }
        int totalBytes = _staticArrays.Sum(a => a.Bytes);
        if (totalBytes > NanoClrLimits.MaxStaticArrayHeapBytes)
            Add("static-heap", "assembly", $"static arrays take {totalBytes} bytes of managed heap for good (limit {NanoClrLimits.MaxStaticArrayHeapBytes}): {string.Join("; ", _staticArrays.Select(a => a.Where + " " + a.Bytes + " B"))}");
    }

    private IEnumerable<IlInstruction> Decode(MethodDefinitionHandle handle)
    {
        var method = _md.GetMethodDefinition(handle);
        return method.RelativeVirtualAddress == 0 ? Array.Empty<IlInstruction>() : IlDecoder.Decode(_pe.GetMethodBody(method.RelativeVirtualAddress));
    }

    private static int? ConstantOf(IlInstruction instruction)
    {
        var op = instruction.OpCode;
        if (op == OpCodes.Ldc_I4 || op == OpCodes.Ldc_I4_S) return instruction.Operand;
        if (op == OpCodes.Ldc_I4_0) return 0;
        if (op == OpCodes.Ldc_I4_1) return 1;
        if (op == OpCodes.Ldc_I4_2) return 2;
        if (op == OpCodes.Ldc_I4_3) return 3;
        if (op == OpCodes.Ldc_I4_4) return 4;
        if (op == OpCodes.Ldc_I4_5) return 5;
        if (op == OpCodes.Ldc_I4_6) return 6;
        if (op == OpCodes.Ldc_I4_7) return 7;
        if (op == OpCodes.Ldc_I4_8) return 8;
        return null;
    }

    /// <summary>nanoCLR's bytes per element of an array of the type token's type.</summary>
    private int ElementBytes(int typeToken) => TypeShape(typeToken)?.Name switch
    {
        "System.Boolean" or "System.Byte" or "System.SByte" => 1,
        "System.Int16" or "System.UInt16" or "System.Char" => 2,
        "System.Int32" or "System.UInt32" or "System.Single" => 4,
        "System.Int64" or "System.UInt64" or "System.Double" => 8,
        _ => Edge.Targets.Heap.NanoClrHeap.HeapBlockBytes,
    };

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
