using Edge.Device.Board;
using Edge.Device.Model;
using Edge.Targets.Costs;

namespace Edge.Board.Simulation;

/// <summary>
/// The simulated board's flash as the device code sees it: forwards to the board's folder store
/// when it has one (or keeps nothing), and notes the work of every model file the board commits
/// or loads at start. The board keeps a model without its metadata (ModelReader.ReadResident), so
/// the cost model's work figures (MACs, tree splits) are read from the file here, while it passes.
/// </summary>
internal sealed class WorkNotingStore(IModelStore? inner) : IModelStore
{
    private readonly Dictionary<string, ModelWork> _work = [];
    private readonly Lock _lock = new();

    /// <summary>The work of the model with this id, or none when no file of it passed.</summary>
    public ModelWork? WorkOf(string modelIdHex)
    {
        lock (_lock) return _work.TryGetValue(modelIdHex, out var work) ? work : null;
    }

    // Null when nothing of this kind is stored (the device interface's convention).
    public byte[] LoadCommitted(byte kind)
    {
        byte[]? file = inner?.LoadCommitted(kind);
        if (file is not null && kind == UploadKind.Model) Note(file, file.Length);
        return file!;
    }

    public void SaveCommitted(byte kind, byte[] data, int length)
    {
        if (kind == UploadKind.Model) Note(data, length);
        inner?.SaveCommitted(kind, data, length);
    }

    public void BeginStaging(byte kind, int length, uint crc) => inner?.BeginStaging(kind, length, crc);

    public void AppendStaging(int offset, byte[] data, int from, int count) => inner?.AppendStaging(offset, data, from, count);

    public int LoadStaging(byte[] buffer, out byte kind, out int length, out uint crc)
    {
        if (inner is not null) return inner.LoadStaging(buffer, out kind, out length, out crc);
        (kind, length, crc) = (UploadKind.None, 0, 0);
        return 0;
    }

    public void ClearStaging() => inner?.ClearStaging();

    private void Note(byte[] file, int length)
    {
        try
        {
            var model = ModelReader.Read(file, length);
            lock (_lock) _work[model.IdHex] = ModelWork.Of(model);
        }
        catch (Edge.Device.Codec.EdgeFormatException)
        {
            // The board refuses it too; nothing to note.
        }
    }
}
