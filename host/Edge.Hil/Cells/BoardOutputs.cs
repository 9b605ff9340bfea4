using Edge.Board.Client;
using Edge.Hil.Bench;

namespace Edge.Hil.Cells;

/// <summary>
/// The board's outputs on the accuracy rows: rows stored in its vector slots (`set-vector`), run
/// once each (`infer`), as many per command as its slots and one response frame hold.
/// </summary>
public static class BoardOutputs
{
    public static async Task<float[][]> RunAsync(BoardClient client, BoardHello hello, IReadOnlyList<float[]> rows, int outputs, IBenchPosition position,
        CancellationToken cancellationToken)
    {
        int perResponse = Math.Max(1, (hello.MaxPayload - 16) / (4 * outputs));
        int batch = Math.Max(1, Math.Min(hello.VectorSlots, perResponse));
        var result = new float[rows.Count][];
        for (int start = 0; start < rows.Count; start += batch)
        {
            int count = Math.Min(batch, rows.Count - start);
            for (int s = 0; s < count; s++) await client.SetVectorAsync(s, rows[start + s], cancellationToken).ConfigureAwait(false);
            InferenceRun run;
            using (position.InferenceCommand())
                run = await client.InferAsync(0, count, 1, outputs, cancellationToken).ConfigureAwait(false);
            for (int s = 0; s < count; s++) result[start + s] = run.Outputs[s];
        }
        return result;
    }
}
