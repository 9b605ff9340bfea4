using Edge.Models.Import;
using Edge.Models.Onnx.Proto;
using Google.Protobuf;

namespace Edge.Models.Onnx;

/// <summary>Reads an ONNX file into the protobuf messages of onnx_subset.proto.</summary>
internal static class OnnxModelFile
{
    /// <summary>Large enough for any model that could fit a microcontroller, small enough to refuse a wrong file early.</summary>
    private const long MaxBytes = 256L * 1024 * 1024;

    public static Model Load(string path)
    {
        if (!File.Exists(path)) throw new ModelImportException($"{path}: file not found");
        var info = new FileInfo(path);
        if (info.Length > MaxBytes) throw new ModelImportException($"{path}: {info.Length} bytes is too large for an ONNX model edge can convert");
        return Parse(File.ReadAllBytes(path), path);
    }

    public static Model Parse(byte[] bytes, string source)
    {
        Model model;
        try
        {
            model = Model.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new ModelImportException($"{source}: not an ONNX model (protobuf: {e.Message})", e);
        }
        if (model.Graph is null || model.Graph.Node.Count == 0)
            throw new ModelImportException($"{source}: not an ONNX model (no graph, or a graph without nodes)");
        if (model.Graph.Input.Count == 0 || model.Graph.Output.Count == 0)
            throw new ModelImportException($"{source}: the ONNX graph declares no inputs or no outputs");
        return model;
    }

    /// <summary>The opset version the model imports for a domain ("" is the default ONNX domain), or 0.</summary>
    public static long Opset(Model model, string domain) =>
        model.OpsetImport.Where(o => (o.Domain ?? "") == domain || (domain == "" && o.Domain == "ai.onnx")).Select(o => o.Version).DefaultIfEmpty(0).Max();
}
