using System.Globalization;
using Edge.PlcBridge.Configuration;
using Edge.PlcBridge.Layout;

namespace Edge.PlcBridge.Output;

/// <summary>What `edge bridge check-config` prints: the settings as the bridge will use them, and the memory map.</summary>
public static class ConfigReport
{
    public static void Write(TextWriter w, BridgeConfig config)
    {
        var map = MemoryMap.Of(config);
        var ads = config.Ads;
        var inv = CultureInfo.InvariantCulture;
        w.WriteLine($"{config.Source}: valid, {config.Boards.Count} board(s)");
        w.WriteLine(FormattableString.Invariant($"ADS: listening on {ads.Bind}:{ads.TcpPort}, net id {ads.NetId}, port {ads.AdsPort}, device name '{ads.DeviceName}'"));
        w.WriteLine($"  peers allowed: {List(ads.AllowedPeers.Select(p => p.ToString()), "any")}; net ids allowed: {List(ads.AllowedNetIds.Select(n => n.ToString()), "any")}");
        w.WriteLine($"  writable: {List(ads.WriteEnabled, "nothing (read-only)")}; port connect {(ads.AllowPortConnect ? "allowed" : "refused")}");
        var l = ads.Limits;
        w.WriteLine(FormattableString.Invariant(
            $"  limits: {l.MaxConnections} connections, {l.MaxConnectionsPerPeer} per peer, frames up to {l.MaxFrameSize} B, {l.MaxHandlesPerConnection} handles and {l.MaxNotificationsPerConnection} notifications per connection, cycle at least {l.MinimumCycleTime.TotalMilliseconds} ms"));
        w.WriteLine(ads.PlcPeers.Count == 0
            ? "  PLC peers: none (ads.plc-peers): no connections are reserved, so clients holding every connection can lock a PLC out"
            : $"  PLC peers: {List(ads.PlcPeers.Select(p => p.ToString()), "")}, {l.ReservedConnections.ToString(CultureInfo.InvariantCulture)} connections reserved for them");
        w.WriteLine(FormattableString.Invariant(
            $"  timeouts: idle {l.IdleTimeout.TotalSeconds} s, request {l.RequestTimeout.TotalSeconds} s, send {l.SendTimeout.TotalSeconds} s; up to {l.MaxQueuedBytesPerConnection} B queued per peer, notifications watch up to {l.MaxNotificationBytesPerConnection} B per connection"));
        w.WriteLine($"Prometheus: {(config.Prometheus.Enabled ? config.Prometheus.Url.ToString() : "off")}");
        Alerts.AlertsReport.Write(w, config.Alerts);
        w.WriteLine();
        w.WriteLine(FormattableString.Invariant($"memory map: index group 0x{map.IndexGroup:X} (16#{map.IndexGroup:X}), {BoardLayout.TypeName} {map.Layout.ByteSize} bytes with {map.Layout.FeatureSlots} feature slots, {map.TotalSize} bytes in all"));
        var rows = map.Entries.Select(e =>
        {
            var board = config.Boards.Single(b => b.Name == e.Board);
            return new[]
            {
                e.Slot.ToString(inv), e.Board, $"0x{e.IndexGroup:X}", e.IndexOffset.ToString(inv), e.Size.ToString(inv),
                board.StaleAfter.TotalSeconds.ToString("0.###", inv) + " s", board.IsTcp ? board.Address : $"{board.Address} @ {board.BaudRate}",
            };
        });
        Table(w, ["slot", "board", "group", "offset", "size", "stale after", "address"], rows);
        w.WriteLine();
        w.WriteLine($"members of {BoardLayout.TypeName} (offset from the board's start):");
        Table(w, ["offset", "size", "member", "type"],
            map.Layout.Type.Members.Select(m => new[] { m.Offset.ToString(inv), m.Type.Size.ToString(inv), m.Name, m.Type.Name }));
    }

    private static string List(IEnumerable<string> items, string none)
    {
        var all = items.ToArray();
        return all.Length == 0 ? none : string.Join(", ", all);
    }

    private static void Table(TextWriter w, string[] header, IEnumerable<string[]> rows)
    {
        var all = rows.Prepend(header).ToArray();
        int[] widths = header.Select((_, c) => all.Max(r => r[c].Length)).ToArray();
        foreach (var row in all)
            w.WriteLine("  " + string.Join("  ", row.Select((cell, c) => c == row.Length - 1 ? cell : cell.PadRight(widths[c]))).TrimEnd());
    }
}
