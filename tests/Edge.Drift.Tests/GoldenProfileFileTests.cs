using System.IO.Hashing;
using Edge.Device.Drift;
using Edge.Drift.Profiles;
using Edge.TestSupport;

namespace Edge.Drift.Tests;

/// <summary>
/// A small .edgp pinned byte by byte to firmware/docs/drift-profile-format.md: the host's writer
/// produces exactly these bytes and the board's reader reads these fields from them (the CRC
/// checked with System.IO.Hashing).
/// </summary>
[TestClass]
public sealed class GoldenProfileFileTests
{
    private const string File = """
        45 44 47 50               // magic "EDGP"
        01 00                     // u16 format version 1
        00 00                     // u16 flags
        87 00 00 00               // u32 total length 135
        04 00 00 00               // u32 reference rows M
        C8 00 00 00               // u32 window 200
        00 80 00 00               // drift share 0.5 (Q16)
        03                        // consecutive windows 3
        00                        // combine: data
        05                        // decay shift 5
        00                        // reserved
        20 00                     // u16 decay block 32
        40 00                     // u16 capture rows 64
        9A 19 00 00               // burst rate 0.1 (Q16)
        00 80 00 00               // minimum normal share 0.5
        01 00                     // u16 out-of-profile features 1
        CD 0C 00 00               // alpha 0.05
        A8 5B 01 00               // KS coefficient c(alpha) 1.358
        C4 F5 01 00               // Z critical 1.96
        02 00                     // u16 column count 2
        01 61                     // column "a"
        00 07 02 04               //   kind numeric, test 7 Wasserstein, 2 bins, shift 4
        9A 19 00 00               //   threshold 0.1
        00 00 00 00               //   critical value 0 (binned)
        10 00 00 00               //   inner edge 16 (1.0 at shift 4)
        03 00 00 00 01 00 00 00   //   reference counts 3, 1
        08 00 00 00 04 00 00 00   //   mean distance below the first edge 8, above the last 4
        0C 00 00 00               //   Wasserstein norm: max(std, 0.001) in fixed point
        00 00 00 00 14 00 00 00   //   reference minimum 0, maximum 20
        01 6D                     // column "m"
        01 09 02 00               //   kind categorical, test 9 Z, 2 categories, shift 0
        CD 0C 00 00               //   threshold: alpha 0.05
        8D D7 03 00               //   critical chi-square value
        03 6F 66 66 02 6F 6E      //   categories "off", "on"
        01 00 00 00 03 00 00 00   //   reference counts 1, 3
        12 81 8F 08               // CRC-32 of bytes 0 .. 130
        """;

    private static DriftProfile Profile()
    {
        var policy = new DriftPolicySettings
        {
            WindowSize = 200, DriftShareQ16 = 32768, ConsecutiveWindows = 3, CombineMode = CombineMode.Data, BurstRateQ16 = 6554, MinNormalShareQ16 = 32768,
            DecayBlock = 32, DecayShift = 5, CaptureRows = 64, OutOfProfileMinFeatures = 1, AlphaQ16 = 3277, KsCoefficientQ16 = 89000, ZCriticalQ16 = 128452,
        };
        var a = new ProfileColumn
        {
            Name = "a", Kind = ColumnKind.Numeric, Test = DriftTest.Wasserstein, Slots = 2, Shift = 4, ThresholdQ16 = 6554, Edges = [16], RefCounts = [3, 1],
            RefLowMeanOffset = 8, RefHighMeanOffset = 4, SigmaDivisor = 12, RefMin = 0, RefMax = 20,
        };
        var m = new ProfileColumn
        {
            Name = "m", Kind = ColumnKind.Categorical, Test = DriftTest.ZTest, Slots = 3, ThresholdQ16 = 3277, CriticalQ16 = 251789, Categories = ["off", "on"], RefCounts = [1, 3, 0],
        };
        a.Prepare(4);
        m.Prepare(4);
        return new DriftProfile(4, policy, [a, m]);
    }

    [TestMethod]
    public void TheWriterWritesTheGoldenFile()
    {
        var golden = GoldenHex.Parse(File);
        Assert.AreEqual(GoldenHex.Format(golden), GoldenHex.Format(ProfileWriter.Write(Profile())));
        Assert.AreEqual(Crc32.HashToUInt32(golden.AsSpan(0, golden.Length - 4)), BitConverter.ToUInt32(golden, golden.Length - 4));
    }

    [TestMethod]
    public void TheBoardsReaderReadsItsFields()
    {
        var profile = DriftProfileReader.Read(GoldenHex.Parse(File), "golden");
        Assert.AreEqual(4, profile.ReferenceRows);
        Assert.AreEqual((200, 3, 64, 5, 32), (profile.Policy.WindowSize, profile.Policy.ConsecutiveWindows, profile.Policy.CaptureRows, profile.Policy.DecayShift, profile.Policy.DecayBlock));
        var a = profile.Columns[0];
        Assert.AreEqual(("a", ColumnKind.Numeric, DriftTest.Wasserstein, 2, 4), (a.Name, a.Kind, a.Test, a.Slots, a.Shift));
        CollectionAssert.AreEqual(new[] { 16 }, a.Edges);
        CollectionAssert.AreEqual(new[] { 3, 1 }, a.RefCounts);
        Assert.AreEqual((8, 4, 12, 0, 20), (a.RefLowMeanOffset, a.RefHighMeanOffset, a.SigmaDivisor, a.RefMin, a.RefMax));
        var m = profile.Columns[1];
        Assert.AreEqual(("m", ColumnKind.Categorical, DriftTest.ZTest, 3), (m.Name, m.Kind, m.Test, m.Slots));
        CollectionAssert.AreEqual(new[] { "off", "on" }, m.Categories);
        CollectionAssert.AreEqual(new[] { 1, 3, 0 }, m.RefCounts, "the reference counts and the board's unseen slot");
    }
}
