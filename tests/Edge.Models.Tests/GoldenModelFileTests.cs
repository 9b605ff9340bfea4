using System.IO.Hashing;
using System.Security.Cryptography;
using Edge.Device.Model;
using Edge.Models.Format;
using Edge.TestSupport;

namespace Edge.Models.Tests;

/// <summary>
/// A small .edgem pinned byte by byte to firmware/docs/model-format.md: the host's writer must
/// produce exactly these bytes, and the board's reader must read these fields from them. The
/// checksum and the model id are checked with System.IO.Hashing and SHA-256, not the writer's code.
/// </summary>
[TestClass]
public sealed class GoldenModelFileTests
{
    private const string File = """
        45 44 47 4D               // magic "EDGM"
        01 00                     // u16 format version 1
        00 00                     // u16 flags: arithmetic 0, TFLM double rounding
        20 00                     // u16 header size 32
        03 00                     // u16 section count
        B8 00 00 00               // u32 file length 184, trailer included
        8B C9 E1 69 72 C3 B2 9A   // model id: SHA-256 of the file (id zeroed, no trailer), first 8 bytes
        00 00 00 00 00 00 00 00   // reserved
        01 00 01 00 44 00 00 00 0D 00 00 00   // section 1 metadata, flags 1 (the writer marks every section but the drift profile required), at 68, 13 bytes
        02 00 01 00 54 00 00 00 2E 00 00 00   // section 2 tensors, required, at 84, 46 bytes
        03 00 01 00 84 00 00 00 2F 00 00 00   // section 3 graph, required, at 132, 47 bytes
        01 00                     // metadata: u16 count 1
        04 74 61 73 6B            //   key "task"
        05 73 63 6F 72 65         //   value "score"
        00 00 00                  // padding to 4 bytes
        02 00                     // tensors: u16 count 2
        01 78 01 02               //   "x", type 1 int8, rank 2
        01 00 00 00 02 00 00 00   //   shape 1 x 2
        00 00 00 3F               //   scale 0.5
        FF FF FF FF               //   zero point -1
        00 00 00 00               //   arena offset 0
        01 79 01 01               //   "y", int8, rank 1
        02 00 00 00               //   shape 2
        00 00 00 3F FF FF FF FF   //   scale 0.5, zero point -1
        02 00 00 00               //   arena offset 2
        00 00                     // padding
        04 00 00 00               // graph: i32 int8 arena length 4
        00 00 00 00               //   i32 int32 arena length 0
        01 00                     //   u16 input count 1
        00 00 01 00 02 00 00 00   //   input: tensor 0, 1 channel, inner size 2
        00 00 00 40 00 00 80 BF   //   A 2.0, B -1.0: q = round(2x - 1)
        01 00 01 00               //   u16 output count 1: tensor 1
        01 00                     //   u16 operation count 1
        0A 01 72                  //   op code 10 Reshape, name "r"
        01 00 00 01 01 00         //   inputs [0], outputs [1]
        01 00 02 00 00 00         //   u16 parameter count 1: count 2
        00                        // padding
        8C F3 7D C3               // CRC-32 of bytes 0 .. 179
        """;

    private static ModelImage Image()
    {
        var image = new ModelImage { Arena8Length = 4 };
        image.Metadata.Add(("task", "score"));
        image.Tensors.Add(new TensorEntry("x", 1, [1, 2], 0.5f, -1) { ArenaOffset = 0 });
        image.Tensors.Add(new TensorEntry("y", 1, [2], 0.5f, -1) { ArenaOffset = 2 });
        image.Inputs.Add(new InputEntry(0, 1, 2, [2.0f], [-1.0f]));
        image.Outputs.Add(1);
        image.Ops.Add(new OpEntry(OpCode.Reshape, "r", [0], [1], [2]));
        return image;
    }

    [TestMethod]
    public void TheWriterWritesTheGoldenFile()
    {
        var golden = GoldenHex.Parse(File);
        Assert.AreEqual(GoldenHex.Format(golden), GoldenHex.Format(EdgeModelWriter.Write(Image())));
        Assert.AreEqual(Crc32.HashToUInt32(golden.AsSpan(0, golden.Length - 4)), BitConverter.ToUInt32(golden, golden.Length - 4), "trailer");
        var unidentified = golden[..^4];
        Array.Clear(unidentified, 16, 8);
        CollectionAssert.AreEqual(SHA256.HashData(unidentified)[..8], golden[16..24], "model id");
    }

    [TestMethod]
    public void TheBoardsReaderReadsItsFields()
    {
        var model = ModelReader.Read(GoldenHex.Parse(File));
        Assert.AreEqual("8bc9e16972c3b29a", model.IdHex);
        Assert.AreEqual("score", model.Metadata("task"));
        Assert.AreEqual((4, 0), (model.Arena8Length, model.Arena32Length));
        Assert.HasCount(2, model.Tensors);
        var x = model.Tensors[0];
        Assert.AreEqual(("x", 1, 0.5f, -1, 0), (x.Name, x.Type, x.Scale, x.ZeroPoint, x.ArenaOffset));
        CollectionAssert.AreEqual(new[] { 1, 2 }, x.Shape);
        Assert.AreEqual(("y", 2), (model.Tensors[1].Name, model.Tensors[1].ArenaOffset));
        var input = model.Inputs[0];
        Assert.AreEqual((0, 1, 2, 2.0f, -1.0f), (input.Tensor, input.Channels, input.InnerSize, input.A[0], input.B[0]));
        CollectionAssert.AreEqual(new[] { 1 }, model.Outputs);
        var op = model.Operations.Single();
        Assert.AreEqual((OpCode.Reshape, "r"), (op.Code, op.Name));
        CollectionAssert.AreEqual(new[] { 2 }, op.Parameters);
    }
}
