using Edge.Board.Client;
using Edge.Models.Verification;
using Edge.Power.Energy;
using Edge.Power.Session;

namespace Edge.Hil.Cells;

/// <summary>What one successful attempt measured, before it becomes a result row.</summary>
public sealed record CellMeasurement(
    string FirmwareReported,
    CurrentTrace Trace,
    AcquisitionSummary Acquisition,
    IReadOnlyList<PhaseWindow> Windows,
    InferenceEnergyReport Energy,
    InferenceRun Measured,
    OutputComparison Accuracy,
    long? BoardFreeBytes,
    long LinkResends,
    long LinkFramesRejected);
