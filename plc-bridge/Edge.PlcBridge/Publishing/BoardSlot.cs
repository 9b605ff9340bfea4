using Edge.Ads.Server.Symbols;
using Edge.Ads.Types;
using Edge.PlcBridge.Layout;

namespace Edge.PlcBridge.Publishing;

/// <summary>
/// One board's published <c>ST_EdgeBoard</c>: writes a <see cref="BoardReading"/> into the symbol as
/// one change (one on-change notification per subscriber), and hands over the PLC's acknowledge.
/// </summary>
public sealed class BoardSlot
{
    // FILETIME counts from 1601; earlier (nonsense) times are published as "never".
    private static readonly DateTimeOffset FileTimeEpoch = new(1601, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly BoardLayout _layout;

    internal BoardSlot(AdsSymbol symbol, BoardLayout layout, MemoryMapEntry entry, bool acknowledgeEnabled)
    {
        Symbol = symbol;
        _layout = layout;
        Entry = entry;
        AcknowledgeEnabled = acknowledgeEnabled;
    }

    public string Board => Entry.Board;

    public AdsSymbol Symbol { get; }

    public MemoryMapEntry Entry { get; }

    /// <summary>Whether the PLC may write <c>AlarmAck</c> (ads.write-enabled); otherwise such writes answer 0x723.</summary>
    public bool AcknowledgeEnabled { get; }

    /// <summary>Raised (on the client's connection) when a client wrote TRUE to <c>AlarmAck</c>.</summary>
    internal event Action? AcknowledgeWritten;

    public void Publish(BoardReading reading)
    {
        var layout = _layout;
        var snapshot = reading.Snapshot;
        bool window = snapshot?.WindowValid ?? false;
        var drift = window ? snapshot!.FeatureDrift ?? [] : [];
        var drifted = window ? snapshot!.FeatureDrifted ?? [] : [];
        var saturated = window ? snapshot!.FeatureSaturated ?? [] : [];
        var missing = window ? snapshot!.FeatureMissing ?? [] : [];
        Symbol.Update(v =>
        {
            v.Set(layout[BoardLayout.Size], (ulong)layout.ByteSize);
            v.Set(layout[BoardLayout.Layout], (ulong)BoardLayout.Version);
            v.Set(layout[BoardLayout.FeatureCount], (ulong)Math.Min(snapshot?.FeatureCount ?? 0, ushort.MaxValue));
            v.Set(layout[BoardLayout.Online], reading.Online);
            v.Set(layout[BoardLayout.Stale], reading.Stale);
            v.Set(layout[BoardLayout.DriftAlarm], snapshot?.DriftAlarm ?? false);
            v.Set(layout[BoardLayout.Verdict], (ulong)reading.VerdictCode);
            v.Set(layout[BoardLayout.Updates], (ulong)reading.Updates & uint.MaxValue);
            v.Set(layout[BoardLayout.LastSeen], FileTime(snapshot?.LastSeen));
            v.Set(layout[BoardLayout.WindowsCompleted], Count(snapshot?.WindowsCompleted));
            v.Set(layout[BoardLayout.Samples], Count(snapshot?.Samples));
            v.Set(layout[BoardLayout.Inferences], Count(snapshot?.Inferences));
            v.Set(layout[BoardLayout.Anomalies], Count(snapshot?.Anomalies));
            v.Set(layout[BoardLayout.AnomalyRate], window ? snapshot!.AnomalyRate : 0);
            v.Set(layout[BoardLayout.DriftScore], window ? snapshot!.DriftScore : 0);
            v.Set(layout[BoardLayout.InferenceMeanUs], snapshot?.InferenceMicrosMean ?? 0);
            v.Set(layout[BoardLayout.InferenceMaxUs], snapshot?.InferenceMicrosMax ?? 0);
            v.Set(layout[BoardLayout.Name], PlcText.Fit(Board, BoardLayout.NameLength));
            v.Set(layout[BoardLayout.ModelId], PlcText.Fit(snapshot?.ModelId, BoardLayout.ModelIdLength));
            v.Set(layout[BoardLayout.LastError], PlcText.Fit(reading.LastError, BoardLayout.LastErrorLength));
            v.Set(layout[BoardLayout.StatusValid], snapshot?.StatusValid ?? false);
            v.Set(layout[BoardLayout.WindowValid], window);
            v.Set(layout[BoardLayout.MissingValues], Count(snapshot?.MissingValues));
            for (int i = 0; i < layout.FeatureSlots; i++)
            {
                bool isSaturated = i < saturated.Count && saturated[i];
                v.Set(layout.FeatureDriftAt[i], isSaturated ? BoardLayout.SaturatedDrift : i < drift.Count ? drift[i] : 0.0);
                v.Set(layout.FeatureDriftedAt[i], i < drifted.Count && drifted[i]);
                v.Set(layout.FeatureSaturatedAt[i], isSaturated);
                v.Set(layout.FeatureMissingAt[i], (ulong)(i < missing.Count ? Math.Clamp(missing[i], 0, ushort.MaxValue) : 0));
            }
        });
    }

    /// <summary>True once per acknowledge the PLC wrote: reads <c>AlarmAck</c> and resets it in one step.</summary>
    public bool TakeAcknowledge()
    {
        var ack = _layout[BoardLayout.AlarmAck];
        bool taken = false;
        Symbol.Update(v =>
        {
            if (!new PlcValueReader(v.Bytes).GetBool(ack))
                return;
            v.Set(ack, false);
            taken = true;
        });
        return taken;
    }

    internal void OnAcknowledgeWritten() => AcknowledgeWritten?.Invoke();

    private static ulong Count(long? value) => value is > 0 ? (ulong)value.Value : 0;

    private static ulong FileTime(DateTimeOffset? time) =>
        time is { } t && t > FileTimeEpoch ? (ulong)t.ToFileTime() : 0;
}
