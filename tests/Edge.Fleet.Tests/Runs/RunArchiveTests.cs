using System.Security.Cryptography;
using Edge.Fleet.Runs;
using Edge.Fleet.Tests.Support;
using Edge.Store;
using Edge.TestSupport;

namespace Edge.Fleet.Tests.Runs;

/// <summary>A real run folder pushed to a store and pulled back, on a folder and on Ceph's S3 gateway.</summary>
[TestClass]
public sealed class RunArchiveTests
{
    [TestMethod]
    [DataRow("folder")]
    [DataRow("s3")]
    public async Task A_pushed_run_pulls_back_file_for_file_and_a_second_push_uploads_nothing(string kind)
    {
        using var store = SharedServers.NewStore(kind);
        string original = SampleRuns.Original;

        var first = await RunArchive.PushAsync(store, original, "fw-1.0", "bench-a");
        var second = await RunArchive.PushAsync(store, original, "fw-1.0", "bench-a");
        string pulled = Path.Combine(RepoPaths.TempDirectory("pulled"), "fw-1.0");
        var pull = await RunArchive.PullAsync(store, "fw-1.0", pulled);

        Assert.IsTrue(first.Uploaded >= 5, $"manifest, onnx, models, 2 cells, 2 traces: {first.Uploaded}");
        Assert.AreEqual(0, second.Uploaded);
        Assert.AreEqual(0, second.Cells);
        Assert.AreEqual(2, pull.Cells);
        foreach (string file in Directory.EnumerateFiles(original, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".parquet", StringComparison.Ordinal) || f.Contains("traces")))
        {
            string relative = Path.GetRelativePath(original, file);
            string copy = Path.Combine(pulled, relative);
            Assert.IsTrue(File.Exists(copy), relative);
            CollectionAssert.AreEqual(File.ReadAllBytes(file), File.ReadAllBytes(copy), relative);
        }
        CollectionAssert.AreEqual(new[] { "fw-1.0" }, (await RunArchive.ListRunsAsync(store)).ToArray());
    }

    [TestMethod]
    public async Task The_run_record_names_every_input_by_its_SHA256_and_each_blob_key_is_the_hash_of_its_bytes_in_the_bucket()
    {
        using var store = SharedServers.NewStore("s3");
        await RunArchive.PushAsync(store, SampleRuns.Original, "fw-1.0", "bench-a");

        var record = (await RunArchive.ReadRunAsync(store, "fw-1.0"))!;
        var onnx = record.Inputs.Single(i => i.Role == "onnx");
        Assert.AreEqual(Hash(File.ReadAllBytes(RepoPaths.MotorFlux("flux_mlp.onnx"))), onnx.Sha256);
        Assert.IsTrue(onnx.Stored);
        Assert.AreEqual(Hash(File.ReadAllBytes(Path.Combine(SampleRuns.Original, "manifest.json"))), record.Manifest.Sha256);
        // Read back with AWSSDK alone: each blob's key is the SHA-256 of the bytes stored under it.
        using var client = SharedServers.RawClient();
        var listed = await client.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = store.Location.Bucket, Prefix = store.Location.Prefix + "/sha256/" });
        Assert.IsTrue(listed.S3Objects.Count >= 5);
        foreach (var item in listed.S3Objects)
        {
            using var response = await client.GetObjectAsync(store.Location.Bucket, item.Key);
            var bytes = new MemoryStream();
            await response.ResponseStream.CopyToAsync(bytes);
            Assert.AreEqual(item.Key[(item.Key.LastIndexOf('/') + 1)..], Hash(bytes.ToArray()), item.Key);
        }
    }

    [TestMethod]
    public async Task Another_run_under_a_stored_name_is_refused_and_a_cell_measured_again_adds_a_record_the_pull_prefers_when_complete()
    {
        using var store = SharedServers.NewStore("folder");
        await RunArchive.PushAsync(store, SampleRuns.Original, "nightly", "bench-a");
        string other = SampleRuns.Copy("nightly");
        File.WriteAllText(Path.Combine(other, "manifest.json"), File.ReadAllText(Path.Combine(other, "manifest.json")).Replace("\"rig\": \"sim\"", "\"rig\": \"sim2\"", StringComparison.Ordinal));

        await Assert.ThrowsAsync<StoreConflictException>(() => RunArchive.PushAsync(store, other, "nightly", "bench-a"));

        // A failed attempt of a cell pushed later (another host, say) does not hide the complete one.
        string failed = SampleRuns.Copy("nightly");
        string cell = SampleRuns.Results(failed)[0].Cell;
        SampleRuns.Edit(failed, cell, r =>
        {
            r.Status = "failed";
            r.StartedUtc = "2099-01-01T00:00:00Z";
        });
        var directory = Edge.Hil.Results.RunDirectory.Existing(failed);
        await RunArchive.PushCellAsync(store, "nightly", directory, directory.ReadCell(cell)!, "bench-b");
        var cells = await RunArchive.CellsAsync(store, "nightly");
        Assert.AreEqual(2, cells.Count);
        Assert.AreEqual("ok", cells.Single(c => c.Cell == cell).Status);
        Assert.AreEqual(3, (await store.ListAsync("runs/nightly/cells/")).Count, "both results of the cell are kept");
    }

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
