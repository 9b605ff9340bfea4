using Edge.Common.Files;
using Edge.Device.Board;
using Edge.Device.Codec;

namespace Edge.Board.Simulation;

/// <summary>
/// The simulated board's flash: committed files and the upload in progress as files in a state
/// folder, written so that a simulator killed at any moment leaves either the old or the new
/// committed file, never half of one.
/// </summary>
public sealed class FileModelStore : IModelStore
{
    private readonly string _folder;

    public FileModelStore(string folder)
    {
        _folder = folder;
        Directory.CreateDirectory(folder);
    }

    private string Committed(byte kind) => Path.Combine(_folder, kind == UploadKind.Model ? "model.edgem" : "profile.edgp");

    private string StagingHeader => Path.Combine(_folder, "staging.header");

    private string StagingData => Path.Combine(_folder, "staging.data");

    public byte[]? LoadCommitted(byte kind) => File.Exists(Committed(kind)) ? File.ReadAllBytes(Committed(kind)) : null;

    public void SaveCommitted(byte kind, byte[] data, int length) => AtomicFile.Write(Committed(kind), stream => stream.Write(data, 0, length));

    public void BeginStaging(byte kind, int length, uint crc)
    {
        File.WriteAllBytes(StagingData, []);
        var header = new byte[9];
        header[0] = kind;
        LittleEndian.WriteInt32(header, 1, length);
        LittleEndian.WriteUInt32(header, 5, crc);
        File.WriteAllBytes(StagingHeader, header);
    }

    public void AppendStaging(int offset, byte[] data, int from, int count)
    {
        using var file = new FileStream(StagingData, FileMode.OpenOrCreate, FileAccess.Write);
        file.SetLength(offset);
        file.Position = offset;
        file.Write(data, from, count);
        file.Flush(flushToDisk: true);
    }

    public int LoadStaging(byte[] buffer, out byte kind, out int length, out uint crc)
    {
        kind = UploadKind.None;
        length = 0;
        crc = 0;
        if (!File.Exists(StagingHeader) || !File.Exists(StagingData)) return 0;
        var header = File.ReadAllBytes(StagingHeader);
        if (header.Length != 9) return 0;
        kind = header[0];
        length = LittleEndian.ReadInt32(header, 1);
        crc = LittleEndian.ReadUInt32(header, 5);
        var staged = File.ReadAllBytes(StagingData);
        int count = Math.Min(staged.Length, Math.Min(buffer.Length, Math.Max(length, 0)));
        Array.Copy(staged, buffer, count);
        return count;
    }

    public void ClearStaging()
    {
        File.Delete(StagingHeader);
        File.Delete(StagingData);
    }
}
