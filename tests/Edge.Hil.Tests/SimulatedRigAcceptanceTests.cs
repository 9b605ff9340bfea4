using Edge.Targets.Costs;
using Edge.Board.Simulation;
using Edge.Data;
using Edge.Device.Model;
using Edge.Hil.Inputs;
using Edge.Hil.Plan;
using Edge.Hil.Results;
using Edge.Hil.Rigs;
using Edge.Hil.Run;
using Edge.Hil.Tests.Support;
using Edge.Models.Import;
using Edge.Models.Verification;
using Edge.Power.Energy;
using Edge.TestSupport;

namespace Edge.Hil.Tests;

/// <summary>
/// The acceptance run: hil-rigs/sim.yaml, the four motor-flux models on its two simulated boards,
/// checked against what does not come from the harness: the boards' cost model (energy and
/// latency), ONNX Runtime and the device engine run directly (accuracy), the budgets (fit), and
/// the Parquet files read back.
/// </summary>
[TestClass]
public sealed class SimulatedRigAcceptanceTests
{
    private static RunSummary s_summary = null!;
    private static string s_out = null!;

    [ClassInitialize]
    public static async Task RunTheMatrix(TestContext context)
    {
        var rig = RigLoader.Load(Fixtures.SimRig);
        s_out = RepoPaths.TempDirectory("hil-acceptance");
        s_summary = await HilRunner.RunAsync(new HilRunOptions
        {
            Rig = rig,
            Models = [Path.GetDirectoryName(Fixtures.Onnx("flux_mlp"))!],
            Data = Fixtures.TestData,
            Calibration = Fixtures.TrainData,
            OutputDirectory = s_out,
            Plan = Fixtures.QuickPlan(rig),
        }, NoProgress.Instance, CancellationToken.None);
    }

    [TestMethod]
    public void EveryCellOfTheMatrixHasAResult()
    {
        Assert.AreEqual(8, s_summary.Results.Count);
        CollectionAssert.AreEquivalent(
            Fixtures.ModelNames.SelectMany(m => new[] { $"{m}@f746zg-sim@current", $"{m}@f401re-sim@current" }).ToList(),
            s_summary.Results.Select(r => r.Cell).ToList());
        Assert.AreEqual(0, s_summary.Failed, string.Join("\n", s_summary.Results.Select(r => $"{r.Cell}: {r.Status} {r.Reason}")));
    }

    [TestMethod]
    public void TheIsolationForestDoesNotFitEitherBoardAndNothingElseMisfits()
    {
        // Independent of the harness: 80 KB of trees alone exceed either board's whole managed heap.
        var model = ModelReader.Read(File.ReadAllBytes(Path.Combine(s_out, "models", "flux_iforest.edgem")));
        Assert.IsGreaterThan(Edge.Targets.Boards.BoardTarget.NucleoF746zg.ManagedHeapBytes, model.ResidentBytes, "the premise: 80 KB of trees exceed the heap");
        var misfits = s_summary.Results.Where(r => r.Status == CellStatus.DoesNotFit).OrderBy(r => r.Cell, StringComparer.Ordinal).ToList();
        CollectionAssert.AreEqual(new[] { "flux_iforest@f401re-sim@current", "flux_iforest@f746zg-sim@current" }, misfits.Select(r => r.Cell).ToArray(),
            string.Join("\n", misfits.Select(m => $"{m.Cell}: {m.Reason}")));
        // Neither board's staging area takes the file, and neither heap the model.
        StringAssert.Contains(misfits[0].Reason, "stages uploads of at most 6144 bytes");
        StringAssert.Contains(misfits[0].Reason, "does not fit nucleo-f401re");
        StringAssert.Contains(misfits[1].Reason, "stages uploads of at most 8192 bytes");
        StringAssert.Contains(misfits[1].Reason, "does not fit nucleo-f746zg");
        StringAssert.Contains(misfits[1].Reason, "B short");
        foreach (var misfit in misfits) Assert.IsNull(misfit.EnergyUj);
        Assert.AreEqual(6, s_summary.Ok);
    }

