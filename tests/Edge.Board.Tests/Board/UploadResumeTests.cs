using Edge.Device.Link;
using Edge.Board.Simulation;
using Edge.Board.Tests.Support;
using Edge.Device.Board;
using Edge.Device.Model;
using Edge.TestSupport;

namespace Edge.Board.Tests.Board;

/// <summary>A board killed in the middle of an upload keeps its old model; the host, reconnecting, resumes where it stopped.</summary>
[TestClass]
public sealed class UploadResumeTests
{
    [TestMethod]
    public async Task KilledMidUploadKeepsTheOldModelAndResumes()
    {
        string state = RepoPaths.TempDirectory("board-flash");
        var first = Fixtures.FluxMlp;
        var second = Edge.Models.ModelConverter.Convert(new Edge.Models.ConvertOptions(
            RepoPaths.MotorFlux("flux_autoencoder.onnx"), RepoPaths.MotorFlux("train_164V.features.csv"),
            Path.Combine(RepoPaths.TempDirectory("ae"), "ae.edgem"))).Bytes;
        string firstId = ModelReader.Read(first).IdHex;
        string secondId = ModelReader.Read(second).IdHex;

        // 1. The board runs the first model.
        await using (var rig = await BoardRig.StartAsync(stateFolder: state))
            await rig.Client.UploadAsync(UploadKind.Model, first);

        // 2. Half of the second model arrives, then the board dies (no commit).
        await using (var rig = await BoardRig.StartAsync(stateFolder: state))
        {
            var begin = new byte[9];
            begin[0] = UploadKind.Model;
            BitConverter.TryWriteBytes(begin.AsSpan(1), second.Length);
            BitConverter.TryWriteBytes(begin.AsSpan(5), System.IO.Hashing.Crc32.HashToUInt32(second));
            await rig.Client.Link.CallAsync(LinkCommand.UploadBegin, begin, "begin");
            var chunk = new byte[4 + 1000];
            for (int offset = 0; offset < second.Length / 2; offset += 1000)
            {
                BitConverter.TryWriteBytes(chunk.AsSpan(0), offset);
                Array.Copy(second, offset, chunk, 4, 1000);
                await rig.Client.Link.CallAsync(LinkCommand.UploadChunk, chunk, "chunk");
            }
        }

        // 3. Restarted from its flash, the board runs the first model; the host resumes the second.
        await using (var rig = await BoardRig.StartAsync(stateFolder: state))
        {
            var status = await rig.Client.StatusAsync();
            Assert.AreEqual(firstId, status.ModelId, "the interrupted upload did not replace the running model");
            var staged = await rig.Client.UploadStatusAsync();
            Assert.IsTrue(staged.Offset >= second.Length / 2 - 1000, $"the board kept {staged.Offset} staged bytes");
            var result = await rig.Client.UploadAsync(UploadKind.Model, second);
            Assert.AreEqual(staged.Offset, result.ResumedAt, "the upload continued from the staged bytes");
            Assert.AreEqual(secondId, result.ModelId);
            Assert.AreEqual(secondId, (await rig.Client.StatusAsync()).ModelId);
        }
    }
}
