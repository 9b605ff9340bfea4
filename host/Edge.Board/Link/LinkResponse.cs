using Edge.Device.Board;

namespace Edge.Board.Link;

/// <summary>A board's answer to one request: its status and payload.</summary>
public sealed record LinkResponse(byte Command, byte Status, byte[] Payload, int Attempts)
{
    public bool Ok => Status == LinkStatus.Ok;

    public string StatusName => LinkStatus.Name(Status);

    /// <summary>The board's ASCII message in the payload of invalid-file and failed responses.</summary>
    public string Message => System.Text.Encoding.ASCII.GetString(Payload);
}
