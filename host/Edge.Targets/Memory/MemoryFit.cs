using System.Globalization;
using System.Text;
using Edge.Targets.Boards;

namespace Edge.Targets.Memory;

/// <summary>
/// Whether a board app, a model and a drift profile fit a board's managed heap on nanoCLR: each
/// part's bytes as nanoCLR allocates them, the heap and what nanoCLR keeps of it, and by how much
/// it does not fit.
/// </summary>
public sealed record MemoryFit(BoardTarget Board, IReadOnlyList<MemoryLine> Lines, long PeakExtraBytes, string PeakWhat)
{
    /// <summary>Bytes the app needs while running (the sum of <see cref="Lines"/>).</summary>
    public long RunningBytes => Lines.Sum(l => l.Bytes);

    /// <summary>Bytes needed at the worst moment: running plus what a commit holds briefly (the uploaded file's copy).</summary>
    public long PeakBytes => RunningBytes + PeakExtraBytes;

    public long AvailableBytes => Board.AppHeapBytes;

    public bool Fits => PeakBytes <= AvailableBytes;

    /// <summary>Bytes missing (positive) or to spare (negative).</summary>
    public long ShortBy => PeakBytes - AvailableBytes;

    /// <summary>One line for errors: what does not fit and by how much.</summary>
    public string Verdict() => Fits
        ? Invariant($"fits {Board.Name}: {PeakBytes:N0} of {AvailableBytes:N0} B of managed heap at the peak, {-ShortBy:N0} B to spare")
        : Invariant($"does not fit {Board.Name}: needs {PeakBytes:N0} B of managed heap at the peak ({Describe()}), {Board.Name} leaves {AvailableBytes:N0} B after nanoCLR; {ShortBy:N0} B short");

    private string Describe() =>
        string.Join(", ", Lines.Select(l => Invariant($"{l.What} {l.Bytes:N0}"))) + (PeakExtraBytes > 0 ? Invariant($", {PeakWhat} {PeakExtraBytes:N0}") : "");

    /// <summary>A table of the budget for reports.</summary>
    public string Table()
    {
        var b = new StringBuilder();
        b.AppendLine(Invariant($"managed heap on {Board.Name} ({Board.NanoTarget}): {Board.ManagedHeapBytes,9:N0} B"));
        b.AppendLine(Invariant($"  nanoCLR and libraries                  {-Board.RuntimeBytes,9:N0} B"));
        foreach (var line in Lines) b.AppendLine(Invariant($"  {line.What,-38} {-line.Bytes,9:N0} B"));
        if (PeakExtraBytes > 0) b.AppendLine(Invariant($"  {PeakWhat,-38} {-PeakExtraBytes,9:N0} B (while loading)"));
        b.Append(Invariant($"  {(Fits ? "left" : "short"),-38} {-ShortBy,9:N0} B"));
        return b.ToString();
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
