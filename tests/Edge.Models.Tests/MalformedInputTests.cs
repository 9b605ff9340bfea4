using System.Buffers.Binary;
using Edge.Device.Codec;
using Edge.Device.Model;
using Edge.Models.Import;
using Edge.Models.Onnx;
using Edge.Models.Tests.Support;

namespace Edge.Models.Tests;

/// <summary>
/// Property: whatever the bytes, reading an ONNX model or an .edgem file either succeeds or
/// fails with the documented exception and a message; it never crashes with anything else.
/// </summary>
[TestClass]
public sealed class MalformedInputTests
{
    [TestMethod]
    public void MutatedOnnxModelsFailOnlyWithImportErrors()
    {
        var original = File.ReadAllBytes(Samples.File("flux_cnn1d.onnx"));
        var random = new Random(12);
        int failures = 0;
        for (int trial = 0; trial < 400; trial++)
        {
            var bytes = (byte[])original.Clone();
            for (int k = 0; k < 1 + trial % 4; k++) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            if (trial % 5 == 0) bytes = bytes[..random.Next(bytes.Length)];
            try
            {
                OnnxImporter.Import(OnnxModelFile.Parse(bytes, "mutated.onnx"), "mutated.onnx");
            }
            catch (ModelImportException e)
            {
                Assert.IsFalse(string.IsNullOrWhiteSpace(e.Message));
                failures++;
            }
        }
        Assert.IsGreaterThan(0, failures, "some mutations must be caught");
    }

    [TestMethod]
    public void MutatedModelFilesBehindAValidChecksumFailOnlyWithFormatErrors()
    {
        var original = ConvertedFixtures.Get("flux_cnn1d").Result.Bytes;
        var random = new Random(13);
        int failures = 0;
        for (int trial = 0; trial < 3000; trial++)
        {
            var bytes = (byte[])original.Clone();
            int at = random.Next(bytes.Length - 4);
            // Mostly small integers, the values most likely to pass one check and break the next.
            bytes[at] = (byte)(trial % 3 == 0 ? random.Next(256) : random.Next(8));
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(bytes.Length - 4), System.IO.Hashing.Crc32.HashToUInt32(bytes.AsSpan(0, bytes.Length - 4)));
            try
            {
                var model = ModelReader.Read(bytes);
                new Device.Inference.Interpreter(model).Invoke();
            }
            catch (EdgeFormatException e)
            {
                Assert.IsFalse(string.IsNullOrWhiteSpace(e.Message));
                failures++;
            }
        }
        Assert.IsGreaterThan(100, failures, "most mutations must be caught");
    }
}
