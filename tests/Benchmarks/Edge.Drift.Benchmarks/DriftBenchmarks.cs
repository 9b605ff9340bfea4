using BenchmarkDotNet.Attributes;
using Edge.Data;
using Edge.Device.Drift;
using Edge.Drift.Profiles;
using Edge.Drift.Replay;
using Edge.TestSupport;

namespace Edge.Drift.Benchmarks;

/// <summary>
/// The board's drift code on the motor-flux profile (64 numeric features + 1 categorical, 16 bins),
/// side by side with a straightforward double-precision computation that keeps the raw window.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 12)]
public class DriftBenchmarks
{
    public const int Rows = 2000;
    public const int Window = 200;

    private DriftProfile _profile = null!;
    private int[][] _rows = null!;
    private DriftMonitor _monitor = null!;
    private WindowSketch _sketch = null!;
    private ColumnEvaluator _evaluator = null!;
    private DriftReport _report = null!;
    private DoubleWindowJudge _double = null!;
    private double[][] _rawWindow = null!;

    [GlobalSetup]
    public void Setup()
    {
        var train = TableReader.Read(RepoPaths.MotorFlux("train_164V.features.csv"));
        _profile = ProfileBuilder.Build(train, new ProfileOptions { Columns = ["f[0-9]*"], Categorical = ["load"], WindowSize = Window });
        var test = TableReader.Read(RepoPaths.MotorFlux("test_164V.features.csv"));
        _rows = RowEncoder.Encode(_profile, test);
        _monitor = new DriftMonitor(_profile, 65535);
        _sketch = new WindowSketch(_profile);
        foreach (var row in _rows.Take(Window))
            for (int c = 0; c < _profile.Columns.Length; c++)
                _sketch.Add(_profile.Columns[c], c, SlotIndex.Of(_profile.Columns[c], row[c]), row[c]);
        _sketch.Samples = Window;
        _evaluator = new ColumnEvaluator(_profile);
        _report = new DriftReport(_profile.Columns.Length);
        var features = Enumerable.Range(0, 64).Select(i => "f" + i).ToArray();
        _double = new DoubleWindowJudge(train, features, 16);
        _rawWindow = features.Select(f => test.Numbers(f).Take(Window).ToArray()).ToArray();
    }

    /// <summary>Per-sample update of one feature: bin search, window, decayed and tail counters (no window ever closes here).</summary>
    [Benchmark(OperationsPerInvoke = Rows * 65)]
    public void UpdatePerSamplePerFeature()
    {
        var monitor = _monitor;
        var rows = _rows;
        for (int r = 0; r < rows.Length; r++) monitor.Observe(rows[r], 0, false);
        if (monitor.SamplesInWindow > 60000) monitor = _monitor = new DriftMonitor(_profile, 65535);
    }

    /// <summary>One full window evaluation on the board's code: all metrics for 64 features and the category, plus decisions.</summary>
    [Benchmark]
    public DriftReport EvaluateWindow64Features()
    {
        _evaluator.EvaluateWindow(_sketch, 0, _report);
        return _report;
    }

    /// <summary>The same window judged in double precision from the raw window (binning, the binned metrics, exact Wasserstein on raw values).</summary>
    [Benchmark(Baseline = false)]
    public double EvaluateWindow64FeaturesDoubleRaw() => _double.Judge(_rawWindow);
}
