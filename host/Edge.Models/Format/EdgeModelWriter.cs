using System.Buffers.Binary;
using System.IO.Hashing;
using System.Security.Cryptography;
using System.Text;
using Edge.Device.Model;

namespace Edge.Models.Format;

/// <summary>
/// Lays out a <see cref="ModelImage"/> as an .edgem file (spec: firmware/docs/model-format.md):
/// header, section table, sections padded to 4 bytes, CRC-32 trailer. The model id is the first
/// 8 bytes of SHA-256 over the file with the id field zeroed and without the trailer, so equal
/// content gives an equal id.
/// </summary>
public static class EdgeModelWriter
{
    public static byte[] Write(ModelImage image)
    {
        var sections = new List<(int Id, byte[] Bytes)>();
        if (image.Metadata.Count > 0) sections.Add((SectionId.Metadata, Metadata(image)));
        sections.Add((SectionId.Tensors, Tensors(image)));
        sections.Add((SectionId.Graph, Graph(image)));
        if (image.Weights.Count > 0) sections.Add((SectionId.Weights, image.Weights.Select(w => (byte)w).ToArray()));
        if (image.Ints.Count > 0) sections.Add((SectionId.Int32Data, Ints(image.Ints)));
        if (image.DriftProfile.Length > 0) sections.Add((SectionId.DriftProfile, image.DriftProfile));

        int tableEnd = EdgeModelFormat.HeaderSize + sections.Count * EdgeModelFormat.SectionEntrySize;
        int length = tableEnd + sections.Sum(s => Pad4(s.Bytes.Length)) + EdgeModelFormat.TrailerSize;
        var file = new byte[length];
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(EdgeModelFormat.MagicOffset), EdgeModelFormat.Magic);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(EdgeModelFormat.VersionOffset), EdgeModelFormat.Version);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(EdgeModelFormat.FlagsOffset), EdgeModelFormat.ArithmeticTflmDoubleRounding);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(EdgeModelFormat.HeaderSizeOffset), EdgeModelFormat.HeaderSize);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(EdgeModelFormat.SectionCountOffset), (ushort)sections.Count);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(EdgeModelFormat.FileLengthOffset), length);
        int at = tableEnd;
        for (int i = 0; i < sections.Count; i++)
        {
            var entry = file.AsSpan(EdgeModelFormat.HeaderSize + i * EdgeModelFormat.SectionEntrySize);
            BinaryPrimitives.WriteUInt16LittleEndian(entry, (ushort)sections[i].Id);
            BinaryPrimitives.WriteUInt16LittleEndian(entry[2..], sections[i].Id == SectionId.DriftProfile ? (ushort)0 : (ushort)EdgeModelFormat.SectionRequired);
            BinaryPrimitives.WriteInt32LittleEndian(entry[4..], at);
            BinaryPrimitives.WriteInt32LittleEndian(entry[8..], sections[i].Bytes.Length);
            sections[i].Bytes.CopyTo(file, at);
            at += Pad4(sections[i].Bytes.Length);
        }
        ComputeId(file).CopyTo(file, EdgeModelFormat.ModelIdOffset);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(length - EdgeModelFormat.TrailerSize), Crc32.HashToUInt32(file.AsSpan(0, length - EdgeModelFormat.TrailerSize)));
        return file;
    }

    /// <summary>The id a file should carry: SHA-256 of the file without trailer, id bytes taken as zero, first 8 bytes.</summary>
    public static byte[] ComputeId(byte[] file)
    {
        var copy = file.AsSpan(0, file.Length - EdgeModelFormat.TrailerSize).ToArray();
        copy.AsSpan(EdgeModelFormat.ModelIdOffset, EdgeModelFormat.ModelIdLength).Clear();
        return SHA256.HashData(copy)[..EdgeModelFormat.ModelIdLength];
    }

    private static int Pad4(int n) => (n + 3) & ~3;

    private static byte[] Metadata(ModelImage image)
    {
        using var w = new SectionWriter();
        w.UInt16(image.Metadata.Count);
        foreach (var (key, value) in image.Metadata)
        {
            w.ShortString(key);
            w.ShortString(value);
        }
        return w.ToArray();
    }

    private static byte[] Tensors(ModelImage image)
    {
        using var w = new SectionWriter();
        w.UInt16(image.Tensors.Count);
        foreach (var t in image.Tensors)
        {
            w.ShortString(t.Name);
            w.Byte(t.Type);
            w.Byte(t.Shape.Length);
            foreach (int d in t.Shape) w.Int32(d);
            w.Single(t.Scale);
            w.Int32(t.ZeroPoint);
            w.Int32(t.ArenaOffset);
        }
        return w.ToArray();
    }

    private static byte[] Graph(ModelImage image)
    {
        using var w = new SectionWriter();
        w.Int32(image.Arena8Length);
        w.Int32(image.Arena32Length);
        w.UInt16(image.Inputs.Count);
        foreach (var input in image.Inputs)
        {
            w.UInt16(input.Tensor);
            w.UInt16(input.Channels);
            w.Int32(input.InnerSize);
            foreach (float a in input.A) w.Single(a);
            foreach (float b in input.B) w.Single(b);
        }
        w.UInt16(image.Outputs.Count);
        foreach (int output in image.Outputs) w.UInt16(output);
        w.UInt16(image.Ops.Count);
        foreach (var op in image.Ops)
        {
            w.Byte(op.Code);
            w.ShortString(op.Name);
            w.Byte(op.Inputs.Length);
            foreach (int i in op.Inputs) w.UInt16(i);
            w.Byte(op.Outputs.Length);
            foreach (int o in op.Outputs) w.UInt16(o);
            w.UInt16(op.Parameters.Length);
            foreach (int p in op.Parameters) w.Int32(p);
        }
        return w.ToArray();
    }

    private static byte[] Ints(List<int> ints)
    {
        var bytes = new byte[ints.Count * 4];
        for (int i = 0; i < ints.Count; i++) BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4 * i), ints[i]);
        return bytes;
    }

    /// <summary>Little-endian field writer for one section.</summary>
    private sealed class SectionWriter : IDisposable
    {
        private readonly MemoryStream _stream = new();
        private readonly BinaryWriter _writer;

        public SectionWriter() => _writer = new BinaryWriter(_stream, Encoding.ASCII, leaveOpen: true);

        public void Byte(int v) => _writer.Write(checked((byte)v));

        public void UInt16(int v) => _writer.Write(checked((ushort)v));

        public void Int32(int v) => _writer.Write(v);

        public void Single(float v) => _writer.Write(v);

        /// <summary>One length byte and printable ASCII, as the device's ByteReader.ReadShortString expects.</summary>
        public void ShortString(string s)
        {
            var chars = s.Select(c => c is >= ' ' and <= '~' ? c : '?').Take(255).ToArray();
            Byte(chars.Length);
            _writer.Write(Encoding.ASCII.GetBytes(chars));
        }

        public byte[] ToArray()
        {
            _writer.Flush();
            return _stream.ToArray();
        }

        public void Dispose() => _writer.Dispose();
    }
}
