using System.Net;
using Edge.Ads.Ams;
using Edge.PlcBridge.Configuration;

namespace Edge.PlcBridge.Tests.Configuration;

/// <summary>What a configuration file means, and that each mistake is named by file, line, column and key.</summary>
[TestClass]
public sealed class ConfigLoadingTests
{
    private const string Minimal = """
        boards:
          - name: Loom3
            address: tcp://192.168.10.23:4711
        """;

    [TestMethod]
    public void ABoardsProfileIsFoundBesideTheConfiguration()
    {
        string folder = RepoPaths.TempDirectory("bridge-config");
        var profile = Edge.Drift.Profiles.ProfileBuilder.Build(Edge.Data.TableReader.Read(RepoPaths.MotorFlux("test_164V.features.csv")), new Edge.Drift.Profiles.ProfileOptions { Columns = ["f1?"] });
        File.WriteAllBytes(Path.Combine(folder, "loom3.edgp"), Edge.Drift.Profiles.ProfileWriter.Write(profile));
        string yaml = Minimal + "\n    profile: loom3.edgp\n";
        string file = Path.Combine(folder, "bridge.yaml");
        File.WriteAllText(file, yaml);
        Assert.AreEqual(Path.Combine(folder, "loom3.edgp"), BridgeConfigLoader.Load(file).Boards[0].ProfilePath);

        File.WriteAllText(file, Minimal + "\n    profile: missing.edgp\n");
        var e = Assert.ThrowsExactly<BridgeConfigException>(() => BridgeConfigLoader.Load(file));
        StringAssert.Contains(e.Message, "boards[0].profile");
        StringAssert.Contains(e.Message, "missing.edgp");

        File.WriteAllText(Path.Combine(folder, "notes.edgp"), "not a profile");
        File.WriteAllText(file, Minimal + "\n    profile: notes.edgp\n");
        e = Assert.ThrowsExactly<BridgeConfigException>(() => BridgeConfigLoader.Load(file));
        StringAssert.Contains(e.Message, "not an Edge drift profile");
    }

    [TestMethod]
    public void TheShippedExampleLoadsAsDocumented()
    {
        var config = BridgeConfigLoader.Load(RepoPaths.Root + "/plc-bridge/deploy/bridge.example.yaml");

        Assert.AreEqual(64, config.FeatureSlots);
        Assert.HasCount(2, config.Boards);
        const string Captures = "/var/lib/edge-bridge/captures";
        Assert.AreEqual(new BoardEndpointConfig("Loom3", "tcp://192.168.10.23:4711", 115200, TimeSpan.FromSeconds(5), 1) { CaptureFolder = Captures }, config.Boards[0]);
        Assert.AreEqual(new BoardEndpointConfig("Pump1", "/dev/ttyACM0", 115200, TimeSpan.FromSeconds(10), 2) { CaptureFolder = Captures }, config.Boards[1]);
        Assert.IsTrue(config.Boards[0].IsTcp);
        Assert.IsFalse(config.Boards[1].IsTcp);
        var ads = config.Ads;
        Assert.AreEqual(IPAddress.Parse("192.168.10.5"), ads.Bind);
        Assert.AreEqual(48898, ads.TcpPort);
        Assert.AreEqual(AmsNetId.Parse("192.168.10.5.1.1"), ads.NetId);
        Assert.AreEqual(25000, ads.AdsPort);
        Assert.AreEqual(0x4040u, ads.IndexGroup);
        Assert.AreEqual("Edge bridge", ads.DeviceName);
        CollectionAssert.AreEqual(new[] { IPNetwork.Parse("192.168.10.20/32"), IPNetwork.Parse("192.168.10.0/28") }, ads.AllowedPeers.ToArray());
        CollectionAssert.AreEqual(new[] { AmsNetId.Parse("192.168.10.20.1.1"), AmsNetId.Parse("192.168.10.3.1.1") }, ads.AllowedNetIds.ToArray());
        CollectionAssert.AreEqual(new[] { IPNetwork.Parse("192.168.10.20/32") }, ads.PlcPeers.ToArray());
        CollectionAssert.AreEqual(new[] { "Loom3.AlarmAck" }, ads.WriteEnabled.ToArray());
        Assert.IsFalse(ads.AllowPortConnect, "it would hand out a net id the list does not hold");
        // The example writes every limit with its default value.
        Assert.AreEqual(new AdsLimitsConfig(), ads.Limits);
        Assert.IsTrue(config.Prometheus.Enabled);
        Assert.AreEqual(new Uri("http://0.0.0.0:9464/metrics"), config.Prometheus.Url);
    }

