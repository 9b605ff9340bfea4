using Edge.Data;
using Edge.Device.Board;
using Edge.Device.Drift;
using Edge.Device.Model;
using Edge.Models.Verification;

namespace Edge.Board.Streaming;

/// <summary>
/// Works out a <see cref="RowLayout"/> from what the board runs (model, drift profile) and the
/// data file: the model's input columns as recorded at conversion, then any drift column the
/// model does not read. Categories travel as their index in the profile.
/// </summary>
public static class RowLayoutBuilder
{
    public static RowLayout Build(EdgeModel? model, DriftProfile? profile, Table table, byte? anomalyRule = null, float? anomalyThreshold = null)
    {
        var columns = new List<string>();
        if (model is not null)
        {
            // Every input's columns one after another, in input order: the row the board's SetInputs reads.
            foreach (var input in ModelInputColumns.Resolve([table], ModelInputColumns.Of(model), model.Metadata("input.columns"), null))
                columns.AddRange(input.Columns);
        }
        var sources = new List<short>();
        if (profile is not null)
        {
            foreach (var column in profile.Columns)
            {
                if (column.Kind == ColumnKind.PredictionScore && model is not null) { sources.Add(-1); continue; }
                if (column.Kind == ColumnKind.PredictedClass && model is not null) { sources.Add(-2); continue; }
                int index = columns.IndexOf(column.Name);
                if (index < 0)
                {
                    table.Column(column.Name); // names the file and the missing column
                    index = columns.Count;
                    columns.Add(column.Name);
                }
                sources.Add((short)index);
            }
        }
        if (columns.Count == 0) throw new DataFileException(table.Source, "nothing to stream: the board has neither a model nor a drift profile");
        byte rule = anomalyRule ?? DefaultRule(model, profile);
        float threshold = anomalyThreshold ?? 0.5f;
        return new RowLayout(columns, 0, sources, rule, threshold);
    }

    /// <summary>A single score (fault probability, IsolationForest score) flags at 0.5; no model: the profile's out-of-profile check.</summary>
    public static byte DefaultRule(EdgeModel? model, DriftProfile? profile) =>
        model?.Metadata("task") == "score" ? AnomalyRule.OutputAtLeast
        : model is null && profile is not null ? AnomalyRule.OutOfProfile
        : AnomalyRule.None;

    /// <summary>The table's rows as the board's float rows for this layout.</summary>
    public static float[][] Rows(RowLayout layout, Table table, DriftProfile? profile)
    {
        var columns = layout.Columns.Select(name => Encode(name, table, profile)).ToArray();
        var rows = new float[table.RowCount][];
        for (int r = 0; r < rows.Length; r++)
        {
            var row = new float[columns.Length];
            for (int c = 0; c < columns.Length; c++) row[c] = columns[c][r];
            rows[r] = row;
        }
        return rows;
    }

    private static float[] Encode(string name, Table table, DriftProfile? profile)
    {
        int index = profile?.IndexOf(name) ?? -1;
        var column = index >= 0 ? profile!.Columns[index] : null;
        if (column is not null && !column.IsBinned)
        {
            var categories = column.Categories;
            return table.Texts(name).Select(text =>
            {
                if (text.Length == 0) return float.NaN; // missing
                int i = Array.IndexOf(categories, text);
                if (i < 0 && double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double number))
                    i = Array.IndexOf(categories, CategoryKey.Of(number));
                return (float)i;
            }).ToArray();
        }
        // An empty or NaN cell is sent as NaN: the board counts it as a missing value.
        return table.NumbersOrMissing(name).Select(v => (float)v).ToArray();
    }
}
