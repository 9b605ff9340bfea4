using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Edge.Device.Link;
using Edge.Device.Link.Messages;
using Edge.TestSupport;

namespace Edge.Device.Tests.Link;

/// <summary>
/// The spec cannot drift from the code: firmware/docs/link-protocol.md's tables (frame, status
/// codes, commands, every message) are generated here from the golden vectors, which the codecs
/// are held to both ways. A doc that differs fails with the difference; run with
/// EDGE_REWRITE_DOCS=1 to rewrite it.
/// </summary>
[TestClass]
public sealed partial class LinkProtocolDocTests
{
    private static string DocPath => Path.Combine(RepoPaths.Root, "firmware", "docs", "link-protocol.md");

    /// <summary>What each status means and what its payload holds (the names are LinkStatus's own).</summary>
    private static readonly (byte Code, string Meaning, string? Payload)[] Statuses =
    [
        (LinkStatus.Ok, "", null),
        (LinkStatus.UnknownCommand, "the board does not know this command", null),
        (LinkStatus.BadRequest, "the payload does not read (too short, too long, a field out of range) or the request cannot apply", "ErrorText"),
        (LinkStatus.UnsupportedVersion, "hello of another protocol version; no session opens", "VersionReply"),
        (LinkStatus.NoModel, "the command needs a model and none is loaded", null),
        (LinkStatus.TooLarge, "an upload larger than the staging area", "UploadOffset"),
        (LinkStatus.BadOffset, "an upload chunk not at the expected offset, or rows not at the session's row position or sent before the host saw the last window close: nothing taken", "UploadOffset, RowsReply"),
        (LinkStatus.ChecksumMismatch, "the staged upload's CRC-32 differs from the one announced", null),
        (LinkStatus.InvalidFile, "the staged file does not load; the old one keeps running", "ErrorText"),
        (LinkStatus.Busy, "the board cannot take this now: an acknowledge that does not name its frozen capture", "CaptureInfo"),
        (LinkStatus.Failed, "the command ran and failed", "ErrorText"),
        (LinkStatus.StaleSession, "the request's session is not the board's (it restarted, or another host opened one): not run", "StaleSessionReply"),
        (LinkStatus.OutOfOrder, "the request id is not the next one: not run; sent once per gap", "OutOfOrderReply"),
    ];

    /// <summary>Each command: its request and its ok reply (— for an empty payload), and which other replies carry a payload.</summary>
    private static readonly (byte Command, string Request, string Reply, string Note)[] Commands =
    [
        (LinkCommand.Hello, "HelloRequest", "HelloReply", "opens the session; unsupported-version: VersionReply"),
        (LinkCommand.Status, "—", "StatusRecord", ""),
        (LinkCommand.Ping, "—", "—", "the host's heartbeat"),
        (LinkCommand.UploadBegin, "UploadBeginRequest", "UploadOffset", "too-large: UploadOffset (the capacity)"),
        (LinkCommand.UploadChunk, "UploadChunkRequest", "UploadOffset", "bad-offset: UploadOffset (the one expected)"),
        (LinkCommand.UploadCommit, "—", "UploadCommitReply", "checks the CRC, loads; invalid-file: ErrorText"),
        (LinkCommand.UploadStatus, "—", "UploadStatusReply", ""),
        (LinkCommand.ConfigureRows, "ConfigureRowsRequest", "—", "bad-request: ErrorText"),
        (LinkCommand.Rows, "RowsRequest", "RowsReply", "bad-offset: RowsReply (nothing taken)"),
        (LinkCommand.SetVector, "SetVectorRequest", "—", ""),
        (LinkCommand.Infer, "InferRequest", "InferReply", ""),
        (LinkCommand.Window, "WindowRequest", "WindowPage", "failed (no profile): ErrorText"),
        (LinkCommand.Telemetry, "TelemetrySettings", "—", ""),
        (LinkCommand.CaptureInfo, "—", "CaptureInfo", ""),
        (LinkCommand.CaptureRead, "CaptureReadRequest", "CapturePage", ""),
        (LinkCommand.Acknowledge, "AcknowledgeRequest", "—", "busy: CaptureInfo (the capture not stored)"),
    ];

    [TestMethod]
    public void TheSpecsTablesAreTheGoldenVectors()
    {
        string doc = File.ReadAllText(DocPath);
        string expected = doc;
        expected = Replace(expected, "frame", FrameTable());
        expected = Replace(expected, "status", StatusTable());
        expected = Replace(expected, "commands", CommandTable());
        expected = Replace(expected, "messages", MessageTables());
        if (expected == doc) return;
        if (Environment.GetEnvironmentVariable("EDGE_REWRITE_DOCS") == "1")
        {
            File.WriteAllText(DocPath, expected);
            return;
        }
        Assert.Fail($"{DocPath} differs from the golden vectors (EDGE_REWRITE_DOCS=1 rewrites it):\n{Difference(doc, expected)}");
    }