    [TestMethod]
    public void DefaultsAreSafeLoopbackReadOnlyAndNoMetrics()
    {
        var config = BridgeConfigLoader.Parse(Minimal, "bridge.yaml");

        Assert.AreEqual(BridgeConfig.DefaultFeatureSlots, config.FeatureSlots);
        Assert.AreEqual(TimeSpan.FromSeconds(5), config.Boards[0].StaleAfter);
        Assert.AreEqual(1, config.Boards[0].Slot);
        Assert.AreEqual(IPAddress.Loopback, config.Ads.Bind);
        Assert.AreEqual(AmsNetId.Parse("127.0.0.1.1.1"), config.Ads.NetId, "the bind address + .1.1");
        Assert.AreEqual(48898, config.Ads.TcpPort);
        Assert.IsEmpty(config.Ads.WriteEnabled, "read-only unless enabled");
        Assert.IsEmpty(config.Ads.AllowedPeers);
        Assert.IsFalse(config.Prometheus.Enabled, "no section, no endpoint");

        var options = config.Ads.ToServerOptions();
        Assert.AreEqual(IPAddress.Loopback, options.BindAddress);
        Assert.IsFalse(options.AllowWriteControl);
    }

    [TestMethod]
    public void NetIdFollowsTheBindAddressAndIndexGroupTakesPlcHex()
    {
        var config = BridgeConfigLoader.Parse(Minimal + """

            ads:
              bind: 10.1.2.3
              index-group: 16#40_41
            prometheus:
            """, "bridge.yaml");

        Assert.AreEqual(AmsNetId.Parse("10.1.2.3.1.1"), config.Ads.NetId);
        Assert.AreEqual(0x4041u, config.Ads.IndexGroup);
        Assert.IsTrue(config.Prometheus.Enabled, "a prometheus section turns the endpoint on");
        Assert.AreEqual(PrometheusConfig.DefaultUrl, config.Prometheus.Url);
    }

