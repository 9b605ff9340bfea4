namespace Edge.Transport;

/// <summary>Any stream as a transport (tests, in-memory pipes, an accepted socket).</summary>
public sealed class StreamTransport(Stream stream, string description) : IByteTransport
{
    public string Description { get; } = description;

    public Stream Stream { get; } = stream;

    public ValueTask DisposeAsync() => Stream.DisposeAsync();
}
