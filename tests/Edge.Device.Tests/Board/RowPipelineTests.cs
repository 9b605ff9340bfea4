using Edge.Device.Board;
using Edge.Device.Drift;
using Edge.Device.Numerics;
using Edge.Device.Tests.Drift;
using Edge.TestSupport;

namespace Edge.Device.Tests.Board;

/// <summary>
/// The board loop's row pipeline on its own: the model run on the row's input columns (hand-worked
/// outputs of <see cref="ClampModels"/>), the trigger pin and clock around each inference, the
/// anomaly rules at their thresholds, the drift row built from the row and the model's outputs
/// (read back exactly from the monitor's capture ring), window timing, and the layout checks.
/// </summary>
[TestClass]
public sealed class RowPipelineTests
{
    private const int NoWindowEnd = 1000;

    /// <summary>Column "a" numeric (edges 0..600, reference range -20..620), in Q4.</summary>
    private static ProfileColumn Numeric(string name = "a")
    {
        var col = TestProfiles.Binned(name, TestProfiles.EvenEdges(8), Enumerable.Repeat(500, 8).ToArray());
        col.Shift = 4;
        return col;
    }

    private static ProfileColumn Categories(string name, byte kind, params string[] categories)
    {
        var counts = new int[categories.Length];
        counts[0] = 4000 - 1000 * (categories.Length - 1);
        for (int i = 1; i < counts.Length; i++) counts[i] = 1000;
        var col = TestProfiles.Categorical(name, categories, counts);
        col.Kind = kind;
        return col;
    }

    private static DriftMonitor Monitor(int window, params ProfileColumn[] columns)
    {
        var monitor = new DriftMonitor(TestProfiles.Of(TestProfiles.Policy(window), columns), window, native: false);
        return monitor;
    }

    private static RowPipeline Pipeline(ScriptedInferenceTime? time = null)
    {
        time ??= new ScriptedInferenceTime(1000, 10);
        return new RowPipeline(time, time);
    }

    /// <summary>The drift rows the monitor saw, oldest first (its capture ring, armed from the start).</summary>
    private static (int[] Row, bool Anomalous)[] Seen(DriftMonitor monitor)
    {
        var rows = new (int[], bool)[monitor.Capture.Count];
        for (int i = 0; i < rows.Length; i++)
        {
            var row = new int[monitor.Profile.Columns.Length];
            monitor.Capture.CopyRow(i, row, 0, out bool anomalous);
            rows[i] = (row, anomalous);
        }
        return rows;
    }

    private static void Process(RowPipeline pipeline, float[][] rows, int offset)
    {
        foreach (var values in rows)
        {
            var buffer = new float[offset + values.Length];
            values.CopyTo(buffer, offset);
            var bits = buffer.Select(BitConverter.SingleToInt32Bits).ToArray();
            Assert.IsFalse(pipeline.Process(buffer, bits, offset), "no window ends");
        }
    }

    [TestMethod]
    public void TheModelRunsOnItsInputColumnsAndItsOutputsAreTheHandWorkedOnes()
    {
        var pipeline = Pipeline();
        pipeline.SetModel(ClampModels.Of(3));
        Assert.IsNull(pipeline.Configure(6, 2, AnomalyRule.None, 0f, []));
        // Offset 4 into the buffer; the model reads row columns 2..4.
        var buffer = new float[] { 9, 9, 9, 9, /* row: */ 50, 60, 4.4f, -2.6f, 3.5f, 70 };
        Assert.IsFalse(pipeline.Process(buffer, new int[buffer.Length], 4));
        CollectionAssert.AreEqual(new[] { 2f, -1.5f, 2f }, pipeline.Output, "round(4.4)/2, round(-2.6)/2, round(3.5)/2 (half away from zero)");
        CollectionAssert.AreEqual(new[] { ClampModels.Expected(4.4f), ClampModels.Expected(-2.6f), ClampModels.Expected(3.5f) }, pipeline.Output);
        Assert.AreEqual(1, pipeline.Samples);
        Assert.AreEqual(1, pipeline.Inferences);
        Assert.AreEqual(0, pipeline.Anomalies);
    }