    [TestMethod]
    public void EveryCommandAndStatusIsInTheSpec()
    {
        var commandIds = typeof(LinkCommand).GetFields().Where(f => f.IsLiteral).Select(f => (byte)f.GetValue(null)!).ToHashSet();
        CollectionAssert.AreEquivalent(commandIds.ToArray(), Commands.Select(c => c.Command).ToArray(), "every LinkCommand is listed");
        var statusCodes = typeof(LinkStatus).GetFields().Where(f => f.IsLiteral).Select(f => (byte)f.GetValue(null)!).ToArray();
        CollectionAssert.AreEquivalent(statusCodes, Statuses.Select(s => s.Code).ToArray(), "every LinkStatus is listed");
        var named = Commands.SelectMany(c => new[] { c.Request, c.Reply }).Concat(Statuses.Select(s => s.Payload ?? "—").SelectMany(p => p.Split(", ")))
            .Where(m => m != "—").ToHashSet();
        CollectionAssert.AreEquivalent(LinkGoldens.All.Select(g => g.Name).ToArray(), named.ToArray(), "every message has a golden, and every golden a place in the spec");
        var messageTypes = typeof(LinkMessage).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(LinkMessage))).Select(t => t.Name).ToArray();
        CollectionAssert.AreEquivalent(messageTypes, LinkGoldens.All.Select(g => g.Name).ToArray(), "every LinkMessage class has a golden vector");
    }

    private static string FrameTable()
    {
        var text = new StringBuilder("| Offset | Field | Type | Meaning |\n|---:|---|---|---|\n");
        int offset = 0;
        bool fixedOffsets = true;
        foreach (var line in GoldenHex.Lines(LinkFrameTests.RequestFrame))
        {
            var (type, name, meaning) = Split(line);
            if (line.Repeated) fixedOffsets = false;
            string at = line.Repeated ? "14" : fixedOffsets ? offset.ToString(CultureInfo.InvariantCulture) : "14+n";
            text.Append(CultureInfo.InvariantCulture, $"| {at} | {name} | {(line.Repeated ? "n bytes" : type)} | {meaning} |\n");
            offset += line.Bytes.Length;
        }
        return text.ToString();
    }

    private static string StatusTable()
    {
        var text = new StringBuilder("| Code | Name | Meaning | Payload |\n|---:|---|---|---|\n");
        foreach (var (code, meaning, payload) in Statuses)
            text.Append(CultureInfo.InvariantCulture, $"| {code} | {LinkStatus.Name(code)} | {meaning} | {(payload is null ? "—" : string.Join(", ", payload.Split(", ").Select(Link)))} |\n");
        return text.ToString();
    }

    private static string CommandTable()
    {
        var text = new StringBuilder("| Id | Command | Request | Reply (ok) | Notes |\n|---|---|---|---|---|\n");
        foreach (var (command, request, reply, note) in Commands)
            text.Append(CultureInfo.InvariantCulture, $"| 0x{command:X2} | {LinkCommand.Name(command)} | {Link(request)} | {Link(reply)} | {note} |\n");
        return text.ToString();
    }

    private static string MessageTables()
    {
        var text = new StringBuilder();
        foreach (var golden in LinkGoldens.All)
        {
            text.Append(CultureInfo.InvariantCulture, $"#### {golden.Name}\n\n{golden.Summary}\n\n| Field | Type | Meaning |\n|---|---|---|\n");
            var seen = new HashSet<string>();
            int fixedBytes = 0;
            bool repeats = false;
            foreach (var line in GoldenHex.Lines(golden.Hex))
            {
                if (line.Repeated)
                {
                    repeats = true;
                    if (line.Field.Length == 0 || !seen.Add(line.Field)) continue;
                }
                else
                {
                    fixedBytes += line.Bytes.Length;
                }
                var (type, name, meaning) = Split(line);
                text.Append(CultureInfo.InvariantCulture, $"| {(line.Repeated ? name + " (repeated)" : name)} | {type} | {meaning} |\n");
            }
            text.Append(CultureInfo.InvariantCulture, $"\n{fixedBytes} bytes{(repeats ? " before the repeated fields" : "")}; golden: {GoldenHex.Parse(golden.Hex).Length} bytes.\n\n");
        }
        return text.ToString().TrimEnd() + "\n";
    }

    private static string Link(string message) => message == "—" ? message : $"[{message}](#{message.ToLowerInvariant()})";

    /// <summary>"u16 count: meaning" into its type, name and meaning.</summary>
    private static (string Type, string Name, string Meaning) Split(GoldenHex.Line line)
    {
        var match = FieldComment().Match(line.Field);
        if (!match.Success) throw new FormatException($"golden comment '{line.Comment}' is not 'type name: meaning'");
        return (match.Groups[1].Value, match.Groups[2].Value.Trim(), match.Groups[3].Value.Trim());
    }

    [GeneratedRegex(@"^(\S+)\s+([^:]+)(?::\s*(.*))?$")]
    private static partial Regex FieldComment();

    private static string Replace(string doc, string block, string content)
    {
        string begin = $"<!-- generated: {block} (tests/Edge.Device.Tests/Link/LinkProtocolDocTests.cs; EDGE_REWRITE_DOCS=1 rewrites) -->\n";
        string end = $"<!-- end generated: {block} -->";
        int from = doc.IndexOf(begin, StringComparison.Ordinal);
        int to = doc.IndexOf(end, StringComparison.Ordinal);
        if (from < 0 || to < from) throw new InvalidOperationException($"{DocPath} lacks the markers of the generated {block} table:\n{begin}{end}");
        return doc[..(from + begin.Length)] + content + doc[to..];
    }

    private static string Difference(string actual, string expected)
    {
        var a = actual.Split('\n');
        var e = expected.Split('\n');
        for (int i = 0; i < Math.Max(a.Length, e.Length); i++)
        {
            string x = i < a.Length ? a[i] : "(end)";
            string y = i < e.Length ? e[i] : "(end)";
            if (x != y) return $"line {i + 1}:\n  doc:    {x}\n  golden: {y}";
        }
        return "(whitespace)";
    }
}
