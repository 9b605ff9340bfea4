using System.Buffers.Binary;

namespace Edge.Models.Verification;

/// <summary>
/// The exact ROC AUC (the Mann-Whitney statistic: the chance a positive outscores a negative, ties counting half)
/// of any number of (score, label) pairs in bounded memory: an external merge sort. Pairs are
/// buffered up to <see cref="RunLength"/>; a full buffer is sorted and written as a run to one
/// temporary file (9 bytes a pair, deleted when closed); the AUC merges the runs, at most
/// <see cref="FanIn"/> at a time (more runs are merged into longer runs first), and sums the
/// positives' ranks tie group by tie group as the merged order passes. Memory: the buffer plus
/// <see cref="FanIn"/> read buffers, whatever the row count; disk: about twice 9 bytes a pair.
/// </summary>
public sealed class SpillingAuc : IDisposable
{
    private const int PairBytes = 9; // the score's IEEE bits, little-endian, then 1 for a positive, 0 for a negative
    private const int ReadPairs = 4096;

    private Pair[] _buffer;
    private readonly List<Run> _runs = [];
    private readonly string? _directory;
    private Microsoft.Win32.SafeHandles.SafeFileHandle? _file;
    private string? _path;
    private long _fileLength;
    private int _buffered;
    private long _positives, _negatives;

