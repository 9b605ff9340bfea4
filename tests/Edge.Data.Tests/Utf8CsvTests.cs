using System.Globalization;
using System.Text;
using Edge.Data.Streaming;
using Edge.TestSupport;

namespace Edge.Data.Tests;

/// <summary>
/// CSV rows read straight from UTF-8 bytes (<see cref="Utf8CsvCursor"/>) against the same file read
/// by Sylvan alone (<c>bytePath: false</c>): every value bit for bit, every code, every error word for
/// word; and the byte path is really taken for plain rows and left at the first row it cannot read.
/// </summary>
[TestClass]
public sealed class Utf8CsvTests
{
    private sealed record Pass(List<string> Cells, long? SylvanAfter, string? Error, long OnePassRows = 0);

    /// <summary>Every column read (numbers with missing cells as NaN, or texts), each cell as its value's bits or its text.</summary>
    private static Pass ReadAll(string path, bool bytePath, bool asText = false, int capacity = 1000, ISet<string>? textColumns = null, IReadOnlyList<string>? only = null)
    {
        var table = new CsvTable(path, long.MaxValue, bytePath);
        var request = new TableRequest();
        var vocabulary = TextVocabulary.Open();
        var columns = (only ?? table.ColumnNames).Select(n => asText || textColumns?.Contains(n) == true ? request.Text(n, vocabulary) : request.Number(n, MissingCells.AsNaN)).ToArray();
        var chunk = new TableChunk(request, capacity);
        var cells = new List<string>();
        using var cursor = table.Open(request);
        try
        {
            while (cursor.Read(chunk))
            {
                for (int r = 0; r < chunk.Rows; r++)
                {
                    foreach (int c in columns)
                        cells.Add(BitConverter.DoubleToInt64Bits(chunk.Numbers(c)[r]).ToString("X16", CultureInfo.InvariantCulture) + (request.Columns[c].IsText ? "|" + vocabulary.TextOf(chunk.Codes(c)[r]) : ""));
                }
            }
        }
        catch (DataFileException e)
        {
            return new Pass(cells, (cursor as Utf8CsvCursor)?.SylvanAfter, e.Message, (cursor as Utf8CsvCursor)?.OnePassRows ?? 0);
        }
        return new Pass(cells, (cursor as Utf8CsvCursor)?.SylvanAfter, null, (cursor as Utf8CsvCursor)?.OnePassRows ?? 0);
    }

    private static Pass BothAgree(string path, bool asText = false, int capacity = 1000, ISet<string>? textColumns = null, IReadOnlyList<string>? only = null)
    {
        var bytes = ReadAll(path, bytePath: true, asText, capacity, textColumns, only);
        var sylvan = ReadAll(path, bytePath: false, asText, capacity, textColumns, only);
        Assert.AreEqual(sylvan.Error, bytes.Error, path);
        CollectionAssert.AreEqual(sylvan.Cells, bytes.Cells, path);
        return bytes;
    }

    private static string Write(string name, string text, bool bom = false) =>
        TableReaderTests.Write(name, (bom ? "\uFEFF" : "") + text);

    [TestMethod]
    public void TheSamplesReadTheSameFromBytesAndAllFromBytes()
    {
        foreach (var file in Directory.GetFiles(RepoPaths.MotorFlux(""), "*.csv"))
        {
            // The label columns (high/low, none) as texts, every measurement as a number.
            var lines = File.ReadLines(file).Take(2).Select(l => l.Split(',')).ToArray();
            var texts = lines[0].Where((_, i) => !double.TryParse(lines[1][i], NumberStyles.Float, CultureInfo.InvariantCulture, out double _)).ToHashSet();
            var pass = BothAgree(file, textColumns: texts);
            Assert.IsNull(pass.Error, file);
            Assert.IsNull(pass.SylvanAfter, $"{file} left the byte path");
            if (texts.Count > 0) Assert.AreEqual(0L, pass.OnePassRows, "with a text column requested no row is read in one pass");
            var measurements = File.ReadLines(file).First().Split(',').Where(n => !texts.Contains(n)).ToArray();
            var numbers = BothAgree(file, only: measurements);
            Assert.AreEqual(numbers.Cells.Count / measurements.Length, numbers.OnePassRows, $"{file}: every row of plain measurements in one pass");
            Assert.IsTrue(pass.Cells.Count > 1000, file);
            BothAgree(file, asText: true, capacity: 333);
        }
    }

