using Edge.Device.Drift;
using Edge.TestSupport;

namespace Edge.Device.Tests.Drift;

/// <summary>
/// The monitor end to end on synthetic streams: windows, bursts, capture, decay, allocation; with
/// the managed per-sample update here, and with the native one in <see cref="NativeDriftMonitorTests"/>.
/// </summary>
[TestClass]
public class DriftMonitorTests
{
    private const int Bins = 8;

    /// <summary>True to run the per-sample update natively (firmware/Edge.Native, built for this machine).</summary>
    protected virtual bool Native => false;

    /// <summary>Two numeric features with the same even reference over 8 bins of width 100.</summary>
    private DriftMonitor Monitor(int window = 100, int consecutive = 3)
    {
        var counts = Enumerable.Repeat(500, Bins).ToArray();
        var policy = TestProfiles.Policy(window, consecutive);
        return Create(TestProfiles.Of(policy,
            TestProfiles.Binned("a", TestProfiles.EvenEdges(Bins), counts, lowMean: 50, highMean: 50, sigma: 230),
            TestProfiles.Binned("b", TestProfiles.EvenEdges(Bins), (int[])counts.Clone(), lowMean: 50, highMean: 50, sigma: 230)));
    }

    private DriftMonitor Create(DriftProfile profile)
    {
        var monitor = new DriftMonitor(profile, profile.Policy.WindowSize, Native);
        Assert.AreEqual(Native ? "native" : "managed", monitor.Update.Name);
        return monitor;
    }

    /// <summary>A value spread evenly over the reference range -100..700 as i runs.</summary>
    private static int Normal(int i) => -100 + (i * 37) % 800;

    private static void Feed(DriftMonitor monitor, int count, Func<int, int> value, Func<int, bool>? anomalous = null)
    {
        var row = new int[2];
        for (int i = 0; i < count; i++)
        {
            row[0] = value(i);
            row[1] = value(i);
            monitor.Observe(row, 0, anomalous?.Invoke(i) ?? false);
        }
    }

    [TestMethod]
    public void ShiftedDataIsConfirmedAfterTheConsecutiveWindows()
    {
        var monitor = Monitor();
        Feed(monitor, 300, Normal);
        Assert.AreEqual(0, monitor.Policy.AlarmsRaised);
        Feed(monitor, 200, i => Normal(i) + 400);
        Assert.AreEqual(WindowVerdict.Drifting, monitor.Policy.LastVerdict);
        Assert.AreEqual(CaptureState.Armed, monitor.Capture.State);
        Feed(monitor, 100, i => Normal(i) + 400);
        Assert.AreEqual(WindowVerdict.Confirmed, monitor.Policy.LastVerdict);
        Assert.IsTrue(monitor.Policy.Alarm);
        Assert.AreEqual(CaptureState.Frozen, monitor.Capture.State);
        Assert.AreEqual(16, monitor.Capture.Count, "the ring holds the most recent drifted rows");
        var row = new int[2];
        monitor.Capture.CopyRow(15, row, 0, out _);
        Assert.AreEqual(Normal(99) + 400, row[0], "newest captured row is the last sample of the confirming window");
    }

    /// <summary>
    /// 80 values, 10 in each of the 8 reference bins (-95, -85, ... 695): a window of them has the
    /// reference histogram exactly. (A window of <see cref="Normal"/> values is not even enough:
    /// its first 100 values drift at these thresholds.)
    /// </summary>
    private static int Even(int i) => -95 + (i * 10) % 800;

    [TestMethod]
    public void AWindowThatNoLongerDriftsBeforeConfirmationDropsTheArmedCapture()
    {
        var monitor = Monitor(window: 80);
        Feed(monitor, 80, i => Even(i) + 400);
        Assert.AreEqual((WindowVerdict.Drifting, CaptureState.Armed), (monitor.Policy.LastVerdict, monitor.Capture.State), "premise: one drifting window arms");
        Feed(monitor, 80, Even);
        Assert.AreEqual((0, 0), (monitor.LastWindow.Wasserstein[0], monitor.LastWindow.Wasserstein[1]), "premise: the window has the reference histogram");
        Assert.AreEqual(WindowVerdict.Clean, monitor.Policy.LastVerdict);
        Assert.AreEqual((CaptureState.Idle, 0), (monitor.Capture.State, monitor.Capture.Count), "the rows recorded since arming are dropped");

        // The next drifting run arms again and freezes on its own rows.
        Feed(monitor, 240, i => Even(i) + 300);
        Assert.AreEqual((WindowVerdict.Confirmed, CaptureState.Frozen, 16), (monitor.Policy.LastVerdict, monitor.Capture.State, monitor.Capture.Count));
        var row = new int[2];
        monitor.Capture.CopyRow(0, row, 0, out _);
        Assert.AreEqual(Even(224) + 300, row[0], "oldest held row: 16 before the end of the confirming window");
    }

