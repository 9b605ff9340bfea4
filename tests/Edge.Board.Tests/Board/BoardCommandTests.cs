using Edge.Device.Link;
using Edge.Board.Client;
using Edge.Board.Link;
using Edge.Board.Tests.Support;
using Edge.Device.Board;
using Edge.Device.Inference;
using Edge.Device.Model;

namespace Edge.Board.Tests.Board;

/// <summary>The board's commands through the real link code against the simulated board (the device's own loop).</summary>
[TestClass]
public sealed class BoardCommandTests
{
    [TestMethod]
    public async Task HelloNamesTheBoard()
    {
        await using var rig = await BoardRig.StartAsync();
        var hello = await rig.Client.HelloAsync();
        Assert.AreEqual(2, hello.ProtocolVersion);
        StringAssert.Contains(hello.BoardName, "simulated nucleo-f746zg");
        Assert.AreEqual(256 * 1024, hello.StagingCapacity);
    }

    [TestMethod]
    public async Task UploadedModelRunsAndInfersLikeTheDeviceEngine()
    {
        await using var rig = await BoardRig.StartAsync();
        var result = await rig.Client.UploadAsync(UploadKind.Model, Fixtures.FluxMlp);
        var model = ModelReader.Read(Fixtures.FluxMlp);
        Assert.AreEqual(model.IdHex, result.ModelId);
        var status = await rig.Client.StatusAsync();
        Assert.IsTrue(status.ModelLoaded);
        Assert.AreEqual(model.IdHex, status.ModelId);

        // Four test rows into vector slots, run, compare with the same engine run directly.
        var table = Fixtures.Read("test_164V");
        var columns = Enumerable.Range(0, 64).Select(i => "f" + i).ToArray();
        var rows = table.NumberRows(columns).Take(4).Select(r => r.Select(v => (float)v).ToArray()).ToArray();
        for (int s = 0; s < rows.Length; s++) await rig.Client.SetVectorAsync(s, rows[s]);
        var run = await rig.Client.InferAsync(0, rows.Length, repeats: 3, outputsPerVector: 1);
        var reference = new Interpreter(model);
        var expected = new float[1];
        for (int s = 0; s < rows.Length; s++)
        {
            reference.SetInput(0, rows[s], 0);
            reference.Invoke();
            reference.GetOutput(0, expected, 0);
            Assert.AreEqual(expected[0], run.Outputs[s][0], $"vector {s}");
        }
        Assert.AreEqual(12, run.Inferences);
        double modelled = rig.Board.ModelledInferenceMicros();
        Assert.IsTrue(modelled > 100, $"the cost model gives {modelled} us");
        Assert.AreEqual(modelled, run.MeanMicros, modelled * 0.02 + 2, "the board times inferences by the simulated cost model");
    }

    /// <summary>
    /// A two-input, two-output model (zoo twobranch3: features [64] and windows [256] in, softmax
    /// probs [3] and the ArgMax class id out) over the link: a stored vector holds both inputs one
    /// after another in input order (320 values, several set-vector frames), and the answer holds
    /// both outputs (4 values per vector), each equal to the device engine run directly.
    /// </summary>
    [TestMethod]
    public async Task TwoInputModelTakesBothInputsInOneVectorAndAnswersEveryOutput()
    {
        await using var rig = await BoardRig.StartAsync();
        await rig.Client.UploadAsync(UploadKind.Model, Fixtures.TwoBranch);
        var model = ModelReader.Read(Fixtures.TwoBranch);
        var features = Fixtures.Read("test_164V").NumberRows(Enumerable.Range(0, 64).Select(i => "f" + i).ToArray());
        var windows = Edge.Data.TableReader.Read(Edge.TestSupport.RepoPaths.MotorFlux("test_164V.windows.csv")).NumberRows(Enumerable.Range(0, 256).Select(i => "s" + i).ToArray());
        var rows = Enumerable.Range(0, 3).Select(r => features[r].Concat(windows[r]).Select(v => (float)v).ToArray()).ToArray();
        for (int s = 0; s < rows.Length; s++) await rig.Client.SetVectorAsync(s, rows[s]);
        var run = await rig.Client.InferAsync(0, rows.Length, repeats: 1, outputsPerVector: 4);

        var reference = new Interpreter(model);
        var expected = new float[4];
        for (int s = 0; s < rows.Length; s++)
        {
            reference.SetInput(0, rows[s], 0);
            reference.SetInput(1, rows[s], 64);
            reference.Invoke();
            reference.GetOutput(0, expected, 0);
            reference.GetOutput(1, expected, 3);
            CollectionAssert.AreEqual(expected, run.Outputs[s].ToArray(), $"vector {s}");
        }
        Assert.HasCount(3, run.Outputs);
    }