    // Cells a number parser could take differently: signs, exponents, rounding edges, white space
    // (ASCII and not), infinities, NaN spellings, other scripts' digits, separators of other cultures.
    private static readonly string[] Adversarial =
    [
        "1.5", " 1.5 ", "\t2\t", "\v3\f", "+3", "-0", "0", ".5", "5.", "-.5", "1e5", "1E-05", "1e+308", "1e309", "-1e400", "1e-400",
        "4.9e-324", "2.2250738585072011e-308", "1.7976931348623157e308", "1.7976931348623158e308", "9007199254740993",
        "0.1000000000000000055511151231257827021181583404541015625", "123456789012345678901234567890", "0.30000000000000004",
        "NaN", "nan", "NAN", "-NaN", "", "  ", "inf", "-inf", "Infinity", "-Infinity", "∞", "0x1F", "1_000", "1 000", "1.2.3",
        "-", "+", "e5", "1e", "1e+", "--1", "+-1", "1d", "1f", "1.5\u00A0", "\u00A01.5", "\u20031", "１", "٣", "1.5e\u0665", "abc", "é1",
        "1\u00001", "\u0085" + "2", "00012", "1.000000000000000000000000000000000000000001",
    ];

    [TestMethod]
    public void EveryAdversarialCellGivesTheSameValueOrTheSameError()
    {
        for (int i = 0; i < Adversarial.Length; i++)
        {
            string path = Write($"cell{i}.csv", $"a,x,b\n1,{Adversarial[i]},2\n");
            var pass = BothAgree(path);
            Assert.IsNull(pass.SylvanAfter, $"cell '{Adversarial[i]}' left the byte path");
            if (pass.Error is null)
            {
                double expected = Cells.IsMissing(Adversarial[i].Trim()) ? double.NaN
                    : double.Parse(Adversarial[i].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture);
                Assert.AreEqual(BitConverter.DoubleToInt64Bits(expected).ToString("X16", CultureInfo.InvariantCulture), pass.Cells[1], $"cell '{Adversarial[i]}'");
            }
            else
            {
                StringAssert.StartsWith(pass.Error, $"{path}, row 1, column 'x': ", $"cell '{Adversarial[i]}'");
            }
            BothAgree(path, asText: true);
        }
    }

