using System.Globalization;
using System.Security.Cryptography;
using Edge.Data;
using Edge.Device.Codec;
using Edge.Device.Drift;
using Edge.Drift.Profiles;
using Edge.TestSupport;

namespace Edge.Drift.Tests;

/// <summary>The profile file: round trips, determinism, and every kind of damage rejected with a message (never another exception).</summary>
[TestClass]
public sealed class ProfileFormatTests
{
    private static byte[] Bytes => ProfileWriter.Write(MotorFluxFixture.Profile);

    [TestMethod]
    public void RoundTripKeepsEveryField()
    {
        var original = MotorFluxFixture.Profile;
        var copy = DriftProfileReader.Read(Bytes, "copy");
        Assert.AreEqual(original.ReferenceRows, copy.ReferenceRows);
        Assert.AreEqual(original.Columns.Length, copy.Columns.Length);
        foreach (var property in typeof(DriftPolicySettings).GetFields())
            Assert.AreEqual(property.GetValue(original.Policy), property.GetValue(copy.Policy), property.Name);
        for (int i = 0; i < original.Columns.Length; i++)
        {
            var a = original.Columns[i];
            var b = copy.Columns[i];
            Assert.AreEqual(a.Name, b.Name);
            Assert.AreEqual(a.Kind, b.Kind);
            Assert.AreEqual(a.Test, b.Test);
            Assert.AreEqual(a.Shift, b.Shift);
            Assert.AreEqual(a.ThresholdQ16, b.ThresholdQ16);
            Assert.AreEqual(a.CriticalQ16, b.CriticalQ16);
            CollectionAssert.AreEqual(a.RefCounts, b.RefCounts);
            CollectionAssert.AreEqual(a.RefLnSubstShareQ24, b.RefLnSubstShareQ24);
            if (a.IsBinned)
            {
                CollectionAssert.AreEqual(a.Edges, b.Edges);
                Assert.AreEqual((a.RefLowMeanOffset, a.RefHighMeanOffset, a.SigmaDivisor, a.RefMin, a.RefMax), (b.RefLowMeanOffset, b.RefHighMeanOffset, b.SigmaDivisor, b.RefMin, b.RefMax));
            }
            else
            {
                CollectionAssert.AreEqual(a.Categories, b.Categories);
            }
        }
    }

    /// <summary>
    /// SHA-256 of the motor-flux profile (<see cref="MotorFluxFixture.Options"/>) as built when this
    /// test was written. Another process, machine or day must give the same bytes; a deliberate
    /// change of the format or the builder updates it (and GoldenProfileFileTests says what changed).
    /// </summary>
    private const string PinnedSha256 = "8f99ac8f80dbf2ce2e2e060a46a4622a3945c5f220e7e22e827b8dfae22fa101";

    [TestMethod]
    public void SameInputGivesTheSameBytesInAnyRunAndCulture()
    {
        // Pinned across runs: nothing from the clock, the process (hash seeds, thread timing) or the machine gets in.
        string sha256 = Convert.ToHexStringLower(SHA256.HashData(Bytes));
        Assert.AreEqual(PinnedSha256, sha256, $"the profile's SHA-256 is {sha256}");
        // Within the run: the file read again (not the fixture's table) under cultures that write numbers otherwise.
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            foreach (var name in new[] { "de-DE", "tr-TR", "ar-SA" })
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
                var table = TableReader.Read(RepoPaths.MotorFlux("train_164V.features.csv"));
                CollectionAssert.AreEqual(Bytes, ProfileWriter.Write(ProfileBuilder.Build(table, MotorFluxFixture.Options)), name);
            }
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }

    [TestMethod]
    public void EveryTruncationIsRejectedWithAMessage()
    {
        var bytes = Bytes;
        for (int length = 0; length < bytes.Length; length++)
        {
            var e = Assert.ThrowsExactly<EdgeFormatException>(() => DriftProfileReader.Read(bytes, 0, length, "cut.edgp"), $"length {length}");
            StringAssert.StartsWith(e.Message, "cut.edgp: ");
        }
    }

    [TestMethod]
    public void EveryFlippedByteIsCaught()
    {
        var bytes = Bytes;
        for (int i = 0; i < bytes.Length; i++)
        {
            var damaged = (byte[])bytes.Clone();
            damaged[i] ^= 0x20;
            Assert.ThrowsExactly<EdgeFormatException>(() => DriftProfileReader.Read(damaged, "flip.edgp"), $"byte {i}");
        }
    }

    [TestMethod]
    public void ForeignAndFutureFilesAreNamedAsSuch()
    {
        var e = Assert.ThrowsExactly<EdgeFormatException>(() => DriftProfileReader.Read("PK\u0003\u0004 a zip file"u8.ToArray(), "x.zip"));
        StringAssert.Contains(e.Message, "not an Edge drift profile");
        var future = Bytes;
        LittleEndian.WriteUInt16(future, 4, 9);
        LittleEndian.WriteUInt32(future, future.Length - 4, Crc32.Compute(future, 0, future.Length - 4));
        e = Assert.ThrowsExactly<EdgeFormatException>(() => DriftProfileReader.Read(future, "new.edgp"));
        StringAssert.Contains(e.Message, "version 9 is not supported");
    }

    [TestMethod]
    public void MutatedButCheckedFilesFailCleanlyOrLoadConsistently()
    {
        // The CRC is recomputed after each mutation, so the parser's own validation is what is tested.
        var original = Bytes;
        var random = new Random(21);
        int rejected = 0;
        for (int trial = 0; trial < 3000; trial++)
        {
            var mutated = (byte[])original.Clone();
            int flips = random.Next(1, 4);
            for (int k = 0; k < flips; k++) mutated[random.Next(12, mutated.Length - 4)] = (byte)random.Next(256);
            LittleEndian.WriteUInt32(mutated, mutated.Length - 4, Crc32.Compute(mutated, 0, mutated.Length - 4));
            try
            {
                var profile = DriftProfileReader.Read(mutated, "mutated.edgp");
                // A profile that loads must run.
                var monitor = new DriftMonitor(profile, 50);
                var row = new int[profile.Columns.Length];
                for (int i = 0; i < 120; i++)
                {
                    for (int c = 0; c < row.Length; c++) row[c] = random.Next(int.MinValue, int.MaxValue);
                    monitor.Observe(row, 0, i % 5 == 0);
                }
                monitor.EvaluateContinuous();
            }
            catch (EdgeFormatException)
            {
                rejected++;
            }
        }
        Assert.IsTrue(rejected > 100, $"only {rejected} of 3000 mutations were rejected: validation looks too weak");
    }
}
