using System.Diagnostics;
using Edge.Common.Files;
using Edge.TestSupport;

namespace Edge.Common.Tests;

/// <summary>Every reader of a user's file is bounded: before reading by the length, while reading for files whose length says nothing.</summary>
[TestClass]
public sealed class InputFileTests
{
    [TestMethod]
    public void ADeviceThatNeverEndsIsRefusedAtTheLimit()
    {
        if (!File.Exists("/dev/zero")) Assert.Inconclusive("needs /dev/zero");
        var e = Assert.ThrowsExactly<InputFileException>(() => InputFile.ReadAllBytes("/dev/zero", 1 << 20, "a model file"));
        Assert.AreEqual("/dev/zero: more than 1 MB is too large for a model file (at most 1 MB); is it the right file?", e.Message);
        Assert.ThrowsExactly<InputFileException>(() => InputFile.ReadAllText("/dev/zero", 1 << 20, "a rig file"));
    }

    [TestMethod]
    public void ARegularFileIsCheckedBeforeReading()
    {
        string folder = RepoPaths.TempDirectory("input-file");
        string file = Path.Combine(folder, "big.onnx");
        File.WriteAllBytes(file, new byte[3000]);
        var e = Assert.ThrowsExactly<InputFileException>(() => InputFile.ReadAllBytes(file, 2048, "an ONNX model"));
        Assert.AreEqual($"{file}: 3 KB is too large for an ONNX model (at most 2 KB); is it the right file?", e.Message);
        Assert.AreEqual(3000, InputFile.ReadAllBytes(file, 3000, "an ONNX model").Length, "exactly at the limit is fine");
    }

    [TestMethod]
    public void MissingFilesAndFoldersAreNamed()
    {
        string folder = RepoPaths.TempDirectory("input-missing");
        Assert.AreEqual($"{folder}/nope.csv: file not found", Assert.ThrowsExactly<InputFileException>(() => InputFile.ReadAllBytes($"{folder}/nope.csv", 10, "a table")).Message);
        Assert.AreEqual($"{folder}: is a folder; give a table", Assert.ThrowsExactly<InputFileException>(() => InputFile.ReadAllBytes(folder, 10, "a table")).Message);
    }

    [TestMethod]
    public void APipeIsCountedWhileReading()
    {
        if (!OperatingSystem.IsLinux()) Assert.Inconclusive("needs mkfifo");
        string fifo = Path.Combine(RepoPaths.TempDirectory("input-fifo"), "pipe");
        using (var mk = Process.Start("mkfifo", fifo)) mk.WaitForExit();
        // A writer that would never stop: `yes` into the pipe, killed when the reader gives up.
        using var writer = Process.Start(new ProcessStartInfo("sh", ["-c", $"yes > '{fifo}'"]) { RedirectStandardError = true })!;
        try
        {
            Assert.ThrowsExactly<InputFileException>(() => InputFile.ReadAllBytes(fifo, 64 * 1024, "a bridge configuration"));
        }
        finally
        {
            writer.Kill(entireProcessTree: true);
        }
    }
}
