namespace Edge.Data.Streaming;

/// <summary>
/// The distinct texts of a text column, each kept once, and the code (index) of each cell: a
/// streamed column of categories is a column of ints plus this. <see cref="Fixed"/> knows its texts
/// in advance (a profile's categories: anything else is <see cref="Unknown"/>); <see cref="Open"/>
/// learns them while reading, up to a limit, so that an id-like column cannot grow it without end.
/// Cells are looked up as spans: a text already seen costs no allocation.
/// </summary>
public sealed class TextVocabulary
{
    /// <summary>The code of a text not in a fixed vocabulary, or past an open one's limit.</summary>
    public const int Unknown = -1;

    /// <summary>The code of an empty cell (or a Parquet null): never a text of the vocabulary.</summary>
    public const int Empty = -2;

    /// <summary>The text of a code: "" for <see cref="Empty"/>.</summary>
    public string TextOf(int code) => code == Empty ? "" : _texts[code];

    private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<string> _texts = [];
    private readonly int _limit;

    private TextVocabulary(IEnumerable<string> texts, int limit)
    {
        _lookup = _codes.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var text in texts)
        {
            if (_codes.TryAdd(text, _texts.Count)) _texts.Add(text);
        }
        _limit = limit;
    }

    /// <summary>Exactly these texts, coded by their position (a repeated text keeps its first).</summary>
    public static TextVocabulary Fixed(IEnumerable<string> texts) => new(texts, 0);

    /// <summary>Texts in the order first seen, at most <paramref name="limit"/> of them.</summary>
    public static TextVocabulary Open(int limit = int.MaxValue) => new([], limit);

    public int Count => _texts.Count;

    public string this[int code] => _texts[code];

    /// <summary>True when an open vocabulary met more distinct texts than its limit (their cells were coded <see cref="Unknown"/>).</summary>
    public bool Overflowed { get; private set; }

    public IReadOnlyList<string> Texts => _texts;

    public int CodeOf(ReadOnlySpan<char> text)
    {
        if (_lookup.TryGetValue(text, out int code)) return code;
        if (_texts.Count >= _limit)
        {
            if (_limit > 0) Overflowed = true;
            return Unknown;
        }
        string owned = text.ToString();
        _codes.Add(owned, _texts.Count);
        _texts.Add(owned);
        return _texts.Count - 1;
    }
}
