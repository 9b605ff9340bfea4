using Edge.Common.Files;
using Parquet;
using Parquet.Schema;

namespace Edge.Data.Streaming;

/// <summary>
/// A Parquet file read in passes: flat columns of numbers, strings or booleans, one row group at a
/// time (only the requested columns of it are in memory). Numbers arrive as numbers, nulls as
/// missing cells.
/// </summary>
internal sealed class ParquetTable : TableSource
{
    private readonly string _path;
    private readonly long _maxBytes;
    private readonly DataField[] _fields;
    private readonly string[] _names;

    public ParquetTable(string path, long maxBytes)
    {
        _path = path;
        _maxBytes = maxBytes;
        _fields = Guarded(() =>
        {
            using var stream = InputFile.OpenRead(path, maxBytes, "a table");
            var reader = ParquetReader.CreateAsync(stream).GetAwaiter().GetResult();
            try
            {
                return reader.Schema.GetDataFields();
            }
            finally
            {
                reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        });
        _names = _fields.Select(f => f.Name).ToArray();
    }

    public override string Name => _path;

    public override IReadOnlyList<string> ColumnNames => _names;

    protected internal override T Guarded<T>(Func<T> read) => FileErrors.Guarded(_path, "Parquet", read);

    protected override TableCursor CreateCursor(TableRequest request)
    {
        foreach (var column in request.Columns)
        {
            if (_fields[IndexOf(column.Name)].IsArray) throw new DataFileException(_path, "nested (list) columns are not supported", column: column.Name);
        }
        var stream = InputFile.OpenRead(_path, _maxBytes, "a table");
        try
        {
            return new ParquetCursor(this, request, stream, ParquetReader.CreateAsync(stream).GetAwaiter().GetResult());
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>One requested column of the current row group: numbers (with a null mask) or strings.</summary>
    private sealed class GroupColumn
    {
        public double[] Numbers = [];
        public bool[] Present = [];
        public string?[]? Texts;
    }

    private sealed class ParquetCursor : TableCursor
    {
        private readonly ParquetTable _table;
        private readonly Stream _stream;
        private readonly ParquetReader _reader;
        private readonly GroupColumn[] _columns;
        private int _group = -1;
        private int _groupRows;
        private int _position;

        public ParquetCursor(ParquetTable table, TableRequest request, Stream stream, ParquetReader reader) : base(table, request)
        {
            _table = table;
            _stream = stream;
            _reader = reader;
            _columns = request.Columns.Select(_ => new GroupColumn()).ToArray();
        }

        protected override int Fill(TableChunk chunk, long rowsBefore)
        {
            int rows = 0;
            while (rows < chunk.Capacity)
            {
                if (_position == _groupRows && !NextGroup()) break;
                int take = Math.Min(chunk.Capacity - rows, _groupRows - _position);
                for (int c = 0; c < _columns.Length; c++)
                {
                    var column = _columns[c];
                    for (int i = 0; i < take; i++)
                    {
                        int at = _position + i;
                        long row = rowsBefore + rows + i + 1;
                        if (column.Texts is { } texts) Cells.Store(chunk, c, rows + i, texts[at].AsSpan().Trim(), _table._path, row);
                        else if (column.Present[at]) Cells.StoreNumber(chunk, c, rows + i, column.Numbers[at], _table._path, row);
                        else Cells.Store(chunk, c, rows + i, [], _table._path, row);
                    }
                }
                _position += take;
                rows += take;
            }
            return rows;
        }

        private bool NextGroup()
        {
            while (++_group < _reader.RowGroupCount)
            {
                using var group = _reader.OpenRowGroupReader(_group);
                _groupRows = checked((int)group.RowCount);
                _position = 0;
                for (int c = 0; c < _columns.Length; c++)
                    ReadColumn(group, _table._fields[Indexes[c]], _groupRows, _columns[c]).GetAwaiter().GetResult();
                if (_groupRows > 0) return true;
            }
            _groupRows = _position = 0;
            return false;
        }

        private static async Task ReadColumn(ParquetRowGroupReader group, DataField field, int rows, GroupColumn into)
        {
            Type type = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
            if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
            {
                var texts = new string?[rows];
                await group.ReadAsync(field, texts.AsMemory(), null, default);
                into.Texts = texts;
                return;
            }
            into.Texts = null;
            if (into.Numbers.Length < rows)
            {
                into.Numbers = new double[rows];
                into.Present = new bool[rows];
            }
            if (type == typeof(double)) await Read<double>(group, field, rows, into, v => v);
            else if (type == typeof(float)) await Read<float>(group, field, rows, into, v => v);
            else if (type == typeof(long)) await Read<long>(group, field, rows, into, v => v);
            else if (type == typeof(int)) await Read<int>(group, field, rows, into, v => v);
            else if (type == typeof(short)) await Read<short>(group, field, rows, into, v => v);
            else if (type == typeof(sbyte)) await Read<sbyte>(group, field, rows, into, v => v);
            else if (type == typeof(byte)) await Read<byte>(group, field, rows, into, v => v);
            else if (type == typeof(ushort)) await Read<ushort>(group, field, rows, into, v => v);
            else if (type == typeof(uint)) await Read<uint>(group, field, rows, into, v => v);
            else if (type == typeof(ulong)) await Read<ulong>(group, field, rows, into, v => v);
            else if (type == typeof(bool)) await Read<bool>(group, field, rows, into, v => v ? 1 : 0);
            else throw new NotSupportedException($"column '{field.Name}' has type {type.Name}, which Edge does not read");
        }

        private static async Task Read<T>(ParquetRowGroupReader group, DataField field, int rows, GroupColumn into, Func<T, double> toDouble) where T : struct
        {
            if (field.IsNullable)
            {
                var values = new T?[rows];
                await group.ReadAsync(field, values.AsMemory(), null, default);
                for (int i = 0; i < rows; i++)
                {
                    into.Present[i] = values[i].HasValue;
                    into.Numbers[i] = values[i] is { } v ? toDouble(v) : double.NaN;
                }
                return;
            }
            var plain = new T[rows];
            await group.ReadAsync(field, plain.AsMemory(), null, default);
            for (int i = 0; i < rows; i++)
            {
                into.Present[i] = true;
                into.Numbers[i] = toDouble(plain[i]);
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (!disposing) return;
            _reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
            _stream.Dispose();
        }
    }
}
