using Edge.Common.Files;
using Edge.TestSupport;

namespace Edge.Common.Tests;

/// <summary>
/// The one atomic writer: the order of its file-system calls (data on disk before the rename, the
/// folder synced after it), and what any failing call leaves behind: the old file, no temporary
/// file, and a message naming the target. The calls are recorded and failed through
/// <see cref="FileSteps"/>; CommandLineGrammarTests traces the real system calls of edge with strace.
/// </summary>
[TestClass]
public sealed class AtomicFileTests
{
    private sealed class Recording(string? failAt = null, Exception? failure = null) : FileSteps
    {
        public List<string> Calls { get; } = [];

        private void Step(string name)
        {
            Calls.Add(name);
            if (name == failAt) throw failure ?? new IOException("injected");
        }

        public override FileStream Create(string temporary)
        {
            Step("create");
            return base.Create(temporary);
        }

        public override void FlushToDisk(FileStream file)
        {
            Step("fsync file");
            base.FlushToDisk(file);
        }

        public override void Rename(string temporary, string target)
        {
            Step("rename");
            base.Rename(temporary, target);
        }

        public override void SyncDirectory(string directory)
        {
            Step("fsync folder");
            base.SyncDirectory(directory);
        }
    }

    [TestMethod]
    public void DataReachesTheDiskBeforeTheRenameAndTheFolderAfterIt()
    {
        string target = Path.Combine(RepoPaths.TempDirectory("atomic"), "out.bin");
        var steps = new Recording();
        AtomicFile.Write(target, stream => stream.Write([1, 2, 3]), steps);
        CollectionAssert.AreEqual(new[] { "create", "fsync file", "rename", "fsync folder" }, steps.Calls);
        CollectionAssert.AreEqual(new byte[] { 1, 2, 3 }, File.ReadAllBytes(target));
        Assert.AreEqual(1, Directory.GetFiles(Path.GetDirectoryName(target)!).Length, "no temporary file left");
    }

    [TestMethod]
    [DataRow("create")]
    [DataRow("fsync file")]
    [DataRow("rename")]
    public void AFailureBeforeTheRenameLeavesTheOldFileAndNamesTheTarget(string failAt)
    {
        string folder = RepoPaths.TempDirectory("atomic-fail");
        string target = Path.Combine(folder, "model.edgem");
        File.WriteAllBytes(target, [9, 9]);
        string temporary = AtomicFile.TemporaryFor(target);
        var e = Assert.ThrowsExactly<FileWriteException>(() =>
            AtomicFile.Write(target, stream => stream.Write([1, 2, 3]), new Recording(failAt, new IOException($"disk trouble at {temporary}"))));
        CollectionAssert.AreEqual(new byte[] { 9, 9 }, File.ReadAllBytes(target), "the old file is untouched");
        CollectionAssert.AreEqual(new[] { target }, Directory.GetFiles(folder), "no temporary file left");
        StringAssert.StartsWith(e.Message, $"cannot write {target}: ");
        Assert.IsFalse(e.Message.Contains(".tmp", StringComparison.Ordinal), e.Message);
    }

    [TestMethod]
    public void AFailureWhileWritingIsTheSame()
    {
        string folder = RepoPaths.TempDirectory("atomic-writer");
        string target = Path.Combine(folder, "results.json");
        File.WriteAllText(target, "old");
        Assert.ThrowsExactly<FileWriteException>(() => AtomicFile.Write(target, _ => throw new IOException("serializer ran out of space")));
        Assert.AreEqual("old", File.ReadAllText(target));
        Assert.AreEqual(1, Directory.GetFiles(folder).Length);
    }

    [TestMethod]
    public void AFullDiskSaysSo()
    {
        string target = Path.Combine(RepoPaths.TempDirectory("atomic-full"), "x.csv");
        var full = new IOException("No space left on device : '/x/.x.csv.tmp'", 28); // ENOSPC
        var e = Assert.ThrowsExactly<FileWriteException>(() => AtomicFile.Write(target, s => s.WriteByte(1), new Recording("fsync file", full)));
        Assert.AreEqual($"cannot write {target}: the disk is full; the file was left as it was", e.Message);
    }

    [TestMethod]
    public void RealFullDevice()
    {
        if (!OperatingSystem.IsLinux()) Assert.Inconclusive("needs /dev/full");
        string folder = RepoPaths.TempDirectory("atomic-devfull");
        string target = Path.Combine(folder, "cell.json");
        File.CreateSymbolicLink(AtomicFile.TemporaryFor(target), "/dev/full"); // every write to it fails with ENOSPC
        var e = Assert.ThrowsExactly<FileWriteException>(() => AtomicFile.Write(target, new byte[100_000]));
        StringAssert.Contains(e.Message, "the disk is full");
        Assert.IsFalse(File.Exists(target));
    }

    [TestMethod]
    public void AMissingFolderOrAFolderInTheWayIsNamed()
    {
        string folder = RepoPaths.TempDirectory("atomic-missing");
        var missing = Assert.ThrowsExactly<FileWriteException>(() => AtomicFile.Write(Path.Combine(folder, "no", "x.bin"), [1]));
        StringAssert.Contains(missing.Message, $"the folder {Path.Combine(folder, "no")} does not exist");
        Directory.CreateDirectory(Path.Combine(folder, "taken"));
        var isFolder = Assert.ThrowsExactly<FileWriteException>(() => AtomicFile.Write(Path.Combine(folder, "taken"), [1]));
        StringAssert.Contains(isFolder.Message, "it is a folder");
    }

    [TestMethod]
    public async Task TheAsyncWriterMakesTheSameCalls()
    {
        string target = Path.Combine(RepoPaths.TempDirectory("atomic-async"), "t.parquet");
        var steps = new Recording();
        await AtomicFile.WriteAsync(target, async s => await s.WriteAsync(new byte[] { 4, 5 }), steps);
        CollectionAssert.AreEqual(new[] { "create", "fsync file", "rename", "fsync folder" }, steps.Calls);
        CollectionAssert.AreEqual(new byte[] { 4, 5 }, File.ReadAllBytes(target));
    }

    [TestMethod]
    public async Task Of_writers_racing_for_a_write_once_file_exactly_one_wins_every_time()
    {
        // A target checked and then renamed lets two racers both win (the second replacing the first);
        // link(2) decides atomically. 300 rounds of 8 writers each.
        string folder = RepoPaths.TempDirectory("atomic-race");
        for (int round = 0; round < 300; round++)
        {
            string target = Path.Combine(folder, $"r{round}.json");
            var writers = Enumerable.Range(0, 8).Select(i => Task.Run(() => AtomicFile.WriteOnceAsync(target, s => s.WriteAsync(new[] { (byte)i }).AsTask()))).ToArray();
            bool[] won = await Task.WhenAll(writers);

            Assert.AreEqual(1, won.Count(w => w), $"round {round}: {string.Join(",", won)}");
            CollectionAssert.AreEqual(new[] { (byte)Array.IndexOf(won, true) }, File.ReadAllBytes(target), $"round {round}: the file holds the winner's bytes");
        }
        Assert.AreEqual(300, Directory.GetFiles(folder).Length, "no temporary file is left behind");
    }
}
