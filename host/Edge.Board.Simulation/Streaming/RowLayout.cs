namespace Edge.Board.Streaming;

/// <summary>
/// How the host lays out the rows it streams to a board: which table columns, in order (the
/// model's input first), where the model input starts, which row value feeds each drift column
/// (-1: the model's output, -2: its predicted class), and how the board flags anomalies.
/// </summary>
public sealed record RowLayout(
    IReadOnlyList<string> Columns,
    int ModelInputStart,
    IReadOnlyList<short> DriftSources,
    byte AnomalyRule,
    float AnomalyThreshold)
{
    public int Width => Columns.Count;
}
