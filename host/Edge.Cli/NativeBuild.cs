using System.Runtime.CompilerServices;

namespace Edge.Cli;

/// <summary>
/// What the native `edge` (published with -p:PublishAot=true) cannot do: it has no JIT, so a library
/// that generates code at run time fails inside it. Such commands refuse at once with one clear line
/// instead of failing midway.
/// </summary>
internal static class NativeBuild
{
    public static bool IsNative => !RuntimeFeature.IsDynamicCodeSupported;

    /// <summary>Refuses <paramref name="command"/> in the native build (<paramref name="native"/> is for tests).</summary>
    public static void RequireJit(string command, string why, bool? native = null)
    {
        if (native ?? IsNative)
            throw new UserFacingException(
                $"`{command}` needs the JIT-compiled edge ({why}); this one is the native build. " +
                "Use the edge from `dotnet publish host/Edge.Cli -c Release -r linux-x64` (without -p:PublishAot=true) or `dotnet run`.",
                ExitCode.Usage);
    }

    /// <summary>Why the fleet commands need the JIT.</summary>
    public const string FleetEngine = "the fleet's job engine, Hangfire on PostgreSQL, generates code at run time";
}
