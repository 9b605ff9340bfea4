namespace Edge.Cli.Tests;

/// <summary>
/// The native `edge` refuses the commands whose libraries generate code at run time, with one line
/// that names the command and the build to use. (That the native build really refuses is shown by
/// running this suite against it: EDGE_CLI_UNDER_TEST, host/Edge.Cli/README.md.)
/// </summary>
[TestClass]
public sealed class NativeBuildTests
{
    [TestMethod]
    public void A_fleet_command_in_the_native_build_is_refused_as_a_usage_error_naming_the_build_to_use()
    {
        var refused = Assert.ThrowsExactly<UserFacingException>(() => NativeBuild.RequireJit("edge hil worker", NativeBuild.FleetEngine, native: true));

        Assert.AreEqual(ExitCode.Usage, refused.Code);
        StringAssert.StartsWith(refused.Message, "`edge hil worker` needs the JIT-compiled edge (the fleet's job engine");
        StringAssert.Contains(refused.Message, "without -p:PublishAot=true");
    }

    [TestMethod]
    public void The_jit_build_runs_fleet_commands()
    {
        NativeBuild.RequireJit("edge hil worker", NativeBuild.FleetEngine, native: false);
        Assert.IsFalse(NativeBuild.IsNative, "the test host is JIT-compiled");
    }
}
