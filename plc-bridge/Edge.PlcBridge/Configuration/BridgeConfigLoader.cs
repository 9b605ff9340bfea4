using System.Net;
using System.Net.Sockets;
using Edge.Ads.Ams;
using Edge.Ads.Messages;
using Edge.Ads.Protocol;
using Edge.Ads.Types;
using Edge.Common.Files;
using Edge.PlcBridge.Alerts.Configuration;
using Edge.PlcBridge.Configuration.Yaml;
using Edge.PlcBridge.Layout;
using Edge.Transport;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Edge.PlcBridge.Configuration;

/// <summary>
/// Reads a bridge configuration (YAML; plc-bridge/deploy/bridge.example.yaml shows every key) and
/// checks it completely before anything starts: every mistake is a <see cref="BridgeConfigException"/>
/// naming file, line, column and key.
/// </summary>
public static class BridgeConfigLoader
{
    /// <summary>Most bytes a configuration file may have; anything larger is not a configuration.</summary>
    public const int MaxFileSize = 1024 * 1024;

    public static BridgeConfig Load(string path)
    {
        string text;
        try
        {
            text = InputFile.ReadAllText(path, MaxFileSize, "a bridge configuration");
        }
        catch (InputFileException e)
        {
            throw new BridgeConfigException(path, 0, 0, "", e.Problem, e);
        }
        return Parse(text, path);
    }

    /// <param name="source">Named in messages, usually the file path.</param>
    public static BridgeConfig Parse(string yaml, string source)
    {
        var root = new YamlSection(ReadRoot(yaml, source), "", source);
        root.AllowOnly("features", "boards", "captures", "ads", "prometheus", AlertsConfigReader.SectionName);
        int features = root.Int("features", BridgeConfig.DefaultFeatureSlots, 1, BridgeConfig.MaxFeatureSlots);
        // Relative paths (a board's profile) are relative to the configuration file.
        string baseDirectory = Path.GetDirectoryName(Path.GetFullPath(source)) ?? Directory.GetCurrentDirectory();
        string captures = CaptureFolder(root, baseDirectory);
        var boards = ReadBoards(root, baseDirectory).Select(b => b with { CaptureFolder = captures }).ToArray();
        var ads = ReadAds(root.Section("ads"), source, boards);
        return new BridgeConfig
        {
            Source = source,
            FeatureSlots = features,
            Boards = boards,
            Ads = ads,
            Prometheus = ReadPrometheus(root.Section("prometheus"), present: root.Find("prometheus") is not null),
            Alerts = AlertsConfigReader.Read(root.Section(AlertsConfigReader.SectionName), baseDirectory),
        };
    }

    private static YamlMappingNode ReadRoot(string yaml, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            // YamlDotNet's messages start with their own "(Line: .., Col: ..)"; the place is said once, in front.
            throw new BridgeConfigException(source, e.Start.Line, e.Start.Column, "", $"not valid YAML: {Strip(e.Message)}", e);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet's scanner throws these on some malformed text (an unclosed '[' inside a block mapping).
            throw new BridgeConfigException(source, 0, 0, "", $"not valid YAML ({e.Message}); check brackets, quotes and indentation", e);
        }
        if (stream.Documents.Count == 0)
            throw new BridgeConfigException(source, 0, 0, "", "the file is empty; it needs at least a 'boards:' list");
        if (stream.Documents.Count > 1)
            throw new BridgeConfigException(source, stream.Documents[1].RootNode.Start.Line, stream.Documents[1].RootNode.Start.Column, "", "holds more than one YAML document ('---'); a configuration is one");
        return stream.Documents[0].RootNode as YamlMappingNode
            ?? throw new BridgeConfigException(source, stream.Documents[0].RootNode.Start.Line, stream.Documents[0].RootNode.Start.Column, "", "must be a mapping of keys (features, boards, ads, prometheus)");
    }

    private static string Strip(string message)
    {
        int close = message.StartsWith('(') ? message.IndexOf("): ", StringComparison.Ordinal) : -1;
        return close > 0 ? message[(close + 3)..] : message;
    }

