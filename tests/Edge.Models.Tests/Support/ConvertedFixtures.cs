using Edge.Device.Model;
using Edge.Models.Verification;

namespace Edge.Models.Tests.Support;

/// <summary>One motor-flux model converted on its training set, once per test run, shared by the tests that need it.</summary>
public sealed record ConvertedFixture(string Name, string OnnxPath, string ModelPath, string TestData, ConversionResult Result)
{
    public EdgeModel Model => Result.Model;

    public VerificationReport Verify() => ModelVerifier.Verify(new VerifyOptions(ModelPath, OnnxPath, TestData));
}

public static class ConvertedFixtures
{
    private static readonly Dictionary<string, Lazy<ConvertedFixture>> Cache = new[]
    {
        ("flux_mlp", "features"), ("flux_cnn1d", "windows"), ("flux_iforest", "features"), ("flux_autoencoder", "features"),
    }.ToDictionary(m => m.Item1, m => new Lazy<ConvertedFixture>(() => Convert(m.Item1, m.Item2)));

    public static ConvertedFixture Get(string name) => Cache[name].Value;

    public static IEnumerable<string> Names => Cache.Keys;

    private static ConvertedFixture Convert(string name, string kind)
    {
        string onnx = Samples.File($"{name}.onnx");
        string output = Samples.ScratchFile($"{name}.edgem");
        var result = ModelConverter.Convert(new ConvertOptions(onnx, Samples.File($"train_164V.{kind}.csv"), output));
        File.WriteAllBytes(output, result.Bytes);
        return new ConvertedFixture(name, onnx, output, Samples.File($"test_164V.{kind}.csv"), result);
    }
}
