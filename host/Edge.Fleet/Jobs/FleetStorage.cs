using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;

namespace Edge.Fleet.Jobs;

/// <summary>
/// Hangfire's job storage on PostgreSQL, shared by every bench host and the submitter. The lease is how
/// long a job stays invisible to other workers after its worker stops sending heartbeats (it slides while
/// the worker lives, so a cell may run longer): after a worker is killed, its cell is fetched again once
/// the lease runs out.
/// </summary>
public static class FleetStorage
{
    public const string Variable = "EDGE_FLEET_DB";

    public static readonly TimeSpan DefaultLease = TimeSpan.FromMinutes(2);

    public static PostgreSqlStorage Open(string? connectionString, TimeSpan? lease = null)
    {
        string text = connectionString ?? Environment.GetEnvironmentVariable(Variable)
            ?? throw new Store.StoreException($"--db: give the PostgreSQL connection string of the fleet's job storage (or set {Variable}), e.g. \"Host=db;Username=edge;Database=edge\"");
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = "edge_hangfire",
            PrepareSchemaIfNecessary = true,
            InvisibilityTimeout = lease ?? DefaultLease,
            UseSlidingInvisibilityTimeout = true,
            QueuePollInterval = TimeSpan.FromMilliseconds(500),
            DistributedLockTimeout = TimeSpan.FromMinutes(1),
        };
        try
        {
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(text, options, null), options);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or ArgumentException or InvalidOperationException)
        {
            throw new Store.StoreUnavailableException($"the fleet's job storage (PostgreSQL) cannot be used: {e.Message}", e);
        }
    }
}
