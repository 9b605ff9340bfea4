using System.Globalization;

namespace Edge.TestSupport.Servers;

/// <summary>
/// A real S3 implementation for tests: Ceph's RADOS gateway (radosgw) over one monitor and one in-memory
/// OSD, from Debian (installed through <see cref="DebianPackage"/> when missing), everything on 127.0.0.1
/// in a temporary folder, no authentication between the daemons, one S3 user. About 10-20 s to start
/// and 230 MB of memory, so a test assembly starts one and shares it; <see cref="Dispose"/> stops the
/// three daemons by their process ids.
/// </summary>
public sealed class CephGateway : IDisposable
{
    public const string AccessKey = "EDGETESTKEY";
    public const string SecretKey = "EDGETESTSECRET";

    private readonly List<ServerProcess> _daemons = [];
    private string[] _rgwArguments = [];
    private int _rgwPort;
    private ServerProcess? _rgw;

    private CephGateway(string folder) => Folder = folder;

    public string Folder { get; }

    public Uri Endpoint { get; private set; } = null!;

    public static CephGateway Start()
    {
        foreach (string tool in new[] { "/usr/bin/ceph-mon", "/usr/bin/ceph-osd", "/usr/bin/radosgw", "/usr/bin/ceph" })
            DebianPackage.Ensure(tool, "ceph-mon", "ceph-osd", "radosgw", "ceph-common");
        var gateway = new CephGateway(Path.Combine(Path.GetTempPath(), "edge-ceph-" + Guid.NewGuid().ToString("N")[..8]));
        try
        {
            gateway.Run();
            return gateway;
        }
        catch
        {
            gateway.Dispose();
            throw;
        }
    }

    private void Run()
    {
        foreach (string sub in new[] { "run", "log", "mon/mon.a", "osd/osd.0", "rgw" }) Directory.CreateDirectory(Path.Combine(Folder, sub));
        string fsid = Guid.NewGuid().ToString();
        int monPort = ServerProcess.FreePort(), rgwPort = ServerProcess.FreePort();
        Endpoint = new Uri($"http://127.0.0.1:{rgwPort}/");
        string conf = Path.Combine(Folder, "ceph.conf");
        // Ceph's parser wants the last line ended.
        File.WriteAllText(conf, string.Create(CultureInfo.InvariantCulture, $"""
            [global]
            fsid = {fsid}
            mon host = v2:127.0.0.1:{monPort}
            mon initial members = a
            # Loopback only, nothing to protect: no cephx. Without crc modes radosgw keeps retrying authentication.
            auth cluster required = none
            auth service required = none
            auth client required = none
            ms mon client mode = crc
            ms client mode = crc
            ms service mode = crc
            ms cluster mode = crc
            public addr = 127.0.0.1
            cluster addr = 127.0.0.1
            osd pool default size = 1
            osd pool default min size = 1
            osd pool default pg num = 8
            osd pool default pgp num = 8
            osd pool default pg autoscale mode = off
            mon allow pool size one = true
            mon warn on pool no redundancy = false
            mon data avail warn = 1
            mon data avail crit = 0
            osd crush chooseleaf type = 0
            osd objectstore = memstore
            memstore device bytes = 2147483648
            run dir = {Folder}/run
            log file = {Folder}/log/$name.log
            pid file = {Folder}/run/$name.pid
            admin socket = {Folder}/run/$name.$pid.asok
            mon data = {Folder}/mon/$name
            osd data = {Folder}/osd/$name
            [client.rgw.a]
            rgw frontends = beast endpoint=127.0.0.1:{rgwPort}
            rgw data = {Folder}/rgw
            """) + "\n");
        string monmap = Path.Combine(Folder, "monmap");
        ToolProcess.Check("/usr/bin/monmaptool", "--create", "--addv", "a", $"[v2:127.0.0.1:{monPort}]", "--fsid", fsid, monmap);
        ToolProcess.Check("/usr/bin/ceph-mon", "-c", conf, "--mkfs", "-i", "a", "--monmap", monmap);
        Daemon("mon", "/usr/bin/ceph-mon", "-c", conf, "-i", "a", "-f").WaitForPort(monPort, TimeSpan.FromSeconds(30));
        string osdUuid = Guid.NewGuid().ToString();
        ToolProcess.Check("/usr/bin/ceph", "-c", conf, "osd", "new", osdUuid, "0");
        ToolProcess.Check("/usr/bin/ceph-osd", "-c", conf, "-i", "0", "--mkfs", "--osd-uuid", osdUuid);
        Daemon("osd", "/usr/bin/ceph-osd", "-c", conf, "-i", "0", "-f");
        _rgwArguments = ["-c", conf, "-n", "client.rgw.a", "-f"];
        _rgwPort = rgwPort;
        _rgw = Daemon("rgw", "/usr/bin/radosgw", _rgwArguments);
        // radosgw creates its pools once the OSD is up, then listens; the user is created through the same pools.
        ToolProcess.Check("/usr/bin/radosgw-admin", "-c", conf, "user", "create", "--uid=edge", "--display-name=edge", "--access-key=" + AccessKey, "--secret-key=" + SecretKey);
        _rgw.WaitForPort(rgwPort, TimeSpan.FromSeconds(60));
    }

    /// <summary>Kills the gateway (SIGKILL, by pid): the S3 endpoint is gone, the cluster and its objects stay.</summary>
    public void StopGateway()
    {
        _rgw?.Dispose();
        if (_rgw is not null) _daemons.Remove(_rgw);
        _rgw = null;
    }

    /// <summary>Starts the gateway again after <see cref="StopGateway"/> and waits until it serves.</summary>
    public void StartGateway()
    {
        if (_rgw is not null) return;
        _rgw = Daemon("rgw", "/usr/bin/radosgw", _rgwArguments);
        _rgw.WaitForPort(_rgwPort, TimeSpan.FromSeconds(60));
    }


    private ServerProcess Daemon(string name, string file, params string[] arguments)
    {
        var daemon = ServerProcess.Start(file, arguments, Path.Combine(Folder, "log", name + ".out"));
        _daemons.Add(daemon);
        return daemon;
    }

    public void Dispose()
    {
        // Gateway first, then the OSD, then the monitor: each by its own pid.
        for (int i = _daemons.Count - 1; i >= 0; i--) _daemons[i].Dispose();
        _daemons.Clear();
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
