namespace Edge.Fleet.Jobs;

/// <summary>
/// One matrix cell as a Hangfire job's argument: which run, which cell, which bench host, and every input
/// by its SHA-256 in the artifact store (the worker fetches them), so the job is complete in itself and
/// any worker of that host's queue can run it. Plain properties: Hangfire stores it as JSON.
/// </summary>
public sealed class CellJob
{
    public string Run { get; set; } = "";

    public string Cell { get; set; } = "";

    /// <summary>The bench host: the rig's name (its queue is <see cref="BenchQueue.For"/> of it).</summary>
    public string Host { get; set; } = "";

    public string Board { get; set; } = "";

    public string Firmware { get; set; } = "";

    public string Store { get; set; } = "";

    public JobFile Onnx { get; set; } = new();

    public JobFile? Edgem { get; set; }

    public List<JobFile> Data { get; set; } = [];

    public List<JobFile> Calibration { get; set; } = [];

    public string RigSha256 { get; set; } = "";

    public int? Inferences { get; set; }

    public int? Warmup { get; set; }

    public int? AccuracyRows { get; set; }
}

/// <summary>An input file: its name (models are named after their files) and its blob.</summary>
public sealed class JobFile
{
    public string Name { get; set; } = "";

    public string Sha256 { get; set; } = "";
}
