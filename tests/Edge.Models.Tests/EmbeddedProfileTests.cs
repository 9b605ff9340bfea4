using System.Buffers.Binary;
using Edge.Data;
using Edge.Device.Codec;
using Edge.Device.Model;
using Edge.Drift.Profiles;
using Edge.Models.Format;
using Edge.Models.Reports;
using Edge.Models.Tests.Support;

namespace Edge.Models.Tests;

/// <summary>
/// A drift profile carried in a model file is checked when it is embedded (read as the board reads
/// it: CRC-32, version, every field; and built for the calibration data's columns), and
/// `inspect` says what it checked: the file's CRC, and the embedded profile read on its own.
/// </summary>
[TestClass]
public sealed class EmbeddedProfileTests
{
    private static string Profile(string table, params string[] columns)
    {
        var profile = ProfileBuilder.Build(TableReader.Read(Samples.File(table)), new ProfileOptions { Columns = columns });
        string path = Samples.ScratchFile($"embed-{Guid.NewGuid():N}.edgp");
        File.WriteAllBytes(path, ProfileWriter.Write(profile));
        return path;
    }

    private static ConvertOptions Options(string profile) =>
        new(Samples.File("flux_mlp.onnx"), Samples.File("train_164V.features.csv"), Samples.ScratchFile("embed.edgem")) { DriftProfilePath = profile, BiasCorrection = false };

    [TestMethod]
    public void ACorruptProfileIsNotEmbedded()
    {
        string path = Profile("train_164V.features.csv", "f1*");
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x10;
        File.WriteAllBytes(path, bytes);
        StringAssert.Contains(Assert.ThrowsExactly<EdgeFormatException>(() => ModelConverter.Convert(Options(path))).Message, "checksum mismatch");
    }

    [TestMethod]
    public void AProfileForOtherColumnsIsNotEmbedded()
    {
        string path = Profile("train_164V.windows.csv", "s1*");
        var e = Assert.ThrowsExactly<DataFileException>(() => ModelConverter.Convert(Options(path)));
        StringAssert.Contains(e.Message, "the calibration data");
        StringAssert.Contains(e.Message, "s1");
    }

    [TestMethod]
    public void InspectReadsTheEmbeddedProfileAndSaysWhenItCannot()
    {
        var converted = ModelConverter.Convert(Options(Profile("train_164V.features.csv", "f1*")));
        string good = Samples.ScratchFile("embed-good.edgem");
        File.WriteAllBytes(good, converted.Bytes);
        var inspection = ModelInspection.Inspect(good);
        Assert.IsNull(inspection.DriftProfileProblem);
        var text = new StringWriter();
        inspection.WriteText(text);
        StringAssert.Contains(text.ToString(), "file CRC-32 checked");
        StringAssert.Contains(text.ToString(), "read as the board reads it, its CRC-32 checked");

        // Damage the embedded profile, then give the file a valid CRC again: only the profile's own check can tell.
        var bytes = converted.Bytes.ToArray();
        var section = inspection.Sections.Single(s => s.Name == "drift-profile");
        bytes[section.Offset + section.Length / 2] ^= 0x10;
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(bytes.Length - EdgeModelFormat.TrailerSize),
            System.IO.Hashing.Crc32.HashToUInt32(bytes.AsSpan(0, bytes.Length - EdgeModelFormat.TrailerSize)));
        string damaged = Samples.ScratchFile("embed-damaged.edgem");
        File.WriteAllBytes(damaged, bytes);
        var report = ModelInspection.Inspect(damaged);
        StringAssert.Contains(report.DriftProfileProblem!, "checksum mismatch");
        text = new StringWriter();
        report.WriteText(text);
        StringAssert.Contains(text.ToString(), "UNREADABLE");
        Assert.IsFalse(text.ToString().Contains("read as the board reads it", StringComparison.Ordinal));
    }
}