    [TestMethod]
    public async Task CorruptOrInvalidUploadsKeepTheOldModel()
    {
        await using var rig = await BoardRig.StartAsync();
        await rig.Client.UploadAsync(UploadKind.Model, Fixtures.FluxMlp);
        string id = (await rig.Client.StatusAsync()).ModelId;

        var garbage = (byte[])Fixtures.FluxMlp.Clone();
        garbage[garbage.Length / 2] ^= 0xFF; // the file's own CRC no longer matches: the board's reader refuses it
        var e = await Assert.ThrowsExactlyAsync<BoardCommandException>(() => rig.Client.UploadAsync(UploadKind.Model, garbage));
        Assert.AreEqual(LinkStatus.InvalidFile, e.Response.Status);
        StringAssert.Contains(e.Message, "keeps running");
        Assert.AreEqual(id, (await rig.Client.StatusAsync()).ModelId);

        var notAModel = Fixtures.Profile; // a drift profile announced as a model
        e = await Assert.ThrowsExactlyAsync<BoardCommandException>(() => rig.Client.UploadAsync(UploadKind.Model, notAModel));
        StringAssert.Contains(e.Message, "EDGM");
        Assert.AreEqual(id, (await rig.Client.StatusAsync()).ModelId);
    }

    [TestMethod]
    public async Task TooLargeUploadsAreRefusedUpFront()
    {
        await using var rig = await BoardRig.StartAsync(profile: Simulation.BoardProfile.NucleoF091rc);
        var e = await Assert.ThrowsExactlyAsync<BoardCommandException>(() => rig.Client.UploadAsync(UploadKind.Model, new byte[100_000]));
        Assert.AreEqual(LinkStatus.TooLarge, e.Response.Status);
    }

    [TestMethod]
    public async Task ArenaOverTheBoardsBudgetIsRefusedAtCommit()
    {
        // flux_cnn1d needs about 2 KB of arena; give the board 1 KB.
        var tiny = Simulation.BoardProfile.NucleoF746zg with { Name = "tiny", ArenaBudget = 1024 };
        await using var rig = await BoardRig.StartAsync(profile: tiny);
        var cnn = Edge.Models.ModelConverter.Convert(new Edge.Models.ConvertOptions(
            Edge.TestSupport.RepoPaths.MotorFlux("flux_cnn1d.onnx"), Edge.TestSupport.RepoPaths.MotorFlux("train_164V.windows.csv"),
            Path.Combine(Edge.TestSupport.RepoPaths.TempDirectory("cnn"), "cnn.edgem")) { BiasCorrection = false }).Bytes;
        var e = await Assert.ThrowsExactlyAsync<BoardCommandException>(() => rig.Client.UploadAsync(UploadKind.Model, cnn));
        Assert.AreEqual(LinkStatus.InvalidFile, e.Response.Status);
        StringAssert.Contains(e.Message, "arena");
        Assert.IsFalse((await rig.Client.StatusAsync()).ModelLoaded);
    }

    [TestMethod]
    public async Task UnknownCommandsAndShortRequestsGetAStatus()
    {
        await using var rig = await BoardRig.StartAsync();
        var unknown = await rig.Client.Link.RequestAsync(0x7E, new byte[] { 1, 2 });
        Assert.AreEqual(LinkStatus.UnknownCommand, unknown.Status);
        var shortBegin = await rig.Client.Link.RequestAsync(LinkCommand.UploadBegin, new byte[] { 1 });
        Assert.AreEqual(LinkStatus.BadRequest, shortBegin.Status);
        StringAssert.Contains(shortBegin.Message, "truncated while reading length", "the board names the field it could not read");
        var noModel = await rig.Client.Link.RequestAsync(LinkCommand.Infer, new byte[7]);
        Assert.AreEqual(LinkStatus.NoModel, noModel.Status);
        var version = await rig.Client.Link.OpenSessionAsync(new Device.Link.Messages.HelloRequest { ProtocolVersion = 9 });
        Assert.AreEqual(LinkStatus.UnsupportedVersion, version.Status);
        Assert.AreEqual(LinkFrame.ProtocolVersion, version.Payload[0]);
    }
}
