namespace Edge.Device.Tests.NanoCompat;

/// <summary>
/// The device source must run on nanoCLR 1.x, not merely compile against its mscorlib.
/// The first test scans the real compile-check output; the others prove the scanner catches
/// each construct by compiling small probes against the same mscorlib.
/// </summary>
[TestClass]
public sealed class NanoCompatTests
{
    private const string Attributes = """
        namespace Edge.Device.Runtime
        {
            [System.AttributeUsage(System.AttributeTargets.Method)] public sealed class HotPathAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.Method)] public sealed class NoAllocAttribute : System.Attribute { }
        }
        """;

    [TestMethod]
    public void DeviceAssemblyHasNothingNanoClrCannotRun()
    {
        Assert.IsTrue(File.Exists(NanoBuild.DeviceAssembly), $"compile-check output missing: {NanoBuild.DeviceAssembly}");
        var violations = NanoAssemblyScanner.Scan(NanoBuild.DeviceAssembly);
        Assert.AreEqual(0, violations.Count, "device code breaks nanoFramework rules:\n" + string.Join("\n", violations));
    }

    [TestMethod]
    public void BoardAssemblyHasNothingNanoClrCannotRun()
    {
        // The whole board app: device code, Program and the adapters, against the pinned packages.
        foreach (string assembly in new[] { NanoBuild.BoardAssembly, NanoBuild.SdCardBoardAssembly })
        {
            var report = NanoAssemblyScanner.Analyze(assembly, NanoScanOptions.BoardApp(BoardReferences));
            Assert.AreEqual(0, report.Violations.Count, $"{Path.GetFileName(assembly)} breaks nanoFramework rules:\n" + string.Join("\n", report.Violations));
        }
    }

