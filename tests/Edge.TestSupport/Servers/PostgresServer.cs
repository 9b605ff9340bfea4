using System.Globalization;

namespace Edge.TestSupport.Servers;

/// <summary>
/// A private PostgreSQL for tests: Debian's server (installed through <see cref="DebianPackage"/> when missing),
/// a fresh cluster in a temporary folder owned by the `postgres` user, listening on 127.0.0.1 only, trust
/// authentication, fsync off. About a second to start; stopped by its process id.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";

    private ServerProcess? _server;

    private PostgresServer(string folder) => Folder = folder;

    public string Folder { get; }

    public int Port { get; private set; }

    public string ConnectionString => string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=true");

    public static PostgresServer Start()
    {
        DebianPackage.Ensure(Bin + "/postgres", "postgresql");
        var server = new PostgresServer(Path.Combine(Path.GetTempPath(), "edge-pg-" + Guid.NewGuid().ToString("N")[..8]));
        try
        {
            server.Run();
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    private void Run()
    {
        Directory.CreateDirectory(Folder);
        // PostgreSQL refuses to run as root: the cluster belongs to the postgres user.
        ToolProcess.Check("/usr/bin/chown", "postgres", Folder);
        ToolProcess.Check("/usr/sbin/runuser", "-u", "postgres", "--", Bin + "/initdb", "-D", Path.Combine(Folder, "data"), "-A", "trust", "-U", "postgres", "--no-sync");
        Port = ServerProcess.FreePort();
        _server = ServerProcess.Start("/usr/sbin/runuser", ["-u", "postgres", "--", Bin + "/postgres", "-D", Path.Combine(Folder, "data"), "-k", Folder,
            "-c", "listen_addresses=127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-c", "fsync=off", "-c", "max_connections=200"],
            Path.Combine(Path.GetTempPath(), Path.GetFileName(Folder) + ".log"));
        _server.WaitForPort(Port, TimeSpan.FromSeconds(30));
    }


    public void Dispose()
    {
        // A fast shutdown through pg_ctl (it signals the pid in postmaster.pid): a killed postmaster would leave its helpers behind.
        if (_server is { HasExited: false })
            ToolProcess.Run("/usr/sbin/runuser", ["-u", "postgres", "--", Bin + "/pg_ctl", "-D", Path.Combine(Folder, "data"), "stop", "-m", "fast", "-w"], [], TimeSpan.FromSeconds(30));
        _server?.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A temporary folder; the system's cleaning takes what is left.
        }
    }
}
