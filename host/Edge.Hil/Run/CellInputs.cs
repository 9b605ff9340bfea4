using System.Globalization;
using System.Text;
using Edge.Hil.Inputs;
using Edge.Hil.Matrix;
using Edge.Hil.Plan;
using Edge.Hil.Rigs;

namespace Edge.Hil.Run;

/// <summary>
/// A cell's input hash: everything that shapes its figures (the ONNX and .edgem bytes, the data
/// table, the board's definition, the firmware, the measurement plan). --resume keeps a complete
/// cell only while this is unchanged. Simulated faults and the run's limits (timeouts, retries)
/// are left out: they decide whether a cell completes, not what it measures.
/// </summary>
public static class CellInputs
{
    public static string Hash(MatrixCell cell, PreparedModel? model, MeasurementPlan plan, FileHashes hashes)
    {
        var text = new StringBuilder();
        text.Append("cell=").Append(cell.Key).Append('\n');
        text.Append("onnx=").Append(model?.OnnxSha256 ?? "unprepared:" + hashes.Of(cell.Model.OnnxPath)).Append('\n');
        text.Append("edgem=").Append(model?.EdgemSha256).Append('\n');
        text.Append("data=").Append(model?.DataSha256).Append(' ').Append(model?.Data.Columns).Append('\n');
        text.Append("board=").Append(Board(cell.Board, hashes)).Append('\n');
        text.Append("firmware=").Append(cell.Firmware).Append('\n');
        text.Append("plan=").Append(plan.Canonical).Append('\n');
        return FileHashes.OfText(text.ToString());
    }

    private static string Board(RigBoard b, FileHashes hashes)
    {
        string budgets = $"{b.Budgets.Staging}/{b.Budgets.Arena}/{b.Budgets.Heap}";
        string images = string.Join(";", b.Firmware.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f =>
            $"{f.Key}={Content(f.Value.Clr, hashes)},{Content(f.Value.App, hashes)}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"{b.Kind} {b.Target} {b.Profile?.Name} {b.SupplyVolts:R} {b.Monitor.Kind} {b.Monitor.Format} {b.Trigger.Source} {b.Trigger.ThresholdMilliamps} {budgets} {images}");
    }

    private static string Content(string? path, FileHashes hashes) => path is null ? "-" : File.Exists(path) ? hashes.Of(path) : "missing:" + path;
}
