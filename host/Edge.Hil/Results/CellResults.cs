using Edge.Targets.Costs;
using Edge.Board.Simulation;
using Edge.Hil.Cells;
using Edge.Hil.Inputs;
using Edge.Hil.Matrix;
using Edge.Hil.Plan;
using Edge.Hil.Rigs;

namespace Edge.Hil.Results;

/// <summary>Builds result rows: the identity every row has, then what the cell reached.</summary>
public static class CellResults
{
    public static CellResult Identity(MatrixCell cell, Rig rig, PreparedModel? model, string inputsSha256, DateTime startedUtc)
    {
        var board = cell.Board;
        return new CellResult
        {
            Cell = cell.Key,
            Model = cell.Model.Name,
            ModelFile = Path.GetFileName(cell.Model.EdgemPath ?? cell.Model.OnnxPath),
            OnnxSha256 = model?.OnnxSha256,
            ModelId = model?.ModelId,
            EdgemSha256 = model?.EdgemSha256,
            ModelProvenance = model?.Provenance,
            Board = board.Name,
            BoardKind = board.Kind == BoardKind.Simulated ? $"simulated {board.Profile!.Name}" : "nucleo",
            Target = board.Target,
            Firmware = cell.Firmware,
            Rig = rig.Name,
            InputsSha256 = inputsSha256,
            StartedUtc = startedUtc.ToString("O"),
            DataFile = model is null ? null : Path.GetFileName(model.Data.Path),
            ModelBytes = model?.Edgem.Length,
            ArenaBytes = model?.Model.ArenaBytes,
            ResidentBytes = model?.Model.ResidentBytes,
            StagingBudget = board.Budgets.Staging,
            ArenaBudget = board.Budgets.Arena,
            HeapBudget = board.Budgets.Heap,
            SupplyVolts = board.SupplyVolts,
        };
    }

    public static void Measured(CellResult row, CellMeasurement m, PreparedModel model, MeasurementPlan plan, BoardProfile? costModel, string windowsFrom, string traceFile)
    {
        row.Status = CellStatus.Ok;
        row.FirmwareReported = m.FirmwareReported;
        row.Inferences = m.Energy.Count;
        row.Warmup = plan.Warmup;
        row.EnergyUj = m.Energy.MeanJoules * 1e6;
        row.EnergyUjSd = m.Energy.StandardDeviationJoules * 1e6;
        row.EnergyUjMin = m.Energy.MinJoules * 1e6;
        row.EnergyUjMax = m.Energy.MaxJoules * 1e6;
        row.SampleRateHz = plan.Rate.Hertz;
        row.TraceSamples = m.Acquisition.Samples;
        row.CorruptBytes = m.Acquisition.Statistics.CorruptBytes;
        row.WindowsFrom = windowsFrom;
        row.TraceFile = traceFile;
        row.LatencyUs = m.Measured.MeanMicros;
        row.LatencyUsMin = m.Measured.MinMicros;
        row.LatencyUsMax = m.Measured.MaxMicros;
        row.WindowUs = m.Energy.MeanSeconds * 1e6;
        if (costModel is not null)
        {
            var work = ModelWork.Of(model.Model);
            row.ExpectedEnergyUj = costModel.InferenceMicrojoules(work);
            row.ExpectedLatencyUs = costModel.InferenceMicros(work);
            (row.ExpectedLatencyUsLow, row.ExpectedLatencyUsHigh) = costModel.InferenceBand(work);
            row.ExpectedLatency = costModel.InferenceEstimate(work);
        }
        var a = m.Accuracy;
        row.AccuracyRows = a.Agreement.Rows;
        row.Task = model.Task;
        row.MaxAbsError = a.Agreement.MaxAbsError;
        row.Rmse = a.Agreement.Rmse;
        row.L2RelativeError = a.Agreement.L2RelativeError;
        row.Cosine = a.Agreement.Cosine;
        row.MinRowCosine = a.Agreement.MinRowCosine;
        row.DecisionAgreement = a.DecisionAgreement;
        row.F1Float = a.Float?.F1;
        row.F1Board = a.Int8?.F1;
        row.AucFloat = a.Float?.Auc;
        row.AucBoard = a.Int8?.Auc;
        row.AccuracyFloat = a.Float?.Accuracy;
        row.AccuracyBoard = a.Int8?.Accuracy;
        row.BoardFreeBytes = m.BoardFreeBytes;
        row.LinkResends = m.LinkResends;
        row.LinkFramesRejected = m.LinkFramesRejected;
    }
}