    private static BoardEndpointConfig[] ReadBoards(YamlSection root, string baseDirectory)
    {
        var sections = root.Sections("boards");
        if (sections.Count == 0)
            throw root.Error(root.Find("boards") ?? root.Node, "boards", "needs at least one board (name and address)");
        var boards = new List<BoardEndpointConfig>();
        var slotsTaken = new HashSet<int>();
        for (int i = 0; i < sections.Count; i++)
        {
            var board = sections[i];
            board.AllowOnly("name", "address", "baud", "stale-after", "slot", "profile");
            string name = board.RequiredText("name");
            var nameNode = board.Find("name")!;
            if (!PlcIdentifier.IsValid(name))
                throw board.Error(nameNode, board.KeyPath("name"), $"'{name}' is not an IEC identifier (a letter or '_', then letters, digits, '_'); it becomes the ADS symbol");
            if (name.Length > BoardEndpointConfig.MaxNameLength)
                throw board.Error(nameNode, board.KeyPath("name"), $"'{name}' is longer than {BoardEndpointConfig.MaxNameLength} characters");
            if (boards.FirstOrDefault(b => string.Equals(b.Name, name, StringComparison.OrdinalIgnoreCase)) is { } twin)
                throw board.Error(nameNode, board.KeyPath("name"), $"'{name}' is taken by another board ('{twin.Name}'); ADS names ignore case");

            string address = board.RequiredText("address").Trim();
            bool tcp = ByteTransports.TryParseTcp(address, out _, out _);
            if (!tcp && address.StartsWith(ByteTransports.TcpScheme, StringComparison.OrdinalIgnoreCase))
                throw board.Error(board.Find("address")!, board.KeyPath("address"), $"'{address}' is not a TCP address; write tcp://HOST:PORT, e.g. tcp://192.168.10.23:4711");
            if (address.Contains("://", StringComparison.Ordinal) && !tcp)
                throw board.Error(board.Find("address")!, board.KeyPath("address"), $"'{address}': only tcp://HOST:PORT or a serial device (/dev/ttyACM0, COM5) can be given");
            if (address.Any(char.IsWhiteSpace))
                throw board.Error(board.Find("address")!, board.KeyPath("address"), $"'{address}' is not a serial device path (it holds blanks)");
            if (tcp && board.Find("baud") is { } baudNode)
                throw board.Error(baudNode, board.KeyPath("baud"), "applies to serial devices only; this board is reached over TCP");
            int baud = board.Int("baud", BoardEndpointConfig.DefaultBaudRate, 300, 16_000_000);
            var staleAfter = board.Duration("stale-after", BoardEndpointConfig.DefaultStaleAfter, TimeSpan.FromMilliseconds(100));

            int slot = board.Int("slot", 0, 1, MemoryMap.MaxSlot);
            if (slot == 0)
            {
                slot = Enumerable.Range(1, MemoryMap.MaxSlot).FirstOrDefault(s => !slotsTaken.Contains(s) && !sections.Skip(i + 1).Any(later => ExplicitSlot(later) == s));
                if (slot == 0)
                    throw board.Error(nameNode, board.KeyPath("slot"), $"no free slot is left; the memory map has {MemoryMap.MaxSlot}");
            }
            else if (!slotsTaken.Add(slot))
                throw board.Error(board.Find("slot")!, board.KeyPath("slot"), $"slot {slot} is taken by another board; each board needs its own place in the memory map");
            slotsTaken.Add(slot);
            boards.Add(new BoardEndpointConfig(name, address, baud, staleAfter, slot) { ProfilePath = ProfilePath(board, baseDirectory) });
        }
        return boards.ToArray();
    }