    [TestMethod]
    public void ABurstOfAnomalousSamplesIsNotDrift()
    {
        var monitor = Monitor();
        // Every window: 30 % of the samples are far outside (and flagged), the rest are normal.
        Feed(monitor, 600, i => i % 10 < 3 ? 5000 : Normal(i), i => i % 10 < 3);
        Assert.IsTrue(monitor.LastWindow.Drifting, "premise: the window as a whole drifts");
        Assert.IsTrue(monitor.BurstChecked);
        Assert.IsFalse(monitor.NormalOnly.Drifting, "its normal samples do not");
        Assert.AreEqual(WindowVerdict.AnomalyBurst, monitor.Policy.LastVerdict);
        Assert.AreEqual(0, monitor.Policy.AlarmsRaised);
    }

    [TestMethod]
    public void AllAnomalousWindowsCannotBeExplainedAsABurst()
    {
        var monitor = Monitor();
        Feed(monitor, 300, i => Normal(i) + 5000, _ => true);
        Assert.IsFalse(monitor.BurstChecked, "no normal samples to compare with");
        Assert.IsTrue(monitor.Policy.Alarm);
    }

    [TestMethod]
    public void DecayedHistogramFollowsTheRecentPast()
    {
        var monitor = Monitor();
        Feed(monitor, 2000, Normal);
        monitor.EvaluateContinuous();
        Assert.IsFalse(monitor.Continuous.Drifting);
        Assert.AreEqual(DriftReport.Saturated, monitor.Continuous.WassersteinBound[0], "no tail sums in the decayed histogram");
        Feed(monitor, 4000, i => Normal(i) + 400);
        monitor.EvaluateContinuous();
        Assert.IsTrue(monitor.Continuous.Drifting, "after several memory lengths the decayed histogram has moved");
        Assert.IsTrue(monitor.Continuous.Samples is > 800 and < 1300, $"it remembers about 32 * 2^5 samples, not {monitor.Continuous.Samples}");
    }

    [TestMethod]
    public void ObservingAllocatesNothing()
    {
        var monitor = Monitor(window: 50);
        var row = new int[2];
        Feed(monitor, 500, Normal); // warm up: JIT, statics
        Allocations.AssertNone(() =>
        {
            for (int i = 0; i < 100_000; i++)
            {
                row[0] = Normal(i) + (i / 5000 % 2) * 400;
                row[1] = row[0];
                monitor.Observe(row, 0, i % 7 == 0);
                if (i % 1000 == 0) monitor.EvaluateContinuous();
            }
        }, "100 000 samples, 2 000 window evaluations and burst checks");
        Assert.IsTrue(monitor.WindowsCompleted >= 2000);
    }

    [TestMethod]
    [DataRow(CombineMode.Data, true, false, true)]
    [DataRow(CombineMode.Data, false, true, false)]
    [DataRow(CombineMode.Prediction, true, false, false)]
    [DataRow(CombineMode.Prediction, false, true, true)]
    [DataRow(CombineMode.DataAndPrediction, true, false, false)]
    [DataRow(CombineMode.DataAndPrediction, true, true, true)]
    [DataRow(CombineMode.DataOrPrediction, false, true, true)]
    [DataRow(CombineMode.DataOrPrediction, false, false, false)]
    public void CombineModeJoinsDataAndPredictionDrift(byte mode, bool shiftFeature, bool shiftScore, bool expectDrifting)
    {
        var counts = Enumerable.Repeat(500, Bins).ToArray();
        var policy = TestProfiles.Policy(window: 800); // one full period of Normal(i): an even spread
        policy.CombineMode = mode;
        var score = TestProfiles.Binned("score", TestProfiles.EvenEdges(Bins), (int[])counts.Clone(), lowMean: 50, highMean: 50, sigma: 230);
        score.Kind = ColumnKind.PredictionScore;
        var monitor = Create(TestProfiles.Of(policy,
            TestProfiles.Binned("a", TestProfiles.EvenEdges(Bins), counts, lowMean: 50, highMean: 50, sigma: 230), score));
        var row = new int[2];
        for (int i = 0; i < 800; i++)
        {
            row[0] = Normal(i) + (shiftFeature ? 400 : 0);
            row[1] = Normal(i) + (shiftScore ? 400 : 0);
            monitor.Observe(row, 0, false);
        }
        Assert.AreEqual(shiftFeature, monitor.LastWindow.DataDrift);
        Assert.AreEqual(shiftScore, monitor.LastWindow.PredictionDrift);
        Assert.AreEqual(expectDrifting, monitor.LastWindow.Drifting);
    }