    [TestMethod]
    public void EnergyPerInferenceMatchesTheCostModelWithinTwoPercent()
    {
        foreach (var row in s_summary.Results.Where(r => r.Status == CellStatus.Ok))
        {
            var profile = BoardProfile.Find(row.Board.Replace("-sim", "") switch { "f746zg" => "nucleo-f746zg", var b => "nucleo-" + b });
            var model = ModelReader.Read(File.ReadAllBytes(Path.Combine(s_out, "models", row.Model + ".edgem")));
            double expected = profile.InferenceMicrojoules(ModelWork.Of(model)); // V x I_active x t(model work), at the rig's 3.3 V
            double error = Math.Abs(row.EnergyUj!.Value / expected - 1);
            Console.WriteLine($"{row.Cell}: {row.EnergyUj:0.###} uJ measured, {expected:0.###} uJ cost model, {error:P3} apart, spread {row.EnergyUjSd:0.###} uJ");
            Assert.IsTrue(error < 0.02, $"{row.Cell}: {row.EnergyUj} uJ vs {expected} uJ");
            Assert.AreEqual(4, row.Inferences);
            Assert.AreEqual(profile.InferenceMicros(ModelWork.Of(model)), row.LatencyUs!.Value, profile.InferenceMicros(ModelWork.Of(model)) * 0.01, row.Cell);
            Assert.IsTrue(row.TraceSamples > 0 && row.CorruptBytes == 0);
        }
    }

    [TestMethod]
    public async Task EveryInferenceWindowHoldsTheSamePulseToTheSample()
    {
        // The simulated board's clock counts only modelled time while it works (SimulatedClock), so
        // the measured command's inferences lie back to back on its timeline, each exactly the cost
        // model's duration (the pin rounds to whole microseconds), whatever the host's scheduling.
        // The monitor reports each 10 us sample's mean current: so every sample from the run's
        // first whole sample to two past its end is known in closed form, idle + (active - idle) x
        // the part of the sample inside the windows. A sample dropped or doubled anywhere in the run
        // moves its fall by a whole sample: the samples there then differ by at least half of
        // (active - idle) (25 mA on the F746ZG, 7.5 mA on the F401RE), against a tolerance of
        // 1/256 of the current (one step of the monitor's 12-bit mantissa at its coarsest).
        // The sample holding the run's rise is left out: the warm-up command's last pulse ended
        // there only host time before (real time while the board waited for the next request).
        foreach (var row in s_summary.Results.Where(r => r.Status == CellStatus.Ok))
        {
            var profile = row.Board.StartsWith("f746", StringComparison.Ordinal) ? BoardProfile.NucleoF746zg : BoardProfile.NucleoF401re;
            var model = ModelReader.Read(File.ReadAllBytes(Path.Combine(s_out, "models", row.Model + ".edgem")));
            double modelled = profile.InferenceMicros(ModelWork.Of(model));
            var stored = await TraceFile.ReadAsync(Path.Combine(s_out, row.TraceFile!));
            var trace = stored.Trace;
            var windows = stored.Measured;
            double rate = trace.SampleRateHertz, dt = 1 / rate, idle = trace.Amperes[0];
            Assert.HasCount(4, windows);
            for (int i = 0; i < windows.Count; i++)
            {
                Assert.AreEqual(Math.Round(modelled), windows[i].Seconds * 1e6, 1e-3, $"{row.Cell}: window {i} against the cost model's {modelled:0.##} us");
                if (i > 0) Assert.AreEqual(windows[i - 1].End, windows[i].Start, 1e-9, $"{row.Cell}: window {i} follows the one before");
            }
            double runStart = windows[0].Start, runEnd = windows[^1].End;
            double active = trace.Amperes[(int)((runStart + runEnd) / 2 * rate)];
            Assert.AreEqual(profile.ActiveMilliamps, active * 1000, profile.ActiveMilliamps * 0.005, $"{row.Cell}: the active level");
            int from = (int)Math.Floor(runStart * rate) + 1, to = (int)Math.Ceiling(runEnd * rate) + 2;
            Assert.IsLessThanOrEqualTo(trace.Count, to, $"{row.Cell}: the trace covers the run and two samples after it");
            double excess = 0;
            for (int k = from; k < to; k++)
            {
                double inside = Math.Max(0, Math.Min(runEnd, (k + 1) * dt) - Math.Max(runStart, k * dt)) / dt;
                double expected = (profile.IdleMilliamps + (profile.ActiveMilliamps - profile.IdleMilliamps) * inside) / 1000;
                Assert.AreEqual(expected * 1000, trace.Amperes[k] * 1000, expected * 1000 / 256,
                    $"{row.Cell}: sample {k} ({k * dt * 1e6:0.#} us; the run lies in {runStart * 1e6:0.##}-{runEnd * 1e6:0.##} us)");
                excess += trace.Amperes[k] - idle;
            }
            // The same, as the run's length: the charge above idle over (active - idle), to a tenth of a sample.
            double measured = excess / (active - idle) * dt * 1e6, expectedLength = (runEnd - from * dt) * 1e6;
            Assert.AreEqual(expectedLength, measured, 0.1 * dt * 1e6, $"{row.Cell}: the run after its first sample");
        }
    }