    [TestMethod]
    public void EachInferenceRunsWithThePinHighAndIsTimedByTheClock()
    {
        var time = new ScriptedInferenceTime(5000, 10, 20, 40, 5, 7, 9);
        var pipeline = Pipeline(time);
        pipeline.SetModel(ClampModels.Of(1));
        var drift = Monitor(3, Numeric());
        pipeline.SetDrift(drift);
        Assert.IsNull(pipeline.Configure(1, 0, AnomalyRule.None, 0f, [0]));

        var row = new float[] { 3 };
        var ends = Enumerable.Range(0, 3).Select(_ => pipeline.Process(row, new int[1], 0)).ToArray();
        CollectionAssert.AreEqual(new[] { false, false, true }, ends, "the third row completes the window of 3");
        Assert.AreEqual(3, time.Pulses, "one pin pulse per inference");
        Assert.IsFalse(time.IsHigh);
        Assert.AreEqual((10 + 20 + 40) / 3, pipeline.LastWindowMeanMicros, "the window's mean (integer division)");
        Assert.AreEqual(40, pipeline.MaxInferenceMicros);
        Assert.AreEqual((0L, 0), (pipeline.WindowInferenceMicros, pipeline.WindowInferences), "the window's sums start over");
        Assert.AreEqual(1.5f, pipeline.Output[0], "the model ran");

        pipeline.Process(row, new int[1], 0);
        Assert.AreEqual((5L, 1), (pipeline.WindowInferenceMicros, pipeline.WindowInferences));
        pipeline.Process(row, new int[1], 0);
        Assert.IsTrue(pipeline.Process(row, new int[1], 0));
        Assert.AreEqual((5 + 7 + 9) / 3, pipeline.LastWindowMeanMicros, "the second window alone");
        Assert.AreEqual(40, pipeline.MaxInferenceMicros, "the longest so far");
        Assert.AreEqual(6, pipeline.Inferences);
        Assert.AreEqual(6, pipeline.Samples);
        Assert.AreEqual(2, drift.WindowsCompleted);
    }

    [TestMethod]
    public void TimedInvokeReturnsTheInferenceDurationAndCountsIt()
    {
        var time = new ScriptedInferenceTime(123_456, 250, 250, 100);
        var pipeline = Pipeline(time);
        pipeline.SetModel(ClampModels.Of(1));
        Assert.AreEqual(250, pipeline.TimedInvoke());
        Assert.AreEqual(250, pipeline.TimedInvoke());
        Assert.AreEqual(100, pipeline.TimedInvoke());
        Assert.AreEqual(123_456 + 600, time.Microseconds);
        Assert.AreEqual((3L, 3, 600L, 250), (pipeline.Inferences, pipeline.WindowInferences, pipeline.WindowInferenceMicros, pipeline.MaxInferenceMicros));
    }

    [TestMethod]
    public void AWindowWithoutAModelHasNoMeanInferenceTime()
    {
        var time = new ScriptedInferenceTime(0, 10);
        var pipeline = Pipeline(time);
        var drift = Monitor(2, Numeric());
        pipeline.SetDrift(drift);
        Assert.IsNull(pipeline.Configure(1, 0, AnomalyRule.None, 0f, [0]));
        Assert.IsFalse(pipeline.Process([1f], [0], 0));
        Assert.IsTrue(pipeline.Process([1f], [0], 0));
        Assert.AreEqual(0, pipeline.LastWindowMeanMicros);
        Assert.AreEqual((0L, 0), (pipeline.Inferences, time.Pulses));
        Assert.AreEqual(2, drift.SamplesSeen);
    }