    [TestMethod]
    public void RandomNumbersInEveryNotationReadAsDotNetParsesThem()
    {
        var random = new Random(17);
        string[] formats = ["R", "G17", "G6", "E3", "F4", "e12", "0.################"];
        var rows = new StringBuilder("u,v,w\n");
        var expected = new List<double>();
        for (int r = 0; r < 3000; r++)
        {
            var texts = new string[3];
            for (int c = 0; c < 3; c++)
            {
                double value = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-30, 30));
                texts[c] = (random.Next(4) == 0 ? " " : "") + value.ToString(formats[random.Next(formats.Length)], CultureInfo.InvariantCulture) + (random.Next(4) == 0 ? "\t" : "");
                expected.Add(double.Parse(texts[c], NumberStyles.Float, CultureInfo.InvariantCulture));
            }
            rows.Append(string.Join(',', texts)).Append(random.Next(2) == 0 ? "\n" : "\r\n");
        }
        string path = Write("random.csv", rows.ToString());
        var pass = BothAgree(path, capacity: 777);
        Assert.IsNull(pass.Error);
        Assert.IsNull(pass.SylvanAfter);
        CollectionAssert.AreEqual(expected.Select(v => BitConverter.DoubleToInt64Bits(v).ToString("X16", CultureInfo.InvariantCulture)).ToList(), pass.Cells);
    }

    [TestMethod]
    public void AQuotedRowHandsTheRestOfThePassToSylvanAtThatRow()
    {
        var text = new StringBuilder("id,x,label\n");
        for (int r = 1; r <= 2500; r++)
            text.Append(r == 1500 ? "1500,\"1,5\",\"two\nlines\"\n" : $"{r},{r * 0.25},{(r % 7 == 0 ? "seven" : "other")}\n");
        string path = Write("quoted.csv", text.ToString());
        var numbers = BothAgree(path, capacity: 1000, textColumns: new HashSet<string> { "label" });
        Assert.AreEqual(1499L, numbers.SylvanAfter, "the byte path reads up to the quoted row, in the second chunk");
        StringAssert.StartsWith(numbers.Error, $"{path}, row 1500, column 'x': '1,5' is not a finite number");
        var texts = BothAgree(path, asText: true, capacity: 1000);
        Assert.IsNull(texts.Error);
        Assert.AreEqual(2500 * 3, texts.Cells.Count, "the quoted newline is inside a cell, not a row end");
        StringAssert.EndsWith(texts.Cells[1499 * 3 + 2], "|two\nlines");
    }

    [TestMethod]
    public void LineEndsBomSeparatorsAndBlankLinesReadAsSylvanReadsThem()
    {
        string[] files =
        [
            Write("crlf.csv", "a,b\r\n1,2\r\n3,4\r\n"),
            Write("nolastend.csv", "a,b\n1,2\n3,4"),
            Write("bom.csv", "a,b\n1,2\n", bom: true),
            Write("semicolon.csv", "a;b\n1,5;2\n3;4\n"),
            Write("tab.csv", "a\tb\n 1\t2 \n"),
            Write("pipe.csv", "a|b\n1|2\n"),
            Write("blank.csv", "a,b\n1,2\n\n3,4\n"),
            Write("trailingblank.csv", "a,b\n1,2\n\n"),
            Write("cr.csv", "a,b\n1,2\r3,4\n"),
            Write("onecolumn.csv", "a\n1\n2\n"),
            Write("quotedheader.csv", "\"a\",b\n1,2\n"),
            Write("spacedheader.csv", " a , b \n1,2\n"),
            Write("short.csv", "a,b,c\n1,2,3\n4,5\n"),
            Write("long.csv", "a,b\n1,2\n4,5,6\n"),
            Write("badcell.csv", "a,b\n1,2\n3,x\n"),
            Write("twobad.csv", "a,b\n1,2\ny,x\n"),
            Write("utf8.csv", "größe,b\n1,2\n"),
        ];
        foreach (var file in files)
        {
            BothAgree(file);
            BothAgree(file, asText: true, capacity: 1);
        }
        Assert.IsNull(ReadAll(files[0], true).SylvanAfter, "CR LF rows are read from bytes");
        Assert.AreEqual(1L, ReadAll(files[6], true).SylvanAfter, "a blank line is left to Sylvan");
        Assert.AreEqual($"{files[12]}, row 2: has 2 cells, the header has 3", ReadAll(files[12], true).Error);
        Assert.AreEqual($"{files[14]}, row 2, column 'b': 'x' is not a finite number (an empty cell or NaN would be a missing value)", ReadAll(files[14], true).Error);
        Assert.AreEqual($"{files[15]}, row 2, column 'a': 'y' is not a finite number (an empty cell or NaN would be a missing value)", ReadAll(files[15], true).Error);
    }

    [TestMethod]
    public void AQuoteOrCarriageReturnAnywhereInALongLineIsFoundAndLeftToSylvan()
    {
        // 24 fields of 4-5 bytes: the quoted cell (or the stray CR) lands in every lane of the 16-byte blocks and in the tail.
        string header = string.Join(',', Enumerable.Range(0, 24).Select(i => $"c{i}"));
        string plain = string.Join(',', Enumerable.Range(0, 24).Select(i => $"{i}.25"));
        for (int field = 0; field < 24; field++)
        {
            var cells = Enumerable.Range(0, 24).Select(i => $"{i}.25").ToArray();
            cells[field] = $"\"{field}.5\"";
            var pass = BothAgree(Write($"quote{field}.csv", $"{header}\n{plain}\n{string.Join(',', cells)}\n{plain}\n"));
            Assert.IsNull(pass.Error);
            Assert.AreEqual(1L, pass.SylvanAfter, $"quoted field {field}");
            Assert.AreEqual(BitConverter.DoubleToInt64Bits(field + 0.5).ToString("X16", CultureInfo.InvariantCulture), pass.Cells[24 + field]);
            cells[field] = $"{field}\r5";
            Assert.AreEqual(1L, BothAgree(Write($"cr{field}.csv", $"{header}\n{plain}\n{string.Join(',', cells)}\n{plain}\n")).SylvanAfter, $"CR in field {field}");
        }
        var tooMany = BothAgree(Write("toomany.csv", $"{header}\n{plain}\n{plain},1\n"));
        StringAssert.EndsWith(tooMany.Error, "row 2: has 25 cells, the header has 24");
    }

    [TestMethod]
    public void OnePassRowsOfSomeColumnsInAnotherOrderReadAsSylvanReadsThem()
    {
        // Columns b and a requested (in that order), t and note not: the unrequested cells may hold
        // anything but a quote or a carriage return; a requested cell only a plain decimal filling it.
        string[] only = ["b", "a"];
        (string Row, bool OnePass)[] rows =
        [
            ("x,1.5,note,-2e-3", true),
            (",0,,7", true),
            ("12:00:01,3,free text; with, no quote?,4", false), // too many cells (commas in the note)
            ("t,3,free text; no quote,4", true),
            ("t,3,é ü,4", true),
            ("t, 3,n,4", false),                   // a blank before a requested number
            ("t,3,n,4 ", false),                   // and after
            ("t,3,n,+4", false),                   // a sign the fast path leaves to the parser
            ("t,3,n,12345678901234567890", false), // more digits than it takes
            ("t,3,n,", false),                     // a missing value
            ("t,3,n,NaN", false),
            ("t,3,n", false),                      // a cell short
            ("t,3,n,4,", false),                   // a cell over
            ("t,3,,4.25e1", true),
            ("t,1e,n,4", false),
            ("t,1.,n,4", false),
        ];
        for (int i = 0; i < rows.Length; i++)
        {
            string path = Write($"onepass{i}.csv", $"t,a,note,b\n1,2,n,3\n{rows[i].Row}\n4,5,n,6\n");
            var pass = BothAgree(path, only: only);
            if (pass.Error is null) Assert.AreEqual(6, pass.Cells.Count, rows[i].Row);
            // Rows 1 and 3 are plain; after an error (a cell short or over, a bad number) nothing more is read.
            Assert.AreEqual(rows[i].OnePass ? 3L : pass.Error is null ? 2L : 1L, pass.OnePassRows, $"'{rows[i].Row}' read in one pass: {rows[i].OnePass}");
            Assert.IsNull(pass.SylvanAfter, rows[i].Row);
            var all = BothAgree(path);
            Assert.AreEqual(0L, all.OnePassRows, "every column requested: the first row's 'n' is not a plain decimal");
        }
        // A quote or a carriage return in an unrequested cell hands the pass to Sylvan at that row, as before.
        foreach (string odd in new[] { "\"q,uoted\"", "a\rb" })
        {
            var pass = BothAgree(Write("onepass-odd.csv", $"t,a,note,b\n1,2,n,3\nt,3,{odd},4\n4,5,n,6\n"), only: only);
            if (odd[0] == '"') Assert.IsNull(pass.Error, "a quoted comma is inside its cell"); // (a lone CR ends Sylvan's line: a row short)
            Assert.AreEqual(1L, pass.SylvanAfter, odd);
            Assert.AreEqual(1L, pass.OnePassRows, odd);
        }
        // A column asked for twice, or one the table does not have, is read cell by cell.
        Assert.AreEqual(0L, BothAgree(Write("onepass-twice.csv", "a,b\n1,2\n"), only: ["a", "a"]).OnePassRows);
    }

    [TestMethod]
    public void TheLayoutIsTakenOnlyWhenTheHeaderSplitsIntoSylvansNamesAtOneSeparator()
    {
        Assert.AreEqual(new Utf8CsvLayout((byte)',', 4), Utf8CsvLayout.Of("a,b\n1,2"u8, ["a", "b"]));
        Assert.AreEqual(new Utf8CsvLayout((byte)';', 8), Utf8CsvLayout.Of("\uFEFFa;b\r\n1;2"u8, ["a", "b"]));
        Assert.IsNull(Utf8CsvLayout.Of("a,b\n"u8, ["a,b"]), "names Sylvan split otherwise");
        Assert.IsNull(Utf8CsvLayout.Of("a\n1\n"u8, ["a"]), "one column: no separator to be sure of");
        Assert.IsNull(Utf8CsvLayout.Of("\"a\",b\n"u8, ["a", "b"]), "a quoted header");
        Assert.IsNull(Utf8CsvLayout.Of("a,b"u8, ["a", "b"]), "no line end in the first bytes");
        Assert.IsNull(Utf8CsvLayout.Of([0xFF, 0xFE, (byte)'a', 0, (byte)',', 0, (byte)'b', 0, (byte)'\n', 0], ["a", "b"]), "UTF-16");
    }
}
