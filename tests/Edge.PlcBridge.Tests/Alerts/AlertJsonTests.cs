using Edge.PlcBridge.Alerts.Events;
using Edge.PlcBridge.Alerts.Routes;

namespace Edge.PlcBridge.Tests.Alerts;

/// <summary>The JSON every route sends, byte for byte as plc-bridge/README.md documents it, and the webhook signature against a published HMAC-SHA256 test vector.</summary>
[TestClass]
public sealed class AlertJsonTests
{
    [TestMethod]
    public void AnEventIsWrittenInTheDocumentedShape()
    {
        var alert = new AlertEvent("Loom3/drift-alarm/3", AlertKinds.DriftAlarm, AlertKinds.Raised, 3, "Loom3", "4f1c2a9be07d3a11",
            new DateTime(2026, 12, 5, 1, 2, 3, 456, DateTimeKind.Utc), "Loom3: drift alarm raised",
            new AlertMetrics(Online: true, DriftAlarm: true, CaptureState: "frozen", Window: 12, Verdict: "confirmed", DriftScore: 0.625, AnomalyRate: 1,
                Samples: 600, Anomalies: 600, MissingValues: 0, LastSeen: new DateTime(2026, 12, 5, 1, 2, 3, DateTimeKind.Utc), Error: null,
                DriftedFeatures: [new AlertFeature(0, "f0", 0.41, false, 0.2), new AlertFeature(3, "load", null, true, 11.07)]),
            new AlertThresholds(DriftShare: 0.5, ConsecutiveWindows: 2, AnomalyBurstRate: 0.3, CaptureRows: 64, StaleAfterSeconds: 5));
        string json = System.Text.Encoding.UTF8.GetString(AlertJson.Serialize(alert));
        string expected = """
            {"id":"Loom3/drift-alarm/3","kind":"drift-alarm","transition":"raised","sequence":3,"board":"Loom3","model":"4f1c2a9be07d3a11",
            "time":"2026-12-05T01:02:03.456Z","message":"Loom3: drift alarm raised","metrics":{"online":true,"driftAlarm":true,"captureState":"frozen",
            "window":12,"verdict":"confirmed","driftScore":0.625,"anomalyRate":1,"samples":600,"anomalies":600,"missingValues":0,
            "lastSeen":"2026-12-05T01:02:03Z","driftedFeatures":[{"index":0,"name":"f0","statistic":0.41,"saturated":false,"threshold":0.2},
            {"index":3,"name":"load","saturated":true,"threshold":11.07}]},"thresholds":{"driftShare":0.5,"consecutiveWindows":2,
            "anomalyBurstRate":0.3,"captureRows":64,"staleAfterSeconds":5}}
            """;
        Assert.AreEqual(expected.ReplaceLineEndings(""), json);
        Assert.AreEqual(alert with { Metrics = alert.Metrics with { DriftedFeatures = null } },
            AlertJson.Deserialize(AlertJson.Serialize(alert))! with { Metrics = alert.Metrics with { DriftedFeatures = null } }, "it reads back");
    }

    [TestMethod]
    public void TheSignatureIsHmacSha256OfTheBody()
    {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        Assert.AreEqual("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
            WebhookRoute.Signature("Jefe", "what do ya want for nothing?"u8));
    }
}