    [TestMethod]
    [DataRow(AnomalyRule.OutputAtLeast, 1.6f, true, DisplayName = "at least 1.0: output 1.0 (round(1.6)/2) is anomalous")]
    [DataRow(AnomalyRule.OutputAtLeast, 3f, true, DisplayName = "at least 1.0: output 1.5 is anomalous")]
    [DataRow(AnomalyRule.OutputAtLeast, 1.4f, false, DisplayName = "at least 1.0: output 0.5 is not")]
    [DataRow(AnomalyRule.OutputBelow, 1.6f, false, DisplayName = "below 1.0: output 1.0 is not")]
    [DataRow(AnomalyRule.OutputBelow, 3f, false, DisplayName = "below 1.0: output 1.5 is not")]
    [DataRow(AnomalyRule.OutputBelow, 1.4f, true, DisplayName = "below 1.0: output 0.5 is anomalous")]
    [DataRow(AnomalyRule.None, 3f, false, DisplayName = "no rule: never anomalous")]
    [DataRow(AnomalyRule.None, -3f, false, DisplayName = "no rule: never anomalous (low output)")]
    public void TheOutputRulesFlagAtTheirThreshold(byte rule, float input, bool anomalous)
    {
        var pipeline = Pipeline();
        pipeline.SetModel(ClampModels.Of(1));
        Assert.IsNull(pipeline.Configure(1, 0, rule, 1.0f, []));
        Assert.IsFalse(pipeline.Process([input], [0], 0));
        Assert.AreEqual(anomalous ? 1 : 0, pipeline.Anomalies);
        Assert.IsFalse(pipeline.Process([input], [0], 0));
        Assert.AreEqual(anomalous ? 2 : 0, pipeline.Anomalies, "counted once per row");
    }

    [TestMethod]
    public void WithoutModelOrDriftARowIsOnlyCounted()
    {
        var pipeline = Pipeline();
        Assert.IsFalse(pipeline.Process([1f], [0], 0));
        Assert.AreEqual((1L, 0L, 0L), (pipeline.Samples, pipeline.Inferences, pipeline.Anomalies));
    }

    [TestMethod]
    public void TheDriftRowIsTheRowAndTheModelOutputsInTheProfilesFixedPoint()
    {
        // Columns: a numeric feature (Q4) from row column 5, the model's first output as a
        // prediction score (Q4), a categorical feature from column 0, the first output as a
        // category index, the predicted class (categories "2", "0", "1": class i is slot
        // [1, 2, 0][i]), and a categorical column whose categories are digits in another order
        // (not a predicted-class column: it must not decide the class slots).
        var score = Numeric("score");
        score.Kind = ColumnKind.PredictionScore;
        var drift = Monitor(NoWindowEnd,
            Numeric(),
            score,
            Categories("mode", ColumnKind.Categorical, "idle", "run", "stop"),
            Categories("label", ColumnKind.Categorical, "l0", "l1", "l2"),
            Categories("class", ColumnKind.PredictedClass, "2", "0", "1"),
            Categories("digits", ColumnKind.Categorical, "1", "0", "2"));
        drift.Capture.Arm();

        var pipeline = Pipeline();
        pipeline.SetModel(ClampModels.Of(3));
        pipeline.SetDrift(drift);
        Assert.IsNull(pipeline.Configure(6, 1, AnomalyRule.None, 0f, [5, -1, 0, -1, -2, 4]));
        Process(pipeline,
        [
            //         mode  model inputs           digits  a
            [1f, 4.4f, -2.6f, 3.5f, 1f, 1.25f],     // outputs 2, -1.5, 2: class 0 (the first of equal maxima)
            [float.NaN, -1f, 0.4f, 7.6f, float.NaN, -0.5f], // outputs -0.5, 0, 4: class 2
            [3f, 0.2f, 1.6f, 1.4f, 3f, 2.5f],       // outputs 0, 1, 0.5: class 1
            [2.9f, 2.2f, 0f, 0f, 0f, 0.03f],        // outputs 1, 0, 0: class 0
        ], offset: 3);

        const int M = FixedPointInput.Missing;
        var expected = new[]
        {
            //    a    score mode label class digits
            new[] { 20, 32,  1,   2,    1,    1 },  // 1.25·16; 2·16; run; 2; class 0 in slot 1; 1
            new[] { -8, -8,  M,   -1,   0,    M },  // -0.5·16; -0.5·16; NaN is missing; -0.5 is unseen; class 2 in slot 0
            new[] { 40, 0,   -1,  0,    2,    -1 }, // 2.5·16; 0; 3 is past the last category (unseen); 0; class 1 in slot 2; 3 unseen
            new[] { 0,  16,  2,   1,    1,    0 },  // 0.03·16 = 0.48 rounds to 0; 1·16; 2.9 is category 2; 1; class 0; 0
        };
        var seen = Seen(drift);
        Assert.HasCount(4, seen);
        for (int r = 0; r < expected.Length; r++)
        {
            CollectionAssert.AreEqual(expected[r], seen[r].Row, $"row {r}: {string.Join(", ", seen[r].Row)}");
            Assert.IsFalse(seen[r].Anomalous);
        }
    }