    [TestMethod]
    public async Task TheStoredTraceIntegratesToTheReportedEnergyAndShowsTheIdleCurrent()
    {
        foreach (var row in s_summary.Results.Where(r => r.Status == CellStatus.Ok))
        {
            var stored = await TraceFile.ReadAsync(Path.Combine(s_out, row.TraceFile!));
            Assert.AreEqual(row.TraceSamples, stored.Trace.Count);
            Assert.AreEqual(4, stored.Measured.Count);
            double mean = stored.Measured.Average(w => EnergyIntegrator.Joules(stored.Trace, w)) * 1e6;
            Assert.AreEqual(row.EnergyUj!.Value, mean, 1e-9 * mean, row.Cell);
            // Before the first inference the board idles: the monitor's first sample is the idle current (12-bit mantissa: within 0.5 %).
            var profile = row.Board.StartsWith("f746") ? BoardProfile.NucleoF746zg : BoardProfile.NucleoF401re;
            Assert.AreEqual(profile.IdleMilliamps, stored.Trace.Amperes[0] * 1000, profile.IdleMilliamps * 0.005, row.Cell);
        }
    }

    [TestMethod]
    public void BoardOutputsAreComparedWithOnnxRuntimeOnTheSameRows()
    {
        foreach (var row in s_summary.Results.Where(r => r.Status == CellStatus.Ok))
        {
            // What the board should have answered: the device engine run here on the same rows, against ONNX Runtime.
            var model = ModelReader.Read(File.ReadAllBytes(Path.Combine(s_out, "models", row.Model + ".edgem")));
            var table = TableReader.Read(RepoPaths.MotorFlux(row.DataFile!));
            var all = InputMapping.Rows(table, InputMapping.Expand(model.Metadata("input.columns")!));
            var rows = ModelPreparer.Spread(table.RowCount, 200).Select(i => all[i]).ToArray();
            var graph = OnnxImporter.Import(Fixtures.Onnx(row.Model));
            using var ort = new OnnxRuntimeModel(Fixtures.Onnx(row.Model), graph.Inputs[0].OnnxName, graph.Inputs[0].OnnxShape, [graph.Outputs[0].OnnxName]);
            var expected = AgreementMetrics.Compute(ort.Run(rows)[0], new DeviceEngine(model).RunAll(rows));
            Assert.AreEqual(200, row.AccuracyRows);
            Assert.AreEqual(expected.MaxAbsError, row.MaxAbsError!.Value, 1e-12, row.Cell);
            Assert.AreEqual(expected.Rmse, row.Rmse!.Value, 1e-12, row.Cell);
            Assert.AreEqual(expected.Cosine, row.Cosine!.Value, 1e-12, row.Cell);
            Assert.IsTrue(row.Cosine > 0.99, $"{row.Cell}: cosine {row.Cosine}");
            if (row.Task == "score") Assert.IsNotNull(row.DecisionAgreement);
            if (row.Model != "flux_iforest") Assert.IsNotNull(row.AucBoard, row.Cell); // labels present: task metrics for both engines
        }
    }

    [TestMethod]
    public async Task ResultsReadBackFromParquetAndJson()
    {
        var table = TableReader.Read(Path.Combine(s_out, "results.parquet"));
        Assert.AreEqual(8, table.RowCount);
        var cells = table.Texts("cell");
        var energy = table.Column("energy_uj");
        foreach (var row in s_summary.Results)
        {
            int i = Array.IndexOf(cells, row.Cell);
            Assert.IsTrue(i >= 0, row.Cell);
            Assert.AreEqual(row.Status, table.Texts("status")[i]);
            if (row.EnergyUj is { } uj) Assert.AreEqual(uj, double.Parse(energy.Texts[i], System.Globalization.CultureInfo.InvariantCulture), 1e-9 * uj);
            Assert.AreEqual(row.ModelId ?? "", table.Texts("model_id")[i]);
        }
        var json = ResultJson.Deserialize<List<CellResult>>(await File.ReadAllBytesAsync(Path.Combine(s_out, "results.json")))!;
        Assert.AreEqual(8, json.Count);
        Assert.IsTrue(json.All(r => r.OnnxSha256 is { Length: 64 }));
    }
}
