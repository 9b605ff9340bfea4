using Edge.Device.Drift;
using Edge.Device.Link.Messages;

namespace Edge.Board.Client;

/// <summary>A board's status record, decoded (firmware/docs/link-protocol.md).</summary>
/// <param name="ModelId">Hex of the running model's id; "" when none.</param>
/// <param name="Verdict">The last window's <see cref="WindowVerdict"/> code.</param>
/// <param name="Capture">The capture's <see cref="CaptureState"/> code.</param>
/// <param name="WindowKnown">A window has completed since the drift profile loaded: Verdict and the window figures mean something.</param>
/// <param name="MissingValues">Sample values that were missing (NaN) since start.</param>
public sealed record BoardStatus(
    long UptimeMs, long Samples, long Inferences, long Anomalies, long MissingValues, long MeanInferenceMicros, long MaxInferenceMicros,
    long FreeMemoryBytes, string ModelId, long WindowsCompleted, byte Verdict, bool Alarm, byte Capture,
    bool ModelLoaded, bool ProfileLoaded, bool WindowKnown, long FramesRejected, long CrcErrors, long Overlong, long ResentFromCache, long OutOfOrder)
{
    public string VerdictName => WindowVerdict.Name(Verdict);

    public string CaptureName => CaptureState.Name(Capture);

    public static BoardStatus From(StatusRecord s) => new(
        s.UptimeMs, s.Samples, s.Inferences, s.Anomalies, s.MissingValues, s.MeanInferenceMicros, s.MaxInferenceMicros, s.FreeMemory,
        ModelIds.Hex(s.ModelId), s.WindowsCompleted, (byte)s.Verdict, s.Alarm, (byte)s.CaptureState,
        (s.Flags & StatusRecord.ModelLoadedFlag) != 0, (s.Flags & StatusRecord.ProfileLoadedFlag) != 0, (s.Flags & StatusRecord.WindowKnownFlag) != 0,
        s.FramesRejected, s.CrcErrors, s.Overlong, s.ResentFromCache, s.OutOfOrder);
}

/// <summary>A model's 8-byte id as the host writes it.</summary>
public static class ModelIds
{
    /// <summary>Lower-case hex; "" for the all-zero id (no model).</summary>
    public static string Hex(byte[] id) => id.All(b => b == 0) ? "" : Convert.ToHexString(id).ToLowerInvariant();
}