    [TestMethod]
    public void ASingleScoreIsClassOneFromOneHalf()
    {
        var drift = Monitor(NoWindowEnd, Numeric(), Categories("class", ColumnKind.PredictedClass, "1", "0"));
        drift.Capture.Arm();
        var pipeline = Pipeline();
        pipeline.SetModel(ClampModels.Of(1));
        pipeline.SetDrift(drift);
        Assert.IsNull(pipeline.Configure(1, 0, AnomalyRule.None, 0f, [0, -2]));
        Process(pipeline, [[1f], [0.4f], [-2f], [5f]], offset: 0);
        // Outputs 0.5, 0, -1, 2.5: classes 1, 0, 0, 1; class 1 is slot 0, class 0 slot 1.
        CollectionAssert.AreEqual(new[] { 0, 1, 1, 0 }, Seen(drift).Select(s => s.Row[1]).ToArray());
        CollectionAssert.AreEqual(new[] { 16, 6, -32, 80 }, Seen(drift).Select(s => s.Row[0]).ToArray(), "the row values in Q4 (0.4·16 = 6.4 -> 6)");
    }

    [TestMethod]
    public void AClassTheProfileDoesNotNameIsUnseen()
    {
        // Three outputs, but the profile knows only classes 0 and 1.
        var drift = Monitor(NoWindowEnd, Numeric(), Categories("class", ColumnKind.PredictedClass, "0", "1"));
        drift.Capture.Arm();
        var pipeline = Pipeline();
        pipeline.SetModel(ClampModels.Of(3));
        pipeline.SetDrift(drift);
        Assert.IsNull(pipeline.Configure(3, 0, AnomalyRule.None, 0f, [0, -2]));
        Process(pipeline, [[0f, 0f, 4f], [0f, 4f, 0f], [4f, 0f, 0f]], offset: 0);
        CollectionAssert.AreEqual(new[] { -1, 1, 0 }, Seen(drift).Select(s => s.Row[1]).ToArray());
    }

    [TestMethod]
    public void AClassTheModelDoesNotHaveIsIgnoredInTheProfile()
    {
        // Two outputs, a profile that also names class "2": that category can never be predicted.
        var drift = Monitor(NoWindowEnd, Numeric(), Categories("class", ColumnKind.PredictedClass, "2", "1", "0"));
        drift.Capture.Arm();
        var pipeline = Pipeline();
        pipeline.SetModel(ClampModels.Of(2));
        pipeline.SetDrift(drift);
        Assert.IsNull(pipeline.Configure(2, 0, AnomalyRule.None, 0f, [0, -2]));
        Process(pipeline, [[0f, 4f], [4f, 0f]], offset: 0);
        CollectionAssert.AreEqual(new[] { 1, 2 }, Seen(drift).Select(s => s.Row[1]).ToArray(), "class 1 is slot 1, class 0 slot 2");
    }

    [TestMethod]
    public void TheOutOfProfileRuleFlagsRowsOutsideTheReferenceRangeAndOnlyUnderThatRule()
    {
        foreach (byte rule in new[] { AnomalyRule.OutOfProfile, AnomalyRule.None })
        {
            var drift = Monitor(NoWindowEnd, Numeric());
            drift.Capture.Arm();
            var pipeline = Pipeline();
            pipeline.SetDrift(drift);
            Assert.IsNull(pipeline.Configure(1, 0, rule, 0f, [0]));
            // Reference range -20..620 in Q4: -1.25..38.75.
            Process(pipeline, [[1f], [38.75f], [38.8f], [-1.3f], [-1.25f]], offset: 0);
            bool[] expected = rule == AnomalyRule.OutOfProfile ? [false, false, true, true, false] : [false, false, false, false, false];
            CollectionAssert.AreEqual(expected, Seen(drift).Select(s => s.Anomalous).ToArray(), $"rule {rule}");
            Assert.AreEqual(expected.Count(a => a), pipeline.Anomalies);
        }
    }

