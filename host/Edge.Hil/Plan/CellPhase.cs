namespace Edge.Hil.Plan;

/// <summary>The steps of one cell, in order; progress, failures and injected faults name them.</summary>
public enum CellPhase
{
    /// <summary>Flash the firmware revision (nanoff) or start the simulated board with it.</summary>
    Deploy,

    /// <summary>Open the power monitor and the board link; check the firmware the board reports.</summary>
    Connect,

    /// <summary>Check the model against the board's budgets and upload it.</summary>
    Upload,

    /// <summary>Switch the target off and on, wait for it, and check it runs the model.</summary>
    PowerCycle,

    /// <summary>Acquire the supply current around warm-up and measured inferences.</summary>
    Measure,

    /// <summary>Run the accuracy rows on the board and compare with ONNX Runtime.</summary>
    Accuracy,

    /// <summary>Write the trace and the cell's result.</summary>
    Record,
}
