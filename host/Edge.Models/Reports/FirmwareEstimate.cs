using Edge.Targets.Boards;
using Edge.Targets.Costs;

namespace Edge.Models.Reports;

/// <summary>One firmware build's inference time on a board: the band in microseconds (null when not estimated there) and its text with the source.</summary>
public sealed record FirmwareEstimate(string Build, double? LatencyLowMicros, double? LatencyHighMicros, double Instructions, string Latency)
{
    public static FirmwareEstimate Of(BoardTarget board, ModelWork work, FirmwareBuild build)
    {
        var band = board.InferenceMicros(work, build);
        return new FirmwareEstimate(build.Name, band?.Low, band?.High, Math.Round(build.Cost.Instructions(work)), board.EstimateText(work, build));
    }
}
