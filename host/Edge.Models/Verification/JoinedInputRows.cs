using Edge.Data;
using Edge.Data.Streaming;

namespace Edge.Models.Verification;

/// <summary>
/// Reads model rows a chunk at a time from one or more tables side by side (row i of each table is
/// the same sample): each row holds every input's values one after another in input order, the way
/// the board takes a row (Interpreter.SetInputs). With one table it is that table's chunks. Tables
/// of different lengths are an error naming both, never a silently shortened run.
/// </summary>
public sealed class JoinedInputRows : IDisposable
{
    private readonly IReadOnlyList<InputColumns> _inputs;
    private readonly TableSource[] _tables;
    private readonly TableCursor[] _cursors;
    private readonly TableChunk[] _chunks;
    private readonly bool[] _done;
    private readonly long[] _rowsRead;
    private readonly InputMapping.Reader[] _readers;
    private readonly int[] _tableOf;
    private readonly Queue<float[]>[] _pending;
    private readonly int _labelTable = -1, _labelColumn = -1;
    private readonly Queue<double> _labels = new();
    private long _emitted;

    /// <summary>One batch: rows, their labels (when a label column was given) and the 1-based number of its first row.</summary>
    public sealed record Batch(float[][] Rows, double[]? Labels, long FirstRow);

    public JoinedInputRows(IReadOnlyList<InputColumns> inputs, TableSource? labelTable, string? labelColumn)
    {
        _inputs = inputs;
        _tables = inputs.Select(i => i.Table).Append(labelTable).OfType<TableSource>().Distinct().ToArray();
        var requests = _tables.Select(_ => new TableRequest()).ToArray();
        _tableOf = inputs.Select(i => Array.IndexOf(_tables, i.Table)).ToArray();
        _readers = inputs.Select((input, k) => new InputMapping.Reader(input.Table, requests[_tableOf[k]], input.Columns)).ToArray();
        if (labelTable is not null && labelColumn is not null)
        {
            _labelTable = Array.IndexOf(_tables, labelTable);
            _labelColumn = requests[_labelTable].Number(labelColumn);
        }
        _cursors = new TableCursor[_tables.Length];
        for (int t = 0; t < _tables.Length; t++) _cursors[t] = _tables[t].Open(requests[t]);
        _chunks = requests.Select(r => new TableChunk(r)).ToArray();
        _done = new bool[_tables.Length];
        _rowsRead = new long[_tables.Length];
        _pending = inputs.Select(_ => new Queue<float[]>()).ToArray();
    }

    /// <summary>The next batch, or null after the last row.</summary>
    public Batch? Read()
    {
        for (int t = 0; t < _tables.Length; t++)
        {
            if (_done[t] || Available(t) > 0) continue;
            if (!_cursors[t].Read(_chunks[t])) { _done[t] = true; continue; }
            _rowsRead[t] += _chunks[t].Rows;
            for (int k = 0; k < _inputs.Count; k++)
                if (_tableOf[k] == t) foreach (var row in _readers[k].Rows(_chunks[t])) _pending[k].Enqueue(row);
            if (t == _labelTable) foreach (double v in _chunks[t].Numbers(_labelColumn)) _labels.Enqueue(v);
        }
        int count = Enumerable.Range(0, _tables.Length).Min(Available);
        if (count == 0)
        {
            for (int t = 0; t < _tables.Length; t++)
            {
                if (Available(t) == 0 && !_done[t]) return Read();   // that table's chunk was consumed: read on
                if (Available(t) > 0)
                {
                    int shorter = Enumerable.Range(0, _tables.Length).First(s => Available(s) == 0);
                    throw new DataFileException(_tables[t].Name, $"has more rows than {_tables[shorter].Name} ({_rowsRead[shorter]}): tables read side by side need the same rows, row for row");
                }
            }
            return null;
        }
        var rows = new float[count][];
        int width = _inputs.Sum(i => i.Length);
        for (int r = 0; r < count; r++)
        {
            var row = new float[width];
            int at = 0;
            for (int k = 0; k < _inputs.Count; k++)
            {
                var part = _pending[k].Dequeue();
                part.CopyTo(row, at);
                at += part.Length;
            }
            rows[r] = row;
        }
        double[]? labels = _labelTable < 0 ? null : Enumerable.Range(0, count).Select(_ => _labels.Dequeue()).ToArray();
        var batch = new Batch(rows, labels, _emitted + 1);
        _emitted += count;
        return batch;
    }

    private int Available(int table)
    {
        if (table == _labelTable && _labelColumn >= 0 && !_inputs.Any(i => i.Table == _tables[table])) return _labels.Count;
        for (int k = 0; k < _inputs.Count; k++) if (_tableOf[k] == table) return _pending[k].Count;
        return _labels.Count;
    }

    public void Dispose()
    {
        foreach (var cursor in _cursors) cursor.Dispose();
    }
}
