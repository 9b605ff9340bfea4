using System.Globalization;

namespace Edge.TestSupport.Servers;

/// <summary>
/// A real MQTT broker for tests: Debian's mosquitto (installed through <see cref="DebianPackage"/> when
/// missing) on a free port of 127.0.0.1, with one user (<see cref="User"/>, <see cref="Password"/>)
/// and anonymous clients refused, everything in a temporary folder. Starts in well under a second;
/// stopped by its process id.
/// </summary>
public sealed class MosquittoBroker : IDisposable
{
    public const string User = "edge";
    public const string Password = "edge-test-pass";

    private readonly ServerProcess _server;

    private MosquittoBroker(ServerProcess server, int port, string folder)
    {
        _server = server;
        Port = port;
        Folder = folder;
    }

    public int Port { get; }

    public string Folder { get; }

    public string Tail() => _server.Tail();

    public static MosquittoBroker Start()
    {
        string mosquitto = DebianPackage.Ensure("/usr/sbin/mosquitto", "mosquitto");
        string folder = Path.Combine(Path.GetTempPath(), "edge-mosquitto-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        string passwords = Path.Combine(folder, "passwords");
        ToolProcess.Check("/usr/bin/mosquitto_passwd", "-b", "-c", passwords, User, Password);
        int port = ServerProcess.FreePort();
        string config = Path.Combine(folder, "mosquitto.conf");
        File.WriteAllText(config, string.Create(CultureInfo.InvariantCulture, $"""
            listener {port} 127.0.0.1
            allow_anonymous false
            password_file {passwords}
            persistence false
            log_dest stdout
            log_type all

            """));
        // Run as root (tests do), mosquitto switches to its own user: let it read its files.
        if (OperatingSystem.IsWindows())
            throw new AssertFailedException("mosquitto is started from Debian's package: Linux only");
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        foreach (string file in new[] { passwords, config })
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var server = ServerProcess.Start(mosquitto, ["-c", config], Path.Combine(folder, "mosquitto.log"));
        var broker = new MosquittoBroker(server, port, folder);
        try
        {
            server.WaitForPort(port, TimeSpan.FromSeconds(30));
            return broker;
        }
        catch
        {
            broker.Dispose();
            throw;
        }
    }

    public void Dispose() => _server.Dispose();
}
