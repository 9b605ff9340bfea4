using Edge.Ads.Framing;
using Edge.Ads.Messages;

namespace Edge.Ads.Tests.Support;

/// <summary>Request payloads and small byte helpers for raw tests.</summary>
internal static class Payloads
{
    public static byte[] Read(uint group, uint offset, uint length) => Build(w => AdsRequestEncoder.WriteRead(w, new AdsReadRequest(group, offset, length)));

    public static byte[] ReadWrite(uint group, uint offset, uint readLength, byte[] data) =>
        Build(w => AdsRequestEncoder.WriteReadWrite(w, new AdsReadWriteRequest(group, offset, readLength, data)));

    public static byte[] Name(string name) => AdsRequestEncoder.Name(name);

    public static byte[] U32(params uint[] values) => values.SelectMany(BitConverter.GetBytes).ToArray();

    public static byte[] Build(Action<AdsBufferWriter> write)
    {
        var writer = new AdsBufferWriter();
        write(writer);
        return writer.ToArray();
    }
}
