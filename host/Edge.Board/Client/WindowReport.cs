using Edge.Device.Board;
using Edge.Device.Codec;
using Edge.Device.Drift;

namespace Edge.Board.Client;

/// <summary>One column of a board's window report: values are the board's Q16 numbers.</summary>
public sealed record WindowColumn(int Index, int TestValueQ16, int PsiQ16, int KlQ16, int JsQ16, int HellingerQ16, int TvdQ16, int KsQ16, int WassersteinQ16, int ChiSquareQ16, bool Drifted);

/// <summary>A window report as the board sent it (all pages joined).</summary>
public sealed record WindowReport(
    long Index, int Samples, int Anomalies, int DriftedFeatures, int DriftShareQ16, bool DataDrift, bool PredictionDrift,
    bool Drifting, bool BurstChecked, bool Alarm, string Verdict, int TotalColumns, IReadOnlyList<WindowColumn> Columns)
{
    /// <summary>Decodes one page; <see cref="Columns"/> holds that page's columns.</summary>
    public static WindowReport ParsePage(byte[] p)
    {
        if (p.Length < TelemetryWriter.WindowHeaderBytes) throw new Link.BoardLinkException($"window report page of {p.Length} bytes is too short");
        int first = LittleEndian.ReadUInt16(p, 18);
        int count = LittleEndian.ReadUInt16(p, 20);
        if (p.Length != TelemetryWriter.WindowHeaderBytes + count * TelemetryWriter.WindowColumnBytes)
            throw new Link.BoardLinkException($"window report page with {count} columns has {p.Length} bytes");
        var columns = new List<WindowColumn>(count);
        for (int i = 0; i < count; i++)
        {
            int at = TelemetryWriter.WindowHeaderBytes + i * TelemetryWriter.WindowColumnBytes;
            int I(int k) => LittleEndian.ReadInt32(p, at + 4 * k);
            columns.Add(new WindowColumn(first + i, I(0), I(1), I(2), I(3), I(4), I(5), I(6), I(7), I(8), p[at + 36] != 0));
        }
        byte flags = p[14];
        return new WindowReport(LittleEndian.ReadUInt32(p, 0), LittleEndian.ReadUInt16(p, 4), LittleEndian.ReadUInt16(p, 6),
            LittleEndian.ReadUInt16(p, 8), LittleEndian.ReadInt32(p, 10), (flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0,
            (flags & 8) != 0, (flags & 16) != 0, WindowVerdict.Name(p[15]), LittleEndian.ReadUInt16(p, 16), columns);
    }

    /// <summary>This page followed by the next page's columns (same window).</summary>
    public WindowReport Join(WindowReport next) => this with { Columns = Columns.Concat(next.Columns).ToList() };

    public bool Complete => Columns.Count == TotalColumns;
}
