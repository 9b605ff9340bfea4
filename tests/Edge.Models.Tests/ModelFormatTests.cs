using System.Buffers.Binary;
using Edge.Data;
using Edge.Device.Codec;
using Edge.Device.Inference;
using Edge.Device.Model;
using Edge.Models.Format;
using Edge.Models.Import;
using Edge.Models.Quantization;
using Edge.Models.Tests.Support;
using Edge.Models.Verification;

namespace Edge.Models.Tests;

[TestClass]
public sealed class ModelFormatTests
{
    private static readonly byte[] Drift = "EDGP\u0001opaque drift profile bytes"u8.ToArray();

    /// <summary>flux_mlp quantised on 200 training rows, with metadata and a drift profile.</summary>
    private static ModelImage Image()
    {
        var graph = OnnxImporter.Import(Samples.File("flux_mlp.onnx"));
        var table = TableReader.Read(Samples.File("train_164V.features.csv"));
        var rows = InputMapping.Rows(table, InputMapping.Expand("f0..f63")).Take(200).ToArray();
        var image = Quantizer.Quantize(graph, TensorRanges.Calibrate(graph, rows));
        image.Metadata.Add(("source", "flux_mlp.onnx"));
        image.DriftProfile = Drift;
        return image;
    }

    private static readonly Lazy<(ModelImage Image, byte[] Bytes)> Written = new(() =>
    {
        var image = Image();
        return (image, EdgeModelWriter.Write(image));
    });

    [TestMethod]
    public void RoundTripKeepsEveryField()
    {
        var (image, bytes) = Written.Value;
        var model = ModelReader.Read(bytes);
        Assert.HasCount(image.Tensors.Count, model.Tensors);
        for (int i = 0; i < image.Tensors.Count; i++)
        {
            var (expected, actual) = (image.Tensors[i], model.Tensors[i]);
            Assert.AreEqual(expected.Name, actual.Name);
            Assert.AreEqual(expected.Type, actual.Type);
            CollectionAssert.AreEqual(expected.Shape, actual.Shape);
            Assert.AreEqual(expected.Scale, actual.Scale);
            Assert.AreEqual(expected.ZeroPoint, actual.ZeroPoint);
            Assert.AreEqual(expected.ArenaOffset, actual.ArenaOffset);
        }
        Assert.HasCount(image.Ops.Count, model.Operations);
        for (int i = 0; i < image.Ops.Count; i++)
        {
            Assert.AreEqual(image.Ops[i].Code, model.Operations[i].Code);
            Assert.AreEqual(image.Ops[i].Name, model.Operations[i].Name);
            CollectionAssert.AreEqual(image.Ops[i].Parameters, model.Operations[i].Parameters);
            CollectionAssert.AreEqual(image.Ops[i].Inputs, model.Operations[i].Inputs);
        }
        CollectionAssert.AreEqual(image.Weights, model.Weights);
        CollectionAssert.AreEqual(image.Ints, model.Ints);
        CollectionAssert.AreEqual(image.Inputs[0].A, model.Inputs[0].A);
        CollectionAssert.AreEqual(image.Inputs[0].B, model.Inputs[0].B);
        CollectionAssert.AreEqual(image.Outputs, model.Outputs);
        CollectionAssert.AreEqual(Drift, model.DriftProfile);
        Assert.AreEqual("flux_mlp.onnx", model.Metadata("source"));
        Assert.AreEqual(image.Arena8Length, model.Arena8Length);
        Assert.AreEqual(bytes.Length, model.FileLength);
    }

