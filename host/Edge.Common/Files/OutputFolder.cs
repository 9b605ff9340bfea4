namespace Edge.Common.Files;

/// <summary>A folder a command writes its outputs into (a run folder, the demo's folder), created with its parents; one that cannot be is a <see cref="FileWriteException"/> naming it.</summary>
public static class OutputFolder
{
    public static string Create(string path)
    {
        string full = Path.GetFullPath(path);
        if (File.Exists(full)) throw new FileWriteException(path, "a file of that name is in the way of the folder");
        try
        {
            Directory.CreateDirectory(full);
            return full;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FileWriteException(path, e is UnauthorizedAccessException ? "the folder cannot be created here (permission denied)" : $"the folder cannot be created ({e.Message.TrimEnd('.')})", e);
        }
    }
}
