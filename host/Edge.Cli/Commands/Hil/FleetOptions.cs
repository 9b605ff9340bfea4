using System.CommandLine;
using Edge.Fleet.Jobs;

namespace Edge.Cli.Commands.Hil;

/// <summary>`--db`: the PostgreSQL that holds the fleet's Hangfire jobs, shared by workers and submitters.</summary>
internal static class FleetOptions
{
    public static Option<string?> Database() => new("--db")
    {
        Description = $"The fleet's job storage: a PostgreSQL connection string (default: ${FleetStorage.Variable}), e.g. \"Host=jobs.lan;Username=edge;Password=...;Database=edge\".",
    };
}
