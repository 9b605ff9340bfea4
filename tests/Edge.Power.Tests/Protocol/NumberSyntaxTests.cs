using Edge.Power.Protocol;
using Edge.Power.Samples;

namespace Edge.Power.Tests.Protocol;

[TestClass]
public sealed class NumberSyntaxTests
{
    [TestMethod]
    [DataRow("3300m", 3.3)]
    [DataRow("100k", 100_000.0)]
    [DataRow("2-3", 0.002)]   // UM2269: power-of-ten form, 2 ms
    [DataRow("2+3", 2000.0)]
    [DataRow("100u", 100e-6)]
    [DataRow("1", 1.0)]
    public void Parses_every_documented_form(string text, double expected)
    {
        Assert.IsTrue(NumberSyntax.TryParse(text, out double value));
        Assert.AreEqual(expected, value, Math.Abs(expected) * 1e-12);
    }

    [TestMethod]
    public void Formats_commands_as_the_vendor_scripts_send_them()
    {
        Assert.AreEqual("volt 3300m", PowerCommands.Volt(3.3).Text);
        Assert.AreEqual("volt vout 1800m", PowerCommands.Volt(1.8, "vout").Text);
        Assert.AreEqual("freq 100k", PowerCommands.Freq(SamplingRate.Hz100k).Text);
        Assert.AreEqual("freq 500", PowerCommands.Freq(SamplingRate.FromHertz(500)).Text);
        Assert.AreEqual("acqtime inf", PowerCommands.AcqTime(null).Text);
        Assert.AreEqual("acqtime 2", PowerCommands.AcqTime(TimeSpan.FromSeconds(2)).Text);
        Assert.AreEqual("acqtime 500m", PowerCommands.AcqTime(TimeSpan.FromMilliseconds(500)).Text);
        Assert.AreEqual("acqtime 100u", PowerCommands.AcqTime(TimeSpan.FromTicks(1000)).Text);
        Assert.AreEqual("format bin_hexa", PowerCommands.Format(SampleFormat.Binary).Text);
        Assert.AreEqual("format ascii_dec", PowerCommands.Format(SampleFormat.Ascii).Text);
        Assert.AreEqual("trigdelay 0m", PowerCommands.TrigDelay(TimeSpan.Zero).Text);
        Assert.AreEqual("targrst 10m", PowerCommands.TargetReset(TimeSpan.FromMilliseconds(10)).Text);
    }

    [TestMethod]
    public void Sampling_rates_are_limited_to_the_monitor_list()
    {
        Assert.AreEqual(100_000, SamplingRate.Parse("100k").Hertz);
        Assert.AreEqual(20, SamplingRate.Parse("20").Hertz);
        Assert.IsFalse(SamplingRate.TryParse("30k", out _));
        Assert.IsFalse(SamplingRate.TryParse("200k", out _));
        Assert.HasCount(16, SamplingRate.Supported);
    }
}
