using System.Globalization;
using Edge.Device.Model;
using Edge.Models.Boards;
using Edge.Targets.Boards;
using Edge.Targets.Costs;

namespace Edge.Models.Reports;

/// <summary>
/// What a model costs on one board: inference time as a band from measured instruction counts
/// and the board's CPI band, once per firmware build (managed kernels interpreted by nanoCLR, and
/// the native kernel library), and whether it fits the managed heap (with the drift profile it
/// carries; the same for both builds), from Edge.Targets.
/// </summary>
public sealed record BoardEstimate(string Board, double LatencyLowMicros, double LatencyHighMicros, string Latency, bool Fits, string Memory,
    IReadOnlyList<FirmwareEstimate> Firmware)
{
    public static IReadOnlyList<BoardEstimate> ForAll(EdgeModel model, int fileBytes) =>
        BoardTarget.Known.Select(board => For(board, model, fileBytes)).ToList();

    public static BoardEstimate For(BoardTarget board, EdgeModel model, int fileBytes)
    {
        var work = ModelWork.Of(model);
        var (low, high) = board.InferenceMicros(work, FirmwareBuild.Managed)!.Value;
        var fit = new MemoryBudget(null, board).FitOf(model, fileBytes)!;
        string memory = fit.Fits
            ? string.Create(CultureInfo.InvariantCulture, $"fits, {-fit.ShortBy:N0} B of managed heap to spare")
            : string.Create(CultureInfo.InvariantCulture, $"does not fit: {fit.ShortBy:N0} B short");
        var builds = FirmwareBuild.Known.Select(build => FirmwareEstimate.Of(board, work, build)).ToList();
        return new BoardEstimate(board.Name, low, high, builds[0].Latency, fit.Fits, memory, builds);
    }
}