    [TestMethod]
    public void LimitsAndPlcPeersReachTheAdsServer()
    {
        var options = BridgeConfigLoader.Parse(Minimal + """

            ads:
              net-id: 10.1.2.3.1.1
              allowed-peers: [10.1.0.0/16]
              allowed-net-ids: [10.1.0.9.1.1, 10.1.2.3.1.1]
              plc-peers: [10.1.0.9]
              limits:
                max-connections: 20
                max-connections-per-peer: 3
                reserved-connections: 2
                idle-timeout: 90s
                request-timeout: 5s
                send-timeout: 1m
                max-frame-size: 0x10000
                max-queued-bytes: 131072
                max-handles: 50
                max-notifications: 40
                max-notification-size: 2048
                max-notification-bytes: 4096
                min-cycle-time: 20ms
            """, "bridge.yaml").Ads.ToServerOptions();

        Assert.AreEqual((20, 3, 2), (options.MaxConnections, options.MaxConnectionsPerPeer, options.ReservedConnections));
        CollectionAssert.AreEqual(new[] { IPNetwork.Parse("10.1.0.9/32") }, options.ReservedPeers.ToArray());
        Assert.AreEqual((TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1)), (options.IdleTimeout, options.RequestTimeout, options.SendTimeout));
        Assert.AreEqual((0x10000, 131072, 50), (options.MaxFrameSize, options.MaxQueuedBytesPerConnection, options.MaxHandlesPerConnection));
        Assert.AreEqual((40, 2048, 4096), (options.MaxNotificationsPerConnection, options.MaxNotificationSize, options.MaxNotificationBytesPerConnection));
        Assert.AreEqual(TimeSpan.FromMilliseconds(20), options.MinimumCycleTime);
        Assert.IsTrue(options.AllowPortConnect, "the list names the bridge's own net id, so port connect stays on");
    }

    [TestMethod]
    public void PortConnectIsOffByDefaultWhenTheNetIdListDoesNotNameTheBridge()
    {
        var ads = BridgeConfigLoader.Parse(Minimal + "\nads:\n  allowed-net-ids: [10.1.0.9.1.1]\n", "bridge.yaml").Ads;
        Assert.IsFalse(ads.AllowPortConnect);
        Assert.IsTrue(BridgeConfigLoader.Parse(Minimal, "bridge.yaml").Ads.AllowPortConnect, "without a list it is on, as ads-client needs");
    }

    [TestMethod]
    public void BoardsWithoutSlotsTakeTheFreeOnesAroundExplicitSlots()
    {
        var config = BridgeConfigLoader.Parse("""
            boards:
              - { name: A, address: tcp://h:1 }
              - { name: B, address: tcp://h:2, slot: 1 }
              - { name: C, address: tcp://h:3 }
              - { name: D, address: tcp://h:4, slot: 5 }
            """, "bridge.yaml");

        CollectionAssert.AreEqual(new[] { 2, 1, 3, 5 }, config.Boards.Select(b => b.Slot).ToArray());
    }

    [TestMethod]
    public void WriteEnabledPathsAreMatchedIgnoringCaseAndSpelledAsConfigured()
    {
        var config = BridgeConfigLoader.Parse(Minimal + "\nads:\n  write-enabled: [loom3.alarmack, LOOM3.AlarmAck]\n", "bridge.yaml");

        CollectionAssert.AreEqual(new[] { "Loom3.AlarmAck" }, config.Ads.WriteEnabled.ToArray());
    }

    [TestMethod]
    [DataRow("boards:\n  - name: Loom3\n    address: tcp://h:1\n    stale_after: 5s\n", 4, 5, "boards[0].stale_after", "unknown key; boards[0] has name, address, baud, stale-after, slot", DisplayName = "misspelt key")]
    [DataRow("boards:\n  - name: Loom3\n    address: tcp://10.0.0.5\n", 3, 14, "boards[0].address", "'tcp://10.0.0.5' is not a TCP address; write tcp://HOST:PORT", DisplayName = "TCP address without port")]
    [DataRow("boards:\n  - name: Loom3\n    address: udp://h:1\n", 3, 14, "boards[0].address", "only tcp://HOST:PORT or a serial device", DisplayName = "unknown scheme")]
    [DataRow("boards:\n  - name: 3Loom\n    address: tcp://h:1\n", 2, 11, "boards[0].name", "'3Loom' is not an IEC identifier", DisplayName = "name not an identifier")]
    [DataRow("boards:\n  - name: Loom3\n    address: tcp://h:1\n  - name: LOOM3\n    address: tcp://h:2\n", 4, 11, "boards[1].name", "'LOOM3' is taken by another board ('Loom3'); ADS names ignore case", DisplayName = "duplicate name")]
    [DataRow("boards:\n  - name: A\n    address: tcp://h:1\n    slot: 2\n  - name: B\n    address: tcp://h:2\n    slot: 2\n", 7, 11, "boards[1].slot", "slot 2 is taken", DisplayName = "duplicate slot")]
    [DataRow("boards:\n  - name: A\n    address: tcp://h:1\n    baud: 9600\n", 4, 11, "boards[0].baud", "applies to serial devices only", DisplayName = "baud on TCP")]
    [DataRow("boards:\n  - name: A\n    address: /dev/ttyACM0\n    stale-after: 5\n", 4, 18, "boards[0].stale-after", "'5' is not a duration: a number and a unit", DisplayName = "duration without unit")]
    [DataRow("boards:\n  - name: A\n    address: /dev/ttyACM0\n    stale-after: 10ms\n", 4, 18, "boards[0].stale-after", "10 ms is too short; it must be at least 100 ms", DisplayName = "duration too short")]
    [DataRow("features: 0\nboards:\n  - name: A\n    address: tcp://h:1\n", 1, 11, "features", "0 is out of range; it must be 1 to 1024", DisplayName = "no feature slots")]
    [DataRow("boards: []\n", 1, 9, "boards", "needs at least one board", DisplayName = "no boards")]
    [DataRow("features: 8\n", 1, 1, "boards", "needs at least one board", DisplayName = "boards missing")]
    [DataRow("boards:\n  - address: tcp://h:1\n", 2, 5, "boards[0].name", "is required in boards[0]", DisplayName = "board without name")]
    [DataRow("boards:\n  - name: A\n    address: tcp://h:1\nads:\n  net-id: 192.168.1\n", 5, 11, "ads.net-id", "'192.168.1' is not an AMS net id", DisplayName = "bad net id")]
    [DataRow("boards:\n  - name: A\n    address: tcp://h:1\nads:\n  bind: 0.0.0.0\n", 5, 9, "ads.net-id", "is required when ads.bind is 0.0.0.0", DisplayName = "net id needed with any address")]
    [DataRow("boards:\n  - name: A\n    address: tcp://h:1\nads:\n  ads-port: 10000\n", 5, 13, "ads.ads-port", "10000 is the system service", DisplayName = "device on the system port")]
    [DataRow("boards:\n  - name: A\n    address: tcp://h:1\nads:\n  index-group: 0xF003\n", 5, 16, "ads.index-group", "0xF003 is not a data group", DisplayName = "index group in the service range")]
    [DataRow("boards:\n  - name: A\n    address: tcp://h:1\nads:\n  allowed-peers: [192.168.10.0/33]\n", 5, 19, "ads.allowed-peers[0]", "'192.168.10.0/33' is not an IP address or a network", DisplayName = "prefix too long")]
    [DataRow("boards:\n  - name: A\n    address: tcp://h:1\nads:\n  write-enabled:\n    - A.DriftAlarm\n", 6, 7, "ads.write-enabled", "'A.DriftAlarm' cannot be made writable; only a configured board's AlarmAck can (A.AlarmAck)", DisplayName = "writable telemetry")]
    [DataRow("boards:\n  - name: A\n    address: tcp://h:1\nads:\n  write-enabled: [B.AlarmAck]\n", 5, 19, "ads.write-enabled", "'B.AlarmAck' cannot be made writable", DisplayName = "acknowledge of an unknown board")]
    [DataRow("boards:\n  - name: A\n    address: tcp://h:1\nads:\n  device-name: Edge bridge for hall 3\n", 5, 16, "ads.device-name", "at most 15 printable ASCII characters", DisplayName = "device name too long")]
    [DataRow("boards:\n  - name: A\n    address: tcp://h:1\nads:\n  limits:\n    max-frame-size: 100\n", 6, 21, "ads.limits.max-frame-size", "100 is out of range; it must be 1024 to", DisplayName = "frame limit too small")]
    [DataRow("boards:\n  - name: A\n    address: tcp://h:1\nads:\n  allowed-peers: [10.0.0.0/24]\n  plc-peers: [10.0.1.5]\n", 6, 15, "ads.plc-peers", "10.0.1.5/32 is not in ads.allowed-peers, so it could never connect", DisplayName = "PLC peer not allowed")]
    [DataRow("boards:\n  - name: A\n    address: tcp://h:1\nads:\n  plc-peers: [127.0.0.1]\n  limits:\n    max-connections: 4\n", 7, 5, "ads.limits.reserved-connections", "4 must be below max-connections (4)", DisplayName = "everything reserved")]
    [DataRow("boards:\n  - name: A\n    address: tcp://h:1\nads:\n  net-id: 1.2.3.4.1.1\n  allowed-net-ids: [5.6.7.8.1.1]\n  allow-port-connect: true\n", 7, 23, "ads.allow-port-connect", "port-connect clients send as the bridge's net id 1.2.3.4.1.1, which ads.allowed-net-ids does not list", DisplayName = "port connect past the net-id list")]
    [DataRow("boards:\n  - name: A\n    address: tcp://h:1\nads:\n  limits:\n    idle-timeout: 50ms\n", 6, 19, "ads.limits.idle-timeout", "50 ms is too short; it must be at least 100 ms", DisplayName = "idle timeout too short")]
    [DataRow("boards:\n  - name: A\n    address: tcp://h:1\nads:\n  limits:\n    send-timeout: 48h\n", 6, 19, "ads.limits.send-timeout", "48h is too long; it must be at most 24h", DisplayName = "send timeout too long")]
    [DataRow("boards:\n  - name: A\n    address: tcp://h:1\nads:\n  limits:\n    max-queued-bytes: 1000\n", 6, 23, "ads.limits.max-queued-bytes", "1000 is out of range; it must be 65536 to", DisplayName = "queue limit too small")]
    [DataRow("boards:\n  - name: A\n    address: tcp://h:1\nprometheus:\n  url: https://0.0.0.0:9464/metrics\n", 5, 8, "prometheus.url", "is not an http://ADDRESS:PORT/PATH address", DisplayName = "https metrics")]
    [DataRow("boards:\n  - name: A\n    address: tcp://h:1\nprometheus:\n  enabled: yes please\n", 5, 12, "prometheus.enabled", "'yes please' is not true or false", DisplayName = "not a boolean")]
    [DataRow("boards:\n  name: A\n", 2, 3, "boards", "needs a list (items starting with '- '), not a mapping", DisplayName = "mapping instead of list")]
    [DataRow("ads: {}\nboards:\n  - name: A\n    address: tcp://h:1\nprometheus: 5\n", 5, 13, "prometheus", "needs keys below it (a mapping), not a value", DisplayName = "value instead of mapping")]
    public void MistakesNameFileLineColumnAndKey(string yaml, int line, int column, string key, string problem)
    {
        var e = Assert.ThrowsExactly<BridgeConfigException>(() => BridgeConfigLoader.Parse(yaml, "/etc/edge/bridge.yaml"));

        Assert.StartsWith($"/etc/edge/bridge.yaml:{line}:{column}: {key}: ", e.Message);
        Assert.Contains(problem, e.Message);
        Assert.AreEqual(key, e.Key);
        Assert.AreEqual(line, e.Line);
    }

    [TestMethod]
    [DataRow("boards:\n  - name: A\n   address: tcp://h:1\n", 3, DisplayName = "bad indentation")]
    [DataRow("boards:\n  - name: A\n    address: tcp://h:1\n    address: tcp://h:2\n", 4, DisplayName = "duplicate key")]
    [DataRow("boards: [\n", 2, DisplayName = "unclosed list")]
    public void YamlSyntaxErrorsNameTheLine(string yaml, int line)
    {
        var e = Assert.ThrowsExactly<BridgeConfigException>(() => BridgeConfigLoader.Parse(yaml, "bridge.yaml"));

        Assert.StartsWith($"bridge.yaml:{line}:", e.Message);
        Assert.Contains("not valid YAML", e.Message);
    }

    [TestMethod]
    public void AMissingOrEmptyFileIsNamed()
    {
        string directory = RepoPaths.TempDirectory("config");
        string missing = Path.Combine(directory, "nope.yaml");
        Assert.AreEqual($"{missing}: file not found", Assert.ThrowsExactly<BridgeConfigException>(() => BridgeConfigLoader.Load(missing)).Message);

        string empty = Path.Combine(directory, "empty.yaml");
        File.WriteAllText(empty, "# nothing yet\n");
        StringAssert.Contains(Assert.ThrowsExactly<BridgeConfigException>(() => BridgeConfigLoader.Load(empty)).Message, "the file is empty");
    }
}
