using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using Edge.Common.Files;
using Sylvan.Data.Csv;

namespace Edge.Data.Streaming;

/// <summary>
/// <see cref="CsvTable"/>'s fast pass: rows read straight from the file's UTF-8 bytes (a vectorised
/// search for line ends and separators, numbers parsed from the bytes: plain decimals by
/// <see cref="PlainDecimal"/>, the rest by csFastFloat), skipping the
/// UTF-16 decode and the general tokeniser, which were most of a replay's CPU. It takes only lines it
/// reads exactly as Sylvan does: not empty, no quote, no carriage return but a final one, shorter
/// than its buffer. At the first other line it hands the rest of the pass to Sylvan (reopened and
/// moved past the rows already read), so quoted fields and odd line ends are read as before. A cell
/// that is not a plain number goes through <see cref="Cells.Store"/> as text: values and messages
/// (file, row, column) are the Sylvan path's. The usual line of a sensor log, every requested cell
/// a plain decimal, is read in one pass (<see cref="TryPlainRow"/>) before any of that.
/// </summary>
internal sealed class Utf8CsvCursor : TableCursor
{
    private const int BufferBytes = 1 << 20;
    private const int End = -1, Unsure = -2;

    // char.Trim's white space among the ASCII bytes (a non-ASCII cell takes the text path, trimmed there).
    private static readonly bool[] Blank = Enumerable.Range(0, 128).Select(b => char.IsWhiteSpace((char)b)).ToArray();

    private readonly CsvTable _table;
    private readonly Stream _stream;
    private readonly byte _separator;
    private readonly int[] _fieldStarts; // per field, then one past the line (as if a separator followed)
    private readonly bool[] _numeric;
    private readonly int[]? _columnOfField; // per field, the request's column reading it (-1: none); null: no one-pass rows
    private readonly SearchValues<byte> _fieldEnd; // separator, quote, carriage return
    private readonly byte[] _buffer = new byte[BufferBytes];
    private int _start, _end;
    private bool _endOfFile;
    private CsvDataReader? _sylvan;

    public Utf8CsvCursor(CsvTable table, TableRequest request, Utf8CsvLayout layout) : base(table, request)
    {
        _table = table;
        _separator = layout.Separator;
        _fieldStarts = new int[table.ColumnNames.Count + 1];
        _numeric = request.Columns.Select(c => !c.IsText).ToArray();
        _columnOfField = ColumnOfField(Indexes, _numeric, _fieldStarts.Length - 1);
        _fieldEnd = SearchValues.Create([_separator, (byte)'"', (byte)'\r']);
        _stream = InputFile.OpenRead(table.Name, table.MaxBytes, "a table");
        try
        {
            Skip(layout.HeaderBytes);
        }
        catch
        {
            _stream.Dispose();
            throw;
        }
    }

    /// <summary>Data rows read from the bytes before Sylvan took over the pass; null while it has not.</summary>
    internal long? SylvanAfter { get; private set; }

    /// <summary>Rows read in one pass by <see cref="TryPlainRow"/> (the others cell by cell or by Sylvan).</summary>
    internal long OnePassRows { get; private set; }

    protected override int Fill(TableChunk chunk, long rowsBefore)
    {
        if (_sylvan is not null) return _table.FillFrom(_sylvan, chunk, 0, rowsBefore, Indexes);
        int width = _fieldStarts.Length - 1;
        var indexes = Indexes;
        int rows = 0;
        while (rows < chunk.Capacity)
        {
            int offset = NextLine(out int length);
            if (offset == End) return rows;
            var line = offset == Unsure ? default : _buffer.AsSpan(offset, length);
            if (_columnOfField is not null && TryPlainRow(line, chunk, rows))
            {
                OnePassRows++;
                rows++;
                continue;
            }
            int cells = line.IsEmpty ? -1 : Split(line);
            if (cells < 0)
            {
                SylvanAfter = rowsBefore + rows;
                _sylvan = _table.ReaderAfter(rowsBefore + rows);
                return _table.FillFrom(_sylvan, chunk, rows, rowsBefore, Indexes);
            }
            long row = rowsBefore + rows + 1;
            if (cells != width) throw new DataFileException(_table.Name, $"has {cells} cells, the header has {width}", row);
            // In the request's order, as the Sylvan path: of two bad cells in a row, the same one is named.
            for (int c = 0; c < indexes.Length; c++)
            {
                int field = indexes[c];
                Store(chunk, c, rows, line[_fieldStarts[field]..(_fieldStarts[field + 1] - 1)], row);
            }
            rows++;
        }
        return rows;
    }

    /// <summary>
    /// Per field of the header, the request's column that reads it, or -1; null when a requested
    /// column is text, missing or asked for twice (those rows take the cell-by-cell path).
    /// </summary>
    private static int[]? ColumnOfField(int[] indexes, bool[] numeric, int width)
    {
        var columnOfField = new int[width];
        Array.Fill(columnOfField, -1);
        for (int c = 0; c < indexes.Length; c++)
        {
            int field = indexes[c];
            if (!numeric[c] || field < 0 || field >= width || columnOfField[field] >= 0) return null;
            columnOfField[field] = c;
        }
        return columnOfField;
    }

