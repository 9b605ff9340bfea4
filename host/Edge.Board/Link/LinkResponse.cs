using Edge.Device.Codec;
using Edge.Device.Link;
using Edge.Device.Link.Messages;

namespace Edge.Board.Link;

/// <summary>A board's answer to one request: its status and payload, and how many sends it took.</summary>
public sealed record LinkResponse(byte Command, byte Status, byte[] Payload, int Attempts)
{
    public bool Ok => Status == LinkStatus.Ok;

    public string StatusName => LinkStatus.Name(Status);

    /// <summary>Where it came from, for messages.</summary>
    public string Address { get; init; } = "";

    /// <summary>The board's ASCII message in the payload of bad-request, invalid-file and failed responses.</summary>
    public string Message => Decode(new ErrorText()).Text;

    /// <summary>Reads the payload into a message; a payload that does not read is the board's fault, named as such.</summary>
    public T Decode<T>(T message) where T : LinkMessage =>
        Read(Payload, message, $"{LinkCommand.Name(Command)} reply from {Address}", $"board at {Address} sent a malformed answer");

    /// <summary>A payload read into its message; one that does not read is the board's fault, said as <paramref name="what"/>.</summary>
    internal static T Read<T>(byte[] payload, T message, string source, string what) where T : LinkMessage
    {
        try
        {
            message.Read(new ByteReader(payload, 0, payload.Length, source));
            return message;
        }
        catch (EdgeFormatException e)
        {
            throw new BoardLinkException($"{what}: {e.Message}", e);
        }
    }
}
