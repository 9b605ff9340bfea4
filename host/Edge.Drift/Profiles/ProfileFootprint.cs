using Edge.Device.Drift;

namespace Edge.Drift.Profiles;

/// <summary>
/// What a profile costs on the board, in payload bytes (array headers and object overhead of the
/// runtime come on top): the sketch state that changes per sample, the reference arrays the
/// evaluation reads, and the capture ring.
/// </summary>
public sealed record ProfileFootprint(int StateBytes, int ReferenceBytes, int CaptureBytes, int MaxStateBytesPerColumn)
{
    public int TotalBytes => StateBytes + ReferenceBytes + CaptureBytes;

    public static ProfileFootprint Of(DriftProfile profile)
    {
        int state = 0, reference = 0, maxPerColumn = 0;
        foreach (var c in profile.Columns)
        {
            int perColumn = DriftMonitor.StateBytesPerColumn(c.Slots, c.IsBinned);
            state += perColumn;
            maxPerColumn = Math.Max(maxPerColumn, perColumn);
            // counts, ln shares and sqrt shares (int each); edges for binned columns; names for categories.
            reference += 3 * 4 * c.Slots + (c.IsBinned ? 4 * c.Edges.Length + 20 : c.Categories.Sum(n => n.Length));
        }
        int rows = profile.Policy.CaptureRows;
        int capture = rows * (4 * profile.Columns.Length + 8 + 1);
        return new ProfileFootprint(state, reference, capture, maxPerColumn);
    }
}
