using Edge.Common.Files;
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
        byte[] bytes;
        try
        {
            bytes = InputFile.ReadAllBytes(path, MaxBytes, "an ONNX model edge can convert");
        }
        catch (InputFileException e)
        {
            throw new ModelImportException(e.Message, e);
        }
        return Parse(bytes, path);
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
