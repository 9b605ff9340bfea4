using System.Globalization;
using System.Runtime.InteropServices;
using Edge.Ads.Benchmarks;

// Usage: dotnet run -c Release --project tests/Benchmarks/Edge.Ads.Benchmarks [-- --seconds 5] [--attacks]
// Client and server share this process and loopback; the figures are the server's cost plus one
// client stack, on whatever machine runs it (printed below). --attacks replays issue 12's attacks instead.
int at = Array.IndexOf(args, "--seconds");
int seconds = at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : 5;
var duration = TimeSpan.FromSeconds(seconds);

if (args.Contains("--attacks"))
{
    Console.WriteLine("# ADS server under issue 12's attacks");
    Console.WriteLine($"{RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
    Console.WriteLine();
    Console.WriteLine("| Attack | Run | Measured | Also |");
    Console.WriteLine("|---|---|---|---|");
    await Attacks.NotificationFloodAsync(TimeSpan.FromSeconds(Math.Max(seconds, 20)), clientReads: true);
    await Attacks.NotificationFloodAsync(TimeSpan.FromSeconds(Math.Max(seconds, 20)), clientReads: false);
    await Attacks.ConnectionExhaustionAsync(attackerSendsRequests: false);
    await Attacks.ConnectionExhaustionAsync(attackerSendsRequests: true);
    await Attacks.ConnectFloodAsync(TimeSpan.FromSeconds(10));
    await Attacks.DescriptorExhaustionAsync();
    return;
}

Console.WriteLine($"# ADS server load benchmark");
Console.WriteLine($"{RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}, {Environment.ProcessorCount} cores, .NET {Environment.Version}; {seconds} s per throughput run");
Console.WriteLine();
Console.WriteLine("| Scenario | Operations | Throughput | p50 | p99 |");
Console.WriteLine("|---|---:|---:|---:|---:|");

await using var server = await BenchServer.StartAsync();
var results = new[]
{
    await Scenarios.ReadsAsync(server, clients: 1, duration),
    await Scenarios.ReadsAsync(server, clients: 16, duration),
    await Scenarios.SumReadsAsync(server, clients: 1, duration),
    await Scenarios.SumReadsAsync(server, clients: 16, duration),
    await Scenarios.FanOutAsync(server, subscribers: 1, changes: 500),
    await Scenarios.FanOutAsync(server, subscribers: 16, changes: 500),
    await Scenarios.FanOutAsync(server, subscribers: 64, changes: 200),
};
foreach (var result in results)
    Console.WriteLine(result.ToMarkdownRow());
var stats = server.Server.Statistics;
Console.WriteLine();
Console.WriteLine($"server: {stats.FramesReceived:N0} frames, {stats.ErrorReplies} error answers, {stats.NotificationsSent:N0} notification samples, {stats.NotificationsDropped} dropped");
