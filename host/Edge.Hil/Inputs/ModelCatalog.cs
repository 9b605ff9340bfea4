using Edge.Device.Codec;
using Edge.Device.Model;
using Edge.Models.Format;

namespace Edge.Hil.Inputs;

/// <summary>
/// The models of a run from `--models` entries: .onnx files (converted by the harness), .edgem
/// files with their .onnx beside them (the float model is the accuracy reference), or folders
/// holding either. An .edgem finds its .onnx by its own name or by the `source` it recorded.
/// </summary>
public static class ModelCatalog
{
    public static IReadOnlyList<ModelSource> Resolve(IEnumerable<string> entries)
    {
        var onnx = new List<string>();
        var edgem = new List<string>();
        foreach (string entry in entries)
        {
            if (Directory.Exists(entry))
            {
                onnx.AddRange(Directory.GetFiles(entry, "*.onnx").Order(StringComparer.Ordinal));
                edgem.AddRange(Directory.GetFiles(entry, "*.edgem").Order(StringComparer.Ordinal));
            }
            else if (!File.Exists(entry)) throw new HilInputException($"--models: {entry} does not exist");
            else if (entry.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase)) onnx.Add(entry);
            else if (entry.EndsWith(".edgem", StringComparison.OrdinalIgnoreCase)) edgem.Add(entry);
            else throw new HilInputException($"--models: {entry} is neither an ONNX model (.onnx) nor an Edge model (.edgem)");
        }
        var models = new Dictionary<string, ModelSource>(StringComparer.Ordinal);
        foreach (string path in edgem)
        {
            string name = Path.GetFileNameWithoutExtension(path);
            string reference = FloatModelOf(path);
            Add(models, new ModelSource(name, reference, Path.GetFullPath(path)));
            onnx.RemoveAll(o => Path.GetFullPath(o) == reference);
        }
        foreach (string path in onnx) Add(models, new ModelSource(Path.GetFileNameWithoutExtension(path), Path.GetFullPath(path), null));
        if (models.Count == 0) throw new HilInputException("--models: no .onnx or .edgem files found in " + string.Join(", ", entries));
        return models.Values.OrderBy(m => m.Name, StringComparer.Ordinal).ToList();
    }

    private static void Add(Dictionary<string, ModelSource> models, ModelSource model)
    {
        if (models.TryGetValue(model.Name, out var other))
            throw new HilInputException($"--models: two models are named '{model.Name}' ({other.EdgemPath ?? other.OnnxPath} and {model.EdgemPath ?? model.OnnxPath}); model names must be unique");
        models[model.Name] = model;
    }

    /// <summary>The .onnx an .edgem was converted from: same name beside it, or the `source` it recorded, beside it.</summary>
    private static string FloatModelOf(string edgemPath)
    {
        string directory = Path.GetDirectoryName(Path.GetFullPath(edgemPath))!;
        string sameName = Path.Combine(directory, Path.GetFileNameWithoutExtension(edgemPath) + ".onnx");
        if (File.Exists(sameName)) return sameName;
        string? source = null;
        try
        {
            source = ModelFile.Read(edgemPath).Metadata("source");
        }
        catch (Exception e) when (e is EdgeFormatException or IOException)
        {
            throw new HilInputException($"--models: {edgemPath} is not a readable Edge model: {e.Message}", e);
        }
        if (source is not null && File.Exists(Path.Combine(directory, Path.GetFileName(source)))) return Path.Combine(directory, Path.GetFileName(source));
        throw new HilInputException($"--models: {edgemPath} needs its float model beside it ({Path.GetFileName(sameName)}{(source is null ? "" : " or " + source)}): the accuracy comparison runs it in ONNX Runtime");
    }
}