    /// <param name="runLength">Pairs held in memory before a run is spilled (16 bytes each).</param>
    /// <param name="fanIn">Runs merged at once (each with a 36 KB read buffer).</param>
    /// <param name="directory">Where the temporary file goes (default: the system's temporary folder).</param>
    public SpillingAuc(int runLength = 1 << 19, int fanIn = 64, string? directory = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(runLength, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(fanIn, 2);
        RunLength = runLength;
        FanIn = fanIn;
        _buffer = new Pair[Math.Min(runLength, 1024)]; // grows to runLength as pairs come
        _directory = directory;
    }

    public int RunLength { get; }

    public int FanIn { get; }

    /// <summary>Runs written to disk so far (0 while every pair fits the buffer).</summary>
    public int SpilledRuns => _runs.Count;

    public void Add(double score, bool positive)
    {
        if (_buffered == _buffer.Length)
        {
            if (_buffer.Length < RunLength) Array.Resize(ref _buffer, (int)Math.Min(RunLength, 2L * _buffer.Length));
            else Spill();
        }
        _buffer[_buffered++] = new Pair(score, positive);
        if (positive) _positives++;
        else _negatives++;
    }

    /// <summary>The AUC of every pair added; NaN when there are no positives or no negatives.</summary>
    public double Result()
    {
        if (_positives == 0 || _negatives == 0) return double.NaN;
        var ranks = new RankSum();
        if (_runs.Count == 0)
        {
            Array.Sort(_buffer, 0, _buffered, PairOrder.Instance);
            for (int i = 0; i < _buffered; i++) ranks.Add(_buffer[i]);
        }
        else
        {
            if (_buffered > 0) Spill();
            var runs = new List<Run>(_runs);
            while (runs.Count > FanIn)
            {
                var merged = new List<Run>();
                for (int i = 0; i < runs.Count; i += FanIn)
                {
                    var group = runs.GetRange(i, Math.Min(FanIn, runs.Count - i));
                    long start = _fileLength;
                    var writer = new RunWriter(this);
                    Merge(group, writer.Add);
                    writer.Flush();
                    merged.Add(new Run(start, group.Sum(r => r.Pairs)));
                }
                runs = merged;
            }
            Merge(runs, ranks.Add);
        }
        return ranks.Auc(_positives, _negatives);
    }

    public void Dispose()
    {
        _file?.Dispose();
        _file = null;
    }

    private void Spill()
    {
        Array.Sort(_buffer, 0, _buffered, PairOrder.Instance);
        long start = _fileLength;
        var writer = new RunWriter(this);
        for (int i = 0; i < _buffered; i++) writer.Add(_buffer[i]);
        writer.Flush();
        _runs.Add(new Run(start, _buffered));
        _buffered = 0;
    }

    private void Write(ReadOnlySpan<byte> bytes)
    {
        try
        {
            if (_file is null)
            {
                _path = Path.Combine(_directory ?? Path.GetTempPath(), $"edge-auc-{Guid.NewGuid():N}.tmp");
                _file = File.OpenHandle(_path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileOptions.DeleteOnClose);
            }
            RandomAccess.Write(_file, bytes, _fileLength);
            _fileLength += bytes.Length;
        }
        catch (IOException e)
        {
            throw new IOException($"could not keep the scores for the AUC in the temporary file {_path ?? _directory ?? Path.GetTempPath()}: {e.Message}", e);
        }
    }

    /// <summary>Merges sorted runs into one sorted stream of pairs.</summary>
    private void Merge(List<Run> runs, Action<Pair> sink)
    {
        var readers = runs.Select(r => new RunReader(_file!, r)).ToList();
        var heap = new PriorityQueue<RunReader, Pair>(PairOrder.Instance);
        foreach (var reader in readers)
            if (reader.TryPeek(out var first)) heap.Enqueue(reader, first);
        while (heap.TryDequeue(out var reader, out var pair))
        {
            sink(pair);
            reader.Advance();
            if (reader.TryPeek(out var next)) heap.Enqueue(reader, next);
        }
    }

    private readonly record struct Pair(double Score, bool Positive);

    private readonly record struct Run(long Offset, long Pairs);

    /// <summary>Ascending scores, NaN first (as <see cref="double.CompareTo(double)"/>); the label does not order.</summary>
    private sealed class PairOrder : IComparer<Pair>
    {
        public static readonly PairOrder Instance = new();

        public int Compare(Pair x, Pair y) => x.Score.CompareTo(y.Score);
    }

    /// <summary>
    /// Sums the positives' ranks over pairs arriving in ascending order: a group of equal scores
    /// shares its average rank. NaN scores are one group (they compare equal to each other here).
    /// </summary>
    private sealed class RankSum
    {
        private long _seen, _groupStart, _groupPositives;
        private double _groupScore = double.NaN, _rankSum;
        private bool _inGroup;

        public void Add(Pair pair)
        {
            if (!_inGroup || pair.Score.CompareTo(_groupScore) != 0) CloseGroup(pair.Score);
            if (pair.Positive) _groupPositives++;
            _seen++;
        }

        public double Auc(long positives, long negatives)
        {
            CloseGroup(double.NaN);
            return (_rankSum - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
        }

        private void CloseGroup(double nextScore)
        {
            if (_inGroup) _rankSum += _groupPositives * ((_groupStart + _seen - 1) / 2.0 + 1);
            _inGroup = true;
            _groupStart = _seen;
            _groupPositives = 0;
            _groupScore = nextScore;
        }
    }

    private sealed class RunWriter(SpillingAuc owner)
    {
        private readonly byte[] _bytes = new byte[ReadPairs * PairBytes];
        private int _used;

        public void Add(Pair pair)
        {
            if (_used == _bytes.Length) Flush();
            BinaryPrimitives.WriteInt64LittleEndian(_bytes.AsSpan(_used), BitConverter.DoubleToInt64Bits(pair.Score));
            _bytes[_used + 8] = pair.Positive ? (byte)1 : (byte)0;
            _used += PairBytes;
        }

        public void Flush()
        {
            if (_used == 0) return;
            owner.Write(_bytes.AsSpan(0, _used));
            _used = 0;
        }
    }

    private sealed class RunReader(Microsoft.Win32.SafeHandles.SafeFileHandle file, Run run)
    {
        private readonly byte[] _bytes = new byte[ReadPairs * PairBytes];
        private long _nextPair;      // the run's next pair to read from disk
        private int _held, _at;      // pairs in the buffer, and the one to peek

        public bool TryPeek(out Pair pair)
        {
            if (_at == _held && !Refill())
            {
                pair = default;
                return false;
            }
            var span = _bytes.AsSpan(_at * PairBytes);
            pair = new Pair(BitConverter.Int64BitsToDouble(BinaryPrimitives.ReadInt64LittleEndian(span)), span[8] != 0);
            return true;
        }

        public void Advance() => _at++;

        private bool Refill()
        {
            int pairs = (int)Math.Min(ReadPairs, run.Pairs - _nextPair);
            if (pairs <= 0) return false;
            var target = _bytes.AsSpan(0, pairs * PairBytes);
            long offset = run.Offset + _nextPair * PairBytes;
            for (int read = 0; read < target.Length;)
            {
                int n = RandomAccess.Read(file, target[read..], offset + read);
                if (n == 0) throw new IOException("the AUC's temporary file ended early");
                read += n;
            }
            _nextPair += pairs;
            _held = pairs;
            _at = 0;
            return true;
        }
    }
}