    /// <summary>
    /// `captures:`, where acknowledged boards' retraining captures are stored (relative to the
    /// configuration file; default `captures` beside it). Created when the first capture comes.
    /// </summary>
    private static string CaptureFolder(YamlSection root, string baseDirectory)
    {
        string text = root.Text("captures")?.Trim() ?? BridgeConfig.DefaultCaptureFolder;
        if (text.Length == 0 || text.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
            throw root.Error(root.Find("captures")!, "captures", $"'{text}' is not a folder path");
        string folder = Path.GetFullPath(Path.Combine(baseDirectory, text));
        if (File.Exists(folder))
            throw root.Error(root.Find("captures") ?? root.Node, "captures", $"{folder} is a file; captures need a folder");
        return folder;
    }

    /// <summary>An optional `profile:` path, relative to the configuration file, that must exist.</summary>
    private static string? ProfilePath(YamlSection board, string baseDirectory)
    {
        if (board.Text("profile") is not { } text) return null;
        string path = Path.GetFullPath(Path.Combine(baseDirectory, text.Trim()));
        if (!File.Exists(path)) throw board.Error(board.Find("profile")!, board.KeyPath("profile"), $"'{text}' does not exist ({path})");
        try
        {
            Boards.BoardProfileFile.Read(path);
        }
        catch (Exception e) when (e is Edge.Device.Codec.EdgeFormatException or InputFileException)
        {
            throw board.Error(board.Find("profile")!, board.KeyPath("profile"), e.Message);
        }
        return path;
    }

    // A later board's explicit slot, so a board without one does not take it first.
    private static int ExplicitSlot(YamlSection board) =>
        board.Text("slot") is { } text && ConfigSyntax.TryInteger(text, out long slot) ? (int)Math.Clamp(slot, 0, int.MaxValue) : 0;

    private static AdsEndpointConfig ReadAds(YamlSection? ads, string source, IReadOnlyList<BoardEndpointConfig> boards)
    {
        if (ads is null)
            return new AdsEndpointConfig { NetId = AmsNetId.Local };
        ads.AllowOnly("bind", "tcp-port", "net-id", "ads-port", "index-group", "device-name",
            "allowed-peers", "allowed-net-ids", "plc-peers", "write-enabled", "allow-port-connect", "limits");
        var bind = ads.Value("bind", IPAddress.Loopback, (string text, out IPAddress address) => IPAddress.TryParse(text.Trim(), out address!), "an IP address (0.0.0.0 for every interface)");
        bool anyAddress = bind.Equals(IPAddress.Any) || bind.Equals(IPAddress.IPv6Any);
        AmsNetId netId;
        if (ads.Text("net-id") is not null)
            netId = ads.Value("net-id", AmsNetId.Local, AmsNetId.TryParse, "an AMS net id (six numbers 0-255, e.g. 192.168.10.5.1.1)");
        else if (!anyAddress && bind.AddressFamily == AddressFamily.InterNetwork)
            netId = AmsNetId.FromIPv4(bind);
        else
            throw ads.Error(ads.Find("bind") ?? ads.Node, ads.KeyPath("net-id"), $"is required when ads.bind is {bind}: the PLC's route names the bridge by its net id (usually its IPv4 address + .1.1)");

        int adsPort = ads.Int("ads-port", AmsPort.CustomerFirst, 1, ushort.MaxValue);
        if (adsPort == AmsPort.SystemService)
            throw ads.Error(ads.Find("ads-port")!, ads.KeyPath("ads-port"), $"{AmsPort.SystemService} is the system service; use 25000-25999 (or 851 to pose as PLC runtime 1)");
        long group = ads.Value("index-group", (long)AdsIndexGroup.PlcData, ConfigSyntax.TryInteger, "an index group such as 0x4040 or 16#4040");
        if (group is < 1 or >= AdsIndexGroup.ReservedFirst)
            throw ads.Error(ads.Find("index-group")!, ads.KeyPath("index-group"), $"0x{group:X} is not a data group; it must be 0x1 to 0x{AdsIndexGroup.ReservedFirst - 1:X} (0xF000 and up are ADS services)");
        string deviceName = ads.Text("device-name") ?? AdsEndpointConfig.DefaultDeviceName;
        if (deviceName.Length >= AdsDeviceInfo.NameFieldSize || deviceName.Any(c => c is < ' ' or > '~'))
            throw ads.Error(ads.Find("device-name")!, ads.KeyPath("device-name"), $"'{deviceName}' must be at most {AdsDeviceInfo.NameFieldSize - 1} printable ASCII characters");

        var allowedPeers = ads.Values<IPNetwork>("allowed-peers", ConfigSyntax.TryNetwork, "an IP address or a network such as 192.168.10.0/24").Select(v => v.Value).ToArray();
        var allowedNetIds = ads.Values<AmsNetId>("allowed-net-ids", AmsNetId.TryParse, "an AMS net id (six numbers 0-255, e.g. 192.168.10.20.1.1)").Select(v => v.Value).ToArray();
        var limits = ReadLimits(ads.Section("limits"));
        return new AdsEndpointConfig
        {
            Bind = bind,
            TcpPort = ads.Int("tcp-port", AmsPort.TcpPort, 0, ushort.MaxValue),
            NetId = netId,
            AdsPort = (ushort)adsPort,
            IndexGroup = (uint)group,
            DeviceName = deviceName,
            AllowedPeers = allowedPeers,
            AllowedNetIds = allowedNetIds,
            PlcPeers = ReadPlcPeers(ads, allowedPeers, limits),
            WriteEnabled = ReadWriteEnabled(ads, boards),
            AllowPortConnect = ReadAllowPortConnect(ads, netId, allowedNetIds),
            Limits = limits,
        };
    }

    // The reserved connections are for these; each must be able to connect at all.
    private static IPNetwork[] ReadPlcPeers(YamlSection ads, IPNetwork[] allowedPeers, AdsLimitsConfig limits)
    {
        var peers = ads.Values<IPNetwork>("plc-peers", ConfigSyntax.TryNetwork, "an IP address or a network such as 192.168.10.20");
        foreach (var (peer, node) in peers)
        {
            if (allowedPeers.Length > 0 && !allowedPeers.Any(a => a.Contains(peer.BaseAddress)))
                throw ads.Error(node, ads.KeyPath("plc-peers"), $"{peer} is not in ads.allowed-peers, so it could never connect; add it there too");
        }
        if (peers.Count > 0 && limits.ReservedConnections >= limits.MaxConnections)
            throw ads.Error(ads.Find("limits") ?? ads.Node, ads.KeyPath("limits.reserved-connections"), $"{limits.ReservedConnections} must be below max-connections ({limits.MaxConnections}), or no other client could connect");
        return peers.Select(p => p.Value).ToArray();
    }

    // Port connect hands out the bridge's own net id: with a net-id allow-list that does not name it,
    // it would be refused anyway, so it is off by default then and an error when asked for.
    private static bool ReadAllowPortConnect(YamlSection ads, AmsNetId netId, AmsNetId[] allowedNetIds)
    {
        bool usable = allowedNetIds.Length == 0 || allowedNetIds.Contains(netId);
        bool allow = ads.Bool("allow-port-connect", usable);
        if (allow && !usable)
            throw ads.Error(ads.Find("allow-port-connect")!, ads.KeyPath("allow-port-connect"),
                $"port-connect clients send as the bridge's net id {netId}, which ads.allowed-net-ids does not list, so they would be refused; list {netId} there, or set allow-port-connect: false and give each client a fixed net id that is listed");
        return allow;
    }

    // Only acknowledges: every other member is telemetry the bridge overwrites with the next snapshot.
    private static string[] ReadWriteEnabled(YamlSection ads, IReadOnlyList<BoardEndpointConfig> boards)
    {
        var paths = new List<string>();
        foreach (var (path, node) in ads.Values<string>("write-enabled", (string text, out string value) => { value = text.Trim(); return true; }, "a path"))
        {
            int dot = path.IndexOf('.', StringComparison.Ordinal);
            var board = dot > 0 ? boards.FirstOrDefault(b => string.Equals(b.Name, path[..dot], StringComparison.OrdinalIgnoreCase)) : null;
            if (board is null || !string.Equals(path[(dot + 1)..], BoardLayout.AlarmAck, StringComparison.OrdinalIgnoreCase))
                throw ads.Error(node, ads.KeyPath("write-enabled"),
                    $"'{path}' cannot be made writable; only a configured board's {BoardLayout.AlarmAck} can ({string.Join(", ", boards.Select(b => $"{b.Name}.{BoardLayout.AlarmAck}"))}): every other member is telemetry");
            string canonical = $"{board.Name}.{BoardLayout.AlarmAck}";
            if (!paths.Contains(canonical))
                paths.Add(canonical);
        }
        return paths.ToArray();
    }

    private static AdsLimitsConfig ReadLimits(YamlSection? limits)
    {
        var defaults = new AdsLimitsConfig();
        if (limits is null)
            return defaults;
        limits.AllowOnly("max-connections", "max-connections-per-peer", "reserved-connections", "max-frame-size", "max-handles", "max-notifications",
            "max-notification-size", "max-notification-bytes", "max-queued-bytes", "min-cycle-time", "idle-timeout", "request-timeout", "send-timeout");
        return new AdsLimitsConfig
        {
            MaxConnections = limits.Int("max-connections", defaults.MaxConnections, 1, 10_000),
            MaxConnectionsPerPeer = limits.Int("max-connections-per-peer", defaults.MaxConnectionsPerPeer, 1, 10_000),
            ReservedConnections = limits.Int("reserved-connections", defaults.ReservedConnections, 0, 10_000),
            MaxFrameSize = limits.Int("max-frame-size", defaults.MaxFrameSize, 1024, 64 * 1024 * 1024),
            MaxHandlesPerConnection = limits.Int("max-handles", defaults.MaxHandlesPerConnection, 1, 1_000_000),
            MaxNotificationsPerConnection = limits.Int("max-notifications", defaults.MaxNotificationsPerConnection, 1, 100_000),
            MaxNotificationSize = limits.Int("max-notification-size", defaults.MaxNotificationSize, 1, 64 * 1024 * 1024),
            MaxNotificationBytesPerConnection = limits.Int("max-notification-bytes", defaults.MaxNotificationBytesPerConnection, 1, 1024 * 1024 * 1024),
            MaxQueuedBytesPerConnection = limits.Int("max-queued-bytes", defaults.MaxQueuedBytesPerConnection, 64 * 1024, 1024 * 1024 * 1024),
            MinimumCycleTime = limits.Duration("min-cycle-time", defaults.MinimumCycleTime, TimeSpan.FromMilliseconds(1)),
            IdleTimeout = Timeout(limits, "idle-timeout", defaults.IdleTimeout),
            RequestTimeout = Timeout(limits, "request-timeout", defaults.RequestTimeout),
            SendTimeout = Timeout(limits, "send-timeout", defaults.SendTimeout),
        };
    }

    // 100ms .. 24h (YamlSection.Duration's ceiling for every duration of the configuration).
    private static TimeSpan Timeout(YamlSection limits, string key, TimeSpan fallback) => limits.Duration(key, fallback, TimeSpan.FromMilliseconds(100));

    // A "prometheus:" line with nothing below turns the endpoint on with the defaults.
    private static PrometheusConfig ReadPrometheus(YamlSection? prometheus, bool present)
    {
        if (prometheus is null)
            return new PrometheusConfig { Enabled = present };
        prometheus.AllowOnly("enabled", "url");
        var url = prometheus.Value("url", PrometheusConfig.DefaultUrl, TryMetricsUrl, "an http://ADDRESS:PORT/PATH address, e.g. http://0.0.0.0:9464/metrics (https is not served; put a proxy in front)");
        return new PrometheusConfig { Enabled = prometheus.Bool("enabled", true), Url = url };
    }

    private static bool TryMetricsUrl(string text, out Uri url)
    {
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out url!) || url.Scheme != Uri.UriSchemeHttp
            || url.Query.Length > 0 || url.Fragment.Length > 0
            || (url.HostNameType is not (UriHostNameType.IPv4 or UriHostNameType.IPv6) && !url.IsLoopback))
            return false;
        if (url.AbsolutePath == "/")
            url = new Uri(url, "/metrics");
        return true;
    }
}
