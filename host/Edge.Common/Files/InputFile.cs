namespace Edge.Common.Files;

/// <summary>
/// Reads a file the user named with a limit on its size, checked before and while reading: a
/// 70 MB "model", a device such as /dev/zero (which reports length 0 and never ends) or a FIFO
/// fails with a message instead of exhausting memory. Every reader of a user's file goes through
/// here; <paramref name="kind"/> words the message ("a model file", "a rig file").
/// </summary>
public static class InputFile
{
    public static byte[] ReadAllBytes(string path, long maxBytes, string kind)
    {
        using var stream = OpenRead(path, maxBytes, kind);
        var buffer = new MemoryStream();
        try
        {
            stream.CopyTo(buffer);
        }
        catch (Exception e) when (e is IOException and not InputFileException || e is UnauthorizedAccessException)
        {
            throw new InputFileException(path, "cannot be read: " + e.Message, e);
        }
        return buffer.ToArray();
    }

    public static string ReadAllText(string path, long maxBytes, string kind)
    {
        using var stream = OpenRead(path, maxBytes, kind);
        using var reader = new StreamReader(stream, detectEncodingFromByteOrderMarks: true);
        try
        {
            return reader.ReadToEnd();
        }
        catch (Exception e) when (e is IOException and not InputFileException || e is UnauthorizedAccessException)
        {
            throw new InputFileException(path, "cannot be read: " + e.Message, e);
        }
    }

    /// <summary>A stream over the file that fails with an <see cref="InputFileException"/> once more than <paramref name="maxBytes"/> are read.</summary>
    public static Stream OpenRead(string path, long maxBytes, string kind)
    {
        if (Directory.Exists(path)) throw new InputFileException(path, $"is a folder; give {kind}");
        var info = new FileInfo(path);
        if (!info.Exists) throw new InputFileException(path, "file not found");
        if (info.Length > maxBytes) throw new InputFileException(path, TooLarge(info.Length, maxBytes, kind));
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException(path, e is UnauthorizedAccessException ? "cannot be read: permission denied" : "cannot be read: " + e.Message, e);
        }
        return new LimitedReadStream(file, maxBytes, () => new InputFileException(path, TooLarge(null, maxBytes, kind)));
    }

    private static string TooLarge(long? length, long maxBytes, string kind) =>
        $"{(length is { } l ? Size(l) : "more than " + Size(maxBytes))} is too large for {kind} (at most {Size(maxBytes)}); is it the right file?";

    /// <summary>Bytes as a person reads them: 900 B, 64 KB, 64 MB (binary multiples).</summary>
    public static string Size(long bytes) =>
        bytes >= 1L << 30 && bytes % (1L << 30) == 0 ? $"{bytes >> 30} GB"
        : bytes >= 1L << 20 ? $"{(bytes + (1L << 19)) >> 20} MB"
        : bytes >= 1L << 10 ? $"{(bytes + 512) >> 10} KB"
        : $"{bytes} B";
}
