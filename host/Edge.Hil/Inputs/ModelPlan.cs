using Edge.Models.Graph;

namespace Edge.Hil.Inputs;

/// <summary>
/// Where a model's inputs come from, settled before anything is measured: its float graph's
/// input, the table its accuracy rows come from and, when the harness converts it, the
/// calibration table. A missing or ambiguous table stops the run before it starts.
/// </summary>
public sealed record ModelPlan(ModelSource Source, ModelGraph Graph, DataChoice Data, DataChoice? Calibration)
{
    public GraphInput Input => Graph.Inputs[0];
}
