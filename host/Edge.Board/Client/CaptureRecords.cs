using Edge.Device.Drift;

namespace Edge.Board.Client;

/// <summary>A board's retraining capture: its <see cref="CaptureState"/> code, rows held, columns, and the window it froze at (0: not frozen).</summary>
public sealed record CaptureSummary(byte State, int Rows, int Columns, long FrozenAtWindow)
{
    public string StateName => CaptureState.Name(State);
}

/// <summary>One captured row: its sample number, whether it was anomalous, and its values in the profile's fixed point (int.MinValue: missing).</summary>
public sealed record CapturedRow(long Sample, bool Anomalous, int[] Values);

/// <summary>The upload a board has staged (kind 0: none).</summary>
public sealed record StagedUpload(byte Kind, int Length, uint Crc, int Offset);

/// <summary>What an upload did: the kind, the committed model id, the bytes, and where it resumed (0: from the start).</summary>
public sealed record UploadResult(byte Kind, string ModelId, int Length, int ResumedAt);

/// <summary>An `infer` run: inferences, their total, shortest and longest time (board microseconds), and the outputs per vector.</summary>
public sealed record InferenceRun(long Inferences, long TotalMicros, long MinMicros, long MaxMicros, float[][] Outputs)
{
    public double MeanMicros => Inferences == 0 ? 0 : (double)TotalMicros / Inferences;
}

/// <summary>What a `rows` request did: rows taken, and the board's samples and completed windows after them.</summary>
public sealed record RowsTaken(int Taken, long Samples, long Windows);
