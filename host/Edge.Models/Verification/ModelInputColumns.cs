using Edge.Common;
using Edge.Data;
using Edge.Data.Streaming;

namespace Edge.Models.Verification;

/// <summary>One model input, the table that fills it and its columns there, in order.</summary>
public sealed record InputColumns(string Input, int Length, TableSource Table, IReadOnlyList<string> Columns);

/// <summary>
/// Maps table columns to every model input by name. A model with one input takes a plain column spec
/// ("f0..f63"); a model with several takes one spec per input, named: "features=f0..f63;windows=s0..s255"
/// (the CLI's repeated `-i NAME=SPEC`, and what conversion records in the .edgem). An input without a
/// spec takes the one numbered family of exactly its length from the first table that has one, so
/// features f0..f63 come from a features table and windows s0..s255 from a windows table. The tables
/// are read side by side: row i of each is the same sample (<see cref="JoinedInputRows"/>).
/// </summary>
public static class ModelInputColumns
{
    /// <summary>Resolves every input's columns; <paramref name="spec"/> null uses the families.</summary>
    public static IReadOnlyList<InputColumns> Resolve(IReadOnlyList<TableSource> tables, IReadOnlyList<(string Name, int Length)> inputs, string? spec, string? labelColumn)
    {
        if (tables.Count == 0) throw new ArgumentException("no tables");
        var specs = Parse(spec, inputs);
        var result = new List<InputColumns>();
        foreach (var (name, length) in inputs)
        {
            specs.TryGetValue(name, out var own);
            TableSource? found = null;
            foreach (var table in tables)
            {
                bool fits = own is null
                    ? ColumnFamily.Find(table.ColumnNames.Where(n => n != labelColumn).ToList(), length) is not null
                    : InputMapping.Expand(own).All(table.Has);
                if (fits) { found = table; break; }
            }
            // None fits: the single-table rule names what is missing in the first table.
            var columns = InputMapping.Resolve(found ?? tables[0], own, length, labelColumn);
            result.Add(new InputColumns(name, length, found ?? tables[0], columns));
        }
        return result;
    }

    /// <summary>Per input name, its spec. A single-input model may give an unnamed spec.</summary>
    public static IReadOnlyDictionary<string, string> Parse(string? spec, IReadOnlyList<(string Name, int Length)> inputs)
    {
        var specs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(spec)) return specs;
        if (!spec.Contains('='))
        {
            if (inputs.Count != 1)
                throw new SettingException($"--input-columns '{spec}': the model has {inputs.Count} inputs ({string.Join(", ", inputs.Select(i => i.Name))}); name the columns of each, e.g. -i {inputs[0].Name}=... -i {inputs[1].Name}=...");
            specs[inputs[0].Name] = spec;
            return specs;
        }
        foreach (var part in spec.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = part.IndexOf('=');
            if (eq <= 0) throw new SettingException($"--input-columns '{part}': write INPUT=COLUMNS (e.g. {inputs[0].Name}=f0..f63) for every input, or one plain spec for a one-input model");
            string name = part[..eq].Trim();
            if (!inputs.Any(i => i.Name == name))
                throw new SettingException($"--input-columns '{part}': the model has no input '{name}' (it has {string.Join(", ", inputs.Select(i => i.Name))})");
            if (!specs.TryAdd(name, part[(eq + 1)..].Trim())) throw new SettingException($"--input-columns names input '{name}' twice");
        }
        return specs;
    }

    /// <summary>"f0..f63" for one input; "features=f0..f63;windows=s0..s255" for several (parsed back by <see cref="Parse"/>).</summary>
    public static string Describe(IReadOnlyList<InputColumns> inputs) =>
        inputs.Count == 1 ? InputMapping.Describe(inputs[0].Columns) : string.Join(";", inputs.Select(i => $"{i.Input}={InputMapping.Describe(i.Columns)}"));

    /// <summary>The model's inputs by ONNX name and length, in input order (names recorded at conversion).</summary>
    public static IReadOnlyList<(string Name, int Length)> Of(Device.Model.EdgeModel model)
    {
        var names = model.Metadata("onnx.input")?.Split(',') ?? [];
        return model.Inputs.Select((input, i) => (i < names.Length && names.Length == model.Inputs.Length ? names[i] : model.Tensors[input.Tensor].Name,
            model.Tensors[input.Tensor].ElementCount)).ToList();
    }

    /// <summary>The graph's inputs by ONNX name and length, in input order.</summary>
    public static IReadOnlyList<(string Name, int Length)> Of(Graph.ModelGraph graph) =>
        graph.Inputs.Select(i => (i.OnnxName, i.Tensor.ElementCount)).ToList();

    /// <summary>Every row of the inputs, each the inputs' values one after another (see <see cref="JoinedInputRows"/>).</summary>
    public static float[][] ReadAll(IReadOnlyList<InputColumns> inputs)
    {
        using var reader = new JoinedInputRows(inputs, null, null);
        var rows = new List<float[]>();
        while (reader.Read() is { } batch) rows.AddRange(batch.Rows);
        return rows.ToArray();
    }
}