    /// <summary>
    /// Reads a line in one pass when every requested cell is a plain decimal filling its cell (no
    /// blanks, see <see cref="PlainDecimal"/>), the other cells hold no quote or carriage return, and
    /// there are as many cells as the header's: each value stored as the cell-by-cell path would
    /// store it. False for any other line, which that path then reads (and overwrites whatever this
    /// stored of the row).
    /// </summary>
    private bool TryPlainRow(ReadOnlySpan<byte> line, TableChunk chunk, int index)
    {
        if (line.IsEmpty) return false; // an empty line (or one longer than the buffer) is Sylvan's
        int[] columnOfField = _columnOfField!;
        int last = columnOfField.Length - 1, at = 0;
        for (int field = 0; ; field++)
        {
            var rest = line[at..];
            int column = columnOfField[field], length;
            if (column >= 0)
            {
                if (!PlainDecimal.TryParsePrefix(rest, out double value, out length)) return false;
                chunk.NumberStore(column)[index] = value;
            }
            else
            {
                // Up to the separator; a quote or carriage return stops it short, and the check below declines the line.
                length = rest.IndexOfAny(_fieldEnd);
                if (length < 0) length = rest.Length;
            }
            at += length;
            if (field == last) return at == line.Length;
            if (at == line.Length || line[at] != _separator) return false;
            at++;
        }
    }

    /// <summary>
    /// Finds the line's separators 16 bytes at a time (one compare per byte kind, a bit mask of the
    /// hits), recording where each of the header's fields starts; returns the number of cells, or -1
    /// for a line with a quote or a carriage return, which is Sylvan's to read.
    /// </summary>
    private int Split(ReadOnlySpan<byte> line)
    {
        int width = _fieldStarts.Length - 1;
        int found = 0, i = 0;
        var separator = Vector128.Create(_separator);
        var quote = Vector128.Create((byte)'"');
        var carriageReturn = Vector128.Create((byte)'\r');
        ref byte first = ref MemoryMarshal.GetReference(line);
        for (; i + Vector128<byte>.Count <= line.Length; i += Vector128<byte>.Count)
        {
            var block = Vector128.LoadUnsafe(ref first, (nuint)i);
            if ((Vector128.Equals(block, quote) | Vector128.Equals(block, carriageReturn)) != Vector128<byte>.Zero) return -1;
            for (uint hits = Vector128.Equals(block, separator).ExtractMostSignificantBits(); hits != 0; hits &= hits - 1)
            {
                if (++found < width) _fieldStarts[found] = i + BitOperations.TrailingZeroCount(hits) + 1;
            }
        }
        for (; i < line.Length; i++)
        {
            byte b = line[i];
            if (b == (byte)'"' || b == (byte)'\r') return -1;
            if (b == _separator && ++found < width) _fieldStarts[found] = i + 1;
        }
        if (found < width) _fieldStarts[found + 1] = line.Length + 1;
        return found + 1;
    }

    private void Store(TableChunk chunk, int column, int index, ReadOnlySpan<byte> cell, long row)
    {
        var number = Trim(cell);
        if (_numeric[column] && (PlainDecimal.TryParse(number, out double value)
            || csFastFloat.FastDoubleParser.TryParseDouble(number, out int consumed, out value) && consumed == number.Length && double.IsFinite(value)))
        {
            chunk.NumberStore(column)[index] = value;
            return;
        }
        // Anything else (text columns, missing or bad cells, non-ASCII) is judged as the Sylvan path judges it.
        char[]? rented = null;
        Span<char> text = cell.Length <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(cell.Length)));
        try
        {
            int chars = Encoding.UTF8.GetChars(cell, text);
            Cells.Store(chunk, column, index, text[..chars].Trim(), _table.Name, row);
        }
        finally
        {
            if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        }
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> cell)
    {
        int first = 0, last = cell.Length;
        while (first < last && cell[first] < 128 && Blank[cell[first]]) first++;
        while (last > first && cell[last - 1] < 128 && Blank[cell[last - 1]]) last--;
        return cell[first..last];
    }

    /// <summary>The next line's offset in the buffer (without its line end); <see cref="End"/> after the last, <see cref="Unsure"/> for a line longer than the buffer.</summary>
    private int NextLine(out int length)
    {
        while (true)
        {
            int newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0 || (_endOfFile && _start < _end))
            {
                int offset = _start;
                length = newline >= 0 ? newline : _end - _start;
                _start += newline >= 0 ? newline + 1 : length;
                if (length > 0 && _buffer[offset + length - 1] == (byte)'\r') length--;
                return offset;
            }
            length = 0;
            if (_endOfFile) return End;
            if (_start == 0 && _end == _buffer.Length) return Unsure;
            Refill();
        }
    }

    private void Refill()
    {
        _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
        _end -= _start;
        _start = 0;
        while (_end < _buffer.Length)
        {
            int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _endOfFile = true;
                return;
            }
            _end += read;
        }
    }

    private void Skip(int bytes)
    {
        while (_end - _start < bytes && !_endOfFile) Refill();
        _start += Math.Min(bytes, _end - _start);
    }

    protected override void Dispose(bool disposing)
    {
        if (!disposing) return;
        _stream.Dispose();
        _sylvan?.Dispose();
    }
}