    [TestMethod]
    public void TheOutputRuleFlagsTheDriftRowsToo()
    {
        var drift = Monitor(NoWindowEnd, Numeric());
        drift.Capture.Arm();
        var pipeline = Pipeline();
        pipeline.SetModel(ClampModels.Of(1));
        pipeline.SetDrift(drift);
        Assert.IsNull(pipeline.Configure(1, 0, AnomalyRule.OutputAtLeast, 1f, [0]));
        Process(pipeline, [[1f], [2f], [0f], [7f]], offset: 0);
        CollectionAssert.AreEqual(new[] { false, true, false, true }, Seen(drift).Select(s => s.Anomalous).ToArray());
        Assert.AreEqual(2, pipeline.Anomalies);
    }

    [TestMethod]
    public void ADriftProfileWithoutALayoutSeesNoRows()
    {
        var drift = Monitor(NoWindowEnd, Numeric());
        var pipeline = Pipeline();
        pipeline.SetModel(ClampModels.Of(1));
        pipeline.SetDrift(drift);
        Assert.IsNull(pipeline.Configure(1, 0, AnomalyRule.OutputAtLeast, 0f, [0]));
        pipeline.Process([1f], [0], 0);
        Assert.AreEqual(1, drift.SamplesSeen);

        // A new model clears the layout (the host configures rows again); so does a new profile.
        pipeline.SetModel(ClampModels.Of(1));
        Assert.IsFalse(pipeline.Process([1f], [0], 0));
        Assert.AreEqual(1, drift.SamplesSeen, "no layout since the new model");
        Assert.AreEqual(2, pipeline.Anomalies, "the output rule still flags without drift");
        Assert.IsNull(pipeline.Configure(1, 0, AnomalyRule.None, 0f, [0]));
        pipeline.Process([1f], [0], 0);
        Assert.AreEqual(2, drift.SamplesSeen);
        var other = Monitor(NoWindowEnd, Numeric());
        pipeline.SetDrift(other);
        pipeline.Process([1f], [0], 0);
        Assert.AreEqual((2L, 0L), (drift.SamplesSeen, other.SamplesSeen), "no layout since the new profile");
    }

    [TestMethod]
    public void ANewModelResetsTheLayoutToItsInputAlone()
    {
        var pipeline = Pipeline();
        pipeline.SetModel(ClampModels.Of(1));
        Assert.IsNull(pipeline.Configure(8, 3, AnomalyRule.OutputBelow, 0.25f, []));
        Assert.AreEqual((8, 3), (pipeline.RowWidth, pipeline.ModelInputStart));
        pipeline.SetModel(ClampModels.Of(3));
        Assert.AreEqual((3, 0, 3), (pipeline.RowWidth, pipeline.ModelInputStart, pipeline.Output.Length));
        Assert.AreEqual((AnomalyRule.OutputBelow, 0.25f), (pipeline.Rule, pipeline.Threshold), "an output rule is kept");
        pipeline.SetModel(null!);
        Assert.IsNull(pipeline.Interpreter);
        Assert.AreEqual((0, 0, 0), (pipeline.RowWidth, pipeline.ModelInputStart, pipeline.Output.Length));
    }

    [TestMethod]
    public void ANewProfileDropsTheOutOfProfileRuleOnly()
    {
        var pipeline = Pipeline();
        pipeline.SetDrift(Monitor(NoWindowEnd, Numeric()));
        Assert.IsNull(pipeline.Configure(1, 0, AnomalyRule.OutOfProfile, 0f, [0]));
        pipeline.SetDrift(Monitor(NoWindowEnd, Numeric()));
        Assert.AreEqual(AnomalyRule.None, pipeline.Rule, "the rule needs the profile's layout");

        pipeline.SetModel(ClampModels.Of(1));
        Assert.IsNull(pipeline.Configure(1, 0, AnomalyRule.OutputAtLeast, 0f, [0]));
        pipeline.SetDrift(Monitor(NoWindowEnd, Numeric()));
        Assert.AreEqual(AnomalyRule.OutputAtLeast, pipeline.Rule);
    }

    [TestMethod]
    public void AnAcceptedLayoutIsTaken()
    {
        var pipeline = Pipeline();
        pipeline.SetModel(ClampModels.Of(3));
        Assert.IsNull(pipeline.Configure(5, 2, AnomalyRule.OutputAtLeast, 0.75f, []), "the input ends at the row's end");
        Assert.AreEqual((5, 2, AnomalyRule.OutputAtLeast, 0.75f), (pipeline.RowWidth, pipeline.ModelInputStart, pipeline.Rule, pipeline.Threshold));
        Assert.IsNull(pipeline.Configure(3, 0, AnomalyRule.OutputBelow, 0f, []), "the input is the whole row");
    }

