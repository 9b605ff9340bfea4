using System.Globalization;
using System.Text;
using Edge.Hil.Inputs;
using Edge.Hil.Matrix;
using Edge.Hil.Plan;
using Edge.Hil.Rigs;

namespace Edge.Hil.Run;

/// <summary>
/// A cell's input hash: everything that shapes its figures (the ONNX bytes; the given .edgem's bytes,
/// or the calibration table and columns the harness converts the ONNX with; the data table and
/// columns; the board's definition; the firmware; the measurement plan). Known before a model is
/// converted, so a cell can be kept or reused without preparing its model. --resume keeps a complete
/// cell only while this is unchanged, and the artifact store reuses a cell measured with the same
/// hash by `edge hil run --store` or by any fleet worker (`measured/HASH.json`). Simulated faults
/// and the run's limits (timeouts, retries) are left out: they decide whether a cell completes, not
/// what it measures. Conversion is taken as a function of the ONNX, the calibration table and the
/// columns (the harness caches converted models on the same terms).
/// </summary>
public static class CellInputs
{
    /// <param name="model">The model's plan (its tables); null when the model could not be planned (its cells fail).</param>
    public static string Hash(MatrixCell cell, ModelPlan? model, MeasurementPlan plan, FileHashes hashes)
    {
        var text = new StringBuilder();
        text.Append("cell=").Append(cell.Key).Append('\n');
        text.Append("onnx=").Append(hashes.Of(cell.Model.OnnxPath)).Append('\n');
        text.Append("edgem=").Append(model switch
        {
            null => "unplanned",
            { Source.EdgemPath: { } given } => "given " + hashes.Of(given),
            { Calibration: { } calibration } => $"converted {hashes.Of(calibration.Path)} {calibration.Columns}",
            _ => "unplanned",
        }).Append('\n');
        text.Append("data=").Append(model is null ? "" : $"{hashes.Of(model.Data.Path)} {model.Data.Columns}").Append('\n');
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
