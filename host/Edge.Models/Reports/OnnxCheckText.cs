using Edge.Models.Import;

namespace Edge.Models.Reports;

/// <summary>`edge model inspect --onnx` as text: one line per node, then what holds the graph back.</summary>
public static class OnnxCheckText
{
    public static void Write(OnnxCheck check, TextWriter w)
    {
        w.WriteLine($"{check.Path}: {check.Nodes.Count} nodes, {(check.Converts ? "converts" : "does not convert")}");
        w.WriteLine();
        var table = new TextTable("#", "op", "node", "status", "detail");
        foreach (var n in check.Nodes) table.Add(n.Index.ToString(System.Globalization.CultureInfo.InvariantCulture), n.OpType, n.Name, Status(n.Status), n.Detail);
        table.Write(w);
        if (check.GraphProblem is { } problem) w.WriteLine($"\ngraph: {problem}");
        if (check.Preparation is { } preparation) w.WriteLine($"\n{preparation}");
    }

    /// <summary>The first thing that stops the conversion, for the one `error:` line.</summary>
    public static string Reason(OnnxCheck check) =>
        check.GraphProblem ?? check.Nodes.Where(n => n.Status == NodeStatus.Unsupported).Select(n => $"node {n.Index} {n.OpType} '{n.Name}': {n.Detail}").FirstOrDefault() ?? "no nodes";

    public static string Status(NodeStatus status) => status switch
    {
        NodeStatus.Ok => "ok",
        NodeStatus.Folded => "folded",
        NodeStatus.Unsupported => "unsupported",
        _ => "not checked",
    };
}
