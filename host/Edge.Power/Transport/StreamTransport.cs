namespace Edge.Power.Transport;

/// <summary>Any duplex stream as a transport (in-process pairs, tests, custom links).</summary>
public sealed class StreamTransport(Stream stream, string description) : IPowerTransport
{
    public string Description { get; } = description;

    public Stream Stream { get; } = stream;

    public ValueTask DisposeAsync() => Stream.DisposeAsync();
}