    [TestMethod]
    public void ObserveSaysWhichSampleEndsAWindowAndCountsEverySample()
    {
        var profile = TestProfiles.Of(TestProfiles.Policy(4), TestProfiles.Binned("a", TestProfiles.EvenEdges(Bins), Enumerable.Repeat(500, Bins).ToArray()));
        var monitor = Create(profile);
        Assert.AreSame(profile, monitor.Profile);
        var row = new int[1];
        var ends = Enumerable.Range(0, 9).Select(_ => monitor.Observe(row, 0, false)).ToArray();
        CollectionAssert.AreEqual(new[] { false, false, false, true, false, false, false, true, false }, ends);
        Assert.AreEqual((9L, 2, 1), (monitor.SamplesSeen, monitor.WindowsCompleted, monitor.SamplesInWindow));
    }

    [TestMethod]
    public void AWindowOf1To65535SamplesIsAccepted()
    {
        var profile = TestProfiles.Of(TestProfiles.Policy(), TestProfiles.Binned("a", TestProfiles.EvenEdges(Bins), Enumerable.Repeat(500, Bins).ToArray()));
        Assert.AreEqual(1, new DriftMonitor(profile, 1, Native).WindowSize);
        Assert.AreEqual(65535, new DriftMonitor(profile, 65535, Native).WindowSize);
        foreach (int bad in new[] { 0, 65536 })
        {
            var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new DriftMonitor(profile, bad, Native));
            Assert.AreEqual("windowSize", error.ParamName);
            StringAssert.Contains(error.Message, "window size must be 1..65535 samples");
        }
    }

    [TestMethod]
    public void MissingValuesAreReportedPerWindow()
    {
        var monitor = Monitor(window: 4);
        Feed(monitor, 4, i => i < 2 ? Edge.Device.Numerics.FixedPointInput.Missing : Normal(i));
        CollectionAssert.AreEqual(new[] { 2, 2 }, monitor.LastWindow.Missing);
        Feed(monitor, 4, Normal);
        CollectionAssert.AreEqual(new[] { 0, 0 }, monitor.LastWindow.Missing, "the next window starts from none");
        Assert.AreEqual(4, monitor.MissingValues);
    }

    [TestMethod]
    public void TheNormalOnlyReportHoldsEachWindowsNonAnomalousSamples()
    {
        var monitor = Monitor();
        Feed(monitor, 200, i => i % 10 < 3 ? 5000 : Normal(i), i => i % 10 < 3);
        Assert.IsTrue(monitor.BurstChecked);
        Assert.AreEqual((100, 30), (monitor.LastWindow.Samples, monitor.LastWindow.Anomalies));
        Assert.AreEqual(70, monitor.NormalOnly.Samples, "100 samples less the window's 30 anomalous ones, in the second window too");
    }

    [TestMethod]
    public void AcknowledgingClearsTheAlarmAndReleasesTheCapture()
    {
        var monitor = Monitor();
        Feed(monitor, 300, i => Normal(i) + 400);
        Assert.IsTrue(monitor.Policy.Alarm, "premise: three drifting windows confirm");
        Assert.AreEqual(CaptureState.Frozen, monitor.Capture.State);
        monitor.Acknowledge();
        Assert.IsFalse(monitor.Policy.Alarm);
        Assert.AreEqual((CaptureState.Idle, 0), (monitor.Capture.State, monitor.Capture.Count));
    }
}
