using Edge.Conformance;
using Edge.TestSupport;

namespace Edge.Device.Tests.Conformance;

/// <summary>
/// The device code computes the same bits on nanoCLR as on .NET: models over every test row,
/// the drift monitor's metrics over windows, fixed-point math and link frames. The .NET side runs
/// here always; the nanoCLR side when a runner is installed (EDGE_NANOCLR), and otherwise the
/// test says plainly that it was not run.
/// </summary>
[TestClass]
public sealed class ConformanceTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void DeviceCodeGivesTheSameBitsOnNanoClrAsOnDotNet()
    {
        string? runner = NanoClrRunner.Runner;
        // Without a nanoCLR the .NET side runs on a few rows per model, to keep the runner itself honest.
        var cases = ConformanceCases.All(rowsPerModel: runner is null ? 20 : null).ToList();
        int compared = 0, lines = 0;
        foreach (var (name, blob) in cases)
        {
            Assert.IsLessThanOrEqualTo(ConformanceCases.MaxBlobBytes + 8 * 1024, blob.Length, name);
            var expected = new ListOutput();
            ConformanceRunner.Run(blob, expected);
            Assert.IsGreaterThan(1, expected.Lines.Count, $"{name}: the .NET run printed nothing");
            lines += expected.Lines.Count;
            if (runner is null) continue;
            var actual = NanoClrRunner.Run(blob, RepoPaths.TempDirectory("conformance-run"));
            int mismatch = Enumerable.Range(0, Math.Min(actual.Count, expected.Lines.Count)).FirstOrDefault(i => actual[i] != expected.Lines[i], -1);
            Assert.AreEqual(-1, mismatch, $"{name}: first difference at line {mismatch}:\n  .NET:    {(mismatch >= 0 ? expected.Lines[mismatch] : "")}\n  nanoCLR: {(mismatch >= 0 ? actual[mismatch] : "")}");
            Assert.AreEqual(expected.Lines.Count, actual.Count, $"{name}: nanoCLR printed {actual.Count} lines, .NET {expected.Lines.Count}");
            compared += actual.Count;
        }
        TestContext.WriteLine(runner is null
            ? $"Conformance on nanoCLR was NOT run: no nanoCLR is installed (set EDGE_NANOCLR to a runner; see firmware/README.md). The .NET side ran {cases.Count} cases ({lines} lines)."
            : $"Conformance on nanoCLR ({runner}): {cases.Count} runs, {compared} lines identical to .NET; not embeddable in one assembly: {string.Join(", ", ConformanceCases.TooLargeToEmbed)}.");
        Console.WriteLine(TestContext.ToString());
    }

    private sealed class ListOutput : IConformanceOutput
    {
        public List<string> Lines { get; } = new();

        public void Line(string text) => Lines.Add(text);
    }
}