    [TestMethod]
    [DataRow(4, 2, DisplayName = "width 4, input at 2: ends at 5")]
    [DataRow(10, -1, DisplayName = "input before the row")]
    [DataRow(2, 0, DisplayName = "row narrower than the input")]
    public void AModelInputOutsideTheRowIsRefused(int width, int start)
    {
        var pipeline = Pipeline();
        pipeline.SetModel(ClampModels.Of(3));
        Assert.AreEqual("the model input does not fit in the row", pipeline.Configure(width, start, AnomalyRule.None, 0f, []));
        Assert.AreEqual((3, 0), (pipeline.RowWidth, pipeline.ModelInputStart), "the old layout stays");
    }

    [TestMethod]
    public void RulesAreCheckedAgainstWhatIsLoaded()
    {
        var pipeline = Pipeline();
        Assert.AreEqual("unknown anomaly rule", pipeline.Configure(1, 0, 4, 0f, []));
        Assert.AreEqual("the anomaly rule needs a model", pipeline.Configure(1, 0, AnomalyRule.OutputAtLeast, 0f, []));
        Assert.AreEqual("the anomaly rule needs a model", pipeline.Configure(1, 0, AnomalyRule.OutputBelow, 0f, []));
        Assert.AreEqual("the out-of-profile rule needs a drift profile", pipeline.Configure(1, 0, AnomalyRule.OutOfProfile, 0f, []));
        Assert.IsNull(pipeline.Configure(7, 0, AnomalyRule.None, 0f, []), "no model: any width");
        Assert.AreEqual(7, pipeline.RowWidth);
    }

    [TestMethod]
    public void DriftSourcesAreCheckedColumnByColumn()
    {
        var pipeline = Pipeline();
        pipeline.SetDrift(Monitor(NoWindowEnd, Numeric("a"), Numeric("b")));
        Assert.AreEqual("the layout names 1 drift columns, the profile has 2", pipeline.Configure(4, 0, AnomalyRule.None, 0f, [0]));
        Assert.AreEqual("the layout names 0 drift columns, the profile has 2", pipeline.Configure(4, 0, AnomalyRule.None, 0f, []));
        Assert.AreEqual("drift column 1 maps outside the row", pipeline.Configure(4, 0, AnomalyRule.None, 0f, [3, 4]));
        Assert.AreEqual("drift column 0 maps outside the row", pipeline.Configure(4, 0, AnomalyRule.None, 0f, [-3, 0]));
        Assert.AreEqual("drift column 1 maps to a model output, and no model is loaded", pipeline.Configure(4, 0, AnomalyRule.None, 0f, [0, -1]));
        Assert.AreEqual("drift column 0 maps to a model output, and no model is loaded", pipeline.Configure(4, 0, AnomalyRule.None, 0f, [-2, 1]));
        Assert.IsNull(pipeline.Configure(4, 0, AnomalyRule.OutOfProfile, 0f, [0, 3]), "first and last column of the row");

        pipeline.SetModel(ClampModels.Of(1));
        pipeline.SetDrift(Monitor(NoWindowEnd, Numeric("a"), Numeric("b")));
        Assert.IsNull(pipeline.Configure(4, 0, AnomalyRule.None, 0f, [-1, -2]), "model outputs, with a model");
        Assert.AreEqual("drift column 1 maps outside the row", pipeline.Configure(4, 0, AnomalyRule.None, 0f, [-2, -3]));
    }

    [TestMethod]
    public void ARowAllocatesNothing()
    {
        var drift = Monitor(4, Numeric(), Categories("class", ColumnKind.PredictedClass, "0", "1", "2"));
        var pipeline = Pipeline();
        pipeline.SetModel(ClampModels.Of(3));
        pipeline.SetDrift(drift);
        Assert.IsNull(pipeline.Configure(3, 0, AnomalyRule.OutOfProfile, 0f, [0, -2]));
        var row = new float[] { 1f, 2f, 3f };
        var bits = new int[3];
        Allocations.AssertNone(() =>
        {
            for (int i = 0; i < 100; i++) pipeline.Process(row, bits, 0);
        }, "100 rows through the model, the out-of-profile rule and the drift monitor");
    }
}
