using Edge.PlcBridge.Alerts.Configuration;
using Edge.PlcBridge.Configuration;

namespace Edge.PlcBridge.Tests.Alerts;

/// <summary>The `alerts:` section: every key read, defaults, paths relative to the file, and each mistake named by file, line, column and key.</summary>
[TestClass]
public sealed class AlertsConfigTests
{
    private const string Boards = """
        boards:
          - name: Loom3
            address: tcp://127.0.0.1:4711
        """;

    [TestMethod]
    public void EveryKeyIsReadAndPathsAreRelativeToTheFile()
    {
        var config = BridgeConfigLoader.Parse(Boards + """

            alerts:
              queue: 50
              state-file: state/alerts.json
              dead-letters: /var/lib/edge/dead
              routes:
                - name: ops
                  type: webhook
                  url: https://hooks.example.org/edge?team=maint
                  headers:
                    Authorization: Bearer abc
                    X-Plant: "Hall 2"
                  secret: s3cret
                  timeout: 3s
                  retries: 5
                  backoff: 250ms
                  max-backoff: 30s
                - name: plant
                  type: mqtt
                  host: broker.plant1
                  tls: true
                  topic-prefix: plant1/edge/
                  client-id: bridge-hall2
                  username: edge
                  password: pw
            """, "/etc/edge/bridge.yaml").Alerts;
        Assert.IsTrue(config.Enabled);
        Assert.AreEqual(50, config.QueueCapacity);
        Assert.AreEqual("/etc/edge/state/alerts.json", config.StateFile);
        Assert.AreEqual("/var/lib/edge/dead", config.DeadLetterFolder);
        var ops = (WebhookRouteConfig)config.Routes[0];
        Assert.AreEqual(new Uri("https://hooks.example.org/edge?team=maint"), ops.Url);
        Assert.AreEqual("Bearer abc", ops.Headers["authorization"]);
        Assert.AreEqual("Hall 2", ops.Headers["X-Plant"]);
        Assert.AreEqual("s3cret", ops.Secret);
        Assert.AreEqual(new AlertRetryPolicy(5, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(3)), ops.Retry);
        var plant = (MqttRouteConfig)config.Routes[1];
        Assert.AreEqual(("broker.plant1", 8883, true), (plant.Host, plant.Port, plant.Tls), "TLS defaults to port 8883");
        Assert.AreEqual("plant1/edge/Loom3/drift-alarm", plant.Topic("Loom3", "drift-alarm"));
        Assert.AreEqual(("bridge-hall2", "edge", "pw"), (plant.ClientId, plant.Username, plant.Password));
        Assert.AreEqual(AlertRetryPolicy.Default, plant.Retry);
    }

    [TestMethod]
    public void WithoutTheSectionAlertsAreOffAndTheDefaultsSitBesideTheFile()
    {
        var config = BridgeConfigLoader.Parse(Boards, "/etc/edge/bridge.yaml").Alerts;
        Assert.IsFalse(config.Enabled);
        Assert.AreEqual("/etc/edge/alerts-state.json", BridgeConfigLoader.Parse(Boards + "\nalerts:\n  routes: []\n", "/etc/edge/bridge.yaml").Alerts.StateFile);
    }

    [TestMethod]
    public void BackoffDoublesUpToItsCeiling()
    {
        var retry = new AlertRetryPolicy(10, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5));
        CollectionAssert.AreEqual(new[] { 1.0, 2, 4, 8, 10, 10 }, Enumerable.Range(1, 6).Select(r => retry.BackoffBefore(r).TotalSeconds).ToArray());
        Assert.AreEqual(TimeSpan.FromSeconds(10), retry.BackoffBefore(100), "no overflow for many retries");
    }

    [TestMethod]
    [DataRow("type: pager\n      url: http://127.0.0.1/", "alerts.routes[0].type: 'pager' is not a route type; use webhook or mqtt")]
    [DataRow("type: webhook\n      url: ftp://127.0.0.1/", "alerts.routes[0].url: 'ftp://127.0.0.1/' is not an http:// or https:// address")]
    [DataRow("type: webhook\n      url: http://127.0.0.1/\n      host: x", "alerts.routes[0].host: unknown key")]
    [DataRow("type: webhook\n      url: http://127.0.0.1/\n      headers:\n        Content-Type: text/plain", "alerts.routes[0].headers.Content-Type: 'Content-Type' cannot be sent as a request header")]
    [DataRow("type: webhook\n      url: http://127.0.0.1/\n      retries: -1", "alerts.routes[0].retries: -1 is out of range; it must be 0 to 100")]
    [DataRow("type: webhook\n      url: http://127.0.0.1/\n      timeout: 5", "alerts.routes[0].timeout: '5' is not a duration")]
    [DataRow("type: mqtt", "alerts.routes[0].host: is required in alerts.routes[0]")]
    [DataRow("type: mqtt\n      host: b\n      password: x", "alerts.routes[0].password: needs a username")]
    [DataRow("type: mqtt\n      host: b\n      topic-prefix: plant/#", "alerts.routes[0].topic-prefix: 'plant/#' is not a topic prefix")]
    public void AMistakeInARouteIsNamedWithItsPlace(string route, string expected)
    {
        var e = Assert.ThrowsExactly<BridgeConfigException>(() => BridgeConfigLoader.Parse(Boards + $"""

            alerts:
              routes:
                - name: ops
                  {route}
            """, "bridge.yaml"));
        StringAssert.StartsWith(e.Message, "bridge.yaml:");
        StringAssert.Contains(e.Message, expected);
    }

    [TestMethod]
    public void TwoRoutesCannotShareAName()
    {
        var e = Assert.ThrowsExactly<BridgeConfigException>(() => BridgeConfigLoader.Parse(Boards + """

            alerts:
              routes:
                - { name: ops, type: webhook, url: "http://127.0.0.1/a" }
                - { name: OPS, type: webhook, url: "http://127.0.0.1/b" }
            """, "bridge.yaml"));
        Assert.AreEqual("bridge.yaml:7:15: alerts.routes[1].name: 'OPS' is the name of another route; each needs its own (it names dead letters and metrics)", e.Message);
    }

    [TestMethod]
    public void ADeadLetterFolderThatIsAFileIsRefused()
    {
        string file = Path.Combine(RepoPaths.TempDirectory("alerts-config"), "dead");
        File.WriteAllText(file, "");
        var e = Assert.ThrowsExactly<BridgeConfigException>(() => BridgeConfigLoader.Parse(Boards + $"\nalerts:\n  dead-letters: {file}\n", "bridge.yaml"));
        StringAssert.Contains(e.Message, $"alerts.dead-letters: {file} is a file; dead letters need a folder");
    }
}
