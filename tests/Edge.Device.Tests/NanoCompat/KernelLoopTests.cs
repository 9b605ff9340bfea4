using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Edge.Device.Tests.NanoCompat;

/// <summary>
/// The int8 dot-product loops as nanoCLR sees them: IL ops per multiply-accumulate, counted in the
/// compiled device assembly (every IL op is one dispatch of the interpreter). Measured on nanoCLR
/// the FullyConnected layer costs 16.45 IL ops per MAC with its per-output work (firmware/README.md);
/// the loop itself is what these tests hold down.
/// </summary>
[TestClass]
public sealed class KernelLoopTests
{
    [TestMethod]
    public void TheUnrolledDotProductTakesAtMost15IlOpsPerMac()
    {
        const string kernel = "Edge.Device.Inference.DotProductInt8";
        var body = Method(kernel, "Accumulate");
        // while (xi < xBlockEnd) { acc += 4 products; ... }: `br COND; BODY ...; COND: ... blt BODY`.
        // The unrolled pass: eight int8 loads and four products close together.
        int firstMul = Enumerable.Range(0, body.Count).FirstOrDefault(k =>
            body[k].OpCode == OpCodes.Mul && body.Skip(k).Take(40).Count(i => i.OpCode == OpCodes.Mul) == 4 && body.Skip(Math.Max(0, k - 6)).Take(46).Count(i => i.OpCode == OpCodes.Ldelem_I1) == 8, -1);
        Assert.IsGreaterThan(0, firstMul, "four products per pass");
        int start = body.FindLastIndex(firstMul, i => i.OpCode == OpCodes.Br || i.OpCode == OpCodes.Br_S) + 1;
        int end = body.FindIndex(firstMul, i => i.OpCode == OpCodes.Blt || i.OpCode == OpCodes.Blt_S);
        int ops = end - start + 1;
        Console.WriteLine($"{kernel}: {ops} IL ops per pass of 4 MACs = {ops / 4.0:0.##} per MAC");
        Assert.IsLessThanOrEqualTo(60, ops, $"{ops} IL ops for 4 MACs");
    }

    private static List<IlInstruction> Method(string typeName, string name)
    {
        using var pe = new PEReader(File.OpenRead(NanoBuild.DeviceAssembly));
        var md = pe.GetMetadataReader();
        foreach (var handle in md.TypeDefinitions)
        {
            var type = md.GetTypeDefinition(handle);
            if (md.GetString(type.Namespace) + "." + md.GetString(type.Name) != typeName) continue;
            var method = type.GetMethods().Select(md.GetMethodDefinition).Single(m => md.GetString(m.Name) == name);
            return IlDecoder.Decode(pe.GetMethodBody(method.RelativeVirtualAddress)).ToList();
        }
        throw new InvalidOperationException(typeName + " not found");
    }
}
