using Edge.Device.Model;
using Edge.Models.Graph;

namespace Edge.Hil.Inputs;

/// <summary>
/// A model ready for its cells: the .edgem the boards run (converted by the harness or given),
/// the accuracy rows and labels, and ONNX Runtime's float outputs on those rows, computed once
/// and compared with every board's outputs.
/// </summary>
public sealed class PreparedModel
{
    public required ModelSource Source { get; init; }

    public string Name => Source.Name;

    public required string OnnxSha256 { get; init; }

    public required byte[] Edgem { get; init; }

    public required string EdgemSha256 { get; init; }

    /// <summary>Where the .edgem is: the run's models/ folder when the harness converted it.</summary>
    public required string EdgemPath { get; init; }

    public required EdgeModel Model { get; init; }

    /// <summary>"converted from TABLE (sha)" or "given".</summary>
    public required string Provenance { get; init; }

    public required DataChoice Data { get; init; }

    public required string DataSha256 { get; init; }

    /// <summary>The accuracy rows (float32, model input order) and their labels (null without a label column).</summary>
    public required float[][] Rows { get; init; }

    public required double[]? Labels { get; init; }

    /// <summary>ONNX Runtime's outputs on <see cref="Rows"/>.</summary>
    public required float[][] Reference { get; init; }

    /// <summary>The float model's input (its folded normalisation gives an autoencoder's targets).</summary>
    public required GraphInput Input { get; init; }

    public string ModelId => Model.IdHex;

    public string Task => Model.Metadata("task") ?? "vector";

    public int InputLength => Model.Tensors[Model.Inputs[0].Tensor].ElementCount;

    public int OutputLength => Model.Tensors[Model.Outputs[0]].ElementCount;
}
