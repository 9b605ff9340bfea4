using Edge.Hil.Matrix;
using Edge.Hil.Plan;
using Edge.Hil.Rigs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Hil.Run;

/// <summary>What `edge hil run` is asked to do.</summary>
public sealed record HilRunOptions
{
    public required Rig Rig { get; init; }

    /// <summary>`--models`: .onnx/.edgem files or folders.</summary>
    public required IReadOnlyList<string> Models { get; init; }

    /// <summary>`--data`: tables or folders; MODEL=FILE binds one table to a model.</summary>
    public required IReadOnlyList<string> Data { get; init; }

    /// <summary>`--calib`: calibration tables for the ONNX models the harness converts; empty = the data.</summary>
    public IReadOnlyList<string> Calibration { get; init; } = [];

    /// <summary>`--firmware`: revisions, each a column of the matrix.</summary>
    public IReadOnlyList<string> Firmware { get; init; } = [FirmwareVersions.Current];

    /// <summary>`--boards`: a subset of the rig's boards; empty = all.</summary>
    public IReadOnlyList<string> Boards { get; init; } = [];

    public Shard Shard { get; init; } = Shard.All;

    public required string OutputDirectory { get; init; }

    /// <summary>Keep cells already complete with the same inputs; run the rest.</summary>
    public bool Resume { get; init; }

    /// <summary>
    /// How many positions (each a monitor with the boards behind it) are measured at the same time;
    /// null = all of them. 1 measures one position after another.
    /// </summary>
    public int? MaxParallelPositions { get; init; }

    /// <summary>The measurement plan; null = the rig's.</summary>
    public MeasurementPlan? Plan { get; init; }

    /// <summary>Cells measured before with the same inputs, taken instead of measured (the artifact store); null = none.</summary>
    public ICellReuse? Reuse { get; init; }

    public ILogger Logger { get; init; } = NullLogger.Instance;
}