    [TestMethod]
    public void ChecksumIsIeeeCrc32AndTheIdIsTheContentHash()
    {
        Assert.AreEqual(0xCBF43926u, Edge.Device.Codec.Crc32.Compute("123456789"u8.ToArray(), 0, 9), "the CRC-32 check value");
        var (image, bytes) = Written.Value;
        Assert.AreEqual(System.IO.Hashing.Crc32.HashToUInt32(bytes.AsSpan(0, bytes.Length - 4)), BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(bytes.Length - 4)));
        var model = ModelReader.Read(bytes);
        CollectionAssert.AreEqual(EdgeModelWriter.ComputeId(bytes), model.Id);
        CollectionAssert.AreEqual(bytes, EdgeModelWriter.Write(image), "the same content gives the same file");
        image.Metadata.Add(("note", "changed"));
        try
        {
            CollectionAssert.AreNotEqual(model.Id, ModelReader.Read(EdgeModelWriter.Write(image)).Id, "different content, different id");
        }
        finally
        {
            image.Metadata.RemoveAt(image.Metadata.Count - 1);
        }
    }

    [TestMethod]
    public void TruncationAtEverySectionBoundaryIsReported()
    {
        var bytes = Written.Value.Bytes;
        var boundaries = new SortedSet<int> { 0, 3, 4, EdgeModelFormat.HeaderSize, bytes.Length - 4, bytes.Length - 1 };
        int sections = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(EdgeModelFormat.SectionCountOffset));
        boundaries.Add(EdgeModelFormat.HeaderSize + sections * EdgeModelFormat.SectionEntrySize);
        for (int i = 0; i < sections; i++)
        {
            var entry = bytes.AsSpan(EdgeModelFormat.HeaderSize + i * EdgeModelFormat.SectionEntrySize);
            int offset = BinaryPrimitives.ReadInt32LittleEndian(entry[4..]), length = BinaryPrimitives.ReadInt32LittleEndian(entry[8..]);
            boundaries.Add(offset);
            boundaries.Add(offset + length / 2);
            boundaries.Add(offset + length);
        }
        foreach (int length in boundaries)
        {
            var e = Assert.ThrowsExactly<EdgeFormatException>(() => ModelReader.Read(bytes[..length]), $"cut at {length}");
            StringAssert.Matches(e.Message, new System.Text.RegularExpressions.Regex(length < 4 ? "not an Edge model" : "truncated"), $"cut at {length}: {e.Message}");
        }
    }

    [TestMethod]
    public void EveryFlippedByteIsCaught()
    {
        var bytes = Written.Value.Bytes;
        for (int i = 0; i < bytes.Length; i++)
        {
            var corrupt = (byte[])bytes.Clone();
            corrupt[i] ^= 0x10;
            Assert.ThrowsExactly<EdgeFormatException>(() => ModelReader.Read(corrupt), $"flipped byte {i}");
        }
        var flipped = (byte[])bytes.Clone();
        flipped[EdgeModelFormat.HeaderSize + 40] ^= 1;
        StringAssert.Contains(Assert.ThrowsExactly<EdgeFormatException>(() => ModelReader.Read(flipped)).Message, "checksum mismatch");
    }

    [TestMethod]
    public void ForeignFilesAndFutureVersionsAreRejectedByName()
    {
        var onnx = File.ReadAllBytes(Samples.File("flux_mlp.onnx"));
        StringAssert.Contains(Assert.ThrowsExactly<EdgeFormatException>(() => ModelReader.Read(onnx)).Message, "not an Edge model file");

        var future = Recrc(Written.Value.Bytes, b => BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(EdgeModelFormat.VersionOffset), 2));
        StringAssert.Contains(Assert.ThrowsExactly<EdgeFormatException>(() => ModelReader.Read(future)).Message, "format version 2 is newer");
    }

    [TestMethod]
    public void UnknownSectionsAreSkippedUnlessRequired()
    {
        var bytes = Written.Value.Bytes;
        int drift = SectionEntry(bytes, SectionId.DriftProfile);
        var optional = Recrc(bytes, b => BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(drift), 99));
        Assert.IsEmpty(ModelReader.Read(optional).DriftProfile, "an unknown optional section is skipped");
        var required = Recrc(bytes, b =>
        {
            BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(drift), 99);
            BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(drift + 2), EdgeModelFormat.SectionRequired);
        });
        StringAssert.Contains(Assert.ThrowsExactly<EdgeFormatException>(() => ModelReader.Read(required)).Message, "required but unknown");
    }

    [TestMethod]
    public void ParametersOutsideTheConstantsAreRejectedWithTheOpName()
    {
        var image = Image();
        image.Ops[0].Parameters[FullyConnectedInt8.WeightsAt] = 1_000_000;
        var e = Assert.ThrowsExactly<EdgeFormatException>(() => ModelReader.Read(EdgeModelWriter.Write(image)));
        StringAssert.Contains(e.Message, "operation 0 (FullyConnected '/net/net.0/Gemm')");
        StringAssert.Contains(e.Message, "weights");

        image = Image();
        image.Ops[1].Parameters[FullyConnectedInt8.ShiftsAt] = image.Ops[1].Parameters[FullyConnectedInt8.BiasAt];   // biases are no valid shifts
        StringAssert.Contains(Assert.ThrowsExactly<EdgeFormatException>(() => ModelReader.Read(EdgeModelWriter.Write(image))).Message, "shift");
    }

    private static int SectionEntry(byte[] bytes, int id)
    {
        int count = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(EdgeModelFormat.SectionCountOffset));
        for (int i = 0; i < count; i++)
        {
            int at = EdgeModelFormat.HeaderSize + i * EdgeModelFormat.SectionEntrySize;
            if (BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at)) == id) return at;
        }
        throw new AssertFailedException($"no section {id}");
    }

    /// <summary>A copy changed by <paramref name="edit"/> with a valid checksum, to reach the checks behind the CRC.</summary>
    private static byte[] Recrc(byte[] bytes, Action<byte[]> edit)
    {
        var copy = (byte[])bytes.Clone();
        edit(copy);
        BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(copy.Length - 4), System.IO.Hashing.Crc32.HashToUInt32(copy.AsSpan(0, copy.Length - 4)));
        return copy;
    }
}
