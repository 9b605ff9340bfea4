using System.Text;
using System.Text.Json;
using Edge.PlcBridge.Tests.Support;
using Edge.TestSupport.Servers;
using MQTTnet;
using MQTTnet.Protocol;

namespace Edge.PlcBridge.Tests.Alerts;

/// <summary>
/// The MQTT route against a real broker (Debian's mosquitto 2.0, on loopback, started and stopped
/// by its process id) with password authentication, watched by an MQTTnet client subscribed to
/// the alert topics: one QoS 1 message per transition on PREFIX/BOARD/KIND, and a route with the
/// wrong password leaves a dead letter.
/// </summary>
[TestClass]
public sealed class MqttAlertTests
{
    [TestMethod]
    public async Task EachTransitionReachesASubscriberOnceOnItsTopic()
    {
        if (!OperatingSystem.IsLinux())
            Assert.Inconclusive("Debian's mosquitto package");
        using var broker = MosquittoBroker.Start();
        var received = new List<(string Topic, MqttQualityOfServiceLevel QoS, string Payload)>();
        var marker = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscriber = new MqttClientFactory().CreateMqttClient();
        subscriber.ApplicationMessageReceivedAsync += e =>
        {
            var message = e.ApplicationMessage;
            if (message.Topic == "plant1/alerts/test/marker")
                marker.TrySetResult();
            else
                lock (received) received.Add((message.Topic, message.QualityOfServiceLevel, message.ConvertPayloadToString()));
            return Task.CompletedTask;
        };
        var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", broker.Port).WithCredentials(MosquittoBroker.User, MosquittoBroker.Password)
            .WithClientId("edge-test-subscriber").Build();
        await subscriber.ConnectAsync(options);
        await subscriber.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic("plant1/alerts/#").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)).Build());

        string folder = RepoPaths.TempDirectory("alerts-mqtt");
        string routes = $"""
                - name: plant
                  type: mqtt
                  host: 127.0.0.1
                  port: {broker.Port}
                  topic-prefix: plant1/alerts/
                  username: {MosquittoBroker.User}
                  password: {MosquittoBroker.Password}
                  backoff: 10ms
                - name: intruder
                  type: mqtt
                  host: 127.0.0.1
                  port: {broker.Port}
                  username: {MosquittoBroker.User}
                  password: not-the-password
                  retries: 1
                  backoff: 10ms
            """;
        var raised = Snapshots.Random("Loom3", seed: 11, features: 4) with { DriftAlarm = true };
        await using (var bridge = await TestBridge.StartAsync(AlertBridges.Yaml(folder, routes)))
        {
            for (int i = 0; i < 10; i++)
                bridge.Feeds["Loom3"].Push(raised with { Samples = raised.Samples + i });
            bridge.Feeds["Loom3"].Push(raised with { DriftAlarm = false });
            await bridge.DrainAsync("Loom3", 11);
            var plant = bridge.Route("plant");
            Assert.AreEqual((2L, 2L, 0L, 0L), (plant.Accepted, plant.Delivered, plant.DeadLettered, plant.FailedAttempts), broker.Tail());
            var intruder = bridge.Route("intruder");
            Assert.AreEqual((0L, 2L, 4L), (intruder.Delivered, intruder.DeadLettered, intruder.FailedAttempts), "refused by the broker, twice per event");
        }

        // A message of our own after the bridge's: once it arrives, the broker has passed on everything before it.
        await subscriber.PublishAsync(new MqttApplicationMessageBuilder().WithTopic("plant1/alerts/test/marker").WithPayload("fence")
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        await marker.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await subscriber.DisconnectAsync();

        (string Topic, MqttQualityOfServiceLevel QoS, string Payload)[] messages;
        lock (received) messages = received.ToArray();
        CollectionAssert.AreEqual(new[] { "plant1/alerts/Loom3/drift-alarm", "plant1/alerts/Loom3/drift-alarm" }, messages.Select(m => m.Topic).ToArray());
        Assert.IsTrue(messages.All(m => m.QoS == MqttQualityOfServiceLevel.AtLeastOnce), "published with QoS 1");
        var events = messages.Select(m => JsonDocument.Parse(m.Payload).RootElement).ToArray();
        CollectionAssert.AreEqual(new[] { "Loom3/drift-alarm/1 raised", "Loom3/drift-alarm/2 cleared" },
            events.Select(e => $"{e.GetProperty("id").GetString()} {e.GetProperty("transition").GetString()}").ToArray());
        Assert.AreEqual(raised.ModelId, events[0].GetProperty("model").GetString());
        Assert.AreEqual(raised.DriftScore, events[0].GetProperty("metrics").GetProperty("driftScore").GetDouble());
        Assert.AreEqual(raised.Samples, events[0].GetProperty("metrics").GetProperty("samples").GetInt64());

        var letters = Directory.GetFiles(Path.Combine(folder, "dead-letters")).Select(f => JsonDocument.Parse(File.ReadAllBytes(f)).RootElement).ToArray();
        Assert.HasCount(2, letters);
        Assert.IsTrue(letters.All(l => l.GetProperty("route").GetString() == "intruder" && l.GetProperty("attempts").GetInt32() == 2), string.Join("\n", letters));
        StringAssert.Contains(letters[0].GetProperty("lastError").GetString(), $"mqtt://127.0.0.1:{broker.Port}");
    }
}
