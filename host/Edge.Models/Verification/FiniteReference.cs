using Edge.Data;

namespace Edge.Models.Verification;

/// <summary>
/// ONNX Runtime's float outputs are the reference every agreement figure is measured against. A
/// NaN or infinity there (inputs far outside what the model was trained on overflow inside it)
/// would turn the metrics into NaN and let NaN-versus-anything comparisons count as agreement, so
/// it is refused, naming the data file and row.
/// </summary>
public static class FiniteReference
{
    /// <param name="dataRow">The 1-based row of the data file that gave output row i.</param>
    public static void Require(IReadOnlyList<float[]> outputs, string dataSource, Func<int, long> dataRow)
    {
        int bad = 0, first = -1;
        for (int r = 0; r < outputs.Count; r++)
        {
            if (outputs[r].All(float.IsFinite)) continue;
            bad++;
            if (first < 0) first = r;
        }
        if (bad > 0)
            throw new DataFileException(dataSource, $"ONNX Runtime's output is not a finite number for {bad} of {outputs.Count} row(s), the first at this row: " +
                "no agreement can be measured against it; are these inputs far outside what the model was trained on?", dataRow(first));
    }
}
