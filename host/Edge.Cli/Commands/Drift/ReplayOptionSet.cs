using System.CommandLine;
using Edge.Cli.Grammar;
using Edge.Device.Drift;
using Edge.Drift.Replay;

namespace Edge.Cli.Commands.Drift;

/// <summary>How data is replayed through the board's drift code (window size, which rows are anomalous): one set of options for `edge drift replay` and `edge drift report`.</summary>
internal sealed class ReplayOptionSet
{
    public Option<int?> Window { get; } = new Option<int?>("--window", "-w") { Description = "Samples per tumbling window (default: the profile's)." }.Within(1, DriftProfileFormat.MaxWindow);

    public Option<string?> AnomalyColumn { get; } = new("--anomaly-column") { Description = "Numeric column flagging anomalous rows (a model's score or a 0/1 flag); default: the board's out-of-profile check." };

    public Option<double> AnomalyThreshold { get; } = new Option<double>("--anomaly-threshold") { Description = "Rows at or above this value of --anomaly-column are anomalous.", DefaultValueFactory = _ => 0.5 }.Unbounded("any number: a score threshold");

    public Option<bool> NoAnomalies { get; } = new("--no-anomalies") { Description = "Flag no row as anomalous (no anomaly-burst check)." };

    public IEnumerable<Option> All => [Window, AnomalyColumn, AnomalyThreshold, NoAnomalies];

    public ReplayOptions Read(ParseResult parse, InputPrecision precision = InputPrecision.Float32) => new()
    {
        WindowSize = parse.GetValue(Window),
        AnomalyColumn = parse.GetValue(AnomalyColumn),
        AnomalyThreshold = parse.GetValue(AnomalyThreshold),
        NoAnomalies = parse.GetValue(NoAnomalies),
        Precision = precision,
    };
}
