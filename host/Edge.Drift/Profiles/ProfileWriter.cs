using System.Text;
using Edge.Device.Codec;
using Edge.Device.Drift;

namespace Edge.Drift.Profiles;

/// <summary>
/// Writes a <see cref="DriftProfile"/> in the board's format (firmware/docs/drift-profile-format.md),
/// field for field in the order <see cref="DriftProfileReader"/> reads it, with the length in the
/// header and a CRC-32 of everything before the trailer.
/// </summary>
public static class ProfileWriter
{
    public static byte[] Write(DriftProfile profile)
    {
        using var body = new MemoryStream();
        using var w = new BinaryWriter(body, Encoding.ASCII, leaveOpen: true); // BinaryWriter is little-endian
        var p = profile.Policy;
        w.Write(DriftProfileFormat.Magic);                 // "EDGP"
        w.Write(DriftProfileFormat.Version);
        w.Write((ushort)0);                                // flags
        w.Write(0u);                                       // total length, patched below
        w.Write((uint)profile.ReferenceRows);
        w.Write((uint)p.WindowSize);
        w.Write(p.DriftShareQ16);
        w.Write((byte)p.ConsecutiveWindows);
        w.Write(p.CombineMode);
        w.Write((byte)p.DecayShift);
        w.Write((byte)0);                                  // reserved
        w.Write((ushort)p.DecayBlock);
        w.Write((ushort)p.CaptureRows);
        w.Write(p.BurstRateQ16);
        w.Write(p.MinNormalShareQ16);
        w.Write((ushort)p.OutOfProfileMinFeatures);
        w.Write(p.AlphaQ16);
        w.Write(p.KsCoefficientQ16);
        w.Write(p.ZCriticalQ16);
        w.Write((ushort)profile.Columns.Length);
        if (body.Position != DriftProfileFormat.HeaderBytes) throw new InvalidOperationException("profile header layout drifted from the format");
        foreach (var c in profile.Columns) WriteColumn(w, c);
        w.Flush();

        int total = (int)body.Length + DriftProfileFormat.TrailerBytes;
        var bytes = new byte[total];
        body.Position = 0;
        body.ReadExactly(bytes, 0, (int)body.Length);
        LittleEndian.WriteUInt32(bytes, 8, (uint)total);
        // The host's CRC-32 is System.IO.Hashing's; the board checks with its own (Edge.Device.Codec.Crc32), so every profile written is also a cross-check of the two.
        LittleEndian.WriteUInt32(bytes, total - 4, System.IO.Hashing.Crc32.HashToUInt32(bytes.AsSpan(0, total - 4)));
        return bytes;
    }

    private static void WriteColumn(BinaryWriter w, ProfileColumn c)
    {
        WriteShortString(w, c.Name);
        w.Write(c.Kind);
        w.Write(c.Test);
        w.Write((byte)(c.IsBinned ? c.Slots : c.Slots - 1)); // bins, or categories without the unseen slot
        w.Write((sbyte)c.Shift);
        w.Write(c.ThresholdQ16);
        w.Write(c.CriticalQ16);
        if (c.IsBinned)
        {
            foreach (int edge in c.Edges) w.Write(edge);
            foreach (int count in c.RefCounts) w.Write(count);
            w.Write(c.RefLowMeanOffset);
            w.Write(c.RefHighMeanOffset);
            w.Write(c.SigmaDivisor);
            w.Write(c.RefMin);
            w.Write(c.RefMax);
        }
        else
        {
            foreach (var category in c.Categories) WriteShortString(w, category);
            for (int i = 0; i < c.Categories.Length; i++) w.Write(c.RefCounts[i]);
        }
    }

    private static void WriteShortString(BinaryWriter w, string s)
    {
        var bytes = Encoding.ASCII.GetBytes(s);
        if (bytes.Length > 255) throw new ArgumentException($"name '{s}' is longer than 255 bytes");
        w.Write((byte)bytes.Length);
        w.Write(bytes);
    }
}