    [TestMethod]
    public void InteropAssemblyIsOnlyInternalCallEntryPointsOverMscorlib()
    {
        Assert.IsTrue(File.Exists(NanoBuild.InteropAssembly), $"compile-check output missing: {NanoBuild.InteropAssembly}");
        var violations = NanoAssemblyScanner.Scan(NanoBuild.InteropAssembly);
        Assert.AreEqual(0, violations.Count, "interop assembly breaks nanoFramework rules:\n" + string.Join("\n", violations));
        // Every method is native: nanoCLR runs no IL of this assembly, so the hot paths that call it stay free of allocation.
        using var pe = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(NanoBuild.InteropAssembly));
        var md = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        var methods = md.MethodDefinitions.Select(md.GetMethodDefinition).ToList();
        Assert.IsNotEmpty(methods);
        foreach (var method in methods)
        {
            string name = md.GetString(method.Name);
            Assert.AreEqual(0, method.RelativeVirtualAddress, $"{name} has IL");
            Assert.IsTrue((method.ImplAttributes & System.Reflection.MethodImplAttributes.InternalCall) != 0, $"{name} is not an InternalCall");
        }
    }

    [TestMethod]
    public void StaticArraysAreCountedLikeTheMemoryModelCountsThem()
    {
        // Two independent counts of the device code's static tables: the scan reads newarr in the
        // static constructors; the memory model runs them on .NET and prices the arrays it finds.
        var report = NanoAssemblyScanner.Analyze(NanoBuild.DeviceAssembly, NanoScanOptions.DeviceCode);
        Assert.IsNotEmpty(report.StaticArrays, "the device code has static tables (CRC-32, ln and sqrt)");
        var measure = new Edge.Targets.Heap.HeapMeasure();
        measure.AddStatics();
        long arrays = measure.ByType.Where(t => t.Type.EndsWith("[]", StringComparison.Ordinal)).Sum(t => t.Bytes);
        Assert.AreEqual(arrays, report.StaticArrayBytes, string.Join("\n", report.StaticArrays));
    }

    private static IReadOnlyList<string> BoardReferences =>
        new[] { "System.Device.Gpio", "System.Device.Adc", "System.IO.Ports", "System.IO.Streams", "nanoFramework.Runtime.Native", "System.IO.FileSystem" }
            .Select(NanoBuild.ReferenceAssembly).ToList();

    [TestMethod]
    public void CleanProbeHasNoViolations()
    {
        var violations = Scan("""
            public static class Clean
            {
                static readonly int[] Table = { 1, 2, 3 };
                [Edge.Device.Runtime.HotPath]
                public static int Sum(int[] a, int n) { int s = 0; for (int i = 0; i < n; i++) s += a[i] * Table[i % 3]; return s; }
                [Edge.Device.Runtime.HotPath]
                public static void Fail(int x) { if (x < 0) throw new System.ArgumentOutOfRangeException("x"); }
                public static double Slow(double x) { return x * 2.0; }
                public enum Mode { A, B }
                [Edge.Device.Runtime.HotPath]
                public static int Pick(Mode m, System.TimeSpan t) { Mode local = m; System.TimeSpan copy = t; return local == Mode.A ? 1 : 0; }
                public struct Pair { public int A; public int B; }
                [Edge.Device.Runtime.HotPath]
                public static int ByRef(ref Pair p) { return p.A + p.B; }
            }
            public sealed class Holder
            {
                public int Size { get; private set; }
                [Edge.Device.Runtime.HotPath]
                public int Twice() { return Size * 2; }
            }
            """);
        Assert.AreEqual(0, violations.Count, string.Join("\n", violations));
    }

    [TestMethod]
    public void SwitchTablesAreDecodedAsOperands()
    {
        // The instruction after a switch starts past its jump table (opcode, count, 4 bytes per
        // target); decoding the table as code yields phantom opcodes and false violations.
        using var image = NanoBuild.Compile(Attributes + """
            public static class Dispatch
            {
                public static int Run(int code, int x)
                {
                    switch (code) { case 1: return x + 1; case 2: return x * 2; case 3: return x - 3; default: return x; }
                }
            }
            """);
        using var pe = new System.Reflection.PortableExecutable.PEReader(image);
        var md = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        var method = md.MethodDefinitions.Select(md.GetMethodDefinition).Single(m => md.GetString(m.Name) == "Run");
        var body = System.Reflection.Metadata.PEReaderExtensions.GetMethodBody(pe, method.RelativeVirtualAddress);
        byte[] il = body.GetILBytes()!;
        var instructions = IlDecoder.Decode(body).ToList();
        int index = instructions.FindIndex(i => i.OpCode == System.Reflection.Emit.OpCodes.Switch);
        Assert.IsGreaterThanOrEqualTo(0, index, "the probe compiles to a switch");
        int at = instructions[index].Offset;
        int targets = BitConverter.ToInt32(il, at + 1);
        Assert.AreEqual(at + 5 + 4 * targets, instructions[index + 1].Offset);
    }

    [TestMethod]
    [DataRow("generics", "public class Box<T> { public T Value; }", DisplayName = "generic type")]
    [DataRow("generics", "public static class G { public static T Id<T>(T x) { return x; } }", DisplayName = "generic method")]
    [DataRow("generics", "public static class G { public static void Run() { System.Action<int> a = x => { }; a(1); } }", DisplayName = "generic delegate from mscorlib")]
    [DataRow("multidim-array", "public static class M { public static int[,] Grid = new int[2, 2]; }", DisplayName = "multi-dimensional array")]
    [DataRow("opcode", "public static unsafe class S { public static int Run() { int* p = stackalloc int[4]; p[0] = 1; return p[0]; } }", DisplayName = "stackalloc")]
    [DataRow("pointer", "public static unsafe class P { public static int Run(int x) { int* p = &x; return *p; } }", DisplayName = "pointer local")]
    [DataRow("checked", "public static class C { public static int Add(int a, int b) { return checked(a + b); } }", DisplayName = "checked arithmetic")]
    [DataRow("hot-path-alloc", "public static class H { [Edge.Device.Runtime.HotPath] public static int[] Make() { return new int[4]; } }", DisplayName = "hot path newarr")]
    [DataRow("hot-path-alloc", "public static class H { [Edge.Device.Runtime.HotPath] public static object Make(int x) { return x; } }", DisplayName = "hot path boxing")]
    [DataRow("hot-path-alloc", "public class O { } public static class H { [Edge.Device.Runtime.NoAlloc] public static O Make() { return new O(); } }", DisplayName = "no-alloc newobj")]
    [DataRow("hot-path-float", "public static class H { [Edge.Device.Runtime.HotPath] public static int Scale(int x) { float f = x * 0.5f; return (int)f; } }", DisplayName = "hot path float")]
    [DataRow("hot-path-call", "public static class H { static int Helper(int x) { return x + 1; } [Edge.Device.Runtime.HotPath] public static int Run(int x) { return Helper(x); } }", DisplayName = "hot path calls unmarked helper")]
    [DataRow("hot-path-call", "public class P { public int[] A { get { return new int[1]; } } } public static class H { [Edge.Device.Runtime.HotPath] public static int Run(P p) { return p.A[0]; } }", DisplayName = "hot path calls allocating getter")]
    [DataRow("hot-path-call", "public static class H { [Edge.Device.Runtime.HotPath] public static string Run(int x) { return \"v\" + x.ToString(); } }", DisplayName = "hot path calls string formatting")]
    [DataRow("struct-alloc", "public struct V { public int X; } public static class H { [Edge.Device.Runtime.HotPath] public static int Run(int x) { V v; v.X = x; return v.X; } }", DisplayName = "struct local in a hot path")]
    [DataRow("struct-alloc", "public struct V { public int X; public V(int x) { X = x; } } public static class H { static V _v; [Edge.Device.Runtime.HotPath] public static void Run(int x) { _v = new V(x); } }", DisplayName = "newobj of a struct")]
    [DataRow("struct-alloc", "public struct V { public int X; } public static class H { static V _v; [Edge.Device.Runtime.HotPath] static int Use(V v) { return 0; } [Edge.Device.Runtime.HotPath] public static int Run() { return Use(_v); } }", DisplayName = "struct passed by value")]
    [DataRow("struct-alloc", "public struct V { public int X; } public static class H { static V _v; [Edge.Device.Runtime.HotPath] static V Get() { return _v; } [Edge.Device.Runtime.HotPath] public static int Run() { return Get().X; } }", DisplayName = "struct returned by value")]
    [DataRow("hot-path-alloc", "public interface IPin { [Edge.Device.Runtime.HotPath] void High(); } public sealed class Pin : IPin { public void High() { var x = new int[1]; } }", DisplayName = "implementation of a hot-path interface method")]
    [DataRow("static-heap", "public static class T { public static readonly int[] Big = new int[4000]; }", DisplayName = "large static array")]
    public void ScannerCatches(string rule, string source)
    {
        var violations = Scan(source);
        Assert.IsTrue(violations.Any(v => v.Rule == rule), $"expected a '{rule}' violation, got:\n{string.Join("\n", violations)}");
    }

    [TestMethod]
    public void ScannerCatchesOversizedInitializers()
    {
        // 70 000 bytes of static initializer data exceed nanoFramework's 16-bit signature table.
        string bytes = string.Join(",", Enumerable.Range(0, 70_000).Select(i => (i % 251).ToString()));
        var violations = Scan("public static class T { public static readonly byte[] W = { " + bytes + " }; }");
        Assert.IsTrue(violations.Any(v => v.Rule == "size"), string.Join("\n", violations));
    }

    [TestMethod]
    public void ScannerCatchesTooManyFieldsInOneType()
    {
        string fields = string.Concat(Enumerable.Range(0, 256).Select(i => $"public int F{i}; "));
        var violations = Scan("public sealed class Wide { " + fields + "}");
        Assert.IsTrue(violations.Any(v => v.Rule == "table-limit"), string.Join("\n", violations));
    }

    [TestMethod]
    public void StaticArraysArePricedAsNanoClrAllocatesThem()
    {
        using var image = NanoBuild.Compile(Attributes + "public static class T { static readonly int[] A = new int[100]; static readonly byte[] B = new byte[7]; }");
        var report = NanoAssemblyScanner.Analyze(image, NanoScanOptions.DeviceCode);
        // 20-byte array header + elements, in 12-byte heap blocks: int[100] 420 B, byte[7] 36 B.
        Assert.AreEqual(420 + 36, report.StaticArrayBytes, string.Join("\n", report.StaticArrays));
    }

    [TestMethod]
    public void DeviceCodeMayNotReferenceUpstreamPackages()
    {
        string gpio = NanoBuild.ReferenceAssembly("System.Device.Gpio");
        string source = Attributes + "public static class R { public static object M() { return new System.Device.Gpio.GpioController(); } }";
        using (var image = NanoBuild.Compile(source, gpio))
            Assert.IsTrue(NanoAssemblyScanner.Scan(image).Any(v => v.Rule == "references"));
        using (var image = NanoBuild.Compile(source, gpio))
            Assert.IsFalse(NanoAssemblyScanner.Analyze(image, NanoScanOptions.BoardApp(new[] { gpio })).Violations.Any(v => v.Rule == "references"), "the board app may");
    }

    [TestMethod]
    public void PinValueWriteInTheTriggerPinIsCaught()
    {
        // What the board app's trigger pin used to do: GpioPin.Write(PinValue.High) on every edge.
        string gpio = NanoBuild.ReferenceAssembly("System.Device.Gpio");
        using var image = NanoBuild.Compile(Attributes + """
            public interface ITriggerPin { [Edge.Device.Runtime.HotPath] void High(); }
            public sealed class Pin : ITriggerPin
            {
                private readonly System.Device.Gpio.GpioPin _pin;
                public Pin(System.Device.Gpio.GpioPin pin) { _pin = pin; }
                public void High() { _pin.Write(System.Device.Gpio.PinValue.High); }
            }
            public sealed class TogglePin : ITriggerPin
            {
                private readonly System.Device.Gpio.GpioPin _pin;
                public TogglePin(System.Device.Gpio.GpioPin pin) { _pin = pin; }
                public void High() { _pin.Toggle(); }
            }
            """, gpio);
        var violations = NanoAssemblyScanner.Analyze(image, NanoScanOptions.BoardApp(new[] { gpio })).Violations;
        Assert.IsTrue(violations.Any(v => v.Rule == "struct-alloc" && v.Where.StartsWith("Pin.High", StringComparison.Ordinal) && v.Detail.Contains("get_High")), string.Join("\n", violations));
        Assert.IsTrue(violations.Any(v => v.Rule == "struct-alloc" && v.Detail.Contains("GpioPin.Write")), string.Join("\n", violations));
        Assert.IsFalse(violations.Any(v => v.Where.StartsWith("TogglePin", StringComparison.Ordinal)), string.Join("\n", violations));
    }

    private static IReadOnlyList<NanoViolation> Scan(string source)
    {
        using var image = NanoBuild.Compile(Attributes + "\n" + source);
        return NanoAssemblyScanner.Scan(image);
    }
}
