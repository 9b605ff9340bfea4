using Edge.TestSupport.Native;

namespace Edge.Device.Tests.Drift;

/// <summary>Every <see cref="DriftMonitorTests"/> test again, with the per-sample update in the native code (P/Invoke on this machine).</summary>
[TestClass]
public sealed class NativeDriftMonitorTests : DriftMonitorTests
{
    [ClassInitialize]
    public static void BuildLibrary(TestContext _) => HostNativeLibrary.Activate();

    protected override bool Native => true;
}
