using Edge.Common.Text;

namespace Edge.Common.Tests;

/// <summary>
/// The one duration syntax of edge: every spelling below means what a person reading it means,
/// and everything else is refused (HelpTests and CommandLineGrammarTests check that every option,
/// rig key and bridge key that takes a duration goes through this parser).
/// </summary>
[TestClass]
public sealed class DurationTests
{
    [TestMethod]
    [DataRow("100us", 1_000L)]
    [DataRow("500ms", 5_000_000L)]
    [DataRow("1.5ms", 15_000L)]
    [DataRow("2s", 20_000_000L)]
    [DataRow("0.1s", 1_000_000L)]
    [DataRow("90s", 900_000_000L)]
    [DataRow("5m", 3_000_000_000L)]
    [DataRow("10M", 6_000_000_000L)]
    [DataRow(" 1h ", 36_000_000_000L)]
    [DataRow("0s", 0L)]
    public void ReadsANumberAndAUnit(string text, long ticks)
    {
        Assert.IsTrue(Duration.TryParse(text, out var duration), text);
        Assert.AreEqual(ticks, duration.Ticks, text);
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("2")]
    [DataRow("-1s")]
    [DataRow("+1s")]
    [DataRow("s")]
    [DataRow(".s")]
    [DataRow("1.s")]
    [DataRow("1e3s")]
    [DataRow("1,5s")]
    [DataRow("2 s")]
    [DataRow("5min")]
    [DataRow("1d")]
    [DataRow("NaNs")]
    [DataRow("inf")]
    [DataRow("99999999999999999999h")]
    public void RefusesEverythingElse(string text) => Assert.IsFalse(Duration.TryParse(text, out _), text);

    [TestMethod]
    public void FormatWritesWhatParseReadsBack()
    {
        Assert.AreEqual("10m", Duration.Format(TimeSpan.FromMinutes(10)));
        Assert.AreEqual("90s", Duration.Format(TimeSpan.FromSeconds(90)));
        Assert.AreEqual("1500ms", Duration.Format(TimeSpan.FromMilliseconds(1500)));
        Assert.AreEqual("0s", Duration.Format(TimeSpan.Zero));
        var random = new Random(7);
        for (int i = 0; i < 2000; i++)
        {
            var duration = TimeSpan.FromTicks(random.NextInt64(0, TimeSpan.FromDays(30).Ticks) / (i % 3 == 0 ? 1 : 10_000) * (i % 3 == 0 ? 1 : 10_000));
            Assert.IsTrue(Duration.TryParse(Duration.Format(duration), out var back), Duration.Format(duration));
            Assert.AreEqual(duration, back, Duration.Format(duration));
        }
    }
}
